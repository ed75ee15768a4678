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
/* What the view last told accessibility tools about its selection. */
const char  *weft_timeline_view_get_accessible_text (WeftTimelineView *self);

/* The current layout (for tests and for hit testing by the window), or
 * NULL without a dataset. */
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

/* Writes what is shown (span, lanes, collapsed lanes) as a picture. */
gboolean     weft_timeline_view_export          (WeftTimelineView  *self,
                                                 GFile             *file,
                                                 WeftTimelineFormat format,
                                                 GError           **error);
/* The page that export draws, laid out now, for printing. */
WeftTimelinePage *weft_timeline_view_new_page   (WeftTimelineView  *self,
                                                 GError           **error);

G_END_DECLS
