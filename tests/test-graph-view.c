/* test-graph-view.c: the graph view in a real window, driven by actions
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-test"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <adwaita.h>

#include "weft-graph-view.h"
#include "weft-loader.h"
#include "weft-test-gui.h"
#include "weft-views.h"

typedef struct {
  WeftDataset   *dataset;
  WeftSession   *session;
  GtkWidget     *window;
  WeftGraphView *view;
} Fixture;

/* Waits (on the main loop, never blocking it) for the current layout. */
static void
wait_for_layout (Fixture *f)
{
  gint64 deadline = g_get_monotonic_time () + 15 * G_USEC_PER_SEC;

  /* A relayout is scheduled in an idle; let it start. */
  weft_test_spin (20);
  while ((weft_graph_view_get_busy (f->view) || weft_graph_view_get_layout (f->view) == NULL) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (weft_graph_view_get_busy (f->view));
  g_assert_nonnull (weft_graph_view_get_layout (f->view));
  /* Let the view draw. */
  weft_test_spin (250);
}

static guint
n_nodes (Fixture *f)
{
  return weft_graph_get_n_nodes (weft_layout_get_graph (weft_graph_view_get_layout (f->view)));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dataset = weft_test_load_example ();
  f->session = weft_session_new (f->dataset);
  f->view = WEFT_GRAPH_VIEW (weft_graph_view_new (f->session));
  f->window = GTK_WIDGET (weft_test_present (GTK_WIDGET (f->view), 1000, 700));
  wait_for_layout (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->session);
  g_clear_object (&f->dataset);
}


static void
test_opens (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(WeftSubgraph) visible = weft_session_dup_visible_subgraph (f->session);
  WeftLayout *layout = weft_graph_view_get_layout (f->view);

  g_assert_cmpuint (n_nodes (f), ==, visible->entities->len);
  g_assert_cmpuint (weft_graph_get_n_edges (weft_layout_get_graph (layout)), ==, visible->relations->len);
  g_assert_false (weft_graph_view_get_bounded (f->view));
  g_assert_null (weft_graph_view_get_message (f->view));
  g_assert_cmpstr (weft_graph_view_get_engine (f->view), ==, "auto");
  g_assert_cmpint (weft_layout_get_engine (layout), ==, WEFT_ENGINE_SFDP);
  /* Fitted: the whole drawing is in view. */
  g_assert_cmpfloat (weft_layout_get_width (layout) * weft_graph_view_get_scale (f->view), <=,
                     gtk_widget_get_width (GTK_WIDGET (f->view)) + 1);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Nothing selected");

  /* The legend is a stateful action, off at first so it hides nothing. */
  g_assert_false (weft_graph_view_get_show_legend (f->view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "graph.legend", NULL));
  g_assert_true (weft_graph_view_get_show_legend (f->view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "graph.legend", NULL));
  g_assert_false (weft_graph_view_get_show_legend (f->view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "graph.legend", NULL));
  weft_test_spin (100);
  weft_test_save_screenshot (f->window, "graph-view-overview.png");
}

static gboolean
layout_is_not (gpointer data)
{
  gpointer *pair = data;

  return weft_graph_view_get_layout (pair[0]) != pair[1] && !weft_graph_view_get_busy (pair[0]);
}

static gboolean
fade_ended (gpointer data)
{
  return !weft_graph_view_is_fading (data);
}

/* A new layout (another focus) fades in over the old drawing instead of
 * cutting to it, and the fade ends; without animations it cuts. */
static void
test_cross_fade (Fixture       *f,
                 gconstpointer  data)
{
  gpointer pair[2] = { f->view, weft_graph_view_get_layout (f->view) };

  g_assert_false (weft_graph_view_is_fading (f->view));
  weft_session_set_focus (f->session, weft_dataset_lookup_entity (f->dataset, "ent-huawei"));
  g_assert_true (weft_test_wait_for (layout_is_not, pair));
  g_assert_true (weft_graph_view_is_fading (f->view));
  g_assert_true (weft_test_wait_for (fade_ended, f->view));

  g_object_set (gtk_widget_get_settings (GTK_WIDGET (f->view)), "gtk-enable-animations", FALSE, NULL);
  pair[1] = weft_graph_view_get_layout (f->view);
  weft_session_set_focus (f->session, weft_dataset_lookup_entity (f->dataset, "ent-ibm"));
  g_assert_true (weft_test_wait_for (layout_is_not, pair));
  g_assert_false (weft_graph_view_is_fading (f->view));
  g_object_set (gtk_widget_get_settings (GTK_WIDGET (f->view)), "gtk-enable-animations", TRUE, NULL);
}

static void
test_select_zoom_find (Fixture       *f,
                       gconstpointer  data)
{
  WeftGraph *graph = weft_layout_get_graph (weft_graph_view_get_layout (f->view));
  WeftItem *huawei = weft_dataset_lookup (f->dataset, "ent-huawei");
  double fit = weft_graph_view_get_scale (f->view);
  double cx, cy;
  const WeftNodeBox *box;
  WeftItem *first, *second;

  /* Selection made elsewhere shows here. */
  g_assert_true (weft_session_select_id (f->session, "ent-huawei"));
  g_assert_cmpint (weft_graph_view_get_selected_node (f->view), ==, weft_graph_lookup_node (graph, huawei));
  {
    guint n_relations, n_events, n_claims;
    g_autofree char *expected = NULL;

    weft_dataset_get_entity_relations (f->dataset, (WeftEntity *) huawei, &n_relations);
    weft_dataset_get_entity_events (f->dataset, (WeftEntity *) huawei, &n_events);
    weft_dataset_get_entity_claims (f->dataset, (WeftEntity *) huawei, &n_claims);
    expected = g_strdup_printf ("Selected: Huawei, Company: %u relations, %u events, %u claims",
                                n_relations, n_events, n_claims);
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);
  }

  /* Zoom through the actions. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "graph.zoom-in", NULL));
  g_assert_cmpfloat_with_epsilon (weft_graph_view_get_scale (f->view), fit * 1.25, 1e-6);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "graph.zoom-out", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "graph.zoom-out", NULL));
  g_assert_cmpfloat_with_epsilon (weft_graph_view_get_scale (f->view), fit / 1.25, 1e-6);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "graph.zoom-fit", NULL));
  g_assert_cmpfloat_with_epsilon (weft_graph_view_get_scale (f->view), fit, 1e-6);

  /* Zoom to the selection: it ends up in the middle, at a readable size. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "graph.zoom-selection", NULL));
  box = weft_layout_get_node (weft_graph_view_get_layout (f->view), weft_graph_view_get_selected_node (f->view));
  weft_graph_view_get_center (f->view, &cx, &cy);
  g_assert_cmpfloat (fabs (cx - box->x), <, 2);
  g_assert_cmpfloat (fabs (cy - box->y), <, 2);
  g_assert_cmpfloat (weft_graph_view_get_scale (f->view), >=, 1.2);
  weft_test_spin (300);
  weft_test_save_screenshot (f->window, "graph-view-selection.png");

  /* Pan with the keys' action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "graph.pan", "(dd)", 1.0, 0.0));
  {
    double nx, ny;
    weft_graph_view_get_center (f->view, &nx, &ny);
    g_assert_cmpfloat (nx, >, cx);
  }

  /* The wheel as in GNOME's views and the timeline: it moves the view
   * (down, then sideways with Shift, also smooth scrolling in pixels)
   * and keeps the zoom; Ctrl and the wheel zoom. */
  {
    double scale = weft_graph_view_get_scale (f->view), x0, y0, x1, y1;

    weft_graph_view_get_center (f->view, &x0, &y0);
    g_assert_true (weft_graph_view_scroll (f->view, 0, 1, 0, FALSE));
    weft_graph_view_get_center (f->view, &x1, &y1);
    g_assert_cmpfloat (y1, >, y0);
    g_assert_cmpfloat_with_epsilon (x1, x0, 1e-6);
    g_assert_cmpfloat_with_epsilon (weft_graph_view_get_scale (f->view), scale, 1e-9);
    g_assert_true (weft_graph_view_scroll (f->view, 0, -1, GDK_SHIFT_MASK, FALSE));
    weft_graph_view_get_center (f->view, &x0, &y0);
    g_assert_cmpfloat (x0, <, x1);
    g_assert_cmpfloat_with_epsilon (y0, y1, 1e-6);
    g_assert_true (weft_graph_view_scroll (f->view, 10, 0, 0, TRUE));
    weft_graph_view_get_center (f->view, &x1, &y1);
    g_assert_cmpfloat_with_epsilon (x1 - x0, 10 / scale, 1e-6);
    g_assert_cmpfloat_with_epsilon (weft_graph_view_get_scale (f->view), scale, 1e-9);
    g_assert_true (weft_graph_view_scroll (f->view, 0, -1, GDK_CONTROL_MASK, FALSE));
    g_assert_cmpfloat (weft_graph_view_get_scale (f->view), >, scale);
    g_assert_true (weft_graph_view_scroll (f->view, 0, 1, GDK_CONTROL_MASK, FALSE));
    g_assert_cmpfloat_with_epsilon (weft_graph_view_get_scale (f->view), scale, 1e-6);
  }

  /* Find: matches highlighted, Enter (find-next) cycles through them. */
  weft_session_set_search_text (f->session, "cameras");
  g_assert_cmpuint (weft_graph_view_get_n_matches (f->view), >=, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "graph.find-next", NULL));
  first = weft_session_get_selection (f->session);
  g_assert_nonnull (first);
  g_assert_true (g_str_has_suffix (weft_item_get_label (first), "ameras"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "graph.find-next", NULL));
  second = weft_session_get_selection (f->session);
  g_assert_true (second != first);
  g_assert_cmpint (weft_graph_view_get_selected_node (f->view), ==, weft_graph_lookup_node (graph, second));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "graph.zoom-fit", NULL));
  weft_test_spin (300);
  weft_test_save_screenshot (f->window, "graph-view-find.png");

  weft_session_set_search_text (f->session, "");
  g_assert_cmpuint (weft_graph_view_get_n_matches (f->view), ==, 0);
}

static void
test_focus (Fixture       *f,
            gconstpointer  data)
{
  WeftEntity *ccp = weft_dataset_lookup_entity (f->dataset, "ent-ccp");
  g_autoptr(GPtrArray) neighbours = weft_dataset_neighbours (f->dataset, ccp);
  guint all = n_nodes (f);

  /* graph.focus acts on the selection. */
  weft_session_set_selection (f->session, &ccp->item);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "graph.focus", NULL));
  g_assert_true (weft_session_get_focus (f->session) == ccp);
  wait_for_layout (f);
  g_assert_cmpuint (n_nodes (f), ==, neighbours->len + 1);
  g_assert_cmpint (weft_graph_view_get_selected_node (f->view), ==, 0);
  weft_test_save_screenshot (f->window, "graph-view-focus.png");

  weft_session_set_focus_hops (f->session, 2);
  wait_for_layout (f);
  g_assert_cmpuint (n_nodes (f), >, neighbours->len + 1);

  /* Back to the whole graph. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "graph.unfocus", NULL));
  g_assert_null (weft_session_get_focus (f->session));
  wait_for_layout (f);
  g_assert_cmpuint (n_nodes (f), ==, all);
}

static void
test_path_and_engine (Fixture       *f,
                      gconstpointer  data)
{
  WeftEntity *ibm = weft_dataset_lookup_entity (f->dataset, "ent-ibm");
  WeftEntity *xi = weft_dataset_lookup_entity (f->dataset, "ent-xi-jinping");
  g_autoptr(GVariant) state = NULL;

  weft_session_set_path (f->session, ibm, xi);
  g_assert_nonnull (weft_session_get_path (f->session));
  weft_test_spin (100);
  weft_test_save_screenshot (f->window, "graph-view-path.png");

  /* The engine is a stateful action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "graph.engine", "s", "sfdp"));
  g_assert_cmpstr (weft_graph_view_get_engine (f->view), ==, "sfdp");
  wait_for_layout (f);
  g_assert_cmpint (weft_layout_get_engine (weft_graph_view_get_layout (f->view)), ==, WEFT_ENGINE_SFDP);
  g_assert_cmpuint (n_nodes (f), ==, weft_dataset_get_entities (f->dataset)->len);
}

static void
test_window_and_kinds (Fixture       *f,
                       gconstpointer  data)
{
  guint all = n_nodes (f);

  weft_session_set_window (f->session, weft_days_from_civil (2019, 1, 1), weft_days_from_civil (2019, 12, 31));
  wait_for_layout (f);
  g_assert_cmpuint (n_nodes (f), <, all);
  g_assert_cmpuint (n_nodes (f), >, 0);
  weft_session_clear_window (f->session);
  wait_for_layout (f);
  g_assert_cmpuint (n_nodes (f), ==, all);

  weft_session_set_hidden_kinds (f->session, 1u << WEFT_ENTITY_PLACE);
  wait_for_layout (f);
  for (guint i = 0; i < n_nodes (f); i++)
    {
      WeftGraph *graph = weft_layout_get_graph (weft_graph_view_get_layout (f->view));
      g_assert_cmpint (((WeftEntity *) weft_graph_get_node (graph, i)->item)->kind, !=, WEFT_ENTITY_PLACE);
    }
  weft_session_set_show_events (f->session, TRUE);
  wait_for_layout (f);
  g_assert_cmpuint (n_nodes (f), >, weft_graph_get_n_entities (weft_layout_get_graph (weft_graph_view_get_layout (f->view))));
}

/* A time window or a hidden kind hides nodes where they are: every node
 * left keeps its place, and the view its zoom. */
static void
test_filters_steady (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GHashTable) before = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  WeftLayout *layout = weft_graph_view_get_layout (f->view);
  WeftGraph *graph = weft_layout_get_graph (layout);
  double scale = weft_graph_view_get_scale (f->view), cx, cy, x, y;
  guint all = n_nodes (f);

  for (guint i = 0; i < weft_graph_get_n_nodes (graph); i++)
    g_hash_table_insert (before, weft_graph_get_node (graph, i)->item,
                         g_memdup2 (weft_layout_get_node (layout, i), sizeof (WeftNodeBox)));
  weft_graph_view_get_center (f->view, &cx, &cy);

  for (guint round = 0; round < 2; round++)
    {
      if (round == 0)
        weft_session_set_window (f->session, weft_days_from_civil (2019, 1, 1), weft_days_from_civil (2019, 12, 31));
      else
        weft_session_set_hidden_kinds (f->session, 1u << WEFT_ENTITY_PLACE);
      weft_test_spin (100);
      g_assert_false (weft_graph_view_get_busy (f->view));
      layout = weft_graph_view_get_layout (f->view);
      graph = weft_layout_get_graph (layout);
      g_assert_cmpuint (n_nodes (f), <, all);
      g_assert_cmpuint (n_nodes (f), >, 0);
      for (guint i = 0; i < weft_graph_get_n_nodes (graph); i++)
        {
          const WeftNodeBox *was = g_hash_table_lookup (before, weft_graph_get_node (graph, i)->item);
          const WeftNodeBox *is = weft_layout_get_node (layout, i);

          g_assert_nonnull (was);
          g_assert_cmpfloat (is->x, ==, was->x);
          g_assert_cmpfloat (is->y, ==, was->y);
        }
      g_assert_cmpfloat (weft_graph_view_get_scale (f->view), ==, scale);
      weft_graph_view_get_center (f->view, &x, &y);
      g_assert_cmpfloat (x, ==, cx);
      g_assert_cmpfloat (y, ==, cy);
    }
  weft_test_save_screenshot (f->window, "graph-view-filtered.png");

  weft_session_clear_window (f->session);
  weft_session_set_hidden_kinds (f->session, 0);
  weft_test_spin (100);
  g_assert_cmpuint (n_nodes (f), ==, all);
}

static void
test_bounded (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GError) error = NULL;

  weft_graph_view_set_bound (f->view, 12);
  wait_for_layout (f);
  g_assert_true (weft_graph_view_get_bounded (f->view));
  g_assert_cmpuint (n_nodes (f), ==, 12);
  g_assert_nonnull (weft_graph_view_get_message (f->view));
  g_assert_nonnull (strstr (weft_graph_view_get_message (f->view), "12 most connected of 55"));
  weft_test_save_screenshot (f->window, "graph-view-bounded.png");

  /* Export is what the view shows. */
  svg = weft_graph_view_export (f->view, WEFT_EXPORT_SVG, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (g_bytes_get_data (svg, NULL), "<svg"));

  /* An entity the bounded view leaves out: the view says so, and
   * graph.focus (the bar's Focus on It) shows it. */
  g_assert_false (weft_graph_view_get_selection_outside (f->view));
  for (guint i = 0; i < weft_dataset_get_entities (f->dataset)->len; i++)
    {
      WeftItem *item = g_ptr_array_index (weft_dataset_get_entities (f->dataset), i);

      if (weft_graph_lookup_node (weft_layout_get_graph (weft_graph_view_get_layout (f->view)), item) >= 0)
        continue;
      weft_session_set_selection (f->session, item);
      g_assert_true (weft_graph_view_get_selection_outside (f->view));
      g_assert_nonnull (strstr (weft_graph_view_get_message (f->view), weft_item_get_label (item)));
      g_assert_nonnull (strstr (weft_graph_view_get_message (f->view), "not among the 12 entities shown"));
      weft_session_set_selection (f->session, NULL);
      g_assert_false (weft_graph_view_get_selection_outside (f->view));
      g_assert_nonnull (strstr (weft_graph_view_get_message (f->view), "12 most connected of 55"));
      weft_session_set_selection (f->session, item);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "graph.focus", NULL));
      g_assert_true (weft_session_get_focus (f->session) == (WeftEntity *) item);
      wait_for_layout (f);
      g_assert_false (weft_graph_view_get_selection_outside (f->view));
      g_assert_cmpint (weft_graph_lookup_node (weft_layout_get_graph (weft_graph_view_get_layout (f->view)), item), >=, 0);
      weft_session_set_focus (f->session, NULL);
      weft_session_set_selection (f->session, NULL);
      wait_for_layout (f);
      break;
    }

  /* Laying out everything says how long it has taken so far (it runs in
   * the helper process, which Stop kills: test-layout's cancel-everything;
   * the GUI tests have no helper). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "graph.full-layout", NULL));
  while (!weft_graph_view_get_busy (f->view))
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (strstr (weft_graph_view_get_message (f->view), "Laying out all 55 entities in the background"));
  wait_for_layout (f);
  g_assert_false (weft_graph_view_get_bounded (f->view));
  g_assert_null (weft_graph_view_get_message (f->view));
  g_assert_cmpuint (n_nodes (f), ==, 55);
}

static void
test_fallback (Fixture       *f,
               gconstpointer  data)
{
  /* dot needs far more than a millisecond: the view falls back to sfdp,
   * says so, and shows it. */
  weft_graph_view_set_timeout (f->view, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "graph.engine", "s", "dot"));
  wait_for_layout (f);
  g_assert_cmpint (weft_layout_get_engine (weft_graph_view_get_layout (f->view)), ==, WEFT_ENGINE_SFDP);
  g_assert_nonnull (weft_graph_view_get_message (f->view));
  g_assert_nonnull (strstr (weft_graph_view_get_message (f->view), "took too long"));
  g_assert_cmpuint (n_nodes (f), ==, weft_dataset_get_entities (f->dataset)->len);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  WeftLayout *before = weft_graph_view_get_layout (f->view);
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  weft_graph_view_set_engine (f->view, "circo");
  while (!weft_graph_view_get_busy (f->view) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (weft_graph_view_get_busy (f->view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "graph.cancel-layout", NULL));
  weft_test_spin (300);
  g_assert_false (weft_graph_view_get_busy (f->view));
  g_assert_cmpstr (weft_graph_view_get_message (f->view), ==, "Layout cancelled");
  /* The graph on screen stays. */
  g_assert_true (weft_graph_view_get_layout (f->view) == before);
}

/* Names that mean something to Pango, Graphviz or HTML show as they are. */
static void
test_awkward_names (void)
{
  static const char doc[] =
    "{\"weft\": 1, \"title\": \"Awkward\", \"entities\": ["
    "{\"id\": \"a\", \"name\": \"<b>bold</b> &amp; \\\\N\", \"kind\": \"company\"},"
    "{\"id\": \"b\", \"name\": \"<span foreground='red'>x</span> {a|b}\", \"kind\": \"person\"}],"
    "\"relations\": [{\"id\": \"r\", \"from\": \"a\", \"to\": \"b\", \"type\": \"<i>t</i>\"}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(WeftDataset) dataset = weft_dataset_load_data (doc, strlen (doc), "awkward.weft", NULL, &error);
  g_autoptr(WeftSession) session = NULL;
  Fixture f = { 0 };
  WeftEntity *a;
  g_autofree char *expected = NULL;

  g_assert_no_error (error);
  a = weft_dataset_lookup_entity (dataset, "a");
  g_assert_cmpstr (a->name, ==, "<b>bold</b> &amp; \\N");
  session = weft_session_new (dataset);
  f.dataset = dataset;
  f.session = session;
  f.window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f.window), 600, 300);
  f.view = WEFT_GRAPH_VIEW (weft_graph_view_new (session));
  gtk_window_set_child (GTK_WINDOW (f.window), GTK_WIDGET (f.view));
  gtk_window_present (GTK_WINDOW (f.window));
  wait_for_layout (&f);

  weft_session_set_selection (session, &a->item);
  expected = g_strdup_printf ("Selected: %s, Company: 1 relations, 0 events, 0 claims", a->name);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f.view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.view), "graph.zoom-fit", NULL));
  weft_test_spin (300);
  weft_test_save_screenshot (f.window, "graph-view-awkward.png");
  gtk_window_destroy (GTK_WINDOW (f.window));
}

/* A screenshot read back: luminance (0 to 255) by pixel. */
typedef struct {
  int     width;
  int     height;
  guchar *luma;
} Shot;

static void
shot_clear (Shot *shot)
{
  g_clear_pointer (&shot->luma, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Shot, shot_clear)

/* Saves what @f's window shows as @name and reads it back. */
static void
shot_take (Fixture    *f,
           const char *name,
           Shot       *shot)
{
  g_autofree char *path = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guint32 *argb = NULL;

  weft_test_save_screenshot (f->window, name);
  path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  texture = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  shot->width = gdk_texture_get_width (texture);
  shot->height = gdk_texture_get_height (texture);
  argb = g_new (guint32, (gsize) shot->width * shot->height);
  gdk_texture_download (texture, (guchar *) argb, (gsize) shot->width * 4);
  shot->luma = g_new (guchar, (gsize) shot->width * shot->height);
  for (gsize i = 0; i < (gsize) shot->width * shot->height; i++)
    shot->luma[i] = (guchar) ((((argb[i] >> 16) & 0xff) * 3 + ((argb[i] >> 8) & 0xff) * 6 + (argb[i] & 0xff)) / 10);
}

/* The least (@darkest) or greatest luminance in the box (x, y, w, h). */
static guint
shot_extreme (const Shot *shot,
              int         x,
              int         y,
              int         w,
              int         h,
              gboolean    darkest)
{
  guint best = darkest ? 255 : 0;

  g_assert_true (x >= 0 && y >= 0 && x + w <= shot->width && y + h <= shot->height);
  for (int j = y; j < y + h; j++)
    for (int i = x; i < x + w; i++)
      best = darkest ? MIN (best, shot->luma[j * shot->width + i]) : MAX (best, shot->luma[j * shot->width + i]);
  return best;
}

static double
shot_mean (const Shot *shot)
{
  double sum = 0;

  for (gsize i = 0; i < (gsize) shot->width * shot->height; i++)
    sum += shot->luma[i];
  return sum / ((gsize) shot->width * shot->height);
}

/* The palette follows the desktop's dark style: a dark background, light
 * names on it, dark node fills, and a picture unlike the light one. */
static void
test_dark (Fixture       *f,
           gconstpointer  data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  WeftLayout *layout = weft_graph_view_get_layout (f->view);
  WeftGraph *graph = weft_layout_get_graph (layout);
  double scale = weft_graph_view_get_scale (f->view), cx, cy, x, y, fx;
  const WeftNodeBox *hub;
  g_auto(Shot) light = { 0 };
  g_auto(Shot) dark = { 0 };
  guint most = 0;

  /* The most connected node: at the fitted zoom its name is inside it. */
  for (guint i = 1; i < weft_graph_get_n_nodes (graph); i++)
    if (weft_graph_get_node (graph, i)->degree > weft_graph_get_node (graph, most)->degree)
      most = i;
  hub = weft_layout_get_node (layout, most);
  weft_graph_view_get_center (f->view, &cx, &cy);
  x = (hub->x - cx) * scale + gtk_widget_get_width (GTK_WIDGET (f->view)) / 2.0;
  y = (hub->y - cy) * scale + gtk_widget_get_height (GTK_WIDGET (f->view)) / 2.0;
  g_assert_cmpfloat (hub->height * scale, >=, 6);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  weft_test_spin (300);
  shot_take (f, "graph-view-light.png", &light);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  weft_test_spin (300);
  shot_take (f, "graph-view-dark.png", &dark);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  weft_test_spin (100);

  /* Where the fill shows: in the margin left of the name, halfway down. */
  fx = x - hub->width * scale / 2 + 3;
  g_test_message ("luminance light/dark: background %u/%u, fill %u/%u, name %u/%u",
                  shot_extreme (&light, 2, 2, 8, 8, TRUE), shot_extreme (&dark, 2, 2, 8, 8, FALSE),
                  shot_extreme (&light, (int) fx, (int) y - 1, 2, 3, TRUE),
                  shot_extreme (&dark, (int) fx, (int) y - 1, 2, 3, FALSE),
                  shot_extreme (&light, (int) x - 12, (int) y - 4, 24, 9, TRUE),
                  shot_extreme (&dark, (int) x - 12, (int) y - 4, 24, 9, FALSE));

  /* The background, in a corner where nothing is drawn. */
  g_assert_cmpuint (shot_extreme (&light, 2, 2, 8, 8, TRUE), >, 200);
  g_assert_cmpuint (shot_extreme (&dark, 2, 2, 8, 8, FALSE), <, 60);
  /* The node's fill, beside its name. */
  g_assert_cmpuint (shot_extreme (&light, (int) fx, (int) y - 1, 2, 3, TRUE), >, 180);
  g_assert_cmpuint (shot_extreme (&dark, (int) fx, (int) y - 1, 2, 3, FALSE), <, 120);
  /* Its name in the middle: dark letters on light, light letters on dark. */
  g_assert_cmpuint (shot_extreme (&light, (int) x - 12, (int) y - 4, 24, 9, TRUE), <, 100);
  g_assert_cmpuint (shot_extreme (&dark, (int) x - 12, (int) y - 4, 24, 9, FALSE), >, 180);
  /* As a whole. */
  g_assert_cmpfloat (shot_mean (&light), >, shot_mean (&dark) + 120);
}

/* The first widget under @root (itself included) of @type whose label,
 * if @label is given, is @label. */
static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *label)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (label == NULL || g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The bar over the view says when it shows part of the graph, lays out
 * everything, and stops a layout. */
static void
test_bar (Fixture       *f,
          gconstpointer  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bar = weft_views_new_graph_bar (GTK_WIDGET (f->view));
  GtkWidget *everything = find_widget (bar, GTK_TYPE_BUTTON, "Lay Out _Everything");
  GtkWidget *stop = find_widget (bar, GTK_TYPE_BUTTON, "_Stop");
  GtkRevealer *revealer = GTK_REVEALER (find_widget (bar, GTK_TYPE_REVEALER, NULL));
  GtkLabel *label = GTK_LABEL (find_widget (bar, GTK_TYPE_LABEL, NULL));
  gint64 deadline;

  g_assert_nonnull (everything);
  g_assert_nonnull (stop);
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
  g_object_ref (f->view);
  gtk_window_set_child (GTK_WINDOW (f->window), NULL);
  gtk_widget_set_vexpand (GTK_WIDGET (f->view), TRUE);
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->view));
  gtk_window_set_child (GTK_WINDOW (f->window), box);
  g_object_unref (f->view);

  /* Part of the graph: the bar says so and offers everything. */
  weft_graph_view_set_bound (f->view, 12);
  wait_for_layout (f);
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_cmpstr (gtk_label_get_label (label), ==, weft_graph_view_get_message (f->view));
  g_assert_true (gtk_widget_get_visible (everything));
  g_assert_false (gtk_widget_get_visible (stop));
  weft_test_save_screenshot (f->window, "graph-view-bar.png");

  g_signal_emit_by_name (everything, "clicked");
  wait_for_layout (f);
  g_assert_false (weft_graph_view_get_bounded (f->view));
  g_assert_false (gtk_revealer_get_reveal_child (revealer));

  /* While a layout runs, Stop is the bar's button, and stops it. */
  weft_graph_view_set_engine (f->view, "circo");
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (!weft_graph_view_get_busy (f->view) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (weft_graph_view_get_busy (f->view));
  g_assert_true (gtk_widget_get_visible (stop));
  g_assert_false (gtk_widget_get_visible (everything));
  g_signal_emit_by_name (stop, "clicked");
  weft_test_spin (300);
  g_assert_false (weft_graph_view_get_busy (f->view));
  g_assert_cmpstr (gtk_label_get_label (label), ==, "Layout cancelled");
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
}

/* From the keyboard: n and p go through every node, row by row; ] and [
 * through the selected node's links, each read out; an arrow to
 * the nearest node that way. */
static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  WeftLayout *layout = weft_graph_view_get_layout (f->view);
  WeftGraph *graph = weft_layout_get_graph (layout);
  guint n = weft_graph_get_n_nodes (graph);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  gint first, node, edge, back;

  g_assert_cmpint (weft_graph_view_get_selected_node (f->view), <, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "graph.step-node", "i", 1));
  first = weft_graph_view_get_selected_node (f->view);
  g_assert_cmpint (first, >=, 0);
  /* The first is in the top row. */
  for (guint i = 0; i < n; i++)
    g_assert_cmpfloat (floor (weft_layout_get_node (layout, i)->y / 24), >=,
                       floor (weft_layout_get_node (layout, first)->y / 24));
  /* n reaches every node once, then comes round; p goes back. */
  for (guint i = 0; i < n; i++)
    {
      node = weft_graph_view_get_selected_node (f->view);
      g_assert_cmpint (node, >=, 0);
      g_assert_false (g_hash_table_contains (seen, GINT_TO_POINTER (node)));
      g_hash_table_add (seen, GINT_TO_POINTER (node));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "graph.step-node", "i", 1));
    }
  g_assert_cmpint (weft_graph_view_get_selected_node (f->view), ==, first);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "graph.step-node", "i", 1));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "graph.step-node", "i", -1));
  g_assert_cmpint (weft_graph_view_get_selected_node (f->view), ==, first);

  /* The links of Huawei, each read as the description. */
  g_assert_true (weft_session_select_id (f->session, "ent-huawei"));
  node = weft_graph_view_get_selected_node (f->view);
  g_hash_table_remove_all (seen);
  for (guint i = 0; i < 20; i++)
    {
      const WeftGraphEdge *e;
      g_autofree char *expected = NULL;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "graph.step-link", "i", 1));
      edge = weft_graph_view_get_selected_edge (f->view);
      g_assert_cmpint (edge, >=, 0);
      e = weft_graph_get_edge (graph, edge);
      g_assert_true (e->tail == (guint) node || e->head == (guint) node);
      expected = g_strdup_printf ("Selected: %s → %s: %s; %s, %u claims, %u sources",
                                  weft_graph_get_node (graph, e->tail)->label, weft_graph_get_node (graph, e->head)->label,
                                  e->label, weft_evidence_label (e->evidence), e->n_claims, e->n_sources);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);
      if (g_hash_table_contains (seen, GINT_TO_POINTER (edge)))
        break;
      g_hash_table_add (seen, GINT_TO_POINTER (edge));
    }
  /* Round again: every relation of Huawei's was one stop. */
  g_assert_cmpuint (g_hash_table_size (seen), >=, 3);
  back = weft_graph_view_get_selected_edge (f->view);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "graph.step-link", "i", -1));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "graph.step-link", "i", 1));
  g_assert_cmpint (weft_graph_view_get_selected_edge (f->view), ==, back);

  /* Right: a node to the right, if any; Left: one to the left. */
  g_assert_true (weft_session_select_id (f->session, "ent-huawei"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "graph.move", "(dd)", 1.0, 0.0));
  if (weft_graph_view_get_selected_node (f->view) != node)
    g_assert_cmpfloat (weft_layout_get_node (layout, weft_graph_view_get_selected_node (f->view))->x, >,
                       weft_layout_get_node (layout, node)->x);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "graph.move", "(dd)", -1.0, 0.0));
  g_assert_cmpint (weft_graph_view_get_selected_node (f->view), >=, 0);
}

/* A check button labelled @data. */
static gboolean
is_check (GtkWidget     *widget,
          gconstpointer  data)
{
  return GTK_IS_CHECK_BUTTON (widget) && g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), data) == 0;
}

#define find_check(root, label) GTK_CHECK_BUTTON (weft_test_find_widget ((root), is_check, (label)))

/* The bar's Legend button is the view's legend; its Links popover sets
 * what paths and focus follow, and follows the session. */
static void
test_bar_tools (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GtkWidget) bar = g_object_ref_sink (weft_views_new_graph_bar (GTK_WIDGET (f->view)));
  GtkWidget *legend = find_widget (bar, GTK_TYPE_TOGGLE_BUTTON, "_Legend");
  GtkMenuButton *links = GTK_MENU_BUTTON (find_widget (bar, GTK_TYPE_MENU_BUTTON, NULL));
  GtkWidget *popover;
  GtkCheckButton *together, *place, *confirmed;
  guint kinds, statuses;

  g_assert_nonnull (legend);
  g_assert_nonnull (links);
  g_assert_false (weft_graph_view_get_show_legend (f->view));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (legend)));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (legend), TRUE);
  g_assert_true (weft_graph_view_get_show_legend (f->view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "graph.legend", NULL));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (legend)));

  popover = GTK_WIDGET (gtk_menu_button_get_popover (links));
  g_assert_nonnull (popover);
  together = find_check (popover, "Link entities _named in the same event or claim");
  place = find_check (popover, "Place");
  confirmed = find_check (popover, "Confirmed");
  g_assert_nonnull (together);
  g_assert_nonnull (place);
  g_assert_nonnull (confirmed);
  g_assert_true (gtk_check_button_get_active (together));
  g_assert_false (gtk_check_button_get_active (place));

  gtk_check_button_set_active (place, TRUE);
  gtk_check_button_set_active (confirmed, TRUE);
  gtk_check_button_set_active (together, FALSE);
  g_object_get (f->session, "path-excluded-kinds", &kinds, "path-statuses", &statuses, NULL);
  g_assert_cmpuint (kinds, ==, 1u << WEFT_ENTITY_PLACE);
  g_assert_cmpuint (statuses, ==, 1u << WEFT_STATUS_CONFIRMED);
  g_assert_false (weft_session_get_link_options (f->session)->named_together);

  g_object_set (f->session, "path-excluded-kinds", 0u, "path-statuses", 0u, "named-together", TRUE, NULL);
  g_assert_false (gtk_check_button_get_active (place));
  g_assert_false (gtk_check_button_get_active (confirmed));
  g_assert_true (gtk_check_button_get_active (together));
}

static gboolean
is_narrow (gpointer data)
{
  return gtk_widget_get_width (data) < 600;
}

static gboolean
is_wide (gpointer data)
{
  return gtk_widget_get_width (data) > 900;
}

static gboolean
is_idle (gpointer data)
{
  return !weft_graph_view_get_busy (data) && weft_graph_view_get_layout (data) != NULL;
}

/* Thousands of nodes are fitted to a new pane shape in a thread: the
 * view says it is busy meanwhile, keeps its drawing, then shows the new
 * fit. */
static void
test_large_refit (void)
{
  g_autoptr(WeftDataset) dataset = weft_dataset_new ();
  g_autoptr(WeftDiagnostics) diagnostics = weft_diagnostics_new ("large");
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(WeftSession) session = NULL;
  const guint n = 1600;
  WeftGraphView *view;
  GtkWindow *window;
  WeftLayout *before;
  double wide_ratio;


  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", i);
      weft_dataset_add_entity (dataset, id, id, i % WEFT_N_ENTITY_KINDS);
    }
  for (guint i = 1; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("r%u", i);
      g_autofree char *a = g_strdup_printf ("e%u", i);
      g_autofree char *b = g_strdup_printf ("e%u", g_rand_int_range (rand, 0, (gint32) i));

      weft_dataset_add_relation (dataset, id, a, b, "knows");
    }
  g_assert_true (weft_dataset_finish (dataset, diagnostics));
  session = weft_session_new (dataset);
  view = WEFT_GRAPH_VIEW (weft_graph_view_new (session));
  weft_graph_view_set_bound (view, 2 * n);
  /* What is tested is the fit, not the layout's time limit (4 s), which
   * the sanitizer build's slower layout of 1,600 nodes passes. */
  g_object_set (view, "timeout", 120000u, NULL);
  window = weft_test_present (GTK_WIDGET (view), 1000, 700);
  g_assert_true (weft_test_wait_for (is_idle, view));
  before = weft_graph_view_get_layout (view);
  g_assert_cmpuint (weft_graph_get_n_nodes (weft_layout_get_graph (before)), ==, n);
  wide_ratio = weft_layout_get_width (before) / weft_layout_get_height (before);

  gtk_window_set_default_size (window, 450, 700);
  g_assert_true (weft_test_wait_for (is_narrow, view));
  /* The fit starts once the size has held, and runs off the main loop. */
  g_assert_true (weft_test_wait_for ((WeftTestCondition) weft_graph_view_get_busy, view));
  g_assert_true (weft_graph_view_get_layout (view) == before);
  g_assert_true (weft_test_wait_for (is_idle, view));
  g_assert_true (weft_graph_view_get_layout (view) != before);
  g_test_message ("width / height: %.2f in 1000x700, %.2f in 450x700", wide_ratio,
                  weft_layout_get_width (weft_graph_view_get_layout (view)) /
                  weft_layout_get_height (weft_graph_view_get_layout (view)));
  g_assert_cmpfloat (weft_layout_get_width (weft_graph_view_get_layout (view)) /
                     weft_layout_get_height (weft_graph_view_get_layout (view)), <, wide_ratio);
  gtk_window_destroy (window);
}

/* A new size keeps the whole graph in view when it was; zoomed in, the
 * middle of the view stays in the middle. */
static void
test_resize (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (f->view);
  WeftLayout *layout;
  double wide, scale, cx, cy, x, y;

  g_assert_true (gtk_widget_activate_action (view, "graph.zoom-fit", NULL));
  wide = weft_graph_view_get_scale (f->view);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 500, 700);
  g_assert_true (weft_test_wait_for (is_narrow, view));
  weft_test_spin (100);
  /* The layout fitted to the new shape (the one before is freed). */
  layout = weft_graph_view_get_layout (f->view);
  scale = weft_graph_view_get_scale (f->view);
  g_assert_cmpfloat (scale, <, wide);
  g_assert_cmpfloat (weft_layout_get_width (layout) * scale, <=, gtk_widget_get_width (view));
  g_assert_cmpfloat (weft_layout_get_height (layout) * scale, <=, gtk_widget_get_height (view));
  weft_graph_view_get_center (f->view, &x, &y);
  g_assert_cmpfloat (fabs (x - weft_layout_get_width (layout) / 2), <=, 1 / scale);
  g_assert_cmpfloat (fabs (y - weft_layout_get_height (layout) / 2), <=, 1 / scale);
  weft_test_save_screenshot (f->window, "graph-view-narrow.png");

  /* Zoomed in (no longer the whole graph): the same scale, the same middle. */
  g_assert_true (gtk_widget_activate_action (view, "graph.zoom-in", NULL));
  g_assert_true (gtk_widget_activate_action (view, "graph.pan", "(dd)", 0.5, 0.25));
  scale = weft_graph_view_get_scale (f->view);
  weft_graph_view_get_center (f->view, &cx, &cy);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  g_assert_true (weft_test_wait_for (is_wide, view));
  weft_test_spin (100);
  g_assert_cmpfloat (weft_graph_view_get_scale (f->view), ==, scale);
  weft_graph_view_get_center (f->view, &x, &y);
  g_assert_cmpfloat (fabs (x - cx), <=, 1 / scale);
  g_assert_cmpfloat (fabs (y - cy), <=, 1 / scale);
}

/* The mean luminance difference of two shots over the box (x, y, w, h). */
static double
shot_difference (const Shot *a,
                 const Shot *b,
                 int         x,
                 int         y,
                 int         w,
                 int         h)
{
  double sum = 0;
  guint n = 0;

  for (int j = MAX (y, 0); j < MIN (y + h, a->height); j++)
    for (int i = MAX (x, 0); i < MIN (x + w, a->width); i++, n++)
      sum += abs ((int) a->luma[j * a->width + i] - (int) b->luma[j * b->width + i]);
  return n > 0 ? sum / n : 0;
}

/* Selecting an event lights its participants (the rest dims); selecting
 * a claim lights its claimant and what it is about. */
static void
test_selection_lights (Fixture       *f,
                       gconstpointer  data)
{
  const char *items[] = { "ev-bgi-covid-testing", "cl-state-penetrates-private-lives" };
  WeftLayout *layout = weft_graph_view_get_layout (f->view);
  WeftGraph *graph = weft_layout_get_graph (layout);
  double scale = weft_graph_view_get_scale (f->view), cx, cy;
  int width = gtk_widget_get_width (GTK_WIDGET (f->view)), height = gtk_widget_get_height (GTK_WIDGET (f->view));
  g_auto(Shot) plain = { 0 };

  weft_graph_view_get_center (f->view, &cx, &cy);
  shot_take (f, "graph-view-unlit.png", &plain);
  for (guint k = 0; k < G_N_ELEMENTS (items); k++)
    {
      WeftItem *item = weft_dataset_lookup (f->dataset, items[k]);
      g_autofree gboolean *expected = g_new0 (gboolean, n_nodes (f));
      g_autofree char *name = g_strdup_printf ("graph-view-lit-%u.png", k);
      g_auto(Shot) lit = { 0 };
      guint n_kept = 0, n_dimmed = 0;

      g_assert_nonnull (item);
      if (item->type == WEFT_ITEM_EVENT)
        for (guint i = 0; i < ((WeftEvent *) item)->n_participants; i++)
          expected[weft_graph_lookup_node (graph, weft_dataset_lookup (f->dataset, ((WeftEvent *) item)->participants[i].entity))] = TRUE;
      else
        for (guint i = 0; ((WeftClaim *) item)->about[i] != NULL; i++)
          {
            gint node = weft_graph_lookup_node (graph, weft_dataset_lookup (f->dataset, ((WeftClaim *) item)->about[i]));

            g_assert_cmpint (node, >=, 0);
            expected[node] = TRUE;
          }

      g_assert_true (weft_session_select_id (f->session, items[k]));
      g_assert_cmpint (weft_graph_view_get_selected_node (f->view), ==, -1);
      weft_test_spin (200);
      shot_take (f, name, &lit);
      for (guint i = 0; i < n_nodes (f); i++)
        {
          const WeftNodeBox *b = weft_layout_get_node (layout, i);
          /* Inside its outline. */
          int x = (int) ((b->x - cx) * scale + width / 2.0 - b->width * scale / 4);
          int y = (int) ((b->y - cy) * scale + height / 2.0 - b->height * scale / 4);
          int w = MAX ((int) (b->width * scale / 2), 2), h = MAX ((int) (b->height * scale / 2), 2);
          double diff = shot_difference (&plain, &lit, x, y, w, h);

          if (expected[i])
            {
              if (diff >= 4)
                g_error ("%s: %s is not lit (%.1f)", items[k], weft_graph_get_node (graph, i)->label, diff);
              n_kept++;
            }
          else if (diff >= 12)
            n_dimmed++;
        }
      g_test_message ("%s: %u kept, %u dimmed of %u", items[k], n_kept, n_dimmed, n_nodes (f));
      g_assert_cmpuint (n_kept, >=, 4);
      /* Nearly every other node dims (a tiny one may change too little). */
      g_assert_cmpuint (n_dimmed, >=, (n_nodes (f) - n_kept) * 9 / 10);
    }
  g_assert_true (weft_session_select_id (f->session, "ent-huawei"));
  weft_test_spin (100);
}

/* The legend card, shown, covers no node: each node's box looks as it
 * does in the same view without the card, while the picture changed
 * somewhere. */
static void
test_legend_covers_nothing (Fixture       *f,
                            gconstpointer  data)
{
  WeftLayout *layout = weft_graph_view_get_layout (f->view);
  double scale, cx, cy;
  int width = gtk_widget_get_width (GTK_WIDGET (f->view)), height = gtk_widget_get_height (GTK_WIDGET (f->view));
  g_auto(Shot) plain = { 0 };
  g_auto(Shot) legend = { 0 };

  weft_graph_view_set_show_legend (f->view, TRUE);
  weft_test_spin (200);
  scale = weft_graph_view_get_scale (f->view);
  weft_graph_view_get_center (f->view, &cx, &cy);
  shot_take (f, "graph-view-legend.png", &legend);
  weft_graph_view_set_show_legend (f->view, FALSE);
  weft_graph_view_set_scale (f->view, scale);
  weft_graph_view_set_center (f->view, cx, cy);
  weft_test_spin (200);
  g_assert_cmpfloat (fabs (weft_graph_view_get_scale (f->view) - scale), <, 1e-9);
  shot_take (f, "graph-view-no-legend.png", &plain);
  g_assert_cmpfloat (shot_difference (&plain, &legend, 0, 0, MIN (plain.width, width), MIN (plain.height, height)), >, 0.5);
  for (guint i = 0; i < n_nodes (f); i++)
    {
      const WeftNodeBox *b = weft_layout_get_node (layout, i);
      int x = (int) floor ((b->x - cx) * scale + width / 2.0 - b->width * scale / 2);
      int y = (int) floor ((b->y - cy) * scale + height / 2.0 - b->height * scale / 2);
      int x2 = (int) ceil ((b->x - cx) * scale + width / 2.0 + b->width * scale / 2);
      int y2 = (int) ceil ((b->y - cy) * scale + height / 2.0 + b->height * scale / 2);

      x = CLAMP (x, 0, width - 1);
      y = CLAMP (y, 0, height - 1);
      x2 = CLAMP (x2, x + 1, width);
      y2 = CLAMP (y2, y + 1, height);
      if (shot_difference (&plain, &legend, x, y, x2 - x, y2 - y) >= 1)
        g_error ("the legend covers %s", weft_graph_get_node (weft_layout_get_graph (layout), i)->label);
    }
}

int
main (int    argc,
      char **argv)
{
  /* GTK's test accessibility backend records what the view tells
   * assistive technologies, so the tests can read it back. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  if (!weft_test_gui_init (&argc, &argv))
    return 0;

#define ADD(path, fn) g_test_add ("/weft/graph-view/" path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("opens", test_opens);
  ADD ("select-zoom-find", test_select_zoom_find);
  ADD ("selection-lights", test_selection_lights);
  ADD ("legend-covers-nothing", test_legend_covers_nothing);
  ADD ("resize", test_resize);
  g_test_add_func ("/weft/graph-view/large-refit", test_large_refit);
  ADD ("focus", test_focus);
  ADD ("cross-fade", test_cross_fade);
  ADD ("path-and-engine", test_path_and_engine);
  ADD ("window-and-kinds", test_window_and_kinds);
  ADD ("filters-steady", test_filters_steady);
  ADD ("bounded", test_bounded);
  ADD ("fallback", test_fallback);
  ADD ("cancel", test_cancel);
  ADD ("bar-tools", test_bar_tools);
  ADD ("keyboard", test_keyboard);
  ADD ("bar", test_bar);
  ADD ("dark", test_dark);
#undef ADD
  g_test_add_func ("/weft/graph-view/awkward-names", test_awkward_names);

  return weft_test_run ();
}
