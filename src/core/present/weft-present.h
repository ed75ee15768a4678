/* weft-present.h: a dataset told event by event, for a classroom
 *
 * What the window's presentation (F5) and `weft slides` share: the order
 * of the slides and the date of an event in plain words. The card a slide
 * shows is weft-present-card.h; a page of slides, weft-present-slides.h.
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include "weft-dataset.h"

G_BEGIN_DECLS

/* The events in the order they are presented: by the first day they start
 * ("2020?/2022?" on 1 January 2020); an event with an open or unknown
 * start ("../2021-01-20") by the first day of its known end, so that it
 * sits among the dated ones and not before them all; ties by title
 * (ignoring case), then by id. Events with no known day at all ("../..")
 * come last, by title. A new array of borrowed WeftEvent * (unref it). */
GPtrArray *weft_present_dup_events  (WeftDataset    *dataset);

/* Orders two events as weft_present_dup_events() does (< 0, 0, > 0). */
int        weft_present_compare     (const WeftEvent *a,
                                     const WeftEvent *b);

/* One step of a story as presented: the event its card shows (a step
 * of a view shows the view's first event, see below), the view whose
 * state the panes take (or NULL), the step's note (or NULL). */
typedef struct {
  const WeftEvent *event;
  const WeftView  *view;
  const char      *note;
} WeftPresentStep;

/* The slides of @story, in its order: an event step shows the event; a
 * view step the view, with the first event (in presentation order) its
 * focus takes part in within its span (else its window), else the first
 * within them, else the focus's first, else the first of all. A step
 * naming nothing that exists is left out. A new array of
 * WeftPresentStep (unref it). */
GArray    *weft_present_dup_story_steps (WeftDataset     *dataset,
                                         const WeftStory *story);

/* The date as a person says it, without the vocabulary of EDTF: "15
 * January 2020", "sometime in 2021", "around 2000", "sometime in 2021,
 * uncertain", "from 2017 to 2021", "sometime between 2020 and 2022" (an
 * interval with an uncertain end), "until 20 January 2021" (an open
 * start), "from 2019" (an open end). Translated, with the language's
 * month names (weft_month_name()). Newly allocated (g_free()). */
char      *weft_present_date_words  (const WeftDate *date);

G_END_DECLS
