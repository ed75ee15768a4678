/* weft-layout-fit.c: a layout shaped for the pane that shows it
 *
 * Graphviz places the nodes for its own idea of a good drawing: dot in
 * ranks three times wider than tall, neato and sfdp as loose as their
 * springs. At the zoom that shows all of it in a pane, names would be a
 * few pixels tall. So the window (and `weft graph --view`) draw a fitted
 * copy: the node centres are stretched to the pane's shape and pressed
 * together until the boxes cover about half of the drawing, then pushed
 * apart again until no two boxes (and a gap around them) overlap, the
 * push going the way that costs the pane least (weft_layout_fit()). What
 * is left when the pane has more room than the graph needs is spread
 * back out, so that the drawing fills the pane at a comfortable size.
 * Edges become straight lines from box to box (side by side when two
 * nodes have several), with their arrowheads and labels at the middle.
 *
 * Nothing here includes Graphviz: it is plain geometry, the same in the
 * window, in the helper's answer and in the command line's export, so a
 * pane of one size looks the same everywhere.
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <math.h>
#include <string.h>

#include "weft-layout-private.h"

/* Layout points kept free between two boxes. */
#define GAP 4.0
/* The share of the drawing the boxes cover before they are pushed apart. */
#define DENSITY 0.55
/* Around the drawing, in layout points (Graphviz's pad is 0.2 inch). */
#define BORDER 2.0
/* Arrowheads, as Graphviz draws them with arrowsize 0.7. */
#define ARROW 7.0
/* Edges between the same two nodes, side by side. */
#define PARALLEL 6.0
/* Up to this many nodes, the boxes are squeezed together after they no
 * longer overlap. */
#define SQUEEZE_LIMIT 3000
/* At most this many times wider or taller when spread out; a graph of
 * fewer than 16 nodes up to SMALL_SPREAD / sqrt(nodes) times (5.4 for
 * five), so that a handful of nodes fills the pane instead of a corner
 * of it (each keeps its neighbours within a few of its widths). */
#define MAX_SPREAD 3.0
#define SMALL_SPREAD 12.0

/* A node while it is being placed: its centre and half its size with
 * half the gap. */
typedef struct {
  double x, y;
  double hw, hh;
} Place;

double
weft_layout_fit_scale (WeftLayout *layout,
                       double      width,
                       double      height)
{
  double lw, lh, scale;

  g_return_val_if_fail (layout != NULL, 1.0);

  lw = MAX (weft_layout_get_width (layout), 1);
  lh = MAX (weft_layout_get_height (layout), 1);
  scale = MIN ((width - 2 * WEFT_LAYOUT_FIT_MARGIN) / lw, (height - 2 * WEFT_LAYOUT_FIT_MARGIN) / lh);
  return CLAMP (scale, WEFT_LAYOUT_MIN_SCALE, WEFT_LAYOUT_MAX_FIT_SCALE);
}

/* ---- Pushing boxes apart ------------------------------------------------ */

typedef struct {
  Place  *places;
  guint  *order;    /* by left edge */
  guint   n;
  double  half_w;   /* the box the centres are kept in: +- these */
  double  half_h;
  double  aspect;   /* of the box */
  gboolean clamp;
} Pusher;

static double
left_of (const Pusher *p,
         guint         i)
{
  return p->places[i].x - p->places[i].hw;
}

/* Insertion sort by left edge: the order changes little between rounds. */
static void
sort_order (Pusher *p)
{
  for (guint i = 1; i < p->n; i++)
    {
      guint v = p->order[i];
      double key = left_of (p, v);
      guint j = i;

      while (j > 0 && left_of (p, p->order[j - 1]) > key)
        {
          p->order[j] = p->order[j - 1];
          j--;
        }
      p->order[j] = v;
    }
}

static void
keep_inside (Pusher *p,
             Place  *a)
{
  if (!p->clamp)
    return;
  a->x = CLAMP (a->x, -p->half_w + a->hw, MAX (p->half_w - a->hw, -p->half_w + a->hw));
  a->y = CLAMP (a->y, -p->half_h + a->hh, MAX (p->half_h - a->hh, -p->half_h + a->hh));
}

/* One round over every overlapping pair; returns how many there were. */
static guint
push_round (Pusher *p)
{
  guint overlaps = 0;

  sort_order (p);
  for (guint k = 0; k < p->n; k++)
    {
      guint i = p->order[k];

      for (guint m = k + 1; m < p->n; m++)
        {
          guint j = p->order[m];
          Place *a = &p->places[i], *b = &p->places[j];
          double dx, dy, ox, oy;

          if (left_of (p, j) >= a->x + a->hw)
            break;
          dx = b->x - a->x;
          dy = b->y - a->y;
          ox = a->hw + b->hw - fabs (dx);
          oy = a->hh + b->hh - fabs (dy);
          if (ox <= 1e-3 || oy <= 1e-3)
            continue;

          overlaps++;
          /* Apart the cheaper way, measured against the box's shape. */
          if (ox / p->aspect < oy)
            {
              double d = ox / 2 * (dx > 0 || (dx == 0 && i < j) ? 1 : -1);

              a->x -= d;
              b->x += d;
            }
          else
            {
              double d = oy / 2 * (dy > 0 || (dy == 0 && i < j) ? 1 : -1);

              a->y -= d;
              b->y += d;
            }
        }
    }
  for (guint i = 0; i < p->n; i++)
    keep_inside (p, &p->places[i]);
  return overlaps;
}

/* Rounds until nothing overlaps: inside the box, which grows a little
 * when it is too small, then (after @rounds) without it, the centres
 * spread a little more each time. FALSE when cancelled. */
static gboolean
push_apart (Pusher       *p,
            guint         rounds,
            GCancellable *cancellable)
{
  guint stuck = 0;

  for (guint r = 0; r < rounds; r++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        return FALSE;
      if (push_round (p) == 0)
        return TRUE;
      if (++stuck == 30)
        {
          p->half_w *= 1.05;
          p->half_h *= 1.05;
          stuck = 0;
        }
    }

  p->clamp = FALSE;
  for (guint r = 0;; r++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        return FALSE;
      if (push_round (p) == 0)
        break;
      if (r % 20 == 19)
        for (guint i = 0; i < p->n; i++)
          {
            p->places[i].x *= 1.1;
            p->places[i].y *= 1.1;
          }
    }

  /* The box the centres ended up in, to squeeze from. */
  p->clamp = TRUE;
  for (guint i = 0; i < p->n; i++)
    {
      p->half_w = MAX (p->half_w, fabs (p->places[i].x) + p->places[i].hw);
      p->half_h = MAX (p->half_h, fabs (p->places[i].y) + p->places[i].hh);
    }
  return TRUE;
}

/* Places @n boxes (centres as Graphviz left them) in the shape @aspect
 * (width / height) without overlaps; FALSE when cancelled. */
static gboolean
compact (Place        *places,
         guint         n,
         double        aspect,
         GCancellable *cancellable)
{
  g_autofree guint *order = g_new (guint, MAX (n, 1));
  Pusher p = { places, order, n, 0, 0, aspect, TRUE };
  double area = 0, x1 = G_MAXDOUBLE, x2 = -G_MAXDOUBLE, y1 = G_MAXDOUBLE, y2 = -G_MAXDOUBLE;
  double mean_w = 0, mean_h = 0, kx, ky, cx, cy;
  guint rounds = n <= 2000 ? 600 : 200;

  if (n < 2)
    return TRUE;

  for (guint i = 0; i < n; i++)
    {
      Place *a = &places[i];

      order[i] = i;
      area += 4 * a->hw * a->hh;
      mean_w += 2 * a->hw / n;
      mean_h += 2 * a->hh / n;
      x1 = MIN (x1, a->x);
      x2 = MAX (x2, a->x);
      y1 = MIN (y1, a->y);
      y2 = MAX (y2, a->y);
    }

  /* The box the boxes would fill at DENSITY, in the pane's shape, and
   * the centres stretched into it. */
  p.half_h = sqrt (area / DENSITY / aspect) / 2;
  p.half_w = p.half_h * aspect;
  kx = x2 > x1 ? MAX (2 * p.half_w - mean_w, mean_w) / (x2 - x1) : 0;
  ky = y2 > y1 ? MAX (2 * p.half_h - mean_h, mean_h) / (y2 - y1) : 0;
  cx = (x1 + x2) / 2;
  cy = (y1 + y2) / 2;
  for (guint i = 0; i < n; i++)
    {
      places[i].x = (places[i].x - cx) * kx;
      places[i].y = (places[i].y - cy) * ky;
      keep_inside (&p, &places[i]);
    }

  /* Apart, inside the box; a box too small grows a little. */
  if (!push_apart (&p, rounds, cancellable))
    return FALSE;

  /* Then tighter: a smaller box while the boxes still fit in it. */
  if (n <= SQUEEZE_LIMIT)
    {
      g_autofree Place *saved = g_memdup2 (places, sizeof (Place) * n);
      double saved_w = p.half_w, saved_h = p.half_h;

      for (guint k = 0; k < 16; k++)
        {
          gboolean fits = TRUE;

          p.half_w *= 0.95;
          p.half_h *= 0.95;
          for (guint i = 0; i < n; i++)
            keep_inside (&p, &places[i]);
          for (guint r = 0; fits; r++)
            {
              if (g_cancellable_is_cancelled (cancellable))
                return FALSE;
              if (push_round (&p) == 0)
                break;
              fits = r < 80;
            }
          if (!fits)
            {
              memcpy (places, saved, sizeof (Place) * n);
              p.half_w = saved_w;
              p.half_h = saved_h;
              break;
            }
          memcpy (saved, places, sizeof (Place) * n);
          saved_w = p.half_w;
          saved_h = p.half_h;
        }
    }
  return TRUE;
}

/* Spreads the centres (never closer) so that the drawing fills a pane of
 * @width x @height at the largest fitted zoom, up to MAX_SPREAD (more for
 * a small graph). */
static void
spread (Place  *places,
        guint   n,
        double  width,
        double  height)
{
  double x1 = G_MAXDOUBLE, x2 = -G_MAXDOUBLE, y1 = G_MAXDOUBLE, y2 = -G_MAXDOUBLE;
  double bx1 = G_MAXDOUBLE, bx2 = -G_MAXDOUBLE, by1 = G_MAXDOUBLE, by2 = -G_MAXDOUBLE;
  double want_w = (width - 2 * WEFT_LAYOUT_FIT_MARGIN) / WEFT_LAYOUT_MAX_FIT_SCALE - 2 * BORDER;
  double want_h = (height - 2 * WEFT_LAYOUT_FIT_MARGIN) / WEFT_LAYOUT_MAX_FIT_SCALE - 2 * BORDER;
  double fx = 1, fy = 1, cx, cy;
  double most = MAX (MAX_SPREAD, SMALL_SPREAD / sqrt (MAX (n, 1)));

  if (n < 2)
    return;
  for (guint i = 0; i < n; i++)
    {
      x1 = MIN (x1, places[i].x);
      x2 = MAX (x2, places[i].x);
      y1 = MIN (y1, places[i].y);
      y2 = MAX (y2, places[i].y);
      bx1 = MIN (bx1, places[i].x - places[i].hw + GAP / 2);
      bx2 = MAX (bx2, places[i].x + places[i].hw - GAP / 2);
      by1 = MIN (by1, places[i].y - places[i].hh + GAP / 2);
      by2 = MAX (by2, places[i].y + places[i].hh - GAP / 2);
    }

  /* Only when the whole pane has room to spare at that zoom. */
  if ((bx2 - bx1) > want_w || (by2 - by1) > want_h)
    return;
  if (x2 > x1)
    fx = CLAMP ((want_w - ((bx2 - bx1) - (x2 - x1))) / (x2 - x1), 1, most);
  if (y2 > y1)
    fy = CLAMP ((want_h - ((by2 - by1) - (y2 - y1))) / (y2 - y1), 1, most);
  cx = (x1 + x2) / 2;
  cy = (y1 + y2) / 2;
  for (guint i = 0; i < n; i++)
    {
      places[i].x = cx + (places[i].x - cx) * fx;
      places[i].y = cy + (places[i].y - cy) * fy;
    }
}

/* ---- Straight edges ---------------------------------------------------- */

/* Where the ray from the centre of @b in the direction (@dx, @dy) leaves
 * the node: its ellipse or its box. */
static WeftPoint
boundary (const WeftNodeBox *b,
          WeftNodeShape      shape,
          double             ox,
          double             oy,
          double             dx,
          double             dy)
{
  double len = hypot (dx, dy), t;

  if (len == 0)
    return (WeftPoint) { b->x + ox, b->y + oy };
  dx /= len;
  dy /= len;
  if (shape == WEFT_NODE_SHAPE_ELLIPSE)
    {
      double a = b->width / 2, c = b->height / 2;

      t = 1 / sqrt ((dx * dx) / (a * a) + (dy * dy) / (c * c));
    }
  else
    {
      double tx = dx != 0 ? (b->width / 2) / fabs (dx) : G_MAXDOUBLE;
      double ty = dy != 0 ? (b->height / 2) / fabs (dy) : G_MAXDOUBLE;

      t = MIN (tx, ty);
    }
  return (WeftPoint) { b->x + ox + dx * t, b->y + oy + dy * t };
}

static WeftPoint
lerp (WeftPoint a,
      WeftPoint b,
      double    t)
{
  return (WeftPoint) { a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t };
}

/* Whether the edges of @raw carry arrowheads at their ends. */
static void
raw_arrows (const WeftEdgePath *raw,
            gboolean           *start,
            gboolean           *end)
{
  *start = *end = FALSE;
  for (guint j = 0; j < raw->n_splines; j++)
    {
      *start |= raw->splines[j].has_start_arrow;
      *end |= raw->splines[j].has_end_arrow;
    }
}

/* Edge @i of @self from box to box (offset by @offset across its
 * direction), or a small loop when both ends are one node. */
static void
straight_edge (WeftLayout         *self,
               WeftGraph          *graph,
               guint               i,
               const WeftEdgePath *raw,
               double              offset,
               WeftSpline         *spline,
               WeftPoint          *points)
{
  const WeftGraphEdge *edge = weft_graph_get_edge (graph, i);
  const WeftNodeBox *t = &self->nodes[edge->tail], *h = &self->nodes[edge->head];
  WeftEdgePath *ep = &self->edges[i];
  gboolean start_arrow, end_arrow;
  double x1, y1, x2, y2;

  raw_arrows (raw, &start_arrow, &end_arrow);
  memset (spline, 0, sizeof *spline);
  spline->points = points;
  ep->splines = spline;
  ep->n_splines = 1;

  if (edge->tail == edge->head)
    {
      /* Out of the top edge and back into the right one. */
      double r = MIN (t->height, 16);
      WeftPoint a = { t->x + t->width / 2 - r / 2, t->y - t->height / 2 };
      WeftPoint b = { t->x + t->width / 2, t->y - t->height / 2 + r / 2 };

      points[0] = a;
      points[1] = (WeftPoint) { a.x, a.y - 1.5 * r };
      points[2] = (WeftPoint) { b.x + 1.5 * r, b.y };
      points[3] = b;
      if (end_arrow)
        {
          spline->has_end_arrow = TRUE;
          spline->end_tip = b;
          points[3] = (WeftPoint) { b.x + ARROW, b.y };
        }
    }
  else
    {
      double dx = h->x - t->x, dy = h->y - t->y, len = hypot (dx, dy);
      double ox = len > 0 ? -dy / len * offset : 0, oy = len > 0 ? dx / len * offset : 0;
      WeftPoint a = boundary (t, weft_graph_get_node (graph, edge->tail)->style->shape, ox, oy, dx, dy);
      WeftPoint b = boundary (h, weft_graph_get_node (graph, edge->head)->style->shape, ox, oy, -dx, -dy);
      double gap = hypot (b.x - a.x, b.y - a.y);
      WeftPoint from = a, to = b;

      /* Arrowheads take their length off the line, as long as some line
       * is left. */
      if (end_arrow && gap > 2 * ARROW)
        {
          spline->has_end_arrow = TRUE;
          spline->end_tip = b;
          to = lerp (a, b, 1 - ARROW / gap);
        }
      if (start_arrow && gap > 3 * ARROW)
        {
          spline->has_start_arrow = TRUE;
          spline->start_tip = a;
          from = lerp (a, b, ARROW / gap);
        }
      points[0] = from;
      points[1] = lerp (from, to, 1.0 / 3);
      points[2] = lerp (from, to, 2.0 / 3);
      points[3] = to;
    }
  spline->n_points = 4;

  x1 = x2 = points[0].x;
  y1 = y2 = points[0].y;
  for (guint k = 0; k < spline->n_points; k++)
    {
      x1 = MIN (x1, points[k].x);
      x2 = MAX (x2, points[k].x);
      y1 = MIN (y1, points[k].y);
      y2 = MAX (y2, points[k].y);
    }
  if (spline->has_end_arrow)
    {
      x1 = MIN (x1, spline->end_tip.x);
      x2 = MAX (x2, spline->end_tip.x);
      y1 = MIN (y1, spline->end_tip.y);
      y2 = MAX (y2, spline->end_tip.y);
    }
  if (spline->has_start_arrow)
    {
      x1 = MIN (x1, spline->start_tip.x);
      x2 = MAX (x2, spline->start_tip.x);
      y1 = MIN (y1, spline->start_tip.y);
      y2 = MAX (y2, spline->start_tip.y);
    }

  ep->has_label = raw->has_label;
  if (ep->has_label)
    {
      WeftPoint mid = edge->tail == edge->head ? points[1] : lerp (points[0], points[3], 0.5);

      ep->label_x = mid.x;
      ep->label_y = mid.y;
      ep->label_width = raw->label_width;
      ep->label_height = raw->label_height;
      x1 = MIN (x1, mid.x - ep->label_width / 2);
      x2 = MAX (x2, mid.x + ep->label_width / 2);
      y1 = MIN (y1, mid.y - ep->label_height / 2);
      y2 = MAX (y2, mid.y + ep->label_height / 2);
    }
  ep->x1 = x1;
  ep->y1 = y1;
  ep->x2 = x2;
  ep->y2 = y2;
}

static guint64
pair_key (guint a,
          guint b)
{
  return ((guint64) MIN (a, b) << 32) | MAX (a, b);
}

/* Every edge of @self straight, those between the same two nodes side by
 * side. */
static void
straighten_edges (WeftLayout *self,
                  WeftLayout *raw)
{
  WeftGraph *graph = raw->graph;
  guint n_edges = weft_graph_get_n_edges (graph);
  g_autofree guint *rank = g_new0 (guint, MAX (n_edges, 1));
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  /* Each edge's rank among those of its pair, and how many the pair has. */
  for (guint i = 0; i < n_edges; i++)
    {
      const WeftGraphEdge *e = weft_graph_get_edge (graph, i);
      guint64 key = pair_key (e->tail, e->head);
      gpointer n = g_hash_table_lookup (counts, &key);

      rank[i] = GPOINTER_TO_UINT (n);
      g_hash_table_insert (counts, g_memdup2 (&key, sizeof key), GUINT_TO_POINTER (rank[i] + 1));
    }

  for (guint i = 0; i < n_edges; i++)
    {
      const WeftGraphEdge *e = weft_graph_get_edge (graph, i);
      guint64 key = pair_key (e->tail, e->head);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, &key));
      /* The same side for both directions: across the line from the
       * lower node to the higher one. */
      double side = e->tail <= e->head ? 1 : -1;
      double offset = side * ((double) rank[i] - (n - 1) / 2.0) * PARALLEL;

      straight_edge (self, graph, i, &raw->edges[i], offset, &self->splines[i], &self->points[4 * i]);
    }
}

/* ---- The fitted layout ------------------------------------------------- */

WeftLayout *
weft_layout_fit (WeftLayout   *layout,
                 double        width,
                 double        height,
                 GCancellable *cancellable)
{
  WeftGraph *graph;
  g_autofree Place *places = NULL;
  double aspect, x1 = G_MAXDOUBLE, y1 = G_MAXDOUBLE, x2 = -G_MAXDOUBLE, y2 = -G_MAXDOUBLE;
  guint n_nodes, n_edges;
  WeftLayout *self;

  g_return_val_if_fail (layout != NULL, NULL);

  graph = layout->graph;
  n_nodes = weft_graph_get_n_nodes (graph);
  n_edges = weft_graph_get_n_edges (graph);
  width = MAX (width, 2 * WEFT_LAYOUT_FIT_MARGIN + 16);
  height = MAX (height, 2 * WEFT_LAYOUT_FIT_MARGIN + 16);
  aspect = (width - 2 * WEFT_LAYOUT_FIT_MARGIN) / (height - 2 * WEFT_LAYOUT_FIT_MARGIN);

  places = g_new (Place, MAX (n_nodes, 1));
  for (guint i = 0; i < n_nodes; i++)
    places[i] = (Place) { layout->nodes[i].x, layout->nodes[i].y,
                          (layout->nodes[i].width + GAP) / 2, (layout->nodes[i].height + GAP) / 2 };
  if (!compact (places, n_nodes, aspect, cancellable))
    return NULL;
  spread (places, n_nodes, width, height);

  /* One Bézier segment an edge. */
  self = weft_layout_alloc (layout->engine, n_nodes, n_edges, n_edges, 4 * n_edges);
  self->graph = weft_graph_ref (graph);
  self->warnings = g_strdup (layout->warnings);
  self->in_helper = layout->in_helper;

  for (guint i = 0; i < n_nodes; i++)
    {
      x1 = MIN (x1, places[i].x - layout->nodes[i].width / 2);
      x2 = MAX (x2, places[i].x + layout->nodes[i].width / 2);
      y1 = MIN (y1, places[i].y - layout->nodes[i].height / 2);
      y2 = MAX (y2, places[i].y + layout->nodes[i].height / 2);
    }
  if (n_nodes == 0)
    x1 = y1 = x2 = y2 = 0;
  for (guint i = 0; i < n_nodes; i++)
    {
      WeftNodeBox *b = &self->nodes[i];

      *b = layout->nodes[i];
      b->x = places[i].x - x1 + BORDER;
      b->y = places[i].y - y1 + BORDER;
      b->label_x = b->x;
      b->label_y = b->y;
    }
  self->width = x2 - x1 + 2 * BORDER;
  self->height = y2 - y1 + 2 * BORDER;

  straighten_edges (self, layout);
  return self;
}

/* ---- A layout grown by an edit ----------------------------------------- */

/* Whether a box of @w x @h at (@x, @y) keeps GAP from every placed box. */
static gboolean
is_free (const WeftLayout *self,
         const gboolean   *placed,
         guint             n_nodes,
         double            x,
         double            y,
         double            w,
         double            h)
{
  for (guint i = 0; i < n_nodes; i++)
    {
      const WeftNodeBox *b = &self->nodes[i];

      if (placed[i] && fabs (b->x - x) < (b->width + w) / 2 + GAP && fabs (b->y - y) < (b->height + h) / 2 + GAP)
        return FALSE;
    }
  return TRUE;
}

/* Node @i as a box of @w x @h at (@cx, @cy), moved out by rings of places
 * around it until one keeps clear of the placed boxes (left there when
 * none does). */
static void
place_free (WeftLayout     *self,
            const gboolean *placed,
            guint           i,
            double          cx,
            double          cy,
            double          w,
            double          h)
{
  guint n_nodes = weft_graph_get_n_nodes (self->graph);
  WeftNodeBox *box = &self->nodes[i];

  *box = (WeftNodeBox) { cx, cy, w, h, cx, cy };
  for (guint ring = 0; ring < 64; ring++)
    {
      /* Twelve places a ring, below first, a row and a half apart. */
      for (guint k = 0; k < (ring == 0 ? 1 : 12); k++)
        {
          double angle = G_PI / 2 + k * G_PI / 6;
          double x = MAX (cx + cos (angle) * ring * (w + GAP), BORDER + w / 2);
          double y = MAX (cy + sin (angle) * ring * 1.5 * (h + GAP), BORDER + h / 2);

          if (is_free (self, placed, n_nodes, x, y, w, h))
            {
              *box = (WeftNodeBox) { x, y, w, h, x, y };
              return;
            }
        }
    }
}

/* New node @i: the size of the placed nodes of its item type (on average),
 * at the middle of its placed neighbours, moved out by rings of places
 * around it until one is free. */
static void
place_node (WeftLayout     *self,
            const gboolean *placed,
            guint           i)
{
  WeftGraph *graph = self->graph;
  guint n_nodes = weft_graph_get_n_nodes (graph), n_edges = weft_graph_get_n_edges (graph);
  WeftItemType type = weft_graph_get_node (graph, i)->item->type;
  double w = 0, h = 0, cx = 0, cy = 0, x1 = G_MAXDOUBLE, y1 = G_MAXDOUBLE, x2 = -G_MAXDOUBLE, y2 = -G_MAXDOUBLE;
  guint n_like = 0, n_near = 0, n_placed = 0;

  for (guint j = 0; j < n_nodes; j++)
    {
      const WeftNodeBox *b = &self->nodes[j];

      if (!placed[j])
        continue;
      n_placed++;
      x1 = MIN (x1, b->x);
      y1 = MIN (y1, b->y);
      x2 = MAX (x2, b->x);
      y2 = MAX (y2, b->y);
      if (weft_graph_get_node (graph, j)->item->type == type)
        {
          w += b->width;
          h += b->height;
          n_like++;
        }
    }
  w = n_like > 0 ? w / n_like : 72;
  h = n_like > 0 ? h / n_like : 36;
  for (guint e = 0; e < n_edges; e++)
    {
      const WeftGraphEdge *edge = weft_graph_get_edge (graph, e);
      guint other = edge->tail == i ? edge->head : edge->head == i ? edge->tail : i;

      if (other != i && placed[other])
        {
          cx += self->nodes[other].x;
          cy += self->nodes[other].y;
          n_near++;
        }
    }
  if (n_near > 0)
    {
      cx /= n_near;
      cy /= n_near;
    }
  else if (n_placed > 0)
    {
      /* Nothing to be near: beside the drawing, halfway down. */
      cx = x2 + w;
      cy = (y1 + y2) / 2;
    }
  else
    {
      cx = BORDER + w / 2;
      cy = BORDER + h / 2;
    }

  place_free (self, placed, i, cx, cy, w, h);
}

void
weft_layout_resize_node (WeftLayout *self,
                         guint       index,
                         double      width,
                         double      height)
{
  guint n_nodes = weft_graph_get_n_nodes (self->graph);
  g_autofree gboolean *placed = g_new (gboolean, n_nodes);
  WeftNodeBox *box = &self->nodes[index];

  if (width <= box->width && height <= box->height)
    return;
  width = MAX (width, box->width);
  height = MAX (height, box->height);
  for (guint i = 0; i < n_nodes; i++)
    placed[i] = i != index;
  if (is_free (self, placed, n_nodes, box->x, box->y, width, height))
    *box = (WeftNodeBox) { box->x, box->y, width, height, box->x, box->y };
  else
    place_free (self, placed, index, box->x, box->y, width, height);
  self->width = MAX (self->width, box->x + width / 2 + BORDER);
  self->height = MAX (self->height, box->y + height / 2 + BORDER);
}

WeftLayout *
weft_layout_grow (WeftLayout *layout,
                  WeftGraph  *graph)
{
  WeftLayout *self = weft_layout_carry (layout, graph, TRUE);
  guint n_nodes = weft_graph_get_n_nodes (graph), n_edges = weft_graph_get_n_edges (graph);
  g_autofree gboolean *placed = g_new0 (gboolean, MAX (n_nodes, 1));
  g_autofree guint *from = weft_layout_map_edges (layout, graph);
  guint n_new_edges = 0, s, p;

  for (guint i = 0; i < n_nodes; i++)
    placed[i] = weft_graph_lookup_node (layout->graph, weft_graph_get_node (graph, i)->item) >= 0;
  for (guint i = 0; i < n_nodes; i++)
    if (!placed[i])
      {
        place_node (self, placed, i);
        placed[i] = TRUE;
        self->width = MAX (self->width, self->nodes[i].x + self->nodes[i].width / 2 + BORDER);
        self->height = MAX (self->height, self->nodes[i].y + self->nodes[i].height / 2 + BORDER);
      }

  /* The new edges in the room at the end, arrows and label as an old
   * edge of their kind has them. */
  for (guint i = 0; i < n_edges; i++)
    n_new_edges += from[i] == 0;
  s = self->n_splines - n_new_edges;
  p = self->n_points - 4 * n_new_edges;
  for (guint i = 0; i < n_edges; i++)
    {
      const WeftGraphEdge *edge = weft_graph_get_edge (graph, i);
      WeftEdgePath like = { 0 };

      if (from[i] != 0)
        continue;
      for (guint j = 0; j < weft_graph_get_n_edges (layout->graph); j++)
        if (weft_graph_get_edge (layout->graph, j)->kind == edge->kind)
          {
            like = layout->edges[j];
            break;
          }
      straight_edge (self, graph, i, &like, 0, &self->splines[s++], &self->points[p]);
      p += 4;
      self->width = MAX (self->width, self->edges[i].x2 + BORDER);
      self->height = MAX (self->height, self->edges[i].y2 + BORDER);
    }
  return self;
}
