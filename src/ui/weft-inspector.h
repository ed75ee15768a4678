/* weft-inspector.h
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <adwaita.h>

#include "weft-session-pane.h"

G_BEGIN_DECLS

#define WEFT_TYPE_INSPECTOR (weft_inspector_get_type ())
G_DECLARE_FINAL_TYPE (WeftInspector, weft_inspector, WEFT, INSPECTOR, WeftSessionPane)

GtkWidget *weft_inspector_new         (void);
/* Gives keyboard focus to the heading of what the inspector shows. */
gboolean   weft_inspector_grab_heading (WeftInspector *self);
/* Every label the inspector shows now, one a line (for tests). */
char      *weft_inspector_dup_text    (WeftInspector *self);
/* Shows an editing form instead of the item; NULL: the item again. */
void       weft_inspector_show_form   (WeftInspector *self,
                                       GtkWidget     *form);

G_END_DECLS
