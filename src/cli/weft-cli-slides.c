/* weft-cli-slides.c: weft slides FILE OUT.pdf, the presentation for handouts
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "weft-cli.h"
#include "weft-present-slides.h"
#include "weft-saved-views.h"

int
weft_cli_slides (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = weft_cli_context_new ("slides", NULL, NULL);
  g_autoptr(WeftDataset) dataset = NULL;
  g_autoptr(WeftPresentSlides) slides = NULL;
  g_autoptr(GFile) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *story_id = NULL;
  int width = 1920, height = 1080;
  gboolean dark = FALSE;
  GOptionEntry entries[] = {
    { "width", 0, 0, G_OPTION_ARG_INT, &width, N_("Page width in pixels, 96 an inch (default 1920)"), N_("PX") },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, N_("Page height in pixels (default 1080)"), N_("PX") },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, N_("Light text on a dark background"), NULL },
    { "story", 0, 0, G_OPTION_ARG_STRING, &story_id, N_("This story of FILE instead: one page a step, in its order, each with its note"), N_("ID") },
    { NULL }
  };
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
                                    _("Writes the presentation of FILE to OUT as a PDF, one page a slide in the "
                                      "window’s order (by date): the event’s card, with its date in plain words, "
                                      "its claims and their quotes, beside the timeline around the event. Exit "
                                      "status 1 when FILE has no events."));
  if (!weft_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 3)
    {
      g_printerr (_("weft slides: name a dataset and a PDF to write, as in “weft slides data.weft slides.pdf”\n"));
      return WEFT_EXIT_USAGE;
    }
  if (!g_str_has_suffix (argv[2], ".pdf") && !g_str_has_suffix (argv[2], ".PDF"))
    {
      g_printerr (_("weft slides: slides are written as PDF: end “%s” with .pdf\n"), argv[2]);
      return WEFT_EXIT_USAGE;
    }
  if (width < 320 || height < 240 || width > 16384 || height > 16384)
    {
      g_printerr (_("weft slides: --width and --height must be pixels, from 320 x 240 to 16384 x 16384\n"));
      return WEFT_EXIT_USAGE;
    }

  dataset = weft_cli_load_any (argv[1]);
  if (dataset == NULL)
    return WEFT_EXIT_USAGE;
  if (weft_dataset_get_events (dataset)->len == 0)
    {
      g_printerr (_("weft slides: %s has no events to present\n"), argv[1]);
      return WEFT_EXIT_PROBLEMS;
    }

  if (story_id != NULL)
    {
      WeftStory *story = (WeftStory *) weft_cli_find_named (dataset, WEFT_ITEM_STORY, "slides", argv[1], story_id);

      if (story == NULL)
        return WEFT_EXIT_USAGE;
      slides = weft_present_slides_new_story (dataset, story, width, height, dark);
      if (weft_present_slides_get_n_slides (slides) == 0)
        {
          g_printerr (_("weft slides: the story “%s” has no step to present\n"), story_id);
          return WEFT_EXIT_PROBLEMS;
        }
    }
  else
    slides = weft_present_slides_new (dataset, width, height, dark);
  out = g_file_new_for_commandline_arg (argv[2]);
  if (!weft_present_slides_write_pdf (slides, out, &error))
    {
      g_printerr ("weft slides: %s\n", error->message);
      return WEFT_EXIT_USAGE;
    }
  return WEFT_EXIT_OK;
}
