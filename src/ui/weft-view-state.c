/* weft-view-state.c: a window's panes as a saved view, and back
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "weft-edit-controller.h"
#include "weft-graph-view.h"
#include "weft-timeline-view.h"
#include "weft-view-state.h"

#define MOVE_USEC (400 * G_TIME_SPAN_MILLISECOND)
#define HOLD_USEC (500 * G_TIME_SPAN_MILLISECOND)

/* ---- Taking the state ----------------------------------------------------- */

const char *
weft_view_state_item_title (const WeftItem *item)
{
  const WeftStory *story = (const WeftStory *) item;

  if (item->type == WEFT_ITEM_VIEW)
    return weft_view_get_title ((const WeftView *) item);
  if (item->type == WEFT_ITEM_STORY)
    return story->title != NULL && story->title[0] != '\0' ? story->title : item->id;
  return weft_item_get_label (item);
}

char *
weft_view_state_dup_title (WeftWindow *window)
{
  WeftSession *session = weft_window_get_session (window);
  WeftEntity *focus = weft_session_get_focus (session);
  WeftEntity *from = weft_session_get_path_from (session);
  WeftEntity *to = weft_session_get_path_to (session);
  const char *search = weft_session_get_search_text (session);
  WeftDataset *dataset = weft_session_get_dataset (session);

  if (focus != NULL)
    /* Translators: the title Save View suggests: what the graph is focused on */
    return g_strdup_printf (_("Around %s"), weft_item_get_label (&focus->item));
  if (from != NULL && to != NULL)
    /* Translators: the title Save View suggests for a path between two entities */
    return g_strdup_printf (_("From %s to %s"), weft_item_get_label (&from->item), weft_item_get_label (&to->item));
  if (search != NULL && search[0] != '\0')
    /* Translators: the title Save View suggests for what a search found */
    return g_strdup_printf (_("Search for “%s”"), search);
  /* Translators: the title Save View suggests otherwise: "View 3" */
  return g_strdup_printf (_("View %u"), dataset != NULL ? weft_dataset_get_views (dataset)->len + 1 : 1);
}

/* The names of @mask's bits, as @to_string says them (NULL: none). */
static GStrv
names_of (guint         mask,
          guint         n,
          const char *(*to_string) (guint))
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  if (mask == 0)
    return NULL;
  for (guint i = 0; i < n; i++)
    if (mask & (1u << i))
      g_strv_builder_add (names, to_string (i));
  return g_strv_builder_end (names);
}

static const char *
kind_name (guint kind)
{
  return weft_entity_kind_to_string (kind);
}

static const char *
status_name (guint status)
{
  return weft_claim_status_to_string (status);
}

/* "2020-01-01/2020-12-31" for the days @lower to @upper. */
static char *
interval_text (gint64 lower,
               gint64 upper)
{
  g_autofree char *a = weft_day_to_iso (lower);
  g_autofree char *b = weft_day_to_iso (MAX (lower, upper));

  return g_strdup_printf ("%s/%s", a, b);
}

static const char * const layout_nicks[] = { "both", "timeline", "graph" };

gboolean
weft_view_state_record (WeftWindow  *window,
                        WeftEdit    *edit,
                        WeftView    *view,
                        GError     **error)
{
  WeftSession *session = weft_window_get_session (window);
  WeftItem *item = &view->item;
  WeftItem *selection = weft_session_get_selection (session);
  WeftEntity *focus = weft_session_get_focus (session);
  WeftEntity *from = weft_session_get_path_from (session);
  WeftEntity *to = weft_session_get_path_to (session);
  const char *search = weft_session_get_search_text (session);
  g_auto(GStrv) kinds = names_of (weft_session_get_hidden_kinds (session), WEFT_N_ENTITY_KINDS, kind_name);
  g_auto(GStrv) statuses = names_of (weft_session_get_link_options (session)->statuses, WEFT_N_STATUSES, status_name);
  g_autofree char *window_text = NULL;
  g_autofree char *span_text = NULL;
  const char *path[3] = { NULL, NULL, NULL };
  WeftWindowView shown;
  gint64 lower, upper;
  double span_lower, span_upper, scale, x, y;

  if (weft_session_get_window (session, &lower, &upper))
    window_text = interval_text (lower, upper);
  /* The span in whole days: what the file keeps. */
  weft_timeline_view_get_span (WEFT_TIMELINE_VIEW (weft_window_get_timeline (window)), &span_lower, &span_upper);
  span_text = interval_text ((gint64) floor (span_lower), (gint64) ceil (span_upper) - 1);
  if (from != NULL && to != NULL)
    {
      path[0] = from->item.id;
      path[1] = to->item.id;
    }
  g_object_get (window, "view", &shown, NULL);
  scale = weft_graph_view_get_scale (WEFT_GRAPH_VIEW (weft_window_get_graph (window)));
  weft_graph_view_get_center (WEFT_GRAPH_VIEW (weft_window_get_graph (window)), &x, &y);

  return weft_edit_set (edit, item, "focus", focus != NULL ? focus->item.id : NULL, error) &&
         weft_edit_set_view_hops (edit, view, weft_session_get_focus_hops (session), error) &&
         weft_edit_set (edit, item, "window", window_text, error) &&
         weft_edit_set_list (edit, item, "hidden_kinds", (const char * const *) kinds, error) &&
         weft_edit_set_list (edit, item, "statuses", (const char * const *) statuses, error) &&
         weft_edit_set (edit, item, "search", search != NULL && search[0] != '\0' ? search : NULL, error) &&
         weft_edit_set (edit, item, "selected", selection != NULL ? selection->id : NULL, error) &&
         weft_edit_set_list (edit, item, "path", path[0] != NULL ? path : NULL, error) &&
         weft_edit_set (edit, item, "layout", layout_nicks[shown == WEFT_WINDOW_VIEW_TIMELINE ? WEFT_LAYOUT_TIMELINE
                                                           : shown == WEFT_WINDOW_VIEW_GRAPH ? WEFT_LAYOUT_GRAPH
                                                           : WEFT_LAYOUT_BOTH], error) &&
         weft_edit_set (edit, item, "span", span_text, error) &&
         weft_edit_set_view_split (edit, view, weft_window_get_split (window), error) &&
         /* No zoom before the graph's first layout (a dataset without
          * entities has none). */
         (!(scale > 0) || weft_edit_set_view_graph (edit, view, scale, x, y, error));
}

WeftView *
weft_view_state_create (WeftWindow  *window,
                        WeftEdit    *edit,
                        const char  *title,
                        const char  *note,
                        GError     **error)
{
  WeftDataset *dataset = weft_edit_get_dataset (edit);
  g_autofree char *id = weft_dataset_dup_new_id (dataset, WEFT_ITEM_VIEW, title);
  WeftView *view = (WeftView *) weft_edit_create (edit, WEFT_ITEM_VIEW, id, error);

  if (view == NULL ||
      !weft_edit_set (edit, &view->item, "title", title, error) ||
      !weft_edit_set (edit, &view->item, "note", note != NULL && note[0] != '\0' ? note : NULL, error) ||
      !weft_view_state_record (window, edit, view, error))
    return NULL;
  return view;
}

WeftView *
weft_view_state_dup_session (WeftSession *session)
{
  WeftView *view = g_new0 (WeftView, 1);
  WeftItem *selection = weft_session_get_selection (session);
  WeftEntity *focus = weft_session_get_focus (session);
  WeftEntity *from = weft_session_get_path_from (session);
  WeftEntity *to = weft_session_get_path_to (session);
  gint64 lower, upper;

  view->focus = focus != NULL ? g_strdup (focus->item.id) : NULL;
  view->hops = json_node_init_int (json_node_alloc (), weft_session_get_focus_hops (session));
  if (weft_session_get_window (session, &lower, &upper))
    {
      view->window_text = g_strdup ("");
      view->window.lower = lower;
      view->window.upper = upper;
    }
  view->hidden_kinds = (const char **) names_of (weft_session_get_hidden_kinds (session), WEFT_N_ENTITY_KINDS, kind_name);
  view->statuses = (const char **) names_of (weft_session_get_link_options (session)->statuses, WEFT_N_STATUSES, status_name);
  view->search = g_strdup (weft_session_get_search_text (session));
  view->selected = selection != NULL ? g_strdup (selection->id) : NULL;
  if (from != NULL && to != NULL)
    {
      const char *path[3] = { from->item.id, to->item.id, NULL };

      view->path = (const char **) g_strdupv ((char **) path);
    }
  return view;
}

void
weft_view_state_free (WeftView *view)
{
  if (view == NULL)
    return;
  g_free ((char *) view->focus);
  g_clear_pointer (&view->hops, json_node_unref);
  g_free ((char *) view->window_text);
  g_strfreev ((char **) view->hidden_kinds);
  g_strfreev ((char **) view->statuses);
  g_free ((char *) view->search);
  g_free ((char *) view->selected);
  g_strfreev ((char **) view->path);
  g_free (view);
}

WeftView *
weft_view_state_save (WeftWindow  *window,
                      const char  *title,
                      const char  *note,
                      GError     **error)
{
  WeftEditController *editor = weft_window_get_editor (window);
  WeftUndoStack *stack = editor != NULL ? weft_edit_controller_get_undo_stack (editor) : NULL;
  WeftDataset *dataset = weft_session_get_dataset (weft_window_get_session (window));
  g_autoptr(WeftEdit) edit = NULL;
  g_autofree char *id = NULL;
  g_autofree char *label = NULL;
  WeftView *view;

  if (stack == NULL || dataset == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("There is no dataset to keep a view in"));
      return NULL;
    }
  /* Translators: what Undo undoes after Save View */
  label = g_strdup_printf (_("Save View “%s”"), title);
  edit = weft_undo_stack_begin (stack, label);
  view = weft_view_state_create (window, edit, title, note, error);
  if (view != NULL)
    id = g_strdup (view->item.id);
  if (view == NULL || !weft_undo_stack_commit (stack, edit, error))
    {
      if (weft_edit_get_state (edit) == WEFT_EDIT_OPEN)
        weft_edit_cancel (edit);
      return NULL;
    }
  return weft_dataset_lookup_view (dataset, id);
}

/* ---- Moving the panes ----------------------------------------------------- */

typedef struct {
  GtkWidget *window;    /* weak: the data is the window's */
  guint      tick;
  gint64     start;
  gboolean   has_span;
  double     from_lower, from_upper, to_lower, to_upper;
  gboolean   has_graph;
  double     from_scale, from_x, from_y, to_scale, to_x, to_y;
  gboolean   arrived;   /* then holding the span while the timeline's width settles */
  int        width;
  gint64     hold_until;
} Move;

static void
move_free (gpointer data)
{
  Move *move = data;

  if (move->tick != 0)
    gtk_widget_remove_tick_callback (move->window, move->tick);
  g_free (move);
}

/* The panes at @t (0 to 1) of the way. */
static void
move_to (Move   *move,
         double  t)
{
  WeftWindow *window = WEFT_WINDOW (move->window);
  /* Eased: fast, then settling. */
  double e = 1 - pow (1 - t, 3);

  if (move->has_span)
    weft_timeline_view_set_span (WEFT_TIMELINE_VIEW (weft_window_get_timeline (window)),
                                 move->from_lower + (move->to_lower - move->from_lower) * e,
                                 move->from_upper + (move->to_upper - move->from_upper) * e);
  if (move->has_graph)
    {
      WeftGraphView *graph = WEFT_GRAPH_VIEW (weft_window_get_graph (window));

      /* The zoom on a log scale, so that it neither rushes nor crawls. */
      weft_graph_view_set_scale (graph, exp (log (move->from_scale) + (log (move->to_scale) - log (move->from_scale)) * e));
      weft_graph_view_set_center (graph, move->from_x + (move->to_x - move->from_x) * e,
                                  move->from_y + (move->to_y - move->from_y) * e);
    }
}

static gboolean
move_tick (GtkWidget     *widget,
           GdkFrameClock *clock,
           gpointer       data)
{
  Move *move = data;
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  double t = (now - move->start) / (double) MOVE_USEC;
  WeftWindow *window = WEFT_WINDOW (widget);
  int width = gtk_widget_get_width (weft_window_get_timeline (window));

  if (t < 1)
    {
      move_to (move, MAX (t, 0));
      return G_SOURCE_CONTINUE;
    }
  if (!move->arrived)
    {
      move_to (move, 1);
      move->arrived = TRUE;
      move->width = width;
      move->hold_until = now + HOLD_USEC;
    }
  /* The timeline keeps its scale when its width changes (a pane shown
   * again, the window going full screen): the span again, until the
   * width settles (at most a few seconds). */
  else if (width != move->width && move->has_span)
    {
      move->width = width;
      weft_timeline_view_set_span (WEFT_TIMELINE_VIEW (weft_window_get_timeline (window)), move->to_lower, move->to_upper);
      move->hold_until = MIN (now + HOLD_USEC, move->start + MOVE_USEC + 6 * HOLD_USEC);
    }
  if (now < move->hold_until)
    return G_SOURCE_CONTINUE;
  move->tick = 0;
  g_object_set_data (G_OBJECT (widget), "weft-view-move", NULL);
  return G_SOURCE_REMOVE;
}

void
weft_view_state_move (WeftWindow *window,
                      gboolean    has_span,
                      double      lower,
                      double      upper,
                      gboolean    has_graph,
                      double      scale,
                      double      x,
                      double      y,
                      gboolean    animate)
{
  Move *move = g_new0 (Move, 1);
  WeftGraphView *graph = WEFT_GRAPH_VIEW (weft_window_get_graph (window));
  gboolean animations = TRUE;
  GdkFrameClock *clock;

  /* A move under way stops where it is. */
  g_object_set_data (G_OBJECT (window), "weft-view-move", NULL);
  move->window = GTK_WIDGET (window);
  move->has_span = has_span;
  weft_timeline_view_get_span (WEFT_TIMELINE_VIEW (weft_window_get_timeline (window)), &move->from_lower, &move->from_upper);
  move->to_lower = lower;
  move->to_upper = upper;
  move->has_graph = has_graph && scale > 0;
  move->from_scale = weft_graph_view_get_scale (graph);
  weft_graph_view_get_center (graph, &move->from_x, &move->from_y);
  move->to_scale = scale;
  move->to_x = x;
  move->to_y = y;
  if (!(move->from_scale > 0))
    move->from_scale = scale;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (window)), "gtk-enable-animations", &animations, NULL);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  if (clock == NULL || !gtk_widget_get_mapped (GTK_WIDGET (window)))
    {
      move_to (move, 1);
      g_free (move);
      return;
    }
  move->start = gdk_frame_clock_get_frame_time (clock);
  /* Without animations: there at once, then holding the span. */
  if (!animate || !animations)
    {
      move_to (move, 1);
      move->start -= MOVE_USEC;
    }
  move->tick = gtk_widget_add_tick_callback (GTK_WIDGET (window), move_tick, move, NULL);
  g_object_set_data_full (G_OBJECT (window), "weft-view-move", move, move_free);
}

gboolean
weft_view_state_is_moving (WeftWindow *window)
{
  return g_object_get_data (G_OBJECT (window), "weft-view-move") != NULL;
}

/* ---- Putting it back ------------------------------------------------------ */

/* Adds @id to @missing when it names no item (of @type, unless NONE). */
static void
check_named (WeftDataset  *dataset,
             GString      *missing,
             const char   *id,
             WeftItemType  type)
{
  WeftItem *item = id != NULL ? weft_dataset_lookup (dataset, id) : NULL;

  if (id == NULL || (item != NULL && (type == WEFT_ITEM_NONE || item->type == type)))
    return;
  g_string_append_printf (missing, "%s“%s”", missing->len > 0 ? ", " : "", id);
}

void
weft_view_state_apply (WeftWindow     *window,
                       const WeftView *view,
                       gboolean        animate)
{
  WeftSession *session = weft_window_get_session (window);
  WeftDataset *dataset = weft_session_get_dataset (session);
  g_autoptr(GString) missing = g_string_new (NULL);
  static const WeftWindowView shown[WEFT_N_LAYOUTS] = {
    [WEFT_LAYOUT_BOTH] = WEFT_WINDOW_VIEW_SPLIT,
    [WEFT_LAYOUT_TIMELINE] = WEFT_WINDOW_VIEW_TIMELINE,
    [WEFT_LAYOUT_GRAPH] = WEFT_WINDOW_VIEW_GRAPH,
  };
  gboolean has_span = view->span_text != NULL &&
                      !(view->span.start.flags & WEFT_DATE_FLAG_OPEN) && !(view->span.end.flags & WEFT_DATE_FLAG_OPEN);
  double x = 0, y = 0;
  gboolean has_centre = weft_view_get_centre (view, &x, &y);

  if (dataset == NULL)
    return;
  check_named (dataset, missing, view->focus, WEFT_ITEM_ENTITY);
  check_named (dataset, missing, view->selected, WEFT_ITEM_NONE);
  for (guint i = 0; view->path != NULL && view->path[i] != NULL; i++)
    check_named (dataset, missing, view->path[i], WEFT_ITEM_ENTITY);

  weft_saved_view_apply (view, session);
  if ((guint) view->layout < WEFT_N_LAYOUTS)
    g_object_set (window, "view", shown[view->layout], NULL);
  if (view->layout == WEFT_LAYOUT_BOTH && weft_view_get_split (view) > 0)
    weft_window_set_split (window, weft_view_get_split (view));
  weft_view_state_move (window, has_span, view->span.lower, view->span.upper + 1,
                        has_centre, weft_view_get_zoom (view), x, y, animate);

  /* Not over a presentation: its audience need not read it. */
  if (missing->len > 0 && weft_window_get_presentation_step (window) < 0)
    {
      /* Translators: shown in the banner when a saved view is chosen; %s is its title, then a list of ids */
      g_autofree char *text = g_strdup_printf (_("“%s” names what is no longer in the dataset: %s"),
                                               weft_view_get_title (view), missing->str);

      weft_window_show_notice (window, text, NULL, NULL);
    }
}
