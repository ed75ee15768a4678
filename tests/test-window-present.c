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

int
main (int    argc,
      char **argv)
{
  if (!weft_test_gui_init (&argc, &argv))
    return 0;
  app = weft_test_get_application ();

  g_test_add_func ("/weft/window-present/export-dialog", test_export_dialog);
  g_test_add_func ("/weft/window-present/safe-file-name", test_safe_file_name);

  return weft_test_run ();
}
