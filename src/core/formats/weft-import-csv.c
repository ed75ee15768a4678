/* weft-import-csv.c: an events table (CSV) into a dataset
 *
 * The first line names the columns, in any order and any case: "date" and
 * "title" are needed; "description", "participants" (names separated by
 * ";"), "group", "tags" (separated by ";") and "id" are read when there;
 * other columns are kept under "csv" in each event's unknown members.
 * Participants become entities (kind other), one per name.
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "weft-csv.h"
#include "weft-error.h"
#include "weft-hash.h"
#include "weft-interchange-private.h"
#include "weft-text.h"

enum {
  COL_DATE, COL_TITLE, COL_DESCRIPTION, COL_PARTICIPANTS, COL_GROUP, COL_TAGS, COL_ID,
  COL_PARTICIPANT_IDS, COL_ROLES,
  N_COLS
};

/* "participant_ids" and "roles" (as the CSV export writes them) give the
 * participants their ids and roles, in the order of "participants". */
static const char * const column_names[N_COLS] = {
  "date", "title", "description", "participants", "group", "tags", "id",
  "participant_ids", "roles",
};

typedef struct {
  WeftImportContext *ctx;
  WeftDataset       *dataset;
  WeftIdMaker        ids;
  GHashTable        *entities;   /* folded name -> entity id (borrowed) */
  GError           **error;
} Csv;

static void report (Csv *csv, WeftSeverity severity, const WeftCsvField *field, const char *header,
                    const char *format, ...) G_GNUC_PRINTF (5, 6);

static void
report (Csv                *csv,
        WeftSeverity        severity,
        const WeftCsvField *field,
        const char         *header,
        const char         *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  weft_diagnostics_add (csv->ctx->diagnostics, severity, field->line, field->column, header, "%s", message);
  weft_import_context_stop (csv->ctx, field->line, field->column, message, csv->error);
}

static const char *
entity_for_name (Csv        *csv,
                 const char *name,
                 const char *wanted_id)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  const char *id = g_hash_table_lookup (csv->entities, folded);
  WeftEntity *entity;

  if (id != NULL)
    return id;

  if (wanted_id != NULL && weft_id_maker_claim (&csv->ids, wanted_id))
    id = wanted_id;
  else
    id = weft_id_maker_make (&csv->ids, "ent", name);
  entity = weft_dataset_add_entity (csv->dataset, id, name, WEFT_ENTITY_OTHER);
  g_hash_table_insert (csv->entities, g_steal_pointer (&folded), (gpointer) entity->item.id);
  return entity->item.id;
}

/* The parts of @text separated by ";", trimmed. */
static GStrv
split_list (const char *text)
{
  GStrv parts = g_strsplit (text, ";", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    g_strstrip (parts[i]);
  return parts;
}

static void
add_participants (Csv        *csv,
                  WeftEvent  *event,
                  const char *names_text,
                  const char *ids_text,
                  const char *roles_text)
{
  g_auto(GStrv) names = split_list (names_text);
  g_auto(GStrv) ids = ids_text ? split_list (ids_text) : NULL;
  g_auto(GStrv) roles = roles_text ? split_list (roles_text) : NULL;
  guint n = g_strv_length (names);

  /* Ids and roles count only when they line up with the names. */
  if (ids != NULL && g_strv_length (ids) != n)
    g_clear_pointer (&ids, g_strfreev);
  if (roles != NULL && g_strv_length (roles) != n)
    g_clear_pointer (&roles, g_strfreev);

  for (guint i = 0; i < n; i++)
    {
      const char *id;
      gboolean present = FALSE;

      if (names[i][0] == '\0')
        continue;
      id = entity_for_name (csv, names[i], ids && ids[i][0] ? ids[i] : NULL);
      for (guint j = 0; j < event->n_participants; j++)
        present |= g_str_equal (event->participants[j].entity, id);
      if (!present)
        weft_dataset_add_participant (csv->dataset, event, id, roles && roles[i][0] ? roles[i] : NULL);
    }
}

WeftDataset *
weft_import_csv_events (WeftImportContext  *ctx,
                        const char         *text,
                        gsize               length,
                        GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);
  WeftCsvReader reader;
  WeftDataset *result = NULL;
  int index_of[N_COLS];
  guint line, column;
  const char *invalid = NULL;
  Csv csv = { 0 };

  if (!g_utf8_validate_len (text, length, &invalid))
    {
      guint l = 1, c = 1;

      weft_text_advance_position (text, invalid - text, &l, &c);
      weft_diagnostics_add (ctx->diagnostics, WEFT_SEVERITY_ERROR, l, c, NULL,
                            _("invalid UTF-8; save the table as CSV in UTF-8"));
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_SYNTAX, _("%s:%u:%u: invalid UTF-8; save the table as CSV in UTF-8"),
                   ctx->name, l, c);
      return NULL;
    }

  csv.ctx = ctx;
  csv.error = error;
  csv.dataset = weft_dataset_new ();
  csv.entities = g_hash_table_new_full (weft_str_hash, g_str_equal, g_free, NULL);
  weft_id_maker_init (&csv.ids);
  weft_csv_reader_init (&reader, text, length);

  for (guint c = 0; c < N_COLS; c++)
    index_of[c] = -1;

  if (!weft_csv_reader_next (&reader, &line, &column, &local_error) || local_error != NULL)
    {
      if (local_error != NULL)
        weft_diagnostics_add (ctx->diagnostics, WEFT_SEVERITY_ERROR, line, column, NULL, "%s", local_error->message);
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_SYNTAX,
                   _("%s: the first line must name the columns (date, title, description, participants, group)"),
                   ctx->name);
      goto out;
    }

  for (guint i = 0; i < reader.fields->len; i++)
    {
      WeftCsvField *f = &g_array_index (reader.fields, WeftCsvField, i);
      char *name = g_strstrip (g_strdup (f->text));

      g_ptr_array_add (headers, name);
      for (guint c = 0; c < N_COLS; c++)
        if (g_ascii_strcasecmp (name, column_names[c]) == 0 && index_of[c] < 0)
          index_of[c] = i;
    }

  if (index_of[COL_DATE] < 0 || index_of[COL_TITLE] < 0)
    {
      const char *missing = index_of[COL_DATE] < 0 ? "date" : "title";

      weft_diagnostics_add (ctx->diagnostics, WEFT_SEVERITY_ERROR, 1, 1, NULL,
                            _("no “%s” column; the first line must name the columns "
                              "(date, title, description, participants, group)"), missing);
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_SYNTAX,
                   _("%s:1:1: no “%s” column; the first line must name the columns "
                     "(date, title, description, participants, group)"), ctx->name, missing);
      goto out;
    }

  while (!ctx->stopped)
    {
      WeftCsvField *fields;
      WeftCsvField empty = { (char *) "", 0, 0 };
      const WeftCsvField *date_field, *title_field;
      g_autoptr(GError) date_error = NULL;
      const char *id = NULL;
      gboolean blank = TRUE;
      WeftEvent *event;
      WeftDate date;
      gsize offset = 0;
      JsonObject *unknown = NULL;
      guint row_line = reader.line;

      g_clear_error (&local_error);
      if (!weft_csv_reader_next (&reader, &line, &column, &local_error))
        break;
      if (local_error != NULL)
        {
          WeftCsvField at = { NULL, line, column };

          ctx->summary->n_records++;
          weft_import_context_skip (ctx);
          report (&csv, WEFT_SEVERITY_ERROR, &at, NULL, _("%s; the row is left out"), local_error->message);
          continue;
        }

      fields = (WeftCsvField *) reader.fields->data;
      for (guint i = 0; i < reader.fields->len; i++)
        blank &= fields[i].text[0] == '\0';
      if (blank)
        continue;

      ctx->summary->n_records++;
      empty.line = row_line;
      empty.column = 1;

      if (reader.fields->len != headers->len)
        report (&csv, WEFT_SEVERITY_WARNING, &fields[0], NULL,
                _("this row has %u fields and the header %u; missing ones are empty"),
                reader.fields->len, headers->len);

#define FIELD(c) (index_of[c] >= 0 && (guint) index_of[c] < reader.fields->len ? &fields[index_of[c]] : &empty)

      date_field = FIELD (COL_DATE);
      title_field = FIELD (COL_TITLE);

      {
        g_autofree char *date_text = g_strstrip (g_strdup (date_field->text));

        if (date_text[0] == '\0')
          {
            report (&csv, WEFT_SEVERITY_ERROR, date_field, "date",
                    _("an event needs a date, such as “2021-10-05”, “2021-10” or “2021”; the row is left out"));
            weft_import_context_skip (ctx);
            continue;
          }
        if (!weft_date_parse (date_text, &date, &offset, &date_error))
          {
            /* Point at the character that is wrong. */
            WeftCsvField at = *date_field;
            const char *start = date_field->text;

            while (*start == ' ' || *start == '\t')
              start++, at.column++;
            if (date_field->text[0] == '"')
              at.column++;
            at.column += g_utf8_strlen (start, MIN (offset, strlen (start)));
            report (&csv, WEFT_SEVERITY_ERROR, &at, "date", _("%s; the row is left out"), date_error->message);
            weft_import_context_skip (ctx);
            continue;
          }

        if (index_of[COL_ID] >= 0)
          {
            const WeftCsvField *id_field = FIELD (COL_ID);
            g_autofree char *wanted = g_strstrip (g_strdup (id_field->text));

            if (wanted[0] != '\0' && weft_id_maker_claim (&csv.ids, wanted))
              id = weft_dataset_intern (csv.dataset, wanted);
            else if (wanted[0] != '\0')
              report (&csv, WEFT_SEVERITY_WARNING, id_field, "id",
                      _("the id “%s” is used twice; this event gets a new one"), wanted);
          }

        {
          g_autofree char *title = g_strstrip (g_strdup (title_field->text));

          if (title[0] == '\0')
            {
              report (&csv, WEFT_SEVERITY_WARNING, title_field, "title", _("an event without a title"));
              g_free (title);
              title = g_strdup (_("Untitled"));
            }
          if (id == NULL)
            id = weft_id_maker_make (&csv.ids, "ev", title);
          event = weft_dataset_add_event (csv.dataset, id, title, date_text, &date);
        }
      }

      if (index_of[COL_DESCRIPTION] >= 0 && FIELD (COL_DESCRIPTION)->text[0] != '\0')
        event->description = weft_dataset_intern (csv.dataset, FIELD (COL_DESCRIPTION)->text);
      if (index_of[COL_GROUP] >= 0)
        {
          g_autofree char *group = g_strstrip (g_strdup (FIELD (COL_GROUP)->text));
          if (group[0] != '\0')
            event->group = weft_dataset_intern (csv.dataset, group);
        }
      if (index_of[COL_PARTICIPANTS] >= 0)
        add_participants (&csv, event, FIELD (COL_PARTICIPANTS)->text,
                          index_of[COL_PARTICIPANT_IDS] >= 0 ? FIELD (COL_PARTICIPANT_IDS)->text : NULL,
                          index_of[COL_ROLES] >= 0 ? FIELD (COL_ROLES)->text : NULL);
      if (index_of[COL_TAGS] >= 0)
        {
          g_auto(GStrv) tags = split_list (FIELD (COL_TAGS)->text);

          for (guint i = 0; tags[i] != NULL; i++)
            if (tags[i][0] != '\0')
              weft_dataset_strv_append (csv.dataset, &event->tags, tags[i]);
        }

#undef FIELD

      for (guint i = 0; i < reader.fields->len; i++)
        {
          gboolean known = FALSE;

          for (guint c = 0; c < N_COLS; c++)
            known |= index_of[c] == (int) i;
          if (known || fields[i].text[0] == '\0')
            continue;
          if (unknown == NULL)
            unknown = json_object_new ();
          json_object_set_string_member (unknown,
                                         i < headers->len ? (const char *) g_ptr_array_index (headers, i) : "",
                                         fields[i].text);
        }
      if (unknown != NULL)
        {
          weft_item_set_extra (&event->item, "csv", json_node_init_object (json_node_alloc (), unknown));
          json_object_unref (unknown);
        }
    }

  if (!ctx->stopped)
    {
      g_autofree char *base = weft_import_context_dup_base_name (ctx);

      weft_dataset_set_title (csv.dataset, base);
      if (weft_import_context_finish (ctx, csv.dataset, error))
        result = g_steal_pointer (&csv.dataset);
    }

out:
  weft_csv_reader_clear (&reader);
  weft_id_maker_clear (&csv.ids);
  g_hash_table_unref (csv.entities);
  g_clear_object (&csv.dataset);
  weft_diagnostics_sort (ctx->diagnostics);
  return result;
}
