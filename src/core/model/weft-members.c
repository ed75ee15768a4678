/* weft-members.c: the member tables of the .weft format
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <stddef.h>

#include "weft-dataset-private.h"
#include "weft-members.h"

/* An ENUM member's value is read and written as a guint. */
G_STATIC_ASSERT (sizeof (WeftSourceKind) == sizeof (guint));
G_STATIC_ASSERT (sizeof (WeftEntityKind) == sizeof (guint));
G_STATIC_ASSERT (sizeof (WeftClaimStatus) == sizeof (guint));

#define TABLE(item_type, Struct, extra, list) \
  { item_type, sizeof (Struct), offsetof (Struct, extra), list, G_N_ELEMENTS (list) }

#define STRING(Struct, name, field, required) \
  { name, WEFT_MEMBER_STRING, required, offsetof (Struct, field), 0, NULL, 0, NULL, FALSE }
#define STRINGS(Struct, name, field, required) \
  { name, WEFT_MEMBER_STRINGS, required, offsetof (Struct, field), 0, NULL, 0, NULL, FALSE }
#define REFERENCE(Struct, name, field, required) \
  { name, WEFT_MEMBER_STRING, required, offsetof (Struct, field), 0, NULL, 0, NULL, TRUE }
#define REFERENCES(Struct, name, field, required) \
  { name, WEFT_MEMBER_STRINGS, required, offsetof (Struct, field), 0, NULL, 0, NULL, TRUE }
#define DATE(Struct, required) \
  { "date", WEFT_MEMBER_DATE, required, offsetof (Struct, date_text), 0, NULL, 0, NULL, FALSE }
#define ENUM(Struct, name, field, names, fallback) \
  { name, WEFT_MEMBER_ENUM, TRUE, offsetof (Struct, field), 0, names, fallback, NULL, FALSE }
#define OBJECTS(Struct, name, field, length, table) \
  { name, WEFT_MEMBER_OBJECTS, TRUE, offsetof (Struct, field), offsetof (Struct, length), NULL, 0, &table, FALSE }
#define ITEMS(name, table) \
  { name, WEFT_MEMBER_ITEMS, FALSE, 0, 0, NULL, 0, &table, FALSE }
#define ID(Struct) \
  STRING (Struct, "id", item.id, TRUE)

static const WeftMember source_list[] = {
  ID (WeftSource),
  STRING (WeftSource, "title", title, TRUE),
  STRING (WeftSource, "publisher", publisher, FALSE),
  STRING (WeftSource, "author", author, FALSE),
  DATE (WeftSource, FALSE),
  STRING (WeftSource, "url", url, FALSE),
  ENUM (WeftSource, "kind", kind, weft_source_kind_names, WEFT_SOURCE_OTHER),
  REFERENCE (WeftSource, "cited_by", cited_by, FALSE),
};

static const WeftMember entity_list[] = {
  ID (WeftEntity),
  STRING (WeftEntity, "name", name, TRUE),
  ENUM (WeftEntity, "kind", kind, weft_entity_kind_names, WEFT_ENTITY_OTHER),
  STRINGS (WeftEntity, "aliases", aliases, FALSE),
  STRING (WeftEntity, "description", description, FALSE),
  STRINGS (WeftEntity, "tags", tags, FALSE),
  STRING (WeftEntity, "country", country, FALSE),
};

static const WeftMember participant_list[] = {
  REFERENCE (WeftParticipant, "entity", entity, TRUE),
  STRING (WeftParticipant, "role", role, FALSE),
};

static const WeftMemberTable participant_members =
  TABLE (WEFT_ITEM_NONE, WeftParticipant, extra, participant_list);

static const WeftMember event_list[] = {
  ID (WeftEvent),
  STRING (WeftEvent, "title", title, TRUE),
  DATE (WeftEvent, TRUE),
  STRING (WeftEvent, "description", description, FALSE),
  OBJECTS (WeftEvent, "participants", participants, n_participants, participant_members),
  REFERENCES (WeftEvent, "claims", claims, FALSE),
  STRING (WeftEvent, "group", group, FALSE),
  STRINGS (WeftEvent, "tags", tags, FALSE),
};

static const WeftMember citation_list[] = {
  REFERENCE (WeftCitation, "source", source, TRUE),
  STRING (WeftCitation, "quote", quote, TRUE),
  STRING (WeftCitation, "locator", locator, FALSE),
};

static const WeftMemberTable citation_members =
  TABLE (WEFT_ITEM_NONE, WeftCitation, extra, citation_list);

static const WeftMember claim_list[] = {
  ID (WeftClaim),
  STRING (WeftClaim, "text", text, TRUE),
  ENUM (WeftClaim, "status", status, weft_claim_status_names, WEFT_STATUS_REPORTED),
  REFERENCE (WeftClaim, "claimant", claimant, FALSE),
  REFERENCES (WeftClaim, "about", about, TRUE),
  DATE (WeftClaim, FALSE),
  OBJECTS (WeftClaim, "citations", citations, n_citations, citation_members),
};

static const WeftMember relation_list[] = {
  ID (WeftRelation),
  REFERENCE (WeftRelation, "from", from, TRUE),
  REFERENCE (WeftRelation, "to", to, TRUE),
  STRING (WeftRelation, "type", type, TRUE),
  STRING (WeftRelation, "label", label, FALSE),
  DATE (WeftRelation, FALSE),
  REFERENCES (WeftRelation, "claims", claims, FALSE),
};

static const WeftMember era_list[] = {
  ID (WeftEra),
  STRING (WeftEra, "title", title, TRUE),
  DATE (WeftEra, TRUE),
  STRING (WeftEra, "color", color, FALSE),
};

static const WeftMemberTable source_members = TABLE (WEFT_ITEM_SOURCE, WeftSource, item.extra, source_list);
static const WeftMemberTable entity_members = TABLE (WEFT_ITEM_ENTITY, WeftEntity, item.extra, entity_list);
static const WeftMemberTable event_members = TABLE (WEFT_ITEM_EVENT, WeftEvent, item.extra, event_list);
static const WeftMemberTable claim_members = TABLE (WEFT_ITEM_CLAIM, WeftClaim, item.extra, claim_list);
static const WeftMemberTable relation_members = TABLE (WEFT_ITEM_RELATION, WeftRelation, item.extra, relation_list);
static const WeftMemberTable era_members = TABLE (WEFT_ITEM_ERA, WeftEra, item.extra, era_list);

static const WeftMember file_list[] = {
  { "weft", WEFT_MEMBER_VERSION, TRUE, 0, 0, NULL, 0, NULL, FALSE },
  STRING (WeftDatasetHeader, "title", title, TRUE),
  STRING (WeftDatasetHeader, "description", description, FALSE),
  STRING (WeftDatasetHeader, "language", language, FALSE),
  ITEMS ("sources", source_members),
  ITEMS ("entities", entity_members),
  ITEMS ("events", event_members),
  ITEMS ("claims", claim_members),
  ITEMS ("relations", relation_members),
  ITEMS ("eras", era_members),
};

const WeftMemberTable weft_file_members = TABLE (WEFT_ITEM_NONE, WeftDatasetHeader, extra, file_list);

G_STATIC_ASSERT (G_N_ELEMENTS (file_list) <= WEFT_MEMBERS_MAX);
G_STATIC_ASSERT (G_N_ELEMENTS (source_list) <= WEFT_MEMBERS_MAX);
G_STATIC_ASSERT (G_N_ELEMENTS (event_list) <= WEFT_MEMBERS_MAX);

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
