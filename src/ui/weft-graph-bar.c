/* weft-graph-bar.c: the bar over the graph that says what it shows
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-ui"

#include "config.h"

#include "weft-graph-bar.h"

struct _WeftGraphBar
{
  GtkWidget      parent_instance;

  WeftGraphView *graph;
  GSignalGroup  *graph_signals;

  GtkRevealer   *revealer;
  GtkLabel      *label;
  GtkWidget     *full_button;
  GtkWidget     *cancel_button;
};

G_DEFINE_FINAL_TYPE (WeftGraphBar, weft_graph_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_GRAPH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The view's message, and the button that fits what it is doing. */
static void
update (WeftGraphBar *self)
{
  const char *message = self->graph ? weft_graph_view_get_message (self->graph) : NULL;
  gboolean busy = self->graph && weft_graph_view_get_busy (self->graph);
  gboolean bounded = self->graph && weft_graph_view_get_bounded (self->graph);

  gtk_label_set_label (self->label, message ? message : "");
  gtk_widget_set_visible (self->full_button, bounded && !busy);
  gtk_widget_set_visible (self->cancel_button, busy);
  gtk_revealer_set_reveal_child (self->revealer, message != NULL && message[0] != '\0');
}

/* The bar is not inside the view, so it calls the view's actions. */
static void
on_full_clicked (WeftGraphBar *self)
{
  if (self->graph != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self->graph), "graph.full-layout", NULL);
}

static void
on_cancel_clicked (WeftGraphBar *self)
{
  if (self->graph != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self->graph), "graph.cancel-layout", NULL);
}

static void
weft_graph_bar_dispose (GObject *object)
{
  WeftGraphBar *self = WEFT_GRAPH_BAR (object);

  g_signal_group_set_target (self->graph_signals, NULL);
  g_clear_object (&self->graph_signals);
  g_clear_object (&self->graph);
  gtk_widget_dispose_template (GTK_WIDGET (self), WEFT_TYPE_GRAPH_BAR);

  G_OBJECT_CLASS (weft_graph_bar_parent_class)->dispose (object);
}

static void
weft_graph_bar_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  WeftGraphBar *self = WEFT_GRAPH_BAR (object);

  switch (prop_id)
    {
    case PROP_GRAPH:
      /* Construct-only: the bar speaks for one view. */
      self->graph = g_value_dup_object (value);
      g_signal_group_set_target (self->graph_signals, self->graph);
      update (self);
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
weft_graph_bar_class_init (WeftGraphBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = weft_graph_bar_dispose;
  object_class->set_property = weft_graph_bar_set_property;

  properties[PROP_GRAPH] =
    g_param_spec_object ("graph", NULL, NULL, WEFT_TYPE_GRAPH_VIEW,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/weft/Weft/weft-graph-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, WeftGraphBar, revealer);
  gtk_widget_class_bind_template_child (widget_class, WeftGraphBar, label);
  gtk_widget_class_bind_template_child (widget_class, WeftGraphBar, full_button);
  gtk_widget_class_bind_template_child (widget_class, WeftGraphBar, cancel_button);
  gtk_widget_class_bind_template_callback (widget_class, on_full_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "weftgraphbar");
  /* A group to assistive technologies (a plain widget is named after its type). */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
weft_graph_bar_init (WeftGraphBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->graph_signals = g_signal_group_new (WEFT_TYPE_GRAPH_VIEW);
  g_signal_group_connect_swapped (self->graph_signals, "notify::message", G_CALLBACK (update), self);
  g_signal_group_connect_swapped (self->graph_signals, "notify::busy", G_CALLBACK (update), self);
  g_signal_group_connect_swapped (self->graph_signals, "notify::bounded", G_CALLBACK (update), self);
  update (self);
}

GtkWidget *
weft_graph_bar_new (WeftGraphView *graph)
{
  return g_object_new (WEFT_TYPE_GRAPH_BAR, "graph", graph, NULL);
}
