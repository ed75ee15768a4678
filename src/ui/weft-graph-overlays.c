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

/* Zoomed out, the drawn names are too small to read: the most connected
 * nodes are named in screen-sized text instead, as many as fit without
 * overlapping each other or the pills. */
#define MAX_OVERVIEW_NAMES 80

struct _WeftGraphOverlays
{
  GtkWidget        *widget;
  WeftGraphPainter *painter;
  GskRenderNode    *minimap;     /* drawn once into an image */
  GskRenderNode    *legend;
  WeftLayout       *order_of;    /* the layout by_degree is for */
  GArray           *by_degree;   /* node indices, most connected first */
};

WeftGraphOverlays *
weft_graph_overlays_new (GtkWidget        *widget,
                         WeftGraphPainter *painter)
{
  WeftGraphOverlays *self = g_new0 (WeftGraphOverlays, 1);

  self->widget = widget;
  self->painter = painter;
  return self;
}

void
weft_graph_overlays_clear (WeftGraphOverlays *self)
{
  g_clear_pointer (&self->minimap, gsk_render_node_unref);
  g_clear_pointer (&self->legend, gsk_render_node_unref);
  g_clear_pointer (&self->order_of, weft_layout_unref);
  g_clear_pointer (&self->by_degree, g_array_unref);
}

void
weft_graph_overlays_free (WeftGraphOverlays *self)
{
  if (self == NULL)
    return;
  weft_graph_overlays_clear (self);
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

/* ---- Names ------------------------------------------------------------------------ */

static int
compare_degree (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  WeftGraph *graph = user_data;
  guint da = weft_graph_get_node (graph, *(const guint *) a)->degree;
  guint db = weft_graph_get_node (graph, *(const guint *) b)->degree;

  if (da != db)
    return da > db ? -1 : 1;
  return *(const guint *) a < *(const guint *) b ? -1 : 1;
}

/* The nodes of @layout, most connected first. */
static GArray *
nodes_by_degree (WeftGraphOverlays *self,
                 WeftLayout        *layout)
{
  WeftGraph *graph = weft_layout_get_graph (layout);
  guint n = weft_graph_get_n_nodes (graph);

  if (self->order_of == layout)
    return self->by_degree;

  g_clear_pointer (&self->by_degree, g_array_unref);
  self->by_degree = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
  for (guint i = 0; i < n; i++)
    g_array_append_val (self->by_degree, i);
  g_array_sort_with_data (self->by_degree, compare_degree, graph);
  g_clear_pointer (&self->order_of, weft_layout_unref);
  self->order_of = weft_layout_ref (layout);
  return self->by_degree;
}

typedef struct {
  double x, y, w, h;
} Box;

static gboolean
box_overlaps (const GArray *boxes,
              const Box    *b)
{
  for (guint i = 0; i < boxes->len; i++)
    {
      const Box *o = &g_array_index (boxes, Box, i);

      if (b->x < o->x + o->w && o->x < b->x + b->w && b->y < o->y + o->h && o->y < b->y + b->h)
        return TRUE;
    }
  return FALSE;
}

/* Under the most connected nodes, except those in @skip (which get a
 * pill). */
static void
snapshot_overview_names (WeftGraphOverlays          *self,
                         GtkSnapshot                *snapshot,
                         const WeftGraphOverlayView *view,
                         PangoLayout                *text,
                         GArray                     *skip)
{
  WeftGraph *graph = weft_layout_get_graph (view->layout);
  GArray *by_degree = nodes_by_degree (self, view->layout);
  g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (Box));
  g_autoptr(GHashTable) skipped = g_hash_table_new (NULL, NULL);
  GdkRGBA color = rgba (&view->paint->palette->text, 1);
  PangoFontDescription *font;
  guint shown = 0;

  for (guint i = 0; i < skip->len; i++)
    g_hash_table_add (skipped, GINT_TO_POINTER (g_array_index (skip, gint, i)));

  font = pango_font_description_new ();
  pango_font_description_set_size (font, 8.5 * PANGO_SCALE);
  pango_layout_set_font_description (text, font);

  for (guint i = 0; i < by_degree->len && shown < MAX_OVERVIEW_NAMES; i++)
    {
      guint node = g_array_index (by_degree, guint, i);
      const WeftNodeBox *b = weft_layout_get_node (view->layout, node);
      double x = (b->x - view->ox) * view->scale;
      double y = (b->y + b->height / 2 - view->oy) * view->scale;
      int tw, th;
      Box box;

      if (g_hash_table_contains (skipped, GINT_TO_POINTER (node)))
        continue;
      if (x < -100 || x > view->width + 100 || y < -20 || y > view->height + 20)
        continue;

      /* Plain text, never markup. */
      pango_layout_set_text (text, weft_graph_get_node (graph, node)->label, -1);
      pango_layout_get_pixel_size (text, &tw, &th);
      box = (Box) { round (x - tw / 2.0) - 2, round (y + 1), tw + 4, th };
      /* Keep names near the edge of the view whole. */
      box.x = CLAMP (box.x, 0, MAX (0, view->width - box.w));
      if (box_overlaps (boxes, &box))
        continue;
      g_array_append_val (boxes, box);
      shown++;

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (box.x + 2, box.y));
      gtk_snapshot_append_layout (snapshot, text, &color);
      gtk_snapshot_restore (snapshot);
    }

  pango_layout_set_font_description (text, NULL);
  pango_font_description_free (font);
}

/* The nodes that matter (found, on the path, hovered, selected). */
static GArray *
wanted_nodes (const WeftGraphOverlayView *view)
{
  const WeftGraphPaintState *paint = view->paint;
  WeftGraph *graph = weft_layout_get_graph (view->layout);
  GArray *wanted = g_array_new (FALSE, FALSE, sizeof (gint));

  for (guint i = 0; i < paint->n_matches && i < 40; i++)
    g_array_append_val (wanted, paint->matches[i]);
  for (guint i = 0; paint->path != NULL && i < paint->path->len; i++)
    {
      WeftHop *hop = g_ptr_array_index (paint->path, i);
      gint a = weft_graph_lookup_node (graph, &hop->from->item);
      gint b = weft_graph_lookup_node (graph, &hop->to->item);

      if (i == 0 && a >= 0)
        g_array_append_val (wanted, a);
      if (b >= 0)
        g_array_append_val (wanted, b);
    }
  if (paint->hover_node >= 0)
    g_array_append_val (wanted, paint->hover_node);
  if (paint->selected_node >= 0)
    g_array_append_val (wanted, paint->selected_node);
  return wanted;
}

/* When names are too small to read, the nodes that matter get theirs in
 * a readable pill above them, and the most connected under them. */
static void
snapshot_pills (WeftGraphOverlays          *self,
                GtkSnapshot                *snapshot,
                const WeftGraphOverlayView *view)
{
  const WeftGraphPaintState *paint = view->paint;
  const WeftGraphPalette *palette = paint->palette;
  WeftGraph *graph = weft_layout_get_graph (view->layout);
  g_autoptr(GArray) wanted = NULL;
  g_autoptr(PangoLayout) text = NULL;
  GdkRGBA bg = rgba (&palette->pill, 1), accent = rgba (&palette->accent, 1);
  GdkRGBA fg = rgba (&palette->text, 1), match = rgba (&palette->match, 1);

  if (WEFT_GRAPH_NODE_FONT_SIZE * view->scale >= 7.0)
    return;

  wanted = wanted_nodes (view);
  text = gtk_widget_create_pango_layout (self->widget, NULL);
  snapshot_overview_names (self, snapshot, view, text, wanted);

  for (guint i = 0; i < wanted->len; i++)
    {
      gint n = g_array_index (wanted, gint, i);
      const WeftNodeBox *b = weft_layout_get_node (view->layout, n);
      double x = (b->x - view->ox) * view->scale;
      double y = (b->y - b->height / 2 - view->oy) * view->scale;
      gboolean strong = n == paint->selected_node || n == paint->hover_node;
      GskRoundedRect pill;
      int tw, th;

      if (x < -200 || x > view->width + 200 || y < -50 || y > view->height + 50)
        continue;
      /* Plain text, never markup. */
      pango_layout_set_text (text, weft_graph_get_node (graph, n)->label, -1);
      pango_layout_get_pixel_size (text, &tw, &th);
      gsk_rounded_rect_init_from_rect (&pill, &GRAPHENE_RECT_INIT (round (x - tw / 2.0 - 6), round (y - th - 8),
                                                                   tw + 12, th + 4), (th + 4) / 2.0);
      gtk_snapshot_push_rounded_clip (snapshot, &pill);
      gtk_snapshot_append_color (snapshot, strong ? &accent : &bg, &pill.bounds);
      gtk_snapshot_pop (snapshot);
      gtk_snapshot_append_border (snapshot, &pill, (float[4]) { 1, 1, 1, 1 },
                                  (GdkRGBA[4]) { match, match, match, match });
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (round (x - tw / 2.0), round (y - th - 6)));
      gtk_snapshot_append_layout (snapshot, text, strong ? &(GdkRGBA) { 1, 1, 1, 1 } : &fg);
      gtk_snapshot_restore (snapshot);
    }
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
  weft_graph_painter_draw (self->painter, cr, view->layout, &plain, WEFT_GRAPH_PAINT_SCENE, &all);
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

/* The legend's rows this graph has: its node kinds and evidence levels. */
static GPtrArray *
legend_rows (WeftGraph *graph)
{
  guint n_entries;
  const WeftLegendEntry *entries = weft_graph_legend (&n_entries);
  GPtrArray *rows = g_ptr_array_new ();

  for (guint i = 0; i < n_entries; i++)
    {
      gboolean seen = FALSE;

      for (guint n = 0; !seen && entries[i].node_style != NULL && n < weft_graph_get_n_nodes (graph); n++)
        seen = weft_graph_get_node (graph, n)->style == entries[i].node_style;
      for (guint e = 0; !seen && entries[i].edge_style != NULL && e < weft_graph_get_n_edges (graph); e++)
        seen = weft_graph_get_edge (graph, e)->kind == WEFT_EDGE_RELATION &&
               weft_graph_get_edge (graph, e)->evidence == entries[i].edge_style->evidence;
      if (seen)
        g_ptr_array_add (rows, (gpointer) &entries[i]);
    }
  return rows;
}

/* In the top left corner: a swatch and a label a row. */
static GskRenderNode *
render_legend (WeftGraphOverlays      *self,
               const WeftGraphPalette *palette,
               WeftGraph              *graph)
{
  g_autoptr(GPtrArray) rows = legend_rows (graph);
  g_autoptr(PangoLayout) text = NULL;
  GtkSnapshot *snapshot;
  const double row = 18, swatch = 26, pad = 8;
  double width = 0, height;
  GdkRGBA fg = rgba (&palette->text, 1);
  cairo_t *cr;

  if (rows->len == 0)
    return NULL;

  text = gtk_widget_create_pango_layout (self->widget, NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      int tw;

      pango_layout_set_text (text, ((const WeftLegendEntry *) g_ptr_array_index (rows, i))->label, -1);
      pango_layout_get_pixel_size (text, &tw, NULL);
      width = MAX (width, tw);
    }
  width += swatch + 3 * pad;
  height = rows->len * row + 2 * pad;

  snapshot = gtk_snapshot_new ();
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (12, 12));
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  weft_graph_shape_path (cr, WEFT_NODE_SHAPE_ROUNDED, width / 2, height / 2, width - 1, height - 1);
  weft_color_set_source (cr, &palette->legend, 1);
  cairo_fill_preserve (cr);
  weft_color_set_source (cr, &palette->text, 0.15);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  for (guint i = 0; i < rows->len; i++)
    weft_graph_painter_draw_swatch (cr, palette, g_ptr_array_index (rows, i), pad, pad + i * row, swatch, row);
  cairo_destroy (cr);

  for (guint i = 0; i < rows->len; i++)
    {
      int th;

      /* Plain text, never markup. */
      pango_layout_set_text (text, ((const WeftLegendEntry *) g_ptr_array_index (rows, i))->label, -1);
      pango_layout_get_pixel_size (text, NULL, &th);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (2 * pad + swatch, pad + i * row + (row - th) / 2));
      gtk_snapshot_append_layout (snapshot, text, &fg);
      gtk_snapshot_restore (snapshot);
    }
  gtk_snapshot_restore (snapshot);
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
  snapshot_pills (self, snapshot, view);
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
