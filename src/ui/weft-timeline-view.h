/* weft-timeline-view.h: the zoomable timeline of a session's dataset
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <gtk/gtk.h>

#include "weft-session.h"
#include "weft-timeline-export.h"
#include "weft-timeline-layout.h"

G_BEGIN_DECLS

#define WEFT_TYPE_TIMELINE_VIEW (weft_timeline_view_get_type ())
G_DECLARE_FINAL_TYPE (WeftTimelineView, weft_timeline_view, WEFT, TIMELINE_VIEW, GtkWidget)

GtkWidget   *weft_timeline_view_new             (WeftSession       *session);

/* "session": what it shows and where selection and the time window go. */
WeftSession *weft_timeline_view_get_session     (WeftTimelineView  *self);
void         weft_timeline_view_set_session     (WeftTimelineView  *self,
                                                 WeftSession       *session);

/* "lanes": "entity", "kind" or "group" (the timeline.lanes action's state). */
const char  *weft_timeline_view_get_lanes       (WeftTimelineView  *self);
void         weft_timeline_view_set_lanes       (WeftTimelineView  *self,
                                                 const char        *lanes);

/* The visible span, in days (see weft-timeline-scale.h). */
void         weft_timeline_view_get_span        (WeftTimelineView  *self,
                                                 double            *lower,
                                                 double            *upper);
void         weft_timeline_view_set_span        (WeftTimelineView  *self,
                                                 double             lower,
                                                 double             upper);

/* The event drawn as selected (the session's selection when it is an
 * event), or NULL. */
WeftEvent   *weft_timeline_view_get_selected_event (WeftTimelineView *self);
/* How many events are lit up for the selected entity or claim. */
guint        weft_timeline_view_get_n_highlighted  (WeftTimelineView *self);
/* How many events the session's search reaches (lit while no entity or
 * claim is selected; timeline.find-next and find-previous step through
 * them, Ctrl+G and Shift+Ctrl+G, F3 and Shift+F3). */
guint        weft_timeline_view_get_n_matches      (WeftTimelineView *self);
/* Whether the lane with @key ("entity:ID", "kind:KIND") is lit: the
 * selected entity's, or the claimant's and the entities' a selected claim
 * is about. */
gboolean     weft_timeline_view_is_lane_lit        (WeftTimelineView *self,
                                                    const char       *key);
/* What the view last told accessibility tools about its selection. */
const char  *weft_timeline_view_get_accessible_text (WeftTimelineView *self);

/* Presentation: the pane drawn @scale times larger (1 to 4: names,
 * titles, axis, rows and glyphs alike), a smaller pane on the same widget.
 * The frame and the pane are in its pixels (widget pixels / scale). */
void         weft_timeline_view_set_text_scale  (WeftTimelineView  *self,
                                                 double             scale);
double       weft_timeline_view_get_text_scale  (WeftTimelineView  *self);
/* The part of the view that something covers (the presentation's card),
 * in widget pixels, or NULL: from now on every event the view brings into
 * view (timeline.center-event, next-event, find-next,
 * weft_timeline_view_reveal_event()…) is shown clear of it. Set it again
 * after changing the text scale. */
void         weft_timeline_view_set_obscured    (WeftTimelineView      *self,
                                                 const graphene_rect_t *rect);
/* Brings @event into view, in time and lanes, clear of the obscured part;
 * with @zoom, zoomed so that it fills about a third of the free width.
 * Returns whether it shows, on its own and clear. */
gboolean     weft_timeline_view_reveal_event    (WeftTimelineView  *self,
                                                 WeftEvent         *event,
                                                 gboolean           zoom);
/* Where @event is drawn on its own in view (its glyph, title and claim
 * marks), in widget pixels; FALSE when it is not. */
gboolean     weft_timeline_view_get_event_bounds (WeftTimelineView *self,
                                                  WeftEvent        *event,
                                                  graphene_rect_t  *bounds);

/* The current layout (for tests and for hit testing by the window), or
 * NULL without a dataset; in pane pixels (widget pixels / text scale). */
const WeftTimelineFrame *weft_timeline_view_get_frame (WeftTimelineView *self);
/* How far the lanes are scrolled up, in pixels. */
double       weft_timeline_view_get_scroll      (WeftTimelineView  *self);

/* What a scroll of (@dx, @dy) does (the view's scroll controller calls
 * it): the wheel scrolls the lanes, horizontal scrolling (or Shift with
 * the wheel) pans in time, Ctrl with the wheel zooms around the pointer.
 * @smooth: pixels (touchpads), else wheel steps. FALSE when nothing
 * moved. */
gboolean     weft_timeline_view_scroll          (WeftTimelineView  *self,
                                                 double             dx,
                                                 double             dy,
                                                 GdkModifierType    modifiers,
                                                 gboolean           smooth);

/* The time window's date fields (0 from, 1 to) and its button (2) in the
 * popover timeline.edit-range opens (Shift+W), or NULL before it first
 * opens. */
GtkWidget   *weft_timeline_view_get_range_field (WeftTimelineView  *self,
                                                 guint              field);
/* Writes what is shown (span, lanes, collapsed lanes) as a picture. */
gboolean     weft_timeline_view_export          (WeftTimelineView  *self,
                                                 GFile             *file,
                                                 WeftTimelineFormat format,
                                                 GError           **error);
/* The page that export draws, laid out now, for printing. */
WeftTimelinePage *weft_timeline_view_new_page   (WeftTimelineView  *self,
                                                 GError           **error);

G_END_DECLS
