/* fuzz-loader.c: the .weft loader and validator, and the round trip of what
 * it accepts
 *
 * Properties: whatever loads is saved as text that loads again without an
 * error, and saving that second dataset gives the same text (saving is a
 * fixed point after one round); the streaming reader agrees with the one
 * before it (tests/weft-old-loader.c) and with itself reading the input
 * from a stream in pieces of 1 to 16 bytes.
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-fuzz"

#include "config.h"

#include <string.h>

#include "weft-error.h"
#include "weft-loader.h"
#include "weft-old-loader.h"
#include "weft-saver.h"
#include "fuzz-common.h"

WEFT_FUZZ_INITIALIZE ()

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(WeftDiagnostics) diagnostics = weft_diagnostics_new ("fuzz.weft");
  g_autoptr(WeftDiagnostics) again = weft_diagnostics_new ("saved.weft");
  g_autoptr(WeftDataset) dataset = NULL;
  g_autoptr(WeftDataset) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *saved_again = NULL;
  g_autofree char *difference = NULL;
  gsize saved_length, saved_again_length;

  difference = weft_old_loader_compare ((const char *) data, size, size > 0 ? data[size / 2] % 16 + 1 : 1, NULL);
  if (difference != NULL)
    g_error ("%s", difference);

  /* The data is not NUL-terminated: the loader must not need it. */
  dataset = weft_dataset_load_data ((const char *) data, size, "fuzz.weft", diagnostics, &error);

  report = weft_diagnostics_format_all (diagnostics);
  weft_fuzz_assert (g_utf8_validate (report, -1, NULL));
  for (guint i = 0; i < weft_diagnostics_get_length (diagnostics); i++)
    {
      g_autofree char *line = weft_diagnostic_format (weft_diagnostics_get (diagnostics, i), "fuzz.weft");

      /* Quoted text from the file never carries a terminal escape. */
      for (const char *p = line; *p != '\0'; p++)
        weft_fuzz_assert ((guchar) *p >= 0x20 && *p != 0x7f);
    }

  if (dataset == NULL)
    {
      weft_fuzz_assert (error != NULL && error->domain == WEFT_ERROR);
      weft_fuzz_assert (weft_diagnostics_get_n_errors (diagnostics) > 0);
      return 0;
    }
  weft_fuzz_assert (error == NULL);
  weft_fuzz_assert (weft_diagnostics_get_n_errors (diagnostics) == 0);

  saved = weft_dataset_to_data (dataset, &saved_length);
  reloaded = weft_dataset_load_data (saved, saved_length, "saved.weft", again, &error);
  if (reloaded == NULL)
    {
      g_autofree char *problems = weft_diagnostics_format_all (again);
      g_error ("a loaded dataset was saved as text that does not load: %s\n%s", error->message, problems);
    }
  weft_fuzz_assert (weft_diagnostics_get_n_errors (again) == 0);

  saved_again = weft_dataset_to_data (reloaded, &saved_again_length);
  weft_fuzz_assert (saved_length == saved_again_length);
  weft_fuzz_assert (memcmp (saved, saved_again, saved_length) == 0);

  return 0;
}
