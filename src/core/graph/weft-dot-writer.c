/* weft-dot-writer.c: the graph Graphviz lays out, as DOT text
 *
 * Graphviz's layouts depend on the order of nodes and edges: every node
 * is written before the first edge, and nodes and edges in the order of
 * the WeftGraph, which the adapter's reader finds again. (agwrite()
 * writes an edge's head before it when the head comes later, which
 * reorders the nodes for whoever reads the file.)
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <string.h>

#include "weft-dot-writer.h"
#include "weft-graph.h"

/* ---- Strings ----------------------------------------------------------------- */

/* Labels are data. In a Graphviz label a backslash starts an escape (\N
 * the node's name, \G the graph's, \l a left-justified line break…) and
 * HTML entities are decoded (&lt; becomes <), so both are escaped: \\ is
 * one backslash and &amp; one ampersand. The strings are set as plain
 * strings, never as HTML labels, so <b> stays text; renderers escape
 * what their format needs. */
char *
weft_dot_escape_label (const char *text)
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

/* Inside quotes DOT's reader turns \" into " and keeps every other
 * backslash with the character after it. */
void
weft_dot_append_string (GString    *out,
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
      if (out->len - piece >= WEFT_DOT_PIECE && ((guchar) *p & 0xc0) != 0x80)
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

void
weft_dot_append_name (GString    *out,
                      const char *id)
{
  g_autoptr(GString) name = g_string_sized_new (strlen (id) + 2);

  for (const char *p = id; *p != '\0'; p++)
    {
      if (*p == '\\')
        g_string_append_c (name, '\\');
      g_string_append_c (name, *p);
    }
  weft_dot_append_string (out, name->str);
}

/* ---- Attributes ---------------------------------------------------------------- */

/* What an attribute belongs to, in the order DOT's defaults are written. */
typedef enum {
  ON_GRAPH,
  ON_NODE,
  ON_EDGE,
  N_TARGETS
} Target;

typedef struct {
  Target      target;
  const char *name;
  const char *value;
} Attr;

static const Attr common_attrs[] = {
  { ON_GRAPH, "outputorder", "edgesfirst" },
  { ON_GRAPH, "pad", "0.2" },
  { ON_GRAPH, "fontname", WEFT_GRAPH_FONT },
  { ON_NODE, "fontname", WEFT_GRAPH_FONT },
  { ON_NODE, "fontsize", G_STRINGIFY (WEFT_GRAPH_NODE_FONT_SIZE) },
  /* Big enough to point at when the name is one letter. */
  { ON_NODE, "height", "0.25" },
  { ON_NODE, "width", "0.3" },
  { ON_NODE, "penwidth", "1.2" },
  { ON_NODE, "fontcolor", "#241f31" },
  { ON_EDGE, "fontname", WEFT_GRAPH_FONT },
  { ON_EDGE, "fontsize", G_STRINGIFY (WEFT_GRAPH_EDGE_FONT_SIZE) },
  { ON_EDGE, "arrowsize", "0.7" },
};

/* Per-item attributes with a default, declared in this order. */
enum { N_LABEL, N_SHAPE, N_STYLE, N_FILL, N_COLOR, N_MARGIN, N_NODE_ATTRS };
enum { E_LABEL, E_STYLE, E_COLOR, E_PENWIDTH, E_ARROWHEAD, E_FONTCOLOR, E_EDGE_ATTRS };

static const Attr node_attrs[N_NODE_ATTRS] = {
  { ON_NODE, "label", "" }, { ON_NODE, "shape", "box" }, { ON_NODE, "style", "filled" },
  { ON_NODE, "fillcolor", "#ffffff" }, { ON_NODE, "color", "#000000" },
  { ON_NODE, "margin", WEFT_GRAPH_NODE_MARGIN },
};
static const Attr edge_attrs[E_EDGE_ATTRS] = {
  { ON_EDGE, "label", "" }, { ON_EDGE, "style", "solid" }, { ON_EDGE, "color", "#3d3846" },
  { ON_EDGE, "penwidth", "1" }, { ON_EDGE, "arrowhead", "normal" }, { ON_EDGE, "fontcolor", "#5e5c64" },
};

#define MAX_ENGINE_ATTRS 3

static guint
engine_attrs (WeftLayoutEngine engine,
              Attr             out[MAX_ENGINE_ATTRS])
{
  switch (engine)
    {
    case WEFT_ENGINE_DOT:
      out[0] = (Attr) { ON_GRAPH, "rankdir", "LR" };
      out[1] = (Attr) { ON_GRAPH, "nodesep", "0.2" };
      out[2] = (Attr) { ON_GRAPH, "ranksep", "0.6" };
      return 3;
    case WEFT_ENGINE_NEATO:
    case WEFT_ENGINE_FDP:
      out[0] = (Attr) { ON_GRAPH, "overlap", "false" };
      out[1] = (Attr) { ON_GRAPH, "splines", "true" };
      return 2;
    case WEFT_ENGINE_SFDP:
      out[0] = (Attr) { ON_GRAPH, "overlap", "prism" };
      return 1;
    case WEFT_ENGINE_CIRCO:
    case WEFT_ENGINE_TWOPI:
      out[0] = (Attr) { ON_GRAPH, "overlap", "false" };
      return 1;
    case WEFT_ENGINE_AUTO:
    case WEFT_N_ENGINES:
    default:
      return 0;
    }
}

static char *
color_string (guint32 rgb)
{
  return g_strdup_printf ("#%06x", rgb & 0xffffff);
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
  guint32 fill, stroke;

  weft_node_style_colors (node->style, FALSE, &fill, &stroke);
  /* The name as the window draws it, in lines; the kind is the shape's
   * and the colour's to tell. */
  values[N_LABEL] = weft_dot_escape_label (node->lines);
  g_ptr_array_add (owned, (gpointer) values[N_LABEL]);
  values[N_SHAPE] = node->style->graphviz_shape;
  values[N_STYLE] = node->style->graphviz_style;
  values[N_FILL] = color_string (fill);
  g_ptr_array_add (owned, (gpointer) values[N_FILL]);
  values[N_COLOR] = color_string (stroke);
  g_ptr_array_add (owned, (gpointer) values[N_COLOR]);
  values[N_MARGIN] = node->style->graphviz_margin;
}

static void
edge_values (WeftGraph   *graph,
             guint        i,
             gboolean     with_labels,
             const char  *values[E_EDGE_ATTRS],
             GPtrArray   *owned)
{
  const WeftGraphEdge *edge = weft_graph_get_edge (graph, i);
  const WeftEdgeStyle *style = weft_graph_edge_style (edge);
  char *penwidth;

  memset (values, 0, sizeof (const char *) * E_EDGE_ATTRS);
  if (with_labels && *edge->label != '\0')
    {
      values[E_LABEL] = weft_dot_escape_label (edge->label);
      g_ptr_array_add (owned, (gpointer) values[E_LABEL]);
    }
  if (edge->kind == WEFT_EDGE_TOGETHER)
    {
      /* Entities named together: thin, dotted, in a hue of their own,
       * no arrow (weft-graph-painter.c draws them so). */
      values[E_STYLE] = "dotted";
      values[E_COLOR] = values[E_FONTCOLOR] = "#813d9c";
      values[E_PENWIDTH] = "0.8";
      values[E_ARROWHEAD] = "none";
      return;
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

/* ---- The graph ------------------------------------------------------------------ */

/* "\tgraph\t[name=value,\n\t\tname=value];" and the same for node and
 * edge: every attribute with its default, by what it belongs to. */
static void
append_defaults (GString    *out,
                 const Attr *defaults,
                 guint       n_defaults)
{
  static const char * const keywords[N_TARGETS] = { [ON_GRAPH] = "graph", [ON_NODE] = "node", [ON_EDGE] = "edge" };

  for (Target t = 0; t < N_TARGETS; t++)
    {
      gboolean first = TRUE;

      g_string_append_printf (out, "\t%s\t[", keywords[t]);
      for (guint i = 0; i < n_defaults; i++)
        if (defaults[i].target == t)
          {
            g_string_append_printf (out, "%s%s=", first ? "" : ",\n\t\t", defaults[i].name);
            weft_dot_append_string (out, defaults[i].value);
            first = FALSE;
          }
      g_string_append (out, "];\n");
    }
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
      weft_dot_append_string (out, values[k]);
      first = FALSE;
    }
  g_string_append (out, first ? ";\n" : "];\n");
}

/* A legend row's sample as text in an HTML-like label: the line's look
 * in its colour. */
static const char *
edge_sample (const WeftLegendEntry *entry,
             const char           **color)
{
  const WeftEdgeStyle *style = entry->edge_style;

  if (entry == weft_graph_legend_together ())
    {
      *color = "#813d9c";
      return "· · · · ·";
    }
  *color = style->red ? "#c01c28" : style->grey ? "#9a9996" : "#000000";
  if (style->tee)
    return "– – – ⊣";
  if (g_strcmp0 (style->graphviz_style, "dotted") == 0)
    return "· · · · ·";
  if (g_strcmp0 (style->graphviz_style, "dashed") == 0)
    return "– – – ➝";
  return style->penwidth > 1.5 ? "<B>━━━➝</B>" : "───➝";
}

/* The graph's label at its top: @title in large type, then (@legend) a
 * table of the node kinds and edge looks the graph has, as the window's
 * legend. Nothing when there is neither. */
static void
append_title_and_legend (GString    *out,
                         WeftGraph  *graph,
                         const char *title,
                         gboolean    legend)
{
  g_autoptr(GPtrArray) rows = legend ? weft_graph_legend_rows (graph) : g_ptr_array_new ();

  if ((title == NULL || *title == '\0') && rows->len == 0)
    return;
  g_string_append (out, "\tgraph\t[labelloc=t,\n\t\tlabeljust=l,\n\t\tlabel=<<TABLE BORDER=\"0\" CELLSPACING=\"2\" "
                        "CELLPADDING=\"2\">\n");
  if (title != NULL && *title != '\0')
    {
      g_autofree char *text = g_markup_escape_text (title, -1);

      g_string_append_printf (out, "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\" CLASS=\"title\"><FONT POINT-SIZE=\"24\">"
                                   "<B>%s</B></FONT></TD></TR>\n", text);
    }
  for (guint i = 0; i < rows->len; i++)
    {
      const WeftLegendEntry *entry = g_ptr_array_index (rows, i);
      g_autofree char *label = g_markup_escape_text (entry->label, -1);

      if (entry->node_style != NULL)
        {
          guint32 fill, stroke;

          weft_node_style_colors (entry->node_style, FALSE, &fill, &stroke);
          g_string_append_printf (out, "<TR><TD BGCOLOR=\"#%06x\" COLOR=\"#%06x\" BORDER=\"1\" WIDTH=\"30\" "
                                       "HEIGHT=\"14\" FIXEDSIZE=\"TRUE\"></TD>",
                                  fill & 0xffffff, stroke & 0xffffff);
        }
      else
        {
          const char *color;
          const char *sample = edge_sample (entry, &color);

          g_string_append_printf (out, "<TR><TD><FONT POINT-SIZE=\"11\" COLOR=\"%s\">%s</FONT></TD>", color, sample);
        }
      g_string_append_printf (out, "<TD ALIGN=\"LEFT\" CLASS=\"legend\"><FONT POINT-SIZE=\"11\">%s</FONT></TD></TR>\n",
                              label);
    }
  g_string_append (out, "</TABLE>>];\n");
}

char *
weft_dot_write_graph (WeftGraph        *graph,
                      WeftLayoutEngine  engine,
                      const char       *title,
                      gboolean          legend)
{
  GString *out = g_string_new ("digraph weft {\n");
  guint n_nodes = weft_graph_get_n_nodes (graph);
  guint n_edges = weft_graph_get_n_edges (graph);
  gboolean with_labels = weft_layout_places_edge_labels (engine, n_edges);
  const char *name = weft_dataset_get_title (weft_graph_get_dataset (graph));
  g_autofree char *comment = weft_dot_escape_label (name ? name : "");
  Attr defaults[2 + G_N_ELEMENTS (common_attrs) + MAX_ENGINE_ATTRS + N_NODE_ATTRS + E_EDGE_ATTRS];
  guint n_defaults = 0;

  defaults[n_defaults++] = (Attr) { ON_GRAPH, "layout", weft_layout_engine_to_string (engine) };
  defaults[n_defaults++] = (Attr) { ON_GRAPH, "comment", comment };
  for (guint i = 0; i < G_N_ELEMENTS (common_attrs); i++)
    defaults[n_defaults++] = common_attrs[i];
  n_defaults += engine_attrs (engine, &defaults[n_defaults]);
  for (guint i = 0; i < N_NODE_ATTRS; i++)
    defaults[n_defaults++] = node_attrs[i];
  for (guint i = 0; i < E_EDGE_ATTRS; i++)
    defaults[n_defaults++] = edge_attrs[i];
  append_defaults (out, defaults, n_defaults);
  append_title_and_legend (out, graph, title, legend);

  for (guint i = 0; i < n_nodes; i++)
    {
      g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
      const char *values[N_NODE_ATTRS];

      node_values (graph, i, values, owned);
      g_string_append_c (out, '\t');
      weft_dot_append_name (out, weft_graph_get_node (graph, i)->item->id);
      append_item_attrs (out, node_attrs, values, N_NODE_ATTRS);
    }

  for (guint i = 0; i < n_edges; i++)
    {
      const WeftGraphEdge *edge = weft_graph_get_edge (graph, i);
      g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
      const char *values[E_EDGE_ATTRS];

      edge_values (graph, i, with_labels, values, owned);
      g_string_append_c (out, '\t');
      weft_dot_append_name (out, weft_graph_get_node (graph, edge->tail)->item->id);
      g_string_append (out, " -> ");
      weft_dot_append_name (out, weft_graph_get_node (graph, edge->head)->item->id);
      append_item_attrs (out, edge_attrs, values, E_EDGE_ATTRS);
    }

  g_string_append (out, "}\n");
  return g_string_free (out, FALSE);
}
