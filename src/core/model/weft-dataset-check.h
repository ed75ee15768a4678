/* weft-dataset-check.h: advice beyond what a valid dataset needs
 *
 * A claim that cites no source can be saved: it is drawn as unsourced,
 * and `weft validate` warns about it where it is.
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include "weft-dataset.h"

G_BEGIN_DECLS

/* Whether @claim cites no source. */
gboolean   weft_claim_is_unsourced           (const WeftClaim *claim);
/* The claims that cite no source, in file order: a new array of borrowed
 * WeftClaim * (unref it). */
GPtrArray *weft_dataset_dup_unsourced_claims (WeftDataset     *self);
/* Adds a warning by JSON path to @diagnostics for each piece of advice (a
 * claim that cites no source: "claims[3].citations"); returns how many. */
guint      weft_dataset_check                (WeftDataset     *self,
                                              WeftDiagnostics *diagnostics);

G_END_DECLS
