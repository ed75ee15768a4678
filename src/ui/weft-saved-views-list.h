/* weft-saved-views-list.h: the dataset's saved views and stories, in the
 * sidebar
 *
 * Under the entities: "Saved Views", a row each (its title and note;
 * choosing it activates win.apply-view with its id), each with a menu
 * to rename it, edit its note, move it up or down and delete it; then
 * "Stories", each with its steps under it, which move up and down and go.
 * Every change is an undoable edit of the window's dataset. Keys on a
 * view's row: F2 renames, Delete deletes, Alt+Up and Alt+Down move.
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include "weft-session-pane.h"

G_BEGIN_DECLS

#define WEFT_TYPE_SAVED_VIEWS_LIST (weft_saved_views_list_get_type ())
G_DECLARE_FINAL_TYPE (WeftSavedViewsList, weft_saved_views_list, WEFT, SAVED_VIEWS_LIST, WeftSessionPane)

GtkWidget *weft_saved_views_list_new        (void);
/* The list of views (its rows in order, for tests). */
GtkListBox *weft_saved_views_list_get_views (WeftSavedViewsList *self);
/* The list of stories and their steps. */
GtkListBox *weft_saved_views_list_get_stories (WeftSavedViewsList *self);

G_END_DECLS
