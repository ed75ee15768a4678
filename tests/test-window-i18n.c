/* test-window-i18n.c: the window in another language
 *
 *   test-window-i18n --language=es|zh_CN [g_test options]
 *
 * Sets LANGUAGE (and, when tests/make-locales.py could compile it, the
 * language's locale, so numbers are grouped as there) before GTK starts,
 * opens the example and checks that the header bar, the sidebar, the
 * inspector and the window title speak the language, that no label in the
 * header bar or the side panes is cut short, and that counts group their
 * digits as the locale does; the same for the preferences; and that what a
 * screen reader hears of the inspector's links and the header bar's
 * buttons is in the language (with GTK's test accessibility). Saves
 * window-LANG.png, window-LANG-narrow.png and preferences-LANG.png in the
 * build folder. Runs under Xvfb; skips without a display.
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-test"

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "weft-application.h"
#include "weft-paths.h"
#include "weft-sidebar.h"
#include "weft-window.h"
#include "weft-test-gui.h"

static WeftApplication *app;
static const char *language;
/* The locale's digit separator, or NULL when the locale is not installed
 * here and numbers come out ungrouped (C.UTF-8). */
static const char *grouping;

/* ---- Helpers ------------------------------------------------------------ */

/* Every button label (with its mnemonic underscore) under @widget. */
static void
collect_button_labels (GtkWidget *widget,
                       GPtrArray *labels)
{
  if (ADW_IS_SPLIT_BUTTON (widget) && adw_split_button_get_label (ADW_SPLIT_BUTTON (widget)) != NULL)
    g_ptr_array_add (labels, (gpointer) adw_split_button_get_label (ADW_SPLIT_BUTTON (widget)));
  else if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    g_ptr_array_add (labels, (gpointer) gtk_button_get_label (GTK_BUTTON (widget)));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_button_labels (c, labels);
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* A button that selects the item @id (a link of the inspector's). */
static gboolean
selects_item (GtkWidget     *widget,
              gconstpointer  id)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (g_object_get_data (G_OBJECT (widget), "weft-id"), id) == 0;
}

static gboolean
has_string (GPtrArray  *strings,
            const char *s)
{
  for (guint i = 0; i < strings->len; i++)
    if (g_strcmp0 (g_ptr_array_index (strings, i), s) == 0)
      return TRUE;
  return FALSE;
}

/* The texts of the labels under @widget that are drawn (mapped). */
static void
collect_label_texts (GtkWidget *widget,
                     GPtrArray *texts)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (texts, (gpointer) gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_label_texts (c, texts);
}

/* Labels under @widget whose text is cut short with "…" to fit. */
static void
collect_ellipsized (GtkWidget *widget,
                    GPtrArray *cut)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget) && gtk_label_get_ellipsize (GTK_LABEL (widget)) != PANGO_ELLIPSIZE_NONE &&
      pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))))
    g_ptr_array_add (cut, (gpointer) gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_ellipsized (c, cut);
}

/* The user interface's own labels under @widget must show whole. Names
 * from the dataset may be long and are cut by design, so only labels that
 * are translations of Weft's strings count: @ours lists them. */
static void
assert_not_cut (GtkWidget  *widget,
                const char *where,
                GPtrArray  *ours)
{
  g_autoptr(GPtrArray) cut = g_ptr_array_new ();

  collect_ellipsized (widget, cut);
  for (guint i = 0; i < cut->len; i++)
    {
      const char *text = g_ptr_array_index (cut, i);

      g_test_message ("%s: cut short: %s", where, text);
      for (guint j = 0; j < ours->len; j++)
        if (strstr (text, g_ptr_array_index (ours, j)) != NULL || strstr (g_ptr_array_index (ours, j), text) != NULL)
          g_error ("%s: “%s” is cut short", where, text);
    }
}

/* A translation of ours (mnemonics removed), asserting that the catalogue
 * translates it: a test that passes in English would prove nothing. */
static char *
translated (const char *msgid)
{
  const char *t = g_dgettext (GETTEXT_PACKAGE, msgid);
  g_autofree char *plain = NULL;

  g_assert_cmpstr (t, !=, msgid);
  plain = g_strdup (t);
  /* "Am_bas" -> "Ambas", "打开(_O)" -> "打开" */
  {
    char *p = strstr (plain, "(_");
    if (p != NULL && p[3] == ')')
      memmove (p, p + 4, strlen (p + 4) + 1);
    while ((p = strchr (plain, '_')) != NULL)
      memmove (p, p + 1, strlen (p + 1) + 1);
  }
  return g_steal_pointer (&plain);
}

/* Asserts that @widget's accessible name is @name. */
static void
assert_accessible_name (GtkWidget  *widget,
                        const char *name)
{
  g_autofree char *wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                               name);

  g_test_message ("accessible name: %s", name);
  if (wrong != NULL)
    g_error ("the accessible name is %s, not %s", wrong, name);
}

/* What a screen reader hears of Huawei's links in the inspector and of
 * the view switcher is in the language: "Afirmación, presunta: …",
 * "关系：manufactures → …" (GTK's test accessibility keeps it). */
static void
assert_links_named (WeftWindow *window)
{
  WeftSession *session = weft_window_get_session (window);
  WeftDataset *ds = weft_session_get_dataset (session);
  GtkWidget *inspector = weft_window_get_inspector (window);
  WeftClaim *claim = (WeftClaim *) weft_dataset_lookup (ds, "cl-huawei-first-5g");
  WeftRelation *relation = (WeftRelation *) weft_dataset_lookup (ds, "rel-huawei-manufactures-cameras");
  g_autofree char *status = NULL;
  g_autofree char *claim_name = NULL;
  g_autofree char *relation_name = NULL;
  g_autofree char *timeline = translated ("_Timeline");

  g_assert_nonnull (claim);
  g_assert_nonnull (relation);
  g_assert_true (weft_session_select_id (session, "ent-huawei"));
  weft_test_settle ();

  status = g_utf8_strdown (weft_claim_status_label (claim->status), -1);
  claim_name = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "Claim, %s: %s"), status, claim->text);
  g_assert_false (g_str_has_prefix (claim_name, "Claim, "));
  assert_accessible_name (weft_test_find_widget (inspector, selects_item, claim->item.id), claim_name);

  relation_name = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "Relation: %s → %s"), "manufactures",
                                   weft_item_get_label (weft_dataset_lookup (ds, relation->to)));
  g_assert_false (g_str_has_prefix (relation_name, "Relation: "));
  assert_accessible_name (weft_test_find_widget (inspector, selects_item, relation->item.id), relation_name);

  /* The view switcher's words stand for its buttons, icons or not. */
  assert_accessible_name (weft_test_find_widget (GTK_WIDGET (window), is_button_labelled,
                                                 g_dgettext (GETTEXT_PACKAGE, "_Timeline")),
                          timeline);
}

/* ---- Tests -------------------------------------------------------------- */

static void
test_header_bar (void)
{
  WeftWindow *window = weft_test_window_with_example (GTK_APPLICATION (app), 1400, 900);
  GtkWidget *header = weft_test_find_type (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) ours = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *title = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "%s — Weft"),
                                            g_dgettext (GETTEXT_PACKAGE, "Example"));
  const char *buttons[] = { "_Open", "_Timeline", "_Both", "_Graph" };

  g_assert_nonnull (header);
  collect_button_labels (header, labels);
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      const char *t = g_dgettext (GETTEXT_PACKAGE, buttons[i]);

      g_assert_cmpstr (t, !=, buttons[i]);
      g_assert_true (has_string (labels, t));
      g_assert_false (has_string (labels, buttons[i]));
      g_ptr_array_add (ours, translated (buttons[i]));
    }
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Example"), !=, "Example");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, title);
  assert_not_cut (header, "header bar", ours);
  /* The header bar's content fits: the window keeps the width asked for
   * rather than growing to hold longer labels. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 1400);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_sidebar_and_inspector (void)
{
  WeftWindow *window = weft_test_window_with_example (GTK_APPLICATION (app), 1400, 900);
  WeftSession *session = weft_window_get_session (window);
  GtkWidget *sidebar = weft_window_get_sidebar (window);
  GtkWidget *inspector = weft_window_get_inspector (window);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autoptr(GPtrArray) ours = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u entity", "%'u entities", 55), 55);
  g_autofree char *month = g_strdup_printf (g_dpgettext2 (GETTEXT_PACKAGE, "month and year", "%1$s %2$s"),
                                            g_dpgettext2 (GETTEXT_PACKAGE, "month", "October"), "2020");
  gboolean found_date = FALSE;
  const char *headings[] = { "Date", "Participants" };
  const char *group = g_dpgettext2 (GETTEXT_PACKAGE, "event field", "Group");

  g_assert_cmpstr (count, !=, "55 entities");
  collect_label_texts (sidebar, texts);
  g_assert_true (has_string (texts, count));

  assert_links_named (window);

  /* An event of October 2020: the inspector names its fields and its
   * month in the language. */
  g_assert_true (weft_session_select_id (session, "ev-state-media-report"));
  weft_test_settle ();
  g_ptr_array_set_size (texts, 0);
  collect_label_texts (inspector, texts);
  for (guint i = 0; i < texts->len; i++)
    g_test_message ("inspector: %s", (const char *) g_ptr_array_index (texts, i));
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    {
      g_ptr_array_add (ours, translated (headings[i]));
      g_assert_true (has_string (texts, g_ptr_array_index (ours, i)));
    }
  g_assert_cmpstr (group, !=, "Group");
  g_assert_true (has_string (texts, group));
  for (guint i = 0; i < texts->len; i++)
    if (strstr (g_ptr_array_index (texts, i), month) != NULL)
      found_date = TRUE;
  g_assert_true (found_date);
  g_ptr_array_add (ours, translated ("Show on _Timeline"));
  g_ptr_array_add (ours, translated ("_Focus in Graph"));
  g_ptr_array_add (ours, translated ("Search names, events, claims, quotes"));
  /* The rows' "Company · 1 event · 2 claims" lines. */
  g_ptr_array_add (ours, translated ("Company"));
  g_ptr_array_add (ours, translated ("Government"));
  assert_not_cut (inspector, "inspector", ours);
  assert_not_cut (sidebar, "sidebar", ours);

  /* The graph's legend (L) names the kinds and evidence levels: show it
   * in the screenshot, in the language. */
  {
    GtkWidget *graph = weft_window_get_graph (window);
    gboolean legend = FALSE;

    g_assert_true (gtk_widget_activate_action (graph, "graph.legend", NULL));
    weft_test_settle ();
    g_object_get (graph, "show-legend", &legend, NULL);
    g_assert_true (legend);
  }
  weft_test_save_screenshot (GTK_WIDGET (window), language[0] == 'e' ? "window-es.png" : "window-zh_CN.png");

  /* Narrower, as on a laptop: the header bar still holds every button. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  weft_test_settle ();
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 1024);
  weft_test_save_screenshot (GTK_WIDGET (window), language[0] == 'e' ? "window-es-narrow.png" : "window-zh_CN-narrow.png");

  /* Half a small screen: however long the words, the header turns to
   * icons and the window narrows (the size asked for counts the shadow). */
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 700);
  g_assert_true (weft_test_wait_for (weft_test_window_is_compact, window));
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 700);
  g_assert_true (weft_test_wait_for (weft_test_window_is_narrow, window));
  weft_test_settle ();
  weft_test_save_screenshot (GTK_WIDGET (window), language[0] == 'e' ? "window-es-compact.png" : "window-zh_CN-compact.png");

  gtk_window_destroy (GTK_WINDOW (window));
}

static char *
write_big_dataset (guint n)
{
  g_autoptr(GString) json = g_string_new ("{\"weft\": 1, \"title\": \"Many\", \"entities\": [");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s{\"id\": \"p%u\", \"name\": \"Person %u\", \"kind\": \"person\"}",
                            i > 0 ? ", " : "", i, i);
  g_string_append (json, "]}");
  return weft_test_write_tmp ("many.weft", json->str);
}

typedef struct {
  WeftWindow *window;
  guint       n;
} Expect;

static gboolean
has_n_entities (gpointer data)
{
  Expect *e = data;
  WeftDataset *ds = weft_session_get_dataset (weft_window_get_session (e->window));

  return ds != NULL && weft_dataset_get_entities (ds)->len == e->n;
}

static void
test_counts_group_digits (void)
{
  WeftWindow *window;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autofree char *want = NULL;
  g_autofree char *grouped = NULL;
  Expect e;

  if (grouping == NULL)
    {
      g_test_skip ("the language's locale could not be compiled here (tests/make-locales.py)");
      return;
    }

  window = weft_test_window_with_example (GTK_APPLICATION (app), 1400, 900);
  path = write_big_dataset (1234);
  file = g_file_new_for_path (path);
  weft_window_open (window, file, NULL, NULL);
  e.window = window;
  e.n = 1234;
  g_assert_true (weft_test_wait_for (has_n_entities, &e));
  weft_test_settle ();

  /* "1.234 entidades", "1,234 个实体": the digits come grouped with the
   * locale's separator, in the sentence the translation gives. */
  want = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u entity", "%'u entities", 1234), 1234);
  grouped = g_strdup_printf ("1%s234", grouping);
  g_assert_nonnull (strstr (want, grouped));
  collect_label_texts (weft_window_get_sidebar (window), texts);
  if (!has_string (texts, want))
    for (guint i = 0; i < texts->len; i++)
      g_test_message ("sidebar: %s", (const char *) g_ptr_array_index (texts, i));
  g_assert_true (has_string (texts, want));

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWindow *
find_preferences (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_PREFERENCES_WINDOW (w))
        return w;
    }
  return NULL;
}

static gboolean
has_preferences (gpointer data)
{
  return find_preferences () != NULL && gtk_widget_get_mapped (GTK_WIDGET (find_preferences ()));
}

static void
test_preferences (void)
{
  WeftWindow *window = weft_test_window_with_example (GTK_APPLICATION (app), 1400, 900);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autoptr(GPtrArray) ours = g_ptr_array_new_with_free_func (g_free);
  const char *strings[] = { "Appearance", "Views", "Style", "Light or dark, for the whole window and its views",
                            "Timeline Lanes", "How the timeline groups events", "Graph Layout",
                            "Automatic picks a layered layout for small graphs and a fast one for large graphs",
                            "Follow the System", "By Group", "Automatic" };
  GtkWindow *preferences;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  g_assert_true (weft_test_wait_for (has_preferences, NULL));
  weft_test_settle ();
  preferences = find_preferences ();
  collect_label_texts (GTK_WIDGET (preferences), texts);
  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    g_ptr_array_add (ours, translated (strings[i]));
  for (guint i = 0; i < 8; i++)
    g_assert_true (has_string (texts, g_ptr_array_index (ours, i)));
  assert_not_cut (GTK_WIDGET (preferences), "preferences", ours);
  weft_test_save_screenshot (GTK_WIDGET (preferences),
                   language[0] == 'e' ? "preferences-es.png" : "preferences-zh_CN.png");

  gtk_window_destroy (preferences);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* LANGUAGE picks the messages; LC_ALL the numbers and dates. The locale is
 * one compiled into the build folder (LOCPATH) when that was possible. */
static void
choose_language (void)
{
  const char *builddir = g_getenv ("G_TEST_BUILDDIR");
  const char *locale = g_str_equal (language, "es") ? "es_ES.UTF-8" : "zh_CN.UTF-8";
  g_autofree char *locpath = g_build_filename (builddir ? builddir : ".", "locale", NULL);
  g_autofree char *compiled = g_build_filename (locpath, locale, "LC_NUMERIC", NULL);

  g_setenv ("LANGUAGE", language, TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  if (g_file_test (compiled, G_FILE_TEST_IS_REGULAR))
    {
      g_setenv ("LOCPATH", locpath, TRUE);
      g_setenv ("LC_ALL", locale, TRUE);
    }
  if (setlocale (LC_ALL, "") == NULL)
    {
      g_setenv ("LC_ALL", "C.UTF-8", TRUE);
      setlocale (LC_ALL, "");
    }
  else if (g_strcmp0 (g_getenv ("LC_ALL"), locale) == 0)
    {
      grouping = g_str_equal (language, "es") ? "." : ",";
    }

  bindtextdomain (GETTEXT_PACKAGE, weft_get_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

int
main (int    argc,
      char **argv)
{
  if (argc > 1 && g_str_has_prefix (argv[1], "--language="))
    {
      language = argv[1] + strlen ("--language=");
      argv[1] = argv[0];
      argv++;
      argc--;
    }
  if (language == NULL || (!g_str_equal (language, "es") && !g_str_equal (language, "zh_CN")))
    {
      g_printerr ("usage: test-window-i18n --language=es|zh_CN\n");
      return 2;
    }
  choose_language ();
  /* GTK's test accessibility keeps what assistive technologies would be
   * told, for assert_links_named; the GUI suite turns it off. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  if (!weft_test_gui_init (&argc, &argv))
    return 0;
  g_test_message ("LANGUAGE=%s LC_ALL=%s, translations from %s", language, g_getenv ("LC_ALL"),
                  weft_get_locale_dir ());
  app = weft_test_get_application ();

  g_test_add_func ("/weft/window-i18n/header-bar", test_header_bar);
  g_test_add_func ("/weft/window-i18n/sidebar-and-inspector", test_sidebar_and_inspector);
  g_test_add_func ("/weft/window-i18n/counts-group-digits", test_counts_group_digits);
  g_test_add_func ("/weft/window-i18n/preferences", test_preferences);

  return weft_test_run ();
}
