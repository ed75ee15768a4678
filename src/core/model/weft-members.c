/* weft-members.c: the member tables of the .weft format
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <stddef.h>
#include <string.h>

#include "weft-dataset-private.h"
#include "weft-history.h"
#include "weft-members.h"

/* An ENUM member's value is read and written as a guint. */
G_STATIC_ASSERT (sizeof (WeftSourceKind) == sizeof (guint));
G_STATIC_ASSERT (sizeof (WeftEntityKind) == sizeof (guint));
G_STATIC_ASSERT (sizeof (WeftClaimStatus) == sizeof (guint));

#define TABLE(item_type, Struct, extra, list) \
  { item_type, sizeof (Struct), offsetof (Struct, extra), list, G_N_ELEMENTS (list) }

#define STRING(Struct, name, field, required) \
  { name, WEFT_MEMBER_STRING, required, offsetof (Struct, field), 0, NULL, 0, NULL, FALSE, 0 }
#define STRINGS(Struct, name, field, required) \
  { name, WEFT_MEMBER_STRINGS, required, offsetof (Struct, field), 0, NULL, 0, NULL, FALSE, 0 }
/* A reference: the id of an item of @refers_to (WEFT_ITEM_NONE: any). */
#define REF(Struct, name, field, required, refers_to) \
  { name, WEFT_MEMBER_STRING, required, offsetof (Struct, field), 0, NULL, 0, NULL, TRUE, refers_to }
#define REFS(Struct, name, field, required, refers_to) \
  { name, WEFT_MEMBER_STRINGS, required, offsetof (Struct, field), 0, NULL, 0, NULL, TRUE, refers_to }
#define DATE(Struct, required) \
  { "date", WEFT_MEMBER_DATE, required, offsetof (Struct, date_text), offsetof (Struct, date), NULL, 0, NULL, FALSE, 0 }
#define ENUM(Struct, name, field, names, fallback) \
  { name, WEFT_MEMBER_ENUM, TRUE, offsetof (Struct, field), 0, names, fallback, NULL, FALSE, 0 }
#define OBJECTS(Struct, name, field, length, required, table) \
  { name, WEFT_MEMBER_OBJECTS, required, offsetof (Struct, field), offsetof (Struct, length), NULL, 0, &table, FALSE, 0 }
#define ITEMS(name, table) \
  { name, WEFT_MEMBER_ITEMS, FALSE, 0, 0, NULL, 0, &table, FALSE, 0 }
/* Items that are not written when there are none (views, stories). */
#define OPTIONAL_ITEMS(name, table) \
  { name, WEFT_MEMBER_ITEMS, FALSE, 0, 0, NULL, 1, &table, FALSE, 0 }
/* An optional EDTF interval of a view other than "date". */
#define INTERVAL(Struct, name, text, date) \
  { name, WEFT_MEMBER_DATE, FALSE, offsetof (Struct, text), offsetof (Struct, date), NULL, 0, NULL, FALSE, 0 }
#define JSON(Struct, name, field, shape) \
  { name, WEFT_MEMBER_JSON, FALSE, offsetof (Struct, field), 0, NULL, shape, NULL, FALSE, 0 }
#define ID(Struct) \
  STRING (Struct, "id", item.id, TRUE)
/* Every item's provenance, last of its known members. */
#define HISTORY(Struct) \
  OBJECTS (Struct, "history", item.history, item.n_history, FALSE, history_members)

G_STATIC_ASSERT (sizeof (WeftHistoryAction) == sizeof (guint));

static const WeftMember history_list[] = {
  STRING (WeftHistoryEntry, "at", at, TRUE),
  STRING (WeftHistoryEntry, "by", by, TRUE),
  ENUM (WeftHistoryEntry, "action", action, weft_history_action_names, WEFT_HISTORY_CHANGED),
  STRINGS (WeftHistoryEntry, "fields", fields, FALSE),
  STRING (WeftHistoryEntry, "note", note, FALSE),
};

static const WeftMemberTable history_members =
  TABLE (WEFT_ITEM_NONE, WeftHistoryEntry, extra, history_list);

static const WeftMember source_list[] = {
  ID (WeftSource),
  STRING (WeftSource, "title", title, TRUE),
  STRING (WeftSource, "publisher", publisher, FALSE),
  STRING (WeftSource, "author", author, FALSE),
  DATE (WeftSource, FALSE),
  STRING (WeftSource, "url", url, FALSE),
  ENUM (WeftSource, "kind", kind, weft_source_kind_names, WEFT_SOURCE_OTHER),
  REF (WeftSource, "cited_by", cited_by, FALSE, WEFT_ITEM_SOURCE),
  HISTORY (WeftSource),
};

static const WeftMember entity_list[] = {
  ID (WeftEntity),
  STRING (WeftEntity, "name", name, TRUE),
  ENUM (WeftEntity, "kind", kind, weft_entity_kind_names, WEFT_ENTITY_OTHER),
  STRINGS (WeftEntity, "aliases", aliases, FALSE),
  STRING (WeftEntity, "description", description, FALSE),
  STRINGS (WeftEntity, "tags", tags, FALSE),
  STRING (WeftEntity, "country", country, FALSE),
  HISTORY (WeftEntity),
};

static const WeftMember participant_list[] = {
  REF (WeftParticipant, "entity", entity, TRUE, WEFT_ITEM_ENTITY),
  STRING (WeftParticipant, "role", role, FALSE),
};

static const WeftMemberTable participant_members =
  TABLE (WEFT_ITEM_NONE, WeftParticipant, extra, participant_list);

static const WeftMember event_list[] = {
  ID (WeftEvent),
  STRING (WeftEvent, "title", title, TRUE),
  DATE (WeftEvent, TRUE),
  STRING (WeftEvent, "description", description, FALSE),
  OBJECTS (WeftEvent, "participants", participants, n_participants, TRUE, participant_members),
  REFS (WeftEvent, "claims", claims, FALSE, WEFT_ITEM_CLAIM),
  STRING (WeftEvent, "group", group, FALSE),
  STRINGS (WeftEvent, "tags", tags, FALSE),
  HISTORY (WeftEvent),
};

static const WeftMember citation_list[] = {
  REF (WeftCitation, "source", source, TRUE, WEFT_ITEM_SOURCE),
  STRING (WeftCitation, "quote", quote, TRUE),
  STRING (WeftCitation, "locator", locator, FALSE),
};

static const WeftMemberTable citation_members =
  TABLE (WEFT_ITEM_NONE, WeftCitation, extra, citation_list);

static const WeftMember claim_list[] = {
  ID (WeftClaim),
  STRING (WeftClaim, "text", text, TRUE),
  ENUM (WeftClaim, "status", status, weft_claim_status_names, WEFT_STATUS_REPORTED),
  REF (WeftClaim, "claimant", claimant, FALSE, WEFT_ITEM_ENTITY),
  REFS (WeftClaim, "about", about, TRUE, WEFT_ITEM_NONE),
  DATE (WeftClaim, FALSE),
  OBJECTS (WeftClaim, "citations", citations, n_citations, TRUE, citation_members),
  HISTORY (WeftClaim),
};

static const WeftMember relation_list[] = {
  ID (WeftRelation),
  REF (WeftRelation, "from", from, TRUE, WEFT_ITEM_NONE),
  REF (WeftRelation, "to", to, TRUE, WEFT_ITEM_NONE),
  STRING (WeftRelation, "type", type, TRUE),
  STRING (WeftRelation, "label", label, FALSE),
  DATE (WeftRelation, FALSE),
  REFS (WeftRelation, "claims", claims, FALSE, WEFT_ITEM_CLAIM),
  HISTORY (WeftRelation),
};

static const WeftMember era_list[] = {
  ID (WeftEra),
  STRING (WeftEra, "title", title, TRUE),
  DATE (WeftEra, TRUE),
  STRING (WeftEra, "color", color, FALSE),
  HISTORY (WeftEra),
};

/* Views and stories name items softly: what they name may be gone (a
 * warning); their references take any type, so that deleting or renaming
 * an item finds them (weft_dataset_dup_references()). */
static const char * const layout_names[] = { "both", "timeline", "graph", NULL };

static const WeftMember view_list[] = {
  ID (WeftView),
  STRING (WeftView, "title", title, FALSE),
  STRING (WeftView, "note", note, FALSE),
  REF (WeftView, "focus", focus, FALSE, WEFT_ITEM_NONE),
  JSON (WeftView, "hops", hops, WEFT_JSON_COUNT),
  INTERVAL (WeftView, "window", window_text, window),
  STRINGS (WeftView, "hidden_kinds", hidden_kinds, FALSE),
  STRINGS (WeftView, "statuses", statuses, FALSE),
  STRING (WeftView, "search", search, FALSE),
  REF (WeftView, "selected", selected, FALSE, WEFT_ITEM_NONE),
  REFS (WeftView, "path", path, FALSE, WEFT_ITEM_NONE),
  { "layout", WEFT_MEMBER_ENUM, FALSE, offsetof (WeftView, layout), 0, layout_names, WEFT_LAYOUT_BOTH, NULL, FALSE, 0 },
  INTERVAL (WeftView, "span", span_text, span),
  JSON (WeftView, "graph", graph, WEFT_JSON_GRAPH),
  JSON (WeftView, "split", split, WEFT_JSON_FRACTION),
  HISTORY (WeftView),
};

static const WeftMember step_list[] = {
  REF (WeftStoryStep, "view", view, FALSE, WEFT_ITEM_NONE),
  REF (WeftStoryStep, "event", event, FALSE, WEFT_ITEM_NONE),
  STRING (WeftStoryStep, "note", note, FALSE),
};

static const WeftMemberTable step_members =
  TABLE (WEFT_ITEM_NONE, WeftStoryStep, extra, step_list);

static const WeftMember story_list[] = {
  ID (WeftStory),
  STRING (WeftStory, "title", title, FALSE),
  OBJECTS (WeftStory, "steps", steps, n_steps, FALSE, step_members),
  HISTORY (WeftStory),
};

static const WeftMemberTable source_members = TABLE (WEFT_ITEM_SOURCE, WeftSource, item.extra, source_list);
static const WeftMemberTable entity_members = TABLE (WEFT_ITEM_ENTITY, WeftEntity, item.extra, entity_list);
static const WeftMemberTable event_members = TABLE (WEFT_ITEM_EVENT, WeftEvent, item.extra, event_list);
static const WeftMemberTable claim_members = TABLE (WEFT_ITEM_CLAIM, WeftClaim, item.extra, claim_list);
static const WeftMemberTable relation_members = TABLE (WEFT_ITEM_RELATION, WeftRelation, item.extra, relation_list);
static const WeftMemberTable era_members = TABLE (WEFT_ITEM_ERA, WeftEra, item.extra, era_list);
static const WeftMemberTable view_members = TABLE (WEFT_ITEM_VIEW, WeftView, item.extra, view_list);
static const WeftMemberTable story_members = TABLE (WEFT_ITEM_STORY, WeftStory, item.extra, story_list);

static const WeftMember file_list[] = {
  { "weft", WEFT_MEMBER_VERSION, TRUE, 0, 0, NULL, 0, NULL, FALSE, 0 },
  STRING (WeftDatasetHeader, "title", title, TRUE),
  STRING (WeftDatasetHeader, "description", description, FALSE),
  STRING (WeftDatasetHeader, "language", language, FALSE),
  ITEMS ("sources", source_members),
  ITEMS ("entities", entity_members),
  ITEMS ("events", event_members),
  ITEMS ("claims", claim_members),
  ITEMS ("relations", relation_members),
  ITEMS ("eras", era_members),
  OPTIONAL_ITEMS ("views", view_members),
  OPTIONAL_ITEMS ("stories", story_members),
};

const WeftMemberTable weft_file_members = TABLE (WEFT_ITEM_NONE, WeftDatasetHeader, extra, file_list);

G_STATIC_ASSERT (G_N_ELEMENTS (file_list) <= WEFT_MEMBERS_MAX);
G_STATIC_ASSERT (G_N_ELEMENTS (source_list) <= WEFT_MEMBERS_MAX);
G_STATIC_ASSERT (G_N_ELEMENTS (event_list) <= WEFT_MEMBERS_MAX);
G_STATIC_ASSERT (G_N_ELEMENTS (view_list) <= WEFT_MEMBERS_MAX);
G_STATIC_ASSERT (sizeof (WeftViewLayout) == sizeof (guint));

/* The top-level member that holds items of @type. */
static const WeftMember *
items_member (WeftItemType type)
{
  for (guint i = 0; i < G_N_ELEMENTS (file_list); i++)
    if (file_list[i].type == WEFT_MEMBER_ITEMS && file_list[i].table->type == type)
      return &file_list[i];

  return NULL;
}

const WeftMemberTable *
weft_item_members (WeftItemType type)
{
  const WeftMember *m = items_member (type);

  g_return_val_if_fail (m != NULL, NULL);

  return m->table;
}

const char *
weft_item_array_name (WeftItemType type)
{
  const WeftMember *m = items_member (type);

  return m != NULL ? m->name : "";
}

const WeftMember *
weft_member_lookup (const WeftMemberTable *table,
                    const char            *name)
{
  for (guint i = 0; i < table->n_members; i++)
    if (g_str_equal (table->members[i].name, name))
      return &table->members[i];

  return NULL;
}

void
weft_member_set_read_date (WeftDataset      *dataset,
                           const WeftMember *m,
                           gpointer          base,
                           const char       *text,
                           const WeftDate   *date)
{
  if (!g_str_equal (m->name, "date"))
    {
      WEFT_MEMBER_FIELD (base, m->offset, const char *) = weft_dataset_intern (dataset, text);
      if (text != NULL)
        WEFT_MEMBER_FIELD (base, m->length_offset, WeftDate) = *date;
    }
  else if (text != NULL)
    weft_dataset_set_item_date (dataset, base, text, date);
  else if (m->required)
    weft_dataset_set_item_date (dataset, base, "", NULL);
}

/* ---- Values ------------------------------------------------------------- */

/* The array of objects of @m in @base, and its length. */
#define OBJECTS_OF(m, base) WEFT_MEMBER_FIELD (base, (m)->offset, guint8 *)
#define LENGTH_OF(m, base) WEFT_MEMBER_FIELD (base, (m)->length_offset, guint)

void
weft_member_clear (const WeftMember *m,
                   gpointer          base)
{
  switch (m->type)
    {
    case WEFT_MEMBER_STRING:
      WEFT_MEMBER_FIELD (base, m->offset, const char *) = NULL;
      break;

    case WEFT_MEMBER_STRINGS:
      /* The strings live in the dataset. */
      g_clear_pointer (&WEFT_MEMBER_FIELD (base, m->offset, const char **), g_free);
      break;

    case WEFT_MEMBER_DATE:
      WEFT_MEMBER_FIELD (base, m->offset, const char *) = NULL;
      memset (&WEFT_MEMBER_FIELD (base, m->length_offset, WeftDate), 0, sizeof (WeftDate));
      break;

    case WEFT_MEMBER_ENUM:
      WEFT_MEMBER_FIELD (base, m->offset, guint) = 0;
      break;

    case WEFT_MEMBER_JSON:
      g_clear_pointer (&WEFT_MEMBER_FIELD (base, m->offset, JsonNode *), json_node_unref);
      break;

    case WEFT_MEMBER_OBJECTS:
      for (guint i = 0; i < LENGTH_OF (m, base); i++)
        weft_members_clear (m->table, OBJECTS_OF (m, base) + i * m->table->size);
      g_clear_pointer (&OBJECTS_OF (m, base), g_free);
      LENGTH_OF (m, base) = 0;
      break;

    case WEFT_MEMBER_ITEMS:
    case WEFT_MEMBER_VERSION:
    default:
      break;
    }
}

void
weft_members_clear (const WeftMemberTable *table,
                    gpointer               base)
{
  for (guint i = 0; i < table->n_members; i++)
    weft_member_clear (&table->members[i], base);
  g_clear_pointer (&WEFT_MEMBER_FIELD (base, table->extra_offset, JsonObject *), json_object_unref);
}

static const char **
copy_strv (WeftDataset        *dataset,
           const char * const *list)
{
  const char **copy;
  guint n;

  if (list == NULL)
    return NULL;

  n = g_strv_length ((char **) list);
  copy = g_new (const char *, n + 1);
  for (guint i = 0; i < n; i++)
    copy[i] = weft_dataset_intern (dataset, list[i]);
  copy[n] = NULL;

  return copy;
}

void
weft_member_value_copy (WeftDataset      *dataset,
                        const WeftMember *m,
                        WeftMemberValue  *value,
                        gconstpointer     src)
{
  switch (m->type)
    {
    case WEFT_MEMBER_STRING:
      value->string = weft_dataset_intern (dataset, WEFT_MEMBER_FIELD (src, m->offset, const char *));
      break;

    case WEFT_MEMBER_STRINGS:
      value->strings = copy_strv (dataset, WEFT_MEMBER_FIELD (src, m->offset, const char * const *));
      break;

    case WEFT_MEMBER_DATE:
      value->date.text = weft_dataset_intern (dataset, WEFT_MEMBER_FIELD (src, m->offset, const char *));
      value->date.date = g_memdup2 (&WEFT_MEMBER_FIELD (src, m->length_offset, WeftDate), sizeof (WeftDate));
      break;

    case WEFT_MEMBER_ENUM:
      value->value = WEFT_MEMBER_FIELD (src, m->offset, guint);
      break;

    case WEFT_MEMBER_JSON:
      {
        JsonNode *node = WEFT_MEMBER_FIELD (src, m->offset, JsonNode *);

        value->node = node != NULL ? json_node_copy (node) : NULL;
      }
      break;

    case WEFT_MEMBER_OBJECTS:
      {
        guint n = LENGTH_OF (m, src);
        guint8 *elements = n > 0 ? g_malloc0_n (n, m->table->size) : NULL;

        for (guint i = 0; i < n; i++)
          weft_members_copy (dataset, m->table, elements + i * m->table->size,
                             OBJECTS_OF (m, src) + i * m->table->size);
        value->objects.elements = elements;
        value->objects.n = n;
      }
      break;

    case WEFT_MEMBER_ITEMS:
    case WEFT_MEMBER_VERSION:
    default:
      break;
    }
}

/* Stores @value in *@slot and returns what was there. */
static gpointer
exchange (gpointer *slot,
          gpointer  value)
{
  gpointer old = *slot;

  *slot = value;
  return old;
}

void
weft_member_value_swap (const WeftMember *m,
                        gpointer          base,
                        WeftMemberValue  *value)
{
  switch (m->type)
    {
    case WEFT_MEMBER_STRING:
      value->string = exchange ((gpointer *) &WEFT_MEMBER_FIELD (base, m->offset, const char *), (gpointer) value->string);
      break;

    case WEFT_MEMBER_STRINGS:
      value->strings = exchange ((gpointer *) &WEFT_MEMBER_FIELD (base, m->offset, const char **), (gpointer) value->strings);
      break;

    case WEFT_MEMBER_DATE:
      {
        WeftDate *field = &WEFT_MEMBER_FIELD (base, m->length_offset, WeftDate);
        WeftDate date = *field;

        if (value->date.date == NULL)
          value->date.date = g_new0 (WeftDate, 1);
        *field = *value->date.date;
        *value->date.date = date;
        value->date.text = exchange ((gpointer *) &WEFT_MEMBER_FIELD (base, m->offset, const char *),
                                     (gpointer) value->date.text);
      }
      break;

    case WEFT_MEMBER_ENUM:
      {
        guint old = WEFT_MEMBER_FIELD (base, m->offset, guint);

        WEFT_MEMBER_FIELD (base, m->offset, guint) = value->value;
        value->value = old;
      }
      break;

    case WEFT_MEMBER_JSON:
      value->node = exchange ((gpointer *) &WEFT_MEMBER_FIELD (base, m->offset, JsonNode *), value->node);
      break;

    case WEFT_MEMBER_OBJECTS:
      {
        guint n = LENGTH_OF (m, base);

        value->objects.elements = exchange ((gpointer *) &OBJECTS_OF (m, base), (gpointer) value->objects.elements);
        LENGTH_OF (m, base) = value->objects.n;
        value->objects.n = n;
      }
      break;

    case WEFT_MEMBER_ITEMS:
    case WEFT_MEMBER_VERSION:
    default:
      break;
    }
}

void
weft_member_value_clear (const WeftMember *m,
                         WeftMemberValue  *value)
{
  switch (m->type)
    {
    case WEFT_MEMBER_STRINGS:
      g_free (value->strings);
      break;

    case WEFT_MEMBER_DATE:
      g_free (value->date.date);
      break;

    case WEFT_MEMBER_JSON:
      g_clear_pointer (&value->node, json_node_unref);
      break;

    case WEFT_MEMBER_OBJECTS:
      for (guint i = 0; i < value->objects.n; i++)
        weft_members_clear (m->table, (guint8 *) value->objects.elements + i * m->table->size);
      g_free (value->objects.elements);
      break;

    case WEFT_MEMBER_STRING:
    case WEFT_MEMBER_ENUM:
    case WEFT_MEMBER_ITEMS:
    case WEFT_MEMBER_VERSION:
    default:
      break;
    }
  memset (value, 0, sizeof *value);
}

void
weft_member_copy (WeftDataset      *dataset,
                  const WeftMember *m,
                  gpointer          dest,
                  gconstpointer     src)
{
  WeftMemberValue value = { 0 };

  weft_member_value_copy (dataset, m, &value, src);
  weft_member_value_swap (m, dest, &value);
  /* @value now holds what @dest had: nothing but a date's storage. */
  weft_member_value_clear (m, &value);
}

void
weft_members_copy (WeftDataset           *dataset,
                   const WeftMemberTable *table,
                   gpointer               dest,
                   gconstpointer          src)
{
  JsonObject *extra = WEFT_MEMBER_FIELD (src, table->extra_offset, JsonObject *);

  for (guint i = 0; i < table->n_members; i++)
    weft_member_copy (dataset, &table->members[i], dest, src);
  /* Nothing changes unknown members once read: share them. */
  WEFT_MEMBER_FIELD (dest, table->extra_offset, JsonObject *) = extra ? json_object_ref (extra) : NULL;
}

static gboolean
strv_equal (const char * const *a,
            const char * const *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strv_equal ((const char * const *) a, (const char * const *) b);
}

gboolean
weft_members_equal (const WeftMemberTable *table,
                    gconstpointer          a,
                    gconstpointer          b)
{
  JsonObject *x = WEFT_MEMBER_FIELD (a, table->extra_offset, JsonObject *);
  JsonObject *y = WEFT_MEMBER_FIELD (b, table->extra_offset, JsonObject *);

  for (guint i = 0; i < table->n_members; i++)
    if (!weft_member_equal (&table->members[i], a, b))
      return FALSE;
  if (x == NULL || y == NULL)
    return x == y;
  return json_object_equal (x, y);
}

gboolean
weft_member_equal (const WeftMember *m,
                   gconstpointer     a,
                   gconstpointer     b)
{
  switch (m->type)
    {
    case WEFT_MEMBER_STRING:
    case WEFT_MEMBER_DATE:
      return g_strcmp0 (WEFT_MEMBER_FIELD (a, m->offset, const char *),
                        WEFT_MEMBER_FIELD (b, m->offset, const char *)) == 0;

    case WEFT_MEMBER_STRINGS:
      return strv_equal (WEFT_MEMBER_FIELD (a, m->offset, const char * const *),
                         WEFT_MEMBER_FIELD (b, m->offset, const char * const *));

    case WEFT_MEMBER_ENUM:
      return WEFT_MEMBER_FIELD (a, m->offset, guint) == WEFT_MEMBER_FIELD (b, m->offset, guint);

    case WEFT_MEMBER_JSON:
      {
        JsonNode *x = WEFT_MEMBER_FIELD (a, m->offset, JsonNode *);
        JsonNode *y = WEFT_MEMBER_FIELD (b, m->offset, JsonNode *);

        if (x == NULL || y == NULL)
          return x == y;
        return json_node_equal (x, y);
      }

    case WEFT_MEMBER_OBJECTS:
      if (LENGTH_OF (m, a) != LENGTH_OF (m, b))
        return FALSE;
      for (guint i = 0; i < LENGTH_OF (m, a); i++)
        if (!weft_members_equal (m->table, OBJECTS_OF (m, a) + i * m->table->size,
                                 OBJECTS_OF (m, b) + i * m->table->size))
          return FALSE;
      return TRUE;

    case WEFT_MEMBER_ITEMS:
    case WEFT_MEMBER_VERSION:
    default:
      return TRUE;
    }
}

gboolean
weft_member_has_references (const WeftMember *m)
{
  if (m->reference)
    return TRUE;
  if (m->type != WEFT_MEMBER_OBJECTS)
    return FALSE;
  for (guint i = 0; i < m->table->n_members; i++)
    if (weft_member_has_references (&m->table->members[i]))
      return TRUE;
  return FALSE;
}

void
weft_member_foreach_reference (const WeftMember *m,
                               gconstpointer     base,
                               gboolean          not_entities,
                               void            (*func) (const char *id,
                                                        gpointer    data),
                               gpointer          data)
{
  if (m->type == WEFT_MEMBER_OBJECTS)
    {
      for (guint i = 0; i < LENGTH_OF (m, base); i++)
        for (guint j = 0; j < m->table->n_members; j++)
          weft_member_foreach_reference (&m->table->members[j], OBJECTS_OF (m, base) + i * m->table->size,
                                         not_entities, func, data);
      return;
    }

  if (!m->reference || (not_entities && m->refers_to == WEFT_ITEM_ENTITY))
    return;

  if (m->type == WEFT_MEMBER_STRING)
    {
      const char *id = WEFT_MEMBER_FIELD (base, m->offset, const char *);

      if (id != NULL)
        func (id, data);
      return;
    }

  {
    const char * const *list = WEFT_MEMBER_FIELD (base, m->offset, const char * const *);

    for (guint i = 0; list != NULL && list[i] != NULL; i++)
      func (list[i], data);
  }
}

gboolean
weft_member_refers (const WeftMember *m,
                    gconstpointer     base,
                    const char       *id)
{
  if (m->type == WEFT_MEMBER_OBJECTS)
    {
      for (guint i = 0; i < LENGTH_OF (m, base); i++)
        for (guint j = 0; j < m->table->n_members; j++)
          if (weft_member_refers (&m->table->members[j], OBJECTS_OF (m, base) + i * m->table->size, id))
            return TRUE;
      return FALSE;
    }

  if (!m->reference)
    return FALSE;

  if (m->type == WEFT_MEMBER_STRING)
    return g_strcmp0 (WEFT_MEMBER_FIELD (base, m->offset, const char *), id) == 0;

  {
    const char * const *list = WEFT_MEMBER_FIELD (base, m->offset, const char * const *);

    return list != NULL && g_strv_contains (list, id);
  }
}
