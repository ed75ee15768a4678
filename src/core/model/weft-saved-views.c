/* weft-saved-views.c: saved views and stories: defaults and what they name
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "weft-dataset-private.h"
#include "weft-error.h"
#include "weft-query.h"
#include "weft-members.h"
#include "weft-saved-views.h"

GPtrArray *
weft_dataset_get_views (WeftDataset *self)
{
  return weft_dataset_get_items (self, WEFT_ITEM_VIEW);
}

GPtrArray *
weft_dataset_get_stories (WeftDataset *self)
{
  return weft_dataset_get_items (self, WEFT_ITEM_STORY);
}

static WeftItem *
lookup_typed (WeftDataset  *self,
              const char   *id,
              WeftItemType  type)
{
  WeftItem *item = id != NULL ? weft_dataset_lookup (self, id) : NULL;

  return item != NULL && item->type == type ? item : NULL;
}

WeftView *
weft_dataset_lookup_view (WeftDataset *self,
                          const char  *id)
{
  return (WeftView *) lookup_typed (self, id, WEFT_ITEM_VIEW);
}

WeftStory *
weft_dataset_lookup_story (WeftDataset *self,
                           const char  *id)
{
  return (WeftStory *) lookup_typed (self, id, WEFT_ITEM_STORY);
}

char *
weft_dataset_dup_ids (WeftDataset  *self,
                      WeftItemType  type)
{
  GPtrArray *items = weft_dataset_get_items (self, type);
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    g_string_append_printf (ids, "%s%s", i > 0 ? ", " : "", ((WeftItem *) g_ptr_array_index (items, i))->id);
  return g_string_free (ids, FALSE);
}

guint
weft_view_get_hops (const WeftView *view)
{
  if (view->hops == NULL || json_node_get_value_type (view->hops) != G_TYPE_INT64)
    return 1;
  return (guint) CLAMP (json_node_get_int (view->hops), 0, G_MAXUINT);
}

static gboolean is_number (JsonNode *node);

double
weft_view_get_split (const WeftView *view)
{
  double split = is_number (view->split) ? json_node_get_double (view->split) : 0;

  return split > 0 && split < 1 ? split : 0;
}

static JsonNode *
graph_member (const WeftView *view,
              const char     *name)
{
  JsonObject *graph;

  if (view->graph == NULL || !JSON_NODE_HOLDS_OBJECT (view->graph))
    return NULL;
  graph = json_node_get_object (view->graph);
  return json_object_has_member (graph, name) ? json_object_get_member (graph, name) : NULL;
}

static gboolean
is_number (JsonNode *node)
{
  GType type = node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;

  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

double
weft_view_get_zoom (const WeftView *view)
{
  JsonNode *zoom = graph_member (view, "zoom");

  return is_number (zoom) && json_node_get_double (zoom) > 0 ? json_node_get_double (zoom) : 1.0;
}

gboolean
weft_view_get_centre (const WeftView *view,
                      double         *x,
                      double         *y)
{
  JsonNode *centre = graph_member (view, "centre");
  JsonArray *xy;

  if (centre == NULL || !JSON_NODE_HOLDS_ARRAY (centre))
    return FALSE;
  xy = json_node_get_array (centre);
  if (json_array_get_length (xy) != 2 ||
      !is_number (json_array_get_element (xy, 0)) || !is_number (json_array_get_element (xy, 1)))
    return FALSE;
  *x = json_node_get_double (json_array_get_element (xy, 0));
  *y = json_node_get_double (json_array_get_element (xy, 1));
  return TRUE;
}

const char *
weft_view_get_title (const WeftView *view)
{
  return view->title != NULL && view->title[0] != '\0' ? view->title : view->item.id;
}

/* ---- Applying a view ------------------------------------------------------ */

static WeftEntity *
lookup_entity (WeftDataset *dataset,
               const char  *id)
{
  return (WeftEntity *) lookup_typed (dataset, id, WEFT_ITEM_ENTITY);
}

/* The mask of the names of @list found in @names (1 << index). */
static guint
mask_of (const char * const *list,
         const char * const *names)
{
  guint mask = 0;

  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    for (guint k = 0; names[k] != NULL; k++)
      if (g_str_equal (list[i], names[k]))
        mask |= 1u << k;
  return mask;
}

void
weft_saved_view_apply (const WeftView *view,
                       WeftSession    *session)
{
  WeftDataset *dataset = weft_session_get_dataset (session);
  WeftLinkOptions links = *weft_session_get_link_options (session);
  WeftEntity *from = NULL, *to = NULL;

  weft_session_set_focus (session, lookup_entity (dataset, view->focus));
  weft_session_set_focus_hops (session, weft_view_get_hops (view));
  if (view->window_text != NULL)
    weft_session_set_window (session, view->window.lower, view->window.upper);
  else
    weft_session_clear_window (session);
  weft_session_set_hidden_kinds (session, mask_of (view->hidden_kinds, weft_entity_kind_names));
  links.statuses = mask_of (view->statuses, weft_claim_status_names);
  weft_session_set_link_options (session, &links);
  weft_session_set_search_text (session, view->search != NULL ? view->search : "");
  if (view->selected == NULL || !weft_session_select_id (session, view->selected))
    weft_session_set_selection (session, NULL);
  if (view->path != NULL && view->path[0] != NULL && view->path[1] != NULL)
    {
      from = lookup_entity (dataset, view->path[0]);
      to = lookup_entity (dataset, view->path[1]);
    }
  if (from != NULL && to != NULL)
    weft_session_set_path (session, from, to);
  else
    weft_session_set_path (session, NULL, NULL);
}

WeftSubgraph *
weft_saved_view_dup_subgraph (WeftSession *session)
{
  WeftSubgraph *visible = weft_session_dup_visible_subgraph (session);
  GPtrArray *path = weft_session_get_path (session);
  g_autoptr(GHashTable) on_path = NULL;
  WeftSubgraph *only;

  if (path == NULL || weft_session_get_focus (session) != NULL)
    return visible;

  on_path = g_hash_table_new (NULL, NULL);
  g_hash_table_add (on_path, weft_session_get_path_from (session));
  for (guint i = 0; i < path->len; i++)
    {
      const WeftHop *hop = g_ptr_array_index (path, i);

      g_hash_table_add (on_path, hop->to);
      g_hash_table_add (on_path, hop->via);
    }

  only = weft_subgraph_new ();
  for (guint i = 0; i < visible->entities->len; i++)
    if (g_hash_table_contains (on_path, g_ptr_array_index (visible->entities, i)))
      {
        guint zero = 0;

        g_ptr_array_add (only->entities, g_ptr_array_index (visible->entities, i));
        g_array_append_val (only->hops, zero);
      }
  for (guint i = 0; i < visible->relations->len; i++)
    {
      WeftRelation *r = g_ptr_array_index (visible->relations, i);
      WeftItem *a = weft_dataset_lookup (weft_session_get_dataset (session), r->from);
      WeftItem *b = weft_dataset_lookup (weft_session_get_dataset (session), r->to);

      if (g_hash_table_contains (on_path, a) && g_hash_table_contains (on_path, b))
        g_ptr_array_add (only->relations, r);
    }
  for (guint i = 0; i < visible->events->len; i++)
    if (g_hash_table_contains (on_path, g_ptr_array_index (visible->events, i)))
      g_ptr_array_add (only->events, g_ptr_array_index (visible->events, i));
  for (guint i = 0; i < visible->claims->len; i++)
    if (g_hash_table_contains (on_path, g_ptr_array_index (visible->claims, i)))
      g_ptr_array_add (only->claims, g_ptr_array_index (visible->claims, i));
  weft_subgraph_free (visible);
  return only;
}

/* ---- Edits --------------------------------------------------------------- */

gboolean
weft_edit_set_view_hops (WeftEdit  *edit,
                         WeftView  *view,
                         guint      hops,
                         GError   **error)
{
  WeftView from = { 0 };

  from.hops = json_node_init_int (json_node_alloc (), hops);
  {
    gboolean ok = weft_edit_copy_member (edit, &view->item, "hops", &from, error);

    json_node_unref (from.hops);
    return ok;
  }
}

gboolean
weft_edit_set_view_graph (WeftEdit  *edit,
                          WeftView  *view,
                          double     zoom,
                          double     x,
                          double     y,
                          GError   **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  WeftView from = { 0 };
  gboolean ok;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "zoom");
  json_builder_add_double_value (builder, zoom);
  json_builder_set_member_name (builder, "centre");
  json_builder_begin_array (builder);
  json_builder_add_double_value (builder, x);
  json_builder_add_double_value (builder, y);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  from.graph = json_builder_get_root (builder);
  ok = weft_edit_copy_member (edit, &view->item, "graph", &from, error);
  json_node_unref (from.graph);
  return ok;
}

gboolean
weft_edit_set_view_split (WeftEdit  *edit,
                          WeftView  *view,
                          double     split,
                          GError   **error)
{
  WeftView from = { 0 };
  gboolean ok;

  from.split = split > 0 ? json_node_init_double (json_node_alloc (), split) : NULL;
  ok = weft_edit_copy_member (edit, &view->item, "split", &from, error);
  g_clear_pointer (&from.split, json_node_unref);
  return ok;
}

/* Sets @story's steps to @steps (@n of them), copied. */
static gboolean
set_steps (WeftEdit             *edit,
           WeftStory            *story,
           const WeftStoryStep  *steps,
           guint                 n,
           GError              **error)
{
  WeftStory from = { 0 };

  from.steps = (WeftStoryStep *) steps;
  from.n_steps = n;
  return weft_edit_copy_member (edit, &story->item, "steps", &from, error);
}

gboolean
weft_edit_add_story_step (WeftEdit    *edit,
                          WeftStory   *story,
                          guint        position,
                          const char  *view_id,
                          const char  *event_id,
                          const char  *note,
                          GError     **error)
{
  WeftDataset *dataset = weft_edit_get_dataset (edit);
  g_autofree WeftStoryStep *steps = g_new0 (WeftStoryStep, story->n_steps + 1);
  WeftStoryStep step = { view_id, event_id, note, NULL };

  if ((view_id == NULL) == (event_id == NULL) ||
      (view_id != NULL && weft_dataset_lookup_view (dataset, view_id) == NULL) ||
      (event_id != NULL && !(weft_dataset_lookup (dataset, event_id) != NULL &&
                             weft_dataset_lookup (dataset, event_id)->type == WEFT_ITEM_EVENT)))
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_NOT_FOUND,
                   _("a step shows a view or an event: give one of “view” and “event”"));
      return FALSE;
    }
  position = MIN (position, story->n_steps);
  /* A story without steps has none to copy (and no array). */
  if (story->n_steps > 0)
    {
      memcpy (steps, story->steps, sizeof *steps * position);
      memcpy (steps + position + 1, story->steps + position, sizeof *steps * (story->n_steps - position));
    }
  steps[position] = step;
  return set_steps (edit, story, steps, story->n_steps + 1, error);
}

gboolean
weft_edit_move_story_step (WeftEdit   *edit,
                           WeftStory  *story,
                           guint       from,
                           guint       to,
                           GError    **error)
{
  g_autofree WeftStoryStep *steps = NULL;
  WeftStoryStep moved;

  if (from >= story->n_steps || to >= story->n_steps)
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_INVALID, _("the story has no step %u"),
                   MAX (from, to) + 1);
      return FALSE;
    }
  steps = g_memdup2 (story->steps, sizeof *steps * story->n_steps);
  moved = steps[from];
  if (from < to)
    memmove (steps + from, steps + from + 1, sizeof *steps * (to - from));
  else
    memmove (steps + to + 1, steps + to, sizeof *steps * (from - to));
  steps[to] = moved;
  return set_steps (edit, story, steps, story->n_steps, error);
}

gboolean
weft_edit_remove_story_step (WeftEdit   *edit,
                             WeftStory  *story,
                             guint       position,
                             GError    **error)
{
  g_autofree WeftStoryStep *steps = NULL;

  if (position >= story->n_steps)
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_INVALID, _("the story has no step %u"), position + 1);
      return FALSE;
    }
  steps = g_memdup2 (story->steps, sizeof *steps * story->n_steps);
  memmove (steps + position, steps + position + 1, sizeof *steps * (story->n_steps - position - 1));
  return set_steps (edit, story, steps, story->n_steps - 1, error);
}

/* ---- Checking ------------------------------------------------------------ */

char *
weft_json_shape_problem (JsonNode   *node,
                         const char *name,
                         guint       shape)
{
  if (shape == WEFT_JSON_COUNT)
    {
      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64 &&
          json_node_get_int (node) >= 0)
        return NULL;
      return g_strdup_printf (_("“%s” must be a whole number, 0 or more"), name);
    }

  if (shape == WEFT_JSON_FRACTION)
    {
      if (is_number (node) && json_node_get_double (node) > 0 && json_node_get_double (node) < 1)
        return NULL;
      return g_strdup_printf (_("“%s” must be a number above 0 and below 1"), name);
    }

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *graph = json_node_get_object (node);
      JsonNode *zoom = json_object_get_member (graph, "zoom");
      JsonNode *centre = json_object_get_member (graph, "centre");
      JsonArray *xy = centre != NULL && JSON_NODE_HOLDS_ARRAY (centre) ? json_node_get_array (centre) : NULL;

      if ((zoom == NULL || (is_number (zoom) && json_node_get_double (zoom) > 0)) &&
          (centre == NULL || (xy != NULL && json_array_get_length (xy) == 2 &&
                              is_number (json_array_get_element (xy, 0)) &&
                              is_number (json_array_get_element (xy, 1)))))
        return NULL;
    }
  return g_strdup_printf (_("“%s” must be an object {\"zoom\": a number above 0, \"centre\": [x, y]}"), name);
}

/* @id, at @path, must name an item of @want (WEFT_ITEM_NONE: any). */
static void
check_name (WeftDataset     *self,
            WeftDiagnostics *diagnostics,
            const char      *id,
            WeftItemType     want,
            const char      *path)
{
  WeftItem *item;

  if (id == NULL)
    return;
  item = weft_dataset_lookup (self, id);
  if (item == NULL)
    weft_diagnostics_warning_at (diagnostics, path,
                                 _("“%s” is not the id of anything in this file (deleted?); "
                                   "the view keeps it and shows nothing for it"), id);
  else if (want != WEFT_ITEM_NONE && item->type != want)
    weft_diagnostics_error_at (diagnostics, path, _("“%s” is %s, but %s is expected here"),
                               id, weft_item_type_article_name (item->type),
                               weft_item_type_article_name (want));
}

static void
check_names (WeftDiagnostics     *diagnostics,
             const WeftItem      *item,
             const char          *member,
             const char * const  *list,
             const char * const  *names)
{
  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    if (!g_strv_contains (names, list[i]))
      {
        g_autofree char *path = g_strdup_printf ("views[%u].%s[%u]", item->index, member, i);
        g_autofree char *expected = g_strjoinv (", ", (char **) names);

        weft_diagnostics_error_at (diagnostics, path, _("unknown %s “%s”; expected one of %s"),
                                   member, list[i], expected);
      }
}

static void
check_view (WeftDataset     *self,
            WeftDiagnostics *diagnostics,
            const WeftView  *v)
{
  guint i = v->item.index;
  g_autofree char *focus = g_strdup_printf ("views[%u].focus", i);
  g_autofree char *selected = g_strdup_printf ("views[%u].selected", i);
  guint n_path = v->path != NULL ? g_strv_length ((char **) v->path) : 0;

  check_name (self, diagnostics, v->focus, WEFT_ITEM_ENTITY, focus);
  check_name (self, diagnostics, v->selected, WEFT_ITEM_NONE, selected);
  for (guint j = 0; j < n_path; j++)
    {
      g_autofree char *path = g_strdup_printf ("views[%u].path[%u]", i, j);

      check_name (self, diagnostics, v->path[j], WEFT_ITEM_ENTITY, path);
    }
  if (v->path != NULL && n_path != 2)
    {
      g_autofree char *path = g_strdup_printf ("views[%u].path", i);

      /* An end deleted with its references: the view shows no path. */
      weft_diagnostics_warning_at (diagnostics, path,
                                   _("a path has two ends, [from, to]; this one has %u"), n_path);
    }
  check_names (diagnostics, &v->item, "hidden_kinds", v->hidden_kinds, weft_entity_kind_names);
  check_names (diagnostics, &v->item, "statuses", v->statuses, weft_claim_status_names);
}

static void
check_story (WeftDataset     *self,
             WeftDiagnostics *diagnostics,
             const WeftStory *s)
{
  for (guint j = 0; j < s->n_steps; j++)
    {
      const WeftStoryStep *step = &s->steps[j];
      g_autofree char *view = g_strdup_printf ("stories[%u].steps[%u].view", s->item.index, j);
      g_autofree char *event = g_strdup_printf ("stories[%u].steps[%u].event", s->item.index, j);

      if ((step->view == NULL) == (step->event == NULL))
        {
          g_autofree char *path = g_strdup_printf ("stories[%u].steps[%u]", s->item.index, j);

          weft_diagnostics_error_at (diagnostics, path,
                                     _("a step shows a view or an event: give one of “view” and “event”"));
        }
      check_name (self, diagnostics, step->view, WEFT_ITEM_VIEW, view);
      check_name (self, diagnostics, step->event, WEFT_ITEM_EVENT, event);
    }
}

void
weft_views_check (WeftDataset     *self,
                  WeftDiagnostics *diagnostics)
{
  GPtrArray *views = weft_dataset_get_views (self);
  GPtrArray *stories = weft_dataset_get_stories (self);

  for (guint i = 0; i < views->len; i++)
    check_view (self, diagnostics, g_ptr_array_index (views, i));
  for (guint i = 0; i < stories->len; i++)
    check_story (self, diagnostics, g_ptr_array_index (stories, i));
}
