/* test-ftm.c: FollowTheMoney JSON lines in and out
 *
 * The schema names and edges used in the fixtures come from the
 * FollowTheMoney schema (MIT license, ../shared/corpus/ftm-schema).
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-test"

#include "config.h"

#include <glib/gstdio.h>

#include "weft-error.h"
#include "weft-formats.h"
#include "weft-ftm-schema.h"
#include "weft-json-tokens.h"
#include "weft-loader.h"
#include "weft-saver.h"
#include "weft-query.h"
#include "weft-test.h"

static WeftDataset *
import (GFile             *file,
        WeftImportOptions *options,
        WeftDiagnostics   *diagnostics,
        GError           **error)
{
  return weft_import_file (file, WEFT_FORMAT_AUTO, options, diagnostics, error);
}

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "ftm", name, NULL);
}

/* ---- Tokens --------------------------------------------------------------- */

static void
test_tokens (void)
{
  WeftJTokens t;
  char good[] = "{\"a\": [\"x\\u00e9\\ud83d\\ude00\", 1.5e3, true, null], \"b\\n\": {\"c\": \"\\ud800\"}}";
  char bad_comma[] = "{\"a\": 1,}";
  char bad_control[] = "{\"a\": \"x\ty\"}";
  char bad_utf8[] = "{\"a\": \"\xC3\x28\"}";
  char trailing[] = "{} {}";
  gint a, b, c;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autofree char *text = NULL;

  weft_jtokens_init (&t);
  g_assert_true (weft_jtokens_parse (&t, good, strlen (good)));
  a = weft_jtokens_member (&t, 0, "a");
  g_assert_cmpint (a, >, 0);
  g_assert_cmpint (t.tokens[a].type, ==, WEFT_JTOK_ARRAY);
  g_assert_cmpuint (t.tokens[a].size, ==, 4);
  g_assert_cmpstr (weft_jtokens_string (&t, a + 1), ==, "xé😀");
  b = weft_jtokens_member (&t, 0, "b\n");
  g_assert_cmpint (b, >, 0);
  c = weft_jtokens_member (&t, b, "c");
  /* A lone surrogate becomes U+FFFD. */
  g_assert_cmpstr (weft_jtokens_string (&t, c), ==, "\xEF\xBF\xBD");
  g_assert_cmpint (weft_jtokens_member (&t, 0, "missing"), ==, -1);

  /* Decoding works in place: parse a fresh copy. */
  {
    g_autofree char *copy = g_strdup ("{\"a\": [\"x\u00e9\", 1.5e3, true, null, -7]}");

    g_assert_true (weft_jtokens_parse (&t, copy, strlen (copy)));
    node = weft_jtokens_to_node (&t, 0);
  }
  json_generator_set_root (gen, node);
  text = json_generator_to_data (gen, NULL);
  g_assert_cmpstr (text, ==, "{\"a\":[\"xé\",1500.0,true,null,-7]}");

  g_assert_false (weft_jtokens_parse (&t, bad_comma, strlen (bad_comma)));
  g_assert_cmpuint (t.error_offset, ==, 8);
  g_assert_false (weft_jtokens_parse (&t, bad_control, strlen (bad_control)));
  g_assert_cmpuint (t.error_offset, ==, 8);
  g_assert_false (weft_jtokens_parse (&t, bad_utf8, strlen (bad_utf8)));
  g_assert_cmpuint (t.error_offset, ==, 7);
  g_assert_false (weft_jtokens_parse (&t, trailing, strlen (trailing)));
  g_assert_cmpuint (t.error_offset, ==, 3);

  weft_jtokens_clear (&t);
}

/* ---- Every schema --------------------------------------------------------- */

static const char *
first_value (JsonObject *properties,
             const char *name)
{
  JsonArray *values;

  if (name == NULL || !json_object_has_member (properties, name))
    return NULL;
  values = json_object_get_array_member (properties, name);
  return json_array_get_length (values) > 0 ? json_array_get_string_element (values, 0) : NULL;
}

static void
test_every_schema (void)
{
  g_autofree char *path = fixture ("all-schemas.ftm");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(WeftDiagnostics) diagnostics = weft_diagnostics_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) covered = g_hash_table_new (g_str_hash, g_str_equal);
  WeftImportSummary summary = { 0 };
  WeftImportOptions options = { .summary = &summary };
  g_autoptr(WeftDataset) dataset = import (file, &options, diagnostics, &error);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  const WeftFtmSchema *schemas;
  guint n_schemas, n_lines = 0;

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  g_assert_cmpint (summary.format, ==, WEFT_FORMAT_FTM);
  g_assert_cmpuint (summary.n_skipped, ==, 0);

  /* Read the fixture independently, line by line, with json-glib. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *record, *properties;
      const char *id, *schema_name;
      const WeftFtmSchema *schema;
      WeftItem *item;

      if (lines[i][0] == '\0')
        continue;
      n_lines++;
      g_assert_true (json_parser_load_from_data (parser, lines[i], -1, NULL));
      record = json_node_get_object (json_parser_get_root (parser));
      id = json_object_get_string_member (record, "id");
      schema_name = json_object_get_string_member (record, "schema");
      properties = json_object_get_object_member (record, "properties");
      schema = weft_ftm_schema_lookup (schema_name);
      item = weft_dataset_lookup (dataset, id);
      g_assert_nonnull (item);
      g_hash_table_add (covered, (gpointer) (schema ? schema->name : "unknown"));

      switch (schema ? schema->role : WEFT_FTM_UNMAPPED)
        {
        case WEFT_FTM_ENTITY:
          g_assert_cmpint (item->type, ==, WEFT_ITEM_ENTITY);
          g_assert_cmpint (((WeftEntity *) item)->kind, ==, schema->kind);
          break;
        case WEFT_FTM_EDGE:
          {
            WeftRelation *r = (WeftRelation *) item;

            g_assert_cmpint (item->type, ==, WEFT_ITEM_RELATION);
            g_assert_cmpstr (r->from, ==, first_value (properties, schema->source));
            g_assert_cmpstr (r->to, ==, first_value (properties, schema->target));
            g_assert_cmpstr (r->type, ==, schema->relation_type);
          }
          break;
        case WEFT_FTM_EVENT:
          {
            WeftEvent *e = (WeftEvent *) item;
            JsonArray *involved = json_object_get_array_member (properties, "involved");
            guint n = json_array_get_length (involved) +
                      (json_object_has_member (properties, "organizer") ? 1 : 0);

            g_assert_cmpint (item->type, ==, WEFT_ITEM_EVENT);
            g_assert_cmpuint (e->n_participants, ==, n);
            g_assert_cmpstr (e->participants[0].entity, ==, json_array_get_string_element (involved, 0));
          }
          break;
        case WEFT_FTM_SOURCE:
          g_assert_cmpint (item->type, ==, WEFT_ITEM_SOURCE);
          g_assert_cmpint (((WeftSource *) item)->kind, ==, schema->source_kind);
          g_assert_cmpstr (((WeftSource *) item)->title, ==, first_value (properties, "title"));
          break;
        case WEFT_FTM_CITATION:
          {
            WeftClaim *c = (WeftClaim *) item;

            g_assert_cmpint (item->type, ==, WEFT_ITEM_CLAIM);
            g_assert_cmpstr (c->about[0], ==, first_value (properties, schema->target));
            if (schema->source != NULL)
              {
                g_assert_cmpuint (c->n_citations, ==, 1);
                g_assert_cmpstr (c->citations[0].source, ==, first_value (properties, schema->source));
              }
            else
              g_assert_cmpuint (c->n_citations, ==, 0);
          }
          break;
        case WEFT_FTM_UNMAPPED:
        default:
          g_assert_cmpint (item->type, ==, WEFT_ITEM_ENTITY);
          g_assert_cmpint (((WeftEntity *) item)->kind, ==, WEFT_ENTITY_OTHER);
          break;
        }
    }

  g_assert_cmpuint (summary.n_records, ==, n_lines);

  /* The fixture covers every schema in the table, and something unknown. */
  schemas = weft_ftm_schema_list (&n_schemas);
  for (guint i = 0; i < n_schemas; i++)
    if (!g_hash_table_contains (covered, schemas[i].name))
      g_error ("the fixture has no %s", schemas[i].name);
  g_assert_true (g_hash_table_contains (covered, "unknown"));

  /* Spot checks of the mapping. */
  {
    WeftEntity *ada = weft_dataset_lookup_entity (dataset, "p-ada");
    WeftRelation *own = (WeftRelation *) weft_dataset_lookup (dataset, "own-1");
    WeftRelation *debt = (WeftRelation *) weft_dataset_lookup (dataset, "debt-1");
    WeftRelation *dir = (WeftRelation *) weft_dataset_lookup (dataset, "dir-1");
    WeftRelation *mem = (WeftRelation *) weft_dataset_lookup (dataset, "mem-1");
    WeftRelation *emp = (WeftRelation *) weft_dataset_lookup (dataset, "emp-1");
    WeftEvent *meeting = (WeftEvent *) weft_dataset_lookup (dataset, "ev-1");
    WeftEvent *trip = (WeftEvent *) weft_dataset_lookup (dataset, "trip-1");
    WeftEntity *address = weft_dataset_lookup_entity (dataset, "addr-1");
    WeftEntity *acme = weft_dataset_lookup_entity (dataset, "c-acme");
    WeftSource *art = (WeftSource *) weft_dataset_lookup (dataset, "art-1");
    WeftClaim *mention = (WeftClaim *) weft_dataset_lookup (dataset, "men-1");

    g_assert_cmpstr (ada->name, ==, "Ada Lovelace");
    g_assert_cmpstr (ada->aliases[0], ==, "Augusta Ada King");
    g_assert_cmpstr (ada->country, ==, "GB");
    g_assert_cmpint (weft_dataset_lookup_entity (dataset, "g-parliament")->kind, ==, WEFT_ENTITY_GOVERNMENT);
    g_assert_cmpstr (acme->name, ==, "Acme Ltd");
    g_assert_cmpstr (address->name, ==, "12 Dorset Street, London");
    g_assert_cmpstr (weft_dataset_lookup_entity (dataset, "o-club")->tags[1], ==, "cambridge");

    /* Dates follow the temporal extent: start and end, a start alone is
     * an interval that began, "date" is a day. */
    g_assert_cmpstr (own->date_text, ==, "1830-01/1871");
    g_assert_cmpstr (debt->date_text, ==, "1830/1835");
    g_assert_cmpstr (dir->date_text, ==, "1828/");
    g_assert_cmpstr (mem->date_text, ==, "1812");
    g_assert_null (emp->date_text);
    g_assert_cmpstr (meeting->date_text, ==, "1833-06-05");
    g_assert_cmpstr (meeting->participants[2].entity, ==, "o-club");
    g_assert_cmpstr (meeting->participants[2].role, ==, "organizer");
    g_assert_cmpstr (trip->date_text, ==, "1840-08/1840-09");
    g_assert_cmpstr (art->date_text, ==, "1843");

    /* A mention quotes the name it found. */
    g_assert_cmpstr (mention->citations[0].quote, ==, "Babbage");
    g_assert_cmpstr (mention->about[0], ==, "p-charles");

    /* Documentation of an event is evidence for it. */
    g_assert_nonnull (meeting->claims);
    g_assert_cmpstr (meeting->claims[0], ==, "docu-2");
  }

  /* One warning for each unmapped or unknown schema, at its line. */
  {
    guint warnings = 0;

    for (guint i = 0; i < weft_diagnostics_get_length (diagnostics); i++)
      {
        const WeftDiagnostic *d = weft_diagnostics_get (diagnostics, i);

        g_assert_cmpint (d->severity, ==, WEFT_SEVERITY_WARNING);
        g_assert_cmpuint (d->line, >=, 59);
        warnings++;
      }
    g_assert_cmpuint (warnings, ==, 10);
  }
}

/* The same entities as a JSON array give the same dataset. */
static void
test_array (void)
{
  g_autofree char *lines_path = fixture ("all-schemas.ftm");
  g_autofree char *array_path = fixture ("all-schemas.json");
  g_autoptr(GFile) lines = g_file_new_for_path (lines_path);
  g_autoptr(GFile) array = g_file_new_for_path (array_path);
  g_autoptr(WeftDataset) a = import (lines, NULL, NULL, NULL);
  g_autoptr(WeftDataset) b = NULL;
  g_autoptr(WeftDiagnostics) diagnostics = weft_diagnostics_new (NULL);
  g_autofree char *da = NULL;
  g_autofree char *db = NULL;
  const WeftDiagnostic *d;

  b = import (array, NULL, diagnostics, NULL);
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  da = weft_dataset_to_data (a, NULL);
  db = weft_dataset_to_data (b, NULL);
  g_assert_cmpstr (da, ==, db);

  /* Positions inside the array: the Sanction's schema value. */
  d = weft_diagnostics_get (diagnostics, 0);
  {
    g_autofree char *contents = NULL;
    g_auto(GStrv) lines_of = NULL;

    g_assert_true (g_file_get_contents (array_path, &contents, NULL, NULL));
    lines_of = g_strsplit (contents, "\n", -1);
    g_assert_true (strstr (lines_of[d->line - 1], "\"Sanction\"") == lines_of[d->line - 1] + d->column - 1);
  }
}

/* ---- Bad input ------------------------------------------------------------ */

static void
test_malformed_lines (void)
{
  g_autoptr(GFile) file = weft_test_write_tmp_file ("bad.ftm",
    "{\"id\": \"a\", \"schema\": \"Person\", \"properties\": {\"name\": [\"A\"]}}\n"   /* 1 */
    "\n"                                                                          /* 2 blank */
    "{\"id\": \"b\", \"schema\": \"Person\", \"properties\": {\"name\": [\"B\"],}}\n" /* 3 trailing comma */
    "[1, 2]\n"                                                                    /* 4 not an object */
    "{\"id\": \"c\", \"properties\": {}}\n"                                       /* 5 no schema */
    "{\"id\": \"d\", \"schema\": \"Person\", \"properties\": {\"name\": [\"D\xC3\"]}}\n" /* 6 bad UTF-8 */
    "{\"id\": \"a\", \"schema\": \"Person\", \"properties\": {\"name\": [\"A again\"]}}\n" /* 7 duplicate */
    "{\"id\": \"e\", \"schema\": \"Membership\", \"properties\": {\"member\": [\"a\"], \"organization\": [\"g\"], \"startDate\": [\"soon\"]}}\n" /* 8 bad date, kept */
    "{\"id\": \"f\", \"schema\": \"Ownership\", \"properties\": {\"owner\": [\"a\"], \"asset\": [\"zz\"]}}\r\n" /* 9 CRLF, missing end */
    "{\"id\": \"g\", \"schema\": \"Person\", \"properties\": {\"name\": \"G\"}}");  /* 10 no final newline */
  g_autoptr(WeftDiagnostics) diagnostics = weft_diagnostics_new ("bad.ftm");
  g_autoptr(GError) error = NULL;
  WeftImportSummary summary = { 0 };
  WeftImportOptions options = { .summary = &summary };
  g_autoptr(WeftDataset) dataset = import (file, &options, diagnostics, &error);
  g_autofree char *all = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  all = weft_diagnostics_format_all (diagnostics);
  g_test_message ("%s", all);

  g_assert_cmpuint (summary.n_records, ==, 9);
  g_assert_cmpuint (summary.n_skipped, ==, 5);

  /* Exact lines and columns. */
  g_assert_true (strstr (all, "bad.ftm:3:62: error: a comma before the closing bracket") != NULL);
  g_assert_true (strstr (all, "bad.ftm:4:1: error: expected an entity") != NULL);
  g_assert_true (strstr (all, "bad.ftm:5:1: error: an entity without a “schema”") != NULL);
  g_assert_true (strstr (all, "bad.ftm:6:59: error: invalid UTF-8") != NULL);
  g_assert_true (strstr (all, "bad.ftm:7:1: error: the id “a” was already used on line 1") != NULL);
  g_assert_true (strstr (all, "bad.ftm:8:106: warning: “soon” is not a date") != NULL);
  g_assert_true (strstr (all, "bad.ftm:9: warning: “zz” is named here but is not in the file") != NULL);

  /* What could be read is there; the bad date is kept for export. */
  g_assert_cmpstr (weft_dataset_lookup_entity (dataset, "a")->name, ==, "A");
  g_assert_null (weft_dataset_lookup (dataset, "b"));
  g_assert_cmpstr (weft_dataset_lookup_entity (dataset, "g")->name, ==, "G");
  g_assert_nonnull (weft_dataset_lookup_entity (dataset, "zz"));
  g_assert_cmpstr (((WeftRelation *) weft_dataset_lookup (dataset, "f"))->to, ==, "zz");
  {
    JsonObject *extra = weft_dataset_lookup (dataset, "e")->extra;
    JsonObject *ftm = json_object_get_object_member (extra, "ftm");
    JsonObject *props = json_object_get_object_member (ftm, "properties");

    g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (props, "startDate"), 0), ==, "soon");
  }
}

static void
test_strict (void)
{
  g_autoptr(GFile) file = weft_test_write_tmp_file ("strict.ftm",
    "{\"id\": \"a\", \"schema\": \"Person\", \"properties\": {\"name\": [\"A\"]}}\n"
    "{\"id\": \"b\", \"schema\": \"Gizmo\", \"properties\": {}}\n"
    "not json at all\n");
  g_autoptr(WeftDiagnostics) diagnostics = weft_diagnostics_new (NULL);
  g_autoptr(GError) error = NULL;
  WeftImportOptions options = { .strict = TRUE };
  g_autoptr(WeftDataset) dataset = import (file, &options, diagnostics, &error);

  g_assert_null (dataset);
  g_assert_error (error, WEFT_ERROR, WEFT_ERROR_INVALID);
  /* It stopped at the first problem: line 3 was never looked at. */
  g_assert_cmpuint (weft_diagnostics_get_length (diagnostics), ==, 1);
  g_assert_cmpuint (weft_diagnostics_get (diagnostics, 0)->line, ==, 2);
}

static void
test_too_long (void)
{
  g_autoptr(GString) text = g_string_new ("{\"id\": \"a\", \"schema\": \"Person\", \"properties\": {\"name\": [\"A\"]}}\n");
  g_autoptr(GFile) file = NULL;
  g_autoptr(WeftDiagnostics) diagnostics = weft_diagnostics_new (NULL);
  g_autoptr(WeftDataset) dataset = NULL;
  WeftImportSummary summary = { 0 };
  WeftImportOptions options = { .summary = &summary };

  g_string_append (text, "{\"id\": \"b\", \"schema\": \"Person\", \"properties\": {\"name\": [\"");
  for (guint i = 0; i < 3000; i++)
    g_string_append (text, "long ");
  g_string_append (text, "\"]}}\n{\"id\": \"c\", \"schema\": \"Person\", \"properties\": {\"name\": [\"C\"]}}\n");
  file = weft_test_write_tmp_file ("long.ftm", text->str);

  g_setenv ("WEFT_MAX_RECORD_SIZE", "4096", TRUE);
  dataset = import (file, &options, diagnostics, NULL);
  g_unsetenv ("WEFT_MAX_RECORD_SIZE");

  g_assert_nonnull (dataset);
  g_assert_cmpuint (summary.n_skipped, ==, 1);
  g_assert_cmpuint (weft_diagnostics_get (diagnostics, 0)->line, ==, 2);
  g_assert_nonnull (weft_dataset_lookup (dataset, "c"));
  g_assert_null (weft_dataset_lookup (dataset, "b"));
}

/* ---- Focus ---------------------------------------------------------------- */

/* A chain a - b - c - d - e, an island x - y, an event, documents. */
static const char *chain =
  "{\"id\": \"a\", \"schema\": \"Person\", \"properties\": {\"name\": [\"A\"]}}\n"
  "{\"id\": \"ab\", \"schema\": \"Ownership\", \"properties\": {\"owner\": [\"a\"], \"asset\": [\"b\"]}}\n"
  "{\"id\": \"b\", \"schema\": \"Company\", \"properties\": {\"name\": [\"B\"]}}\n"
  "{\"id\": \"docu-c\", \"schema\": \"Documentation\", \"properties\": {\"document\": [\"doc-c\"], \"entity\": [\"c\"]}}\n"
  "{\"id\": \"bc\", \"schema\": \"Directorship\", \"properties\": {\"director\": [\"c\"], \"organization\": [\"b\"]}}\n"
  "{\"id\": \"c\", \"schema\": \"Person\", \"properties\": {\"name\": [\"C\"]}}\n"
  "{\"id\": \"ev-cd\", \"schema\": \"Event\", \"properties\": {\"name\": [\"Meeting\"], \"date\": [\"2020\"], \"involved\": [\"c\", \"d\"]}}\n"
  "{\"id\": \"d\", \"schema\": \"Person\", \"properties\": {\"name\": [\"D\"]}}\n"
  "{\"id\": \"de\", \"schema\": \"Family\", \"properties\": {\"person\": [\"d\"], \"relative\": [\"e\"]}}\n"
  "{\"id\": \"e\", \"schema\": \"Person\", \"properties\": {\"name\": [\"E\"]}}\n"
  "{\"id\": \"x\", \"schema\": \"Person\", \"properties\": {\"name\": [\"X\"]}}\n"
  "{\"id\": \"xy\", \"schema\": \"Associate\", \"properties\": {\"person\": [\"x\"], \"associate\": [\"y\"]}}\n"
  "{\"id\": \"y\", \"schema\": \"Person\", \"properties\": {\"name\": [\"Y\"]}}\n"
  "{\"id\": \"doc-c\", \"schema\": \"Document\", \"properties\": {\"title\": [\"About C\"]}}\n"
  "{\"id\": \"doc-x\", \"schema\": \"Document\", \"properties\": {\"title\": [\"About X\"]}}\n"
  "{\"id\": \"docu-x\", \"schema\": \"Documentation\", \"properties\": {\"document\": [\"doc-x\"], \"entity\": [\"x\"]}}\n";

static char *
entity_ids (WeftDataset *dataset)
{
  GPtrArray *entities = weft_dataset_get_entities (dataset);
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < entities->len; i++)
    {
      if (i > 0)
        g_string_append_c (ids, ' ');
      g_string_append (ids, ((WeftItem *) g_ptr_array_index (entities, i))->id);
    }
  return g_string_free (ids, FALSE);
}

static void
test_focus (void)
{
  g_autoptr(GFile) file = weft_test_write_tmp_file ("chain.ftm", chain);
  WeftImportSummary summary = { 0 };
  WeftImportOptions options = { .focus = "c", .hops = 1, .summary = &summary };
  g_autoptr(WeftDiagnostics) diagnostics = weft_diagnostics_new (NULL);
  g_autoptr(WeftDataset) one = import (file, &options, diagnostics, NULL);
  g_autoptr(WeftDataset) two = NULL;
  g_autoptr(WeftDataset) zero = NULL;
  g_autofree char *ids1 = NULL;
  g_autofree char *ids2 = NULL;
  g_autofree char *ids0 = NULL;

  g_assert_nonnull (one);
  ids1 = entity_ids (one);
  g_assert_cmpstr (ids1, ==, "b c d");
  g_assert_cmpuint (summary.n_passes, ==, 4);
  g_assert_cmpuint (weft_dataset_get_relations (one)->len, ==, 1);   /* bc */
  g_assert_cmpuint (weft_dataset_get_events (one)->len, ==, 1);
  g_assert_cmpuint (weft_dataset_get_claims (one)->len, ==, 1);      /* docu-c */
  g_assert_cmpuint (weft_dataset_get_sources (one)->len, ==, 1);     /* doc-c, not doc-x */
  g_assert_nonnull (weft_dataset_lookup (one, "doc-c"));
  g_assert_cmpuint (weft_diagnostics_get_length (diagnostics), ==, 0);
  g_assert_cmpuint (summary.n_outside, >, 0);

  options.hops = 2;
  two = import (file, &options, NULL, NULL);
  ids2 = entity_ids (two);
  g_assert_cmpstr (ids2, ==, "a b c d e");
  g_assert_cmpuint (weft_dataset_get_relations (two)->len, ==, 3);   /* ab bc de */
  g_assert_cmpuint (summary.n_passes, ==, 5);

  options.hops = 0;
  zero = import (file, &options, NULL, NULL);
  ids0 = entity_ids (zero);
  g_assert_cmpstr (ids0, ==, "c");
  /* The event keeps only its participant inside. */
  g_assert_cmpuint (((WeftEvent *) g_ptr_array_index (weft_dataset_get_events (zero), 0))->n_participants, ==, 1);
}

static void
test_focus_not_found (void)
{
  g_autoptr(GFile) file = weft_test_write_tmp_file ("chain2.ftm", chain);
  WeftImportOptions options = { .focus = "nobody", .hops = 1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(WeftDataset) dataset = import (file, &options, NULL, &error);

  g_assert_null (dataset);
  g_assert_error (error, WEFT_ERROR, WEFT_ERROR_NOT_FOUND);
  g_assert_true (strstr (error->message, "nobody") != NULL);
}

/* ---- Export and round trips ----------------------------------------------- */

static char *
export_ftm (WeftDataset *dataset,
            const char  *name)
{
  g_autofree char *path = weft_test_build_tmp_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (weft_export_file (dataset, file, WEFT_FORMAT_AUTO, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* Every line is an FtM entity: id, a schema that is not abstract, and
 * properties that are lists of strings. */
static guint
check_valid_ftm (const char *path)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  guint n = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *record, *properties;
      JsonObjectIter iter;
      const char *name;
      JsonNode *node;

      if (lines[i][0] == '\0')
        continue;
      n++;
      g_assert_true (json_parser_load_from_data (parser, lines[i], -1, NULL));
      record = json_node_get_object (json_parser_get_root (parser));
      g_assert_true (strlen (json_object_get_string_member (record, "id")) > 0);
      g_assert_true (json_object_has_member (record, "schema"));
      properties = json_object_get_object_member (record, "properties");
      g_assert_nonnull (properties);
      json_object_iter_init (&iter, properties);
      while (json_object_iter_next (&iter, &name, &node))
        {
          JsonArray *values = json_node_get_array (node);

          g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
          for (guint k = 0; k < json_array_get_length (values); k++)
            g_assert_cmpint (json_node_get_value_type (json_array_get_element (values, k)), ==, G_TYPE_STRING);
        }
    }
  return n;
}

/* The items of @section in @a and @b are the same, by id. */
static void
assert_same_items (JsonObject *a,
                   JsonObject *b,
                   const char *section)
{
  JsonArray *x = json_object_get_array_member (a, section);
  JsonArray *y = json_object_get_array_member (b, section);

  g_assert_cmpuint (json_array_get_length (x), ==, json_array_get_length (y));
  for (guint i = 0; i < json_array_get_length (x); i++)
    {
      JsonNode *item = json_array_get_element (x, i);
      const char *id = json_object_get_string_member (json_node_get_object (item), "id");
      gboolean found = FALSE;

      for (guint j = 0; j < json_array_get_length (y) && !found; j++)
        {
          JsonNode *other = json_array_get_element (y, j);

          if (g_str_equal (id, json_object_get_string_member (json_node_get_object (other), "id")))
            {
              found = TRUE;
              if (!json_node_equal (item, other))
                {
                  g_autofree char *s1 = json_to_string (item, FALSE);
                  g_autofree char *s2 = json_to_string (other, FALSE);
                  g_error ("%s %s differs:\n%s\n%s", section, id, s1, s2);
                }
            }
        }
      g_assert_true (found);
    }
}

static guint
count_linked_participants (WeftDataset *dataset)
{
  GPtrArray *events = weft_dataset_get_events (dataset);
  guint n = 0;

  for (guint i = 0; i < events->len; i++)
    {
      WeftEvent *e = g_ptr_array_index (events, i);

      for (guint j = 0; j < e->n_participants; j++)
        {
          WeftEntity *entity = weft_dataset_lookup_entity (dataset, e->participants[j].entity);

          n += entity->kind == WEFT_ENTITY_TECHNOLOGY || entity->kind == WEFT_ENTITY_PROGRAM;
        }
    }
  g_assert_cmpuint (n, >, 0);
  return n;
}

static void
test_round_trip_weft (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WeftDataset) original = weft_test_load_example ();
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(WeftDataset) back = NULL;
  g_autoptr(JsonParser) p1 = json_parser_new ();
  g_autoptr(JsonParser) p2 = json_parser_new ();
  JsonObject *a, *b;
  static const char * const sections[] = { "sources", "entities", "events", "claims", "relations", "eras" };

  /* Every item's history travels too. */
  weft_test_add_history (original);
  g_assert_no_error (error);
  path = export_ftm (original, "example.ftm");
  /* One line an item, and one UnknownLink for each participant that
   * Event.involved (legal entities) and Event.addressEntity (places)
   * cannot name: the technologies and programmes. */
  g_assert_cmpuint (check_valid_ftm (path), ==,
                    weft_dataset_get_sources (original)->len + weft_dataset_get_entities (original)->len +
                    weft_dataset_get_events (original)->len + weft_dataset_get_claims (original)->len +
                    weft_dataset_get_relations (original)->len + weft_dataset_get_eras (original)->len +
                    count_linked_participants (original));

  file = g_file_new_for_path (path);
  back = import (file, NULL, NULL, &error);
  g_assert_no_error (error);

  a = weft_test_parse_saved (original, p1);
  b = weft_test_parse_saved (back, p2);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    assert_same_items (a, b, sections[i]);
}

/* What the FtM model refuses is not written: participants outside
 * Event.involved's range (LegalEntity) go to addressEntity (places) or an
 * UnknownLink (the rest); other sources are Pages, not Document (which
 * needs a fileName); 185X is no FtM date. Weft reads it all back, with a
 * focus too. On the interop tests' edge cases. */
static void
test_export_fits_model (void)
{
  g_autofree char *edge_cases = g_test_build_filename (G_TEST_DIST, "interop", "edge-cases.weft", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(WeftDataset) dataset = weft_dataset_load_path (edge_cases, NULL, &error);
  g_autofree char *path = NULL;
  g_autofree char *written = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(WeftDataset) back = NULL;
  g_autoptr(WeftDataset) focused = NULL;
  WeftImportOptions options = { .focus = "ent-tech", .hops = 1 };
  g_autoptr(JsonParser) p1 = json_parser_new ();
  g_autoptr(JsonParser) p2 = json_parser_new ();
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) json_node_unref);
  static const char * const sections[] = { "sources", "entities", "events", "claims", "relations", "eras" };
  static const char * const pages[] = { "src-report", "src-survey", "src-book", "src-other" };
  JsonObject *o, *props, *a, *b;

  g_assert_no_error (error);
  path = export_ftm (dataset, "fits.ftm");
  /* 47 items, and four links: the technology twice, the programme twice. */
  g_assert_cmpuint (check_valid_ftm (path), ==, 47 + 4);
  g_assert_cmpuint (count_linked_participants (dataset), ==, 4);
  g_assert_true (g_file_get_contents (path, &written, NULL, NULL));
  lines = g_strsplit (written, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      {
        JsonNode *node = json_from_string (lines[i], NULL);
        g_hash_table_insert (by_id, g_strdup (json_object_get_string_member (json_node_get_object (node), "id")), node);
      }

  o = json_node_get_object (g_hash_table_lookup (by_id, "ev-markup"));
  props = json_object_get_object_member (o, "properties");
  g_assert_cmpstr (first_value (props, "involved"), ==, "ent-co");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (props, "involved")), ==, 1);
  g_assert_cmpstr (first_value (props, "organizer"), ==, "ent-person");
  g_assert_cmpstr (first_value (props, "addressEntity"), ==, "ent-place");

  o = json_node_get_object (g_hash_table_lookup (by_id, "ev-markup-participant-2"));
  props = json_object_get_object_member (o, "properties");
  g_assert_cmpstr (json_object_get_string_member (o, "schema"), ==, "UnknownLink");
  g_assert_cmpstr (first_value (props, "subject"), ==, "ev-markup");
  g_assert_cmpstr (first_value (props, "object"), ==, "ent-tech");
  g_assert_cmpstr (first_value (props, "role"), ==, "installed");
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (o, "weft"), "participant"));
  o = json_node_get_object (g_hash_table_lookup (by_id, "ev-markup-participant-3"));
  g_assert_cmpstr (first_value (json_object_get_object_member (o, "properties"), "object"), ==, "ent-program");
  g_assert_false (json_object_has_member (json_object_get_object_member (o, "properties"), "role"));

  /* 185X is not 1850: no FtM date, the EDTF under "weft". */
  o = json_node_get_object (g_hash_table_lookup (by_id, "ev-decade"));
  props = json_object_get_object_member (o, "properties");
  g_assert_false (json_object_has_member (props, "date"));
  g_assert_false (json_object_has_member (props, "startDate"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (o, "weft"), "date"), ==, "185X");
  g_assert_false (json_object_has_member (json_object_get_object_member (json_node_get_object (g_hash_table_lookup (by_id, "src-report")),
                                                                         "properties"), "date"));

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (g_hash_table_lookup (by_id, pages[i])), "schema"), ==, "Pages");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (g_hash_table_lookup (by_id, "src-article")), "schema"), ==, "Article");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (g_hash_table_lookup (by_id, "src-dataset")), "schema"), ==, "Table");

  /* Back as it was: the links are not relations. */
  file = g_file_new_for_path (path);
  back = import (file, NULL, NULL, &error);
  g_assert_no_error (error);
  a = weft_test_parse_saved (dataset, p1);
  b = weft_test_parse_saved (back, p2);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    assert_same_items (a, b, sections[i]);

  /* The company and the place are one hop from the technology, through the event. */
  focused = import (file, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (weft_dataset_lookup (focused, "ent-co"));
  g_assert_nonnull (weft_dataset_lookup (focused, "ent-place"));
  g_assert_cmpuint (((WeftEvent *) weft_dataset_lookup (focused, "ev-markup"))->n_participants, ==, 5);
}

static void
test_round_trip_ftm (void)
{
  g_autofree char *in = fixture ("all-schemas.ftm");
  g_autoptr(GFile) file = g_file_new_for_path (in);
  g_autoptr(WeftDataset) dataset = import (file, NULL, NULL, NULL);
  g_autofree char *out = export_ftm (dataset, "again.ftm");
  g_autofree char *original = NULL;
  g_autofree char *written = NULL;
  g_auto(GStrv) a = NULL;
  g_auto(GStrv) b = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) json_node_unref);

  g_assert_cmpuint (check_valid_ftm (out), ==, 68);

  g_assert_true (g_file_get_contents (out, &written, NULL, NULL));
  b = g_strsplit (written, "\n", -1);
  for (guint i = 0; b[i] != NULL; i++)
    {
      JsonNode *node;

      if (b[i][0] == '\0')
        continue;
      node = json_from_string (b[i], NULL);
      g_hash_table_insert (by_id, g_strdup (json_object_get_string_member (json_node_get_object (node), "id")), node);
    }

  /* Each entity comes back with the same schema and properties (a "weft"
   * member may be added beside them). */
  g_assert_true (g_file_get_contents (in, &original, NULL, NULL));
  a = g_strsplit (original, "\n", -1);
  for (guint i = 0; a[i] != NULL; i++)
    {
      g_autoptr(JsonNode) node = NULL;
      JsonNode *other;
      JsonObject *x, *y;
      g_autoptr(JsonNode) px = NULL;
      g_autoptr(JsonNode) py = NULL;

      if (a[i][0] == '\0')
        continue;
      node = json_from_string (a[i], NULL);
      x = json_node_get_object (node);
      other = g_hash_table_lookup (by_id, json_object_get_string_member (x, "id"));
      g_assert_nonnull (other);
      y = json_node_get_object (other);
      g_assert_cmpstr (json_object_get_string_member (x, "schema"), ==, json_object_get_string_member (y, "schema"));
      px = json_node_ref (json_object_get_member (x, "properties"));
      py = json_node_ref (json_object_get_member (y, "properties"));
      if (!json_node_equal (px, py))
        g_error ("line %u differs: %s", i + 1, a[i]);
    }
}

/* A focus on a file Weft wrote: claims come whole from their "weft"
 * member, and what they name outside is left out, not made up. */
static void
test_focus_weft_claims (void)
{
  g_autoptr(WeftDataset) original = weft_test_load_example ();
  g_autofree char *path = export_ftm (original, "focus-example.ftm");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(WeftDiagnostics) diagnostics = weft_diagnostics_new (NULL);
  g_autoptr(GError) error = NULL;
  WeftImportOptions options = { .focus = "ent-huawei", .hops = 1 };
  g_autoptr(WeftDataset) dataset = import (file, &options, diagnostics, &error);
  WeftEntity *huawei;
  g_autoptr(GPtrArray) neighbours = NULL;
  GPtrArray *claims;
  guint about_huawei = 0;

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  /* Nothing is missing: no placeholders, no dropped citations. */
  g_assert_cmpuint (weft_diagnostics_get_length (diagnostics), ==, 0);

  /* Huawei's neighbours by relations and shared events are there. */
  huawei = weft_dataset_lookup_entity (original, "ent-huawei");
  neighbours = weft_dataset_neighbours (original, huawei);
  for (guint i = 0; i < neighbours->len; i++)
    {
      WeftEntity *n = g_ptr_array_index (neighbours, i);
      guint n_relations;
      WeftRelation **relations = weft_dataset_get_entity_relations (original, n, &n_relations);
      gboolean by_relation = FALSE;

      for (guint j = 0; j < n_relations; j++)
        by_relation |= g_str_equal (relations[j]->from, "ent-huawei") || g_str_equal (relations[j]->to, "ent-huawei");
      if (by_relation)
        g_assert_nonnull (weft_dataset_lookup_entity (dataset, n->item.id));
    }
  g_assert_cmpuint (weft_dataset_get_entities (dataset)->len, <, weft_dataset_get_entities (original)->len);

  /* Every claim about Huawei came along, with its citations. */
  claims = weft_dataset_get_claims (original);
  for (guint i = 0; i < claims->len; i++)
    {
      WeftClaim *c = g_ptr_array_index (claims, i);
      gboolean about = FALSE;

      for (guint j = 0; c->about && c->about[j]; j++)
        about |= g_str_equal (c->about[j], "ent-huawei");
      if (about)
        {
          WeftClaim *kept = (WeftClaim *) weft_dataset_lookup (dataset, c->item.id);

          g_assert_nonnull (kept);
          g_assert_cmpuint (kept->n_citations, ==, c->n_citations);
          about_huawei++;
        }
    }
  g_assert_cmpuint (about_huawei, >, 0);
}

int
main (int    argc,
      char **argv)
{
  weft_test_init (&argc, &argv);

  g_test_add_func ("/weft/ftm/tokens", test_tokens);
  g_test_add_func ("/weft/ftm/every-schema", test_every_schema);
  g_test_add_func ("/weft/ftm/array", test_array);
  g_test_add_func ("/weft/ftm/malformed-lines", test_malformed_lines);
  g_test_add_func ("/weft/ftm/strict", test_strict);
  g_test_add_func ("/weft/ftm/too-long", test_too_long);
  g_test_add_func ("/weft/ftm/focus", test_focus);
  g_test_add_func ("/weft/ftm/focus-not-found", test_focus_not_found);
  g_test_add_func ("/weft/ftm/focus-weft-claims", test_focus_weft_claims);
  g_test_add_func ("/weft/ftm/round-trip-weft", test_round_trip_weft);
  g_test_add_func ("/weft/ftm/round-trip-ftm", test_round_trip_ftm);
  g_test_add_func ("/weft/ftm/export-fits-model", test_export_fits_model);

  return weft_test_run ();
}
