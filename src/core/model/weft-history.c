/* weft-history.c: the provenance of items
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include "weft-history.h"

const char * const weft_history_action_names[WEFT_N_HISTORY_ACTIONS + 1] = {
  "created", "changed", "merged", "imported", NULL,
};

const char *
weft_history_action_to_string (WeftHistoryAction action)
{
  g_return_val_if_fail (action < WEFT_N_HISTORY_ACTIONS, "changed");
  return weft_history_action_names[action];
}

char *
weft_history_format_time (gint64 time)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (time);

  if (when == NULL)
    return g_strdup ("1970-01-01T00:00:00Z");
  return g_date_time_format (when, "%Y-%m-%dT%H:%M:%SZ");
}

const char *
weft_history_default_author (void)
{
  const char *name = g_get_real_name ();

  /* GLib says "Unknown" when the system has no real name. */
  if (name == NULL || name[0] == '\0' || g_str_equal (name, "Unknown"))
    name = g_get_user_name ();
  return name;
}

const WeftHistoryEntry *
weft_item_get_history (const WeftItem *item,
                       guint          *n_out)
{
  if (n_out != NULL)
    *n_out = item->n_history;
  return item->history;
}
