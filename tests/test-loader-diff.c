/* test-loader-diff.c: the streaming .weft reader against the one before it
 *
 * The reader before (tests/weft-old-loader.c: the strict check, json-glib's
 * tree, a walk over it, positions found by path afterwards) and the
 * streaming one must agree on every input: the same error, the same
 * diagnostics (formatted, one a line), and datasets that save as the same
 * text. The inputs are every .weft file of the tests and of the fuzz
 * corpora, the example, cases written for what the streaming reader does
 * differently (a member given twice, numbers json-glib reads oddly, more
 * than a thousand problems), and broken variants of all of them. The
 * streaming reader also reads each input from a stream in small pieces,
 * and must give the same.
 *
 * One difference is meant, and allowed for (weft-old-loader.h): where a
 * path names two values, the reader before could point a problem at the
 * wrong one.
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-test"

#include "config.h"

#include "weft-error.h"
#include "weft-loader.h"
#include "weft-old-loader.h"
#include "weft-paths.h"
#include "weft-saver.h"
#include "weft-test.h"

static guint n_compared;
static guint n_without_positions;

/* Both readers on @text, and the streaming one from a stream in pieces
 * of 1 to 16 bytes (every token may be cut); a difference fails the
 * test, saying where. */
static void
compare (const char *what,
         const char *text,
         gsize       length,
         GRand      *rand)
{
  gboolean exact = TRUE;
  g_autofree char *difference = weft_old_loader_compare (text, length, g_rand_int_range (rand, 1, 17), &exact);

  n_compared++;
  n_without_positions += !exact;
  if (difference != NULL)
    g_error ("%s: %s", what, difference);
}

/* ---- Broken variants ------------------------------------------------------ */

/* Pieces a mutation may put in: what the readers must treat alike. */
static const char * const pieces[] = {
  "\"x\": 1, ", "\"id\": \"e1\", ", "\"id\": 5, ", "\"name\": null, ", "\"kind\": \"person\", ",
  "\"date\": \"2020-13\", ", "\"date\": \"2019/2017\", ", "\"weft\": 2, ", "\"weft\": 1.0, ",
  "\"entities\": [], ", "\"entities\": {}, ", "\"events\": [5, {}], ", "\"claims\": [\"c9\", 1], ",
  "\"participants\": [3, {\"entity\": 4}], ", "\"about\": [], ", "\"citations\": [{}], ",
  "\"\": 0, ", "\"a.b\": [1], ", "\"ftm\": {}, ", "\"n\": 12345678901234567890, ", "\"n\": -0, ",
  "\"n\": 1e400, ", "\"n\": -99999999999999999999, ", "\"n\": 0.1, ", "\"title\": [\"t\"], ",
  "{}", "[]", "null", "true", "\"\\u00e9\"", "\"\\ud83d\\ude00\"", "\"\\u0000\"", "\"\\ud800\"",
  "\xc3\xa9", "\xff", "\t", "\n", ",", ":", "{", "}", "[", "]", "\"", "\\", "0", "-", ".", "e",
};

static char *
mutate (const char *text,
        gsize       length,
        gsize      *out_length,
        GRand      *rand)
{
  GString *s = g_string_new_len (text, length);
  guint n = g_rand_int_range (rand, 1, 4);

  for (guint k = 0; k < n; k++)
    {
      gsize at = s->len > 0 ? g_rand_int_range (rand, 0, s->len) : 0;
      gsize span = g_rand_int_range (rand, 1, 64);

      span = MIN (span, s->len - at);

      switch (g_rand_int_range (rand, 0, 8))
        {
        case 0:   /* a byte replaced */
          if (s->len > 0)
            s->str[at] = (char) g_rand_int_range (rand, 1, 256);
          break;
        case 1:   /* a span removed */
          g_string_erase (s, at, span);
          break;
        case 2:   /* a span repeated */
          {
            g_autofree char *copy = g_strndup (s->str + at, span);
            g_string_insert (s, at, copy);
          }
          break;
        case 3:   /* a piece put in */
          g_string_insert (s, at, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
          break;
        case 4:   /* a line repeated */
        case 5:   /* a line removed */
          {
            const char *start = s->str + at;
            const char *end;

            while (start > s->str && start[-1] != '\n')
              start--;
            end = strchr (s->str + at, '\n');
            end = end != NULL ? end + 1 : s->str + s->len;
            if (k % 2 == 0)
              {
                g_autofree char *line = g_strndup (start, end - start);
                g_string_insert (s, end - s->str, line);
              }
            else
              g_string_erase (s, start - s->str, end - start);
          }
          break;
        case 6:   /* cut short */
          g_string_truncate (s, at);
          break;
        case 7:   /* a string's text replaced: ids and references break */
        default:
          {
            char *quote = memchr (s->str + at, '"', s->len - at);

            if (quote != NULL && quote + 1 < s->str + s->len && g_ascii_isalnum (quote[1]))
              quote[1] = "aezx19"[g_rand_int_range (rand, 0, 6)];
          }
          break;
        }
    }

  *out_length = s->len;
  return g_string_free (s, FALSE);
}

/* ---- Inputs --------------------------------------------------------------- */

static void
add_files (GPtrArray  *paths,
           const char *dir,
           const char *suffix)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    if (suffix == NULL || g_str_has_suffix (name, suffix))
      g_ptr_array_add (paths, g_build_filename (dir, name, NULL));
}

static GPtrArray *
test_files (void)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *data = g_test_build_filename (G_TEST_DIST, "data", NULL);
  g_autofree char *loader = g_test_build_filename (G_TEST_DIST, "fuzz", "corpus", "loader", NULL);
  g_autofree char *locate = g_test_build_filename (G_TEST_DIST, "fuzz", "corpus", "json-locate", NULL);
  g_autofree char *example = weft_dup_example_path ();

  add_files (paths, data, ".weft");
  add_files (paths, loader, NULL);
  add_files (paths, locate, NULL);
  g_ptr_array_add (paths, g_steal_pointer (&example));
  g_ptr_array_sort (paths, (GCompareFunc) g_strcmp0);
  return paths;
}

/* Every file as it is, then @rounds broken variants of each. */
static void
test_files_and_variants (gconstpointer data)
{
  /* More and other variants: WEFT_DIFF_ROUNDS=N WEFT_DIFF_SEED=S. */
  const char *more = g_getenv ("WEFT_DIFF_ROUNDS");
  const char *seed = g_getenv ("WEFT_DIFF_SEED");
  guint rounds = more != NULL ? (guint) g_ascii_strtoull (more, NULL, 10) : GPOINTER_TO_UINT (data);
  g_autoptr(GPtrArray) paths = test_files ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed != NULL ? (guint32) g_ascii_strtoull (seed, NULL, 10) : 16);

  g_assert_cmpuint (paths->len, >=, 40);
  n_compared = 0;
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      gsize length;
      g_autofree char *text = weft_test_read_file (path, &length);
      g_autofree char *base = g_path_get_basename (path);
      /* Fewer variants of the large ones (the example). */
      guint n = length > 20000 ? rounds / 10 : rounds;

      compare (base, text, length, rand);
      for (guint r = 0; r < n; r++)
        {
          gsize mutated_length;
          g_autofree char *mutated = mutate (text, length, &mutated_length, rand);
          g_autofree char *what = g_strdup_printf ("%s, variant %u", base, r);

          compare (what, mutated, mutated_length, rand);
        }
    }
  g_test_message ("%u inputs compared, %u without positions", n_compared, n_without_positions);
}

/* Inputs written for where the two readers work differently. */
static const char *const cases[] = {
  /* Members given twice: json-glib kept the first one's place and the
   * last one's value. */
  "{\"weft\": 1, \"title\": 5, \"title\": \"t\", \"entities\": [{\"id\": \"e\", \"name\": 1, \"kind\": \"x\", "
  "\"name\": \"n\", \"kind\": \"person\", \"u\": 1, \"v\": 2, \"u\": [3]}]}",
  "{\"weft\": 1, \"title\": \"t\", \"entities\": [{\"id\": \"e\", \"name\": \"n\", \"kind\": \"person\"}], "
  "\"entities\": [{\"id\": \"f\"}, 5]}",
  "{\"weft\": 1, \"title\": \"t\", \"relations\": [{\"id\": \"r\", \"from\": \"a\", \"to\": \"b\", \"type\": \"t\"}], "
  "\"relations\": {}}",
  "{\"weft\": 2, \"title\": \"t\", \"weft\": 1, \"x\": 1, \"y\": 2, \"x\": {\"z\": []}}",
  "{\"weft\": 1, \"weft\": \"1\", \"title\": \"t\"}",
  /* The version last, wrong, and the rest not read. */
  "{\"title\": 5, \"entities\": [{}], \"weft\": 3}",
  "{\"title\": \"t\", \"entities\": [{}]}",
  /* Numbers in unknown members, as json-glib reads them. */
  "{\"weft\": 1, \"title\": \"t\", \"n\": [0, -0, 1.0, -0.0, 1e5, 1E+2, 12345678901234567890, "
  "-12345678901234567890, 18446744073709551616, -99999999999999999999999, 9223372036854775808, "
  "-9223372036854775808, 1e400, -1e400, 1.5e-400, 5e-324, 0.1, 123456789.123456789, 1e22]}",
  "{\"weft\": 1e0, \"title\": \"t\"}",
  "{\"weft\": -0, \"title\": \"t\"}",
  "{\"weft\": 18446744073709551617, \"title\": \"t\"}",
  "{\"weft\": -18446744073709551615, \"title\": \"t\"}",
  /* Not objects, in every place. */
  "[{\"weft\": 1}]", "\"weft\"", "null", "12", "{\"weft\": {\"a\": [1, 2]}, \"title\": \"t\"}",
  "{\"weft\": 1, \"title\": {\"a\": [1]}, \"description\": [], \"language\": false, \"sources\": true, "
  "\"entities\": \"e\", \"events\": 1, \"claims\": null, \"relations\": {\"a\": 1}, \"eras\": [[1], \"x\", null]}",
  "{\"weft\": 1, \"title\": \"t\", \"events\": [{\"id\": \"v\", \"title\": \"t\", \"date\": \"2008\", "
  "\"participants\": [1, {\"entity\": 2}, {\"role\": \"r\"}, {\"entity\": \"nobody\"}], \"claims\": [3, \"c\", {}], "
  "\"tags\": \"t\"}], \"claims\": [{\"id\": \"c\", \"text\": \"t\", \"status\": \"reported\", \"about\": [1, \"v\"], "
  "\"citations\": [{\"source\": 1, \"quote\": \"q\"}, 2, {\"quote\": \"q\"}], \"claimant\": 5}]}",
  /* Empty and odd names. */
  "{\"weft\": 1, \"\": 1, \"entities\": [{\"\": 2, \"a.b\": 3, \"x[0]\": 4}]}",
  /* Dates, with escapes and wide characters before the problem. */
  "{\"weft\": 1, \"title\": \"t\", \"eras\": [{\"id\": \"a\", \"title\": \"\xe4\xb8\xad\", \"date\": \"\\u0032\\u00300\"}, "
  "{\"id\": \"b\", \"title\": \"t\", \"date\": \"2020-02-30\"}]}",
  /* A byte order mark, white space around, Windows line ends. */
  "\xEF\xBB\xBF{\"weft\": 1,\r\n \"title\": 5}\r\n",
  "  \n {\"weft\": 1, \"title\": \"t\"}  \n ",
};

static void
test_cases (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (12);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *what = g_strdup_printf ("case %u", i);

      compare (what, cases[i], strlen (cases[i]), rand);
      for (guint r = 0; r < 200; r++)
        {
          gsize length;
          g_autofree char *mutated = mutate (cases[i], strlen (cases[i]), &length, rand);

          compare (what, mutated, length, rand);
        }
    }
}

/* More than WEFT_DIAGNOSTICS_MAX problems: the same ones are kept (the
 * first in the order the reader before found them), and the rest
 * counted alike. */
static void
test_many_problems (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1000);
  g_autoptr(GString) doc = g_string_new ("{\"title\": 1, \"x\": 0, \"eras\": [");

  for (guint i = 0; i < 700; i++)
    g_string_append_printf (doc, "%s{\"y\": %u, \"date\": \"2020-%02u\", \"id\": \"a%u\"}", i ? ", " : "", i,
                            i % 15, i % 600);
  g_string_append (doc, "], \"entities\": [");
  for (guint i = 0; i < 300; i++)
    g_string_append_printf (doc, "%s{\"kind\": \"k%u\", \"id\": \"a%u\"}", i ? ", " : "", i, i);
  g_string_append (doc, "], \"weft\": 1, \"z\": 2}");

  compare ("many problems", doc->str, doc->len, rand);
  for (guint r = 0; r < 20; r++)
    {
      gsize length;
      g_autofree char *mutated = mutate (doc->str, doc->len, &length, rand);

      compare ("many problems, a variant", mutated, length, rand);
    }
}

int
main (int    argc,
      char **argv)
{
  weft_test_init (&argc, &argv);

  g_test_add_data_func ("/weft/loader-diff/files", GUINT_TO_POINTER (200), test_files_and_variants);
  g_test_add_func ("/weft/loader-diff/cases", test_cases);
  g_test_add_func ("/weft/loader-diff/many-problems", test_many_problems);

  return weft_test_run ();
}
