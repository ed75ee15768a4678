/* weft-test-gui.c: what the GUI tests share
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-test"

#include "config.h"

#include <adwaita.h>

#include "weft-test-gui.h"

static WeftApplication *application;

gboolean
weft_test_gui_init (int    *argc,
                    char ***argv)
{
  g_autofree char *state = NULL;

  weft_test_init (argc, argv);
  /* Journals of edits go to a folder of the test's own, never to the
   * user's (GLib reads XDG_STATE_HOME when first asked, which GTK does
   * not). */
  state = weft_test_make_tmp_dir ("state");
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_assert_true (g_str_has_prefix (g_get_user_state_dir (), state));
  if (gtk_init_check ())
    {
      adw_init ();
      return TRUE;
    }
  if (g_getenv ("DISPLAY") != NULL || g_getenv ("WAYLAND_DISPLAY") != NULL)
    g_error ("GTK cannot open the display (DISPLAY=%s, WAYLAND_DISPLAY=%s)",
             g_getenv ("DISPLAY"), g_getenv ("WAYLAND_DISPLAY"));
  g_print ("1..0 # SKIP no display (build-aux/test runs the GUI tests under xvfb-run)\n");
  return FALSE;
}

static void
release_application (gpointer data)
{
  g_clear_object (&application);
}

WeftApplication *
weft_test_get_application (void)
{
  if (application == NULL)
    {
      application = weft_application_new ();
      g_application_set_flags (G_APPLICATION (application),
                               G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
      g_assert_true (g_application_register (G_APPLICATION (application), NULL, NULL));
      weft_test_add_cleanup (release_application, NULL);
    }
  return application;
}

gboolean
weft_test_wait_for (WeftTestCondition condition,
                    gpointer          data)
{
  /* Long enough for the sanitizer build, where laying out and fitting a
   * large graph takes several times as long; a condition that holds ends
   * the wait at once, and meson's timeout still bounds the test. */
  gint64 deadline = g_get_monotonic_time () + 90 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

void
weft_test_spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (5000);
    }
}

void
weft_test_settle (void)
{
  weft_test_spin (300);
}

gboolean
weft_test_window_is_compact (gpointer window)
{
  return weft_window_get_compact (window);
}

gboolean
weft_test_window_is_narrow (gpointer window)
{
  return gtk_widget_get_width (window) <= 560;
}

GtkWindow *
weft_test_present (GtkWidget *child,
                   int        width,
                   int        height)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, width, height);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  return window;
}

static gboolean
has_dataset (gpointer data)
{
  return weft_session_get_dataset (weft_window_get_session (data)) != NULL;
}

WeftWindow *
weft_test_window_with_example (GtkApplication *app,
                               int             width,
                               int             height)
{
  WeftWindow *window = weft_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  weft_window_open_example (window);
  g_assert_true (weft_test_wait_for (has_dataset, window));
  weft_test_settle ();
  return window;
}

GtkWidget *
weft_test_find_widget (GtkWidget           *root,
                       WeftTestWidgetMatch  match,
                       gconstpointer        data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = weft_test_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

GtkWidget *
weft_test_find_type (GtkWidget *root,
                     GType      type)
{
  return weft_test_find_widget (root, is_of_type, GSIZE_TO_POINTER (type));
}

gboolean
weft_test_shows_title (WeftWindow *window,
                       const char *title)
{
  WeftDataset *dataset = weft_session_get_dataset (weft_window_get_session (window));

  return dataset != NULL && g_strcmp0 (weft_dataset_get_title (dataset), title) == 0;
}

typedef struct {
  WeftWindow *window;
  const char *title;
} TitleWait;

static gboolean
shows_title (gpointer data)
{
  TitleWait *wait = data;

  return weft_test_shows_title (wait->window, wait->title);
}

gboolean
weft_test_wait_for_title (WeftWindow *window,
                          const char *title)
{
  TitleWait wait = { window, title };

  return weft_test_wait_for (shows_title, &wait);
}

static gboolean
is_label_saying (GtkWidget     *widget,
                 gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

GtkWidget *
weft_test_find_label (GtkWidget  *root,
                      const char *text)
{
  return weft_test_find_widget (root, is_label_saying, text);
}

static gboolean
is_status_page_titled (GtkWidget     *widget,
                       gconstpointer  title)
{
  return ADW_IS_STATUS_PAGE (widget) && g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), title) == 0;
}

GtkWidget *
weft_test_find_status_page (GtkWidget  *root,
                            const char *title)
{
  return weft_test_find_widget (root, is_status_page_titled, title);
}

GtkEventController *
weft_test_find_controller (GtkWidget  *widget,
                           GType       type,
                           const char *name)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type)
          && (name == NULL || g_strcmp0 (gtk_event_controller_get_name (controller), name) == 0))
        return controller; /* the widget keeps it */
    }
  return NULL;
}

GdkTexture *
weft_test_screenshot (GtkWidget  *widget,
                      const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  int width = 0, height = 0;
  graphene_rect_t bounds;

  /* Let the window draw a frame first (a new style reaches the widgets
   * on the next frame). */
  weft_test_spin (200);
  /* A loaded X server (the sanitizer build, GUI tests side by side) may
   * draw the window late: wait for a drawing. */
  for (int attempt = 0; node == NULL && attempt < 50; attempt++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      if (attempt > 0)
        weft_test_settle ();
      width = gtk_widget_get_width (widget);
      height = gtk_widget_get_height (widget);
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_cmpint (width, >, 0);
  g_assert_nonnull (node);
  graphene_rect_init (&bounds, 0, 0, width, height);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node, &bounds);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
  return g_steal_pointer (&texture);
}

void
weft_test_save_screenshot (GtkWidget  *widget,
                           const char *name)
{
  g_autoptr(GdkTexture) texture = weft_test_screenshot (widget, name);
}
