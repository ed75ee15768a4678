/* weft-export-gexf.c: the relationship graph as GEXF, for Gephi
 *
 * The same graph as the GraphML export (entities and events as nodes,
 * relations and participations as edges, kinds and types as attributes),
 * in a dynamic graph (mode "dynamic", timeformat "date"): events, dated
 * relations and participations carry spells from their first to their
 * last day, so Gephi's timeline can replay the graph; an open or unknown
 * end has no bound ("2019/" starts in 2019 and never ends, not 2019
 * alone). Undated items have no spell and are always there. Relations
 * between items that are not nodes are left out. Everything is escaped.
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include "weft-graph.h"
#include "weft-interchange-private.h"

static void
spells (WeftWriter     *w,
        const WeftDate *date)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  if (date == NULL)
    return;

  weft_export_date_days (date, &start, &end);
  weft_writer_append (w, "        <spells>\n          <spell");
  if (start != NULL)
    weft_writer_printf (w, " start=\"%s\"", start);
  if (end != NULL)
    weft_writer_printf (w, " end=\"%s\"", end);
  weft_writer_append (w, "/>\n        </spells>\n");
}

static void
attribute (WeftWriter *w,
           const char *id,
           const char *type)
{
  weft_writer_printf (w, "      <attribute id=\"%s\" title=\"%s\" type=\"%s\"/>\n", id, id, type);
}

static void
write_node (WeftWriter *w,
            WeftItem   *item)
{
  WeftExportNode node;

  weft_export_node_init (&node, item);
  weft_writer_append (w, "      <node id=\"");
  weft_writer_append_xml (w, item->id);
  weft_writer_append (w, "\" label=\"");
  weft_writer_append_xml (w, weft_item_get_label (item));
  weft_writer_append (w, "\">\n        <attvalues>\n");
  weft_export_graph_attribute (w, WEFT_FORMAT_GEXF, "node_type", node.type);
  weft_export_graph_attribute (w, WEFT_FORMAT_GEXF, "kind", node.kind);
  weft_export_graph_attribute (w, WEFT_FORMAT_GEXF, "description", node.description);
  weft_export_graph_attribute (w, WEFT_FORMAT_GEXF, "group", node.group);
  /* Other items show their dates as spells only. */
  weft_export_graph_attribute (w, WEFT_FORMAT_GEXF, "date", item->type == WEFT_ITEM_EVENT ? node.date_text : NULL);
  weft_writer_append (w, "        </attvalues>\n");
  spells (w, node.date);
  weft_writer_append (w, "      </node>\n");
}

static void
write_edge (WeftWriter           *w,
            const WeftExportEdge *edge)
{
  weft_export_graph_edge_open (w, "      ", edge);
  weft_writer_append (w, " label=\"");
  weft_writer_append_xml (w, edge->label ? edge->label : edge->type);
  weft_writer_append (w, "\">\n        <attvalues>\n");
  weft_export_graph_attribute (w, WEFT_FORMAT_GEXF, "edge_type", edge->type);
  weft_export_graph_attribute (w, WEFT_FORMAT_GEXF, "date", edge->date_text);
  weft_writer_append (w, "        </attvalues>\n");
  spells (w, edge->date);
  weft_writer_append (w, "      </edge>\n");
}

gboolean
weft_export_gexf (WeftDataset *dataset,
                  WeftWriter  *w)
{
  g_autoptr(GHashTable) is_node = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) nodes = weft_graph_dup_dataset_nodes (dataset, TRUE, is_node);
  g_autoptr(GArray) edges = weft_export_graph_edges (dataset, is_node);

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

  for (guint i = 0; i < nodes->len; i++)
    write_node (w, g_ptr_array_index (nodes, i));

  weft_writer_append (w, "    </nodes>\n    <edges>\n");

  for (guint i = 0; i < edges->len; i++)
    write_edge (w, &g_array_index (edges, WeftExportEdge, i));

  weft_writer_append (w, "    </edges>\n  </graph>\n</gexf>\n");
  return TRUE;
}
