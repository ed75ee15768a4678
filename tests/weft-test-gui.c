/* weft-test-gui.c
 *
 * SPDX-License-Identifier: MIT
 */
#include "config.h"

#include "weft-test-gui.h"

gboolean
weft_test_wait_for (WeftTestCondition condition,
                    gpointer          data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

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

void
weft_test_save_screenshot (GtkWidget  *widget,
                           const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  int width = 0, height = 0;
  graphene_rect_t bounds;

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
}
