/* weft-edit-history.h: what the inspector shows below an item's fields
 *
 * Who changed the item, when and what (its "history"), and the buttons
 * that edit, delete or merge it; with nothing selected, the buttons that
 * make a new item or a new dataset. The buttons activate the window's
 * edit.* actions (weft-edit-controller.h).
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <gtk/gtk.h>

#include "weft-dataset.h"

G_BEGIN_DECLS

/* For @item, or for nothing selected (NULL). */
GtkWidget *weft_edit_history_new (WeftItem *item);

G_END_DECLS
