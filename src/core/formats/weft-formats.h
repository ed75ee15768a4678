/* weft-formats.h: the file formats Weft reads and writes
 *
 * One entry point for every format: weft_import_file() recognises the
 * format from the content (the extension is only a hint) and returns a
 * finished dataset; weft_export_file() writes one. The window uses the
 * same calls (open, drag and drop, Save As) as `weft convert`.
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include "weft-dataset.h"
#include "weft-format-types.h"

G_BEGIN_DECLS

typedef enum {
  WEFT_FORMAT_CAN_IMPORT = 1 << 0,
  WEFT_FORMAT_CAN_EXPORT = 1 << 1,
} WeftFormatFlags;

typedef struct {
  WeftFormat           format;
  const char          *name;        /* "timelinejs", as `--from` and `--to` take it */
  const char          *label;       /* untranslated; show with weft_format_info_get_label() */
  const char          *extension;   /* the one Save As proposes, without the dot */
  const char * const  *extensions;  /* every extension recognised, NULL-terminated */
  const char          *mime_type;
  WeftFormatFlags      flags;
} WeftFormatInfo;

/* Every format but AUTO, in a stable order. */
const WeftFormatInfo *weft_format_get_info       (WeftFormat             format);
const WeftFormatInfo * const *weft_formats_list  (guint                 *n_formats);
/* Translated label, "TimelineJS (JSON)". */
const char           *weft_format_info_get_label (const WeftFormatInfo  *info);
gboolean              weft_format_from_name      (const char            *name,
                                                  WeftFormat            *format);
/* "timelinejs, timelinejs-csv, …": the names accepted by `--from`/`--to`. */
char                 *weft_format_names          (WeftFormatFlags        flags);

/* The format a file name's extension suggests for export (".gexf" ->
 * GEXF), or AUTO when it says nothing. */
WeftFormat            weft_format_for_export_name (const char           *filename);
/* Recognises an input from its first bytes (the more the better, at
 * least the first line), with @filename's extension as a hint when the
 * content alone cannot tell. AUTO when unknown. */
WeftFormat            weft_format_detect         (const char            *data,
                                                  gsize                  length,
                                                  const char            *filename);

/* ---- Import -------------------------------------------------------------- */

/* WeftImportOptions and WeftImportSummary are in weft-format-types.h,
 * which the importers share without knowing this registry. */

/* Reads @file in @format (or the one recognised with AUTO). @options and
 * @diagnostics may be NULL. Every problem goes to @diagnostics with its
 * line (and column where there is one). A record that cannot be read is
 * reported as an error and left out, and the import goes on; with
 * options->strict the first problem of any kind stops it. Returns NULL
 * with WEFT_ERROR_IO (unreadable), WEFT_ERROR_LIMIT, WEFT_ERROR_SYNTAX
 * (not the format at all), WEFT_ERROR_FORMAT (unknown or export-only
 * format), WEFT_ERROR_NOT_FOUND (no such focus) or WEFT_ERROR_INVALID
 * (strict, or a .weft file with errors). */
WeftDataset          *weft_import_file           (GFile                   *file,
                                                  WeftFormat               format,
                                                  const WeftImportOptions *options,
                                                  WeftDiagnostics         *diagnostics,
                                                  GError                 **error);

/* ---- Export -------------------------------------------------------------- */

/* Writes @dataset to @file atomically (a half-written file never replaces
 * an old one). @format AUTO picks it from the extension. CSV writes one
 * table per kind of item: into @file as a folder ("out/entities.csv", …),
 * or, when @file's name ends in ".csv", beside it ("out.csv" ->
 * "out-entities.csv", …). The dataset must be finished. */
gboolean              weft_export_file           (WeftDataset             *dataset,
                                                  GFile                   *file,
                                                  WeftFormat               format,
                                                  GError                 **error);
/* Single-file formats only (not CSV), to a stream the caller closes. */
gboolean              weft_export_stream         (WeftDataset             *dataset,
                                                  GOutputStream           *stream,
                                                  WeftFormat               format,
                                                  GError                 **error);

/* @story of @dataset as a TimelineJS timeline (JSON): the story's title
 * on the title slide, then one slide a step in the story's order, each
 * with the step's note above its text: an event's slide, or a view's
 * title and note dated by the start of its span (else of its window).
 * TimelineJS orders slides by their start date and keeps ties in the
 * order given, so a step dated before the step before it, or undated,
 * starts where that one does and shows its own date (or "Undated");
 * *@n_moved (nullable) receives how many did. Its eras are the dataset's. */
GBytes               *weft_export_timelinejs_story (WeftDataset         *dataset,
                                                    const WeftStory     *story,
                                                    guint               *n_moved);

G_END_DECLS
