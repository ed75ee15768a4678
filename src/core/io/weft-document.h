/* weft-document.h: a dataset being edited, with its file, its undo
 * history and its journal
 *
 * What a window holds for a dataset it lets a person change: where it was
 * read and how that file was then (so that a change on disk by someone
 * else is seen before it is overwritten), the undo stack, the journal
 * that loses nothing, and saving (atomic; the journal starts again from
 * what was saved).
 *
 * A window's life with it: at start, weft_journal_find_recoverable() and
 * weft_recoverable_dup_summary() to offer what a crash left, then
 * weft_document_recover() or weft_recoverable_discard(); to open a file,
 * weft_document_load() then weft_document_start_journal(); to edit,
 * weft_document_set_author() (the preference, default g_get_real_name()),
 * weft_document_begin_edit(), weft-edit.h's commands,
 * weft_document_commit_edit(); the dataset's "changed" signal says what
 * to redraw, "modified" (and the stack's "can-undo", "can-redo") what to
 * enable; before saving, weft_document_get_changed_on_disk(); on closing,
 * weft_document_save() or weft_document_close() (edits discarded).
 * Main-thread only. When the main loop is first idle, the document
 * prepares its dataset for editing (weft_dataset_prepare_edits()).
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include "weft-journal.h"

G_BEGIN_DECLS

#define WEFT_TYPE_DOCUMENT (weft_document_get_type ())
G_DECLARE_FINAL_TYPE (WeftDocument, weft_document, WEFT, DOCUMENT, GObject)

/* A document for @dataset (finished), read from @file (NULL: never saved)
 * in @format (NULL: "weft"); @stamp is how the file was when it was read
 * (NULL: as it is now). */
WeftDocument  *weft_document_new           (WeftDataset          *dataset,
                                            GFile                *file,
                                            const char           *format,
                                            const WeftFileStamp  *stamp);
/* A new, empty dataset, never saved. */
WeftDocument  *weft_document_new_empty     (void);
/* Reads a .weft file (weft_dataset_load_file()), noting how it was. */
WeftDocument  *weft_document_load          (GFile                *file,
                                            WeftDiagnostics      *diagnostics,
                                            GCancellable         *cancellable,
                                            GError              **error);

WeftDataset   *weft_document_get_dataset    (WeftDocument        *self);
WeftUndoStack *weft_document_get_undo_stack (WeftDocument        *self);
/* Where it is saved (borrowed), or NULL. */
GFile         *weft_document_get_file       (WeftDocument        *self);
const char    *weft_document_get_format     (WeftDocument        *self);
/* Whether there are edits not saved ("modified" property). */
gboolean       weft_document_get_modified   (WeftDocument        *self);

/* Editing, through the undo stack (weft-undo.h; the window may use the
 * stack directly, and listen to its "can-undo" and "can-redo"): who
 * edits (NULL: weft_history_default_author()); an edit by them, to fill
 * with weft-edit.h's commands and commit (kept for undo, journaled) or
 * cancel (weft_edit_cancel()); undo and redo one (FALSE: none). */
void           weft_document_set_author     (WeftDocument        *self,
                                             const char          *author);
WeftEdit      *weft_document_begin_edit     (WeftDocument        *self,
                                             const char          *label);
gboolean       weft_document_commit_edit    (WeftDocument        *self,
                                             WeftEdit            *edit,
                                             GError             **error);
gboolean       weft_document_undo           (WeftDocument        *self);
gboolean       weft_document_redo           (WeftDocument        *self);
gboolean       weft_document_can_undo       (WeftDocument        *self);
gboolean       weft_document_can_redo       (WeftDocument        *self);

/* Journals every edit from now on, in @dir (NULL: the default). */
void           weft_document_start_journal  (WeftDocument        *self,
                                             const char          *dir);
/* The journal, or NULL (borrowed). */
WeftJournal   *weft_document_get_journal    (WeftDocument        *self);

/* Whether the file is not as it was read or last saved: someone else
 * changed (or removed) it. */
gboolean       weft_document_get_changed_on_disk (WeftDocument   *self);

/* Saves the dataset into @file (NULL: its own file, only when it is a
 * .weft file: an imported one is saved as a new .weft) atomically.
 * A file changed on disk since it was read is not overwritten unless
 * @force (G_IO_ERROR_WRONG_ETAG): reload it, or save elsewhere. @file
 * becomes the document's file. */
gboolean       weft_document_save           (WeftDocument        *self,
                                             GFile               *file,
                                             gboolean             force,
                                             GCancellable        *cancellable,
                                             GError             **error);
/* The session ends on purpose (saved, or edits discarded): the journal
 * goes. */
void           weft_document_close          (WeftDocument        *self);

/* Reads the base of @recoverable with @load (NULL: the .weft loader; for
 * a file in another format, an importer), replays its journal and goes on
 * recording in it. */
typedef WeftDataset *(*WeftDocumentLoadFunc) (GFile       *file,
                                              const char  *format,
                                              gpointer     user_data,
                                              GError     **error);
WeftDocument  *weft_document_recover        (WeftRecoverable     *recoverable,
                                             WeftDocumentLoadFunc load,
                                             gpointer             user_data,
                                             GError             **error);

G_END_DECLS
