/* weft-item-object.h: a row of the sidebar's list, as a GObject
 *
 * A dataset item (an entity of the entity list), a search match (the item
 * with what matched), or the heading of a group of matches with its count.
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <glib-object.h>

#include "weft-dataset.h"
#include "weft-query.h"

G_BEGIN_DECLS

#define WEFT_TYPE_ITEM_OBJECT (weft_item_object_get_type ())
G_DECLARE_FINAL_TYPE (WeftItemObject, weft_item_object, WEFT, ITEM_OBJECT, GObject)

/* @item and a match's item and text are borrowed: the caller keeps their
 * dataset alive as long as the object (list models hold a reference to
 * the dataset for that). */
WeftItemObject  *weft_item_object_new         (WeftItem        *item);
WeftItemObject  *weft_item_object_new_match   (const WeftMatch *match);
WeftItemObject  *weft_item_object_new_heading (WeftMatchKind    kind,
                                               guint            count);
/* The item; for a quote, its claim; NULL for a heading. */
WeftItem        *weft_item_object_get_item    (WeftItemObject  *self);
/* What found it, or NULL (an entity of the list, a heading). */
const WeftMatch *weft_item_object_get_match   (WeftItemObject  *self);
/* A heading: the kind of the matches it heads, and how many there are. */
gboolean         weft_item_object_is_heading  (WeftItemObject  *self);
WeftMatchKind    weft_item_object_get_kind    (WeftItemObject  *self);
guint            weft_item_object_get_count   (WeftItemObject  *self);

G_END_DECLS
