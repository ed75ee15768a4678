/* weft-json-lex.c: the one JSON lexical core
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "weft-json-lex.h"

static gboolean lex_fail (WeftJsonLexError *error,
                          gsize             offset,
                          gboolean          truncated,
                          const char       *format,
                          ...) G_GNUC_PRINTF (4, 5);

static gboolean
lex_fail (WeftJsonLexError *error,
          gsize             offset,
          gboolean          truncated,
          const char       *format,
          ...)
{
  va_list args;

  if (error == NULL)
    return FALSE;

  error->offset = offset;
  error->truncated = truncated;
  va_start (args, format);
  error->message = g_strdup_vprintf (format, args);
  va_end (args);

  return FALSE;
}

#define SPACES G_GUINT64_CONSTANT (0x2020202020202020)

/* Skips white space from @pos, counting line feeds when @lines is not
 * NULL; indentation eight spaces at a time. */
static inline gsize
skip_space (const char *text,
            gsize       length,
            gsize       pos,
            guint      *lines,
            gsize      *line_start)
{
  while (pos < length)
    {
      switch (text[pos])
        {
        case ' ':
          pos++;
          for (;;)
            {
              guint64 x;

              if (pos + 8 > length)
                break;
              memcpy (&x, text + pos, sizeof x);
              if (x != SPACES)
                break;
              pos += 8;
            }
          continue;
        case '\n':
          if (lines != NULL)
            {
              (*lines)++;
              *line_start = pos + 1;
            }
          pos++;
          continue;
        case '\t':
        case '\r':
          pos++;
          continue;
        default:
          return pos;
        }
    }

  return pos;
}

gsize
weft_json_skip_space (const char *text,
                      gsize       length,
                      gsize       pos)
{
  return skip_space (text, length, pos, NULL, NULL);
}

gsize
weft_json_skip_space_lines (const char *text,
                            gsize       length,
                            gsize       pos,
                            guint      *lines,
                            gsize      *line_start)
{
  return skip_space (text, length, pos, lines, line_start);
}

char *
weft_json_describe_at (const char *text,
                       gsize       length,
                       gsize       pos)
{
  char buf[8] = { 0 };
  gunichar c;

  if (pos >= length)
    return g_strdup (_("the end of the file"));

  c = g_utf8_get_char_validated (text + pos, length - pos);
  if (c == (gunichar) -1 || c == (gunichar) -2)
    return g_strdup (_("an invalid byte"));
  if (c < 0x20)
    return g_strdup_printf (_("control character U+%04X"), c);

  g_unichar_to_utf8 (c, buf);
  return g_strdup_printf ("“%s”", buf);
}

/* ---- Strings ------------------------------------------------------------- */

static guint
hex4 (const char *p)
{
  guint v = 0;

  for (guint i = 0; i < 4; i++)
    v = v * 16 + g_ascii_xdigit_value (p[i]);
  return v;
}

/* A "\uXXXX" at @pos: its value in *@value. */
static gboolean
read_u_escape (const char *text,
               gsize       length,
               gsize       pos,
               guint      *value)
{
  if (pos + 6 > length || text[pos] != '\\' || text[pos + 1] != 'u')
    return FALSE;
  for (guint i = 2; i < 6; i++)
    if (!g_ascii_isxdigit (text[pos + i]))
      return FALSE;

  *value = hex4 (text + pos + 2);
  return TRUE;
}

/* Whether the text ends at or after @pos in what could still become a
 * "\uXXXX" (a streaming reader would read on). */
static gboolean
ends_in_u_escape (const char *text,
                  gsize       length,
                  gsize       pos)
{
  if (pos + 6 <= length)
    return FALSE;

  for (gsize i = pos; i < length; i++)
    if (i == pos ? text[i] != '\\' : i == pos + 1 ? text[i] != 'u' : !g_ascii_isxdigit (text[i]))
      return FALSE;

  return TRUE;
}

static gboolean
is_high_surrogate (guint c)
{
  return c >= 0xD800 && c <= 0xDBFF;
}

static gboolean
is_low_surrogate (guint c)
{
  return c >= 0xDC00 && c <= 0xDFFF;
}

/* The escape at *@pos, a backslash that is not the last byte; moves
 * *@pos past it. */
static gboolean
lex_escape (const char       *text,
            gsize             length,
            gsize            *pos,
            WeftJsonLexFlags  flags,
            WeftJsonToken    *token,
            WeftJsonLexError *error)
{
  gsize at = *pos;
  char e = text[at + 1];
  guint c, low;

  switch (e)
    {
    case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
      *pos += 2;
      return TRUE;
    case 'u':
      break;
    default:
      return lex_fail (error, at, FALSE,
                       _("unknown escape \\%c; use one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX"),
                       g_ascii_isprint (e) ? e : '?');
    }

  if (!read_u_escape (text, length, at, &c))
    return lex_fail (error, at, ends_in_u_escape (text, length, at),
                     _("\\u must be followed by four hexadecimal digits, as in \\u00e9"));
  *pos += 6;

  if (is_high_surrogate (c) && read_u_escape (text, length, *pos, &low) && is_low_surrogate (low))
    {
      *pos += 6;
      return TRUE;
    }

  if (!is_high_surrogate (c) && !is_low_surrogate (c) && c != 0)
    return TRUE;

  /* An escape that stands for no character. */
  if (flags & WEFT_JSON_LEX_REPLACE_INVALID)
    {
      if (token->replaced == 0)
        token->replaced = at + 1;
      return TRUE;
    }

  if (is_high_surrogate (c))
    {
      if (!read_u_escape (text, length, *pos, &low))
        return lex_fail (error, at, ends_in_u_escape (text, length, *pos),
                         _("a \\u escape of a high surrogate must be followed by a low surrogate"));
      return lex_fail (error, *pos, FALSE,
                       _("a \\u escape of a high surrogate must be followed by a low surrogate"));
    }
  if (is_low_surrogate (c))
    return lex_fail (error, at, FALSE,
                     _("a \\u escape of a low surrogate without a high surrogate before it"));
  return lex_fail (error, at, FALSE, _("\\u0000 (a NUL character) is not allowed in text"));
}

#define ONES G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGHS G_GUINT64_CONSTANT (0x8080808080808080)

/* Whether one of the bytes of @x is 0. */
static inline guint64
has_zero (guint64 x)
{
  return (x - ONES) & ~x & HIGHS;
}

/* Whether none of the 8 bytes at @p ends the plain run of a string: a
 * quote, a backslash, a control character, or (unless @any_high) a byte
 * above 0x7F. */
static inline gboolean
plain8 (const char *p,
        gboolean    any_high)
{
  guint64 x;

  memcpy (&x, p, sizeof x);
  if (!any_high && (x & HIGHS) != 0)
    return FALSE;
  /* Below 0x20: the high bit set after subtracting 0x20 from a byte
   * without it (bytes above 0x7F only when @any_high: they are masked). */
  if (((x & ~HIGHS) - 0x20 * ONES) & ~x & HIGHS)
    return FALSE;
  return !has_zero (x ^ ('"' * ONES)) && !has_zero (x ^ ('\\' * ONES));
}

gboolean
weft_json_lex_string (const char       *text,
                      gsize             length,
                      gsize             start,
                      WeftJsonLexFlags  flags,
                      WeftJsonToken    *token,
                      WeftJsonLexError *error)
{
  gboolean any_high = (flags & WEFT_JSON_LEX_UTF8_VALIDATED) != 0;
  gsize pos = start + 1;  /* after the quote */

  g_return_val_if_fail (start < length && text[start] == '"', FALSE);

  token->kind = WEFT_JSON_STRING;
  token->start = start;
  token->escaped = FALSE;
  token->replaced = 0;

  for (;;)
    {
      guchar c;

      /* Plain characters, the bulk of any file: eight at a time while
       * none of them needs a look, then in a tight loop. */
      while (pos + 8 <= length && plain8 (text + pos, any_high))
        pos += 8;
      while (pos < length &&
             (c = (guchar) text[pos]) >= 0x20 && c != '"' && c != '\\' && (c < 0x80 || any_high))
        pos++;

      if (pos >= length)
        break;

      c = (guchar) text[pos];
      if (c == '"')
        {
          token->end = pos + 1;
          return TRUE;
        }

      if (c >= 0x80)
        {
          gunichar u = g_utf8_get_char_validated (text + pos, length - pos);

          if (u == (gunichar) -1 || u == (gunichar) -2)
            return lex_fail (error, pos, u == (gunichar) -2,
                             _("invalid UTF-8; save the file as UTF-8 text"));
          pos += g_utf8_skip[c];
          continue;
        }

      if (c < 0x20)
        {
          if (c == '\n' || c == '\r')
            return lex_fail (error, pos, FALSE,
                             _("a line break inside a string; end the string with \" or write the break as \\n"));
          return lex_fail (error, pos, FALSE,
                           _("control character U+%04X inside a string; write it as \\u%04X"), c, c);
        }

      /* A backslash. */
      if (pos + 1 >= length)
        break;
      token->escaped = TRUE;
      if (!lex_escape (text, length, &pos, flags, token, error))
        return FALSE;
    }

  return lex_fail (error, start, TRUE, _("this string is never closed; add a \" where it should end"));
}

gsize
weft_json_decode_string (const char *in,
                         gsize       length,
                         char       *out)
{
  const char *end = in + length;
  char *o = out;

  while (in < end)
    {
      const char *backslash = memchr (in, '\\', end - in);
      gsize run = (backslash != NULL ? backslash : end) - in;
      gunichar c;

      memmove (o, in, run);
      o += run;
      in += run;
      if (in >= end)
        break;

      switch (in[1])
        {
        case 'b': *o++ = '\b'; in += 2; continue;
        case 'f': *o++ = '\f'; in += 2; continue;
        case 'n': *o++ = '\n'; in += 2; continue;
        case 'r': *o++ = '\r'; in += 2; continue;
        case 't': *o++ = '\t'; in += 2; continue;
        case 'u': break;
        default: *o++ = in[1]; in += 2; continue;   /* " \ / */
        }

      c = hex4 (in + 2);
      in += 6;
      if (is_high_surrogate (c))
        {
          guint low;

          if (read_u_escape (in, end - in, 0, &low) && is_low_surrogate (low))
            {
              c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
              in += 6;
            }
          else
            c = 0xFFFD;
        }
      else if (is_low_surrogate (c) || c == 0)
        c = 0xFFFD;

      o += g_unichar_to_utf8 (c, o);
    }

  return o - out;
}

/* ---- Numbers and literals ------------------------------------------------ */

static gboolean
lex_number (const char       *text,
            gsize             length,
            gsize             start,
            WeftJsonToken    *token,
            WeftJsonLexError *error)
{
  gsize pos = start;

  if (text[pos] == '-')
    pos++;
  if (pos >= length || !g_ascii_isdigit (text[pos]))
    return lex_fail (error, start, pos >= length, _("a number needs digits after “-”"));
  if (text[pos] == '0')
    {
      pos++;
      if (pos < length && g_ascii_isdigit (text[pos]))
        return lex_fail (error, start, FALSE,
                         _("a number cannot start with 0 followed by more digits; write it without the leading zero or as a string"));
    }
  else
    while (pos < length && g_ascii_isdigit (text[pos]))
      pos++;

  if (pos < length && text[pos] == '.')
    {
      pos++;
      if (pos >= length || !g_ascii_isdigit (text[pos]))
        return lex_fail (error, pos, pos >= length, _("a decimal point must be followed by digits"));
      while (pos < length && g_ascii_isdigit (text[pos]))
        pos++;
    }

  if (pos < length && (text[pos] == 'e' || text[pos] == 'E'))
    {
      pos++;
      if (pos < length && (text[pos] == '+' || text[pos] == '-'))
        pos++;
      if (pos >= length || !g_ascii_isdigit (text[pos]))
        return lex_fail (error, pos, pos >= length, _("an exponent must have digits"));
      while (pos < length && g_ascii_isdigit (text[pos]))
        pos++;
    }

  token->kind = WEFT_JSON_NUMBER;
  token->end = pos;
  return TRUE;
}

/* "true", "false" or "null" at @start; *@truncated when the text ends
 * inside what could still be one. */
static gboolean
lex_literal (const char    *text,
             gsize          length,
             gsize          start,
             WeftJsonToken *token,
             gboolean      *truncated)
{
  static const struct {
    const char   *word;
    WeftJsonKind  kind;
  } literals[] = {
    { "true", WEFT_JSON_TRUE },
    { "false", WEFT_JSON_FALSE },
    { "null", WEFT_JSON_NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (literals); i++)
    {
      gsize n = strlen (literals[i].word);

      if (length - start >= n && memcmp (text + start, literals[i].word, n) == 0)
        {
          token->kind = literals[i].kind;
          token->end = start + n;
          return TRUE;
        }
      if (length - start < n && memcmp (text + start, literals[i].word, length - start) == 0)
        *truncated = TRUE;
    }

  return FALSE;
}

gboolean
weft_json_lex_value (const char       *text,
                     gsize             length,
                     gsize             start,
                     WeftJsonLexFlags  flags,
                     WeftJsonToken    *token,
                     WeftJsonLexError *error)
{
  g_autofree char *found = NULL;
  gboolean truncated = FALSE;
  guchar c;

  memset (token, 0, sizeof *token);
  token->start = start;

  if (start >= length)
    return lex_fail (error, start, TRUE, _("expected a value, found the end of the file"));

  c = (guchar) text[start];
  switch (c)
    {
    case '{':
    case '[':
      token->kind = c == '{' ? WEFT_JSON_OBJECT : WEFT_JSON_ARRAY;
      token->end = start + 1;
      return TRUE;
    case '"':
      return weft_json_lex_string (text, length, start, flags, token, error);
    case '-': case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return lex_number (text, length, start, token, error);
    case 't': case 'f': case 'n':
      if (lex_literal (text, length, start, token, &truncated))
        return TRUE;
      break;
    case '\'':
      return lex_fail (error, start, FALSE, _("strings must be in double quotes (\"), not single quotes"));
    default:
      if (c >= 0x80)
        {
          gunichar u = g_utf8_get_char_validated (text + start, length - start);

          /* -2: a character the end of the text cuts. */
          if (u == (gunichar) -1 || u == (gunichar) -2)
            return lex_fail (error, start, u == (gunichar) -2, _("invalid UTF-8; save the file as UTF-8 text"));
        }
      break;
    }

  found = weft_json_describe_at (text, length, start);
  return lex_fail (error, start, truncated,
                   _("expected a value (an object, array, string, number, true, false or null), found %s"), found);
}
