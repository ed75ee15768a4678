/* weft-json-tokens.c: a fast, strict JSON tokenizer for one record
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "weft-json-tokens.h"

/* FtM records are shallow; this only stops runaway input. */
#define MAX_DEPTH 64

typedef struct {
  WeftJTokens *self;
  const char  *p;
  const char  *end;
} Parser;

void
weft_jtokens_init (WeftJTokens *self)
{
  memset (self, 0, sizeof *self);
}

void
weft_jtokens_clear (WeftJTokens *self)
{
  g_clear_pointer (&self->tokens, g_free);
  self->capacity = self->n_tokens = 0;
}

static gboolean
fail (Parser     *parser,
      const char *at,
      const char *message)
{
  parser->self->error_offset = at - parser->self->text;
  parser->self->error_message = message;
  return FALSE;
}

static guint
add_token (Parser       *parser,
           WeftJTokType  type,
           const char   *start)
{
  WeftJTokens *self = parser->self;
  WeftJTok *t;

  if (self->n_tokens == self->capacity)
    {
      self->capacity = MAX (64, self->capacity * 2);
      self->tokens = g_renew (WeftJTok, self->tokens, self->capacity);
    }

  t = &self->tokens[self->n_tokens];
  t->type = type;
  t->escaped = 0;
  t->decoded = 0;
  t->start = start - self->text;
  t->length = 0;
  t->size = 0;
  t->next = 0;

  return self->n_tokens++;
}

static inline void
skip_space (Parser *parser)
{
  while (parser->p < parser->end &&
         (*parser->p == ' ' || *parser->p == '\t' || *parser->p == '\n' || *parser->p == '\r'))
    parser->p++;
}

static gboolean
parse_string (Parser *parser)
{
  const char *start = parser->p + 1;
  const char *p = start;
  const char *end = parser->end;
  gboolean escaped = FALSE;
  guint index;

  for (;;)
    {
      /* The common case: plain ASCII and UTF-8 (validated beforehand). */
      while (p < end && *p != '"' && *p != '\\' && (guchar) *p >= 0x20)
        p++;

      if (p >= end)
        return fail (parser, parser->p, _("a string that is never closed; end it with \""));

      if (*p == '"')
        break;

      if ((guchar) *p < 0x20)
        return fail (parser, p, _("a control character (such as a line break or tab) inside a string; "
                                  "write it as an escape (\\n, \\t)"));

      /* A backslash. */
      escaped = TRUE;
      if (p + 1 >= end)
        return fail (parser, p, _("a string that is never closed; end it with \""));
      switch (p[1])
        {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
          p += 2;
          break;
        case 'u':
          for (int i = 2; i < 6; i++)
            if (p + i >= end || !g_ascii_isxdigit (p[i]))
              return fail (parser, p, _("\\u must be followed by four hexadecimal digits, as in \\u00e9"));
          p += 6;
          break;
        default:
          return fail (parser, p, _("an unknown escape in a string; use \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX"));
        }
    }

  index = add_token (parser, WEFT_JTOK_STRING, start);
  parser->self->tokens[index].length = p - start;
  parser->self->tokens[index].escaped = escaped;
  parser->self->tokens[index].next = index + 1;
  parser->p = p + 1;
  return TRUE;
}

static gboolean
parse_number (Parser *parser)
{
  const char *start = parser->p;
  const char *p = start;
  const char *end = parser->end;
  guint index;

  if (p < end && *p == '-')
    p++;
  if (p >= end || !g_ascii_isdigit (*p))
    return fail (parser, start, _("expected a value: a string, number, object, array, true, false or null"));
  if (*p == '0')
    p++;
  else
    while (p < end && g_ascii_isdigit (*p))
      p++;
  if (p < end && *p == '.')
    {
      p++;
      if (p >= end || !g_ascii_isdigit (*p))
        return fail (parser, p, _("a digit must follow the decimal point"));
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }
  if (p < end && (*p == 'e' || *p == 'E'))
    {
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      if (p >= end || !g_ascii_isdigit (*p))
        return fail (parser, p, _("a digit must follow the exponent"));
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }

  index = add_token (parser, WEFT_JTOK_NUMBER, start);
  parser->self->tokens[index].length = p - start;
  parser->self->tokens[index].next = index + 1;
  parser->p = p;
  return TRUE;
}

static gboolean
parse_literal (Parser       *parser,
               const char   *word,
               WeftJTokType  type)
{
  gsize n = strlen (word);
  guint index;

  if ((gsize) (parser->end - parser->p) < n || memcmp (parser->p, word, n) != 0)
    return fail (parser, parser->p, _("expected a value: a string, number, object, array, true, false or null"));

  index = add_token (parser, type, parser->p);
  parser->self->tokens[index].length = n;
  parser->self->tokens[index].next = index + 1;
  parser->p += n;
  return TRUE;
}

static gboolean parse_value (Parser *parser, guint depth);

static gboolean
parse_container (Parser *parser,
                 guint   depth)
{
  gboolean object = (*parser->p == '{');
  char close = object ? '}' : ']';
  guint index = add_token (parser, object ? WEFT_JTOK_OBJECT : WEFT_JTOK_ARRAY, parser->p);
  guint size = 0;

  if (depth >= MAX_DEPTH)
    return fail (parser, parser->p, _("nested too deeply"));

  parser->p++;
  skip_space (parser);

  if (parser->p < parser->end && *parser->p == close)
    {
      parser->p++;
    }
  else
    {
      for (;;)
        {
          if (object)
            {
              if (parser->p >= parser->end || *parser->p != '"')
                return fail (parser, parser->p, _("expected a member name in double quotes"));
              if (!parse_string (parser))
                return FALSE;
              skip_space (parser);
              if (parser->p >= parser->end || *parser->p != ':')
                return fail (parser, parser->p, _("expected “:” after the member name"));
              parser->p++;
              skip_space (parser);
            }

          if (!parse_value (parser, depth + 1))
            return FALSE;
          size++;
          skip_space (parser);

          if (parser->p < parser->end && *parser->p == ',')
            {
              parser->p++;
              skip_space (parser);
              if (parser->p < parser->end && *parser->p == close)
                return fail (parser, parser->p, _("a comma before the closing bracket; remove it"));
              continue;
            }
          if (parser->p < parser->end && *parser->p == close)
            {
              parser->p++;
              break;
            }
          return fail (parser, parser->p, object ? _("expected “,” or “}” after a member")
                                                 : _("expected “,” or “]” after an element"));
        }
    }

  parser->self->tokens[index].size = size;
  parser->self->tokens[index].length = parser->p - (parser->self->text + parser->self->tokens[index].start);
  parser->self->tokens[index].next = parser->self->n_tokens;
  return TRUE;
}

static gboolean
parse_value (Parser *parser,
             guint   depth)
{
  if (parser->p >= parser->end)
    return fail (parser, parser->p, _("the record ends where a value is expected"));

  switch (*parser->p)
    {
    case '{':
    case '[':
      return parse_container (parser, depth);
    case '"':
      return parse_string (parser);
    case 't':
      return parse_literal (parser, "true", WEFT_JTOK_TRUE);
    case 'f':
      return parse_literal (parser, "false", WEFT_JTOK_FALSE);
    case 'n':
      return parse_literal (parser, "null", WEFT_JTOK_NULL);
    default:
      return parse_number (parser);
    }
}

gboolean
weft_jtokens_parse (WeftJTokens *self,
                    char        *text,
                    gsize        length)
{
  Parser parser = { self, text, text + length };
  const char *invalid = NULL;

  self->text = text;
  self->length = length;
  self->n_tokens = 0;
  self->error_message = NULL;
  self->error_offset = 0;

  if (length > G_MAXUINT32)
    return fail (&parser, text, _("the record is longer than 4 GiB"));

  if (!g_utf8_validate_len (text, length, &invalid))
    return fail (&parser, invalid, _("invalid UTF-8; the file must be saved as UTF-8"));

  skip_space (&parser);
  if (parser.p >= parser.end)
    return fail (&parser, parser.p, _("an empty record; expected a JSON object"));
  if (!parse_value (&parser, 0))
    return FALSE;
  skip_space (&parser);
  if (parser.p < parser.end)
    return fail (&parser, parser.p, _("more text after the end of the JSON value; one record a line"));

  return TRUE;
}

static int
hex4 (const char *p)
{
  int v = 0;

  for (int i = 0; i < 4; i++)
    v = v * 16 + g_ascii_xdigit_value (p[i]);
  return v;
}

const char *
weft_jtokens_string (WeftJTokens *self,
                     guint        index)
{
  WeftJTok *t = &self->tokens[index];
  char *s = self->text + t->start;

  g_return_val_if_fail (t->type == WEFT_JTOK_STRING, "");

  if (t->decoded)
    return s;

  if (t->escaped)
    {
      /* Decoding only ever shrinks the text, so it is done in place. */
      const char *in = s;
      const char *end = s + t->length;
      char *out = s;

      while (in < end)
        {
          if (*in != '\\')
            {
              *out++ = *in++;
              continue;
            }

          switch (in[1])
            {
            case 'b': *out++ = '\b'; in += 2; break;
            case 'f': *out++ = '\f'; in += 2; break;
            case 'n': *out++ = '\n'; in += 2; break;
            case 'r': *out++ = '\r'; in += 2; break;
            case 't': *out++ = '\t'; in += 2; break;
            case 'u':
              {
                gunichar c = hex4 (in + 2);

                in += 6;
                if (c >= 0xD800 && c <= 0xDBFF)
                  {
                    if (end - in >= 6 && in[0] == '\\' && in[1] == 'u')
                      {
                        gunichar low = hex4 (in + 2);

                        if (low >= 0xDC00 && low <= 0xDFFF)
                          {
                            c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
                            in += 6;
                          }
                        else
                          c = 0xFFFD;
                      }
                    else
                      c = 0xFFFD;
                  }
                else if ((c >= 0xDC00 && c <= 0xDFFF) || c == 0)
                  c = 0xFFFD;

                out += g_unichar_to_utf8 (c, out);
              }
              break;
            default:   /* " \ / */
              *out++ = in[1];
              in += 2;
              break;
            }
        }
      t->length = out - s;
      t->escaped = 0;
    }

  s[t->length] = '\0';   /* over the closing quote, or inside the old text */
  t->decoded = 1;
  return s;
}

gboolean
weft_jtokens_equal (WeftJTokens *self,
                    guint        index,
                    const char  *literal)
{
  WeftJTok *t = &self->tokens[index];
  gsize n;

  if (t->type != WEFT_JTOK_STRING)
    return FALSE;
  if (t->escaped)
    return strcmp (weft_jtokens_string (self, index), literal) == 0;

  n = strlen (literal);
  return t->length == n && memcmp (self->text + t->start, literal, n) == 0;
}

gint
weft_jtokens_member (WeftJTokens *self,
                     guint        object,
                     const char  *name)
{
  WeftJTok *o = &self->tokens[object];
  guint i = object + 1;

  if (o->type != WEFT_JTOK_OBJECT)
    return -1;

  for (guint m = 0; m < o->size; m++)
    {
      guint value = i + 1;

      if (weft_jtokens_equal (self, i, name))
        return value;
      i = self->tokens[value].next;
    }

  return -1;
}

JsonNode *
weft_jtokens_to_node (WeftJTokens *self,
                      guint        index)
{
  WeftJTok *t = &self->tokens[index];

  switch (t->type)
    {
    case WEFT_JTOK_OBJECT:
      {
        JsonObject *object = json_object_new ();
        JsonNode *node = json_node_new (JSON_NODE_OBJECT);
        guint i = index + 1;

        for (guint m = 0; m < t->size; m++)
          {
            guint value = i + 1;

            json_object_set_member (object, weft_jtokens_string (self, i),
                                    weft_jtokens_to_node (self, value));
            i = self->tokens[value].next;
          }
        json_node_take_object (node, object);
        return node;
      }

    case WEFT_JTOK_ARRAY:
      {
        JsonArray *array = json_array_sized_new (t->size);
        JsonNode *node = json_node_new (JSON_NODE_ARRAY);
        guint i = index + 1;

        for (guint m = 0; m < t->size; m++)
          {
            json_array_add_element (array, weft_jtokens_to_node (self, i));
            i = self->tokens[i].next;
          }
        json_node_take_array (node, array);
        return node;
      }

    case WEFT_JTOK_STRING:
      return json_node_init_string (json_node_alloc (), weft_jtokens_string (self, index));

    case WEFT_JTOK_NUMBER:
      {
        char buffer[64];
        const char *text = self->text + t->start;
        gboolean integer = TRUE;
        gsize n = MIN (t->length, sizeof buffer - 1);

        memcpy (buffer, text, n);
        buffer[n] = '\0';
        for (gsize k = 0; k < n; k++)
          if (buffer[k] == '.' || buffer[k] == 'e' || buffer[k] == 'E')
            integer = FALSE;

        if (integer && t->length < 19)
          return json_node_init_int (json_node_alloc (), g_ascii_strtoll (buffer, NULL, 10));
        if (t->length >= sizeof buffer)
          {
            g_autofree char *copy = g_strndup (text, t->length);
            return json_node_init_double (json_node_alloc (), g_ascii_strtod (copy, NULL));
          }
        return json_node_init_double (json_node_alloc (), g_ascii_strtod (buffer, NULL));
      }

    case WEFT_JTOK_TRUE:
      return json_node_init_boolean (json_node_alloc (), TRUE);
    case WEFT_JTOK_FALSE:
      return json_node_init_boolean (json_node_alloc (), FALSE);
    case WEFT_JTOK_NULL:
    default:
      return json_node_init_null (json_node_alloc ());
    }
}
