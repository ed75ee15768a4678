/* weft-dataset-change.h: what an edit changed, as the dataset's "changed"
 * signal says it
 *
 * One change per user action (an edit, its undo, its redo): the items
 * added, removed and changed, each with the members that changed, so that
 * a view updates only what it must (a new name is not a new layout).
 * Removed items are still readable while the signal runs, not after.
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include "weft-dataset.h"

G_BEGIN_DECLS

typedef enum {
  WEFT_CHANGE_ADDED,
  WEFT_CHANGE_REMOVED,
  WEFT_CHANGE_CHANGED,
} WeftChangeKind;

typedef struct {
  WeftItem       *item;
  WeftChangeKind  kind;
  guint32         members;   /* CHANGED: bit i for member i of the item's
                              * table (weft-members.h) */
} WeftItemChange;

typedef struct _WeftDatasetChange WeftDatasetChange;

#define WEFT_TYPE_DATASET_CHANGE (weft_dataset_change_get_type ())
GType                 weft_dataset_change_get_type    (void) G_GNUC_CONST;

WeftDatasetChange    *weft_dataset_change_new         (void);
WeftDatasetChange    *weft_dataset_change_ref         (WeftDatasetChange    *self);
void                  weft_dataset_change_unref       (WeftDatasetChange    *self);

/* Adds an item, or more members of one already there. */
void                  weft_dataset_change_add         (WeftDatasetChange    *self,
                                                       WeftItem             *item,
                                                       WeftChangeKind        kind,
                                                       guint32               members);
/* The members of the dataset's header that changed (bit i for member i of
 * weft_file_members: "title", "description", "language"). */
void                  weft_dataset_change_add_header  (WeftDatasetChange    *self,
                                                       guint32               members);

/* The items, in the order the edit first touched them (borrowed). */
const WeftItemChange *weft_dataset_change_get_items   (const WeftDatasetChange *self,
                                                       guint                   *n_out);
guint32               weft_dataset_change_get_header  (const WeftDatasetChange *self);
/* Whether items were added or removed: the positions (WeftItem.index) of
 * those after them changed. */
gboolean              weft_dataset_change_moves_items (const WeftDatasetChange *self);
/* Whether what links items changed: an item added or removed, or a
 * reference (a participant, a claim's about, a relation's ends…). A view
 * of the links (the graph) need not look again otherwise. */
gboolean              weft_dataset_change_touches_links (const WeftDatasetChange *self);
/* Whether an item of @type changed @member (added and removed items count
 * as changing all of them). */
gboolean              weft_dataset_change_has_member  (const WeftDatasetChange *self,
                                                       WeftItemType             type,
                                                       const char              *member);
/* Whether @change names @member ("name") among its members. */
gboolean              weft_item_change_has_member     (const WeftItemChange    *change,
                                                       const char              *member);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WeftDatasetChange, weft_dataset_change_unref)

G_END_DECLS
