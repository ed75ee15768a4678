/* weft-test-gui.h: what the GUI tests share
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <gtk/gtk.h>

#include "weft-window.h"

G_BEGIN_DECLS

typedef gboolean (*WeftTestCondition) (gpointer data);

/* Runs the main loop until @condition holds (TRUE) or 20 s pass (FALSE). */
gboolean    weft_test_wait_for            (WeftTestCondition  condition,
                                           gpointer           data);
/* Runs the main loop for @ms milliseconds. */
void        weft_test_spin                (guint              ms);
/* Runs the main loop for 300 ms, so layouts and redraws settle. */
void        weft_test_settle              (void);
/* A new window of @app, @width x @height, showing the example once loaded. */
WeftWindow *weft_test_window_with_example (GtkApplication    *app,
                                           int                width,
                                           int                height);
/* Saves what @widget shows as NAME in the build folder, waiting for the
 * first drawing when the X server is slow. */
void        weft_test_save_screenshot     (GtkWidget         *widget,
                                           const char        *name);

G_END_DECLS
