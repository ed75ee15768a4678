/* weft-formats.c: the format registry, recognition, and the import and
 * export entry points
 *
 * The top of the formats library: the only file that knows every
 * importer and exporter and calls them. They never call back here;
 * what they share lies below them (weft-import-context.c,
 * weft-interchange-util.c, weft-csv.c, weft-record-reader.c…).
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "weft-csv.h"
#include "weft-error.h"
#include "weft-import-context.h"
#include "weft-interchange-private.h"
#include "weft-file.h"
#include "weft-formats.h"
#include "weft-loader.h"
#include "weft-saver.h"

/* How much of a file is read to recognise it. */
#define SNIFF_SIZE (64 * 1024)

static const char * const weft_ext[] = { "weft", NULL };
static const char * const timelinejs_ext[] = { "json", NULL };
static const char * const timelinejs_csv_ext[] = { "csv", NULL };
static const char * const ftm_ext[] = { "ftm", "ijson", "jsonl", "ndjson", NULL };
static const char * const csv_ext[] = { "csv", NULL };
static const char * const graphml_ext[] = { "graphml", NULL };
static const char * const gexf_ext[] = { "gexf", NULL };
static const char * const dot_ext[] = { "gv", "dot", NULL };

#define BOTH (WEFT_FORMAT_CAN_IMPORT | WEFT_FORMAT_CAN_EXPORT)

static const WeftFormatInfo formats[] = {
  { WEFT_FORMAT_WEFT, "weft", N_("Weft dataset"), "weft", weft_ext, "application/x-weft", BOTH },
  { WEFT_FORMAT_TIMELINEJS, "timelinejs", N_("TimelineJS (JSON)"), "json", timelinejs_ext, "application/json", BOTH },
  { WEFT_FORMAT_TIMELINEJS_CSV, "timelinejs-csv", N_("TimelineJS spreadsheet (CSV)"), "csv", timelinejs_csv_ext, "text/csv", BOTH },
  { WEFT_FORMAT_FTM, "ftm", N_("FollowTheMoney (JSON lines)"), "ftm", ftm_ext, "application/x-ndjson", BOTH },
  { WEFT_FORMAT_CSV, "csv", N_("CSV tables"), "csv", csv_ext, "text/csv", BOTH },
  { WEFT_FORMAT_GRAPHML, "graphml", N_("GraphML graph"), "graphml", graphml_ext, "application/graphml+xml", WEFT_FORMAT_CAN_EXPORT },
  { WEFT_FORMAT_GEXF, "gexf", N_("GEXF graph for Gephi"), "gexf", gexf_ext, "application/gexf+xml", WEFT_FORMAT_CAN_EXPORT },
  { WEFT_FORMAT_DOT, "dot", N_("Graphviz DOT graph"), "gv", dot_ext, "text/vnd.graphviz", WEFT_FORMAT_CAN_EXPORT },
};

G_STATIC_ASSERT (G_N_ELEMENTS (formats) == WEFT_N_FORMATS - 1);

const WeftFormatInfo *
weft_format_get_info (WeftFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i].format == format)
      return &formats[i];
  return NULL;
}

const WeftFormatInfo * const *
weft_formats_list (guint *n_formats)
{
  static const WeftFormatInfo *list[G_N_ELEMENTS (formats) + 1];

  if (list[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
      list[i] = &formats[i];

  if (n_formats != NULL)
    *n_formats = G_N_ELEMENTS (formats);
  return list;
}

const char *
weft_format_info_get_label (const WeftFormatInfo *info)
{
  return g_dgettext (GETTEXT_PACKAGE, info->label);
}

gboolean
weft_format_from_name (const char *name,
                       WeftFormat *format)
{
  if (name == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (formats[i].name, name) == 0)
      {
        *format = formats[i].format;
        return TRUE;
      }

  if (g_ascii_strcasecmp (name, "auto") == 0)
    {
      *format = WEFT_FORMAT_AUTO;
      return TRUE;
    }

  return FALSE;
}

char *
weft_format_names (WeftFormatFlags flags)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if ((formats[i].flags & flags) == flags)
      {
        if (names->len > 0)
          g_string_append (names, ", ");
        g_string_append (names, formats[i].name);
      }

  return g_string_free (names, FALSE);
}

static const char *
extension_of (const char *filename)
{
  const char *base, *dot;

  if (filename == NULL)
    return NULL;
  base = strrchr (filename, '/');
  base = base ? base + 1 : filename;
  dot = strrchr (base, '.');
  return dot && dot != base ? dot + 1 : NULL;
}

static WeftFormat
format_for_extension (const char *filename,
                      gboolean    for_import)
{
  const char *ext = extension_of (filename);

  if (ext == NULL)
    return WEFT_FORMAT_AUTO;

  /* .csv means the events table on import, the tables on export: the
   * TimelineJS template is recognised by its header. */
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      if (formats[i].format == WEFT_FORMAT_TIMELINEJS_CSV)
        continue;
      if (for_import && !(formats[i].flags & WEFT_FORMAT_CAN_IMPORT))
        continue;
      for (guint j = 0; formats[i].extensions[j] != NULL; j++)
        if (g_ascii_strcasecmp (formats[i].extensions[j], ext) == 0)
          return formats[i].format;
    }

  return WEFT_FORMAT_AUTO;
}

WeftFormat
weft_format_for_export_name (const char *filename)
{
  return format_for_extension (filename, FALSE);
}

/* ---- Recognition ---------------------------------------------------------- */

/* Collects the member names of the first object in @p (up to @end), at
 * the top level of that object, each followed by the first character of
 * its value ("weft:1", "events:["). Stops at its end or where the data
 * ends. */
static void
collect_keys (const char *p,
              const char *end,
              GPtrArray  *keys)
{
  int depth = 0;

  for (; p < end; p++)
    {
      if (*p == '"')
        {
          const char *start = ++p;

          while (p < end && *p != '"')
            {
              if (*p == '\\')
                p++;
              p++;
            }
          if (p >= end)
            return;

          if (depth == 1)
            {
              const char *q = p + 1;

              while (q < end && g_ascii_isspace (*q))
                q++;
              if (q < end && *q == ':')
                {
                  q++;
                  while (q < end && g_ascii_isspace (*q))
                    q++;
                  g_ptr_array_add (keys, g_strdup_printf ("%.*s:%c", (int) (p - start), start, q < end ? *q : ' '));
                }
            }
          continue;
        }

      if (*p == '{' || *p == '[')
        depth++;
      else if (*p == '}' || *p == ']')
        {
          if (--depth <= 0)
            return;
        }
    }
}

/* Whether @keys has @key; with @value_start, whether its value starts
 * with one of those characters. */
static gboolean
has_key (GPtrArray  *keys,
         const char *key,
         const char *value_start)
{
  gsize n = strlen (key);

  for (guint i = 0; i < keys->len; i++)
    {
      const char *k = g_ptr_array_index (keys, i);

      if (strncmp (k, key, n) == 0 && k[n] == ':' &&
          (value_start == NULL || strchr (value_start, k[n + 1]) != NULL))
        return TRUE;
    }
  return FALSE;
}

static WeftFormat
detect_csv (const char *data,
            gsize       length)
{
  WeftCsvReader reader;
  g_autoptr(GError) error = NULL;
  gboolean headline = FALSE, year = FALSE, date = FALSE, title = FALSE;
  guint line, column;
  gsize n = length;

  /* Only the header line matters; cut the sample at the last line break
   * so a half line does not look like a broken quote. */
  while (n > 0 && data[n - 1] != '\n')
    n--;
  if (n == 0)
    n = length;

  weft_csv_reader_init (&reader, data, n);
  if (weft_csv_reader_next (&reader, &line, &column, &error) && error == NULL)
    for (guint i = 0; i < reader.fields->len; i++)
      {
        g_autofree char *name = g_strstrip (g_ascii_strdown (g_array_index (reader.fields, WeftCsvField, i).text, -1));

        headline |= g_str_equal (name, "headline");
        year |= g_str_equal (name, "year");
        date |= g_str_equal (name, "date");
        title |= g_str_equal (name, "title");
      }
  weft_csv_reader_clear (&reader);

  if (headline && year)
    return WEFT_FORMAT_TIMELINEJS_CSV;
  if (date && title)
    return WEFT_FORMAT_CSV;
  return WEFT_FORMAT_AUTO;
}

WeftFormat
weft_format_detect (const char *data,
                    gsize       length,
                    const char *filename)
{
  const char *p = data;
  const char *end = data + length;
  WeftFormat hint = format_for_extension (filename, TRUE);

  if (length >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (p < end && g_ascii_isspace (*p))
    p++;
  if (p >= end)
    return hint;

  if (*p == '{' || *p == '[')
    {
      g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
      const char *object = p;

      if (*p == '[')
        {
          object = p + 1;
          while (object < end && g_ascii_isspace (*object))
            object++;
          if (object >= end || *object != '{')
            return hint;
        }

      collect_keys (object, end, keys);

      /* A .weft file says its version as a number; TimelineJS files that
       * Weft wrote have a "weft" object. */
      if (has_key (keys, "weft", "-0123456789"))
        return WEFT_FORMAT_WEFT;
      if (has_key (keys, "schema", "\"") && (has_key (keys, "id", NULL) || has_key (keys, "properties", NULL)))
        return WEFT_FORMAT_FTM;
      if (*p == '{' && (has_key (keys, "events", NULL) || has_key (keys, "timeline", NULL) || has_key (keys, "eras", NULL)))
        return WEFT_FORMAT_TIMELINEJS;
      if (hint == WEFT_FORMAT_WEFT || hint == WEFT_FORMAT_TIMELINEJS || hint == WEFT_FORMAT_FTM)
        return hint;
      return WEFT_FORMAT_AUTO;
    }

  if (*p == '<')
    {
      gsize n = MIN ((gsize) (end - p), 4096);
      g_autofree char *head = g_strndup (p, n);

      if (strstr (head, "<graphml") != NULL)
        return WEFT_FORMAT_GRAPHML;
      if (strstr (head, "<gexf") != NULL)
        return WEFT_FORMAT_GEXF;
      return hint;
    }

  if (g_str_has_prefix (p, "digraph") || g_str_has_prefix (p, "graph") || g_str_has_prefix (p, "strict"))
    return WEFT_FORMAT_DOT;

  {
    WeftFormat csv = detect_csv (p, end - p);

    if (csv != WEFT_FORMAT_AUTO)
      return csv;
  }

  return hint;
}

/* The format of an input from its first bytes (@head), or of an output
 * from its file name; AUTO with @error set, naming the formats Weft
 * reads or writes, when it cannot tell. */
static WeftFormat
recognise (WeftFormatFlags   direction,
           const char       *head,
           gsize             length,
           const char       *name,
           GError          **error)
{
  g_autofree char *names = NULL;
  WeftFormat format;

  if (direction == WEFT_FORMAT_CAN_IMPORT)
    format = weft_format_detect (head, length, name);
  else
    format = weft_format_for_export_name (name);
  if (format != WEFT_FORMAT_AUTO)
    return format;

  names = weft_format_names (direction);
  if (direction == WEFT_FORMAT_CAN_IMPORT)
    g_set_error (error, WEFT_ERROR, WEFT_ERROR_FORMAT,
                 _("%s: Weft cannot tell what format this is; it reads %s "
                   "(name the format with --from if it is one of them)"),
                 name, names);
  else
    g_set_error (error, WEFT_ERROR, WEFT_ERROR_FORMAT,
                 _("%s: the file name does not say which format to write; "
                   "give it an extension or name the format (one of %s)"),
                 name, names);
  return WEFT_FORMAT_AUTO;
}

/* ---- Import --------------------------------------------------------------- */

static char *
read_head (GFile   *file,
           gsize   *length,
           GError **error)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, error);
  char *data;

  if (stream == NULL)
    return NULL;

  data = g_malloc (SNIFF_SIZE + 1);
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), data, SNIFF_SIZE, length, NULL, error))
    {
      g_free (data);
      return NULL;
    }
  data[*length] = '\0';
  return data;
}

WeftDataset *
weft_import_file (GFile                    *file,
                  WeftFormat                format,
                  const WeftImportOptions  *options,
                  WeftDiagnostics          *diagnostics,
                  GError                  **error)
{
  static const WeftImportOptions no_options = { 0 };
  g_autoptr(WeftDiagnostics) own = NULL;
  g_autofree char *name = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(WeftDataset) dataset = NULL;
  WeftImportSummary local_summary = { 0 };
  WeftImportContext ctx = { 0 };
  const WeftFormatInfo *info;
  guint first;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (options == NULL)
    options = &no_options;

  name = g_file_get_parse_name (file);
  if (diagnostics == NULL)
    diagnostics = own = weft_diagnostics_new (name);
  else if (weft_diagnostics_get_file (diagnostics) == NULL)
    weft_diagnostics_set_file (diagnostics, name);
  first = weft_diagnostics_get_length (diagnostics);

  ctx.diagnostics = diagnostics;
  ctx.options = options;
  ctx.summary = options->summary ? options->summary : &local_summary;
  ctx.name = name;
  memset (ctx.summary, 0, sizeof *ctx.summary);

  if (format == WEFT_FORMAT_AUTO)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *head = read_head (file, &length, &local_error);

      if (head == NULL)
        {
          g_set_error (error, WEFT_ERROR, WEFT_ERROR_IO, "%s: %s", name, local_error->message);
          return NULL;
        }

      format = recognise (WEFT_FORMAT_CAN_IMPORT, head, length, name, error);
      if (format == WEFT_FORMAT_AUTO)
        return NULL;
    }

  info = weft_format_get_info (format);
  g_return_val_if_fail (info != NULL, NULL);
  ctx.summary->format = format;

  if (!(info->flags & WEFT_FORMAT_CAN_IMPORT))
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_FORMAT,
                   _("%s: %s is a format Weft writes but does not read"),
                   name, weft_format_info_get_label (info));
      return NULL;
    }

  if (options->focus != NULL && format != WEFT_FORMAT_FTM)
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_FORMAT,
                   _("%s: --focus works with FollowTheMoney input only; this is %s"),
                   name, weft_format_info_get_label (info));
      return NULL;
    }

  switch (format)
    {
    case WEFT_FORMAT_WEFT:
      dataset = weft_dataset_load_file_with_options (file, options->load, diagnostics, error);
      if (dataset != NULL)
        ctx.summary->n_records = weft_dataset_get_sources (dataset)->len + weft_dataset_get_entities (dataset)->len +
                                 weft_dataset_get_events (dataset)->len + weft_dataset_get_claims (dataset)->len +
                                 weft_dataset_get_relations (dataset)->len + weft_dataset_get_eras (dataset)->len;
      break;

    case WEFT_FORMAT_FTM:
      dataset = weft_import_ftm (&ctx, file, error);
      break;

    case WEFT_FORMAT_TIMELINEJS:
    case WEFT_FORMAT_TIMELINEJS_CSV:
    case WEFT_FORMAT_CSV:
      contents = weft_file_load_guarded (file, name, &length, NULL, error);
      if (contents == NULL)
        return NULL;
      if (format == WEFT_FORMAT_TIMELINEJS)
        dataset = weft_import_timelinejs_json (&ctx, contents, length, error);
      else if (format == WEFT_FORMAT_TIMELINEJS_CSV)
        dataset = weft_import_timelinejs_csv (&ctx, contents, length, error);
      else
        dataset = weft_import_csv_events (&ctx, contents, length, error);
      break;

    case WEFT_FORMAT_GRAPHML:
    case WEFT_FORMAT_GEXF:
    case WEFT_FORMAT_DOT:
    case WEFT_FORMAT_AUTO:
    case WEFT_N_FORMATS:
    default:
      g_return_val_if_reached (NULL);
    }

  if (dataset == NULL)
    return NULL;

  if (options->strict && weft_diagnostics_get_length (diagnostics) > first)
    {
      guint n = weft_diagnostics_get_length (diagnostics) - first;

      g_set_error (error, WEFT_ERROR, WEFT_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s: %u problem, and strict mode accepts none",
                                "%s: %u problems, and strict mode accepts none", n),
                   name, n);
      return NULL;
    }

  return g_steal_pointer (&dataset);
}

/* ---- Export --------------------------------------------------------------- */

static gboolean
export_to_writer (WeftDataset *dataset,
                  WeftFormat   format,
                  WeftWriter  *writer)
{
  switch (format)
    {
    case WEFT_FORMAT_WEFT:
      {
        gsize length;
        g_autofree char *data = weft_dataset_to_data (dataset, &length);

        weft_writer_append_len (writer, data, length);
        return TRUE;
      }
    case WEFT_FORMAT_TIMELINEJS:
      return weft_export_timelinejs_json (dataset, writer);
    case WEFT_FORMAT_TIMELINEJS_CSV:
      return weft_export_timelinejs_csv (dataset, writer);
    case WEFT_FORMAT_FTM:
      return weft_export_ftm (dataset, writer);
    case WEFT_FORMAT_GRAPHML:
      return weft_export_graphml (dataset, writer);
    case WEFT_FORMAT_GEXF:
      return weft_export_gexf (dataset, writer);
    case WEFT_FORMAT_DOT:
      return weft_export_dot (dataset, writer);
    case WEFT_FORMAT_CSV:
    case WEFT_FORMAT_AUTO:
    case WEFT_N_FORMATS:
    default:
      g_return_val_if_reached (FALSE);
    }
}

gboolean
weft_export_stream (WeftDataset    *dataset,
                    GOutputStream  *stream,
                    WeftFormat      format,
                    GError        **error)
{
  WeftWriter writer;
  gboolean ok;

  g_return_val_if_fail (WEFT_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (weft_dataset_is_finished (dataset), FALSE);

  if (format == WEFT_FORMAT_CSV || format == WEFT_FORMAT_AUTO)
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_FORMAT,
                   _("CSV writes several tables, so it needs a folder or a file name, not a stream"));
      return FALSE;
    }

  weft_writer_init (&writer, stream);
  ok = export_to_writer (dataset, format, &writer);
  return weft_writer_finish (&writer, error) && ok;
}

/* Writes to a temporary file that replaces @file only when complete. */
static gboolean
replace_with (GFile          *file,
              WeftDataset    *dataset,
              WeftFormat      format,
              GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) abort = g_cancellable_new ();
  g_autofree char *name = g_file_get_parse_name (file);
  gboolean ok;

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_IO, _("Could not write %s: %s"), name, local_error->message);
      return FALSE;
    }

  ok = weft_export_stream (dataset, G_OUTPUT_STREAM (stream), format, &local_error);
  if (!ok)
    {
      /* Closing a cancelled stream leaves the old file as it was. */
      g_cancellable_cancel (abort);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abort, NULL);
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_IO, _("Could not write %s: %s"), name, local_error->message);
      return FALSE;
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &local_error))
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_IO, _("Could not write %s: %s"), name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

typedef struct {
  GFile *folder;
  char  *prefix;    /* "out-" beside the named file, or "" in a folder */
  GCancellable *abort;
} Tables;

static GOutputStream *
open_table (const char  *table,
            gpointer     user_data,
            GError     **error)
{
  Tables *tables = user_data;
  g_autofree char *basename = g_strdup_printf ("%s%s.csv", tables->prefix, table);
  g_autoptr(GFile) file = g_file_get_child (tables->folder, basename);
  g_autoptr(GError) local_error = NULL;
  GFileOutputStream *stream;

  g_cancellable_reset (tables->abort);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &local_error);
  if (stream == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_IO, _("Could not write %s: %s"), name, local_error->message);
    }
  return G_OUTPUT_STREAM (stream);
}

static gboolean
close_table (GOutputStream  *stream,
             gboolean        ok,
             gpointer        user_data,
             GError        **error)
{
  Tables *tables = user_data;
  g_autoptr(GError) local_error = NULL;

  if (!ok)
    {
      g_cancellable_cancel (tables->abort);
      g_output_stream_close (stream, tables->abort, NULL);
      g_object_unref (stream);
      return FALSE;
    }

  ok = g_output_stream_close (stream, NULL, &local_error);
  g_object_unref (stream);
  if (!ok)
    g_set_error (error, WEFT_ERROR, WEFT_ERROR_IO, _("Could not write a CSV table: %s"), local_error->message);
  return ok;
}

static gboolean
export_csv (WeftDataset  *dataset,
            GFile        *file,
            GError      **error)
{
  g_autofree char *basename = g_file_get_basename (file);
  Tables tables = { 0 };
  gboolean ok;

  tables.abort = g_cancellable_new ();

  if (basename != NULL && g_str_has_suffix (basename, ".csv") && strlen (basename) > 4)
    {
      tables.folder = g_file_get_parent (file);
      tables.prefix = g_strdup_printf ("%.*s-", (int) strlen (basename) - 4, basename);
    }
  else
    {
      g_autoptr(GError) local_error = NULL;

      tables.folder = g_object_ref (file);
      tables.prefix = g_strdup ("");
      if (!g_file_make_directory_with_parents (file, NULL, &local_error) &&
          !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_autofree char *name = g_file_get_parse_name (file);

          g_set_error (error, WEFT_ERROR, WEFT_ERROR_IO, _("Could not make the folder %s: %s"),
                       name, local_error->message);
          g_clear_object (&tables.folder);
          g_free (tables.prefix);
          g_object_unref (tables.abort);
          return FALSE;
        }
    }

  ok = weft_export_csv_tables (dataset, open_table, close_table, &tables, error);

  g_clear_object (&tables.folder);
  g_free (tables.prefix);
  g_object_unref (tables.abort);
  return ok;
}

gboolean
weft_export_file (WeftDataset  *dataset,
                  GFile        *file,
                  WeftFormat    format,
                  GError      **error)
{
  g_return_val_if_fail (WEFT_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (weft_dataset_is_finished (dataset), FALSE);

  if (format == WEFT_FORMAT_AUTO)
    {
      g_autofree char *name = g_file_get_basename (file);

      format = recognise (WEFT_FORMAT_CAN_EXPORT, NULL, 0, name, error);
      if (format == WEFT_FORMAT_AUTO)
        return FALSE;
    }

  switch (format)
    {
    case WEFT_FORMAT_WEFT:
      return weft_dataset_save (dataset, file, NULL, error);
    case WEFT_FORMAT_CSV:
      return export_csv (dataset, file, error);
    case WEFT_FORMAT_TIMELINEJS:
    case WEFT_FORMAT_TIMELINEJS_CSV:
    case WEFT_FORMAT_FTM:
    case WEFT_FORMAT_GRAPHML:
    case WEFT_FORMAT_GEXF:
    case WEFT_FORMAT_DOT:
      return replace_with (file, dataset, format, error);
    case WEFT_FORMAT_AUTO:
    case WEFT_N_FORMATS:
    default:
      g_return_val_if_reached (FALSE);
    }
}
