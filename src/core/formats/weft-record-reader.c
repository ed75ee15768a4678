/* weft-record-reader.c: JSON lines or the elements of a JSON array, a
 * record at a time, in place, with where each starts
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <string.h>

#include "weft-record-reader.h"
#include "weft-text.h"

/* The buffer's first size; it doubles while a record does not fit. */
#define FIRST_BUFFER_SIZE (1024 * 1024)

struct _WeftRecordReader {
  GInputStream *stream;
  char         *buf;
  gsize         cap;
  gsize         start;       /* first byte not consumed */
  gsize         end;         /* end of the data read */
  gboolean      eof;
  gboolean      array;       /* a JSON array of records, not lines */
  gboolean      array_done;
  guint64       line;        /* line of buf[start] (1-based) */
  guint         column;      /* column of buf[start] (array mode) */
  gsize         max_record;
};

/* Moves what is left to the start of the buffer, grows it when full, and
 * reads what the stream gives. */
static gboolean
reader_fill (WeftRecordReader  *r,
             GError           **error)
{
  gssize n;

  if (r->start > 0)
    {
      memmove (r->buf, r->buf + r->start, r->end - r->start);
      r->end -= r->start;
      r->start = 0;
    }
  if (r->end + 1 >= r->cap)
    {
      r->cap *= 2;
      r->buf = g_realloc (r->buf, r->cap);
    }

  n = g_input_stream_read (r->stream, r->buf + r->end, r->cap - 1 - r->end, NULL, error);
  if (n < 0)
    return FALSE;
  if (n == 0)
    r->eof = TRUE;
  r->end += n;
  return TRUE;
}

/* The next line, without its line break; blank lines are skipped. */
static WeftRecordStatus
next_line (WeftRecordReader  *r,
           WeftRecord        *record,
           GError           **error)
{
  gsize scan = r->start;
  gboolean skipping = FALSE;

  for (;;)
    {
      char *nl = memchr (r->buf + scan, '\n', r->end - scan);

      if (nl != NULL || (r->eof && r->start < r->end))
        {
          gsize stop = nl ? (gsize) (nl - r->buf) : r->end;
          gsize begin = r->start;
          gsize len = stop - begin;

          record->line = r->line;
          r->line++;
          r->start = nl ? stop + 1 : stop;
          scan = r->start;

          if (skipping || len > r->max_record)
            return WEFT_RECORD_TOO_LONG;

          if (len > 0 && r->buf[begin + len - 1] == '\r')
            len--;
          /* Blank lines separate nothing; skip them. */
          {
            gsize k = 0;
            while (k < len && g_ascii_isspace (r->buf[begin + k]))
              k++;
            if (k == len)
              continue;
          }

          r->buf[begin + len] = '\0';
          record->text = r->buf + begin;
          record->length = len;
          return WEFT_RECORD_OK;
        }

      if (r->eof)
        return WEFT_RECORD_END;

      if (r->end - r->start > r->max_record)
        {
          /* Drop what there is of the line and read on to its end. */
          skipping = TRUE;
          r->start = r->end;
        }
      scan = r->end - r->start;
      if (!reader_fill (r, error))
        return WEFT_RECORD_ERROR;
      scan += r->start;
    }
}

/* The next element of a JSON array: from its first character to where it
 * ends, tracking strings and nesting. */
static WeftRecordStatus
next_element (WeftRecordReader  *r,
              WeftRecord        *record,
              GError           **error)
{
  gsize scan;
  int depth = 0;
  gboolean in_string = FALSE, escape = FALSE;
  guint64 lines_inside = 0;
  gsize after_last_nl = 0;   /* offset in the element just past its last line break */

  if (r->array_done)
    return WEFT_RECORD_END;

  /* Skip white space and the comma between elements. */
  for (;;)
    {
      while (r->start < r->end && (g_ascii_isspace (r->buf[r->start]) || r->buf[r->start] == ','))
        {
          if (r->buf[r->start] == '\n')
            r->line++, r->column = 1;
          else
            r->column++;
          r->start++;
        }
      if (r->start < r->end)
        break;
      if (r->eof)
        return WEFT_RECORD_END;
      if (!reader_fill (r, error))
        return WEFT_RECORD_ERROR;
    }

  if (r->buf[r->start] == ']')
    {
      r->array_done = TRUE;
      return WEFT_RECORD_END;
    }

  scan = 0;   /* relative to r->start, which reader_fill may move */
  for (;;)
    {
      while (r->start + scan < r->end)
        {
          char c = r->buf[r->start + scan++];

          if (c == '\n')
            {
              lines_inside++;
              after_last_nl = scan;
            }
          if (in_string)
            {
              if (escape)
                escape = FALSE;
              else if (c == '\\')
                escape = TRUE;
              else if (c == '"')
                in_string = FALSE;
              continue;
            }
          if (c == '"')
            in_string = TRUE;
          else if (c == '{' || c == '[')
            depth++;
          else if (c == '}' || c == ']')
            depth--;
          else if (depth == 0 && (c == ',' || g_ascii_isspace (c)))
            {
              scan--;   /* a scalar ends before this */
              if (c == '\n')
                lines_inside--;
              goto done;
            }

          if (depth <= 0 && (c == '}' || c == ']'))
            goto done;
        }

      if (r->eof)
        {
          record->line = r->line;
          record->column = r->column;
          r->line += lines_inside;
          r->start = r->end;
          r->array_done = TRUE;
          return WEFT_RECORD_BROKEN;
        }
      if (scan > r->max_record)
        {
          record->line = r->line;
          record->column = r->column;
          r->array_done = TRUE;
          return WEFT_RECORD_TOO_LONG;
        }
      if (!reader_fill (r, error))
        return WEFT_RECORD_ERROR;
    }

done:
  record->line = r->line;
  record->column = r->column;
  if (scan <= r->max_record)
    {
      record->text = r->buf + r->start;
      record->length = scan;
    }

  /* The next element's position, also after one that is too long. */
  r->line += lines_inside;
  if (lines_inside > 0)
    r->column = 1 + weft_utf8_count_chars (r->buf + r->start + after_last_nl, scan - after_last_nl);
  else
    r->column += weft_utf8_count_chars (r->buf + r->start, scan);
  r->start += scan;
  return scan <= r->max_record ? WEFT_RECORD_OK : WEFT_RECORD_TOO_LONG;
}


WeftRecordReader *
weft_record_reader_new (GInputStream  *stream,
                        gsize          max_record,
                        GError       **error)
{
  g_autoptr(WeftRecordReader) r = g_new0 (WeftRecordReader, 1);

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  r->stream = g_object_ref (stream);
  r->cap = FIRST_BUFFER_SIZE;
  r->buf = g_malloc (r->cap);
  r->line = 1;
  r->column = 1;
  r->max_record = max_record;

  /* A JSON array or JSON lines: the first character says, after white
   * space and a byte order mark (a stream may hand out fewer bytes than
   * that at a time). */
  for (;;)
    {
      gsize have;

      while (r->start < r->end && g_ascii_isspace (r->buf[r->start]))
        {
          if (r->buf[r->start] == '\n')
            r->line++, r->column = 1;
          else
            r->column++;
          r->start++;
        }
      have = r->end - r->start;
      if (r->eof || (have > 0 && (r->buf[r->start] != '\xEF' || have >= 4)))
        break;
      if (!reader_fill (r, error))
        return NULL;
    }
  if (r->start + 3 <= r->end && memcmp (r->buf + r->start, "\xEF\xBB\xBF", 3) == 0)
    r->start += 3;
  if (r->start < r->end && r->buf[r->start] == '[')
    {
      r->array = TRUE;
      r->start++;
      r->column++;
    }

  return g_steal_pointer (&r);
}

void
weft_record_reader_free (WeftRecordReader *r)
{
  if (r == NULL)
    return;
  g_clear_object (&r->stream);
  g_free (r->buf);
  g_free (r);
}

gboolean
weft_record_reader_is_array (WeftRecordReader *r)
{
  return r->array;
}

gsize
weft_record_reader_get_max_record (WeftRecordReader *r)
{
  return r->max_record;
}

WeftRecordStatus
weft_record_reader_next (WeftRecordReader  *r,
                         WeftRecord        *record,
                         GError           **error)
{
  record->text = NULL;
  record->length = 0;
  record->line = 0;
  record->column = 1;

  if (r->array)
    return next_element (r, record, error);
  return next_line (r, record, error);
}

void
weft_record_position (const WeftRecord *record,
                      gsize             offset,
                      guint            *line,
                      guint            *column)
{
  *line = (guint) MIN (record->line, G_MAXUINT);
  *column = record->column;
  weft_text_advance_position (record->text, offset, line, column);
}
