/* test-formats.c: the format registry and recognising inputs
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-test"

#include "config.h"

#include <glib/gstdio.h>

#include "weft-error.h"
#include "weft-formats.h"
#include "weft-loader.h"
#include "weft-test.h"

static void
test_registry (void)
{
  const WeftFormatInfo * const *list;
  guint n;
  g_autofree char *readable = weft_format_names (WEFT_FORMAT_CAN_IMPORT);
  g_autofree char *writable = weft_format_names (WEFT_FORMAT_CAN_EXPORT);
  static const char * const names[] = { "weft", "timelinejs", "timelinejs-csv", "ftm", "csv", "graphml", "gexf", "dot" };

  list = weft_formats_list (&n);
  g_assert_cmpuint (n, ==, WEFT_N_FORMATS - 1);
  for (guint i = 0; i < n; i++)
    {
      WeftFormat format;

      /* Every format has a name that maps back, a label and an extension. */
      g_assert_true (weft_format_from_name (list[i]->name, &format));
      g_assert_cmpint (format, ==, list[i]->format);
      g_assert_true (weft_format_get_info (format) == list[i]);
      g_assert_true (strlen (weft_format_info_get_label (list[i])) > 0);
      g_assert_nonnull (list[i]->extension);
      g_assert_true (g_strv_contains (list[i]->extensions, list[i]->extension));
      g_assert_true (list[i]->flags & WEFT_FORMAT_CAN_EXPORT);
    }

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      WeftFormat format;

      g_assert_true (weft_format_from_name (names[i], &format));
      g_assert_nonnull (strstr (writable, names[i]));
    }
  g_assert_false (weft_format_from_name ("xml", NULL));
  g_assert_null (strstr (readable, "graphml"));
  g_assert_nonnull (strstr (readable, "timelinejs-csv"));
}

static void
test_export_names (void)
{
  static const struct {
    const char *name;
    WeftFormat  format;
  } cases[] = {
    { "a.weft", WEFT_FORMAT_WEFT }, { "dir/a.json", WEFT_FORMAT_TIMELINEJS }, { "a.ftm", WEFT_FORMAT_FTM },
    { "a.jsonl", WEFT_FORMAT_FTM }, { "a.csv", WEFT_FORMAT_CSV }, { "a.GraphML", WEFT_FORMAT_GRAPHML },
    { "a.gexf", WEFT_FORMAT_GEXF }, { "a.gv", WEFT_FORMAT_DOT }, { "a.dot", WEFT_FORMAT_DOT },
    { "a.txt", WEFT_FORMAT_AUTO }, { "noextension", WEFT_FORMAT_AUTO }, { ".hidden", WEFT_FORMAT_AUTO },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (weft_format_for_export_name (cases[i].name), ==, cases[i].format);
}

static void
test_detect (void)
{
  static const struct {
    const char *data;
    const char *name;
    WeftFormat  format;
  } cases[] = {
    /* The content decides, whatever the name says. */
    { "{\"weft\": 1, \"title\": \"x\"}", "a.json", WEFT_FORMAT_WEFT },
    { "\xEF\xBB\xBF  {\n \"weft\" : 1}", NULL, WEFT_FORMAT_WEFT },
    { "{\"title\": {\"text\": {}}, \"events\": []}", "a.weft", WEFT_FORMAT_TIMELINEJS },
    { "{\"timeline\": {\"headline\": \"x\", \"date\": []}}", NULL, WEFT_FORMAT_TIMELINEJS },
    { "{\"events\": [], \"weft\": {\"weft\": 1}}", NULL, WEFT_FORMAT_TIMELINEJS },
    { "{\"id\": \"x\", \"schema\": \"Person\", \"properties\": {}}\n{\"id\": \"y\"", "a.txt", WEFT_FORMAT_FTM },
    { "[{\"schema\": \"Person\", \"id\": \"x\"}]", NULL, WEFT_FORMAT_FTM },
    { "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text\n", "a.csv", WEFT_FORMAT_TIMELINEJS_CSV },
    { "\"Title\",Date,Participants\r\nA,2000,B\r\n", NULL, WEFT_FORMAT_CSV },
    { "<?xml version=\"1.0\"?>\n<graphml xmlns=\"x\">", NULL, WEFT_FORMAT_GRAPHML },
    { "<?xml version=\"1.0\"?><gexf>", NULL, WEFT_FORMAT_GEXF },
    { "digraph { a -> b }", NULL, WEFT_FORMAT_DOT },
    /* When the content cannot tell, the extension helps. */
    { "{\"something\": 1}", "a.weft", WEFT_FORMAT_WEFT },
    { "{\"something\": 1}", NULL, WEFT_FORMAT_AUTO },
    { "hello", "notes.txt", WEFT_FORMAT_AUTO },
    { "", "empty.ftm", WEFT_FORMAT_FTM },
    /* A cut-off first line still works. */
    { "{\"id\": \"x\", \"schema\": \"Company\", \"properties\": {\"name\": [\"unfinis", NULL, WEFT_FORMAT_FTM },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      WeftFormat format = weft_format_detect (cases[i].data, strlen (cases[i].data), cases[i].name);

      if (format != cases[i].format)
        g_error ("case %u (%s): got %d, expected %d", i, cases[i].data, format, cases[i].format);
    }
}

static void
test_import_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) graphml = weft_test_write_tmp_file ("g.graphml", "<?xml version=\"1.0\"?><graphml/>");
  g_autoptr(GFile) unknown = weft_test_write_tmp_file ("u.txt", "just some words");
  g_autoptr(GFile) timeline = weft_test_write_tmp_file ("t.json", "{\"events\": []}");
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/weft/x.ftm");
  WeftImportOptions focus = { .focus = "x", .hops = 1 };
  WeftDataset *dataset;

  dataset = weft_import_file (graphml, WEFT_FORMAT_AUTO, NULL, NULL, &error);
  g_assert_null (dataset);
  g_assert_error (error, WEFT_ERROR, WEFT_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "writes but does not read"));
  g_clear_error (&error);

  dataset = weft_import_file (unknown, WEFT_FORMAT_AUTO, NULL, NULL, &error);
  g_assert_null (dataset);
  g_assert_error (error, WEFT_ERROR, WEFT_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "--from"));
  g_clear_error (&error);

  dataset = weft_import_file (timeline, WEFT_FORMAT_AUTO, &focus, NULL, &error);
  g_assert_null (dataset);
  g_assert_error (error, WEFT_ERROR, WEFT_ERROR_FORMAT);
  g_clear_error (&error);

  dataset = weft_import_file (missing, WEFT_FORMAT_AUTO, NULL, NULL, &error);
  g_assert_null (dataset);
  g_assert_error (error, WEFT_ERROR, WEFT_ERROR_IO);
  g_clear_error (&error);

  /* A .weft file goes through the .weft loader, errors and all. */
  {
    g_autoptr(GFile) bad = weft_test_write_tmp_file ("bad.weft", "{\"weft\": 1, \"title\": \"x\", \"entities\": [{\"id\": 3}]}");
    g_autoptr(WeftDiagnostics) diagnostics = weft_diagnostics_new (NULL);

    dataset = weft_import_file (bad, WEFT_FORMAT_AUTO, NULL, diagnostics, &error);
    g_assert_null (dataset);
    g_assert_error (error, WEFT_ERROR, WEFT_ERROR_INVALID);
    g_assert_cmpuint (weft_diagnostics_get (diagnostics, 0)->line, ==, 1);
  }
}

static void
test_export_errors (void)
{
  static const char *doc = "{\"weft\": 1, \"title\": \"x\"}";
  g_autoptr(WeftDataset) dataset = weft_dataset_load_data (doc, strlen (doc), "x.weft", NULL, NULL);
  g_autofree char *old_path = weft_test_build_tmp_path ("keep.gexf");
  g_autoptr(GFile) unknown = g_file_new_for_path ("/tmp/whatever.xyz");
  g_autoptr(GFile) unwritable = g_file_new_for_path ("/nonexistent/dir/out.ftm");
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_false (weft_export_file (dataset, unknown, WEFT_FORMAT_AUTO, &error));
  g_assert_error (error, WEFT_ERROR, WEFT_ERROR_FORMAT);
  g_clear_error (&error);

  g_assert_false (weft_export_file (dataset, unwritable, WEFT_FORMAT_AUTO, &error));
  g_assert_error (error, WEFT_ERROR, WEFT_ERROR_IO);
  g_clear_error (&error);

  g_assert_false (weft_export_stream (dataset, memory, WEFT_FORMAT_CSV, &error));
  g_assert_error (error, WEFT_ERROR, WEFT_ERROR_FORMAT);
  g_clear_error (&error);

  /* A stream gets the same text as a file. */
  g_assert_true (weft_export_stream (dataset, memory, WEFT_FORMAT_DOT, &error));
  g_assert_no_error (error);
  g_output_stream_close (memory, NULL, NULL);
  g_assert_true (g_str_has_prefix (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (memory)), "digraph \"x\""));

  /* Writing replaces a file whole. */
  g_assert_true (g_file_set_contents (old_path, "old", -1, NULL));
  {
    g_autoptr(GFile) file = g_file_new_for_path (old_path);
    g_autofree char *text = NULL;

    g_assert_true (weft_export_file (dataset, file, WEFT_FORMAT_AUTO, &error));
    g_assert_true (g_file_get_contents (old_path, &text, NULL, NULL));
    g_assert_true (g_str_has_prefix (text, "<?xml"));
  }
}

int
main (int    argc,
      char **argv)
{
  weft_test_init (&argc, &argv);

  g_test_add_func ("/weft/formats/registry", test_registry);
  g_test_add_func ("/weft/formats/export-names", test_export_names);
  g_test_add_func ("/weft/formats/detect", test_detect);
  g_test_add_func ("/weft/formats/import-errors", test_import_errors);
  g_test_add_func ("/weft/formats/export-errors", test_export_errors);

  return weft_test_run ();
}
