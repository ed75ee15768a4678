/* test-record-reader.c: JSON lines and JSON array elements as records,
 * with their positions
 *
 * Each input is read whole and again through a stream that hands out one
 * or three bytes a read, so that records cross the reader's refills; the
 * records must come out the same.
 *
 * SPDX-License-Identifier: MIT
 */
#include "config.h"

#include <string.h>

#include "weft-record-reader.h"
#include "weft-test.h"

/* ---- A stream that trickles ------------------------------------------------ */

typedef struct {
  GInputStream  parent_instance;
  const char   *data;
  gsize         length;
  gsize         offset;
  gsize         chunk;
} TrickleStream;

typedef struct {
  GInputStreamClass parent_class;
} TrickleStreamClass;

GType trickle_stream_get_type (void);
G_DEFINE_TYPE (TrickleStream, trickle_stream, G_TYPE_INPUT_STREAM)

static gssize
trickle_stream_read (GInputStream  *stream,
                     void          *buffer,
                     gsize          count,
                     GCancellable  *cancellable,
                     GError       **error)
{
  TrickleStream *self = (TrickleStream *) stream;
  gsize n = MIN (MIN (count, self->chunk), self->length - self->offset);

  memcpy (buffer, self->data + self->offset, n);
  self->offset += n;
  return n;
}

static void
trickle_stream_class_init (TrickleStreamClass *klass)
{
  G_INPUT_STREAM_CLASS (klass)->read_fn = trickle_stream_read;
}

static void
trickle_stream_init (TrickleStream *self)
{
}

/* @text, at most @chunk bytes a read. */
static GInputStream *
trickle_stream_new (const char *text,
                    gsize       chunk)
{
  TrickleStream *self = g_object_new (trickle_stream_get_type (), NULL);

  self->data = text;
  self->length = strlen (text);
  self->chunk = chunk;
  return G_INPUT_STREAM (self);
}

/* ---- Reading --------------------------------------------------------------- */

/* Every record of @text, one a line: "ok LINE:COLUMN TEXT", "too-long
 * LINE:COLUMN" or "broken LINE:COLUMN"; "array" first in array mode. */
static char *
read_all (const char *text,
          gsize       chunk,
          gsize       max_record)
{
  g_autoptr(GInputStream) stream = trickle_stream_new (text, chunk);
  g_autoptr(WeftRecordReader) reader = weft_record_reader_new (stream, max_record, NULL);
  GString *out = g_string_new (NULL);
  WeftRecordStatus status;
  WeftRecord record;

  g_assert_nonnull (reader);
  g_assert_cmpuint (weft_record_reader_get_max_record (reader), ==, max_record);
  if (weft_record_reader_is_array (reader))
    g_string_append (out, "array\n");

  while ((status = weft_record_reader_next (reader, &record, NULL)) != WEFT_RECORD_END)
    {
      g_assert_cmpint (status, !=, WEFT_RECORD_ERROR);
      if (status == WEFT_RECORD_OK)
        {
          if (!weft_record_reader_is_array (reader))
            g_assert_cmpint (record.text[record.length], ==, '\0');
          g_string_append_printf (out, "ok %" G_GUINT64_FORMAT ":%u %.*s\n",
                                  record.line, record.column, (int) record.length, record.text);
        }
      else
        g_string_append_printf (out, "%s %" G_GUINT64_FORMAT ":%u\n",
                                status == WEFT_RECORD_TOO_LONG ? "too-long" : "broken",
                                record.line, record.column);
    }

  /* The end stays the end. */
  g_assert_cmpint (weft_record_reader_next (reader, &record, NULL), ==, WEFT_RECORD_END);
  return g_string_free (out, FALSE);
}

/* Reads @text whole, then a byte and three bytes at a time. */
static void
assert_records (const char *text,
                gsize       max_record,
                const char *expected)
{
  static const gsize chunks[] = { G_MAXSIZE, 1, 3 };

  for (guint i = 0; i < G_N_ELEMENTS (chunks); i++)
    {
      g_autofree char *got = read_all (text, chunks[i], max_record);

      g_assert_cmpstr (got, ==, expected);
    }
}

static void
test_lines (void)
{
  /* Blank lines are no records, CR LF ends a line, the last line needs no
   * line break. */
  assert_records ("\n{\"a\": 1}\r\n\n  \n{\"b\": \"é\"}\nlast", 1024,
                  "ok 2:1 {\"a\": 1}\n"
                  "ok 5:1 {\"b\": \"é\"}\n"
                  "ok 6:1 last\n");
  assert_records ("", 1024, "");
  assert_records ("\xEF\xBB\xBF{}\n", 1024, "ok 1:1 {}\n");
}

static void
test_array (void)
{
  /* Strings may hold brackets, commas and escaped quotes; scalars are
   * records too; columns count characters (é is one). */
  assert_records ("\xEF\xBB\xBF[\n  {\"a\": \"x,]\\\"}\"},\n {\"é\": [1, {}]}, 7 ,\"s\"\n]\n", 1024,
                  "array\n"
                  "ok 2:3 {\"a\": \"x,]\\\"}\"}\n"
                  "ok 3:2 {\"é\": [1, {}]}\n"
                  "ok 3:18 7\n"
                  "ok 3:21 \"s\"\n");
  /* An element over several lines: the next one's column counts from
   * the last line break. */
  assert_records ("[{\"a\":\n \"ü\"}, {}]", 1024,
                  "array\n"
                  "ok 1:2 {\"a\":\n \"ü\"}\n"
                  "ok 2:8 {}\n");
  assert_records ("[]", 1024, "array\n");
}

static void
test_too_long (void)
{
  /* A line of exactly the limit is kept; a longer one is skipped and
   * the reader goes on after it. */
  assert_records ("short\n0123456789abc\n12345678\nafter", 8,
                  "ok 1:1 short\n"
                  "too-long 2:1\n"
                  "ok 3:1 12345678\n"
                  "ok 4:1 after\n");

  /* In array mode, an element that ends in what was read is skipped
   * and the next one keeps its place. */
  {
    g_autofree char *got = read_all ("[{\"a\": 1},\n {\"b\": \"0123456789\"},\n {\"c\": 3}]", G_MAXSIZE, 12);

    g_assert_cmpstr (got, ==,
                     "array\n"
                     "ok 1:2 {\"a\": 1}\n"
                     "too-long 2:2\n"
                     "ok 3:2 {\"c\": 3}\n");
  }
  {
    g_autofree char *got = read_all ("[{\"b\": \"0123456789\"}, {\"c\": 3}]", G_MAXSIZE, 12);

    g_assert_cmpstr (got, ==,
                     "array\n"
                     "too-long 1:2\n"
                     "ok 1:23 {\"c\": 3}\n");
  }
}

static void
test_broken (void)
{
  /* An element that never ends is the last record. */
  assert_records ("[{\"a\": 1},\n {\"b\": [1, 2}\n", 1024,
                  "array\n"
                  "ok 1:2 {\"a\": 1}\n"
                  "broken 2:2\n");
  /* So is a string that never ends. */
  assert_records ("[\"abc, {}]", 1024,
                  "array\n"
                  "broken 1:2\n");
}

static void
test_position (void)
{
  char text[] = "{\"é\":\n \"x\"}";
  WeftRecord record = { text, strlen (text), 4, 5 };
  guint line, column;

  /* On the record's first line, columns go on from where it starts. */
  weft_record_position (&record, 0, &line, &column);
  g_assert_cmpuint (line, ==, 4);
  g_assert_cmpuint (column, ==, 5);
  weft_record_position (&record, strchr (text, ':') - text, &line, &column);
  g_assert_cmpuint (line, ==, 4);
  g_assert_cmpuint (column, ==, 9);
  /* After a line break, from 1. */
  weft_record_position (&record, strchr (text, 'x') - text, &line, &column);
  g_assert_cmpuint (line, ==, 5);
  g_assert_cmpuint (column, ==, 3);
}

int
main (int    argc,
      char **argv)
{
  weft_test_init (&argc, &argv);

  g_test_add_func ("/weft/record-reader/lines", test_lines);
  g_test_add_func ("/weft/record-reader/array", test_array);
  g_test_add_func ("/weft/record-reader/too-long", test_too_long);
  g_test_add_func ("/weft/record-reader/broken", test_broken);
  g_test_add_func ("/weft/record-reader/position", test_position);

  return weft_test_run ();
}
