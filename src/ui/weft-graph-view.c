/* weft-graph-view.c: the relationship graph, drawn by Weft
 *
 * Graphviz places the graph (weft-layout.c, in a worker thread); this
 * widget draws it. The drawing is cut into tiles of TILE pixels at the
 * current zoom, each rendered once into an image and kept as a render
 * node, so a frame only composes the visible tiles; hover, selection,
 * path and search highlights are drawn on top every frame. New tiles are
 * drawn for about TILE_BUDGET_US per frame, the rest in the next frames.
 * While the zoom changes the old tiles are stretched, and new ones are
 * drawn once it settles. The painter (core/graph/weft-graph-painter.c)
 * draws the tiles; what is drawn over them every frame is in
 * weft-graph-overlays.c. This file keeps the view: tiles, the view
 * transform, input, actions, following the session, accessibility.
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-ui"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "weft-error.h"
#include "weft-graph-overlays.h"
#include "weft-graph-painter.h"
#include "weft-graph-view.h"

#define TILE 256
#define TILE_BUDGET_US 5000
#define MIN_SCALE WEFT_LAYOUT_MIN_SCALE
#define MAX_SCALE WEFT_LAYOUT_MAX_SCALE
/* A pane whose width or height changes by more than this factor gets a
 * layout for its new shape, after it has kept it for REFIT_MS. */
#define REFIT_CHANGE 1.25
#define REFIT_MS 300
/* The pane a layout is fitted to before the view has a size. */
#define DEFAULT_PANE_WIDTH 1280
#define DEFAULT_PANE_HEIGHT 720
#define ZOOM_STEP 1.25
#define SETTLE_MS 180
#define DEFAULT_TIMEOUT_MS 4000
#define PAN_STEP 80.0
#define HIT_PIXELS 5.0
/* Above this many nodes a layout is fitted to the pane in a thread. */
#define FIT_IN_THREAD_NODES 1500

struct _WeftGraphView
{
  GtkWidget         parent_instance;

  WeftSession      *session;
  GSignalGroup     *session_signals;

  WeftGraph        *graph;          /* what is laid out: before the window and kinds */
  WeftLayout       *raw;            /* as Graphviz placed it */
  WeftLayout       *for_pane;       /* fitted to the pane */
  WeftLayout       *layout;         /* its part that the filters leave: what is shown */
  GskRenderNode    *fade_from;      /* the drawing a new layout fades in over, or NULL */
  gint64            fade_start;     /* frame time it began */
  guint             fade_tick;
  int               fit_width;      /* the pane it is fitted to */
  int               fit_height;
  guint             refit_id;
  WeftLayoutEngine  engine;
  WeftLayoutEngine  running_engine;
  GCancellable     *cancellable;
  guint             relayout_id;
  guint             timeout_ms;
  gboolean          busy;
  char             *message;
  gboolean          bounded;
  char             *bounded_message;  /* what a bounded view says when nothing else */
  gboolean          selection_outside;  /* an entity selected that the bounded view leaves out */
  guint             bound;
  gboolean          full_requested;
  gboolean          fit_pending;
  gboolean          fitted;         /* showing the whole layout, as zoom_fit() left it */
  gboolean          show_legend;
  guint             generation;   /* of relayout_now() calls */
  guint             progress_id;  /* "lay out everything": the seconds it has taken */
  gint64            started;

  /* view: widget point (px, py) shows layout point (ox + px / scale, …) */
  double            scale;
  double            ox;
  double            oy;
  int               view_width;     /* the size the view was last allocated */
  int               view_height;
  double            drag_ox;
  double            drag_oy;
  double            pinch_scale;
  gboolean          dragged;
  gint              link_from;       /* a drag from this node links, not pans */
  double            link_x, link_y;  /* where that drag began */
  double            pointer_x;
  double            pointer_y;
  gboolean          has_pointer;

  /* tiles of the current drawing: (ix, iy) -> GskRenderNode */
  GHashTable       *tiles;
  double            tiles_scale;
  guint             settle_id;
  guint             more_tiles_id;
  gboolean          fill_all;       /* a new drawing: its first frame draws every tile, no half picture */
  gboolean          new_drawing;    /* raw is a new layout, not yet shown */
  gboolean          refit_again;    /* the pane changed while a fit ran */
  WeftGraphPainter  *painter;
  WeftGraphOverlays *overlays;       /* and their caches (minimap, legend) */
  WeftGraphPalette  palette;

  gint              hover_node;
  gint              hover_edge;
  gint              selected_node;
  gint              selected_edge;
  double            text_scale;
  gboolean          wanted;         /* a zoom and centre asked for, put back until the drawing settles */
  double            wanted_scale;
  double            wanted_x;
  double            wanted_y;     /* widget pixels a pane pixel: everything drawn larger */
  gboolean         *lit;            /* per node: the selected event's or claim's entities, or NULL */
  GArray           *matches;        /* node indices */
  gboolean         *is_match;       /* per node, or NULL without a search */
  guint             match_stamp;    /* changes with is_match */
  guint             find_index;
  WeftItem         *link_anchor;    /* the node whose links ] and [ go through */
};

G_DEFINE_FINAL_TYPE (WeftGraphView, weft_graph_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_ENGINE,
  PROP_BUSY,
  PROP_MESSAGE,
  PROP_BOUNDED,
  PROP_SELECTION_OUTSIDE,
  PROP_BOUND,
  PROP_TIMEOUT,
  PROP_SCALE,
  PROP_SHOW_LEGEND,
  N_PROPS
};

enum {
  EXPORT,
  LAYOUT_DONE,
  CREATE_RELATION,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct _Request Request;

static void schedule_relayout (WeftGraphView *self);
static void update_accessible (WeftGraphView *self);
static void update_selection (WeftGraphView *self);
static void update_matches (WeftGraphView *self);

/* ---- Small helpers -------------------------------------------------------- */

static void
set_message (WeftGraphView *self,
             const char    *message)
{
  if (g_strcmp0 (self->message, message) == 0)
    return;
  g_free (self->message);
  self->message = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

static void
set_busy (WeftGraphView *self,
          gboolean       busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  if (!busy)
    g_clear_handle_id (&self->progress_id, g_source_remove);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_bounded (WeftGraphView *self,
             gboolean       bounded)
{
  if (self->bounded == bounded)
    return;
  self->bounded = bounded;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOUNDED]);
}

static void
clear_tiles (WeftGraphView *self)
{
  g_hash_table_remove_all (self->tiles);
  weft_graph_overlays_clear (self->overlays);
}

/* ---- Colours -------------------------------------------------------------- */

/* The painter's palette with the text and accent colours of the theme. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void
read_palette (WeftGraphView    *self,
              WeftGraphPalette *palette)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GdkRGBA fg, accent;

  gtk_style_context_get_color (context, &fg);
  if (!gtk_style_context_lookup_color (context, "accent_color", &accent))
    gdk_rgba_parse (&accent, "#3584e4");
  *palette = *weft_graph_palette_get (dark);
  palette->text = (WeftColor) { fg.red, fg.green, fg.blue, fg.alpha };
  palette->accent = (WeftColor) { accent.red, accent.green, accent.blue, accent.alpha };
}
G_GNUC_END_IGNORE_DEPRECATIONS

static gboolean
palettes_equal (const WeftGraphPalette *a,
                const WeftGraphPalette *b)
{
  return memcmp (&a->text, &b->text, sizeof a->text) == 0 && memcmp (&a->accent, &b->accent, sizeof a->accent) == 0 &&
         a->dark == b->dark;
}

/* What the session lights up, for the painter and the overlays. */
static void
paint_state (WeftGraphView       *self,
             WeftGraphPaintState *state)
{
  weft_graph_paint_state_init (state, &self->palette);
  state->is_match = self->is_match;
  state->stamp = self->match_stamp;
  state->matches = (const guint *) (gpointer) self->matches->data;
  state->n_matches = self->matches->len;
  state->path = self->session ? weft_session_get_path (self->session) : NULL;
  state->selected_node = self->selected_node;
  state->selected_edge = self->selected_edge;
  state->hover_node = self->hover_node;
  state->hover_edge = self->hover_edge;
  state->lit = self->lit;
}

/* ---- Tiles ------------------------------------------------------------------ */

static GskRenderNode *
render_tile (WeftGraphView *self,
             int            ix,
             int            iy,
             double         scale)
{
  /* Device pixels a pane pixel: sharp when the text scale magnifies. */
  double factor = gtk_widget_get_scale_factor (GTK_WIDGET (self)) * self->text_scale;
  int size = (int) ceil (TILE * factor);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (ix * TILE, iy * TILE, TILE, TILE);
  WeftGraphViewport viewport = { scale, { ix * TILE / scale, iy * TILE / scale, TILE / scale, TILE / scale } };
  WeftGraphPaintState state;
  GskRenderNode *node;
  cairo_t *cr;

  paint_state (self, &state);
  cairo_surface_set_device_scale (surface, factor, factor);
  cr = cairo_create (surface);
  cairo_translate (cr, -ix * TILE, -iy * TILE);
  cairo_scale (cr, scale, scale);
  weft_graph_painter_draw (self->painter, cr, self->layout, &state, WEFT_GRAPH_PAINT_SCENE, &viewport);
  cairo_destroy (cr);

  node = gsk_cairo_node_new (&bounds);
  cr = gsk_cairo_node_get_draw_context (node);
  cairo_set_source_surface (cr, surface, ix * TILE, iy * TILE);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return node;
}

static guint64
tile_key (int ix,
          int iy)
{
  return ((guint64) (guint32) ix << 32) | (guint32) iy;
}

static gboolean
draw_more_tiles (gpointer user_data)
{
  WeftGraphView *self = user_data;

  self->more_tiles_id = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

static gboolean
on_settled (gpointer user_data)
{
  WeftGraphView *self = user_data;

  self->settle_id = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

/* Appends the tiles covering the widget. */
static void
snapshot_tiles (WeftGraphView *self,
                GtkSnapshot   *snapshot,
                int            width,
                int            height)
{
  double s = self->scale;
  int ix0, iy0, ix1, iy1;
  gint64 deadline = g_get_monotonic_time () + TILE_BUDGET_US;
  guint drawn = 0;
  gboolean missing = FALSE;

  if (self->tiles_scale != s && g_hash_table_size (self->tiles) > 0 && self->settle_id != 0)
    {
      /* Zooming: stretch what there is until the zoom settles. */
      double k = s / self->tiles_scale;
      GHashTableIter iter;
      gpointer node;

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-self->ox * s, -self->oy * s));
      gtk_snapshot_scale (snapshot, k, k);
      g_hash_table_iter_init (&iter, self->tiles);
      while (g_hash_table_iter_next (&iter, NULL, &node))
        gtk_snapshot_append_node (snapshot, node);
      gtk_snapshot_restore (snapshot);
      return;
    }

  if (self->tiles_scale != s)
    {
      clear_tiles (self);
      self->tiles_scale = s;
    }

  ix0 = (int) floor (self->ox * s / TILE);
  iy0 = (int) floor (self->oy * s / TILE);
  ix1 = (int) floor ((self->ox * s + width) / TILE);
  iy1 = (int) floor ((self->oy * s + height) / TILE);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-round (self->ox * s), -round (self->oy * s)));
  for (int iy = iy0; iy <= iy1; iy++)
    for (int ix = ix0; ix <= ix1; ix++)
      {
        guint64 key = tile_key (ix, iy);
        GskRenderNode *node = g_hash_table_lookup (self->tiles, &key);

        /* Tiles outside the drawing stay empty. */
        if ((ix + 1) * TILE < 0 || (iy + 1) * TILE < 0 ||
            ix * TILE > weft_layout_get_width (self->layout) * s + TILE ||
            iy * TILE > weft_layout_get_height (self->layout) * s + TILE)
          continue;
        if (node == NULL)
          {
            guint64 *k;

            /* New tiles for a few milliseconds per frame (at least one),
             * so no frame takes long; the rest come in the next frames.
             * Not when the whole drawing changed (a new layout, a
             * filter, a search): half of it would flicker. */
            if (drawn > 0 && g_get_monotonic_time () >= deadline && !self->fill_all)
              {
                missing = TRUE;
                continue;
              }
            drawn++;
            k = g_new (guint64, 1);
            *k = key;
            node = render_tile (self, ix, iy, s);
            g_hash_table_insert (self->tiles, k, node);
          }
        gtk_snapshot_append_node (snapshot, node);
      }
  gtk_snapshot_restore (snapshot);
  self->fill_all = FALSE;

  if (missing && self->more_tiles_id == 0)
    self->more_tiles_id = g_idle_add_full (G_PRIORITY_LOW, draw_more_tiles, self, NULL);
}

void
weft_graph_view_snapshot_scene (WeftGraphView *self,
                                GtkSnapshot   *snapshot,
                                int            width,
                                int            height)
{
  WeftGraphPalette palette;
  WeftGraphPaintState paint;
  WeftGraphOverlayView view;

  g_return_if_fail (WEFT_IS_GRAPH_VIEW (self));

  read_palette (self, &palette);
  if (!palettes_equal (&palette, &self->palette))
    {
      self->palette = palette;
      clear_tiles (self);
    }

  paint_state (self, &paint);
  view = (WeftGraphOverlayView) { self->layout, &paint, self->scale, self->ox, self->oy, width, height,
                                  self->show_legend, self->busy, self->message };
  if (self->layout != NULL)
    {
      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
      snapshot_tiles (self, snapshot, width, height);
      weft_graph_overlays_snapshot (self->overlays, snapshot, &view);
      gtk_snapshot_pop (snapshot);
    }
  weft_graph_overlays_snapshot_status (self->overlays, snapshot, &view);
}

/* The pane is the widget at 1 / text_scale: its pixels, which the view
 * transform, pointer positions and the fit are in, are text_scale widget
 * pixels. */
static int
pane_width (WeftGraphView *self)
{
  return (int) (gtk_widget_get_width (GTK_WIDGET (self)) / self->text_scale);
}

static int
pane_height (WeftGraphView *self)
{
  return (int) (gtk_widget_get_height (GTK_WIDGET (self)) / self->text_scale);
}

/* ---- Cross-fading -------------------------------------------------------
 *
 * A new layout (another focus, a presentation's next event, a filter that
 * takes nodes away) fades in over the drawing it replaces, for FADE_USEC,
 * instead of cutting to it; not without animations (GNOME's setting). */

#define FADE_USEC (300 * G_TIME_SPAN_MILLISECOND)

static void
stop_fade (WeftGraphView *self)
{
  if (self->fade_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->fade_tick);
  self->fade_tick = 0;
  g_clear_pointer (&self->fade_from, gsk_render_node_unref);
}

static double
fade_progress (WeftGraphView *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  gint64 now = clock != NULL ? gdk_frame_clock_get_frame_time (clock) : G_MAXINT64;

  return CLAMP ((now - self->fade_start) / (double) FADE_USEC, 0, 1);
}

static gboolean
fade_tick (GtkWidget     *widget,
           GdkFrameClock *clock,
           gpointer       data)
{
  WeftGraphView *self = WEFT_GRAPH_VIEW (widget);

  gtk_widget_queue_draw (widget);
  if (fade_progress (self) < 1)
    return G_SOURCE_CONTINUE;
  self->fade_tick = 0;
  g_clear_pointer (&self->fade_from, gsk_render_node_unref);
  return G_SOURCE_REMOVE;
}

/* Before the layout shown changes: what is drawn now, to fade from (a
 * fade under way goes on from where it started). */
static void
begin_fade (WeftGraphView *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  gboolean animations = TRUE;
  GtkSnapshot *snapshot;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &animations, NULL);
  if (self->layout == NULL || self->fade_from != NULL || clock == NULL || !animations ||
      !gtk_widget_get_mapped (GTK_WIDGET (self)) || pane_width (self) <= 0 || pane_height (self) <= 0)
    return;
  snapshot = gtk_snapshot_new ();
  weft_graph_view_snapshot_scene (self, snapshot, pane_width (self), pane_height (self));
  self->fade_from = gtk_snapshot_free_to_node (snapshot);
  if (self->fade_from == NULL)
    return;
  self->fade_start = gdk_frame_clock_get_frame_time (clock);
  self->fade_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), fade_tick, NULL, NULL);
}

static void
weft_graph_view_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  WeftGraphView *self = WEFT_GRAPH_VIEW (widget);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_scale (snapshot, (float) self->text_scale, (float) self->text_scale);
  if (self->fade_from != NULL)
    {
      gtk_snapshot_push_cross_fade (snapshot, fade_progress (self));
      gtk_snapshot_append_node (snapshot, self->fade_from);
      gtk_snapshot_pop (snapshot);
      weft_graph_view_snapshot_scene (self, snapshot, pane_width (self), pane_height (self));
      gtk_snapshot_pop (snapshot);
    }
  else
    weft_graph_view_snapshot_scene (self, snapshot, pane_width (self), pane_height (self));
  gtk_snapshot_restore (snapshot);
}

/* ---- The view transform -------------------------------------------------- */

static void
set_view (WeftGraphView *self,
          double         scale,
          double         ox,
          double         oy)
{
  gboolean scale_changed;

  scale = CLAMP (scale, MIN_SCALE, MAX_SCALE);
  self->fitted = FALSE;
  /* Whole pixels, so tiles land on the pixel grid and stay sharp. */
  ox = round (ox * scale) / scale;
  oy = round (oy * scale) / scale;
  scale_changed = scale != self->scale;

  self->scale = scale;
  self->ox = ox;
  self->oy = oy;

  if (scale_changed)
    {
      if (self->settle_id != 0)
        g_source_remove (self->settle_id);
      self->settle_id = g_timeout_add (SETTLE_MS, on_settled, self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCALE]);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
zoom_at (WeftGraphView *self,
         double         factor,
         double         px,
         double         py)
{
  double gx = self->ox + px / self->scale;
  double gy = self->oy + py / self->scale;
  double scale = CLAMP (self->scale * factor, MIN_SCALE, MAX_SCALE);

  self->wanted = FALSE;  /* the user's zoom wins */
  set_view (self, scale, gx - px / scale, gy - py / scale);
}

static void
zoom_to_rect (WeftGraphView *self,
              double         x1,
              double         y1,
              double         x2,
              double         y2,
              double         max_scale)
{
  int width = pane_width (self);
  int height = pane_height (self);
  double w = MAX (x2 - x1, 1), h = MAX (y2 - y1, 1);
  double scale;

  if (width <= 0 || height <= 0)
    {
      self->fit_pending = TRUE;
      return;
    }
  scale = MIN (max_scale, 0.95 * MIN (width / w, height / h));
  scale = CLAMP (scale, MIN_SCALE, MAX_SCALE);
  set_view (self, scale, (x1 + x2) / 2 - width / (2 * scale), (y1 + y2) / 2 - height / (2 * scale));
}

/* The whole drawing, as weft_graph_viewport_fit() shows it: what
 * `weft graph --view` draws for a pane of this size. With the legend, in
 * the pane beside or below its card (whichever takes the smaller share),
 * so that the card covers nothing. */
static void
zoom_fit (WeftGraphView *self)
{
  int width = pane_width (self);
  int height = pane_height (self);
  WeftGraphViewport viewport;
  WeftGraphRect card = { 0 };
  double left = 0, top = 0;

  if (self->layout == NULL)
    return;
  if (width <= 0 || height <= 0)
    {
      self->fit_pending = TRUE;
      return;
    }
  self->fit_pending = FALSE;
  if (self->show_legend)
    weft_graph_painter_draw_legend (self->painter, NULL, &self->palette, weft_layout_get_graph (self->layout), &card);
  if (card.width > 0 && (card.width + 24) / width <= (card.height + 24) / height)
    left = MIN (card.width + 24, width / 2.0);
  else if (card.width > 0)
    top = MIN (card.height + 24, height / 2.0);
  weft_graph_viewport_fit (&viewport, self->layout, width - left, height - top);
  set_view (self, viewport.scale, viewport.visible.x - left / viewport.scale, viewport.visible.y - top / viewport.scale);
  self->fitted = TRUE;
}

static void
center_on (WeftGraphView *self,
           double         x,
           double         y,
           double         scale)
{
  int width = pane_width (self);
  int height = pane_height (self);

  set_view (self, scale, x - width / (2 * scale), y - height / (2 * scale));
}

static void
zoom_selection (WeftGraphView *self)
{
  if (self->layout == NULL)
    return;

  if (self->selected_node >= 0)
    {
      const WeftNodeBox *b = weft_layout_get_node (self->layout, self->selected_node);
      center_on (self, b->x, b->y, MAX (self->scale, 1.2));
    }
  else if (self->selected_edge >= 0)
    {
      const WeftEdgePath *e = weft_layout_get_edge (self->layout, self->selected_edge);
      zoom_to_rect (self, e->x1, e->y1, e->x2, e->y2, 2.0);
    }
}

/* The zoom and centre weft_graph_view_set_scale() and _set_center()
 * asked for; again after each new drawing until no layout or fit is under
 * way or waiting (leaving presentation restores the view while the graph
 * is still laid out and fitted again for the window's old size). */
static void
apply_wanted (WeftGraphView *self)
{
  if (!self->wanted || self->layout == NULL)
    return;
  center_on (self, self->wanted_x, self->wanted_y, self->wanted_scale);
  self->fitted = FALSE;
  self->fit_pending = FALSE;
  if (!self->busy && self->refit_id == 0 && self->cancellable == NULL && self->relayout_id == 0)
    self->wanted = FALSE;
}

/* Whether a pane of @width x @height differs enough from the one the
 * layout was fitted to. */
static gboolean
needs_refit (WeftGraphView *self,
             int            width,
             int            height)
{
  double kw = (double) width / MAX (self->fit_width, 1), kh = (double) height / MAX (self->fit_height, 1);

  return self->raw != NULL && (kw > REFIT_CHANGE || kw < 1 / REFIT_CHANGE || kh > REFIT_CHANGE || kh < 1 / REFIT_CHANGE);
}

/* Shows @layout (fitted to a pane of @width x @height) instead of the
 * current one; a fitted view stays fitted. */
static void
show_layout (WeftGraphView *self,
             WeftLayout    *layout,
             int            width,
             int            height)
{
  gboolean was_fitted = self->fitted || self->layout == NULL;

  begin_fade (self);
  g_clear_pointer (&self->layout, weft_layout_unref);
  self->layout = layout;
  self->fit_width = width;
  self->fit_height = height;
  clear_tiles (self);
  self->fill_all = TRUE;
  self->hover_node = self->hover_edge = -1;
  update_selection (self);
  update_matches (self);
  if (was_fitted)
    zoom_fit (self);
  apply_wanted (self);
}

/* The pane's size, or a usual one before it has any. */
static void
pane_size (WeftGraphView *self,
           int           *width,
           int           *height)
{
  *width = pane_width (self);
  *height = pane_height (self);
  if (*width <= 0 || *height <= 0)
    {
      *width = DEFAULT_PANE_WIDTH;
      *height = DEFAULT_PANE_HEIGHT;
    }
}

/* @subgraph (owned), with only what the bounded view has when it is. */
static WeftSubgraph *
within_bounds (WeftGraphView *self,
               WeftSubgraph  *subgraph)
{
  g_autoptr(GHashTable) kept = NULL;
  WeftSubgraph *inside;

  if (!self->bounded)
    return subgraph;
  kept = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < weft_graph_get_n_entities (self->graph); i++)
    g_hash_table_add (kept, weft_graph_get_node (self->graph, i)->item);
  inside = weft_subgraph_restrict (weft_session_get_dataset (self->session), subgraph, kept);
  weft_subgraph_free (subgraph);
  return inside;
}

/* The part of the fitted layout the time window and the hidden kinds
 * leave, everything where it was; FALSE when it cannot be (a graph of
 * other nodes): then only a new layout will do. */
static gboolean
apply_filters (WeftGraphView *self)
{
  WeftDataset *dataset = weft_session_get_dataset (self->session);
  g_autoptr(WeftSubgraph) visible = NULL;
  g_autoptr(WeftGraph) graph = NULL;
  WeftLayout *shown;

  if (self->for_pane == NULL)
    return TRUE;
  visible = within_bounds (self, weft_session_dup_visible_subgraph (self->session));
  graph = weft_graph_new (dataset, visible, weft_session_get_show_events (self->session),
                          weft_session_get_show_claims (self->session));
  shown = weft_layout_subset (self->for_pane, graph);
  if (shown == NULL)
    return FALSE;
  show_layout (self, shown, self->fit_width, self->fit_height);
  return TRUE;
}

static void
on_filters_changed (WeftGraphView *self)
{
  if (!apply_filters (self))
    schedule_relayout (self);
}

/* Shows @fitted (owned), fitted to a pane of @width x @height, with
 * the filters applied. */
static void
show_fitted (WeftGraphView *self,
             WeftLayout    *fitted,
             int            width,
             int            height)
{
  g_clear_pointer (&self->for_pane, weft_layout_unref);
  self->for_pane = fitted;
  self->fit_width = width;
  self->fit_height = height;
  if (!apply_filters (self))
    show_layout (self, weft_layout_ref (fitted), width, height);
}

static void on_fit_done (GObject *source, GAsyncResult *result, gpointer user_data);
static Request *request_new (WeftGraphView *self);

/* A layout of the same placement for the pane's shape: now (TRUE), or
 * for thousands of nodes in a thread, the window usable and the drawing
 * on screen kept meanwhile (FALSE; on_fit_done() shows it). */
static gboolean
refit (WeftGraphView *self)
{
  int width, height;
  WeftLayout *fitted;

  if (self->raw == NULL)
    return TRUE;
  pane_size (self, &width, &height);
  if (weft_graph_get_n_nodes (weft_layout_get_graph (self->raw)) > FIT_IN_THREAD_NODES)
    {
      /* One at a time: a layout or a fit under way fits again after. */
      if (self->cancellable != NULL)
        {
          self->refit_again = TRUE;
          return FALSE;
        }
      self->cancellable = g_cancellable_new ();
      set_busy (self, TRUE);
      weft_layout_fit_async (self->raw, width, height, self->cancellable, on_fit_done, request_new (self));
      return FALSE;
    }
  fitted = weft_layout_fit (self->raw, width, height, NULL);
  if (fitted == NULL)
    return TRUE;
  if (self->new_drawing)
    {
      /* Another drawing: fitted anew, fading in over this one. */
      begin_fade (self);
      g_clear_pointer (&self->layout, weft_layout_unref);
    }
  self->new_drawing = FALSE;
  show_fitted (self, fitted, width, height);
  return TRUE;
}

static gboolean
refit_timeout (gpointer user_data)
{
  WeftGraphView *self = user_data;

  self->refit_id = 0;
  refit (self);
  return G_SOURCE_REMOVE;
}

static void
weft_graph_view_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  WeftGraphView *self = WEFT_GRAPH_VIEW (widget);
  gboolean resized;

  width = (int) (width / self->text_scale);
  height = (int) (height / self->text_scale);
  resized = width != self->view_width || height != self->view_height;

  /* A new size (the window or the split between the views changed):
   * a whole graph stays whole, else what was in the middle stays there;
   * a new shape gets a layout of its own once it stays. */
  if (self->layout != NULL && width > 0 && height > 0)
    {
      if (needs_refit (self, width, height))
        {
          g_clear_handle_id (&self->refit_id, g_source_remove);
          self->refit_id = g_timeout_add (REFIT_MS, refit_timeout, self);
        }
      if (self->fit_pending || (self->fitted && resized))
        zoom_fit (self);
      else if (resized && self->view_width > 0 && self->view_height > 0)
        set_view (self, self->scale, self->ox + (self->view_width - width) / (2 * self->scale),
                  self->oy + (self->view_height - height) / (2 * self->scale));
    }
  self->view_width = width;
  self->view_height = height;
}

static void
weft_graph_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  *minimum = 120;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 640 : 480;
}

/* ---- Hit testing ------------------------------------------------------------ */

static double
distance_to_segment (double px,
                     double py,
                     double ax,
                     double ay,
                     double bx,
                     double by)
{
  double dx = bx - ax, dy = by - ay;
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? CLAMP (((px - ax) * dx + (py - ay) * dy) / len2, 0, 1) : 0;

  return hypot (px - (ax + t * dx), py - (ay + t * dy));
}

static double
distance_to_spline (const WeftSpline *s,
                    double            px,
                    double            py)
{
  double best = G_MAXDOUBLE;

  for (guint k = 0; k + 3 < s->n_points; k += 3)
    {
      const WeftPoint *p = &s->points[k];
      double lx = p[0].x, ly = p[0].y;

      for (int step = 1; step <= 8; step++)
        {
          double t = step / 8.0, u = 1 - t;
          double x = u * u * u * p[0].x + 3 * u * u * t * p[1].x + 3 * u * t * t * p[2].x + t * t * t * p[3].x;
          double y = u * u * u * p[0].y + 3 * u * u * t * p[1].y + 3 * u * t * t * p[2].y + t * t * t * p[3].y;

          best = MIN (best, distance_to_segment (px, py, lx, ly, x, y));
          lx = x;
          ly = y;
        }
    }
  if (s->has_end_arrow)
    best = MIN (best, distance_to_segment (px, py, s->points[s->n_points - 1].x, s->points[s->n_points - 1].y,
                                           s->end_tip.x, s->end_tip.y));
  return best;
}

/* The node (or else the edge) at widget point (x, y). */
static void
hit_test (WeftGraphView *self,
          double         x,
          double         y,
          gint          *node_out,
          gint          *edge_out)
{
  WeftGraph *graph;
  double gx, gy, slack;

  *node_out = *edge_out = -1;
  if (self->layout == NULL)
    return;

  graph = weft_layout_get_graph (self->layout);
  gx = self->ox + x / self->scale;
  gy = self->oy + y / self->scale;
  slack = HIT_PIXELS / self->scale;

  /* Nodes are drawn last, so the last one that holds the point is on top. */
  for (guint i = weft_graph_get_n_nodes (graph); i-- > 0;)
    {
      const WeftNodeBox *b = weft_layout_get_node (self->layout, i);

      if (fabs (gx - b->x) <= b->width / 2 && fabs (gy - b->y) <= b->height / 2)
        {
          *node_out = (gint) i;
          return;
        }
    }

  for (guint i = 0; i < weft_graph_get_n_edges (graph); i++)
    {
      const WeftEdgePath *e = weft_layout_get_edge (self->layout, i);

      if (gx < e->x1 - slack || gx > e->x2 + slack || gy < e->y1 - slack || gy > e->y2 + slack)
        continue;
      if (e->has_label && fabs (gx - e->label_x) <= e->label_width / 2 && fabs (gy - e->label_y) <= e->label_height / 2)
        {
          *edge_out = (gint) i;
          return;
        }
      for (guint j = 0; j < e->n_splines; j++)
        if (distance_to_spline (&e->splines[j], gx, gy) <= slack)
          {
            *edge_out = (gint) i;
            return;
          }
    }
}

/* ---- Following the session --------------------------------------------------- */

/* An entity selected that a bounded view leaves out: the view says so
 * (the graph bar offers to focus it, graph.focus); else the bounded
 * view's own message comes back. */
static void
update_outside (WeftGraphView *self,
                WeftItem      *item)
{
  gboolean outside = self->bounded && !self->busy && self->graph != NULL && item != NULL &&
                     item->type == WEFT_ITEM_ENTITY && weft_graph_lookup_node (self->graph, item) < 0;

  if (outside)
    {
      g_autofree char *text =
        /* Translators: %s is an entity's name; %'u groups the digits as the locale does ("1,200"). */
        g_strdup_printf (_("“%s” is not among the %'u entities shown. Focus on it to see its links."),
                         weft_item_get_label (item), weft_graph_get_n_entities (self->graph));

      set_message (self, text);
    }
  else if (self->selection_outside)
    set_message (self, self->bounded ? self->bounded_message : NULL);
  if (outside != self->selection_outside)
    {
      self->selection_outside = outside;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION_OUTSIDE]);
    }
}

/* Lights @item's node; else both ends of its relation; else, for an
 * event, its participants. */
static void
light_item (WeftGraphView *self,
            WeftGraph     *graph,
            WeftItem      *item,
            gboolean       events)
{
  gint node = item != NULL ? weft_graph_lookup_node (graph, item) : -1;
  gint edge = item != NULL && node < 0 ? weft_graph_lookup_edge (graph, item) : -1;

  if (node >= 0)
    self->lit[node] = TRUE;
  else if (edge >= 0)
    self->lit[weft_graph_get_edge (graph, edge)->tail] = self->lit[weft_graph_get_edge (graph, edge)->head] = TRUE;
  else if (item != NULL && item->type == WEFT_ITEM_EVENT && events)
    {
      WeftDataset *dataset = weft_session_get_dataset (self->session);
      WeftEvent *event = (WeftEvent *) item;

      for (guint i = 0; i < event->n_participants; i++)
        light_item (self, graph, weft_dataset_lookup (dataset, event->participants[i].entity), FALSE);
    }
}

/* What a selected event or claim that is no node lights up: the event's
 * participants; the claim's claimant and what it is about (an event it is
 * about: its participants). */
static void
update_lit (WeftGraphView *self,
            WeftItem      *item,
            WeftGraph     *graph)
{
  WeftDataset *dataset = self->session ? weft_session_get_dataset (self->session) : NULL;

  g_clear_pointer (&self->lit, g_free);
  if (item == NULL || graph == NULL || dataset == NULL || self->selected_node >= 0 ||
      (item->type != WEFT_ITEM_EVENT && item->type != WEFT_ITEM_CLAIM))
    return;

  self->lit = g_new0 (gboolean, MAX (weft_graph_get_n_nodes (graph), 1));
  if (item->type == WEFT_ITEM_EVENT)
    light_item (self, graph, item, TRUE);
  else
    {
      WeftClaim *claim = (WeftClaim *) item;

      if (claim->claimant != NULL)
        light_item (self, graph, weft_dataset_lookup (dataset, claim->claimant), TRUE);
      for (guint i = 0; claim->about != NULL && claim->about[i] != NULL; i++)
        light_item (self, graph, weft_dataset_lookup (dataset, claim->about[i]), TRUE);
    }
}

static void
update_selection (WeftGraphView *self)
{
  WeftItem *item = self->session ? weft_session_get_selection (self->session) : NULL;
  WeftGraph *graph = self->layout ? weft_layout_get_graph (self->layout) : NULL;

  self->selected_node = graph ? weft_graph_lookup_node (graph, item) : -1;
  self->selected_edge = graph && self->selected_node < 0 ? weft_graph_lookup_edge (graph, item) : -1;
  update_lit (self, item, graph);
  update_outside (self, item);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
update_matches (WeftGraphView *self)
{
  const char *text = self->session ? weft_session_get_search_text (self->session) : "";
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));
  WeftGraph *graph = self->layout ? weft_layout_get_graph (self->layout) : NULL;

  g_array_set_size (self->matches, 0);
  g_clear_pointer (&self->is_match, g_free);
  self->find_index = 0;
  self->match_stamp++;

  if (graph != NULL && *stripped != '\0')
    {
      g_autofree char *needle = g_utf8_casefold (stripped, -1);
      guint n = weft_graph_get_n_nodes (graph);

      self->is_match = g_new0 (gboolean, MAX (n, 1));
      for (guint i = 0; i < n; i++)
        if (weft_item_matches (weft_graph_get_node (graph, i)->item, needle))
          {
            self->is_match[i] = TRUE;
            g_array_append_val (self->matches, i);
          }
    }

  /* Non-matches are dimmed in the tiles. */
  clear_tiles (self);
  self->fill_all = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* One layout request: the view, and which relayout it belongs to. */
struct _Request {
  WeftGraphView *self;
  guint          generation;
};

static Request *
request_new (WeftGraphView *self)
{
  Request *r = g_new (Request, 1);

  r->self = g_object_ref (self);
  r->generation = self->generation;
  return r;
}

static void
request_free (Request *r)
{
  g_object_unref (r->self);
  g_free (r);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)

/* A new drawing is on screen. */
static void
layout_shown (WeftGraphView *self)
{
  if (self->started != 0)
    set_message (self, NULL);
  self->started = 0;
  g_signal_emit (self, signals[LAYOUT_DONE], 0);
}

static void
on_fit_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  WeftGraphView *self = request->self;
  g_autoptr(GError) error = NULL;
  WeftLayout *fitted = weft_layout_fit_finish (result, &error);

  gboolean was_new = self->new_drawing;

  if (request->generation != self->generation)
    {
      g_clear_pointer (&fitted, weft_layout_unref);
      return;
    }
  set_busy (self, FALSE);
  g_clear_object (&self->cancellable);
  if (fitted == NULL)
    return;
  if (was_new)
    {
      begin_fade (self);
      g_clear_pointer (&self->layout, weft_layout_unref);
    }
  self->new_drawing = FALSE;
  {
    int width, height;

    pane_size (self, &width, &height);
    show_fitted (self, fitted, width, height);
  }
  if (self->refit_again)
    {
      self->refit_again = FALSE;
      refit (self);
    }
  if (was_new)
    layout_shown (self);
}

static void
on_layout_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  WeftGraphView *self = request->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(WeftLayout) layout = weft_layout_run_finish (result, &error);

  /* An answer to an earlier relayout (cancelled, timed out or finished
   * late): the current one will answer for itself. */
  if (request->generation != self->generation)
    return;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Cancelled by the user (graph.cancel-layout). */
      set_busy (self, FALSE);
      g_clear_object (&self->cancellable);
      return;
    }

  if (g_error_matches (error, WEFT_ERROR, WEFT_ERROR_CANCELLED_TIMEOUT))
    {
      WeftLayoutEngine fallback = weft_layout_engine_fallback (self->running_engine);

      if (fallback != WEFT_ENGINE_AUTO && self->graph != NULL)
        {
          g_autofree char *text =
            g_strdup_printf (_("%s took too long; laying the graph out with %s instead"),
                             weft_layout_engine_to_string (self->running_engine),
                             weft_layout_engine_to_string (fallback));

          set_message (self, text);
          self->running_engine = fallback;
          weft_layout_run_async (self->graph, fallback, 0, self->cancellable, on_layout_done, request_new (self));
          return;
        }
    }

  set_busy (self, FALSE);
  g_clear_object (&self->cancellable);

  if (layout == NULL)
    {
      set_message (self, error ? error->message : _("The graph could not be laid out"));
      return;
    }

  g_clear_pointer (&self->raw, weft_layout_unref);
  self->raw = g_steal_pointer (&layout);
  self->new_drawing = TRUE;
  self->refit_again = FALSE;
  if (refit (self))
    layout_shown (self);
}

/* "Laying out all 10,000 entities… 12 s" while it runs. */
static gboolean
show_progress (gpointer user_data)
{
  WeftGraphView *self = user_data;
  guint seconds = (guint) ((g_get_monotonic_time () - self->started) / G_USEC_PER_SEC);
  g_autofree char *text =
    /* Translators: %'u groups the digits as the locale does ("1,200"); keep the '. The second
     * number is the seconds the layout has taken so far. */
    g_strdup_printf (_("Laying out all %'u entities in the background… %u s"),
                     weft_graph_get_n_entities (self->graph), seconds);

  set_message (self, text);
  return G_SOURCE_CONTINUE;
}

static void
relayout_now (WeftGraphView *self)
{
  g_autoptr(WeftSubgraph) subgraph = NULL;
  WeftDataset *dataset;
  guint n_entities;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->graph, weft_graph_unref);
  self->generation++;
  self->started = 0;

  dataset = self->session ? weft_session_get_dataset (self->session) : NULL;
  if (dataset == NULL)
    {
      g_clear_pointer (&self->layout, weft_layout_unref);
      g_clear_pointer (&self->for_pane, weft_layout_unref);
      g_clear_pointer (&self->raw, weft_layout_unref);
      clear_tiles (self);
      set_busy (self, FALSE);
      return;
    }

  /* The time window and hidden kinds only hide what this shows
   * (apply_filters()). */
  subgraph = weft_session_dup_unfiltered_subgraph (self->session);
  n_entities = subgraph->entities->len;
  set_message (self, NULL);
  if (n_entities > self->bound && !self->full_requested && weft_session_get_focus (self->session) == NULL)
    {
      WeftSubgraph *top = weft_subgraph_most_connected (dataset, subgraph, self->bound);
      g_autofree char *text =
        /* Translators: %'u groups the digits as the locale does ("1,200"); keep the '. */
        g_strdup_printf (_("Showing the %'u most connected of %'u entities. Focus on one, or lay out "
                           "everything in the background."),
                         top->entities->len, n_entities);

      weft_subgraph_free (g_steal_pointer (&subgraph));
      subgraph = top;
      set_bounded (self, TRUE);
      set_message (self, text);
      g_free (self->bounded_message);
      self->bounded_message = g_steal_pointer (&text);
    }
  else
    set_bounded (self, FALSE);

  self->graph = weft_graph_new (dataset, subgraph, weft_session_get_show_events (self->session),
                                weft_session_get_show_claims (self->session));
  self->running_engine = self->engine != WEFT_ENGINE_AUTO
                         ? self->engine
                         : weft_layout_engine_choose (weft_graph_get_n_nodes (self->graph),
                                                      weft_graph_get_n_edges (self->graph));
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  if (self->full_requested && n_entities > self->bound)
    {
      /* What the user asked for: no time limit, in the helper process
       * that Stop kills; the seconds it has taken meanwhile. */
      self->started = g_get_monotonic_time ();
      show_progress (self);
      self->progress_id = g_timeout_add_seconds (1, show_progress, self);
      weft_layout_run_in_helper_async (self->graph, self->running_engine, self->cancellable,
                                       on_layout_done, request_new (self));
      return;
    }
  weft_layout_run_async (self->graph, self->running_engine, self->timeout_ms, self->cancellable,
                         on_layout_done, request_new (self));
}

static gboolean
relayout_idle (gpointer user_data)
{
  WeftGraphView *self = user_data;

  self->relayout_id = 0;
  relayout_now (self);
  return G_SOURCE_REMOVE;
}

/* Several session changes in a row make one layout. */
static void
schedule_relayout (WeftGraphView *self)
{
  if (self->relayout_id == 0)
    self->relayout_id = g_idle_add (relayout_idle, self);
}

static void
on_session_changed (WeftGraphView *self)
{
  schedule_relayout (self);
}

static void
on_dataset_changed (WeftGraphView *self)
{
  self->full_requested = FALSE;
  self->link_anchor = NULL;
  schedule_relayout (self);
}

/* ---- Following edits ---------------------------------------------------------- */

/* The graph made again after an edit, in the layout it has: new names
 * and fields drawn, what went gone, a new node near its neighbours,
 * everything else where it was (weft_layout_grow()). FALSE when a new
 * layout would do better (a layout under way, a third of the nodes new). */
static gboolean
follow_edit (WeftGraphView *self)
{
  WeftDataset *dataset = weft_session_get_dataset (self->session);
  g_autoptr(WeftSubgraph) subgraph = NULL;
  g_autoptr(WeftGraph) graph = NULL;
  g_autoptr(WeftLayout) raw = NULL;
  g_autoptr(WeftLayout) for_pane = NULL;
  guint n_new = 0;

  if (dataset == NULL || self->raw == NULL || self->for_pane == NULL || self->graph == NULL
      || self->relayout_id != 0 || self->cancellable != NULL)
    return FALSE;
  subgraph = within_bounds (self, weft_session_dup_unfiltered_subgraph (self->session));
  graph = weft_graph_new (dataset, subgraph, weft_session_get_show_events (self->session),
                          weft_session_get_show_claims (self->session));
  for (guint i = 0; i < weft_graph_get_n_nodes (graph); i++)
    n_new += weft_graph_lookup_node (self->graph, weft_graph_get_node (graph, i)->item) < 0;
  if (n_new > 0 && 3 * n_new > weft_graph_get_n_nodes (graph))
    return FALSE;
  raw = weft_layout_grow (self->raw, graph);
  for_pane = weft_layout_grow (self->for_pane, graph);
  /* A new name gets the box Graphviz makes for it, when bigger. */
  for (guint i = 0; i < weft_graph_get_n_nodes (graph); i++)
    {
      const WeftGraphNode *node = weft_graph_get_node (graph, i);
      gint was = weft_graph_lookup_node (self->graph, node->item);
      double width, height;

      if (was >= 0 && g_strcmp0 (weft_graph_get_node (self->graph, was)->lines, node->lines) != 0
          && weft_layout_measure_node (graph, i, weft_layout_get_engine (self->raw), &width, &height))
        {
          weft_layout_resize_node (raw, i, width, height);
          weft_layout_resize_node (for_pane, i, width, height);
        }
    }
  g_clear_pointer (&self->graph, weft_graph_unref);
  self->graph = g_steal_pointer (&graph);
  g_clear_pointer (&self->raw, weft_layout_unref);
  self->raw = g_steal_pointer (&raw);
  g_clear_pointer (&self->for_pane, weft_layout_unref);
  self->for_pane = g_steal_pointer (&for_pane);
  if (!apply_filters (self))
    show_layout (self, weft_layout_ref (self->for_pane), self->fit_width, self->fit_height);
  return TRUE;
}

static void
on_dataset_edited (WeftGraphView *self)
{
  if (follow_edit (self))
    return;
  self->link_anchor = NULL;
  schedule_relayout (self);
}

/* ---- Accessibility ------------------------------------------------------------ */

static char *
describe_node (WeftGraphView *self,
               guint          index)
{
  WeftGraph *graph = weft_layout_get_graph (self->layout);
  const WeftGraphNode *node = weft_graph_get_node (graph, index);
  WeftDataset *dataset = weft_graph_get_dataset (graph);

  if (node->item->type == WEFT_ITEM_ENTITY)
    {
      WeftEntity *e = (WeftEntity *) node->item;
      guint n_events, n_claims, n_relations;

      weft_dataset_get_entity_events (dataset, e, &n_events);
      weft_dataset_get_entity_claims (dataset, e, &n_claims);
      weft_dataset_get_entity_relations (dataset, e, &n_relations);
      /* Translators: "IBM, Company: 3 relations, 2 events, 5 claims" */
      return g_strdup_printf (_("%s, %s: %u relations, %u events, %u claims"), e->name,
                              weft_entity_kind_label (e->kind), n_relations, n_events, n_claims);
    }
  return g_strdup_printf ("%s: %s", node->item->type == WEFT_ITEM_EVENT ? _("Event") : _("Claim"), node->label);
}

static char *
describe_edge (WeftGraphView *self,
               guint          index)
{
  WeftGraph *graph = weft_layout_get_graph (self->layout);
  const WeftGraphEdge *edge = weft_graph_get_edge (graph, index);

  /* Translators: "Huawei → U.S. government: sanctioned by (1); Reported, 1 claim, 1 source" */
  return g_strdup_printf (_("%s → %s: %s; %s, %u claims, %u sources"),
                          weft_graph_get_node (graph, edge->tail)->label,
                          weft_graph_get_node (graph, edge->head)->label,
                          edge->label, weft_evidence_label (edge->evidence), edge->n_claims, edge->n_sources);
}

static void
update_accessible (WeftGraphView *self)
{
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;

  if (self->layout != NULL)
    {
      WeftGraph *graph = weft_layout_get_graph (self->layout);

      label = g_strdup_printf (_("Relationship graph: %u nodes, %u links"),
                               weft_graph_get_n_nodes (graph), weft_graph_get_n_edges (graph));
      if (self->selected_node >= 0)
        {
          g_autofree char *what = describe_node (self, self->selected_node);
          description = g_strdup_printf (_("Selected: %s"), what);
        }
      else if (self->selected_edge >= 0)
        {
          g_autofree char *what = describe_edge (self, self->selected_edge);
          description = g_strdup_printf (_("Selected: %s"), what);
        }
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label ? label : _("Relationship graph"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description ? description : _("Nothing selected"),
                                  -1);
}

/* ---- Input --------------------------------------------------------------------- */

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           WeftGraphView            *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  /* Without an event (emitted by hand) it is a wheel. */
  gboolean smooth = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller)) != NULL &&
                    gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_SURFACE;

  return weft_graph_view_scroll (self, dx, dy, state, smooth);
}

/* As GNOME's views do, and as the timeline does: the wheel (or two
 * fingers) moves the view, Shift turns it sideways, Ctrl and the wheel
 * zoom at the pointer; pinching zooms too (on_pinch). */
gboolean
weft_graph_view_scroll (WeftGraphView   *self,
                        double           dx,
                        double           dy,
                        GdkModifierType  modifiers,
                        gboolean         smooth)
{
  double unit;

  g_return_val_if_fail (WEFT_IS_GRAPH_VIEW (self), FALSE);

  if (self->layout == NULL)
    return FALSE;

  if (modifiers & GDK_CONTROL_MASK)
    {
      double d = dy != 0 ? dy : dx;
      double x = self->has_pointer ? self->pointer_x : pane_width (self) / 2.0;
      double y = self->has_pointer ? self->pointer_y : pane_height (self) / 2.0;

      if (d == 0)
        return FALSE;
      zoom_at (self, smooth ? exp (-d * 0.01) : pow (1.15, -d), x, y);
      return TRUE;
    }

  if ((modifiers & GDK_SHIFT_MASK) && dx == 0)
    {
      dx = dy;
      dy = 0;
    }
  if (dx == 0 && dy == 0)
    return FALSE;
  /* Smooth scrolling comes in widget pixels, a wheel in steps. */
  unit = smooth ? 1.0 / (self->scale * self->text_scale) : PAN_STEP / self->scale;
  self->wanted = FALSE;
  set_view (self, self->scale, self->ox + dx * unit, self->oy + dy * unit);
  return TRUE;
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           WeftGraphView            *self)
{
  gint node, edge;

  x /= self->text_scale;
  y /= self->text_scale;
  self->pointer_x = x;
  self->pointer_y = y;
  self->has_pointer = TRUE;
  hit_test (self, x, y, &node, &edge);
  if (node != self->hover_node || edge != self->hover_edge)
    {
      self->hover_node = node;
      self->hover_edge = edge;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
    }
}

static void
on_leave (GtkEventControllerMotion *controller,
          WeftGraphView            *self)
{
  self->has_pointer = FALSE;
  if (self->hover_node >= 0 || self->hover_edge >= 0)
    {
      self->hover_node = self->hover_edge = -1;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               WeftGraphView  *self)
{
  gint edge;

  self->drag_ox = self->ox;
  self->drag_oy = self->oy;
  self->dragged = FALSE;
  self->link_from = -1;
  self->link_x = x;
  self->link_y = y;
  /* Hit tests are in pane pixels (the widget at 1 / text_scale). */
  if (self->layout != NULL)
    hit_test (self, x / self->text_scale, y / self->text_scale, &self->link_from, &edge);
}

/* A drag from one node to another asks for a relation between them. */
static void
on_drag_end (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             WeftGraphView  *self)
{
  double x = self->link_x + dx, y = self->link_y + dy;
  gint node = -1, edge;

  if (self->link_from >= 0 && self->dragged && self->layout != NULL)
    hit_test (self, x / self->text_scale, y / self->text_scale, &node, &edge);
  if (node >= 0 && node != self->link_from)
    {
      WeftGraph *graph = weft_layout_get_graph (self->layout);

      g_signal_emit (self, signals[CREATE_RELATION], 0, weft_graph_get_node (graph, self->link_from)->item->id,
                     weft_graph_get_node (graph, node)->item->id, x, y);
    }
  self->link_from = -1;
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                WeftGraphView  *self)
{
  if (!self->dragged && hypot (dx, dy) < 4)
    return;
  self->dragged = TRUE;
  if (self->link_from >= 0)
    {
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "crosshair");
      return;
    }
  self->wanted = FALSE;
  set_view (self, self->scale, self->drag_ox - dx / (self->scale * self->text_scale),
            self->drag_oy - dy / (self->scale * self->text_scale));
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            WeftGraphView   *self)
{
  gint node, edge;
  WeftGraph *graph;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (self->layout == NULL || self->session == NULL)
    return;

  graph = weft_layout_get_graph (self->layout);
  hit_test (self, x / self->text_scale, y / self->text_scale, &node, &edge);
  if (n_press == 2 && node >= 0)
    {
      WeftItem *item = weft_graph_get_node (graph, node)->item;

      if (item->type == WEFT_ITEM_ENTITY)
        weft_session_set_focus (self->session, (WeftEntity *) item);
      return;
    }
  if (node >= 0)
    weft_session_set_selection (self->session, weft_graph_get_node (graph, node)->item);
  else if (edge >= 0)
    weft_session_set_selection (self->session, weft_graph_get_edge (graph, edge)->item);
}

static void
on_released (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             WeftGraphView   *self)
{
  gint node, edge;

  /* A click on empty space (not the end of a drag) clears the selection. */
  if (self->dragged || self->layout == NULL || self->session == NULL || n_press != 1)
    return;
  hit_test (self, x / self->text_scale, y / self->text_scale, &node, &edge);
  if (node < 0 && edge < 0)
    weft_session_set_selection (self->session, NULL);
}

static void
on_pinch_begin (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                WeftGraphView    *self)
{
  self->pinch_scale = self->scale;
}

static void
on_pinch (GtkGestureZoom *gesture,
          double          scale,
          WeftGraphView  *self)
{
  double x, y;

  if (gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x /= self->text_scale;
      y /= self->text_scale;
    }
  else
    {
      x = pane_width (self) / 2.0;
      y = pane_height (self) / 2.0;
    }
  zoom_at (self, self->pinch_scale * scale / self->scale, x, y);
}

static gboolean
weft_graph_view_query_tooltip (GtkWidget  *widget,
                               int         x,
                               int         y,
                               gboolean    keyboard,
                               GtkTooltip *tooltip)
{
  WeftGraphView *self = WEFT_GRAPH_VIEW (widget);
  g_autofree char *text = NULL;
  gint node, edge;

  if (keyboard)
    {
      node = self->selected_node;
      edge = self->selected_edge;
    }
  else
    hit_test (self, x / self->text_scale, y / self->text_scale, &node, &edge);

  if (node >= 0)
    text = describe_node (self, node);
  else if (edge >= 0)
    text = describe_edge (self, edge);
  if (text == NULL)
    return FALSE;

  /* Plain text: names are never markup. */
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* ---- Actions ---------------------------------------------------------------------- */

static void
zoom_in_action (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  WeftGraphView *self = WEFT_GRAPH_VIEW (widget);
  zoom_at (self, ZOOM_STEP, pane_width (WEFT_GRAPH_VIEW (widget)) / 2.0, pane_height (WEFT_GRAPH_VIEW (widget)) / 2.0);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  WeftGraphView *self = WEFT_GRAPH_VIEW (widget);
  zoom_at (self, 1 / ZOOM_STEP, pane_width (WEFT_GRAPH_VIEW (widget)) / 2.0, pane_height (WEFT_GRAPH_VIEW (widget)) / 2.0);
}

static void
zoom_fit_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  zoom_fit (WEFT_GRAPH_VIEW (widget));
}

static void
zoom_selection_action (GtkWidget  *widget,
                       const char *name,
                       GVariant   *param)
{
  zoom_selection (WEFT_GRAPH_VIEW (widget));
}

static void
pan_action (GtkWidget  *widget,
            const char *name,
            GVariant   *param)
{
  WeftGraphView *self = WEFT_GRAPH_VIEW (widget);
  double dx, dy;

  g_variant_get (param, "(dd)", &dx, &dy);
  set_view (self, self->scale, self->ox + dx * PAN_STEP / self->scale, self->oy + dy * PAN_STEP / self->scale);
}

static void
focus_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  WeftGraphView *self = WEFT_GRAPH_VIEW (widget);
  WeftItem *item = self->session ? weft_session_get_selection (self->session) : NULL;

  if (item != NULL && item->type == WEFT_ITEM_ENTITY)
    weft_session_set_focus (self->session, (WeftEntity *) item);
}

static void
unfocus_action (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  WeftGraphView *self = WEFT_GRAPH_VIEW (widget);

  if (self->session != NULL)
    weft_session_set_focus (self->session, NULL);
}

static void
find_next_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  WeftGraphView *self = WEFT_GRAPH_VIEW (widget);
  WeftGraph *graph;
  guint n;

  if (self->matches->len == 0 || self->layout == NULL)
    return;

  graph = weft_layout_get_graph (self->layout);
  n = g_array_index (self->matches, guint, self->find_index % self->matches->len);
  self->find_index = (self->find_index + 1) % self->matches->len;
  weft_session_set_selection (self->session, weft_graph_get_node (graph, n)->item);
  zoom_selection (self);
}

/* ---- Walking the graph from the keyboard --------------------------------------- */

/* Brings layout point (@x, @y) into view, moving the view only when it is
 * near an edge of it or outside. */
static void
show_point (WeftGraphView *self,
            double         x,
            double         y)
{
  double px = (x - self->ox) * self->scale, py = (y - self->oy) * self->scale;
  int width = pane_width (self), height = pane_height (self);

  if (px < 40 || py < 40 || px > width - 40 || py > height - 40)
    center_on (self, x, y, self->scale);
}

static void
select_node (WeftGraphView *self,
             guint          index)
{
  const WeftNodeBox *b = weft_layout_get_node (self->layout, index);

  weft_session_set_selection (self->session, weft_graph_get_node (weft_layout_get_graph (self->layout), index)->item);
  show_point (self, b->x, b->y);
}

/* The node the keyboard moves from: the selected one, else the end of the
 * selected link it was reached from, else -1. */
static gint
key_anchor (WeftGraphView *self)
{
  WeftGraph *graph = weft_layout_get_graph (self->layout);

  if (self->selected_node >= 0)
    return self->selected_node;
  if (self->selected_edge >= 0)
    {
      const WeftGraphEdge *edge = weft_graph_get_edge (graph, self->selected_edge);
      gint anchor = self->link_anchor ? weft_graph_lookup_node (graph, self->link_anchor) : -1;

      return anchor == (gint) edge->tail || anchor == (gint) edge->head ? anchor : (gint) edge->tail;
    }
  return -1;
}

static gint
compare_reading (gconstpointer a,
                 gconstpointer b,
                 gpointer      layout)
{
  const WeftNodeBox *x = weft_layout_get_node (layout, *(const guint *) a);
  const WeftNodeBox *y = weft_layout_get_node (layout, *(const guint *) b);
  /* Rows of about a line of names. */
  double rx = floor (x->y / 24), ry = floor (y->y / 24);

  if (rx != ry)
    return rx < ry ? -1 : 1;
  return x->x < y->x ? -1 : x->x > y->x ? 1 : 0;
}

/* n and p: the next or previous node in reading order, row by row. */
static void
step_node_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  WeftGraphView *self = WEFT_GRAPH_VIEW (widget);
  int step = g_variant_get_int32 (param);
  g_autofree guint *order = NULL;
  gint anchor, at = -1;
  guint n;

  if (self->layout == NULL || self->session == NULL)
    return;
  n = weft_graph_get_n_nodes (weft_layout_get_graph (self->layout));
  if (n == 0)
    return;
  order = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    order[i] = i;
  g_qsort_with_data (order, (gint) n, sizeof (guint), compare_reading, self->layout);
  anchor = key_anchor (self);
  for (guint i = 0; anchor >= 0 && i < n; i++)
    if (order[i] == (guint) anchor)
      at = (gint) i;
  if (at < 0)
    at = step > 0 ? (gint) n - 1 : 0;
  select_node (self, order[((guint) at + n + (guint) (step % (int) n)) % n]);
}

/* ] and [: the links of the node the walk is at, one by one (relations;
 * the description reads each). */
static void
step_link_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  WeftGraphView *self = WEFT_GRAPH_VIEW (widget);
  int step = g_variant_get_int32 (param);
  g_autoptr(GArray) links = g_array_new (FALSE, FALSE, sizeof (guint));
  WeftGraph *graph;
  gint anchor, at = -1;
  const WeftGraphEdge *edge;

  if (self->layout == NULL || self->session == NULL || (anchor = key_anchor (self)) < 0)
    return;
  graph = weft_layout_get_graph (self->layout);
  for (guint i = 0; i < weft_graph_get_n_edges (graph); i++)
    {
      edge = weft_graph_get_edge (graph, i);
      /* One stop a relation (a relation may be drawn as more than one edge). */
      if (edge->kind == WEFT_EDGE_RELATION && (edge->tail == (guint) anchor || edge->head == (guint) anchor) &&
          weft_graph_lookup_edge (graph, edge->item) == (gint) i)
        {
          if ((gint) i == self->selected_edge)
            at = (gint) links->len;
          g_array_append_val (links, i);
        }
    }
  if (links->len == 0)
    return;
  if (at < 0)
    at = step > 0 ? (gint) links->len - 1 : 0;
  edge = weft_graph_get_edge (graph, g_array_index (links, guint, ((guint) at + links->len + (guint) step) % links->len));
  self->link_anchor = weft_graph_get_node (graph, (guint) anchor)->item;
  weft_session_set_selection (self->session, edge->item);
  {
    const WeftNodeBox *a = weft_layout_get_node (self->layout, edge->tail);
    const WeftNodeBox *b = weft_layout_get_node (self->layout, edge->head);

    show_point (self, (a->x + b->x) / 2, (a->y + b->y) / 2);
  }
}

/* Alt and an arrow: the nearest node that way (from the middle of the
 * view when nothing is selected). */
static void
move_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  WeftGraphView *self = WEFT_GRAPH_VIEW (widget);
  double ux, uy, x, y, best = G_MAXDOUBLE;
  gint anchor, found = -1;
  guint n;

  if (self->layout == NULL || self->session == NULL)
    return;
  g_variant_get (param, "(dd)", &ux, &uy);
  anchor = key_anchor (self);
  if (anchor >= 0)
    {
      x = weft_layout_get_node (self->layout, (guint) anchor)->x;
      y = weft_layout_get_node (self->layout, (guint) anchor)->y;
    }
  else
    {
      x = self->ox + pane_width (WEFT_GRAPH_VIEW (widget)) / (2 * self->scale);
      y = self->oy + pane_height (WEFT_GRAPH_VIEW (widget)) / (2 * self->scale);
    }
  n = weft_graph_get_n_nodes (weft_layout_get_graph (self->layout));
  for (guint i = 0; i < n; i++)
    {
      const WeftNodeBox *b = weft_layout_get_node (self->layout, i);
      double dx = b->x - x, dy = b->y - y;
      double along = dx * ux + dy * uy, across = fabs (dx * uy - dy * ux);

      /* Ahead, within about 60° of the way; straight ahead first. */
      if ((gint) i == anchor || along <= 0 || across > 2 * along)
        continue;
      if (along + 2 * across < best)
        {
          best = along + 2 * across;
          found = (gint) i;
        }
    }
  if (found >= 0)
    select_node (self, (guint) found);
}

static void
export_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  g_signal_emit (widget, signals[EXPORT], 0);
}

static void
full_layout_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  WeftGraphView *self = WEFT_GRAPH_VIEW (widget);

  self->full_requested = TRUE;
  schedule_relayout (self);
}

static void
cancel_layout_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  WeftGraphView *self = WEFT_GRAPH_VIEW (widget);

  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      set_message (self, _("Layout cancelled"));
    }
}

/* ---- GObject -------------------------------------------------------------------- */

static void
weft_graph_view_dispose (GObject *object)
{
  WeftGraphView *self = WEFT_GRAPH_VIEW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->relayout_id, g_source_remove);
  g_clear_handle_id (&self->settle_id, g_source_remove);
  g_clear_handle_id (&self->more_tiles_id, g_source_remove);
  g_clear_handle_id (&self->refit_id, g_source_remove);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  g_signal_group_set_target (self->session_signals, NULL);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);
  stop_fade (self);
  g_clear_pointer (&self->layout, weft_layout_unref);
  g_clear_pointer (&self->for_pane, weft_layout_unref);
  g_clear_pointer (&self->raw, weft_layout_unref);
  g_clear_pointer (&self->graph, weft_graph_unref);
  clear_tiles (self);

  G_OBJECT_CLASS (weft_graph_view_parent_class)->dispose (object);
}

static void
weft_graph_view_finalize (GObject *object)
{
  WeftGraphView *self = WEFT_GRAPH_VIEW (object);

  g_hash_table_unref (self->tiles);
  g_array_unref (self->matches);
  g_free (self->is_match);
  g_free (self->lit);
  g_free (self->message);
  g_free (self->bounded_message);
  weft_graph_overlays_free (self->overlays);
  weft_graph_painter_free (self->painter);

  G_OBJECT_CLASS (weft_graph_view_parent_class)->finalize (object);
}

static void
weft_graph_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  WeftGraphView *self = WEFT_GRAPH_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION: g_value_set_object (value, self->session); break;
    case PROP_ENGINE: g_value_set_string (value, weft_graph_view_get_engine (self)); break;
    case PROP_BUSY: g_value_set_boolean (value, self->busy); break;
    case PROP_MESSAGE: g_value_set_string (value, self->message); break;
    case PROP_BOUNDED: g_value_set_boolean (value, self->bounded); break;
    case PROP_SELECTION_OUTSIDE: g_value_set_boolean (value, self->selection_outside); break;
    case PROP_BOUND: g_value_set_uint (value, self->bound); break;
    case PROP_TIMEOUT: g_value_set_uint (value, self->timeout_ms); break;
    case PROP_SCALE: g_value_set_double (value, self->scale); break;
    case PROP_SHOW_LEGEND: g_value_set_boolean (value, self->show_legend); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
weft_graph_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  WeftGraphView *self = WEFT_GRAPH_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION: weft_graph_view_set_session (self, g_value_get_object (value)); break;
    case PROP_ENGINE: weft_graph_view_set_engine (self, g_value_get_string (value)); break;
    case PROP_BOUND: weft_graph_view_set_bound (self, g_value_get_uint (value)); break;
    case PROP_TIMEOUT: weft_graph_view_set_timeout (self, g_value_get_uint (value)); break;
    case PROP_SHOW_LEGEND: weft_graph_view_set_show_legend (self, g_value_get_boolean (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
weft_graph_view_class_init (WeftGraphViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = weft_graph_view_dispose;
  object_class->finalize = weft_graph_view_finalize;
  object_class->get_property = weft_graph_view_get_property;
  object_class->set_property = weft_graph_view_set_property;

  widget_class->snapshot = weft_graph_view_snapshot;
  widget_class->measure = weft_graph_view_measure;
  widget_class->size_allocate = weft_graph_view_size_allocate;
  widget_class->query_tooltip = weft_graph_view_query_tooltip;

  properties[PROP_SESSION] = g_param_spec_object ("session", NULL, NULL, WEFT_TYPE_SESSION, rw);
  properties[PROP_ENGINE] = g_param_spec_string ("engine", NULL, NULL, "auto", rw);
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE, ro);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, ro);
  properties[PROP_BOUNDED] = g_param_spec_boolean ("bounded", NULL, NULL, FALSE, ro);
  properties[PROP_SELECTION_OUTSIDE] = g_param_spec_boolean ("selection-outside", NULL, NULL, FALSE, ro);
  properties[PROP_BOUND] = g_param_spec_uint ("bound", NULL, NULL, 1, G_MAXUINT, WEFT_GRAPH_VIEW_DEFAULT_BOUND, rw);
  properties[PROP_TIMEOUT] = g_param_spec_uint ("timeout", NULL, NULL, 0, G_MAXUINT, DEFAULT_TIMEOUT_MS, rw);
  properties[PROP_SCALE] = g_param_spec_double ("scale", NULL, NULL, MIN_SCALE, MAX_SCALE, 1.0, ro);
  properties[PROP_SHOW_LEGEND] = g_param_spec_boolean ("show-legend", NULL, NULL, TRUE, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* graph.export: the app asks where, then calls weft_graph_view_export(). */
  signals[EXPORT] = g_signal_new ("export", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* A new layout is on screen. */
  signals[LAYOUT_DONE] = g_signal_new ("layout-done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* A drag from one node (its item's id) to another, dropped at x, y
   * (the widget's): the editor makes a relation (weft-edit-controller.c). */
  signals[CREATE_RELATION] = g_signal_new ("create-relation", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 4, G_TYPE_STRING, G_TYPE_STRING,
                                           G_TYPE_DOUBLE, G_TYPE_DOUBLE);

  gtk_widget_class_install_action (widget_class, "graph.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "graph.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "graph.zoom-fit", NULL, zoom_fit_action);
  gtk_widget_class_install_action (widget_class, "graph.zoom-selection", NULL, zoom_selection_action);
  gtk_widget_class_install_action (widget_class, "graph.pan", "(dd)", pan_action);
  gtk_widget_class_install_action (widget_class, "graph.focus", NULL, focus_action);
  gtk_widget_class_install_action (widget_class, "graph.unfocus", NULL, unfocus_action);
  gtk_widget_class_install_action (widget_class, "graph.find-next", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "graph.step-node", "i", step_node_action);
  gtk_widget_class_install_action (widget_class, "graph.step-link", "i", step_link_action);
  gtk_widget_class_install_action (widget_class, "graph.move", "(dd)", move_action);
  gtk_widget_class_install_action (widget_class, "graph.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "graph.full-layout", NULL, full_layout_action);
  gtk_widget_class_install_action (widget_class, "graph.cancel-layout", NULL, cancel_layout_action);
  gtk_widget_class_install_property_action (widget_class, "graph.engine", "engine");
  gtk_widget_class_install_property_action (widget_class, "graph.legend", "show-legend");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "graph.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "graph.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "graph.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "graph.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "graph.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "graph.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "graph.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, 0, "graph.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "graph.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, 0, "graph.zoom-selection", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_SHIFT_MASK, "graph.pan", "(dd)", -1.0, 0.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_SHIFT_MASK, "graph.pan", "(dd)", 1.0, 0.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_SHIFT_MASK, "graph.pan", "(dd)", 0.0, -1.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_SHIFT_MASK, "graph.pan", "(dd)", 0.0, 1.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, 0, "graph.step-node", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, 0, "graph.step-node", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_bracketright, 0, "graph.step-link", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_bracketleft, 0, "graph.step-link", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "graph.move", "(dd)", -1.0, 0.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "graph.move", "(dd)", 1.0, 0.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "graph.move", "(dd)", 0.0, -1.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "graph.move", "(dd)", 0.0, 1.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "graph.focus", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "graph.focus", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace, 0, "graph.unfocus", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "graph.cancel-layout", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "graph.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F3, 0, "graph.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, 0, "graph.legend", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "graph.export", NULL);

  gtk_widget_class_set_css_name (widget_class, "weftgraphview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
weft_graph_view_init (WeftGraphView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *controller;
  GtkGesture *gesture;

  self->scale = 1.0;
  self->show_legend = FALSE;  /* L or graph.legend shows it */
  self->bound = WEFT_GRAPH_VIEW_DEFAULT_BOUND;
  self->timeout_ms = DEFAULT_TIMEOUT_MS;
  self->hover_node = self->hover_edge = -1;
  self->selected_node = self->selected_edge = -1;
  self->text_scale = 1;
  self->tiles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) gsk_render_node_unref);
  self->painter = weft_graph_painter_new ();
  self->overlays = weft_graph_overlays_new (widget, self->painter);
  self->matches = g_array_new (FALSE, FALSE, sizeof (guint));

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);

  self->session_signals = g_signal_group_new (WEFT_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify::dataset", G_CALLBACK (on_dataset_changed), self);
  g_signal_group_connect_swapped (self->session_signals, "dataset-changed", G_CALLBACK (on_dataset_edited), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::focus", G_CALLBACK (on_session_changed), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::focus-hops", G_CALLBACK (on_session_changed), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::window", G_CALLBACK (on_filters_changed), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::hidden-kinds", G_CALLBACK (on_filters_changed), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::show-events", G_CALLBACK (on_session_changed), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::show-claims", G_CALLBACK (on_session_changed), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::named-together", G_CALLBACK (on_session_changed), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::selection", G_CALLBACK (update_selection), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::search-text", G_CALLBACK (update_matches), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::path-to", G_CALLBACK (gtk_widget_queue_draw), self);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (controller, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (widget, controller);

  gesture = gtk_gesture_drag_new ();
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  g_signal_connect (gesture, "pressed", G_CALLBACK (on_pressed), self);
  g_signal_connect (gesture, "released", G_CALLBACK (on_released), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (on_pinch_begin), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (on_pinch), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  update_accessible (self);
}

GtkWidget *
weft_graph_view_new (WeftSession *session)
{
  return g_object_new (WEFT_TYPE_GRAPH_VIEW, "session", session, NULL);
}

WeftSession *
weft_graph_view_get_session (WeftGraphView *self)
{
  g_return_val_if_fail (WEFT_IS_GRAPH_VIEW (self), NULL);
  return self->session;
}

void
weft_graph_view_set_session (WeftGraphView *self,
                             WeftSession   *session)
{
  g_return_if_fail (WEFT_IS_GRAPH_VIEW (self));
  g_return_if_fail (session == NULL || WEFT_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  g_signal_group_set_target (self->session_signals, session);
  self->full_requested = FALSE;
  schedule_relayout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

const char *
weft_graph_view_get_engine (WeftGraphView *self)
{
  g_return_val_if_fail (WEFT_IS_GRAPH_VIEW (self), NULL);
  return weft_layout_engine_to_string (self->engine);
}

void
weft_graph_view_set_engine (WeftGraphView *self,
                            const char    *engine)
{
  WeftLayoutEngine e;

  g_return_if_fail (WEFT_IS_GRAPH_VIEW (self));

  if (engine == NULL || !weft_layout_engine_from_string (engine, &e))
    e = WEFT_ENGINE_AUTO;
  if (self->engine == e)
    return;

  self->engine = e;
  schedule_relayout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENGINE]);
}

gboolean
weft_graph_view_is_fading (WeftGraphView *self)
{
  g_return_val_if_fail (WEFT_IS_GRAPH_VIEW (self), FALSE);
  return self->fade_from != NULL;
}

gboolean
weft_graph_view_get_busy (WeftGraphView *self)
{
  g_return_val_if_fail (WEFT_IS_GRAPH_VIEW (self), FALSE);
  return self->busy;
}

const char *
weft_graph_view_get_message (WeftGraphView *self)
{
  g_return_val_if_fail (WEFT_IS_GRAPH_VIEW (self), NULL);
  return self->message;
}

gboolean
weft_graph_view_get_bounded (WeftGraphView *self)
{
  g_return_val_if_fail (WEFT_IS_GRAPH_VIEW (self), FALSE);
  return self->bounded;
}

gboolean
weft_graph_view_get_selection_outside (WeftGraphView *self)
{
  g_return_val_if_fail (WEFT_IS_GRAPH_VIEW (self), FALSE);
  return self->selection_outside;
}

guint
weft_graph_view_get_bound (WeftGraphView *self)
{
  g_return_val_if_fail (WEFT_IS_GRAPH_VIEW (self), 0);
  return self->bound;
}

void
weft_graph_view_set_bound (WeftGraphView *self,
                           guint          max_entities)
{
  g_return_if_fail (WEFT_IS_GRAPH_VIEW (self));

  max_entities = MAX (max_entities, 1);
  if (self->bound == max_entities)
    return;
  self->bound = max_entities;
  schedule_relayout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOUND]);
}

guint
weft_graph_view_get_timeout (WeftGraphView *self)
{
  g_return_val_if_fail (WEFT_IS_GRAPH_VIEW (self), 0);
  return self->timeout_ms;
}

void
weft_graph_view_set_timeout (WeftGraphView *self,
                             guint          timeout_ms)
{
  g_return_if_fail (WEFT_IS_GRAPH_VIEW (self));

  if (self->timeout_ms == timeout_ms)
    return;
  self->timeout_ms = timeout_ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

gboolean
weft_graph_view_get_show_legend (WeftGraphView *self)
{
  g_return_val_if_fail (WEFT_IS_GRAPH_VIEW (self), FALSE);
  return self->show_legend;
}

void
weft_graph_view_set_show_legend (WeftGraphView *self,
                                 gboolean       show)
{
  g_return_if_fail (WEFT_IS_GRAPH_VIEW (self));

  show = !!show;
  if (self->show_legend == show)
    return;
  self->show_legend = show;
  if (self->fitted)
    zoom_fit (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_LEGEND]);
}

double
weft_graph_view_get_scale (WeftGraphView *self)
{
  g_return_val_if_fail (WEFT_IS_GRAPH_VIEW (self), 1.0);
  return self->scale;
}

WeftLayout *
weft_graph_view_get_layout (WeftGraphView *self)
{
  g_return_val_if_fail (WEFT_IS_GRAPH_VIEW (self), NULL);
  return self->layout;
}

gint
weft_graph_view_get_selected_node (WeftGraphView *self)
{
  g_return_val_if_fail (WEFT_IS_GRAPH_VIEW (self), -1);
  return self->selected_node;
}

gint
weft_graph_view_get_selected_edge (WeftGraphView *self)
{
  g_return_val_if_fail (WEFT_IS_GRAPH_VIEW (self), -1);
  return self->selected_edge;
}

guint
weft_graph_view_get_n_matches (WeftGraphView *self)
{
  g_return_val_if_fail (WEFT_IS_GRAPH_VIEW (self), 0);
  return self->matches->len;
}

void
weft_graph_view_get_center (WeftGraphView *self,
                            double        *x,
                            double        *y)
{
  g_return_if_fail (WEFT_IS_GRAPH_VIEW (self));

  *x = self->ox + pane_width (self) / (2 * self->scale);
  *y = self->oy + pane_height (self) / (2 * self->scale);
}

void
weft_graph_view_set_scale (WeftGraphView *self,
                           double         scale)
{
  g_return_if_fail (WEFT_IS_GRAPH_VIEW (self));
  if (!self->wanted)
    weft_graph_view_get_center (self, &self->wanted_x, &self->wanted_y);
  self->wanted_scale = scale;
  self->wanted = TRUE;
  apply_wanted (self);
}

void
weft_graph_view_set_center (WeftGraphView *self,
                            double         x,
                            double         y)
{
  g_return_if_fail (WEFT_IS_GRAPH_VIEW (self));
  if (!self->wanted)
    self->wanted_scale = self->scale;
  self->wanted_x = x;
  self->wanted_y = y;
  self->wanted = TRUE;
  apply_wanted (self);
}

double
weft_graph_view_get_text_scale (WeftGraphView *self)
{
  g_return_val_if_fail (WEFT_IS_GRAPH_VIEW (self), 1.0);
  return self->text_scale;
}

void
weft_graph_view_set_text_scale (WeftGraphView *self,
                                double         scale)
{
  g_return_if_fail (WEFT_IS_GRAPH_VIEW (self));
  g_return_if_fail (scale > 0);

  if (self->text_scale == scale)
    return;
  self->text_scale = scale;
  clear_tiles (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
weft_graph_view_invalidate (WeftGraphView *self)
{
  g_return_if_fail (WEFT_IS_GRAPH_VIEW (self));

  clear_tiles (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

WeftGraphPicture *
weft_graph_view_new_picture (WeftGraphView  *self,
                             GError        **error)
{
  WeftGraphPictureOptions options = { 0 };
  int width, height;

  g_return_val_if_fail (WEFT_IS_GRAPH_VIEW (self), NULL);

  if (self->raw == NULL)
    {
      g_set_error_literal (error, WEFT_ERROR, WEFT_ERROR_LAYOUT, _("There is no graph to export yet"));
      return NULL;
    }
  pane_size (self, &width, &height);
  options.width = width;
  options.height = height;
  options.dark = self->palette.dark;
  options.legend = self->show_legend;
  return weft_graph_picture_new (self->raw, &options);
}

GBytes *
weft_graph_view_export (WeftGraphView     *self,
                        WeftExportFormat   format,
                        GError           **error)
{
  g_autoptr(WeftGraphPicture) picture = NULL;

  g_return_val_if_fail (WEFT_IS_GRAPH_VIEW (self), NULL);

  if (format == WEFT_EXPORT_DOT)
    {
      if (self->layout == NULL)
        {
          g_set_error_literal (error, WEFT_ERROR, WEFT_ERROR_LAYOUT, _("There is no graph to export yet"));
          return NULL;
        }
      return weft_layout_export (weft_layout_get_graph (self->layout), weft_layout_get_engine (self->layout),
                                 format, error);
    }
  picture = weft_graph_view_new_picture (self, error);
  if (picture == NULL)
    return NULL;
  return weft_graph_picture_export (picture, format, error);
}
