/* weft-edit-form.c: the form that creates or changes one item
 *
 * Built from the item type's member table, so every member the format has
 * gets a field, in the order the file saves them. What a field holds is
 * read back as one string (its "value"): the form applies a field only
 * when that string differs from the one it started with.
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-ui"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "weft-edit-form.h"
#include "weft-edit-picker.h"
#include "weft-members.h"
#include "weft-present.h"

/* Between the members of a list's element, and between elements, in a
 * field's value. */
#define PART_SEPARATOR "\x1f"
#define ELEMENT_SEPARATOR "\x1e"

typedef struct {
  const WeftMember *member;
  GtkWidget        *widget;    /* entry row, combo row, picker, or the list */
  GtkWidget        *preview;   /* DATE: the plain-words reading */
  char             *initial;
} Field;

struct _WeftEditForm
{
  GtkBox          parent_instance;

  WeftUndoStack  *stack;
  WeftItemType    type;
  WeftItem       *item;
  GArray         *fields;      /* of Field */
  GtkWidget      *rows;        /* the boxed list of single fields */
  GtkWidget      *error_label;
  gboolean        finished;
};

G_DEFINE_FINAL_TYPE (WeftEditForm, weft_edit_form, GTK_TYPE_BOX)

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const struct {
  const char *member;
  const char *label;
} member_labels[] = {
  { "id", N_("Identifier") },
  { "title", N_("Title") },
  { "publisher", N_("Publisher") },
  { "author", N_("Author") },
  { "date", N_("Date") },
  { "url", N_("Link") },
  { "kind", N_("Kind") },
  { "cited_by", N_("Cited by") },
  { "name", N_("Name") },
  { "aliases", N_("Other names") },
  { "description", N_("Description") },
  { "tags", N_("Tags") },
  { "country", N_("Country") },
  { "participants", N_("Participants") },
  { "claims", N_("Claims") },
  { "group", N_("Group") },
  { "text", N_("Text") },
  { "status", N_("Status") },
  { "claimant", N_("Claimant") },
  { "about", N_("About") },
  { "citations", N_("Citations") },
  { "from", N_("From") },
  { "to", N_("To") },
  { "type", N_("Type") },
  { "label", N_("Label") },
  { "color", N_("Color") },
  { "entity", N_("Entity") },
  { "role", N_("Role") },
  { "source", N_("Source") },
  { "quote", N_("Quote") },
  { "locator", N_("Where in the source") },
  { "history", N_("History") },
};

/* Whole phrases, so that each language can agree with the type. */
static const struct {
  WeftItemType  type;
  const char   *new_label;
  const char   *edit_label;
} type_labels[] = {
  { WEFT_ITEM_ENTITY, N_("New Entity"), N_("Edit Entity") },
  { WEFT_ITEM_EVENT, N_("New Event"), N_("Edit Event") },
  { WEFT_ITEM_CLAIM, N_("New Claim"), N_("Edit Claim") },
  { WEFT_ITEM_RELATION, N_("New Relation"), N_("Edit Relation") },
  { WEFT_ITEM_SOURCE, N_("New Source"), N_("Edit Source") },
  { WEFT_ITEM_ERA, N_("New Era"), N_("Edit Era") },
};

const char *
weft_edit_type_label (WeftItemType type,
                      gboolean     is_new)
{
  for (guint i = 0; i < G_N_ELEMENTS (type_labels); i++)
    if (type_labels[i].type == type)
      return _(is_new ? type_labels[i].new_label : type_labels[i].edit_label);
  return weft_item_type_label (type);
}

const char *
weft_edit_member_label (const char *member)
{
  for (guint i = 0; i < G_N_ELEMENTS (member_labels); i++)
    if (g_str_equal (member_labels[i].member, member))
      return _(member_labels[i].label);
  return member;
}

static WeftDataset *
dataset_of (WeftEditForm *self)
{
  return weft_undo_stack_get_dataset (self->stack);
}

/* ---- Values of widgets -------------------------------------------------- */

static gboolean
is_list (const WeftMember *m)
{
  return m->type == WEFT_MEMBER_OBJECTS || (m->type == WEFT_MEMBER_STRINGS && m->reference);
}

static const char *
enum_label (const WeftMember *m,
            guint             value)
{
  if (m->names == weft_member_lookup (weft_item_members (WEFT_ITEM_ENTITY), "kind")->names)
    return weft_entity_kind_label (value);
  if (m->names == weft_member_lookup (weft_item_members (WEFT_ITEM_CLAIM), "status")->names)
    return weft_claim_status_label (value);
  return m->names[value];
}

/* The value of one widget: an entry's text, a picker's id, an enum's name. */
static char *
widget_value (GtkWidget *widget)
{
  const WeftMember *m = g_object_get_data (G_OBJECT (widget), "weft-member");

  if (GTK_IS_DROP_DOWN (widget))
    return g_strdup (weft_edit_picker_get_id (widget) ? weft_edit_picker_get_id (widget) : "");
  if (ADW_IS_COMBO_ROW (widget))
    {
      guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (widget));

      return g_strdup (m != NULL && selected < g_strv_length ((char **) m->names) ? m->names[selected] : "");
    }
  if (GTK_IS_EDITABLE (widget))
    return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget))));
  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
    }
  return g_strdup ("");
}

static gboolean
widget_fill (GtkWidget  *widget,
             const char *value)
{
  const WeftMember *m = g_object_get_data (G_OBJECT (widget), "weft-member");

  if (GTK_IS_DROP_DOWN (widget))
    return weft_edit_picker_set_id (widget, value[0] ? value : NULL);
  if (ADW_IS_COMBO_ROW (widget))
    {
      for (guint i = 0; m != NULL && m->names[i] != NULL; i++)
        if (g_str_equal (m->names[i], value))
          {
            adw_combo_row_set_selected (ADW_COMBO_ROW (widget), i);
            return TRUE;
          }
      return FALSE;
    }
  if (GTK_IS_EDITABLE (widget))
    {
      gtk_editable_set_text (GTK_EDITABLE (widget), value);
      return TRUE;
    }
  if (GTK_IS_TEXT_VIEW (widget))
    {
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), value, -1);
      return TRUE;
    }
  return FALSE;
}

/* The widgets of a list's element row, in its members' order. */
static GPtrArray *
row_parts (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "weft-parts");
}

static char *
field_value (Field *field)
{
  GString *out;

  if (!is_list (field->member))
    return widget_value (field->widget);

  out = g_string_new (NULL);
  for (GtkWidget *row = gtk_widget_get_first_child (field->widget); row; row = gtk_widget_get_next_sibling (row))
    {
      GPtrArray *parts = row_parts (row);

      if (parts == NULL)
        continue;
      if (out->len > 0)
        g_string_append (out, ELEMENT_SEPARATOR);
      for (guint i = 0; i < parts->len; i++)
        {
          g_autofree char *part = widget_value (g_ptr_array_index (parts, i));

          if (i > 0)
            g_string_append (out, PART_SEPARATOR);
          g_string_append (out, part);
        }
    }
  return g_string_free (out, FALSE);
}

/* ---- Building ----------------------------------------------------------- */

static void
on_activate (WeftEditForm *self)
{
  weft_edit_form_commit (self, NULL);
}

static void
update_date_preview (WeftEditForm *self,
                     GtkEditable  *entry)
{
  Field *field = NULL;
  const char *text = gtk_editable_get_text (entry);
  g_autoptr(GError) error = NULL;
  g_autofree char *reading = NULL;
  WeftDate date;

  for (guint i = 0; i < self->fields->len; i++)
    if (g_array_index (self->fields, Field, i).widget == GTK_WIDGET (entry))
      field = &g_array_index (self->fields, Field, i);
  if (field == NULL || field->preview == NULL)
    return;

  if (text[0] == '\0')
    reading = g_strdup (_("An EDTF date: 2021, 2021-10, 2020-01-15, 2004? (uncertain), 2000~ (about), 2017/2021"));
  else if (weft_date_parse (text, &date, NULL, &error))
    reading = weft_present_date_words (&date);
  else
    reading = g_strdup (error->message);

  gtk_widget_set_visible (field->preview, TRUE);
  gtk_label_set_text (GTK_LABEL (field->preview), reading);
  if (error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, reading, -1);
}

/* The calendar beside a date, for a day picked rather than typed. */
static void
on_day_picked (GtkCalendar *calendar,
               GtkEditable *entry)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (day, "%Y-%m-%d");

  gtk_editable_set_text (entry, text);
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER)));
}

static GtkWidget *
calendar_button (GtkWidget *entry)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_tooltip_text (button, _("Pick a Day"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pick a Day"), -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  g_signal_connect (calendar, "day-selected", G_CALLBACK (on_day_picked), entry);
  return button;
}

static void clear_error (WeftEditForm *self);

GtkWidget *
weft_edit_text_view_new (const char *label)
{
  GtkWidget *view = gtk_text_view_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE, -1);
  return view;
}

/* @row (NULL: a new one), a row of a boxed list that only holds @child,
 * @vertical and @horizontal pixels from its edges; nothing to activate. */
static GtkWidget *
plain_row (GtkWidget *row,
           GtkWidget *child,
           int        vertical,
           int        horizontal)
{
  if (row == NULL)
    row = gtk_list_box_row_new ();
  gtk_widget_set_margin_top (child, vertical);
  gtk_widget_set_margin_bottom (child, vertical);
  gtk_widget_set_margin_start (child, horizontal);
  gtk_widget_set_margin_end (child, horizontal);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), child);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

/* Text that may run over lines, as the format allows: a claim's text, a
 * citation's quote. */
static gboolean
is_multiline (const WeftMember *m)
{
  return m->type == WEFT_MEMBER_STRING && (g_str_equal (m->name, "quote") || g_str_equal (m->name, "text"));
}

/* Ctrl+Enter commits from a multi-line field, where Enter starts a line. */
static gboolean
on_multiline_key (GtkEventControllerKey *controller,
                  guint                  keyval,
                  guint                  keycode,
                  GdkModifierType        state,
                  WeftEditForm          *self)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter)
      && (state & GDK_CONTROL_MASK) != 0)
    {
      weft_edit_form_commit (self, NULL);
      return TRUE;
    }
  return FALSE;
}

/* A text view of a few lines under its @label, in a frame; the view is
 * the field's widget, the box around it (its "weft-outer") what is shown. */
static GtkWidget *
multiline_widget (WeftEditForm *self,
                  const char   *label)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *caption = gtk_label_new (label);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = weft_edit_text_view_new (label);
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_widget_set_size_request (view, -1, 64);
  gtk_widget_set_hexpand (view, TRUE);
  gtk_widget_set_tooltip_text (view, _("Enter starts a new line; Ctrl+Enter applies the form"));
  gtk_event_controller_set_name (keys, "weft-commit");
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_multiline_key), self);
  gtk_widget_add_controller (view, keys);
  g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed", G_CALLBACK (clear_error),
                            self);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (GTK_BOX (outer), caption);
  gtk_box_append (GTK_BOX (outer), frame);
  g_object_set_data (G_OBJECT (view), "weft-outer", outer);
  return view;
}

static GtkWidget *
part_widget (WeftEditForm     *self,
             const WeftMember *m,
             gboolean          optional)
{
  const char *label = weft_edit_member_label (m->name);
  GtkWidget *widget;

  if (m->reference)
    widget = weft_edit_picker_new (dataset_of (self), m->refers_to, optional, label);
  else if (is_multiline (m))
    widget = multiline_widget (self, label);
  else
    {
      widget = gtk_entry_new ();
      gtk_entry_set_placeholder_text (GTK_ENTRY (widget), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_widget_set_hexpand (widget, TRUE);
      g_signal_connect_swapped (widget, "activate", G_CALLBACK (on_activate), self);
    }
  g_object_set_data (G_OBJECT (widget), "weft-member", (gpointer) m);
  return widget;
}

static void
on_remove_row (GtkWidget *button,
               GtkWidget *row)
{
  GtkWidget *list = gtk_widget_get_parent (row);
  GtkWidget *next = gtk_widget_get_next_sibling (row) ? gtk_widget_get_next_sibling (row)
                                                      : gtk_widget_get_prev_sibling (row);

  /* Focus is never left on a widget about to go. */
  if (next != NULL)
    gtk_widget_child_focus (next, GTK_DIR_TAB_FORWARD);
  gtk_list_box_remove (GTK_LIST_BOX (list), row);
}

/* A row of a list: one widget per member of the element (or one picker
 * for a list of ids) and a button that removes it. */
static GtkWidget *
add_list_row (WeftEditForm *self,
              Field        *field)
{
  const WeftMember *m = field->member;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *parts_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  GPtrArray *parts = g_ptr_array_new ();
  g_autofree char *remove_label = NULL;

  if (m->type == WEFT_MEMBER_OBJECTS)
    for (guint i = 0; i < m->table->n_members; i++)
      g_ptr_array_add (parts, part_widget (self, &m->table->members[i], !m->table->members[i].required));
  else
    {
      /* A list of ids: one picker, named after the list. */
      GtkWidget *picker = weft_edit_picker_new (dataset_of (self), m->refers_to, FALSE, weft_edit_member_label (m->name));

      g_object_set_data (G_OBJECT (picker), "weft-member", (gpointer) m);
      g_ptr_array_add (parts, picker);
    }
  for (guint i = 0; i < parts->len; i++)
    {
      GtkWidget *part = g_ptr_array_index (parts, i);
      GtkWidget *outer = g_object_get_data (G_OBJECT (part), "weft-outer");

      gtk_box_append (GTK_BOX (parts_box), outer ? outer : part);
    }
  gtk_widget_set_hexpand (parts_box, TRUE);
  g_object_set_data_full (G_OBJECT (row), "weft-parts", parts, (GDestroyNotify) g_ptr_array_unref);

  /* Translators: the button that removes one participant, citation… */
  remove_label = g_strdup_printf (_("Remove from %s"), weft_edit_member_label (m->name));
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_row), row);

  gtk_box_append (GTK_BOX (box), parts_box);
  gtk_box_append (GTK_BOX (box), remove);
  plain_row (row, box, 6, 6);
  gtk_list_box_append (GTK_LIST_BOX (field->widget), row);
  return row;
}

static void
on_add_row (GtkWidget    *button,
            WeftEditForm *self)
{
  GtkWidget *list = g_object_get_data (G_OBJECT (button), "weft-list");

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = &g_array_index (self->fields, Field, i);

      if (field->widget == list)
        gtk_widget_child_focus (add_list_row (self, field), GTK_DIR_TAB_FORWARD);
    }
}

/* The value of @m in @item, as its field holds it. */
static void
fill_from_item (WeftEditForm *self,
                Field        *field)
{
  const WeftMember *m = field->member;
  gconstpointer base = self->item;

  switch (m->type)
    {
    case WEFT_MEMBER_STRING:
    case WEFT_MEMBER_DATE:
      {
        const char *value = WEFT_MEMBER_FIELD (base, m->offset, const char *);

        widget_fill (field->widget, value ? value : "");
        break;
      }
    case WEFT_MEMBER_ENUM:
      adw_combo_row_set_selected (ADW_COMBO_ROW (field->widget), WEFT_MEMBER_FIELD (base, m->offset, guint));
      break;
    case WEFT_MEMBER_STRINGS:
      {
        const char **values = WEFT_MEMBER_FIELD (base, m->offset, const char **);

        if (!m->reference)
          {
            g_autofree char *joined = values ? g_strjoinv ("; ", (char **) values) : g_strdup ("");

            widget_fill (field->widget, joined);
            break;
          }
        for (guint i = 0; values != NULL && values[i] != NULL; i++)
          {
            GtkWidget *row = add_list_row (self, field);

            widget_fill (g_ptr_array_index (row_parts (row), 0), values[i]);
          }
        break;
      }
    case WEFT_MEMBER_OBJECTS:
      {
        const guint8 *elements = WEFT_MEMBER_FIELD (base, m->offset, const guint8 *);
        guint n = WEFT_MEMBER_FIELD (base, m->length_offset, guint);

        for (guint i = 0; i < n; i++)
          {
            GtkWidget *row = add_list_row (self, field);
            GPtrArray *parts = row_parts (row);

            for (guint j = 0; j < m->table->n_members; j++)
              {
                const char *value = WEFT_MEMBER_FIELD (elements + i * m->table->size, m->table->members[j].offset,
                                                       const char *);

                widget_fill (g_ptr_array_index (parts, j), value ? value : "");
              }
          }
        break;
      }
    case WEFT_MEMBER_ITEMS:
    case WEFT_MEMBER_VERSION:
    default:
      break;
    }
}

/* What went wrong is said until the person changes something. */
static void
clear_error (WeftEditForm *self)
{
  gtk_widget_set_visible (self->error_label, FALSE);
}

GtkWidget *
weft_edit_boxed_list_new (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return list;
}

static void
add_field (WeftEditForm     *self,
           const WeftMember *m)
{
  const char *label = weft_edit_member_label (m->name);
  Field field = { m, NULL, NULL, NULL };

  if (is_list (m))
    {
      GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *title = gtk_label_new (label);
      GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");
      /* Translators: the button that adds a participant, a citation… */
      g_autofree char *add_label = g_strdup_printf (_("Add to %s"), label);

      gtk_widget_add_css_class (title, "heading");
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_widget_set_hexpand (title, TRUE);
      gtk_widget_set_tooltip_text (add, add_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, add_label, -1);
      gtk_widget_add_css_class (add, "flat");
      gtk_box_append (GTK_BOX (header), title);
      gtk_box_append (GTK_BOX (header), add);
      gtk_widget_set_margin_top (header, 6);
      gtk_box_append (GTK_BOX (self), header);

      field.widget = weft_edit_boxed_list_new ();
      gtk_accessible_update_property (GTK_ACCESSIBLE (field.widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data (G_OBJECT (add), "weft-list", field.widget);
      g_signal_connect (add, "clicked", G_CALLBACK (on_add_row), self);
      gtk_box_append (GTK_BOX (self), field.widget);
    }
  else if (m->type == WEFT_MEMBER_ENUM)
    {
      GtkStringList *names = gtk_string_list_new (NULL);

      for (guint i = 0; m->names[i] != NULL; i++)
        gtk_string_list_append (names, enum_label (m, i));
      field.widget = adw_combo_row_new ();
      adw_combo_row_set_model (ADW_COMBO_ROW (field.widget), G_LIST_MODEL (names));
      adw_combo_row_set_selected (ADW_COMBO_ROW (field.widget), m->fallback);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field.widget), label);
      g_object_unref (names);
      gtk_list_box_append (GTK_LIST_BOX (self->rows), field.widget);
    }
  else if (m->reference)
    {
      GtkWidget *row = adw_action_row_new ();

      field.widget = weft_edit_picker_new (dataset_of (self), m->refers_to, !m->required, label);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), field.widget);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), field.widget);
      gtk_list_box_append (GTK_LIST_BOX (self->rows), row);
    }
  else if (is_multiline (m))
    {
      GtkWidget *row;

      field.widget = multiline_widget (self, label);
      row = plain_row (NULL, g_object_get_data (G_OBJECT (field.widget), "weft-outer"), 8, 12);
      gtk_widget_set_focusable (row, FALSE);
      gtk_list_box_append (GTK_LIST_BOX (self->rows), row);
    }
  else
    {
      /* Translators: a list typed in one field: "Tags, separated by ;" */
      g_autofree char *list_label = g_strdup_printf (_("%s, separated by ;"), label);

      field.widget = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field.widget),
                                     m->type == WEFT_MEMBER_STRINGS ? list_label : label);
      g_signal_connect_swapped (field.widget, "entry-activated", G_CALLBACK (on_activate), self);
      gtk_list_box_append (GTK_LIST_BOX (self->rows), field.widget);
      if (m->type == WEFT_MEMBER_DATE)
        {
          GtkWidget *row;

          field.preview = gtk_label_new (NULL);
          gtk_label_set_wrap (GTK_LABEL (field.preview), TRUE);
          gtk_label_set_xalign (GTK_LABEL (field.preview), 0);
          gtk_widget_add_css_class (field.preview, "caption");
          gtk_widget_add_css_class (field.preview, "dim-label");
          row = plain_row (NULL, field.preview, 6, 12);
          gtk_widget_set_focusable (row, FALSE);
          gtk_list_box_append (GTK_LIST_BOX (self->rows), row);
          g_signal_connect_swapped (field.widget, "changed", G_CALLBACK (update_date_preview), self);
          adw_entry_row_add_suffix (ADW_ENTRY_ROW (field.widget), calendar_button (field.widget));
        }
    }
  g_object_set_data (G_OBJECT (field.widget), "weft-member", (gpointer) m);
  if (GTK_IS_EDITABLE (field.widget))
    g_signal_connect_swapped (field.widget, "changed", G_CALLBACK (clear_error), self);
  g_array_append_val (self->fields, field);
}

/* ---- Applying ----------------------------------------------------------- */

static char **
split_list (const char *value,
            const char *separator)
{
  g_auto(GStrv) pieces = g_strsplit (value, separator, -1);
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; pieces[i] != NULL; i++)
    {
      char *piece = g_strstrip (g_strdup (pieces[i]));

      if (piece[0] != '\0')
        g_ptr_array_add (out, piece);
      else
        g_free (piece);
    }
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

/* Sets an array of objects from its field's value, through a struct of
 * the item's type that holds only it. */
static gboolean
apply_objects (WeftEdit          *edit,
               WeftItem          *item,
               const WeftMember  *m,
               const char        *value,
               GError           **error)
{
  const WeftMemberTable *table = m->table;
  g_auto(GStrv) elements = value[0] ? g_strsplit (value, ELEMENT_SEPARATOR, -1) : g_new0 (char *, 1);
  guint n = g_strv_length (elements);
  g_autofree guint8 *base = g_malloc0 (weft_item_members (item->type)->size);
  g_autofree guint8 *array = g_malloc0 (MAX (n, 1) * table->size);
  GPtrArray *strings = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  gboolean ok;

  for (guint i = 0; i < n; i++)
    {
      char **parts = g_strsplit (elements[i], PART_SEPARATOR, -1);

      g_ptr_array_add (strings, parts);
      for (guint j = 0; j < table->n_members && parts[j] != NULL; j++)
        if (parts[j][0] != '\0' || table->members[j].required)
          WEFT_MEMBER_FIELD (array + i * table->size, table->members[j].offset, const char *) = parts[j];
    }
  WEFT_MEMBER_FIELD (base, m->offset, gpointer) = n > 0 ? array : NULL;
  WEFT_MEMBER_FIELD (base, m->length_offset, guint) = n;
  ok = weft_edit_copy_member (edit, item, m->name, base, error);
  g_ptr_array_unref (strings);
  return ok;
}

static gboolean
apply_field (WeftEditForm *self,
             WeftEdit     *edit,
             WeftItem     *item,
             Field        *field,
             const char   *value,
             GError      **error)
{
  const WeftMember *m = field->member;

  switch (m->type)
    {
    case WEFT_MEMBER_STRING:
    case WEFT_MEMBER_DATE:
    case WEFT_MEMBER_ENUM:
      return weft_edit_set (edit, item, m->name, value[0] || m->required ? value : NULL, error);
    case WEFT_MEMBER_STRINGS:
      {
        g_auto(GStrv) values = split_list (value, m->reference ? ELEMENT_SEPARATOR : ";");

        return weft_edit_set_list (edit, item, m->name,
                                   values[0] != NULL || m->required ? (const char * const *) values : NULL, error);
      }
    case WEFT_MEMBER_OBJECTS:
      return apply_objects (edit, item, m, value, error);
    case WEFT_MEMBER_ITEMS:
    case WEFT_MEMBER_VERSION:
    default:
      return TRUE;
    }
}

static Field *
find_field (WeftEditForm *self,
            const char   *member)
{
  for (guint i = 0; i < self->fields->len; i++)
    if (g_str_equal (g_array_index (self->fields, Field, i).member->name, member))
      return &g_array_index (self->fields, Field, i);
  return NULL;
}

/* What a new item is called, for its id: its name, title or text. */
static char *
name_hint (WeftEditForm *self)
{
  static const char * const names[] = { "name", "title", "text", "type" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      Field *field = find_field (self, names[i]);

      if (field != NULL)
        {
          g_autofree char *value = field_value (field);

          if (value[0] != '\0')
            return g_steal_pointer (&value);
        }
    }
  return NULL;
}

static void
show_error (WeftEditForm *self,
            const char   *message)
{
  gtk_label_set_text (GTK_LABEL (self->error_label), message);
  gtk_widget_set_visible (self->error_label, message != NULL);
  if (message != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
}

static char *
edit_label (WeftEditForm *self)
{
  g_autofree char *hint = name_hint (self);
  const char *name = hint ? hint : weft_item_type_label (self->type);

  if (self->item == NULL)
    /* Translators: what Undo undoes: "Create Huawei" */
    return g_strdup_printf (_("Create %s"), name);
  /* Translators: what Undo undoes: "Change Huawei" */
  return g_strdup_printf (_("Change %s"), name);
}

gboolean
weft_edit_form_commit (WeftEditForm  *self,
                       GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *label = NULL;
  WeftEdit *edit;
  WeftItem *item = self->item;
  gboolean ok = TRUE;

  g_return_val_if_fail (WEFT_IS_EDIT_FORM (self), FALSE);

  if (self->finished)
    return TRUE;

  /* The "changed" signal the commit emits may rebuild what holds the form. */
  g_object_ref (self);
  label = edit_label (self);
  edit = weft_undo_stack_begin (self->stack, label);
  if (item == NULL)
    {
      Field *id_field = find_field (self, "id");
      g_autofree char *id = id_field ? field_value (id_field) : NULL;
      g_autofree char *hint = name_hint (self);

      if (id == NULL || id[0] == '\0')
        {
          g_free (id);
          id = weft_dataset_dup_new_id (dataset_of (self), self->type, hint);
        }
      item = weft_edit_create (edit, self->type, id, &local_error);
      ok = item != NULL;
    }

  for (guint i = 0; ok && i < self->fields->len; i++)
    {
      Field *field = &g_array_index (self->fields, Field, i);
      g_autofree char *value = field_value (field);

      if (g_str_equal (field->member->name, "id") && self->item == NULL)
        continue;
      if (g_strcmp0 (value, field->initial) == 0 && !(self->item == NULL && field->member->type == WEFT_MEMBER_ENUM))
        continue;
      ok = apply_field (self, edit, item, field, value, &local_error);
      if (!ok)
        g_prefix_error (&local_error, "%s: ", weft_edit_member_label (field->member->name));
    }

  if (ok)
    ok = weft_undo_stack_commit (self->stack, edit, &local_error);
  else
    weft_edit_cancel (edit);
  weft_edit_unref (edit);

  if (!ok)
    {
      show_error (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      g_object_unref (self);
      return FALSE;
    }

  self->item = item;
  self->finished = TRUE;
  g_signal_emit (self, signals[DONE], 0, TRUE);
  g_object_unref (self);
  return TRUE;
}

void
weft_edit_form_cancel (WeftEditForm *self)
{
  g_return_if_fail (WEFT_IS_EDIT_FORM (self));

  if (self->finished)
    return;
  self->finished = TRUE;
  g_signal_emit (self, signals[DONE], 0, FALSE);
}

static gboolean
on_escape (GtkWidget *widget,
           GVariant  *args,
           gpointer   data)
{
  weft_edit_form_cancel (WEFT_EDIT_FORM (widget));
  return TRUE;
}

/* ---- Object ------------------------------------------------------------- */

static void
weft_edit_form_dispose (GObject *object)
{
  WeftEditForm *self = WEFT_EDIT_FORM (object);

  g_clear_object (&self->stack);

  G_OBJECT_CLASS (weft_edit_form_parent_class)->dispose (object);
}

static void
weft_edit_form_finalize (GObject *object)
{
  WeftEditForm *self = WEFT_EDIT_FORM (object);

  for (guint i = 0; i < self->fields->len; i++)
    g_free (g_array_index (self->fields, Field, i).initial);
  g_array_unref (self->fields);

  G_OBJECT_CLASS (weft_edit_form_parent_class)->finalize (object);
}

static void
weft_edit_form_class_init (WeftEditFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = weft_edit_form_dispose;
  object_class->finalize = weft_edit_form_finalize;

  /* Emitted once, when the form was committed (TRUE) or cancelled. */
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, on_escape, NULL);
  gtk_widget_class_set_css_name (widget_class, "wefteditform");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_FORM);
}

static void
weft_edit_form_init (WeftEditForm *self)
{
  self->fields = g_array_new (FALSE, TRUE, sizeof (Field));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);
}

GtkWidget *
weft_edit_form_new (WeftUndoStack *stack,
                    WeftItemType   type,
                    WeftItem      *item)
{
  WeftEditForm *self = g_object_new (WEFT_TYPE_EDIT_FORM, NULL);
  const WeftMemberTable *table;
  GtkWidget *heading, *buttons, *cancel, *commit;
  const char *title;

  g_return_val_if_fail (WEFT_IS_UNDO_STACK (stack), NULL);

  self->stack = g_object_ref (stack);
  self->type = item ? item->type : type;
  self->item = item;
  table = weft_item_members (self->type);

  title = weft_edit_type_label (self->type, item == NULL);
  heading = gtk_label_new (title);
  gtk_widget_add_css_class (heading, "title-4");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_box_append (GTK_BOX (self), heading);

  self->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_box_append (GTK_BOX (self), self->error_label);

  self->rows = weft_edit_boxed_list_new ();
  gtk_box_append (GTK_BOX (self), self->rows);

  /* The item's fields: single values, the id last of them (a new item
   * gets one from its name), then lists; history is the inspector's to
   * show, not to edit. */
  for (guint pass = 0; pass < 3; pass++)
    for (guint i = 0; i < table->n_members; i++)
      {
        const WeftMember *m = &table->members[i];
        guint m_pass = is_list (m) ? 2 : g_str_equal (m->name, "id") ? 1 : 0;

        if (g_str_equal (m->name, "history") || m_pass != pass)
          continue;
        add_field (self, m);
      }

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = &g_array_index (self->fields, Field, i);

      if (item != NULL)
        fill_from_item (self, field);
      if (field->preview != NULL)
        update_date_preview (self, GTK_EDITABLE (field->widget));
      field->initial = item != NULL ? field_value (field) : g_strdup ("");
    }

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_margin_top (buttons, 6);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  commit = gtk_button_new_with_mnemonic (item ? _("_Save Changes") : _("C_reate"));
  gtk_widget_add_css_class (commit, "suggested-action");
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (weft_edit_form_cancel), self);
  g_signal_connect_swapped (commit, "clicked", G_CALLBACK (on_activate), self);
  gtk_box_append (GTK_BOX (buttons), cancel);
  gtk_box_append (GTK_BOX (buttons), commit);
  gtk_box_append (GTK_BOX (self), buttons);

  return GTK_WIDGET (self);
}

WeftItemType
weft_edit_form_get_item_type (WeftEditForm *self)
{
  return self->type;
}

WeftItem *
weft_edit_form_get_item (WeftEditForm *self)
{
  return self->item;
}

GtkWidget *
weft_edit_form_get_field (WeftEditForm *self,
                          const char   *member)
{
  Field *field = find_field (self, member);

  return field ? field->widget : NULL;
}

gboolean
weft_edit_form_fill (WeftEditForm *self,
                     const char   *member,
                     const char   *value)
{
  Field *field = find_field (self, member);
  g_auto(GStrv) elements = NULL;
  GtkWidget *row;

  if (field == NULL)
    return FALSE;
  if (!is_list (field->member))
    return widget_fill (field->widget, value);

  while ((row = gtk_widget_get_first_child (field->widget)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (field->widget), row);
  elements = value[0] ? g_strsplit (value, "\n", -1) : g_new0 (char *, 1);
  for (guint i = 0; elements[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (elements[i], "|", -1);
      GPtrArray *widgets = row_parts (add_list_row (self, field));

      for (guint j = 0; j < widgets->len && parts[j] != NULL; j++)
        if (!widget_fill (g_ptr_array_index (widgets, j), parts[j]))
          return FALSE;
    }
  return TRUE;
}

const char *
weft_edit_form_get_date_preview (WeftEditForm *self)
{
  Field *field = find_field (self, "date");

  if (field == NULL || field->preview == NULL)
    return NULL;
  if (gtk_editable_get_text (GTK_EDITABLE (field->widget))[0] == '\0')
    return "";
  return gtk_label_get_text (GTK_LABEL (field->preview));
}
