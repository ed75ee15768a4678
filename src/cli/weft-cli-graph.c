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
#include "weft-layout.h"
#include "weft-file.h"
#include "weft-session.h"

int
weft_cli_graph (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = weft_cli_context_new ("graph", NULL, NULL);
  g_autofree char *engine_name = NULL;
  g_autofree char *focus = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  int hops = 1;
  gboolean events = FALSE, claims = FALSE;
  GOptionEntry entries[] = {
    { "engine", 'e', 0, G_OPTION_ARG_STRING, &engine_name,
      N_("Graphviz layout: dot, neato, fdp, sfdp, circo, twopi or auto (the default: dot up to 400 nodes, sfdp beyond)"), N_("ENGINE") },
    { "focus", 0, 0, G_OPTION_ARG_STRING, &focus, N_("Only this entity (id or name) and its neighbourhood"), N_("ENTITY") },
    { "hops", 0, 0, G_OPTION_ARG_INT, &hops, N_("How far the neighbourhood of --focus reaches: 1, 2 or 3 (default 1)"), N_("N") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("Only what happened on or after this date (EDTF, e.g. 2019 or 2020-05)"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Only what happened on or before this date"), N_("DATE") },
    { "events", 0, 0, G_OPTION_ARG_NONE, &events, N_("Draw events as nodes, linked to their participants"), NULL },
    { "claims", 0, 0, G_OPTION_ARG_NONE, &claims, N_("Draw claims as nodes, linked to their claimant and subjects"), NULL },
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
                                      "or .dot (Graphviz input that lays out as it is). Edges are solid when "
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

  dataset = weft_cli_load (argv[1]);
  if (dataset == NULL)
    return WEFT_EXIT_USAGE;

  session = weft_session_new (dataset);
  weft_session_set_show_events (session, events);
  weft_session_set_show_claims (session, claims);

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

  subgraph = weft_session_dup_visible_subgraph (session);
  graph = weft_graph_new (dataset, subgraph, events, claims);

  bytes = weft_layout_export (graph, engine, format, &error);
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
