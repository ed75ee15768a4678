/* weft-loader.h: reading and writing .weft files
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include "weft-dataset.h"

G_BEGIN_DECLS

/* The largest file Weft reads unless WEFT_MAX_FILE_SIZE (bytes) says more. */
#define WEFT_DEFAULT_MAX_FILE_SIZE (G_GUINT64_CONSTANT (512) * 1024 * 1024)

guint64      weft_max_file_size        (void);

/* Loads a .weft file. Every problem goes to @diagnostics (which may be
 * NULL) with its line and column. Returns NULL when the file cannot be read
 * (WEFT_ERROR_IO, WEFT_ERROR_LIMIT), is not JSON (WEFT_ERROR_SYNTAX), was
 * made by a newer Weft (WEFT_ERROR_VERSION) or has errors
 * (WEFT_ERROR_INVALID); the GError then names the file and the first
 * problem. Warnings alone do not stop loading. */
WeftDataset *weft_dataset_load_file    (GFile            *file,
                                        WeftDiagnostics  *diagnostics,
                                        GCancellable     *cancellable,
                                        GError          **error);
WeftDataset *weft_dataset_load_path    (const char       *path,
                                        WeftDiagnostics  *diagnostics,
                                        GError          **error);
/* @name is what messages call the input ("example.weft"). */
WeftDataset *weft_dataset_load_data    (const char       *data,
                                        gsize             length,
                                        const char       *name,
                                        WeftDiagnostics  *diagnostics,
                                        GError          **error);

/* Stable, readable JSON (two-space indent, members in a fixed order, then
 * unknown members as they were). */
char        *weft_dataset_to_data      (WeftDataset      *self,
                                        gsize            *length);
/* Writes atomically: the old file stays whole until the new one is
 * complete. */
gboolean     weft_dataset_save         (WeftDataset      *self,
                                        GFile            *file,
                                        GCancellable     *cancellable,
                                        GError          **error);
gboolean     weft_dataset_save_path    (WeftDataset      *self,
                                        const char       *path,
                                        GError          **error);

/* json_generator_to_data(), with the control character json-glib 1.6
 * writes raw (U+001F) escaped, so that the JSON is valid: for every JSON
 * text Weft writes with a JsonGenerator. */
char        *weft_json_generator_to_data (JsonGenerator  *generator,
                                          gsize          *length);

/* What weft_dataset_save() writes with, for exporters too: @file keeps
 * its previous contents, byte for byte, unless all of @data was written
 * (g_file_replace_contents() renames a half-written file over the
 * original when a write fails). Errors are GIO's. */
gboolean     weft_file_replace_contents (GFile           *file,
                                         const char      *data,
                                         gsize            length,
                                         GCancellable    *cancellable,
                                         GError         **error);

/* Reads the item arrays of a .weft document ("sources" … "eras", those
 * that @object has) into @dataset, which is not finished yet: for formats
 * that carry Weft items inside their own files (TimelineJS, FtM). Problems
 * go to @diagnostics (may be NULL) by path, as the loader reports them. */
void         weft_dataset_read_json_items (WeftDataset     *dataset,
                                           JsonObject      *object,
                                           WeftDiagnostics *diagnostics);

G_END_DECLS
