/* bench-load.c: one load of a file, by Weft or by json-glib alone, then
 * prints "seconds peak_rss_kib cpu_seconds" (wall time, peak resident
 * memory, user and system time). Run each in its own process so peak
 * memory is that of one load (see run-load.sh).
 *
 * Usage: bench-load weft|json-glib FILE
 *
 * SPDX-License-Identifier: MIT
 */
#include "config.h"

#include <stdio.h>
#include <sys/resource.h>
#include <json-glib/json-glib.h>

#include "weft-loader.h"

/* Under valgrind --tool=callgrind --collect-atstart=no, only the measured
 * region is counted: instruction counts do not depend on machine load. */
#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#else
#define CALLGRIND_START_INSTRUMENTATION
#define CALLGRIND_STOP_INSTRUMENTATION
#endif

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  struct rusage usage;
  gint64 start, end;

  if (argc != 3)
    {
      g_printerr ("usage: bench-load weft|json-glib FILE\n");
      return 2;
    }

  start = g_get_monotonic_time ();
  CALLGRIND_START_INSTRUMENTATION;
  if (g_str_equal (argv[1], "weft"))
    {
      WeftDataset *dataset = weft_dataset_load_path (argv[2], NULL, &error);

      if (dataset == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      CALLGRIND_STOP_INSTRUMENTATION;
      end = g_get_monotonic_time ();
      /* The model stays alive, as in the application. */
      getrusage (RUSAGE_SELF, &usage);
      g_object_unref (dataset);
    }
  else
    {
      JsonParser *parser = json_parser_new ();

      if (!json_parser_load_from_file (parser, argv[2], &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      CALLGRIND_STOP_INSTRUMENTATION;
      end = g_get_monotonic_time ();
      getrusage (RUSAGE_SELF, &usage);
      g_object_unref (parser);
    }

  printf ("%.4f %ld %.4f\n", (end - start) / 1e6, usage.ru_maxrss,
          usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6);
  return 0;
}
