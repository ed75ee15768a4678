/* weft-timeline-index.c: a dataset's events in lanes, sorted for the timeline
 *
 * SPDX-License-Identifier: MIT
 *
 * Each lane keeps its items in buckets by length (powers of two days),
 * each bucket sorted by first day. An item of length at most L that
 * overlaps the days [a, b) starts in (a - L, b): so what is visible comes
 * from two binary searches per bucket, never from a walk over every event,
 * however long the longest item is. Items with an open end ("../2021",
 * "2019/..") are drawn with a fade whose length is in pixels, not days;
 * they are few and kept apart.
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "weft-dataset-check.h"
#include "weft-hash.h"
#include "weft-timeline-index.h"

#define NO_GROUP G_MAXUINT
#define NO_LANE G_MAXUINT

struct _WeftTimelineIndex
{
  WeftDataset       *dataset;
  WeftTimelineLanes  mode;

  GArray            *items;          /* WeftTimelineItem */
  GPtrArray         *lanes;          /* WeftTimelineLane * */
  GHashTable        *lane_by_key;    /* key -> index + 1 */

  guint              n_events;
  guint             *event_first;    /* by event index: its first item */
  guint             *event_n_items;

  guint             *claim_offsets;  /* n_events + 1 */
  guint8            *claim_statuses;
  gboolean           has_unsourced;

  double            *starts;         /* every event's first (known) day, sorted */
  guint              n_starts;
  WeftEvent        **ordered;        /* drawable events, by first (known) day */

  float             *label_widths;   /* by event index; NAN until measured */
  guint              n_measured;
  WeftTimelineMeasureFunc measure;
  gpointer           measure_data;

  guint             *era_rows;
  guint              n_era_rows;
  guint              n_groups;

  gboolean           has_range;
  double             range_lower;
  double             range_upper;
};

const char *
weft_timeline_lanes_to_string (WeftTimelineLanes lanes)
{
  switch (lanes)
    {
    case WEFT_TIMELINE_LANES_KIND:
      return "kind";
    case WEFT_TIMELINE_LANES_GROUP:
      return "group";
    case WEFT_TIMELINE_LANES_ENTITY:
    default:
      return "entity";
    }
}

gboolean
weft_timeline_lanes_from_string (const char        *string,
                                 WeftTimelineLanes *lanes)
{
  WeftTimelineLanes value;

  if (g_strcmp0 (string, "entity") == 0)
    value = WEFT_TIMELINE_LANES_ENTITY;
  else if (g_strcmp0 (string, "kind") == 0)
    value = WEFT_TIMELINE_LANES_KIND;
  else if (g_strcmp0 (string, "group") == 0)
    value = WEFT_TIMELINE_LANES_GROUP;
  else
    return FALSE;

  if (lanes != NULL)
    *lanes = value;
  return TRUE;
}

static void
lane_free (gpointer data)
{
  WeftTimelineLane *lane = data;

  for (guint i = 0; i < lane->n_buckets; i++)
    {
      g_free (lane->buckets[i].lower);
      g_free (lane->buckets[i].items);
    }
  g_free (lane->buckets);
  g_free (lane->open);
  g_free (lane->key);
  g_free (lane->title);
  g_free (lane);
}

void
weft_timeline_index_free (WeftTimelineIndex *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->lanes, g_ptr_array_unref);
  g_clear_pointer (&self->lane_by_key, g_hash_table_unref);
  g_free (self->event_first);
  g_free (self->event_n_items);
  g_free (self->claim_offsets);
  g_free (self->claim_statuses);
  g_free (self->starts);
  g_free (self->ordered);
  g_free (self->label_widths);
  g_free (self->era_rows);
  g_clear_object (&self->dataset);
  g_free (self);
}

/* Finds or appends the lane for @key. */
static guint
lane_for_key (WeftTimelineIndex *self,
              const char        *key,
              const char        *title,
              WeftEntity        *entity)
{
  gpointer found = g_hash_table_lookup (self->lane_by_key, key);
  WeftTimelineLane *lane;

  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;

  lane = g_new0 (WeftTimelineLane, 1);
  lane->key = g_strdup (key);
  lane->title = g_strdup (title);
  lane->entity = entity;
  g_ptr_array_add (self->lanes, lane);
  g_hash_table_insert (self->lane_by_key, lane->key, GUINT_TO_POINTER (self->lanes->len));
  return self->lanes->len - 1;
}

static guint
kind_lane (WeftTimelineIndex *self,
           WeftEntityKind     kind)
{
  g_autofree char *key = g_strconcat ("kind:", weft_entity_kind_to_string (kind), NULL);

  return lane_for_key (self, key, weft_entity_kind_label (kind), NULL);
}

/* The lane of a participant: its own, or its kind's. */
static guint
participant_lane (WeftTimelineIndex *self,
                  WeftEntity        *entity)
{
  g_autofree char *key = NULL;

  if (self->mode == WEFT_TIMELINE_LANES_KIND)
    return kind_lane (self, entity->kind);
  key = g_strconcat ("entity:", entity->item.id, NULL);
  return lane_for_key (self, key, entity->name, entity);
}

/* The lanes an event belongs in, as lane indexes in @out (no duplicates);
 * none when it belongs in no lane but "none". */
static void
event_lanes (WeftTimelineIndex *self,
             WeftEvent         *event,
             GArray            *out)
{
  g_array_set_size (out, 0);

  switch (self->mode)
    {
    case WEFT_TIMELINE_LANES_ENTITY:
    case WEFT_TIMELINE_LANES_KIND:
      for (guint i = 0; i < event->n_participants; i++)
        {
          WeftEntity *entity = weft_dataset_lookup_entity (self->dataset, event->participants[i].entity);
          guint lane;
          gboolean seen = FALSE;

          if (entity == NULL)
            continue;
          lane = participant_lane (self, entity);
          for (guint j = 0; j < out->len; j++)
            seen = seen || g_array_index (out, guint, j) == lane;
          if (!seen)
            g_array_append_val (out, lane);
        }
      break;

    case WEFT_TIMELINE_LANES_GROUP:
    default:
      if (event->group != NULL && event->group[0] != '\0')
        {
          g_autofree char *key = g_strconcat ("group:", event->group, NULL);
          guint lane = lane_for_key (self, key, event->group, NULL);

          g_array_append_val (out, lane);
        }
      break;
    }
}

/* Fills @item from the event's date; FALSE when there is nothing to draw
 * (both ends open). */
static gboolean
item_from_date (WeftTimelineItem *item,
                const WeftDate   *date)
{
  item->start_flags = date->start.flags;
  item->end_flags = date->end.flags;
  item->open_start = (date->start.flags & WEFT_DATE_FLAG_OPEN) != 0;
  item->open_end = date->is_interval && (date->end.flags & WEFT_DATE_FLAG_OPEN) != 0;

  if (item->open_start && item->open_end)
    return FALSE;

  if (item->open_start)
    {
      item->lower = (double) date->end.lower;
      item->upper = (double) date->end.upper + 1;
    }
  else if (item->open_end)
    {
      item->lower = (double) date->start.lower;
      item->upper = (double) date->start.upper + 1;
    }
  else
    {
      item->lower = (double) date->lower;
      item->upper = (double) date->upper + 1;
    }

  if (!(item->upper > item->lower))
    item->upper = item->lower + 1;

  item->shape = (!date->is_interval && date->start.precision == WEFT_DATE_PRECISION_DAY)
                ? WEFT_TIMELINE_SHAPE_POINT : WEFT_TIMELINE_SHAPE_BAR;
  return TRUE;
}

typedef struct {
  guint  lane;
  guint  bucket;   /* log2 of the length, rounded up */
  double lower;
  guint  item;
} SortEntry;

static int
sort_entry_compare (const void *pa,
                    const void *pb)
{
  const SortEntry *a = pa, *b = pb;

  if (a->lane != b->lane)
    return a->lane < b->lane ? -1 : 1;
  if (a->bucket != b->bucket)
    return a->bucket < b->bucket ? -1 : 1;
  if (a->lower != b->lower)
    return a->lower < b->lower ? -1 : 1;
  return a->item < b->item ? -1 : (a->item > b->item ? 1 : 0);
}

static guint
length_bucket (double length)
{
  int k;

  if (length <= 1)
    return 0;
  k = (int) ceil (log2 (length));
  return (guint) CLAMP (k, 0, 62);
}

static void
build_buckets (WeftTimelineIndex *self)
{
  g_autofree SortEntry *entries = g_new (SortEntry, MAX (self->items->len, 1));
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (SortEntry));
  guint n = 0;

  for (guint i = 0; i < self->items->len; i++)
    {
      const WeftTimelineItem *item = &g_array_index (self->items, WeftTimelineItem, i);
      SortEntry e = { item->lane, length_bucket (item->upper - item->lower), item->lower, i };

      if (item->open_start || item->open_end)
        g_array_append_val (open, e);
      else
        entries[n++] = e;
    }

  qsort (entries, n, sizeof (SortEntry), sort_entry_compare);
  g_array_sort (open, sort_entry_compare);

  for (guint i = 0; i < n;)
    {
      WeftTimelineLane *lane = g_ptr_array_index (self->lanes, entries[i].lane);
      guint lane_end = i, n_buckets = 0, b = 0;

      while (lane_end < n && entries[lane_end].lane == entries[i].lane)
        {
          if (lane_end == i || entries[lane_end].bucket != entries[lane_end - 1].bucket)
            n_buckets++;
          lane_end++;
        }

      lane->buckets = g_new0 (WeftTimelineBucket, n_buckets);
      lane->n_buckets = n_buckets;
      for (guint j = i; j < lane_end; b++)
        {
          WeftTimelineBucket *bucket = &lane->buckets[b];
          guint end = j;

          while (end < lane_end && entries[end].bucket == entries[j].bucket)
            end++;
          bucket->max_len = ldexp (1.0, (int) entries[j].bucket);
          bucket->n = end - j;
          bucket->lower = g_new (double, bucket->n);
          bucket->items = g_new (guint, bucket->n);
          for (guint k = 0; k < bucket->n; k++)
            {
              bucket->lower[k] = entries[j + k].lower;
              bucket->items[k] = entries[j + k].item;
            }
          j = end;
        }
      i = lane_end;
    }

  for (guint i = 0; i < open->len;)
    {
      WeftTimelineLane *lane = g_ptr_array_index (self->lanes, g_array_index (open, SortEntry, i).lane);
      guint end = i;

      while (end < open->len && g_array_index (open, SortEntry, end).lane == g_array_index (open, SortEntry, i).lane)
        end++;
      lane->n_open = end - i;
      lane->open = g_new (guint, lane->n_open);
      for (guint k = 0; k < lane->n_open; k++)
        lane->open[k] = g_array_index (open, SortEntry, i + k).item;
      i = end;
    }
}

static void
build_era_rows (WeftTimelineIndex *self)
{
  GPtrArray *eras = weft_dataset_get_eras (self->dataset);
  g_autofree guint *order = g_new (guint, MAX (eras->len, 1));
  g_autoptr(GArray) row_ends = g_array_new (FALSE, FALSE, sizeof (double));

  self->era_rows = g_new0 (guint, MAX (eras->len, 1));

  for (guint i = 0; i < eras->len; i++)
    order[i] = i;

  /* Insertion sort by first day: eras are few. */
  for (guint i = 1; i < eras->len; i++)
    for (guint j = i; j > 0; j--)
      {
        WeftEra *a = g_ptr_array_index (eras, order[j - 1]);
        WeftEra *b = g_ptr_array_index (eras, order[j]);

        if (weft_date_compare (&a->date, &b->date) <= 0)
          break;
        order[j - 1] ^= order[j];
        order[j] ^= order[j - 1];
        order[j - 1] ^= order[j];
      }

  for (guint i = 0; i < eras->len; i++)
    {
      WeftEra *era = g_ptr_array_index (eras, order[i]);
      WeftTimelineItem span = { 0 };
      guint row;

      if (!item_from_date (&span, &era->date))
        continue;
      if (span.open_end)
        span.upper = (double) WEFT_DAY_OPEN_UPPER;
      if (span.open_start)
        span.lower = (double) WEFT_DAY_OPEN_LOWER;

      for (row = 0; row < row_ends->len; row++)
        if (g_array_index (row_ends, double, row) <= span.lower)
          break;
      if (row == row_ends->len)
        g_array_append_val (row_ends, span.upper);
      else
        g_array_index (row_ends, double, row) = span.upper;
      self->era_rows[order[i]] = row;
    }
  self->n_era_rows = row_ends->len;
}

/* Kind lanes come in the order of the kinds, whatever the dates: made up
 * front, for every kind an event's participant has. (Kind lanes that end
 * up empty, of an entity whose events cannot be drawn, stay: they are
 * rare and harmless.) */
static void
add_kind_lanes (WeftTimelineIndex *self)
{
  GPtrArray *events = weft_dataset_get_events (self->dataset);
  gboolean present[WEFT_N_ENTITY_KINDS] = { FALSE };

  for (guint i = 0; i < events->len; i++)
    {
      WeftEvent *event = g_ptr_array_index (events, i);

      for (guint j = 0; j < event->n_participants; j++)
        {
          WeftEntity *entity = weft_dataset_lookup_entity (self->dataset, event->participants[j].entity);

          if (entity != NULL)
            present[entity->kind] = TRUE;
        }
    }
  for (guint k = 0; k < WEFT_N_ENTITY_KINDS; k++)
    if (present[k])
      kind_lane (self, k);
}

/* The number of an event's group (its colour), in order of first use;
 * NO_GROUP for none. @groups maps a group to its number + 1. */
static guint
group_number (GHashTable *groups,
              WeftEvent  *event)
{
  gpointer found;

  if (event->group == NULL || event->group[0] == '\0')
    return NO_GROUP;
  found = g_hash_table_lookup (groups, event->group);
  if (found == NULL)
    {
      found = GUINT_TO_POINTER (g_hash_table_size (groups) + 1);
      g_hash_table_insert (groups, (gpointer) event->group, found);
    }
  return GPOINTER_TO_UINT (found) - 1;
}

/* One item per event and lane, event by event in date order, so that
 * lanes and group colours come in the order of their first event. Items
 * in no lane get NO_LANE. */
static void
add_items (WeftTimelineIndex *self,
           WeftEvent        **by_date,
           guint              n_by_date,
           GHashTable        *groups)
{
  g_autoptr(GArray) lanes = g_array_new (FALSE, FALSE, sizeof (guint));
  const guint no_lane = NO_LANE;

  for (guint i = 0; i < n_by_date; i++)
    {
      WeftEvent *event = by_date[i];
      guint group = group_number (groups, event);

      event_lanes (self, event, lanes);
      if (lanes->len == 0)
        g_array_append_val (lanes, no_lane);

      self->event_first[event->item.index] = self->items->len;
      for (guint j = 0; j < lanes->len; j++)
        {
          WeftTimelineItem item = { 0 };

          if (!item_from_date (&item, &event->date))
            break;
          item.event = event;
          item.lane = g_array_index (lanes, guint, j);
          item.color = group;
          g_array_append_val (self->items, item);
          self->event_n_items[event->item.index]++;
        }
    }
  self->n_groups = g_hash_table_size (groups);
}

/* The lane of events that belong in no other, made after every other. */
static void
add_none_lane (WeftTimelineIndex *self)
{
  const char *title;
  guint lane;
  gboolean any = FALSE;

  for (guint i = 0; i < self->items->len && !any; i++)
    any = g_array_index (self->items, WeftTimelineItem, i).lane == NO_LANE;
  if (!any)
    return;

  title = self->mode == WEFT_TIMELINE_LANES_GROUP ? _("Ungrouped") : _("No participants");
  lane = lane_for_key (self, "none", title, NULL);
  for (guint i = 0; i < self->items->len; i++)
    {
      WeftTimelineItem *item = &g_array_index (self->items, WeftTimelineItem, i);

      if (item->lane == NO_LANE)
        item->lane = lane;
    }
}

/* Each lane's count and colour (a group lane takes its group's), and the
 * days every item covers. */
static void
finish_lanes (WeftTimelineIndex *self,
              GHashTable        *groups)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      WeftTimelineItem *item = &g_array_index (self->items, WeftTimelineItem, i);
      WeftTimelineLane *lane = g_ptr_array_index (self->lanes, item->lane);

      lane->n_items++;
      if (!self->has_range)
        {
          self->range_lower = item->lower;
          self->range_upper = item->upper;
          self->has_range = TRUE;
        }
      self->range_lower = MIN (self->range_lower, item->lower);
      self->range_upper = MAX (self->range_upper, item->upper);
    }

  for (guint i = 0; i < self->lanes->len; i++)
    {
      WeftTimelineLane *lane = g_ptr_array_index (self->lanes, i);

      lane->color = i;
      if (self->mode == WEFT_TIMELINE_LANES_GROUP && g_str_has_prefix (lane->key, "group:"))
        lane->color = GPOINTER_TO_UINT (g_hash_table_lookup (groups, lane->key + strlen ("group:"))) - 1;
    }
}

/* The drawable events by first (known) day, for stepping and counting. */
static void
order_starts (WeftTimelineIndex *self,
              WeftEvent        **by_date,
              guint              n_by_date)
{
  g_autofree SortEntry *order = g_new (SortEntry, MAX (n_by_date, 1));

  self->ordered = g_new (WeftEvent *, MAX (n_by_date, 1));
  for (guint i = 0; i < n_by_date; i++)
    {
      WeftTimelineItem probe = { 0 };

      if (!item_from_date (&probe, &by_date[i]->date))
        continue;
      order[self->n_starts].lane = 0;
      order[self->n_starts].bucket = 0;
      order[self->n_starts].lower = probe.lower;
      order[self->n_starts].item = i;
      self->n_starts++;
    }
  /* Stable on date order: ties keep weft_date_compare's order. */
  qsort (order, self->n_starts, sizeof (SortEntry), sort_entry_compare);
  for (guint i = 0; i < self->n_starts; i++)
    {
      self->starts[i] = order[i].lower;
      self->ordered[i] = by_date[order[i].item];
    }
}

/* The statuses of each event's claims, one byte each, event after event
 * (with WEFT_TIMELINE_CLAIM_UNSOURCED). */
static void
collect_claim_statuses (WeftTimelineIndex *self)
{
  GPtrArray *events = weft_dataset_get_events (self->dataset);
  g_autoptr(GArray) statuses = g_array_new (FALSE, FALSE, sizeof (guint8));

  self->claim_offsets = g_new0 (guint, events->len + 1);
  for (guint i = 0; i < events->len; i++)
    {
      WeftEvent *event = g_ptr_array_index (events, i);
      g_autoptr(GPtrArray) claims = weft_dataset_dup_item_claims (self->dataset, &event->item);

      self->claim_offsets[i] = statuses->len;
      for (guint j = 0; claims != NULL && j < claims->len; j++)
        {
          WeftClaim *claim = g_ptr_array_index (claims, j);
          guint8 status = (guint8) claim->status;

          if (weft_claim_is_unsourced (claim))
            {
              status |= WEFT_TIMELINE_CLAIM_UNSOURCED;
              self->has_unsourced = TRUE;
            }
          g_array_append_val (statuses, status);
        }
    }
  self->claim_offsets[events->len] = statuses->len;
  self->claim_statuses = g_memdup2 (statuses->data, MAX (statuses->len, 1));
}

WeftTimelineIndex *
weft_timeline_index_new (WeftDataset       *dataset,
                         WeftTimelineLanes  mode)
{
  WeftTimelineIndex *self;
  g_autoptr(GHashTable) groups = g_hash_table_new (weft_str_hash, g_str_equal);
  WeftEvent **by_date;
  guint n_by_date, n_events;

  g_return_val_if_fail (WEFT_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (weft_dataset_is_finished (dataset), NULL);

  n_events = weft_dataset_get_events (dataset)->len;
  self = g_new0 (WeftTimelineIndex, 1);
  self->dataset = g_object_ref (dataset);
  self->mode = mode;
  self->items = g_array_new (FALSE, TRUE, sizeof (WeftTimelineItem));
  self->lanes = g_ptr_array_new_with_free_func (lane_free);
  self->lane_by_key = g_hash_table_new (weft_str_hash, g_str_equal);
  self->n_events = n_events;
  self->event_first = g_new0 (guint, MAX (n_events, 1));
  self->event_n_items = g_new0 (guint, MAX (n_events, 1));
  self->label_widths = g_new (float, MAX (n_events, 1));
  for (guint i = 0; i < n_events; i++)
    self->label_widths[i] = NAN;
  self->starts = g_new (double, MAX (n_events, 1));

  if (mode == WEFT_TIMELINE_LANES_KIND)
    add_kind_lanes (self);
  by_date = weft_dataset_get_events_by_date (dataset, &n_by_date);
  add_items (self, by_date, n_by_date, groups);
  add_none_lane (self);
  finish_lanes (self, groups);
  order_starts (self, by_date, n_by_date);
  collect_claim_statuses (self);
  build_buckets (self);
  build_era_rows (self);

  return self;
}

WeftDataset *
weft_timeline_index_get_dataset (WeftTimelineIndex *self)
{
  return self->dataset;
}

WeftTimelineLanes
weft_timeline_index_get_lanes_mode (WeftTimelineIndex *self)
{
  return self->mode;
}

guint
weft_timeline_index_get_n_lanes (WeftTimelineIndex *self)
{
  return self->lanes->len;
}

const WeftTimelineLane *
weft_timeline_index_get_lane (WeftTimelineIndex *self,
                              guint              lane)
{
  g_return_val_if_fail (lane < self->lanes->len, NULL);

  return g_ptr_array_index (self->lanes, lane);
}

int
weft_timeline_index_find_lane (WeftTimelineIndex *self,
                               const char        *key)
{
  gpointer found;

  if (key == NULL)
    return -1;
  found = g_hash_table_lookup (self->lane_by_key, key);
  return found != NULL ? (int) GPOINTER_TO_UINT (found) - 1 : -1;
}

guint
weft_timeline_index_get_n_items (WeftTimelineIndex *self)
{
  return self->items->len;
}

const WeftTimelineItem *
weft_timeline_index_get_item (WeftTimelineIndex *self,
                              guint              item)
{
  g_return_val_if_fail (item < self->items->len, NULL);

  return &g_array_index (self->items, WeftTimelineItem, item);
}

gboolean
weft_timeline_index_get_event_items (WeftTimelineIndex *self,
                                     const WeftEvent   *event,
                                     guint             *first,
                                     guint             *n_items)
{
  guint i;

  *first = 0;
  *n_items = 0;
  g_return_val_if_fail (event != NULL, FALSE);

  i = event->item.index;
  if (i >= self->n_events || self->event_n_items[i] == 0)
    return FALSE;

  /* Items are made event by event, so an event's are consecutive. */
  *first = self->event_first[i];
  *n_items = self->event_n_items[i];
  return TRUE;
}

gboolean
weft_timeline_index_get_range (WeftTimelineIndex *self,
                               double            *lower,
                               double            *upper)
{
  if (lower != NULL)
    *lower = self->range_lower;
  if (upper != NULL)
    *upper = self->range_upper;
  return self->has_range;
}

guint
weft_timeline_bucket_lower_bound (const WeftTimelineBucket *bucket,
                                  guint                     from,
                                  double                    day)
{
  guint lo = MIN (from, bucket->n), hi = bucket->n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (bucket->lower[mid] < day)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

void
weft_timeline_index_query (WeftTimelineIndex *self,
                           guint              lane_index,
                           double             lower,
                           double             upper,
                           GArray            *items)
{
  const WeftTimelineLane *lane;

  g_return_if_fail (lane_index < self->lanes->len);

  lane = g_ptr_array_index (self->lanes, lane_index);
  for (guint b = 0; b < lane->n_buckets; b++)
    {
      const WeftTimelineBucket *bucket = &lane->buckets[b];
      guint i = weft_timeline_bucket_lower_bound (bucket, 0, lower - bucket->max_len);
      guint end = weft_timeline_bucket_lower_bound (bucket, i, upper);

      for (; i < end; i++)
        {
          const WeftTimelineItem *item = &g_array_index (self->items, WeftTimelineItem, bucket->items[i]);

          if (item->upper > lower)
            g_array_append_val (items, bucket->items[i]);
        }
    }
  for (guint i = 0; i < lane->n_open; i++)
    {
      const WeftTimelineItem *item = &g_array_index (self->items, WeftTimelineItem, lane->open[i]);

      if (item->upper > lower && item->lower < upper)
        g_array_append_val (items, lane->open[i]);
    }
}

static guint
starts_lower_bound (WeftTimelineIndex *self,
                    double             day)
{
  /* Every start, seen as one bucket. */
  const WeftTimelineBucket all = { .n = self->n_starts, .lower = self->starts };

  return weft_timeline_bucket_lower_bound (&all, 0, day);
}

guint
weft_timeline_index_count_starts (WeftTimelineIndex *self,
                                  guint              lane_index,
                                  double             lower,
                                  double             upper)
{
  const WeftTimelineLane *lane;
  guint count = 0;

  if (upper <= lower)
    return 0;

  if (lane_index == G_MAXUINT)
    return starts_lower_bound (self, upper) - starts_lower_bound (self, lower);

  g_return_val_if_fail (lane_index < self->lanes->len, 0);

  lane = g_ptr_array_index (self->lanes, lane_index);
  for (guint b = 0; b < lane->n_buckets; b++)
    count += weft_timeline_bucket_lower_bound (&lane->buckets[b], 0, upper) -
             weft_timeline_bucket_lower_bound (&lane->buckets[b], 0, lower);
  for (guint i = 0; i < lane->n_open; i++)
    {
      const WeftTimelineItem *item = &g_array_index (self->items, WeftTimelineItem, lane->open[i]);

      if (item->lower >= lower && item->lower < upper)
        count++;
    }
  return count;
}

gboolean
weft_timeline_index_has_unsourced (WeftTimelineIndex *self)
{
  return self->has_unsourced;
}

const guint8 *
weft_timeline_index_get_claim_statuses (WeftTimelineIndex *self,
                                        const WeftEvent   *event,
                                        guint             *n_claims)
{
  guint i = event->item.index;

  if (i >= self->n_events)
    {
      *n_claims = 0;
      return self->claim_statuses;
    }
  *n_claims = self->claim_offsets[i + 1] - self->claim_offsets[i];
  return self->claim_statuses + self->claim_offsets[i];
}

double
weft_timeline_index_get_label_width (WeftTimelineIndex       *self,
                                     const WeftEvent         *event,
                                     WeftTimelineMeasureFunc  measure,
                                     gpointer                 measure_data)
{
  guint i = event->item.index;
  double w;

  if (measure != self->measure || measure_data != self->measure_data)
    {
      for (guint k = 0; k < self->n_events; k++)
        self->label_widths[k] = NAN;
      self->n_measured = 0;
      self->measure = measure;
      self->measure_data = measure_data;
    }

  if (i >= self->n_events)
    return 0;
  if (!isnan (self->label_widths[i]))
    return self->label_widths[i];

  if (measure != NULL)
    w = measure (WEFT_TIMELINE_TEXT_LABEL, event->title, measure_data);
  else
    w = 7.0 * g_utf8_strlen (event->title, -1);
  if (!isfinite (w) || w < 0)
    w = 0;
  self->label_widths[i] = (float) w;
  self->n_measured++;
  return w;
}

void
weft_timeline_index_forget_label_width (WeftTimelineIndex *self,
                                        const WeftEvent   *event)
{
  guint i = event->item.index;

  if (i < self->n_events && !isnan (self->label_widths[i]))
    {
      self->label_widths[i] = NAN;
      self->n_measured--;
    }
}

guint
weft_timeline_index_get_n_measured (WeftTimelineIndex *self)
{
  return self->n_measured;
}

guint
weft_timeline_index_get_era_row (WeftTimelineIndex *self,
                                 guint              era)
{
  GPtrArray *eras = weft_dataset_get_eras (self->dataset);

  g_return_val_if_fail (era < eras->len, 0);
  return self->era_rows[era];
}

guint
weft_timeline_index_get_n_era_rows (WeftTimelineIndex *self)
{
  return self->n_era_rows;
}

guint
weft_timeline_index_get_n_groups (WeftTimelineIndex *self)
{
  return self->n_groups;
}

WeftEvent **
weft_timeline_index_get_ordered_events (WeftTimelineIndex *self,
                                        guint             *n_events)
{
  *n_events = self->n_starts;
  return self->ordered;
}
