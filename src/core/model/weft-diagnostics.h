/* weft-diagnostics.h: problems found in an input file, compiler style
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  WEFT_SEVERITY_WARNING,
  WEFT_SEVERITY_ERROR,
} WeftSeverity;

typedef struct {
  WeftSeverity severity;
  guint        line;     /* 1-based; 0 when unknown */
  guint        column;   /* 1-based, in characters; 0 when unknown */
  char        *path;     /* JSON path such as "entities[3].kind", or NULL; member
                          * names as in the file: pass it through
                          * weft_text_escape() before showing it */
  char        *message;  /* translated, without the path; text quoted from
                          * the file is already escaped (weft-text.h) */
} WeftDiagnostic;

typedef struct _WeftDiagnostics WeftDiagnostics;

/* At most this many diagnostics are kept; the rest are only counted. */
#define WEFT_DIAGNOSTICS_MAX 1000

/* A new, empty list for problems in @file (copied; may be NULL); free it
 * with weft_diagnostics_free(). */
WeftDiagnostics      *weft_diagnostics_new          (const char            *file);
void                  weft_diagnostics_free         (WeftDiagnostics       *self);
/* The file name, borrowed (or NULL); set_file copies @file. */
const char           *weft_diagnostics_get_file     (WeftDiagnostics       *self);
void                  weft_diagnostics_set_file     (WeftDiagnostics       *self,
                                                     const char            *file);

/* Adds a problem; @path (may be NULL) is copied, the message formatted and
 * escaped (weft-text.h). */
void                  weft_diagnostics_add          (WeftDiagnostics       *self,
                                                     WeftSeverity           severity,
                                                     guint                  line,
                                                     guint                  column,
                                                     const char            *path,
                                                     const char            *format,
                                                     ...) G_GNUC_PRINTF (6, 7);
/* Shorthands for a problem located by its JSON path only; the loader turns
 * paths into lines and columns before anyone reads them. */
#define weft_diagnostics_error_at(self, path, ...) \
  weft_diagnostics_add ((self), WEFT_SEVERITY_ERROR, 0, 0, (path), __VA_ARGS__)
#define weft_diagnostics_warning_at(self, path, ...) \
  weft_diagnostics_add ((self), WEFT_SEVERITY_WARNING, 0, 0, (path), __VA_ARGS__)

/* How many are kept, and the one at @index (borrowed: valid until the list
 * changes); then how many of each severity were reported, kept or not. */
guint                 weft_diagnostics_get_length   (WeftDiagnostics       *self);
const WeftDiagnostic *weft_diagnostics_get          (WeftDiagnostics       *self,
                                                     guint                  index);
guint                 weft_diagnostics_get_n_errors   (WeftDiagnostics     *self);
guint                 weft_diagnostics_get_n_warnings (WeftDiagnostics     *self);
/* How many were reported beyond WEFT_DIAGNOSTICS_MAX and not kept. */
guint                 weft_diagnostics_get_n_dropped  (WeftDiagnostics     *self);

/* Sorts by line then column, keeping the report order for ties. */
void                  weft_diagnostics_sort         (WeftDiagnostics       *self);

/* "FILE:LINE:COLUMN: error: PATH: message" (parts that are unknown are left
 * out), with control characters in the file name and path escaped. Newly
 * allocated (g_free()). */
char                 *weft_diagnostic_format        (const WeftDiagnostic  *diagnostic,
                                                     const char            *file);
/* Every diagnostic, one a line, then a "N more problems" line when some
 * were dropped. Newly allocated (g_free()). */
char                 *weft_diagnostics_format_all   (WeftDiagnostics       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WeftDiagnostics, weft_diagnostics_free)

G_END_DECLS
