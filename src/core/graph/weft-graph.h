/* weft-graph.h: the relationship graph to draw, as plain data
 *
 * A WeftGraph is what a subgraph of the dataset looks like as nodes and
 * edges: entities (and, when asked, events and claims) with their style,
 * relations with their evidence and the count of sources behind them. It
 * knows nothing of Graphviz; weft-layout.h places it. Immutable once made
 * and reference counted, so a layout thread can read it while the window
 * keeps its own reference.
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include "weft-dataset.h"
#include "weft-graph-style.h"
#include "weft-query.h"

G_BEGIN_DECLS

typedef enum {
  WEFT_EDGE_RELATION,     /* a relation, from -> to */
  WEFT_EDGE_PARTICIPANT,  /* an event -> an entity taking part in it */
  WEFT_EDGE_CLAIMANT,     /* the entity making a claim -> the claim */
  WEFT_EDGE_ABOUT,        /* a claim -> an entity it is about */
  WEFT_EDGE_TOGETHER,     /* in a focus: the entity that brought a node in -> the node, when
                           * they are linked only by being named in the same event or claim */
} WeftEdgeKind;

typedef struct {
  WeftItem            *item;        /* an entity, event or claim; borrowed from the dataset */
  const WeftNodeStyle *style;
  const char          *label;       /* plain text: never markup, never escapes */
  const char          *lines;       /* the label wrapped as it is drawn: lines joined by \n */
  guint                hops;        /* distance from the focus, 0 without one */
  guint                degree;      /* edges in this graph */
} WeftGraphNode;

typedef struct {
  WeftItem            *item;        /* the relation, or the event or claim the edge belongs to */
  WeftEdgeKind         kind;
  guint                tail;        /* node indices */
  guint                head;
  const char          *label;       /* plain text, e.g. "✗ supplies (2)" */
  WeftEvidence         evidence;
  guint                n_claims;
  guint                n_sources;   /* distinct sources cited by those claims */
  gboolean             unsourced;   /* a relation whose claims (one at least) all cite no source */
} WeftGraphEdge;

typedef struct _WeftGraph WeftGraph;

#define WEFT_TYPE_GRAPH (weft_graph_get_type ())
GType          weft_graph_get_type       (void) G_GNUC_CONST;

/* Nodes: the subgraph's entities (in its order), then its events and
 * claims when @show_events / @show_claims. Edges: relations whose two
 * ends are nodes, then event and claim links. */
WeftGraph     *weft_graph_new            (WeftDataset        *dataset,
                                          const WeftSubgraph *subgraph,
                                          gboolean            show_events,
                                          gboolean            show_claims);
WeftGraph     *weft_graph_ref            (WeftGraph          *self);
void           weft_graph_unref          (WeftGraph          *self);

WeftDataset   *weft_graph_get_dataset    (WeftGraph          *self);
guint          weft_graph_get_n_nodes    (WeftGraph          *self);
guint          weft_graph_get_n_entities (WeftGraph          *self);
const WeftGraphNode *weft_graph_get_node (WeftGraph          *self,
                                          guint               index);
guint          weft_graph_get_n_edges    (WeftGraph          *self);
const WeftGraphEdge *weft_graph_get_edge (WeftGraph          *self,
                                          guint               index);
/* The node showing @item, or -1. */
gint           weft_graph_lookup_node    (WeftGraph          *self,
                                          const WeftItem     *item);
/* The first edge drawn for @item (a relation), or -1. */
gint           weft_graph_lookup_edge    (WeftGraph          *self,
                                          const WeftItem     *item);

/* How @edge is drawn: by its evidence; dotted, as unsupported, when
 * its claims cite no source. */
const WeftEdgeStyle *weft_graph_edge_style (const WeftGraphEdge *edge);

/* The items an interchange export of the whole of @dataset (DOT, GEXF,
 * GraphML) draws as nodes, each once: every entity, every event when
 * @with_events, then whatever else the relations name, in their order.
 * @is_node, when not NULL, gets each of them. A new array of borrowed
 * items. */
GPtrArray     *weft_graph_dup_dataset_nodes (WeftDataset        *dataset,
                                             gboolean            with_events,
                                             GHashTable         *is_node);

/* A bounded part of @subgraph for datasets too large to lay out at once:
 * the @max_entities entities with the most links inside it (ties in file
 * order), and the relations, events and claims among them. */
WeftSubgraph  *weft_subgraph_most_connected (WeftDataset        *dataset,
                                             const WeftSubgraph *subgraph,
                                             guint               max_entities);

/* The part of @subgraph among the entities of @kept (a set of
 * WeftEntity *): those entities in its order, the relations between
 * them, the events and claims that name one of them. */
WeftSubgraph  *weft_subgraph_restrict       (WeftDataset        *dataset,
                                             const WeftSubgraph *subgraph,
                                             GHashTable         *kept);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WeftGraph, weft_graph_unref)

/* The legend's rows @graph needs (WeftLegendEntry *, static storage):
 * its node kinds, its evidence levels, its links of entities named
 * together (weft_graph_legend_together()), for every legend drawn. */
GPtrArray              *weft_graph_legend_rows     (WeftGraph *graph);
const WeftLegendEntry  *weft_graph_legend_together (void);
/* The row for relations whose claims cite no source. */
const WeftLegendEntry  *weft_graph_legend_unsourced (void);

G_END_DECLS
