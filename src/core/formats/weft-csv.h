/* weft-csv.h: RFC 4180 comma-separated values, with positions
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <glib.h>

#include "weft-diagnostics.h"

G_BEGIN_DECLS

typedef struct {
  char  *text;     /* the field, unquoted */
  guint  line;     /* where it starts: 1-based line… */
  guint  column;   /* …and column in characters */
} WeftCsvField;

typedef struct {
  const char *data;
  gsize       length;
  gsize       pos;
  guint       line;        /* line of data[pos] */
  gsize       line_start;  /* offset where that line starts */
  GArray     *fields;      /* WeftCsvField of the last record */
} WeftCsvReader;

/* @data must stay alive while the reader is used; a UTF-8 byte order mark
 * is skipped. */
void      weft_csv_reader_init    (WeftCsvReader  *reader,
                                   const char     *data,
                                   gsize           length);
void      weft_csv_reader_clear   (WeftCsvReader  *reader);

/* Reads the next record into reader->fields. Returns FALSE at the end of
 * the data. A malformed record (text after a closing quote, a quote that
 * is never closed) sets @error (WEFT_ERROR_SYNTAX) with *@line and
 * *@column of the problem; the reader then has moved past it, so reading
 * can go on with the next record. A line break inside quotes is part of
 * the field. Records end at CRLF or LF. */
gboolean  weft_csv_reader_next    (WeftCsvReader  *reader,
                                   guint          *line,
                                   guint          *column,
                                   GError        **error);

/* ---- Tables: what the CSV importers share --------------------------------- */

/* Whether @text (@length bytes), the table @name, is UTF-8. Where it is
 * not, @message goes to @diagnostics as an error at the first bad byte,
 * and @error says "NAME:LINE:COLUMN: MESSAGE" (WEFT_ERROR_SYNTAX). */
gboolean  weft_csv_check_utf8         (const char     *text,
                                       gsize           length,
                                       const char     *name,
                                       const char     *message,
                                       WeftDiagnostics *diagnostics,
                                       GError        **error);
/* Reads the first record as a table's header: the names, stripped of
 * white space. NULL when there is none; a malformed first line also goes
 * to @diagnostics. */
GStrv     weft_csv_reader_next_header (WeftCsvReader  *reader,
                                       WeftDiagnostics *diagnostics);
/* The index of the first of @headers that is @name in any ASCII case, or
 * -1. */
int       weft_csv_find_column        (const char * const *headers,
                                       const char     *name);
/* Whether every field of the record read last is empty: a blank line. */
gboolean  weft_csv_reader_is_blank    (WeftCsvReader  *reader);

/* ---- Writing ----------------------------------------------------------------- */

/* Appends @text as one field, quoted when it holds a comma, a quote, a
 * line break or leading or trailing space. */
void      weft_csv_append_field   (GString        *out,
                                   const char     *text);
/* Appends a record: fields separated by commas, ended by CRLF. */
void      weft_csv_append_record  (GString        *out,
                                   const char * const *fields,
                                   guint           n_fields);

G_END_DECLS
