/* weft-edit-picker.h: choosing an item by typing part of its name
 *
 * A GtkDropDown over the items of one type (or every type), searchable,
 * that says which item's id is chosen. Used for every reference the forms
 * and dialogs ask for.
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <gtk/gtk.h>

#include "weft-dataset.h"

G_BEGIN_DECLS

/* A picker of the items of @type in @dataset (WEFT_ITEM_NONE: entities,
 * events, claims, relations and sources), with a first row "None" when
 * @optional; @label is its name for screen readers. */
GtkWidget  *weft_edit_picker_new    (WeftDataset  *dataset,
                                     WeftItemType  type,
                                     gboolean      optional,
                                     const char   *label);
/* The id chosen, or NULL (borrowed). */
const char *weft_edit_picker_get_id (GtkWidget    *picker);
/* Chooses @id (NULL: none); FALSE when no item has it. */
gboolean    weft_edit_picker_set_id (GtkWidget    *picker,
                                     const char   *id);

G_END_DECLS
