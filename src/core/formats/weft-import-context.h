/* weft-import-context.h: what every importer shares
 *
 * The registry (weft-formats.c) makes one context per import and hands it
 * to an importer; the importer reports through it, counts what it skips
 * and finishes its dataset with it. The arrows run one way: registry ->
 * importer -> context. Neither an importer nor this file includes the
 * registry's header (weft-formats.h).
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include "weft-dataset.h"
#include "weft-format-types.h"

G_BEGIN_DECLS

typedef struct {
  WeftDiagnostics         *diagnostics;   /* never NULL */
  const WeftImportOptions *options;       /* never NULL */
  WeftImportSummary       *summary;       /* never NULL */
  const char              *name;          /* the input, for messages */
  gboolean                 stopped;       /* strict mode met a problem */
} WeftImportContext;

/* In strict mode, the first problem stops the import: sets ->stopped and
 * @error ("NAME:LINE:COLUMN: stopped at the first problem (strict mode):
 * MESSAGE", without LINE:COLUMN when @line is 0). Later problems leave
 * @error alone. Returns ->stopped. */
gboolean     weft_import_context_stop     (WeftImportContext *ctx,
                                           guint              line,
                                           guint              column,
                                           const char        *message,
                                           GError           **error);

/* Counts a record that could not be read and was left out. */
void         weft_import_context_skip     (WeftImportContext *ctx);

/* The input's file name without folder and extension ("timeline" from
 * "/tmp/timeline.json"): the title of a dataset that names none. */
char        *weft_import_context_dup_base_name (WeftImportContext *ctx);

/* Finishes an import with @dataset, which it takes. NULL when strict mode
 * stopped the import (the error is set then), or with @error set when
 * the dataset is not consistent: reference problems, which importers
 * avoid, are copied to the diagnostics as errors. Otherwise the finished
 * dataset, titled after the input when it has no title. */
WeftDataset *weft_import_context_finish   (WeftImportContext *ctx,
                                           WeftDataset       *dataset,
                                           GError           **error);

G_END_DECLS
