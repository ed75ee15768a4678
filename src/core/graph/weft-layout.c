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
  guint             n_splines;
  guint             n_points;
  char             *warnings;
  gboolean          in_helper;
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
      else if (*p == '\n')
        g_string_append (s, "\\n");   /* the same centred line break, and safe in DOT */
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

gboolean
weft_layout_places_edge_labels (WeftLayoutEngine engine,
                                guint            n_edges)
{
  /* Edge labels cost the force-directed engines dearly: sfdp takes four
   * times as long on 10,000 nodes with them (tests/bench/README.md). */
  return engine == WEFT_ENGINE_DOT || n_edges <= WEFT_LAYOUT_LABEL_LIMIT;
}

/* The attributes of the graph write_dot() writes. */
typedef struct {
  int         kind;     /* AGRAPH, AGNODE, AGEDGE */
  const char *name;
  const char *value;
} Attr;

static const Attr common_attrs[] = {
  { AGRAPH, "outputorder", "edgesfirst" },
  { AGRAPH, "pad", "0.2" },
  { AGRAPH, "fontname", NODE_FONT },
  { AGNODE, "fontname", NODE_FONT },
  { AGNODE, "fontsize", NODE_FONT_SIZE },
  { AGNODE, "margin", "0.1,0.04" },
  { AGNODE, "height", "0.3" },
  { AGNODE, "width", "0.4" },
  { AGNODE, "penwidth", "1.2" },
  { AGNODE, "fontcolor", "#241f31" },
  { AGEDGE, "fontname", NODE_FONT },
  { AGEDGE, "fontsize", EDGE_FONT_SIZE },
  { AGEDGE, "arrowsize", "0.7" },
};

/* Per-item attributes with a default, declared in this order. */
enum { N_LABEL, N_SHAPE, N_STYLE, N_FILL, N_COLOR, N_NODE_ATTRS };
enum { E_LABEL, E_STYLE, E_COLOR, E_PENWIDTH, E_ARROWHEAD, E_FONTCOLOR, E_EDGE_ATTRS };

static const Attr node_attrs[N_NODE_ATTRS] = {
  { AGNODE, "label", "" }, { AGNODE, "shape", "box" }, { AGNODE, "style", "filled" },
  { AGNODE, "fillcolor", "#ffffff" }, { AGNODE, "color", "#000000" },
};
static const Attr edge_attrs[E_EDGE_ATTRS] = {
  { AGEDGE, "label", "" }, { AGEDGE, "style", "solid" }, { AGEDGE, "color", "#3d3846" },
  { AGEDGE, "penwidth", "1" }, { AGEDGE, "arrowhead", "normal" }, { AGEDGE, "fontcolor", "#5e5c64" },
};

static guint
engine_attrs (WeftLayoutEngine engine,
              Attr             out[4])
{
  switch (engine)
    {
    case WEFT_ENGINE_DOT:
      out[0] = (Attr) { AGRAPH, "rankdir", "LR" };
      out[1] = (Attr) { AGRAPH, "nodesep", "0.2" };
      out[2] = (Attr) { AGRAPH, "ranksep", "0.6" };
      return 3;
    case WEFT_ENGINE_NEATO:
    case WEFT_ENGINE_FDP:
      out[0] = (Attr) { AGRAPH, "overlap", "false" };
      out[1] = (Attr) { AGRAPH, "splines", "true" };
      return 2;
    case WEFT_ENGINE_SFDP:
      out[0] = (Attr) { AGRAPH, "overlap", "prism" };
      return 1;
    case WEFT_ENGINE_CIRCO:
    case WEFT_ENGINE_TWOPI:
      out[0] = (Attr) { AGRAPH, "overlap", "false" };
      return 1;
    case WEFT_ENGINE_AUTO:
    case WEFT_N_ENGINES:
    default:
      return 0;
    }
}

/* The values of node @i's attributes (NULL: the default); owned strings
 * go to @owned. */
static void
node_values (WeftGraph   *graph,
             guint        i,
             const char  *values[N_NODE_ATTRS],
             GPtrArray   *owned)
{
  const WeftGraphNode *node = weft_graph_get_node (graph, i);
  g_autofree char *text = g_strconcat (node->style->glyph, " ", node->label, NULL);
  guint32 fill, stroke;

  weft_node_style_colors (node->style, FALSE, &fill, &stroke);
  values[N_LABEL] = escape_label (text);
  g_ptr_array_add (owned, (gpointer) values[N_LABEL]);
  values[N_SHAPE] = node->style->graphviz_shape;
  values[N_STYLE] = node->style->graphviz_style;
  values[N_FILL] = color_string (fill);
  g_ptr_array_add (owned, (gpointer) values[N_FILL]);
  values[N_COLOR] = color_string (stroke);
  g_ptr_array_add (owned, (gpointer) values[N_COLOR]);
}

static void
edge_values (WeftGraph   *graph,
             guint        i,
             gboolean     with_labels,
             const char  *values[E_EDGE_ATTRS],
             GPtrArray   *owned)
{
  const WeftGraphEdge *edge = weft_graph_get_edge (graph, i);
  const WeftEdgeStyle *style = weft_graph_style_for_evidence (edge->evidence);
  char *penwidth;

  memset (values, 0, sizeof (const char *) * E_EDGE_ATTRS);
  if (with_labels && *edge->label != '\0')
    {
      values[E_LABEL] = escape_label (edge->label);
      g_ptr_array_add (owned, (gpointer) values[E_LABEL]);
    }
  if (edge->kind != WEFT_EDGE_RELATION)
    {
      /* Links to event and claim nodes: thin and grey; participants
       * have no arrow. */
      values[E_COLOR] = "#9a9996";
      values[E_PENWIDTH] = "0.8";
      if (edge->kind == WEFT_EDGE_PARTICIPANT)
        values[E_ARROWHEAD] = "none";
      return;
    }

  values[E_STYLE] = style->graphviz_style;
  penwidth = g_strdup_printf ("%.1f", style->penwidth);
  /* %.1f may use a decimal comma under some locales. */
  g_strdelimit (penwidth, ",", '.');
  values[E_PENWIDTH] = penwidth;
  g_ptr_array_add (owned, penwidth);
  if (style->grey)
    values[E_COLOR] = values[E_FONTCOLOR] = "#9a9996";
  if (style->red)
    {
      values[E_COLOR] = "#c01c28";
      values[E_FONTCOLOR] = "#a51d2d";
    }
  if (style->tee)
    values[E_ARROWHEAD] = "tee";
}

/* ---- The graph as DOT ----------------------------------------------------
 *
 * One text defines the graph Graphviz lays out: write_dot() writes it
 * (without Graphviz, so it needs no lock), read_dot() parses it with
 * Graphviz's own reader. The in-process layout, the helper process and
 * the DOT export all go through that text, so `dot -Tplain` on an
 * exported file lays out exactly the graph Weft laid out. Graphviz's
 * layouts depend on the order of nodes and edges: every node is written
 * before the first edge, and nodes and edges in the order of the
 * WeftGraph, which read_dot() finds again. (agwrite() writes an edge's
 * head before it when the head comes later, which reorders the nodes
 * for whoever reads the file.) */

static gboolean
is_dot_keyword (const char *s)
{
  static const char * const keywords[] = { "node", "edge", "graph", "digraph", "subgraph", "strict" };

  for (guint i = 0; i < G_N_ELEMENTS (keywords); i++)
    if (g_ascii_strcasecmp (s, keywords[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Whether @s can stand in DOT unquoted: an identifier of ASCII letters,
 * digits and underscores that does not start with a digit and is not a
 * keyword, or a numeral. */
static gboolean
is_bare_dot_id (const char *s)
{
  const char *p = s;
  guint digits = 0;

  if (g_ascii_isalpha (*p) || *p == '_')
    {
      while (g_ascii_isalnum (*p) || *p == '_')
        p++;
      return *p == '\0' && !is_dot_keyword (s);
    }
  if (*p == '-')
    p++;
  for (; g_ascii_isdigit (*p); p++)
    digits++;
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      digits++;
  return digits > 0 && *p == '\0';
}

/* Graphviz 2.42 reads at most 16 KiB in one quoted string ("longer than
 * 16384?"): longer strings are written as quoted pieces of about 4 KiB
 * joined by +, which DOT concatenates. */
#define DOT_PIECE 4096

/* Appends @value as one DOT string that Graphviz reads back as @value.
 * Inside quotes DOT's reader turns \" into " and keeps every other
 * backslash with the character after it, so a backslash in @value must
 * start a pair (\\, \n: labels are escaped so, and node names have
 * their backslashes doubled); pieces are cut between such pairs and
 * between UTF-8 characters. */
static void
append_dot_string (GString    *out,
                   const char *value)
{
  gsize piece;

  if (is_bare_dot_id (value))
    {
      g_string_append (out, value);
      return;
    }

  g_string_append_c (out, '"');
  piece = out->len;
  for (const char *p = value; *p != '\0'; p++)
    {
      if (out->len - piece >= DOT_PIECE && ((guchar) *p & 0xc0) != 0x80)
        {
          g_string_append (out, "\" + \"");
          piece = out->len;
        }
      if (*p == '"')
        g_string_append (out, "\\\"");
      else if (*p == '\\')
        {
          /* A lone backslash at the end would escape the closing quote. */
          g_string_append_c (out, '\\');
          g_string_append_c (out, p[1] != '\0' ? p[1] : '\\');
          if (p[1] != '\0')
            p++;
        }
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* A node's name: its item's id with each backslash doubled, which DOT
 * keeps as two (an id ending in one backslash could not be written
 * otherwise). Still one name per id. */
static void
append_dot_name (GString    *out,
                 const char *id)
{
  g_autoptr(GString) name = g_string_sized_new (strlen (id) + 2);

  for (const char *p = id; *p != '\0'; p++)
    {
      if (*p == '\\')
        g_string_append_c (name, '\\');
      g_string_append_c (name, *p);
    }
  append_dot_string (out, name->str);
}

/* " [name=value, …];" for the values that are set and differ from their
 * attribute's default. */
static void
append_item_attrs (GString           *out,
                   const Attr        *attrs,
                   const char *const *values,
                   guint              n)
{
  gboolean first = TRUE;

  for (guint k = 0; k < n; k++)
    {
      if (values[k] == NULL || strcmp (values[k], attrs[k].value) == 0)
        continue;
      g_string_append (out, first ? "\t[" : ",\n\t\t");
      g_string_append_printf (out, "%s=", attrs[k].name);
      append_dot_string (out, values[k]);
      first = FALSE;
    }
  g_string_append (out, first ? ";\n" : "];\n");
}

/* The graph Graphviz lays out, for @engine (not auto), as DOT text. */
static char *
write_dot (WeftGraph        *graph,
           WeftLayoutEngine  engine)
{
  GString *out = g_string_new ("digraph weft {\n");
  guint n_nodes = weft_graph_get_n_nodes (graph);
  guint n_edges = weft_graph_get_n_edges (graph);
  gboolean with_labels = weft_layout_places_edge_labels (engine, n_edges);
  const char *title = weft_dataset_get_title (weft_graph_get_dataset (graph));
  g_autofree char *comment = escape_label (title ? title : "");
  static const char * const keywords[] = { [AGRAPH] = "graph", [AGNODE] = "node", [AGEDGE] = "edge" };
  static const int kinds[] = { AGRAPH, AGNODE, AGEDGE };
  Attr defaults[G_N_ELEMENTS (common_attrs) + 4 + N_NODE_ATTRS + E_EDGE_ATTRS + 2];
  guint n_defaults = 0;

  /* Every attribute with its default, by kind. */
  defaults[n_defaults++] = (Attr) { AGRAPH, "layout", weft_layout_engine_to_string (engine) };
  defaults[n_defaults++] = (Attr) { AGRAPH, "comment", comment };
  for (guint i = 0; i < G_N_ELEMENTS (common_attrs); i++)
    defaults[n_defaults++] = common_attrs[i];
  n_defaults += engine_attrs (engine, &defaults[n_defaults]);
  for (guint i = 0; i < N_NODE_ATTRS; i++)
    defaults[n_defaults++] = node_attrs[i];
  for (guint i = 0; i < E_EDGE_ATTRS; i++)
    defaults[n_defaults++] = edge_attrs[i];

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      gboolean first = TRUE;

      g_string_append_printf (out, "\t%s\t[", keywords[kinds[k]]);
      for (guint i = 0; i < n_defaults; i++)
        if (defaults[i].kind == kinds[k])
          {
            g_string_append_printf (out, "%s%s=", first ? "" : ",\n\t\t", defaults[i].name);
            append_dot_string (out, defaults[i].value);
            first = FALSE;
          }
      g_string_append (out, "];\n");
    }

  for (guint i = 0; i < n_nodes; i++)
    {
      g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
      const char *values[N_NODE_ATTRS];

      node_values (graph, i, values, owned);
      g_string_append_c (out, '\t');
      append_dot_name (out, weft_graph_get_node (graph, i)->item->id);
      append_item_attrs (out, node_attrs, values, N_NODE_ATTRS);
    }

  for (guint i = 0; i < n_edges; i++)
    {
      const WeftGraphEdge *edge = weft_graph_get_edge (graph, i);
      g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
      const char *values[E_EDGE_ATTRS];

      edge_values (graph, i, with_labels, values, owned);
      g_string_append_c (out, '\t');
      append_dot_name (out, weft_graph_get_node (graph, edge->tail)->item->id);
      g_string_append (out, " -> ");
      append_dot_name (out, weft_graph_get_node (graph, edge->head)->item->id);
      append_item_attrs (out, edge_attrs, values, E_EDGE_ATTRS);
    }

  g_string_append (out, "}\n");
  return g_string_free (out, FALSE);
}

static int
compare_edge_seq (const void *a,
                  const void *b)
{
  guint64 sa = AGSEQ (*(Agedge_t * const *) a);
  guint64 sb = AGSEQ (*(Agedge_t * const *) b);

  return sa < sb ? -1 : sa > sb;
}

/* Parses @dot into @b (gv_lock held), with the nodes and edges in the
 * order of the text, which write_dot() made their index in the
 * WeftGraph. FALSE when Graphviz cannot read it. */
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

/* read_dot() on what write_dot() wrote for @graph (gv_lock held). */
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
      /* A bug in write_dot(), not in the data. */
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_LAYOUT,
                   _("Graphviz read %u nodes and %u edges where Weft wrote %u and %u"), b->n_nodes,
                   b->n_edges, weft_graph_get_n_nodes (graph), weft_graph_get_n_edges (graph));
      return FALSE;
    }
  return TRUE;
}

/* The engine a layout of @graph with @engine uses. */
static WeftLayoutEngine
resolve_engine (WeftGraph        *graph,
                WeftLayoutEngine  engine)
{
  if (engine == WEFT_ENGINE_AUTO || (guint) engine >= WEFT_N_ENGINES)
    return weft_layout_engine_choose (weft_graph_get_n_nodes (graph), weft_graph_get_n_edges (graph));
  return engine;
}

/* Copies what Graphviz placed into a WeftLayout, y down; the graph and
 * what depends on it come in finish_layout(). */
static WeftLayout *
extract_layout (Built            *b,
                WeftLayoutEngine  engine)
{
  WeftLayout *self = g_new0 (WeftLayout, 1);
  guint n_nodes = b->n_nodes, n_edges = b->n_edges;
  boxf bb = GD_bb (b->g);
  guint n_splines = 0, n_points = 0, s = 0, p = 0;

#define FX(px) ((px) - bb.LL.x)
#define FY(py) (bb.UR.y - (py))

  g_atomic_ref_count_init (&self->ref_count);
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
      for (gsize j = 0; j < (gsize) spl->size; j++)
        n_points += spl->list[j].size;
    }
  self->splines = g_new0 (WeftSpline, MAX (n_splines, 1));
  self->points = g_new0 (WeftPoint, MAX (n_points, 1));
  self->n_splines = n_splines;
  self->n_points = n_points;

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

/* Ties @self to @graph; labels Graphviz did not place go to the middle of
 * their edge, with an estimated size (8 points) for culling and hits. */
static void
finish_layout (WeftLayout *self,
               WeftGraph  *graph)
{
  self->graph = weft_graph_ref (graph);

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

/* ---- The helper process ------------------------------------------------- */

/* Writes @self (not yet tied to a graph) as text: hexadecimal floats, so
 * nothing is lost or locale-dependent. */
static void
print_layout (WeftLayout *self,
              guint       n_nodes,
              guint       n_edges,
              FILE       *out)
{
  fprintf (out, "L %u %u %u %u %a %a\n", n_nodes, n_edges, self->n_splines, self->n_points,
           self->width, self->height);
  for (guint i = 0; i < n_nodes; i++)
    {
      const WeftNodeBox *nb = &self->nodes[i];
      fprintf (out, "%a %a %a %a\n", nb->x, nb->y, nb->width, nb->height);
    }
  for (guint i = 0; i < n_edges; i++)
    {
      const WeftEdgePath *ep = &self->edges[i];

      fprintf (out, "%u %d %a %a %a %a %a %a %a %a\n", ep->n_splines, ep->has_label, ep->label_x, ep->label_y,
               ep->label_width, ep->label_height, ep->x1, ep->y1, ep->x2, ep->y2);
      for (guint j = 0; j < ep->n_splines; j++)
        {
          const WeftSpline *sp = &ep->splines[j];

          fprintf (out, "%u %d %a %a %d %a %a", sp->n_points, sp->has_start_arrow, sp->start_tip.x,
                   sp->start_tip.y, sp->has_end_arrow, sp->end_tip.x, sp->end_tip.y);
          for (guint k = 0; k < sp->n_points; k++)
            fprintf (out, " %a %a", sp->points[k].x, sp->points[k].y);
          fputc ('\n', out);
        }
    }
}

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
      print_layout (layout, b.n_nodes, b.n_edges, stdout);
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

/* Reads what print_layout() wrote; NULL when it does not fit @graph. */
static WeftLayout *
parse_layout (const char        *text,
              WeftGraph         *graph,
              WeftLayoutEngine   engine)
{
  g_autoptr(WeftLayout) self = g_new0 (WeftLayout, 1);
  const char *p = text;
  char *end;
  guint n_nodes, n_edges, s = 0, q = 0;

#define NUM(var) G_STMT_START { (var) = g_ascii_strtod (p, &end); if (end == p) return NULL; p = end; } G_STMT_END
#define INT(var) G_STMT_START { (var) = (guint) g_ascii_strtoull (p, &end, 10); if (end == p) return NULL; p = end; while (*p == ' ') p++; } G_STMT_END

  g_atomic_ref_count_init (&self->ref_count);
  self->engine = engine;
  if (!g_str_has_prefix (p, "L "))
    return NULL;
  p += 2;
  INT (n_nodes);
  INT (n_edges);
  INT (self->n_splines);
  INT (self->n_points);
  NUM (self->width);
  NUM (self->height);
  if (n_nodes != weft_graph_get_n_nodes (graph) || n_edges != weft_graph_get_n_edges (graph) ||
      self->n_splines > 64u * (n_edges + 1) || self->n_points > 1024u * (n_edges + 1))
    return NULL;

  self->nodes = g_new0 (WeftNodeBox, MAX (n_nodes, 1));
  self->edges = g_new0 (WeftEdgePath, MAX (n_edges, 1));
  self->splines = g_new0 (WeftSpline, MAX (self->n_splines, 1));
  self->points = g_new0 (WeftPoint, MAX (self->n_points, 1));

  for (guint i = 0; i < n_nodes; i++)
    {
      WeftNodeBox *nb = &self->nodes[i];

      NUM (nb->x);
      NUM (nb->y);
      NUM (nb->width);
      NUM (nb->height);
      nb->label_x = nb->x;
      nb->label_y = nb->y;
    }
  for (guint i = 0; i < n_edges; i++)
    {
      WeftEdgePath *ep = &self->edges[i];
      guint has_label;

      INT (ep->n_splines);
      INT (has_label);
      ep->has_label = has_label != 0;
      NUM (ep->label_x);
      NUM (ep->label_y);
      NUM (ep->label_width);
      NUM (ep->label_height);
      NUM (ep->x1);
      NUM (ep->y1);
      NUM (ep->x2);
      NUM (ep->y2);
      if (ep->n_splines > self->n_splines - s)
        return NULL;
      ep->splines = &self->splines[s];
      for (guint j = 0; j < ep->n_splines; j++)
        {
          WeftSpline *sp = &self->splines[s++];
          guint flag;

          INT (sp->n_points);
          INT (flag);
          sp->has_start_arrow = flag != 0;
          NUM (sp->start_tip.x);
          NUM (sp->start_tip.y);
          INT (flag);
          sp->has_end_arrow = flag != 0;
          NUM (sp->end_tip.x);
          NUM (sp->end_tip.y);
          if (sp->n_points > self->n_points - q)
            return NULL;
          sp->points = &self->points[q];
          for (guint k = 0; k < sp->n_points; k++, q++)
            {
              NUM (self->points[q].x);
              NUM (self->points[q].y);
            }
        }
    }
#undef NUM
#undef INT

  return g_steal_pointer (&self);
}

/* The helper program: WEFT_LAYOUT_HELPER, else the installed one, else
 * the one beside the running program in a build tree. */
static char *
find_helper (void)
{
  const char *env = g_getenv ("WEFT_LAYOUT_HELPER");
  g_autofree char *self_path = NULL;
  char *candidate;

  if (env != NULL && *env != '\0')
    return g_file_test (env, G_FILE_TEST_IS_EXECUTABLE) ? g_strdup (env) : NULL;

  candidate = g_build_filename (LIBEXECDIR, "weft-layout-helper", NULL);
  if (g_file_test (candidate, G_FILE_TEST_IS_EXECUTABLE))
    return candidate;
  g_free (candidate);

  self_path = g_file_read_link ("/proc/self/exe", NULL);
  if (self_path != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self_path);

      candidate = g_build_filename (dir, "core", "weft-layout-helper", NULL);
      if (g_file_test (candidate, G_FILE_TEST_IS_EXECUTABLE))
        return candidate;
      g_free (candidate);
      candidate = g_build_filename (dir, "weft-layout-helper", NULL);
      if (g_file_test (candidate, G_FILE_TEST_IS_EXECUTABLE))
        return candidate;
      g_free (candidate);
    }
  return NULL;
}

/* Lays @graph out in a helper process, which @cancellable kills. Sets
 * *@unavailable when there is no helper to run. */
static WeftLayout *
run_in_helper (WeftGraph         *graph,
               const char        *dot,
               WeftLayoutEngine   engine,
               GCancellable      *cancellable,
               gboolean          *unavailable,
               GError           **error)
{
  g_autofree char *helper = find_helper ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) local_error = NULL;
  WeftLayout *layout;

  *unavailable = helper == NULL;
  if (helper == NULL)
    return NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                              G_SUBPROCESS_FLAGS_STDERR_PIPE, &local_error,
                              helper, weft_layout_engine_to_string (engine), NULL);
  if (process == NULL)
    {
      *unavailable = TRUE;
      return NULL;
    }

  if (!g_subprocess_communicate_utf8 (process, dot, cancellable, &out, &err, &local_error))
    {
      g_subprocess_force_exit (process);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (!g_subprocess_get_successful (process))
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_LAYOUT, _("Graphviz (%s) could not lay the graph out: %s"),
                   weft_layout_engine_to_string (engine), err ? g_strstrip (err) : "");
      return NULL;
    }

  layout = parse_layout (out ? out : "", graph, engine);
  if (layout == NULL)
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_LAYOUT, _("The layout helper %s answered nonsense"), helper);
      return NULL;
    }
  if (err != NULL && *g_strstrip (err) != '\0')
    layout->warnings = g_steal_pointer (&err);
  layout->in_helper = TRUE;
  finish_layout (layout, graph);
  return layout;
}

/* ---- Layout ------------------------------------------------------------- */

/* Lays out; returns NULL with no error when *@abandoned was set before
 * Graphviz started. An asynchronous layout (@abandoned given) that finds
 * the lock held by an abandoned layout runs in the helper process, which
 * @cancellable can kill, instead of waiting. */
static WeftLayout *
run_layout (WeftGraph         *graph,
            WeftLayoutEngine   engine,
            gint              *abandoned,
            GCancellable      *cancellable,
            GError           **error)
{
  Built b = { 0 };
  WeftLayout *layout = NULL;
  gboolean no_helper = FALSE;
  g_autofree char *dot = NULL;
  GVC_t *gvc;

  if (!weft_layout_check (error))
    return NULL;

  engine = resolve_engine (graph, engine);
  dot = write_dot (graph, engine);

  if (abandoned == NULL)
    g_mutex_lock (&gv_lock);
  else
    while (!g_mutex_trylock (&gv_lock))
      {
        if (g_atomic_int_get (abandoned))
          return NULL;
        if (!no_helper && holder_is_abandoned ())
          {
            g_autoptr(GError) helper_error = NULL;

            layout = run_in_helper (graph, dot, engine, cancellable, &no_helper, &helper_error);
            if (!no_helper)
              {
                if (g_error_matches (helper_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
                  return NULL;
                if (helper_error != NULL)
                  g_propagate_error (error, g_steal_pointer (&helper_error));
                return layout;
              }
            /* No helper: wait for the lock after all. */
            g_mutex_lock (&gv_lock);
            break;
          }
        g_usleep (10 * 1000);
      }

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
          finish_layout (layout, graph);
          gvFreeLayout (gvc, b.g);
        }
    }
  built_clear (&b);
  set_holder (NULL);
  gv_end ();

  return layout;
}

WeftLayout *
weft_layout_run (WeftGraph         *graph,
                 WeftLayoutEngine   engine,
                 GError           **error)
{
  g_return_val_if_fail (graph != NULL, NULL);

  return run_layout (graph, engine, NULL, NULL, error);
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
  GCancellable     *kill;       /* kills a helper process once abandoned */
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
  g_object_unref (job->kill);
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
  g_cancellable_cancel (job->kill);
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

  layout = run_layout (job->graph, job->engine, &job->abandoned, job->kill, &error);
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
  job->kill = g_cancellable_new ();
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
  g_autofree char *dot = NULL;
  gsize length;

  g_return_val_if_fail (graph != NULL, NULL);

  /* The DOT file is the very text Weft lays out: `dot -Tsvg` on it
   * gives the layout Weft shows. */
  engine = resolve_engine (graph, engine);
  dot = write_dot (graph, engine);
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
