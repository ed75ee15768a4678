/* weft-dataset-edit.h: the changes edits are made of (the model's own)
 *
 * Each primitive changes a finished dataset and keeps every index true:
 * ids, the entity and claim indexes (only the lists it touches), events
 * by date. They check nothing: weft-edit.c checks before it calls them,
 * so that no reference dangles. Each has an exact inverse: swapping again,
 * removing what was inserted, inserting what was removed where it was,
 * popping what was appended.
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include "weft-dataset-private.h"
#include "weft-members.h"

G_BEGIN_DECLS

/* Exchanges the value of @m in @item (NULL: the dataset's header, a member
 * of weft_file_members) with @value. */
void      weft_dataset_swap_member      (WeftDataset      *self,
                                         WeftItem         *item,
                                         const WeftMember *m,
                                         WeftMemberValue  *value);
/* A new item of @type, zero-filled and in no dataset; the dataset takes it
 * with weft_dataset_insert_item(). Free one it never took (or that was
 * removed) with weft_dataset_free_item(). */
WeftItem *weft_dataset_new_item         (WeftItemType      type);
void      weft_dataset_free_item        (WeftItem         *item);
/* Puts @item at @position among the items of its type (the ones from
 * there on move up one). Its id must be free. */
void      weft_dataset_insert_item      (WeftDataset      *self,
                                         WeftItem         *item,
                                         guint             position);
/* Takes @item out of the dataset (nothing may refer to it); it is not
 * freed, and its index stays where it was. */
void      weft_dataset_remove_item      (WeftDataset      *self,
                                         WeftItem         *item);
/* Appends *@entry to @item's history (the item takes what it owns), or
 * takes the last one back out into *@entry. */
void      weft_dataset_push_history     (WeftDataset      *self,
                                         WeftItem         *item,
                                         WeftHistoryEntry *entry);
void      weft_dataset_pop_history      (WeftDataset      *self,
                                         WeftItem         *item,
                                         WeftHistoryEntry *entry);
/* Makes @id name @item too (so that references to it still resolve while
 * an id is renamed), or (@item NULL) no longer. */
void      weft_dataset_alias_id         (WeftDataset      *self,
                                         const char       *id,
                                         WeftItem         *item);

/* The item @id names, even while an id is renamed; NULL when none. */
WeftItem *weft_dataset_resolve          (WeftDataset      *self,
                                         const char       *id);

/* weft_dataset_dup_references(), with @target itself among what refers to
 * it when it names itself (@with_self). */
GArray   *weft_dataset_dup_references_full (WeftDataset   *self,
                                            WeftItem      *target,
                                            gboolean       with_self);

/* The edit open on the dataset (weft-edit.c), or NULL. */
gpointer  weft_dataset_get_open_edit    (WeftDataset      *self);
void      weft_dataset_set_open_edit    (WeftDataset      *self,
                                         gpointer          edit);
/* Who is told of each step of the dataset's edits (the journal): a
 * WeftEditRecorder (weft-edit-private.h), or NULL. */
void      weft_dataset_set_recorder     (WeftDataset      *self,
                                         GCallback         func,
                                         gpointer          data);
GCallback weft_dataset_get_recorder     (WeftDataset      *self,
                                         gpointer         *data);

G_END_DECLS
