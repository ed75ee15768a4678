/* weft-timeline-view.c: the zoomable timeline of a session's dataset
 *
 * SPDX-License-Identifier: MIT
 *
 * A thin widget over the core timeline pane (weft-timeline-pane.h),
 * which keeps the visible span, gives the lanes their rows (scrolling),
 * lays out and draws, exactly as `weft timeline --view` does. The widget
 * hands the pane its size and the pointer's zooming, panning and
 * scrolling, and draws the pane into one cairo node but for the text,
 * which goes into text render nodes made once per string and colour and
 * kept in a cache, so scrolling and zooming only move them.
 *
 * Pointer, as GNOME apps do: the wheel scrolls the lanes, horizontal
 * scrolling (or Shift with the wheel) pans in time, Ctrl with the wheel
 * and pinching zoom around the pointer; dragging the lanes pans,
 * dragging on the axis selects a time window (the session's, which the
 * graph and lists follow), dragging the overview moves the view. A click
 * selects an event, opens a cluster, or folds a lane; a double click
 * centres and zooms on an event. A title cut short for a neighbour shows
 * whole in the event's tooltip.
 *
 * Keyboard, for everything the pointer does: n and p step through events,
 * Up and Down move a lane cursor (a ring round its title), Space folds its
 * lane and Return opens its cluster nearest the middle; w sets the time
 * window to the selected event's days, Shift+arrows move its end and
 * Shift+Ctrl+arrows its start, Shift+W types its dates, Escape clears it.
 * The accessible description says what the last key did, then the
 * selected event as a sentence (GTK 4.8 has no announcements: a screen
 * reader reads the focused object's description as it changes).
 */
#define G_LOG_DOMAIN "weft-ui"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "weft-error.h"
#include "weft-hash.h"
#include "weft-present.h"
#include "weft-timeline-lighting.h"
#include "weft-timeline-pane.h"
#include "weft-timeline-view.h"

#define ZOOM_STEP 1.5
#define PAN_FRACTION 0.25
#define LANE_SCROLL_STEP 64.0
#define MAX_TEXT_NODES 4000
#define CLICK_SLOP 4.0

typedef enum {
  DRAG_NONE,
  DRAG_PAN,
  DRAG_BRUSH,
  DRAG_OVERVIEW,
} DragMode;

typedef enum {
  REGION_HEADER,
  REGION_LANES,
  REGION_OVERVIEW,
} Region;

struct _WeftTimelineView
{
  GtkWidget             parent_instance;

  WeftSession          *session;
  GSignalGroup         *session_signals;
  GSignalGroup         *style_signals;  /* the AdwStyleManager's */

  WeftDataset          *dataset;
  WeftTimelineLanes     lanes;
  gboolean              lanes_chosen;   /* by the user: kept across datasets */
  WeftTimelinePane     *pane;           /* NULL without a dataset */
  WeftTimelineIndex    *index;          /* the pane's */

  WeftEvent            *selected;
  WeftTimelineLit       selection_lit;  /* the selected entity's or claim's events and lanes */
  WeftTimelineLit       search_lit;     /* what the search reaches; events NULL without one */
  guint                 n_events;
  char                 *accessible_text;
  char                 *said;           /* what the last key did, read first; or NULL */
  int                   lane_cursor;    /* the lane the keyboard is on (index order), or -1 */

  GtkWidget            *range_popover;  /* timeline.edit-range's, made on first use */
  GtkWidget            *range_entries[2];
  GtkWidget            *range_set;

  double                text_scale;     /* widget pixels a pane pixel */
  gboolean              has_obscured;
  WeftTimelineRect      obscured;       /* pane pixels: shown events keep clear of it */

  WeftEvent            *hovered;
  gboolean              pointer_inside;
  double                pointer_x;
  double                pointer_y;

  DragMode              drag_mode;
  double                drag_x;
  double                drag_y;
  WeftTimelineScale     drag_scale;
  double                drag_scroll;
  double                drag_grab;      /* overview: where in the window it was grabbed */
  gboolean              brushing;
  double                brush_lower;
  double                brush_upper;

  WeftTimelineScale     pinch_scale;
  double                pinch_x;

  GHashTable           *text_nodes;     /* key -> GskRenderNode */
  GPtrArray            *lane_texts;     /* GskRenderNode, this snapshot's */
  GPtrArray            *header_texts;
  gboolean              dark;
};

G_DEFINE_FINAL_TYPE (WeftTimelineView, weft_timeline_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_LANES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "create-event" (gint64 day): a double-click on empty lane space asks for
 * a new event at that day (weft-edit-controller.c makes it). */
static guint create_event_signal;

static void update (WeftTimelineView *self);
static const WeftTimelineLaneBox *cursor_box (WeftTimelineView *self,
                                              guint            *position);

/* ---- Geometry ---------------------------------------------------------- */

/* The pane is the widget at 1 / text_scale: its pixels, which the frame,
 * pointer positions and everything below are in, are text_scale widget
 * pixels. */
static double
view_width (WeftTimelineView *self)
{
  return MAX (gtk_widget_get_width (GTK_WIDGET (self)) / self->text_scale, 1);
}

static double
view_height (WeftTimelineView *self)
{
  return MAX (gtk_widget_get_height (GTK_WIDGET (self)) / self->text_scale, 1);
}

/* With a pane only. */
static const WeftTimelineFrame *
frame_of (WeftTimelineView *self)
{
  return weft_timeline_pane_get_frame (self->pane);
}

static double
lanes_bottom (WeftTimelineView *self)
{
  return MAX (view_height (self) - WEFT_TIMELINE_OVERVIEW_HEIGHT, 0);
}

static double
header_height (WeftTimelineView *self)
{
  return self->pane != NULL ? frame_of (self)->header_height : 0;
}

static Region
region_at (WeftTimelineView *self,
           double            y)
{
  if (y >= lanes_bottom (self))
    return REGION_OVERVIEW;
  if (y < header_height (self))
    return REGION_HEADER;
  return REGION_LANES;
}

/* Lane coordinates of a widget y. */
static double
lane_y (WeftTimelineView *self,
        double            y)
{
  return y - header_height (self) + weft_timeline_pane_get_scroll (self->pane);
}

static const WeftTimelineScale *
scale_of (WeftTimelineView *self)
{
  return weft_timeline_pane_get_scale (self->pane);
}

/* ---- The span ---------------------------------------------------------- */

static void
set_span (WeftTimelineView *self,
          double            lower,
          double            upper)
{
  if (self->pane == NULL)
    return;
  weft_timeline_pane_set_span (self->pane, lower, upper);
  update (self);
}

static void
zoom_at (WeftTimelineView *self,
         double            x,
         double            factor)
{
  if (self->pane == NULL)
    return;
  weft_timeline_pane_zoom (self->pane, x, factor);
  update (self);
}

static double
zoom_anchor (WeftTimelineView *self)
{
  if (self->pointer_inside && self->pointer_x >= 0 && self->pointer_x <= view_width (self))
    return self->pointer_x;
  return view_width (self) / 2;
}

static void
pan (WeftTimelineView *self,
     double            dx)
{
  if (self->pane == NULL)
    return;
  weft_timeline_pane_pan (self->pane, dx);
  update (self);
}

static void
scroll_lanes (WeftTimelineView *self,
              double            dy)
{
  if (self->pane == NULL)
    return;
  weft_timeline_pane_set_scroll (self->pane, weft_timeline_pane_get_scroll (self->pane) + dy);
  update (self);
}

static gboolean
event_span (WeftTimelineView *self,
            WeftEvent        *event,
            double           *lower,
            double           *upper)
{
  return self->pane != NULL && weft_timeline_pane_get_event_days (self->pane, event, lower, upper);
}

/* Brings an event into view, clear of what covers the view; with @zoom,
 * zoomed so that it fills about a third of the free part, else at the
 * same zoom unless it does not fit. */
static gboolean
show_event (WeftTimelineView *self,
            WeftEvent        *event,
            gboolean          zoom)
{
  gboolean shown;

  if (self->pane == NULL)
    return FALSE;
  shown = weft_timeline_pane_reveal_event (self->pane, event, G_MAXUINT,
                                           self->has_obscured ? &self->obscured : NULL,
                                           zoom ? WEFT_TIMELINE_REVEAL_ZOOM : WEFT_TIMELINE_REVEAL_MOVE);
  update (self);
  return shown;
}

/* ---- Data -------------------------------------------------------------- */

static void
clear_text_nodes (WeftTimelineView *self)
{
  g_hash_table_remove_all (self->text_nodes);
}

/* The screen's text scaling (Large Text), which the pane's fonts follow. */
static double
font_scale (WeftTimelineView *self)
{
  double dpi = pango_cairo_context_get_resolution (gtk_widget_get_pango_context (GTK_WIDGET (self)));

  return dpi > 0 ? dpi / 96.0 : 1;
}

/* A new pane for the dataset and lanes, showing everything once it has a
 * size (now, when the widget has one). */
static void
rebuild_pane (WeftTimelineView *self)
{
  g_clear_pointer (&self->pane, weft_timeline_pane_free);
  self->index = NULL;
  self->hovered = NULL;
  self->lane_cursor = -1;
  clear_text_nodes (self);

  if (self->dataset == NULL || !weft_dataset_is_finished (self->dataset))
    return;

  self->pane = weft_timeline_pane_new (self->dataset, self->lanes, font_scale (self));
  self->index = weft_timeline_pane_get_index (self->pane);
  if (gtk_widget_get_width (GTK_WIDGET (self)) > 1)
    weft_timeline_pane_set_size (self->pane, view_width (self), view_height (self));
}

static void update_selection (WeftTimelineView *self);
static void update_matches   (WeftTimelineView *self);

static void
on_dataset_changed (WeftTimelineView *self)
{
  WeftDataset *dataset = self->session != NULL ? weft_session_get_dataset (self->session) : NULL;

  if (dataset == self->dataset && self->pane != NULL)
    return;

  g_set_object (&self->dataset, dataset);
  self->n_events = dataset != NULL ? weft_dataset_get_events (dataset)->len : 0;
  if (dataset != NULL && !self->lanes_chosen)
    {
      self->lanes = weft_timeline_default_lanes (dataset);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANES]);
    }
  rebuild_pane (self);
  update_selection (self);
  update_matches (self);
  update (self);
}

/* An edit of the dataset: the pane measures again only the lanes it
 * touched; the view keeps its span, scrolling, folded lanes, window,
 * lanes and selection. */
static void
on_dataset_edited (WeftTimelineView  *self,
                   WeftDatasetChange *change)
{
  if (self->dataset == NULL)
    return;
  self->n_events = weft_dataset_get_events (self->dataset)->len;
  if (self->pane == NULL)
    rebuild_pane (self);
  else
    {
      weft_timeline_pane_update (self->pane, change);
      self->index = weft_timeline_pane_get_index (self->pane);
      self->hovered = NULL;
      if (self->lane_cursor >= (int) weft_timeline_index_get_n_lanes (self->index))
        self->lane_cursor = -1;
    }
  update_selection (self);
  update_matches (self);
  update (self);
}

/* ---- Selection --------------------------------------------------------- */

static char *
participants_text (WeftTimelineView *self,
                   WeftEvent        *event)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < event->n_participants; i++)
    {
      WeftEntity *entity = weft_dataset_lookup_entity (self->dataset, event->participants[i].entity);

      if (entity == NULL)
        continue;
      if (s->len > 0)
        g_string_append (s, _(", "));
      if (event->participants[i].role != NULL)
        /* Translators: a participant and their role, as in "IBM (coined the term)". */
        g_string_append_printf (s, _("%s (%s)"), entity->name, event->participants[i].role);
      else
        g_string_append (s, entity->name);
    }
  return g_string_free (s, FALSE);
}

static void
update_accessible (WeftTimelineView *self)
{
  g_autofree char *text = NULL;

  if (self->selected != NULL)
    {
      g_autofree char *date = weft_present_date_words (&self->selected->date);
      g_autofree char *who = participants_text (self, self->selected);

      if (who[0] != '\0')
        /* Translators: what a screen reader says about the selected event:
         * its title, its date in words ("sometime between 2020 and 2022")
         * and its participants. */
        text = g_strdup_printf (_("Selected event: %1$s, %2$s. Participants: %3$s"), self->selected->title, date, who);
      else
        text = g_strdup_printf (_("Selected event: %1$s, %2$s"), self->selected->title, date);
    }
  else if (self->dataset != NULL)
    {
      guint n = weft_dataset_get_events (self->dataset)->len;

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Timeline of %u event; no event selected",
                                           "Timeline of %u events; no event selected", n), n);
    }
  else
    text = g_strdup (_("Empty timeline"));

  /* What a key just did, before the rest. */
  if (self->said != NULL)
    {
      char *both = g_strdup_printf ("%s. %s", self->said, text);

      g_free (text);
      text = both;
    }

  if (self->search_lit.events != NULL)
    {
      g_autofree char *found = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event matches the search",
                                                             "%u events match the search", self->search_lit.n_lit),
                                                self->search_lit.n_lit);
      char *both = g_strdup_printf ("%s. %s", text, found);

      g_free (text);
      text = both;
    }

  if (g_strcmp0 (text, self->accessible_text) == 0)
    return;
  g_free (self->accessible_text);
  self->accessible_text = g_steal_pointer (&text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->accessible_text,
                                  -1);
}

/* The session's selection, as the timeline shows it: an event is ringed;
 * an entity lights up its events and its lane, which scrolls into view; a
 * claim lights up the events it stands behind and the lanes of its
 * claimant and of what it is about. The rest dims. */
static void
update_selection (WeftTimelineView *self)
{
  WeftItem *item = self->session != NULL ? weft_session_get_selection (self->session) : NULL;

  self->selected = NULL;
  g_clear_pointer (&self->said, g_free);
  weft_timeline_lit_clear (&self->selection_lit);

  if (item != NULL && self->index != NULL)
    {
      int lane = item->type == WEFT_ITEM_ENTITY ? weft_timeline_index_find_entity_lane (self->index, item->id) : -1;

      if (item->type == WEFT_ITEM_EVENT)
        self->selected = (WeftEvent *) item;
      weft_timeline_lit_set_selection (&self->selection_lit, self->index, item);
      if (lane >= 0 && self->pane != NULL)
        {
          weft_timeline_pane_reveal_lane (self->pane, (guint) lane);
          update (self);
        }
    }

  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* What the session's search reaches (weft_search_results_dup_events()):
 * lit while no entity or claim is selected, the rest dimmed. */
static void
update_matches (WeftTimelineView *self)
{
  weft_timeline_lit_clear (&self->search_lit);
  if (self->session != NULL && self->index != NULL)
    weft_timeline_lit_set_search (&self->search_lit, self->index, weft_session_get_search_results (self->session));

  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_selection_changed (WeftTimelineView *self)
{
  update_selection (self);
}

static void
on_window_changed (WeftTimelineView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- Layout ------------------------------------------------------------ */

/* After any change of span, size, scrolling or lanes: the pane lays out
 * anew (the frame is up to date for whoever holds it); the hovered event
 * is forgotten when it is no longer drawn. */
static void
update (WeftTimelineView *self)
{
  const WeftTimelineFrame *frame = self->pane != NULL ? frame_of (self) : NULL;

  if (frame != NULL && self->hovered != NULL)
    {
      gboolean still = FALSE;

      for (guint i = 0; i < frame->marks->len && !still; i++)
        {
          const WeftTimelineMark *mark = &g_array_index (frame->marks, WeftTimelineMark, i);

          still = mark->kind == WEFT_TIMELINE_MARK_EVENT &&
                  weft_timeline_index_get_item (self->index, mark->item)->event == self->hovered;
        }
      if (!still)
        self->hovered = NULL;
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- Drawing ----------------------------------------------------------- */

static void
to_rgba (const WeftTimelineColor *c,
         GdkRGBA                 *rgba)
{
  rgba->red = (float) c->red;
  rgba->green = (float) c->green;
  rgba->blue = (float) c->blue;
  rgba->alpha = (float) c->alpha;
}

static void
collect_text (const WeftTimelineTextRun *run,
              gpointer                   user_data)
{
  WeftTimelineView *self = user_data;
  GdkRGBA rgba;
  g_autofree char *key = NULL;
  GskRenderNode *node;
  graphene_point_t at;
  GskTransform *transform;

  to_rgba (run->color, &rgba);
  key = g_strdup_printf ("%u|%.1f|%.3f,%.3f,%.3f,%.3f|%s", run->role, run->max_width,
                         rgba.red, rgba.green, rgba.blue, rgba.alpha, run->text);
  node = g_hash_table_lookup (self->text_nodes, key);
  if (node == NULL)
    {
      g_autoptr(PangoLayout) layout = weft_timeline_renderer_create_layout (weft_timeline_pane_get_renderer (self->pane),
                                                                            run->role, run->text, run->max_width);
      GtkSnapshot *snapshot = gtk_snapshot_new ();

      gtk_snapshot_append_layout (snapshot, layout, &rgba);
      node = gtk_snapshot_free_to_node (snapshot);
      if (node == NULL)
        return;
      if (g_hash_table_size (self->text_nodes) > MAX_TEXT_NODES)
        g_hash_table_remove_all (self->text_nodes);
      g_hash_table_insert (self->text_nodes, g_steal_pointer (&key), node);
    }

  at = GRAPHENE_POINT_INIT ((float) run->x, (float) run->y);
  transform = gsk_transform_translate (NULL, &at);
  g_ptr_array_add (run->region == WEFT_TIMELINE_REGION_LANES ? self->lane_texts : self->header_texts,
                   gsk_transform_node_new (node, transform));
  gsk_transform_unref (transform);
}

static void
weft_timeline_view_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  WeftTimelineView *self = WEFT_TIMELINE_VIEW (widget);
  const WeftTimelinePalette *palette = weft_timeline_palette_get (self->dark);
  double w = view_width (self), h = view_height (self), bottom = lanes_bottom (self);
  double top;
  WeftTimelineRenderState state;
  gint64 wl, wu;
  cairo_t *cr;

  if (self->pane == NULL)
    {
      GdkRGBA rgba;

      to_rgba (&palette->background, &rgba);
      gtk_snapshot_append_color (snapshot, &rgba,
                                 &GRAPHENE_RECT_INIT (0, 0, (float) gtk_widget_get_width (widget),
                                                      (float) gtk_widget_get_height (widget)));
      return;
    }

  weft_timeline_render_state_init (&state, palette);
  state.selected = self->selected;
  state.hovered = self->hovered;
  /* The selected entity's or claim's events, else the search's. */
  weft_timeline_lit_apply (&self->selection_lit, &self->search_lit, &state);
  state.text_func = collect_text;
  state.text_data = self;
  if (self->brushing)
    {
      state.has_window = TRUE;
      state.window_lower = floor (MIN (self->brush_lower, self->brush_upper));
      state.window_upper = ceil (MAX (self->brush_lower, self->brush_upper)) - 1;
    }
  else if (self->session != NULL && weft_session_get_window (self->session, &wl, &wu))
    {
      state.has_window = TRUE;
      state.window_lower = (double) wl;
      state.window_upper = (double) wu;
    }

  g_ptr_array_set_size (self->lane_texts, 0);
  g_ptr_array_set_size (self->header_texts, 0);

  /* The pane in its pixels, enlarged to the widget's. */
  gtk_snapshot_save (snapshot);
  gtk_snapshot_scale (snapshot, (float) self->text_scale, (float) self->text_scale);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, (float) w, (float) h));
  weft_timeline_pane_draw (self->pane, cr, &state);
  cairo_destroy (cr);

  /* Text over the shapes: the lanes' clipped under the axis. */
  top = frame_of (self)->header_height;
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, (float) top, (float) w, (float) MAX (bottom - top, 0)));
  for (guint i = 0; i < self->lane_texts->len; i++)
    gtk_snapshot_append_node (snapshot, g_ptr_array_index (self->lane_texts, i));
  gtk_snapshot_pop (snapshot);
  for (guint i = 0; i < self->header_texts->len; i++)
    gtk_snapshot_append_node (snapshot, g_ptr_array_index (self->header_texts, i));
  g_ptr_array_set_size (self->lane_texts, 0);
  g_ptr_array_set_size (self->header_texts, 0);
  gtk_snapshot_restore (snapshot);

  if (gtk_widget_has_visible_focus (widget))
    {
      GskRoundedRect outline;
      GdkRGBA colors[4];
      float widths[4] = { 2, 2, 2, 2 };

      to_rgba (&palette->accent, &colors[0]);
      colors[0].alpha = 0.6f;
      colors[1] = colors[2] = colors[3] = colors[0];
      gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (1, 1, (float) gtk_widget_get_width (widget) - 2,
                                                                      (float) gtk_widget_get_height (widget) - 2), 4);
      gtk_snapshot_append_border (snapshot, &outline, widths, colors);

      /* The lane cursor: a ring round its lane's title row. */
      {
        const WeftTimelineLaneBox *box = cursor_box (self, NULL);
        double y = box != NULL ? top + box->y - weft_timeline_pane_get_scroll (self->pane) : 0;
        double lh = frame_of (self)->metrics.lane_header_height;

        if (box != NULL && y >= top - 1 && y + lh <= bottom + 1)
          {
            colors[0].alpha = 1;
            colors[1] = colors[2] = colors[3] = colors[0];
            gsk_rounded_rect_init_from_rect (&outline,
                                             &GRAPHENE_RECT_INIT (3, (float) (y * self->text_scale) + 1,
                                                                  (float) gtk_widget_get_width (widget) - 6,
                                                                  (float) (lh * self->text_scale) - 2), 4);
            gtk_snapshot_append_border (snapshot, &outline, widths, colors);
          }
      }
    }
}

static void
weft_timeline_view_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  WeftTimelineView *self = WEFT_TIMELINE_VIEW (widget);

  if (self->range_popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->range_popover));
  if (self->pane == NULL)
    return;
  weft_timeline_pane_set_size (self->pane, view_width (self), view_height (self));
  update (self);
}

static void
weft_timeline_view_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 900;
    }
  else
    {
      *minimum = 200;
      *natural = 520;
    }
}

/* ---- Hover and tooltips ------------------------------------------------ */

static const WeftTimelineMark *
mark_at (WeftTimelineView *self,
         double            x,
         double            y)
{
  if (self->index == NULL || region_at (self, y) != REGION_LANES)
    return NULL;
  return weft_timeline_frame_hit (frame_of (self), x, lane_y (self, y));
}

static WeftEvent *
mark_event (WeftTimelineView       *self,
            const WeftTimelineMark *mark)
{
  if (mark == NULL || mark->kind != WEFT_TIMELINE_MARK_EVENT)
    return NULL;
  return weft_timeline_index_get_item (self->index, mark->item)->event;
}

static void
update_hover (WeftTimelineView *self,
              double            x,
              double            y)
{
  const WeftTimelineMark *mark = mark_at (self, x, y);
  WeftEvent *event = mark_event (self, mark);
  const char *cursor = NULL;
  gboolean on_header = FALSE;

  if (mark != NULL)
    cursor = "pointer";
  else if (self->index != NULL && region_at (self, y) == REGION_LANES &&
           weft_timeline_frame_lane_at (frame_of (self), lane_y (self, y), &on_header) != NULL && on_header)
    cursor = "pointer";
  else if (self->index != NULL && region_at (self, y) == REGION_HEADER)
    cursor = "col-resize";
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor);

  if (event != self->hovered)
    {
      self->hovered = event;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           WeftTimelineView         *self)
{
  self->pointer_inside = TRUE;
  self->pointer_x = x / self->text_scale;
  self->pointer_y = y / self->text_scale;
  if (self->drag_mode == DRAG_NONE)
    update_hover (self, self->pointer_x, self->pointer_y);
}

static void
on_leave (GtkEventControllerMotion *controller,
          WeftTimelineView         *self)
{
  self->pointer_inside = FALSE;
  if (self->hovered != NULL)
    {
      self->hovered = NULL;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

/* The days [@lower, @upper) as a date of day precision. */
static void
day_range_date (double    lower,
                double    upper,
                WeftDate *out)
{
  WeftDate date = { 0 };
  gint64 y;
  guint m, d;
  gint64 a = (gint64) floor (lower), b = (gint64) ceil (upper) - 1;

  b = MAX (a, b);
  weft_civil_from_days (a, &y, &m, &d);
  date.start.lower = date.start.upper = a;
  date.start.year = (gint) CLAMP (y, -WEFT_DATE_MAX_YEAR, WEFT_DATE_MAX_YEAR);
  date.start.month = (gint) m;
  date.start.day = (gint) d;
  date.start.precision = WEFT_DATE_PRECISION_DAY;
  date.end = date.start;
  weft_civil_from_days (b, &y, &m, &d);
  date.end.lower = date.end.upper = b;
  date.end.year = (gint) CLAMP (y, -WEFT_DATE_MAX_YEAR, WEFT_DATE_MAX_YEAR);
  date.end.month = (gint) m;
  date.end.day = (gint) d;
  date.is_interval = a != b;
  date.lower = a;
  date.upper = b;
  *out = date;
}

/* The days [@lower, @upper) short ("2019-03-01/2020-12-31"), or in @words
 * as a screen reader says them ("from 1 March 2019 to 31 December 2020"). */
static char *
format_day_range (double   lower,
                  double   upper,
                  gboolean words)
{
  WeftDate date;

  day_range_date (lower, upper, &date);
  return words ? weft_present_date_words (&date) : weft_date_format_short (&date);
}

static gboolean
on_query_tooltip (GtkWidget        *widget,
                  int               widget_x,
                  int               widget_y,
                  gboolean          keyboard,
                  GtkTooltip       *tooltip,
                  WeftTimelineView *self)
{
  double x = widget_x / self->text_scale, y = widget_y / self->text_scale;
  const WeftTimelineMark *mark;
  WeftEvent *event;
  g_autofree char *markup = NULL;

  if (keyboard)
    {
      if (self->selected == NULL)
        return FALSE;
      event = self->selected;
      mark = NULL;
    }
  else
    {
      mark = mark_at (self, x, y);
      event = mark_event (self, mark);
    }

  if (event != NULL)
    {
      g_autofree char *understood = weft_date_describe (&event->date);
      g_autofree char *who = participants_text (self, event);
      g_autofree char *title = g_markup_escape_text (event->title, -1);
      g_autofree char *written = g_markup_escape_text (event->date_text != NULL ? event->date_text : "", -1);
      g_autofree char *understood_escaped = g_markup_escape_text (understood, -1);
      g_autofree char *who_escaped = g_markup_escape_text (who, -1);
      GString *text = g_string_new (NULL);
      guint n_claims;

      /* The title, the date as written and as understood, who took part,
       * and how many claims stand behind it; all data escaped. */
      weft_timeline_index_get_claim_statuses (self->index, event, &n_claims);
      g_string_append_printf (text, "<b>%s</b>\n%s  <span alpha=\"70%%\">(%s)</span>",
                              title, written, understood_escaped);
      if (who_escaped[0] != '\0')
        g_string_append_printf (text, "\n%s", who_escaped);
      if (n_claims > 0)
        {
          g_string_append_c (text, '\n');
          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u claim", "%u claims", n_claims), n_claims);
        }
      markup = g_string_free (text, FALSE);
    }
  else if (mark != NULL && mark->kind == WEFT_TIMELINE_MARK_CLUSTER)
    {
      g_autofree char *range = format_day_range (mark->span_lower, mark->span_upper, FALSE);
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event", "%u events", mark->count), mark->count);

      /* Translators: the tooltip of a cluster mark: "12 events, 2020–2021". */
      markup = g_markup_printf_escaped (_("<b>%1$s</b>, %2$s\nClick to zoom in"), count, range);
    }
  else if (self->index != NULL && region_at (self, y) == REGION_LANES)
    {
      gboolean on_header = FALSE;
      const WeftTimelineLaneBox *box = weft_timeline_frame_lane_at (frame_of (self), lane_y (self, y), &on_header);

      if (box != NULL && on_header)
        {
          const WeftTimelineLane *lane = weft_timeline_index_get_lane (self->index, box->lane);

          markup = g_markup_printf_escaped ("<b>%s</b>\n%s", lane->title,
                                            box->collapsed ? _("Click to show its events") : _("Click to fold it"));
        }
    }
  else if (self->index != NULL && region_at (self, y) == REGION_HEADER)
    markup = g_strdup (_("Drag along the axis to select a time window; Escape clears it"));

  if (markup == NULL)
    return FALSE;
  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

/* ---- Pointer ----------------------------------------------------------- */

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           WeftTimelineView         *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  /* Without an event (emitted by hand) it is a wheel. */
  gboolean smooth = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller)) != NULL &&
                    gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_SURFACE;

  return weft_timeline_view_scroll (self, dx, dy, state, smooth);
}

static void
on_pinch_begin (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                WeftTimelineView *self)
{
  double x, y;

  if (self->pane == NULL)
    return;
  self->pinch_scale = *scale_of (self);
  /* (Not active when emitted by hand: no points to find the centre of.) */
  if (gtk_gesture_is_active (gesture) && gtk_gesture_get_bounding_box_center (gesture, &x, &y))
    self->pinch_x = x / self->text_scale;
  else
    self->pinch_x = view_width (self) / 2;
}

static void
on_pinch_scale_changed (GtkGestureZoom   *gesture,
                        double            scale,
                        WeftTimelineView *self)
{
  if (self->pane == NULL)
    return;
  weft_timeline_pane_set_scale (self->pane, &self->pinch_scale);
  zoom_at (self, self->pinch_x, scale);
}

static void
move_overview (WeftTimelineView *self,
               double            x)
{
  double span = scale_of (self)->upper - scale_of (self)->lower;
  double lower = weft_timeline_pane_overview_day (self->pane, x) - self->drag_grab;

  set_span (self, lower, lower + span);
}

static void
on_drag_begin (GtkGestureDrag   *gesture,
               double            widget_x,
               double            widget_y,
               WeftTimelineView *self)
{
  double x = widget_x / self->text_scale, y = widget_y / self->text_scale;

  self->drag_x = x;
  self->drag_y = y;

  if (self->pane == NULL)
    {
      self->drag_mode = DRAG_NONE;
      return;
    }
  self->drag_scale = *scale_of (self);
  self->drag_scroll = weft_timeline_pane_get_scroll (self->pane);

  gtk_widget_grab_focus (GTK_WIDGET (self));

  switch (region_at (self, y))
    {
    case REGION_HEADER:
      self->drag_mode = DRAG_BRUSH;
      self->brush_lower = self->brush_upper = weft_timeline_scale_day (scale_of (self), x);
      break;

    case REGION_OVERVIEW:
      {
        double day = weft_timeline_pane_overview_day (self->pane, x);
        const WeftTimelineScale *scale = scale_of (self);

        self->drag_mode = DRAG_OVERVIEW;
        /* Grabbed inside the window: keep that point under the pointer;
         * outside: the window jumps to centre on it. */
        if (day >= scale->lower && day <= scale->upper)
          self->drag_grab = day - scale->lower;
        else
          {
            self->drag_grab = (scale->upper - scale->lower) / 2;
            move_overview (self, x);
          }
      }
      break;

    case REGION_LANES:
    default:
      self->drag_mode = DRAG_PAN;
      break;
    }
}

static void
on_drag_update (GtkGestureDrag   *gesture,
                double            widget_dx,
                double            widget_dy,
                WeftTimelineView *self)
{
  double dx = widget_dx / self->text_scale, dy = widget_dy / self->text_scale;

  switch (self->drag_mode)
    {
    case DRAG_PAN:
      if (fabs (dx) < CLICK_SLOP && fabs (dy) < CLICK_SLOP)
        return;
      weft_timeline_pane_set_scale (self->pane, &self->drag_scale);
      weft_timeline_pane_pan (self->pane, -dx);
      weft_timeline_pane_set_scroll (self->pane, self->drag_scroll - dy);
      update (self);
      break;

    case DRAG_BRUSH:
      if (fabs (dx) < CLICK_SLOP && !self->brushing)
        return;
      self->brushing = TRUE;
      self->brush_upper = weft_timeline_scale_day (scale_of (self), CLAMP (self->drag_x + dx, 0, view_width (self)));
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;

    case DRAG_OVERVIEW:
      move_overview (self, self->drag_x + dx);
      break;

    case DRAG_NONE:
    default:
      break;
    }
}

static void
on_drag_end (GtkGestureDrag   *gesture,
             double            dx,
             double            dy,
             WeftTimelineView *self)
{
  if (self->drag_mode == DRAG_BRUSH && self->brushing && self->session != NULL)
    {
      double a = MIN (self->brush_lower, self->brush_upper);
      double b = MAX (self->brush_lower, self->brush_upper);
      gint64 lower = (gint64) floor (a), upper = MAX ((gint64) ceil (b) - 1, lower);

      self->brushing = FALSE;
      weft_session_set_window (self->session, lower, upper);
    }
  self->brushing = FALSE;
  self->drag_mode = DRAG_NONE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
toggle_lane (WeftTimelineView *self,
             const char       *key)
{
  if (self->pane != NULL && weft_timeline_pane_toggle_lane (self->pane, key))
    update (self);
}

static void
zoom_to_cluster (WeftTimelineView       *self,
                 const WeftTimelineMark *mark)
{
  double len = mark->span_upper - mark->span_lower;
  double pad = MAX (len * 0.15, 2);

  set_span (self, mark->span_lower - pad, mark->span_upper + pad);
}

static void
on_click_released (GtkGestureClick  *gesture,
                   int               n_press,
                   double            widget_x,
                   double            widget_y,
                   WeftTimelineView *self)
{
  double x = widget_x / self->text_scale, y = widget_y / self->text_scale;
  const WeftTimelineMark *mark;
  WeftEvent *event;

  if (self->index == NULL || self->session == NULL)
    return;
  if (region_at (self, y) != REGION_LANES)
    return;

  mark = mark_at (self, x, y);
  event = mark_event (self, mark);

  if (event != NULL)
    {
      weft_session_set_selection (self->session, &event->item);
      if (n_press == 2)
        show_event (self, event, TRUE);
      return;
    }

  if (mark != NULL && mark->kind == WEFT_TIMELINE_MARK_CLUSTER)
    {
      zoom_to_cluster (self, mark);
      return;
    }

  {
    gboolean on_header = FALSE;
    const WeftTimelineLaneBox *box = weft_timeline_frame_lane_at (frame_of (self), lane_y (self, y), &on_header);

    if (box != NULL && on_header && n_press == 1)
      {
        toggle_lane (self, weft_timeline_index_get_lane (self->index, box->lane)->key);
        return;
      }
  }

  if (n_press == 1)
    weft_session_set_selection (self->session, NULL);
  else if (n_press == 2)
    g_signal_emit (self, create_event_signal, 0, (gint64) floor (weft_timeline_scale_day (scale_of (self), x)));
}

/* ---- Actions ----------------------------------------------------------- */

static void say (WeftTimelineView *self,
                 char             *text);

/* After a key zoomed or panned: what the view shows, said. */
static void
say_span (WeftTimelineView *self)
{
  g_autofree char *span = NULL;

  if (self->pane == NULL)
    return;
  span = format_day_range (scale_of (self)->lower, scale_of (self)->upper, TRUE);
  /* Translators: said after a key zooms or pans the timeline, with the
   * days it shows in words ("from 3 March 2019 to 5 June 2021"). */
  say (self, g_strdup_printf (_("Showing %s"), span));
}

static void
action_zoom_in (GtkWidget  *widget,
                const char *name,
                GVariant   *parameter)
{
  WeftTimelineView *self = WEFT_TIMELINE_VIEW (widget);

  zoom_at (self, zoom_anchor (self), ZOOM_STEP);
  say_span (self);
}

static void
action_zoom_out (GtkWidget  *widget,
                 const char *name,
                 GVariant   *parameter)
{
  WeftTimelineView *self = WEFT_TIMELINE_VIEW (widget);

  zoom_at (self, zoom_anchor (self), 1 / ZOOM_STEP);
  say_span (self);
}

static void
action_zoom_fit (GtkWidget  *widget,
                 const char *name,
                 GVariant   *parameter)
{
  WeftTimelineView *self = WEFT_TIMELINE_VIEW (widget);

  if (self->pane != NULL)
    {
      weft_timeline_pane_fit (self->pane);
      update (self);
      say_span (self);
    }
}

/* After zooming to the selected entity's or claim's events: the lanes
 * scrolled to the first of them, in the entity's own lane when it has
 * one (Show on Timeline). */
static void
reveal_highlighted (WeftTimelineView *self)
{
  WeftItem *item = weft_session_get_selection (self->session);
  int lane = item != NULL && item->type == WEFT_ITEM_ENTITY ? weft_timeline_index_find_entity_lane (self->index, item->id) : -1;
  WeftEvent **events;
  guint n;

  events = weft_timeline_index_get_ordered_events (self->index, &n);
  for (guint i = 0; i < n; i++)
    if (self->selection_lit.events[events[i]->item.index])
      {
        weft_timeline_pane_reveal_event (self->pane, events[i], lane >= 0 ? (guint) lane : G_MAXUINT,
                                         self->has_obscured ? &self->obscured : NULL,
                                         WEFT_TIMELINE_REVEAL_SCROLL);
        update (self);
        return;
      }
}

/* To the time window if there is one, else to the selected event, else to
 * the events of the selected entity or claim, scrolled to the first. */
static void
zoom_selection (WeftTimelineView *self)
{
  gint64 wl, wu;

  if (self->index == NULL)
    return;

  if (self->session != NULL && weft_session_get_window (self->session, &wl, &wu))
    {
      double pad = MAX ((wu + 1 - wl) * 0.05, 1);

      set_span (self, (double) wl - pad, (double) wu + 1 + pad);
      return;
    }

  if (self->selected != NULL)
    {
      show_event (self, self->selected, TRUE);
      return;
    }

  if (self->selection_lit.n_lit > 0)
    {
      GPtrArray *events = weft_dataset_get_events (self->dataset);
      double lower = G_MAXDOUBLE, upper = -G_MAXDOUBLE;

      for (guint i = 0; i < self->selection_lit.n_events; i++)
        {
          double a, b;

          if (self->selection_lit.events[i] && event_span (self, g_ptr_array_index (events, i), &a, &b))
            {
              lower = MIN (lower, a);
              upper = MAX (upper, b);
            }
        }
      if (lower < upper)
        {
          double pad = MAX ((upper - lower) * 0.08, 15);

          set_span (self, lower - pad, upper + pad);
          reveal_highlighted (self);
        }
    }
}

static void
action_zoom_selection (GtkWidget  *widget,
                       const char *name,
                       GVariant   *parameter)
{
  WeftTimelineView *self = WEFT_TIMELINE_VIEW (widget);

  zoom_selection (self);
  say_span (self);
}

/* An EDTF date or interval ("2021-10", "2020/2021"), else two day numbers
 * ("18262/18627", days since 1970-01-01). */
static gboolean
parse_range (const char *text,
             gint64     *lower,
             gint64     *upper)
{
  WeftDate date;

  if (weft_date_parse (text, &date, NULL, NULL))
    {
      if ((date.start.flags & WEFT_DATE_FLAG_OPEN) || (date.end.flags & WEFT_DATE_FLAG_OPEN))
        return FALSE;
      *lower = date.lower;
      *upper = date.upper;
    }
  else
    {
      g_auto(GStrv) parts = g_strsplit (text, "/", 2);
      gint64 limit = WEFT_DAY_OPEN_UPPER / 2;

      if (g_strv_length (parts) != 2 ||
          !g_ascii_string_to_signed (g_strstrip (parts[0]), 10, -limit, limit, lower, NULL) ||
          !g_ascii_string_to_signed (g_strstrip (parts[1]), 10, -limit, limit, upper, NULL))
        return FALSE;
    }

  if (*lower > *upper)
    {
      gint64 t = *lower;

      *lower = *upper;
      *upper = t;
    }
  return TRUE;
}

static void
action_select_range (GtkWidget  *widget,
                     const char *name,
                     GVariant   *parameter)
{
  WeftTimelineView *self = WEFT_TIMELINE_VIEW (widget);
  gint64 lower, upper;

  if (self->session == NULL)
    return;
  if (!parse_range (g_variant_get_string (parameter, NULL), &lower, &upper))
    {
      g_debug ("timeline.select-range: cannot read “%s”", g_variant_get_string (parameter, NULL));
      return;
    }
  weft_session_set_window (self->session, lower, upper);
}

static void
action_clear_range (GtkWidget  *widget,
                    const char *name,
                    GVariant   *parameter)
{
  WeftTimelineView *self = WEFT_TIMELINE_VIEW (widget);
  gint64 lower, upper;

  if (self->brushing)
    {
      self->brushing = FALSE;
      self->drag_mode = DRAG_NONE;
      gtk_widget_queue_draw (widget);
    }
  if (self->session != NULL && weft_session_get_window (self->session, &lower, &upper))
    {
      weft_session_clear_window (self->session);
      g_free (self->said);
      self->said = g_strdup (_("Time window cleared"));
      update_accessible (self);
    }
}

static void
action_pan (GtkWidget  *widget,
            const char *name,
            GVariant   *parameter)
{
  WeftTimelineView *self = WEFT_TIMELINE_VIEW (widget);
  double dx = view_width (self) * PAN_FRACTION;

  pan (self, g_str_equal (name, "timeline.pan-left") ? -dx : dx);
  say_span (self);
}

static void
action_scroll (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  WeftTimelineView *self = WEFT_TIMELINE_VIEW (widget);

  if (self->index != NULL)
    scroll_lanes (self, g_str_equal (name, "timeline.scroll-up") ? -LANE_SCROLL_STEP : LANE_SCROLL_STEP);
}

/* Where stepping starts among @events (in the order they start on the
 * axis): at the selected event (*@on TRUE), else before the first that
 * starts after the middle of the view. */
static guint
step_origin (WeftTimelineView  *self,
             WeftEvent        **events,
             guint              n,
             gboolean          *on)
{
  double mid = (scale_of (self)->lower + scale_of (self)->upper) / 2;
  guint lo = 0, hi = n;

  *on = FALSE;
  for (guint i = 0; self->selected != NULL && i < n; i++)
    if (events[i] == self->selected)
      {
        *on = TRUE;
        return i;
      }

  /* The first event that starts after the middle (the order is by the
   * known day: an open start by its end). */
  while (lo < hi)
    {
      guint m = lo + (hi - lo) / 2;
      double a = (double) events[m]->date.lower;

      if ((events[m]->date.start.flags & WEFT_DATE_FLAG_OPEN) != 0)
        a = (double) events[m]->date.end.lower;
      if (a <= mid)
        lo = m + 1;
      else
        hi = m;
    }
  return lo;
}

/* Selects and shows the event @steps (±1) from where stepping starts, in
 * the order events start on the axis; among the search's matches only
 * when @matches, going round at the ends, else stopping at them. */
static void
step (WeftTimelineView *self,
      int               steps,
      gboolean          matches)
{
  WeftEvent **events;
  WeftEvent *target = NULL;
  gboolean on;
  guint n, at;

  if (self->index == NULL || self->session == NULL || (matches && self->search_lit.n_lit == 0))
    return;
  events = weft_timeline_index_get_ordered_events (self->index, &n);
  if (n == 0)
    return;
  at = step_origin (self, events, n, &on);

  if (!matches)
    {
      /* Off the selection, "next" is the one after the middle itself. */
      gint64 i = on ? (gint64) at + steps : (steps > 0 ? (gint64) at : (gint64) at - 1);

      target = events[CLAMP (i, 0, (gint64) n - 1)];
    }
  else
    for (guint k = 0; k < n && target == NULL; k++)
      {
        /* From the origin (itself included when it is not selected). */
        gint64 offset = on || steps < 0 ? k + 1 : k;
        gint64 i = ((gint64) at + steps * offset) % (gint64) n;
        WeftEvent *event = events[i < 0 ? i + n : i];

        if (self->search_lit.events[event->item.index])
          target = event;
      }

  if (target == NULL)
    return;
  weft_session_set_selection (self->session, &target->item);
  show_event (self, target, FALSE);
}

static void
action_step_event (GtkWidget  *widget,
                   const char *name,
                   GVariant   *parameter)
{
  step (WEFT_TIMELINE_VIEW (widget), g_str_equal (name, "timeline.next-event") ? 1 : -1, FALSE);
}

/* The search's next or previous event, as Enter and Shift+Enter step
 * through results. */
static void
action_find (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  step (WEFT_TIMELINE_VIEW (widget), g_str_equal (name, "timeline.find-next") ? 1 : -1, TRUE);
}

static void
action_center_event (GtkWidget  *widget,
                     const char *name,
                     GVariant   *parameter)
{
  WeftTimelineView *self = WEFT_TIMELINE_VIEW (widget);
  WeftItem *item;

  if (self->dataset == NULL || self->session == NULL)
    return;
  item = weft_dataset_lookup (self->dataset, g_variant_get_string (parameter, NULL));
  if (item == NULL || item->type != WEFT_ITEM_EVENT)
    return;
  weft_session_set_selection (self->session, item);
  show_event (self, (WeftEvent *) item, TRUE);
}

static void toggle_cursor_lane (WeftTimelineView *self);

/* A lane by its key; "" the lane cursor's (Space). */
static void
action_toggle_lane (GtkWidget  *widget,
                    const char *name,
                    GVariant   *parameter)
{
  const char *key = g_variant_get_string (parameter, NULL);

  if (key[0] == '\0')
    toggle_cursor_lane (WEFT_TIMELINE_VIEW (widget));
  else
    toggle_lane (WEFT_TIMELINE_VIEW (widget), key);
}

/* ---- Keyboard ---------------------------------------------------------- */

/* What a key did, for a screen reader: the view's description starts with
 * it until the selection changes (GTK 4.8 has no announcements; a screen
 * reader reads the focused object's description as it changes). */
static void
say (WeftTimelineView *self,
     char             *text)
{
  g_free (self->said);
  self->said = text;
  update_accessible (self);
}

/* The lane box of the lane cursor in the frame, and its position there;
 * NULL without a cursor. */
static const WeftTimelineLaneBox *
cursor_box (WeftTimelineView *self,
            guint            *position)
{
  const WeftTimelineFrame *frame;

  if (self->pane == NULL || self->lane_cursor < 0)
    return NULL;
  frame = frame_of (self);
  for (guint i = 0; i < frame->lanes->len; i++)
    {
      const WeftTimelineLaneBox *box = &g_array_index (frame->lanes, WeftTimelineLaneBox, i);

      if (box->lane == (guint) self->lane_cursor)
        {
          if (position != NULL)
            *position = i;
          return box;
        }
    }
  return NULL;
}

/* "Lane 3 of 12: China, 3 events, expanded". */
static char *
lane_words (WeftTimelineView *self)
{
  guint position = 0;
  const WeftTimelineLaneBox *box = cursor_box (self, &position);
  const WeftTimelineLane *lane;
  g_autofree char *count = NULL;
  guint n;

  if (box == NULL)
    return NULL;
  lane = weft_timeline_index_get_lane (self->index, box->lane);
  n = frame_of (self)->lanes->len;
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event", "%u events", lane->n_items), lane->n_items);
  if (g_hash_table_contains (weft_timeline_pane_get_collapsed (self->pane), lane->key))
    /* Translators: what a screen reader says of the lane the keyboard is
     * on: its place, title and number of events ("3 events"). */
    return g_strdup_printf (_("Lane %1$u of %2$u: %3$s, %4$s, collapsed"), position + 1, n, lane->title, count);
  return g_strdup_printf (_("Lane %1$u of %2$u: %3$s, %4$s, expanded"), position + 1, n, lane->title, count);
}

/* The cursor's lane scrolled into view, and said. */
static void
show_cursor_lane (WeftTimelineView *self)
{
  weft_timeline_pane_reveal_lane (self->pane, (guint) self->lane_cursor);
  update (self);
  say (self, lane_words (self));
}

/* The lane cursor @steps lanes on (0: where it is, or on the first lane
 * in view when there is none), that lane scrolled into view. */
static void
move_lane_cursor (WeftTimelineView *self,
                  int               steps)
{
  const WeftTimelineFrame *frame;
  guint position = 0;

  if (self->pane == NULL || frame_of (self)->lanes->len == 0)
    return;
  frame = frame_of (self);
  if (cursor_box (self, &position) == NULL)
    {
      double top = weft_timeline_pane_get_scroll (self->pane);

      /* The first lane whose title shows; stepping starts on it. */
      position = 0;
      while (position + 1 < frame->lanes->len &&
             g_array_index (frame->lanes, WeftTimelineLaneBox, position).y < top - 0.5)
        position++;
      steps = 0;
    }
  position = (guint) CLAMP ((gint64) position + steps, 0, (gint64) frame->lanes->len - 1);
  self->lane_cursor = (int) g_array_index (frame->lanes, WeftTimelineLaneBox, position).lane;
  show_cursor_lane (self);
}

/* The cursor's lane box, the cursor put on the first lane in view when
 * there was none; NULL without lanes. */
static const WeftTimelineLaneBox *
ensure_cursor (WeftTimelineView *self)
{
  if (cursor_box (self, NULL) == NULL)
    move_lane_cursor (self, 0);
  return cursor_box (self, NULL);
}

/* Folds or unfolds the lane under the cursor, and says so. */
static void
toggle_cursor_lane (WeftTimelineView *self)
{
  if (ensure_cursor (self) == NULL)
    return;
  toggle_lane (self, weft_timeline_index_get_lane (self->index, (guint) self->lane_cursor)->key);
  show_cursor_lane (self);
}

/* Return: zooms into the cluster of the cursor's lane nearest the middle
 * of the view (as a click on it does); a lane without one folds or
 * unfolds. */
static void
open_cluster (WeftTimelineView *self)
{
  const WeftTimelineLaneBox *box;
  const WeftTimelineMark *best = NULL;
  double mid = view_width (self) / 2;
  WeftTimelineMark mark;
  g_autofree char *when = NULL;

  box = ensure_cursor (self);
  if (box == NULL)
    return;
  for (guint i = box->first_mark; i < box->first_mark + box->n_marks; i++)
    {
      const WeftTimelineMark *m = &g_array_index (frame_of (self)->marks, WeftTimelineMark, i);

      if (m->kind == WEFT_TIMELINE_MARK_CLUSTER &&
          (best == NULL || fabs ((m->x0 + m->x1) / 2 - mid) < fabs ((best->x0 + best->x1) / 2 - mid)))
        best = m;
    }
  if (best == NULL)
    {
      toggle_cursor_lane (self);
      return;
    }

  mark = *best;
  zoom_to_cluster (self, &mark);
  weft_timeline_pane_reveal_lane (self->pane, (guint) self->lane_cursor);
  update (self);
  when = format_day_range (mark.span_lower, mark.span_upper, TRUE);
  say (self, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Zoomed into a cluster of %u event, %s",
                                           "Zoomed into a cluster of %u events, %s", mark.count),
                              mark.count, when));
}

/* Up and Down (timeline.move-lane), Return (timeline.open-cluster). */
static void
action_lane_key (GtkWidget  *widget,
                 const char *name,
                 GVariant   *parameter)
{
  WeftTimelineView *self = WEFT_TIMELINE_VIEW (widget);

  if (g_str_equal (name, "timeline.move-lane"))
    move_lane_cursor (self, g_variant_get_int32 (parameter));
  else
    open_cluster (self);
}

/* Sets the session's time window to the days [@lower, @upper] and says so. */
static void
set_window (WeftTimelineView *self,
            gint64            lower,
            gint64            upper)
{
  g_autofree char *when = NULL;

  if (self->session == NULL)
    return;
  weft_session_set_window (self->session, lower, upper);
  weft_session_get_window (self->session, &lower, &upper);
  when = format_day_range ((double) lower, (double) upper + 1, TRUE);
  /* Translators: said when the time window changes, with its dates in
   * words ("from 1 March 2019 to 31 December 2020"). */
  say (self, g_strdup_printf (_("Time window: %s"), when));
}

/* The days a new time window starts from: the selected event's, else a
 * tenth of the view around its middle. */
static void
window_origin (WeftTimelineView *self,
               gint64           *lower,
               gint64           *upper)
{
  const WeftTimelineScale *scale = scale_of (self);
  double a, b;

  if (self->selected == NULL || !event_span (self, self->selected, &a, &b))
    {
      double mid = (scale->lower + scale->upper) / 2, half = (scale->upper - scale->lower) / 20;

      a = mid - half;
      b = mid + half;
    }
  if (self->selected != NULL &&
      !(self->selected->date.start.flags & WEFT_DATE_FLAG_OPEN) && !(self->selected->date.end.flags & WEFT_DATE_FLAG_OPEN))
    {
      a = (double) self->selected->date.lower;
      b = (double) self->selected->date.upper + 1;
    }
  *lower = (gint64) floor (a);
  *upper = MAX ((gint64) ceil (b) - 1, *lower);
}

/* w (timeline.window-from-event): the time window becomes the selected
 * event's days. Shift+arrows move its end (timeline.move-window-end),
 * Shift+Ctrl+arrows its start (timeline.move-window-start), by a
 * twentieth of the view (a day at least) in the arrow's direction; without
 * a window, one starts from the selected event or the middle. */
static void
action_window_key (GtkWidget  *widget,
                   const char *name,
                   GVariant   *parameter)
{
  WeftTimelineView *self = WEFT_TIMELINE_VIEW (widget);
  int direction = parameter != NULL && g_variant_get_int32 (parameter) < 0 ? -1 : 1;
  gint64 lower, upper, step;

  if (self->pane == NULL || self->session == NULL)
    return;
  if (parameter == NULL && self->selected == NULL)
    {
      say (self, g_strdup (_("No event selected")));
      return;
    }
  step = MAX ((gint64) round ((scale_of (self)->upper - scale_of (self)->lower) / 20), 1);
  if (parameter == NULL || !weft_session_get_window (self->session, &lower, &upper))
    window_origin (self, &lower, &upper);
  else if (g_str_equal (name, "timeline.move-window-start"))
    lower = MIN (lower + direction * step, upper);
  else
    upper = MAX (upper + direction * step, lower);
  set_window (self, lower, upper);
}

/* The edit-range popover: two EDTF dates, read as they are typed. */

/* The days of the date typed in @entry (the "to" field may stay empty:
 * @empty_ok); FALSE, with the field marked and the reason in its tooltip
 * and description, when it cannot bound a time window. */
static gboolean
check_range_entry (GtkWidget *entry,
                   gboolean   empty_ok,
                   gint64    *lower,
                   gint64    *upper)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(GError) error = NULL;
  g_autofree char *why = NULL;
  WeftDate date;
  gboolean ok;

  while (g_ascii_isspace (*text))
    text++;
  if (*text == '\0')
    {
      ok = empty_ok;
      *lower = G_MAXINT64;
      *upper = G_MININT64;
    }
  else if (!weft_date_parse (text, &date, NULL, &error))
    {
      ok = FALSE;
      why = g_strdup (error->message);
    }
  else if ((date.start.flags & WEFT_DATE_FLAG_OPEN) || (date.end.flags & WEFT_DATE_FLAG_OPEN))
    {
      ok = FALSE;
      why = g_strdup (_("A time window needs known days at both ends"));
    }
  else
    {
      ok = TRUE;
      *lower = date.lower;
      *upper = date.upper;
    }

  if (ok || *text == '\0')
    gtk_widget_remove_css_class (entry, "error");
  else
    gtk_widget_add_css_class (entry, "error");
  gtk_widget_set_tooltip_text (entry, why);
  gtk_accessible_update_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID,
                               ok ? GTK_ACCESSIBLE_INVALID_FALSE : GTK_ACCESSIBLE_INVALID_TRUE, -1);
  if (why != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, why, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  return ok;
}

/* Both fields checked; the days they span in *@lower, *@upper. */
static gboolean
check_range (WeftTimelineView *self,
             gint64           *lower,
             gint64           *upper)
{
  gint64 a0, a1, b0, b1;
  gboolean from = check_range_entry (self->range_entries[0], FALSE, &a0, &a1);
  gboolean to = check_range_entry (self->range_entries[1], TRUE, &b0, &b1);

  gtk_widget_set_sensitive (self->range_set, from && to);
  *lower = MIN (a0, b0);
  *upper = MAX (a1, b1);
  return from && to;
}

static void
on_range_changed (WeftTimelineView *self)
{
  gint64 lower, upper;

  check_range (self, &lower, &upper);
}

static void
on_range_set (WeftTimelineView *self)
{
  gint64 lower, upper;

  if (!check_range (self, &lower, &upper))
    return;
  set_window (self, lower, upper);
  gtk_popover_popdown (GTK_POPOVER (self->range_popover));
}

static void
on_range_closed (WeftTimelineView *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
build_range_popover (WeftTimelineView *self)
{
  const char *titles[2] = { _("_From"), _("_To") };
  GtkWidget *grid = gtk_grid_new ();

  self->range_popover = gtk_popover_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *label = gtk_label_new_with_mnemonic (titles[i]);
      GtkWidget *entry = gtk_entry_new ();

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
      gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), 16);
      /* Translators: a hint in the time window's date fields (EDTF dates). */
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("2021, 2021-10 or 2021-10-05"));
      g_signal_connect_swapped (entry, "changed", G_CALLBACK (on_range_changed), self);
      gtk_grid_attach (GTK_GRID (grid), label, 0, (int) i, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), entry, 1, (int) i, 1, 1);
      self->range_entries[i] = entry;
    }
  self->range_set = gtk_button_new_with_mnemonic (_("_Set Time Window"));
  gtk_widget_add_css_class (self->range_set, "suggested-action");
  gtk_widget_set_halign (self->range_set, GTK_ALIGN_END);
  g_signal_connect_swapped (self->range_set, "clicked", G_CALLBACK (on_range_set), self);
  gtk_grid_attach (GTK_GRID (grid), self->range_set, 0, 2, 2, 1);

  gtk_popover_set_child (GTK_POPOVER (self->range_popover), grid);
  gtk_popover_set_default_widget (GTK_POPOVER (self->range_popover), self->range_set);
  gtk_popover_set_position (GTK_POPOVER (self->range_popover), GTK_POS_BOTTOM);
  g_signal_connect_swapped (self->range_popover, "closed", G_CALLBACK (on_range_closed), self);
  gtk_widget_set_parent (self->range_popover, GTK_WIDGET (self));
}

/* A day as EDTF ("2021-10-05"). */
static char *
day_text (gint64 day)
{
  gint64 y;
  guint m, d;

  weft_civil_from_days (day, &y, &m, &d);
  return g_strdup_printf (y < 0 ? "%05" G_GINT64_FORMAT "-%02u-%02u" : "%04" G_GINT64_FORMAT "-%02u-%02u", y, m, d);
}

/* Shift+W (and the window, from its menu): the time window's dates, typed,
 * in a popover over the axis; it opens with the window's days, or the
 * selected event's. */
static void
edit_range (WeftTimelineView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gint64 lower, upper;

  if (self->pane == NULL || self->session == NULL)
    return;
  if (self->range_popover == NULL)
    build_range_popover (self);

  if (weft_session_get_window (self->session, &lower, &upper) || self->selected != NULL)
    {
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;

      if (!weft_session_get_window (self->session, &lower, &upper))
        window_origin (self, &lower, &upper);
      from = day_text (lower);
      to = day_text (upper);
      gtk_editable_set_text (GTK_EDITABLE (self->range_entries[0]), from);
      gtk_editable_set_text (GTK_EDITABLE (self->range_entries[1]), to);
    }
  else
    {
      gtk_editable_set_text (GTK_EDITABLE (self->range_entries[0]), "");
      gtk_editable_set_text (GTK_EDITABLE (self->range_entries[1]), "");
    }
  on_range_changed (self);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->range_popover),
                               &(GdkRectangle) { gtk_widget_get_width (widget) / 2,
                                                 (int) (header_height (self) * self->text_scale), 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->range_popover));
  gtk_widget_grab_focus (self->range_entries[0]);
}

static void
action_edit_range (GtkWidget  *widget,
                   const char *name,
                   GVariant   *parameter)
{
  edit_range (WEFT_TIMELINE_VIEW (widget));
}

/* For tests: the popover's fields and button. */
GtkWidget *
weft_timeline_view_get_range_field (WeftTimelineView *self,
                                    guint             field)
{
  g_return_val_if_fail (WEFT_IS_TIMELINE_VIEW (self), NULL);
  g_return_val_if_fail (field <= 2, NULL);
  if (self->range_popover == NULL)
    return NULL;
  return field < 2 ? self->range_entries[field] : self->range_set;
}

/* ---- Object ------------------------------------------------------------ */

static void
on_dark_changed (WeftTimelineView *self)
{
  self->dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  clear_text_nodes (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
weft_timeline_view_dispose (GObject *object)
{
  WeftTimelineView *self = WEFT_TIMELINE_VIEW (object);

  weft_timeline_view_set_session (self, NULL);
  /* A signal group disconnects from its target when disposed. */
  g_clear_object (&self->session_signals);
  g_clear_object (&self->style_signals);
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->pane, weft_timeline_pane_free);
  g_clear_pointer (&self->range_popover, gtk_widget_unparent);
  self->index = NULL;
  if (self->text_nodes != NULL)
    g_hash_table_remove_all (self->text_nodes);

  G_OBJECT_CLASS (weft_timeline_view_parent_class)->dispose (object);
}

static void
weft_timeline_view_finalize (GObject *object)
{
  WeftTimelineView *self = WEFT_TIMELINE_VIEW (object);

  g_clear_pointer (&self->text_nodes, g_hash_table_unref);
  g_clear_pointer (&self->lane_texts, g_ptr_array_unref);
  g_clear_pointer (&self->header_texts, g_ptr_array_unref);
  weft_timeline_lit_clear (&self->selection_lit);
  weft_timeline_lit_clear (&self->search_lit);
  g_free (self->accessible_text);
  g_free (self->said);

  G_OBJECT_CLASS (weft_timeline_view_parent_class)->finalize (object);
}

static void
weft_timeline_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  WeftTimelineView *self = WEFT_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_LANES:
      g_value_set_string (value, weft_timeline_view_get_lanes (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
weft_timeline_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  WeftTimelineView *self = WEFT_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      weft_timeline_view_set_session (self, g_value_get_object (value));
      break;
    case PROP_LANES:
      weft_timeline_view_set_lanes (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
weft_timeline_view_class_init (WeftTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = weft_timeline_view_dispose;
  object_class->finalize = weft_timeline_view_finalize;
  object_class->get_property = weft_timeline_view_get_property;
  object_class->set_property = weft_timeline_view_set_property;

  widget_class->snapshot = weft_timeline_view_snapshot;
  widget_class->size_allocate = weft_timeline_view_size_allocate;
  widget_class->measure = weft_timeline_view_measure;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, WEFT_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANES] =
    g_param_spec_string ("lanes", NULL, NULL, "group",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  create_event_signal = g_signal_new ("create-event", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                      NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_css_name (widget_class, "weft-timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, action_zoom_in);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, action_zoom_out);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-fit", NULL, action_zoom_fit);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-selection", NULL, action_zoom_selection);
  gtk_widget_class_install_action (widget_class, "timeline.select-range", "s", action_select_range);
  gtk_widget_class_install_action (widget_class, "timeline.clear-range", NULL, action_clear_range);
  gtk_widget_class_install_property_action (widget_class, "timeline.lanes", "lanes");
  gtk_widget_class_install_action (widget_class, "timeline.pan-left", NULL, action_pan);
  gtk_widget_class_install_action (widget_class, "timeline.pan-right", NULL, action_pan);
  gtk_widget_class_install_action (widget_class, "timeline.scroll-up", NULL, action_scroll);
  gtk_widget_class_install_action (widget_class, "timeline.scroll-down", NULL, action_scroll);
  gtk_widget_class_install_action (widget_class, "timeline.next-event", NULL, action_step_event);
  gtk_widget_class_install_action (widget_class, "timeline.previous-event", NULL, action_step_event);
  gtk_widget_class_install_action (widget_class, "timeline.find-next", NULL, action_find);
  gtk_widget_class_install_action (widget_class, "timeline.find-previous", NULL, action_find);
  gtk_widget_class_install_action (widget_class, "timeline.center-event", "s", action_center_event);
  gtk_widget_class_install_action (widget_class, "timeline.toggle-lane", "s", action_toggle_lane);
  gtk_widget_class_install_action (widget_class, "timeline.move-lane", "i", action_lane_key);
  gtk_widget_class_install_action (widget_class, "timeline.open-cluster", NULL, action_lane_key);
  gtk_widget_class_install_action (widget_class, "timeline.window-from-event", NULL, action_window_key);
  gtk_widget_class_install_action (widget_class, "timeline.move-window-end", "i", action_window_key);
  gtk_widget_class_install_action (widget_class, "timeline.move-window-start", "i", action_window_key);
  gtk_widget_class_install_action (widget_class, "timeline.edit-range", NULL, action_edit_range);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "timeline.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "timeline.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "timeline.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, 0, "timeline.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, 0, "timeline.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "timeline.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, 0, "timeline.zoom-selection", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "timeline.clear-range", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "timeline.pan-left", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "timeline.pan-right", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_CONTROL_MASK, "timeline.scroll-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_CONTROL_MASK, "timeline.scroll-down", NULL);
  /* The lanes from the keyboard: a cursor moves from lane to lane, Space
   * folds its lane, Return opens its cluster nearest the middle. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "timeline.move-lane", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "timeline.move-lane", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "timeline.toggle-lane", "s", "");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "timeline.open-cluster", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "timeline.open-cluster", NULL);
  /* The time window from the keyboard: the selected event's days, its
   * end (Shift+arrows) and start (Shift+Ctrl+arrows) moved, or typed. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, 0, "timeline.window-from-event", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_SHIFT_MASK, "timeline.move-window-end", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_SHIFT_MASK, "timeline.move-window-end", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_SHIFT_MASK | GDK_CONTROL_MASK,
                                       "timeline.move-window-start", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_SHIFT_MASK | GDK_CONTROL_MASK,
                                       "timeline.move-window-start", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_W, GDK_SHIFT_MASK, "timeline.edit-range", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, 0, "timeline.next-event", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "timeline.next-event", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, 0, "timeline.previous-event", NULL);
  /* As in the graph and in GNOME's editors. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "timeline.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F3, 0, "timeline.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "timeline.find-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F3, GDK_SHIFT_MASK, "timeline.find-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "timeline.previous-event", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, 0, "timeline.lanes", "s", "entity");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, 0, "timeline.lanes", "s", "kind");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, 0, "timeline.lanes", "s", "group");
}

static void
weft_timeline_view_init (WeftTimelineView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *controller;
  GtkGesture *gesture;

  self->lanes = WEFT_TIMELINE_LANES_GROUP;
  self->lane_cursor = -1;
  self->text_scale = 1;
  self->text_nodes = g_hash_table_new_full (weft_str_hash, g_str_equal, g_free, (GDestroyNotify) gsk_render_node_unref);
  self->lane_texts = g_ptr_array_new_with_free_func ((GDestroyNotify) gsk_render_node_unref);
  self->header_texts = g_ptr_array_new_with_free_func ((GDestroyNotify) gsk_render_node_unref);

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_focus_on_click (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip), self);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "enter", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (controller, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (widget, controller);

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (on_pinch_begin), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (on_pinch_scale_changed), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  self->session_signals = g_signal_group_new (WEFT_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify::dataset", G_CALLBACK (on_dataset_changed), self);
  g_signal_group_connect_swapped (self->session_signals, "dataset-changed", G_CALLBACK (on_dataset_edited), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::selection", G_CALLBACK (on_selection_changed), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::window", G_CALLBACK (on_window_changed), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::search-text", G_CALLBACK (update_matches), self);

  self->dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  self->style_signals = g_signal_group_new (ADW_TYPE_STYLE_MANAGER);
  g_signal_group_connect_swapped (self->style_signals, "notify::dark", G_CALLBACK (on_dark_changed), self);
  g_signal_group_set_target (self->style_signals, adw_style_manager_get_default ());

  update_accessible (self);
}

GtkWidget *
weft_timeline_view_new (WeftSession *session)
{
  return g_object_new (WEFT_TYPE_TIMELINE_VIEW, "session", session, NULL);
}

WeftSession *
weft_timeline_view_get_session (WeftTimelineView *self)
{
  g_return_val_if_fail (WEFT_IS_TIMELINE_VIEW (self), NULL);
  return self->session;
}

void
weft_timeline_view_set_session (WeftTimelineView *self,
                                WeftSession      *session)
{
  g_return_if_fail (WEFT_IS_TIMELINE_VIEW (self));
  g_return_if_fail (session == NULL || WEFT_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  g_signal_group_set_target (self->session_signals, session);
  on_dataset_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

const char *
weft_timeline_view_get_lanes (WeftTimelineView *self)
{
  g_return_val_if_fail (WEFT_IS_TIMELINE_VIEW (self), NULL);
  return weft_timeline_lanes_to_string (self->lanes);
}

void
weft_timeline_view_set_lanes (WeftTimelineView *self,
                              const char       *lanes)
{
  WeftTimelineLanes mode;

  g_return_if_fail (WEFT_IS_TIMELINE_VIEW (self));

  if (!weft_timeline_lanes_from_string (lanes, &mode))
    {
      g_debug ("Unknown timeline lanes “%s”", lanes != NULL ? lanes : "(null)");
      return;
    }
  self->lanes_chosen = TRUE;
  if (mode == self->lanes)
    return;

  self->lanes = mode;
  if (self->pane != NULL)
    {
      /* The same pane and frame, the span kept. */
      weft_timeline_pane_set_lanes (self->pane, mode);
      self->index = weft_timeline_pane_get_index (self->pane);
      self->hovered = NULL;
      /* Lit lanes are the new lanes'. */
      update_selection (self);
      update (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANES]);
}

void
weft_timeline_view_get_span (WeftTimelineView *self,
                             double           *lower,
                             double           *upper)
{
  g_return_if_fail (WEFT_IS_TIMELINE_VIEW (self));

  if (lower != NULL)
    *lower = self->pane != NULL ? scale_of (self)->lower : 0;
  if (upper != NULL)
    *upper = self->pane != NULL ? scale_of (self)->upper : 0;
}

void
weft_timeline_view_set_span (WeftTimelineView *self,
                             double            lower,
                             double            upper)
{
  g_return_if_fail (WEFT_IS_TIMELINE_VIEW (self));

  set_span (self, lower, upper);
}

WeftEvent *
weft_timeline_view_get_selected_event (WeftTimelineView *self)
{
  g_return_val_if_fail (WEFT_IS_TIMELINE_VIEW (self), NULL);
  return self->selected;
}

guint
weft_timeline_view_get_n_highlighted (WeftTimelineView *self)
{
  g_return_val_if_fail (WEFT_IS_TIMELINE_VIEW (self), 0);
  return self->selection_lit.n_lit;
}

const char *
weft_timeline_view_get_accessible_text (WeftTimelineView *self)
{
  g_return_val_if_fail (WEFT_IS_TIMELINE_VIEW (self), NULL);
  return self->accessible_text;
}

const WeftTimelineFrame *
weft_timeline_view_get_frame (WeftTimelineView *self)
{
  g_return_val_if_fail (WEFT_IS_TIMELINE_VIEW (self), NULL);
  return self->pane != NULL ? frame_of (self) : NULL;
}

double
weft_timeline_view_get_scroll (WeftTimelineView *self)
{
  g_return_val_if_fail (WEFT_IS_TIMELINE_VIEW (self), 0);
  return self->pane != NULL ? weft_timeline_pane_get_scroll (self->pane) : 0;
}

gboolean
weft_timeline_view_scroll (WeftTimelineView *self,
                           double            dx,
                           double            dy,
                           GdkModifierType   modifiers,
                           gboolean          smooth)
{
  double scroll;
  WeftTimelineScale before;

  g_return_val_if_fail (WEFT_IS_TIMELINE_VIEW (self), FALSE);

  if (self->pane == NULL)
    return FALSE;

  if (modifiers & GDK_CONTROL_MASK)
    {
      double d = dy != 0 ? dy : dx;

      if (d == 0)
        return FALSE;
      zoom_at (self, zoom_anchor (self), smooth ? exp (-d * 0.01) : pow (1.25, -d));
      return TRUE;
    }

  /* Shift turns the vertical wheel into panning, as in other views. */
  if ((modifiers & GDK_SHIFT_MASK) && dx == 0)
    {
      dx = dy;
      dy = 0;
    }

  scroll = weft_timeline_pane_get_scroll (self->pane);
  before = *scale_of (self);
  /* (Smooth scrolling comes in widget pixels.) */
  if (dx != 0)
    pan (self, dx * (smooth ? 1 / self->text_scale : view_width (self) * 0.1));
  if (dy != 0)
    scroll_lanes (self, dy * (smooth ? 1 / self->text_scale : LANE_SCROLL_STEP));
  /* Nothing moved (the lanes fit, the span is at its limit): let the
   * event go on to whatever is around the view. */
  return weft_timeline_pane_get_scroll (self->pane) != scroll ||
         scale_of (self)->lower != before.lower || scale_of (self)->upper != before.upper;
}

guint
weft_timeline_view_get_n_matches (WeftTimelineView *self)
{
  g_return_val_if_fail (WEFT_IS_TIMELINE_VIEW (self), 0);
  return self->search_lit.n_lit;
}

gboolean
weft_timeline_view_is_lane_lit (WeftTimelineView *self,
                                const char       *key)
{
  int lane;

  g_return_val_if_fail (WEFT_IS_TIMELINE_VIEW (self), FALSE);

  lane = self->index != NULL && key != NULL ? weft_timeline_index_find_lane (self->index, key) : -1;
  return lane >= 0 && self->selection_lit.lanes != NULL && (guint) lane < self->selection_lit.n_lanes &&
         self->selection_lit.lanes[lane];
}

void
weft_timeline_view_set_text_scale (WeftTimelineView *self,
                                   double            scale)
{
  g_return_if_fail (WEFT_IS_TIMELINE_VIEW (self));

  scale = CLAMP (scale, 0.5, 4);
  if (scale == self->text_scale)
    return;
  self->text_scale = scale;
  self->hovered = NULL;
  if (self->pane != NULL && gtk_widget_get_width (GTK_WIDGET (self)) > 1)
    weft_timeline_pane_set_size (self->pane, view_width (self), view_height (self));
  update (self);
}

double
weft_timeline_view_get_text_scale (WeftTimelineView *self)
{
  g_return_val_if_fail (WEFT_IS_TIMELINE_VIEW (self), 1);
  return self->text_scale;
}

void
weft_timeline_view_set_obscured (WeftTimelineView      *self,
                                 const graphene_rect_t *rect)
{
  g_return_if_fail (WEFT_IS_TIMELINE_VIEW (self));

  self->has_obscured = rect != NULL;
  if (rect != NULL)
    self->obscured = (WeftTimelineRect) { rect->origin.x / self->text_scale, rect->origin.y / self->text_scale,
                                          rect->size.width / self->text_scale, rect->size.height / self->text_scale };
}

gboolean
weft_timeline_view_reveal_event (WeftTimelineView *self,
                                 WeftEvent        *event,
                                 gboolean          zoom)
{
  g_return_val_if_fail (WEFT_IS_TIMELINE_VIEW (self), FALSE);
  g_return_val_if_fail (event != NULL, FALSE);

  return show_event (self, event, zoom);
}

gboolean
weft_timeline_view_get_event_bounds (WeftTimelineView *self,
                                     WeftEvent        *event,
                                     graphene_rect_t  *bounds)
{
  const WeftTimelineMark *mark;
  double y, s;

  g_return_val_if_fail (WEFT_IS_TIMELINE_VIEW (self), FALSE);

  if (self->pane == NULL || event == NULL)
    return FALSE;
  mark = weft_timeline_pane_find_visible_event (self->pane, event, G_MAXUINT, &y);
  if (mark == NULL)
    return FALSE;
  s = self->text_scale;
  graphene_rect_init (bounds, (float) (mark->box_x0 * s), (float) (y * s), (float) ((mark->box_x1 - mark->box_x0) * s),
                      (float) (frame_of (self)->metrics.row_height * s));
  return TRUE;
}

/* What the view shows: its span, lanes and collapsed lanes, always light. */
static void
export_options (WeftTimelineView          *self,
                WeftTimelineExportOptions *options)
{
  weft_timeline_export_options_init (options, self->dataset);
  options->lanes = self->lanes;
  if (self->pane == NULL)
    return;
  options->has_from = TRUE;
  options->from = (gint64) floor (scale_of (self)->lower);
  options->has_to = TRUE;
  options->to = MAX ((gint64) ceil (scale_of (self)->upper) - 1, options->from);
  options->collapsed = weft_timeline_pane_get_collapsed (self->pane);
}

gboolean
weft_timeline_view_export (WeftTimelineView   *self,
                           GFile              *file,
                           WeftTimelineFormat  format,
                           GError            **error)
{
  WeftTimelineExportOptions options;

  g_return_val_if_fail (WEFT_IS_TIMELINE_VIEW (self), FALSE);

  if (self->dataset == NULL)
    {
      g_set_error_literal (error, WEFT_ERROR, WEFT_ERROR_FAILED, _("There is no timeline to export"));
      return FALSE;
    }

  export_options (self, &options);
  return weft_timeline_export (self->dataset, file, format, &options, error);
}

WeftTimelinePage *
weft_timeline_view_new_page (WeftTimelineView  *self,
                             GError           **error)
{
  WeftTimelineExportOptions options;

  g_return_val_if_fail (WEFT_IS_TIMELINE_VIEW (self), NULL);

  if (self->dataset == NULL)
    {
      g_set_error_literal (error, WEFT_ERROR, WEFT_ERROR_FAILED, _("There is no timeline to print"));
      return NULL;
    }

  export_options (self, &options);
  return weft_timeline_page_new (self->dataset, &options, error);
}
