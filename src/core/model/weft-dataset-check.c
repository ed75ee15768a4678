/* weft-dataset-check.c: advice beyond what a valid dataset needs
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "weft-dataset-check.h"
#include "weft-dataset-private.h"

gboolean
weft_claim_is_unsourced (const WeftClaim *claim)
{
  return claim->n_citations == 0;
}

GPtrArray *
weft_dataset_dup_unsourced_claims (WeftDataset *self)
{
  GPtrArray *claims = weft_dataset_get_claims (self);
  GPtrArray *unsourced = g_ptr_array_new ();

  for (guint i = 0; i < claims->len; i++)
    if (weft_claim_is_unsourced (g_ptr_array_index (claims, i)))
      g_ptr_array_add (unsourced, g_ptr_array_index (claims, i));
  return unsourced;
}

guint
weft_dataset_check (WeftDataset     *self,
                    WeftDiagnostics *diagnostics)
{
  g_autoptr(GPtrArray) unsourced = weft_dataset_dup_unsourced_claims (self);

  for (guint i = 0; i < unsourced->len; i++)
    {
      g_autofree char *path = weft_item_path (g_ptr_array_index (unsourced, i), "citations");

      weft_diagnostics_warning_at (diagnostics, path,
                                   _("the claim cites no source; add a citation with the quote that supports it"));
    }
  return unsourced->len;
}
