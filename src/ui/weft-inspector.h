/* weft-inspector.h
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <adwaita.h>

#include "weft-session.h"

G_BEGIN_DECLS

#define WEFT_TYPE_INSPECTOR (weft_inspector_get_type ())
G_DECLARE_FINAL_TYPE (WeftInspector, weft_inspector, WEFT, INSPECTOR, GtkWidget)

GtkWidget *weft_inspector_new         (void);
void       weft_inspector_set_session (WeftInspector *self,
                                       WeftSession   *session);
/* Every label the inspector shows now, one a line (for tests). */
char      *weft_inspector_dup_text    (WeftInspector *self);

G_END_DECLS
