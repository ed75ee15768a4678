/* weft-dataset-index.h: the dataset's indexes (the model's own)
 *
 * An index maps a key item (an entity, a claim) to a list of items (the
 * events it takes part in…). weft_dataset_finish() builds each as
 * compressed sparse rows, fast to build and to read. An edit changes only
 * the lists it touches: a changed list is copied out of the rows into an
 * overlay (a growable array per key item) and kept there. Keys are the
 * items' positions; once items of the key type are inserted or removed,
 * a map from position to row (shared by the indexes of that type) keeps
 * the rows of the others where they were, and a new item has no row.
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include "weft-dataset.h"

G_BEGIN_DECLS

typedef struct {
  guint    key;
  gpointer value;
} WeftIndexPair;

typedef struct {
  guint      *offsets;   /* the values of row k are values[offsets[k] .. offsets[k + 1]) */
  gpointer   *values;
  guint       n_keys;
  GArray    **keys;      /* the map from position to row (guint), or
                          * *keys NULL while it is the identity */
  GHashTable *overlay;   /* key item -> GPtrArray of its values, for the
                          * lists edits changed; or NULL */
} WeftIndex;

/* A key with no row. */
#define WEFT_INDEX_NO_ROW G_MAXUINT

/* Builds @index over @n_keys keys from (key, value) pairs, keeping the
 * order in which pairs were added and dropping repeats of the same value
 * under a key that come one after another. @keys is where the dataset
 * keeps the position map of the key items' type. */
void      weft_index_build   (WeftIndex       *index,
                              guint            n_keys,
                              GArray          *pairs,
                              GArray         **keys);
void      weft_index_clear   (WeftIndex       *index);
/* The values of @key (borrowed, never NULL), *@n_out how many. */
gpointer *weft_index_get     (const WeftIndex *index,
                              const WeftItem  *key,
                              guint           *n_out);

/* Adds @value to the list of @key where @compare (on two values) puts
 * it, unless it is there already; returns whether it was added. */
gboolean  weft_index_add     (WeftIndex       *index,
                              const WeftItem  *key,
                              gpointer         value,
                              GCompareFunc     compare);
/* Removes @value from the list of @key; returns whether it was there. */
gboolean  weft_index_remove  (WeftIndex       *index,
                              const WeftItem  *key,
                              gpointer         value);
/* Drops what the index holds for @key, an item leaving the dataset (its
 * list is empty by then). */
void      weft_index_forget  (WeftIndex       *index,
                              const WeftItem  *key);

/* The position map of a type whose items are about to change: an item
 * goes in at @position (no row), or the one there goes out. @n_items is
 * how many there are before the change. */
void      weft_index_keys_insert (GArray     **keys,
                                  guint        n_items,
                                  guint        position);
void      weft_index_keys_remove (GArray     **keys,
                                  guint        n_items,
                                  guint        position);

/* Orders two events (WeftEvent *) by date (lower, then upper bound), then
 * by position; and any two items by position. */
gint      weft_compare_events_by_date (gconstpointer a,
                                       gconstpointer b);
gint      weft_compare_items          (gconstpointer a,
                                       gconstpointer b);

G_END_DECLS
