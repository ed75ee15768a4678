/* weft-test.c: what the test programs share
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-test"

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>

#include "weft-dataset-edit.h"
#include "weft-dataset-private.h"
#include "weft-members.h"
#include "weft-formats.h"
#include "weft-loader.h"
#include "weft-paths.h"
#include "weft-saver.h"
#include "weft-test.h"

typedef struct {
  GDestroyNotify func;
  gpointer       data;
} Cleanup;

static char   *tmp_dir;
static GArray *cleanups;

void
weft_test_init (int    *argc,
                char ***argv)
{
  setlocale (LC_ALL, "");
  g_test_init (argc, argv, NULL);
}

void
weft_test_add_cleanup (GDestroyNotify func,
                       gpointer       data)
{
  Cleanup cleanup = { func, data };

  if (cleanups == NULL)
    cleanups = g_array_new (FALSE, FALSE, sizeof (Cleanup));
  g_array_append_val (cleanups, cleanup);
}

int
weft_test_run (void)
{
  int status = g_test_run ();

  for (guint i = cleanups ? cleanups->len : 0; i > 0; i--)
    {
      Cleanup *cleanup = &g_array_index (cleanups, Cleanup, i - 1);

      cleanup->func (cleanup->data);
    }
  g_clear_pointer (&cleanups, g_array_unref);
  if (tmp_dir != NULL)
    weft_test_remove_tree (tmp_dir);
  g_clear_pointer (&tmp_dir, g_free);
  return status;
}

static WeftDataset *
load_path (const char *path)
{
  g_autoptr(GError) error = NULL;
  WeftDataset *dataset = weft_dataset_load_path (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

WeftDataset *
weft_test_load_example (void)
{
  g_autofree char *path = weft_dup_example_path ();

  return load_path (path);
}

void
weft_test_add_history (WeftDataset *dataset)
{
  static const char *fields[] = { "name", "description", NULL };
  const WeftHistoryEntry entries[] = {
    { "2024-05-01T09:30:00Z", "Ada Lovelace", WEFT_HISTORY_IMPORTED, NULL, NULL, NULL },
    { "2024-05-02T10:00:00Z", "李华", WEFT_HISTORY_CHANGED, fields, "checked “twice”", NULL },
  };

  for (WeftItemType type = WEFT_ITEM_SOURCE; type <= WEFT_ITEM_ERA; type++)
    {
      GPtrArray *items = weft_dataset_get_items (dataset, type);
      const WeftMemberTable *table = weft_member_lookup (weft_item_members (type), "history")->table;

      for (guint i = 0; i < items->len; i++)
        for (guint e = 0; e < G_N_ELEMENTS (entries); e++)
          {
            WeftHistoryEntry entry = { 0 };

            weft_members_copy (dataset, table, &entry, &entries[e]);
            weft_dataset_push_history (dataset, g_ptr_array_index (items, i), &entry);
          }
    }
}

/* @dir/FIRST/… */
static char *
build_path_va (const char *dir,
               const char *first,
               va_list     args)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  g_ptr_array_add (parts, (gpointer) dir);
  for (const char *part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  g_ptr_array_add (parts, NULL);
  return g_build_filenamev ((char **) parts->pdata);
}

char *
weft_test_build_data_path (const char *first,
                           ...)
{
  g_autofree char *dist = g_test_build_filename (G_TEST_DIST, "data", NULL);
  va_list args;
  char *path;

  va_start (args, first);
  path = build_path_va (dist, first, args);
  va_end (args);
  return path;
}

char *
weft_test_find_corpus_path (const char *first,
                            ...)
{
  const char *corpus = g_getenv ("WEFT_CORPUS");
  g_autofree char *why = NULL;
  g_autofree char *path = NULL;
  va_list args;

  va_start (args, first);
  path = build_path_va (corpus != NULL ? corpus : "../shared/corpus", first, args);
  va_end (args);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&path);
  why = g_strdup_printf ("../shared/corpus not found: %s", path);
  g_test_skip (why);
  return NULL;
}

WeftDataset *
weft_test_load_fixture (const char *name)
{
  g_autofree char *path = weft_test_build_data_path (name, NULL);

  return load_path (path);
}

WeftDataset *
weft_test_load_text (const char *text,
                     const char *name)
{
  g_autoptr(GError) error = NULL;
  WeftDataset *dataset = weft_dataset_load_data (text, strlen (text), name, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

WeftDataset *
weft_test_import_text (const char       *name,
                       const char       *text,
                       WeftDiagnostics  *diagnostics,
                       GError          **error)
{
  g_autoptr(GFile) file = weft_test_write_tmp_file (name, text);

  return weft_import_file (file, WEFT_FORMAT_AUTO, NULL, diagnostics, error);
}

JsonObject *
weft_test_parse_saved (WeftDataset *dataset,
                       JsonParser  *parser)
{
  gsize length;
  g_autofree char *data = weft_dataset_to_data (dataset, &length);

  g_assert_true (json_parser_load_from_data (parser, data, length, NULL));
  return json_node_get_object (json_parser_get_root (parser));
}

const char *
weft_test_get_tmp_dir (void)
{
  if (tmp_dir == NULL)
    {
      g_autofree char *program = g_path_get_basename (g_get_prgname ());
      g_autofree char *template = g_strdup_printf ("%s-XXXXXX", program);
      g_autoptr(GError) error = NULL;

      tmp_dir = g_dir_make_tmp (template, &error);
      g_assert_no_error (error);
    }
  return tmp_dir;
}

char *
weft_test_build_tmp_path (const char *name)
{
  return g_build_filename (weft_test_get_tmp_dir (), name, NULL);
}

char *
weft_test_make_tmp_dir (const char *prefix)
{
  g_autofree char *template = g_strdup_printf ("%s/%s-XXXXXX", weft_test_get_tmp_dir (), prefix);

  g_assert_nonnull (g_mkdtemp (template));
  return g_steal_pointer (&template);
}

char *
weft_test_write_tmp (const char *name,
                     const char *contents)
{
  char *path = weft_test_build_tmp_path (name);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

GFile *
weft_test_write_tmp_file (const char *name,
                          const char *contents)
{
  g_autofree char *path = weft_test_write_tmp (name, contents);

  return g_file_new_for_path (path);
}

char *
weft_test_read_file (const char *path,
                     gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

void
weft_test_remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          weft_test_remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}
