/* test-json-locate.c: the strict JSON checker and the path locator
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-test"

#include "config.h"


#include "weft-json-locate.h"
#include "weft-test.h"

typedef struct {
  const char *text;
  guint       line;
  guint       column;
  const char *fragment;   /* expected in the message */
} BadCase;

static const BadCase bad_cases[] = {
  { "", 1, 1, "empty" },
  { "   \n  ", 1, 1, "empty" },
  { "{\"a\": 1,}", 1, 9, "trailing comma" },
  { "[1, 2,]", 1, 7, "trailing comma" },
  { "{\"a\": 1\n \"b\": 2}", 2, 2, "“,” or “}”" },
  { "{\"a\": \"x\ny\"}", 1, 9, "line break" },
  { "{\"a\": tru}", 1, 7, "expected a value" },
  { "{'a': 1}", 1, 2, "double quotes" },
  { "{\"a\": 1} x", 1, 10, "after the end" },
  { "[1, 2", 1, 1, "never closed" },
  { "{\"a\": [1, 2}", 1, 12, "“,” or “]”" },
  { "{\"a\": 01}", 1, 7, "leading zero" },
  { "{\"a\": 1.}", 1, 9, "decimal point" },
  { "{\"a\": -}", 1, 7, "digits" },
  { "{\"a\": 1e}", 1, 9, "exponent" },
  { "{\"a\": \"\\x\"}", 1, 8, "unknown escape" },
  { "{\"a\": \"\\u12\"}", 1, 8, "four hexadecimal" },
  { "{\"a\": \"\\udc00\"}", 1, 8, "low surrogate" },
  { "{\"a\": \"\\ud800x\"}", 1, 8, "low surrogate" },
  { "{\"a\": \"\\u0000\"}", 1, 8, "NUL" },
  { "{\"a\": \"abc", 1, 7, "never closed" },
  { "{\"é\": \"é\", \"b\": @}", 1, 17, "“@”" },
  { "{\"a\" 1}", 1, 6, "“:”" },
  { "{1: 2}", 1, 2, "member name" },
  { "{\"a\": \"\t\"}", 1, 8, "U+0009" },
  { "\xef\xbb\xbf{}", 1, 1, "“\xef\xbb\xbf”" },
  { "{\"a\": \"\xff\"}", 1, 8, "UTF-8" },
  { "[\n\n   }", 3, 4, "expected a value" },
};

static void
test_bad (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      const BadCase *c = &bad_cases[i];
      WeftJsonProblem problem = { 0 };
      guint line, column;

      g_test_message ("case %u: %s", i, c->text);
      g_assert_false (weft_json_check (c->text, strlen (c->text), NULL, &problem));
      weft_json_offset_to_position (c->text, strlen (c->text), problem.offset, &line, &column);
      g_assert_nonnull (problem.message);
      if (strstr (problem.message, c->fragment) == NULL)
        g_error ("case %u: “%s” not in “%s”", i, c->fragment, problem.message);
      g_assert_cmpuint (line, ==, c->line);
      g_assert_cmpuint (column, ==, c->column);
      g_free (problem.message);
    }
}

/* Read from a stream in pieces (as small as one byte, from a buffer as
 * small as one byte), every bad text gives the problem weft_json_check()
 * gives, with its line and column. */
static void
test_bad_streamed (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    for (gsize step = 1; step <= 5; step++)
      {
        const BadCase *c = &bad_cases[i];
        WeftJsonInput pieces = { c->text, strlen (c->text), NULL, NULL, step };
        WeftJsonProblem whole = { 0 };
        WeftJsonProblem streamed = { 0 };
        g_autoptr(GError) error = NULL;

        g_assert_false (weft_json_check (c->text, strlen (c->text), NULL, &whole));
        g_assert_false (weft_json_scan (&pieces, NULL, NULL, NULL, &streamed, &error));
        g_assert_no_error (error);
        g_assert_cmpstr (streamed.message, ==, whole.message);
        g_assert_cmpuint (streamed.offset, ==, whole.offset);
        g_assert_cmpuint (streamed.line, ==, c->line);
        g_assert_cmpuint (streamed.column, ==, c->column);
        g_free (whole.message);
        g_free (streamed.message);
      }
}

/* Gives "[1, " then fails. */
static gssize
read_fails (gpointer   data,
            char      *buffer,
            gsize      size,
            GError   **error)
{
  guint *calls = data;

  if ((*calls)++ > 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the disk went away");
      return -1;
    }
  memcpy (buffer, "[1, ", 4);
  return 4;
}

/* A read that fails stops the scan with its error, and no problem of the
 * text (which was fine so far). */
static void
test_read_error (void)
{
  guint calls = 0;
  WeftJsonInput input = { NULL, 0, read_fails, &calls, 16 };
  WeftJsonProblem problem = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_false (weft_json_scan (&input, NULL, NULL, NULL, &problem, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_null (problem.message);
}

/* What a visitor hears: each value with its line and column (in
 * characters), the member names before their values, the ends; and a
 * visitor may stop the scan. */
static gboolean
heard_value (gpointer             data,
             const WeftJsonToken *token,
             const char          *text,
             guint                line,
             guint                column)
{
  g_string_append_printf (data, "%u:%u %.*s ", line, column,
                          token->kind == WEFT_JSON_OBJECT || token->kind == WEFT_JSON_ARRAY ? 1 : (int) (token->end - token->start),
                          text + token->start);
  return !g_str_has_suffix (((GString *) data)->str, "stop\" ");
}

static gboolean
heard_member (gpointer             data,
              const WeftJsonToken *token,
              const char          *text)
{
  g_string_append_printf (data, "%.*s: ", (int) (token->end - token->start), text + token->start);
  return TRUE;
}

static gboolean
heard_end (gpointer data)
{
  g_string_append (data, "end ");
  return TRUE;
}

static void
test_visitor (void)
{
  static const WeftJsonVisitor visitor = { heard_value, heard_member, heard_end };
  const char *text = "{\"a\": [1, \"\xc3\xa9\", {}],\n \"b\":\r\n\t-2.5e3, \"c\": null}";
  const char *heard = "1:1 { \"a\": 1:7 [ 1:8 1 1:11 \"\xc3\xa9\" 1:16 { end end "
                      "\"b\": 3:2 -2.5e3 \"c\": 3:15 null end ";

  for (gsize step = 1; step <= 7; step += 3)
    {
      g_autoptr(GString) got = g_string_new (NULL);
      WeftJsonInput pieces = { text, strlen (text), NULL, NULL, step };
      WeftJsonInput whole = { text, strlen (text), NULL, NULL, 0 };

      g_assert_true (weft_json_scan (&pieces, NULL, &visitor, got, NULL, NULL));
      g_assert_cmpstr (got->str, ==, heard);
      g_string_truncate (got, 0);
      g_assert_true (weft_json_scan (&whole, NULL, &visitor, got, NULL, NULL));
      g_assert_cmpstr (got->str, ==, heard);
    }

  {
    g_autoptr(GString) got = g_string_new (NULL);
    WeftJsonInput stop = { "[1, \"stop\", 2", 14, NULL, NULL, 0 };
    WeftJsonProblem problem = { 0 };
    g_autoptr(GError) error = NULL;

    g_assert_false (weft_json_scan (&stop, NULL, &visitor, got, &problem, &error));
    g_assert_null (problem.message);
    g_assert_no_error (error);
    g_assert_cmpstr (got->str, ==, "1:1 [ 1:2 1 1:5 \"stop\" ");
  }
}

static void
test_good (void)
{
  const char *good[] = {
    "{}", "[]", "0", "-0.5e+10", "\"\\u00e9\\ud83d\\ude00\"", "true", "null",
    " { \"a\" : [ 1 , { \"b\" : false } ] } \n",
    "{\"é\": \"\xe4\xb8\xad\"}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      WeftJsonProblem problem = { 0 };

      if (!weft_json_check (good[i], strlen (good[i]), NULL, &problem))
        g_error ("“%s” rejected: %s", good[i], problem.message);
    }
}

static void
test_depth_limit (void)
{
  WeftJsonLimits limits = { 10, 100 };
  WeftJsonProblem problem = { 0 };
  GString *deep = g_string_new (NULL);
  guint line, column;

  for (guint i = 0; i < 10; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 10; i++)
    g_string_append_c (deep, ']');
  g_assert_true (weft_json_check (deep->str, deep->len, &limits, &problem));

  g_string_prepend_c (deep, '[');
  g_string_append_c (deep, ']');
  g_assert_false (weft_json_check (deep->str, deep->len, &limits, &problem));
  weft_json_offset_to_position (deep->str, deep->len, problem.offset, &line, &column);
  g_assert_cmpuint (column, ==, 11);
  g_assert_nonnull (strstr (problem.message, "WEFT_MAX_DEPTH"));
  g_free (problem.message);
  g_string_free (deep, TRUE);
}

static void
test_depth_huge (void)
{
  /* A million brackets must neither overflow the stack nor take long. */
  gsize n = 1000000;
  char *text = g_malloc (n);
  WeftJsonProblem problem = { 0 };

  memset (text, '[', n);
  g_assert_false (weft_json_check (text, n, NULL, &problem));
  g_assert_nonnull (strstr (problem.message, "nested"));
  g_free (problem.message);
  g_free (text);
}

static void
test_values_limit (void)
{
  WeftJsonLimits limits = { .max_depth = 10, .max_string_length = 100, .max_values = 5 };
  WeftJsonProblem problem = { 0 };

  /* The array and its four numbers are five values. */
  g_assert_true (weft_json_check ("[1, 2, 3, 4]", 12, &limits, &problem));
  g_assert_false (weft_json_check ("[1, 2, 3, 4, 5]", 15, &limits, &problem));
  g_assert_cmpuint (problem.offset, ==, 13);
  g_assert_true (problem.limit);
  g_assert_nonnull (strstr (problem.message, "more than 5 values"));
  g_assert_nonnull (strstr (problem.message, "WEFT_MAX_ITEMS"));
  g_clear_pointer (&problem.message, g_free);

  /* Objects count, and so do member values (not member names). */
  g_assert_true (weft_json_check ("{\"a\": {\"b\": [true, null]}}", 26, &limits, &problem));
  g_assert_false (weft_json_check ("{\"a\": {\"b\": [true, null, \"c\"]}}", 31, &limits, &problem));
  g_assert_true (problem.limit);
  g_clear_pointer (&problem.message, g_free);

  /* 0 is no limit; a syntax error is not a limit. */
  limits.max_values = 0;
  g_assert_true (weft_json_check ("[1, 2, 3, 4, 5, 6, 7]", 21, &limits, &problem));
  g_assert_false (weft_json_check ("[1, 2,]", 7, &limits, &problem));
  g_assert_false (problem.limit);
  g_clear_pointer (&problem.message, g_free);

  /* The default, and WEFT_MAX_ITEMS. */
  g_unsetenv ("WEFT_MAX_ITEMS");
  weft_json_limits_get_default (&limits);
  g_assert_cmpuint (limits.max_values, ==, WEFT_DEFAULT_MAX_VALUES);
  g_setenv ("WEFT_MAX_ITEMS", "7", TRUE);
  weft_json_limits_get_default (&limits);
  g_assert_cmpuint (limits.max_values, ==, 7);
  g_setenv ("WEFT_MAX_ITEMS", "lots", TRUE);
  weft_json_limits_get_default (&limits);
  g_assert_cmpuint (limits.max_values, ==, WEFT_DEFAULT_MAX_VALUES);
  g_unsetenv ("WEFT_MAX_ITEMS");
}

static void
test_limits_are_limits (void)
{
  /* Depth and string length are limits too (WEFT_ERROR_LIMIT in the
   * loader), not syntax errors. */
  WeftJsonLimits limits = { .max_depth = 2, .max_string_length = 3 };
  WeftJsonProblem problem = { 0 };

  g_assert_false (weft_json_check ("[[[]]]", 6, &limits, &problem));
  g_assert_true (problem.limit);
  g_clear_pointer (&problem.message, g_free);
  g_assert_false (weft_json_check ("[\"abcd\"]", 8, &limits, &problem));
  g_assert_true (problem.limit);
  g_clear_pointer (&problem.message, g_free);
}

static void
test_string_limit (void)
{
  WeftJsonLimits limits = { 10, 5 };
  WeftJsonProblem problem = { 0 };

  g_assert_true (weft_json_check ("[\"12345\"]", 9, &limits, &problem));
  g_assert_false (weft_json_check ("[\"123456\"]", 10, &limits, &problem));
  g_assert_cmpuint (problem.offset, ==, 1);
  g_assert_nonnull (strstr (problem.message, "WEFT_MAX_STRING_LENGTH"));
  g_free (problem.message);
}

static void
test_locate (void)
{
  const char *text =
    "{\n"
    "  \"weft\": 1,\n"
    "  \"entities\": [\n"
    "    {\"id\": \"a\", \"kind\": \"x\"},\n"
    "    {\"id\": \"b\", \"na\\u006de\": \"é\", \"kind\": \"y\"}\n"
    "  ],\n"
    "  \"x.y\": {\"z\": [[1], [2, 3]]}\n"
    "}\n";
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);
  struct { const char *path; guint line, column; } expect[] = {
    { "", 1, 1 },
    { "weft", 2, 11 },
    { "entities", 3, 15 },
    { "entities[0]", 4, 5 },
    { "entities[0].kind", 4, 25 },
    { "entities[1].name", 5, 30 },
    { "entities[1].kind", 5, 43 },
    { "x.y.z[1][1]", 7, 26 },
  };

  g_assert_true (weft_json_check (text, strlen (text), NULL, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (expect); i++)
    g_hash_table_insert (wanted, (gpointer) expect[i].path, NULL);
  g_hash_table_insert (wanted, (gpointer) "entities[2]", NULL);

  weft_json_locate (text, strlen (text), wanted);

  for (guint i = 0; i < G_N_ELEMENTS (expect); i++)
    {
      gsize found = GPOINTER_TO_SIZE (g_hash_table_lookup (wanted, expect[i].path));
      guint line, column;

      g_test_message ("path %s", expect[i].path);
      g_assert_cmpuint (found, >, 0);
      weft_json_offset_to_position (text, strlen (text), found - 1, &line, &column);
      g_assert_cmpuint (line, ==, expect[i].line);
      g_assert_cmpuint (column, ==, expect[i].column);
    }
  g_assert_null (g_hash_table_lookup (wanted, "entities[2]"));
}

static void
test_many_positions (void)
{
  /* Many offsets at once, in any order, land where one at a time does:
   * lines, columns in characters (not bytes), the end of the text and
   * past it. */
  static const char text[] =
    "{\n  \"caf\xc3\xa9\": \"\xe4\xb8\xad\xe6\x96\x87\",\n\n"
    "  \"x\": [1, 2, \"\xf0\x9f\x98\x80\"]\n}\n";
  gsize len = sizeof text - 1;
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  gsize offsets[200];
  guint lines[200], columns[200];

  for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
    offsets[i] = i < len + 3 ? i : (gsize) g_rand_int_range (rand, 0, len + 3);
  /* Not in order. */
  for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
    {
      guint j = g_rand_int_range (rand, 0, G_N_ELEMENTS (offsets));
      gsize t = offsets[i];

      offsets[i] = offsets[j];
      offsets[j] = t;
    }

  weft_json_offsets_to_positions (text, len, offsets, G_N_ELEMENTS (offsets), lines, columns);
  for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
    {
      guint line, column;

      weft_json_offset_to_position (text, len, offsets[i], &line, &column);
      g_assert_cmpuint (lines[i], ==, line);
      g_assert_cmpuint (columns[i], ==, column);
    }

  /* Spot checks against the text itself: “中” is at line 2, column 12;
   * the emoji on line 4 at column 16; past the end is the end. */
  {
    gsize some[] = { 14, 39, len + 10, 0 };
    guint l[4], c[4];

    g_assert_cmpint (text[14], ==, '\xe4');
    g_assert_cmpint (text[39], ==, '\xf0');
    weft_json_offsets_to_positions (text, len, some, 4, l, c);
    g_assert_cmpuint (l[0], ==, 2);
    g_assert_cmpuint (c[0], ==, 12);
    g_assert_cmpuint (l[1], ==, 4);
    g_assert_cmpuint (c[1], ==, 16);
    g_assert_cmpuint (l[2], ==, 6);
    g_assert_cmpuint (c[2], ==, 1);
    g_assert_cmpuint (l[3], ==, 1);
    g_assert_cmpuint (c[3], ==, 1);
  }
}

/* The @i-th of the names made of "aB" and "b!" blocks, which all have the
 * same g_str_hash(). */
static void
append_colliding_name (GString *s,
                       guint    i,
                       guint    blocks)
{
  g_string_append_c (s, '"');
  for (guint b = 0; b < blocks; b++)
    g_string_append (s, (i >> b) & 1 ? "b!" : "aB");
  g_string_append_c (s, '"');
}

static void
test_hash_flood (void)
{
  g_autoptr(GString) flood = g_string_new ("{\"weft\": 1, \"x\": {");
  g_autoptr(GString) fine = g_string_new ("{");
  g_autoptr(GString) repeated = g_string_new ("{");
  g_autoptr(GString) small = g_string_new ("[");
  WeftJsonProblem problem = { 0 };
  guint line, column;

  /* 64 names with one hash in one object: refused, at the first name
   * past the allowance, with a message that says why. */
  for (guint i = 0; i < 64; i++)
    {
      if (i > 0)
        g_string_append (flood, ", ");
      append_colliding_name (flood, i, 6);
      g_string_append (flood, ": 0");
    }
  g_string_append (flood, "}}");
  g_assert_false (weft_json_check (flood->str, flood->len, NULL, &problem));
  g_assert_nonnull (strstr (problem.message, "same hash value"));
  weft_json_offset_to_position (flood->str, flood->len, problem.offset, &line, &column);
  g_assert_cmpuint (line, ==, 1);
  g_assert_cmpint (flood->str[problem.offset], ==, '"');
  g_clear_pointer (&problem.message, g_free);

  /* 10,000 ordinary names, the same name 100 times, and many small
   * objects whose few names collide: all accepted. */
  for (guint i = 0; i < 10000; i++)
    g_string_append_printf (fine, "%s\"member-%u\": %u", i ? ", " : "", i, i);
  g_string_append_c (fine, '}');
  g_assert_true (weft_json_check (fine->str, fine->len, NULL, NULL));

  for (guint i = 0; i < 100; i++)
    g_string_append_printf (repeated, "%s\"same\": %u", i ? ", " : "", i);
  g_string_append_c (repeated, '}');
  g_assert_true (weft_json_check (repeated->str, repeated->len, NULL, NULL));

  for (guint o = 0; o < 100; o++)
    {
      g_string_append (small, o ? ", {" : "{");
      for (guint i = 0; i < 16; i++)
        {
          if (i > 0)
            g_string_append (small, ", ");
          append_colliding_name (small, i, 4);
          g_string_append (small, ": 0");
        }
      g_string_append_c (small, '}');
    }
  g_string_append_c (small, ']');
  g_assert_true (weft_json_check (small->str, small->len, NULL, NULL));
}

int
main (int    argc,
      char **argv)
{
  weft_test_init (&argc, &argv);

  g_test_add_func ("/weft/json-locate/bad", test_bad);
  g_test_add_func ("/weft/json-locate/bad-streamed", test_bad_streamed);
  g_test_add_func ("/weft/json-locate/read-error", test_read_error);
  g_test_add_func ("/weft/json-locate/visitor", test_visitor);
  g_test_add_func ("/weft/json-locate/good", test_good);
  g_test_add_func ("/weft/json-locate/depth-limit", test_depth_limit);
  g_test_add_func ("/weft/json-locate/depth-huge", test_depth_huge);
  g_test_add_func ("/weft/json-locate/string-limit", test_string_limit);
  g_test_add_func ("/weft/json-locate/locate", test_locate);
  g_test_add_func ("/weft/json-locate/many-positions", test_many_positions);
  g_test_add_func ("/weft/json-locate/hash-flood", test_hash_flood);
  g_test_add_func ("/weft/json-locate/values-limit", test_values_limit);
  g_test_add_func ("/weft/json-locate/limits-are-limits", test_limits_are_limits);

  return weft_test_run ();
}
