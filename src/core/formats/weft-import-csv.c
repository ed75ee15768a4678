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
  WeftCsvReader      reader;
  WeftDataset       *dataset;
  WeftIdMaker        ids;
  GHashTable        *entities;   /* folded name -> entity id (borrowed) */
  GError           **error;

  /* The header. */
  GStrv              headers;    /* names, stripped */
  guint              n_headers;
  int                index_of[N_COLS];   /* field of each column, -1 when absent */
} Csv;

/* A row being read. */
typedef struct {
  const WeftCsvField *fields;
  guint               n_fields;
  WeftCsvField        empty;     /* a column the row lacks: where the row starts */
} Row;

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

/* ---- Participants ---------------------------------------------------------- */

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

/* ---- The header ------------------------------------------------------------ */

static gboolean
read_header (Csv     *csv,
             GError **error)
{
  csv->headers = weft_csv_reader_next_header (&csv->reader, csv->ctx->diagnostics);
  if (csv->headers == NULL)
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_SYNTAX,
                   _("%s: the first line must name the columns (date, title, description, participants, group)"),
                   csv->ctx->name);
      return FALSE;
    }

  csv->n_headers = g_strv_length (csv->headers);
  for (guint c = 0; c < N_COLS; c++)
    csv->index_of[c] = weft_csv_find_column ((const char * const *) csv->headers, column_names[c]);

  if (csv->index_of[COL_DATE] < 0 || csv->index_of[COL_TITLE] < 0)
    {
      const char *missing = csv->index_of[COL_DATE] < 0 ? "date" : "title";

      weft_diagnostics_add (csv->ctx->diagnostics, WEFT_SEVERITY_ERROR, 1, 1, NULL,
                            _("no “%s” column; the first line must name the columns "
                              "(date, title, description, participants, group)"), missing);
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_SYNTAX,
                   _("%s:1:1: no “%s” column; the first line must name the columns "
                     "(date, title, description, participants, group)"), csv->ctx->name, missing);
      return FALSE;
    }

  return TRUE;
}

/* ---- One row ------------------------------------------------------------- */

/* The field of column @c, or the row's empty one when it has none. */
static const WeftCsvField *
row_field (Csv       *csv,
           const Row *row,
           int        c)
{
  int index = csv->index_of[c];

  return index >= 0 && (guint) index < row->n_fields ? &row->fields[index] : &row->empty;
}

/* The row's date; FALSE (reported) when it has none that can be read. */
static gboolean
row_date (Csv       *csv,
          const Row *row,
          char     **date_text,
          WeftDate  *date)
{
  const WeftCsvField *date_field = row_field (csv, row, COL_DATE);
  g_autofree char *text = g_strstrip (g_strdup (date_field->text));
  g_autoptr(GError) date_error = NULL;
  gsize offset = 0;

  if (text[0] == '\0')
    {
      report (csv, WEFT_SEVERITY_ERROR, date_field, "date",
              _("an event needs a date, such as “2021-10-05”, “2021-10” or “2021”; the row is left out"));
      return FALSE;
    }
  if (!weft_date_parse (text, date, &offset, &date_error))
    {
      /* Point at the character that is wrong. */
      WeftCsvField at = *date_field;
      const char *start = date_field->text;

      while (*start == ' ' || *start == '\t')
        start++, at.column++;
      if (date_field->text[0] == '"')
        at.column++;
      at.column += g_utf8_strlen (start, MIN (offset, strlen (start)));
      report (csv, WEFT_SEVERITY_ERROR, &at, "date", _("%s; the row is left out"), date_error->message);
      return FALSE;
    }

  *date_text = g_steal_pointer (&text);
  return TRUE;
}

/* The row's own id, when it has one not yet taken (else NULL). */
static const char *
row_own_id (Csv       *csv,
            const Row *row)
{
  const WeftCsvField *id_field;
  g_autofree char *wanted = NULL;

  if (csv->index_of[COL_ID] < 0)
    return NULL;

  id_field = row_field (csv, row, COL_ID);
  wanted = g_strstrip (g_strdup (id_field->text));
  if (wanted[0] != '\0' && weft_id_maker_claim (&csv->ids, wanted))
    return weft_dataset_intern (csv->dataset, wanted);
  if (wanted[0] != '\0')
    report (csv, WEFT_SEVERITY_WARNING, id_field, "id",
            _("the id “%s” is used twice; this event gets a new one"), wanted);
  return NULL;
}

/* Columns Weft has no field for, kept under "csv". */
static void
keep_other_columns (Csv       *csv,
                    const Row *row,
                    WeftEvent *event)
{
  JsonObject *unknown = NULL;

  for (guint i = 0; i < row->n_fields; i++)
    {
      gboolean known = FALSE;

      for (guint c = 0; c < N_COLS; c++)
        known |= csv->index_of[c] == (int) i;
      if (known || row->fields[i].text[0] == '\0')
        continue;
      if (unknown == NULL)
        unknown = json_object_new ();
      json_object_set_string_member (unknown, i < csv->n_headers ? csv->headers[i] : "",
                                     row->fields[i].text);
    }
  if (unknown != NULL)
    {
      weft_item_set_extra (&event->item, "csv", json_node_init_object (json_node_alloc (), unknown));
      json_object_unref (unknown);
    }
}

/* The event a row gives; NULL (reported) when the row is left out. */
static WeftEvent *
add_event (Csv       *csv,
           const Row *row)
{
  const WeftCsvField *title_field = row_field (csv, row, COL_TITLE);
  g_autofree char *date_text = NULL;
  g_autofree char *title = NULL;
  const char *id;
  WeftEvent *event;
  WeftDate date;

  if (!row_date (csv, row, &date_text, &date))
    return NULL;

  id = row_own_id (csv, row);
  title = g_strstrip (g_strdup (title_field->text));
  if (title[0] == '\0')
    {
      report (csv, WEFT_SEVERITY_WARNING, title_field, "title", _("an event without a title"));
      g_free (title);
      title = g_strdup (_("Untitled"));
    }
  if (id == NULL)
    id = weft_id_maker_make (&csv->ids, "ev", title);
  event = weft_dataset_add_event (csv->dataset, id, title, date_text, &date);

  if (csv->index_of[COL_DESCRIPTION] >= 0 && row_field (csv, row, COL_DESCRIPTION)->text[0] != '\0')
    event->description = weft_dataset_intern (csv->dataset, row_field (csv, row, COL_DESCRIPTION)->text);
  if (csv->index_of[COL_GROUP] >= 0)
    {
      g_autofree char *group = g_strstrip (g_strdup (row_field (csv, row, COL_GROUP)->text));
      if (group[0] != '\0')
        event->group = weft_dataset_intern (csv->dataset, group);
    }
  if (csv->index_of[COL_PARTICIPANTS] >= 0)
    add_participants (csv, event, row_field (csv, row, COL_PARTICIPANTS)->text,
                      csv->index_of[COL_PARTICIPANT_IDS] >= 0 ? row_field (csv, row, COL_PARTICIPANT_IDS)->text : NULL,
                      csv->index_of[COL_ROLES] >= 0 ? row_field (csv, row, COL_ROLES)->text : NULL);
  if (csv->index_of[COL_TAGS] >= 0)
    {
      g_auto(GStrv) tags = split_list (row_field (csv, row, COL_TAGS)->text);

      for (guint i = 0; tags[i] != NULL; i++)
        if (tags[i][0] != '\0')
          weft_dataset_strv_append (csv->dataset, &event->tags, tags[i]);
    }

  keep_other_columns (csv, row, event);
  return event;
}

/* Reads the next row into an event. FALSE at the end of the table. */
static gboolean
read_row (Csv *csv)
{
  WeftCsvReader *reader = &csv->reader;
  g_autoptr(GError) error = NULL;
  guint row_line = reader->line;
  guint line, column;
  Row row;

  if (!weft_csv_reader_next (reader, &line, &column, &error))
    return FALSE;
  if (error != NULL)
    {
      WeftCsvField at = { NULL, line, column };

      csv->ctx->summary->n_records++;
      weft_import_context_skip (csv->ctx);
      report (csv, WEFT_SEVERITY_ERROR, &at, NULL, _("%s; the row is left out"), error->message);
      return TRUE;
    }
  if (weft_csv_reader_is_blank (reader))
    return TRUE;

  csv->ctx->summary->n_records++;
  row.fields = (const WeftCsvField *) reader->fields->data;
  row.n_fields = reader->fields->len;
  row.empty = (WeftCsvField) { (char *) "", row_line, 1 };

  if (row.n_fields != csv->n_headers)
    report (csv, WEFT_SEVERITY_WARNING, &row.fields[0], NULL,
            _("this row has %u fields and the header %u; missing ones are empty"),
            row.n_fields, csv->n_headers);

  if (add_event (csv, &row) == NULL)
    weft_import_context_skip (csv->ctx);
  return TRUE;
}

/* ---- The import ------------------------------------------------------------ */

static void
csv_init (Csv               *csv,
          WeftImportContext *ctx,
          const char        *text,
          gsize              length,
          GError           **error)
{
  memset (csv, 0, sizeof *csv);
  csv->ctx = ctx;
  csv->error = error;
  weft_csv_reader_init (&csv->reader, text, length);
  csv->dataset = weft_dataset_new ();
  csv->entities = g_hash_table_new_full (weft_str_hash, g_str_equal, g_free, NULL);
  weft_id_maker_init (&csv->ids);
}

static void
csv_clear (Csv *csv)
{
  weft_csv_reader_clear (&csv->reader);
  g_clear_object (&csv->dataset);
  g_hash_table_unref (csv->entities);
  weft_id_maker_clear (&csv->ids);
  g_strfreev (csv->headers);
}

WeftDataset *
weft_import_csv_events (WeftImportContext  *ctx,
                        const char         *text,
                        gsize               length,
                        GError            **error)
{
  WeftDataset *result = NULL;
  Csv csv;

  if (!weft_csv_check_utf8 (text, length, ctx->name, _("invalid UTF-8; save the table as CSV in UTF-8"),
                            ctx->diagnostics, error))
    return NULL;

  csv_init (&csv, ctx, text, length, error);
  if (read_header (&csv, error))
    {
      while (!ctx->stopped && read_row (&csv))
        ;
      result = weft_import_context_finish (ctx, g_steal_pointer (&csv.dataset), error);
    }
  csv_clear (&csv);

  weft_diagnostics_sort (ctx->diagnostics);
  return result;
}
