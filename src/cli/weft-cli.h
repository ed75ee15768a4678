/* weft-cli.h: the subcommands that run without a display
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <glib.h>

#include "weft-dataset.h"

G_BEGIN_DECLS

/* Exit statuses of every subcommand. */
enum {
  WEFT_EXIT_OK = 0,
  WEFT_EXIT_PROBLEMS = 1,   /* validate found errors; path found no path; search nothing */
  WEFT_EXIT_USAGE = 2,      /* wrong usage, or a file cannot be read */
};

typedef int (*WeftCliFunc) (int argc, char **argv);

typedef struct {
  const char  *name;
  const char  *parameters;   /* "FILE…", translatable */
  const char  *summary;      /* translatable */
  WeftCliFunc  run;
} WeftCliCommand;

/* TRUE when @arg names a subcommand or a top-level option (--help,
 * --version) that the command line answers without a display. */
gboolean weft_cli_handles   (const char *arg);
/* Runs the subcommand in argv[1]. */
int      weft_cli_run       (int         argc,
                             char      **argv);
/* Prints the list of subcommands (for weft --help). */
void     weft_cli_print_help (void);

/* Subcommands, one file each. */
int      weft_cli_validate  (int argc, char **argv);
int      weft_cli_stats     (int argc, char **argv);
int      weft_cli_path      (int argc, char **argv);
int      weft_cli_timeline  (int argc, char **argv);
int      weft_cli_convert   (int argc, char **argv);
int      weft_cli_graph     (int argc, char **argv);
int      weft_cli_search    (int argc, char **argv);
int      weft_cli_slides    (int argc, char **argv);

/* Shared helpers for subcommands. */
/* Parses options; on --help prints help and returns FALSE with *status 0,
 * on a usage error prints it and returns FALSE with *status 2. */
gboolean weft_cli_parse     (GOptionContext *context,
                             int            *argc,
                             char         ***argv,
                             int            *status);
GOptionContext *weft_cli_context_new (const char *command,
                                      const char *parameters,
                                      const char *summary);
/* g_print() for text that quotes a dataset: control characters, terminal
 * escapes and bidirectional overrides are written as escapes
 * (weft_text_escape()); a final newline is kept. */
void     weft_cli_print_safe (const char *format,
                              ...) G_GNUC_PRINTF (1, 2);
/* An entity named on the command line: by id, else by name or alias,
 * ignoring case; NULL when none. */
WeftEntity *weft_cli_find_entity (WeftDataset *dataset,
                                  const char  *key);
/* The saved view or story (@type WEFT_ITEM_VIEW or _STORY) @id of @dataset
 * (read from @path) for "weft @command --saved-view" or "--story"; NULL,
 * once it has said which ids there are, when none. */
WeftItem *weft_cli_find_named (WeftDataset  *dataset,
                               WeftItemType  type,
                               const char   *command,
                               const char   *path,
                               const char   *id);
/* Loads a dataset for a subcommand, printing problems; NULL on failure. */
struct _WeftDataset *weft_cli_load (const char *path);
/* The same for a .weft file; any other file Weft imports (TimelineJS,
 * FollowTheMoney, CSV) is imported, as the window opens it. */
WeftDataset *weft_cli_load_any (const char *path);

G_END_DECLS
