/* test-json-lex.c: the JSON lexical core, and the two readers built on it
 *
 * SPDX-License-Identifier: MIT
 */
#include "config.h"


#include <glib/gstdio.h>

#include "weft-error.h"
#include "weft-formats.h"
#include "weft-json-lex.h"
#include "weft-json-locate.h"
#include "weft-json-tokens.h"
#include "weft-test.h"

/* Lexes @text as one value. */
static gboolean
lex (const char       *text,
     WeftJsonLexFlags  flags,
     WeftJsonToken    *token,
     WeftJsonLexError *error)
{
  return weft_json_lex_value (text, strlen (text), 0, flags, token, error);
}

static char *
decode (const char          *text,
        const WeftJsonToken *token)
{
  gsize length = token->end - token->start - 2;
  char *out = g_malloc (length + 1);

  out[weft_json_decode_string (text + token->start + 1, length, out)] = '\0';
  return out;
}

typedef struct {
  const char *text;
  gsize       offset;     /* strict: where the error is */
  const char *fragment;   /* strict: in its message */
  gsize       replaced;   /* replacing: WeftJsonToken.replaced */
  const char *decoded;    /* replacing */
} SurrogateCase;

static const SurrogateCase surrogate_cases[] = {
  { "\"\\ud800\"", 1, "low surrogate", 2, "\xEF\xBF\xBD" },
  { "\"\\udc00\"", 1, "low surrogate without a high", 2, "\xEF\xBF\xBD" },
  { "\"\\u0000\"", 1, "NUL", 2, "\xEF\xBF\xBD" },
  { "\"a\\ud800\\u0041\"", 8, "low surrogate", 3, "a\xEF\xBF\xBD" "A" },
  { "\"\\ud800x\"", 1, "low surrogate", 2, "\xEF\xBF\xBDx" },
  { "\"ok \\udc00 \\ud800\"", 4, "low surrogate", 5, "ok \xEF\xBF\xBD \xEF\xBF\xBD" },
};

/* The case the two readers used to disagree on: strict mode refuses a
 * lone surrogate where it is, replacing mode reads it as U+FFFD and says
 * where the first one was. A pair is fine in both. */
static void
test_surrogates (void)
{
  const char *pair = "\"\\ud83d\\ude00\"";
  WeftJsonToken token;
  WeftJsonLexError error = { 0 };
  g_autofree char *decoded = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (surrogate_cases); i++)
    {
      const SurrogateCase *c = &surrogate_cases[i];
      g_autofree char *text = NULL;

      g_test_message ("case %u: %s", i, c->text);
      g_assert_false (lex (c->text, WEFT_JSON_LEX_STRICT, &token, &error));
      g_assert_cmpuint (error.offset, ==, c->offset);
      g_assert_nonnull (strstr (error.message, c->fragment));
      g_assert_false (error.truncated);
      g_free (error.message);

      g_assert_true (lex (c->text, WEFT_JSON_LEX_REPLACE_INVALID, &token, &error));
      g_assert_cmpint (token.kind, ==, WEFT_JSON_STRING);
      g_assert_cmpuint (token.end, ==, strlen (c->text));
      g_assert_true (token.escaped);
      g_assert_cmpuint (token.replaced, ==, c->replaced);
      text = decode (c->text, &token);
      g_assert_cmpstr (text, ==, c->decoded);
    }

  for (guint mode = 0; mode < 2; mode++)
    {
      g_assert_true (lex (pair, mode ? WEFT_JSON_LEX_REPLACE_INVALID : WEFT_JSON_LEX_STRICT, &token, &error));
      g_assert_cmpuint (token.replaced, ==, 0);
    }
  decoded = decode (pair, &token);
  g_assert_cmpstr (decoded, ==, "😀");
}

/* Both readers go through the core: the .weft scanner refuses the lone
 * surrogate, the FtM tokenizer reads it as U+FFFD and names the string. */
static void
test_readers (void)
{
  char record[] = "{\"a\": \"x\", \"b\": \"\\ud800\", \"c\": \"\\ud800\"}";
  WeftJsonProblem problem = { 0 };
  WeftJTokens tokens;
  gint b;

  g_assert_false (weft_json_check (record, strlen (record), NULL, &problem));
  g_assert_cmpuint (problem.offset, ==, 17);
  g_assert_nonnull (strstr (problem.message, "low surrogate"));
  g_free (problem.message);

  weft_jtokens_init (&tokens);
  g_assert_true (weft_jtokens_parse (&tokens, record, strlen (record)));
  b = weft_jtokens_member (&tokens, 0, "b");
  g_assert_cmpint (tokens.replaced, ==, b);
  g_assert_cmpstr (weft_jtokens_string (&tokens, b), ==, "\xEF\xBF\xBD");
  weft_jtokens_clear (&tokens);
}

/* One set of messages: the same lexical error reads the same in both. */
static void
test_same_messages (void)
{
  const char *bad[] = {
    "{\"a\": 01}", "{\"a\": 1.}", "{\"a\": -}", "{\"a\": 1e}", "{\"a\": \"\\x\"}",
    "{\"a\": \"\\u12\"}", "{\"a\": \"x\ty\"}", "{\"a\": tru}", "{\"a\": 'b'}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *copy = g_strdup (bad[i]);
      WeftJsonProblem problem = { 0 };
      WeftJTokens tokens;

      g_test_message ("case %u: %s", i, bad[i]);
      g_assert_false (weft_json_check (bad[i], strlen (bad[i]), NULL, &problem));
      weft_jtokens_init (&tokens);
      g_assert_false (weft_jtokens_parse (&tokens, copy, strlen (copy)));
      g_assert_cmpstr (tokens.error_message, ==, problem.message);
      g_assert_cmpuint (tokens.error_offset, ==, problem.offset);
      weft_jtokens_clear (&tokens);
      g_free (problem.message);
    }
}

typedef struct {
  const char *text;
  gboolean    truncated;
} TruncatedCase;

/* A token cut off by the end of the text says so, for a streaming reader;
 * one that is wrong does not. */
static void
test_truncated (void)
{
  static const TruncatedCase cases[] = {
    { "", TRUE }, { "\"abc", TRUE }, { "\"abc\\", TRUE }, { "\"\\u12", TRUE }, { "\"\\ud800", TRUE },
    { "tr", TRUE }, { "-", TRUE }, { "1.", TRUE }, { "1e+", TRUE }, { "\"\xC3", TRUE },
    { "\"\\x\"", FALSE }, { "\"\\u12x4\"", FALSE }, { "trux", FALSE }, { "@", FALSE }, { "01", FALSE },
    { "\"a\nb\"", FALSE }, { "\xC3", TRUE }, { "\xE4\xB8", TRUE }, { "\xFF", FALSE }, { "\xC3(", FALSE },
  };
  WeftJsonToken token;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      WeftJsonLexError error = { 0 };

      g_test_message ("case %u: %s", i, cases[i].text);
      g_assert_false (lex (cases[i].text, WEFT_JSON_LEX_STRICT, &token, &error));
      g_assert_cmpint (error.truncated, ==, cases[i].truncated);
      g_free (error.message);
    }

  /* A number or literal that ends with the text is whole. */
  g_assert_true (lex ("-12.5e3", WEFT_JSON_LEX_STRICT, &token, NULL));
  g_assert_cmpint (token.kind, ==, WEFT_JSON_NUMBER);
  g_assert_cmpuint (token.end, ==, 7);
  g_assert_true (lex ("null", WEFT_JSON_LEX_STRICT, &token, NULL));
  g_assert_cmpint (token.kind, ==, WEFT_JSON_NULL);
  g_assert_cmpuint (token.end, ==, 4);
}

/* Adds the JSON @text to @tree, token by token, as the .weft loader
 * does with what the scanner tells it. */
static gboolean
build_value (gpointer             data,
             const WeftJsonToken *token,
             const char          *text,
             guint                line,
             guint                column)
{
  weft_jtokens_add_value (data, token, text);
  return TRUE;
}

static gboolean
build_member (gpointer             data,
              const WeftJsonToken *token,
              const char          *text)
{
  weft_jtokens_add_name (data, text + token->start + 1, token->end - token->start - 2, token->escaped);
  return TRUE;
}

static gboolean
build_end (gpointer data)
{
  weft_jtokens_close (data);
  return TRUE;
}

/* A tree built from the scanner's tokens gives the json-glib tree
 * json-glib's parser gives (numbers as it reads them: integers modulo
 * 2^64, saturating beyond; the last of members with one name, in the
 * first one's place), and a tree made from a json-glib tree gives a copy
 * of it. */
static void
test_built_tree (void)
{
  static const WeftJsonVisitor visitor = { build_value, build_member, build_end };
  static const char *texts[] = {
    "[0, -0, 1.0, -0.0, 1e5, 1E+2, 12345678901234567890, -12345678901234567890, 18446744073709551616, "
    "-99999999999999999999999, 9223372036854775808, -9223372036854775808, 1e400, -1e400, 5e-324, 0.1]",
    "{\"a\": {\"b\": [true, false, null, \"\\u00e9\\n\"]}, \"a\": 1, \"c\": {}, \"\\u0041\": []}",
    "\"x\"", "7",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) built = NULL;
      g_autoptr(JsonNode) copied = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *got = NULL;
      g_autofree char *got_copy = NULL;
      WeftJsonInput input = { texts[i], strlen (texts[i]), NULL, NULL, 0 };
      WeftJTokens tree;

      weft_jtokens_init (&tree);
      weft_jtokens_reset (&tree);
      g_assert_true (weft_json_scan (&input, NULL, &visitor, &tree, NULL, NULL));
      built = weft_jtokens_to_node (&tree, 0);

      g_assert_true (json_parser_load_from_data (parser, texts[i], -1, NULL));
      json_generator_set_root (generator, json_parser_get_root (parser));
      expected = json_generator_to_data (generator, NULL);
      json_generator_set_root (generator, built);
      got = json_generator_to_data (generator, NULL);
      g_assert_cmpstr (got, ==, expected);

      weft_jtokens_reset (&tree);
      g_assert_cmpuint (weft_jtokens_add_node (&tree, json_parser_get_root (parser)), ==, 0);
      copied = weft_jtokens_to_node (&tree, 0);
      json_generator_set_root (generator, copied);
      got_copy = json_generator_to_data (generator, NULL);
      g_assert_cmpstr (got_copy, ==, expected);
      weft_jtokens_clear (&tree);
    }
}

/* The FtM reader keeps the record and warns where the string is. */
static void
test_ftm_warning (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("weft-json-lex-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "lone.ftm", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(WeftDiagnostics) diagnostics = weft_diagnostics_new ("lone.ftm");
  g_autoptr(WeftDataset) dataset = NULL;
  g_autofree char *all = NULL;
  WeftImportSummary summary = { 0 };
  WeftImportOptions options = { .summary = &summary };
  WeftEntity *entity;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path,
    "{\"id\": \"a\", \"schema\": \"Person\", \"properties\": {\"name\": [\"A\"]}}\n"
    "{\"id\": \"b\", \"schema\": \"Person\", \"properties\": {\"name\": [\"B \\ud800\"]}}\n", -1, NULL));

  dataset = weft_import_file (file, WEFT_FORMAT_AUTO, &options, diagnostics, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  all = weft_diagnostics_format_all (diagnostics);
  g_test_message ("%s", all);
  g_assert_cmpuint (summary.n_skipped, ==, 0);
  g_assert_cmpuint (weft_diagnostics_get_n_warnings (diagnostics), ==, 1);
  /* At the string's opening quote, as every warning about a value. */
  g_assert_nonnull (strstr (all, "lone.ftm:2:57: warning: this string holds an escape that stands for no character"));
  entity = weft_dataset_lookup_entity (dataset, "b");
  g_assert_nonnull (entity);
  g_assert_cmpstr (entity->name, ==, "B \xEF\xBF\xBD");

  /* Strict mode stops there. */
  g_clear_object (&dataset);
  options.strict = TRUE;
  dataset = weft_import_file (file, WEFT_FORMAT_AUTO, &options, NULL, &error);
  g_assert_error (error, WEFT_ERROR, WEFT_ERROR_INVALID);
  g_assert_null (dataset);

  g_assert_no_errno (g_remove (path));
  g_assert_no_errno (g_rmdir (dir));
}

int
main (int   argc,
      char *argv[])
{
  weft_test_init (&argc, &argv);

  g_test_add_func ("/weft/json-lex/surrogates", test_surrogates);
  g_test_add_func ("/weft/json-lex/readers", test_readers);
  g_test_add_func ("/weft/json-lex/same-messages", test_same_messages);
  g_test_add_func ("/weft/json-lex/truncated", test_truncated);
  g_test_add_func ("/weft/json-lex/ftm-warning", test_ftm_warning);
  g_test_add_func ("/weft/json-lex/built-tree", test_built_tree);

  return weft_test_run ();
}
