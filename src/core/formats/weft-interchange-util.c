/* weft-interchange-util.c: writers, ids, dates and JSON helpers shared by
 * the importers and exporters
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "weft-error.h"
#include "weft-hash.h"
#include "weft-interchange-private.h"
#include "weft-json-locate.h"
#include "weft-loader.h"
#include "weft-members.h"
#include "weft-saver.h"

/* ---- Writer --------------------------------------------------------------- */

#define WRITER_CHUNK (256 * 1024)

void
weft_writer_init (WeftWriter    *writer,
                  GOutputStream *stream)
{
  writer->stream = stream;
  writer->buffer = g_string_sized_new (WRITER_CHUNK + 4096);
  writer->error = NULL;
}

static void
writer_flush (WeftWriter *writer)
{
  gsize written = 0;

  if (writer->error == NULL && writer->buffer->len > 0)
    g_output_stream_write_all (writer->stream, writer->buffer->str, writer->buffer->len,
                               &written, NULL, &writer->error);
  g_string_truncate (writer->buffer, 0);
}

static inline void
writer_maybe_flush (WeftWriter *writer)
{
  if (writer->buffer->len >= WRITER_CHUNK)
    writer_flush (writer);
}

void
weft_writer_append_len (WeftWriter *writer,
                        const char *text,
                        gsize       length)
{
  g_string_append_len (writer->buffer, text, length);
  writer_maybe_flush (writer);
}

void
weft_writer_append (WeftWriter *writer,
                    const char *text)
{
  if (text != NULL)
    weft_writer_append_len (writer, text, strlen (text));
}

void
weft_writer_append_c (WeftWriter *writer,
                      char        c)
{
  g_string_append_c (writer->buffer, c);
  writer_maybe_flush (writer);
}

void
weft_writer_printf (WeftWriter *writer,
                    const char *format,
                    ...)
{
  va_list args;

  va_start (args, format);
  g_string_append_vprintf (writer->buffer, format, args);
  va_end (args);
  writer_maybe_flush (writer);
}

/* XML 1.0 allows tab, newline, carriage return, U+0020–U+D7FF,
 * U+E000–U+FFFD and U+10000–U+10FFFF. */
static gboolean
xml_char_ok (gunichar c)
{
  return c == 0x9 || c == 0xA || c == 0xD ||
         (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

void
weft_writer_append_xml (WeftWriter *writer,
                        const char *text)
{
  g_autofree char *valid = NULL;
  GString *out = writer->buffer;

  if (text == NULL)
    return;
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\'': g_string_append (out, "&apos;"); break;
        /* Keep line breaks in attributes as line breaks. */
        case '\n': g_string_append (out, "&#10;"); break;
        case '\r': g_string_append (out, "&#13;"); break;
        case '\t': g_string_append (out, "&#9;"); break;
        default:
          if (xml_char_ok (c))
            g_string_append_len (out, p, g_utf8_next_char (p) - p);
          else
            g_string_append (out, "\xEF\xBF\xBD");
          break;
        }
    }
  writer_maybe_flush (writer);
}

void
weft_writer_append_json_string (WeftWriter *writer,
                                const char *text)
{
  GString *out = writer->buffer;
  const guchar *p = (const guchar *) (text ? text : "");
  const guchar *run = p;

  g_string_append_c (out, '"');
  for (; *p != '\0'; p++)
    {
      guchar c = *p;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      g_string_append_len (out, (const char *) run, p - run);
      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default: g_string_append_printf (out, "\\u%04x", c); break;
        }
      run = p + 1;
    }
  g_string_append_len (out, (const char *) run, p - run);
  g_string_append_c (out, '"');
  writer_maybe_flush (writer);
}

void
weft_writer_append_json_key (WeftWriter *writer,
                             gboolean   *first,
                             const char *name)
{
  if (!*first)
    weft_writer_append_c (writer, ',');
  *first = FALSE;
  weft_writer_append_json_string (writer, name);
  weft_writer_append_c (writer, ':');
}

void
weft_writer_append_json_node (WeftWriter *writer,
                              JsonNode   *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;
        gboolean first = TRUE;

        weft_writer_append_c (writer, '{');
        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            weft_writer_append_json_key (writer, &first, name);
            weft_writer_append_json_node (writer, member);
          }
        weft_writer_append_c (writer, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        weft_writer_append_c (writer, '[');
        for (guint i = 0; i < n; i++)
          {
            if (i > 0)
              weft_writer_append_c (writer, ',');
            weft_writer_append_json_node (writer, json_array_get_element (array, i));
          }
        weft_writer_append_c (writer, ']');
      }
      break;

    case JSON_NODE_NULL:
      weft_writer_append (writer, "null");
      break;

    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          weft_writer_append_json_string (writer, json_node_get_string (node));
          break;
        case G_TYPE_BOOLEAN:
          weft_writer_append (writer, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_INT64:
          weft_writer_printf (writer, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
        default:
          {
            char buffer[G_ASCII_DTOSTR_BUF_SIZE];
            double value = json_node_get_double (node);

            /* JSON has no NaN or infinity. */
            if (!isfinite (value))
              weft_writer_append (writer, "null");
            else
              weft_writer_append (writer, g_ascii_dtostr (buffer, sizeof buffer, value));
          }
          break;
        }
      break;
    }
}

gboolean
weft_writer_finish (WeftWriter  *writer,
                    GError     **error)
{
  writer_flush (writer);
  g_string_free (writer->buffer, TRUE);
  writer->buffer = NULL;

  if (writer->error != NULL)
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_IO, "%s", writer->error->message);
      g_clear_error (&writer->error);
      return FALSE;
    }

  return TRUE;
}

/* ---- Graphs --------------------------------------------------------------- */

const char *
weft_export_item_type_name (WeftItemType type)
{
  switch (type)
    {
    case WEFT_ITEM_ENTITY: return "entity";
    case WEFT_ITEM_EVENT: return "event";
    case WEFT_ITEM_SOURCE: return "source";
    case WEFT_ITEM_CLAIM: return "claim";
    case WEFT_ITEM_RELATION: return "relation";
    case WEFT_ITEM_ERA: return "era";
    case WEFT_ITEM_NONE:
    default:
      return "item";
    }
}

void
weft_export_node_init (WeftExportNode *node,
                       const WeftItem *item)
{
  memset (node, 0, sizeof *node);
  node->type = weft_export_item_type_name (item->type);
  node->kind = node->type;
  node->date = weft_item_get_date (item);

  if (item->type == WEFT_ITEM_ENTITY)
    {
      const WeftEntity *e = (const WeftEntity *) item;

      node->kind = weft_entity_kind_to_string (e->kind);
      node->description = e->description;
      node->country = e->country;
    }
  else if (item->type == WEFT_ITEM_EVENT)
    {
      const WeftEvent *e = (const WeftEvent *) item;

      node->description = e->description;
      node->group = e->group;
      node->date_text = e->date_text;
    }
  else
    node->date_text = item->type == WEFT_ITEM_SOURCE ? ((const WeftSource *) item)->date_text
                    : item->type == WEFT_ITEM_CLAIM ? ((const WeftClaim *) item)->date_text
                    : item->type == WEFT_ITEM_RELATION ? ((const WeftRelation *) item)->date_text
                    : item->type == WEFT_ITEM_ERA ? ((const WeftEra *) item)->date_text : NULL;
}

void
weft_export_graph_attribute (WeftWriter *writer,
                             WeftFormat  format,
                             const char *key,
                             const char *value)
{
  if (value == NULL)
    return;

  if (format == WEFT_FORMAT_GEXF)
    {
      weft_writer_printf (writer, "          <attvalue for=\"%s\" value=\"", key);
      weft_writer_append_xml (writer, value);
      weft_writer_append (writer, "\"/>\n");
    }
  else
    {
      weft_writer_printf (writer, "      <data key=\"%s\">", key);
      weft_writer_append_xml (writer, value);
      weft_writer_append (writer, "</data>\n");
    }
}

static void
edge_clear (gpointer data)
{
  g_free (((WeftExportEdge *) data)->id);
}

GArray *
weft_export_graph_edges (WeftDataset *dataset,
                         GHashTable  *is_node)
{
  GArray *edges = g_array_new (FALSE, TRUE, sizeof (WeftExportEdge));
  GPtrArray *relations = weft_dataset_get_relations (dataset);
  GPtrArray *events = weft_dataset_get_events (dataset);

  g_array_set_clear_func (edges, edge_clear);

  for (guint i = 0; i < relations->len; i++)
    {
      WeftRelation *r = g_ptr_array_index (relations, i);
      WeftExportEdge edge = {
        &r->item, g_strdup (r->item.id), r->from, r->to, r->type, r->label,
        r->date_text, r->date_text ? &r->date : NULL,
      };

      /* A relation between items that are not nodes is left out. */
      if (!g_hash_table_contains (is_node, weft_dataset_lookup (dataset, r->from)) ||
          !g_hash_table_contains (is_node, weft_dataset_lookup (dataset, r->to)))
        {
          g_free (edge.id);
          continue;
        }
      g_array_append_val (edges, edge);
    }

  for (guint i = 0; i < events->len; i++)
    {
      WeftEvent *e = g_ptr_array_index (events, i);

      for (guint j = 0; j < e->n_participants; j++)
        {
          WeftExportEdge edge = {
            &e->item, g_strdup_printf ("%s/participant/%u", e->item.id, j),
            e->participants[j].entity, e->item.id, "participant", e->participants[j].role,
            e->date_text, e->date_text ? &e->date : NULL,
          };

          g_array_append_val (edges, edge);
        }
    }

  return edges;
}

void
weft_export_graph_edge_open (WeftWriter           *writer,
                             const char           *indent,
                             const WeftExportEdge *edge)
{
  weft_writer_append (writer, indent);
  weft_writer_append (writer, "<edge id=\"");
  weft_writer_append_xml (writer, edge->id);
  weft_writer_append (writer, "\" source=\"");
  weft_writer_append_xml (writer, edge->source);
  weft_writer_append (writer, "\" target=\"");
  weft_writer_append_xml (writer, edge->target);
  weft_writer_append_c (writer, '"');
}

void
weft_export_date_days (const WeftDate  *date,
                       char           **first,
                       char           **last)
{
  const WeftDateFlags unsure = WEFT_DATE_FLAG_OPEN | WEFT_DATE_FLAG_UNKNOWN;

  /* An unknown end is no known one: Weft places "2019/" at 2019 alone,
   * but another tool must not end it there. */
  *first = date->start.flags & unsure ? NULL : weft_day_to_iso (date->lower);
  *last = date->end.flags & unsure ? NULL : weft_day_to_iso (date->upper);
}

/* ---- Ids ------------------------------------------------------------------ */

void
weft_id_maker_init (WeftIdMaker *self)
{
  self->used = g_hash_table_new_full (weft_str_hash, g_str_equal, g_free, NULL);
}

void
weft_id_maker_clear (WeftIdMaker *self)
{
  g_clear_pointer (&self->used, g_hash_table_unref);
}

gboolean
weft_id_maker_claim (WeftIdMaker *self,
                     const char  *id)
{
  if (id == NULL || id[0] == '\0' || g_hash_table_contains (self->used, id))
    return FALSE;

  g_hash_table_add (self->used, g_strdup (id));
  return TRUE;
}

gboolean
weft_id_maker_has (WeftIdMaker *self,
                   const char  *id)
{
  return id != NULL && g_hash_table_contains (self->used, id);
}

char *
weft_slugify (const char *text,
              gsize       max_length)
{
  g_autofree char *ascii = NULL;
  GString *slug = g_string_new (NULL);
  gboolean dash = FALSE;

  if (text == NULL)
    return g_string_free (slug, FALSE);

  /* g_str_to_ascii() transliterates ("é" -> "e") and turns what it cannot
   * into "?", which becomes a dash below. */
  ascii = g_utf8_validate (text, -1, NULL) ? g_str_to_ascii (text, "C") : g_strdup ("");

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (dash && slug->len > 0)
            g_string_append_c (slug, '-');
          dash = FALSE;
          g_string_append_c (slug, g_ascii_tolower (*p));
        }
      else
        dash = TRUE;

      if (slug->len >= max_length)
        break;
    }

  /* Cut at a word boundary when too long. */
  if (slug->len > max_length)
    g_string_truncate (slug, max_length);
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);

  return g_string_free (slug, FALSE);
}

const char *
weft_id_maker_make (WeftIdMaker *self,
                    const char  *prefix,
                    const char  *text)
{
  g_autofree char *slug = weft_slugify (text, 48);
  g_autofree char *base = NULL;
  char *id;

  if (slug[0] == '\0')
    base = g_strdup (prefix);
  else
    base = g_strdup_printf ("%s-%s", prefix, slug);

  if (slug[0] != '\0' && !g_hash_table_contains (self->used, base))
    {
      id = g_steal_pointer (&base);
    }
  else
    {
      for (guint n = slug[0] != '\0' ? 2 : 1; ; n++)
        {
          id = g_strdup_printf ("%s-%u", base, n);
          if (!g_hash_table_contains (self->used, id))
            break;
          g_free (id);
        }
    }

  g_hash_table_add (self->used, id);
  return id;
}

/* ---- Dates ---------------------------------------------------------------- */

char *
weft_edtf_year (gint64 year)
{
  if (year > 9999 || year < -9999)
    return g_strdup_printf ("Y%" G_GINT64_FORMAT, year);
  if (year < 0)
    return g_strdup_printf ("-%04" G_GINT64_FORMAT, -year);
  return g_strdup_printf ("%04" G_GINT64_FORMAT, year);
}

gboolean
weft_date_text_get_time (const char *date_text,
                         guint       part,
                         guint      *hour,
                         guint      *minute,
                         guint      *second)
{
  g_auto(GStrv) parts = NULL;
  const char *t;
  guint h, m, s;

  if (date_text == NULL)
    return FALSE;

  parts = g_strsplit (date_text, "/", 2);
  if (g_strv_length (parts) <= part)
    return FALSE;

  t = strchr (parts[part], 'T');
  if (t == NULL)
    return FALSE;
  if (sscanf (t + 1, "%2u:%2u:%2u", &h, &m, &s) != 3)
    return FALSE;

  *hour = h;
  *minute = m;
  *second = s;
  return TRUE;
}

/* ---- JSON ----------------------------------------------------------------- */

const char *
weft_json_get_string (JsonObject *object,
                      const char *member)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;
  node = json_object_get_member (object, member);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

JsonObject *
weft_json_get_object (JsonObject *object,
                      const char *member)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;
  node = json_object_get_member (object, member);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_node_get_object (node);
}

JsonArray *
weft_json_get_array (JsonObject *object,
                     const char *member)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;
  node = json_object_get_member (object, member);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  return json_node_get_array (node);
}

JsonArray *
weft_json_strv_array (const char * const *strv)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_array_add_string_element (array, strv[i]);
  return array;
}

JsonArray *
weft_json_participants (const WeftEvent *event)
{
  JsonArray *participants = json_array_new ();

  for (guint i = 0; i < event->n_participants; i++)
    {
      JsonObject *p = json_object_new ();

      json_object_set_string_member (p, "entity", event->participants[i].entity);
      if (event->participants[i].role != NULL)
        json_object_set_string_member (p, "role", event->participants[i].role);
      json_array_add_object_element (participants, p);
    }
  return participants;
}

void
weft_json_write_history (JsonObject     *object,
                         const WeftItem *item)
{
  weft_member_to_json (NULL, object, weft_member_lookup (weft_item_members (item->type), "history"), item);
}

void
weft_json_read_history (WeftDataset *dataset,
                        WeftItem    *item,
                        JsonObject  *object)
{
  g_autoptr(WeftDataset) scratch = NULL;
  g_autoptr(JsonObject) wrap = NULL;
  JsonNode *history = json_object_get_member (object, "history");
  JsonObject *source;
  JsonArray *one;

  if (history == NULL)
    return;

  /* Read as the loader reads it, on a source of a scratch dataset: every
   * item keeps its history at the same place. */
  scratch = weft_dataset_new ();
  wrap = json_object_new ();
  one = json_array_new ();
  source = json_object_new ();
  json_object_set_string_member (source, "id", "history");
  json_object_set_string_member (source, "title", "history");
  json_object_set_member (source, "history", json_node_copy (history));
  json_array_add_object_element (one, source);
  json_object_set_array_member (wrap, "sources", one);
  weft_dataset_read_json_items (scratch, wrap, NULL);
  weft_member_copy (dataset, weft_member_lookup (weft_item_members (item->type), "history"), item,
                    g_ptr_array_index (weft_dataset_get_sources (scratch), 0));
}

JsonObject *
weft_item_get_extra_object (const WeftItem *item,
                            const char     *key)
{
  return weft_json_get_object (item->extra, key);
}

void
weft_item_set_extra (WeftItem   *item,
                     const char *key,
                     JsonNode   *value)
{
  if (item->extra == NULL)
    item->extra = json_object_new ();
  json_object_set_member (item->extra, key, value);
}
