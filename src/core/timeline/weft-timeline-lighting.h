/* weft-timeline-lighting.h: what a selection and a search light up on the
 * timeline, for the window and the exports alike
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include "weft-query.h"
#include "weft-timeline-index.h"
#include "weft-timeline-render.h"

G_BEGIN_DECLS

/* Events and lanes lit; the rest of the events dims. */
typedef struct {
  guint8 *events;    /* by event index, non-zero: lit; NULL: nothing lit, nothing dims */
  guint   n_events;
  guint   n_lit;     /* how many events are lit */
  guint8 *lanes;     /* by lane (index order), non-zero: its title tinted; or NULL */
  guint   n_lanes;
} WeftTimelineLit;

/* The lane of the entity @id: its own (lanes by entity) or its kind's; -1
 * when lanes are groups or there is no such entity. */
int  weft_timeline_index_find_entity_lane (WeftTimelineIndex        *index,
                                           const char               *id);

/* What @item lights (emptied first): an entity its events and its lane; a
 * claim the events it stands behind and the lanes of its claimant and of
 * what it is about. Anything else (an event is ringed, not lit) or NULL
 * lights nothing. */
void weft_timeline_lit_set_selection      (WeftTimelineLit          *lit,
                                           WeftTimelineIndex        *index,
                                           const WeftItem           *item);
/* What a search reaches (its events; weft_search_results_dup_events()),
 * or nothing without @results. */
void weft_timeline_lit_set_search         (WeftTimelineLit          *lit,
                                           WeftTimelineIndex        *index,
                                           const WeftSearchResults  *results);
void weft_timeline_lit_clear              (WeftTimelineLit          *lit);

/* Into @state (borrowing the arrays): @selection's events when it lights
 * any, else @search's; @selection's lanes. */
void weft_timeline_lit_apply              (const WeftTimelineLit    *selection,
                                           const WeftTimelineLit    *search,
                                           WeftTimelineRenderState  *state);

G_END_DECLS
