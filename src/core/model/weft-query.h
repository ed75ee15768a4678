/* weft-query.h: questions asked of a dataset
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include "weft-dataset.h"

G_BEGIN_DECLS

/* A part of the dataset: what a view shows. Arrays hold borrowed items in
 * a stable order (entities by distance then file order, the rest in file
 * order). */
typedef struct {
  GPtrArray  *entities;    /* WeftEntity * */
  GArray     *hops;        /* guint per entity: distance from the focus (0 without one) */
  GPtrArray  *relations;   /* WeftRelation *, between entities of the subgraph */
  GPtrArray  *events;      /* WeftEvent * */
  GPtrArray  *claims;      /* WeftClaim * */
  GHashTable *brought_by;  /* in a neighbourhood, each entity but the focus -> the
                            * WeftLink that brought it in; else NULL */
} WeftSubgraph;

/* How one entity is linked to another: @via is the relation, the shared
 * event or the claim that names both. */
typedef struct {
  WeftEntity *from;
  WeftItem   *via;
} WeftLink;

/* Which links a path (or a neighbourhood) may follow. */
typedef struct {
  guint    excluded_kinds;   /* 1 << WeftEntityKind: a path does not pass through these
                              * (its two ends may be of any kind) */
  guint    statuses;         /* 1 << WeftClaimStatus: a link counts only when a claim of
                              * one of these stands behind it; 0: every link counts */
  gboolean named_together;   /* entities named in the same event or claim are linked;
                              * FALSE: relations only */
} WeftLinkOptions;

/* Every link counts. */
void           weft_link_options_init        (WeftLinkOptions *options);

/* Nothing yet: empty arrays. */
WeftSubgraph  *weft_subgraph_new             (void);
/* Frees @subgraph and its arrays (not the items, which the dataset owns). */
void           weft_subgraph_free            (WeftSubgraph *subgraph);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WeftSubgraph, weft_subgraph_free)

/* Everything. Each function that returns a WeftSubgraph returns a new one:
 * free it with weft_subgraph_free(). */
WeftSubgraph  *weft_dataset_all              (WeftDataset  *self);

/* Entities linked to @entity by a relation, a shared event or a claim that
 * names both; each once, in the order first found. A new array of borrowed
 * WeftEntity * (unref it). */
GPtrArray     *weft_dataset_neighbours       (WeftDataset  *self,
                                              WeftEntity   *entity);

/* weft_dataset_neighbourhood() over the links @options allows (of them,
 * only named_together applies), with brought_by filled in: each entity
 * is brought in by a relation where one links it to the level before. */
WeftSubgraph  *weft_dataset_neighbourhood_with (WeftDataset           *self,
                                                WeftEntity            *entity,
                                                guint                  hops,
                                                const WeftLinkOptions *options);

/* @entity and every entity within @hops links of it (relations, shared
 * events, shared claims), with the relations among them, the events whose
 * participants are all inside and that include at least one of them…:
 * precisely, events with a participant inside, claims about an entity
 * inside, relations with both ends inside. */
WeftSubgraph  *weft_dataset_neighbourhood    (WeftDataset  *self,
                                              WeftEntity   *entity,
                                              guint         hops);

/* What happened between @lower and @upper (days, inclusive): events whose
 * dates overlap the window, dated relations and claims that overlap it,
 * undated relations and claims whose ends are all active in the window,
 * and the entities that take part in any of these. */
WeftSubgraph  *weft_dataset_window           (WeftDataset  *self,
                                              gint64        lower,
                                              gint64        upper);

typedef struct {
  WeftEntity *from;
  WeftEntity *to;
  WeftItem   *via;        /* the relation, shared event or claim */
  GPtrArray  *evidence;   /* WeftClaim *: the claims behind @via */
} WeftHop;

/* The shortest chain of links from @from to @to; relations are preferred
 * to shared events, and those to shared claims, when chains are equally
 * short. Returns a new array of WeftHop * (empty when @from == @to), which
 * frees its hops when unreffed, or NULL when no chain exists. */
GPtrArray     *weft_dataset_shortest_path    (WeftDataset  *self,
                                              WeftEntity   *from,
                                              WeftEntity   *to);
/* The same over the links @options allows (NULL: every link). */
GPtrArray     *weft_dataset_shortest_path_with (WeftDataset           *self,
                                                WeftEntity            *from,
                                                WeftEntity            *to,
                                                const WeftLinkOptions *options);

/* ---- Search ------------------------------------------------------------
 *
 * A query finds every text that contains it (the spaces around it left
 * out), ignoring case; accents are ignored unless the query has some:
 * "peru" finds "Perú" and "Peru", "perú" only "Perú". Searched: entity
 * names and aliases, event titles and descriptions, claim texts and their
 * quotes, relation types and labels, source titles and era titles. */

/* What a match is, in the order results are grouped. */
typedef enum {
  WEFT_MATCH_ENTITY,
  WEFT_MATCH_EVENT,
  WEFT_MATCH_CLAIM,
  WEFT_MATCH_CITATION,   /* a quote; the item is its claim */
  WEFT_MATCH_RELATION,
  WEFT_MATCH_SOURCE,
  WEFT_MATCH_ERA,
  WEFT_N_MATCH_KINDS
} WeftMatchKind;

/* Which text of the item matched. */
typedef enum {
  WEFT_MATCH_FIELD_NAME,
  WEFT_MATCH_FIELD_ALIAS,
  WEFT_MATCH_FIELD_TITLE,
  WEFT_MATCH_FIELD_DESCRIPTION,
  WEFT_MATCH_FIELD_TEXT,
  WEFT_MATCH_FIELD_QUOTE,
  WEFT_MATCH_FIELD_TYPE,
  WEFT_MATCH_FIELD_LABEL,
} WeftMatchField;

typedef struct {
  WeftMatchKind   kind;
  WeftItem       *item;      /* borrowed; for a quote, its claim */
  WeftMatchField  field;
  const char     *text;      /* the whole text that matched (borrowed) */
  guint           citation;  /* a quote: the index of its citation in the claim */
} WeftMatch;

/* One match an item, by its first field that matches (a name before an
 * alias, a title before a description), and one more for each quote of a
 * claim that matches. */
typedef struct {
  char   *query;
  GArray *matches;                      /* WeftMatch, kind by kind, file order within */
  guint   first[WEFT_N_MATCH_KINDS];    /* where each kind starts in @matches */
  guint   counts[WEFT_N_MATCH_KINDS];   /* and how many it has */
} WeftSearchResults;

/* Everything @text finds (nothing for a blank query). Never NULL; free
 * with weft_search_results_free(). */
WeftSearchResults *weft_dataset_search_all        (WeftDataset             *self,
                                                   const char              *text);
void               weft_search_results_free       (WeftSearchResults       *results);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WeftSearchResults, weft_search_results_free)

/* The events a search reaches, as the timeline lights them: the events
 * found, those citing a claim found (by its text or a quote), and those an
 * entity found takes part in; each once, in file order. A new array of
 * borrowed WeftEvent * (unref it). */
GPtrArray         *weft_search_results_dup_events (const WeftSearchResults *results,
                                                   WeftDataset             *dataset);

/* "entity", "event", "claim", "citation", "relation", "source", "era":
 * the names `weft search` prints (static, not translated). */
const char        *weft_match_kind_to_string      (WeftMatchKind            kind);

/* The items @text finds (as above), each once, entities first, at most
 * @limit of them (0 for no limit). A new array of borrowed WeftItem *
 * (unref it). */
GPtrArray         *weft_dataset_search            (WeftDataset             *self,
                                                   const char              *text,
                                                   guint                    limit);

/* Whether @item matches @needle, a query already stripped of spaces
 * (folding it with g_utf8_casefold() first is allowed, not needed). */
gboolean           weft_item_matches              (const WeftItem          *item,
                                                   const char              *needle);

G_END_DECLS
