/* weft-json-locate.h: a strict JSON checker that knows where things are
 *
 * json-glib builds the tree Weft reads, but it forgives some malformed
 * input (raw newlines in strings), counts columns in bytes and has no limit
 * on nesting. This scanner runs first: it checks the text strictly and
 * within limits, reporting the exact line and column of a problem; and when
 * a problem is found later, by path ("entities[3].kind"), it finds where
 * that value starts.
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  guint max_depth;          /* nesting of arrays and objects */
  gsize max_string_length;  /* bytes in one string, after the quotes */
  gsize max_values;         /* values in the whole text (objects, arrays,
                             * strings, numbers, true, false, null); 0 for
                             * no limit */
} WeftJsonLimits;

/* The largest number of values unless WEFT_MAX_ITEMS says more: twice
 * what the 100,000-entity benchmark dataset holds (4.5 million, 153 MB,
 * 1.2 GB at the peak of loading). json-glib needs about 80 bytes a value
 * whatever the value, so without this limit a 512 MB file of "0," would
 * take 20 GB. */
#define WEFT_DEFAULT_MAX_VALUES 10000000

typedef struct {
  gsize     offset;         /* byte offset of the problem */
  char     *message;        /* translated */
  gboolean  limit;          /* a safety limit was reached (not a syntax error) */
} WeftJsonProblem;

/* Fills @limits (caller-allocated) with the limits in force: the
 * defaults, or the environment variables WEFT_MAX_DEPTH,
 * WEFT_MAX_STRING_LENGTH and WEFT_MAX_ITEMS when set. */
void     weft_json_limits_get_default (WeftJsonLimits        *limits);

/* Returns whether @text is one well-formed JSON value within @limits (NULL
 * for the defaults), in valid UTF-8. On failure fills @problem (which may
 * be NULL; free its message). */
gboolean weft_json_check              (const char            *text,
                                       gsize                  length,
                                       const WeftJsonLimits  *limits,
                                       WeftJsonProblem       *problem);

/* For each key of @wanted (a path string such as "entities[3].kind", or ""
 * for the root), stores the byte offset where that value starts as the
 * value (GSIZE_TO_POINTER (offset + 1)). Paths not found keep a NULL value.
 * @text must have passed weft_json_check(). */
void     weft_json_locate             (const char            *text,
                                       gsize                  length,
                                       GHashTable            *wanted);

/* Stores in @line and @column the 1-based line and column (in characters)
 * of byte @offset. */
void     weft_json_offset_to_position (const char            *text,
                                       gsize                  length,
                                       gsize                  offset,
                                       guint                 *line,
                                       guint                 *column);

/* The same for @n offsets at once, in one pass over the text whatever
 * their order (one call per offset would read the text from its start
 * each time: a file with a thousand problems near its end would be read a
 * thousand times). Fills @lines[i] and @columns[i] for @offsets[i]. */
void     weft_json_offsets_to_positions (const char          *text,
                                         gsize                length,
                                         const gsize         *offsets,
                                         guint                n,
                                         guint               *lines,
                                         guint               *columns);

G_END_DECLS
