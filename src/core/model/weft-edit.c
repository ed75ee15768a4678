/* weft-edit.c: commands on a dataset, their inverses and their history
 *
 * An edit is a list of steps (weft-dataset-edit.h), each applied as it is
 * added and each its own inverse's inverse: a step that sets a member
 * holds the value that is not in the item (the old one once applied, the
 * new one once undone) and swaps it; inserting and removing hold the item
 * while it is out of the dataset; a history step holds its entry while it
 * is not in the item. Undoing runs the steps backwards, redoing forwards.
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "weft-dataset-change.h"
#include "weft-dataset-edit.h"
#include "weft-edit-private.h"
#include "weft-error.h"
#include "weft-history.h"

typedef struct {
  guint8      kind;       /* WeftStepKind */
  guint8      type;       /* WeftItemType of the item, NONE for the header */
  guint8      applied;
  guint8      member;     /* SET: the member's index in its table */
  guint       position;   /* of the item when the step first applied */
  WeftItem   *item;       /* NULL for the header */
  const char *id;         /* of the item then; ALIAS, UNALIAS: the alias */
  union {
    WeftMemberValue   value;  /* SET: the value that is not in the item */
    WeftHistoryEntry *entry;  /* HISTORY: its storage, filled while the
                               * entry is not in the item */
  } u;
} Step;

struct _WeftEdit
{
  gatomicrefcount  ref_count;
  WeftDataset     *dataset;
  char            *label;
  const char      *author;     /* interned; NULL: the default */
  gint64           time;       /* seconds, or -1: at the commit */
  const char      *time_text;  /* interned at the commit */
  WeftEditState    state;
  GArray          *steps;      /* Step */
  GHashTable      *notes;      /* WeftItem * -> note (interned), or NULL */
  GHashTable      *actions;    /* WeftItem * -> WeftHistoryAction + 1, or NULL */
  GHashTable      *deleting;   /* items a cascade is deleting, or NULL */
};

G_DEFINE_BOXED_TYPE (WeftEdit, weft_edit, weft_edit_ref, weft_edit_unref)

static const WeftMemberTable *
table_of (WeftItem *item)
{
  return item != NULL ? weft_item_members (item->type) : &weft_file_members;
}

/* By the type the step saved: the item may be freed by then (a newer
 * edit that deleted it is freed first). */
static const WeftMemberTable *
step_table (const Step *s)
{
  return s->type != WEFT_ITEM_NONE ? weft_item_members (s->type) : &weft_file_members;
}

static const WeftMember *
step_member (const Step *s)
{
  return &step_table (s)->members[s->member];
}

/* ---- Steps -------------------------------------------------------------- */

static void
step_apply (WeftEdit *self,
            Step     *s)
{
  switch ((WeftStepKind) s->kind)
    {
    case WEFT_STEP_SET:
      weft_dataset_swap_member (self->dataset, s->item, step_member (s), &s->u.value);
      break;
    case WEFT_STEP_INSERT:
      weft_dataset_insert_item (self->dataset, s->item, s->position);
      break;
    case WEFT_STEP_REMOVE:
      weft_dataset_remove_item (self->dataset, s->item);
      break;
    case WEFT_STEP_HISTORY:
      weft_dataset_push_history (self->dataset, s->item, s->u.entry);
      break;
    case WEFT_STEP_ALIAS:
      weft_dataset_alias_id (self->dataset, s->id, s->item);
      break;
    case WEFT_STEP_UNALIAS:
      weft_dataset_alias_id (self->dataset, s->id, NULL);
      break;
    case WEFT_STEP_POP:
    default:
      weft_dataset_pop_history (self->dataset, s->item, s->u.entry);
      break;
    }
  s->applied = TRUE;
}

static void
step_revert (WeftEdit *self,
             Step     *s)
{
  switch ((WeftStepKind) s->kind)
    {
    case WEFT_STEP_SET:
      weft_dataset_swap_member (self->dataset, s->item, step_member (s), &s->u.value);
      break;
    case WEFT_STEP_INSERT:
      weft_dataset_remove_item (self->dataset, s->item);
      break;
    case WEFT_STEP_REMOVE:
      weft_dataset_insert_item (self->dataset, s->item, s->position);
      break;
    case WEFT_STEP_HISTORY:
      weft_dataset_pop_history (self->dataset, s->item, s->u.entry);
      break;
    case WEFT_STEP_ALIAS:
      weft_dataset_alias_id (self->dataset, s->id, NULL);
      break;
    case WEFT_STEP_UNALIAS:
      weft_dataset_alias_id (self->dataset, s->id, s->item);
      break;
    case WEFT_STEP_POP:
    default:
      weft_dataset_push_history (self->dataset, s->item, s->u.entry);
      break;
    }
  s->applied = FALSE;
}

static void
step_free (Step *s)
{
  switch ((WeftStepKind) s->kind)
    {
    case WEFT_STEP_SET:
      weft_member_value_clear (step_member (s), &s->u.value);
      break;
    case WEFT_STEP_INSERT:
    case WEFT_STEP_REMOVE:
      /* The step owns the item while it is out of the dataset. */
      if ((s->kind == WEFT_STEP_INSERT) != s->applied)
        weft_dataset_free_item (s->item);
      break;
    case WEFT_STEP_HISTORY:
    case WEFT_STEP_POP:
      /* The step holds the entry while it is not in the item. */
      if ((s->kind == WEFT_STEP_HISTORY) != s->applied)
        weft_members_clear (weft_member_lookup (step_table (s), "history")->table, s->u.entry);
      g_free (s->u.entry);
      break;
    case WEFT_STEP_ALIAS:
    case WEFT_STEP_UNALIAS:
    default:
      break;
    }
}

static void
record (WeftEdit       *self,
        WeftRecordKind  kind,
        guint           step)
{
  gpointer data;
  WeftEditRecorder recorder = (WeftEditRecorder) weft_dataset_get_recorder (self->dataset, &data);

  if (recorder != NULL)
    recorder (self, kind, step, data);
}

/* Applies @s (its item, kind and value set), appends it and tells the
 * recorder. */
static void
push (WeftEdit *self,
      Step     *s)
{
  gboolean alias = s->kind == WEFT_STEP_ALIAS || s->kind == WEFT_STEP_UNALIAS;

  if (s->item != NULL)
    {
      s->type = s->item->type;
      if (!alias)
        s->id = s->item->id;
      if (s->kind != WEFT_STEP_INSERT)
        s->position = s->item->index;
    }
  if (alias)
    s->id = weft_dataset_intern (self->dataset, s->id);

  g_array_append_val (self->steps, *s);
  step_apply (self, &g_array_index (self->steps, Step, self->steps->len - 1));
  record (self, WEFT_RECORD_STEP, self->steps->len - 1);
}

/* Undoes and drops the steps from @n on: a command that fails half-way
 * leaves the edit as it found it. */
static void
truncate_steps (WeftEdit *self,
                guint     n)
{
  while (self->steps->len > n)
    {
      Step *s = &g_array_index (self->steps, Step, self->steps->len - 1);

      step_revert (self, s);
      step_free (s);
      g_array_set_size (self->steps, self->steps->len - 1);
    }
}

/* ---- Life --------------------------------------------------------------- */

WeftEdit *
weft_edit_new (WeftDataset *dataset,
               const char  *label)
{
  WeftEdit *self;

  g_return_val_if_fail (WEFT_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (weft_dataset_is_finished (dataset), NULL);
  g_return_val_if_fail (weft_dataset_get_open_edit (dataset) == NULL, NULL);

  self = g_new0 (WeftEdit, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->dataset = g_object_ref (dataset);
  self->label = g_strdup (label ? label : "");
  self->time = -1;
  self->steps = g_array_new (FALSE, FALSE, sizeof (Step));
  weft_dataset_set_open_edit (dataset, self);

  return self;
}

WeftEdit *
weft_edit_ref (WeftEdit *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
weft_edit_unref (WeftEdit *self)
{
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  if (self->state == WEFT_EDIT_OPEN)
    weft_edit_cancel (self);
  for (guint i = 0; i < self->steps->len; i++)
    step_free (&g_array_index (self->steps, Step, i));
  g_array_unref (self->steps);
  g_clear_pointer (&self->notes, g_hash_table_unref);
  g_clear_pointer (&self->actions, g_hash_table_unref);
  g_clear_pointer (&self->deleting, g_hash_table_unref);
  g_object_unref (self->dataset);
  g_free (self->label);
  g_free (self);
}

WeftDataset *
weft_edit_get_dataset (WeftEdit *self)
{
  return self->dataset;
}

const char *
weft_edit_get_label (WeftEdit *self)
{
  return self->label;
}

WeftEditState
weft_edit_get_state (WeftEdit *self)
{
  return self->state;
}

gboolean
weft_edit_is_empty (WeftEdit *self)
{
  return self->steps->len == 0;
}

void
weft_edit_set_author (WeftEdit   *self,
                      const char *author)
{
  self->author = weft_dataset_intern (self->dataset, author);
}

const char *
weft_edit_get_author (WeftEdit *self)
{
  return self->author ? self->author : weft_history_default_author ();
}

void
weft_edit_set_time (WeftEdit *self,
                    gint64    time)
{
  self->time = time;
}

const char *
weft_edit_get_time_text (WeftEdit *self)
{
  return self->time_text;
}

void
weft_edit_set_note (WeftEdit   *self,
                    WeftItem   *item,
                    const char *note)
{
  if (self->notes == NULL)
    self->notes = g_hash_table_new (NULL, NULL);
  g_hash_table_insert (self->notes, item, (gpointer) weft_dataset_intern (self->dataset, note));
}

void
weft_edit_set_action (WeftEdit          *self,
                      WeftItem          *item,
                      WeftHistoryAction  action)
{
  if (self->actions == NULL)
    self->actions = g_hash_table_new (NULL, NULL);
  g_hash_table_insert (self->actions, item, GUINT_TO_POINTER (action + 1));
}

/* ---- Checks ------------------------------------------------------------- */

static gboolean
item_in_dataset (WeftDataset *dataset,
                 WeftItem    *item)
{
  GPtrArray *items = weft_dataset_get_items (dataset, item->type);

  return item->index < items->len && g_ptr_array_index (items, item->index) == item;
}

/* Whether @id names an item of the type @m refers to. */
static gboolean
check_reference (WeftEdit          *self,
                 const WeftMember  *m,
                 const char        *id,
                 GError           **error)
{
  WeftItem *target = weft_dataset_resolve (self->dataset, id);

  if (target == NULL)
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_NOT_FOUND,
                   _("“%s” is not the id of anything in this dataset"), id);
      return FALSE;
    }
  if (m->refers_to != WEFT_ITEM_NONE && target->type != m->refers_to)
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_INVALID,
                   _("“%s” is %s, but %s is expected here"),
                   id, weft_item_type_article_name (target->type), weft_item_type_article_name (m->refers_to));
      return FALSE;
    }
  return TRUE;
}

/* Whether every reference in the value of @m at @base resolves. */
static gboolean
check_references (WeftEdit          *self,
                  const WeftMember  *m,
                  gconstpointer      base,
                  GError           **error)
{
  if (m->type == WEFT_MEMBER_OBJECTS)
    {
      const guint8 *elements = WEFT_MEMBER_FIELD (base, m->offset, const guint8 *);

      for (guint i = 0; i < WEFT_MEMBER_FIELD (base, m->length_offset, guint); i++)
        for (guint j = 0; j < m->table->n_members; j++)
          if (!check_references (self, &m->table->members[j], elements + i * m->table->size, error))
            return FALSE;
      return TRUE;
    }

  if (!m->reference)
    return TRUE;

  if (m->type == WEFT_MEMBER_STRING)
    {
      const char *id = WEFT_MEMBER_FIELD (base, m->offset, const char *);

      return (id == NULL && !m->required) || check_reference (self, m, id ? id : "", error);
    }

  {
    const char * const *ids = WEFT_MEMBER_FIELD (base, m->offset, const char * const *);

    for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
      if (!check_reference (self, m, ids[i], error))
        return FALSE;
  }
  return TRUE;
}

static gboolean
is_id (WeftItem         *item,
       const WeftMember *m)
{
  return item != NULL && m->offset == G_STRUCT_OFFSET (WeftItem, id) && m->type == WEFT_MEMBER_STRING;
}

/* The member @name of @item that commands may set: not the history
 * (commits write it), not the version or the item arrays. */
static const WeftMember *
settable_member (WeftItem    *item,
                 const char  *name,
                 GError     **error)
{
  const WeftMember *m = weft_member_lookup (table_of (item), name);

  if (m == NULL || m->type == WEFT_MEMBER_ITEMS || m->type == WEFT_MEMBER_VERSION ||
      (item != NULL && g_str_equal (name, "history")))
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_INVALID,
                   _("“%s” is not a member of %s that can be set"), name,
                   item ? weft_item_type_article_name (item->type) : _("a dataset"));
      return NULL;
    }
  return m;
}

static gboolean
check_id (WeftEdit    *self,
          const char  *id,
          GError     **error)
{
  if (id == NULL || id[0] == '\0')
    {
      g_set_error_literal (error, WEFT_ERROR, WEFT_ERROR_INVALID, _("An id cannot be empty"));
      return FALSE;
    }
  if (weft_dataset_resolve (self->dataset, id) != NULL)
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_INVALID,
                   _("The id “%s” is already used; choose another"), id);
      return FALSE;
    }
  return TRUE;
}

/* ---- Setting ------------------------------------------------------------ */

/* Sets @m of @item (NULL: the header) to @value, which it takes, after
 * checking its references; nothing happens when it is the value there. */
static gboolean
set_value (WeftEdit          *self,
           WeftItem          *item,
           const WeftMember  *m,
           WeftMemberValue   *value,
           GError           **error)
{
  const WeftMemberTable *table = table_of (item);
  gpointer base = item ? (gpointer) item : (gpointer) weft_dataset_get_header (self->dataset);
  g_autofree guint8 *shadow = g_malloc0 (table->size);
  gboolean ok, same;
  Step s = { 0 };

  /* Look at the new value where the member functions can: in a struct of
   * the item's type that holds nothing else. */
  weft_member_value_swap (m, shadow, value);
  ok = check_references (self, m, shadow, error);
  same = weft_member_equal (m, shadow, base);
  weft_member_value_swap (m, shadow, value);

  if (!ok || same)
    {
      weft_member_value_clear (m, value);
      return ok;
    }

  s.kind = WEFT_STEP_SET;
  s.item = item;
  s.member = m - table->members;
  s.u.value = *value;
  memset (value, 0, sizeof *value);
  push (self, &s);
  return TRUE;
}

/* A copy of the value of @m in @base with every reference to @old made
 * one to @replacement, or (NULL) taken out: an element of a list or an
 * array of objects (participants, citations) goes, and so does an
 * element that would repeat another. FALSE when the value cannot lose the
 * reference (a required one, such as a relation's end). */
static gboolean rewrite_in_place (WeftDataset      *dataset,
                                  const WeftMember *m,
                                  gpointer          base,
                                  const char       *old,
                                  const char       *replacement);

static gboolean
rewrite_objects (WeftDataset      *dataset,
                 const WeftMember *m,
                 gpointer          base,
                 const char       *old,
                 const char       *replacement)
{
  guint8 *elements = WEFT_MEMBER_FIELD (base, m->offset, guint8 *);
  guint *n = &WEFT_MEMBER_FIELD (base, m->length_offset, guint);
  gsize size = m->table->size;
  guint out = 0;

  for (guint i = 0; i < *n; i++)
    {
      guint8 *element = elements + i * size;
      gboolean refers = FALSE, keep = TRUE;

      for (guint j = 0; j < m->table->n_members; j++)
        refers |= weft_member_refers (&m->table->members[j], element, old);
      for (guint j = 0; refers && j < m->table->n_members; j++)
        keep &= rewrite_in_place (dataset, &m->table->members[j], element, old, replacement);
      for (guint k = 0; refers && keep && k < out; k++)
        keep = !weft_members_equal (m->table, elements + k * size, element);

      if (!keep)
        {
          weft_members_clear (m->table, element);
          continue;
        }
      if (out != i)
        memcpy (elements + out * size, element, size);
      out++;
    }

  *n = out;
  if (out == 0)
    g_clear_pointer (&WEFT_MEMBER_FIELD (base, m->offset, guint8 *), g_free);
  return TRUE;
}

static gboolean
rewrite_in_place (WeftDataset      *dataset,
                  const WeftMember *m,
                  gpointer          base,
                  const char       *old,
                  const char       *replacement)
{
  if (m->type == WEFT_MEMBER_OBJECTS)
    return rewrite_objects (dataset, m, base, old, replacement);

  if (!m->reference)
    return TRUE;

  if (m->type == WEFT_MEMBER_STRING)
    {
      const char **id = &WEFT_MEMBER_FIELD (base, m->offset, const char *);

      if (g_strcmp0 (*id, old) != 0)
        return TRUE;
      if (replacement == NULL && m->required)
        return FALSE;
      *id = weft_dataset_intern (dataset, replacement);
      return TRUE;
    }

  {
    const char **ids = WEFT_MEMBER_FIELD (base, m->offset, const char **);
    gboolean named = replacement != NULL && ids != NULL && g_strv_contains (ids, replacement);
    guint out = 0;

    for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
      {
        if (!g_str_equal (ids[i], old))
          ids[out++] = ids[i];
        else if (replacement != NULL && !named)
          {
            ids[out++] = weft_dataset_intern (dataset, replacement);
            named = TRUE;
          }
      }
    if (ids != NULL)
      ids[out] = NULL;
  }
  return TRUE;
}

typedef enum {
  REWRITTEN,
  IMPOSSIBLE,   /* the member cannot lose the reference */
  FAILED,       /* @error is set */
} Rewrite;

/* Sets @m of @item to its value with @old rewritten (see above). */
static Rewrite
rewrite_member (WeftEdit          *self,
                WeftItem          *item,
                const WeftMember  *m,
                const char        *old,
                const char        *replacement,
                GError           **error)
{
  g_autofree guint8 *shadow = g_malloc0 (table_of (item)->size);
  WeftMemberValue value = { 0 };
  gboolean ok;

  weft_member_value_copy (self->dataset, m, &value, item);
  weft_member_value_swap (m, shadow, &value);
  ok = rewrite_in_place (self->dataset, m, shadow, old, replacement);
  weft_member_value_swap (m, shadow, &value);
  if (!ok)
    {
      weft_member_value_clear (m, &value);
      return IMPOSSIBLE;
    }
  return set_value (self, item, m, &value, error) ? REWRITTEN : FAILED;
}

/* The items of @refs, each once, in order. */
static GPtrArray *
referring_items (GArray *refs)
{
  GPtrArray *items = g_ptr_array_new ();

  for (guint i = 0; i < refs->len; i++)
    {
      WeftItem *item = g_array_index (refs, WeftReference, i).item;

      if (items->len == 0 || g_ptr_array_index (items, items->len - 1) != item)
        g_ptr_array_add (items, item);
    }
  return items;
}

/* Renames @item to @id; every reference follows. The old id names the
 * item too while they change, so that the indexes find it both ways. */
static gboolean
rename_item (WeftEdit          *self,
             WeftItem          *item,
             const WeftMember  *m,
             const char        *id,
             GError           **error)
{
  g_autoptr(GArray) refs = NULL;
  g_autoptr(GPtrArray) owners = NULL;
  const char *old = item->id;
  WeftMemberValue value = { 0 };
  Step alias = { 0 };

  if (g_strcmp0 (id, old) == 0)
    return TRUE;
  if (!check_id (self, id, error))
    return FALSE;

  refs = weft_dataset_dup_references_full (self->dataset, item, TRUE);
  owners = referring_items (refs);

  value.string = weft_dataset_intern (self->dataset, id);
  if (!set_value (self, item, m, &value, error))
    return FALSE;

  alias.kind = WEFT_STEP_ALIAS;
  alias.item = item;
  alias.id = old;
  push (self, &alias);

  for (guint i = 0; i < owners->len; i++)
    {
      WeftItem *owner = g_ptr_array_index (owners, i);
      const WeftMemberTable *table = weft_item_members (owner->type);

      for (guint j = 0; j < table->n_members; j++)
        if (weft_member_refers (&table->members[j], owner, old) &&
            rewrite_member (self, owner, &table->members[j], old, id, error) != REWRITTEN)
          return FALSE;
    }

  alias.kind = WEFT_STEP_UNALIAS;
  push (self, &alias);
  return TRUE;
}

gboolean
weft_edit_set (WeftEdit    *self,
               WeftItem    *item,
               const char  *member,
               const char  *text,
               GError     **error)
{
  const WeftMember *m;
  WeftMemberValue value = { 0 };

  g_return_val_if_fail (self->state == WEFT_EDIT_OPEN, FALSE);

  m = settable_member (item, member, error);
  if (m == NULL)
    return FALSE;

  if (text == NULL && m->required)
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_INVALID, _("“%s” is required; give it a value"), member);
      return FALSE;
    }

  switch (m->type)
    {
    case WEFT_MEMBER_STRING:
      if (is_id (item, m))
        {
          guint n = self->steps->len;

          if (rename_item (self, item, m, text, error))
            return TRUE;
          truncate_steps (self, n);
          return FALSE;
        }
      value.string = weft_dataset_intern (self->dataset, text);
      break;

    case WEFT_MEMBER_DATE:
      value.date.date = g_new0 (WeftDate, 1);
      if (text != NULL && !weft_date_parse (text, value.date.date, NULL, error))
        {
          weft_member_value_clear (m, &value);
          return FALSE;
        }
      value.date.text = weft_dataset_intern (self->dataset, text);
      break;

    case WEFT_MEMBER_ENUM:
      if (!weft_enum_lookup (m->names, text, &value.value))
        {
          g_autofree char *expected = g_strjoinv (", ", (char **) m->names);

          g_set_error (error, WEFT_ERROR, WEFT_ERROR_INVALID,
                       _("unknown %s “%s”; expected one of %s"), m->name, text, expected);
          return FALSE;
        }
      break;

    case WEFT_MEMBER_STRINGS:
    case WEFT_MEMBER_OBJECTS:
    case WEFT_MEMBER_ITEMS:
    case WEFT_MEMBER_VERSION:
    default:
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_INVALID,
                   _("“%s” is not a member of %s that can be set"), member,
                   item ? weft_item_type_article_name (item->type) : _("a dataset"));
      return FALSE;
    }

  return set_value (self, item, m, &value, error);
}

gboolean
weft_edit_set_list (WeftEdit            *self,
                    WeftItem            *item,
                    const char          *member,
                    const char * const  *values,
                    GError             **error)
{
  /* Static: a compound literal would end with the block that makes it. */
  static const char * const empty[] = { NULL };
  const WeftMember *m;
  WeftMemberValue value = { 0 };

  g_return_val_if_fail (self->state == WEFT_EDIT_OPEN, FALSE);

  m = settable_member (item, member, error);
  if (m == NULL)
    return FALSE;
  if (m->type != WEFT_MEMBER_STRINGS)
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_INVALID,
                   _("“%s” is not a member of %s that can be set"), member,
                   item ? weft_item_type_article_name (item->type) : _("a dataset"));
      return FALSE;
    }
  if (values == NULL && m->required)
    values = empty;

  if (values != NULL)
    {
      guint n = g_strv_length ((char **) values);

      value.strings = g_new (const char *, n + 1);
      for (guint i = 0; i < n; i++)
        value.strings[i] = weft_dataset_intern (self->dataset, values[i]);
      value.strings[n] = NULL;
    }

  return set_value (self, item, m, &value, error);
}

/* Sets the array of objects @member of @item to a copy of @n structs. */
static gboolean
set_objects (WeftEdit       *self,
             WeftItem       *item,
             const char     *member,
             gconstpointer   objects,
             guint           n,
             GError        **error)
{
  const WeftMember *m = weft_member_lookup (table_of (item), member);
  WeftMemberValue value = { 0 };
  guint8 *elements;

  g_return_val_if_fail (self->state == WEFT_EDIT_OPEN, FALSE);

  elements = n > 0 ? g_malloc0_n (n, m->table->size) : NULL;
  for (guint i = 0; i < n; i++)
    weft_members_copy (self->dataset, m->table, elements + i * m->table->size,
                       (const guint8 *) objects + i * m->table->size);
  value.objects.elements = elements;
  value.objects.n = n;

  return set_value (self, item, m, &value, error);
}

gboolean
weft_edit_set_participants (WeftEdit              *self,
                            WeftEvent             *event,
                            const WeftParticipant *participants,
                            guint                  n,
                            GError               **error)
{
  return set_objects (self, &event->item, "participants", participants, n, error);
}

gboolean
weft_edit_set_citations (WeftEdit           *self,
                         WeftClaim          *claim,
                         const WeftCitation *citations,
                         guint               n,
                         GError            **error)
{
  return set_objects (self, &claim->item, "citations", citations, n, error);
}

gboolean
weft_edit_copy_member (WeftEdit       *self,
                       WeftItem       *item,
                       const char     *member,
                       gconstpointer   from,
                       GError        **error)
{
  const WeftMember *m;
  WeftMemberValue value = { 0 };

  g_return_val_if_fail (self->state == WEFT_EDIT_OPEN, FALSE);

  m = settable_member (item, member, error);
  if (m == NULL)
    return FALSE;
  if (is_id (item, m) || m->type == WEFT_MEMBER_DATE)
    {
      /* Through the checks of a string: a free id, a date that parses. */
      return weft_edit_set (self, item, member, WEFT_MEMBER_FIELD (from, m->offset, const char *), error);
    }

  weft_member_value_copy (self->dataset, m, &value, from);
  return set_value (self, item, m, &value, error);
}

/* ---- Creating and deleting ---------------------------------------------- */

WeftItem *
weft_edit_create (WeftEdit      *self,
                  WeftItemType   type,
                  const char    *id,
                  GError       **error)
{
  g_autofree char *made = NULL;
  const WeftMemberTable *table;
  WeftItem *item;
  Step s = { 0 };

  g_return_val_if_fail (self->state == WEFT_EDIT_OPEN, NULL);
  g_return_val_if_fail (type != WEFT_ITEM_NONE, NULL);

  if (id == NULL)
    id = made = weft_dataset_dup_new_id (self->dataset, type, NULL);
  if (!check_id (self, id, error))
    return NULL;

  item = weft_dataset_new_item (type);
  table = weft_item_members (type);
  for (guint i = 0; i < table->n_members; i++)
    {
      const WeftMember *m = &table->members[i];

      if (!m->required)
        continue;
      if (m->type == WEFT_MEMBER_STRING || m->type == WEFT_MEMBER_DATE)
        WEFT_MEMBER_FIELD (item, m->offset, const char *) = weft_dataset_intern (self->dataset, "");
      else if (m->type == WEFT_MEMBER_STRINGS)
        WEFT_MEMBER_FIELD (item, m->offset, const char **) = g_new0 (const char *, 1);
      else if (m->type == WEFT_MEMBER_ENUM)
        WEFT_MEMBER_FIELD (item, m->offset, guint) = m->fallback;
    }
  item->id = weft_dataset_intern (self->dataset, id);

  s.kind = WEFT_STEP_INSERT;
  s.item = item;
  s.position = weft_dataset_get_items (self->dataset, type)->len;
  push (self, &s);

  return item;
}

static gboolean delete_item (WeftEdit        *self,
                             WeftItem        *item,
                             WeftDeleteMode   mode,
                             GError         **error);

/* Takes every reference to @item out of what refers to it, deleting what
 * cannot be without it. */
static gboolean
remove_references (WeftEdit  *self,
                   WeftItem  *item,
                   GArray    *refs,
                   GError   **error)
{
  g_autoptr(GPtrArray) owners = referring_items (refs);

  for (guint i = 0; i < owners->len; i++)
    {
      WeftItem *owner = g_ptr_array_index (owners, i);
      const WeftMemberTable *table = weft_item_members (owner->type);

      /* Gone already, with something else the cascade deleted. */
      if (!item_in_dataset (self->dataset, owner) || g_hash_table_contains (self->deleting, owner))
        continue;

      for (guint j = 0; j < table->n_members; j++)
        {
          const WeftMember *m = &table->members[j];

          Rewrite done;

          if (!weft_member_refers (m, owner, item->id))
            continue;
          done = rewrite_member (self, owner, m, item->id, NULL, error);
          if (done == FAILED)
            return FALSE;
          if (done == IMPOSSIBLE)
            {
              /* It cannot be without @item: it goes too. */
              if (!delete_item (self, owner, WEFT_DELETE_REFERENCES, error))
                return FALSE;
              break;
            }
        }
    }
  return TRUE;
}

static gboolean
delete_item (WeftEdit        *self,
             WeftItem        *item,
             WeftDeleteMode   mode,
             GError         **error)
{
  g_autoptr(GArray) refs = weft_dataset_dup_references_full (self->dataset, item, FALSE);
  Step s = { 0 };

  if (refs->len > 0 && mode == WEFT_DELETE_REFUSE)
    {
      g_autoptr(GPtrArray) owners = referring_items (refs);
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < MIN (owners->len, 3); i++)
        {
          WeftItem *owner = g_ptr_array_index (owners, i);

          g_string_append_printf (names, "%s“%s”", i > 0 ? ", " : "", owner->id);
        }
      if (owners->len > 3)
        g_string_append (names, ", …");
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "“%s” cannot be deleted: %u item refers to it (%s)",
                                "“%s” cannot be deleted: %u items refer to it (%s)", owners->len),
                   item->id, owners->len, names->str);
      return FALSE;
    }

  if (self->deleting == NULL)
    self->deleting = g_hash_table_new (NULL, NULL);
  g_hash_table_add (self->deleting, item);
  if (!remove_references (self, item, refs, error))
    {
      g_hash_table_remove (self->deleting, item);
      return FALSE;
    }
  g_hash_table_remove (self->deleting, item);

  s.kind = WEFT_STEP_REMOVE;
  s.item = item;
  push (self, &s);
  return TRUE;
}

gboolean
weft_edit_delete (WeftEdit        *self,
                  WeftItem        *item,
                  WeftDeleteMode   mode,
                  GError         **error)
{
  guint n = self->steps->len;

  g_return_val_if_fail (self->state == WEFT_EDIT_OPEN, FALSE);
  g_return_val_if_fail (item_in_dataset (self->dataset, item), FALSE);

  if (delete_item (self, item, mode, error))
    return TRUE;
  truncate_steps (self, n);
  return FALSE;
}

/* @list with @more appended, leaving out what it has and @except; NULL
 * when that adds nothing. */
static const char **
union_list (const char * const *list,
            const char * const *more,
            const char         *except)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new ();
  gboolean added = FALSE;

  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    g_ptr_array_add (out, (gpointer) list[i]);
  for (guint i = 0; more != NULL && more[i] != NULL; i++)
    {
      gboolean known = g_strcmp0 (more[i], except) == 0;

      for (guint j = 0; !known && j < out->len; j++)
        known = g_str_equal (g_ptr_array_index (out, j), more[i]);
      if (!known)
        {
          g_ptr_array_add (out, (gpointer) more[i]);
          added = TRUE;
        }
    }
  if (!added)
    return NULL;
  g_ptr_array_add (out, NULL);
  return (const char **) g_ptr_array_free (g_steal_pointer (&out), FALSE);
}

static gboolean
merge (WeftEdit    *self,
       WeftEntity  *keep,
       WeftEntity  *drop,
       GError     **error)
{
  g_autoptr(GArray) refs = weft_dataset_dup_references_full (self->dataset, &drop->item, FALSE);
  g_autoptr(GPtrArray) owners = referring_items (refs);
  g_autofree const char **aliases = NULL;
  g_autofree const char **tags = NULL;
  g_autofree char *note = NULL;
  const char *names[] = { drop->name, NULL };
  g_autofree const char **more = union_list (names, drop->aliases, NULL);

  for (guint i = 0; i < owners->len; i++)
    {
      WeftItem *owner = g_ptr_array_index (owners, i);
      const WeftMemberTable *table = weft_item_members (owner->type);

      for (guint j = 0; j < table->n_members; j++)
        if (weft_member_refers (&table->members[j], owner, drop->item.id) &&
            rewrite_member (self, owner, &table->members[j], drop->item.id, keep->item.id, error) != REWRITTEN)
          return FALSE;
    }

  aliases = union_list (keep->aliases, more ? more : names, keep->name);
  if (aliases != NULL && !weft_edit_set_list (self, &keep->item, "aliases", aliases, error))
    return FALSE;
  tags = union_list (keep->tags, drop->tags, NULL);
  if (tags != NULL && !weft_edit_set_list (self, &keep->item, "tags", tags, error))
    return FALSE;
  if (keep->description == NULL && drop->description != NULL &&
      !weft_edit_set (self, &keep->item, "description", drop->description, error))
    return FALSE;
  if (keep->country == NULL && drop->country != NULL &&
      !weft_edit_set (self, &keep->item, "country", drop->country, error))
    return FALSE;

  /* Translators: a history note: "merged “Huawei Technologies” (huawei-tech)" */
  note = g_strdup_printf (_("merged “%s” (%s)"), drop->name, drop->item.id);
  weft_edit_set_note (self, &keep->item, note);
  weft_edit_set_action (self, &keep->item, WEFT_HISTORY_MERGED);

  return delete_item (self, &drop->item, WEFT_DELETE_REFUSE, error);
}

gboolean
weft_edit_merge (WeftEdit    *self,
                 WeftEntity  *keep,
                 WeftEntity  *drop,
                 GError     **error)
{
  guint n = self->steps->len;

  g_return_val_if_fail (self->state == WEFT_EDIT_OPEN, FALSE);
  g_return_val_if_fail (item_in_dataset (self->dataset, &keep->item), FALSE);
  g_return_val_if_fail (item_in_dataset (self->dataset, &drop->item), FALSE);

  if (keep == drop)
    {
      g_set_error_literal (error, WEFT_ERROR, WEFT_ERROR_INVALID, _("An entity cannot be merged into itself"));
      return FALSE;
    }
  if (merge (self, keep, drop, error))
    return TRUE;
  truncate_steps (self, n);
  return FALSE;
}

/* ---- Ending ------------------------------------------------------------- */

/* What the steps changed, each item once; undone: the other way round.
 * An item both made and deleted by the edit is left out. */
static WeftDatasetChange *
dup_change (WeftEdit *self,
            gboolean  undone)
{
  g_autoptr(GHashTable) where = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (WeftItemChange));
  WeftDatasetChange *change = weft_dataset_change_new ();

  for (guint i = 0; i < self->steps->len; i++)
    {
      const Step *s = &g_array_index (self->steps, Step, i);
      WeftItemChange c = { s->item, WEFT_CHANGE_CHANGED, 0 };
      guint at;

      if (s->kind == WEFT_STEP_ALIAS || s->kind == WEFT_STEP_UNALIAS)
        continue;
      if (s->item == NULL)
        {
          weft_dataset_change_add_header (change, 1u << s->member);
          continue;
        }
      if (s->kind == WEFT_STEP_SET)
        c.members = 1u << s->member;
      else if (s->kind == WEFT_STEP_HISTORY)
        c.members = 1u << (weft_member_lookup (table_of (s->item), "history") - table_of (s->item)->members);
      else
        c.kind = s->kind == WEFT_STEP_INSERT ? WEFT_CHANGE_ADDED : WEFT_CHANGE_REMOVED;

      at = GPOINTER_TO_UINT (g_hash_table_lookup (where, s->item));
      if (at == 0)
        {
          g_array_append_val (items, c);
          g_hash_table_insert (where, s->item, GUINT_TO_POINTER (items->len));
          continue;
        }

      {
        WeftItemChange *known = &g_array_index (items, WeftItemChange, at - 1);

        if (known->kind == WEFT_CHANGE_ADDED && c.kind == WEFT_CHANGE_REMOVED)
          known->item = NULL;   /* made and deleted: left out */
        else if (known->kind == WEFT_CHANGE_CHANGED && c.kind != WEFT_CHANGE_CHANGED)
          *known = c;
        else
          known->members |= c.members;
      }
    }

  for (guint i = 0; i < items->len; i++)
    {
      WeftItemChange *c = &g_array_index (items, WeftItemChange, i);

      if (c->item == NULL)
        continue;
      if (undone && c->kind != WEFT_CHANGE_CHANGED)
        c->kind = c->kind == WEFT_CHANGE_ADDED ? WEFT_CHANGE_REMOVED : WEFT_CHANGE_ADDED;
      weft_dataset_change_add (change, c->item, c->kind, c->members);
    }
  return change;
}

static void
emit_changed (WeftEdit *self,
              gboolean  undone)
{
  g_autoptr(WeftDatasetChange) change = NULL;

  if (self->steps->len == 0)
    return;
  change = dup_change (self, undone);
  g_signal_emit_by_name (self->dataset, "changed", change);
}

/* Whether every required member of what the edit made or changed is set:
 * a date, a relation's ends (a reference "" names nothing). */
static gboolean
check_complete (WeftEdit  *self,
                GError   **error)
{
  g_autoptr(WeftDatasetChange) change = dup_change (self, FALSE);
  guint n;
  const WeftItemChange *items = weft_dataset_change_get_items (change, &n);

  for (guint i = 0; i < n; i++)
    {
      WeftItem *item = items[i].item;
      const WeftMemberTable *table = weft_item_members (item->type);

      if (items[i].kind == WEFT_CHANGE_REMOVED)
        continue;
      for (guint j = 0; j < table->n_members; j++)
        {
          const WeftMember *m = &table->members[j];
          const char *text = WEFT_MEMBER_FIELD (item, m->offset, const char *);
          gboolean empty = m->required && (m->type == WEFT_MEMBER_DATE || (m->type == WEFT_MEMBER_STRING && m->reference)) &&
                           (text == NULL || text[0] == '\0');

          if (empty)
            {
              g_set_error (error, WEFT_ERROR, WEFT_ERROR_INVALID,
                           _("%s “%s” has no “%s”; it is required"),
                           weft_item_type_label (item->type), item->id, m->name);
              return FALSE;
            }
        }
    }
  return TRUE;
}

/* The history entry for @c, or NULL when it gets none (it is gone). */
static WeftHistoryEntry *
history_entry (WeftEdit             *self,
               const WeftItemChange *c,
               const char           *by)
{
  const WeftMemberTable *table = weft_item_members (c->item->type);
  WeftHistoryEntry *entry;
  gpointer action;

  if (c->kind == WEFT_CHANGE_REMOVED)
    return NULL;

  entry = g_new0 (WeftHistoryEntry, 1);
  entry->at = self->time_text;
  entry->by = by;
  entry->action = c->kind == WEFT_CHANGE_ADDED ? WEFT_HISTORY_CREATED : WEFT_HISTORY_CHANGED;
  if (self->actions != NULL && (action = g_hash_table_lookup (self->actions, c->item)) != NULL)
    entry->action = GPOINTER_TO_UINT (action) - 1;
  if (self->notes != NULL)
    entry->note = g_hash_table_lookup (self->notes, c->item);

  if (c->kind == WEFT_CHANGE_CHANGED)
    {
      GPtrArray *fields = g_ptr_array_new ();

      /* The names are the tables' own, static. */
      for (guint j = 0; j < table->n_members; j++)
        if ((c->members & (1u << j)) && !g_str_equal (table->members[j].name, "history"))
          g_ptr_array_add (fields, (gpointer) table->members[j].name);
      g_ptr_array_add (fields, NULL);
      entry->fields = (const char **) g_ptr_array_free (fields, FALSE);
    }
  return entry;
}

static void
close_edit (WeftEdit      *self,
            WeftEditState  state)
{
  self->state = state;
  weft_dataset_set_open_edit (self->dataset, NULL);
  g_clear_pointer (&self->deleting, g_hash_table_unref);
}

gboolean
weft_edit_commit (WeftEdit  *self,
                  GError   **error)
{
  g_autoptr(WeftDatasetChange) change = NULL;
  g_autofree char *time_text = NULL;
  const WeftItemChange *items;
  const char *by;
  guint n;

  g_return_val_if_fail (self->state == WEFT_EDIT_OPEN, FALSE);

  if (!check_complete (self, error))
    {
      weft_edit_cancel (self);
      return FALSE;
    }

  if (self->time < 0)
    self->time = g_get_real_time () / G_USEC_PER_SEC;
  time_text = weft_history_format_time (self->time);
  self->time_text = weft_dataset_intern (self->dataset, time_text);
  by = weft_dataset_intern (self->dataset, weft_edit_get_author (self));

  change = dup_change (self, FALSE);
  items = weft_dataset_change_get_items (change, &n);
  for (guint i = 0; i < n; i++)
    {
      Step s = { 0 };

      s.u.entry = history_entry (self, &items[i], by);
      if (s.u.entry == NULL)
        continue;
      s.kind = WEFT_STEP_HISTORY;
      s.item = items[i].item;
      push (self, &s);
    }

  close_edit (self, WEFT_EDIT_DONE);
  record (self, WEFT_RECORD_COMMIT, 0);
  emit_changed (self, FALSE);
  return TRUE;
}

void
weft_edit_cancel (WeftEdit *self)
{
  g_return_if_fail (self->state == WEFT_EDIT_OPEN);

  truncate_steps (self, 0);
  close_edit (self, WEFT_EDIT_CANCELLED);
  record (self, WEFT_RECORD_CANCEL, 0);
}

void
weft_edit_undo (WeftEdit *self)
{
  g_return_if_fail (self->state == WEFT_EDIT_DONE);
  g_return_if_fail (weft_dataset_get_open_edit (self->dataset) == NULL);

  for (guint i = self->steps->len; i-- > 0;)
    {
      step_revert (self, &g_array_index (self->steps, Step, i));
      record (self, WEFT_RECORD_STEP, i);
    }
  self->state = WEFT_EDIT_UNDONE;
  record (self, WEFT_RECORD_UNDO, 0);
  emit_changed (self, TRUE);
}

void
weft_edit_redo (WeftEdit *self)
{
  g_return_if_fail (self->state == WEFT_EDIT_UNDONE);
  g_return_if_fail (weft_dataset_get_open_edit (self->dataset) == NULL);

  for (guint i = 0; i < self->steps->len; i++)
    {
      step_apply (self, &g_array_index (self->steps, Step, i));
      record (self, WEFT_RECORD_STEP, i);
    }
  self->state = WEFT_EDIT_DONE;
  record (self, WEFT_RECORD_REDO, 0);
  emit_changed (self, FALSE);
}

/* ---- Recording and replaying -------------------------------------------- */

void
weft_edit_set_recorder (WeftDataset      *dataset,
                        WeftEditRecorder  recorder,
                        gpointer          user_data)
{
  weft_dataset_set_recorder (dataset, (GCallback) recorder, user_data);
}

guint
weft_edit_get_n_steps (WeftEdit *self)
{
  return self->steps->len;
}

void
weft_edit_get_step (WeftEdit     *self,
                    guint         index,
                    WeftStepInfo *info)
{
  static const WeftStepKind opposite[] = {
    [WEFT_STEP_SET] = WEFT_STEP_SET,
    [WEFT_STEP_INSERT] = WEFT_STEP_REMOVE,
    [WEFT_STEP_REMOVE] = WEFT_STEP_INSERT,
    [WEFT_STEP_HISTORY] = WEFT_STEP_POP,
    [WEFT_STEP_ALIAS] = WEFT_STEP_UNALIAS,
    [WEFT_STEP_UNALIAS] = WEFT_STEP_ALIAS,
    [WEFT_STEP_POP] = WEFT_STEP_HISTORY,
  };
  const Step *s = &g_array_index (self->steps, Step, index);

  memset (info, 0, sizeof *info);
  info->kind = s->applied ? (WeftStepKind) s->kind : opposite[s->kind];
  info->type = s->type;
  info->item = s->item;
  if (s->item == NULL)
    {
      info->member = step_member (s);
      return;
    }

  /* An inserted item is where it went; any other is where it is (one
   * that was removed keeps its last position). */
  info->position = info->kind == WEFT_STEP_INSERT ? s->position : s->item->index;
  info->id = s->item->id;
  if (info->kind == WEFT_STEP_ALIAS || info->kind == WEFT_STEP_UNALIAS)
    info->alias = s->id;
  if (s->kind == WEFT_STEP_SET)
    {
      info->member = step_member (s);
      /* A new id: the step holds the one the item had before. */
      if (is_id (s->item, info->member))
        info->id = s->u.value.string;
    }
}

/* The item of @type at @position, if its id is @id. */
static WeftItem *
find_item (WeftEdit      *self,
           WeftItemType   type,
           guint          position,
           const char    *id,
           GError       **error)
{
  GPtrArray *items = weft_dataset_get_items (self->dataset, type);
  WeftItem *item = position < items->len ? g_ptr_array_index (items, position) : NULL;

  if (item == NULL || g_strcmp0 (item->id, id) != 0)
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_NOT_FOUND,
                   _("The dataset has no item “%s” at %s[%u]"), id, weft_item_array_name (type), position);
      return NULL;
    }
  return item;
}

gboolean
weft_edit_replay_step (WeftEdit          *self,
                       WeftStepKind       kind,
                       WeftItemType       type,
                       guint              position,
                       const char        *id,
                       const WeftMember  *member,
                       gconstpointer      from,
                       GError           **error)
{
  Step s = { 0 };

  g_return_val_if_fail (self->state == WEFT_EDIT_OPEN, FALSE);

  s.kind = kind;
  if (kind == WEFT_STEP_INSERT)
    {
      GPtrArray *items = weft_dataset_get_items (self->dataset, type);

      if (position > items->len || weft_dataset_resolve (self->dataset, id) != NULL)
        {
          g_set_error (error, WEFT_ERROR, WEFT_ERROR_INVALID,
                       _("The dataset has no item “%s” at %s[%u]"), id, weft_item_array_name (type), position);
          return FALSE;
        }
      s.item = weft_dataset_new_item (type);
      weft_members_copy (self->dataset, weft_item_members (type), s.item, from);
      s.position = position;
      push (self, &s);
      return TRUE;
    }

  if (type != WEFT_ITEM_NONE && (s.item = find_item (self, type, position, id, error)) == NULL)
    return FALSE;

  switch (kind)
    {
    case WEFT_STEP_SET:
      s.member = member - table_of (s.item)->members;
      weft_member_value_copy (self->dataset, member, &s.u.value, from);
      break;
    case WEFT_STEP_HISTORY:
      s.u.entry = g_new0 (WeftHistoryEntry, 1);
      weft_members_copy (self->dataset, weft_member_lookup (table_of (s.item), "history")->table, s.u.entry, from);
      break;
    case WEFT_STEP_POP:
      if (s.item->n_history == 0)
        {
          g_set_error (error, WEFT_ERROR, WEFT_ERROR_INVALID,
                       _("The dataset has no item “%s” at %s[%u]"), id, weft_item_array_name (type), position);
          return FALSE;
        }
      s.u.entry = g_new0 (WeftHistoryEntry, 1);
      break;
    case WEFT_STEP_ALIAS:
    case WEFT_STEP_UNALIAS:
      s.id = from;
      break;
    case WEFT_STEP_REMOVE:
    case WEFT_STEP_INSERT:
    default:
      break;
    }
  push (self, &s);
  return TRUE;
}

void
weft_edit_replay_commit (WeftEdit   *self,
                         const char *time_text)
{
  g_return_if_fail (self->state == WEFT_EDIT_OPEN);

  self->time_text = weft_dataset_intern (self->dataset, time_text);
  close_edit (self, WEFT_EDIT_DONE);
  record (self, WEFT_RECORD_COMMIT, 0);
  emit_changed (self, FALSE);
}
