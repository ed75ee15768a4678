/* date-bounds.c: prints the day bounds Weft gives each EDTF date, for the
 * interop tests (tests/interop/edtf.mjs compares them with the edtf
 * package; graphs.mjs checks GEXF spells). A test helper, not installed.
 *
 * Reads one date a line on standard input and prints, for each,
 * "ok FIRST LAST" (ISO 8601 days, or "open" or "unknown" for such an end)
 * or "error OFFSET".
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-test"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "weft-date.h"

static char *
bound (const WeftDatePoint *point,
       gint64               day)
{
  if (point->flags & WEFT_DATE_FLAG_OPEN)
    return g_strdup ("open");
  if (point->flags & WEFT_DATE_FLAG_UNKNOWN)
    return g_strdup ("unknown");
  return weft_day_to_iso (day);
}

int
main (void)
{
  char line[4096];

  while (fgets (line, sizeof line, stdin) != NULL)
    {
      WeftDate date;
      gsize offset = 0;

      line[strcspn (line, "\n")] = '\0';
      if (weft_date_parse (line, &date, &offset, NULL))
        {
          g_autofree char *first = bound (&date.start, date.lower);
          g_autofree char *last = bound (&date.end, date.upper);

          printf ("ok %s %s\n", first, last);
        }
      else
        printf ("error %" G_GSIZE_FORMAT "\n", offset);
    }
  return 0;
}
