/* test-print.c: printing the timeline and the graph as vector pages
 *
 * Prints the views of a window showing the bundled example to PDF files
 * in the build folder, the way the print dialog does (one landscape page,
 * GTK_PRINT_OPERATION_ACTION_EXPORT), and reads them back with
 * poppler-utils: a page drawn from a bitmap has no text, so pdftotext
 * finding the dataset's names (and pdfimages finding no picture) shows
 * the page is vectors and fonts.
 * Also writes print-timeline.png, print-graph.png (pdftoppm, 50 dpi) and
 * print-window.png (the window) to compare by eye.
 *
 * Runs under Xvfb (build-aux/test); skips without a display.
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-test"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "weft-application.h"
#include "weft-date.h"
#include "weft-graph-view.h"
#include "weft-timeline-view.h"
#include "weft-views.h"
#include "weft-window.h"
#include "weft-test-gui.h"

static WeftApplication *app;

/* ---- Helpers ------------------------------------------------------------ */

/* poppler-utils is a test dependency (build-aux/deps.sh): its absence is a
 * failure, not a reason to skip. */
static char *
find_tool (const char *name)
{
  char *path = g_find_program_in_path (name);

  if (path == NULL)
    g_test_fail_printf ("%s is missing: install poppler-utils (build-aux/deps.sh)", name);
  return path;
}

/* Runs @argv and returns what it wrote, asserting that it succeeded. */
static char *
run (const char * const *argv)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_test_message ("%s: %s", argv[0], err);
  g_assert_no_error (error);
  return g_steal_pointer (&out);
}

/* pdftotext's text with every run of white space one space, so that a
 * name broken over two lines still reads as one. */
static char *
pdf_text (const char *pdftotext,
          const char *pdf)
{
  const char *argv[] = { pdftotext, "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *text = run (argv);
  g_auto(GStrv) words = g_strsplit_set (text, " \t\r\n\f", -1);
  GString *joined = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      {
        if (joined->len > 0)
          g_string_append_c (joined, ' ');
        g_string_append (joined, words[i]);
      }
  return g_string_free (joined, FALSE);
}

static void
assert_contains (const char *text,
                 const char *name)
{
  if (strstr (text, name) == NULL)
    g_error ("“%s” is not in the printed page's text: %s", name, text);
}

/* The page count and size pdfinfo reports. */
static void
pdf_page_size (const char *pdfinfo,
               const char *pdf,
               double     *width,
               double     *height)
{
  const char *argv[] = { pdfinfo, pdf, NULL };
  g_autofree char *info = run (argv);
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);
  gboolean found = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "Pages:"))
        g_assert_cmpint (g_ascii_strtoll (lines[i] + strlen ("Pages:"), NULL, 10), ==, 1);
      if (g_str_has_prefix (lines[i], "Page size:"))
        {
          char *end = NULL;

          *width = g_ascii_strtod (lines[i] + strlen ("Page size:"), &end);
          g_assert_nonnull (strstr (end, " x "));
          *height = g_ascii_strtod (strstr (end, " x ") + 3, NULL);
          found = TRUE;
        }
    }
  g_assert_true (found);
  g_test_message ("%s: %g x %g pt", pdf, *width, *height);
}

/* Every word's box (pdftotext -bbox) lies on the page, and the words
 * together reach across most of it: the picture is fitted, not cut off
 * nor left small in a corner. */
static void
assert_words_fit (const char *pdftotext,
                  const char *pdf,
                  double      page_width,
                  double      page_height)
{
  const char *argv[] = { pdftotext, "-bbox", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *html = run (argv);
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  guint n = 0;

  for (const char *p = strstr (html, "<word "); p != NULL; p = strstr (p + 1, "<word "))
    {
      const char *keys[] = { "xMin=\"", "yMin=\"", "xMax=\"", "yMax=\"" };
      double v[4];

      for (guint k = 0; k < 4; k++)
        {
          const char *at = strstr (p, keys[k]);

          g_assert_nonnull (at);
          v[k] = g_ascii_strtod (at + strlen (keys[k]), NULL);
        }
      g_assert_cmpfloat (v[0], >=, -0.5);
      g_assert_cmpfloat (v[1], >=, -0.5);
      g_assert_cmpfloat (v[2], <=, page_width + 0.5);
      g_assert_cmpfloat (v[3], <=, page_height + 0.5);
      x0 = MIN (x0, v[0]);
      y0 = MIN (y0, v[1]);
      x1 = MAX (x1, v[2]);
      y1 = MAX (y1, v[3]);
      n++;
    }
  g_assert_cmpuint (n, >, 0);
  g_test_message ("%s: %u words in [%.0f, %.0f] x [%.0f, %.0f]", pdf, n, x0, x1, y0, y1);
  /* Fitted: the text spans at least half of the page one way. */
  g_assert_true (x1 - x0 > page_width / 2 || y1 - y0 > page_height / 2);
}

/* The text of every <text> element of an SVG, white space as pdf_text()
 * leaves it. */
typedef struct {
  GPtrArray *labels;
  GString   *text;   /* inside a <text>, else NULL */
} SvgLabels;

static void
svg_start (GMarkupParseContext  *context,
           const char           *element,
           const char          **names,
           const char          **values,
           gpointer              data,
           GError              **error)
{
  SvgLabels *svg = data;

  if (g_str_equal (element, "text"))
    svg->text = g_string_new (NULL);
}

static void
svg_end (GMarkupParseContext  *context,
         const char           *element,
         gpointer              data,
         GError              **error)
{
  SvgLabels *svg = data;

  if (g_str_equal (element, "text") && svg->text != NULL)
    {
      g_auto(GStrv) words = g_strsplit_set (svg->text->str, " \t\r\n", -1);
      g_autofree char *joined = NULL;
      GString *label = g_string_new (NULL);

      for (guint i = 0; words[i] != NULL; i++)
        if (words[i][0] != '\0')
          g_string_append_printf (label, "%s%s", label->len > 0 ? " " : "", words[i]);
      joined = g_string_free (label, FALSE);
      if (joined[0] != '\0')
        g_ptr_array_add (svg->labels, g_steal_pointer (&joined));
      g_string_free (svg->text, TRUE);
      svg->text = NULL;
    }
}

static void
svg_text (GMarkupParseContext  *context,
          const char           *text,
          gsize                 length,
          gpointer              data,
          GError              **error)
{
  SvgLabels *svg = data;

  if (svg->text != NULL)
    g_string_append_len (svg->text, text, length);
}

static GPtrArray *
svg_labels (GBytes *bytes)
{
  static const GMarkupParser parser = { svg_start, svg_end, svg_text, NULL, NULL };
  SvgLabels svg = { g_ptr_array_new_with_free_func (g_free), NULL };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, &svg, NULL);
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  g_assert_true (g_markup_parse_context_parse (context, data, size, &error));
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_assert_null (svg.text);
  return svg.labels;
}

/* pdfimages -list: a header of two lines, then one line an image. */
static void
assert_no_images (const char *pdf)
{
  g_autofree char *pdfimages = find_tool ("pdfimages");
  g_autofree char *list = NULL;
  g_auto(GStrv) lines = NULL;
  guint n = 0;

  if (pdfimages == NULL)
    return;
  {
    const char *argv[] = { pdfimages, "-list", pdf, NULL };

    list = run (argv);
  }
  lines = g_strsplit (list, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      n++;
  g_assert_cmpuint (n, >=, 2);
  if (n > 2)
    g_error ("%s holds pictures, not only vectors:\n%s", pdf, list);
}

static void
save_png (const char *pdf,
          const char *name)
{
  g_autofree char *pdftoppm = find_tool ("pdftoppm");
  g_autofree char *root = NULL;

  if (pdftoppm == NULL)
    return;
  root = g_test_build_filename (G_TEST_BUILT, name, NULL);
  {
    const char *argv[] = { pdftoppm, "-png", "-r", "50", "-singlefile", pdf, root, NULL };
    g_autofree char *out = run (argv);
  }
  g_test_message ("page: %s.png", root);
}

static gboolean
has_layout (gpointer data)
{
  return weft_graph_view_get_layout (data) != NULL && !weft_graph_view_get_busy (data);
}

static char *
fresh_path (const char *name)
{
  char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);

  g_remove (path);
  return path;
}

/* ---- Tests -------------------------------------------------------------- */

/* One landscape page, every word on it, no pictures; saved as NAME.png
 * to look at. */
static void
assert_vector_page (const char *pdftotext,
                    const char *pdfinfo,
                    const char *pdf,
                    const char *name)
{
  double width = 0, height = 0;

  pdf_page_size (pdfinfo, pdf, &width, &height);
  g_assert_cmpfloat (width, >, height);
  assert_words_fit (pdftotext, pdf, width, height);
  assert_no_images (pdf);
  save_png (pdf, name);
}

/* The timeline prints the page its PDF export draws for the same view:
 * the same span (set here to 2020-2021, so 2008's IBM event is out), the
 * same lanes, light; as text. */
static void
test_timeline (void)
{
  g_autofree char *pdftotext = find_tool ("pdftotext");
  g_autofree char *pdfinfo = find_tool ("pdfinfo");
  g_autofree char *printed = fresh_path ("print-timeline.pdf");
  g_autofree char *exported = fresh_path ("print-timeline-export.pdf");
  g_autoptr(GFile) export_file = g_file_new_for_path (exported);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *export_text = NULL;
  WeftWindow *window;
  GtkWidget *timeline;

  if (pdftotext == NULL || pdfinfo == NULL)
    return;

  window = weft_test_window_with_example (GTK_APPLICATION (app), 1400, 900);
  timeline = weft_window_get_timeline (window);
  weft_timeline_view_set_span (WEFT_TIMELINE_VIEW (timeline),
                               (double) weft_days_from_civil (2020, 1, 1),
                               (double) weft_days_from_civil (2022, 1, 1));
  weft_test_settle ();
  weft_test_save_screenshot (GTK_WIDGET (window), "print-window.png");

  g_assert_true (weft_views_print_to_pdf (timeline, printed, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (printed, G_FILE_TEST_IS_REGULAR));

  text = pdf_text (pdftotext, printed);
  g_test_message ("timeline: %s", text);
  assert_contains (text, "Smart cities in China");
  assert_contains (text, "COVID-19 pandemic");
  assert_contains (text, "Jan 2020 to Dec 2021");
  g_assert_null (strstr (text, "IBM coins"));

  /* Word for word what the export writes for this view. */
  g_assert_true (weft_views_export_to_file (timeline, export_file, &error));
  g_assert_no_error (error);
  export_text = pdf_text (pdftotext, exported);
  g_assert_cmpstr (text, ==, export_text);

  assert_vector_page (pdftotext, pdfinfo, printed, "print-timeline");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The graph prints the painter's picture of what the view shows (its
 * export's, fitted to the page): every name and label in it is text on
 * the page. */
static void
test_graph (void)
{
  g_autofree char *pdftotext = find_tool ("pdftotext");
  g_autofree char *pdfinfo = find_tool ("pdfinfo");
  g_autofree char *printed = fresh_path ("print-graph.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  g_autofree char *text = NULL;
  WeftWindow *window;
  GtkWidget *graph;

  if (pdftotext == NULL || pdfinfo == NULL)
    return;

  window = weft_test_window_with_example (GTK_APPLICATION (app), 1400, 900);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "graph");
  graph = weft_window_get_graph (window);
  g_assert_true (weft_test_wait_for (has_layout, graph));
  weft_test_settle ();

  g_assert_true (weft_views_print_to_pdf (graph, printed, &error));
  g_assert_no_error (error);
  text = pdf_text (pdftotext, printed);
  g_test_message ("graph: %s", text);
  assert_contains (text, "Huawei");
  assert_contains (text, "SenseTime");

  /* Every name and label the view's SVG export writes is on the page as
   * text. */
  svg = weft_graph_view_export (WEFT_GRAPH_VIEW (graph), WEFT_EXPORT_SVG, &error);
  g_assert_no_error (error);
  labels = svg_labels (svg);
  for (guint i = 0; i < labels->len; i++)
    assert_contains (text, g_ptr_array_index (labels, i));
  g_assert_cmpuint (labels->len, >=, 20);

  assert_vector_page (pdftotext, pdfinfo, printed, "print-graph");

  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
n_toplevels (void)
{
  return g_list_model_get_n_items (gtk_window_get_toplevels ());
}

/* A window without a dataset: printing says there is nothing to print
 * and writes no file; the print action does nothing (no dialog). */
static void
test_empty (void)
{
  g_autofree char *path = fresh_path ("print-empty.pdf");
  WeftWindow *window = weft_window_new (GTK_APPLICATION (app));
  GtkWidget *views[2];
  guint before;

  gtk_window_present (GTK_WINDOW (window));
  weft_test_settle ();
  g_assert_null (weft_session_get_dataset (weft_window_get_session (window)));

  views[0] = weft_window_get_timeline (window);
  views[1] = weft_window_get_graph (window);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (weft_views_print_to_pdf (views[i], path, &error));
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }

  before = n_toplevels ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.print", NULL));
  weft_test_settle ();
  g_assert_cmpuint (n_toplevels (), ==, before);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  if (!weft_test_gui_init (&argc, &argv))
    return 0;
  app = weft_test_get_application ();

  g_test_add_func ("/weft/print/timeline", test_timeline);
  g_test_add_func ("/weft/print/graph", test_graph);
  g_test_add_func ("/weft/print/empty", test_empty);

  return weft_test_run ();
}
