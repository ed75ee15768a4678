/* test-dataset-diff.c: what differs between two versions of a dataset
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-test"

#include "config.h"

#include "weft-dataset-diff.h"
#include "weft-edit.h"
#include "weft-test.h"

static const WeftDiffEntry *
entry_at (GArray *diff,
          guint   i)
{
  g_assert_cmpuint (i, <, diff->len);
  return &g_array_index (diff, WeftDiffEntry, i);
}

static void
assert_members (const WeftDiffEntry *entry,
                const char * const  *members)
{
  g_autofree char *got = entry->members ? g_strjoinv (",", (char **) entry->members) : g_strdup ("");
  g_autofree char *want = g_strjoinv (",", (char **) members);

  g_assert_cmpstr (got, ==, want);
}

/* The same file twice: nothing differs. */
static void
test_same (void)
{
  g_autoptr(WeftDataset) a = weft_test_load_fixture ("network.weft");
  g_autoptr(WeftDataset) b = weft_test_load_fixture ("network.weft");
  g_autoptr(GArray) diff = weft_dataset_diff (a, b);

  g_assert_cmpuint (diff->len, ==, 0);
}

/* One of each: an item added, one removed (its references with it), one
 * changed, the title; by type, then in file order. */
static void
test_each (void)
{
  g_autoptr(WeftDataset) before = weft_test_load_fixture ("network.weft");
  g_autoptr(WeftDataset) after = weft_test_load_fixture ("network.weft");
  g_autoptr(WeftEdit) edit = weft_edit_new (after, "test");
  g_autoptr(GArray) diff = NULL;
  g_autoptr(GArray) back = NULL;
  g_autoptr(GError) error = NULL;
  WeftItem *zeta;
  const WeftDiffEntry *e;

  weft_edit_set_author (edit, "Tester");
  g_assert_true (weft_edit_set (edit, weft_dataset_lookup (after, "e"), "name", "Epsilon Renamed", &error));
  g_assert_true (weft_edit_set (edit, weft_dataset_lookup (after, "e"), "country", "fr", &error));
  zeta = weft_edit_create (edit, WEFT_ITEM_ENTITY, "z", &error);
  g_assert_nonnull (zeta);
  g_assert_true (weft_edit_set (edit, zeta, "name", "Zeta", &error));
  g_assert_true (weft_edit_delete (edit, weft_dataset_lookup (after, "r1"), WEFT_DELETE_REFUSE, &error));
  g_assert_true (weft_edit_set (edit, NULL, "title", "A network, edited", &error));
  g_assert_true (weft_edit_commit (edit, &error));
  g_assert_no_error (error);

  diff = weft_dataset_diff (before, after);
  for (guint i = 0; i < diff->len; i++)
    {
      g_autofree char *members = entry_at (diff, i)->members
                                 ? g_strjoinv (",", (char **) entry_at (diff, i)->members) : NULL;

      g_test_message ("%d %s %s %s", entry_at (diff, i)->kind, entry_at (diff, i)->id, entry_at (diff, i)->label,
                      members);
    }
  g_assert_cmpuint (diff->len, ==, 4);
  g_assert_cmpuint (weft_dataset_diff_count (diff, WEFT_DIFF_ADDED), ==, 1);
  g_assert_cmpuint (weft_dataset_diff_count (diff, WEFT_DIFF_REMOVED), ==, 1);
  g_assert_cmpuint (weft_dataset_diff_count (diff, WEFT_DIFF_CHANGED), ==, 2);

  e = entry_at (diff, 0);
  g_assert_cmpint (e->kind, ==, WEFT_DIFF_CHANGED);
  g_assert_cmpint (e->type, ==, WEFT_ITEM_NONE);
  g_assert_null (e->id);
  assert_members (e, (const char *[]) { "title", NULL });

  e = entry_at (diff, 1);
  g_assert_cmpint (e->kind, ==, WEFT_DIFF_CHANGED);
  g_assert_cmpint (e->type, ==, WEFT_ITEM_ENTITY);
  g_assert_cmpstr (e->id, ==, "e");
  g_assert_cmpstr (e->label, ==, "Epsilon Renamed");
  assert_members (e, (const char *[]) { "name", "country", "history", NULL });

  e = entry_at (diff, 2);
  g_assert_cmpint (e->kind, ==, WEFT_DIFF_ADDED);
  g_assert_cmpint (e->type, ==, WEFT_ITEM_ENTITY);
  g_assert_cmpstr (e->id, ==, "z");
  g_assert_cmpstr (e->label, ==, "Zeta");
  g_assert_null (e->members);

  e = entry_at (diff, 3);
  g_assert_cmpint (e->kind, ==, WEFT_DIFF_REMOVED);
  g_assert_cmpint (e->type, ==, WEFT_ITEM_RELATION);
  g_assert_cmpstr (e->id, ==, "r1");
  g_assert_null (e->members);

  /* The other way round, added and removed swap. */
  back = weft_dataset_diff (after, before);
  g_assert_cmpuint (back->len, ==, 4);
  g_assert_cmpint (entry_at (back, 2)->kind, ==, WEFT_DIFF_REMOVED);
  g_assert_cmpstr (entry_at (back, 2)->id, ==, "z");
  g_assert_cmpint (entry_at (back, 3)->kind, ==, WEFT_DIFF_ADDED);
  g_assert_cmpstr (entry_at (back, 3)->id, ==, "r1");
  g_assert_cmpstr (entry_at (back, 1)->label, ==, "Epsilon");
}

/* A member Weft does not know counts: "…". */
static void
test_unknown_member (void)
{
#define ONE_ENTITY(colour) \
  "{\"weft\": 1, \"title\": \"T\", \"entities\": " \
  "[{\"id\": \"x\", \"name\": \"X\", \"kind\": \"person\", \"colour\": \"" colour "\"}]}"
  g_autoptr(WeftDataset) a = weft_test_load_text (ONE_ENTITY ("red"), NULL);
  g_autoptr(WeftDataset) b = weft_test_load_text (ONE_ENTITY ("blue"), NULL);
  g_autoptr(GArray) diff = weft_dataset_diff (a, b);

  g_assert_cmpuint (diff->len, ==, 1);
  g_assert_cmpstr (entry_at (diff, 0)->id, ==, "x");
  assert_members (entry_at (diff, 0), (const char *[]) { "…", NULL });
}

int
main (int    argc,
      char **argv)
{
  weft_test_init (&argc, &argv);

  g_test_add_func ("/weft/dataset-diff/same", test_same);
  g_test_add_func ("/weft/dataset-diff/each", test_each);
  g_test_add_func ("/weft/dataset-diff/unknown-member", test_unknown_member);

  return weft_test_run ();
}
