/* weft-relation-popover.c: the type and claim of a relation drawn in the graph
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "weft-edit-form.h"
#include "weft-edit-picker.h"
#include "weft-relation-popover.h"

struct _WeftRelationPopover
{
  GtkPopover     parent_instance;

  WeftUndoStack *stack;
  char          *from;
  char          *to;
  GtkWidget     *type_entry;
  GtkWidget     *types;      /* a menu of the types in use */
  GtkStringList *type_names;
  GtkWidget     *claim;      /* a picker, optional */
  GtkWidget     *error;      /* why it was not made */
};

G_DEFINE_FINAL_TYPE (WeftRelationPopover, weft_relation_popover, GTK_TYPE_POPOVER)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

/* The types of the dataset's relations, each once, sorted. */
static GtkStringList *
types_in_use (WeftDataset *dataset)
{
  GPtrArray *relations = weft_dataset_get_relations (dataset);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < relations->len; i++)
    {
      WeftRelation *r = g_ptr_array_index (relations, i);

      if (r->type != NULL && r->type[0] != '\0' && g_hash_table_add (seen, (gpointer) r->type))
        g_ptr_array_add (names, (gpointer) r->type);
    }
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return gtk_string_list_new ((const char * const *) names->pdata);
}

/* One of the types in use, chosen from the menu. */
static void
pick_type (GtkWidget  *widget,
           const char *action,
           GVariant   *parameter)
{
  WeftRelationPopover *self = WEFT_RELATION_POPOVER (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->type_entry), g_variant_get_string (parameter, NULL));
  gtk_editable_set_position (GTK_EDITABLE (self->type_entry), -1);
  gtk_widget_grab_focus (self->type_entry);
}

static void
on_type_changed (WeftRelationPopover *self)
{
  gtk_widget_remove_css_class (self->type_entry, "error");
  gtk_widget_set_visible (self->error, FALSE);
}

static void
say_error (WeftRelationPopover *self,
           const char          *message)
{
  gtk_label_set_text (GTK_LABEL (self->error), message);
  gtk_widget_set_visible (self->error, TRUE);
}

gboolean
weft_relation_popover_commit (WeftRelationPopover  *self,
                              GError              **error)
{
  g_autofree char *type = NULL;
  const char *claim;
  g_autoptr(WeftEdit) edit = NULL;
  g_autoptr(GError) local = NULL;
  WeftItem *relation;
  gboolean ok;

  g_return_val_if_fail (WEFT_IS_RELATION_POPOVER (self), FALSE);

  type = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->type_entry))));
  if (type[0] == '\0')
    {
      gtk_widget_add_css_class (self->type_entry, "error");
      g_set_error_literal (&local, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("A relation needs a type."));
      say_error (self, local->message);
      gtk_widget_grab_focus (self->type_entry);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }

  claim = weft_edit_picker_get_id (self->claim);
  edit = weft_undo_stack_begin (self->stack, weft_edit_type_label (WEFT_ITEM_RELATION, TRUE));
  relation = weft_edit_create (edit, WEFT_ITEM_RELATION, NULL, &local);
  ok = relation != NULL
       && weft_edit_set (edit, relation, "from", self->from, &local)
       && weft_edit_set (edit, relation, "to", self->to, &local)
       && weft_edit_set (edit, relation, "type", type, &local);
  if (ok && claim != NULL)
    {
      const char *claims[] = { claim, NULL };

      ok = weft_edit_set_list (edit, relation, "claims", claims, &local);
    }
  if (ok)
    ok = weft_undo_stack_commit (self->stack, edit, &local);
  else
    weft_edit_cancel (edit);
  if (!ok)
    {
      say_error (self, local->message);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  g_signal_emit (self, signals[CREATED], 0, relation);
  gtk_popover_popdown (GTK_POPOVER (self));
  return TRUE;
}

static void
create (WeftRelationPopover *self)
{
  weft_relation_popover_commit (self, NULL);
}

static GtkWidget *
caption (const char *text,
         GtkWidget  *mnemonic_widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), mnemonic_widget);
  gtk_widget_add_css_class (label, "caption-heading");
  return label;
}

static void
weft_relation_popover_dispose (GObject *object)
{
  WeftRelationPopover *self = WEFT_RELATION_POPOVER (object);

  g_clear_object (&self->stack);
  g_clear_object (&self->type_names);

  G_OBJECT_CLASS (weft_relation_popover_parent_class)->dispose (object);
}

static void
weft_relation_popover_finalize (GObject *object)
{
  WeftRelationPopover *self = WEFT_RELATION_POPOVER (object);

  g_free (self->from);
  g_free (self->to);

  G_OBJECT_CLASS (weft_relation_popover_parent_class)->finalize (object);
}

static void
weft_relation_popover_class_init (WeftRelationPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = weft_relation_popover_dispose;
  object_class->finalize = weft_relation_popover_finalize;

  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "relation.pick-type", "s", pick_type);

  /* The relation made (a WeftItem of the dataset). */
  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
weft_relation_popover_init (WeftRelationPopover *self)
{
}

/* "Alpha → Beta": the ends, by their labels. */
static char *
ends_text (WeftDataset *dataset,
           const char  *from,
           const char  *to)
{
  WeftItem *a = weft_dataset_lookup (dataset, from);
  WeftItem *b = weft_dataset_lookup (dataset, to);

  return g_strdup_printf ("%s → %s", a ? weft_item_get_label (a) : from, b ? weft_item_get_label (b) : to);
}

GtkWidget *
weft_relation_popover_new (WeftUndoStack *stack,
                           const char    *from,
                           const char    *to)
{
  WeftRelationPopover *self = g_object_new (WEFT_TYPE_RELATION_POPOVER, NULL);
  WeftDataset *dataset = weft_undo_stack_get_dataset (stack);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *type_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *heading = gtk_label_new (weft_edit_type_label (WEFT_ITEM_RELATION, TRUE));
  g_autofree char *ends = ends_text (dataset, from, to);
  GtkWidget *ends_label = gtk_label_new (ends);
  GtkWidget *hint, *cancel, *button;

  self->stack = g_object_ref (stack);
  self->from = g_strdup (from);
  self->to = g_strdup (to);

  gtk_widget_set_size_request (box, 320, -1);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);
  gtk_label_set_xalign (GTK_LABEL (ends_label), 0);
  gtk_label_set_wrap (GTK_LABEL (ends_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (ends_label), 40);
  gtk_widget_add_css_class (ends_label, "dim-label");
  gtk_box_append (GTK_BOX (box), ends_label);

  /* The type: typed, or one of those in use. */
  self->type_entry = gtk_entry_new ();
  gtk_widget_set_hexpand (self->type_entry, TRUE);
  gtk_entry_set_activates_default (GTK_ENTRY (self->type_entry), FALSE);
  g_signal_connect_swapped (self->type_entry, "activate", G_CALLBACK (create), self);
  g_signal_connect_swapped (self->type_entry, "changed", G_CALLBACK (on_type_changed), self);
  gtk_box_append (GTK_BOX (box), caption (_("_Type"), self->type_entry));
  gtk_box_append (GTK_BOX (type_row), self->type_entry);
  self->type_names = types_in_use (dataset);
  self->types = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->types), "pan-down-symbolic");
  {
    g_autoptr(GMenu) menu = g_menu_new ();

    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->type_names)); i++)
      {
        const char *name = gtk_string_list_get_string (self->type_names, i);
        /* A menu's "_" marks a mnemonic: "located_in" is written "located__in". */
        g_auto(GStrv) pieces = g_strsplit (name, "_", -1);
        g_autofree char *label = g_strjoinv ("__", pieces);
        g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

        g_menu_item_set_action_and_target (item, "relation.pick-type", "s", name);
        g_menu_append_item (menu, item);
      }
    gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->types), G_MENU_MODEL (menu));
  }
  gtk_widget_set_tooltip_text (self->types, _("Types in Use"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->types), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Types in Use"), -1);
  gtk_widget_set_visible (self->types, g_list_model_get_n_items (G_LIST_MODEL (self->type_names)) > 0);
  gtk_box_append (GTK_BOX (type_row), self->types);
  gtk_box_append (GTK_BOX (box), type_row);

  /* The claim that supports it; none leaves it unsourced. */
  self->claim = weft_edit_picker_new (dataset, WEFT_ITEM_CLAIM, TRUE, _("Supporting Claim"));
  gtk_widget_set_hexpand (self->claim, TRUE);
  gtk_box_append (GTK_BOX (box), caption (_("Supporting C_laim"), self->claim));
  gtk_box_append (GTK_BOX (box), self->claim);
  hint = gtk_label_new (_("Without a claim, the relation is drawn as unsourced."));
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (hint), 40);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_add_css_class (hint, "caption");
  gtk_box_append (GTK_BOX (box), hint);

  self->error = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->error), 0);
  gtk_label_set_wrap (GTK_LABEL (self->error), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->error), 40);
  gtk_widget_add_css_class (self->error, "error");
  gtk_widget_set_visible (self->error, FALSE);
  gtk_box_append (GTK_BOX (box), self->error);

  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_popover_popdown), self);
  button = gtk_button_new_with_mnemonic (_("C_reate"));
  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (create), self);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_margin_top (buttons, 6);
  gtk_box_append (GTK_BOX (buttons), cancel);
  gtk_box_append (GTK_BOX (buttons), button);
  gtk_box_append (GTK_BOX (box), buttons);

  gtk_popover_set_child (GTK_POPOVER (self), box);
  gtk_popover_set_default_widget (GTK_POPOVER (self), button);
  return GTK_WIDGET (self);
}

GtkWidget *
weft_relation_popover_get_type_entry (WeftRelationPopover *self)
{
  return self->type_entry;
}

GtkWidget *
weft_relation_popover_get_claim_picker (WeftRelationPopover *self)
{
  return self->claim;
}

GtkStringList *
weft_relation_popover_get_types (WeftRelationPopover *self)
{
  return self->type_names;
}
