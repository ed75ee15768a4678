/* weft-loader.h: reading .weft files
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include "weft-dataset.h"

G_BEGIN_DECLS

/* How far a load has got: @done bytes of @total (the file's size). It is
 * called on the thread that loads, about every 1 % of the file and once
 * at the end of the text. */
typedef void (*WeftLoadProgressFunc) (guint64   done,
                                      guint64   total,
                                      gpointer  user_data);

typedef struct _WeftLoadOptions {
  GCancellable         *cancellable;    /* stops the load soon after it
                                         * is cancelled (G_IO_ERROR_CANCELLED) */
  WeftLoadProgressFunc  progress;       /* or NULL */
  gpointer              progress_data;
  gsize                 chunk_size;     /* bytes read at a time; 0 for the
                                         * default (tests make it small) */
} WeftLoadOptions;

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
/* The same with @options (which may be NULL); a cancelled load returns
 * NULL with G_IO_ERROR_CANCELLED and adds no diagnostic. */
WeftDataset *weft_dataset_load_file_with_options (GFile                  *file,
                                                  const WeftLoadOptions  *options,
                                                  WeftDiagnostics        *diagnostics,
                                                  GError                **error);
/* The same for the .weft text @stream gives (@size bytes, for the
 * progress; 0 when not known); @name is what messages call it. The size
 * limit is the caller's to check. */
WeftDataset *weft_dataset_load_stream  (GInputStream           *stream,
                                        const char             *name,
                                        guint64                 size,
                                        const WeftLoadOptions  *options,
                                        WeftDiagnostics        *diagnostics,
                                        GError                **error);
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
