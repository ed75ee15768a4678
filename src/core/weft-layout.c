/* weft-layout.c: the one file that speaks to Graphviz
 *
 * Every Graphviz call happens with gv_lock held, in whatever thread the
 * caller is in: Graphviz keeps global state (its error handler, its
 * string pools, the LC_NUMERIC it sets while rendering) and is not
 * thread-safe. One GVC_t serves the whole process.
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include <gvc.h>
#include <cgraph.h>

#include "weft-error.h"
#include "weft-layout.h"

/* Fonts and sizes shared with the view, which draws the labels itself
 * with Pango at the same size so they fit the boxes Graphviz measured. */
#define NODE_FONT "DejaVu Sans"
#define NODE_FONT_SIZE "10"
#define EDGE_FONT_SIZE "8"

static GMutex gv_lock;
static GVC_t *gv_context;
static GString *gv_messages;   /* what Graphviz said during the current call */

struct _WeftLayout
{
  gatomicrefcount   ref_count;
  WeftGraph        *graph;
  WeftLayoutEngine  engine;
  double            width;
  double            height;
  WeftNodeBox      *nodes;
  WeftEdgePath     *edges;
  WeftSpline       *splines;
  WeftPoint        *points;
  char             *warnings;
};

G_DEFINE_BOXED_TYPE (WeftLayout, weft_layout, weft_layout_ref, weft_layout_unref)

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
  /* dot is interactive up to a few hundred nodes when edges carry labels
   * (each labelled edge adds virtual nodes); sfdp stays fast far beyond.
   * Edges count too. */
  if (n_nodes <= WEFT_LAYOUT_DOT_LIMIT && n_edges <= 2 * WEFT_LAYOUT_DOT_LIMIT)
    return WEFT_ENGINE_DOT;
  return WEFT_ENGINE_SFDP;
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

/* ---- Talking to Graphviz (gv_lock held) ---------------------------------- */

static int
collect_message (char *text)
{
  if (gv_messages != NULL && text != NULL)
    g_string_append (gv_messages, text);
  return 0;
}

static GVC_t *
gv_begin (void)
{
  g_mutex_lock (&gv_lock);

  if (gv_context == NULL)
    {
      gv_messages = g_string_new (NULL);
      /* Every message goes to collect_message(), none to stderr. */
      agseterrf (collect_message);
      agseterr (AGWARN);
      gv_context = gvContext ();
    }

  g_string_truncate (gv_messages, 0);
  agreseterrors ();
  return gv_context;
}

/* What Graphviz said since gv_begin(), tidied, or NULL. */
static char *
gv_take_messages (void)
{
  g_autofree char *text = g_strstrip (g_strdup (gv_messages->str));

  g_string_truncate (gv_messages, 0);
  if (*text == '\0')
    return NULL;
  return g_steal_pointer (&text);
}

static void
gv_end (void)
{
  g_mutex_unlock (&gv_lock);
}

static void
set_gv_error (GError     **error,
              const char  *what)
{
  g_autofree char *said = gv_take_messages ();

  if (said != NULL)
    g_set_error (error, WEFT_ERROR, WEFT_ERROR_LAYOUT, "%s: %s", what, said);
  else
    g_set_error_literal (error, WEFT_ERROR, WEFT_ERROR_LAYOUT, what);
}

/* Labels are data. In a Graphviz label a backslash starts an escape (\N
 * the node's name, \G the graph's, \l a left-justified line break…) and
 * HTML entities are decoded (&lt; becomes <), so both are escaped: \\ is
 * one backslash and &amp; one ampersand. The strings are set as plain
 * strings, never as HTML labels, so <b> stays text; renderers escape
 * what their format needs. */
static char *
escape_label (const char *text)
{
  GString *s = g_string_sized_new (strlen (text) + 8);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\\')
        g_string_append (s, "\\\\");
      else if (*p == '&')
        g_string_append (s, "&amp;");
      else
        g_string_append_c (s, *p);
    }
  return g_string_free (s, FALSE);
}

static char *
color_string (guint32 rgb)
{
  return g_strdup_printf ("#%06x", rgb & 0xffffff);
}

/* Writes agwrite()'s output into a GString. */
static int
gstring_putstr (void       *chan,
                const char *str)
{
  g_string_append ((GString *) chan, str);
  return 0;
}

static int
gstring_flush (void *chan)
{
  return 0;
}

static Agiodisc_t gstring_io = { NULL, gstring_putstr, gstring_flush };

/* Ties Graphviz objects to our indices while the graph lives. */
typedef struct {
  Agraph_t  *g;
  Agnode_t **nodes;
  Agedge_t **edges;
  Agdisc_t   disc;
} Built;

static void
built_clear (Built *b)
{
  if (b->g != NULL)
    agclose (b->g);
  g_free (b->nodes);
  g_free (b->edges);
  memset (b, 0, sizeof *b);
}

gboolean
weft_layout_places_edge_labels (WeftLayoutEngine engine,
                                guint            n_edges)
{
  /* Edge labels cost the force-directed engines dearly: sfdp takes four
   * times as long on 10,000 nodes with them (tests/bench/README.md). */
  return engine == WEFT_ENGINE_DOT || n_edges <= WEFT_LAYOUT_LABEL_LIMIT;
}

static void
build_agraph (Built            *b,
              WeftGraph        *graph,
              WeftLayoutEngine  engine)
{
  guint n_nodes = weft_graph_get_n_nodes (graph);
  guint n_edges = weft_graph_get_n_edges (graph);
  Agsym_t *n_label, *n_shape, *n_style, *n_fill, *n_color;
  Agsym_t *e_label, *e_style, *e_color, *e_penwidth, *e_arrowhead, *e_fontcolor;
  const char *title = weft_dataset_get_title (weft_graph_get_dataset (graph));
  gboolean with_labels = weft_layout_places_edge_labels (engine, n_edges);
  g_autofree char *escaped_title = escape_label (title ? title : "");

  b->disc.mem = &AgMemDisc;
  b->disc.id = &AgIdDisc;
  b->disc.io = &gstring_io;
  b->g = agopen ((char *) "weft", Agdirected, &b->disc);
  b->nodes = g_new0 (Agnode_t *, MAX (n_nodes, 1));
  b->edges = g_new0 (Agedge_t *, MAX (n_edges, 1));

  agattr (b->g, AGRAPH, (char *) "layout", (char *) weft_layout_engine_to_string (engine));
  agattr (b->g, AGRAPH, (char *) "comment", escaped_title);
  agattr (b->g, AGRAPH, (char *) "outputorder", (char *) "edgesfirst");
  agattr (b->g, AGRAPH, (char *) "pad", (char *) "0.2");
  agattr (b->g, AGRAPH, (char *) "fontname", (char *) NODE_FONT);
  switch (engine)
    {
    case WEFT_ENGINE_DOT:
      agattr (b->g, AGRAPH, (char *) "rankdir", (char *) "LR");
      agattr (b->g, AGRAPH, (char *) "nodesep", (char *) "0.2");
      agattr (b->g, AGRAPH, (char *) "ranksep", (char *) "0.6");
      break;
    case WEFT_ENGINE_NEATO:
    case WEFT_ENGINE_FDP:
      agattr (b->g, AGRAPH, (char *) "overlap", (char *) "false");
      agattr (b->g, AGRAPH, (char *) "splines", (char *) "true");
      break;
    case WEFT_ENGINE_SFDP:
      agattr (b->g, AGRAPH, (char *) "overlap", (char *) "prism");
      break;
    case WEFT_ENGINE_CIRCO:
    case WEFT_ENGINE_TWOPI:
      agattr (b->g, AGRAPH, (char *) "overlap", (char *) "false");
      break;
    case WEFT_ENGINE_AUTO:
    case WEFT_N_ENGINES:
    default:
      break;
    }

  agattr (b->g, AGNODE, (char *) "fontname", (char *) NODE_FONT);
  agattr (b->g, AGNODE, (char *) "fontsize", (char *) NODE_FONT_SIZE);
  agattr (b->g, AGNODE, (char *) "margin", (char *) "0.1,0.04");
  agattr (b->g, AGNODE, (char *) "height", (char *) "0.3");
  agattr (b->g, AGNODE, (char *) "width", (char *) "0.4");
  agattr (b->g, AGNODE, (char *) "penwidth", (char *) "1.2");
  n_label = agattr (b->g, AGNODE, (char *) "label", (char *) "");
  n_shape = agattr (b->g, AGNODE, (char *) "shape", (char *) "box");
  n_style = agattr (b->g, AGNODE, (char *) "style", (char *) "filled");
  n_fill = agattr (b->g, AGNODE, (char *) "fillcolor", (char *) "#ffffff");
  n_color = agattr (b->g, AGNODE, (char *) "color", (char *) "#000000");
  agattr (b->g, AGNODE, (char *) "fontcolor", (char *) "#241f31");

  agattr (b->g, AGEDGE, (char *) "fontname", (char *) NODE_FONT);
  agattr (b->g, AGEDGE, (char *) "fontsize", (char *) EDGE_FONT_SIZE);
  agattr (b->g, AGEDGE, (char *) "arrowsize", (char *) "0.7");
  e_label = agattr (b->g, AGEDGE, (char *) "label", (char *) "");
  e_style = agattr (b->g, AGEDGE, (char *) "style", (char *) "solid");
  e_color = agattr (b->g, AGEDGE, (char *) "color", (char *) "#3d3846");
  e_penwidth = agattr (b->g, AGEDGE, (char *) "penwidth", (char *) "1");
  e_arrowhead = agattr (b->g, AGEDGE, (char *) "arrowhead", (char *) "normal");
  e_fontcolor = agattr (b->g, AGEDGE, (char *) "fontcolor", (char *) "#5e5c64");

  for (guint i = 0; i < n_nodes; i++)
    {
      const WeftGraphNode *node = weft_graph_get_node (graph, i);
      g_autofree char *text = g_strconcat (node->style->glyph, " ", node->label, NULL);
      g_autofree char *label = escape_label (text);
      g_autofree char *fill = NULL;
      g_autofree char *stroke = NULL;
      guint32 fill_rgb, stroke_rgb;
      Agnode_t *n;

      /* Node names are item ids, unique in a dataset; agwrite() quotes
       * them. What shows is the label. */
      n = agnode (b->g, (char *) node->item->id, TRUE);
      b->nodes[i] = n;
      weft_node_style_colors (node->style, FALSE, &fill_rgb, &stroke_rgb);
      fill = color_string (fill_rgb);
      stroke = color_string (stroke_rgb);
      agxset (n, n_label, label);
      agxset (n, n_shape, (char *) node->style->graphviz_shape);
      agxset (n, n_style, (char *) node->style->graphviz_style);
      agxset (n, n_fill, fill);
      agxset (n, n_color, stroke);
    }

  for (guint i = 0; i < n_edges; i++)
    {
      const WeftGraphEdge *edge = weft_graph_get_edge (graph, i);
      const WeftEdgeStyle *style = weft_graph_style_for_evidence (edge->evidence);
      g_autofree char *label = escape_label (edge->label);
      g_autofree char *penwidth = g_strdup_printf ("%.1f", style->penwidth);
      Agedge_t *e;

      e = agedge (b->g, b->nodes[edge->tail], b->nodes[edge->head], NULL, TRUE);
      b->edges[i] = e;
      if (*label != '\0' && with_labels)
        agxset (e, e_label, label);
      if (edge->kind != WEFT_EDGE_RELATION)
        {
          /* Links to event and claim nodes: thin, grey, no arrow for
           * participants. */
          agxset (e, e_color, (char *) "#9a9996");
          agxset (e, e_penwidth, (char *) "0.8");
          if (edge->kind == WEFT_EDGE_PARTICIPANT)
            agxset (e, e_arrowhead, (char *) "none");
          continue;
        }
      agxset (e, e_style, (char *) style->graphviz_style);
      /* %.1f may use a decimal comma under some locales. */
      g_strdelimit (penwidth, ",", '.');
      agxset (e, e_penwidth, penwidth);
      if (style->grey)
        {
          agxset (e, e_color, (char *) "#9a9996");
          agxset (e, e_fontcolor, (char *) "#9a9996");
        }
      if (style->red)
        {
          agxset (e, e_color, (char *) "#c01c28");
          agxset (e, e_fontcolor, (char *) "#a51d2d");
        }
      if (style->tee)
        agxset (e, e_arrowhead, (char *) "tee");
    }
}

/* Copies what Graphviz placed into a WeftLayout, y down. */
static WeftLayout *
extract_layout (Built            *b,
                WeftGraph        *graph,
                WeftLayoutEngine  engine)
{
  WeftLayout *self = g_new0 (WeftLayout, 1);
  guint n_nodes = weft_graph_get_n_nodes (graph);
  guint n_edges = weft_graph_get_n_edges (graph);
  boxf bb = GD_bb (b->g);
  guint n_splines = 0, n_points = 0, s = 0, p = 0;

#define FX(px) ((px) - bb.LL.x)
#define FY(py) (bb.UR.y - (py))

  g_atomic_ref_count_init (&self->ref_count);
  self->graph = weft_graph_ref (graph);
  self->engine = engine;
  self->width = bb.UR.x - bb.LL.x;
  self->height = bb.UR.y - bb.LL.y;
  self->nodes = g_new0 (WeftNodeBox, MAX (n_nodes, 1));
  self->edges = g_new0 (WeftEdgePath, MAX (n_edges, 1));

  for (guint i = 0; i < n_nodes; i++)
    {
      Agnode_t *n = b->nodes[i];
      WeftNodeBox *nb = &self->nodes[i];

      nb->x = FX (ND_coord (n).x);
      nb->y = FY (ND_coord (n).y);
      nb->width = ND_width (n) * 72.0;
      nb->height = ND_height (n) * 72.0;
      /* Graphviz only sets a node label's position while rendering
       * (poly_gencode); Weft's labels are centred. */
      nb->label_x = nb->x;
      nb->label_y = nb->y;
    }

  for (guint i = 0; i < n_edges; i++)
    {
      splines *spl = ED_spl (b->edges[i]);

      if (spl == NULL)
        continue;
      n_splines += spl->size;
      for (int j = 0; j < spl->size; j++)
        n_points += spl->list[j].size;
    }
  self->splines = g_new0 (WeftSpline, MAX (n_splines, 1));
  self->points = g_new0 (WeftPoint, MAX (n_points, 1));

  for (guint i = 0; i < n_edges; i++)
    {
      Agedge_t *e = b->edges[i];
      splines *spl = ED_spl (e);
      WeftEdgePath *ep = &self->edges[i];
      double x1 = G_MAXDOUBLE, y1 = G_MAXDOUBLE, x2 = -G_MAXDOUBLE, y2 = -G_MAXDOUBLE;

#define GROW(px, py) G_STMT_START { \
    x1 = MIN (x1, (px)); y1 = MIN (y1, (py)); \
    x2 = MAX (x2, (px)); y2 = MAX (y2, (py)); \
  } G_STMT_END

      ep->splines = &self->splines[s];
      for (int j = 0; spl != NULL && j < spl->size; j++)
        {
          bezier *bz = &spl->list[j];
          WeftSpline *out = &self->splines[s++];

          out->points = &self->points[p];
          out->n_points = (guint) bz->size;
          for (int k = 0; k < bz->size; k++)
            {
              WeftPoint pt = { FX (bz->list[k].x), FY (bz->list[k].y) };

              self->points[p++] = pt;
              GROW (pt.x, pt.y);
            }
          if (bz->sflag)
            {
              out->has_start_arrow = TRUE;
              out->start_tip = (WeftPoint) { FX (bz->sp.x), FY (bz->sp.y) };
              GROW (out->start_tip.x, out->start_tip.y);
            }
          if (bz->eflag)
            {
              out->has_end_arrow = TRUE;
              out->end_tip = (WeftPoint) { FX (bz->ep.x), FY (bz->ep.y) };
              GROW (out->end_tip.x, out->end_tip.y);
            }
          ep->n_splines++;
        }

      if (ED_label (e) != NULL && ED_label (e)->set)
        {
          textlabel_t *l = ED_label (e);

          ep->has_label = TRUE;
          ep->label_x = FX (l->pos.x);
          ep->label_y = FY (l->pos.y);
          ep->label_width = l->dimen.x;
          ep->label_height = l->dimen.y;
          GROW (ep->label_x - l->dimen.x / 2, ep->label_y - l->dimen.y / 2);
          GROW (ep->label_x + l->dimen.x / 2, ep->label_y + l->dimen.y / 2);
        }

      if (!ep->has_label && ep->n_splines > 0 && *weft_graph_get_edge (graph, i)->label != '\0')
        {
          /* Graphviz was not asked to place it: the middle of the edge. */
          const WeftSpline *mid = &ep->splines[ep->n_splines / 2];
          guint seg = (mid->n_points - 1) / 3;
          const WeftPoint *q = &mid->points[3 * (seg / 2)];

          if (seg > 0)
            {
              /* An estimate of its size at 8 points, for culling and
               * hit testing. */
              ep->has_label = TRUE;
              ep->label_x = (q[0].x + 3 * q[1].x + 3 * q[2].x + q[3].x) / 8;
              ep->label_y = (q[0].y + 3 * q[1].y + 3 * q[2].y + q[3].y) / 8;
              ep->label_width = 5.0 * g_utf8_strlen (weft_graph_get_edge (graph, i)->label, -1);
              ep->label_height = 10.0;
              GROW (ep->label_x - ep->label_width / 2, ep->label_y - ep->label_height / 2);
              GROW (ep->label_x + ep->label_width / 2, ep->label_y + ep->label_height / 2);
            }
        }

      if (x1 > x2)
        x1 = x2 = y1 = y2 = 0;
      ep->x1 = x1;
      ep->y1 = y1;
      ep->x2 = x2;
      ep->y2 = y2;
#undef GROW
    }

#undef FX
#undef FY
  return self;
}

/* ---- Start-up check ----------------------------------------------------- */

gboolean
weft_layout_check (GError **error)
{
  static gsize checked = 0;
  static GError *failure = NULL;

  if (g_once_init_enter (&checked))
    {
      GVC_t *gvc = gv_begin ();
      Agraph_t *g = agopen ((char *) "check", Agdirected, NULL);
      g_autofree char *said = NULL;
      int status;

      agnode (g, (char *) "n", TRUE);
      status = gvLayout (gvc, g, "dot");
      said = gv_take_messages ();
      if (status == 0)
        gvFreeLayout (gvc, g);
      agclose (g);
      gv_end ();

      if (status != 0)
        failure = g_error_new (WEFT_ERROR, WEFT_ERROR_LAYOUT,
                               _("Graphviz cannot lay out graphs: it knows no layout engines, which "
                                 "usually means its plugin configuration is missing. Run “dot -c” "
                                 "as root to write it (or set GVBINDIR to the folder holding the "
                                 "plugins and their config file). Graphviz said: %s"),
                               said ? said : _("nothing"));
      g_once_init_leave (&checked, 1);
    }

  if (failure != NULL)
    {
      if (error != NULL)
        *error = g_error_copy (failure);
      return FALSE;
    }
  return TRUE;
}

/* ---- Layout ------------------------------------------------------------- */

/* Lays out with the lock held; returns NULL with no error when
 * *@abandoned was set before Graphviz started. */
static WeftLayout *
run_layout (WeftGraph         *graph,
            WeftLayoutEngine   engine,
            gint              *abandoned,
            GError           **error)
{
  Built b = { 0 };
  WeftLayout *layout = NULL;
  GVC_t *gvc;

  if (!weft_layout_check (error))
    return NULL;

  if (engine == WEFT_ENGINE_AUTO || (guint) engine >= WEFT_N_ENGINES)
    engine = weft_layout_engine_choose (weft_graph_get_n_nodes (graph), weft_graph_get_n_edges (graph));

  gvc = gv_begin ();
  if (abandoned != NULL && g_atomic_int_get (abandoned))
    {
      gv_end ();
      return NULL;
    }

  build_agraph (&b, graph, engine);
  if (gvLayout (gvc, b.g, weft_layout_engine_to_string (engine)) != 0)
    {
      g_autofree char *what = g_strdup_printf (_("Graphviz (%s) could not lay the graph out"),
                                               weft_layout_engine_to_string (engine));
      set_gv_error (error, what);
    }
  else
    {
      layout = extract_layout (&b, graph, engine);
      layout->warnings = gv_take_messages ();
      gvFreeLayout (gvc, b.g);
    }
  built_clear (&b);
  gv_end ();

  return layout;
}

WeftLayout *
weft_layout_run (WeftGraph         *graph,
                 WeftLayoutEngine   engine,
                 GError           **error)
{
  g_return_val_if_fail (graph != NULL, NULL);

  return run_layout (graph, engine, NULL, error);
}

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

  weft_graph_unref (self->graph);
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

/* ---- Asynchronous layout ------------------------------------------------ */

/* One request. The outer task is what the caller waits on; it finishes
 * exactly once, in the caller's main context, with the first of: the
 * worker's result, the time limit, the cancellation. */
typedef struct {
  gatomicrefcount   ref_count;
  GTask            *outer;      /* NULL once finished */
  WeftGraph        *graph;
  WeftLayoutEngine  engine;
  GSource          *timeout;
  GSource          *cancelled;
  gint              abandoned;  /* atomic: the worker's result is not wanted */
} Job;

static Job *
job_ref (Job *job)
{
  g_atomic_ref_count_inc (&job->ref_count);
  return job;
}

static void
job_unref (Job *job)
{
  if (!g_atomic_ref_count_dec (&job->ref_count))
    return;

  g_assert (job->outer == NULL);
  weft_graph_unref (job->graph);
  g_free (job);
}

static void
job_finish (Job        *job,
            WeftLayout *layout,
            GError     *error)
{
  GTask *outer = g_steal_pointer (&job->outer);

  g_atomic_int_set (&job->abandoned, 1);
  if (job->timeout != NULL)
    {
      g_source_destroy (job->timeout);
      g_clear_pointer (&job->timeout, g_source_unref);
    }
  if (job->cancelled != NULL)
    {
      g_source_destroy (job->cancelled);
      g_clear_pointer (&job->cancelled, g_source_unref);
    }

  if (error != NULL)
    g_task_return_error (outer, error);
  else
    g_task_return_pointer (outer, layout, (GDestroyNotify) weft_layout_unref);
  g_object_unref (outer);
}

static gboolean
on_timeout (gpointer user_data)
{
  Job *job = user_data;

  if (job->outer != NULL)
    job_finish (job, NULL,
                g_error_new (WEFT_ERROR, WEFT_ERROR_CANCELLED_TIMEOUT,
                             _("The %s layout took too long and was abandoned"),
                             weft_layout_engine_to_string (job->engine)));
  return G_SOURCE_REMOVE;
}

static gboolean
on_cancelled (GCancellable *cancellable,
              gpointer      user_data)
{
  Job *job = user_data;

  if (job->outer != NULL)
    job_finish (job, NULL,
                g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The layout was cancelled")));
  return G_SOURCE_REMOVE;
}

static void
layout_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  WeftLayout *layout;

  /* Abandoned while waiting for a thread, or for the lock while an
   * earlier layout held it: never start. */
  if (g_atomic_int_get (&job->abandoned))
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  layout = run_layout (job->graph, job->engine, &job->abandoned, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, layout, (GDestroyNotify) weft_layout_unref);
}

static void
layout_thread_done (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Job *job = user_data;
  GError *error = NULL;
  WeftLayout *layout = g_task_propagate_pointer (G_TASK (result), &error);

  if (job->outer != NULL)
    {
      if (layout == NULL && error == NULL)
        error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The layout was cancelled"));
      job_finish (job, layout, error);
    }
  else
    {
      /* Too late: the caller has moved on. */
      g_clear_pointer (&layout, weft_layout_unref);
      g_clear_error (&error);
    }
  job_unref (job);
}

void
weft_layout_run_async (WeftGraph           *graph,
                       WeftLayoutEngine     engine,
                       guint                timeout_ms,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) inner = NULL;
  GMainContext *context = g_main_context_ref_thread_default ();
  Job *job;

  g_return_if_fail (graph != NULL);

  job = g_new0 (Job, 1);
  g_atomic_ref_count_init (&job->ref_count);
  job->graph = weft_graph_ref (graph);
  job->engine = engine;
  job->outer = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (job->outer, weft_layout_run_async);
  g_task_set_check_cancellable (job->outer, FALSE);

  if (cancellable != NULL && g_cancellable_is_cancelled (cancellable))
    {
      job_finish (job, NULL,
                  g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The layout was cancelled")));
      job_unref (job);
      g_main_context_unref (context);
      return;
    }

  if (timeout_ms > 0)
    {
      job->timeout = g_timeout_source_new (timeout_ms);
      g_source_set_callback (job->timeout, on_timeout, job_ref (job), (GDestroyNotify) job_unref);
      g_source_set_static_name (job->timeout, "[weft] layout time limit");
      g_source_attach (job->timeout, context);
    }
  if (cancellable != NULL)
    {
      job->cancelled = g_cancellable_source_new (cancellable);
      g_source_set_callback (job->cancelled, (GSourceFunc) (void (*) (void)) on_cancelled,
                             job_ref (job), (GDestroyNotify) job_unref);
      g_source_set_static_name (job->cancelled, "[weft] layout cancelled");
      g_source_attach (job->cancelled, context);
    }

  inner = g_task_new (NULL, NULL, layout_thread_done, job);
  g_task_set_task_data (inner, job_ref (job), (GDestroyNotify) job_unref);
  g_task_run_in_thread (inner, layout_thread);
  g_main_context_unref (context);
}

WeftLayout *
weft_layout_run_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- Export -------------------------------------------------------------- */

static const char *
renderer_for (WeftExportFormat format)
{
  switch (format)
    {
    case WEFT_EXPORT_PNG: return "png";
    case WEFT_EXPORT_PDF: return "pdf";
    case WEFT_EXPORT_SVG:
    case WEFT_EXPORT_DOT:
    case WEFT_N_EXPORT_FORMATS:
    default:
      return "svg";
    }
}

GBytes *
weft_layout_export (WeftGraph         *graph,
                    WeftLayoutEngine   engine,
                    WeftExportFormat   format,
                    GError           **error)
{
  Built b = { 0 };
  GBytes *bytes = NULL;
  GVC_t *gvc;

  g_return_val_if_fail (graph != NULL, NULL);

  if (!weft_layout_check (error))
    return NULL;

  if (engine == WEFT_ENGINE_AUTO || (guint) engine >= WEFT_N_ENGINES)
    engine = weft_layout_engine_choose (weft_graph_get_n_nodes (graph), weft_graph_get_n_edges (graph));

  gvc = gv_begin ();
  build_agraph (&b, graph, engine);

  if (format == WEFT_EXPORT_DOT)
    {
      GString *out = g_string_new (NULL);

      if (agwrite (b.g, out) != 0)
        {
          set_gv_error (error, _("Graphviz could not write the graph as DOT"));
          g_string_free (out, TRUE);
        }
      else
        bytes = g_string_free_to_bytes (out);
    }
  else if (gvLayout (gvc, b.g, weft_layout_engine_to_string (engine)) != 0)
    {
      g_autofree char *what = g_strdup_printf (_("Graphviz (%s) could not lay the graph out"),
                                               weft_layout_engine_to_string (engine));
      set_gv_error (error, what);
    }
  else
    {
      char *data = NULL;
      unsigned int length = 0;

      if (gvRenderData (gvc, b.g, renderer_for (format), &data, &length) != 0 || data == NULL)
        {
          g_autofree char *what = g_strdup_printf (_("Graphviz could not render %s"),
                                                   weft_export_format_to_string (format));
          set_gv_error (error, what);
        }
      else
        bytes = g_bytes_new (data, length);
      if (data != NULL)
        gvFreeRenderData (data);
      gvFreeLayout (gvc, b.g);
    }

  built_clear (&b);
  gv_end ();
  return bytes;
}

GBytes *
weft_layout_render_dot (const char  *dot,
                        const char  *engine,
                        const char  *format,
                        GError     **error)
{
  GBytes *bytes = NULL;
  Agraph_t *g;
  GVC_t *gvc;

  g_return_val_if_fail (dot != NULL && engine != NULL && format != NULL, NULL);

  if (!weft_layout_check (error))
    return NULL;

  gvc = gv_begin ();
  /* Line numbers in messages count from this text's start. */
  agreadline (0);
  g = agmemread (dot);
  if (g == NULL)
    set_gv_error (error, _("Graphviz could not read the graph"));
  else if (gvLayout (gvc, g, engine) != 0)
    {
      g_autofree char *what = g_strdup_printf (_("Graphviz (%s) could not lay the graph out"), engine);
      set_gv_error (error, what);
    }
  else
    {
      char *data = NULL;
      unsigned int length = 0;

      if (gvRenderData (gvc, g, format, &data, &length) != 0 || data == NULL)
        {
          g_autofree char *what = g_strdup_printf (_("Graphviz could not render %s"), format);
          set_gv_error (error, what);
        }
      else
        bytes = g_bytes_new (data, length);
      if (data != NULL)
        gvFreeRenderData (data);
      gvFreeLayout (gvc, g);
    }
  if (g != NULL)
    agclose (g);
  gv_end ();
  return bytes;
}
