/* weft-json-locate.c
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <stdlib.h>
#include <glib/gi18n-lib.h>

#include "weft-hash.h"
#include "weft-json-lex.h"
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

/* Records the first problem, taking @message; the scan stops there. */
static gboolean
fail_with (Scanner  *s,
           gsize     offset,
           gboolean  limit,
           char     *message)
{
  if (!s->failed && s->problem != NULL)
    {
      s->problem->offset = offset;
      s->problem->limit = limit;
      s->problem->message = g_steal_pointer (&message);
    }

  s->failed = TRUE;
  g_free (message);
  return FALSE;
}

/* A syntax error. */
#define fail(s, offset, ...) fail_with ((s), (offset), FALSE, g_strdup_printf (__VA_ARGS__))

/* A safety limit reached: the loader reports it as WEFT_ERROR_LIMIT. */
#define fail_limit(s, offset, ...) fail_with ((s), (offset), TRUE, g_strdup_printf (__VA_ARGS__))

/* A problem the lexical core found. */
static gboolean
fail_lex (Scanner          *s,
          WeftJsonLexError *error)
{
  return fail_with (s, error->offset, FALSE, error->message);
}

static void
skip_ws (Scanner *s)
{
  s->pos = weft_json_skip_space (s->text, s->length, s->pos);
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
      g_string_truncate (out, old + weft_json_decode_string (s->text + token->start + 1, length, out->str + old));
    }

  s->pos = token->end;
  return TRUE;
}

/* The string that starts at s->pos (a member name). */
static gboolean
scan_string (Scanner *s,
             GString *out)
{
  WeftJsonToken token;
  WeftJsonLexError error;

  if (!weft_json_lex_string (s->text, s->length, s->pos, WEFT_JSON_LEX_STRICT, &token, &error))
    return fail_lex (s, &error);

  return take_string (s, &token, out);
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

/* A member name, in an object with @n_members so far; appended to the
 * path when locating. */
static gboolean
scan_member_name (Scanner     *s,
                  guint        n_members,
                  GHashTable **names,
                  GHashTable **hashes)
{
  g_autofree char *found = NULL;
  gsize name_start = s->pos;

  if (s->text[s->pos] != '"')
    {
      found = weft_json_describe_at (s->text, s->length, s->pos);
      return fail (s, s->pos, _("expected a member name in double quotes, found %s"), found);
    }

  if (s->wanted != NULL)
    {
      if (s->path->len > 0)
        g_string_append_c (s->path, '.');
      return scan_string (s, s->path);
    }

  if (n_members <= TRACK_MEMBERS)
    return scan_string (s, NULL);

  if (*names == NULL)
    {
      /* Keyed by the names themselves: a keyed hash. */
      *names = g_hash_table_new_full (weft_str_hash, g_str_equal, g_free, NULL);
      *hashes = g_hash_table_new (NULL, NULL);
    }
  g_string_truncate (s->name, 0);
  return scan_string (s, s->name) && track_member (s, *names, *hashes, s->name->str, name_start);
}

/* An object or an array, from its opening bracket at s->pos. */
static gboolean
scan_container (Scanner *s)
{
  gboolean object = s->text[s->pos] == '{';
  char close = object ? '}' : ']';
  gsize open = s->pos;
  guint n = 0;
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GHashTable) hashes = NULL;

  if (!enter (s))
    return FALSE;
  s->pos++;
  skip_ws (s);
  if (s->pos < s->length && s->text[s->pos] == close)
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
        return fail (s, open, object ? _("this object is never closed; add a “}”")
                                     : _("this array is never closed; add a “]”"));

      if (object)
        {
          if (!scan_member_name (s, ++n, &names, &hashes))
            return FALSE;
          skip_ws (s);
          if (s->pos >= s->length || s->text[s->pos] != ':')
            {
              found = weft_json_describe_at (s->text, s->length, s->pos);
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
        return fail (s, open, object ? _("this object is never closed; add a “}”")
                                     : _("this array is never closed; add a “]”"));
      if (s->text[s->pos] == ',')
        {
          s->pos++;
          skip_ws (s);
          if (s->pos < s->length && s->text[s->pos] == close)
            return fail (s, s->pos, object ? _("a “,” before “}”; remove the trailing comma")
                                           : _("a “,” before “]”; remove the trailing comma"));
          continue;
        }
      if (s->text[s->pos] == close)
        {
          s->pos++;
          s->depth--;
          return TRUE;
        }
      found = weft_json_describe_at (s->text, s->length, s->pos);
      return fail (s, s->pos, object ? _("expected “,” or “}” after a member, found %s")
                                     : _("expected “,” or “]” after an element, found %s"), found);
    }
}

static gboolean
scan_value (Scanner *s)
{
  WeftJsonToken token;
  WeftJsonLexError error;

  /* Counted before json-glib builds a node for each. */
  if (s->pos < s->length && s->limits->max_values > 0 && ++s->n_values > s->limits->max_values)
    return fail_limit (s, s->pos,
                       _("more than %llu values (objects, arrays, strings, numbers…) in one file; "
                         "reading them would need gigabytes of memory. If the file is legitimate, raise WEFT_MAX_ITEMS"),
                       (unsigned long long) s->limits->max_values);

  record (s);
  if (!weft_json_lex_value (s->text, s->length, s->pos, WEFT_JSON_LEX_STRICT, &token, &error))
    return fail_lex (s, &error);

  switch (token.kind)
    {
    case WEFT_JSON_OBJECT:
    case WEFT_JSON_ARRAY:
      return scan_container (s);
    case WEFT_JSON_STRING:
      return take_string (s, &token, NULL);
    case WEFT_JSON_NUMBER:
    case WEFT_JSON_TRUE:
    case WEFT_JSON_FALSE:
    case WEFT_JSON_NULL:
    default:
      s->pos = token.end;
      return TRUE;
    }
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
          g_autofree char *found = weft_json_describe_at (text, length, s.pos);
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
