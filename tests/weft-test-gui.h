/* weft-test-gui.h: what the GUI tests share, beside weft-test.h
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <gtk/gtk.h>

#include "weft-application.h"
#include "weft-window.h"
#include "weft-test.h"

G_BEGIN_DECLS

typedef gboolean (*WeftTestCondition)   (gpointer       data);
typedef gboolean (*WeftTestWidgetMatch) (GtkWidget     *widget,
                                         gconstpointer  data);

/* weft_test_init(), then GTK and libadwaita. Without a display (neither
 * DISPLAY nor WAYLAND_DISPLAY set) prints a TAP plan that skips every test
 * and returns FALSE: main() then returns 0 (meson counts an exit status of
 * 77 as an error under TAP). A display that is set but cannot be opened
 * fails. build-aux/test runs the GUI tests under xvfb-run. */
gboolean         weft_test_gui_init            (int                *argc,
                                                char             ***argv);
/* The application the tests' windows belong to, registered; made on first
 * use and released by weft_test_run(). */
WeftApplication *weft_test_get_application     (void);

/* Runs the main loop until @condition holds (TRUE) or 90 s pass (FALSE). */
gboolean         weft_test_wait_for            (WeftTestCondition   condition,
                                                gpointer            data);
/* Runs the main loop for @ms milliseconds. */
void             weft_test_spin                (guint               ms);
/* Runs the main loop for 300 ms, so layouts and redraws settle. */
void             weft_test_settle              (void);
/* Conditions on a WeftWindow: compact (the header bar shows icons, the
 * panes open over the views); narrow, at most 560 pixels wide, the size
 * the tests ask for (which counts the window's shadow too). */
gboolean         weft_test_window_is_compact   (gpointer            window);
gboolean         weft_test_window_is_narrow    (gpointer            window);
/* A new window, @width x @height, holding @child, shown. */
GtkWindow       *weft_test_present             (GtkWidget          *child,
                                                int                 width,
                                                int                 height);
/* A new window of @app, @width x @height, showing the example once
 * loaded. */
WeftWindow      *weft_test_window_with_example (GtkApplication     *app,
                                                int                 width,
                                                int                 height);
/* The first widget under @root (@root included, depth first) that @match
 * accepts, or NULL. */
GtkWidget       *weft_test_find_widget         (GtkWidget          *root,
                                                WeftTestWidgetMatch match,
                                                gconstpointer       data);
/* Whether @window shows a dataset titled @title; waits (as
 * weft_test_wait_for()) until it does. */
gboolean         weft_test_shows_title         (WeftWindow         *window,
                                                const char         *title);
gboolean         weft_test_wait_for_title      (WeftWindow         *window,
                                                const char         *title);
/* The first label under @root showing exactly @text, or NULL. */
GtkWidget       *weft_test_find_label          (GtkWidget          *root,
                                                const char         *text);
/* The first status page under @root titled @title, or NULL. */
GtkWidget       *weft_test_find_status_page    (GtkWidget          *root,
                                                const char         *title);
/* The first widget of @type under @root, or NULL. */
GtkWidget       *weft_test_find_type           (GtkWidget          *root,
                                                GType               type);
/* The first event controller of @widget of @type (and called @name, when
 * not NULL), or NULL (borrowed): to emit its signals as input would. */
GtkEventController *weft_test_find_controller (GtkWidget          *widget,
                                               GType               type,
                                               const char         *name);
/* What @widget shows, saved as NAME in the build folder for a person to
 * look at, and returned for a test to read; waits for a first drawing when
 * the X server is slow. */
GdkTexture      *weft_test_screenshot          (GtkWidget          *widget,
                                                const char         *name);
/* The same, when only the file is wanted. */
void             weft_test_save_screenshot     (GtkWidget          *widget,
                                                const char         *name);

G_END_DECLS
