/* weft-kinds.h: icons for entity kinds and item types
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include "weft-dataset.h"

G_BEGIN_DECLS

/* Weft's own symbolic icons, in the application's resources. */
const char *weft_kind_icon_name (WeftEntityKind kind);
const char *weft_item_icon_name (const WeftItem *item);

G_END_DECLS
