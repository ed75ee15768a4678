/* fuzz-replay.c: runs a fuzz target over files, without libFuzzer
 *
 * Linked into each target when Weft is not built for fuzzing, so that an
 * ordinary build (gcc, or the sanitizer build) replays the committed corpus
 * and every input that once found a bug. Arguments are files or folders
 * (every regular file inside, in name order). Prints TAP.
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-fuzz"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "fuzz-common.h"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
collect (const char *path,
         GPtrArray  *files)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (files, g_strdup (path));
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    g_error ("cannot read the folder %s", path);
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *child = g_build_filename (path, g_ptr_array_index (names, i), NULL);

      collect (child, files);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  LLVMFuzzerInitialize (&argc, &argv);

  for (int i = 1; i < argc; i++)
    collect (argv[i], files);

  printf ("1..%u\n", files->len);
  for (guint i = 0; i < files->len; i++)
    {
      const char *file = g_ptr_array_index (files, i);
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      gsize length;

      if (!g_file_get_contents (file, &contents, &length, &error))
        g_error ("%s", error->message);
      /* A copy of exactly the file's size, so that a read past the end
       * is caught by the sanitizers as it is under libFuzzer. */
      {
        g_autofree guint8 *copy = g_malloc (MAX (length, 1));

        memcpy (copy, contents, length);
        LLVMFuzzerTestOneInput (copy, length);
      }
      printf ("ok %u %s\n", i + 1, file);
      fflush (stdout);
    }

  return 0;
}
