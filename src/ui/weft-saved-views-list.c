/* weft-saved-views-list.c: the dataset's saved views and stories, in the
 * sidebar
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "weft-edit-controller.h"
#include "weft-save-view-dialog.h"
#include "weft-saved-views.h"
#include "weft-saved-views-list.h"
#include "weft-view-state.h"
#include "weft-window.h"

struct _WeftSavedViewsList
{
  WeftSessionPane parent_instance;

  GtkWidget      *box;
  GtkListBox     *views;
  GtkWidget      *empty;          /* says how to make one, when there is none */
  GtkWidget      *stories_heading;
  GtkListBox     *stories;
};

G_DEFINE_FINAL_TYPE (WeftSavedViewsList, weft_saved_views_list, WEFT_TYPE_SESSION_PANE)

static WeftDataset *
dataset_of (WeftSavedViewsList *self)
{
  WeftSession *session = weft_session_pane_get_session (WEFT_SESSION_PANE (self));

  return session != NULL ? weft_session_get_dataset (session) : NULL;
}

/* ---- Editing ------------------------------------------------------------- */

static WeftUndoStack *
stack_of (WeftSavedViewsList *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  WeftEditController *editor = WEFT_IS_WINDOW (root) ? weft_window_get_editor (WEFT_WINDOW (root)) : NULL;

  return editor != NULL ? weft_edit_controller_get_undo_stack (editor) : NULL;
}

/* Commits @edit (cancels it when @ok is FALSE), saying why it failed. */
static void
finish (WeftSavedViewsList *self,
        WeftEdit           *edit,
        gboolean            ok,
        GError             *error)
{
  g_autoptr(GError) commit_error = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ok)
    ok = weft_undo_stack_commit (stack_of (self), edit, &commit_error);
  else
    weft_edit_cancel (edit);
  if (!ok && WEFT_IS_WINDOW (root))
    weft_window_show_notice (WEFT_WINDOW (root), error != NULL ? error->message : commit_error->message, NULL, NULL);
}

/* The item @id of the dataset shown (of @type, unless WEFT_ITEM_NONE),
 * when there is one to edit. */
static WeftItem *
editable_item (WeftSavedViewsList *self,
               const char         *id,
               WeftItemType        type)
{
  WeftDataset *dataset = dataset_of (self);
  WeftItem *item = dataset != NULL && id != NULL ? weft_dataset_lookup (dataset, id) : NULL;

  return item != NULL && (type == WEFT_ITEM_NONE || item->type == type) && stack_of (self) != NULL ? item : NULL;
}

/* An edit of the dataset shown, called what @format says. */
static WeftEdit *begin (WeftSavedViewsList *self, const char *format, ...) G_GNUC_PRINTF (2, 3);

static WeftEdit *
begin (WeftSavedViewsList *self,
       const char         *format,
       ...)
{
  g_autofree char *label = NULL;
  va_list args;

  va_start (args, format);
  label = g_strdup_vprintf (format, args);
  va_end (args);
  return weft_undo_stack_begin (stack_of (self), label);
}

/* A view's members as they are, deep enough to copy back after the view
 * changed: the strings are the dataset's, the lists and nodes copied. */
static void
snapshot_view (WeftView       *copy,
               const WeftView *view)
{
  *copy = *view;
  copy->hidden_kinds = (const char **) g_strdupv ((char **) view->hidden_kinds);
  copy->statuses = (const char **) g_strdupv ((char **) view->statuses);
  copy->path = (const char **) g_strdupv ((char **) view->path);
  copy->hops = view->hops != NULL ? json_node_copy (view->hops) : NULL;
  copy->graph = view->graph != NULL ? json_node_copy (view->graph) : NULL;
}

static void
snapshot_clear (WeftView *copy)
{
  g_strfreev ((char **) copy->hidden_kinds);
  g_strfreev ((char **) copy->statuses);
  g_strfreev ((char **) copy->path);
  g_clear_pointer (&copy->hops, json_node_unref);
  g_clear_pointer (&copy->graph, json_node_unref);
}

static const char * const view_members[] = {
  "title", "note", "focus", "hops", "window", "hidden_kinds", "statuses", "search",
  "selected", "path", "layout", "span", "graph",
};

static gboolean
copy_view (WeftEdit        *edit,
           WeftView        *view,
           const WeftView  *from,
           GError         **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (view_members); i++)
    if (!weft_edit_copy_member (edit, &view->item, view_members[i], from, error))
      return FALSE;
  return TRUE;
}

/* Swaps the views at @i and @i + 1, ids and all; what names them (a
 * story's steps) names the same views after. There is no edit that moves
 * an item, so each takes the other's members and id. */
static gboolean
swap_views (WeftEdit  *edit,
            guint      i,
            GError   **error)
{
  WeftDataset *dataset = weft_edit_get_dataset (edit);
  GPtrArray *views = weft_dataset_get_views (dataset);
  GPtrArray *stories = weft_dataset_get_stories (dataset);
  WeftView *a = g_ptr_array_index (views, i);
  WeftView *b = g_ptr_array_index (views, i + 1);
  g_autofree char *id_a = g_strdup (a->item.id);
  g_autofree char *id_b = g_strdup (b->item.id);
  g_autofree char *spare = weft_dataset_dup_new_id (dataset, WEFT_ITEM_VIEW, NULL);
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func (g_free);
  WeftView copy_a, copy_b;
  gboolean ok;

  /* The steps as they are: renaming the ids moves what names them. */
  for (guint s = 0; s < stories->len; s++)
    {
      WeftStory *story = g_ptr_array_index (stories, s);

      g_ptr_array_add (steps, g_memdup2 (story->steps, sizeof *story->steps * story->n_steps));
    }
  snapshot_view (&copy_a, a);
  snapshot_view (&copy_b, b);
  ok = copy_view (edit, a, &copy_b, error) && copy_view (edit, b, &copy_a, error) &&
       weft_edit_set (edit, &a->item, "id", spare, error) &&
       weft_edit_set (edit, &b->item, "id", id_a, error) &&
       weft_edit_set (edit, &a->item, "id", id_b, error);
  for (guint s = 0; ok && s < stories->len; s++)
    {
      WeftStory *story = g_ptr_array_index (stories, s);
      WeftStory from = *story;

      from.steps = g_ptr_array_index (steps, s);
      ok = weft_edit_copy_member (edit, &story->item, "steps", &from, error);
    }
  snapshot_clear (&copy_a);
  snapshot_clear (&copy_b);
  return ok;
}

static void
move_view (WeftSavedViewsList *self,
           const char         *id,
           int                 by)
{
  WeftItem *view = editable_item (self, id, WEFT_ITEM_VIEW);
  g_autoptr(WeftEdit) edit = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;
  int to;

  if (view == NULL)
    return;
  to = CLAMP ((int) view->index + by, 0, (int) weft_dataset_get_views (dataset_of (self))->len - 1);
  if (to == (int) view->index)
    return;
  /* Translators: what Undo undoes after moving a saved view up or down */
  edit = begin (self, _("Move “%s”"), weft_view_state_item_title (view));
  /* One place at a time. */
  for (int i = view->index; ok && i != to; i += to > i ? 1 : -1)
    ok = swap_views (edit, to > i ? i : i - 1, &error);
  finish (self, edit, ok, error);
}

static void
delete_item (WeftSavedViewsList *self,
             const char         *id)
{
  WeftItem *item = editable_item (self, id, WEFT_ITEM_NONE);
  g_autoptr(WeftEdit) edit = NULL;
  g_autoptr(GError) error = NULL;

  if (item == NULL)
    return;
  /* Translators: what Undo undoes after deleting a saved view or story */
  edit = begin (self, _("Delete “%s”"), weft_view_state_item_title (item));
  finish (self, edit, weft_edit_delete (edit, item, WEFT_DELETE_REFERENCES, &error), error);
}

/* Moves step @step of the story @id by @move places, or removes it. */
static void
step_edit (WeftSavedViewsList *self,
           const char         *id,
           guint               step,
           int                 move,
           gboolean            remove)
{
  WeftStory *story = (WeftStory *) editable_item (self, id, WEFT_ITEM_STORY);
  const char *title = story != NULL ? weft_view_state_item_title (&story->item) : NULL;
  g_autoptr(WeftEdit) edit = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (story == NULL || step >= story->n_steps)
    return;
  move = CLAMP ((int) step + move, 0, (int) story->n_steps - 1) - (int) step;
  if (move == 0 && !remove)
    return;
  edit = remove ? begin (self, _("Remove a Step of “%s”"), title) : begin (self, _("Move a Step of “%s”"), title);
  ok = remove ? weft_edit_remove_story_step (edit, story, step, &error)
              : weft_edit_move_story_step (edit, story, step, step + move, &error);
  finish (self, edit, ok, error);
}

/* ---- Actions --------------------------------------------------------------- */

/* A new title or note, for the item and member the dialog was for. */
static void
on_text_given (GObject    *owner,
               const char *text,
               const char *unused)
{
  WeftSavedViewsList *self = WEFT_SAVED_VIEWS_LIST (owner);
  const char *member = g_object_get_data (owner, "weft-editing-member");
  WeftItem *item = editable_item (self, g_object_get_data (owner, "weft-editing"), WEFT_ITEM_NONE);
  g_autoptr(WeftEdit) edit = NULL;
  g_autoptr(GError) error = NULL;

  if (item == NULL)
    return;
  edit = g_str_equal (member, "title") ? begin (self, _("Rename “%s”"), weft_view_state_item_title (item))
                                       : begin (self, _("Edit the Note of “%s”"), weft_view_state_item_title (item));
  finish (self, edit, weft_edit_set (edit, item, member, text[0] != '\0' ? text : NULL, &error), error);
}

static void
item_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WeftSavedViewsList *self = WEFT_SAVED_VIEWS_LIST (widget);
  WeftDataset *dataset = dataset_of (self);
  const char *id = g_variant_get_string (parameter, NULL);
  WeftItem *item = dataset != NULL ? weft_dataset_lookup (dataset, id) : NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (item == NULL)
    return;
  g_object_set_data_full (G_OBJECT (self), "weft-editing", g_strdup (id), g_free);
  g_object_set_data (G_OBJECT (self), "weft-editing-member",
                     (gpointer) (g_str_equal (action_name, "views.rename") ? "title" : "note"));
  if (g_str_equal (action_name, "views.rename") && GTK_IS_WINDOW (root))
    weft_text_dialog_present (GTK_WINDOW (root), _("Rename"), _("_Rename"), _("_Title"),
                              item->type == WEFT_ITEM_VIEW ? ((WeftView *) item)->title
                              : item->type == WEFT_ITEM_STORY ? ((WeftStory *) item)->title : NULL,
                              NULL, NULL, on_text_given, G_OBJECT (self));
  else if (g_str_equal (action_name, "views.note") && GTK_IS_WINDOW (root) && item->type == WEFT_ITEM_VIEW)
    weft_text_dialog_present (GTK_WINDOW (root), _("Edit Note"), _("_Save"), _("_Note"),
                              ((WeftView *) item)->note, NULL, NULL, on_text_given, G_OBJECT (self));
  else if (g_str_equal (action_name, "views.up"))
    move_view (self, id, -1);
  else if (g_str_equal (action_name, "views.down"))
    move_view (self, id, 1);
  else if (g_str_equal (action_name, "views.delete"))
    delete_item (self, id);
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WeftSavedViewsList *self = WEFT_SAVED_VIEWS_LIST (widget);
  const char *id;
  guint step;

  g_variant_get (parameter, "(&su)", &id, &step);
  step_edit (self, id, step, g_str_equal (action_name, "views.step-up") ? -1
                             : g_str_equal (action_name, "views.step-down") ? 1 : 0,
             g_str_equal (action_name, "views.step-remove"));
}

/* ---- Rows ------------------------------------------------------------------ */

static GtkWidget *
label_new (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* A row saying @title and, under it, @subtitle, with a menu of @menu. */
static GtkWidget *
row_new (const char *title,
         const char *subtitle,
         GMenuModel *menu,
         int         indent)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_set_margin_start (box, indent);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (texts), label_new (title, NULL));
  if (subtitle != NULL && subtitle[0] != '\0')
    {
      gtk_box_append (GTK_BOX (texts), label_new (subtitle, "dim-label"));
      gtk_widget_add_css_class (gtk_widget_get_last_child (texts), "caption");
    }
  gtk_box_append (GTK_BOX (box), texts);
  if (menu != NULL)
    {
      GtkWidget *button = gtk_menu_button_new ();
      g_autofree char *name = g_strdup_printf (_("More for “%s”"), title);

      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
      gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), menu);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_box_append (GTK_BOX (box), button);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  if (subtitle != NULL && subtitle[0] != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle, -1);
  return row;
}

static void
menu_add (GMenu      *menu,
          const char *label,
          const char *action,
          GVariant   *target)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, target);
  g_menu_append_item (menu, item);
}

static GMenuModel *
view_menu (const char *id,
           gboolean    is_view)
{
  GMenu *menu = g_menu_new ();

  menu_add (menu, _("_Rename…"), "views.rename", g_variant_new_string (id));
  if (is_view)
    {
      menu_add (menu, _("Edit N_ote…"), "views.note", g_variant_new_string (id));
      menu_add (menu, _("Move _Up"), "views.up", g_variant_new_string (id));
      menu_add (menu, _("Move Do_wn"), "views.down", g_variant_new_string (id));
    }
  menu_add (menu, _("_Delete"), "views.delete", g_variant_new_string (id));
  return G_MENU_MODEL (menu);
}

static GMenuModel *
step_menu (const char *story,
           guint       step)
{
  GMenu *menu = g_menu_new ();

  menu_add (menu, _("Move _Up"), "views.step-up", g_variant_new ("(su)", story, step));
  menu_add (menu, _("Move Do_wn"), "views.step-down", g_variant_new ("(su)", story, step));
  menu_add (menu, _("_Remove"), "views.step-remove", g_variant_new ("(su)", story, step));
  return G_MENU_MODEL (menu);
}

/* ---- Dragging ------------------------------------------------------------ */

/* A row drags "view ID" or "step STORY POSITION"; dropped on a row of the
 * same kind (a step of the same story) it moves there. */
static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkWidget     *row)
{
  return gdk_content_provider_new_typed (G_TYPE_STRING, g_object_get_data (G_OBJECT (row), "weft-drag"));
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GtkWidget     *row)
{
  WeftSavedViewsList *self = WEFT_SAVED_VIEWS_LIST (gtk_widget_get_ancestor (row, WEFT_TYPE_SAVED_VIEWS_LIST));
  WeftDataset *dataset = dataset_of (self);
  g_auto(GStrv) from = g_strsplit (g_value_get_string (value), " ", 3);
  g_auto(GStrv) to = g_strsplit (g_object_get_data (G_OBJECT (row), "weft-drag"), " ", 3);
  WeftView *a, *b;

  if (dataset == NULL || g_strv_length (from) != g_strv_length (to) || !g_str_equal (from[0], to[0]))
    return FALSE;
  if (g_str_equal (from[0], "view") && g_strv_length (from) == 2 &&
      (a = weft_dataset_lookup_view (dataset, from[1])) != NULL && (b = weft_dataset_lookup_view (dataset, to[1])) != NULL)
    {
      move_view (self, from[1], (int) b->item.index - (int) a->item.index);
      return TRUE;
    }
  if (g_str_equal (from[0], "step") && g_strv_length (from) == 3 && g_str_equal (from[1], to[1]))
    {
      guint step = (guint) g_ascii_strtoull (from[2], NULL, 10);

      step_edit (self, from[1], step, (int) g_ascii_strtoull (to[2], NULL, 10) - (int) step, FALSE);
      return TRUE;
    }
  return FALSE;
}

static void
make_draggable (GtkWidget  *row,
                const char *what)
{
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);

  g_object_set_data_full (G_OBJECT (row), "weft-drag", g_strdup (what), g_free);
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));
}

static void
clear (GtkListBox *list)
{
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, row);
}

static void
rebuild (WeftSavedViewsList *self)
{
  WeftDataset *dataset = dataset_of (self);
  GPtrArray *views = dataset != NULL ? weft_dataset_get_views (dataset) : NULL;
  GPtrArray *stories = dataset != NULL ? weft_dataset_get_stories (dataset) : NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  int focused = -1;

  if (GTK_IS_LIST_BOX_ROW (focus) && gtk_widget_get_parent (focus) == GTK_WIDGET (self->views))
    focused = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (focus));
  clear (self->views);
  clear (self->stories);
  for (guint i = 0; views != NULL && i < views->len; i++)
    {
      WeftView *view = g_ptr_array_index (views, i);
      g_autoptr(GMenuModel) menu = view_menu (view->item.id, TRUE);
      GtkWidget *row = row_new (weft_view_get_title (view), view->note, menu, 0);
      g_autofree char *drag = g_strdup_printf ("view %s", view->item.id);

      g_object_set_data_full (G_OBJECT (row), "weft-id", g_strdup (view->item.id), g_free);
      make_draggable (row, drag);
      gtk_list_box_append (self->views, row);
    }
  for (guint s = 0; stories != NULL && s < stories->len; s++)
    {
      WeftStory *story = g_ptr_array_index (stories, s);
      g_autoptr(GMenuModel) menu = view_menu (story->item.id, FALSE);
      GtkWidget *row = row_new (weft_view_state_item_title (&story->item), NULL, menu, 0);

      gtk_widget_add_css_class (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)), "heading");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->stories, row);
      for (guint i = 0; i < story->n_steps; i++)
        {
          const WeftStoryStep *step = &story->steps[i];
          WeftItem *item = weft_dataset_lookup (dataset, step->view != NULL ? step->view : step->event);
          g_autoptr(GMenuModel) steps = step_menu (story->item.id, i);
          g_autofree char *title = g_strdup_printf ("%u. %s", i + 1,
                                                    item == NULL ? (step->view != NULL ? step->view : step->event)
                                                    : weft_view_state_item_title (item));
          g_autofree char *drag = g_strdup_printf ("step %s %u", story->item.id, i);

          row = row_new (title, step->note, steps, 12);
          make_draggable (row, drag);
          if (item != NULL)
            g_object_set_data_full (G_OBJECT (row), "weft-id", g_strdup (item->id), g_free);
          gtk_list_box_append (self->stories, row);
        }
    }
  gtk_widget_set_visible (self->empty, views == NULL || views->len == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->views), views != NULL && views->len > 0);
  gtk_widget_set_visible (self->stories_heading, stories != NULL && stories->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->stories), stories != NULL && stories->len > 0);
  if (focused >= 0 && views->len > 0)
    gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (self->views, MIN ((guint) focused, views->len - 1))));
}

/* A view: put back in the window. A story's step: its view, or its event
 * selected. */
static void
on_row_activated (WeftSavedViewsList *self,
                  GtkListBoxRow      *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "weft-id");
  WeftDataset *dataset = dataset_of (self);
  WeftItem *item = id != NULL && dataset != NULL ? weft_dataset_lookup (dataset, id) : NULL;

  if (item == NULL)
    return;
  if (item->type == WEFT_ITEM_VIEW)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.apply-view", "s", id);
  else
    weft_session_set_selection (weft_session_pane_get_session (WEFT_SESSION_PANE (self)), item);
}

static gboolean
on_views_key (GtkEventControllerKey *keys,
              guint                  keyval,
              guint                  keycode,
              GdkModifierType        state,
              WeftSavedViewsList    *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  const char *id = GTK_IS_LIST_BOX_ROW (focus) ? g_object_get_data (G_OBJECT (focus), "weft-id") : NULL;
  const char *action = NULL;

  state &= gtk_accelerator_get_default_mod_mask ();
  if (id == NULL)
    return FALSE;
  if (keyval == GDK_KEY_F2 && state == 0)
    action = "views.rename";
  else if (keyval == GDK_KEY_Delete && state == 0)
    action = "views.delete";
  else if (keyval == GDK_KEY_Up && state == GDK_ALT_MASK)
    action = "views.up";
  else if (keyval == GDK_KEY_Down && state == GDK_ALT_MASK)
    action = "views.down";
  if (action == NULL)
    return FALSE;
  gtk_widget_activate_action (GTK_WIDGET (self), action, "s", id);
  return TRUE;
}

/* ---- Object ------------------------------------------------------------- */

static void
weft_saved_views_list_session_changed (WeftSessionPane *pane)
{
  rebuild (WEFT_SAVED_VIEWS_LIST (pane));
}

static void
weft_saved_views_list_dispose (GObject *object)
{
  WeftSavedViewsList *self = WEFT_SAVED_VIEWS_LIST (object);

  weft_session_pane_set_session (WEFT_SESSION_PANE (self), NULL);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (weft_saved_views_list_parent_class)->dispose (object);
}

static void
weft_saved_views_list_class_init (WeftSavedViewsListClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const char * const item_actions[] = { "views.rename", "views.note", "views.up", "views.down", "views.delete" };
  const char * const step_actions[] = { "views.step-up", "views.step-down", "views.step-remove" };

  G_OBJECT_CLASS (klass)->dispose = weft_saved_views_list_dispose;
  WEFT_SESSION_PANE_CLASS (klass)->session_changed = weft_saved_views_list_session_changed;
  for (guint i = 0; i < G_N_ELEMENTS (item_actions); i++)
    gtk_widget_class_install_action (widget_class, item_actions[i], "s", item_action);
  for (guint i = 0; i < G_N_ELEMENTS (step_actions); i++)
    gtk_widget_class_install_action (widget_class, step_actions[i], "(su)", step_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "weftsavedviews");
}

static GtkWidget *
heading_new (const char *text)
{
  GtkWidget *label = label_new (text, "heading");

  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_top (label, 6);
  return label;
}

static GtkListBox *
list_new (WeftSavedViewsList *self,
          const char         *name)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_signal_connect_swapped (list, "row-activated", G_CALLBACK (on_row_activated), self);
  gtk_box_append (GTK_BOX (self->box), list);
  return GTK_LIST_BOX (list);
}

static void
weft_saved_views_list_init (WeftSavedViewsList *self)
{
  GSignalGroup *signals = weft_session_pane_get_signals (WEFT_SESSION_PANE (self));
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkWidget *empty;

  g_signal_group_connect_swapped (signals, "notify::dataset", G_CALLBACK (rebuild), self);
  g_signal_group_connect_swapped (signals, "dataset-changed", G_CALLBACK (rebuild), self);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_box_append (GTK_BOX (self->box), heading_new (_("Saved Views")));
  self->views = list_new (self, _("Saved Views"));
  empty = gtk_label_new (_("None yet. Save View (Ctrl+D) keeps what the panes show, to come back to here."));
  gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
  gtk_label_set_xalign (GTK_LABEL (empty), 0);
  gtk_widget_add_css_class (empty, "dim-label");
  gtk_widget_set_margin_start (empty, 12);
  gtk_widget_set_margin_end (empty, 12);
  gtk_widget_set_margin_top (empty, 6);
  gtk_widget_set_margin_bottom (empty, 6);
  gtk_box_insert_child_after (GTK_BOX (self->box), empty, GTK_WIDGET (self->views));
  self->empty = empty;
  /* Before the window's own F2 and Delete, which edit the selection. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_views_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self->views), keys);
  self->stories_heading = heading_new (_("Stories"));
  gtk_box_append (GTK_BOX (self->box), self->stories_heading);
  self->stories = list_new (self, _("Stories"));
}

GtkWidget *
weft_saved_views_list_new (void)
{
  return g_object_new (WEFT_TYPE_SAVED_VIEWS_LIST, NULL);
}

GtkListBox *
weft_saved_views_list_get_views (WeftSavedViewsList *self)
{
  return self->views;
}

GtkListBox *
weft_saved_views_list_get_stories (WeftSavedViewsList *self)
{
  return self->stories;
}
