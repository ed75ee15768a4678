/* fuzz-json-locate.c: the strict JSON scanner, and locating paths in what
 * it accepts
 *
 * Property beyond those below: read from a stream in pieces of 1 to 16
 * bytes, the scanner finds the same problem, at the line and column of
 * its offset.
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-fuzz"

#include "config.h"

#include <string.h>

#include "weft-json-locate.h"
#include "fuzz-common.h"

WEFT_FUZZ_INITIALIZE ()

static const char * const paths[] = {
  "", "weft", "title", "entities", "entities[0]", "entities[0].kind",
  "entities[1].aliases[0]", "events[0].participants[0].entity",
  "claims[0].citations[0].quote", "[0]", "[1][0]", "a.b", "a[0].b",
};

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *text = (const char *) data;
  /* Small limits, so that the fuzzer reaches them. */
  WeftJsonLimits limits = { .max_depth = 16, .max_string_length = 256 };
  WeftJsonProblem problem = { 0 };
  g_autoptr(GHashTable) wanted = NULL;
  WeftJsonProblem streamed = { 0 };
  WeftJsonInput pieces = { text, size, NULL, NULL, size > 0 ? (guchar) text[0] % 16 + 1 : 1 };
  guint line, column;
  gboolean ok;

  ok = weft_json_scan (&pieces, &limits, NULL, NULL, &streamed, NULL);
  if (!weft_json_check (text, size, &limits, &problem))
    {
      weft_fuzz_assert (!ok);
      weft_fuzz_assert (g_strcmp0 (streamed.message, problem.message) == 0);
      weft_fuzz_assert (streamed.offset == problem.offset);
      weft_json_offset_to_position (text, size, problem.offset, &line, &column);
      weft_fuzz_assert (streamed.line == line && streamed.column == column);
      g_free (streamed.message);
      weft_fuzz_assert (problem.message != NULL);
      weft_fuzz_assert (g_utf8_validate (problem.message, -1, NULL));
      weft_fuzz_assert (problem.offset <= size);
      weft_json_offset_to_position (text, size, problem.offset, &line, &column);
      weft_fuzz_assert (line >= 1 && column >= 1);
      g_free (problem.message);
      return 0;
    }

  weft_fuzz_assert (problem.message == NULL);
  weft_fuzz_assert (ok && streamed.message == NULL);

  wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    g_hash_table_insert (wanted, g_strdup (paths[i]), NULL);
  weft_json_locate (text, size, wanted);

  /* The root is always found, past any leading white space; every offset
   * found is inside the text and starts a value. */
  weft_fuzz_assert (g_hash_table_lookup (wanted, "") != NULL);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      gsize found = GPOINTER_TO_SIZE (g_hash_table_lookup (wanted, paths[i]));

      if (found == 0)
        continue;
      weft_fuzz_assert (found - 1 < size);
      weft_fuzz_assert (strchr ("{[\"-0123456789tfn", text[found - 1]) != NULL);
      weft_json_offset_to_position (text, size, found - 1, &line, &column);
      weft_fuzz_assert (line >= 1 && column >= 1);
    }

  return 0;
}
