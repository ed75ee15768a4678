/* weft-cli-search.c: weft search FILE QUERY, what the window's search finds
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "weft-cli.h"
#include "weft-query.h"

int
weft_cli_search (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = weft_cli_context_new ("search", NULL, NULL);
  g_autoptr(WeftDataset) dataset = NULL;
  g_autoptr(WeftSearchResults) results = NULL;
  g_autofree char *query = NULL;
  int status;

  g_option_context_set_description (context,
                                    _("Prints one line a match, “TYPE ID: text”: TYPE is entity, event, claim, "
                                      "citation (a quote; ID is its claim’s), relation, source or era, and text is "
                                      "the whole text that matched (a name or alias, a title or description, a "
                                      "claim, a quote, a relation’s type or label). Case is ignored, and accents "
                                      "too unless QUERY has some. Exit status: 0 when something matched, 1 when "
                                      "nothing did, 2 when the usage is wrong or FILE cannot be read."));
  if (!weft_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 3)
    {
      g_printerr (_("weft search: name a dataset and what to look for, as in “weft search data.weft huawei”\n"));
      return WEFT_EXIT_USAGE;
    }
  query = g_strstrip (g_strdup (argv[2]));
  if (query[0] == '\0')
    {
      g_printerr (_("weft search: the query is empty\n"));
      return WEFT_EXIT_USAGE;
    }

  dataset = weft_cli_load_any (argv[1]);
  if (dataset == NULL)
    return WEFT_EXIT_USAGE;

  results = weft_dataset_search_all (dataset, query);
  for (guint i = 0; i < results->matches->len; i++)
    {
      const WeftMatch *match = &g_array_index (results->matches, WeftMatch, i);

      /* One line each, whatever the text holds (newlines are escaped). */
      weft_cli_print_safe ("%s %s: %s\n", weft_match_kind_to_string (match->kind), match->item->id, match->text);
    }
  return results->matches->len > 0 ? WEFT_EXIT_OK : WEFT_EXIT_PROBLEMS;
}
