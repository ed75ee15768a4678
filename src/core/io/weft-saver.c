/* weft-saver.c: the .weft writer
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "weft-dataset-private.h"
#include "weft-error.h"
#include "weft-file.h"
#include "weft-saver.h"

static void
set_string (JsonObject *object,
            const char *member,
            const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, member, value);
}

static void
set_strv (JsonObject         *object,
          const char         *member,
          const char * const *list)
{
  JsonArray *array;

  if (list == NULL)
    return;

  array = json_array_new ();
  for (guint i = 0; list[i] != NULL; i++)
    json_array_add_string_element (array, list[i]);
  json_object_set_array_member (object, member, array);
}

static void
add_extra (JsonObject *object,
           JsonObject *extra)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (extra == NULL)
    return;

  /* In the file's order: json_object_iter_next() goes in hash order,
   * which would shuffle unknown members on every save. */
  json_object_iter_init_ordered (&iter, extra);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    if (!json_object_has_member (object, name))
      json_object_set_member (object, name, json_node_copy (node));
}

static JsonObject *
start_item (const WeftItem *item)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "id", item->id);
  return object;
}

static JsonObject *
source_to_json (const WeftSource *s)
{
  JsonObject *o = start_item (&s->item);

  set_string (o, "title", s->title);
  set_string (o, "publisher", s->publisher);
  set_string (o, "author", s->author);
  set_string (o, "date", s->date_text);
  set_string (o, "url", s->url);
  set_string (o, "kind", weft_source_kind_to_string (s->kind));
  set_string (o, "cited_by", s->cited_by);
  add_extra (o, s->item.extra);
  return o;
}

static JsonObject *
entity_to_json (const WeftEntity *e)
{
  JsonObject *o = start_item (&e->item);

  set_string (o, "name", e->name);
  set_string (o, "kind", weft_entity_kind_to_string (e->kind));
  set_strv (o, "aliases", e->aliases);
  set_string (o, "description", e->description);
  set_strv (o, "tags", e->tags);
  set_string (o, "country", e->country);
  add_extra (o, e->item.extra);
  return o;
}

static JsonObject *
event_to_json (const WeftEvent *e)
{
  JsonObject *o = start_item (&e->item);
  JsonArray *participants = json_array_new ();

  set_string (o, "title", e->title);
  set_string (o, "date", e->date_text);
  set_string (o, "description", e->description);
  for (guint i = 0; i < e->n_participants; i++)
    {
      JsonObject *p = json_object_new ();

      set_string (p, "entity", e->participants[i].entity);
      set_string (p, "role", e->participants[i].role);
      add_extra (p, e->participants[i].extra);
      json_array_add_object_element (participants, p);
    }
  json_object_set_array_member (o, "participants", participants);
  set_strv (o, "claims", e->claims);
  set_string (o, "group", e->group);
  set_strv (o, "tags", e->tags);
  add_extra (o, e->item.extra);
  return o;
}

static JsonObject *
claim_to_json (const WeftClaim *c)
{
  JsonObject *o = start_item (&c->item);
  JsonArray *citations = json_array_new ();
  static const char * const none[] = { NULL };

  set_string (o, "text", c->text);
  set_string (o, "status", weft_claim_status_to_string (c->status));
  set_string (o, "claimant", c->claimant);
  set_strv (o, "about", c->about ? c->about : (const char **) none);
  set_string (o, "date", c->date_text);
  for (guint i = 0; i < c->n_citations; i++)
    {
      JsonObject *ci = json_object_new ();

      set_string (ci, "source", c->citations[i].source);
      set_string (ci, "quote", c->citations[i].quote);
      set_string (ci, "locator", c->citations[i].locator);
      add_extra (ci, c->citations[i].extra);
      json_array_add_object_element (citations, ci);
    }
  json_object_set_array_member (o, "citations", citations);
  add_extra (o, c->item.extra);
  return o;
}

static JsonObject *
relation_to_json (const WeftRelation *r)
{
  JsonObject *o = start_item (&r->item);

  set_string (o, "from", r->from);
  set_string (o, "to", r->to);
  set_string (o, "type", r->type);
  set_string (o, "label", r->label);
  set_string (o, "date", r->date_text);
  set_strv (o, "claims", r->claims);
  add_extra (o, r->item.extra);
  return o;
}

static JsonObject *
era_to_json (const WeftEra *e)
{
  JsonObject *o = start_item (&e->item);

  set_string (o, "title", e->title);
  set_string (o, "date", e->date_text);
  set_string (o, "color", e->color);
  add_extra (o, e->item.extra);
  return o;
}

typedef JsonObject *(*ToJson) (gconstpointer item);

static void
add_items (JsonObject *root,
           const char *member,
           GPtrArray  *items,
           ToJson      to_json)
{
  JsonArray *array = json_array_sized_new (items->len);

  for (guint i = 0; i < items->len; i++)
    json_array_add_object_element (array, to_json (g_ptr_array_index (items, i)));
  json_object_set_array_member (root, member, array);
}

/* json-glib 1.6 escapes every control character in a string but U+001F,
 * which it writes as it is; no strict JSON reader (ours included) accepts
 * that, so a dataset holding one saved as a file Weft could not open again
 * (found by fuzz-import with a CSV field). Outside strings the generator
 * writes no control character but the line breaks of its layout, so every
 * other one is inside a string: escape it. Takes @data. */
static char *
escape_raw_controls (char  *data,
                     gsize *length)
{
  GString *out;
  gsize n = 0;

  for (gsize i = 0; i < *length; i++)
    if ((guchar) data[i] < 0x20 && data[i] != '\n')
      n++;
  if (n == 0)
    return data;

  out = g_string_sized_new (*length + 5 * n);
  for (gsize i = 0; i < *length; i++)
    {
      guchar c = (guchar) data[i];

      if (c < 0x20 && c != '\n')
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_free (data);
  *length = out->len;
  return g_string_free (out, FALSE);
}

char *
weft_json_generator_to_data (JsonGenerator *generator,
                             gsize         *length)
{
  gsize len;
  char *data = escape_raw_controls (json_generator_to_data (generator, &len), &len);

  if (length != NULL)
    *length = len;
  return data;
}

char *
weft_dataset_to_data (WeftDataset *self,
                      gsize       *length)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *root = json_object_new ();
  char *data;
  gsize len;

  json_object_set_int_member (root, "weft", WEFT_FORMAT_VERSION);
  set_string (root, "title", weft_dataset_get_title (self) ? weft_dataset_get_title (self) : "");
  set_string (root, "description", weft_dataset_get_description (self));
  set_string (root, "language", weft_dataset_get_language (self));
  add_items (root, "sources", weft_dataset_get_sources (self), (ToJson) source_to_json);
  add_items (root, "entities", weft_dataset_get_entities (self), (ToJson) entity_to_json);
  add_items (root, "events", weft_dataset_get_events (self), (ToJson) event_to_json);
  add_items (root, "claims", weft_dataset_get_claims (self), (ToJson) claim_to_json);
  add_items (root, "relations", weft_dataset_get_relations (self), (ToJson) relation_to_json);
  add_items (root, "eras", weft_dataset_get_eras (self), (ToJson) era_to_json);
  add_extra (root, weft_dataset_get_extra (self));

  json_node_take_object (node, root);
  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);

  data = weft_json_generator_to_data (generator, &len);
  /* End with a newline, as text files do. */
  data = g_realloc (data, len + 2);
  data[len++] = '\n';
  data[len] = '\0';

  if (length != NULL)
    *length = len;
  return data;
}

gboolean
weft_dataset_save (WeftDataset   *self,
                   GFile         *file,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (WEFT_IS_DATASET (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  data = weft_dataset_to_data (self, &length);

  if (!weft_file_replace_contents (file, data, length, cancellable, &local_error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, WEFT_ERROR, WEFT_ERROR_IO,
                   _("Could not save %s: %s. The previous version of the file is unchanged; "
                     "free some space or save to another folder."),
                   name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

gboolean
weft_dataset_save_path (WeftDataset  *self,
                        const char   *path,
                        GError      **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  return weft_dataset_save (self, file, NULL, error);
}
