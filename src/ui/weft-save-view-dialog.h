/* weft-save-view-dialog.h: Save View's question, and others like it
 *
 * A dialog asking for a line or two of text (a title and a note; a new
 * name; a note): the Save View dialog, and the saved views list's Rename
 * and Edit Note.
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <adwaita.h>

#include "weft-window.h"

G_BEGIN_DECLS

/* What the dialog got when its @accept response was chosen: @first and
 * @second (NULL when it asked for one line). */
typedef void (*WeftTextDialogDone) (GObject    *owner,
                                    const char *first,
                                    const char *second);

/* A dialog over @parent under @heading, asking for @first_label (with
 * @first in it) and, when @second_label is not NULL, @second_label (with
 * @second); its default button says @accept. On it, @done is called with
 * @owner (kept alive while the dialog is). Shown; returned borrowed. */
AdwMessageDialog *weft_text_dialog_present (GtkWindow          *parent,
                                            const char         *heading,
                                            const char         *accept,
                                            const char         *first_label,
                                            const char         *first,
                                            const char         *second_label,
                                            const char         *second,
                                            WeftTextDialogDone  done,
                                            GObject            *owner);
/* The entry rows of a dialog made by weft_text_dialog_present() (for
 * tests): 0 the first, 1 the second, or NULL. */
GtkEditable      *weft_text_dialog_get_entry (AdwMessageDialog *dialog,
                                              guint             index);

/* Appends to @list an entry row titled @label (with a mnemonic) holding
 * @text (may be NULL); returns it. */
GtkWidget        *weft_entry_row_append      (GtkWidget        *list,
                                              const char       *label,
                                              const char       *text);

/* Save View (Ctrl+D): asks for a title (what @window shows, by default)
 * and a note, then keeps the state of both panes as a view of the
 * dataset, undoably. Returned borrowed. */
AdwMessageDialog *weft_save_view_dialog_present (WeftWindow *window);

G_END_DECLS
