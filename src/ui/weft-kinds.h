/* weft-kinds.h: how items look: icons for entity kinds and item types,
 * and the label their text goes in
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <gtk/gtk.h>

#include "weft-dataset.h"

G_BEGIN_DECLS

/* Weft's own symbolic icons, in the application's resources. */
const char *weft_kind_icon_name (WeftEntityKind kind);
const char *weft_item_icon_name (const WeftItem *item);

/* A label for text from the dataset: plain text, never markup, wrapped
 * anywhere a line must break, aligned to the start; with @css_class
 * unless it is NULL. */
GtkWidget  *weft_text_label_new (const char     *text,
                                 const char     *css_class);

G_END_DECLS
