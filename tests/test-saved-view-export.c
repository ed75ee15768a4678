/* test-saved-view-export.c: `weft graph FILE OUT --saved-view ID --view
 * WxH` draws what the window's graph pane of that size shows for that
 * view: the same nodes, each at the same pixel; `weft timeline` the same
 * for the timeline pane: the same events, each title at the same place
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-test"

#include "config.h"

#include <math.h>
#include <adwaita.h>

#include "weft-edit.h"
#include "weft-graph-view.h"
#include "weft-saved-views.h"
#include "weft-saver.h"
#include "weft-test-gui.h"
#include "weft-timeline-pane.h"
#include "weft-timeline-view.h"

static gboolean
laid_out (gpointer data)
{
  WeftGraphView *view = data;

  return weft_graph_view_get_layout (view) != NULL && !weft_graph_view_get_busy (view);
}

/* {node id: its middle, as double[2]} of a --view SVG: the middle of the
 * shapes in each <g class="node">. */
static GHashTable *
node_centres (const char *svg)
{
  GHashTable *centres = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GRegex) group = g_regex_new ("<g class=\"node\" id=\"([^\"]*)\">(.*?)</g>", G_REGEX_DOTALL, 0, NULL);
  g_autoptr(GRegex) number = g_regex_new ("-?[0-9]+(\\.[0-9]+)?", 0, 0, NULL);
  g_autoptr(GRegex) path = g_regex_new (" d=\"([^\"]*)\"", 0, 0, NULL);
  g_autoptr(GMatchInfo) groups = NULL;

  g_regex_match (group, svg, 0, &groups);
  while (g_match_info_matches (groups))
    {
      g_autofree char *id = g_match_info_fetch (groups, 1);
      g_autofree char *body = g_match_info_fetch (groups, 2);
      double lo[2] = { G_MAXDOUBLE, G_MAXDOUBLE }, hi[2] = { -G_MAXDOUBLE, -G_MAXDOUBLE };
      double *centre = g_new (double, 2);
      g_autoptr(GMatchInfo) paths = NULL;

      g_regex_match (path, body, 0, &paths);
      while (g_match_info_matches (paths))
        {
          g_autofree char *d = g_match_info_fetch (paths, 1);
          g_autoptr(GMatchInfo) numbers = NULL;
          guint k = 0;

          g_regex_match (number, d, 0, &numbers);
          for (; g_match_info_matches (numbers); g_match_info_next (numbers, NULL), k++)
            {
              g_autofree char *text = g_match_info_fetch (numbers, 0);
              double v = g_ascii_strtod (text, NULL);

              lo[k % 2] = MIN (lo[k % 2], v);
              hi[k % 2] = MAX (hi[k % 2], v);
            }
          g_match_info_next (paths, NULL);
        }
      centre[0] = (lo[0] + hi[0]) / 2;
      centre[1] = (lo[1] + hi[1]) / 2;
      g_hash_table_insert (centres, g_steal_pointer (&id), centre);
      g_match_info_next (groups, NULL);
    }
  return centres;
}

/* @saved at @zoom and centre (@cx, @cy), @dataset saved as @path, drawn by
 * weft graph at @width x @height: where it puts each node. */
static GHashTable *
export_centres (WeftDataset *dataset,
                WeftView    *saved,
                double       zoom,
                double       cx,
                double       cy,
                const char  *path,
                int          width,
                int          height)
{
  g_autoptr(WeftEdit) edit = weft_edit_new (dataset, "Zoom");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = weft_test_build_tmp_path ("view.svg");
  g_autofree char *weft = g_test_build_filename (G_TEST_BUILT, "..", "src", "weft", NULL);
  g_autofree char *size = g_strdup_printf ("%dx%d", width, height);
  g_autofree char *errors = NULL;
  g_autofree char *svg = NULL;
  int status;

  g_assert_true (weft_edit_set_view_graph (edit, saved, zoom, cx, cy, &error));
  g_assert_no_error (error);
  g_assert_true (weft_edit_commit (edit, &error));
  g_assert_true (weft_dataset_save (dataset, file, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (g_spawn_sync (NULL, (char *[]) { weft, "graph", (char *) path, out, "--saved-view", (char *) saved->item.id,
                                                  "--view", size, NULL },
                               NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &errors, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("weft graph failed: %s", errors);
  svg = weft_test_read_file (out, NULL);
  return node_centres (svg);
}

/* The example's saved view "view-huawei" (focus, two hops, a time window,
 * a hidden kind) zoomed in beside one of its nodes, applied to a graph
 * view as the window applies it (weft_saved_view_apply(), then the zoom
 * and centre), and exported by weft graph at the pane's size. */
static void
test_graph (void)
{
  g_autoptr(WeftDataset) dataset = weft_test_load_fixture ("views.weft");
  g_autoptr(WeftSession) session = weft_session_new (dataset);
  g_autofree char *path = weft_test_build_tmp_path ("views.weft");
  WeftView *saved = weft_dataset_lookup_view (dataset, "view-huawei");
  g_autoptr(GHashTable) drawn = NULL;
  WeftGraphView *view;
  GtkWindow *window;
  WeftLayout *layout;
  WeftGraph *graph;
  const WeftNodeBox *box;
  double zoom = 2.5, cx, cy, ox, oy;
  int width, height, n_inside = 0;

  g_assert_nonnull (saved);
  weft_saved_view_apply (saved, session);
  view = WEFT_GRAPH_VIEW (weft_graph_view_new (session));
  window = weft_test_present (GTK_WIDGET (view), 1000, 640);
  g_assert_true (weft_test_wait_for (laid_out, view));
  weft_test_settle ();
  width = gtk_widget_get_width (GTK_WIDGET (view));
  height = gtk_widget_get_height (GTK_WIDGET (view));

  /* Beside the first node, at a zoom that leaves some nodes out. */
  layout = weft_graph_view_get_layout (view);
  box = weft_layout_get_node (layout, 0);
  cx = box->x + 17.25;
  cy = box->y - 9.5;
  weft_graph_view_set_scale (view, zoom);
  weft_graph_view_set_center (view, cx, cy);
  weft_test_settle ();
  g_assert_cmpfloat (weft_graph_view_get_scale (view), ==, zoom);
  drawn = export_centres (dataset, saved, zoom, cx, cy, path, width, height);

  /* Where the view draws each node: its origin as the view keeps it. */
  layout = weft_graph_view_get_layout (view);
  graph = weft_layout_get_graph (layout);
  weft_graph_view_get_center (view, &ox, &oy);
  ox -= width / (2 * zoom);
  oy -= height / (2 * zoom);
  g_assert_cmpuint (g_hash_table_size (drawn), <, weft_graph_get_n_nodes (graph));
  for (guint i = 0; i < weft_graph_get_n_nodes (graph); i++)
    {
      const char *id = weft_graph_get_node (graph, i)->item->id;
      const double *at = g_hash_table_lookup (drawn, id);
      double x, y;

      box = weft_layout_get_node (layout, i);
      x = (box->x - ox) * zoom;
      y = (box->y - oy) * zoom;
      if (x >= 20 && x <= width - 20 && y >= 20 && y <= height - 20)
        {
          n_inside++;
          if (at == NULL)
            g_error ("%s is in the view at (%.1f, %.1f), not in the export", id, x, y);
        }
      if (at != NULL && (fabs (at[0] - x) > 1.01 || fabs (at[1] - y) > 1.01))
        g_error ("%s: the view draws it at (%.2f, %.2f), the export at (%.2f, %.2f)", id, x, y, at[0], at[1]);
      g_hash_table_remove (drawn, id);
    }
  g_assert_cmpint (n_inside, >, 0);
  /* Nothing the view does not have. */
  g_assert_cmpuint (g_hash_table_size (drawn), ==, 0);
  gtk_window_destroy (window);
}

/* The same view on a timeline view as the window shows it (the view
 * applied to the session, the timeline at the view's span) and drawn by
 * weft timeline --saved-view at the pane's size: the same events in the
 * same order, each title at the same x, the entity's events lit. */
static void
test_timeline (void)
{
  g_autoptr(WeftDataset) dataset = weft_test_load_fixture ("views.weft");
  g_autoptr(WeftSession) session = weft_session_new (dataset);
  g_autofree char *path = weft_test_build_data_path ("views.weft", NULL);
  g_autofree char *out = weft_test_build_tmp_path ("view-timeline.svg");
  g_autofree char *weft = g_test_build_filename (G_TEST_BUILT, "..", "src", "weft", NULL);
  g_autofree char *size = NULL;
  g_autofree char *errors = NULL;
  g_autofree char *svg = NULL;
  g_autoptr(GError) error = NULL;
  WeftView *saved = weft_dataset_lookup_view (dataset, "view-huawei");
  const WeftTimelineFrame *frame;
  WeftTimelineView *view;
  GtkWindow *window;
  const char *at;
  guint n_events = 0;
  int status;
  g_autoptr(GHashTable) in_view = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_nonnull (saved);
  weft_saved_view_apply (saved, session);
  view = WEFT_TIMELINE_VIEW (weft_timeline_view_new (session));
  window = weft_test_present (GTK_WIDGET (view), 1000, 640);
  weft_test_settle ();
  weft_timeline_view_set_span (view, (double) saved->span.lower, (double) saved->span.upper + 1);
  weft_test_settle ();
  /* The view's selection (an entity) lights its events (Huawei takes
   * part in none: everything dims). */
  {
    guint n;

    weft_dataset_get_entity_events (dataset, weft_dataset_lookup_entity (dataset, "ent-huawei"), &n);
    g_assert_cmpuint (weft_timeline_view_get_n_highlighted (view), ==, n);
  }

  size = g_strdup_printf ("%dx%d", gtk_widget_get_width (GTK_WIDGET (view)), gtk_widget_get_height (GTK_WIDGET (view)));
  g_assert_true (g_spawn_sync (NULL, (char *[]) { weft, "timeline", path, out, "--saved-view", "view-huawei",
                                                  "--view", size, NULL },
                               NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &errors, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("weft timeline failed: %s", errors);
  svg = weft_test_read_file (out, NULL);

  frame = weft_timeline_view_get_frame (view);
  at = svg;
  for (guint i = 0; i < frame->marks->len; i++)
    {
      const WeftTimelineMark *mark = &g_array_index (frame->marks, WeftTimelineMark, i);
      WeftEvent *event;
      g_autofree char *group = NULL;
      g_autofree char *x = NULL;
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      const char *end;

      if (mark->kind != WEFT_TIMELINE_MARK_EVENT)
        continue;
      event = weft_timeline_index_get_item (frame->index, mark->item)->event;
      g_hash_table_add (in_view, (gpointer) event->item.id);
      /* Only what shows whole above the overview strip is drawn. */
      if (frame->header_height + mark->y - weft_timeline_view_get_scroll (view) + frame->metrics.row_height >
          gtk_widget_get_height (GTK_WIDGET (view)) - WEFT_TIMELINE_OVERVIEW_HEIGHT)
        continue;
      group = g_strdup_printf ("<g class=\"event\" id=\"%s\">", event->item.id);
      at = strstr (at, group);
      if (at == NULL)
        g_error ("%s is in the view, not (or not in this order) in the export", event->item.id);
      end = strstr (at, "</g>");
      g_assert_nonnull (end);
      x = g_strdup_printf ("<text x=\"%s\"", g_ascii_formatd (buf, sizeof buf, "%.2f", mark->label_x));
      if (g_strstr_len (at, end - at, x) == NULL)
        g_error ("%s: the view puts its title at x %.2f, the export elsewhere", event->item.id, mark->label_x);
      n_events++;
      at = end;
    }
  g_assert_cmpuint (n_events, >, 3);
  /* Nothing in the export that the view does not have. */
  {
    g_autoptr(GRegex) ids = g_regex_new ("<g class=\"event\" id=\"([^\"]*)\">", 0, 0, NULL);
    g_autoptr(GMatchInfo) match = NULL;
    guint n_drawn = 0;

    for (g_regex_match (ids, svg, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
      {
        g_autofree char *id = g_match_info_fetch (match, 1);

        if (!g_hash_table_contains (in_view, id))
          g_error ("%s is in the export, not in the view", id);
        n_drawn++;
      }
    g_assert_cmpuint (n_drawn, >=, n_events);
  }
  gtk_window_destroy (window);
}

int
main (int    argc,
      char **argv)
{
  if (!weft_test_gui_init (&argc, &argv))
    return 0;
  g_test_add_func ("/weft/saved-view-export/graph", test_graph);
  g_test_add_func ("/weft/saved-view-export/timeline", test_timeline);
  return weft_test_run ();
}
