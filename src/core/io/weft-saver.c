/* weft-saver.c: the .weft writer
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "weft-dataset-private.h"
#include "weft-error.h"
#include "weft-file.h"
#include "weft-members.h"
#include "weft-saver.h"

static void
set_strv (JsonObject         *object,
          const char         *member,
          const char * const *list)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; list[i] != NULL; i++)
    json_array_add_string_element (array, list[i]);
  json_object_set_array_member (object, member, array);
}

/* A number JSON holds but a double does not (1e400) was read as an
 * infinity, which json-glib writes as "inf.0", text no JSON reader takes
 * (found by fuzz-loader). Returns a copy of @node with the largest double
 * of that sign instead of each, which reads back as itself; or NULL when
 * @node holds none (copy it as it is, which shares its containers). */
static JsonNode *
copy_finite (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_DOUBLE && isinf (json_node_get_double (node)))
        return json_node_init_double (json_node_alloc (), json_node_get_double (node) > 0 ? G_MAXDOUBLE : -G_MAXDOUBLE);
      return NULL;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);
        JsonArray *finite = NULL;
        JsonNode *member;

        for (guint i = 0; i < n; i++)
          {
            JsonNode *element = json_array_get_element (array, i);
            JsonNode *copy = copy_finite (element);

            if (copy != NULL && finite == NULL)
              {
                finite = json_array_sized_new (n);
                for (guint j = 0; j < i; j++)
                  json_array_add_element (finite, json_node_copy (json_array_get_element (array, j)));
              }
            if (finite != NULL)
              json_array_add_element (finite, copy != NULL ? copy : json_node_copy (element));
          }
        if (finite == NULL)
          return NULL;
        member = json_node_new (JSON_NODE_ARRAY);
        json_node_take_array (member, finite);
        return member;
      }

    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        JsonObject *finite = NULL;
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        json_object_iter_init_ordered (&iter, object);
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            JsonNode *copy = copy_finite (member);

            if (copy != NULL && finite == NULL)
              {
                JsonObjectIter before;
                const char *earlier;
                JsonNode *value;

                finite = json_object_new ();
                json_object_iter_init_ordered (&before, object);
                while (json_object_iter_next_ordered (&before, &earlier, &value) && value != member)
                  json_object_set_member (finite, earlier, json_node_copy (value));
              }
            if (finite != NULL)
              json_object_set_member (finite, name, copy != NULL ? copy : json_node_copy (member));
          }
        if (finite == NULL)
          return NULL;
        member = json_node_new (JSON_NODE_OBJECT);
        json_node_take_object (member, finite);
        return member;
      }

    case JSON_NODE_NULL:
    default:
      return NULL;
    }
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
      {
        JsonNode *finite = copy_finite (node);

        json_object_set_member (object, name, finite != NULL ? finite : json_node_copy (node));
      }
}

void
weft_member_to_json (WeftDataset      *self,
                     JsonObject       *object,
                     const WeftMember *m,
                     gconstpointer     base)
{
  switch (m->type)
    {
    case WEFT_MEMBER_STRING:
    case WEFT_MEMBER_DATE:
      {
        const char *value = WEFT_MEMBER_FIELD (base, m->offset, const char *);

        if (value == NULL && m->required)
          value = "";
        if (value != NULL)
          json_object_set_string_member (object, m->name, value);
      }
      break;

    case WEFT_MEMBER_STRINGS:
      {
        static const char * const none[] = { NULL };
        const char * const *list = WEFT_MEMBER_FIELD (base, m->offset, const char * const *);

        if (list == NULL && m->required)
          list = none;
        if (list != NULL)
          set_strv (object, m->name, list);
      }
      break;

    case WEFT_MEMBER_ENUM:
      json_object_set_string_member (object, m->name, m->names[WEFT_MEMBER_FIELD (base, m->offset, guint)]);
      break;

    case WEFT_MEMBER_JSON:
      {
        JsonNode *node = WEFT_MEMBER_FIELD (base, m->offset, JsonNode *);

        if (node != NULL)
          json_object_set_member (object, m->name, json_node_copy (node));
      }
      break;

    case WEFT_MEMBER_OBJECTS:
      {
        const guint8 *elements = WEFT_MEMBER_FIELD (base, m->offset, const guint8 *);
        guint n = WEFT_MEMBER_FIELD (base, m->length_offset, guint);
        JsonArray *array;

        if (n == 0 && !m->required)
          break;
        array = json_array_new ();
        for (guint i = 0; i < n; i++)
          json_array_add_object_element (array, weft_members_to_json (self, m->table, elements + i * m->table->size));
        json_object_set_array_member (object, m->name, array);
      }
      break;

    case WEFT_MEMBER_ITEMS:
      {
        GPtrArray *items = weft_dataset_get_items (self, m->table->type);
        JsonArray *array;

        if (items->len == 0 && m->fallback == 1)
          break;
        array = json_array_sized_new (items->len);

        for (guint i = 0; i < items->len; i++)
          json_array_add_object_element (array, weft_members_to_json (self, m->table, g_ptr_array_index (items, i)));
        json_object_set_array_member (object, m->name, array);
      }
      break;

    case WEFT_MEMBER_VERSION:
    default:
      json_object_set_int_member (object, m->name, WEFT_FORMAT_VERSION);
      break;
    }
}

JsonObject *
weft_members_to_json (WeftDataset           *self,
                      const WeftMemberTable *table,
                      gconstpointer          base)
{
  JsonObject *object = json_object_new ();

  for (guint i = 0; i < table->n_members; i++)
    weft_member_to_json (self, object, &table->members[i], base);
  add_extra (object, WEFT_MEMBER_FIELD (base, table->extra_offset, JsonObject *));

  return object;
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

/* json-glib 1.6 writes a double with an exponent and no point, such as
 * 1e+22, as "1e+22.0", which is not JSON: such numbers lose the ".0",
 * in place (outside strings only). */
static void
mend_exponents (char  *data,
                gsize *length)
{
  gboolean in_string = FALSE;
  gsize out = 0;

  for (gsize i = 0; i < *length;)
    {
      char c = data[i];

      if (in_string)
        {
          data[out++] = data[i++];
          if (c == '\\' && i < *length)
            data[out++] = data[i++];
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      if (c == '"')
        in_string = TRUE;
      if (c == '-' || g_ascii_isdigit (c))
        {
          gsize end = i, start = out;
          gboolean exponent = FALSE;

          while (end < *length && (g_ascii_isdigit (data[end]) || strchr ("+-.eE", data[end]) != NULL))
            {
              exponent = exponent || data[end] == 'e' || data[end] == 'E';
              data[out++] = data[end++];
            }
          if (exponent && out - start > 2 && data[out - 2] == '.' && data[out - 1] == '0')
            out -= 2;
          i = end;
          continue;
        }
      data[out++] = data[i++];
    }
  data[out] = '\0';
  *length = out;
}

char *
weft_json_generator_to_data (JsonGenerator *generator,
                             gsize         *length)
{
  gsize len;
  char *data = escape_raw_controls (json_generator_to_data (generator, &len), &len);

  mend_exponents (data, &len);

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
  JsonObject *root = weft_members_to_json (self, &weft_file_members, weft_dataset_get_header (self));
  char *data;
  gsize len;

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
