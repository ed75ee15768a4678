/* weft-present-slides.c: the presentation as pages, one an event
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <math.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "weft-error.h"
#include "weft-present.h"
#include "weft-present-card.h"
#include "weft-present-slides.h"
#include "weft-timeline-export.h"

/* The timeline's text is this much larger on a 1920 x 1080 page than in
 * the window: 13 px titles become 22 px, readable across a classroom. */
#define TIMELINE_SCALE 1.75
/* The card's share of the page's width. */
#define CARD_WIDTH 0.36

struct _WeftPresentSlides
{
  WeftDataset      *dataset;
  GPtrArray        *events;     /* WeftEvent *, in order */
  WeftTimelinePane *pane;
  double            width;
  double            height;
  double            scale;
  double            timeline_scale;
  gboolean          dark;
  WeftTimelineRect  card;
};

WeftPresentSlides *
weft_present_slides_new (WeftDataset *dataset,
                         double       width,
                         double       height,
                         gboolean     dark)
{
  WeftPresentSlides *self;
  double margin;

  g_return_val_if_fail (WEFT_IS_DATASET (dataset) && weft_dataset_is_finished (dataset), NULL);

  self = g_new0 (WeftPresentSlides, 1);
  self->dataset = g_object_ref (dataset);
  self->events = weft_present_dup_events (dataset);
  self->width = width > 0 ? width : 1920;
  self->height = height > 0 ? height : 1080;
  self->dark = dark;
  self->scale = MIN (self->width / 1920, self->height / 1080);
  self->timeline_scale = MAX (TIMELINE_SCALE * self->scale, 1);

  /* The pane fills the page at the timeline's scale; the card stands on
   * the right, over the lanes, above the overview strip. */
  self->pane = weft_timeline_pane_new (dataset, weft_timeline_default_lanes (dataset), 1);
  weft_timeline_pane_set_size (self->pane, self->width / self->timeline_scale, self->height / self->timeline_scale);
  margin = 32 * self->scale;
  self->card.width = round (self->width * CARD_WIDTH);
  self->card.x = self->width - margin - self->card.width;
  self->card.y = margin;
  self->card.height = self->height - 2 * margin - WEFT_TIMELINE_OVERVIEW_HEIGHT * self->timeline_scale;
  return self;
}

void
weft_present_slides_free (WeftPresentSlides *self)
{
  if (self == NULL)
    return;
  weft_timeline_pane_free (self->pane);
  g_ptr_array_unref (self->events);
  g_object_unref (self->dataset);
  g_free (self);
}

guint
weft_present_slides_get_n_slides (WeftPresentSlides *self)
{
  return self->events->len;
}

WeftEvent *
weft_present_slides_get_event (WeftPresentSlides *self,
                               guint              slide)
{
  g_return_val_if_fail (slide < self->events->len, NULL);
  return g_ptr_array_index (self->events, slide);
}

void
weft_present_slides_get_card (WeftPresentSlides *self,
                              WeftTimelineRect  *card)
{
  *card = self->card;
}

double
weft_present_slides_get_scale (WeftPresentSlides *self)
{
  return self->scale;
}

double
weft_present_slides_get_timeline_scale (WeftPresentSlides *self)
{
  return self->timeline_scale;
}

WeftTimelinePane *
weft_present_slides_get_pane (WeftPresentSlides *self)
{
  return self->pane;
}

/* The days around slide @slide's event: it and the events of the slides
 * before and after it (what the class just saw and sees next), all left
 * of the card; at least three times the event's length. */
static void
frame_slide (WeftPresentSlides *self,
             guint              slide,
             double             free_width)
{
  double lower, upper, mid, half;

  if (!weft_timeline_pane_get_event_days (self->pane, g_ptr_array_index (self->events, slide), &lower, &upper))
    return;
  mid = (lower + upper) / 2;
  half = 0.8 * (upper - lower);
  for (int d = -1; d <= 1; d += 2)
    {
      double a, b;

      if ((d < 0 && slide == 0) || slide + d >= self->events->len ||
          !weft_timeline_pane_get_event_days (self->pane, g_ptr_array_index (self->events, slide + d), &a, &b))
        continue;
      half = MAX (half, MAX (fabs (a - mid), fabs (b - mid)) * 1.1);
    }
  /* Neighbours years away would shrink the event to a dot. */
  half = CLAMP (half, 45, MAX (2.5 * (upper - lower), 2 * 365.25));
  /* The event in the middle of the free part, that part 2 * half wide. */
  {
    double width = self->width / self->timeline_scale;
    double span = 2 * half * width / MAX (free_width, 1);
    double start = mid - span * (free_width / 2) / width;

    weft_timeline_pane_set_span (self->pane, start, start + span);
  }
}

typedef struct {
  WeftPresentSlides             *self;
  cairo_t                       *cr;
  WeftTimelineRenderState        plain;     /* the state, drawing its text itself */
  double                         card_top;  /* the card as drawn, in pane pixels */
  double                         card_bottom;
  double                         card_left;
} Beside;

/* The timeline's text, but for what the card hides: text under it is
 * left out, and text running under its edge is cut there, so that the
 * PDF holds only words one sees (copied from a handout or read aloud, no
 * hidden axis labels come with the card's). */
static void
text_beside_card (const WeftTimelineTextRun *run,
                  gpointer                   data)
{
  Beside *b = data;
  WeftTimelineRenderer *renderer = weft_timeline_pane_get_renderer (b->self->pane);
  double width = run->max_width > 0 ? run->max_width : weft_timeline_renderer_measure (run->role, run->text, renderer);
  double height = weft_timeline_renderer_get_baseline (renderer, run->role) * 1.3;
  WeftTimelineTextRun cut = *run;

  /* (Under it: its middle is.) */
  if (run->y + height / 2 > b->card_top && run->y + height / 2 < b->card_bottom && run->x + width > b->card_left)
    {
      if (run->x >= b->card_left - 24)
        return;
      cut.max_width = b->card_left - run->x;
    }
  weft_timeline_renderer_draw_text (renderer, b->cr, &b->plain, &cut);
}

gboolean
weft_present_slides_draw (WeftPresentSlides *self,
                          guint              slide,
                          cairo_t           *cr)
{
  WeftEvent *event = weft_present_slides_get_event (self, slide);
  double ts = self->timeline_scale;
  WeftTimelineRect avoid = { self->card.x / ts, self->card.y / ts, self->card.width / ts, self->card.height / ts };
  WeftTimelineRenderState state;
  g_autoptr(WeftPresentCard) card = NULL;
  Beside beside;
  gboolean clear;

  g_return_val_if_fail (event != NULL, FALSE);

  frame_slide (self, slide, avoid.x);
  clear = weft_timeline_pane_reveal_event (self->pane, event, G_MAXUINT, &avoid, WEFT_TIMELINE_REVEAL_MOVE);
  card = weft_present_card_new (self->dataset, event, slide, self->events->len,
                                self->card.width, self->card.height, self->scale);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, self->width, self->height);
  cairo_clip (cr);
  cairo_save (cr);
  cairo_scale (cr, ts, ts);
  weft_timeline_render_state_init (&state, weft_timeline_palette_get (self->dark));
  state.selected = event;
  beside = (Beside) { self, cr, state, avoid.y, avoid.y + weft_present_card_get_content_height (card) / ts, avoid.x };
  state.text_func = text_beside_card;
  state.text_data = &beside;
  weft_timeline_pane_draw (self->pane, cr, &state);
  cairo_restore (cr);

  cairo_translate (cr, self->card.x, self->card.y);
  weft_present_card_draw (card, cr, self->dark);

  cairo_restore (cr);
  return clear;
}

GBytes *
weft_present_slides_to_pdf (WeftPresentSlides  *self,
                            GError            **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  const char *title = weft_dataset_get_title (self->dataset);
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  /* 96 pixels to the inch, as the timeline's exports. */
  surface = cairo_pdf_surface_create_for_stream (weft_timeline_write_to_array, bytes,
                                                 self->width * 0.75, self->height * 0.75);
  if (title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Weft " PACKAGE_VERSION);
  cr = cairo_create (surface);
  cairo_scale (cr, 0.75, 0.75);
  for (guint i = 0; i < self->events->len && cairo_status (cr) == CAIRO_STATUS_SUCCESS; i++)
    {
      weft_present_slides_draw (self, i, cr);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_FAILED, _("Could not draw the slides: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

gboolean
weft_present_slides_write_pdf (WeftPresentSlides  *self,
                               GFile              *file,
                               GError            **error)
{
  g_autoptr(GBytes) bytes = weft_present_slides_to_pdf (self, error);

  return bytes != NULL && weft_timeline_export_write (file, bytes, error);
}
