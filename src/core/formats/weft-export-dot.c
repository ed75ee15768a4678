/* weft-export-dot.c: the relationship graph as Graphviz DOT text
 *
 * Standalone (no Graphviz library): entities, and any other item a
 * relation joins, as nodes; relations as edges labelled with their type.
 * Every id and label is a quoted string with " and \ escaped, so names
 * never turn into DOT syntax, HTML labels or Graphviz escapes (\N, \G, \l
 * stay literal); line breaks become \n. The kind goes in a "kind"
 * attribute, the date in "date".
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

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

static const char *
shape_for (const WeftItem *item)
{
  if (item->type != WEFT_ITEM_ENTITY)
    return "note";
  switch (((const WeftEntity *) item)->kind)
    {
    case WEFT_ENTITY_PERSON: return "ellipse";
    case WEFT_ENTITY_PLACE: return "house";
    case WEFT_ENTITY_GOVERNMENT: return "box3d";
    case WEFT_ENTITY_TECHNOLOGY: return "component";
    case WEFT_ENTITY_ORGANIZATION:
    case WEFT_ENTITY_COMPANY:
    case WEFT_ENTITY_GROUP:
    case WEFT_ENTITY_PROGRAM:
    case WEFT_ENTITY_OTHER:
    case WEFT_N_ENTITY_KINDS:
    default:
      return "box";
    }
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
  weft_writer_printf (w, ", shape=%s];\n", shape_for (item));
}

gboolean
weft_export_dot (WeftDataset *dataset,
                 WeftWriter  *w)
{
  g_autoptr(GHashTable) is_node = g_hash_table_new (NULL, NULL);
  GPtrArray *entities = weft_dataset_get_entities (dataset);
  GPtrArray *relations = weft_dataset_get_relations (dataset);

  weft_writer_append (w, "digraph ");
  quoted (w, weft_dataset_get_title (dataset) ? weft_dataset_get_title (dataset) : "weft");
  weft_writer_append (w, " {\n  graph [charset=\"UTF-8\", label=");
  quoted (w, weft_dataset_get_title (dataset));
  weft_writer_append (w, ", labelloc=t];\n  node [style=rounded, fontname=\"sans\"];\n"
                         "  edge [fontname=\"sans\", fontsize=10];\n");

  for (guint i = 0; i < entities->len; i++)
    {
      write_node (w, g_ptr_array_index (entities, i));
      g_hash_table_add (is_node, g_ptr_array_index (entities, i));
    }
  for (guint i = 0; i < relations->len; i++)
    {
      WeftRelation *r = g_ptr_array_index (relations, i);
      WeftItem *ends[] = { weft_dataset_lookup (dataset, r->from), weft_dataset_lookup (dataset, r->to) };

      for (guint e = 0; e < 2; e++)
        if (ends[e] != NULL && g_hash_table_add (is_node, ends[e]))
          write_node (w, ends[e]);
    }

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
