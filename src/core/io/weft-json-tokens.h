/* weft-json-tokens.h: a fast, strict JSON tokenizer for one record
 *
 * For streams of small JSON documents (FollowTheMoney lines): the text is
 * checked strictly (syntax, UTF-8, nesting) and cut into a flat array of
 * tokens in one pass, without allocating per value. Strings are decoded
 * in place, on demand, so the text must be writable and stay alive while
 * the tokens are used. What a caller keeps it copies.
 *
 * Strings, numbers and literals are lexed by the core every JSON reader
 * of Weft shares (weft-json-lex.h), with one deliberate difference from
 * the .weft scanner: an escape that stands for no character (a lone
 * surrogate such as \ud800, or \u0000) does not stop the record; it is
 * read as U+FFFD and `replaced` names the first string that holds one, so
 * that the reader can warn with its position.
 *
 * The same flat tree holds one item of a .weft file at a time: the .weft
 * loader builds it from the strict scanner's tokens (weft-json-locate.h)
 * with weft_jtokens_add_value() and friends, strings decoded into a text
 * the tree owns; json-glib trees (Weft items inside other formats) are
 * turned into one with weft_jtokens_add_node().
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <json-glib/json-glib.h>

#include "weft-json-lex.h"

G_BEGIN_DECLS

typedef enum {
  WEFT_JTOK_OBJECT,
  WEFT_JTOK_ARRAY,
  WEFT_JTOK_STRING,
  WEFT_JTOK_NUMBER,
  WEFT_JTOK_TRUE,
  WEFT_JTOK_FALSE,
  WEFT_JTOK_NULL,
} WeftJTokType;

typedef struct {
  guint8  type;      /* WeftJTokType */
  guint8  escaped;   /* a string with escapes not decoded yet */
  guint8  decoded;   /* a string that is NUL-terminated in place */
  guint32 start;     /* byte offset; for strings, after the opening quote */
  guint32 length;    /* bytes; for strings, without the quotes */
  guint32 size;      /* objects: members; arrays: elements */
  guint32 next;      /* index of the first token after this value */
} WeftJTok;

typedef struct {
  char     *text;
  gsize     length;
  WeftJTok *tokens;
  guint     n_tokens;
  guint     capacity;
  gint      replaced;        /* the first string token with an escape read
                              * as U+FFFD, or -1 */
  /* When parsing fails: */
  gsize     error_offset;
  char     *error_message;   /* translated; owned, until the next parse */
  /* A tree built with weft_jtokens_add_*(): */
  GString   *own;            /* the text, owned */
  GArray    *open;           /* indexes of the containers not closed yet */
  GPtrArray *nodes;          /* the json-glib value each token was made
                              * from (weft_jtokens_add_node()), or NULL */
  gboolean   glib_numbers;   /* numbers become JsonNodes as json-glib's
                              * parser reads them (see _to_node()) */
} WeftJTokens;

/* Prepares @self (caller-allocated) for weft_jtokens_parse(). */
void         weft_jtokens_init        (WeftJTokens *self);
/* Frees what @self holds (not @self). */
void         weft_jtokens_clear       (WeftJTokens *self);

/* Tokenizes @text (one JSON value, possibly surrounded by white space),
 * which @self borrows. Returns FALSE with error_offset and error_message
 * set when it is not well-formed JSON in UTF-8. Token 0 is the root. */
gboolean     weft_jtokens_parse       (WeftJTokens *self,
                                       char        *text,
                                       gsize        length);

/* The string token @index decoded and NUL-terminated in place (a \u0000
 * becomes U+FFFD, a lone surrogate U+FFFD); borrowed from the text. */
const char  *weft_jtokens_string      (WeftJTokens *self,
                                       guint        index);
/* Whether token @index is the string @literal (no decoding needed). */
gboolean     weft_jtokens_equal       (WeftJTokens *self,
                                       guint        index,
                                       const char  *literal);
/* The value of member @name of the object at @object, or -1. */
gint         weft_jtokens_member      (WeftJTokens *self,
                                       guint        object,
                                       const char  *name);
/* The value @index as a new json-glib tree (owned by the caller). A
 * tree that was parsed makes integers of fewer than 19 characters int64
 * and other numbers doubles; a built one reads them as json-glib's parser
 * does (integers wrap around modulo 2^64, and saturate beyond it, as
 * g_ascii_strtoull()), so that what a .weft file holds is written back as
 * it was read before. A value made from a json-glib one is its copy. */
JsonNode    *weft_jtokens_to_node     (WeftJTokens *self,
                                       guint        index);

/* ---- Building a tree ----------------------------------------------------- */

/* The token type of a value of @kind. */
WeftJTokType weft_jtokens_type_of     (WeftJsonKind          kind);

/* Empties @self for building (what it holds goes, its room stays). */
void         weft_jtokens_reset       (WeftJTokens          *self);
/* Adds a member name before its value: @length bytes at @name, decoded
 * when @escaped (the inside of a lexed string). Returns its token's
 * index. */
guint        weft_jtokens_add_name    (WeftJTokens          *self,
                                       const char           *name,
                                       gsize                 length,
                                       gboolean              escaped);
/* Adds the value another reader lexed in @text (a string is decoded); an
 * object or array stays open, for the values that follow, until
 * weft_jtokens_close(). Returns its token's index. */
guint        weft_jtokens_add_value   (WeftJTokens          *self,
                                       const WeftJsonToken  *lexed,
                                       const char           *text);
/* Closes the innermost open object or array; returns whether nothing is
 * open any more. */
gboolean     weft_jtokens_close       (WeftJTokens          *self);
/* Adds @node (with its members and elements), which @self borrows for
 * weft_jtokens_to_node(). Returns its token's index. */
guint        weft_jtokens_add_node    (WeftJTokens          *self,
                                       JsonNode             *node);

G_END_DECLS
