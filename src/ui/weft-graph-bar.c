/* weft-graph-bar.c: the bar over the graph that says what it shows
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "weft-graph-bar.h"
#include "weft-kinds.h"
#include "weft-session.h"

struct _WeftGraphBar
{
  GtkWidget      parent_instance;

  WeftGraphView *graph;
  GSignalGroup  *graph_signals;

  GtkRevealer   *revealer;
  GtkLabel      *label;
  GtkWidget     *full_button;
  GtkWidget     *cancel_button;
  GtkWidget     *focus_button;
  GtkWidget     *legend_button;
  GtkMenuButton *path_button;

  /* The links popover: the session's path options. */
  WeftSession   *session;
  GSignalGroup  *session_signals;
  GtkCheckButton *named_together;
  GtkCheckButton *kinds[WEFT_N_ENTITY_KINDS];
  GtkCheckButton *statuses[WEFT_N_STATUSES];
  gboolean       syncing;
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
  gboolean outside = self->graph && weft_graph_view_get_selection_outside (self->graph);

  gtk_label_set_label (self->label, message ? message : "");
  gtk_widget_set_visible (self->full_button, bounded && !busy && !outside);
  gtk_widget_set_visible (self->focus_button, outside && !busy);
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
on_focus_clicked (WeftGraphBar *self)
{
  if (self->graph != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self->graph), "graph.focus", NULL);
}

/* ---- The links popover ---------------------------------------------------- */

/* The check buttons say what the session has. */
static void
sync_links (WeftGraphBar *self)
{
  guint excluded = 0, statuses = 0;
  gboolean named_together = TRUE;

  if (self->session != NULL)
    g_object_get (self->session, "path-excluded-kinds", &excluded, "path-statuses", &statuses,
                  "named-together", &named_together, NULL);
  self->syncing = TRUE;
  gtk_check_button_set_active (self->named_together, named_together);
  for (guint i = 0; i < WEFT_N_ENTITY_KINDS; i++)
    gtk_check_button_set_active (self->kinds[i], (excluded & (1u << i)) != 0);
  for (guint i = 0; i < WEFT_N_STATUSES; i++)
    gtk_check_button_set_active (self->statuses[i], (statuses & (1u << i)) != 0);
  self->syncing = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->path_button), self->session != NULL);
}

/* The session gets what the check buttons say. */
static void
on_link_toggled (WeftGraphBar *self)
{
  guint excluded = 0, statuses = 0;

  if (self->syncing || self->session == NULL)
    return;
  for (guint i = 0; i < WEFT_N_ENTITY_KINDS; i++)
    if (gtk_check_button_get_active (self->kinds[i]))
      excluded |= 1u << i;
  for (guint i = 0; i < WEFT_N_STATUSES; i++)
    if (gtk_check_button_get_active (self->statuses[i]))
      statuses |= 1u << i;
  g_object_set (self->session, "path-excluded-kinds", excluded, "path-statuses", statuses,
                "named-together", gtk_check_button_get_active (self->named_together), NULL);
}

static GtkCheckButton *
new_check (WeftGraphBar *self,
           const char   *label)
{
  GtkWidget *check = gtk_check_button_new_with_mnemonic (label);

  g_signal_connect_swapped (check, "toggled", G_CALLBACK (on_link_toggled), self);
  return GTK_CHECK_BUTTON (check);
}

static void
add_heading (GtkBox     *box,
             const char *text)
{
  GtkWidget *heading = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_set_margin_top (heading, 6);
  gtk_box_append (box, heading);
}

/* @n checks in two columns, in reading order. */
static void
add_columns (GtkBox          *box,
             GtkCheckButton **checks,
             guint            n)
{
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());

  gtk_grid_set_column_spacing (grid, 12);
  for (guint i = 0; i < n; i++)
    gtk_grid_attach (grid, GTK_WIDGET (checks[i]), i % 2, i / 2, 1, 1);
  gtk_box_append (box, GTK_WIDGET (grid));
}

static void
build_links_popover (WeftGraphBar *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkBox *box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 4));

  gtk_widget_set_margin_start (GTK_WIDGET (box), 6);
  gtk_widget_set_margin_end (GTK_WIDGET (box), 6);
  gtk_widget_set_margin_top (GTK_WIDGET (box), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (box), 6);
  self->named_together = new_check (self, _("Link entities _named in the same event or claim"));
  gtk_box_append (box, GTK_WIDGET (self->named_together));
  add_heading (box, _("Paths do not pass through"));
  for (guint i = 0; i < WEFT_N_ENTITY_KINDS; i++)
    self->kinds[i] = new_check (self, weft_entity_kind_label (i));
  add_columns (box, self->kinds, WEFT_N_ENTITY_KINDS);
  /* Translators: followed by claim statuses (Reported, Confirmed…); none checked: every link. */
  add_heading (box, _("Paths follow only links a claim backs that is"));
  for (guint i = 0; i < WEFT_N_STATUSES; i++)
    self->statuses[i] = new_check (self, weft_claim_status_label (i));
  add_columns (box, self->statuses, WEFT_N_STATUSES);
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (box));
  gtk_menu_button_set_popover (self->path_button, popover);
  /* Named, not after their types (GTK 4.8), each once. */
  weft_accessible_set_label (GTK_WIDGET (self->path_button), gtk_menu_button_get_label (self->path_button));
  weft_accessible_set_label (popover, gtk_menu_button_get_label (self->path_button));
  weft_accessible_set_label (self->legend_button, gtk_button_get_label (GTK_BUTTON (self->legend_button)));
  weft_accessible_set_label (GTK_WIDGET (self->named_together),
                             gtk_check_button_get_label (self->named_together));
}

static void
on_session_notify (WeftGraphBar *self)
{
  WeftSession *session = NULL;

  if (self->graph != NULL)
    g_object_get (self->graph, "session", &session, NULL);
  g_set_object (&self->session, session);
  g_clear_object (&session);
  g_signal_group_set_target (self->session_signals, self->session);
  sync_links (self);
}

static void
weft_graph_bar_dispose (GObject *object)
{
  WeftGraphBar *self = WEFT_GRAPH_BAR (object);

  g_signal_group_set_target (self->graph_signals, NULL);
  g_clear_object (&self->graph_signals);
  g_signal_group_set_target (self->session_signals, NULL);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);
  g_clear_object (&self->graph);
  gtk_widget_dispose_template (GTK_WIDGET (self), WEFT_TYPE_GRAPH_BAR);
  /* The row holding the banner and the tools (not a template child). */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);

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
      if (self->graph != NULL)
        g_object_bind_property (self->graph, "show-legend", self->legend_button, "active",
                                G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
      on_session_notify (self);
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
  gtk_widget_class_bind_template_child (widget_class, WeftGraphBar, focus_button);
  gtk_widget_class_bind_template_child (widget_class, WeftGraphBar, legend_button);
  gtk_widget_class_bind_template_child (widget_class, WeftGraphBar, path_button);
  gtk_widget_class_bind_template_callback (widget_class, on_focus_clicked);
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
  g_signal_group_connect_swapped (self->graph_signals, "notify::selection-outside", G_CALLBACK (update), self);
  g_signal_group_connect_swapped (self->graph_signals, "notify::session", G_CALLBACK (on_session_notify), self);
  self->session_signals = g_signal_group_new (WEFT_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify::path-excluded-kinds", G_CALLBACK (sync_links), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::path-statuses", G_CALLBACK (sync_links), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::named-together", G_CALLBACK (sync_links), self);
  build_links_popover (self);
  sync_links (self);
  update (self);
}

GtkWidget *
weft_graph_bar_new (WeftGraphView *graph)
{
  return g_object_new (WEFT_TYPE_GRAPH_BAR, "graph", graph, NULL);
}
