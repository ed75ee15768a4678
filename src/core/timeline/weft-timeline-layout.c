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
 * column's cluster mark, in a row of its own under the others.
 *
 * Titles are whole: an event takes a row where its whole title fits. Only
 * when no row has room does a title give way, down to
 * metrics.min_label_width: the title before it in a row ends earlier
 * (and, for a title pushed back from the view's right edge, the newcomer
 * starts later), in the row where that cuts the least. Titles are
 * measured once (the index caches them). Nothing ever overlaps in a row:
 * the tests check it over many random datasets.
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "weft-timeline-layout.h"

#define MAX_ROWS WEFT_TIMELINE_MAX_ROWS
/* Events of one column that may try for a row. */
#define MAX_GATHER MAX_ROWS
/* Claim markers shown after a title; more are summed up by the inspector. */
#define MAX_CLAIM_MARKS 5

void
weft_timeline_metrics_init (WeftTimelineMetrics *m)
{
  static const WeftTimelineMetrics defaults = {
    /* Heights, top to bottom. */
    .axis_height = 46, .era_row_height = 22,
    .lane_header_height = 24, .row_height = 32, .cluster_row_height = 24, .lane_gap = 8,
    /* Glyphs. */
    .point_radius = 5, .bar_height = 8, .claim_size = 7, .fade_length = 72,
    /* Room along the axis. */
    .label_gap = 12, .min_label_width = 128, .cluster_width = 40, .tick_spacing = 16,
  };

  *m = defaults;
}

double
weft_timeline_header_height (const WeftTimelineMetrics *m,
                             guint                      n_era_rows)
{
  return m->axis_height + n_era_rows * m->era_row_height + (n_era_rows > 0 ? 6 : 0);
}

void
weft_timeline_layout_options_init (WeftTimelineLayoutOptions *options)
{
  memset (options, 0, sizeof *options);
  weft_timeline_metrics_init (&options->metrics);
  options->max_rows = 4;
  options->max_label_width = G_MAXDOUBLE;
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

/* Buckets of one lane that the walk follows (lanes have a few dozen at most:
 * one per power of two days). */
#define MAX_BUCKETS 64

/* An item and the x it is taken in order of; ties go by item, so that the
 * same view is laid out the same way every time. */
typedef struct {
  double x;
  guint  item;
} Ordered;

/* An event that tries for a row. */
typedef struct {
  Ordered order;        /* order.x: the left end of its box; first, so that
                         * ordered_compare sorts candidates too */
  double  gx0, gx1;     /* glyph */
  double  label_x, label_w;
  double  full_w;       /* the whole title (label_w is less once cut) */
  double  min_w;        /* as short as it may be cut */
  double  claims_w;     /* the claim markers after the title */
  double  min_x;        /* the left end of its box with the title cut short */
  double  box_x1;
} Candidate;

typedef struct {
  WeftTimelineIndex               *index;
  const WeftTimelineLayoutOptions *options;
  const WeftTimelineMetrics       *m;
  WeftTimelineFrame               *frame;
  double                           ppd;
  double                           a, b;     /* visible days */
  double                           origin;   /* a * ppd: view x 0 in absolute pixels */
  GArray                          *pending;  /* Ordered by where they enter the view, reused */
} Ctx;

/* A walk over one lane, column by column from the left. */
typedef struct {
  const WeftTimelineLane *lane;
  guint   box;                    /* in frame->lanes */
  guint   n_rows;
  guint   n_buckets;
  double  rows_end[MAX_ROWS];     /* the right end of what each row holds */
  double  rows_min_end[MAX_ROWS]; /*   and of it with its last title cut short */
  guint   rows_mark[MAX_ROWS];    /* the last mark of each row, in frame->marks */
  guint   cursor[MAX_BUCKETS];    /* the first item of each bucket not yet taken */
  guint   end[MAX_BUCKETS];       /* past the current column's items */
  guint   pcur;                   /* the same for the pending items (ctx->pending) */
  guint   pend_end;
} LaneWalk;

/* One column of metrics.cluster_width pixels and the items that start in it. */
typedef struct {
  double next_abs;      /* where its first item starts, in absolute pixels */
  int    next_source;   /* which holds that item: a bucket, or n_buckets for the pending */
  double x0, x1;        /* in view pixels */
  double day_end;       /* the day after its last (or the view's end) */
  guint  count;         /* items that start in it */
  double span_lower;    /* the days on which they start: [lower, upper) */
  double span_upper;
} Column;

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

/* Where a title @label_w wide starts (see candidate_init()). */
static double
label_start (const Candidate *c,
             double           width,
             double           label_w)
{
  double x = MAX (c->gx0, 2);

  if (x + label_w + c->claims_w > width - 2)
    x = MAX (2, width - 2 - label_w - c->claims_w);
  return x;
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

  c->order.item = item_index;
  item_glyph (ctx, item, &c->gx0, &c->gx1);

  /* Titles start at the glyph's left edge, stick to the view's left edge
   * while the event goes on past it, and are pushed back from the right
   * edge (cut if need be) so that none runs out of the view. */
  c->label_w = MIN (w, ctx->options->max_label_width);
  c->label_w = MIN (c->label_w, MAX (width - 4 - claims_w, 0));
  c->full_w = c->label_w;
  c->min_w = MIN (c->label_w, ctx->m->min_label_width);
  c->claims_w = claims_w;
  c->label_x = label_start (c, width, c->label_w);
  c->order.x = MIN (c->gx0, c->label_x);
  c->min_x = MIN (c->gx0, label_start (c, width, c->min_w));
  c->box_x1 = MAX (c->gx1, c->label_x + c->label_w + claims_w);
}

/* The right end of a placed event's box with its title cut short. */
static double
mark_min_end (const Candidate *c)
{
  return MAX (c->gx1, c->label_x + c->min_w + c->claims_w);
}

/* Sorts Ordered, and Candidates by their order. */
static int
ordered_compare (const void *pa,
                 const void *pb)
{
  const Ordered *a = pa, *b = pb;

  if (a->x != b->x)
    return a->x < b->x ? -1 : 1;
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
add_event (Ctx             *ctx,
           guint            lane_box,
           guint            row,
           const Candidate *c)
{
  WeftTimelineMark mark = { 0 };

  mark.kind = WEFT_TIMELINE_MARK_EVENT;
  mark.lane = lane_box;
  mark.row = row;
  mark.item = c->order.item;
  mark.x0 = c->gx0;
  mark.x1 = c->gx1;
  mark.label_x = c->label_x;
  mark.label_width = c->label_w;
  mark.box_x0 = c->order.x;
  mark.box_x1 = c->box_x1;
  mark.full_label_width = c->full_w;
  g_array_append_val (ctx->frame->marks, mark);
}

static void
lane_walk_init (Ctx      *ctx,
                guint     lane_box,
                LaneWalk *w)
{
  const WeftTimelineLaneBox *box = &g_array_index (ctx->frame->lanes, WeftTimelineLaneBox, lane_box);

  w->lane = weft_timeline_index_get_lane (ctx->index, box->lane);
  w->box = lane_box;
  w->n_rows = MIN (box->rows, MAX_ROWS);
  w->n_buckets = MIN (w->lane->n_buckets, MAX_BUCKETS);
  w->pcur = w->pend_end = 0;
  for (guint r = 0; r < w->n_rows; r++)
    {
      w->rows_end[r] = w->rows_min_end[r] = -G_MAXDOUBLE;
      w->rows_mark[r] = G_MAXUINT;
    }
}

/* Step 1: each bucket's cursor on its first item that starts in view; the
 * items that started before the view but reach into it, and the items
 * with an open end (their fade is in pixels), are few: they are sorted
 * into ctx->pending by where they enter the view. */
static void
gather_pending (Ctx      *ctx,
                LaneWalk *w)
{
  const WeftTimelineLane *lane = w->lane;

  g_array_set_size (ctx->pending, 0);
  for (guint k = 0; k < w->n_buckets; k++)
    {
      const WeftTimelineBucket *bucket = &lane->buckets[k];
      guint i = weft_timeline_bucket_lower_bound (bucket, 0, ctx->a - bucket->max_len);

      w->cursor[k] = weft_timeline_bucket_lower_bound (bucket, i, ctx->a);
      for (; i < w->cursor[k]; i++)
        {
          const WeftTimelineItem *item = weft_timeline_index_get_item (ctx->index, bucket->items[i]);
          double gx0, gx1;

          /* Visible by its days, as the items that start in view. */
          if (item->upper > ctx->a)
            {
              Ordered p;

              item_glyph (ctx, item, &gx0, &gx1);
              p.x = MAX (gx0, 0);
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
          Ordered p = { MAX (gx0, 0), lane->open[i] };
          g_array_append_val (ctx->pending, p);
        }
    }
  if (ctx->pending->len > 1)
    qsort (ctx->pending->data, ctx->pending->len, sizeof (Ordered), ordered_compare);
}

/* Step 2: the column of the leftmost item not yet taken, fixed to the
 * calendar; FALSE when every item is taken. */
static gboolean
next_column (const Ctx      *ctx,
             const LaneWalk *w,
             Column         *col)
{
  const double cell_w = ctx->m->cluster_width;
  double cell;

  col->next_abs = G_MAXDOUBLE;
  col->next_source = -1;
  for (guint k = 0; k < w->n_buckets; k++)
    {
      const WeftTimelineBucket *bucket = &w->lane->buckets[k];

      if (w->cursor[k] < bucket->n && bucket->lower[w->cursor[k]] < ctx->b)
        {
          double abs = bucket->lower[w->cursor[k]] * ctx->ppd;

          if (abs < col->next_abs)
            {
              col->next_abs = abs;
              col->next_source = (int) k;
            }
        }
    }
  if (w->pcur < ctx->pending->len)
    {
      double abs = g_array_index (ctx->pending, Ordered, w->pcur).x + ctx->origin;

      if (abs < col->next_abs)
        {
          col->next_abs = abs;
          col->next_source = (int) w->n_buckets;
        }
    }
  if (col->next_source < 0)
    return FALSE;

  cell = floor (col->next_abs / cell_w);
  col->x0 = cell * cell_w - ctx->origin;
  col->x1 = col->x0 + cell_w;
  /* A column cut by the left edge takes in the next one, so that its
   * cluster mark has room in view. */
  if (col->x0 < 0 && col->x1 < cell_w * 0.6)
    {
      cell += 1;
      col->x1 += cell_w;
    }
  col->day_end = MIN ((cell + 1) * cell_w / ctx->ppd, ctx->b);
  return TRUE;
}

/* Step 3: how many items start in the column, by binary search in each
 * bucket (w->end), and on which days; no item is looked at but pending ones. */
static void
count_column (const Ctx *ctx,
              LaneWalk  *w,
              Column    *col)
{
  col->count = 0;
  col->span_lower = G_MAXDOUBLE;
  col->span_upper = -G_MAXDOUBLE;

  for (guint k = 0; k < w->n_buckets; k++)
    {
      const WeftTimelineBucket *bucket = &w->lane->buckets[k];

      w->end[k] = weft_timeline_bucket_lower_bound (bucket, w->cursor[k], col->day_end);
      /* Rounding must never stall the walk. */
      if ((int) k == col->next_source && w->end[k] == w->cursor[k])
        w->end[k]++;
      if (w->end[k] > w->cursor[k])
        {
          col->count += w->end[k] - w->cursor[k];
          col->span_lower = MIN (col->span_lower, bucket->lower[w->cursor[k]]);
          col->span_upper = MAX (col->span_upper, bucket->lower[w->end[k] - 1] + 1);
        }
    }

  w->pend_end = w->pcur;
  while (w->pend_end < ctx->pending->len &&
         (g_array_index (ctx->pending, Ordered, w->pend_end).x < col->x1 ||
          (w->pend_end == w->pcur && col->next_source == (int) w->n_buckets)))
    {
      const WeftTimelineItem *item = weft_timeline_index_get_item (ctx->index,
                                                                   g_array_index (ctx->pending, Ordered, w->pend_end).item);

      col->span_lower = MIN (col->span_lower, item->lower);
      col->span_upper = MAX (col->span_upper, item->lower + 1);
      w->pend_end++;
    }
  col->count += w->pend_end - w->pcur;
}

static guint
count_free_rows (const Ctx      *ctx,
                 const LaneWalk *w,
                 const Column   *col)
{
  guint n_free = 0;

  for (guint r = 0; r < w->n_rows; r++)
    if (w->rows_min_end[r] + ctx->m->label_gap <= col->x1)
      n_free++;
  return n_free;
}

/* Step 4a: the column's leftmost @n_free items, merging the buckets and
 * the pending, as candidates sorted by where their boxes start. */
static guint
gather_candidates (const Ctx      *ctx,
                   const LaneWalk *w,
                   guint           n_free,
                   Candidate      *cands)
{
  const WeftTimelineLane *lane = w->lane;
  guint take[MAX_BUCKETS], ptake = w->pcur;
  guint n = 0;

  for (guint k = 0; k < w->n_buckets; k++)
    take[k] = w->cursor[k];
  while (n < n_free && n < MAX_GATHER)
    {
      int best = -1;
      double best_x = G_MAXDOUBLE;

      for (guint k = 0; k < w->n_buckets; k++)
        if (take[k] < w->end[k] && day_x (ctx, lane->buckets[k].lower[take[k]]) < best_x)
          {
            best_x = day_x (ctx, lane->buckets[k].lower[take[k]]);
            best = (int) k;
          }
      if (ptake < w->pend_end && g_array_index (ctx->pending, Ordered, ptake).x < best_x)
        best = (int) w->n_buckets;
      if (best < 0)
        break;
      if (best == (int) w->n_buckets)
        candidate_init (ctx, g_array_index (ctx->pending, Ordered, ptake++).item, &cands[n++]);
      else
        candidate_init (ctx, lane->buckets[best].items[take[best]++], &cands[n++]);
    }
  qsort (cands, n, sizeof (Candidate), ordered_compare);
  return n;
}

/* How much of row @r's last title and of @c's must be cut for @c to
 * follow it there: *@cut_end off the end of the one, *@cut_start off
 * the start of the other (pushed back from the right edge). FALSE when
 * even cut short they do not fit. */
static gboolean
room_in_row (const Ctx       *ctx,
             const LaneWalk  *w,
             guint            r,
             const Candidate *c,
             double          *cut_end,
             double          *cut_start)
{
  double need = w->rows_end[r] + ctx->m->label_gap - c->order.x;

  *cut_end = *cut_start = 0;
  if (need <= 0)
    return TRUE;
  if (w->rows_min_end[r] + ctx->m->label_gap > c->min_x + 1e-9)
    return FALSE;
  *cut_end = MIN (need, w->rows_end[r] - w->rows_min_end[r]);
  *cut_start = need - *cut_end;
  return TRUE;
}

/* The first row where @c fits whole; else the row where making room cuts
 * the least; else n_rows. */
static guint
find_row (const Ctx       *ctx,
          const LaneWalk  *w,
          const Candidate *c)
{
  guint best = w->n_rows;
  double best_cut = G_MAXDOUBLE;

  for (guint r = 0; r < w->n_rows; r++)
    {
      double cut_end, cut_start;

      if (!room_in_row (ctx, w, r, c, &cut_end, &cut_start))
        continue;
      if (cut_end + cut_start <= 0)
        return r;
      if (cut_end + cut_start < best_cut)
        {
          best_cut = cut_end + cut_start;
          best = r;
        }
    }
  return best;
}

/* Cuts row @r's last title and @c's start as room_in_row() says. */
static void
make_room (Ctx       *ctx,
           LaneWalk  *w,
           guint      r,
           Candidate *c)
{
  double cut_end, cut_start;

  if (!room_in_row (ctx, w, r, c, &cut_end, &cut_start))
    g_return_if_reached ();

  if (cut_end > 0)
    {
      WeftTimelineMark *last = &g_array_index (ctx->frame->marks, WeftTimelineMark, w->rows_mark[r]);

      /* Its box ends with its title and claim markers: its glyph ends
       * before even its shortest end. */
      last->label_width -= cut_end;
      last->box_x1 -= cut_end;
      w->rows_end[r] = last->box_x1;
    }
  if (cut_start > 0)
    {
      /* Pushed back from the right edge: it starts later, its right end
       * stays where it was. */
      c->label_x += cut_start;
      c->label_w -= cut_start;
      c->order.x = MIN (c->gx0, c->label_x);
    }
}

/* Step 4b: at most as many events as there are free rows, taken from the
 * left of each bucket, try for the first row where they fit; the others
 * join the column's cluster without being looked at. */
static void
fill_column (Ctx          *ctx,
             LaneWalk     *w,
             const Column *col,
             guint         n_free)
{
  Candidate cands[MAX_GATHER];
  guint n = gather_candidates (ctx, w, n_free, cands);
  guint placed = 0;
  double un_lower = G_MAXDOUBLE, un_upper = -G_MAXDOUBLE, un_first = col->x1;

  for (guint i = 0; i < n; i++)
    {
      Candidate *c = &cands[i];
      guint r = find_row (ctx, w, c);

      if (r < w->n_rows)
        {
          make_room (ctx, w, r, c);
          w->rows_mark[r] = ctx->frame->marks->len;
          add_event (ctx, w->box, r, c);
          w->rows_end[r] = c->box_x1;
          w->rows_min_end[r] = mark_min_end (c);
          placed++;
        }
      else
        {
          const WeftTimelineItem *item = weft_timeline_index_get_item (ctx->index, c->order.item);

          un_lower = MIN (un_lower, item->lower);
          un_upper = MAX (un_upper, item->lower + 1);
          un_first = MIN (un_first, MAX (c->gx0, col->x0));
        }
    }

  if (placed < col->count)
    {
      if (n < col->count)
        {
          /* Some were never looked at: the column's span. */
          un_lower = col->span_lower;
          un_upper = col->span_upper;
          un_first = MIN (un_first, MAX (col->x0, col->next_abs - ctx->origin));
        }
      add_cluster (ctx, w->box, col->x0, col->x1, un_first, col->count - placed, un_lower, un_upper);
    }
}

/* The marks of one lane: its visible items column by column from the
 * left (gather, count, then place or cluster). */
static void
lay_out_lane (Ctx   *ctx,
              guint  lane_box_index)
{
  WeftTimelineLaneBox *box = &g_array_index (ctx->frame->lanes, WeftTimelineLaneBox, lane_box_index);
  LaneWalk w;
  Column col;

  box->first_mark = ctx->frame->marks->len;
  lane_walk_init (ctx, lane_box_index, &w);
  gather_pending (ctx, &w);

  while (next_column (ctx, &w, &col))
    {
      guint n_free;

      count_column (ctx, &w, &col);
      n_free = count_free_rows (ctx, &w, &col);
      ctx->frame->n_visible_items += col.count;

      if (n_free == 0)
        {
          /* Crowded: the whole column is one mark, no event looked at. */
          add_cluster (ctx, lane_box_index, col.x0, col.x1, MAX (col.x0, col.next_abs - ctx->origin),
                       col.count, col.span_lower, col.span_upper);
        }
      else
        fill_column (ctx, &w, &col, n_free);

      memcpy (w.cursor, w.end, w.n_buckets * sizeof w.cursor[0]);
      w.pcur = w.pend_end;
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

static gboolean
lane_has_clusters (const WeftTimelineFrame   *frame,
                   const WeftTimelineLaneBox *box)
{
  for (guint j = box->first_mark; j < box->first_mark + box->n_marks; j++)
    if (g_array_index (frame->marks, WeftTimelineMark, j).kind == WEFT_TIMELINE_MARK_CLUSTER)
      return TRUE;
  return FALSE;
}

/* Every lane's box, one below the other, each laid out when in the view
 * (all of them without a view or when compact). A lane that turns out to
 * need a cluster row it was not given gets one before the next lane is
 * placed. */
static void
lay_out_lanes (Ctx *ctx)
{
  WeftTimelineIndex *index = ctx->index;
  const WeftTimelineLayoutOptions *options = ctx->options;
  WeftTimelineFrame *frame = ctx->frame;
  double y = 0;

  for (guint i = 0; i < weft_timeline_index_get_n_lanes (index); i++)
    {
      const WeftTimelineLane *lane = weft_timeline_index_get_lane (index, i);
      WeftTimelineLaneBox box = { 0 };
      WeftTimelineLaneBox *placed;

      box.lane = i;
      box.collapsed = options->collapsed != NULL && g_hash_table_contains (options->collapsed, lane->key);
      box.rows = box.collapsed ? 0 : MIN (MIN (options->max_rows, MAX_ROWS), lane->n_items);
      if (options->lane_shares != NULL && !box.collapsed)
        box.rows = MIN (box.rows, options->lane_shares[i].rows);
      if (options->lane_shares != NULL)
        box.cluster_row = box.collapsed || options->lane_shares[i].cluster_row;
      else
        box.cluster_row = lane->n_items > box.rows;
      lane_geometry (&frame->metrics, &box);
      box.y = y;
      box.laid_out = (options->only_lanes == NULL || options->only_lanes[i]) &&
                     (options->compact || options->view_height <= 0 ||
                      (y + box.height > options->view_y && y < options->view_y + options->view_height));
      g_array_append_val (frame->lanes, box);

      placed = &g_array_index (frame->lanes, WeftTimelineLaneBox, frame->lanes->len - 1);
      if (placed->laid_out)
        {
          lay_out_lane (ctx, frame->lanes->len - 1);
          placed = &g_array_index (frame->lanes, WeftTimelineLaneBox, frame->lanes->len - 1);
          if (!placed->cluster_row && lane_has_clusters (frame, placed))
            {
              placed->cluster_row = TRUE;
              lane_geometry (&frame->metrics, placed);
            }
        }
      y += placed->height;
    }
  frame->lanes_height = y;
}

/* For exports: lanes only as tall as the rows they use, lanes with nothing
 * in view left out, era rows only as many as have a band in view. */
static void
compact_lanes (WeftTimelineFrame *frame)
{
  g_autoptr(GArray) kept = g_array_new (FALSE, FALSE, sizeof (WeftTimelineLaneBox));
  g_autofree guint *new_index = g_new (guint, MAX (frame->lanes->len, 1));
  double y = 0;
  guint era_rows = 0;

  for (guint i = 0; i < frame->lanes->len; i++)
    {
      WeftTimelineLaneBox box = g_array_index (frame->lanes, WeftTimelineLaneBox, i);
      guint rows = 0;

      new_index[i] = G_MAXUINT;
      if (box.n_marks == 0)
        continue;
      for (guint j = box.first_mark; j < box.first_mark + box.n_marks; j++)
        {
          const WeftTimelineMark *mark = &g_array_index (frame->marks, WeftTimelineMark, j);

          if (mark->row != WEFT_TIMELINE_CLUSTER_ROW)
            rows = MAX (rows, mark->row + 1);
        }
      box.rows = rows;
      box.cluster_row = lane_has_clusters (frame, &box);
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
  frame->lanes_height = y;

  for (guint i = 0; i < frame->eras->len; i++)
    era_rows = MAX (era_rows, g_array_index (frame->eras, WeftTimelineEraBand, i).row + 1);
  frame->n_era_rows = era_rows;
}

void
weft_timeline_layout (WeftTimelineIndex               *index,
                      const WeftTimelineScale         *scale,
                      const WeftTimelineLayoutOptions *options,
                      WeftTimelineFrame               *frame)
{
  WeftTimelineLayoutOptions defaults;
  g_autoptr(GArray) pending = g_array_new (FALSE, FALSE, sizeof (Ordered));
  Ctx ctx = { 0 };

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

  lay_out_lanes (&ctx);
  if (options->compact)
    compact_lanes (frame);

  frame->header_height = weft_timeline_header_height (&frame->metrics, frame->n_era_rows);

  /* Marks know their lane and row: now their y. */
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
  guint first = 0, end = frame->marks->len;

  if (frame->index == NULL || (lane >= frame->lanes->len && lane != G_MAXUINT))
    return NULL;

  if (lane != G_MAXUINT)
    {
      box = &g_array_index (frame->lanes, WeftTimelineLaneBox, lane);
      first = box->first_mark;
      end = box->first_mark + box->n_marks;
    }
  for (guint i = first; i < end; i++)
    {
      const WeftTimelineMark *mark = &g_array_index (frame->marks, WeftTimelineMark, i);

      if (mark->kind == WEFT_TIMELINE_MARK_EVENT &&
          weft_timeline_index_get_item (frame->index, mark->item)->event == event)
        return mark;
    }
  return NULL;
}
