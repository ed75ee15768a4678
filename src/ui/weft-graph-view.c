/* weft-graph-view.c: the relationship graph, drawn by Weft
 *
 * Graphviz places the graph (weft-layout.c, in a worker thread); this
 * widget draws it. The drawing is cut into tiles of TILE pixels at the
 * current zoom, each rendered once into an image and kept as a render
 * node, so a frame only composes the visible tiles; hover, selection,
 * path and search highlights are drawn on top every frame. New tiles are
 * drawn for about TILE_BUDGET_US per frame, the rest in the next frames.
 * While the zoom changes the old tiles are stretched, and new ones are
 * drawn once it settles. Zoomed out, everything of one look is one path
 * (draw_scene_batched()).
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-ui"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "weft-error.h"
#include "weft-graph-view.h"

#define TILE 256
#define TILE_BUDGET_US 5000
#define MIN_SCALE 0.005
#define MAX_SCALE 8.0
#define ZOOM_STEP 1.25
#define SETTLE_MS 180
#define DEFAULT_TIMEOUT_MS 4000
#define PAN_STEP 80.0
#define MINIMAP_WIDTH 180.0
#define HIT_PIXELS 5.0

typedef struct {
  double x, y, w, h;
} Rect;

typedef struct {
  GdkRGBA fg;
  GdkRGBA accent;
  GdkRGBA match;
  gboolean dark;
} Colors;

struct _WeftGraphView
{
  GtkWidget         parent_instance;

  WeftSession      *session;
  GSignalGroup     *session_signals;

  WeftGraph        *graph;
  WeftLayout       *layout;
  GArray           *by_degree;      /* node indices, most connected first, for layout_of_order */
  WeftLayout       *layout_of_order;
  WeftLayoutEngine  engine;
  WeftLayoutEngine  running_engine;
  GCancellable     *cancellable;
  guint             relayout_id;
  guint             timeout_ms;
  gboolean          busy;
  char             *message;
  gboolean          bounded;
  guint             bound;
  gboolean          full_requested;
  gboolean          fit_pending;
  gboolean          fitted;         /* showing the whole layout, as zoom_fit() left it */
  gboolean          show_legend;
  guint             generation;   /* of relayout_now() calls */

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
  double            pointer_x;
  double            pointer_y;
  gboolean          has_pointer;

  /* tiles of the current drawing: (ix, iy) -> GskRenderNode */
  GHashTable       *tiles;
  double            tiles_scale;
  guint             settle_id;
  guint             more_tiles_id;
  GskRenderNode    *minimap;
  GskRenderNode    *legend;
  Colors            colors;

  gint              hover_node;
  gint              hover_edge;
  gint              selected_node;
  gint              selected_edge;
  GArray           *matches;        /* node indices */
  gboolean         *is_match;       /* per node, or NULL without a search */
  guint             find_index;
};

G_DEFINE_FINAL_TYPE (WeftGraphView, weft_graph_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_ENGINE,
  PROP_BUSY,
  PROP_MESSAGE,
  PROP_BOUNDED,
  PROP_BOUND,
  PROP_TIMEOUT,
  PROP_SCALE,
  PROP_SHOW_LEGEND,
  N_PROPS
};

enum {
  EXPORT,
  LAYOUT_DONE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void schedule_relayout (WeftGraphView *self);
static void update_accessible (WeftGraphView *self);

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
rgba_from_rgb (GdkRGBA *out,
               guint32  rgb,
               float    alpha)
{
  out->red = ((rgb >> 16) & 0xff) / 255.f;
  out->green = ((rgb >> 8) & 0xff) / 255.f;
  out->blue = (rgb & 0xff) / 255.f;
  out->alpha = alpha;
}

static void
clear_tiles (WeftGraphView *self)
{
  g_hash_table_remove_all (self->tiles);
  g_clear_pointer (&self->minimap, gsk_render_node_unref);
  g_clear_pointer (&self->legend, gsk_render_node_unref);
}

static gboolean
rect_intersects (const Rect *a,
                 double      x1,
                 double      y1,
                 double      x2,
                 double      y2)
{
  return x2 >= a->x && x1 <= a->x + a->w && y2 >= a->y && y1 <= a->y + a->h;
}

static void
node_rect (const WeftNodeBox *b,
           double            *x1,
           double            *y1,
           double            *x2,
           double            *y2)
{
  *x1 = b->x - b->width / 2;
  *y1 = b->y - b->height / 2;
  *x2 = b->x + b->width / 2;
  *y2 = b->y + b->height / 2;
}

/* ---- Colours -------------------------------------------------------------- */

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void
read_colors (WeftGraphView *self,
             Colors        *c)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  gtk_style_context_get_color (context, &c->fg);
  if (!gtk_style_context_lookup_color (context, "accent_color", &c->accent))
    gdk_rgba_parse (&c->accent, "#3584e4");
  c->dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  gdk_rgba_parse (&c->match, c->dark ? "#f8e45c" : "#e5a50a");
}
G_GNUC_END_IGNORE_DEPRECATIONS

static gboolean
colors_equal (const Colors *a,
              const Colors *b)
{
  return gdk_rgba_equal (&a->fg, &b->fg) && gdk_rgba_equal (&a->accent, &b->accent) && a->dark == b->dark;
}

static void
set_source_rgba_alpha (cairo_t       *cr,
                       const GdkRGBA *c,
                       double         alpha)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha * alpha);
}

/* ---- Drawing the graph (into tiles, the minimap, benchmarks) -------------- */

static void
shape_path (cairo_t       *cr,
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

static void
edge_color (const Colors        *c,
            const WeftGraphEdge *edge,
            const WeftEdgeStyle *style,
            GdkRGBA             *out)
{
  if (edge->kind != WEFT_EDGE_RELATION || style->grey)
    {
      *out = c->fg;
      out->alpha *= 0.4f;
    }
  else if (style->red)
    gdk_rgba_parse (out, c->dark ? "#ff7b63" : "#c01c28");
  else
    {
      *out = c->fg;
      out->alpha *= 0.75f;
    }
}

/* Dashes finer than a few pixels cannot be seen, and cost the stroker a
 * segment each: below that, a fainter solid line stands for them. */
static gboolean
dash_visible (const WeftEdgeStyle *style,
              double               scale)
{
  return (style->dash[0] + style->dash[1]) * scale >= 3.0;
}

static void
draw_edge (cairo_t             *cr,
           const Colors        *c,
           const WeftGraphEdge *edge,
           const WeftEdgePath  *path,
           double               scale,
           double               alpha,
           double               width_boost,
           const GdkRGBA       *override)
{
  const WeftEdgeStyle *style = weft_graph_style_for_evidence (edge->evidence);
  gboolean relation = edge->kind == WEFT_EDGE_RELATION;
  GdkRGBA color;
  double width = relation ? style->penwidth : 0.8;

  if (override != NULL)
    color = *override;
  else
    edge_color (c, edge, style, &color);

  set_source_rgba_alpha (cr, &color, alpha);
  cairo_set_line_width (cr, width + width_boost);
  cairo_set_dash (cr, NULL, 0, 0);
  if (relation && style->dash[0] > 0)
    {
      if (dash_visible (style, scale))
        cairo_set_dash (cr, style->dash, 2, 0);
      else
        set_source_rgba_alpha (cr, &color, alpha * 0.55);
    }

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

static PangoLayout *
make_layout (cairo_t *cr,
             double   size)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("DejaVu Sans");
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

static void
draw_text_centered (cairo_t     *cr,
                    PangoLayout *layout,
                    const char  *text,
                    double       x,
                    double       y)
{
  PangoRectangle ink, logical;

  /* Plain text, never markup. */
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_extents (layout, &ink, &logical);
  cairo_move_to (cr, x - logical.width / (2.0 * PANGO_SCALE), y - logical.height / (2.0 * PANGO_SCALE));
  pango_cairo_show_layout (cr, layout);
}

static void
draw_node (cairo_t             *cr,
           const Colors        *c,
           const WeftGraphNode *node,
           const WeftNodeBox   *b,
           PangoLayout         *text,
           double               alpha,
           gboolean             simple)
{
  guint32 fill, stroke;
  GdkRGBA fill_rgba, stroke_rgba;

  weft_node_style_colors (node->style, c->dark, &fill, &stroke);
  rgba_from_rgb (&fill_rgba, fill, 1);
  rgba_from_rgb (&stroke_rgba, stroke, 1);

  if (simple)
    {
      set_source_rgba_alpha (cr, &stroke_rgba, alpha);
      cairo_rectangle (cr, b->x - b->width / 2, b->y - b->height / 2, b->width, b->height);
      cairo_fill (cr);
      return;
    }

  cairo_new_path (cr);
  shape_path (cr, node->style->shape, b->x, b->y, b->width, b->height);
  set_source_rgba_alpha (cr, &fill_rgba, alpha);
  cairo_fill_preserve (cr);
  set_source_rgba_alpha (cr, &stroke_rgba, alpha);
  cairo_set_line_width (cr, 1.2);
  cairo_stroke (cr);

  if (text != NULL)
    {
      g_autofree char *label = g_strconcat (node->style->glyph, " ", node->label, NULL);
      PangoAttrList *attrs = pango_attr_list_new ();
      PangoAttribute *attr = pango_attr_foreground_new (stroke_rgba.red * 65535, stroke_rgba.green * 65535,
                                                        stroke_rgba.blue * 65535);

      /* The glyph in the kind's colour, the name in the text colour. */
      attr->start_index = 0;
      attr->end_index = strlen (node->style->glyph);
      pango_attr_list_insert (attrs, attr);
      pango_layout_set_attributes (text, attrs);
      set_source_rgba_alpha (cr, &c->fg, alpha);
      draw_text_centered (cr, text, label, b->label_x, b->label_y);
      pango_layout_set_attributes (text, NULL);
      pango_attr_list_unref (attrs);
    }
}

/* Below this scale nothing has a readable label, and everything of one
 * look is drawn as one path: a stroke per edge style instead of one per
 * edge, a fill per node style instead of one per node. */
#define BATCH_SCALE 0.35

/* The chord through a spline's on-curve points: at this size no one can
 * tell it from the curve, and it costs the rasteriser far less. */
static void
spline_chords (cairo_t          *cr,
               const WeftSpline *s)
{
  cairo_move_to (cr, s->points[0].x, s->points[0].y);
  for (guint k = 3; k < s->n_points; k += 3)
    cairo_line_to (cr, s->points[k].x, s->points[k].y);
}

static void
draw_scene_batched (cairo_t        *cr,
                    WeftLayout     *layout,
                    const Colors   *c,
                    const gboolean *is_match,
                    double          scale,
                    const Rect     *visible)
{
  WeftGraph *graph = weft_layout_get_graph (layout);
  guint n_nodes = weft_graph_get_n_nodes (graph);
  guint n_edges = weft_graph_get_n_edges (graph);
  gboolean arrows = 7.0 * scale >= 1.5;
  g_autoptr(GPtrArray) styles = g_ptr_array_new ();

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  /* Edges: one group per evidence level (and one for event and claim
   * links), dimmed or not. */
  for (int dim = 0; dim <= (is_match != NULL); dim++)
    for (int group = 0; group <= WEFT_N_EVIDENCE; group++)
      {
        const WeftGraphEdge *any = NULL;
        const WeftEdgeStyle *style = weft_graph_style_for_evidence (group < WEFT_N_EVIDENCE ? group : 0);
        double alpha = dim ? 0.25 : 1.0;
        GdkRGBA color;
        gboolean tee = FALSE;

        cairo_new_path (cr);
        for (guint i = 0; i < n_edges; i++)
          {
            const WeftGraphEdge *edge = weft_graph_get_edge (graph, i);
            const WeftEdgePath *path = weft_layout_get_edge (layout, i);
            int edge_group = edge->kind == WEFT_EDGE_RELATION ? (int) edge->evidence : WEFT_N_EVIDENCE;
            gboolean dimmed = is_match != NULL && !is_match[edge->tail] && !is_match[edge->head];

            if (edge_group != group || dimmed != dim ||
                !rect_intersects (visible, path->x1, path->y1, path->x2, path->y2))
              continue;
            any = edge;
            for (guint j = 0; j < path->n_splines; j++)
              if (scale < 0.25)
                spline_chords (cr, &path->splines[j]);
              else
                spline_path (cr, &path->splines[j]);
          }
        if (any == NULL)
          continue;

        edge_color (c, any, style, &color);
        set_source_rgba_alpha (cr, &color, alpha);
        cairo_set_line_width (cr, group < WEFT_N_EVIDENCE ? style->penwidth : 0.8);
        if (group < WEFT_N_EVIDENCE && style->dash[0] > 0)
          {
            if (dash_visible (style, scale))
              cairo_set_dash (cr, style->dash, 2, 0);
            else
              set_source_rgba_alpha (cr, &color, alpha * 0.55);
          }
        cairo_stroke (cr);
        cairo_set_dash (cr, NULL, 0, 0);

        if (!arrows)
          continue;
        tee = group < WEFT_N_EVIDENCE && style->tee;
        for (guint i = 0; i < n_edges; i++)
          {
            const WeftGraphEdge *edge = weft_graph_get_edge (graph, i);
            const WeftEdgePath *path = weft_layout_get_edge (layout, i);
            int edge_group = edge->kind == WEFT_EDGE_RELATION ? (int) edge->evidence : WEFT_N_EVIDENCE;
            gboolean dimmed = is_match != NULL && !is_match[edge->tail] && !is_match[edge->head];

            if (edge_group != group || dimmed != dim ||
                !rect_intersects (visible, path->x1, path->y1, path->x2, path->y2))
              continue;
            for (guint j = 0; j < path->n_splines; j++)
              {
                const WeftSpline *sp = &path->splines[j];

                if (sp->has_end_arrow)
                  arrow_path (cr, &sp->points[sp->n_points - 1], &sp->end_tip, tee);
                if (sp->has_start_arrow)
                  arrow_path (cr, &sp->points[0], &sp->start_tip, FALSE);
              }
          }
        if (tee)
          cairo_stroke (cr);
        else
          cairo_fill (cr);
      }

  /* Nodes: one group per style, dimmed or not. */
  for (guint i = 0; i < n_nodes; i++)
    {
      const WeftNodeStyle *style = weft_graph_get_node (graph, i)->style;

      if (!g_ptr_array_find (styles, style, NULL))
        g_ptr_array_add (styles, (gpointer) style);
    }
  for (int dim = 0; dim <= (is_match != NULL); dim++)
    for (guint k = 0; k < styles->len; k++)
      {
        const WeftNodeStyle *style = g_ptr_array_index (styles, k);
        gboolean simple = 22 * scale < 6.0;
        gboolean any = FALSE;
        guint32 fill, stroke;
        GdkRGBA fill_rgba, stroke_rgba;

        cairo_new_path (cr);
        for (guint i = 0; i < n_nodes; i++)
          {
            const WeftNodeBox *b = weft_layout_get_node (layout, i);
            double x1, y1, x2, y2;

            if (weft_graph_get_node (graph, i)->style != style ||
                (is_match != NULL && !is_match[i]) != dim)
              continue;
            node_rect (b, &x1, &y1, &x2, &y2);
            if (!rect_intersects (visible, x1, y1, x2, y2))
              continue;
            any = TRUE;
            if (simple)
              cairo_rectangle (cr, x1, y1, b->width, b->height);
            else
              shape_path (cr, style->shape, b->x, b->y, b->width, b->height);
          }
        if (!any)
          continue;

        weft_node_style_colors (style, c->dark, &fill, &stroke);
        rgba_from_rgb (&fill_rgba, fill, 1);
        rgba_from_rgb (&stroke_rgba, stroke, 1);
        set_source_rgba_alpha (cr, simple ? &stroke_rgba : &fill_rgba, dim ? 0.3 : 1.0);
        if (simple)
          cairo_fill (cr);
        else
          {
            cairo_fill_preserve (cr);
            set_source_rgba_alpha (cr, &stroke_rgba, dim ? 0.3 : 1.0);
            cairo_set_line_width (cr, 1.2);
            cairo_stroke (cr);
          }
      }
}

/* Draws everything of @layout that meets @visible (layout points) at
 * @scale pixels per point. Cheaper forms when things get small. */
static void
draw_scene (cairo_t       *cr,
            WeftLayout    *layout,
            const Colors  *c,
            const gboolean *is_match,
            double         scale,
            const Rect    *visible)
{
  WeftGraph *graph = weft_layout_get_graph (layout);
  guint n_nodes = weft_graph_get_n_nodes (graph);
  guint n_edges = weft_graph_get_n_edges (graph);
  /* Smaller than this, snapshot_overview_names() names the nodes instead. */
  gboolean node_labels = 10.0 * scale >= 7.0;
  gboolean edge_labels = 8.0 * scale >= 5.0;
  g_autoptr(PangoLayout) node_text = node_labels ? make_layout (cr, 10) : NULL;
  g_autoptr(PangoLayout) edge_text = edge_labels ? make_layout (cr, 8) : NULL;

  if (scale < BATCH_SCALE)
    {
      draw_scene_batched (cr, layout, c, is_match, scale, visible);
      return;
    }

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  for (guint i = 0; i < n_edges; i++)
    {
      const WeftEdgePath *path = weft_layout_get_edge (layout, i);
      const WeftGraphEdge *edge;
      double alpha = 1.0;

      if (!rect_intersects (visible, path->x1, path->y1, path->x2, path->y2))
        continue;
      edge = weft_graph_get_edge (graph, i);
      if (is_match != NULL && !is_match[edge->tail] && !is_match[edge->head])
        alpha = 0.25;
      draw_edge (cr, c, edge, path, scale, alpha, 0, NULL);

      if (edge_labels && path->has_label && *edge->label != '\0')
        {
          const WeftEdgeStyle *style = weft_graph_style_for_evidence (edge->evidence);
          GdkRGBA color;

          edge_color (c, edge, style, &color);
          set_source_rgba_alpha (cr, &color, alpha);
          draw_text_centered (cr, edge_text, edge->label, path->label_x, path->label_y);
        }
    }

  for (guint i = 0; i < n_nodes; i++)
    {
      const WeftNodeBox *b = weft_layout_get_node (layout, i);
      double x1, y1, x2, y2;
      gboolean simple = b->height * scale < 3.0;

      node_rect (b, &x1, &y1, &x2, &y2);
      if (!rect_intersects (visible, x1, y1, x2, y2))
        continue;
      draw_node (cr, c, weft_graph_get_node (graph, i), b, node_text,
                 is_match != NULL && !is_match[i] ? 0.3 : 1.0, simple);
    }
}

/* ---- Tiles ------------------------------------------------------------------ */

static GskRenderNode *
render_tile (WeftGraphView *self,
             int            ix,
             int            iy,
             double         scale)
{
  int factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, TILE * factor, TILE * factor);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (ix * TILE, iy * TILE, TILE, TILE);
  Rect visible = { ix * TILE / scale, iy * TILE / scale, TILE / scale, TILE / scale };
  GskRenderNode *node;
  cairo_t *cr;

  cairo_surface_set_device_scale (surface, factor, factor);
  cr = cairo_create (surface);
  cairo_translate (cr, -ix * TILE, -iy * TILE);
  cairo_scale (cr, scale, scale);
  draw_scene (cr, self->layout, &self->colors, self->is_match, scale, &visible);
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
             * so no frame takes long; the rest come in the next frames. */
            if (drawn > 0 && g_get_monotonic_time () >= deadline)
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

  if (missing && self->more_tiles_id == 0)
    self->more_tiles_id = g_idle_add_full (G_PRIORITY_LOW, draw_more_tiles, self, NULL);
}

/* ---- Overlays ---------------------------------------------------------------- */

static void
highlight_node (cairo_t             *cr,
                const WeftGraphNode *node,
                const WeftNodeBox   *b,
                const GdkRGBA       *color,
                double               width)
{
  cairo_new_path (cr);
  shape_path (cr, node->style->shape, b->x, b->y, b->width + 4, b->height + 4);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_set_line_width (cr, width);
  cairo_stroke (cr);
}

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

/* Zoomed out, the drawn labels are too small to read: name the most
 * connected nodes in screen-sized text instead, as many as fit without
 * overlapping each other or the pills of the nodes in @skip. */
#define MAX_OVERVIEW_NAMES 80

static void
snapshot_overview_names (WeftGraphView *self,
                         GtkSnapshot   *snapshot,
                         PangoLayout   *text,
                         int            width,
                         int            height,
                         GArray        *skip)
{
  WeftGraph *graph = weft_layout_get_graph (self->layout);
  guint n = weft_graph_get_n_nodes (graph);
  g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (Box));
  g_autoptr(GHashTable) skipped = g_hash_table_new (NULL, NULL);
  PangoFontDescription *font;
  guint shown = 0;

  if (self->layout_of_order != self->layout)
    {
      g_clear_pointer (&self->by_degree, g_array_unref);
      self->by_degree = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
      for (guint i = 0; i < n; i++)
        g_array_append_val (self->by_degree, i);
      g_array_sort_with_data (self->by_degree, compare_degree, graph);
      self->layout_of_order = self->layout;
    }

  for (guint i = 0; i < skip->len; i++)
    g_hash_table_add (skipped, GINT_TO_POINTER (g_array_index (skip, gint, i)));

  font = pango_font_description_new ();
  pango_font_description_set_size (font, 8.5 * PANGO_SCALE);
  pango_layout_set_font_description (text, font);

  for (guint i = 0; i < self->by_degree->len && shown < MAX_OVERVIEW_NAMES; i++)
    {
      guint node = g_array_index (self->by_degree, guint, i);
      const WeftNodeBox *b = weft_layout_get_node (self->layout, node);
      double x = (b->x - self->ox) * self->scale;
      double y = (b->y + b->height / 2 - self->oy) * self->scale;
      int tw, th;
      Box box;

      if (g_hash_table_contains (skipped, GINT_TO_POINTER (node)))
        continue;
      if (x < -100 || x > width + 100 || y < -20 || y > height + 20)
        continue;

      /* Plain text, never markup. */
      pango_layout_set_text (text, weft_graph_get_node (graph, node)->label, -1);
      pango_layout_get_pixel_size (text, &tw, &th);
      box = (Box) { round (x - tw / 2.0) - 2, round (y + 1), tw + 4, th };
      /* Keep names near the edge of the view whole. */
      box.x = CLAMP (box.x, 0, MAX (0, width - box.w));
      if (box_overlaps (boxes, &box))
        continue;
      g_array_append_val (boxes, box);
      shown++;

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (box.x + 2, box.y));
      gtk_snapshot_append_layout (snapshot, text, &self->colors.fg);
      gtk_snapshot_restore (snapshot);
    }

  pango_layout_set_font_description (text, NULL);
  pango_font_description_free (font);
}

/* When labels are too small to read, the nodes that matter (selected,
 * hovered, found) get their name in a readable pill above them. */
static void
snapshot_pills (WeftGraphView *self,
                GtkSnapshot   *snapshot,
                int            width,
                int            height)
{
  WeftGraph *graph = weft_layout_get_graph (self->layout);
  g_autoptr(GArray) wanted = g_array_new (FALSE, FALSE, sizeof (gint));
  PangoLayout *text;
  GdkRGBA bg;

  if (10.0 * self->scale >= 7.0)
    return;

  for (guint i = 0; i < self->matches->len && i < 40; i++)
    g_array_append_val (wanted, g_array_index (self->matches, guint, i));
  if (self->session != NULL && weft_session_get_path (self->session) != NULL)
    {
      GPtrArray *path = weft_session_get_path (self->session);

      for (guint i = 0; i < path->len; i++)
        {
          WeftHop *hop = g_ptr_array_index (path, i);
          gint a = weft_graph_lookup_node (graph, &hop->from->item);
          gint b = weft_graph_lookup_node (graph, &hop->to->item);

          if (i == 0 && a >= 0)
            g_array_append_val (wanted, a);
          if (b >= 0)
            g_array_append_val (wanted, b);
        }
    }
  if (self->hover_node >= 0)
    g_array_append_val (wanted, self->hover_node);
  if (self->selected_node >= 0)
    g_array_append_val (wanted, self->selected_node);
  text = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  snapshot_overview_names (self, snapshot, text, width, height, wanted);
  if (wanted->len == 0)
    {
      g_object_unref (text);
      return;
    }

  bg = self->colors.dark ? (GdkRGBA) { 0.2f, 0.2f, 0.2f, 0.95f } : (GdkRGBA) { 1, 1, 1, 0.95f };
  for (guint i = 0; i < wanted->len; i++)
    {
      gint n = g_array_index (wanted, gint, i);
      const WeftNodeBox *b = weft_layout_get_node (self->layout, n);
      double x = (b->x - self->ox) * self->scale;
      double y = (b->y - b->height / 2 - self->oy) * self->scale;
      gboolean strong = n == self->selected_node || n == self->hover_node;
      GskRoundedRect pill;
      int tw, th;

      if (x < -200 || x > width + 200 || y < -50 || y > height + 50)
        continue;
      /* Plain text, never markup. */
      pango_layout_set_text (text, weft_graph_get_node (graph, n)->label, -1);
      pango_layout_get_pixel_size (text, &tw, &th);
      gsk_rounded_rect_init_from_rect (&pill, &GRAPHENE_RECT_INIT (round (x - tw / 2.0 - 6), round (y - th - 8),
                                                                   tw + 12, th + 4), (th + 4) / 2.0);
      gtk_snapshot_push_rounded_clip (snapshot, &pill);
      gtk_snapshot_append_color (snapshot, strong ? &self->colors.accent : &bg, &pill.bounds);
      gtk_snapshot_pop (snapshot);
      gtk_snapshot_append_border (snapshot, &pill, (float[4]) { 1, 1, 1, 1 },
                                  (GdkRGBA[4]) { self->colors.match, self->colors.match,
                                                 self->colors.match, self->colors.match });
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (round (x - tw / 2.0), round (y - th - 6)));
      gtk_snapshot_append_layout (snapshot, text, strong ? &(GdkRGBA) { 1, 1, 1, 1 } : &self->colors.fg);
      gtk_snapshot_restore (snapshot);
    }
  g_object_unref (text);
}

static void
snapshot_overlay (WeftGraphView *self,
                  GtkSnapshot   *snapshot,
                  int            width,
                  int            height)
{
  WeftGraph *graph = weft_layout_get_graph (self->layout);
  double s = self->scale;
  Rect visible = { self->ox, self->oy, width / s, height / s };
  GPtrArray *path = self->session ? weft_session_get_path (self->session) : NULL;
  cairo_t *cr;
  GdkRGBA hover;

  if (self->hover_node < 0 && self->hover_edge < 0 && self->selected_node < 0 &&
      self->selected_edge < 0 && path == NULL && self->matches->len == 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_scale (cr, s, s);
  cairo_translate (cr, -self->ox, -self->oy);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  /* Search matches: a ring in the match colour. */
  for (guint i = 0; i < self->matches->len; i++)
    {
      guint n = g_array_index (self->matches, guint, i);
      const WeftNodeBox *b = weft_layout_get_node (self->layout, n);
      double x1, y1, x2, y2;

      node_rect (b, &x1, &y1, &x2, &y2);
      if (rect_intersects (&visible, x1, y1, x2, y2))
        highlight_node (cr, weft_graph_get_node (graph, n), b, &self->colors.match, 2.5 / MIN (s, 1) );
    }

  /* The path: its hops in the accent colour. */
  for (guint i = 0; path != NULL && i < path->len; i++)
    {
      WeftHop *hop = g_ptr_array_index (path, i);
      gint a = weft_graph_lookup_node (graph, &hop->from->item);
      gint b = weft_graph_lookup_node (graph, &hop->to->item);
      gint e = weft_graph_lookup_edge (graph, hop->via);

      if (e >= 0)
        draw_edge (cr, &self->colors, weft_graph_get_edge (graph, e), weft_layout_get_edge (self->layout, e),
                   s, 1.0, 2.0, &self->colors.accent);
      else if (a >= 0 && b >= 0)
        {
          /* A shared event or claim: no edge of its own, a dashed line. */
          const WeftNodeBox *na = weft_layout_get_node (self->layout, a);
          const WeftNodeBox *nb = weft_layout_get_node (self->layout, b);
          double dash[2] = { 6 / s, 4 / s };

          gdk_cairo_set_source_rgba (cr, &self->colors.accent);
          cairo_set_line_width (cr, 2.0 / MIN (s, 1));
          cairo_set_dash (cr, dash, 2, 0);
          cairo_move_to (cr, na->x, na->y);
          cairo_line_to (cr, nb->x, nb->y);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      if (a >= 0)
        highlight_node (cr, weft_graph_get_node (graph, a), weft_layout_get_node (self->layout, a),
                        &self->colors.accent, 2.5);
      if (b >= 0)
        highlight_node (cr, weft_graph_get_node (graph, b), weft_layout_get_node (self->layout, b),
                        &self->colors.accent, 2.5);
    }

  /* The selection: the node and its edges, or the edge. */
  if (self->selected_node >= 0)
    {
      for (guint i = 0; i < weft_graph_get_n_edges (graph); i++)
        {
          const WeftGraphEdge *edge = weft_graph_get_edge (graph, i);

          if (edge->tail == (guint) self->selected_node || edge->head == (guint) self->selected_node)
            draw_edge (cr, &self->colors, edge, weft_layout_get_edge (self->layout, i), s, 1.0, 1.2,
                       &self->colors.accent);
        }
      highlight_node (cr, weft_graph_get_node (graph, self->selected_node),
                      weft_layout_get_node (self->layout, self->selected_node), &self->colors.accent, 3.0);
    }
  if (self->selected_edge >= 0)
    draw_edge (cr, &self->colors, weft_graph_get_edge (graph, self->selected_edge),
               weft_layout_get_edge (self->layout, self->selected_edge), s, 1.0, 2.0, &self->colors.accent);

  /* Hover: a thin ring. */
  hover = self->colors.accent;
  hover.alpha = 0.6f;
  if (self->hover_node >= 0 && self->hover_node != self->selected_node)
    highlight_node (cr, weft_graph_get_node (graph, self->hover_node),
                    weft_layout_get_node (self->layout, self->hover_node), &hover, 2.0);
  else if (self->hover_edge >= 0 && self->hover_edge != self->selected_edge)
    draw_edge (cr, &self->colors, weft_graph_get_edge (graph, self->hover_edge),
               weft_layout_get_edge (self->layout, self->hover_edge), s, 1.0, 1.5, &hover);

  cairo_destroy (cr);
}

static void
snapshot_minimap (WeftGraphView *self,
                  GtkSnapshot   *snapshot,
                  int            width,
                  int            height)
{
  double lw = weft_layout_get_width (self->layout);
  double lh = weft_layout_get_height (self->layout);
  double s = self->scale;
  double view_w = width / s, view_h = height / s;
  double mw, mh, ms, x0, y0;
  cairo_t *cr;

  /* Only when much of the graph is out of sight. */
  if (view_w * view_h > 0.5 * lw * lh || lw <= 0 || lh <= 0)
    return;

  ms = MIN (MINIMAP_WIDTH / lw, MINIMAP_WIDTH * 0.75 / lh);
  mw = lw * ms;
  mh = lh * ms;
  if (mw + 24 > width || mh + 24 > height)
    return;
  x0 = width - mw - 12;
  y0 = height - mh - 12;

  if (self->minimap == NULL)
    {
      /* Drawn once into an image: replaying the vector drawing of a big
       * graph every frame would cost as much as drawing it. */
      int factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
      int iw = (int) ceil (mw), ih = (int) ceil (mh);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, iw * factor, ih * factor);
      Rect all = { -1, -1, lw + 2, lh + 2 };
      GdkRGBA bg;

      cairo_surface_set_device_scale (surface, factor, factor);
      bg = self->colors.dark ? (GdkRGBA) { 0.12f, 0.12f, 0.12f, 0.92f } : (GdkRGBA) { 1, 1, 1, 0.92f };
      cr = cairo_create (surface);
      gdk_cairo_set_source_rgba (cr, &bg);
      cairo_paint (cr);
      cairo_scale (cr, ms, ms);
      draw_scene (cr, self->layout, &self->colors, NULL, ms, &all);
      cairo_destroy (cr);

      self->minimap = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (0, 0, iw, ih));
      cr = gsk_cairo_node_get_draw_context (self->minimap);
      cairo_set_source_surface (cr, surface, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x0, y0));
  gtk_snapshot_append_node (snapshot, self->minimap);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (-1, -1, mw + 2, mh + 2));
  set_source_rgba_alpha (cr, &self->colors.fg, 0.3);
  cairo_set_line_width (cr, 1);
  cairo_rectangle (cr, -0.5, -0.5, mw + 1, mh + 1);
  cairo_stroke (cr);
  gdk_cairo_set_source_rgba (cr, &self->colors.accent);
  cairo_set_line_width (cr, 1.5);
  cairo_rectangle (cr, CLAMP (self->ox * ms, 0, mw), CLAMP (self->oy * ms, 0, mh),
                   MIN (view_w * ms, mw), MIN (view_h * ms, mh));
  cairo_stroke (cr);
  cairo_destroy (cr);
  gtk_snapshot_restore (snapshot);
}

/* The legend: the node kinds and evidence levels this graph has. */
static void
snapshot_legend (WeftGraphView *self,
                 GtkSnapshot   *snapshot)
{
  WeftGraph *graph = weft_layout_get_graph (self->layout);
  guint n_entries;
  const WeftLegendEntry *entries = weft_graph_legend (&n_entries);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  gboolean styles_seen[WEFT_N_ENTITY_KINDS + 2 + WEFT_N_EVIDENCE] = { FALSE };
  PangoLayout *text;
  const double row = 18, swatch = 26, pad = 8;
  double width = 0, height;
  GdkRGBA bg;
  cairo_t *cr;

  for (guint i = 0; i < n_entries; i++)
    {
      for (guint n = 0; !styles_seen[i] && entries[i].node_style != NULL && n < weft_graph_get_n_nodes (graph); n++)
        styles_seen[i] = weft_graph_get_node (graph, n)->style == entries[i].node_style;
      for (guint e = 0; !styles_seen[i] && entries[i].edge_style != NULL && e < weft_graph_get_n_edges (graph); e++)
        styles_seen[i] = weft_graph_get_edge (graph, e)->kind == WEFT_EDGE_RELATION &&
                         weft_graph_get_edge (graph, e)->evidence == entries[i].edge_style->evidence;
      if (styles_seen[i])
        g_ptr_array_add (rows, (gpointer) &entries[i]);
    }
  if (rows->len == 0)
    return;

  text = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      int tw;

      pango_layout_set_text (text, ((const WeftLegendEntry *) g_ptr_array_index (rows, i))->label, -1);
      pango_layout_get_pixel_size (text, &tw, NULL);
      width = MAX (width, tw);
    }
  width += swatch + 3 * pad;
  height = rows->len * row + 2 * pad;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (12, 12));
  bg = self->colors.dark ? (GdkRGBA) { 0.16f, 0.16f, 0.16f, 0.9f } : (GdkRGBA) { 1, 1, 1, 0.9f };
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  shape_path (cr, WEFT_NODE_SHAPE_ROUNDED, width / 2, height / 2, width - 1, height - 1);
  gdk_cairo_set_source_rgba (cr, &bg);
  cairo_fill_preserve (cr);
  set_source_rgba_alpha (cr, &self->colors.fg, 0.15);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  for (guint i = 0; i < rows->len; i++)
    {
      const WeftLegendEntry *entry = g_ptr_array_index (rows, i);
      double y = pad + i * row + row / 2;

      if (entry->node_style != NULL)
        {
          guint32 fill, stroke;
          GdkRGBA f, st;

          weft_node_style_colors (entry->node_style, self->colors.dark, &fill, &stroke);
          rgba_from_rgb (&f, fill, 1);
          rgba_from_rgb (&st, stroke, 1);
          cairo_new_path (cr);
          shape_path (cr, entry->node_style->shape, pad + swatch / 2, y, swatch - 4, row - 6);
          gdk_cairo_set_source_rgba (cr, &f);
          cairo_fill_preserve (cr);
          gdk_cairo_set_source_rgba (cr, &st);
          cairo_set_line_width (cr, 1.2);
          cairo_stroke (cr);
        }
      else
        {
          WeftGraphEdge fake = { .kind = WEFT_EDGE_RELATION, .evidence = entry->edge_style->evidence };
          WeftPoint points[4] = { { pad, y }, { pad + 6, y }, { pad + swatch - 12, y }, { pad + swatch - 6, y } };
          WeftSpline spline = { points, 4, FALSE, TRUE, { 0, 0 }, { pad + swatch, y } };
          WeftEdgePath path = { &spline, 1, FALSE, 0, 0, 0, 0, pad, y - 4, pad + swatch, y + 4 };

          /* As seen at 2x, where every dash shows. */
          draw_edge (cr, &self->colors, &fake, &path, 2.0, 1.0, 0, NULL);
        }
    }
  cairo_destroy (cr);

  for (guint i = 0; i < rows->len; i++)
    {
      int th;

      /* Plain text, never markup. */
      pango_layout_set_text (text, ((const WeftLegendEntry *) g_ptr_array_index (rows, i))->label, -1);
      pango_layout_get_pixel_size (text, NULL, &th);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (2 * pad + swatch, pad + i * row + (row - th) / 2));
      gtk_snapshot_append_layout (snapshot, text, &self->colors.fg);
      gtk_snapshot_restore (snapshot);
    }
  gtk_snapshot_restore (snapshot);
  g_object_unref (text);
}

static void
snapshot_status (WeftGraphView *self,
                 GtkSnapshot   *snapshot,
                 int            width,
                 int            height)
{
  const char *text = NULL;
  PangoLayout *layout;
  int tw, th;
  GdkRGBA color = self->colors.fg;

  if (self->busy)
    text = self->layout ? _("Laying out…") : _("Laying out the graph…");
  else if (self->layout == NULL && self->message != NULL)
    text = self->message;
  else if (self->layout != NULL && weft_graph_get_n_nodes (weft_layout_get_graph (self->layout)) == 0)
    text = _("Nothing to show: no entity matches the time window and filters");
  if (text == NULL)
    return;

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  pango_layout_set_width (layout, MAX (width - 48, 50) * PANGO_SCALE);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_get_pixel_size (layout, &tw, &th);
  color.alpha *= 0.7f;
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (24, self->layout ? 12 : (height - th) / 2.0));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
  g_object_unref (layout);
}

void
weft_graph_view_snapshot_scene (WeftGraphView *self,
                                GtkSnapshot   *snapshot,
                                int            width,
                                int            height)
{
  Colors colors;

  g_return_if_fail (WEFT_IS_GRAPH_VIEW (self));

  read_colors (self, &colors);
  if (!colors_equal (&colors, &self->colors))
    {
      self->colors = colors;
      clear_tiles (self);
    }

  if (self->layout != NULL)
    {
      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
      snapshot_tiles (self, snapshot, width, height);
      snapshot_overlay (self, snapshot, width, height);
      snapshot_pills (self, snapshot, width, height);
      snapshot_minimap (self, snapshot, width, height);
      if (self->show_legend)
        {
          if (self->legend == NULL)
            {
              GtkSnapshot *legend = gtk_snapshot_new ();

              snapshot_legend (self, legend);
              self->legend = gtk_snapshot_free_to_node (legend);
            }
          if (self->legend != NULL)
            gtk_snapshot_append_node (snapshot, self->legend);
        }
      gtk_snapshot_pop (snapshot);
    }
  snapshot_status (self, snapshot, width, height);
}

static void
weft_graph_view_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  WeftGraphView *self = WEFT_GRAPH_VIEW (widget);

  weft_graph_view_snapshot_scene (self, snapshot, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
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
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
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

static void
zoom_fit (WeftGraphView *self)
{
  if (self->layout == NULL)
    return;
  self->fit_pending = FALSE;
  zoom_to_rect (self, 0, 0, weft_layout_get_width (self->layout), weft_layout_get_height (self->layout), 1.5);
  self->fitted = !self->fit_pending;
}

static void
center_on (WeftGraphView *self,
           double         x,
           double         y,
           double         scale)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

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

static void
weft_graph_view_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  WeftGraphView *self = WEFT_GRAPH_VIEW (widget);
  gboolean resized = width != self->view_width || height != self->view_height;

  /* A new size (the window or the split between the views changed):
   * a whole graph stays whole, else what was in the middle stays there. */
  if (self->layout != NULL && width > 0 && height > 0)
    {
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

static void
update_selection (WeftGraphView *self)
{
  WeftItem *item = self->session ? weft_session_get_selection (self->session) : NULL;
  WeftGraph *graph = self->layout ? weft_layout_get_graph (self->layout) : NULL;

  self->selected_node = graph ? weft_graph_lookup_node (graph, item) : -1;
  self->selected_edge = graph && self->selected_node < 0 ? weft_graph_lookup_edge (graph, item) : -1;
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
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* One layout request: the view, and which relayout it belongs to. */
typedef struct {
  WeftGraphView *self;
  guint          generation;
} Request;

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

  g_clear_pointer (&self->layout, weft_layout_unref);
  self->layout_of_order = NULL;
  self->layout = g_steal_pointer (&layout);
  clear_tiles (self);
  self->hover_node = self->hover_edge = -1;
  update_selection (self);
  update_matches (self);
  zoom_fit (self);
  g_signal_emit (self, signals[LAYOUT_DONE], 0);
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

  dataset = self->session ? weft_session_get_dataset (self->session) : NULL;
  if (dataset == NULL)
    {
      g_clear_pointer (&self->layout, weft_layout_unref);
      self->layout_of_order = NULL;
      clear_tiles (self);
      set_busy (self, FALSE);
      return;
    }

  subgraph = weft_session_dup_visible_subgraph (self->session);
  n_entities = subgraph->entities->len;
  set_message (self, NULL);
  if (n_entities > self->bound && !self->full_requested && weft_session_get_focus (self->session) == NULL)
    {
      WeftSubgraph *top = weft_subgraph_most_connected (dataset, subgraph, self->bound);
      g_autofree char *text =
        /* Translators: %'u groups the digits as the locale does ("1,200"); keep the '. */
        g_strdup_printf (_("Showing the %'u most connected of %'u entities. Focus on one, narrow the time "
                           "window, or lay out everything in the background."),
                         top->entities->len, n_entities);

      weft_subgraph_free (g_steal_pointer (&subgraph));
      subgraph = top;
      set_bounded (self, TRUE);
      set_message (self, text);
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
  double x = self->has_pointer ? self->pointer_x : gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  double y = self->has_pointer ? self->pointer_y : gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;

  if (self->layout == NULL)
    return FALSE;
  zoom_at (self, pow (1.15, -dy), x, y);
  return TRUE;
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           WeftGraphView            *self)
{
  gint node, edge;

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
  self->drag_ox = self->ox;
  self->drag_oy = self->oy;
  self->dragged = FALSE;
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
  set_view (self, self->scale, self->drag_ox - dx / self->scale, self->drag_oy - dy / self->scale);
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
  hit_test (self, x, y, &node, &edge);
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
  hit_test (self, x, y, &node, &edge);
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

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
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
    hit_test (self, x, y, &node, &edge);

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
  zoom_at (self, ZOOM_STEP, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  WeftGraphView *self = WEFT_GRAPH_VIEW (widget);
  zoom_at (self, 1 / ZOOM_STEP, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
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
  g_signal_group_set_target (self->session_signals, NULL);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);
  g_clear_pointer (&self->layout, weft_layout_unref);
  self->layout_of_order = NULL;
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
  g_free (self->message);

  g_clear_pointer (&self->by_degree, g_array_unref);

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

  gtk_widget_class_install_action (widget_class, "graph.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "graph.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "graph.zoom-fit", NULL, zoom_fit_action);
  gtk_widget_class_install_action (widget_class, "graph.zoom-selection", NULL, zoom_selection_action);
  gtk_widget_class_install_action (widget_class, "graph.pan", "(dd)", pan_action);
  gtk_widget_class_install_action (widget_class, "graph.focus", NULL, focus_action);
  gtk_widget_class_install_action (widget_class, "graph.unfocus", NULL, unfocus_action);
  gtk_widget_class_install_action (widget_class, "graph.find-next", NULL, find_next_action);
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
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "graph.pan", "(dd)", -1.0, 0.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "graph.pan", "(dd)", 1.0, 0.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "graph.pan", "(dd)", 0.0, -1.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "graph.pan", "(dd)", 0.0, 1.0);
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
  self->tiles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) gsk_render_node_unref);
  self->matches = g_array_new (FALSE, FALSE, sizeof (guint));

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);

  self->session_signals = g_signal_group_new (WEFT_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify::dataset", G_CALLBACK (on_dataset_changed), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::focus", G_CALLBACK (on_session_changed), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::focus-hops", G_CALLBACK (on_session_changed), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::window", G_CALLBACK (on_session_changed), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::hidden-kinds", G_CALLBACK (on_session_changed), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::show-events", G_CALLBACK (on_session_changed), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::show-claims", G_CALLBACK (on_session_changed), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::selection", G_CALLBACK (update_selection), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::search-text", G_CALLBACK (update_matches), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::path-to", G_CALLBACK (gtk_widget_queue_draw), self);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (controller, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (widget, controller);

  gesture = gtk_gesture_drag_new ();
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (on_drag_update), self);
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

  *x = self->ox + gtk_widget_get_width (GTK_WIDGET (self)) / (2 * self->scale);
  *y = self->oy + gtk_widget_get_height (GTK_WIDGET (self)) / (2 * self->scale);
}

void
weft_graph_view_invalidate (WeftGraphView *self)
{
  g_return_if_fail (WEFT_IS_GRAPH_VIEW (self));

  clear_tiles (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GBytes *
weft_graph_view_export (WeftGraphView     *self,
                        WeftExportFormat   format,
                        GError           **error)
{
  g_return_val_if_fail (WEFT_IS_GRAPH_VIEW (self), NULL);

  if (self->layout == NULL)
    {
      g_set_error_literal (error, WEFT_ERROR, WEFT_ERROR_LAYOUT, _("There is no graph to export yet"));
      return NULL;
    }
  return weft_layout_export (weft_layout_get_graph (self->layout), weft_layout_get_engine (self->layout),
                             format, error);
}
