/* test-loader.c: reading .weft files, every error with its position
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-test"

#include "config.h"

#include <math.h>

#include <glib/gstdio.h>

#include "weft-error.h"
#include "weft-loader.h"
#include "weft-saver.h"
#include "weft-paths.h"
#include "weft-test.h"

/* A small valid document; the cases below break one thing each. Keep its
 * layout: the expected lines and columns depend on it. */
static const char *good_doc =
  "{\n"                                                                        /* 1 */
  "  \"weft\": 1,\n"                                                           /* 2 */
  "  \"title\": \"Test\",\n"                                                   /* 3 */
  "  \"sources\": [\n"                                                         /* 4 */
  "    {\"id\": \"s1\", \"title\": \"A report\", \"kind\": \"report\"}\n"      /* 5 */
  "  ],\n"                                                                     /* 6 */
  "  \"entities\": [\n"                                                        /* 7 */
  "    {\"id\": \"e1\", \"name\": \"IBM\", \"kind\": \"company\"},\n"          /* 8 */
  "    {\"id\": \"e2\", \"name\": \"Huawei\", \"kind\": \"company\"}\n"        /* 9 */
  "  ],\n"                                                                     /* 10 */
  "  \"events\": [\n"                                                          /* 11 */
  "    {\"id\": \"v1\", \"title\": \"Coined\", \"date\": \"2008\",\n"          /* 12 */
  "     \"participants\": [{\"entity\": \"e1\"}], \"claims\": [\"c1\"]}\n"     /* 13 */
  "  ],\n"                                                                     /* 14 */
  "  \"claims\": [\n"                                                          /* 15 */
  "    {\"id\": \"c1\", \"text\": \"IBM coined it\", \"status\": \"reported\",\n" /* 16 */
  "     \"about\": [\"e1\"], \"citations\": [{\"source\": \"s1\", \"quote\": \"IBM who coined it\"}]}\n" /* 17 */
  "  ],\n"                                                                     /* 18 */
  "  \"relations\": [\n"                                                       /* 19 */
  "    {\"id\": \"r1\", \"from\": \"e1\", \"to\": \"e2\", \"type\": \"competes_with\"}\n" /* 20 */
  "  ],\n"                                                                     /* 21 */
  "  \"eras\": []\n"                                                           /* 22 */
  "}\n";                                                                       /* 23 */

static char *
replace (const char *text,
         const char *from,
         const char *to)
{
  const char *at = strstr (text, from);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, to, at + strlen (from));
}

/* Loads @text and returns every diagnostic, formatted, one per line. */
static char *
diagnose (const char   *text,
          WeftDataset **dataset_out,
          GError      **error)
{
  g_autoptr(WeftDiagnostics) diagnostics = weft_diagnostics_new ("t.weft");
  WeftDataset *dataset = weft_dataset_load_data (text, strlen (text), "t.weft", diagnostics, error);
  char *all = weft_diagnostics_format_all (diagnostics);

  if (dataset_out != NULL)
    *dataset_out = dataset;
  else
    g_clear_object (&dataset);

  return all;
}

typedef struct {
  const char *from;
  const char *to;
  const char *expected;   /* the whole first line, up to the message text */
  const char *fragment;   /* part of the message */
  gint        code;       /* the GError code */
} ErrorCase;

static const ErrorCase error_cases[] = {
  /* syntax */
  { "\"weft\": 1,", "\"weft\": 1,,", "t.weft:2:13: error: ", "member name", WEFT_ERROR_SYNTAX },
  { "\"Test\",", "\"Test\"", "t.weft:4:3: error: ", "“,” or “}”", WEFT_ERROR_SYNTAX },
  { "\"eras\": []\n}", "\"eras\": [],\n}", "t.weft:23:1: error: ", "trailing comma", WEFT_ERROR_SYNTAX },
  { "\"IBM\"", "\"I\nBM\"", "t.weft:8:28: error: ", "line break", WEFT_ERROR_SYNTAX },
  /* types and required members */
  { "\"weft\": 1", "\"weft\": \"1\"", "t.weft:2:11: error: weft: ", "whole number", WEFT_ERROR_INVALID },
  { "\"weft\": 1,\n", "", "t.weft:1:1: error: ", "missing “weft”", WEFT_ERROR_INVALID },
  { "\"weft\": 1", "\"weft\": 2", "t.weft:2:11: error: weft: ", "newer Weft", WEFT_ERROR_VERSION },
  { "\"title\": \"Test\"", "\"title\": 5", "t.weft:3:12: error: title: ", "must be a string, not a number", WEFT_ERROR_INVALID },
  { "\"name\": \"IBM\", ", "", "t.weft:8:5: error: entities[0]: ", "missing “name”", WEFT_ERROR_INVALID },
  { "\"kind\": \"company\"}", "\"kind\": \"corp\"}", "t.weft:8:41: error: entities[0].kind: ", "unknown kind “corp”; expected one of organization", WEFT_ERROR_INVALID },
  { "\"status\": \"reported\"", "\"status\": \"rumoured\"", "t.weft:16:53: error: claims[0].status: ", "unknown status “rumoured”", WEFT_ERROR_INVALID },
  { "\"kind\": \"report\"", "\"kind\": \"memo\"", "t.weft:5:47: error: sources[0].kind: ", "unknown kind “memo”", WEFT_ERROR_INVALID },
  { "\"entities\": [", "\"entities\": {\"a\": 1},\n  \"x\": [", "t.weft:7:15: error: entities: ", "must be an array, not an object", WEFT_ERROR_INVALID },
  { "{\"id\": \"e2\", \"name\": \"Huawei\", \"kind\": \"company\"}", "\"Huawei\"", "t.weft:9:5: error: entities[1]: ", "must be an object, not a string", WEFT_ERROR_INVALID },
  { "\"participants\": [{\"entity\": \"e1\"}]", "\"participants\": [{\"who\": \"e1\"}]", "t.weft:13:23: error: events[0].participants[0]: ", "missing “entity”", WEFT_ERROR_INVALID },
  { "\"participants\": [{\"entity\": \"e1\"}], ", "", "t.weft:12:5: error: events[0]: ", "missing “participants”", WEFT_ERROR_INVALID },
  { "\"citations\": [{\"source\": \"s1\", \"quote\": \"IBM who coined it\"}]", "\"citations\": [{\"source\": \"s1\"}]", "t.weft:17:37: error: claims[0].citations[0]: ", "missing “quote”", WEFT_ERROR_INVALID },
  /* dates */
  { "\"date\": \"2008\"", "\"date\": \"2008-13\"", "t.weft:12:51: error: events[0].date: ", "month 13 is out of range", WEFT_ERROR_INVALID },
  { "\"date\": \"2008\"", "\"date\": \"2019/2017\"", "t.weft:12:51: error: events[0].date: ", "“2019/2017” ends before it starts", WEFT_ERROR_INVALID },
  { "\"date\": \"2008\"", "\"date\": 2008", "t.weft:12:45: error: events[0].date: ", "must be a string", WEFT_ERROR_INVALID },
  /* ids and references */
  { "\"id\": \"e2\"", "\"id\": \"e1\"", "t.weft:9:12: error: entities[1].id: ", "duplicate id “e1”, already used by entities[0]", WEFT_ERROR_INVALID },
  { "\"id\": \"e2\"", "\"id\": \"s1\"", "t.weft:9:12: error: entities[1].id: ", "duplicate id “s1”, already used by sources[0]", WEFT_ERROR_INVALID },
  { "{\"entity\": \"e1\"}", "{\"entity\": \"e9\"}", "t.weft:13:34: error: events[0].participants[0].entity: ", "“e9” is not the id of anything", WEFT_ERROR_INVALID },
  { "{\"entity\": \"e1\"}", "{\"entity\": \"c1\"}", "t.weft:13:34: error: events[0].participants[0].entity: ", "“c1” is a claim, but an entity is expected", WEFT_ERROR_INVALID },
  { "\"claims\": [\"c1\"]", "\"claims\": [\"c2\"]", "t.weft:13:53: error: events[0].claims[0]: ", "“c2” is not the id", WEFT_ERROR_INVALID },
  { "\"about\": [\"e1\"]", "\"about\": [\"nobody\"]", "t.weft:17:16: error: claims[0].about[0]: ", "“nobody”", WEFT_ERROR_INVALID },
  { "{\"source\": \"s1\"", "{\"source\": \"e1\"", "t.weft:17:48: error: claims[0].citations[0].source: ", "is an entity, but a source is expected", WEFT_ERROR_INVALID },
  { "\"to\": \"e2\"", "\"to\": \"e3\"", "t.weft:20:38: error: relations[0].to: ", "“e3” is not the id", WEFT_ERROR_INVALID },
  { "\"kind\": \"report\"}", "\"kind\": \"report\", \"cited_by\": \"s2\"}", "t.weft:5:69: error: sources[0].cited_by: ", "“s2”", WEFT_ERROR_INVALID },
  { "\"text\": \"IBM coined it\", ", "\"text\": \"IBM coined it\", \"claimant\": \"s1\", ", "t.weft:16:55: error: claims[0].claimant: ", "is a source, but an entity is expected", WEFT_ERROR_INVALID },
};

static void
test_errors (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      const ErrorCase *c = &error_cases[i];
      g_autofree char *doc = NULL;
      g_autofree char *report = NULL;
      g_autoptr(GError) error = NULL;
      WeftDataset *dataset = NULL;

      if (c->expected == NULL)
        continue;

      doc = replace (good_doc, c->from, c->to);
      report = diagnose (doc, &dataset, &error);
      g_test_message ("case %u: %s", i, report);

      g_assert_null (dataset);
      g_assert_error (error, WEFT_ERROR, c->code);
      if (!g_str_has_prefix (report, c->expected))
        g_error ("case %u: expected “%s…”, got “%s”", i, c->expected, report);
      if (strstr (report, c->fragment) == NULL)
        g_error ("case %u: “%s” not in “%s”", i, c->fragment, report);
      /* The GError names the first problem too. */
      g_assert_nonnull (strstr (error->message, c->expected));
    }
}

static void
test_good_document (void)
{
  g_autoptr(GError) error = NULL;
  WeftDataset *dataset = NULL;
  g_autofree char *report = diagnose (good_doc, &dataset, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (report, ==, "");
  g_assert_nonnull (dataset);
  g_assert_cmpuint (weft_dataset_get_entities (dataset)->len, ==, 2);
  g_assert_cmpstr (weft_dataset_get_title (dataset), ==, "Test");
  g_object_unref (dataset);
}

static void
test_many_errors (void)
{
  /* A semantic problem does not stop the others from being listed, and
   * they come out in file order. */
  g_autofree char *a = replace (good_doc, "\"kind\": \"company\"}", "\"kind\": \"corp\"}");
  g_autofree char *b = replace (a, "{\"entity\": \"e1\"}", "{\"entity\": \"e9\"}");
  g_autofree char *c = replace (b, "\"date\": \"2008\"", "\"date\": \"2008-00\"");
  g_autofree char *d = replace (c, "\"to\": \"e2\"", "\"to\": \"e3\"");
  g_autoptr(GError) error = NULL;
  g_autofree char *report = diagnose (d, NULL, &error);
  g_auto(GStrv) lines = g_strsplit (report, "\n", -1);

  g_assert_error (error, WEFT_ERROR, WEFT_ERROR_INVALID);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_true (g_str_has_prefix (lines[0], "t.weft:8:41: error: entities[0].kind"));
  g_assert_true (g_str_has_prefix (lines[1], "t.weft:12:51: error: events[0].date"));
  g_assert_true (g_str_has_prefix (lines[2], "t.weft:13:34: error: events[0].participants[0].entity"));
  g_assert_true (g_str_has_prefix (lines[3], "t.weft:20:38: error: relations[0].to"));
  g_assert_nonnull (strstr (error->message, "and 3 more problems"));
}

static void
test_unknown_members (void)
{
  g_autofree char *doc = replace (good_doc, "\"kind\": \"company\"}", "\"kind\": \"company\", \"colour\": [1, {\"x\": null}]}");
  g_autofree char *doc2 = replace (doc, "\"eras\": []", "\"eras\": [],\n  \"editor\": \"me\"");
  g_autoptr(GError) error = NULL;
  WeftDataset *dataset = NULL;
  g_autofree char *report = diagnose (doc2, &dataset, &error);
  WeftEntity *ibm;

  /* Warnings, not errors: the file loads. */
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  g_assert_nonnull (strstr (report, "t.weft:8:62: warning: entities[0].colour: unknown member “colour”"));
  g_assert_nonnull (strstr (report, "t.weft:23:13: warning: editor: unknown member “editor”"));

  /* Members kept by Weft's importers are expected, not warned about. */
  {
    g_autofree char *doc3 = replace (good_doc, "\"kind\": \"company\"}", "\"kind\": \"company\", \"ftm\": {\"schema\": \"Company\"}}");
    g_autoptr(GError) error3 = NULL;
    WeftDataset *ds3 = NULL;
    g_autofree char *report3 = diagnose (doc3, &ds3, &error3);

    g_assert_no_error (error3);
    g_assert_cmpstr (report3, ==, "");
    g_assert_true (json_object_has_member (weft_dataset_lookup_entity (ds3, "e1")->item.extra, "ftm"));
    g_object_unref (ds3);
  }

  ibm = weft_dataset_lookup_entity (dataset, "e1");
  g_assert_nonnull (ibm->item.extra);
  g_assert_true (json_object_has_member (ibm->item.extra, "colour"));
  g_assert_cmpstr (json_object_get_string_member (weft_dataset_get_extra (dataset), "editor"), ==, "me");
  g_object_unref (dataset);
}

static void
test_not_an_object (void)
{
  const char *cases[][2] = {
    { "[1, 2]", "t.weft:1:1: error: a .weft file is a JSON object" },
    { "\"weft\"", "t.weft:1:1: error: a .weft file is a JSON object" },
    { "", "t.weft:1:1: error: the file is empty" },
    { "{\"weft\": 0, \"title\": \"x\"}", "t.weft:1:10: error: weft: format version 0 does not exist" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *report = diagnose (cases[i][0], NULL, &error);

      g_assert_nonnull (error);
      if (!g_str_has_prefix (report, cases[i][1]))
        g_error ("expected “%s”, got “%s”", cases[i][1], report);
    }
}

static void
test_bom (void)
{
  g_autofree char *doc = g_strconcat ("\xEF\xBB\xBF", good_doc, NULL);
  g_autofree char *bad = replace (doc, "\"kind\": \"company\"}", "\"kind\": \"corp\"}");
  g_autoptr(GError) error = NULL;
  WeftDataset *dataset = NULL;
  g_autofree char *report = diagnose (doc, &dataset, &error);
  g_autofree char *report2 = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  g_object_unref (dataset);

  /* Positions count from after the mark, as editors show them. */
  report2 = diagnose (bad, NULL, NULL);
  g_assert_true (g_str_has_prefix (report2, "t.weft:8:41: error: entities[0].kind"));
}

static void
test_file_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = weft_test_make_tmp_dir ("file-errors");
  g_autofree char *missing = g_build_filename (dir, "missing.weft", NULL);
  g_autofree char *big = g_build_filename (dir, "big.weft", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.weft", NULL);
  g_autoptr(WeftDiagnostics) diagnostics = weft_diagnostics_new (NULL);
  WeftDataset *dataset;

  dataset = weft_dataset_load_path (missing, NULL, &error);
  g_assert_null (dataset);
  g_assert_error (error, WEFT_ERROR, WEFT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "missing.weft"));
  g_clear_error (&error);

  dataset = weft_dataset_load_path (dir, NULL, &error);
  g_assert_error (error, WEFT_ERROR, WEFT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "folder"));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (big, good_doc, -1, NULL));
  g_setenv ("WEFT_MAX_FILE_SIZE", "100", TRUE);
  dataset = weft_dataset_load_path (big, NULL, &error);
  g_unsetenv ("WEFT_MAX_FILE_SIZE");
  g_assert_error (error, WEFT_ERROR, WEFT_ERROR_LIMIT);
  g_assert_nonnull (strstr (error->message, "WEFT_MAX_FILE_SIZE"));
  g_clear_error (&error);

  /* A file's problems, those weft_dataset_finish() finds too, are located
   * as it is read (the text is read once). */
  {
    g_autofree char *doc = replace (good_doc, "{\"entity\": \"e1\"}", "{\"entity\": \"e9\"}");
    g_autofree char *report = NULL;

    g_assert_true (g_file_set_contents (bad, doc, -1, NULL));
    dataset = weft_dataset_load_path (bad, diagnostics, &error);
    g_assert_null (dataset);
    g_assert_error (error, WEFT_ERROR, WEFT_ERROR_INVALID);
    report = weft_diagnostics_format_all (diagnostics);
    g_assert_true (g_str_has_prefix (report, bad));
    g_assert_nonnull (strstr (report, ":13:34: error: events[0].participants[0].entity"));
  }

  g_unlink (big);
  g_unlink (bad);
  g_rmdir (dir);
}

static void
test_garbage_never_crashes (void)
{
  /* Random bytes and mangled copies of a good document: every one gives
   * diagnostics or a dataset, never a crash. */
  GRand *rand = g_rand_new_with_seed (42);
  gsize len = strlen (good_doc);

  for (guint round = 0; round < 2000; round++)
    {
      g_autofree char *doc = g_strdup (good_doc);
      g_autoptr(GError) error = NULL;
      g_autoptr(WeftDiagnostics) diagnostics = weft_diagnostics_new ("fuzz");
      WeftDataset *dataset;
      guint flips = g_rand_int_range (rand, 1, 4);

      for (guint f = 0; f < flips; f++)
        doc[g_rand_int_range (rand, 0, len)] = (char) g_rand_int_range (rand, 1, 256);

      dataset = weft_dataset_load_data (doc, len, "fuzz", diagnostics, &error);
      g_assert_true ((dataset != NULL) != (error != NULL));
      if (dataset == NULL)
        g_assert_cmpuint (weft_diagnostics_get_n_errors (diagnostics), >, 0);
      g_clear_object (&dataset);
    }

  g_rand_free (rand);
}

/* No byte of @text would act in a terminal: only printable characters and
 * the line breaks between diagnostics. */
static void
assert_inert (const char *text)
{
  g_assert_true (g_utf8_validate (text, -1, NULL));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n')
        continue;
      if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0x202e || c == 0x200b)
        g_error ("U+%04X in “%s”", c, text);
    }
}

static void
test_escapes (void)
{
  /* Found by fuzz-loader: a DEL byte after a member name was quoted raw in
   * the syntax error; JSON escapes put ESC, BEL, CSI and a right-to-left
   * override into names and values that the messages quote. */
  static const struct {
    const char *from;
    const char *to;
    const char *shown;    /* how the message quotes it */
  } cases[] = {
    { "\"title\": ", "\"title\":\x7f", "“\\u{007F}”" },
    { "\"kind\": \"company\"}", "\"kind\": \"\\u001b[31mred\"}", "“\\u{001B}[31mred”" },
    { "\"kind\": \"report\"", "\"kind\": \"\\u001b]0;owned\\u0007\"", "\\u{001B}]0;owned\\u{0007}" },
    { "\"status\": \"reported\"", "\"status\": \"\\u009b2J\\u202egnp\\u200b\"", "\\u{009B}2J\\u{202E}gnp\\u{200B}" },
    { "\"weft\": 1,", "\"weft\": 1, \"x\\u001b[2J\": 0,", "unknown member “x\\u{001B}[2J”" },
    { "{\"entity\": \"e1\"}", "{\"entity\": \"e1\\r\\u001b[A\"}", "“e1\\r\\u{001B}[A”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *doc = NULL;
      g_autofree char *report = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(WeftDiagnostics) diagnostics = weft_diagnostics_new ("t\x1b[1m.weft");
      g_autoptr(WeftDataset) dataset = NULL;

      doc = replace (good_doc, cases[i].from, cases[i].to);
      dataset = weft_dataset_load_data (doc, strlen (doc), "t.weft", diagnostics, &error);
      report = weft_diagnostics_format_all (diagnostics);
      g_test_message ("case %u: %s", i, report);

      g_assert_cmpuint (weft_diagnostics_get_length (diagnostics), >, 0);
      assert_inert (report);
      /* The file name is escaped too, and the text is still there to read. */
      g_assert_true (g_str_has_prefix (report, "t\\u{001B}[1m.weft:"));
      if (strstr (report, cases[i].shown) == NULL)
        g_error ("case %u: “%s” not in “%s”", i, cases[i].shown, report);
      if (error != NULL)
        assert_inert (error->message);
    }

  /* Positions still work: the path keeps the member name as it is. */
  {
    g_autofree char *doc = replace (good_doc, "\"weft\": 1,", "\"weft\": 1, \"x\\u001b\": 0,");
    g_autofree char *report = diagnose (doc, NULL, NULL);

    g_assert_true (g_str_has_prefix (report, "t.weft:2:25: warning: x\\u{001B}: unknown member"));
  }
}

static void
test_colliding_ids (void)
{
  /* Ids made of "aB" and "b!" blocks share one g_str_hash(): a file of
   * 65,536 of them took 93 s to load when the id table used it. With the
   * keyed hash they are ordinary ids: all found, a duplicate still caught. */
  g_autoptr(GString) doc = g_string_new ("{\"weft\": 1, \"title\": \"t\", \"entities\": [");
  g_autoptr(WeftDiagnostics) diagnostics = weft_diagnostics_new ("ids.weft");
  g_autoptr(GError) error = NULL;
  g_autoptr(WeftDataset) dataset = NULL;
  g_autofree char *report = NULL;
  guint n = 4096;

  for (guint i = 0; i <= n; i++)
    {
      g_string_append (doc, i ? ", {\"id\": \"" : "{\"id\": \"");
      /* The last one repeats the first id. */
      for (guint b = 0; b < 12; b++)
        g_string_append (doc, ((i % n) >> b) & 1 ? "b!" : "aB");
      g_string_append (doc, "\", \"name\": \"x\", \"kind\": \"person\"}");
    }
  g_string_append (doc, "]}");

  dataset = weft_dataset_load_data (doc->str, doc->len, "ids.weft", diagnostics, &error);
  g_assert_null (dataset);
  g_assert_error (error, WEFT_ERROR, WEFT_ERROR_INVALID);
  g_assert_cmpuint (weft_diagnostics_get_n_errors (diagnostics), ==, 1);
  report = weft_diagnostics_format_all (diagnostics);
  g_assert_nonnull (strstr (report, "entities[4096].id: duplicate id “aBaBaBaBaBaBaBaBaBaBaBaB”, already used by entities[0]"));

  /* Without the duplicate: every id is found. */
  g_string_truncate (doc, g_strrstr (doc->str, ", {") - doc->str);
  g_string_append (doc, "]}");
  g_clear_error (&error);
  dataset = weft_dataset_load_data (doc->str, doc->len, "ids.weft", NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      char id[25];
      WeftEntity *entity;

      for (guint b = 0; b < 12; b++)
        memcpy (id + 2 * b, (i >> b) & 1 ? "b!" : "aB", 2);
      id[24] = '\0';
      entity = weft_dataset_lookup_entity (dataset, id);
      g_assert_nonnull (entity);
      g_assert_cmpuint (entity->item.index, ==, i);
    }
}

static void
test_unknown_member_order (void)
{
  /* Found by fuzz-loader: unknown members were copied and written in
   * json-glib's hash order, so saving shuffled them (and saving again
   * shuffled them differently). They keep the file's order now, at every
   * level, and saving is a fixed point. */
  static const char *doc =
    "{\"weft\": 1, \"title\": \"t\", \"zeta\": 1, \"alpha\": 2, \"mid\": 3,\n"
    " \"entities\": [{\"id\": \"e1\", \"name\": \"A\", \"kind\": \"person\",\n"
    "   \"claimfrom\": \"e1\", \"to\": \"e2\", \"type\": \"x\", \"b\": 1, \"a\": 2,\n"
    "   \"nested\": {\"z\": 1, \"y\": 2, \"x\": 3}}]}\n";
  static const char * const order[] = {
    "\"zeta\"", "\"alpha\"", "\"mid\"",
    "\"claimfrom\"", "\"to\"", "\"type\"", "\"b\"", "\"a\"", "\"nested\"", "\"z\"", "\"y\"", "\"x\"",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(WeftDataset) dataset = weft_dataset_load_data (doc, strlen (doc), "t.weft", NULL, &error);
  g_autoptr(WeftDataset) again = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *saved_again = NULL;
  gsize length, length_again;

  g_assert_no_error (error);
  saved = weft_dataset_to_data (dataset, &length);

  /* In each object the unknown members follow the known ones, in the
   * file's order: the root's at the very end (after its arrays), the
   * entity's inside "entities". */
  {
    const char *entities = strstr (saved, "\"entities\"");
    const char *p = saved;

    g_assert_nonnull (entities);
    for (guint i = 0; i < G_N_ELEMENTS (order); i++)
      {
        const char *next;

        if (i == 3)
          p = entities;
        next = strstr (p, order[i]);
        if (next == NULL)
          g_error ("%s missing or out of order in:\n%s", order[i], saved);
        p = next + 1;
      }
  }

  again = weft_dataset_load_data (saved, length, "saved.weft", NULL, &error);
  g_assert_no_error (error);
  saved_again = weft_dataset_to_data (again, &length_again);
  g_assert_cmpstr (saved_again, ==, saved);
}

/* One member table per item type serves the loader and the saver: a
 * document with every member of every kind of item is read, then written
 * back with the members in the table's order, unknown ones after, and
 * reading that again changes nothing. */
static void
test_every_member (void)
{
  static const char *doc =
    "{\"weft\": 1, \"title\": \"Every member\", \"description\": \"d\", \"language\": \"en\", \"x-top\": true,\n"
    " \"sources\": [{\"id\": \"s1\", \"title\": \"T\", \"publisher\": \"P\", \"author\": \"A\", \"date\": \"2021-10\",\n"
    "               \"url\": \"https://example.org/\", \"kind\": \"report\", \"cited_by\": \"s2\", \"x-s\": 1},\n"
    "              {\"id\": \"s2\", \"title\": \"T2\", \"kind\": \"book\"}],\n"
    " \"entities\": [{\"country\": \"CN\", \"id\": \"e1\", \"name\": \"N\", \"kind\": \"company\", \"aliases\": [\"a\", \"b\"],\n"
    "                \"description\": \"D\", \"tags\": [], \"x-e\": [1]},\n"
    "               {\"id\": \"e2\", \"name\": \"M\", \"kind\": \"place\"}],\n"
    " \"events\": [{\"id\": \"v1\", \"title\": \"V\", \"date\": \"2008~\", \"description\": \"D\",\n"
    "              \"participants\": [{\"entity\": \"e1\", \"role\": \"r\", \"x-p\": null}, {\"entity\": \"e2\"}],\n"
    "              \"claims\": [\"c1\"], \"group\": \"g\", \"tags\": [\"t\"], \"x-v\": \"v\"}],\n"
    " \"claims\": [{\"id\": \"c1\", \"text\": \"C\", \"status\": \"alleged\", \"claimant\": \"e2\", \"about\": [\"e1\"],\n"
    "              \"date\": \"2019/..\", \"citations\": [{\"source\": \"s1\", \"quote\": \"Q\", \"locator\": \"p. 3\", \"x-c\": 2}],\n"
    "              \"x-cl\": {}},\n"
    "             {\"id\": \"c2\", \"text\": \"C2\", \"status\": \"opinion\", \"about\": [], \"citations\": []}],\n"
    " \"relations\": [{\"id\": \"r1\", \"from\": \"e1\", \"to\": \"e2\", \"type\": \"owns\", \"label\": \"L\",\n"
    "                 \"date\": \"2017/2021\", \"claims\": [\"c1\"], \"x-r\": 0}],\n"
    " \"eras\": [{\"id\": \"a1\", \"title\": \"E\", \"date\": \"2000/2010\", \"color\": \"#ff0000\", \"x-a\": \"a\"}]}\n";
  /* Every member name of the saved text, in order. */
  static const char *saved_names =
    "weft title description language "
    "sources id title publisher author date url kind cited_by x-s id title kind "
    "entities id name kind aliases description tags country x-e id name kind "
    "events id title date description participants entity role x-p entity claims group tags x-v "
    "claims id text status claimant about date citations source quote locator x-c x-cl id text status about citations "
    "relations id from to type label date claims x-r "
    "eras id title date color x-a "
    "x-top";
  g_autoptr(GError) error = NULL;
  g_autoptr(WeftDataset) dataset = NULL;
  g_autoptr(WeftDataset) again = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *report = diagnose (doc, &dataset, &error);
  g_auto(GStrv) lines = g_strsplit (report, "\n", -1);
  g_autofree char *saved = NULL;
  g_autofree char *saved_again = NULL;
  WeftEvent *event;
  WeftClaim *claim;
  gsize length;

  /* A warning for each of the nine x- members, and nothing else. */
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (lines), ==, 9 + 1);
  for (guint i = 0; i < 9; i++)
    g_assert_nonnull (strstr (lines[i], ": warning: "));

  event = g_ptr_array_index (weft_dataset_get_events (dataset), 0);
  g_assert_cmpuint (event->n_participants, ==, 2);
  g_assert_cmpstr (event->participants[0].role, ==, "r");
  g_assert_null (event->participants[1].role);
  g_assert_true (event->date.start.flags & WEFT_DATE_FLAG_APPROXIMATE);
  claim = g_ptr_array_index (weft_dataset_get_claims (dataset), 0);
  g_assert_cmpint (claim->status, ==, WEFT_STATUS_ALLEGED);
  g_assert_cmpstr (claim->citations[0].locator, ==, "p. 3");
  g_assert_true (claim->date.end.flags & WEFT_DATE_FLAG_OPEN);
  g_assert_cmpint (weft_dataset_lookup_entity (dataset, "e2")->kind, ==, WEFT_ENTITY_PLACE);

  saved = weft_dataset_to_data (dataset, &length);
  for (const char *p = strstr (saved, "\""); p != NULL; p = strstr (p, "\""))
    {
      const char *close = strchr (p + 1, '"');

      g_assert_nonnull (close);
      if (g_str_has_prefix (close, "\" :"))
        g_string_append_printf (names, "%s%.*s", names->len ? " " : "", (int) (close - p - 1), p + 1);
      p = close + 1;
    }
  g_assert_cmpstr (names->str, ==, saved_names);

  again = weft_dataset_load_data (saved, length, "saved.weft", NULL, &error);
  g_assert_no_error (error);
  saved_again = weft_dataset_to_data (again, NULL);
  g_assert_cmpstr (saved_again, ==, saved);
}

/* An item that misses every required member: one message each, in the
 * order of the members. */
static void
test_missing_members (void)
{
  static const char *doc =
    "{\"weft\": 1, \"title\": \"t\", \"sources\": [{}], \"entities\": [{}], \"events\": [{}],\n"
    " \"claims\": [{}], \"relations\": [{}], \"eras\": [{}]}";
  static const char *expected[] = {
    "t.weft:1:39: error: sources[0]: missing “id”",
    "t.weft:1:39: error: sources[0]: missing “title”",
    "t.weft:1:39: error: sources[0]: missing “kind”",
    "t.weft:1:57: error: entities[0]: missing “id”",
    "t.weft:1:57: error: entities[0]: missing “name”",
    "t.weft:1:57: error: entities[0]: missing “kind”",
    "t.weft:1:73: error: events[0]: missing “id”",
    "t.weft:1:73: error: events[0]: missing “title”",
    "t.weft:1:73: error: events[0]: missing “date”",
    "t.weft:1:73: error: events[0]: missing “participants”",
    "t.weft:2:13: error: claims[0]: missing “id”",
    "t.weft:2:13: error: claims[0]: missing “text”",
    "t.weft:2:13: error: claims[0]: missing “status”",
    "t.weft:2:13: error: claims[0]: missing “about”",
    "t.weft:2:13: error: claims[0]: missing “citations”",
    "t.weft:2:32: error: relations[0]: missing “id”",
    "t.weft:2:32: error: relations[0]: missing “from”",
    "t.weft:2:32: error: relations[0]: missing “to”",
    "t.weft:2:32: error: relations[0]: missing “type”",
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *report = diagnose (doc, NULL, &error);
  g_auto(GStrv) lines = g_strsplit (report, "\n", -1);

  g_test_message ("%s", report);
  g_assert_error (error, WEFT_ERROR, WEFT_ERROR_INVALID);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (!g_str_has_prefix (lines[i], expected[i]))
      g_error ("line %u: expected “%s…”, got “%s”", i, expected[i], lines[i]);
}

static void
test_items_limit (void)
{
  /* The example holds 2,509 values: exactly that many is allowed, one less
   * is refused before json-glib parses anything, with an error that says
   * which limit and how to raise it. */
  g_autofree char *path = weft_dup_example_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(WeftDataset) dataset = NULL;

  g_setenv ("WEFT_MAX_ITEMS", "2509", TRUE);
  dataset = weft_dataset_load_path (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  g_clear_object (&dataset);

  g_setenv ("WEFT_MAX_ITEMS", "2508", TRUE);
  dataset = weft_dataset_load_path (path, NULL, &error);
  g_assert_null (dataset);
  g_assert_error (error, WEFT_ERROR, WEFT_ERROR_LIMIT);
  g_assert_nonnull (strstr (error->message, "more than 2508 values"));
  g_assert_nonnull (strstr (error->message, "raise WEFT_MAX_ITEMS"));
  g_unsetenv ("WEFT_MAX_ITEMS");

  /* Depth is a limit too, not a syntax error. */
  g_clear_error (&error);
  {
    g_autoptr(GString) deep = g_string_new ("{\"weft\": 1, \"title\": \"t\", \"x\": ");

    for (guint i = 0; i < 100; i++)
      g_string_append_c (deep, '[');
    for (guint i = 0; i < 100; i++)
      g_string_append_c (deep, ']');
    g_string_append_c (deep, '}');
    dataset = weft_dataset_load_data (deep->str, deep->len, "deep.weft", NULL, &error);
    g_assert_null (dataset);
    g_assert_error (error, WEFT_ERROR, WEFT_ERROR_LIMIT);
    g_assert_nonnull (strstr (error->message, "WEFT_MAX_DEPTH"));
  }
}

/* A number too large for a double is read as an infinity (as json-glib
 * read it), which cannot be written as JSON: saved as the largest double
 * instead, and what is saved loads again as itself. The dataset keeps
 * what it read. */
static void
test_huge_numbers (void)
{
  static const char *doc =
    "{\"weft\": 1, \"title\": \"t\", \"x\": [1, 1e400, {\"y\": -1e400, \"z\": 2}],\n"
    " \"entities\": [{\"id\": \"e\", \"name\": \"n\", \"kind\": \"person\", \"w\": {\"v\": [1e999]}}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(WeftDataset) dataset = weft_dataset_load_data (doc, strlen (doc), "t.weft", NULL, &error);
  g_autoptr(WeftDataset) again = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *saved_again = NULL;
  gsize length;
  JsonArray *x;

  g_assert_no_error (error);
  saved = weft_dataset_to_data (dataset, &length);
  g_assert_null (strstr (saved, "inf"));
  g_assert_nonnull (strstr (saved, "1.7976931348623157e+308"));
  g_assert_nonnull (strstr (saved, "-1.7976931348623157e+308"));

  again = weft_dataset_load_data (saved, length, "saved.weft", NULL, &error);
  g_assert_no_error (error);
  saved_again = weft_dataset_to_data (again, NULL);
  g_assert_cmpstr (saved_again, ==, saved);

  x = json_object_get_array_member (weft_dataset_get_extra (dataset), "x");
  g_assert_true (isinf (json_array_get_double_element (x, 1)));
}

/* A document of @n entities (about 100 bytes each). */
static GString *
make_entities (guint n)
{
  GString *doc = g_string_new ("{\"weft\": 1, \"title\": \"t\", \"entities\": [\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (doc, "%s  {\"id\": \"e%u\", \"name\": \"Entity number %u\", \"kind\": \"company\"}",
                            i ? ",\n" : "", i, i);
  g_string_append (doc, "\n]}\n");
  return doc;
}

typedef struct {
  guint64       last;
  guint64       total;
  guint         calls;
  GCancellable *cancel_at_half;
} Progress;

static void
on_progress (guint64  done,
             guint64  total,
             gpointer data)
{
  Progress *p = data;

  g_assert_cmpuint (done, >=, p->last);
  g_assert_cmpuint (done, <=, total);
  p->last = done;
  p->total = total;
  p->calls++;
  if (p->cancel_at_half != NULL && done >= total / 2)
    g_cancellable_cancel (p->cancel_at_half);
}

/* A large file says how far its load has got, about every 1 %, up to its
 * whole size. */
static void
test_progress (void)
{
  g_autoptr(GString) doc = make_entities (5000);
  g_autoptr(GFile) file = weft_test_write_tmp_file ("progress.weft", doc->str);
  Progress progress = { 0 };
  WeftLoadOptions options = { .progress = on_progress, .progress_data = &progress, .chunk_size = 4096 };
  g_autoptr(GError) error = NULL;
  g_autoptr(WeftDataset) dataset = weft_dataset_load_file_with_options (file, &options, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (weft_dataset_get_entities (dataset)->len, ==, 5000);
  g_assert_cmpuint (progress.total, ==, doc->len);
  g_assert_cmpuint (progress.last, ==, doc->len);
  g_assert_cmpuint (progress.calls, >=, 50);
  g_assert_cmpuint (progress.calls, <=, 110);
}

/* A cancelled load stops soon, says so (G_IO_ERROR_CANCELLED) and
 * reports no problem: cancelled before it starts, and half way. */
static void
test_cancel (void)
{
  g_autoptr(GString) doc = make_entities (5000);
  g_autoptr(GFile) file = weft_test_write_tmp_file ("cancel.weft", doc->str);

  for (guint half = 0; half < 2; half++)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(WeftDiagnostics) diagnostics = weft_diagnostics_new (NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(WeftDataset) dataset = NULL;
      Progress progress = { 0 };
      WeftLoadOptions options = { .cancellable = cancellable, .progress = on_progress,
                                  .progress_data = &progress, .chunk_size = 4096 };

      if (half)
        progress.cancel_at_half = cancellable;
      else
        g_cancellable_cancel (cancellable);
      dataset = weft_dataset_load_file_with_options (file, &options, diagnostics, &error);

      g_assert_null (dataset);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_cmpuint (weft_diagnostics_get_length (diagnostics), ==, 0);
      /* Half way: nothing more was read after the cancel. */
      if (half)
        g_assert_cmpuint (progress.last, <, doc->len * 6 / 10);
    }
}

/* A stream in pieces of one byte reads as the same text in memory: its
 * dataset and its problems, a byte order mark cut off or not. */
static void
test_stream (void)
{
  g_autofree char *bad = replace (good_doc, "\"kind\": \"company\"}", "\"kind\": \"corp\"}");
  g_autofree char *marked = g_strconcat ("\xEF\xBB\xBF", bad, NULL);
  const char *texts[] = { good_doc, bad, marked, "", "\xEF\xBB", "\xEF\xBB\xBF" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    for (gsize chunk = 1; chunk <= 64; chunk *= 8)
      {
        g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (texts[i], strlen (texts[i]), NULL);
        g_autoptr(WeftDiagnostics) from_stream = weft_diagnostics_new ("t.weft");
        g_autoptr(GError) error = NULL;
        g_autoptr(GError) error2 = NULL;
        WeftLoadOptions options = { .chunk_size = chunk };
        g_autoptr(WeftDataset) a = weft_dataset_load_stream (stream, "t.weft", 0, &options, from_stream, &error);
        g_autofree char *expected = diagnose (texts[i], NULL, &error2);
        g_autofree char *got = weft_diagnostics_format_all (from_stream);

        g_assert_cmpstr (got, ==, expected);
        g_assert_true ((a == NULL) == (error2 != NULL));
        if (a != NULL)
          {
            g_autofree char *saved = weft_dataset_to_data (a, NULL);
            g_autoptr(WeftDataset) b = weft_dataset_load_data (texts[i], strlen (texts[i]), "t.weft", NULL, NULL);
            g_autofree char *saved2 = weft_dataset_to_data (b, NULL);

            g_assert_cmpstr (saved, ==, saved2);
          }
      }
}

static void
test_example_loads (void)
{
  g_autofree char *path = weft_dup_example_path ();
  g_autoptr(WeftDiagnostics) diagnostics = weft_diagnostics_new (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(WeftDataset) dataset = weft_dataset_load_path (path, diagnostics, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  g_assert_cmpuint (weft_diagnostics_get_length (diagnostics), ==, 0);
  g_assert_cmpuint (weft_dataset_get_claims (dataset)->len, >=, 40);
  g_assert_cmpuint (weft_dataset_get_events (dataset)->len, >=, 15);
  g_assert_cmpuint (weft_dataset_get_relations (dataset)->len, >=, 30);
  g_assert_nonnull (weft_dataset_lookup_entity (dataset, "ent-ibm"));
  g_assert_nonnull (weft_dataset_lookup_entity (dataset, "ent-huawei"));
}

int
main (int    argc,
      char **argv)
{
  weft_test_init (&argc, &argv);

  g_test_add_func ("/weft/loader/good", test_good_document);
  g_test_add_func ("/weft/loader/errors", test_errors);
  g_test_add_func ("/weft/loader/many-errors", test_many_errors);
  g_test_add_func ("/weft/loader/unknown-members", test_unknown_members);
  g_test_add_func ("/weft/loader/not-an-object", test_not_an_object);
  g_test_add_func ("/weft/loader/bom", test_bom);
  g_test_add_func ("/weft/loader/file-errors", test_file_errors);
  g_test_add_func ("/weft/loader/garbage", test_garbage_never_crashes);
  g_test_add_func ("/weft/loader/example", test_example_loads);
  g_test_add_func ("/weft/loader/escapes", test_escapes);
  g_test_add_func ("/weft/loader/colliding-ids", test_colliding_ids);
  g_test_add_func ("/weft/loader/unknown-member-order", test_unknown_member_order);
  g_test_add_func ("/weft/loader/items-limit", test_items_limit);
  g_test_add_func ("/weft/loader/every-member", test_every_member);
  g_test_add_func ("/weft/loader/missing-members", test_missing_members);
  g_test_add_func ("/weft/loader/huge-numbers", test_huge_numbers);
  g_test_add_func ("/weft/loader/progress", test_progress);
  g_test_add_func ("/weft/loader/cancel", test_cancel);
  g_test_add_func ("/weft/loader/stream", test_stream);

  return weft_test_run ();
}
