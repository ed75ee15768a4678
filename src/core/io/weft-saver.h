/* weft-saver.h: writing .weft files, and JSON text
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <json-glib/json-glib.h>

#include "weft-dataset.h"
#include "weft-members.h"

G_BEGIN_DECLS

/* Stable, readable JSON (two-space indent, members in the order of
 * weft-members.h, then unknown members as they were), ending with a
 * newline. Returns it newly allocated (g_free()), its length in @length
 * (may be NULL). */
char        *weft_dataset_to_data      (WeftDataset      *self,
                                        gsize            *length);
/* Writes atomically: the old file stays whole until the new one is
 * complete. Returns FALSE with a WEFT_ERROR_IO error that names the file. */
gboolean     weft_dataset_save         (WeftDataset      *self,
                                        GFile            *file,
                                        GCancellable     *cancellable,
                                        GError          **error);
gboolean     weft_dataset_save_path    (WeftDataset      *self,
                                        const char       *path,
                                        GError          **error);

/* One member of @base (a struct @m's table describes) added to @object as
 * the format writes it, unless it is optional and has no value. */
void         weft_member_to_json       (WeftDataset            *self,
                                        JsonObject             *object,
                                        const WeftMember       *m,
                                        gconstpointer           base);
/* @base, the struct @table describes, as a JSON object: its members in
 * table order, then the unknown members it was read with. */
JsonObject  *weft_members_to_json      (WeftDataset            *self,
                                        const WeftMemberTable  *table,
                                        gconstpointer           base);

/* json_generator_to_data(), with the control character json-glib 1.6
 * writes raw (U+001F) escaped, so that the JSON is valid: for every JSON
 * text Weft writes with a JsonGenerator. Newly allocated (g_free()). */
char        *weft_json_generator_to_data (JsonGenerator  *generator,
                                          gsize          *length);

G_END_DECLS
