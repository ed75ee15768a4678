/* fuzz-date.c: the EDTF parser, and the labels of what it accepts
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-fuzz"

#include "config.h"

#include <string.h>

#include "weft-date.h"
#include "weft-error.h"
#include "fuzz-common.h"

WEFT_FUZZ_INITIALIZE ()

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  /* Dates come from JSON strings: NUL-terminated, no NUL inside. */
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GError) error = NULL;
  WeftDate date;
  gsize offset = G_MAXSIZE;

  if (weft_date_parse (text, &date, &offset, &error))
    {
      g_autofree char *described = weft_date_describe (&date);
      g_autofree char *label = weft_date_format_short (&date);

      weft_fuzz_assert (error == NULL);
      weft_fuzz_assert (date.lower <= date.upper);
      weft_fuzz_assert (date.start.lower <= date.start.upper);
      weft_fuzz_assert (date.end.lower <= date.end.upper);
      weft_fuzz_assert (date.lower == date.start.lower && date.upper == date.end.upper);
      weft_fuzz_assert (weft_date_compare (&date, &date) == 0);
      weft_fuzz_assert (described != NULL && g_utf8_validate (described, -1, NULL));
      weft_fuzz_assert (label != NULL && g_utf8_validate (label, -1, NULL));
    }
  else
    {
      weft_fuzz_assert (g_error_matches (error, WEFT_ERROR, WEFT_ERROR_DATE));
      weft_fuzz_assert (offset <= strlen (text));
      /* Messages quote the text: always valid UTF-8, never a raw control. */
      weft_fuzz_assert (g_utf8_validate (error->message, -1, NULL));
      for (const char *p = error->message; *p != '\0'; p++)
        weft_fuzz_assert ((guchar) *p >= 0x20 && *p != 0x7f);
    }

  return 0;
}
