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

/* TRUE for the characters weft_text_escape() writes as escapes: C0 and C1
 * controls, DEL, the line and paragraph separators, and format characters
 * (bidirectional overrides, zero-width characters…). */
gboolean weft_text_is_unsafe (gunichar    c);

/* A copy of @text (@length bytes, or up to its NUL when -1) that is valid
 * UTF-8 (invalid bytes become U+FFFD) with every unsafe character written
 * as an escape: \t, \n and \r, else \u{XXXX} with the code point. Other
 * text, backslashes included, is unchanged, so escaping twice changes
 * nothing. NULL gives NULL. */
char    *weft_text_escape    (const char *text,
                              gssize      length);

G_END_DECLS
