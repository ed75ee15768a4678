/* weft-csv.c: an RFC 4180 reader and writer that knows where fields are
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "weft-csv.h"
#include "weft-error.h"
#include "weft-text.h"

static void
field_clear (gpointer data)
{
  g_free (((WeftCsvField *) data)->text);
}

void
weft_csv_reader_init (WeftCsvReader *reader,
                      const char    *data,
                      gsize          length)
{
  memset (reader, 0, sizeof *reader);
  reader->data = data;
  reader->length = length;
  reader->line = 1;
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    reader->pos = reader->line_start = 3;
  reader->fields = g_array_new (FALSE, TRUE, sizeof (WeftCsvField));
  g_array_set_clear_func (reader->fields, field_clear);
}

void
weft_csv_reader_clear (WeftCsvReader *reader)
{
  g_clear_pointer (&reader->fields, g_array_unref);
}

static guint
column_of (WeftCsvReader *reader,
           gsize          offset)
{
  return 1 + weft_utf8_count_chars (reader->data + reader->line_start, offset - reader->line_start);
}

static void
new_line (WeftCsvReader *reader,
          gsize          next)
{
  reader->line++;
  reader->line_start = next;
}

/* Moves past the rest of the current record, honouring quotes, after an
 * error. */
static void
skip_record (WeftCsvReader *reader)
{
  gboolean quoted = FALSE;

  while (reader->pos < reader->length)
    {
      char c = reader->data[reader->pos++];

      if (c == '"')
        quoted = !quoted;
      else if (c == '\n')
        {
          new_line (reader, reader->pos);
          if (!quoted)
            return;
        }
    }
}

gboolean
weft_csv_reader_next (WeftCsvReader  *reader,
                      guint          *line,
                      guint          *column,
                      GError        **error)
{
  const char *d = reader->data;
  gsize n = reader->length;
  GString *text = g_string_new (NULL);

  g_array_set_size (reader->fields, 0);

  if (reader->pos >= n)
    {
      g_string_free (text, TRUE);
      return FALSE;
    }

  for (;;)
    {
      WeftCsvField field = { NULL, reader->line, column_of (reader, reader->pos) };

      g_string_truncate (text, 0);

      if (reader->pos < n && d[reader->pos] == '"')
        {
          guint open_line = reader->line;
          guint open_column = field.column;

          reader->pos++;
          for (;;)
            {
              if (reader->pos >= n)
                {
                  *line = open_line;
                  *column = open_column;
                  g_set_error (error, WEFT_ERROR, WEFT_ERROR_SYNTAX,
                               _("the quoted field that starts here is never closed; "
                                 "end it with a \" (a quote inside a field is written twice: \"\")"));
                  g_string_free (text, TRUE);
                  return TRUE;
                }
              if (d[reader->pos] == '"')
                {
                  if (reader->pos + 1 < n && d[reader->pos + 1] == '"')
                    {
                      g_string_append_c (text, '"');
                      reader->pos += 2;
                      continue;
                    }
                  reader->pos++;
                  break;
                }
              if (d[reader->pos] == '\n')
                new_line (reader, reader->pos + 1);
              g_string_append_c (text, d[reader->pos++]);
            }

          if (reader->pos < n && d[reader->pos] != ',' && d[reader->pos] != '\n' &&
              !(d[reader->pos] == '\r' && (reader->pos + 1 >= n || d[reader->pos + 1] == '\n')))
            {
              *line = reader->line;
              *column = column_of (reader, reader->pos);
              g_set_error (error, WEFT_ERROR, WEFT_ERROR_SYNTAX,
                           _("text after the closing quote of a field; expected a comma or the end of the line "
                             "(a quote inside a field is written twice: \"\")"));
              skip_record (reader);
              g_string_free (text, TRUE);
              return TRUE;
            }
        }
      else
        {
          while (reader->pos < n && d[reader->pos] != ',' && d[reader->pos] != '\n' &&
                 !(d[reader->pos] == '\r' && (reader->pos + 1 >= n || d[reader->pos + 1] == '\n')))
            g_string_append_c (text, d[reader->pos++]);
        }

      field.text = g_strndup (text->str, text->len);
      g_array_append_val (reader->fields, field);

      if (reader->pos >= n)
        break;
      if (d[reader->pos] == ',')
        {
          reader->pos++;
          continue;
        }
      /* End of the record: CRLF or LF. */
      if (d[reader->pos] == '\r')
        reader->pos++;
      if (reader->pos < n && d[reader->pos] == '\n')
        reader->pos++;
      new_line (reader, reader->pos);
      break;
    }

  g_string_free (text, TRUE);
  return TRUE;
}

/* ---- Tables ---------------------------------------------------------------- */

gboolean
weft_csv_check_utf8 (const char       *text,
                     gsize             length,
                     const char       *name,
                     const char       *message,
                     WeftDiagnostics  *diagnostics,
                     GError          **error)
{
  const char *invalid = NULL;
  guint line = 1, column = 1;

  if (g_utf8_validate_len (text, length, &invalid))
    return TRUE;

  weft_text_advance_position (text, invalid - text, &line, &column);
  weft_diagnostics_add (diagnostics, WEFT_SEVERITY_ERROR, line, column, NULL, "%s", message);
  g_set_error (error, WEFT_ERROR, WEFT_ERROR_SYNTAX, "%s:%u:%u: %s", name, line, column, message);
  return FALSE;
}

GStrv
weft_csv_reader_next_header (WeftCsvReader   *reader,
                             WeftDiagnostics *diagnostics)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) names = NULL;
  guint line, column;

  if (!weft_csv_reader_next (reader, &line, &column, &error) || error != NULL)
    {
      if (error != NULL)
        weft_diagnostics_add (diagnostics, WEFT_SEVERITY_ERROR, line, column, NULL, "%s", error->message);
      return NULL;
    }

  names = g_strv_builder_new ();
  for (guint i = 0; i < reader->fields->len; i++)
    {
      g_autofree char *name = g_strdup (g_array_index (reader->fields, WeftCsvField, i).text);

      g_strv_builder_add (names, g_strstrip (name));
    }
  return g_strv_builder_end (names);
}

int
weft_csv_find_column (const char * const *headers,
                      const char         *name)
{
  for (guint i = 0; headers[i] != NULL; i++)
    if (g_ascii_strcasecmp (headers[i], name) == 0)
      return (int) i;
  return -1;
}

gboolean
weft_csv_reader_is_blank (WeftCsvReader *reader)
{
  for (guint i = 0; i < reader->fields->len; i++)
    if (g_array_index (reader->fields, WeftCsvField, i).text[0] != '\0')
      return FALSE;
  return TRUE;
}

/* ---- Writing --------------------------------------------------------------- */

void
weft_csv_append_field (GString    *out,
                       const char *text)
{
  gboolean quote;
  gsize len;

  if (text == NULL)
    return;

  len = strlen (text);
  quote = strpbrk (text, ",\"\r\n") != NULL ||
          (len > 0 && (g_ascii_isspace (text[0]) || g_ascii_isspace (text[len - 1])));

  if (!quote)
    {
      g_string_append_len (out, text, len);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

void
weft_csv_append_record (GString            *out,
                        const char * const *fields,
                        guint               n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      weft_csv_append_field (out, fields[i]);
    }
  g_string_append (out, "\r\n");
}
