/* weft-import-timelinejs.c: TimelineJS JSON (v3 and legacy v2) and the
 * TimelineJS spreadsheet template (CSV) into a dataset
 *
 * Slides become events, eras eras, the title slide the dataset's title and
 * description. Dates get the precision they were written with (a year, a
 * month, a day, a time); TimelineJS years are "-44 is 44 BCE", Weft's are
 * astronomical (-43), so negative years move by one. Text is HTML, reduced
 * to plain text; the HTML is kept when that loses anything. Media stay
 * links (never downloaded); a media credit becomes a source that the event
 * cites through a claim. Everything else a slide holds is kept under
 * "timelinejs" in the item's unknown members and written back on export.
 *
 * A file written by Weft's TimelineJS export also carries a "weft" member
 * (entities, claims, sources, relations; per slide the exact date, the
 * participants and claims), read back here so nothing is lost on the way.
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "weft-csv.h"
#include "weft-error.h"
#include "weft-hash.h"
#include "weft-interchange-private.h"
#include "weft-json-locate.h"
#include "weft-loader.h"

typedef enum {
  SLIDE_EVENT,
  SLIDE_ERA,
  SLIDE_TITLE,
} SlideKind;

typedef struct {
  WeftImportContext *ctx;
  WeftDataset       *dataset;
  WeftIdMaker        ids;
  GHashTable        *credit_sources;   /* plain credit -> source id (borrowed) */
  gboolean           has_weft;         /* the file carries Weft's own items */
  GError           **error;

  /* Where the current slide is, for messages. JSON: */
  char              *json_path;        /* "events[3]" */
  /* CSV: */
  gboolean           csv;
  WeftCsvField      *csv_fields;
  guint              n_csv_fields;
  GHashTable        *csv_columns;      /* member path -> field index + 1 */
  char             **csv_headers;
  guint              csv_line;
} Tl;

/* ---- Messages ------------------------------------------------------------- */

static void tl_report (Tl           *tl,
                       WeftSeverity  severity,
                       const char   *member,
                       const char   *format,
                       ...) G_GNUC_PRINTF (4, 5);

static void
tl_report (Tl           *tl,
           WeftSeverity  severity,
           const char   *member,
           const char   *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  /* Without a context: quiet (the exporter checking a date). */
  if (tl == NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (tl->csv)
    {
      g_autofree char *key = g_strdup (member ? member : "");
      guint index = 0;

      /* The column of the member, or of the nearest enclosing one. */
      while (key[0] != '\0')
        {
          char *dot;

          index = GPOINTER_TO_UINT (g_hash_table_lookup (tl->csv_columns, key));
          if (index != 0)
            break;
          dot = strrchr (key, '.');
          if (dot == NULL)
            break;
          *dot = '\0';
        }

      if (index != 0 && index <= tl->n_csv_fields)
        {
          const WeftCsvField *f = &tl->csv_fields[index - 1];
          weft_diagnostics_add (tl->ctx->diagnostics, severity, f->line, f->column,
                                tl->csv_headers[index - 1], "%s", message);
        }
      else
        weft_diagnostics_add (tl->ctx->diagnostics, severity, tl->csv_line, 0, NULL, "%s", message);
    }
  else
    {
      g_autofree char *path = NULL;

      if (member == NULL || member[0] == '\0')
        path = g_strdup (tl->json_path ? tl->json_path : "");
      else if (tl->json_path == NULL || tl->json_path[0] == '\0')
        path = g_strdup (member);
      else
        path = g_strdup_printf ("%s.%s", tl->json_path, member);
      weft_diagnostics_add (tl->ctx->diagnostics, severity, 0, 0, path, "%s", message);
    }

  /* The strict error names no position: slides have paths, and rows
   * give theirs in the diagnostic. */
  weft_import_context_stop (tl->ctx, 0, 0, message, tl->error);
}

/* ---- Dates ---------------------------------------------------------------- */

typedef struct {
  gboolean present;   /* a year was given */
  gint64   year;      /* TimelineJS year */
  int      month;     /* 0 when not given */
  int      day;
  gboolean has_time;
  int      hour, minute, second;
} TlDate;

/* A date part: a number, or a string of digits (maybe signed); "" and
 * null mean "not given". Returns FALSE (with a message) when it is
 * something else. */
static gboolean
read_part (Tl         *tl,
           JsonObject *object,
           const char *owner,
           const char *member,
           gboolean   *given,
           gint64     *value)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *where = g_strdup_printf ("%s.%s", owner, member);

  *given = FALSE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);

      if (type == G_TYPE_INT64)
        {
          *value = json_node_get_int (node);
          *given = TRUE;
          return TRUE;
        }
      if (type == G_TYPE_DOUBLE)
        {
          double d = json_node_get_double (node);

          if (d == (double) (gint64) d && d > -1e15 && d < 1e15)
            {
              *value = (gint64) d;
              *given = TRUE;
              return TRUE;
            }
        }
      if (type == G_TYPE_STRING)
        {
          g_autofree char *text = g_strstrip (g_strdup (json_node_get_string (node)));
          gint64 parsed;

          if (text[0] == '\0')
            return TRUE;
          if (g_ascii_string_to_signed (text[0] == '+' ? text + 1 : text, 10, -G_GINT64_CONSTANT (1000000000000000),
                                        G_GINT64_CONSTANT (1000000000000000), &parsed, NULL))
            {
              *value = parsed;
              *given = TRUE;
              return TRUE;
            }
          tl_report (tl, WEFT_SEVERITY_WARNING, where,
                     _("“%s” is not a whole number; TimelineJS wants digits here, such as “1963”"), text);
          return FALSE;
        }
    }

  tl_report (tl, WEFT_SEVERITY_WARNING, where,
             _("%s must be a number or a string of digits"), member);
  return FALSE;
}

/* Reads a TimelineJS date object. Parts that make no sense are reported
 * and left out (the object itself is kept, so they are not lost). */
static void
read_date (Tl         *tl,
           JsonObject *object,
           const char *owner,
           TlDate     *date)
{
  gboolean given;
  gint64 value;

  memset (date, 0, sizeof *date);

  if (read_part (tl, object, owner, "year", &given, &value) && given)
    {
      date->present = TRUE;
      date->year = value;
    }
  if (!date->present)
    return;

  if (read_part (tl, object, owner, "month", &given, &value) && given)
    {
      if (value >= 1 && value <= 12)
        date->month = value;
      else
        {
          g_autofree char *where = g_strdup_printf ("%s.month", owner);
          tl_report (tl, WEFT_SEVERITY_WARNING, where,
                     _("month %lld does not exist; expected 1 to 12 (the month is left out)"), (long long) value);
        }
    }

  if (date->month != 0 && read_part (tl, object, owner, "day", &given, &value) && given)
    {
      gint64 astronomical = date->year < 0 ? date->year + 1 : date->year;
      guint days = weft_days_in_month (astronomical, date->month);

      if (value >= 1 && value <= days)
        date->day = value;
      else
        {
          g_autofree char *where = g_strdup_printf ("%s.day", owner);
          tl_report (tl, WEFT_SEVERITY_WARNING, where,
                     _("day %lld does not exist in that month; expected 1 to %u (the day is left out)"),
                     (long long) value, days);
        }
    }

  if (date->day != 0)
    {
      gint64 h = 0, m = 0, s = 0;
      gboolean has_h = FALSE, has_m = FALSE, has_s = FALSE;

      read_part (tl, object, owner, "hour", &has_h, &h);
      read_part (tl, object, owner, "minute", &has_m, &m);
      read_part (tl, object, owner, "second", &has_s, &s);
      if (has_h || has_m || has_s)
        {
          if (h >= 0 && h <= 23 && m >= 0 && m <= 59 && s >= 0 && s <= 59)
            {
              date->has_time = TRUE;
              date->hour = h;
              date->minute = m;
              date->second = s;
            }
          else
            {
              g_autofree char *where = g_strdup_printf ("%s.hour", owner);
              tl_report (tl, WEFT_SEVERITY_WARNING, where,
                         _("the time %02lld:%02lld:%02lld is out of range (the time is left out)"),
                         (long long) h, (long long) m, (long long) s);
            }
        }
    }
}

/* The EDTF for one TimelineJS date; *@clamped when the year was beyond
 * what Weft can place. */
static char *
date_to_edtf (const TlDate *date,
              gboolean     *clamped)
{
  gint64 year = date->year < 0 ? date->year + 1 : date->year;
  GString *text;
  g_autofree char *y = NULL;

  *clamped = FALSE;
  if (year > WEFT_DATE_MAX_YEAR || year < -WEFT_DATE_MAX_YEAR)
    {
      year = CLAMP (year, -WEFT_DATE_MAX_YEAR, WEFT_DATE_MAX_YEAR);
      *clamped = TRUE;
    }

  y = weft_edtf_year (year);
  text = g_string_new (y);

  /* EDTF writes months and days only for four-digit years. */
  if (year >= -9999 && year <= 9999 && !*clamped)
    {
      if (date->month != 0)
        g_string_append_printf (text, "-%02d", date->month);
      if (date->day != 0)
        g_string_append_printf (text, "-%02d", date->day);
      if (date->has_time && year >= 0)
        g_string_append_printf (text, "T%02d:%02d:%02d", date->hour, date->minute, date->second);
    }

  return g_string_free (text, FALSE);
}

static JsonObject *
render_point (const WeftDatePoint *p,
              const char          *date_text,
              guint                part,
              gboolean             last_year)
{
  JsonObject *o = json_object_new ();
  gint64 year = p->year;
  g_autofree char *y = NULL;
  guint h, m, s;

  if (last_year)
    {
      /* The last year of a decade, century or millennium. */
      gint64 last;
      guint month, day;

      weft_civil_from_days (p->upper, &last, &month, &day);
      year = last;
    }

  y = g_strdup_printf ("%" G_GINT64_FORMAT, year <= 0 ? year - 1 : year);
  json_object_set_string_member (o, "year", y);

  if (!last_year && (p->precision == WEFT_DATE_PRECISION_MONTH || p->precision == WEFT_DATE_PRECISION_DAY) &&
      p->month >= 1 && p->month <= 12)
    {
      g_autofree char *month = g_strdup_printf ("%d", p->month);
      json_object_set_string_member (o, "month", month);

      if (p->precision == WEFT_DATE_PRECISION_DAY && p->day >= 1)
        {
          g_autofree char *day = g_strdup_printf ("%d", p->day);
          json_object_set_string_member (o, "day", day);

          if (weft_date_text_get_time (date_text, part, &h, &m, &s))
            {
              g_autofree char *hh = g_strdup_printf ("%u", h);
              g_autofree char *mm = g_strdup_printf ("%u", m);
              g_autofree char *ss = g_strdup_printf ("%u", s);

              json_object_set_string_member (o, "hour", hh);
              json_object_set_string_member (o, "minute", mm);
              json_object_set_string_member (o, "second", ss);
            }
        }
    }

  return o;
}

static gboolean
point_known (const WeftDatePoint *p)
{
  return !(p->flags & (WEFT_DATE_FLAG_OPEN | WEFT_DATE_FLAG_UNKNOWN));
}

void
weft_timelinejs_render_date (const WeftDate  *date,
                             const char      *date_text,
                             JsonObject     **start,
                             JsonObject     **end,
                             char           **display_date)
{
  const WeftDatePoint *first = point_known (&date->start) ? &date->start : &date->end;
  guint first_part = first == &date->start ? 0 : 1;
  gboolean wide = first->precision >= WEFT_DATE_PRECISION_DECADE;
  gboolean plain = TRUE;

  *start = render_point (first, date_text, first_part, FALSE);
  *end = NULL;

  if (date->is_interval && first == &date->start && point_known (&date->end))
    *end = render_point (&date->end, date_text, 1, date->end.precision >= WEFT_DATE_PRECISION_DECADE);
  else if (!date->is_interval && wide)
    *end = render_point (first, date_text, 0, TRUE);

  /* What the numbers alone would not say. */
  if ((date->start.flags | date->end.flags) & ~WEFT_DATE_FLAG_NONE)
    plain = FALSE;
  if (date->start.precision == WEFT_DATE_PRECISION_SEASON || date->end.precision == WEFT_DATE_PRECISION_SEASON ||
      wide || (date->is_interval && date->end.precision >= WEFT_DATE_PRECISION_DECADE))
    plain = FALSE;

  *display_date = plain ? NULL : weft_date_format_short (date);
}

/* Whether the TimelineJS date objects @start and @end (either may be
 * NULL) are what Weft would write for @date. */
static gboolean
dates_match (const WeftDate *date,
             const char     *date_text,
             JsonObject     *start,
             JsonObject     *end)
{
  g_autoptr(JsonNode) a = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonNode) b = json_node_new (JSON_NODE_OBJECT);
  JsonObject *rs, *re;
  g_autofree char *display = NULL;
  gboolean same;

  weft_timelinejs_render_date (date, date_text, &rs, &re, &display);
  json_node_take_object (a, rs);
  if (start == NULL)
    same = FALSE;
  else
    {
      json_node_set_object (b, start);
      same = json_node_equal (a, b);
    }

  if (same)
    {
      if ((re == NULL) != (end == NULL))
        same = FALSE;
      else if (re != NULL)
        {
          g_autoptr(JsonNode) c = json_node_new (JSON_NODE_OBJECT);
          g_autoptr(JsonNode) d = json_node_new (JSON_NODE_OBJECT);

          json_node_set_object (c, re);
          json_node_set_object (d, end);
          same = json_node_equal (c, d);
        }
    }
  if (re != NULL)
    json_object_unref (re);

  return same;
}

/* Builds the Weft date of a slide from its start_date and end_date.
 * Returns FALSE when there is none to be had (reported). */
static gboolean
slide_date (Tl          *tl,
            JsonObject  *slide,
            SlideKind    kind,
            char       **date_text,
            WeftDate    *date)
{
  JsonObject *start_object = weft_json_get_object (slide, "start_date");
  JsonObject *end_object = weft_json_get_object (slide, "end_date");
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  TlDate start, end;
  gboolean clamped = FALSE, end_clamped = FALSE;

  if (start_object == NULL)
    {
      if (json_object_has_member (slide, "start_date"))
        tl_report (tl, WEFT_SEVERITY_ERROR, "start_date",
                   _("start_date must be an object such as {\"year\": \"1963\", \"month\": \"8\"}; the slide is left out"));
      else
        tl_report (tl, WEFT_SEVERITY_ERROR, NULL,
                   kind == SLIDE_ERA ? _("an era without start_date; add one such as {\"year\": \"1963\"} (the era is left out)")
                                     : _("a slide without start_date; add one such as {\"year\": \"1963\"} (the slide is left out)"));
      return FALSE;
    }

  read_date (tl, start_object, "start_date", &start);
  if (!start.present)
    {
      tl_report (tl, WEFT_SEVERITY_ERROR, "start_date",
                 _("start_date has no year; TimelineJS needs at least the year (the slide is left out)"));
      return FALSE;
    }

  start_text = date_to_edtf (&start, &clamped);
  if (clamped)
    tl_report (tl, WEFT_SEVERITY_WARNING, "start_date.year",
               _("the year %lld is beyond the years Weft can place (%d BCE to %d); "
                 "the slide is placed at the limit and its exact date is kept for export"),
               (long long) start.year, WEFT_DATE_MAX_YEAR + 1, WEFT_DATE_MAX_YEAR);

  if (end_object != NULL)
    {
      read_date (tl, end_object, "end_date", &end);
      if (end.present)
        end_text = date_to_edtf (&end, &end_clamped);
      if (end_clamped)
        tl_report (tl, WEFT_SEVERITY_WARNING, "end_date.year",
                   _("the year %lld is beyond the years Weft can place; "
                     "the end is placed at the limit and its exact date is kept for export"), (long long) end.year);
    }

  text = end_text ? g_strdup_printf ("%s/%s", start_text, end_text) : g_strdup (start_text);
  if (!weft_date_parse (text, date, NULL, &error))
    {
      /* Most likely an end before the start: keep the start. */
      tl_report (tl, WEFT_SEVERITY_WARNING, "end_date", _("%s; only the start date is used"), error->message);
      g_clear_error (&error);
      g_free (text);
      text = g_strdup (start_text);
      if (!weft_date_parse (text, date, NULL, &error))
        {
          tl_report (tl, WEFT_SEVERITY_ERROR, "start_date", "%s", error->message);
          return FALSE;
        }
    }

  *date_text = g_steal_pointer (&text);
  return TRUE;
}

char *
weft_timelinejs_date_text (JsonObject *start,
                           JsonObject *end)
{
  TlDate s, e;
  gboolean clamped;
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;

  if (start == NULL)
    return NULL;
  read_date (NULL, start, "start_date", &s);
  if (!s.present)
    return NULL;
  start_text = date_to_edtf (&s, &clamped);
  if (end != NULL)
    {
      read_date (NULL, end, "end_date", &e);
      if (e.present)
        end_text = date_to_edtf (&e, &clamped);
    }
  if (end_text != NULL)
    return g_strdup_printf ("%s/%s", start_text, end_text);
  return g_steal_pointer (&start_text);
}

/* ---- Slides --------------------------------------------------------------- */

/* The "weft" member Weft's export writes into a slide. */
static JsonObject *
slide_weft (JsonObject *slide)
{
  return weft_json_get_object (slide, "weft");
}

/* Moves the members of @slide that Weft has no field for into a new
 * object ("media", "background", "display_date", …); @handled are the
 * ones it read. */
static JsonObject *
leftover_members (JsonObject         *slide,
                  const char * const *handled)
{
  JsonObject *rest = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init_ordered (&iter, slide);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    if (!g_strv_contains (handled, name))
      json_object_set_member (rest, name, json_node_copy (node));

  return rest;
}

static const char *
text_member (Tl         *tl,
             JsonObject *slide,
             const char *member)
{
  JsonObject *text = weft_json_get_object (slide, "text");
  JsonNode *node;

  if (text == NULL)
    {
      if (json_object_has_member (slide, "text") && !JSON_NODE_HOLDS_NULL (json_object_get_member (slide, "text")))
        tl_report (tl, WEFT_SEVERITY_WARNING, "text",
                   _("text must be an object with “headline” and “text”; it is kept as it is"));
      return NULL;
    }

  node = json_object_get_member (text, member);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_autofree char *where = g_strdup_printf ("text.%s", member);
      tl_report (tl, WEFT_SEVERITY_WARNING, where, _("%s must be a string; it is kept as it is"), member);
      return NULL;
    }

  return json_node_get_string (node);
}

/* Keeps @html in @keep as @key when the export would not write it back
 * from the plain text. */
static void
keep_html (JsonObject *keep,
           const char *key,
           const char *html,
           const char *plain)
{
  g_autoptr(GString) again = g_string_new (NULL);

  if (html == NULL)
    return;
  weft_html_append_text (again, plain);
  /* An empty text is kept too, so it is written back as it was. */
  if (html[0] == '\0' || strcmp (html, again->str) != 0)
    json_object_set_string_member (keep, key, html);
}

/* The same for a headline, which is written as one escaped line. */
static gboolean
headline_needs_keeping (const char *headline,
                        const char *title)
{
  g_autofree char *again = weft_html_escape (title);

  return headline != NULL && strcmp (headline, again) != 0;
}

/* The source for a media credit, made once per credit. */
static const char *
credit_source (Tl         *tl,
               const char *credit_html)
{
  g_autofree char *plain = weft_html_to_text (credit_html, TRUE);
  const char *id;
  WeftSource *source;
  g_autofree char *url = NULL;

  if (plain[0] == '\0')
    return NULL;

  id = g_hash_table_lookup (tl->credit_sources, plain);
  if (id != NULL)
    return id;

  id = weft_id_maker_make (&tl->ids, "src", plain);
  source = weft_dataset_add_source (tl->dataset, id, plain, WEFT_SOURCE_OTHER);
  url = weft_html_first_link (credit_html);
  source->url = weft_dataset_intern (tl->dataset, url);
  if (strcmp (plain, credit_html) != 0)
    {
      JsonObject *keep = json_object_new ();
      json_object_set_string_member (keep, "credit", credit_html);
      weft_item_set_extra (&source->item, "timelinejs", json_node_init_object (json_node_alloc (), keep));
      json_object_unref (keep);
    }

  g_hash_table_insert (tl->credit_sources, g_strdup (plain), (gpointer) source->item.id);
  return source->item.id;
}

/* A media credit: the source it names, and a claim the event cites. */
static void
media_claim (Tl         *tl,
             WeftEvent  *event,
             JsonObject *media)
{
  const char *credit = weft_json_get_string (media, "credit");
  const char *caption = weft_json_get_string (media, "caption");
  const char *url = weft_json_get_string (media, "url");
  g_autofree char *plain_caption = weft_html_to_text (caption, TRUE);
  g_autofree char *text = NULL;
  const char *source;
  const char *id;
  WeftClaim *claim;
  JsonObject *mark;

  if (credit == NULL)
    return;
  source = credit_source (tl, credit);
  if (source == NULL)
    return;

  if (plain_caption[0] != '\0')
    text = g_strdup (plain_caption);
  else
    text = g_strdup_printf (_("Media for “%s”"), event->title);

  id = weft_id_maker_make (&tl->ids, "cl-media", event->item.id);
  claim = weft_dataset_add_claim (tl->dataset, id, text, WEFT_STATUS_REPORTED);
  weft_dataset_strv_append (tl->dataset, &claim->about, event->item.id);
  weft_dataset_add_citation (tl->dataset, claim, source, plain_caption, url && url[0] ? url : NULL);
  weft_dataset_strv_append (tl->dataset, &event->claims, id);

  /* Marked, so the export does not fold it into the text as well. */
  mark = json_object_new ();
  json_object_set_string_member (mark, "role", "media-credit");
  weft_item_set_extra (&claim->item, "timelinejs", json_node_init_object (json_node_alloc (), mark));
  json_object_unref (mark);
}

/* Fields of a slide's "weft" member, read back from Weft's own export. */
static void
read_slide_weft_event (Tl         *tl,
                       WeftEvent  *event,
                       JsonObject *weft)
{
  JsonArray *participants = weft_json_get_array (weft, "participants");
  JsonArray *claims = weft_json_get_array (weft, "claims");
  JsonArray *tags = weft_json_get_array (weft, "tags");
  const char *description = weft_json_get_string (weft, "description");

  if (json_object_has_member (weft, "description"))
    event->description = weft_dataset_intern (tl->dataset, description);

  for (guint i = 0; participants && i < json_array_get_length (participants); i++)
    {
      JsonNode *element = json_array_get_element (participants, i);
      JsonObject *p = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      const char *entity = weft_json_get_string (p, "entity");

      if (entity == NULL)
        {
          g_autofree char *where = g_strdup_printf ("weft.participants[%u]", i);
          tl_report (tl, WEFT_SEVERITY_WARNING, where, _("a participant without an entity id is left out"));
          continue;
        }
      weft_dataset_add_participant (tl->dataset, event, entity, weft_json_get_string (p, "role"));
    }

  for (guint i = 0; claims && i < json_array_get_length (claims); i++)
    {
      const char *id = json_array_get_string_element (claims, i);
      if (id != NULL)
        weft_dataset_strv_append (tl->dataset, &event->claims, id);
    }
  for (guint i = 0; tags && i < json_array_get_length (tags); i++)
    {
      const char *tag = json_array_get_string_element (tags, i);
      if (tag != NULL)
        weft_dataset_strv_append (tl->dataset, &event->tags, tag);
    }
}

/* The display date Weft's export made up goes with the date. */
static void
drop_made_up_display_date (JsonObject     *members,
                           const WeftDate *date,
                           const char     *date_text)
{
  g_autofree char *display = NULL;
  JsonObject *rs, *re;
  const char *shown = weft_json_get_string (members, "display_date");

  weft_timelinejs_render_date (date, date_text, &rs, &re, &display);
  if (shown != NULL && g_strcmp0 (shown, display) == 0)
    json_object_remove_member (members, "display_date");
  json_object_unref (rs);
  if (re != NULL)
    json_object_unref (re);
}

/* An era's end_date, or NULL when it only repeats the start (Weft's export
 * gives every era an end, as TimelineJS wants). */
static JsonObject *
era_end (JsonObject *slide)
{
  JsonNode *start = json_object_get_member (slide, "start_date");
  JsonNode *end = json_object_get_member (slide, "end_date");

  if (start != NULL && end != NULL && json_node_equal (start, end))
    return NULL;
  return weft_json_get_object (slide, "end_date");
}

/* The first day a TimelineJS date object names, or FALSE. */
static gboolean
tl_day (JsonObject *object,
        gint64     *day)
{
  TlDate d;

  if (object == NULL)
    return FALSE;
  read_date (NULL, object, "date", &d);
  if (!d.present || d.year < -WEFT_DATE_MAX_YEAR - 1 || d.year > WEFT_DATE_MAX_YEAR)
    return FALSE;
  *day = weft_days_from_civil (d.year < 0 ? d.year + 1 : d.year, d.month ? (guint) d.month : 1, d.day ? (guint) d.day : 1);
  return TRUE;
}

/* Whether an era's dates are those Weft's export writes for @date when
 * TimelineJS would drop its end: from its first day to the day after its
 * last, an open or unknown end anywhere after the start. */
static gboolean
era_days_match (const WeftDate *date,
                JsonObject     *slide)
{
  const WeftDateFlags unsure = WEFT_DATE_FLAG_OPEN | WEFT_DATE_FLAG_UNKNOWN;
  gint64 first, after;

  if (!tl_day (weft_json_get_object (slide, "start_date"), &first) ||
      !tl_day (weft_json_get_object (slide, "end_date"), &after) || after <= first)
    return FALSE;
  if (!(date->start.flags & unsure) && first != date->start.lower)
    return FALSE;
  return (date->end.flags & unsure) || after == date->end.upper + 1;
}

/* The end_date that Weft's own date is compared with. */
static JsonObject *
slide_end_date (JsonObject *slide,
                SlideKind   kind)
{
  return kind == SLIDE_ERA ? era_end (slide) : weft_json_get_object (slide, "end_date");
}

/* Reads a slide's date, counting the slide as a record: from its date
 * objects, or Weft's exact one (from Weft's own export) when the slide
 * still shows it. FALSE when it has none (reported; the slide is
 * skipped). */
static gboolean
read_slide_date (Tl          *tl,
                 JsonObject  *slide,
                 SlideKind    kind,
                 char       **date_text,
                 WeftDate    *date)
{
  JsonObject *weft = slide_weft (slide);
  const char *exact = weft ? weft_json_get_string (weft, "date") : NULL;
  WeftDate exact_date;

  tl->ctx->summary->n_records++;
  if (!slide_date (tl, slide, kind, date_text, date))
    {
      weft_import_context_skip (tl->ctx);
      return FALSE;
    }

  if (exact != NULL && weft_date_parse (exact, &exact_date, NULL, NULL) &&
      (dates_match (&exact_date, exact, weft_json_get_object (slide, "start_date"), slide_end_date (slide, kind)) ||
       (kind == SLIDE_ERA && era_days_match (&exact_date, slide))))
    {
      g_free (*date_text);
      *date_text = g_strdup (exact);
      *date = exact_date;
    }
  return TRUE;
}

/* What a slide holds that Weft has no field for, to keep under
 * "timelinejs": first its other members (without the display date Weft's
 * export made up). */
static JsonObject *
keep_members (JsonObject         *slide,
              const char * const *handled,
              const WeftDate     *date,
              const char         *date_text)
{
  JsonObject *keep = json_object_new ();
  JsonObject *members = leftover_members (slide, handled);

  if (slide_weft (slide) != NULL)
    drop_made_up_display_date (members, date, date_text);
  if (json_object_get_size (members) > 0)
    json_object_set_object_member (keep, "members", json_object_ref (members));
  json_object_unref (members);
  return keep;
}

/* The headline, when the title does not give it back. */
static void
keep_headline (JsonObject *keep,
               const char *headline,
               const char *title)
{
  g_autofree char *plain_headline = weft_html_to_text (headline, TRUE);

  if (headline_needs_keeping (headline, title) || (headline != NULL && strcmp (plain_headline, title) != 0))
    json_object_set_string_member (keep, "headline", headline);
}

/* Last, the date objects as they were when Weft would write others; then
 * @keep (which it takes) goes into @item unless it is empty. */
static void
keep_finish (WeftItem   *item,
             JsonObject *keep,
             JsonObject *slide,
             const char *date_text)
{
  SlideKind kind = item->type == WEFT_ITEM_ERA ? SLIDE_ERA : SLIDE_EVENT;

  if (!dates_match (weft_item_get_date (item), date_text, weft_json_get_object (slide, "start_date"),
                    slide_end_date (slide, kind)) &&
      !(kind == SLIDE_ERA && slide_weft (slide) != NULL && era_days_match (weft_item_get_date (item), slide)))
    {
      JsonNode *start = json_object_get_member (slide, "start_date");
      JsonNode *end = json_object_get_member (slide, "end_date");

      json_object_set_string_member (keep, "date", date_text);
      if (start != NULL)
        json_object_set_member (keep, "start_date", json_node_copy (start));
      if (end != NULL)
        json_object_set_member (keep, "end_date", json_node_copy (end));
    }

  if (json_object_get_size (keep) > 0)
    weft_item_set_extra (item, "timelinejs", json_node_init_object (json_node_alloc (), keep));
  json_object_unref (keep);
}

/* An event needs a title: the start of its text will do, else
 * "Untitled". */
static char *
title_from_text (const char *text)
{
  char *title = weft_html_to_text (text, TRUE);

  if (g_utf8_strlen (title, -1) > 60)
    {
      char *cut = g_utf8_offset_to_pointer (title, 59);
      *cut = '\0';
      title = g_realloc (title, strlen (title) + 4);
      strcat (title, "…");
    }
  if (title[0] == '\0')
    {
      g_free (title);
      title = g_strdup (_("Untitled"));
    }
  return title;
}

static void
read_event_slide (Tl         *tl,
                  JsonObject *slide)
{
  static const char * const handled[] = { "start_date", "end_date", "text", "group", "unique_id", "weft", NULL };
  g_autofree char *date_text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  JsonObject *weft = slide_weft (slide);
  JsonObject *keep;
  JsonObject *media;
  const char *headline, *text, *unique_id, *group, *id = NULL;
  WeftEvent *event;
  WeftDate date = { 0 };

  if (!read_slide_date (tl, slide, SLIDE_EVENT, &date_text, &date))
    return;

  headline = text_member (tl, slide, "headline");
  text = text_member (tl, slide, "text");
  title = weft_html_to_text (headline, TRUE);
  description = weft_html_to_text (text, FALSE);
  if (title[0] == '\0')
    {
      g_free (title);
      title = title_from_text (text);
    }

  unique_id = weft_json_get_string (slide, "unique_id");
  if (unique_id != NULL && unique_id[0] != '\0')
    {
      if (weft_id_maker_claim (&tl->ids, unique_id))
        id = unique_id;
      else
        tl_report (tl, WEFT_SEVERITY_WARNING, "unique_id",
                   _("unique_id “%s” is used twice; this slide gets a new id"), unique_id);
    }
  if (id == NULL)
    id = weft_id_maker_make (&tl->ids, "ev", title);

  event = weft_dataset_add_event (tl->dataset, id, title, date_text, &date);
  if (description[0] != '\0')
    event->description = weft_dataset_intern (tl->dataset, description);

  group = weft_json_get_string (slide, "group");
  if (group != NULL && group[0] != '\0')
    event->group = weft_dataset_intern (tl->dataset, group);
  else if (json_object_has_member (slide, "group") && group == NULL &&
           !JSON_NODE_HOLDS_NULL (json_object_get_member (slide, "group")))
    tl_report (tl, WEFT_SEVERITY_WARNING, "group", _("group must be a string; it is left out"));

  /* What Weft has no field for; a slide without a headline keeps a null
   * one, since its title was made up. */
  keep = keep_members (slide, handled, &date, date_text);
  if (headline == NULL)
    json_object_set_null_member (keep, "headline");
  else
    keep_headline (keep, headline, title);
  if (weft == NULL || !json_object_has_member (weft, "description"))
    keep_html (keep, "text", text, description);
  {
    JsonObject *text_object = weft_json_get_object (slide, "text");

    if (text_object != NULL)
      {
        static const char * const text_handled[] = { "headline", "text", NULL };
        JsonObject *rest = leftover_members (text_object, text_handled);

        if (json_object_get_size (rest) > 0)
          json_object_set_object_member (keep, "text_members", json_object_ref (rest));
        json_object_unref (rest);
      }
  }
  keep_finish (&event->item, keep, slide, date_text);

  if (weft != NULL)
    {
      read_slide_weft_event (tl, event, weft);
      weft_json_read_history (tl->dataset, &event->item, weft);
    }

  media = weft_json_get_object (slide, "media");
  if (media != NULL && !tl->has_weft)
    media_claim (tl, event, media);
}

static void
read_era_slide (Tl         *tl,
                JsonObject *slide)
{
  static const char * const handled[] = { "start_date", "end_date", "text", "weft", NULL };
  g_autofree char *date_text = NULL;
  g_autofree char *title = NULL;
  JsonObject *weft = slide_weft (slide);
  JsonObject *keep;
  const char *headline, *text, *id = NULL;
  WeftEra *era;
  WeftDate date = { 0 };

  if (!read_slide_date (tl, slide, SLIDE_ERA, &date_text, &date))
    return;

  headline = text_member (tl, slide, "headline");
  text = text_member (tl, slide, "text");
  title = weft_html_to_text (headline, TRUE);
  if (title[0] == '\0')
    {
      g_free (title);
      title = weft_date_format_short (&date);
    }

  if (weft != NULL && weft_id_maker_claim (&tl->ids, weft_json_get_string (weft, "id")))
    id = weft_json_get_string (weft, "id");
  if (id == NULL)
    id = weft_id_maker_make (&tl->ids, "era", title);

  era = weft_dataset_add_era (tl->dataset, id, title, date_text, &date);
  if (weft != NULL)
    {
      era->color = weft_dataset_intern (tl->dataset, weft_json_get_string (weft, "color"));
      weft_json_read_history (tl->dataset, &era->item, weft);
    }

  keep = keep_members (slide, handled, &date, date_text);
  keep_headline (keep, headline, title);
  if (text != NULL)
    json_object_set_string_member (keep, "text", text);
  keep_finish (&era->item, keep, slide, date_text);
}

static void
read_title_slide (Tl         *tl,
                  JsonObject *slide,
                  JsonObject *dataset_keep)
{
  static const char * const handled[] = { "text", NULL };
  const char *headline = text_member (tl, slide, "headline");
  const char *text = text_member (tl, slide, "text");
  g_autofree char *title = weft_html_to_text (headline, TRUE);
  g_autofree char *description = weft_html_to_text (text, FALSE);
  JsonObject *members = leftover_members (slide, handled);

  if (title[0] != '\0')
    weft_dataset_set_title (tl->dataset, title);
  if (description[0] != '\0')
    weft_dataset_set_description (tl->dataset, description);

  if (json_object_get_size (members) > 0)
    json_object_set_object_member (dataset_keep, "title", json_object_ref (members));
  json_object_unref (members);
  if (headline_needs_keeping (headline, title))
    json_object_set_string_member (dataset_keep, "headline", headline);
  else if (headline == NULL)
    json_object_set_null_member (dataset_keep, "headline");
  keep_html (dataset_keep, "text", text, description);

}

/* ---- The "weft" member of Weft's own export ------------------------------- */

static void
read_weft_member (Tl         *tl,
                  JsonObject *weft)
{
  g_autoptr(WeftDiagnostics) scratch = weft_diagnostics_new (NULL);
  static const char * const arrays[] = { "sources", "entities", "claims", "relations" };
  g_autoptr(JsonObject) items = json_object_new ();
  guint n;

  /* Only the items the slides cannot hold; events and eras are slides. */
  for (guint i = 0; i < G_N_ELEMENTS (arrays); i++)
    {
      JsonNode *node = json_object_get_member (weft, arrays[i]);
      if (node != NULL)
        json_object_set_member (items, arrays[i], json_node_copy (node));
    }

  weft_dataset_read_json_items (tl->dataset, items, scratch);
  tl->has_weft = TRUE;

  if (weft_json_get_string (weft, "language") != NULL)
    weft_dataset_set_language (tl->dataset, weft_json_get_string (weft, "language"));

  n = weft_diagnostics_get_length (scratch);
  for (guint i = 0; i < n; i++)
    {
      const WeftDiagnostic *d = weft_diagnostics_get (scratch, i);
      g_autofree char *path = g_strdup_printf ("weft.%s", d->path ? d->path : "");

      /* Unknown members are kept on purpose; only real problems count. */
      if (d->severity == WEFT_SEVERITY_ERROR)
        weft_diagnostics_add (tl->ctx->diagnostics, WEFT_SEVERITY_ERROR, 0, 0, path, "%s", d->message);
    }

  /* Their ids are taken. */
  {
    GPtrArray *lists[] = {
      weft_dataset_get_sources (tl->dataset), weft_dataset_get_entities (tl->dataset),
      weft_dataset_get_claims (tl->dataset), weft_dataset_get_relations (tl->dataset),
    };

    for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
      for (guint i = 0; i < lists[l]->len; i++)
        weft_id_maker_claim (&tl->ids, ((WeftItem *) g_ptr_array_index (lists[l], i))->id);
  }
}

/* ---- Legacy v2 ------------------------------------------------------------ */

/* "2011,12,10" or "2011,12,10,07,02,10" or "2011,12,10 07:02:10" into a
 * v3 date object; NULL when it is not one. */
static JsonObject *
v2_date (const char *text)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *copy = NULL;
  static const char * const names[] = { "year", "month", "day", "hour", "minute", "second" };
  JsonObject *date;
  guint n;

  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));
  g_strdelimit (copy, " :", ',');
  parts = g_strsplit (copy, ",", -1);
  n = g_strv_length (parts);
  if (n == 0 || n > G_N_ELEMENTS (names) || parts[0][0] == '\0')
    return NULL;

  date = json_object_new ();
  for (guint i = 0; i < n; i++)
    {
      char *part = g_strstrip (parts[i]);
      gint64 value;

      if (part[0] == '\0')
        continue;
      if (!g_ascii_string_to_signed (part, 10, G_MININT64 / 2, G_MAXINT64 / 2, &value, NULL))
        {
          json_object_unref (date);
          return NULL;
        }
      json_object_set_string_member (date, names[i], part);
    }
  return date;
}

/* A v2 slide (timeline.date[i], timeline.era[i] or timeline itself) in the
 * v3 shape. */
static JsonObject *
v2_slide (Tl         *tl,
          JsonObject *old,
          gboolean    title)
{
  static const char * const known[] = { "startDate", "endDate", "headline", "text", "tag", "asset", NULL };
  JsonObject *slide = leftover_members (old, known);
  JsonObject *text = json_object_new ();
  JsonObject *asset = weft_json_get_object (old, "asset");
  const char *s;

  if ((s = weft_json_get_string (old, "headline")) != NULL)
    json_object_set_string_member (text, "headline", s);
  if ((s = weft_json_get_string (old, "text")) != NULL)
    json_object_set_string_member (text, "text", s);
  json_object_set_object_member (slide, "text", text);

  if ((s = weft_json_get_string (old, "tag")) != NULL)
    json_object_set_string_member (slide, "group", s);

  if (asset != NULL)
    {
      JsonObject *media = json_object_new ();
      JsonObjectIter iter;
      const char *name;
      JsonNode *node;

      json_object_iter_init_ordered (&iter, asset);
      while (json_object_iter_next_ordered (&iter, &name, &node))
        json_object_set_member (media, g_str_equal (name, "media") ? "url" : name, json_node_copy (node));
      json_object_set_object_member (slide, "media", media);
    }

  if (!title)
    {
      const char *members[] = { "startDate", "endDate" };
      const char *v3[] = { "start_date", "end_date" };

      for (guint i = 0; i < 2; i++)
        {
          const char *value = weft_json_get_string (old, members[i]);
          JsonObject *date;

          if (value == NULL || value[0] == '\0')
            continue;
          date = v2_date (value);
          if (date == NULL)
            {
              tl_report (tl, WEFT_SEVERITY_WARNING, members[i],
                         _("“%s” is not a date in the form “2011,12,10”; it is kept as it is"), value);
              json_object_set_string_member (slide, members[i], value);
              continue;
            }
          json_object_set_object_member (slide, v3[i], date);
        }
    }
  else if ((s = weft_json_get_string (old, "startDate")) != NULL)
    json_object_set_string_member (slide, "startDate", s);

  return slide;
}

/* Reads each slide of @slides, events or eras (named PATH[i] in
 * messages); TimelineJS 2 slides are turned into version 3 ones first.
 * An element that is not an object is counted, reported and skipped. */
static void
read_slides (Tl         *tl,
             JsonArray  *slides,
             const char *path,
             SlideKind   kind,
             gboolean    v2)
{
  for (guint i = 0; slides && i < json_array_get_length (slides) && !tl->ctx->stopped; i++)
    {
      JsonNode *node = json_array_get_element (slides, i);
      g_autoptr(JsonObject) converted = NULL;
      JsonObject *slide;

      g_free (tl->json_path);
      tl->json_path = g_strdup_printf ("%s[%u]", path, i);
      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          tl->ctx->summary->n_records++;
          tl_report (tl, WEFT_SEVERITY_ERROR, NULL,
                     kind == SLIDE_ERA ? _("an era must be an object; it is left out")
                                       : _("a slide must be an object; it is left out"));
          weft_import_context_skip (tl->ctx);
          continue;
        }

      slide = json_node_get_object (node);
      if (v2)
        slide = converted = v2_slide (tl, slide, FALSE);
      if (kind == SLIDE_ERA)
        read_era_slide (tl, slide);
      else
        read_event_slide (tl, slide);
    }
}

static void
read_v2 (Tl         *tl,
         JsonObject *timeline,
         JsonObject *dataset_keep)
{
  JsonArray *dates = weft_json_get_array (timeline, "date");
  JsonArray *eras = weft_json_get_array (timeline, "era");
  JsonObject *title;

  g_free (tl->json_path);
  tl->json_path = g_strdup ("timeline");
  title = v2_slide (tl, timeline, TRUE);
  json_object_remove_member (title, "date");
  json_object_remove_member (title, "era");
  read_title_slide (tl, title, dataset_keep);
  json_object_unref (title);
  json_object_set_int_member (dataset_keep, "version", 2);

  if (dates == NULL)
    tl_report (tl, WEFT_SEVERITY_WARNING, "date", _("a TimelineJS 2 timeline without “date”, its list of slides"));

  read_slides (tl, dates, "timeline.date", SLIDE_EVENT, TRUE);
  read_slides (tl, eras, "timeline.era", SLIDE_ERA, TRUE);
}

/* ---- Entry points --------------------------------------------------------- */

static void
tl_init (Tl                *tl,
         WeftImportContext *ctx,
         GError           **error)
{
  memset (tl, 0, sizeof *tl);
  tl->ctx = ctx;
  tl->dataset = weft_dataset_new ();
  tl->error = error;
  weft_id_maker_init (&tl->ids);
  tl->credit_sources = g_hash_table_new_full (weft_str_hash, g_str_equal, g_free, NULL);
}

static void
tl_clear (Tl *tl)
{
  g_clear_object (&tl->dataset);
  weft_id_maker_clear (&tl->ids);
  g_clear_pointer (&tl->credit_sources, g_hash_table_unref);
  g_clear_pointer (&tl->json_path, g_free);
  g_clear_pointer (&tl->csv_columns, g_hash_table_unref);
}

WeftDataset *
weft_import_timelinejs_json (WeftImportContext  *ctx,
                             const char         *text,
                             gsize               length,
                             GError            **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(JsonObject) dataset_keep = json_object_new ();
  WeftJsonProblem problem = { 0 };
  guint first = weft_diagnostics_get_length (ctx->diagnostics);
  gsize skip = (length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0;
  JsonNode *root_node;
  JsonObject *root;
  WeftDataset *result;
  Tl tl;

  if (!weft_json_check (text + skip, length - skip, NULL, &problem))
    {
      guint line, column;

      weft_json_offset_to_position (text + skip, length - skip, problem.offset, &line, &column);
      weft_diagnostics_add (ctx->diagnostics, WEFT_SEVERITY_ERROR, line, column, NULL, "%s", problem.message);
      g_set_error (error, WEFT_ERROR, problem.limit ? WEFT_ERROR_LIMIT : WEFT_ERROR_SYNTAX,
                   "%s:%u:%u: %s", ctx->name, line, column, problem.message);
      g_free (problem.message);
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, text + skip, length - skip, &parse_error))
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_SYNTAX, "%s: %s", ctx->name, parse_error->message);
      return NULL;
    }

  root_node = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_SYNTAX,
                   _("%s: a TimelineJS file is a JSON object with “events” (or, in version 2, “timeline”)"),
                   ctx->name);
      return NULL;
    }
  root = json_node_get_object (root_node);

  tl_init (&tl, ctx, error);

  if (weft_json_get_object (root, "weft") != NULL)
    read_weft_member (&tl, weft_json_get_object (root, "weft"));

  if (weft_json_get_object (root, "timeline") != NULL)
    {
      read_v2 (&tl, weft_json_get_object (root, "timeline"), dataset_keep);
    }
  else
    {
      static const char * const handled[] = { "title", "events", "eras", "weft", NULL };
      JsonArray *events = weft_json_get_array (root, "events");
      JsonArray *eras = weft_json_get_array (root, "eras");
      JsonObject *title = weft_json_get_object (root, "title");
      JsonObject *rest = leftover_members (root, handled);

      if (title != NULL)
        {
          tl.json_path = g_strdup ("title");
          read_title_slide (&tl, title, dataset_keep);
        }
      else
        json_object_set_boolean_member (dataset_keep, "no_title", TRUE);
      if (json_object_get_size (rest) > 0)
        json_object_set_object_member (dataset_keep, "members", json_object_ref (rest));
      json_object_unref (rest);

      if (events == NULL && json_object_has_member (root, "events"))
        tl_report (&tl, WEFT_SEVERITY_ERROR, "events", _("“events” must be an array of slides"));
      else if (events == NULL)
        tl_report (&tl, WEFT_SEVERITY_WARNING, NULL, _("a timeline without “events”"));

      read_slides (&tl, events, "events", SLIDE_EVENT, FALSE);
      read_slides (&tl, eras, "eras", SLIDE_ERA, FALSE);
    }

  if (json_object_get_size (dataset_keep) > 0)
    {
      JsonObject *extra = json_object_new ();

      json_object_set_object_member (extra, "timelinejs", json_object_ref (dataset_keep));
      weft_dataset_set_extra (tl.dataset, extra);
    }

  result = weft_import_context_finish (ctx, g_steal_pointer (&tl.dataset), error);
  tl_clear (&tl);

  weft_resolve_json_positions (ctx->diagnostics, first, text + skip, length - skip);
  weft_diagnostics_sort (ctx->diagnostics);

  return result;
}

/* ---- The spreadsheet template --------------------------------------------- */

typedef enum {
  COL_YEAR, COL_MONTH, COL_DAY, COL_TIME,
  COL_END_YEAR, COL_END_MONTH, COL_END_DAY, COL_END_TIME,
  COL_DISPLAY_DATE, COL_HEADLINE, COL_TEXT,
  COL_MEDIA, COL_MEDIA_CREDIT, COL_MEDIA_CAPTION, COL_MEDIA_THUMBNAIL,
  COL_TYPE, COL_GROUP, COL_BACKGROUND,
  N_COLS
} Column;

/* The template's header, and where each column goes in a v3 slide. */
static const struct {
  const char *header;
  const char *member;
} columns[N_COLS] = {
  { "Year", "start_date.year" }, { "Month", "start_date.month" }, { "Day", "start_date.day" },
  { "Time", "start_date.hour" },
  { "End Year", "end_date.year" }, { "End Month", "end_date.month" }, { "End Day", "end_date.day" },
  { "End Time", "end_date.hour" },
  { "Display Date", "display_date" }, { "Headline", "text.headline" }, { "Text", "text.text" },
  { "Media", "media.url" }, { "Media Credit", "media.credit" }, { "Media Caption", "media.caption" },
  { "Media Thumbnail", "media.thumbnail" },
  { "Type", "type" }, { "Group", "group" }, { "Background", "background" },
};

/* "13:30", "1:30 PM", "13:30:15" into hours, minutes, seconds. */
static gboolean
parse_time (const char *text,
            int        *hour,
            int        *minute,
            int        *second)
{
  g_autofree char *lower = g_ascii_strdown (text, -1);
  int h = 0, m = 0, s = 0, n = 0;
  const char *rest;

  if (sscanf (lower, "%d:%d:%d%n", &h, &m, &s, &n) == 3)
    rest = lower + n;
  else if (sscanf (lower, "%d:%d%n", &h, &m, &n) == 2)
    rest = lower + n;
  else
    return FALSE;

  while (*rest == ' ')
    rest++;
  if (g_str_has_prefix (rest, "pm") || g_str_has_prefix (rest, "p.m."))
    {
      if (h < 1 || h > 12)
        return FALSE;
      if (h != 12)
        h += 12;
      rest += rest[1] == 'm' ? 2 : 4;
    }
  else if (g_str_has_prefix (rest, "am") || g_str_has_prefix (rest, "a.m."))
    {
      if (h < 1 || h > 12)
        return FALSE;
      if (h == 12)
        h = 0;
      rest += rest[1] == 'm' ? 2 : 4;
    }
  while (*rest == ' ')
    rest++;
  if (*rest != '\0' || h < 0 || h > 23 || m < 0 || m > 59 || s < 0 || s > 59)
    return FALSE;

  *hour = h;
  *minute = m;
  *second = s;
  return TRUE;
}

static JsonObject *
ensure_object (JsonObject *parent,
               const char *member)
{
  JsonObject *o = weft_json_get_object (parent, member);

  if (o == NULL)
    {
      o = json_object_new ();
      json_object_set_object_member (parent, member, o);
    }
  return o;
}

/* One row of the template as a v3 slide. */
static JsonObject *
row_to_slide (Tl        *tl,
              const int *index_of,
              guint      n_headers)
{
  JsonObject *slide = json_object_new ();
  JsonObject *unknown = NULL;

  g_hash_table_remove_all (tl->csv_columns);

  for (guint c = 0; c < N_COLS; c++)
    {
      const char *value;
      const char *member = columns[c].member;
      const char *dot;

      if (index_of[c] < 0 || (guint) index_of[c] >= tl->n_csv_fields)
        continue;
      value = tl->csv_fields[index_of[c]].text;
      g_hash_table_insert (tl->csv_columns, (gpointer) member, GUINT_TO_POINTER (index_of[c] + 1));
      if (value[0] == '\0')
        continue;

      if (c == COL_TIME || c == COL_END_TIME)
        {
          JsonObject *date = ensure_object (slide, c == COL_TIME ? "start_date" : "end_date");
          int h, m, s;

          if (parse_time (value, &h, &m, &s))
            {
              json_object_set_int_member (date, "hour", h);
              json_object_set_int_member (date, "minute", m);
              json_object_set_int_member (date, "second", s);
            }
          else
            tl_report (tl, WEFT_SEVERITY_WARNING, member,
                       _("“%s” is not a time such as “13:30” or “1:30 PM”; it is kept as it is"), value);
          /* As written, for the export. */
          json_object_set_string_member (date, "time", value);
          continue;
        }

      if (c == COL_BACKGROUND)
        {
          JsonObject *background = ensure_object (slide, "background");
          gboolean color = value[0] == '#' || (strchr (value, '/') == NULL && strchr (value, '.') == NULL);

          json_object_set_string_member (background, color ? "color" : "url", value);
          continue;
        }

      dot = strchr (member, '.');
      if (dot == NULL)
        json_object_set_string_member (slide, member, value);
      else
        {
          g_autofree char *parent = g_strndup (member, dot - member);
          json_object_set_string_member (ensure_object (slide, parent), dot + 1, value);
        }
    }

  /* Columns that are not in the template are kept under their names. */
  for (guint i = 0; i < tl->n_csv_fields && i < n_headers; i++)
    {
      gboolean known = FALSE;

      for (guint c = 0; c < N_COLS; c++)
        known |= (index_of[c] == (int) i);
      if (known || tl->csv_fields[i].text[0] == '\0')
        continue;
      if (unknown == NULL)
        unknown = ensure_object (slide, "spreadsheet");
      json_object_set_string_member (unknown, tl->csv_headers[i], tl->csv_fields[i].text);
    }

  return slide;
}

WeftDataset *
weft_import_timelinejs_csv (WeftImportContext  *ctx,
                            const char         *text,
                            gsize               length,
                            GError            **error)
{
  g_autoptr(JsonObject) dataset_keep = json_object_new ();
  WeftCsvReader reader;
  WeftDataset *result = NULL;
  g_autoptr(GError) local_error = NULL;
  int index_of[N_COLS];
  guint n_headers = 0;
  guint line, column;
  Tl tl;

  if (!weft_csv_check_utf8 (text, length, ctx->name, _("invalid UTF-8; save the spreadsheet as CSV in UTF-8"),
                            ctx->diagnostics, error))
    return NULL;

  tl_init (&tl, ctx, error);
  tl.csv = TRUE;
  tl.csv_columns = g_hash_table_new (weft_str_hash, g_str_equal);
  weft_csv_reader_init (&reader, text, length);

  tl.csv_headers = weft_csv_reader_next_header (&reader, ctx->diagnostics);
  if (tl.csv_headers == NULL)
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_SYNTAX,
                   _("%s: the first line must be the TimelineJS template's header (Year, Month, Day, …, Headline, …)"),
                   ctx->name);
      goto out;
    }

  n_headers = g_strv_length (tl.csv_headers);
  for (guint c = 0; c < N_COLS; c++)
    index_of[c] = weft_csv_find_column ((const char * const *) tl.csv_headers, columns[c].header);

  if (index_of[COL_YEAR] < 0 || index_of[COL_HEADLINE] < 0)
    {
      weft_diagnostics_add (ctx->diagnostics, WEFT_SEVERITY_ERROR, 1, 1, NULL,
                            _("the header needs at least the columns “Year” and “Headline” of the TimelineJS template"));
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_SYNTAX,
                   _("%s:1:1: the header needs at least the columns “Year” and “Headline” of the TimelineJS template"),
                   ctx->name);
      goto out;
    }

  for (;;)
    {
      g_autoptr(JsonObject) slide = NULL;
      const char *type;
      guint row_line = reader.line;

      g_clear_error (&local_error);
      if (!weft_csv_reader_next (&reader, &line, &column, &local_error))
        break;
      if (local_error != NULL)
        {
          ctx->summary->n_records++;
          weft_diagnostics_add (ctx->diagnostics, WEFT_SEVERITY_ERROR, line, column, NULL,
                                _("%s; the row is left out"), local_error->message);
          weft_import_context_skip (ctx);
          if (weft_import_context_stop (ctx, 0, 0, local_error->message, error))
            break;
          continue;
        }

      /* Blank lines are not rows. */
      if (weft_csv_reader_is_blank (&reader))
        continue;

      tl.csv_fields = (WeftCsvField *) reader.fields->data;
      tl.n_csv_fields = reader.fields->len;
      tl.csv_line = row_line;

      if (reader.fields->len != n_headers)
        tl_report (&tl, WEFT_SEVERITY_WARNING, NULL,
                   _("this row has %u fields and the header %u; missing ones are empty"),
                   reader.fields->len, n_headers);

      slide = row_to_slide (&tl, index_of, n_headers);
      type = weft_json_get_string (slide, "type");

      if (type != NULL && (g_ascii_strcasecmp (type, "title") == 0 || g_ascii_strcasecmp (type, "start") == 0))
        {
          json_object_remove_member (slide, "type");
          read_title_slide (&tl, slide, dataset_keep);
        }
      else if (type != NULL && g_ascii_strcasecmp (type, "era") == 0)
        {
          json_object_remove_member (slide, "type");
          read_era_slide (&tl, slide);
        }
      else
        read_event_slide (&tl, slide);

      if (ctx->stopped)
        break;
    }

  json_object_set_boolean_member (dataset_keep, "spreadsheet", TRUE);
  {
    JsonObject *extra = json_object_new ();
    json_object_set_object_member (extra, "timelinejs", json_object_ref (dataset_keep));
    weft_dataset_set_extra (tl.dataset, extra);
  }

  result = weft_import_context_finish (ctx, g_steal_pointer (&tl.dataset), error);

out:
  weft_csv_reader_clear (&reader);
  g_strfreev (tl.csv_headers);
  tl_clear (&tl);
  weft_diagnostics_sort (ctx->diagnostics);
  return result;
}
