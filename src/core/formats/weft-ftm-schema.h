/* weft-ftm-schema.h: what Weft knows of the FollowTheMoney schemata
 *
 * A table written from the FtM schema YAML (MIT licensed, see
 * ../shared/corpus/ftm-schema): for every schema that is not abstract, what
 * it becomes in Weft, the two ends of its edge and the properties of its
 * temporal extent (inherited ones included). tests/check-ftm-schema.py
 * compares it with the YAML files.
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include "weft-dataset.h"

G_BEGIN_DECLS

typedef enum {
  WEFT_FTM_ENTITY,     /* a Thing: an entity of a kind */
  WEFT_FTM_EDGE,       /* an interval with an edge: a relation between its two ends */
  WEFT_FTM_EVENT,      /* Event (and Trip): an event with involved and organizer */
  WEFT_FTM_SOURCE,     /* Document and what extends it: a source */
  WEFT_FTM_CITATION,   /* Documentation, Mention, Note: a claim citing a source */
  WEFT_FTM_UNMAPPED,   /* no Weft equivalent: an entity of kind other, with a warning */
} WeftFtmRole;

typedef struct {
  const char          *name;
  WeftFtmRole          role;
  WeftEntityKind       kind;           /* ENTITY and UNMAPPED */
  WeftSourceKind       source_kind;    /* SOURCE */
  const char          *source;         /* EDGE: the property of the edge's source; CITATION: the document */
  const char          *target;         /* EDGE: of its target; CITATION: the entity documented */
  gboolean             directed;       /* EDGE */
  const char          *relation_type;  /* EDGE: the Weft relation type */
  const char * const  *start;          /* temporal extent, NULL-terminated, or NULL */
  const char * const  *end;
  const char          *ancestors;      /* every schema it extends, directly or not, space-separated */
  const char          *source_range;   /* EDGE and CITATION: the schema @source must be (or extend) */
  const char          *target_range;   /* and @target */
} WeftFtmSchema;

/* The schema called @name, or NULL for an unknown or abstract one. */
const WeftFtmSchema *weft_ftm_schema_lookup      (const char     *name);
/* Every schema in the table, in alphabetical order. */
const WeftFtmSchema *weft_ftm_schema_list        (guint          *n_schemas);
/* Whether @schema is @other or extends it, as FtM's Schema.isA: what an
 * entity-valued property whose range is @other accepts. */
gboolean             weft_ftm_schema_is_a        (const WeftFtmSchema *schema,
                                                  const char          *other);
/* The edge schema whose relation type is @type ("owns" -> Ownership), or NULL. */
const WeftFtmSchema *weft_ftm_schema_for_relation (const char    *type);
/* The schema an entity of @kind is written as. */
const char          *weft_ftm_schema_for_kind    (WeftEntityKind  kind);

/* The schema a source of @kind is written as (Article, Table, Pages). */
const char          *weft_ftm_schema_for_source  (WeftSourceKind  kind);
/* The schema a claim is written as: Documentation when it cites a
 * source and is about something, else Note. */
const char          *weft_ftm_schema_for_claim   (const WeftClaim *claim);

/* An FtM date ("2010", "2010-05", "2010-05-03", "2010-05-03T10:00:00Z")
 * as EDTF without the time, or NULL when it is not a date. *@exact says
 * whether the EDTF is the value as written. */
char                *weft_ftm_date_to_edtf       (const char     *value,
                                                  gboolean       *exact);

G_END_DECLS
