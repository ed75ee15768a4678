/* weft-json-locate.h: the strict JSON scanner, which knows where things are
 *
 * Every .weft file is read through this scanner: it checks the text
 * strictly (UTF-8, syntax) and within limits (nesting, string length,
 * number of values, member names with one hash), reporting the exact line
 * and column of a problem. It reads a text in memory, or reads on from a
 * stream as it goes (weft_json_scan()), telling a visitor each value with
 * its line and column: the .weft loader builds the dataset from that.
 *
 * json-glib, which TimelineJS files are still parsed with, forgives some
 * malformed input (raw newlines in strings), counts columns in bytes and
 * has no limit on nesting: it only ever sees text weft_json_check()
 * accepted. When a problem is found in its tree, by path
 * ("entities[3].kind"), weft_json_locate() finds where that value starts.
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <glib.h>

#include "weft-json-lex.h"

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
 * 250 MB at the peak of loading). Members Weft does not know are kept as
 * json-glib values, about 80 bytes a value whatever the value, so without
 * this limit a 512 MB file of "0," in one would take 20 GB. */
#define WEFT_DEFAULT_MAX_VALUES 10000000

typedef struct {
  gsize     offset;         /* byte offset of the problem */
  char     *message;        /* translated */
  gboolean  limit;          /* a safety limit was reached (not a syntax error) */
  guint     line;           /* weft_json_scan() only: where the problem is */
  guint     column;         /* (1-based, the column in characters) */
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

/* What weft_json_scan() tells its reader, in the order of the text. Each
 * callback returns FALSE to stop the scan (the reader then knows why). */
typedef struct {
  /* A value starts at @line, @column: the whole of a string (checked
   * against the length limit), number or literal, or the bracket that
   * opens an object or array; @token's offsets are in @text, which is
   * valid during the call only. A member's value comes right after its
   * name. */
  gboolean (*value)  (gpointer             user_data,
                      const WeftJsonToken *token,
                      const char          *text,
                      guint                line,
                      guint                column);
  /* The name of the member whose value comes next: a string token, as
   * for a value. */
  gboolean (*member) (gpointer             user_data,
                      const WeftJsonToken *token,
                      const char          *text);
  /* The innermost object or array that is open ends. */
  gboolean (*end)    (gpointer             user_data);
} WeftJsonVisitor;

/* Fills @buffer with up to @size more bytes of text; returns how many
 * (0 at the end of the text), or -1 with @error set. */
typedef gssize (*WeftJsonReadFunc) (gpointer   user_data,
                                    char      *buffer,
                                    gsize      size,
                                    GError   **error);

/* What weft_json_scan() reads: @length bytes at @text, or, when @read is
 * not NULL, whatever @read gives. @chunk is how much is read at a time
 * (0: 64 KiB), of which only the current token is kept; with @text, a
 * @chunk reads it as a stream too (tests make it small, so that tokens
 * are cut). */
typedef struct {
  const char       *text;
  gsize             length;
  WeftJsonReadFunc  read;
  gpointer          read_data;
  gsize             chunk;
} WeftJsonInput;

/* Scans one JSON value as weft_json_check() does, telling @visitor (which
 * may be NULL) each part of it. Returns TRUE when the whole text is one
 * well-formed value within @limits (NULL for the defaults). Otherwise
 * returns FALSE with @problem filled (its line and column too; free its
 * message) when the text is at fault, with @error set when reading
 * failed, or with neither when the visitor stopped the scan. */
gboolean weft_json_scan               (const WeftJsonInput    *input,
                                       const WeftJsonLimits   *limits,
                                       const WeftJsonVisitor  *visitor,
                                       gpointer                visitor_data,
                                       WeftJsonProblem        *problem,
                                       GError                **error);

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
