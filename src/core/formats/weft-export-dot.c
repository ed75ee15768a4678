/* weft-export-dot.c: the relationship graph as Graphviz DOT text
 *
 * Standalone (no Graphviz library): entities, and any other item a
 * relation joins, as nodes in the shapes `weft graph` draws them with;
 * relations as edges labelled with their type.
 * Every id and label is a quoted string with " and \ escaped, so names
 * never turn into DOT syntax, HTML labels or Graphviz escapes (\N, \G, \l
 * stay literal); line breaks become \n. The kind goes in a "kind"
 * attribute, the date in "date".
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include "weft-graph.h"
#include "weft-interchange-private.h"

/* A DOT quoted string. */
static void
quoted (WeftWriter *w,
        const char *text)
{
  g_autofree char *valid = NULL;

  if (text == NULL)
    text = "";
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  weft_writer_append_c (w, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"': weft_writer_append (w, "\\\""); break;
        case '\\': weft_writer_append (w, "\\\\"); break;
        case '\n': weft_writer_append (w, "\\n"); break;
        case '\r': break;
        default:
          if ((guchar) *p < 0x20)
            weft_writer_append_c (w, ' ');
          else
            weft_writer_append_c (w, *p);
          break;
        }
    }
  weft_writer_append_c (w, '"');
}

static void
write_node (WeftWriter *w,
            WeftItem   *item)
{
  weft_writer_append (w, "  ");
  quoted (w, item->id);
  weft_writer_append (w, " [label=");
  quoted (w, weft_item_get_label (item));
  weft_writer_append (w, ", kind=");
  quoted (w, item->type == WEFT_ITEM_ENTITY ? weft_entity_kind_to_string (((WeftEntity *) item)->kind)
                                            : weft_item_type_label (item->type));
  /* The shape weft graph draws the item with (weft-graph-style.c). */
  weft_writer_printf (w, ", shape=%s];\n", weft_graph_style_for_item (item)->graphviz_shape);
}

gboolean
weft_export_dot (WeftDataset *dataset,
                 WeftWriter  *w)
{
  g_autoptr(GPtrArray) nodes = weft_graph_dup_dataset_nodes (dataset, FALSE, NULL);
  GPtrArray *relations = weft_dataset_get_relations (dataset);

  weft_writer_append (w, "digraph ");
  quoted (w, weft_dataset_get_title (dataset) ? weft_dataset_get_title (dataset) : "weft");
  weft_writer_append (w, " {\n  graph [charset=\"UTF-8\", label=");
  quoted (w, weft_dataset_get_title (dataset));
  weft_writer_append (w, ", labelloc=t];\n  node [style=rounded, fontname=\"sans\"];\n"
                         "  edge [fontname=\"sans\", fontsize=10];\n");

  for (guint i = 0; i < nodes->len; i++)
    write_node (w, g_ptr_array_index (nodes, i));

  for (guint i = 0; i < relations->len; i++)
    {
      WeftRelation *r = g_ptr_array_index (relations, i);

      weft_writer_append (w, "  ");
      quoted (w, r->from);
      weft_writer_append (w, " -> ");
      quoted (w, r->to);
      weft_writer_append (w, " [label=");
      quoted (w, r->label ? r->label : r->type);
      weft_writer_append (w, ", type=");
      quoted (w, r->type);
      weft_writer_append (w, ", id=");
      quoted (w, r->item.id);
      if (r->date_text != NULL)
        {
          weft_writer_append (w, ", date=");
          quoted (w, r->date_text);
        }
      weft_writer_append (w, "];\n");
    }

  weft_writer_append (w, "}\n");
  return TRUE;
}
