/* weft-timeline-pane.c: the timeline pane at a size, laid out and drawn
 *
 * SPDX-License-Identifier: MIT
 *
 * How the lanes get their height. Each lane's demand is the number of
 * rows its events take when everything is shown at the pane's width,
 * titles whole (a probe layout, at most as many rows as fit in the pane
 * for one lane alone, and WEFT_TIMELINE_MAX_ROWS). Every unfolded lane
 * gets all it asks for, and the lanes scroll when together they need more
 * than the pane's height: an event is folded into a cluster only where its
 * lane would need more rows than the whole pane holds (which also bounds
 * the work at 100,000 events). Folded lanes take only their title and
 * cluster row. An indicator at the right edge shows where the lanes are
 * scrolled to.
 *
 * Demand is taken from everything, not from the span in view, so that
 * lanes keep their heights while one zooms and pans (rows needed when
 * zoomed in are about those needed for everything, as events only move
 * apart). It is measured again when the size changes or a lane is
 * folded. A frame that does need a cluster row it was not given (zoomed
 * out past everything) gets one from the layout.
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <math.h>
#include <string.h>

#include "weft-dataset-change.h"
#include "weft-hash.h"
#include "weft-timeline-pane.h"

struct _WeftTimelinePane
{
  WeftTimelineIndex        *index;
  WeftTimelineRenderer     *renderer;
  WeftTimelineFrame        *frame;
  WeftTimelineLayoutOptions options;
  WeftTimelineScale         scale;
  gboolean                  have_size;
  gboolean                  dirty;       /* the frame is out of date */
  double                    width;
  double                    height;
  double                    fit_lower;
  double                    fit_upper;
  double                    scroll_y;
  GHashTable               *collapsed;   /* lane keys, owned */
  WeftTimelineLaneShare    *shares;      /* by index lane, then: */
  WeftTimelineLaneShare    *demand;      /*   what the probe found each lane needs (same block) */
  double                    probe_width; /* what it was made for (0: none yet) */
  guint                     probe_cap;
  guint                     n_touched;   /* lanes probed again by the last update */
  guint                    *density;     /* events starting in each 3-pixel column of the overview */
  guint                     n_density;
  guint                     density_max;
};

void
weft_timeline_fit_span (WeftTimelineIndex *index,
                        double            *lower,
                        double            *upper)
{
  GPtrArray *eras = weft_dataset_get_eras (weft_timeline_index_get_dataset (index));
  gboolean any = weft_timeline_index_get_range (index, lower, upper);
  double pad;

  for (guint i = 0; i < eras->len; i++)
    {
      WeftEra *era = g_ptr_array_index (eras, i);
      gboolean open_start = (era->date.start.flags & WEFT_DATE_FLAG_OPEN) != 0;
      gboolean open_end = era->date.is_interval && (era->date.end.flags & WEFT_DATE_FLAG_OPEN) != 0;
      double a = (double) era->date.start.lower, b = (double) era->date.end.upper + 1;

      if (open_start && open_end)
        continue;
      if (open_start)
        a = (double) era->date.end.lower;
      if (open_end)
        b = (double) era->date.start.upper + 1;
      *lower = any ? MIN (*lower, a) : a;
      *upper = any ? MAX (*upper, b) : b;
      any = TRUE;
    }

  if (!any)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      *lower = (double) weft_days_from_civil (g_date_time_get_year (now), 1, 1);
      *upper = *lower + 366;
    }

  pad = MAX ((*upper - *lower) * 0.03, 15);
  *lower -= pad;
  *upper += pad;
}

/* ---- The lanes' rows --------------------------------------------------- */

static double
lanes_height (WeftTimelinePane *self)
{
  const WeftTimelineMetrics *m = &self->options.metrics;

  return self->height - WEFT_TIMELINE_OVERVIEW_HEIGHT -
         weft_timeline_header_height (m, weft_timeline_index_get_n_era_rows (self->index));
}

static double
lane_height (const WeftTimelineMetrics *m,
             guint                      rows,
             gboolean                   cluster_row)
{
  return m->lane_header_height + rows * m->row_height + (cluster_row ? m->cluster_row_height : 0) + m->lane_gap;
}

/* The demand of the lanes @only (all when NULL): rows used when
 * everything is shown with at most @cap rows a lane, and whether even
 * those left events in clusters. */
static void
probe_lanes (WeftTimelinePane *self,
             guint             cap,
             const guint8     *only)
{
  g_autoptr(WeftTimelineFrame) frame = NULL;
  WeftTimelineLayoutOptions options = self->options;
  WeftTimelineScale fit;

  for (guint i = 0; i < weft_timeline_index_get_n_lanes (self->index); i++)
    if (only == NULL || only[i])
      memset (&self->demand[i], 0, sizeof *self->demand);

  frame = weft_timeline_frame_new ();
  options.compact = TRUE;
  options.max_rows = cap;
  options.collapsed = NULL;
  options.lane_shares = NULL;
  options.only_lanes = only;
  weft_timeline_scale_init (&fit, self->fit_lower, self->fit_upper, self->width);
  weft_timeline_layout (self->index, &fit, &options, frame);
  for (guint i = 0; i < frame->lanes->len; i++)
    {
      const WeftTimelineLaneBox *box = &g_array_index (frame->lanes, WeftTimelineLaneBox, i);

      self->demand[box->lane].rows = box->rows;
      self->demand[box->lane].cluster_row = box->cluster_row;
    }
}

/* As many rows as fit in the pane for one lane alone. */
static guint
rows_cap (WeftTimelinePane *self)
{
  const WeftTimelineMetrics *m = &self->options.metrics;
  double one_lane = lanes_height (self) - lane_height (m, 0, TRUE);

  return one_lane > m->row_height ? (guint) MIN (floor (one_lane / m->row_height), WEFT_TIMELINE_MAX_ROWS) : 1;
}

/* Every lane's demand, kept until the width or the cap changes (not for
 * each new height). */
static void
probe_demand (WeftTimelinePane *self)
{
  guint cap = rows_cap (self);

  if (self->probe_width == self->width && self->probe_cap == cap)
    return;
  self->probe_width = self->width;
  self->probe_cap = cap;
  probe_lanes (self, cap, NULL);
}

static void
share_rows (WeftTimelinePane *self)
{
  guint n = weft_timeline_index_get_n_lanes (self->index);

  probe_demand (self);
  for (guint i = 0; i < n; i++)
    {
      gboolean folded = g_hash_table_contains (self->collapsed, weft_timeline_index_get_lane (self->index, i)->key);

      self->shares[i].rows = folded ? 0 : self->demand[i].rows;
      self->shares[i].cluster_row = folded || self->demand[i].cluster_row;
    }
  self->dirty = TRUE;
}

/* ---- The overview ------------------------------------------------------ */

static void
compute_density (WeftTimelinePane *self)
{
  guint n = (guint) MAX (self->width / 3, 1);

  if (n == self->n_density)
    return;
  g_free (self->density);
  self->density = g_new0 (guint, n);
  self->n_density = n;
  self->density_max = 0;
  for (guint i = 0; i < n; i++)
    {
      double a = weft_timeline_pane_overview_day (self, i * 3.0);
      double b = weft_timeline_pane_overview_day (self, (i + 1) * 3.0);

      self->density[i] = weft_timeline_index_count_starts (self->index, G_MAXUINT, a, b);
      self->density_max = MAX (self->density_max, self->density[i]);
    }
}

double
weft_timeline_pane_overview_x (WeftTimelinePane *self,
                               double            day)
{
  return (day - self->fit_lower) / MAX (self->fit_upper - self->fit_lower, 1) * MAX (self->width, 1);
}

double
weft_timeline_pane_overview_day (WeftTimelinePane *self,
                                 double            x)
{
  return self->fit_lower + x / MAX (self->width, 1) * MAX (self->fit_upper - self->fit_lower, 1);
}

static void
fill_rect (cairo_t                 *cr,
           const WeftTimelineColor *c,
           double                   alpha,
           double                   x,
           double                   y,
           double                   w,
           double                   h)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha * alpha);
  cairo_rectangle (cr, x, y, w, h);
  cairo_fill (cr);
}

/* The whole span under the lanes: how many events start where, the time
 * window, and the part in view, outlined. */
static void
draw_overview (WeftTimelinePane              *self,
               cairo_t                       *cr,
               const WeftTimelineRenderState *state)
{
  const WeftTimelinePalette *p = state->palette;
  double w = self->width, top = weft_timeline_pane_get_lanes_bottom (self), h = WEFT_TIMELINE_OVERVIEW_HEIGHT;
  double x0, x1, r = 3;

  fill_rect (cr, &p->header, 1, 0, top, w, h);
  fill_rect (cr, &p->grid_major, 1, 0, top, w, 1);

  for (guint i = 0; i < self->n_density && self->density_max > 0; i++)
    {
      double bar;

      if (self->density[i] == 0)
        continue;
      bar = 3 + (h - 10) * sqrt ((double) self->density[i] / self->density_max);
      fill_rect (cr, &p->neutral, 0.55, i * 3.0, top + h - 3 - bar, 2, bar);
    }

  if (state->has_window)
    {
      x0 = weft_timeline_pane_overview_x (self, state->window_lower);
      x1 = weft_timeline_pane_overview_x (self, state->window_upper + 1);
      fill_rect (cr, &p->window, 2, x0, top + 1, MAX (x1 - x0, 2), h - 1);
    }

  x0 = CLAMP (weft_timeline_pane_overview_x (self, self->scale.lower), 0, w - 3);
  x1 = CLAMP (weft_timeline_pane_overview_x (self, self->scale.upper), x0 + 3, w);
  fill_rect (cr, &p->accent, 0.10, x0, top + 3, x1 - x0, h - 6);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x1 - r - 0.75, top + 3.75 + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x1 - r - 0.75, top + h - 3.75 - r, r, 0, G_PI / 2);
  cairo_arc (cr, x0 + r + 0.75, top + h - 3.75 - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x0 + r + 0.75, top + 3.75 + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  cairo_set_line_width (cr, 1.5);
  cairo_set_source_rgba (cr, p->accent.red, p->accent.green, p->accent.blue, p->accent.alpha);
  cairo_stroke (cr);
}

/* Where one is in lanes taller than the pane: a thin bar at the right
 * edge, as GNOME's overlay scrollbars show it. */
static void
draw_scroll_indicator (WeftTimelinePane              *self,
                       cairo_t                       *cr,
                       const WeftTimelineRenderState *state)
{
  const WeftTimelineColor *c = &state->palette->text;
  double top = self->frame->header_height + 2, bottom = weft_timeline_pane_get_lanes_bottom (self) - 2;
  double visible = bottom - top + 4, track = bottom - top;
  double h, y, r = 2;

  if (self->frame->lanes_height <= visible + 0.5 || track < 24)
    return;
  h = MAX (track * visible / self->frame->lanes_height, 24);
  y = top + (track - h) * self->scroll_y / MAX (self->frame->lanes_height - visible, 1);
  cairo_new_sub_path (cr);
  cairo_arc (cr, self->width - 2 - r, y + r, r, G_PI, 2 * G_PI);
  cairo_arc (cr, self->width - 2 - r, y + h - r, r, 0, G_PI);
  cairo_close_path (cr);
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, 0.4);
  cairo_fill (cr);
}

/* ---- The pane ---------------------------------------------------------- */

static void constrain (WeftTimelinePane *self);

/* The lanes of @lanes, none folded, and what depends on them. */
static void
index_lanes (WeftTimelinePane  *self,
             WeftDataset       *dataset,
             WeftTimelineLanes  lanes)
{
  WeftTimelineIndex *old = self->index;
  guint n;

  /* The new index first: @dataset may be the old one's only reference. */
  self->index = weft_timeline_index_new (dataset, lanes);
  weft_timeline_index_free (old);
  self->frame->index = NULL;
  g_hash_table_remove_all (self->collapsed);
  n = weft_timeline_index_get_n_lanes (self->index);
  g_free (self->shares);
  self->shares = g_new0 (WeftTimelineLaneShare, 2 * MAX (n, 1));
  self->demand = self->shares + MAX (n, 1);
  self->probe_width = 0;
  self->options.lane_shares = self->shares;
  weft_timeline_fit_span (self->index, &self->fit_lower, &self->fit_upper);
  self->n_density = 0;
  self->scroll_y = 0;
  self->dirty = TRUE;
}

WeftTimelinePane *
weft_timeline_pane_new (WeftDataset       *dataset,
                        WeftTimelineLanes  lanes,
                        double             font_scale)
{
  WeftTimelinePane *self;

  g_return_val_if_fail (WEFT_IS_DATASET (dataset) && weft_dataset_is_finished (dataset), NULL);

  self = g_new0 (WeftTimelinePane, 1);
  self->renderer = weft_timeline_renderer_new (NULL, font_scale);
  self->frame = weft_timeline_frame_new ();
  self->collapsed = g_hash_table_new_full (weft_str_hash, g_str_equal, g_free, NULL);

  weft_timeline_layout_options_init (&self->options);
  self->options.measure = weft_timeline_renderer_measure;
  self->options.measure_data = self->renderer;
  self->options.max_rows = WEFT_TIMELINE_MAX_ROWS;
  self->options.collapsed = self->collapsed;

  index_lanes (self, dataset, lanes);
  weft_timeline_scale_init (&self->scale, self->fit_lower, self->fit_upper, 1);
  return self;
}

void
weft_timeline_pane_set_lanes (WeftTimelinePane  *self,
                              WeftTimelineLanes  lanes)
{
  index_lanes (self, weft_timeline_index_get_dataset (self->index), lanes);
  if (self->have_size)
    {
      constrain (self);
      compute_density (self);
      share_rows (self);
    }
}

static gboolean
showing_everything (WeftTimelinePane *self)
{
  double slack = 1e-6 * (self->fit_upper - self->fit_lower);

  return fabs (self->scale.lower - self->fit_lower) <= slack && fabs (self->scale.upper - self->fit_upper) <= slack;
}

/* Each lane's items, as two numbers: how many, and a sum of a hash of
 * each one's event and days (pointers are only compared, never read). */
static guint64 *
lane_fingerprints (WeftTimelineIndex *index)
{
  guint n = weft_timeline_index_get_n_lanes (index);
  guint64 *print = g_new0 (guint64, 2 * MAX (n, 1));

  for (guint i = 0; i < weft_timeline_index_get_n_items (index); i++)
    {
      const WeftTimelineItem *item = weft_timeline_index_get_item (index, i);
      guint64 lower, upper, h;

      memcpy (&lower, &item->lower, sizeof lower);
      memcpy (&upper, &item->upper, sizeof upper);
      /* splitmix64's finaliser over the three. */
      h = (guint64) (guintptr) item->event ^ (lower * 0x9e3779b97f4a7c15ULL) ^ (upper * 0xc2b2ae3d27d4eb4fULL);
      h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ULL;
      h = (h ^ (h >> 27)) * 0x94d049bb133111ebULL;
      h ^= h >> 31;
      print[2 * item->lane]++;
      print[2 * item->lane + 1] += h;
    }
  return print;
}

/* Whether @change leaves the lanes as they are: no item added or
 * removed, events changed only in what the rows do not depend on but for
 * the width of their titles (title, description, tags, history), and
 * nothing else the timeline draws (claims and citations: the marks'
 * statuses; eras; entities when the lanes are theirs or their kinds'). */
static gboolean
keeps_lanes (WeftTimelineIndex       *index,
             const WeftDatasetChange *change)
{
  static const char *const placing[] = { "id", "date", "participants", "claims", "group" };
  const WeftItemChange *items;
  guint n_items;

  if (weft_dataset_change_moves_items (change))
    return FALSE;
  items = weft_dataset_change_get_items (change, &n_items);
  for (guint i = 0; i < n_items; i++)
    switch (items[i].item->type)
      {
      case WEFT_ITEM_EVENT:
        for (guint k = 0; k < G_N_ELEMENTS (placing); k++)
          if (weft_item_change_has_member (&items[i], placing[k]))
            return FALSE;
        break;
      case WEFT_ITEM_SOURCE:
      case WEFT_ITEM_RELATION:
      case WEFT_ITEM_VIEW:
      case WEFT_ITEM_STORY:
        break;
      case WEFT_ITEM_ENTITY:
        if (weft_timeline_index_get_lanes_mode (index) != WEFT_TIMELINE_LANES_GROUP)
          return FALSE;
        break;
      default:
        return FALSE;
      }
  return TRUE;
}

/* Marks in @touched the lanes of the events @change changed. */
static void
touch_changed_events (WeftTimelineIndex       *index,
                      const WeftDatasetChange *change,
                      guint8                  *touched)
{
  const WeftItemChange *items;
  guint n_items;

  items = weft_dataset_change_get_items (change, &n_items);
  for (guint i = 0; i < n_items; i++)
    {
      guint first, n_event_items;

      if (items[i].kind != WEFT_CHANGE_CHANGED || items[i].item->type != WEFT_ITEM_EVENT ||
          !weft_timeline_index_get_event_items (index, (WeftEvent *) items[i].item, &first, &n_event_items))
        continue;
      weft_timeline_index_forget_label_width (index, (WeftEvent *) items[i].item);
      for (guint k = first; k < first + n_event_items; k++)
        touched[weft_timeline_index_get_item (index, k)->lane] = TRUE;
    }
}

/* The lanes indexed again; in @touched (one per new lane) those whose
 * items changed; the others keep their demand. */
static guint8 *
index_again (WeftTimelinePane *self)
{
  WeftTimelineIndex *old = self->index;
  WeftTimelineLaneShare *old_shares = self->shares, *old_demand = self->demand;
  g_autofree guint64 *old_print = lane_fingerprints (old);
  g_autofree guint64 *new_print = NULL;
  g_autoptr(GHashTable) old_lanes = g_hash_table_new (g_str_hash, g_str_equal);
  guint8 *touched;
  guint n;

  for (guint i = 0; i < weft_timeline_index_get_n_lanes (old); i++)
    g_hash_table_insert (old_lanes, weft_timeline_index_get_lane (old, i)->key, GUINT_TO_POINTER (i + 1));

  self->index = weft_timeline_index_new (weft_timeline_index_get_dataset (old), weft_timeline_index_get_lanes_mode (old));
  self->frame->index = NULL;
  n = weft_timeline_index_get_n_lanes (self->index);
  self->shares = g_new0 (WeftTimelineLaneShare, 2 * MAX (n, 1));
  self->demand = self->shares + MAX (n, 1);
  self->options.lane_shares = self->shares;

  /* A lane is touched when it is new or when its items are not the same
   * events on the same days. */
  new_print = lane_fingerprints (self->index);
  touched = g_new0 (guint8, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      guint j = GPOINTER_TO_UINT (g_hash_table_lookup (old_lanes, weft_timeline_index_get_lane (self->index, i)->key));

      if (j == 0 || old_print[2 * (j - 1)] != new_print[2 * i] || old_print[2 * (j - 1) + 1] != new_print[2 * i + 1])
        touched[i] = TRUE;
      else
        self->demand[i] = old_demand[j - 1];
    }
  g_hash_table_remove_all (old_lanes);
  weft_timeline_index_free (old);
  g_free (old_shares);
  return touched;
}

void
weft_timeline_pane_update (WeftTimelinePane        *self,
                           const WeftDatasetChange *change)
{
  g_autofree guint8 *touched = NULL;
  gboolean everything = self->have_size && showing_everything (self);
  double old_lower = self->fit_lower, old_upper = self->fit_upper;
  GHashTableIter iter;
  gpointer key;
  guint n;

  /* Titles and the like: the same lanes, only their events' titles
   * measured again. Else the lanes indexed again. */
  if (keeps_lanes (self->index, change))
    touched = g_new0 (guint8, MAX (weft_timeline_index_get_n_lanes (self->index), 1));
  else
    touched = index_again (self);
  /* A lane holding an event that changed is touched too (a title: the
   * rows its labels take). */
  touch_changed_events (self->index, change, touched);
  n = weft_timeline_index_get_n_lanes (self->index);
  self->n_touched = 0;
  for (guint i = 0; i < n; i++)
    self->n_touched += touched[i];

  /* Folded lanes that went are forgotten. */
  g_hash_table_iter_init (&iter, self->collapsed);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (weft_timeline_index_find_lane (self->index, key) < 0)
      g_hash_table_iter_remove (&iter);

  weft_timeline_fit_span (self->index, &self->fit_lower, &self->fit_upper);
  self->n_density = 0;
  self->dirty = TRUE;
  if (!self->have_size)
    {
      self->probe_width = 0;
      return;
    }

  /* The span kept (or everything, as before); only the touched lanes
   * probed again, unless what everything is (the probe's scale) or the
   * rows a lane may have changed. */
  if (everything)
    weft_timeline_scale_init (&self->scale, self->fit_lower, self->fit_upper, self->width);
  constrain (self);
  compute_density (self);
  if (self->probe_width == self->width && self->probe_cap == rows_cap (self) &&
      old_lower == self->fit_lower && old_upper == self->fit_upper)
    probe_lanes (self, self->probe_cap, touched);
  else
    {
      self->probe_width = 0;
      self->n_touched = n;
    }
  share_rows (self);
}

guint
weft_timeline_pane_get_n_touched (WeftTimelinePane *self)
{
  return self->n_touched;
}

WeftTimelineIndex *
weft_timeline_pane_get_index (WeftTimelinePane *self)
{
  return self->index;
}

WeftTimelineRenderer *
weft_timeline_pane_get_renderer (WeftTimelinePane *self)
{
  return self->renderer;
}

/* Lays out the frame, scrolled no further than the lanes go. */
static void
ensure_layout (WeftTimelinePane *self)
{
  if (!self->dirty)
    return;

  for (guint pass = 0; pass < 2; pass++)
    {
      double visible = MAX (weft_timeline_pane_get_lanes_bottom (self) -
                            weft_timeline_header_height (&self->options.metrics,
                                                         weft_timeline_index_get_n_era_rows (self->index)), 1);
      double max_scroll;

      self->options.view_y = self->scroll_y;
      self->options.view_height = visible;
      weft_timeline_layout (self->index, &self->scale, &self->options, self->frame);
      max_scroll = MAX (self->frame->lanes_height - visible, 0);
      if (self->scroll_y <= max_scroll)
        break;
      self->scroll_y = max_scroll;
    }
  self->dirty = FALSE;
}

const WeftTimelineFrame *
weft_timeline_pane_get_frame (WeftTimelinePane *self)
{
  ensure_layout (self);
  return self->frame;
}

const WeftTimelineLaneShare *
weft_timeline_pane_get_shares (WeftTimelinePane *self)
{
  return self->shares;
}

/* Keeps the span near the data: at most four times as wide as all of it,
 * and never wholly beside it. */
static void
constrain (WeftTimelinePane *self)
{
  double fit_span = MAX (self->fit_upper - self->fit_lower, WEFT_TIMELINE_MIN_SPAN);
  double span = self->scale.upper - self->scale.lower;

  if (span > 4 * fit_span)
    {
      double mid = (self->scale.lower + self->scale.upper) / 2;

      weft_timeline_scale_init (&self->scale, mid - 2 * fit_span, mid + 2 * fit_span, self->scale.width);
    }
  weft_timeline_scale_clamp (&self->scale, self->fit_lower - fit_span, self->fit_upper + fit_span);
  self->dirty = TRUE;
}

void
weft_timeline_pane_set_size (WeftTimelinePane *self,
                             double            width,
                             double            height)
{
  width = MAX (width, 1);
  height = MAX (height, 1);
  if (self->have_size && width == self->width && height == self->height)
    return;

  if (!self->have_size)
    weft_timeline_scale_init (&self->scale, self->fit_lower, self->fit_upper, width);
  else if (fabs (width - self->width) > 0.5)
    {
      /* Showing everything, the pane goes on showing everything;
       * otherwise a wider pane shows more days, at the same zoom. */
      double ppd = weft_timeline_scale_px_per_day (&self->scale);

      if (showing_everything (self))
        weft_timeline_scale_init (&self->scale, self->fit_lower, self->fit_upper, width);
      else
        weft_timeline_scale_init (&self->scale, self->scale.lower, self->scale.lower + width / ppd, width);
    }
  self->have_size = TRUE;
  self->width = width;
  self->height = height;
  constrain (self);
  compute_density (self);
  share_rows (self);
}

double
weft_timeline_pane_get_lanes_bottom (WeftTimelinePane *self)
{
  return MAX (self->height - WEFT_TIMELINE_OVERVIEW_HEIGHT, 0);
}

void
weft_timeline_pane_get_fit (WeftTimelinePane *self,
                            double           *lower,
                            double           *upper)
{
  *lower = self->fit_lower;
  *upper = self->fit_upper;
}

const WeftTimelineScale *
weft_timeline_pane_get_scale (WeftTimelinePane *self)
{
  return &self->scale;
}

void
weft_timeline_pane_set_scale (WeftTimelinePane        *self,
                              const WeftTimelineScale *scale)
{
  self->scale = *scale;
  weft_timeline_scale_set_width (&self->scale, MAX (self->width, 1));
  constrain (self);
}

void
weft_timeline_pane_set_span (WeftTimelinePane *self,
                             double            lower,
                             double            upper)
{
  weft_timeline_scale_init (&self->scale, lower, upper, MAX (self->width, 1));
  constrain (self);
}

void
weft_timeline_pane_fit (WeftTimelinePane *self)
{
  self->scroll_y = 0;
  weft_timeline_pane_set_span (self, self->fit_lower, self->fit_upper);
}

void
weft_timeline_pane_zoom (WeftTimelinePane *self,
                         double            x,
                         double            factor)
{
  weft_timeline_scale_zoom (&self->scale, x, factor);
  constrain (self);
}

void
weft_timeline_pane_pan (WeftTimelinePane *self,
                        double            dx)
{
  weft_timeline_scale_pan (&self->scale, dx);
  constrain (self);
}

double
weft_timeline_pane_get_scroll (WeftTimelinePane *self)
{
  ensure_layout (self);
  return self->scroll_y;
}

void
weft_timeline_pane_set_scroll (WeftTimelinePane *self,
                               double            scroll)
{
  scroll = MAX (scroll, 0);
  if (scroll == self->scroll_y)
    return;
  self->scroll_y = scroll;
  self->dirty = TRUE;
}

/* ---- Bringing an event into view -------------------------------------- */

gboolean
weft_timeline_pane_get_event_days (WeftTimelinePane *self,
                                   const WeftEvent  *event,
                                   double           *lower,
                                   double           *upper)
{
  guint first, n;
  const WeftTimelineItem *item;

  if (!weft_timeline_index_get_event_items (self->index, event, &first, &n))
    return FALSE;
  item = weft_timeline_index_get_item (self->index, first);
  *lower = item->lower;
  *upper = item->upper;
  if (item->open_start)
    *lower -= (item->upper - item->lower) + 30;
  if (item->open_end)
    *upper += (item->upper - item->lower) + 30;
  return TRUE;
}

/* The frame's box of lane @lane (index order) and its place there. */
static const WeftTimelineLaneBox *
find_lane_box (const WeftTimelineFrame *frame,
               guint                    lane,
               guint                   *frame_lane)
{
  for (guint i = 0; i < frame->lanes->len; i++)
    {
      const WeftTimelineLaneBox *box = &g_array_index (frame->lanes, WeftTimelineLaneBox, i);

      if (box->lane == lane)
        {
          *frame_lane = i;
          return box;
        }
    }
  return NULL;
}

typedef struct {
  double x0, y0, x1, y1;
} Box;

static double
box_area (const Box *b)
{
  return MAX (b->x1 - b->x0, 0) * MAX (b->y1 - b->y0, 0);
}

/* The lanes as they show in the pane (under the axis, over the
 * overview). */
static void
lanes_box (WeftTimelinePane *self,
           Box              *box)
{
  box->x0 = 0;
  box->x1 = self->width;
  box->y0 = self->frame->header_height;
  box->y1 = MAX (weft_timeline_pane_get_lanes_bottom (self), box->y0 + 1);
}

/* The largest part of the lanes beside @avoid: left of it, right of it,
 * above or below. */
static void
free_region (WeftTimelinePane       *self,
             const WeftTimelineRect *avoid,
             Box                    *region)
{
  Box lanes, sides[4];

  lanes_box (self, &lanes);
  *region = lanes;
  if (avoid == NULL || avoid->x >= lanes.x1 || avoid->x + avoid->width <= lanes.x0 ||
      avoid->y >= lanes.y1 || avoid->y + avoid->height <= lanes.y0)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    sides[i] = lanes;
  sides[0].x1 = MAX (avoid->x, lanes.x0);
  sides[1].x0 = MIN (avoid->x + avoid->width, lanes.x1);
  sides[2].y1 = MAX (avoid->y, lanes.y0);
  sides[3].y0 = MIN (avoid->y + avoid->height, lanes.y1);
  region->x1 = region->x0;
  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    if (box_area (&sides[i]) > box_area (region))
      *region = sides[i];
}

const WeftTimelineMark *
weft_timeline_pane_find_visible_event (WeftTimelinePane *self,
                                       const WeftEvent  *event,
                                       guint             lane,
                                       double           *y)
{
  const WeftTimelineFrame *frame = weft_timeline_pane_get_frame (self);
  Box lanes;

  lanes_box (self, &lanes);
  for (guint i = 0; i < frame->lanes->len; i++)
    {
      const WeftTimelineLaneBox *box = &g_array_index (frame->lanes, WeftTimelineLaneBox, i);
      const WeftTimelineMark *mark;
      double top;

      if ((lane != G_MAXUINT && box->lane != lane) || !box->laid_out)
        continue;
      mark = weft_timeline_frame_find_event (frame, event, i);
      if (mark == NULL)
        continue;
      top = lanes.y0 + mark->y - self->scroll_y;
      if (top >= lanes.y0 - 0.5 && top + frame->metrics.row_height <= lanes.y1 + 0.5 &&
          mark->x1 > 0 && mark->x0 < self->width)
        {
          if (y != NULL)
            *y = top;
          return mark;
        }
    }
  return NULL;
}

/* The lane to show @event in: @lane when the event is in it, else its
 * first lane that is not folded, else its first. */
static guint
event_lane (WeftTimelinePane *self,
            const WeftEvent  *event,
            guint             lane)
{
  guint first, n, chosen = G_MAXUINT;

  if (!weft_timeline_index_get_event_items (self->index, event, &first, &n))
    return G_MAXUINT;
  for (guint i = first; i < first + n; i++)
    {
      const WeftTimelineItem *item = weft_timeline_index_get_item (self->index, i);
      const char *key = weft_timeline_index_get_lane (self->index, item->lane)->key;

      if (item->lane == lane)
        return lane;
      if (chosen == G_MAXUINT && !g_hash_table_contains (self->collapsed, key))
        chosen = item->lane;
    }
  return chosen != G_MAXUINT ? chosen : weft_timeline_index_get_item (self->index, first)->lane;
}

#define REVEAL_MARGIN 12.0

gboolean
weft_timeline_pane_reveal_event (WeftTimelinePane       *self,
                                 const WeftEvent        *event,
                                 guint                   lane,
                                 const WeftTimelineRect *avoid,
                                 WeftTimelineReveal      how)
{
  const WeftTimelineMark *mark = NULL;
  double lower, upper, len, span, region_w, region_mid, row_h, y = 0;
  Box region;

  g_return_val_if_fail (self != NULL && event != NULL, FALSE);

  if (!self->have_size || !weft_timeline_pane_get_event_days (self, event, &lower, &upper))
    return FALSE;
  lane = event_lane (self, event, lane);
  ensure_layout (self);
  free_region (self, avoid, &region);
  region_w = MAX (region.x1 - region.x0, 1);
  region_mid = (region.x0 + region.x1) / 2;
  row_h = self->frame->metrics.row_height;

  /* The span: the event's days a third of the region (zoom), or within
   * it; its middle in the middle of the region. */
  len = upper - lower;
  span = self->scale.upper - self->scale.lower;
  if (how == WEFT_TIMELINE_REVEAL_ZOOM)
    span = MAX (len * 3, 45) * self->width / region_w;
  else if (len > 0.8 * span * region_w / self->width)
    span = len * 1.25 * self->width / region_w;
  if (how != WEFT_TIMELINE_REVEAL_SCROLL)
    {
      double start = (lower + upper) / 2 - span * region_mid / self->width;

      weft_timeline_pane_set_span (self, start, start + span);
    }

  for (guint pass = 0; pass < 6; pass++)
    {
      const WeftTimelineFrame *frame = weft_timeline_pane_get_frame (self);
      double top = frame->header_height - self->scroll_y;   /* of the lanes' coordinates */
      guint frame_lane = 0;
      const WeftTimelineLaneBox *box = find_lane_box (frame, lane, &frame_lane);
      double dx = 0, dy = 0;

      if (box == NULL || box->collapsed)
        return FALSE;
      mark = box->laid_out ? weft_timeline_frame_find_event (frame, event, frame_lane) : NULL;
      if (mark == NULL)
        {
          double lane_top = top + box->y;

          if (!box->laid_out || lane_top < region.y0 || lane_top + box->height > region.y1)
            {
              /* Its lane first, from its title. */
              double want = lane_top < region.y0 || box->height > region.y1 - region.y0
                            ? lane_top - region.y0 : lane_top + box->height - region.y1;

              if (fabs (want) < 0.5)
                return FALSE;
              weft_timeline_pane_set_scroll (self, self->scroll_y + want);
              continue;
            }
          /* Held in a cluster: closer in, around the event. */
          weft_timeline_pane_zoom (self, weft_timeline_scale_x (&self->scale, (lower + upper) / 2), 2);
          continue;
        }

      /* The whole mark in the region when it fits, else its start. */
      if (how == WEFT_TIMELINE_REVEAL_SCROLL)
        dx = 0;
      else if (mark->box_x1 - mark->box_x0 <= region_w - 2 * REVEAL_MARGIN)
        {
          if (mark->box_x0 < region.x0 + REVEAL_MARGIN)
            dx = mark->box_x0 - (region.x0 + REVEAL_MARGIN);
          else if (mark->box_x1 > region.x1 - REVEAL_MARGIN)
            dx = mark->box_x1 - (region.x1 - REVEAL_MARGIN);
        }
      else
        dx = mark->box_x0 - (region.x0 + REVEAL_MARGIN);

      /* Its row in the region; scrolled down to it, with its lane's
       * title too when there is room. */
      y = top + mark->y;
      if (y < region.y0 + REVEAL_MARGIN)
        dy = y - (region.y0 + REVEAL_MARGIN) -
             MIN (mark->y - box->y, MAX (region.y1 - region.y0 - row_h - 2 * REVEAL_MARGIN, 0));
      else if (y + row_h > region.y1 - REVEAL_MARGIN)
        dy = y + row_h - (region.y1 - REVEAL_MARGIN);

      if (fabs (dx) < 0.5 && fabs (dy) < 0.5)
        break;
      if (fabs (dx) >= 0.5)
        {
          double before = self->scale.lower;

          weft_timeline_pane_pan (self, dx);
          /* Held back from leaving the data behind: closer in. */
          if (fabs (self->scale.lower - before) < 1e-9 * MAX (span, 1))
            weft_timeline_pane_zoom (self, weft_timeline_scale_x (&self->scale, (lower + upper) / 2), 1.25);
        }
      if (fabs (dy) >= 0.5)
        weft_timeline_pane_set_scroll (self, self->scroll_y + dy);
    }

  mark = weft_timeline_pane_find_visible_event (self, event, lane, &y);
  if (mark == NULL)
    return FALSE;
  return avoid == NULL ||
         mark->box_x1 <= avoid->x || mark->box_x0 >= avoid->x + avoid->width ||
         y + row_h <= avoid->y || y >= avoid->y + avoid->height;
}

gboolean
weft_timeline_pane_reveal_lane (WeftTimelinePane *self,
                                guint             lane)
{
  const WeftTimelineFrame *frame = weft_timeline_pane_get_frame (self);
  guint frame_lane;
  const WeftTimelineLaneBox *box = find_lane_box (frame, lane, &frame_lane);
  double visible = weft_timeline_pane_get_lanes_bottom (self) - frame->header_height;

  if (box == NULL)
    return FALSE;
  if (box->y < self->scroll_y || box->y + MIN (box->height, visible) > self->scroll_y + visible)
    weft_timeline_pane_set_scroll (self, MAX (box->y - 8, 0));
  return TRUE;
}

gboolean
weft_timeline_pane_toggle_lane (WeftTimelinePane *self,
                                const char       *key)
{
  if (key == NULL || weft_timeline_index_find_lane (self->index, key) < 0)
    return FALSE;
  if (!g_hash_table_remove (self->collapsed, key))
    g_hash_table_add (self->collapsed, g_strdup (key));
  if (self->have_size)
    share_rows (self);
  self->dirty = TRUE;
  return TRUE;
}

GHashTable *
weft_timeline_pane_get_collapsed (WeftTimelinePane *self)
{
  return self->collapsed;
}

void
weft_timeline_pane_draw (WeftTimelinePane              *self,
                         cairo_t                       *cr,
                         const WeftTimelineRenderState *state)
{
  WeftTimelineRenderState own;

  g_return_if_fail (self != NULL && cr != NULL && state != NULL);

  ensure_layout (self);
  own = *state;
  if (own.palette == NULL)
    own.palette = weft_timeline_palette_get (FALSE);
  own.scroll_y = self->scroll_y;
  own.height = MAX (weft_timeline_pane_get_lanes_bottom (self), 1);
  weft_timeline_renderer_draw (self->renderer, cr, self->frame, &own);
  draw_scroll_indicator (self, cr, &own);
  draw_overview (self, cr, &own);
}

void
weft_timeline_pane_free (WeftTimelinePane *self)
{
  if (self != NULL)
    {
      /* The frame borrows the index. */
      weft_timeline_frame_free (self->frame);
      weft_timeline_index_free (self->index);
      weft_timeline_renderer_free (self->renderer);
      g_hash_table_unref (self->collapsed);
      g_free (self->shares);
      g_free (self->density);
      g_free (self);
    }
}
