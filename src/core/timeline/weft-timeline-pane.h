/* weft-timeline-pane.h: the timeline pane at a size, laid out and drawn
 *
 * What the window's timeline view shows and `weft timeline --view WxH`
 * draws: the axis and eras, the lanes (each as many rows as its events
 * need, scrolling when they need more than the pane), and the overview
 * strip under them. The view keeps one
 * and forwards its size, zoom, panning and scrolling to it; the command
 * line makes one of the size asked for. Both lay out and draw through
 * it, so they show the same frame.
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <cairo.h>

#include "weft-dataset-change.h"
#include "weft-timeline-layout.h"
#include "weft-timeline-render.h"

G_BEGIN_DECLS

/* The strip under the lanes: the whole span, its density, the window. */
#define WEFT_TIMELINE_OVERVIEW_HEIGHT 36.0

/* Everything a dataset's timeline shows when it opens: its events (an
 * open end by its known day) and eras, with a little room on both sides;
 * this year when it has none. */
void weft_timeline_fit_span (WeftTimelineIndex *index,
                             double            *lower,
                             double            *upper);

typedef struct _WeftTimelinePane WeftTimelinePane;

/* A pane over @dataset's lanes. Its fonts are the exports' (96 dpi,
 * unhinted metrics), enlarged by @font_scale (the screen's text scaling);
 * it shows everything once it has a size. */
WeftTimelinePane        *weft_timeline_pane_new          (WeftDataset          *dataset,
                                                          WeftTimelineLanes     lanes,
                                                          double                font_scale);
void                     weft_timeline_pane_free         (WeftTimelinePane     *self);

/* Lanes by @lanes from now on: none folded, scrolled to the top, the
 * span kept. The frame stays the same object. */
void                     weft_timeline_pane_set_lanes    (WeftTimelinePane     *self,
                                                          WeftTimelineLanes     lanes);
/* After an edit of the dataset (its "changed"): the lanes indexed again,
 * the span (or everything, if it showed everything), scrolling and folded
 * lanes kept, and only the lanes @change touched measured again: those
 * whose events or their days changed, or holding an event that changed. */
void                     weft_timeline_pane_update       (WeftTimelinePane        *self,
                                                          const WeftDatasetChange *change);
/* How many lanes the last weft_timeline_pane_update() measured again. */
guint                    weft_timeline_pane_get_n_touched (WeftTimelinePane      *self);
WeftTimelineIndex       *weft_timeline_pane_get_index    (WeftTimelinePane     *self);
WeftTimelineRenderer    *weft_timeline_pane_get_renderer (WeftTimelinePane     *self);
/* The frame for the current size, span, scrolling and folded lanes (laid
 * out now if any of them changed). */
const WeftTimelineFrame *weft_timeline_pane_get_frame    (WeftTimelinePane     *self);

/* The whole pane, overview strip included. The lanes' rows are counted
 * anew (see weft-timeline-pane.c). Showing everything, the pane goes on
 * showing everything; otherwise it keeps its zoom and first day. */
void                     weft_timeline_pane_set_size     (WeftTimelinePane     *self,
                                                          double                width,
                                                          double                height);
/* Where the lanes end and the overview strip starts. */
double                   weft_timeline_pane_get_lanes_bottom (WeftTimelinePane *self);
/* What each lane (index order) is given. */
const WeftTimelineLaneShare *weft_timeline_pane_get_shares (WeftTimelinePane   *self);

/* The span: everything (weft_timeline_fit_span()), or what the user
 * zoomed to; kept within four times everything and near the data. */
void                     weft_timeline_pane_get_fit      (WeftTimelinePane     *self,
                                                          double               *lower,
                                                          double               *upper);
const WeftTimelineScale *weft_timeline_pane_get_scale    (WeftTimelinePane     *self);
void                     weft_timeline_pane_set_scale    (WeftTimelinePane     *self,
                                                          const WeftTimelineScale *scale);
void                     weft_timeline_pane_set_span     (WeftTimelinePane     *self,
                                                          double                lower,
                                                          double                upper);
/* Everything, scrolled to the top. */
void                     weft_timeline_pane_fit          (WeftTimelinePane     *self);
/* Zooms by @factor (> 1 in) keeping the day under @x in place. */
void                     weft_timeline_pane_zoom         (WeftTimelinePane     *self,
                                                          double                x,
                                                          double                factor);
/* Moves by @dx pixels (positive: later days). */
void                     weft_timeline_pane_pan          (WeftTimelinePane     *self,
                                                          double                dx);

/* How far the lanes are scrolled up, within what they need. */
double                   weft_timeline_pane_get_scroll   (WeftTimelinePane     *self);
void                     weft_timeline_pane_set_scroll   (WeftTimelinePane     *self,
                                                          double                scroll);

/* The days an event's glyph covers (its known part and a little more
 * where an end is open); FALSE when it is not drawn. */
gboolean                 weft_timeline_pane_get_event_days (WeftTimelinePane   *self,
                                                            const WeftEvent    *event,
                                                            double             *lower,
                                                            double             *upper);

/* A rectangle of the pane, in its pixels. */
typedef struct {
  double x;
  double y;
  double width;
  double height;
} WeftTimelineRect;

/* How weft_timeline_pane_reveal_event() may move. */
typedef enum {
  WEFT_TIMELINE_REVEAL_MOVE,    /* in time and lanes, the zoom kept unless the event does not fit */
  WEFT_TIMELINE_REVEAL_ZOOM,    /* the same, zoomed so that the event fills about a third */
  WEFT_TIMELINE_REVEAL_SCROLL,  /* the lanes only: the span is kept */
} WeftTimelineReveal;

/* Brings @event into view: its mark in lane @lane (index order;
 * G_MAXUINT: the first of its lanes that is not folded) drawn on its own
 * (zooming in if a cluster holds it), whole where it fits, inside the
 * lanes and clear of @avoid (a card over the pane, or NULL), in the
 * largest part of the lanes beside @avoid. Moving in time, the event's
 * days are centred in that part, then shifted as little as the title
 * needs. Returns whether its mark ended up so. */
gboolean                 weft_timeline_pane_reveal_event (WeftTimelinePane       *self,
                                                          const WeftEvent        *event,
                                                          guint                   lane,
                                                          const WeftTimelineRect *avoid,
                                                          WeftTimelineReveal      how);
/* Scrolls the lanes so that lane @lane (index order) shows from its
 * title, unless it already shows; FALSE when there is no such lane. */
gboolean                 weft_timeline_pane_reveal_lane  (WeftTimelinePane       *self,
                                                          guint                   lane);
/* The mark of @event drawn on its own in lane @lane (G_MAXUINT: any)
 * that lies within the lanes as scrolled, or NULL; *@y (nullable)
 * receives the top of its row in pane pixels. */
const WeftTimelineMark  *weft_timeline_pane_find_visible_event (WeftTimelinePane *self,
                                                                const WeftEvent  *event,
                                                                guint             lane,
                                                                double           *y);

/* Folds or unfolds the lane with @key; FALSE when there is none. A folded
 * lane shows only its title and clusters. */
gboolean                 weft_timeline_pane_toggle_lane  (WeftTimelinePane     *self,
                                                          const char           *key);
/* Keys of the folded lanes (char *). */
GHashTable              *weft_timeline_pane_get_collapsed (WeftTimelinePane    *self);

/* The overview strip: x of a day, day of an x. */
double                   weft_timeline_pane_overview_x   (WeftTimelinePane     *self,
                                                          double                day);
double                   weft_timeline_pane_overview_day (WeftTimelinePane     *self,
                                                          double                x);

/* Draws the pane at @cr's origin: the frame (with @state's palette,
 * selection, highlights, time window and text function; its scrolling
 * and height are the pane's), then the overview strip. */
void                     weft_timeline_pane_draw         (WeftTimelinePane              *self,
                                                          cairo_t                       *cr,
                                                          const WeftTimelineRenderState *state);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WeftTimelinePane, weft_timeline_pane_free)

G_END_DECLS
