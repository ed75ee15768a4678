/* weft-application.c: the GTK application; opens windows on datasets
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-ui"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "weft-application.h"
#include "weft-edit-controller.h"
#include "weft-window.h"

struct _WeftApplication
{
  AdwApplication  parent_instance;
  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (WeftApplication, weft_application, ADW_TYPE_APPLICATION)

static void
apply_color_scheme (WeftApplication *self)
{
  g_autofree char *scheme = g_settings_get_string (self->settings, "color-scheme");
  AdwColorScheme value = ADW_COLOR_SCHEME_DEFAULT;

  if (g_str_equal (scheme, "light"))
    value = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_str_equal (scheme, "dark"))
    value = ADW_COLOR_SCHEME_FORCE_DARK;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), value);
}

/* The window to open a file in: the active one when it shows only the
 * example, else a new one, so nothing the user opened is replaced. */
static WeftWindow *
window_for_file (WeftApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (WEFT_IS_WINDOW (active) && weft_window_is_example (WEFT_WINDOW (active)))
    return WEFT_WINDOW (active);
  return weft_window_new (GTK_APPLICATION (self));
}

static void
weft_application_activate (GApplication *app)
{
  WeftWindow *window = weft_window_new (GTK_APPLICATION (app));

  gtk_window_present (GTK_WINDOW (window));
  weft_window_open_example (window);
  /* Edits a crash kept from being saved: offered in the banner. */
  weft_edit_controller_offer_recovery (weft_window_get_editor (window));
}

static void
weft_application_open (GApplication  *app,
                       GFile        **files,
                       int            n_files,
                       const char    *hint)
{
  WeftApplication *self = WEFT_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      WeftWindow *window = window_for_file (self);

      gtk_window_present (GTK_WINDOW (window));
      weft_window_open (window, files[i], NULL, NULL);
    }
}

static void
new_window_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  weft_application_activate (G_APPLICATION (user_data));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  /* Close each window so it stores its size and view. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  static const char *developers[] = { "The Weft developers", NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  GtkWidget *about = adw_about_window_new ();

  g_object_set (about,
                "application-name", "Weft",
                "application-icon", APP_ID,
                "version", PACKAGE_VERSION,
                "developer-name", _("The Weft developers"),
                "developers", developers,
                "license-type", GTK_LICENSE_MIT_X11,
                "comments", _("Who did what, when, and who says so: entities, events and claims "
                              "with their sources, as a timeline and a relationship graph."),
                "website", "https://github.com/weft/weft",
                "issue-url", "https://github.com/weft/weft/issues",
                /* Translators: put your names here, one a line */
                "translator-credits", _("translator-credits"),
                NULL);
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("Graphviz"),
                                      "© AT&T and the Graphviz authors", GTK_LICENSE_CUSTOM,
                                      _("Graph layout by Graphviz, under the Eclipse Public License 1.0."));
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("TimelineJS examples"),
                                      "© Knight Lab, Northwestern University", GTK_LICENSE_MPL_2_0, NULL);
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("FollowTheMoney schema"),
                                      "© the FollowTheMoney authors", GTK_LICENSE_MIT_X11, NULL);
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("The bundled example"),
                                      NULL, GTK_LICENSE_CUSTOM,
                                      _("Built from an article on smart cities in China; its quotes are short "
                                        "excerpts cited to that article and to the sources it names."));
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  gtk_window_present (GTK_WINDOW (about));
}

static GtkWidget *
combo_row (GSettings           *settings,
           const char          *key,
           const char          *title,
           const char          *subtitle,
           const char * const  *nicks,
           const char * const  *labels)
{
  GtkWidget *row = adw_combo_row_new ();
  GtkStringList *model = gtk_string_list_new (NULL);
  g_autofree char *current = g_settings_get_string (settings, key);

  for (guint i = 0; nicks[i] != NULL; i++)
    {
      gtk_string_list_append (model, _(labels[i]));
      if (g_str_equal (nicks[i], current))
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  {
    /* set_model resets the selection; set it again. */
    for (guint i = 0; nicks[i] != NULL; i++)
      if (g_str_equal (nicks[i], current))
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
  }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data (G_OBJECT (row), "weft-nicks", (gpointer) nicks);
  g_object_set_data_full (G_OBJECT (row), "weft-key", g_strdup (key), g_free);
  g_object_unref (model);
  return row;
}

static void
on_combo_selected (AdwComboRow *row,
                   GParamSpec  *pspec,
                   GSettings   *settings)
{
  const char * const *nicks = g_object_get_data (G_OBJECT (row), "weft-nicks");
  const char *key = g_object_get_data (G_OBJECT (row), "weft-key");
  guint selected = adw_combo_row_get_selected (row);

  if (selected != GTK_INVALID_LIST_POSITION)
    g_settings_set_string (settings, key, nicks[selected]);
}

static void
preferences_action (GSimpleAction *action,
                    GParamSpec    *parameter,
                    gpointer       user_data)
{
  static const char * const scheme_nicks[] = { "default", "light", "dark", NULL };
  static const char * const scheme_labels[] = { N_("Follow the System"), N_("Light"), N_("Dark"), NULL };
  static const char * const engine_nicks[] = { "auto", "dot", "neato", "fdp", "sfdp", "circo", "twopi", NULL };
  static const char * const engine_labels[] = { N_("Automatic"), N_("Layered (dot)"), N_("Spring (neato)"),
                                                N_("Force-directed (fdp)"), N_("Large graphs (sfdp)"),
                                                N_("Circular (circo)"), N_("Radial (twopi)"), NULL };
  static const char * const lane_nicks[] = { "entity", "kind", "group", NULL };
  static const char * const lane_labels[] = { N_("By Entity"), N_("By Kind of Entity"), N_("By Group"), NULL };
  WeftApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *window = adw_preferences_window_new ();
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *look = adw_preferences_group_new ();
  GtkWidget *views = adw_preferences_group_new ();
  GtkWidget *rows[3];

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (look), _("Appearance"));
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (views), _("Views"));
  rows[0] = combo_row (self->settings, "color-scheme", _("Style"), _("Light or dark, for the whole window and its views"),
                       scheme_nicks, scheme_labels);
  rows[1] = combo_row (self->settings, "lane-grouping", _("Timeline Lanes"), _("How the timeline groups events"),
                       lane_nicks, lane_labels);
  rows[2] = combo_row (self->settings, "graph-engine", _("Graph Layout"),
                       _("Automatic picks a layered layout for small graphs and a fast one for large graphs"),
                       engine_nicks, engine_labels);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_signal_connect (rows[i], "notify::selected", G_CALLBACK (on_combo_selected), self->settings);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (look), rows[0]);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (views), rows[1]);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (views), rows[2]);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (look));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (views));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (weft_edit_preferences_new (self->settings)));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (page));
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (window), FALSE);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_present (GTK_WINDOW (window));
}

static void
weft_application_startup (GApplication *app)
{
  static const GActionEntry entries[] = {
    { "new-window", new_window_action },
    { "quit", quit_action },
    { "about", about_action },
    { "preferences", (gpointer) preferences_action },
  };
  static const char *quit_accels[] = { "<Control>q", NULL };
  /* Ctrl+N makes a new dataset (edit.new-dataset). */
  static const char *new_accels[] = { "<Control><Shift>n", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };
  WeftApplication *self = WEFT_APPLICATION (app);
  static locale_t own_locale = (locale_t) 0;

  G_APPLICATION_CLASS (weft_application_parent_class)->startup (app);

  /* Graphviz sets the whole process's LC_NUMERIC to "C" while it lays a
   * graph out, and layouts run on worker threads. The main thread keeps a
   * copy of the user's locale of its own (uselocale), so what it formats
   * meanwhile still follows that locale ("1.234 entidades", not "1234"). */
  if (own_locale == (locale_t) 0)
    {
      own_locale = duplocale (LC_GLOBAL_LOCALE);
      if (own_locale != (locale_t) 0)
        uselocale (own_locale);
    }

  g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.new-window", new_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", prefs_accels);

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_swapped (self->settings, "changed::color-scheme", G_CALLBACK (apply_color_scheme), self);
  apply_color_scheme (self);

  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    "/io/github/weft/Weft/icons");
}

static void
weft_application_dispose (GObject *object)
{
  WeftApplication *self = WEFT_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (weft_application_parent_class)->dispose (object);
}

static void
weft_application_class_init (WeftApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = weft_application_dispose;
  app_class->startup = weft_application_startup;
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
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/weft/Weft",
                       NULL);
}

int
weft_application_run (int    argc,
                      char **argv)
{
  g_autoptr(WeftApplication) app = weft_application_new ();

  g_set_application_name ("Weft");
  gtk_window_set_default_icon_name (APP_ID);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
