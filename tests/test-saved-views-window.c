/* test-saved-views-window.c: saved views and stories in the window
 *
 * Runs under Xvfb (build-aux/test); skips without a display. Screenshots
 * go to the build folder: saved-views-sidebar.png, saved-views-story.png.
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-test"

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "weft-application.h"
#include "weft-graph-view.h"
#include "weft-save-view-dialog.h"
#include "weft-saved-views.h"
#include "weft-saved-views-list.h"
#include "weft-sidebar.h"
#include "weft-story-dialogs.h"
#include "weft-timeline-view.h"
#include "weft-view-state.h"
#include "weft-window.h"
#include "weft-test-gui.h"

static WeftApplication *app;

static WeftDataset *
dataset_of (WeftWindow *window)
{
  return weft_session_get_dataset (weft_window_get_session (window));
}

static gboolean
graph_is_idle (gpointer data)
{
  return !weft_graph_view_get_busy (data) && weft_graph_view_get_layout (data) != NULL;
}

/* Whether the panes kept their sizes for a quarter of a second. */
static gboolean
is_sized (gpointer data)
{
  static int width, height;
  static gint64 since;
  GtkWidget *timeline = weft_window_get_timeline (data);
  GtkWidget *graph = weft_window_get_graph (data);
  int w = gtk_widget_get_width (timeline) * 10000 + gtk_widget_get_width (graph);
  int h = gtk_widget_get_height (timeline) * 10000 + gtk_widget_get_height (graph);

  if (w != width || h != height || since == 0)
    {
      width = w;
      height = h;
      since = g_get_monotonic_time ();
    }
  return g_get_monotonic_time () - since >= 250 * G_TIME_SPAN_MILLISECOND;
}

/* Not moving, the graph laid out, and the window done finding its size
 * (under load, its first allocations come late: a view put back before
 * then meets a timeline of another width, which keeps its scale). */
static gboolean
is_still (gpointer data)
{
  return !weft_view_state_is_moving (data) && graph_is_idle (weft_window_get_graph (data)) && is_sized (data);
}

/* A window showing @path (or a copy of tests/data/views.weft, whose path
 * goes into *@copy when not NULL). */
static WeftWindow *
window_with (const char  *path,
             char       **copy)
{
  WeftWindow *window = weft_test_window_with_example (GTK_APPLICATION (app), 1280, 800);
  g_autofree char *written = NULL;
  g_autoptr(GFile) file = NULL;

  if (path == NULL)
    {
      g_autofree char *source = weft_test_build_data_path ("views.weft", NULL);
      g_autofree char *contents = weft_test_read_file (source, NULL);

      written = weft_test_write_tmp ("views.weft", contents);
      path = written;
    }
  file = g_file_new_for_path (path);
  weft_window_open (window, file, NULL, NULL);
  g_assert_true (weft_test_wait_for_title (window, "Smart cities, with saved views and a story"));
  weft_test_settle ();
  g_assert_true (weft_test_wait_for (is_still, window));
  if (copy != NULL)
    *copy = g_steal_pointer (&written);
  return window;
}

static WeftSavedViewsList *
list_of (WeftWindow *window)
{
  return WEFT_SAVED_VIEWS_LIST (weft_sidebar_get_saved_views (WEFT_SIDEBAR (weft_window_get_sidebar (window))));
}

static guint
n_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

/* The id of the view row @i chooses. */
static const char *
row_id (WeftWindow *window,
        guint       i)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (weft_saved_views_list_get_views (list_of (window)), i);

  g_assert_nonnull (row);
  return g_object_get_data (G_OBJECT (row), "weft-id");
}

/* The AdwMessageDialog over @window, shown. */
static AdwMessageDialog *
find_dialog (WeftWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_window_get_transient_for (GTK_WINDOW (toplevel)) == GTK_WINDOW (window) &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return ADW_MESSAGE_DIALOG (toplevel);
    }
  return NULL;
}

static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_object_ref (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  weft_test_spin (50);
}

/* What the window shows, as a saved view records it. */
typedef struct {
  char          *focus;
  guint          hops;
  gboolean       has_window;
  gint64         lower, upper;
  guint          hidden;
  guint          statuses;
  char          *search;
  char          *selected;
  char          *from, *to;
  WeftWindowView view;
  int            width;
  double         span_lower, span_upper;
  double         scale, x, y;
  double         split;
} State;

static void
state_take (State      *state,
            WeftWindow *window)
{
  WeftSession *session = weft_window_get_session (window);
  WeftItem *selection = weft_session_get_selection (session);

  state->focus = weft_session_get_focus (session) ? g_strdup (weft_session_get_focus (session)->item.id) : NULL;
  state->hops = weft_session_get_focus_hops (session);
  state->has_window = weft_session_get_window (session, &state->lower, &state->upper);
  state->hidden = weft_session_get_hidden_kinds (session);
  state->statuses = weft_session_get_link_options (session)->statuses;
  state->search = g_strdup (weft_session_get_search_text (session));
  state->selected = selection != NULL ? g_strdup (selection->id) : NULL;
  state->from = weft_session_get_path_from (session) ? g_strdup (weft_session_get_path_from (session)->item.id) : NULL;
  state->to = weft_session_get_path_to (session) ? g_strdup (weft_session_get_path_to (session)->item.id) : NULL;
  g_object_get (window, "view", &state->view, NULL);
  state->split = weft_window_get_split (window);
  state->width = gtk_widget_get_width (weft_window_get_timeline (window));
  weft_timeline_view_get_span (WEFT_TIMELINE_VIEW (weft_window_get_timeline (window)), &state->span_lower, &state->span_upper);
  state->scale = weft_graph_view_get_scale (WEFT_GRAPH_VIEW (weft_window_get_graph (window)));
  weft_graph_view_get_center (WEFT_GRAPH_VIEW (weft_window_get_graph (window)), &state->x, &state->y);
}

static void
state_clear (State *state)
{
  g_free (state->focus);
  g_free (state->search);
  g_free (state->selected);
  g_free (state->from);
  g_free (state->to);
}

static void
assert_state (const State *a,
              const State *b)
{
  g_assert_cmpstr (a->focus, ==, b->focus);
  g_assert_cmpuint (a->hops, ==, b->hops);
  g_assert_cmpint (a->has_window, ==, b->has_window);
  g_assert_cmpint (a->lower, ==, b->lower);
  g_assert_cmpint (a->upper, ==, b->upper);
  g_assert_cmpuint (a->hidden, ==, b->hidden);
  g_assert_cmpuint (a->statuses, ==, b->statuses);
  g_assert_cmpstr (a->search, ==, b->search);
  g_assert_cmpstr (a->selected, ==, b->selected);
  g_assert_cmpstr (a->from, ==, b->from);
  g_assert_cmpstr (a->to, ==, b->to);
  g_assert_cmpint (a->view, ==, b->view);
  /* The divider within a pixel or so of the same share. */
  g_assert_cmpfloat_with_epsilon (a->split, b->split, 0.01);
  /* The same width, or the same span could not show. */
  g_assert_cmpint (a->width, ==, b->width);
  g_assert_cmpfloat_with_epsilon (a->span_lower, b->span_lower, 1e-6);
  g_assert_cmpfloat_with_epsilon (a->span_upper, b->span_upper, 1e-6);
  g_assert_cmpfloat_with_epsilon (a->scale, b->scale, 1e-6);
  /* The centre within half a layout point, as leaving presentation
   * restores it (test-window-present): the graph keeps it through a size
   * change of its pane by whole pixels. */
  g_assert_cmpfloat_with_epsilon (a->x, b->x, 0.5);
  g_assert_cmpfloat_with_epsilon (a->y, b->y, 0.5);
}

/* Save View through its dialog, under @title; the new view. */
static WeftView *
save_view (WeftWindow *window,
           const char *title,
           const char *note)
{
  guint before = weft_dataset_get_views (dataset_of (window))->len;
  AdwMessageDialog *dialog;
  GPtrArray *views;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-view", NULL));
  weft_test_spin (50);
  dialog = find_dialog (window);
  g_assert_nonnull (dialog);
  /* The title it suggests says what is shown. */
  g_assert_cmpstr (gtk_editable_get_text (weft_text_dialog_get_entry (dialog, 0)), !=, "");
  gtk_editable_set_text (weft_text_dialog_get_entry (dialog, 0), title);
  gtk_editable_set_text (weft_text_dialog_get_entry (dialog, 1), note);
  respond (dialog, "accept");
  views = weft_dataset_get_views (dataset_of (window));
  g_assert_cmpuint (views->len, ==, before + 1);
  return g_ptr_array_index (views, views->len - 1);
}

/* A state unlike the file's: every member set. */
static void
set_state (WeftWindow *window)
{
  WeftSession *session = weft_window_get_session (window);
  WeftDataset *dataset = dataset_of (window);
  WeftGraphView *graph = WEFT_GRAPH_VIEW (weft_window_get_graph (window));
  WeftLinkOptions links = *weft_session_get_link_options (session);

  weft_session_set_focus (session, weft_dataset_lookup_entity (dataset, "ent-dahua"));
  weft_session_set_focus_hops (session, 3);
  weft_session_set_window (session, weft_days_from_civil (2016, 3, 1), weft_days_from_civil (2021, 6, 30));
  weft_session_set_hidden_kinds (session, 1u << WEFT_ENTITY_PLACE);
  links.statuses = (1u << WEFT_STATUS_CONFIRMED) | (1u << WEFT_STATUS_REPORTED);
  weft_session_set_link_options (session, &links);
  weft_session_set_search_text (session, "camera");
  weft_session_select_id (session, "ent-hikvision");
  weft_session_set_path (session, weft_dataset_lookup_entity (dataset, "ent-ibm"),
                         weft_dataset_lookup_entity (dataset, "ent-dahua"));
  g_object_set (window, "view", WEFT_WINDOW_VIEW_SPLIT, NULL);
  weft_test_settle ();
  weft_window_set_split (window, 0.42);
  weft_test_settle ();
  g_assert_cmpfloat_with_epsilon (weft_window_get_split (window), 0.42, 0.01);
  g_assert_true (weft_test_wait_for (is_still, window));
  weft_timeline_view_set_span (WEFT_TIMELINE_VIEW (weft_window_get_timeline (window)),
                               weft_days_from_civil (2014, 1, 1), weft_days_from_civil (2022, 1, 1));
  weft_graph_view_set_scale (graph, 1.7);
  weft_graph_view_set_center (graph, 40.25, -12.5);
  weft_test_settle ();
}

/* Save View keeps both panes; the view comes back exactly in the file
 * saved and opened again. */
static void
test_restores (void)
{
  g_autofree char *path = NULL;
  WeftWindow *window = window_with (NULL, &path);
  WeftEditController *editor = weft_window_get_editor (window);
  WeftSession *session;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  State saved = { 0 }, again = { 0 };
  WeftView *view;
  double lower, upper;

  set_state (window);
  state_take (&saved, window);
  g_assert_false (weft_edit_controller_get_modified (editor));
  view = save_view (window, "Dahua's cameras", "Who sold them");
  id = g_strdup (view->item.id);
  g_assert_cmpstr (view->title, ==, "Dahua's cameras");
  g_assert_cmpstr (view->note, ==, "Who sold them");
  g_assert_true (weft_edit_controller_get_modified (editor));
  /* The sidebar lists it last. */
  g_assert_cmpuint (n_rows (weft_saved_views_list_get_views (list_of (window))), ==, 3);
  g_assert_cmpstr (row_id (window, 2), ==, id);
  g_assert_true (weft_edit_controller_save (editor, file, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (window));

  window = window_with (path, NULL);
  session = weft_window_get_session (window);
  g_assert_nonnull (weft_dataset_lookup_view (dataset_of (window), id));
  g_assert_null (weft_session_get_focus (session));
  /* Choosing its row brings it all back. */
  g_signal_emit_by_name (weft_saved_views_list_get_views (list_of (window)), "row-activated",
                         gtk_list_box_get_row_at_index (weft_saved_views_list_get_views (list_of (window)), 2));
  weft_test_settle ();
  g_assert_true (weft_test_wait_for (is_still, window));
  weft_test_settle ();
  state_take (&again, window);
  /* The span is kept in whole days. */
  saved.span_lower = floor (saved.span_lower);
  saved.span_upper = ceil (saved.span_upper);
  assert_state (&again, &saved);
  state_clear (&again);

  /* From another state, the same again, also with animations off. */
  g_object_set (gtk_widget_get_settings (GTK_WIDGET (window)), "gtk-enable-animations", FALSE, NULL);
  weft_session_set_focus (session, NULL);
  weft_session_set_search_text (session, "");
  g_object_set (window, "view", WEFT_WINDOW_VIEW_GRAPH, NULL);
  weft_test_settle ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.apply-view", "s", id));
  /* No animation: the span and the graph's zoom there at once. */
  weft_timeline_view_get_span (WEFT_TIMELINE_VIEW (weft_window_get_timeline (window)), &lower, &upper);
  g_assert_cmpfloat (lower, ==, saved.span_lower);
  g_assert_cmpfloat (upper, ==, saved.span_upper);
  g_assert_cmpfloat_with_epsilon (weft_graph_view_get_scale (WEFT_GRAPH_VIEW (weft_window_get_graph (window))), saved.scale, 1e-6);
  weft_test_settle ();
  g_assert_true (weft_test_wait_for (is_still, window));
  state_take (&again, window);
  assert_state (&again, &saved);
  g_object_set (gtk_widget_get_settings (GTK_WIDGET (window)), "gtk-enable-animations", TRUE, NULL);

  state_clear (&saved);
  state_clear (&again);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A view naming an entity that is gone says so, and shows the rest. */
static void
test_missing (void)
{
  g_autofree char *source = weft_test_build_data_path ("views.weft", NULL);
  g_autofree char *contents = weft_test_read_file (source, NULL);
  g_auto(GStrv) parts = g_strsplit (contents, "\"focus\": \"ent-huawei\"", -1);
  g_autofree char *changed = g_strjoinv ("\"focus\": \"ent-deleted\"", parts);
  g_autofree char *path = weft_test_write_tmp ("views-missing.weft", changed);
  WeftWindow *window;
  WeftSession *session;
  gint64 lower, upper;
  const char *banner;

  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  window = window_with (path, NULL);
  session = weft_window_get_session (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.apply-view", "s", "view-huawei"));
  weft_test_settle ();
  banner = weft_window_get_banner_text (window);
  g_assert_nonnull (banner);
  g_assert_nonnull (strstr (banner, "ent-deleted"));
  g_assert_null (weft_session_get_focus (session));
  g_assert_true (weft_session_get_window (session, &lower, &upper));
  g_assert_cmpint (lower, ==, weft_days_from_civil (2015, 1, 1));
  g_assert_cmpstr (weft_session_get_search_text (session), ==, "Huawei");
  g_assert_cmpstr (weft_session_get_selection (session)->id, ==, "ent-huawei");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* What the presentation card says, a line a label. */
static char *
card_text (WeftWindow *window)
{
  GString *text = g_string_new (NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (weft_window_get_presentation_card (window));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child))
      g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (child)));
  return g_string_free (text, FALSE);
}

static void
assert_card_has (WeftWindow *window,
                 const char *line)
{
  g_autofree char *text = card_text (window);

  if (strstr (text, line) == NULL)
    g_error ("the card says\n%s\nwithout “%s”", text, line);
}

/* Add to Story: to story @story (G_MAXUINT: a new one, @title), the
 * current state ("view") or the selected event ("event"), with @note. */
static void
add_step (WeftWindow *window,
          guint       story,
          const char *title,
          const char *note,
          const char *response)
{
  AdwMessageDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-to-story", NULL));
  weft_test_spin (50);
  dialog = find_dialog (window);
  g_assert_nonnull (dialog);
  weft_add_to_story_set (dialog, story, title, note);
  respond (dialog, response);
}

/* F5 offers the stories; a story presents its steps in order, each with
 * its note, views moving the panes there; Escape puts all back. */
static void
test_story (void)
{
  WeftWindow *window = window_with (NULL, NULL);
  WeftSession *session = weft_window_get_session (window);
  WeftTimelineView *timeline = WEFT_TIMELINE_VIEW (weft_window_get_timeline (window));
  AdwMessageDialog *chooser;
  double lower, upper, lower2, upper2;

  /* The chooser: every event, then the story. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  weft_test_spin (50);
  chooser = find_dialog (window);
  g_assert_nonnull (chooser);
  g_assert_cmpint (weft_window_get_presentation_step (window), ==, -1);
  respond (chooser, "cancel");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present-story", "s", "story-smart-cities"));
  weft_test_settle ();
  g_assert_cmpint (weft_window_get_presentation_step (window), ==, 0);
  g_assert_cmpstr (weft_window_get_presented_event (window)->item.id, ==, "ev-ibm-coins-smart-city");
  assert_card_has (window, "1 of 4");
  assert_card_has (window, "IBM names the idea.");

  /* A view: its state, the panes moving there. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present-next", NULL));
  g_assert_true (weft_view_state_is_moving (window));
  g_assert_true (weft_test_wait_for (is_still, window));
  weft_test_settle ();
  g_assert_cmpint (weft_window_get_presentation_step (window), ==, 1);
  g_assert_null (weft_window_get_presented_event (window));
  assert_card_has (window, "2 of 4");
  assert_card_has (window, "Huawei builds them abroad.");
  assert_card_has (window, "Huawei, two hops, 2015–2020");
  g_assert_cmpstr (weft_session_get_focus (session)->item.id, ==, "ent-huawei");
  g_assert_cmpuint (weft_session_get_focus_hops (session), ==, 2);
  weft_timeline_view_get_span (timeline, &lower, &upper);
  g_assert_cmpfloat (lower, ==, weft_days_from_civil (2015, 1, 1));
  g_assert_cmpfloat (upper, ==, weft_days_from_civil (2021, 1, 1));
  weft_test_save_screenshot (GTK_WIDGET (window), "saved-views-story.png");

  weft_timeline_view_get_span (timeline, &lower, &upper);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present-next", NULL));
  /* The timeline moves to the event (2020) from where the view left it. */
  g_assert_true (weft_view_state_is_moving (window));
  weft_timeline_view_get_span (timeline, &lower2, &upper2);
  g_assert_cmpfloat (lower2, ==, lower);
  g_assert_cmpfloat (upper2, ==, upper);
  g_assert_true (weft_test_wait_for (is_still, window));
  weft_timeline_view_get_span (timeline, &lower2, &upper2);
  g_assert_true (lower2 != lower || upper2 != upper);
  weft_test_settle ();
  g_assert_cmpint (weft_window_get_presentation_step (window), ==, 2);
  g_assert_cmpstr (weft_window_get_presented_event (window)->item.id, ==, "ev-smart-city-exports-tally");
  assert_card_has (window, "3 of 4");
  assert_card_has (window, "The exports are counted.");
  /* An event after a view: the filters as presentation began. */
  g_assert_cmpstr (weft_session_get_search_text (session), ==, "");
  g_assert_false (weft_session_get_window (session, NULL, NULL));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.present-leave", NULL);
  weft_test_settle ();
  g_assert_cmpint (weft_window_get_presentation_step (window), ==, -1);
  g_assert_null (weft_session_get_focus (session));
  g_assert_cmpstr (weft_session_get_search_text (session), ==, "");
  g_assert_false (weft_session_get_window (session, NULL, NULL));

  /* A story of three steps made in the window with Add to Story: a view,
   * an event, a view; presented in that order with its notes. */
  weft_session_set_focus (session, weft_dataset_lookup_entity (dataset_of (window), "ent-dahua"));
  add_step (window, G_MAXUINT, "Three steps", "First, Dahua.", "view");
  weft_session_select_id (session, "ev-ibm-coins-smart-city");
  add_step (window, 1, NULL, "Then, IBM.", "event");
  weft_session_set_focus (session, weft_dataset_lookup_entity (dataset_of (window), "ent-hikvision"));
  add_step (window, 1, NULL, "Last, Hikvision.", "view");
  g_assert_cmpuint (weft_dataset_get_stories (dataset_of (window))->len, ==, 2);
  g_assert_cmpuint (((WeftStory *) g_ptr_array_index (weft_dataset_get_stories (dataset_of (window)), 1))->n_steps, ==, 3);
  weft_session_set_focus (session, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present-story", "s",
                                             ((WeftItem *) g_ptr_array_index (weft_dataset_get_stories (dataset_of (window)), 1))->id));
  g_assert_true (weft_test_wait_for (is_still, window));
  assert_card_has (window, "1 of 3");
  assert_card_has (window, "First, Dahua.");
  g_assert_cmpstr (weft_session_get_focus (session)->item.id, ==, "ent-dahua");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present-next", NULL));
  g_assert_true (weft_test_wait_for (is_still, window));
  assert_card_has (window, "2 of 3");
  assert_card_has (window, "Then, IBM.");
  g_assert_cmpstr (weft_window_get_presented_event (window)->item.id, ==, "ev-ibm-coins-smart-city");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present-next", NULL));
  g_assert_true (weft_test_wait_for (is_still, window));
  assert_card_has (window, "3 of 3");
  assert_card_has (window, "Last, Hikvision.");
  g_assert_cmpstr (weft_session_get_focus (session)->item.id, ==, "ent-hikvision");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present-leave", NULL);
  weft_test_settle ();
  g_assert_null (weft_session_get_focus (session));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Undo takes a saved view out of the sidebar; renaming, moving, deleting
 * and adding to a story are undoable too. */
static void
test_undo (void)
{
  WeftWindow *window = window_with (NULL, NULL);
  WeftDataset *dataset = dataset_of (window);
  WeftSavedViewsList *list = list_of (window);
  GtkListBox *views = weft_saved_views_list_get_views (list);
  GtkListBox *stories = weft_saved_views_list_get_stories (list);
  WeftStory *story = weft_dataset_lookup_story (dataset, "story-smart-cities");
  AdwMessageDialog *dialog;
  g_autofree char *id = NULL;

  g_assert_cmpuint (n_rows (views), ==, 2);
  /* The story and its four steps. */
  g_assert_cmpuint (n_rows (stories), ==, 5);
  id = g_strdup (save_view (window, "Kept", "")->item.id);
  g_assert_cmpuint (n_rows (views), ==, 3);
  weft_test_save_screenshot (GTK_WIDGET (window), "saved-views-sidebar.png");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "edit.undo", NULL));
  weft_test_spin (50);
  g_assert_cmpuint (n_rows (views), ==, 2);
  g_assert_null (weft_dataset_lookup_view (dataset, id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "edit.redo", NULL));
  weft_test_spin (50);
  g_assert_cmpuint (n_rows (views), ==, 3);

  /* Rename. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "views.rename", "s", id));
  weft_test_spin (50);
  dialog = find_dialog (window);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (weft_text_dialog_get_entry (dialog, 0), "Renamed");
  respond (dialog, "accept");
  g_assert_cmpstr (weft_dataset_lookup_view (dataset, id)->title, ==, "Renamed");

  /* Move the first view down: ids follow their views, the story's steps
   * still name the same views. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "views.down", "s", "view-huawei"));
  weft_test_spin (50);
  g_assert_cmpstr (row_id (window, 0), ==, "view-ibm-ccp");
  g_assert_cmpstr (row_id (window, 1), ==, "view-huawei");
  g_assert_cmpstr (weft_dataset_lookup_view (dataset, "view-huawei")->title, ==, "Huawei, two hops, 2015–2020");
  g_assert_cmpstr (weft_dataset_lookup_view (dataset, "view-ibm-ccp")->title, ==, "From IBM to the CCP");
  story = weft_dataset_lookup_story (dataset, "story-smart-cities");
  g_assert_cmpstr (story->steps[1].view, ==, "view-huawei");
  g_assert_cmpstr (story->steps[3].view, ==, "view-ibm-ccp");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "edit.undo", NULL));
  weft_test_spin (50);
  g_assert_cmpstr (row_id (window, 0), ==, "view-huawei");

  /* Add to Story: the current state as a new view step, then undone. */
  add_step (window, 0, NULL, "And now", "view");
  story = weft_dataset_lookup_story (dataset, "story-smart-cities");
  g_assert_cmpuint (story->n_steps, ==, 5);
  g_assert_cmpstr (story->steps[4].note, ==, "And now");
  g_assert_nonnull (weft_dataset_lookup_view (dataset, story->steps[4].view));
  g_assert_cmpuint (n_rows (views), ==, 4);
  g_assert_cmpuint (n_rows (stories), ==, 6);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "edit.undo", NULL));
  weft_test_spin (50);
  story = weft_dataset_lookup_story (dataset, "story-smart-cities");
  g_assert_cmpuint (story->n_steps, ==, 4);
  g_assert_cmpuint (n_rows (views), ==, 3);

  /* A step moved, then removed; delete a view. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "views.step-down", "(su)", "story-smart-cities", 0));
  weft_test_spin (50);
  story = weft_dataset_lookup_story (dataset, "story-smart-cities");
  g_assert_cmpstr (story->steps[1].event, ==, "ev-ibm-coins-smart-city");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "views.step-remove", "(su)", "story-smart-cities", 1));
  weft_test_spin (50);
  story = weft_dataset_lookup_story (dataset, "story-smart-cities");
  g_assert_cmpuint (story->n_steps, ==, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "views.delete", "s", id));
  weft_test_spin (50);
  g_assert_cmpuint (n_rows (views), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "edit.undo", NULL));
  weft_test_spin (50);
  g_assert_cmpuint (n_rows (views), ==, 3);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  if (!weft_test_gui_init (&argc, &argv))
    return 0;
  app = weft_test_get_application ();

  g_test_add_func ("/weft/saved-views-window/restores", test_restores);
  g_test_add_func ("/weft/saved-views-window/missing", test_missing);
  g_test_add_func ("/weft/saved-views-window/story", test_story);
  g_test_add_func ("/weft/saved-views-window/undo", test_undo);

  return weft_test_run ();
}
