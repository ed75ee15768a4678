/* weft-dataset-change.c: what an edit changed
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include "weft-dataset-change.h"
#include "weft-members.h"

struct _WeftDatasetChange
{
  gatomicrefcount  ref_count;
  GArray          *items;     /* WeftItemChange */
  GHashTable      *where;     /* WeftItem * -> its position in @items + 1 */
  guint32          header;
};

G_DEFINE_BOXED_TYPE (WeftDatasetChange, weft_dataset_change, weft_dataset_change_ref, weft_dataset_change_unref)

WeftDatasetChange *
weft_dataset_change_new (void)
{
  WeftDatasetChange *self = g_new0 (WeftDatasetChange, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->items = g_array_new (FALSE, FALSE, sizeof (WeftItemChange));
  self->where = g_hash_table_new (NULL, NULL);
  return self;
}

WeftDatasetChange *
weft_dataset_change_ref (WeftDatasetChange *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
weft_dataset_change_unref (WeftDatasetChange *self)
{
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_array_unref (self->items);
  g_hash_table_unref (self->where);
  g_free (self);
}

void
weft_dataset_change_add (WeftDatasetChange *self,
                         WeftItem          *item,
                         WeftChangeKind     kind,
                         guint32            members)
{
  guint at = GPOINTER_TO_UINT (g_hash_table_lookup (self->where, item));
  WeftItemChange *c;

  if (at == 0)
    {
      WeftItemChange change = { item, kind, kind == WEFT_CHANGE_CHANGED ? members : 0 };

      g_array_append_val (self->items, change);
      g_hash_table_insert (self->where, item, GUINT_TO_POINTER (self->items->len));
      return;
    }

  c = &g_array_index (self->items, WeftItemChange, at - 1);
  if (c->kind == WEFT_CHANGE_CHANGED && kind == WEFT_CHANGE_CHANGED)
    c->members |= members;
  else if (c->kind == WEFT_CHANGE_CHANGED)
    {
      c->kind = kind;
      c->members = 0;
    }
  /* Added, then changed: still added. Added then removed, or removed
   * then added again, cannot happen in one edit's change (weft-edit.c
   * never takes an item back). */
}

void
weft_dataset_change_add_header (WeftDatasetChange *self,
                                guint32            members)
{
  self->header |= members;
}

const WeftItemChange *
weft_dataset_change_get_items (const WeftDatasetChange *self,
                               guint                   *n_out)
{
  if (n_out != NULL)
    *n_out = self->items->len;
  return (const WeftItemChange *) (gpointer) self->items->data;
}

guint32
weft_dataset_change_get_header (const WeftDatasetChange *self)
{
  return self->header;
}

gboolean
weft_dataset_change_moves_items (const WeftDatasetChange *self)
{
  for (guint i = 0; i < self->items->len; i++)
    if (g_array_index (self->items, WeftItemChange, i).kind != WEFT_CHANGE_CHANGED)
      return TRUE;
  return FALSE;
}

gboolean
weft_dataset_change_touches_links (const WeftDatasetChange *self)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      const WeftItemChange *c = &g_array_index (self->items, WeftItemChange, i);
      const WeftMemberTable *table = weft_item_members (c->item->type);

      if (c->kind != WEFT_CHANGE_CHANGED)
        return TRUE;
      for (guint j = 0; j < table->n_members; j++)
        if ((c->members & (1u << j)) && weft_member_has_references (&table->members[j]))
          return TRUE;
    }
  return FALSE;
}

gboolean
weft_item_change_has_member (const WeftItemChange *change,
                             const char           *member)
{
  const WeftMemberTable *table = weft_item_members (change->item->type);
  const WeftMember *m = weft_member_lookup (table, member);

  if (change->kind != WEFT_CHANGE_CHANGED)
    return TRUE;
  return m != NULL && (change->members & (1u << (m - table->members))) != 0;
}

gboolean
weft_dataset_change_has_member (const WeftDatasetChange *self,
                                WeftItemType             type,
                                const char              *member)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      const WeftItemChange *c = &g_array_index (self->items, WeftItemChange, i);

      if (c->item->type == type && weft_item_change_has_member (c, member))
        return TRUE;
    }
  return FALSE;
}
