/* weft-graph-painter.c: draws a laid-out graph with cairo and pango
 *
 * Nodes in the shape and colours of their kind (weft-graph-style.h) with
 * their name, edges as the layout routed them, in the line of their
 * evidence level, with arrowheads (a bar for denials).
 *
 * Which names show is decided once per layout, zoom and search
 * (place_names()), over the whole drawing, so that tiles drawn one by one
 * agree: from zoom 1 every name is inside its node; below, a node whose
 * box gets small is a mark sized by its number of links, and the nodes
 * that matter most get an 11-pixel label attached to them where it
 * covers no other node or label. In a graph of hundreds of nodes, where
 * that would leave the middle unnamed, the most connected may cover the
 * marks of less connected, unnamed nodes (as Gephi's and Kumu's overviews
 * do), up to a tenth of the pane. Edge labels show where they cover
 * nothing. Below BATCH_SCALE everything of one look is one path
 * (draw_scene_batched()).
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "weft-graph-painter.h"

/* Colours from libadwaita (window_fg_color, accent_color, view_bg_color)
 * and the GNOME palette. */
static const WeftGraphPalette light_palette = {
  .text = WEFT_COLOR_HEX (0x000000, 0.8),
  .accent = WEFT_COLOR_HEX (0x1c71d8, 1),
  .match = WEFT_COLOR_HEX (0xe5a50a, 1),
  .denied = WEFT_COLOR_HEX (0xc01c28, 1),
  .together = WEFT_COLOR_HEX (0x813d9c, 1),
  .pill = WEFT_COLOR_HEX (0xffffff, 0.95),
  .minimap = WEFT_COLOR_HEX (0xffffff, 0.92),
  .legend = WEFT_COLOR_HEX (0xffffff, 0.94),
  .background = WEFT_COLOR_HEX (0xffffff, 1),
  .dark = FALSE,
};

static const WeftGraphPalette dark_palette = {
  .text = WEFT_COLOR_HEX (0xffffff, 1),
  .accent = WEFT_COLOR_HEX (0x78aeed, 1),
  .match = WEFT_COLOR_HEX (0xf8e45c, 1),
  .denied = WEFT_COLOR_HEX (0xff7b63, 1),
  .together = WEFT_COLOR_HEX (0xdc8add, 1),
  .pill = WEFT_COLOR_HEX (0x303030, 0.95),
  .minimap = WEFT_COLOR_HEX (0x1e1e1e, 0.92),
  .legend = WEFT_COLOR_HEX (0x2a2a2a, 0.94),
  .background = WEFT_COLOR_HEX (0x1e1e1e, 1),
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
         state->selected_edge >= 0 || state->path != NULL || state->n_matches > 0 || state->lit != NULL;
}

/* ---- The painter and what it keeps -------------------------------------- */

/* Below this scale nothing has a readable name inside it, and everything
 * of one look is drawn as one path: a stroke per edge look instead of
 * one per edge, a fill per node style instead of one per node. */
#define BATCH_SCALE 0.35
/* Below this scale edge labels are not shown: too many lines to tell
 * which one a label belongs to. */
#define EDGE_LABEL_SCALE 0.25
/* Pixels kept free between a label and anything else. */
#define LABEL_GAP 2.0
/* From this many nodes, labels may cover less connected marks, up to this
 * share of the pane. */
#define COVER_MIN_NODES 200
#define COVER_SHARE 0.10
/* Pixels around an edge label's text, across and along. */
#define LABEL_PAD_X 3.0
#define LABEL_PAD_Y 1.0

/* A node as the scene shows it at one scale, in layout points. */
typedef struct {
  double        mark;          /* a mark's radius, or 0 for its shape */
  gboolean      has_label;
  WeftGraphRect label;         /* the label with its background */
} NodePlace;

typedef struct {
  gboolean      has_label;
  WeftGraphRect label;
} EdgePlace;

/* A text's size at WEFT_GRAPH_NODE_FONT_SIZE points. */
typedef struct {
  double w, h;
} Size;

/* The names the scene shows at one scale (see place_names()), in layout
 * points. */
typedef struct {
  WeftLayout    *layout;
  double         scale;
  guint          stamp;
  const gboolean *is_match;
  gboolean       inside;       /* every name inside its node */
  double         name_size;    /* the labels' font size, layout points */
  double         edge_size;    /* the edge labels' */
  NodePlace     *nodes;
  EdgePlace     *edges;
} Placement;

struct _WeftGraphPainter
{
  gboolean            record;
  GArray             *drawn;       /* WeftGraphDrawnNode */
  WeftGraphTextFunc   text_func;
  WeftGraphShapeFunc  shape_func;
  gpointer            func_data;

  /* The sizes of names and edge labels at WEFT_GRAPH_NODE_FONT_SIZE
   * points, and the nodes by importance, for one graph. */
  WeftGraph          *measured;
  Size               *names;
  Size               *edge_labels;
  guint              *by_degree;
  PangoContext       *context;

  Placement           placed;
};

/* What one drawing draws with: the painter, where, in which colours, the
 * graph, at which scale (device units per point). */
typedef struct {
  WeftGraphPainter       *self;
  cairo_t                *cr;
  const WeftGraphPalette *palette;
  WeftGraph              *graph;
  double                  scale;
} Pen;

static void
placement_clear (Placement *p)
{
  g_clear_pointer (&p->layout, weft_layout_unref);
  g_clear_pointer (&p->nodes, g_free);
  g_clear_pointer (&p->edges, g_free);
}

static void
forget_graph (WeftGraphPainter *self)
{
  g_clear_pointer (&self->measured, weft_graph_unref);
  g_clear_pointer (&self->names, g_free);
  g_clear_pointer (&self->edge_labels, g_free);
  g_clear_pointer (&self->by_degree, g_free);
}

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
  placement_clear (&self->placed);
  forget_graph (self);
  g_clear_object (&self->context);
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

void
weft_graph_painter_set_funcs (WeftGraphPainter   *self,
                              WeftGraphTextFunc   text_func,
                              WeftGraphShapeFunc  shape_func,
                              gpointer            user_data)
{
  self->text_func = text_func;
  self->shape_func = shape_func;
  self->func_data = user_data;
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
rects_overlap (const WeftGraphRect *a,
               const WeftGraphRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width && a->y < b->y + b->height && b->y < a->y + a->height;
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

/* A closed polygon through the @n points (x, y pairs) of @xy. */
static void
polygon (cairo_t      *cr,
         const double *xy,
         guint         n)
{
  cairo_move_to (cr, xy[0], xy[1]);
  for (guint k = 2; k + 1 < n; k += 2)
    cairo_line_to (cr, xy[k], xy[k + 1]);
  cairo_close_path (cr);
}

/* Open lines: (x, y) pairs, a move to where a pair of NAN starts over. */
static void
polyline (cairo_t      *cr,
          const double *xy,
          guint         n)
{
  gboolean move = TRUE;

  for (guint k = 0; k + 1 < n; k += 2)
    {
      if (isnan (xy[k]))
        move = TRUE;
      else if (move)
        {
          cairo_move_to (cr, xy[k], xy[k + 1]);
          move = FALSE;
        }
      else
        cairo_line_to (cr, xy[k], xy[k + 1]);
    }
}

/* The outline of @shape in the box centred on (@x, @y) or, with
 * @details, the lines inside it that the outline does not draw (a
 * block's faces, a note's fold), to stroke; FALSE when there are none. */
static gboolean
shape_lines (cairo_t       *cr,
             WeftNodeShape  shape,
             double         x,
             double         y,
             double         w,
             double         h,
             gboolean       details)
{
  double l = x - w / 2, r = x + w / 2, t = y - h / 2, b = y + h / 2;
  /* The sizes of the parts that make a shape: a block's depth, a tab's
   * height and width, pins, a signpost's point, a note's fold. */
  double d = MIN (3, MIN (w, h) / 4), f = MIN (4, h / 5), pin = MIN (4, h / 5), p = MIN (3, w / 8);
  double k = MIN (h / 2, MIN (w / 4, 6)), fold = MIN (h / 3, 6), rad = MIN (MIN (h, w) / 3, 7);

  switch (shape)
    {
    case WEFT_NODE_SHAPE_ELLIPSE:
      if (details)
        return FALSE;
      cairo_save (cr);
      cairo_translate (cr, x, y);
      cairo_scale (cr, MAX (w, 0.01) / 2, MAX (h, 0.01) / 2);
      cairo_new_sub_path (cr);
      cairo_arc (cr, 0, 0, 1, 0, 2 * G_PI);
      cairo_restore (cr);
      return TRUE;

    case WEFT_NODE_SHAPE_ROUNDED:
      if (details)
        return FALSE;
      cairo_new_sub_path (cr);
      for (int c = 0; c < 4; c++)
        cairo_arc (cr, c == 0 || c == 1 ? r - rad : l + rad, c == 1 || c == 2 ? b - rad : t + rad, rad,
                   (c - 1) * G_PI / 2, c * G_PI / 2);
      cairo_close_path (cr);
      return TRUE;

    case WEFT_NODE_SHAPE_BOX3D:
      /* The front face and, behind it, the top and the right side. */
      if (details)
        polyline (cr, (double[]) { l, t + d, r - d, t + d, r - d, b, NAN, NAN, r - d, t + d, r, t }, 12);
      else
        polygon (cr, (double[]) { l, t + d, l + d, t, r, t, r, b - d, r - d, b, l, b }, 12);
      return TRUE;

    case WEFT_NODE_SHAPE_FOLDER:
      /* A tab on the top right. */
      if (details)
        return FALSE;
      polygon (cr, (double[]) { l, t + f, r - MIN (w / 3, 18) - f, t + f, r - MIN (w / 3, 18), t,
                                r - f, t, r, t + f, r, b, l, b }, 14);
      return TRUE;

    case WEFT_NODE_SHAPE_TAB:
      /* A tab on the top left. */
      if (details)
        return FALSE;
      polygon (cr, (double[]) { l, t, l + MIN (w / 4, 14), t, l + MIN (w / 4, 14), t + f, r, t + f, r, b, l, b }, 12);
      return TRUE;

    case WEFT_NODE_SHAPE_COMPONENT:
      /* A box whose left side carries two pins. */
      if (details)
        return FALSE;
      polygon (cr, (double[]) { l + p, t, r, t, r, b, l + p, b,
                                l + p, b - h / 4 + pin / 2, l, b - h / 4 + pin / 2,
                                l, b - h / 4 - pin / 2, l + p, b - h / 4 - pin / 2,
                                l + p, t + h / 4 + pin / 2, l, t + h / 4 + pin / 2,
                                l, t + h / 4 - pin / 2, l + p, t + h / 4 - pin / 2 }, 24);
      return TRUE;

    case WEFT_NODE_SHAPE_CDS:
      /* A signpost pointing right. */
      if (details)
        return FALSE;
      polygon (cr, (double[]) { l, t, r - k, t, r, y, r - k, b, l, b }, 10);
      return TRUE;

    case WEFT_NODE_SHAPE_NOTE:
      if (details)
        polyline (cr, (double[]) { r - fold, t, r - fold, t + fold, r, t + fold }, 6);
      else
        polygon (cr, (double[]) { l, t, r - fold, t, r, t + fold, r, b, l, b }, 10);
      return TRUE;

    case WEFT_NODE_SHAPE_BOX:
    default:
      if (details)
        return FALSE;
      cairo_rectangle (cr, l, t, w, h);
      return TRUE;
    }
}

void
weft_graph_shape_path (cairo_t       *cr,
                       WeftNodeShape  shape,
                       double         x,
                       double         y,
                       double         width,
                       double         height)
{
  shape_lines (cr, shape, x, y, width, height, FALSE);
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

/* Event and claim links, and links of entities named together: thin. */
#define LINK_WIDTH 0.8
static const double together_dash[2] = { 1.2, 2.8 };

static WeftColor
edge_color (const WeftGraphPalette *palette,
            WeftEdgeKind            kind,
            const WeftEdgeStyle    *style)
{
  WeftColor color = palette->text;

  if (kind == WEFT_EDGE_TOGETHER)
    color = palette->together;
  else if (kind != WEFT_EDGE_RELATION || style->grey)
    color.alpha *= 0.4;
  else if (style->red)
    color = palette->denied;
  else
    color.alpha *= 0.75;
  return color;
}

/* An edge label's colour: its line's, but never fainter than what reads
 * at 4.5:1. */
WeftColor
weft_graph_edge_text_color (const WeftGraphPalette *palette,
                            WeftEdgeKind            kind,
                            const WeftEdgeStyle    *style)
{
  WeftColor color = edge_color (palette, kind, style);

  if (kind != WEFT_EDGE_TOGETHER && !(kind == WEFT_EDGE_RELATION && style->red))
    color = palette->text;
  return color;
}

/* Dashes finer than a few pixels cannot be seen, and cost the stroker a
 * segment each: below that, a fainter solid line stands for them. */
static gboolean
dash_visible (const double *dash,
              double        scale)
{
  return (dash[0] + dash[1]) * scale >= 3.0;
}

/* Sets @cr up to stroke an edge of @kind and @style in @color at @alpha,
 * @width points wide. */
static void
set_edge_stroke (cairo_t             *cr,
                 const WeftColor     *color,
                 WeftEdgeKind         kind,
                 const WeftEdgeStyle *style,
                 double               scale,
                 double               alpha,
                 double               width)
{
  const double *dash = kind == WEFT_EDGE_TOGETHER ? together_dash
                       : kind == WEFT_EDGE_RELATION && style->dash[0] > 0 ? style->dash : NULL;

  weft_color_set_source (cr, color, alpha);
  cairo_set_line_width (cr, width);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_cap (cr, kind == WEFT_EDGE_TOGETHER ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT);
  if (dash != NULL)
    {
      if (dash_visible (dash, scale))
        cairo_set_dash (cr, dash, 2, 0);
      else
        weft_color_set_source (cr, color, alpha * 0.55);
    }
}

static double
edge_width (WeftEdgeKind         kind,
            const WeftEdgeStyle *style)
{
  return kind == WEFT_EDGE_RELATION ? style->penwidth : LINK_WIDTH;
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
  const WeftEdgeStyle *style = weft_graph_edge_style (edge);
  WeftColor own = edge_color (palette, edge->kind, style);
  gboolean tee = edge->kind == WEFT_EDGE_RELATION && style->tee;

  set_edge_stroke (cr, color != NULL ? color : &own, edge->kind, style, scale, alpha,
                   edge_width (edge->kind, style) + width_boost);
  cairo_new_path (cr);
  for (guint j = 0; j < path->n_splines; j++)
    spline_path (cr, &path->splines[j]);
  cairo_stroke (cr);

  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  for (guint j = 0; j < path->n_splines; j++)
    {
      const WeftSpline *s = &path->splines[j];

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

/* ---- Text ---------------------------------------------------------------------- */

static void
set_font_options (PangoContext *context)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Graphviz measured the labels at 72 points per inch: unhinted metrics
   * in layout points keep them inside their boxes at any zoom. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
}

/* A layout of text @size layout points tall (absolute), lines centred. */
static PangoLayout *
make_layout (cairo_t *cr,
             double   size,
             gboolean bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (WEFT_GRAPH_FONT);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  set_font_options (pango_layout_get_context (layout));
  pango_layout_context_changed (layout);
  pango_font_description_free (font);
  return layout;
}

/* Draws @text (plain text, never markup; lines centred) with its logical
 * box's top left at (@x, @y) in @color, or hands each line to the text
 * function. */
static void
show_text (const Pen       *pen,
           PangoLayout     *layout,
           double           x,
           double           y,
           const WeftColor *color,
           double           alpha,
           gint             node,
           gint             edge)
{
  WeftGraphPainter *self = pen->self;
  cairo_t *cr = pen->cr;
  PangoLayoutIter *iter;
  double size, one = 1, zero = 0;
  WeftColor c = *color;

  c.alpha *= alpha;
  if (self->text_func == NULL)
    {
      weft_color_set_source (cr, &c, 1);
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
      return;
    }

  /* The font's size in device units. */
  size = pango_font_description_get_size (pango_layout_get_font_description (layout)) / (double) PANGO_SCALE;
  cairo_user_to_device_distance (cr, &zero, &one);
  size *= hypot (zero, one);

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      double lx, ly;
      g_autofree char *text = NULL;
      WeftGraphTextRun run;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      lx = x + logical.x / (double) PANGO_SCALE;
      ly = y + pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE;
      cairo_user_to_device (cr, &lx, &ly);
      text = g_strndup (pango_layout_get_text (layout) + line->start_index, line->length);
      run = (WeftGraphTextRun) { node, edge, text, lx, ly, size, WEFT_GRAPH_FONT,
                                 pango_font_description_get_weight (pango_layout_get_font_description (layout)) >=
                                 PANGO_WEIGHT_BOLD, &c };
      if (*text != '\0')
        self->text_func (&run, self->func_data);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static int
compare_keys (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const int *key = user_data;
  guint x = *(const guint *) a, y = *(const guint *) b;

  if (key[x] != key[y])
    return key[x] > key[y] ? -1 : 1;
  return x < y ? -1 : x > y;
}

/* The indices 0 to @n - 1 by @key, greatest first, then in order. */
static guint *
order_by (const int *key,
          guint      n)
{
  guint *order = g_new (guint, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    order[i] = i;
  g_qsort_with_data (order, (gint) n, sizeof (guint), compare_keys, (gpointer) key);
  return order;
}

/* The logical size of @text in @layout's font. */
static void
measure_text (PangoLayout *layout,
              const char  *text,
              Size        *size)
{
  PangoRectangle logical;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  size->w = logical.width / (double) PANGO_SCALE;
  size->h = logical.height / (double) PANGO_SCALE;
}

/* Measures the names and edge labels of @graph at the node font size once,
 * and ranks its nodes by their number of links. */
static void
measure_graph (WeftGraphPainter *self,
               WeftGraph        *graph)
{
  g_autofree int *degree = NULL;
  guint n_nodes = weft_graph_get_n_nodes (graph), n_edges = weft_graph_get_n_edges (graph);
  g_autoptr(PangoLayout) layout = NULL;
  PangoFontDescription *font;

  if (self->measured == graph)
    return;
  forget_graph (self);
  self->measured = weft_graph_ref (graph);

  if (self->context == NULL)
    {
      self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
      set_font_options (self->context);
    }
  layout = pango_layout_new (self->context);
  font = pango_font_description_from_string (WEFT_GRAPH_FONT);
  pango_font_description_set_absolute_size (font, WEFT_GRAPH_NODE_FONT_SIZE * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);

  self->names = g_new (Size, MAX (n_nodes, 1));
  degree = g_new (int, MAX (n_nodes, 1));
  for (guint i = 0; i < n_nodes; i++)
    {
      measure_text (layout, weft_graph_get_node (graph, i)->lines, &self->names[i]);
      degree[i] = (int) weft_graph_get_node (graph, i)->degree;
    }
  self->by_degree = order_by (degree, n_nodes);

  self->edge_labels = g_new (Size, MAX (n_edges, 1));
  for (guint i = 0; i < n_edges; i++)
    measure_text (layout, weft_graph_get_edge (graph, i)->label, &self->edge_labels[i]);
}

/* ---- Nodes ---------------------------------------------------------------------- */

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

/* Fills @cr's path with @fill and outlines it with @stroke (unless NULL),
 * or hands it to the shape function as node @node's; the path is gone
 * after. */
static void
paint_path (const Pen       *pen,
            guint            node,
            const WeftColor *fill,
            const WeftColor *stroke,
            double           width,
            double           alpha)
{
  WeftGraphPainter *self = pen->self;
  cairo_t *cr = pen->cr;
  WeftColor f = *fill, s = stroke ? *stroke : *fill;

  f.alpha *= alpha;
  s.alpha *= alpha;
  if (self->shape_func != NULL)
    {
      cairo_path_t *path;
      double w = width, zero = 0;

      cairo_user_to_device_distance (cr, &w, &zero);
      /* cairo keeps the path in device units and copies it out in the
       * user space of the moment: the identity's. */
      cairo_save (cr);
      cairo_identity_matrix (cr);
      path = cairo_copy_path (cr);
      cairo_restore (cr);
      self->shape_func (node, path, &f, stroke ? &s : NULL, hypot (w, zero), self->func_data);
      cairo_path_destroy (path);
      cairo_new_path (cr);
      return;
    }

  weft_color_set_source (cr, &f, 1);
  if (stroke == NULL)
    {
      cairo_fill (cr);
      return;
    }
  cairo_fill_preserve (cr);
  weft_color_set_source (cr, &s, 1);
  cairo_set_line_width (cr, width);
  cairo_stroke (cr);
}

/* A node's shape at its box, with its inner lines. */
static void
draw_shape (const Pen         *pen,
            guint              index,
            const WeftNodeBox *b,
            double             alpha)
{
  const WeftGraphNode *node = weft_graph_get_node (pen->graph, index);
  cairo_t *cr = pen->cr;
  WeftColor fill, stroke;

  node_colors (node->style, pen->palette, &fill, &stroke);
  cairo_new_path (cr);
  weft_graph_shape_path (cr, node->style->shape, b->x, b->y, b->width, b->height);
  paint_path (pen, index, &fill, &stroke, 1.2, alpha);
  if (shape_lines (cr, node->style->shape, b->x, b->y, b->width, b->height, TRUE))
    {
      WeftColor none = stroke;

      none.alpha = 0;
      paint_path (pen, index, &none, &stroke, 1.0, alpha);
    }
}

/* The radius of @node's mark in pixels: more links, a bigger mark. */
static double
mark_radius_px (const WeftGraphNode *node)
{
  return CLAMP (2.5 + 1.2 * sqrt (node->degree), 2.5, 9.0);
}

/* A mark: a dot in the kind's colour, outlined, @radius points. */
static void
draw_mark (const Pen         *pen,
           guint              index,
           const WeftNodeBox *b,
           double             radius,
           double             alpha)
{
  WeftColor fill, stroke;

  node_colors (weft_graph_get_node (pen->graph, index)->style, pen->palette, &fill, &stroke);
  cairo_new_path (pen->cr);
  cairo_arc (pen->cr, b->x, b->y, radius, 0, 2 * G_PI);
  /* The stroke colour is the kind's hue: a dot in it reads at any size. */
  paint_path (pen, index, &stroke, &fill, 1.0 / pen->scale, alpha);
}

/* A node's name inside its box. */
static WeftGraphRect
draw_name_inside (const Pen         *pen,
                  PangoLayout       *text,
                  guint              index,
                  const WeftNodeBox *b,
                  double             alpha)
{
  PangoRectangle logical;
  double w, h;

  pango_layout_set_text (text, weft_graph_get_node (pen->graph, index)->lines, -1);
  pango_layout_get_extents (text, NULL, &logical);
  w = logical.width / (double) PANGO_SCALE;
  h = logical.height / (double) PANGO_SCALE;
  show_text (pen, text, b->label_x - w / 2 - logical.x / (double) PANGO_SCALE, b->label_y - h / 2,
             &pen->palette->text, alpha, (gint) index, -1);
  return (WeftGraphRect) { b->label_x - w / 2, b->label_y - h / 2, w, h };
}

/* The room a node's shape leaves around its name, in points (as the
 * DOT writer gives it to Graphviz, in inches). */
static void
style_margin (const WeftNodeStyle *style,
              double              *x,
              double              *y)
{
  const char *margin = style->graphviz_margin ? style->graphviz_margin : WEFT_GRAPH_NODE_MARGIN;
  char *end = NULL;

  *x = g_ascii_strtod (margin, &end) * 72;
  *y = end != NULL && *end == ',' ? g_ascii_strtod (end + 1, NULL) * 72 : *x;
}

/* A label: the node as it looks at zoom 1 (its shape around its name at
 * 11 pixels), in @rect; @strong: in the accent colour. */
static void
draw_label (const Pen           *pen,
            PangoLayout         *text,
            guint                index,
            const WeftGraphRect *rect,
            gboolean             strong,
            double               alpha)
{
  const WeftGraphPalette *palette = pen->palette;
  const WeftGraphNode *node = weft_graph_get_node (pen->graph, index);
  cairo_t *cr = pen->cr;
  double scale = pen->scale;
  WeftColor fill, stroke, ink = palette->text;
  WeftNodeShape shape = node->style->shape;
  double cx = rect->x + rect->width / 2, cy = rect->y + rect->height / 2;
  PangoRectangle logical;

  node_colors (node->style, palette, &fill, &stroke);
  if (strong)
    {
      fill = palette->accent;
      stroke = palette->accent;
      ink = weft_color_readable_on (&palette->accent);
    }
  cairo_new_path (cr);
  if (shape == WEFT_NODE_SHAPE_ELLIPSE)
    {
      /* A name fits a stadium tighter than an ellipse. */
      double r = rect->height / 2;

      cairo_new_sub_path (cr);
      cairo_arc (cr, rect->x + rect->width - r, cy, r, -G_PI / 2, G_PI / 2);
      cairo_arc (cr, rect->x + r, cy, r, G_PI / 2, 3 * G_PI / 2);
      cairo_close_path (cr);
    }
  else
    {
      /* The shape at its zoom-1 size, scaled to this one. */
      cairo_save (cr);
      cairo_translate (cr, cx, cy);
      cairo_scale (cr, 1 / scale, 1 / scale);
      weft_graph_shape_path (cr, shape, 0, 0, rect->width * scale, rect->height * scale);
      cairo_restore (cr);
    }
  paint_path (pen, index, &fill, &stroke, 1.2 / scale, alpha);
  cairo_save (cr);
  cairo_translate (cr, cx, cy);
  cairo_scale (cr, 1 / scale, 1 / scale);
  if (shape_lines (cr, shape, 0, 0, rect->width * scale, rect->height * scale, TRUE))
    {
      WeftColor none = stroke;

      none.alpha = 0;
      cairo_restore (cr);
      paint_path (pen, index, &none, &stroke, 1.0 / scale, alpha);
    }
  else
    {
      cairo_new_path (cr);
      cairo_restore (cr);
    }

  pango_layout_set_text (text, node->lines, -1);
  pango_layout_get_extents (text, NULL, &logical);
  show_text (pen, text, cx - logical.width / (2.0 * PANGO_SCALE) - logical.x / (double) PANGO_SCALE,
             cy - logical.height / (2.0 * PANGO_SCALE), &ink, alpha, (gint) index, -1);
}

static void
record_node (WeftGraphPainter    *self,
             cairo_t             *cr,
             guint                index,
             const WeftNodeBox   *b,
             double               mark,
             const WeftGraphRect *name,
             const WeftGraphRect *label,
             double               text_size)
{
  WeftGraphDrawnNode drawn = { index };
  double one = 1, zero = 0;

  drawn.box = device_rect (cr, b->x - b->width / 2, b->y - b->height / 2, b->width, b->height);
  drawn.shape = mark > 0 ? device_rect (cr, b->x - mark, b->y - mark, 2 * mark, 2 * mark) : drawn.box;
  cairo_user_to_device_distance (cr, &one, &zero);
  if (name != NULL)
    {
      drawn.has_name = TRUE;
      drawn.name = device_rect (cr, name->x, name->y, name->width, name->height);
    }
  if (label != NULL)
    {
      drawn.has_label = TRUE;
      drawn.label = device_rect (cr, label->x, label->y, label->width, label->height);
    }
  drawn.text_size = text_size * hypot (one, zero);
  g_array_append_val (self->drawn, drawn);
}

/* ---- Which names show -------------------------------------------------------- */

/* Rectangles in layout points, found by the cells of a grid they cover. */
typedef struct {
  WeftGraphRect rect;
  gint          owner;    /* a node, or -1 */
  gint          rank;     /* a node's mark: its place by number of links; else -1 */
} Taken;

/* What a label may cover: the marks of unnamed nodes ranked after @rank. */
typedef struct {
  gint             rank;
  const gboolean  *named;   /* per node */
} Cover;

typedef struct {
  double  x0, y0, cell;
  int     nx, ny;
  GArray *taken;          /* Taken */
  GArray **cells;         /* guint indices into taken; NULL when empty */
} Grid;

static void
grid_init (Grid   *g,
           double  x0,
           double  y0,
           double  width,
           double  height,
           double  cell)
{
  /* At most 256 x 256 cells. */
  cell = MAX (cell, MAX (width, height) / 256);
  cell = MAX (cell, 1);
  g->x0 = x0;
  g->y0 = y0;
  g->cell = cell;
  g->nx = (int) (width / cell) + 1;
  g->ny = (int) (height / cell) + 1;
  g->taken = g_array_new (FALSE, FALSE, sizeof (Taken));
  g->cells = g_new0 (GArray *, (gsize) g->nx * g->ny);
}

static void
grid_clear (Grid *g)
{
  for (int i = 0; i < g->nx * g->ny; i++)
    if (g->cells[i] != NULL)
      g_array_unref (g->cells[i]);
  g_free (g->cells);
  g_array_unref (g->taken);
}

static void
grid_span (const Grid          *g,
           const WeftGraphRect *r,
           int                 *cx1,
           int                 *cy1,
           int                 *cx2,
           int                 *cy2)
{
  *cx1 = CLAMP ((int) floor ((r->x - g->x0) / g->cell), 0, g->nx - 1);
  *cy1 = CLAMP ((int) floor ((r->y - g->y0) / g->cell), 0, g->ny - 1);
  *cx2 = CLAMP ((int) floor ((r->x + r->width - g->x0) / g->cell), 0, g->nx - 1);
  *cy2 = CLAMP ((int) floor ((r->y + r->height - g->y0) / g->cell), 0, g->ny - 1);
}

static void
grid_add_ranked (Grid                *g,
                 const WeftGraphRect *r,
                 gint                 owner,
                 gint                 rank)
{
  Taken t = { *r, owner, rank };
  guint index = g->taken->len;
  int cx1, cy1, cx2, cy2;

  g_array_append_val (g->taken, t);
  grid_span (g, r, &cx1, &cy1, &cx2, &cy2);
  for (int y = cy1; y <= cy2; y++)
    for (int x = cx1; x <= cx2; x++)
      {
        GArray **cell = &g->cells[y * g->nx + x];

        if (*cell == NULL)
          *cell = g_array_new (FALSE, FALSE, sizeof (guint));
        g_array_append_val (*cell, index);
      }
}

static void
grid_add (Grid                *g,
          const WeftGraphRect *r,
          gint                 owner)
{
  grid_add_ranked (g, r, owner, -1);
}

/* A question about what is taken near a rectangle. */
typedef struct {
  WeftGraphRect  rect;
  gint           owner;    /* what it took itself */
  const Cover   *cover;    /* what it may cover, or NULL */
  gboolean      *hidden;   /* or: the marks it covers, noted here */
} Query;

/* Whether @q->rect meets anything taken, but what its owner took and what
 * it may cover; with @q->hidden, notes each mark it meets instead. */
static gboolean
grid_query (const Grid  *g,
            const Query *q)
{
  int cx1, cy1, cx2, cy2;

  grid_span (g, &q->rect, &cx1, &cy1, &cx2, &cy2);
  for (int y = cy1; y <= cy2; y++)
    for (int x = cx1; x <= cx2; x++)
      {
        GArray *cell = g->cells[y * g->nx + x];

        for (guint k = 0; cell != NULL && k < cell->len; k++)
          {
            const Taken *t = &g_array_index (g->taken, Taken, g_array_index (cell, guint, k));

            if ((t->owner >= 0 && t->owner == q->owner) || !rects_overlap (&q->rect, &t->rect))
              continue;
            if (q->hidden != NULL)
              {
                if (t->rank >= 0)
                  q->hidden[t->owner] = TRUE;
              }
            else if (q->cover == NULL || t->rank <= q->cover->rank || q->cover->named[t->owner])
              return TRUE;
          }
      }
  return FALSE;
}

static gboolean
grid_hits (const Grid          *g,
           const WeftGraphRect *r,
           gint                 owner,
           const Cover         *cover)
{
  return grid_query (g, &(Query) { *r, owner, cover, NULL });
}

/* What a node covers in layout points: its box, or its mark. */
static WeftGraphRect
node_extent (const WeftNodeBox *b,
             double             mark)
{
  if (mark > 0)
    return (WeftGraphRect) { b->x - mark, b->y - mark, 2 * mark, 2 * mark };
  return (WeftGraphRect) { b->x - b->width / 2, b->y - b->height / 2, b->width, b->height };
}

/* Tries @node's label next to what it covers: over it, under, above, to
 * the right, to the left; takes the first place inside @bounds that
 * meets nothing else (but what @cover, or NULL, allows). */
static gboolean
place_label (Grid                *grid,
             const WeftGraphRect *bounds,
             double               gap,
             const WeftNodeBox   *b,
             const WeftGraphRect *extent,
             guint                node,
             double               width,
             double               height,
             const Cover         *cover,
             WeftGraphRect       *out)
{
  const WeftGraphRect tries[] = {
    { b->x - width / 2, b->y - height / 2, width, height },
    { b->x - width / 2, extent->y + extent->height, width, height },
    { b->x - width / 2, extent->y - height, width, height },
    { extent->x + extent->width, b->y - height / 2, width, height },
    { extent->x - width, b->y - height / 2, width, height },
  };

  for (guint k = 0; k < G_N_ELEMENTS (tries); k++)
    {
      const WeftGraphRect *t = &tries[k];
      WeftGraphRect room = { t->x - gap, t->y - gap, t->width + 2 * gap, t->height + 2 * gap };

      if (t->x < bounds->x || t->y < bounds->y || t->x + t->width > bounds->x + bounds->width ||
          t->y + t->height > bounds->y + bounds->height || grid_hits (grid, &room, (gint) node, cover))
        continue;
      *out = *t;
      grid_add (grid, out, (gint) node);
      return TRUE;
    }
  return FALSE;
}


/* The size of node @i's label: its name at @k times the node font size,
 * in its shape's margins at zoom 1; layout points at @scale. */
static void
label_size (WeftGraphPainter *self,
            WeftGraph        *graph,
            guint             i,
            double            k,
            double            scale,
            double           *width,
            double           *height)
{
  double mx, my;

  style_margin (weft_graph_get_node (graph, i)->style, &mx, &my);
  *width = self->names[i].w * k + 2 * mx / scale;
  *height = self->names[i].h * k + 2 * my / scale;
}

/* The drawing and the margin the fitted view leaves around it, in layout
 * points at @scale: labels stay in it. */
static WeftGraphRect
pane_bounds (WeftLayout *layout,
             double      scale)
{
  double m = WEFT_LAYOUT_FIT_MARGIN / scale;

  return (WeftGraphRect) { -m, -m, weft_layout_get_width (layout) + 2 * m, weft_layout_get_height (layout) + 2 * m };
}

/* The focus of a neighbourhood: its node 0, at distance 0 while others
 * are farther; or -1. */
static gint
focus_node (WeftGraph *graph)
{
  for (guint i = 1; i < weft_graph_get_n_entities (graph); i++)
    if (weft_graph_get_node (graph, i)->hops > 0)
      return 0;
  return -1;
}

/* Edge @i's label at @size points, where it covers nothing in @grid
 * (which takes it); FALSE when it has none or it would cover something. */
static gboolean
try_edge_label (WeftGraphPainter *self,
                Grid             *grid,
                WeftLayout       *layout,
                guint             i,
                double            size,
                double            scale,
                WeftGraphRect    *out)
{
  const WeftEdgePath *path = weft_layout_get_edge (layout, i);
  double k = size / WEFT_GRAPH_NODE_FONT_SIZE, w, h;

  if (!path->has_label || *weft_graph_get_edge (weft_layout_get_graph (layout), i)->label == '\0')
    return FALSE;
  w = self->edge_labels[i].w * k + 2 * LABEL_PAD_X / scale;
  h = self->edge_labels[i].h * k + 2 * LABEL_PAD_Y / scale;
  *out = (WeftGraphRect) { path->label_x - w / 2, path->label_y - h / 2, w, h };
  if (grid_hits (grid, out, -1, NULL))
    return FALSE;
  grid_add (grid, out, -1);
  return TRUE;
}

/* The edge labels that cover no node and no other label, strongest
 * evidence first. */
static void
place_edge_labels (WeftGraphPainter *self,
                   Placement        *p,
                   Grid             *grid,
                   WeftGraph        *graph)
{
  guint n_edges = weft_graph_get_n_edges (graph);
  g_autofree int *strength = g_new (int, MAX (n_edges, 1));
  g_autofree guint *order = NULL;

  /* Relations by evidence, then links. */
  for (guint i = 0; i < n_edges; i++)
    {
      const WeftGraphEdge *e = weft_graph_get_edge (graph, i);

      strength[i] = e->kind == WEFT_EDGE_RELATION ? (int) weft_graph_edge_style (e)->evidence : -1;
    }
  order = order_by (strength, n_edges);
  for (guint m = 0; m < n_edges; m++)
    p->edges[order[m]].has_label = try_edge_label (self, grid, p->layout, order[m], p->edge_size, p->scale,
                                                   &p->edges[order[m]].label);
}

/* Adds what the nodes cover to @grid: all, or those whose @lit is @which;
 * with @rank (or NULL), each node's place by number of links. */
static void
grid_add_nodes (Grid            *grid,
                const Placement *p,
                const gboolean  *lit,
                gboolean         which,
                const guint     *rank)
{
  for (guint i = 0; i < weft_graph_get_n_nodes (weft_layout_get_graph (p->layout)); i++)
    if (lit == NULL || lit[i] == which)
      {
        WeftGraphRect extent = node_extent (weft_layout_get_node (p->layout, i), p->nodes[i].mark);

        grid_add_ranked (grid, &extent, (gint) i, rank != NULL ? (gint) rank[i] : -1);
      }
}

/* Decides what names the scene shows at @scale (see the file's comment). */
static void
place_names (WeftGraphPainter          *self,
             WeftLayout                *layout,
             const WeftGraphPaintState *state,
             double                     scale,
             gboolean                   with_text)
{
  Placement *p = &self->placed;
  WeftGraph *graph = weft_layout_get_graph (layout);
  guint n_nodes = weft_graph_get_n_nodes (graph), n_edges = weft_graph_get_n_edges (graph);
  g_autofree guint *rank = NULL;
  g_autofree gboolean *named = NULL;
  g_autofree gboolean *hidden = NULL;
  gint focus;
  Grid grid;

  if (p->layout == layout && p->scale == scale && p->stamp == state->stamp && p->is_match == state->is_match)
    return;
  placement_clear (p);
  measure_graph (self, graph);
  p->layout = weft_layout_ref (layout);
  p->scale = scale;
  p->stamp = state->stamp;
  p->is_match = state->is_match;
  p->inside = WEFT_GRAPH_NODE_FONT_SIZE * scale >= WEFT_GRAPH_MIN_TEXT_PX - 1e-6;
  p->name_size = WEFT_GRAPH_MIN_TEXT_PX / scale;
  p->edge_size = MAX (WEFT_GRAPH_MIN_TEXT_PX, WEFT_GRAPH_EDGE_FONT_SIZE * scale) / scale;
  p->nodes = g_new0 (NodePlace, MAX (n_nodes, 1));
  p->edges = g_new0 (EdgePlace, MAX (n_edges, 1));

  /* Where names do not fit inside, nodes are marks (and labels). */
  for (guint i = 0; i < n_nodes && !p->inside; i++)
    p->nodes[i].mark = mark_radius_px (weft_graph_get_node (graph, i)) / scale;

  if (!with_text)
    return;

  grid_init (&grid, 0, 0, weft_layout_get_width (layout), weft_layout_get_height (layout), 48 / scale);
  if (!p->inside && n_nodes >= COVER_MIN_NODES)
    {
      rank = g_new (guint, n_nodes);
      named = g_new0 (gboolean, n_nodes);
      hidden = g_new0 (gboolean, n_nodes);
      for (guint m = 0; m < n_nodes; m++)
        rank[self->by_degree[m]] = m;
    }
  grid_add_nodes (&grid, p, NULL, TRUE, rank);

  if (!p->inside)
    {
      double k = p->name_size / WEFT_GRAPH_NODE_FONT_SIZE;
      WeftGraphRect bounds = pane_bounds (layout, scale);
      /* What labels may cover, in layout points squared. */
      double budget = COVER_SHARE * bounds.width * bounds.height;

      /* The focus, then what the search found, then the most connected. */
      focus = focus_node (graph);
      for (guint round = 0; round < 3; round++)
        for (guint m = 0; m < n_nodes; m++)
          {
            guint i = self->by_degree[m];
            gboolean match = state->is_match != NULL && state->is_match[i];
            const WeftNodeBox *b;
            WeftGraphRect extent;
            double w, h;

            if (p->nodes[i].has_label || (round == 0 && (gint) i != focus) || (round == 1 && !match))
              continue;
            /* Under another's label: no label of its own. */
            if (hidden != NULL && hidden[i])
              continue;
            /* Dimmed nodes are not named. */
            if (state->is_match != NULL && !match && (gint) i != focus)
              continue;
            b = weft_layout_get_node (layout, i);
            extent = node_extent (b, p->nodes[i].mark);
            label_size (self, graph, i, k, scale, &w, &h);
            p->nodes[i].has_label = place_label (&grid, &bounds, LABEL_GAP / scale, b, &extent, i, w, h, NULL, &p->nodes[i].label);
            /* Over less connected marks, while the budget lasts. */
            if (!p->nodes[i].has_label && rank != NULL && budget >= w * h)
              {
                /* The focus and the matches over any unnamed mark, the
                 * most connected over those less connected. */
                Cover cover = { round == 2 ? (gint) m : -1, named };

                p->nodes[i].has_label = place_label (&grid, &bounds, LABEL_GAP / scale, b, &extent, i, w, h, &cover,
                                                     &p->nodes[i].label);
                if (p->nodes[i].has_label)
                  {
                    budget -= w * h;
                    grid_query (&grid, &(Query) { p->nodes[i].label, (gint) i, NULL, hidden });
                  }
              }
            if (named != NULL)
              named[i] = p->nodes[i].has_label;
          }
    }

  if (scale >= EDGE_LABEL_SCALE)
    place_edge_labels (self, p, &grid, graph);
  grid_clear (&grid);
}

/* ---- Far out: one path per look --------------------------------------------- */

/* Edges are batched by evidence level, and event and claim links as one
 * more group, and links of entities named together as another. */
#define LINK_GROUP WEFT_N_EVIDENCE
#define TOGETHER_GROUP (WEFT_N_EVIDENCE + 1)

/* A batch: the things of one look, dimmed or not. */
typedef struct {
  WeftGraphPainter          *painter;
  cairo_t                   *cr;
  WeftLayout                *layout;
  WeftGraph                 *graph;
  const WeftGraphPaintState *state;
  const WeftGraphViewport   *viewport;
  int                        group;    /* edges: an evidence level, LINK_GROUP or TOGETHER_GROUP */
  const WeftNodeStyle       *style;    /* nodes */
  gboolean                   dim;
  GArray                    *members;  /* guint: the visible edges or nodes of the batch */
} Batch;

static int
edge_group (const WeftGraphEdge *edge)
{
  if (edge->kind == WEFT_EDGE_TOGETHER)
    return TOGETHER_GROUP;
  return edge->kind == WEFT_EDGE_RELATION ? (int) weft_graph_edge_style (edge)->evidence : LINK_GROUP;
}

static WeftEdgeKind
group_kind (int group)
{
  if (group == TOGETHER_GROUP)
    return WEFT_EDGE_TOGETHER;
  return group == LINK_GROUP ? WEFT_EDGE_PARTICIPANT : WEFT_EDGE_RELATION;
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
  WeftEdgeKind kind = group_kind (batch->group);
  const WeftEdgeStyle *style = weft_graph_style_for_evidence (kind == WEFT_EDGE_RELATION ? batch->group : 0);
  WeftColor color = edge_color (batch->state->palette, kind, style);
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
  set_edge_stroke (cr, &color, kind, style, scale, batch->dim ? 0.25 : 1.0, edge_width (kind, style));
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
}

/* The arrowheads of the batch's edges in one path: filled, or stroked
 * where they are bars. */
static void
draw_arrow_batch (const Batch *batch)
{
  gboolean tee = group_kind (batch->group) == WEFT_EDGE_RELATION &&
                 weft_graph_style_for_evidence (batch->group)->tee;

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

/* The batch's nodes in one path: marks, or shapes where the placement
 * keeps them. */
static void
draw_node_batch (const Batch *batch)
{
  cairo_t *cr = batch->cr;
  const Placement *p = &batch->painter->placed;
  double alpha = batch->dim ? 0.3 : 1.0;
  WeftColor fill, stroke;
  gboolean any_shape = FALSE, any_mark = FALSE;

  node_colors (batch->style, batch->state->palette, &fill, &stroke);
  for (int pass = 0; pass < 2; pass++)
    {
      cairo_new_path (cr);
      for (guint m = 0; m < batch->members->len; m++)
        {
          guint i = g_array_index (batch->members, guint, m);
          const WeftNodeBox *b = weft_layout_get_node (batch->layout, i);

          if ((p->nodes[i].mark > 0) != (pass == 1))
            continue;
          if (pass == 0)
            {
              weft_graph_shape_path (cr, batch->style->shape, b->x, b->y, b->width, b->height);
              any_shape = TRUE;
            }
          else
            {
              cairo_new_sub_path (cr);
              cairo_arc (cr, b->x, b->y, p->nodes[i].mark, 0, 2 * G_PI);
              any_mark = TRUE;
            }
          if (batch->painter->record && pass == 0)
            record_node (batch->painter, cr, i, b, 0, NULL, NULL, 0);
          else if (batch->painter->record)
            record_node (batch->painter, cr, i, b, p->nodes[i].mark, NULL, NULL, 0);
        }
      if (pass == 0 && any_shape)
        {
          weft_color_set_source (cr, &fill, alpha);
          cairo_fill_preserve (cr);
          weft_color_set_source (cr, &stroke, alpha);
          cairo_set_line_width (cr, 1.2);
          cairo_stroke (cr);
        }
      else if (pass == 1 && any_mark)
        {
          weft_color_set_source (cr, &stroke, alpha);
          cairo_fill (cr);
        }
      cairo_new_path (cr);
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

  for (batch->dim = dims; batch->dim >= 0; batch->dim--)
    for (batch->group = 0; batch->group <= TOGETHER_GROUP; batch->group++)
      if (collect_batch (batch, n_edges, edge_in_batch))
        {
          stroke_edge_batch (batch);
          if (arrows)
            draw_arrow_batch (batch);
        }

  for (batch->dim = dims; batch->dim >= 0; batch->dim--)
    for (guint k = 0; k < styles->len; k++)
      {
        batch->style = g_ptr_array_index (styles, k);
        if (collect_batch (batch, n_nodes, node_in_batch))
          draw_node_batch (batch);
      }
}

/* ---- The scene ---------------------------------------------------------------- */

/* The labels the placement kept, over everything else. */
static void
draw_labels (const Pen                 *pen,
             const WeftGraphPaintState *state,
             const WeftGraphRect       *visible)
{
  const Placement *p = &pen->self->placed;
  g_autoptr(PangoLayout) text = make_layout (pen->cr, p->name_size, FALSE);

  for (guint m = 0; m < weft_graph_get_n_nodes (pen->graph); m++)
    {
      guint i = pen->self->by_degree[m];
      const WeftGraphRect *r = &p->nodes[i].label;

      if (p->nodes[i].has_label && rect_intersects (visible, r->x, r->y, r->x + r->width, r->y + r->height))
        draw_label (pen, text, i, r, FALSE, state->is_match != NULL && !state->is_match[i] ? 0.3 : 1.0);
    }
}

static void
draw_edge_label (const Pen           *pen,
                 PangoLayout         *text,
                 guint                index,
                 const WeftGraphRect *r,
                 double               alpha)
{
  const WeftGraphPalette *palette = pen->palette;
  const WeftGraphEdge *edge = weft_graph_get_edge (pen->graph, index);
  cairo_t *cr = pen->cr;
  double scale = pen->scale;
  WeftColor ink = weft_graph_edge_text_color (palette, edge->kind, weft_graph_edge_style (edge));
  PangoRectangle logical;

  /* On the view's own background, so that no line crosses the text. */
  cairo_new_path (cr);
  cairo_rectangle (cr, r->x, r->y, r->width, r->height);
  weft_color_set_source (cr, &palette->background, 0.85 * alpha);
  cairo_fill (cr);
  pango_layout_set_text (text, edge->label, -1);
  pango_layout_get_extents (text, NULL, &logical);
  show_text (pen, text, r->x + LABEL_PAD_X / scale - logical.x / (double) PANGO_SCALE, r->y + LABEL_PAD_Y / scale,
             &ink, alpha, -1, (gint) index);
}

/* Edges with their labels, then nodes with their names. */
static void
draw_scene (WeftGraphPainter          *self,
            cairo_t                   *cr,
            WeftLayout                *layout,
            const WeftGraphPaintState *state,
            const WeftGraphViewport   *viewport,
            gboolean                   with_text)
{
  double scale = viewport->scale;
  const WeftGraphRect *visible = &viewport->visible;
  WeftGraph *graph = weft_layout_get_graph (layout);
  guint n_nodes = weft_graph_get_n_nodes (graph);
  guint n_edges = weft_graph_get_n_edges (graph);
  const gboolean *is_match = state->is_match;
  const Placement *p = &self->placed;
  Pen pen = { self, cr, state->palette, graph, scale };
  g_autoptr(PangoLayout) node_text = NULL;
  g_autoptr(PangoLayout) edge_text = NULL;

  g_array_set_size (self->drawn, 0);
  place_names (self, layout, state, scale, with_text);
  if (scale < BATCH_SCALE)
    {
      Batch batch = { self, cr, layout, graph, state, viewport };

      draw_scene_batched (&batch);
      if (with_text)
        draw_labels (&pen, state, visible);
      return;
    }

  node_text = with_text && p->inside ? make_layout (cr, WEFT_GRAPH_NODE_FONT_SIZE, FALSE) : NULL;
  edge_text = with_text ? make_layout (cr, p->edge_size, FALSE) : NULL;
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  for (guint i = 0; i < n_edges; i++)
    {
      const WeftEdgePath *path = weft_layout_get_edge (layout, i);

      if (edge_visible (path, visible))
        draw_edge (cr, state->palette, weft_graph_get_edge (graph, i), path, scale,
                   edge_dimmed (is_match, weft_graph_get_edge (graph, i)) ? 0.25 : 1.0, 0, NULL);
    }
  for (guint i = 0; with_text && i < n_edges; i++)
    {
      const WeftGraphRect *r = &p->edges[i].label;

      if (p->edges[i].has_label && rect_intersects (visible, r->x, r->y, r->x + r->width, r->y + r->height))
        draw_edge_label (&pen, edge_text, i, r, edge_dimmed (is_match, weft_graph_get_edge (graph, i)) ? 0.3 : 1.0);
    }

  for (guint i = 0; i < n_nodes; i++)
    {
      const WeftNodeBox *b = weft_layout_get_node (layout, i);
      double alpha;
      WeftGraphRect name;

      if (!node_visible (b, visible))
        continue;
      alpha = is_match != NULL && !is_match[i] ? 0.3 : 1.0;
      if (p->nodes[i].mark > 0)
        draw_mark (&pen, i, b, p->nodes[i].mark, alpha);
      else
        draw_shape (&pen, i, b, alpha);
      if (node_text != NULL)
        name = draw_name_inside (&pen, node_text, i, b, alpha);
      if (self->record)
        record_node (self, cr, i, b, p->nodes[i].mark, node_text != NULL ? &name : NULL,
                     p->nodes[i].has_label ? &p->nodes[i].label : NULL,
                     node_text != NULL ? WEFT_GRAPH_NODE_FONT_SIZE : p->name_size);
    }

  if (with_text && !p->inside)
    draw_labels (&pen, state, visible);
}

/* ---- Highlights ------------------------------------------------------------------ */

static void
ring_node (cairo_t         *cr,
           WeftLayout      *layout,
           const Placement *p,
           guint            index,
           const WeftColor *color,
           double           width)
{
  const WeftNodeBox *b = weft_layout_get_node (layout, index);

  cairo_new_path (cr);
  if (p->layout == layout && p->nodes[index].mark > 0)
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, b->x, b->y, p->nodes[index].mark + width, 0, 2 * G_PI);
    }
  else
    weft_graph_shape_path (cr, weft_graph_get_node (weft_layout_get_graph (layout), index)->style->shape,
                           b->x, b->y, b->width + 4, b->height + 4);
  weft_color_set_source (cr, color, 1);
  cairo_set_line_width (cr, width);
  cairo_stroke (cr);
}

/* What a highlight lights up. */
typedef struct {
  gboolean *nodes;     /* by node */
  gboolean *edges;     /* by edge */
  gboolean *hops;      /* by edge: a hop of the path, drawn thick */
  gint      centre;    /* the hovered or selected node, or -1 */
  gboolean  any;
} Lit;

static void
lit_clear (Lit *lit)
{
  g_free (lit->nodes);
  g_free (lit->edges);
  g_free (lit->hops);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Lit, lit_clear)

/* The path's nodes and hops; else the hovered (or selected) node with its
 * neighbours and their edges; else the hovered or selected edge, and the
 * state's lit nodes (an event's participants, a claim's subjects) with
 * the edges among them. */
static void
find_lit (WeftGraph                 *graph,
          const WeftGraphPaintState *state,
          Lit                       *lit)
{
  guint n_nodes = weft_graph_get_n_nodes (graph), n_edges = weft_graph_get_n_edges (graph);
  gint centre = state->hover_node >= 0 ? state->hover_node : state->selected_node;
  gint edge = state->hover_edge >= 0 ? state->hover_edge : state->selected_edge;

  lit->nodes = g_new0 (gboolean, MAX (n_nodes, 1));
  lit->edges = g_new0 (gboolean, MAX (n_edges, 1));
  lit->hops = g_new0 (gboolean, MAX (n_edges, 1));
  lit->centre = -1;

  if (state->path != NULL && state->path->len > 0)
    {
      for (guint i = 0; i < state->path->len; i++)
        {
          WeftHop *hop = g_ptr_array_index (state->path, i);
          gint a = weft_graph_lookup_node (graph, &hop->from->item);
          gint b = weft_graph_lookup_node (graph, &hop->to->item);
          gint e = weft_graph_lookup_edge (graph, hop->via);

          if (a >= 0)
            lit->nodes[a] = TRUE;
          if (b >= 0)
            lit->nodes[b] = TRUE;
          if (e < 0)
            /* A hop through a shared event or claim: its link, if drawn. */
            for (guint k = 0; k < n_edges && a >= 0 && b >= 0; k++)
              {
                const WeftGraphEdge *x = weft_graph_get_edge (graph, k);

                if (x->kind == WEFT_EDGE_TOGETHER && x->item == hop->via &&
                    ((x->tail == (guint) a && x->head == (guint) b) || (x->tail == (guint) b && x->head == (guint) a)))
                  e = (gint) k;
              }
          if (e >= 0)
            lit->edges[e] = lit->hops[e] = TRUE;
        }
      lit->any = TRUE;
      return;
    }

  if (centre >= 0)
    {
      lit->centre = centre;
      lit->nodes[centre] = TRUE;
      for (guint k = 0; k < n_edges; k++)
        {
          const WeftGraphEdge *x = weft_graph_get_edge (graph, k);

          if (x->tail == (guint) centre || x->head == (guint) centre)
            {
              lit->edges[k] = TRUE;
              lit->nodes[x->tail] = lit->nodes[x->head] = TRUE;
            }
        }
      lit->any = TRUE;
    }
  else if (edge >= 0)
    {
      const WeftGraphEdge *x = weft_graph_get_edge (graph, edge);

      lit->edges[edge] = TRUE;
      lit->nodes[x->tail] = lit->nodes[x->head] = TRUE;
      lit->any = TRUE;
    }
  if (centre < 0 && state->lit != NULL)
    {
      for (guint i = 0; i < n_nodes; i++)
        lit->nodes[i] |= state->lit[i];
      for (guint k = 0; k < n_edges; k++)
        {
          const WeftGraphEdge *x = weft_graph_get_edge (graph, k);

          lit->edges[k] |= state->lit[x->tail] && state->lit[x->head];
        }
      lit->any = TRUE;
    }
}

/* The path's hops that have no edge of their own: a dashed line. */
static void
draw_unlinked_hops (cairo_t                   *cr,
                    WeftLayout                *layout,
                    const WeftGraphPaintState *state,
                    const Lit                 *lit,
                    double                     scale)
{
  WeftGraph *graph = weft_layout_get_graph (layout);
  const WeftColor *accent = &state->palette->accent;

  for (guint i = 0; state->path != NULL && i < state->path->len; i++)
    {
      WeftHop *hop = g_ptr_array_index (state->path, i);
      gint a = weft_graph_lookup_node (graph, &hop->from->item);
      gint b = weft_graph_lookup_node (graph, &hop->to->item);
      gboolean linked = weft_graph_lookup_edge (graph, hop->via) >= 0;

      for (guint k = 0; !linked && k < weft_graph_get_n_edges (graph); k++)
        linked = lit->hops[k] && weft_graph_get_edge (graph, k)->item == hop->via;
      if (!linked && a >= 0 && b >= 0)
        {
          const WeftNodeBox *na = weft_layout_get_node (layout, a);
          const WeftNodeBox *nb = weft_layout_get_node (layout, b);
          double dash[2] = { 6 / scale, 4 / scale };

          weft_color_set_source (cr, accent, 1);
          cairo_set_line_width (cr, 3.0 / MIN (scale, 1));
          cairo_set_dash (cr, dash, 2, 0);
          cairo_move_to (cr, na->x, na->y);
          cairo_line_to (cr, nb->x, nb->y);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
    }
}

/* The lit part drawn again over a veil of the background: edges (the
 * path's thick, in the accent colour), nodes, and their names, placed
 * anew among themselves where the scene shows labels. */
static void
draw_lit (WeftGraphPainter          *self,
          cairo_t                   *cr,
          WeftLayout                *layout,
          const WeftGraphPaintState *state,
          const WeftGraphViewport   *viewport,
          const Lit                 *lit)
{
  WeftGraph *graph = weft_layout_get_graph (layout);
  guint n_nodes = weft_graph_get_n_nodes (graph), n_edges = weft_graph_get_n_edges (graph);
  /* The scene's placement at this scale: its marks and text sizes. */
  const Placement *p = &self->placed;
  double scale = viewport->scale;
  const WeftGraphRect *visible = &viewport->visible;
  gboolean inside = p->inside;
  double name_size = inside ? WEFT_GRAPH_NODE_FONT_SIZE : p->name_size;
  g_autoptr(PangoLayout) text = make_layout (cr, name_size, FALSE);
  g_autoptr(PangoLayout) edge_text = make_layout (cr, p->edge_size, FALSE);
  Pen pen = { self, cr, state->palette, graph, scale };
  WeftGraphRect bounds;
  Grid grid;

  /* The veil. */
  cairo_new_path (cr);
  cairo_rectangle (cr, visible->x, visible->y, visible->width, visible->height);
  weft_color_set_source (cr, &state->palette->background, 0.6);
  cairo_fill (cr);

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < n_edges; i++)
    if (lit->edges[i] && edge_visible (weft_layout_get_edge (layout, i), visible))
      draw_edge (cr, state->palette, weft_graph_get_edge (graph, i), weft_layout_get_edge (layout, i), scale, 1.0,
                 lit->hops[i] ? 2.5 : 0, lit->hops[i] ? &state->palette->accent : NULL);
  draw_unlinked_hops (cr, layout, state, lit, scale);

  for (guint i = 0; i < n_nodes; i++)
    {
      const WeftNodeBox *b = weft_layout_get_node (layout, i);

      if (!lit->nodes[i] || !node_visible (b, visible))
        continue;
      if (p->nodes[i].mark > 0)
        draw_mark (&pen, i, b, p->nodes[i].mark, 1.0);
      else
        draw_shape (&pen, i, b, 1.0);
      if (inside)
        draw_name_inside (&pen, text, i, b, 1.0);
    }

  bounds = pane_bounds (layout, scale);
  /* Labels among the lit nodes: the hovered or selected one first (in the
   * accent colour), then the most connected; they may cover the dimmed
   * part, not each other nor a lit node. */
  grid_init (&grid, 0, 0, weft_layout_get_width (layout), weft_layout_get_height (layout), 48 / scale);
  grid_add_nodes (&grid, p, lit->nodes, TRUE, NULL);
  if (!inside)
    for (guint m = 0; m <= n_nodes; m++)
      {
        guint i = m == 0 ? (guint) MAX (lit->centre, 0) : self->by_degree[m - 1];
        const WeftNodeBox *b = weft_layout_get_node (layout, i);
        WeftGraphRect extent = node_extent (b, p->nodes[i].mark), r;
        double k = name_size / WEFT_GRAPH_NODE_FONT_SIZE, w, h;

        if (!lit->nodes[i] || (m == 0 && lit->centre < 0) || (m > 0 && (gint) i == lit->centre))
          continue;
        label_size (self, graph, i, k, scale, &w, &h);
        if (place_label (&grid, &bounds, LABEL_GAP / scale, b, &extent, i, w, h, NULL, &r))
          draw_label (&pen, text, i, &r, (gint) i == lit->centre, 1.0);
      }
  /* Edge labels cover no node at all, lit or not. */
  grid_add_nodes (&grid, p, lit->nodes, FALSE, NULL);
  for (guint i = 0; i < n_edges && scale >= EDGE_LABEL_SCALE; i++)
    {
      WeftGraphRect r;

      if (lit->edges[i] && try_edge_label (self, &grid, layout, i, p->edge_size, scale, &r))
        draw_edge_label (&pen, edge_text, i, &r, 1.0);
    }
  grid_clear (&grid);
}

/* Over the scene: the lit part over a veil, match rings, the selection,
 * the hovered node or edge. */
static void
draw_highlights (WeftGraphPainter          *self,
                 cairo_t                   *cr,
                 WeftLayout                *layout,
                 const WeftGraphPaintState *state,
                 const WeftGraphViewport   *viewport)
{
  double scale = viewport->scale;
  WeftGraph *graph = weft_layout_get_graph (layout);
  const WeftColor *accent = &state->palette->accent;
  const Placement *p = &self->placed;
  WeftColor hover = *accent;
  g_auto(Lit) lit = { 0 };

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  find_lit (graph, state, &lit);
  if (lit.any)
    draw_lit (self, cr, layout, state, viewport, &lit);

  /* Search matches: a ring in the match colour. */
  for (guint i = 0; i < state->n_matches; i++)
    if (node_visible (weft_layout_get_node (layout, state->matches[i]), &viewport->visible))
      ring_node (cr, layout, p, state->matches[i], &state->palette->match, 2.5 / MIN (scale, 1));

  /* The path's ends and stops. */
  for (guint i = 0; state->path != NULL && i < weft_graph_get_n_nodes (graph); i++)
    if (lit.nodes[i])
      ring_node (cr, layout, p, i, accent, 2.5 / MIN (scale, 1));

  /* The selection: the node, or the edge. */
  if (state->selected_node >= 0)
    ring_node (cr, layout, p, state->selected_node, accent, 3.0 / MIN (scale, 1));
  if (state->selected_edge >= 0)
    draw_edge (cr, state->palette, weft_graph_get_edge (graph, state->selected_edge),
               weft_layout_get_edge (layout, state->selected_edge), scale, 1.0, 2.0, accent);

  /* Hover: a thin ring. */
  hover.alpha = 0.6f;
  if (state->hover_node >= 0 && state->hover_node != state->selected_node)
    ring_node (cr, layout, p, state->hover_node, &hover, 2.0 / MIN (scale, 1));
  else if (state->hover_edge >= 0 && state->hover_edge != state->selected_edge)
    draw_edge (cr, state->palette, weft_graph_get_edge (graph, state->hover_edge),
               weft_layout_get_edge (layout, state->hover_edge), scale, 1.0, 1.5, &hover);
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
    draw_scene (self, cr, layout, state, viewport, !(parts & WEFT_GRAPH_PAINT_NO_TEXT));
  if ((parts & WEFT_GRAPH_PAINT_HIGHLIGHTS) && weft_graph_paint_state_has_highlights (state))
    {
      /* The scene's placement at this scale (marks, what is named). */
      place_names (self, layout, state, viewport->scale, !(parts & WEFT_GRAPH_PAINT_NO_TEXT));
      draw_highlights (self, cr, layout, state, viewport);
    }
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
weft_graph_viewport_fit (WeftGraphViewport *viewport,
                         WeftLayout        *layout,
                         double             width,
                         double             height)
{
  double scale = weft_layout_fit_scale (layout, width, height);
  /* Whole pixels, as the window's view keeps them. */
  double x = round ((weft_layout_get_width (layout) / 2 - width / (2 * scale)) * scale) / scale;
  double y = round ((weft_layout_get_height (layout) / 2 - height / (2 * scale)) * scale) / scale;

  weft_graph_viewport_init (viewport, scale, x, y, width, height);
}

void
weft_graph_viewport_apply (const WeftGraphViewport *viewport,
                           cairo_t                 *cr)
{
  cairo_scale (cr, viewport->scale, viewport->scale);
  cairo_translate (cr, -viewport->visible.x, -viewport->visible.y);
}

/* ---- Legend ------------------------------------------------------------------------ */

/* A legend row's sample in @box: the node's shape, or a
 * short edge of that look as seen at twice the size. */
static void
draw_swatch (const Pen             *pen,
             const WeftLegendEntry *entry,
             const WeftGraphRect   *box)
{
  cairo_t *cr = pen->cr;
  const WeftGraphPalette *palette = pen->palette;
  double x = box->x, width = box->width, height = box->height, cy = box->y + height / 2;

  if (entry->node_style != NULL)
    {
      WeftColor fill, stroke;

      node_colors (entry->node_style, palette, &fill, &stroke);
      cairo_new_path (cr);
      weft_graph_shape_path (cr, entry->node_style->shape, x + width / 2, cy, width - 2, height - 2);
      weft_color_set_source (cr, &fill, 1);
      cairo_fill_preserve (cr);
      weft_color_set_source (cr, &stroke, 1);
      cairo_set_line_width (cr, 1.2);
      cairo_stroke (cr);
      if (shape_lines (cr, entry->node_style->shape, x + width / 2, cy, width - 2, height - 2, TRUE))
        {
          cairo_set_line_width (cr, 1.0);
          cairo_stroke (cr);
        }
    }
  else
    {
      gboolean together = entry == weft_graph_legend_together ();
      WeftGraphEdge edge = { .kind = together ? WEFT_EDGE_TOGETHER : WEFT_EDGE_RELATION,
                             .evidence = entry->edge_style->evidence };
      WeftPoint points[4] = { { x, cy }, { x + 6, cy }, { x + width - 12, cy }, { x + width - 6, cy } };
      WeftSpline spline = { points, 4, FALSE, !together, { 0, 0 }, { x + width, cy } };
      WeftEdgePath path = { &spline, 1, FALSE, 0, 0, 0, 0, x, cy - 4, x + width, cy + 4 };

      if (together)
        points[3].x = x + width;
      /* As seen at 2x, where every dash shows. */
      draw_edge (cr, palette, &edge, &path, 2.0, 1.0, 0, NULL);
    }
}

void
weft_graph_painter_draw_legend (WeftGraphPainter       *self,
                                cairo_t                *cr,
                                const WeftGraphPalette *palette,
                                WeftGraph              *graph,
                                WeftGraphRect          *card)
{
  g_autoptr(GPtrArray) rows = weft_graph_legend_rows (graph);
  g_autoptr(PangoLayout) text = NULL;
  const double row = 20, swatch = 30, pad = 8, size = 12;
  double text_width = 0;
  Pen pen;

  card->width = card->height = 0;
  if (rows->len == 0)
    return;

  if (self->context == NULL)
    {
      self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
      set_font_options (self->context);
    }
  if (cr != NULL)
    text = make_layout (cr, size, FALSE);
  else
    {
      PangoFontDescription *font = pango_font_description_from_string (WEFT_GRAPH_FONT);

      text = pango_layout_new (self->context);
      pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
      pango_layout_set_font_description (text, font);
      pango_font_description_free (font);
    }
  pango_layout_set_alignment (text, PANGO_ALIGN_LEFT);
  for (guint i = 0; i < rows->len; i++)
    {
      PangoRectangle logical;

      pango_layout_set_text (text, ((const WeftLegendEntry *) g_ptr_array_index (rows, i))->label, -1);
      pango_layout_get_extents (text, NULL, &logical);
      text_width = MAX (text_width, logical.width / (double) PANGO_SCALE);
    }
  card->width = ceil (text_width + swatch + 3 * pad);
  card->height = rows->len * row + 2 * pad;
  if (cr == NULL)
    return;

  cairo_save (cr);
  cairo_translate (cr, card->x, card->y);
  pen = (Pen) { self, cr, palette, graph, 1 };
  cairo_new_path (cr);
  weft_graph_shape_path (cr, WEFT_NODE_SHAPE_ROUNDED, card->width / 2, card->height / 2, card->width - 1,
                         card->height - 1);
  weft_color_set_source (cr, &palette->legend, 1);
  cairo_fill_preserve (cr);
  weft_color_set_source (cr, &palette->text, 0.15);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  for (guint i = 0; i < rows->len; i++)
    {
      const WeftLegendEntry *entry = g_ptr_array_index (rows, i);
      PangoRectangle logical;

      draw_swatch (&pen, entry, &(WeftGraphRect) { pad, pad + i * row + 2, swatch, row - 4 });
      pango_layout_set_text (text, entry->label, -1);
      pango_layout_get_extents (text, NULL, &logical);
      show_text (&pen, text, 2 * pad + swatch, pad + i * row + (row - logical.height / (double) PANGO_SCALE) / 2,
                 &palette->text, 1.0, -1, -1);
    }
  cairo_restore (cr);
}
