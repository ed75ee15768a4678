/* weft-sidebar.h
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include "weft-session-pane.h"

G_BEGIN_DECLS

#define WEFT_TYPE_SIDEBAR (weft_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (WeftSidebar, weft_sidebar, WEFT, SIDEBAR, WeftSessionPane)

GtkWidget   *weft_sidebar_new          (void);
/* How many entities the list shows now. */
guint        weft_sidebar_get_n_shown  (WeftSidebar *self);

G_END_DECLS
