/* weft-export-csv.c: a dataset as CSV tables a spreadsheet opens
 *
 * One table per kind of item (entities, events, claims, citations,
 * sources, relations, eras), RFC 4180: comma-separated, fields quoted when
 * they hold a comma, a quote (written twice) or a line break, records
 * ended by CRLF, UTF-8 without a byte order mark. Lists in a cell are
 * separated by "; ". events.csv has the columns the events import reads
 * (date, title, description, participants by name, group), so it can be
 * read back.
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <string.h>

#include "weft-csv.h"
#include "weft-interchange-private.h"

static char *
join (const char * const *list)
{
  return list ? g_strjoinv ("; ", (char **) list) : g_strdup ("");
}

static const char *
or_empty (const char *text)
{
  return text ? text : "";
}

typedef struct {
  WeftWriter  writer;
  GString    *row;
} Table;

static void
table_record (Table              *t,
              const char * const *fields,
              guint               n)
{
  g_string_truncate (t->row, 0);
  weft_csv_append_record (t->row, fields, n);
  weft_writer_append_len (&t->writer, t->row->str, t->row->len);
}

static void
write_entities (WeftDataset *dataset,
                Table       *t)
{
  static const char * const header[] = { "id", "name", "kind", "aliases", "description", "tags", "country" };
  GPtrArray *list = weft_dataset_get_entities (dataset);

  table_record (t, header, G_N_ELEMENTS (header));
  for (guint i = 0; i < list->len; i++)
    {
      WeftEntity *e = g_ptr_array_index (list, i);
      g_autofree char *aliases = join (e->aliases);
      g_autofree char *tags = join (e->tags);
      const char *fields[] = {
        e->item.id, e->name, weft_entity_kind_to_string (e->kind), aliases,
        or_empty (e->description), tags, or_empty (e->country),
      };

      table_record (t, fields, G_N_ELEMENTS (fields));
    }
}

static void
write_events (WeftDataset *dataset,
              Table       *t)
{
  static const char * const header[] = {
    "id", "date", "title", "description", "participants", "group", "tags", "claims", "participant_ids", "roles",
  };
  GPtrArray *list = weft_dataset_get_events (dataset);

  table_record (t, header, G_N_ELEMENTS (header));
  for (guint i = 0; i < list->len; i++)
    {
      WeftEvent *e = g_ptr_array_index (list, i);
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      g_autoptr(GPtrArray) ids = g_ptr_array_new ();
      g_autoptr(GPtrArray) roles = g_ptr_array_new ();
      g_autofree char *participants = NULL;
      g_autofree char *participant_ids = NULL;
      g_autofree char *role_list = NULL;
      g_autofree char *tags = join (e->tags);
      g_autofree char *claims = join (e->claims);
      gboolean any_role = FALSE;

      for (guint j = 0; j < e->n_participants; j++)
        {
          WeftEntity *entity = weft_dataset_lookup_entity (dataset, e->participants[j].entity);

          g_ptr_array_add (names, (gpointer) (entity ? entity->name : e->participants[j].entity));
          g_ptr_array_add (ids, (gpointer) e->participants[j].entity);
          g_ptr_array_add (roles, (gpointer) or_empty (e->participants[j].role));
          any_role |= e->participants[j].role != NULL;
        }
      g_ptr_array_add (names, NULL);
      g_ptr_array_add (ids, NULL);
      g_ptr_array_add (roles, NULL);
      participants = join ((const char * const *) names->pdata);
      participant_ids = join ((const char * const *) ids->pdata);
      role_list = any_role ? join ((const char * const *) roles->pdata) : g_strdup ("");

      {
        const char *fields[] = {
          e->item.id, e->date_text, e->title, or_empty (e->description), participants,
          or_empty (e->group), tags, claims, participant_ids, role_list,
        };

        table_record (t, fields, G_N_ELEMENTS (fields));
      }
    }
}

static void
write_claims (WeftDataset *dataset,
              Table       *t)
{
  static const char * const header[] = { "id", "text", "status", "claimant", "about", "date", "sources" };
  GPtrArray *list = weft_dataset_get_claims (dataset);

  table_record (t, header, G_N_ELEMENTS (header));
  for (guint i = 0; i < list->len; i++)
    {
      WeftClaim *c = g_ptr_array_index (list, i);
      g_autoptr(GPtrArray) sources = g_ptr_array_new ();
      g_autofree char *about = join (c->about);
      g_autofree char *source_list = NULL;

      for (guint j = 0; j < c->n_citations; j++)
        g_ptr_array_add (sources, (gpointer) c->citations[j].source);
      g_ptr_array_add (sources, NULL);
      source_list = join ((const char * const *) sources->pdata);

      {
        const char *fields[] = {
          c->item.id, c->text, weft_claim_status_to_string (c->status), or_empty (c->claimant),
          about, or_empty (c->date_text), source_list,
        };

        table_record (t, fields, G_N_ELEMENTS (fields));
      }
    }
}

static void
write_citations (WeftDataset *dataset,
                 Table       *t)
{
  static const char * const header[] = { "claim", "source", "quote", "locator" };
  GPtrArray *list = weft_dataset_get_claims (dataset);

  table_record (t, header, G_N_ELEMENTS (header));
  for (guint i = 0; i < list->len; i++)
    {
      WeftClaim *c = g_ptr_array_index (list, i);

      for (guint j = 0; j < c->n_citations; j++)
        {
          const char *fields[] = {
            c->item.id, c->citations[j].source, c->citations[j].quote, or_empty (c->citations[j].locator),
          };

          table_record (t, fields, G_N_ELEMENTS (fields));
        }
    }
}

static void
write_sources (WeftDataset *dataset,
               Table       *t)
{
  static const char * const header[] = { "id", "title", "kind", "author", "publisher", "date", "url", "cited_by" };
  GPtrArray *list = weft_dataset_get_sources (dataset);

  table_record (t, header, G_N_ELEMENTS (header));
  for (guint i = 0; i < list->len; i++)
    {
      WeftSource *s = g_ptr_array_index (list, i);
      const char *fields[] = {
        s->item.id, s->title, weft_source_kind_to_string (s->kind), or_empty (s->author),
        or_empty (s->publisher), or_empty (s->date_text), or_empty (s->url), or_empty (s->cited_by),
      };

      table_record (t, fields, G_N_ELEMENTS (fields));
    }
}

static void
write_relations (WeftDataset *dataset,
                 Table       *t)
{
  static const char * const header[] = { "id", "from", "to", "type", "label", "date", "claims", "from_name", "to_name" };
  GPtrArray *list = weft_dataset_get_relations (dataset);

  table_record (t, header, G_N_ELEMENTS (header));
  for (guint i = 0; i < list->len; i++)
    {
      WeftRelation *r = g_ptr_array_index (list, i);
      WeftItem *from = weft_dataset_lookup (dataset, r->from);
      WeftItem *to = weft_dataset_lookup (dataset, r->to);
      g_autofree char *claims = join (r->claims);
      const char *fields[] = {
        r->item.id, r->from, r->to, r->type, or_empty (r->label), or_empty (r->date_text), claims,
        from ? weft_item_get_label (from) : "", to ? weft_item_get_label (to) : "",
      };

      table_record (t, fields, G_N_ELEMENTS (fields));
    }
}

static void
write_eras (WeftDataset *dataset,
            Table       *t)
{
  static const char * const header[] = { "id", "title", "date", "color" };
  GPtrArray *list = weft_dataset_get_eras (dataset);

  table_record (t, header, G_N_ELEMENTS (header));
  for (guint i = 0; i < list->len; i++)
    {
      WeftEra *e = g_ptr_array_index (list, i);
      const char *fields[] = { e->item.id, e->title, e->date_text, or_empty (e->color) };

      table_record (t, fields, G_N_ELEMENTS (fields));
    }
}

gboolean
weft_export_csv_tables (WeftDataset     *dataset,
                        WeftOpenTable    open_table,
                        WeftCloseTable   close_table,
                        gpointer         user_data,
                        GError         **error)
{
  static const struct {
    const char *name;
    void      (*write) (WeftDataset *dataset, Table *t);
  } tables[] = {
    { "entities", write_entities },
    { "events", write_events },
    { "claims", write_claims },
    { "citations", write_citations },
    { "sources", write_sources },
    { "relations", write_relations },
    { "eras", write_eras },
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      GOutputStream *stream = open_table (tables[i].name, user_data, error);
      Table t;
      gboolean ok;

      if (stream == NULL)
        return FALSE;

      weft_writer_init (&t.writer, stream);
      t.row = g_string_new (NULL);
      tables[i].write (dataset, &t);
      g_string_free (t.row, TRUE);
      ok = weft_writer_finish (&t.writer, error);
      if (!close_table (stream, ok, user_data, ok ? error : NULL) || !ok)
        return FALSE;
    }

  return TRUE;
}
