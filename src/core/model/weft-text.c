/* weft-text.c
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <string.h>

#include "weft-text.h"

gboolean
weft_text_is_unsafe (gunichar c)
{
  if (c < 0x20 || (c >= 0x7f && c < 0xa0))
    return TRUE;
  if (c == 0x2028 || c == 0x2029)
    return TRUE;

  /* Bidirectional overrides, zero-width characters, … */
  return g_unichar_type (c) == G_UNICODE_FORMAT;
}

/* Plain printable ASCII, the usual case, needs no copy through
 * g_utf8_make_valid() and the character loop. */
static gboolean
is_plain_ascii (const char *text,
                gsize       length)
{
  for (gsize i = 0; i < length; i++)
    {
      guchar c = (guchar) text[i];

      if (c < 0x20 || c >= 0x7f)
        return FALSE;
    }
  return TRUE;
}

guint
weft_utf8_count_chars (const char *text,
                       gsize       length)
{
  guint n = 0;

  for (gsize i = 0; i < length; i++)
    if (((guchar) text[i] & 0xC0) != 0x80)
      n++;
  return n;
}

void
weft_text_advance_position (const char *text,
                            gsize       length,
                            guint      *line,
                            guint      *column)
{
  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if (((guchar) text[i] & 0xC0) != 0x80)
        (*column)++;
    }
}

char *
weft_text_escape (const char *text,
                  gssize      length)
{
  g_autofree char *valid = NULL;
  GString *s;
  gsize len;

  if (text == NULL)
    return NULL;

  len = length < 0 ? strlen (text) : (gsize) length;
  if (is_plain_ascii (text, len))
    return g_strndup (text, len);

  valid = g_utf8_make_valid (text, (gssize) len);
  s = g_string_sized_new (len + 8);
  for (const char *q = valid; *q != '\0'; q = g_utf8_next_char (q))
    {
      gunichar c = g_utf8_get_char (q);

      if (c == '\t')
        g_string_append (s, "\\t");
      else if (c == '\n')
        g_string_append (s, "\\n");
      else if (c == '\r')
        g_string_append (s, "\\r");
      else if (weft_text_is_unsafe (c))
        g_string_append_printf (s, "\\u{%04X}", (guint) c);
      else
        g_string_append_unichar (s, c);
    }

  return g_string_free (s, FALSE);
}
