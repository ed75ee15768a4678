/* weft-export-gexf.c: the relationship graph as GEXF, for Gephi
 *
 * The same graph as the GraphML export (entities and events as nodes,
 * relations and participations as edges, kinds and types as attributes),
 * in a dynamic graph (mode "dynamic", timeformat "date"): events, dated
 * relations and participations carry spells from their first to their
 * last day, so Gephi's timeline can replay the graph. Undated items have
 * no spell and are always there. Everything is escaped.
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include "weft-interchange-private.h"

static void
attvalue (WeftWriter *w,
          const char *id,
          const char *value)
{
  if (value == NULL)
    return;
  weft_writer_printf (w, "          <attvalue for=\"%s\" value=\"", id);
  weft_writer_append_xml (w, value);
  weft_writer_append (w, "\"/>\n");
}

static void
spells (WeftWriter     *w,
        const WeftDate *date)
{
  if (date == NULL)
    return;

  weft_writer_append (w, "        <spells>\n          <spell");
  if (date->lower > WEFT_DAY_OPEN_LOWER)
    {
      g_autofree char *start = weft_day_to_iso (date->lower);
      weft_writer_printf (w, " start=\"%s\"", start);
    }
  if (date->upper < WEFT_DAY_OPEN_UPPER)
    {
      g_autofree char *end = weft_day_to_iso (date->upper);
      weft_writer_printf (w, " end=\"%s\"", end);
    }
  weft_writer_append (w, "/>\n        </spells>\n");
}

static void
attribute (WeftWriter *w,
           const char *id,
           const char *type)
{
  weft_writer_printf (w, "      <attribute id=\"%s\" title=\"%s\" type=\"%s\"/>\n", id, id, type);
}

static const char *
node_type (const WeftItem *item)
{
  switch (item->type)
    {
    case WEFT_ITEM_ENTITY: return "entity";
    case WEFT_ITEM_EVENT: return "event";
    case WEFT_ITEM_SOURCE: return "source";
    case WEFT_ITEM_CLAIM: return "claim";
    case WEFT_ITEM_RELATION: return "relation";
    case WEFT_ITEM_ERA: return "era";
    case WEFT_ITEM_NONE:
    default:
      return "item";
    }
}

static void
write_node (WeftWriter *w,
            WeftItem   *item)
{
  const char *kind = node_type (item);
  const char *description = NULL;
  const char *group = NULL;
  const char *date_text = NULL;

  if (item->type == WEFT_ITEM_ENTITY)
    {
      kind = weft_entity_kind_to_string (((WeftEntity *) item)->kind);
      description = ((WeftEntity *) item)->description;
    }
  else if (item->type == WEFT_ITEM_EVENT)
    {
      description = ((WeftEvent *) item)->description;
      group = ((WeftEvent *) item)->group;
      date_text = ((WeftEvent *) item)->date_text;
    }

  weft_writer_append (w, "      <node id=\"");
  weft_writer_append_xml (w, item->id);
  weft_writer_append (w, "\" label=\"");
  weft_writer_append_xml (w, weft_item_get_label (item));
  weft_writer_append (w, "\">\n        <attvalues>\n");
  attvalue (w, "node_type", node_type (item));
  attvalue (w, "kind", kind);
  attvalue (w, "description", description);
  attvalue (w, "group", group);
  attvalue (w, "date", date_text);
  weft_writer_append (w, "        </attvalues>\n");
  if (item->type != WEFT_ITEM_ENTITY)
    spells (w, weft_item_get_date (item));
  weft_writer_append (w, "      </node>\n");
}

static void
write_edge (WeftWriter     *w,
            const char     *id,
            const char     *source,
            const char     *target,
            const char     *type,
            const char     *label,
            const char     *date_text,
            const WeftDate *date)
{
  weft_writer_append (w, "      <edge id=\"");
  weft_writer_append_xml (w, id);
  weft_writer_append (w, "\" source=\"");
  weft_writer_append_xml (w, source);
  weft_writer_append (w, "\" target=\"");
  weft_writer_append_xml (w, target);
  weft_writer_append (w, "\" label=\"");
  weft_writer_append_xml (w, label ? label : type);
  weft_writer_append (w, "\">\n        <attvalues>\n");
  attvalue (w, "edge_type", type);
  attvalue (w, "date", date_text);
  weft_writer_append (w, "        </attvalues>\n");
  spells (w, date_text ? date : NULL);
  weft_writer_append (w, "      </edge>\n");
}

gboolean
weft_export_gexf (WeftDataset *dataset,
                  WeftWriter  *w)
{
  g_autoptr(GHashTable) is_node = g_hash_table_new (NULL, NULL);
  GPtrArray *entities = weft_dataset_get_entities (dataset);
  GPtrArray *events = weft_dataset_get_events (dataset);
  GPtrArray *relations = weft_dataset_get_relations (dataset);

  weft_writer_append (w,
                      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<gexf xmlns=\"http://www.gexf.net/1.2draft\" version=\"1.2\">\n"
                      "  <meta>\n    <creator>Weft</creator>\n    <description>");
  weft_writer_append_xml (w, weft_dataset_get_title (dataset));
  weft_writer_append (w, "</description>\n  </meta>\n"
                         "  <graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\">\n"
                         "    <attributes class=\"node\" mode=\"static\">\n");
  attribute (w, "node_type", "string");
  attribute (w, "kind", "string");
  attribute (w, "description", "string");
  attribute (w, "group", "string");
  attribute (w, "date", "string");
  weft_writer_append (w, "    </attributes>\n    <attributes class=\"edge\" mode=\"static\">\n");
  attribute (w, "edge_type", "string");
  attribute (w, "date", "string");
  weft_writer_append (w, "    </attributes>\n    <nodes>\n");

  for (guint i = 0; i < entities->len; i++)
    {
      write_node (w, g_ptr_array_index (entities, i));
      g_hash_table_add (is_node, g_ptr_array_index (entities, i));
    }
  for (guint i = 0; i < events->len; i++)
    {
      write_node (w, g_ptr_array_index (events, i));
      g_hash_table_add (is_node, g_ptr_array_index (events, i));
    }
  for (guint i = 0; i < relations->len; i++)
    {
      WeftRelation *r = g_ptr_array_index (relations, i);
      WeftItem *ends[] = { weft_dataset_lookup (dataset, r->from), weft_dataset_lookup (dataset, r->to) };

      for (guint e = 0; e < 2; e++)
        if (ends[e] != NULL && g_hash_table_add (is_node, ends[e]))
          write_node (w, ends[e]);
    }

  weft_writer_append (w, "    </nodes>\n    <edges>\n");

  for (guint i = 0; i < relations->len; i++)
    {
      WeftRelation *r = g_ptr_array_index (relations, i);

      write_edge (w, r->item.id, r->from, r->to, r->type, r->label, r->date_text, &r->date);
    }
  for (guint i = 0; i < events->len; i++)
    {
      WeftEvent *e = g_ptr_array_index (events, i);

      for (guint j = 0; j < e->n_participants; j++)
        {
          g_autofree char *id = g_strdup_printf ("%s/participant/%u", e->item.id, j);

          write_edge (w, id, e->participants[j].entity, e->item.id, "participant",
                      e->participants[j].role ? e->participants[j].role : "participant",
                      e->date_text, &e->date);
        }
    }

  weft_writer_append (w, "    </edges>\n  </graph>\n</gexf>\n");
  return TRUE;
}
