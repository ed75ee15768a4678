/* weft-dataset.c: storage, reference checks and indexes
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "weft-dataset-change.h"
#include "weft-dataset-edit.h"
#include "weft-dataset-struct.h"
#include "weft-hash.h"
#include "weft-members.h"

G_DEFINE_FINAL_TYPE (WeftDataset, weft_dataset, G_TYPE_OBJECT)

static void
item_free (gpointer data)
{
  weft_dataset_free_item (data);
}

/* Items are many and small, and go with the dataset: those read are cut
 * from blocks of this size, not each allocated alone (an edit's items are
 * their own, see weft_dataset_new_item()). */
#define ITEM_BLOCK (64 * 1024)

static gpointer
alloc_item (WeftDataset *self,
            gsize        size)
{
  WeftItem *item;

  size = (size + 15) & ~(gsize) 15;
  if (self->blocks == NULL || self->block_used + size > ITEM_BLOCK)
    {
      self->blocks = g_slist_prepend (self->blocks, g_malloc0 (ITEM_BLOCK));
      self->block_used = 0;
    }
  item = (WeftItem *) ((guint8 *) self->blocks->data + self->block_used);
  self->block_used += size;
  item->in_block = TRUE;
  return item;
}

static void
weft_dataset_finalize (GObject *object)
{
  WeftDataset *self = (WeftDataset *) object;

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  weft_index_clear (&self->entity_events);
  weft_index_clear (&self->entity_claims);
  weft_index_clear (&self->entity_relations);
  weft_index_clear (&self->claim_events);
  weft_index_clear (&self->claim_relations);
  g_clear_pointer (&self->events_by_date, g_free);
  g_clear_pointer (&self->entity_keys, g_array_unref);
  g_clear_pointer (&self->claim_keys, g_array_unref);
  g_clear_pointer (&self->edit_state, weft_dataset_edit_state_free);

  g_ptr_array_unref (self->sources);
  g_ptr_array_unref (self->entities);
  g_ptr_array_unref (self->events);
  g_ptr_array_unref (self->claims);
  g_ptr_array_unref (self->relations);
  g_ptr_array_unref (self->eras);
  g_clear_pointer (&self->header.extra, json_object_unref);
  g_string_chunk_free (self->strings);
  g_slist_free_full (self->blocks, g_free);

  G_OBJECT_CLASS (weft_dataset_parent_class)->finalize (object);
}

static void
weft_dataset_class_init (WeftDatasetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = weft_dataset_finalize;

  /* What one edit, undo or redo changed (weft-edit.c emits it). */
  g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                G_TYPE_NONE, 1, WEFT_TYPE_DATASET_CHANGE | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
weft_dataset_init (WeftDataset *self)
{
  self->strings = g_string_chunk_new (64 * 1024);
  self->sources = g_ptr_array_new_with_free_func (item_free);
  self->entities = g_ptr_array_new_with_free_func (item_free);
  self->events = g_ptr_array_new_with_free_func (item_free);
  self->claims = g_ptr_array_new_with_free_func (item_free);
  self->relations = g_ptr_array_new_with_free_func (item_free);
  self->eras = g_ptr_array_new_with_free_func (item_free);
}

WeftDataset *
weft_dataset_new (void)
{
  return g_object_new (WEFT_TYPE_DATASET, NULL);
}

/* ---- Building ----------------------------------------------------------- */

const char *
weft_dataset_intern (WeftDataset *self,
                     const char  *string)
{
  if (string == NULL)
    return NULL;

  return g_string_chunk_insert (self->strings, string);
}

void
weft_dataset_strv_append (WeftDataset   *self,
                          const char  ***list,
                          const char    *string)
{
  guint n = 0;

  if (*list != NULL)
    while ((*list)[n] != NULL)
      n++;

  *list = g_renew (const char *, *list, n + 2);
  (*list)[n] = weft_dataset_intern (self, string);
  (*list)[n + 1] = NULL;
}

void
weft_dataset_set_title (WeftDataset *self,
                        const char  *title)
{
  self->header.title = weft_dataset_intern (self, title);
}

void
weft_dataset_set_description (WeftDataset *self,
                              const char  *description)
{
  self->header.description = weft_dataset_intern (self, description);
}

void
weft_dataset_set_language (WeftDataset *self,
                           const char  *language)
{
  self->header.language = weft_dataset_intern (self, language);
}

void
weft_dataset_set_extra (WeftDataset *self,
                        JsonObject  *extra)
{
  g_clear_pointer (&self->header.extra, json_object_unref);
  self->header.extra = extra;
}

WeftDatasetHeader *
weft_dataset_get_header (WeftDataset *self)
{
  return &self->header;
}

GPtrArray *
weft_dataset_get_items (WeftDataset  *self,
                        WeftItemType  type)
{
  switch (type)
    {
    case WEFT_ITEM_SOURCE: return self->sources;
    case WEFT_ITEM_ENTITY: return self->entities;
    case WEFT_ITEM_EVENT: return self->events;
    case WEFT_ITEM_CLAIM: return self->claims;
    case WEFT_ITEM_RELATION: return self->relations;
    case WEFT_ITEM_ERA: return self->eras;
    case WEFT_ITEM_NONE:
    default:
      g_return_val_if_reached (NULL);
    }
}

WeftItem *
weft_dataset_append_item (WeftDataset  *self,
                          WeftItemType  type)
{
  GPtrArray *array = weft_dataset_get_items (self, type);
  WeftItem *item;

  g_return_val_if_fail (!self->finished, NULL);

  item = alloc_item (self, weft_item_members (type)->size);
  item->type = type;
  item->index = array->len;
  g_ptr_array_add (array, item);

  return item;
}

void
weft_dataset_truncate_items (WeftDataset  *self,
                             WeftItemType  type,
                             guint         length)
{
  GPtrArray *array = weft_dataset_get_items (self, type);

  g_return_if_fail (!self->finished);

  if (length < array->len)
    g_ptr_array_set_size (array, length);
}

static gpointer
add_item (WeftDataset  *self,
          WeftItemType  type,
          const char   *id)
{
  WeftItem *item = weft_dataset_append_item (self, type);

  item->id = weft_dataset_intern (self, id ? id : "");

  return item;
}

gpointer
weft_dataset_append_element (gpointer *elements,
                             guint    *n_elements,
                             gsize     size)
{
  guint8 *element;

  *elements = g_realloc_n (*elements, *n_elements + 1, size);
  element = (guint8 *) *elements + (gsize) *n_elements * size;
  (*n_elements)++;
  memset (element, 0, size);

  return element;
}

WeftSource *
weft_dataset_add_source (WeftDataset    *self,
                         const char     *id,
                         const char     *title,
                         WeftSourceKind  kind)
{
  WeftSource *s = add_item (self, WEFT_ITEM_SOURCE, id);

  s->title = weft_dataset_intern (self, title ? title : "");
  s->kind = kind;

  return s;
}

WeftEntity *
weft_dataset_add_entity (WeftDataset    *self,
                         const char     *id,
                         const char     *name,
                         WeftEntityKind  kind)
{
  WeftEntity *e = add_item (self, WEFT_ITEM_ENTITY, id);

  e->name = weft_dataset_intern (self, name ? name : "");
  e->kind = kind;

  return e;
}

WeftEvent *
weft_dataset_add_event (WeftDataset    *self,
                        const char     *id,
                        const char     *title,
                        const char     *date_text,
                        const WeftDate *date)
{
  WeftEvent *e = add_item (self, WEFT_ITEM_EVENT, id);

  e->title = weft_dataset_intern (self, title ? title : "");
  e->date_text = weft_dataset_intern (self, date_text ? date_text : "");
  if (date != NULL)
    e->date = *date;

  return e;
}

WeftClaim *
weft_dataset_add_claim (WeftDataset     *self,
                        const char      *id,
                        const char      *text,
                        WeftClaimStatus  status)
{
  WeftClaim *c = add_item (self, WEFT_ITEM_CLAIM, id);

  c->text = weft_dataset_intern (self, text ? text : "");
  c->status = status;

  return c;
}

WeftRelation *
weft_dataset_add_relation (WeftDataset *self,
                           const char  *id,
                           const char  *from,
                           const char  *to,
                           const char  *type)
{
  WeftRelation *r = add_item (self, WEFT_ITEM_RELATION, id);

  r->from = weft_dataset_intern (self, from ? from : "");
  r->to = weft_dataset_intern (self, to ? to : "");
  r->type = weft_dataset_intern (self, type ? type : "");

  return r;
}

WeftEra *
weft_dataset_add_era (WeftDataset    *self,
                      const char     *id,
                      const char     *title,
                      const char     *date_text,
                      const WeftDate *date)
{
  WeftEra *e = add_item (self, WEFT_ITEM_ERA, id);

  e->title = weft_dataset_intern (self, title ? title : "");
  e->date_text = weft_dataset_intern (self, date_text ? date_text : "");
  if (date != NULL)
    e->date = *date;

  return e;
}

void
weft_dataset_set_item_date (WeftDataset    *self,
                            WeftItem       *item,
                            const char     *date_text,
                            const WeftDate *date)
{
  const char **text_field = NULL;
  WeftDate *date_field = NULL;

  switch (item->type)
    {
    case WEFT_ITEM_SOURCE:
      text_field = &((WeftSource *) item)->date_text;
      date_field = &((WeftSource *) item)->date;
      break;
    case WEFT_ITEM_EVENT:
      text_field = &((WeftEvent *) item)->date_text;
      date_field = &((WeftEvent *) item)->date;
      break;
    case WEFT_ITEM_CLAIM:
      text_field = &((WeftClaim *) item)->date_text;
      date_field = &((WeftClaim *) item)->date;
      break;
    case WEFT_ITEM_RELATION:
      text_field = &((WeftRelation *) item)->date_text;
      date_field = &((WeftRelation *) item)->date;
      break;
    case WEFT_ITEM_ERA:
      text_field = &((WeftEra *) item)->date_text;
      date_field = &((WeftEra *) item)->date;
      break;
    case WEFT_ITEM_ENTITY:
    case WEFT_ITEM_NONE:
    default:
      g_return_if_reached ();
    }

  *text_field = weft_dataset_intern (self, date_text);
  if (date != NULL)
    *date_field = *date;
  else
    memset (date_field, 0, sizeof *date_field);
}

WeftParticipant *
weft_dataset_add_participant (WeftDataset *self,
                              WeftEvent   *event,
                              const char  *entity,
                              const char  *role)
{
  WeftParticipant *p = weft_dataset_append_element ((gpointer *) &event->participants, &event->n_participants,
                                                    sizeof *p);

  p->entity = weft_dataset_intern (self, entity ? entity : "");
  p->role = weft_dataset_intern (self, role);

  return p;
}

WeftCitation *
weft_dataset_add_citation (WeftDataset *self,
                           WeftClaim   *claim,
                           const char  *source,
                           const char  *quote,
                           const char  *locator)
{
  WeftCitation *c = weft_dataset_append_element ((gpointer *) &claim->citations, &claim->n_citations, sizeof *c);

  c->source = weft_dataset_intern (self, source ? source : "");
  c->quote = weft_dataset_intern (self, quote ? quote : "");
  c->locator = weft_dataset_intern (self, locator);

  return c;
}

/* ---- Checking and indexing ---------------------------------------------- */

char *
weft_item_path (const WeftItem *item,
                const char     *member)
{
  if (member == NULL)
    return g_strdup_printf ("%s[%u]", weft_item_array_name (item->type), item->index);
  return g_strdup_printf ("%s[%u].%s", weft_item_array_name (item->type), item->index, member);
}

const char *
weft_item_type_article_name (WeftItemType type)
{
  switch (type)
    {
    case WEFT_ITEM_SOURCE: return _("a source");
    case WEFT_ITEM_ENTITY: return _("an entity");
    case WEFT_ITEM_EVENT: return _("an event");
    case WEFT_ITEM_CLAIM: return _("a claim");
    case WEFT_ITEM_RELATION: return _("a relation");
    case WEFT_ITEM_ERA: return _("an era");
    case WEFT_ITEM_NONE:
    default:
      return _("an item");
    }
}

/* The path of a reference, built only when a problem is reported:
 * MEMBER, MEMBER[INDEX] or MEMBER[INDEX].SUB of @owner. */
typedef struct {
  const WeftItem *owner;
  const char     *member;
  gint            index;    /* -1 for none */
  const char     *sub;      /* or NULL */
} RefPath;

static char *
ref_path (const RefPath *ref)
{
  g_autofree char *member = NULL;

  if (ref->index < 0)
    return weft_item_path (ref->owner, ref->member);

  if (ref->sub != NULL)
    member = g_strdup_printf ("%s[%d].%s", ref->member, ref->index, ref->sub);
  else
    member = g_strdup_printf ("%s[%d]", ref->member, ref->index);
  return weft_item_path (ref->owner, member);
}

/* Resolves @id, which the member at @ref must hold; @want is the type it
 * must name, or WEFT_ITEM_NONE for any item. */
static WeftItem *
resolve (WeftDataset     *self,
         WeftDiagnostics *diagnostics,
         const char      *id,
         WeftItemType     want,
         const RefPath   *ref)
{
  WeftItem *item;

  if (id == NULL)
    return NULL;

  item = g_hash_table_lookup (self->by_id, id);
  if (item == NULL)
    {
      g_autofree char *path = ref_path (ref);

      if (id[0] == '\0')
        weft_diagnostics_error_at (diagnostics, path,
                                   _("empty reference; give the id of %s"),
                                   weft_item_type_article_name (want));
      else
        weft_diagnostics_error_at (diagnostics, path,
                                   _("“%s” is not the id of anything in this file; "
                                     "add %s with that id or correct the reference"),
                                   id, weft_item_type_article_name (want));
      return NULL;
    }

  if (want != WEFT_ITEM_NONE && item->type != want)
    {
      g_autofree char *path = ref_path (ref);

      weft_diagnostics_error_at (diagnostics, path,
                                 _("“%s” is %s, but %s is expected here"),
                                 id, weft_item_type_article_name (item->type),
                                 weft_item_type_article_name (want));
      return NULL;
    }

  return item;
}

static void
register_ids (WeftDataset     *self,
              WeftDiagnostics *diagnostics,
              GPtrArray       *array)
{
  for (guint i = 0; i < array->len; i++)
    {
      WeftItem *item = g_ptr_array_index (array, i);
      WeftItem *first;

      /* Items without an id were reported by whoever made them. */
      if (item->id[0] == '\0')
        continue;

      first = g_hash_table_lookup (self->by_id, item->id);
      if (first != NULL)
        {
          g_autofree char *path = weft_item_path (item, "id");
          g_autofree char *first_path = weft_item_path (first, NULL);
          weft_diagnostics_error_at (diagnostics, path,
                                     _("duplicate id “%s”, already used by %s; "
                                       "ids must be unique across the whole file"),
                                     item->id, first_path);
          continue;
        }

      g_hash_table_insert (self->by_id, (gpointer) item->id, item);
    }
}

static void
add_pair (GArray   *pairs,
          guint     key,
          gpointer  value)
{
  WeftIndexPair p = { key, value };

  g_array_append_val (pairs, p);
}

static int
compare_events_by_date (gconstpointer a,
                        gconstpointer b)
{
  return weft_compare_events_by_date (*(WeftEvent * const *) a, *(WeftEvent * const *) b);
}

static void
check_claim_list (WeftDataset     *self,
                  WeftDiagnostics *diagnostics,
                  WeftItem        *owner,
                  const char     **claims,
                  GArray          *pairs)
{
  if (claims == NULL)
    return;

  for (guint j = 0; claims[j] != NULL; j++)
    {
      RefPath ref = { owner, "claims", j, NULL };
      WeftItem *claim = resolve (self, diagnostics, claims[j], WEFT_ITEM_CLAIM, &ref);

      if (claim != NULL)
        add_pair (pairs, claim->index, owner);
    }
}

gboolean
weft_dataset_finish (WeftDataset     *self,
                     WeftDiagnostics *diagnostics)
{
  g_autoptr(WeftDiagnostics) own = NULL;
  g_autoptr(GArray) entity_events = NULL;
  g_autoptr(GArray) entity_claims = NULL;
  g_autoptr(GArray) entity_relations = NULL;
  g_autoptr(GArray) claim_events = NULL;
  g_autoptr(GArray) claim_relations = NULL;
  guint errors_before;

  g_return_val_if_fail (WEFT_IS_DATASET (self), FALSE);
  g_return_val_if_fail (!self->finished, FALSE);

  if (diagnostics == NULL)
    diagnostics = own = weft_diagnostics_new (NULL);
  errors_before = weft_diagnostics_get_n_errors (diagnostics);

  /* Ids come from files: a keyed hash, so that colliding ids cannot be
   * prepared (weft-hash.h). */
  self->by_id = g_hash_table_new (weft_str_hash, g_str_equal);
  register_ids (self, diagnostics, self->sources);
  register_ids (self, diagnostics, self->entities);
  register_ids (self, diagnostics, self->events);
  register_ids (self, diagnostics, self->claims);
  register_ids (self, diagnostics, self->relations);
  register_ids (self, diagnostics, self->eras);

  entity_events = g_array_new (FALSE, FALSE, sizeof (WeftIndexPair));
  entity_claims = g_array_new (FALSE, FALSE, sizeof (WeftIndexPair));
  entity_relations = g_array_new (FALSE, FALSE, sizeof (WeftIndexPair));
  claim_events = g_array_new (FALSE, FALSE, sizeof (WeftIndexPair));
  claim_relations = g_array_new (FALSE, FALSE, sizeof (WeftIndexPair));

  for (guint i = 0; i < self->sources->len; i++)
    {
      WeftSource *s = g_ptr_array_index (self->sources, i);

      if (s->cited_by != NULL)
        {
          RefPath ref = { &s->item, "cited_by", -1, NULL };
          resolve (self, diagnostics, s->cited_by, WEFT_ITEM_SOURCE, &ref);
        }
    }

  /* Events in date order, so each entity's events come out sorted. */
  self->events_by_date = g_new (WeftEvent *, MAX (self->events->len, 1));
  for (guint i = 0; i < self->events->len; i++)
    self->events_by_date[i] = g_ptr_array_index (self->events, i);
  qsort (self->events_by_date, self->events->len, sizeof (WeftEvent *), compare_events_by_date);

  for (guint i = 0; i < self->events->len; i++)
    {
      WeftEvent *e = self->events_by_date[i];

      for (guint j = 0; j < e->n_participants; j++)
        {
          RefPath ref = { &e->item, "participants", j, "entity" };
          WeftItem *entity = resolve (self, diagnostics, e->participants[j].entity,
                                      WEFT_ITEM_ENTITY, &ref);

          if (entity != NULL)
            add_pair (entity_events, entity->index, e);
        }
    }

  for (guint i = 0; i < self->events->len; i++)
    {
      WeftEvent *e = g_ptr_array_index (self->events, i);
      check_claim_list (self, diagnostics, &e->item, e->claims, claim_events);
    }

  for (guint i = 0; i < self->claims->len; i++)
    {
      WeftClaim *c = g_ptr_array_index (self->claims, i);

      if (c->claimant != NULL)
        {
          RefPath ref = { &c->item, "claimant", -1, NULL };
          WeftItem *who = resolve (self, diagnostics, c->claimant, WEFT_ITEM_ENTITY, &ref);

          if (who != NULL)
            add_pair (entity_claims, who->index, c);
        }

      for (guint j = 0; c->about != NULL && c->about[j] != NULL; j++)
        {
          RefPath ref = { &c->item, "about", j, NULL };
          WeftItem *about = resolve (self, diagnostics, c->about[j], WEFT_ITEM_NONE, &ref);

          if (about != NULL && about->type == WEFT_ITEM_ENTITY)
            add_pair (entity_claims, about->index, c);
        }

      for (guint j = 0; j < c->n_citations; j++)
        {
          RefPath ref = { &c->item, "citations", j, "source" };

          resolve (self, diagnostics, c->citations[j].source, WEFT_ITEM_SOURCE, &ref);
        }
    }

  for (guint i = 0; i < self->relations->len; i++)
    {
      WeftRelation *r = g_ptr_array_index (self->relations, i);
      RefPath from_ref = { &r->item, "from", -1, NULL };
      RefPath to_ref = { &r->item, "to", -1, NULL };
      WeftItem *from = resolve (self, diagnostics, r->from, WEFT_ITEM_NONE, &from_ref);
      WeftItem *to = resolve (self, diagnostics, r->to, WEFT_ITEM_NONE, &to_ref);

      if (from != NULL && from->type == WEFT_ITEM_ENTITY)
        add_pair (entity_relations, from->index, r);
      if (to != NULL && to->type == WEFT_ITEM_ENTITY && to != from)
        add_pair (entity_relations, to->index, r);

      check_claim_list (self, diagnostics, &r->item, r->claims, claim_relations);
    }

  /* Claims about an entity: keep file order and drop repeats. */
  {
    GHashTable *seen = g_hash_table_new (NULL, NULL);
    guint out = 0;

    for (guint i = 0; i < entity_claims->len; i++)
      {
        WeftIndexPair p = g_array_index (entity_claims, WeftIndexPair, i);
        gpointer key = GSIZE_TO_POINTER (((gsize) p.key << 32) ^ ((WeftItem *) p.value)->index);

        if (g_hash_table_add (seen, key))
          g_array_index (entity_claims, WeftIndexPair, out++) = p;
      }
    g_array_set_size (entity_claims, out);
    g_hash_table_unref (seen);
  }

  weft_index_build (&self->entity_events, self->entities->len, entity_events, &self->entity_keys);
  weft_index_build (&self->entity_claims, self->entities->len, entity_claims, &self->entity_keys);
  weft_index_build (&self->entity_relations, self->entities->len, entity_relations, &self->entity_keys);
  weft_index_build (&self->claim_events, self->claims->len, claim_events, &self->claim_keys);
  weft_index_build (&self->claim_relations, self->claims->len, claim_relations, &self->claim_keys);

  self->finished = TRUE;

  return weft_diagnostics_get_n_errors (diagnostics) == errors_before;
}

gboolean
weft_dataset_is_finished (WeftDataset *self)
{
  return self->finished;
}

/* ---- Reading ------------------------------------------------------------ */

const char *
weft_dataset_get_title (WeftDataset *self)
{
  return self->header.title;
}

const char *
weft_dataset_get_description (WeftDataset *self)
{
  return self->header.description;
}

const char *
weft_dataset_get_language (WeftDataset *self)
{
  return self->header.language;
}

JsonObject *
weft_dataset_get_extra (WeftDataset *self)
{
  return self->header.extra;
}

GPtrArray *
weft_dataset_get_sources (WeftDataset *self)
{
  return self->sources;
}

GPtrArray *
weft_dataset_get_entities (WeftDataset *self)
{
  return self->entities;
}

GPtrArray *
weft_dataset_get_events (WeftDataset *self)
{
  return self->events;
}

GPtrArray *
weft_dataset_get_claims (WeftDataset *self)
{
  return self->claims;
}

GPtrArray *
weft_dataset_get_relations (WeftDataset *self)
{
  return self->relations;
}

GPtrArray *
weft_dataset_get_eras (WeftDataset *self)
{
  return self->eras;
}

WeftItem *
weft_dataset_lookup (WeftDataset *self,
                     const char  *id)
{
  g_return_val_if_fail (self->finished, NULL);

  if (id == NULL)
    return NULL;
  return g_hash_table_lookup (self->by_id, id);
}

WeftEntity *
weft_dataset_lookup_entity (WeftDataset *self,
                            const char  *id)
{
  WeftItem *item = weft_dataset_lookup (self, id);

  if (item == NULL || item->type != WEFT_ITEM_ENTITY)
    return NULL;
  return (WeftEntity *) item;
}

const char *
weft_item_get_label (const WeftItem *item)
{
  switch (item->type)
    {
    case WEFT_ITEM_SOURCE: return ((const WeftSource *) item)->title;
    case WEFT_ITEM_ENTITY: return ((const WeftEntity *) item)->name;
    case WEFT_ITEM_EVENT: return ((const WeftEvent *) item)->title;
    case WEFT_ITEM_CLAIM: return ((const WeftClaim *) item)->text;
    case WEFT_ITEM_RELATION:
      {
        const WeftRelation *r = (const WeftRelation *) item;
        return r->label ? r->label : r->type;
      }
    case WEFT_ITEM_ERA: return ((const WeftEra *) item)->title;
    case WEFT_ITEM_NONE:
    default:
      return item->id;
    }
}

const WeftDate *
weft_item_get_date (const WeftItem *item)
{
  switch (item->type)
    {
    case WEFT_ITEM_SOURCE:
      return ((const WeftSource *) item)->date_text ? &((const WeftSource *) item)->date : NULL;
    case WEFT_ITEM_EVENT:
      return &((const WeftEvent *) item)->date;
    case WEFT_ITEM_CLAIM:
      return ((const WeftClaim *) item)->date_text ? &((const WeftClaim *) item)->date : NULL;
    case WEFT_ITEM_RELATION:
      return ((const WeftRelation *) item)->date_text ? &((const WeftRelation *) item)->date : NULL;
    case WEFT_ITEM_ERA:
      return &((const WeftEra *) item)->date;
    case WEFT_ITEM_ENTITY:
    case WEFT_ITEM_NONE:
    default:
      return NULL;
    }
}

WeftEvent **
weft_dataset_get_entity_events (WeftDataset *self,
                                WeftEntity  *entity,
                                guint       *n_out)
{
  g_return_val_if_fail (self->finished, NULL);
  return (WeftEvent **) weft_index_get (&self->entity_events, &entity->item, n_out);
}

WeftClaim **
weft_dataset_get_entity_claims (WeftDataset *self,
                                WeftEntity  *entity,
                                guint       *n_out)
{
  g_return_val_if_fail (self->finished, NULL);
  return (WeftClaim **) weft_index_get (&self->entity_claims, &entity->item, n_out);
}

WeftRelation **
weft_dataset_get_entity_relations (WeftDataset *self,
                                   WeftEntity  *entity,
                                   guint       *n_out)
{
  g_return_val_if_fail (self->finished, NULL);
  return (WeftRelation **) weft_index_get (&self->entity_relations, &entity->item, n_out);
}

WeftEvent **
weft_dataset_get_claim_events (WeftDataset *self,
                               WeftClaim   *claim,
                               guint       *n_out)
{
  g_return_val_if_fail (self->finished, NULL);
  return (WeftEvent **) weft_index_get (&self->claim_events, &claim->item, n_out);
}

WeftRelation **
weft_dataset_get_claim_relations (WeftDataset *self,
                                  WeftClaim   *claim,
                                  guint       *n_out)
{
  g_return_val_if_fail (self->finished, NULL);
  return (WeftRelation **) weft_index_get (&self->claim_relations, &claim->item, n_out);
}

GPtrArray *
weft_dataset_dup_item_claims (WeftDataset *self,
                              WeftItem    *item)
{
  GPtrArray *result = g_ptr_array_new ();
  const char **ids = NULL;

  if (item->type == WEFT_ITEM_EVENT)
    ids = ((WeftEvent *) item)->claims;
  else if (item->type == WEFT_ITEM_RELATION)
    ids = ((WeftRelation *) item)->claims;
  else if (item->type == WEFT_ITEM_ENTITY)
    {
      guint n;
      WeftClaim **claims = weft_dataset_get_entity_claims (self, (WeftEntity *) item, &n);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (result, claims[i]);
      return result;
    }
  else if (item->type == WEFT_ITEM_CLAIM)
    {
      g_ptr_array_add (result, item);
      return result;
    }

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      WeftItem *claim = weft_dataset_lookup (self, ids[i]);

      if (claim != NULL && claim->type == WEFT_ITEM_CLAIM)
        g_ptr_array_add (result, claim);
    }

  return result;
}

WeftEvent **
weft_dataset_get_events_by_date (WeftDataset *self,
                                 guint       *n_out)
{
  g_return_val_if_fail (self->finished, NULL);

  if (n_out != NULL)
    *n_out = self->events->len;
  return self->events_by_date;
}

static void
widen (const WeftDate *date,
       gint64         *lower,
       gint64         *upper,
       gboolean       *any)
{
  gint64 lo = date->lower;
  gint64 hi = date->upper;

  /* An open end says nothing about the span: use the other end. */
  if (lo <= WEFT_DAY_OPEN_LOWER)
    lo = date->end.lower;
  if (hi >= WEFT_DAY_OPEN_UPPER)
    hi = date->start.upper;
  if (lo <= WEFT_DAY_OPEN_LOWER || hi >= WEFT_DAY_OPEN_UPPER)
    return;

  *lower = *any ? MIN (*lower, lo) : lo;
  *upper = *any ? MAX (*upper, hi) : hi;
  *any = TRUE;
}

gboolean
weft_dataset_get_date_range (WeftDataset *self,
                             gint64      *lower,
                             gint64      *upper)
{
  GPtrArray *arrays[] = { self->events, self->claims, self->relations, self->eras };
  gboolean any = FALSE;
  gint64 lo = 0, hi = 0;

  for (guint a = 0; a < G_N_ELEMENTS (arrays); a++)
    for (guint i = 0; i < arrays[a]->len; i++)
      {
        const WeftDate *date = weft_item_get_date (g_ptr_array_index (arrays[a], i));

        if (date != NULL)
          widen (date, &lo, &hi, &any);
      }

  if (lower != NULL)
    *lower = lo;
  if (upper != NULL)
    *upper = hi;

  return any;
}

/* ---- Enums -------------------------------------------------------------- */

const char * const weft_source_kind_names[WEFT_N_SOURCE_KINDS + 1] = {
  "article", "report", "survey", "dataset", "book", "other", NULL,
};

const char * const weft_entity_kind_names[WEFT_N_ENTITY_KINDS + 1] = {
  "organization", "company", "government", "person", "place", "group",
  "technology", "program", "other", NULL,
};

const char * const weft_claim_status_names[WEFT_N_STATUSES + 1] = {
  "reported", "alleged", "disputed", "confirmed", "denied", "opinion", NULL,
};

gboolean
weft_enum_lookup (const char * const *names,
                  const char         *string,
                  guint              *value)
{
  if (string == NULL)
    return FALSE;

  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], string))
      {
        *value = i;
        return TRUE;
      }

  return FALSE;
}

const char *
weft_source_kind_to_string (WeftSourceKind kind)
{
  g_return_val_if_fail (kind < WEFT_N_SOURCE_KINDS, "other");
  return weft_source_kind_names[kind];
}

gboolean
weft_source_kind_from_string (const char     *string,
                              WeftSourceKind *kind)
{
  guint v;

  if (!weft_enum_lookup (weft_source_kind_names, string, &v))
    return FALSE;
  *kind = v;
  return TRUE;
}

const char *
weft_entity_kind_to_string (WeftEntityKind kind)
{
  g_return_val_if_fail (kind < WEFT_N_ENTITY_KINDS, "other");
  return weft_entity_kind_names[kind];
}

gboolean
weft_entity_kind_from_string (const char     *string,
                              WeftEntityKind *kind)
{
  guint v;

  if (!weft_enum_lookup (weft_entity_kind_names, string, &v))
    return FALSE;
  *kind = v;
  return TRUE;
}

const char *
weft_entity_kind_label (WeftEntityKind kind)
{
  switch (kind)
    {
    case WEFT_ENTITY_ORGANIZATION: return _("Organization");
    case WEFT_ENTITY_COMPANY: return _("Company");
    case WEFT_ENTITY_GOVERNMENT: return _("Government");
    case WEFT_ENTITY_PERSON: return _("Person");
    case WEFT_ENTITY_PLACE: return _("Place");
    case WEFT_ENTITY_GROUP: return _("Group");
    case WEFT_ENTITY_TECHNOLOGY: return _("Technology");
    case WEFT_ENTITY_PROGRAM: return _("Program");
    case WEFT_ENTITY_OTHER:
    case WEFT_N_ENTITY_KINDS:
    default:
      return _("Other");
    }
}

const char *
weft_claim_status_to_string (WeftClaimStatus status)
{
  g_return_val_if_fail (status < WEFT_N_STATUSES, "reported");
  return weft_claim_status_names[status];
}

gboolean
weft_claim_status_from_string (const char      *string,
                               WeftClaimStatus *status)
{
  guint v;

  if (!weft_enum_lookup (weft_claim_status_names, string, &v))
    return FALSE;
  *status = v;
  return TRUE;
}

const char *
weft_claim_status_label (WeftClaimStatus status)
{
  switch (status)
    {
    case WEFT_STATUS_REPORTED: return C_("claim status", "Reported");
    case WEFT_STATUS_ALLEGED: return C_("claim status", "Alleged");
    case WEFT_STATUS_DISPUTED: return C_("claim status", "Disputed");
    case WEFT_STATUS_CONFIRMED: return C_("claim status", "Confirmed");
    case WEFT_STATUS_DENIED: return C_("claim status", "Denied");
    case WEFT_STATUS_OPINION: return C_("claim status", "Opinion");
    case WEFT_N_STATUSES:
    default:
      return C_("claim status", "Reported");
    }
}

const char *
weft_item_type_label (WeftItemType type)
{
  switch (type)
    {
    case WEFT_ITEM_SOURCE: return _("Source");
    case WEFT_ITEM_ENTITY: return _("Entity");
    case WEFT_ITEM_EVENT: return _("Event");
    case WEFT_ITEM_CLAIM: return _("Claim");
    case WEFT_ITEM_RELATION: return _("Relation");
    case WEFT_ITEM_ERA: return _("Era");
    case WEFT_ITEM_NONE:
    default:
      return _("Item");
    }
}
