/* weft-json-locate.c: the strict scanner
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "weft-hash.h"
#include "weft-json-lex.h"
#include "weft-json-locate.h"
#include "weft-text.h"

#define DEFAULT_MAX_DEPTH 64
#define DEFAULT_MAX_STRING_LENGTH (4 * 1024 * 1024)

/* json-glib keeps an object's members in a GHashTable with g_str_hash()
 * (djb2), for which anyone can write many names with one hash: 32,768
 * such members in a 1 MB file took 21 s to read. (The .weft loader keeps
 * members it does not know as json-glib objects; TimelineJS files are
 * json-glib trees.) Objects with more than
 * TRACK_MEMBERS members have their names' hashes counted; more than
 * MAX_SAME_HASH different names with one hash is refused (random names
 * reach 3 only in objects of millions of members). */
#define TRACK_MEMBERS 32
#define MAX_SAME_HASH 8

/* What a scan keeps of the text: all of it, or (reading from a stream)
 * the bytes from the current token on; @base is the offset in the whole
 * text of buf[0]. Offsets in the scanner are in buf. */
typedef struct {
  char                  *buf;
  gsize                  length;     /* bytes in buf */
  gsize                  capacity;   /* of buf, when it is ours */
  gsize                  base;
  gsize                  pos;
  gboolean               eof;        /* nothing more to read */
  WeftJsonReadFunc       read;
  gpointer               read_data;
  GError                *read_error;
  /* Line and column of an offset, for a scan that reports them: a cursor
   * that only moves forward, over text still in buf. */
  gboolean               track;
  gsize                  cursor;     /* in the whole text */
  guint                  line;
  guint                  column;
  guint                  depth;
  gsize                  n_values;
  const WeftJsonLimits  *limits;
  WeftJsonProblem       *problem;   /* check mode */
  GHashTable            *wanted;    /* locate mode */
  const WeftJsonVisitor *visitor;
  gpointer               visitor_data;
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

/* ---- The text ----------------------------------------------------------- */

/* The characters in @length bytes of UTF-8 text without line breaks:
 * the bytes that do not continue a character (weft_utf8_count_chars(),
 * eight bytes at a time). */
static gsize
count_chars (const char *text,
             gsize       length)
{
  gsize n = length;
  gsize i = 0;

  for (; i + 8 <= length; i += 8)
    {
      guint64 x;

      memcpy (&x, text + i, sizeof x);
      /* 10xxxxxx: the high bit set and the next one clear. */
      n -= __builtin_popcountll (x & ~(x << 1) & G_GUINT64_CONSTANT (0x8080808080808080));
    }
  for (; i < length; i++)
    n -= ((guchar) text[i] & 0xC0) == 0x80;
  return n;
}

/* Moves the cursor to @offset (in buf), which must not be behind it. The
 * text in between holds no line break: skip_ws() moves the cursor past
 * each one, and there is none anywhere else (but where a string holds
 * one, which is an error there). */
static void
advance (Scanner *s,
         gsize    offset)
{
  g_assert (s->base + offset >= s->cursor);
  s->column += count_chars (s->buf + (s->cursor - s->base), s->base + offset - s->cursor);
  s->cursor = s->base + offset;
}

/* Reads more text after what buf holds, dropping what comes before the
 * current position. Returns whether there is more. */
static gboolean
more (Scanner *s)
{
  gssize n;

  if (s->eof)
    return FALSE;

  if (s->track)
    advance (s, s->pos);
  memmove (s->buf, s->buf + s->pos, s->length - s->pos);
  s->length -= s->pos;
  s->base += s->pos;
  s->pos = 0;

  /* A token longer than half the buffer: twice the room, so that a long
   * string is lexed again only a few times as it comes in. */
  if (s->length > s->capacity / 2)
    {
      s->capacity *= 2;
      s->buf = g_realloc (s->buf, s->capacity);
    }

  n = s->read (s->read_data, s->buf + s->length, s->capacity - s->length, &s->read_error);
  if (n <= 0)
    {
      s->eof = TRUE;
      if (n < 0)
        s->failed = TRUE;
      return FALSE;
    }

  s->length += n;
  return TRUE;
}

/* Whether at least @n bytes (or all that are left) are there from pos. */
static void
ensure (Scanner *s,
        gsize    n)
{
  while (s->length - s->pos < n && more (s))
    ;
}

/* Records the first problem at @offset (in buf; @line, @column when not
 * 0), taking @message; the scan stops there. */
static gboolean
fail_full (Scanner  *s,
           gsize     offset,
           guint     line,
           guint     column,
           gboolean  limit,
           char     *message)
{
  if (!s->failed && s->problem != NULL)
    {
      s->problem->offset = s->base + offset;
      s->problem->limit = limit;
      s->problem->message = g_steal_pointer (&message);
      if (s->track && line == 0)
        {
          advance (s, offset);
          line = s->line;
          column = s->column;
        }
      s->problem->line = line;
      s->problem->column = column;
    }

  s->failed = TRUE;
  g_free (message);
  return FALSE;
}

/* A syntax error. */
#define fail(s, offset, ...) fail_full ((s), (offset), 0, 0, FALSE, g_strdup_printf (__VA_ARGS__))

/* A safety limit reached: the loader reports it as WEFT_ERROR_LIMIT. */
#define fail_limit(s, offset, ...) fail_full ((s), (offset), 0, 0, TRUE, g_strdup_printf (__VA_ARGS__))

/* A problem the lexical core found. */
static gboolean
fail_lex (Scanner          *s,
          WeftJsonLexError *error)
{
  return fail_full (s, error->offset, 0, 0, FALSE, error->message);
}

/* What stands at pos, for a message (reading on may move it in buf). */
static char *
describe (Scanner *s)
{
  ensure (s, 4);
  return weft_json_describe_at (s->buf, s->length, s->pos);
}

/* Skips white space, reading on; pos is then at a byte, or at the end.
 * The cursor follows the line breaks. */
static void
skip_ws (Scanner *s)
{
  /* Mostly there is none. */
  if (s->pos < s->length && (guchar) s->buf[s->pos] > ' ')
    return;

  for (;;)
    {
      if (s->track)
        {
          guint lines = 0;
          gsize line_start = G_MAXSIZE;

          s->pos = weft_json_skip_space_lines (s->buf, s->length, s->pos, &lines, &line_start);
          if (lines > 0)
            {
              s->line += lines;
              s->column = 1;
              s->cursor = s->base + line_start;
            }
        }
      else
        s->pos = weft_json_skip_space (s->buf, s->length, s->pos);
      if (s->pos < s->length || !more (s))
        return;
    }
}

/* Lexes the token at pos (a string only when @string), reading on while
 * the text ends inside it. (Reading on moves buf, even when there is
 * nothing more: the token is lexed again after it.) */
static gboolean
lex (Scanner       *s,
     gboolean       string,
     WeftJsonToken *token)
{
  for (;;)
    {
      WeftJsonLexError error = { 0 };
      gboolean ok = string ? weft_json_lex_string (s->buf, s->length, s->pos, WEFT_JSON_LEX_STRICT, token, &error)
                           : weft_json_lex_value (s->buf, s->length, s->pos, WEFT_JSON_LEX_STRICT, token, &error);

      if (ok)
        {
          /* A number the text ends right after may go on. */
          if (token->kind == WEFT_JSON_NUMBER && token->end == s->length && !s->eof)
            {
              more (s);
              continue;
            }
          return TRUE;
        }
      if (error.truncated && !s->eof)
        {
          g_free (error.message);
          more (s);
          continue;
        }
      if (s->failed)
        {
          g_free (error.message);
          return FALSE;
        }
      return fail_lex (s, &error);
    }
}

/* A string the core has lexed: within the length limit; with @out, its
 * decoded text is appended to it. */
static gboolean
take_string (Scanner             *s,
             const WeftJsonToken *token,
             GString             *out)
{
  gsize length = token->end - token->start - 2;

  if (length > s->limits->max_string_length)
    return fail_limit (s, token->start,
                       _("a string of %llu bytes is longer than the limit of %llu bytes; "
                         "if the file is legitimate, raise WEFT_MAX_STRING_LENGTH"),
                       (unsigned long long) length,
                       (unsigned long long) s->limits->max_string_length);

  if (out != NULL)
    {
      gsize old = out->len;

      g_string_set_size (out, old + length);
      g_string_truncate (out, old + weft_json_decode_string (s->buf + token->start + 1, length, out->str + old));
    }

  return TRUE;
}

/* The string that starts at s->pos (a member name). */
static gboolean
scan_string (Scanner *s,
             GString *out)
{
  WeftJsonToken token;

  if (!lex (s, TRUE, &token) || !take_string (s, &token, out))
    return FALSE;

  s->pos = token.end;
  return TRUE;
}

static void
record (Scanner *s)
{
  gpointer key, value;

  /* Steal, then insert: inserting over an existing key would free the
   * key we pass when the table owns its keys. */
  if (s->wanted != NULL &&
      g_hash_table_steal_extended (s->wanted, s->path->str, &key, &value))
    g_hash_table_insert (s->wanted, key, GSIZE_TO_POINTER (s->base + s->pos + 1));
}

/* The visitor stopped the scan: no problem to report. */
static gboolean
stop (Scanner *s)
{
  s->failed = TRUE;
  return FALSE;
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

/* A member name, in an object with @n_members so far; appended to the
 * path when locating, told to the visitor when there is one. */
static gboolean
scan_member_name (Scanner     *s,
                  guint        n_members,
                  GHashTable **names,
                  GHashTable **hashes)
{
  g_autofree char *found = NULL;
  gsize name_start = s->base + s->pos;   /* in the whole text: reading on moves buf */
  WeftJsonToken token;

  if (s->buf[s->pos] != '"')
    {
      found = describe (s);
      return fail (s, s->pos, _("expected a member name in double quotes, found %s"), found);
    }

  if (s->wanted != NULL)
    {
      if (s->path->len > 0)
        g_string_append_c (s->path, '.');
      return scan_string (s, s->path);
    }

  if (!lex (s, TRUE, &token) || !take_string (s, &token, NULL))
    return FALSE;

  if (n_members > TRACK_MEMBERS)
    {
      if (*names == NULL)
        {
          /* Keyed by the names themselves: a keyed hash. */
          *names = g_hash_table_new_full (weft_str_hash, g_str_equal, g_free, NULL);
          *hashes = g_hash_table_new (NULL, NULL);
        }
      g_string_truncate (s->name, 0);
      take_string (s, &token, s->name);
      if (!track_member (s, *names, *hashes, s->name->str, name_start - s->base))
        return FALSE;
    }

  if (s->visitor != NULL && !s->visitor->member (s->visitor_data, &token, s->buf))
    return stop (s);
  s->pos = token.end;
  return TRUE;
}

/* An object or an array, from its opening bracket at s->pos, which is at
 * @line, @column when positions are tracked. */
static gboolean
scan_container (Scanner *s,
                guint    line,
                guint    column)
{
  gboolean object = s->buf[s->pos] == '{';
  char close = object ? '}' : ']';
  gsize open = s->base + s->pos;   /* in the whole text */
  guint n = 0;
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GHashTable) hashes = NULL;

  if (!enter (s))
    return FALSE;
  s->pos++;
  skip_ws (s);
  if (s->pos < s->length && s->buf[s->pos] == close)
    {
      s->pos++;
      s->depth--;
      return s->visitor == NULL || s->visitor->end (s->visitor_data) || stop (s);
    }

  for (;;)
    {
      gsize saved = s->path->len;
      g_autofree char *found = NULL;

      skip_ws (s);
      if (s->pos >= s->length)
        break;

      if (object)
        {
          if (!scan_member_name (s, ++n, &names, &hashes))
            return FALSE;
          skip_ws (s);
          if (s->pos >= s->length || s->buf[s->pos] != ':')
            {
              found = describe (s);
              return fail (s, s->pos, _("expected “:” after the member name, found %s"), found);
            }
          s->pos++;
          skip_ws (s);
        }
      else if (s->wanted != NULL)
        {
          g_string_append_printf (s->path, "[%u]", n++);
        }

      if (!scan_value (s))
        return FALSE;
      g_string_truncate (s->path, saved);

      skip_ws (s);
      if (s->pos >= s->length)
        break;
      if (s->buf[s->pos] == ',')
        {
          s->pos++;
          skip_ws (s);
          if (s->pos < s->length && s->buf[s->pos] == close)
            return fail (s, s->pos, object ? _("a “,” before “}”; remove the trailing comma")
                                           : _("a “,” before “]”; remove the trailing comma"));
          continue;
        }
      if (s->buf[s->pos] == close)
        {
          s->pos++;
          s->depth--;
          return s->visitor == NULL || s->visitor->end (s->visitor_data) || stop (s);
        }
      found = describe (s);
      return fail (s, s->pos, object ? _("expected “,” or “}” after a member, found %s")
                                     : _("expected “,” or “]” after an element, found %s"), found);
    }

  /* The end of the text: said where the container opened. */
  if (s->failed)
    return FALSE;
  return fail_full (s, open - s->base, line, column, FALSE,
                    g_strdup (object ? _("this object is never closed; add a “}”")
                                     : _("this array is never closed; add a “]”")));
}

static gboolean
scan_value (Scanner *s)
{
  WeftJsonToken token;
  guint line = 0, column = 0;

  /* Counted before anything is built for them. */
  if (s->pos < s->length && s->limits->max_values > 0 && ++s->n_values > s->limits->max_values)
    return fail_limit (s, s->pos,
                       _("more than %llu values (objects, arrays, strings, numbers…) in one file; "
                         "reading them would need gigabytes of memory. If the file is legitimate, raise WEFT_MAX_ITEMS"),
                       (unsigned long long) s->limits->max_values);

  record (s);
  if (!lex (s, FALSE, &token))
    return FALSE;
  if (token.kind == WEFT_JSON_STRING && !take_string (s, &token, NULL))
    return FALSE;

  if (s->track)
    {
      advance (s, s->pos);
      line = s->line;
      column = s->column;
    }
  if (s->visitor != NULL && !s->visitor->value (s->visitor_data, &token, s->buf, line, column))
    return stop (s);

  switch (token.kind)
    {
    case WEFT_JSON_OBJECT:
    case WEFT_JSON_ARRAY:
      return scan_container (s, line, column);
    case WEFT_JSON_STRING:
    case WEFT_JSON_NUMBER:
    case WEFT_JSON_TRUE:
    case WEFT_JSON_FALSE:
    case WEFT_JSON_NULL:
    default:
      s->pos = token.end;
      return TRUE;
    }
}

/* The whole text: one value, white space around it. */
static gboolean
scan_text (Scanner *s)
{
  skip_ws (s);
  if (s->pos >= s->length)
    {
      if (s->failed)
        return FALSE;
      /* Said at the start (offset 0, wherever buf starts now). */
      return fail_full (s, -s->base, 1, 1, FALSE,
                        g_strdup (_("the file is empty; a .weft file is a JSON object such as {\"weft\": 1, …}")));
    }
  if (!scan_value (s))
    return FALSE;

  skip_ws (s);
  if (s->pos < s->length)
    {
      g_autofree char *found = describe (s);
      return fail (s, s->pos, _("unexpected %s after the end of the JSON value"), found);
    }
  return !s->failed;
}

gboolean
weft_json_check (const char           *text,
                 gsize                 length,
                 const WeftJsonLimits *limits,
                 WeftJsonProblem      *problem)
{
  WeftJsonInput input = { text, length, NULL, NULL, 0 };

  return weft_json_scan (&input, limits, NULL, NULL, problem, NULL);
}

/* A text in memory read as a stream. */
static gssize
read_memory (gpointer   user_data,
             char      *buffer,
             gsize      size,
             GError   **error)
{
  WeftJsonInput *rest = user_data;
  gsize n = MIN (size, rest->length);

  memcpy (buffer, rest->text, n);
  rest->text += n;
  rest->length -= n;
  return n;
}

gboolean
weft_json_scan (const WeftJsonInput    *input,
                const WeftJsonLimits   *limits,
                const WeftJsonVisitor  *visitor,
                gpointer                visitor_data,
                WeftJsonProblem        *problem,
                GError                **error)
{
  Scanner s = { 0 };
  WeftJsonLimits defaults;
  WeftJsonInput rest = *input;
  gboolean ok;

  if (limits == NULL)
    {
      weft_json_limits_get_default (&defaults);
      limits = &defaults;
    }

  if (input->read != NULL || input->chunk > 0)
    {
      s.capacity = input->chunk > 0 ? input->chunk : 64 * 1024;
      s.buf = g_malloc (s.capacity);
      s.read = input->read != NULL ? input->read : read_memory;
      s.read_data = input->read != NULL ? input->read_data : &rest;
    }
  else
    {
      s.buf = (char *) input->text;
      s.length = input->length;
      s.eof = TRUE;
    }
  s.track = visitor != NULL || s.read != NULL;
  s.line = s.column = 1;
  s.limits = limits;
  s.problem = problem;
  s.visitor = visitor;
  s.visitor_data = visitor_data;
  s.path = g_string_new (NULL);
  s.name = g_string_new (NULL);

  /* UTF-8 is checked inside strings, where it may appear; anywhere else a
   * byte above 0x7F is a syntax error reported as invalid UTF-8 when it is. */
  ok = scan_text (&s);

  if (s.read_error != NULL)
    {
      g_propagate_error (error, s.read_error);
      ok = FALSE;
    }
  if (s.read != NULL)
    g_free (s.buf);
  g_string_free (s.path, TRUE);
  g_string_free (s.name, TRUE);
  return ok;
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

  s.buf = (char *) text;
  s.length = length;
  s.eof = TRUE;
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
