/* weft-export-timelinejs.c: a dataset as a TimelineJS timeline (JSON v3,
 * or the spreadsheet template as CSV)
 *
 * Events become slides and eras eras; the participants and the claims
 * behind an event (with their quotes and sources) are folded into the
 * slide's text, escaped, so a teacher can publish a Weft dataset as a web
 * timeline. What TimelineJS cannot hold (entities, claims, sources,
 * relations, exact EDTF dates) travels in a "weft" member that TimelineJS
 * ignores and Weft's import reads back. What a TimelineJS import kept
 * ("timelinejs" in the items' unknown members) is written back as it was.
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "weft-csv.h"
#include "weft-interchange-private.h"
#include "weft-formats.h"
#include "weft-saved-views.h"
#include "weft-saver.h"

/* JavaScript dates end here; beyond, TimelineJS needs its cosmological scale. */
#define JS_MIN_YEAR (-271820)
#define JS_MAX_YEAR 275759

static gboolean
is_media_claim (WeftClaim *claim)
{
  JsonObject *keep = weft_item_get_extra_object (&claim->item, "timelinejs");

  return g_strcmp0 (weft_json_get_string (keep, "role"), "media-credit") == 0;
}

/* The HTML of a text Weft holds as plain: what the import kept, when it
 * still says the same, else the text escaped. */
static void
append_html (GString    *html,
             const char *kept,
             const char *plain)
{
  if (kept != NULL)
    {
      g_autofree char *kept_plain = weft_html_to_text (kept, FALSE);

      if (g_strcmp0 (kept_plain, plain ? plain : "") == 0)
        {
          g_string_append (html, kept);
          return;
        }
    }
  weft_html_append_text (html, plain);
}

static char *
headline_html (const char *kept,
               const char *title)
{
  if (kept != NULL)
    {
      g_autofree char *kept_plain = weft_html_to_text (kept, TRUE);

      if (g_strcmp0 (kept_plain, title) == 0 || (kept[0] == '\0' && g_strcmp0 (title, _("Untitled")) == 0))
        return g_strdup (kept);
    }
  return weft_html_escape (title ? title : "");
}

/* The slide text: the description, then who took part and the claims
 * behind the event. */
static char *
event_text (WeftDataset *dataset,
            WeftEvent   *event,
            JsonObject  *keep)
{
  g_autoptr(GString) base = g_string_new (NULL);
  GString *html = g_string_new (NULL);
  g_autoptr(GPtrArray) claims = weft_dataset_dup_item_claims (dataset, &event->item);
  gboolean any_claim = FALSE;

  append_html (base, weft_json_get_string (keep, "text"), event->description);

  if (event->n_participants > 0)
    {
      g_string_append_printf (html, "<p><strong>%s</strong> ", _("Who:"));
      for (guint i = 0; i < event->n_participants; i++)
        {
          WeftEntity *entity = weft_dataset_lookup_entity (dataset, event->participants[i].entity);
          g_autofree char *name = g_markup_escape_text (entity ? entity->name : event->participants[i].entity, -1);

          if (i > 0)
            g_string_append (html, ", ");
          g_string_append (html, name);
          if (entity != NULL || event->participants[i].role != NULL)
            {
              g_autofree char *kind = entity ? g_markup_escape_text (weft_entity_kind_label (entity->kind), -1) : NULL;
              g_autofree char *role = event->participants[i].role
                                      ? g_markup_escape_text (event->participants[i].role, -1) : NULL;

              if (kind && role)
                g_string_append_printf (html, " (%s; %s)", kind, role);
              else
                g_string_append_printf (html, " (%s)", kind ? kind : role);
            }
        }
      g_string_append (html, "</p>");
    }

  for (guint i = 0; i < claims->len; i++)
    {
      WeftClaim *claim = g_ptr_array_index (claims, i);
      g_autofree char *text = NULL;
      g_autofree char *status = NULL;

      if (is_media_claim (claim))
        continue;

      if (!any_claim)
        g_string_append_printf (html, "<p><strong>%s</strong></p><ul>", _("Who says so:"));
      any_claim = TRUE;

      text = g_markup_escape_text (claim->text, -1);
      status = g_markup_escape_text (weft_claim_status_label (claim->status), -1);
      g_string_append_printf (html, "<li>%s <em>(%s)</em>", text, status);
      for (guint j = 0; j < claim->n_citations; j++)
        {
          WeftItem *source = weft_dataset_lookup (dataset, claim->citations[j].source);
          g_autofree char *title = g_markup_escape_text (source ? weft_item_get_label (source)
                                                                : claim->citations[j].source, -1);
          const char *url = source && source->type == WEFT_ITEM_SOURCE ? ((WeftSource *) source)->url : NULL;

          g_string_append (html, j == 0 ? " — " : "; ");
          if (claim->citations[j].quote != NULL && claim->citations[j].quote[0] != '\0')
            {
              g_autofree char *quote = g_markup_escape_text (claim->citations[j].quote, -1);
              g_string_append_printf (html, "“%s”, ", quote);
            }
          if (url != NULL && (g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://")))
            {
              g_autofree char *href = g_markup_escape_text (url, -1);
              g_string_append_printf (html, "<a href=\"%s\">%s</a>", href, title);
            }
          else
            g_string_append (html, title);
        }
      g_string_append (html, "</li>");
    }
  if (any_claim)
    g_string_append (html, "</ul>");

  /* A one-line description gets its own paragraph when more follows. */
  if (html->len > 0 && base->len > 0 && base->str[0] != '<')
    {
      g_string_prepend (base, "<p>");
      g_string_append (base, "</p>");
    }
  g_string_prepend (html, base->str);

  return g_string_free (html, FALSE);
}

static void
copy_members (JsonObject *to,
              JsonObject *from)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (from == NULL)
    return;
  json_object_iter_init_ordered (&iter, from);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    if (!json_object_has_member (to, name))
      json_object_set_member (to, name, json_node_copy (node));
}

static gboolean
year_is_big (JsonObject *date)
{
  const char *year = weft_json_get_string (date, "year");
  gint64 y;

  if (year == NULL || !g_ascii_string_to_signed (year, 10, G_MININT64, G_MAXINT64, &y, NULL))
    return FALSE;
  return y < JS_MIN_YEAR || y > JS_MAX_YEAR;
}

/* What the slide of an event and of an era share: what an import kept,
 * the slide with its dates, the headline, and the "text" and "weft"
 * objects to fill. */
typedef struct {
  const WeftItem *item;
  JsonObject *keep;       /* borrowed; NULL when nothing was kept */
  JsonObject *slide;
  JsonObject *text;
  JsonObject *weft;
  char       *headline;
} Slide;

/* Sets start_date, end_date and display_date of the slide for @date;
 * the originals an import kept win while the date is unchanged. When an
 * import would get back another date than @date_text, the exact one goes
 * in the "weft" member. */
static void
slide_set_dates (Slide          *s,
                 const WeftDate *date,
                 const char     *date_text,
                 gboolean       *big)
{
  JsonObject *start, *end;
  g_autofree char *display = NULL;
  g_autofree char *derived = NULL;

  if (g_strcmp0 (weft_json_get_string (s->keep, "date"), date_text) == 0 &&
      weft_json_get_object (s->keep, "start_date") != NULL)
    {
      JsonNode *kept_end = json_object_get_member (s->keep, "end_date");

      json_object_set_member (s->slide, "start_date", json_node_copy (json_object_get_member (s->keep, "start_date")));
      if (kept_end != NULL)
        json_object_set_member (s->slide, "end_date", json_node_copy (kept_end));
      *big |= year_is_big (weft_json_get_object (s->keep, "start_date"));
      return;
    }

  weft_timelinejs_render_date (date, date_text, &start, &end, &display);
  *big |= year_is_big (start);
  derived = weft_timelinejs_date_text (start, end);
  json_object_set_object_member (s->slide, "start_date", start);
  if (end != NULL)
    json_object_set_object_member (s->slide, "end_date", end);
  if (display != NULL)
    json_object_set_string_member (s->slide, "display_date", display);

  if (g_strcmp0 (derived, date_text) != 0)
    json_object_set_string_member (s->weft, "date", date_text);
}

/* The slide of an event or an era, which are dated (@date_text) and
 * titled. */
static void
slide_begin (Slide          *s,
             const WeftItem *item,
             const char     *date_text,
             gboolean       *big)
{
  s->item = item;
  s->keep = weft_item_get_extra_object (item, "timelinejs");
  s->slide = json_object_new ();
  s->text = json_object_new ();
  s->weft = json_object_new ();
  s->headline = headline_html (weft_json_get_string (s->keep, "headline"), weft_item_get_label (item));

  slide_set_dates (s, weft_item_get_date (item), date_text, big);
}

/* Adds what the import kept (media, background…) and the "weft" object
 * (with the item's history) when it holds anything; returns the slide. */
static JsonObject *
slide_end (Slide *s)
{
  copy_members (s->slide, weft_json_get_object (s->keep, "members"));
  weft_json_write_history (s->weft, s->item);
  if (json_object_get_size (s->weft) > 0)
    json_object_set_object_member (s->slide, "weft", s->weft);
  else
    json_object_unref (s->weft);
  g_free (s->headline);
  return s->slide;
}

static JsonObject *
event_slide (WeftDataset *dataset,
             WeftEvent   *event,
             gboolean    *big)
{
  g_autofree char *body = NULL;
  g_autofree char *body_plain = NULL;
  Slide s;

  slide_begin (&s, &event->item, event->date_text, big);
  body = event_text (dataset, event, s.keep);
  body_plain = weft_html_to_text (body, FALSE);

  /* A slide that had no headline gets none (its title was made up). */
  if (!(s.keep != NULL && json_object_has_member (s.keep, "headline") &&
        JSON_NODE_HOLDS_NULL (json_object_get_member (s.keep, "headline"))))
    json_object_set_string_member (s.text, "headline", s.headline);
  if (body[0] != '\0' || weft_json_get_string (s.keep, "text") != NULL)
    json_object_set_string_member (s.text, "text", body);
  copy_members (s.text, weft_json_get_object (s.keep, "text_members"));
  json_object_set_object_member (s.slide, "text", s.text);

  if (event->group != NULL)
    json_object_set_string_member (s.slide, "group", event->group);
  json_object_set_string_member (s.slide, "unique_id", event->item.id);

  /* What TimelineJS cannot hold. */
  if (g_strcmp0 (body_plain, event->description ? event->description : "") != 0)
    {
      if (event->description != NULL)
        json_object_set_string_member (s.weft, "description", event->description);
      else
        json_object_set_null_member (s.weft, "description");
    }
  if (event->n_participants > 0)
    json_object_set_array_member (s.weft, "participants", weft_json_participants (event));
  if (event->claims != NULL && event->claims[0] != NULL)
    json_object_set_array_member (s.weft, "claims", weft_json_strv_array (event->claims));
  if (event->tags != NULL && event->tags[0] != NULL)
    json_object_set_array_member (s.weft, "tags", weft_json_strv_array (event->tags));

  return slide_end (&s);
}

/* The first and last day of everything dated whose ends are known: where
 * an era with an open or unknown end is drawn to. */
typedef struct {
  gint64 first;
  gint64 last;
} Span;

static void
span_add_point (Span                *span,
                const WeftDatePoint *p)
{
  if (p->flags & (WEFT_DATE_FLAG_OPEN | WEFT_DATE_FLAG_UNKNOWN))
    return;
  span->first = MIN (span->first, p->lower);
  span->last = MAX (span->last, p->upper);
}

static Span
dataset_span (WeftDataset *dataset)
{
  Span span = { G_MAXINT64, G_MININT64 };
  GPtrArray *lists[] = { weft_dataset_get_events (dataset), weft_dataset_get_eras (dataset) };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < lists[l]->len; i++)
      {
        const WeftDate *date = weft_item_get_date (g_ptr_array_index (lists[l], i));

        span_add_point (&span, &date->start);
        span_add_point (&span, &date->end);
      }
  return span;
}

/* A day as a TimelineJS date object (year -44 is 44 BCE); beyond the
 * years JavaScript dates reach, the year alone. */
static JsonObject *
day_object (gint64 day)
{
  JsonObject *o = json_object_new ();
  g_autofree char *y = NULL;
  gint64 year;
  guint month, d;

  weft_civil_from_days (day, &year, &month, &d);
  y = g_strdup_printf ("%" G_GINT64_FORMAT, year <= 0 ? year - 1 : year);
  json_object_set_string_member (o, "year", y);
  if (year >= JS_MIN_YEAR && year <= JS_MAX_YEAR)
    {
      g_autofree char *m = g_strdup_printf ("%u", month);
      g_autofree char *dd = g_strdup_printf ("%u", d);

      json_object_set_string_member (o, "month", m);
      json_object_set_string_member (o, "day", dd);
    }
  return o;
}

/* A member of a date object as TimelineJS's == sees it. */
static char *
loose_value (JsonObject *date,
             const char *member)
{
  JsonNode *node = date ? json_object_get_member (date, member) : NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  return g_strdup ("?");
}

/* Whether TimelineJS drops the end of @slide: it has none, or every
 * member of the start is the same in the end (TimelineConfig
 * _processDates). An era without an end refuses the whole timeline. */
static gboolean
end_dropped (JsonObject *slide)
{
  JsonObject *start = weft_json_get_object (slide, "start_date");
  JsonObject *end = weft_json_get_object (slide, "end_date");
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (start == NULL || end == NULL)
    return TRUE;
  json_object_iter_init_ordered (&iter, start);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      g_autofree char *a = loose_value (start, name);
      g_autofree char *b = loose_value (end, name);

      if (g_strcmp0 (a, b) != 0)
        return FALSE;
    }
  return TRUE;
}

static JsonObject *
era_slide (WeftEra    *era,
           const Span *span,
           gboolean   *big)
{
  Slide s;

  slide_begin (&s, &era->item, era->date_text, big);
  /* TimelineJS wants every era to end after it starts: one that does
   * not (a year, a day, an open or unknown end) runs from its first day
   * to the day after its last, midnight to midnight; an open or unknown
   * end goes to the last day of the timeline, an open or unknown start
   * from its first. */
  if (end_dropped (s.slide))
    {
      const WeftDatePoint *start = &era->date.start;
      const WeftDatePoint *end = &era->date.end;
      gint64 first = start->flags & (WEFT_DATE_FLAG_OPEN | WEFT_DATE_FLAG_UNKNOWN) ? span->first : start->lower;
      gint64 last = end->flags & (WEFT_DATE_FLAG_OPEN | WEFT_DATE_FLAG_UNKNOWN) ? span->last : end->upper;

      json_object_set_object_member (s.slide, "start_date", day_object (first));
      json_object_set_object_member (s.slide, "end_date", day_object (MAX (first, last) + 1));
      if (end_dropped (s.slide))
        {
          /* Years alone, beyond JavaScript's dates. */
          gint64 year;
          g_autofree char *y = NULL;

          weft_civil_from_days (MAX (first, last), &year, NULL, NULL);
          y = g_strdup_printf ("%" G_GINT64_FORMAT, year + 1 <= 0 ? year : year + 1);
          json_object_set_string_member (weft_json_get_object (s.slide, "end_date"), "year", y);
        }
      *big |= year_is_big (weft_json_get_object (s.slide, "start_date"));
      json_object_set_string_member (s.weft, "date", era->date_text);
    }

  json_object_set_string_member (s.text, "headline", s.headline);
  if (weft_json_get_string (s.keep, "text") != NULL)
    json_object_set_string_member (s.text, "text", weft_json_get_string (s.keep, "text"));
  json_object_set_object_member (s.slide, "text", s.text);

  json_object_set_string_member (s.weft, "id", era->item.id);
  if (era->color != NULL)
    json_object_set_string_member (s.weft, "color", era->color);

  return slide_end (&s);
}

static JsonObject *
build_timeline (WeftDataset *dataset)
{
  JsonObject *root = json_object_new ();
  JsonObject *dataset_keep = weft_json_get_object (weft_dataset_get_extra (dataset), "timelinejs");
  JsonObject *title = json_object_new ();
  JsonObject *title_text = json_object_new ();
  JsonArray *events = json_array_new ();
  JsonArray *eras = json_array_new ();
  GPtrArray *list;
  Span span;
  gboolean big = FALSE;

  {
    g_autofree char *headline = headline_html (weft_json_get_string (dataset_keep, "headline"),
                                               weft_dataset_get_title (dataset));
    GString *text = g_string_new (NULL);

    append_html (text, weft_json_get_string (dataset_keep, "text"), weft_dataset_get_description (dataset));
    /* No headline when the title slide had none (the title is the file's name). */
    if (!(dataset_keep != NULL && json_object_has_member (dataset_keep, "headline") &&
          JSON_NODE_HOLDS_NULL (json_object_get_member (dataset_keep, "headline"))))
      json_object_set_string_member (title_text, "headline", headline);
    if (text->len > 0 || weft_json_get_string (dataset_keep, "text") != NULL)
      json_object_set_string_member (title_text, "text", text->str);
    g_string_free (text, TRUE);
    if (json_object_get_size (title_text) > 0)
      json_object_set_object_member (title, "text", title_text);
    else
      json_object_unref (title_text);
    copy_members (title, weft_json_get_object (dataset_keep, "title"));

    /* A timeline read without a title slide gets none, unless it has a
     * description to show. */
    if (json_object_get_boolean_member_with_default (dataset_keep ? dataset_keep : title, "no_title", FALSE) &&
        weft_dataset_get_description (dataset) == NULL)
      json_object_unref (title);
    else
      json_object_set_object_member (root, "title", title);
  }

  list = weft_dataset_get_events (dataset);
  for (guint i = 0; i < list->len; i++)
    json_array_add_object_element (events, event_slide (dataset, g_ptr_array_index (list, i), &big));
  json_object_set_array_member (root, "events", events);

  list = weft_dataset_get_eras (dataset);
  span = dataset_span (dataset);
  for (guint i = 0; i < list->len; i++)
    json_array_add_object_element (eras, era_slide (g_ptr_array_index (list, i), &span, &big));
  if (list->len > 0)
    json_object_set_array_member (root, "eras", eras);
  else
    json_array_unref (eras);

  copy_members (root, weft_json_get_object (dataset_keep, "members"));
  if (big && !json_object_has_member (root, "scale"))
    json_object_set_string_member (root, "scale", "cosmological");

  /* The items only Weft shows, as a .weft file has them. */
  if (weft_dataset_get_sources (dataset)->len + weft_dataset_get_entities (dataset)->len +
      weft_dataset_get_claims (dataset)->len + weft_dataset_get_relations (dataset)->len > 0 ||
      weft_dataset_get_language (dataset) != NULL)
    {
      static const char * const arrays[] = { "sources", "entities", "claims", "relations" };
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autofree char *data = NULL;
      gsize length;
      JsonObject *weft = json_object_new ();
      JsonObject *all;

      data = weft_dataset_to_data (dataset, &length);
      if (json_parser_load_from_data (parser, data, length, NULL))
        {
          all = json_node_get_object (json_parser_get_root (parser));
          json_object_set_int_member (weft, "weft", WEFT_FORMAT_VERSION);
          if (weft_dataset_get_language (dataset) != NULL)
            json_object_set_string_member (weft, "language", weft_dataset_get_language (dataset));
          for (guint i = 0; i < G_N_ELEMENTS (arrays); i++)
            json_object_set_member (weft, arrays[i], json_node_copy (json_object_get_member (all, arrays[i])));
        }
      json_object_set_object_member (root, "weft", weft);
    }

  return root;
}

/* Writes @timeline (taken) as JSON text. */
static gboolean
write_timeline (JsonObject *timeline,
                WeftWriter *writer)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *data = NULL;
  gsize length;

  json_node_take_object (root, timeline);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  /* Not json_generator_to_data(): it writes U+001F raw (weft-loader.h). */
  data = weft_json_generator_to_data (generator, &length);
  weft_writer_append_len (writer, data, length);
  weft_writer_append_c (writer, '\n');

  return TRUE;
}

gboolean
weft_export_timelinejs_json (WeftDataset *dataset,
                             WeftWriter  *writer)
{
  return write_timeline (build_timeline (dataset), writer);
}

/* ---- A story ---------------------------------------------------------------- */

/* The day TimelineJS orders @date's slide by: its start, else its end;
 * FALSE when neither is known. */
static gboolean
sort_day (const WeftDate *date,
          gint64         *day)
{
  if (!(date->start.flags & (WEFT_DATE_FLAG_OPEN | WEFT_DATE_FLAG_UNKNOWN)))
    *day = date->start.lower;
  else if (!(date->end.flags & (WEFT_DATE_FLAG_OPEN | WEFT_DATE_FLAG_UNKNOWN)))
    *day = date->end.lower;
  else
    return FALSE;
  return TRUE;
}

/* The note of a step (and of its view) before @text, as HTML. */
static char *
noted_text (const char *note,
            const char *view_note,
            const char *text)
{
  GString *html = g_string_new (NULL);

  if (note != NULL && note[0] != '\0')
    {
      g_string_append (html, "<p><strong>");
      weft_html_append_text (html, note);
      g_string_append (html, "</strong></p>");
    }
  if (view_note != NULL && view_note[0] != '\0')
    {
      g_string_append (html, "<div>");
      weft_html_append_text (html, view_note);
      g_string_append (html, "</div>");
    }
  if (text != NULL)
    g_string_append (html, text);
  return g_string_free (html, FALSE);
}

/* A view's step: its title and note, dated by the start of its span or
 * window (FALSE in *@dated when it has neither). */
static JsonObject *
view_slide (const WeftView *view,
            const char     *note,
            gboolean       *dated,
            gint64         *day,
            gboolean       *big)
{
  JsonObject *slide = json_object_new ();
  JsonObject *text = json_object_new ();
  const WeftDate *date = view->span_text != NULL ? &view->span : view->window_text != NULL ? &view->window : NULL;
  g_autofree char *headline = weft_html_escape (weft_view_get_title (view));
  g_autofree char *body = noted_text (note, view->note, NULL);

  *dated = date != NULL && sort_day (date, day);
  if (*dated)
    {
      JsonObject *start, *end;
      g_autofree char *display = NULL;

      weft_timelinejs_render_date (date, view->span_text != NULL ? view->span_text : view->window_text,
                                   &start, &end, &display);
      *big |= year_is_big (start);
      json_object_set_object_member (slide, "start_date", start);
      if (end != NULL)
        json_object_set_object_member (slide, "end_date", end);
      if (display != NULL)
        json_object_set_string_member (slide, "display_date", display);
    }
  json_object_set_string_member (text, "headline", headline);
  if (body[0] != '\0')
    json_object_set_string_member (text, "text", body);
  json_object_set_object_member (slide, "text", text);
  return slide;
}

/* A slide that starts with @before's start (so that TimelineJS keeps it
 * after @before), showing @shown as its date. */
static void
start_with (JsonObject *slide,
            JsonObject *before,
            const char *shown)
{
  json_object_set_member (slide, "start_date", json_node_copy (json_object_get_member (before, "start_date")));
  json_object_remove_member (slide, "end_date");
  json_object_set_string_member (slide, "display_date", shown);
}

/* The timeline of @story (weft_export_timelinejs_story()). */
static JsonObject *
build_story (WeftDataset     *dataset,
             const WeftStory *story,
             guint           *n_moved)
{
  g_autoptr(GPtrArray) slides = g_ptr_array_new ();
  g_autoptr(GArray) dated = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_free);
  JsonObject *timeline = json_object_new ();
  JsonObject *title = json_object_new ();
  JsonObject *title_text = json_object_new ();
  JsonArray *events = json_array_new ();
  GPtrArray *eras = weft_dataset_get_eras (dataset);
  g_autofree char *headline = weft_html_escape (story->title != NULL && story->title[0] != '\0' ? story->title
                                                                                                  : story->item.id);
  JsonObject *last = NULL;
  gint64 last_day = G_MININT64;
  gboolean big = FALSE;
  guint moved = 0;

  json_object_set_string_member (title_text, "headline", headline);
  json_object_set_object_member (title, "text", title_text);
  json_object_set_object_member (timeline, "title", title);

  for (guint i = 0; i < story->n_steps; i++)
    {
      const WeftStoryStep *step = &story->steps[i];
      WeftItem *item = step->event != NULL ? weft_dataset_lookup (dataset, step->event) : NULL;
      WeftEvent *event = item != NULL && item->type == WEFT_ITEM_EVENT ? (WeftEvent *) item : NULL;
      WeftView *view = step->view != NULL ? weft_dataset_lookup_view (dataset, step->view) : NULL;
      JsonObject *slide;
      gboolean has_day = FALSE;
      gint64 day = 0;
      g_autofree char *id = g_strdup_printf ("%s-%u", story->item.id, i + 1);

      if (event != NULL)
        {
          JsonObject *text;
          g_autofree char *body = NULL;

          slide = event_slide (dataset, event, &big);
          text = weft_json_get_object (slide, "text");
          body = noted_text (step->note, NULL, weft_json_get_string (text, "text"));
          if (body[0] != '\0')
            json_object_set_string_member (text, "text", body);
          has_day = sort_day (&event->date, &day);
          g_ptr_array_add (shown, has_day ? weft_date_format_short (&event->date) : NULL);
        }
      else if (view != NULL)
        {
          slide = view_slide (view, step->note, &has_day, &day, &big);
          g_ptr_array_add (shown, has_day ? weft_date_format_short (view->span_text != NULL ? &view->span
                                                                                            : &view->window)
                                          : NULL);
        }
      else
        continue;  /* a step naming nothing (a warning when loaded) */
      json_object_set_string_member (slide, "unique_id", id);
      g_ptr_array_add (slides, slide);
      g_array_append_val (dated, has_day);
      g_array_append_val (days, day);
    }

  /* The story's order, which TimelineJS's by date must keep. */
  for (guint i = 0; i < slides->len; i++)
    {
      JsonObject *slide = g_ptr_array_index (slides, i);
      gboolean has_day = g_array_index (dated, gboolean, i);
      gint64 day = g_array_index (days, gint64, i);

      if (last != NULL && (!has_day || day < last_day))
        {
          const char *text = g_ptr_array_index (shown, i);

          start_with (slide, last, has_day && text != NULL ? text : _("Undated"));
          moved++;
        }
      else if (last == NULL && !has_day)
        {
          /* Before any dated step: where the first dated one starts. */
          for (guint k = i + 1; k < slides->len && !json_object_has_member (slide, "start_date"); k++)
            if (g_array_index (dated, gboolean, k))
              start_with (slide, g_ptr_array_index (slides, k), _("Undated"));
          if (!json_object_has_member (slide, "start_date"))
            {
              /* Nothing in the story has a date: the dataset's start. */
              Span span = dataset_span (dataset);
              JsonObject *start = day_object (span.first <= span.last ? span.first : 0);

              json_object_set_object_member (slide, "start_date", start);
              json_object_set_string_member (slide, "display_date", _("Undated"));
            }
          moved++;
        }
      else
        last_day = day;
      last = slide;
      json_array_add_object_element (events, json_object_ref (slide));
    }
  g_ptr_array_foreach (slides, (GFunc) json_object_unref, NULL);
  json_object_set_array_member (timeline, "events", events);

  if (eras->len > 0)
    {
      JsonArray *bands = json_array_new ();
      Span span = dataset_span (dataset);

      for (guint i = 0; i < eras->len; i++)
        json_array_add_object_element (bands, era_slide (g_ptr_array_index (eras, i), &span, &big));
      json_object_set_array_member (timeline, "eras", bands);
    }
  if (big)
    json_object_set_string_member (timeline, "scale", "cosmological");
  *n_moved = moved;
  return timeline;
}

GBytes *
weft_export_timelinejs_story (WeftDataset     *dataset,
                              const WeftStory *story,
                              guint           *n_moved)
{
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  WeftWriter writer;
  guint moved;

  weft_writer_init (&writer, memory);
  write_timeline (build_story (dataset, story, &moved), &writer);
  /* Memory takes every write. */
  if (!weft_writer_finish (&writer, NULL) || !g_output_stream_close (memory, NULL, NULL))
    g_return_val_if_reached (NULL);
  if (n_moved != NULL)
    *n_moved = moved;
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

/* ---- The spreadsheet template --------------------------------------------- */

static const char * const template_header[] = {
  "Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
  "Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
  "Media Thumbnail", "Type", "Group", "Background",
};

enum {
  T_YEAR, T_MONTH, T_DAY, T_TIME, T_END_YEAR, T_END_MONTH, T_END_DAY, T_END_TIME,
  T_DISPLAY, T_HEADLINE, T_TEXT, T_MEDIA, T_CREDIT, T_CAPTION, T_THUMBNAIL,
  T_TYPE, T_GROUP, T_BACKGROUND, T_N
};

G_STATIC_ASSERT (G_N_ELEMENTS (template_header) == T_N);

static char *
date_part (JsonObject *date,
           const char *member)
{
  JsonNode *node = json_object_get_member (date, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  return NULL;
}

static char *
date_time (JsonObject *date)
{
  g_autofree char *h = NULL;
  g_autofree char *m = NULL;
  g_autofree char *s = NULL;

  if (weft_json_get_string (date, "time") != NULL)
    return g_strdup (weft_json_get_string (date, "time"));
  h = date_part (date, "hour");
  if (h == NULL || h[0] == '\0')
    return NULL;
  m = date_part (date, "minute");
  s = date_part (date, "second");
  return g_strdup_printf ("%02d:%02d:%02d", atoi (h), m ? atoi (m) : 0, s ? atoi (s) : 0);
}

/* A slide (as the JSON export builds it) as a template row. */
static void
append_row (GString    *out,
            JsonObject *slide,
            const char *type)
{
  char *fields[T_N] = { NULL };
  JsonObject *start = weft_json_get_object (slide, "start_date");
  JsonObject *end = weft_json_get_object (slide, "end_date");
  JsonObject *text = weft_json_get_object (slide, "text");
  JsonObject *media = weft_json_get_object (slide, "media");
  JsonObject *background = weft_json_get_object (slide, "background");

  if (start != NULL)
    {
      fields[T_YEAR] = date_part (start, "year");
      fields[T_MONTH] = date_part (start, "month");
      fields[T_DAY] = date_part (start, "day");
      fields[T_TIME] = date_time (start);
    }
  if (end != NULL)
    {
      fields[T_END_YEAR] = date_part (end, "year");
      fields[T_END_MONTH] = date_part (end, "month");
      fields[T_END_DAY] = date_part (end, "day");
      fields[T_END_TIME] = date_time (end);
    }
  fields[T_DISPLAY] = g_strdup (weft_json_get_string (slide, "display_date"));
  fields[T_HEADLINE] = g_strdup (weft_json_get_string (text, "headline"));
  fields[T_TEXT] = g_strdup (weft_json_get_string (text, "text"));
  fields[T_MEDIA] = g_strdup (weft_json_get_string (media, "url"));
  fields[T_CREDIT] = g_strdup (weft_json_get_string (media, "credit"));
  fields[T_CAPTION] = g_strdup (weft_json_get_string (media, "caption"));
  fields[T_THUMBNAIL] = g_strdup (weft_json_get_string (media, "thumbnail"));
  fields[T_TYPE] = g_strdup (type);
  fields[T_GROUP] = g_strdup (weft_json_get_string (slide, "group"));
  fields[T_BACKGROUND] = g_strdup (weft_json_get_string (background, "url") ? weft_json_get_string (background, "url")
                                                                              : weft_json_get_string (background, "color"));

  for (guint i = 0; i < T_N; i++)
    if (fields[i] == NULL)
      fields[i] = g_strdup ("");
  weft_csv_append_record (out, (const char * const *) fields, T_N);
  for (guint i = 0; i < T_N; i++)
    g_free (fields[i]);
}

gboolean
weft_export_timelinejs_csv (WeftDataset *dataset,
                            WeftWriter  *writer)
{
  g_autoptr(JsonObject) timeline = build_timeline (dataset);
  GString *out = g_string_new (NULL);
  JsonArray *events = weft_json_get_array (timeline, "events");
  JsonArray *eras = weft_json_get_array (timeline, "eras");

  weft_csv_append_record (out, template_header, T_N);
  append_row (out, weft_json_get_object (timeline, "title"), "title");
  for (guint i = 0; eras && i < json_array_get_length (eras); i++)
    append_row (out, json_array_get_object_element (eras, i), "era");
  for (guint i = 0; events && i < json_array_get_length (events); i++)
    {
      JsonObject *slide = json_array_get_object_element (events, i);
      JsonObject *members = weft_json_get_object (slide, "weft");

      (void) members;
      append_row (out, slide, weft_json_get_string (slide, "type"));
    }

  weft_writer_append_len (writer, out->str, out->len);
  g_string_free (out, TRUE);
  return TRUE;
}
