/* test-window-search.c: the window's search results and empty panes
 *
 * Runs under Xvfb (build-aux/test); skips without a display. Screenshots
 * go to the build folder: window-search.png, window-no-entities.png.
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-test"

#include "config.h"

#include <adwaita.h>

#include "weft-application.h"
#include "weft-inspector.h"
#include "weft-sidebar.h"
#include "weft-timeline-view.h"
#include "weft-window.h"
#include "weft-test-gui.h"

static WeftApplication *app;

typedef struct {
  WeftWindow  *window;
  WeftSession *session;
  WeftSidebar *sidebar;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->window = weft_test_window_with_example (GTK_APPLICATION (app), 1400, 900);
  f->session = weft_window_get_session (f->window);
  f->sidebar = WEFT_SIDEBAR (weft_window_get_sidebar (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
}

/* Return in the search field. */
static void
press_return (Fixture *f)
{
  GtkWidget *entry = weft_test_find_type (GTK_WIDGET (f->sidebar), GTK_TYPE_SEARCH_ENTRY);

  g_assert_nonnull (entry);
  g_signal_emit_by_name (entry, "activate");
  weft_test_settle ();
}

static const char *
selected_id (Fixture *f)
{
  WeftItem *item = weft_session_get_selection (f->session);

  return item != NULL ? item->id : NULL;
}

/* "genocide" is in an event's title, two claims, a quote and a relation's
 * label, and in no entity's name: each group under a heading with its
 * count, in the order entities, events, claims, quotes, relations. */
static void
test_groups (Fixture       *f,
             gconstpointer  data)
{
  static const struct { gboolean heading; WeftMatchKind kind; const char *id; } expected[] = {
    { TRUE, WEFT_MATCH_EVENT, NULL },
    { FALSE, WEFT_MATCH_EVENT, "ev-uyghur-genocide-designation" },
    { TRUE, WEFT_MATCH_CLAIM, NULL },
    { FALSE, WEFT_MATCH_CLAIM, "cl-genocide-designation" },
    { FALSE, WEFT_MATCH_CLAIM, "cl-uyghur-genocide" },
    { TRUE, WEFT_MATCH_CITATION, NULL },
    { FALSE, WEFT_MATCH_CITATION, "cl-uyghur-genocide" },
    { TRUE, WEFT_MATCH_RELATION, NULL },
    { FALSE, WEFT_MATCH_RELATION, "rel-trump-administration-accuses-ccp" },
  };
  const char *text;

  weft_session_set_search_text (f->session, "genocide");
  weft_test_settle ();
  g_assert_cmpuint (weft_sidebar_get_n_rows (f->sidebar), ==, G_N_ELEMENTS (expected));
  g_assert_cmpuint (weft_sidebar_get_n_shown (f->sidebar), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(WeftItemObject) row = weft_sidebar_dup_row (f->sidebar, i);

      g_assert_cmpint (weft_item_object_is_heading (row), ==, expected[i].heading);
      if (expected[i].heading)
        {
          g_assert_cmpint (weft_item_object_get_kind (row), ==, expected[i].kind);
          g_assert_cmpuint (weft_item_object_get_count (row), ==, expected[i].kind == WEFT_MATCH_CLAIM ? 2 : 1);
        }
      else
        {
          g_assert_cmpint (weft_item_object_get_match (row)->kind, ==, expected[i].kind);
          g_assert_cmpstr (weft_item_object_get_item (row)->id, ==, expected[i].id);
        }
    }
  /* The counts, as the search field's accessible description says them. */
  text = weft_sidebar_get_count_text (f->sidebar);
  g_assert_cmpstr (text, ==, "1 event, 2 claims, 1 quote, 1 relation");
  g_assert_null (weft_sidebar_get_empty_page (f->sidebar));
  weft_test_save_screenshot (GTK_WIDGET (f->window), "window-search.png");

  /* An entity's name: its group first, counted against all of them. */
  weft_session_set_search_text (f->session, "huawei");
  weft_test_settle ();
  g_assert_cmpuint (weft_sidebar_get_n_shown (f->sidebar), ==, 1);
  g_assert_true (g_str_has_prefix (weft_sidebar_get_count_text (f->sidebar), "1 of 55 entities, "));

  /* Hidden kinds and the time window still filter the entities found. */
  weft_session_set_hidden_kinds (f->session, 1u << WEFT_ENTITY_COMPANY);
  weft_test_settle ();
  g_assert_cmpuint (weft_sidebar_get_n_shown (f->sidebar), ==, 0);
  g_assert_false (g_str_has_prefix (weft_sidebar_get_count_text (f->sidebar), "1 of 55"));
  weft_session_set_hidden_kinds (f->session, 0);
  weft_test_settle ();
  g_assert_cmpuint (weft_sidebar_get_n_shown (f->sidebar), ==, 1);

  /* Back to every entity. */
  weft_session_set_search_text (f->session, "");
  weft_test_settle ();
  g_assert_cmpuint (weft_sidebar_get_n_rows (f->sidebar), ==, 55);
  g_assert_cmpstr (weft_sidebar_get_count_text (f->sidebar), ==, "55 entities");
}

/* Return steps through the results, past the headings, selecting each in
 * the session (a quote selects its claim), and goes round. */
static void
test_return_steps (Fixture       *f,
                   gconstpointer  data)
{
  static const char *order[] = {
    "ev-uyghur-genocide-designation", "cl-genocide-designation", "cl-uyghur-genocide",
    "cl-uyghur-genocide", "rel-trump-administration-accuses-ccp", "ev-uyghur-genocide-designation",
  };

  weft_session_set_search_text (f->session, "genocide");
  weft_test_settle ();
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      press_return (f);
      g_assert_cmpstr (selected_id (f), ==, order[i]);
    }
  /* The timeline follows the session's selection. */
  g_assert_nonnull (weft_timeline_view_get_selected_event (WEFT_TIMELINE_VIEW (weft_window_get_timeline (f->window))));
}

/* A search that finds nothing says so, in the list's place and under the
 * search field. */
static void
test_nothing_found (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *page;

  weft_session_set_search_text (f->session, "zzqqxx");
  weft_test_settle ();
  g_assert_cmpuint (weft_sidebar_get_n_rows (f->sidebar), ==, 0);
  g_assert_cmpstr (weft_sidebar_get_count_text (f->sidebar), ==, "Nothing matches “zzqqxx”");
  page = weft_sidebar_get_empty_page (f->sidebar);
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (page)), ==, "No Results");
  press_return (f);
  g_assert_null (weft_session_get_selection (f->session));
}

static gboolean
is_imported (gpointer data)
{
  WeftDataset *ds = weft_session_get_dataset (weft_window_get_session (data));

  return ds != NULL && !weft_window_is_example (data);
}

/* A TimelineJS file has events and no entities: the window opens on the
 * timeline; the graph's place says there is nothing to connect and why,
 * and the entity list why it is empty. */
static void
test_no_entities (void)
{
  WeftWindow *window = weft_test_window_with_example (GTK_APPLICATION (app), 1280, 800);
  WeftSidebar *sidebar = WEFT_SIDEBAR (weft_window_get_sidebar (window));
  g_autofree char *path = weft_test_write_tmp ("pioneers.json",
    "{\"title\": {\"text\": {\"headline\": \"Pioneers\"}},\n"
    " \"events\": [{\"start_date\": {\"year\": \"1843\"}, \"text\": {\"headline\": \"Ada Lovelace publishes her notes\"}},\n"
    "            {\"start_date\": {\"year\": \"1952\"}, \"text\": {\"headline\": \"Grace Hopper's compiler\"}}]}\n");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  WeftWindowView view;
  GtkWidget *page;

  g_object_get (window, "view", &view, NULL);
  g_assert_cmpint (view, ==, WEFT_WINDOW_VIEW_SPLIT);
  g_assert_true (gtk_widget_grab_focus (weft_window_get_graph (window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-recent", "s", uri));
  g_assert_true (weft_test_wait_for (is_imported, window));
  weft_test_settle ();
  g_assert_cmpuint (weft_dataset_get_entities (weft_session_get_dataset (weft_window_get_session (window)))->len, ==, 0);

  g_object_get (window, "view", &view, NULL);
  g_assert_cmpint (view, ==, WEFT_WINDOW_VIEW_TIMELINE);
  /* Keyboard focus went from the graph to the timeline, not nowhere. */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == weft_window_get_timeline (window));
  page = weft_sidebar_get_empty_page (sidebar);
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (page)), ==, "No Entities");
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (page)), "on the timeline"));
  weft_test_save_screenshot (GTK_WIDGET (window), "window-no-entities.png");

  /* Asked for, the graph's place says what is true. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "graph"));
  weft_test_settle ();
  page = weft_test_find_status_page (GTK_WIDGET (window), "No Entities to Connect");
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (page)), "on the timeline"));
  g_assert_false (gtk_widget_get_mapped (weft_window_get_graph (window)));
  /* Its words take keyboard focus in the graph's place when a pane closes
   * with it (here the inspector). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-inspector", NULL));
  weft_test_settle ();
  g_assert_true (weft_inspector_grab_heading (WEFT_INSPECTOR (weft_window_get_inspector (window))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-inspector", NULL));
  weft_test_settle ();
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == page);
  weft_test_save_screenshot (GTK_WIDGET (window), "window-no-entities-graph.png");

  /* The example again: its graph back. */
  weft_window_open_example (window);
  g_assert_true (weft_test_wait_for ((WeftTestCondition) weft_window_is_example, window));
  weft_test_settle ();
  g_assert_true (gtk_widget_get_mapped (weft_window_get_graph (window)));
  g_assert_false (gtk_widget_get_mapped (page));
  g_assert_null (weft_sidebar_get_empty_page (sidebar));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A list emptied under keyboard focus hands it to the search field. */
static void
test_focus_kept (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *list = weft_test_find_type (GTK_WIDGET (f->sidebar), GTK_TYPE_LIST_VIEW);
  GtkWidget *entry = weft_test_find_type (GTK_WIDGET (f->sidebar), GTK_TYPE_SEARCH_ENTRY);
  GtkWidget *focus;

  g_assert_true (gtk_widget_grab_focus (list));
  weft_test_settle ();
  weft_session_set_hidden_kinds (f->session, (1u << WEFT_N_ENTITY_KINDS) - 1);
  weft_test_settle ();
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (weft_sidebar_get_empty_page (f->sidebar))), ==,
                   "No Entity Shown");
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
  weft_session_set_hidden_kinds (f->session, 0);
}

int
main (int    argc,
      char **argv)
{
  if (!weft_test_gui_init (&argc, &argv))
    return 0;
  app = weft_test_get_application ();

  g_test_add ("/weft/window-search/groups", Fixture, NULL, fixture_set_up, test_groups, fixture_tear_down);
  g_test_add ("/weft/window-search/return-steps", Fixture, NULL, fixture_set_up, test_return_steps, fixture_tear_down);
  g_test_add ("/weft/window-search/nothing-found", Fixture, NULL, fixture_set_up, test_nothing_found, fixture_tear_down);

  g_test_add_func ("/weft/window-search/no-entities", test_no_entities);
  g_test_add ("/weft/window-search/focus-kept", Fixture, NULL, fixture_set_up, test_focus_kept, fixture_tear_down);

  return weft_test_run ();
}
