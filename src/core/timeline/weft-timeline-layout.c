/* weft-timeline-layout.c: what the timeline shows at one zoom, and where
 *
 * SPDX-License-Identifier: MIT
 *
 * Each lane has a few rows. Its visible events are taken in columns of
 * metrics.cluster_width pixels, columns fixed to the calendar (so panning
 * does not reshuffle them). The events starting in a column are counted
 * with binary searches in the lane's sorted buckets. When no row has room
 * left at that column, the whole column becomes one cluster mark without
 * looking at a single event, which is what keeps 100,000 events cheap.
 * Otherwise at most as many events as there are free rows (the leftmost
 * of each bucket) try for the first row where they fit after what is
 * already there (glyph, title and claim markers); the rest go to the
 * column's cluster mark, in a row of its own under the others. Titles are
 * measured once (the index caches them). Nothing ever overlaps in a row:
 * the tests check it over many random datasets.
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "weft-timeline-layout.h"

/* More rows than this in one lane are not useful on any screen. */
#define MAX_ROWS 64
/* Events of one column that may try for a row. */
#define MAX_GATHER MAX_ROWS
/* Claim markers shown after a title; more are summed up by the inspector. */
#define MAX_CLAIM_MARKS 5

void
weft_timeline_metrics_init (WeftTimelineMetrics *m)
{
  m->axis_height = 46;
  m->era_row_height = 22;
  m->lane_header_height = 24;
  m->row_height = 32;
  m->cluster_row_height = 24;
  m->lane_gap = 8;
  m->point_radius = 5;
  m->bar_height = 8;
  m->label_gap = 12;
  m->cluster_width = 40;
  m->fade_length = 72;
  m->claim_size = 7;
  m->tick_spacing = 16;
}

void
weft_timeline_layout_options_init (WeftTimelineLayoutOptions *options)
{
  memset (options, 0, sizeof *options);
  weft_timeline_metrics_init (&options->metrics);
  options->max_rows = 4;
  options->max_label_width = 300;
}

WeftTimelineFrame *
weft_timeline_frame_new (void)
{
  WeftTimelineFrame *frame = g_new0 (WeftTimelineFrame, 1);

  frame->ticks = weft_timeline_ticks_new ();
  frame->eras = g_array_new (FALSE, TRUE, sizeof (WeftTimelineEraBand));
  frame->lanes = g_array_new (FALSE, TRUE, sizeof (WeftTimelineLaneBox));
  frame->marks = g_array_new (FALSE, TRUE, sizeof (WeftTimelineMark));
  weft_timeline_metrics_init (&frame->metrics);
  return frame;
}

void
weft_timeline_frame_free (WeftTimelineFrame *frame)
{
  if (frame == NULL)
    return;

  g_array_unref (frame->ticks);
  g_array_unref (frame->eras);
  g_array_unref (frame->lanes);
  g_array_unref (frame->marks);
  g_free (frame);
}

/* ---- One lane ---------------------------------------------------------- */

typedef struct {
  double key_x;   /* where it counts as starting (never left of the view) */
  guint  item;
} Pending;

typedef struct {
  guint  item;
  double gx0, gx1;      /* glyph */
  double label_x, label_w;
  double box_x0, box_x1;
} Candidate;

typedef struct {
  WeftTimelineIndex               *index;
  const WeftTimelineLayoutOptions *options;
  const WeftTimelineMetrics       *m;
  WeftTimelineFrame               *frame;
  double                           ppd;
  double                           a, b;     /* visible days */
  double                           origin;   /* a * ppd: view x 0 in absolute pixels */
  GArray                          *pending;  /* Pending, reused */
  guint                            cursor[64];
  guint                            end[64];
} Ctx;

static double
day_x (const Ctx *ctx,
       double     day)
{
  return (day - ctx->a) * ctx->ppd;
}

static double
measure (const Ctx        *ctx,
         WeftTimelineText  role,
         const char       *text)
{
  double w;

  if (ctx->options->measure == NULL)
    return 7.0 * g_utf8_strlen (text, -1);
  w = ctx->options->measure (role, text, ctx->options->measure_data);
  return isfinite (w) && w > 0 ? w : 0;
}

void
weft_timeline_item_glyph (const WeftTimelineScale   *scale,
                          const WeftTimelineMetrics *m,
                          const WeftTimelineItem    *item,
                          double                    *x0,
                          double                    *x1)
{
  if (item->shape == WEFT_TIMELINE_SHAPE_POINT)
    {
      double cx = weft_timeline_scale_x (scale, item->lower + 0.5);

      *x0 = cx - m->point_radius;
      *x1 = cx + m->point_radius;
    }
  else
    {
      *x0 = weft_timeline_scale_x (scale, item->lower);
      *x1 = weft_timeline_scale_x (scale, item->upper);
      if (*x1 - *x0 < 3)
        {
          double c = (*x0 + *x1) / 2;

          *x0 = c - 1.5;
          *x1 = c + 1.5;
        }
    }

  if (item->open_start)
    *x0 -= m->fade_length;
  if (item->open_end)
    *x1 += m->fade_length;
}

static void
item_glyph (const Ctx              *ctx,
            const WeftTimelineItem *item,
            double                 *gx0,
            double                 *gx1)
{
  weft_timeline_item_glyph (&ctx->frame->scale, ctx->m, item, gx0, gx1);
}

static void
candidate_init (const Ctx *ctx,
                guint      item_index,
                Candidate *c)
{
  const WeftTimelineItem *item = weft_timeline_index_get_item (ctx->index, item_index);
  double w = weft_timeline_index_get_label_width (ctx->index, item->event,
                                                  ctx->options->measure, ctx->options->measure_data);
  double width = ctx->frame->scale.width;
  double claims_w;
  guint n_claims;

  weft_timeline_index_get_claim_statuses (ctx->index, item->event, &n_claims);
  claims_w = n_claims > 0 ? 4 + MIN (n_claims, MAX_CLAIM_MARKS) * (ctx->m->claim_size + 2) : 0;

  c->item = item_index;
  item_glyph (ctx, item, &c->gx0, &c->gx1);

  /* Titles start at the glyph's left edge, stick to the view's left edge
   * while the event goes on past it, and are pushed back from the right
   * edge (cut if need be) so that none runs out of the view. */
  c->label_w = MIN (w, ctx->options->max_label_width);
  c->label_w = MIN (c->label_w, MAX (width - 4 - claims_w, 0));
  c->label_x = MAX (c->gx0, 2);
  if (c->label_x + c->label_w + claims_w > width - 2)
    c->label_x = MAX (2, width - 2 - c->label_w - claims_w);

  c->box_x0 = MIN (c->gx0, c->label_x);
  c->box_x1 = MAX (c->gx1, c->label_x + c->label_w + claims_w);
}

static int
candidate_compare (const void *pa,
                   const void *pb)
{
  const Candidate *a = pa, *b = pb;

  if (a->box_x0 != b->box_x0)
    return a->box_x0 < b->box_x0 ? -1 : 1;
  return a->item < b->item ? -1 : (a->item > b->item ? 1 : 0);
}

static int
pending_compare (const void *pa,
                 const void *pb)
{
  const Pending *a = pa, *b = pb;

  if (a->key_x != b->key_x)
    return a->key_x < b->key_x ? -1 : 1;
  return a->item < b->item ? -1 : (a->item > b->item ? 1 : 0);
}

static void
format_count (char  *buf,
              gsize  size,
              guint  count)
{
  if (count < 10000)
    g_snprintf (buf, size, "%u", count);
  else
    g_snprintf (buf, size, "%uk", count / 1000);
}

static void
add_cluster (Ctx    *ctx,
             guint   lane_box,
             double  cx0,
             double  cx1,
             double  first_x,
             guint   count,
             double  span_lower,
             double  span_upper)
{
  WeftTimelineMark mark = { 0 };
  double w, text_w, lo, hi;

  mark.kind = WEFT_TIMELINE_MARK_CLUSTER;
  mark.lane = lane_box;
  mark.row = WEFT_TIMELINE_CLUSTER_ROW;
  mark.item = G_MAXUINT;
  mark.count = count;
  mark.span_lower = span_lower;
  mark.span_upper = MAX (span_upper, span_lower + 1);
  format_count (mark.count_label, sizeof mark.count_label, count);

  text_w = measure (ctx, WEFT_TIMELINE_TEXT_COUNT, mark.count_label);
  w = MAX (text_w + 12, 20);
  w = MIN (w, cx1 - cx0 - 2);
  /* In its column, and in view as far as the column allows. */
  lo = MAX (cx0, 0) + 1;
  hi = MIN (cx1, ctx->frame->scale.width) - 1 - w;
  if (hi < lo)
    {
      lo = cx0 + 1;
      hi = cx1 - 1 - w;
    }
  mark.x0 = CLAMP (first_x - 2, lo, hi);
  mark.x1 = mark.x0 + w;
  mark.label_width = MIN (text_w, w);
  mark.label_x = mark.x0 + (w - mark.label_width) / 2;
  mark.box_x0 = mark.x0;
  mark.box_x1 = mark.x1;
  g_array_append_val (ctx->frame->marks, mark);
}

static void
lay_out_lane (Ctx   *ctx,
              guint  lane_box_index)
{
  WeftTimelineLaneBox *box = &g_array_index (ctx->frame->lanes, WeftTimelineLaneBox, lane_box_index);
  const WeftTimelineLane *lane = weft_timeline_index_get_lane (ctx->index, box->lane);
  const double cell_w = ctx->m->cluster_width;
  const double gap = ctx->m->label_gap;
  double rows_end[MAX_ROWS];
  guint n_rows = MIN (box->rows, MAX_ROWS);
  guint n_buckets = MIN (lane->n_buckets, G_N_ELEMENTS (ctx->cursor));
  guint pcur = 0;
  Candidate cands[MAX_GATHER];

  box->first_mark = ctx->frame->marks->len;

  for (guint r = 0; r < n_rows; r++)
    rows_end[r] = -G_MAXDOUBLE;

  /* Items that started before the view but reach into it, and items with
   * an open end (their fade is in pixels): few, sorted here. */
  g_array_set_size (ctx->pending, 0);
  for (guint k = 0; k < n_buckets; k++)
    {
      const WeftTimelineBucket *bucket = &lane->buckets[k];
      guint i = weft_timeline_bucket_lower_bound (bucket, 0, ctx->a - bucket->max_len);

      ctx->cursor[k] = weft_timeline_bucket_lower_bound (bucket, i, ctx->a);
      for (; i < ctx->cursor[k]; i++)
        {
          const WeftTimelineItem *item = weft_timeline_index_get_item (ctx->index, bucket->items[i]);
          double gx0, gx1;

          /* Visible by its days, as the items that start in view. */
          if (item->upper > ctx->a)
            {
              Pending p;

              item_glyph (ctx, item, &gx0, &gx1);
              p.key_x = MAX (gx0, 0);
              p.item = bucket->items[i];
              g_array_append_val (ctx->pending, p);
            }
        }
    }
  for (guint i = 0; i < lane->n_open; i++)
    {
      const WeftTimelineItem *item = weft_timeline_index_get_item (ctx->index, lane->open[i]);
      double gx0, gx1;

      item_glyph (ctx, item, &gx0, &gx1);
      if (gx1 > 0 && gx0 < ctx->frame->scale.width)
        {
          Pending p = { MAX (gx0, 0), lane->open[i] };
          g_array_append_val (ctx->pending, p);
        }
    }
  if (ctx->pending->len > 1)
    qsort (ctx->pending->data, ctx->pending->len, sizeof (Pending), pending_compare);

  for (;;)
    {
      double next_abs = G_MAXDOUBLE, cell, cx0, cx1, d1;
      double span_lower = G_MAXDOUBLE, span_upper = -G_MAXDOUBLE;
      int next_source = -1;     /* a bucket, or n_buckets for pending */
      guint count = 0, pend_end = pcur, n_free = 0;

      for (guint k = 0; k < n_buckets; k++)
        {
          const WeftTimelineBucket *bucket = &lane->buckets[k];

          if (ctx->cursor[k] < bucket->n && bucket->lower[ctx->cursor[k]] < ctx->b)
            {
              double abs = bucket->lower[ctx->cursor[k]] * ctx->ppd;

              if (abs < next_abs)
                {
                  next_abs = abs;
                  next_source = (int) k;
                }
            }
        }
      if (pcur < ctx->pending->len)
        {
          double abs = g_array_index (ctx->pending, Pending, pcur).key_x + ctx->origin;

          if (abs < next_abs)
            {
              next_abs = abs;
              next_source = (int) n_buckets;
            }
        }
      if (next_source < 0)
        break;

      cell = floor (next_abs / cell_w);
      cx0 = cell * cell_w - ctx->origin;
      cx1 = cx0 + cell_w;
      /* A column cut by the left edge takes in the next one, so that its
       * cluster mark has room in view. */
      if (cx0 < 0 && cx1 < cell_w * 0.6)
        {
          cell += 1;
          cx1 += cell_w;
        }
      d1 = MIN ((cell + 1) * cell_w / ctx->ppd, ctx->b);

      for (guint k = 0; k < n_buckets; k++)
        {
          const WeftTimelineBucket *bucket = &lane->buckets[k];

          ctx->end[k] = weft_timeline_bucket_lower_bound (bucket, ctx->cursor[k], d1);
          /* Rounding must never stall the walk. */
          if ((int) k == next_source && ctx->end[k] == ctx->cursor[k])
            ctx->end[k]++;
          if (ctx->end[k] > ctx->cursor[k])
            {
              count += ctx->end[k] - ctx->cursor[k];
              span_lower = MIN (span_lower, bucket->lower[ctx->cursor[k]]);
              span_upper = MAX (span_upper, bucket->lower[ctx->end[k] - 1] + 1);
            }
        }
      while (pend_end < ctx->pending->len &&
             (g_array_index (ctx->pending, Pending, pend_end).key_x < cx1 ||
              (pend_end == pcur && next_source == (int) n_buckets)))
        {
          const WeftTimelineItem *item = weft_timeline_index_get_item (ctx->index,
                                                                       g_array_index (ctx->pending, Pending, pend_end).item);

          span_lower = MIN (span_lower, item->lower);
          span_upper = MAX (span_upper, item->lower + 1);
          pend_end++;
        }
      count += pend_end - pcur;

      for (guint r = 0; r < n_rows; r++)
        if (rows_end[r] + gap <= cx1)
          n_free++;

      ctx->frame->n_visible_items += count;

      if (n_free == 0)
        {
          /* Crowded: the whole column is one mark, no event looked at. */
          add_cluster (ctx, lane_box_index, cx0, cx1, MAX (cx0, next_abs - ctx->origin),
                       count, span_lower, span_upper);
        }
      else
        {
          /* At most as many events as there are free rows, taken from the
           * left of each bucket, try for a row; the others join the
           * column's cluster without being looked at. */
          guint n = 0, placed = 0;
          double un_lower = G_MAXDOUBLE, un_upper = -G_MAXDOUBLE, un_first = cx1;

          guint take[G_N_ELEMENTS (ctx->cursor)], ptake = pcur;

          /* The leftmost n_free, merging the buckets and the pending. */
          for (guint k = 0; k < n_buckets; k++)
            take[k] = ctx->cursor[k];
          while (n < n_free && n < MAX_GATHER)
            {
              int best = -1;
              double best_x = G_MAXDOUBLE;

              for (guint k = 0; k < n_buckets; k++)
                if (take[k] < ctx->end[k] && day_x (ctx, lane->buckets[k].lower[take[k]]) < best_x)
                  {
                    best_x = day_x (ctx, lane->buckets[k].lower[take[k]]);
                    best = (int) k;
                  }
              if (ptake < pend_end && g_array_index (ctx->pending, Pending, ptake).key_x < best_x)
                best = (int) n_buckets;
              if (best < 0)
                break;
              if (best == (int) n_buckets)
                candidate_init (ctx, g_array_index (ctx->pending, Pending, ptake++).item, &cands[n++]);
              else
                candidate_init (ctx, lane->buckets[best].items[take[best]++], &cands[n++]);
            }
          qsort (cands, n, sizeof (Candidate), candidate_compare);

          for (guint i = 0; i < n; i++)
            {
              Candidate *c = &cands[i];
              guint r;

              for (r = 0; r < n_rows; r++)
                if (rows_end[r] + gap <= c->box_x0)
                  break;

              if (r < n_rows)
                {
                  WeftTimelineMark mark = { 0 };

                  mark.kind = WEFT_TIMELINE_MARK_EVENT;
                  mark.lane = lane_box_index;
                  mark.row = r;
                  mark.item = c->item;
                  mark.x0 = c->gx0;
                  mark.x1 = c->gx1;
                  mark.label_x = c->label_x;
                  mark.label_width = c->label_w;
                  mark.box_x0 = c->box_x0;
                  mark.box_x1 = c->box_x1;
                  g_array_append_val (ctx->frame->marks, mark);
                  rows_end[r] = c->box_x1;
                  placed++;
                }
              else
                {
                  const WeftTimelineItem *item = weft_timeline_index_get_item (ctx->index, c->item);

                  un_lower = MIN (un_lower, item->lower);
                  un_upper = MAX (un_upper, item->lower + 1);
                  un_first = MIN (un_first, MAX (c->gx0, cx0));
                }
            }

          if (placed < count)
            {
              if (n < count)
                {
                  /* Some were never looked at: the column's span. */
                  un_lower = span_lower;
                  un_upper = span_upper;
                  un_first = MIN (un_first, MAX (cx0, next_abs - ctx->origin));
                }
              add_cluster (ctx, lane_box_index, cx0, cx1, un_first, count - placed, un_lower, un_upper);
            }
        }

      for (guint k = 0; k < n_buckets; k++)
        ctx->cursor[k] = ctx->end[k];
      pcur = pend_end;
    }

  box->n_marks = ctx->frame->marks->len - box->first_mark;
}

/* ---- Eras -------------------------------------------------------------- */

static void
lay_out_eras (Ctx *ctx)
{
  WeftDataset *dataset = weft_timeline_index_get_dataset (ctx->index);
  GPtrArray *eras = weft_dataset_get_eras (dataset);
  WeftTimelineFrame *frame = ctx->frame;
  double width = frame->scale.width;

  g_array_set_size (frame->eras, 0);
  frame->n_era_rows = weft_timeline_index_get_n_era_rows (ctx->index);

  for (guint i = 0; i < eras->len; i++)
    {
      WeftEra *era = g_ptr_array_index (eras, i);
      WeftTimelineEraBand band = { 0 };
      gboolean open_start = (era->date.start.flags & WEFT_DATE_FLAG_OPEN) != 0;
      gboolean open_end = era->date.is_interval && (era->date.end.flags & WEFT_DATE_FLAG_OPEN) != 0;

      if (open_start && open_end)
        continue;

      band.era = i;
      band.row = weft_timeline_index_get_era_row (ctx->index, i);
      band.start_flags = era->date.start.flags;
      band.end_flags = era->date.end.flags;
      band.x0 = open_start ? -1 : day_x (ctx, (double) era->date.lower);
      band.x1 = open_end ? width + 1 : day_x (ctx, (double) era->date.upper + 1);
      if (open_start)
        band.x1 = day_x (ctx, (double) era->date.end.upper + 1);
      if (open_end)
        band.x0 = day_x (ctx, (double) era->date.start.lower);
      if (band.x1 <= 0 || band.x0 >= width)
        continue;
      band.x0 = MAX (band.x0, -1);
      band.x1 = MIN (band.x1, width + 1);
      band.label_x = MAX (band.x0, 0) + 6;
      band.label_width = measure (ctx, WEFT_TIMELINE_TEXT_ERA, era->title);
      g_array_append_val (frame->eras, band);
    }

  /* A title may run past its band, up to the next band of its row. */
  for (guint i = 0; i < frame->eras->len; i++)
    {
      WeftTimelineEraBand *band = &g_array_index (frame->eras, WeftTimelineEraBand, i);
      double limit = width - 4;
      double room;

      for (guint j = 0; j < frame->eras->len; j++)
        {
          WeftTimelineEraBand *other = &g_array_index (frame->eras, WeftTimelineEraBand, j);

          if (j != i && other->row == band->row && other->x0 >= band->x0 && other->x0 < limit + 8)
            limit = MIN (limit, other->x0 - 8);
        }
      room = limit - band->label_x;
      band->label_width = room >= 24 ? MIN (band->label_width, room) : 0;
    }
}

/* ---- The frame --------------------------------------------------------- */

static void
lane_geometry (const WeftTimelineMetrics *m,
               WeftTimelineLaneBox       *box)
{
  box->height = m->lane_header_height + box->rows * m->row_height +
                (box->cluster_row ? m->cluster_row_height : 0) + m->lane_gap;
}

void
weft_timeline_layout (WeftTimelineIndex               *index,
                      const WeftTimelineScale         *scale,
                      const WeftTimelineLayoutOptions *options,
                      WeftTimelineFrame               *frame)
{
  WeftTimelineLayoutOptions defaults;
  g_autoptr(GArray) pending = g_array_new (FALSE, FALSE, sizeof (Pending));
  Ctx ctx = { 0 };
  double y = 0;

  g_return_if_fail (index != NULL && scale != NULL && frame != NULL);

  if (options == NULL)
    {
      weft_timeline_layout_options_init (&defaults);
      options = &defaults;
    }

  frame->index = index;
  frame->scale = *scale;
  frame->metrics = options->metrics;
  frame->max_label_width = options->max_label_width;
  frame->n_visible_items = 0;
  g_array_set_size (frame->lanes, 0);
  g_array_set_size (frame->marks, 0);

  ctx.index = index;
  ctx.options = options;
  ctx.m = &frame->metrics;
  ctx.frame = frame;
  ctx.ppd = weft_timeline_scale_px_per_day (scale);
  ctx.a = scale->lower;
  ctx.b = scale->upper;
  ctx.origin = scale->lower * ctx.ppd;
  ctx.pending = pending;

  frame->step = weft_timeline_ticks_compute (scale, options->measure, options->measure_data,
                                             options->metrics.tick_spacing, frame->ticks);
  lay_out_eras (&ctx);

  for (guint i = 0; i < weft_timeline_index_get_n_lanes (index); i++)
    {
      const WeftTimelineLane *lane = weft_timeline_index_get_lane (index, i);
      WeftTimelineLaneBox box = { 0 };

      box.lane = i;
      box.collapsed = options->collapsed != NULL && g_hash_table_contains (options->collapsed, lane->key);
      box.rows = box.collapsed ? 0 : MIN (MIN (options->max_rows, MAX_ROWS), lane->n_items);
      if (options->lane_rows != NULL && !box.collapsed)
        box.rows = MIN (box.rows, options->lane_rows[i]);
      box.cluster_row = lane->n_items > box.rows;
      lane_geometry (&frame->metrics, &box);
      box.y = y;
      box.laid_out = options->compact || options->view_height <= 0 ||
                     (y + box.height > options->view_y && y < options->view_y + options->view_height);
      y += box.height;
      g_array_append_val (frame->lanes, box);
    }

  for (guint i = 0; i < frame->lanes->len; i++)
    if (g_array_index (frame->lanes, WeftTimelineLaneBox, i).laid_out)
      lay_out_lane (&ctx, i);

  if (options->compact)
    {
      g_autoptr(GArray) kept = g_array_new (FALSE, FALSE, sizeof (WeftTimelineLaneBox));
      guint *new_index = g_new (guint, MAX (frame->lanes->len, 1));

      /* Only as many rows as used; lanes with nothing in view left out. */
      y = 0;
      for (guint i = 0; i < frame->lanes->len; i++)
        {
          WeftTimelineLaneBox box = g_array_index (frame->lanes, WeftTimelineLaneBox, i);
          guint rows = 0;
          gboolean clusters = FALSE;

          new_index[i] = G_MAXUINT;
          if (box.n_marks == 0)
            continue;
          for (guint j = box.first_mark; j < box.first_mark + box.n_marks; j++)
            {
              const WeftTimelineMark *mark = &g_array_index (frame->marks, WeftTimelineMark, j);

              if (mark->row == WEFT_TIMELINE_CLUSTER_ROW)
                clusters = TRUE;
              else
                rows = MAX (rows, mark->row + 1);
            }
          box.rows = rows;
          box.cluster_row = clusters;
          lane_geometry (&frame->metrics, &box);
          box.y = y;
          y += box.height;
          new_index[i] = kept->len;
          g_array_append_val (kept, box);
        }
      for (guint j = 0; j < frame->marks->len; j++)
        {
          WeftTimelineMark *mark = &g_array_index (frame->marks, WeftTimelineMark, j);

          mark->lane = new_index[mark->lane];
        }
      g_array_set_size (frame->lanes, 0);
      g_array_append_vals (frame->lanes, kept->data, kept->len);
      g_free (new_index);

      /* Era rows: only those with a band in view. */
      {
        guint rows = 0;

        for (guint i = 0; i < frame->eras->len; i++)
          rows = MAX (rows, g_array_index (frame->eras, WeftTimelineEraBand, i).row + 1);
        frame->n_era_rows = rows;
      }
    }

  frame->lanes_height = y;
  frame->header_height = frame->metrics.axis_height +
                         frame->n_era_rows * frame->metrics.era_row_height +
                         (frame->n_era_rows > 0 ? 6 : 0);

  for (guint j = 0; j < frame->marks->len; j++)
    {
      WeftTimelineMark *mark = &g_array_index (frame->marks, WeftTimelineMark, j);
      const WeftTimelineLaneBox *box = &g_array_index (frame->lanes, WeftTimelineLaneBox, mark->lane);

      mark->y = box->y + frame->metrics.lane_header_height +
                (mark->row == WEFT_TIMELINE_CLUSTER_ROW ? box->rows : mark->row) * frame->metrics.row_height;
    }
}

const WeftTimelineMark *
weft_timeline_frame_hit (const WeftTimelineFrame *frame,
                         double                   x,
                         double                   y)
{
  const WeftTimelineMark *best = NULL;

  for (guint i = 0; i < frame->marks->len; i++)
    {
      const WeftTimelineMark *mark = &g_array_index (frame->marks, WeftTimelineMark, i);
      double h = mark->row == WEFT_TIMELINE_CLUSTER_ROW ? frame->metrics.cluster_row_height
                                                        : frame->metrics.row_height;

      if (y >= mark->y && y < mark->y + h && x >= mark->box_x0 - 2 && x <= mark->box_x1 + 2)
        best = mark;
    }
  return best;
}

const WeftTimelineLaneBox *
weft_timeline_frame_lane_at (const WeftTimelineFrame *frame,
                             double                   y,
                             gboolean                *on_header)
{
  for (guint i = 0; i < frame->lanes->len; i++)
    {
      const WeftTimelineLaneBox *box = &g_array_index (frame->lanes, WeftTimelineLaneBox, i);

      if (y >= box->y && y < box->y + box->height)
        {
          if (on_header != NULL)
            *on_header = y < box->y + frame->metrics.lane_header_height;
          return box;
        }
    }
  if (on_header != NULL)
    *on_header = FALSE;
  return NULL;
}

const WeftTimelineMark *
weft_timeline_frame_find_event (const WeftTimelineFrame *frame,
                                const WeftEvent         *event,
                                guint                    lane)
{
  const WeftTimelineLaneBox *box;

  if (lane >= frame->lanes->len || frame->index == NULL)
    return NULL;

  box = &g_array_index (frame->lanes, WeftTimelineLaneBox, lane);
  for (guint i = box->first_mark; i < box->first_mark + box->n_marks; i++)
    {
      const WeftTimelineMark *mark = &g_array_index (frame->marks, WeftTimelineMark, i);

      if (mark->kind == WEFT_TIMELINE_MARK_EVENT &&
          weft_timeline_index_get_item (frame->index, mark->item)->event == event)
        return mark;
    }
  return NULL;
}
