/* bench-layout.c: in-process layout and export timings for bench.sh
 *
 * Usage: bench-layout FILE.weft ENGINE OUT.dot [RUNS [NODES]]
 *   writes Weft's DOT export to OUT.dot (the input the Graphviz command
 *   line gets), then prints "layout WALL CPU": the best of RUNS (3)
 *   in-process layouts of the same graph (build the Graphviz graph, lay
 *   out, copy the geometry out, free), in seconds of wall-clock and of
 *   process CPU time; then "fit WALL CPU": fitting it to a 1280x720 pane
 *   once, which the view adds. With NODES, writes there each node's centre as
 *   `-Tplain` writes it (inches, y up, "%.5g"), one "x y" line a node in
 *   order, so that bench.py can show that the command line laid out the
 *   same graph the same way.
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-bench"

#include "config.h"

#include <stdlib.h>
#include <time.h>

#include "weft-layout.h"
#include "weft-loader.h"

static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WeftDataset) dataset = NULL;
  g_autoptr(WeftSubgraph) all = NULL;
  g_autoptr(WeftGraph) graph = NULL;
  g_autoptr(GBytes) dot = NULL;
  g_autoptr(WeftLayout) layout = NULL;
  WeftLayoutEngine engine;
  double best = G_MAXDOUBLE, best_cpu = G_MAXDOUBLE;
  int runs = argc > 4 ? atoi (argv[4]) : 3;

  if (argc < 4 || argc > 6 || runs < 1 || !weft_layout_engine_from_string (argv[2], &engine))
    {
      g_printerr ("usage: bench-layout FILE.weft ENGINE OUT.dot [RUNS]\n");
      return 2;
    }

  dataset = weft_dataset_load_path (argv[1], NULL, &error);
  if (dataset == NULL)
    g_error ("%s", error->message);
  all = weft_dataset_all (dataset);
  graph = weft_graph_new (dataset, all, FALSE, FALSE);
  dot = weft_layout_export (graph, engine, WEFT_EXPORT_DOT, &error);
  if (dot == NULL || !g_file_set_contents (argv[3], g_bytes_get_data (dot, NULL), g_bytes_get_size (dot), &error))
    g_error ("%s", error->message);
  if (!weft_layout_check (&error))
    g_error ("%s", error->message);

  for (int i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu = cpu_seconds ();

      g_clear_pointer (&layout, weft_layout_unref);
      layout = weft_layout_run (graph, engine, &error);
      if (layout == NULL)
        g_error ("%s", error->message);
      best = MIN (best, (g_get_monotonic_time () - start) / 1e6);
      best_cpu = MIN (best_cpu, cpu_seconds () - cpu);
    }
  g_print ("layout %.3f %.3f\n", best, best_cpu);

  /* What "lay out everything" adds: fitting the placement to a 1280x720
   * pane (weft_layout_fit()). */
  {
    gint64 start = g_get_monotonic_time ();
    double cpu = cpu_seconds ();
    g_autoptr(WeftLayout) fitted = weft_layout_fit (layout, 1280, 720, NULL);

    g_assert (fitted != NULL);
    g_print ("fit %.3f %.3f\n", (g_get_monotonic_time () - start) / 1e6, cpu_seconds () - cpu);
  }

  if (argc > 5)
    {
      g_autofree char *nodes = weft_layout_dup_plain_centres (layout);

      if (!g_file_set_contents (argv[5], nodes, -1, &error))
        g_error ("%s", error->message);
    }
  return 0;
}
