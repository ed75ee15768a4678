/* weft-edit-random.h: random edits, for test-edit, test-journal and
 * fuzz-edit
 *
 * weft_random_edit() opens an edit on the stack's dataset, applies one to
 * three commands chosen by @next (which returns a number below its bound:
 * from GRand in the tests, from the fuzzer's bytes in fuzz-edit), with
 * values from small vocabularies that include wrong ones (unknown ids,
 * ids of the wrong type, dates that are not EDTF), and commits it; or it
 * undoes or redoes. Commands that refuse must change nothing; that is for
 * the caller to check, with weft_dataset_verify() and by saving.
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include "weft-dataset-private.h"
#include "weft-members.h"
#include "weft-undo.h"

typedef guint (*WeftRandomFunc) (gpointer data,
                                 guint    bound);

typedef struct {
  WeftRandomFunc next;
  gpointer       data;
} WeftRandom;

static inline guint
weft_random_below (WeftRandom *r,
                   guint       bound)
{
  return bound > 1 ? r->next (r->data, bound) % bound : 0;
}

/* A random item of @type (any when WEFT_ITEM_NONE), or NULL when none. */
static inline WeftItem *
weft_random_item (WeftRandom   *r,
                  WeftDataset  *dataset,
                  WeftItemType  type)
{
  GPtrArray *items;

  if (type == WEFT_ITEM_NONE)
    type = WEFT_ITEM_SOURCE + weft_random_below (r, WEFT_ITEM_ERA);
  items = weft_dataset_get_items (dataset, type);
  if (items->len == 0)
    return NULL;
  return g_ptr_array_index (items, weft_random_below (r, items->len));
}

/* An id: mostly of an item of @type, sometimes of another or of none. */
static inline const char *
weft_random_id (WeftRandom   *r,
                WeftDataset  *dataset,
                WeftItemType  type)
{
  guint pick = weft_random_below (r, 10);
  WeftItem *item;

  if (pick == 0)
    return "no-such-id";
  item = weft_random_item (r, dataset, pick == 1 ? WEFT_ITEM_NONE : type);
  return item ? item->id : "no-such-id";
}

static inline const char *
weft_random_text (WeftRandom *r)
{
  static const char * const words[] = {
    "", "Huawei", "IBM", "a new name", "São Paulo", "北京", "line\nbreak", "tab\there",
    "quote \" and \\ back", "été", "unit \x1f sep", NULL,
  };

  return words[weft_random_below (r, G_N_ELEMENTS (words))];
}

static inline const char *
weft_random_date (WeftRandom *r)
{
  static const char * const dates[] = {
    "2021", "2021-10", "2020-01-15", "2017/2021", "2019/..", "2000~", "2004?", "199X", "2021-21",
    "-0043-03-15", "2019/", "not a date", "", NULL,
  };

  return dates[weft_random_below (r, G_N_ELEMENTS (dates))];
}

/* A member of @item's table, any. */
static inline const WeftMember *
weft_random_member (WeftRandom *r,
                    WeftItem   *item)
{
  const WeftMemberTable *table = weft_item_members (item->type);

  return &table->members[weft_random_below (r, table->n_members)];
}

/* One command inside @edit; returns whether it applied. */
static inline gboolean
weft_random_command (WeftRandom *r,
                     WeftEdit   *edit)
{
  WeftDataset *dataset = weft_edit_get_dataset (edit);
  WeftItem *item = weft_random_item (r, dataset, WEFT_ITEM_NONE);
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;   /* until a command says otherwise */

  switch (weft_random_below (r, 12))
    {
    case 0: /* a member, as a string: text, a date, an enum, a reference */
    case 1:
      if (item != NULL)
        {
          const WeftMember *m = weft_random_member (r, item);
          const char *value;

          if (m->reference)
            value = weft_random_id (r, dataset, m->refers_to);
          else if (m->type == WEFT_MEMBER_DATE)
            value = weft_random_date (r);
          else if (m->type == WEFT_MEMBER_ENUM)
            value = weft_random_below (r, 4) == 0 ? "nonsense" : m->names[weft_random_below (r, 4)];
          else
            value = weft_random_text (r);
          ok = weft_edit_set (edit, item, m->name, value, &error);
        }
      break;

    case 2: /* a list */
      if (item != NULL)
        {
          const WeftMember *m = weft_random_member (r, item);
          const char *values[4] = { NULL };
          guint n = weft_random_below (r, 4);

          for (guint i = 0; i < n; i++)
            values[i] = m->reference ? weft_random_id (r, dataset, m->refers_to) : weft_random_text (r);
          ok = weft_edit_set_list (edit, item, m->name, weft_random_below (r, 5) == 0 ? NULL : values, &error);
        }
      break;

    case 3: /* participants or citations */
      if (item != NULL && item->type == WEFT_ITEM_EVENT)
        {
          WeftParticipant p[3] = { { 0 } };
          guint n = weft_random_below (r, 4);

          for (guint i = 0; i < n; i++)
            {
              p[i].entity = weft_random_id (r, dataset, WEFT_ITEM_ENTITY);
              p[i].role = weft_random_below (r, 2) ? "organizer" : NULL;
            }
          ok = weft_edit_set_participants (edit, (WeftEvent *) item, p, n, &error);
        }
      else if (item != NULL && item->type == WEFT_ITEM_CLAIM)
        {
          WeftCitation c[3] = { { 0 } };
          guint n = weft_random_below (r, 4);

          for (guint i = 0; i < n; i++)
            {
              c[i].source = weft_random_id (r, dataset, WEFT_ITEM_SOURCE);
              c[i].quote = weft_random_text (r);
              c[i].locator = weft_random_below (r, 2) ? "p. 4" : NULL;
            }
          ok = weft_edit_set_citations (edit, (WeftClaim *) item, c, n, &error);
        }
      break;

    case 4: /* a new item, mostly complete */
    case 5:
      {
        WeftItemType type = WEFT_ITEM_SOURCE + weft_random_below (r, WEFT_ITEM_ERA);
        WeftItem *made = weft_edit_create (edit, type, weft_random_below (r, 4) == 0 ? "e1" : NULL, &error);

        ok = made != NULL;
        if (made == NULL)
          break;
        if (weft_random_below (r, 8) == 0)
          break;
        if (type == WEFT_ITEM_EVENT || type == WEFT_ITEM_ERA)
          weft_edit_set (edit, made, "date", "2021-10", NULL);
        if (type == WEFT_ITEM_RELATION)
          {
            weft_edit_set (edit, made, "from", weft_random_id (r, dataset, WEFT_ITEM_ENTITY), NULL);
            weft_edit_set (edit, made, "to", weft_random_id (r, dataset, WEFT_ITEM_ENTITY), NULL);
          }
        if (type == WEFT_ITEM_CLAIM)
          {
            const char *about[] = { weft_random_id (r, dataset, WEFT_ITEM_ENTITY), NULL };

            weft_edit_set_list (edit, made, "about", about, NULL);
          }
        weft_edit_set (edit, made, weft_item_members (type)->members[1].name, weft_random_text (r), NULL);
      }
      break;

    case 6: /* deleting */
    case 7:
      if (item != NULL)
        ok = weft_edit_delete (edit, item, weft_random_below (r, 3) ? WEFT_DELETE_REFERENCES : WEFT_DELETE_REFUSE,
                               &error);
      break;

    case 8: /* merging */
      {
        WeftItem *keep = weft_random_item (r, dataset, WEFT_ITEM_ENTITY);
        WeftItem *drop = weft_random_item (r, dataset, WEFT_ITEM_ENTITY);

        if (keep != NULL && drop != NULL)
          ok = weft_edit_merge (edit, (WeftEntity *) keep, (WeftEntity *) drop, &error);
      }
      break;

    case 9: /* a new id, which every reference follows */
      if (item != NULL)
        {
          const char *ids[] = { "renamed", "", NULL, "huawei", "e1" };

          ok = weft_edit_set (edit, item, "id", ids[weft_random_below (r, G_N_ELEMENTS (ids))], &error);
        }
      break;

    case 10: /* the dataset's own members */
      {
        const char *members[] = { "title", "description", "language", "weft", "entities" };

        ok = weft_edit_set (edit, NULL, members[weft_random_below (r, G_N_ELEMENTS (members))],
                            weft_random_text (r), &error);
      }
      break;

    case 11: /* any member, copied from another item of the same type */
    default:
      if (item != NULL)
        {
          WeftItem *from = weft_random_item (r, dataset, item->type);

          ok = weft_edit_copy_member (edit, item, weft_random_member (r, item)->name, from, &error);
        }
      break;
    }

  g_assert_true (ok == (error == NULL));
  return ok;
}

/* An edit of one to three commands committed on @stack, or an undo or a
 * redo. */
static inline void
weft_random_edit (WeftRandom    *r,
                  WeftUndoStack *stack,
                  gint64         time)
{
  guint pick = weft_random_below (r, 10);
  g_autoptr(WeftEdit) edit = NULL;
  guint n;

  if (pick == 0)
    {
      weft_undo_stack_undo (stack);
      return;
    }
  if (pick == 1)
    {
      weft_undo_stack_redo (stack);
      return;
    }

  edit = weft_undo_stack_begin (stack, "random");
  weft_edit_set_time (edit, time);
  n = 1 + weft_random_below (r, 3);
  for (guint i = 0; i < n; i++)
    weft_random_command (r, edit);
  if (weft_random_below (r, 20) == 0)
    weft_edit_cancel (edit);
  else
    weft_undo_stack_commit (stack, edit, NULL);
}
