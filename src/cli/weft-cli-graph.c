/* weft-cli-graph.c: weft graph FILE OUT, the relationship graph as a file
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "weft-cli.h"
#include "weft-error.h"
#include "weft-graph.h"
#include "weft-graph-picture.h"
#include "weft-layout.h"
#include "weft-file.h"
#include "weft-saved-views.h"
#include "weft-session.h"

/* "1280x720" -> 1280, 720. */
static gboolean
parse_size (const char *text,
            char        separator,
            guint      *width,
            guint      *height)
{
  g_auto(GStrv) parts = NULL;
  guint64 w, h;

  if (text == NULL)
    return FALSE;
  parts = g_strsplit (text, (char[]) { separator, '\0' }, -1);
  if (g_strv_length (parts) != 2 || !g_ascii_string_to_unsigned (parts[0], 10, 1, 20000, &w, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 1, 20000, &h, NULL))
    return FALSE;
  *width = (guint) w;
  *height = (guint) h;
  return TRUE;
}

/* The view's picture of @graph: --view, --dark, --legend, --ratio,
 * --title. With @saved, as the window shows that view: @graph laid out,
 * fitted, and only @shown's nodes drawn, where they are (a time window or
 * hidden kinds hide, nothing moves), at the view's zoom and centre. */
static GBytes *
draw_picture (WeftGraph         *graph,
              WeftGraph         *shown,
              const WeftView    *saved,
              WeftLayoutEngine   engine,
              WeftExportFormat   format,
              guint              width,
              guint              height,
              gboolean           dark,
              gboolean           legend,
              gboolean           slide,
              gboolean           titled,
              const char        *title,
              GError           **error)
{
  g_autoptr(WeftLayout) raw = weft_layout_run (graph, engine, error);
  g_autoptr(WeftGraphPicture) picture = NULL;
  /* Without its title: an empty one; NULL: the dataset's. */
  WeftGraphPictureOptions options = { width, height, dark, legend, slide, titled ? title : "", titled, shown };

  if (raw == NULL)
    return NULL;
  if (saved != NULL && saved->graph != NULL)
    {
      options.zoom = weft_view_get_zoom (saved);
      options.centred = weft_view_get_centre (saved, &options.centre_x, &options.centre_y);
    }
  picture = weft_graph_picture_new (raw, &options);
  return weft_graph_picture_export (picture, format, error);
}

int
weft_cli_graph (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = weft_cli_context_new ("graph", NULL, NULL);
  g_autofree char *engine_name = NULL;
  g_autofree char *focus = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *view = NULL;
  g_autofree char *ratio = NULL;
  g_autofree char *saved_view = NULL;
  const char *view_title = NULL;
  WeftView *saved = NULL;
  int hops = 1;
  gboolean events = FALSE, claims = FALSE, dark = FALSE, legend = FALSE, no_legend = FALSE, title = FALSE,
           no_title = FALSE;
  guint width = 0, height = 0;
  GOptionEntry entries[] = {
    { "engine", 'e', 0, G_OPTION_ARG_STRING, &engine_name,
      N_("Graphviz layout: dot, neato, fdp, sfdp, circo, twopi or auto (the default: sfdp)"), N_("ENGINE") },
    { "focus", 0, 0, G_OPTION_ARG_STRING, &focus, N_("Only this entity (id or name) and its neighbourhood"), N_("ENTITY") },
    { "hops", 0, 0, G_OPTION_ARG_INT, &hops, N_("How far the neighbourhood of --focus reaches: 1, 2 or 3 (default 1)"), N_("N") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("Only what happened on or after this date (EDTF, e.g. 2019 or 2020-05)"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Only what happened on or before this date"), N_("DATE") },
    { "events", 0, 0, G_OPTION_ARG_NONE, &events, N_("Draw events as nodes, linked to their participants"), NULL },
    { "claims", 0, 0, G_OPTION_ARG_NONE, &claims, N_("Draw claims as nodes, linked to their claimant and subjects"), NULL },
    { "view", 0, 0, G_OPTION_ARG_STRING, &view, N_("Draw what the window’s graph pane of this size shows, with its layout, names and styles (SVG, PNG or PDF)"), N_("WIDTHxHEIGHT") },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, N_("With --view: the dark palette"), NULL },
    { "legend", 0, 0, G_OPTION_ARG_NONE, &legend, N_("A legend of the node kinds and edge looks: with --view in the top left corner, as the window shows it; drawn by Graphviz, under the title"), NULL },
    { "no-legend", 0, 0, G_OPTION_ARG_NONE, &no_legend, N_("Leave out the legend (with --ratio)"), NULL },
    { "title", 0, 0, G_OPTION_ARG_NONE, &title, N_("The dataset’s title at the top (the default with --ratio)"), NULL },
    { "no-title", 0, 0, G_OPTION_ARG_NONE, &no_title, N_("Leave out the title (with --ratio)"), NULL },
    { "ratio", 0, 0, G_OPTION_ARG_STRING, &ratio, N_("A slide of this shape (e.g. 16:9): the layout made for it, with the title and a legend"), N_("W:H") },
    { "saved-view", 0, 0, G_OPTION_ARG_STRING, &saved_view, N_("What this saved view of FILE shows (its focus, hops, window, hidden kinds, path…), under its title, with --view at its zoom and centre; the options above change it"), N_("ID") },
    { NULL }
  };
  g_autoptr(WeftDataset) dataset = NULL;
  g_autoptr(WeftSession) session = NULL;
  g_autoptr(WeftSubgraph) subgraph = NULL;
  g_autoptr(WeftGraph) graph = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) out = NULL;
  g_autoptr(GError) error = NULL;
  WeftLayoutEngine engine = WEFT_ENGINE_AUTO;
  WeftExportFormat format;
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
                                    _("The format follows OUT’s extension: .svg, .png, .pdf (drawn by Graphviz) "
                                      "or .dot (Graphviz input that lays out as it is); with --view or --ratio, "
                                      ".svg, .png or .pdf drawn as the window draws its graph pane. Edges are solid when "
                                      "reported or confirmed (thick), dashed when alleged or disputed, red "
                                      "ending in a bar when denied, grey dotted when no claim supports them; "
                                      "each label ends with the number of sources behind it."));
  if (!weft_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 3)
    {
      g_printerr (_("weft graph: name a dataset and an output file\n"));
      return WEFT_EXIT_USAGE;
    }
  if (!weft_export_format_from_path (argv[2], &format, &error))
    {
      g_printerr ("weft graph: %s\n", error->message);
      return WEFT_EXIT_USAGE;
    }
  if (engine_name != NULL && !weft_layout_engine_from_string (engine_name, &engine))
    {
      g_printerr (_("weft graph: unknown engine “%s”; use dot, neato, fdp, sfdp, circo, twopi or auto\n"),
                  engine_name);
      return WEFT_EXIT_USAGE;
    }
  if (hops < 1 || hops > 3)
    {
      g_printerr (_("weft graph: --hops must be 1, 2 or 3\n"));
      return WEFT_EXIT_USAGE;
    }
  if (view != NULL && !parse_size (view, 'x', &width, &height))
    {
      g_printerr (_("weft graph: --view takes a size in pixels, as in 1280x720\n"));
      return WEFT_EXIT_USAGE;
    }
  if (ratio != NULL)
    {
      guint a, b;

      if (!parse_size (ratio, ':', &a, &b))
        {
          g_printerr (_("weft graph: --ratio takes a shape, as in 16:9\n"));
          return WEFT_EXIT_USAGE;
        }
      /* A slide 1920 pixels wide unless --view says how big. */
      if (view == NULL)
        {
          width = 1920;
          height = (guint) MAX (1, 1920.0 * b / a + 0.5);
        }
    }
  if ((view != NULL || ratio != NULL) && format == WEFT_EXPORT_DOT)
    {
      g_printerr (_("weft graph: a picture of the view is .svg, .png or .pdf\n"));
      return WEFT_EXIT_USAGE;
    }

  dataset = weft_cli_load (argv[1]);
  if (dataset == NULL)
    return WEFT_EXIT_USAGE;

  session = weft_session_new (dataset);
  weft_session_set_show_events (session, events);
  weft_session_set_show_claims (session, claims);

  if (saved_view != NULL)
    {
      saved = (WeftView *) weft_cli_find_named (dataset, WEFT_ITEM_VIEW, "graph", argv[1], saved_view);
      if (saved == NULL)
        return WEFT_EXIT_USAGE;
      weft_saved_view_apply (saved, session);
      view_title = weft_view_get_title (saved);
    }

  if (focus != NULL)
    {
      WeftEntity *entity = weft_cli_find_entity (dataset, focus);

      if (entity == NULL)
        {
          g_printerr (_("weft graph: %s has no entity “%s”\n"), argv[1], focus);
          return WEFT_EXIT_USAGE;
        }
      weft_session_set_focus (session, entity);
      weft_session_set_focus_hops (session, (guint) hops);
    }

  if (from != NULL || to != NULL)
    {
      WeftDate date;
      gint64 lower = G_MININT64 / 2, upper = G_MAXINT64 / 2;

      if (from != NULL)
        {
          if (!weft_date_parse (from, &date, NULL, &error))
            {
              g_printerr (_("weft graph: --from: %s\n"), error->message);
              return WEFT_EXIT_USAGE;
            }
          lower = date.lower;
        }
      if (to != NULL)
        {
          if (!weft_date_parse (to, &date, NULL, &error))
            {
              g_printerr (_("weft graph: --to: %s\n"), error->message);
              return WEFT_EXIT_USAGE;
            }
          upper = date.upper;
        }
      if (lower > upper)
        {
          g_printerr (_("weft graph: --from %s is after --to %s\n"), from, to);
          return WEFT_EXIT_USAGE;
        }
      weft_session_set_window (session, lower, upper);
    }

  subgraph = saved_view != NULL ? weft_saved_view_dup_subgraph (session)
                                : weft_session_dup_visible_subgraph (session);
  graph = weft_graph_new (dataset, subgraph, events, claims);

  /* --ratio makes a slide: a title and a legend unless told otherwise. */
  title = !no_title && (title || ratio != NULL);
  legend = !no_legend && legend;
  if (width > 0 && saved != NULL)
    {
      /* The window lays out what the focus reaches and hides the rest. */
      g_autoptr(WeftSubgraph) unfiltered = weft_session_dup_unfiltered_subgraph (session);
      g_autoptr(WeftGraph) whole = weft_graph_new (dataset, unfiltered, events, claims);

      bytes = draw_picture (whole, graph, saved, engine, format, width, height, dark, legend,
                            ratio != NULL && !no_legend, title, view_title, &error);
    }
  else if (width > 0)
    bytes = draw_picture (graph, NULL, NULL, engine, format, width, height, dark, legend, ratio != NULL && !no_legend,
                          title, view_title, &error);
  else
    bytes = weft_layout_export_titled (graph, engine, format,
                                       !title ? NULL : view_title != NULL ? view_title : weft_dataset_get_title (dataset),
                                       legend, &error);
  if (bytes == NULL)
    {
      g_printerr ("weft graph: %s\n", error->message);
      return WEFT_EXIT_PROBLEMS;
    }

  /* As every save: the old file stays whole if the write fails, and a
   * symbolic link keeps pointing where it did (weft-loader.h). */
  out = g_file_new_for_path (argv[2]);
  if (!weft_file_replace_contents (out, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, &error))
    {
      g_printerr (_("weft graph: cannot write “%s”: %s\n"), argv[2], error->message);
      return WEFT_EXIT_USAGE;
    }

  return WEFT_EXIT_OK;
}
