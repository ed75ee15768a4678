/* weft-file.h: reading a whole file within Weft's limits, and replacing
 * a file atomically; for every reader and writer of files
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The largest file Weft reads unless WEFT_MAX_FILE_SIZE (bytes) says more. */
#define WEFT_DEFAULT_MAX_FILE_SIZE (G_GUINT64_CONSTANT (512) * 1024 * 1024)

/* Returns the largest file size Weft reads, in bytes. */
guint64      weft_max_file_size         (void);

/* Reads all of @file, after checking that it is not a folder and not
 * larger than weft_max_file_size(). @name is what messages call the file.
 * Errors are WEFT_ERROR_IO and WEFT_ERROR_LIMIT, each starting with @name
 * and saying what to do (or G_IO_ERROR_CANCELLED, when @cancellable is).
 * Returns the contents, newly allocated (g_free()), or NULL on error; they
 * end with a NUL byte not counted in @length. */
char        *weft_file_load_guarded     (GFile           *file,
                                         const char      *name,
                                         gsize           *length,
                                         GCancellable    *cancellable,
                                         GError         **error);

/* Opens @file for reading, after the same checks as
 * weft_file_load_guarded(), and stores its size in @size. Returns a new
 * stream (unref it), or NULL with the same errors. */
GInputStream *weft_file_open_guarded    (GFile           *file,
                                         const char      *name,
                                         guint64         *size,
                                         GCancellable    *cancellable,
                                         GError         **error);

/* What every save and export writes with: @file keeps its previous
 * contents, byte for byte, unless all of @data was written
 * (g_file_replace_contents() renames a half-written file over the
 * original when a write fails). A symbolic link stays a link and the file
 * it points to is replaced. Returns FALSE on error; errors are GIO's. */
gboolean     weft_file_replace_contents (GFile           *file,
                                         const char      *data,
                                         gsize            length,
                                         GCancellable    *cancellable,
                                         GError         **error);

G_END_DECLS
