/* bench-timeline.c: CPU time of the timeline's frames on a large dataset
 *
 * Usage: bench-timeline FILE [ITERATIONS]
 *
 * For lanes by group and by entity, at zooms from everything (35 years) to
 * a week, measures the CPU time of the window's timeline pane at 1920x1080
 * (weft-timeline-pane.h: each lane the rows it needs, scrolling, titles
 * whole where there is room):
 *   layout   finding what is visible, packing titles, clustering, building
 *            the frame
 *   +render  the same, then drawing it (and the overview strip) with the
 *            cairo renderer into a 1920x1080 image
 *   zoom     one zoom step (x1.25 in or out around a point) re-laid out
 * and, as a peer on the same input, a naive frame that walks every item of
 * every lane to find and bin the visible ones (what a timeline without
 * sorted arrays does), to give the ratio.
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-bench"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "weft-edit.h"
#include "weft-loader.h"
#include "weft-timeline-pane.h"

#define WIDTH 1920
#define HEIGHT 1080

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
double_compare (const void *pa,
                const void *pb)
{
  double a = *(const double *) pa, b = *(const double *) pb;

  return a < b ? -1 : (a > b ? 1 : 0);
}

typedef struct {
  double median;
  double p95;
  double max;
} Stats;

static Stats
stats_of (double *samples,
          guint   n)
{
  Stats s;

  qsort (samples, n, sizeof (double), double_compare);
  s.median = samples[n / 2];
  s.p95 = samples[MIN (n - 1, (guint) ceil (n * 0.95) - 1)];
  s.max = samples[n - 1];
  return s;
}

/* The peer: every item of every lane looked at, visible ones binned into
 * the same 40-pixel columns; no packing, no titles, no drawing. */
static guint
naive_frame (WeftTimelineIndex       *index,
             const WeftTimelineScale *scale,
             guint                   *bins,
             guint                    n_bins)
{
  guint visible = 0;
  double ppd = weft_timeline_scale_px_per_day (scale);

  memset (bins, 0, n_bins * sizeof (guint));
  for (guint i = 0; i < weft_timeline_index_get_n_items (index); i++)
    {
      const WeftTimelineItem *item = weft_timeline_index_get_item (index, i);

      if (item->lower < scale->upper && item->upper > scale->lower)
        {
          guint col = (guint) MAX ((item->lower - scale->lower) * ppd / 40, 0);

          bins[(item->lane * 64 + MIN (col, 63)) % n_bins]++;
          visible++;
        }
    }
  return visible;
}

typedef struct {
  const char *name;
  double      days;
} Zoom;

static void
keep_change (WeftDataset        *dataset,
             WeftDatasetChange  *change,
             WeftDatasetChange **out)
{
  *out = weft_dataset_change_ref (change);
}

static void
run_lanes (WeftDataset       *dataset,
           WeftTimelineLanes  mode,
           guint              iterations)
{
  static const Zoom zooms[] = {
    { "everything", 0 },
    { "5 years", 5 * 365.25 },
    { "1 year", 365.25 },
    { "1 month", 30.5 },
    { "1 week", 7 },
  };
  g_autoptr(WeftTimelinePane) pane = NULL;
  WeftTimelineIndex *index;
  const WeftTimelineFrame *frame;
  g_autofree double *samples = g_new (double, iterations);
  g_autofree double *render_samples = g_new (double, iterations);
  g_autofree guint *bins = g_new0 (guint, 1 << 16);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  WeftTimelineRenderState state;
  double t0, t1, lower, upper, centre;
  GRand *rand = g_rand_new_with_seed (7);

  t0 = cpu_ms ();
  pane = weft_timeline_pane_new (dataset, mode, 1);
  index = weft_timeline_pane_get_index (pane);
  t1 = cpu_ms ();
  /* The size: rows shared out after a probe of everything. */
  weft_timeline_pane_set_size (pane, WIDTH, HEIGHT);
  g_print ("\nlanes by %s: %u lanes, %u items; index built in %.1f ms, rows shared in %.1f ms\n",
           weft_timeline_lanes_to_string (mode), weft_timeline_index_get_n_lanes (index),
           weft_timeline_index_get_n_items (index), t1 - t0, cpu_ms () - t1);
  g_print ("%-11s %8s %6s %8s | %-17s | %-17s | %-10s | %-10s | %s\n",
           "zoom", "visible", "marks", "clusters", "layout ms med/p95", "+render med/p95",
           "first ms", "naive ms", "naive/layout");

  weft_timeline_render_state_init (&state, weft_timeline_palette_get (FALSE));

  weft_timeline_index_get_range (index, &lower, &upper);
  centre = (double) weft_days_from_civil (2010, 6, 15);

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      double first, naive_total = 0;
      guint n_marks = 0, n_clusters = 0, naive_visible = 0;
      Stats layout, render;

      if (zooms[z].days == 0)
        weft_timeline_pane_set_span (pane, lower, upper);
      else
        weft_timeline_pane_set_span (pane, centre - zooms[z].days / 2, centre + zooms[z].days / 2);

      /* The first frame at a zoom measures the titles it shows. */
      t0 = cpu_ms ();
      frame = weft_timeline_pane_get_frame (pane);
      first = cpu_ms () - t0;

      for (guint i = 0; i < iterations; i++)
        {
          /* A pixel of panning each time, as while dragging. */
          t0 = cpu_ms ();
          weft_timeline_pane_pan (pane, (i % 2) ? -1 : 1);
          frame = weft_timeline_pane_get_frame (pane);
          samples[i] = cpu_ms () - t0;

          t0 = cpu_ms ();
          weft_timeline_pane_pan (pane, (i % 2) ? 1 : -1);
          weft_timeline_pane_draw (pane, cr, &state);
          cairo_surface_flush (surface);
          render_samples[i] = cpu_ms () - t0;

          t0 = cpu_ms ();
          naive_visible = naive_frame (index, weft_timeline_pane_get_scale (pane), bins, 1 << 16);
          naive_total += cpu_ms () - t0;
        }
      frame = weft_timeline_pane_get_frame (pane);
      for (guint i = 0; i < frame->marks->len; i++)
        {
          if (g_array_index (frame->marks, WeftTimelineMark, i).kind == WEFT_TIMELINE_MARK_CLUSTER)
            n_clusters++;
          else
            n_marks++;
        }
      layout = stats_of (samples, iterations);
      render = stats_of (render_samples, iterations);
      g_print ("%-11s %8u %6u %8u | %7.3f / %7.3f | %7.3f / %7.3f | %10.3f | %10.3f | %.1f\n",
               zooms[z].name, naive_visible, n_marks, n_clusters,
               layout.median, layout.p95, render.median, render.p95, first,
               naive_total / iterations, (naive_total / iterations) / MAX (layout.median, 1e-6));
    }

  /* Zoom steps: in and out by 1.25 around random points, from 35 years to
   * a few days and back, every step a new clustering. */
  {
    Stats zs;

    weft_timeline_pane_set_span (pane, lower, upper);
    for (guint i = 0; i < iterations; i++)
      {
        const WeftTimelineScale *scale = weft_timeline_pane_get_scale (pane);
        double span = scale->upper - scale->lower;
        double factor = span > 20 && (span > (upper - lower) * 0.9 || g_rand_boolean (rand) || span > 3650) ? 1.25 : 0.8;

        if (span < 60)
          factor = 0.8;
        t0 = cpu_ms ();
        weft_timeline_pane_zoom (pane, g_rand_double_range (rand, 0, WIDTH), factor);
        weft_timeline_pane_get_frame (pane);
        samples[i] = cpu_ms () - t0;
      }
    zs = stats_of (samples, iterations);
    g_print ("zoom step (x1.25): median %.3f ms, p95 %.3f ms, max %.3f ms\n", zs.median, zs.p95, zs.max);
  }


  /* Edits: a new title for one event (the lanes kept, its titles
   * measured again), and a new group (the lanes indexed again): the pane
   * updated, measuring again the lanes touched, against a new pane (what
   * the view did before: index and every lane's rows). */
  for (guint kind = 0; kind < 2; kind++)
    {
      GPtrArray *events = weft_dataset_get_events (dataset);
      guint n_edits = MIN (iterations, 40);
      g_autofree double *updates = g_new (double, n_edits);
      double fresh;

      for (guint i = 0; i < n_edits; i++)
        {
          WeftEvent *event = g_ptr_array_index (events, g_rand_int_range (rand, 0, (gint32) events->len));
          WeftEvent *other = g_ptr_array_index (events, g_rand_int_range (rand, 0, (gint32) events->len));
          g_autofree char *title = g_strdup_printf ("%s, again", event->title);
          g_autoptr(WeftEdit) edit = weft_edit_new (dataset, "bench");
          WeftDatasetChange *change = NULL;
          gulong handler = g_signal_connect (dataset, "changed", G_CALLBACK (keep_change), &change);

          g_autoptr(GError) error = NULL;

          if (!(kind == 0 ? weft_edit_set (edit, &event->item, "title", title, &error)
                          : weft_edit_set (edit, &event->item, "group",
                                           other->group != NULL && g_strcmp0 (other->group, event->group) != 0
                                           ? other->group : "Elsewhere", &error)) ||
              !weft_edit_commit (edit, &error))
            g_printerr ("%s\n", error->message);
          g_signal_handler_disconnect (dataset, handler);
          if (change == NULL)
            {
              updates[i] = 0;
              continue;
            }
          t0 = cpu_ms ();
          weft_timeline_pane_update (pane, change);
          (void) weft_timeline_pane_get_frame (pane);
          updates[i] = cpu_ms () - t0;
          weft_dataset_change_unref (change);
        }
      t0 = cpu_ms ();
      {
        g_autoptr(WeftTimelinePane) other = weft_timeline_pane_new (dataset, mode, 1);

        weft_timeline_pane_set_size (other, WIDTH, HEIGHT);
        (void) weft_timeline_pane_get_frame (other);
      }
      fresh = cpu_ms () - t0;
      qsort (updates, n_edits, sizeof *updates, double_compare);
      g_print ("an edit (%s): pane updated in %.2f ms median, %.2f ms max (%u edits); a new pane: %.1f ms; ratio %.4f\n",
               kind == 0 ? "a title" : "a group", updates[n_edits / 2], updates[n_edits - 1], n_edits,
               fresh, updates[n_edits / 2] / fresh);
    }

  g_rand_free (rand);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(WeftDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  guint iterations = argc > 2 ? (guint) CLAMP (atoi (argv[2]), 5, 100000) : 200;
  double t0;

  setlocale (LC_ALL, "");
  if (argc < 2)
    {
      g_printerr ("Usage: %s FILE [ITERATIONS]\n", argv[0]);
      return 2;
    }

  t0 = g_get_monotonic_time ();
  dataset = weft_dataset_load_path (argv[1], NULL, &error);
  if (dataset == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  g_print ("%s: %u events, %u entities, loaded in %.0f ms (wall)\n", argv[1],
           weft_dataset_get_events (dataset)->len, weft_dataset_get_entities (dataset)->len,
           (g_get_monotonic_time () - t0) / 1e3);
  g_print ("CPU time of one thread, %u iterations per line, %d x %d px\n", iterations, WIDTH, HEIGHT);

  run_lanes (dataset, WEFT_TIMELINE_LANES_GROUP, iterations);
  run_lanes (dataset, WEFT_TIMELINE_LANES_ENTITY, iterations);
  return 0;
}
