/* weft-dataset-private.h: for the core's own loaders and importers
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include "weft-dataset.h"

G_BEGIN_DECLS

/* "entities[3]" or "entities[3].member": the JSON path of an item in the
 * .weft format, as diagnostics use it. */
char *weft_item_path                (const WeftItem   *item,
                                     const char       *member);

/* Sets the position of a diagnostic once it is known. */
void  weft_diagnostics_set_position (WeftDiagnostics  *self,
                                     guint             index,
                                     guint             line,
                                     guint             column);

/* Gives a line and column to every diagnostic from @first on that has a
 * JSON path but no position yet, by finding where that value starts in
 * @text (or the nearest enclosing value that exists). A column already set
 * is taken as a character offset inside the string value. */
void  weft_resolve_json_positions   (WeftDiagnostics  *diagnostics,
                                     guint             first,
                                     const char       *text,
                                     gsize             length);

G_END_DECLS
