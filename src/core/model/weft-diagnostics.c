/* weft-diagnostics.c
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "weft-dataset-private.h"
#include "weft-text.h"

struct _WeftDiagnostics
{
  char   *file;
  GArray *items;      /* WeftDiagnostic */
  guint   n_errors;
  guint   n_warnings;
  guint   n_dropped;
};

static void
diagnostic_clear (gpointer data)
{
  WeftDiagnostic *d = data;

  g_clear_pointer (&d->path, g_free);
  g_clear_pointer (&d->message, g_free);
}

WeftDiagnostics *
weft_diagnostics_new (const char *file)
{
  WeftDiagnostics *self = g_new0 (WeftDiagnostics, 1);

  self->file = g_strdup (file);
  self->items = g_array_new (FALSE, TRUE, sizeof (WeftDiagnostic));
  g_array_set_clear_func (self->items, diagnostic_clear);

  return self;
}

void
weft_diagnostics_free (WeftDiagnostics *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->items);
  g_free (self->file);
  g_free (self);
}

const char *
weft_diagnostics_get_file (WeftDiagnostics *self)
{
  return self->file;
}

void
weft_diagnostics_set_file (WeftDiagnostics *self,
                           const char      *file)
{
  if (self->file == file)
    return;

  g_free (self->file);
  self->file = g_strdup (file);
}

void
weft_diagnostics_add (WeftDiagnostics *self,
                      WeftSeverity     severity,
                      guint            line,
                      guint            column,
                      const char      *path,
                      const char      *format,
                      ...)
{
  g_autofree char *message = NULL;
  WeftDiagnostic d = { 0 };
  va_list args;

  g_return_if_fail (self != NULL);

  if (severity == WEFT_SEVERITY_ERROR)
    self->n_errors++;
  else
    self->n_warnings++;

  if (self->items->len >= WEFT_DIAGNOSTICS_MAX)
    {
      self->n_dropped++;
      return;
    }

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  d.severity = severity;
  d.line = line;
  d.column = column;
  d.path = g_strdup (path);
  /* Messages quote names and values from the file: never let them carry
   * a terminal escape or a bidirectional override (weft-text.h). */
  d.message = weft_text_escape (message, -1);
  g_array_append_val (self->items, d);
}

guint
weft_diagnostics_get_length (WeftDiagnostics *self)
{
  return self->items->len;
}

const WeftDiagnostic *
weft_diagnostics_get (WeftDiagnostics *self,
                      guint            index)
{
  g_return_val_if_fail (index < self->items->len, NULL);

  return &g_array_index (self->items, WeftDiagnostic, index);
}

guint
weft_diagnostics_get_n_errors (WeftDiagnostics *self)
{
  return self->n_errors;
}

guint
weft_diagnostics_get_n_warnings (WeftDiagnostics *self)
{
  return self->n_warnings;
}

guint
weft_diagnostics_get_n_dropped (WeftDiagnostics *self)
{
  return self->n_dropped;
}

typedef struct {
  WeftDiagnostic d;
  guint          order;
} Sortable;

static int
compare_sortable (gconstpointer a,
                  gconstpointer b)
{
  const Sortable *x = a;
  const Sortable *y = b;

  /* Unknown positions (0) go last. */
  guint xl = x->d.line ? x->d.line : G_MAXUINT;
  guint yl = y->d.line ? y->d.line : G_MAXUINT;

  if (xl != yl)
    return xl < yl ? -1 : 1;
  if (x->d.column != y->d.column)
    return x->d.column < y->d.column ? -1 : 1;
  return x->order < y->order ? -1 : (x->order > y->order);
}

void
weft_diagnostics_sort (WeftDiagnostics *self)
{
  g_autofree Sortable *tmp = NULL;
  guint n = self->items->len;

  if (n < 2)
    return;

  tmp = g_new (Sortable, n);
  for (guint i = 0; i < n; i++)
    {
      tmp[i].d = g_array_index (self->items, WeftDiagnostic, i);
      tmp[i].order = i;
    }
  qsort (tmp, n, sizeof (Sortable), compare_sortable);
  for (guint i = 0; i < n; i++)
    g_array_index (self->items, WeftDiagnostic, i) = tmp[i].d;
}

char *
weft_diagnostic_format (const WeftDiagnostic *d,
                        const char           *file)
{
  GString *s = g_string_new (NULL);

  /* The path keeps member names as they are in the file (the loader looks
   * them up); the file name may hold anything too: escape both here. */
  if (file != NULL)
    {
      g_autofree char *safe_file = weft_text_escape (file, -1);

      g_string_append (s, safe_file);
      if (d->line > 0)
        {
          g_string_append_printf (s, ":%u", d->line);
          if (d->column > 0)
            g_string_append_printf (s, ":%u", d->column);
        }
      g_string_append (s, ": ");
    }

  g_string_append (s, d->severity == WEFT_SEVERITY_ERROR ? _("error") : _("warning"));
  g_string_append (s, ": ");
  if (d->path != NULL && d->path[0] != '\0')
    {
      g_autofree char *safe_path = weft_text_escape (d->path, -1);

      g_string_append_printf (s, "%s: ", safe_path);
    }
  g_string_append (s, d->message);

  return g_string_free (s, FALSE);
}

char *
weft_diagnostics_format_all (WeftDiagnostics *self)
{
  g_autofree char *safe_file = weft_text_escape (self->file, -1);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      g_autofree char *line = weft_diagnostic_format (weft_diagnostics_get (self, i), self->file);

      g_string_append (s, line);
      g_string_append_c (s, '\n');
    }

  if (self->n_dropped > 0)
    {
      g_string_append_printf (s,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%s: %u more problem not shown\n",
                                           "%s: %u more problems not shown\n",
                                           self->n_dropped),
                              safe_file ? safe_file : "-", self->n_dropped);
    }

  return g_string_free (s, FALSE);
}

void
weft_diagnostics_set_position (WeftDiagnostics *self,
                               guint            index,
                               guint            line,
                               guint            column)
{
  WeftDiagnostic *d;

  g_return_if_fail (index < self->items->len);

  d = &g_array_index (self->items, WeftDiagnostic, index);
  d->line = line;
  d->column = column;
}
