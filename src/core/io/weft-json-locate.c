/* weft-json-locate.c
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <stdlib.h>
#include <glib/gi18n-lib.h>

#include "weft-hash.h"
#include "weft-json-locate.h"
#include "weft-text.h"

#define DEFAULT_MAX_DEPTH 64
#define DEFAULT_MAX_STRING_LENGTH (4 * 1024 * 1024)

/* json-glib keeps an object's members in a GHashTable with g_str_hash()
 * (djb2), for which anyone can write many names with one hash: 32,768
 * such members in a 1 MB file took 21 s to read. Objects with more than
 * TRACK_MEMBERS members have their names' hashes counted; more than
 * MAX_SAME_HASH different names with one hash is refused (random names
 * reach 3 only in objects of millions of members). */
#define TRACK_MEMBERS 32
#define MAX_SAME_HASH 8

typedef struct {
  const char            *text;
  gsize                  length;
  gsize                  pos;
  guint                  depth;
  gsize                  n_values;
  const WeftJsonLimits  *limits;
  WeftJsonProblem       *problem;   /* check mode */
  GHashTable            *wanted;    /* locate mode */
  GString               *path;
  GString               *name;      /* scratch for member names */
  gboolean               failed;
} Scanner;

static guint64
env_limit (const char *name,
           guint64     fallback)
{
  const char *value = g_getenv (name);
  guint64 parsed;

  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 1, G_MAXUINT32, &parsed, NULL))
    return fallback;
  return parsed;
}

void
weft_json_limits_get_default (WeftJsonLimits *limits)
{
  limits->max_depth = env_limit ("WEFT_MAX_DEPTH", DEFAULT_MAX_DEPTH);
  limits->max_string_length = env_limit ("WEFT_MAX_STRING_LENGTH", DEFAULT_MAX_STRING_LENGTH);
  limits->max_values = env_limit ("WEFT_MAX_ITEMS", WEFT_DEFAULT_MAX_VALUES);
}

static gboolean G_GNUC_PRINTF (4, 0)
vfail (Scanner    *s,
       gsize       offset,
       gboolean    limit,
       const char *format,
       va_list     args)
{
  if (s->failed)
    return FALSE;

  s->failed = TRUE;
  if (s->problem != NULL)
    {
      s->problem->offset = offset;
      s->problem->limit = limit;
      s->problem->message = g_strdup_vprintf (format, args);
    }

  return FALSE;
}

static gboolean fail (Scanner *s, gsize offset, const char *format, ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (Scanner    *s,
      gsize       offset,
      const char *format,
      ...)
{
  va_list args;

  va_start (args, format);
  vfail (s, offset, FALSE, format, args);
  va_end (args);
  return FALSE;
}

/* A safety limit reached: the loader reports it as WEFT_ERROR_LIMIT. */
static gboolean fail_limit (Scanner *s, gsize offset, const char *format, ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail_limit (Scanner    *s,
            gsize       offset,
            const char *format,
            ...)
{
  va_list args;

  va_start (args, format);
  vfail (s, offset, TRUE, format, args);
  va_end (args);
  return FALSE;
}

/* A short, printable description of what stands at @pos. */
static char *
describe_at (Scanner *s,
             gsize    pos)
{
  gunichar c;

  if (pos >= s->length)
    return g_strdup (_("the end of the file"));

  c = g_utf8_get_char_validated (s->text + pos, s->length - pos);
  if (c == (gunichar) -1 || c == (gunichar) -2)
    return g_strdup (_("an invalid byte"));
  if (c < 0x20)
    return g_strdup_printf (_("control character U+%04X"), c);
  {
    char buf[8] = { 0 };
    g_unichar_to_utf8 (c, buf);
    return g_strdup_printf ("“%s”", buf);
  }
}

static void
skip_ws (Scanner *s)
{
  while (s->pos < s->length)
    {
      char c = s->text[s->pos];

      if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        s->pos++;
      else
        break;
    }
}

static gboolean
is_hex (char c)
{
  return g_ascii_isxdigit (c);
}

static guint
hex4 (const char *p)
{
  guint v = 0;

  for (guint i = 0; i < 4; i++)
    v = v * 16 + g_ascii_xdigit_value (p[i]);
  return v;
}

/* Scans a string starting at the opening quote. When @out is not NULL the
 * decoded text is appended to it. */
static gboolean
scan_string (Scanner *s,
             GString *out)
{
  gsize start = s->pos;

  s->pos++;  /* the quote */
  while (s->pos < s->length)
    {
      guchar c = s->text[s->pos];

      /* Plain characters, the bulk of any file, in a tight loop. */
      if (G_LIKELY (c >= 0x20 && c < 0x80 && c != '"' && c != '\\'))
        {
          gsize run = s->pos;

          do
            run++;
          while (run < s->length &&
                 (guchar) s->text[run] >= 0x20 && (guchar) s->text[run] < 0x80 &&
                 s->text[run] != '"' && s->text[run] != '\\');
          if (out)
            g_string_append_len (out, s->text + s->pos, run - s->pos);
          s->pos = run;
          continue;
        }

      if (c >= 0x80)
        {
          gunichar u = g_utf8_get_char_validated (s->text + s->pos, s->length - s->pos);

          if (u == (gunichar) -1 || u == (gunichar) -2)
            return fail (s, s->pos, _("invalid UTF-8; save the file as UTF-8 text"));
          {
            gsize n = g_utf8_skip[c];

            if (out)
              g_string_append_len (out, s->text + s->pos, n);
            s->pos += n;
          }
          continue;
        }

      if (c == '"')
        {
          if (s->pos - start - 1 > s->limits->max_string_length)
            return fail_limit (s, start,
                               _("a string of %llu bytes is longer than the limit of %llu bytes; "
                                 "if the file is legitimate, raise WEFT_MAX_STRING_LENGTH"),
                               (unsigned long long) (s->pos - start - 1),
                               (unsigned long long) s->limits->max_string_length);
          s->pos++;
          return TRUE;
        }

      if (c < 0x20)
        {
          if (c == '\n' || c == '\r')
            return fail (s, s->pos, _("a line break inside a string; end the string with \" or write the break as \\n"));
          return fail (s, s->pos, _("control character U+%04X inside a string; write it as \\u%04X"), c, c);
        }

      if (c == '\\')
        {
          char e;

          if (s->pos + 1 >= s->length)
            break;
          e = s->text[s->pos + 1];
          switch (e)
            {
            case '"': case '\\': case '/':
              if (out) g_string_append_c (out, e);
              s->pos += 2;
              break;
            case 'b': if (out) g_string_append_c (out, '\b'); s->pos += 2; break;
            case 'f': if (out) g_string_append_c (out, '\f'); s->pos += 2; break;
            case 'n': if (out) g_string_append_c (out, '\n'); s->pos += 2; break;
            case 'r': if (out) g_string_append_c (out, '\r'); s->pos += 2; break;
            case 't': if (out) g_string_append_c (out, '\t'); s->pos += 2; break;
            case 'u':
              {
                guint cp;

                if (s->pos + 6 > s->length ||
                    !is_hex (s->text[s->pos + 2]) || !is_hex (s->text[s->pos + 3]) ||
                    !is_hex (s->text[s->pos + 4]) || !is_hex (s->text[s->pos + 5]))
                  return fail (s, s->pos, _("\\u must be followed by four hexadecimal digits, as in \\u00e9"));
                cp = hex4 (s->text + s->pos + 2);
                s->pos += 6;
                if (cp >= 0xD800 && cp <= 0xDBFF)
                  {
                    guint lo;

                    if (s->pos + 6 > s->length || s->text[s->pos] != '\\' || s->text[s->pos + 1] != 'u' ||
                        !is_hex (s->text[s->pos + 2]) || !is_hex (s->text[s->pos + 3]) ||
                        !is_hex (s->text[s->pos + 4]) || !is_hex (s->text[s->pos + 5]))
                      return fail (s, s->pos - 6, _("a \\u escape of a high surrogate must be followed by a low surrogate"));
                    lo = hex4 (s->text + s->pos + 2);
                    if (lo < 0xDC00 || lo > 0xDFFF)
                      return fail (s, s->pos, _("a \\u escape of a high surrogate must be followed by a low surrogate"));
                    s->pos += 6;
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                  }
                else if (cp >= 0xDC00 && cp <= 0xDFFF)
                  return fail (s, s->pos - 6, _("a \\u escape of a low surrogate without a high surrogate before it"));
                else if (cp == 0)
                  return fail (s, s->pos - 6, _("\\u0000 (a NUL character) is not allowed in text"));
                if (out)
                  g_string_append_unichar (out, cp);
              }
              break;
            default:
              return fail (s, s->pos, _("unknown escape \\%c; use one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX"),
                           g_ascii_isprint (e) ? e : '?');
            }
          continue;
        }

      if (out)
        g_string_append_c (out, c);
      s->pos++;
    }

  return fail (s, start, _("this string is never closed; add a \" where it should end"));
}

static gboolean
scan_number (Scanner *s)
{
  gsize start = s->pos;

  if (s->text[s->pos] == '-')
    s->pos++;
  if (s->pos >= s->length || !g_ascii_isdigit (s->text[s->pos]))
    return fail (s, start, _("a number needs digits after “-”"));
  if (s->text[s->pos] == '0')
    {
      s->pos++;
      if (s->pos < s->length && g_ascii_isdigit (s->text[s->pos]))
        return fail (s, start, _("a number cannot start with 0 followed by more digits; write it without the leading zero or as a string"));
    }
  else
    while (s->pos < s->length && g_ascii_isdigit (s->text[s->pos]))
      s->pos++;

  if (s->pos < s->length && s->text[s->pos] == '.')
    {
      s->pos++;
      if (s->pos >= s->length || !g_ascii_isdigit (s->text[s->pos]))
        return fail (s, s->pos, _("a decimal point must be followed by digits"));
      while (s->pos < s->length && g_ascii_isdigit (s->text[s->pos]))
        s->pos++;
    }

  if (s->pos < s->length && (s->text[s->pos] == 'e' || s->text[s->pos] == 'E'))
    {
      s->pos++;
      if (s->pos < s->length && (s->text[s->pos] == '+' || s->text[s->pos] == '-'))
        s->pos++;
      if (s->pos >= s->length || !g_ascii_isdigit (s->text[s->pos]))
        return fail (s, s->pos, _("an exponent must have digits"));
      while (s->pos < s->length && g_ascii_isdigit (s->text[s->pos]))
        s->pos++;
    }

  return TRUE;
}

static gboolean
scan_word (Scanner    *s,
           const char *word)
{
  gsize n = strlen (word);

  if (s->length - s->pos >= n && memcmp (s->text + s->pos, word, n) == 0)
    {
      s->pos += n;
      return TRUE;
    }
  return FALSE;
}

static void
record (Scanner *s)
{
  gpointer key, value;

  /* Steal, then insert: inserting over an existing key would free the
   * key we pass when the table owns its keys. */
  if (s->wanted != NULL &&
      g_hash_table_steal_extended (s->wanted, s->path->str, &key, &value))
    g_hash_table_insert (s->wanted, key, GSIZE_TO_POINTER (s->pos + 1));
}

static gboolean scan_value (Scanner *s);

static gboolean
enter (Scanner *s)
{
  if (++s->depth > s->limits->max_depth)
    return fail_limit (s, s->pos,
                       _("nested more than %u levels deep; a .weft file needs far fewer, "
                         "so this is probably not a Weft file (if it is legitimate, raise WEFT_MAX_DEPTH)"),
                       s->limits->max_depth);
  return TRUE;
}

/* Counts @name (decoded) among the names of one object; FALSE when too
 * many different names share its g_str_hash() value. */
static gboolean
track_member (Scanner    *s,
              GHashTable *names,
              GHashTable *hashes,
              const char *name,
              gsize       offset)
{
  guint hash, count;

  if (g_hash_table_contains (names, name))
    return TRUE;  /* a repeated name: json-glib keeps the last one */
  g_hash_table_add (names, g_strdup (name));

  hash = g_str_hash (name);
  count = GPOINTER_TO_UINT (g_hash_table_lookup (hashes, GUINT_TO_POINTER (hash))) + 1;
  g_hash_table_insert (hashes, GUINT_TO_POINTER (hash), GUINT_TO_POINTER (count));
  if (count > MAX_SAME_HASH)
    return fail_limit (s, offset,
                       _("more than %u member names of this object have the same hash value, which would make "
                         "reading it take very long; files written by people or tools do not do this"),
                       MAX_SAME_HASH);
  return TRUE;
}

static gboolean
scan_object (Scanner *s)
{
  gsize open = s->pos;
  guint n_members = 0;
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GHashTable) hashes = NULL;

  if (!enter (s))
    return FALSE;
  s->pos++;
  skip_ws (s);
  if (s->pos < s->length && s->text[s->pos] == '}')
    {
      s->pos++;
      s->depth--;
      return TRUE;
    }

  for (;;)
    {
      gsize saved = s->path->len;
      g_autofree char *found = NULL;

      skip_ws (s);
      if (s->pos >= s->length)
        return fail (s, open, _("this object is never closed; add a “}”"));
      if (s->text[s->pos] != '"')
        {
          found = describe_at (s, s->pos);
          return fail (s, s->pos, _("expected a member name in double quotes, found %s"), found);
        }

      if (s->wanted != NULL)
        {
          if (s->path->len > 0)
            g_string_append_c (s->path, '.');
          if (!scan_string (s, s->path))
            return FALSE;
        }
      else if (++n_members > TRACK_MEMBERS)
        {
          gsize name_start = s->pos;

          if (names == NULL)
            {
              /* Keyed by the names themselves: a keyed hash. */
              names = g_hash_table_new_full (weft_str_hash, g_str_equal, g_free, NULL);
              hashes = g_hash_table_new (NULL, NULL);
            }
          g_string_truncate (s->name, 0);
          if (!scan_string (s, s->name) ||
              !track_member (s, names, hashes, s->name->str, name_start))
            return FALSE;
        }
      else if (!scan_string (s, NULL))
        return FALSE;

      skip_ws (s);
      if (s->pos >= s->length || s->text[s->pos] != ':')
        {
          found = describe_at (s, s->pos);
          return fail (s, s->pos, _("expected “:” after the member name, found %s"), found);
        }
      s->pos++;
      skip_ws (s);
      if (!scan_value (s))
        return FALSE;
      g_string_truncate (s->path, saved);

      skip_ws (s);
      if (s->pos >= s->length)
        return fail (s, open, _("this object is never closed; add a “}”"));
      if (s->text[s->pos] == ',')
        {
          s->pos++;
          skip_ws (s);
          if (s->pos < s->length && s->text[s->pos] == '}')
            return fail (s, s->pos, _("a “,” before “}”; remove the trailing comma"));
          continue;
        }
      if (s->text[s->pos] == '}')
        {
          s->pos++;
          s->depth--;
          return TRUE;
        }
      found = describe_at (s, s->pos);
      return fail (s, s->pos, _("expected “,” or “}” after a member, found %s"), found);
    }
}

static gboolean
scan_array (Scanner *s)
{
  gsize open = s->pos;
  guint index = 0;

  if (!enter (s))
    return FALSE;
  s->pos++;
  skip_ws (s);
  if (s->pos < s->length && s->text[s->pos] == ']')
    {
      s->pos++;
      s->depth--;
      return TRUE;
    }

  for (;;)
    {
      gsize saved = s->path->len;
      g_autofree char *found = NULL;

      skip_ws (s);
      if (s->pos >= s->length)
        return fail (s, open, _("this array is never closed; add a “]”"));
      if (s->wanted != NULL)
        g_string_append_printf (s->path, "[%u]", index);
      if (!scan_value (s))
        return FALSE;
      g_string_truncate (s->path, saved);
      index++;

      skip_ws (s);
      if (s->pos >= s->length)
        return fail (s, open, _("this array is never closed; add a “]”"));
      if (s->text[s->pos] == ',')
        {
          s->pos++;
          skip_ws (s);
          if (s->pos < s->length && s->text[s->pos] == ']')
            return fail (s, s->pos, _("a “,” before “]”; remove the trailing comma"));
          continue;
        }
      if (s->text[s->pos] == ']')
        {
          s->pos++;
          s->depth--;
          return TRUE;
        }
      found = describe_at (s, s->pos);
      return fail (s, s->pos, _("expected “,” or “]” after an element, found %s"), found);
    }
}

static gboolean
scan_value (Scanner *s)
{
  g_autofree char *found = NULL;
  char c;

  if (s->pos >= s->length)
    return fail (s, s->pos, _("expected a value, found the end of the file"));

  /* Counted before json-glib builds a node for each. */
  if (s->limits->max_values > 0 && ++s->n_values > s->limits->max_values)
    return fail_limit (s, s->pos,
                       _("more than %llu values (objects, arrays, strings, numbers…) in one file; "
                         "reading them would need gigabytes of memory. If the file is legitimate, raise WEFT_MAX_ITEMS"),
                       (unsigned long long) s->limits->max_values);

  record (s);
  c = s->text[s->pos];
  switch (c)
    {
    case '{': return scan_object (s);
    case '[': return scan_array (s);
    case '"': return scan_string (s, NULL);
    case '-': case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return scan_number (s);
    case 't': if (scan_word (s, "true")) return TRUE; break;
    case 'f': if (scan_word (s, "false")) return TRUE; break;
    case 'n': if (scan_word (s, "null")) return TRUE; break;
    case '\'':
      return fail (s, s->pos, _("strings must be in double quotes (\"), not single quotes"));
    default:
      if ((guchar) c >= 0x80 &&
          (gunichar) g_utf8_get_char_validated (s->text + s->pos, s->length - s->pos) >= (gunichar) -2)
        return fail (s, s->pos, _("invalid UTF-8; save the file as UTF-8 text"));
      break;
    }

  found = describe_at (s, s->pos);
  return fail (s, s->pos, _("expected a value (an object, array, string, number, true, false or null), found %s"), found);
}

gboolean
weft_json_check (const char           *text,
                 gsize                 length,
                 const WeftJsonLimits *limits,
                 WeftJsonProblem      *problem)
{
  Scanner s = { 0 };
  WeftJsonLimits defaults;

  if (limits == NULL)
    {
      weft_json_limits_get_default (&defaults);
      limits = &defaults;
    }

  s.text = text;
  s.length = length;
  s.limits = limits;
  s.problem = problem;
  s.path = g_string_new (NULL);
  s.name = g_string_new (NULL);

  /* UTF-8 is checked inside strings, where it may appear; anywhere else a
   * byte above 0x7F is a syntax error reported as invalid UTF-8 when it is. */
  skip_ws (&s);
  if (s.pos >= length)
    {
      fail (&s, 0, _("the file is empty; a .weft file is a JSON object such as {\"weft\": 1, …}"));
    }
  else if (scan_value (&s))
    {
      skip_ws (&s);
      if (s.pos < length)
        {
          g_autofree char *found = describe_at (&s, s.pos);
          fail (&s, s.pos, _("unexpected %s after the end of the JSON value"), found);
        }
    }

  g_string_free (s.path, TRUE);
  g_string_free (s.name, TRUE);
  return !s.failed;
}

void
weft_json_locate (const char *text,
                  gsize       length,
                  GHashTable *wanted)
{
  Scanner s = { 0 };
  WeftJsonLimits limits;

  weft_json_limits_get_default (&limits);
  limits.max_depth = G_MAXUINT;
  limits.max_string_length = G_MAXSIZE;
  limits.max_values = 0;

  s.text = text;
  s.length = length;
  s.limits = &limits;
  s.wanted = wanted;
  s.path = g_string_new (NULL);

  skip_ws (&s);
  scan_value (&s);

  g_string_free (s.path, TRUE);
}

void
weft_json_offset_to_position (const char *text,
                              gsize       length,
                              gsize       offset,
                              guint      *line,
                              guint      *column)
{
  guint l = 1;
  gsize line_start = 0;

  offset = MIN (offset, length);
  for (gsize i = 0; i < offset; i++)
    if (text[i] == '\n')
      {
        l++;
        line_start = i + 1;
      }

  *line = l;
  *column = 1 + weft_utf8_count_chars (text + line_start, offset - line_start);
}

static int
compare_offsets (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const gsize *offsets = user_data;
  gsize x = offsets[*(const guint *) a];
  gsize y = offsets[*(const guint *) b];

  return x < y ? -1 : (x > y);
}

void
weft_json_offsets_to_positions (const char  *text,
                                gsize        length,
                                const gsize *offsets,
                                guint        n,
                                guint       *lines,
                                guint       *columns)
{
  g_autofree guint *order = g_new (guint, MAX (n, 1));
  gsize pos = 0;
  guint line = 1, column = 1;

  for (guint i = 0; i < n; i++)
    order[i] = i;
  g_qsort_with_data (order, n, sizeof (guint), compare_offsets, (gpointer) offsets);

  /* A cursor that only moves forward: the line, and the column in
   * characters, of byte @pos. */
  for (guint k = 0; k < n; k++)
    {
      guint i = order[k];
      gsize offset = MIN (offsets[i], length);

      if (offset > pos)
        {
          weft_text_advance_position (text + pos, offset - pos, &line, &column);
          pos = offset;
        }
      lines[i] = line;
      columns[i] = column;
    }
}
