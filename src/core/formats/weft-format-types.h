/* weft-format-types.h: the plain types the registry shares with the
 * importers
 *
 * The registry (weft-formats.h) and the importers below it both need
 * these; keeping them here lets an importer see the options and the
 * summary without including the registry.
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  WEFT_FORMAT_AUTO,             /* import: recognise from the content */
  WEFT_FORMAT_WEFT,             /* .weft JSON */
  WEFT_FORMAT_TIMELINEJS,       /* TimelineJS JSON, v3 (and legacy v2 on import) */
  WEFT_FORMAT_TIMELINEJS_CSV,   /* the TimelineJS spreadsheet template as CSV */
  WEFT_FORMAT_FTM,              /* FollowTheMoney JSON lines (or a JSON array) */
  WEFT_FORMAT_CSV,              /* import: an events table; export: one table per kind of item */
  WEFT_FORMAT_GRAPHML,          /* export only */
  WEFT_FORMAT_GEXF,             /* export only */
  WEFT_FORMAT_DOT,              /* export only */
  WEFT_N_FORMATS
} WeftFormat;

typedef struct {
  WeftFormat format;      /* what was read */
  guint      n_records;   /* lines, slides or rows read */
  guint      n_skipped;   /* records that could not be read and were left out */
  guint      n_outside;   /* records outside the --focus neighbourhood */
  guint      n_passes;    /* times the file was read (FtM with a focus: several) */
} WeftImportSummary;

typedef struct {
  gboolean           strict;   /* any problem, even a warning, makes the import fail */
  const char        *focus;    /* FtM: keep only this entity's neighbourhood… */
  guint              hops;     /* …within this many links */
  WeftImportSummary *summary;  /* filled in when not NULL */
  const struct _WeftLoadOptions *load; /* .weft: cancellation and progress
                                        * (weft-loader.h), or NULL */
} WeftImportOptions;

G_END_DECLS
