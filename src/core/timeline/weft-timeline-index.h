/* weft-timeline-index.h: a dataset's events in lanes, sorted for the timeline
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include "weft-dataset.h"
#include "weft-timeline-scale.h"

G_BEGIN_DECLS

/* How events are grouped into lanes. */
typedef enum {
  WEFT_TIMELINE_LANES_ENTITY,   /* one lane per participating entity */
  WEFT_TIMELINE_LANES_KIND,     /* one lane per kind of participating entity */
  WEFT_TIMELINE_LANES_GROUP,    /* one lane per event "group" */
} WeftTimelineLanes;

const char *weft_timeline_lanes_to_string   (WeftTimelineLanes  lanes);
gboolean    weft_timeline_lanes_from_string (const char        *string,
                                             WeftTimelineLanes *lanes);

typedef enum {
  WEFT_TIMELINE_SHAPE_POINT,    /* a single day */
  WEFT_TIMELINE_SHAPE_BAR,      /* a month, a year, an interval, … */
} WeftTimelineShape;

/* One event in one lane: an event with three participants is three items
 * when lanes are entities (linked by their event). */
typedef struct {
  WeftEvent         *event;
  guint              lane;
  guint              color;       /* a palette category: the event's group */
  double             lower;       /* first day it covers (for an open start: of its known end) */
  double             upper;       /* the day after the last (for an open end: of its known start) */
  WeftDateFlags      start_flags; /* of the date's start and end */
  WeftDateFlags      end_flags;
  WeftTimelineShape  shape;
  gboolean           open_start;  /* "../2021": fades out to the left */
  gboolean           open_end;    /* "2019/..": fades out to the right */
} WeftTimelineItem;

/* Items of one lane whose length is below max_len days, sorted by lower:
 * those visible in [a, b) start in [a - max_len, b), two binary searches. */
typedef struct {
  double  max_len;
  guint   n;
  double *lower;   /* sorted */
  guint  *items;   /* the item of each lower */
} WeftTimelineBucket;

typedef struct {
  char                *key;       /* "entity:ID", "kind:company", "group:NAME", "none" */
  char                *title;
  WeftEntity          *entity;    /* for entity lanes */
  guint                n_items;
  guint                color;
  WeftTimelineBucket  *buckets;   /* by length, shortest first */
  guint                n_buckets;
  guint               *open;      /* items with an open end, by their known day */
  guint                n_open;
} WeftTimelineLane;

typedef struct _WeftTimelineIndex WeftTimelineIndex;

/* Builds the lanes of a finished dataset (holds a reference to it). */
WeftTimelineIndex      *weft_timeline_index_new            (WeftDataset        *dataset,
                                                            WeftTimelineLanes   lanes);
void                    weft_timeline_index_free           (WeftTimelineIndex  *self);

WeftDataset            *weft_timeline_index_get_dataset    (WeftTimelineIndex  *self);
WeftTimelineLanes       weft_timeline_index_get_lanes_mode (WeftTimelineIndex  *self);

guint                   weft_timeline_index_get_n_lanes    (WeftTimelineIndex  *self);
const WeftTimelineLane *weft_timeline_index_get_lane       (WeftTimelineIndex  *self,
                                                            guint               lane);
/* The lane with that key, or -1. */
int                     weft_timeline_index_find_lane      (WeftTimelineIndex  *self,
                                                            const char         *key);

guint                   weft_timeline_index_get_n_items    (WeftTimelineIndex  *self);
const WeftTimelineItem *weft_timeline_index_get_item       (WeftTimelineIndex  *self,
                                                            guint               item);
/* The items of an event (one per lane it is in) are consecutive: *@first
 * and the *@n_items after it. FALSE when it has none (an undrawable date). */
gboolean                weft_timeline_index_get_event_items (WeftTimelineIndex *self,
                                                             const WeftEvent   *event,
                                                             guint             *first,
                                                             guint             *n_items);

/* Earliest and latest day of every item (open ends: their known day);
 * FALSE when there are no items. */
gboolean                weft_timeline_index_get_range      (WeftTimelineIndex  *self,
                                                            double             *lower,
                                                            double             *upper);

/* Appends to @items (guint) the lane's items that overlap [@lower, @upper)
 * days, found by binary search. Open items count by their known part. */
void                    weft_timeline_index_query          (WeftTimelineIndex  *self,
                                                            guint               lane,
                                                            double              lower,
                                                            double              upper,
                                                            GArray             *items);
/* How many items of a lane (or of every lane when @lane is G_MAXUINT)
 * start in [@lower, @upper); binary searches only. */
guint                   weft_timeline_index_count_starts   (WeftTimelineIndex  *self,
                                                            guint               lane,
                                                            double              lower,
                                                            double              upper);

/* The events that can be drawn, in the order they start on the axis (an
 * open start by its known end), for stepping from one to the next. */
WeftEvent             **weft_timeline_index_get_ordered_events (WeftTimelineIndex *self,
                                                                guint             *n_events);

/* The statuses of the event's claims (WeftClaimStatus, one byte each),
 * with this bit set for a claim that cites no source. */
#define WEFT_TIMELINE_CLAIM_UNSOURCED 0x80
const guint8           *weft_timeline_index_get_claim_statuses (WeftTimelineIndex *self,
                                                                const WeftEvent   *event,
                                                                guint             *n_claims);

/* Whether any event's claim cites no source (the legend then says how
 * such a claim is drawn). */
gboolean                weft_timeline_index_has_unsourced (WeftTimelineIndex *self);

/* The event's title width, measured on first use and cached (until the
 * measure function or its data change). */
double                  weft_timeline_index_get_label_width (WeftTimelineIndex       *self,
                                                             const WeftEvent         *event,
                                                             WeftTimelineMeasureFunc  measure,
                                                             gpointer                 measure_data);
/* The event's title is measured again on next use (it changed). */
void                    weft_timeline_index_forget_label_width (WeftTimelineIndex *self,
                                                                const WeftEvent   *event);
/* How many titles have been measured so far (for tests of the cache). */
guint                   weft_timeline_index_get_n_measured (WeftTimelineIndex  *self);

/* Eras stack in rows where they overlap: the row of each era (in dataset
 * order) and how many rows there are. */
guint                   weft_timeline_index_get_era_row    (WeftTimelineIndex  *self,
                                                            guint               era);
guint                   weft_timeline_index_get_n_era_rows (WeftTimelineIndex  *self);

/* The distinct event groups, in order of first event (their colours). */
guint                   weft_timeline_index_get_n_groups   (WeftTimelineIndex  *self);

/* Binary search: the first position in a bucket whose lower is >= @day. */
guint                   weft_timeline_bucket_lower_bound   (const WeftTimelineBucket *bucket,
                                                            guint                     from,
                                                            double                    day);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WeftTimelineIndex, weft_timeline_index_free)

G_END_DECLS
