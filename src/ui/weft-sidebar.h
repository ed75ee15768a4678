/* weft-sidebar.h
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include "weft-item-object.h"
#include "weft-session-pane.h"

G_BEGIN_DECLS

#define WEFT_TYPE_SIDEBAR (weft_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (WeftSidebar, weft_sidebar, WEFT, SIDEBAR, WeftSessionPane)

GtkWidget   *weft_sidebar_new          (void);
/* How many entities the list shows now (search results included). */
guint        weft_sidebar_get_n_shown  (WeftSidebar *self);
/* The list's rows (headings of search results included), for tests. */
guint           weft_sidebar_get_n_rows      (WeftSidebar *self);
WeftItemObject *weft_sidebar_dup_row         (WeftSidebar *self,
                                              guint        position);
/* The words under the search field (the count, or that nothing matches). */
const char     *weft_sidebar_get_count_text  (WeftSidebar *self);
/* What the empty list says in its place, or NULL while it has rows. */
GtkWidget      *weft_sidebar_get_empty_page  (WeftSidebar *self);
/* The saved views and stories under the list (weft-saved-views-list.h). */
GtkWidget      *weft_sidebar_get_saved_views (WeftSidebar *self);

G_END_DECLS
