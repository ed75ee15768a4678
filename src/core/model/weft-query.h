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
void           weft_subgraph_free            (WeftSubgraph *subgraph);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WeftSubgraph, weft_subgraph_free)

/* Everything. */
WeftSubgraph  *weft_dataset_all              (WeftDataset  *self);

/* Entities linked to @entity by a relation, a shared event or a claim that
 * names both; each once, in the order first found. */
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
 * short. Returns an array of WeftHop * (empty when @from == @to), or NULL
 * when no chain exists. */
GPtrArray     *weft_dataset_shortest_path    (WeftDataset  *self,
                                              WeftEntity   *from,
                                              WeftEntity   *to);
/* The same over the links @options allows (NULL: every link). */
GPtrArray     *weft_dataset_shortest_path_with (WeftDataset           *self,
                                                WeftEntity            *from,
                                                WeftEntity            *to,
                                                const WeftLinkOptions *options);

/* Case-insensitive search over entity names and aliases, event titles and
 * descriptions, claim texts and quotes, relation types and labels, source
 * titles and era titles. Returns borrowed WeftItem *, entities first, at
 * most @limit of them (0 for no limit). */
GPtrArray     *weft_dataset_search           (WeftDataset  *self,
                                              const char   *text,
                                              guint         limit);

/* Whether @item matches a search already folded with g_utf8_casefold(). */
gboolean       weft_item_matches             (const WeftItem *item,
                                              const char     *folded_needle);

G_END_DECLS
