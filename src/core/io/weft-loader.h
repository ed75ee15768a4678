/* weft-loader.h: reading .weft files
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include "weft-dataset.h"

G_BEGIN_DECLS

/* Loads a .weft file. Every problem goes to @diagnostics (which may be
 * NULL) with its line and column. Returns NULL when the file cannot be read
 * (WEFT_ERROR_IO, WEFT_ERROR_LIMIT), is not JSON (WEFT_ERROR_SYNTAX), was
 * made by a newer Weft (WEFT_ERROR_VERSION) or has errors
 * (WEFT_ERROR_INVALID); the GError then names the file and the first
 * problem. Warnings alone do not stop loading. Returns a new, finished
 * dataset (unref it). */
WeftDataset *weft_dataset_load_file    (GFile            *file,
                                        WeftDiagnostics  *diagnostics,
                                        GCancellable     *cancellable,
                                        GError          **error);
WeftDataset *weft_dataset_load_path    (const char       *path,
                                        WeftDiagnostics  *diagnostics,
                                        GError          **error);
/* The same for a file's contents, which are only read; @name is what
 * messages call the input ("example.weft"). */
WeftDataset *weft_dataset_load_data    (const char       *data,
                                        gsize             length,
                                        const char       *name,
                                        WeftDiagnostics  *diagnostics,
                                        GError          **error);

/* Reads the item arrays of a .weft document ("sources" … "eras", those
 * that @object has) into @dataset, which is not finished yet: for formats
 * that carry Weft items inside their own files (TimelineJS, FtM). Problems
 * go to @diagnostics (may be NULL) by path, as the loader reports them. */
void         weft_dataset_read_json_items (WeftDataset     *dataset,
                                           JsonObject      *object,
                                           WeftDiagnostics *diagnostics);

G_END_DECLS
