/* weft-graphviz.c: the one file that speaks to Graphviz
 *
 * Every Graphviz call happens with gv_lock held, in whatever thread the
 * caller is in: Graphviz keeps global state (its error handler, its
 * string pools, the LC_NUMERIC it sets while rendering) and is not
 * thread-safe. One GVC_t serves the whole process. Graphviz reads the
 * DOT text weft-dot-writer.c writes (so the layout, the helper and the
 * DOT export read one text), and what it places is copied into a
 * WeftLayout, y flipped, before everything it made is freed.
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include <gvc.h>

#include <cgraph.h>

/* Graphviz 13 made gvRenderData's length a size_t (Debian 12 has 2.42, the
 * Flatpak a current release); meson tells which. */
#if WEFT_GV_RENDER_DATA_SIZE_T
typedef size_t WeftGvLength;
#else
typedef unsigned int WeftGvLength;
#endif

#include "weft-dot-writer.h"
#include "weft-error.h"
#include "weft-graphviz.h"
#include "weft-layout-private.h"
#include "weft-layout-protocol.h"

static GMutex gv_lock;
static GVC_t *gv_context;
static GString *gv_messages;   /* what Graphviz said during the current call */

/* ---- The lock and Graphviz's messages -------------------------------------- */

static int
collect_message (char *text)
{
  if (gv_messages != NULL && text != NULL)
    g_string_append (gv_messages, text);
  return 0;
}

/* With gv_lock held. */
static GVC_t *
gv_begin_locked (void)
{
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

static GVC_t *
gv_begin (void)
{
  g_mutex_lock (&gv_lock);
  return gv_begin_locked ();
}

/* The "abandoned" flag of the asynchronous layout holding gv_lock, or
 * NULL; read and written under holder_lock, set only while its job is
 * alive. */
static GMutex holder_lock;
static gint *holder_abandoned;

static void
set_holder (gint *abandoned)
{
  g_mutex_lock (&holder_lock);
  holder_abandoned = abandoned;
  g_mutex_unlock (&holder_lock);
}

/* Whether gv_lock is held by a layout nobody waits for any more. */
static gboolean
holder_is_abandoned (void)
{
  gboolean abandoned;

  g_mutex_lock (&holder_lock);
  abandoned = holder_abandoned != NULL && g_atomic_int_get (holder_abandoned);
  g_mutex_unlock (&holder_lock);
  return abandoned;
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

/* ---- Reading DOT (gv_lock held) ---------------------------------------------- */

/* Ties Graphviz objects to our indices while the graph lives. */
typedef struct {
  Agraph_t  *g;
  Agnode_t **nodes;
  Agedge_t **edges;
  guint      n_nodes;
  guint      n_edges;
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

static int
compare_edge_seq (const void *a,
                  const void *b)
{
  guint64 sa = AGSEQ (*(Agedge_t * const *) a);
  guint64 sb = AGSEQ (*(Agedge_t * const *) b);

  return sa < sb ? -1 : sa > sb;
}

/* Parses @dot into @b, with the nodes and edges in the order of the text,
 * which weft_dot_write_graph() made their index in the WeftGraph. FALSE
 * when Graphviz cannot read it. */
static gboolean
read_dot (Built      *b,
          const char *dot)
{
  guint i = 0, j = 0;

  /* Line numbers in messages count from this text's start. */
  agreadline (0);
  b->g = agmemread (dot);
  if (b->g == NULL)
    return FALSE;

  b->n_nodes = (guint) agnnodes (b->g);
  b->n_edges = (guint) agnedges (b->g);
  b->nodes = g_new0 (Agnode_t *, MAX (b->n_nodes, 1));
  b->edges = g_new0 (Agedge_t *, MAX (b->n_edges, 1));
  for (Agnode_t *n = agfstnode (b->g); n != NULL && i < b->n_nodes; n = agnxtnode (b->g, n))
    {
      b->nodes[i++] = n;
      for (Agedge_t *e = agfstout (b->g, n); e != NULL && j < b->n_edges; e = agnxtout (b->g, e))
        b->edges[j++] = e;
    }
  /* Edges are numbered as they were made, that is in the text's order. */
  qsort (b->edges, j, sizeof (Agedge_t *), compare_edge_seq);
  return TRUE;
}

/* read_dot() on what weft_dot_write_graph() wrote for @graph. */
static gboolean
read_written_dot (Built       *b,
                  const char  *dot,
                  WeftGraph   *graph,
                  GError     **error)
{
  if (!read_dot (b, dot))
    {
      set_gv_error (error, _("Graphviz could not read the graph"));
      return FALSE;
    }
  if (b->n_nodes != weft_graph_get_n_nodes (graph) || b->n_edges != weft_graph_get_n_edges (graph))
    {
      /* A bug in the DOT writer, not in the data. */
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_LAYOUT,
                   _("Graphviz read %u nodes and %u edges where Weft wrote %u and %u"), b->n_nodes,
                   b->n_edges, weft_graph_get_n_nodes (graph), weft_graph_get_n_edges (graph));
      return FALSE;
    }
  return TRUE;
}

/* ---- Copying the layout out (gv_lock held) ------------------------------------- */

/* Copies what Graphviz placed into a WeftLayout, y down; the graph and
 * what depends on it come in weft_layout_finish(). */
static WeftLayout *
extract_layout (Built            *b,
                WeftLayoutEngine  engine)
{
  WeftLayout *self;
  guint n_nodes = b->n_nodes, n_edges = b->n_edges;
  boxf bb = GD_bb (b->g);
  guint n_splines = 0, n_points = 0, s = 0, p = 0;

#define FX(px) ((px) - bb.LL.x)
#define FY(py) (bb.UR.y - (py))

  for (guint i = 0; i < n_edges; i++)
    {
      splines *spl = ED_spl (b->edges[i]);

      if (spl == NULL)
        continue;
      n_splines += spl->size;
      for (gsize j = 0; j < (gsize) spl->size; j++)
        n_points += spl->list[j].size;
    }
  self = weft_layout_alloc (engine, n_nodes, n_edges, n_splines, n_points);
  self->width = bb.UR.x - bb.LL.x;
  self->height = bb.UR.y - bb.LL.y;

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
      Agedge_t *e = b->edges[i];
      splines *spl = ED_spl (e);
      WeftEdgePath *ep = &self->edges[i];
      double x1 = G_MAXDOUBLE, y1 = G_MAXDOUBLE, x2 = -G_MAXDOUBLE, y2 = -G_MAXDOUBLE;

#define GROW(px, py) G_STMT_START { \
    x1 = MIN (x1, (px)); y1 = MIN (y1, (py)); \
    x2 = MAX (x2, (px)); y2 = MAX (y2, (py)); \
  } G_STMT_END

      ep->splines = &self->splines[s];
      for (gsize j = 0; spl != NULL && j < (gsize) spl->size; j++)
        {
          bezier *bz = &spl->list[j];
          WeftSpline *out = &self->splines[s++];

          out->points = &self->points[p];
          out->n_points = (guint) bz->size;
          for (gsize k = 0; k < (gsize) bz->size; k++)
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

  if (failure != NULL && error != NULL)
    *error = g_error_copy (failure);
  return failure == NULL;
}

/* ---- Layout ------------------------------------------------------------- */

/* Takes gv_lock as weft_graphviz_lay_out() says; FALSE (lock not taken)
 * when the caller should not wait for it. */
static gboolean
lock_for (gint     *abandoned,
          gboolean *held_by_abandoned)
{
  if (abandoned == NULL || held_by_abandoned == NULL)
    {
      g_mutex_lock (&gv_lock);
      return TRUE;
    }

  while (!g_mutex_trylock (&gv_lock))
    {
      if (g_atomic_int_get (abandoned))
        return FALSE;
      if (holder_is_abandoned ())
        {
          *held_by_abandoned = TRUE;
          return FALSE;
        }
      g_usleep (10 * 1000);
    }
  return TRUE;
}

WeftLayout *
weft_graphviz_lay_out (WeftGraph         *graph,
                       const char        *dot,
                       WeftLayoutEngine   engine,
                       gint              *abandoned,
                       gboolean          *held_by_abandoned,
                       GError           **error)
{
  Built b = { 0 };
  WeftLayout *layout = NULL;
  GVC_t *gvc;

  if (held_by_abandoned != NULL)
    *held_by_abandoned = FALSE;
  if (!lock_for (abandoned, held_by_abandoned))
    return NULL;

  gvc = gv_begin_locked ();
  if (abandoned != NULL && g_atomic_int_get (abandoned))
    {
      gv_end ();
      return NULL;
    }
  set_holder (abandoned);

  if (read_written_dot (&b, dot, graph, error))
    {
      if (gvLayout (gvc, b.g, weft_layout_engine_to_string (engine)) != 0)
        {
          g_autofree char *what = g_strdup_printf (_("Graphviz (%s) could not lay the graph out"),
                                                   weft_layout_engine_to_string (engine));
          set_gv_error (error, what);
        }
      else
        {
          layout = extract_layout (&b, engine);
          layout->warnings = gv_take_messages ();
          weft_layout_finish (layout, graph);
          gvFreeLayout (gvc, b.g);
        }
    }
  built_clear (&b);
  set_holder (NULL);
  gv_end ();

  return layout;
}

gboolean
weft_layout_measure_node (WeftGraph        *graph,
                            guint             index,
                            WeftLayoutEngine  engine,
                            double           *width,
                            double           *height)
{
  const WeftGraphNode *node = weft_graph_get_node (graph, index);
  g_autoptr(WeftSubgraph) subgraph = weft_subgraph_new ();
  g_autoptr(WeftGraph) alone = NULL;
  g_autoptr(WeftLayout) layout = NULL;
  g_autofree char *dot = NULL;

  switch (node->item->type)
    {
    case WEFT_ITEM_ENTITY:
      g_ptr_array_add (subgraph->entities, node->item);
      g_array_append_val (subgraph->hops, node->hops);
      break;
    case WEFT_ITEM_EVENT:
      g_ptr_array_add (subgraph->events, node->item);
      break;
    case WEFT_ITEM_CLAIM:
      g_ptr_array_add (subgraph->claims, node->item);
      break;
    default:
      return FALSE;
    }
  alone = weft_graph_new (weft_graph_get_dataset (graph), subgraph, TRUE, TRUE);
  if (weft_graph_get_n_nodes (alone) != 1)
    return FALSE;
  engine = engine == WEFT_ENGINE_AUTO ? WEFT_ENGINE_DOT : engine;
  dot = weft_dot_write_graph (alone, engine, NULL, FALSE);
  layout = weft_graphviz_lay_out (alone, dot, engine, NULL, NULL, NULL);
  if (layout == NULL)
    return FALSE;
  *width = layout->nodes[0].width;
  *height = layout->nodes[0].height;
  return TRUE;
}

/* ---- Rendering ----------------------------------------------------------- */

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

/* A copy of what Graphviz rendered with a NUL after it (not counted in
 * the size), so that SVG and DOT can be read as strings: strstr() on the
 * bytes read past their end (found by AddressSanitizer in test-layout). */
static GBytes *
bytes_with_nul (const char   *data,
                unsigned int  length)
{
  char *copy = g_malloc ((gsize) length + 1);

  memcpy (copy, data, length);
  copy[length] = '\0';
  return g_bytes_new_take (copy, length);
}

GBytes *
weft_layout_export (WeftGraph         *graph,
                    WeftLayoutEngine   engine,
                    WeftExportFormat   format,
                    GError           **error)
{
  return weft_layout_export_titled (graph, engine, format, NULL, FALSE, error);
}

GBytes *
weft_layout_export_titled (WeftGraph         *graph,
                           WeftLayoutEngine   engine,
                           WeftExportFormat   format,
                           const char        *title,
                           gboolean           legend,
                           GError           **error)
{
  g_autofree char *dot = NULL;
  gsize length;

  g_return_val_if_fail (graph != NULL, NULL);

  /* The DOT file is the very text Weft lays out: `dot -Tsvg` on it
   * gives the layout Weft shows. */
  engine = weft_layout_engine_resolve (graph, engine);
  dot = weft_dot_write_graph (graph, engine, title, legend);
  if (format == WEFT_EXPORT_DOT)
    {
      length = strlen (dot);
      return g_bytes_new_take (g_steal_pointer (&dot), length);
    }
  return weft_layout_render_dot (dot, weft_layout_engine_to_string (engine), renderer_for (format), error);
}

GBytes *
weft_layout_render_dot (const char  *dot,
                        const char  *engine,
                        const char  *format,
                        GError     **error)
{
  GBytes *bytes = NULL;
  Built b = { 0 };
  GVC_t *gvc;

  g_return_val_if_fail (dot != NULL && engine != NULL && format != NULL, NULL);

  if (!weft_layout_check (error))
    return NULL;

  gvc = gv_begin ();
  if (!read_dot (&b, dot))
    set_gv_error (error, _("Graphviz could not read the graph"));
  else if (gvLayout (gvc, b.g, engine) != 0)
    {
      g_autofree char *what = g_strdup_printf (_("Graphviz (%s) could not lay the graph out"), engine);
      set_gv_error (error, what);
    }
  else
    {
      char *data = NULL;
      WeftGvLength length = 0;

      if (gvRenderData (gvc, b.g, format, &data, &length) != 0 || data == NULL)
        {
          g_autofree char *what = g_strdup_printf (_("Graphviz could not render %s"), format);
          set_gv_error (error, what);
        }
      else
        bytes = bytes_with_nul (data, length);
      if (data != NULL)
        gvFreeRenderData (data);
      gvFreeLayout (gvc, b.g);
    }
  built_clear (&b);
  gv_end ();
  return bytes;
}

/* ---- The helper process's side ------------------------------------------- */

int
weft_layout_helper_main (int    argc,
                         char **argv)
{
  g_autoptr(GString) input = g_string_new (NULL);
  g_autofree char *said = NULL;
  WeftLayout *layout = NULL;
  Built b = { 0 };
  char buffer[65536];
  size_t got;
  GVC_t *gvc;
  int status = 0;

  if (argc != 2)
    {
      fprintf (stderr, "usage: weft-layout-helper ENGINE < graph.dot\n");
      return 2;
    }
  while ((got = fread (buffer, 1, sizeof buffer, stdin)) > 0)
    g_string_append_len (input, buffer, (gssize) got);

  gvc = gv_begin ();
  if (!read_dot (&b, input->str))
    {
      said = gv_take_messages ();
      fprintf (stderr, "%s\n", said ? said : "cannot read the graph");
      gv_end ();
      return 1;
    }

  if (gvLayout (gvc, b.g, argv[1]) != 0)
    status = 1;
  else
    {
      layout = extract_layout (&b, WEFT_ENGINE_AUTO);
      weft_layout_protocol_write (layout, b.n_nodes, b.n_edges, stdout);
      gvFreeLayout (gvc, b.g);
    }
  said = gv_take_messages ();
  if (said != NULL)
    fprintf (stderr, "%s\n", said);
  built_clear (&b);
  gv_end ();
  g_clear_pointer (&layout, weft_layout_unref);
  fflush (stdout);
  return status;
}
