/* weft-hash.h: hashing text that comes from files
 *
 * g_str_hash() is djb2: anyone can write thousands of different strings
 * with the same hash ("aB" and "b!" hash alike, and so does every string
 * built from those two blocks), and a GHashTable of them slows to a crawl
 * (65,536 such ids took 93 s to load instead of 0.5 s). Tables keyed by
 * text from a file use weft_str_hash(): SipHash-1-3 with a random key
 * chosen once per process, so collisions cannot be prepared in a file.
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A GHashFunc for NUL-terminated strings; use with g_str_equal().
 * Returns the hash of @key (a const char *). */
guint    weft_str_hash  (gconstpointer  key);

/* Returns the SipHash-c-d of @length bytes with the 16-byte @key (for
 * tests). */
guint64  weft_siphash   (const guint8  *key,
                         const void    *data,
                         gsize          length,
                         guint          c_rounds,
                         guint          d_rounds);

G_END_DECLS
