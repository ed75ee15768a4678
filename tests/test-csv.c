/* test-csv.c: RFC 4180 reading and writing, the events table, the tables
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-test"

#include "config.h"

#include "weft-csv.h"
#include "weft-error.h"
#include "weft-formats.h"
#include "weft-loader.h"
#include "weft-test.h"

/* Reads every record of @text; fields joined by "|", records by "\n",
 * errors as "!LINE:COLUMN". */
static char *
read_all (const char *text)
{
  WeftCsvReader reader;
  GString *out = g_string_new (NULL);
  guint line, column;

  weft_csv_reader_init (&reader, text, strlen (text));
  for (;;)
    {
      g_autoptr(GError) error = NULL;

      if (!weft_csv_reader_next (&reader, &line, &column, &error))
        break;
      if (error != NULL)
        {
          g_string_append_printf (out, "!%u:%u\n", line, column);
          continue;
        }
      for (guint i = 0; i < reader.fields->len; i++)
        {
          if (i > 0)
            g_string_append_c (out, '|');
          g_string_append (out, g_array_index (reader.fields, WeftCsvField, i).text);
        }
      g_string_append_c (out, '\n');
    }
  weft_csv_reader_clear (&reader);
  return g_string_free (out, FALSE);
}

static void
test_reader (void)
{
  static const struct {
    const char *csv;
    const char *records;
  } cases[] = {
    { "a,b,c\r\n1,2,3\r\n", "a|b|c\n1|2|3\n" },
    { "a,b\n1,2", "a|b\n1|2\n" },
    { "\"with, comma\",\"with \"\"quotes\"\"\",\"two\r\nlines\"\n", "with, comma|with \"quotes\"|two\r\nlines\n" },
    { ",,\n", "||\n" },
    { "\"\"\n", "\n" },
    { "\xEF\xBB\xBFx,y\n", "x|y\n" },
    { "é,ü\n", "é|ü\n" },
    { "a\"b,c\n", "a\"b|c\n" },
    /* Text after a closing quote: that record is reported, the next read. */
    { "\"ab\"x,c\nd,e\n", "!1:5\nd|e\n" },
    { "ok\n\"never closed\n,x\n", "ok\n!2:1\n" },
    { "é,\"x\"é\n", "!1:6\n" },
    { "1,\"multi\nline\",\"bad\"!\n2\n", "!2:12\n2\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *records = read_all (cases[i].csv);
      g_assert_cmpstr (records, ==, cases[i].records);
    }

  /* Fields know where they start. */
  {
    WeftCsvReader reader;
    const char *text = "a,b\n\"x\ny\",é,z\n";
    guint line, column;
    WeftCsvField *f;

    weft_csv_reader_init (&reader, text, strlen (text));
    g_assert_true (weft_csv_reader_next (&reader, &line, &column, NULL));
    g_assert_true (weft_csv_reader_next (&reader, &line, &column, NULL));
    f = (WeftCsvField *) reader.fields->data;
    g_assert_cmpuint (f[0].line, ==, 2);
    g_assert_cmpuint (f[0].column, ==, 1);
    g_assert_cmpuint (f[1].line, ==, 3);
    g_assert_cmpuint (f[1].column, ==, 4);
    g_assert_cmpuint (f[2].column, ==, 6);
    weft_csv_reader_clear (&reader);
  }
}

static void
test_writer (void)
{
  static const char * const fields[] = {
    "plain", "with, comma", "with \"quotes\"", "two\nlines", "cr\rlf", " padded ", "", "é",
  };
  g_autoptr(GString) out = g_string_new (NULL);
  WeftCsvReader reader;
  guint line, column;

  weft_csv_append_record (out, fields, G_N_ELEMENTS (fields));
  g_assert_cmpstr (out->str, ==,
                   "plain,\"with, comma\",\"with \"\"quotes\"\"\",\"two\nlines\",\"cr\rlf\",\" padded \",,é\r\n");

  /* And it reads back the same. */
  weft_csv_reader_init (&reader, out->str, out->len);
  g_assert_true (weft_csv_reader_next (&reader, &line, &column, NULL));
  g_assert_cmpuint (reader.fields->len, ==, G_N_ELEMENTS (fields));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_assert_cmpstr (g_array_index (reader.fields, WeftCsvField, i).text, ==, fields[i]);
  weft_csv_reader_clear (&reader);
}

static void
test_import_events (void)
{
  static const char *csv =
    "Title,Date,Description,Participants,Group,Source page\r\n"
    "Coined,2008,\"IBM coins \"\"smart city\"\"\",IBM,Origins,p. 1\r\n"
    "Sanctions,2019-10,\"Several\nlines, with commas\",Huawei; Hikvision ; ibm,Sanctions,\r\n"
    "Bad date,2019-13,,,,\r\n"
    "Also bad, 20x9 ,,,,\r\n"
    "Untitled date,2020~,,,,\r\n";
  g_autoptr(WeftDiagnostics) diagnostics = weft_diagnostics_new ("events.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(WeftDataset) dataset = weft_test_import_text ("events.csv", csv, diagnostics, &error);
  g_autofree char *all = NULL;
  GPtrArray *events, *entities;
  WeftEvent *e;

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  all = weft_diagnostics_format_all (diagnostics);
  g_test_message ("%s", all);

  events = weft_dataset_get_events (dataset);
  entities = weft_dataset_get_entities (dataset);
  g_assert_cmpuint (events->len, ==, 3);
  /* Names are matched without regard to case: IBM once. */
  g_assert_cmpuint (entities->len, ==, 3);

  e = g_ptr_array_index (events, 0);
  g_assert_cmpstr (e->title, ==, "Coined");
  g_assert_cmpstr (e->date_text, ==, "2008");
  g_assert_cmpstr (e->description, ==, "IBM coins \"smart city\"");
  g_assert_cmpstr (e->group, ==, "Origins");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (e->item.extra, "csv"), "Source page"),
                   ==, "p. 1");

  e = g_ptr_array_index (events, 1);
  g_assert_cmpstr (e->description, ==, "Several\nlines, with commas");
  g_assert_cmpuint (e->n_participants, ==, 3);
  g_assert_cmpstr (weft_dataset_lookup_entity (dataset, e->participants[1].entity)->name, ==, "Hikvision");
  g_assert_cmpstr (e->participants[2].entity, ==, ((WeftEvent *) g_ptr_array_index (events, 0))->participants[0].entity);

  /* The bad dates, at the character that is wrong (a quoted field spans
   * two lines above). */
  g_assert_nonnull (strstr (all, "events.csv:5:15: error: date: "));
  g_assert_nonnull (strstr (all, "events.csv:6:13: error: date: "));
  g_assert_cmpuint (weft_diagnostics_get_n_errors (diagnostics), ==, 2);
}

static void
test_import_errors (void)
{
  g_autoptr(WeftDiagnostics) diagnostics = weft_diagnostics_new ("x.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(WeftDataset) none = weft_test_import_text ("nodate.csv", "title,when\nA,2000\n", diagnostics, &error);

  /* A .csv without the columns says which is missing, and where. */
  g_assert_null (none);
  g_assert_error (error, WEFT_ERROR, WEFT_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "nodate.csv:1:1: no “date” column"));
  g_clear_error (&error);

  {
    g_autoptr(WeftDataset) latin1 = weft_test_import_text ("latin1.csv", "date,title\n2000,Caf\xe9\n", diagnostics, &error);

    g_assert_null (latin1);
    g_assert_error (error, WEFT_ERROR, WEFT_ERROR_SYNTAX);
    g_assert_nonnull (strstr (error->message, ":2:9:"));
  }
}

/* ---- The tables ----------------------------------------------------------- */

static GPtrArray *
read_table (const char *path)
{
  g_autofree char *text = NULL;
  gsize length;
  WeftCsvReader reader;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint line, column;

  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  /* UTF-8 without a byte order mark, records ended by CRLF. */
  g_assert_false (length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0);
  g_assert_true (g_utf8_validate (text, length, NULL));
  g_assert_true (length == 0 || g_str_has_suffix (text, "\r\n"));

  weft_csv_reader_init (&reader, text, length);
  for (;;)
    {
      g_autoptr(GError) error = NULL;
      GStrv row;

      if (!weft_csv_reader_next (&reader, &line, &column, &error))
        break;
      g_assert_no_error (error);
      row = g_new0 (char *, reader.fields->len + 1);
      for (guint i = 0; i < reader.fields->len; i++)
        row[i] = g_strdup (g_array_index (reader.fields, WeftCsvField, i).text);
      g_ptr_array_add (rows, row);
    }
  weft_csv_reader_clear (&reader);
  return rows;
}

static void
test_export_tables (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WeftDataset) dataset = weft_test_load_example ();
  g_autofree char *folder = weft_test_build_tmp_path ("tables");
  g_autoptr(GFile) out = g_file_new_for_path (folder);
  static const struct {
    const char *table;
    guint       columns;
  } tables[] = {
    { "entities", 7 }, { "events", 10 }, { "claims", 7 }, { "citations", 4 },
    { "sources", 8 }, { "relations", 9 }, { "eras", 4 },
  };
  guint n_citations = 0;

  g_assert_no_error (error);
  g_assert_true (weft_export_file (dataset, out, WEFT_FORMAT_CSV, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < weft_dataset_get_claims (dataset)->len; i++)
    n_citations += ((WeftClaim *) g_ptr_array_index (weft_dataset_get_claims (dataset), i))->n_citations;

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *name = g_strdup_printf ("%s.csv", tables[t].table);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autoptr(GPtrArray) rows = read_table (path);
      guint expected;

      if (g_str_equal (tables[t].table, "entities"))
        expected = weft_dataset_get_entities (dataset)->len;
      else if (g_str_equal (tables[t].table, "events"))
        expected = weft_dataset_get_events (dataset)->len;
      else if (g_str_equal (tables[t].table, "claims"))
        expected = weft_dataset_get_claims (dataset)->len;
      else if (g_str_equal (tables[t].table, "citations"))
        expected = n_citations;
      else if (g_str_equal (tables[t].table, "sources"))
        expected = weft_dataset_get_sources (dataset)->len;
      else if (g_str_equal (tables[t].table, "relations"))
        expected = weft_dataset_get_relations (dataset)->len;
      else
        expected = weft_dataset_get_eras (dataset)->len;

      g_assert_cmpuint (rows->len, ==, expected + 1);
      for (guint r = 0; r < rows->len; r++)
        g_assert_cmpuint (g_strv_length (g_ptr_array_index (rows, r)), ==, tables[t].columns);
    }

  /* The claims read back with their quotes intact. */
  {
    g_autofree char *path = g_build_filename (folder, "claims.csv", NULL);
    g_autoptr(GPtrArray) rows = read_table (path);

    for (guint i = 0; i < weft_dataset_get_claims (dataset)->len; i++)
      {
        WeftClaim *c = g_ptr_array_index (weft_dataset_get_claims (dataset), i);
        GStrv row = g_ptr_array_index (rows, i + 1);

        g_assert_cmpstr (row[0], ==, c->item.id);
        g_assert_cmpstr (row[1], ==, c->text);
      }
  }

  /* events.csv is an events table: it imports back. */
  {
    g_autofree char *path = g_build_filename (folder, "events.csv", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(WeftDataset) back = weft_import_file (file, WEFT_FORMAT_AUTO, NULL, NULL, &error);
    GPtrArray *a = weft_dataset_get_events (dataset);
    GPtrArray *b;

    g_assert_no_error (error);
    b = weft_dataset_get_events (back);
    g_assert_cmpuint (a->len, ==, b->len);
    for (guint i = 0; i < a->len; i++)
      {
        WeftEvent *x = g_ptr_array_index (a, i);
        WeftEvent *y = g_ptr_array_index (b, i);

        g_assert_cmpstr (x->item.id, ==, y->item.id);
        g_assert_cmpstr (x->title, ==, y->title);
        g_assert_cmpstr (x->date_text, ==, y->date_text);
        g_assert_cmpstr (x->description, ==, y->description);
        g_assert_cmpstr (x->group, ==, y->group);
        g_assert_cmpuint (x->n_participants, ==, y->n_participants);
        for (guint j = 0; j < x->n_participants; j++)
          {
            g_assert_cmpstr (x->participants[j].entity, ==, y->participants[j].entity);
            g_assert_cmpstr (x->participants[j].role, ==, y->participants[j].role);
          }
      }
  }
}

/* OUT.csv writes the tables beside it, with its name as prefix. */
static void
test_export_prefix (void)
{
  static const char *doc =
    "{\"weft\": 1, \"title\": \"t\", \"entities\": [{\"id\": \"e\", \"name\": \"Comma, \\\"Quote\\\"\\nNewline\", \"kind\": \"other\"}]}";
  g_autoptr(WeftDataset) dataset = weft_dataset_load_data (doc, strlen (doc), "t.weft", NULL, NULL);
  g_autofree char *path = weft_test_build_tmp_path ("out.csv");
  g_autofree char *entities = weft_test_build_tmp_path ("out-entities.csv");
  g_autoptr(GFile) out = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (weft_export_file (dataset, out, WEFT_FORMAT_AUTO, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (entities, &text, NULL, NULL));
  g_assert_cmpstr (text, ==,
                   "id,name,kind,aliases,description,tags,country\r\n"
                   "e,\"Comma, \"\"Quote\"\"\nNewline\",other,,,,\r\n");
}

int
main (int    argc,
      char **argv)
{
  weft_test_init (&argc, &argv);

  g_test_add_func ("/weft/csv/reader", test_reader);
  g_test_add_func ("/weft/csv/writer", test_writer);
  g_test_add_func ("/weft/csv/import-events", test_import_events);
  g_test_add_func ("/weft/csv/import-errors", test_import_errors);
  g_test_add_func ("/weft/csv/export-tables", test_export_tables);
  g_test_add_func ("/weft/csv/export-prefix", test_export_prefix);

  return weft_test_run ();
}
