/* weft-undo.h: the undo and redo history of a dataset
 *
 * A WeftUndoStack holds a dataset's committed edits in order, without a
 * limit, and undoes and redoes them most recent first; a new edit drops
 * what could be redone. It knows whether the dataset differs from what
 * was last saved, and who edits (for the items' history).
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include "weft-edit.h"

G_BEGIN_DECLS

#define WEFT_TYPE_UNDO_STACK (weft_undo_stack_get_type ())
G_DECLARE_FINAL_TYPE (WeftUndoStack, weft_undo_stack, WEFT, UNDO_STACK, GObject)

WeftUndoStack *weft_undo_stack_new            (WeftDataset    *dataset);
WeftDataset   *weft_undo_stack_get_dataset    (WeftUndoStack  *self);

/* Who edits (the "author" property; NULL: weft_history_default_author()). */
void           weft_undo_stack_set_author     (WeftUndoStack  *self,
                                               const char     *author);
const char    *weft_undo_stack_get_author     (WeftUndoStack  *self);

/* Opens an edit by the stack's author (weft_edit_new()). */
WeftEdit      *weft_undo_stack_begin          (WeftUndoStack  *self,
                                               const char     *label);
/* Commits @edit and keeps it, unless it is empty. FALSE with @error when
 * the commit refuses (the edit is then cancelled). */
gboolean       weft_undo_stack_commit         (WeftUndoStack  *self,
                                               WeftEdit       *edit,
                                               GError        **error);
/* Keeps an edit committed elsewhere (a replayed one). */
void           weft_undo_stack_push           (WeftUndoStack  *self,
                                               WeftEdit       *edit);

/* Undo or redo one edit; FALSE when there is none. */
gboolean       weft_undo_stack_undo           (WeftUndoStack  *self);
gboolean       weft_undo_stack_redo           (WeftUndoStack  *self);

gboolean       weft_undo_stack_can_undo       (WeftUndoStack  *self);
gboolean       weft_undo_stack_can_redo       (WeftUndoStack  *self);
/* The labels of what would be undone and redone (borrowed), or NULL. */
const char    *weft_undo_stack_get_undo_label (WeftUndoStack  *self);
const char    *weft_undo_stack_get_redo_label (WeftUndoStack  *self);
/* How many edits are kept, and how many of them are done. */
guint          weft_undo_stack_get_length     (WeftUndoStack  *self);
guint          weft_undo_stack_get_position   (WeftUndoStack  *self);
/* The edit at @index (borrowed). */
WeftEdit      *weft_undo_stack_get_edit       (WeftUndoStack  *self,
                                               guint           index);

/* Whether the dataset differs from what was saved (the "modified"
 * property); set_saved says that it was just saved. */
gboolean       weft_undo_stack_get_modified   (WeftUndoStack  *self);
void           weft_undo_stack_set_saved      (WeftUndoStack  *self);

G_END_DECLS
