/* weft-old-loader.h: the .weft reader before it streamed (json-glib's
 * tree, then a walk over it), kept for the tests that compare the two
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include "weft-dataset.h"

G_BEGIN_DECLS

/* As weft_dataset_load_data() did before it streamed. */
WeftDataset *weft_old_load_data (const char       *data,
                                 gsize             length,
                                 const char       *name,
                                 WeftDiagnostics  *diagnostics,
                                 GError          **error);

G_END_DECLS
