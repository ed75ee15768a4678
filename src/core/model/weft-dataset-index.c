/* weft-dataset-index.c: compressed sparse rows, and overlays for edits
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <string.h>

#include "weft-dataset-index.h"

void
weft_index_build (WeftIndex  *index,
                  guint       n_keys,
                  GArray     *pairs,
                  GArray    **keys)
{
  guint *fill;

  index->n_keys = n_keys;
  index->keys = keys;
  index->offsets = g_new0 (guint, n_keys + 1);
  index->values = g_new (gpointer, MAX (pairs->len, 1));

  for (guint i = 0; i < pairs->len; i++)
    index->offsets[g_array_index (pairs, WeftIndexPair, i).key + 1]++;
  for (guint k = 0; k < n_keys; k++)
    index->offsets[k + 1] += index->offsets[k];

  fill = g_new (guint, n_keys + 1);
  memcpy (fill, index->offsets, sizeof (guint) * (n_keys + 1));
  for (guint i = 0; i < pairs->len; i++)
    {
      const WeftIndexPair *p = &g_array_index (pairs, WeftIndexPair, i);
      index->values[fill[p->key]++] = p->value;
    }

  /* Squeeze out adjacent repeats (an entity named twice in one event). */
  {
    guint out = 0;

    for (guint k = 0; k < n_keys; k++)
      {
        guint start = index->offsets[k];
        guint end = fill[k];
        guint first_out = out;

        for (guint i = start; i < end; i++)
          if (out == first_out || index->values[out - 1] != index->values[i])
            index->values[out++] = index->values[i];
        index->offsets[k] = first_out;
      }
    index->offsets[n_keys] = out;
  }

  g_free (fill);
}

void
weft_index_clear (WeftIndex *index)
{
  g_clear_pointer (&index->offsets, g_free);
  g_clear_pointer (&index->values, g_free);
  g_clear_pointer (&index->overlay, g_hash_table_unref);
}

/* The row of @key, or WEFT_INDEX_NO_ROW. */
static guint
row_of (const WeftIndex *index,
        const WeftItem  *key)
{
  guint row = key->index;

  if (G_UNLIKELY (index->keys != NULL && *index->keys != NULL))
    row = g_array_index (*index->keys, guint, row);
  return row < index->n_keys ? row : WEFT_INDEX_NO_ROW;
}

gpointer *
weft_index_get (const WeftIndex *index,
                const WeftItem  *key,
                guint           *n_out)
{
  guint row;

  if (G_UNLIKELY (index->overlay != NULL))
    {
      GPtrArray *list = g_hash_table_lookup (index->overlay, key);

      if (list != NULL)
        {
          if (n_out != NULL)
            *n_out = list->len;
          return list->len > 0 ? list->pdata : index->values;
        }
    }

  row = row_of (index, key);
  if (row == WEFT_INDEX_NO_ROW)
    {
      if (n_out != NULL)
        *n_out = 0;
      return index->values;
    }

  if (n_out != NULL)
    *n_out = index->offsets[row + 1] - index->offsets[row];
  return index->values + index->offsets[row];
}

/* The list of @key in the overlay, copied out of its row the first time. */
static GPtrArray *
overlay_list (WeftIndex      *index,
              const WeftItem *key)
{
  GPtrArray *list;
  gpointer *values;
  guint n;

  if (index->overlay == NULL)
    index->overlay = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);

  list = g_hash_table_lookup (index->overlay, key);
  if (list != NULL)
    return list;

  values = weft_index_get (index, key, &n);
  list = g_ptr_array_sized_new (n + 1);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (list, values[i]);
  g_hash_table_insert (index->overlay, (gpointer) key, list);

  return list;
}

static gint
find_value (const WeftIndex *index,
            const WeftItem  *key,
            gpointer         value)
{
  guint n;
  gpointer *values = weft_index_get (index, key, &n);

  for (guint i = 0; i < n; i++)
    if (values[i] == value)
      return i;
  return -1;
}

gboolean
weft_index_add (WeftIndex      *index,
                const WeftItem *key,
                gpointer        value,
                GCompareFunc    compare)
{
  GPtrArray *list;
  guint lo, hi;

  if (find_value (index, key, value) >= 0)
    return FALSE;

  list = overlay_list (index, key);
  lo = 0;
  hi = list->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (compare (g_ptr_array_index (list, mid), value) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  g_ptr_array_insert (list, lo, value);

  return TRUE;
}

gboolean
weft_index_remove (WeftIndex      *index,
                   const WeftItem *key,
                   gpointer        value)
{
  gint at = find_value (index, key, value);

  if (at < 0)
    return FALSE;

  g_ptr_array_remove_index (overlay_list (index, key), at);
  return TRUE;
}

void
weft_index_forget (WeftIndex      *index,
                   const WeftItem *key)
{
  if (index->overlay != NULL)
    g_hash_table_remove (index->overlay, key);
}

/* The map made real: every item keeps its row. */
static GArray *
keys_map (GArray **keys,
          guint    n_items)
{
  if (*keys == NULL)
    {
      *keys = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_items + 1);
      for (guint i = 0; i < n_items; i++)
        g_array_append_val (*keys, i);
    }
  return *keys;
}

void
weft_index_keys_insert (GArray **keys,
                        guint    n_items,
                        guint    position)
{
  guint none = WEFT_INDEX_NO_ROW;

  g_array_insert_val (keys_map (keys, n_items), position, none);
}

void
weft_index_keys_remove (GArray **keys,
                        guint    n_items,
                        guint    position)
{
  g_array_remove_index (keys_map (keys, n_items), position);
}

gint
weft_compare_items (gconstpointer a,
                    gconstpointer b)
{
  const WeftItem *x = a;
  const WeftItem *y = b;

  return x->index < y->index ? -1 : (x->index > y->index);
}

gint
weft_compare_events_by_date (gconstpointer a,
                             gconstpointer b)
{
  const WeftEvent *x = a;
  const WeftEvent *y = b;
  int c = weft_date_compare (&x->date, &y->date);

  if (c != 0)
    return c;
  return weft_compare_items (a, b);
}
