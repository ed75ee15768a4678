/* weft-journal.h: every edit on disk as it is made, and recovery
 *
 * A WeftJournal records what each edit, undo and redo does to a dataset
 * (weft-edit-private.h), one line of JSON each, appended and written at
 * once (so a killed process loses nothing) and forced to the disk at
 * most once a second (so a power cut loses at most the last second). The
 * file is made at the first edit, in $XDG_STATE_HOME/weft/journal (the
 * sandbox's own inside the Flatpak), and locked while the session lives.
 * Its first line says what the edits apply to: the dataset's file as it
 * was read (size, time, inode), or a new, empty dataset.
 *
 * Saving writes the checksum of what is about to be saved into the
 * journal, then the file, then starts a new journal from the saved file
 * and removes the old one; a journal whose file holds that checksum has
 * nothing to bring back before it.
 *
 * On the next start, weft_journal_find_recoverable() lists the journals no
 * session holds that have something to bring back, and says what;
 * weft-document.h replays one onto its file.
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <gio/gio.h>

#include "weft-undo.h"

G_BEGIN_DECLS

/* What a file was when it was read or written: if it differs later,
 * someone else changed it. */
typedef struct {
  gboolean exists;
  guint64  size;
  gint64   mtime;   /* microseconds since 1970 */
  guint64  inode;   /* an atomic replace makes a new one */
} WeftFileStamp;

/* Fills @stamp for @file; FALSE (and stamp->exists FALSE) when it cannot
 * be read. */
gboolean     weft_file_stamp_query   (GFile               *file,
                                      WeftFileStamp       *stamp);
gboolean     weft_file_stamp_equal   (const WeftFileStamp *a,
                                      const WeftFileStamp *b);

#define WEFT_TYPE_JOURNAL (weft_journal_get_type ())
G_DECLARE_FINAL_TYPE (WeftJournal, weft_journal, WEFT, JOURNAL, GObject)

/* $XDG_STATE_HOME/weft/journal (newly allocated). */
char        *weft_journal_default_dir (void);

/* Records every edit of @dataset from now on, in a new journal in @dir
 * (NULL: the default) made at the first edit. @file is where the dataset
 * was read (NULL: a new, empty dataset), in @format ("weft" or an
 * importer's name, for whoever recovers it), as @stamp says. */
WeftJournal *weft_journal_new        (WeftDataset         *dataset,
                                      GFile               *file,
                                      const char          *format,
                                      const WeftFileStamp *stamp,
                                      const char          *dir);
/* The journal's file, or NULL before the first edit. */
const char  *weft_journal_get_path   (WeftJournal         *self);
/* The first error writing it (borrowed), or NULL: past it, edits are no
 * longer recorded. */
const GError *weft_journal_get_error (WeftJournal         *self);

/* Around a save of the dataset into @file: begin notes the checksum of
 * @data, which is about to replace the file; end, once it did (with the
 * file's new stamp), starts a new journal from it. */
gboolean     weft_journal_begin_save (WeftJournal         *self,
                                      GFile               *file,
                                      const char          *data,
                                      gsize                length,
                                      GError             **error);
void         weft_journal_end_save   (WeftJournal         *self,
                                      GFile               *file,
                                      const WeftFileStamp *stamp);
/* Forces what was written to the disk now. */
void         weft_journal_sync       (WeftJournal         *self);
/* The session ends with nothing to bring back (saved or discarded):
 * stops recording and removes the file. */
void         weft_journal_discard    (WeftJournal         *self);

/* ---- Recovery ------------------------------------------------------------ */

typedef enum {
  WEFT_RECOVERY_READY,         /* the edits apply to the file as it is */
  WEFT_RECOVERY_FILE_CHANGED,  /* the file changed since: they do not */
  WEFT_RECOVERY_FILE_MISSING,  /* the file is gone */
} WeftRecoveryState;

typedef struct _WeftRecoverable WeftRecoverable;

/* The journals in @dir (NULL: the default) that no session holds and that
 * have edits to bring back, newest first: a new array of
 * WeftRecoverable (it frees them). Journals with nothing to bring back
 * are removed. */
GPtrArray         *weft_journal_find_recoverable (const char            *dir);

void               weft_recoverable_free        (WeftRecoverable       *self);
const char        *weft_recoverable_get_path    (const WeftRecoverable *self);
/* The dataset's file (borrowed), or NULL for a dataset never saved. */
GFile             *weft_recoverable_get_file    (const WeftRecoverable *self);
const char        *weft_recoverable_get_format  (const WeftRecoverable *self);
/* The dataset's title when the journal began (borrowed), or NULL. */
const char        *weft_recoverable_get_title   (const WeftRecoverable *self);
WeftRecoveryState  weft_recoverable_get_state   (const WeftRecoverable *self);
/* What would come back: one label per edit, undo or redo, oldest first
 * (borrowed, NULL-terminated), and when the last was made (ISO 8601). */
const char * const *weft_recoverable_get_labels (const WeftRecoverable *self);
const char        *weft_recoverable_get_last_time (const WeftRecoverable *self);
/* One translated line for a person: "3 changes to “Smart cities”
 * (smart-cities.weft), the last at 2024-05-01 09:30 UTC". Newly
 * allocated. */
char              *weft_recoverable_dup_summary (const WeftRecoverable *self);
/* Removes the journal (the user does not want it back). */
gboolean           weft_recoverable_discard     (WeftRecoverable       *self,
                                                 GError               **error);

/* Replays the journal's edits onto @dataset (its file, or a new empty
 * dataset, as it was), each kept on @stack. Fails (leaving @dataset as
 * the edits that replayed made it) when the journal does not fit it. */
gboolean           weft_journal_replay          (WeftRecoverable       *self,
                                                 WeftDataset           *dataset,
                                                 WeftUndoStack         *stack,
                                                 GError               **error);
/* Goes on recording @dataset's edits in the recovered journal. */
WeftJournal       *weft_journal_resume          (WeftRecoverable       *self,
                                                 WeftDataset           *dataset,
                                                 GError               **error);

G_END_DECLS
