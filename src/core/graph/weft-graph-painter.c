/* weft-graph-painter.c: draws a laid-out graph with cairo and pango
 *
 * Nodes in the shape and colours of their kind (weft-graph-style.h) with
 * their glyph and name, edges as Graphviz routed them, in the line of
 * their evidence level, with arrowheads (a bar for denials). Zoomed out,
 * things get cheaper: no names below a readable size, boxes for shapes
 * below a few pixels, and below BATCH_SCALE everything of one look is one
 * path (draw_scene_batched()).
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "weft-graph-painter.h"

/* Colours from libadwaita (window_fg_color, accent_color) and the GNOME
 * palette. */
static const WeftGraphPalette light_palette = {
  .text = WEFT_COLOR_HEX (0x000000, 0.8),
  .accent = WEFT_COLOR_HEX (0x1c71d8, 1),
  .match = WEFT_COLOR_HEX (0xe5a50a, 1),
  .denied = WEFT_COLOR_HEX (0xc01c28, 1),
  .pill = WEFT_COLOR_HEX (0xffffff, 0.95),
  .minimap = WEFT_COLOR_HEX (0xffffff, 0.92),
  .legend = WEFT_COLOR_HEX (0xffffff, 0.9),
  .dark = FALSE,
};

static const WeftGraphPalette dark_palette = {
  .text = WEFT_COLOR_HEX (0xffffff, 1),
  .accent = WEFT_COLOR_HEX (0x78aeed, 1),
  .match = WEFT_COLOR_HEX (0xf8e45c, 1),
  .denied = WEFT_COLOR_HEX (0xff7b63, 1),
  .pill = { 0.2, 0.2, 0.2, 0.95 },
  .minimap = { 0.12, 0.12, 0.12, 0.92 },
  .legend = { 0.16, 0.16, 0.16, 0.9 },
  .dark = TRUE,
};

const WeftGraphPalette *
weft_graph_palette_get (gboolean dark)
{
  return dark ? &dark_palette : &light_palette;
}

void
weft_graph_paint_state_init (WeftGraphPaintState    *state,
                             const WeftGraphPalette *palette)
{
  *state = (WeftGraphPaintState) {
    .palette = palette,
    .selected_node = -1,
    .selected_edge = -1,
    .hover_node = -1,
    .hover_edge = -1,
  };
}

gboolean
weft_graph_paint_state_has_highlights (const WeftGraphPaintState *state)
{
  return state->hover_node >= 0 || state->hover_edge >= 0 || state->selected_node >= 0 ||
         state->selected_edge >= 0 || state->path != NULL || state->n_matches > 0;
}

struct _WeftGraphPainter
{
  gboolean  record;
  GArray   *drawn;    /* WeftGraphDrawnNode */
};

WeftGraphPainter *
weft_graph_painter_new (void)
{
  WeftGraphPainter *self = g_new0 (WeftGraphPainter, 1);

  self->drawn = g_array_new (FALSE, FALSE, sizeof (WeftGraphDrawnNode));
  return self;
}

void
weft_graph_painter_free (WeftGraphPainter *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->drawn);
  g_free (self);
}

void
weft_graph_painter_set_record (WeftGraphPainter *self,
                               gboolean          record)
{
  self->record = record;
}

const WeftGraphDrawnNode *
weft_graph_painter_get_drawn (WeftGraphPainter *self,
                              guint            *n_drawn)
{
  *n_drawn = self->drawn->len;
  return (const WeftGraphDrawnNode *) (gpointer) self->drawn->data;
}

/* ---- Geometry --------------------------------------------------------------- */

static gboolean
rect_intersects (const WeftGraphRect *a,
                 double               x1,
                 double               y1,
                 double               x2,
                 double               y2)
{
  return x2 >= a->x && x1 <= a->x + a->width && y2 >= a->y && y1 <= a->y + a->height;
}

static gboolean
node_visible (const WeftNodeBox   *b,
              const WeftGraphRect *visible)
{
  return rect_intersects (visible, b->x - b->width / 2, b->y - b->height / 2, b->x + b->width / 2,
                          b->y + b->height / 2);
}

static gboolean
edge_visible (const WeftEdgePath   *path,
              const WeftGraphRect  *visible)
{
  return rect_intersects (visible, path->x1, path->y1, path->x2, path->y2);
}

/* The box from (@x, @y) of @width x @height in @cr's user space, in its
 * device space. */
static WeftGraphRect
device_rect (cairo_t *cr,
             double   x,
             double   y,
             double   width,
             double   height)
{
  double x2 = x + width, y2 = y + height;

  cairo_user_to_device (cr, &x, &y);
  cairo_user_to_device (cr, &x2, &y2);
  return (WeftGraphRect) { MIN (x, x2), MIN (y, y2), fabs (x2 - x), fabs (y2 - y) };
}

/* ---- Paths --------------------------------------------------------------------- */

void
weft_graph_shape_path (cairo_t       *cr,
                       WeftNodeShape  shape,
                       double         x,
                       double         y,
                       double         w,
                       double         h)
{
  double l = x - w / 2, r = x + w / 2, t = y - h / 2, b = y + h / 2;

  switch (shape)
    {
    case WEFT_NODE_SHAPE_ELLIPSE:
      cairo_save (cr);
      cairo_translate (cr, x, y);
      cairo_scale (cr, w / 2, h / 2);
      cairo_new_sub_path (cr);
      cairo_arc (cr, 0, 0, 1, 0, 2 * G_PI);
      cairo_restore (cr);
      break;

    case WEFT_NODE_SHAPE_ROUNDED:
      {
        double rad = MIN (h / 3, 6);

        cairo_new_sub_path (cr);
        cairo_arc (cr, r - rad, t + rad, rad, -G_PI / 2, 0);
        cairo_arc (cr, r - rad, b - rad, rad, 0, G_PI / 2);
        cairo_arc (cr, l + rad, b - rad, rad, G_PI / 2, G_PI);
        cairo_arc (cr, l + rad, t + rad, rad, G_PI, 3 * G_PI / 2);
        cairo_close_path (cr);
      }
      break;

    case WEFT_NODE_SHAPE_HEXAGON:
      {
        double q = MIN (h / 2, w / 4);

        cairo_move_to (cr, l, y);
        cairo_line_to (cr, l + q, t);
        cairo_line_to (cr, r - q, t);
        cairo_line_to (cr, r, y);
        cairo_line_to (cr, r - q, b);
        cairo_line_to (cr, l + q, b);
        cairo_close_path (cr);
      }
      break;

    case WEFT_NODE_SHAPE_OCTAGON:
      {
        double c = MIN (h * 0.3, w / 4);

        cairo_move_to (cr, l + c, t);
        cairo_line_to (cr, r - c, t);
        cairo_line_to (cr, r, t + c);
        cairo_line_to (cr, r, b - c);
        cairo_line_to (cr, r - c, b);
        cairo_line_to (cr, l + c, b);
        cairo_line_to (cr, l, b - c);
        cairo_line_to (cr, l, t + c);
        cairo_close_path (cr);
      }
      break;

    case WEFT_NODE_SHAPE_HOUSE:
      {
        double roof = h * 0.3;

        cairo_move_to (cr, x, t);
        cairo_line_to (cr, r, t + roof);
        cairo_line_to (cr, r, b);
        cairo_line_to (cr, l, b);
        cairo_line_to (cr, l, t + roof);
        cairo_close_path (cr);
      }
      break;

    case WEFT_NODE_SHAPE_PARALLELOGRAM:
      {
        double k = MIN (h * 0.8, w / 4);

        cairo_move_to (cr, l + k, t);
        cairo_line_to (cr, r, t);
        cairo_line_to (cr, r - k, b);
        cairo_line_to (cr, l, b);
        cairo_close_path (cr);
      }
      break;

    case WEFT_NODE_SHAPE_DIAMOND:
      cairo_move_to (cr, x, t);
      cairo_line_to (cr, r, y);
      cairo_line_to (cr, x, b);
      cairo_line_to (cr, l, y);
      cairo_close_path (cr);
      break;

    case WEFT_NODE_SHAPE_NOTE:
      {
        double fold = MIN (h / 3, 6);

        cairo_move_to (cr, l, t);
        cairo_line_to (cr, r - fold, t);
        cairo_line_to (cr, r, t + fold);
        cairo_line_to (cr, r, b);
        cairo_line_to (cr, l, b);
        cairo_close_path (cr);
      }
      break;

    case WEFT_NODE_SHAPE_BOX:
    default:
      cairo_rectangle (cr, l, t, w, h);
      break;
    }
}

static void
spline_path (cairo_t          *cr,
             const WeftSpline *s)
{
  cairo_move_to (cr, s->points[0].x, s->points[0].y);
  for (guint k = 1; k + 2 < s->n_points; k += 3)
    cairo_curve_to (cr, s->points[k].x, s->points[k].y,
                    s->points[k + 1].x, s->points[k + 1].y,
                    s->points[k + 2].x, s->points[k + 2].y);
}

/* The chord through a spline's on-curve points: at a small size no one
 * can tell it from the curve, and it costs the rasteriser far less. */
static void
spline_chords (cairo_t          *cr,
               const WeftSpline *s)
{
  cairo_move_to (cr, s->points[0].x, s->points[0].y);
  for (guint k = 3; k < s->n_points; k += 3)
    cairo_line_to (cr, s->points[k].x, s->points[k].y);
}

/* An arrow from @base to @tip: a triangle, or a bar (tee) for denials. */
static void
arrow_path (cairo_t          *cr,
            const WeftPoint  *base,
            const WeftPoint  *tip,
            gboolean          tee)
{
  double dx = tip->x - base->x, dy = tip->y - base->y;
  double len = hypot (dx, dy);
  double nx, ny;

  if (len < 0.01)
    return;
  nx = -dy / len;
  ny = dx / len;

  if (tee)
    {
      double half = MAX (len * 0.6, 3.5);

      cairo_move_to (cr, base->x, base->y);
      cairo_line_to (cr, tip->x, tip->y);
      cairo_move_to (cr, tip->x + nx * half, tip->y + ny * half);
      cairo_line_to (cr, tip->x - nx * half, tip->y - ny * half);
    }
  else
    {
      double half = len * 0.35;

      cairo_move_to (cr, tip->x, tip->y);
      cairo_line_to (cr, base->x + nx * half, base->y + ny * half);
      cairo_line_to (cr, base->x - nx * half, base->y - ny * half);
      cairo_close_path (cr);
    }
}

/* The arrowheads of @s: its end's (a bar when @tee), and its start's. */
static void
arrows_path (cairo_t          *cr,
             const WeftSpline *s,
             gboolean          tee)
{
  if (s->has_end_arrow)
    arrow_path (cr, &s->points[s->n_points - 1], &s->end_tip, tee);
  if (s->has_start_arrow)
    arrow_path (cr, &s->points[0], &s->start_tip, FALSE);
}

/* ---- Edges --------------------------------------------------------------------- */

/* Event and claim links: thin, in the muted colour. */
#define LINK_WIDTH 0.8

static WeftColor
edge_color (const WeftGraphPalette *palette,
            gboolean                relation,
            const WeftEdgeStyle    *style)
{
  WeftColor color = palette->text;

  if (!relation || style->grey)
    color.alpha *= 0.4;
  else if (style->red)
    color = palette->denied;
  else
    color.alpha *= 0.75;
  return color;
}

/* Dashes finer than a few pixels cannot be seen, and cost the stroker a
 * segment each: below that, a fainter solid line stands for them. */
static gboolean
dash_visible (const WeftEdgeStyle *style,
              double               scale)
{
  return (style->dash[0] + style->dash[1]) * scale >= 3.0;
}

/* Sets @cr up to stroke an edge of @style (a relation's, or a link's) in
 * @color at @alpha, @width points wide. */
static void
set_edge_stroke (cairo_t             *cr,
                 const WeftColor     *color,
                 gboolean             relation,
                 const WeftEdgeStyle *style,
                 double               scale,
                 double               alpha,
                 double               width)
{
  weft_color_set_source (cr, color, alpha);
  cairo_set_line_width (cr, width);
  cairo_set_dash (cr, NULL, 0, 0);
  if (relation && style->dash[0] > 0)
    {
      if (dash_visible (style, scale))
        cairo_set_dash (cr, style->dash, 2, 0);
      else
        weft_color_set_source (cr, color, alpha * 0.55);
    }
}

/* One edge, in @color (NULL: its own), its line @width_boost points
 * wider than its style's. */
static void
draw_edge (cairo_t                *cr,
           const WeftGraphPalette *palette,
           const WeftGraphEdge    *edge,
           const WeftEdgePath     *path,
           double                  scale,
           double                  alpha,
           double                  width_boost,
           const WeftColor        *color)
{
  const WeftEdgeStyle *style = weft_graph_style_for_evidence (edge->evidence);
  gboolean relation = edge->kind == WEFT_EDGE_RELATION;
  WeftColor own = edge_color (palette, relation, style);

  set_edge_stroke (cr, color != NULL ? color : &own, relation, style, scale, alpha,
                   (relation ? style->penwidth : LINK_WIDTH) + width_boost);
  cairo_new_path (cr);
  for (guint j = 0; j < path->n_splines; j++)
    spline_path (cr, &path->splines[j]);
  cairo_stroke (cr);

  cairo_set_dash (cr, NULL, 0, 0);
  for (guint j = 0; j < path->n_splines; j++)
    {
      const WeftSpline *s = &path->splines[j];
      gboolean tee = relation && style->tee;

      if (s->has_end_arrow)
        {
          arrow_path (cr, &s->points[s->n_points - 1], &s->end_tip, tee);
          if (tee)
            cairo_stroke (cr);
          else
            cairo_fill (cr);
        }
      if (s->has_start_arrow)
        {
          arrow_path (cr, &s->points[0], &s->start_tip, FALSE);
          cairo_fill (cr);
        }
    }
}

/* ---- Nodes and text ----------------------------------------------------------- */

static void
node_colors (const WeftNodeStyle    *style,
             const WeftGraphPalette *palette,
             WeftColor              *fill,
             WeftColor              *stroke)
{
  guint32 f, s;

  weft_node_style_colors (style, palette->dark, &f, &s);
  *fill = weft_color_from_rgb (f, 1);
  *stroke = weft_color_from_rgb (s, 1);
}

static PangoLayout *
make_layout (cairo_t *cr,
             double   size)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (WEFT_GRAPH_FONT);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Graphviz measured the labels at 72 points per inch: an absolute
   * size in layout points keeps them inside their boxes at any zoom. */
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
  pango_layout_context_changed (layout);
  cairo_font_options_destroy (options);
  pango_font_description_free (font);
  return layout;
}

/* Draws @text (plain text, never markup) centred on (@x, @y); returns
 * its logical box. */
static WeftGraphRect
draw_text_centered (cairo_t     *cr,
                    PangoLayout *layout,
                    const char  *text,
                    double       x,
                    double       y)
{
  PangoRectangle ink, logical;
  double w, h;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_extents (layout, &ink, &logical);
  w = logical.width / (double) PANGO_SCALE;
  h = logical.height / (double) PANGO_SCALE;
  cairo_move_to (cr, x - logical.width / (2.0 * PANGO_SCALE), y - logical.height / (2.0 * PANGO_SCALE));
  pango_cairo_show_layout (cr, layout);
  return (WeftGraphRect) { x - w / 2, y - h / 2, w, h };
}

/* One node: its shape (a plain box when @simple) and, with @text, its
 * glyph in the kind's colour and its name in the text colour; returns
 * the name's box in *@name when drawn. */
static gboolean
draw_node (cairo_t                *cr,
           const WeftGraphPalette *palette,
           const WeftGraphNode    *node,
           const WeftNodeBox      *b,
           PangoLayout            *text,
           double                  alpha,
           gboolean                simple,
           WeftGraphRect          *name)
{
  WeftColor fill, stroke;
  g_autofree char *label = NULL;
  PangoAttrList *attrs;
  PangoAttribute *attr;

  node_colors (node->style, palette, &fill, &stroke);
  if (simple)
    {
      weft_color_set_source (cr, &stroke, alpha);
      cairo_rectangle (cr, b->x - b->width / 2, b->y - b->height / 2, b->width, b->height);
      cairo_fill (cr);
      return FALSE;
    }

  cairo_new_path (cr);
  weft_graph_shape_path (cr, node->style->shape, b->x, b->y, b->width, b->height);
  weft_color_set_source (cr, &fill, alpha);
  cairo_fill_preserve (cr);
  weft_color_set_source (cr, &stroke, alpha);
  cairo_set_line_width (cr, 1.2);
  cairo_stroke (cr);
  if (text == NULL)
    return FALSE;

  /* The glyph in the kind's colour, the name in the text colour. */
  label = g_strconcat (node->style->glyph, " ", node->label, NULL);
  attrs = pango_attr_list_new ();
  attr = pango_attr_foreground_new (stroke.red * 65535, stroke.green * 65535, stroke.blue * 65535);
  attr->start_index = 0;
  attr->end_index = strlen (node->style->glyph);
  pango_attr_list_insert (attrs, attr);
  pango_layout_set_attributes (text, attrs);
  weft_color_set_source (cr, &palette->text, alpha);
  *name = draw_text_centered (cr, text, label, b->label_x, b->label_y);
  pango_layout_set_attributes (text, NULL);
  pango_attr_list_unref (attrs);
  return TRUE;
}

static void
record_node (WeftGraphPainter    *self,
             cairo_t             *cr,
             guint                index,
             const WeftNodeBox   *b,
             const WeftGraphRect *name)
{
  WeftGraphDrawnNode drawn = { index, { 0 }, { 0 }, name != NULL };

  drawn.box = device_rect (cr, b->x - b->width / 2, b->y - b->height / 2, b->width, b->height);
  if (name != NULL)
    drawn.name = device_rect (cr, name->x, name->y, name->width, name->height);
  g_array_append_val (self->drawn, drawn);
}

/* ---- Far out: one path per look --------------------------------------------- */

/* Below this scale nothing has a readable name, and everything of one
 * look is drawn as one path: a stroke per edge look instead of one per
 * edge, a fill per node style instead of one per node. */
#define BATCH_SCALE 0.35

/* Edges are batched by evidence level, and event and claim links as one
 * more group. */
#define LINK_GROUP WEFT_N_EVIDENCE

/* A batch: the things of one look, dimmed or not. */
typedef struct {
  WeftGraphPainter          *painter;
  cairo_t                   *cr;
  WeftLayout                *layout;
  WeftGraph                 *graph;
  const WeftGraphPaintState *state;
  const WeftGraphViewport   *viewport;
  int                        group;    /* edges: an evidence level or LINK_GROUP */
  const WeftNodeStyle       *style;    /* nodes */
  gboolean                   dim;
  GArray                    *members;  /* guint: the visible edges or nodes of the batch */
} Batch;

static int
edge_group (const WeftGraphEdge *edge)
{
  return edge->kind == WEFT_EDGE_RELATION ? (int) edge->evidence : LINK_GROUP;
}

static gboolean
edge_dimmed (const gboolean      *is_match,
             const WeftGraphEdge *edge)
{
  return is_match != NULL && !is_match[edge->tail] && !is_match[edge->head];
}

static gboolean
edge_in_batch (const Batch *batch,
               guint        i)
{
  const WeftGraphEdge *edge = weft_graph_get_edge (batch->graph, i);

  return edge_group (edge) == batch->group && edge_dimmed (batch->state->is_match, edge) == batch->dim &&
         edge_visible (weft_layout_get_edge (batch->layout, i), &batch->viewport->visible);
}

static gboolean
node_in_batch (const Batch *batch,
               guint        i)
{
  const gboolean *is_match = batch->state->is_match;

  return weft_graph_get_node (batch->graph, i)->style == batch->style &&
         (is_match != NULL && !is_match[i]) == batch->dim &&
         node_visible (weft_layout_get_node (batch->layout, i), &batch->viewport->visible);
}

/* Fills the batch's members with those of the @n edges or nodes that
 * @in_batch takes; FALSE when there are none. */
static gboolean
collect_batch (Batch    *batch,
               guint     n,
               gboolean (*in_batch) (const Batch *, guint))
{
  g_array_set_size (batch->members, 0);
  for (guint i = 0; i < n; i++)
    if (in_batch (batch, i))
      g_array_append_val (batch->members, i);
  return batch->members->len > 0;
}

/* Strokes the lines of the batch's edges in one path. */
static void
stroke_edge_batch (const Batch *batch)
{
  cairo_t *cr = batch->cr;
  gboolean relation = batch->group != LINK_GROUP;
  const WeftEdgeStyle *style = weft_graph_style_for_evidence (relation ? batch->group : 0);
  WeftColor color = edge_color (batch->state->palette, relation, style);
  double scale = batch->viewport->scale;

  cairo_new_path (cr);
  for (guint m = 0; m < batch->members->len; m++)
    {
      const WeftEdgePath *path = weft_layout_get_edge (batch->layout, g_array_index (batch->members, guint, m));

      for (guint j = 0; j < path->n_splines; j++)
        if (scale < 0.25)
          spline_chords (cr, &path->splines[j]);
        else
          spline_path (cr, &path->splines[j]);
    }
  set_edge_stroke (cr, &color, relation, style, scale, batch->dim ? 0.25 : 1.0,
                   relation ? style->penwidth : LINK_WIDTH);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

/* The arrowheads of the batch's edges in one path: filled, or stroked
 * where they are bars. */
static void
draw_arrow_batch (const Batch *batch)
{
  gboolean tee = batch->group != LINK_GROUP && weft_graph_style_for_evidence (batch->group)->tee;

  for (guint m = 0; m < batch->members->len; m++)
    {
      const WeftEdgePath *path = weft_layout_get_edge (batch->layout, g_array_index (batch->members, guint, m));

      for (guint j = 0; j < path->n_splines; j++)
        arrows_path (batch->cr, &path->splines[j], tee);
    }
  if (tee)
    cairo_stroke (batch->cr);
  else
    cairo_fill (batch->cr);
}

/* The batch's nodes in one path, filled and outlined; only filled boxes
 * in the stroke colour when they are a few pixels. */
static void
draw_node_batch (const Batch *batch)
{
  cairo_t *cr = batch->cr;
  gboolean simple = 22 * batch->viewport->scale < 6.0;
  double alpha = batch->dim ? 0.3 : 1.0;
  WeftColor fill, stroke;

  cairo_new_path (cr);
  for (guint m = 0; m < batch->members->len; m++)
    {
      guint i = g_array_index (batch->members, guint, m);
      const WeftNodeBox *b = weft_layout_get_node (batch->layout, i);

      if (simple)
        cairo_rectangle (cr, b->x - b->width / 2, b->y - b->height / 2, b->width, b->height);
      else
        weft_graph_shape_path (cr, batch->style->shape, b->x, b->y, b->width, b->height);
      if (batch->painter->record)
        record_node (batch->painter, cr, i, b, NULL);
    }

  node_colors (batch->style, batch->state->palette, &fill, &stroke);
  weft_color_set_source (cr, simple ? &stroke : &fill, alpha);
  if (simple)
    cairo_fill (cr);
  else
    {
      cairo_fill_preserve (cr);
      weft_color_set_source (cr, &stroke, alpha);
      cairo_set_line_width (cr, 1.2);
      cairo_stroke (cr);
    }
}

/* The node styles @graph uses, in the order of their first node. */
static GPtrArray *
node_styles (WeftGraph *graph)
{
  GPtrArray *styles = g_ptr_array_new ();

  for (guint i = 0; i < weft_graph_get_n_nodes (graph); i++)
    {
      const WeftNodeStyle *style = weft_graph_get_node (graph, i)->style;

      if (!g_ptr_array_find (styles, style, NULL))
        g_ptr_array_add (styles, (gpointer) style);
    }
  return styles;
}

/* Edges first, then nodes; the lit before the dimmed in each. Arrowheads
 * only when they are more than a pixel and a half. */
static void
draw_scene_batched (Batch *batch)
{
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) styles = node_styles (batch->graph);
  guint n_edges = weft_graph_get_n_edges (batch->graph), n_nodes = weft_graph_get_n_nodes (batch->graph);
  gboolean arrows = 7.0 * batch->viewport->scale >= 1.5;
  gboolean dims = batch->state->is_match != NULL;

  batch->members = members;
  cairo_set_line_join (batch->cr, CAIRO_LINE_JOIN_ROUND);

  for (batch->dim = FALSE; batch->dim <= dims; batch->dim++)
    for (batch->group = 0; batch->group <= LINK_GROUP; batch->group++)
      if (collect_batch (batch, n_edges, edge_in_batch))
        {
          stroke_edge_batch (batch);
          if (arrows)
            draw_arrow_batch (batch);
        }

  for (batch->dim = FALSE; batch->dim <= dims; batch->dim++)
    for (guint k = 0; k < styles->len; k++)
      {
        batch->style = g_ptr_array_index (styles, k);
        if (collect_batch (batch, n_nodes, node_in_batch))
          draw_node_batch (batch);
      }
}

/* ---- The scene ---------------------------------------------------------------- */

/* Edges with their labels, then nodes with their names. */
static void
draw_scene (WeftGraphPainter          *self,
            cairo_t                   *cr,
            WeftLayout                *layout,
            const WeftGraphPaintState *state,
            const WeftGraphViewport   *viewport)
{
  double scale = viewport->scale;
  const WeftGraphRect *visible = &viewport->visible;
  WeftGraph *graph = weft_layout_get_graph (layout);
  guint n_nodes = weft_graph_get_n_nodes (graph);
  guint n_edges = weft_graph_get_n_edges (graph);
  const gboolean *is_match = state->is_match;
  /* Smaller than this, the window names the nodes in screen-sized text
   * instead (weft-graph-overlays.c). */
  gboolean node_labels = WEFT_GRAPH_NODE_FONT_SIZE * scale >= 7.0;
  gboolean edge_labels = WEFT_GRAPH_EDGE_FONT_SIZE * scale >= 5.0;
  g_autoptr(PangoLayout) node_text = node_labels ? make_layout (cr, WEFT_GRAPH_NODE_FONT_SIZE) : NULL;
  g_autoptr(PangoLayout) edge_text = edge_labels ? make_layout (cr, WEFT_GRAPH_EDGE_FONT_SIZE) : NULL;

  g_array_set_size (self->drawn, 0);
  if (scale < BATCH_SCALE)
    {
      Batch batch = { self, cr, layout, graph, state, viewport };

      draw_scene_batched (&batch);
      return;
    }

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  for (guint i = 0; i < n_edges; i++)
    {
      const WeftEdgePath *path = weft_layout_get_edge (layout, i);
      const WeftGraphEdge *edge;
      double alpha = 1.0;

      if (!edge_visible (path, visible))
        continue;
      edge = weft_graph_get_edge (graph, i);
      if (edge_dimmed (is_match, edge))
        alpha = 0.25;
      draw_edge (cr, state->palette, edge, path, scale, alpha, 0, NULL);

      if (edge_labels && path->has_label && *edge->label != '\0')
        {
          WeftColor color = edge_color (state->palette, edge->kind == WEFT_EDGE_RELATION,
                                        weft_graph_style_for_evidence (edge->evidence));

          weft_color_set_source (cr, &color, alpha);
          draw_text_centered (cr, edge_text, edge->label, path->label_x, path->label_y);
        }
    }

  for (guint i = 0; i < n_nodes; i++)
    {
      const WeftNodeBox *b = weft_layout_get_node (layout, i);
      WeftGraphRect name;
      gboolean has_name;

      if (!node_visible (b, visible))
        continue;
      has_name = draw_node (cr, state->palette, weft_graph_get_node (graph, i), b, node_text,
                            is_match != NULL && !is_match[i] ? 0.3 : 1.0, b->height * scale < 3.0, &name);
      if (self->record)
        record_node (self, cr, i, b, has_name ? &name : NULL);
    }
}

/* ---- Highlights ------------------------------------------------------------------ */

static void
ring_node (cairo_t         *cr,
           WeftLayout      *layout,
           guint            index,
           const WeftColor *color,
           double           width)
{
  const WeftNodeBox *b = weft_layout_get_node (layout, index);

  cairo_new_path (cr);
  weft_graph_shape_path (cr, weft_graph_get_node (weft_layout_get_graph (layout), index)->style->shape,
                         b->x, b->y, b->width + 4, b->height + 4);
  weft_color_set_source (cr, color, 1);
  cairo_set_line_width (cr, width);
  cairo_stroke (cr);
}

static void
light_edge (cairo_t                   *cr,
            WeftLayout                *layout,
            const WeftGraphPaintState *state,
            guint                      index,
            double                     scale,
            double                     width_boost,
            const WeftColor           *color)
{
  draw_edge (cr, state->palette, weft_graph_get_edge (weft_layout_get_graph (layout), index),
             weft_layout_get_edge (layout, index), scale, 1.0, width_boost, color);
}

/* The path: its hops in the accent colour; a hop through a shared event
 * or claim has no edge of its own, and gets a dashed line. */
static void
draw_path (cairo_t                   *cr,
           WeftLayout                *layout,
           const WeftGraphPaintState *state,
           double                     scale)
{
  WeftGraph *graph = weft_layout_get_graph (layout);
  const WeftColor *accent = &state->palette->accent;

  for (guint i = 0; i < state->path->len; i++)
    {
      WeftHop *hop = g_ptr_array_index (state->path, i);
      gint a = weft_graph_lookup_node (graph, &hop->from->item);
      gint b = weft_graph_lookup_node (graph, &hop->to->item);
      gint e = weft_graph_lookup_edge (graph, hop->via);

      if (e >= 0)
        light_edge (cr, layout, state, e, scale, 2.0, accent);
      else if (a >= 0 && b >= 0)
        {
          const WeftNodeBox *na = weft_layout_get_node (layout, a);
          const WeftNodeBox *nb = weft_layout_get_node (layout, b);
          double dash[2] = { 6 / scale, 4 / scale };

          weft_color_set_source (cr, accent, 1);
          cairo_set_line_width (cr, 2.0 / MIN (scale, 1));
          cairo_set_dash (cr, dash, 2, 0);
          cairo_move_to (cr, na->x, na->y);
          cairo_line_to (cr, nb->x, nb->y);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      if (a >= 0)
        ring_node (cr, layout, a, accent, 2.5);
      if (b >= 0)
        ring_node (cr, layout, b, accent, 2.5);
    }
}

/* Over the scene: match rings, the path, the selection and its edges,
 * the hovered node or edge. */
static void
draw_highlights (cairo_t                   *cr,
                 WeftLayout                *layout,
                 const WeftGraphPaintState *state,
                 const WeftGraphViewport   *viewport)
{
  double scale = viewport->scale;
  WeftGraph *graph = weft_layout_get_graph (layout);
  const WeftColor *accent = &state->palette->accent;
  WeftColor hover = *accent;

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  /* Search matches: a ring in the match colour. */
  for (guint i = 0; i < state->n_matches; i++)
    if (node_visible (weft_layout_get_node (layout, state->matches[i]), &viewport->visible))
      ring_node (cr, layout, state->matches[i], &state->palette->match, 2.5 / MIN (scale, 1));

  if (state->path != NULL)
    draw_path (cr, layout, state, scale);

  /* The selection: the node and its edges, or the edge. */
  if (state->selected_node >= 0)
    {
      for (guint i = 0; i < weft_graph_get_n_edges (graph); i++)
        {
          const WeftGraphEdge *edge = weft_graph_get_edge (graph, i);

          if (edge->tail == (guint) state->selected_node || edge->head == (guint) state->selected_node)
            light_edge (cr, layout, state, i, scale, 1.2, accent);
        }
      ring_node (cr, layout, state->selected_node, accent, 3.0);
    }
  if (state->selected_edge >= 0)
    light_edge (cr, layout, state, state->selected_edge, scale, 2.0, accent);

  /* Hover: a thin ring. */
  hover.alpha = 0.6f;
  if (state->hover_node >= 0 && state->hover_node != state->selected_node)
    ring_node (cr, layout, state->hover_node, &hover, 2.0);
  else if (state->hover_edge >= 0 && state->hover_edge != state->selected_edge)
    light_edge (cr, layout, state, state->hover_edge, scale, 1.5, &hover);
}

void
weft_graph_painter_draw (WeftGraphPainter          *self,
                         cairo_t                   *cr,
                         WeftLayout                *layout,
                         const WeftGraphPaintState *state,
                         WeftGraphPaintParts        parts,
                         const WeftGraphViewport   *viewport)
{
  if (parts & WEFT_GRAPH_PAINT_SCENE)
    draw_scene (self, cr, layout, state, viewport);
  if ((parts & WEFT_GRAPH_PAINT_HIGHLIGHTS) && weft_graph_paint_state_has_highlights (state))
    draw_highlights (cr, layout, state, viewport);
}

void
weft_graph_viewport_init (WeftGraphViewport *viewport,
                          double             scale,
                          double             x,
                          double             y,
                          double             width,
                          double             height)
{
  viewport->scale = scale;
  viewport->visible = (WeftGraphRect) { x, y, width / scale, height / scale };
}

void
weft_graph_viewport_apply (const WeftGraphViewport *viewport,
                           cairo_t                 *cr)
{
  cairo_scale (cr, viewport->scale, viewport->scale);
  cairo_translate (cr, -viewport->visible.x, -viewport->visible.y);
}

/* ---- Legend ------------------------------------------------------------------------ */

void
weft_graph_painter_draw_swatch (cairo_t                *cr,
                                const WeftGraphPalette *palette,
                                const WeftLegendEntry  *entry,
                                double                  x,
                                double                  y,
                                double                  width,
                                double                  height)
{
  double cy = y + height / 2;

  if (entry->node_style != NULL)
    {
      WeftColor fill, stroke;

      node_colors (entry->node_style, palette, &fill, &stroke);
      cairo_new_path (cr);
      weft_graph_shape_path (cr, entry->node_style->shape, x + width / 2, cy, width - 4, height - 6);
      weft_color_set_source (cr, &fill, 1);
      cairo_fill_preserve (cr);
      weft_color_set_source (cr, &stroke, 1);
      cairo_set_line_width (cr, 1.2);
      cairo_stroke (cr);
    }
  else
    {
      WeftGraphEdge edge = { .kind = WEFT_EDGE_RELATION, .evidence = entry->edge_style->evidence };
      WeftPoint points[4] = { { x, cy }, { x + 6, cy }, { x + width - 12, cy }, { x + width - 6, cy } };
      WeftSpline spline = { points, 4, FALSE, TRUE, { 0, 0 }, { x + width, cy } };
      WeftEdgePath path = { &spline, 1, FALSE, 0, 0, 0, 0, x, cy - 4, x + width, cy + 4 };

      /* As seen at 2x, where every dash shows. */
      draw_edge (cr, palette, &edge, &path, 2.0, 1.0, 0, NULL);
    }
}
