/* weft-interchange-private.h: the importers' and exporters' entry points,
 * and what they share
 *
 * Only the registry (weft-formats.c) calls the entry points declared
 * here. The importers and exporters include this header for the shared
 * helpers (writer, ids, HTML text, dates, JSON) and the import context,
 * never the registry's weft-formats.h.
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include "weft-dataset-private.h"
#include "weft-import-context.h"

G_BEGIN_DECLS

/* ---- Importers and exporters -------------------------------------------- */

/* Importers of whole files in memory. Each returns a finished dataset or
 * NULL with @error set; problems with single records go to the
 * diagnostics. */
WeftDataset *weft_import_timelinejs_json  (WeftImportContext *ctx,
                                           const char        *text,
                                           gsize              length,
                                           GError           **error);
WeftDataset *weft_import_timelinejs_csv   (WeftImportContext *ctx,
                                           const char        *text,
                                           gsize              length,
                                           GError           **error);
WeftDataset *weft_import_csv_events       (WeftImportContext *ctx,
                                           const char        *text,
                                           gsize              length,
                                           GError           **error);
/* Streams @file (read once, or several times with a focus). */
WeftDataset *weft_import_ftm              (WeftImportContext *ctx,
                                           GFile             *file,
                                           GError           **error);

/* ---- Output -------------------------------------------------------------- */

/* A buffered writer over a GOutputStream; the first error is kept and
 * later writes do nothing. */
typedef struct {
  GOutputStream *stream;
  GString       *buffer;
  GError        *error;
} WeftWriter;

void         weft_writer_init             (WeftWriter        *writer,
                                           GOutputStream     *stream);
void         weft_writer_append           (WeftWriter        *writer,
                                           const char        *text);
void         weft_writer_append_len       (WeftWriter        *writer,
                                           const char        *text,
                                           gsize              length);
void         weft_writer_append_c         (WeftWriter        *writer,
                                           char               c);
void         weft_writer_printf           (WeftWriter        *writer,
                                           const char        *format,
                                           ...) G_GNUC_PRINTF (2, 3);
/* Text as XML character data or attribute value: & < > " ' escaped,
 * characters XML 1.0 forbids replaced by U+FFFD. */
void         weft_writer_append_xml       (WeftWriter        *writer,
                                           const char        *text);
/* A JSON string literal, quotes included. */
void         weft_writer_append_json_string (WeftWriter      *writer,
                                             const char      *text);
/* "NAME": inside a JSON object, after a comma unless *@first (which it
 * then clears). */
void         weft_writer_append_json_key  (WeftWriter        *writer,
                                           gboolean          *first,
                                           const char        *name);
/* Any JSON value, compact. */
void         weft_writer_append_json_node (WeftWriter        *writer,
                                           JsonNode          *node);
/* Flushes; returns FALSE with the first error. Does not close. */
gboolean     weft_writer_finish           (WeftWriter        *writer,
                                           GError           **error);

/* Exporters to a stream. */
gboolean     weft_export_timelinejs_json  (WeftDataset *dataset, WeftWriter *writer);
gboolean     weft_export_timelinejs_csv   (WeftDataset *dataset, WeftWriter *writer);
gboolean     weft_export_ftm              (WeftDataset *dataset, WeftWriter *writer);
gboolean     weft_export_graphml          (WeftDataset *dataset, WeftWriter *writer);
gboolean     weft_export_gexf             (WeftDataset *dataset, WeftWriter *writer);
gboolean     weft_export_dot              (WeftDataset *dataset, WeftWriter *writer);
/* CSV writes several tables: each is opened with @open_table. */
typedef GOutputStream *(*WeftOpenTable) (const char  *table,
                                         gpointer     user_data,
                                         GError     **error);
typedef gboolean       (*WeftCloseTable) (GOutputStream *stream,
                                          gboolean       ok,
                                          gpointer       user_data,
                                          GError       **error);
gboolean     weft_export_csv_tables       (WeftDataset    *dataset,
                                           WeftOpenTable   open_table,
                                           WeftCloseTable  close_table,
                                           gpointer        user_data,
                                           GError        **error);

/* ---- Graphs (GraphML, GEXF) ---------------------------------------------- */

/* The item type as the graph exports name it: "entity", "event", "source",
 * "claim", "relation", "era"; "item" for none. */
const char  *weft_export_item_type_name   (WeftItemType       type);

/* What the graph exports write of a node. */
typedef struct {
  const char     *type;          /* weft_export_item_type_name() */
  const char     *kind;          /* an entity's kind, else the type */
  const char     *description;   /* entities and events */
  const char     *country;       /* entities */
  const char     *group;         /* events */
  const char     *date_text;     /* NULL when undated (entities) */
  const WeftDate *date;          /* NULL when undated */
} WeftExportNode;

void         weft_export_node_init        (WeftExportNode    *node,
                                           const WeftItem    *item);

/* One attribute of a node or an edge, as @format (GraphML or GEXF)
 * writes it: <data key="KEY">VALUE</data>, or <attvalue for="KEY"
 * value="VALUE"/>; VALUE escaped. Nothing when @value is NULL. */
void         weft_export_graph_attribute  (WeftWriter        *writer,
                                           WeftFormat         format,
                                           const char        *key,
                                           const char        *value);

/* An edge of a graph export. */
typedef struct {
  const WeftItem *item;       /* the relation, or the event of a participation */
  char           *id;         /* the relation's, or "EVENT/participant/N" */
  const char     *source;
  const char     *target;
  const char     *type;       /* the relation's, or "participant" */
  const char     *label;      /* the relation's label or the role; may be NULL */
  const char     *date_text;  /* NULL when undated */
  const WeftDate *date;       /* NULL when undated */
} WeftExportEdge;

/* <edge id="ID" source="SOURCE" target="TARGET", escaped, after @indent;
 * the caller ends the tag. */
void         weft_export_graph_edge_open  (WeftWriter           *writer,
                                           const char           *indent,
                                           const WeftExportEdge *edge);

/* Every relation between two items of @is_node (a set of WeftItem
 * pointers), then each participation of each event (entity -> event), in
 * the dataset's order: an array of WeftExportEdge. */
GArray      *weft_export_graph_edges      (WeftDataset       *dataset,
                                           GHashTable        *is_node);

/* The first and last day of @date in ISO 8601, each NULL when that end
 * is open ("2019/..") or unknown ("2019/"). */
void         weft_export_date_days        (const WeftDate    *date,
                                           char             **first,
                                           char             **last);

/* ---- Ids ----------------------------------------------------------------- */

/* Hands out unique ids: slugs of a text with a prefix ("ev-ada-lovelace"),
 * with "-2", "-3"… on collision. */
typedef struct {
  GHashTable *used;   /* owned strings */
} WeftIdMaker;

void         weft_id_maker_init           (WeftIdMaker       *self);
void         weft_id_maker_clear          (WeftIdMaker       *self);
/* Reserves @id as it is; FALSE when it is taken (or empty). */
gboolean     weft_id_maker_claim          (WeftIdMaker       *self,
                                           const char        *id);
gboolean     weft_id_maker_has            (WeftIdMaker       *self,
                                           const char        *id);
/* A new unique id made from @text (may be NULL or empty). Owned by the
 * maker. */
const char  *weft_id_maker_make           (WeftIdMaker       *self,
                                           const char        *prefix,
                                           const char        *text);
/* "ada-lovelace" from "Ada Lovelace!" (ASCII, at most @max_length bytes). */
char        *weft_slugify                 (const char        *text,
                                           gsize              max_length);

/* ---- Text ---------------------------------------------------------------- */

/* HTML to plain text, without an HTML parser: tags are dropped (the
 * content of script and style with them), line breaks kept for br and
 * block elements, character references decoded, white space collapsed.
 * With @single_line every line break becomes a space. Never fails; the
 * result is valid UTF-8. */
char        *weft_html_to_text            (const char        *html,
                                           gboolean           single_line);
/* Whether @html has tags or character references. */
gboolean     weft_html_has_markup         (const char        *html);
/* The first http(s) link in @html (href of an <a>), or NULL. */
char        *weft_html_first_link         (const char        *html);
/* @text with & < > escaped, for HTML text (not attributes). */
char        *weft_html_escape             (const char        *text);
/* Plain text as HTML: escaped; paragraphs in <p> and line breaks as <br>
 * when it has several lines. */
void         weft_html_append_text        (GString           *html,
                                           const char        *text);

/* ---- Dates --------------------------------------------------------------- */

/* The time written after "T" in part @part (0 start, 1 end) of @date_text,
 * as hours, minutes and seconds; FALSE when there is none. */
gboolean     weft_date_text_get_time      (const char        *date_text,
                                           guint              part,
                                           guint             *hour,
                                           guint             *minute,
                                           guint             *second);
/* "2021", "-0043", "Y12345": an EDTF year. */
char        *weft_edtf_year               (gint64             year);

/* ---- TimelineJS ------------------------------------------------------------ */

/* The TimelineJS date objects that show @date (with the time written in
 * @date_text): *@start always, *@end for a span (NULL otherwise), and
 * *@display_date for what TimelineJS cannot show by itself (approximate,
 * uncertain, seasons, decades, open ends), else NULL. Years are
 * TimelineJS years: -44 is 44 BCE (astronomical -43). */
void         weft_timelinejs_render_date  (const WeftDate    *date,
                                           const char        *date_text,
                                           JsonObject       **start,
                                           JsonObject       **end,
                                           char             **display_date);

/* The EDTF an import makes of TimelineJS date objects (@end may be NULL),
 * or NULL when @start has no year. */
char        *weft_timelinejs_date_text    (JsonObject        *start,
                                           JsonObject        *end);

/* ---- JSON diagnostics ----------------------------------------------------- */


/* The member of @object as a string, or NULL when it is missing or not a
 * string. */
const char  *weft_json_get_string         (JsonObject        *object,
                                           const char        *member);
JsonObject  *weft_json_get_object         (JsonObject        *object,
                                           const char        *member);
JsonArray   *weft_json_get_array          (JsonObject        *object,
                                           const char        *member);

/* @strv's strings as a JSON array (empty for NULL). */
JsonArray   *weft_json_strv_array         (const char * const *strv);
/* @event's participants as [{"entity": ID, "role": ROLE}…], without
 * "role" when there is none. */
JsonArray   *weft_json_participants       (const WeftEvent   *event);

/* @item's provenance as a .weft file has it: "history" set in @object
 * when it has any; and read back from @object into @item (not finished:
 * an importer's), the entries that are well formed. */
void         weft_json_write_history      (JsonObject        *object,
                                           const WeftItem    *item);
void         weft_json_read_history       (WeftDataset       *dataset,
                                           WeftItem          *item,
                                           JsonObject        *object);

/* The object under @key in @item's extra members, or NULL. */
JsonObject  *weft_item_get_extra_object   (const WeftItem    *item,
                                           const char        *key);
/* Sets @key in @item's extra members, creating them; takes @value. */
void         weft_item_set_extra          (WeftItem          *item,
                                           const char        *key,
                                           JsonNode          *value);

G_END_DECLS
