/* test-window.c: the application window, driven through its actions
 *
 * Runs under Xvfb (build-aux/test); returns 77 (skip) without a display.
 * Screenshots go to the build folder: window-light.png, window-dark.png,
 * window-narrow.png, window-presentation.png.
 *
 * SPDX-License-Identifier: MIT
 */
#include "config.h"

#include <locale.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "weft-application.h"
#include "weft-inspector.h"
#include "weft-loader.h"
#include "weft-sidebar.h"
#include "weft-window.h"
#include "weft-test-gui.h"

static WeftApplication *app;

/* ---- Helpers ------------------------------------------------------------ */

static gboolean
has_banner (gpointer data)
{
  return weft_window_get_banner_text (data) != NULL;
}

static gboolean
is_compact (gpointer data)
{
  return weft_window_get_compact (data);
}

/* At most 560 pixels wide, the size asked for (which counts the
 * window's shadow too). */
static gboolean
is_narrow (gpointer data)
{
  return gtk_widget_get_width (data) <= 560;
}

static gboolean
is_wide (gpointer data)
{
  return !weft_window_get_compact (data) && gtk_widget_get_width (data) > 1100;
}

static char *
write_temp (const char *name,
            const char *contents)
{
  g_autofree char *dir = g_dir_make_tmp ("weft-window-XXXXXX", NULL);
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static char *
fixture_copy (void)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "network.weft", NULL);
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
  return write_temp ("network.weft", contents);
}

static void
open_by_action (WeftWindow *window,
                const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-recent", "s", uri));
}

static gboolean
title_is_network (gpointer data)
{
  WeftDataset *ds = weft_session_get_dataset (weft_window_get_session (data));

  return ds != NULL && g_strcmp0 (weft_dataset_get_title (ds), "A small network") == 0;
}

static GtkSingleSelection *
sidebar_selection (WeftWindow *window)
{
  GtkWidget *widget = weft_window_get_sidebar (window);
  GtkWidget *stack[64];
  guint n = 0;

  /* Find the list view inside the sidebar. */
  stack[n++] = widget;
  while (n > 0)
    {
      GtkWidget *w = stack[--n];

      if (GTK_IS_LIST_VIEW (w))
        return GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (w)));
      for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL && n < G_N_ELEMENTS (stack); c = gtk_widget_get_next_sibling (c))
        stack[n++] = c;
    }
  g_assert_not_reached ();
  return NULL;
}

/* The first button in @widget whose "weft-id" is @id. */
static GtkWidget *
find_link (GtkWidget  *widget,
           const char *id)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (g_object_get_data (G_OBJECT (widget), "weft-id"), id) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_link (c, id);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* ---- Tests -------------------------------------------------------------- */

static void
test_example (void)
{
  WeftWindow *window = weft_test_window_with_example (GTK_APPLICATION (app), 1400, 900);
  WeftSession *session = weft_window_get_session (window);

  g_assert_true (weft_window_is_example (window));
  g_assert_null (weft_window_get_file (window));
  g_assert_cmpuint (weft_dataset_get_entities (weft_session_get_dataset (session))->len, ==, 55);
  g_assert_cmpuint (weft_sidebar_get_n_shown (WEFT_SIDEBAR (weft_window_get_sidebar (window))), ==, 55);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Example — Weft");
  /* The welcome banner explains what this is. */
  g_assert_nonnull (weft_window_get_banner_text (window));
  g_assert_nonnull (strstr (weft_window_get_banner_text (window), "example"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_open_action (void)
{
  WeftWindow *window = weft_test_window_with_example (GTK_APPLICATION (app), 1400, 900);
  g_autofree char *path = fixture_copy ();

  open_by_action (window, path);
  g_assert_true (weft_test_wait_for (title_is_network, window));
  weft_test_settle ();

  g_assert_false (weft_window_is_example (window));
  g_assert_nonnull (weft_window_get_file (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "network.weft — Weft");
  g_assert_null (weft_window_get_banner_text (window));
  g_assert_cmpuint (weft_sidebar_get_n_shown (WEFT_SIDEBAR (weft_window_get_sidebar (window))), ==, 5);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_imported (gpointer data)
{
  WeftDataset *ds = weft_session_get_dataset (weft_window_get_session (data));

  return ds != NULL && !weft_window_is_example (data);
}

static void
test_import (void)
{
  WeftWindow *window = weft_test_window_with_example (GTK_APPLICATION (app), 1400, 900);
  const char *corpus = g_getenv ("WEFT_CORPUS");
  g_autofree char *path = NULL;
  WeftDataset *ds;

  if (corpus == NULL || !g_file_test (corpus, G_FILE_TEST_IS_DIR))
    {
      gtk_window_destroy (GTK_WINDOW (window));
      g_test_skip ("the shared corpus is not beside the repository");
      return;
    }

  /* A TimelineJS file (Knight Lab, MPL-2.0) opens like a dataset… */
  path = g_build_filename (corpus, "timelinejs", "eras.json", NULL);
  open_by_action (window, path);
  g_assert_true (weft_test_wait_for (is_imported, window));
  weft_test_settle ();
  ds = weft_session_get_dataset (weft_window_get_session (window));
  g_assert_cmpuint (weft_dataset_get_eras (ds)->len, ==, 3);
  g_assert_cmpuint (weft_dataset_get_events (ds)->len, >, 0);

  /* …but is not the window's file: Save will not write over it. */
  g_assert_null (weft_window_get_file (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "eras.json (imported) — Weft");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_broken_file_keeps_document (void)
{
  WeftWindow *window = weft_test_window_with_example (GTK_APPLICATION (app), 1400, 900);
  WeftDataset *before = weft_session_get_dataset (weft_window_get_session (window));
  g_autofree char *path = write_temp ("broken.weft",
                                      "{\n  \"weft\": 1,\n  \"title\": \"Broken\",\n"
                                      "  \"entities\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"corp\"}]\n}\n");
  const char *banner;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.dismiss-banner", NULL);
  weft_test_settle ();
  g_assert_null (weft_window_get_banner_text (window));

  open_by_action (window, path);
  g_assert_true (weft_test_wait_for (has_banner, window));
  banner = weft_window_get_banner_text (window);
  g_test_message ("banner: %s", banner);

  /* The document on screen is the one that was there. */
  g_assert_true (weft_session_get_dataset (weft_window_get_session (window)) == before);
  g_assert_true (weft_window_is_example (window));
  /* The banner names the file, line and column of the problem. */
  g_assert_nonnull (strstr (banner, "broken.weft:4:49: error: entities[0].kind"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_linked_selection (void)
{
  WeftWindow *window = weft_test_window_with_example (GTK_APPLICATION (app), 1400, 900);
  WeftSession *session = weft_window_get_session (window);
  WeftDataset *ds = weft_session_get_dataset (session);
  GtkSingleSelection *selection = sidebar_selection (window);
  WeftInspector *inspector = WEFT_INSPECTOR (weft_window_get_inspector (window));
  g_autofree char *text = NULL;
  WeftItem *huawei = weft_dataset_lookup (ds, "ent-huawei");
  GtkWidget *link;

  /* The list selects in the session… */
  gtk_single_selection_set_selected (selection, 1);
  weft_test_settle ();
  g_assert_true (weft_session_get_selection (session) == huawei);

  /* …and the inspector shows the entity, its relations and claims. */
  text = weft_inspector_dup_text (inspector);
  g_assert_nonnull (strstr (text, "Huawei"));
  g_assert_nonnull (strstr (text, "Relations ("));
  g_assert_nonnull (strstr (text, "Claims about it ("));

  /* A link in the inspector selects what it names; the list follows. */
  link = find_link (GTK_WIDGET (inspector), "cl-huawei-first-5g");
  if (link == NULL)
    {
      /* Whatever claim the entity lists first. */
      guint n;
      WeftClaim **claims = weft_dataset_get_entity_claims (ds, (WeftEntity *) huawei, &n);

      g_assert_cmpuint (n, >, 0);
      link = find_link (GTK_WIDGET (inspector), claims[0]->item.id);
    }
  g_assert_nonnull (link);
  g_signal_emit_by_name (link, "clicked");
  weft_test_settle ();
  g_assert_cmpint (weft_session_get_selection (session)->type, ==, WEFT_ITEM_CLAIM);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, GTK_INVALID_LIST_POSITION);

  /* A claim shows its status and each citation's quote and source. */
  {
    WeftClaim *claim = (WeftClaim *) weft_session_get_selection (session);
    g_autofree char *claim_text = weft_inspector_dup_text (inspector);
    g_autofree char *quote = g_strdup_printf ("“%s”", claim->citations[0].quote);

    g_assert_nonnull (strstr (claim_text, weft_claim_status_label (claim->status)));
    g_assert_nonnull (strstr (claim_text, quote));
  }

  /* Selecting an entity elsewhere selects its row. */
  weft_session_select_id (session, "ent-sensetime");
  weft_test_settle ();
  {
    g_autoptr(GObject) row = g_list_model_get_item (G_LIST_MODEL (selection),
                                                    gtk_single_selection_get_selected (selection));
    g_assert_nonnull (row);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_filters (void)
{
  WeftWindow *window = weft_test_window_with_example (GTK_APPLICATION (app), 1400, 900);
  WeftSession *session = weft_window_get_session (window);
  WeftDataset *ds = weft_session_get_dataset (session);
  WeftSidebar *sidebar = WEFT_SIDEBAR (weft_window_get_sidebar (window));
  gint64 lower = weft_days_from_civil (2021, 1, 1);
  gint64 upper = weft_days_from_civil (2021, 12, 31);
  g_autoptr(WeftSubgraph) expected = weft_dataset_window (ds, lower, upper);

  /* Search. */
  weft_session_set_search_text (session, "huawei");
  weft_test_settle ();
  g_assert_cmpuint (weft_sidebar_get_n_shown (sidebar), ==, 1);
  weft_session_set_search_text (session, "");
  weft_test_settle ();
  g_assert_cmpuint (weft_sidebar_get_n_shown (sidebar), ==, 55);

  /* The time window: only the entities active in it. */
  weft_session_set_window (session, lower, upper);
  weft_test_settle ();
  g_assert_cmpuint (expected->entities->len, >, 0);
  g_assert_cmpuint (expected->entities->len, <, 55);
  g_assert_cmpuint (weft_sidebar_get_n_shown (sidebar), ==, expected->entities->len);
  weft_session_clear_window (session);
  weft_test_settle ();
  g_assert_cmpuint (weft_sidebar_get_n_shown (sidebar), ==, 55);

  /* Kinds: hiding places hides the 15 places. */
  weft_session_set_hidden_kinds (session, 1u << WEFT_ENTITY_PLACE);
  weft_test_settle ();
  g_assert_cmpuint (weft_sidebar_get_n_shown (sidebar), ==, 40);
  weft_session_set_hidden_kinds (session, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_focus (void)
{
  WeftWindow *window = weft_test_window_with_example (GTK_APPLICATION (app), 1400, 900);
  WeftSession *session = weft_window_get_session (window);

  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.unfocus", NULL) &&
                  weft_session_get_focus (session) != NULL);
  weft_session_select_id (session, "ent-dahua");
  weft_test_settle ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-selection", NULL));
  weft_test_settle ();
  g_assert_nonnull (weft_session_get_focus (session));
  g_assert_cmpstr (weft_session_get_focus (session)->item.id, ==, "ent-dahua");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.unfocus", NULL));
  weft_test_settle ();
  g_assert_null (weft_session_get_focus (session));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_path (void)
{
  WeftWindow *window = weft_test_window_with_example (GTK_APPLICATION (app), 1400, 900);
  WeftSession *session = weft_window_get_session (window);
  WeftInspector *inspector = WEFT_INSPECTOR (weft_window_get_inspector (window));
  WeftDataset *ds = weft_session_get_dataset (session);
  g_autoptr(GPtrArray) expected = weft_dataset_shortest_path (ds, weft_dataset_lookup_entity (ds, "ent-ibm"),
                                                             weft_dataset_lookup_entity (ds, "ent-huawei"));
  g_autofree char *text = NULL;

  /* Pick the start, then the end. */
  weft_session_select_id (session, "ent-ibm");
  weft_test_settle ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.path-from", NULL));
  weft_session_select_id (session, "ent-huawei");
  weft_test_settle ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.path-to", NULL));
  weft_test_settle ();

  g_assert_nonnull (weft_session_get_path (session));
  g_assert_cmpuint (weft_session_get_path (session)->len, ==, expected->len);

  /* The inspector lists each hop with the claims and quotes behind it. */
  text = weft_inspector_dup_text (inspector);
  g_assert_nonnull (strstr (text, "Path from IBM to Huawei"));
  for (guint i = 0; i < expected->len; i++)
    {
      WeftHop *hop = g_ptr_array_index (expected, i);
      g_autofree char *line = g_strdup_printf ("%u. %s → %s", i + 1, hop->from->name, hop->to->name);

      g_assert_nonnull (strstr (text, line));
      if (hop->evidence->len > 0)
        {
          WeftClaim *claim = g_ptr_array_index (hop->evidence, 0);
          g_autofree char *quote = g_strdup_printf ("“%s”", claim->citations[0].quote);

          g_assert_nonnull (strstr (text, quote));
        }
    }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-path", NULL));
  weft_test_settle ();
  g_assert_null (weft_session_get_path (session));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_presentation (void)
{
  WeftWindow *window = weft_test_window_with_example (GTK_APPLICATION (app), 1400, 900);
  WeftSession *session = weft_window_get_session (window);
  guint n;
  WeftEvent **events = weft_dataset_get_events_by_date (weft_session_get_dataset (session), &n);

  g_assert_cmpint (weft_window_get_presentation_step (window), ==, -1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  weft_test_settle ();
  g_assert_cmpint (weft_window_get_presentation_step (window), ==, 0);
  g_assert_true (gtk_widget_get_visible (weft_window_get_presentation_card (window)));
  g_assert_true (weft_session_get_selection (session) == &events[0]->item);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.present-next", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present-next", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present-previous", NULL);
  weft_test_settle ();
  g_assert_cmpint (weft_window_get_presentation_step (window), ==, 1);
  g_assert_true (weft_session_get_selection (session) == &events[1]->item);

  /* The graph focuses on who took part. */
  if (events[1]->n_participants > 0)
    g_assert_cmpstr (weft_session_get_focus (session)->item.id, ==, events[1]->participants[0].entity);

  /* Past the end it stays on the last step. */
  for (guint i = 0; i < n + 3; i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.present-next", NULL);
  weft_test_settle ();
  g_assert_cmpint (weft_window_get_presentation_step (window), ==, (int) n - 1);

  weft_test_save_screenshot (GTK_WIDGET (window), "window-presentation.png");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.present-leave", NULL);
  weft_test_settle ();
  g_assert_cmpint (weft_window_get_presentation_step (window), ==, -1);
  g_assert_false (gtk_widget_get_visible (weft_window_get_presentation_card (window)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_settings_restored (void)
{
  WeftWindow *window = weft_test_window_with_example (GTK_APPLICATION (app), 1400, 900);
  WeftWindowView view = WEFT_WINDOW_VIEW_SPLIT;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "graph");
  weft_test_settle ();
  g_object_get (window, "view", &view, NULL);
  g_assert_cmpint (view, ==, WEFT_WINDOW_VIEW_GRAPH);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (weft_window_get_timeline (window))));
  gtk_window_set_default_size (GTK_WINDOW (window), 1111, 777);
  gtk_window_close (GTK_WINDOW (window));
  weft_test_settle ();

  window = weft_test_window_with_example (GTK_APPLICATION (app), 1400, 900);
  view = WEFT_WINDOW_VIEW_SPLIT;
  g_object_get (window, "view", &view, NULL);
  g_assert_cmpint (view, ==, WEFT_WINDOW_VIEW_GRAPH);
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    g_autofree char *stored = g_settings_get_string (settings, "last-view");

    /* The setting keeps the view's name. */
    g_assert_cmpstr (stored, ==, "graph");
    g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1111);
    g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 777);
  }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "split");
  gtk_window_close (GTK_WINDOW (window));
  weft_test_settle ();
}

/* A window stored narrow opens narrow, compact. */
static void
test_narrow_restored (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  WeftWindow *window;

  g_settings_set_int (settings, "window-width", 560);
  g_settings_set_int (settings, "window-height", 700);
  window = weft_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (weft_test_wait_for (is_compact, window));
  g_assert_true (weft_test_wait_for (is_narrow, window));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), >, 500);
  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

static void
test_save (void)
{
  WeftWindow *window = weft_test_window_with_example (GTK_APPLICATION (app), 1400, 900);
  g_autofree char *path = fixture_copy ();
  g_autoptr(GError) error = NULL;
  g_autoptr(WeftDataset) reloaded = NULL;
  g_autofree char *contents = NULL;

  open_by_action (window, path);
  g_assert_true (weft_test_wait_for (title_is_network, window));
  /* Save rewrites the file in Weft's own layout; it loads back the same. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  weft_test_settle ();
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "{\n  \"weft\" : 1,"));
  reloaded = weft_dataset_load_path (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (weft_dataset_get_claims (reloaded)->len, ==, 4);
  /* Our own save is not reported as a change from elsewhere. */
  weft_test_settle ();
  g_assert_null (weft_window_get_banner_text (window));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_screenshots (void)
{
  WeftWindow *window = weft_test_window_with_example (GTK_APPLICATION (app), 1400, 900);
  WeftSession *session = weft_window_get_session (window);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.dismiss-banner", NULL);
  weft_session_select_id (session, "ent-ccp");
  weft_test_settle ();
  gtk_widget_activate_action (weft_window_get_timeline (window), "timeline.zoom-fit", NULL);
  weft_test_settle ();
  weft_test_save_screenshot (GTK_WIDGET (window), "window-light.png");

  /* The graph alone, focused on an entity. */
  weft_session_select_id (session, "ent-dahua");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "graph");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-selection", NULL);
  weft_session_set_focus_hops (session, 2);
  weft_test_settle ();
  weft_test_settle ();
  weft_test_save_screenshot (GTK_WIDGET (window), "window-graph.png");
  weft_session_set_focus (session, NULL);

  /* The timeline alone, an event selected. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "timeline");
  weft_session_select_id (session, "ev-bloomberg-report");
  gtk_widget_activate_action (weft_window_get_timeline (window), "timeline.zoom-fit", NULL);
  weft_test_settle ();
  weft_test_save_screenshot (GTK_WIDGET (window), "window-timeline.png");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "split");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  weft_test_settle ();
  g_assert_true (adw_style_manager_get_dark (adw_style_manager_get_default ()));
  weft_session_select_id (session, "cl-scmp-dahua-code");
  weft_test_settle ();
  weft_test_save_screenshot (GTK_WIDGET (window), "window-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* Narrow (half of a 1366-pixel screen and less): the header shows
   * icons, the side panes fold over the views. */
  g_assert_false (weft_window_get_compact (window));
  g_assert_false (adw_flap_get_folded (ADW_FLAP (gtk_widget_get_ancestor (weft_window_get_sidebar (window), ADW_TYPE_FLAP))));
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 800);
  g_assert_true (weft_test_wait_for (is_compact, window));
  /* The wide header stopped the window short; a user dragging its edge
   * goes on narrowing it. */
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 800);
  g_assert_true (weft_test_wait_for (is_narrow, window));
  weft_test_settle ();
  g_assert_true (adw_flap_get_folded (ADW_FLAP (gtk_widget_get_ancestor (weft_window_get_sidebar (window), ADW_TYPE_FLAP))));
  g_assert_true (adw_flap_get_folded (ADW_FLAP (gtk_widget_get_ancestor (weft_window_get_inspector (window), ADW_TYPE_FLAP))));
  /* The views still switch, and the side panes open over them. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "graph");
  {
    WeftWindowView view = WEFT_WINDOW_VIEW_SPLIT;

    g_object_get (window, "view", &view, NULL);
    g_assert_cmpint (view, ==, WEFT_WINDOW_VIEW_GRAPH);
  }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "split");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-sidebar", NULL);
  weft_test_settle ();
  weft_test_save_screenshot (GTK_WIDGET (window), "window-narrow-sidebar.png");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-sidebar", NULL);
  weft_test_settle ();
  weft_test_save_screenshot (GTK_WIDGET (window), "window-narrow.png");

  /* Wide again: words in the header, the panes beside the views. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  g_assert_true (weft_test_wait_for (is_wide, window));
  weft_test_settle ();
  g_assert_false (adw_flap_get_folded (ADW_FLAP (gtk_widget_get_ancestor (weft_window_get_sidebar (window), ADW_TYPE_FLAP))));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Every action the window had before its actions became one table, each
 * shortcut on the action it had, and the side panes' toggles following
 * their flaps. */
static void
test_shortcuts (void)
{
  static const char * const actions[] = {
    "win.view", "win.open", "win.open-recent", "win.reload", "win.save", "win.save-as", "win.search",
    "win.focus-selection", "win.unfocus", "win.show-on-timeline", "win.path-from", "win.path-to",
    "win.clear-path", "win.dismiss-banner", "win.show-problems", "win.present", "win.present-next",
    "win.present-previous", "win.present-leave", "win.export-timeline", "win.export-graph", "win.print",
  };
  static const char * const shortcuts[] = {
    "<Control>o win.open", "<Control>s win.save", "<Shift><Control>s win.save-as", "<Control>r win.reload",
    "F9 win.toggle-sidebar", "<Control>i win.toggle-inspector", "<Control>f win.search",
    "<Control>1 win.view 'timeline'", "<Control>2 win.view 'split'", "<Control>3 win.view 'graph'",
    "<Control>e win.export-timeline", "<Shift><Control>e win.export-graph", "<Control>p win.print",
    "F5 win.present", "<Control>Return win.focus-selection",
    "space win.present-next", "Left win.present-previous", "Escape win.present-leave",
  };
  WeftWindow *window = weft_test_window_with_example (GTK_APPLICATION (app), 1400, 900);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  g_autoptr(GtkShortcut) f9 = NULL;
  AdwFlap *flap = ADW_FLAP (gtk_widget_get_ancestor (weft_window_get_sidebar (window), ADW_TYPE_FLAP));
  gboolean revealed = adw_flap_get_reveal_flap (flap);
  const GVariantType *parameter_type;
  const char *name, *property;
  GType owner;

  for (guint i = 0; gtk_widget_class_query_action (GTK_WIDGET_GET_CLASS (window), i, &owner, &name, &parameter_type,
                                                   &property); i++)
    g_ptr_array_add (found, g_strdup (name));
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    g_assert_true (g_ptr_array_find_with_equal_func (found, actions[i], g_str_equal, NULL));

  g_ptr_array_set_size (found, 0);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
          GVariant *arguments = gtk_shortcut_get_arguments (shortcut);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          g_autofree char *target = arguments ? g_variant_print (arguments, TRUE) : NULL;

          if (GTK_IS_NAMED_ACTION (action))
            g_ptr_array_add (found, g_strjoin (" ", trigger, gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)),
                                               target, NULL));
          if (g_str_equal (trigger, "F9"))
            g_set_object (&f9, shortcut);
        }
    }
  for (guint i = 0; i < found->len; i++)
    {
      g_test_message ("shortcut: %s", (const char *) g_ptr_array_index (found, i));
      /* F10 is left to the main menu, GNOME's key for it. */
      g_assert_false (g_str_has_prefix (g_ptr_array_index (found, i), "F10 "));
    }
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    g_assert_true (g_ptr_array_find_with_equal_func (found, shortcuts[i], g_str_equal, NULL));

  /* F9 and the action toggle the sidebar; the action's state is the flap's. */
  g_assert_nonnull (f9);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GVariant) state = NULL;

      if (i == 0)
        g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (f9), 0, GTK_WIDGET (window), NULL));
      else
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-sidebar", NULL));
      weft_test_settle ();
      revealed = !revealed;
      g_assert_cmpint (adw_flap_get_reveal_flap (flap), ==, revealed);
      state = g_action_group_get_action_state (G_ACTION_GROUP (window), "toggle-sidebar");
      g_assert_cmpint (g_variant_get_boolean (state), ==, revealed);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_printerr ("No display: skipping the GUI tests\n");
      return 77;
    }

  app = weft_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/weft/window/example", test_example);
  g_test_add_func ("/weft/window/open-action", test_open_action);
  g_test_add_func ("/weft/window/import", test_import);
  g_test_add_func ("/weft/window/broken-file-keeps-document", test_broken_file_keeps_document);
  g_test_add_func ("/weft/window/linked-selection", test_linked_selection);
  g_test_add_func ("/weft/window/filters", test_filters);
  g_test_add_func ("/weft/window/focus", test_focus);
  g_test_add_func ("/weft/window/path", test_path);
  g_test_add_func ("/weft/window/presentation", test_presentation);
  g_test_add_func ("/weft/window/narrow-restored", test_narrow_restored);
  g_test_add_func ("/weft/window/settings-restored", test_settings_restored);
  g_test_add_func ("/weft/window/save", test_save);
  g_test_add_func ("/weft/window/screenshots", test_screenshots);
  g_test_add_func ("/weft/window/shortcuts", test_shortcuts);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
