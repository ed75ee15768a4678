/* weft-cli-convert.c: weft convert IN OUT
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "weft-cli.h"
#include "weft-error.h"
#include "weft-file.h"
#include "weft-formats.h"

static void
print_summary (const char              *input,
               const WeftImportSummary *summary,
               WeftDataset             *dataset)
{
  const WeftFormatInfo *info = weft_format_get_info (summary->format);

  /* Translators: "in.ftm (FollowTheMoney (JSON lines)): 1000 records read, 2 left out" */
  g_printerr (_("%s (%s): %u records read, %u left out"),
              input, info ? weft_format_info_get_label (info) : "?", summary->n_records, summary->n_skipped);
  if (summary->n_outside > 0)
    g_printerr (_(", %u outside the focus"), summary->n_outside);
  if (summary->n_passes > 1)
    g_printerr (_(", %u passes over the file"), summary->n_passes);
  g_printerr ("\n");

  if (dataset != NULL)
    /* Translators: the counts of what was read */
    g_printerr (_("%u entities, %u events, %u claims, %u sources, %u relations, %u eras\n"),
                weft_dataset_get_entities (dataset)->len, weft_dataset_get_events (dataset)->len,
                weft_dataset_get_claims (dataset)->len, weft_dataset_get_sources (dataset)->len,
                weft_dataset_get_relations (dataset)->len, weft_dataset_get_eras (dataset)->len);
}

static void
print_diagnostics (WeftDiagnostics *diagnostics,
                   const char      *input,
                   gboolean         quiet)
{
  guint n = weft_diagnostics_get_length (diagnostics);

  for (guint i = 0; i < n; i++)
    {
      const WeftDiagnostic *d = weft_diagnostics_get (diagnostics, i);
      g_autofree char *line = NULL;

      if (quiet && d->severity != WEFT_SEVERITY_ERROR)
        continue;
      line = weft_diagnostic_format (d, input);
      g_printerr ("%s\n", line);
    }
  if (weft_diagnostics_get_n_dropped (diagnostics) > 0)
    g_printerr (g_dngettext (GETTEXT_PACKAGE, "%s: %u more problem not shown\n",
                             "%s: %u more problems not shown\n",
                             weft_diagnostics_get_n_dropped (diagnostics)),
                input, weft_diagnostics_get_n_dropped (diagnostics));
}

static gboolean
write_stdout (WeftDataset  *dataset,
              WeftFormat    format,
              GError      **error)
{
  g_autoptr(GFile) out = g_file_new_for_path ("/dev/stdout");
  g_autoptr(GFileOutputStream) stream = g_file_append_to (out, G_FILE_CREATE_NONE, NULL, error);

  if (stream == NULL)
    return FALSE;
  if (!weft_export_stream (dataset, G_OUTPUT_STREAM (stream), format, error))
    return FALSE;
  return g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error);
}

/* The command line, as given and as understood. */
typedef struct {
  char       *from;          /* --from, --to, --focus as given */
  char       *to;
  char       *focus;
  char       *story;         /* --story: that story as TimelineJS slides */
  int         hops;          /* -1 when not given */
  gboolean    strict;
  gboolean    check;
  gboolean    quiet;
  const char *in_path;
  const char *out_path;      /* NULL with --check */
  WeftFormat  in_format;
  WeftFormat  out_format;
} Convert;

static void
convert_clear (Convert *c)
{
  g_free (c->from);
  g_free (c->to);
  g_free (c->focus);
  g_free (c->story);
}

/* Reads the options; FALSE with the exit status when there is nothing
 * more to do (help, or a usage error already printed). */
static gboolean
parse_options (Convert   *c,
               int       *argc,
               char    ***argv,
               int       *status)
{
  g_autoptr(GOptionContext) context = weft_cli_context_new ("convert", NULL, NULL);
  g_autofree char *import_names = weft_format_names (WEFT_FORMAT_CAN_IMPORT);
  g_autofree char *export_names = weft_format_names (WEFT_FORMAT_CAN_EXPORT);
  g_autofree char *description = NULL;
  GOptionEntry entries[] = {
    { "from", 'f', 0, G_OPTION_ARG_STRING, &c->from, N_("The format of IN (recognised from its content when left out)"), N_("FORMAT") },
    { "to", 't', 0, G_OPTION_ARG_STRING, &c->to, N_("The format of OUT (taken from its extension when left out)"), N_("FORMAT") },
    { "strict", 0, 0, G_OPTION_ARG_NONE, &c->strict, N_("Stop at the first problem, even a warning, and write nothing"), NULL },
    { "focus", 0, 0, G_OPTION_ARG_STRING, &c->focus, N_("FollowTheMoney: keep only the neighbourhood of this entity id"), N_("ID") },
    { "hops", 0, 0, G_OPTION_ARG_INT, &c->hops, N_("How many links away from the focus to go (default 1)"), N_("N") },
    { "check", 0, 0, G_OPTION_ARG_NONE, &c->check, N_("Only read IN and report; write nothing (no OUT)"), NULL },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &c->quiet, N_("Print only errors, not warnings or the summary"), NULL },
    { "story", 0, 0, G_OPTION_ARG_STRING, &c->story, N_("TimelineJS: only this story of IN, its steps as slides in its order"), N_("ID") },
    { NULL }
  };

  description = g_strdup_printf (_("Formats read: %s. Formats written: %s.\n\n"
                                   "IN's format is recognised from its content; OUT's from its extension "
                                   "(.weft, .json for TimelineJS, .ftm/.jsonl, .csv, .graphml, .gexf, .gv/.dot). "
                                   "OUT “-” writes to standard output. CSV writes one table per kind of item: "
                                   "into OUT as a folder, or beside it (out.csv -> out-entities.csv, out-events.csv, …).\n\n"
                                   "Problems are printed as FILE:LINE:COLUMN: severity: message. A record that cannot be "
                                   "read is left out and counted. Exit status: 0 when OUT was written and nothing was left out, "
                                   "1 when records were left out (or, with --strict, on any problem; then nothing is written), "
                                   "2 on wrong usage or when IN cannot be read or OUT cannot be written."),
                                 import_names, export_names);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context, description);
  return weft_cli_parse (context, argc, argv, status);
}

/* Checks the files and formats named; FALSE after saying what is wrong. */
static gboolean
check_arguments (Convert  *c,
                 int       argc,
                 char    **argv)
{
  g_autofree char *import_names = weft_format_names (WEFT_FORMAT_CAN_IMPORT);
  g_autofree char *export_names = weft_format_names (WEFT_FORMAT_CAN_EXPORT);

  if (argc != (c->check ? 2 : 3))
    {
      g_printerr (c->check ? _("weft convert: with --check, name one file, IN\n")
                           : _("weft convert: name two files, IN and OUT\n"));
      return FALSE;
    }
  c->in_path = argv[1];
  if (!c->check)
    c->out_path = argv[2];

  if (c->from != NULL && !weft_format_from_name (c->from, &c->in_format))
    {
      g_printerr (_("weft convert: unknown format “%s”; Weft reads %s\n"), c->from, import_names);
      return FALSE;
    }
  if (c->to != NULL && (!weft_format_from_name (c->to, &c->out_format) || c->out_format == WEFT_FORMAT_AUTO))
    {
      g_printerr (_("weft convert: unknown format “%s”; Weft writes %s\n"), c->to, export_names);
      return FALSE;
    }
  if (c->in_format != WEFT_FORMAT_AUTO && !(weft_format_get_info (c->in_format)->flags & WEFT_FORMAT_CAN_IMPORT))
    {
      g_printerr (_("weft convert: Weft writes %s but does not read it; it reads %s\n"), c->from, import_names);
      return FALSE;
    }
  if (c->hops >= 0 && c->focus == NULL)
    {
      g_printerr (_("weft convert: --hops goes with --focus\n"));
      return FALSE;
    }
  if (c->out_path != NULL && c->out_format == WEFT_FORMAT_AUTO)
    {
      c->out_format = weft_format_for_export_name (c->out_path);
      if (c->out_format == WEFT_FORMAT_AUTO || g_str_equal (c->out_path, "-"))
        {
          if (g_str_equal (c->out_path, "-"))
            g_printerr (_("weft convert: name the format of standard output with --to (one of %s)\n"), export_names);
          else
            g_printerr (_("weft convert: cannot tell the format of %s from its name; add --to (one of %s)\n"),
                        c->out_path, export_names);
          return FALSE;
        }
    }
  if (c->story != NULL && (c->out_path == NULL || c->out_format != WEFT_FORMAT_TIMELINEJS))
    {
      g_printerr (_("weft convert: --story writes TimelineJS (JSON): add --to timelinejs\n"));
      return FALSE;
    }
  if (c->out_path != NULL && g_str_equal (c->out_path, "-") && c->out_format == WEFT_FORMAT_CSV)
    {
      g_printerr (_("weft convert: CSV writes several tables; name a folder or a .csv file, not “-”\n"));
      return FALSE;
    }
  return TRUE;
}

/* Imports IN, printing its problems and (unless quiet) a summary. NULL
 * with the exit status when it cannot be read. */
static WeftDataset *
read_input (Convert           *c,
            WeftDiagnostics   *diagnostics,
            WeftImportSummary *summary,
            int               *status)
{
  g_autoptr(GFile) input = g_file_new_for_commandline_arg (c->in_path);
  g_autoptr(GError) error = NULL;
  WeftImportOptions options = { 0 };
  WeftDataset *dataset;

  options.strict = c->strict;
  options.focus = c->focus;
  options.hops = c->hops >= 0 ? (guint) c->hops : 1;
  options.summary = summary;

  dataset = weft_import_file (input, c->in_format, &options, diagnostics, &error);

  print_diagnostics (diagnostics, c->in_path, c->quiet);

  if (dataset == NULL)
    {
      /* The problems are listed above when there are any. */
      if (weft_diagnostics_get_length (diagnostics) == 0 || !g_error_matches (error, WEFT_ERROR, WEFT_ERROR_SYNTAX))
        g_printerr ("%s\n", error->message);
      if (g_error_matches (error, WEFT_ERROR, WEFT_ERROR_IO) || g_error_matches (error, WEFT_ERROR, WEFT_ERROR_LIMIT) ||
          g_error_matches (error, WEFT_ERROR, WEFT_ERROR_FORMAT) || g_error_matches (error, WEFT_ERROR, WEFT_ERROR_NOT_FOUND))
        *status = WEFT_EXIT_USAGE;
      else
        *status = WEFT_EXIT_PROBLEMS;
      return NULL;
    }

  if (!c->quiet)
    print_summary (c->in_path, summary, dataset);
  return dataset;
}

/* Writes OUT (a file, a folder of CSV tables, or standard output). */
static gboolean
write_output (Convert     *c,
              WeftDataset *dataset)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_str_equal (c->out_path, "-"))
    ok = write_stdout (dataset, c->out_format, &error);
  else
    {
      g_autoptr(GFile) output = g_file_new_for_commandline_arg (c->out_path);
      ok = weft_export_file (dataset, output, c->out_format, &error);
    }

  if (!ok)
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  if (!c->quiet && !g_str_equal (c->out_path, "-"))
    g_printerr (_("wrote %s (%s)\n"), c->out_path, weft_format_info_get_label (weft_format_get_info (c->out_format)));
  return TRUE;
}

/* The story --story names as TimelineJS slides, to OUT. */
static gboolean
write_story (Convert     *c,
             WeftDataset *dataset)
{
  WeftStory *story = (WeftStory *) weft_cli_find_named (dataset, WEFT_ITEM_STORY, "convert", c->in_path,
                                                              c->story);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  guint moved = 0;
  gsize size;
  const char *data;

  if (story == NULL)
    return FALSE;
  bytes = weft_export_timelinejs_story (dataset, story, &moved);
  data = g_bytes_get_data (bytes, &size);
  if (g_str_equal (c->out_path, "-"))
    {
      if (fwrite (data, 1, size, stdout) != size || fflush (stdout) != 0)
        {
          g_printerr (_("weft convert: cannot write to standard output\n"));
          return FALSE;
        }
    }
  else
    {
      g_autoptr(GFile) output = g_file_new_for_commandline_arg (c->out_path);

      if (!weft_file_replace_contents (output, data, size, NULL, &error))
        {
          g_printerr (_("weft convert: cannot write “%s”: %s\n"), c->out_path, error->message);
          return FALSE;
        }
    }
  if (moved > 0 && !c->quiet)
    g_printerr (g_dngettext (GETTEXT_PACKAGE,
                             "weft convert: TimelineJS orders slides by date: %u step of “%s” is undated or dated "
                             "before the step before it; to keep the story’s order it starts where that step does, "
                             "its slide showing its own date or “Undated”\n",
                             "weft convert: TimelineJS orders slides by date: %u steps of “%s” are undated or dated "
                             "before the step before them; to keep the story’s order each starts where that step "
                             "does, its slide showing its own date or “Undated”\n",
                             moved),
                moved, c->story);
  if (!c->quiet && !g_str_equal (c->out_path, "-"))
    g_printerr (_("wrote %s (%s)\n"), c->out_path, weft_format_info_get_label (weft_format_get_info (c->out_format)));
  return TRUE;
}

/* IN to OUT, once the command line is checked: the exit status. */
static int
convert (Convert *c)
{
  g_autoptr(WeftDiagnostics) diagnostics = weft_diagnostics_new (c->in_path);
  g_autoptr(WeftDataset) dataset = NULL;
  WeftImportSummary summary = { 0 };
  int status;

  dataset = read_input (c, diagnostics, &summary, &status);
  if (dataset == NULL)
    return status;
  if (c->out_path != NULL && !(c->story != NULL ? write_story (c, dataset) : write_output (c, dataset)))
    return WEFT_EXIT_USAGE;

  return summary.n_skipped > 0 || weft_diagnostics_get_n_errors (diagnostics) > 0 ? WEFT_EXIT_PROBLEMS : WEFT_EXIT_OK;
}

int
weft_cli_convert (int    argc,
                  char **argv)
{
  Convert c = { .hops = -1 };
  int status;

  if (parse_options (&c, &argc, &argv, &status))
    status = check_arguments (&c, argc, argv) ? convert (&c) : WEFT_EXIT_USAGE;
  convert_clear (&c);
  return status;
}
