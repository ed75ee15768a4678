/* weft-window.h
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <adwaita.h>

#include "weft-edit-controller.h"
#include "weft-format-types.h"
#include "weft-session.h"

G_BEGIN_DECLS

#define WEFT_TYPE_WINDOW (weft_window_get_type ())
G_DECLARE_FINAL_TYPE (WeftWindow, weft_window, WEFT, WINDOW, AdwApplicationWindow)

/* What a window shows ("view"): the timeline, both, or the graph. The
 * win.view action and the "last-view" setting name them by their nicks,
 * "timeline", "split" and "graph". */
typedef enum {
  WEFT_WINDOW_VIEW_TIMELINE,
  WEFT_WINDOW_VIEW_SPLIT,
  WEFT_WINDOW_VIEW_GRAPH,
} WeftWindowView;

#define WEFT_TYPE_WINDOW_VIEW (weft_window_view_get_type ())
GType        weft_window_view_get_type   (void) G_GNUC_CONST;

WeftWindow  *weft_window_new             (GtkApplication *application);
WeftSession *weft_window_get_session     (WeftWindow     *self);
/* Shows @dataset, read from @file, or new and never saved (NULL: Save
 * asks where). */
void         weft_window_show_dataset    (WeftWindow     *self,
                                          WeftDataset    *dataset,
                                          GFile          *file);
/* Shows @dataset as read from @source in @format (another format than
 * .weft): Save asks where, as after opening it. */
void         weft_window_show_imported   (WeftWindow     *self,
                                          WeftDataset    *dataset,
                                          GFile          *source,
                                          WeftFormat      format);
/* Shows @dataset as the bundled example (edited: recovered after a
 * crash); Save asks where. */
void         weft_window_show_example    (WeftWindow     *self,
                                          WeftDataset    *dataset);
/* The file in another format the dataset was imported from (and its
 * format), or NULL. */
GFile       *weft_window_get_imported_file (WeftWindow   *self,
                                          WeftFormat     *format);
/* With both panes shown, the timeline's share of the height (0 when one
 * pane shows); setting it moves the divider (once the window has a size). */
double       weft_window_get_split       (WeftWindow     *self);
void         weft_window_set_split       (WeftWindow     *self,
                                          double          split);
/* Shows @text in the banner, with a button that activates @action. */
void         weft_window_show_notice     (WeftWindow     *self,
                                          const char     *text,
                                          const char     *button_label,
                                          const char     *action);
/* Whether it shows a new dataset, never saved. */
gboolean     weft_window_is_new          (WeftWindow     *self);
/* What edits the dataset shown (weft-edit-controller.h). */
WeftEditController *weft_window_get_editor (WeftWindow   *self);
/* The file shown, or NULL for the bundled example. */
GFile       *weft_window_get_file        (WeftWindow     *self);
gboolean     weft_window_is_example      (WeftWindow     *self);
/* Opens @file in this window. When it cannot be read the current dataset
 * stays and a banner names the first problem. @callback (may be NULL)
 * runs once the attempt is over. */
void         weft_window_open            (WeftWindow     *self,
                                          GFile          *file,
                                          GAsyncReadyCallback callback,
                                          gpointer        user_data);
gboolean     weft_window_open_finish     (WeftWindow     *self,
                                          GAsyncResult   *result,
                                          GError        **error);
void         weft_window_open_example    (WeftWindow     *self);
/* What the banner says now, or NULL when it is hidden (for tests). */
const char  *weft_window_get_banner_text (WeftWindow     *self);
/* Presentation: the index of the event (or the story's step) on show, or
 * -1 when not presenting. */
int          weft_window_get_presentation_step (WeftWindow *self);
/* The widget that shows the current presentation step (for tests). */
GtkWidget   *weft_window_get_presentation_card (WeftWindow *self);
/* The event presented, or NULL (also for a story's view step). */
WeftEvent   *weft_window_get_presented_event   (WeftWindow *self);
/* Whether the window, after presentation, still waits for its old size to
 * put back the split and the timeline's span and scroll. */
gboolean     weft_window_is_restoring          (WeftWindow *self);
/* Whether the window is narrow enough for icons in the header and side
 * panes over the views. */
gboolean     weft_window_get_compact     (WeftWindow     *self);
GtkWidget   *weft_window_get_sidebar     (WeftWindow     *self);
GtkWidget   *weft_window_get_inspector   (WeftWindow     *self);
GtkWidget   *weft_window_get_timeline    (WeftWindow     *self);
GtkWidget   *weft_window_get_graph       (WeftWindow     *self);

G_END_DECLS
