/* bench-draw.c: CPU time per frame of the graph view, cairo renderer
 *
 * Usage: bench-draw FILE.weft [ENGINE]   (under Xvfb, GSK_RENDERER=cairo)
 *
 * Lays FILE out in a 1920x1080 window (everything, no bound, no time
 * limit), then times frames: the view's snapshot plus
 * gsk_render_node_draw() of the resulting node onto a 1920x1080 image
 * surface, in thread CPU time. After the view forgets its tiles, the
 * next frames draw new tiles for about 5 ms each: "cold" is the slowest of
 * those 40 frames and "fill" their sum (every visible tile drawn once);
 * "warm" is the median of 30 frames after that (tiles reused: what
 * hovering, selecting and redrawing cost).
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-bench"

#include "config.h"

#include <time.h>
#include <adwaita.h>

#include "weft-graph-view.h"
#include "weft-loader.h"

#define W 1920
#define H 1080

static double
cpu_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static gboolean
stop (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, stop, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static double
frame (WeftGraphView   *view,
       cairo_surface_t *surface)
{
  double start = cpu_now ();
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  cairo_t *cr;

  weft_graph_view_snapshot_scene (view, snapshot, W, H);
  node = gtk_snapshot_free_to_node (snapshot);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_clear_pointer (&node, gsk_render_node_unref);
  return (cpu_now () - start) * 1000.0;
}

static int
compare (gconstpointer a,
         gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static void
measure (const char      *what,
         WeftGraphView   *view,
         cairo_surface_t *surface)
{
  double cold = 0, fill = 0;
  double warm[30];

  weft_graph_view_invalidate (view);
  for (int i = 0; i < 40; i++)
    {
      double t = frame (view, surface);

      cold = MAX (cold, t);
      fill += t;
    }
  for (guint i = 0; i < G_N_ELEMENTS (warm); i++)
    warm[i] = frame (view, surface);
  qsort (warm, G_N_ELEMENTS (warm), sizeof (double), compare);
  g_print ("%-10s scale %.4f  cold %.1f ms  fill %.1f ms  warm median %.2f ms  (min %.2f, max %.2f)\n", what,
           weft_graph_view_get_scale (view), cold, fill, warm[G_N_ELEMENTS (warm) / 2], warm[0],
           warm[G_N_ELEMENTS (warm) - 1]);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WeftDataset) dataset = NULL;
  g_autoptr(WeftSession) session = NULL;
  cairo_surface_t *surface;
  GtkWidget *window, *view;
  gint64 deadline, start;

  if (argc < 2)
    {
      g_printerr ("usage: bench-draw FILE.weft [ENGINE]\n");
      return 2;
    }
  if (!gtk_init_check ())
    return 77;
  adw_init ();

  dataset = weft_dataset_load_path (argv[1], NULL, &error);
  if (dataset == NULL)
    g_error ("%s", error->message);
  session = weft_session_new (dataset);
  view = weft_graph_view_new (NULL);
  g_object_set (view, "bound", G_MAXUINT, "timeout", 0, "engine", argc > 2 ? argv[2] : "sfdp", NULL);
  weft_graph_view_set_session (WEFT_GRAPH_VIEW (view), session);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), W, H);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));

  start = g_get_monotonic_time ();
  deadline = start + 600 * G_USEC_PER_SEC;
  spin (50);
  while ((weft_graph_view_get_busy (WEFT_GRAPH_VIEW (view)) || weft_graph_view_get_layout (WEFT_GRAPH_VIEW (view)) == NULL) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  if (weft_graph_view_get_layout (WEFT_GRAPH_VIEW (view)) == NULL)
    g_error ("no layout: %s", weft_graph_view_get_message (WEFT_GRAPH_VIEW (view)));
  {
    WeftGraph *graph = weft_layout_get_graph (weft_graph_view_get_layout (WEFT_GRAPH_VIEW (view)));
    g_print ("%u nodes, %u edges, laid out in %.1f s (window stayed responsive)\n",
             weft_graph_get_n_nodes (graph), weft_graph_get_n_edges (graph),
             (g_get_monotonic_time () - start) / 1e6);
  }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);

  gtk_widget_activate_action (view, "graph.zoom-fit", NULL);
  spin (400);
  measure ("full view", WEFT_GRAPH_VIEW (view), surface);

  for (int i = 0; i < 10; i++)
    gtk_widget_activate_action (view, "graph.zoom-in", NULL);
  spin (400);
  measure ("zoomed in", WEFT_GRAPH_VIEW (view), surface);

  gtk_widget_activate_action (view, "graph.pan", "(dd)", 3.0, 2.0);
  measure ("panned", WEFT_GRAPH_VIEW (view), surface);

  cairo_surface_destroy (surface);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
