/* weft-graph-bar.h: the bar over the graph that says what it shows
 *
 * When the graph view shows only part of the dataset, fell back to a
 * faster layout or is laying out, the bar says so (the view's "message"),
 * with a way to lay out everything or to stop.
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <gtk/gtk.h>

#include "weft-graph-view.h"

G_BEGIN_DECLS

#define WEFT_TYPE_GRAPH_BAR (weft_graph_bar_get_type ())
G_DECLARE_FINAL_TYPE (WeftGraphBar, weft_graph_bar, WEFT, GRAPH_BAR, GtkWidget)

/* A bar for @graph (its construct-only "graph" property): it follows the
 * view and calls its actions (graph.full-layout, graph.cancel-layout). */
GtkWidget *weft_graph_bar_new (WeftGraphView *graph);

G_END_DECLS
