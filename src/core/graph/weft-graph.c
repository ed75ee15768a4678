/* weft-graph.c
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "weft-dataset-check.h"
#include "weft-graph.h"
#include "weft-hash.h"

/* Claim texts as node labels are cut to this many characters. */
#define CLAIM_LABEL_CHARS 48

struct _WeftGraph
{
  gatomicrefcount  ref_count;
  WeftDataset     *dataset;
  GStringChunk    *strings;
  GArray          *nodes;     /* WeftGraphNode */
  GArray          *edges;     /* WeftGraphEdge */
  GHashTable      *node_of;   /* WeftItem * -> index + 1 */
  GHashTable      *edge_of;   /* WeftItem * -> index + 1, relations only */
  guint            n_entities;
};

G_DEFINE_BOXED_TYPE (WeftGraph, weft_graph, weft_graph_ref, weft_graph_unref)

static void
add_node (WeftGraph  *self,
          WeftItem   *item,
          const char *label,
          guint       hops)
{
  WeftGraphNode node = { 0 };
  g_autofree char *lines = NULL;

  if (g_hash_table_contains (self->node_of, item))
    return;

  node.item = item;
  node.style = weft_graph_style_for_item (item);
  node.label = g_string_chunk_insert_const (self->strings, label ? label : "");
  lines = weft_graph_wrap_label (node.label);
  node.lines = g_string_chunk_insert_const (self->strings, lines);
  node.hops = hops;
  g_array_append_val (self->nodes, node);
  g_hash_table_insert (self->node_of, item, GUINT_TO_POINTER (self->nodes->len));
}

static gint
node_index (WeftGraph  *self,
            const char *id)
{
  WeftItem *item = id ? weft_dataset_lookup (self->dataset, id) : NULL;

  if (item == NULL)
    return -1;
  return (gint) GPOINTER_TO_UINT (g_hash_table_lookup (self->node_of, item)) - 1;
}

static void
add_edge (WeftGraph     *self,
          WeftItem      *item,
          WeftEdgeKind   kind,
          gint           tail,
          gint           head,
          const char    *label,
          WeftEvidence   evidence,
          guint          n_claims,
          guint          n_sources)
{
  WeftGraphEdge edge = { 0 };

  if (tail < 0 || head < 0)
    return;

  edge.item = item;
  edge.kind = kind;
  edge.tail = (guint) tail;
  edge.head = (guint) head;
  edge.label = g_string_chunk_insert_const (self->strings, label ? label : "");
  edge.evidence = evidence;
  edge.n_claims = n_claims;
  edge.n_sources = n_sources;
  g_array_append_val (self->edges, edge);
  g_array_index (self->nodes, WeftGraphNode, tail).degree++;
  if (head != tail)
    g_array_index (self->nodes, WeftGraphNode, head).degree++;
  if (kind == WEFT_EDGE_RELATION && !g_hash_table_contains (self->edge_of, item))
    g_hash_table_insert (self->edge_of, item, GUINT_TO_POINTER (self->edges->len));
}

static guint
count_sources (GPtrArray *claims)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (weft_str_hash, g_str_equal);

  for (guint i = 0; i < claims->len; i++)
    {
      WeftClaim *c = g_ptr_array_index (claims, i);

      for (guint j = 0; j < c->n_citations; j++)
        if (c->citations[j].source != NULL)
          g_hash_table_add (seen, (gpointer) c->citations[j].source);
    }
  return g_hash_table_size (seen);
}

static void
add_relation (WeftGraph    *self,
              WeftRelation *r)
{
  g_autoptr(GPtrArray) claims = weft_dataset_dup_item_claims (self->dataset, &r->item);
  WeftEvidence evidence = weft_evidence_for_claims ((WeftClaim * const *) claims->pdata, claims->len);
  const WeftEdgeStyle *style = weft_graph_style_for_evidence (evidence);
  guint n_sources = count_sources (claims);
  g_autofree char *type = weft_relation_type_display (r->type);
  g_autofree char *label = NULL;
  gboolean unsourced = claims->len > 0;

  for (guint i = 0; unsourced && i < claims->len; i++)
    unsourced = weft_claim_is_unsourced (g_ptr_array_index (claims, i));
  /* "? supplies (0)": no source stands behind it. */
  if (unsourced)
    {
      char *marked = g_strconcat ("? ", type, NULL);

      g_free (type);
      type = marked;
    }

  /* Translators: an edge label, "supplies (2)": the relation type and
   * how many sources stand behind it. */
  label = g_strdup_printf (_("%s%s (%u)"), style->label_prefix, type, n_sources);
  add_edge (self, &r->item, WEFT_EDGE_RELATION, node_index (self, r->from), node_index (self, r->to),
            label, evidence, claims->len, n_sources);
  if (unsourced && self->edges->len > 0)
    g_array_index (self->edges, WeftGraphEdge, self->edges->len - 1).unsourced = TRUE;
}

/* In a neighbourhood, an edge from the entity that brought each node in
 * to the node, where only a shared event or claim links them (a relation
 * is an edge already). */
static void
add_together_edges (WeftGraph  *self,
                    GHashTable *brought_by)
{
  for (guint i = 0; i < self->n_entities; i++)
    {
      WeftItem *item = g_array_index (self->nodes, WeftGraphNode, i).item;
      const WeftLink *link = g_hash_table_lookup (brought_by, item);
      g_autoptr(GPtrArray) claims = NULL;

      if (link == NULL || link->via->type == WEFT_ITEM_RELATION)
        continue;
      if (link->via->type == WEFT_ITEM_CLAIM)
        {
          claims = g_ptr_array_new ();
          g_ptr_array_add (claims, link->via);
        }
      else
        claims = weft_dataset_dup_item_claims (self->dataset, link->via);
      add_edge (self, link->via, WEFT_EDGE_TOGETHER, weft_graph_lookup_node (self, &link->from->item), (gint) i,
                /* Translators: the label of a link between two entities
                 * named in the same event or claim. */
                _("named together"), weft_evidence_for_claims ((WeftClaim * const *) claims->pdata, claims->len),
                claims->len, count_sources (claims));
    }
}

static char *
claim_label (const WeftClaim *c)
{
  const char *text = c->text ? c->text : "";
  g_autofree char *start = NULL;

  if (g_utf8_strlen (text, -1) <= CLAIM_LABEL_CHARS)
    return g_strdup (text);
  start = g_utf8_substring (text, 0, CLAIM_LABEL_CHARS - 1);
  return g_strconcat (start, "…", NULL);
}

WeftGraph *
weft_graph_new (WeftDataset        *dataset,
                const WeftSubgraph *subgraph,
                gboolean            show_events,
                gboolean            show_claims)
{
  WeftGraph *self;

  g_return_val_if_fail (WEFT_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (subgraph != NULL, NULL);

  self = g_new0 (WeftGraph, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->dataset = g_object_ref (dataset);
  self->strings = g_string_chunk_new (4096);
  self->nodes = g_array_sized_new (FALSE, TRUE, sizeof (WeftGraphNode), subgraph->entities->len);
  self->edges = g_array_sized_new (FALSE, TRUE, sizeof (WeftGraphEdge), subgraph->relations->len);
  self->node_of = g_hash_table_new (NULL, NULL);
  self->edge_of = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < subgraph->entities->len; i++)
    {
      WeftEntity *e = g_ptr_array_index (subgraph->entities, i);
      guint hops = i < subgraph->hops->len ? g_array_index (subgraph->hops, guint, i) : 0;

      add_node (self, &e->item, e->name, hops);
    }
  self->n_entities = self->nodes->len;

  if (show_events)
    for (guint i = 0; i < subgraph->events->len; i++)
      {
        WeftEvent *ev = g_ptr_array_index (subgraph->events, i);

        add_node (self, &ev->item, ev->title, 0);
      }

  if (show_claims)
    for (guint i = 0; i < subgraph->claims->len; i++)
      {
        WeftClaim *c = g_ptr_array_index (subgraph->claims, i);
        g_autofree char *label = claim_label (c);

        add_node (self, &c->item, label, 0);
      }

  for (guint i = 0; i < subgraph->relations->len; i++)
    add_relation (self, g_ptr_array_index (subgraph->relations, i));

  if (show_events)
    for (guint i = 0; i < subgraph->events->len; i++)
      {
        WeftEvent *ev = g_ptr_array_index (subgraph->events, i);
        gint tail = node_index (self, ev->item.id);

        for (guint j = 0; j < ev->n_participants; j++)
          add_edge (self, &ev->item, WEFT_EDGE_PARTICIPANT, tail,
                    node_index (self, ev->participants[j].entity),
                    ev->participants[j].role, WEFT_EVIDENCE_UNSUPPORTED, 0, 0);
      }

  if (show_claims)
    for (guint i = 0; i < subgraph->claims->len; i++)
      {
        WeftClaim *c = g_ptr_array_index (subgraph->claims, i);
        gint node = node_index (self, c->item.id);
        g_autoptr(GPtrArray) one = g_ptr_array_new ();
        WeftEvidence evidence;
        guint n_sources;

        g_ptr_array_add (one, c);
        evidence = weft_evidence_for_claims ((WeftClaim * const *) one->pdata, 1);
        n_sources = count_sources (one);
        add_edge (self, &c->item, WEFT_EDGE_CLAIMANT, node_index (self, c->claimant), node,
                  NULL, evidence, 1, n_sources);
        for (guint j = 0; c->about != NULL && c->about[j] != NULL; j++)
          add_edge (self, &c->item, WEFT_EDGE_ABOUT, node, node_index (self, c->about[j]),
                    NULL, evidence, 1, n_sources);
      }

  if (subgraph->brought_by != NULL)
    add_together_edges (self, subgraph->brought_by);
  return self;
}

WeftGraph *
weft_graph_ref (WeftGraph *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
weft_graph_unref (WeftGraph *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_hash_table_unref (self->edge_of);
  g_hash_table_unref (self->node_of);
  g_array_unref (self->edges);
  g_array_unref (self->nodes);
  g_string_chunk_free (self->strings);
  g_object_unref (self->dataset);
  g_free (self);
}

WeftDataset *
weft_graph_get_dataset (WeftGraph *self)
{
  return self->dataset;
}

guint
weft_graph_get_n_nodes (WeftGraph *self)
{
  return self->nodes->len;
}

guint
weft_graph_get_n_entities (WeftGraph *self)
{
  return self->n_entities;
}

const WeftGraphNode *
weft_graph_get_node (WeftGraph *self,
                     guint      index)
{
  g_return_val_if_fail (index < self->nodes->len, NULL);

  return &g_array_index (self->nodes, WeftGraphNode, index);
}

guint
weft_graph_get_n_edges (WeftGraph *self)
{
  return self->edges->len;
}

const WeftGraphEdge *
weft_graph_get_edge (WeftGraph *self,
                     guint      index)
{
  g_return_val_if_fail (index < self->edges->len, NULL);

  return &g_array_index (self->edges, WeftGraphEdge, index);
}

gint
weft_graph_lookup_node (WeftGraph      *self,
                        const WeftItem *item)
{
  if (item == NULL)
    return -1;
  return (gint) GPOINTER_TO_UINT (g_hash_table_lookup (self->node_of, item)) - 1;
}

gint
weft_graph_lookup_edge (WeftGraph      *self,
                        const WeftItem *item)
{
  if (item == NULL)
    return -1;
  return (gint) GPOINTER_TO_UINT (g_hash_table_lookup (self->edge_of, item)) - 1;
}

/* ---- The whole dataset, for interchange exports --------------------------- */

GPtrArray *
weft_graph_dup_dataset_nodes (WeftDataset *dataset,
                              gboolean     with_events,
                              GHashTable  *is_node)
{
  g_autoptr(GHashTable) own = is_node == NULL ? g_hash_table_new (NULL, NULL) : NULL;
  GPtrArray *nodes = g_ptr_array_new ();
  GPtrArray *relations = weft_dataset_get_relations (dataset);

  g_ptr_array_extend (nodes, weft_dataset_get_entities (dataset), NULL, NULL);
  if (with_events)
    g_ptr_array_extend (nodes, weft_dataset_get_events (dataset), NULL, NULL);
  if (is_node == NULL)
    is_node = own;
  for (guint i = 0; i < nodes->len; i++)
    g_hash_table_add (is_node, g_ptr_array_index (nodes, i));

  for (guint i = 0; i < relations->len; i++)
    {
      WeftRelation *r = g_ptr_array_index (relations, i);
      WeftItem *ends[] = { weft_dataset_lookup (dataset, r->from), weft_dataset_lookup (dataset, r->to) };

      for (guint e = 0; e < 2; e++)
        if (ends[e] != NULL && g_hash_table_add (is_node, ends[e]))
          g_ptr_array_add (nodes, ends[e]);
    }
  return nodes;
}

/* ---- Bounded views ------------------------------------------------------ */

WeftSubgraph *
weft_subgraph_restrict (WeftDataset        *dataset,
                        const WeftSubgraph *subgraph,
                        GHashTable         *kept)
{
  WeftSubgraph *out = weft_subgraph_new ();

  /* The entities kept, in the subgraph's order, with their distance. */
  for (guint i = 0; i < subgraph->entities->len; i++)
    if (g_hash_table_contains (kept, g_ptr_array_index (subgraph->entities, i)))
      {
        guint hops = i < subgraph->hops->len ? g_array_index (subgraph->hops, guint, i) : 0;

        g_ptr_array_add (out->entities, g_ptr_array_index (subgraph->entities, i));
        g_array_append_val (out->hops, hops);
      }

  for (guint i = 0; i < subgraph->relations->len; i++)
    {
      WeftRelation *r = g_ptr_array_index (subgraph->relations, i);
      WeftItem *from = weft_dataset_lookup (dataset, r->from);
      WeftItem *to = weft_dataset_lookup (dataset, r->to);

      if (g_hash_table_contains (kept, from) && g_hash_table_contains (kept, to))
        g_ptr_array_add (out->relations, r);
    }
  for (guint i = 0; i < subgraph->events->len; i++)
    {
      WeftEvent *ev = g_ptr_array_index (subgraph->events, i);

      for (guint j = 0; j < ev->n_participants; j++)
        if (g_hash_table_contains (kept, weft_dataset_lookup (dataset, ev->participants[j].entity)))
          {
            g_ptr_array_add (out->events, ev);
            break;
          }
    }
  for (guint i = 0; i < subgraph->claims->len; i++)
    {
      WeftClaim *c = g_ptr_array_index (subgraph->claims, i);
      gboolean inside = c->claimant != NULL &&
                        g_hash_table_contains (kept, weft_dataset_lookup (dataset, c->claimant));

      for (guint j = 0; !inside && c->about != NULL && c->about[j] != NULL; j++)
        inside = g_hash_table_contains (kept, weft_dataset_lookup (dataset, c->about[j]));
      if (inside)
        g_ptr_array_add (out->claims, c);
    }

  return out;
}

typedef struct {
  WeftEntity *entity;
  guint       links;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *x = a;
  const Ranked *y = b;

  if (x->links != y->links)
    return x->links > y->links ? -1 : 1;
  return x->entity->item.index < y->entity->item.index ? -1 : (x->entity->item.index > y->entity->item.index);
}

WeftSubgraph *
weft_subgraph_most_connected (WeftDataset        *dataset,
                              const WeftSubgraph *subgraph,
                              guint               max_entities)
{
  g_autoptr(GHashTable) links = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) kept = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));

  for (guint i = 0; i < subgraph->entities->len; i++)
    g_hash_table_insert (links, g_ptr_array_index (subgraph->entities, i), GUINT_TO_POINTER (0));

#define BUMP(id) G_STMT_START { \
    WeftItem *it_ = (id) ? weft_dataset_lookup (dataset, (id)) : NULL; \
    gpointer v_; \
    if (it_ != NULL && g_hash_table_lookup_extended (links, it_, NULL, &v_)) \
      g_hash_table_insert (links, it_, GUINT_TO_POINTER (GPOINTER_TO_UINT (v_) + 1)); \
  } G_STMT_END

  for (guint i = 0; i < subgraph->relations->len; i++)
    {
      WeftRelation *r = g_ptr_array_index (subgraph->relations, i);
      BUMP (r->from);
      BUMP (r->to);
    }
  for (guint i = 0; i < subgraph->events->len; i++)
    {
      WeftEvent *ev = g_ptr_array_index (subgraph->events, i);
      for (guint j = 0; j < ev->n_participants; j++)
        BUMP (ev->participants[j].entity);
    }
#undef BUMP

  for (guint i = 0; i < subgraph->entities->len; i++)
    {
      Ranked r = { g_ptr_array_index (subgraph->entities, i), 0 };

      r.links = GPOINTER_TO_UINT (g_hash_table_lookup (links, r.entity));
      g_array_append_val (ranked, r);
    }
  g_array_sort (ranked, compare_ranked);
  if (ranked->len > max_entities)
    g_array_set_size (ranked, max_entities);

  for (guint i = 0; i < ranked->len; i++)
    g_hash_table_add (kept, g_array_index (ranked, Ranked, i).entity);
  return weft_subgraph_restrict (dataset, subgraph, kept);
}

/* ---- Legend ------------------------------------------------------------------------ */

/* The rows for links of entities named together and for relations whose
 * claims cite no source; the first's edge style is only there to say it
 * is an edge row, the second's is how such a relation is drawn. */
static const WeftLegendEntry *
edge_rows (void)
{
  static WeftLegendEntry rows[2];
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      const WeftEdgeStyle *dotted = weft_graph_style_for_evidence (WEFT_EVIDENCE_UNSUPPORTED);

      rows[0] = (WeftLegendEntry) { _("Named together (same event or claim)"), NULL, dotted };
      rows[1] = (WeftLegendEntry) { _("No source cited"), NULL, dotted };
      g_once_init_leave (&initialized, 1);
    }
  return rows;
}

const WeftLegendEntry *
weft_graph_legend_together (void)
{
  return &edge_rows ()[0];
}

const WeftLegendEntry *
weft_graph_legend_unsourced (void)
{
  return &edge_rows ()[1];
}

const WeftEdgeStyle *
weft_graph_edge_style (const WeftGraphEdge *edge)
{
  return weft_graph_style_for_evidence (edge->unsourced ? WEFT_EVIDENCE_UNSUPPORTED : edge->evidence);
}

GPtrArray *
weft_graph_legend_rows (WeftGraph *graph)
{
  guint n_entries;
  const WeftLegendEntry *entries = weft_graph_legend (&n_entries);
  GPtrArray *rows = g_ptr_array_new ();

  for (guint i = 0; i < n_entries; i++)
    {
      gboolean seen = FALSE;

      for (guint n = 0; !seen && entries[i].node_style != NULL && n < weft_graph_get_n_nodes (graph); n++)
        seen = weft_graph_get_node (graph, n)->style == entries[i].node_style;
      for (guint e = 0; !seen && entries[i].edge_style != NULL && e < weft_graph_get_n_edges (graph); e++)
        {
          const WeftGraphEdge *edge = weft_graph_get_edge (graph, e);

          seen = edge->kind == WEFT_EDGE_RELATION && !edge->unsourced
                 && edge->evidence == entries[i].edge_style->evidence;
        }
      if (seen)
        g_ptr_array_add (rows, (gpointer) &entries[i]);
    }
  for (guint e = 0; e < weft_graph_get_n_edges (graph); e++)
    if (weft_graph_get_edge (graph, e)->unsourced)
      {
        g_ptr_array_add (rows, (gpointer) weft_graph_legend_unsourced ());
        break;
      }
  for (guint e = 0; e < weft_graph_get_n_edges (graph); e++)
    if (weft_graph_get_edge (graph, e)->kind == WEFT_EDGE_TOGETHER)
      {
        g_ptr_array_add (rows, (gpointer) weft_graph_legend_together ());
        break;
      }
  return rows;
}
