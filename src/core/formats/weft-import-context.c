/* weft-import-context.c: what every importer shares (strict mode, skipped
 * records, finishing the dataset)
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "weft-error.h"
#include "weft-import-context.h"

gboolean
weft_import_context_stop (WeftImportContext  *ctx,
                          guint               line,
                          guint               column,
                          const char         *message,
                          GError            **error)
{
  if (!ctx->options->strict || ctx->stopped)
    return ctx->stopped;

  ctx->stopped = TRUE;
  if (line > 0)
    g_set_error (error, WEFT_ERROR, WEFT_ERROR_INVALID,
                 _("%s:%u:%u: stopped at the first problem (strict mode): %s"),
                 ctx->name, line, column, message);
  else
    g_set_error (error, WEFT_ERROR, WEFT_ERROR_INVALID,
                 _("%s: stopped at the first problem (strict mode): %s"), ctx->name, message);
  return TRUE;
}

void
weft_import_context_skip (WeftImportContext *ctx)
{
  ctx->summary->n_skipped++;
}

char *
weft_import_context_dup_base_name (WeftImportContext *ctx)
{
  char *base = g_path_get_basename (ctx->name);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return base;
}

WeftDataset *
weft_import_context_finish (WeftImportContext  *ctx,
                            WeftDataset        *dataset_in,
                            GError            **error)
{
  g_autoptr(WeftDataset) dataset = dataset_in;
  g_autoptr(WeftDiagnostics) scratch = NULL;
  guint n;

  if (ctx->stopped)
    return NULL;

  if (weft_dataset_get_title (dataset) == NULL)
    {
      g_autofree char *base = weft_import_context_dup_base_name (ctx);

      weft_dataset_set_title (dataset, base);
    }

  scratch = weft_diagnostics_new (NULL);
  weft_dataset_finish (dataset, scratch);

  n = weft_diagnostics_get_length (scratch);
  for (guint i = 0; i < n; i++)
    {
      const WeftDiagnostic *d = weft_diagnostics_get (scratch, i);

      /* The paths name the converted data, not the input. */
      weft_diagnostics_add (ctx->diagnostics, d->severity, 0, 0, NULL,
                            _("in the converted data, %s: %s"), d->path ? d->path : "", d->message);
    }

  if (weft_diagnostics_get_n_errors (scratch) > 0)
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_INVALID,
                   _("%s: the converted data is not consistent (%s); please report this as a bug"),
                   ctx->name, weft_diagnostics_get (scratch, 0)->message);
      return NULL;
    }

  return g_steal_pointer (&dataset);
}
