/* weft-graph-overlays.c: what the graph view draws over its tiles
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-ui"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "weft-graph-overlays.h"

#define MINIMAP_WIDTH 180.0

struct _WeftGraphOverlays
{
  GtkWidget        *widget;
  WeftGraphPainter *painter;
  WeftGraphPainter *plain;       /* the minimap's and the legend's: a scale of their own */
  GskRenderNode    *minimap;     /* drawn once into an image */
  GskRenderNode    *legend;
};

WeftGraphOverlays *
weft_graph_overlays_new (GtkWidget        *widget,
                         WeftGraphPainter *painter)
{
  WeftGraphOverlays *self = g_new0 (WeftGraphOverlays, 1);

  self->widget = widget;
  self->painter = painter;
  self->plain = weft_graph_painter_new ();
  return self;
}

void
weft_graph_overlays_clear (WeftGraphOverlays *self)
{
  g_clear_pointer (&self->minimap, gsk_render_node_unref);
  g_clear_pointer (&self->legend, gsk_render_node_unref);
}

void
weft_graph_overlays_free (WeftGraphOverlays *self)
{
  if (self == NULL)
    return;
  weft_graph_overlays_clear (self);
  weft_graph_painter_free (self->plain);
  g_free (self);
}

static GdkRGBA
rgba (const WeftColor *color,
      double           alpha)
{
  return (GdkRGBA) { color->red, color->green, color->blue, color->alpha * alpha };
}

/* ---- Highlights ---------------------------------------------------------------- */

static void
snapshot_highlights (WeftGraphOverlays          *self,
                     GtkSnapshot                *snapshot,
                     const WeftGraphOverlayView *view)
{
  WeftGraphViewport viewport;
  cairo_t *cr;

  if (!weft_graph_paint_state_has_highlights (view->paint))
    return;

  weft_graph_viewport_init (&viewport, view->scale, view->ox, view->oy, view->width, view->height);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, view->width, view->height));
  weft_graph_viewport_apply (&viewport, cr);
  weft_graph_painter_draw (self->painter, cr, view->layout, view->paint, WEFT_GRAPH_PAINT_HIGHLIGHTS, &viewport);
  cairo_destroy (cr);
}

/* ---- Minimap -------------------------------------------------------------------- */

/* The whole drawing at @ms pixels per point, once into an image:
 * replaying the vector drawing of a big graph every frame would cost as
 * much as drawing it. */
static GskRenderNode *
render_minimap (WeftGraphOverlays          *self,
                const WeftGraphOverlayView *view,
                double                      ms,
                double                      mw,
                double                      mh)
{
  WeftGraphPaintState plain;
  int factor = gtk_widget_get_scale_factor (self->widget);
  int iw = (int) ceil (mw), ih = (int) ceil (mh);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, iw * factor, ih * factor);
  WeftGraphViewport all = { ms, { -1, -1, weft_layout_get_width (view->layout) + 2,
                                  weft_layout_get_height (view->layout) + 2 } };
  GskRenderNode *node;
  cairo_t *cr;

  weft_graph_paint_state_init (&plain, view->paint->palette);
  cairo_surface_set_device_scale (surface, factor, factor);
  cr = cairo_create (surface);
  weft_color_set_source (cr, &view->paint->palette->minimap, 1);
  cairo_paint (cr);
  cairo_scale (cr, ms, ms);
  weft_graph_painter_draw (self->plain, cr, view->layout, &plain, WEFT_GRAPH_PAINT_SCENE | WEFT_GRAPH_PAINT_NO_TEXT,
                           &all);
  cairo_destroy (cr);

  node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (0, 0, iw, ih));
  cr = gsk_cairo_node_get_draw_context (node);
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return node;
}

/* In the bottom right corner, when much of the graph is out of sight:
 * the whole drawing and where the view is in it. */
static void
snapshot_minimap (WeftGraphOverlays          *self,
                  GtkSnapshot                *snapshot,
                  const WeftGraphOverlayView *view)
{
  const WeftGraphPalette *palette = view->paint->palette;
  double lw = weft_layout_get_width (view->layout);
  double lh = weft_layout_get_height (view->layout);
  double s = view->scale;
  double view_w = view->width / s, view_h = view->height / s;
  double mw, mh, ms, x0, y0;
  cairo_t *cr;

  if (view_w * view_h > 0.5 * lw * lh || lw <= 0 || lh <= 0)
    return;

  ms = MIN (MINIMAP_WIDTH / lw, MINIMAP_WIDTH * 0.75 / lh);
  mw = lw * ms;
  mh = lh * ms;
  if (mw + 24 > view->width || mh + 24 > view->height)
    return;
  x0 = view->width - mw - 12;
  y0 = view->height - mh - 12;

  if (self->minimap == NULL)
    self->minimap = render_minimap (self, view, ms, mw, mh);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x0, y0));
  gtk_snapshot_append_node (snapshot, self->minimap);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (-1, -1, mw + 2, mh + 2));
  weft_color_set_source (cr, &palette->text, 0.3);
  cairo_set_line_width (cr, 1);
  cairo_rectangle (cr, -0.5, -0.5, mw + 1, mh + 1);
  cairo_stroke (cr);
  weft_color_set_source (cr, &palette->accent, 1);
  cairo_set_line_width (cr, 1.5);
  cairo_rectangle (cr, CLAMP (view->ox * ms, 0, mw), CLAMP (view->oy * ms, 0, mh),
                   MIN (view_w * ms, mw), MIN (view_h * ms, mh));
  cairo_stroke (cr);
  cairo_destroy (cr);
  gtk_snapshot_restore (snapshot);
}

/* ---- Legend ------------------------------------------------------------------------ */

/* In the top left corner, drawn by the painter as exports draw it. */
static GskRenderNode *
render_legend (WeftGraphOverlays      *self,
               const WeftGraphPalette *palette,
               WeftGraph              *graph)
{
  WeftGraphRect card = { 12, 12, 0, 0 };
  GtkSnapshot *snapshot;
  cairo_t *cr;

  weft_graph_painter_draw_legend (self->plain, NULL, palette, graph, &card);
  if (card.width <= 0)
    return NULL;
  snapshot = gtk_snapshot_new ();
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (card.x, card.y, card.width, card.height));
  weft_graph_painter_draw_legend (self->plain, cr, palette, graph, &card);
  cairo_destroy (cr);
  return gtk_snapshot_free_to_node (snapshot);
}

/* ---- Together ---------------------------------------------------------------------- */

void
weft_graph_overlays_snapshot (WeftGraphOverlays          *self,
                              GtkSnapshot                *snapshot,
                              const WeftGraphOverlayView *view)
{
  g_return_if_fail (view->layout != NULL);

  snapshot_highlights (self, snapshot, view);
  snapshot_minimap (self, snapshot, view);
  if (view->show_legend)
    {
      if (self->legend == NULL)
        self->legend = render_legend (self, view->paint->palette, weft_layout_get_graph (view->layout));
      if (self->legend != NULL)
        gtk_snapshot_append_node (snapshot, self->legend);
    }
}

void
weft_graph_overlays_snapshot_status (WeftGraphOverlays          *self,
                                     GtkSnapshot                *snapshot,
                                     const WeftGraphOverlayView *view)
{
  const char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  GdkRGBA color = rgba (&view->paint->palette->text, 1);
  int tw, th;

  if (view->busy)
    text = view->layout ? _("Laying out…") : _("Laying out the graph…");
  else if (view->layout == NULL && view->message != NULL)
    text = view->message;
  else if (view->layout != NULL && weft_graph_get_n_nodes (weft_layout_get_graph (view->layout)) == 0)
    text = _("Nothing to show: no entity matches the time window and filters");
  if (text == NULL)
    return;

  layout = gtk_widget_create_pango_layout (self->widget, text);
  pango_layout_set_width (layout, MAX (view->width - 48, 50) * PANGO_SCALE);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_get_pixel_size (layout, &tw, &th);
  color.alpha *= 0.7f;
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (24, view->layout ? 12 : (view->height - th) / 2.0));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}
