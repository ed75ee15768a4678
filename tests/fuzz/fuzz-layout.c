/* fuzz-layout.c: the Graphviz adapter fed fuzzed names and graph shapes
 *
 * The input makes a small dataset: byte 0 the number of entities (1 to
 * 24) and the engine (dot, or sfdp when odd); byte 1 the number of links;
 * then a pair of bytes per link (its two ends; every third link is an
 * event, every fifth a claim, the rest relations); the rest, split at NUL
 * bytes, gives the names, relation types and titles, so they hold quotes,
 * backslashes, \N and \G, <, &, HTML-like labels and any UTF-8.
 *
 * Properties: the layout has a finite size and every node centre and
 * spline point is a finite number inside it (give or take a margin); the
 * SVG export is well-formed XML made only of the elements Graphviz
 * writes, so no name became markup.
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-fuzz"

#include "config.h"

#include <math.h>
#include <string.h>

#include "weft-error.h"
#include "weft-graph.h"
#include "weft-layout.h"
#include "weft-loader.h"
#include "weft-query.h"
#include "fuzz-common.h"

WEFT_FUZZ_INITIALIZE ()

static const char *
next_text (GPtrArray *texts,
           guint     *at,
           const char *fallback)
{
  const char *text;

  if (texts->len == 0)
    return fallback;
  text = g_ptr_array_index (texts, *at % texts->len);
  (*at)++;
  return text[0] != '\0' ? text : fallback;
}

static void
start_element (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  static const char * const allowed[] = {
    "svg", "g", "title", "polygon", "ellipse", "path", "text", "polyline", "a",
    "defs", "linearGradient", "radialGradient", "stop", "image", "rect", "circle", "line", "tspan",
  };

  for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
    if (g_str_equal (element, allowed[i]))
      return;
  g_error ("the SVG has an element <%s>: a name became markup", element);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(WeftDataset) dataset = NULL;
  g_autoptr(WeftSubgraph) all = NULL;
  g_autoptr(WeftGraph) graph = NULL;
  g_autoptr(WeftLayout) layout = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  WeftLayoutEngine engine;
  guint n_entities, n_links, at = 0;
  gsize length, rest;

  if (size < 2)
    return 0;
  n_entities = 1 + data[0] % 24;
  engine = (data[0] & 0x80) ? WEFT_ENGINE_SFDP : WEFT_ENGINE_DOT;
  n_links = MIN (data[1], (size - 2) / 2);
  rest = 2 + 2 * n_links;

  /* The texts, made valid UTF-8 as a JSON file would hold them. */
  for (gsize start = rest, i = rest; i <= size; i++)
    if (i == size || data[i] == 0)
      {
        g_ptr_array_add (texts, g_utf8_make_valid ((const char *) data + start, (gssize) (i - start)));
        start = i + 1;
      }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "weft");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, "fuzz");
  json_builder_set_member_name (builder, "sources");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id"); json_builder_add_string_value (builder, "s");
  json_builder_set_member_name (builder, "title"); json_builder_add_string_value (builder, next_text (texts, &at, "S"));
  json_builder_set_member_name (builder, "kind"); json_builder_add_string_value (builder, "report");
  json_builder_end_object (builder);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "entities");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_entities; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id"); json_builder_add_string_value (builder, id);
      json_builder_set_member_name (builder, "name"); json_builder_add_string_value (builder, next_text (texts, &at, id));
      json_builder_set_member_name (builder, "kind"); json_builder_add_string_value (builder, i % 3 ? "company" : "person");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  for (guint pass = 0; pass < 3; pass++)
    {
      static const char * const arrays[] = { "relations", "events", "claims" };

      json_builder_set_member_name (builder, arrays[pass]);
      json_builder_begin_array (builder);
      for (guint k = 0; k < n_links; k++)
        {
          guint kind = k % 5 == 4 ? 2 : k % 3 == 2 ? 1 : 0;
          g_autofree char *id = g_strdup_printf ("%c%u", "rvc"[pass], k);
          g_autofree char *from = g_strdup_printf ("e%u", data[2 + 2 * k] % n_entities);
          g_autofree char *to = g_strdup_printf ("e%u", data[3 + 2 * k] % n_entities);

          if (kind != pass)
            continue;
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id"); json_builder_add_string_value (builder, id);
          if (pass == 0)
            {
              json_builder_set_member_name (builder, "from"); json_builder_add_string_value (builder, from);
              json_builder_set_member_name (builder, "to"); json_builder_add_string_value (builder, to);
              json_builder_set_member_name (builder, "type"); json_builder_add_string_value (builder, next_text (texts, &at, "t"));
            }
          else if (pass == 1)
            {
              json_builder_set_member_name (builder, "title"); json_builder_add_string_value (builder, next_text (texts, &at, "T"));
              json_builder_set_member_name (builder, "date"); json_builder_add_string_value (builder, "2020");
              json_builder_set_member_name (builder, "participants");
              json_builder_begin_array (builder);
              json_builder_begin_object (builder);
              json_builder_set_member_name (builder, "entity"); json_builder_add_string_value (builder, from);
              json_builder_end_object (builder);
              json_builder_begin_object (builder);
              json_builder_set_member_name (builder, "entity"); json_builder_add_string_value (builder, to);
              json_builder_end_object (builder);
              json_builder_end_array (builder);
            }
          else
            {
              json_builder_set_member_name (builder, "text"); json_builder_add_string_value (builder, next_text (texts, &at, "C"));
              json_builder_set_member_name (builder, "status"); json_builder_add_string_value (builder, "alleged");
              json_builder_set_member_name (builder, "claimant"); json_builder_add_string_value (builder, from);
              json_builder_set_member_name (builder, "about");
              json_builder_begin_array (builder);
              json_builder_add_string_value (builder, to);
              json_builder_end_array (builder);
              json_builder_set_member_name (builder, "citations");
              json_builder_begin_array (builder);
              json_builder_begin_object (builder);
              json_builder_set_member_name (builder, "source"); json_builder_add_string_value (builder, "s");
              json_builder_set_member_name (builder, "quote"); json_builder_add_string_value (builder, next_text (texts, &at, "Q"));
              json_builder_end_object (builder);
              json_builder_end_array (builder);
            }
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);
  dataset = weft_dataset_load_data (text, length, "fuzz.weft", NULL, &error);
  if (dataset == NULL)
    {
      if (g_getenv ("WEFT_FUZZ_DEBUG"))
        g_printerr ("not loaded: %s\n", error->message);
      return 0;   /* a name the loader refuses: not this target's business */
    }

  all = weft_dataset_all (dataset);
  graph = weft_graph_new (dataset, all, TRUE, TRUE);
  layout = weft_layout_run (graph, engine, &error);
  if (layout == NULL)
    g_error ("layout failed: %s", error->message);

  {
    double width = weft_layout_get_width (layout);
    double height = weft_layout_get_height (layout);
    double margin = 72;

    weft_fuzz_assert (isfinite (width) && isfinite (height) && width >= 0 && height >= 0);
    for (guint i = 0; i < weft_graph_get_n_nodes (graph); i++)
      {
        const WeftNodeBox *box = weft_layout_get_node (layout, i);

        weft_fuzz_assert (isfinite (box->x) && isfinite (box->y) && isfinite (box->width) && isfinite (box->height));
        weft_fuzz_assert (box->x >= -margin && box->x <= width + margin);
        weft_fuzz_assert (box->y >= -margin && box->y <= height + margin);
      }
    for (guint i = 0; i < weft_graph_get_n_edges (graph); i++)
      {
        const WeftEdgePath *edge = weft_layout_get_edge (layout, i);

        for (guint s = 0; s < edge->n_splines; s++)
          for (guint p = 0; p < edge->splines[s].n_points; p++)
            weft_fuzz_assert (isfinite (edge->splines[s].points[p].x) && isfinite (edge->splines[s].points[p].y));
      }
  }

  svg = weft_layout_export (graph, engine, WEFT_EXPORT_SVG, &error);
  if (svg == NULL)
    g_error ("SVG export failed: %s", error->message);
  {
    static const GMarkupParser parser = { start_element, NULL, NULL, NULL, NULL };
    g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, G_MARKUP_IGNORE_QUALIFIED, NULL, NULL);
    gsize svg_length;
    const char *svg_data = g_bytes_get_data (svg, &svg_length);
    /* Skip the XML declaration and DOCTYPE, which GMarkup does not read. */
    const char *start = strstr (svg_data, "<svg");

    weft_fuzz_assert (start != NULL);
    if (g_getenv ("WEFT_FUZZ_DEBUG"))
      g_printerr ("%u nodes, %u edges, %.0f x %.0f pt, SVG of %" G_GSIZE_FORMAT " bytes\n",
                  weft_graph_get_n_nodes (graph), weft_graph_get_n_edges (graph),
                  weft_layout_get_width (layout), weft_layout_get_height (layout), svg_length);
    if (!g_markup_parse_context_parse (context, start, (gssize) (svg_length - (start - svg_data)), &error) ||
        !g_markup_parse_context_end_parse (context, &error))
      g_error ("the SVG is not well-formed: %s", error->message);
  }

  return 0;
}
