/* weft-loader.c: the .weft reader
 *
 * The text is first checked by our own strict scanner (exact positions,
 * limits), then parsed by json-glib and copied into the dataset; the JSON
 * tree is freed before the indexes are built. Problems found after the
 * parse are recorded by JSON path and turned into lines and columns at the
 * end, only when there are any.
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

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
#include "weft-file.h"
#include "weft-loader.h"

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

/* Sorts the members of @object into @slots by @known; the rest go to a new
 * object in *@extra with a warning each. */
static void
collect (Ctx                *ctx,
         JsonObject         *object,
         const char * const *known,
         guint               n_known,
         JsonNode          **slots,
         JsonObject        **extra)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  memset (slots, 0, sizeof (JsonNode *) * n_known);
  *extra = NULL;

  /* In the file's order: json_object_iter_next() goes in hash order,
   * which would shuffle unknown members on every save. */
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      guint i;

      for (i = 0; i < n_known; i++)
        if (strcmp (known[i], name) == 0)
          break;

      if (i < n_known)
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

static const char *
get_string (Ctx        *ctx,
            JsonNode   *node,
            const char *member,
            gboolean    required)
{
  if (node == NULL)
    {
      if (required)
        {
          g_autofree char *path = member_path (ctx, NULL);
          weft_diagnostics_error_at (ctx->diagnostics, path,
                                     _("missing “%s”; add it as a string"), member);
        }
      return NULL;
    }

  if (!is_string (node))
    {
      g_autofree char *path = member_path (ctx, member);
      weft_diagnostics_error_at (ctx->diagnostics, path,
                                 _("“%s” must be a string, not %s"), member, describe_node (node));
      return NULL;
    }

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

  if (node == NULL)
    return;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *path = member_path (ctx, member);
      weft_diagnostics_error_at (ctx->diagnostics, path,
                                 _("“%s” must be an array of strings, not %s"), member, describe_node (node));
      return;
    }

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!is_string (element))
        {
          g_autofree char *sub = g_strdup_printf ("%s[%u]", member, i);
          g_autofree char *path = member_path (ctx, sub);
          weft_diagnostics_error_at (ctx->diagnostics, path,
                                     _("each element of “%s” must be a string, not %s"),
                                     member, describe_node (element));
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

static void
report_enum (Ctx                *ctx,
             const char         *member,
             const char         *value,
             const char * const *names,
             guint               n_names)
{
  g_autofree char *path = member_path (ctx, member);
  g_autoptr(GString) expected = g_string_new (NULL);

  for (guint i = 0; i < n_names; i++)
    {
      if (i > 0)
        g_string_append (expected, ", ");
      g_string_append (expected, names[i]);
    }

  weft_diagnostics_error_at (ctx->diagnostics, path,
                             _("unknown %s “%s”; expected one of %s"),
                             member, value, expected->str);
}

static const char * const source_kind_names[] = { "article", "report", "survey", "dataset", "book", "other" };
static const char * const entity_kind_names[] = { "organization", "company", "government", "person", "place",
                                                  "group", "technology", "program", "other" };
static const char * const status_names[] = { "reported", "alleged", "disputed", "confirmed", "denied", "opinion" };

/* ---- Items -------------------------------------------------------------- */

static void
read_source (Ctx        *ctx,
             JsonObject *object)
{
  static const char * const known[] = { "id", "title", "publisher", "author", "date", "url", "kind", "cited_by" };
  JsonNode *slots[G_N_ELEMENTS (known)];
  JsonObject *extra;
  WeftSourceKind kind = WEFT_SOURCE_OTHER;
  const char *kind_text, *date_text;
  WeftSource *s;
  WeftDate date;

  collect (ctx, object, known, G_N_ELEMENTS (known), slots, &extra);

  kind_text = get_string (ctx, slots[6], "kind", TRUE);
  if (kind_text != NULL && !weft_source_kind_from_string (kind_text, &kind))
    report_enum (ctx, "kind", kind_text, source_kind_names, G_N_ELEMENTS (source_kind_names));

  s = weft_dataset_add_source (ctx->dataset,
                               get_string (ctx, slots[0], "id", TRUE),
                               get_string (ctx, slots[1], "title", TRUE),
                               kind);
  s->item.extra = extra;
  s->publisher = weft_dataset_intern (ctx->dataset, get_string (ctx, slots[2], "publisher", FALSE));
  s->author = weft_dataset_intern (ctx->dataset, get_string (ctx, slots[3], "author", FALSE));
  if (get_date (ctx, slots[4], "date", FALSE, &date_text, &date))
    weft_dataset_set_item_date (ctx->dataset, &s->item, date_text, &date);
  s->url = weft_dataset_intern (ctx->dataset, get_string (ctx, slots[5], "url", FALSE));
  s->cited_by = weft_dataset_intern (ctx->dataset, get_string (ctx, slots[7], "cited_by", FALSE));
}

static void
read_entity (Ctx        *ctx,
             JsonObject *object)
{
  static const char * const known[] = { "id", "name", "kind", "aliases", "description", "tags", "country" };
  JsonNode *slots[G_N_ELEMENTS (known)];
  JsonObject *extra;
  WeftEntityKind kind = WEFT_ENTITY_OTHER;
  const char *kind_text;
  WeftEntity *e;

  collect (ctx, object, known, G_N_ELEMENTS (known), slots, &extra);

  kind_text = get_string (ctx, slots[2], "kind", TRUE);
  if (kind_text != NULL && !weft_entity_kind_from_string (kind_text, &kind))
    report_enum (ctx, "kind", kind_text, entity_kind_names, G_N_ELEMENTS (entity_kind_names));

  e = weft_dataset_add_entity (ctx->dataset,
                               get_string (ctx, slots[0], "id", TRUE),
                               get_string (ctx, slots[1], "name", TRUE),
                               kind);
  e->item.extra = extra;
  get_string_list (ctx, slots[3], "aliases", &e->aliases);
  e->description = weft_dataset_intern (ctx->dataset, get_string (ctx, slots[4], "description", FALSE));
  get_string_list (ctx, slots[5], "tags", &e->tags);
  e->country = weft_dataset_intern (ctx->dataset, get_string (ctx, slots[6], "country", FALSE));
}

static gboolean
check_array (Ctx         *ctx,
             JsonNode    *node,
             const char  *member,
             gboolean     required,
             JsonArray  **array)
{
  *array = NULL;

  if (node == NULL)
    {
      if (required)
        {
          g_autofree char *path = member_path (ctx, NULL);
          weft_diagnostics_error_at (ctx->diagnostics, path,
                                     _("missing “%s”; add it as an array (it may be empty: [])"), member);
        }
      return FALSE;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *path = member_path (ctx, member);
      weft_diagnostics_error_at (ctx->diagnostics, path,
                                 _("“%s” must be an array, not %s"), member, describe_node (node));
      return FALSE;
    }

  *array = json_node_get_array (node);
  return TRUE;
}

static JsonObject *
element_object (Ctx        *ctx,
                JsonArray  *array,
                guint       index,
                const char *member)
{
  JsonNode *element = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (element))
    {
      g_autofree char *sub = g_strdup_printf ("%s[%u]", member, index);
      g_autofree char *path = member_path (ctx, sub);
      weft_diagnostics_error_at (ctx->diagnostics, path,
                                 _("each element of “%s” must be an object, not %s"),
                                 member, describe_node (element));
      return NULL;
    }

  return json_node_get_object (element);
}

static void
read_event (Ctx        *ctx,
            JsonObject *object)
{
  static const char * const known[] = { "id", "title", "date", "description", "participants", "claims", "group", "tags" };
  static const char * const participant_known[] = { "entity", "role" };
  JsonNode *slots[G_N_ELEMENTS (known)];
  JsonObject *extra;
  const char *date_text = NULL;
  WeftDate date = { 0 };
  JsonArray *participants;
  WeftEvent *e;

  collect (ctx, object, known, G_N_ELEMENTS (known), slots, &extra);
  get_date (ctx, slots[2], "date", TRUE, &date_text, &date);

  e = weft_dataset_add_event (ctx->dataset,
                              get_string (ctx, slots[0], "id", TRUE),
                              get_string (ctx, slots[1], "title", TRUE),
                              date_text, &date);
  e->item.extra = extra;
  e->description = weft_dataset_intern (ctx->dataset, get_string (ctx, slots[3], "description", FALSE));

  if (check_array (ctx, slots[4], "participants", TRUE, &participants))
    {
      guint n = json_array_get_length (participants);
      for (guint i = 0; i < n; i++)
        {
          JsonObject *p = element_object (ctx, participants, i, "participants");
          JsonNode *pslots[G_N_ELEMENTS (participant_known)];
          JsonObject *pextra;
          WeftParticipant *participant;

          if (p == NULL)
            continue;

          ctx->nested = "participants";
          ctx->nested_index = i;
          collect (ctx, p, participant_known, G_N_ELEMENTS (participant_known), pslots, &pextra);
          participant = weft_dataset_add_participant (ctx->dataset, e,
                                                      get_string (ctx, pslots[0], "entity", TRUE),
                                                      get_string (ctx, pslots[1], "role", FALSE));
          participant->extra = pextra;
          ctx->nested = NULL;
        }
    }

  get_string_list (ctx, slots[5], "claims", &e->claims);
  e->group = weft_dataset_intern (ctx->dataset, get_string (ctx, slots[6], "group", FALSE));
  get_string_list (ctx, slots[7], "tags", &e->tags);
}

static void
read_claim (Ctx        *ctx,
            JsonObject *object)
{
  static const char * const known[] = { "id", "text", "status", "claimant", "about", "date", "citations" };
  static const char * const citation_known[] = { "source", "quote", "locator" };
  JsonNode *slots[G_N_ELEMENTS (known)];
  JsonObject *extra;
  WeftClaimStatus status = WEFT_STATUS_REPORTED;
  const char *status_text, *date_text;
  WeftDate date;
  JsonArray *citations;
  WeftClaim *c;

  collect (ctx, object, known, G_N_ELEMENTS (known), slots, &extra);

  status_text = get_string (ctx, slots[2], "status", TRUE);
  if (status_text != NULL && !weft_claim_status_from_string (status_text, &status))
    report_enum (ctx, "status", status_text, status_names, G_N_ELEMENTS (status_names));

  c = weft_dataset_add_claim (ctx->dataset,
                              get_string (ctx, slots[0], "id", TRUE),
                              get_string (ctx, slots[1], "text", TRUE),
                              status);
  c->item.extra = extra;
  c->claimant = weft_dataset_intern (ctx->dataset, get_string (ctx, slots[3], "claimant", FALSE));

  if (slots[4] == NULL)
    {
      g_autofree char *path = member_path (ctx, NULL);
      weft_diagnostics_error_at (ctx->diagnostics, path,
                                 _("missing “about”; list the ids the claim is about"));
    }
  get_string_list (ctx, slots[4], "about", &c->about);

  if (get_date (ctx, slots[5], "date", FALSE, &date_text, &date))
    weft_dataset_set_item_date (ctx->dataset, &c->item, date_text, &date);

  if (check_array (ctx, slots[6], "citations", TRUE, &citations))
    {
      guint n = json_array_get_length (citations);
      for (guint i = 0; i < n; i++)
        {
          JsonObject *o = element_object (ctx, citations, i, "citations");
          JsonNode *cslots[G_N_ELEMENTS (citation_known)];
          JsonObject *cextra;
          WeftCitation *citation;

          if (o == NULL)
            continue;

          ctx->nested = "citations";
          ctx->nested_index = i;
          collect (ctx, o, citation_known, G_N_ELEMENTS (citation_known), cslots, &cextra);
          citation = weft_dataset_add_citation (ctx->dataset, c,
                                                get_string (ctx, cslots[0], "source", TRUE),
                                                get_string (ctx, cslots[1], "quote", TRUE),
                                                get_string (ctx, cslots[2], "locator", FALSE));
          citation->extra = cextra;
          ctx->nested = NULL;
        }
    }
}

static void
read_relation (Ctx        *ctx,
               JsonObject *object)
{
  static const char * const known[] = { "id", "from", "to", "type", "label", "date", "claims" };
  JsonNode *slots[G_N_ELEMENTS (known)];
  JsonObject *extra;
  const char *date_text;
  WeftDate date;
  WeftRelation *r;

  collect (ctx, object, known, G_N_ELEMENTS (known), slots, &extra);

  r = weft_dataset_add_relation (ctx->dataset,
                                 get_string (ctx, slots[0], "id", TRUE),
                                 get_string (ctx, slots[1], "from", TRUE),
                                 get_string (ctx, slots[2], "to", TRUE),
                                 get_string (ctx, slots[3], "type", TRUE));
  r->item.extra = extra;
  r->label = weft_dataset_intern (ctx->dataset, get_string (ctx, slots[4], "label", FALSE));
  if (get_date (ctx, slots[5], "date", FALSE, &date_text, &date))
    weft_dataset_set_item_date (ctx->dataset, &r->item, date_text, &date);
  get_string_list (ctx, slots[6], "claims", &r->claims);
}

static void
read_era (Ctx        *ctx,
          JsonObject *object)
{
  static const char * const known[] = { "id", "title", "date", "color" };
  JsonNode *slots[G_N_ELEMENTS (known)];
  JsonObject *extra;
  const char *date_text = NULL;
  WeftDate date = { 0 };
  WeftEra *e;

  collect (ctx, object, known, G_N_ELEMENTS (known), slots, &extra);
  get_date (ctx, slots[2], "date", TRUE, &date_text, &date);

  e = weft_dataset_add_era (ctx->dataset,
                            get_string (ctx, slots[0], "id", TRUE),
                            get_string (ctx, slots[1], "title", TRUE),
                            date_text, &date);
  e->item.extra = extra;
  e->color = weft_dataset_intern (ctx->dataset, get_string (ctx, slots[3], "color", FALSE));
}

typedef void (*ReadItem) (Ctx *ctx, JsonObject *object);

static void
read_items (Ctx        *ctx,
            JsonNode   *node,
            const char *member,
            ReadItem    read)
{
  JsonArray *array;
  guint n;

  if (!check_array (ctx, node, member, FALSE, &array))
    return;

  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      ctx->array = member;
      ctx->index = i;
      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          /* Keep the numbering of the items that follow. */
          JsonObject *empty = json_object_new ();
          g_autofree char *path = member_path (ctx, NULL);

          weft_diagnostics_error_at (ctx->diagnostics, path,
                                     _("each element of “%s” must be an object, not %s"),
                                     member, describe_node (element));
          {
            /* The placeholder's own problems (no id…) would only repeat this one. */
            WeftDiagnostics *real = ctx->diagnostics;

            ctx->diagnostics = weft_diagnostics_new (NULL);
            read (ctx, empty);
            weft_diagnostics_free (ctx->diagnostics);
            ctx->diagnostics = real;
          }
          json_object_unref (empty);
          continue;
        }
      read (ctx, json_node_get_object (element));
    }
  ctx->array = NULL;
}

/* ---- Positions ---------------------------------------------------------- */

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

static void
read_root (Ctx        *ctx,
           JsonObject *root)
{
  static const char * const known[] = {
    "weft", "title", "description", "language",
    "sources", "entities", "events", "claims", "relations", "eras",
  };
  JsonNode *slots[G_N_ELEMENTS (known)];
  JsonObject *extra;

  collect (ctx, root, known, G_N_ELEMENTS (known), slots, &extra);
  weft_dataset_set_extra (ctx->dataset, extra);

  weft_dataset_set_title (ctx->dataset, get_string (ctx, slots[1], "title", TRUE));
  weft_dataset_set_description (ctx->dataset, get_string (ctx, slots[2], "description", FALSE));
  weft_dataset_set_language (ctx->dataset, get_string (ctx, slots[3], "language", FALSE));

  read_items (ctx, slots[4], "sources", read_source);
  read_items (ctx, slots[5], "entities", read_entity);
  read_items (ctx, slots[6], "events", read_event);
  read_items (ctx, slots[7], "claims", read_claim);
  read_items (ctx, slots[8], "relations", read_relation);
  read_items (ctx, slots[9], "eras", read_era);
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
      read_root (&ctx, json_node_get_object (root));
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

static char *
reread_file (gpointer  user_data,
             gsize    *length)
{
  char *contents = NULL;

  if (!g_file_load_contents (G_FILE (user_data), NULL, &contents, length, NULL, NULL))
    return NULL;
  return contents;
}

WeftDataset *
weft_dataset_load_file (GFile            *file,
                        WeftDiagnostics  *diagnostics,
                        GCancellable     *cancellable,
                        GError          **error)
{
  g_autoptr(WeftDiagnostics) own = NULL;
  g_autofree char *name = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  if (diagnostics == NULL)
    diagnostics = own = weft_diagnostics_new (name);
  else if (weft_diagnostics_get_file (diagnostics) == NULL)
    weft_diagnostics_set_file (diagnostics, name);

  contents = weft_file_load_guarded (file, name, &length, cancellable, error);
  if (contents == NULL)
    return NULL;

  return load (contents, length, g_free, reread_file, file, diagnostics, error);
}

WeftDataset *
weft_dataset_load_path (const char       *path,
                        WeftDiagnostics  *diagnostics,
                        GError          **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(WeftDiagnostics) own = NULL;

  if (diagnostics == NULL)
    diagnostics = own = weft_diagnostics_new (path);
  else if (weft_diagnostics_get_file (diagnostics) == NULL)
    weft_diagnostics_set_file (diagnostics, path);

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

/* ---- Items embedded in other formats ------------------------------------- */

void
weft_dataset_read_json_items (WeftDataset     *dataset,
                              JsonObject      *object,
                              WeftDiagnostics *diagnostics)
{
  g_autoptr(WeftDiagnostics) own = NULL;
  Ctx ctx = { 0 };

  g_return_if_fail (WEFT_IS_DATASET (dataset));
  g_return_if_fail (!weft_dataset_is_finished (dataset));

  if (diagnostics == NULL)
    diagnostics = own = weft_diagnostics_new (NULL);

  ctx.dataset = dataset;
  ctx.diagnostics = diagnostics;

  read_items (&ctx, json_object_get_member (object, "sources"), "sources", read_source);
  read_items (&ctx, json_object_get_member (object, "entities"), "entities", read_entity);
  read_items (&ctx, json_object_get_member (object, "events"), "events", read_event);
  read_items (&ctx, json_object_get_member (object, "claims"), "claims", read_claim);
  read_items (&ctx, json_object_get_member (object, "relations"), "relations", read_relation);
  read_items (&ctx, json_object_get_member (object, "eras"), "eras", read_era);
}
