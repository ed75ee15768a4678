/* weft-dataset.h: entities, events, claims, sources, relations and eras
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "weft-date.h"
#include "weft-diagnostics.h"

G_BEGIN_DECLS

#define WEFT_FORMAT_VERSION 1

typedef enum {
  WEFT_ITEM_NONE,
  WEFT_ITEM_SOURCE,
  WEFT_ITEM_ENTITY,
  WEFT_ITEM_EVENT,
  WEFT_ITEM_CLAIM,
  WEFT_ITEM_RELATION,
  WEFT_ITEM_ERA,
  WEFT_ITEM_VIEW,       /* a saved view (weft-saved-views.h) */
  WEFT_ITEM_STORY,      /* a story: steps, each a view or an event */
} WeftItemType;

/* The last item type: loops over every type run to it. */
#define WEFT_ITEM_LAST WEFT_ITEM_STORY

typedef enum {
  WEFT_SOURCE_ARTICLE,
  WEFT_SOURCE_REPORT,
  WEFT_SOURCE_SURVEY,
  WEFT_SOURCE_DATASET,
  WEFT_SOURCE_BOOK,
  WEFT_SOURCE_OTHER,
  WEFT_N_SOURCE_KINDS
} WeftSourceKind;

typedef enum {
  WEFT_ENTITY_ORGANIZATION,
  WEFT_ENTITY_COMPANY,
  WEFT_ENTITY_GOVERNMENT,
  WEFT_ENTITY_PERSON,
  WEFT_ENTITY_PLACE,
  WEFT_ENTITY_GROUP,
  WEFT_ENTITY_TECHNOLOGY,
  WEFT_ENTITY_PROGRAM,
  WEFT_ENTITY_OTHER,
  WEFT_N_ENTITY_KINDS
} WeftEntityKind;

typedef enum {
  WEFT_STATUS_REPORTED,
  WEFT_STATUS_ALLEGED,
  WEFT_STATUS_DISPUTED,
  WEFT_STATUS_CONFIRMED,
  WEFT_STATUS_DENIED,
  WEFT_STATUS_OPINION,
  WEFT_N_STATUSES
} WeftClaimStatus;

/* What was done to an item, in its provenance. */
typedef enum {
  WEFT_HISTORY_CREATED,
  WEFT_HISTORY_CHANGED,
  WEFT_HISTORY_MERGED,
  WEFT_HISTORY_IMPORTED,
  WEFT_N_HISTORY_ACTIONS
} WeftHistoryAction;

/* One record of an item's provenance: the member "history" of an item in
 * the .weft format, a list of these, oldest first. */
typedef struct {
  const char         *at;       /* ISO 8601 UTC: "2024-05-01T09:30:00Z" */
  const char         *by;       /* who, as the editor named them */
  WeftHistoryAction   action;
  const char        **fields;   /* names of the members it changed,
                                 * NULL-terminated; or NULL */
  const char         *note;     /* or NULL */
  JsonObject         *extra;
} WeftHistoryEntry;

/* Every item starts with this header, so a WeftItem * can be cast to the
 * struct its type names. Strings belong to the dataset. */
typedef struct {
  WeftItemType      type;
  guint             index;      /* position in its kind's array */
  const char       *id;
  JsonObject       *extra;      /* members Weft does not know, kept for saving; or NULL */
  WeftHistoryEntry *history;    /* provenance, oldest first (n_history of them) */
  guint             n_history;
  gboolean          in_block;   /* its memory is the dataset's (items read), not its own (an edit's) */
} WeftItem;

typedef struct {
  WeftItem        item;
  const char     *title;
  const char     *publisher;  /* or NULL, as every optional string below */
  const char     *author;
  const char     *date_text;
  WeftDate        date;       /* valid when date_text != NULL */
  const char     *url;
  WeftSourceKind  kind;
  const char     *cited_by;   /* id of the source that cites this one */
} WeftSource;

typedef struct {
  WeftItem        item;
  const char     *name;
  WeftEntityKind  kind;
  const char    **aliases;    /* NULL-terminated, or NULL */
  const char     *description;
  const char    **tags;
  const char     *country;
} WeftEntity;

typedef struct {
  const char *entity;         /* id */
  const char *role;
  JsonObject *extra;
} WeftParticipant;

typedef struct {
  WeftItem         item;
  const char      *title;
  const char      *date_text;
  WeftDate         date;
  const char      *description;
  WeftParticipant *participants;
  guint            n_participants;
  const char     **claims;    /* ids */
  const char      *group;
  const char     **tags;
} WeftEvent;

typedef struct {
  const char *source;         /* id */
  const char *quote;
  const char *locator;
  JsonObject *extra;
} WeftCitation;

typedef struct {
  WeftItem         item;
  const char      *text;
  WeftClaimStatus  status;
  const char      *claimant;  /* id */
  const char     **about;     /* ids */
  const char      *date_text;
  WeftDate         date;
  WeftCitation    *citations;
  guint            n_citations;
} WeftClaim;

typedef struct {
  WeftItem        item;
  const char     *from;       /* ids */
  const char     *to;
  const char     *type;
  const char     *label;
  const char     *date_text;
  WeftDate        date;
  const char    **claims;
} WeftRelation;

typedef struct {
  WeftItem    item;
  const char *title;
  const char *date_text;
  WeftDate    date;
  const char *color;
} WeftEra;

/* Which panes a saved view shows. */
typedef enum {
  WEFT_LAYOUT_BOTH,
  WEFT_LAYOUT_TIMELINE,
  WEFT_LAYOUT_GRAPH,
  WEFT_N_LAYOUTS
} WeftViewLayout;

/* A saved view: the state of both panes under a title (the "views" of a
 * .weft file). Every member but the id may be missing (NULL, or for
 * hops and graph a NULL node): it takes its default. The ids it names
 * may name nothing (the item was deleted): a warning, not an error. */
typedef struct {
  WeftItem      item;
  const char   *title;
  const char   *note;
  const char   *focus;          /* an entity's id */
  JsonNode     *hops;           /* a whole number */
  const char   *window_text;    /* EDTF interval: the time window */
  WeftDate      window;
  const char  **hidden_kinds;   /* entity kinds not shown */
  const char  **statuses;       /* claim statuses shown */
  const char   *search;
  const char   *selected;       /* an item's id */
  const char  **path;           /* [from, to]: entity ids */
  WeftViewLayout layout;
  const char   *span_text;      /* EDTF interval: the timeline's visible span */
  WeftDate      span;
  JsonNode     *graph;          /* {"zoom", "centre": [x, y]} */
  JsonNode     *split;          /* both panes: the timeline's share of the height, in (0, 1) */
} WeftView;

/* One step of a story: a view or an event (one of the two), and a note. */
typedef struct {
  const char *view;
  const char *event;
  const char *note;
  JsonObject *extra;
} WeftStoryStep;

typedef struct {
  WeftItem       item;
  const char    *title;
  WeftStoryStep *steps;
  guint          n_steps;
} WeftStory;

#define WEFT_TYPE_DATASET (weft_dataset_get_type ())
G_DECLARE_FINAL_TYPE (WeftDataset, weft_dataset, WEFT, DATASET, GObject)

/* ---- Building (loaders and importers) ---------------------------------- */

/* A new, empty dataset to build (unref it). */
WeftDataset   *weft_dataset_new               (void);
/* Copies @string into the dataset's storage and returns the copy, which
 * the dataset owns; NULL stays NULL. */
const char    *weft_dataset_intern            (WeftDataset     *self,
                                               const char      *string);
/* Appends an interned copy of @string to a NULL-terminated list owned by
 * the item (aliases, tags, claims, about). */
void           weft_dataset_strv_append       (WeftDataset     *self,
                                               const char    ***list,
                                               const char      *string);

/* The dataset's title, description and language (copied). */
void           weft_dataset_set_title         (WeftDataset     *self,
                                               const char      *title);
void           weft_dataset_set_description   (WeftDataset     *self,
                                               const char      *description);
void           weft_dataset_set_language      (WeftDataset     *self,
                                               const char      *language);
/* Top-level members Weft does not know; takes ownership. */
void           weft_dataset_set_extra         (WeftDataset     *self,
                                               JsonObject      *extra);

/* Each returns a zero-filled item with its id (and required strings)
 * interned; fill the rest with weft_dataset_intern(). Dates are parsed by
 * the caller (so it can point at the right column) and copied. The items
 * belong to the dataset. set_item_date sets an item's date (text copied,
 * @date may be NULL). */
WeftSource    *weft_dataset_add_source        (WeftDataset     *self,
                                               const char      *id,
                                               const char      *title,
                                               WeftSourceKind   kind);
WeftEntity    *weft_dataset_add_entity        (WeftDataset     *self,
                                               const char      *id,
                                               const char      *name,
                                               WeftEntityKind   kind);
WeftEvent     *weft_dataset_add_event         (WeftDataset     *self,
                                               const char      *id,
                                               const char      *title,
                                               const char      *date_text,
                                               const WeftDate  *date);
WeftClaim     *weft_dataset_add_claim         (WeftDataset     *self,
                                               const char      *id,
                                               const char      *text,
                                               WeftClaimStatus  status);
WeftRelation  *weft_dataset_add_relation      (WeftDataset     *self,
                                               const char      *id,
                                               const char      *from,
                                               const char      *to,
                                               const char      *type);
WeftEra       *weft_dataset_add_era           (WeftDataset     *self,
                                               const char      *id,
                                               const char      *title,
                                               const char      *date_text,
                                               const WeftDate  *date);
void           weft_dataset_set_item_date     (WeftDataset     *self,
                                               WeftItem        *item,
                                               const char      *date_text,
                                               const WeftDate  *date);
WeftParticipant *weft_dataset_add_participant (WeftDataset     *self,
                                               WeftEvent       *event,
                                               const char      *entity,
                                               const char      *role);
WeftCitation  *weft_dataset_add_citation      (WeftDataset     *self,
                                               WeftClaim       *claim,
                                               const char      *source,
                                               const char      *quote,
                                               const char      *locator);

/* Checks ids and references and builds the indexes. Problems go to
 * @diagnostics with JSON paths ("events[2].participants[0].entity").
 * Returns FALSE when there were errors; the dataset must not be queried
 * then. After this the dataset is read-only. */
gboolean       weft_dataset_finish            (WeftDataset     *self,
                                               WeftDiagnostics *diagnostics);
/* Whether weft_dataset_finish() has run. */
gboolean       weft_dataset_is_finished       (WeftDataset     *self);

/* ---- Reading ----------------------------------------------------------- */

/* Borrowed; NULL when not set. */
const char    *weft_dataset_get_title         (WeftDataset     *self);
const char    *weft_dataset_get_description   (WeftDataset     *self);
const char    *weft_dataset_get_language      (WeftDataset     *self);
JsonObject    *weft_dataset_get_extra         (WeftDataset     *self);

/* Element types WeftSource *, WeftEntity *, …; in file order; borrowed. */
GPtrArray     *weft_dataset_get_sources       (WeftDataset     *self);
GPtrArray     *weft_dataset_get_entities      (WeftDataset     *self);
GPtrArray     *weft_dataset_get_events        (WeftDataset     *self);
GPtrArray     *weft_dataset_get_claims        (WeftDataset     *self);
GPtrArray     *weft_dataset_get_relations     (WeftDataset     *self);
GPtrArray     *weft_dataset_get_eras          (WeftDataset     *self);

/* The item with @id (after finish), borrowed; NULL when there is none (or
 * it is not an entity, for lookup_entity). */
WeftItem      *weft_dataset_lookup            (WeftDataset     *self,
                                               const char      *id);
WeftEntity    *weft_dataset_lookup_entity     (WeftDataset     *self,
                                               const char      *id);

/* The item's display name: name, title, or text (borrowed). */
const char    *weft_item_get_label            (const WeftItem  *item);
/* The item's date (borrowed), or NULL when it has none. */
const WeftDate *weft_item_get_date            (const WeftItem  *item);

/* Indexes (after finish). Arrays are borrowed, *n_out receives the length. */
/* Events an entity takes part in, by date. */
WeftEvent    **weft_dataset_get_entity_events    (WeftDataset  *self,
                                                  WeftEntity   *entity,
                                                  guint        *n_out);
/* Claims about the entity or made by it, in file order. */
WeftClaim    **weft_dataset_get_entity_claims    (WeftDataset  *self,
                                                  WeftEntity   *entity,
                                                  guint        *n_out);
/* Relations from or to the entity, in file order. */
WeftRelation **weft_dataset_get_entity_relations (WeftDataset  *self,
                                                  WeftEntity   *entity,
                                                  guint        *n_out);
/* The events, relations (through their "claims") that cite a claim. */
WeftEvent    **weft_dataset_get_claim_events     (WeftDataset  *self,
                                                  WeftClaim    *claim,
                                                  guint        *n_out);
WeftRelation **weft_dataset_get_claim_relations  (WeftDataset  *self,
                                                  WeftClaim    *claim,
                                                  guint        *n_out);
/* Resolved claims of an event or relation: a new array of borrowed
 * WeftClaim * (unref it). */
GPtrArray     *weft_dataset_dup_item_claims      (WeftDataset  *self,
                                                  WeftItem     *item);
/* Events sorted by date (lower, then upper bound). */
WeftEvent    **weft_dataset_get_events_by_date   (WeftDataset  *self,
                                                  guint        *n_out);
/* Stores the earliest lower and latest upper bound of every dated item
 * that is not open-ended; returns FALSE when nothing is dated. */
gboolean       weft_dataset_get_date_range       (WeftDataset  *self,
                                                  gint64       *lower,
                                                  gint64       *upper);

/* ---- Names of enum values ---------------------------------------------- */

/* Names as the .weft format writes them (static), and back: FALSE when
 * @string is no value's name. Labels are translated, static too. */

const char    *weft_source_kind_to_string     (WeftSourceKind  kind);
gboolean       weft_source_kind_from_string   (const char     *string,
                                               WeftSourceKind *kind);
const char    *weft_entity_kind_to_string     (WeftEntityKind  kind);
gboolean       weft_entity_kind_from_string   (const char     *string,
                                               WeftEntityKind *kind);
const char    *weft_entity_kind_label         (WeftEntityKind  kind);  /* translated */
const char    *weft_claim_status_to_string    (WeftClaimStatus status);
gboolean       weft_claim_status_from_string  (const char     *string,
                                               WeftClaimStatus *status);
const char    *weft_claim_status_label        (WeftClaimStatus status); /* translated */
const char    *weft_item_type_label           (WeftItemType    type);   /* translated */

G_END_DECLS
