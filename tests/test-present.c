/* test-present.c: the order of the slides, dates in plain words, the card
 * and the pages of `weft slides`
 *
 *   test-present [--language=es|zh_CN] [g_test options]
 *
 * In a language, only the dates in words run, in that language (from the
 * build's catalogues). The PDF itself is read back in test-cli-slides.py.
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-test"

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>

#include "weft-paths.h"
#include "weft-present.h"
#include "weft-present-card.h"
#include "weft-present-slides.h"
#include "weft-test.h"

static const char *language = "";

static char *
ids (GPtrArray *events)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < events->len; i++)
    g_string_append_printf (s, "%s%s", i > 0 ? " " : "", ((WeftItem *) g_ptr_array_index (events, i))->id);
  return g_string_free (s, FALSE);
}

/* ---- The order -------------------------------------------------------- */

/* The example's sixteen events, as derived by hand from the rule: by the
 * day each starts, an open start ("../2021-01-20") by its known end's
 * first day; ties by title, ignoring case.
 *   2000~                            1 January 2000
 *   2008                             1 January 2008
 *   2017-01-20/2021-01-20            20 January 2017
 *   six starting 1 January 2020 (2020-01, 2020/2022, 2020?/2022? three
 *   times, 2020?/2021-01), by title: "398 cases…", "BGI tests…",
 *   "Chinese regime installs…", "Chinese regime sends…", "COVID-19
 *   pandemic", "SenseTime…"
 *   two on 1 October 2020 (2020-10, 2020-10~): "Chinese state media…"
 *   before "Chinese websites…"
 *   two on 1 January 2021 (2021, 2021-01): "Trump administration…"
 *   before "William Evanina’s…"
 *   ../2021-01-20                    by 20 January 2021: after those two,
 *                                    not first as "open start" sorted it
 *   two on 1 October 2021 (2021-10, ../2021-10 by its end): "Bloomberg
 *   report…" before "Chinese regime allocates…" */
static void
test_order_example (void)
{
  g_autoptr(WeftDataset) ds = weft_test_load_example ();
  g_autoptr(GPtrArray) order = weft_present_dup_events (ds);
  g_autofree char *got = ids (order);

  g_assert_cmpstr (got, ==,
                   "ev-smart-city-term-appears ev-ibm-coins-smart-city ev-trump-sanctions "
                   "ev-smart-city-exports-tally ev-bgi-covid-testing ev-subway-temperature-cameras "
                   "ev-drones-monitor-residents ev-covid-pandemic ev-sensetime-temperature-reading "
                   "ev-state-media-report ev-websites-sell-images "
                   "ev-uyghur-genocide-designation ev-evanina-statements ev-data-storage-discovered "
                   "ev-bloomberg-report ev-800-billion-allocation");
  /* Every event once. */
  g_assert_cmpuint (order->len, ==, weft_dataset_get_events (ds)->len);
}

/* The rules one by one: an open start among dated events by its end, an
 * unknown start likewise, ties by title then id. (A date the loader takes
 * always has a known end: "../.." is refused.) */
static void
test_order_rules (void)
{
  g_autoptr(WeftDataset) ds = weft_test_load_text (
    "{\"weft\": 1, \"title\": \"Order\", \"events\": ["
    "{\"id\": \"late\", \"title\": \"Late\", \"date\": \"2010\", \"participants\": []},"
    "{\"id\": \"until\", \"title\": \"Until\", \"date\": \"../2005-06\", \"participants\": []},"
    "{\"id\": \"unknown\", \"title\": \"Unknown start\", \"date\": \"/2001\", \"participants\": []},"
    "{\"id\": \"from\", \"title\": \"From\", \"date\": \"2003/..\", \"participants\": []},"
    "{\"id\": \"b2\", \"title\": \"same\", \"date\": \"2005-06-01\", \"participants\": []},"
    "{\"id\": \"b1\", \"title\": \"Same\", \"date\": \"2005-06\", \"participants\": []},"
    "{\"id\": \"a\", \"title\": \"Alpha\", \"date\": \"2005-06\", \"participants\": []}"
    "]}", "order.weft");
  g_autoptr(GPtrArray) order = weft_present_dup_events (ds);
  g_autofree char *got = ids (order);

  /* 2001 (an unknown start, by its end), 2003, then four on 1 June 2005:
   * "Alpha", "Same" and "same" (one title but for case: by id), and
   * "Until" (an open start, by its end), then 2010. */
  g_assert_cmpstr (got, ==, "unknown from a b1 b2 until late");
  g_assert_cmpint (weft_present_compare (g_ptr_array_index (order, 0), g_ptr_array_index (order, 0)), ==, 0);
}

/* ---- Dates in plain words --------------------------------------------- */

typedef struct {
  const char *edtf;
  const char *en;
  const char *es;     /* NULL: not checked in that language */
  const char *zh_CN;
} Words;

static const Words words[] = {
  { "2020-01-15", "15 January 2020", "15 de enero de 2020", "2020年1月15日" },
  { "2021-10", "sometime in October 2021", "en algún momento de octubre de 2021", "2021年10月的某个时候" },
  { "2021", "sometime in 2021", "en algún momento de 2021", "2021年的某个时候" },
  { "2021?", "sometime in 2021, uncertain", "en algún momento de 2021, sin confirmar", "2021年的某个时候（不确定）" },
  { "2000~", "around 2000", "hacia 2000", "约2000年" },
  { "2004%", "around 2004, uncertain", "hacia 2004, sin confirmar", "约2004年（不确定）" },
  { "2020-01-15~", "around 15 January 2020", NULL, NULL },
  { "2020-01-15?", "15 January 2020, uncertain", NULL, NULL },
  { "2021-10~", "around October 2021", NULL, NULL },
  { "199X", "sometime in the 1990s", NULL, NULL },
  { "2021-21", "sometime in spring 2021", "en algún momento de primavera de 2021", NULL },
  { "-0043", "sometime in 44 BCE", NULL, "公元前44年的某个时候" },
  { "2017/2021", "from 2017 to 2021", "de 2017 a 2021", "从2017年到2021年" },
  { "2017-01-20/2021-01-20", "from 20 January 2017 to 20 January 2021", NULL, NULL },
  { "2000~/2008", "from around 2000 to 2008", NULL, NULL },
  { "2020?/2022?", "sometime between 2020 and 2022", "en algún momento entre 2020 y 2022", "2020年至2022年之间的某个时候" },
  { "2020?/2021-01", "sometime between 2020 and January 2021", NULL, NULL },
  { "../2021-01-20", "until 20 January 2021", "hasta 20 de enero de 2021", "直到2021年1月20日" },
  { "../2021-10", "until October 2021", NULL, NULL },
  { "../2021?", "until 2021, uncertain", NULL, NULL },
  { "2019/..", "from 2019", "desde 2019", "从2019年起" },
  { "/2019", "until 2019, since a time not known", NULL, NULL },
  { "2017/", "from 2017, until a time not known", NULL, NULL },
};

static void
test_date_words (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      const char *expected = g_str_equal (language, "es") ? words[i].es
                             : g_str_equal (language, "zh_CN") ? words[i].zh_CN : words[i].en;
      g_autoptr(GError) error = NULL;
      g_autofree char *got = NULL;
      WeftDate date;

      g_assert_true (weft_date_parse (words[i].edtf, &date, NULL, &error));
      g_assert_no_error (error);
      got = weft_present_date_words (&date);
      g_test_message ("%s: %s", words[i].edtf, got);
      if (expected != NULL)
        g_assert_cmpstr (got, ==, expected);

      /* No jargon: no precision, no "open", no EDTF signs, no brackets
       * (but Chinese ones). */
      if (language[0] == '\0')
        {
          const char *jargon[] = { "precision", "open", "(", "?", "~", "%", "..", "EDTF", "interval" };

          for (guint j = 0; j < G_N_ELEMENTS (jargon); j++)
            g_assert_null (strstr (got, jargon[j]));
        }
    }

  /* No known day at either end (no file holds one: the loader refuses
   * "../.."), said plainly all the same. */
  {
    WeftDate date;
    g_autofree char *got = NULL;

    g_assert_true (weft_date_parse ("2019/..", &date, NULL, NULL));
    date.start.flags |= WEFT_DATE_FLAG_UNKNOWN;
    got = weft_present_date_words (&date);
    g_assert_cmpstr (got, ==, g_str_equal (language, "es") ? "fecha desconocida"
                              : g_str_equal (language, "zh_CN") ? "日期不详" : "date not known");
  }
}

/* ---- The card ---------------------------------------------------------- */

/* At 1920 x 1080, read from the back of a room: titles of at least 28
 * pixels, everything else at least 20. */
static void
test_card_sizes (void)
{
  g_autoptr(WeftDataset) ds = weft_test_load_example ();
  WeftEvent *event = (WeftEvent *) weft_dataset_lookup (ds, "ev-ibm-coins-smart-city");
  g_autoptr(WeftPresentCard) card = weft_present_card_new (ds, event, 1, 16, 690, 900, 1);
  g_autoptr(WeftPresentCard) small = weft_present_card_new (ds, event, 1, 16, 460, 600, 2.0 / 3);

  g_assert_cmpfloat (weft_present_card_get_text_size (card, WEFT_PRESENT_TEXT_TITLE), >=, 28);
  for (WeftPresentText role = 0; role < WEFT_PRESENT_N_TEXTS; role++)
    {
      g_assert_cmpfloat (weft_present_text_size (role), >=, 20);
      g_assert_cmpfloat (weft_present_card_get_text_size (card, role), ==, weft_present_text_size (role));
      /* Smaller pages, smaller text, in proportion. */
      g_assert_cmpfloat_with_epsilon (weft_present_card_get_text_size (small, role),
                                      weft_present_text_size (role) * 2 / 3, 1e-9);
    }
  g_assert_cmpfloat (weft_present_text_size (WEFT_PRESENT_TEXT_TITLE), >, weft_present_text_size (WEFT_PRESENT_TEXT_BODY));
}

/* What the card says, top to bottom: the step, the date in words, the
 * title, the description, the claims with their status words, quotes and
 * sources. */
static void
test_card_text (void)
{
  g_autoptr(WeftDataset) ds = weft_test_load_example ();
  WeftEvent *event = (WeftEvent *) weft_dataset_lookup (ds, "ev-ibm-coins-smart-city");
  g_autoptr(WeftPresentCard) card = weft_present_card_new (ds, event, 1, 16, 690, 900, 1);
  g_autofree char *text = weft_present_card_dup_text (card);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GPtrArray) claims = weft_dataset_dup_item_claims (ds, &event->item);
  WeftClaim *first = g_ptr_array_index (claims, 0);
  g_autofree char *quote = g_strdup_printf ("“%s”", first->citations[0].quote);

  g_test_message ("%s", text);
  g_assert_cmpstr (lines[0], ==, "2 of 16");
  g_assert_cmpstr (lines[1], ==, "sometime in 2008");
  g_assert_cmpstr (lines[2], ==, event->title);
  g_assert_cmpstr (lines[3], ==, event->description);
  g_assert_true (g_str_has_prefix (lines[4], weft_claim_status_label (first->status)));
  g_assert_nonnull (strstr (lines[4], first->text));
  g_assert_cmpstr (lines[5], ==, quote);
  g_assert_true (g_str_has_prefix (lines[6], "— Smart cities in China"));
  g_assert_cmpfloat (weft_present_card_get_content_height (card), <=, 900);
}

/* A card too short for every claim tells the ones that fit whole and
 * counts the rest; it never runs past its height. */
static void
test_card_overflow (void)
{
  g_autoptr(WeftDataset) ds = weft_test_load_example ();
  WeftEvent *event = (WeftEvent *) weft_dataset_lookup (ds, "ev-ibm-coins-smart-city");
  g_autoptr(GPtrArray) claims = weft_dataset_dup_item_claims (ds, &event->item);
  g_autoptr(WeftPresentCard) card = weft_present_card_new (ds, event, 1, 16, 690, 420, 1);
  g_autofree char *text = weft_present_card_dup_text (card);
  g_autofree char *more = g_strdup_printf ("and %u more claim", claims->len);

  g_test_message ("%s", text);
  g_assert_cmpuint (claims->len, >=, 1);
  g_assert_nonnull (strstr (text, event->title));
  g_assert_nonnull (strstr (text, more));
  g_assert_cmpfloat (weft_present_card_get_content_height (card), <=, 420);
}

/* The card is opaque: what is under it does not show through. */
static void
test_card_opaque (void)
{
  g_autoptr(WeftDataset) ds = weft_test_load_example ();
  WeftEvent *event = (WeftEvent *) weft_dataset_lookup (ds, "ev-covid-pandemic");
  g_autoptr(WeftPresentCard) card = weft_present_card_new (ds, event, 7, 16, 400, 600, 0.6);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 420, 620);
  cairo_t *cr = cairo_create (surface);
  double h = weft_present_card_get_content_height (card);
  guint32 *pixels;
  int stride;

  cairo_set_source_rgb (cr, 1, 0, 0);
  cairo_paint (cr);
  cairo_translate (cr, 10, 10);
  weft_present_card_draw (card, cr, FALSE);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  pixels = (guint32 *) cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface) / 4;
  /* Inside the card (away from its rounded corners and text), no red. */
  for (int y = 30; y < (int) h - 10; y += 7)
    for (int x = 24; x < 400; x += 7)
      {
        guint32 p = pixels[y * stride + x];
        int r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;

        g_assert_false (r > 200 && g < 80 && b < 80);
      }
  cairo_surface_destroy (surface);
}

/* ---- Slides ------------------------------------------------------------ */

static gboolean
overlaps (double a0, double a1, double b0, double b1)
{
  return a0 < b1 && b0 < a1;
}

/* Every slide, at three page sizes, in light and dark: the event is drawn
 * on its own, on the page, and clear of the card, which stays in one
 * place. */
static void
test_slides_clear_of_card (void)
{
  g_autoptr(WeftDataset) ds = weft_test_load_example ();
  const struct { double w, h; gboolean dark; } pages[] = {
    { 1920, 1080, FALSE }, { 1280, 720, TRUE }, { 1024, 768, FALSE },
  };

  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    {
      g_autoptr(WeftPresentSlides) slides = weft_present_slides_new (ds, pages[p].w, pages[p].h, pages[p].dark);
      cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      cairo_t *cr = cairo_create (surface);
      double ts = weft_present_slides_get_timeline_scale (slides);
      WeftTimelineRect card;

      weft_present_slides_get_card (slides, &card);
      g_assert_cmpuint (weft_present_slides_get_n_slides (slides), ==, 16);
      g_assert_cmpfloat (ts, >=, 1);
      g_assert_cmpfloat (card.x + card.width, <=, pages[p].w);
      g_assert_cmpfloat (card.y + card.height, <=, pages[p].h);
      for (guint i = 0; i < 16; i++)
        {
          WeftEvent *event = weft_present_slides_get_event (slides, i);
          WeftTimelinePane *pane = weft_present_slides_get_pane (slides);
          const WeftTimelineMark *mark;
          double y;

          g_test_message ("%g x %g, slide %u: %s", pages[p].w, pages[p].h, i + 1, event->title);
          g_assert_true (weft_present_slides_draw (slides, i, cr));
          mark = weft_timeline_pane_find_visible_event (pane, event, G_MAXUINT, &y);
          g_assert_nonnull (mark);
          /* In page pixels: on the page, not under the card. */
          g_assert_cmpfloat (mark->x0 * ts, >=, 0);
          g_assert_false (overlaps (mark->box_x0 * ts, mark->box_x1 * ts, card.x, card.x + card.width) &&
                          overlaps (y * ts, (y + weft_timeline_pane_get_frame (pane)->metrics.row_height) * ts,
                                    card.y, card.y + card.height));
        }
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

/* The PDF in memory: a page a slide (pdfinfo and pdftotext read it in
 * test-cli-slides.py). */
static void
test_slides_pdf (void)
{
  g_autoptr(WeftDataset) ds = weft_test_load_example ();
  g_autoptr(WeftPresentSlides) slides = weft_present_slides_new (ds, 0, 0, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = weft_present_slides_to_pdf (slides, &error);
  gsize size;
  const char *data;
  guint pages = 0;

  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  data = g_bytes_get_data (pdf, &size);
  g_assert_true (size > 4 && memcmp (data, "%PDF", 4) == 0);
  for (const char *p = data; p != NULL && p < data + size - 10; p++)
    {
      p = memchr (p, '/', size - (p - data));
      if (p == NULL)
        break;
      if (strncmp (p, "/Type /Page\n", 12) == 0 || strncmp (p, "/Type /Page ", 12) == 0)
        pages++;
    }
  g_assert_cmpuint (pages, ==, 16);
  g_assert_cmpfloat (weft_present_slides_get_scale (slides), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  if (argc > 1 && g_str_has_prefix (argv[1], "--language="))
    {
      language = argv[1] + strlen ("--language=");
      g_setenv ("LANGUAGE", language, TRUE);
      argv[1] = argv[0];
      argv++;
      argc--;
    }
  weft_test_init (&argc, &argv);
  bindtextdomain (GETTEXT_PACKAGE, weft_get_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  if (language[0] != '\0')
    {
      /* Only what is said in the language. */
      g_test_add_func ("/weft/present/date-words", test_date_words);
      return weft_test_run ();
    }

  g_test_add_func ("/weft/present/order-example", test_order_example);
  g_test_add_func ("/weft/present/order-rules", test_order_rules);
  g_test_add_func ("/weft/present/date-words", test_date_words);
  g_test_add_func ("/weft/present/card-sizes", test_card_sizes);
  g_test_add_func ("/weft/present/card-text", test_card_text);
  g_test_add_func ("/weft/present/card-overflow", test_card_overflow);
  g_test_add_func ("/weft/present/card-opaque", test_card_opaque);
  g_test_add_func ("/weft/present/slides-clear-of-card", test_slides_clear_of_card);
  g_test_add_func ("/weft/present/slides-pdf", test_slides_pdf);

  return weft_test_run ();
}
