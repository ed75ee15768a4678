/* weft-paths.c
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <gio/gio.h>

#include "weft-paths.h"

static char *data_dir;
static char *locale_dir;

static gboolean
has_example (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "examples", "smart-cities.weft", NULL);

  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

static void
choose_dirs (void)
{
  const char *env = g_getenv ("WEFT_DATADIR");
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);

  if (env != NULL && env[0] != '\0')
    {
      data_dir = g_strdup (env);
      locale_dir = g_strdup (LOCALEDIR);
      g_debug ("Data from $WEFT_DATADIR: %s", data_dir);
      return;
    }

  /* PREFIX/bin/weft -> PREFIX/share/weft */
  if (exe != NULL)
    {
      g_autofree char *bindir = g_path_get_dirname (exe);
      g_autofree char *prefix = g_path_get_dirname (bindir);
      g_autofree char *candidate = g_build_filename (prefix, "share", "weft", NULL);

      if (has_example (candidate))
        {
          data_dir = g_steal_pointer (&candidate);
          locale_dir = g_build_filename (prefix, "share", "locale", NULL);
          g_debug ("Data beside the program (%s): %s", exe, data_dir);
          return;
        }
    }

  if (has_example (PKGDATADIR))
    {
      data_dir = g_strdup (PKGDATADIR);
      locale_dir = g_strdup (LOCALEDIR);
      g_debug ("Data from the configured prefix: %s", data_dir);
      return;
    }

  data_dir = g_strdup (SOURCE_DATADIR);
  locale_dir = g_strdup (LOCALEDIR);
  g_debug ("Data from the source tree: %s", data_dir);
}

/* G_MESSAGES_DEBUG=weft-core shows which rule chose the folders. */
static void
find_dirs (void)
{
  const char *env = g_getenv ("WEFT_LOCALEDIR");

  choose_dirs ();
  /* The tests read the translations compiled in the build folder
   * (build/po/LANG/LC_MESSAGES/weft.mo), which is not where data is. */
  if (env != NULL && env[0] != '\0')
    {
      g_free (locale_dir);
      locale_dir = g_strdup (env);
      g_debug ("Translations from $WEFT_LOCALEDIR: %s", locale_dir);
      return;
    }
  g_debug ("Translations from %s", locale_dir);
}

const char *
weft_get_data_dir (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      find_dirs ();
      g_once_init_leave (&once, 1);
    }
  return data_dir;
}

const char *
weft_get_locale_dir (void)
{
  weft_get_data_dir ();
  return locale_dir;
}

char *
weft_dup_example_path (void)
{
  return g_build_filename (weft_get_data_dir (), "examples", "smart-cities.weft", NULL);
}
