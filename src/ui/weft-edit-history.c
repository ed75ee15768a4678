/* weft-edit-history.c: what the inspector shows below an item's fields
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "weft-edit-form.h"
#include "weft-edit-history.h"
#include "weft-history.h"

/* A button in @buttons, rows of two of the same width. */
static void
add_button (GtkWidget  *buttons,
            const char *label,
            const char *action,
            GVariant   *target)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);
  GtkWidget *row = gtk_widget_get_last_child (buttons);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  if (target != NULL)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  gtk_widget_set_hexpand (button, TRUE);
  if (row == NULL || gtk_widget_get_first_child (row) != gtk_widget_get_last_child (row))
    {
      row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_box_set_homogeneous (GTK_BOX (row), TRUE);
      gtk_box_append (GTK_BOX (buttons), row);
    }
  gtk_box_append (GTK_BOX (row), button);
}

/* "2024-05-01T09:30:00Z" as the user's locale writes a date and time. */
static char *
format_time (const char *at)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (at, NULL);
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  return local ? g_date_time_format (local, "%x %X") : g_strdup (at);
}

static const char *
action_label (WeftHistoryAction action)
{
  switch (action)
    {
    case WEFT_HISTORY_CREATED: return _("created");
    case WEFT_HISTORY_MERGED: return _("merged");
    case WEFT_HISTORY_IMPORTED: return _("imported");
    case WEFT_HISTORY_CHANGED:
    case WEFT_N_HISTORY_ACTIONS:
    default:
      return _("changed");
    }
}

static GtkWidget *
history_line (const WeftHistoryEntry *entry)
{
  g_autofree char *when = format_time (entry->at);
  g_autoptr(GString) what = g_string_new (action_label (entry->action));
  g_autofree char *line = NULL;
  GtkWidget *label;

  for (guint i = 0; entry->fields != NULL && entry->fields[i] != NULL; i++)
    {
      g_string_append (what, i == 0 ? ": " : ", ");
      g_string_append (what, weft_edit_member_label (entry->fields[i]));
    }
  if (entry->note != NULL)
    g_string_append_printf (what, " (%s)", entry->note);
  /* Translators: one change in an item's history: "5/1/24 09:30 · Ada Lovelace · changed: Name, Date" */
  line = g_strdup_printf (_("%s · %s · %s"), when, entry->by, what->str);
  label = gtk_label_new (line);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_focusable (label, FALSE);
  gtk_widget_add_css_class (label, "caption");
  return label;
}

GtkWidget *
weft_edit_history_new (WeftItem *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  const WeftHistoryEntry *entries;
  guint n = 0;

  gtk_widget_set_margin_top (box, 12);
  gtk_box_append (GTK_BOX (box), buttons);

  if (item == NULL)
    {
      static const WeftItemType types[] = {
        WEFT_ITEM_ENTITY, WEFT_ITEM_EVENT, WEFT_ITEM_CLAIM, WEFT_ITEM_RELATION, WEFT_ITEM_SOURCE, WEFT_ITEM_ERA,
      };
      static const char * const nicks[] = { "entity", "event", "claim", "relation", "source", "era" };

      for (guint i = 0; i < G_N_ELEMENTS (types); i++)
        {
          add_button (buttons, weft_edit_type_label (types[i], TRUE), "edit.new-item", g_variant_new_string (nicks[i]));
        }
      add_button (buttons, _("New Claim from _Quote…"), "edit.quote", NULL);
      add_button (buttons, _("New _Dataset…"), "edit.new-dataset", NULL);
      return box;
    }

  add_button (buttons, _("_Edit"), "edit.edit", NULL);
  add_button (buttons, _("_Delete…"), "edit.delete", NULL);
  if (item->type == WEFT_ITEM_ENTITY)
    add_button (buttons, _("_Merge…"), "edit.merge", NULL);

  entries = weft_item_get_history (item, &n);
  if (n > 0)
    {
      GtkWidget *heading = gtk_label_new (_("History"));

      gtk_widget_add_css_class (heading, "caption-heading");
      gtk_widget_add_css_class (heading, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_widget_set_margin_top (heading, 6);
      gtk_box_append (GTK_BOX (box), heading);
    }
  /* Most recent first. */
  for (guint i = n; i > 0; i--)
    gtk_box_append (GTK_BOX (box), history_line (&entries[i - 1]));
  return box;
}
