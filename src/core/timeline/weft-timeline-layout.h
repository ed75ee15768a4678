/* weft-timeline-layout.h: what the timeline shows at one zoom, and where
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include "weft-timeline-index.h"
#include "weft-timeline-scale.h"

G_BEGIN_DECLS

/* Sizes in pixels, shared by layout and drawing. */
typedef struct {
  double axis_height;         /* the two rows of tick labels */
  double era_row_height;
  double lane_header_height;  /* a lane's title */
  double row_height;          /* one row of labelled events */
  double cluster_row_height;  /* the row of cluster marks under them */
  double lane_gap;            /* between lanes */
  double point_radius;
  double bar_height;
  double label_gap;           /* between neighbours in a row */
  double min_label_width;     /* a title is cut no shorter than this for a neighbour */
  double cluster_width;       /* one column of clustering */
  double fade_length;         /* how far an open end fades out */
  double claim_size;          /* a claim marker */
  double tick_spacing;        /* between axis labels */
} WeftTimelineMetrics;

void weft_timeline_metrics_init (WeftTimelineMetrics *metrics);

/* The axis and @n_era_rows rows of eras above the lanes. */
double weft_timeline_header_height (const WeftTimelineMetrics *metrics,
                                    guint                      n_era_rows);

/* More label rows than this in one lane are not useful on any screen. */
#define WEFT_TIMELINE_MAX_ROWS 64

/* What a lane is given (weft-timeline-pane.c counts its rows). */
typedef struct {
  guint    rows;          /* label rows (at most max_rows) */
  gboolean cluster_row;   /* a row for cluster marks, kept even when none is needed */
} WeftTimelineLaneShare;

typedef struct {
  WeftTimelineMeasureFunc  measure;       /* NULL: 7 px a character */
  gpointer                 measure_data;
  WeftTimelineMetrics      metrics;
  guint                    max_rows;      /* label rows of an expanded lane */
  gboolean                 compact;       /* lanes only as tall as needed, empty ones left out (export) */
  double                   max_label_width; /* longer titles are always cut (default: no limit
                                           * but the view's width) */
  double                   view_y;        /* the part of the lanes to lay out, in lane */
  double                   view_height;   /*   coordinates; height <= 0 lays out every lane */
  GHashTable              *collapsed;     /* keys of collapsed lanes (char *), or NULL */
  const WeftTimelineLaneShare *lane_shares; /* each lane's (index order), or NULL: rows for
                                             * its events, a cluster row if it has more */
  const guint8            *only_lanes;    /* lanes that may be laid out (index order, non-zero),
                                           * or NULL: all */
} WeftTimelineLayoutOptions;

void weft_timeline_layout_options_init (WeftTimelineLayoutOptions *options);

typedef enum {
  WEFT_TIMELINE_MARK_EVENT,
  WEFT_TIMELINE_MARK_CLUSTER,
} WeftTimelineMarkKind;

#define WEFT_TIMELINE_CLUSTER_ROW G_MAXUINT

/* One thing drawn in a lane: an event with its label, or a cluster of
 * events that did not fit, with their number. */
typedef struct {
  WeftTimelineMarkKind kind;
  guint   lane;          /* in frame->lanes */
  guint   row;           /* or WEFT_TIMELINE_CLUSTER_ROW */
  guint   item;          /* events: in the index */
  double  x0, x1;        /* the glyph (a point: its centre ± radius; open ends: with the fade) */
  double  y;             /* top of its row, in lane coordinates (0: top of the first lane) */
  double  label_x;       /* the title (events) or the number (clusters) */
  double  label_width;
  double  box_x0, box_x1; /* everything it takes in its row: no other mark there overlaps it */
  double  full_label_width; /* events: the whole title (label_width is less when it is cut) */
  /* Clusters: */
  guint   count;
  double  span_lower;    /* the days on which its events start: [lower, upper) */
  double  span_upper;
  char    count_label[16];
} WeftTimelineMark;

typedef struct {
  guint   lane;          /* in the index */
  double  y;             /* in lane coordinates */
  double  height;        /* with the gap below */
  guint   rows;          /* label rows */
  gboolean cluster_row;  /* a row of cluster marks under them (kept, or needed by this frame) */
  gboolean collapsed;
  gboolean laid_out;     /* FALSE when outside the view (see view_y) */
  guint   n_marks;       /* marks of this lane: first_mark … */
  guint   first_mark;
} WeftTimelineLaneBox;

typedef struct {
  guint   era;           /* in the dataset */
  double  x0, x1;        /* the band (open ends: to the view's edge) */
  guint   row;
  double  label_x;
  double  label_width;   /* as drawn (may be cut) */
  WeftDateFlags start_flags;
  WeftDateFlags end_flags;
} WeftTimelineEraBand;

typedef struct {
  WeftTimelineIndex   *index;    /* borrowed */
  WeftTimelineScale    scale;
  WeftTimelineMetrics  metrics;
  WeftTimelineTickStep step;
  double               max_label_width;
  GArray              *ticks;    /* WeftTimelineTick */
  GArray              *eras;     /* WeftTimelineEraBand */
  guint                n_era_rows;
  GArray              *lanes;    /* WeftTimelineLaneBox */
  GArray              *marks;    /* WeftTimelineMark, lane by lane, each in order of x */
  double               header_height; /* the axis and the era rows, above the lanes */
  double               lanes_height;  /* all the lanes */
  guint                n_visible_items; /* events drawn or counted in clusters */
} WeftTimelineFrame;

/* Where an item's glyph is drawn: a point's centre ± its radius, a bar at
 * least 3 pixels wide, open ends with their fade. An item is visible when
 * it overlaps the view's days; one with an open end, when its glyph does. */
void weft_timeline_item_glyph (const WeftTimelineScale   *scale,
                               const WeftTimelineMetrics *metrics,
                               const WeftTimelineItem    *item,
                               double                    *x0,
                               double                    *x1);

WeftTimelineFrame *weft_timeline_frame_new  (void);
void               weft_timeline_frame_free (WeftTimelineFrame *frame);

/* Lays out what @scale shows of @index: ticks, eras, lanes, then in each
 * lane the visible events packed in rows (labels never overlap; a title is
 * whole unless a neighbour in its row needs the room), the rest in cluster
 * marks per column of metrics.cluster_width pixels. A laid-out lane that
 * needs a cluster row it was not given gets one (the lanes under it move
 * down). Reuses the frame's arrays. */
void weft_timeline_layout (WeftTimelineIndex               *index,
                           const WeftTimelineScale         *scale,
                           const WeftTimelineLayoutOptions *options,
                           WeftTimelineFrame               *frame);

/* The mark under (@x, @y) (lane coordinates), or NULL. */
const WeftTimelineMark    *weft_timeline_frame_hit      (const WeftTimelineFrame *frame,
                                                         double                   x,
                                                         double                   y);
/* The lane box at @y (lane coordinates), or NULL; *@on_header is TRUE
 * when @y is on its title. */
const WeftTimelineLaneBox *weft_timeline_frame_lane_at  (const WeftTimelineFrame *frame,
                                                         double                   y,
                                                         gboolean                *on_header);
/* The mark of an event in a lane (frame lane index; G_MAXUINT: its first
 * in any lane), or NULL when it is not drawn there on its own. */
const WeftTimelineMark    *weft_timeline_frame_find_event (const WeftTimelineFrame *frame,
                                                           const WeftEvent         *event,
                                                           guint                    lane);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WeftTimelineFrame, weft_timeline_frame_free)

G_END_DECLS
