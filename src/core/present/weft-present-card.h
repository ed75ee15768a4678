/* weft-present-card.h: the card a slide shows, drawn with cairo and pango
 *
 * No GTK: `weft slides` draws it on PDF pages, and the window may draw it
 * too (or lay out its own from weft_present_date_words()). The card is
 * opaque, as wide as it is given and as tall as its text, within the
 * height it is given; its text starts at the top:
 * the step ("3 of 16"), the date in plain words, the title, the
 * description, then the claims behind the event, each with its status
 * word, its first quote and that quote's source. What does not fit is
 * left out from the end, and a last line says how many claims were.
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <cairo.h>

#include "weft-dataset.h"

G_BEGIN_DECLS

/* The card's kinds of text, each in its own font. */
typedef enum {
  WEFT_PRESENT_TEXT_STEP,      /* "3 of 16" */
  WEFT_PRESENT_TEXT_DATE,      /* "sometime between 2020 and 2022" */
  WEFT_PRESENT_TEXT_TITLE,
  WEFT_PRESENT_TEXT_BODY,      /* the description */
  WEFT_PRESENT_TEXT_CLAIM,     /* status word and claim */
  WEFT_PRESENT_TEXT_QUOTE,
  WEFT_PRESENT_TEXT_SOURCE,    /* the quote's source; "and 2 more claims" */
  WEFT_PRESENT_N_TEXTS
} WeftPresentText;

/* The size of each kind of text in pixels at a scale of 1, which suits a
 * 1920x1080 screen read from the back of a room: the title 36, the body
 * 24, nothing under 20. */
double           weft_present_text_size       (WeftPresentText   role);

typedef struct _WeftPresentCard WeftPresentCard;

/* The card of @event, slide @step (from 0) of @n_steps, laid out for
 * @width x @height pixels with every text @scale times its size. */
WeftPresentCard *weft_present_card_new        (WeftDataset      *dataset,
                                               const WeftEvent  *event,
                                               guint             step,
                                               guint             n_steps,
                                               double            width,
                                               double            height,
                                               double            scale);
void             weft_present_card_free       (WeftPresentCard  *self);

/* How tall its text is (at most the card's height). */
double           weft_present_card_get_content_height (WeftPresentCard *self);
/* The size in pixels its text of @role is drawn at. */
double           weft_present_card_get_text_size      (WeftPresentCard *self,
                                                       WeftPresentText  role);
/* What it says, a line a block, top to bottom (for tests and for
 * accessibility tools). Newly allocated (g_free()). */
char            *weft_present_card_dup_text           (WeftPresentCard *self);

/* Draws the card with its top left corner at @cr's origin: an opaque
 * rounded rectangle as tall as its text, with a border and a shadow,
 * then the text, in the
 * timeline's light or dark colours. Text stays text on PDF surfaces. */
void             weft_present_card_draw       (WeftPresentCard  *self,
                                               cairo_t          *cr,
                                               gboolean          dark);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WeftPresentCard, weft_present_card_free)

G_END_DECLS
