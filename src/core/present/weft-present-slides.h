/* weft-present-slides.h: the presentation as pages, one an event
 *
 * A page is the timeline pane around the slide's event, its names scaled
 * up for a room, with the event scrolled clear of the card, and the card
 * (weft-present-card.h) in the same place on every page, on the right.
 * `weft slides` writes them to a PDF; the timeline pane is the window's
 * (weft-timeline-pane.h), drawn by the timeline's painter.
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "weft-dataset.h"
#include "weft-timeline-pane.h"

G_BEGIN_DECLS

typedef struct _WeftPresentSlides WeftPresentSlides;

/* The slides of @dataset (weft_present_dup_events() order) on pages of
 * @width x @height pixels (0: 1920 x 1080), in light or @dark colours. */
WeftPresentSlides *weft_present_slides_new          (WeftDataset        *dataset,
                                                     double              width,
                                                     double              height,
                                                     gboolean            dark);
void               weft_present_slides_free         (WeftPresentSlides  *self);

guint              weft_present_slides_get_n_slides (WeftPresentSlides  *self);
WeftEvent         *weft_present_slides_get_event    (WeftPresentSlides  *self,
                                                     guint               slide);
/* Where the card is on every page, in page pixels. */
void               weft_present_slides_get_card     (WeftPresentSlides  *self,
                                                     WeftTimelineRect   *card);
/* How much larger than at 1920 x 1080 the card's text is (the smaller of
 * the two ratios), and how much larger than in the window the timeline's
 * is. */
double             weft_present_slides_get_scale          (WeftPresentSlides *self);
double             weft_present_slides_get_timeline_scale (WeftPresentSlides *self);
/* The timeline pane, as laid out for the last slide drawn (in its own
 * pixels: page pixels / the timeline scale). */
WeftTimelinePane  *weft_present_slides_get_pane     (WeftPresentSlides  *self);

/* Draws page @slide at @cr's origin: the timeline moved to its event
 * (clear of the card), then the card. Returns whether the event shows on
 * its own, clear of the card. */
gboolean           weft_present_slides_draw         (WeftPresentSlides  *self,
                                                     guint               slide,
                                                     cairo_t            *cr);

/* Every page, in order, as a PDF at 96 pixels an inch, text as text. */
GBytes            *weft_present_slides_to_pdf       (WeftPresentSlides  *self,
                                                     GError            **error);
/* The same, written over @file (the old one stays whole on failure). */
gboolean           weft_present_slides_write_pdf    (WeftPresentSlides  *self,
                                                     GFile              *file,
                                                     GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WeftPresentSlides, weft_present_slides_free)

G_END_DECLS
