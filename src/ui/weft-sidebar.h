/* weft-sidebar.h
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <gtk/gtk.h>

#include "weft-session.h"

G_BEGIN_DECLS

#define WEFT_TYPE_SIDEBAR (weft_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (WeftSidebar, weft_sidebar, WEFT, SIDEBAR, GtkWidget)

GtkWidget   *weft_sidebar_new          (void);
WeftSession *weft_sidebar_get_session  (WeftSidebar *self);
void         weft_sidebar_set_session  (WeftSidebar *self,
                                        WeftSession *session);
/* How many entities the list shows now. */
guint        weft_sidebar_get_n_shown  (WeftSidebar *self);

G_END_DECLS
