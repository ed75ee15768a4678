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

#include "weft-graph.h"
#include "weft-interchange-private.h"

static void
date_data (WeftWriter     *w,
           const char     *prefix,
           const WeftDate *date,
           const char     *date_text)
{
  g_autofree char *date_key = g_strdup_printf ("%s_date", prefix);
  g_autofree char *start_key = g_strdup_printf ("%s_start", prefix);
  g_autofree char *end_key = g_strdup_printf ("%s_end", prefix);
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  if (date == NULL || date_text == NULL)
    return;
  weft_export_graph_attribute (w, WEFT_FORMAT_GRAPHML, date_key, date_text);
  weft_export_date_days (date, &start, &end);
  weft_export_graph_attribute (w, WEFT_FORMAT_GRAPHML, start_key, start);
  weft_export_graph_attribute (w, WEFT_FORMAT_GRAPHML, end_key, end);
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
  g_autoptr(GPtrArray) nodes = weft_graph_dup_dataset_nodes (dataset, TRUE, is_node);
  g_autoptr(GArray) edges = weft_export_graph_edges (dataset, is_node);

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
  weft_export_graph_attribute (w, WEFT_FORMAT_GRAPHML, "g_title", weft_dataset_get_title (dataset));

  for (guint i = 0; i < nodes->len; i++)
    {
      WeftItem *item = g_ptr_array_index (nodes, i);
      WeftExportNode node;

      weft_export_node_init (&node, item);
      weft_writer_append (w, "    <node id=\"");
      weft_writer_append_xml (w, item->id);
      weft_writer_append (w, "\">\n");
      weft_export_graph_attribute (w, WEFT_FORMAT_GRAPHML, "n_label", weft_item_get_label (item));
      weft_export_graph_attribute (w, WEFT_FORMAT_GRAPHML, "n_type", node.type);
      weft_export_graph_attribute (w, WEFT_FORMAT_GRAPHML, "n_kind", node.kind);
      weft_export_graph_attribute (w, WEFT_FORMAT_GRAPHML, "n_description", node.description);
      weft_export_graph_attribute (w, WEFT_FORMAT_GRAPHML, "n_country", node.country);
      weft_export_graph_attribute (w, WEFT_FORMAT_GRAPHML, "n_group", node.group);
      date_data (w, "n", node.date, node.date_text);
      weft_writer_append (w, "    </node>\n");
    }

  for (guint i = 0; i < edges->len; i++)
    {
      const WeftExportEdge *edge = &g_array_index (edges, WeftExportEdge, i);
      const WeftRelation *r = edge->item->type == WEFT_ITEM_RELATION ? (const WeftRelation *) edge->item : NULL;
      guint n_claims = 0;

      weft_export_graph_edge_open (w, "    ", edge);
      weft_writer_append (w, ">\n");
      weft_export_graph_attribute (w, WEFT_FORMAT_GRAPHML, "e_type", edge->type);
      /* A relation without a label shows its type; a participation shows
       * its role, when it has one. */
      weft_export_graph_attribute (w, WEFT_FORMAT_GRAPHML, "e_label", edge->label == NULL && r != NULL ? edge->type : edge->label);
      date_data (w, "e", edge->date, edge->date_text);
      if (r != NULL)
        {
          while (r->claims != NULL && r->claims[n_claims] != NULL)
            n_claims++;
          weft_writer_printf (w, "      <data key=\"e_claims\">%u</data>\n", n_claims);
        }
      weft_writer_append (w, "    </edge>\n");
    }

  weft_writer_append (w, "  </graph>\n</graphml>\n");
  return TRUE;
}
