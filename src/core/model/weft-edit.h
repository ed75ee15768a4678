/* weft-edit.h: changing a dataset, one user action at a time
 *
 * Every change to a finished dataset goes through a WeftEdit: open one,
 * call its commands (each applies at once, or refuses with an error and
 * changes nothing), then commit it. Commit checks that what the edit made
 * is complete, appends a history entry to every item it created or
 * changed (who, when, which members), and has the dataset emit one
 * "changed" signal (weft-dataset-change.h). A committed edit knows its
 * inverse: weft_edit_undo() and weft_edit_redo(), most recent first
 * (weft-undo.h keeps the order). No command ever leaves a reference to an
 * item that is not there.
 *
 * Only one edit is open on a dataset at a time.
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include "weft-dataset.h"

G_BEGIN_DECLS

typedef struct _WeftEdit WeftEdit;

typedef enum {
  WEFT_EDIT_OPEN,        /* taking commands */
  WEFT_EDIT_DONE,        /* committed (or redone) */
  WEFT_EDIT_UNDONE,
  WEFT_EDIT_CANCELLED,   /* rolled back before it was committed */
} WeftEditState;

/* What to do with the references to an item that is deleted. */
typedef enum {
  WEFT_DELETE_REFUSE,      /* refuse, saying what refers to it */
  WEFT_DELETE_REFERENCES,  /* remove them too: a participant, a citation,
                            * an id from a list, an optional reference;
                            * a relation whose end it is goes as well */
} WeftDeleteMode;

#define WEFT_TYPE_EDIT (weft_edit_get_type ())
GType          weft_edit_get_type      (void) G_GNUC_CONST;

/* Opens an edit on @dataset (finished, and with no other edit open).
 * @label says what it does, for the undo menu ("Rename Huawei"). */
WeftEdit      *weft_edit_new           (WeftDataset    *dataset,
                                        const char     *label);
WeftEdit      *weft_edit_ref           (WeftEdit       *self);
void           weft_edit_unref         (WeftEdit       *self);

WeftDataset   *weft_edit_get_dataset   (WeftEdit       *self);
const char    *weft_edit_get_label     (WeftEdit       *self);
WeftEditState  weft_edit_get_state     (WeftEdit       *self);
/* Whether it changed nothing. */
gboolean       weft_edit_is_empty      (WeftEdit       *self);

/* Who makes the changes, for their history (default:
 * weft_history_default_author()); and when, in seconds since 1970 UTC
 * (default: the time of the commit). Set them before committing. */
void           weft_edit_set_author    (WeftEdit       *self,
                                        const char     *author);
const char    *weft_edit_get_author    (WeftEdit       *self);
void           weft_edit_set_time      (WeftEdit       *self,
                                        gint64          time);
/* A note for the history entry @item gets from this edit. */
void           weft_edit_set_note      (WeftEdit       *self,
                                        WeftItem       *item,
                                        const char     *note);
/* The action @item's history entry says (default: created for a new
 * item, changed otherwise); "imported" for items an import made. */
void           weft_edit_set_action    (WeftEdit          *self,
                                        WeftItem          *item,
                                        WeftHistoryAction  action);

/* ---- Commands -----------------------------------------------------------
 *
 * Each returns FALSE (or NULL) with a WEFT_ERROR and changes nothing when
 * it cannot apply: an unknown member, a value of the wrong kind, a date
 * that is not EDTF (WEFT_ERROR_DATE), an id in use, a reference to nothing
 * (WEFT_ERROR_NOT_FOUND) or to an item of the wrong type. */

/* A new item of @type at the end of its list, with id @id (NULL: one is
 * made up from the type) and its required members empty; give events and
 * eras a date, and relations their ends, before committing. Borrowed. */
WeftItem      *weft_edit_create        (WeftEdit       *self,
                                        WeftItemType    type,
                                        const char     *id,
                                        GError        **error);
/* Sets a member that is one string: text, an EDTF date, one of an
 * enum's names ("person"), a reference, or the id (every reference to
 * the item follows it). NULL removes an optional member. @item NULL sets
 * the dataset's "title", "description" or "language". */
gboolean       weft_edit_set           (WeftEdit       *self,
                                        WeftItem       *item,
                                        const char     *member,
                                        const char     *value,
                                        GError        **error);
/* Sets a list of strings (aliases, tags, claims, about); NULL removes an
 * optional one. */
gboolean       weft_edit_set_list      (WeftEdit            *self,
                                        WeftItem            *item,
                                        const char          *member,
                                        const char * const  *values,
                                        GError             **error);
/* Sets an event's participants, or a claim's citations (copied). */
gboolean       weft_edit_set_participants (WeftEdit              *self,
                                           WeftEvent             *event,
                                           const WeftParticipant *participants,
                                           guint                  n,
                                           GError               **error);
gboolean       weft_edit_set_citations (WeftEdit           *self,
                                        WeftClaim          *claim,
                                        const WeftCitation *citations,
                                        guint               n,
                                        GError            **error);
/* Sets @member of @item to its value in @from, a struct of @item's type
 * (whose strings may belong to another dataset): any member at all. */
gboolean       weft_edit_copy_member   (WeftEdit       *self,
                                        WeftItem       *item,
                                        const char     *member,
                                        gconstpointer   from,
                                        GError        **error);
/* Deletes @item; with WEFT_DELETE_REFUSE only when nothing refers to it. */
gboolean       weft_edit_delete        (WeftEdit       *self,
                                        WeftItem       *item,
                                        WeftDeleteMode  mode,
                                        GError        **error);
/* Merges @drop into @keep: every reference to @drop names @keep instead
 * (a list never names it twice), @drop's name and aliases become aliases
 * of @keep, its tags are added, and what @keep leaves empty
 * (description, country) is taken from @drop; then @drop is deleted. */
gboolean       weft_edit_merge         (WeftEdit       *self,
                                        WeftEntity     *keep,
                                        WeftEntity     *drop,
                                        GError        **error);

/* ---- Ending ------------------------------------------------------------- */

/* Checks the edit (required members set: an event's date, a relation's
 * ends), records history and emits "changed" once. On error the edit is
 * rolled back (cancelled). An empty edit commits without a signal. */
gboolean       weft_edit_commit        (WeftEdit       *self,
                                        GError        **error);
/* Rolls back an open edit. */
void           weft_edit_cancel        (WeftEdit       *self);
/* Undoes a committed edit, or redoes an undone one, each emitting
 * "changed". Edits are undone most recent first. */
void           weft_edit_undo          (WeftEdit       *self);
void           weft_edit_redo          (WeftEdit       *self);

/* ---- What refers to what ------------------------------------------------ */

typedef struct {
  WeftItem   *item;      /* the item that refers */
  const char *member;    /* in which member ("participants"), static */
} WeftReference;

/* Everything that refers to @target (not @target itself), by type then
 * position: a new array of WeftReference (unref it). */
GArray        *weft_dataset_dup_references (WeftDataset *self,
                                            WeftItem    *target);
/* An id for a new item of @type that no item has: from @hint (a name;
 * NULL: the type) in lower case, with a number when needed. Newly
 * allocated. */
char          *weft_dataset_dup_new_id     (WeftDataset  *self,
                                            WeftItemType  type,
                                            const char   *hint);
/* Makes now what the first delete would otherwise make, once a session
 * (a count of what names each item no index lists: 2% of a load): for
 * when the application is idle after loading a dataset to edit. */
void           weft_dataset_prepare_edits  (WeftDataset  *self);
/* Checks everything an edit must keep true (positions, ids, references,
 * every index against one built again): for tests and fuzzing. */
gboolean       weft_dataset_verify         (WeftDataset  *self,
                                            GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WeftEdit, weft_edit_unref)

G_END_DECLS
