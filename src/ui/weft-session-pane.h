/* weft-session-pane.h: a side pane that shows part of a session
 *
 * The entity list and the inspector both follow the window's session: the
 * pane holds it ("session"), and what a subclass connects to the pane's
 * signal group follows whichever session the pane has.
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <gtk/gtk.h>

#include "weft-session.h"

G_BEGIN_DECLS

#define WEFT_TYPE_SESSION_PANE (weft_session_pane_get_type ())
G_DECLARE_DERIVABLE_TYPE (WeftSessionPane, weft_session_pane, WEFT, SESSION_PANE, GtkWidget)

struct _WeftSessionPaneClass
{
  GtkWidgetClass parent_class;

  /* Shows the session the pane has now (maybe NULL), after a change. */
  void (*session_changed) (WeftSessionPane *self);
};

WeftSession  *weft_session_pane_get_session (WeftSessionPane *self);
void          weft_session_pane_set_session (WeftSessionPane *self,
                                             WeftSession     *session);
/* The session's signals the pane follows: connect them here, in init. */
GSignalGroup *weft_session_pane_get_signals (WeftSessionPane *self);

G_END_DECLS
