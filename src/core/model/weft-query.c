/* weft-query.c: neighbourhoods, windows, paths and search
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include "weft-query.h"

typedef void (*LinkFunc) (WeftEntity *other,
                          WeftItem   *via,
                          gpointer    user_data);

void
weft_link_options_init (WeftLinkOptions *options)
{
  *options = (WeftLinkOptions) { 0, 0, TRUE };
}

/* Whether a claim of a status in @statuses stands behind @via: @via
 * itself when it is a claim, else the claims that cite it. */
static gboolean
supported (WeftDataset *self,
           WeftItem    *via,
           guint        statuses)
{
  g_autoptr(GPtrArray) claims = NULL;

  if (statuses == 0)
    return TRUE;
  if (via->type == WEFT_ITEM_CLAIM)
    return (statuses & (1u << ((WeftClaim *) via)->status)) != 0;
  claims = weft_dataset_dup_item_claims (self, via);
  for (guint i = 0; i < claims->len; i++)
    if (statuses & (1u << ((WeftClaim *) g_ptr_array_index (claims, i))->status))
      return TRUE;
  return FALSE;
}

/* Calls @func for every link from @entity that @options allows (NULL:
 * every one): relations first, then shared events, then claims naming
 * both. */
static void
for_each_link (WeftDataset           *self,
               WeftEntity            *entity,
               const WeftLinkOptions *options,
               LinkFunc               func,
               gpointer               user_data)
{
  gboolean together = options == NULL || options->named_together;
  guint statuses = options != NULL ? options->statuses : 0;
  guint n;
  WeftRelation **relations = weft_dataset_get_entity_relations (self, entity, &n);

#define LINK(other_id, via) G_STMT_START { \
    WeftEntity *other_ = weft_dataset_lookup_entity (self, (other_id)); \
    if (other_ != NULL && other_ != entity && supported (self, (via), statuses)) \
      func (other_, (via), user_data); \
  } G_STMT_END

  for (guint i = 0; i < n; i++)
    LINK (g_str_equal (relations[i]->from, entity->item.id) ? relations[i]->to : relations[i]->from,
          &relations[i]->item);
  if (!together)
    return;

  {
    WeftEvent **events = weft_dataset_get_entity_events (self, entity, &n);

    for (guint i = 0; i < n; i++)
      for (guint j = 0; j < events[i]->n_participants; j++)
        LINK (events[i]->participants[j].entity, &events[i]->item);
  }

  {
    WeftClaim **claims = weft_dataset_get_entity_claims (self, entity, &n);

    for (guint i = 0; i < n; i++)
      {
        if (claims[i]->claimant != NULL)
          LINK (claims[i]->claimant, &claims[i]->item);
        for (guint j = 0; claims[i]->about != NULL && claims[i]->about[j] != NULL; j++)
          LINK (claims[i]->about[j], &claims[i]->item);
      }
  }
#undef LINK
}

/* ---- Subgraphs ---------------------------------------------------------- */

void
weft_subgraph_free (WeftSubgraph *subgraph)
{
  if (subgraph == NULL)
    return;

  g_ptr_array_unref (subgraph->entities);
  g_array_unref (subgraph->hops);
  g_ptr_array_unref (subgraph->relations);
  g_ptr_array_unref (subgraph->events);
  g_ptr_array_unref (subgraph->claims);
  g_clear_pointer (&subgraph->brought_by, g_hash_table_unref);
  g_free (subgraph);
}

WeftSubgraph *
weft_subgraph_new (void)
{
  WeftSubgraph *s = g_new0 (WeftSubgraph, 1);

  s->entities = g_ptr_array_new ();
  s->hops = g_array_new (FALSE, FALSE, sizeof (guint));
  s->relations = g_ptr_array_new ();
  s->events = g_ptr_array_new ();
  s->claims = g_ptr_array_new ();
  return s;
}

static void
copy_all (GPtrArray *into,
          GPtrArray *from)
{
  for (guint i = 0; i < from->len; i++)
    g_ptr_array_add (into, g_ptr_array_index (from, i));
}

WeftSubgraph *
weft_dataset_all (WeftDataset *self)
{
  WeftSubgraph *s = weft_subgraph_new ();
  guint zero = 0;

  copy_all (s->entities, weft_dataset_get_entities (self));
  for (guint i = 0; i < s->entities->len; i++)
    g_array_append_val (s->hops, zero);
  copy_all (s->relations, weft_dataset_get_relations (self));
  copy_all (s->events, weft_dataset_get_events (self));
  copy_all (s->claims, weft_dataset_get_claims (self));
  return s;
}

static int
compare_index (gconstpointer a,
               gconstpointer b)
{
  const WeftItem *x = *(WeftItem * const *) a;
  const WeftItem *y = *(WeftItem * const *) b;

  return x->index < y->index ? -1 : (x->index > y->index);
}

/* Adds @item to @array unless @seen has it. */
static void
add_once (GHashTable *seen,
          GPtrArray  *array,
          gpointer    item)
{
  if (g_hash_table_add (seen, item))
    g_ptr_array_add (array, item);
}

static gboolean
relation_inside (WeftDataset  *self,
                 WeftRelation *r,
                 GHashTable   *inside)
{
  WeftItem *from = weft_dataset_lookup (self, r->from);
  WeftItem *to = weft_dataset_lookup (self, r->to);

  return from != NULL && to != NULL &&
         g_hash_table_contains (inside, from) && g_hash_table_contains (inside, to);
}

/* Fills the relations, events and claims of a subgraph whose entities are
 * in @inside. */
static void
fill_around (WeftDataset  *self,
             WeftSubgraph *s,
             GHashTable   *inside)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < s->entities->len; i++)
    {
      WeftEntity *e = g_ptr_array_index (s->entities, i);
      guint n;
      WeftRelation **relations = weft_dataset_get_entity_relations (self, e, &n);

      for (guint j = 0; j < n; j++)
        if (relation_inside (self, relations[j], inside))
          add_once (seen, s->relations, relations[j]);

      {
        WeftEvent **events = weft_dataset_get_entity_events (self, e, &n);
        for (guint j = 0; j < n; j++)
          add_once (seen, s->events, events[j]);
      }
      {
        WeftClaim **claims = weft_dataset_get_entity_claims (self, e, &n);
        for (guint j = 0; j < n; j++)
          add_once (seen, s->claims, claims[j]);
      }
    }

  g_ptr_array_sort (s->relations, compare_index);
  g_ptr_array_sort (s->events, compare_index);
  g_ptr_array_sort (s->claims, compare_index);
}

typedef struct {
  GHashTable *inside;
  GPtrArray  *next;
  GHashTable *brought_by;  /* or NULL */
  WeftEntity *current;     /* the entity whose links are followed */
} Expand;

static void
expand_link (WeftEntity *other,
             WeftItem   *via,
             gpointer    user_data)
{
  Expand *x = user_data;
  WeftLink *link;

  if (g_hash_table_add (x->inside, other))
    {
      g_ptr_array_add (x->next, other);
      if (x->brought_by != NULL)
        {
          link = g_new (WeftLink, 1);
          *link = (WeftLink) { x->current, via };
          g_hash_table_insert (x->brought_by, other, link);
        }
      return;
    }

  /* Found again in the same round: a relation is the better reason. */
  link = x->brought_by != NULL ? g_hash_table_lookup (x->brought_by, other) : NULL;
  if (link != NULL && link->via->type != WEFT_ITEM_RELATION && via->type == WEFT_ITEM_RELATION &&
      g_ptr_array_find (x->next, other, NULL))
    *link = (WeftLink) { x->current, via };
}

WeftSubgraph *
weft_dataset_neighbourhood (WeftDataset *self,
                            WeftEntity  *entity,
                            guint        hops)
{
  WeftSubgraph *s = weft_dataset_neighbourhood_with (self, entity, hops, NULL);

  g_clear_pointer (&s->brought_by, g_hash_table_unref);
  return s;
}

WeftSubgraph *
weft_dataset_neighbourhood_with (WeftDataset           *self,
                                 WeftEntity            *entity,
                                 guint                  hops,
                                 const WeftLinkOptions *options)
{
  WeftSubgraph *s = weft_subgraph_new ();
  g_autoptr(GHashTable) inside = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) frontier = g_ptr_array_new ();
  WeftLinkOptions links;
  guint zero = 0;

  /* Only the kind of links: kinds and statuses are a path's. */
  weft_link_options_init (&links);
  links.named_together = options == NULL || options->named_together;
  s->brought_by = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_hash_table_add (inside, entity);
  g_ptr_array_add (s->entities, entity);
  g_array_append_val (s->hops, zero);
  g_ptr_array_add (frontier, entity);

  for (guint hop = 1; hop <= hops && frontier->len > 0; hop++)
    {
      g_autoptr(GPtrArray) next = g_ptr_array_new ();
      Expand x = { inside, next, s->brought_by, NULL };

      for (guint i = 0; i < frontier->len; i++)
        {
          x.current = g_ptr_array_index (frontier, i);
          for_each_link (self, x.current, &links, expand_link, &x);
        }

      for (guint i = 0; i < next->len; i++)
        {
          g_ptr_array_add (s->entities, g_ptr_array_index (next, i));
          g_array_append_val (s->hops, hop);
        }

      g_ptr_array_set_size (frontier, 0);
      copy_all (frontier, next);
    }

  fill_around (self, s, inside);
  return s;
}

static gboolean
overlaps (const WeftDate *date,
          gint64          lower,
          gint64          upper)
{
  return date->lower <= upper && date->upper >= lower;
}

static gboolean
claim_entities_inside (WeftDataset *self,
                       WeftClaim   *c,
                       GHashTable  *active)
{
  gboolean any = FALSE;

  if (c->claimant != NULL)
    {
      WeftItem *who = weft_dataset_lookup (self, c->claimant);
      if (who == NULL || !g_hash_table_contains (active, who))
        return FALSE;
    }

  for (guint j = 0; c->about != NULL && c->about[j] != NULL; j++)
    {
      WeftItem *about = weft_dataset_lookup (self, c->about[j]);

      if (about == NULL || !g_hash_table_contains (active, about))
        return FALSE;
      any = TRUE;
    }

  return any;
}

static void
activate (WeftDataset *self,
          GHashTable  *active,
          const char  *id)
{
  WeftItem *item = weft_dataset_lookup (self, id);

  if (item != NULL)
    g_hash_table_add (active, item);
}

WeftSubgraph *
weft_dataset_window (WeftDataset *self,
                     gint64       lower,
                     gint64       upper)
{
  WeftSubgraph *s = weft_subgraph_new ();
  g_autoptr(GHashTable) active = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GPtrArray *events = weft_dataset_get_events (self);
  GPtrArray *relations = weft_dataset_get_relations (self);
  GPtrArray *claims = weft_dataset_get_claims (self);
  GPtrArray *entities = weft_dataset_get_entities (self);
  guint zero = 0;

  for (guint i = 0; i < events->len; i++)
    {
      WeftEvent *e = g_ptr_array_index (events, i);

      if (!overlaps (&e->date, lower, upper))
        continue;
      g_ptr_array_add (s->events, e);
      g_hash_table_add (active, e);
      for (guint j = 0; j < e->n_participants; j++)
        activate (self, active, e->participants[j].entity);
    }

  for (guint i = 0; i < relations->len; i++)
    {
      WeftRelation *r = g_ptr_array_index (relations, i);

      if (r->date_text != NULL && overlaps (&r->date, lower, upper))
        {
          activate (self, active, r->from);
          activate (self, active, r->to);
        }
    }

  for (guint i = 0; i < claims->len; i++)
    {
      WeftClaim *c = g_ptr_array_index (claims, i);

      if (c->date_text != NULL && overlaps (&c->date, lower, upper))
        {
          if (c->claimant)
            activate (self, active, c->claimant);
          for (guint j = 0; c->about != NULL && c->about[j] != NULL; j++)
            activate (self, active, c->about[j]);
        }
    }

  /* Relations: dated ones in the window, undated ones between active ends. */
  for (guint i = 0; i < relations->len; i++)
    {
      WeftRelation *r = g_ptr_array_index (relations, i);
      gboolean in = r->date_text != NULL ? overlaps (&r->date, lower, upper)
                                         : relation_inside (self, r, active);

      if (in)
        add_once (seen, s->relations, r);
    }

  /* Claims: dated ones in the window; the evidence of what is shown; and
   * undated ones all of whose entities are active. */
  for (guint i = 0; i < s->events->len; i++)
    {
      g_autoptr(GPtrArray) evidence = weft_dataset_dup_item_claims (self, g_ptr_array_index (s->events, i));
      for (guint j = 0; j < evidence->len; j++)
        g_hash_table_add (seen, g_ptr_array_index (evidence, j));
    }
  for (guint i = 0; i < s->relations->len; i++)
    {
      g_autoptr(GPtrArray) evidence = weft_dataset_dup_item_claims (self, g_ptr_array_index (s->relations, i));
      for (guint j = 0; j < evidence->len; j++)
        g_hash_table_add (seen, g_ptr_array_index (evidence, j));
    }
  for (guint i = 0; i < claims->len; i++)
    {
      WeftClaim *c = g_ptr_array_index (claims, i);
      gboolean in;

      if (c->date_text != NULL)
        in = overlaps (&c->date, lower, upper);
      else
        in = g_hash_table_contains (seen, c) || claim_entities_inside (self, c, active);
      if (in)
        g_ptr_array_add (s->claims, c);
    }

  for (guint i = 0; i < entities->len; i++)
    {
      WeftEntity *e = g_ptr_array_index (entities, i);

      if (g_hash_table_contains (active, e))
        {
          g_ptr_array_add (s->entities, e);
          g_array_append_val (s->hops, zero);
        }
    }

  return s;
}

GPtrArray *
weft_dataset_neighbours (WeftDataset *self,
                         WeftEntity  *entity)
{
  g_autoptr(GHashTable) inside = g_hash_table_new (NULL, NULL);
  GPtrArray *result = g_ptr_array_new ();
  Expand x = { inside, result, NULL, entity };

  g_hash_table_add (inside, entity);
  for_each_link (self, entity, NULL, expand_link, &x);
  return result;
}

/* ---- Shortest path ------------------------------------------------------ */

typedef struct {
  GHashTable *parent;     /* WeftEntity * -> WeftLink *: how the search reached it */
  GPtrArray  *next;
  GPtrArray  *steps;      /* owns the links */
  WeftEntity *current;
  WeftEntity *to;
  guint       excluded;   /* kinds a path does not pass through */
} Search;

static void
visit_link (WeftEntity *other,
            WeftItem   *via,
            gpointer    user_data)
{
  Search *search = user_data;
  WeftLink *step;

  if (g_hash_table_contains (search->parent, other) ||
      (other != search->to && (search->excluded & (1u << other->kind))))
    return;

  step = g_new (WeftLink, 1);
  step->from = search->current;
  step->via = via;
  g_ptr_array_add (search->steps, step);
  g_hash_table_insert (search->parent, other, step);
  g_ptr_array_add (search->next, other);
}

static void
hop_free (gpointer data)
{
  WeftHop *hop = data;

  g_ptr_array_unref (hop->evidence);
  g_free (hop);
}

GPtrArray *
weft_dataset_shortest_path (WeftDataset *self,
                            WeftEntity  *from,
                            WeftEntity  *to)
{
  return weft_dataset_shortest_path_with (self, from, to, NULL);
}

GPtrArray *
weft_dataset_shortest_path_with (WeftDataset           *self,
                                 WeftEntity            *from,
                                 WeftEntity            *to,
                                 const WeftLinkOptions *options)
{
  g_autoptr(GHashTable) parent = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) frontier = g_ptr_array_new ();
  GPtrArray *path;
  WeftEntity *at;

  g_hash_table_insert (parent, from, NULL);
  g_ptr_array_add (frontier, from);

  while (frontier->len > 0 && !g_hash_table_contains (parent, to))
    {
      g_autoptr(GPtrArray) next = g_ptr_array_new ();
      Search search = { parent, next, steps, NULL, to, options != NULL ? options->excluded_kinds : 0 };

      for (guint i = 0; i < frontier->len && !g_hash_table_contains (parent, to); i++)
        {
          search.current = g_ptr_array_index (frontier, i);
          for_each_link (self, search.current, options, visit_link, &search);
        }

      g_ptr_array_set_size (frontier, 0);
      copy_all (frontier, next);
    }

  if (!g_hash_table_contains (parent, to))
    return NULL;

  path = g_ptr_array_new_with_free_func (hop_free);
  for (at = to; at != from;)
    {
      WeftLink *step = g_hash_table_lookup (parent, at);
      WeftHop *hop = g_new0 (WeftHop, 1);

      hop->from = step->from;
      hop->to = at;
      hop->via = step->via;
      hop->evidence = weft_dataset_dup_item_claims (self, step->via);
      g_ptr_array_insert (path, 0, hop);
      at = step->from;
    }

  return path;
}

/* ---- Search ------------------------------------------------------------- */

/* A query as it is compared: decomposed (NFKD), casefolded and, unless it
 * has accents of its own, without combining marks, as the text it is
 * looked for in will be. */
typedef struct {
  char     *folded;
  gboolean  accents;   /* the query has accents: they count */
  gboolean  ascii;     /* then the fast path serves ASCII text */
} Needle;

static gboolean
is_ascii (const char *s)
{
  for (; *s; s++)
    if ((guchar) *s >= 0x80)
      return FALSE;
  return TRUE;
}

/* @text decomposed and casefolded, its combining marks dropped unless
 * @keep_marks; *@had_marks (nullable) says whether it had any. */
static char *
fold (const char *text,
      gboolean    keep_marks,
      gboolean   *had_marks)
{
  g_autofree char *decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  g_autofree char *folded = g_utf8_casefold (decomposed != NULL ? decomposed : text, -1);
  GString *out;

  if (had_marks != NULL)
    *had_marks = FALSE;
  out = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK)
        {
          if (had_marks != NULL)
            *had_marks = TRUE;
          if (!keep_marks)
            continue;
        }
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
needle_init (Needle     *needle,
             const char *text)
{
  needle->folded = fold (text, TRUE, &needle->accents);
  needle->ascii = is_ascii (needle->folded);
}

static gboolean
contains (const char   *haystack,
          const Needle *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;

  if (needle->ascii && is_ascii (haystack))
    {
      gsize n = strlen (needle->folded);

      for (const char *p = haystack; *p; p++)
        if (g_ascii_strncasecmp (p, needle->folded, n) == 0)
          return TRUE;
      return FALSE;
    }

  folded = fold (haystack, needle->accents, NULL);
  return strstr (folded, needle->folded) != NULL;
}

/* Appends to @out (nullable) a match of @field when its @text contains
 * the needle; returns whether it did. */
static gboolean
add_if (GArray         *out,
        const Needle   *needle,
        WeftMatchKind   kind,
        const WeftItem *item,
        WeftMatchField  field,
        const char     *text,
        guint           citation)
{
  WeftMatch match = { kind, (WeftItem *) item, field, text, citation };

  if (!contains (text, needle))
    return FALSE;
  if (out != NULL)
    g_array_append_val (out, match);
  return TRUE;
}

/* What @item matches: its first field that contains the needle (a name
 * before an alias, a title before a description) and, for a claim, each
 * quote that does, a match of its own. Appended to @out unless it is NULL,
 * which stops at the first. Returns whether anything matched. */
static gboolean
match_item (const WeftItem *item,
            const Needle   *needle,
            GArray         *out)
{
  switch (item->type)
    {
    case WEFT_ITEM_ENTITY:
      {
        const WeftEntity *e = (const WeftEntity *) item;

        if (add_if (out, needle, WEFT_MATCH_ENTITY, item, WEFT_MATCH_FIELD_NAME, e->name, 0))
          return TRUE;
        for (guint i = 0; e->aliases != NULL && e->aliases[i] != NULL; i++)
          if (add_if (out, needle, WEFT_MATCH_ENTITY, item, WEFT_MATCH_FIELD_ALIAS, e->aliases[i], 0))
            return TRUE;
        return FALSE;
      }
    case WEFT_ITEM_EVENT:
      {
        const WeftEvent *e = (const WeftEvent *) item;

        return add_if (out, needle, WEFT_MATCH_EVENT, item, WEFT_MATCH_FIELD_TITLE, e->title, 0) ||
               add_if (out, needle, WEFT_MATCH_EVENT, item, WEFT_MATCH_FIELD_DESCRIPTION, e->description, 0);
      }
    case WEFT_ITEM_CLAIM:
      {
        const WeftClaim *c = (const WeftClaim *) item;
        gboolean any = add_if (out, needle, WEFT_MATCH_CLAIM, item, WEFT_MATCH_FIELD_TEXT, c->text, 0);

        for (guint i = 0; i < c->n_citations && (out != NULL || !any); i++)
          any |= add_if (out, needle, WEFT_MATCH_CITATION, item, WEFT_MATCH_FIELD_QUOTE, c->citations[i].quote, i);
        return any;
      }
    case WEFT_ITEM_RELATION:
      {
        const WeftRelation *r = (const WeftRelation *) item;

        return add_if (out, needle, WEFT_MATCH_RELATION, item, WEFT_MATCH_FIELD_TYPE, r->type, 0) ||
               add_if (out, needle, WEFT_MATCH_RELATION, item, WEFT_MATCH_FIELD_LABEL, r->label, 0);
      }
    case WEFT_ITEM_SOURCE:
      return add_if (out, needle, WEFT_MATCH_SOURCE, item, WEFT_MATCH_FIELD_TITLE,
                     ((const WeftSource *) item)->title, 0);
    case WEFT_ITEM_ERA:
      return add_if (out, needle, WEFT_MATCH_ERA, item, WEFT_MATCH_FIELD_TITLE,
                     ((const WeftEra *) item)->title, 0);
    case WEFT_ITEM_NONE:
    default:
      return FALSE;
    }
}

gboolean
weft_item_matches (const WeftItem *item,
                   const char     *needle)
{
  Needle n;
  gboolean found;

  if (needle[0] == '\0')
    return TRUE;

  needle_init (&n, needle);
  found = match_item (item, &n, NULL);
  g_free (n.folded);
  return found;
}

/* The needle of a query, without the spaces around it; FALSE (and nothing
 * to free) when nothing is left. */
static gboolean
needle_from_query (Needle     *needle,
                   const char *text)
{
  g_autofree char *stripped = NULL;

  if (text == NULL)
    return FALSE;
  stripped = g_strstrip (g_strdup (text));
  if (stripped[0] == '\0')
    return FALSE;
  needle_init (needle, stripped);
  return TRUE;
}

/* What is searched, in the order results list it. */
static void
searched_arrays (WeftDataset *self,
                 GPtrArray   *arrays[6])
{
  arrays[0] = weft_dataset_get_entities (self);
  arrays[1] = weft_dataset_get_events (self);
  arrays[2] = weft_dataset_get_claims (self);
  arrays[3] = weft_dataset_get_relations (self);
  arrays[4] = weft_dataset_get_sources (self);
  arrays[5] = weft_dataset_get_eras (self);
}

GPtrArray *
weft_dataset_search (WeftDataset *self,
                     const char  *text,
                     guint        limit)
{
  GPtrArray *arrays[6];
  GPtrArray *result = g_ptr_array_new ();
  Needle needle;

  if (!needle_from_query (&needle, text))
    return result;

  searched_arrays (self, arrays);
  for (guint a = 0; a < G_N_ELEMENTS (arrays); a++)
    for (guint i = 0; i < arrays[a]->len && (limit == 0 || result->len < limit); i++)
      {
        WeftItem *item = g_ptr_array_index (arrays[a], i);

        if (match_item (item, &needle, NULL))
          g_ptr_array_add (result, item);
      }

  g_free (needle.folded);
  return result;
}

static int
compare_match_kind (gconstpointer a,
                    gconstpointer b)
{
  const WeftMatch *x = a, *y = b;

  return (int) x->kind - (int) y->kind;
}

WeftSearchResults *
weft_dataset_search_all (WeftDataset *self,
                         const char  *text)
{
  WeftSearchResults *results = g_new0 (WeftSearchResults, 1);
  GPtrArray *arrays[6];
  Needle needle;

  results->query = g_strdup (text != NULL ? text : "");
  results->matches = g_array_new (FALSE, FALSE, sizeof (WeftMatch));
  if (!needle_from_query (&needle, text))
    return results;

  searched_arrays (self, arrays);
  for (guint a = 0; a < G_N_ELEMENTS (arrays); a++)
    for (guint i = 0; i < arrays[a]->len; i++)
      match_item (g_ptr_array_index (arrays[a], i), &needle, results->matches);
  g_free (needle.folded);

  /* Kind by kind (only quotes are out of place: after their claims'
   * texts); file order within a kind, which a stable sort keeps. */
  g_array_sort (results->matches, compare_match_kind);
  for (guint i = 0; i < results->matches->len; i++)
    results->counts[g_array_index (results->matches, WeftMatch, i).kind]++;
  for (guint k = 1; k < WEFT_N_MATCH_KINDS; k++)
    results->first[k] = results->first[k - 1] + results->counts[k - 1];
  return results;
}

void
weft_search_results_free (WeftSearchResults *results)
{
  if (results == NULL)
    return;
  g_free (results->query);
  g_array_unref (results->matches);
  g_free (results);
}

const char *
weft_match_kind_to_string (WeftMatchKind kind)
{
  static const char * const names[] = {
    "entity", "event", "claim", "citation", "relation", "source", "era",
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == WEFT_N_MATCH_KINDS);
  return kind < WEFT_N_MATCH_KINDS ? names[kind] : "";
}

GPtrArray *
weft_search_results_dup_events (const WeftSearchResults *results,
                                WeftDataset             *dataset)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GPtrArray *events = g_ptr_array_new ();

  for (guint i = 0; i < results->matches->len; i++)
    {
      const WeftMatch *m = &g_array_index (results->matches, WeftMatch, i);
      WeftEvent **found = NULL;
      guint n = 0;

      switch (m->kind)
        {
        case WEFT_MATCH_EVENT:
          found = (WeftEvent **) &m->item;
          n = 1;
          break;
        case WEFT_MATCH_CLAIM:
        case WEFT_MATCH_CITATION:
          found = weft_dataset_get_claim_events (dataset, (WeftClaim *) m->item, &n);
          break;
        case WEFT_MATCH_ENTITY:
          found = weft_dataset_get_entity_events (dataset, (WeftEntity *) m->item, &n);
          break;
        default:
          break;
        }
      for (guint j = 0; j < n; j++)
        add_once (seen, events, found[j]);
    }

  g_ptr_array_sort (events, compare_index);
  return events;
}
