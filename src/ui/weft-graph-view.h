/* weft-graph-view.h: the relationship graph, drawn by Weft
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <gtk/gtk.h>

#include "weft-graph-picture.h"
#include "weft-layout.h"
#include "weft-session.h"

G_BEGIN_DECLS

#define WEFT_TYPE_GRAPH_VIEW (weft_graph_view_get_type ())
G_DECLARE_FINAL_TYPE (WeftGraphView, weft_graph_view, WEFT, GRAPH_VIEW, GtkWidget)

/* Above this many entities (without a focus) the view opens on the most
 * connected ones and says so in "message"; graph.full-layout lays out
 * everything in the background. */
#define WEFT_GRAPH_VIEW_DEFAULT_BOUND 1500

GtkWidget     *weft_graph_view_new               (WeftSession   *session);

/* "session": what to show; the view follows it. */
WeftSession   *weft_graph_view_get_session       (WeftGraphView *self);
void           weft_graph_view_set_session       (WeftGraphView *self,
                                                  WeftSession   *session);

/* "engine": "auto", "dot", "neato", "fdp", "sfdp", "circo" or "twopi";
 * also the stateful action graph.engine. */
const char    *weft_graph_view_get_engine        (WeftGraphView *self);
void           weft_graph_view_set_engine        (WeftGraphView *self,
                                                  const char    *engine);

/* "busy": a layout is running. "message": what the app should tell the
 * user (a bounded view, a fallback, an error), or NULL. "bounded": only
 * part of the graph is shown. */
/* Whether a new layout is fading in over the old drawing. */
gboolean       weft_graph_view_is_fading         (WeftGraphView *self);
gboolean       weft_graph_view_get_busy          (WeftGraphView *self);
const char    *weft_graph_view_get_message       (WeftGraphView *self);
gboolean       weft_graph_view_get_bounded       (WeftGraphView *self);
/* "selection-outside": an entity is selected that the bounded view leaves
 * out; the message says so and graph.focus focuses it. */
gboolean       weft_graph_view_get_selection_outside (WeftGraphView *self);
guint          weft_graph_view_get_bound         (WeftGraphView *self);
void           weft_graph_view_set_bound         (WeftGraphView *self,
                                                  guint          max_entities);
/* "timeout": the layout time limit in milliseconds (0: none) after which
 * a faster engine takes over. */
guint          weft_graph_view_get_timeout       (WeftGraphView *self);
void           weft_graph_view_set_timeout       (WeftGraphView *self,
                                                  guint          timeout_ms);

/* "show-legend": the kinds and evidence levels in a corner; also the
 * stateful action graph.legend (key L). */
gboolean       weft_graph_view_get_show_legend   (WeftGraphView *self);
void           weft_graph_view_set_show_legend   (WeftGraphView *self,
                                                  gboolean       show);

/* "scale": pane pixels per point of the layout. Setting it (or the
 * centre) keeps that view, also through the new layout and fit a change
 * of focus or size brings, until the drawing settles: what leaving
 * presentation restores. */
double         weft_graph_view_get_scale         (WeftGraphView *self);
void           weft_graph_view_set_scale         (WeftGraphView *self,
                                                  double         scale);
/* Widget pixels a pane pixel (1: none): everything, names included,
 * drawn larger, as the timeline's text scale does while presenting. */
double         weft_graph_view_get_text_scale    (WeftGraphView *self);
void           weft_graph_view_set_text_scale    (WeftGraphView *self,
                                                  double         scale);

/* The layout shown, or NULL before the first one. */
WeftLayout    *weft_graph_view_get_layout        (WeftGraphView *self);
/* The node of the session's selection, or -1. */
gint           weft_graph_view_get_selected_node (WeftGraphView *self);
/* The edge of the session's selection (a relation), or -1. */
gint           weft_graph_view_get_selected_edge (WeftGraphView *self);
/* Nodes matching the session's search text. */
guint          weft_graph_view_get_n_matches     (WeftGraphView *self);
/* The centre of the view, in layout points. */
void           weft_graph_view_get_center        (WeftGraphView *self,
                                                  double        *x,
                                                  double        *y);
void           weft_graph_view_set_center        (WeftGraphView *self,
                                                  double         x,
                                                  double         y);

/* What a scroll does (on_scroll): @dx, @dy in wheel steps, or in widget
 * pixels when @smooth; Ctrl zooms at the pointer, Shift turns the wheel
 * sideways, otherwise the view moves. TRUE when it did something. */
gboolean       weft_graph_view_scroll            (WeftGraphView  *self,
                                                  double          dx,
                                                  double          dy,
                                                  GdkModifierType modifiers,
                                                  gboolean        smooth);

/* Forgets every cached drawing (tiles, minimap); the next frames draw
 * them again. */
void           weft_graph_view_invalidate        (WeftGraphView *self);

/* What the view shows, as `weft graph --view` draws a pane of its size
 * (SVG, PNG, PDF), or the DOT text it laid out (what graph.export
 * means). */
GBytes        *weft_graph_view_export            (WeftGraphView    *self,
                                                  WeftExportFormat  format,
                                                  GError          **error);
/* The picture of a pane of the view's size that the export and printing
 * draw; NULL before the first layout. */
WeftGraphPicture *weft_graph_view_new_picture    (WeftGraphView    *self,
                                                  GError          **error);

/* Draws the laid-out graph, as snapshot() would, into @snapshot at
 * @width x @height; for benchmarks and screenshots. */
void           weft_graph_view_snapshot_scene    (WeftGraphView *self,
                                                  GtkSnapshot   *snapshot,
                                                  int            width,
                                                  int            height);

G_END_DECLS
