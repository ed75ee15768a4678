/* weft-record-reader.h: a stream of records, JSON lines or the elements
 * of one JSON array, each with where it starts
 *
 * A bulk file (FollowTheMoney, hundreds of megabytes) is read a record at
 * a time through one buffer that grows only to the longest record. The
 * first character says the mode: "[" makes every element of the array a
 * record, anything else makes every non-blank line one. A record is
 * handed out in place, inside the buffer, so the caller may decode it
 * where it lies (weft-json-tokens.c does); it is valid until the next
 * call. Records longer than a limit are skipped whole and reported, so one
 * broken line cannot take all memory.
 *
 * The reader does not check JSON: in array mode it only follows strings
 * and nesting to find where an element ends.
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  WEFT_RECORD_OK,
  WEFT_RECORD_END,        /* no more records */
  WEFT_RECORD_TOO_LONG,   /* longer than the limit: skipped, and the next
                           * record follows; but an array element whose end
                           * was not yet read when it passed the limit ends
                           * the array */
  WEFT_RECORD_BROKEN,     /* array mode: an element that never ends; the last record */
  WEFT_RECORD_ERROR,      /* the stream failed; @error says how */
} WeftRecordStatus;

typedef struct {
  char    *text;     /* in the reader's buffer; line mode ends it with a NUL
                      * in place of the line break */
  gsize    length;   /* bytes, without the line break */
  guint64  line;     /* where it starts, from 1 */
  guint    column;   /* in characters, from 1 (always 1 in line mode) */
} WeftRecord;

typedef struct _WeftRecordReader WeftRecordReader;

/* Reads @stream (which it keeps a reference to) up to its first
 * character to tell the mode; a UTF-8 byte order mark is skipped. Records
 * longer than @max_record bytes are skipped. NULL with @error set when
 * the stream fails. */
WeftRecordReader *weft_record_reader_new           (GInputStream      *stream,
                                                    gsize              max_record,
                                                    GError           **error);
void              weft_record_reader_free          (WeftRecordReader  *reader);

/* Whether the records are the elements of a JSON array. */
gboolean          weft_record_reader_is_array      (WeftRecordReader  *reader);
gsize             weft_record_reader_get_max_record (WeftRecordReader *reader);

/* The next record in @record: its text and length with OK; its line and
 * column with OK, TOO_LONG and BROKEN. */
WeftRecordStatus  weft_record_reader_next          (WeftRecordReader  *reader,
                                                    WeftRecord        *record,
                                                    GError           **error);

/* The line and column (in characters) of byte @offset of @record. */
void              weft_record_position             (const WeftRecord  *record,
                                                    gsize              offset,
                                                    guint             *line,
                                                    guint             *column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WeftRecordReader, weft_record_reader_free)

G_END_DECLS
