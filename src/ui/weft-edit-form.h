/* weft-edit-form.h: the form that creates or changes one item
 *
 * One field per member of the item's type, from the member tables
 * (weft-members.h): text, dates (EDTF, checked as you type, with a
 * plain-words preview), the values of an enum, searchable pickers for
 * references, and lists (participants, citations, ids) of rows one can
 * add and remove. Enter in a text field commits, Escape cancels; commit
 * applies every field that changed as ONE edit through the undo stack.
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <adwaita.h>

#include "weft-undo.h"

G_BEGIN_DECLS

#define WEFT_TYPE_EDIT_FORM (weft_edit_form_get_type ())
G_DECLARE_FINAL_TYPE (WeftEditForm, weft_edit_form, WEFT, EDIT_FORM, GtkBox)

/* A form for @item (NULL: a new item of @type) of @stack's dataset. */
GtkWidget   *weft_edit_form_new       (WeftUndoStack *stack,
                                       WeftItemType   type,
                                       WeftItem      *item);
WeftItemType weft_edit_form_get_item_type (WeftEditForm *self);
/* The item edited: NULL for a new one until it is committed. */
WeftItem    *weft_edit_form_get_item  (WeftEditForm  *self);

/* Applies the fields that changed as one edit; on failure says why in
 * the form (and in @error) and stays open. Emits "done" (TRUE) when it
 * applied. */
gboolean     weft_edit_form_commit    (WeftEditForm  *self,
                                       GError       **error);
/* Emits "done" (FALSE). */
void         weft_edit_form_cancel    (WeftEditForm  *self);

/* The widget of @member ("name", "date"): an AdwEntryRow, AdwComboRow,
 * or the GtkDropDown of a reference; for a list, the list's box. */
GtkWidget   *weft_edit_form_get_field (WeftEditForm  *self,
                                       const char    *member);
/* Fills @member as a person would: the text of an entry, the name of an
 * enum's value, a reference's id; for a list, one row per element, each
 * element's members separated by '|' ("huawei|buyer"). FALSE if there is
 * no such member or value. */
gboolean     weft_edit_form_fill      (WeftEditForm  *self,
                                       const char    *member,
                                       const char    *value);
/* The plain-words reading of the date field ("" when it is empty, the
 * error when it is not EDTF). */
const char  *weft_edit_form_get_date_preview (WeftEditForm *self);

/* A text view for text of a few lines (a quote), wrapping words, called
 * @label for screen readers. */
GtkWidget   *weft_edit_text_view_new  (const char    *label);
/* A list of rows in a rounded frame, none of them selectable. */
GtkWidget   *weft_edit_boxed_list_new (void);
/* "New Entity" (@is_new) or "Edit Entity", translated. */
const char  *weft_edit_type_label     (WeftItemType   type,
                                       gboolean       is_new);
/* The label of a member for people ("Participants"), translated. */
const char  *weft_edit_member_label   (const char    *member);

G_END_DECLS
