/* test-layout.c: the graph model, Graphviz layout, export and escaping
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-test"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "weft-error.h"
#include "weft-graph.h"
#include "weft-graph-painter.h"
#include "weft-graph-picture.h"
#include "weft-layout.h"
#include "weft-session.h"
#include "weft-test.h"

/* Names that mean something to Graphviz, SVG, HTML or Pango. */
static const char * const awkward_names[] = {
  "\\N",
  "\\G and \\E and \\T \\H \\L",
  "left\\l right\\r new\\n",
  "say \"quoted\"",
  "{braces} | pipe <port>",
  "<b>bold</b> <table><tr><td>x</td></tr></table>",
  "&lt;entity&gt; &amp; &#60;",
  "trailing backslash\\",
};

/* A dataset whose entities carry the awkward names, linked in a chain by
 * relations whose types are awkward too, with claims of every status. */
static WeftDataset *
awkward_dataset (void)
{
  WeftDataset *d = weft_dataset_new ();
  g_autoptr(WeftDiagnostics) diagnostics = weft_diagnostics_new ("awkward");
  WeftSource *s1 = weft_dataset_add_source (d, "s1", "Source one", WEFT_SOURCE_REPORT);
  WeftSource *s2 = weft_dataset_add_source (d, "s2", "Source two", WEFT_SOURCE_ARTICLE);
  static const WeftClaimStatus statuses[] = {
    WEFT_STATUS_CONFIRMED, WEFT_STATUS_DENIED, WEFT_STATUS_ALLEGED, WEFT_STATUS_REPORTED,
  };

  weft_dataset_set_title (d, "Awkward \\G title");
  for (guint i = 0; i < G_N_ELEMENTS (awkward_names); i++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", i);
      weft_dataset_add_entity (d, id, awkward_names[i], i % WEFT_N_ENTITY_KINDS);
    }
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autofree char *id = g_strdup_printf ("c%u", i);
      g_autofree char *about = g_strdup_printf ("e%u", i);
      WeftClaim *c = weft_dataset_add_claim (d, id, "A claim", statuses[i]);

      weft_dataset_strv_append (d, &c->about, about);
      weft_dataset_add_citation (d, c, s1->item.id, "quote one", NULL);
      if (i == 0)
        weft_dataset_add_citation (d, c, s2->item.id, "quote two", NULL);
    }
  for (guint i = 0; i + 1 < G_N_ELEMENTS (awkward_names); i++)
    {
      g_autofree char *id = g_strdup_printf ("r%u", i);
      g_autofree char *from = g_strdup_printf ("e%u", i);
      g_autofree char *to = g_strdup_printf ("e%u", i + 1);
      WeftRelation *r = weft_dataset_add_relation (d, id, from, to, i == 0 ? "type\\N_<i>x</i>" : "linked_to");

      /* r0 confirmed, r1 denied, r2 alleged, r3 reported, the rest none */
      if (i < G_N_ELEMENTS (statuses))
        {
          g_autofree char *claim = g_strdup_printf ("c%u", i);
          weft_dataset_strv_append (d, &r->claims, claim);
        }
    }

  g_assert_true (weft_dataset_finish (d, diagnostics));
  return d;
}

/* A synthetic dataset of @n entities in a ring with chords: big enough
 * that dot takes a while. */
static WeftDataset *
ring_dataset (guint n)
{
  WeftDataset *d = weft_dataset_new ();
  g_autoptr(WeftDiagnostics) diagnostics = weft_diagnostics_new ("ring");

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", i);
      g_autofree char *name = g_strdup_printf ("Entity number %u", i);
      weft_dataset_add_entity (d, id, name, i % WEFT_N_ENTITY_KINDS);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id1 = g_strdup_printf ("r%u", i);
      g_autofree char *id2 = g_strdup_printf ("q%u", i);
      g_autofree char *a = g_strdup_printf ("e%u", i);
      g_autofree char *b = g_strdup_printf ("e%u", (i + 1) % n);
      g_autofree char *c = g_strdup_printf ("e%u", (i * 7 + 3) % n);

      weft_dataset_add_relation (d, id1, a, b, "next_to");
      weft_dataset_add_relation (d, id2, a, c, "knows");
    }
  g_assert_true (weft_dataset_finish (d, diagnostics));
  return d;
}

static WeftGraph *
graph_of (WeftDataset *d)
{
  g_autoptr(WeftSubgraph) all = weft_dataset_all (d);

  return weft_graph_new (d, all, FALSE, FALSE);
}

static void
test_check (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (weft_layout_check (&error));
  g_assert_no_error (error);
}

/* Every node box lies inside the drawing; every edge is a Bézier chain
 * (1 + 3k points) inside it, ending in an arrow. */
static void
assert_geometry (WeftLayout *layout)
{
  WeftGraph *graph = weft_layout_get_graph (layout);
  double w = weft_layout_get_width (layout);
  double h = weft_layout_get_height (layout);
  const double slack = 1.0;

  g_assert_cmpfloat (w, >, 0);
  g_assert_cmpfloat (h, >, 0);
  for (guint i = 0; i < weft_graph_get_n_nodes (graph); i++)
    {
      const WeftNodeBox *b = weft_layout_get_node (layout, i);

      g_assert_cmpfloat (b->width, >, 10);
      g_assert_cmpfloat (b->height, >, 10);
      g_assert_cmpfloat (b->x - b->width / 2, >=, -slack);
      g_assert_cmpfloat (b->y - b->height / 2, >=, -slack);
      g_assert_cmpfloat (b->x + b->width / 2, <=, w + slack);
      g_assert_cmpfloat (b->y + b->height / 2, <=, h + slack);
      g_assert_cmpfloat (fabs (b->label_x - b->x), <, b->width / 2);
      g_assert_cmpfloat (fabs (b->label_y - b->y), <, b->height / 2);
    }
  for (guint i = 0; i < weft_graph_get_n_edges (graph); i++)
    {
      const WeftEdgePath *e = weft_layout_get_edge (layout, i);
      const WeftGraphEdge *ge = weft_graph_get_edge (graph, i);

      g_assert_cmpuint (e->n_splines, >=, 1);
      for (guint j = 0; j < e->n_splines; j++)
        {
          const WeftSpline *s = &e->splines[j];

          g_assert_cmpuint (s->n_points, >=, 4);
          g_assert_cmpuint ((s->n_points - 1) % 3, ==, 0);
          /* Control points may stray outside the drawing; the curve's
           * ends may not, and the edge's bounds hold every point. */
          for (guint k = 0; k < s->n_points; k++)
            {
              g_assert_cmpfloat (s->points[k].x, >=, e->x1 - 0.001);
              g_assert_cmpfloat (s->points[k].x, <=, e->x2 + 0.001);
              g_assert_cmpfloat (s->points[k].y, >=, e->y1 - 0.001);
              g_assert_cmpfloat (s->points[k].y, <=, e->y2 + 0.001);
            }
          for (guint k = 0; k < s->n_points; k += s->n_points - 1)
            {
              g_assert_cmpfloat (s->points[k].x, >=, -slack);
              g_assert_cmpfloat (s->points[k].x, <=, w + slack);
              g_assert_cmpfloat (s->points[k].y, >=, -slack);
              g_assert_cmpfloat (s->points[k].y, <=, h + slack);
            }
        }
      if (ge->kind == WEFT_EDGE_RELATION && ge->tail != ge->head)
        {
          g_assert_true (e->splines[e->n_splines - 1].has_end_arrow);
          g_assert_true (e->has_label);
          g_assert_cmpfloat (e->label_width, >, 10);
        }
    }
}

static void
test_geometry (void)
{
  g_autoptr(WeftDataset) d = weft_test_load_example ();
  g_autoptr(WeftGraph) graph = graph_of (d);
  g_autoptr(GError) error = NULL;
  g_autoptr(WeftLayout) layout = weft_layout_run (graph, WEFT_ENGINE_AUTO, &error);

  g_assert_no_error (error);
  g_assert_nonnull (layout);
  g_assert_cmpuint (weft_graph_get_n_nodes (graph), ==, weft_dataset_get_entities (d)->len);
  g_assert_cmpuint (weft_graph_get_n_entities (graph), ==, weft_dataset_get_entities (d)->len);
  g_assert_cmpuint (weft_graph_get_n_edges (graph), ==, weft_dataset_get_relations (d)->len);
  g_assert_cmpint (weft_layout_get_engine (layout), ==, WEFT_ENGINE_SFDP);
  assert_geometry (layout);

  /* Node indices follow the dataset's entities. */
  for (guint i = 0; i < weft_graph_get_n_nodes (graph); i++)
    {
      WeftItem *item = g_ptr_array_index (weft_dataset_get_entities (d), i);
      g_assert_true (weft_graph_get_node (graph, i)->item == item);
      g_assert_cmpint (weft_graph_lookup_node (graph, item), ==, (gint) i);
    }
}

static void
test_engines (void)
{
  g_autoptr(WeftDataset) d = weft_test_load_example ();
  g_autoptr(WeftGraph) graph = graph_of (d);

  for (WeftLayoutEngine engine = WEFT_ENGINE_DOT; engine < WEFT_N_ENGINES; engine++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(WeftLayout) layout = weft_layout_run (graph, engine, &error);
      WeftLayoutEngine parsed;

      g_test_message ("engine %s", weft_layout_engine_to_string (engine));
      g_assert_no_error (error);
      g_assert_cmpint (weft_layout_get_engine (layout), ==, engine);
      assert_geometry (layout);
      g_assert_true (weft_layout_engine_from_string (weft_layout_engine_to_string (engine), &parsed));
      g_assert_cmpint (parsed, ==, engine);
    }
}

static void
test_events_and_claims (void)
{
  g_autoptr(WeftDataset) d = weft_test_load_example ();
  g_autoptr(WeftSubgraph) all = weft_dataset_all (d);
  g_autoptr(WeftGraph) graph = weft_graph_new (d, all, TRUE, TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(WeftLayout) layout = NULL;
  guint participants = 0;

  g_assert_cmpuint (weft_graph_get_n_nodes (graph), ==,
                    all->entities->len + all->events->len + all->claims->len);
  for (guint i = 0; i < all->events->len; i++)
    participants += ((WeftEvent *) g_ptr_array_index (all->events, i))->n_participants;
  g_assert_cmpuint (weft_graph_get_n_edges (graph), >=, all->relations->len + participants);

  layout = weft_layout_run (graph, WEFT_ENGINE_SFDP, &error);
  g_assert_no_error (error);
  assert_geometry (layout);
}

/* Past WEFT_LAYOUT_LABEL_LIMIT edges sfdp lays out without labels; each
 * label still gets a place, the middle of its edge. */
static void
test_unplaced_labels (void)
{
  g_autoptr(WeftDataset) d = ring_dataset (WEFT_LAYOUT_LABEL_LIMIT / 2 + 50);
  g_autoptr(WeftGraph) graph = graph_of (d);
  g_autoptr(GError) error = NULL;
  g_autoptr(WeftLayout) layout = NULL;
  g_autoptr(GBytes) dot = NULL;

  g_assert_cmpuint (weft_graph_get_n_edges (graph), >, WEFT_LAYOUT_LABEL_LIMIT);
  g_assert_false (weft_layout_places_edge_labels (WEFT_ENGINE_SFDP, weft_graph_get_n_edges (graph)));
  g_assert_true (weft_layout_places_edge_labels (WEFT_ENGINE_DOT, weft_graph_get_n_edges (graph)));
  g_assert_true (weft_layout_places_edge_labels (WEFT_ENGINE_SFDP, WEFT_LAYOUT_LABEL_LIMIT));

  layout = weft_layout_run (graph, WEFT_ENGINE_SFDP, &error);
  g_assert_no_error (error);
  assert_geometry (layout);
  for (guint i = 0; i < weft_graph_get_n_edges (graph); i++)
    {
      const WeftEdgePath *e = weft_layout_get_edge (layout, i);

      g_assert_true (e->has_label);
      g_assert_cmpfloat (e->label_x - e->label_width / 2, >=, e->x1);
      g_assert_cmpfloat (e->label_x + e->label_width / 2, <=, e->x2);
    }

  dot = weft_layout_export (graph, WEFT_ENGINE_SFDP, WEFT_EXPORT_DOT, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (g_bytes_get_data (dot, NULL), "next to"));
}

static void
test_auto_engine (void)
{
  WeftLayoutEngine e;

  /* sfdp at every size: the layout is fitted to the pane after, and a
   * force-directed start packs into any shape (weft_layout_engine_choose()). */
  g_assert_cmpint (weft_layout_engine_choose (10, 20), ==, WEFT_ENGINE_SFDP);
  g_assert_cmpint (weft_layout_engine_choose (400, 500), ==, WEFT_ENGINE_SFDP);
  g_assert_cmpint (weft_layout_engine_choose (401, 10), ==, WEFT_ENGINE_SFDP);
  g_assert_cmpint (weft_layout_engine_choose (10000, 20000), ==, WEFT_ENGINE_SFDP);
  g_assert_cmpint (weft_layout_engine_fallback (WEFT_ENGINE_DOT), ==, WEFT_ENGINE_SFDP);
  g_assert_cmpint (weft_layout_engine_fallback (WEFT_ENGINE_NEATO), ==, WEFT_ENGINE_SFDP);
  g_assert_cmpint (weft_layout_engine_fallback (WEFT_ENGINE_SFDP), ==, WEFT_ENGINE_AUTO);
  g_assert_false (weft_layout_engine_from_string ("graphviz", &e));
  g_assert_false (weft_layout_engine_from_string (NULL, &e));
}

static void
test_evidence (void)
{
  g_autoptr(WeftDataset) d = awkward_dataset ();
  g_autoptr(WeftGraph) graph = graph_of (d);
  static const WeftEvidence expected[] = {
    WEFT_EVIDENCE_CONFIRMED, WEFT_EVIDENCE_DENIED, WEFT_EVIDENCE_ALLEGED, WEFT_EVIDENCE_REPORTED,
    WEFT_EVIDENCE_UNSUPPORTED,
  };
  g_autoptr(GBytes) dot = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;

  g_assert_cmpuint (weft_graph_get_n_edges (graph), ==, G_N_ELEMENTS (awkward_names) - 1);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const WeftGraphEdge *e = weft_graph_get_edge (graph, i);

      g_assert_cmpint (e->evidence, ==, expected[i]);
      g_assert_cmpuint (e->n_claims, ==, expected[i] == WEFT_EVIDENCE_UNSUPPORTED ? 0 : 1);
      g_assert_cmpuint (e->n_sources, ==, i == 0 ? 2 : (expected[i] == WEFT_EVIDENCE_UNSUPPORTED ? 0 : 1));
    }
  g_assert_cmpstr (weft_graph_get_edge (graph, 1)->label, ==, "✗ linked to (1)");
  g_assert_cmpstr (weft_graph_get_edge (graph, 0)->label, ==, "type\\N <i>x</i> (2)");
  g_assert_cmpstr (weft_graph_get_edge (graph, 4)->label, ==, "linked to (0)");

  /* The same styles reach Graphviz. */
  dot = weft_layout_export (graph, WEFT_ENGINE_DOT, WEFT_EXPORT_DOT, &error);
  g_assert_no_error (error);
  text = g_bytes_get_data (dot, NULL);
  g_assert_nonnull (strstr (text, "arrowhead=tee"));
  g_assert_nonnull (strstr (text, "style=dashed"));
  g_assert_nonnull (strstr (text, "style=dotted"));
  g_assert_nonnull (strstr (text, "penwidth=2.2"));

  /* Mixed statuses. */
  {
    WeftClaim confirmed = { .status = WEFT_STATUS_CONFIRMED };
    WeftClaim denied = { .status = WEFT_STATUS_DENIED };
    WeftClaim reported = { .status = WEFT_STATUS_REPORTED };
    WeftClaim opinion = { .status = WEFT_STATUS_OPINION };
    WeftClaim *a[] = { &denied, &confirmed };
    WeftClaim *b[] = { &reported, &denied };
    WeftClaim *c[] = { &opinion };
    WeftClaim *e[] = { &denied, &denied };

    g_assert_cmpint (weft_evidence_for_claims (a, 2), ==, WEFT_EVIDENCE_CONFIRMED);
    g_assert_cmpint (weft_evidence_for_claims (b, 2), ==, WEFT_EVIDENCE_ALLEGED);
    g_assert_cmpint (weft_evidence_for_claims (c, 1), ==, WEFT_EVIDENCE_ALLEGED);
    g_assert_cmpint (weft_evidence_for_claims (e, 2), ==, WEFT_EVIDENCE_DENIED);
    g_assert_cmpint (weft_evidence_for_claims (NULL, 0), ==, WEFT_EVIDENCE_UNSUPPORTED);
  }
}

/* One relation backed by one reported claim, citing its source or
 * (@cited FALSE) none. */
#define UNSOURCED_DOC \
  "{\"weft\": 1, \"title\": \"Unsourced\", \"sources\": [{\"id\": \"s1\", \"title\": \"S\", \"kind\": \"article\"}],\n" \
  " \"entities\": [{\"id\": \"e1\", \"name\": \"IBM\", \"kind\": \"company\"},\n" \
  "   {\"id\": \"e2\", \"name\": \"Huawei\", \"kind\": \"company\"}],\n" \
  " \"events\": [],\n" \
  " \"claims\": [{\"id\": \"k1\", \"text\": \"Said\", \"status\": \"reported\", \"about\": [\"e1\"],\n" \
  "   \"citations\": [%s]}],\n" \
  " \"relations\": [{\"id\": \"r1\", \"from\": \"e1\", \"to\": \"e2\", \"type\": \"knows\", \"claims\": [\"k1\"]}]}\n"

/* A relation whose claims cite no source is drawn dotted, "?" in its
 * label, and the legend says so; a cited one is drawn as its evidence
 * says, without that row. */
static void
test_unsourced (void)
{
  cairo_surface_t *surfaces[2];
  guint n_differ = 0;

  for (guint cited = 0; cited < 2; cited++)
    {
      g_autofree char *text = g_strdup_printf (UNSOURCED_DOC, cited ? "{\"source\": \"s1\", \"quote\": \"Said\"}" : "");
      g_autoptr(WeftDataset) d = weft_test_load_text (text, "unsourced.weft");
      g_autoptr(WeftGraph) graph = graph_of (d);
      g_autoptr(GError) error = NULL;
      g_autoptr(WeftLayout) layout = weft_layout_run (graph, WEFT_ENGINE_DOT, &error);
      g_autoptr(WeftGraphPainter) painter = weft_graph_painter_new ();
      g_autoptr(GPtrArray) rows = weft_graph_legend_rows (graph);
      g_autoptr(GBytes) dot = NULL;
      const WeftGraphEdge *edge;
      WeftGraphPaintState state;
      WeftGraphViewport viewport;
      cairo_t *cr;

      g_assert_no_error (error);
      g_assert_cmpuint (weft_graph_get_n_edges (graph), ==, 1);
      edge = weft_graph_get_edge (graph, 0);
      g_assert_cmpint (edge->evidence, ==, WEFT_EVIDENCE_REPORTED);
      g_assert_true (edge->unsourced == !cited);
      g_assert_cmpstr (edge->label, ==, cited ? "knows (1)" : "? knows (0)");
      g_assert_cmpstr (weft_graph_edge_style (edge)->graphviz_style, ==, cited ? "solid" : "dotted");
      g_assert_true (g_ptr_array_find (rows, weft_graph_legend_unsourced (), NULL) == !cited);
      dot = weft_layout_export (graph, WEFT_ENGINE_DOT, WEFT_EXPORT_DOT, &error);
      g_assert_no_error (error);
      g_assert_true ((strstr (g_bytes_get_data (dot, NULL), "style=dotted") != NULL) == !cited);

      surfaces[cited] = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, 200);
      cr = cairo_create (surfaces[cited]);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      weft_graph_paint_state_init (&state, weft_graph_palette_get (FALSE));
      weft_graph_viewport_init (&viewport, 1, 0, 0, 400, 200);
      weft_graph_viewport_apply (&viewport, cr);
      weft_graph_painter_draw (painter, cr, layout, &state, WEFT_GRAPH_PAINT_ALL, &viewport);
      cairo_destroy (cr);
      cairo_surface_flush (surfaces[cited]);
    }
  for (int y = 0; y < 200; y++)
    for (int x = 0; x < 400; x++)
      {
        const guint8 *a = cairo_image_surface_get_data (surfaces[0]) + y * cairo_image_surface_get_stride (surfaces[0]) + 4 * x;
        const guint8 *b = cairo_image_surface_get_data (surfaces[1]) + y * cairo_image_surface_get_stride (surfaces[1]) + 4 * x;

        n_differ += memcmp (a, b, 3) != 0;
      }
  g_assert_cmpuint (n_differ, >, 0);
  cairo_surface_destroy (surfaces[0]);
  cairo_surface_destroy (surfaces[1]);
}

/* The text of every <text> element of an SVG, entities decoded, one per
 * line. */
static char *
svg_texts (const char *svg)
{
  GString *out = g_string_new (NULL);
  const char *p = svg;

  while ((p = strstr (p, "<text")) != NULL)
    {
      const char *start = strchr (p, '>');
      const char *end = start ? strstr (start, "</text>") : NULL;
      g_autofree char *raw = NULL;
      g_autofree char *decoded = NULL;
      GString *s;

      if (end == NULL)
        break;
      raw = g_strndup (start + 1, end - start - 1);
      s = g_string_new (NULL);
      for (const char *q = raw; *q != '\0';)
        {
          if (*q == '&')
            {
              const char *semi = strchr (q, ';');
              g_autofree char *entity = NULL;

              g_assert_nonnull (semi);
              entity = g_strndup (q + 1, semi - q - 1);
              if (g_str_equal (entity, "lt"))
                g_string_append_c (s, '<');
              else if (g_str_equal (entity, "gt"))
                g_string_append_c (s, '>');
              else if (g_str_equal (entity, "amp"))
                g_string_append_c (s, '&');
              else if (g_str_equal (entity, "quot"))
                g_string_append_c (s, '"');
              else if (g_str_equal (entity, "apos"))
                g_string_append_c (s, '\'');
              else if (entity[0] == '#')
                g_string_append_unichar (s, entity[1] == 'x' ? strtoul (entity + 2, NULL, 16)
                                                             : strtoul (entity + 1, NULL, 10));
              else
                g_error ("unknown entity &%s;", entity);
              q = semi + 1;
            }
          else
            g_string_append_c (s, *q++);
        }
      decoded = g_string_free (s, FALSE);
      g_string_append_printf (out, "%s\n", decoded);
      p = end;
    }
  return g_string_free (out, FALSE);
}

static void
assert_names_in_svg (const char *svg,
                     WeftGraph  *graph)
{
  g_autofree char *texts = svg_texts (svg);
  g_auto(GStrv) lines = g_strsplit (texts, "\n", -1);

  g_test_message ("SVG texts:\n%s", texts);
  for (guint i = 0; i < G_N_ELEMENTS (awkward_names); i++)
    {
      const WeftGraphNode *node = weft_graph_get_node (graph, i);
      g_autofree char *wrapped = weft_graph_wrap_label (awkward_names[i]);
      g_auto(GStrv) name_lines = g_strsplit (wrapped, "\n", -1);

      /* The name in the lines the window draws (Graphviz breaks labels at
       * the newlines the wrapping put there only): each one <text>. */
      g_assert_cmpstr (node->lines, ==, wrapped);
      for (guint k = 0; name_lines[k] != NULL; k++)
        if (!g_strv_contains ((const char * const *) lines, name_lines[k]))
          g_error ("“%s” is not shown literally in the SVG; its texts are:\n%s", name_lines[k], texts);
    }
  g_assert_true (g_strv_contains ((const char * const *) lines, "type\\N <i>x</i> (2)"));
}

static void
test_escaping (void)
{
  g_autoptr(WeftDataset) d = awkward_dataset ();
  g_autoptr(WeftGraph) graph = graph_of (d);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GBytes) dot = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(WeftLayout) layout = NULL;
  g_autofree char *dot_text = NULL;

  /* The model keeps names as they are. */
  for (guint i = 0; i < G_N_ELEMENTS (awkward_names); i++)
    g_assert_cmpstr (weft_graph_get_node (graph, i)->label, ==, awkward_names[i]);

  /* Lays out fine. */
  layout = weft_layout_run (graph, WEFT_ENGINE_DOT, &error);
  g_assert_no_error (error);
  assert_geometry (layout);

  /* SVG: every name shows as itself. */
  svg = weft_layout_export (graph, WEFT_ENGINE_DOT, WEFT_EXPORT_SVG, &error);
  g_assert_no_error (error);
  assert_names_in_svg (g_bytes_get_data (svg, NULL), graph);
  /* Nothing of the names became markup. */
  g_assert_null (strstr (g_bytes_get_data (svg, NULL), "<b>"));
  g_assert_null (strstr (g_bytes_get_data (svg, NULL), "<table"));

  /* DOT: valid Graphviz input that lays out to the same texts. */
  dot = weft_layout_export (graph, WEFT_ENGINE_DOT, WEFT_EXPORT_DOT, &error);
  g_assert_no_error (error);
  dot_text = g_strndup (g_bytes_get_data (dot, NULL), g_bytes_get_size (dot));
  g_assert_true (g_str_has_prefix (dot_text, "digraph"));
  g_assert_nonnull (strstr (dot_text, "label=\"\\\\N\""));
  g_assert_nonnull (strstr (dot_text, "say \\\"quoted\\\""));
  g_assert_nonnull (strstr (dot_text, "&amp;lt;entity&amp;gt;"));
  g_assert_nonnull (strstr (dot_text, "layout=dot"));
  again = weft_layout_render_dot (dot_text, "dot", "svg", &error);
  g_assert_no_error (error);
  assert_names_in_svg (g_bytes_get_data (again, NULL), graph);

  /* PNG and PDF go through the same labels (Graphviz's own renderers). */
  png = weft_layout_export (graph, WEFT_ENGINE_DOT, WEFT_EXPORT_PNG, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (png, NULL), 8, "\x89PNG\r\n\x1a\n", 8);
  pdf = weft_layout_export (graph, WEFT_ENGINE_DOT, WEFT_EXPORT_PDF, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (pdf, NULL), 5, "%PDF-", 5);
}

/* The node centres in `-Tplain` output, in its order. */
static char *
centres_of_plain (const char *plain)
{
  g_auto(GStrv) lines = g_strsplit (plain, "\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = NULL;

      if (!g_str_has_prefix (lines[i], "node "))
        continue;
      /* node NAME X Y …; the names here need no quotes. */
      words = g_strsplit (lines[i], " ", 5);
      g_assert_cmpuint (g_strv_length (words), ==, 5);
      g_string_append_printf (out, "%s %s\n", words[2], words[3]);
    }
  return g_string_free (out, FALSE);
}

/* The DOT export is the graph Weft lays out, nodes and edges in the same
 * order: Graphviz's command line lays it out exactly as Weft did. */
static void
test_dot_export_relays_out (void)
{
  g_autoptr(WeftDataset) d = ring_dataset (80);
  g_autoptr(WeftGraph) graph = graph_of (d);
  g_autoptr(GError) error = NULL;
  g_autoptr(WeftLayout) layout = weft_layout_run (graph, WEFT_ENGINE_DOT, &error);
  g_autoptr(GBytes) dot = NULL;
  g_autofree char *ours = NULL;
  g_autofree char *dot_path = g_find_program_in_path ("dot");
  const char *text, *first_edge, *last_node;
  g_autofree char *node_line = NULL;

  g_assert_no_error (error);
  dot = weft_layout_export (graph, WEFT_ENGINE_DOT, WEFT_EXPORT_DOT, &error);
  g_assert_no_error (error);
  text = g_bytes_get_data (dot, NULL);

  /* Every node before the first edge, in the graph's order. */
  first_edge = strstr (text, " -> ");
  g_assert_nonnull (first_edge);
  node_line = g_strdup_printf ("\n\te%u\t[", weft_graph_get_n_nodes (graph) - 1);
  last_node = strstr (text, node_line);
  g_assert_nonnull (last_node);
  g_assert_true (last_node < first_edge);
  for (guint i = 1; i < weft_graph_get_n_nodes (graph); i++)
    {
      g_autofree char *a = g_strdup_printf ("\n\te%u\t[", i - 1);
      g_autofree char *b = g_strdup_printf ("\n\te%u\t[", i);

      g_assert_true (strstr (text, a) < strstr (text, b));
    }
  /* Edges in the graph's order: r0 (e0 -> e1) first, then q0 (e0 -> e3),
   * r1 (e1 -> e2)…; agwrite() would have put e3 before e1. */
  g_assert_true (g_str_has_prefix (first_edge - strlen ("\te0"), "\te0 -> e1\t"));
  g_assert_nonnull (strstr (first_edge, "\te0 -> e3\t"));
  g_assert_true (strstr (first_edge, "\te0 -> e3\t") < strstr (first_edge, "\te1 -> e2\t"));

  ours = weft_layout_dup_plain_centres (layout);
  {
    /* Graphviz reading the text in this process… */
    g_autoptr(GBytes) plain = weft_layout_render_dot (text, "dot", "plain", &error);
    g_autofree char *theirs = NULL;

    g_assert_no_error (error);
    theirs = centres_of_plain (g_bytes_get_data (plain, NULL));
    g_assert_cmpstr (theirs, ==, ours);
  }

  /* …and the command line, as a user would run it. */
  if (dot_path == NULL)
    {
      g_test_skip ("no dot command");
      return;
    }
  {
    const char *argv[] = { dot_path, "-Tplain", NULL };
    g_autoptr(GSubprocess) process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
    g_autoptr(GBytes) plain = NULL;
    g_autofree char *theirs = NULL;

    g_assert_no_error (error);
    g_assert_true (g_subprocess_communicate (process, dot, NULL, &plain, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (g_subprocess_get_successful (process));
    theirs = centres_of_plain (g_bytes_get_data (plain, NULL));
    g_assert_cmpstr (theirs, ==, ours);
  }
}

/* Ids are data too: they name the nodes in the DOT text, which Graphviz
 * must read back as one node each, however odd. */
static void
test_awkward_ids (void)
{
  WeftDataset *d = weft_dataset_new ();
  g_autoptr(WeftDataset) owned = d;
  g_autoptr(WeftDiagnostics) diagnostics = weft_diagnostics_new ("ids");
  g_autofree char *long_id = g_strnfill (20000, 'i');
  g_autofree char *long_name = NULL;
  g_autoptr(GString) name = g_string_new (NULL);
  const char *ids[] = {
    "ends in a backslash\\", "a\\", "a\\\\", "quote \" inside", "\\\"", "node", "Graph", "-", "1x",
    "2.5", "é", "new\nline", long_id,
  };
  g_autoptr(WeftGraph) graph = NULL;
  g_autoptr(WeftLayout) layout = NULL;
  g_autoptr(GBytes) dot = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GError) error = NULL;

  /* A name of 20,000 characters, past Graphviz 2.42's 16 KiB for one
   * quoted string, with escapes and multi-byte characters all along. */
  while (name->len < 20000)
    g_string_append (name, "\"é\\N ");
  long_name = g_string_free (g_steal_pointer (&name), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    weft_dataset_add_entity (d, ids[i], i == 0 ? long_name : ids[i], WEFT_ENTITY_COMPANY);
  for (guint i = 0; i + 1 < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *id = g_strdup_printf ("r%u", i);
      weft_dataset_add_relation (d, id, ids[i], ids[i + 1], "linked_to");
    }
  g_assert_true (weft_dataset_finish (d, diagnostics));
  graph = graph_of (d);

  layout = weft_layout_run (graph, WEFT_ENGINE_DOT, &error);
  g_assert_no_error (error);
  assert_geometry (layout);
  /* The long name is measured whole: wrapped into lines, far taller than
   * the others. */
  g_assert_cmpfloat (weft_layout_get_node (layout, 0)->height, >, 20 * weft_layout_get_node (layout, 1)->height);

  dot = weft_layout_export (graph, WEFT_ENGINE_DOT, WEFT_EXPORT_DOT, &error);
  g_assert_no_error (error);
  svg = weft_layout_render_dot (g_bytes_get_data (dot, NULL), "dot", "svg", &error);
  g_assert_no_error (error);
  /* One node per id, each edge between two of them. */
  {
    const char *p = g_bytes_get_data (svg, NULL);
    guint nodes = 0, edges = 0;

    while ((p = strstr (p, "class=\"")) != NULL)
      {
        p += strlen ("class=\"");
        nodes += g_str_has_prefix (p, "node\"");
        edges += g_str_has_prefix (p, "edge\"");
      }
    g_assert_cmpuint (nodes, ==, G_N_ELEMENTS (ids));
    g_assert_cmpuint (edges, ==, G_N_ELEMENTS (ids) - 1);
  }
  /* The names: backslashes doubled, everything else as it is. */
  g_assert_nonnull (strstr (g_bytes_get_data (dot, NULL), "\n\t\"ends in a backslash\\\\\"\t["));
  g_assert_nonnull (strstr (g_bytes_get_data (dot, NULL), "\n\t\"quote \\\" inside\"\t["));
  g_assert_nonnull (strstr (g_bytes_get_data (dot, NULL), "\n\t\"node\"\t["));
  g_assert_nonnull (strstr (g_bytes_get_data (dot, NULL), "\n\t\"-\"\t["));
  g_assert_nonnull (strstr (g_bytes_get_data (dot, NULL), "\n\t2.5\t["));
  /* Long strings are cut into pieces Graphviz 2.42 reads. */
  g_assert_nonnull (strstr (g_bytes_get_data (dot, NULL), "\" + \""));
}

static void
test_export_formats (void)
{
  WeftExportFormat f;
  g_autoptr(GError) error = NULL;

  g_assert_true (weft_export_format_from_path ("a/b.SVG", &f, NULL));
  g_assert_cmpint (f, ==, WEFT_EXPORT_SVG);
  g_assert_true (weft_export_format_from_path ("x.png", &f, NULL));
  g_assert_cmpint (f, ==, WEFT_EXPORT_PNG);
  g_assert_true (weft_export_format_from_path ("x.pdf", &f, NULL));
  g_assert_cmpint (f, ==, WEFT_EXPORT_PDF);
  g_assert_true (weft_export_format_from_path ("x.gv", &f, NULL));
  g_assert_cmpint (f, ==, WEFT_EXPORT_DOT);
  g_assert_false (weft_export_format_from_path ("x.dot/noext", &f, &error));
  g_assert_error (error, WEFT_ERROR, WEFT_ERROR_FORMAT);
  g_clear_error (&error);
  g_assert_false (weft_export_format_from_path ("x.jpeg", &f, &error));
  g_assert_error (error, WEFT_ERROR, WEFT_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, ".svg"));
}

static void
test_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  /* Syntax: Graphviz's own message, with its line. */
  bytes = weft_layout_render_dot ("digraph {\n a -> ;\n}\n", "dot", "svg", &error);
  g_assert_null (bytes);
  g_assert_error (error, WEFT_ERROR, WEFT_ERROR_LAYOUT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "syntax error in line 2"));
  g_clear_error (&error);

  bytes = weft_layout_render_dot ("digraph { a -> b }", "nonesuch", "svg", &error);
  g_assert_null (bytes);
  g_assert_error (error, WEFT_ERROR, WEFT_ERROR_LAYOUT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "nonesuch"));
  g_assert_nonnull (strstr (error->message, "not recognized"));
  g_clear_error (&error);

  bytes = weft_layout_render_dot ("digraph { a -> b }", "dot", "nonesuch", &error);
  g_assert_null (bytes);
  g_assert_error (error, WEFT_ERROR, WEFT_ERROR_LAYOUT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "nonesuch"));
  g_clear_error (&error);

  /* Warnings are not errors; a good graph after bad ones is clean. */
  bytes = weft_layout_render_dot ("digraph { a [color=notacolour]; a -> b }", "dot", "plain", &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = weft_layout_render_dot ("digraph { a -> b }", "dot", "plain", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (bytes, NULL), "graph 1"));
}

static void
test_missing_config (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;

      /* Graphviz looks for its plugins and their config here. */
      g_setenv ("GVBINDIR", "/nonexistent-weft-test", TRUE);
      g_assert_false (weft_layout_check (&error));
      g_assert_error (error, WEFT_ERROR, WEFT_ERROR_LAYOUT);
      g_printerr ("%s\n", error->message);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*dot -c*");
}

typedef struct {
  gboolean    done;
  WeftLayout *layout;
  GError     *error;
} Waiter;

static void
on_layout (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Waiter *w = user_data;

  w->layout = weft_layout_run_finish (result, &w->error);
  w->done = TRUE;
}

static void
wait_for (Waiter *w)
{
  gint64 deadline = g_get_monotonic_time () + 15 * G_USEC_PER_SEC;

  while (!w->done && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (w->done);
}

static void
test_async (void)
{
  g_autoptr(WeftDataset) d = weft_test_load_example ();
  g_autoptr(WeftGraph) graph = graph_of (d);
  Waiter w = { 0 };

  weft_layout_run_async (graph, WEFT_ENGINE_AUTO, 15000, NULL, on_layout, &w);
  g_assert_false (w.done);
  wait_for (&w);
  g_assert_no_error (w.error);
  g_assert_nonnull (w.layout);
  g_assert_cmpuint (weft_graph_get_n_nodes (weft_layout_get_graph (w.layout)), ==, 55);
  assert_geometry (w.layout);
  weft_layout_unref (w.layout);
}

/* Geometry of two layouts of the same graph agrees. */
static void
assert_same_layout (WeftLayout *a,
                    WeftLayout *b)
{
  WeftGraph *graph = weft_layout_get_graph (a);

  g_assert_cmpfloat_with_epsilon (weft_layout_get_width (a), weft_layout_get_width (b), 1e-9);
  g_assert_cmpfloat_with_epsilon (weft_layout_get_height (a), weft_layout_get_height (b), 1e-9);
  for (guint i = 0; i < weft_graph_get_n_nodes (graph); i++)
    {
      g_assert_cmpfloat_with_epsilon (weft_layout_get_node (a, i)->x, weft_layout_get_node (b, i)->x, 1e-9);
      g_assert_cmpfloat_with_epsilon (weft_layout_get_node (a, i)->y, weft_layout_get_node (b, i)->y, 1e-9);
      g_assert_cmpfloat_with_epsilon (weft_layout_get_node (a, i)->width, weft_layout_get_node (b, i)->width, 1e-9);
    }
  for (guint i = 0; i < weft_graph_get_n_edges (graph); i++)
    {
      const WeftEdgePath *x = weft_layout_get_edge (a, i), *y = weft_layout_get_edge (b, i);

      g_assert_cmpuint (x->n_splines, ==, y->n_splines);
      g_assert_cmpint (x->has_label, ==, y->has_label);
      g_assert_cmpfloat_with_epsilon (x->label_x, y->label_x, 1e-9);
      for (guint j = 0; j < x->n_splines; j++)
        {
          g_assert_cmpuint (x->splines[j].n_points, ==, y->splines[j].n_points);
          g_assert_cmpint (x->splines[j].has_end_arrow, ==, y->splines[j].has_end_arrow);
          g_assert_cmpfloat_with_epsilon (x->splines[j].end_tip.x, y->splines[j].end_tip.x, 1e-9);
          for (guint k = 0; k < x->splines[j].n_points; k++)
            g_assert_cmpfloat_with_epsilon (x->splines[j].points[k].y, y->splines[j].points[k].y, 1e-9);
        }
    }
}

/* The number of this process's children still running (not zombies). */
static guint
n_children_running (void)
{
  g_autoptr(GDir) proc = g_dir_open ("/proc", 0, NULL);
  g_autofree char *me = g_strdup_printf ("%d", (int) getpid ());
  const char *name;
  guint n = 0;

  g_assert_nonnull (proc);
  while ((name = g_dir_read_name (proc)) != NULL)
    {
      g_autofree char *path = g_build_filename ("/proc", name, "stat", NULL);
      g_autofree char *stat = NULL;
      g_auto(GStrv) fields = NULL;
      const char *after;

      if (!g_ascii_isdigit (name[0]) || !g_file_get_contents (path, &stat, NULL, NULL))
        continue;
      /* "pid (comm) state ppid ...": the command may hold spaces. */
      after = strrchr (stat, ')');
      if (after == NULL)
        continue;
      fields = g_strsplit (after + 2, " ", 3);
      if (g_strv_length (fields) >= 2 && g_strcmp0 (fields[1], me) == 0 && g_strcmp0 (fields[0], "Z") != 0)
        n++;
    }
  return n;
}

/* Runs the main loop for @ms milliseconds. */
static void
spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE), g_usleep (2000);
}

/* "Lay out everything" runs in the helper process; Stop kills it: no
 * process left, no thread of this one laying out. */
static void
test_cancel_everything (void)
{
  g_autoptr(WeftDataset) ring = ring_dataset (100);
  g_autoptr(WeftGraph) graph = graph_of (ring);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Waiter killed = { 0 };
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  double cpu;

  g_assert_cmpuint (n_children_running (), ==, 0);
  /* dot needs seconds on this graph (see test_timeout_fallback()). */
  weft_layout_run_in_helper_async (graph, WEFT_ENGINE_DOT, cancellable, on_layout, &killed);
  while (n_children_running () == 0 && g_get_monotonic_time () < deadline)
    spin (10);
  g_assert_cmpuint (n_children_running (), ==, 1);
  spin (200);
  g_assert_false (killed.done);

  g_cancellable_cancel (cancellable);
  wait_for (&killed);
  g_assert_null (killed.layout);
  g_assert_error (killed.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&killed.error);

  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (n_children_running () > 0 && g_get_monotonic_time () < deadline)
    spin (10);
  g_assert_cmpuint (n_children_running (), ==, 0);
  /* Nothing of this process works on: half a second costs next to no CPU. */
  cpu = (double) clock () / CLOCKS_PER_SEC;
  g_usleep (500 * 1000);
  g_assert_cmpfloat ((double) clock () / CLOCKS_PER_SEC - cpu, <, 0.1);
}

/* Runs last: it leaves dot busy on a graph it needs a long time for. */
static void
test_timeout_fallback (void)
{
  g_autoptr(WeftDataset) ring = ring_dataset (100);
  g_autoptr(WeftGraph) slow_graph = graph_of (ring);
  g_autoptr(WeftDataset) example = weft_test_load_example ();
  g_autoptr(WeftGraph) graph = graph_of (example);
  g_autoptr(WeftLayout) reference = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Waiter slow = { 0 }, fast = { 0 }, same = { 0 }, killed = { 0 };
  WeftLayoutEngine fallback;

  reference = weft_layout_run (graph, WEFT_ENGINE_DOT, &error);
  g_assert_no_error (error);
  g_assert_false (weft_layout_get_in_helper (reference));

  /* dot needs seconds for 100 nodes and 200 labelled edges (10 s on the
   * machine this was written on); far more than half a second. The limit
   * is not shorter: a layout abandoned before its thread even starts never
   * runs (rightly), and then there is no busy dot for the fallback to
   * avoid; on a loaded machine a thread can take many milliseconds to
   * start. */
  weft_layout_run_async (slow_graph, WEFT_ENGINE_DOT, 500, NULL, on_layout, &slow);
  wait_for (&slow);
  g_assert_null (slow.layout);
  g_assert_error (slow.error, WEFT_ERROR, WEFT_ERROR_CANCELLED_TIMEOUT);
  g_assert_nonnull (strstr (slow.error->message, "dot"));
  g_clear_error (&slow.error);

  /* The fallback does not wait for the abandoned dot: it runs in the
   * helper process. */
  fallback = weft_layout_engine_fallback (WEFT_ENGINE_DOT);
  g_assert_cmpint (fallback, ==, WEFT_ENGINE_SFDP);
  weft_layout_run_async (slow_graph, fallback, 15000, NULL, on_layout, &fast);
  wait_for (&fast);
  g_assert_no_error (fast.error);
  g_assert_nonnull (fast.layout);
  g_assert_true (weft_layout_get_in_helper (fast.layout));
  g_assert_cmpint (weft_layout_get_engine (fast.layout), ==, WEFT_ENGINE_SFDP);
  g_assert_cmpuint (weft_graph_get_n_nodes (weft_layout_get_graph (fast.layout)), ==, 100);
  assert_geometry (fast.layout);
  weft_layout_unref (fast.layout);

  /* The helper's geometry is the in-process one. */
  weft_layout_run_async (graph, WEFT_ENGINE_DOT, 15000, NULL, on_layout, &same);
  wait_for (&same);
  g_assert_no_error (same.error);
  g_assert_true (weft_layout_get_in_helper (same.layout));
  assert_same_layout (reference, same.layout);
  weft_layout_unref (same.layout);

  /* And a helper layout can be cancelled (the process is killed). */
  weft_layout_run_async (slow_graph, WEFT_ENGINE_DOT, 0, cancellable, on_layout, &killed);
  g_cancellable_cancel (cancellable);
  wait_for (&killed);
  g_assert_error (killed.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&killed.error);
}

static void
test_cancel (void)
{
  g_autoptr(WeftDataset) d = ring_dataset (60);
  g_autoptr(WeftGraph) graph = graph_of (d);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Waiter a = { 0 }, b = { 0 };

  weft_layout_run_async (graph, WEFT_ENGINE_DOT, 0, cancellable, on_layout, &a);
  g_cancellable_cancel (cancellable);
  wait_for (&a);
  g_assert_null (a.layout);
  g_assert_error (a.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&a.error);

  /* Already cancelled: finishes without starting. */
  weft_layout_run_async (graph, WEFT_ENGINE_DOT, 0, cancellable, on_layout, &b);
  wait_for (&b);
  g_assert_error (b.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&b.error);
}

static gboolean
graph_has_entity (WeftGraph  *graph,
                  WeftEntity *e)
{
  return weft_graph_lookup_node (graph, &e->item) >= 0;
}

static void
test_focus (void)
{
  g_autoptr(WeftDataset) d = weft_test_load_example ();
  g_autoptr(WeftSession) session = weft_session_new (d);
  WeftEntity *huawei = weft_dataset_lookup_entity (d, "ent-huawei");
  g_autoptr(WeftSubgraph) s1 = NULL;
  g_autoptr(WeftSubgraph) s2 = NULL;
  g_autoptr(WeftGraph) g1 = NULL;
  g_autoptr(WeftGraph) g2 = NULL;
  g_autoptr(WeftLayout) layout = NULL;
  g_autoptr(GPtrArray) neighbours = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (huawei);
  weft_session_set_focus (session, huawei);
  weft_session_set_focus_hops (session, 1);
  s1 = weft_session_dup_visible_subgraph (session);
  g1 = weft_graph_new (d, s1, FALSE, FALSE);
  neighbours = weft_dataset_neighbours (d, huawei);

  /* The focus and exactly its neighbours. */
  g_assert_cmpuint (weft_graph_get_n_entities (g1), ==, neighbours->len + 1);
  g_assert_cmpint (weft_graph_lookup_node (g1, &huawei->item), ==, 0);
  g_assert_cmpuint (weft_graph_get_node (g1, 0)->hops, ==, 0);
  for (guint i = 0; i < neighbours->len; i++)
    {
      gint n = weft_graph_lookup_node (g1, g_ptr_array_index (neighbours, i));
      g_assert_cmpint (n, >, 0);
      g_assert_cmpuint (weft_graph_get_node (g1, n)->hops, ==, 1);
    }
  layout = weft_layout_run (g1, WEFT_ENGINE_AUTO, &error);
  g_assert_no_error (error);
  assert_geometry (layout);

  /* Two hops reach further, and keep the first ring. */
  weft_session_set_focus_hops (session, 2);
  s2 = weft_session_dup_visible_subgraph (session);
  g2 = weft_graph_new (d, s2, FALSE, FALSE);
  g_assert_cmpuint (weft_graph_get_n_entities (g2), >, weft_graph_get_n_entities (g1));
  for (guint i = 0; i < weft_graph_get_n_nodes (g1); i++)
    g_assert_cmpint (weft_graph_lookup_node (g2, weft_graph_get_node (g1, i)->item), >=, 0);
}

/* A focus explains itself: every node it shows has an edge from a node
 * one hop nearer, a relation or a link of entities named together; with
 * relations only, nothing is named together. */
static void
test_focus_edges (void)
{
  g_autoptr(WeftDataset) d = weft_test_load_example ();
  g_autoptr(WeftSession) session = weft_session_new (d);

  weft_session_set_focus (session, weft_dataset_lookup_entity (d, "ent-huawei"));
  for (guint round = 0; round < 6; round++)
    {
      g_autoptr(WeftSubgraph) sub = NULL;
      g_autoptr(WeftGraph) graph = NULL;
      guint together = 0;

      weft_session_set_focus_hops (session, round % 3 + 1);
      g_object_set (session, "named-together", round < 3, NULL);
      sub = weft_session_dup_visible_subgraph (session);
      graph = weft_graph_new (d, sub, FALSE, FALSE);
      for (guint i = 1; i < weft_graph_get_n_nodes (graph); i++)
        {
          guint hops = weft_graph_get_node (graph, i)->hops;
          gboolean explained = FALSE;

          g_assert_cmpuint (hops, >, 0);
          for (guint e = 0; !explained && e < weft_graph_get_n_edges (graph); e++)
            {
              const WeftGraphEdge *edge = weft_graph_get_edge (graph, e);
              guint other = edge->tail == i ? edge->head : edge->tail;

              explained = (edge->tail == i || edge->head == i) && weft_graph_get_node (graph, other)->hops == hops - 1;
            }
          if (!explained)
            g_error ("%s, %u hops from the focus, has no edge to a node nearer",
                     weft_graph_get_node (graph, i)->label, hops);
        }
      for (guint e = 0; e < weft_graph_get_n_edges (graph); e++)
        {
          const WeftGraphEdge *edge = weft_graph_get_edge (graph, e);

          if (edge->kind != WEFT_EDGE_TOGETHER)
            continue;
          together++;
          g_assert_cmpstr (edge->label, ==, "named together");
          g_assert_true (edge->item->type == WEFT_ITEM_EVENT || edge->item->type == WEFT_ITEM_CLAIM);
          g_assert_cmpuint (weft_graph_get_node (graph, edge->head)->hops, ==,
                            weft_graph_get_node (graph, edge->tail)->hops + 1);
        }
      g_test_message ("%u hops, %s: %u nodes, %u named together", round % 3 + 1,
                      round < 3 ? "all links" : "relations", weft_graph_get_n_nodes (graph), together);
      if (round >= 3)
        g_assert_cmpuint (together, ==, 0);
      else
        g_assert_cmpuint (together, >, 0);
    }
}

static void
test_path (void)
{
  g_autoptr(WeftDataset) d = weft_test_load_example ();
  g_autoptr(WeftSession) session = weft_session_new (d);
  g_autoptr(WeftSubgraph) all = weft_dataset_all (d);
  g_autoptr(WeftGraph) graph = weft_graph_new (d, all, FALSE, FALSE);
  WeftEntity *ibm = weft_dataset_lookup_entity (d, "ent-ibm");
  WeftEntity *xi = weft_dataset_lookup_entity (d, "ent-xi-jinping");
  GPtrArray *path;

  g_assert_nonnull (ibm);
  g_assert_nonnull (xi);
  weft_session_set_path (session, ibm, xi);
  path = weft_session_get_path (session);
  g_assert_nonnull (path);
  g_assert_cmpuint (path->len, >, 1);

  /* Every hop's ends are nodes; every relation hop is an edge between
   * them. */
  for (guint i = 0; i < path->len; i++)
    {
      WeftHop *hop = g_ptr_array_index (path, i);

      g_assert_true (graph_has_entity (graph, hop->from));
      g_assert_true (graph_has_entity (graph, hop->to));
      if (hop->via->type == WEFT_ITEM_RELATION)
        {
          gint e = weft_graph_lookup_edge (graph, hop->via);
          const WeftGraphEdge *edge;
          gint a = weft_graph_lookup_node (graph, &hop->from->item);
          gint b = weft_graph_lookup_node (graph, &hop->to->item);

          g_assert_cmpint (e, >=, 0);
          edge = weft_graph_get_edge (graph, e);
          g_assert_true ((edge->tail == (guint) a && edge->head == (guint) b) ||
                         (edge->tail == (guint) b && edge->head == (guint) a));
        }
    }
}

static void
test_most_connected (void)
{
  g_autoptr(WeftDataset) d = weft_test_load_example ();
  g_autoptr(WeftSubgraph) all = weft_dataset_all (d);
  g_autoptr(WeftSubgraph) top = weft_subgraph_most_connected (d, all, 10);
  g_autoptr(WeftGraph) graph = weft_graph_new (d, all, FALSE, FALSE);
  guint min_kept = G_MAXUINT, max_dropped = 0;
  g_autoptr(GHashTable) kept = g_hash_table_new (NULL, NULL);

  g_assert_cmpuint (top->entities->len, ==, 10);
  g_assert_cmpuint (top->hops->len, ==, 10);
  for (guint i = 0; i < top->entities->len; i++)
    g_hash_table_add (kept, g_ptr_array_index (top->entities, i));

  /* Degree here counts relations only, a lower bound of the ranking's
   * links; the ranking must still keep the obvious hubs. */
  for (guint i = 0; i < weft_graph_get_n_nodes (graph); i++)
    {
      const WeftGraphNode *n = weft_graph_get_node (graph, i);

      if (g_hash_table_contains (kept, n->item))
        min_kept = MIN (min_kept, n->degree);
      else
        max_dropped = MAX (max_dropped, n->degree);
    }
  g_test_message ("least kept %u, most dropped %u", min_kept, max_dropped);
  g_assert_true (g_hash_table_contains (kept, weft_dataset_lookup (d, "ent-ccp")));
  g_assert_true (g_hash_table_contains (kept, weft_dataset_lookup (d, "ent-china")));

  for (guint i = 0; i < top->relations->len; i++)
    {
      WeftRelation *r = g_ptr_array_index (top->relations, i);
      g_assert_true (g_hash_table_contains (kept, weft_dataset_lookup (d, r->from)));
      g_assert_true (g_hash_table_contains (kept, weft_dataset_lookup (d, r->to)));
    }
}

static void
test_legend (void)
{
  guint n;
  const WeftLegendEntry *legend = weft_graph_legend (&n);
  guint nodes = 0, edges = 0;

  for (guint i = 0; i < n; i++)
    {
      g_assert_nonnull (legend[i].label);
      g_assert_true ((legend[i].node_style != NULL) != (legend[i].edge_style != NULL));
      nodes += legend[i].node_style != NULL;
      edges += legend[i].edge_style != NULL;
    }
  g_assert_cmpuint (nodes, ==, WEFT_N_ENTITY_KINDS + 2);
  g_assert_cmpuint (edges, ==, WEFT_N_EVIDENCE);
}

/* The painter draws every node in view, where the layout put it, and
 * says so: boxes at the layout's place times the scale; names, where they
 * are readable, centred on their node, inside it and at least 11 pixels
 * tall; far out (one path per look) the boxes without names. */
static void
test_painter (void)
{
  g_autoptr(WeftGraphPainter) painter = weft_graph_painter_new ();
  g_autoptr(WeftDataset) d = weft_test_load_example ();
  g_autoptr(WeftGraph) graph = graph_of (d);
  g_autoptr(GError) error = NULL;
  g_autoptr(WeftLayout) layout = weft_layout_run (graph, WEFT_ENGINE_DOT, &error);
  const double scales[] = { 1.5, 0.2 };
  const double origin = 10;  /* the view's top left, in layout points */
  WeftGraphPaintState state;

  g_assert_no_error (error);
  weft_graph_paint_state_init (&state, weft_graph_palette_get (FALSE));
  weft_graph_painter_set_record (painter, TRUE);

  for (guint k = 0; k < G_N_ELEMENTS (scales); k++)
    {
      double s = scales[k];
      int w = (int) ceil (weft_layout_get_width (layout) * s), h = (int) ceil (weft_layout_get_height (layout) * s);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
      cairo_t *cr = cairo_create (surface);
      g_autofree gboolean *seen = g_new0 (gboolean, weft_graph_get_n_nodes (graph));
      const WeftGraphDrawnNode *drawn;
      guint n_drawn, n_in_view = 0;
      WeftGraphViewport viewport;

      weft_graph_viewport_init (&viewport, s, origin, origin, w, h);
      weft_graph_viewport_apply (&viewport, cr);
      weft_graph_painter_draw (painter, cr, layout, &state, WEFT_GRAPH_PAINT_ALL, &viewport);
      drawn = weft_graph_painter_get_drawn (painter, &n_drawn);
      for (guint i = 0; i < n_drawn; i++)
        {
          const WeftNodeBox *b = weft_layout_get_node (layout, drawn[i].node);
          const WeftGraphRect *box = &drawn[i].box, *name = &drawn[i].name;

          g_assert_false (seen[drawn[i].node]);
          seen[drawn[i].node] = TRUE;
          g_assert_cmpfloat_with_epsilon (box->x, (b->x - b->width / 2 - origin) * s, 1e-6);
          g_assert_cmpfloat_with_epsilon (box->y, (b->y - b->height / 2 - origin) * s, 1e-6);
          g_assert_cmpfloat_with_epsilon (box->width, b->width * s, 1e-6);
          g_assert_cmpfloat_with_epsilon (box->height, b->height * s, 1e-6);
          g_assert_true (drawn[i].has_name == (s >= 1));
          if (!drawn[i].has_name)
            continue;
          g_assert_cmpfloat_with_epsilon (name->x + name->width / 2, (b->label_x - origin) * s, 1e-6);
          g_assert_cmpfloat_with_epsilon (name->y + name->height / 2, (b->label_y - origin) * s, 1e-6);
          g_assert_cmpfloat (name->height, >=, 11);
          g_assert_cmpfloat (name->x, >=, box->x);
          g_assert_cmpfloat (name->x + name->width, <=, box->x + box->width);
        }
      for (guint i = 0; i < weft_graph_get_n_nodes (graph); i++)
        {
          const WeftNodeBox *b = weft_layout_get_node (layout, i);

          n_in_view += b->x + b->width / 2 >= origin && b->y + b->height / 2 >= origin;
        }
      g_assert_cmpuint (n_drawn, ==, n_in_view);
      g_assert_cmpuint (n_drawn, >, 0);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

/* The mean difference of two ARGB32 images over the box (x, y, w, h). */
static double
box_difference (cairo_surface_t *a,
                cairo_surface_t *b,
                const WeftGraphRect *r)
{
  int stride = cairo_image_surface_get_stride (a);
  int width = cairo_image_surface_get_width (a), height = cairo_image_surface_get_height (a);
  const guint8 *pa = cairo_image_surface_get_data (a), *pb = cairo_image_surface_get_data (b);
  double sum = 0;
  guint n = 0;

  for (int y = MAX (0, (int) r->y); y < MIN (height, (int) (r->y + r->height)); y++)
    for (int x = MAX (0, (int) r->x); x < MIN (width, (int) (r->x + r->width)); x++)
      for (int c = 0; c < 3; c++, n++)
        sum += abs ((int) pa[y * stride + 4 * x + c] - (int) pb[y * stride + 4 * x + c]);
  return n > 0 ? sum / n : 0;
}

/* Hovering or selecting a node keeps it, its neighbours and their edges
 * as they were and dims every other node. */
static void
test_selection_dims (void)
{
  g_autoptr(WeftGraphPainter) painter = weft_graph_painter_new ();
  g_autoptr(WeftDataset) d = weft_test_load_example ();
  g_autoptr(WeftGraph) graph = graph_of (d);
  g_autoptr(GError) error = NULL;
  g_autoptr(WeftLayout) layout = weft_layout_run (graph, WEFT_ENGINE_DOT, &error);
  gint huawei = weft_graph_lookup_node (graph, weft_dataset_lookup (d, "ent-huawei"));
  g_autofree gboolean *neighbour = g_new0 (gboolean, weft_graph_get_n_nodes (graph));
  const double s = 1.0;
  int w = (int) ceil (weft_layout_get_width (layout) * s), h = (int) ceil (weft_layout_get_height (layout) * s);
  cairo_surface_t *plain = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_surface_t *lit = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  guint n_dimmed = 0, n_kept = 0;

  g_assert_no_error (error);
  g_assert_cmpint (huawei, >=, 0);
  neighbour[huawei] = TRUE;
  for (guint i = 0; i < weft_graph_get_n_edges (graph); i++)
    {
      const WeftGraphEdge *e = weft_graph_get_edge (graph, i);

      if (e->tail == (guint) huawei)
        neighbour[e->head] = TRUE;
      if (e->head == (guint) huawei)
        neighbour[e->tail] = TRUE;
    }

  for (guint k = 0; k < 2; k++)
    {
      cairo_t *cr = cairo_create (k == 0 ? plain : lit);
      WeftGraphPaintState state;
      WeftGraphViewport viewport;

      weft_graph_paint_state_init (&state, weft_graph_palette_get (FALSE));
      if (k == 1)
        state.selected_node = huawei;
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      weft_graph_viewport_init (&viewport, s, 0, 0, w, h);
      weft_graph_viewport_apply (&viewport, cr);
      weft_graph_painter_draw (painter, cr, layout, &state, WEFT_GRAPH_PAINT_ALL, &viewport);
      cairo_destroy (cr);
    }
  cairo_surface_flush (plain);
  cairo_surface_flush (lit);

  for (guint i = 0; i < weft_graph_get_n_nodes (graph); i++)
    {
      const WeftNodeBox *b = weft_layout_get_node (layout, i);
      /* Inside its outline, away from the selection's ring. */
      WeftGraphRect inner = { (b->x - b->width / 4) * s, (b->y - b->height / 4) * s, b->width / 2 * s, b->height / 2 * s };
      double diff = box_difference (plain, lit, &inner);

      if (neighbour[i])
        {
          g_assert_cmpfloat (diff, <, 4);
          n_kept++;
        }
      else
        {
          if (diff < 12)
            g_error ("node %u (%s), not a neighbour of Huawei, is not dimmed (%.1f)", i,
                     weft_graph_get_node (graph, i)->label, diff);
          n_dimmed++;
        }
    }
  g_test_message ("%u kept, %u dimmed", n_kept, n_dimmed);
  g_assert_cmpuint (n_kept, >, 3);
  g_assert_cmpuint (n_dimmed, >, 10);
  cairo_surface_destroy (plain);
  cairo_surface_destroy (lit);
}

/* ---- A pane as the window draws it (weft-graph-picture.h) ----
 *
 * Legibility asserted from the painter's own record of what it drew: at
 * the fitted zoom every name is at least 11 pixels, inside its node or a
 * label touching it, no name meets another name or another node, and the
 * drawing spans the pane. */

/* Graphviz's placement of all of @dataset. */
static WeftLayout *
raw_layout (WeftDataset *dataset)
{
  g_autoptr(WeftGraph) graph = graph_of (dataset);
  g_autoptr(GError) error = NULL;
  WeftLayout *layout = weft_layout_run (graph, WEFT_ENGINE_AUTO, &error);

  g_assert_no_error (error);
  return layout;
}

static WeftGraphPicture *
draw (WeftLayout *raw,
      double      width,
      double      height)
{
  WeftGraphPictureOptions options = { width, height, FALSE, FALSE, FALSE, NULL };
  WeftGraphPicture *picture = weft_graph_picture_new (raw, &options);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
  cairo_t *cr = cairo_create (surface);

  weft_graph_picture_draw (picture, cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return picture;
}

static gboolean
meet (const WeftGraphRect *a,
      const WeftGraphRect *b)
{
  /* Touching is not meeting: half a pixel of slack for rounding. */
  return a->x + 0.5 < b->x + b->width && b->x + 0.5 < a->x + a->width &&
         a->y + 0.5 < b->y + b->height && b->y + 0.5 < a->y + a->height;
}

static gboolean
within (const WeftGraphRect *inner,
        const WeftGraphRect *outer,
        double               slack)
{
  return inner->x >= outer->x - slack && inner->y >= outer->y - slack &&
         inner->x + inner->width <= outer->x + outer->width + slack &&
         inner->y + inner->height <= outer->y + outer->height + slack;
}

/* The name of @d as drawn: inside its box, or a label. */
static const WeftGraphRect *
name_of (const WeftGraphDrawnNode *d)
{
  return d->has_name ? &d->name : d->has_label ? &d->label : NULL;
}

/* What the issue asks of a fitted pane: returns how many names show. */
static guint
assert_legible (WeftGraphPicture *picture,
                double            width,
                double            height)
{
  guint n_drawn, named = 0;
  const WeftGraphDrawnNode *drawn = weft_graph_picture_get_drawn (picture, &n_drawn);
  double x1 = G_MAXDOUBLE, y1 = G_MAXDOUBLE, x2 = -G_MAXDOUBLE, y2 = -G_MAXDOUBLE;

  g_assert_cmpuint (n_drawn, ==, weft_graph_get_n_nodes (weft_layout_get_graph (weft_graph_picture_get_layout (picture))));
  for (guint i = 0; i < n_drawn; i++)
    {
      const WeftGraphRect *name = name_of (&drawn[i]);

      x1 = MIN (x1, drawn[i].shape.x);
      y1 = MIN (y1, drawn[i].shape.y);
      x2 = MAX (x2, drawn[i].shape.x + drawn[i].shape.width);
      y2 = MAX (y2, drawn[i].shape.y + drawn[i].shape.height);
      if (name == NULL)
        continue;
      named++;

      /* At least 11 pixels, in the pane. */
      g_assert_cmpfloat (drawn[i].text_size, >=, 11 - 1e-6);
      g_assert_true (within (name, &(WeftGraphRect) { 0, 0, width, height }, 0.5));
      /* Inside its node's box, or a label over or touching its mark. */
      if (drawn[i].has_name)
        g_assert_true (within (name, &drawn[i].box, 1.0));
      else
        {
          WeftGraphRect grown = { name->x - 1, name->y - 1, name->width + 2, name->height + 2 };

          g_assert_true (meet (&grown, &drawn[i].shape));
        }

      for (guint j = 0; j < n_drawn; j++)
        {
          const WeftGraphRect *other = name_of (&drawn[j]);

          if (j == i)
            continue;
          /* No name over another node, nor over another name. */
          if (meet (name, &drawn[j].shape))
            g_error ("the name of node %u covers node %u", drawn[i].node, drawn[j].node);
          if (other != NULL && meet (name, other))
            g_error ("the names of nodes %u and %u overlap", drawn[i].node, drawn[j].node);
        }
      x1 = MIN (x1, name->x);
      y1 = MIN (y1, name->y);
      x2 = MAX (x2, name->x + name->width);
      y2 = MAX (y2, name->y + name->height);
    }

  /* The drawing spans the pane: 70 % one way, 50 % the other. */
  g_test_message ("%g x %g: drawing %.0f x %.0f, %u of %u named", width, height, x2 - x1, y2 - y1, named, n_drawn);
  g_assert_true (((x2 - x1) >= 0.7 * width && (y2 - y1) >= 0.5 * height) ||
                 ((x2 - x1) >= 0.5 * width && (y2 - y1) >= 0.7 * height));
  return named;
}

/* The example in the Graph view at 1280x720 and in the Graph pane of a
 * 1920x1080 window: every name inside its node. */
static void
test_legible (void)
{
  g_autoptr(WeftDataset) dataset = weft_test_load_example ();
  g_autoptr(WeftLayout) raw = raw_layout (dataset);
  const double panes[][2] = { { 1280, 720 }, { 1920, 1000 }, { 810, 750 }, { 1450, 520 } };

  for (guint k = 0; k < G_N_ELEMENTS (panes); k++)
    {
      g_autoptr(WeftGraphPicture) picture = draw (raw, panes[k][0], panes[k][1]);
      guint n_drawn;
      const WeftGraphDrawnNode *drawn = weft_graph_picture_get_drawn (picture, &n_drawn);

      g_assert_cmpuint (assert_legible (picture, panes[k][0], panes[k][1]), ==, n_drawn);
      for (guint i = 0; i < n_drawn; i++)
        g_assert_true (drawn[i].has_name);
    }
}

/* With the legend, titled or not (weft graph --view WxH [--title]
 * --legend), no node and no name lies under either card. */
static void
test_cards_cover_nothing (void)
{
  g_autoptr(WeftDataset) dataset = weft_test_load_example ();
  g_autoptr(WeftLayout) raw = raw_layout (dataset);
  const double panes[][2] = { { 1280, 720 }, { 1920, 1080 } };

  for (guint k = 0; k < G_N_ELEMENTS (panes); k++)
    for (guint titled = 0; titled < 4; titled++)
      {
        WeftGraphPictureOptions options = { panes[k][0], panes[k][1], titled % 2, TRUE, FALSE, NULL, titled / 2 };
        g_autoptr(WeftGraphPicture) picture = weft_graph_picture_new (raw, &options);
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) panes[k][0], (int) panes[k][1]);
        cairo_t *cr = cairo_create (surface);
        WeftGraphRect cards[2];
        guint n_drawn;
        const WeftGraphDrawnNode *drawn;

        weft_graph_picture_draw (picture, cr);
        cairo_destroy (cr);
        cairo_surface_destroy (surface);
        weft_graph_picture_get_cards (picture, &cards[0], &cards[1]);
        g_assert_true ((cards[0].width * cards[0].height > 0) == (titled / 2 == 1));
        g_assert_cmpfloat (cards[1].width * cards[1].height, >, 0);
        g_assert_false (meet (&cards[0], &cards[1]));
        drawn = weft_graph_picture_get_drawn (picture, &n_drawn);
        g_assert_cmpuint (n_drawn, ==, weft_graph_get_n_nodes (weft_layout_get_graph (raw)));
        for (guint i = 0; i < n_drawn; i++)
          for (guint c = 0; c < 2; c++)
            {
              const WeftGraphRect *name = name_of (&drawn[i]);

              if (meet (&drawn[i].shape, &cards[c]) || (name != NULL && meet (name, &cards[c])))
                g_error ("%g x %g: node %u or its name is under the %s", panes[k][0], panes[k][1],
                         drawn[i].node, c == 0 ? "title" : "legend");
            }
      }
}

/* A handful of nodes (tests/data/network.weft: five) fills a 1280 x 720
 * pane as the example does, not a corner of it, every name inside its
 * node. (At 1920 x 1080 the spread's limit and the largest fitted zoom
 * still leave it about 40 % x 54 %.) */
static void
test_small_graph_fills (void)
{
  g_autoptr(WeftDataset) dataset = weft_test_load_fixture ("network.weft");
  g_autoptr(WeftLayout) raw = raw_layout (dataset);
  const double panes[][2] = { { 1280, 720 }, { 1100, 700 } };

  for (guint k = 0; k < G_N_ELEMENTS (panes); k++)
    {
      g_autoptr(WeftGraphPicture) picture = draw (raw, panes[k][0], panes[k][1]);
      guint n_drawn;

      weft_graph_picture_get_drawn (picture, &n_drawn);
      g_assert_cmpuint (n_drawn, ==, 5);
      g_assert_cmpuint (assert_legible (picture, panes[k][0], panes[k][1]), ==, n_drawn);
    }
}

/* A pane too small for every name inside: labels where they fit, and the
 * same rules. */
static void
test_small_pane (void)
{
  g_autoptr(WeftDataset) dataset = weft_test_load_example ();
  g_autoptr(WeftLayout) raw = raw_layout (dataset);
  const double panes[][2] = { { 720, 380 }, { 500, 300 }, { 320, 240 } };

  for (guint k = 0; k < G_N_ELEMENTS (panes); k++)
    {
      g_autoptr(WeftGraphPicture) picture = draw (raw, panes[k][0], panes[k][1]);

      g_assert_cmpuint (assert_legible (picture, panes[k][0], panes[k][1]), >, 0);
    }
}

/* @top (with its alpha) composited over the opaque @bottom. */
static WeftColor
over (const WeftColor *top,
      const WeftColor *bottom)
{
  double a = top->alpha;

  return (WeftColor) { top->red * a + bottom->red * (1 - a), top->green * a + bottom->green * (1 - a),
                       top->blue * a + bottom->blue * (1 - a), 1 };
}

/* Every text the graph draws reads at 4.5:1 or more, light and dark:
 * names on each kind's fill, a selected name on the accent, edge labels of
 * every kind and evidence on the background (behind their plate). */
static void
test_text_contrast (void)
{
  for (guint dark = 0; dark < 2; dark++)
    {
      const WeftGraphPalette *palette = weft_graph_palette_get (dark);
      const WeftColor *bg = &palette->background;
      const WeftNodeStyle *styles[WEFT_N_ENTITY_KINDS + 2];
      WeftColor on_accent = weft_color_readable_on (&palette->accent);

      for (guint k = 0; k < WEFT_N_ENTITY_KINDS; k++)
        styles[k] = weft_graph_style_for_entity (k);
      styles[WEFT_N_ENTITY_KINDS] = weft_graph_style_for_event ();
      styles[WEFT_N_ENTITY_KINDS + 1] = weft_graph_style_for_claim ();
      for (guint k = 0; k < G_N_ELEMENTS (styles); k++)
        {
          guint32 fill_rgb, stroke_rgb;
          WeftColor fill, ink;

          weft_node_style_colors (styles[k], palette->dark, &fill_rgb, &stroke_rgb);
          fill = weft_color_from_rgb (fill_rgb, 1);
          ink = over (&palette->text, &fill);
          g_test_message ("%s, style %u: name %.2f:1", dark ? "dark" : "light", k, weft_color_contrast (&ink, &fill));
          g_assert_cmpfloat (weft_color_contrast (&ink, &fill), >=, 4.5);
        }
      g_assert_cmpfloat (weft_color_contrast (&on_accent, &palette->accent), >=, 4.5);

      for (guint kind = WEFT_EDGE_RELATION; kind <= WEFT_EDGE_TOGETHER; kind++)
        for (guint e = 0; e < WEFT_N_EVIDENCE; e++)
          {
            WeftColor text = weft_graph_edge_text_color (palette, kind, weft_graph_style_for_evidence (e));
            WeftColor ink = over (&text, bg);

            g_assert_cmpfloat (weft_color_contrast (&ink, bg), >=, 4.5);
          }
    }
}

static gint
compare_descending (gconstpointer a,
                    gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? 1 : x > y ? -1 : 0;
}

/* @n entities, each linked to three others spread at random: the most
 * connected are anywhere, most of them in the crowded middle. */
static WeftDataset *
random_dataset (guint n)
{
  WeftDataset *d = weft_dataset_new ();
  g_autoptr(WeftDiagnostics) diagnostics = weft_diagnostics_new ("random");
  g_autoptr(GRand) rand = g_rand_new_with_seed (13);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", i);
      g_autofree char *name = g_strdup_printf ("Entity %u", i);
      weft_dataset_add_entity (d, id, name, i % WEFT_N_ENTITY_KINDS);
    }
  for (guint i = 2; i < n; i++)
    for (guint k = 2; k <= 4; k++)
      {
        g_autofree char *id = g_strdup_printf ("r%u-%u", i, k);
        g_autofree char *a = g_strdup_printf ("e%u", i);
        guint to = (guint) g_rand_int_range (rand, 0, (gint32) n);
        g_autofree char *b = g_strdup_printf ("e%u", to);

        if (to != i)
          weft_dataset_add_relation (d, id, a, b, "reports_to");
      }
  g_assert_true (weft_dataset_finish (d, diagnostics));
  return d;
}

/* Hundreds of nodes: marks sized by links, the most connected named
 * (their labels may cover less connected marks), never two names over
 * each other, never a name over a named node's mark. */
static void
test_large_names (void)
{
  g_autoptr(WeftDataset) dataset = random_dataset (600);
  g_autoptr(WeftLayout) raw = raw_layout (dataset);
  g_autoptr(WeftGraphPicture) picture = draw (raw, 1280, 720);
  WeftGraph *graph = weft_layout_get_graph (raw);
  guint n_drawn, named = 0, degree_named = G_MAXUINT, degree_unnamed = 0;
  const WeftGraphDrawnNode *drawn = weft_graph_picture_get_drawn (picture, &n_drawn);

  g_assert_cmpuint (n_drawn, ==, 600);
  for (guint i = 0; i < n_drawn; i++)
    {
      guint degree = weft_graph_get_node (graph, drawn[i].node)->degree;

      /* Marks, not boxes with names inside. */
      g_assert_false (drawn[i].has_name);
      if (!drawn[i].has_label)
        {
          degree_unnamed = MAX (degree_unnamed, degree);
          continue;
        }
      named++;
      degree_named = MIN (degree_named, degree);
      g_assert_cmpfloat (drawn[i].text_size, >=, 11 - 1e-6);
      g_assert_true (within (&drawn[i].label, &(WeftGraphRect) { 0, 0, 1280, 720 }, 0.5));
      g_assert_true (meet (&(WeftGraphRect) { drawn[i].label.x - 1, drawn[i].label.y - 1, drawn[i].label.width + 2,
                                               drawn[i].label.height + 2 }, &drawn[i].shape));
      for (guint j = 0; j < n_drawn; j++)
        {
          if (j == i || !drawn[j].has_label)
            continue;
          if (meet (&drawn[i].label, &drawn[j].label))
            g_error ("the labels of nodes %u and %u overlap", drawn[i].node, drawn[j].node);
          if (meet (&drawn[i].label, &drawn[j].shape))
            g_error ("the label of node %u covers the named node %u", drawn[i].node, drawn[j].node);
        }
    }
  g_test_message ("%u of 600 named; least links named %u, most links unnamed %u", named, degree_named, degree_unnamed);
  g_assert_cmpuint (named, >=, 100);
  /* The most connected are named, though they lie in the crowded middle:
   * every node with as many links as the sixth most connected. */
  {
    g_autoptr(GArray) degrees = g_array_new (FALSE, FALSE, sizeof (guint));

    for (guint i = 0; i < n_drawn; i++)
      g_array_append_val (degrees, weft_graph_get_node (graph, i)->degree);
    g_array_sort (degrees, compare_descending);
    for (guint i = 0; i < n_drawn; i++)
      if (weft_graph_get_node (graph, drawn[i].node)->degree >= g_array_index (degrees, guint, 5))
        g_assert_true (drawn[i].has_label);
  }
}

int
main (int    argc,
      char **argv)
{
  weft_test_init (&argc, &argv);

  g_test_add_func ("/weft/layout/check", test_check);
  g_test_add_func ("/weft/layout/geometry", test_geometry);
  g_test_add_func ("/weft/layout/engines", test_engines);
  g_test_add_func ("/weft/layout/events-and-claims", test_events_and_claims);
  g_test_add_func ("/weft/layout/auto-engine", test_auto_engine);
  g_test_add_func ("/weft/layout/unplaced-labels", test_unplaced_labels);
  g_test_add_func ("/weft/layout/evidence", test_evidence);
  g_test_add_func ("/weft/layout/unsourced", test_unsourced);
  g_test_add_func ("/weft/layout/escaping", test_escaping);
  g_test_add_func ("/weft/layout/dot-export-relays-out", test_dot_export_relays_out);
  g_test_add_func ("/weft/layout/awkward-ids", test_awkward_ids);
  g_test_add_func ("/weft/layout/export-formats", test_export_formats);
  g_test_add_func ("/weft/layout/errors", test_errors);
  g_test_add_func ("/weft/layout/missing-config", test_missing_config);
  g_test_add_func ("/weft/layout/async", test_async);
  g_test_add_func ("/weft/layout/cancel-everything", test_cancel_everything);
  g_test_add_func ("/weft/layout/cancel", test_cancel);
  g_test_add_func ("/weft/layout/focus", test_focus);
  g_test_add_func ("/weft/layout/focus-edges", test_focus_edges);
  g_test_add_func ("/weft/layout/path", test_path);
  g_test_add_func ("/weft/layout/most-connected", test_most_connected);
  g_test_add_func ("/weft/layout/legend", test_legend);
  g_test_add_func ("/weft/layout/painter", test_painter);
  g_test_add_func ("/weft/layout/selection-dims", test_selection_dims);
  g_test_add_func ("/weft/layout/small-graph-fills", test_small_graph_fills);
  g_test_add_func ("/weft/layout/legible", test_legible);
  g_test_add_func ("/weft/layout/cards-cover-nothing", test_cards_cover_nothing);
  g_test_add_func ("/weft/layout/small-pane", test_small_pane);
  g_test_add_func ("/weft/layout/large-names", test_large_names);
  g_test_add_func ("/weft/layout/text-contrast", test_text_contrast);
  /* Last: it leaves Graphviz busy. */
  g_test_add_func ("/weft/layout/timeout-fallback", test_timeout_fallback);

  return weft_test_run ();
}
