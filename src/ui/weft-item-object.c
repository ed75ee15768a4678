/* weft-item-object.c
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-ui"

#include "config.h"

#include "weft-item-object.h"

struct _WeftItemObject
{
  GObject    parent_instance;
  WeftItem  *item;
  WeftMatch  match;
  gboolean   has_match;
  guint      count;      /* a heading's; item is NULL then */
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

WeftItemObject *
weft_item_object_new_match (const WeftMatch *match)
{
  WeftItemObject *self = weft_item_object_new (match->item);

  self->match = *match;
  self->has_match = TRUE;
  return self;
}

WeftItemObject *
weft_item_object_new_heading (WeftMatchKind kind,
                              guint         count)
{
  WeftItemObject *self = g_object_new (WEFT_TYPE_ITEM_OBJECT, NULL);

  self->match.kind = kind;
  self->count = count;
  return self;
}

WeftItem *
weft_item_object_get_item (WeftItemObject *self)
{
  g_return_val_if_fail (WEFT_IS_ITEM_OBJECT (self), NULL);
  return self->item;
}

const WeftMatch *
weft_item_object_get_match (WeftItemObject *self)
{
  g_return_val_if_fail (WEFT_IS_ITEM_OBJECT (self), NULL);
  return self->has_match ? &self->match : NULL;
}

gboolean
weft_item_object_is_heading (WeftItemObject *self)
{
  g_return_val_if_fail (WEFT_IS_ITEM_OBJECT (self), FALSE);
  return self->item == NULL;
}

WeftMatchKind
weft_item_object_get_kind (WeftItemObject *self)
{
  g_return_val_if_fail (WEFT_IS_ITEM_OBJECT (self), WEFT_MATCH_ENTITY);
  return self->match.kind;
}

guint
weft_item_object_get_count (WeftItemObject *self)
{
  g_return_val_if_fail (WEFT_IS_ITEM_OBJECT (self), 0);
  return self->count;
}
