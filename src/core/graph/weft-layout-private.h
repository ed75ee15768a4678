/* weft-layout-private.h: how the files of core/graph make a WeftLayout
 *
 * A layout is filled in two steps: the Graphviz adapter (weft-graphviz.c)
 * or the helper's answer (weft-layout-protocol.c) allocates it and copies
 * the geometry in, then weft_layout_finish() ties it to its graph.
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include "weft-layout.h"

G_BEGIN_DECLS

struct _WeftLayout
{
  gatomicrefcount   ref_count;
  WeftGraph        *graph;
  WeftLayoutEngine  engine;
  double            width;
  double            height;
  WeftNodeBox      *nodes;
  WeftEdgePath     *edges;
  WeftSpline       *splines;
  WeftPoint        *points;
  guint             n_splines;
  guint             n_points;
  char             *warnings;
  gboolean          in_helper;
};

/* A layout with room for this many nodes, edges, splines and points, all
 * zero, not yet tied to a graph. */
WeftLayout       *weft_layout_alloc             (WeftLayoutEngine  engine,
                                                 guint             n_nodes,
                                                 guint             n_edges,
                                                 guint             n_splines,
                                                 guint             n_points);
/* Ties @self to @graph; labels Graphviz did not place go to the middle of
 * their edge, with an estimated size. */
void              weft_layout_finish            (WeftLayout       *self,
                                                 WeftGraph        *graph);
/* The engine a layout of @graph with @engine uses (AUTO chosen by size). */
WeftLayoutEngine  weft_layout_engine_resolve    (WeftGraph        *graph,
                                                 WeftLayoutEngine  engine);

/* For each edge of @graph (a graph of the same dataset as @layout's),
 * 1 + the index of the same edge in @layout's graph, or 0 (g_free() it). */
guint            *weft_layout_map_edges         (WeftLayout       *layout,
                                                 WeftGraph        *graph);

/* weft_layout_subset(); with @grow, the nodes and edges of @graph that
 * @layout lacks too: zero boxes, edges without curves, and room for one
 * four-point segment each at the end of the splines and points. */
WeftLayout       *weft_layout_carry             (WeftLayout       *layout,
                                                 WeftGraph        *graph,
                                                 gboolean          grow);

G_END_DECLS
