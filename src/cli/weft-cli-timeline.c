/* weft-cli-timeline.c: weft timeline FILE OUT, the timeline as a picture
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "weft-cli.h"
#include "weft-dataset.h"
#include "weft-saved-views.h"
#include "weft-timeline-export.h"

/* An EDTF date as the first or last day of the span. */
static gboolean
parse_day (const char  *option,
           const char  *text,
           gboolean     last,
           gint64      *day)
{
  g_autoptr(GError) error = NULL;
  WeftDate date;

  if (!weft_date_parse (text, &date, NULL, &error))
    {
      g_printerr (_("weft timeline: %s: %s\n"), option, error->message);
      return FALSE;
    }
  if ((date.start.flags & WEFT_DATE_FLAG_OPEN) || (date.end.flags & WEFT_DATE_FLAG_OPEN))
    {
      g_printerr (_("weft timeline: %s: give a date, not an open interval, as in “2020-01”\n"), option);
      return FALSE;
    }
  *day = last ? date.upper : date.lower;
  return TRUE;
}

/* "1280x720": a size in pixels. */
static gboolean
parse_size (const char *text,
            guint      *width,
            guint      *height)
{
  g_auto(GStrv) parts = g_strsplit (text, "x", 2);
  guint64 w, h;

  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 1, G_MAXUINT16, &w, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 1, G_MAXUINT16, &h, NULL))
    return FALSE;
  *width = (guint) w;
  *height = (guint) h;
  return TRUE;
}

int
weft_cli_timeline (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = weft_cli_context_new ("timeline", NULL, NULL);
  g_autoptr(WeftDataset) dataset = NULL;
  g_autoptr(WeftSession) session = NULL;
  g_autoptr(GFile) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *lanes = NULL;
  g_autofree char *view = NULL;
  g_autofree char *saved_view = NULL;
  int width = 0;
  gboolean dark = FALSE, no_legend = FALSE;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("First date shown (EDTF, as in 2017 or 2020-01)"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Last date shown (EDTF)"), N_("DATE") },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, N_("Width in pixels (default 1600; PDF: 96 pixels an inch)"), N_("PX") },
    { "lanes", 0, 0, G_OPTION_ARG_STRING, &lanes, N_("One lane per participating entity, per entity kind, or per event group (default: group when events have groups)"), "entity|kind|group" },
    { "view", 0, 0, G_OPTION_ARG_STRING, &view, N_("Draw the window’s timeline pane of this size instead, fitted, as the window shows it"), N_("WIDTHxHEIGHT") },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, N_("Light text on a dark background"), NULL },
    { "no-legend", 0, 0, G_OPTION_ARG_NONE, &no_legend, N_("Leave out the legend"), NULL },
    { "saved-view", 0, 0, G_OPTION_ARG_STRING, &saved_view, N_("This saved view of FILE as the window’s timeline shows it: its span (else its window), time window, selection and search, under its title; --from and --to change the span"), N_("ID") },
    { NULL }
  };
  WeftTimelineExportOptions options;
  WeftTimelineFormat format;
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
                                    _("Draws the timeline of FILE into OUT, as SVG, PNG or PDF by OUT’s extension, "
                                      "with the same layout as the window: lanes, eras, uncertain dates, claim "
                                      "markers and a legend. Titles are text in SVG and PDF."));
  if (!weft_cli_parse (context, &argc, &argv, &status))
    return status;

  if (argc != 3)
    {
      g_printerr (_("weft timeline: name a dataset and a picture to write, as in “weft timeline data.weft out.svg”\n"));
      return WEFT_EXIT_USAGE;
    }
  if (!weft_timeline_format_from_path (argv[2], &format))
    {
      g_printerr (_("weft timeline: cannot tell the format of “%s”: end its name with .svg, .png or .pdf\n"), argv[2]);
      return WEFT_EXIT_USAGE;
    }

  dataset = weft_cli_load_any (argv[1]);
  if (dataset == NULL)
    return WEFT_EXIT_USAGE;

  weft_timeline_export_options_init (&options, dataset);
  if (saved_view != NULL)
    {
      WeftView *saved = (WeftView *) weft_cli_find_named (dataset, WEFT_ITEM_VIEW, "timeline", argv[1], saved_view);
      const WeftDate *span;

      if (saved == NULL)
        return WEFT_EXIT_USAGE;
      span = saved->span_text != NULL ? &saved->span : saved->window_text != NULL ? &saved->window : NULL;
      /* Open ends stay the data's. */
      if (span != NULL && !(span->start.flags & WEFT_DATE_FLAG_OPEN))
        {
          options.has_from = TRUE;
          options.from = span->lower;
        }
      if (span != NULL && !(span->end.flags & WEFT_DATE_FLAG_OPEN))
        {
          options.has_to = TRUE;
          options.to = span->upper;
        }
      options.title = weft_view_get_title (saved);
      /* Its window, selection and search, as the window's timeline
       * shows them; its focus, hidden kinds and statuses filter only
       * the graph. */
      session = weft_session_new (dataset);
      weft_saved_view_apply (saved, session);
      options.session = session;
    }
  if (lanes != NULL && !weft_timeline_lanes_from_string (lanes, &options.lanes))
    {
      g_printerr (_("weft timeline: --lanes must be entity, kind or group, not “%s”\n"), lanes);
      return WEFT_EXIT_USAGE;
    }
  if (from != NULL)
    {
      if (!parse_day ("--from", from, FALSE, &options.from))
        return WEFT_EXIT_USAGE;
      options.has_from = TRUE;
    }
  if (to != NULL)
    {
      if (!parse_day ("--to", to, TRUE, &options.to))
        return WEFT_EXIT_USAGE;
      options.has_to = TRUE;
    }
  if (width != 0)
    {
      if (width < 0)
        {
          g_printerr (_("weft timeline: --width must be a number of pixels, as in 1600\n"));
          return WEFT_EXIT_USAGE;
        }
      options.width = (guint) width;
    }
  if (view != NULL)
    {
      if (!parse_size (view, &options.view_width, &options.view_height))
        {
          g_printerr (_("weft timeline: --view must be a size in pixels, as in 1280x720\n"));
          return WEFT_EXIT_USAGE;
        }
      if (width != 0)
        {
          g_printerr (_("weft timeline: --view already sets the width: leave out --width\n"));
          return WEFT_EXIT_USAGE;
        }
    }
  options.dark = dark;
  options.legend = !no_legend;

  out = g_file_new_for_commandline_arg (argv[2]);
  if (!weft_timeline_export (dataset, out, format, &options, &error))
    {
      g_printerr ("weft timeline: %s\n", error->message);
      return WEFT_EXIT_USAGE;
    }

  return WEFT_EXIT_OK;
}
