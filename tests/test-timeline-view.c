/* test-timeline-view.c: the timeline widget, driven through its actions
 *
 * Runs under Xvfb (build-aux/test); skips without a display.
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-test"

#include "config.h"

#include <math.h>

#include <adwaita.h>

#include "weft-edit.h"
#include "weft-formats.h"
#include "weft-loader.h"
#include "weft-paths.h"
#include "weft-present.h"
#include "weft-test-gui.h"
#include "weft-timeline-pane.h"
#include "weft-timeline-view.h"
#include "weft-views.h"

typedef struct {
  WeftDataset      *dataset;
  WeftSession      *session;
  GtkWindow        *window;
  WeftTimelineView *view;
} Fixture;

static void
iterate (void)
{
  for (int i = 0; i < 50 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
wait_for_allocation (GtkWidget *widget)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (gtk_widget_get_width (widget) < 100 && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  iterate ();
  g_assert_cmpint (gtk_widget_get_width (widget), >=, 100);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dataset = weft_test_load_example ();
  f->session = weft_session_new (f->dataset);
  f->view = WEFT_TIMELINE_VIEW (weft_timeline_view_new (f->session));
  f->window = weft_test_present (GTK_WIDGET (f->view), 1280, 760);
  wait_for_allocation (GTK_WIDGET (f->view));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  iterate ();
  g_clear_object (&f->session);
  g_clear_object (&f->dataset);
}

static void
activate (Fixture    *f,
          const char *action,
          GVariant   *parameter)
{
  /* GTK 4.8 does not sink the parameter of a class action: take it, or
   * LeakSanitizer reports every g_variant_new_string() above. */
  g_autoptr(GVariant) owned = parameter ? g_variant_ref_sink (parameter) : NULL;

  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->view), action, owned));
  iterate ();
}

/* A key pressed on the view: the shortcut its class binds to @keyval with
 * @mods, activated as GTK does (GTK 4.8 cannot synthesise key events). */
static void
press (Fixture         *f,
       guint            keyval,
       GdkModifierType  mods)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->view));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gdk_keyval_to_lower (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger))) ==
              gdk_keyval_to_lower (keyval) &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == mods)
            {
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                           GTK_WIDGET (f->view),
                                                           gtk_shortcut_get_arguments (shortcut)));
              iterate ();
              return;
            }
        }
    }
  g_error ("the timeline binds no %s", gtk_accelerator_name (keyval, mods));
}

/* What the view tells a screen reader. */
static const char *
said (Fixture *f)
{
  return weft_timeline_view_get_accessible_text (f->view);
}

static double
span_of (Fixture *f)
{
  double lower, upper;

  weft_timeline_view_get_span (f->view, &lower, &upper);
  return upper - lower;
}

static gint64
ymd (gint64 y,
     guint  m,
     guint  d)
{
  return weft_days_from_civil (y, m, d);
}

/* The brightness (0..255) of a pixel of a screenshot. */
static guint
luma_at (GdkTexture *texture,
         int         x,
         int         y)
{
  int w = gdk_texture_get_width (texture), h = gdk_texture_get_height (texture);
  g_autofree guchar *data = g_malloc ((gsize) w * h * 4);
  guint32 pixel;

  gdk_texture_download (texture, data, (gsize) w * 4);
  pixel = *(guint32 *) (data + (gsize) y * w * 4 + (gsize) x * 4);
  return (((pixel >> 16) & 0xff) * 3 + ((pixel >> 8) & 0xff) * 6 + (pixel & 0xff)) / 10;
}

static guint
count_lane_keys (WeftDataset *dataset,
                 const char  *mode)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *events = weft_dataset_get_events (dataset);

  for (guint i = 0; i < events->len; i++)
    {
      WeftEvent *event = g_ptr_array_index (events, i);

      for (guint j = 0; !g_str_equal (mode, "group") && j < event->n_participants; j++)
        {
          WeftEntity *entity = weft_dataset_lookup_entity (dataset, event->participants[j].entity);

          if (g_str_equal (mode, "entity"))
            g_hash_table_add (keys, g_strdup (entity->item.id));
          else
            g_hash_table_add (keys, g_strdup (weft_entity_kind_to_string (entity->kind)));
        }
      if (g_str_equal (mode, "group"))
        g_hash_table_add (keys, g_strdup (event->group));
    }
  return g_hash_table_size (keys);
}

static void
test_zoom (Fixture       *f,
           gconstpointer  data)
{
  double fit = span_of (f), lower, upper;

  /* Opens on everything. */
  weft_timeline_view_get_span (f->view, &lower, &upper);
  g_assert_cmpfloat (lower, <, ymd (2000, 1, 1));
  g_assert_cmpfloat (upper, >, ymd (2022, 12, 31));

  activate (f, "timeline.zoom-in", NULL);
  g_assert_cmpfloat_with_epsilon (span_of (f), fit / 1.5, 1);
  activate (f, "timeline.zoom-in", NULL);
  g_assert_cmpfloat_with_epsilon (span_of (f), fit / 2.25, 1);
  activate (f, "timeline.zoom-out", NULL);
  g_assert_cmpfloat_with_epsilon (span_of (f), fit / 1.5, 1);

  activate (f, "timeline.pan-right", NULL);
  {
    double l2, u2;

    weft_timeline_view_get_span (f->view, &l2, &u2);
    g_assert_cmpfloat (l2, >, lower);
  }

  activate (f, "timeline.zoom-fit", NULL);
  g_assert_cmpfloat_with_epsilon (span_of (f), fit, 1);

  /* Never out beyond four times everything. */
  for (int i = 0; i < 20; i++)
    activate (f, "timeline.zoom-out", NULL);
  g_assert_cmpfloat (span_of (f), <=, 4 * fit + 1);
  /* Nor in below two days. */
  for (int i = 0; i < 40; i++)
    activate (f, "timeline.zoom-in", NULL);
  g_assert_cmpfloat (span_of (f), >=, 2 - 1e-6);
  g_assert_cmpfloat (span_of (f), <, 3);
  activate (f, "timeline.zoom-fit", NULL);
}

static gboolean
width_below (GtkWidget *widget,
             int        width)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (gtk_widget_get_width (widget) >= width && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  iterate ();
  return gtk_widget_get_width (widget) < width;
}

/* A narrower window showing everything goes on showing everything;
 * zoomed in, it shows fewer days at the same zoom from the same start. */
static void
test_resize (Fixture       *f,
             gconstpointer  data)
{
  double lower, upper, l2, u2, ppd;

  weft_timeline_view_get_span (f->view, &lower, &upper);
  gtk_window_set_default_size (f->window, 600, 760);
  g_assert_true (width_below (GTK_WIDGET (f->view), 700));
  weft_timeline_view_get_span (f->view, &l2, &u2);
  g_assert_cmpfloat_with_epsilon (l2, lower, 1e-3);
  g_assert_cmpfloat_with_epsilon (u2, upper, 1e-3);

  activate (f, "timeline.zoom-in", NULL);
  weft_timeline_view_get_span (f->view, &lower, &upper);
  ppd = gtk_widget_get_width (GTK_WIDGET (f->view)) / (upper - lower);
  gtk_window_set_default_size (f->window, 400, 760);
  g_assert_true (width_below (GTK_WIDGET (f->view), 500));
  weft_timeline_view_get_span (f->view, &l2, &u2);
  g_assert_cmpfloat_with_epsilon (l2, lower, 1e-3);
  g_assert_cmpfloat_with_epsilon (gtk_widget_get_width (GTK_WIDGET (f->view)) / (u2 - l2), ppd, 1e-6 * ppd);
}

static void
test_range (Fixture       *f,
            gconstpointer  data)
{
  gint64 lower, upper;
  double vl, vu;

  g_assert_false (weft_session_get_window (f->session, NULL, NULL));

  activate (f, "timeline.select-range", g_variant_new_string ("2020/2021"));
  g_assert_true (weft_session_get_window (f->session, &lower, &upper));
  g_assert_cmpint (lower, ==, ymd (2020, 1, 1));
  g_assert_cmpint (upper, ==, ymd (2021, 12, 31));

  /* Zoom to the selection: the window fills the view. */
  activate (f, "timeline.zoom-selection", NULL);
  weft_timeline_view_get_span (f->view, &vl, &vu);
  g_assert_cmpfloat (vl, <=, lower);
  g_assert_cmpfloat (vu, >=, upper + 1);
  g_assert_cmpfloat (vu - vl, <, (upper + 1 - lower) * 1.2);
  weft_test_save_screenshot (GTK_WIDGET (f->view), "timeline-view-range.png");

  /* Day numbers work too, in either order. */
  activate (f, "timeline.select-range", g_variant_new_string ("18300/18262"));
  g_assert_true (weft_session_get_window (f->session, &lower, &upper));
  g_assert_cmpint (lower, ==, 18262);
  g_assert_cmpint (upper, ==, 18300);

  /* Nonsense changes nothing. */
  activate (f, "timeline.select-range", g_variant_new_string ("soon/later"));
  g_assert_true (weft_session_get_window (f->session, &lower, &upper));
  g_assert_cmpint (lower, ==, 18262);

  activate (f, "timeline.clear-range", NULL);
  g_assert_false (weft_session_get_window (f->session, NULL, NULL));
}

/* Dragging along the axis is the brush: it sets the session's window. */
static void
test_brush (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->view));
  GtkGestureDrag *drag = NULL;
  double lower, upper, x0 = 300, x1 = 700, ppd;
  gint64 wl, wu;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (controller) && !GTK_IS_GESTURE_SWIPE (controller))
        drag = GTK_GESTURE_DRAG (controller);
    }
  g_assert_nonnull (drag);

  weft_timeline_view_get_span (f->view, &lower, &upper);
  ppd = gtk_widget_get_width (GTK_WIDGET (f->view)) / (upper - lower);

  g_signal_emit_by_name (drag, "drag-begin", x0, 20.0);
  g_signal_emit_by_name (drag, "drag-update", (x1 - x0) / 2, 0.0);
  g_signal_emit_by_name (drag, "drag-update", x1 - x0, 2.0);
  /* Not committed while dragging. */
  g_assert_false (weft_session_get_window (f->session, NULL, NULL));
  g_signal_emit_by_name (drag, "drag-end", x1 - x0, 2.0);
  iterate ();

  g_assert_true (weft_session_get_window (f->session, &wl, &wu));
  g_assert_cmpfloat (fabs (wl - (lower + x0 / ppd)), <=, 1.5);
  g_assert_cmpfloat (fabs (wu + 1 - (lower + x1 / ppd)), <=, 1.5);
  weft_test_save_screenshot (GTK_WIDGET (f->view), "timeline-view-brush.png");

  /* Dragging the lanes pans, and leaves the window alone. */
  g_signal_emit_by_name (drag, "drag-begin", 600.0, 400.0);
  g_signal_emit_by_name (drag, "drag-update", -200.0, 0.0);
  g_signal_emit_by_name (drag, "drag-end", -200.0, 0.0);
  iterate ();
  {
    double l2, u2;
    gint64 wl2, wu2;

    weft_timeline_view_get_span (f->view, &l2, &u2);
    g_assert_cmpfloat_with_epsilon (l2 - lower, 200 / ppd, 1);
    g_assert_true (weft_session_get_window (f->session, &wl2, &wu2));
    g_assert_cmpint (wl2, ==, wl);
  }

  activate (f, "timeline.clear-range", NULL);
  g_assert_false (weft_session_get_window (f->session, NULL, NULL));
}

static void
test_lanes (Fixture       *f,
            gconstpointer  data)
{
  const WeftTimelineFrame *frame = weft_timeline_view_get_frame (f->view);
  const char *modes[] = { "entity", "kind", "group" };

  /* The example has groups: lanes by group to start with. */
  g_assert_cmpstr (weft_timeline_view_get_lanes (f->view), ==, "group");
  g_assert_cmpuint (frame->lanes->len, ==, count_lane_keys (f->dataset, "group"));

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_autoptr(GVariant) state = NULL;

      activate (f, "timeline.lanes", g_variant_new_string (modes[i]));
      g_assert_cmpstr (weft_timeline_view_get_lanes (f->view), ==, modes[i]);
      g_assert_cmpuint (frame->lanes->len, ==, count_lane_keys (f->dataset, modes[i]));
      if (g_str_equal (modes[i], "entity"))
        weft_test_save_screenshot (GTK_WIDGET (f->view), "timeline-view-entity.png");
    }

  /* Folding a lane through its action. */
  activate (f, "timeline.toggle-lane", g_variant_new_string ("group:Pandemic"));
  {
    gboolean found = FALSE;

    for (guint i = 0; i < frame->lanes->len; i++)
      {
        const WeftTimelineLaneBox *box = &g_array_index (frame->lanes, WeftTimelineLaneBox, i);
        const WeftTimelineLane *lane = weft_timeline_index_get_lane (frame->index, box->lane);

        if (g_str_equal (lane->key, "group:Pandemic"))
          {
            g_assert_true (box->collapsed);
            g_assert_cmpuint (box->rows, ==, 0);
            found = TRUE;
          }
        else
          g_assert_false (box->collapsed);
      }
    g_assert_true (found);
  }
  weft_test_save_screenshot (GTK_WIDGET (f->view), "timeline-view.png");
  activate (f, "timeline.toggle-lane", g_variant_new_string ("group:Pandemic"));
  g_assert_false (g_array_index (frame->lanes, WeftTimelineLaneBox, 0).collapsed);
}

static void
test_selection (Fixture       *f,
                gconstpointer  data)
{
  WeftEvent *covid = (WeftEvent *) weft_dataset_lookup (f->dataset, "ev-covid-pandemic");
  WeftEntity *ccp = weft_dataset_lookup_entity (f->dataset, "ent-ccp");
  guint n_ccp;

  g_assert_null (weft_timeline_view_get_selected_event (f->view));
  g_assert_nonnull (strstr (weft_timeline_view_get_accessible_text (f->view), "no event selected"));

  /* Selected elsewhere (the graph, a list): ringed here, told to
   * accessibility tools. */
  g_assert_true (weft_session_select_id (f->session, "ev-covid-pandemic"));
  iterate ();
  g_assert_true (weft_timeline_view_get_selected_event (f->view) == covid);
  g_assert_nonnull (strstr (weft_timeline_view_get_accessible_text (f->view), covid->title));
  g_assert_nonnull (strstr (weft_timeline_view_get_accessible_text (f->view), "2020"));

  /* An entity lights up its events. */
  weft_dataset_get_entity_events (f->dataset, ccp, &n_ccp);
  weft_session_set_selection (f->session, &ccp->item);
  iterate ();
  g_assert_null (weft_timeline_view_get_selected_event (f->view));
  g_assert_cmpuint (weft_timeline_view_get_n_highlighted (f->view), ==, n_ccp);
  g_assert_cmpuint (n_ccp, >=, 3);
  weft_test_save_screenshot (GTK_WIDGET (f->view), "timeline-view-entity-selected.png");

  /* Zoom to selection shows the entity's events. */
  activate (f, "timeline.zoom-selection", NULL);
  {
    double lower, upper;
    guint n;
    WeftEvent **events = weft_dataset_get_entity_events (f->dataset, ccp, &n);

    weft_timeline_view_get_span (f->view, &lower, &upper);
    for (guint i = 0; i < n; i++)
      if (!(events[i]->date.start.flags & WEFT_DATE_FLAG_OPEN))
        {
          g_assert_cmpfloat (lower, <=, (double) events[i]->date.lower);
          g_assert_cmpfloat (upper, >=, (double) events[i]->date.upper);
        }
  }

  weft_session_set_selection (f->session, NULL);
  iterate ();
  g_assert_cmpuint (weft_timeline_view_get_n_highlighted (f->view), ==, 0);
}

static void
test_events (Fixture       *f,
             gconstpointer  data)
{
  WeftEvent *ibm = (WeftEvent *) weft_dataset_lookup (f->dataset, "ev-ibm-coins-smart-city");
  WeftEvent *term = (WeftEvent *) weft_dataset_lookup (f->dataset, "ev-smart-city-term-appears");
  double lower, upper;
  WeftItem *selected;

  /* Centre and zoom on an event by id. */
  activate (f, "timeline.center-event", g_variant_new_string ("ev-ibm-coins-smart-city"));
  g_assert_true (weft_session_get_selection (f->session) == &ibm->item);
  weft_timeline_view_get_span (f->view, &lower, &upper);
  g_assert_cmpfloat (lower, <, ymd (2008, 1, 1));
  g_assert_cmpfloat (upper, >, ymd (2009, 1, 1));
  g_assert_cmpfloat (upper - lower, <, 5 * 366);
  g_assert_cmpfloat_with_epsilon ((lower + upper) / 2, (ymd (2008, 1, 1) + ymd (2009, 1, 1)) / 2.0, 1);
  weft_test_save_screenshot (GTK_WIDGET (f->view), "timeline-view-event.png");

  /* Step back and forth in the order events start on the axis. */
  activate (f, "timeline.previous-event", NULL);
  g_assert_true (weft_session_get_selection (f->session) == &term->item);
  activate (f, "timeline.previous-event", NULL);
  g_assert_true (weft_session_get_selection (f->session) == &term->item);  /* the first stays */
  activate (f, "timeline.next-event", NULL);
  g_assert_true (weft_session_get_selection (f->session) == &ibm->item);
  activate (f, "timeline.next-event", NULL);
  selected = weft_session_get_selection (f->session);
  g_assert_nonnull (selected);
  g_assert_cmpint (selected->type, ==, WEFT_ITEM_EVENT);
  g_assert_cmpint (((WeftEvent *) selected)->date.lower, >, ibm->date.upper);
  /* The selected event is in view. */
  weft_timeline_view_get_span (f->view, &lower, &upper);
  g_assert_cmpfloat (lower, <=, ((WeftEvent *) selected)->date.lower);
  g_assert_cmpfloat (upper, >, ((WeftEvent *) selected)->date.lower);

  /* Unknown ids change nothing. */
  activate (f, "timeline.center-event", g_variant_new_string ("no-such-event"));
  g_assert_true (weft_session_get_selection (f->session) == selected);
  activate (f, "timeline.center-event", g_variant_new_string ("ent-ibm"));
  g_assert_true (weft_session_get_selection (f->session) == selected);
}

/* A click on a cluster zooms into it; on an event, selects it. */
static void
test_clicks (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->view));
  const WeftTimelineFrame *frame = weft_timeline_view_get_frame (f->view);
  GtkGestureClick *click = NULL;
  const WeftTimelineMark *cluster = NULL;
  WeftEvent *event = NULL;
  double mx = 0, my = 0, lower, upper;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        click = GTK_GESTURE_CLICK (controller);
    }
  g_assert_nonnull (click);

  /* Folded, the Pandemic lane is all clusters. */
  activate (f, "timeline.toggle-lane", g_variant_new_string ("group:Pandemic"));
  for (guint i = 0; i < frame->marks->len; i++)
    {
      const WeftTimelineMark *mark = &g_array_index (frame->marks, WeftTimelineMark, i);

      if (mark->kind == WEFT_TIMELINE_MARK_CLUSTER)
        cluster = mark;
    }
  g_assert_nonnull (cluster);
  g_assert_cmpuint (cluster->count, >=, 1);
  {
    double span_lower = cluster->span_lower, span_upper = cluster->span_upper;

    g_signal_emit_by_name (click, "released", 1, (cluster->x0 + cluster->x1) / 2,
                           frame->header_height + cluster->y + 8);
    iterate ();
    weft_timeline_view_get_span (f->view, &lower, &upper);
    g_assert_cmpfloat (lower, <=, span_lower);
    g_assert_cmpfloat (upper, >=, span_upper);
    g_assert_cmpfloat (upper - lower, <, (span_upper - span_lower) * 2 + 10);
  }

  /* Click an event's glyph. */
  activate (f, "timeline.zoom-fit", NULL);
  for (guint i = 0; i < frame->marks->len && event == NULL; i++)
    {
      const WeftTimelineMark *mark = &g_array_index (frame->marks, WeftTimelineMark, i);

      if (mark->kind == WEFT_TIMELINE_MARK_EVENT)
        {
          event = weft_timeline_index_get_item (frame->index, mark->item)->event;
          mx = (mark->x0 + mark->x1) / 2;
          my = frame->header_height + mark->y + frame->metrics.row_height - 9;
        }
    }
  g_assert_nonnull (event);
  g_signal_emit_by_name (click, "released", 1, mx, my);
  iterate ();
  g_assert_true (weft_timeline_view_get_selected_event (f->view) == event);

  /* A lane's title folds it. */
  {
    const WeftTimelineLaneBox *box = &g_array_index (frame->lanes, WeftTimelineLaneBox, 0);
    gboolean was = box->collapsed;

    g_signal_emit_by_name (click, "released", 1, 40.0, frame->header_height + box->y + 6);
    iterate ();
    g_assert_true (g_array_index (frame->lanes, WeftTimelineLaneBox, 0).collapsed != was);
  }
}

/* The palette follows the desktop's dark style. */
static void
test_dark (Fixture       *f,
           gconstpointer  data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  const WeftTimelineFrame *frame = weft_timeline_view_get_frame (f->view);
  int y = (int) (frame->header_height + g_array_index (frame->lanes, WeftTimelineLaneBox, 0).y + 4);
  g_autoptr(GdkTexture) light = NULL;
  g_autoptr(GdkTexture) dark = NULL;

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  iterate ();
  light = weft_test_screenshot (GTK_WIDGET (f->view), "timeline-view-light.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  iterate ();
  dark = weft_test_screenshot (GTK_WIDGET (f->view), "timeline-view-dark.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  iterate ();

  /* Behind the first lane, right of its title. */
  g_assert_cmpuint (luma_at (light, 700, y), >, 200);
  g_assert_cmpuint (luma_at (dark, 700, y), <, 60);
}


/* ---- The pane at a size ------------------------------------------------ */

/* A view of @file (the example when NULL) alone in an undecorated window
 * of @width x @height, so that it has exactly that size. */
typedef struct {
  const char *file;     /* in $WEFT_CORPUS/timelinejs, or NULL */
  int         width;
  int         height;
} Sized;

static void
sized_set_up (Fixture       *f,
              gconstpointer  data)
{
  const Sized *sized = data;
  const char *corpus = g_getenv ("WEFT_CORPUS");
  g_autofree char *path = sized->file == NULL ? weft_dup_example_path ()
                          : corpus != NULL ? g_build_filename (corpus, "timelinejs", sized->file, NULL) : NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  /* Without the shared corpus, no window: the test skips. */
  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return;
  file = g_file_new_for_path (path);
  f->dataset = weft_import_file (file, WEFT_FORMAT_AUTO, NULL, NULL, &error);
  g_assert_no_error (error);
  f->session = weft_session_new (f->dataset);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_decorated (f->window, FALSE);
  gtk_window_set_default_size (f->window, sized->width, sized->height);
  f->view = WEFT_TIMELINE_VIEW (weft_timeline_view_new (f->session));
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  gtk_window_present (f->window);
  wait_for_allocation (GTK_WIDGET (f->view));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->view)), ==, sized->width);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (f->view)), ==, sized->height);
}

static void
sized_tear_down (Fixture       *f,
                 gconstpointer  data)
{
  if (f->window != NULL)
    fixture_tear_down (f, data);
}

/* Every event has a row and its whole title: the TimelineJS file of ten
 * events at 1280x720 (four rows a lane showed four of them), the example
 * at 1920x1080 (where "…sends drones…" hid behind a "1") and at 1280x720
 * (where its lanes filled the pane and folded events into "2" and "3"
 * instead of scrolling). */
static void
test_every_event (Fixture       *f,
                  gconstpointer  data)
{
  const Sized *sized = data;
  const WeftTimelineFrame *frame;
  GPtrArray *events;
  g_autofree char *name = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  guint n_steps = 0;

  if (f->dataset == NULL)
    {
      g_test_skip ("../shared/corpus (WEFT_CORPUS) is missing: no women_in_computing.json");
      return;
    }

  /* From the top to the bottom of the lanes, a wheel step at a time:
   * every event drawn on its own, whole, somewhere in view. */
  events = weft_dataset_get_events (f->dataset);
  g_assert_cmpfloat (weft_timeline_view_get_scroll (f->view), ==, 0);
  for (;;)
    {
      double scroll = weft_timeline_view_get_scroll (f->view);

      frame = weft_timeline_view_get_frame (f->view);
      for (guint i = 0; i < frame->marks->len; i++)
        {
          const WeftTimelineMark *mark = &g_array_index (frame->marks, WeftTimelineMark, i);
          double top = frame->header_height + mark->y - scroll;

          g_assert_cmpint (mark->kind, ==, WEFT_TIMELINE_MARK_EVENT);
          g_assert_cmpfloat (mark->label_width, ==, mark->full_label_width);
          if (top < frame->header_height || top + frame->metrics.row_height > sized->height - WEFT_TIMELINE_OVERVIEW_HEIGHT)
            continue;
          g_assert_cmpfloat (mark->label_x, >=, 0);
          g_assert_cmpfloat (mark->label_x + mark->label_width, <=, sized->width);
          g_hash_table_add (seen, weft_timeline_index_get_item (frame->index, mark->item)->event);
        }
      if (scroll == 0)
        {
          name = g_strdup_printf ("timeline-view-%s-%dx%d.png", sized->file != NULL ? "women" : "example",
                                  sized->width, sized->height);
          weft_test_save_screenshot (GTK_WIDGET (f->view), name);
        }
      if (!weft_timeline_view_scroll (f->view, 0, 1, 0, FALSE) || weft_timeline_view_get_scroll (f->view) == scroll)
        break;
      n_steps++;
    }
  for (guint i = 0; i < events->len; i++)
    if (!g_hash_table_contains (seen, g_ptr_array_index (events, i)))
      g_error ("“%s” has no row in view", ((WeftEvent *) g_ptr_array_index (events, i))->title);
  if (sized->file == NULL)
    g_assert_true (g_hash_table_contains (seen, weft_dataset_lookup (f->dataset, "ev-drones-monitor-residents")));
  /* The lanes scroll exactly when they need more than the pane. */
  g_assert_true ((n_steps > 0) == (frame->header_height + frame->lanes_height > sized->height - WEFT_TIMELINE_OVERVIEW_HEIGHT));
}

/* A frame as text: each lane's rows and place, each mark's kind, row,
 * place, title width, count and event. */
static char *
describe_frame (const WeftTimelineFrame *frame)
{
  GString *s = g_string_new (NULL);

  for (guint l = 0; l < frame->lanes->len; l++)
    {
      const WeftTimelineLaneBox *box = &g_array_index (frame->lanes, WeftTimelineLaneBox, l);

      g_string_append_printf (s, "lane %u: %u rows%s at %g\n", box->lane, box->rows,
                              box->cluster_row ? " and clusters" : "", box->y);
      for (guint i = box->first_mark; i < box->first_mark + box->n_marks; i++)
        {
          const WeftTimelineMark *mark = &g_array_index (frame->marks, WeftTimelineMark, i);

          g_string_append_printf (s, "  %s row %u at %g,%g width %g count %u %s\n",
                                  mark->kind == WEFT_TIMELINE_MARK_EVENT ? "event" : "cluster", mark->row,
                                  mark->label_x, mark->y, mark->label_width, mark->count,
                                  mark->kind == WEFT_TIMELINE_MARK_EVENT
                                  ? weft_timeline_index_get_item (frame->index, mark->item)->event->item.id : "");
        }
    }
  return g_string_free (s, FALSE);
}

/* `weft timeline --view WxH` draws what the view of that size shows: the
 * same marks (rows, clusters, cut titles) from the same pane code, and in
 * the SVG one <g class="event"> per event drawn, where the view has it. */
static void
test_matches_export (Fixture       *f,
                     gconstpointer  data)
{
  const Sized *sized = data;
  const WeftTimelineFrame *frame = weft_timeline_view_get_frame (f->view);
  WeftTimelineExportOptions options;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WeftTimelinePane) pane = NULL;
  const WeftTimelineFrame *other;
  const char *text, *at;
  guint n_groups = 0, n_event_marks = 0, n_clusters = 0;
  g_autoptr(GHashTable) collapsed = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_add (collapsed, (gpointer) "group:Pandemic");

  /* Every event has a row at this size; a folded lane has clusters. */
  activate (f, "timeline.toggle-lane", g_variant_new_string ("group:Pandemic"));
  frame = weft_timeline_view_get_frame (f->view);

  /* The command line's pane: the same frame, mark by mark. */
  pane = weft_timeline_pane_new (f->dataset, WEFT_TIMELINE_LANES_GROUP, 1);
  g_assert_true (weft_timeline_pane_toggle_lane (pane, "group:Pandemic"));
  weft_timeline_pane_set_size (pane, sized->width, sized->height);
  other = weft_timeline_pane_get_frame (pane);
  {
    g_autofree char *shown = describe_frame (frame);
    g_autofree char *drawn = describe_frame (other);

    g_assert_cmpstr (shown, ==, drawn);
  }
  for (guint i = 0; i < frame->marks->len; i++)
    {
      if (g_array_index (frame->marks, WeftTimelineMark, i).kind == WEFT_TIMELINE_MARK_EVENT)
        n_event_marks++;
      else
        n_clusters++;
    }
  /* Events on their own rows, the folded lane's in clusters. */
  g_assert_cmpuint (n_event_marks, >, 8);
  g_assert_cmpuint (n_clusters, >, 0);

  /* The SVG: each event mark a group with the event's id, in the order
   * drawn, its title where the view draws it. */
  weft_timeline_export_options_init (&options, f->dataset);
  options.view_width = sized->width;
  options.view_height = sized->height;
  options.collapsed = collapsed;
  svg = weft_timeline_export_bytes (f->dataset, WEFT_TIMELINE_FORMAT_SVG, &options, NULL, NULL, &error);
  g_assert_no_error (error);
  text = g_bytes_get_data (svg, NULL);
  at = text;
  for (guint i = 0; i < frame->marks->len; i++)
    {
      const WeftTimelineMark *mark = &g_array_index (frame->marks, WeftTimelineMark, i);
      WeftEvent *event;
      g_autofree char *group = NULL;
      g_autofree char *x = NULL;
      const char *end;
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      if (mark->kind != WEFT_TIMELINE_MARK_EVENT)
        continue;
      event = weft_timeline_index_get_item (frame->index, mark->item)->event;
      group = g_strdup_printf ("<g class=\"event\" id=\"%s\">", event->item.id);
      at = strstr (at, group);
      g_assert_nonnull (at);
      end = strstr (at, "</g>");
      g_assert_nonnull (end);
      x = g_strdup_printf ("<text x=\"%s\"", g_ascii_formatd (buf, sizeof buf, "%.2f", mark->label_x));
      g_assert_nonnull (g_strstr_len (at, end - at, x));
      g_assert_nonnull (g_strstr_len (at, end - at, "font-size=\""));
      n_groups++;
      at = end;
    }
  g_assert_cmpuint (n_groups, ==, n_event_marks);
  g_assert_null (strstr (at, "class=\"event\""));
}

/* GNOME's habit: the wheel scrolls (the lanes), Shift or a horizontal
 * wheel pans in time, Ctrl with the wheel and pinching zoom. */
static void
test_wheel (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->view));
  GtkEventControllerScroll *wheel = NULL;
  GtkGestureZoom *pinch = NULL;
  double lower, upper, l2, u2, scroll;
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_SCROLL (controller))
        wheel = GTK_EVENT_CONTROLLER_SCROLL (controller);
      if (GTK_IS_GESTURE_ZOOM (controller))
        pinch = GTK_GESTURE_ZOOM (controller);
    }
  g_assert_nonnull (wheel);
  g_assert_nonnull (pinch);

  /* Lanes by entity need more than this window: the wheel scrolls them,
   * the span stays. */
  activate (f, "timeline.lanes", g_variant_new_string ("entity"));
  weft_timeline_view_get_span (f->view, &lower, &upper);
  g_assert_cmpfloat (weft_timeline_view_get_scroll (f->view), ==, 0);
  g_signal_emit_by_name (wheel, "scroll", 0.0, 2.0, &handled);
  iterate ();
  g_assert_true (handled);
  scroll = weft_timeline_view_get_scroll (f->view);
  g_assert_cmpfloat (scroll, >, 0);
  weft_timeline_view_get_span (f->view, &l2, &u2);
  g_assert_cmpfloat (l2, ==, lower);
  g_assert_cmpfloat (u2, ==, upper);
  weft_test_save_screenshot (GTK_WIDGET (f->view), "timeline-view-scrolled.png");
  g_signal_emit_by_name (wheel, "scroll", 0.0, -1.0, &handled);
  g_assert_cmpfloat (weft_timeline_view_get_scroll (f->view), <, scroll);

  /* Zoomed in, a horizontal wheel pans, the lanes stay. */
  activate (f, "timeline.zoom-in", NULL);
  weft_timeline_view_get_span (f->view, &lower, &upper);
  scroll = weft_timeline_view_get_scroll (f->view);
  g_signal_emit_by_name (wheel, "scroll", 1.0, 0.0, &handled);
  weft_timeline_view_get_span (f->view, &l2, &u2);
  g_assert_cmpfloat (l2, >, lower);
  g_assert_cmpfloat_with_epsilon (u2 - l2, upper - lower, 1e-6);
  g_assert_cmpfloat (weft_timeline_view_get_scroll (f->view), ==, scroll);

  /* Shift with the wheel pans too. */
  g_assert_true (weft_timeline_view_scroll (f->view, 0, -1, GDK_SHIFT_MASK, FALSE));
  weft_timeline_view_get_span (f->view, &lower, &upper);
  g_assert_cmpfloat (lower, <, l2);
  g_assert_cmpfloat (weft_timeline_view_get_scroll (f->view), ==, scroll);

  /* Ctrl with the wheel zooms: up is in, down is out; nothing scrolls. */
  g_assert_true (weft_timeline_view_scroll (f->view, 0, -1, GDK_CONTROL_MASK, FALSE));
  weft_timeline_view_get_span (f->view, &l2, &u2);
  g_assert_cmpfloat_with_epsilon (u2 - l2, (upper - lower) / 1.25, 1e-6 * (upper - lower));
  g_assert_true (weft_timeline_view_scroll (f->view, 0, 2, GDK_CONTROL_MASK, FALSE));
  weft_timeline_view_get_span (f->view, &lower, &upper);
  g_assert_cmpfloat_with_epsilon (upper - lower, (u2 - l2) * 1.5625, 1e-6 * (upper - lower));
  /* A touchpad: pixels, smoothly. */
  g_assert_true (weft_timeline_view_scroll (f->view, 0, -30, GDK_CONTROL_MASK, TRUE));
  weft_timeline_view_get_span (f->view, &l2, &u2);
  g_assert_cmpfloat (u2 - l2, <, upper - lower);
  g_assert_cmpfloat (weft_timeline_view_get_scroll (f->view), ==, scroll);

  /* Pinching zooms by its scale around its centre. */
  weft_timeline_view_get_span (f->view, &lower, &upper);
  g_signal_emit_by_name (pinch, "begin", NULL);
  g_signal_emit_by_name (pinch, "scale-changed", 2.0);
  weft_timeline_view_get_span (f->view, &l2, &u2);
  g_assert_cmpfloat_with_epsilon (u2 - l2, (upper - lower) / 2, 1e-6 * (upper - lower));
  g_assert_cmpfloat_with_epsilon ((l2 + u2) / 2, (lower + upper) / 2, 1e-6 * (upper - lower));

  /* Lanes that fit do not scroll: the wheel lets the event go (the
   * example's groups need a little more than 1280x720; with Pandemic's
   * five rows folded they fit). */
  activate (f, "timeline.lanes", g_variant_new_string ("group"));
  activate (f, "timeline.toggle-lane", g_variant_new_string ("group:Pandemic"));
  {
    const WeftTimelineFrame *frame = weft_timeline_view_get_frame (f->view);

    g_assert_cmpfloat (frame->header_height + frame->lanes_height, <=, 720 - WEFT_TIMELINE_OVERVIEW_HEIGHT);
  }
  g_assert_false (weft_timeline_view_scroll (f->view, 0, 3, 0, FALSE));
  g_assert_cmpfloat (weft_timeline_view_get_scroll (f->view), ==, 0);
}

/* The brightness of where an event's glyph is drawn, and of its
 * title's first letters' row, in a screenshot of the view. */
static guint
glyph_luma (Fixture    *f,
            GdkTexture *shot,
            WeftEvent  *event)
{
  const WeftTimelineFrame *frame = weft_timeline_view_get_frame (f->view);
  const WeftTimelineMark *mark = weft_timeline_frame_find_event (frame, event, G_MAXUINT);
  double y;

  g_assert_nonnull (mark);
  y = frame->header_height + mark->y - weft_timeline_view_get_scroll (f->view) + frame->metrics.row_height - 9;
  return luma_at (shot, (int) ((MAX (mark->x0, 0) + MIN (mark->x1, 1279)) / 2), (int) y);
}

/* A search lights what it reaches and dims the rest: "genocide" finds
 * an event by its title; its glyph keeps its colour, others fade (their
 * titles stay readable secondary text); the count is spoken. */
static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  WeftEvent *genocide = (WeftEvent *) weft_dataset_lookup (f->dataset, "ev-uyghur-genocide-designation");
  WeftEvent *ibm = (WeftEvent *) weft_dataset_lookup (f->dataset, "ev-ibm-coins-smart-city");
  g_autoptr(GdkTexture) before = NULL;
  g_autoptr(GdkTexture) after = NULL;
  guint ibm_before, genocide_before;

  g_assert_cmpuint (weft_timeline_view_get_n_matches (f->view), ==, 0);
  before = weft_test_screenshot (GTK_WIDGET (f->view), "timeline-view-before-search.png");
  ibm_before = glyph_luma (f, before, ibm);
  genocide_before = glyph_luma (f, before, genocide);

  weft_session_set_search_text (f->session, "genocide");
  iterate ();
  g_assert_cmpuint (weft_timeline_view_get_n_matches (f->view), ==, 1);
  g_assert_nonnull (strstr (weft_timeline_view_get_accessible_text (f->view), "1 event matches the search"));
  after = weft_test_screenshot (GTK_WIDGET (f->view), "timeline-view-search.png");
  /* Light theme: a dimmed glyph is paler; the match's is unchanged. */
  g_assert_cmpuint (glyph_luma (f, after, ibm), >, ibm_before + 40);
  g_assert_cmpuint (glyph_luma (f, after, genocide), <=, genocide_before + 4);

  /* A selected entity's events take over from the search while it is
   * selected. */
  weft_session_select_id (f->session, "ent-ibm");
  iterate ();
  g_assert_cmpuint (weft_timeline_view_get_n_highlighted (f->view), ==, 1);
  weft_session_set_selection (f->session, NULL);

  /* "Huawei" and "huawei" reach the same events; nothing matching, all
   * dim; no search, nothing dim. */
  weft_session_set_search_text (f->session, "Huawei");
  iterate ();
  {
    guint n = weft_timeline_view_get_n_matches (f->view);

    weft_session_set_search_text (f->session, "huawei");
    iterate ();
    g_assert_cmpuint (weft_timeline_view_get_n_matches (f->view), ==, n);
  }
  weft_session_set_search_text (f->session, "zzzz");
  iterate ();
  g_assert_cmpuint (weft_timeline_view_get_n_matches (f->view), ==, 0);
  g_assert_nonnull (strstr (weft_timeline_view_get_accessible_text (f->view), "0 events match the search"));
  weft_session_set_search_text (f->session, "");
  iterate ();
  g_assert_null (strstr (weft_timeline_view_get_accessible_text (f->view), "search"));
}

/* Enter in the search steps through what it reaches: find-next selects
 * the next match on the axis and brings it into view, in time and in
 * the lanes (by entity, taller than the view), going round at the end. */
static void
test_find_next (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  const WeftSearchResults *results;
  g_autoptr(GPtrArray) reached = NULL;
  graphene_rect_t bounds;
  WeftEvent *first;

  activate (f, "timeline.lanes", g_variant_new_string ("entity"));
  weft_session_set_search_text (f->session, "camera");
  iterate ();
  results = weft_session_get_search_results (f->session);
  reached = weft_search_results_dup_events (results, f->dataset);
  g_assert_cmpuint (weft_timeline_view_get_n_matches (f->view), ==, reached->len);
  g_assert_cmpuint (reached->len, >=, 3);

  /* Far from any of them: zoomed into 2000, scrolled to the bottom. */
  weft_timeline_view_set_span (f->view, ymd (2000, 1, 1), ymd (2000, 3, 1));
  weft_timeline_view_scroll (f->view, 0, 1000, 0, FALSE);
  iterate ();

  for (guint i = 0; i < reached->len + 1; i++)
    {
      WeftItem *item;

      activate (f, "timeline.find-next", NULL);
      item = weft_session_get_selection (f->session);
      g_assert_nonnull (item);
      g_assert_cmpint (item->type, ==, WEFT_ITEM_EVENT);
      g_assert_true (g_ptr_array_find (reached, item, NULL));
      g_assert_true (weft_timeline_view_get_event_bounds (f->view, (WeftEvent *) item, &bounds));
      g_assert_cmpfloat (bounds.origin.x, >=, 0);
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, 1280);
      if (i < reached->len)
        {
          g_assert_false (g_ptr_array_find (seen, item, NULL));
          g_ptr_array_add (seen, item);
        }
      else
        /* Round again. */
        g_assert_true (item == g_ptr_array_index (seen, 0));
    }
  weft_test_save_screenshot (GTK_WIDGET (f->view), "timeline-view-find-next.png");

  /* Back: the one before. */
  first = g_ptr_array_index (seen, 0);
  activate (f, "timeline.find-previous", NULL);
  g_assert_true (weft_session_get_selection (f->session) == g_ptr_array_index (seen, seen->len - 1));
  activate (f, "timeline.find-next", NULL);
  g_assert_true (weft_session_get_selection (f->session) == &first->item);

  /* Without a search, nothing happens. */
  weft_session_set_search_text (f->session, "");
  iterate ();
  activate (f, "timeline.find-next", NULL);
  g_assert_true (weft_session_get_selection (f->session) == &first->item);
}

/* Show on Timeline for IBM (what the window's action does): zoomed to
 * its event, the lanes (one per entity, far taller than the view)
 * scrolled to IBM's, its event on screen. */
static void
test_show_on_timeline (Fixture       *f,
                       gconstpointer  data)
{
  WeftItem *ibm = weft_dataset_lookup (f->dataset, "ent-ibm");
  WeftEvent *coined = (WeftEvent *) weft_dataset_lookup (f->dataset, "ev-ibm-coins-smart-city");
  graphene_rect_t bounds;
  double lower, upper;

  activate (f, "timeline.lanes", g_variant_new_string ("entity"));
  weft_session_set_selection (f->session, ibm);
  iterate ();
  /* Selecting the entity lights its lane and scrolls it into view. */
  g_assert_true (weft_timeline_view_is_lane_lit (f->view, "entity:ent-ibm"));
  g_assert_false (weft_timeline_view_is_lane_lit (f->view, "entity:ent-huawei"));
  g_assert_true (weft_timeline_view_get_event_bounds (f->view, coined, &bounds));

  /* Then away: scrolled to the bottom, zoomed elsewhere. */
  weft_timeline_view_set_span (f->view, ymd (2020, 1, 1), ymd (2021, 1, 1));
  weft_timeline_view_scroll (f->view, 0, 1000, 0, FALSE);
  iterate ();
  g_assert_false (weft_timeline_view_get_event_bounds (f->view, coined, &bounds));

  weft_views_show_on_timeline (GTK_WIDGET (f->view), ibm);
  iterate ();
  weft_timeline_view_get_span (f->view, &lower, &upper);
  g_assert_cmpfloat (lower, <=, coined->date.lower);
  g_assert_cmpfloat (upper, >=, coined->date.upper);
  g_assert_true (weft_timeline_view_get_event_bounds (f->view, coined, &bounds));
  /* In IBM's own lane, on screen. */
  {
    const WeftTimelineFrame *frame = weft_timeline_view_get_frame (f->view);
    WeftTimelineIndex *index = frame->index;
    int lane = weft_timeline_index_find_lane (index, "entity:ent-ibm");
    double scroll = weft_timeline_view_get_scroll (f->view);

    for (guint i = 0; i < frame->lanes->len; i++)
      {
        const WeftTimelineLaneBox *box = &g_array_index (frame->lanes, WeftTimelineLaneBox, i);

        if ((int) box->lane == lane)
          {
            g_assert_true (box->laid_out);
            g_assert_cmpfloat (box->y - scroll, >=, 0);
            g_assert_cmpfloat (frame->header_height + box->y - scroll + box->height, <=, 760 - WEFT_TIMELINE_OVERVIEW_HEIGHT);
          }
      }
  }
  weft_test_save_screenshot (GTK_WIDGET (f->view), "timeline-view-show-ibm.png");

  /* An event: centred on it, in view. */
  weft_timeline_view_scroll (f->view, 0, 1000, 0, FALSE);
  weft_views_show_on_timeline (GTK_WIDGET (f->view), &coined->item);
  iterate ();
  g_assert_true (weft_timeline_view_get_event_bounds (f->view, coined, &bounds));
}

/* A claim lights the events it stands behind and the lanes of its
 * claimant and of what it is about. */
static void
test_claim_lanes (Fixture       *f,
                  gconstpointer  data)
{
  GPtrArray *claims = weft_dataset_get_claims (f->dataset);
  WeftClaim *claim = NULL;
  guint n_events;

  /* A claim with a claimant, about someone else, behind an event. */
  for (guint i = 0; i < claims->len && claim == NULL; i++)
    {
      WeftClaim *c = g_ptr_array_index (claims, i);

      weft_dataset_get_claim_events (f->dataset, c, &n_events);
      if (c->claimant != NULL && c->about != NULL && c->about[0] != NULL && n_events > 0)
        claim = c;
    }
  g_assert_nonnull (claim);
  weft_dataset_get_claim_events (f->dataset, claim, &n_events);

  activate (f, "timeline.lanes", g_variant_new_string ("entity"));
  weft_session_set_selection (f->session, &claim->item);
  iterate ();
  g_assert_cmpuint (weft_timeline_view_get_n_highlighted (f->view), ==, n_events);
  {
    g_autofree char *claimant = g_strconcat ("entity:", claim->claimant, NULL);
    g_autofree char *about = g_strconcat ("entity:", claim->about[0], NULL);

    g_test_message ("%s: %s about %s", claim->item.id, claimant, about);
    if (weft_timeline_index_find_lane (weft_timeline_view_get_frame (f->view)->index, claimant) >= 0)
      g_assert_true (weft_timeline_view_is_lane_lit (f->view, claimant));
    if (weft_timeline_index_find_lane (weft_timeline_view_get_frame (f->view)->index, about) >= 0)
      g_assert_true (weft_timeline_view_is_lane_lit (f->view, about));
  }
  g_assert_false (weft_timeline_view_is_lane_lit (f->view, "entity:ent-no-such"));
  weft_test_save_screenshot (GTK_WIDGET (f->view), "timeline-view-claim-selected.png");

  /* By kind, the kinds' lanes; by group, none. */
  activate (f, "timeline.lanes", g_variant_new_string ("kind"));
  {
    WeftEntity *who = weft_dataset_lookup_entity (f->dataset, claim->about[0]);
    g_autofree char *key = g_strconcat ("kind:", weft_entity_kind_to_string (who->kind), NULL);

    g_assert_true (weft_timeline_view_is_lane_lit (f->view, key));
  }
  activate (f, "timeline.lanes", g_variant_new_string ("group"));
  g_assert_false (weft_timeline_view_is_lane_lit (f->view, "group:Pandemic"));

  weft_session_set_selection (f->session, NULL);
  iterate ();
  g_assert_false (weft_timeline_view_is_lane_lit (f->view, "group:Pandemic"));
}

/* Presentation: a text scale draws everything larger (the pane is the
 * widget / scale), the pointer still finds what is under it, and every
 * event is brought into view clear of the card over the view's right. */
static void
test_presentation (Fixture       *f,
                   gconstpointer  data)
{
  const Sized *sized = data;
  GPtrArray *events = weft_dataset_get_events (f->dataset);
  graphene_rect_t card = GRAPHENE_RECT_INIT (sized->width * 0.62f, 32, sized->width * 0.36f, sized->height - 96);
  graphene_rect_t bounds;
  const WeftTimelineFrame *frame;
  WeftEvent *ibm = (WeftEvent *) weft_dataset_lookup (f->dataset, "ev-ibm-coins-smart-city");

  g_assert_cmpfloat (weft_timeline_view_get_text_scale (f->view), ==, 1);
  weft_timeline_view_set_text_scale (f->view, 1.75);
  iterate ();
  g_assert_cmpfloat (weft_timeline_view_get_text_scale (f->view), ==, 1.75);
  frame = weft_timeline_view_get_frame (f->view);
  g_assert_cmpfloat_with_epsilon (frame->scale.width, sized->width / 1.75, 1);

  /* Every event, in the view's free part: drawn on its own, whole rows
   * 1.75 times taller, clear of the card. */
  weft_timeline_view_set_obscured (f->view, &card);
  for (guint i = 0; i < events->len; i++)
    {
      WeftEvent *event = g_ptr_array_index (events, i);

      g_test_message ("%s", event->title);
      weft_session_set_selection (f->session, &event->item);
      g_assert_true (weft_timeline_view_reveal_event (f->view, event, i % 2 == 0));
      iterate ();
      g_assert_true (weft_timeline_view_get_event_bounds (f->view, event, &bounds));
      g_assert_cmpfloat_with_epsilon (bounds.size.height, frame->metrics.row_height * 1.75, 0.01);
      g_assert_false (graphene_rect_intersection (&bounds, &card, NULL));
      g_assert_cmpfloat (bounds.origin.x, >=, 0);
    }
  weft_test_save_screenshot (GTK_WIDGET (f->view), "timeline-view-presentation.png");

  /* n/p keep clear of the card too. */
  weft_session_set_selection (f->session, &ibm->item);
  activate (f, "timeline.next-event", NULL);
  g_assert_true (weft_timeline_view_get_event_bounds (f->view, (WeftEvent *) weft_session_get_selection (f->session),
                                                      &bounds));
  g_assert_false (graphene_rect_intersection (&bounds, &card, NULL));

  /* A click where an event is drawn selects it, at this scale. */
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->view));
    GtkGestureClick *click = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (controllers) && click == NULL; i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_GESTURE_CLICK (controller))
          click = GTK_GESTURE_CLICK (controller);
      }
    g_assert_nonnull (click);
    g_assert_true (weft_timeline_view_reveal_event (f->view, ibm, FALSE));
    g_assert_true (weft_timeline_view_get_event_bounds (f->view, ibm, &bounds));
    weft_session_set_selection (f->session, NULL);
    g_signal_emit_by_name (click, "released", 1, (double) bounds.origin.x + 20,
                           (double) bounds.origin.y + bounds.size.height / 2);
    g_assert_true (weft_session_get_selection (f->session) == &ibm->item);
  }

  /* Back to normal: the pane is the widget again; nothing obscured. */
  weft_timeline_view_set_text_scale (f->view, 1);
  weft_timeline_view_set_obscured (f->view, NULL);
  iterate ();
  g_assert_cmpfloat_with_epsilon (weft_timeline_view_get_frame (f->view)->scale.width, sized->width, 1);
}


/* The time window from the keyboard: w takes the selected event's days,
 * Shift+arrows move its end and Shift+Ctrl+arrows its start, Escape
 * clears it, Shift+W types it; each said first in the description. */
static void
test_keys_window (Fixture       *f,
                  gconstpointer  data)
{
  WeftEvent *ibm = (WeftEvent *) weft_dataset_lookup (f->dataset, "ev-ibm-coins-smart-city");
  gint64 lower, upper, lower0, upper0;
  GtkWidget *from, *to, *set;

  /* Without a selected event, w says so. */
  press (f, GDK_KEY_w, 0);
  g_assert_false (weft_session_get_window (f->session, &lower, &upper));
  g_assert_true (g_str_has_prefix (said (f), "No event selected. "));

  activate (f, "timeline.center-event", g_variant_new_string ("ev-ibm-coins-smart-city"));
  g_assert_false (g_str_has_prefix (said (f), "No event selected"));
  press (f, GDK_KEY_w, 0);
  g_assert_true (weft_session_get_window (f->session, &lower, &upper));
  g_assert_cmpint (lower, ==, ibm->date.lower);
  g_assert_cmpint (upper, ==, ibm->date.upper);
  g_assert_true (g_str_has_prefix (said (f), "Time window: "));
  g_assert_nonnull (strstr (said (f), "2008"));
  g_assert_nonnull (strstr (said (f), ibm->title));
  weft_test_save_screenshot (GTK_WIDGET (f->view), "timeline-view-keys-window.png");

  /* Shift+Right moves the end later, Shift+Left earlier, never before the
   * start; Shift+Ctrl+arrows move the start. */
  lower0 = lower;
  upper0 = upper;
  press (f, GDK_KEY_Right, GDK_SHIFT_MASK);
  g_assert_true (weft_session_get_window (f->session, &lower, &upper));
  g_assert_cmpint (lower, ==, lower0);
  g_assert_cmpint (upper, >, upper0);
  for (guint i = 0; i < 100; i++)
    press (f, GDK_KEY_Left, GDK_SHIFT_MASK);
  g_assert_true (weft_session_get_window (f->session, &lower, &upper));
  g_assert_cmpint (lower, ==, lower0);
  g_assert_cmpint (upper, ==, lower0);
  press (f, GDK_KEY_Left, GDK_SHIFT_MASK | GDK_CONTROL_MASK);
  g_assert_true (weft_session_get_window (f->session, &lower, &upper));
  g_assert_cmpint (lower, <, lower0);
  g_assert_cmpint (upper, ==, lower0);
  press (f, GDK_KEY_Right, GDK_SHIFT_MASK | GDK_CONTROL_MASK);
  g_assert_true (weft_session_get_window (f->session, &lower, &upper));
  g_assert_cmpint (lower, ==, lower0);
  g_assert_true (g_str_has_prefix (said (f), "Time window: "));

  /* Escape clears it. */
  press (f, GDK_KEY_Escape, 0);
  g_assert_false (weft_session_get_window (f->session, &lower, &upper));
  g_assert_true (g_str_has_prefix (said (f), "Time window cleared. "));

  /* Without a window, Shift+Right starts one on the selected event. */
  press (f, GDK_KEY_Right, GDK_SHIFT_MASK);
  g_assert_true (weft_session_get_window (f->session, &lower, &upper));
  g_assert_cmpint (lower, ==, ibm->date.lower);
  g_assert_cmpint (upper, ==, ibm->date.upper);

  /* Shift+W: the dates typed, checked as they are typed. */
  g_assert_null (weft_timeline_view_get_range_field (f->view, 0));
  press (f, GDK_KEY_W, GDK_SHIFT_MASK);
  from = weft_timeline_view_get_range_field (f->view, 0);
  to = weft_timeline_view_get_range_field (f->view, 1);
  set = weft_timeline_view_get_range_field (f->view, 2);
  g_assert_nonnull (from);
  weft_test_wait_for ((WeftTestCondition) gtk_widget_get_mapped, from);
  g_assert_true (gtk_widget_get_mapped (from));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (from)), ==, "2008-01-01");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (to)), ==, "2008-12-31");
  g_assert_true (gtk_widget_get_sensitive (set));
  weft_test_save_screenshot (gtk_widget_get_ancestor (from, GTK_TYPE_POPOVER), "timeline-view-range-popover.png");

  gtk_editable_set_text (GTK_EDITABLE (from), "2021-13");
  g_assert_true (gtk_widget_has_css_class (from, "error"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (from));
  g_assert_false (gtk_widget_get_sensitive (set));
  gtk_editable_set_text (GTK_EDITABLE (from), "../2021");
  g_assert_true (gtk_widget_has_css_class (from, "error"));
  g_assert_false (gtk_widget_get_sensitive (set));
  gtk_editable_set_text (GTK_EDITABLE (from), "2019");
  g_assert_false (gtk_widget_has_css_class (from, "error"));
  g_assert_null (gtk_widget_get_tooltip_text (from));
  gtk_editable_set_text (GTK_EDITABLE (to), "2020-06");
  g_assert_true (gtk_widget_get_sensitive (set));
  g_signal_emit_by_name (set, "clicked");
  iterate ();
  g_assert_true (weft_session_get_window (f->session, &lower, &upper));
  g_assert_cmpint (lower, ==, ymd (2019, 1, 1));
  g_assert_cmpint (upper, ==, ymd (2020, 6, 30));
  g_assert_true (g_str_has_prefix (said (f), "Time window: "));
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (from, GTK_TYPE_POPOVER)));

  /* A "to" left empty: the days of "from". */
  press (f, GDK_KEY_W, GDK_SHIFT_MASK);
  gtk_editable_set_text (GTK_EDITABLE (from), "2017-03");
  gtk_editable_set_text (GTK_EDITABLE (to), "");
  g_signal_emit_by_name (set, "clicked");
  iterate ();
  g_assert_true (weft_session_get_window (f->session, &lower, &upper));
  g_assert_cmpint (lower, ==, ymd (2017, 3, 1));
  g_assert_cmpint (upper, ==, ymd (2017, 3, 31));

  /* n moves on: the event is read, the window's words are not. */
  press (f, GDK_KEY_n, 0);
  g_assert_true (g_str_has_prefix (said (f), "Selected event: "));
}

/* The lanes from the keyboard: Up and Down move a lane cursor (read out),
 * Space folds and unfolds its lane, Return zooms into its cluster nearest
 * the middle. */
static void
test_keys_lanes (Fixture       *f,
                 gconstpointer  data)
{
  const WeftTimelineFrame *frame = weft_timeline_view_get_frame (f->view);
  g_autofree char *first = NULL;
  g_autofree char *prefix = NULL;
  double before;

  weft_timeline_view_set_lanes (f->view, "entity");
  iterate ();
  prefix = g_strdup_printf ("Lane 1 of %u: %s, ", frame->lanes->len,
                            weft_timeline_index_get_lane (frame->index,
                                                          g_array_index (frame->lanes, WeftTimelineLaneBox, 0).lane)->title);
  press (f, GDK_KEY_Down, 0);
  g_assert_true (g_str_has_prefix (said (f), prefix));
  g_assert_nonnull (strstr (said (f), ", expanded. "));
  first = g_strdup (said (f));
  press (f, GDK_KEY_Down, 0);
  g_assert_true (g_str_has_prefix (said (f), "Lane 2 of "));
  press (f, GDK_KEY_Up, 0);
  g_assert_cmpstr (said (f), ==, first);
  press (f, GDK_KEY_Up, 0);
  g_assert_cmpstr (said (f), ==, first);

  /* Down to the end scrolls the last lane into view. */
  for (guint i = 0; i < frame->lanes->len; i++)
    press (f, GDK_KEY_Down, 0);
  g_assert_nonnull (strstr (said (f), g_strdup_printf ("Lane %u of %u: ", frame->lanes->len, frame->lanes->len)));
  g_assert_cmpfloat (weft_timeline_view_get_scroll (f->view), >, 0);
  /* As after a key: the focus ring, and the cursor's round its lane. */
  gtk_widget_grab_focus (GTK_WIDGET (f->view));
  gtk_window_set_focus_visible (f->window, TRUE);
  weft_test_save_screenshot (GTK_WIDGET (f->view), "timeline-view-lane-cursor.png");
  for (guint i = 0; i < frame->lanes->len; i++)
    press (f, GDK_KEY_Up, 0);
  g_assert_cmpstr (said (f), ==, first);

  /* Space folds the lane and unfolds it. */
  press (f, GDK_KEY_space, 0);
  g_assert_true (g_array_index (frame->lanes, WeftTimelineLaneBox, 0).collapsed);
  g_assert_nonnull (strstr (said (f), ", collapsed. "));
  press (f, GDK_KEY_space, 0);
  g_assert_false (g_array_index (frame->lanes, WeftTimelineLaneBox, 0).collapsed);
  g_assert_nonnull (strstr (said (f), ", expanded. "));

  /* Folded, the lane is all clusters: Return zooms into one. */
  press (f, GDK_KEY_space, 0);
  before = span_of (f);
  press (f, GDK_KEY_Return, 0);
  g_assert_cmpfloat (span_of (f), <, before);
  g_assert_true (g_str_has_prefix (said (f), "Zoomed into a cluster of "));

  /* A lane with no cluster in view: Return folds or unfolds it. */
  activate (f, "timeline.zoom-fit", NULL);
  press (f, GDK_KEY_space, 0);
  g_assert_false (g_array_index (frame->lanes, WeftTimelineLaneBox, 0).collapsed);
  {
    const WeftTimelineLaneBox *box = &g_array_index (frame->lanes, WeftTimelineLaneBox, 0);
    gboolean clusters = FALSE;

    for (guint i = box->first_mark; i < box->first_mark + box->n_marks; i++)
      clusters = clusters || g_array_index (frame->marks, WeftTimelineMark, i).kind == WEFT_TIMELINE_MARK_CLUSTER;
    if (!clusters)
      {
        press (f, GDK_KEY_Return, 0);
        g_assert_true (g_array_index (frame->lanes, WeftTimelineLaneBox, 0).collapsed);
      }
  }

  /* The lanes' scrolling keys moved to Ctrl+Up and Ctrl+Down. */
  activate (f, "timeline.zoom-fit", NULL);
  before = weft_timeline_view_get_scroll (f->view);
  press (f, GDK_KEY_Down, GDK_CONTROL_MASK);
  g_assert_cmpfloat (weft_timeline_view_get_scroll (f->view), >, before);
  press (f, GDK_KEY_Up, GDK_CONTROL_MASK);
  g_assert_cmpfloat (weft_timeline_view_get_scroll (f->view), ==, before);

  /* Zooming and panning keys say what the view shows. */
  press (f, GDK_KEY_plus, 0);
  g_assert_true (g_str_has_prefix (said (f), "Showing from "));
  first = (g_free (first), g_strdup (said (f)));
  press (f, GDK_KEY_Left, 0);
  g_assert_true (g_str_has_prefix (said (f), "Showing from "));
  g_assert_cmpstr (said (f), !=, first);
  press (f, GDK_KEY_0, 0);
  g_assert_true (g_str_has_prefix (said (f), "Showing from "));

  /* New lanes, no cursor: Down starts again on the first in view, where
   * the lanes are scrolled to. */
  weft_timeline_view_set_lanes (f->view, "kind");
  iterate ();
  before = weft_timeline_view_get_scroll (f->view);
  press (f, GDK_KEY_Down, 0);
  g_assert_true (g_str_has_prefix (said (f), "Lane "));
  g_assert_cmpfloat (weft_timeline_view_get_scroll (f->view), ==, before);
}

/* The selected event read as a sentence, its date in plain words. */
/* An edit keeps what the view shows (span, scrolling, folded lanes) and
 * draws the change: a longer title, whole. */
static void
test_edit_keeps_view (Fixture       *f,
                      gconstpointer  data)
{
  WeftItem *drones = weft_dataset_lookup (f->dataset, "ev-drones-monitor-residents");
  g_autoptr(WeftEdit) edit = NULL;
  const WeftTimelineMark *mark;
  double lower, upper, l2, u2, scroll, width;

  weft_timeline_view_set_span (f->view, weft_days_from_civil (2016, 1, 1), weft_days_from_civil (2023, 1, 1));
  activate (f, "timeline.toggle-lane", g_variant_new_string ("group:Origins"));
  weft_timeline_view_scroll (f->view, 0, 1, 0, FALSE);
  iterate ();
  weft_timeline_view_get_span (f->view, &lower, &upper);
  scroll = weft_timeline_view_get_scroll (f->view);
  g_assert_cmpfloat (scroll, >, 0);
  mark = weft_timeline_frame_find_event (weft_timeline_view_get_frame (f->view), (WeftEvent *) drones, G_MAXUINT);
  g_assert_nonnull (mark);
  width = mark->full_label_width;

  edit = weft_edit_new (f->dataset, "Rename");
  g_assert_true (weft_edit_set (edit, drones, "title",
                                "Chinese regime sends drones with facial-recognition cameras to watch residents", NULL));
  g_assert_true (weft_edit_commit (edit, NULL));
  iterate ();

  weft_timeline_view_get_span (f->view, &l2, &u2);
  g_assert_cmpfloat (l2, ==, lower);
  g_assert_cmpfloat (u2, ==, upper);
  g_assert_cmpfloat (weft_timeline_view_get_scroll (f->view), ==, scroll);
  mark = weft_timeline_frame_find_event (weft_timeline_view_get_frame (f->view), (WeftEvent *) drones, G_MAXUINT);
  g_assert_nonnull (mark);
  g_assert_cmpfloat (mark->full_label_width, >, width);
  g_assert_cmpfloat (mark->label_width, ==, mark->full_label_width);
  /* Origins is still folded: its events are in clusters. */
  {
    const WeftTimelineFrame *frame = weft_timeline_view_get_frame (f->view);
    WeftTimelineIndex *index = frame->index;

    for (guint i = 0; i < frame->lanes->len; i++)
      {
        const WeftTimelineLaneBox *box = &g_array_index (frame->lanes, WeftTimelineLaneBox, i);

        if (g_str_equal (weft_timeline_index_get_lane (index, box->lane)->key, "group:Origins"))
          g_assert_true (box->collapsed);
      }
  }
}

static void
test_description (Fixture       *f,
                  gconstpointer  data)
{
  GPtrArray *events = weft_dataset_get_events (f->dataset);
  guint n_uncertain = 0;

  for (guint i = 0; i < events->len; i++)
    {
      WeftEvent *event = g_ptr_array_index (events, i);
      g_autofree char *words = weft_present_date_words (&event->date);
      g_autofree char *expected = g_strdup_printf ("Selected event: %s, %s", event->title, words);

      weft_session_set_selection (f->session, &event->item);
      iterate ();
      g_assert_true (g_str_has_prefix (said (f), expected));
      if (event->n_participants > 0)
        g_assert_nonnull (strstr (said (f), ". Participants: "));
      /* No EDTF words: "precision", "uncertain" in brackets. */
      g_assert_null (strstr (said (f), "precision"));
      g_assert_null (strstr (said (f), "(uncertain)"));
      n_uncertain += strstr (words, "sometime") != NULL;
    }
  g_assert_cmpuint (n_uncertain, >, 0);
}

int
main (int    argc,
      char **argv)
{
  if (!weft_test_gui_init (&argc, &argv))
    return 0;

#define ADD(path, fn) g_test_add ("/weft/timeline-view/" path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("zoom", test_zoom);
  ADD ("resize", test_resize);
  ADD ("range", test_range);
  ADD ("brush", test_brush);
  ADD ("lanes", test_lanes);
  ADD ("selection", test_selection);
  ADD ("events", test_events);
  ADD ("clicks", test_clicks);
  ADD ("dark", test_dark);
  ADD ("search", test_search);
  ADD ("find-next", test_find_next);
  ADD ("show-on-timeline", test_show_on_timeline);
  ADD ("claim-lanes", test_claim_lanes);
  ADD ("keys-window", test_keys_window);
  ADD ("keys-lanes", test_keys_lanes);
  ADD ("description", test_description);
  ADD ("edit-keeps-view", test_edit_keeps_view);
#undef ADD

  {
    static const Sized women = { "women_in_computing.json", 1280, 720 };
    static const Sized example = { NULL, 1920, 1080 };
    static const Sized small = { NULL, 1280, 720 };

#define ADD(path, sized, fn) g_test_add ("/weft/timeline-view/" path, Fixture, sized, sized_set_up, fn, sized_tear_down)
    ADD ("every-event/women-in-computing", &women, test_every_event);
    ADD ("every-event/example", &example, test_every_event);
    ADD ("every-event/example-1280x720", &small, test_every_event);
    ADD ("matches-export", &small, test_matches_export);
    ADD ("wheel", &small, test_wheel);
    ADD ("presentation", &example, test_presentation);
#undef ADD
  }

  return weft_test_run ();
}
