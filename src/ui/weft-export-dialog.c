/* weft-export-dialog.c: what an export of the timeline draws
 *
 * An AdwMessageDialog with a group of rows: the range (a combo row), the
 * width in pixels (a spin button), the legend and the title (switches).
 * It maps them onto WeftTimelineExportOptions; weft-views.c asks for the
 * file and writes it.
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "weft-export-dialog.h"
#include "weft-timeline-view.h"

#define DEFAULT_WIDTH 1600

struct _WeftExportDialog
{
  AdwMessageDialog  parent_instance;

  WeftSession      *session;
  GtkWidget        *timeline;
  AdwComboRow      *range;
  GtkSpinButton    *width;
  GtkSwitch        *legend;
  GtkSwitch        *heading;
  gboolean          has_window;
};

G_DEFINE_FINAL_TYPE (WeftExportDialog, weft_export_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
weft_export_dialog_dispose (GObject *object)
{
  WeftExportDialog *self = WEFT_EXPORT_DIALOG (object);

  g_clear_object (&self->session);
  g_clear_object (&self->timeline);

  G_OBJECT_CLASS (weft_export_dialog_parent_class)->dispose (object);
}

static void
weft_export_dialog_class_init (WeftExportDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = weft_export_dialog_dispose;
}

static void
weft_export_dialog_init (WeftExportDialog *self)
{
}

/* A row of the group: @title, and @widget at its end, which it activates. */
static void
add_row (AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle,
         GtkWidget           *widget)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), widget);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), widget);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
  adw_preferences_group_add (group, row);
}

GtkWidget *
weft_export_dialog_new (GtkWindow   *parent,
                        WeftSession *session,
                        GtkWidget   *timeline)
{
  WeftExportDialog *self;
  GtkWidget *group = adw_preferences_group_new ();
  g_autoptr(GtkStringList) ranges = gtk_string_list_new (NULL);
  gint64 lower, upper;

  g_return_val_if_fail (WEFT_IS_SESSION (session), NULL);
  g_return_val_if_fail (WEFT_IS_TIMELINE_VIEW (timeline), NULL);

  self = g_object_new (WEFT_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "heading", _("Export the Timeline"),
                       "body", _("Choose what the picture shows; the file’s name then decides its format: SVG, PNG or PDF."),
                       NULL);
  self->session = g_object_ref (session);
  self->timeline = g_object_ref (timeline);
  self->has_window = weft_session_get_window (session, &lower, &upper);

  gtk_string_list_append (ranges, _("Everything"));
  gtk_string_list_append (ranges, _("What Is Visible"));
  if (self->has_window)
    gtk_string_list_append (ranges, _("The Time Window"));
  self->range = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_combo_row_set_model (self->range, G_LIST_MODEL (ranges));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->range), _("_Range"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->range), TRUE);
  adw_combo_row_set_selected (self->range, self->has_window ? WEFT_EXPORT_RANGE_WINDOW : WEFT_EXPORT_RANGE_VISIBLE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->range));

  self->width = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (400, 10000, 100));
  gtk_spin_button_set_value (self->width, DEFAULT_WIDTH);
  add_row (ADW_PREFERENCES_GROUP (group), _("_Width"), _("In pixels; the height follows the lanes"), GTK_WIDGET (self->width));
  self->legend = GTK_SWITCH (gtk_switch_new ());
  gtk_switch_set_active (self->legend, TRUE);
  add_row (ADW_PREFERENCES_GROUP (group), _("_Legend"), _("What the shapes and colours mean"), GTK_WIDGET (self->legend));
  self->heading = GTK_SWITCH (gtk_switch_new ());
  gtk_switch_set_active (self->heading, TRUE);
  add_row (ADW_PREFERENCES_GROUP (group), _("_Title"), _("The dataset’s title and the dates shown"), GTK_WIDGET (self->heading));

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), group);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Cancel"),
                                    "export", _("_Export…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "export", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "export");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");
  return GTK_WIDGET (self);
}

GtkWidget *
weft_export_dialog_get_timeline (WeftExportDialog *self)
{
  g_return_val_if_fail (WEFT_IS_EXPORT_DIALOG (self), NULL);
  return self->timeline;
}

WeftExportRange
weft_export_dialog_get_range (WeftExportDialog *self)
{
  g_return_val_if_fail (WEFT_IS_EXPORT_DIALOG (self), WEFT_EXPORT_RANGE_ALL);
  return (WeftExportRange) adw_combo_row_get_selected (self->range);
}

void
weft_export_dialog_set_range (WeftExportDialog *self,
                              WeftExportRange   range)
{
  g_return_if_fail (WEFT_IS_EXPORT_DIALOG (self));
  g_return_if_fail (range != WEFT_EXPORT_RANGE_WINDOW || self->has_window);
  adw_combo_row_set_selected (self->range, range);
}

/* The keys of the lanes the view shows folded, or NULL. */
static GHashTable *
dup_collapsed (WeftTimelineView *view)
{
  const WeftTimelineFrame *frame = weft_timeline_view_get_frame (view);
  GHashTable *collapsed = NULL;

  for (guint i = 0; frame != NULL && i < frame->lanes->len; i++)
    {
      const WeftTimelineLaneBox *box = &g_array_index (frame->lanes, WeftTimelineLaneBox, i);

      if (!box->collapsed)
        continue;
      if (collapsed == NULL)
        collapsed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_add (collapsed, g_strdup (weft_timeline_index_get_lane (frame->index, box->lane)->key));
    }
  return collapsed;
}

void
weft_export_dialog_get_options (WeftExportDialog          *self,
                                WeftTimelineExportOptions *options)
{
  WeftTimelineView *view;
  double lower, upper;
  gint64 from, to;

  g_return_if_fail (WEFT_IS_EXPORT_DIALOG (self));

  view = WEFT_TIMELINE_VIEW (self->timeline);
  weft_timeline_export_options_init (options, weft_session_get_dataset (self->session));
  weft_timeline_lanes_from_string (weft_timeline_view_get_lanes (view), &options->lanes);
  options->width = (guint) gtk_spin_button_get_value_as_int (self->width);
  options->legend = gtk_switch_get_active (self->legend);
  options->heading = gtk_switch_get_active (self->heading);

  switch (weft_export_dialog_get_range (self))
    {
    case WEFT_EXPORT_RANGE_VISIBLE:
      weft_timeline_view_get_span (view, &lower, &upper);
      options->has_from = options->has_to = TRUE;
      options->from = (gint64) floor (lower);
      options->to = MAX ((gint64) ceil (upper) - 1, options->from);
      g_object_set_data_full (G_OBJECT (self), "weft-collapsed", dup_collapsed (view),
                              (GDestroyNotify) g_hash_table_unref);
      options->collapsed = g_object_get_data (G_OBJECT (self), "weft-collapsed");
      break;
    case WEFT_EXPORT_RANGE_WINDOW:
      if (weft_session_get_window (self->session, &from, &to))
        {
          options->has_from = options->has_to = TRUE;
          options->from = from;
          options->to = to;
        }
      break;
    case WEFT_EXPORT_RANGE_ALL:
    default:
      break;
    }
}

char *
weft_safe_file_name (const char *title)
{
  g_autoptr(GString) name = g_string_new (NULL);
  gboolean space = FALSE;

  if (title == NULL || !g_utf8_validate (title, -1, NULL))
    return NULL;
  for (const char *p = title; *p != '\0' && g_utf8_strlen (name->str, -1) < 80; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Slashes, backslashes and what Windows forbids are spaces; control
       * characters and leading dots go. */
      if (c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' ||
          c == '<' || c == '>' || c == '|' || g_unichar_isspace (c))
        {
          space = name->len > 0;
          continue;
        }
      if (g_unichar_iscntrl (c) || (c == '.' && name->len == 0))
        continue;
      if (space)
        g_string_append_c (name, ' ');
      space = FALSE;
      g_string_append_unichar (name, c);
    }
  while (name->len > 0 && name->str[name->len - 1] == '.')
    g_string_truncate (name, name->len - 1);
  return name->len > 0 ? g_string_free (g_steal_pointer (&name), FALSE) : NULL;
}

char *
weft_export_dialog_dup_file_name (WeftExportDialog *self)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (WEFT_IS_EXPORT_DIALOG (self), NULL);

  name = weft_safe_file_name (weft_dataset_get_title (weft_session_get_dataset (self->session)));
  return name != NULL ? g_strconcat (name, ".svg", NULL) : g_strdup ("timeline.svg");
}
