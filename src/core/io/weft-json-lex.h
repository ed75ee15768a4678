/* weft-json-lex.h: the one JSON lexical core
 *
 * What every JSON reader in Weft shares: white space, strings (UTF-8,
 * control characters, escapes, surrogate pairs), numbers and the literals
 * true, false and null, with one set of messages. The readers built on it
 * keep only the structure (objects, arrays, nesting, limits):
 *
 *   weft-json-locate.c  the strict scanner every .weft file passes first
 *   weft-json-tokens.c  the in-place tokenizer of FtM records
 *
 * A reader calls weft_json_lex_value() where a value must start and
 * weft_json_lex_string() for a member name; it decodes the strings it needs
 * with weft_json_decode_string(), and reads the punctuation between tokens
 * ({ } [ ] : ,) itself after weft_json_skip_space(). Offsets are in bytes
 * from the start of @text, which need not be NUL-terminated and is never
 * read at or past @length. Nothing here allocates but an error message.
 *
 * Strictness. By default an escape must stand for a character: a lone
 * surrogate ("\ud800" without a low surrogate escape after it, or
 * "\udc00" alone) and "\u0000" are errors, as the .weft format wants.
 * WEFT_JSON_LEX_REPLACE_INVALID accepts them, to be decoded as U+FFFD, and
 * says where the first one is: for bulk FollowTheMoney streams, where
 * leaving out a whole record for one bad escape would lose more than it
 * protects, so the FtM reader replaces and warns with the position.
 *
 * Streaming. A token cut off by the end of @text fails with
 * WeftJsonLexError.truncated set: a reader that holds only part of a file
 * reads on and lexes again from the token's start. A number that ends
 * exactly at @length may go on in the text that follows.
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  WEFT_JSON_LEX_STRICT          = 0,
  /* Lone surrogates and \u0000 are read, as U+FFFD (see above). */
  WEFT_JSON_LEX_REPLACE_INVALID = 1 << 0,
  /* The caller has checked that the whole text is UTF-8 (one
   * g_utf8_validate_len() is faster on text with much non-ASCII): bytes
   * above 0x7F are then not looked at again. */
  WEFT_JSON_LEX_UTF8_VALIDATED  = 1 << 1,
} WeftJsonLexFlags;

typedef enum {
  WEFT_JSON_OBJECT,   /* "{": the token is the brace alone */
  WEFT_JSON_ARRAY,    /* "[": likewise */
  WEFT_JSON_STRING,
  WEFT_JSON_NUMBER,
  WEFT_JSON_TRUE,
  WEFT_JSON_FALSE,
  WEFT_JSON_NULL,
} WeftJsonKind;

typedef struct {
  WeftJsonKind kind;
  gsize        start;     /* its first byte (a string's opening quote) */
  gsize        end;       /* after its last byte (a string's closing quote) */
  gboolean     escaped;   /* a string with escapes: decode it before use */
  gsize        replaced;  /* WEFT_JSON_LEX_REPLACE_INVALID: offset + 1 of
                           * the first escape that will read as U+FFFD, or
                           * 0 when there is none */
} WeftJsonToken;

typedef struct {
  gsize     offset;      /* where the problem is */
  char     *message;     /* translated; free it with g_free() */
  gboolean  truncated;   /* the text ended inside the token */
} WeftJsonLexError;

/* The offset of the first byte at or after @pos that is not JSON white
 * space (space, tab, line feed, carriage return); @length at the end. */
gsize     weft_json_skip_space     (const char             *text,
                                    gsize                   length,
                                    gsize                   pos);

/* The same, counting the line feeds passed in *@lines and storing the
 * offset after the last of them in *@line_start (unchanged when there is
 * none): a reader that reports positions as it goes learns of every line
 * break here, since JSON has them nowhere else. */
gsize     weft_json_skip_space_lines (const char           *text,
                                      gsize                 length,
                                      gsize                 pos,
                                      guint                *lines,
                                      gsize                *line_start);

/* Lexes the value that starts at @start: the whole of a string, number or
 * literal, or only the bracket that opens an object or array. Returns
 * FALSE with @error (which may be NULL) filled when no value starts
 * there; free its message. */
gboolean  weft_json_lex_value      (const char             *text,
                                    gsize                   length,
                                    gsize                   start,
                                    WeftJsonLexFlags        flags,
                                    WeftJsonToken          *token,
                                    WeftJsonLexError       *error);

/* Lexes the string whose opening quote is at @start: UTF-8, no raw
 * control characters, known escapes, surrogates paired (see the flags).
 * Returns FALSE with @error (which may be NULL) filled otherwise; free
 * its message. */
gboolean  weft_json_lex_string     (const char             *text,
                                    gsize                   length,
                                    gsize                   start,
                                    WeftJsonLexFlags        flags,
                                    WeftJsonToken          *token,
                                    WeftJsonLexError       *error);

/* Decodes the inside of a lexed string (@length bytes after its opening
 * quote, up to its closing quote) into @out, which has room for @length
 * bytes and may be @in itself: decoding never lengthens the text. Lone
 * surrogates and \u0000 (accepted only with WEFT_JSON_LEX_REPLACE_INVALID)
 * become U+FFFD. Returns the bytes written; adds no NUL. */
gsize     weft_json_decode_string  (const char             *in,
                                    gsize                   length,
                                    char                   *out);

/* A short, printable, translated description of what stands at @pos, for
 * messages: "“x”", "the end of the file", "an invalid byte", "control
 * character U+0001". Free it with g_free(). */
char     *weft_json_describe_at    (const char             *text,
                                    gsize                   length,
                                    gsize                   pos);

G_END_DECLS
