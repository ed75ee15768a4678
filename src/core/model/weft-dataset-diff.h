/* weft-dataset-diff.h: what differs between two versions of a dataset
 *
 * For a window whose file changed on disk while it has unsaved edits:
 * which items only one of the two has, and which both have but not the
 * same (with the members that differ), by type then file order. GTK-free.
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include "weft-dataset.h"

G_BEGIN_DECLS

typedef enum {
  WEFT_DIFF_ADDED,     /* only in @after */
  WEFT_DIFF_REMOVED,   /* only in @before */
  WEFT_DIFF_CHANGED,   /* in both, not the same */
} WeftDiffKind;

typedef struct {
  WeftDiffKind   kind;
  WeftItemType   type;     /* WEFT_ITEM_NONE: the dataset's own title,
                            * description or language */
  const char    *id;       /* NULL for the dataset itself */
  const char    *label;    /* a name for people ("Huawei"), from @after
                            * when it has the item, else from @before */
  const char   **members;  /* CHANGED: the names of the members that
                            * differ, in table order (static strings,
                            * "…" for members Weft does not know);
                            * NULL-terminated, owned by the entry */
} WeftDiffEntry;

/* What differs from @before to @after: a new array of WeftDiffEntry
 * (unref it), empty when they hold the same; the types in file order
 * (sources, entities, …), within a type the items removed and changed in
 * @before's order, then those added in @after's. Strings belong to the
 * datasets: keep both alive while using it. */
GArray *weft_dataset_diff       (WeftDataset *before,
                                 WeftDataset *after);
/* How many entries of @diff are of @kind. */
guint   weft_dataset_diff_count (GArray      *diff,
                                 WeftDiffKind kind);

G_END_DECLS
