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

/* The date as a person says it, without the vocabulary of EDTF: "15
 * January 2020", "sometime in 2021", "around 2000", "sometime in 2021,
 * uncertain", "from 2017 to 2021", "sometime between 2020 and 2022" (an
 * interval with an uncertain end), "until 20 January 2021" (an open
 * start), "from 2019" (an open end). Translated, with the language's
 * month names (weft_month_name()). Newly allocated (g_free()). */
char      *weft_present_date_words  (const WeftDate *date);

G_END_DECLS
