/* test-edit-window.c: making and changing a dataset in the window
 *
 * Each case drives the window as a person would (actions, the forms in the
 * inspector, the dialogs' responses) and asserts what the dataset holds.
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-test"

#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "weft-dataset-check.h"
#include "weft-edit-controller.h"
#include "weft-edit-form.h"
#include "weft-edit-picker.h"
#include "weft-graph-view.h"
#include "weft-history.h"
#include "weft-inspector.h"
#include "weft-loader.h"
#include "weft-paths.h"
#include "weft-relation-popover.h"
#include "weft-saver.h"
#include "weft-test-gui.h"

static WeftApplication *app;

#define AUTHOR "Ada Tester"
#define NETWORK_TITLE "A small network"

static WeftDataset *
dataset_of (WeftWindow *window)
{
  return weft_session_get_dataset (weft_window_get_session (window));
}

/* A window of @width x @height showing a copy of tests/data/network.weft,
 * saved at *@path. */
static WeftWindow *
window_with_network_sized (int    width,
                           int    height,
                           char **path)
{
  WeftWindow *window = weft_test_window_with_example (GTK_APPLICATION (app), width, height);
  g_autofree char *source = weft_test_build_data_path ("network.weft", NULL);
  g_autofree char *contents = weft_test_read_file (source, NULL);
  g_autofree char *copy = weft_test_write_tmp ("network.weft", contents);
  g_autoptr(GFile) file = g_file_new_for_path (copy);

  weft_window_open (window, file, NULL, NULL);
  g_assert_true (weft_test_wait_for_title (window, NETWORK_TITLE));
  weft_test_settle ();
  weft_edit_controller_set_author (weft_window_get_editor (window), AUTHOR);
  if (path != NULL)
    *path = g_steal_pointer (&copy);
  return window;
}

static WeftWindow *
window_with_network (char **path)
{
  return window_with_network_sized (1400, 900, path);
}

static void
activate (WeftWindow *window,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  weft_test_spin (50);
}

static AdwMessageDialog *
dialog_of (WeftWindow *window)
{
  AdwMessageDialog *dialog = weft_edit_controller_get_dialog (weft_window_get_editor (window));

  g_assert_nonnull (dialog);
  return dialog;
}

/* Answers the dialog shown as a click on @response would. */
static void
respond (WeftWindow *window,
         const char *response)
{
  AdwMessageDialog *dialog = g_object_ref (dialog_of (window));

  /* The dialog goes before the window it answers for may close. */
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  weft_test_spin (50);
}

static WeftEditForm *
form_of (WeftWindow *window)
{
  GtkWidget *form = weft_edit_controller_get_form (weft_window_get_editor (window));

  g_assert_nonnull (form);
  g_assert_true (gtk_widget_is_ancestor (form, weft_window_get_inspector (window)));
  return WEFT_EDIT_FORM (form);
}

static WeftEditForm *
new_form (WeftWindow *window,
          const char *type)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "edit.new-item", "s", type));
  weft_test_spin (50);
  return form_of (window);
}

static void
fill (WeftEditForm *form,
      const char   *member,
      const char   *value)
{
  g_assert_true (weft_edit_form_fill (form, member, value));
}

/* A key pressed in @widget as its controller named "weft-commit" sees
 * it; whether it handled it. */
static gboolean
press_key (GtkWidget       *widget,
           guint            keyval,
           GdkModifierType  state)
{
  GtkEventController *keys = weft_test_find_controller (widget, GTK_TYPE_EVENT_CONTROLLER_KEY, "weft-commit");
  gboolean handled = FALSE;

  g_assert_nonnull (keys);
  g_signal_emit_by_name (keys, "key-pressed", keyval, 0, state, &handled);
  weft_test_spin (50);
  return handled;
}

/* Enter in a text field: the form commits (Ctrl+Enter in a multi-line
 * one, where Enter starts a line). */
static void
press_enter (WeftEditForm *form,
             const char   *member)
{
  GtkWidget *field = weft_edit_form_get_field (form, member);

  if (GTK_IS_TEXT_VIEW (field))
    {
      g_assert_true (press_key (field, GDK_KEY_Return, GDK_CONTROL_MASK));
      return;
    }
  g_signal_emit_by_name (field, "entry-activated");
  weft_test_spin (50);
}

/* A new item of @type through its form: each member, then its value, up
 * to NULL; Enter in the first one. */
static void
create (WeftWindow *window,
        const char *type,
        const char *first,
        ...)
{
  WeftEditForm *form = new_form (window, type);
  va_list args;

  va_start (args, first);
  for (const char *member = first; member != NULL; member = va_arg (args, const char *))
    fill (form, member, va_arg (args, const char *));
  va_end (args);
  press_enter (form, first);
}

static WeftItem *
lookup (WeftWindow *window,
        const char *id)
{
  return weft_dataset_lookup (dataset_of (window), id);
}

static void
assert_verified (WeftWindow *window)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (weft_dataset_verify (dataset_of (window), &error));
  g_assert_no_error (error);
}

static const char *
last_author (WeftItem *item)
{
  guint n = 0;
  const WeftHistoryEntry *entries = weft_item_get_history (item, &n);

  g_assert_cmpuint (n, >, 0);
  return entries[n - 1].by;
}

/* Ctrl+N asks for a title, then the window shows an empty dataset. */
static void
test_new_dataset (void)
{
  WeftWindow *window = weft_test_window_with_example (GTK_APPLICATION (app), 1280, 800);
  GtkWidget *title;
  WeftDataset *dataset;

  activate (window, "edit.new-dataset");
  title = g_object_get_data (G_OBJECT (dialog_of (window)), "weft-title");
  g_assert_true (ADW_IS_ENTRY_ROW (title));
  gtk_editable_set_text (GTK_EDITABLE (title), "Field notes");
  weft_test_save_screenshot (GTK_WIDGET (dialog_of (window)), "edit-new-dataset.png");
  respond (window, "create");

  dataset = dataset_of (window);
  g_assert_cmpstr (weft_dataset_get_title (dataset), ==, "Field notes");
  g_assert_cmpuint (weft_dataset_get_entities (dataset)->len, ==, 0);
  g_assert_cmpuint (weft_dataset_get_events (dataset)->len, ==, 0);
  g_assert_false (weft_window_is_example (window));
  g_assert_null (weft_window_get_file (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "New Dataset — Weft");
  g_assert_nonnull (weft_window_get_editor (window));
  g_assert_nonnull (weft_edit_controller_get_undo_stack (weft_window_get_editor (window)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* One of each item through the forms, from nothing. */
static void
test_create_each (void)
{
  WeftWindow *window = weft_test_window_with_example (GTK_APPLICATION (app), 1280, 800);
  g_autoptr(WeftDataset) empty = weft_dataset_new ();
  WeftEditController *editor = weft_window_get_editor (window);
  WeftEditForm *form;
  WeftEntity *alpha;
  WeftEvent *event;
  WeftClaim *claim;
  WeftRelation *relation;
  WeftEra *era;
  WeftSource *source;

  weft_dataset_finish (empty, NULL);
  weft_window_show_dataset (window, empty, NULL);
  weft_edit_controller_set_author (editor, AUTHOR);
  weft_test_settle ();

  create (window, "source", "title", "Annual report", "kind", "report", "url", "https://example.org/report",
          "date", "2021", NULL);
  g_assert_cmpuint (weft_dataset_get_sources (dataset_of (window))->len, ==, 1);
  source = g_ptr_array_index (weft_dataset_get_sources (dataset_of (window)), 0);
  g_assert_cmpstr (source->title, ==, "Annual report");
  g_assert_cmpstr (source->url, ==, "https://example.org/report");
  g_assert_cmpstr (weft_source_kind_to_string (source->kind), ==, "report");
  g_assert_cmpstr (last_author (&source->item), ==, AUTHOR);
  /* After a commit the inspector shows the new item. */
  g_assert_true (weft_session_get_selection (weft_window_get_session (window)) == &source->item);
  g_assert_null (weft_edit_controller_get_form (editor));

  create (window, "entity", "name", "Alpha Corp", "kind", "company", "aliases", "Alpha; Alpha Inc.", "country", "CN",
          NULL);
  create (window, "entity", "name", "Beta Ministry", "id", "beta", "kind", "government", NULL);
  alpha = weft_dataset_get_entities (dataset_of (window))->pdata[0];
  g_assert_cmpstr (alpha->name, ==, "Alpha Corp");
  g_assert_cmpstr (weft_entity_kind_to_string (alpha->kind), ==, "company");
  g_assert_cmpstr (alpha->aliases[0], ==, "Alpha");
  g_assert_cmpstr (alpha->aliases[1], ==, "Alpha Inc.");
  g_assert_null (alpha->aliases[2]);
  g_assert_nonnull (lookup (window, "beta"));

  /* A claim citing the source, about both. */
  form = new_form (window, "claim");
  fill (form, "text", "Alpha supplies Beta");
  fill (form, "status", "confirmed");
  fill (form, "claimant", "beta");
  {
    g_autofree char *about = g_strdup_printf ("%s\nbeta", alpha->item.id);
    g_autofree char *citation = g_strdup_printf ("%s|“We supply the ministry.”|p. 4", source->item.id);

    fill (form, "about", about);
    fill (form, "citations", citation);
  }
  press_enter (form, "text");
  claim = g_ptr_array_index (weft_dataset_get_claims (dataset_of (window)), 0);
  g_assert_cmpstr (claim->text, ==, "Alpha supplies Beta");
  g_assert_cmpstr (claim->claimant, ==, "beta");
  g_assert_cmpstr (claim->about[1], ==, "beta");
  g_assert_cmpuint (claim->n_citations, ==, 1);
  g_assert_cmpstr (claim->citations[0].quote, ==, "“We supply the ministry.”");
  g_assert_cmpstr (claim->citations[0].locator, ==, "p. 4");
  g_assert_false (weft_claim_is_unsourced (claim));

  /* An event: a bad date keeps the form open and says why. */
  form = new_form (window, "event");
  fill (form, "title", "Contract signed");
  fill (form, "date", "2021-13");
  g_assert_cmpstr (weft_edit_form_get_date_preview (form), !=, "");
  g_assert_true (gtk_widget_has_css_class (weft_edit_form_get_field (form, "date"), "error"));
  press_enter (form, "title");
  g_assert_cmpuint (weft_dataset_get_events (dataset_of (window))->len, ==, 0);
  g_assert_true (form_of (window) == form);
  fill (form, "date", "2021-10");
  g_assert_false (gtk_widget_has_css_class (weft_edit_form_get_field (form, "date"), "error"));
  g_test_message ("preview: %s", weft_edit_form_get_date_preview (form));
  g_assert_nonnull (strstr (weft_edit_form_get_date_preview (form), "2021"));
  {
    g_autofree char *participants = g_strdup_printf ("%s|seller\nbeta|buyer", alpha->item.id);
    g_autofree char *claims = g_strdup (claim->item.id);

    fill (form, "participants", participants);
    fill (form, "claims", claims);
  }
  fill (form, "tags", "contracts");
  weft_test_save_screenshot (gtk_widget_get_ancestor (GTK_WIDGET (form), WEFT_TYPE_INSPECTOR), "edit-form-event.png");
  press_enter (form, "title");
  g_assert_cmpuint (weft_dataset_get_events (dataset_of (window))->len, ==, 1);
  event = g_ptr_array_index (weft_dataset_get_events (dataset_of (window)), 0);
  g_assert_cmpstr (event->date_text, ==, "2021-10");
  g_assert_cmpuint (event->n_participants, ==, 2);
  g_assert_cmpstr (event->participants[1].entity, ==, "beta");
  g_assert_cmpstr (event->participants[1].role, ==, "buyer");
  g_assert_cmpstr (event->claims[0], ==, claim->item.id);

  create (window, "relation", "type", "supplies", "from", alpha->item.id, "to", "beta", "claims", claim->item.id, NULL);
  relation = g_ptr_array_index (weft_dataset_get_relations (dataset_of (window)), 0);
  g_assert_cmpstr (relation->from, ==, alpha->item.id);
  g_assert_cmpstr (relation->to, ==, "beta");
  g_assert_cmpstr (relation->type, ==, "supplies");

  create (window, "era", "title", "Early years", "date", "2019/2021", NULL);
  era = g_ptr_array_index (weft_dataset_get_eras (dataset_of (window)), 0);
  g_assert_cmpstr (era->date_text, ==, "2019/2021");

  /* A day picked on the calendar beside a date, for those who do not
   * know EDTF. */
  form = new_form (window, "era");
  fill (form, "title", "A day");
  {
    GtkWidget *button = weft_test_find_type (weft_edit_form_get_field (form, "date"), GTK_TYPE_MENU_BUTTON);
    GtkWidget *calendar = gtk_popover_get_child (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
    g_autoptr(GDateTime) day = g_date_time_new_utc (2019, 5, 4, 0, 0, 0);

    gtk_calendar_select_day (GTK_CALENDAR (calendar), day);
    g_signal_emit_by_name (calendar, "day-selected");
  }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (weft_edit_form_get_field (form, "date"))), ==, "2019-05-04");
  press_enter (form, "title");
  era = g_ptr_array_index (weft_dataset_get_eras (dataset_of (window)), 1);
  g_assert_cmpstr (era->date_text, ==, "2019-05-04");

  /* Editing changes only what changed, and says so in the history. */
  weft_session_set_selection (weft_window_get_session (window), &alpha->item);
  activate (window, "edit.edit");
  form = form_of (window);
  fill (form, "name", "Alpha Corporation");
  press_enter (form, "name");
  alpha = weft_dataset_lookup_entity (dataset_of (window), alpha->item.id);
  g_assert_cmpstr (alpha->name, ==, "Alpha Corporation");
  g_assert_cmpstr (alpha->aliases[1], ==, "Alpha Inc.");
  {
    guint n = 0;
    const WeftHistoryEntry *entries = weft_item_get_history (&alpha->item, &n);
    g_autofree char *shown = weft_inspector_dup_text (WEFT_INSPECTOR (weft_window_get_inspector (window)));

    g_assert_cmpuint (n, ==, 2);
    g_assert_cmpint (entries[1].action, ==, WEFT_HISTORY_CHANGED);
    g_assert_cmpstr (entries[1].fields[0], ==, "name");
    g_assert_null (entries[1].fields[1]);
    /* The inspector shows who changed it. */
    g_assert_nonnull (strstr (shown, AUTHOR));
  }

  /* Escape cancels: nothing changes. */
  activate (window, "edit.edit");
  form = form_of (window);
  fill (form, "name", "Something else");
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (form));
    gboolean escaped = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers) && !escaped; i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
          continue;
        for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)) && !escaped; j++)
          {
            g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
            g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

            if (g_str_equal (trigger, "Escape"))
              escaped = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, GTK_WIDGET (form),
                                                      gtk_shortcut_get_arguments (shortcut));
          }
      }
    g_assert_true (escaped);
  }
  weft_test_spin (50);
  g_assert_null (weft_edit_controller_get_form (editor));
  g_assert_cmpstr (alpha->name, ==, "Alpha Corporation");

  assert_verified (window);
  g_assert_cmpuint (weft_undo_stack_get_length (weft_edit_controller_get_undo_stack (editor)), ==, 9);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A claim's text and a citation's quote run over lines: Enter starts a
 * line, Ctrl+Enter applies; the lines are kept, saved and loaded again. */
static void
test_multiline (void)
{
  g_autofree char *path = NULL;
  WeftWindow *window = window_with_network (&path);
  WeftEditController *editor = weft_window_get_editor (window);
  GtkWidget *text, *quote;
  WeftEditForm *form;
  WeftClaim *claim;

  g_assert_true (weft_session_select_id (weft_window_get_session (window), "k1"));
  activate (window, "edit.edit");
  form = form_of (window);
  text = weft_edit_form_get_field (form, "text");
  g_assert_true (GTK_IS_TEXT_VIEW (text));
  quote = weft_test_find_type (weft_edit_form_get_field (form, "citations"), GTK_TYPE_TEXT_VIEW);
  g_assert_nonnull (quote);
  g_assert_true (gtk_widget_is_drawable (text));
  g_assert_true (gtk_widget_is_drawable (quote));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text)), "First line.\nSecond line.", -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (quote)), "“We supply…\n…the ministry.”", -1);
  /* Enter is a new line, not a commit. */
  g_assert_false (press_key (text, GDK_KEY_Return, 0));
  g_assert_false (press_key (quote, GDK_KEY_Return, 0));
  g_assert_true (weft_edit_controller_get_form (editor) == GTK_WIDGET (form));
  g_assert_cmpstr (((WeftClaim *) lookup (window, "k1"))->text, !=, "First line.\nSecond line.");
  /* Ctrl+Enter in the quote applies the form. */
  g_assert_true (press_key (quote, GDK_KEY_Return, GDK_CONTROL_MASK));
  claim = (WeftClaim *) lookup (window, "k1");
  g_assert_cmpstr (claim->text, ==, "First line.\nSecond line.");
  g_assert_cmpstr (claim->citations[0].quote, ==, "“We supply…\n…the ministry.”");

  /* Saved and read back with its lines. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(WeftDataset) saved = NULL;
    WeftClaim *again;

    g_assert_true (weft_edit_controller_save (editor, NULL, &error));
    g_assert_no_error (error);
    saved = weft_dataset_load_path (path, NULL, &error);
    g_assert_no_error (error);
    again = (WeftClaim *) weft_dataset_lookup (saved, "k1");
    g_assert_cmpstr (again->text, ==, "First line.\nSecond line.");
    g_assert_cmpstr (again->citations[0].quote, ==, "“We supply…\n…the ministry.”");
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_destroyed (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Deleting what is referenced says what refers to it, and removes those
 * references too; undo brings everything back. */
static void
test_delete_referenced (void)
{
  WeftWindow *window = window_with_network (NULL);
  WeftSession *session = weft_window_get_session (window);
  const char *body;

  g_assert_true (weft_session_select_id (session, "b"));
  activate (window, "edit.delete");
  body = adw_message_dialog_get_body (dialog_of (window));
  g_test_message ("%s", body);
  g_assert_nonnull (strstr (body, "Beta meets Gamma"));
  g_assert_nonnull (strstr (body, "Alpha supplies Beta with cameras"));
  weft_test_save_screenshot (GTK_WIDGET (dialog_of (window)), "edit-delete.png");

  /* Cancel changes nothing. */
  respond (window, "cancel");
  g_assert_nonnull (lookup (window, "b"));

  activate (window, "edit.delete");
  respond (window, "delete");
  g_assert_null (lookup (window, "b"));
  g_assert_null (lookup (window, "r1"));   /* a relation from a to b */
  g_assert_null (weft_session_get_selection (session));
  assert_verified (window);
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));

  activate (window, "edit.undo");
  g_assert_nonnull (lookup (window, "b"));
  g_assert_nonnull (lookup (window, "r1"));
  g_assert_cmpuint (((WeftEvent *) lookup (window, "v2"))->n_participants, ==, 2);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "network.weft — Weft");
  activate (window, "edit.redo");
  g_assert_null (lookup (window, "b"));
  assert_verified (window);

  /* Closing asks; Discard closes. */
  gtk_window_close (GTK_WINDOW (window));
  weft_test_spin (50);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  respond (window, "discard");
  g_assert_true (weft_test_wait_for (is_destroyed, &window));
}

/* Merge two entities: references move, names become other names. */
static void
test_merge (void)
{
  WeftWindow *window = window_with_network (NULL);
  WeftSession *session = weft_window_get_session (window);
  AdwMessageDialog *dialog;
  WeftEntity *alpha;
  WeftRelation *r1;

  g_assert_true (weft_session_select_id (session, "a"));
  activate (window, "edit.merge");
  dialog = dialog_of (window);
  g_assert_true (weft_edit_picker_set_id (g_object_get_data (G_OBJECT (dialog), "weft-picker"), "b"));
  adw_combo_row_set_selected (g_object_get_data (G_OBJECT (dialog), "weft-keep"), 0);
  weft_test_save_screenshot (GTK_WIDGET (dialog), "edit-merge.png");
  respond (window, "merge");

  alpha = weft_dataset_lookup_entity (dataset_of (window), "a");
  g_assert_null (lookup (window, "b"));
  g_assert_nonnull (alpha);
  g_assert_true (g_strv_contains (alpha->aliases, "Beta Ministry"));
  r1 = (WeftRelation *) lookup (window, "r1");
  g_assert_true (r1 == NULL || g_str_equal (r1->to, "a"));
  g_assert_true (weft_session_get_selection (session) == &alpha->item);
  assert_verified (window);

  activate (window, "edit.undo");
  g_assert_nonnull (lookup (window, "b"));
  weft_document_close (weft_edit_controller_get_document (weft_window_get_editor (window)));
  weft_undo_stack_set_saved (weft_edit_controller_get_undo_stack (weft_window_get_editor (window)));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A pasted quote becomes a claim citing the chosen source with exactly
 * that quote. */
static void
test_quote (void)
{
  static const char quote[] = "Gamma has “never” met Beta — not once.";
  WeftWindow *window = window_with_network (NULL);
  WeftSession *session = weft_window_get_session (window);
  AdwMessageDialog *dialog;
  GtkTextBuffer *buffer;
  WeftClaim *claim;
  GPtrArray *claims;

  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  /* Who edits is a preference. */
  g_settings_set_string (settings, "author-name", "Grace Preference");
  g_assert_true (weft_session_select_id (session, "c"));
  activate (window, "edit.quote");
  dialog = dialog_of (window);
  buffer = g_object_get_data (G_OBJECT (dialog), "weft-quote");
  gtk_text_buffer_set_text (buffer, quote, -1);
  g_assert_true (weft_edit_picker_set_id (g_object_get_data (G_OBJECT (dialog), "weft-source"), "s2"));
  weft_test_save_screenshot (GTK_WIDGET (dialog), "edit-quote.png");
  respond (window, "create");

  claims = weft_dataset_get_claims (dataset_of (window));
  g_assert_cmpuint (claims->len, ==, 5);
  claim = g_ptr_array_index (claims, 4);
  g_assert_cmpstr (claim->text, ==, quote);
  g_assert_cmpuint (claim->n_citations, ==, 1);
  g_assert_cmpstr (claim->citations[0].source, ==, "s2");
  g_assert_cmpstr (claim->citations[0].quote, ==, quote);
  g_assert_cmpstr (claim->about[0], ==, "c");
  g_assert_cmpstr (last_author (&claim->item), ==, "Grace Preference");
  g_settings_reset (settings, "author-name");
  g_assert_true (weft_session_get_selection (session) == &claim->item);

  /* One step: undo takes it away. */
  activate (window, "edit.undo");
  g_assert_cmpuint (weft_dataset_get_claims (dataset_of (window))->len, ==, 4);
  gtk_window_destroy (GTK_WINDOW (window));
}


/* Saving clears the mark; closing with changes asks, and Save saves. */
static void
test_save_and_close (void)
{
  g_autofree char *path = NULL;
  WeftWindow *window = window_with_network (&path);
  WeftSession *session = weft_window_get_session (window);
  g_autoptr(WeftDataset) saved = NULL;
  g_autoptr(GError) error = NULL;
  WeftEditForm *form;

  g_assert_true (weft_session_select_id (session, "e"));
  activate (window, "edit.edit");
  form = form_of (window);
  fill (form, "name", "Epsilon Ltd");
  press_enter (form, "name");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• network.weft — Weft");

  /* Cancel keeps the window and the changes. */
  gtk_window_close (GTK_WINDOW (window));
  weft_test_spin (50);
  weft_test_save_screenshot (GTK_WIDGET (dialog_of (window)), "edit-close.png");
  respond (window, "cancel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (weft_edit_controller_get_modified (weft_window_get_editor (window)));

  gtk_window_close (GTK_WINDOW (window));
  weft_test_spin (50);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  respond (window, "save");
  g_assert_true (weft_test_wait_for (is_destroyed, &window));

  saved = weft_dataset_load_path (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (weft_item_get_label (weft_dataset_lookup (saved, "e")), ==, "Epsilon Ltd");
  g_assert_cmpstr (last_author (weft_dataset_lookup (saved, "e")), ==, AUTHOR);
}

/* A file someone else changed is not written over: Save refuses, and the
 * edits stay (to reload, or Save As). */
/* Renames entity "e" through its form, as a person would. */
static void
rename_e (WeftWindow *window,
          const char *name)
{
  WeftEditForm *form;

  g_assert_true (weft_session_select_id (weft_window_get_session (window), "e"));
  activate (window, "edit.edit");
  form = form_of (window);
  fill (form, "name", name);
  press_enter (form, "name");
}

static WeftWindow *shown_window;

/* Whether entity "e" of the window under test is called @data. */
static gboolean
has_name (gpointer data)
{
  WeftDataset *ds = dataset_of (shown_window);
  WeftEntity *e = ds != NULL && weft_dataset_is_finished (ds) ? weft_dataset_lookup_entity (ds, "e") : NULL;

  return e != NULL && g_strcmp0 (e->name, data) == 0;
}

static gboolean
asks (gpointer data)
{
  return weft_edit_controller_get_dialog (data) != NULL;
}

static void
test_changed_on_disk (void)
{
  g_autofree char *path = NULL;
  WeftWindow *window = window_with_network (&path);
  g_autofree char *theirs = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  WeftEditController *editor = weft_window_get_editor (window);

  shown_window = window;
  rename_e (window, "Epsilon Mine");

  {
    g_autofree char *before = weft_test_read_file (path, NULL);

    theirs = g_strconcat (before, "\n", NULL);
  }
  g_usleep (20 * 1000);
  g_assert_true (g_file_set_contents (path, theirs, -1, NULL));
  g_assert_false (weft_edit_controller_save (editor, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  after = weft_test_read_file (path, NULL);
  g_assert_cmpstr (after, ==, theirs);
  g_assert_true (weft_edit_controller_get_modified (editor));

  /* Save in the window asks: Cancel keeps both; Reload shows theirs. */
  activate (window, "win.save");
  weft_test_save_screenshot (GTK_WIDGET (dialog_of (window)), "edit-changed-on-disk.png");
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog_of (window)), ==, "File Changed on Disk");
  g_assert_true (adw_message_dialog_has_response (dialog_of (window), "keep"));
  respond (window, "cancel");
  g_assert_true (weft_edit_controller_get_modified (editor));
  g_assert_cmpstr (((WeftEntity *) lookup (window, "e"))->name, ==, "Epsilon Mine");
  g_free (after);
  after = weft_test_read_file (path, NULL);
  g_assert_cmpstr (after, ==, theirs);

  activate (window, "win.save");
  respond (window, "reload");
  g_assert_true (weft_test_wait_for_title (window, NETWORK_TITLE));
  g_assert_true (weft_test_wait_for (has_name, (gpointer) "Epsilon"));
  g_assert_false (weft_edit_controller_get_modified (editor));

  /* Changed again on disk under unsaved changes: the window notices. */
  rename_e (window, "Epsilon Again");
  g_assert_true (weft_edit_controller_get_modified (editor));
  g_usleep (20 * 1000);
  {
    g_autofree char *again = g_strconcat (theirs, "\n", NULL);

    g_assert_true (g_file_set_contents (path, again, -1, NULL));
  }
  g_assert_true (weft_test_wait_for (asks, editor));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog_of (window)), ==, "File Changed on Disk");
  respond (window, "cancel");
  g_assert_cmpstr (((WeftEntity *) lookup (window, "e"))->name, ==, "Epsilon Again");

  weft_document_close (weft_edit_controller_get_document (editor));
  weft_undo_stack_set_saved (weft_edit_controller_get_undo_stack (editor));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
asks_to_compare (gpointer data)
{
  AdwMessageDialog *dialog = weft_edit_controller_get_dialog (data);

  return dialog != NULL && g_object_get_data (G_OBJECT (dialog), "weft-diff") != NULL;
}

/* The title and subtitle of each row of @list, "title | subtitle", one a line. */
static char *
rows_text (GtkWidget *list)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row))
      g_string_append_printf (text, "%s | %s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                              adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Someone else changes the file at @path: adds an entity, deletes a
 * relation and renames an entity. */
static void
change_theirs (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WeftDataset) theirs = weft_dataset_load_path (path, NULL, &error);
  g_autoptr(WeftEdit) edit = weft_edit_new (theirs, "theirs");
  WeftItem *zeta;

  g_assert_no_error (error);
  weft_edit_set_author (edit, "Someone Else");
  zeta = weft_edit_create (edit, WEFT_ITEM_ENTITY, "zeta", &error);
  g_assert_true (weft_edit_set (edit, zeta, "name", "Zeta", &error));
  g_assert_true (weft_edit_delete (edit, weft_dataset_lookup (theirs, "r1"), WEFT_DELETE_REFUSE, &error));
  g_assert_true (weft_edit_set (edit, weft_dataset_lookup (theirs, "a"), "name", "Alpha Theirs", &error));
  g_assert_true (weft_edit_commit (edit, &error));
  g_usleep (20 * 1000);
  g_assert_true (weft_dataset_save_path (theirs, path, &error));
  g_assert_no_error (error);
}

/* Compare, the third choice when the file changed on disk under unsaved
 * edits: what differs, item by item; Reload from there. */
static void
test_compare (void)
{
  g_autofree char *path = NULL;
  WeftWindow *window = window_with_network (&path);
  WeftEditController *editor = weft_window_get_editor (window);
  g_autofree char *text = NULL;
  GtkWidget *list;

  shown_window = window;
  rename_e (window, "Epsilon Mine");

  change_theirs (path);
  g_assert_true (weft_test_wait_for (asks, editor));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog_of (window)), ==, "File Changed on Disk");
  g_assert_true (adw_message_dialog_has_response (dialog_of (window), "compare"));
  respond (window, "compare");
  g_assert_true (weft_test_wait_for (asks_to_compare, editor));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog_of (window)), ==, "Compare with the File on Disk");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog_of (window)), ==,
                   "4 items differ between the file on disk and this window.");
  list = g_object_get_data (G_OBJECT (dialog_of (window)), "weft-diff");
  g_assert_nonnull (list);
  text = rows_text (list);
  g_test_message ("%s", text);
  g_assert_cmpstr (text, ==,
                   "Entity “Alpha Theirs” (a) | Different: Name, History\n"
                   "Entity “Epsilon” (e) | Different: Name, History\n"
                   "Entity “Zeta” (zeta) | Only in the file on disk\n"
                   "Relation “supplies” (r1) | Only in this window\n");
  g_assert_true (adw_message_dialog_has_response (dialog_of (window), "keep"));
  weft_test_save_screenshot (GTK_WIDGET (dialog_of (window)), "edit-compare.png");
  /* Nothing changed yet. */
  g_assert_cmpstr (((WeftEntity *) lookup (window, "e"))->name, ==, "Epsilon Mine");
  g_assert_true (weft_edit_controller_get_modified (editor));

  respond (window, "reload");
  g_assert_true (weft_test_wait_for (has_name, (gpointer) "Epsilon"));
  g_assert_nonnull (lookup (window, "zeta"));
  g_assert_null (lookup (window, "r1"));
  g_assert_false (weft_edit_controller_get_modified (editor));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A TimelineJS file of two events, to import. */
static const char two_slides[] =
  "{\"title\": {\"text\": {\"headline\": \"A TimelineJS story\"}},\n"
  " \"events\": [\n"
  "  {\"unique_id\": \"launch\", \"start_date\": {\"year\": 2019, \"month\": 5},"
  " \"text\": {\"headline\": \"Launch\"}},\n"
  "  {\"unique_id\": \"recall\", \"start_date\": {\"year\": 2021},"
  " \"text\": {\"headline\": \"Recall\"}}]}\n";

/* An imported TimelineJS file, edited, saved back as TimelineJS (the
 * code under Save As's chooser): the file reloads with the edit and its
 * history, and the message says what TimelineJS cannot hold. */
static void
test_save_back_timelinejs (void)
{
  WeftWindow *window = weft_test_window_with_example (GTK_APPLICATION (app), 1280, 800);
  WeftEditController *editor = weft_window_get_editor (window);
  g_autoptr(GFile) source = weft_test_write_tmp_file ("story.json", two_slides);
  g_autofree char *out_path = weft_test_build_tmp_path ("story-saved.json");
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(WeftDataset) again = NULL;
  g_autofree char *message = NULL;
  gboolean lossy = FALSE;
  WeftEditForm *form;
  WeftItem *launch;
  guint n = 0;
  const WeftHistoryEntry *history;

  weft_window_open (window, source, NULL, NULL);
  g_assert_true (weft_test_wait_for_title (window, "A TimelineJS story"));
  weft_test_settle ();
  weft_edit_controller_set_author (editor, AUTHOR);
  g_assert_null (weft_window_get_file (window));

  g_assert_true (weft_session_select_id (weft_window_get_session (window), "launch"));
  activate (window, "edit.edit");
  form = form_of (window);
  fill (form, "title", "Launch, delayed");
  fill (form, "date", "2019-06");
  press_enter (form, "title");
  g_assert_true (weft_edit_controller_get_modified (editor));

  g_assert_cmpint (weft_format_for_export_name ("story-saved.json"), ==, WEFT_FORMAT_TIMELINEJS);
  message = weft_edit_controller_export (editor, out, WEFT_FORMAT_TIMELINEJS, &lossy, &error);
  g_assert_no_error (error);
  g_test_message ("%s", message);
  g_assert_true (lossy);
  g_assert_cmpstr (message, ==, "Exported story-saved.json. TimelineJS shows only the events and eras; the rest "
                                "travels in a part TimelineJS ignores.");

  /* A TimelineJS file, with the edit. */
  {
    g_autofree char *text = weft_test_read_file (out_path, NULL);

    g_assert_cmpint (weft_format_detect (text, strlen (text), "story-saved.json"), ==, WEFT_FORMAT_TIMELINEJS);
  }
  again = weft_import_file (out, WEFT_FORMAT_TIMELINEJS, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (weft_dataset_get_title (again), ==, "A TimelineJS story");
  g_assert_cmpuint (weft_dataset_get_events (again)->len, ==, 2);
  launch = weft_dataset_lookup (again, "launch");
  g_assert_nonnull (launch);
  g_assert_cmpstr (((WeftEvent *) launch)->title, ==, "Launch, delayed");
  g_assert_cmpstr (((WeftEvent *) launch)->date_text, ==, "2019-06");
  g_assert_cmpstr (((WeftEvent *) weft_dataset_lookup (again, "recall"))->title, ==, "Recall");
  history = weft_item_get_history (launch, &n);
  g_assert_cmpuint (n, >=, 1);
  g_assert_cmpstr (history[n - 1].by, ==, AUTHOR);
  g_assert_cmpint (history[n - 1].action, ==, WEFT_HISTORY_CHANGED);
  g_assert_true (g_strv_contains (history[n - 1].fields, "title"));
  g_assert_true (g_strv_contains (history[n - 1].fields, "date"));

  /* An export is not the window's own save: the changes stay unsaved. */
  g_assert_true (weft_edit_controller_get_modified (editor));
  /* Its edits are journaled (a file another format imported too): the
   * session ends on purpose, leaving nothing to recover. */
  g_assert_nonnull (weft_document_get_journal (weft_edit_controller_get_document (editor)));
  weft_document_close (weft_edit_controller_get_document (editor));
  weft_undo_stack_set_saved (weft_edit_controller_get_undo_stack (editor));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The graph's node of @id in the layout shown: its box, copied. */
static gboolean
node_box (WeftWindow  *window,
          const char  *id,
          WeftNodeBox *box)
{
  WeftLayout *layout = weft_graph_view_get_layout (WEFT_GRAPH_VIEW (weft_window_get_graph (window)));
  WeftItem *item = lookup (window, id);
  gint index;

  g_assert_nonnull (layout);
  index = item != NULL ? weft_graph_lookup_node (weft_layout_get_graph (layout), item) : -1;
  if (index < 0)
    return FALSE;
  *box = *weft_layout_get_node (layout, index);
  return TRUE;
}

static void
count_calls (gpointer  instance,
             GParamSpec *pspec,
             guint     *n)
{
  (*n)++;
}

/* Waits until the graph shows one layout through two whole settles (a
 * new pane size fits the drawing again after a while). */
static void
settle_graph (WeftGraphView *graph)
{
  WeftLayout *layout = NULL;
  guint stable = 0;
  int width = -1, height = -1;

  /* The same layout in a pane of the same size (a new size fits the
   * drawing to it again) three times running: on a loaded machine the
   * inspector may take a while to open beside the graph. */
  g_assert_true (weft_test_wait_for ((GSourceFunc) weft_graph_view_get_layout, graph));
  for (guint i = 0; i < 60; i++)
    {
      stable = layout == weft_graph_view_get_layout (graph) && !weft_graph_view_get_busy (graph) &&
               width == gtk_widget_get_width (GTK_WIDGET (graph)) && height == gtk_widget_get_height (GTK_WIDGET (graph))
               ? stable + 1 : 0;
      if (stable == 3)
        return;
      layout = weft_graph_view_get_layout (graph);
      width = gtk_widget_get_width (GTK_WIDGET (graph));
      height = gtk_widget_get_height (GTK_WIDGET (graph));
      weft_test_settle ();
    }
  g_assert_not_reached ();
}

/* One edit of the window's dataset: @id's @member set to @value, or
 * @id deleted (its references too) when @member is NULL. */
static void
edit_one (WeftWindow *window,
          const char *id,
          const char *member,
          const char *value)
{
  g_autoptr(WeftEdit) edit = weft_edit_new (dataset_of (window), "test");
  g_autoptr(GError) error = NULL;

  if (member != NULL)
    g_assert_true (weft_edit_set (edit, lookup (window, id), member, value, &error));
  else
    g_assert_true (weft_edit_delete (edit, lookup (window, id), WEFT_DELETE_REFERENCES, &error));
  g_assert_true (weft_edit_commit (edit, &error));
  g_assert_no_error (error);
}

/* Every node of @ids but @gone where @before says, in the same pane. */
static void
assert_nodes_stay (WeftWindow        *window,
                   const char       **ids,
                   const WeftNodeBox *before,
                   const char        *gone)
{
  WeftNodeBox after;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      if (g_strcmp0 (ids[i], gone) == 0)
        {
          g_assert_false (node_box (window, ids[i], &after));
          continue;
        }
      g_assert_true (node_box (window, ids[i], &after));
      g_assert_cmpfloat (after.x, ==, before[i].x);
      g_assert_cmpfloat (after.y, ==, before[i].y);
    }
}

/* An edit updates the views in place: the session keeps its dataset
 * (and selection), a rename moves no node and draws the new name, a
 * deleted node goes and the others stay where they were, a new node
 * comes near its neighbour without moving any. */
static void
test_views_follow (void)
{
  static const char *ids[] = { "a", "b", "c", "d", "e", NULL };
  WeftWindow *window = window_with_network (NULL);
  WeftSession *session = weft_window_get_session (window);
  WeftGraphView *graph = WEFT_GRAPH_VIEW (weft_window_get_graph (window));
  WeftNodeBox before[G_N_ELEMENTS (ids)];
  WeftGraph *shown;
  guint n_datasets = 0;

  /* A selection that stays keeps the inspector, so the pane keeps its
   * size (a new size fits the drawing to it again). */
  g_assert_true (weft_session_select_id (session, "b"));
  settle_graph (graph);
  for (guint i = 0; ids[i] != NULL; i++)
    g_assert_true (node_box (window, ids[i], &before[i]));
  g_signal_connect (session, "notify::dataset", G_CALLBACK (count_calls), &n_datasets);

  edit_one (window, "a", "name", "Alpha Renamed");
  g_assert_false (weft_graph_view_get_busy (graph));
  settle_graph (graph);
  assert_nodes_stay (window, ids, before, NULL);
  shown = weft_layout_get_graph (weft_graph_view_get_layout (graph));
  g_assert_cmpstr (weft_graph_get_node (shown, weft_graph_lookup_node (shown, lookup (window, "a")))->label,
                   ==, "Alpha Renamed");
  /* Its name fits its box, grown around the same centre, clear of the others. */
  {
    const WeftGraphNode *node = weft_graph_get_node (shown, weft_graph_lookup_node (shown, lookup (window, "a")));
    g_autoptr(PangoLayout) text = gtk_widget_create_pango_layout (GTK_WIDGET (window), node->lines);
    PangoFontDescription *font = pango_font_description_from_string (WEFT_GRAPH_FONT);
    WeftNodeBox a, other;
    int text_width, text_height;

    pango_font_description_set_absolute_size (font, WEFT_GRAPH_NODE_FONT_SIZE * PANGO_SCALE);
    pango_layout_set_font_description (text, font);
    pango_font_description_free (font);
    pango_layout_get_size (text, &text_width, &text_height);
    g_assert_true (node_box (window, "a", &a));
    g_assert_cmpfloat (a.x, ==, before[0].x);
    g_assert_cmpfloat (a.y, ==, before[0].y);
    g_assert_cmpfloat (a.width, >, before[0].width);
    g_assert_cmpfloat ((double) text_width / PANGO_SCALE, <=, a.width);
    g_assert_cmpfloat ((double) text_height / PANGO_SCALE, <=, a.height);
    for (guint i = 1; ids[i] != NULL; i++)
      {
        g_assert_true (node_box (window, ids[i], &other));
        g_assert_false (fabs (other.x - a.x) < (other.width + a.width) / 2
                        && fabs (other.y - a.y) < (other.height + a.height) / 2);
      }
  }

  edit_one (window, "d", NULL, NULL);
  g_assert_false (weft_graph_view_get_busy (graph));
  settle_graph (graph);
  g_assert_null (lookup (window, "d"));
  assert_nodes_stay (window, ids, before, "d");

  /* A new entity linked to "a" comes next to it, free of the others. */
  {
    g_autoptr(WeftEdit) edit = weft_edit_new (dataset_of (window), "test");
    WeftItem *f = weft_edit_create (edit, WEFT_ITEM_ENTITY, "f", NULL);
    WeftItem *rf = weft_edit_create (edit, WEFT_ITEM_RELATION, "rf", NULL);
    WeftNodeBox box, a, other;
    WeftLayout *layout;

    g_assert_true (weft_edit_set (edit, f, "name", "Zeta", NULL));
    g_assert_true (weft_edit_set (edit, f, "kind", "person", NULL));
    g_assert_true (weft_edit_set (edit, rf, "from", "f", NULL));
    g_assert_true (weft_edit_set (edit, rf, "to", "a", NULL));
    g_assert_true (weft_edit_set (edit, rf, "type", "knows", NULL));
    g_assert_true (weft_edit_commit (edit, NULL));
    g_assert_false (weft_graph_view_get_busy (graph));
    settle_graph (graph);
    assert_nodes_stay (window, ids, before, "d");
    g_assert_true (node_box (window, "f", &box));
    g_assert_true (node_box (window, "a", &a));
    layout = weft_graph_view_get_layout (graph);
    g_assert_cmpint (weft_graph_lookup_edge (weft_layout_get_graph (layout), lookup (window, "rf")), >=, 0);
    g_assert_cmpfloat (hypot (box.x - a.x, box.y - a.y), <, 4 * (a.width + a.height));
    for (guint i = 0; ids[i] != NULL; i++)
      if (node_box (window, ids[i], &other))
        g_assert_false (fabs (other.x - box.x) < (other.width + box.width) / 2
                        && fabs (other.y - box.y) < (other.height + box.height) / 2);
    g_assert_cmpfloat (box.x + box.width / 2, <=, weft_layout_get_width (layout));
    g_assert_cmpfloat (box.y + box.height / 2, <=, weft_layout_get_height (layout));
    weft_test_save_screenshot (GTK_WIDGET (window), "edit-grown.png");
  }

  g_assert_true (weft_session_get_selection (session) == lookup (window, "b"));
  g_assert_cmpuint (n_datasets, ==, 0);
  g_signal_handlers_disconnect_by_func (session, count_calls, &n_datasets);

  weft_document_close (weft_edit_controller_get_document (weft_window_get_editor (window)));
  weft_undo_stack_set_saved (weft_edit_controller_get_undo_stack (weft_window_get_editor (window)));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_unsourced_row (GtkWidget     *widget,
                  gconstpointer  data)
{
  return gtk_widget_has_css_class (widget, "unsourced");
}

/* A claim that cites no source says so in the inspector, whose button
 * opens the claim's form (its citations); a sourced one does not. */
static void
test_unsourced (void)
{
  WeftWindow *window = window_with_network (NULL);
  WeftSession *session = weft_window_get_session (window);
  GtkWidget *inspector = weft_window_get_inspector (window);
  GtkWidget *row, *button;

  g_assert_true (weft_session_select_id (session, "k1"));
  weft_test_spin (50);
  g_assert_null (weft_test_find_widget (inspector, is_unsourced_row, NULL));

  {
    g_autoptr(WeftEdit) edit = weft_edit_new (dataset_of (window), "test");
    WeftItem *claim = weft_edit_create (edit, WEFT_ITEM_CLAIM, "k9", NULL);

    g_assert_true (weft_edit_set (edit, claim, "text", "Nobody says where", NULL));
    g_assert_true (weft_edit_set (edit, claim, "status", "alleged", NULL));
    g_assert_true (weft_edit_commit (edit, NULL));
  }
  g_assert_true (weft_session_select_id (session, "k9"));
  weft_test_spin (50);
  row = weft_test_find_widget (inspector, is_unsourced_row, NULL);
  g_assert_nonnull (row);
  weft_test_save_screenshot (GTK_WIDGET (window), "edit-unsourced.png");
  button = weft_test_find_type (row, GTK_TYPE_BUTTON);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "edit.edit");
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  weft_test_spin (50);
  g_assert_nonnull (weft_edit_form_get_field (form_of (window), "citations"));

  weft_document_close (weft_edit_controller_get_document (weft_window_get_editor (window)));
  weft_undo_stack_set_saved (weft_edit_controller_get_undo_stack (weft_window_get_editor (window)));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Opening another file over unsaved changes asks Save / Discard / Cancel
 * first: Cancel keeps them, Discard opens the file; Save saves, then
 * opens. */
static void
test_open_asks (void)
{
  g_autofree char *path = NULL;
  WeftWindow *window = window_with_network (&path);
  WeftEditController *editor = weft_window_get_editor (window);
  g_autofree char *other_path = weft_test_write_tmp ("other.weft", "{\"weft\": 1, \"title\": \"Another one\"}");
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  g_autofree char *saved = NULL;

  rename_e (window, "Epsilon Mine");
  g_assert_true (weft_edit_controller_get_modified (editor));

  weft_window_open (window, other, NULL, NULL);
  weft_test_spin (50);
  weft_test_save_screenshot (GTK_WIDGET (dialog_of (window)), "edit-open-asks.png");
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog_of (window)), ==, "Save Changes?");
  respond (window, "cancel");
  weft_test_settle ();
  g_assert_true (weft_test_shows_title (window, NETWORK_TITLE));
  g_assert_true (weft_edit_controller_get_modified (editor));

  /* Save, then it opens. */
  weft_window_open (window, other, NULL, NULL);
  weft_test_spin (50);
  respond (window, "save");
  g_assert_true (weft_test_wait_for_title (window, "Another one"));
  saved = weft_test_read_file (path, NULL);
  g_assert_nonnull (strstr (saved, "Epsilon Mine"));
  g_assert_false (weft_edit_controller_get_modified (editor));

  /* Discard opens it without saving. */
  {
    g_autoptr(GFile) network = g_file_new_for_path (path);

    weft_window_open (window, network, NULL, NULL);
    g_assert_true (weft_test_wait_for_title (window, NETWORK_TITLE));
    weft_test_settle ();
    rename_e (window, "Epsilon Lost");
    g_assert_true (weft_edit_controller_get_modified (editor));
    weft_window_open (window, other, NULL, NULL);
    weft_test_spin (50);
    respond (window, "discard");
    g_assert_true (weft_test_wait_for_title (window, "Another one"));
    g_free (saved);
    saved = weft_test_read_file (path, NULL);
    g_assert_null (strstr (saved, "Epsilon Lost"));
  }
  g_assert_false (weft_edit_controller_get_modified (editor));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
has_no_popover (gpointer data)
{
  return weft_edit_controller_get_popover (data) == NULL;
}

/* A double-click in a timeline lane (the view's "create-event") opens a
 * new event's form at that day, the title to type; a drag between two
 * graph nodes, a relation's. */
static void
test_quick_capture (void)
{
  WeftWindow *window = window_with_network (NULL);
  GtkWidget *timeline = weft_window_get_timeline (window);
  WeftEditForm *form;
  WeftEvent *event;
  GPtrArray *events;

  g_signal_emit_by_name (timeline, "create-event", weft_days_from_civil (2020, 3, 15));
  weft_test_spin (50);
  form = form_of (window);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (weft_edit_form_get_field (form, "date"))), ==, "2020-03-15");
  g_assert_true (gtk_widget_has_focus (weft_edit_form_get_field (form, "title"))
                 || gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                            weft_edit_form_get_field (form, "title")));
  fill (form, "title", "Spring meeting");
  press_enter (form, "title");

  events = weft_dataset_get_events (dataset_of (window));
  g_assert_cmpuint (events->len, ==, 4);
  event = g_ptr_array_index (events, 3);
  g_assert_cmpstr (event->title, ==, "Spring meeting");
  g_assert_cmpstr (event->date_text, ==, "2020-03-15");

  /* A drag from one node to another in the graph ("create-relation"):
   * a popover at the drop point asks the type (those in use offered) and
   * the claim that supports it; Enter makes the relation, one step. */
  {
    WeftEditController *editor = weft_window_get_editor (window);
    GPtrArray *relations = weft_dataset_get_relations (dataset_of (window));
    guint n = relations->len;
    WeftRelationPopover *popover;
    GtkStringList *types;
    GtkWidget *entry;
    WeftRelation *relation;

    g_signal_emit_by_name (weft_window_get_graph (window), "create-relation", "c", "e", 300.0, 200.0);
    weft_test_spin (50);
    popover = WEFT_RELATION_POPOVER (weft_edit_controller_get_popover (editor));
    g_assert_nonnull (popover);
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
    g_assert_true (gtk_widget_get_parent (GTK_WIDGET (popover)) == weft_window_get_graph (window));
    types = weft_relation_popover_get_types (popover);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (types)), ==, 3);
    g_assert_cmpstr (gtk_string_list_get_string (types, 0), ==, "located_in");
    g_assert_cmpstr (gtk_string_list_get_string (types, 1), ==, "reports_on");
    g_assert_cmpstr (gtk_string_list_get_string (types, 2), ==, "supplies");
    entry = weft_relation_popover_get_type_entry (popover);
    g_assert_true (gtk_widget_has_focus (entry) || gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (entry)), entry));

    /* No type: nothing is made, the popover stays and says why. */
    g_signal_emit_by_name (entry, "activate");
    weft_test_spin (50);
    g_assert_cmpuint (relations->len, ==, n);
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
    g_assert_true (gtk_widget_has_css_class (entry, "error"));

    gtk_editable_set_text (GTK_EDITABLE (entry), "knows");
    g_assert_true (weft_edit_picker_set_id (weft_relation_popover_get_claim_picker (popover), "k4"));
    weft_test_save_screenshot (GTK_WIDGET (popover), "edit-relation-popover.png");
    g_signal_emit_by_name (entry, "activate");
    weft_test_spin (50);
    g_assert_cmpuint (relations->len, ==, n + 1);
    relation = g_ptr_array_index (relations, n);
    g_assert_cmpstr (relation->from, ==, "c");
    g_assert_cmpstr (relation->to, ==, "e");
    g_assert_cmpstr (relation->type, ==, "knows");
    g_assert_nonnull (relation->claims);
    g_assert_cmpstr (relation->claims[0], ==, "k4");
    g_assert_null (relation->claims[1]);
    g_assert_cmpstr (last_author (&relation->item), ==, AUTHOR);
    g_assert_true (weft_session_get_selection (weft_window_get_session (window)) == &relation->item);
    /* It closed, and left the graph. */
    g_assert_true (weft_test_wait_for (has_no_popover, editor));
    assert_verified (window);
    /* One step. */
    activate (window, "edit.undo");
    g_assert_cmpuint (relations->len, ==, n);
    activate (window, "edit.redo");
    g_assert_cmpuint (relations->len, ==, n + 1);

    /* A type in use, chosen from the list, and no claim: unsourced. */
    g_signal_emit_by_name (weft_window_get_graph (window), "create-relation", "e", "a", 300.0, 200.0);
    weft_test_spin (50);
    popover = WEFT_RELATION_POPOVER (weft_edit_controller_get_popover (editor));
    g_assert_nonnull (popover);
    g_assert_null (weft_edit_picker_get_id (weft_relation_popover_get_claim_picker (popover)));
    {
      GtkWidget *menu = gtk_widget_get_next_sibling (weft_relation_popover_get_type_entry (popover));

      /* "knows" is in use now. */
      g_assert_true (GTK_IS_MENU_BUTTON (menu));
      g_assert_true (gtk_widget_get_visible (menu));
      g_assert_cmpint (g_menu_model_get_n_items (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu))), ==, 4);
      /* Shown as they are written, underscores included. */
      {
        g_autofree char *label = NULL;

        g_assert_true (g_menu_model_get_item_attribute (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu)), 1,
                                                        G_MENU_ATTRIBUTE_LABEL, "s", &label));
        g_assert_cmpstr (label, ==, "located__in");
      }
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (weft_relation_popover_get_types (popover))), ==, 4);
      g_assert_cmpstr (gtk_string_list_get_string (weft_relation_popover_get_types (popover), 0), ==, "knows");
      /* The list opens over the popover, which stays. */
      gtk_menu_button_popup (GTK_MENU_BUTTON (menu));
      weft_test_spin (100);
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu)))));
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
      weft_test_save_screenshot (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu))),
                                 "edit-relation-types.png");
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (popover), "relation.pick-type", "s", "supplies"));
      gtk_menu_button_popdown (GTK_MENU_BUTTON (menu));
      weft_test_spin (50);
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
    }
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (weft_relation_popover_get_type_entry (popover))), ==,
                     "supplies");
    g_assert_true (weft_relation_popover_commit (popover, NULL));
    weft_test_spin (50);
    g_assert_cmpuint (relations->len, ==, n + 2);
    relation = g_ptr_array_index (relations, n + 1);
    g_assert_cmpstr (relation->from, ==, "e");
    g_assert_cmpstr (relation->to, ==, "a");
    g_assert_cmpstr (relation->type, ==, "supplies");
    g_assert_null (relation->claims);

    /* Escape (the popover closes) makes nothing. */
    g_signal_emit_by_name (weft_window_get_graph (window), "create-relation", "a", "b", 300.0, 200.0);
    weft_test_spin (50);
    popover = WEFT_RELATION_POPOVER (weft_edit_controller_get_popover (editor));
    gtk_editable_set_text (GTK_EDITABLE (weft_relation_popover_get_type_entry (popover)), "abandoned");
    g_assert_true (weft_undo_stack_can_undo (weft_edit_controller_get_undo_stack (editor)));
    {
      GtkEventController *keys = weft_test_find_controller (GTK_WIDGET (popover), GTK_TYPE_EVENT_CONTROLLER_KEY, NULL);
      gboolean handled = FALSE;

      g_assert_nonnull (keys);
      g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Escape, 0, 0, &handled);
      g_assert_true (handled);
    }
    g_assert_true (weft_test_wait_for (has_no_popover, editor));
    g_assert_cmpuint (relations->len, ==, n + 2);
    assert_verified (window);
  }
  weft_document_close (weft_edit_controller_get_document (weft_window_get_editor (window)));
  weft_undo_stack_set_saved (weft_edit_controller_get_undo_stack (weft_window_get_editor (window)));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Where the graph draws node @id, in the view's own coordinates. */
static void
node_point (WeftWindow *window,
            const char *id,
            double     *x,
            double     *y)
{
  WeftGraphView *graph = WEFT_GRAPH_VIEW (weft_window_get_graph (window));
  double scale = weft_graph_view_get_scale (graph);
  double text_scale = weft_graph_view_get_text_scale (graph);
  double cx, cy;
  WeftNodeBox box;

  g_assert_true (node_box (window, id, &box));
  weft_graph_view_get_center (graph, &cx, &cy);
  *x = (box.x - cx) * scale + gtk_widget_get_width (GTK_WIDGET (graph)) / text_scale / 2;
  *y = (box.y - cy) * scale + gtk_widget_get_height (GTK_WIDGET (graph)) / text_scale / 2;
}

/* A drag in the graph as the pointer makes it, from (@x0, @y0) by (@dx, @dy). */
static void
drag_graph (WeftWindow *window,
            double      x0,
            double      y0,
            double      dx,
            double      dy)
{
  GtkEventController *drag = weft_test_find_controller (weft_window_get_graph (window), GTK_TYPE_GESTURE_DRAG, NULL);

  g_assert_nonnull (drag);
  g_signal_emit_by_name (drag, "drag-begin", x0, y0);
  g_signal_emit_by_name (drag, "drag-update", dx / 2, dy / 2);
  g_signal_emit_by_name (drag, "drag-update", dx, dy);
  g_signal_emit_by_name (drag, "drag-end", dx, dy);
  weft_test_spin (50);
}

/* Dragging node to node in the graph opens the relation's popover at the
 * drop point; back onto the same node, or onto empty space, nothing. */
static void
test_relation_drag (void)
{
  WeftWindow *window = window_with_network (NULL);
  WeftEditController *editor = weft_window_get_editor (window);
  guint n = weft_dataset_get_relations (dataset_of (window))->len;
  double ax, ay, cx, cy;
  GtkWidget *popover;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "graph"));
  settle_graph (WEFT_GRAPH_VIEW (weft_window_get_graph (window)));
  node_point (window, "a", &ax, &ay);
  node_point (window, "c", &cx, &cy);
  g_test_message ("a at %g,%g; c at %g,%g", ax, ay, cx, cy);

  /* Onto itself. */
  drag_graph (window, ax, ay, 3, 3);
  drag_graph (window, ax, ay, 2, 4);
  g_assert_null (weft_edit_controller_get_popover (editor));
  /* Onto empty space, far from every node. */
  drag_graph (window, ax, ay, -5000, -5000);
  g_assert_null (weft_edit_controller_get_popover (editor));
  g_assert_cmpuint (weft_dataset_get_relations (dataset_of (window))->len, ==, n);

  /* Onto another node. */
  drag_graph (window, ax, ay, cx - ax, cy - ay);
  popover = weft_edit_controller_get_popover (editor);
  g_assert_nonnull (popover);
  {
    GdkRectangle at;

    g_assert_true (gtk_popover_get_pointing_to (GTK_POPOVER (popover), &at));
    g_assert_cmpint (abs (at.x - (int) cx), <=, 1);
    g_assert_cmpint (abs (at.y - (int) cy), <=, 1);
  }
  gtk_editable_set_text (GTK_EDITABLE (weft_relation_popover_get_type_entry (WEFT_RELATION_POPOVER (popover))),
                         "owns");
  g_signal_emit_by_name (weft_relation_popover_get_type_entry (WEFT_RELATION_POPOVER (popover)), "activate");
  weft_test_spin (50);
  {
    GPtrArray *relations = weft_dataset_get_relations (dataset_of (window));
    WeftRelation *relation = g_ptr_array_index (relations, relations->len - 1);

    g_assert_cmpuint (relations->len, ==, n + 1);
    g_assert_cmpstr (relation->from, ==, "a");
    g_assert_cmpstr (relation->to, ==, "c");
    g_assert_cmpstr (relation->type, ==, "owns");
    g_assert_null (relation->claims);
  }

  /* With the names enlarged (presentation's text scale), the pointer's
   * pixels are the pane's times that scale: the drag still finds both. */
  {
    WeftGraphView *graph = WEFT_GRAPH_VIEW (weft_window_get_graph (window));

    weft_graph_view_set_text_scale (graph, 1.5);
    settle_graph (graph);
    node_point (window, "a", &ax, &ay);
    node_point (window, "c", &cx, &cy);
    drag_graph (window, ax * 1.5, ay * 1.5, (cx - ax) * 1.5, (cy - ay) * 1.5);
    popover = weft_edit_controller_get_popover (editor);
    g_assert_nonnull (popover);
    g_assert_true (gtk_widget_get_visible (popover));
    gtk_popover_popdown (GTK_POPOVER (popover));
    weft_test_spin (50);
    g_assert_cmpuint (weft_dataset_get_relations (dataset_of (window))->len, ==, n + 1);
  }
  weft_document_close (weft_edit_controller_get_document (editor));
  weft_undo_stack_set_saved (weft_edit_controller_get_undo_stack (editor));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Edits a crash kept from being saved come back at the next start. */
static void
test_recover (void)
{
  g_autofree char *path = NULL;
  WeftWindow *window = window_with_network (&path);
  WeftEditController *editor;
  const char *body;
  WeftItem *epsilon;

  rename_e (window, "Epsilon Recovered");
  /* The process dies: nothing asks, nothing is saved. */
  gtk_window_destroy (GTK_WINDOW (window));
  weft_test_settle ();

  window = weft_test_window_with_example (GTK_APPLICATION (app), 1280, 800);
  editor = weft_window_get_editor (window);
  g_assert_cmpuint (weft_edit_controller_offer_recovery (editor), >=, 1);
  weft_test_spin (50);
  g_test_message ("banner: %s", weft_window_get_banner_text (window));
  g_assert_true (g_str_has_prefix (weft_window_get_banner_text (window), "Unsaved edits to network.weft from "));
  g_assert_true (g_str_has_suffix (weft_window_get_banner_text (window), " can be recovered"));
  weft_test_save_screenshot (GTK_WIDGET (window), "edit-recover-banner.png");

  /* Recover… says what would come back. */
  activate (window, "edit.recover");
  body = adw_message_dialog_get_body (dialog_of (window));
  g_test_message ("%s", body);
  g_assert_nonnull (strstr (body, "Epsilon Recovered"));
  respond (window, "recover");

  {
    g_autoptr(GFile) file = g_file_new_for_path (path);

    g_assert_true (g_file_equal (weft_window_get_file (window), file));
  }
  epsilon = lookup (window, "e");
  g_assert_cmpstr (weft_item_get_label (epsilon), ==, "Epsilon Recovered");
  g_assert_cmpstr (last_author (epsilon), ==, AUTHOR);
  g_assert_true (weft_edit_controller_get_modified (editor));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));
  /* The edit came back as an edit: undo takes it away. */
  activate (window, "edit.undo");
  g_assert_cmpstr (weft_item_get_label (lookup (window, "e")), ==, "Epsilon");

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  activate (window, "edit.redo");
  gtk_window_close (GTK_WINDOW (window));
  weft_test_spin (50);
  respond (window, "discard");
  g_assert_true (weft_test_wait_for (is_destroyed, &window));
}

/* @id's @member set to @value through its form in @window, whose process
 * then dies: nothing asks, nothing is saved. */
static void
edit_then_crash (WeftWindow *window,
                 const char *id,
                 const char *member,
                 const char *value)
{
  WeftEditForm *form;

  weft_edit_controller_set_author (weft_window_get_editor (window), AUTHOR);
  g_assert_true (weft_session_select_id (weft_window_get_session (window), id));
  activate (window, "edit.edit");
  form = form_of (window);
  fill (form, member, value);
  press_enter (form, member);
  g_assert_true (weft_edit_controller_get_modified (weft_window_get_editor (window)));
  gtk_window_destroy (GTK_WINDOW (window));
  weft_test_settle ();
}

/* The next start: a window that offers the newest journal (others may be
 * left by earlier tests), of @name, saying @value would come back, and
 * recovers it; @id's label is @value, by the author, one undo from
 * @before. */
static WeftWindow *
start_and_recover (const char *name,
                   const char *id,
                   const char *value,
                   const char *before)
{
  WeftWindow *window = weft_test_window_with_example (GTK_APPLICATION (app), 1280, 800);
  WeftEditController *editor = weft_window_get_editor (window);
  g_autofree char *banner = g_strdup_printf ("Unsaved edits to %s from ", name);
  const char *body;

  g_assert_cmpuint (weft_edit_controller_offer_recovery (editor), >=, 1);
  weft_test_spin (50);
  g_test_message ("banner: %s", weft_window_get_banner_text (window));
  g_assert_true (g_str_has_prefix (weft_window_get_banner_text (window), banner));
  activate (window, "edit.recover");
  body = adw_message_dialog_get_body (dialog_of (window));
  g_test_message ("%s", body);
  g_assert_nonnull (strstr (body, value));
  respond (window, "recover");

  g_assert_cmpstr (weft_item_get_label (lookup (window, id)), ==, value);
  g_assert_cmpstr (last_author (lookup (window, id)), ==, AUTHOR);
  g_assert_true (weft_edit_controller_get_modified (editor));
  activate (window, "edit.undo");
  g_assert_cmpstr (weft_item_get_label (lookup (window, id)), ==, before);
  activate (window, "edit.redo");
  return window;
}

/* Closes @window, discarding its changes. */
static void
close_discarding (WeftWindow *window)
{
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_close (GTK_WINDOW (window));
  weft_test_spin (50);
  respond (window, "discard");
  g_assert_true (weft_test_wait_for (is_destroyed, &window));
}

/* Edits to a file another format imported (TimelineJS) are journaled
 * too: after a crash they come back onto the file read again, and the
 * window shows it as imported (Save asks where). */
static void
test_recover_imported (void)
{
  WeftWindow *window = weft_test_window_with_example (GTK_APPLICATION (app), 1280, 800);
  g_autoptr(GFile) source = weft_test_write_tmp_file ("recover-story.json", two_slides);
  WeftFormat format = WEFT_FORMAT_AUTO;

  weft_window_open (window, source, NULL, NULL);
  g_assert_true (weft_test_wait_for_title (window, "A TimelineJS story"));
  weft_test_settle ();
  g_assert_null (weft_window_get_file (window));
  g_assert_true (g_file_equal (weft_window_get_imported_file (window, &format), source));
  g_assert_cmpint (format, ==, WEFT_FORMAT_TIMELINEJS);
  edit_then_crash (window, "launch", "title", "Launch, recovered");

  /* The TimelineJS file read again, the edit on it, shown as imported. */
  window = start_and_recover ("recover-story.json", "launch", "Launch, recovered", "Launch");
  g_assert_null (weft_window_get_file (window));
  g_assert_true (g_file_equal (weft_window_get_imported_file (window, &format), source));
  g_assert_cmpint (format, ==, WEFT_FORMAT_TIMELINEJS);
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "recover-story.json (imported)"));
  close_discarding (window);
}

/* Edits to the bundled example are journaled too: after a crash they
 * come back onto the example, which the window still shows as the
 * example (Save asks where). */
static void
test_recover_example (void)
{
  WeftWindow *window = weft_test_window_with_example (GTK_APPLICATION (app), 1280, 800);

  g_assert_true (weft_window_is_example (window));
  edit_then_crash (window, "ent-ibm", "name", "IBM, recovered");

  window = start_and_recover ("smart-cities.weft", "ent-ibm", "IBM, recovered", "IBM");
  g_assert_true (weft_window_is_example (window));
  g_assert_null (weft_window_get_file (window));
  close_discarding (window);
}

/* The forms, the relation's popover, the comparison with the file on
 * disk and an unsourced claim as people see them, light and dark, at
 * 1280x800 (run with LANGUAGE=es or zh_CN to see the translations). */
static void
test_screenshots (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  for (guint i = 0; i < 2; i++)
    {
      const char *scheme = i == 0 ? "light" : "dark";
      g_autofree char *path = NULL;
      WeftWindow *window = window_with_network_sized (1280, 800, &path);
      WeftEditController *editor = weft_window_get_editor (window);
      WeftSession *session = weft_window_get_session (window);
      g_autofree char *name = g_strdup_printf ("edit-form-claim-%s.png", scheme);
      g_autofree char *popover_name = g_strdup_printf ("edit-relation-popover-%s.png", scheme);
      g_autofree char *compare_name = g_strdup_printf ("edit-compare-%s.png", scheme);
      g_autofree char *unsourced_name = g_strdup_printf ("edit-unsourced-%s.png", scheme);

      adw_style_manager_set_color_scheme (style, i == 0 ? ADW_COLOR_SCHEME_FORCE_LIGHT : ADW_COLOR_SCHEME_FORCE_DARK);
      g_assert_true (weft_session_select_id (session, "k1"));
      activate (window, "edit.edit");
      weft_test_settle ();
      weft_test_save_screenshot (GTK_WIDGET (window), name);

      /* The claim without a source, k2's citations taken away. */
      weft_edit_form_cancel (form_of (window));
      {
        g_autoptr(WeftEdit) edit = weft_undo_stack_begin (weft_edit_controller_get_undo_stack (editor), "test");

        g_assert_true (weft_edit_set_citations (edit, (WeftClaim *) lookup (window, "k2"), NULL, 0, NULL));
        g_assert_true (weft_undo_stack_commit (weft_edit_controller_get_undo_stack (editor), edit, NULL));
      }
      g_assert_true (weft_session_select_id (session, "k2"));
      weft_test_settle ();
      weft_test_save_screenshot (GTK_WIDGET (window), unsourced_name);

      g_signal_emit_by_name (weft_window_get_graph (window), "create-relation", "c", "e", 400.0, 300.0);
      weft_test_spin (50);
      g_assert_nonnull (weft_edit_controller_get_popover (editor));
      weft_test_save_screenshot (weft_edit_controller_get_popover (editor), popover_name);
      gtk_popover_popdown (GTK_POPOVER (weft_edit_controller_get_popover (editor)));
      g_assert_true (weft_test_wait_for (has_no_popover, editor));

      shown_window = window;
      change_theirs (path);
      g_assert_true (weft_test_wait_for (asks, editor));
      respond (window, "compare");
      g_assert_true (weft_test_wait_for (asks_to_compare, editor));
      weft_test_save_screenshot (GTK_WIDGET (dialog_of (window)), compare_name);
      respond (window, "cancel");

      weft_document_close (weft_edit_controller_get_document (editor));
      weft_undo_stack_set_saved (weft_edit_controller_get_undo_stack (editor));
      gtk_window_destroy (GTK_WINDOW (window));
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int    argc,
      char **argv)
{
  /* The suite runs untranslated (LANGUAGE empty); the screenshots can
   * be made in another language with LANGUAGE=es or zh_CN. */
  bindtextdomain (GETTEXT_PACKAGE, weft_get_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  if (!weft_test_gui_init (&argc, &argv))
    return 0;
  /* Journals go to a folder of the test's own (weft_test_gui_init()). */
  app = weft_test_get_application ();

  g_test_add_func ("/weft/edit-window/new-dataset", test_new_dataset);
  g_test_add_func ("/weft/edit-window/create-each", test_create_each);
  g_test_add_func ("/weft/edit-window/multiline", test_multiline);
  g_test_add_func ("/weft/edit-window/delete-referenced", test_delete_referenced);
  g_test_add_func ("/weft/edit-window/merge", test_merge);
  g_test_add_func ("/weft/edit-window/quote", test_quote);
  g_test_add_func ("/weft/edit-window/save-and-close", test_save_and_close);
  g_test_add_func ("/weft/edit-window/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/weft/edit-window/compare", test_compare);
  g_test_add_func ("/weft/edit-window/save-back-timelinejs", test_save_back_timelinejs);
  g_test_add_func ("/weft/edit-window/quick-capture", test_quick_capture);
  g_test_add_func ("/weft/edit-window/relation-drag", test_relation_drag);
  g_test_add_func ("/weft/edit-window/views-follow", test_views_follow);
  g_test_add_func ("/weft/edit-window/unsourced", test_unsourced);
  g_test_add_func ("/weft/edit-window/open-asks", test_open_asks);
  g_test_add_func ("/weft/edit-window/recover", test_recover);
  g_test_add_func ("/weft/edit-window/recover-imported", test_recover_imported);
  g_test_add_func ("/weft/edit-window/recover-example", test_recover_example);
  g_test_add_func ("/weft/edit-window/screenshots", test_screenshots);

  return weft_test_run ();
}
