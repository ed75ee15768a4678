/* weft-item-object.c
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-ui"

#include "config.h"

#include "weft-item-object.h"

struct _WeftItemObject
{
  GObject   parent_instance;
  WeftItem *item;
};

G_DEFINE_FINAL_TYPE (WeftItemObject, weft_item_object, G_TYPE_OBJECT)

static void
weft_item_object_class_init (WeftItemObjectClass *klass)
{
}

static void
weft_item_object_init (WeftItemObject *self)
{
}

WeftItemObject *
weft_item_object_new (WeftItem *item)
{
  WeftItemObject *self = g_object_new (WEFT_TYPE_ITEM_OBJECT, NULL);

  self->item = item;
  return self;
}

WeftItem *
weft_item_object_get_item (WeftItemObject *self)
{
  g_return_val_if_fail (WEFT_IS_ITEM_OBJECT (self), NULL);
  return self->item;
}
