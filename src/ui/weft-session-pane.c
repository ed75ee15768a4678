/* weft-session-pane.c
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-ui"

#include "config.h"

#include "weft-session-pane.h"

typedef struct
{
  WeftSession  *session;
  GSignalGroup *signals;
} WeftSessionPanePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (WeftSessionPane, weft_session_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
weft_session_pane_dispose (GObject *object)
{
  WeftSessionPanePrivate *priv = weft_session_pane_get_instance_private (WEFT_SESSION_PANE (object));

  g_clear_object (&priv->signals);
  g_clear_object (&priv->session);

  G_OBJECT_CLASS (weft_session_pane_parent_class)->dispose (object);
}

static void
weft_session_pane_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SESSION: g_value_set_object (value, weft_session_pane_get_session (WEFT_SESSION_PANE (object))); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
weft_session_pane_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_SESSION: weft_session_pane_set_session (WEFT_SESSION_PANE (object), g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
weft_session_pane_class_init (WeftSessionPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = weft_session_pane_dispose;
  object_class->get_property = weft_session_pane_get_property;
  object_class->set_property = weft_session_pane_set_property;

  properties[PROP_SESSION] = g_param_spec_object ("session", NULL, NULL, WEFT_TYPE_SESSION, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* One child fills the pane, a group for assistive technologies. */
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
weft_session_pane_init (WeftSessionPane *self)
{
  WeftSessionPanePrivate *priv = weft_session_pane_get_instance_private (self);

  priv->signals = g_signal_group_new (WEFT_TYPE_SESSION);
}

WeftSession *
weft_session_pane_get_session (WeftSessionPane *self)
{
  WeftSessionPanePrivate *priv = weft_session_pane_get_instance_private (self);

  g_return_val_if_fail (WEFT_IS_SESSION_PANE (self), NULL);
  return priv->session;
}

void
weft_session_pane_set_session (WeftSessionPane *self,
                               WeftSession     *session)
{
  WeftSessionPanePrivate *priv = weft_session_pane_get_instance_private (self);

  g_return_if_fail (WEFT_IS_SESSION_PANE (self));
  g_return_if_fail (session == NULL || WEFT_IS_SESSION (session));

  if (!g_set_object (&priv->session, session))
    return;

  g_signal_group_set_target (priv->signals, session);
  if (WEFT_SESSION_PANE_GET_CLASS (self)->session_changed != NULL)
    WEFT_SESSION_PANE_GET_CLASS (self)->session_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

GSignalGroup *
weft_session_pane_get_signals (WeftSessionPane *self)
{
  WeftSessionPanePrivate *priv = weft_session_pane_get_instance_private (self);

  g_return_val_if_fail (WEFT_IS_SESSION_PANE (self), NULL);
  return priv->signals;
}
