/* weft-html-text.c: HTML fragments (TimelineJS text) to plain text and back
 *
 * A small tag stripper, not an HTML parser: Weft never renders the HTML it
 * reads, it only wants the words. Tags are dropped whole (quoted attribute
 * values may hold ">"), the content of script and style goes with them,
 * comments and declarations vanish, br and block elements become line
 * breaks, character references are decoded (with U+FFFD for code points
 * that are not characters), and white space is collapsed. A "<" that does
 * not start a tag, and a tag that never ends, stay text: nothing is lost.
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <string.h>

#include "weft-interchange-private.h"

/* Markers for line breaks while white space is still raw: control
 * characters that cannot be in the input (they are replaced first). */
#define BREAK_LINE      '\x01'
#define BREAK_PARAGRAPH '\x02'

typedef struct {
  const char *name;
  gunichar    c;
} Entity;

/* The named references that turn up in timelines; others stay as written. */
static const Entity entities[] = {
  { "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' }, { "apos", '\'' },
  { "nbsp", 0x00A0 }, { "ensp", 0x2002 }, { "emsp", 0x2003 }, { "thinsp", 0x2009 },
  { "ndash", 0x2013 }, { "mdash", 0x2014 }, { "hellip", 0x2026 }, { "bull", 0x2022 },
  { "middot", 0x00B7 }, { "lsquo", 0x2018 }, { "rsquo", 0x2019 }, { "sbquo", 0x201A },
  { "ldquo", 0x201C }, { "rdquo", 0x201D }, { "bdquo", 0x201E }, { "laquo", 0x00AB },
  { "raquo", 0x00BB }, { "copy", 0x00A9 }, { "reg", 0x00AE }, { "trade", 0x2122 },
  { "deg", 0x00B0 }, { "times", 0x00D7 }, { "divide", 0x00F7 }, { "plusmn", 0x00B1 },
  { "euro", 0x20AC }, { "pound", 0x00A3 }, { "yen", 0x00A5 }, { "cent", 0x00A2 },
  { "sect", 0x00A7 }, { "para", 0x00B6 }, { "shy", 0x00AD }, { "iexcl", 0x00A1 },
  { "iquest", 0x00BF }, { "szlig", 0x00DF }, { "aacute", 0x00E1 }, { "agrave", 0x00E0 },
  { "acirc", 0x00E2 }, { "auml", 0x00E4 }, { "atilde", 0x00E3 }, { "aring", 0x00E5 },
  { "ccedil", 0x00E7 }, { "eacute", 0x00E9 }, { "egrave", 0x00E8 }, { "ecirc", 0x00EA },
  { "euml", 0x00EB }, { "iacute", 0x00ED }, { "igrave", 0x00EC }, { "icirc", 0x00EE },
  { "iuml", 0x00EF }, { "ntilde", 0x00F1 }, { "oacute", 0x00F3 }, { "ograve", 0x00F2 },
  { "ocirc", 0x00F4 }, { "ouml", 0x00F6 }, { "otilde", 0x00F5 }, { "oslash", 0x00F8 },
  { "uacute", 0x00FA }, { "ugrave", 0x00F9 }, { "ucirc", 0x00FB }, { "uuml", 0x00FC },
  { "Aacute", 0x00C1 }, { "Agrave", 0x00C0 }, { "Auml", 0x00C4 }, { "Ccedil", 0x00C7 },
  { "Eacute", 0x00C9 }, { "Egrave", 0x00C8 }, { "Iacute", 0x00CD }, { "Ntilde", 0x00D1 },
  { "Oacute", 0x00D3 }, { "Ouml", 0x00D6 }, { "Uacute", 0x00DA }, { "Uuml", 0x00DC },
};

/* Elements after which text continues on a new line or paragraph. */
static const char * const paragraph_tags[] = {
  "p", "div", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
  "table", "section", "article", "header", "footer", "pre", "hr", "figure",
  "figcaption", "dl", "address", "aside", "nav", "main",
};
static const char * const line_tags[] = { "br", "li", "tr", "dt", "dd", "cite" };

static gboolean
in_list (const char         *name,
         const char * const *list,
         guint               n)
{
  for (guint i = 0; i < n; i++)
    if (g_ascii_strcasecmp (name, list[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
append_unichar (GString  *out,
                gunichar  c)
{
  /* NUL, surrogates and what is beyond Unicode are not characters; nor
   * are other control characters worth keeping in a title. */
  if (c == 0 || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF ||
      (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c < 0xA0))
    c = 0xFFFD;
  g_string_append_unichar (out, c);
}

/* Decodes the reference at @p ("&amp;", "&#233;", "&#xE9;"); returns the
 * bytes used, or 0 when it is not one (then "&" is text). */
static gsize
decode_reference (const char *p,
                  GString    *out)
{
  const char *end = p + 1;
  gsize limit = 32;

  while (*end != '\0' && *end != ';' && (gsize) (end - p) < limit &&
         (g_ascii_isalnum (*end) || *end == '#'))
    end++;
  if (*end != ';' || end == p + 1)
    return 0;

  if (p[1] == '#')
    {
      guint64 value = 0;
      const char *digits = p + 2;
      gboolean hex = (*digits == 'x' || *digits == 'X');

      if (hex)
        digits++;
      if (digits == end)
        return 0;
      for (const char *q = digits; q < end; q++)
        {
          int v = hex ? g_ascii_xdigit_value (*q) : g_ascii_digit_value (*q);

          if (v < 0)
            return 0;
          value = value * (hex ? 16 : 10) + v;
          if (value > 0x10FFFF)
            value = 0x110000;   /* stays out of range, never overflows */
        }
      append_unichar (out, (gunichar) value);
      return end - p + 1;
    }

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    if (strlen (entities[i].name) == (gsize) (end - p - 1) &&
        strncmp (entities[i].name, p + 1, end - p - 1) == 0)
      {
        if (entities[i].c != 0x00AD)   /* a soft hyphen shows nothing */
          g_string_append_unichar (out, entities[i].c);
        return end - p + 1;
      }

  return 0;
}

/* Finds the ">" that ends the tag starting at @p, skipping quoted
 * attribute values; NULL when there is none. */
static const char *
tag_end (const char *p)
{
  char quote = 0;

  for (p++; *p != '\0'; p++)
    {
      if (quote)
        {
          if (*p == quote)
            quote = 0;
        }
      else if (*p == '"' || *p == '\'')
        quote = *p;
      else if (*p == '>')
        return p;
    }

  return NULL;
}

/* Skips to just after "</@name>" (any case), or to the end. */
static const char *
skip_element_content (const char *p,
                      const char *name)
{
  gsize n = strlen (name);

  for (; *p != '\0'; p++)
    if (p[0] == '<' && p[1] == '/' && g_ascii_strncasecmp (p + 2, name, n) == 0 &&
        !g_ascii_isalnum (p[2 + n]))
      {
        const char *end = tag_end (p);
        return end ? end + 1 : p + strlen (p);
      }

  return p;
}

/* Collapses white space and turns the break markers into line breaks. */
static char *
finish_text (const char *raw,
             gboolean    single_line)
{
  GString *out = g_string_new (NULL);
  int pending = 0;   /* 0 nothing, 1 space, 2 line, 3 paragraph */

  for (const char *p = raw; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int kind = 0;

      if (*p == BREAK_PARAGRAPH)
        kind = 3;
      else if (*p == BREAK_LINE)
        kind = 2;
      else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x00A0)
        kind = 1;

      if (kind > 0)
        {
          pending = MAX (pending, kind);
          continue;
        }

      if (out->len > 0 && pending > 0)
        {
          if (single_line || pending == 1)
            g_string_append_c (out, ' ');
          else if (pending == 2)
            g_string_append_c (out, '\n');
          else
            g_string_append (out, "\n\n");
        }
      pending = 0;
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }

  return g_string_free (out, FALSE);
}

char *
weft_html_to_text (const char *html,
                   gboolean    single_line)
{
  g_autofree char *valid = NULL;
  g_autoptr(GString) raw = NULL;
  const char *p;

  if (html == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (html, -1);
  raw = g_string_sized_new (strlen (valid));

  for (p = valid; *p != '\0';)
    {
      if (*p == '<')
        {
          if (strncmp (p, "<!--", 4) == 0)
            {
              const char *end = strstr (p + 4, "-->");
              p = end ? end + 3 : p + strlen (p);
              continue;
            }

          if (g_ascii_isalpha (p[1]) || (p[1] == '/' && g_ascii_isalpha (p[2])) || p[1] == '!' || p[1] == '?')
            {
              const char *end = tag_end (p);
              char name[16];
              gsize n = 0;
              const char *q = p + 1;
              gboolean closing = FALSE;

              if (end == NULL)
                {
                  /* Never closed: it is text after all. */
                  g_string_append_c (raw, *p++);
                  continue;
                }

              if (*q == '/')
                {
                  closing = TRUE;
                  q++;
                }
              while (g_ascii_isalnum (*q) && n < sizeof name - 1)
                name[n++] = *q++;
              name[n] = '\0';

              p = end + 1;

              if (!closing && (g_ascii_strcasecmp (name, "script") == 0 ||
                               g_ascii_strcasecmp (name, "style") == 0) && end[-1] != '/')
                {
                  p = skip_element_content (p, name);
                  continue;
                }

              if (in_list (name, paragraph_tags, G_N_ELEMENTS (paragraph_tags)))
                g_string_append_c (raw, BREAK_PARAGRAPH);
              else if (in_list (name, line_tags, G_N_ELEMENTS (line_tags)))
                g_string_append_c (raw, BREAK_LINE);
              continue;
            }

          g_string_append_c (raw, *p++);
          continue;
        }

      if (*p == '&')
        {
          gsize used = decode_reference (p, raw);

          if (used == 0)
            g_string_append_c (raw, *p++);
          else
            p += used;
          continue;
        }

      if ((guchar) *p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
        {
          /* Control characters (and our break markers) are not text. */
          g_string_append (raw, "\xEF\xBF\xBD");
          p++;
          continue;
        }

      g_string_append_c (raw, *p++);
    }

  return finish_text (raw->str, single_line);
}

gboolean
weft_html_has_markup (const char *html)
{
  g_autofree char *text = NULL;

  if (html == NULL)
    return FALSE;
  text = weft_html_to_text (html, FALSE);
  return strcmp (text, html) != 0;
}

static gboolean
is_safe_url (const char *url)
{
  return g_str_has_prefix (url, "http://") || g_str_has_prefix (url, "https://");
}

char *
weft_html_first_link (const char *html)
{
  g_autofree char *valid = NULL;

  if (html == NULL)
    return NULL;
  valid = g_utf8_make_valid (html, -1);

  for (const char *p = valid; (p = strchr (p, '<')) != NULL; p++)
    {
      const char *end;
      const char *q;

      if (!((p[1] == 'a' || p[1] == 'A') && g_ascii_isspace (p[2])))
        continue;
      end = tag_end (p);
      if (end == NULL)
        return NULL;

      for (q = p + 2; q < end; q++)
        {
          if (g_ascii_strncasecmp (q, "href", 4) == 0 && !g_ascii_isalnum (q[-1]))
            {
              const char *v = q + 4;
              const char *stop;
              char quote = 0;
              g_autofree char *raw = NULL;
              g_autofree char *url = NULL;

              while (g_ascii_isspace (*v))
                v++;
              if (*v != '=')
                continue;
              v++;
              while (g_ascii_isspace (*v))
                v++;
              if (*v == '"' || *v == '\'')
                quote = *v++;
              for (stop = v; stop < end && (quote ? *stop != quote : !g_ascii_isspace (*stop)); stop++)
                ;
              raw = g_strndup (v, stop - v);
              url = weft_html_to_text (raw, TRUE);
              if (g_str_has_prefix (url, "//"))
                {
                  char *with_scheme = g_strconcat ("https:", url, NULL);
                  g_free (url);
                  url = with_scheme;
                }
              if (is_safe_url (url))
                return g_steal_pointer (&url);
              break;
            }
        }
      p = end;
    }

  return NULL;
}

char *
weft_html_escape (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        default: g_string_append_c (out, *p); break;
        }
    }
  return g_string_free (out, FALSE);
}

void
weft_html_append_text (GString    *html,
                       const char *text)
{
  g_auto(GStrv) paragraphs = NULL;

  if (text == NULL || text[0] == '\0')
    return;

  /* One line needs no markup at all. */
  if (strchr (text, '\n') == NULL)
    {
      g_autofree char *escaped = weft_html_escape (text);
      g_string_append (html, escaped);
      return;
    }

  paragraphs = g_strsplit (text, "\n\n", -1);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_auto(GStrv) lines = NULL;

      if (paragraphs[i][0] == '\0')
        continue;
      lines = g_strsplit (paragraphs[i], "\n", -1);
      g_string_append (html, "<p>");
      for (guint j = 0; lines[j] != NULL; j++)
        {
          g_autofree char *escaped = weft_html_escape (lines[j]);

          if (j > 0)
            g_string_append (html, "<br>");
          g_string_append (html, escaped);
        }
      g_string_append (html, "</p>");
    }
}
