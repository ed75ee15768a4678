/* test-window-present.c: presenting and exporting the timeline, from the
 * window
 *
 * Runs under Xvfb (build-aux/test); skips without a display. Screenshots
 * go to the build folder: window-export-dialog.png,
 * window-present-1920.png, window-present-1280.png.
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-test"

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "weft-application.h"
#include "weft-export-dialog.h"
#include "weft-graph-view.h"
#include "weft-present.h"
#include "weft-sidebar.h"
#include "weft-timeline-view.h"
#include "weft-window.h"
#include "weft-test-gui.h"

static WeftApplication *app;

/* ---- Export ------------------------------------------------------------- */

static gboolean
is_export_dialog (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (WEFT_IS_EXPORT_DIALOG (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        {
          *(WeftExportDialog **) data = WEFT_EXPORT_DIALOG (window);
          return TRUE;
        }
    }
  return FALSE;
}

/* Turns every switch under @widget to @active; returns how many. */
static guint
set_switches (GtkWidget *widget,
              gboolean   active)
{
  guint n = 0;

  if (GTK_IS_SWITCH (widget))
    {
      gtk_switch_set_active (GTK_SWITCH (widget), active);
      return 1;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += set_switches (child, active);
  return n;
}

/* Ctrl+E asks what to export; each choice maps onto the export's options,
 * and the suggested name is the dataset's title. */
static void
test_export_dialog (void)
{
  WeftWindow *window = weft_test_window_with_example (GTK_APPLICATION (app), 1280, 800);
  WeftSession *session = weft_window_get_session (window);
  GtkWidget *timeline = weft_window_get_timeline (window);
  WeftExportDialog *dialog = NULL;
  WeftTimelineExportOptions options;
  g_autofree char *name = NULL;
  g_autofree char *path = weft_test_build_tmp_path ("exported.svg");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *svg = NULL;
  double lower, upper;
  gint64 from = weft_days_from_civil (2018, 1, 1), to = weft_days_from_civil (2020, 12, 31);

  weft_session_set_window (session, from, to);
  weft_test_settle ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-timeline", NULL));
  g_assert_true (weft_test_wait_for (is_export_dialog, &dialog));
  weft_test_settle ();
  weft_test_save_screenshot (GTK_WIDGET (dialog), "window-export-dialog.png");

  name = weft_export_dialog_dup_file_name (dialog);
  g_assert_cmpstr (name, ==, "Smart cities in China.svg");

  /* With a time window, it is what the dialog offers first. */
  g_assert_cmpint (weft_export_dialog_get_range (dialog), ==, WEFT_EXPORT_RANGE_WINDOW);
  weft_export_dialog_get_options (dialog, &options);
  g_assert_true (options.has_from && options.has_to);
  g_assert_cmpint (options.from, ==, from);
  g_assert_cmpint (options.to, ==, to);
  g_assert_true (options.legend && options.heading);
  g_assert_cmpuint (options.width, ==, 1600);

  /* What is visible: the view's span. */
  weft_export_dialog_set_range (dialog, WEFT_EXPORT_RANGE_VISIBLE);
  weft_timeline_view_get_span (WEFT_TIMELINE_VIEW (timeline), &lower, &upper);
  weft_export_dialog_get_options (dialog, &options);
  g_assert_true (options.has_from && options.has_to);
  g_assert_cmpint (options.from, ==, (gint64) floor (lower));
  g_assert_cmpint (options.to, ==, (gint64) ceil (upper) - 1);

  /* Everything, 900 px wide, no legend, no title: an SVG that wide with
   * no title in it. */
  weft_export_dialog_set_range (dialog, WEFT_EXPORT_RANGE_ALL);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (weft_test_find_type (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON)), 900);
  g_assert_cmpuint (set_switches (GTK_WIDGET (dialog), FALSE), ==, 2);
  weft_export_dialog_get_options (dialog, &options);
  g_assert_false (options.has_from || options.has_to);
  g_assert_cmpuint (options.width, ==, 900);
  g_assert_false (options.heading);
  g_assert_true (weft_timeline_export (weft_session_get_dataset (session), file, WEFT_TIMELINE_FORMAT_SVG, &options, &error));
  g_assert_no_error (error);
  svg = weft_test_read_file (path, NULL);
  g_assert_nonnull (strstr (svg, "width=\"900"));
  g_assert_null (strstr (svg, ">Smart cities in China<"));

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  weft_test_settle ();
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_safe_file_name (void)
{
  static const char *cases[][2] = {
    { "Smart cities in China", "Smart cities in China" },
    { "  AI/ML: a \"history\"\n", "AI ML a history" },
    { "..hidden.", "hidden" },
    { "///", NULL },
    { "北京 / 上海", "北京 上海" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = weft_safe_file_name (cases[i][0]);

      g_assert_cmpstr (name, ==, cases[i][1]);
    }
}

/* ---- Presentation ------------------------------------------------------- */

/* @label's font size in pixels (CSS px, or points at 96 dots an inch). */
static double
font_pixels (GtkWidget *label)
{
  PangoContext *context = gtk_widget_get_pango_context (label);
  const PangoFontDescription *font = pango_context_get_font_description (context);
  double size = pango_font_description_get_size (font) / (double) PANGO_SCALE;

  return pango_font_description_get_size_is_absolute (font) ? size : size * 96 / 72;
}

static gboolean
has_css_class (GtkWidget     *widget,
               gconstpointer  css_class)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, css_class);
}

/* Where @widget is, in @window's coordinates. */
static graphene_rect_t
bounds_in (GtkWidget *widget,
           GtkWidget *window)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));
  return bounds;
}

/* Each step: the core's order, the date in plain words, an opaque card in
 * one place beside (never over) the views and the event, large type; the
 * timeline's text scaled up. */
static void
check_presentation (int         width,
                    int         height,
                    const char *screenshot)
{
  WeftWindow *window = weft_test_window_with_example (GTK_APPLICATION (app), width, height);
  WeftSession *session = weft_window_get_session (window);
  WeftTimelineView *timeline = WEFT_TIMELINE_VIEW (weft_window_get_timeline (window));
  GtkWidget *card = weft_window_get_presentation_card (window);
  g_autoptr(GPtrArray) slides = weft_present_dup_events (weft_session_get_dataset (session));
  graphene_rect_t first_place;
  gboolean large = width >= 1900;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  weft_test_settle ();
  weft_test_spin (200);
  g_assert_cmpfloat (weft_timeline_view_get_text_scale (timeline), >=, large ? 1.7 : 1.0);
  /* The graph's names grow as the timeline's. */
  g_assert_cmpfloat (weft_graph_view_get_text_scale (WEFT_GRAPH_VIEW (weft_window_get_graph (window))), ==,
                     weft_timeline_view_get_text_scale (timeline));
  for (guint i = 0; i < slides->len; i++)
    {
      WeftEvent *event = g_ptr_array_index (slides, i);
      g_autofree char *date = weft_present_date_words (&event->date);
      GtkWidget *frame = gtk_widget_get_ancestor (card, GTK_TYPE_SCROLLED_WINDOW);
      graphene_rect_t place = bounds_in (frame, GTK_WIDGET (window));
      graphene_rect_t views = bounds_in (GTK_WIDGET (timeline), GTK_WIDGET (window));
      graphene_rect_t graph = bounds_in (weft_window_get_graph (window), GTK_WIDGET (window));
      graphene_rect_t mark;

      g_assert_true (weft_window_get_presented_event (window) == event);
      g_assert_true (weft_session_get_selection (session) == &event->item);
      g_assert_nonnull (weft_test_find_label (card, date));
      /* One place, beside the views, opaque. */
      if (i == 0)
        first_place = place;
      g_assert_true (graphene_rect_equal (&place, &first_place));
      g_assert_false (graphene_rect_intersection (&place, &views, NULL));
      g_assert_false (graphene_rect_intersection (&place, &graph, NULL));
      g_assert_true (gtk_widget_has_css_class (frame, "presentation-card"));
      /* The event in view, clear of the card. */
      g_assert_true (weft_timeline_view_get_event_bounds (timeline, event, &mark));
      g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (timeline), GTK_WIDGET (window), &views));
      graphene_rect_offset (&mark, views.origin.x, views.origin.y);
      g_assert_false (graphene_rect_intersection (&mark, &place, NULL));
      if (i == 0 || i == 3)
        {
          /* Type a class reads from the back. */
          g_assert_cmpfloat (font_pixels (weft_test_find_widget (card, has_css_class, "presentation-title")), >=,
                             large ? 28 : 24);
          g_assert_cmpfloat (font_pixels (weft_test_find_widget (card, has_css_class, "presentation-date")), >=,
                             large ? 20 : 18);
          if (weft_test_find_widget (card, has_css_class, "presentation-body") != NULL)
            g_assert_cmpfloat (font_pixels (weft_test_find_widget (card, has_css_class, "presentation-body")), >=,
                               large ? 20 : 18);
        }
      if (i == 3)
        weft_test_save_screenshot (GTK_WIDGET (window), screenshot);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.present-next", NULL);
      weft_test_settle ();
    }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present-leave", NULL);
  weft_test_settle ();
  g_assert_cmpfloat (weft_timeline_view_get_text_scale (timeline), ==, 1);
  g_assert_cmpfloat (weft_graph_view_get_text_scale (WEFT_GRAPH_VIEW (weft_window_get_graph (window))), ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_present_1920 (void)
{
  check_presentation (1920, 1080, "window-present-1920.png");
}

static void
test_present_1280 (void)
{
  check_presentation (1280, 800, "window-present-1280.png");
}

static gboolean
is_restored (gpointer data)
{
  return !weft_window_is_restoring (data);
}

static gboolean
graph_is_idle (gpointer data)
{
  return !weft_graph_view_get_busy (data) && weft_graph_view_get_layout (data) != NULL;
}

/* Escape puts back what presentation changed: view, split, panes,
 * selection, focus and hops, the timeline's span and scroll, the banner,
 * and keyboard focus. */
static void
test_present_restores (void)
{
  WeftWindow *window = weft_test_window_with_example (GTK_APPLICATION (app), 1400, 900);
  WeftSession *session = weft_window_get_session (window);
  WeftDataset *dataset = weft_session_get_dataset (session);
  WeftTimelineView *timeline = WEFT_TIMELINE_VIEW (weft_window_get_timeline (window));
  GtkPaned *paned = GTK_PANED (gtk_widget_get_ancestor (GTK_WIDGET (timeline), GTK_TYPE_PANED));
  AdwFlap *sidebar_flap = ADW_FLAP (gtk_widget_get_ancestor (weft_window_get_sidebar (window), ADW_TYPE_FLAP));
  AdwFlap *inspector_flap = ADW_FLAP (gtk_widget_get_ancestor (weft_window_get_inspector (window), ADW_TYPE_FLAP));
  GtkWidget *entry = weft_test_find_type (weft_window_get_sidebar (window), GTK_TYPE_SEARCH_ENTRY);
  WeftGraphView *graph = WEFT_GRAPH_VIEW (weft_window_get_graph (window));
  double lower, upper, lower2, upper2, scroll, graph_scale, graph_x, graph_y, x, y;
  int position;
  WeftWindowView view;

  /* A state unlike presentation's. */
  gtk_paned_set_position (paned, 300);
  weft_session_select_id (session, "ent-huawei");
  weft_session_set_focus (session, weft_dataset_lookup_entity (dataset, "ent-dahua"));
  weft_session_set_focus_hops (session, 3);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-inspector", NULL);
  weft_test_settle ();
  weft_timeline_view_set_span (timeline, weft_days_from_civil (2015, 1, 1), weft_days_from_civil (2019, 1, 1));
  weft_timeline_view_scroll (timeline, 0, 120, 0, TRUE);
  weft_test_settle ();
  /* The graph zoomed in and moved off its fit. */
  g_assert_true (weft_test_wait_for (graph_is_idle, graph));
  weft_test_settle ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (graph), "graph.zoom-in", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (graph), "graph.zoom-in", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (graph), "graph.pan", "(dd)", 1.0, 1.0));
  g_assert_true (gtk_widget_grab_focus (entry));
  weft_test_settle ();
  graph_scale = weft_graph_view_get_scale (graph);
  weft_graph_view_get_center (graph, &graph_x, &graph_y);
  position = gtk_paned_get_position (paned);
  weft_timeline_view_get_span (timeline, &lower, &upper);
  scroll = weft_timeline_view_get_scroll (timeline);
  g_assert_cmpfloat (scroll, >, 0);
  g_assert_nonnull (weft_window_get_banner_text (window));
  g_assert_true (adw_flap_get_reveal_flap (sidebar_flap));
  g_assert_false (adw_flap_get_reveal_flap (inspector_flap));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  weft_test_settle ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present-next", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present-next", NULL);
  weft_test_settle ();
  g_assert_null (weft_window_get_banner_text (window));
  weft_timeline_view_get_span (timeline, &lower2, &upper2);
  g_assert_true (lower2 != lower || upper2 != upper);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.present-leave", NULL);
  weft_test_settle ();
  g_assert_true (weft_test_wait_for (is_restored, window));
  weft_test_settle ();
  g_assert_true (weft_test_wait_for (graph_is_idle, graph));
  weft_test_settle ();

  /* The graph as it was: its own zoom and centre, names at their size. */
  g_assert_cmpfloat (weft_graph_view_get_text_scale (graph), ==, 1);
  g_assert_cmpfloat_with_epsilon (weft_graph_view_get_scale (graph), graph_scale, 1e-6);
  weft_graph_view_get_center (graph, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, graph_x, 0.5);
  g_assert_cmpfloat_with_epsilon (y, graph_y, 0.5);

  g_object_get (window, "view", &view, NULL);
  g_assert_cmpint (view, ==, WEFT_WINDOW_VIEW_SPLIT);
  g_assert_cmpint (gtk_paned_get_position (paned), ==, position);
  g_assert_true (adw_flap_get_reveal_flap (sidebar_flap));
  g_assert_false (adw_flap_get_reveal_flap (inspector_flap));
  g_assert_cmpstr (weft_session_get_selection (session)->id, ==, "ent-huawei");
  g_assert_cmpstr (weft_session_get_focus (session)->item.id, ==, "ent-dahua");
  g_assert_cmpuint (weft_session_get_focus_hops (session), ==, 3);
  weft_timeline_view_get_span (timeline, &lower2, &upper2);
  g_assert_cmpfloat_with_epsilon (lower2, lower, 1e-6);
  g_assert_cmpfloat_with_epsilon (upper2, upper, 1e-6);
  g_assert_cmpfloat_with_epsilon (weft_timeline_view_get_scroll (timeline), scroll, 0.5);
  g_assert_nonnull (weft_window_get_banner_text (window));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), entry) ||
                 gtk_root_get_focus (GTK_ROOT (window)) == entry);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  if (!weft_test_gui_init (&argc, &argv))
    return 0;
  app = weft_test_get_application ();

  g_test_add_func ("/weft/window-present/export-dialog", test_export_dialog);
  g_test_add_func ("/weft/window-present/safe-file-name", test_safe_file_name);
  g_test_add_func ("/weft/window-present/present-1920", test_present_1920);
  g_test_add_func ("/weft/window-present/present-1280", test_present_1280);
  g_test_add_func ("/weft/window-present/restores", test_present_restores);

  return weft_test_run ();
}
