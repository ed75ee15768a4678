/* weft-dataset-diff.c: what differs between two versions of a dataset
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-model"

#include "config.h"

#include "weft-dataset-diff.h"
#include "weft-dataset-private.h"
#include "weft-members.h"

static void
clear_entry (gpointer data)
{
  WeftDiffEntry *entry = data;

  g_free (entry->members);
}

/* The members of @table that differ between @a and @b, in table order,
 * "…" when only unknown members do; NULL when none. */
static const char **
differing_members (const WeftMemberTable *table,
                   gconstpointer          a,
                   gconstpointer          b)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < table->n_members; i++)
    {
      const WeftMember *m = &table->members[i];

      if (m->type != WEFT_MEMBER_ITEMS && m->type != WEFT_MEMBER_VERSION && !weft_member_equal (m, a, b))
        g_ptr_array_add (names, (gpointer) m->name);
    }
  if (names->len == 0 && !weft_members_equal (table, a, b))
    g_ptr_array_add (names, (gpointer) "…");
  if (names->len == 0)
    return NULL;
  g_ptr_array_add (names, NULL);
  return (const char **) g_ptr_array_steal (names, NULL);
}

static void
add_entry (GArray       *diff,
           WeftDiffKind  kind,
           WeftItemType  type,
           WeftItem     *item,
           const char  **members)
{
  WeftDiffEntry entry = {
    .kind = kind,
    .type = type,
    .id = item ? item->id : NULL,
    .label = item ? weft_item_get_label (item) : NULL,
    .members = members,
  };

  g_array_append_val (diff, entry);
}

/* @id's item of @type in @dataset, or NULL. */
static WeftItem *
find (WeftDataset  *dataset,
      WeftItemType  type,
      const char   *id)
{
  WeftItem *item = weft_dataset_lookup (dataset, id);

  return item != NULL && item->type == type ? item : NULL;
}

GArray *
weft_dataset_diff (WeftDataset *before,
                   WeftDataset *after)
{
  GArray *diff = g_array_new (FALSE, TRUE, sizeof (WeftDiffEntry));
  const char **members;

  g_return_val_if_fail (WEFT_IS_DATASET (before) && WEFT_IS_DATASET (after), diff);

  g_array_set_clear_func (diff, clear_entry);

  /* The dataset's own members. */
  members = differing_members (&weft_file_members, weft_dataset_get_header (before),
                               weft_dataset_get_header (after));
  if (members != NULL)
    add_entry (diff, WEFT_DIFF_CHANGED, WEFT_ITEM_NONE, NULL, members);

  for (WeftItemType type = WEFT_ITEM_NONE + 1; type <= WEFT_ITEM_LAST; type++)
    {
      const WeftMemberTable *table = weft_item_members (type);
      GPtrArray *old_items = weft_dataset_get_items (before, type);
      GPtrArray *new_items = weft_dataset_get_items (after, type);

      for (guint i = 0; i < old_items->len; i++)
        {
          WeftItem *old_item = g_ptr_array_index (old_items, i);
          WeftItem *new_item = find (after, type, old_item->id);

          if (new_item == NULL)
            add_entry (diff, WEFT_DIFF_REMOVED, type, old_item, NULL);
          else if ((members = differing_members (table, old_item, new_item)) != NULL)
            add_entry (diff, WEFT_DIFF_CHANGED, type, new_item, members);
        }
      for (guint i = 0; i < new_items->len; i++)
        {
          WeftItem *new_item = g_ptr_array_index (new_items, i);

          if (find (before, type, new_item->id) == NULL)
            add_entry (diff, WEFT_DIFF_ADDED, type, new_item, NULL);
        }
    }
  return diff;
}

guint
weft_dataset_diff_count (GArray       *diff,
                         WeftDiffKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < diff->len; i++)
    if (g_array_index (diff, WeftDiffEntry, i).kind == kind)
      n++;
  return n;
}
