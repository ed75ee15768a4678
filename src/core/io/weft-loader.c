/* weft-loader.c: the .weft reader
 *
 * The strict scanner (weft-json-locate.h) reads the text, from memory or
 * a stream, and tells this reader each value with its line and column.
 * The top-level object is read as it comes: each element of an item array
 * ("entities": [...]) is kept as a small token tree (weft-json-tokens.h),
 * then read into the dataset member by member when it closes, and
 * forgotten. Problems are reported where the value they are about starts,
 * known as it is read; the references weft_dataset_finish() resolves have
 * their positions kept, so its problems are placed without reading the
 * text again.
 *
 * What the reader reports, and in which order, is what reading the
 * file's json-glib tree reported: a member given twice counts once, with
 * its last value; each object's problems come in the order of its member
 * table, unknown members first; a syntax error anywhere is the only
 * problem reported. (The test test-loader-diff compares the two readers
 * on every file of the tests and on thousands of broken ones.)
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "weft-dataset-private.h"
#include "weft-hash.h"
#include "weft-error.h"
#include "weft-file.h"
#include "weft-json-locate.h"
#include "weft-json-tokens.h"
#include "weft-loader.h"
#include "weft-members.h"

/* A place in the text: line 0 when it is not known. */
typedef struct {
  guint line;
  guint column;
} Pos;

/* ---- Where references are ----------------------------------------------- */

/* For each item, a run of positions in `runs`: where the item starts, its
 * id, then its reference members in table order: a string, or a list as
 * its length (in .column) then each element (a participant's or a
 * citation's reference, or the element itself when it has none). A value
 * that is not there has line 0. */
typedef struct {
  GArray *runs;                        /* Pos */
  GArray *first[WEFT_ITEM_ERA + 1];    /* guint, by item type: where each
                                        * item's run starts */
} Store;

static void
store_init (Store *store)
{
  store->runs = g_array_new (FALSE, FALSE, sizeof (Pos));
  for (guint t = 0; t <= WEFT_ITEM_ERA; t++)
    store->first[t] = g_array_new (FALSE, FALSE, sizeof (guint));
}

static void
store_clear (Store *store)
{
  g_clear_pointer (&store->runs, g_array_unref);
  for (guint t = 0; t <= WEFT_ITEM_ERA; t++)
    g_clear_pointer (&store->first[t], g_array_unref);
}

static void
store_add (Store     *store,
           const Pos *pos)
{
  static const Pos none = { 0, 0 };

  g_array_append_val (store->runs, *(pos != NULL ? pos : &none));
}

static void
store_add_count (Store *store,
                 guint  n)
{
  Pos count = { 0, n };

  g_array_append_val (store->runs, count);
}

/* Reads a decimal index at *@p, moving past it. */
static gboolean
parse_index (const char **p,
             guint       *index)
{
  guint64 value;
  char *end;

  if (!g_ascii_isdigit (**p))
    return FALSE;
  value = g_ascii_strtoull (*p, &end, 10);
  if (value > G_MAXUINT)
    return FALSE;
  *index = value;
  *p = end;
  return TRUE;
}

/* Where the value at @path is, or the nearest value around it: @path is
 * one weft_dataset_finish() reports, "events[2].participants[0].entity". */
static gboolean
store_find (const Store *store,
            const char  *path,
            Pos         *pos)
{
  const WeftMemberTable *table = NULL;
  const char *p = strchr (path, '[');
  const Pos *run;
  guint index, j = 0, k;
  gsize name_length;
  const char *name;
  gboolean indexed = FALSE;

  if (p == NULL)
    return FALSE;
  for (guint i = 0; i < weft_file_members.n_members; i++)
    {
      const WeftMember *m = &weft_file_members.members[i];

      if (m->type == WEFT_MEMBER_ITEMS && strlen (m->name) == (gsize) (p - path) &&
          strncmp (m->name, path, p - path) == 0)
        table = m->table;
    }
  p++;
  if (table == NULL || !parse_index (&p, &index) || *p++ != ']' ||
      index >= store->first[table->type]->len)
    return FALSE;

  run = &g_array_index (store->runs, Pos, g_array_index (store->first[table->type], guint, index));
  *pos = run[0];
  if (*p++ != '.')
    return TRUE;

  name = p;
  name_length = strcspn (p, "[.");
  p += name_length;
  if (*p == '[')
    {
      p++;
      if (!parse_index (&p, &j) || *p++ != ']')
        return TRUE;
      indexed = TRUE;
    }
  if (*p == '.')
    p++;

  if (name_length == 2 && strncmp (name, "id", 2) == 0)
    {
      if (run[1].line != 0)
        *pos = run[1];
      return TRUE;
    }

  k = 2;
  for (guint i = 0; i < table->n_members; i++)
    {
      const WeftMember *m = &table->members[i];
      gboolean match = strlen (m->name) == name_length && strncmp (m->name, name, name_length) == 0;

      if (m->reference && m->type == WEFT_MEMBER_STRING)
        {
          if (match && !indexed && run[k].line != 0)
            *pos = run[k];
          if (match)
            return TRUE;
          k++;
        }
      else if (m->reference || (m->type == WEFT_MEMBER_OBJECTS && weft_member_has_references (m)))
        {
          guint n = run[k++].column;

          if (match && indexed && j < n)
            *pos = run[k + j];
          if (match)
            return TRUE;
          k += n;
        }
    }

  return TRUE;
}

/* ---- Reading one item ----------------------------------------------------- */

/* Where the reading is, kept as parts and only formatted into a path
 * ("events[12].participants[0]") when a problem is reported. */
typedef struct {
  WeftDataset     *dataset;
  WeftDiagnostics *diagnostics;
  WeftJTokens     *tree;          /* what is read */
  GArray          *positions;     /* Pos of each token of the tree, or
                                   * NULL when not known (a json-glib tree) */
  Store           *store;         /* where references go, or NULL */
  gboolean         quiet;         /* a placeholder's problems are not told */
  const char      *array;         /* "events", or NULL at the top level */
  guint            index;
  const char      *nested;        /* "participants", or NULL */
  guint            nested_index;
} Ctx;

static char *
member_path (Ctx        *ctx,
             const char *member)
{
  GString *path = g_string_new (NULL);

  if (ctx->array != NULL)
    {
      g_string_append_printf (path, "%s[%u]", ctx->array, ctx->index);
      if (ctx->nested != NULL)
        g_string_append_printf (path, ".%s[%u]", ctx->nested, ctx->nested_index);
    }
  if (member != NULL)
    {
      if (path->len > 0)
        g_string_append_c (path, '.');
      g_string_append (path, member);
    }

  return g_string_free (path, FALSE);
}

static const Pos *
token_pos (Ctx  *ctx,
           gint  token)
{
  if (ctx->positions == NULL || token < 0)
    return NULL;
  return &g_array_index (ctx->positions, Pos, token);
}

static WeftJTokType
token_type (Ctx  *ctx,
            gint  token)
{
  return ctx->tree->tokens[token].type;
}

/* Reports a problem with the value at @pos (NULL: not known; it is found
 * by its path later, and a column is then the offset inside the value,
 * which weft_resolve_json_positions() adds to where the value starts),
 * @inside characters into it. A placeholder's problems are not told. */
#define report(ctx, severity, pos, inside, path, ...) \
  G_STMT_START { \
    const Pos *at_ = (pos); \
    if (!(ctx)->quiet) \
      weft_diagnostics_add ((ctx)->diagnostics, (severity), at_ ? at_->line : 0, \
                            (at_ ? at_->column : 0) + (inside), (path), __VA_ARGS__); \
  } G_STMT_END

static const char *
describe_type (WeftJTokType type)
{
  switch (type)
    {
    case WEFT_JTOK_OBJECT: return _("an object");
    case WEFT_JTOK_ARRAY: return _("an array");
    case WEFT_JTOK_NULL: return _("null");
    case WEFT_JTOK_STRING: return _("a string");
    case WEFT_JTOK_TRUE:
    case WEFT_JTOK_FALSE: return _("true or false");
    case WEFT_JTOK_NUMBER:
    default:
      return _("a number");
    }
}

/* The value of the last member called @name of @object, or -1 (json-glib
 * kept the last of members with one name). */
static gint
last_member (WeftJTokens *tree,
             gint         object,
             const char  *name)
{
  gint found = -1;
  guint i = object + 1;

  for (guint m = 0; m < tree->tokens[object].size; m++)
    {
      guint value = i + 1;

      if (strcmp (weft_jtokens_string (tree, i), name) == 0)
        found = value;
      i = tree->tokens[value].next;
    }
  return found;
}

typedef struct {
  guint name;    /* tokens */
  guint value;   /* the last one */
} Unknown;

/* The index in @unknown of the member called like the name token @name,
 * which is there. */
static guint
find_unknown (WeftJTokens *tree,
              GArray      *unknown,
              GHashTable **index,
              guint        name)
{
  const char *key = weft_jtokens_string (tree, name);
  guint i;

  /* Few: a look at each; many: a table by name. */
  if (unknown->len > 16 && *index == NULL)
    {
      *index = g_hash_table_new (weft_str_hash, g_str_equal);
      for (i = 0; i < unknown->len; i++)
        g_hash_table_insert (*index, (gpointer) weft_jtokens_string (tree, g_array_index (unknown, Unknown, i).name),
                             GUINT_TO_POINTER (i + 1));
    }
  if (*index != NULL)
    return GPOINTER_TO_UINT (g_hash_table_lookup (*index, key)) - 1;

  for (i = 0; i < unknown->len; i++)
    if (strcmp (weft_jtokens_string (tree, g_array_index (unknown, Unknown, i).name), key) == 0)
      break;
  g_assert (i < unknown->len);
  return i;
}

/* Sorts the members of @object (-1: an object with none) into @slots by
 * @table (the last of members with one name); the rest go to a new object
 * in *@extra with a warning each, at its last value. */
static void
collect (Ctx                   *ctx,
         gint                   object,
         const WeftMemberTable *table,
         gint                  *slots,
         JsonObject           **extra)
{
  WeftJTokens *tree = ctx->tree;
  g_autoptr(GArray) unknown = NULL;
  g_autoptr(GHashTable) index = NULL;
  guint i;

  for (guint k = 0; k < table->n_members; k++)
    slots[k] = -1;
  *extra = NULL;
  if (object < 0)
    return;

  i = object + 1;
  for (guint m = 0, next = 0; m < tree->tokens[object].size; m++)
    {
      guint value = i + 1;
      const char *name = weft_jtokens_string (tree, i);
      guint k;

      /* Files Weft wrote have the members in table order: the one after
       * the last found is tried first. */
      if (next < table->n_members && strcmp (table->members[next].name, name) == 0)
        k = next;
      else
        for (k = 0; k < table->n_members; k++)
          if (strcmp (table->members[k].name, name) == 0)
            break;
      next = k + 1;

      if (k < table->n_members)
        {
          slots[k] = value;
        }
      else
        {
          if (*extra == NULL)
            {
              *extra = json_object_new ();
              unknown = g_array_new (FALSE, FALSE, sizeof (Unknown));
            }
          if (json_object_has_member (*extra, name))
            {
              g_array_index (unknown, Unknown, find_unknown (tree, unknown, &index, i)).value = value;
            }
          else
            {
              Unknown u = { i, value };

              g_array_append_val (unknown, u);
              if (index != NULL)
                g_hash_table_insert (index, (gpointer) name, GUINT_TO_POINTER (unknown->len));
            }
          /* In the file's order, the first one's place and the last
           * one's value, as json-glib keeps them. */
          json_object_set_member (*extra, name, weft_jtokens_to_node (tree, value));
        }
      i = tree->tokens[value].next;
    }

  for (guint u = 0; unknown != NULL && u < unknown->len; u++)
    {
      const Unknown *member = &g_array_index (unknown, Unknown, u);
      const char *name = weft_jtokens_string (tree, member->name);

      /* What Weft's own importers keep from other formats is expected
       * here; anything else is worth a warning. */
      if (!g_str_equal (name, "timelinejs") && !g_str_equal (name, "ftm") && !g_str_equal (name, "csv"))
        {
          g_autofree char *path = member_path (ctx, name);
          report (ctx, WEFT_SEVERITY_WARNING, token_pos (ctx, member->value), 0, path,
                  _("unknown member “%s”; Weft keeps it as it is and writes it back"), name);
        }
    }
}

typedef enum {
  EXPECT_STRING,
  EXPECT_ARRAY,
  EXPECT_STRING_ARRAY,   /* only its type is checked here */
  EXPECT_OBJECT,         /* only as an element */
} Expected;

/* Whether @token (the value of @member, -1 when it is missing from the
 * object at @object_pos) is there with the JSON type expected; says what
 * is wrong when not. */
static gboolean
check_token (Ctx        *ctx,
             gint        token,
             const Pos  *object_pos,
             const char *member,
             gboolean    required,
             Expected    expected)
{
  g_autofree char *path = NULL;

  if (token < 0)
    {
      if (required)
        {
          path = member_path (ctx, NULL);
          report (ctx, WEFT_SEVERITY_ERROR, object_pos, 0, path,
                  expected == EXPECT_STRING
                  ? _("missing “%s”; add it as a string")
                  : _("missing “%s”; add it as an array (it may be empty: [])"),
                  member);
        }
      return FALSE;
    }

  if (token_type (ctx, token) == (expected == EXPECT_STRING ? WEFT_JTOK_STRING : WEFT_JTOK_ARRAY))
    return TRUE;

  path = member_path (ctx, member);
  report (ctx, WEFT_SEVERITY_ERROR, token_pos (ctx, token), 0, path,
          expected == EXPECT_STRING ? _("“%s” must be a string, not %s")
          : expected == EXPECT_ARRAY ? _("“%s” must be an array, not %s")
          : _("“%s” must be an array of strings, not %s"),
          member, describe_type (token_type (ctx, token)));
  return FALSE;
}

/* Says that element @index of the array @member, of @type at @pos, is not
 * a string or an object, as @expected. */
static void
report_element (Ctx          *ctx,
                const char   *member,
                guint         index,
                WeftJTokType  type,
                const Pos    *pos,
                Expected      expected)
{
  g_autofree char *sub = g_strdup_printf ("%s[%u]", member, index);
  g_autofree char *path = member_path (ctx, sub);

  report (ctx, WEFT_SEVERITY_ERROR, pos, 0, path,
          expected == EXPECT_STRING ? _("each element of “%s” must be a string, not %s")
                                    : _("each element of “%s” must be an object, not %s"),
          member, describe_type (type));
}

static const char *
get_string (Ctx        *ctx,
            gint        token,
            const Pos  *object_pos,
            const char *member,
            gboolean    required)
{
  if (!check_token (ctx, token, object_pos, member, required, EXPECT_STRING))
    return NULL;

  return weft_jtokens_string (ctx->tree, token);
}

/* The elements of the array @token, in order. */
#define FOR_EACH_ELEMENT(tree, token, e, i) \
  for (guint i = 0, e = (token) + 1; i < (tree)->tokens[token].size; e = (tree)->tokens[e].next, i++)

static void
get_string_list (Ctx          *ctx,
                 gint          token,
                 const char   *member,
                 const char ***list)
{
  WeftJTokens *tree = ctx->tree;
  guint n_strings = 0, n = 0;

  if (!check_token (ctx, token, NULL, member, FALSE, EXPECT_STRING_ARRAY))
    return;

  n = tree->tokens[token].size;
  FOR_EACH_ELEMENT (tree, token, e, i)
    {
      if (tree->tokens[e].type != WEFT_JTOK_STRING)
        report_element (ctx, member, i, tree->tokens[e].type, token_pos (ctx, e), EXPECT_STRING);
      else
        n_strings++;
    }

  /* An empty array is kept as an empty list, so it is written back. */
  if (n_strings == 0 && n > 0)
    return;
  *list = g_new (const char *, n_strings + 1);
  n_strings = 0;
  FOR_EACH_ELEMENT (tree, token, e, i)
    if (tree->tokens[e].type == WEFT_JTOK_STRING)
      (*list)[n_strings++] = weft_dataset_intern (ctx->dataset, weft_jtokens_string (tree, e));
  (*list)[n_strings] = NULL;
}

static gboolean
get_date (Ctx         *ctx,
          gint         token,
          const Pos   *object_pos,
          const char  *member,
          gboolean     required,
          const char **text,
          WeftDate    *date)
{
  g_autoptr(GError) error = NULL;
  gsize offset = 0;

  *text = get_string (ctx, token, object_pos, member, required);
  if (*text == NULL)
    return FALSE;

  if (!weft_date_parse (*text, date, &offset, &error))
    {
      g_autofree char *path = member_path (ctx, member);

      /* The column of the character inside the string (its opening quote
       * is the value's first). */
      report (ctx, WEFT_SEVERITY_ERROR, token_pos (ctx, token),
              g_utf8_pointer_to_offset (*text, *text + MIN (offset, strlen (*text))) + 1,
              path, "%s", error->message);
      *text = NULL;
      return FALSE;
    }

  return TRUE;
}

static guint
get_enum (Ctx              *ctx,
          gint              token,
          const Pos        *object_pos,
          const WeftMember *m)
{
  const char *text = get_string (ctx, token, object_pos, m->name, m->required);
  guint value;

  if (text == NULL)
    return m->fallback;

  if (!weft_enum_lookup (m->names, text, &value))
    {
      g_autofree char *path = member_path (ctx, m->name);
      g_autofree char *expected = g_strjoinv (", ", (char **) m->names);

      report (ctx, WEFT_SEVERITY_ERROR, token_pos (ctx, token), 0, path,
              _("unknown %s “%s”; expected one of %s"), m->name, text, expected);
      return m->fallback;
    }

  return value;
}

/* ---- Members ------------------------------------------------------------ */

static void read_member (Ctx              *ctx,
                         const WeftMember *m,
                         gint              token,
                         const Pos        *object_pos,
                         gpointer          base);

/* Keeps where an item's id and references are (see Store): @object is
 * the item (-1: a placeholder, at @pos), its members in @slots. */
static void
store_item (Ctx                   *ctx,
            gint                   object,
            const Pos             *pos,
            const WeftMemberTable *table,
            const gint            *slots)
{
  WeftJTokens *tree = ctx->tree;
  Store *store = ctx->store;
  guint first = store->runs->len;

  g_array_append_val (store->first[table->type], first);
  store_add (store, pos);
  store_add (store, token_pos (ctx, slots[0]));  /* the id: the first member */

  for (guint i = 0; i < table->n_members; i++)
    {
      const WeftMember *m = &table->members[i];
      gint token = slots[i];
      gboolean list = token >= 0 && token_type (ctx, token) == WEFT_JTOK_ARRAY;

      if (m->reference && m->type == WEFT_MEMBER_STRING)
        {
          store_add (store, token_pos (ctx, token));
        }
      else if (m->reference)
        {
          store_add_count (store, list ? tree->tokens[token].size : 0);
          if (list)
            FOR_EACH_ELEMENT (tree, token, e, j)
              store_add (store, token_pos (ctx, e));
        }
      else if (m->type == WEFT_MEMBER_OBJECTS && weft_member_has_references (m))
        {
          /* Each element's one reference ("entity", "source"), or the
           * element itself. */
          const char *reference = m->table->members[0].name;

          g_assert (m->table->members[0].reference);
          store_add_count (store, list ? tree->tokens[token].size : 0);
          if (list)
            FOR_EACH_ELEMENT (tree, token, e, j)
              {
                gint value = tree->tokens[e].type == WEFT_JTOK_OBJECT ? last_member (tree, e, reference) : -1;

                store_add (store, token_pos (ctx, value >= 0 ? value : (gint) e));
              }
        }
    }
}

/* Reads the object @object (-1: one with no members, at @pos) into
 * @base, the struct @table describes, member by member in table order;
 * unknown members go to its extra object. */
static void
read_members (Ctx                   *ctx,
              gint                   object,
              const Pos             *pos,
              const WeftMemberTable *table,
              gpointer               base)
{
  gint slots[WEFT_MEMBERS_MAX];

  collect (ctx, object, table, slots, &WEFT_MEMBER_FIELD (base, table->extra_offset, JsonObject *));
  if (ctx->store != NULL && table->type != WEFT_ITEM_NONE)
    store_item (ctx, object, pos, table, slots);
  for (guint i = 0; i < table->n_members; i++)
    read_member (ctx, &table->members[i], slots[i], pos, base);
}

/* The elements of an array of objects (participants, citations). */
static void
read_objects (Ctx              *ctx,
              gint              token,
              const Pos        *object_pos,
              const WeftMember *m,
              gpointer          base)
{
  WeftJTokens *tree = ctx->tree;
  guint8 *elements;
  guint n = 0;

  if (!check_token (ctx, token, object_pos, m->name, m->required, EXPECT_ARRAY))
    return;

  FOR_EACH_ELEMENT (tree, token, e, i)
    if (tree->tokens[e].type == WEFT_JTOK_OBJECT)
      n++;
  elements = n > 0 ? g_malloc0_n (n, m->table->size) : NULL;
  WEFT_MEMBER_FIELD (base, m->offset, gpointer) = elements;
  WEFT_MEMBER_FIELD (base, m->length_offset, guint) = n;

  FOR_EACH_ELEMENT (tree, token, e, i)
    {
      if (tree->tokens[e].type != WEFT_JTOK_OBJECT)
        {
          report_element (ctx, m->name, i, tree->tokens[e].type, token_pos (ctx, e), EXPECT_OBJECT);
          continue;
        }

      ctx->nested = m->name;
      ctx->nested_index = i;
      read_members (ctx, e, token_pos (ctx, e), m->table, elements);
      ctx->nested = NULL;
      elements += m->table->size;
    }
}

/* Element @index of the item array @m: the object @object of the tree, or
 * (@object -1) a value of @type at @pos that is not one. */
static void
read_item (Ctx              *ctx,
           const WeftMember *m,
           guint             index,
           gint              object,
           WeftJTokType      type,
           const Pos        *pos)
{
  WeftItem *item = weft_dataset_append_item (ctx->dataset, m->table->type);

  if (object < 0)
    {
      /* The path is the element's: "events[3]". */
      report_element (ctx, m->name, index, type, pos, EXPECT_OBJECT);
    }

  ctx->array = m->name;
  ctx->index = index;
  /* A value that is not an object stays, as an empty placeholder, to keep
   * the numbering of the items that follow; its own problems (no id…)
   * would only repeat this one. */
  ctx->quiet = object < 0;
  read_members (ctx, object, pos, m->table, item);
  ctx->quiet = FALSE;
  ctx->array = NULL;
}

/* A top-level array of items ("events") in a token tree. */
static void
read_items (Ctx              *ctx,
            gint              token,
            const WeftMember *m)
{
  WeftJTokens *tree = ctx->tree;

  if (!check_token (ctx, token, NULL, m->name, FALSE, EXPECT_ARRAY))
    return;

  FOR_EACH_ELEMENT (tree, token, e, i)
    {
      gboolean object = tree->tokens[e].type == WEFT_JTOK_OBJECT;

      read_item (ctx, m, i, object ? (gint) e : -1, tree->tokens[e].type, token_pos (ctx, e));
    }
}

/* Checks the value of one member (the token @token, -1 when it is missing
 * from the object at @object_pos) and stores it in @base. */
static void
read_member (Ctx              *ctx,
             const WeftMember *m,
             gint              token,
             const Pos        *object_pos,
             gpointer          base)
{
  switch (m->type)
    {
    case WEFT_MEMBER_STRING:
      {
        const char *value = get_string (ctx, token, object_pos, m->name, m->required);

        /* A required string is never NULL, as weft_dataset_add_*() make it. */
        if (value == NULL && m->required)
          value = "";
        WEFT_MEMBER_FIELD (base, m->offset, const char *) = weft_dataset_intern (ctx->dataset, value);
      }
      break;

    case WEFT_MEMBER_STRINGS:
      /* The only required list: a claim's "about". */
      if (token < 0 && m->required)
        {
          g_autofree char *path = member_path (ctx, NULL);
          report (ctx, WEFT_SEVERITY_ERROR, object_pos, 0, path,
                  _("missing “about”; list the ids the claim is about"));
        }
      get_string_list (ctx, token, m->name, &WEFT_MEMBER_FIELD (base, m->offset, const char **));
      break;

    case WEFT_MEMBER_DATE:
      {
        const char *text = NULL;
        WeftDate date = { 0 };

        if (get_date (ctx, token, object_pos, m->name, m->required, &text, &date))
          weft_dataset_set_item_date (ctx->dataset, base, text, &date);
        else if (m->required)
          weft_dataset_set_item_date (ctx->dataset, base, "", NULL);
      }
      break;

    case WEFT_MEMBER_ENUM:
      WEFT_MEMBER_FIELD (base, m->offset, guint) = get_enum (ctx, token, object_pos, m);
      break;

    case WEFT_MEMBER_OBJECTS:
      read_objects (ctx, token, object_pos, m, base);
      break;

    case WEFT_MEMBER_ITEMS:
      read_items (ctx, token, m);
      break;

    case WEFT_MEMBER_VERSION:
    default:
      /* Read first, by check_version(). */
      break;
    }
}

/* ---- Positions of a json-glib tree's problems ----------------------------- */

/* Drops the last segment of a path: "a[1].b" -> "a[1]" -> "a" -> "". */
static gboolean
path_parent (char *path)
{
  char *dot = strrchr (path, '.');
  char *bracket = strrchr (path, '[');
  char *cut = MAX (dot, bracket);

  if (path[0] == '\0')
    return FALSE;
  if (cut == NULL)
    path[0] = '\0';
  else
    *cut = '\0';
  return TRUE;
}

void
weft_resolve_json_positions (WeftDiagnostics *diagnostics,
                             guint            first,
                             const char      *text,
                             gsize            length)
{
  /* Paths hold member names from the file: a keyed hash (weft-hash.h). */
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (weft_str_hash, g_str_equal, g_free, NULL);
  guint n = weft_diagnostics_get_length (diagnostics);

  for (guint i = first; i < n; i++)
    {
      const WeftDiagnostic *d = weft_diagnostics_get (diagnostics, i);
      g_autofree char *path = NULL;

      if (d->line != 0 || d->path == NULL)
        continue;
      path = g_strdup (d->path);
      do
        g_hash_table_insert (wanted, g_strdup (path), NULL);
      while (path_parent (path));
    }

  if (g_hash_table_size (wanted) == 0)
    return;

  weft_json_locate (text, length, wanted);

  {
    g_autofree guint *which = g_new (guint, n);
    g_autofree gsize *offsets = g_new (gsize, n);
    g_autofree guint *inside = g_new (guint, n);
    g_autofree guint *lines = NULL;
    g_autofree guint *columns = NULL;
    guint m = 0;

    /* Where each diagnostic's value starts: its own path, else the
     * nearest enclosing one found. */
    for (guint i = first; i < n; i++)
      {
        const WeftDiagnostic *d = weft_diagnostics_get (diagnostics, i);
        g_autofree char *path = NULL;
        gboolean exact = TRUE;

        if (d->line != 0 || d->path == NULL)
          continue;

        path = g_strdup (d->path);
        do
          {
            gsize found = GPOINTER_TO_SIZE (g_hash_table_lookup (wanted, path));

            if (found != 0)
              {
                which[m] = i;
                offsets[m] = found - 1;
                /* A column already set is a character offset inside the
                 * string value (past its opening quote). */
                inside[m] = (exact && d->column > 0 && text[found - 1] == '"') ? d->column : 0;
                m++;
                break;
              }
            exact = FALSE;
          }
        while (path_parent (path));
      }

    /* Lines and columns of all of them in one pass over the text. */
    lines = g_new (guint, MAX (m, 1));
    columns = g_new (guint, MAX (m, 1));
    weft_json_offsets_to_positions (text, length, offsets, m, lines, columns);
    for (guint k = 0; k < m; k++)
      weft_diagnostics_set_position (diagnostics, which[k], lines[k], columns[k] + inside[k]);
  }
}

/* ---- Reading a .weft file as it comes ------------------------------------ */

/* A member of the top level. */
typedef struct {
  gboolean         present;
  WeftJTokType     type;
  Pos              pos;
  WeftJTokens      value;          /* the one value of "weft", "title"…
                                    * (an object or array without what
                                    * is in it) */
  WeftDiagnostics *diagnostics;    /* an item array: its items' problems */
} Slot;

typedef struct {
  char *name;
  Pos   pos;                       /* of the last value */
} RootUnknown;

typedef struct {
  WeftDataset     *dataset;
  WeftJTokens      tree;           /* the item (or unknown member) being read */
  GArray          *positions;      /* Pos of each of its tokens */
  Store            store;
  Ctx              ctx;

  guint            depth;          /* of the next value: 0 the root, 1 a
                                    * member of it, 2 an item */
  guint            skip;           /* inside a value not kept, this deep */
  gboolean         building;       /* the tree is open */

  gboolean         root_object;
  WeftJTokType     root_type;
  Pos              root_pos;
  gint             member;         /* the root member whose value comes,
                                    * in weft_file_members, or -1 */
  GString         *member_name;    /* its name */
  Slot             slots[WEFT_MEMBERS_MAX];
  JsonObject      *extra;          /* unknown root members */
  GArray          *unknown;        /* RootUnknown, in first-seen order */
  GHashTable      *unknown_index;  /* name -> index + 1 in unknown */
  guint            element;        /* of the item array being read */

  GCancellable    *cancellable;
  guint            countdown;      /* values until the next look at it */
} Reader;

/* The cancellable is looked at every this many values. */
#define CANCEL_EVERY 4096

static void
root_unknown_clear (gpointer data)
{
  g_free (((RootUnknown *) data)->name);
}

static void
reader_init (Reader          *r,
             WeftDataset     *dataset,
             GCancellable    *cancellable)
{
  memset (r, 0, sizeof *r);
  r->dataset = dataset;
  weft_jtokens_init (&r->tree);
  weft_jtokens_reset (&r->tree);
  r->positions = g_array_new (FALSE, FALSE, sizeof (Pos));
  store_init (&r->store);
  r->member = -1;
  r->member_name = g_string_new (NULL);
  for (guint i = 0; i < weft_file_members.n_members; i++)
    weft_jtokens_init (&r->slots[i].value);
  r->unknown = g_array_new (FALSE, FALSE, sizeof (RootUnknown));
  g_array_set_clear_func (r->unknown, root_unknown_clear);
  r->unknown_index = g_hash_table_new (weft_str_hash, g_str_equal);
  r->cancellable = cancellable;
  r->countdown = CANCEL_EVERY;

  r->ctx.dataset = dataset;
  r->ctx.tree = &r->tree;
  r->ctx.positions = r->positions;
  r->ctx.store = &r->store;
}

static void
reader_clear (Reader *r)
{
  weft_jtokens_clear (&r->tree);
  g_array_unref (r->positions);
  for (guint i = 0; i < weft_file_members.n_members; i++)
    {
      weft_jtokens_clear (&r->slots[i].value);
      g_clear_pointer (&r->slots[i].diagnostics, weft_diagnostics_free);
    }
  g_string_free (r->member_name, TRUE);
  g_clear_pointer (&r->extra, json_object_unref);
  g_array_unref (r->unknown);
  g_hash_table_unref (r->unknown_index);
}

/* The token tree starts again with the value @lexed at @pos. */
static void
start_tree (Reader              *r,
            const WeftJsonToken *lexed,
            const char          *text,
            const Pos           *pos)
{
  weft_jtokens_reset (&r->tree);
  g_array_set_size (r->positions, 0);
  weft_jtokens_add_value (&r->tree, lexed, text);
  g_array_append_val (r->positions, *pos);
  r->building = lexed->kind == WEFT_JSON_OBJECT || lexed->kind == WEFT_JSON_ARRAY;
}

/* The value of an unknown member of the top level is complete. */
static void
take_root_unknown (Reader *r)
{
  const char *name = r->member_name->str;
  gpointer found = g_hash_table_lookup (r->unknown_index, name);
  const Pos *pos = &g_array_index (r->positions, Pos, 0);

  if (r->extra == NULL)
    r->extra = json_object_new ();
  if (found != NULL)
    {
      g_array_index (r->unknown, RootUnknown, GPOINTER_TO_UINT (found) - 1).pos = *pos;
    }
  else
    {
      RootUnknown u = { g_strdup (name), *pos };

      g_array_append_val (r->unknown, u);
      g_hash_table_insert (r->unknown_index, u.name, GUINT_TO_POINTER (r->unknown->len));
    }
  json_object_set_member (r->extra, name, weft_jtokens_to_node (&r->tree, 0));
}

/* The tree is complete: an item, or an unknown member's value. */
static void
take_tree (Reader *r)
{
  const WeftMember *m;

  if (r->depth == 1)
    {
      take_root_unknown (r);
      return;
    }

  m = &weft_file_members.members[r->member];
  r->ctx.diagnostics = r->slots[r->member].diagnostics;
  read_item (&r->ctx, m, r->element++, 0, WEFT_JTOK_OBJECT, &g_array_index (r->positions, Pos, 0));
}

/* The value of the known top-level member r->member begins. */
static void
begin_root_member (Reader              *r,
                   const WeftJsonToken *lexed,
                   const char          *text,
                   const Pos           *pos)
{
  const WeftMember *m = &weft_file_members.members[r->member];
  Slot *slot = &r->slots[r->member];
  gboolean container = lexed->kind == WEFT_JSON_OBJECT || lexed->kind == WEFT_JSON_ARRAY;

  if (m->type == WEFT_MEMBER_ITEMS)
    {
      /* Given twice: the last one counts (json-glib kept it). */
      if (slot->present)
        {
          weft_dataset_truncate_items (r->dataset, m->table->type, 0);
          g_array_set_size (r->store.first[m->table->type], 0);
        }
      g_clear_pointer (&slot->diagnostics, weft_diagnostics_free);
      slot->diagnostics = weft_diagnostics_new (NULL);
      if (lexed->kind == WEFT_JSON_ARRAY)
        {
          r->depth = 2;
          r->element = 0;
        }
      else if (container)
        r->skip = 1;
    }
  else
    {
      /* "weft", "title"…: the value alone. */
      weft_jtokens_reset (&slot->value);
      weft_jtokens_add_value (&slot->value, lexed, text);
      if (container)
        {
          weft_jtokens_close (&slot->value);
          r->skip = 1;
        }
    }

  slot->present = TRUE;
  slot->type = weft_jtokens_type_of (lexed->kind);
  slot->pos = *pos;
}

static gboolean
on_value (gpointer             user_data,
          const WeftJsonToken *lexed,
          const char          *text,
          guint                line,
          guint                column)
{
  Reader *r = user_data;
  gboolean container = lexed->kind == WEFT_JSON_OBJECT || lexed->kind == WEFT_JSON_ARRAY;
  Pos pos = { line, column };

  if (--r->countdown == 0)
    {
      r->countdown = CANCEL_EVERY;
      if (g_cancellable_is_cancelled (r->cancellable))
        return FALSE;
    }

  if (r->skip > 0)
    {
      r->skip += container;
      return TRUE;
    }

  if (r->building)
    {
      weft_jtokens_add_value (&r->tree, lexed, text);
      g_array_append_val (r->positions, pos);
      return TRUE;
    }

  switch (r->depth)
    {
    case 0:
      r->root_pos = pos;
      r->root_object = lexed->kind == WEFT_JSON_OBJECT;
      r->root_type = weft_jtokens_type_of (lexed->kind);
      if (r->root_object)
        r->depth = 1;
      else if (container)
        r->skip = 1;
      break;

    case 1:
      if (r->member >= 0)
        begin_root_member (r, lexed, text, &pos);
      else
        {
          start_tree (r, lexed, text, &pos);
          if (!r->building)
            take_root_unknown (r);
        }
      break;

    case 2:
    default:
      if (lexed->kind == WEFT_JSON_OBJECT)
        {
          start_tree (r, lexed, text, &pos);
          break;
        }
      r->ctx.diagnostics = r->slots[r->member].diagnostics;
      read_item (&r->ctx, &weft_file_members.members[r->member], r->element++, -1,
                 weft_jtokens_type_of (lexed->kind), &pos);
      if (container)
        r->skip = 1;
      break;
    }

  return TRUE;
}

static gboolean
on_member (gpointer             user_data,
           const WeftJsonToken *lexed,
           const char          *text)
{
  Reader *r = user_data;
  static const Pos none = { 0, 0 };
  const char *inside = text + lexed->start + 1;
  gsize length = lexed->end - lexed->start - 2;

  if (r->skip > 0)
    return TRUE;

  if (r->building)
    {
      weft_jtokens_add_name (&r->tree, inside, length, lexed->escaped);
      g_array_append_val (r->positions, none);
      return TRUE;
    }

  /* A member of the top level. */
  g_string_set_size (r->member_name, length);
  g_string_truncate (r->member_name, weft_json_decode_string (inside, length, r->member_name->str));
  r->member = -1;
  for (guint i = 0; i < weft_file_members.n_members; i++)
    if (strcmp (weft_file_members.members[i].name, r->member_name->str) == 0)
      r->member = i;
  return TRUE;
}

static gboolean
on_end (gpointer user_data)
{
  Reader *r = user_data;

  if (r->skip > 0)
    {
      r->skip--;
      return TRUE;
    }

  if (r->building)
    {
      if (weft_jtokens_close (&r->tree))
        {
          r->building = FALSE;
          take_tree (r);
        }
      return TRUE;
    }

  /* An item array, or the root, ends. */
  r->depth--;
  return TRUE;
}

static const WeftJsonVisitor reader_visitor = { on_value, on_member, on_end };

/* Adds what @from holds to @to, as if each had been added there in turn:
 * those @from kept, then those it only counted (beyond its
 * WEFT_DIAGNOSTICS_MAX, so @to is full by then and counts them too). */
static void
transfer_diagnostics (WeftDiagnostics *to,
                      WeftDiagnostics *from)
{
  guint n = weft_diagnostics_get_length (from);
  guint errors = weft_diagnostics_get_n_errors (from);
  guint warnings = weft_diagnostics_get_n_warnings (from);

  for (guint i = 0; i < n; i++)
    {
      const WeftDiagnostic *d = weft_diagnostics_get (from, i);

      weft_diagnostics_add (to, d->severity, d->line, d->column, d->path, "%s", d->message);
      if (d->severity == WEFT_SEVERITY_ERROR)
        errors--;
      else
        warnings--;
    }
  g_assert (errors + warnings == 0 || weft_diagnostics_get_length (to) == WEFT_DIAGNOSTICS_MAX);
  for (; errors > 0; errors--)
    weft_diagnostics_add (to, WEFT_SEVERITY_ERROR, 0, 0, NULL, "%s", "");
  for (; warnings > 0; warnings--)
    weft_diagnostics_add (to, WEFT_SEVERITY_WARNING, 0, 0, NULL, "%s", "");
}

/* Reads the version first: a file from a newer Weft may mean anything.
 * Returns 0, or the error code when it is not one Weft reads. */
static gint
check_version (Reader          *r,
               WeftDiagnostics *diagnostics)
{
  const Slot *slot = NULL;
  g_autoptr(JsonNode) node = NULL;
  gint64 version;

  for (guint i = 0; i < weft_file_members.n_members; i++)
    if (weft_file_members.members[i].type == WEFT_MEMBER_VERSION)
      slot = &r->slots[i];
  g_assert (slot != NULL);

  if (!slot->present)
    {
      weft_diagnostics_add (diagnostics, WEFT_SEVERITY_ERROR, r->root_pos.line, r->root_pos.column, "",
                            _("missing “weft”, the format version; a .weft file starts with {\"weft\": 1, …}"));
      return WEFT_ERROR_INVALID;
    }

  node = weft_jtokens_to_node ((WeftJTokens *) &slot->value, 0);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      weft_diagnostics_add (diagnostics, WEFT_SEVERITY_ERROR, slot->pos.line, slot->pos.column, "weft",
                            _("“weft” must be a whole number, the format version (1), not %s"),
                            describe_type (slot->type));
      return WEFT_ERROR_INVALID;
    }

  version = json_node_get_int (node);
  if (version > WEFT_FORMAT_VERSION)
    {
      weft_diagnostics_add (diagnostics, WEFT_SEVERITY_ERROR, slot->pos.line, slot->pos.column, "weft",
                            _("made by a newer Weft (format %lld); this Weft reads format %d. "
                              "Update Weft to open this file"),
                            (long long) version, WEFT_FORMAT_VERSION);
      return WEFT_ERROR_VERSION;
    }
  if (version < 1)
    {
      weft_diagnostics_add (diagnostics, WEFT_SEVERITY_ERROR, slot->pos.line, slot->pos.column, "weft",
                            _("format version %lld does not exist; use 1"), (long long) version);
      return WEFT_ERROR_INVALID;
    }

  return 0;
}

/* The whole text was read: the top level's problems, in the order of its
 * member table after its unknown members. Returns 0, or an error code
 * when the file is not one to go on with. */
static gint
read_root (Reader          *r,
           WeftDiagnostics *diagnostics)
{
  WeftDatasetHeader *header = weft_dataset_get_header (r->dataset);
  gint code;

  if (!r->root_object)
    {
      weft_diagnostics_add (diagnostics, WEFT_SEVERITY_ERROR, r->root_pos.line, r->root_pos.column, "",
                            _("a .weft file is a JSON object such as {\"weft\": 1, …}, not %s"),
                            describe_type (r->root_type));
      return WEFT_ERROR_INVALID;
    }

  /* Nothing else is told about a file whose version is wrong. */
  code = check_version (r, diagnostics);
  if (code != 0)
    return code;

  for (guint u = 0; u < r->unknown->len; u++)
    {
      const RootUnknown *member = &g_array_index (r->unknown, RootUnknown, u);

      if (!g_str_equal (member->name, "timelinejs") && !g_str_equal (member->name, "ftm") &&
          !g_str_equal (member->name, "csv"))
        weft_diagnostics_add (diagnostics, WEFT_SEVERITY_WARNING, member->pos.line, member->pos.column,
                              member->name, _("unknown member “%s”; Weft keeps it as it is and writes it back"),
                              member->name);
    }
  header->extra = g_steal_pointer (&r->extra);

  for (guint i = 0; i < weft_file_members.n_members; i++)
    {
      const WeftMember *m = &weft_file_members.members[i];
      Slot *slot = &r->slots[i];
      Ctx ctx = { 0 };

      ctx.dataset = r->dataset;
      ctx.diagnostics = diagnostics;
      if (m->type == WEFT_MEMBER_ITEMS)
        {
          if (slot->present && slot->type != WEFT_JTOK_ARRAY)
            {
              g_autofree char *path = g_strdup (m->name);

              report (&ctx, WEFT_SEVERITY_ERROR, &slot->pos, 0, path, _("“%s” must be an array, not %s"),
                      m->name, describe_type (slot->type));
            }
          if (slot->diagnostics != NULL)
            transfer_diagnostics (diagnostics, slot->diagnostics);
          continue;
        }

      if (slot->present)
        {
          g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (Pos));

          g_array_append_val (positions, slot->pos);
          ctx.tree = &slot->value;
          ctx.positions = positions;
          read_member (&ctx, m, 0, &r->root_pos, header);
        }
      else
        read_member (&ctx, m, -1, &r->root_pos, header);
    }

  return 0;
}

/* ---- Entry points ------------------------------------------------------- */

/* The list problems go to: @diagnostics, called @name when it has no
 * name, or (@diagnostics NULL) a new one in *@own. */
static WeftDiagnostics *
use_diagnostics (WeftDiagnostics  *diagnostics,
                 WeftDiagnostics **own,
                 const char       *name)
{
  if (diagnostics == NULL)
    return *own = weft_diagnostics_new (name);
  if (weft_diagnostics_get_file (diagnostics) == NULL)
    weft_diagnostics_set_file (diagnostics, name);
  return diagnostics;
}

static void
set_first_error (GError          **error,
                 WeftDiagnostics  *diagnostics,
                 gint              code)
{
  guint n = weft_diagnostics_get_length (diagnostics);
  guint n_errors = weft_diagnostics_get_n_errors (diagnostics);

  for (guint i = 0; i < n; i++)
    {
      const WeftDiagnostic *d = weft_diagnostics_get (diagnostics, i);

      if (d->severity == WEFT_SEVERITY_ERROR)
        {
          g_autofree char *first = weft_diagnostic_format (d, weft_diagnostics_get_file (diagnostics));

          if (n_errors > 1)
            g_set_error (error, WEFT_ERROR, code,
                         g_dngettext (GETTEXT_PACKAGE, "%s (and %u more problem)", "%s (and %u more problems)",
                                      n_errors - 1),
                         first, n_errors - 1);
          else
            g_set_error_literal (error, WEFT_ERROR, code, first);
          return;
        }
    }

  g_set_error (error, WEFT_ERROR, code, _("%s cannot be read"), weft_diagnostics_get_file (diagnostics));
}

/* Where the text comes from, when it is read from a stream. */
typedef struct {
  GInputStream        *stream;
  GCancellable        *cancellable;
  gboolean             started;       /* head holds the first bytes */
  char                 head[3];       /* a byte order mark, or not */
  gsize                head_length;
  gsize                head_pos;
  guint64              done;
  guint64              total;
  guint64              told;
  WeftLoadProgressFunc progress;
  gpointer             progress_data;
} Source;

static gssize
read_source (gpointer   user_data,
             char      *buffer,
             gsize      size,
             GError   **error)
{
  Source *source = user_data;
  gssize n;

  /* The first three bytes may be a UTF-8 byte order mark: harmless, and
   * not counted in positions (as editors show them). */
  if (!source->started)
    {
      gsize got = 0;

      source->started = TRUE;
      if (!g_input_stream_read_all (source->stream, source->head, sizeof source->head, &got,
                                    source->cancellable, error))
        return -1;
      source->done = got;
      source->head_length = got;
      if (got == 3 && memcmp (source->head, "\xEF\xBB\xBF", 3) == 0)
        source->head_length = 0;
    }

  if (source->head_pos < source->head_length)
    {
      n = MIN (size, source->head_length - source->head_pos);
      memcpy (buffer, source->head + source->head_pos, n);
      source->head_pos += n;
      return n;
    }

  n = g_input_stream_read (source->stream, buffer, size, source->cancellable, error);
  if (n < 0)
    return -1;
  source->done += n;

  /* Said about every 1 %, and at the end. */
  if (source->progress != NULL && (n == 0 || source->done - source->told >= MAX (source->total / 100, 1)))
    {
      source->told = source->done;
      source->progress (source->done, MAX (source->total, source->done), source->progress_data);
    }
  return n;
}

/* Reads @length bytes of @text, or (@text NULL) the text @source gives. */
static WeftDataset *
load (const char            *text,
      gsize                  length,
      Source                *source,
      gsize                  chunk,
      WeftDiagnostics       *diagnostics,
      GError               **error)
{
  g_autoptr(WeftDataset) dataset = weft_dataset_new ();
  g_autoptr(GError) read_error = NULL;
  WeftJsonProblem problem = { 0 };
  WeftJsonInput input;
  Reader r;
  gboolean ok;
  guint errors_before = weft_diagnostics_get_n_errors (diagnostics);
  guint first_finish;
  gint code;

  /* A UTF-8 byte order mark is harmless; skip it. */
  if (text != NULL && length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    {
      text += 3;
      length -= 3;
    }

  input.text = text;
  input.length = length;
  input.read = source != NULL ? read_source : NULL;
  input.read_data = source;
  input.chunk = chunk;
  reader_init (&r, dataset, source != NULL ? source->cancellable : NULL);
  ok = weft_json_scan (&input, NULL, &reader_visitor, &r, &problem, &read_error);

  if (!ok)
    {
      reader_clear (&r);
      store_clear (&r.store);
      if (problem.message != NULL)
        {
          weft_diagnostics_add (diagnostics, WEFT_SEVERITY_ERROR, problem.line, problem.column, NULL,
                                "%s", problem.message);
          g_free (problem.message);
          set_first_error (error, diagnostics, problem.limit ? WEFT_ERROR_LIMIT : WEFT_ERROR_SYNTAX);
        }
      else if (read_error != NULL && g_error_matches (read_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&read_error));
      else if (read_error != NULL)
        g_set_error (error, WEFT_ERROR, WEFT_ERROR_IO, _("%s: %s"),
                     weft_diagnostics_get_file (diagnostics), read_error->message);
      else
        /* The reader stopped: the load was cancelled. */
        g_cancellable_set_error_if_cancelled (source->cancellable, error);
      return NULL;
    }

  code = read_root (&r, diagnostics);
  reader_clear (&r);
  if (code != 0)
    {
      store_clear (&r.store);
      weft_diagnostics_sort (diagnostics);
      set_first_error (error, diagnostics, code);
      return NULL;
    }

  first_finish = weft_diagnostics_get_length (diagnostics);
  weft_dataset_finish (dataset, diagnostics);

  /* What finish() found is about references, whose places were kept. */
  for (guint i = first_finish; i < weft_diagnostics_get_length (diagnostics); i++)
    {
      const WeftDiagnostic *d = weft_diagnostics_get (diagnostics, i);
      Pos pos;

      if (d->line == 0 && d->path != NULL && store_find (&r.store, d->path, &pos))
        weft_diagnostics_set_position (diagnostics, i, pos.line, pos.column);
    }
  store_clear (&r.store);

  weft_diagnostics_sort (diagnostics);
  if (weft_diagnostics_get_n_errors (diagnostics) > errors_before)
    {
      set_first_error (error, diagnostics, WEFT_ERROR_INVALID);
      return NULL;
    }

  return g_steal_pointer (&dataset);
}

WeftDataset *
weft_dataset_load_stream (GInputStream           *stream,
                          const char             *name,
                          guint64                 size,
                          const WeftLoadOptions  *options,
                          WeftDiagnostics        *diagnostics,
                          GError                **error)
{
  Source source = { stream, NULL };
  g_autoptr(WeftDiagnostics) own = NULL;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  diagnostics = use_diagnostics (diagnostics, &own, name);
  source.total = size;
  if (options != NULL)
    {
      source.cancellable = options->cancellable;
      source.progress = options->progress;
      source.progress_data = options->progress_data;
    }

  return load (NULL, 0, &source, options != NULL ? options->chunk_size : 0, diagnostics, error);
}

WeftDataset *
weft_dataset_load_file_with_options (GFile                  *file,
                                     const WeftLoadOptions  *options,
                                     WeftDiagnostics        *diagnostics,
                                     GError                **error)
{
  g_autoptr(WeftDiagnostics) own = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autofree char *name = NULL;
  guint64 size = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  diagnostics = use_diagnostics (diagnostics, &own, name);

  stream = weft_file_open_guarded (file, name, &size, options ? options->cancellable : NULL, error);
  if (stream == NULL)
    return NULL;

  return weft_dataset_load_stream (stream, name, size, options, diagnostics, error);
}

WeftDataset *
weft_dataset_load_file (GFile            *file,
                        WeftDiagnostics  *diagnostics,
                        GCancellable     *cancellable,
                        GError          **error)
{
  WeftLoadOptions options = { 0 };

  options.cancellable = cancellable;
  return weft_dataset_load_file_with_options (file, &options, diagnostics, error);
}

WeftDataset *
weft_dataset_load_path (const char       *path,
                        WeftDiagnostics  *diagnostics,
                        GError          **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(WeftDiagnostics) own = NULL;

  diagnostics = use_diagnostics (diagnostics, &own, path);
  return weft_dataset_load_file (file, diagnostics, NULL, error);
}

WeftDataset *
weft_dataset_load_data (const char       *data,
                        gsize             length,
                        const char       *name,
                        WeftDiagnostics  *diagnostics,
                        GError          **error)
{
  g_autoptr(WeftDiagnostics) own = NULL;

  diagnostics = use_diagnostics (diagnostics, &own, name);
  if (length > weft_max_file_size ())
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_LIMIT,
                   _("%s: the data is %llu MiB, more than Weft's limit of %llu MiB; "
                     "if it is legitimate, raise the limit with WEFT_MAX_FILE_SIZE (in bytes)"),
                   name, (unsigned long long) (length >> 20), (unsigned long long) (weft_max_file_size () >> 20));
      return NULL;
    }

  return load (data, length, NULL, 0, diagnostics, error);
}

/* ---- Items embedded in other formats ------------------------------------- */

void
weft_dataset_read_json_items (WeftDataset     *dataset,
                              JsonObject      *object,
                              WeftDiagnostics *diagnostics)
{
  g_autoptr(WeftDiagnostics) own = NULL;
  WeftJTokens tree;
  Ctx ctx = { 0 };

  g_return_if_fail (WEFT_IS_DATASET (dataset));
  g_return_if_fail (!weft_dataset_is_finished (dataset));

  if (diagnostics == NULL)
    diagnostics = own = weft_diagnostics_new (NULL);

  /* The same reading as a .weft file's, over the json-glib tree turned
   * into tokens; positions are found by path afterwards. */
  weft_jtokens_init (&tree);
  ctx.dataset = dataset;
  ctx.diagnostics = diagnostics;
  ctx.tree = &tree;

  for (guint i = 0; i < weft_file_members.n_members; i++)
    {
      const WeftMember *m = &weft_file_members.members[i];
      JsonNode *node;

      if (m->type != WEFT_MEMBER_ITEMS)
        continue;
      node = json_object_get_member (object, m->name);
      weft_jtokens_reset (&tree);
      read_items (&ctx, node != NULL ? (gint) weft_jtokens_add_node (&tree, node) : -1, m);
    }

  weft_jtokens_clear (&tree);
}
