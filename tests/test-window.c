/* test-window.c: the application window, driven through its actions
 *
 * Runs under Xvfb (build-aux/test); skips without a display.
 * Screenshots go to the build folder: window-light.png, window-dark.png,
 * window-narrow.png, window-presentation.png.
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-test"

#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "weft-application.h"
#include "weft-inspector.h"
#include "weft-loader.h"
#include "weft-present.h"
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
is_wide (gpointer data)
{
  return !weft_window_get_compact (data) && gtk_widget_get_width (data) > 1100;
}

static char *
fixture_copy (void)
{
  g_autofree char *source = weft_test_build_data_path ("network.weft", NULL);
  g_autofree char *contents = weft_test_read_file (source, NULL);

  return weft_test_write_tmp ("network.weft", contents);
}

static void
open_by_action (WeftWindow *window,
                const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-recent", "s", uri));
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

/* A button whose "weft-id" is @id. */
static gboolean
is_link_to (GtkWidget     *widget,
            gconstpointer  id)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (g_object_get_data (G_OBJECT (widget), "weft-id"), id) == 0;
}

/* The first button in @widget whose "weft-id" is @id. */
static GtkWidget *
find_link (GtkWidget  *widget,
           const char *id)
{
  return weft_test_find_widget (widget, is_link_to, id);
}

/* The widget with keyboard focus in @window, or NULL. */
static GtkWidget *
focus_of (WeftWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

static gboolean
focus_is_in (WeftWindow *window,
             GtkWidget  *ancestor)
{
  GtkWidget *focus = focus_of (window);

  return focus != NULL && (focus == ancestor || gtk_widget_is_ancestor (focus, ancestor));
}

/* Every link in the inspector (buttons that select an item), in order. */
static void
collect_links (GtkWidget *widget,
               GPtrArray *links)
{
  if (GTK_IS_BUTTON (widget) && g_object_get_data (G_OBJECT (widget), "weft-id") != NULL)
    g_ptr_array_add (links, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_links (c, links);
}

/* A button labelled @text, or with @text for tooltip (an icon button). */
static gboolean
is_button_saying (GtkWidget     *widget,
                  gconstpointer  text)
{
  return GTK_IS_BUTTON (widget) && (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), text) == 0 ||
                                    g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) == 0);
}

/* Return on the button in @widget that says @text, as a keyboard user
 * would: focus on it, then activate. */
static void
press (GtkWidget  *widget,
       const char *text)
{
  GtkWidget *button = weft_test_find_widget (widget, is_button_saying, text);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_grab_focus (button));
  gtk_widget_activate (button);
  weft_test_settle ();
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
  g_assert_true (weft_test_wait_for_title (window, "A small network"));
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
  g_autofree char *path = weft_test_find_corpus_path ("timelinejs", "eras.json", NULL);
  WeftDataset *ds;

  if (path == NULL)
    {
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }

  /* A TimelineJS file (Knight Lab, MPL-2.0) opens like a dataset… */
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

typedef struct {
  gboolean  done;
  GError   *error;
} Opened;

static void
opened (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  Opened *opened = user_data;

  g_assert_false (weft_window_open_finish (WEFT_WINDOW (source), result, &opened->error));
  opened->done = TRUE;
}

static gboolean
is_opened (gpointer data)
{
  return ((Opened *) data)->done;
}

/* Cancel stops a load: the dataset shown stays, and so does its banner. */
static void
test_cancel_open (void)
{
  WeftWindow *window = weft_test_window_with_example (GTK_APPLICATION (app), 1400, 900);
  WeftDataset *before = weft_session_get_dataset (weft_window_get_session (window));
  g_autofree char *banner = g_strdup (weft_window_get_banner_text (window));
  g_autoptr(GString) text = g_string_new ("{\"weft\": 1, \"title\": \"Large\", \"entities\": [");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  Opened result = { 0 };

  for (guint i = 0; i < 50000; i++)
    g_string_append_printf (text, "%s{\"id\": \"e%u\", \"name\": \"Entity %u\", \"kind\": \"person\"}",
                            i > 0 ? ",\n" : "\n", i, i);
  g_string_append (text, "\n]}\n");
  path = weft_test_write_tmp ("large.weft", text->str);
  file = g_file_new_for_path (path);

  weft_window_open (window, file, opened, &result);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-open", NULL));
  g_assert_true (weft_test_wait_for (is_opened, &result));
  g_assert_error (result.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&result.error);
  weft_test_settle ();

  g_assert_true (weft_session_get_dataset (weft_window_get_session (window)) == before);
  g_assert_true (weft_window_is_example (window));
  g_assert_cmpstr (weft_window_get_banner_text (window), ==, banner);

  /* Nothing to stop now: the action does nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-open", NULL));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_broken_file_keeps_document (void)
{
  WeftWindow *window = weft_test_window_with_example (GTK_APPLICATION (app), 1400, 900);
  WeftDataset *before = weft_session_get_dataset (weft_window_get_session (window));
  g_autofree char *path = weft_test_write_tmp ("broken.weft",
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
  /* The slides in the presentation core's order. */
  g_autoptr(GPtrArray) slides = weft_present_dup_events (weft_session_get_dataset (session));
  WeftEvent **events = (WeftEvent **) slides->pdata;
  guint n = slides->len;

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

/* A window on the example, for the focus tests. */
typedef struct {
  WeftWindow  *window;
  WeftSession *session;
  GtkWidget   *inspector;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->window = weft_test_window_with_example (GTK_APPLICATION (app), 1400, 900);
  f->session = weft_window_get_session (f->window);
  f->inspector = weft_window_get_inspector (f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
}

static const char *selected_id;

static gboolean
selects (gpointer data)
{
  WeftItem *item = weft_session_get_selection (data);

  return item != NULL && g_strcmp0 (item->id, selected_id) == 0;
}

/* Return or Space on a link rebuilds the inspector around the item it
 * names: keyboard focus lands on that item's heading, and Tab goes on. */
static void
test_focus_after_link (Fixture       *f,
                       gconstpointer  data)
{
  guint n_links;

  weft_session_select_id (f->session, "ent-huawei");
  weft_test_settle ();
  {
    g_autoptr(GPtrArray) links = g_ptr_array_new ();

    collect_links (f->inspector, links);
    n_links = links->len;
  }
  g_assert_cmpuint (n_links, >=, 5);

  for (guint i = 0; i < n_links; i++)
    {
      g_autoptr(GPtrArray) links = g_ptr_array_new ();
      GtkWidget *link, *focus;
      WeftItem *item;
      g_autofree char *id = NULL;

      weft_session_select_id (f->session, "ent-huawei");
      weft_test_settle ();
      collect_links (f->inspector, links);
      g_assert_cmpuint (links->len, ==, n_links);
      link = g_ptr_array_index (links, i);
      id = g_strdup (g_object_get_data (G_OBJECT (link), "weft-id"));
      g_assert_true (gtk_widget_grab_focus (link));
      g_assert_true (focus_of (f->window) == link);

      /* What Return and Space do on a focused button (which clicks it
       * a moment later). */
      gtk_widget_activate (link);
      selected_id = id;
      g_assert_true (weft_test_wait_for (selects, f->session));
      weft_test_settle ();
      item = weft_session_get_selection (f->session);
      g_assert_nonnull (item);
      g_assert_cmpstr (item->id, ==, id);
      focus = focus_of (f->window);
      g_test_message ("link %u selects %s; focus on %s", i, item->id, focus ? G_OBJECT_TYPE_NAME (focus) : "nothing");
      g_assert_true (focus_is_in (f->window, f->inspector));
      g_assert_true (GTK_IS_LABEL (focus));
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (focus)), ==, weft_item_get_label (item));

      if (i == 0)
        {
          /* As a keyboard user sees it, in light and dark. */
          gtk_window_set_focus_visible (GTK_WINDOW (f->window), TRUE);
          weft_test_save_screenshot (GTK_WIDGET (f->window), "window-f->inspector-focus.png");
          adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
          weft_test_settle ();
          weft_test_save_screenshot (GTK_WIDGET (f->window), "window-f->inspector-focus-dark.png");
          adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
        }

      /* Tab goes on from the heading, still in the inspector. */
      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD));
      g_assert_true (focus_of (f->window) != focus);
      g_assert_true (focus_is_in (f->window, f->inspector));
    }
}

/* Finding a path from the inspector focuses the path's heading; closing
 * the path with its button gives focus to the item's heading. */
static void
test_focus_after_path (Fixture       *f,
                       gconstpointer  data)
{
  weft_session_select_id (f->session, "ent-ibm");
  weft_test_settle ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.path-from", NULL));
  weft_session_select_id (f->session, "ent-huawei");
  weft_test_settle ();

  press (f->inspector, "Path from IBM to Here");
  g_assert_nonnull (weft_session_get_path (f->session));
  g_assert_true (GTK_IS_LABEL (focus_of (f->window)));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (focus_of (f->window))), ==, "Path from IBM to Huawei");

  press (f->inspector, "Clear the path");
  g_assert_null (weft_session_get_path (f->session));
  g_assert_null (weft_test_find_widget (f->inspector, is_button_saying, "Clear the path"));
  g_assert_true (focus_is_in (f->window, f->inspector));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (focus_of (f->window))), ==, "Huawei");
}

/* A pane or bar that closes with keyboard focus in it hands focus to the
 * views; Tab goes from the last view into the inspector and back. */
static void
test_focus_after_panes (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *sidebar = weft_window_get_sidebar (f->window);

  /* The banner's close button. */
  g_assert_nonnull (weft_window_get_banner_text (f->window));
  press (GTK_WIDGET (f->window), "Dismiss");
  g_assert_null (weft_window_get_banner_text (f->window));
  g_assert_true (focus_is_in (f->window, weft_window_get_timeline (f->window)));

  /* The entity list, closed with F9 while its search field has focus. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  weft_test_settle ();
  g_assert_true (focus_is_in (f->window, sidebar));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.toggle-sidebar", NULL));
  weft_test_settle ();
  g_assert_true (focus_is_in (f->window, weft_window_get_timeline (f->window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.toggle-sidebar", NULL));

  /* No wall between the views and the inspector. */
  weft_session_select_id (f->session, "ent-huawei");
  weft_test_settle ();
  g_assert_true (gtk_widget_grab_focus (weft_window_get_graph (f->window)));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD));
  g_assert_true (focus_is_in (f->window, f->inspector));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_BACKWARD));
  g_assert_true (focus_of (f->window) == weft_window_get_graph (f->window));

  /* The inspector, closed while it has focus. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.toggle-inspector", NULL));
  weft_test_settle ();
  g_assert_nonnull (focus_of (f->window));
  g_assert_false (focus_is_in (f->window, f->inspector));
}

/* F5 focuses the card, named after each step; Escape gives focus, the
 * selection, the graph's focus and every pane back. */
static void
test_focus_after_presentation (Fixture       *f,
                               gconstpointer  data)
{
  GtkWidget *card = weft_window_get_presentation_card (f->window);
  AdwFlap *sidebar_flap = ADW_FLAP (gtk_widget_get_ancestor (weft_window_get_sidebar (f->window), ADW_TYPE_FLAP));
  AdwFlap *inspector_flap = ADW_FLAP (gtk_widget_get_ancestor (f->inspector, ADW_TYPE_FLAP));
  g_autoptr(GPtrArray) slides = weft_present_dup_events (weft_session_get_dataset (f->session));
  WeftEvent **events = (WeftEvent **) slides->pdata;
  WeftWindowView view = WEFT_WINDOW_VIEW_SPLIT;
  g_autoptr(GPtrArray) links = g_ptr_array_new ();
  GtkWidget *focus;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view", "s", "timeline");
  weft_session_select_id (f->session, "ent-huawei");
  weft_session_set_focus (f->session, weft_dataset_lookup_entity (weft_session_get_dataset (f->session), "ent-dahua"));
  weft_session_set_focus_hops (f->session, 3);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.toggle-sidebar", NULL);
  weft_test_settle ();
  g_assert_false (adw_flap_get_reveal_flap (sidebar_flap));
  g_assert_true (adw_flap_get_reveal_flap (inspector_flap));
  collect_links (f->inspector, links);
  g_assert_cmpuint (links->len, >, 0);
  g_assert_true (gtk_widget_grab_focus (g_ptr_array_index (links, 0)));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.present", NULL);
  weft_test_settle ();
  g_assert_true (focus_of (f->window) == card);
  g_assert_nonnull (weft_test_find_label (card, events[0]->title));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.present-next", NULL);
  weft_test_settle ();
  g_assert_true (focus_of (f->window) == card);
  g_assert_nonnull (weft_test_find_label (card, events[1]->title));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.present-leave", NULL);
  weft_test_settle ();
  /* The link that had focus went with the inspector's rebuild; its
   * heading stands for it. */
  focus = focus_of (f->window);
  g_assert_nonnull (focus);
  g_assert_true (focus_is_in (f->window, f->inspector));
  g_assert_cmpstr (weft_session_get_selection (f->session)->id, ==, "ent-huawei");
  g_assert_cmpstr (weft_session_get_focus (f->session)->item.id, ==, "ent-dahua");
  g_assert_cmpuint (weft_session_get_focus_hops (f->session), ==, 3);
  g_assert_false (adw_flap_get_reveal_flap (sidebar_flap));
  g_assert_true (adw_flap_get_reveal_flap (inspector_flap));
  g_object_get (f->window, "view", &view, NULL);
  g_assert_cmpint (view, ==, WEFT_WINDOW_VIEW_TIMELINE);

  /* A widget that survives presentation gets focus back itself. */
  g_assert_true (gtk_widget_grab_focus (weft_window_get_timeline (f->window)));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.present", NULL);
  weft_test_settle ();
  g_assert_true (focus_of (f->window) == card);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.present-leave", NULL);
  weft_test_settle ();
  g_assert_true (focus_of (f->window) == weft_window_get_timeline (f->window));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.toggle-sidebar", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view", "s", "split");
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
  g_assert_true (weft_test_wait_for (weft_test_window_is_compact, window));
  g_assert_true (weft_test_wait_for (weft_test_window_is_narrow, window));
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
  g_assert_true (weft_test_wait_for_title (window, "A small network"));
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
  g_assert_true (weft_test_wait_for (weft_test_window_is_compact, window));
  /* The wide header stopped the window short; a user dragging its edge
   * goes on narrowing it. */
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 800);
  g_assert_true (weft_test_wait_for (weft_test_window_is_narrow, window));
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

/* Every shortcut of @widget's shortcut controllers (its class's bindings
 * among them). */
static GPtrArray *
dup_shortcuts (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  GPtrArray *shortcuts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_SHORTCUT_CONTROLLER (controller))
        for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
          g_ptr_array_add (shortcuts, g_list_model_get_item (G_LIST_MODEL (controller), j));
    }
  return shortcuts;
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
  g_autoptr(GPtrArray) bound = dup_shortcuts (GTK_WIDGET (window));
  GtkShortcut *f9 = NULL;
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
  for (guint i = 0; i < bound->len; i++)
    {
      GtkShortcut *shortcut = g_ptr_array_index (bound, i);
      GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
      GVariant *arguments = gtk_shortcut_get_arguments (shortcut);
      g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
      g_autofree char *target = arguments ? g_variant_print (arguments, TRUE) : NULL;

      if (GTK_IS_NAMED_ACTION (action))
        g_ptr_array_add (found, g_strjoin (" ", trigger, gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)),
                                           target, NULL));
      if (g_str_equal (trigger, "F9"))
        f9 = shortcut;
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

typedef struct {
  guint           accel_key;
  GdkModifierType accel_mods;
} Key;

static gboolean
has_key (GArray    *keys,
         const Key *key)
{
  for (guint i = 0; i < keys->len; i++)
    if (g_array_index (keys, Key, i).accel_key == key->accel_key &&
        g_array_index (keys, Key, i).accel_mods == key->accel_mods)
      return TRUE;
  return FALSE;
}

/* Every key @widget binds, as keyval and modifiers, but those in @except. */
static void
collect_keys (GtkWidget *widget,
              GArray    *except,
              GArray    *keys)
{
  g_autoptr(GPtrArray) shortcuts = dup_shortcuts (widget);

  for (guint i = 0; i < shortcuts->len; i++)
    {
      GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (g_ptr_array_index (shortcuts, i));
      Key key;

      if (!GTK_IS_KEYVAL_TRIGGER (trigger))
        continue;
      key.accel_key = gdk_keyval_to_lower (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)));
      key.accel_mods = gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger));
      if (except == NULL || !has_key (except, &key))
        g_array_append_val (keys, key);
    }
}

/* Every key the shortcuts window lists, in the group titled @group or in
 * any group when it is NULL. */
static void
collect_listed (GtkWidget  *widget,
                const char *group,
                GArray     *keys)
{
  if (GTK_IS_SHORTCUTS_GROUP (widget) && group != NULL)
    {
      g_autofree char *title = NULL;

      g_object_get (widget, "title", &title, NULL);
      if (g_strcmp0 (title, group) != 0)
        return;
      group = NULL;
    }
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accelerator = NULL;
      g_auto(GStrv) accels = NULL;

      g_object_get (widget, "accelerator", &accelerator, NULL);
      accels = g_strsplit (accelerator ? accelerator : "", " ", -1);
      for (guint i = 0; accels[i] != NULL; i++)
        {
          Key key = { 0 };

          if (accels[i][0] == '\0')
            continue;
          g_assert_true (gtk_accelerator_parse (accels[i], &key.accel_key, &key.accel_mods));
          key.accel_key = gdk_keyval_to_lower (key.accel_key);
          g_array_append_val (keys, key);
        }
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_listed (c, group, keys);
}

/* How many of @bound are not in @listed, each named in a message. */
static guint
count_unlisted (GArray     *bound,
                GArray     *listed,
                const char *where)
{
  guint missing = 0;

  for (guint i = 0; i < bound->len; i++)
    {
      Key *key = &g_array_index (bound, Key, i);

      if (!has_key (listed, key))
        {
          g_autofree char *name = gtk_accelerator_name (key->accel_key, key->accel_mods);

          g_test_message ("not in the shortcuts window's %s: %s", where, name);
          missing++;
        }
    }
  return missing;
}

/* The shortcuts window (Ctrl+?) lists every key of the window and of the
 * timeline's and graph's own. */
static void
test_shortcuts_listed (void)
{
  WeftWindow *window = weft_test_window_with_example (GTK_APPLICATION (app), 1400, 900);
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/weft/Weft/gtk/help-overlay.ui");
  GtkWidget *overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  const struct { GtkWidget *widget; const char *group; } parts[] = {
    { GTK_WIDGET (window), NULL },
    { weft_window_get_timeline (window), "Timeline" },
    { weft_window_get_graph (window), "Graph" },
  };
  g_autoptr(GArray) inherited = g_array_new (FALSE, TRUE, sizeof (Key));
  GtkWidget *plain = adw_application_window_new (GTK_APPLICATION (app));
  guint missing = 0;

  /* GTK's own keys for any window (moving focus, the default button, the
   * GTK inspector) are not Weft's to list. */
  collect_keys (plain, NULL, inherited);
  gtk_window_destroy (GTK_WINDOW (plain));

  /* The window's keys anywhere; each view's in its own group. */
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autoptr(GArray) bound = g_array_new (FALSE, TRUE, sizeof (Key));
      g_autoptr(GArray) listed = g_array_new (FALSE, TRUE, sizeof (Key));

      collect_keys (parts[i].widget, i == 0 ? inherited : NULL, bound);
      collect_listed (overlay, parts[i].group, listed);
      g_assert_cmpuint (bound->len, >, 10);
      missing += count_unlisted (bound, listed, parts[i].group ? parts[i].group : "groups");
    }
  g_assert_cmpuint (missing, ==, 0);

  gtk_window_set_default_size (GTK_WINDOW (overlay), 1400, 900);
  gtk_window_present (GTK_WINDOW (overlay));
  weft_test_settle ();
  weft_test_save_screenshot (overlay, "window-shortcuts.png");
  g_object_set (overlay, "section-name", "views", NULL);
  weft_test_settle ();
  weft_test_save_screenshot (overlay, "window-shortcuts-views.png");
  gtk_window_destroy (GTK_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  if (!weft_test_gui_init (&argc, &argv))
    return 0;
  app = weft_test_get_application ();

  g_test_add_func ("/weft/window/example", test_example);
  g_test_add_func ("/weft/window/open-action", test_open_action);
  g_test_add_func ("/weft/window/import", test_import);
  g_test_add_func ("/weft/window/broken-file-keeps-document", test_broken_file_keeps_document);
  g_test_add_func ("/weft/window/cancel-open", test_cancel_open);
  g_test_add_func ("/weft/window/linked-selection", test_linked_selection);
  g_test_add_func ("/weft/window/filters", test_filters);
  g_test_add_func ("/weft/window/focus", test_focus);
  g_test_add_func ("/weft/window/path", test_path);
  g_test_add_func ("/weft/window/presentation", test_presentation);
  g_test_add ("/weft/window/focus-after-link", Fixture, NULL, fixture_set_up, test_focus_after_link, fixture_tear_down);
  g_test_add ("/weft/window/focus-after-path", Fixture, NULL, fixture_set_up, test_focus_after_path, fixture_tear_down);
  g_test_add ("/weft/window/focus-after-panes", Fixture, NULL, fixture_set_up, test_focus_after_panes, fixture_tear_down);
  g_test_add ("/weft/window/focus-after-presentation", Fixture, NULL, fixture_set_up, test_focus_after_presentation, fixture_tear_down);
  g_test_add_func ("/weft/window/narrow-restored", test_narrow_restored);
  g_test_add_func ("/weft/window/settings-restored", test_settings_restored);
  g_test_add_func ("/weft/window/save", test_save);
  g_test_add_func ("/weft/window/screenshots", test_screenshots);
  g_test_add_func ("/weft/window/shortcuts", test_shortcuts);
  g_test_add_func ("/weft/window/shortcuts-listed", test_shortcuts_listed);

  return weft_test_run ();
}
