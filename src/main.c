/* main.c: a subcommand runs headless, otherwise the application starts
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "weft-cli.h"
#include "weft-paths.h"

#ifdef WEFT_WITH_GUI
#include "weft-application.h"
#endif

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, weft_get_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc > 1 && weft_cli_handles (argv[1]))
    return weft_cli_run (argc, argv);

#ifdef WEFT_WITH_GUI
  return weft_application_run (argc, argv);
#else
  g_printerr ("%s\n\n", _("This Weft was built without its window (GTK 4 and libadwaita were not found); "
                          "the command line works."));
  weft_cli_print_help ();
  return argc > 1 ? WEFT_EXIT_USAGE : WEFT_EXIT_OK;
#endif
}
