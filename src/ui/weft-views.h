/* weft-views.h: the timeline and graph views as the window sees them
 *
 * The window only knows these few calls; each view keeps its own actions
 * (timeline.*, graph.*).
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <adwaita.h>

#include "weft-session.h"

G_BEGIN_DECLS

GtkWidget *weft_views_new_timeline     (WeftSession     *session);
GtkWidget *weft_views_new_graph        (WeftSession     *session);
/* A bar over the graph that says when it shows only part of the dataset
 * or fell back to a faster layout, with a way to lay out everything. */
GtkWidget *weft_views_new_graph_bar    (GtkWidget       *graph);
/* Centres the timeline on @item (an event, or the events of an entity or
 * claim). */
void       weft_views_show_on_timeline (GtkWidget       *timeline,
                                        WeftItem        *item);
/* Asks where to export @view (the timeline or the graph) and writes it. */
void       weft_views_export           (GtkWindow       *parent,
                                        WeftSession     *session,
                                        GtkWidget       *view,
                                        AdwToastOverlay *toasts);
/* Writes @view to @file; the format follows the file's extension. */
gboolean   weft_views_export_to_file   (GtkWidget       *view,
                                        GFile           *file,
                                        GError         **error);
/* Prints @view on one landscape page, fitted and centred, as vectors: the
 * timeline's exported page, the graph's exported picture (a pane of the
 * view's size, as `weft graph --view` draws it). */
void       weft_views_print            (GtkWindow       *parent,
                                        WeftSession     *session,
                                        GtkWidget       *view,
                                        AdwToastOverlay *toasts);
/* The same page, written as a PDF to @filename without a dialog. */
gboolean   weft_views_print_to_pdf     (GtkWidget       *view,
                                        const char      *filename,
                                        GError         **error);

G_END_DECLS
