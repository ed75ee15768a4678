/* weft-import-ftm.c: FollowTheMoney entities (JSON lines, or a JSON array)
 * into a dataset, as a stream
 *
 * The file is read a record at a time through a fixed buffer; each record
 * is checked and cut into tokens in place (weft-json-tokens.c) and only
 * what is kept is copied, so memory grows with what is kept, not with the
 * file. With a focus the file is read several times: first to collect the
 * ids within N links of the focus (a set of ids, nothing else), then to
 * load only those.
 *
 * Mapping (weft-ftm-schema.c holds the table): Things become entities of a
 * kind; interval schemata with an edge become relations between their two
 * ends, with their dates; Event becomes an event with its involved and
 * organizer entities; Document and its kin become sources; Documentation,
 * Mention and Note become claims that cite the document. Dates follow the
 * schema's temporal extent. Property values Weft has no field for, and the
 * schema when the entity kind does not say it, are kept under "ftm" in the
 * item's unknown members and written back by the FtM export. A "weft"
 * member (written by that export) brings back what FtM cannot hold.
 *
 * A record that cannot be read is reported with its line and skipped; a
 * reference to an id that is not in the file gets a placeholder entity.
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "weft-error.h"
#include "weft-hash.h"
#include "weft-ftm-schema.h"
#include "weft-interchange-private.h"
#include "weft-json-tokens.h"
#include "weft-loader.h"
#include "weft-record-reader.h"
#include "weft-text.h"

/* A record longer than this is reported and skipped, so one broken line
 * cannot take all memory; WEFT_MAX_RECORD_SIZE (bytes) overrides it. */
#define DEFAULT_MAX_RECORD (64 * 1024 * 1024)

static gsize
max_record_size (void)
{
  const char *max = g_getenv ("WEFT_MAX_RECORD_SIZE");
  guint64 value;

  if (max != NULL && g_ascii_string_to_unsigned (max, 10, 16, G_MAXSIZE / 4, &value, NULL))
    return value;
  return DEFAULT_MAX_RECORD;
}

/* ---- The importer --------------------------------------------------------- */

typedef enum {
  PASS_EXPAND,      /* focus: grow the set of entities by one link */
  PASS_SELECT,      /* focus: which relations and events are kept */
  PASS_DOCUMENTS,   /* focus: which documents the kept claims cite */
  PASS_LOAD,
} PassKind;

typedef struct {
  guint  key;        /* token of the name */
  gint   value;      /* token of the value */
  guint8 used;       /* 0 not at all, 1 its first value, 2 all of it */
} Prop;

typedef struct {
  WeftImportContext *ctx;
  GError           **error;
  GFile             *file;

  WeftDataset       *dataset;
  WeftJTokens        tok;
  Prop              *props;
  guint              n_props;
  guint              props_cap;

  /* The record being read. */
  WeftRecord         record;
  const char        *id;
  const char        *schema_name;
  const WeftFtmSchema *schema;
  gint               weft;          /* token of the "weft" member, or -1 */
  JsonObject        *from;          /* Weft field -> the FtM property it came from, when not the usual one */

  GHashTable        *values;         /* raw JSON text (GBytes) -> sealed JsonNode, shared */
  GHashTable        *seen;           /* id -> WeftItem * (ids interned in the dataset) */
  GHashTable        *seen_line;      /* id -> line, for duplicates */
  GHashTable        *referenced;     /* id -> line of the first reference (entities) */
  GHashTable        *referenced_sources;
  GArray            *documented;     /* ClaimLink: pure FtM claims about events and relations */

  /* Focus. */
  PassKind           pass;
  GHashTable        *entities;       /* owned ids within the neighbourhood */
  GHashTable        *frontier;
  GHashTable        *next;
  GHashTable        *links;          /* kept relations and events */
  GHashTable        *documents;      /* kept documents */
  gboolean           found_focus;
} Ftm;

typedef struct {
  const char *claim;
  const char *target;
} ClaimLink;

/* ---- Messages ------------------------------------------------------------- */

static void ftm_report (Ftm *f, WeftSeverity severity, gint token, const char *format, ...) G_GNUC_PRINTF (4, 5);

/* Reports a problem at token @token of the record (-1: the record). */
static void
ftm_report (Ftm          *f,
            WeftSeverity  severity,
            gint          token,
            const char   *format,
            ...)
{
  g_autofree char *message = NULL;
  guint line, column;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (token >= 0)
    {
      gsize offset = f->tok.tokens[token].start;

      if (f->tok.tokens[token].type == WEFT_JTOK_STRING && offset > 0)
        offset--;   /* the opening quote */
      weft_record_position (&f->record, offset, &line, &column);
    }
  else
    {
      line = (guint) MIN (f->record.line, G_MAXUINT);
      column = f->record.column;
    }

  weft_diagnostics_add (f->ctx->diagnostics, severity, line, column, NULL, "%s", message);
  weft_import_context_stop (f->ctx, line, column, message, f->error);
}

/* ---- Properties ----------------------------------------------------------- */

static void
collect_props (Ftm  *f,
               gint  properties)
{
  WeftJTok *t;
  guint i;

  f->n_props = 0;
  if (properties < 0)
    return;

  t = &f->tok.tokens[properties];
  i = properties + 1;
  for (guint m = 0; m < t->size; m++)
    {
      guint value = i + 1;

      if (f->n_props == f->props_cap)
        {
          f->props_cap = MAX (16, f->props_cap * 2);
          f->props = g_renew (Prop, f->props, f->props_cap);
        }
      f->props[f->n_props].key = i;
      f->props[f->n_props].value = value;
      f->props[f->n_props].used = 0;
      f->n_props++;
      i = f->tok.tokens[value].next;
    }
}

static Prop *
find_prop (Ftm        *f,
           const char *name)
{
  for (guint i = 0; i < f->n_props; i++)
    if (weft_jtokens_equal (&f->tok, f->props[i].key, name))
      return &f->props[i];
  return NULL;
}

/* The number of string values of @prop (a bare string counts as one);
 * -1 when its values are not strings. */
static gint
prop_count (Ftm  *f,
            Prop *prop)
{
  WeftJTok *v = &f->tok.tokens[prop->value];
  guint i;

  if (v->type == WEFT_JTOK_STRING)
    return 1;
  if (v->type != WEFT_JTOK_ARRAY)
    return -1;
  i = prop->value + 1;
  for (guint k = 0; k < v->size; k++)
    {
      if (f->tok.tokens[i].type != WEFT_JTOK_STRING)
        return -1;
      i = f->tok.tokens[i].next;
    }
  return v->size;
}

/* The token of value @n of @prop. */
static gint
prop_value_token (Ftm  *f,
                  Prop *prop,
                  guint n)
{
  WeftJTok *v = &f->tok.tokens[prop->value];
  guint i = prop->value + 1;

  if (v->type == WEFT_JTOK_STRING)
    return n == 0 ? prop->value : -1;
  for (guint k = 0; k < n; k++)
    i = f->tok.tokens[i].next;
  return i;
}

static const char *
prop_value (Ftm  *f,
            Prop *prop,
            guint n)
{
  return weft_jtokens_string (&f->tok, prop_value_token (f, prop, n));
}

/* The first value of property @name, marking it used, or NULL. */
static const char *
take_first (Ftm        *f,
            const char *name)
{
  Prop *prop = find_prop (f, name);
  gint n;

  if (prop == NULL)
    return NULL;
  n = prop_count (f, prop);
  if (n < 0)
    {
      ftm_report (f, WEFT_SEVERITY_WARNING, prop->value,
                  _("the values of “%s” must be strings; they are kept as they are"), name);
      prop->used = 0;
      return NULL;
    }
  if (n == 0)
    return NULL;
  prop->used = MAX (prop->used, (n == 1) ? 2 : 1);
  return prop_value (f, prop, 0);
}

/* Marks @name as not used after all (its values go to the kept ones). */
static void
untake (Ftm        *f,
        const char *name)
{
  Prop *prop = find_prop (f, name);

  if (prop != NULL)
    prop->used = 0;
}

static void note_from (Ftm *f, const char *field, const char *property);

/* The first value of the first of @names that has one. The first name is
 * the one the export writes; a value from another is noted as such and
 * its property kept. NULL when none has a value. */
static const char *
take_first_of (Ftm                *f,
               const char         *field,
               const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *value = take_first (f, names[i]);

      if (value == NULL)
        continue;
      if (i > 0)
        {
          untake (f, names[i]);
          note_from (f, field, names[i]);
        }
      return value;
    }
  return NULL;
}

typedef void (*ValueFunc) (Ftm *f, const char *value, gpointer data);

/* Every value of property @name, marking it used. */
static guint
take_all (Ftm        *f,
          const char *name,
          ValueFunc   func,
          gpointer    data)
{
  Prop *prop = find_prop (f, name);
  gint n;

  if (prop == NULL)
    return 0;
  n = prop_count (f, prop);
  if (n < 0)
    {
      ftm_report (f, WEFT_SEVERITY_WARNING, prop->value,
                  _("the values of “%s” must be strings; they are kept as they are"), name);
      return 0;
    }
  for (gint i = 0; i < n; i++)
    func (f, prop_value (f, prop, i), data);
  prop->used = 2;
  return n;
}


/* ---- What is kept --------------------------------------------------------- */

/* Values that recur (["gb"], ["Director"], the "datasets" of a whole file)
 * are made once and shared, read-only, by every item that keeps them: most
 * of what an FtM import keeps is such values. */
#define SHARED_VALUE_MAX_LENGTH 64
#define SHARED_VALUES_MAX 65536

static gboolean
untouched (Ftm  *f,
           guint index)
{
  /* Strings decoded in place no longer show their text as written. */
  for (guint i = index; i < f->tok.tokens[index].next; i++)
    if (f->tok.tokens[i].type == WEFT_JTOK_STRING && (f->tok.tokens[i].decoded || f->tok.tokens[i].escaped))
      return FALSE;
  return TRUE;
}

static JsonNode *
kept_value (Ftm  *f,
            guint index)
{
  WeftJTok *t = &f->tok.tokens[index];
  gsize start = t->start, length = t->length;
  g_autoptr(GBytes) key = NULL;
  JsonNode *node;

  if (t->type == WEFT_JTOK_STRING)
    start--, length += 2;   /* with its quotes */
  if (length > SHARED_VALUE_MAX_LENGTH || !untouched (f, index))
    return weft_jtokens_to_node (&f->tok, index);

  key = g_bytes_new_static (f->record.text + start, length);
  node = g_hash_table_lookup (f->values, key);
  if (node != NULL)
    return json_node_ref (node);

  /* Copy the key now: making the node decodes the record in place. */
  if (g_hash_table_size (f->values) >= SHARED_VALUES_MAX)
    return weft_jtokens_to_node (&f->tok, index);
  g_clear_pointer (&key, g_bytes_unref);
  key = g_bytes_new (f->record.text + start, length);
  node = weft_jtokens_to_node (&f->tok, index);
  json_node_seal (node);
  g_hash_table_insert (f->values, g_steal_pointer (&key), json_node_ref (node));
  return node;
}

/* The "ftm" member of an item's unknown members: the schema (unless
 * @schema_implied), the properties not used, and the record's other
 * top-level members. NULL when there is nothing to keep. */
static JsonObject *
kept_members (Ftm      *f,
              gboolean  schema_implied)
{
  JsonObject *ftm = NULL;
  JsonObject *properties = NULL;
  WeftJTok *root = &f->tok.tokens[0];
  guint i;

  for (guint p = 0; p < f->n_props; p++)
    {
      Prop *prop = &f->props[p];
      JsonNode *node = NULL;

      if (prop->used == 2)
        continue;
      if (prop->used == 1)
        {
          /* The values after the first. */
          gint n = prop_count (f, prop);
          JsonArray *rest;

          if (n <= 1)
            continue;
          rest = json_array_sized_new (n - 1);
          for (gint k = 1; k < n; k++)
            json_array_add_string_element (rest, prop_value (f, prop, k));
          node = json_node_init_array (json_node_alloc (), rest);
          json_array_unref (rest);
        }
      else
        node = kept_value (f, prop->value);

      if (properties == NULL)
        properties = json_object_new ();
      json_object_set_member (properties, weft_jtokens_string (&f->tok, prop->key), node);
    }

  if (!schema_implied)
    {
      ftm = json_object_new ();
      json_object_set_string_member (ftm, "schema", f->schema_name);
    }
  if (properties != NULL)
    {
      if (ftm == NULL)
        ftm = json_object_new ();
      json_object_set_object_member (ftm, "properties", properties);
    }

  i = 1;
  for (guint m = 0; m < root->size; m++)
    {
      guint value = i + 1;

      if (!weft_jtokens_equal (&f->tok, i, "id") && !weft_jtokens_equal (&f->tok, i, "schema") &&
          !weft_jtokens_equal (&f->tok, i, "properties") && !weft_jtokens_equal (&f->tok, i, "weft"))
        {
          if (ftm == NULL)
            ftm = json_object_new ();
          json_object_set_member (ftm, weft_jtokens_string (&f->tok, i), kept_value (f, value));
        }
      i = f->tok.tokens[value].next;
    }

  return ftm;
}

/* Says that Weft's @field was filled from the FtM property @property (or
 * made up, for ""), not the one the export writes: the export then leaves
 * that one out, and @property, which is kept, gives the value back. */
static void
note_from (Ftm        *f,
           const char *field,
           const char *property)
{
  if (f->from == NULL)
    f->from = json_object_new ();
  json_object_set_string_member (f->from, field, property);
}

/* What an FtM import keeps of a record in @item: the FtM members Weft
 * does not read, and the history Weft's export wrote. */
static void
keep (Ftm      *f,
      WeftItem *item,
      gboolean  schema_implied)
{
  JsonObject *ftm = kept_members (f, schema_implied);
  gint history = f->weft >= 0 ? weft_jtokens_member (&f->tok, f->weft, "history") : -1;

  if (history >= 0 && f->tok.tokens[history].type == WEFT_JTOK_ARRAY)
    {
      g_autoptr(JsonObject) weft = json_object_new ();

      json_object_set_member (weft, "history", weft_jtokens_to_node (&f->tok, history));
      weft_json_read_history (f->dataset, item, weft);
    }

  if (f->from != NULL)
    {
      if (ftm == NULL)
        ftm = json_object_new ();
      json_object_set_object_member (ftm, "from", g_steal_pointer (&f->from));
    }

  if (ftm != NULL)
    {
      weft_item_set_extra (item, "ftm", json_node_init_object (json_node_alloc (), ftm));
      json_object_unref (ftm);
    }
}

/* ---- The "weft" member ---------------------------------------------------- */

static const char *
weft_string (Ftm        *f,
             const char *member)
{
  gint t;

  if (f->weft < 0)
    return NULL;
  t = weft_jtokens_member (&f->tok, f->weft, member);
  if (t < 0 || f->tok.tokens[t].type != WEFT_JTOK_STRING)
    return NULL;
  return weft_jtokens_string (&f->tok, t);
}

static gint
weft_member (Ftm        *f,
             const char *member,
             WeftJTokType type)
{
  gint t;

  if (f->weft < 0)
    return -1;
  t = weft_jtokens_member (&f->tok, f->weft, member);
  if (t < 0 || f->tok.tokens[t].type != type)
    return -1;
  return t;
}

/* Appends the strings of the array "weft".@member to @list. */
static void
weft_strv (Ftm          *f,
           const char   *member,
           const char ***list)
{
  gint t = weft_member (f, member, WEFT_JTOK_ARRAY);
  guint i;

  if (t < 0)
    return;
  i = t + 1;
  for (guint k = 0; k < f->tok.tokens[t].size; k++)
    {
      if (f->tok.tokens[i].type == WEFT_JTOK_STRING)
        weft_dataset_strv_append (f->dataset, list, weft_jtokens_string (&f->tok, i));
      i = f->tok.tokens[i].next;
    }
}

/* ---- Dates ---------------------------------------------------------------- */

/* The first usable value among @names: its EDTF and the property. */
static char *
first_date (Ftm                *f,
            const char * const *names,
            const char        **used_name)
{
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      Prop *prop = find_prop (f, names[i]);
      gint n;

      if (prop == NULL || (n = prop_count (f, prop)) <= 0)
        continue;

      for (gint k = 0; k < n; k++)
        {
          const char *value = prop_value (f, prop, k);
          gboolean exact;
          char *edtf = weft_ftm_date_to_edtf (value, &exact);

          if (edtf == NULL)
            {
              ftm_report (f, WEFT_SEVERITY_WARNING, prop_value_token (f, prop, k),
                          _("“%s” is not a date such as “2010”, “2010-05” or “2010-05-03”; it is kept as it is"),
                          value);
              continue;
            }
          /* Only an exact first value is used up; the rest is kept. */
          if (exact && k == 0)
            prop->used = MAX (prop->used, n == 1 ? 2 : 1);
          *used_name = names[i];
          return edtf;
        }
    }

  *used_name = NULL;
  return NULL;
}

/* The item's date from the schema's temporal extent: "start/end", "start/"
 * for an interval that has begun, "/end", or one day. */
static gboolean
extent_date (Ftm       *f,
             char     **text,
             WeftDate  *date)
{
  const char *start_name = NULL, *end_name = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *edtf = NULL;
  const char *exact = weft_string (f, "date");

  /* Weft's own export: the exact EDTF. */
  if (exact != NULL && weft_date_parse (exact, date, NULL, NULL))
    {
      /* The FtM dates that only repeat it are used up. */
      if (f->schema != NULL)
        {
          g_free (first_date (f, f->schema->start, &start_name));
          g_free (first_date (f, f->schema->end, &end_name));
        }
      *text = g_strdup (exact);
      return TRUE;
    }

  if (f->schema == NULL)
    return FALSE;

  start = first_date (f, f->schema->start, &start_name);
  end = first_date (f, f->schema->end, &end_name);

  if (start != NULL && end != NULL)
    edtf = g_strdup_printf ("%s/%s", start, end);
  else if (start != NULL && f->schema->end != NULL && g_strcmp0 (start_name, "date") != 0)
    edtf = g_strdup_printf ("%s/", start);
  else if (start != NULL)
    edtf = g_strdup (start);
  else if (end != NULL)
    edtf = g_strdup_printf ("/%s", end);
  else
    return FALSE;

  if (!weft_date_parse (edtf, date, NULL, NULL))
    {
      /* An end before the start: keep the start. */
      ftm_report (f, WEFT_SEVERITY_WARNING, -1,
                  _("the end date %s is before the start date %s; only the start is used"), end, start);
      if (end_name != NULL)
        untake (f, end_name);
      g_free (edtf);
      edtf = g_strdup (start ? start : end);
      if (!weft_date_parse (edtf, date, NULL, NULL))
        return FALSE;
    }

  *text = g_steal_pointer (&edtf);
  return TRUE;
}

/* ---- References ----------------------------------------------------------- */

static void
reference (Ftm        *f,
           GHashTable *table,
           const char *id)
{
  if (!g_hash_table_contains (table, id))
    g_hash_table_insert (table, (gpointer) weft_dataset_intern (f->dataset, id),
                         GSIZE_TO_POINTER ((gsize) f->record.line));
}

/* In a focus, whether @id is inside. */
static gboolean
inside (Ftm        *f,
        const char *id)
{
  return f->entities == NULL || g_hash_table_contains (f->entities, id) ||
         g_hash_table_contains (f->links, id);
}

/* Whether @id, named by the record, is inside the focus (always, without
 * one): then it is noted as referenced here, else counted as outside. */
static gboolean
reference_inside (Ftm        *f,
                  const char *id)
{
  if (!inside (f, id))
    {
      f->ctx->summary->n_outside++;
      return FALSE;
    }
  reference (f, f->referenced, id);
  return TRUE;
}

/* ---- Mapping -------------------------------------------------------------- */

static void
add_alias (Ftm        *f,
           const char *value,
           gpointer    data)
{
  weft_dataset_strv_append (f->dataset, (const char ***) data, value);
}

static void
add_entity (Ftm           *f,
            WeftEntityKind kind)
{
  static const char * const names[] = { "name", "full", "title", NULL };
  const char *name = take_first_of (f, "name", names);
  const char *country;
  const char *kind_text = weft_string (f, "kind");
  WeftEntity *entity;

  if (kind_text != NULL)
    weft_entity_kind_from_string (kind_text, &kind);

  if (name == NULL)
    {
      gint caption = weft_jtokens_member (&f->tok, 0, "caption");

      if (caption >= 0 && f->tok.tokens[caption].type == WEFT_JTOK_STRING)
        {
          name = weft_jtokens_string (&f->tok, caption);
          note_from (f, "name", "caption");
        }
      else
        {
          name = f->id;
          note_from (f, "name", "id");
        }
    }

  entity = weft_dataset_add_entity (f->dataset, f->id, name, kind);
  take_all (f, "alias", add_alias, &entity->aliases);
  entity->description = weft_dataset_intern (f->dataset, take_first (f, "description"));
  take_all (f, "keywords", add_alias, &entity->tags);

  /* Country codes are lower case in FtM, upper case in Weft; a country
   * that is not a code comes from Weft's export. */
  country = take_first (f, "country");
  if (weft_string (f, "country") != NULL)
    {
      entity->country = weft_dataset_intern (f->dataset, weft_string (f, "country"));
      if (country != NULL)
        untake (f, "country");
    }
  else if (country != NULL)
    {
      gboolean code = country[0] != '\0';

      Prop *prop = find_prop (f, "country");

      for (const char *p = country; *p != '\0'; p++)
        code &= g_ascii_islower (*p);
      if (code && prop != NULL && prop->used == 2)
        {
          g_autofree char *upper = g_ascii_strup (country, -1);
          entity->country = weft_dataset_intern (f->dataset, upper);
        }
      else
        untake (f, "country");
    }

  g_hash_table_insert (f->seen, (gpointer) entity->item.id, entity);
  keep (f, &entity->item, g_strcmp0 (weft_ftm_schema_for_kind (kind), f->schema_name) == 0);
}

typedef struct {
  WeftEvent  *event;
  const char *role;
} ParticipantData;

static void
add_participant (Ftm        *f,
                 const char *value,
                 gpointer    data)
{
  ParticipantData *pd = data;

  if (reference_inside (f, value))
    weft_dataset_add_participant (f->dataset, pd->event, value, pd->role);
}

static gboolean
add_event (Ftm *f)
{
  g_autofree char *date_text = NULL;
  WeftDate date;
  const char *title;
  gint participants;
  gboolean era = weft_member (f, "era", WEFT_JTOK_TRUE) >= 0;

  if (!extent_date (f, &date_text, &date))
    return FALSE;

  title = take_first (f, "name");
  if (title == NULL)
    {
      title = f->id;
      note_from (f, "name", "id");
    }

  if (era)
    {
      WeftEra *e = weft_dataset_add_era (f->dataset, f->id, title, date_text, &date);

      e->color = weft_dataset_intern (f->dataset, weft_string (f, "color"));
      g_hash_table_insert (f->seen, (gpointer) e->item.id, e);
      keep (f, &e->item, g_str_equal (f->schema_name, "Event"));
      return TRUE;
    }

  {
    WeftEvent *event = weft_dataset_add_event (f->dataset, f->id, title, date_text, &date);
    ParticipantData pd = { event, NULL };

    event->description = weft_dataset_intern (f->dataset, take_first (f, "description"));

    participants = weft_member (f, "participants", WEFT_JTOK_ARRAY);
    if (participants >= 0)
      {
        /* The exact list (order and roles) from Weft's export. */
        guint i = participants + 1;

        for (guint k = 0; k < f->tok.tokens[participants].size; k++)
          {
            gint entity = weft_jtokens_member (&f->tok, i, "entity");
            gint role = weft_jtokens_member (&f->tok, i, "role");

            if (entity >= 0 && f->tok.tokens[entity].type == WEFT_JTOK_STRING)
              {
                const char *id = weft_jtokens_string (&f->tok, entity);

                if (reference_inside (f, id))
                  weft_dataset_add_participant (f->dataset, event, id,
                                                role >= 0 && f->tok.tokens[role].type == WEFT_JTOK_STRING
                                                ? weft_jtokens_string (&f->tok, role) : NULL);
              }
            i = f->tok.tokens[i].next;
          }
        /* The same ids are in "involved", "organizer" and "addressEntity". */
        {
          static const char * const names[] = { "involved", "organizer", "addressEntity" };

          for (guint k = 0; k < G_N_ELEMENTS (names); k++)
            {
              Prop *prop = find_prop (f, names[k]);

              if (prop != NULL)
                prop->used = 2;
            }
        }
      }
    else
      {
        take_all (f, "involved", add_participant, &pd);
        /* Where it took place, as Weft's export writes a place. */
        take_all (f, "addressEntity", add_participant, &pd);
        pd.role = "organizer";
        take_all (f, "organizer", add_participant, &pd);
      }

    event->group = weft_dataset_intern (f->dataset, weft_string (f, "group"));
    weft_strv (f, "tags", &event->tags);
    weft_strv (f, "claims", &event->claims);
    g_hash_table_insert (f->seen, (gpointer) event->item.id, event);
    keep (f, &event->item, g_str_equal (f->schema_name, "Event"));
  }

  return TRUE;
}

static gboolean
add_relation (Ftm *f)
{
  const char *from = take_first (f, f->schema->source);
  const char *to = take_first (f, f->schema->target);
  const char *type = weft_string (f, "type");
  g_autofree char *date_text = NULL;
  Prop *source_prop, *target_prop;
  WeftRelation *relation;
  WeftDate date;

  if (from == NULL || to == NULL)
    {
      ftm_report (f, WEFT_SEVERITY_WARNING, -1,
                  _("a %s without “%s”; kept as an entity of kind other, not as a relation"),
                  f->schema_name, from == NULL ? f->schema->source : f->schema->target);
      untake (f, f->schema->source);
      untake (f, f->schema->target);
      return FALSE;
    }

  if (!inside (f, from) || !inside (f, to))
    {
      f->ctx->summary->n_outside++;
      return TRUE;
    }

  if ((source_prop = find_prop (f, f->schema->source)) != NULL && (target_prop = find_prop (f, f->schema->target)) != NULL &&
      (source_prop->used == 1 || target_prop->used == 1))
    ftm_report (f, WEFT_SEVERITY_WARNING, -1,
                _("a %s with several values of “%s” or “%s”: Weft draws the first pair and keeps the others"),
                f->schema_name, f->schema->source, f->schema->target);

  relation = weft_dataset_add_relation (f->dataset, f->id, from, to, type ? type : f->schema->relation_type);
  relation->label = weft_dataset_intern (f->dataset, weft_string (f, "label"));
  if (extent_date (f, &date_text, &date))
    weft_dataset_set_item_date (f->dataset, &relation->item, date_text, &date);
  weft_strv (f, "claims", &relation->claims);

  reference (f, f->referenced, from);
  reference (f, f->referenced, to);
  g_hash_table_insert (f->seen, (gpointer) relation->item.id, relation);
  /* The schema is implied by the type only when they agree. */
  {
    const WeftFtmSchema *implied = weft_ftm_schema_for_relation (relation->type);

    keep (f, &relation->item,
          implied ? implied == f->schema : g_str_equal (f->schema_name, "UnknownLink"));
  }
  return TRUE;
}

static void
add_source (Ftm *f)
{
  static const char * const titles[] = { "title", "name", "fileName", NULL };
  const char *title = take_first_of (f, "title", titles);
  const char *kind_text = weft_string (f, "kind");
  WeftSourceKind kind = f->schema->source_kind;
  g_autofree char *date_text = NULL;
  WeftSource *source;
  WeftDate date;
  const char *date_name = NULL;

  if (kind_text != NULL)
    weft_source_kind_from_string (kind_text, &kind);
  if (title == NULL)
    {
      title = f->id;
      note_from (f, "title", "id");
    }

  source = weft_dataset_add_source (f->dataset, f->id, title, kind);
  source->author = weft_dataset_intern (f->dataset, take_first (f, "author"));
  source->publisher = weft_dataset_intern (f->dataset, take_first (f, "publisher"));
  source->url = weft_dataset_intern (f->dataset, take_first (f, "sourceUrl"));
  source->cited_by = weft_dataset_intern (f->dataset, weft_string (f, "cited_by"));
  if (source->cited_by != NULL && f->documents != NULL && !g_hash_table_contains (f->documents, source->cited_by))
    source->cited_by = NULL;   /* outside the focus */
  if (source->cited_by != NULL)
    reference (f, f->referenced_sources, source->cited_by);

  date_text = first_date (f, f->schema->start, &date_name);
  /* Weft's own export: the exact EDTF, when FtM could not say it (185X). */
  if (weft_string (f, "date") != NULL && weft_date_parse (weft_string (f, "date"), &date, NULL, NULL))
    {
      g_free (date_text);
      date_text = g_strdup (weft_string (f, "date"));
      weft_dataset_set_item_date (f->dataset, &source->item, date_text, &date);
    }
  else if (date_text != NULL && weft_date_parse (date_text, &date, NULL, NULL))
    {
      weft_dataset_set_item_date (f->dataset, &source->item, date_text, &date);
      /* Only "date" is written back; another property stays as it was. */
      if (g_strcmp0 (date_name, "date") != 0)
        untake (f, date_name);
    }

  g_hash_table_insert (f->seen, (gpointer) source->item.id, source);
  keep (f, &source->item, g_str_equal (weft_ftm_schema_for_source (kind), f->schema_name));
}

static void
add_about (Ftm        *f,
           const char *value,
           gpointer    data)
{
  WeftClaim *claim = data;

  if (reference_inside (f, value))
    weft_dataset_strv_append (f->dataset, &claim->about, value);
  {
    ClaimLink link = { claim->item.id, weft_dataset_intern (f->dataset, value) };
    g_array_append_val (f->documented, link);
  }
}

static void
add_claim (Ftm *f)
{
  gint exact = weft_member (f, "claim", WEFT_JTOK_OBJECT);
  const char *document = NULL;
  const char *text = NULL;
  const char *quote = "";
  WeftClaim *claim;
  g_autofree char *generated = NULL;

  if (exact >= 0)
    {
      /* Weft's own claim, whole. */
      g_autoptr(JsonObject) items = json_object_new ();
      g_autoptr(WeftDiagnostics) scratch = weft_diagnostics_new (NULL);
      JsonArray *claims = json_array_new ();
      GPtrArray *all = weft_dataset_get_claims (f->dataset);
      guint before = all->len;

      json_array_add_element (claims, weft_jtokens_to_node (&f->tok, exact));
      json_object_set_array_member (items, "claims", claims);
      weft_dataset_read_json_items (f->dataset, items, scratch);

      if (weft_diagnostics_get_n_errors (scratch) > 0 || all->len != before + 1)
        {
          ftm_report (f, WEFT_SEVERITY_WARNING, exact, _("the Weft claim kept with this record cannot be read: %s"),
                      weft_diagnostics_get (scratch, 0)->message);
          if (all->len == before + 1)
            g_ptr_array_remove_index (all, before);
        }
      else
        {
          claim = g_ptr_array_index (all, before);
          if (!g_str_equal (claim->item.id, f->id))
            {
              /* The record's id is the claim's. */
              claim->item.id = weft_dataset_intern (f->dataset, f->id);
            }
          /* The FtM properties that only repeat the claim are used up. */
          if (f->schema->source != NULL)
            take_first (f, f->schema->source);
          if (f->schema->target != NULL)
            take_first (f, f->schema->target);
          take_first (f, g_str_equal (f->schema_name, "Note") ? "description" : "summary");
          if (f->schema->start != NULL)
            {
              const char *date_name;
              g_autofree char *start = first_date (f, f->schema->start, &date_name);
              g_autofree char *end = first_date (f, f->schema->end, &date_name);
            }
          /* In a focus, only what is inside stays named. */
          if (claim->about != NULL)
            {
              guint k = 0;

              for (guint i = 0; claim->about[i] != NULL; i++)
                if (reference_inside (f, claim->about[i]))
                  claim->about[k++] = claim->about[i];
              claim->about[k] = NULL;
            }
          if (claim->claimant != NULL && !inside (f, claim->claimant))
            claim->claimant = NULL;
          for (guint i = 0; i < claim->n_citations; i++)
            reference (f, f->referenced_sources, claim->citations[i].source);
          if (claim->claimant != NULL)
            reference (f, f->referenced, claim->claimant);
          g_hash_table_insert (f->seen, (gpointer) claim->item.id, claim);
          keep (f, &claim->item, g_str_equal (weft_ftm_schema_for_claim (claim), f->schema_name));
          return;
        }
    }

  if (f->schema->source != NULL)
    document = take_first (f, f->schema->source);

  if (g_str_equal (f->schema_name, "Mention"))
    {
      const char *name = take_first (f, "name");

      quote = name ? name : "";
      text = generated = g_strdup_printf (_("Mentions “%s”"), quote);
    }
  else if (g_str_equal (f->schema_name, "Note"))
    {
      static const char * const texts[] = { "description", "summary", "name", NULL };
      text = take_first_of (f, "text", texts);
    }
  else
    {
      static const char * const texts[] = { "summary", "role", "description", NULL };
      text = take_first_of (f, "text", texts);
    }
  if (text == NULL)
    {
      text = generated = g_strdup (_("Documented in this source"));
      note_from (f, "text", "");
    }

  claim = weft_dataset_add_claim (f->dataset, f->id, text, WEFT_STATUS_REPORTED);
  if (f->schema->target != NULL)
    take_all (f, f->schema->target, add_about, claim);
  if (claim->about == NULL)
    claim->about = g_new0 (const char *, 1);

  if (document != NULL)
    {
      weft_dataset_add_citation (f->dataset, claim, document, quote, NULL);
      reference (f, f->referenced_sources, document);
    }
  else if (f->schema->source != NULL)
    ftm_report (f, WEFT_SEVERITY_WARNING, -1,
                _("a %s without “%s”: the claim cites no source"), f->schema_name, f->schema->source);

  {
    g_autofree char *date_text = NULL;
    WeftDate date;

    if (f->schema->start != NULL && extent_date (f, &date_text, &date))
      weft_dataset_set_item_date (f->dataset, &claim->item, date_text, &date);
  }

  g_hash_table_insert (f->seen, (gpointer) claim->item.id, claim);
  keep (f, &claim->item, g_str_equal (weft_ftm_schema_for_claim (claim), f->schema_name));
}

/* ---- One record ----------------------------------------------------------- */

/* Reads the id and schema of the record in f->tok; FALSE (reported) when
 * it is not an FtM entity. */
static gboolean
record_head (Ftm      *f,
             gboolean  report)
{
  gint id, schema;

  if (f->tok.tokens[0].type != WEFT_JTOK_OBJECT)
    {
      if (report)
        ftm_report (f, WEFT_SEVERITY_ERROR, 0, _("expected an entity: a JSON object with “id”, “schema” and “properties”"));
      return FALSE;
    }

  id = weft_jtokens_member (&f->tok, 0, "id");
  schema = weft_jtokens_member (&f->tok, 0, "schema");
  if (id < 0 || f->tok.tokens[id].type != WEFT_JTOK_STRING || f->tok.tokens[id].length == 0)
    {
      if (report)
        ftm_report (f, WEFT_SEVERITY_ERROR, id >= 0 ? id : 0, _("an entity without an “id” string; the record is left out"));
      return FALSE;
    }
  if (schema < 0 || f->tok.tokens[schema].type != WEFT_JTOK_STRING || f->tok.tokens[schema].length == 0)
    {
      if (report)
        ftm_report (f, WEFT_SEVERITY_ERROR, schema >= 0 ? schema : 0,
                    _("an entity without a “schema” string (such as “Person”); the record is left out"));
      return FALSE;
    }

  f->id = weft_jtokens_string (&f->tok, id);
  f->schema_name = weft_jtokens_string (&f->tok, schema);
  f->schema = weft_ftm_schema_lookup (f->schema_name);
  return TRUE;
}

static gboolean citation_inside (Ftm *f);

static void
load_record (Ftm *f)
{
  gint properties = weft_jtokens_member (&f->tok, 0, "properties");
  gint weft = weft_jtokens_member (&f->tok, 0, "weft");
  gpointer first;
  WeftFtmRole role;

  if (!record_head (f, TRUE))
    {
      weft_import_context_skip (f->ctx);
      return;
    }

  if (properties >= 0 && f->tok.tokens[properties].type != WEFT_JTOK_OBJECT)
    {
      ftm_report (f, WEFT_SEVERITY_ERROR, properties,
                  _("“properties” must be an object of lists of strings; the record is left out"));
      weft_import_context_skip (f->ctx);
      return;
    }
  f->weft = (weft >= 0 && f->tok.tokens[weft].type == WEFT_JTOK_OBJECT) ? weft : -1;
  g_clear_pointer (&f->from, json_object_unref);

  if ((first = g_hash_table_lookup (f->seen_line, f->id)) != NULL)
    {
      ftm_report (f, WEFT_SEVERITY_ERROR, -1,
                  _("the id “%s” was already used on line %llu"
                    "; FtM fragments of one entity must be merged first (ftm aggregate); the record is left out"),
                  f->id, (unsigned long long) GPOINTER_TO_SIZE (first));
      weft_import_context_skip (f->ctx);
      return;
    }

  role = f->schema ? f->schema->role : WEFT_FTM_UNMAPPED;

  /* A participant Weft's export linked from its event: the event's own
   * "weft" member lists it. */
  if (weft_member (f, "participant", WEFT_JTOK_TRUE) >= 0 && role == WEFT_FTM_EDGE)
    return;

  /* In a focus, only what is inside. */
  if (f->entities != NULL)
    {
      gboolean wanted;

      switch (role)
        {
        case WEFT_FTM_EDGE:
        case WEFT_FTM_EVENT:
          wanted = g_hash_table_contains (f->links, f->id) || g_hash_table_contains (f->entities, f->id);
          break;
        case WEFT_FTM_SOURCE:
          wanted = g_hash_table_contains (f->documents, f->id);
          break;
        case WEFT_FTM_CITATION:
          wanted = TRUE;   /* decided by what it is about */
          break;
        case WEFT_FTM_ENTITY:
        case WEFT_FTM_UNMAPPED:
        default:
          wanted = g_hash_table_contains (f->entities, f->id);
          break;
        }
      if (!wanted)
        {
          f->ctx->summary->n_outside++;
          return;
        }
    }

  collect_props (f, properties);
  g_hash_table_insert (f->seen_line, (gpointer) weft_dataset_intern (f->dataset, f->id),
                       GSIZE_TO_POINTER ((gsize) f->record.line));

  switch (role)
    {
    case WEFT_FTM_ENTITY:
      add_entity (f, f->schema->kind);
      return;

    case WEFT_FTM_EDGE:
      if (add_relation (f))
        return;
      break;

    case WEFT_FTM_EVENT:
      if (add_event (f))
        return;
      ftm_report (f, WEFT_SEVERITY_WARNING, -1,
                  _("a %s without a date (startDate, date or endDate); Weft places events in time, "
                    "so it is kept as an entity of kind other"), f->schema_name);
      untake (f, "name");
      untake (f, "description");
      untake (f, "involved");
      untake (f, "organizer");
      untake (f, "addressEntity");
      break;

    case WEFT_FTM_SOURCE:
      add_source (f);
      return;

    case WEFT_FTM_CITATION:
      if (f->entities != NULL)
        {
          /* Kept when it documents something inside. */
          if (!citation_inside (f))
            {
              g_hash_table_remove (f->seen_line, f->id);
              f->ctx->summary->n_outside++;
              return;
            }
        }
      add_claim (f);
      return;

    case WEFT_FTM_UNMAPPED:
    default:
      if (f->schema == NULL)
        ftm_report (f, WEFT_SEVERITY_WARNING, weft_jtokens_member (&f->tok, 0, "schema"),
                    _("unknown schema “%s”; kept as an entity of kind other"), f->schema_name);
      else
        ftm_report (f, WEFT_SEVERITY_WARNING, weft_jtokens_member (&f->tok, 0, "schema"),
                    _("the schema “%s” has no equivalent in Weft; kept as an entity of kind other"), f->schema_name);
      break;
    }

  /* What does not map: an entity of kind other, every property kept. */
  add_entity (f, WEFT_ENTITY_OTHER);
}

/* ---- Focus passes --------------------------------------------------------- */

static void
note_id (GHashTable *set,
         const char *id)
{
  if (!g_hash_table_contains (set, id))
    g_hash_table_add (set, g_strdup (id));
}

typedef struct {
  const char **ids;
  guint        n;
  guint        cap;
} Ends;

static void
ends_add (Ends       *ends,
          const char *id)
{
  if (ends->n == ends->cap)
    {
      ends->cap = MAX (8, ends->cap * 2);
      ends->ids = g_renew (const char *, ends->ids, ends->cap);
    }
  ends->ids[ends->n++] = id;
}

/* The ids a link record joins: an edge's two ends, an event's participants. */
static gboolean
link_ends (Ftm  *f,
           Ends *ends)
{
  static const char * const event_props[] = { "involved", "organizer", "addressEntity", NULL };
  gint properties = weft_jtokens_member (&f->tok, 0, "properties");
  const char *edge_props[3] = { NULL, NULL, NULL };
  const char * const *names;

  ends->n = 0;
  if (f->schema == NULL || properties < 0 || f->tok.tokens[properties].type != WEFT_JTOK_OBJECT)
    return FALSE;

  f->weft = weft_jtokens_member (&f->tok, 0, "weft");
  if (f->weft >= 0 && f->tok.tokens[f->weft].type != WEFT_JTOK_OBJECT)
    f->weft = -1;
  if (f->schema->role == WEFT_FTM_EDGE && weft_member (f, "participant", WEFT_JTOK_TRUE) < 0)
    {
      edge_props[0] = f->schema->source;
      edge_props[1] = f->schema->target;
      names = edge_props;
    }
  else if (f->schema->role == WEFT_FTM_EVENT)
    names = event_props;
  else
    return FALSE;

  collect_props (f, properties);
  for (guint i = 0; names[i] != NULL; i++)
    {
      Prop *prop = find_prop (f, names[i]);
      gint n = prop ? prop_count (f, prop) : 0;

      for (gint k = 0; k < n; k++)
        ends_add (ends, prop_value (f, prop, k));
    }
  /* The participants Weft's export linked from the event. */
  if (f->schema->role == WEFT_FTM_EVENT)
    {
      gint participants = weft_member (f, "participants", WEFT_JTOK_ARRAY);
      guint i = participants + 1;

      for (guint k = 0; participants >= 0 && k < f->tok.tokens[participants].size; k++)
        {
          gint entity = weft_jtokens_member (&f->tok, i, "entity");

          if (entity >= 0 && f->tok.tokens[entity].type == WEFT_JTOK_STRING)
            ends_add (ends, weft_jtokens_string (&f->tok, entity));
          i = f->tok.tokens[i].next;
        }
    }
  return ends->n > 0;
}

static void
expand_record (Ftm  *f,
               Ends *ends)
{
  gboolean touches = FALSE;

  if (!record_head (f, FALSE))
    return;
  if (g_str_equal (f->id, f->ctx->options->focus))
    f->found_focus = TRUE;
  if (!link_ends (f, ends))
    return;

  for (guint i = 0; i < ends->n; i++)
    touches |= g_hash_table_contains (f->frontier, ends->ids[i]);
  if (!touches)
    return;
  for (guint i = 0; i < ends->n; i++)
    if (!g_hash_table_contains (f->entities, ends->ids[i]))
      note_id (f->next, ends->ids[i]);
}

static void
select_record (Ftm  *f,
               Ends *ends)
{
  gboolean all = TRUE, any = FALSE;

  if (!record_head (f, FALSE))
    return;
  if (g_str_equal (f->id, f->ctx->options->focus))
    f->found_focus = TRUE;
  if (!link_ends (f, ends))
    return;

  for (guint i = 0; i < ends->n; i++)
    {
      gboolean in = g_hash_table_contains (f->entities, ends->ids[i]);
      all &= in;
      any |= in;
    }

  /* Relations with both ends inside; events with someone inside. */
  if ((f->schema->role == WEFT_FTM_EDGE && all) || (f->schema->role == WEFT_FTM_EVENT && any))
    note_id (f->links, f->id);
}

/* The claim Weft's export put in the record's "weft" member, or -1. */
static gint
weft_claim_token (Ftm *f)
{
  gint weft = weft_jtokens_member (&f->tok, 0, "weft");
  gint claim = weft >= 0 && f->tok.tokens[weft].type == WEFT_JTOK_OBJECT
               ? weft_jtokens_member (&f->tok, weft, "claim") : -1;

  return claim >= 0 && f->tok.tokens[claim].type == WEFT_JTOK_OBJECT ? claim : -1;
}

/* Whether a citation record documents something inside the focus: one of
 * its targets, or what Weft's own claim is about. Props must be collected. */
static gboolean
citation_inside (Ftm *f)
{
  Prop *target = f->schema->target ? find_prop (f, f->schema->target) : NULL;
  gint n = target ? prop_count (f, target) : 0;
  gint claim = weft_claim_token (f);
  gint about = claim >= 0 ? weft_jtokens_member (&f->tok, claim, "about") : -1;

  for (gint k = 0; k < n; k++)
    if (inside (f, prop_value (f, target, k)))
      return TRUE;

  if (about >= 0 && f->tok.tokens[about].type == WEFT_JTOK_ARRAY)
    {
      guint i = about + 1;

      for (guint k = 0; k < f->tok.tokens[about].size; k++)
        {
          if (f->tok.tokens[i].type == WEFT_JTOK_STRING && inside (f, weft_jtokens_string (&f->tok, i)))
            return TRUE;
          i = f->tok.tokens[i].next;
        }
    }

  return FALSE;
}

static void
documents_record (Ftm *f)
{
  gint properties;
  Prop *document;
  gint claim;

  if (!record_head (f, FALSE) || f->schema == NULL || f->schema->role != WEFT_FTM_CITATION)
    return;
  properties = weft_jtokens_member (&f->tok, 0, "properties");
  if (properties < 0 || f->tok.tokens[properties].type != WEFT_JTOK_OBJECT)
    return;

  collect_props (f, properties);
  if (!citation_inside (f))
    return;

  document = f->schema->source ? find_prop (f, f->schema->source) : NULL;
  for (gint k = 0; document != NULL && k < prop_count (f, document); k++)
    note_id (f->documents, prop_value (f, document, k));

  /* Weft's own claim may cite more. */
  claim = weft_claim_token (f);
  if (claim >= 0)
    {
      gint citations = weft_jtokens_member (&f->tok, claim, "citations");

      if (citations >= 0 && f->tok.tokens[citations].type == WEFT_JTOK_ARRAY)
        {
          guint i = citations + 1;

          for (guint k = 0; k < f->tok.tokens[citations].size; k++)
            {
              gint source = weft_jtokens_member (&f->tok, i, "source");

              if (source >= 0 && f->tok.tokens[source].type == WEFT_JTOK_STRING)
                note_id (f->documents, weft_jtokens_string (&f->tok, source));
              i = f->tok.tokens[i].next;
            }
        }
    }
}

/* ---- Passes --------------------------------------------------------------- */

static gboolean
run_pass (Ftm       *f,
          PassKind   kind,
          GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(WeftRecordReader) reader = NULL;
  Ends ends = { 0 };
  gboolean ok = TRUE;

  f->pass = kind;
  f->ctx->summary->n_passes++;

  stream = g_file_read (f->file, NULL, &local_error);
  if (stream != NULL)
    reader = weft_record_reader_new (G_INPUT_STREAM (stream), max_record_size (), &local_error);
  if (reader == NULL)
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_IO, "%s: %s", f->ctx->name, local_error->message);
      return FALSE;
    }

  while (!f->ctx->stopped)
    {
      WeftRecordStatus status = weft_record_reader_next (reader, &f->record, &local_error);

      if (status == WEFT_RECORD_END)
        break;
      if (status == WEFT_RECORD_ERROR)
        {
          g_set_error (error, WEFT_ERROR, WEFT_ERROR_IO, "%s: %s", f->ctx->name, local_error->message);
          ok = FALSE;
          break;
        }

      if (status == WEFT_RECORD_TOO_LONG || status == WEFT_RECORD_BROKEN)
        {
          if (kind == PASS_LOAD)
            {
              f->ctx->summary->n_records++;
              if (status == WEFT_RECORD_TOO_LONG)
                ftm_report (f, WEFT_SEVERITY_ERROR, -1,
                            _("this record is longer than %llu MiB; it is left out "
                              "(raise WEFT_MAX_RECORD_SIZE, in bytes, if it is legitimate)"),
                            (unsigned long long) (weft_record_reader_get_max_record (reader) >> 20));
              else
                ftm_report (f, WEFT_SEVERITY_ERROR, -1,
                            _("this element of the array never ends; expected “}”"));
              weft_import_context_skip (f->ctx);
            }
          continue;
        }

      /* The tokenizer writes only inside the record. */
      if (!weft_jtokens_parse (&f->tok, f->record.text, f->record.length))
        goto broken;

      f->weft = -1;
      switch (kind)
        {
        case PASS_EXPAND:
          expand_record (f, &ends);
          break;
        case PASS_SELECT:
          select_record (f, &ends);
          break;
        case PASS_DOCUMENTS:
          documents_record (f);
          break;
        case PASS_LOAD:
        default:
          f->ctx->summary->n_records++;
          if (f->tok.replaced >= 0)   /* FtM alone reads these (weft-json-tokens.h) */
            ftm_report (f, WEFT_SEVERITY_WARNING, f->tok.replaced,
                        _("this string holds an escape that stands for no character (a lone surrogate "
                          "such as \\ud800, or \\u0000); it is read as U+FFFD"));
          load_record (f);
          break;
        }
      continue;

    broken:
      if (kind == PASS_LOAD)
        {
          guint l, c;

          f->ctx->summary->n_records++;
          weft_record_position (&f->record, f->tok.error_offset, &l, &c);
          weft_diagnostics_add (f->ctx->diagnostics, WEFT_SEVERITY_ERROR, l, c, NULL,
                                _("%s; the record is left out"), f->tok.error_message);
          weft_import_context_skip (f->ctx);
          weft_import_context_stop (f->ctx, l, c, f->tok.error_message, f->error);
        }
    }

  g_free (ends.ids);
  return ok && !f->ctx->stopped;
}

/* ---- After the last record ------------------------------------------------ */

typedef struct {
  const char *id;
  guint64     line;
} Missing;

static int
compare_missing (gconstpointer a,
                 gconstpointer b)
{
  const Missing *x = a, *y = b;

  if (x->line != y->line)
    return x->line < y->line ? -1 : 1;
  return strcmp (x->id, y->id);
}

/* The ids of @table not seen, in the order they were first named. */
static GArray *
missing_ids (Ftm        *f,
             GHashTable *table)
{
  GArray *missing = g_array_new (FALSE, FALSE, sizeof (Missing));
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (f->seen, key))
      {
        Missing m = { key, GPOINTER_TO_SIZE (value) };
        g_array_append_val (missing, m);
      }
  g_array_sort (missing, compare_missing);
  return missing;
}

/* A placeholder item for each id of @referenced that is named in the file
 * but not in it: an entity, or a source (@type), marked so that the FtM
 * export leaves it out. */
static void
add_placeholders_for (Ftm          *f,
                      GHashTable   *referenced,
                      WeftItemType  type)
{
  g_autoptr(GArray) missing = missing_ids (f, referenced);

  for (guint i = 0; i < missing->len; i++)
    {
      const char *id = g_array_index (missing, Missing, i).id;
      guint line = (guint) g_array_index (missing, Missing, i).line;
      WeftItem *item;
      JsonObject *mark = json_object_new ();

      if (type == WEFT_ITEM_ENTITY)
        {
          weft_diagnostics_add (f->ctx->diagnostics, WEFT_SEVERITY_WARNING, line, 0, NULL,
                                _("“%s” is named here but is not in the file; Weft adds a placeholder entity for it"),
                                id);
          item = &weft_dataset_add_entity (f->dataset, id, id, WEFT_ENTITY_OTHER)->item;
        }
      else
        {
          weft_diagnostics_add (f->ctx->diagnostics, WEFT_SEVERITY_WARNING, line, 0, NULL,
                                _("the document “%s” is cited here but is not in the file; Weft adds a placeholder source for it"),
                                id);
          item = &weft_dataset_add_source (f->dataset, id, id, WEFT_SOURCE_OTHER)->item;
        }
      json_object_set_boolean_member (mark, "placeholder", TRUE);
      weft_item_set_extra (item, "ftm", json_node_init_object (json_node_alloc (), mark));
      json_object_unref (mark);
      g_hash_table_insert (f->seen, (gpointer) item->id, item);
    }
}

static void
add_placeholders (Ftm *f)
{
  add_placeholders_for (f, f->referenced, WEFT_ITEM_ENTITY);
  add_placeholders_for (f, f->referenced_sources, WEFT_ITEM_SOURCE);
}

static gboolean
is_type (Ftm          *f,
         const char   *id,
         WeftItemType  type)
{
  WeftItem *item = g_hash_table_lookup (f->seen, id);

  return item != NULL && item->type == type;
}

/* Keeps in @ids (NULL-terminated, changed in place) the ids read as an
 * item of @type; with WEFT_ITEM_NONE, of any type. */
static void
keep_ids_of_type (Ftm          *f,
                  const char  **ids,
                  WeftItemType  type)
{
  guint k = 0;

  if (ids == NULL)
    return;
  for (guint j = 0; ids[j] != NULL; j++)
    if (type == WEFT_ITEM_NONE ? g_hash_table_contains (f->seen, ids[j]) : is_type (f, ids[j], type))
      ids[k++] = ids[j];
  ids[k] = NULL;
}

/* The line @item was read from. */
static guint
line_of (Ftm            *f,
         const WeftItem *item)
{
  return (guint) GPOINTER_TO_SIZE (g_hash_table_lookup (f->seen_line, item->id));
}

/* An event's participants that are not entities are reported and left
 * out, and so are its claims that are not claims. */
static void
check_event (Ftm       *f,
             WeftEvent *e)
{
  guint out = 0;

  for (guint j = 0; j < e->n_participants; j++)
    if (is_type (f, e->participants[j].entity, WEFT_ITEM_ENTITY))
      e->participants[out++] = e->participants[j];
    else
      {
        weft_diagnostics_add (f->ctx->diagnostics, WEFT_SEVERITY_WARNING, line_of (f, &e->item), 0, NULL,
                              _("“%s” takes part in the event “%s” but is not an entity; left out of its participants"),
                              e->participants[j].entity, e->item.id);
        g_clear_pointer (&e->participants[j].extra, json_object_unref);
      }
  e->n_participants = out;
  keep_ids_of_type (f, e->claims, WEFT_ITEM_CLAIM);
}

/* A claim's citations of what is not a document are reported and left
 * out; a claimant that is not an entity, and subjects not read, too. */
static void
check_claim (Ftm       *f,
             WeftClaim *c)
{
  guint out = 0;

  for (guint j = 0; j < c->n_citations; j++)
    if (is_type (f, c->citations[j].source, WEFT_ITEM_SOURCE))
      c->citations[out++] = c->citations[j];
    else
      {
        weft_diagnostics_add (f->ctx->diagnostics, WEFT_SEVERITY_WARNING, line_of (f, &c->item), 0, NULL,
                              _("“%s” is cited as a document but is not one; the citation is left out"),
                              c->citations[j].source);
        g_clear_pointer (&c->citations[j].extra, json_object_unref);
      }
  c->n_citations = out;

  if (c->claimant != NULL && !is_type (f, c->claimant, WEFT_ITEM_ENTITY))
    c->claimant = NULL;
  keep_ids_of_type (f, c->about, WEFT_ITEM_NONE);
}

/* References of the wrong kind (an FtM edge to a document, an event's
 * participant that is a source…) would make the dataset inconsistent:
 * they are reported and left out of the Weft fields. */
static void
check_kinds (Ftm *f)
{
  GPtrArray *events = weft_dataset_get_events (f->dataset);
  GPtrArray *claims = weft_dataset_get_claims (f->dataset);
  GPtrArray *relations = weft_dataset_get_relations (f->dataset);

  for (guint i = 0; i < events->len; i++)
    check_event (f, g_ptr_array_index (events, i));
  for (guint i = 0; i < relations->len; i++)
    keep_ids_of_type (f, ((WeftRelation *) g_ptr_array_index (relations, i))->claims, WEFT_ITEM_CLAIM);
  for (guint i = 0; i < claims->len; i++)
    check_claim (f, g_ptr_array_index (claims, i));
}

/* Pure FtM documentation of an event or a relation is evidence for it. */
static void
link_documented (Ftm *f)
{
  for (guint i = 0; i < f->documented->len; i++)
    {
      ClaimLink *link = &g_array_index (f->documented, ClaimLink, i);
      WeftItem *target = g_hash_table_lookup (f->seen, link->target);
      const char ***claims = NULL;
      gboolean present = FALSE;

      if (target == NULL || !is_type (f, link->claim, WEFT_ITEM_CLAIM))
        continue;
      if (target->type == WEFT_ITEM_EVENT)
        claims = &((WeftEvent *) target)->claims;
      else if (target->type == WEFT_ITEM_RELATION)
        claims = &((WeftRelation *) target)->claims;
      else
        continue;

      for (guint j = 0; *claims != NULL && (*claims)[j] != NULL; j++)
        present |= g_str_equal ((*claims)[j], link->claim);
      if (!present)
        weft_dataset_strv_append (f->dataset, claims, link->claim);
    }
}

WeftDataset *
weft_import_ftm (WeftImportContext  *ctx,
                 GFile              *file,
                 GError            **error)
{
  g_autoptr(WeftDataset) dataset = weft_dataset_new ();
  WeftDataset *result = NULL;
  Ftm f = { 0 };
  gboolean ok = TRUE;

  f.ctx = ctx;
  f.error = error;
  f.file = file;
  f.dataset = dataset;
  f.weft = -1;
  weft_jtokens_init (&f.tok);
  f.seen = g_hash_table_new (weft_str_hash, g_str_equal);
  f.values = g_hash_table_new_full (g_bytes_hash, g_bytes_equal, (GDestroyNotify) g_bytes_unref,
                                    (GDestroyNotify) json_node_unref);
  f.seen_line = g_hash_table_new (weft_str_hash, g_str_equal);
  f.referenced = g_hash_table_new (weft_str_hash, g_str_equal);
  f.referenced_sources = g_hash_table_new (weft_str_hash, g_str_equal);
  f.documented = g_array_new (FALSE, FALSE, sizeof (ClaimLink));

  if (ctx->options->focus != NULL)
    {
      f.entities = g_hash_table_new_full (weft_str_hash, g_str_equal, g_free, NULL);
      f.frontier = g_hash_table_new_full (weft_str_hash, g_str_equal, g_free, NULL);
      f.links = g_hash_table_new_full (weft_str_hash, g_str_equal, g_free, NULL);
      f.documents = g_hash_table_new_full (weft_str_hash, g_str_equal, g_free, NULL);
      note_id (f.entities, ctx->options->focus);
      note_id (f.frontier, ctx->options->focus);

      for (guint hop = 0; ok && hop < ctx->options->hops && g_hash_table_size (f.frontier) > 0; hop++)
        {
          GHashTableIter iter;
          gpointer key;

          f.next = g_hash_table_new_full (weft_str_hash, g_str_equal, g_free, NULL);
          ok = run_pass (&f, PASS_EXPAND, error);
          g_hash_table_iter_init (&iter, f.next);
          while (g_hash_table_iter_next (&iter, &key, NULL))
            note_id (f.entities, key);
          g_hash_table_unref (f.frontier);
          f.frontier = g_steal_pointer (&f.next);
        }

      if (ok)
        ok = run_pass (&f, PASS_SELECT, error);
      if (ok && !f.found_focus)
        {
          g_set_error (error, WEFT_ERROR, WEFT_ERROR_NOT_FOUND,
                       _("%s: no entity has the id “%s”; --focus takes an FtM id"),
                       ctx->name, ctx->options->focus);
          ok = FALSE;
        }
      if (ok)
        ok = run_pass (&f, PASS_DOCUMENTS, error);
    }

  if (ok)
    ok = run_pass (&f, PASS_LOAD, error);

  if (ok)
    {
      if (ctx->options->focus != NULL)
        {
          g_autofree char *base = weft_import_context_dup_base_name (ctx);
          g_autofree char *title = g_strdup_printf (_("%s, around %s"), base, ctx->options->focus);

          weft_dataset_set_title (dataset, title);
        }

      add_placeholders (&f);
      check_kinds (&f);
      link_documented (&f);
      result = weft_import_context_finish (ctx, g_steal_pointer (&dataset), error);
    }

  weft_jtokens_clear (&f.tok);
  g_clear_pointer (&f.from, json_object_unref);
  g_free (f.props);
  g_hash_table_unref (f.seen);
  g_hash_table_unref (f.values);
  g_hash_table_unref (f.seen_line);
  g_hash_table_unref (f.referenced);
  g_hash_table_unref (f.referenced_sources);
  g_array_unref (f.documented);
  g_clear_pointer (&f.entities, g_hash_table_unref);
  g_clear_pointer (&f.frontier, g_hash_table_unref);
  g_clear_pointer (&f.next, g_hash_table_unref);
  g_clear_pointer (&f.links, g_hash_table_unref);
  g_clear_pointer (&f.documents, g_hash_table_unref);

  weft_diagnostics_sort (ctx->diagnostics);
  return result;
}
