/* weft-timeline-scale.c: days to pixels, and axis ticks from millennia to days
 *
 * SPDX-License-Identifier: MIT
 *
 * Ticks: the steps below are tried from the finest up, and the first whose
 * shortest gap leaves room for its widest label wins. Ticks sit on the
 * calendar, not on round numbers of days: days of the month (1, 6, 11, …),
 * months (January, April, …), years that are multiples of the step. Before
 * the common era the multiples are of the year as written (100 BCE,
 * 200 BCE, …), since there is no year 0; at the largest steps the year 1
 * gets a tick too, so the boundary is not a gap.
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "weft-timeline-scale.h"

/* Years beyond this are not drawn; the parser accepts |year| ≤ 999999. */
#define MAX_TICK_YEAR ((gint64) WEFT_DATE_MAX_YEAR + 1)

/* ---- Scale ------------------------------------------------------------- */

static void
scale_set_span (WeftTimelineScale *scale,
                double             lower,
                double             upper)
{
  double mid, span;

  if (!isfinite (lower) || !isfinite (upper))
    {
      lower = 0;
      upper = 365;
    }
  if (upper < lower)
    {
      double t = lower;
      lower = upper;
      upper = t;
    }

  mid = lower / 2 + upper / 2;
  span = upper - lower;
  if (span < WEFT_TIMELINE_MIN_SPAN)
    span = WEFT_TIMELINE_MIN_SPAN;
  if (span > WEFT_TIMELINE_MAX_SPAN)
    span = WEFT_TIMELINE_MAX_SPAN;

  /* Keep the middle where dates can be drawn. */
  mid = CLAMP (mid, -WEFT_TIMELINE_MAX_SPAN / 2, WEFT_TIMELINE_MAX_SPAN / 2);

  scale->lower = mid - span / 2;
  scale->upper = mid + span / 2;
}

void
weft_timeline_scale_init (WeftTimelineScale *scale,
                          double             lower,
                          double             upper,
                          double             width)
{
  g_return_if_fail (scale != NULL);

  scale_set_span (scale, lower, upper);
  weft_timeline_scale_set_width (scale, width);
}

void
weft_timeline_scale_set_width (WeftTimelineScale *scale,
                               double             width)
{
  g_return_if_fail (scale != NULL);

  scale->width = isfinite (width) && width >= 1 ? width : 1;
}

double
weft_timeline_scale_px_per_day (const WeftTimelineScale *scale)
{
  return scale->width / (scale->upper - scale->lower);
}

double
weft_timeline_scale_x (const WeftTimelineScale *scale,
                       double                   day)
{
  return (day - scale->lower) * weft_timeline_scale_px_per_day (scale);
}

double
weft_timeline_scale_day (const WeftTimelineScale *scale,
                         double                   x)
{
  return scale->lower + x / weft_timeline_scale_px_per_day (scale);
}

void
weft_timeline_scale_zoom (WeftTimelineScale *scale,
                          double             x,
                          double             factor)
{
  double anchor, span, new_span, lower;

  g_return_if_fail (scale != NULL);

  if (!isfinite (factor) || factor <= 0 || !isfinite (x))
    return;

  anchor = weft_timeline_scale_day (scale, x);
  span = scale->upper - scale->lower;
  new_span = CLAMP (span / factor, WEFT_TIMELINE_MIN_SPAN, WEFT_TIMELINE_MAX_SPAN);
  lower = anchor - (x / scale->width) * new_span;
  scale_set_span (scale, lower, lower + new_span);
}

void
weft_timeline_scale_pan (WeftTimelineScale *scale,
                         double             dx)
{
  double dd;

  g_return_if_fail (scale != NULL);

  if (!isfinite (dx))
    return;

  dd = dx / weft_timeline_scale_px_per_day (scale);
  scale_set_span (scale, scale->lower + dd, scale->upper + dd);
}

void
weft_timeline_scale_clamp (WeftTimelineScale *scale,
                           double             lower,
                           double             upper)
{
  double span = scale->upper - scale->lower;

  g_return_if_fail (scale != NULL);

  if (upper - lower <= span)
    {
      /* All of it fits: keep it in view. */
      if (scale->lower > lower)
        scale_set_span (scale, lower, lower + span);
      else if (scale->upper < upper)
        scale_set_span (scale, upper - span, upper);
      return;
    }

  if (scale->lower < lower)
    scale_set_span (scale, lower, lower + span);
  else if (scale->upper > upper)
    scale_set_span (scale, upper - span, upper);
}

void
weft_timeline_scale_date_extent (const WeftTimelineScale *scale,
                                 const WeftDate          *date,
                                 double                  *x0,
                                 double                  *x1)
{
  g_return_if_fail (scale != NULL && date != NULL);

  if (x0 != NULL)
    *x0 = weft_timeline_scale_x (scale, (double) date->lower);
  if (x1 != NULL)
    *x1 = weft_timeline_scale_x (scale, (double) date->upper + 1);
}

/* ---- Ticks ------------------------------------------------------------- */

static const WeftTimelineTickStep steps[] = {
  { WEFT_TIMELINE_UNIT_DAY, 1 },
  { WEFT_TIMELINE_UNIT_DAY, 2 },
  { WEFT_TIMELINE_UNIT_DAY, 5 },
  { WEFT_TIMELINE_UNIT_DAY, 10 },
  { WEFT_TIMELINE_UNIT_DAY, 15 },
  { WEFT_TIMELINE_UNIT_MONTH, 1 },
  { WEFT_TIMELINE_UNIT_MONTH, 3 },
  { WEFT_TIMELINE_UNIT_MONTH, 6 },
  { WEFT_TIMELINE_UNIT_YEAR, 1 },
  { WEFT_TIMELINE_UNIT_YEAR, 2 },
  { WEFT_TIMELINE_UNIT_YEAR, 5 },
  { WEFT_TIMELINE_UNIT_YEAR, 10 },
  { WEFT_TIMELINE_UNIT_YEAR, 20 },
  { WEFT_TIMELINE_UNIT_YEAR, 50 },
  { WEFT_TIMELINE_UNIT_YEAR, 100 },
  { WEFT_TIMELINE_UNIT_YEAR, 200 },
  { WEFT_TIMELINE_UNIT_YEAR, 500 },
  { WEFT_TIMELINE_UNIT_YEAR, 1000 },
  { WEFT_TIMELINE_UNIT_YEAR, 2000 },
  { WEFT_TIMELINE_UNIT_YEAR, 5000 },
  { WEFT_TIMELINE_UNIT_YEAR, 10000 },
  { WEFT_TIMELINE_UNIT_YEAR, 20000 },
  { WEFT_TIMELINE_UNIT_YEAR, 50000 },
  { WEFT_TIMELINE_UNIT_YEAR, 100000 },
  { WEFT_TIMELINE_UNIT_YEAR, 200000 },
  { WEFT_TIMELINE_UNIT_YEAR, 500000 },
  { WEFT_TIMELINE_UNIT_YEAR, 1000000 },
};

/* Room between a tick line and its label. */
#define LABEL_INSET 4.0

double
weft_timeline_tick_step_min_days (WeftTimelineTickStep step)
{
  switch (step.unit)
    {
    case WEFT_TIMELINE_UNIT_DAY:
      /* Days of the month: the last tick of a month may be closer to the
       * next month's first (see day_is_tick), but never closer than this. */
      return step.step == 1 ? 1.0 : ceil (step.step * 0.75);
    case WEFT_TIMELINE_UNIT_MONTH:
      return 28.0 * step.step;
    case WEFT_TIMELINE_UNIT_YEAR:
    default:
      /* 365 days a year; at 10 years and more the year-1 tick sits one
       * year closer to the next one than the step. */
      return step.step >= 10 ? 365.0 * (step.step - 1) : 365.0 * step.step;
    }
}

gint64
weft_timeline_month_start (gint64 year,
                           guint  month)
{
  year = CLAMP (year, -MAX_TICK_YEAR * 4, MAX_TICK_YEAR * 4);
  return weft_days_from_civil (year, CLAMP (month, 1, 12), 1);
}

static gboolean
day_is_tick (guint  mday,
             guint  days_in_month,
             guint  step)
{
  if (step <= 1)
    return TRUE;
  if ((mday - 1) % step != 0)
    return FALSE;
  /* Not too close to the next month's first day. */
  return (double) (days_in_month - mday + 1) >= ceil (step * 0.75);
}

static void
clear_tick (gpointer data)
{
  WeftTimelineTick *tick = data;

  g_clear_pointer (&tick->label, g_free);
}

GArray *
weft_timeline_ticks_new (void)
{
  GArray *ticks = g_array_new (FALSE, TRUE, sizeof (WeftTimelineTick));

  g_array_set_clear_func (ticks, clear_tick);
  return ticks;
}

static double
measure (WeftTimelineMeasureFunc  func,
         gpointer                 data,
         WeftTimelineText         role,
         const char              *text)
{
  double w;

  if (func == NULL)
    return 7.0 * g_utf8_strlen (text, -1);
  w = func (role, text, data);
  return isfinite (w) && w > 0 ? w : 0;
}

static void
day_floor_civil (double  day,
                 gint64 *year,
                 guint  *month,
                 guint  *mday)
{
  double d = floor (CLAMP (day, -1e15, 1e15));

  weft_civil_from_days ((gint64) d, year, month, mday);
}

/* The widest label a step can have in the visible span. */
static double
widest_label (WeftTimelineTickStep     step,
              const WeftTimelineScale *scale,
              WeftTimelineMeasureFunc  func,
              gpointer                 data)
{
  double widest = 0;

  switch (step.unit)
    {
    case WEFT_TIMELINE_UNIT_DAY:
      return measure (func, data, WEFT_TIMELINE_TEXT_TICK, "28");

    case WEFT_TIMELINE_UNIT_MONTH:
      for (guint m = 1; m <= 12; m += step.step)
        widest = MAX (widest, measure (func, data, WEFT_TIMELINE_TEXT_TICK, weft_month_abbreviation (m)));
      return widest;

    case WEFT_TIMELINE_UNIT_YEAR:
    default:
      {
        gint64 ends[2];
        guint m, d;

        day_floor_civil (scale->lower, &ends[0], &m, &d);
        day_floor_civil (scale->upper, &ends[1], &m, &d);
        for (guint i = 0; i < 2; i++)
          {
            /* A round year of the same length: "2000", "1000 BCE". */
            gint64 y = CLAMP (ends[i], -MAX_TICK_YEAR, MAX_TICK_YEAR);
            g_autofree char *label = weft_year_format (y);

            widest = MAX (widest, measure (func, data, WEFT_TIMELINE_TEXT_TICK, label));
          }
        return widest;
      }
    }
}

static WeftTimelineTick *
add_tick (GArray                  *ticks,
          const WeftTimelineScale *scale,
          gint64                   year,
          guint                    month,
          guint                    mday,
          gboolean                 major,
          char                    *label)
{
  WeftTimelineTick tick = { 0 };

  tick.day = weft_days_from_civil (year, month, mday);
  tick.x = weft_timeline_scale_x (scale, (double) tick.day);
  tick.label_x = tick.x + LABEL_INSET;
  tick.year = year;
  tick.month = month;
  tick.mday = mday;
  tick.major = major;
  tick.label = label;
  g_array_append_val (ticks, tick);
  return &g_array_index (ticks, WeftTimelineTick, ticks->len - 1);
}

static gboolean
in_view (const WeftTimelineScale *scale,
         gint64                   day)
{
  return (double) day >= scale->lower && (double) day <= scale->upper;
}

static void
year_ticks (GArray                  *ticks,
            const WeftTimelineScale *scale,
            guint                    step)
{
  gint64 y0, y1, first, s = step;
  guint m, d;

  day_floor_civil (scale->lower, &y0, &m, &d);
  day_floor_civil (scale->upper, &y1, &m, &d);
  y0 = CLAMP (y0, -MAX_TICK_YEAR, MAX_TICK_YEAR);
  y1 = CLAMP (y1, -MAX_TICK_YEAR, MAX_TICK_YEAR);

  /* Before the common era: years written n BCE (astronomical 1 - n) with
   * n a multiple of the step, from the earliest. */
  if (y0 <= 0)
    {
      gint64 n_max = 1 - y0;             /* the earliest year shown, as written */
      gint64 n = n_max - n_max % s;

      for (; n >= 1; n -= s)
        {
          gint64 y = 1 - n;

          if (y > y1)
            break;
          if (in_view (scale, weft_days_from_civil (y, 1, 1)))
            add_tick (ticks, scale, y, 1, 1, FALSE, weft_year_format (y));
        }
    }

  if (s >= 10 && y0 <= 1 && y1 >= 1 && in_view (scale, weft_days_from_civil (1, 1, 1)))
    add_tick (ticks, scale, 1, 1, 1, FALSE, weft_year_format (1));

  first = MAX (y0, 1);
  first = ((first + s - 1) / s) * s;
  for (gint64 y = first; y <= y1; y += s)
    if (in_view (scale, weft_days_from_civil (y, 1, 1)))
      add_tick (ticks, scale, y, 1, 1, FALSE, weft_year_format (y));
}

static void
month_ticks (GArray                  *ticks,
             const WeftTimelineScale *scale,
             guint                    step)
{
  gint64 y;
  guint m, d;

  day_floor_civil (scale->lower, &y, &m, &d);
  for (;;)
    {
      gint64 start = weft_days_from_civil (y, m, 1);

      if ((double) start > scale->upper)
        break;
      if ((m - 1) % step == 0 && in_view (scale, start))
        add_tick (ticks, scale, y, m, 1, FALSE, g_strdup (weft_month_abbreviation (m)));
      if (++m > 12)
        {
          m = 1;
          y++;
        }
    }
}

static void
day_ticks (GArray                  *ticks,
           const WeftTimelineScale *scale,
           guint                    step)
{
  double first = ceil (scale->lower);

  for (double day = first; day <= scale->upper; day++)
    {
      gint64 y;
      guint m, d;

      day_floor_civil (day, &y, &m, &d);
      if (day_is_tick (d, weft_days_in_month (y, m), step))
        add_tick (ticks, scale, y, m, d, FALSE, g_strdup_printf ("%u", d));
    }
}

static char *
month_year_label (gint64   year,
                  guint    month,
                  gboolean abbreviated)
{
  g_autofree char *y = weft_year_format (year);

  /* Translators: a month and a year above the timeline's days, as in
   * "October 2021" or "Oct 2021". */
  return g_strdup_printf (C_("timeline axis", "%1$s %2$s"),
                          abbreviated ? weft_month_abbreviation (month) : weft_month_name (month),
                          y);
}

/* The second row: months above days, years above months. */
static void
major_ticks (GArray                  *ticks,
             const WeftTimelineScale *scale,
             WeftTimelineTickStep     step,
             WeftTimelineMeasureFunc  func,
             gpointer                 data,
             double                   spacing)
{
  double ppd = weft_timeline_scale_px_per_day (scale);
  gint64 y;
  guint m, d;
  guint first = ticks->len;

  if (step.unit == WEFT_TIMELINE_UNIT_YEAR)
    return;

  day_floor_civil (scale->lower, &y, &m, &d);
  if (step.unit == WEFT_TIMELINE_UNIT_MONTH)
    m = 1;

  /* The first one may start left of the view: its label sticks. */
  for (;;)
    {
      gint64 start = weft_days_from_civil (y, m, 1);
      char *label;

      if ((double) start > scale->upper)
        break;

      if (step.unit == WEFT_TIMELINE_UNIT_DAY)
        {
          g_autofree char *full = month_year_label (y, m, FALSE);
          double room = weft_days_in_month (y, m) * ppd;

          if (measure (func, data, WEFT_TIMELINE_TEXT_MAJOR, full) + LABEL_INSET + spacing <= room)
            label = g_steal_pointer (&full);
          else
            label = month_year_label (y, m, TRUE);
          add_tick (ticks, scale, y, m, 1, TRUE, label);
          if (++m > 12)
            {
              m = 1;
              y++;
            }
        }
      else
        {
          add_tick (ticks, scale, y, 1, 1, TRUE, weft_year_format (y));
          y++;
        }
      if (y > MAX_TICK_YEAR)
        break;
    }

  /* Labels: the first sticks to the left edge while there is room before
   * the next; any that would touch the previous one is dropped. */
  {
    double last_end = -G_MAXDOUBLE;

    for (guint i = first; i < ticks->len; i++)
      {
        WeftTimelineTick *t = &g_array_index (ticks, WeftTimelineTick, i);
        WeftTimelineTick *next = i + 1 < ticks->len ? &g_array_index (ticks, WeftTimelineTick, i + 1) : NULL;

        t->label_width = measure (func, data, WEFT_TIMELINE_TEXT_MAJOR, t->label);
        if (i == first && t->x < 0)
          {
            t->label_x = LABEL_INSET;
            if (next != NULL && t->label_x + t->label_width + spacing > next->label_x)
              t->label_x = next->label_x - spacing - t->label_width;
          }
        if (t->label_x < last_end + spacing || t->label_x + t->label_width < 0 ||
            t->label_x + t->label_width > scale->width)
          {
            g_clear_pointer (&t->label, g_free);
            t->label_width = 0;
            continue;
          }
        last_end = t->label_x + t->label_width;
      }
  }
}

WeftTimelineTickStep
weft_timeline_ticks_compute (const WeftTimelineScale *scale,
                             WeftTimelineMeasureFunc  func,
                             gpointer                 data,
                             double                   spacing,
                             GArray                  *ticks)
{
  double ppd = weft_timeline_scale_px_per_day (scale);
  WeftTimelineTickStep step = steps[G_N_ELEMENTS (steps) - 1];
  double last_end = -G_MAXDOUBLE;

  g_return_val_if_fail (scale != NULL && ticks != NULL, step);

  g_array_set_size (ticks, 0);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      double room = weft_timeline_tick_step_min_days (steps[i]) * ppd;

      if (room >= widest_label (steps[i], scale, func, data) + LABEL_INSET + spacing)
        {
          step = steps[i];
          break;
        }
    }

  switch (step.unit)
    {
    case WEFT_TIMELINE_UNIT_DAY:
      day_ticks (ticks, scale, step.step);
      break;
    case WEFT_TIMELINE_UNIT_MONTH:
      month_ticks (ticks, scale, step.step);
      break;
    case WEFT_TIMELINE_UNIT_YEAR:
    default:
      year_ticks (ticks, scale, step.step);
      break;
    }

  /* Measure, and drop any label that would still touch the previous one
   * (only at the coarsest step, wider than the screen allows). */
  for (guint i = 0; i < ticks->len; i++)
    {
      WeftTimelineTick *t = &g_array_index (ticks, WeftTimelineTick, i);

      t->label_width = measure (func, data, WEFT_TIMELINE_TEXT_TICK, t->label);
      /* Nor run out of the view on the right. */
      if (t->label_x < last_end + spacing || t->label_x + t->label_width > scale->width)
        {
          g_clear_pointer (&t->label, g_free);
          t->label_width = 0;
          continue;
        }
      last_end = t->label_x + t->label_width;
    }

  major_ticks (ticks, scale, step, func, data, spacing);
  return step;
}
