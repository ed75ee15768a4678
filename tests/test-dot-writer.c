/* test-dot-writer.c: the DOT text Graphviz lays out, without Graphviz
 *
 * Linked with the graph model alone (weft-graph-model, no Graphviz): the
 * text is checked as text. That Graphviz reads it back as written is
 * test-layout's part (/weft/layout/escaping, dot-export-relays-out).
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-test"

#include "config.h"

#include <string.h>

#include "weft-dot-writer.h"
#include "weft-loader.h"

/* What @append writes for @value. */
static char *
appended (void       (*append) (GString *, const char *),
          const char  *value)
{
  GString *out = g_string_new (NULL);

  append (out, value);
  return g_string_free (out, FALSE);
}

static char *
dot_string (const char *value)
{
  return appended (weft_dot_append_string, value);
}

static char *
dot_name (const char *id)
{
  return appended (weft_dot_append_name, id);
}

/* What each function writes for awkward text. */
static void
test_escaping (void)
{
  static const struct {
    char       *(*transform) (const char *);
    const char  *in;
    const char  *out;
  } cases[] = {
    /* Labels: backslashes doubled (\N, \G, \l stay literal), entities
     * kept from decoding, line breaks as \n; quotes are the string's
     * business. */
    { weft_dot_escape_label, "plain", "plain" },
    { weft_dot_escape_label, "\\N", "\\\\N" },
    { weft_dot_escape_label, "\\G and \\E \\T \\H \\L", "\\\\G and \\\\E \\\\T \\\\H \\\\L" },
    { weft_dot_escape_label, "left\\l right\\r", "left\\\\l right\\\\r" },
    { weft_dot_escape_label, "trailing\\", "trailing\\\\" },
    { weft_dot_escape_label, "&lt;b&gt; & x", "&amp;lt;b&amp;gt; &amp; x" },
    { weft_dot_escape_label, "two\nlines", "two\\nlines" },
    { weft_dot_escape_label, "say \"hi\"", "say \"hi\"" },
    { weft_dot_escape_label, "<b>bold</b> {a|b}", "<b>bold</b> {a|b}" },
    { weft_dot_escape_label, "", "" },
    /* Strings: bare where DOT allows, else quoted with " escaped and
     * every backslash pair kept. */
    { dot_string, "abc", "abc" },
    { dot_string, "_x9", "_x9" },
    { dot_string, "42", "42" },
    { dot_string, "-1.5", "-1.5" },
    { dot_string, ".5", ".5" },
    { dot_string, "", "\"\"" },
    { dot_string, "9lives", "\"9lives\"" },
    { dot_string, "node", "\"node\"" },
    { dot_string, "Digraph", "\"Digraph\"" },
    { dot_string, "two words", "\"two words\"" },
    { dot_string, "é", "\"é\"" },
    { dot_string, "-", "\"-\"" },
    { dot_string, "1.2.3", "\"1.2.3\"" },
    { dot_string, "say \"hi\"", "\"say \\\"hi\\\"\"" },
    { dot_string, "\\\\N", "\"\\\\N\"" },
    { dot_string, "a\\nb", "\"a\\nb\"" },
    { dot_string, "lone\\", "\"lone\\\\\"" },
    { dot_string, "#c01c28", "\"#c01c28\"" },
    { dot_string, "0.1,0.04", "\"0.1,0.04\"" },
    /* Node names: an id's backslashes doubled, so that each id is one
     * name and an id ending in a backslash does not escape the closing
     * quote. */
    { dot_name, "ent-ibm", "\"ent-ibm\"" },
    { dot_name, "ibm", "ibm" },
    { dot_name, "a\\b", "\"a\\\\b\"" },
    { dot_name, "end\\", "\"end\\\\\"" },
    { dot_name, "q\"", "\"q\\\"\"" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = cases[i].transform (cases[i].in);
      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

/* Undoes weft_dot_append_string() on quoted pieces joined by " + ",
 * checking each piece's size. */
static char *
join_pieces (const char *dot,
             guint      *n_pieces)
{
  GString *value = g_string_new (NULL);
  const char *p = dot;

  *n_pieces = 0;
  g_assert_cmpint (*p, ==, '"');
  for (;;)
    {
      gsize start = value->len;

      g_assert_cmpint (*p, ==, '"');
      for (p++; *p != '"'; p++)
        {
          g_assert_cmpint (*p, !=, '\0');
          if (*p == '\\')
            {
              /* \" is a quote; any other pair stays as it is. */
              if (p[1] != '"')
                g_string_append_c (value, '\\');
              p++;
            }
          g_string_append_c (value, *p);
        }
      /* Each piece well under Graphviz 2.42's 16 KiB, and whole UTF-8. */
      g_assert_cmpuint (value->len - start, <=, WEFT_DOT_PIECE + 2);
      g_assert_true (g_utf8_validate (value->str + start, value->len - start, NULL));
      (*n_pieces)++;
      p++;
      if (*p == '\0')
        break;
      g_assert_true (g_str_has_prefix (p, " + "));
      p += 3;
    }
  return g_string_free (value, FALSE);
}

static void
test_long_strings (void)
{
  g_autoptr(GString) value = g_string_new (NULL);
  g_autofree char *dot = NULL;
  g_autofree char *back = NULL;
  g_autofree char *short_dot = NULL;
  g_autofree char *short_back = NULL;
  guint n_pieces;

  /* Multi-byte characters, backslash pairs and quotes at every offset, so
   * that cuts fall next to each: a cut inside a pair or a character would
   * not read back. */
  for (guint i = 0; value->len < 5 * WEFT_DOT_PIECE; i++)
    g_string_append (value, i % 3 == 0 ? "é\\\\" : i % 3 == 1 ? "\"字" : "\\nx");
  dot = dot_string (value->str);
  back = join_pieces (dot, &n_pieces);
  g_assert_cmpstr (back, ==, value->str);
  g_assert_cmpuint (n_pieces, >=, 5);
  g_assert_cmpuint (n_pieces, <=, 8);

  /* Up to one piece: one quoted string. */
  short_dot = dot_string ("short and sweet");
  short_back = join_pieces (short_dot, &n_pieces);
  g_assert_cmpuint (n_pieces, ==, 1);
  g_assert_cmpstr (short_back, ==, "short and sweet");
}

static WeftGraph *
graph_of_json (const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WeftDataset) dataset = weft_dataset_load_data (json, strlen (json), "test.weft", NULL, &error);
  g_autoptr(WeftSubgraph) all = NULL;

  g_assert_no_error (error);
  all = weft_dataset_all (dataset);
  return weft_graph_new (dataset, all, FALSE, FALSE);
}

static const char small_graph[] =
  "{\"weft\": 1, \"title\": \"Small \\\\G\", \"entities\": ["
  "{\"id\": \"c\", \"name\": \"Cee \\\\N\", \"kind\": \"place\"},"
  "{\"id\": \"a\", \"name\": \"A & \\\"B\\\"\", \"kind\": \"government\"},"
  "{\"id\": \"node\", \"name\": \"Keyword\", \"kind\": \"person\"}],"
  "\"relations\": ["
  "{\"id\": \"r1\", \"from\": \"node\", \"to\": \"c\", \"type\": \"owns\"},"
  "{\"id\": \"r2\", \"from\": \"c\", \"to\": \"a\", \"type\": \"funds\"}]}";

/* The statements after the defaults: "\tNAME\t[…" for nodes and
 * "\tTAIL -> HEAD…" for edges, each with its attributes joined. */
static GPtrArray *
statements (const char *dot)
{
  g_auto(GStrv) lines = g_strsplit (dot, "\n", -1);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  GString *current = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "\t\t"))
        {
          /* The next attribute of the statement (or of the defaults). */
          if (current != NULL)
            g_string_append (current, lines[i] + 1);
          continue;
        }
      if (current != NULL)
        g_ptr_array_add (out, g_string_free (g_steal_pointer (&current), FALSE));
      if (lines[i][0] == '\t' && !g_str_has_prefix (lines[i], "\tgraph\t") &&
          !g_str_has_prefix (lines[i], "\tnode\t") && !g_str_has_prefix (lines[i], "\tedge\t"))
        current = g_string_new (lines[i] + 1);
    }
  if (current != NULL)
    g_ptr_array_add (out, g_string_free (current, FALSE));
  return out;
}

/* Every node before the first edge, both in the graph's order; each
 * node's shape and colours from the style table. */
static void
test_graph_order (void)
{
  g_autoptr(WeftGraph) graph = graph_of_json (small_graph);
  g_autofree char *dot = weft_dot_write_graph (graph, WEFT_ENGINE_DOT);
  g_autoptr(GPtrArray) lines = statements (dot);
  guint n_nodes = weft_graph_get_n_nodes (graph), n_edges = weft_graph_get_n_edges (graph);

  g_assert_true (g_str_has_prefix (dot, "digraph weft {\n"));
  g_assert_true (g_str_has_suffix (dot, "}\n"));
  g_assert_cmpuint (n_nodes, ==, 3);
  g_assert_cmpuint (n_edges, ==, 2);
  g_assert_cmpuint (lines->len, ==, n_nodes + n_edges);

  for (guint i = 0; i < n_nodes; i++)
    {
      const WeftGraphNode *node = weft_graph_get_node (graph, i);
      const char *line = g_ptr_array_index (lines, i);
      g_autofree char *name = dot_name (node->item->id);
      g_autofree char *start = g_strconcat (name, "\t[", NULL);
      g_autofree char *shape = NULL;
      g_autofree char *fill = NULL;
      guint32 fill_rgb, stroke_rgb;

      g_assert_true (g_str_has_prefix (line, start));
      g_assert_null (strstr (line, " -> "));
      /* "box" is the default and left out. */
      shape = g_strdup_printf ("shape=%s", node->style->graphviz_shape);
      if (g_str_equal (node->style->graphviz_shape, "box"))
        g_assert_null (strstr (line, "shape="));
      else
        g_assert_nonnull (strstr (line, shape));
      weft_node_style_colors (node->style, FALSE, &fill_rgb, &stroke_rgb);
      fill = g_strdup_printf ("fillcolor=\"#%06x\"", fill_rgb);
      g_assert_nonnull (strstr (line, fill));
    }
  for (guint i = 0; i < n_edges; i++)
    {
      const WeftGraphEdge *edge = weft_graph_get_edge (graph, i);
      const char *line = g_ptr_array_index (lines, n_nodes + i);
      g_autofree char *tail = dot_name (weft_graph_get_node (graph, edge->tail)->item->id);
      g_autofree char *head = dot_name (weft_graph_get_node (graph, edge->head)->item->id);
      g_autofree char *start = g_strconcat (tail, " -> ", head, "\t[", NULL);

      g_assert_true (g_str_has_prefix (line, start));
    }

  /* The graph's own order: c, a, node; r1 (node -> c), then r2. */
  g_assert_true (g_str_has_prefix (g_ptr_array_index (lines, 0), "c\t["));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (lines, 2), "\"node\"\t["));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (lines, 3), "\"node\" -> c\t["));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (lines, 4), "c -> a\t["));
}

/* Whether each of @needles (NULL-terminated) is in @text: @in says
 * which should be. */
static void
assert_has (const char        *text,
            gboolean           in,
            const char * const *needles)
{
  for (; *needles != NULL; needles++)
    if ((strstr (text, *needles) != NULL) != in)
      g_error ("“%s” is%s in the DOT text:\n%s", *needles, in ? " not" : "", text);
}

/* Graph, node and edge defaults, the engine's own attributes, and labels
 * escaped as labels. */
static void
test_graph_attributes (void)
{
  g_autoptr(WeftGraph) graph = graph_of_json (small_graph);
  g_autofree char *dot = weft_dot_write_graph (graph, WEFT_ENGINE_DOT);
  g_autofree char *sfdp = weft_dot_write_graph (graph, WEFT_ENGINE_SFDP);
  g_autofree char *font = g_strdup_printf ("fontname=\"%s\"", WEFT_GRAPH_FONT);
  g_autofree char *size = g_strdup_printf ("fontsize=%d", WEFT_GRAPH_NODE_FONT_SIZE);
  const char *graph_line = strstr (dot, "\tgraph\t[");
  const char *node_line = strstr (dot, "\tnode\t[");
  const char *edge_line = strstr (dot, "\tedge\t[");

  /* Defaults in the order graph, node, edge, before any node. */
  g_assert_nonnull (graph_line);
  g_assert_true (graph_line < node_line && node_line < edge_line);
  g_assert_true (edge_line < strstr (dot, "\tc\t["));

  assert_has (dot, TRUE, (const char * const[]) {
    "[layout=dot,\n", "comment=\"Small \\\\G\"", "rankdir=LR", "outputorder=edgesfirst", font, size,
    /* The name (the kind is the shape's to show); backslashes doubled,
     * & as &amp;, quotes escaped by the string. */
    "label=\"Cee \\\\N\"", "label=\"A &amp; \\\"B\\\"\"",
    /* Relations without claims: dotted grey, labelled with their type. */
    "label=\"owns (0)\"", "style=dotted", "color=\"#9a9996\"", NULL });
  assert_has (dot, FALSE, (const char * const[]) { "overlap=", NULL });
  assert_has (sfdp, TRUE, (const char * const[]) { "[layout=sfdp,\n", "overlap=prism", NULL });
  assert_has (sfdp, FALSE, (const char * const[]) { "rankdir=", NULL });
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/weft/dot-writer/escaping", test_escaping);
  g_test_add_func ("/weft/dot-writer/long-strings", test_long_strings);
  g_test_add_func ("/weft/dot-writer/graph-order", test_graph_order);
  g_test_add_func ("/weft/dot-writer/graph-attributes", test_graph_attributes);

  return g_test_run ();
}
