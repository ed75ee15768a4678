/* weft-text.h: showing text from files without letting it act
 *
 * Names, quotes and ids come from files other people made. Shown in a
 * terminal, an ESC byte starts an escape sequence (colours, titles,
 * cursor moves, even "write this to the clipboard"); bidirectional
 * overrides and zero-width characters make text read differently from
 * what it is. Anything that prints or quotes text from a file passes it
 * through weft_text_escape() first.
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Returns TRUE for the characters weft_text_escape() writes as escapes: C0 and C1
 * controls, DEL, the line and paragraph separators, and format characters
 * (bidirectional overrides, zero-width characters…). */
gboolean weft_text_is_unsafe (gunichar    c);

/* A copy of @text (@length bytes, or up to its NUL when -1) that is valid
 * UTF-8 (invalid bytes become U+FFFD) with every unsafe character written
 * as an escape: \t, \n and \r, else \u{XXXX} with the code point. Other
 * text, backslashes included, is unchanged, so escaping twice changes
 * nothing. NULL gives NULL. Newly allocated: free it with g_free(). */
char    *weft_text_escape    (const char *text,
                              gssize      length);

/* Positions in files are lines and columns counted in characters, from 1:
 * the one way every reader turns a byte offset into what it reports. */

/* Returns the number of characters in @length bytes of UTF-8 (which may
 * hold NUL bytes): the bytes that start one. */
guint    weft_utf8_count_chars     (const char *text,
                                    gsize       length);
/* Moves the position (@line, @column) over @length bytes of @text: a
 * newline goes to column 1 of the next line, any other character one
 * column on. */
void     weft_text_advance_position (const char *text,
                                     gsize       length,
                                     guint      *line,
                                     guint      *column);

G_END_DECLS
