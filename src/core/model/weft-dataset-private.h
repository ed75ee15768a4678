/* weft-dataset-private.h: for the core's own loaders and importers
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include "weft-dataset.h"

G_BEGIN_DECLS

/* The top level of a dataset as the .weft format holds it, besides the
 * item arrays (weft_file_members in weft-members.h describes it). Strings
 * belong to the dataset. */
typedef struct {
  const char *title;
  const char *description;
  const char *language;
  JsonObject *extra;     /* unknown top-level members, or NULL */
} WeftDatasetHeader;

/* The dataset's own header, borrowed: the loader fills it (with interned
 * strings) before weft_dataset_finish(), the saver reads it. */
WeftDatasetHeader *weft_dataset_get_header    (WeftDataset      *self);

/* The items of @type, in file order (borrowed). */
GPtrArray *weft_dataset_get_items             (WeftDataset      *self,
                                               WeftItemType      type);

/* Appends a zero-filled item of @type (its id NULL too) for the loader,
 * which sets every member itself: strings interned, required ones never
 * NULL, as weft_dataset_add_*() make them. The item belongs to the
 * dataset. */
WeftItem  *weft_dataset_append_item           (WeftDataset      *self,
                                               WeftItemType      type);

/* Drops the items of @type from @length on (the loader, when a file
 * holds an item array twice: as json-glib did, the last one counts). */
void       weft_dataset_truncate_items        (WeftDataset      *self,
                                               WeftItemType      type,
                                               guint             length);

/* Appends a zero-filled element of @size bytes to an item's array of
 * structs (*@elements, *@n_elements: an event's participants, a claim's
 * citations) and returns it; valid until the next append to that array. */
gpointer   weft_dataset_append_element        (gpointer         *elements,
                                               guint            *n_elements,
                                               gsize             size);

/* The names of each enum's values as the .weft format writes them, in
 * enum order, NULL-terminated. */
extern const char * const weft_source_kind_names[WEFT_N_SOURCE_KINDS + 1];
extern const char * const weft_entity_kind_names[WEFT_N_ENTITY_KINDS + 1];
extern const char * const weft_claim_status_names[WEFT_N_STATUSES + 1];

/* Finds @string in @names (NULL-terminated) and stores its index in
 * @value; returns FALSE when it is not there or is NULL. */
gboolean   weft_enum_lookup                   (const char * const *names,
                                               const char         *string,
                                               guint              *value);

/* "a source", "an entity"…: @type with its article, translated (static). */
const char *weft_item_type_article_name (WeftItemType type);

/* "entities[3]" or "entities[3].member": the JSON path of an item in the
 * .weft format, as diagnostics use it. Newly allocated. */
char *weft_item_path                (const WeftItem   *item,
                                     const char       *member);

/* Sets the position of a diagnostic once it is known. */
void  weft_diagnostics_set_position (WeftDiagnostics  *self,
                                     guint             index,
                                     guint             line,
                                     guint             column);

/* Gives a line and column to every diagnostic from @first on that has a
 * JSON path but no position yet, by finding where that value starts in
 * @text (or the nearest enclosing value that exists). A column already set
 * is taken as a character offset inside the string value. */
void  weft_resolve_json_positions   (WeftDiagnostics  *diagnostics,
                                     guint             first,
                                     const char       *text,
                                     gsize             length);

G_END_DECLS
