/* weft-old-loader.c: the .weft reader as it was before it streamed, for
 * test-loader-diff and fuzz-loader, which check that the streaming reader
 * (src/core/io/weft-loader.c) does what it did. Not part of Weft.
 *
 * The text is first checked by the strict scanner (exact positions,
 * limits), then parsed by json-glib and copied into the dataset; the JSON
 * tree is freed before the indexes are built. Problems found after the
 * parse are recorded by JSON path and turned into lines and columns at the
 * end, only when there are any.
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-test"

#include "config.h"

#include <glib/gi18n-lib.h>
#if HAVE_MALLOC_TRIM
#include <malloc.h>
#endif

#include "weft-dataset-private.h"
#include "weft-hash.h"
#include "weft-error.h"
#include "weft-file.h"
#include "weft-json-locate.h"
#include "weft-json-locate.h"
#include "weft-loader.h"
#include "weft-old-loader.h"
#include "weft-saver.h"
#include "weft-members.h"

/* Where the walk is, kept as parts and only formatted into a path
 * ("events[12].participants[0]") when a problem is reported. */
typedef struct {
  WeftDataset     *dataset;
  WeftDiagnostics *diagnostics;
  const char      *array;        /* "events", or NULL at the top level */
  guint            index;
  const char      *nested;       /* "participants", or NULL */
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

static const char *
describe_node (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT: return _("an object");
    case JSON_NODE_ARRAY: return _("an array");
    case JSON_NODE_NULL: return _("null");
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING: return _("a string");
        case G_TYPE_BOOLEAN: return _("true or false");
        case G_TYPE_INT64:
        case G_TYPE_DOUBLE:
        default:
          return _("a number");
        }
    }
}

static gboolean
is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* Sorts the members of @object into @slots by @table; the rest go to a new
 * object in *@extra with a warning each. */
static void
collect (Ctx                   *ctx,
         JsonObject            *object,
         const WeftMemberTable *table,
         JsonNode             **slots,
         JsonObject           **extra)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  memset (slots, 0, sizeof (JsonNode *) * table->n_members);
  *extra = NULL;

  /* In the file's order: json_object_iter_next() goes in hash order,
   * which would shuffle unknown members on every save. */
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      guint i;

      for (i = 0; i < table->n_members; i++)
        if (strcmp (table->members[i].name, name) == 0)
          break;

      if (i < table->n_members)
        {
          slots[i] = node;
          continue;
        }

      /* What Weft's own importers keep from other formats is expected
       * here; anything else is worth a warning. */
      if (!g_str_equal (name, "timelinejs") && !g_str_equal (name, "ftm") && !g_str_equal (name, "csv"))
        {
          g_autofree char *path = member_path (ctx, name);
          weft_diagnostics_warning_at (ctx->diagnostics, path,
                                       _("unknown member “%s”; Weft keeps it as it is and writes it back"),
                                       name);
        }
      if (*extra == NULL)
        *extra = json_object_new ();
      json_object_set_member (*extra, name, json_node_copy (node));
    }
}

typedef enum {
  EXPECT_STRING,
  EXPECT_ARRAY,
  EXPECT_STRING_ARRAY,   /* only its type is checked here */
  EXPECT_OBJECT,         /* only as an element */
} Expected;

/* Whether @node (the value of @member, NULL when it is missing) is there
 * with the JSON type expected; says what is wrong when not. */
static gboolean
check_node (Ctx        *ctx,
            JsonNode   *node,
            const char *member,
            gboolean    required,
            Expected    expected)
{
  g_autofree char *path = NULL;

  if (node == NULL)
    {
      if (required)
        {
          path = member_path (ctx, NULL);
          weft_diagnostics_error_at (ctx->diagnostics, path,
                                     expected == EXPECT_STRING
                                     ? _("missing “%s”; add it as a string")
                                     : _("missing “%s”; add it as an array (it may be empty: [])"),
                                     member);
        }
      return FALSE;
    }

  if (expected == EXPECT_STRING ? is_string (node) : JSON_NODE_HOLDS_ARRAY (node))
    return TRUE;

  path = member_path (ctx, member);
  weft_diagnostics_error_at (ctx->diagnostics, path,
                             expected == EXPECT_STRING ? _("“%s” must be a string, not %s")
                             : expected == EXPECT_ARRAY ? _("“%s” must be an array, not %s")
                             : _("“%s” must be an array of strings, not %s"),
                             member, describe_node (node));
  return FALSE;
}

/* Says that element @index of the array @member is not a string or an
 * object, as @expected. */
static void
report_element (Ctx        *ctx,
                const char *member,
                guint       index,
                JsonNode   *element,
                Expected    expected)
{
  g_autofree char *sub = g_strdup_printf ("%s[%u]", member, index);
  g_autofree char *path = member_path (ctx, sub);

  weft_diagnostics_error_at (ctx->diagnostics, path,
                             expected == EXPECT_STRING ? _("each element of “%s” must be a string, not %s")
                                                       : _("each element of “%s” must be an object, not %s"),
                             member, describe_node (element));
}

static const char *
get_string (Ctx        *ctx,
            JsonNode   *node,
            const char *member,
            gboolean    required)
{
  if (!check_node (ctx, node, member, required, EXPECT_STRING))
    return NULL;

  return json_node_get_string (node);
}

static void
get_string_list (Ctx          *ctx,
                 JsonNode     *node,
                 const char   *member,
                 const char ***list)
{
  JsonArray *array;
  guint n;

  if (!check_node (ctx, node, member, FALSE, EXPECT_STRING_ARRAY))
    return;

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!is_string (element))
        {
          report_element (ctx, member, i, element, EXPECT_STRING);
          continue;
        }
      weft_dataset_strv_append (ctx->dataset, list, json_node_get_string (element));
    }

  /* An empty array is kept as an empty list, so it is written back. */
  if (*list == NULL && n == 0)
    *list = g_new0 (const char *, 1);
}

static gboolean
get_date (Ctx         *ctx,
          JsonNode    *node,
          const char  *member,
          gboolean     required,
          const char **text,
          WeftDate    *date)
{
  g_autoptr(GError) error = NULL;
  gsize offset = 0;

  *text = get_string (ctx, node, member, required);
  if (*text == NULL)
    return FALSE;

  if (!weft_date_parse (*text, date, &offset, &error))
    {
      g_autofree char *path = member_path (ctx, member);

      /* The column, for now, is the character offset inside the string;
       * weft_resolve_json_positions() adds where the string starts. */
      weft_diagnostics_add (ctx->diagnostics, WEFT_SEVERITY_ERROR, 0,
                            g_utf8_pointer_to_offset (*text, *text + MIN (offset, strlen (*text))) + 1,
                            path, "%s", error->message);
      *text = NULL;
      return FALSE;
    }

  return TRUE;
}

static guint
get_enum (Ctx              *ctx,
          JsonNode         *node,
          const WeftMember *m)
{
  const char *text = get_string (ctx, node, m->name, m->required);
  guint value;

  if (text == NULL)
    return m->fallback;

  if (!weft_enum_lookup (m->names, text, &value))
    {
      g_autofree char *path = member_path (ctx, m->name);
      g_autofree char *expected = g_strjoinv (", ", (char **) m->names);

      weft_diagnostics_error_at (ctx->diagnostics, path,
                                 _("unknown %s “%s”; expected one of %s"),
                                 m->name, text, expected);
      return m->fallback;
    }

  return value;
}

static gboolean
check_array (Ctx         *ctx,
             JsonNode    *node,
             const char  *member,
             gboolean     required,
             JsonArray  **array)
{
  *array = check_node (ctx, node, member, required, EXPECT_ARRAY) ? json_node_get_array (node) : NULL;
  return *array != NULL;
}

static JsonObject *
element_object (Ctx        *ctx,
                JsonArray  *array,
                guint       index,
                const char *member)
{
  JsonNode *element = json_array_get_element (array, index);

  if (JSON_NODE_HOLDS_OBJECT (element))
    return json_node_get_object (element);

  report_element (ctx, member, index, element, EXPECT_OBJECT);
  return NULL;
}

/* ---- Members ------------------------------------------------------------ */

static void read_member (Ctx              *ctx,
                         const WeftMember *m,
                         JsonNode         *node,
                         gpointer          base);

/* Reads @object into @base, the struct @table describes, member by member
 * in table order; unknown members go to its extra object. */
static void
read_members (Ctx                   *ctx,
              JsonObject            *object,
              const WeftMemberTable *table,
              gpointer               base)
{
  JsonNode *slots[WEFT_MEMBERS_MAX];

  collect (ctx, object, table, slots, &WEFT_MEMBER_FIELD (base, table->extra_offset, JsonObject *));
  for (guint i = 0; i < table->n_members; i++)
    read_member (ctx, &table->members[i], slots[i], base);
}

/* The elements of an array of objects (participants, citations). */
static void
read_objects (Ctx              *ctx,
              JsonNode         *node,
              const WeftMember *m,
              gpointer          base)
{
  JsonArray *array;
  guint n;

  if (!check_array (ctx, node, m->name, m->required, &array))
    return;

  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *object = element_object (ctx, array, i, m->name);
      gpointer element;

      if (object == NULL)
        continue;

      element = weft_dataset_append_element (&WEFT_MEMBER_FIELD (base, m->offset, gpointer),
                                             &WEFT_MEMBER_FIELD (base, m->length_offset, guint),
                                             m->table->size);
      ctx->nested = m->name;
      ctx->nested_index = i;
      read_members (ctx, object, m->table, element);
      ctx->nested = NULL;
    }
}

/* A top-level array of items ("events"). */
static void
read_items (Ctx              *ctx,
            JsonNode         *node,
            const WeftMember *m)
{
  JsonArray *array;
  guint n;

  if (!check_array (ctx, node, m->name, FALSE, &array))
    return;

  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *object;
      WeftItem *item = weft_dataset_append_item (ctx->dataset, m->table->type);

      ctx->array = NULL;   /* the path is the element's: "events[3]" */
      object = element_object (ctx, array, i, m->name);
      ctx->array = m->name;
      ctx->index = i;
      if (object == NULL)
        {
          /* The item stays, as an empty placeholder, to keep the numbering
           * of the items that follow; its own problems (no id…) would
           * only repeat this one. */
          g_autoptr(JsonObject) empty = json_object_new ();
          WeftDiagnostics *real = ctx->diagnostics;

          ctx->diagnostics = weft_diagnostics_new (NULL);
          read_members (ctx, empty, m->table, item);
          weft_diagnostics_free (ctx->diagnostics);
          ctx->diagnostics = real;
          continue;
        }
      read_members (ctx, object, m->table, item);
    }
  ctx->array = NULL;
}

/* Checks the value of one member and stores it in @base. */
static void
read_member (Ctx              *ctx,
             const WeftMember *m,
             JsonNode         *node,
             gpointer          base)
{
  switch (m->type)
    {
    case WEFT_MEMBER_STRING:
      {
        const char *value = get_string (ctx, node, m->name, m->required);

        /* A required string is never NULL, as weft_dataset_add_*() make it. */
        if (value == NULL && m->required)
          value = "";
        WEFT_MEMBER_FIELD (base, m->offset, const char *) = weft_dataset_intern (ctx->dataset, value);
      }
      break;

    case WEFT_MEMBER_STRINGS:
      /* The only required list: a claim's "about". */
      if (node == NULL && m->required)
        {
          g_autofree char *path = member_path (ctx, NULL);
          weft_diagnostics_error_at (ctx->diagnostics, path,
                                     _("missing “about”; list the ids the claim is about"));
        }
      get_string_list (ctx, node, m->name, &WEFT_MEMBER_FIELD (base, m->offset, const char **));
      break;

    case WEFT_MEMBER_DATE:
      {
        const char *text = NULL;
        WeftDate date = { 0 };

        if (get_date (ctx, node, m->name, m->required, &text, &date))
          weft_dataset_set_item_date (ctx->dataset, base, text, &date);
        else if (m->required)
          weft_dataset_set_item_date (ctx->dataset, base, "", NULL);
      }
      break;

    case WEFT_MEMBER_ENUM:
      WEFT_MEMBER_FIELD (base, m->offset, guint) = get_enum (ctx, node, m);
      break;

    case WEFT_MEMBER_OBJECTS:
      read_objects (ctx, node, m, base);
      break;

    case WEFT_MEMBER_ITEMS:
      read_items (ctx, node, m);
      break;

    case WEFT_MEMBER_VERSION:
    default:
      /* Read first, by check_version(). */
      break;
    }
}

/* ---- Entry points ------------------------------------------------------- */

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

/* Reads the version first: a file from a newer Weft may mean anything. */
static gboolean
check_version (Ctx        *ctx,
               JsonObject *root)
{
  JsonNode *node = json_object_get_member (root, "weft");
  gint64 version;

  if (node == NULL)
    {
      weft_diagnostics_error_at (ctx->diagnostics, "",
                                 _("missing “weft”, the format version; a .weft file starts with {\"weft\": 1, …}"));
      return FALSE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      weft_diagnostics_error_at (ctx->diagnostics, "weft",
                                 _("“weft” must be a whole number, the format version (1), not %s"),
                                 describe_node (node));
      return FALSE;
    }

  version = json_node_get_int (node);
  if (version > WEFT_FORMAT_VERSION)
    {
      weft_diagnostics_error_at (ctx->diagnostics, "weft",
                                 _("made by a newer Weft (format %lld); this Weft reads format %d. "
                                   "Update Weft to open this file"),
                                 (long long) version, WEFT_FORMAT_VERSION);
      return FALSE;
    }
  if (version < 1)
    {
      weft_diagnostics_error_at (ctx->diagnostics, "weft",
                                 _("format version %lld does not exist; use 1"), (long long) version);
      return FALSE;
    }

  return TRUE;
}

/* The shared work of the entry points. @text may be freed by @release
 * right after the JSON parse, to keep the peak low; @reread brings it back
 * when positions are needed. */
typedef char *(*Reread) (gpointer user_data, gsize *length);

static WeftDataset *
load (char            *text,
      gsize            length,
      GDestroyNotify   release,
      Reread           reread,
      gpointer         user_data,
      WeftDiagnostics *diagnostics,
      GError         **error)
{
  g_autoptr(WeftDiagnostics) own = NULL;
  g_autoptr(WeftDataset) dataset = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  WeftJsonProblem problem = { 0 };
  gsize skip = 0;
  Ctx ctx = { 0 };
  JsonNode *root;
  gboolean ok;
  guint errors_before;
  gint code = 0;

  if (diagnostics == NULL)
    diagnostics = own = weft_diagnostics_new (NULL);
  errors_before = weft_diagnostics_get_n_errors (diagnostics);

  /* A UTF-8 byte order mark is harmless; skip it. */
  if (length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    skip = 3;

  if (!weft_json_check (text + skip, length - skip, NULL, &problem))
    {
      guint line, column;

      weft_json_offset_to_position (text + skip, length - skip, problem.offset, &line, &column);
      weft_diagnostics_add (diagnostics, WEFT_SEVERITY_ERROR, line, column, NULL, "%s", problem.message);
      g_free (problem.message);
      if (release)
        release (text);
      set_first_error (error, diagnostics, problem.limit ? WEFT_ERROR_LIMIT : WEFT_ERROR_SYNTAX);
      return NULL;
    }

  parser = json_parser_new ();
  ok = json_parser_load_from_data (parser, text + skip, length - skip, &parse_error);
  if (!ok)
    {
      /* The scanner accepted it, so this should not happen; say what
       * json-glib said rather than nothing. */
      weft_diagnostics_add (diagnostics, WEFT_SEVERITY_ERROR, 0, 0, NULL, "%s", parse_error->message);
      if (release)
        release (text);
      set_first_error (error, diagnostics, WEFT_ERROR_SYNTAX);
      return NULL;
    }

  if (release)
    {
      release (text);
      text = NULL;
    }

  dataset = weft_dataset_new ();
  ctx.dataset = dataset;
  ctx.diagnostics = diagnostics;

  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      weft_diagnostics_error_at (diagnostics, "",
                                 _("a .weft file is a JSON object such as {\"weft\": 1, …}, not %s"),
                                 describe_node (root));
    }
  else if (check_version (&ctx, json_node_get_object (root)))
    {
      read_members (&ctx, json_node_get_object (root), &weft_file_members, weft_dataset_get_header (dataset));
    }
  else
    {
      /* Nothing else is read from a file whose version is wrong. */
      JsonNode *version = json_object_get_member (json_node_get_object (root), "weft");

      if (version != NULL && JSON_NODE_HOLDS_VALUE (version) &&
          json_node_get_value_type (version) == G_TYPE_INT64 &&
          json_node_get_int (version) > WEFT_FORMAT_VERSION)
        code = WEFT_ERROR_VERSION;
      else
        code = WEFT_ERROR_INVALID;
    }

  /* The tree is no longer needed: free it before indexing. */
  g_clear_object (&parser);
#if HAVE_MALLOC_TRIM
  malloc_trim (0);
#endif

  if (code == 0)
    weft_dataset_finish (dataset, diagnostics);

  if (weft_diagnostics_get_length (diagnostics) > 0)
    {
      if (text == NULL && reread != NULL)
        {
          text = reread (user_data, &length);
          skip = (text != NULL && length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0;
        }
      if (text != NULL)
        weft_resolve_json_positions (diagnostics, 0, text + skip, length - skip);
      if (release && text != NULL)
        release (text);
      weft_diagnostics_sort (diagnostics);
    }

  if (weft_diagnostics_get_n_errors (diagnostics) > errors_before)
    {
      set_first_error (error, diagnostics, code ? code : WEFT_ERROR_INVALID);
      return NULL;
    }

  return g_steal_pointer (&dataset);
}

WeftDataset *
weft_old_load_data (const char       *data,
                    gsize             length,
                    const char       *name,
                    WeftDiagnostics  *diagnostics,
                    GError          **error)
{
  g_autoptr(WeftDiagnostics) own = NULL;

  if (diagnostics == NULL)
    diagnostics = own = weft_diagnostics_new (name);
  else if (weft_diagnostics_get_file (diagnostics) == NULL)
    weft_diagnostics_set_file (diagnostics, name);

  if (length > weft_max_file_size ())
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_LIMIT,
                   _("%s: the data is %llu MiB, more than Weft's limit of %llu MiB; "
                     "if it is legitimate, raise the limit with WEFT_MAX_FILE_SIZE (in bytes)"),
                   name, (unsigned long long) (length >> 20), (unsigned long long) (weft_max_file_size () >> 20));
      return NULL;
    }

  return load ((char *) data, length, NULL, NULL, NULL, diagnostics, error);
}

/* ---- Comparing it with the streaming reader ------------------------------ */

/* Whether a path names two values of the JSON @text (see
 * weft_old_loader_compare()). */
typedef struct {
  GString    *path;
  GArray     *saved;      /* gsize: the path's length at each open value */
  GArray     *counts;     /* guint: elements so far, at each open array;
                           * G_MAXUINT at each open object */
  GHashTable *seen;
  gboolean    twice;
  gboolean    named;      /* a member name came: the next value's path has it */
} Paths;

static gboolean
path_value (gpointer             data,
            const WeftJsonToken *token,
            const char          *text,
            guint                line,
            guint                column)
{
  Paths *p = data;
  gsize length = p->path->len;

  if (!p->named && p->counts->len > 0)
    {
      guint *n = &g_array_index (p->counts, guint, p->counts->len - 1);

      g_string_append_printf (p->path, "[%u]", (*n)++);
    }
  p->named = FALSE;
  if (!g_hash_table_add (p->seen, g_strdup (p->path->str)))
    p->twice = TRUE;

  if (token->kind == WEFT_JSON_OBJECT || token->kind == WEFT_JSON_ARRAY)
    {
      guint n = token->kind == WEFT_JSON_ARRAY ? 0 : G_MAXUINT;

      /* Its members' and elements' paths start with its own. */
      length = p->path->len;
      g_array_append_val (p->saved, length);
      g_array_append_val (p->counts, n);
    }
  else
    g_string_truncate (p->path, length);
  return TRUE;
}

static gboolean
path_member (gpointer             data,
             const WeftJsonToken *token,
             const char          *text)
{
  gsize length = token->end - token->start - 2;
  Paths *p = data;
  gsize old;

  g_string_truncate (p->path, g_array_index (p->saved, gsize, p->saved->len - 1));
  if (p->path->len > 0)
    g_string_append_c (p->path, '.');
  old = p->path->len;
  g_string_set_size (p->path, old + length);
  g_string_truncate (p->path, old + weft_json_decode_string (text + token->start + 1, length, p->path->str + old));
  p->named = TRUE;
  return TRUE;
}

static gboolean
path_end (gpointer data)
{
  Paths *p = data;

  g_string_truncate (p->path, g_array_index (p->saved, gsize, p->saved->len - 1));
  g_array_set_size (p->saved, p->saved->len - 1);
  g_array_set_size (p->counts, p->counts->len - 1);
  return TRUE;
}

static gboolean
has_a_path_twice (const char *text,
                  gsize       length)
{
  static const WeftJsonVisitor visitor = { path_value, path_member, path_end };
  WeftJsonInput input = { text, length, NULL, NULL, 0 };
  Paths p = { 0 };

  if (length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    {
      input.text += 3;
      input.length -= 3;
    }
  p.path = g_string_new (NULL);
  p.saved = g_array_new (FALSE, FALSE, sizeof (gsize));
  p.counts = g_array_new (FALSE, FALSE, sizeof (guint));
  p.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  weft_json_scan (&input, NULL, &visitor, &p, NULL, NULL);
  g_string_free (p.path, TRUE);
  g_array_unref (p.saved);
  g_array_unref (p.counts);
  g_hash_table_unref (p.seen);
  return p.twice;
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* @line without its "FILE:LINE:COLUMN: " position. */
static char *
without_position (const char *line)
{
  const char *p = g_str_has_prefix (line, "t.weft:") ? line + strlen ("t.weft:") : line;

  if (p != line)
    {
      while (g_ascii_isdigit (*p) || *p == ':')
        p++;
      if (*p == ' ')
        p++;
    }
  return g_strdup (p);
}

/* What a reader made of an input, as text; with @positions FALSE, the
 * problems without their positions, in the order of their text. */
static char *
outcome (WeftDataset     *dataset,
         WeftDiagnostics *diagnostics,
         const GError    *error,
         gboolean         positions)
{
  GString *out = g_string_new (NULL);
  g_autofree char *all = weft_diagnostics_format_all (diagnostics);

  g_string_append_printf (out, "errors %u, warnings %u, dropped %u\n",
                          weft_diagnostics_get_n_errors (diagnostics),
                          weft_diagnostics_get_n_warnings (diagnostics),
                          weft_diagnostics_get_n_dropped (diagnostics));
  if (positions)
    g_string_append_printf (out, "%s\n", all);
  else
    {
      g_auto(GStrv) lines = g_strsplit (all, "\n", -1);
      guint n = g_strv_length (lines);

      for (guint i = 0; i < n; i++)
        {
          char *bare = without_position (lines[i]);

          g_free (lines[i]);
          lines[i] = bare;
        }
      qsort (lines, n, sizeof (char *), compare_lines);
      for (guint i = 0; i < n; i++)
        g_string_append_printf (out, "%s\n", lines[i]);
    }
  if (error != NULL)
    {
      g_autofree char *message = positions ? g_strdup (error->message) : without_position (error->message);

      /* Without positions, which problem comes first may differ. */
      if (!positions && strstr (message, " (and ") != NULL)
        *strstr (message, " (and ") = '\0';
      g_string_append_printf (out, "error %s %d: %s\n", g_quark_to_string (error->domain), error->code,
                              positions ? message : "");
    }
  if (dataset != NULL)
    {
      g_autofree char *saved = weft_dataset_to_data (dataset, NULL);

      g_string_append_printf (out, "dataset\n%s", saved);
    }
  return g_string_free (out, FALSE);
}

typedef WeftDataset *(*LoadFunc) (const char *, gsize, const char *, WeftDiagnostics *, GError **);

static char *
read_with (LoadFunc    reader,
           const char *text,
           gsize       length,
           gboolean    positions)
{
  g_autoptr(WeftDiagnostics) diagnostics = weft_diagnostics_new ("t.weft");
  g_autoptr(GError) error = NULL;
  g_autoptr(WeftDataset) dataset = reader (text, length, "t.weft", diagnostics, &error);

  if ((dataset == NULL) == (error == NULL))
    g_error ("a dataset and an error, or neither");
  return outcome (dataset, diagnostics, error, positions);
}

/* The streaming reader over a stream that hands out @chunk bytes a read. */
static char *
read_stream (const char *text,
             gsize       length,
             gsize       chunk)
{
  g_autoptr(WeftDiagnostics) diagnostics = weft_diagnostics_new ("t.weft");
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (text, length, NULL);
  WeftLoadOptions options = { .chunk_size = chunk };
  g_autoptr(WeftDataset) dataset = weft_dataset_load_stream (stream, "t.weft", length, &options, diagnostics, &error);

  if ((dataset == NULL) == (error == NULL))
    g_error ("a dataset and an error, or neither");
  return outcome (dataset, diagnostics, error, TRUE);
}

char *
weft_old_loader_compare (const char *text,
                         gsize       length,
                         gsize       chunk,
                         gboolean   *exact)
{
  gboolean positions = !has_a_path_twice (text, length);
  g_autofree char *before = read_with (weft_old_load_data, text, length, positions);
  g_autofree char *now = read_with (weft_dataset_load_data, text, length, positions);
  g_autofree char *streamed = NULL;
  g_autofree char *now_exact = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *shown = NULL;

  if (exact != NULL)
    *exact = positions;
  if (g_strcmp0 (before, now) == 0)
    {
      streamed = read_stream (text, length, chunk);
      now_exact = positions ? g_steal_pointer (&now) : read_with (weft_dataset_load_data, text, length, TRUE);
      if (g_strcmp0 (streamed, now_exact) == 0)
        return NULL;
    }

  /* The text need not end with a NUL. */
  copy = g_strndup (text, MIN (length, 4000));
  shown = g_strescape (copy, NULL);
  if (streamed == NULL)
    return g_strdup_printf ("the readers differ on\n%s\n--- before:\n%s\n--- now:\n%s", shown, before, now);
  return g_strdup_printf ("read from a stream, differs on\n%s\n--- in memory:\n%s\n--- from a stream:\n%s",
                          shown, now_exact, streamed);
}
