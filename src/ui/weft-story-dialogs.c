/* weft-story-dialogs.c: which story to present, and Add to Story
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "weft-edit-controller.h"
#include "weft-save-view-dialog.h"
#include "weft-saved-views.h"
#include "weft-story-dialogs.h"
#include "weft-view-state.h"

static WeftDataset *
dataset_of (WeftWindow *window)
{
  return weft_session_get_dataset (weft_window_get_session (window));
}

/* ---- Choosing a story ------------------------------------------------------ */

static void
on_story_chosen (AdwMessageDialog *dialog,
                 GtkListBoxRow    *row)
{
  GtkWindow *window = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  const char *id = g_object_get_data (G_OBJECT (row), "weft-id");

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.present-story", "s", id != NULL ? id : "");
}

static GtkWidget *
story_row (GtkWidget  *list,
           const char *title,
           const char *subtitle,
           const char *id)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "weft-id", g_strdup (id), g_free);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return row;
}

AdwMessageDialog *
weft_story_chooser_present (WeftWindow *window)
{
  WeftDataset *dataset = dataset_of (window);
  GPtrArray *stories = weft_dataset_get_stories (dataset);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (window), _("Present"), NULL));
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *first;

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_size_request (list, 360, -1);
  first = story_row (list, _("Every Event in Date Order"), _("One step for each event"), NULL);
  for (guint i = 0; i < stories->len; i++)
    {
      WeftStory *story = g_ptr_array_index (stories, i);
      g_autofree char *steps = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "A story of %u step",
                                                             "A story of %u steps", story->n_steps), story->n_steps);

      story_row (list, weft_view_state_item_title (&story->item), steps, story->item.id);
    }
  g_signal_connect_swapped (list, "row-activated", G_CALLBACK (on_story_chosen), dialog);
  adw_message_dialog_set_body (dialog, _("Present every event in date order, or one of the dataset’s stories."));
  adw_message_dialog_set_extra_child (dialog, list);
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (first);
  return dialog;
}

/* ---- Add to Story ------------------------------------------------------------ */

/* Adds to the story chosen (or a new one) a step: a new view of what the
 * window shows, or the selected event. */
static void
on_add_response (AdwMessageDialog *dialog,
                 const char       *response)
{
  WeftWindow *window = WEFT_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  WeftEditController *editor = weft_window_get_editor (window);
  WeftUndoStack *stack = editor != NULL ? weft_edit_controller_get_undo_stack (editor) : NULL;
  WeftDataset *dataset = dataset_of (window);
  GtkDropDown *which = g_object_get_data (G_OBJECT (dialog), "weft-story");
  GtkEditable *title = g_object_get_data (G_OBJECT (dialog), "weft-title");
  GtkEditable *note = g_object_get_data (G_OBJECT (dialog), "weft-note");
  WeftItem *selection = weft_session_get_selection (weft_window_get_session (window));
  GPtrArray *stories;
  guint chosen = gtk_drop_down_get_selected (which);
  g_autoptr(WeftEdit) edit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *view_title = NULL;
  WeftStory *story;
  WeftView *view = NULL;
  gboolean ok = TRUE;

  if (g_str_equal (response, "cancel") || stack == NULL || dataset == NULL)
    return;
  stories = weft_dataset_get_stories (dataset);
  edit = weft_undo_stack_begin (stack, _("Add to Story"));
  if (chosen < stories->len)
    story = g_ptr_array_index (stories, chosen);
  else
    {
      const char *name = gtk_editable_get_text (title);
      g_autofree char *id = NULL;

      if (name[0] == '\0')
        name = _("New Story");
      id = weft_dataset_dup_new_id (dataset, WEFT_ITEM_STORY, name);
      story = (WeftStory *) weft_edit_create (edit, WEFT_ITEM_STORY, id, &error);
      ok = story != NULL && weft_edit_set (edit, &story->item, "title", name, &error);
    }
  if (ok && g_str_equal (response, "view"))
    {
      view_title = weft_view_state_dup_title (window);
      view = weft_view_state_create (window, edit, view_title, NULL, &error);
      ok = view != NULL;
    }
  ok = ok && weft_edit_add_story_step (edit, story, G_MAXUINT, view != NULL ? view->item.id : NULL,
                                       view == NULL && selection != NULL ? selection->id : NULL,
                                       gtk_editable_get_text (note)[0] != '\0' ? gtk_editable_get_text (note) : NULL,
                                       &error);
  if (ok)
    ok = weft_undo_stack_commit (stack, edit, &error);
  else
    weft_edit_cancel (edit);
  if (!ok)
    weft_window_show_notice (window, error->message, NULL, NULL);
}

static void
on_story_selected (AdwMessageDialog *dialog)
{
  GtkDropDown *which = g_object_get_data (G_OBJECT (dialog), "weft-story");
  GtkWidget *title = g_object_get_data (G_OBJECT (dialog), "weft-title");
  GListModel *model = gtk_drop_down_get_model (which);

  /* The new story's title, only for a new story (the last choice). */
  gtk_widget_set_visible (title, gtk_drop_down_get_selected (which) + 1 >= g_list_model_get_n_items (model));
}

AdwMessageDialog *
weft_add_to_story_present (WeftWindow *window)
{
  WeftDataset *dataset = dataset_of (window);
  GPtrArray *stories = weft_dataset_get_stories (dataset);
  WeftItem *selection = weft_session_get_selection (weft_window_get_session (window));
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (window), _("Add to Story"), NULL));
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *which;

  for (guint i = 0; i < stories->len; i++)
    gtk_string_list_append (names, weft_view_state_item_title (g_ptr_array_index (stories, i)));
  gtk_string_list_append (names, _("New Story"));
  which = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  gtk_widget_set_valign (which, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Story"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), which);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), which);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_size_request (list, 360, -1);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  g_object_set_data (G_OBJECT (dialog), "weft-story", which);
  g_object_set_data (G_OBJECT (dialog), "weft-title", weft_entry_row_append (list, _("New Story’s _Title"), NULL));
  g_object_set_data (G_OBJECT (dialog), "weft-note", weft_entry_row_append (list, _("_Note"), NULL));
  g_signal_connect_swapped (which, "notify::selected", G_CALLBACK (on_story_selected), dialog);
  on_story_selected (dialog);

  adw_message_dialog_set_body (dialog, _("Adds a step to a story: what both panes show now, kept as a new saved view, "
                                         "or the selected event."));
  adw_message_dialog_set_extra_child (dialog, list);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "event", _("Add the _Event"),
                                    "view", _("Add the _View"), NULL);
  adw_message_dialog_set_response_enabled (dialog, "event", selection != NULL && selection->type == WEFT_ITEM_EVENT);
  adw_message_dialog_set_response_appearance (dialog, "view", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "view");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_add_response), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

void
weft_add_to_story_set (AdwMessageDialog *dialog,
                       guint             story,
                       const char       *title,
                       const char       *note)
{
  GtkDropDown *which = g_object_get_data (G_OBJECT (dialog), "weft-story");

  gtk_drop_down_set_selected (which, MIN (story, g_list_model_get_n_items (gtk_drop_down_get_model (which)) - 1));
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "weft-title"), title != NULL ? title : "");
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "weft-note"), note != NULL ? note : "");
}
