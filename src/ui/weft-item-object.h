/* weft-item-object.h: a dataset item as a GObject, for list models
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <glib-object.h>

#include "weft-dataset.h"

G_BEGIN_DECLS

#define WEFT_TYPE_ITEM_OBJECT (weft_item_object_get_type ())
G_DECLARE_FINAL_TYPE (WeftItemObject, weft_item_object, WEFT, ITEM_OBJECT, GObject)

/* @item is borrowed: the caller keeps its dataset alive as long as the
 * object (list models hold a reference to the dataset for that). */
WeftItemObject *weft_item_object_new      (WeftItem       *item);
WeftItem       *weft_item_object_get_item (WeftItemObject *self);

G_END_DECLS
