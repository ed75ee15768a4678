/* weft-edit-picker.c: choosing an item by typing part of its name
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "weft-edit-picker.h"

#define IDS_KEY "weft-picker-ids"

static void
add_items (GtkStringList *names,
           GPtrArray     *ids,
           GPtrArray     *items,
           gboolean       say_type)
{
  for (guint i = 0; i < items->len; i++)
    {
      WeftItem *item = g_ptr_array_index (items, i);
      g_autofree char *name = NULL;

      if (say_type)
        /* Translators: an item in a list of items of every kind: "Huawei · Entity" */
        name = g_strdup_printf (_("%s · %s"), weft_item_get_label (item), weft_item_type_label (item->type));
      else
        name = g_strdup (weft_item_get_label (item));
      gtk_string_list_append (names, name);
      g_ptr_array_add (ids, (gpointer) item->id);
    }
}

GtkWidget *
weft_edit_picker_new (WeftDataset  *dataset,
                      WeftItemType  type,
                      gboolean      optional,
                      const char   *label)
{
  GtkStringList *names = gtk_string_list_new (NULL);
  GPtrArray *ids = g_ptr_array_new ();
  GtkWidget *picker;

  if (optional)
    {
      /* Translators: a reference left empty, in a list of items to choose */
      gtk_string_list_append (names, _("None"));
      g_ptr_array_add (ids, NULL);
    }
  if (type == WEFT_ITEM_ENTITY || type == WEFT_ITEM_NONE)
    add_items (names, ids, weft_dataset_get_entities (dataset), type == WEFT_ITEM_NONE);
  if (type == WEFT_ITEM_EVENT || type == WEFT_ITEM_NONE)
    add_items (names, ids, weft_dataset_get_events (dataset), type == WEFT_ITEM_NONE);
  if (type == WEFT_ITEM_CLAIM || type == WEFT_ITEM_NONE)
    add_items (names, ids, weft_dataset_get_claims (dataset), type == WEFT_ITEM_NONE);
  if (type == WEFT_ITEM_RELATION || type == WEFT_ITEM_NONE)
    add_items (names, ids, weft_dataset_get_relations (dataset), type == WEFT_ITEM_NONE);
  if (type == WEFT_ITEM_SOURCE || type == WEFT_ITEM_NONE)
    add_items (names, ids, weft_dataset_get_sources (dataset), type == WEFT_ITEM_NONE);
  if (type == WEFT_ITEM_ERA)
    add_items (names, ids, weft_dataset_get_eras (dataset), FALSE);

  picker = gtk_drop_down_new (G_LIST_MODEL (names),
                              gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (picker), TRUE);
  gtk_widget_set_valign (picker, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (picker), IDS_KEY, ids, (GDestroyNotify) g_ptr_array_unref);
  gtk_accessible_update_property (GTK_ACCESSIBLE (picker), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_tooltip_text (picker, label);
  if (!optional && ids->len == 0)
    gtk_widget_set_sensitive (picker, FALSE);
  return picker;
}

const char *
weft_edit_picker_get_id (GtkWidget *picker)
{
  GPtrArray *ids = g_object_get_data (G_OBJECT (picker), IDS_KEY);
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (picker));

  if (ids == NULL || selected >= ids->len)
    return NULL;
  return g_ptr_array_index (ids, selected);
}

gboolean
weft_edit_picker_set_id (GtkWidget  *picker,
                         const char *id)
{
  GPtrArray *ids = g_object_get_data (G_OBJECT (picker), IDS_KEY);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (ids, i), id) == 0)
      {
        gtk_drop_down_set_selected (GTK_DROP_DOWN (picker), i);
        return TRUE;
      }
  return FALSE;
}
