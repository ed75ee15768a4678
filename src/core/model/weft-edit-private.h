/* weft-edit-private.h: the steps of an edit, for the journal (io)
 *
 * An edit is a list of steps, each one primitive of weft-dataset-edit.h.
 * A recorder set on the dataset is told of every step right after it
 * changes the dataset: as the edit is made, and again, each step as it
 * is undone or redone (so an undo is recorded as what it does, in the
 * order it does it). It reads the step's operation and the new value
 * from the item then. Then it is told of the commit (or cancel), undo or
 * redo that ends the run. Replaying the same operations in the same order
 * onto the same dataset gives the same dataset.
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include "weft-edit.h"
#include "weft-members.h"

G_BEGIN_DECLS

typedef enum {
  WEFT_STEP_SET,       /* a member got a new value */
  WEFT_STEP_INSERT,    /* an item went in at a position */
  WEFT_STEP_REMOVE,    /* an item went out */
  WEFT_STEP_HISTORY,   /* an entry was appended to an item's history */
  WEFT_STEP_ALIAS,     /* an old id names the item too (while renaming) */
  WEFT_STEP_UNALIAS,   /* … and no longer */
  WEFT_STEP_POP,       /* the last entry of an item's history went */
} WeftStepKind;

/* What a step just did (undone: the opposite of what it does). */
typedef struct {
  WeftStepKind      kind;
  WeftItemType      type;       /* WEFT_ITEM_NONE: the dataset's header */
  guint             position;   /* of the item */
  const char       *id;         /* of the item before the step */
  const char       *alias;      /* ALIAS, UNALIAS */
  WeftItem         *item;       /* NULL for the header */
  const WeftMember *member;     /* SET */
} WeftStepInfo;

typedef enum {
  WEFT_RECORD_STEP,      /* step @step just applied, or was undone */
  WEFT_RECORD_COMMIT,
  WEFT_RECORD_CANCEL,
  WEFT_RECORD_UNDO,
  WEFT_RECORD_REDO,
} WeftRecordKind;

typedef void (*WeftEditRecorder) (WeftEdit       *edit,
                                  WeftRecordKind  kind,
                                  guint           step,
                                  gpointer        user_data);

/* Tells @recorder of every edit of @dataset from now on (NULL: nobody). */
void      weft_edit_set_recorder  (WeftDataset      *dataset,
                                   WeftEditRecorder  recorder,
                                   gpointer          user_data);

guint     weft_edit_get_n_steps   (WeftEdit         *self);
/* What step @index did last, as the recorder sees it. */
void      weft_edit_get_step      (WeftEdit         *self,
                                   guint             index,
                                   WeftStepInfo     *info);
/* When it was committed, as its history entries say (borrowed; NULL
 * before). */
const char *weft_edit_get_time_text (WeftEdit       *self);

/* ---- Replaying ----------------------------------------------------------
 *
 * The steps as recorded, applied without the commands' checks (the
 * journal's text is checked by weft_dataset_verify() at the end). @from
 * is a struct of the item's type holding the value (SET: of @member;
 * INSERT: the whole item; HISTORY: a WeftHistoryEntry), whose strings may
 * belong to another dataset; ALIAS, UNALIAS: the alias (a string);
 * REMOVE, POP: nothing. Each fails when the item at @position is not @id. */
gboolean  weft_edit_replay_step   (WeftEdit         *self,
                                   WeftStepKind      kind,
                                   WeftItemType      type,
                                   guint             position,
                                   const char       *id,
                                   const WeftMember *member,
                                   gconstpointer     from,
                                   GError          **error);
/* Ends a replayed edit: no checks, no history (the steps hold it), one
 * "changed" signal. */
void      weft_edit_replay_commit (WeftEdit         *self,
                                   const char       *time_text);

G_END_DECLS
