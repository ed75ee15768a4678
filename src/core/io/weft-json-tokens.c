/* weft-json-tokens.c: a fast, strict JSON tokenizer for one record
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "weft-json-lex.h"
#include "weft-json-tokens.h"

/* FtM streams are bulk data: an escape that stands for no character (a
 * lone surrogate, \u0000) is read as U+FFFD rather than losing the whole
 * record; self->replaced tells the reader, which warns (weft-json-lex.h).
 * The text is checked as UTF-8 in one go first. */
#define LEX_FLAGS (WEFT_JSON_LEX_REPLACE_INVALID | WEFT_JSON_LEX_UTF8_VALIDATED)

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
  g_clear_pointer (&self->error_message, g_free);
  if (self->own != NULL)
    g_string_free (g_steal_pointer (&self->own), TRUE);
  g_clear_pointer (&self->open, g_array_unref);
  g_clear_pointer (&self->nodes, g_ptr_array_unref);
  self->capacity = self->n_tokens = 0;
}

/* @message is static; see fail_lex() for the core's. */
static gboolean
fail (Parser     *parser,
      const char *at,
      const char *message)
{
  parser->self->error_offset = at - parser->self->text;
  parser->self->error_message = g_strdup (message);
  return FALSE;
}

static gboolean
fail_lex (Parser           *parser,
          WeftJsonLexError *error)
{
  parser->self->error_offset = error->offset;
  parser->self->error_message = error->message;
  return FALSE;
}

/* A new token of @type at @start in the text, all else zero. */
static guint
new_token (WeftJTokens  *self,
           WeftJTokType  type,
           gsize         start)
{
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
  t->start = start;
  t->length = 0;
  t->size = 0;
  t->next = 0;

  return self->n_tokens++;
}

static guint
add_token (Parser       *parser,
           WeftJTokType  type,
           const char   *start)
{
  return new_token (parser->self, type, start - parser->self->text);
}

static inline void
skip_space (Parser *parser)
{
  const char *text = parser->self->text;

  parser->p = text + weft_json_skip_space (text, parser->end - text, parser->p - text);
}

WeftJTokType
weft_jtokens_type_of (WeftJsonKind kind)
{
  static const WeftJTokType types[] = {
    [WEFT_JSON_OBJECT] = WEFT_JTOK_OBJECT,
    [WEFT_JSON_ARRAY] = WEFT_JTOK_ARRAY,
    [WEFT_JSON_STRING] = WEFT_JTOK_STRING,
    [WEFT_JSON_NUMBER] = WEFT_JTOK_NUMBER,
    [WEFT_JSON_TRUE] = WEFT_JTOK_TRUE,
    [WEFT_JSON_FALSE] = WEFT_JTOK_FALSE,
    [WEFT_JSON_NULL] = WEFT_JTOK_NULL,
  };

  return types[kind];
}

/* A token for what the core lexed, the parser moved past it. */
static guint
add_lexed (Parser              *parser,
           const WeftJsonToken *lexed)
{
  WeftJTokens *self = parser->self;
  guint index;
  WeftJTok *t;

  if (lexed->kind == WEFT_JSON_STRING)
    {
      /* Inside the quotes. */
      index = add_token (parser, WEFT_JTOK_STRING, self->text + lexed->start + 1);
      t = &self->tokens[index];
      t->length = lexed->end - lexed->start - 2;
      t->escaped = lexed->escaped;
      if (lexed->replaced != 0 && self->replaced < 0)
        self->replaced = index;
    }
  else
    {
      index = add_token (parser, weft_jtokens_type_of (lexed->kind), self->text + lexed->start);
      t = &self->tokens[index];
      t->length = lexed->end - lexed->start;
    }

  t->next = index + 1;
  parser->p = self->text + lexed->end;
  return index;
}

static gboolean
parse_string (Parser *parser)
{
  const char *text = parser->self->text;
  WeftJsonToken lexed;
  WeftJsonLexError error;

  if (!weft_json_lex_string (text, parser->end - text, parser->p - text, LEX_FLAGS, &lexed, &error))
    return fail_lex (parser, &error);

  add_lexed (parser, &lexed);
  return TRUE;
}

static gboolean parse_value (Parser *parser, guint depth);

/* An object or array, whose opening bracket the core has lexed. */
static gboolean
parse_container (Parser              *parser,
                 const WeftJsonToken *lexed,
                 guint                depth)
{
  gboolean object = lexed->kind == WEFT_JSON_OBJECT;
  char close = object ? '}' : ']';
  guint index;
  guint size = 0;

  if (depth >= MAX_DEPTH)
    return fail (parser, parser->p, _("nested too deeply"));

  index = add_lexed (parser, lexed);
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
  const char *text = parser->self->text;
  WeftJsonToken lexed;
  WeftJsonLexError error;

  if (parser->p >= parser->end)
    return fail (parser, parser->p, _("the record ends where a value is expected"));

  if (!weft_json_lex_value (text, parser->end - text, parser->p - text, LEX_FLAGS, &lexed, &error))
    return fail_lex (parser, &error);

  if (lexed.kind == WEFT_JSON_OBJECT || lexed.kind == WEFT_JSON_ARRAY)
    return parse_container (parser, &lexed, depth);

  add_lexed (parser, &lexed);
  return TRUE;
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
  self->replaced = -1;
  g_clear_pointer (&self->error_message, g_free);
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
      t->length = weft_json_decode_string (s, t->length, s);
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

/* The NUL-terminated JSON number @text as json-glib 1.6's parser makes
 * it: an integer (no fraction, no exponent) is read as an unsigned 64-bit
 * number (g_ascii_strtoull(), which saturates), then negated after a
 * "-", modulo 2^64; anything else is a double. */
static JsonNode *
number_as_json_glib (const char *text)
{
  gboolean negative = text[0] == '-';
  guint64 value;

  if (strpbrk (text, ".eE") != NULL)
    return json_node_init_double (json_node_alloc (), g_ascii_strtod (text, NULL));

  value = g_ascii_strtoull (text + negative, NULL, 10);
  return json_node_init_int (json_node_alloc (), (gint64) (negative ? -value : value));
}

JsonNode *
weft_jtokens_to_node (WeftJTokens *self,
                      guint        index)
{
  WeftJTok *t = &self->tokens[index];

  if (self->nodes != NULL && index < self->nodes->len && self->nodes->pdata[index] != NULL)
    return json_node_copy (self->nodes->pdata[index]);

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
      if (self->glib_numbers)
        return number_as_json_glib (self->text + t->start);
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

/* ---- Building a tree ----------------------------------------------------- */

void
weft_jtokens_reset (WeftJTokens *self)
{
  if (self->own == NULL)
    self->own = g_string_sized_new (4096);
  if (self->open == NULL)
    self->open = g_array_new (FALSE, FALSE, sizeof (guint));
  g_string_truncate (self->own, 0);
  g_array_set_size (self->open, 0);
  g_clear_pointer (&self->nodes, g_ptr_array_unref);
  g_clear_pointer (&self->error_message, g_free);
  self->n_tokens = 0;
  self->replaced = -1;
  self->glib_numbers = TRUE;
  self->text = self->own->str;
  self->length = 0;
}

/* Adds a token of @type whose text is @bytes (@length of them, decoded
 * first when @escaped), NUL-terminated in the tree's own text; a value
 * counts in the container it is in, and a container stays open. */
static guint
build (WeftJTokens  *self,
       WeftJTokType  type,
       const char   *bytes,
       gsize         length,
       gboolean      escaped,
       gboolean      value)
{
  gsize start = self->own->len;
  guint index = new_token (self, type, start);
  WeftJTok *t = &self->tokens[index];

  /* Token offsets are 32-bit: a text that large is never an item. */
  g_return_val_if_fail (start + length < G_MAXUINT32, index);

  /* The text, then a NUL (GString adds one more after it). */
  g_string_set_size (self->own, start + length + 1);
  if (escaped)
    {
      length = weft_json_decode_string (bytes, length, self->own->str + start);
      g_string_truncate (self->own, start + length + 1);
    }
  else
    memcpy (self->own->str + start, bytes, length);
  self->own->str[start + length] = '\0';
  self->text = self->own->str;
  self->length = self->own->len;

  t->length = length;
  t->decoded = type == WEFT_JTOK_STRING;
  t->next = index + 1;

  if (value && self->open->len > 0)
    self->tokens[g_array_index (self->open, guint, self->open->len - 1)].size++;
  if (type == WEFT_JTOK_OBJECT || type == WEFT_JTOK_ARRAY)
    g_array_append_val (self->open, index);
  if (self->nodes != NULL)
    g_ptr_array_add (self->nodes, NULL);

  return index;
}

guint
weft_jtokens_add_name (WeftJTokens *self,
                       const char  *name,
                       gsize        length,
                       gboolean     escaped)
{
  return build (self, WEFT_JTOK_STRING, name, length, escaped, FALSE);
}

guint
weft_jtokens_add_value (WeftJTokens         *self,
                        const WeftJsonToken *lexed,
                        const char          *text)
{
  switch (lexed->kind)
    {
    case WEFT_JSON_STRING:
      return build (self, WEFT_JTOK_STRING, text + lexed->start + 1, lexed->end - lexed->start - 2,
                    lexed->escaped, TRUE);
    case WEFT_JSON_NUMBER:
      return build (self, WEFT_JTOK_NUMBER, text + lexed->start, lexed->end - lexed->start, FALSE, TRUE);
    case WEFT_JSON_OBJECT:
    case WEFT_JSON_ARRAY:
    case WEFT_JSON_TRUE:
    case WEFT_JSON_FALSE:
    case WEFT_JSON_NULL:
    default:
      return build (self, weft_jtokens_type_of (lexed->kind), "", 0, FALSE, TRUE);
    }
}

gboolean
weft_jtokens_close (WeftJTokens *self)
{
  guint index;

  g_return_val_if_fail (self->open->len > 0, TRUE);

  index = g_array_index (self->open, guint, self->open->len - 1);
  g_array_set_size (self->open, self->open->len - 1);
  self->tokens[index].next = self->n_tokens;

  return self->open->len == 0;
}

guint
weft_jtokens_add_node (WeftJTokens *self,
                       JsonNode    *node)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE + 2];
  const char *text = "";
  WeftJTokType type = WEFT_JTOK_NULL;
  guint index;

  if (self->nodes == NULL)
    {
      self->nodes = g_ptr_array_sized_new (self->n_tokens + 16);
      g_ptr_array_set_size (self->nodes, self->n_tokens);
    }

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        index = build (self, WEFT_JTOK_OBJECT, "", 0, FALSE, TRUE);
        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            weft_jtokens_add_name (self, name, strlen (name), FALSE);
            weft_jtokens_add_node (self, member);
          }
        weft_jtokens_close (self);
        self->nodes->pdata[index] = node;
        return index;
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        index = build (self, WEFT_JTOK_ARRAY, "", 0, FALSE, TRUE);
        for (guint i = 0; i < n; i++)
          weft_jtokens_add_node (self, json_array_get_element (array, i));
        weft_jtokens_close (self);
        self->nodes->pdata[index] = node;
        return index;
      }

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          type = WEFT_JTOK_STRING;
          text = json_node_get_string (node);
          break;
        case G_TYPE_BOOLEAN:
          type = json_node_get_boolean (node) ? WEFT_JTOK_TRUE : WEFT_JTOK_FALSE;
          break;
        case G_TYPE_INT64:
          type = WEFT_JTOK_NUMBER;
          text = number;
          g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
        default:
          type = WEFT_JTOK_NUMBER;
          text = g_ascii_dtostr (number, G_ASCII_DTOSTR_BUF_SIZE, json_node_get_double (node));
          break;
        }
      break;

    case JSON_NODE_NULL:
    default:
      break;
    }

  index = build (self, type, text, strlen (text), FALSE, TRUE);
  self->nodes->pdata[index] = node;
  return index;
}
