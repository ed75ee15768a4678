/* test-graph-export.c: GraphML, GEXF and DOT are well-formed, escaped,
 * and carry kinds, types and dates
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-test"

#include "config.h"

#include <glib/gstdio.h>
#include <graphviz/cgraph.h>

#include "weft-formats.h"
#include "weft-test.h"

/* A name that would break XML, DOT and Graphviz escapes if not escaped. */
#define NASTY "<b>&amp; \"quoted\" 'single' \\N \\G back\\slash\x01 é"
#define NASTY_JSON "<b>&amp; \\\"quoted\\\" 'single' \\\\N \\\\G back\\\\slash\\u0001 é"

static const char *nasty_doc =
  "{\"weft\": 1, \"title\": \"Nasty </graph> title\","
  " \"entities\": [{\"id\": \"a&b\", \"name\": \"" NASTY_JSON "\", \"kind\": \"company\"},"
  "                {\"id\": \"c\\\"d\", \"name\": \"Plain\", \"kind\": \"person\"}],"
  " \"events\": [{\"id\": \"ev\", \"title\": \"Meeting\", \"date\": \"2020-05/2021\","
  "   \"participants\": [{\"entity\": \"a&b\", \"role\": \"host <x>\"}, {\"entity\": \"c\\\"d\"}]}],"
  " \"relations\": [{\"id\": \"r\", \"from\": \"a&b\", \"to\": \"c\\\"d\", \"type\": \"pays\", \"date\": \"2019~\"},"
  "                 {\"id\": \"r2\", \"from\": \"c\\\"d\", \"to\": \"ev\", \"type\": \"organised\"}]}";

static char *
export_text (WeftDataset *dataset,
             WeftFormat   format,
             const char  *name)
{
  g_autofree char *path = weft_test_build_tmp_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (weft_export_file (dataset, file, format, &error));
  g_assert_no_error (error);
  return weft_test_read_file (path, NULL);
}

/* The example and the nasty document, and what one format makes of each. */
typedef struct {
  WeftDataset *example;
  WeftDataset *nasty;
  char        *text;        /* the example's */
  char        *nasty_text;
} Exports;

static void
exports_clear (Exports *e)
{
  g_clear_object (&e->example);
  g_clear_object (&e->nasty);
  g_clear_pointer (&e->text, g_free);
  g_clear_pointer (&e->nasty_text, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Exports, exports_clear)

static void
exports_make (Exports    *e,
              WeftFormat  format,
              const char *extension)
{
  g_autofree char *example_name = g_strconcat ("example.", extension, NULL);
  g_autofree char *nasty_name = g_strconcat ("nasty.", extension, NULL);

  e->example = weft_test_load_example ();
  e->nasty = weft_test_load_text (nasty_doc, "t.weft");
  e->text = export_text (e->example, format, example_name);
  e->nasty_text = export_text (e->nasty, format, nasty_name);
}

static guint
n_participations (WeftDataset *dataset)
{
  GPtrArray *events = weft_dataset_get_events (dataset);
  guint n = 0;

  for (guint i = 0; i < events->len; i++)
    n += ((WeftEvent *) g_ptr_array_index (events, i))->n_participants;
  return n;
}

/* ---- A small XML reader on GMarkup ---------------------------------------- */

typedef struct {
  GHashTable *counts;        /* element name -> count */
  GHashTable *keys;          /* GraphML key id -> attr.name */
  GHashTable *values;        /* "key=value" seen in data or attvalue */
  GPtrArray  *labels;        /* node labels (GEXF label attribute, GraphML label data) */
  GPtrArray  *spells;        /* "start..end" */
  char       *current_key;
  GString    *text;
  char       *graph_mode;
  char       *graph_timeformat;
} Xml;

static const char *
attr (const char **names,
      const char **values,
      const char  *name)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], name))
      return values[i];
  return NULL;
}

static void
xml_start (GMarkupParseContext  *context,
           const char           *element,
           const char          **names,
           const char          **values,
           gpointer              user_data,
           GError              **error)
{
  Xml *x = user_data;
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (x->counts, element));

  g_hash_table_insert (x->counts, g_strdup (element), GUINT_TO_POINTER (n + 1));

  if (g_str_equal (element, "key"))
    g_hash_table_insert (x->keys, g_strdup (attr (names, values, "id")), g_strdup (attr (names, values, "attr.name")));
  else if (g_str_equal (element, "data"))
    {
      g_free (x->current_key);
      x->current_key = g_strdup (attr (names, values, "key"));
      g_string_truncate (x->text, 0);
    }
  else if (g_str_equal (element, "attvalue"))
    g_hash_table_add (x->values, g_strdup_printf ("%s=%s", attr (names, values, "for"), attr (names, values, "value")));
  else if (g_str_equal (element, "node") && attr (names, values, "label") != NULL)
    g_ptr_array_add (x->labels, g_strdup (attr (names, values, "label")));
  else if (g_str_equal (element, "spell"))
    g_ptr_array_add (x->spells, g_strdup_printf ("%s..%s", attr (names, values, "start") ? attr (names, values, "start") : "",
                                                 attr (names, values, "end") ? attr (names, values, "end") : ""));
  else if (g_str_equal (element, "graph"))
    {
      x->graph_mode = g_strdup (attr (names, values, "mode"));
      x->graph_timeformat = g_strdup (attr (names, values, "timeformat"));
    }
}

static void
xml_text (GMarkupParseContext *context,
          const char          *text,
          gsize                length,
          gpointer             user_data,
          GError             **error)
{
  Xml *x = user_data;

  if (x->current_key != NULL)
    g_string_append_len (x->text, text, length);
}

static void
xml_end (GMarkupParseContext *context,
         const char          *element,
         gpointer             user_data,
         GError             **error)
{
  Xml *x = user_data;

  if (g_str_equal (element, "data") && x->current_key != NULL)
    {
      const char *name = g_hash_table_lookup (x->keys, x->current_key);

      /* Every data refers to a declared key. */
      if (name == NULL)
        g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT, "undeclared key %s", x->current_key);
      else
        {
          g_hash_table_add (x->values, g_strdup_printf ("%s=%s", name, x->text->str));
          if (g_str_equal (name, "label"))
            g_ptr_array_add (x->labels, g_strdup (x->text->str));
        }
      g_clear_pointer (&x->current_key, g_free);
    }
}

static void
xml_parse (Xml        *x,
           const char *text)
{
  static const GMarkupParser parser = { xml_start, xml_end, xml_text, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;

  memset (x, 0, sizeof *x);
  x->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  x->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  x->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  x->labels = g_ptr_array_new_with_free_func (g_free);
  x->spells = g_ptr_array_new_with_free_func (g_free);
  x->text = g_string_new (NULL);

  context = g_markup_parse_context_new (&parser, 0, x, NULL);
  if (!g_markup_parse_context_parse (context, text, -1, &error) ||
      !g_markup_parse_context_end_parse (context, &error))
    g_error ("not well-formed: %s", error->message);
}

static void
xml_clear (Xml *x)
{
  g_hash_table_unref (x->counts);
  g_hash_table_unref (x->keys);
  g_hash_table_unref (x->values);
  g_ptr_array_unref (x->labels);
  g_ptr_array_unref (x->spells);
  g_string_free (x->text, TRUE);
  g_free (x->current_key);
  g_free (x->graph_mode);
  g_free (x->graph_timeformat);
}

static guint
count (Xml        *x,
       const char *element)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (x->counts, element));
}

static gboolean
has_value (Xml        *x,
           const char *pair)
{
  return g_hash_table_contains (x->values, pair);
}

static gboolean
has_label (Xml        *x,
           const char *label)
{
  for (guint i = 0; i < x->labels->len; i++)
    if (g_str_equal (g_ptr_array_index (x->labels, i), label))
      return TRUE;
  return FALSE;
}

/* ---- GraphML -------------------------------------------------------------- */

static void
test_graphml (void)
{
  g_auto(Exports) e = { 0 };
  Xml x;

  exports_make (&e, WEFT_FORMAT_GRAPHML, "graphml");
  xml_parse (&x, e.text);
  g_assert_cmpuint (count (&x, "graphml"), ==, 1);
  g_assert_cmpuint (count (&x, "node"), ==,
                    weft_dataset_get_entities (e.example)->len + weft_dataset_get_events (e.example)->len);
  g_assert_cmpuint (count (&x, "edge"), ==, weft_dataset_get_relations (e.example)->len + n_participations (e.example));
  g_assert_true (has_value (&x, "node_type=entity"));
  g_assert_true (has_value (&x, "node_type=event"));
  g_assert_true (has_value (&x, "kind=company"));
  g_assert_true (has_value (&x, "kind=government"));
  g_assert_true (has_value (&x, "edge_type=sanctioned_by"));
  g_assert_true (has_value (&x, "edge_type=participant"));
  g_assert_true (has_value (&x, "start=2017-01-20"));
  g_assert_true (has_label (&x, "Huawei"));
  xml_clear (&x);

  xml_parse (&x, e.nasty_text);
  g_assert_cmpuint (count (&x, "node"), ==, 3);
  g_assert_cmpuint (count (&x, "edge"), ==, 4);
  /* The name comes back as it was; the control character, which XML
   * cannot carry, as U+FFFD. */
  g_assert_true (has_label (&x, "<b>&amp; \"quoted\" 'single' \\N \\G back\\slash\xEF\xBF\xBD é"));
  g_assert_true (has_value (&x, "label=host <x>"));
  g_assert_true (has_value (&x, "title=Nasty </graph> title"));
  g_assert_true (has_value (&x, "date=2019~"));
  xml_clear (&x);
}

/* ---- GEXF ----------------------------------------------------------------- */

static void
test_gexf (void)
{
  g_auto(Exports) e = { 0 };
  GPtrArray *relations;
  guint dated_relations = 0;
  Xml x;

  exports_make (&e, WEFT_FORMAT_GEXF, "gexf");
  relations = weft_dataset_get_relations (e.example);

  for (guint i = 0; i < relations->len; i++)
    dated_relations += ((WeftRelation *) g_ptr_array_index (relations, i))->date_text != NULL;

  xml_parse (&x, e.text);
  g_assert_cmpstr (x.graph_mode, ==, "dynamic");
  g_assert_cmpstr (x.graph_timeformat, ==, "date");
  g_assert_cmpuint (count (&x, "node"), ==,
                    weft_dataset_get_entities (e.example)->len + weft_dataset_get_events (e.example)->len);
  g_assert_cmpuint (count (&x, "edge"), ==, relations->len + n_participations (e.example));
  /* Spells: every event, every dated relation, every participation. */
  g_assert_cmpuint (count (&x, "spell"), ==,
                    weft_dataset_get_events (e.example)->len + dated_relations + n_participations (e.example));
  for (guint i = 0; i < x.spells->len; i++)
    g_assert_true (g_regex_match_simple ("^(-?\\d{4}-\\d{2}-\\d{2})?\\.\\.(-?\\d{4}-\\d{2}-\\d{2})?$",
                                         g_ptr_array_index (x.spells, i), 0, 0));
  /* The Trump administration's sanctions, 2017-01-20 to 2021-01-20. */
  {
    gboolean found = FALSE;

    for (guint i = 0; i < x.spells->len; i++)
      found |= g_str_equal (g_ptr_array_index (x.spells, i), "2017-01-20..2021-01-20");
    g_assert_true (found);
  }
  g_assert_true (has_value (&x, "kind=company"));
  g_assert_true (has_value (&x, "node_type=event"));
  g_assert_true (has_value (&x, "edge_type=participant"));
  xml_clear (&x);

  xml_parse (&x, e.nasty_text);
  g_assert_true (has_label (&x, "<b>&amp; \"quoted\" 'single' \\N \\G back\\slash\xEF\xBF\xBD é"));
  /* 2019~ is the year 2019; 2020-05/2021 from May 2020 to the end of 2021. */
  g_assert_true (g_ptr_array_find_with_equal_func (x.spells, "2019-01-01..2019-12-31", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (x.spells, "2020-05-01..2021-12-31", g_str_equal, NULL));
  xml_clear (&x);
}

/* An unknown end is no known end: Gephi must not end "2019/" in 2019. */
static void
test_unknown_ends (void)
{
  static const char *doc =
    "{\"weft\": 1, \"title\": \"Ends\","
    " \"entities\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"company\"},"
    "                {\"id\": \"b\", \"name\": \"B\", \"kind\": \"person\"}],"
    " \"relations\": [{\"id\": \"r1\", \"from\": \"a\", \"to\": \"b\", \"type\": \"owns\", \"date\": \"2019/\"},"
    "                 {\"id\": \"r2\", \"from\": \"a\", \"to\": \"b\", \"type\": \"owns\", \"date\": \"/2019-06\"},"
    "                 {\"id\": \"r3\", \"from\": \"a\", \"to\": \"b\", \"type\": \"owns\", \"date\": \"2019-05/..\"},"
    "                 {\"id\": \"r4\", \"from\": \"a\", \"to\": \"b\", \"type\": \"owns\", \"date\": \"2017/2021\"}]}";
  g_autoptr(WeftDataset) dataset = weft_test_load_text (doc, "t.weft");
  g_autofree char *gexf = export_text (dataset, WEFT_FORMAT_GEXF, "ends.gexf");
  g_autofree char *graphml = export_text (dataset, WEFT_FORMAT_GRAPHML, "ends.graphml");
  static const char * const spells[] = { "2019-01-01..", "..2019-06-30", "2019-05-01..", "2017-01-01..2021-12-31" };
  Xml x;

  xml_parse (&x, gexf);
  g_assert_cmpuint (x.spells->len, ==, G_N_ELEMENTS (spells));
  for (guint i = 0; i < G_N_ELEMENTS (spells); i++)
    g_assert_cmpstr (g_ptr_array_index (x.spells, i), ==, spells[i]);
  /* The EDTF says which end is unknown and which open. */
  g_assert_true (has_value (&x, "date=2019/"));
  g_assert_true (has_value (&x, "date=2019-05/.."));
  xml_clear (&x);

  xml_parse (&x, graphml);
  g_assert_true (has_value (&x, "start=2019-01-01"));
  g_assert_true (has_value (&x, "end=2019-06-30"));
  g_assert_true (has_value (&x, "start=2019-05-01"));
  g_assert_false (has_value (&x, "end=2019-12-31"));
  g_assert_false (has_value (&x, "start=2019-06-01"));
  g_assert_false (has_value (&x, "end=2019-05-31"));
  /* The title, three a node, four an edge, and five bounds: r4 has
   * both, the others one each. */
  g_assert_cmpuint (count (&x, "data"), ==, 1 + 2 * 3 + 4 * 4 + 5);
  xml_clear (&x);
}

/* ---- DOT ------------------------------------------------------------------ */

static void
test_dot (void)
{
  g_auto(Exports) e = { 0 };
  Agraph_t *graph;
  Agnode_t *node;

  exports_make (&e, WEFT_FORMAT_DOT, "gv");
  graph = agmemread (e.text);
  g_assert_nonnull (graph);
  g_assert_cmpint (agnnodes (graph), ==, weft_dataset_get_entities (e.example)->len);
  g_assert_cmpint (agnedges (graph), ==, weft_dataset_get_relations (e.example)->len);
  node = agnode (graph, (char *) "ent-huawei", FALSE);
  g_assert_nonnull (node);
  g_assert_cmpstr (agget (node, (char *) "label"), ==, "Huawei");
  g_assert_cmpstr (agget (node, (char *) "kind"), ==, "company");
  agclose (graph);

  graph = agmemread (e.nasty_text);
  g_assert_nonnull (graph);
  /* Two entities and the event a relation points at. */
  g_assert_cmpint (agnnodes (graph), ==, 3);
  g_assert_cmpint (agnedges (graph), ==, 2);
  node = agnode (graph, (char *) "a&b", FALSE);
  g_assert_nonnull (node);
  g_assert_nonnull (agnode (graph, (char *) "c\"d", FALSE));
  /* Backslashes stay doubled, so Graphviz shows \N and \G as written. */
  g_assert_cmpstr (agget (node, (char *) "label"), ==,
                   "<b>&amp; \"quoted\" 'single' \\\\N \\\\G back\\\\slash  é");
  g_assert_cmpstr (agnameof (graph), ==, "Nasty </graph> title");
  agclose (graph);
}

int
main (int    argc,
      char **argv)
{
  weft_test_init (&argc, &argv);

  g_test_add_func ("/weft/graph-export/graphml", test_graphml);
  g_test_add_func ("/weft/graph-export/gexf", test_gexf);
  g_test_add_func ("/weft/graph-export/unknown-ends", test_unknown_ends);
  g_test_add_func ("/weft/graph-export/dot", test_dot);

  return weft_test_run ();
}
