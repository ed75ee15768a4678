/* weft-export-graphml.c: the relationship graph as GraphML
 *
 * Nodes are the entities and the events (node_type "entity" or "event",
 * with the entity kind or "event" as kind); edges are the relations (their
 * type as edge_type) and each participation of an entity in an event
 * (edge_type "participant", the role as label). Dates are written as the
 * EDTF text and as first and last day (ISO 8601). Everything is escaped.
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include "weft-interchange-private.h"

/* Items that are nodes: entities, events, and whatever else a relation
 * joins. */
static GPtrArray *
graph_nodes (WeftDataset *dataset,
             GHashTable  *is_node)
{
  GPtrArray *nodes = g_ptr_array_new ();
  GPtrArray *lists[] = { weft_dataset_get_entities (dataset), weft_dataset_get_events (dataset) };
  GPtrArray *relations = weft_dataset_get_relations (dataset);

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < lists[l]->len; i++)
      {
        WeftItem *item = g_ptr_array_index (lists[l], i);
        g_ptr_array_add (nodes, item);
        g_hash_table_add (is_node, item);
      }

  for (guint i = 0; i < relations->len; i++)
    {
      WeftRelation *r = g_ptr_array_index (relations, i);
      WeftItem *ends[] = { weft_dataset_lookup (dataset, r->from), weft_dataset_lookup (dataset, r->to) };

      for (guint e = 0; e < 2; e++)
        if (ends[e] != NULL && g_hash_table_add (is_node, ends[e]))
          g_ptr_array_add (nodes, ends[e]);
    }

  return nodes;
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
data (WeftWriter *w,
      const char *key,
      const char *value)
{
  if (value == NULL)
    return;
  weft_writer_printf (w, "      <data key=\"%s\">", key);
  weft_writer_append_xml (w, value);
  weft_writer_append (w, "</data>\n");
}

static void
date_data (WeftWriter     *w,
           const char     *prefix,
           const WeftDate *date,
           const char     *date_text)
{
  g_autofree char *date_key = g_strdup_printf ("%s_date", prefix);
  g_autofree char *start_key = g_strdup_printf ("%s_start", prefix);
  g_autofree char *end_key = g_strdup_printf ("%s_end", prefix);

  if (date == NULL || date_text == NULL)
    return;
  data (w, date_key, date_text);
  if (date->lower > WEFT_DAY_OPEN_LOWER)
    {
      g_autofree char *start = weft_day_to_iso (date->lower);
      data (w, start_key, start);
    }
  if (date->upper < WEFT_DAY_OPEN_UPPER)
    {
      g_autofree char *end = weft_day_to_iso (date->upper);
      data (w, end_key, end);
    }
}

static void
key (WeftWriter *w,
     const char *id,
     const char *domain,
     const char *name,
     const char *type)
{
  weft_writer_printf (w, "  <key id=\"%s\" for=\"%s\" attr.name=\"%s\" attr.type=\"%s\"/>\n", id, domain, name, type);
}

gboolean
weft_export_graphml (WeftDataset *dataset,
                     WeftWriter  *w)
{
  g_autoptr(GHashTable) is_node = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) nodes = graph_nodes (dataset, is_node);
  GPtrArray *relations = weft_dataset_get_relations (dataset);
  GPtrArray *events = weft_dataset_get_events (dataset);

  weft_writer_append (w,
                      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
                      "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                      "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
                      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");

  key (w, "g_title", "graph", "title", "string");
  key (w, "n_label", "node", "label", "string");
  key (w, "n_type", "node", "node_type", "string");
  key (w, "n_kind", "node", "kind", "string");
  key (w, "n_description", "node", "description", "string");
  key (w, "n_country", "node", "country", "string");
  key (w, "n_group", "node", "group", "string");
  key (w, "n_date", "node", "date", "string");
  key (w, "n_start", "node", "start", "string");
  key (w, "n_end", "node", "end", "string");
  key (w, "e_type", "edge", "edge_type", "string");
  key (w, "e_label", "edge", "label", "string");
  key (w, "e_date", "edge", "date", "string");
  key (w, "e_start", "edge", "start", "string");
  key (w, "e_end", "edge", "end", "string");
  key (w, "e_claims", "edge", "claims", "int");

  weft_writer_append (w, "  <graph id=\"G\" edgedefault=\"directed\">\n");
  data (w, "g_title", weft_dataset_get_title (dataset));

  for (guint i = 0; i < nodes->len; i++)
    {
      WeftItem *item = g_ptr_array_index (nodes, i);

      weft_writer_append (w, "    <node id=\"");
      weft_writer_append_xml (w, item->id);
      weft_writer_append (w, "\">\n");
      data (w, "n_label", weft_item_get_label (item));
      data (w, "n_type", node_type (item));
      if (item->type == WEFT_ITEM_ENTITY)
        {
          WeftEntity *e = (WeftEntity *) item;

          data (w, "n_kind", weft_entity_kind_to_string (e->kind));
          data (w, "n_description", e->description);
          data (w, "n_country", e->country);
        }
      else if (item->type == WEFT_ITEM_EVENT)
        {
          WeftEvent *e = (WeftEvent *) item;

          data (w, "n_kind", "event");
          data (w, "n_description", e->description);
          data (w, "n_group", e->group);
          date_data (w, "n", &e->date, e->date_text);
        }
      else
        {
          const WeftDate *date = weft_item_get_date (item);

          data (w, "n_kind", node_type (item));
          if (date != NULL)
            {
              const char *text = item->type == WEFT_ITEM_SOURCE ? ((WeftSource *) item)->date_text
                               : item->type == WEFT_ITEM_CLAIM ? ((WeftClaim *) item)->date_text
                               : item->type == WEFT_ITEM_RELATION ? ((WeftRelation *) item)->date_text
                               : item->type == WEFT_ITEM_ERA ? ((WeftEra *) item)->date_text : NULL;
              date_data (w, "n", date, text);
            }
        }
      weft_writer_append (w, "    </node>\n");
    }

  for (guint i = 0; i < relations->len; i++)
    {
      WeftRelation *r = g_ptr_array_index (relations, i);
      guint n_claims = 0;

      if (!g_hash_table_contains (is_node, weft_dataset_lookup (dataset, r->from)) ||
          !g_hash_table_contains (is_node, weft_dataset_lookup (dataset, r->to)))
        continue;

      while (r->claims != NULL && r->claims[n_claims] != NULL)
        n_claims++;

      weft_writer_append (w, "    <edge id=\"");
      weft_writer_append_xml (w, r->item.id);
      weft_writer_append (w, "\" source=\"");
      weft_writer_append_xml (w, r->from);
      weft_writer_append (w, "\" target=\"");
      weft_writer_append_xml (w, r->to);
      weft_writer_append (w, "\">\n");
      data (w, "e_type", r->type);
      data (w, "e_label", r->label ? r->label : r->type);
      date_data (w, "e", r->date_text ? &r->date : NULL, r->date_text);
      weft_writer_printf (w, "      <data key=\"e_claims\">%u</data>\n", n_claims);
      weft_writer_append (w, "    </edge>\n");
    }

  for (guint i = 0; i < events->len; i++)
    {
      WeftEvent *e = g_ptr_array_index (events, i);

      for (guint j = 0; j < e->n_participants; j++)
        {
          g_autofree char *id = g_strdup_printf ("%s/participant/%u", e->item.id, j);

          weft_writer_append (w, "    <edge id=\"");
          weft_writer_append_xml (w, id);
          weft_writer_append (w, "\" source=\"");
          weft_writer_append_xml (w, e->participants[j].entity);
          weft_writer_append (w, "\" target=\"");
          weft_writer_append_xml (w, e->item.id);
          weft_writer_append (w, "\">\n");
          data (w, "e_type", "participant");
          data (w, "e_label", e->participants[j].role);
          date_data (w, "e", &e->date, e->date_text);
          weft_writer_append (w, "    </edge>\n");
        }
    }

  weft_writer_append (w, "  </graph>\n</graphml>\n");
  return TRUE;
}
