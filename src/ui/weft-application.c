/* weft-application.c: the GTK application; opens windows on datasets
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "weft-application.h"
#include "weft-loader.h"
#include "weft-paths.h"

struct _WeftApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (WeftApplication, weft_application, ADW_TYPE_APPLICATION)

static void
present_dataset (WeftApplication *self,
                 GFile           *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WeftDataset) dataset = weft_dataset_load_file (file, NULL, NULL, &error);
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (self));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = adw_status_page_new ();

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  if (dataset != NULL)
    {
      g_autofree char *counts = g_strdup_printf (_("%u entities, %u events, %u claims"),
                                                 weft_dataset_get_entities (dataset)->len,
                                                 weft_dataset_get_events (dataset)->len,
                                                 weft_dataset_get_claims (dataset)->len);
      adw_status_page_set_title (ADW_STATUS_PAGE (page), weft_dataset_get_title (dataset));
      adw_status_page_set_description (ADW_STATUS_PAGE (page), counts);
      gtk_window_set_title (GTK_WINDOW (window), weft_dataset_get_title (dataset));
    }
  else
    {
      adw_status_page_set_title (ADW_STATUS_PAGE (page), _("This file cannot be opened"));
      adw_status_page_set_description (ADW_STATUS_PAGE (page), error->message);
      gtk_window_set_title (GTK_WINDOW (window), "Weft");
    }
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
}

static void
weft_application_activate (GApplication *app)
{
  g_autofree char *path = weft_get_example_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);

  present_dataset (WEFT_APPLICATION (app), file);
}

static void
weft_application_open (GApplication  *app,
                       GFile        **files,
                       int            n_files,
                       const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    present_dataset (WEFT_APPLICATION (app), files[i]);
}

static void
weft_application_class_init (WeftApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = weft_application_activate;
  app_class->open = weft_application_open;
}

static void
weft_application_init (WeftApplication *self)
{
}

WeftApplication *
weft_application_new (void)
{
  return g_object_new (WEFT_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       NULL);
}

int
weft_application_run (int    argc,
                      char **argv)
{
  g_autoptr(WeftApplication) app = weft_application_new ();

  g_set_application_name ("Weft");
  return g_application_run (G_APPLICATION (app), argc, argv);
}
