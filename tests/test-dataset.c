/* test-dataset.c: indexes, the builder and the round trip
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-test"

#include "config.h"

#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "weft-error.h"
#include "weft-loader.h"
#include "weft-saver.h"
#include "weft-paths.h"
#include "weft-test.h"

static void
assert_ids (gpointer   *items,
            guint       n,
            const char *expected)
{
  g_autoptr(GString) got = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (got, ' ');
      g_string_append (got, ((WeftItem *) items[i])->id);
    }
  g_assert_cmpstr (got->str, ==, expected);
}

static void
test_counts_and_lookup (void)
{
  g_autoptr(WeftDataset) ds = weft_test_load_fixture ("network.weft");
  WeftItem *item;
  WeftEntity *a;

  g_assert_cmpuint (weft_dataset_get_sources (ds)->len, ==, 2);
  g_assert_cmpuint (weft_dataset_get_entities (ds)->len, ==, 5);
  g_assert_cmpuint (weft_dataset_get_events (ds)->len, ==, 3);
  g_assert_cmpuint (weft_dataset_get_claims (ds)->len, ==, 4);
  g_assert_cmpuint (weft_dataset_get_relations (ds)->len, ==, 3);
  g_assert_cmpuint (weft_dataset_get_eras (ds)->len, ==, 1);
  g_assert_cmpstr (weft_dataset_get_title (ds), ==, "A small network");
  g_assert_cmpstr (weft_dataset_get_language (ds), ==, "en");

  item = weft_dataset_lookup (ds, "k2");
  g_assert_nonnull (item);
  g_assert_cmpint (item->type, ==, WEFT_ITEM_CLAIM);
  g_assert_cmpuint (item->index, ==, 1);
  g_assert_cmpint (((WeftClaim *) item)->status, ==, WEFT_STATUS_REPORTED);
  g_assert_cmpuint (((WeftClaim *) item)->n_citations, ==, 2);
  g_assert_cmpstr (weft_item_get_label (item), ==, "Beta and Gamma met in June");

  g_assert_null (weft_dataset_lookup (ds, "nope"));
  g_assert_null (weft_dataset_lookup_entity (ds, "k2"));

  a = weft_dataset_lookup_entity (ds, "a");
  g_assert_cmpstr (a->name, ==, "Alpha Corp");
  g_assert_cmpint (a->kind, ==, WEFT_ENTITY_COMPANY);
  g_assert_cmpstr (a->aliases[1], ==, "Ålpha");
  g_assert_null (a->aliases[2]);
  g_assert_cmpstr (a->country, ==, "US");

  /* Dates are parsed once, at load. */
  item = weft_dataset_lookup (ds, "v3");
  g_assert_true (((WeftEvent *) item)->date.is_interval);
  g_assert_cmpint (weft_item_get_date (item)->lower, ==, weft_days_from_civil (2021, 10, 1));
  g_assert_cmpint (weft_item_get_date (item)->upper, ==, weft_days_from_civil (2022, 3, 31));
  g_assert_null (weft_item_get_date (&a->item));
  g_assert_null (weft_item_get_date (weft_dataset_lookup (ds, "k1")));
}

static void
test_indexes (void)
{
  g_autoptr(WeftDataset) ds = weft_test_load_fixture ("network.weft");
  WeftEntity *a = weft_dataset_lookup_entity (ds, "a");
  WeftEntity *b = weft_dataset_lookup_entity (ds, "b");
  WeftEntity *c = weft_dataset_lookup_entity (ds, "c");
  WeftEntity *e = weft_dataset_lookup_entity (ds, "e");
  gpointer *items;
  guint n;

  items = (gpointer *) weft_dataset_get_entity_events (ds, a, &n);
  assert_ids (items, n, "v1");
  items = (gpointer *) weft_dataset_get_entity_events (ds, c, &n);
  assert_ids (items, n, "v2");

  items = (gpointer *) weft_dataset_get_entity_claims (ds, b, &n);
  assert_ids (items, n, "k1 k2");
  items = (gpointer *) weft_dataset_get_entity_claims (ds, c, &n);
  assert_ids (items, n, "k2 k3");
  /* Claimant and subject at once counts once. */
  items = (gpointer *) weft_dataset_get_entity_claims (ds, e, &n);
  assert_ids (items, n, "k4");

  items = (gpointer *) weft_dataset_get_entity_relations (ds, b, &n);
  assert_ids (items, n, "r1 r3");
  items = (gpointer *) weft_dataset_get_entity_relations (ds, e, &n);
  assert_ids (items, n, "");

  items = (gpointer *) weft_dataset_get_claim_events (ds, (WeftClaim *) weft_dataset_lookup (ds, "k2"), &n);
  assert_ids (items, n, "v2");
  items = (gpointer *) weft_dataset_get_claim_relations (ds, (WeftClaim *) weft_dataset_lookup (ds, "k3"), &n);
  assert_ids (items, n, "r2");

  items = (gpointer *) weft_dataset_get_events_by_date (ds, &n);
  assert_ids (items, n, "v1 v2 v3");

  {
    g_autoptr(GPtrArray) claims = weft_dataset_dup_item_claims (ds, weft_dataset_lookup (ds, "r1"));
    assert_ids (claims->pdata, claims->len, "k1");
  }
  {
    g_autoptr(GPtrArray) claims = weft_dataset_dup_item_claims (ds, weft_dataset_lookup (ds, "r3"));
    assert_ids (claims->pdata, claims->len, "");
  }
}

static void
test_date_range (void)
{
  g_autoptr(WeftDataset) ds = weft_test_load_fixture ("network.weft");
  gint64 lower, upper;

  g_assert_true (weft_dataset_get_date_range (ds, &lower, &upper));
  /* The era starts in 2000; the last event ends in March 2022. */
  g_assert_cmpint (lower, ==, weft_days_from_civil (2000, 1, 1));
  g_assert_cmpint (upper, ==, weft_days_from_civil (2022, 3, 31));
}

static void
test_round_trip (void)
{
  g_autoptr(WeftDataset) ds = weft_test_load_fixture ("network.weft");
  g_autoptr(WeftDataset) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize len1, len2;
  WeftSource *s2;

  first = weft_dataset_to_data (ds, &len1);
  again = weft_dataset_load_data (first, len1, "again", NULL, &error);
  g_assert_no_error (error);
  second = weft_dataset_to_data (again, &len2);

  /* load -> save -> load -> save is a fixed point. */
  g_assert_cmpstr (first, ==, second);
  g_assert_true (g_str_has_suffix (first, "}\n"));

  /* Unknown members survive, in place. */
  s2 = (WeftSource *) weft_dataset_lookup (again, "s2");
  g_assert_cmpstr (json_object_get_string_member (s2->item.extra, "x-archive"), ==, "kept");
  g_assert_true (json_object_has_member (weft_dataset_get_extra (again), "x-editor"));
  g_assert_nonnull (strstr (first, "\"x-editor\" : {"));

  /* Stable member order: id first, then the documented order. */
  g_assert_nonnull (strstr (first, "\"id\" : \"a\",\n      \"name\" : \"Alpha Corp\",\n      \"kind\" : \"company\""));

  /* Everything the model holds is the same. */
  g_assert_cmpuint (weft_dataset_get_claims (again)->len, ==, 4);
  {
    WeftClaim *k2 = (WeftClaim *) weft_dataset_lookup (again, "k2");
    WeftEvent *v2 = (WeftEvent *) weft_dataset_lookup (again, "v2");

    g_assert_cmpstr (k2->claimant, ==, "b");
    g_assert_cmpstr (k2->citations[1].quote, ==, "a meeting");
    g_assert_cmpstr (k2->date_text, ==, "2019-06");
    g_assert_cmpstr (v2->participants[0].role, ==, "host");
    g_assert_cmpstr (v2->group, ==, "Meetings");
  }
}

static void
test_example_round_trip (void)
{
  g_autofree char *path = weft_dup_example_path ();
  g_autofree char *original = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(WeftDataset) ds = NULL;
  gsize len;

  ds = weft_dataset_load_path (path, NULL, NULL);
  g_assert_nonnull (ds);
  g_assert_true (g_file_get_contents (path, &original, &len, NULL));
  saved = weft_dataset_to_data (ds, &len);
  /* The bundled example is kept in Weft's own layout, byte for byte. */
  g_assert_cmpstr (saved, ==, original);
}

static void
test_save_file (void)
{
  g_autoptr(WeftDataset) ds = weft_test_load_fixture ("network.weft");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = weft_test_make_tmp_dir ("save");
  g_autofree char *path = g_build_filename (dir, "out.weft", NULL);
  g_autofree char *nested = g_build_filename (dir, "no", "such", "folder", "out.weft", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(WeftDataset) back = NULL;

  g_assert_true (g_file_set_contents (path, "old contents", -1, NULL));
  g_assert_true (weft_dataset_save_path (ds, path, &error));
  g_assert_no_error (error);
  back = weft_dataset_load_path (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (weft_dataset_get_entities (back)->len, ==, 5);

  /* A save that cannot happen says so and changes nothing. */
  g_assert_false (weft_dataset_save_path (ds, nested, &error));
  g_assert_error (error, WEFT_ERROR, WEFT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "out.weft"));
  g_clear_error (&error);

  /* Saving over a folder fails and leaves it alone. */
  {
    g_autofree char *folder = g_build_filename (dir, "folder.weft", NULL);

    g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
    g_assert_false (weft_dataset_save_path (ds, folder, &error));
    g_assert_error (error, WEFT_ERROR, WEFT_ERROR_IO);
    g_clear_error (&error);
    g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
    g_rmdir (folder);
  }

  /* No temporary files are left behind. */
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;
    guint count = 0;

    while ((name = g_dir_read_name (d)) != NULL)
      count++;
    g_assert_cmpuint (count, ==, 1);
  }

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "{\n  \"weft\" : 1,"));
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_builder (void)
{
  g_autoptr(WeftDataset) ds = weft_dataset_new ();
  g_autoptr(WeftDiagnostics) diagnostics = weft_diagnostics_new ("built");
  WeftDate date;
  WeftEvent *event;
  WeftClaim *claim;

  g_assert_true (weft_date_parse ("2020-01", &date, NULL, NULL));
  weft_dataset_set_title (ds, "Built");
  weft_dataset_add_entity (ds, "x", "X", WEFT_ENTITY_PERSON);
  event = weft_dataset_add_event (ds, "ev", "Something", "2020-01", &date);
  weft_dataset_add_participant (ds, event, "x", NULL);
  weft_dataset_add_participant (ds, event, "ghost", NULL);
  claim = weft_dataset_add_claim (ds, "cl", "A claim", WEFT_STATUS_OPINION);
  weft_dataset_strv_append (ds, &claim->about, "x");
  weft_dataset_add_citation (ds, claim, "nosource", "q", NULL);
  weft_dataset_add_entity (ds, "x", "Twice", WEFT_ENTITY_OTHER);

  g_assert_false (weft_dataset_finish (ds, diagnostics));
  g_assert_cmpuint (weft_diagnostics_get_n_errors (diagnostics), ==, 3);
  {
    g_autofree char *all = weft_diagnostics_format_all (diagnostics);

    g_assert_nonnull (strstr (all, "built: error: entities[1].id: duplicate id “x”, already used by entities[0]"));
    g_assert_nonnull (strstr (all, "built: error: events[0].participants[1].entity: “ghost” is not the id"));
    g_assert_nonnull (strstr (all, "built: error: claims[0].citations[0].source: “nosource”"));
  }
}

static void
test_enums (void)
{
  WeftEntityKind kind;
  WeftClaimStatus status;
  WeftSourceKind source;

  for (guint k = 0; k < WEFT_N_ENTITY_KINDS; k++)
    {
      g_assert_true (weft_entity_kind_from_string (weft_entity_kind_to_string (k), &kind));
      g_assert_cmpint (kind, ==, k);
      g_assert_cmpstr (weft_entity_kind_label (k), !=, "");
    }
  for (guint s = 0; s < WEFT_N_STATUSES; s++)
    {
      g_assert_true (weft_claim_status_from_string (weft_claim_status_to_string (s), &status));
      g_assert_cmpint (status, ==, s);
    }
  for (guint s = 0; s < WEFT_N_SOURCE_KINDS; s++)
    {
      g_assert_true (weft_source_kind_from_string (weft_source_kind_to_string (s), &source));
      g_assert_cmpint (source, ==, s);
    }
  g_assert_false (weft_entity_kind_from_string ("Company", &kind));
  g_assert_false (weft_claim_status_from_string (NULL, &status));
  g_assert_cmpstr (weft_claim_status_label (WEFT_STATUS_ALLEGED), ==, "Alleged");
}

/* Saves @ds to @path with writes limited to 1 KiB, as on a full disk. */
static gboolean
save_with_full_disk (WeftDataset  *ds,
                     const char   *path,
                     GError      **error)
{
  struct rlimit saved_limit, small;
  void (*saved_handler) (int);
  gboolean ok;

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved_limit), ==, 0);
  small = saved_limit;
  small.rlim_cur = 1024;
  /* Past the limit write() fails with EFBIG instead of killing us. */
  saved_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);
  ok = weft_dataset_save_path (ds, path, error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved_limit), ==, 0);
  signal (SIGXFSZ, saved_handler);

  return ok;
}

static void
test_save_disk_full (void)
{
  /* A full disk, simulated with RLIMIT_FSIZE (which binds root too, unlike
   * a read-only folder): the write fails part way, the error says so and
   * that the previous file is unchanged, and it is, byte for byte, with no
   * half-written temporary file left beside it. */
  g_autoptr(WeftDataset) ds = weft_test_load_fixture ("network.weft");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = weft_test_make_tmp_dir ("full");
  g_autofree char *path = g_build_filename (dir, "kept.weft", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *data = NULL;
  gsize before_length, after_length, length;

  /* The previous version: a valid file, smaller than the new one. */
  g_assert_true (g_file_set_contents (path, "{\"weft\": 1, \"title\": \"previous version\"}\n", -1, NULL));
  g_assert_true (g_file_get_contents (path, &before, &before_length, NULL));
  data = weft_dataset_to_data (ds, &length);
  g_assert_cmpuint (length, >, 2048);

  g_assert_false (save_with_full_disk (ds, path, &error));
  g_assert_error (error, WEFT_ERROR, WEFT_ERROR_IO);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "kept.weft"));
  g_assert_nonnull (strstr (error->message, "previous version of the file is unchanged"));

  g_assert_true (g_file_get_contents (path, &after, &after_length, NULL));
  g_assert_cmpmem (after, after_length, before, before_length);

  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (d)) != NULL)
      g_assert_cmpstr (name, ==, "kept.weft");
  }

  /* With room again, the same save works. */
  g_clear_error (&error);
  g_assert_true (weft_dataset_save_path (ds, path, &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, g_free);
  g_assert_true (g_file_get_contents (path, &after, &after_length, NULL));
  g_assert_cmpmem (after, after_length, data, length);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_save_through_symlink (void)
{
  /* GIO writes over a symbolic link in place, truncating first: saving
   * through a link goes to the file it points to instead, so a full disk
   * still leaves the old contents, and the link stays a link. */
  g_autoptr(WeftDataset) ds = weft_test_load_fixture ("network.weft");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = weft_test_make_tmp_dir ("link");
  g_autofree char *real = g_build_filename (dir, "real.weft", NULL);
  g_autofree char *link = g_build_filename (dir, "link.weft", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *data = NULL;
  gsize length, contents_length;
  static const char old[] = "{\"weft\": 1, \"title\": \"old\"}\n";

  g_assert_true (g_file_set_contents (real, old, -1, NULL));
  g_assert_cmpint (symlink ("real.weft", link), ==, 0);

  g_assert_false (save_with_full_disk (ds, link, &error));
  g_assert_error (error, WEFT_ERROR, WEFT_ERROR_IO);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (real, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, old);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;
    guint count = 0;

    while ((name = g_dir_read_name (d)) != NULL)
      count++;
    g_assert_cmpuint (count, ==, 2);
  }

  data = weft_dataset_to_data (ds, &length);
  g_assert_true (weft_dataset_save_path (ds, link, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (real, &contents, &contents_length, NULL));
  g_assert_cmpmem (contents, contents_length, data, length);

  g_unlink (link);
  g_unlink (real);
  g_rmdir (dir);
}

static void
test_save_control_characters (void)
{
  /* Found by fuzz-import: json-glib writes U+001F raw inside a string, so
   * a dataset holding one (from a CSV field, or "\u001f" in a .weft file)
   * saved as a file Weft could not open again. Every control character
   * comes back, in names and in unknown members alike. */
  g_autoptr(GString) doc = g_string_new ("{\"weft\": 1, \"title\": \"");
  g_autoptr(GError) error = NULL;
  g_autoptr(WeftDataset) ds = NULL;
  g_autoptr(WeftDataset) back = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *expected = NULL;
  gsize length;

  for (guint c = 1; c < 0x20; c++)
    g_string_append_printf (doc, "\\u%04x", c);
  g_string_append (doc, "\", \"x-notes\": [\"\\u001f\"]}");

  ds = weft_dataset_load_data (doc->str, doc->len, "controls.weft", NULL, &error);
  g_assert_no_error (error);
  saved = weft_dataset_to_data (ds, &length);
  g_assert_null (strchr (saved, '\x1f'));
  back = weft_dataset_load_data (saved, length, "saved.weft", NULL, &error);
  g_assert_no_error (error);

  expected = g_malloc (0x20);
  for (guint c = 1; c < 0x20; c++)
    expected[c - 1] = (char) c;
  expected[0x1f] = '\0';
  g_assert_cmpstr (weft_dataset_get_title (back), ==, expected);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (weft_dataset_get_extra (back), "x-notes"), 0),
                   ==, "\x1f");
}

static void
test_save_large_doubles (void)
{
  /* Found by fuzz-loader: json-glib 1.6 writes a double of 1e17 or more
   * as "1e+22.0", which is not JSON, so a dataset holding one (an
   * unknown member) saved as a file Weft could not open again. */
  static const char doc[] =
    "{\"weft\": 1, \"title\": \"t 1e+5.0\", \"x-n\": [1E+22, -2.5e+300, 1e17, 123456789012345678.0, 0.5, 5e-324],\n"
    " \"x-in-a-string\": \"1e+22.0\"}";
  g_autoptr(GError) error = NULL;
  g_autoptr(WeftDataset) ds = NULL;
  g_autoptr(WeftDataset) back = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *again = NULL;
  JsonArray *n;
  gsize length;

  ds = weft_dataset_load_data (doc, strlen (doc), "doubles.weft", NULL, &error);
  g_assert_no_error (error);
  saved = weft_dataset_to_data (ds, &length);
  g_assert_null (strstr (saved, "e+22.0,"));
  g_assert_nonnull (strstr (saved, "1e+22,"));
  back = weft_dataset_load_data (saved, length, "saved.weft", NULL, &error);
  g_assert_no_error (error);
  n = json_object_get_array_member (weft_dataset_get_extra (back), "x-n");
  g_assert_cmpfloat (json_array_get_double_element (n, 0), ==, 1e22);
  g_assert_cmpfloat (json_array_get_double_element (n, 1), ==, -2.5e300);
  g_assert_cmpfloat (json_array_get_double_element (n, 2), ==, 1e17);
  g_assert_cmpfloat (json_array_get_double_element (n, 4), ==, 0.5);
  g_assert_cmpfloat (json_array_get_double_element (n, 5), ==, 5e-324);
  /* Strings are left as they are, and a second save is the same. */
  g_assert_cmpstr (weft_dataset_get_title (back), ==, "t 1e+5.0");
  g_assert_cmpstr (json_object_get_string_member (weft_dataset_get_extra (back), "x-in-a-string"), ==, "1e+22.0");
  again = weft_dataset_to_data (back, NULL);
  g_assert_cmpstr (again, ==, saved);
}

static void
test_save_parent_is_a_file (void)
{
  /* Another failure that root cannot bypass: the folder is a file. */
  g_autoptr(WeftDataset) ds = weft_test_load_fixture ("network.weft");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = weft_test_make_tmp_dir ("notdir");
  g_autofree char *file = g_build_filename (dir, "plain", NULL);
  g_autofree char *inside = g_build_filename (file, "out.weft", NULL);
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (file, "not a folder", -1, NULL));
  g_assert_false (weft_dataset_save_path (ds, inside, &error));
  g_assert_error (error, WEFT_ERROR, WEFT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "out.weft"));
  g_assert_true (g_file_get_contents (file, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "not a folder");

  g_unlink (file);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  weft_test_init (&argc, &argv);

  g_test_add_func ("/weft/dataset/counts-and-lookup", test_counts_and_lookup);
  g_test_add_func ("/weft/dataset/indexes", test_indexes);
  g_test_add_func ("/weft/dataset/date-range", test_date_range);
  g_test_add_func ("/weft/dataset/round-trip", test_round_trip);
  g_test_add_func ("/weft/dataset/example-round-trip", test_example_round_trip);
  g_test_add_func ("/weft/dataset/save-file", test_save_file);
  g_test_add_func ("/weft/dataset/save-disk-full", test_save_disk_full);
  g_test_add_func ("/weft/dataset/save-through-symlink", test_save_through_symlink);
  g_test_add_func ("/weft/dataset/save-control-characters", test_save_control_characters);
  g_test_add_func ("/weft/dataset/save-large-doubles", test_save_large_doubles);
  g_test_add_func ("/weft/dataset/save-parent-is-a-file", test_save_parent_is_a_file);
  g_test_add_func ("/weft/dataset/builder", test_builder);
  g_test_add_func ("/weft/dataset/enums", test_enums);

  return weft_test_run ();
}
