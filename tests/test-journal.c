/* test-journal.c: the journal, recovery, saving, and kill -9
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-test"

#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "weft-document.h"
#include "weft-error.h"
#include "weft-file.h"
#include "weft-loader.h"
#include "weft-paths.h"
#include "weft-saver.h"
#include "weft-test.h"
#include "weft-edit-random.h"

#define TIME G_GINT64_CONSTANT (1714555800)

static char *
saved (WeftDataset *dataset)
{
  return weft_dataset_to_data (dataset, NULL);
}

/* A copy of tests/data/@name in the temporary folder, as a GFile. */
static GFile *
copy_fixture (const char *name,
              const char *as)
{
  g_autofree char *path = weft_test_build_data_path (name, NULL);
  g_autofree char *contents = weft_test_read_file (path, NULL);

  return weft_test_write_tmp_file (as, contents);
}

static WeftDocument *
load (GFile *file)
{
  g_autoptr(GError) error = NULL;
  WeftDocument *document = weft_document_load (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static guint
rand_below (gpointer data,
            guint    bound)
{
  return g_rand_int_range (data, 0, bound);
}

/* Recovers the only journal in @dir, checks what it says (and that the
 * dataset it brings back saves as @expected, unless NULL), and returns the
 * document. */
static WeftDocument *
recover_only (const char *dir,
              guint       n_labels,
              const char *expected)
{
  g_autoptr(GPtrArray) found = weft_journal_find_recoverable (dir);
  g_autoptr(GError) error = NULL;
  WeftRecoverable *r;
  WeftDocument *document;

  g_assert_cmpuint (found->len, ==, 1);
  r = g_ptr_array_index (found, 0);
  g_assert_cmpint (weft_recoverable_get_state (r), ==, WEFT_RECOVERY_READY);
  if (n_labels > 0)
    g_assert_cmpuint (g_strv_length ((char **) weft_recoverable_get_labels (r)), ==, n_labels);

  document = weft_document_recover (r, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  if (expected != NULL)
    {
      g_autofree char *recovered = saved (weft_document_get_dataset (document));

      g_assert_cmpstr (recovered, ==, expected);
    }
  return document;
}

/* The same, then the session ends on purpose. */
static void
recover_and_close (const char *dir,
                   guint       n_labels,
                   const char *expected)
{
  g_autoptr(WeftDocument) document = recover_only (dir, n_labels, expected);

  weft_document_close (document);
}

/* Random edits, undos and redos; then the session dies: what the journal
 * brings back is the dataset as it was, to the byte, and its edits can be
 * undone back to the file. */
static void
test_replay (void)
{
  for (guint32 seed = 1; seed <= 12; seed++)
    {
      g_autofree char *dir = weft_test_make_tmp_dir ("journal");
      g_autoptr(GFile) file = copy_fixture (seed % 2 ? "network.weft" : "../../data/examples/smart-cities.weft",
                                            "replay.weft");
      g_autofree char *original = NULL;
      g_autofree char *edited = NULL;
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      WeftRandom r = { rand_below, rand };
      WeftDocument *document = load (file);
      guint n_kept;

      original = saved (weft_document_get_dataset (document));
      weft_document_start_journal (document, dir);
      for (guint i = 0; i < 80; i++)
        weft_random_edit (&r, weft_document_get_undo_stack (document), TIME + i);
      edited = saved (weft_document_get_dataset (document));
      n_kept = weft_undo_stack_get_length (weft_document_get_undo_stack (document));
      g_assert_nonnull (weft_journal_get_path (weft_document_get_journal (document)));
      /* Dies without closing: the journal stays. */
      g_object_unref (document);

      document = recover_only (dir, 0, edited);
      {
        WeftUndoStack *stack = weft_document_get_undo_stack (document);
        g_autofree char *recovered = saved (weft_document_get_dataset (document));

        g_test_message ("seed %u: %u edits kept, %u recovered", seed, n_kept, weft_undo_stack_get_length (stack));
        g_assert_cmpstr (recovered, ==, edited);
        g_assert_true (weft_document_get_modified (document));

        /* What came back can be undone, to the file as it was. */
        while (weft_undo_stack_undo (stack))
          ;
        {
          g_autofree char *undone = saved (weft_document_get_dataset (document));

          g_assert_cmpstr (undone, ==, original);
        }
        while (weft_undo_stack_redo (stack))
          ;
      }

      /* And it goes on recording where it was: killed again, it comes
       * back again, with the redos too. */
      g_free (edited);
      edited = saved (weft_document_get_dataset (document));
      g_object_unref (document);
      document = recover_only (dir, 0, edited);

      /* Closed on purpose: nothing left to recover. */
      weft_document_close (document);
      g_object_unref (document);
      {
        g_autoptr(GPtrArray) found = weft_journal_find_recoverable (dir);

        g_assert_cmpuint (found->len, ==, 0);
      }
    }
}

static void
rename_entity (WeftDocument *document,
               const char   *id,
               const char   *name)
{
  WeftUndoStack *stack = weft_document_get_undo_stack (document);
  g_autoptr(WeftEdit) edit = weft_undo_stack_begin (stack, "Rename");

  weft_edit_set_time (edit, TIME);
  g_assert_true (weft_edit_set (edit, weft_dataset_lookup (weft_document_get_dataset (document), id), "name",
                                name, NULL));
  g_assert_true (weft_undo_stack_commit (stack, edit, NULL));
}

static void
test_save (void)
{
  g_autofree char *dir = weft_test_make_tmp_dir ("journal");
  g_autoptr(GFile) file = copy_fixture ("network.weft", "save.weft");
  g_autoptr(GError) error = NULL;
  g_autofree char *journal = NULL;
  g_autofree char *edited = NULL;
  WeftDocument *document = load (file);

  weft_document_start_journal (document, dir);
  g_assert_null (weft_journal_get_path (weft_document_get_journal (document)));
  rename_entity (document, "a", "One");
  journal = g_strdup (weft_journal_get_path (weft_document_get_journal (document)));
  g_assert_true (g_file_test (journal, G_FILE_TEST_EXISTS));
  g_assert_true (weft_document_get_modified (document));

  /* Saved: the file holds it all, the journal goes. */
  g_assert_true (weft_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (weft_document_get_modified (document));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  g_assert_false (weft_document_get_changed_on_disk (document));

  /* Edits after it, and an undo of one before it, come back onto the
   * saved file. */
  rename_entity (document, "b", "Two");
  g_assert_true (weft_undo_stack_undo (weft_document_get_undo_stack (document)));
  g_assert_true (weft_undo_stack_undo (weft_document_get_undo_stack (document)));
  rename_entity (document, "c", "Three");
  edited = saved (weft_document_get_dataset (document));
  g_object_unref (document);

  recover_and_close (dir, 4, edited);
}

/* What the window uses: edits by an author, undo and redo, and "modified"
 * told each time it changes. */
static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_document_edit (void)
{
  g_autoptr(GFile) file = copy_fixture ("network.weft", "document.weft");
  g_autoptr(WeftDocument) document = load (file);
  WeftDataset *dataset = weft_document_get_dataset (document);
  WeftItem *a = weft_dataset_lookup (dataset, "a");
  g_autofree char *name = g_strdup (((WeftEntity *) a)->name);
  g_autoptr(WeftEdit) edit = NULL;
  g_autoptr(GError) error = NULL;
  guint notified = 0;

  /* Prepared for editing when idle; one gone before the idle does not
   * matter. */
  g_object_unref (load (file));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_true (weft_dataset_verify (dataset, NULL));

  g_signal_connect (document, "notify::modified", G_CALLBACK (count_notify), &notified);
  g_assert_false (weft_document_can_undo (document));
  g_assert_false (weft_document_can_redo (document));
  g_assert_false (weft_document_undo (document));

  weft_document_set_author (document, "Ada Lovelace");
  edit = weft_document_begin_edit (document, "Rename a");
  g_assert_true (weft_edit_set (edit, a, "name", "Alpha", &error));
  g_assert_true (weft_document_commit_edit (document, edit, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (weft_edit_get_author (edit), ==, "Ada Lovelace");
  g_assert_cmpstr (a->history[a->n_history - 1].by, ==, "Ada Lovelace");
  g_assert_true (weft_document_get_modified (document));
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (weft_document_can_undo (document));

  g_assert_true (weft_document_undo (document));
  g_assert_cmpstr (((WeftEntity *) a)->name, ==, name);
  g_assert_false (weft_document_get_modified (document));
  g_assert_cmpuint (notified, ==, 2);
  g_assert_true (weft_document_can_redo (document));
  g_assert_true (weft_document_redo (document));
  g_assert_cmpstr (((WeftEntity *) a)->name, ==, "Alpha");
  g_assert_false (weft_document_can_redo (document));
  g_assert_cmpuint (notified, ==, 3);
}

/* Killed between writing the file and starting the journal again: the
 * journal's checksum says the file holds its edits. */
static void
test_save_interrupted (void)
{
  g_autofree char *dir = weft_test_make_tmp_dir ("journal");
  g_autoptr(GFile) file = copy_fixture ("network.weft", "interrupted.weft");
  g_autofree char *data = NULL;
  g_autofree char *edited = NULL;
  WeftDocument *document = load (file);
  WeftJournal *journal;
  gsize length;

  weft_document_start_journal (document, dir);
  journal = weft_document_get_journal (document);
  rename_entity (document, "a", "One");
  data = weft_dataset_to_data (weft_document_get_dataset (document), &length);
  g_assert_true (weft_journal_begin_save (journal, file, data, length, NULL));
  g_assert_true (weft_file_replace_contents (file, data, length, NULL, NULL));
  g_object_unref (document);
  {
    /* Nothing to bring back: the journal is removed. */
    g_autoptr(GPtrArray) found = weft_journal_find_recoverable (dir);

    g_assert_cmpuint (found->len, ==, 0);
  }

  /* The same with an edit after the save that did not end: only that one
   * comes back, onto the saved file. */
  document = load (file);
  weft_document_start_journal (document, dir);
  journal = weft_document_get_journal (document);
  rename_entity (document, "a", "Two");
  g_free (data);
  data = weft_dataset_to_data (weft_document_get_dataset (document), &length);
  g_assert_true (weft_journal_begin_save (journal, file, data, length, NULL));
  g_assert_true (weft_file_replace_contents (file, data, length, NULL, NULL));
  rename_entity (document, "b", "Three");
  edited = saved (weft_document_get_dataset (document));
  g_object_unref (document);

  recover_and_close (dir, 1, edited);

  /* A save that failed (the file is as it was): everything comes back. */
  document = load (file);
  weft_document_start_journal (document, dir);
  journal = weft_document_get_journal (document);
  rename_entity (document, "c", "Four");
  g_free (data);
  data = weft_dataset_to_data (weft_document_get_dataset (document), &length);
  g_assert_true (weft_journal_begin_save (journal, file, data, length, NULL));
  rename_entity (document, "d", "Five");
  g_free (edited);
  edited = saved (weft_document_get_dataset (document));
  g_object_unref (document);

  recover_and_close (dir, 2, edited);
}

static void
test_changed_on_disk (void)
{
  g_autofree char *dir = weft_test_make_tmp_dir ("journal");
  g_autoptr(GFile) file = copy_fixture ("network.weft", "changed.weft");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *contents = NULL;
  WeftDocument *document = load (file);

  weft_document_start_journal (document, dir);
  rename_entity (document, "a", "Mine");
  g_assert_false (weft_document_get_changed_on_disk (document));

  /* Someone else writes the file. */
  contents = weft_test_read_file (path, NULL);
  g_assert_true (weft_file_replace_contents (file, contents, strlen (contents) - 2, NULL, NULL));
  g_assert_true (weft_document_get_changed_on_disk (document));

  /* Not overwritten without asking. */
  g_assert_false (weft_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_clear_error (&error);
  {
    g_autofree char *now = weft_test_read_file (path, NULL);

    g_assert_cmpuint (strlen (now), ==, strlen (contents) - 2);
  }

  /* The journal no longer fits the file. */
  g_object_unref (document);
  found = weft_journal_find_recoverable (dir);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (weft_recoverable_get_state (g_ptr_array_index (found, 0)), ==, WEFT_RECOVERY_FILE_CHANGED);
  g_assert_null (weft_document_recover (g_ptr_array_index (found, 0), NULL, NULL, &error));
  g_assert_error (error, WEFT_ERROR, WEFT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (weft_recoverable_discard (g_ptr_array_index (found, 0), NULL));

  /* Saving on purpose over it works. (Written again with the same bytes
   * is a change too.) */
  g_assert_true (weft_file_replace_contents (file, contents, strlen (contents), NULL, NULL));
  document = load (file);
  rename_entity (document, "a", "Mine");
  g_assert_true (weft_file_replace_contents (file, contents, strlen (contents), NULL, NULL));
  g_assert_true (weft_document_get_changed_on_disk (document));
  g_assert_true (weft_document_save (document, NULL, TRUE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (weft_document_get_changed_on_disk (document));
  g_object_unref (document);
}

static void
test_new_dataset (void)
{
  g_autofree char *dir = weft_test_make_tmp_dir ("journal");
  g_autoptr(WeftDocument) document = weft_document_new_empty ();
  g_autoptr(WeftDocument) again = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *summary = NULL;
  WeftUndoStack *stack = weft_document_get_undo_stack (document);
  WeftEdit *edit;

  weft_document_start_journal (document, dir);
  g_assert_false (weft_document_get_modified (document));
  edit = weft_undo_stack_begin (stack, "New dataset");
  weft_edit_set_time (edit, TIME);
  g_assert_true (weft_edit_set (edit, NULL, "title", "Notes", NULL));
  g_assert_nonnull (weft_edit_create (edit, WEFT_ITEM_ENTITY, "someone", NULL));
  g_assert_true (weft_undo_stack_commit (stack, edit, NULL));
  weft_edit_unref (edit);
  edited = saved (weft_document_get_dataset (document));

  /* The live session's journal is not offered. */
  found = weft_journal_find_recoverable (dir);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);
  g_clear_object (&document);

  found = weft_journal_find_recoverable (dir);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_null (weft_recoverable_get_file (g_ptr_array_index (found, 0)));
  g_assert_cmpstr (weft_recoverable_get_labels (g_ptr_array_index (found, 0))[0], ==, "New dataset");
  summary = weft_recoverable_dup_summary (g_ptr_array_index (found, 0));
  g_assert_true (g_str_has_prefix (summary, "1 change to a new dataset, the last at 2024-05-01 09:30 UTC"));
  again = weft_document_recover (g_ptr_array_index (found, 0), NULL, NULL, NULL);
  g_assert_nonnull (again);
  {
    g_autofree char *recovered = saved (weft_document_get_dataset (again));

    g_assert_cmpstr (recovered, ==, edited);
  }
  weft_document_close (again);
}

static void
test_summary (void)
{
  g_autofree char *dir = weft_test_make_tmp_dir ("journal");
  g_autoptr(GFile) file = copy_fixture ("network.weft", "summary.weft");
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *summary = NULL;
  WeftDocument *document = load (file);
  const char * const *labels;

  weft_document_start_journal (document, dir);
  rename_entity (document, "a", "One");
  rename_entity (document, "b", "Two");
  g_assert_true (weft_undo_stack_undo (weft_document_get_undo_stack (document)));
  g_object_unref (document);

  found = weft_journal_find_recoverable (dir);
  g_assert_cmpuint (found->len, ==, 1);
  labels = weft_recoverable_get_labels (g_ptr_array_index (found, 0));
  g_assert_cmpstr (labels[0], ==, "Rename");
  g_assert_cmpstr (labels[1], ==, "Rename");
  g_assert_cmpstr (labels[2], ==, "Undo Rename");
  g_assert_null (labels[3]);
  g_assert_cmpstr (weft_recoverable_get_title (g_ptr_array_index (found, 0)), ==, "A small network");
  summary = weft_recoverable_dup_summary (g_ptr_array_index (found, 0));
  g_assert_true (g_str_has_prefix (summary, "3 changes to “A small network” (summary.weft), the last at "));
  g_assert_true (weft_recoverable_discard (g_ptr_array_index (found, 0), NULL));
}

/* ---- kill -9 ---------------------------------------------------------------
 *
 * A child edits the example (edit k renames entity k mod n to "v<k>" and,
 * every fifth, makes an entity "n<k>"), journals, and saves every sixth
 * edit; the parent kills it at a random moment. The file on disk must
 * then be the original or one the child began to save, whole; and what
 * recovery brings back (or the file, when it holds everything) must be
 * the dataset after some edit K at least as late as the last one the
 * child said it had committed. */

static void
tell (int         fd,
      const char *format,
      ...) G_GNUC_PRINTF (2, 3);

static void
tell (int         fd,
      const char *format,
      ...)
{
  g_autofree char *line = NULL;
  va_list args;

  va_start (args, format);
  line = g_strdup_vprintf (format, args);
  va_end (args);
  if (write (fd, line, strlen (line)) < 0)
    _exit (3);
}

G_GNUC_NORETURN static void
crash_child (GFile      *file,
             const char *dir,
             int         fd)
{
  g_autoptr(WeftDocument) document = weft_document_load (file, NULL, NULL, NULL);
  WeftUndoStack *stack;
  GPtrArray *entities;
  guint n;

  if (document == NULL)
    _exit (2);
  weft_document_start_journal (document, dir);
  stack = weft_document_get_undo_stack (document);
  entities = weft_dataset_get_entities (weft_document_get_dataset (document));
  n = entities->len;
  tell (fd, "R\n");

  for (guint k = 0; k < 100000; k++)
    {
      g_autoptr(WeftEdit) edit = weft_undo_stack_begin (stack, "step");
      g_autofree char *name = g_strdup_printf ("v%u", k);

      weft_edit_set_time (edit, TIME + k);
      weft_edit_set (edit, g_ptr_array_index (entities, k % n), "name", name, NULL);
      if (k % 5 == 0)
        {
          g_autofree char *id = g_strdup_printf ("n%u", k);

          weft_edit_create (edit, WEFT_ITEM_ENTITY, id, NULL);
        }
      if (!weft_undo_stack_commit (stack, edit, NULL))
        _exit (4);
      tell (fd, "E %u\n", k);

      if (k % 6 == 5)
        {
          g_autofree char *data = weft_dataset_to_data (weft_document_get_dataset (document), NULL);
          g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, data, -1);

          tell (fd, "S %s\n", sha);
          if (!weft_document_save (document, NULL, FALSE, NULL, NULL))
            _exit (5);
        }
    }
  _exit (0);
}

/* The last edit @dataset shows (-1: none), after checking that it shows
 * every edit up to it and none after. */
static gint
last_edit (WeftDataset *dataset,
           guint        n)
{
  GPtrArray *entities = weft_dataset_get_entities (dataset);
  gint last = -1;

  for (guint j = 0; j < n; j++)
    {
      const char *name = ((WeftEntity *) g_ptr_array_index (entities, j))->name;

      if (name[0] == 'v' && g_ascii_isdigit (name[1]))
        last = MAX (last, atoi (name + 1));
    }
  for (guint k = 0; k <= (guint) MAX (last, 0) && last >= 0; k++)
    {
      g_autofree char *name = g_strdup_printf ("v%u", k);
      g_autofree char *id = g_strdup_printf ("n%u", k);
      WeftEntity *e = g_ptr_array_index (entities, k % n);

      /* Entity k mod n shows the latest edit to it. */
      if (k + n > (guint) last)
        g_assert_cmpstr (e->name, ==, name);
      if (k % 5 == 0)
        g_assert_nonnull (weft_dataset_lookup (dataset, id));
    }
  return last;
}

static void
test_crash (void)
{
  const char *runs_text = g_getenv ("WEFT_CRASH_RUNS");
  guint runs = runs_text ? atoi (runs_text) : 300;
  g_autofree char *example = g_build_filename (weft_get_data_dir (), "examples", "smart-cities.weft", NULL);
  g_autofree char *original = weft_test_read_file (example, NULL);
  g_autofree char *original_sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, original, -1);
  g_autoptr(GFile) file = weft_test_write_tmp_file ("crash.weft", original);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);
  guint n_entities, recovered = 0, killed_saving = 0, total_edits = 0;

  {
    g_autoptr(WeftDataset) dataset = weft_dataset_load_data (original, strlen (original), "x", NULL, NULL);

    n_entities = weft_dataset_get_entities (dataset)->len;
  }

  for (guint run = 0; run < runs; run++)
    {
      g_autofree char *dir = weft_test_make_tmp_dir ("crash");
      g_autoptr(GHashTable) shas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(GString) told = g_string_new (NULL);
      g_autoptr(GPtrArray) found = NULL;
      g_autoptr(WeftDataset) result = NULL;
      g_autofree char *on_disk = NULL;
      g_autofree char *disk_sha = NULL;
      g_auto(GStrv) lines = NULL;
      gint last_told = -1, last_shown;
      gboolean saving = FALSE;
      char buffer[4096];
      int pipes[2];
      gssize got;
      pid_t pid;
      int status;

      g_assert_true (g_file_set_contents (path, original, -1, NULL));
      g_hash_table_add (shas, g_strdup (original_sha));
      g_assert_cmpint (pipe (pipes), ==, 0);

      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (pipes[0]);
          crash_child (file, dir, pipes[1]);
        }
      close (pipes[1]);

      /* Loaded: now kill it at any moment in the next 30 ms. */
      while (told->len == 0 && (got = read (pipes[0], buffer, 2)) > 0)
        g_string_append_len (told, buffer, got);
      g_assert_true (g_str_has_prefix (told->str, "R\n"));
      g_usleep (g_rand_int_range (rand, 0, 30000));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);

      while ((got = read (pipes[0], buffer, sizeof buffer)) > 0)
        g_string_append_len (told, buffer, got);
      close (pipes[0]);
      lines = g_strsplit (told->str, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          if (g_str_has_prefix (lines[i], "E "))
            {
              last_told = atoi (lines[i] + 2);
              saving = FALSE;
            }
          else if (g_str_has_prefix (lines[i], "S "))
            {
              g_hash_table_add (shas, g_strdup (lines[i] + 2));
              saving = TRUE;
            }
        }
      killed_saving += saving;
      total_edits += last_told + 1;

      /* The file is whole: the original, or one the child saved. */
      on_disk = weft_test_read_file (path, NULL);
      disk_sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, on_disk, -1);
      g_assert_true (g_hash_table_contains (shas, disk_sha));

      /* Recovery brings back every edit the child said it had made. */
      found = weft_journal_find_recoverable (dir);
      g_assert_cmpuint (found->len, <=, 1);
      if (found->len == 1)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(WeftDocument) document = weft_document_recover (g_ptr_array_index (found, 0), NULL, NULL, &error);

          g_assert_no_error (error);
          result = g_object_ref (weft_document_get_dataset (document));
          weft_document_close (document);
          recovered++;
        }
      else
        result = weft_dataset_load_data (on_disk, strlen (on_disk), "crash.weft", NULL, NULL);
      g_assert_nonnull (result);
      last_shown = last_edit (result, n_entities);
      if (last_shown < last_told)
        g_error ("run %u: edits up to %d were made, only %d came back", run, last_told, last_shown);

      weft_test_remove_tree (dir);
    }

  g_test_message ("%u runs, %u edits, %u recovered from a journal, %u killed while saving",
                  runs, total_edits, recovered, killed_saving);
  g_assert_cmpuint (recovered, >, 0);
}

int
main (int    argc,
      char **argv)
{
  weft_test_init (&argc, &argv);

  g_test_add_func ("/weft/journal/replay", test_replay);
  g_test_add_func ("/weft/journal/document-edit", test_document_edit);
  g_test_add_func ("/weft/journal/save", test_save);
  g_test_add_func ("/weft/journal/save-interrupted", test_save_interrupted);
  g_test_add_func ("/weft/journal/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/weft/journal/new-dataset", test_new_dataset);
  g_test_add_func ("/weft/journal/summary", test_summary);
  g_test_add_func ("/weft/journal/crash", test_crash);

  return weft_test_run ();
}
