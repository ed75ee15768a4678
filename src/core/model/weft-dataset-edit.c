/* weft-dataset-edit.c: changing a finished dataset, indexes included
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "weft-dataset-edit.h"
#include "weft-dataset-struct.h"
#include "weft-edit.h"
#include "weft-error.h"

struct _WeftDatasetEditState
{
  gpointer    open_edit;
  GCallback   recorder;
  gpointer    recorder_data;
  /* How many times each id is named by a reference that may name
   * something else than an entity, counted the first time something asks
   * what refers to an item that no index lists, then kept up to date;
   * NULL before. */
  struct _Named *named;
};

static void named_free (struct _Named *named);

void
weft_dataset_edit_state_free (WeftDatasetEditState *state)
{
  g_clear_pointer (&state->named, named_free);
  g_free (state);
}

static WeftDatasetEditState *
edit_state (WeftDataset *self)
{
  if (self->edit_state == NULL)
    self->edit_state = g_new0 (WeftDatasetEditState, 1);
  return self->edit_state;
}

gpointer
weft_dataset_get_open_edit (WeftDataset *self)
{
  return self->edit_state ? self->edit_state->open_edit : NULL;
}

void
weft_dataset_set_open_edit (WeftDataset *self,
                            gpointer     edit)
{
  edit_state (self)->open_edit = edit;
}

void
weft_dataset_set_recorder (WeftDataset *self,
                           GCallback    func,
                           gpointer     data)
{
  edit_state (self)->recorder = func;
  self->edit_state->recorder_data = data;
}

GCallback
weft_dataset_get_recorder (WeftDataset *self,
                           gpointer    *data)
{
  *data = self->edit_state ? self->edit_state->recorder_data : NULL;
  return self->edit_state ? self->edit_state->recorder : NULL;
}

WeftItem *
weft_dataset_resolve (WeftDataset *self,
                      const char  *id)
{
  return id != NULL ? g_hash_table_lookup (self->by_id, id) : NULL;
}

/* ---- Indexes ------------------------------------------------------------ */

static WeftItem *
resolve_type (WeftDataset  *self,
              const char   *id,
              WeftItemType  type)
{
  WeftItem *item = weft_dataset_resolve (self, id);

  return item != NULL && item->type == type ? item : NULL;
}

/* Adds or removes @value in the list of the item @id names, when that is
 * of @type. */
static void
index_one (WeftDataset  *self,
           WeftIndex    *index,
           const char   *id,
           WeftItemType  type,
           gpointer      value,
           GCompareFunc  compare,
           gboolean      add)
{
  WeftItem *key = resolve_type (self, id, type);

  if (key == NULL)
    return;
  if (add)
    weft_index_add (index, key, value, compare);
  else
    weft_index_remove (index, key, value);
}

static void
index_list (WeftDataset  *self,
            WeftIndex    *index,
            const char  **ids,
            WeftItemType  type,
            gpointer      value,
            gboolean      add)
{
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    index_one (self, index, ids[i], type, value, weft_compare_items, add);
}

/* The counts of weft_dataset_dup_references(): ids (kept in @chunk,
 * which only grows) to how many times something names them. */
typedef struct _Named {
  GHashTable   *counts;
  GStringChunk *chunk;
} Named;

static void
named_free (Named *named)
{
  g_hash_table_unref (named->counts);
  g_string_chunk_free (named->chunk);
  g_free (named);
}

static void
name_once (const char *id,
           gpointer    data)
{
  Named *named = data;
  gpointer key, count;

  if (g_hash_table_lookup_extended (named->counts, id, &key, &count))
    g_hash_table_insert (named->counts, key, GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + 1));
  else
    g_hash_table_insert (named->counts, g_string_chunk_insert (named->chunk, id), GUINT_TO_POINTER (1));
}

static void
unname_once (const char *id,
             gpointer    data)
{
  Named *named = data;
  gpointer key, count;

  if (!g_hash_table_lookup_extended (named->counts, id, &key, &count))
    g_return_if_reached ();
  if (GPOINTER_TO_UINT (count) == 1)
    g_hash_table_remove (named->counts, id);
  else
    g_hash_table_insert (named->counts, key, GUINT_TO_POINTER (GPOINTER_TO_UINT (count) - 1));
}

/* Counts (or uncounts) in @named the ids @item's references name, but
 * for those that can only name an entity (the indexes list those). */
static void
count_names (Named    *named,
             WeftItem *item,
             gboolean  add)
{
  const WeftMemberTable *table = weft_item_members (item->type);

  for (guint i = 0; i < table->n_members; i++)
    weft_member_foreach_reference (&table->members[i], item, TRUE, add ? name_once : unname_once, named);
}

static Named *
count_all_names (WeftDataset *self)
{
  Named *named = g_new (Named, 1);

  named->counts = g_hash_table_new (g_str_hash, g_str_equal);
  named->chunk = g_string_chunk_new (4096);

  for (WeftItemType type = WEFT_ITEM_SOURCE; type <= WEFT_ITEM_ERA; type++)
    {
      GPtrArray *items = weft_dataset_get_items (self, type);

      for (guint i = 0; i < items->len; i++)
        count_names (named, g_ptr_array_index (items, i), TRUE);
    }
  return named;
}

/* Adds @item to (or removes it from) the lists of what it refers to, as
 * weft_dataset_finish() would have put it there. */
static void
index_item (WeftDataset *self,
            WeftItem    *item,
            gboolean     add)
{
  if (self->edit_state != NULL && self->edit_state->named != NULL)
    count_names (self->edit_state->named, item, add);

  switch (item->type)
    {
    case WEFT_ITEM_EVENT:
      {
        WeftEvent *e = (WeftEvent *) item;

        for (guint i = 0; i < e->n_participants; i++)
          index_one (self, &self->entity_events, e->participants[i].entity, WEFT_ITEM_ENTITY, e,
                     weft_compare_events_by_date, add);
        index_list (self, &self->claim_events, e->claims, WEFT_ITEM_CLAIM, e, add);
      }
      break;

    case WEFT_ITEM_CLAIM:
      {
        WeftClaim *c = (WeftClaim *) item;

        /* Removing is done once for all: the claim may name an entity
         * twice (claimant and about). */
        index_one (self, &self->entity_claims, c->claimant, WEFT_ITEM_ENTITY, c, weft_compare_items, add);
        index_list (self, &self->entity_claims, c->about, WEFT_ITEM_ENTITY, c, add);
      }
      break;

    case WEFT_ITEM_RELATION:
      {
        WeftRelation *r = (WeftRelation *) item;

        index_one (self, &self->entity_relations, r->from, WEFT_ITEM_ENTITY, r, weft_compare_items, add);
        index_one (self, &self->entity_relations, r->to, WEFT_ITEM_ENTITY, r, weft_compare_items, add);
        index_list (self, &self->claim_relations, r->claims, WEFT_ITEM_CLAIM, r, add);
      }
      break;

    case WEFT_ITEM_SOURCE:
    case WEFT_ITEM_ENTITY:
    case WEFT_ITEM_ERA:
    case WEFT_ITEM_NONE:
    default:
      break;
    }
}

/* Where @event is, or goes, among the first @n events by date. */
static guint
by_date_position (WeftDataset *self,
                  WeftEvent   *event,
                  guint        n)
{
  guint lo = 0, hi = n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (weft_compare_events_by_date (self->events_by_date[mid], event) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* @n: how many events are in the list before. */
static void
by_date_insert (WeftDataset *self,
                WeftEvent   *event,
                guint        n)
{
  guint at;

  self->events_by_date = g_renew (WeftEvent *, self->events_by_date, n + 1);
  at = by_date_position (self, event, n);
  memmove (self->events_by_date + at + 1, self->events_by_date + at, (n - at) * sizeof (WeftEvent *));
  self->events_by_date[at] = event;
}

static void
by_date_remove (WeftDataset *self,
                WeftEvent   *event,
                guint        n)
{
  guint at = by_date_position (self, event, n);

  g_return_if_fail (at < n && self->events_by_date[at] == event);
  memmove (self->events_by_date + at, self->events_by_date + at + 1, (n - at - 1) * sizeof (WeftEvent *));
}

/* ---- Primitives --------------------------------------------------------- */

void
weft_dataset_swap_member (WeftDataset      *self,
                          WeftItem         *item,
                          const WeftMember *m,
                          WeftMemberValue  *value)
{
  gboolean refs, dated, id;

  g_return_if_fail (self->finished);

  if (item == NULL)
    {
      weft_member_value_swap (m, &self->header, value);
      return;
    }

  refs = weft_member_has_references (m);
  dated = item->type == WEFT_ITEM_EVENT && m->type == WEFT_MEMBER_DATE;
  id = m->offset == G_STRUCT_OFFSET (WeftItem, id) && m->type == WEFT_MEMBER_STRING;

  if (refs || dated)
    index_item (self, item, FALSE);
  if (dated)
    by_date_remove (self, (WeftEvent *) item, self->events->len);
  if (id && g_hash_table_lookup (self->by_id, item->id) == item)
    g_hash_table_remove (self->by_id, item->id);

  weft_member_value_swap (m, item, value);

  if (id)
    g_hash_table_insert (self->by_id, (gpointer) item->id, item);
  if (dated)
    by_date_insert (self, (WeftEvent *) item, self->events->len - 1);
  if (refs || dated)
    index_item (self, item, TRUE);
}

WeftItem *
weft_dataset_new_item (WeftItemType type)
{
  WeftItem *item = g_malloc0 (weft_item_members (type)->size);

  item->type = type;
  return item;
}

void
weft_dataset_free_item (WeftItem *item)
{
  weft_members_clear (weft_item_members (item->type), item);
  if (!item->in_block)
    g_free (item);
}

static void
renumber (GPtrArray *items,
          guint      from)
{
  for (guint i = from; i < items->len; i++)
    ((WeftItem *) g_ptr_array_index (items, i))->index = i;
}

/* The position map of @type's items, if it is a key of some index. */
static GArray **
keys_of (WeftDataset  *self,
         WeftItemType  type)
{
  if (type == WEFT_ITEM_ENTITY)
    return &self->entity_keys;
  if (type == WEFT_ITEM_CLAIM)
    return &self->claim_keys;
  return NULL;
}

void
weft_dataset_insert_item (WeftDataset *self,
                          WeftItem    *item,
                          guint        position)
{
  GPtrArray *items = weft_dataset_get_items (self, item->type);
  GArray **keys = keys_of (self, item->type);

  g_return_if_fail (self->finished);
  g_return_if_fail (position <= items->len);

  if (keys != NULL)
    weft_index_keys_insert (keys, items->len, position);
  g_ptr_array_insert (items, position, item);
  renumber (items, position);

  g_hash_table_insert (self->by_id, (gpointer) item->id, item);
  if (item->type == WEFT_ITEM_EVENT)
    by_date_insert (self, (WeftEvent *) item, self->events->len - 1);
  index_item (self, item, TRUE);
}

void
weft_dataset_remove_item (WeftDataset *self,
                          WeftItem    *item)
{
  GPtrArray *items = weft_dataset_get_items (self, item->type);
  GArray **keys = keys_of (self, item->type);
  guint position = item->index;

  g_return_if_fail (self->finished);
  g_return_if_fail (position < items->len && g_ptr_array_index (items, position) == item);

  index_item (self, item, FALSE);
  if (item->type == WEFT_ITEM_EVENT)
    by_date_remove (self, (WeftEvent *) item, self->events->len);
  if (g_hash_table_lookup (self->by_id, item->id) == item)
    g_hash_table_remove (self->by_id, item->id);

  if (item->type == WEFT_ITEM_ENTITY)
    {
      weft_index_forget (&self->entity_events, item);
      weft_index_forget (&self->entity_claims, item);
      weft_index_forget (&self->entity_relations, item);
    }
  else if (item->type == WEFT_ITEM_CLAIM)
    {
      weft_index_forget (&self->claim_events, item);
      weft_index_forget (&self->claim_relations, item);
    }
  if (keys != NULL)
    weft_index_keys_remove (keys, items->len, position);

  g_ptr_array_steal_index (items, position);
  renumber (items, position);
  item->index = position;
}

void
weft_dataset_push_history (WeftDataset      *self,
                           WeftItem         *item,
                           WeftHistoryEntry *entry)
{
  WeftHistoryEntry *slot = weft_dataset_append_element ((gpointer *) &item->history, &item->n_history,
                                                        sizeof *entry);

  *slot = *entry;
  memset (entry, 0, sizeof *entry);
}

void
weft_dataset_pop_history (WeftDataset      *self,
                          WeftItem         *item,
                          WeftHistoryEntry *entry)
{
  g_return_if_fail (item->n_history > 0);

  *entry = item->history[--item->n_history];
  if (item->n_history == 0)
    g_clear_pointer (&item->history, g_free);
}

void
weft_dataset_alias_id (WeftDataset *self,
                       const char  *id,
                       WeftItem    *item)
{
  if (item != NULL)
    g_hash_table_insert (self->by_id, (gpointer) id, item);
  else
    g_hash_table_remove (self->by_id, id);
}

/* ---- What refers to what ------------------------------------------------ */

/* Whether a member of @table (or of its objects) may name a @type. */
static gboolean
table_may_refer (const WeftMemberTable *table,
                 WeftItemType           type)
{
  for (guint i = 0; i < table->n_members; i++)
    {
      const WeftMember *m = &table->members[i];

      if (m->reference && (m->refers_to == WEFT_ITEM_NONE || m->refers_to == type))
        return TRUE;
      if (m->type == WEFT_MEMBER_OBJECTS && table_may_refer (m->table, type))
        return TRUE;
    }
  return FALSE;
}

static gint
compare_by_type_and_position (gconstpointer a,
                              gconstpointer b)
{
  const WeftItem *x = *(WeftItem * const *) a;
  const WeftItem *y = *(WeftItem * const *) b;

  if (x->type != y->type)
    return x->type < y->type ? -1 : 1;
  return weft_compare_items (x, y);
}

static void
add_all (GPtrArray *candidates,
         gpointer  *items,
         guint      n)
{
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (candidates, items[i]);
}

void
weft_dataset_prepare_edits (WeftDataset *self)
{
  g_return_if_fail (self->finished);

  if (edit_state (self)->named == NULL)
    self->edit_state->named = count_all_names (self);
}

GArray *
weft_dataset_dup_references_full (WeftDataset *self,
                                  WeftItem    *target,
                                  gboolean     with_self)
{
  GArray *refs = g_array_new (FALSE, FALSE, sizeof (WeftReference));
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();

  g_return_val_if_fail (self->finished, refs);

  if (target->type == WEFT_ITEM_ENTITY)
    {
      guint n;
      gpointer *items;

      /* Only events, claims and relations can name an entity, and the
       * indexes list every one that does. */
      items = weft_index_get (&self->entity_events, target, &n);
      add_all (candidates, items, n);
      items = weft_index_get (&self->entity_claims, target, &n);
      add_all (candidates, items, n);
      items = weft_index_get (&self->entity_relations, target, &n);
      add_all (candidates, items, n);
      g_ptr_array_sort (candidates, compare_by_type_and_position);
    }
  else
    {
      /* No index lists what names it: the counts say whether anything
       * does, before looking through everything that might. */
      weft_dataset_prepare_edits (self);
      if (!g_hash_table_contains (self->edit_state->named->counts, target->id))
        return refs;
      for (WeftItemType type = WEFT_ITEM_SOURCE; type <= WEFT_ITEM_ERA; type++)
        if (table_may_refer (weft_item_members (type), target->type))
          {
            GPtrArray *items = weft_dataset_get_items (self, type);

            add_all (candidates, items->pdata, items->len);
          }
    }

  for (guint i = 0; i < candidates->len; i++)
    {
      WeftItem *item = g_ptr_array_index (candidates, i);
      const WeftMemberTable *table = weft_item_members (item->type);

      if (item == target && !with_self)
        continue;
      for (guint j = 0; j < table->n_members; j++)
        if (weft_member_refers (&table->members[j], item, target->id))
          {
            WeftReference ref = { item, table->members[j].name };

            g_array_append_val (refs, ref);
          }
    }

  return refs;
}

GArray *
weft_dataset_dup_references (WeftDataset *self,
                             WeftItem    *target)
{
  return weft_dataset_dup_references_full (self, target, FALSE);
}

char *
weft_dataset_dup_new_id (WeftDataset  *self,
                         WeftItemType  type,
                         const char   *hint)
{
  static const char * const names[] = { "item", "source", "entity", "event", "claim", "relation", "era" };
  g_autofree char *ascii = hint ? g_str_to_ascii (hint, "C") : NULL;
  GString *id = g_string_new (NULL);
  gsize base;

  for (const char *p = ascii; p != NULL && *p != '\0' && id->len < 40; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (id, g_ascii_tolower (*p));
      else if (id->len > 0 && id->str[id->len - 1] != '-')
        g_string_append_c (id, '-');
    }
  while (id->len > 0 && id->str[id->len - 1] == '-')
    g_string_truncate (id, id->len - 1);
  if (id->len == 0)
    g_string_append (id, names[type < G_N_ELEMENTS (names) ? type : 0]);

  base = id->len;
  for (guint n = 2; self->by_id != NULL && g_hash_table_contains (self->by_id, id->str); n++)
    {
      g_string_truncate (id, base);
      g_string_append_printf (id, "-%u", n);
    }

  return g_string_free (id, FALSE);
}

/* ---- Checking ----------------------------------------------------------- */

static gboolean
fail (GError    **error,
      const char *format,
      ...) G_GNUC_PRINTF (2, 3);

static gboolean
fail (GError    **error,
      const char *format,
      ...)
{
  va_list args;

  va_start (args, format);
  if (error != NULL && *error == NULL)
    *error = g_error_new_valist (WEFT_ERROR, WEFT_ERROR_FAILED, format, args);
  va_end (args);
  return FALSE;
}

/* Whether the references in @m of @owner's struct at @base resolve. */
static gboolean
verify_references (WeftDataset       *self,
                   const WeftItem    *owner,
                   const WeftMember  *m,
                   gconstpointer      base,
                   GError           **error)
{
  const char * const *ids;
  const char *one[2] = { NULL, NULL };

  if (m->type == WEFT_MEMBER_OBJECTS)
    {
      const guint8 *elements = WEFT_MEMBER_FIELD (base, m->offset, const guint8 *);

      for (guint i = 0; i < WEFT_MEMBER_FIELD (base, m->length_offset, guint); i++)
        for (guint j = 0; j < m->table->n_members; j++)
          if (!verify_references (self, owner, &m->table->members[j], elements + i * m->table->size, error))
            return FALSE;
      return TRUE;
    }
  if (!m->reference)
    return TRUE;

  if (m->type == WEFT_MEMBER_STRING)
    {
      one[0] = WEFT_MEMBER_FIELD (base, m->offset, const char *);
      ids = one;
    }
  else
    ids = WEFT_MEMBER_FIELD (base, m->offset, const char * const *);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      WeftItem *target = weft_dataset_resolve (self, ids[i]);

      if (target == NULL || (m->refers_to != WEFT_ITEM_NONE && target->type != m->refers_to))
        return fail (error, "%s.%s names “%s”, which is not there", owner->id, m->name, ids[i]);
    }
  return TRUE;
}

/* Appends @value to the expected list of @key, unless it ends with it. */
static void
expect (GHashTable *lists,
        WeftItem   *key,
        gpointer    value)
{
  GPtrArray *list;

  if (key == NULL)
    return;
  list = g_hash_table_lookup (lists, key);
  if (list == NULL)
    g_hash_table_insert (lists, key, list = g_ptr_array_new ());
  if (list->len == 0 || g_ptr_array_index (list, list->len - 1) != value)
    g_ptr_array_add (list, value);
}

static void
expect_all (WeftDataset  *self,
            GHashTable   *lists,
            const char  **ids,
            WeftItemType  type,
            gpointer      value)
{
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    expect (lists, resolve_type (self, ids[i], type), value);
}

/* Whether @index holds for each key item of @keys what @lists expects. */
static gboolean
verify_index (const WeftIndex  *index,
              const char       *name,
              GPtrArray        *keys,
              GHashTable       *lists,
              GError          **error)
{
  for (guint i = 0; i < keys->len; i++)
    {
      WeftItem *key = g_ptr_array_index (keys, i);
      GPtrArray *want = g_hash_table_lookup (lists, key);
      guint n, n_want = want ? want->len : 0;
      gpointer *have = weft_index_get (index, key, &n);

      if (n != n_want)
        return fail (error, "%s of “%s”: %u items, %u expected", name, key->id, n, n_want);
      for (guint j = 0; j < n; j++)
        if (have[j] != g_ptr_array_index (want, j))
          return fail (error, "%s of “%s”: item %u is “%s”, “%s” expected", name, key->id, j,
                       ((WeftItem *) have[j])->id, ((WeftItem *) g_ptr_array_index (want, j))->id);
    }
  return TRUE;
}

static int
compare_event_pointers (const void *a,
                        const void *b)
{
  return weft_compare_events_by_date (*(WeftEvent * const *) a, *(WeftEvent * const *) b);
}

gboolean
weft_dataset_verify (WeftDataset  *self,
                     GError      **error)
{
  g_autoptr(GHashTable) entity_events = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) entity_claims = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) entity_relations = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) claim_events = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) claim_relations = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_autofree WeftEvent **by_date = NULL;
  guint n_items = 0;

  if (!self->finished)
    return fail (error, "the dataset is not finished");

  for (WeftItemType type = WEFT_ITEM_SOURCE; type <= WEFT_ITEM_ERA; type++)
    {
      GPtrArray *items = weft_dataset_get_items (self, type);
      const WeftMemberTable *table = weft_item_members (type);

      for (guint i = 0; i < items->len; i++)
        {
          WeftItem *item = g_ptr_array_index (items, i);

          if (item->type != type || item->index != i)
            return fail (error, "%s[%u] says it is at %u", weft_item_array_name (type), i, item->index);
          if (item->id == NULL || item->id[0] == '\0' || weft_dataset_resolve (self, item->id) != item)
            return fail (error, "%s[%u]: its id “%s” does not name it", weft_item_array_name (type), i,
                         item->id ? item->id : "");
          for (guint j = 0; j < table->n_members; j++)
            if (!verify_references (self, item, &table->members[j], item, error))
              return FALSE;
          n_items++;
        }
    }
  if (g_hash_table_size (self->by_id) != n_items)
    return fail (error, "%u ids for %u items", g_hash_table_size (self->by_id), n_items);

  by_date = g_new (WeftEvent *, MAX (self->events->len, 1));
  if (self->events->len > 0)
    memcpy (by_date, self->events->pdata, self->events->len * sizeof (WeftEvent *));
  qsort (by_date, self->events->len, sizeof (WeftEvent *), compare_event_pointers);
  for (guint i = 0; i < self->events->len; i++)
    if (self->events_by_date[i] != by_date[i])
      return fail (error, "events by date: “%s” at %u, “%s” expected", self->events_by_date[i]->item.id, i,
                   by_date[i]->item.id);

  for (guint i = 0; i < self->events->len; i++)
    {
      WeftEvent *e = by_date[i];

      for (guint j = 0; j < e->n_participants; j++)
        expect (entity_events, resolve_type (self, e->participants[j].entity, WEFT_ITEM_ENTITY), e);
    }
  if (self->edit_state != NULL && self->edit_state->named != NULL)
    {
      Named *named = count_all_names (self);
      GHashTable *kept = self->edit_state->named->counts;
      GHashTableIter iter;
      gpointer id, count;
      gboolean same = g_hash_table_size (named->counts) == g_hash_table_size (kept);

      g_hash_table_iter_init (&iter, named->counts);
      while (same && g_hash_table_iter_next (&iter, &id, &count))
        same = g_hash_table_lookup (kept, id) == count;
      named_free (named);
      if (!same)
        return fail (error, "the counts of what names each id are wrong");
    }
  for (guint i = 0; i < self->events->len; i++)
    {
      WeftEvent *e = g_ptr_array_index (self->events, i);

      expect_all (self, claim_events, e->claims, WEFT_ITEM_CLAIM, e);
    }
  for (guint i = 0; i < self->claims->len; i++)
    {
      WeftClaim *c = g_ptr_array_index (self->claims, i);

      expect (entity_claims, resolve_type (self, c->claimant, WEFT_ITEM_ENTITY), c);
      expect_all (self, entity_claims, c->about, WEFT_ITEM_ENTITY, c);
    }
  for (guint i = 0; i < self->relations->len; i++)
    {
      WeftRelation *r = g_ptr_array_index (self->relations, i);

      expect (entity_relations, resolve_type (self, r->from, WEFT_ITEM_ENTITY), r);
      expect (entity_relations, resolve_type (self, r->to, WEFT_ITEM_ENTITY), r);
      expect_all (self, claim_relations, r->claims, WEFT_ITEM_CLAIM, r);
    }

  return verify_index (&self->entity_events, "events", self->entities, entity_events, error) &&
         verify_index (&self->entity_claims, "claims", self->entities, entity_claims, error) &&
         verify_index (&self->entity_relations, "relations", self->entities, entity_relations, error) &&
         verify_index (&self->claim_events, "events", self->claims, claim_events, error) &&
         verify_index (&self->claim_relations, "relations", self->claims, claim_relations, error);
}
