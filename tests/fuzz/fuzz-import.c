/* fuzz-import.c: every importer (TimelineJS JSON and CSV, FollowTheMoney,
 * events CSV, and recognising which), then every exporter on what they read
 *
 * Properties: no diagnostic carries a control character; an import gives a
 * dataset or an error, never both; a dataset that was imported saves as
 * .weft text that loads again without errors; every single-file export
 * succeeds, and the XML ones (GraphML, GEXF) are well-formed, the JSON one
 * (TimelineJS) is valid JSON.
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-fuzz"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "weft-error.h"
#include "weft-formats.h"
#include "weft-json-locate.h"
#include "weft-loader.h"
#include "weft-saver.h"
#include "fuzz-common.h"

/* weft_import_file() reads a GFile: one file, rewritten for each input. */
static char *input_path;

static void
make_input_path (void)
{
  const char *dir = g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) ? "/dev/shm" : g_get_tmp_dir ();

  input_path = g_strdup_printf ("%s/weft-fuzz-import-%d", dir, (int) getpid ());
}

WEFT_FUZZ_INITIALIZE (make_input_path ())

static void
check_diagnostics (WeftDiagnostics *diagnostics)
{
  g_autofree char *report = weft_diagnostics_format_all (diagnostics);

  weft_fuzz_assert (g_utf8_validate (report, -1, NULL));
  for (const char *p = report; *p != '\0'; p++)
    weft_fuzz_assert ((guchar) *p >= 0x20 || *p == '\n');
}

static void
check_exports (WeftDataset *dataset)
{
  guint n_formats;
  const WeftFormatInfo * const *formats = weft_formats_list (&n_formats);

  for (guint i = 0; i < n_formats; i++)
    {
      g_autoptr(GOutputStream) stream = NULL;
      g_autoptr(GError) error = NULL;
      gsize length;
      const char *data;

      if (!(formats[i]->flags & WEFT_FORMAT_CAN_EXPORT) || formats[i]->format == WEFT_FORMAT_CSV)
        continue;

      stream = g_memory_output_stream_new_resizable ();
      if (!weft_export_stream (dataset, stream, formats[i]->format, &error))
        g_error ("export to %s failed: %s", formats[i]->name, error->message);
      g_output_stream_close (stream, NULL, NULL);
      data = g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream));
      length = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream));

      if (formats[i]->format == WEFT_FORMAT_GRAPHML || formats[i]->format == WEFT_FORMAT_GEXF)
        {
          static const GMarkupParser parser = { 0 };
          g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, NULL, NULL);

          if (!g_markup_parse_context_parse (context, data, (gssize) length, &error) ||
              !g_markup_parse_context_end_parse (context, &error))
            g_error ("%s export is not well-formed XML: %s", formats[i]->name, error->message);
        }
      else if (formats[i]->format == WEFT_FORMAT_TIMELINEJS)
        {
          WeftJsonLimits limits = { .max_depth = 64, .max_string_length = G_MAXSIZE };
          WeftJsonProblem problem = { 0 };

          if (!weft_json_check (data, length, &limits, &problem))
            g_error ("%s export is not valid JSON: %s", formats[i]->name, problem.message);
        }
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  /* Mostly what the window does (recognise the format), sometimes a format
   * named with --from, chosen by the last byte so that an input always
   * goes the same way. */
  static const WeftFormat formats[] = {
    WEFT_FORMAT_AUTO, WEFT_FORMAT_AUTO, WEFT_FORMAT_AUTO, WEFT_FORMAT_AUTO,
    WEFT_FORMAT_TIMELINEJS, WEFT_FORMAT_TIMELINEJS_CSV, WEFT_FORMAT_FTM, WEFT_FORMAT_CSV,
  };
  WeftFormat format = size > 0 ? formats[data[size - 1] % G_N_ELEMENTS (formats)] : WEFT_FORMAT_AUTO;
  g_autoptr(WeftDiagnostics) diagnostics = weft_diagnostics_new ("fuzz");
  g_autoptr(GFile) file = g_file_new_for_path (input_path);
  g_autoptr(WeftDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  FILE *out = fopen (input_path, "wb");

  weft_fuzz_assert (out != NULL);
  weft_fuzz_assert (fwrite (data, 1, size, out) == size);
  fclose (out);

  dataset = weft_import_file (file, format, NULL, diagnostics, &error);
  check_diagnostics (diagnostics);
  weft_fuzz_assert ((dataset == NULL) != (error == NULL));
  if (dataset == NULL)
    {
      weft_fuzz_assert (error->domain == WEFT_ERROR);
      return 0;
    }

  /* What an importer builds is a valid .weft dataset. */
  {
    g_autoptr(WeftDiagnostics) again = weft_diagnostics_new ("saved.weft");
    g_autoptr(WeftDataset) reloaded = NULL;
    g_autofree char *saved = NULL;
    gsize length;

    saved = weft_dataset_to_data (dataset, &length);
    reloaded = weft_dataset_load_data (saved, length, "saved.weft", again, &error);
    if (reloaded == NULL)
      {
        g_autofree char *problems = weft_diagnostics_format_all (again);

        g_error ("an imported dataset was saved as text that does not load: %s\n%s", error->message, problems);
      }
  }

  check_exports (dataset);
  return 0;
}
