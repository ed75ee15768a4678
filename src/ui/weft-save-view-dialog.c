/* weft-save-view-dialog.c: Save View's question, and others like it
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "weft-save-view-dialog.h"
#include "weft-view-state.h"

GtkWidget *
weft_entry_row_append (GtkWidget  *list,
                       const char *label,
                       const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return row;
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response)
{
  WeftTextDialogDone done = (WeftTextDialogDone) g_object_get_data (G_OBJECT (dialog), "weft-done");
  GObject *owner = g_object_get_data (G_OBJECT (dialog), "weft-owner");
  GtkEditable *first = weft_text_dialog_get_entry (dialog, 0);
  GtkEditable *second = weft_text_dialog_get_entry (dialog, 1);

  if (g_str_equal (response, "accept"))
    done (owner, gtk_editable_get_text (first), second != NULL ? gtk_editable_get_text (second) : NULL);
}

/* Return in an entry answers the dialog. */
static void
on_entry_activated (AdwMessageDialog *dialog)
{
  adw_message_dialog_response (dialog, "accept");
}

AdwMessageDialog *
weft_text_dialog_present (GtkWindow          *parent,
                          const char         *heading,
                          const char         *accept,
                          const char         *first_label,
                          const char         *first,
                          const char         *second_label,
                          const char         *second,
                          WeftTextDialogDone  done,
                          GObject            *owner)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, NULL));
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row;

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_size_request (list, 320, -1);
  row = weft_entry_row_append (list, first_label, first);
  g_signal_connect_swapped (row, "entry-activated", G_CALLBACK (on_entry_activated), dialog);
  g_object_set_data (G_OBJECT (dialog), "weft-entry-0", row);
  if (second_label != NULL)
    {
      GtkWidget *note = weft_entry_row_append (list, second_label, second);

      g_signal_connect_swapped (note, "entry-activated", G_CALLBACK (on_entry_activated), dialog);
      g_object_set_data (G_OBJECT (dialog), "weft-entry-1", note);
    }
  adw_message_dialog_set_extra_child (dialog, list);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "accept", accept, NULL);
  adw_message_dialog_set_response_appearance (dialog, "accept", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "accept");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "weft-done", (gpointer) done);
  g_object_set_data_full (G_OBJECT (dialog), "weft-owner", g_object_ref (owner), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (row);
  return dialog;
}

GtkEditable *
weft_text_dialog_get_entry (AdwMessageDialog *dialog,
                            guint             index)
{
  g_autofree char *key = g_strdup_printf ("weft-entry-%u", index);

  return g_object_get_data (G_OBJECT (dialog), key);
}

static void
on_save_view (GObject    *owner,
              const char *title,
              const char *note)
{
  WeftWindow *window = WEFT_WINDOW (owner);
  g_autoptr(GError) error = NULL;
  g_autofree char *fallback = NULL;

  if (title == NULL || g_strstrip (fallback = g_strdup (title))[0] == '\0')
    {
      g_free (fallback);
      fallback = weft_view_state_dup_title (window);
    }
  if (weft_view_state_save (window, fallback, note, &error) == NULL)
    weft_window_show_notice (window, error->message, NULL, NULL);
}

AdwMessageDialog *
weft_save_view_dialog_present (WeftWindow *window)
{
  g_autofree char *title = weft_view_state_dup_title (window);
  AdwMessageDialog *dialog =
    weft_text_dialog_present (GTK_WINDOW (window), _("Save View"), _("_Save"),
                              _("_Title"), title, _("_Note"), NULL, on_save_view, G_OBJECT (window));

  adw_message_dialog_set_body (dialog, _("Keeps what both panes show now — focus, time window, filters, "
                                         "search, selection, zoom — in the dataset, to come back to from the sidebar."));
  gtk_editable_select_region (weft_text_dialog_get_entry (dialog, 0), 0, -1);
  return dialog;
}
