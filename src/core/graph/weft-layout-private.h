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

G_END_DECLS
