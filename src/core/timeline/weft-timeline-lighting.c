/* weft-timeline-lighting.c: what a selection and a search light up on the
 * timeline
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include "weft-timeline-lighting.h"

int
weft_timeline_index_find_entity_lane (WeftTimelineIndex *index,
                                      const char        *id)
{
  WeftDataset *dataset = weft_timeline_index_get_dataset (index);
  WeftEntity *entity = id != NULL ? weft_dataset_lookup_entity (dataset, id) : NULL;
  g_autofree char *key = NULL;

  if (entity == NULL)
    return -1;
  switch (weft_timeline_index_get_lanes_mode (index))
    {
    case WEFT_TIMELINE_LANES_ENTITY:
      key = g_strconcat ("entity:", entity->item.id, NULL);
      break;
    case WEFT_TIMELINE_LANES_KIND:
      key = g_strconcat ("kind:", weft_entity_kind_to_string (entity->kind), NULL);
      break;
    default:
      return -1;
    }
  return weft_timeline_index_find_lane (index, key);
}

void
weft_timeline_lit_clear (WeftTimelineLit *lit)
{
  g_clear_pointer (&lit->events, g_free);
  g_clear_pointer (&lit->lanes, g_free);
  lit->n_events = lit->n_lit = lit->n_lanes = 0;
}

static void
light_events (WeftTimelineLit   *lit,
              WeftTimelineIndex *index,
              WeftEvent * const *events,
              guint              n)
{
  lit->n_events = weft_dataset_get_events (weft_timeline_index_get_dataset (index))->len;
  lit->events = g_new0 (guint8, MAX (lit->n_events, 1));
  for (guint i = 0; i < n; i++)
    if (events[i]->item.index < lit->n_events && !lit->events[events[i]->item.index])
      {
        lit->events[events[i]->item.index] = 1;
        lit->n_lit++;
      }
}

static void
light_lane (WeftTimelineLit   *lit,
            WeftTimelineIndex *index,
            const char        *id)
{
  int lane = weft_timeline_index_find_entity_lane (index, id);

  if (lane < 0)
    return;
  if (lit->lanes == NULL)
    {
      lit->n_lanes = weft_timeline_index_get_n_lanes (index);
      lit->lanes = g_new0 (guint8, MAX (lit->n_lanes, 1));
    }
  if ((guint) lane < lit->n_lanes)
    lit->lanes[lane] = 1;
}

void
weft_timeline_lit_set_selection (WeftTimelineLit   *lit,
                                 WeftTimelineIndex *index,
                                 const WeftItem    *item)
{
  WeftDataset *dataset = weft_timeline_index_get_dataset (index);
  WeftEvent **events;
  guint n;

  weft_timeline_lit_clear (lit);
  if (item == NULL)
    return;
  if (item->type == WEFT_ITEM_ENTITY)
    {
      events = weft_dataset_get_entity_events (dataset, (WeftEntity *) item, &n);
      light_events (lit, index, events, n);
      light_lane (lit, index, item->id);
    }
  else if (item->type == WEFT_ITEM_CLAIM)
    {
      const WeftClaim *claim = (const WeftClaim *) item;

      events = weft_dataset_get_claim_events (dataset, (WeftClaim *) claim, &n);
      light_events (lit, index, events, n);
      light_lane (lit, index, claim->claimant);
      for (guint i = 0; claim->about != NULL && claim->about[i] != NULL; i++)
        light_lane (lit, index, claim->about[i]);
    }
}

void
weft_timeline_lit_set_search (WeftTimelineLit         *lit,
                              WeftTimelineIndex       *index,
                              const WeftSearchResults *results)
{
  g_autoptr(GPtrArray) events = NULL;

  weft_timeline_lit_clear (lit);
  if (results == NULL)
    return;
  events = weft_search_results_dup_events (results, weft_timeline_index_get_dataset (index));
  light_events (lit, index, (WeftEvent * const *) events->pdata, events->len);
}

void
weft_timeline_lit_apply (const WeftTimelineLit   *selection,
                         const WeftTimelineLit   *search,
                         WeftTimelineRenderState *state)
{
  const WeftTimelineLit *events = selection->events != NULL ? selection : search;

  state->highlight = events->events;
  state->n_highlight = events->n_events;
  state->lit_lanes = selection->lanes;
  state->n_lit_lanes = selection->n_lanes;
}
