/* weft-layout.c: a laid-out graph as plain structs, engines and formats
 *
 * What Graphviz made, copied out of it: node boxes, edge splines and label
 * positions, y down, in points. Nothing here includes Graphviz; the
 * adapter (weft-graphviz.c) and the helper's answer
 * (weft-layout-protocol.c) fill a WeftLayout through
 * weft-layout-private.h.
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "weft-error.h"
#include "weft-layout-private.h"

G_DEFINE_BOXED_TYPE (WeftLayout, weft_layout, weft_layout_ref, weft_layout_unref)

/* ---- Engines and export formats ------------------------------------------ */

static const char * const engine_names[WEFT_N_ENGINES] = {
  [WEFT_ENGINE_AUTO] = "auto",
  [WEFT_ENGINE_DOT] = "dot",
  [WEFT_ENGINE_NEATO] = "neato",
  [WEFT_ENGINE_FDP] = "fdp",
  [WEFT_ENGINE_SFDP] = "sfdp",
  [WEFT_ENGINE_CIRCO] = "circo",
  [WEFT_ENGINE_TWOPI] = "twopi",
};

const char *
weft_layout_engine_to_string (WeftLayoutEngine engine)
{
  if ((guint) engine >= WEFT_N_ENGINES)
    return "auto";
  return engine_names[engine];
}

gboolean
weft_layout_engine_from_string (const char       *string,
                                WeftLayoutEngine *engine)
{
  for (guint i = 0; string != NULL && i < WEFT_N_ENGINES; i++)
    if (g_ascii_strcasecmp (string, engine_names[i]) == 0)
      {
        *engine = i;
        return TRUE;
      }
  return FALSE;
}

WeftLayoutEngine
weft_layout_engine_choose (guint n_nodes,
                           guint n_edges)
{
  return WEFT_ENGINE_SFDP;
}

WeftLayoutEngine
weft_layout_engine_resolve (WeftGraph        *graph,
                            WeftLayoutEngine  engine)
{
  if (engine == WEFT_ENGINE_AUTO || (guint) engine >= WEFT_N_ENGINES)
    return weft_layout_engine_choose (weft_graph_get_n_nodes (graph), weft_graph_get_n_edges (graph));
  return engine;
}

WeftLayoutEngine
weft_layout_engine_fallback (WeftLayoutEngine engine)
{
  switch (engine)
    {
    case WEFT_ENGINE_SFDP:
      return WEFT_ENGINE_AUTO;
    case WEFT_ENGINE_AUTO:
    case WEFT_ENGINE_DOT:
    case WEFT_ENGINE_NEATO:
    case WEFT_ENGINE_FDP:
    case WEFT_ENGINE_CIRCO:
    case WEFT_ENGINE_TWOPI:
    case WEFT_N_ENGINES:
    default:
      return WEFT_ENGINE_SFDP;
    }
}

gboolean
weft_layout_places_edge_labels (WeftLayoutEngine engine,
                                guint            n_edges)
{
  /* Edge labels cost the force-directed engines dearly: sfdp takes four
   * times as long on 10,000 nodes with them (tests/bench/README.md). */
  return engine == WEFT_ENGINE_DOT || n_edges <= WEFT_LAYOUT_LABEL_LIMIT;
}

static const char * const format_names[WEFT_N_EXPORT_FORMATS] = {
  [WEFT_EXPORT_SVG] = "svg",
  [WEFT_EXPORT_PNG] = "png",
  [WEFT_EXPORT_PDF] = "pdf",
  [WEFT_EXPORT_DOT] = "dot",
};

const char *
weft_export_format_to_string (WeftExportFormat format)
{
  if ((guint) format >= WEFT_N_EXPORT_FORMATS)
    return "svg";
  return format_names[format];
}

gboolean
weft_export_format_from_path (const char       *file,
                              WeftExportFormat *format,
                              GError          **error)
{
  const char *dot = file ? strrchr (file, '.') : NULL;
  const char *slash = file ? strrchr (file, '/') : NULL;

  if (dot != NULL && (slash == NULL || dot > slash))
    {
      for (guint i = 0; i < WEFT_N_EXPORT_FORMATS; i++)
        if (g_ascii_strcasecmp (dot + 1, format_names[i]) == 0)
          {
            *format = i;
            return TRUE;
          }
      if (g_ascii_strcasecmp (dot + 1, "gv") == 0)
        {
          *format = WEFT_EXPORT_DOT;
          return TRUE;
        }
    }

  g_set_error (error, WEFT_ERROR, WEFT_ERROR_FORMAT,
               _("Cannot tell the format of “%s”: end its name with .svg, .png, .pdf or .dot"),
               file ? file : "");
  return FALSE;
}

/* ---- Making a layout ------------------------------------------------------- */

WeftLayout *
weft_layout_alloc (WeftLayoutEngine engine,
                   guint            n_nodes,
                   guint            n_edges,
                   guint            n_splines,
                   guint            n_points)
{
  WeftLayout *self = g_new0 (WeftLayout, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->engine = engine;
  self->nodes = g_new0 (WeftNodeBox, MAX (n_nodes, 1));
  self->edges = g_new0 (WeftEdgePath, MAX (n_edges, 1));
  self->splines = g_new0 (WeftSpline, MAX (n_splines, 1));
  self->points = g_new0 (WeftPoint, MAX (n_points, 1));
  self->n_splines = n_splines;
  self->n_points = n_points;
  return self;
}

void
weft_layout_finish (WeftLayout *self,
                    WeftGraph  *graph)
{
  self->graph = weft_graph_ref (graph);

  /* Labels Graphviz did not place: at the middle of their edge, with an
   * estimated size (8 points) for culling and hits. */
  for (guint i = 0; i < weft_graph_get_n_edges (graph); i++)
    {
      WeftEdgePath *ep = &self->edges[i];
      const char *label = weft_graph_get_edge (graph, i)->label;
      const WeftSpline *mid;
      const WeftPoint *q;
      guint seg;

      if (ep->has_label || ep->n_splines == 0 || *label == '\0')
        continue;
      mid = &ep->splines[ep->n_splines / 2];
      seg = (mid->n_points - 1) / 3;
      if (seg == 0)
        continue;
      q = &mid->points[3 * (seg / 2)];
      ep->has_label = TRUE;
      ep->label_x = (q[0].x + 3 * q[1].x + 3 * q[2].x + q[3].x) / 8;
      ep->label_y = (q[0].y + 3 * q[1].y + 3 * q[2].y + q[3].y) / 8;
      ep->label_width = 5.0 * g_utf8_strlen (label, -1);
      ep->label_height = 10.0;
      ep->x1 = MIN (ep->x1, ep->label_x - ep->label_width / 2);
      ep->y1 = MIN (ep->y1, ep->label_y - ep->label_height / 2);
      ep->x2 = MAX (ep->x2, ep->label_x + ep->label_width / 2);
      ep->y2 = MAX (ep->y2, ep->label_y + ep->label_height / 2);
    }
}

/* ---- A part of a layout ------------------------------------------------- */

/* An edge as the items it joins and stands for, the same in any graph of
 * the dataset. */
typedef struct {
  WeftItem     *item;
  WeftItem     *tail;
  WeftItem     *head;
  WeftEdgeKind  kind;
} EdgeKey;

static EdgeKey
edge_key (WeftGraph *graph,
          guint      index)
{
  const WeftGraphEdge *e = weft_graph_get_edge (graph, index);

  return (EdgeKey) { e->item, weft_graph_get_node (graph, e->tail)->item, weft_graph_get_node (graph, e->head)->item,
                     e->kind };
}

static guint
edge_key_hash (gconstpointer p)
{
  const EdgeKey *k = p;

  return g_direct_hash (k->item) ^ (g_direct_hash (k->tail) * 31) ^ (g_direct_hash (k->head) * 17) ^ k->kind;
}

/* Member by member: memcmp() would compare the padding after the kind
 * too, whose bytes no initialiser sets (the sanitizer build's differed,
 * so no edge matched and every filter fell back to the whole layout). */
static gboolean
edge_key_equal (gconstpointer a,
                gconstpointer b)
{
  const EdgeKey *x = a, *y = b;

  return x->item == y->item && x->tail == y->tail && x->head == y->head && x->kind == y->kind;
}

guint *
weft_layout_map_edges (WeftLayout *layout,
                       WeftGraph  *graph)
{
  WeftGraph *base = layout->graph;
  g_autoptr(GHashTable) edges = g_hash_table_new_full (edge_key_hash, edge_key_equal, g_free, NULL);
  guint n_edges = weft_graph_get_n_edges (graph);
  guint *from = g_new0 (guint, MAX (n_edges, 1));

  for (guint i = 0; i < weft_graph_get_n_edges (base); i++)
    {
      EdgeKey key = edge_key (base, i);

      g_hash_table_insert (edges, g_memdup2 (&key, sizeof key), GUINT_TO_POINTER (i + 1));
    }
  for (guint i = 0; i < n_edges; i++)
    {
      EdgeKey key = edge_key (graph, i);

      from[i] = GPOINTER_TO_UINT (g_hash_table_lookup (edges, &key));
    }
  return from;
}

WeftLayout *
weft_layout_carry (WeftLayout *layout,
                   WeftGraph  *graph,
                   gboolean    grow)
{
  WeftGraph *base;
  guint n_nodes, n_edges, n_splines = 0, n_points = 0, s = 0, p = 0;
  g_autofree guint *from = NULL;
  WeftLayout *self;

  g_return_val_if_fail (layout != NULL && graph != NULL, NULL);

  base = layout->graph;
  n_nodes = weft_graph_get_n_nodes (graph);
  n_edges = weft_graph_get_n_edges (graph);

  /* Where each edge was, and room for its curves (or one segment). */
  from = weft_layout_map_edges (layout, graph);
  for (guint i = 0; i < n_edges; i++)
    {
      const WeftEdgePath *path;

      if (from[i] == 0)
        {
          if (!grow)
            return NULL;
          n_splines++;
          n_points += 4;
          continue;
        }
      path = &layout->edges[from[i] - 1];
      n_splines += path->n_splines;
      for (guint j = 0; j < path->n_splines; j++)
        n_points += path->splines[j].n_points;
    }
  for (guint i = 0; i < n_nodes && !grow; i++)
    if (weft_graph_lookup_node (base, weft_graph_get_node (graph, i)->item) < 0)
      return NULL;

  self = weft_layout_alloc (layout->engine, n_nodes, n_edges, n_splines, n_points);
  self->graph = weft_graph_ref (graph);
  self->width = layout->width;
  self->height = layout->height;
  self->warnings = g_strdup (layout->warnings);
  self->in_helper = layout->in_helper;
  for (guint i = 0; i < n_nodes; i++)
    {
      gint old = weft_graph_lookup_node (base, weft_graph_get_node (graph, i)->item);

      if (old >= 0)
        self->nodes[i] = layout->nodes[old];
    }
  for (guint i = 0; i < n_edges; i++)
    {
      const WeftEdgePath *path;

      if (from[i] == 0)
        continue;
      path = &layout->edges[from[i] - 1];
      self->edges[i] = *path;
      self->edges[i].splines = &self->splines[s];
      for (guint j = 0; j < path->n_splines; j++)
        {
          WeftSpline *spline = &self->splines[s++];

          *spline = path->splines[j];
          memcpy (&self->points[p], spline->points, sizeof (WeftPoint) * spline->n_points);
          spline->points = &self->points[p];
          p += spline->n_points;
        }
    }
  return self;
}

WeftLayout *
weft_layout_subset (WeftLayout *layout,
                    WeftGraph  *graph)
{
  return weft_layout_carry (layout, graph, FALSE);
}

/* ---- Reading a layout ---------------------------------------------------- */

WeftLayout *
weft_layout_ref (WeftLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
weft_layout_unref (WeftLayout *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_pointer (&self->graph, weft_graph_unref);
  g_free (self->nodes);
  g_free (self->edges);
  g_free (self->splines);
  g_free (self->points);
  g_free (self->warnings);
  g_free (self);
}

WeftGraph *
weft_layout_get_graph (WeftLayout *self)
{
  return self->graph;
}

WeftLayoutEngine
weft_layout_get_engine (WeftLayout *self)
{
  return self->engine;
}

double
weft_layout_get_width (WeftLayout *self)
{
  return self->width;
}

double
weft_layout_get_height (WeftLayout *self)
{
  return self->height;
}

const WeftNodeBox *
weft_layout_get_node (WeftLayout *self,
                      guint       index)
{
  g_return_val_if_fail (index < weft_graph_get_n_nodes (self->graph), NULL);

  return &self->nodes[index];
}

const WeftEdgePath *
weft_layout_get_edge (WeftLayout *self,
                      guint       index)
{
  g_return_val_if_fail (index < weft_graph_get_n_edges (self->graph), NULL);

  return &self->edges[index];
}

const char *
weft_layout_get_warnings (WeftLayout *self)
{
  return self->warnings;
}

gboolean
weft_layout_get_in_helper (WeftLayout *self)
{
  return self->in_helper;
}

char *
weft_layout_dup_plain_centres (WeftLayout *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < weft_graph_get_n_nodes (self->graph); i++)
    {
      char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (x, sizeof x, "%.5g", self->nodes[i].x / 72.0);
      g_ascii_formatd (y, sizeof y, "%.5g", (self->height - self->nodes[i].y) / 72.0);
      g_string_append_printf (out, "%s %s\n", x, y);
    }
  return g_string_free (out, FALSE);
}
