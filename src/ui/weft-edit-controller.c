/* weft-edit-controller.c: a window's editing, kept out of the window
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "weft-dataset-change.h"
#include "weft-dataset-diff.h"
#include "weft-document.h"
#include "weft-edit-controller.h"
#include "weft-edit-form.h"
#include "weft-edit-picker.h"
#include "weft-formats.h"
#include "weft-history.h"
#include "weft-inspector.h"
#include "weft-loader.h"
#include "weft-paths.h"
#include "weft-relation-popover.h"
#include "weft-window.h"

struct _WeftEditController
{
  GObject             parent_instance;

  GtkWindow          *window;       /* weak */
  WeftSession        *session;
  GtkWidget          *inspector;    /* weak, the window's */
  WeftDocument       *document;
  WeftUndoStack      *stack;        /* the document's */
  WeftDataset        *dataset;      /* the document's */
  gulong              changed_id;
  GSimpleActionGroup *actions;
  GtkWidget          *form;         /* weak */
  AdwMessageDialog   *dialog;       /* weak */
  GtkWidget          *popover;      /* weak: a relation's, on the graph */
  char               *author;
  WeftDocument       *adopt;        /* recovered, for the dataset shown next */
  GPtrArray          *recoverables; /* of WeftRecoverable, offered in turn */
  guint               offer_idle;   /* offer them once the first dataset shows */
  GSettings          *settings;
  gboolean            close_confirmed;
  gboolean            close_after_save;
  GFile              *open_after_save; /* asked to open it; saving comes first */
  gboolean            open_confirmed;  /* the next open goes ahead */
};

G_DEFINE_FINAL_TYPE (WeftEditController, weft_edit_controller, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct {
  const char   *nick;
  WeftItemType  type;
} item_types[] = {
  { "entity", WEFT_ITEM_ENTITY },
  { "event", WEFT_ITEM_EVENT },
  { "claim", WEFT_ITEM_CLAIM },
  { "relation", WEFT_ITEM_RELATION },
  { "source", WEFT_ITEM_SOURCE },
  { "era", WEFT_ITEM_ERA },
};

static void
enable (WeftEditController *self,
        const char         *name,
        gboolean            enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
update_actions (WeftEditController *self)
{
  WeftItem *item = weft_session_get_selection (self->session);
  gboolean editable = self->stack != NULL;

  enable (self, "new-item", editable);
  enable (self, "quote", editable);
  enable (self, "edit", editable && item != NULL);
  enable (self, "delete", editable && item != NULL);
  enable (self, "merge", editable && item != NULL && item->type == WEFT_ITEM_ENTITY
          && weft_dataset_get_entities (self->dataset)->len > 1);
  enable (self, "undo", editable && weft_undo_stack_can_undo (self->stack));
  enable (self, "redo", editable && weft_undo_stack_can_redo (self->stack));
}

/* ---- Following the dataset ---------------------------------------------- */

/* The session tells the views what changed ("dataset-changed") and lets
 * go of what went; the actions follow. */
static void
on_dataset_changed (WeftEditController      *self,
                    const WeftDatasetChange *change)
{
  update_actions (self);
}

static void close_later (WeftEditController *self);
static void open_later (WeftEditController *self);
static gboolean offer_now (gpointer data);

static void
on_stack_modified (WeftEditController *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  if (self->close_after_save && !weft_edit_controller_get_modified (self) && self->window != NULL)
    close_later (self);
  if (self->open_after_save != NULL && !weft_edit_controller_get_modified (self) && self->window != NULL)
    open_later (self);
}

/* Lets go of the document: its journal goes unless it holds edits that
 * were not saved, which the next start then offers to bring back. */
static void
drop_document (WeftEditController *self)
{
  if (self->stack != NULL)
    g_signal_handlers_disconnect_by_data (self->stack, self);
  if (self->document != NULL && !weft_document_get_modified (self->document))
    weft_document_close (self->document);
  g_clear_object (&self->stack);
  g_clear_object (&self->document);
  g_clear_object (&self->dataset);
}

static void
on_session_dataset (WeftEditController *self)
{
  WeftDataset *dataset = weft_session_get_dataset (self->session);
  gboolean was_modified = weft_edit_controller_get_modified (self);

  if (dataset == self->dataset)
    return;

  if (self->dataset != NULL)
    g_clear_signal_handler (&self->changed_id, self->dataset);
  drop_document (self);

  if (dataset != NULL && weft_dataset_is_finished (dataset))
    {
      GFile *file = self->window ? weft_window_get_file (WEFT_WINDOW (self->window)) : NULL;
      WeftFormat format = WEFT_FORMAT_WEFT;
      GFile *source = self->window ? weft_window_get_imported_file (WEFT_WINDOW (self->window), &format) : NULL;
      gboolean example = self->window != NULL && weft_window_is_example (WEFT_WINDOW (self->window));

      self->dataset = g_object_ref (dataset);
      if (self->adopt != NULL && weft_document_get_dataset (self->adopt) == dataset)
        self->document = g_steal_pointer (&self->adopt);
      else if (file == NULL && source != NULL)
        /* Read from another format: what recovery reads again. */
        self->document = weft_document_new (dataset, source, weft_format_get_info (format)->name, NULL);
      else if (file == NULL && example)
        {
          /* The example, which recovery reads again (Save asks where). */
          g_autofree char *path = weft_dup_example_path ();
          g_autoptr(GFile) bundled = g_file_new_for_path (path);

          self->document = weft_document_new (dataset, bundled, NULL, NULL);
        }
      else
        self->document = weft_document_new (dataset, file, NULL, NULL);
      g_clear_object (&self->adopt);
      self->stack = g_object_ref (weft_document_get_undo_stack (self->document));
      weft_document_set_author (self->document, self->author);
      /* Every edit is on disk as it is made (the file is made at the
       * first one): for a .weft file, a file another format imported, the
       * example or a new dataset, all of which recovery can read again. */
      if (weft_document_get_journal (self->document) == NULL
          && (file != NULL || source != NULL || example ||
              (self->window != NULL && weft_window_is_new (WEFT_WINDOW (self->window)))))
        weft_document_start_journal (self->document, NULL);
      self->changed_id = g_signal_connect_swapped (dataset, "changed", G_CALLBACK (on_dataset_changed), self);
      g_signal_connect_swapped (self->stack, "notify::modified", G_CALLBACK (on_stack_modified), self);
      g_signal_connect_swapped (self->stack, "notify::can-undo", G_CALLBACK (update_actions), self);
      g_signal_connect_swapped (self->stack, "notify::can-redo", G_CALLBACK (update_actions), self);
    }
  if (was_modified)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  update_actions (self);
  if (self->offer_idle == G_MAXUINT && self->dataset != NULL)
    self->offer_idle = g_idle_add (offer_now, self);
}

/* ---- Forms -------------------------------------------------------------- */

static void
on_form_done (WeftEditController *self,
              gboolean            committed,
              WeftEditForm       *form)
{
  WeftItem *item = weft_edit_form_get_item (form);

  if (self->inspector == NULL)
    return;
  if (committed && item != NULL && weft_session_get_selection (self->session) != item)
    weft_session_set_selection (self->session, item);
  else
    weft_inspector_show_form (WEFT_INSPECTOR (self->inspector), NULL);
  weft_inspector_grab_heading (WEFT_INSPECTOR (self->inspector));
}

static void
show_form (WeftEditController *self,
           WeftItemType        type,
           WeftItem           *item)
{
  GtkWidget *form;
  GtkWidget *flap;

  if (self->stack == NULL || self->inspector == NULL)
    return;

  form = weft_edit_form_new (self->stack, type, item);
  g_signal_connect_object (form, "done", G_CALLBACK (on_form_done), self, G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->form, form);
  flap = gtk_widget_get_ancestor (self->inspector, ADW_TYPE_FLAP);
  if (flap != NULL)
    adw_flap_set_reveal_flap (ADW_FLAP (flap), TRUE);
  weft_inspector_show_form (WEFT_INSPECTOR (self->inspector), form);
  gtk_widget_child_focus (form, GTK_DIR_TAB_FORWARD);
}

/* Quick capture: a double-click in a timeline lane makes an event there. */
static void
on_create_event (WeftEditController *self,
                 gint64              day)
{
  g_autofree char *date = weft_day_to_iso (day);

  show_form (self, WEFT_ITEM_EVENT, NULL);
  if (self->form != NULL)
    {
      weft_edit_form_fill (WEFT_EDIT_FORM (self->form), "date", date);
      gtk_widget_grab_focus (weft_edit_form_get_field (WEFT_EDIT_FORM (self->form), "title"));
    }
}

/* Quick capture: a drag from one node of the graph to another makes a
 * relation between them; a popover at the drop point asks its type and
 * the claim that supports it. */
static void
on_relation_created (WeftEditController *self,
                     WeftItem           *relation)
{
  weft_session_set_selection (self->session, relation);
}

static gboolean
unparent_popover (gpointer data)
{
  if (gtk_widget_get_parent (data) != NULL)
    gtk_widget_unparent (data);
  return G_SOURCE_REMOVE;
}

/* Closed (made, or Escape): it leaves the graph once it has gone. */
static void
on_popover_closed (GtkWidget *popover)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, unparent_popover, g_object_ref (popover), g_object_unref);
}

static void
on_create_relation (GtkWidget          *graph,
                    const char         *from,
                    const char         *to,
                    double              x,
                    double              y,
                    WeftEditController *self)
{
  GtkWidget *popover;
  GdkRectangle at = { (int) x, (int) y, 1, 1 };

  if (self->stack == NULL)
    return;
  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));
  popover = weft_relation_popover_new (self->stack, from, to);
  /* The graph does not outlive the popover's parent reference. */
  g_object_set_data_full (G_OBJECT (popover), "weft-graph", g_object_ref (graph), g_object_unref);
  gtk_widget_set_parent (popover, graph);
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &at);
  g_signal_connect_object (popover, "created", G_CALLBACK (on_relation_created), self, G_CONNECT_SWAPPED);
  g_signal_connect (popover, "closed", G_CALLBACK (on_popover_closed), NULL);
  g_set_weak_pointer (&self->popover, popover);
  gtk_popover_popup (GTK_POPOVER (popover));
  gtk_widget_grab_focus (weft_relation_popover_get_type_entry (WEFT_RELATION_POPOVER (popover)));
}

static void
new_item_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       data)
{
  WeftEditController *self = data;
  const char *nick = g_variant_get_string (parameter, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (item_types); i++)
    if (g_str_equal (item_types[i].nick, nick))
      show_form (self, item_types[i].type, NULL);
}

static void
edit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       data)
{
  WeftEditController *self = data;
  WeftItem *item = weft_session_get_selection (self->session);

  if (item != NULL)
    show_form (self, item->type, item);
}

/* ---- Dialogs ------------------------------------------------------------ */

static void
show_error (WeftEditController *self,
            const char         *message)
{
  GtkWidget *dialog;

  if (self->window == NULL)
    return;
  dialog = adw_message_dialog_new (self->window, _("The Change Was Not Made"), message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A dialog with Cancel and @response (@label), its questions in @extra. */
static AdwMessageDialog *
ask (WeftEditController        *self,
     const char                *heading,
     const char                *body,
     GtkWidget                 *extra,
     const char                *response,
     const char                *label,
     AdwResponseAppearance      appearance,
     GCallback                  callback)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (self->window, heading, body));

  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  adw_message_dialog_add_response (dialog, response, label);
  adw_message_dialog_set_response_appearance (dialog, response, appearance);
  adw_message_dialog_set_default_response (dialog, appearance == ADW_RESPONSE_DESTRUCTIVE ? "cancel" : response);
  adw_message_dialog_set_close_response (dialog, "cancel");
  if (extra != NULL)
    adw_message_dialog_set_extra_child (dialog, extra);
  g_signal_connect_object (dialog, "response", callback, self, G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* A row of a dialog's list that names a picker. */
static GtkWidget *
picker_row (GtkWidget  *list,
            const char *title,
            GtkWidget  *picker)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), picker);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), picker);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return picker;
}

/* Runs @edit's commit through the stack; says why when it refuses. */
static gboolean
finish (WeftEditController *self,
        WeftEdit           *edit,
        gboolean            ok,
        GError             *error)
{
  g_autoptr(GError) commit_error = NULL;

  if (ok)
    ok = weft_undo_stack_commit (self->stack, edit, &commit_error);
  else
    weft_edit_cancel (edit);
  if (!ok)
    show_error (self, error ? error->message : commit_error->message);
  return ok;
}

/* Delete. */

static void
on_delete_response (WeftEditController *self,
                    const char         *response,
                    AdwMessageDialog   *dialog)
{
  WeftItem *item = g_object_get_data (G_OBJECT (dialog), "weft-item");
  g_autoptr(WeftEdit) edit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  if (!g_str_equal (response, "delete") || self->stack == NULL || item != weft_session_get_selection (self->session))
    return;
  /* Translators: what Undo undoes: "Delete Huawei" */
  label = g_strdup_printf (_("Delete %s"), weft_item_get_label (item));
  edit = weft_undo_stack_begin (self->stack, label);
  finish (self, edit, weft_edit_delete (edit, item, WEFT_DELETE_REFERENCES, &error), error);
}

static void
delete_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       data)
{
  WeftEditController *self = data;
  WeftItem *item = weft_session_get_selection (self->session);
  g_autoptr(GArray) references = NULL;
  g_autoptr(GString) body = NULL;
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (item == NULL || self->stack == NULL)
    return;

  references = weft_dataset_dup_references (self->dataset, item);
  /* Translators: the heading of the dialog that deletes an item: "Delete “Huawei”?" */
  heading = g_strdup_printf (_("Delete “%s”?"), weft_item_get_label (item));
  if (references->len == 0)
    body = g_string_new (_("Nothing refers to it. Undo brings it back."));
  else
    {
      body = g_string_new (NULL);
      g_string_append_printf (body,
                              g_dngettext (GETTEXT_PACKAGE, "%u item refers to it; deleting it removes that reference too:",
                                           "%u items refer to it; deleting it removes those references too:",
                                           references->len),
                              references->len);
      for (guint i = 0; i < references->len && i < 12; i++)
        {
          WeftReference *ref = &g_array_index (references, WeftReference, i);

          /* Translators: one reference in the delete dialog: "Event “Contract signed”, in Participants" */
          g_string_append_printf (body, _("\n• %s “%s”, in %s"), weft_item_type_label (ref->item->type),
                                  weft_item_get_label (ref->item), weft_edit_member_label (ref->member));
        }
      if (references->len > 12)
        g_string_append_printf (body, _("\n… and %u more"), references->len - 12);
    }
  dialog = ask (self, heading, body->str, NULL, "delete",
                references->len > 0 ? _("_Delete and Remove References") : _("_Delete"),
                ADW_RESPONSE_DESTRUCTIVE, G_CALLBACK (on_delete_response));
  g_object_set_data (G_OBJECT (dialog), "weft-item", item);
}

/* Merge. */

static void
on_merge_response (WeftEditController *self,
                   const char         *response,
                   AdwMessageDialog   *dialog)
{
  WeftEntity *selected = g_object_get_data (G_OBJECT (dialog), "weft-item");
  GtkWidget *picker = g_object_get_data (G_OBJECT (dialog), "weft-picker");
  GtkWidget *keep_row = g_object_get_data (G_OBJECT (dialog), "weft-keep");
  WeftEntity *other, *keep, *drop;
  g_autoptr(WeftEdit) edit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  if (!g_str_equal (response, "merge") || self->stack == NULL
      || &selected->item != weft_session_get_selection (self->session))
    return;
  other = weft_dataset_lookup_entity (self->dataset, weft_edit_picker_get_id (picker));
  if (other == NULL || other == selected)
    {
      show_error (self, _("Choose another entity to merge with."));
      return;
    }
  keep = adw_combo_row_get_selected (ADW_COMBO_ROW (keep_row)) == 0 ? selected : other;
  drop = keep == selected ? other : selected;
  /* Translators: what Undo undoes: "Merge Huawei Technologies into Huawei" */
  label = g_strdup_printf (_("Merge %s into %s"), drop->name, keep->name);
  edit = weft_undo_stack_begin (self->stack, label);
  if (finish (self, edit, weft_edit_merge (edit, keep, drop, &error), error))
    weft_session_set_selection (self->session, &keep->item);
}

static void
on_merge_picked (GtkWidget  *picker,
                 GParamSpec *pspec,
                 GtkWidget  *keep_row)
{
  GtkStringList *choices = GTK_STRING_LIST (adw_combo_row_get_model (ADW_COMBO_ROW (keep_row)));
  GtkStringObject *chosen = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (picker));
  const char *name = chosen ? gtk_string_object_get_string (chosen) : "";
  const char * const names[] = { name, NULL };

  gtk_string_list_splice (choices, 1, 1, names);
}

static void
merge_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       data)
{
  WeftEditController *self = data;
  WeftItem *item = weft_session_get_selection (self->session);
  WeftEntity *entity = (WeftEntity *) item;
  GtkWidget *list = weft_edit_boxed_list_new ();
  GtkWidget *picker, *keep;
  const char * const choices[] = { entity ? entity->name : "", "", NULL };
  g_autofree char *heading = NULL;
  g_autoptr(GtkStringList) model = NULL;
  AdwMessageDialog *dialog;

  if (item == NULL || item->type != WEFT_ITEM_ENTITY || self->stack == NULL)
    return;

  picker = picker_row (list, _("Merge with"),
                       weft_edit_picker_new (self->dataset, WEFT_ITEM_ENTITY, FALSE, _("Merge with")));
  /* Start on an entity that is not this one. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (picker), entity->item.index == 0 ? 1 : 0);
  model = gtk_string_list_new (choices);
  keep = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (keep), _("Keep"));
  adw_combo_row_set_model (ADW_COMBO_ROW (keep), G_LIST_MODEL (model));
  gtk_list_box_append (GTK_LIST_BOX (list), keep);
  g_signal_connect (picker, "notify::selected", G_CALLBACK (on_merge_picked), keep);
  on_merge_picked (picker, NULL, keep);

  /* Translators: the heading of the merge dialog: "Merge “Huawei”" */
  heading = g_strdup_printf (_("Merge “%s”"), entity->name);
  dialog = ask (self, heading,
                _("Everything that refers to the entity dropped will refer to the one kept; "
                  "the dropped one’s names become other names of the one kept."),
                list, "merge", _("_Merge"), ADW_RESPONSE_SUGGESTED, G_CALLBACK (on_merge_response));
  g_object_set_data (G_OBJECT (dialog), "weft-item", entity);
  g_object_set_data (G_OBJECT (dialog), "weft-picker", picker);
  g_object_set_data (G_OBJECT (dialog), "weft-keep", keep);
}

/* New claim from a quote. */

static void
on_quote_response (WeftEditController *self,
                   const char         *response,
                   AdwMessageDialog   *dialog)
{
  GtkTextBuffer *buffer = g_object_get_data (G_OBJECT (dialog), "weft-quote");
  GtkWidget *source_picker = g_object_get_data (G_OBJECT (dialog), "weft-source");
  GtkWidget *new_source = g_object_get_data (G_OBJECT (dialog), "weft-new-source");
  GtkWidget *about_picker = g_object_get_data (G_OBJECT (dialog), "weft-about");
  GtkWidget *text_row = g_object_get_data (G_OBJECT (dialog), "weft-text");
  g_autoptr(WeftEdit) edit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *quote = NULL;
  g_autofree char *text = NULL;
  g_autofree char *claim_id = NULL;
  g_autofree char *source_id = NULL;
  const char *new_title;
  const char *about;
  WeftItem *claim;
  WeftCitation citation = { NULL, NULL, NULL, NULL };
  gboolean ok;

  if (!g_str_equal (response, "create") || self->stack == NULL)
    return;

  {
    GtkTextIter start, end;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    quote = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  }
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (text_row))));
  new_title = gtk_editable_get_text (GTK_EDITABLE (new_source));
  about = weft_edit_picker_get_id (about_picker);
  if (quote[0] == '\0')
    {
      show_error (self, _("Paste or type the quote first."));
      return;
    }
  if (text[0] == '\0')
    {
      g_free (text);
      text = g_strdup (quote);
    }

  edit = weft_undo_stack_begin (self->stack, _("New Claim from Quote"));
  if (new_title[0] != '\0')
    {
      WeftItem *source = weft_edit_create (edit, WEFT_ITEM_SOURCE, NULL, &error);

      ok = source != NULL && weft_edit_set (edit, source, "title", new_title, &error);
      source_id = ok ? g_strdup (source->id) : NULL;
    }
  else
    {
      source_id = g_strdup (weft_edit_picker_get_id (source_picker));
      ok = source_id != NULL;
      if (!ok)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                             _("Choose the source of the quote, or name a new one."));
    }
  claim_id = weft_dataset_dup_new_id (self->dataset, WEFT_ITEM_CLAIM, NULL);
  claim = ok ? weft_edit_create (edit, WEFT_ITEM_CLAIM, claim_id, &error) : NULL;
  ok = claim != NULL && weft_edit_set (edit, claim, "text", text, &error);
  citation.source = source_id;
  citation.quote = quote;
  ok = ok && weft_edit_set_citations (edit, (WeftClaim *) claim, &citation, 1, &error);
  if (ok && about != NULL)
    {
      const char * const ids[] = { about, NULL };

      ok = weft_edit_set_list (edit, claim, "about", ids, &error);
    }
  if (finish (self, edit, ok, error))
    weft_session_select_id (self->session, claim_id);
}

static void
on_clipboard_text (GObject      *clipboard,
                   GAsyncResult *result,
                   gpointer      data)
{
  g_autoptr(GtkTextBuffer) buffer = data;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (clipboard), result, NULL);

  if (text != NULL && gtk_text_buffer_get_char_count (buffer) == 0)
    gtk_text_buffer_set_text (buffer, g_strstrip (text), -1);
}

static void
quote_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       data)
{
  WeftEditController *self = data;
  WeftItem *item = weft_session_get_selection (self->session);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view = weft_edit_text_view_new (_("Quote"));
  GtkWidget *list = weft_edit_boxed_list_new ();
  GtkWidget *source, *new_source, *about, *text;
  AdwMessageDialog *dialog;

  if (self->stack == NULL)
    return;

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 96);
  gtk_widget_add_css_class (scroller, "card");
  gtk_box_append (GTK_BOX (box), scroller);

  source = picker_row (list, _("Source"), weft_edit_picker_new (self->dataset, WEFT_ITEM_SOURCE, TRUE, _("Source")));
  if (item != NULL && item->type == WEFT_ITEM_SOURCE)
    weft_edit_picker_set_id (source, item->id);
  else if (weft_dataset_get_sources (self->dataset)->len > 0)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (source), 1);
  new_source = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (new_source), _("Or a new source, by its title"));
  gtk_list_box_append (GTK_LIST_BOX (list), new_source);
  about = picker_row (list, _("About"), weft_edit_picker_new (self->dataset, WEFT_ITEM_NONE, TRUE, _("About")));
  if (item != NULL && item->type != WEFT_ITEM_SOURCE && item->type != WEFT_ITEM_ERA)
    weft_edit_picker_set_id (about, item->id);
  text = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (text), _("Claim, in your words (default: the quote)"));
  gtk_list_box_append (GTK_LIST_BOX (list), text);
  gtk_box_append (GTK_BOX (box), list);

  dialog = ask (self, _("New Claim from Quote"), _("The claim cites the source with this exact quote."), box,
                "create", _("C_reate"), ADW_RESPONSE_SUGGESTED, G_CALLBACK (on_quote_response));
  g_object_set_data (G_OBJECT (dialog), "weft-quote", gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)));
  g_object_set_data (G_OBJECT (dialog), "weft-source", source);
  g_object_set_data (G_OBJECT (dialog), "weft-new-source", new_source);
  g_object_set_data (G_OBJECT (dialog), "weft-about", about);
  g_object_set_data (G_OBJECT (dialog), "weft-text", text);
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (self->window)), NULL, on_clipboard_text,
                                 g_object_ref (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view))));
  gtk_widget_grab_focus (view);
}

/* New dataset. */

static void
on_new_dataset_response (WeftEditController *self,
                         const char         *response,
                         AdwMessageDialog   *dialog)
{
  GtkWidget *title_row = g_object_get_data (G_OBJECT (dialog), "weft-title");
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (title_row))));
  g_autoptr(WeftDataset) dataset = weft_dataset_new ();
  g_autoptr(WeftDiagnostics) diagnostics = weft_diagnostics_new (NULL);
  g_autoptr(WeftEdit) edit = NULL;
  WeftWindow *window = WEFT_WINDOW (self->window);

  if (!g_str_equal (response, "create") || window == NULL)
    return;

  weft_dataset_finish (dataset, diagnostics);
  if (title[0] != '\0')
    {
      edit = weft_edit_new (dataset, _("Title"));
      weft_edit_set_author (edit, self->author ? self->author : weft_history_default_author ());
      if (!weft_edit_set (edit, NULL, "title", title, NULL) || !weft_edit_commit (edit, NULL))
        weft_edit_cancel (edit);
    }
  /* A window with changes of its own keeps them: the new dataset gets a
   * window of its own. */
  if (weft_edit_controller_get_modified (self))
    {
      window = weft_window_new (gtk_window_get_application (self->window));
      gtk_window_present (GTK_WINDOW (window));
    }
  weft_window_show_dataset (window, dataset, NULL);
}

static void
on_title_activated (AdwMessageDialog *dialog)
{
  adw_message_dialog_response (dialog, "create");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
new_dataset_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       data)
{
  WeftEditController *self = data;
  GtkWidget *list = weft_edit_boxed_list_new ();
  GtkWidget *title = adw_entry_row_new ();
  AdwMessageDialog *dialog;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (title), _("Title"));
  gtk_list_box_append (GTK_LIST_BOX (list), title);
  dialog = ask (self, _("New Dataset"), _("What is it about? You can change the title later."), list,
                "create", _("C_reate"), ADW_RESPONSE_SUGGESTED, G_CALLBACK (on_new_dataset_response));
  g_object_set_data (G_OBJECT (dialog), "weft-title", title);
  g_signal_connect_swapped (title, "entry-activated", G_CALLBACK (on_title_activated), dialog);
  gtk_widget_grab_focus (title);
}

/* Undo and redo. */

static void
undo_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       data)
{
  WeftEditController *self = data;

  if (self->stack != NULL)
    weft_undo_stack_undo (self->stack);
  update_actions (self);
}

static void
redo_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       data)
{
  WeftEditController *self = data;

  if (self->stack != NULL)
    weft_undo_stack_redo (self->stack);
  update_actions (self);
}

/* Recovery. */

static char *
recoverable_name (const WeftRecoverable *recoverable)
{
  GFile *file = weft_recoverable_get_file (recoverable);

  if (file != NULL)
    return g_file_get_basename (file);
  if (weft_recoverable_get_title (recoverable) != NULL)
    return g_strdup (weft_recoverable_get_title (recoverable));
  return g_strdup (_("a new dataset"));
}

static char *
local_time (const char *iso)
{
  g_autoptr(GDateTime) utc = iso ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  return local ? g_date_time_format (local, "%x %X") : g_strdup (iso ? iso : "");
}

static gboolean
offer_now (gpointer data)
{
  WeftEditController *self = data;
  WeftRecoverable *recoverable;
  g_autofree char *name = NULL;
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;

  self->offer_idle = 0;
  if (self->recoverables->len == 0 || self->window == NULL)
    return G_SOURCE_REMOVE;

  recoverable = g_ptr_array_index (self->recoverables, 0);
  name = recoverable_name (recoverable);
  when = local_time (weft_recoverable_get_last_time (recoverable));
  /* Translators: the banner at start: "Unsaved edits to network.weft from 5/1/24 09:30 can be recovered" */
  text = g_strdup_printf (_("Unsaved edits to %s from %s can be recovered"), name, when);
  weft_window_show_notice (WEFT_WINDOW (self->window), text, _("_Recover…"), "edit.recover");
  return G_SOURCE_REMOVE;
}

guint
weft_edit_controller_offer_recovery (WeftEditController *self)
{
  g_return_val_if_fail (WEFT_IS_EDIT_CONTROLLER (self), 0);

  if (self->recoverables == NULL)
    self->recoverables = weft_journal_find_recoverable (NULL);
  if (self->recoverables->len == 0)
    return 0;
  /* After what shows the first dataset (the example's welcome) has had
   * its say in the banner. */
  if (self->dataset != NULL)
    offer_now (self);
  else
    self->offer_idle = G_MAXUINT;
  return self->recoverables->len;
}

static gboolean
is_example_file (GFile *file)
{
  g_autofree char *path = weft_dup_example_path ();
  g_autoptr(GFile) bundled = g_file_new_for_path (path);

  return file != NULL && g_file_equal (file, bundled);
}

/* The base a journal's edits apply to: a .weft file, or a file another
 * format imported, read again. */
static WeftDataset *
load_recoverable (GFile       *file,
                  const char  *name,
                  gpointer     data,
                  GError     **error)
{
  WeftFormat format;

  if (name == NULL || !weft_format_from_name (name, &format) || format == WEFT_FORMAT_WEFT)
    return weft_dataset_load_file (file, NULL, NULL, error);
  return weft_import_file (file, format, NULL, NULL, error);
}

static void
on_recover_response (WeftEditController *self,
                     const char         *response)
{
  WeftRecoverable *recoverable;
  g_autoptr(GError) error = NULL;
  WeftFormat format;

  if (self->recoverables == NULL || self->recoverables->len == 0 || g_str_equal (response, "cancel"))
    return;

  recoverable = g_ptr_array_index (self->recoverables, 0);
  if (g_str_equal (response, "recover"))
    {
      g_autoptr(WeftDocument) document = weft_document_recover (recoverable, load_recoverable, NULL, &error);
      WeftWindow *window = WEFT_WINDOW (self->window);
      WeftEditController *target = self;

      if (document == NULL)
        {
          show_error (self, error->message);
          return;
        }
      if (weft_edit_controller_get_modified (self))
        {
          window = weft_window_new (gtk_window_get_application (self->window));
          target = weft_window_get_editor (window);
          gtk_window_present (GTK_WINDOW (window));
        }
      g_set_object (&target->adopt, document);
      if (weft_format_from_name (weft_recoverable_get_format (recoverable), &format) && format != WEFT_FORMAT_WEFT)
        weft_window_show_imported (window, weft_document_get_dataset (document), weft_document_get_file (document), format);
      else if (is_example_file (weft_document_get_file (document)))
        weft_window_show_example (window, weft_document_get_dataset (document));
      else
        weft_window_show_dataset (window, weft_document_get_dataset (document), weft_document_get_file (document));
    }
  else if (!weft_recoverable_discard (recoverable, &error))
    show_error (self, error->message);
  g_ptr_array_remove_index (self->recoverables, 0);
  offer_now (self);
}

static void
recover_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       data)
{
  WeftEditController *self = data;
  WeftRecoverable *recoverable;
  const char * const *labels;
  g_autoptr(GString) body = NULL;
  g_autofree char *summary = NULL;
  AdwMessageDialog *dialog;
  guint n;

  if (self->recoverables == NULL || self->recoverables->len == 0)
    return;

  recoverable = g_ptr_array_index (self->recoverables, 0);
  summary = weft_recoverable_dup_summary (recoverable);
  body = g_string_new (summary);
  labels = weft_recoverable_get_labels (recoverable);
  n = labels ? g_strv_length ((char **) labels) : 0;
  for (guint i = 0; i < n && i < 12; i++)
    g_string_append_printf (body, "\n• %s", labels[i]);
  if (n > 12)
    g_string_append_printf (body, _("\n… and %u more"), n - 12);
  dialog = ask (self, _("Recover Unsaved Edits?"), body->str, NULL, "recover", _("_Recover"),
                ADW_RESPONSE_SUGGESTED, G_CALLBACK (on_recover_response));
  adw_message_dialog_add_response (dialog, "discard", _("_Discard"));
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
}

/* Closing. */

/* Save, Discard or Cancel, before something that loses the changes. */
static void
ask_save (WeftEditController *self,
          const char         *body,
          GCallback           callback)
{
  AdwMessageDialog *dialog = ask (self, _("Save Changes?"), body, NULL, "save", _("_Save"), ADW_RESPONSE_SUGGESTED,
                                  callback);

  adw_message_dialog_add_response (dialog, "discard", _("_Discard"));
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
}

/* Drops the unsaved changes on purpose: nothing to bring back. */
static void
discard (WeftEditController *self)
{
  if (self->document != NULL)
    weft_document_close (self->document);
  if (self->stack != NULL)
    weft_undo_stack_set_saved (self->stack);
}

static gboolean
close_window (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

/* Once the dialog that asked has gone. */
static void
close_later (WeftEditController *self)
{
  self->close_confirmed = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_window, g_object_ref (self->window), g_object_unref);
}

static void
on_close_response (WeftEditController *self,
                   const char         *response)
{
  if (self->window == NULL || g_str_equal (response, "cancel"))
    return;
  if (g_str_equal (response, "discard"))
    {
      discard (self);
      close_later (self);
      return;
    }
  /* Save: straight away, or after Save As asked where. */
  self->close_after_save = TRUE;
  gtk_widget_activate_action (GTK_WIDGET (self->window),
                              weft_window_get_file (WEFT_WINDOW (self->window)) ? "win.save" : "win.save-as", NULL);
}

gboolean
weft_edit_controller_hold_close (WeftEditController *self)
{
  g_return_val_if_fail (WEFT_IS_EDIT_CONTROLLER (self), FALSE);

  if (self->close_confirmed || !weft_edit_controller_get_modified (self))
    return FALSE;

  ask_save (self, _("The dataset has changes that are not saved. Closing without saving loses them."),
            G_CALLBACK (on_close_response));
  return TRUE;
}

/* ---- Opening another file ---------------------------------------------- */

static gboolean
open_pending (gpointer data)
{
  WeftEditController *self = data;
  g_autoptr(GFile) file = g_steal_pointer (&self->open_after_save);

  if (file != NULL && self->window != NULL)
    {
      self->open_confirmed = TRUE;
      weft_window_open (WEFT_WINDOW (self->window), file, NULL, NULL);
    }
  return G_SOURCE_REMOVE;
}

/* Once the dialog that asked has gone. */
static void
open_later (WeftEditController *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, open_pending, g_object_ref (self), g_object_unref);
}

static void
on_open_response (WeftEditController *self,
                  const char         *response)
{
  if (self->window == NULL || g_str_equal (response, "cancel"))
    {
      g_clear_object (&self->open_after_save);
      return;
    }
  if (g_str_equal (response, "discard"))
    {
      discard (self);
      open_later (self);
      return;
    }
  /* Save: straight away, or after Save As asked where; then it opens. */
  gtk_widget_activate_action (GTK_WIDGET (self->window),
                              weft_window_get_file (WEFT_WINDOW (self->window)) ? "win.save" : "win.save-as", NULL);
}

gboolean
weft_edit_controller_hold_open (WeftEditController *self,
                                GFile              *file)
{
  g_return_val_if_fail (WEFT_IS_EDIT_CONTROLLER (self), FALSE);

  if (self->open_confirmed || !weft_edit_controller_get_modified (self) || self->window == NULL)
    {
      self->open_confirmed = FALSE;
      return FALSE;
    }
  g_set_object (&self->open_after_save, file);
  ask_save (self, _("The dataset has changes that are not saved. Opening another file without saving loses them."),
            G_CALLBACK (on_open_response));
  return TRUE;
}

/* ---- The file changed on disk ------------------------------------------- */

static void compare (WeftEditController *self);
static gboolean compare_later (gpointer data);

static void
on_disk_response (WeftEditController *self,
                  const char         *response)
{
  if (self->window == NULL || g_str_equal (response, "cancel"))
    return;
  if (g_str_equal (response, "compare"))
    {
      /* Once this dialog has gone (one question at a time). */
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, compare_later, g_object_ref (self), g_object_unref);
      return;
    }
  if (g_str_equal (response, "reload"))
    {
      discard (self);
      self->open_confirmed = TRUE;
      gtk_widget_activate_action (GTK_WIDGET (self->window), "win.reload", NULL);
      return;
    }
  /* Keep Mine: saved elsewhere, the other file as it is. */
  gtk_widget_activate_action (GTK_WIDGET (self->window), "win.save-as", NULL);
}

/* One row of the comparison: "Entity “Epsilon” (e)", and how it differs. */
static GtkWidget *
diff_row (const WeftDiffEntry *entry)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (entry->type == WEFT_ITEM_NONE)
    title = g_strdup (_("The dataset itself"));
  else
    /* Translators: an item in the comparison with the file on disk: type, name, id: "Entity “Huawei” (huawei)" */
    title = g_strdup_printf (_("%s “%s” (%s)"), weft_item_type_label (entry->type), entry->label, entry->id);
  switch (entry->kind)
    {
    case WEFT_DIFF_ADDED:
      subtitle = g_strdup (_("Only in the file on disk"));
      break;
    case WEFT_DIFF_REMOVED:
      subtitle = g_strdup (_("Only in this window"));
      break;
    case WEFT_DIFF_CHANGED:
    default:
      {
        g_autoptr(GString) names = g_string_new (NULL);

        for (guint i = 0; entry->members != NULL && entry->members[i] != NULL; i++)
          {
            if (i > 0)
              /* Translators: between the names of members in a list: "Name, Country" */
              g_string_append (names, _(", "));
            g_string_append (names, weft_edit_member_label (entry->members[i]));
          }
        /* Translators: how an item differs from the file on disk: "Different: Name, History" */
        subtitle = g_strdup_printf (_("Different: %s"), names->str);
      }
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

/* Compare: what differs between the file on disk and this window's
 * dataset, item by item; Reload or Keep Mine from there. */
static void
compare (WeftEditController *self)
{
  GFile *file = weft_document_get_file (self->document);
  g_autoptr(GError) error = NULL;
  g_autoptr(WeftDataset) theirs = NULL;
  g_autoptr(GArray) diff = NULL;
  g_autofree char *body = NULL;
  GtkWidget *list, *scrolled;
  AdwMessageDialog *dialog;

  if (file == NULL)
    return;
  theirs = weft_dataset_load_file (file, NULL, NULL, &error);
  if (theirs == NULL)
    {
      show_error (self, error->message);
      return;
    }
  diff = weft_dataset_diff (self->dataset, theirs);
  if (diff->len == 0)
    body = g_strdup (_("The file on disk holds the same as this window."));
  else
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item differs between the file on disk and this window.",
                                         "%u items differ between the file on disk and this window.", diff->len),
                            diff->len);
  list = weft_edit_boxed_list_new ();
  for (guint i = 0; i < diff->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (list), diff_row (&g_array_index (diff, WeftDiffEntry, i)));
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 420);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_widget_set_visible (scrolled, diff->len > 0);
  dialog = ask (self, _("Compare with the File on Disk"), body, scrolled, "keep", _("_Keep Mine…"),
                ADW_RESPONSE_SUGGESTED, G_CALLBACK (on_disk_response));
  adw_message_dialog_add_response (dialog, "reload", _("_Reload"));
  adw_message_dialog_set_response_appearance (dialog, "reload", ADW_RESPONSE_DESTRUCTIVE);
  g_object_set_data (G_OBJECT (dialog), "weft-diff", list);
}

static gboolean
compare_later (gpointer data)
{
  WeftEditController *self = data;

  if (self->window != NULL && self->document != NULL)
    compare (self);
  return G_SOURCE_REMOVE;
}

void
weft_edit_controller_ask_changed_on_disk (WeftEditController *self)
{
  AdwMessageDialog *dialog;

  g_return_if_fail (WEFT_IS_EDIT_CONTROLLER (self));

  if (self->window == NULL || self->dialog != NULL)
    return;
  dialog = ask (self, _("File Changed on Disk"),
                _("The file was changed by another program since it was opened, and this window has changes "
                  "that are not saved. Reload it and lose them, or keep them and save them as another file."),
                NULL, "keep", _("_Keep Mine…"), ADW_RESPONSE_SUGGESTED, G_CALLBACK (on_disk_response));
  adw_message_dialog_add_response (dialog, "reload", _("_Reload"));
  adw_message_dialog_set_response_appearance (dialog, "reload", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_add_response (dialog, "compare", _("C_ompare…"));
}

static void
on_author_changed (WeftEditController *self)
{
  g_autofree char *author = g_settings_get_string (self->settings, "author-name");

  weft_edit_controller_set_author (self, g_strstrip (author));
}

GtkWidget *
weft_edit_preferences_new (GSettings *settings)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row = adw_entry_row_new ();
  /* Translators: under "Your Name" in the preferences: "Empty: Ada Lovelace" */
  g_autofree char *hint = g_strdup_printf (_("Every item you create or change records it in its history. Empty: %s"),
                                           weft_history_default_author ());

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Editing"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), hint);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Your Name"));
  g_settings_bind (settings, "author-name", row, "text", G_SETTINGS_BIND_DEFAULT);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return group;
}

/* ---- Object ------------------------------------------------------------- */

static void
weft_edit_controller_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  WeftEditController *self = WEFT_EDIT_CONTROLLER (object);

  switch (prop_id)
    {
    case PROP_MODIFIED: g_value_set_boolean (value, weft_edit_controller_get_modified (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
weft_edit_controller_dispose (GObject *object)
{
  WeftEditController *self = WEFT_EDIT_CONTROLLER (object);

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  if (self->dataset != NULL)
    g_clear_signal_handler (&self->changed_id, self->dataset);
  drop_document (self);
  if (self->offer_idle != G_MAXUINT)
    g_clear_handle_id (&self->offer_idle, g_source_remove);
  g_clear_object (&self->adopt);
  g_clear_object (&self->open_after_save);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  g_clear_object (&self->actions);
  g_clear_weak_pointer (&self->window);
  g_clear_weak_pointer (&self->inspector);
  g_clear_weak_pointer (&self->form);
  g_clear_weak_pointer (&self->dialog);
  g_clear_weak_pointer (&self->popover);

  G_OBJECT_CLASS (weft_edit_controller_parent_class)->dispose (object);
}

static void
weft_edit_controller_finalize (GObject *object)
{
  WeftEditController *self = WEFT_EDIT_CONTROLLER (object);

  g_free (self->author);
  g_clear_pointer (&self->recoverables, g_ptr_array_unref);

  G_OBJECT_CLASS (weft_edit_controller_parent_class)->finalize (object);
}

static void
weft_edit_controller_class_init (WeftEditControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = weft_edit_controller_get_property;
  object_class->dispose = weft_edit_controller_dispose;
  object_class->finalize = weft_edit_controller_finalize;

  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
weft_edit_controller_init (WeftEditController *self)
{
}

WeftEditController *
weft_edit_controller_new (GtkWindow   *window,
                          WeftSession *session,
                          GtkWidget   *inspector)
{
  static const GActionEntry entries[] = {
    { "new-dataset", new_dataset_action },
    { "new-item", new_item_action, "s" },
    { "edit", edit_action },
    { "delete", delete_action },
    { "merge", merge_action },
    { "quote", quote_action },
    { "undo", undo_action },
    { "redo", redo_action },
    { "recover", recover_action },
  };
  static const struct {
    guint            key;
    GdkModifierType  modifiers;
    const char      *action;
  } shortcuts[] = {
    { GDK_KEY_n, GDK_CONTROL_MASK, "edit.new-dataset" },
    { GDK_KEY_F2, 0, "edit.edit" },
    { GDK_KEY_Delete, 0, "edit.delete" },
    { GDK_KEY_v, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "edit.quote" },
    { GDK_KEY_z, GDK_CONTROL_MASK, "edit.undo" },
    { GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "edit.redo" },
  };
  WeftEditController *self = g_object_new (WEFT_TYPE_EDIT_CONTROLLER, NULL);
  GtkEventController *controller = gtk_shortcut_controller_new ();

  g_set_weak_pointer (&self->window, window);
  g_set_weak_pointer (&self->inspector, inspector);
  self->session = g_object_ref (session);
  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "edit", G_ACTION_GROUP (self->actions));

  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (shortcuts[i].key,
                                                                                    shortcuts[i].modifiers),
                                                            gtk_named_action_new (shortcuts[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (window), controller);

  /* Who edits: the preference, else the user's real name. */
  self->settings = g_settings_new (APP_ID);
  g_signal_connect_swapped (self->settings, "changed::author-name", G_CALLBACK (on_author_changed), self);
  on_author_changed (self);

  if (WEFT_IS_WINDOW (window))
    {
      GtkWidget *timeline = weft_window_get_timeline (WEFT_WINDOW (window));
      GtkWidget *graph = weft_window_get_graph (WEFT_WINDOW (window));

      if (timeline != NULL && g_signal_lookup ("create-event", G_OBJECT_TYPE (timeline)) != 0)
        g_signal_connect_object (timeline, "create-event", G_CALLBACK (on_create_event), self, G_CONNECT_SWAPPED);
      if (graph != NULL && g_signal_lookup ("create-relation", G_OBJECT_TYPE (graph)) != 0)
        g_signal_connect_object (graph, "create-relation", G_CALLBACK (on_create_relation), self, 0);
    }

  g_signal_connect_swapped (session, "notify::dataset", G_CALLBACK (on_session_dataset), self);
  g_signal_connect_swapped (session, "notify::selection", G_CALLBACK (update_actions), self);
  on_session_dataset (self);
  return self;
}

WeftUndoStack *
weft_edit_controller_get_undo_stack (WeftEditController *self)
{
  return self->stack;
}

gboolean
weft_edit_controller_get_modified (WeftEditController *self)
{
  return self->stack != NULL && weft_undo_stack_get_modified (self->stack);
}

gboolean
weft_edit_controller_save (WeftEditController  *self,
                           GFile               *file,
                           GError             **error)
{
  g_return_val_if_fail (WEFT_IS_EDIT_CONTROLLER (self), FALSE);

  if (self->document == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no dataset to save."));
      return FALSE;
    }
  /* Its own file, changed by someone else since it was read, is never
   * overwritten silently: the error says to reload it or Save As. */
  return weft_document_save (self->document, file, FALSE, NULL, error);
}

/* What a file of @format cannot hold of a dataset (said when Save As
 * writes one), or NULL when it holds everything. */
static const char *
format_losses (WeftFormat format)
{
  switch (format)
    {
    case WEFT_FORMAT_TIMELINEJS:
      return _("TimelineJS shows only the events and eras; the rest travels in a part TimelineJS ignores.");
    case WEFT_FORMAT_TIMELINEJS_CSV:
      return _("The TimelineJS spreadsheet keeps only the events and eras.");
    case WEFT_FORMAT_FTM:
      return _("FollowTheMoney has no place for claim statuses, quotes, event groups or eras; they travel in a part "
               "other tools ignore.");
    case WEFT_FORMAT_CSV:
      return _("CSV tables keep no history, and only the events table can be read back.");
    case WEFT_FORMAT_GRAPHML:
    case WEFT_FORMAT_GEXF:
    case WEFT_FORMAT_DOT:
      return _("A graph file keeps only the entities, events and their links: no claims or sources.");
    case WEFT_FORMAT_AUTO:
    case WEFT_FORMAT_WEFT:
    default:
      return NULL;
    }
}

char *
weft_edit_controller_export (WeftEditController  *self,
                             GFile               *file,
                             WeftFormat           format,
                             gboolean            *lossy,
                             GError             **error)
{
  g_autofree char *basename = NULL;
  g_autofree char *text = NULL;
  const char *losses = format_losses (format);

  g_return_val_if_fail (WEFT_IS_EDIT_CONTROLLER (self), NULL);

  if (self->dataset == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no dataset to save."));
      return NULL;
    }
  if (!weft_export_file (self->dataset, file, format, error))
    return NULL;
  basename = g_file_get_basename (file);
  text = g_strdup_printf (_("Exported %s"), basename);
  if (lossy != NULL)
    *lossy = losses != NULL;
  if (losses == NULL)
    return g_steal_pointer (&text);
  /* Translators: "Exported timeline.json", then what the format cannot hold. */
  return g_strdup_printf (_("%s. %s"), text, losses);
}

WeftDocument *
weft_edit_controller_get_document (WeftEditController *self)
{
  return self->document;
}

void
weft_edit_controller_set_author (WeftEditController *self,
                                 const char         *author)
{
  g_free (self->author);
  self->author = author && author[0] ? g_strdup (author) : NULL;
  if (self->document != NULL)
    weft_document_set_author (self->document, self->author);
}

GtkWidget *
weft_edit_controller_get_form (WeftEditController *self)
{
  return self->form;
}

AdwMessageDialog *
weft_edit_controller_get_dialog (WeftEditController *self)
{
  return self->dialog;
}

GtkWidget *
weft_edit_controller_get_popover (WeftEditController *self)
{
  return self->popover;
}
