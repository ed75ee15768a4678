/* weft-export-ftm.c: a dataset as FollowTheMoney JSON lines
 *
 * One entity a line: {"id", "schema", "properties": {name: [values]}}.
 * Entities are written as the schema their FtM import kept, else the one
 * their kind suggests; relations as the edge schema of their type (else
 * UnknownLink); events as Event; sources as Article, Table or Pages (not
 * Document, a file, which needs its fileName); claims as Documentation (a
 * source documents what the claim is about) or Note. What an FtM import
 * kept is written back as it was. What FtM has no property for (claim
 * status and quotes, event groups, exact EDTF dates, eras) goes in a
 * "weft" member next to "properties", which FtM tools ignore and Weft's
 * import reads back.
 *
 * Every entity-valued property names an entity of its range, as the FtM
 * model wants: an event's participants are "involved" or "organizer"
 * when they are legal entities, "addressEntity" when places, and
 * otherwise (technologies, programmes) the object of an UnknownLink from
 * the event with the role, marked "weft": {"participant": true} so that
 * Weft's import skips it; a claim is about what fits. (What an FtM import
 * read is written back as it was, fitting or not.) Dates FtM cannot say
 * without claiming more precision than they have (199X, 19XX) are left
 * out of the properties.
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <string.h>

#include "weft-ftm-schema.h"
#include "weft-interchange-private.h"

typedef struct {
  const char *name;
  GPtrArray  *values;   /* const char *, borrowed */
} Prop;

typedef struct {
  GArray     *props;    /* Prop */
  GPtrArray  *owned;    /* strings made here */
} Props;

static void
props_init (Props *p)
{
  p->props = g_array_new (FALSE, FALSE, sizeof (Prop));
  p->owned = g_ptr_array_new_with_free_func (g_free);
}

static void
props_clear (Props *p)
{
  for (guint i = 0; i < p->props->len; i++)
    g_ptr_array_unref (g_array_index (p->props, Prop, i).values);
  g_array_unref (p->props);
  g_ptr_array_unref (p->owned);
}

static Prop *
props_get (Props      *p,
           const char *name)
{
  Prop prop;

  for (guint i = 0; i < p->props->len; i++)
    if (strcmp (g_array_index (p->props, Prop, i).name, name) == 0)
      return &g_array_index (p->props, Prop, i);

  prop.name = name;
  prop.values = g_ptr_array_new ();
  g_array_append_val (p->props, prop);
  return &g_array_index (p->props, Prop, p->props->len - 1);
}

static void
props_add (Props      *p,
           const char *name,
           const char *value)
{
  if (value != NULL)
    g_ptr_array_add (props_get (p, name)->values, (gpointer) value);
}

static void
props_take (Props      *p,
            const char *name,
            char       *value)
{
  if (value != NULL)
    {
      g_ptr_array_add (p->owned, value);
      props_add (p, name, value);
    }
}

static void
props_add_all (Props              *p,
               const char         *name,
               const char * const *values)
{
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    props_add (p, name, values[i]);
}

/* ---- Kept FtM members ----------------------------------------------------- */

static JsonObject *
kept (const WeftItem *item)
{
  return weft_item_get_extra_object (item, "ftm");
}

static JsonObject *
kept_properties (const WeftItem *item)
{
  return weft_json_get_object (kept (item), "properties");
}

static gboolean
kept_has (const WeftItem *item,
          const char     *property)
{
  JsonObject *properties = kept_properties (item);

  return properties != NULL && json_object_has_member (properties, property);
}

/* The FtM property Weft's @field came from, when not the usual one (the
 * property itself is kept): the usual one is then not written. */
static gboolean
came_from_elsewhere (const WeftItem *item,
                     const char     *field)
{
  return weft_json_get_string (weft_json_get_object (kept (item), "from"), field) != NULL;
}

/* Whether a kept property of @names already says @value. */
static gboolean
kept_says_date (const WeftItem     *item,
                const char * const *names,
                const char         *value)
{
  JsonObject *properties = kept_properties (item);

  for (guint i = 0; properties != NULL && names != NULL && names[i] != NULL; i++)
    {
      JsonArray *values = weft_json_get_array (properties, names[i]);
      const char *first = values && json_array_get_length (values) > 0 ? json_array_get_string_element (values, 0) : NULL;
      gboolean exact;
      g_autofree char *edtf = first ? weft_ftm_date_to_edtf (first, &exact) : NULL;

      if (edtf != NULL && g_strcmp0 (edtf, value) == 0)
        return TRUE;
    }
  return FALSE;
}

/* ---- Writing a line ------------------------------------------------------- */

static void
write_values (WeftWriter *w,
              GPtrArray  *values)
{
  weft_writer_append_c (w, '[');
  for (guint i = 0; i < values->len; i++)
    {
      if (i > 0)
        weft_writer_append_c (w, ',');
      weft_writer_append_json_string (w, g_ptr_array_index (values, i));
    }
  weft_writer_append_c (w, ']');
}

/* Writes the line: Weft's properties first, then the kept ones (values of
 * a property Weft also has follow its own), then the kept top-level
 * members and the "weft" member (with the item's history). */
static void
write_line (WeftWriter     *w,
            const WeftItem *item,
            const char     *schema,
            Props          *props,
            JsonObject     *weft)
{
  JsonObject *ftm = kept (item);
  JsonObject *extra_props = weft_json_get_object (ftm, "properties");
  g_autoptr(JsonObject) own = NULL;
  gboolean first = TRUE;

  weft_writer_append (w, "{\"id\":");
  weft_writer_append_json_string (w, item->id);
  weft_writer_append (w, ",\"schema\":");
  weft_writer_append_json_string (w, schema);
  weft_writer_append (w, ",\"properties\":{");

  for (guint i = 0; i < props->props->len; i++)
    {
      Prop *prop = &g_array_index (props->props, Prop, i);
      JsonArray *more = extra_props ? weft_json_get_array (extra_props, prop->name) : NULL;

      if (prop->values->len == 0)
        continue;
      if (more != NULL)
        for (guint k = 0; k < json_array_get_length (more); k++)
          {
            const char *value = json_array_get_string_element (more, k);
            if (value != NULL)
              g_ptr_array_add (prop->values, (gpointer) value);
          }

      weft_writer_append_json_key (w, &first, prop->name);
      write_values (w, prop->values);
    }

  if (extra_props != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *node;

      json_object_iter_init_ordered (&iter, extra_props);
      while (json_object_iter_next_ordered (&iter, &name, &node))
        {
          gboolean written = FALSE;

          for (guint i = 0; i < props->props->len; i++)
            {
              Prop *prop = &g_array_index (props->props, Prop, i);
              written |= prop->values->len > 0 && strcmp (prop->name, name) == 0 && JSON_NODE_HOLDS_ARRAY (node);
            }
          if (written)
            continue;
          weft_writer_append_json_key (w, &first, name);
          weft_writer_append_json_node (w, node);
        }
    }
  weft_writer_append_c (w, '}');
  first = FALSE;   /* the top level goes on after "properties" */

  if (ftm != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *node;

      json_object_iter_init_ordered (&iter, ftm);
      while (json_object_iter_next_ordered (&iter, &name, &node))
        {
          if (g_str_equal (name, "schema") || g_str_equal (name, "properties") || g_str_equal (name, "from") ||
              g_str_equal (name, "placeholder") || g_str_equal (name, "id") || g_str_equal (name, "weft"))
            continue;
          weft_writer_append_json_key (w, &first, name);
          weft_writer_append_json_node (w, node);
        }
    }

  if (item->n_history > 0)
    {
      if (weft == NULL)
        weft = own = json_object_new ();
      weft_json_write_history (weft, item);
    }
  if (weft != NULL && json_object_get_size (weft) > 0)
    {
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), weft);

      weft_writer_append (w, ",\"weft\":");
      weft_writer_append_json_node (w, node);
    }

  weft_writer_append (w, "}\n");
}

/* ---- Dates ---------------------------------------------------------------- */

/* An FtM date for a point: "2010", "2010-05" or "2010-05-03"; NULL when
 * FtM cannot say it (before year 1000, beyond 9999, open or unknown, a
 * decade or a century). */
static char *
ftm_point (const WeftDatePoint *p)
{
  if (p->flags & (WEFT_DATE_FLAG_OPEN | WEFT_DATE_FLAG_UNKNOWN))
    return NULL;
  if (p->year < 1000 || p->year > 9999)
    return NULL;
  /* "1850" would say the year is known. */
  if (p->precision >= WEFT_DATE_PRECISION_DECADE)
    return NULL;

  switch (p->precision)
    {
    case WEFT_DATE_PRECISION_DAY:
      return g_strdup_printf ("%04d-%02d-%02d", p->year, p->month, p->day);
    case WEFT_DATE_PRECISION_MONTH:
      return g_strdup_printf ("%04d-%02d", p->year, p->month);
    case WEFT_DATE_PRECISION_SEASON:
    case WEFT_DATE_PRECISION_YEAR:
    case WEFT_DATE_PRECISION_DECADE:
    case WEFT_DATE_PRECISION_CENTURY:
    case WEFT_DATE_PRECISION_MILLENNIUM:
    default:
      return g_strdup_printf ("%04d", p->year);
    }
}

static gboolean
in_list (const char * const *list,
         const char         *name)
{
  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    if (strcmp (list[i], name) == 0)
      return TRUE;
  return FALSE;
}

/* Adds the date properties of @schema for @date and returns whether an
 * import gets back exactly @date_text from them (else the exact EDTF
 * goes in the "weft" member). Properties the item kept are not written. */
static gboolean
add_dates (Props               *props,
           const WeftItem      *item,
           const WeftFtmSchema *schema,
           const WeftDate      *date,
           const char          *date_text,
           gboolean             point_only)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *expected = NULL;
  const char *start_prop = NULL, *end_prop = NULL;
  const char * const *starts = schema ? schema->start : NULL;
  const char * const *ends = schema ? schema->end : NULL;

  if (date_text == NULL || starts == NULL)
    return date_text == NULL;

  if (!date->is_interval || point_only)
    {
      start = ftm_point (&date->start);
      start_prop = in_list (starts, "date") ? "date" : starts[0];
      if (date->is_interval && point_only)
        g_clear_pointer (&start, g_free);
    }
  else
    {
      start = ftm_point (&date->start);
      start_prop = starts[0];
      if (ends != NULL)
        {
          end = ftm_point (&date->end);
          end_prop = ends[0];
        }
    }

  /* What the import would make of them (weft-import-ftm.c, extent_date). */
  if (start != NULL && end != NULL)
    expected = g_strdup_printf ("%s/%s", start, end);
  else if (start != NULL && ends != NULL && g_strcmp0 (start_prop, "date") != 0)
    expected = g_strdup_printf ("%s/", start);
  else if (start != NULL)
    expected = g_strdup (start);
  else if (end != NULL)
    expected = g_strdup_printf ("/%s", end);

  /* A value the kept properties already give is not written twice. */
  if (start != NULL && !kept_has (item, start_prop) && !kept_says_date (item, starts, start))
    props_take (props, start_prop, g_steal_pointer (&start));
  if (end != NULL && !kept_has (item, end_prop) && !kept_says_date (item, ends, end))
    props_take (props, end_prop, g_steal_pointer (&end));

  return g_strcmp0 (expected, date_text) == 0;
}

/* ---- Items ---------------------------------------------------------------- */

static const char *
kept_schema (const WeftItem *item)
{
  return weft_json_get_string (kept (item), "schema");
}

static const char *
entity_schema (const WeftEntity *e)
{
  return kept_schema (&e->item) ? kept_schema (&e->item) : weft_ftm_schema_for_kind (e->kind);
}

static const char *
source_schema (const WeftSource *s)
{
  return kept_schema (&s->item) ? kept_schema (&s->item) : weft_ftm_schema_for_source (s->kind);
}

/* The schema the item with @id is written as, as far as ranges go: NULL
 * for relations (edges are no Things) and ids that are not in the
 * dataset. */
static const WeftFtmSchema *
schema_of (WeftDataset *dataset,
           const char  *id)
{
  WeftItem *item = weft_dataset_lookup (dataset, id);
  const char *name = NULL;

  if (item == NULL)
    return NULL;
  switch (item->type)
    {
    case WEFT_ITEM_ENTITY:
      name = entity_schema ((WeftEntity *) item);
      break;
    case WEFT_ITEM_SOURCE:
      name = source_schema ((WeftSource *) item);
      break;
    case WEFT_ITEM_EVENT:
    case WEFT_ITEM_ERA:
      name = kept_schema (item) ? kept_schema (item) : "Event";
      break;
    case WEFT_ITEM_CLAIM:
      name = kept_schema (item) ? kept_schema (item) : weft_ftm_schema_for_claim ((WeftClaim *) item);
      break;
    case WEFT_ITEM_RELATION:
    case WEFT_ITEM_NONE:
    default:
      break;
    }
  return weft_ftm_schema_lookup (name);
}

/* Whether the item with @id fits a property whose range is @range. */
static gboolean
fits (WeftDataset *dataset,
      const char  *id,
      const char  *range)
{
  return range == NULL || weft_ftm_schema_is_a (schema_of (dataset, id), range);
}

static void
write_entity (WeftWriter *w,
              WeftEntity *e)
{
  const char *schema = entity_schema (e);
  const WeftFtmSchema *info = weft_ftm_schema_lookup (schema);
  WeftEntityKind implied = info && info->role == WEFT_FTM_ENTITY ? info->kind : WEFT_ENTITY_OTHER;
  g_autoptr(JsonObject) weft = json_object_new ();
  Props props;

  if (json_object_get_boolean_member_with_default (kept (&e->item) ? kept (&e->item) : weft, "placeholder", FALSE))
    return;

  props_init (&props);
  if (!came_from_elsewhere (&e->item, "name"))
    props_add (&props, "name", e->name);
  props_add_all (&props, "alias", e->aliases);
  props_add (&props, "description", e->description);
  props_add_all (&props, "keywords", e->tags);
  if (e->country != NULL)
    {
      gboolean code = e->country[0] != '\0';

      for (const char *p = e->country; *p != '\0'; p++)
        code &= g_ascii_isupper (*p);
      if (code)
        props_take (&props, "country", g_ascii_strdown (e->country, -1));
      else
        json_object_set_string_member (weft, "country", e->country);
    }

  if (implied != e->kind)
    json_object_set_string_member (weft, "kind", weft_entity_kind_to_string (e->kind));

  write_line (w, &e->item, schema, &props, weft);
  props_clear (&props);
}

static void
write_source (WeftWriter *w,
              WeftSource *s)
{
  const char *schema = source_schema (s);
  const WeftFtmSchema *info = weft_ftm_schema_lookup (schema);
  g_autoptr(JsonObject) weft = json_object_new ();
  Props props;

  if (json_object_get_boolean_member_with_default (kept (&s->item) ? kept (&s->item) : weft, "placeholder", FALSE))
    return;

  props_init (&props);
  if (!came_from_elsewhere (&s->item, "title"))
    props_add (&props, "title", s->title);
  props_add (&props, "author", s->author);
  props_add (&props, "publisher", s->publisher);
  props_add (&props, "sourceUrl", s->url);
  if (s->date_text != NULL && !add_dates (&props, &s->item, info, &s->date, s->date_text, TRUE))
    json_object_set_string_member (weft, "date", s->date_text);

  if (info == NULL || info->source_kind != s->kind)
    json_object_set_string_member (weft, "kind", weft_source_kind_to_string (s->kind));
  if (s->cited_by != NULL)
    json_object_set_string_member (weft, "cited_by", s->cited_by);

  write_line (w, &s->item, schema, &props, weft);
  props_clear (&props);
}

/* Where a participant goes in FtM: Event.involved and Event.organizer
 * take legal entities, Event.addressEntity (from Thing) addresses;
 * anything else is linked from the event (NULL). */
static const char *
participant_property (WeftDataset           *dataset,
                      const WeftParticipant *p)
{
  if (fits (dataset, p->entity, "LegalEntity"))
    return g_strcmp0 (p->role, "organizer") == 0 ? "organizer" : "involved";
  if (fits (dataset, p->entity, "Address"))
    return "addressEntity";
  return NULL;
}

/* The participants no property of an event can name, as UnknownLinks from
 * the event, after it. */
static void
write_participant_links (WeftWriter  *w,
                         WeftDataset *dataset,
                         WeftEvent   *e)
{
  for (guint i = 0; i < e->n_participants; i++)
    {
      g_autofree char *id = NULL;
      WeftItem link = { 0 };
      Props props;

      if (participant_property (dataset, &e->participants[i]) != NULL)
        continue;
      id = g_strdup_printf ("%s-participant-%u", e->item.id, i);
      for (guint n = 2; weft_dataset_lookup (dataset, id) != NULL; n++)
        {
          g_free (id);
          id = g_strdup_printf ("%s-participant-%u-%u", e->item.id, i, n);
        }
      link.id = id;
      props_init (&props);
      props_add (&props, "subject", e->item.id);
      props_add (&props, "object", e->participants[i].entity);
      props_add (&props, "role", e->participants[i].role);
      {
        g_autoptr(JsonObject) weft = json_object_new ();

        json_object_set_boolean_member (weft, "participant", TRUE);
        write_line (w, &link, "UnknownLink", &props, weft);
      }
      props_clear (&props);
    }
}

static void
write_event (WeftWriter  *w,
             WeftDataset *dataset,
             WeftEvent   *e)
{
  const char *schema = kept_schema (&e->item) ? kept_schema (&e->item) : "Event";
  const WeftFtmSchema *info = weft_ftm_schema_lookup (schema);
  g_autoptr(JsonObject) weft = json_object_new ();
  gboolean plain = TRUE;
  guint n_involved = 0;
  Props props;

  props_init (&props);
  if (!came_from_elsewhere (&e->item, "name"))
    props_add (&props, "name", e->title);
  props_add (&props, "description", e->description);
  if (!add_dates (&props, &e->item, info, &e->date, e->date_text, FALSE))
    json_object_set_string_member (weft, "date", e->date_text);

  /* Involved, then the organizers: the import rebuilds that order; any
   * other participant, and the exact list goes in "weft". */
  for (guint i = 0; i < e->n_participants; i++)
    {
      const char *property = participant_property (dataset, &e->participants[i]);

      if (g_strcmp0 (property, "involved") == 0)
        {
          props_add (&props, "involved", e->participants[i].entity);
          plain &= (e->participants[i].role == NULL && i == n_involved);
          n_involved++;
        }
      else if (property == NULL || g_str_equal (property, "addressEntity"))
        {
          if (property != NULL)
            props_add (&props, property, e->participants[i].entity);
          plain = FALSE;
        }
    }
  for (guint i = 0; i < e->n_participants; i++)
    if (g_strcmp0 (participant_property (dataset, &e->participants[i]), "organizer") == 0)
      props_add (&props, "organizer", e->participants[i].entity);
  for (guint i = 0; i < e->n_participants; i++)
    plain &= e->participants[i].extra == NULL;

  if (!plain)
    json_object_set_array_member (weft, "participants", weft_json_participants (e));
  if (e->group != NULL)
    json_object_set_string_member (weft, "group", e->group);
  if (e->tags != NULL)
    json_object_set_array_member (weft, "tags", weft_json_strv_array (e->tags));
  if (e->claims != NULL)
    json_object_set_array_member (weft, "claims", weft_json_strv_array (e->claims));

  write_line (w, &e->item, schema, &props, weft);
  props_clear (&props);
  write_participant_links (w, dataset, e);
}

static void
write_era (WeftWriter *w,
           WeftEra    *e)
{
  const char *schema = kept_schema (&e->item) ? kept_schema (&e->item) : "Event";
  const WeftFtmSchema *info = weft_ftm_schema_lookup (schema);
  g_autoptr(JsonObject) weft = json_object_new ();
  Props props;

  props_init (&props);
  if (!came_from_elsewhere (&e->item, "name"))
    props_add (&props, "name", e->title);
  if (!add_dates (&props, &e->item, info, &e->date, e->date_text, FALSE))
    json_object_set_string_member (weft, "date", e->date_text);
  json_object_set_boolean_member (weft, "era", TRUE);
  if (e->color != NULL)
    json_object_set_string_member (weft, "color", e->color);

  write_line (w, &e->item, schema, &props, weft);
  props_clear (&props);
}

static void
write_relation (WeftWriter   *w,
                WeftRelation *r)
{
  const WeftFtmSchema *by_type = weft_ftm_schema_for_relation (r->type);
  const WeftFtmSchema *info = NULL;
  g_autoptr(JsonObject) weft = json_object_new ();
  Props props;

  if (kept_schema (&r->item) != NULL)
    info = weft_ftm_schema_lookup (kept_schema (&r->item));
  if (info == NULL || info->role != WEFT_FTM_EDGE)
    info = by_type ? by_type : weft_ftm_schema_lookup ("UnknownLink");

  props_init (&props);
  props_add (&props, info->source, r->from);
  props_add (&props, info->target, r->to);
  if (r->date_text != NULL && !add_dates (&props, &r->item, info, &r->date, r->date_text, FALSE))
    json_object_set_string_member (weft, "date", r->date_text);

  if (g_strcmp0 (r->type, info->relation_type) != 0)
    json_object_set_string_member (weft, "type", r->type);
  if (r->label != NULL)
    json_object_set_string_member (weft, "label", r->label);
  if (r->claims != NULL)
    json_object_set_array_member (weft, "claims", weft_json_strv_array (r->claims));

  write_line (w, &r->item, info->name, &props, weft);
  props_clear (&props);
}

/* The claim as a .weft claim object, for the "weft" member. */
static JsonObject *
claim_object (WeftClaim *c)
{
  JsonObject *o = json_object_new ();
  JsonArray *citations = json_array_new ();

  json_object_set_string_member (o, "id", c->item.id);
  json_object_set_string_member (o, "text", c->text);
  json_object_set_string_member (o, "status", weft_claim_status_to_string (c->status));
  if (c->claimant != NULL)
    json_object_set_string_member (o, "claimant", c->claimant);
  json_object_set_array_member (o, "about", weft_json_strv_array (c->about));
  if (c->date_text != NULL)
    json_object_set_string_member (o, "date", c->date_text);
  for (guint i = 0; i < c->n_citations; i++)
    {
      JsonObject *ci = json_object_new ();

      json_object_set_string_member (ci, "source", c->citations[i].source);
      json_object_set_string_member (ci, "quote", c->citations[i].quote);
      if (c->citations[i].locator != NULL)
        json_object_set_string_member (ci, "locator", c->citations[i].locator);
      if (c->citations[i].extra != NULL)
        {
          JsonObjectIter iter;
          const char *name;
          JsonNode *node;

          json_object_iter_init_ordered (&iter, c->citations[i].extra);
          while (json_object_iter_next_ordered (&iter, &name, &node))
            if (!json_object_has_member (ci, name))
              json_object_set_member (ci, name, json_node_copy (node));
        }
      json_array_add_object_element (citations, ci);
    }
  json_object_set_array_member (o, "citations", citations);
  if (c->item.extra != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *node;

      json_object_iter_init_ordered (&iter, c->item.extra);
      while (json_object_iter_next_ordered (&iter, &name, &node))
        if (!g_str_equal (name, "ftm") && !json_object_has_member (o, name))
          json_object_set_member (o, name, json_node_copy (node));
    }
  return o;
}

static void
write_claim (WeftWriter  *w,
             WeftDataset *dataset,
             WeftClaim   *c)
{
  const char *schema = kept_schema (&c->item) ? kept_schema (&c->item) : weft_ftm_schema_for_claim (c);
  const WeftFtmSchema *info = weft_ftm_schema_lookup (schema);
  g_autoptr(JsonObject) weft = json_object_new ();
  const char *about = c->about && c->about[0] ? c->about[0] : NULL;
  gboolean plain = c->status == WEFT_STATUS_REPORTED && c->claimant == NULL &&
                   (c->about == NULL || c->about[0] == NULL || c->about[1] == NULL);
  Props props;

  if (info == NULL || info->role != WEFT_FTM_CITATION)
    {
      schema = weft_ftm_schema_for_claim (c);
      info = weft_ftm_schema_lookup (schema);
    }
  /* What it is about must fit (a claim about a relation is a Note). */
  if (about != NULL && kept_schema (&c->item) == NULL && !fits (dataset, about, info->target_range))
    {
      plain = FALSE;
      if (!g_str_equal (schema, "Note"))
        {
          schema = "Note";
          info = weft_ftm_schema_lookup (schema);
        }
      about = fits (dataset, c->about[0], info->target_range) ? c->about[0] : NULL;
    }

  props_init (&props);
  if (g_str_equal (schema, "Mention"))
    {
      props_add (&props, "document", c->n_citations > 0 ? c->citations[0].source : NULL);
      props_add (&props, "resolved", about);
      props_add (&props, "name", c->n_citations > 0 ? c->citations[0].quote : NULL);
      plain &= c->n_citations == 1 && c->citations[0].locator == NULL;
      if (plain)
        {
          g_autofree char *expected = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "Mentions “%s”"),
                                                       c->citations[0].quote);
          plain &= g_str_equal (expected, c->text);
        }
    }
  else if (g_str_equal (schema, "Note"))
    {
      props_add (&props, "entity", about);
      if (!came_from_elsewhere (&c->item, "text"))
        props_add (&props, "description", c->text);
      plain &= c->n_citations == 0;
    }
  else
    {
      props_add (&props, "document", c->n_citations > 0 ? c->citations[0].source : NULL);
      props_add (&props, "entity", about);
      if (!came_from_elsewhere (&c->item, "text"))
        props_add (&props, "summary", c->text);
      plain &= c->n_citations == 1 && c->citations[0].quote[0] == '\0' && c->citations[0].locator == NULL;
    }
  for (guint i = 0; i < c->n_citations; i++)
    plain &= c->citations[i].extra == NULL;

  if (c->date_text != NULL)
    plain &= add_dates (&props, &c->item, info, &c->date, c->date_text, FALSE);

  if (!plain)
    json_object_set_object_member (weft, "claim", claim_object (c));

  write_line (w, &c->item, schema, &props, weft);
  props_clear (&props);
}

gboolean
weft_export_ftm (WeftDataset *dataset,
                 WeftWriter  *writer)
{
  GPtrArray *list;

  list = weft_dataset_get_entities (dataset);
  for (guint i = 0; i < list->len && writer->error == NULL; i++)
    write_entity (writer, g_ptr_array_index (list, i));
  list = weft_dataset_get_sources (dataset);
  for (guint i = 0; i < list->len && writer->error == NULL; i++)
    write_source (writer, g_ptr_array_index (list, i));
  list = weft_dataset_get_events (dataset);
  for (guint i = 0; i < list->len && writer->error == NULL; i++)
    write_event (writer, dataset, g_ptr_array_index (list, i));
  list = weft_dataset_get_eras (dataset);
  for (guint i = 0; i < list->len && writer->error == NULL; i++)
    write_era (writer, g_ptr_array_index (list, i));
  list = weft_dataset_get_relations (dataset);
  for (guint i = 0; i < list->len && writer->error == NULL; i++)
    write_relation (writer, g_ptr_array_index (list, i));
  list = weft_dataset_get_claims (dataset);
  for (guint i = 0; i < list->len && writer->error == NULL; i++)
    write_claim (writer, dataset, g_ptr_array_index (list, i));

  return TRUE;
}
