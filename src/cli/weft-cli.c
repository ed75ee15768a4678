/* weft-cli.c: dispatch and the foundation's subcommands
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "weft-cli.h"
#include "weft-dataset-check.h"
#include "weft-dataset-private.h"
#include "weft-error.h"
#include "weft-formats.h"
#include "weft-loader.h"
#include "weft-query.h"
#include "weft-saved-views.h"
#include "weft-text.h"

/* The table of subcommands; later ones (graph, timeline, convert) add a
 * line here and a file of their own. */
static const WeftCliCommand commands[] = {
  { "validate", N_("FILE…"), N_("Check files and list every problem with its line and column"), weft_cli_validate },
  { "stats", N_("FILE"), N_("Count what a dataset holds"), weft_cli_stats },
  { "path", N_("FILE FROM TO"), N_("Show the shortest chain of evidence between two entities"), weft_cli_path },
  { "timeline", N_("FILE OUT"), N_("Draw the timeline as an SVG, PNG or PDF picture"), weft_cli_timeline },
  { "convert", N_("IN OUT"), N_("Convert between Weft, TimelineJS, FollowTheMoney, CSV, GraphML, GEXF and DOT"), weft_cli_convert },
  { "graph", N_("FILE OUT"), N_("Draw the relationship graph to an SVG, PNG, PDF or DOT file"), weft_cli_graph },
  { "search", N_("FILE QUERY"), N_("List every entity, event, claim, quote, relation, source and era whose text contains QUERY"), weft_cli_search },
  { "slides", N_("FILE OUT.pdf"), N_("Write the presentation as a PDF, one page an event in date order"), weft_cli_slides },
};

static const WeftCliCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

/* A word of letters, digits and dashes that names no file: "weft
 * valdate x.weft" is a mistyped command, not a file for the window. */
static gboolean
is_command_word (const char *arg)
{
  if (!g_ascii_isalpha (*arg))
    return FALSE;
  for (const char *p = arg; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;
  return !g_file_test (arg, G_FILE_TEST_EXISTS);
}

gboolean
weft_cli_handles (const char *arg)
{
  if (arg == NULL)
    return FALSE;

  return find_command (arg) != NULL ||
         g_str_equal (arg, "--help") || g_str_equal (arg, "-h") ||
         g_str_equal (arg, "--version") || g_str_equal (arg, "help") ||
         is_command_word (arg);
}

/* Edits (insert, delete, replace, swap two neighbours) from @a to @b,
 * for commands of a few letters. */
static guint
edit_distance (const char *a,
               const char *b)
{
  gsize n = strlen (a), m = strlen (b);
  g_autofree guint *d = g_new (guint, (n + 1) * (m + 1));

#define D(i, j) d[(i) * (m + 1) + (j)]
  for (gsize i = 0; i <= n; i++)
    D (i, 0) = (guint) i;
  for (gsize j = 0; j <= m; j++)
    D (0, j) = (guint) j;
  for (gsize i = 1; i <= n; i++)
    for (gsize j = 1; j <= m; j++)
      {
        guint cost = g_ascii_tolower (a[i - 1]) != g_ascii_tolower (b[j - 1]);

        D (i, j) = MIN (MIN (D (i - 1, j) + 1, D (i, j - 1) + 1), D (i - 1, j - 1) + cost);
        if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
          D (i, j) = MIN (D (i, j), D (i - 2, j - 2) + 1);
      }
  return D (n, m);
#undef D
}

/* The command @name was probably meant to be, or NULL. */
static const WeftCliCommand *
closest_command (const char *name)
{
  const WeftCliCommand *best = NULL;
  guint best_distance = 3;   /* at most two edits */

  if (strlen (name) > 64)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      guint distance = edit_distance (name, commands[i].name);

      if (distance < best_distance)
        {
          best = &commands[i];
          best_distance = distance;
        }
    }
  return best;
}

/* How many columns a (translated) string takes in a terminal: a CJK
 * character takes two, "…" three bytes but one column. */
static guint
display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_iszerowidth (c))
        width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

/* One "  left   right" line of the help, right starting after column. */
static void
print_help_row (const char *left,
                const char *right,
                guint       column)
{
  g_autoptr(GString) line = g_string_new ("  ");

  g_string_append (line, left);
  for (guint width = display_width (left); width < column; width++)
    g_string_append_c (line, ' ');
  g_print ("%s %s\n", line->str, right);
}

void
weft_cli_print_help (void)
{
  guint column = 24;

  /* Translators: the first line of weft --help. */
  g_print ("%s\n", _("Usage:"));
  g_print ("  weft [%s]\n", _("FILE…"));
  g_print ("  weft %s [%s]\n\n", _("COMMAND"), _("OPTION…"));
  g_print ("%s\n\n", _("Weft shows who did what, when, and who says so: a dataset of entities, "
                       "events and claims with their sources, as a timeline and a relationship graph."));
  g_print ("%s\n", _("Without a command, Weft opens its window on the given files, or on the bundled example."));
  g_print ("\n%s\n", _("Commands:"));
  /* The descriptions line up after the widest command, at least at 24. */
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *usage = g_strdup_printf ("%s %s", commands[i].name, _(commands[i].parameters));

      column = MAX (column, display_width (usage) + 1);
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *usage = g_strdup_printf ("%s %s", commands[i].name, _(commands[i].parameters));
      print_help_row (usage, _(commands[i].summary), column);
    }
  g_print ("\n%s\n", _("Options:"));
  print_help_row ("-h, --help", _("Show this help"), column);
  print_help_row ("--version", _("Show the version"), column);
  g_print ("\n%s\n", _("Run “weft COMMAND --help” for the options of a command."));
}

int
weft_cli_run (int    argc,
              char **argv)
{
  const WeftCliCommand *command;

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      weft_cli_print_help ();
      return WEFT_EXIT_OK;
    }

  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("weft %s\n", PACKAGE_VERSION);
      return WEFT_EXIT_OK;
    }

  command = find_command (argv[1]);
  if (command == NULL)
    {
      const WeftCliCommand *closest = closest_command (argv[1]);
      g_autofree char *name = weft_text_escape (argv[1], -1);

      if (closest != NULL)
        g_printerr (_("weft: unknown command “%s”; did you mean “%s”? Run “weft --help” for the list\n"),
                    name, closest->name);
      else
        g_printerr (_("weft: unknown command “%s”; run “weft --help” for the list\n"), name);
      return WEFT_EXIT_USAGE;
    }

  /* GOption's usage line starts with the program's name, which would
   * otherwise be the command (argv[0] of what the command parses):
   * "weft [OPTION…] validate FILE…". */
  g_set_prgname ("weft");
  return command->run (argc - 1, argv + 1);
}

GOptionContext *
weft_cli_context_new (const char *command,
                      const char *parameters,
                      const char *summary)
{
  const WeftCliCommand *entry = find_command (command);
  g_autofree char *params = g_strdup_printf ("%s %s", command,
                                             parameters ? parameters : (entry ? _(entry->parameters) : ""));
  GOptionContext *context = g_option_context_new (params);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary ? summary : (entry ? _(entry->summary) : NULL));
  return context;
}

gboolean
weft_cli_parse (GOptionContext   *context,
                int              *argc,
                char           ***argv,
                int              *status)
{
  g_autoptr(GError) error = NULL;

  /* GOption prints help and exits on --help; that is what a command line
   * does, so let it. */
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("weft: %s\n", error->message);
      g_printerr (_("Run “weft %s --help” for usage.\n"), (*argv)[0]);
      *status = WEFT_EXIT_USAGE;
      return FALSE;
    }

  *status = WEFT_EXIT_OK;
  return TRUE;
}

void
weft_cli_print_safe (const char *format,
                     ...)
{
  g_autofree char *text = NULL;
  g_autofree char *safe = NULL;
  gsize len;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  len = strlen (text);
  if (len > 0 && text[len - 1] == '\n')
    {
      safe = weft_text_escape (text, (gssize) len - 1);
      g_print ("%s\n", safe);
    }
  else
    {
      safe = weft_text_escape (text, (gssize) len);
      g_print ("%s", safe);
    }
}

static void
print_diagnostics (WeftDiagnostics *diagnostics,
                   FILE            *stream)
{
  g_autofree char *text = weft_diagnostics_format_all (diagnostics);

  fputs (text, stream);
}

/* Why a file could not be read: its problems, else the error. */
static void
print_load_failure (WeftDiagnostics *diagnostics,
                    const GError    *error)
{
  if (weft_diagnostics_get_length (diagnostics) > 0)
    print_diagnostics (diagnostics, stderr);
  else
    {
      /* It names the file, which may hold anything. */
      g_autofree char *message = weft_text_escape (error->message, -1);

      g_printerr ("%s\n", message);
    }
}

WeftDataset *
weft_cli_load (const char *path)
{
  g_autoptr(WeftDiagnostics) diagnostics = weft_diagnostics_new (path);
  g_autoptr(GError) error = NULL;
  WeftDataset *dataset;

  dataset = weft_dataset_load_path (path, diagnostics, &error);
  if (dataset == NULL)
    print_load_failure (diagnostics, error);
  return dataset;
}

WeftDataset *
weft_cli_load_any (const char *path)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(WeftDiagnostics) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  WeftDataset *dataset;

  if (g_str_has_suffix (path, ".weft"))
    return weft_cli_load (path);

  file = g_file_new_for_commandline_arg (path);
  diagnostics = weft_diagnostics_new (path);
  dataset = weft_import_file (file, WEFT_FORMAT_AUTO, NULL, diagnostics, &error);
  if (dataset == NULL)
    print_load_failure (diagnostics, error);
  return dataset;
}

/* ---- validate ----------------------------------------------------------- */

/* Adds the advice of weft_dataset_check() (a claim citing no source) to
 * @diagnostics, at its place in the file @path. */
static void
check_dataset (WeftDataset     *dataset,
               WeftDiagnostics *diagnostics,
               const char      *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autofree char *text = NULL;
  guint first = weft_diagnostics_get_length (diagnostics);
  gsize length = 0;

  if (weft_dataset_check (dataset, diagnostics) == 0)
    return;
  if (g_file_load_contents (file, NULL, &text, &length, NULL, NULL))
    {
      gsize skip = length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;

      weft_resolve_json_positions (diagnostics, first, text + skip, length - skip);
    }
  weft_diagnostics_sort (diagnostics);
}

int
weft_cli_validate (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = weft_cli_context_new ("validate", NULL, NULL);
  gboolean quiet = FALSE;
  GOptionEntry entries[] = {
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("Print only errors, not warnings or the summary"), NULL },
    { NULL }
  };
  int status;
  gboolean any_errors = FALSE;
  gboolean unreadable = FALSE;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
                                    _("Exit status: 0 when no file has errors (warnings are allowed), "
                                      "1 when a file has errors, 2 when a file cannot be read or the usage is wrong."));
  if (!weft_cli_parse (context, &argc, &argv, &status))
    return status;

  if (argc < 2)
    {
      g_printerr (_("weft validate: name at least one file\n"));
      return WEFT_EXIT_USAGE;
    }

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(WeftDiagnostics) diagnostics = weft_diagnostics_new (argv[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(WeftDataset) dataset = weft_dataset_load_path (argv[i], diagnostics, &error);
      guint n_errors, n_warnings;

      if (dataset != NULL)
        check_dataset (dataset, diagnostics, argv[i]);
      n_errors = weft_diagnostics_get_n_errors (diagnostics);
      n_warnings = weft_diagnostics_get_n_warnings (diagnostics);

      if (dataset == NULL && weft_diagnostics_get_length (diagnostics) == 0)
        {
          /* Not read at all: I/O or a limit. The message names the file,
           * which may hold anything. */
          g_autofree char *message = weft_text_escape (error->message, -1);

          g_printerr ("%s\n", message);
          unreadable = TRUE;
          continue;
        }

      for (guint j = 0; j < weft_diagnostics_get_length (diagnostics); j++)
        {
          const WeftDiagnostic *d = weft_diagnostics_get (diagnostics, j);
          g_autofree char *line = NULL;

          if (quiet && d->severity != WEFT_SEVERITY_ERROR)
            continue;
          line = weft_diagnostic_format (d, argv[i]);
          g_print ("%s\n", line);
        }
      if (weft_diagnostics_get_n_dropped (diagnostics) > 0)
        weft_cli_print_safe (g_dngettext (GETTEXT_PACKAGE, "%s: %u more problem not shown\n",
                                          "%s: %u more problems not shown\n",
                                          weft_diagnostics_get_n_dropped (diagnostics)),
                             argv[i], weft_diagnostics_get_n_dropped (diagnostics));

      if (n_errors > 0)
        any_errors = TRUE;

      if (!quiet)
        {
          g_autofree char *errors = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", n_errors), n_errors);
          g_autofree char *warnings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", n_warnings), n_warnings);

          /* Translators: "FILE: 2 errors, 1 warning" */
          weft_cli_print_safe (_("%s: %s, %s\n"), argv[i], errors, warnings);
        }
    }

  if (unreadable)
    return WEFT_EXIT_USAGE;
  return any_errors ? WEFT_EXIT_PROBLEMS : WEFT_EXIT_OK;
}

/* ---- stats -------------------------------------------------------------- */

int
weft_cli_stats (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = weft_cli_context_new ("stats", NULL, NULL);
  g_autoptr(WeftDataset) dataset = NULL;
  guint entity_kinds[WEFT_N_ENTITY_KINDS] = { 0 };
  guint statuses[WEFT_N_STATUSES] = { 0 };
  GPtrArray *entities, *claims;
  gint64 lower, upper;
  int status;

  g_option_context_set_description (context,
                                    _("Prints one “key: value” line each: the counts of entities, events, claims, "
                                      "sources, relations and eras, the date range, then the counts by entity kind "
                                      "and by claim status."));
  if (!weft_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    {
      g_printerr (_("weft stats: name one file\n"));
      return WEFT_EXIT_USAGE;
    }

  dataset = weft_cli_load (argv[1]);
  if (dataset == NULL)
    return WEFT_EXIT_USAGE;

  entities = weft_dataset_get_entities (dataset);
  claims = weft_dataset_get_claims (dataset);

  weft_cli_print_safe ("title: %s\n", weft_dataset_get_title (dataset) ? weft_dataset_get_title (dataset) : "");
  g_print ("entities: %u\n", entities->len);
  g_print ("events: %u\n", weft_dataset_get_events (dataset)->len);
  g_print ("claims: %u\n", claims->len);
  g_print ("sources: %u\n", weft_dataset_get_sources (dataset)->len);
  g_print ("relations: %u\n", weft_dataset_get_relations (dataset)->len);
  g_print ("eras: %u\n", weft_dataset_get_eras (dataset)->len);

  if (weft_dataset_get_date_range (dataset, &lower, &upper))
    {
      g_autofree char *from = weft_day_to_iso (lower);
      g_autofree char *to = weft_day_to_iso (upper);

      g_print ("first-date: %s\n", from);
      g_print ("last-date: %s\n", to);
    }

  for (guint i = 0; i < entities->len; i++)
    entity_kinds[((WeftEntity *) g_ptr_array_index (entities, i))->kind]++;
  for (guint i = 0; i < claims->len; i++)
    statuses[((WeftClaim *) g_ptr_array_index (claims, i))->status]++;

  for (guint k = 0; k < WEFT_N_ENTITY_KINDS; k++)
    if (entity_kinds[k] > 0)
      g_print ("kind.%s: %u\n", weft_entity_kind_to_string (k), entity_kinds[k]);
  for (guint s = 0; s < WEFT_N_STATUSES; s++)
    if (statuses[s] > 0)
      g_print ("status.%s: %u\n", weft_claim_status_to_string (s), statuses[s]);

  return WEFT_EXIT_OK;
}

/* ---- path --------------------------------------------------------------- */

WeftItem *
weft_cli_find_named (WeftDataset  *dataset,
                     WeftItemType  type,
                     const char   *command,
                     const char   *path,
                     const char   *id)
{
  WeftItem *item = weft_dataset_lookup (dataset, id);
  g_autofree char *ids = NULL;

  if (item != NULL && item->type == type)
    return item;
  ids = weft_dataset_dup_ids (dataset, type);
  if (type == WEFT_ITEM_STORY)
    g_printerr (_("weft %s: %s has no story “%s”; its stories: %s\n"), command, path, id,
                ids[0] != '\0' ? ids : _("none"));
  else if (ids[0] == '\0')
    g_printerr (_("weft %s: %s has no saved view “%s”; it has no saved views\n"), command, path, id);
  else
    g_printerr (_("weft %s: %s has no saved view “%s”; its saved views are %s\n"), command, path, id, ids);
  return NULL;
}

WeftEntity *
weft_cli_find_entity (WeftDataset *dataset,
                      const char  *key)
{
  GPtrArray *entities = weft_dataset_get_entities (dataset);
  WeftEntity *entity = weft_dataset_lookup_entity (dataset, key);
  g_autofree char *folded = NULL;

  if (entity != NULL)
    return entity;

  folded = g_utf8_casefold (key, -1);
  for (guint i = 0; i < entities->len; i++)
    {
      WeftEntity *e = g_ptr_array_index (entities, i);
      g_autofree char *name = g_utf8_casefold (e->name, -1);

      if (g_str_equal (name, folded))
        return e;
      for (guint j = 0; e->aliases != NULL && e->aliases[j] != NULL; j++)
        {
          g_autofree char *alias = g_utf8_casefold (e->aliases[j], -1);
          if (g_str_equal (alias, folded))
            return e;
        }
    }

  return NULL;
}

static void
print_hop (WeftDataset *dataset,
           guint        number,
           WeftHop     *hop)
{
  switch (hop->via->type)
    {
    case WEFT_ITEM_RELATION:
      {
        WeftRelation *r = (WeftRelation *) hop->via;
        const char *label = r->label ? r->label : r->type;

        if (g_str_equal (r->from, hop->from->item.id))
          /* Translators: "1. Huawei —[sanctioned by]→ U.S. government (relation rel-1)" */
          weft_cli_print_safe (_("%u. %s —[%s]→ %s (relation %s)\n"), number, hop->from->name, label, hop->to->name, r->item.id);
        else
          weft_cli_print_safe (_("%u. %s ←[%s]— %s (relation %s)\n"), number, hop->from->name, label, hop->to->name, r->item.id);
      }
      break;

    case WEFT_ITEM_EVENT:
      {
        WeftEvent *e = (WeftEvent *) hop->via;
        g_autofree char *date = weft_date_format_short (&e->date);

        weft_cli_print_safe (_("%u. %s and %s both take part in “%s” (%s, event %s)\n"),
                             number, hop->from->name, hop->to->name, e->title, date, e->item.id);
      }
      break;

    case WEFT_ITEM_CLAIM:
    default:
      weft_cli_print_safe (_("%u. %s and %s are named in the same claim (claim %s)\n"),
                           number, hop->from->name, hop->to->name, hop->via->id);
      break;
    }

  if (hop->evidence->len == 0)
    weft_cli_print_safe ("   %s\n", _("no claim supports this link"));

  for (guint i = 0; i < hop->evidence->len; i++)
    {
      WeftClaim *c = g_ptr_array_index (hop->evidence, i);

      weft_cli_print_safe ("   [%s] %s (%s)\n", weft_claim_status_label (c->status), c->text, c->item.id);
      for (guint j = 0; j < c->n_citations; j++)
        {
          WeftItem *source = weft_dataset_lookup (dataset, c->citations[j].source);

          weft_cli_print_safe ("      “%s” — %s\n", c->citations[j].quote,
                               source ? weft_item_get_label (source) : c->citations[j].source);
        }
    }
}

/* "place,technology" as a mask of 1 << value, each name read by @parse;
 * FALSE (and the unknown name in *@bad) when one is not a name. */
static gboolean
parse_names (const char  *list,
             gboolean   (*parse) (const char *, int *),
             guint       *mask,
             char       **bad)
{
  g_auto(GStrv) names = g_strsplit (list, ",", -1);

  *mask = 0;
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (names[i]));
      int value;

      if (*name == '\0')
        continue;
      if (!parse (name, &value))
        {
          *bad = g_steal_pointer (&name);
          return FALSE;
        }
      *mask |= 1u << value;
    }
  return TRUE;
}

static gboolean
parse_kind (const char *name,
            int        *value)
{
  WeftEntityKind kind;

  if (!weft_entity_kind_from_string (name, &kind))
    return FALSE;
  *value = (int) kind;
  return TRUE;
}

static gboolean
parse_status (const char *name,
              int        *value)
{
  WeftClaimStatus status;

  if (!weft_claim_status_from_string (name, &status))
    return FALSE;
  *value = (int) status;
  return TRUE;
}

int
weft_cli_path (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = weft_cli_context_new ("path", NULL, NULL);
  g_autoptr(WeftDataset) dataset = NULL;
  g_autoptr(GPtrArray) path = NULL;
  g_autofree char *kinds = NULL;
  g_autofree char *statuses = NULL;
  g_autofree char *bad = NULL;
  gboolean relations_only = FALSE;
  GOptionEntry entries[] = {
    { "exclude-kinds", 0, 0, G_OPTION_ARG_STRING, &kinds,
      N_("Pass through no entity of these kinds, as in place,technology (the two ends may be any kind)"), N_("KINDS") },
    { "statuses", 0, 0, G_OPTION_ARG_STRING, &statuses,
      N_("Follow only links backed by a claim of these statuses, as in confirmed,reported"), N_("STATUSES") },
    { "relations-only", 0, 0, G_OPTION_ARG_NONE, &relations_only,
      N_("Follow relations only, not entities named in the same event or claim"), NULL },
    { NULL }
  };
  WeftLinkOptions links;
  WeftEntity *from, *to;
  int status;

  g_option_context_set_description (context,
                                    _("FROM and TO are entity ids or names. Links are relations, shared events "
                                      "and claims that name both; each hop is printed with the claims and quotes "
                                      "behind it. Exit status 1 when the two are not connected."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!weft_cli_parse (context, &argc, &argv, &status))
    return status;
  weft_link_options_init (&links);
  links.named_together = !relations_only;
  if (kinds != NULL && !parse_names (kinds, parse_kind, &links.excluded_kinds, &bad))
    {
      g_printerr (_("weft path: --exclude-kinds: “%s” is not an entity kind\n"), bad);
      return WEFT_EXIT_USAGE;
    }
  if (statuses != NULL && !parse_names (statuses, parse_status, &links.statuses, &bad))
    {
      g_printerr (_("weft path: --statuses: “%s” is not a claim status\n"), bad);
      return WEFT_EXIT_USAGE;
    }
  if (argc != 4)
    {
      g_printerr (_("weft path: name a file and two entities\n"));
      return WEFT_EXIT_USAGE;
    }

  dataset = weft_cli_load (argv[1]);
  if (dataset == NULL)
    return WEFT_EXIT_USAGE;

  from = weft_cli_find_entity (dataset, argv[2]);
  to = weft_cli_find_entity (dataset, argv[3]);
  if (from == NULL || to == NULL)
    {
      g_printerr (_("weft path: %s has no entity “%s”\n"), argv[1], from == NULL ? argv[2] : argv[3]);
      return WEFT_EXIT_USAGE;
    }

  path = weft_dataset_shortest_path_with (dataset, from, to, &links);
  if (path == NULL)
    {
      weft_cli_print_safe (_("%s and %s are not connected\n"), from->name, to->name);
      return WEFT_EXIT_PROBLEMS;
    }

  weft_cli_print_safe (g_dngettext (GETTEXT_PACKAGE, "%s to %s: %u hop\n", "%s to %s: %u hops\n", path->len),
                       from->name, to->name, path->len);
  for (guint i = 0; i < path->len; i++)
    print_hop (dataset, i + 1, g_ptr_array_index (path, i));

  return WEFT_EXIT_OK;
}
