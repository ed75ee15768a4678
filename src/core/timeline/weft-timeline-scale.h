/* weft-timeline-scale.h: days to pixels, and axis ticks from millennia to days
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include "weft-date.h"

G_BEGIN_DECLS

/* What a piece of timeline text is, so that measuring and drawing use the
 * same font for it. */
typedef enum {
  WEFT_TIMELINE_TEXT_LABEL,    /* an event's title */
  WEFT_TIMELINE_TEXT_TICK,     /* minor axis labels: "Oct", "15", "2021" */
  WEFT_TIMELINE_TEXT_MAJOR,    /* the axis' second row: "2021", "October 2021" */
  WEFT_TIMELINE_TEXT_LANE,     /* a lane's title */
  WEFT_TIMELINE_TEXT_ERA,      /* an era's title */
  WEFT_TIMELINE_TEXT_COUNT,    /* the number in a cluster mark */
  WEFT_TIMELINE_TEXT_TITLE,    /* an exported picture's heading */
  WEFT_TIMELINE_TEXT_LEGEND,   /* an exported picture's legend and notes */
  WEFT_TIMELINE_N_TEXTS
} WeftTimelineText;

/* Returns the width in pixels of @text drawn as @role. Layout calls it once
 * per distinct label and caches the answer. */
typedef double (*WeftTimelineMeasureFunc) (WeftTimelineText  role,
                                           const char       *text,
                                           gpointer          user_data);

/* The visible span. A day d covers [d, d + 1) on the axis (days since
 * 1970-01-01, as in weft-date.h), so "2021-10-05" is one day wide and
 * "2021-10" thirty-one; doubles allow zooming into a single day. */
typedef struct {
  double lower;   /* the day at x = 0 */
  double upper;   /* the day at x = width */
  double width;   /* pixels */
} WeftTimelineScale;

/* The narrowest and widest spans one can zoom to, in days. */
#define WEFT_TIMELINE_MIN_SPAN 2.0
#define WEFT_TIMELINE_MAX_SPAN (2.0 * 366.0 * (WEFT_DATE_MAX_YEAR + 1.0))

/* Sets the span, widened to WEFT_TIMELINE_MIN_SPAN and narrowed to
 * WEFT_TIMELINE_MAX_SPAN around its middle; width at least 1. */
void   weft_timeline_scale_init       (WeftTimelineScale *scale,
                                       double             lower,
                                       double             upper,
                                       double             width);
void   weft_timeline_scale_set_width  (WeftTimelineScale *scale,
                                       double             width);
double weft_timeline_scale_x          (const WeftTimelineScale *scale,
                                       double             day);
double weft_timeline_scale_day        (const WeftTimelineScale *scale,
                                       double             x);
double weft_timeline_scale_px_per_day (const WeftTimelineScale *scale);

/* Zooms by @factor (> 1 zooms in) keeping the day under @x where it is;
 * the span stays within the limits above. */
void   weft_timeline_scale_zoom       (WeftTimelineScale *scale,
                                       double             x,
                                       double             factor);
/* Moves the view by @dx pixels (positive shows later days). */
void   weft_timeline_scale_pan        (WeftTimelineScale *scale,
                                       double             dx);
/* Keeps the view from leaving [@lower, @upper] (with the span unchanged
 * when it fits, else showing all of it). */
void   weft_timeline_scale_clamp      (WeftTimelineScale *scale,
                                       double             lower,
                                       double             upper);

/* Where a date's day bounds fall: *@x0 at the start of its first day,
 * *@x1 at the end of its last. Open ends give far-off coordinates. */
void   weft_timeline_scale_date_extent (const WeftTimelineScale *scale,
                                        const WeftDate          *date,
                                        double                  *x0,
                                        double                  *x1);

/* ---- Ticks ------------------------------------------------------------- */

typedef enum {
  WEFT_TIMELINE_UNIT_DAY,
  WEFT_TIMELINE_UNIT_MONTH,
  WEFT_TIMELINE_UNIT_YEAR,
} WeftTimelineUnit;

typedef struct {
  WeftTimelineUnit unit;
  guint            step;   /* days 1 2 5 10 15; months 1 3 6; years 1 2 5 10 … 1000000 */
} WeftTimelineTickStep;

typedef struct {
  double      x;          /* where the tick line is */
  double      label_x;    /* where its label starts */
  gint64      day;        /* the first day of the period it opens */
  gint64      year;       /* astronomical */
  guint       month;      /* 1..12 */
  guint       mday;       /* 1..31 */
  gboolean    major;      /* second row: months over days, years over months */
  char       *label;
  double      label_width;
} WeftTimelineTick;

/* A GArray of WeftTimelineTick that frees the labels. */
GArray *weft_timeline_ticks_new     (void);

/* Fills @ticks with the minor ticks of the coarsest-but-readable step
 * (labels at least @spacing pixels apart, measured with @measure) and the
 * major ticks above them, in order of x, minor ticks first. The first
 * major tick may lie left of the view: its label then sticks to the left
 * edge. Returns the step chosen. */
WeftTimelineTickStep weft_timeline_ticks_compute (const WeftTimelineScale *scale,
                                                  WeftTimelineMeasureFunc  measure,
                                                  gpointer                 measure_data,
                                                  double                   spacing,
                                                  GArray                  *ticks);

/* The step's length in days, at least (for choosing a step). */
double weft_timeline_tick_step_min_days (WeftTimelineTickStep step);

/* The first day of (@year, @month) on the calendar; clamped to the
 * supported years. */
gint64 weft_timeline_month_start (gint64 year,
                                  guint  month);

G_END_DECLS
