/* weft-history.h: the provenance of items ("history" in the .weft format)
 *
 * Every item an edit creates or changes gets a WeftHistoryEntry (the struct
 * is in weft-dataset.h, beside the items): when (ISO 8601, UTC), by whom,
 * what was done and to which members. weft-edit.c appends them; the member
 * tables read and write them like any other member.
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include "weft-dataset.h"

G_BEGIN_DECLS

/* The names of the actions as the .weft format writes them ("created",
 * "changed", "merged", "imported"), in enum order, NULL-terminated. */
extern const char * const weft_history_action_names[WEFT_N_HISTORY_ACTIONS + 1];

const char *weft_history_action_to_string (WeftHistoryAction action);

/* @time (seconds since 1970, UTC) as the format writes it:
 * "2024-05-01T09:30:00Z". Newly allocated (g_free()). */
char       *weft_history_format_time      (gint64            time);

/* Who edits when nobody said: the user's real name, or their login name
 * when the system knows no real name. Static. */
const char *weft_history_default_author   (void);

/* The entries of @item, oldest first (borrowed); *@n_out their number. */
const WeftHistoryEntry *weft_item_get_history (const WeftItem *item,
                                               guint          *n_out);

G_END_DECLS
