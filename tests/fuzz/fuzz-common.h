/* fuzz-common.h: what every fuzz target shares
 *
 * A target defines LLVMFuzzerTestOneInput(), and LLVMFuzzerInitialize()
 * with WEFT_FUZZ_INITIALIZE (). Built with -Dfuzzing=true it
 * links with libFuzzer (clang -fsanitize=fuzzer); otherwise fuzz-replay.c
 * supplies a main() that runs the committed corpus through it, so every
 * build replays every input that ever found a bug.
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <locale.h>
#include <stdint.h>
#include <stddef.h>
#include <stdlib.h>

#include <glib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);
int LLVMFuzzerInitialize   (int           *argc,
                            char        ***argv);

/* A critical or a warning is a bug, as in the tests (G_DEBUG=fatal-warnings).
 * GLib stops on a fatal message with SIGTRAP, which libFuzzer does not
 * catch (no input would be saved): abort() instead. */
static inline GLogWriterOutput
weft_fuzz_log_writer (GLogLevelFlags   log_level,
                      const GLogField *fields,
                      gsize            n_fields,
                      gpointer         user_data)
{
  GLogWriterOutput result;
  const char *domain = NULL;

  for (gsize i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i].key, "GLIB_DOMAIN") == 0)
      domain = fields[i].value;
  /* Debug messages only where G_MESSAGES_DEBUG asks for them, as GLib's own
   * writer does: on stdout they would break the replay's TAP. */
  if (g_log_writer_default_would_drop (log_level, domain))
    return G_LOG_WRITER_HANDLED;
  result = g_log_writer_standard_streams (log_level, fields, n_fields, user_data);

  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return result;
}

/* Messages use C.UTF-8 (the locale's month names are exercised by the date
 * tests). */
static inline void
weft_fuzz_init (void)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_log_set_writer_func (weft_fuzz_log_writer, NULL, NULL);
}

/* Defines LLVMFuzzerInitialize(), which libFuzzer and fuzz-replay.c call
 * once before the first input: weft_fuzz_init(), then @setup, a statement
 * (or nothing) of the target's own. */
#define WEFT_FUZZ_INITIALIZE(setup)          \
  int                                        \
  LLVMFuzzerInitialize (int    *argc,        \
                        char ***argv)        \
  {                                          \
    weft_fuzz_init ();                       \
    setup;                                   \
    return 0;                                \
  }

/* A check that stays on in every build type: a failed property is a crash
 * the fuzzer must report. */
#define weft_fuzz_assert(expr) \
  G_STMT_START { if (G_UNLIKELY (!(expr))) g_error ("fuzz property failed: %s (%s:%d)", #expr, __FILE__, __LINE__); } G_STMT_END
