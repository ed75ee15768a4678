/* weft-edit-controller.h: a window's editing, kept out of the window
 *
 * One per window. It keeps the undo stack of the dataset the window's
 * session shows, and the "edit" action group on the window: new-dataset
 * (Ctrl+N), new-item(s) (an item type's name), edit (F2), delete
 * (Delete), merge, quote (Ctrl+Shift+V: a claim citing a source with a
 * quote), undo (Ctrl+Z) and redo (Ctrl+Shift+Z). Forms open in the
 * inspector; questions (what a deletion takes with it, which entity a
 * merge keeps, save before closing) in dialogs. After each change the
 * views are shown the dataset again, keeping the selection and focus.
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <adwaita.h>

#include "weft-document.h"
#include "weft-formats.h"
#include "weft-undo.h"
#include "weft-session.h"

G_BEGIN_DECLS

#define WEFT_TYPE_EDIT_CONTROLLER (weft_edit_controller_get_type ())
G_DECLARE_FINAL_TYPE (WeftEditController, weft_edit_controller, WEFT, EDIT_CONTROLLER, GObject)

/* Adds the actions and shortcuts to @window, whose @inspector shows the
 * forms. The controller does not keep @window alive. */
WeftEditController *weft_edit_controller_new        (GtkWindow          *window,
                                                     WeftSession        *session,
                                                     GtkWidget          *inspector);
/* The undo stack of the dataset shown, or NULL (borrowed). */
WeftUndoStack      *weft_edit_controller_get_undo_stack (WeftEditController *self);
/* Whether the dataset has changes that are not saved ("modified"). */
gboolean            weft_edit_controller_get_modified (WeftEditController *self);
/* Saves the dataset into @file as .weft, atomically, through its
 * document (which starts its journal again from what was saved). Its own
 * file, when someone else changed it since, is not overwritten
 * (G_IO_ERROR_WRONG_ETAG: reload it, or Save As). */
gboolean            weft_edit_controller_save        (WeftEditController  *self,
                                                      GFile               *file,
                                                      GError             **error);
/* Writes the dataset into @file in @format, another than .weft (an
 * export: the window keeps its own file, and its changes stay unsaved).
 * Returns what to tell the user ("Exported timeline.json. TimelineJS
 * shows only …"), with *@lossy TRUE when it says what the format cannot
 * hold; NULL with @error when it could not write. */
char               *weft_edit_controller_export      (WeftEditController  *self,
                                                      GFile               *file,
                                                      WeftFormat           format,
                                                      gboolean            *lossy,
                                                      GError             **error);
/* The document edited (weft-document.h), or NULL (borrowed). */
WeftDocument       *weft_edit_controller_get_document (WeftEditController *self);
/* Who edits (NULL: the user's real name). */
void                weft_edit_controller_set_author  (WeftEditController *self,
                                                      const char         *author);
/* The form shown in the inspector, or NULL. */
GtkWidget          *weft_edit_controller_get_form    (WeftEditController *self);
/* The preferences' "Editing" group: the name changes record
 * ("author-name" in @settings). */
GtkWidget          *weft_edit_preferences_new        (GSettings          *settings);
/* Offers, in the window's banner, to bring back the edits of a session
 * that ended without saving them (a crash): Recover… shows what would
 * come back, and brings it back or discards it. Returns how many such
 * journals there are. */
guint               weft_edit_controller_offer_recovery (WeftEditController *self);
/* Called by the window's close-request: TRUE when it must not close yet
 * (there are unsaved changes: a dialog asks Save, Discard or Cancel, and
 * closes the window itself after Save or Discard). */
gboolean            weft_edit_controller_hold_close  (WeftEditController *self);
/* Called by the window before it opens @file in place of its dataset
 * (Open, a recent file, a drop, Reload): TRUE when it must not yet (there
 * are unsaved changes: a dialog asks Save, Discard or Cancel, and opens
 * @file itself after Save or Discard). */
gboolean            weft_edit_controller_hold_open   (WeftEditController *self,
                                                      GFile              *file);
/* The window's file changed on disk while it has unsaved changes (Save
 * found it changed, or its monitor saw it): a dialog offers Reload
 * (dropping the changes), Keep Mine (Save As) or Cancel. */
void                weft_edit_controller_ask_changed_on_disk (WeftEditController *self);
/* The dialog asking a question now (delete, merge, new dataset, quote,
 * close), or NULL: for tests. */
AdwMessageDialog   *weft_edit_controller_get_dialog  (WeftEditController *self);
/* The popover asking a relation's type and claim after a drag in the
 * graph (weft-relation-popover.h), or NULL: for tests. */
GtkWidget          *weft_edit_controller_get_popover (WeftEditController *self);

G_END_DECLS
