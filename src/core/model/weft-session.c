/* weft-session.c
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <string.h>

#include "weft-session.h"
#include "weft-dataset-change.h"

struct _WeftSession
{
  GObject         parent_instance;

  WeftDataset    *dataset;
  WeftItem       *selection;
  WeftTimeWindow *window;        /* or NULL */
  WeftEntity     *focus;
  guint           focus_hops;
  WeftEntity     *path_from;
  WeftEntity     *path_to;
  GPtrArray      *path;
  char           *search_text;
  WeftSearchResults *search_results; /* of search_text, made on first use */
  guint           hidden_kinds;
  gboolean        show_events;
  gboolean        show_claims;
  WeftLinkOptions links;         /* what a path and a focus follow */
  gulong          changed_id;    /* the dataset's "changed" */
};

G_DEFINE_FINAL_TYPE (WeftSession, weft_session, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (WeftTimeWindow, weft_time_window, weft_time_window_copy, weft_time_window_free)

WeftTimeWindow *
weft_time_window_copy (const WeftTimeWindow *window)
{
  return g_memdup2 (window, sizeof *window);
}

void
weft_time_window_free (WeftTimeWindow *window)
{
  g_free (window);
}

enum {
  PROP_0,
  PROP_DATASET,
  PROP_SELECTION,
  PROP_WINDOW,
  PROP_FOCUS,
  PROP_FOCUS_HOPS,
  PROP_PATH_FROM,
  PROP_PATH_TO,
  PROP_SEARCH_TEXT,
  PROP_HIDDEN_KINDS,
  PROP_SHOW_EVENTS,
  PROP_SHOW_CLAIMS,
  PROP_PATH_EXCLUDED_KINDS,
  PROP_PATH_STATUSES,
  PROP_NAMED_TOGETHER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum { DATASET_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* The same two ends again, their path over the links now allowed. */
static void
find_path_again (WeftSession *self)
{
  WeftEntity *from = self->path_from, *to = self->path_to;

  if (from == NULL || to == NULL)
    return;
  weft_session_set_path (self, NULL, NULL);
  weft_session_set_path (self, from, to);
}

static void
set_link_option (WeftSession  *self,
                 guint         prop_id,
                 const GValue *value)
{
  WeftLinkOptions links = self->links;

  if (prop_id == PROP_PATH_EXCLUDED_KINDS)
    links.excluded_kinds = g_value_get_uint (value);
  else if (prop_id == PROP_PATH_STATUSES)
    links.statuses = g_value_get_uint (value);
  else
    links.named_together = g_value_get_boolean (value);
  weft_session_set_link_options (self, &links);
}

static void
weft_session_dispose (GObject *object)
{
  WeftSession *self = (WeftSession *) object;

  g_clear_pointer (&self->path, g_ptr_array_unref);
  g_clear_pointer (&self->search_results, weft_search_results_free);
  self->selection = NULL;
  self->focus = NULL;
  self->path_from = self->path_to = NULL;
  if (self->dataset != NULL)
    g_clear_signal_handler (&self->changed_id, self->dataset);
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (weft_session_parent_class)->dispose (object);
}

static void
weft_session_finalize (GObject *object)
{
  WeftSession *self = (WeftSession *) object;

  g_free (self->search_text);
  g_clear_pointer (&self->window, weft_time_window_free);

  G_OBJECT_CLASS (weft_session_parent_class)->finalize (object);
}

static void
weft_session_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  WeftSession *self = WEFT_SESSION (object);

  switch (prop_id)
    {
    case PROP_DATASET: g_value_set_object (value, self->dataset); break;
    case PROP_SELECTION: g_value_set_pointer (value, self->selection); break;
    case PROP_WINDOW: g_value_set_boxed (value, self->window); break;
    case PROP_FOCUS: g_value_set_pointer (value, self->focus); break;
    case PROP_FOCUS_HOPS: g_value_set_uint (value, self->focus_hops); break;
    case PROP_PATH_FROM: g_value_set_pointer (value, self->path_from); break;
    case PROP_PATH_TO: g_value_set_pointer (value, self->path_to); break;
    case PROP_SEARCH_TEXT: g_value_set_string (value, self->search_text); break;
    case PROP_HIDDEN_KINDS: g_value_set_uint (value, self->hidden_kinds); break;
    case PROP_SHOW_EVENTS: g_value_set_boolean (value, self->show_events); break;
    case PROP_SHOW_CLAIMS: g_value_set_boolean (value, self->show_claims); break;
    case PROP_PATH_EXCLUDED_KINDS: g_value_set_uint (value, self->links.excluded_kinds); break;
    case PROP_PATH_STATUSES: g_value_set_uint (value, self->links.statuses); break;
    case PROP_NAMED_TOGETHER: g_value_set_boolean (value, self->links.named_together); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
weft_session_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  WeftSession *self = WEFT_SESSION (object);

  switch (prop_id)
    {
    case PROP_DATASET: weft_session_set_dataset (self, g_value_get_object (value)); break;
    case PROP_SELECTION: weft_session_set_selection (self, g_value_get_pointer (value)); break;
    case PROP_WINDOW:
      {
        const WeftTimeWindow *window = g_value_get_boxed (value);

        if (window != NULL)
          weft_session_set_window (self, window->lower, window->upper);
        else
          weft_session_clear_window (self);
      }
      break;
    case PROP_FOCUS: weft_session_set_focus (self, g_value_get_pointer (value)); break;
    case PROP_FOCUS_HOPS: weft_session_set_focus_hops (self, g_value_get_uint (value)); break;
    case PROP_SEARCH_TEXT: weft_session_set_search_text (self, g_value_get_string (value)); break;
    case PROP_HIDDEN_KINDS: weft_session_set_hidden_kinds (self, g_value_get_uint (value)); break;
    case PROP_SHOW_EVENTS: weft_session_set_show_events (self, g_value_get_boolean (value)); break;
    case PROP_SHOW_CLAIMS: weft_session_set_show_claims (self, g_value_get_boolean (value)); break;
    case PROP_PATH_EXCLUDED_KINDS:
    case PROP_PATH_STATUSES:
    case PROP_NAMED_TOGETHER:
      set_link_option (self, prop_id, value);
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
weft_session_class_init (WeftSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = weft_session_dispose;
  object_class->finalize = weft_session_finalize;
  object_class->get_property = weft_session_get_property;
  object_class->set_property = weft_session_set_property;

  properties[PROP_DATASET] = g_param_spec_object ("dataset", NULL, NULL, WEFT_TYPE_DATASET, rw);
  properties[PROP_SELECTION] = g_param_spec_pointer ("selection", NULL, NULL, rw);
  properties[PROP_WINDOW] = g_param_spec_boxed ("window", NULL, NULL, WEFT_TYPE_TIME_WINDOW, rw);
  properties[PROP_FOCUS] = g_param_spec_pointer ("focus", NULL, NULL, rw);
  properties[PROP_FOCUS_HOPS] = g_param_spec_uint ("focus-hops", NULL, NULL, 1, 3, 1, rw);
  properties[PROP_PATH_FROM] = g_param_spec_pointer ("path-from", NULL, NULL, ro);
  properties[PROP_PATH_TO] = g_param_spec_pointer ("path-to", NULL, NULL, ro);
  properties[PROP_SEARCH_TEXT] = g_param_spec_string ("search-text", NULL, NULL, "", rw);
  properties[PROP_HIDDEN_KINDS] = g_param_spec_uint ("hidden-kinds", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_SHOW_EVENTS] = g_param_spec_boolean ("show-events", NULL, NULL, FALSE, rw);
  properties[PROP_SHOW_CLAIMS] = g_param_spec_boolean ("show-claims", NULL, NULL, FALSE, rw);
  properties[PROP_PATH_EXCLUDED_KINDS] = g_param_spec_uint ("path-excluded-kinds", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_PATH_STATUSES] = g_param_spec_uint ("path-statuses", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_NAMED_TOGETHER] = g_param_spec_boolean ("named-together", NULL, NULL, TRUE, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The dataset's "changed", after the session let go of what went:
   * views update what changed instead of starting again. */
  signals[DATASET_CHANGED] =
    g_signal_new ("dataset-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, WEFT_TYPE_DATASET_CHANGE | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
weft_session_init (WeftSession *self)
{
  self->focus_hops = 1;
  self->search_text = g_strdup ("");
  weft_link_options_init (&self->links);
}

WeftSession *
weft_session_new (WeftDataset *dataset)
{
  return g_object_new (WEFT_TYPE_SESSION, "dataset", dataset, NULL);
}

WeftDataset *
weft_session_get_dataset (WeftSession *self)
{
  return self->dataset;
}

/* An edit, its undo or its redo: what went is no longer selected,
 * focused or an end of the path; the search looks again. */
static void
on_dataset_changed (WeftSession             *self,
                    const WeftDatasetChange *change)
{
  const WeftItemChange *items;
  guint n;

  items = weft_dataset_change_get_items (change, &n);
  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < n; i++)
    {
      WeftItem *item = items[i].item;

      if (items[i].kind != WEFT_CHANGE_REMOVED)
        continue;
      if (item == self->selection)
        weft_session_set_selection (self, NULL);
      if (item == (WeftItem *) self->focus)
        weft_session_set_focus (self, NULL);
      if (item == (WeftItem *) self->path_from || item == (WeftItem *) self->path_to)
        weft_session_set_path (self, NULL, NULL);
    }
  g_clear_pointer (&self->search_results, weft_search_results_free);
  if (weft_dataset_change_touches_links (change))
    find_path_again (self);
  g_signal_emit (self, signals[DATASET_CHANGED], 0, change);
  g_object_thaw_notify (G_OBJECT (self));
}

void
weft_session_set_dataset (WeftSession *self,
                          WeftDataset *dataset)
{
  g_return_if_fail (WEFT_IS_SESSION (self));

  if (self->dataset == dataset)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  weft_session_set_selection (self, NULL);
  weft_session_set_focus (self, NULL);
  weft_session_set_path (self, NULL, NULL);
  weft_session_clear_window (self);
  g_clear_pointer (&self->search_results, weft_search_results_free);
  if (self->dataset != NULL)
    g_clear_signal_handler (&self->changed_id, self->dataset);
  g_set_object (&self->dataset, dataset);
  if (dataset != NULL)
    self->changed_id = g_signal_connect_swapped (dataset, "changed", G_CALLBACK (on_dataset_changed), self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
  g_object_thaw_notify (G_OBJECT (self));
}

WeftItem *
weft_session_get_selection (WeftSession *self)
{
  return self->selection;
}

void
weft_session_set_selection (WeftSession *self,
                            WeftItem    *item)
{
  g_return_if_fail (WEFT_IS_SESSION (self));

  if (self->selection == item)
    return;

  self->selection = item;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

gboolean
weft_session_select_id (WeftSession *self,
                        const char  *id)
{
  WeftItem *item;

  if (self->dataset == NULL)
    return FALSE;

  item = weft_dataset_lookup (self->dataset, id);
  if (item == NULL)
    return FALSE;

  weft_session_set_selection (self, item);
  return TRUE;
}

gboolean
weft_session_get_window (WeftSession *self,
                         gint64      *lower,
                         gint64      *upper)
{
  if (self->window == NULL)
    return FALSE;
  if (lower != NULL)
    *lower = self->window->lower;
  if (upper != NULL)
    *upper = self->window->upper;
  return TRUE;
}

void
weft_session_set_window (WeftSession *self,
                         gint64       lower,
                         gint64       upper)
{
  g_return_if_fail (WEFT_IS_SESSION (self));

  if (lower > upper)
    {
      gint64 t = lower;
      lower = upper;
      upper = t;
    }

  if (self->window != NULL && self->window->lower == lower && self->window->upper == upper)
    return;

  if (self->window == NULL)
    self->window = g_new (WeftTimeWindow, 1);
  self->window->lower = lower;
  self->window->upper = upper;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WINDOW]);
}

void
weft_session_clear_window (WeftSession *self)
{
  g_return_if_fail (WEFT_IS_SESSION (self));

  if (self->window == NULL)
    return;

  g_clear_pointer (&self->window, weft_time_window_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WINDOW]);
}

WeftEntity *
weft_session_get_focus (WeftSession *self)
{
  return self->focus;
}

void
weft_session_set_focus (WeftSession *self,
                        WeftEntity  *entity)
{
  g_return_if_fail (WEFT_IS_SESSION (self));

  if (self->focus == entity)
    return;

  self->focus = entity;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUS]);
}

guint
weft_session_get_focus_hops (WeftSession *self)
{
  return self->focus_hops;
}

void
weft_session_set_focus_hops (WeftSession *self,
                             guint        hops)
{
  g_return_if_fail (WEFT_IS_SESSION (self));

  hops = CLAMP (hops, 1, 3);
  if (self->focus_hops == hops)
    return;

  self->focus_hops = hops;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUS_HOPS]);
}

WeftEntity *
weft_session_get_path_from (WeftSession *self)
{
  return self->path_from;
}

WeftEntity *
weft_session_get_path_to (WeftSession *self)
{
  return self->path_to;
}

void
weft_session_set_path (WeftSession *self,
                       WeftEntity  *from,
                       WeftEntity  *to)
{
  g_return_if_fail (WEFT_IS_SESSION (self));

  if (self->path_from == from && self->path_to == to)
    return;

  g_clear_pointer (&self->path, g_ptr_array_unref);
  self->path_from = from;
  self->path_to = to;
  if (from != NULL && to != NULL && self->dataset != NULL)
    self->path = weft_dataset_shortest_path_with (self->dataset, from, to, &self->links);

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH_FROM]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH_TO]);
  g_object_thaw_notify (G_OBJECT (self));
}

GPtrArray *
weft_session_get_path (WeftSession *self)
{
  return self->path;
}

const char *
weft_session_get_search_text (WeftSession *self)
{
  return self->search_text;
}

void
weft_session_set_search_text (WeftSession *self,
                              const char  *text)
{
  g_return_if_fail (WEFT_IS_SESSION (self));

  if (text == NULL)
    text = "";
  if (g_strcmp0 (self->search_text, text) == 0)
    return;

  g_free (self->search_text);
  self->search_text = g_strdup (text);
  g_clear_pointer (&self->search_results, weft_search_results_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_TEXT]);
}

const WeftSearchResults *
weft_session_get_search_results (WeftSession *self)
{
  g_return_val_if_fail (WEFT_IS_SESSION (self), NULL);

  if (self->search_results == NULL && self->dataset != NULL)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (self->search_text));

      if (stripped[0] != '\0')
        self->search_results = weft_dataset_search_all (self->dataset, self->search_text);
    }
  return self->search_results;
}

guint
weft_session_get_hidden_kinds (WeftSession *self)
{
  return self->hidden_kinds;
}

void
weft_session_set_hidden_kinds (WeftSession *self,
                               guint        mask)
{
  g_return_if_fail (WEFT_IS_SESSION (self));

  if (self->hidden_kinds == mask)
    return;

  self->hidden_kinds = mask;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIDDEN_KINDS]);
}

gboolean
weft_session_get_show_events (WeftSession *self)
{
  return self->show_events;
}

void
weft_session_set_show_events (WeftSession *self,
                              gboolean     show)
{
  g_return_if_fail (WEFT_IS_SESSION (self));

  show = !!show;
  if (self->show_events == show)
    return;

  self->show_events = show;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_EVENTS]);
}

gboolean
weft_session_get_show_claims (WeftSession *self)
{
  return self->show_claims;
}

void
weft_session_set_show_claims (WeftSession *self,
                              gboolean     show)
{
  g_return_if_fail (WEFT_IS_SESSION (self));

  show = !!show;
  if (self->show_claims == show)
    return;

  self->show_claims = show;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_CLAIMS]);
}

/* Keeps the elements of @array that @keep holds, in order. */
static void
keep_only (GPtrArray  *array,
           GArray     *hops,
           GHashTable *keep)
{
  guint out = 0;

  for (guint i = 0; i < array->len; i++)
    {
      gpointer item = g_ptr_array_index (array, i);

      if (g_hash_table_contains (keep, item))
        {
          if (hops != NULL)
            g_array_index (hops, guint, out) = g_array_index (hops, guint, i);
          array->pdata[out++] = item;
        }
    }

  g_ptr_array_set_size (array, out);
  if (hops != NULL)
    g_array_set_size (hops, out);
}

static GHashTable *
set_of (GPtrArray *array)
{
  GHashTable *set = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < array->len; i++)
    g_hash_table_add (set, g_ptr_array_index (array, i));
  return set;
}

WeftSubgraph *
weft_session_dup_unfiltered_subgraph (WeftSession *self)
{
  g_return_val_if_fail (WEFT_IS_SESSION (self), NULL);
  g_return_val_if_fail (self->dataset != NULL, NULL);

  if (self->focus != NULL)
    return weft_dataset_neighbourhood_with (self->dataset, self->focus, self->focus_hops, &self->links);
  return weft_dataset_all (self->dataset);
}

WeftSubgraph *
weft_session_dup_visible_subgraph (WeftSession *self)
{
  WeftSubgraph *s;

  g_return_val_if_fail (WEFT_IS_SESSION (self), NULL);
  g_return_val_if_fail (self->dataset != NULL, NULL);

  s = weft_session_dup_unfiltered_subgraph (self);

  if (self->window != NULL)
    {
      g_autoptr(WeftSubgraph) w = weft_dataset_window (self->dataset, self->window->lower, self->window->upper);
      g_autoptr(GHashTable) entities = set_of (w->entities);
      g_autoptr(GHashTable) relations = set_of (w->relations);
      g_autoptr(GHashTable) events = set_of (w->events);
      g_autoptr(GHashTable) claims = set_of (w->claims);

      /* The focus itself stays, so the user keeps their bearings. */
      if (self->focus != NULL)
        g_hash_table_add (entities, self->focus);

      keep_only (s->entities, s->hops, entities);
      keep_only (s->relations, NULL, relations);
      keep_only (s->events, NULL, events);
      keep_only (s->claims, NULL, claims);
    }

  if (self->hidden_kinds != 0)
    {
      g_autoptr(GHashTable) shown = g_hash_table_new (NULL, NULL);
      g_autoptr(GHashTable) relations = g_hash_table_new (NULL, NULL);

      for (guint i = 0; i < s->entities->len; i++)
        {
          WeftEntity *e = g_ptr_array_index (s->entities, i);

          if ((self->hidden_kinds & (1u << e->kind)) == 0 || e == self->focus)
            g_hash_table_add (shown, e);
        }
      for (guint i = 0; i < s->relations->len; i++)
        {
          WeftRelation *r = g_ptr_array_index (s->relations, i);
          WeftItem *from = weft_dataset_lookup (self->dataset, r->from);
          WeftItem *to = weft_dataset_lookup (self->dataset, r->to);

          if ((from->type != WEFT_ITEM_ENTITY || g_hash_table_contains (shown, from)) &&
              (to->type != WEFT_ITEM_ENTITY || g_hash_table_contains (shown, to)))
            g_hash_table_add (relations, r);
        }
      keep_only (s->entities, s->hops, shown);
      keep_only (s->relations, NULL, relations);
    }

  return s;
}

const WeftLinkOptions *
weft_session_get_link_options (WeftSession *self)
{
  return &self->links;
}

void
weft_session_set_link_options (WeftSession           *self,
                               const WeftLinkOptions *links)
{
  WeftLinkOptions was = self->links;

  g_return_if_fail (WEFT_IS_SESSION (self));

  if (memcmp (&was, links, sizeof was) == 0)
    return;
  self->links = *links;
  self->links.named_together = !!links->named_together;
  g_object_freeze_notify (G_OBJECT (self));
  find_path_again (self);
  if (was.excluded_kinds != links->excluded_kinds)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH_EXCLUDED_KINDS]);
  if (was.statuses != links->statuses)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH_STATUSES]);
  if (was.named_together != self->links.named_together)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAMED_TOGETHER]);
  g_object_thaw_notify (G_OBJECT (self));
}
