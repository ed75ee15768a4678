/* test-timelinejs.c: TimelineJS JSON and spreadsheets in and out
 *
 * Uses the example timelines of the TimelineJS3 project (Knight Lab,
 * Northwestern University; Mozilla Public License 2.0) from
 * ../shared/corpus/timelinejs, counted here independently with json-glib.
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-test"

#include "config.h"

#include <glib/gstdio.h>

#include "weft-error.h"
#include "weft-formats.h"
#include "weft-interchange-private.h"
#include "weft-json-locate.h"
#include "weft-loader.h"
#include "weft-saver.h"
#include "weft-test.h"

static WeftEvent *
event (WeftDataset *dataset,
       guint        index)
{
  return g_ptr_array_index (weft_dataset_get_events (dataset), index);
}

/* ---- The corpus ----------------------------------------------------------- */

static void
test_corpus (void)
{
  g_autofree char *dir = weft_test_find_corpus_path ("timelinejs", NULL);
  g_autoptr(GDir) listing = NULL;
  const char *name;
  guint n_files = 0;

  if (dir == NULL)
    return;

  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GHashTable) groups = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GHashTable) weft_groups = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GFile) file = NULL;
      g_autoptr(WeftDataset) dataset = NULL;
      g_autoptr(GError) error = NULL;
      WeftImportSummary summary = { 0 };
      WeftImportOptions options = { .summary = &summary };
      JsonObject *root;
      JsonArray *events, *eras;
      const char *group_member = "group";
      GPtrArray *imported;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      n_files++;
      path = g_build_filename (dir, name, NULL);

      /* Count independently. */
      g_assert_true (json_parser_load_from_file (parser, path, NULL));
      root = json_node_get_object (json_parser_get_root (parser));
      if (json_object_has_member (root, "timeline"))
        {
          JsonObject *timeline = json_object_get_object_member (root, "timeline");

          events = json_object_get_array_member (timeline, "date");
          eras = json_object_has_member (timeline, "era") ? json_object_get_array_member (timeline, "era") : NULL;
          group_member = "tag";
        }
      else
        {
          events = json_object_get_array_member (root, "events");
          eras = json_object_has_member (root, "eras") ? json_object_get_array_member (root, "eras") : NULL;
        }
      for (guint i = 0; i < json_array_get_length (events); i++)
        {
          JsonObject *slide = json_array_get_object_element (events, i);
          const char *group = json_object_get_string_member_with_default (slide, group_member, "");

          if (group[0] != '\0')
            g_hash_table_add (groups, (gpointer) group);
        }

      file = g_file_new_for_path (path);
      dataset = weft_import_file (file, WEFT_FORMAT_AUTO, &options, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (dataset);
      g_assert_cmpint (summary.format, ==, WEFT_FORMAT_TIMELINEJS);
      g_assert_cmpuint (summary.n_skipped, ==, 0);

      imported = weft_dataset_get_events (dataset);
      g_test_message ("%s: %u events, %u eras, %u groups", name, json_array_get_length (events),
                      eras ? json_array_get_length (eras) : 0, g_hash_table_size (groups));
      g_assert_cmpuint (imported->len, ==, json_array_get_length (events));
      g_assert_cmpuint (weft_dataset_get_eras (dataset)->len, ==, eras ? json_array_get_length (eras) : 0);
      for (guint i = 0; i < imported->len; i++)
        {
          WeftEvent *e = g_ptr_array_index (imported, i);

          if (e->group != NULL)
            g_hash_table_add (weft_groups, (gpointer) e->group);
          g_assert_true (e->title[0] != '\0');
        }
      g_assert_cmpuint (g_hash_table_size (weft_groups), ==, g_hash_table_size (groups));
    }

  g_assert_cmpuint (n_files, >=, 6);
}

/* The legacy v2 Houston timeline and its v3 twin give the same events. */
static void
test_v2_like_v3 (void)
{
  g_autofree char *dir = weft_test_find_corpus_path ("timelinejs", NULL);
  g_autofree char *v2_path = NULL;
  g_autofree char *v3_path = NULL;
  g_autoptr(GFile) v2 = NULL;
  g_autoptr(GFile) v3 = NULL;
  g_autoptr(WeftDataset) a = NULL;
  g_autoptr(WeftDataset) b = NULL;

  if (dir == NULL)
    return;

  v2_path = g_build_filename (dir, "houston_timeline2.json", NULL);
  v3_path = g_build_filename (dir, "houston_timeline3.json", NULL);
  v2 = g_file_new_for_path (v2_path);
  v3 = g_file_new_for_path (v3_path);
  a = weft_import_file (v2, WEFT_FORMAT_AUTO, NULL, NULL, NULL);
  b = weft_import_file (v3, WEFT_FORMAT_AUTO, NULL, NULL, NULL);
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpstr (weft_dataset_get_title (a), ==, "Whitney Houston 1963 - 2012");
  g_assert_cmpstr (weft_dataset_get_title (a), ==, weft_dataset_get_title (b));
  g_assert_cmpuint (weft_dataset_get_events (a)->len, ==, weft_dataset_get_events (b)->len);
  for (guint i = 0; i < weft_dataset_get_events (a)->len; i++)
    {
      g_assert_cmpstr (event (a, i)->date_text, ==, event (b, i)->date_text);
      g_assert_cmpstr (event (a, i)->title, ==, event (b, i)->title);
    }
  g_assert_cmpstr (event (a, 0)->date_text, ==, "1963-08-09");
}

/* ---- Dates ---------------------------------------------------------------- */

static const char *dates_doc =
  "{\"title\": {\"text\": {\"headline\": \"Dates\"}},\n"                                   /* 1 */
  " \"events\": [\n"                                                                        /* 2 */
  "  {\"start_date\": {\"year\": -44, \"month\": 3, \"day\": 15}, \"text\": {\"headline\": \"Ides\"}},\n" /* 3 */
  "  {\"start_date\": {\"year\": \"1963\", \"month\": \"8\"}, \"text\": {\"headline\": \"Month\"}},\n" /* 4 */
  "  {\"start_date\": {\"year\": 2000}, \"end_date\": {\"year\": \"2010\"}, \"text\": {\"headline\": \"Span\"}},\n" /* 5 */
  "  {\"start_date\": {\"year\": \"2000\", \"month\": \"1\", \"day\": \"5\", \"hour\": \"6\", \"minute\": \"45\", \"second\": \"56\"}, \"text\": {\"headline\": \"Time\"}},\n" /* 6 */
  "  {\"start_date\": {\"year\": \"12345\"}, \"text\": {\"headline\": \"Far\"}},\n"          /* 7 */
  "  {\"start_date\": {\"year\": \"-13800000000\"}, \"text\": {\"headline\": \"Big Bang\"}},\n" /* 8 */
  "  {\"start_date\": {\"year\": \"1999\", \"month\": \"13\"}, \"text\": {\"headline\": \"Bad month\"}},\n" /* 9 */
  "  {\"text\": {\"headline\": \"No date\"}},\n"                                            /* 10 */
  "  {\"start_date\": {\"year\": \"2010\"}, \"end_date\": {\"year\": \"2000\"}, \"text\": {\"headline\": \"Backwards\"}},\n" /* 11 */
  "  {\"start_date\": {\"year\": \"1\"}, \"text\": {\"headline\": \"Year one\"}}\n"          /* 12 */
  " ]\n"
  "}\n";

static void
test_dates (void)
{
  g_autoptr(WeftDiagnostics) diagnostics = weft_diagnostics_new ("dates.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(WeftDataset) dataset = weft_test_import_text ("dates.json", dates_doc, diagnostics, &error);
  g_autofree char *all = NULL;
  static const char * const expected[] = {
    "-0043-03-15", "1963-08", "2000/2010", "2000-01-05T06:45:56", "Y12345", "Y-999999", "1999", "2010", "0001",
  };

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  all = weft_diagnostics_format_all (diagnostics);
  g_test_message ("%s", all);

  g_assert_cmpuint (weft_dataset_get_events (dataset)->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (event (dataset, i)->date_text, ==, expected[i]);
  g_assert_cmpint (event (dataset, 0)->date.start.precision, ==, WEFT_DATE_PRECISION_DAY);
  g_assert_cmpint (event (dataset, 1)->date.start.precision, ==, WEFT_DATE_PRECISION_MONTH);

  /* Every problem at its place. */
  g_assert_true (strstr (all, "dates.json:8:27: warning: events[5].start_date.year: the year -13800000000") != NULL);
  g_assert_true (strstr (all, "dates.json:9:44: warning: events[6].start_date.month: month 13 does not exist") != NULL);
  g_assert_true (strstr (all, "dates.json:10:3: error: events[7]: a slide without start_date") != NULL);
  g_assert_true (strstr (all, "dates.json:11:48: warning: events[8].end_date: ") != NULL);
  g_assert_cmpuint (weft_diagnostics_get_n_errors (diagnostics), ==, 1);
}

/* What Weft cannot place is kept and written back exactly. */
static void
test_dates_written_back (void)
{
  g_autoptr(WeftDataset) dataset = weft_test_import_text ("dates2.json", dates_doc, NULL, NULL);
  g_autofree char *path = weft_test_build_tmp_path ("dates-out.json");
  g_autoptr(GFile) out = g_file_new_for_path (path);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *events;
  JsonObject *big, *ides, *time;

  g_assert_true (weft_export_file (dataset, out, WEFT_FORMAT_TIMELINEJS, &error));
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_file (parser, path, NULL));
  events = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "events");

  ides = json_object_get_object_member (json_array_get_object_element (events, 0), "start_date");
  g_assert_cmpint (json_object_get_int_member (ides, "year"), ==, -44);
  big = json_object_get_object_member (json_array_get_object_element (events, 5), "start_date");
  g_assert_cmpstr (json_object_get_string_member (big, "year"), ==, "-13800000000");
  time = json_object_get_object_member (json_array_get_object_element (events, 3), "start_date");
  g_assert_cmpstr (json_object_get_string_member (time, "minute"), ==, "45");
  /* TimelineJS switches to its cosmological scale for such years. */
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)), "scale"),
                   ==, "cosmological");
}

/* ---- HTML ------------------------------------------------------------------ */

static void
test_html (void)
{
  static const struct {
    const char *html;
    gboolean    single_line;
    const char *text;
  } cases[] = {
    { "<p>Hello <b>world</b></p><p>Two</p>", FALSE, "Hello world\n\nTwo" },
    { "a<br/>b", FALSE, "a\nb" },
    { "a<br>b", TRUE, "a b" },
    { "Whitney Houston<br/> 1963 - 2012", TRUE, "Whitney Houston 1963 - 2012" },
    { "<script>alert(1)</script>x<style>p { color: red }</style>y", FALSE, "xy" },
    { "<SCRIPT type=\"text/javascript\">document.write('<p>no</p>')</SCRIPT>ok", FALSE, "ok" },
    { "&lt;script&gt; &amp; &#233; &#x1F600; &quot;q&quot;", FALSE, "<script> & é 😀 \"q\"" },
    { "&#0; &#xD800; &#1114112; &#1;", FALSE, "\xEF\xBF\xBD \xEF\xBF\xBD \xEF\xBF\xBD \xEF\xBF\xBD" },
    { "&bogus; & x &amp", FALSE, "&bogus; & x &amp" },
    { "a < b and c > d", FALSE, "a < b and c > d" },
    { "<a href='x>y' title=\"a>b\">link</a> text", FALSE, "link text" },
    { "unclosed <b", FALSE, "unclosed <b" },
    { "<!-- hidden <b>x</b> -->shown<!-- never ends", FALSE, "shown" },
    { "  lots   of \n\t space  ", FALSE, "lots of space" },
    { "x\x01y", FALSE, "x\xEF\xBF\xBDy" },
    { "caf\xE9", FALSE, "caf\xEF\xBF\xBD" },
    { "<ul><li>one</li><li>two</li></ul>", FALSE, "one\ntwo" },
    { "&nbsp;&mdash;&hellip;&rsquo;", FALSE, "—…’" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = weft_html_to_text (cases[i].html, cases[i].single_line);

      g_assert_true (g_utf8_validate (text, -1, NULL));
      g_assert_cmpstr (text, ==, cases[i].text);
    }

  {
    g_autofree char *a = weft_html_first_link ("flickr/<a href='http://www.flickr.com/photos/x/'>tm</a>");
    g_autofree char *b = weft_html_first_link ("<a href=\"https://x.org/a?b=1&amp;c=2\">x</a>");
    g_autofree char *c = weft_html_first_link ("<a href=\"javascript:alert(1)\">x</a>");
    g_autofree char *d = weft_html_first_link ("<a class=\"c\" href=//host/p>x</a>");
    g_autofree char *e = weft_html_first_link ("no links");

    g_assert_cmpstr (a, ==, "http://www.flickr.com/photos/x/");
    g_assert_cmpstr (b, ==, "https://x.org/a?b=1&c=2");
    g_assert_null (c);
    g_assert_cmpstr (d, ==, "https://host/p");
    g_assert_null (e);
  }

  {
    g_autoptr(GString) html = g_string_new (NULL);

    weft_html_append_text (html, "a <b> & c\nd\n\ne");
    g_assert_cmpstr (html->str, ==, "<p>a &lt;b&gt; &amp; c<br>d</p><p>e</p>");
  }
}

/* ---- Media credits -------------------------------------------------------- */

static void
test_media (void)
{
  g_autoptr(WeftDataset) dataset = weft_test_import_text ("media.json",
    "{\"events\": ["
    " {\"start_date\": {\"year\": \"1978\"}, \"text\": {\"headline\": \"First\"},"
    "  \"media\": {\"url\": \"https://youtu.be/x\", \"credit\": \"<a href=\\\"http://unidisc.example\\\">Unidisc Music</a>\","
    "             \"caption\": \"A <i>song</i>\"},"
    "  \"background\": {\"color\": \"#123456\"}},"
    " {\"start_date\": {\"year\": \"1979\"}, \"text\": {\"headline\": \"Second\"},"
    "  \"media\": {\"url\": \"https://youtu.be/y\", \"credit\": \"Unidisc Music\"}}"
    "]}", NULL, NULL);
  WeftEvent *first, *second;
  WeftClaim *claim;
  WeftSource *source;

  g_assert_nonnull (dataset);
  first = event (dataset, 0);
  second = event (dataset, 1);

  /* One source for one credit, cited by each event through a claim. */
  g_assert_cmpuint (weft_dataset_get_sources (dataset)->len, ==, 1);
  source = g_ptr_array_index (weft_dataset_get_sources (dataset), 0);
  g_assert_cmpstr (source->title, ==, "Unidisc Music");
  g_assert_cmpstr (source->url, ==, "http://unidisc.example");

  g_assert_nonnull (first->claims);
  claim = (WeftClaim *) weft_dataset_lookup (dataset, first->claims[0]);
  g_assert_cmpstr (claim->text, ==, "A song");
  g_assert_cmpstr (claim->about[0], ==, first->item.id);
  g_assert_cmpstr (claim->citations[0].source, ==, source->item.id);
  g_assert_cmpstr (claim->citations[0].locator, ==, "https://youtu.be/x");
  claim = (WeftClaim *) weft_dataset_lookup (dataset, second->claims[0]);
  g_assert_cmpstr (claim->citations[0].source, ==, source->item.id);

  /* The media itself is kept as a link (never fetched), with the background. */
  {
    JsonObject *members = json_object_get_object_member (json_object_get_object_member (first->item.extra, "timelinejs"),
                                                         "members");
    JsonObject *media = json_object_get_object_member (members, "media");

    g_assert_cmpstr (json_object_get_string_member (media, "url"), ==, "https://youtu.be/x");
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (members, "background"), "color"),
                     ==, "#123456");
  }
}

/* ---- Round trips ---------------------------------------------------------- */

static void
test_round_trip_weft (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WeftDataset) original = weft_test_load_example ();
  g_autofree char *path = weft_test_build_tmp_path ("example.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(WeftDataset) back = NULL;
  g_autoptr(JsonParser) p1 = json_parser_new ();
  g_autoptr(JsonParser) p2 = json_parser_new ();
  static const char * const sections[] = { "sources", "entities", "events", "claims", "relations", "eras" };
  JsonObject *a, *b;
  WeftImportSummary summary = { 0 };
  WeftImportOptions options = { .summary = &summary };

  /* Every item's history travels too. */
  weft_test_add_history (original);
  g_assert_no_error (error);
  g_assert_true (weft_export_file (original, file, WEFT_FORMAT_AUTO, &error));
  g_assert_no_error (error);
  back = weft_import_file (file, WEFT_FORMAT_AUTO, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (summary.format, ==, WEFT_FORMAT_TIMELINEJS);

  a = weft_test_parse_saved (original, p1);
  b = weft_test_parse_saved (back, p2);
  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    {
      JsonNode *x = json_object_get_member (a, sections[s]);
      JsonNode *y = json_object_get_member (b, sections[s]);

      if (!json_node_equal (x, y))
        {
          g_autofree char *sx = json_to_string (x, TRUE);
          g_autofree char *sy = json_to_string (y, TRUE);
          g_error ("%s differ:\n%s\n---\n%s", sections[s], sx, sy);
        }
    }
  g_assert_cmpstr (weft_dataset_get_title (original), ==, weft_dataset_get_title (back));
  g_assert_cmpstr (weft_dataset_get_description (original), ==, weft_dataset_get_description (back));
}

/* A TimelineJS file read and written again says the same to TimelineJS. */
static void
test_round_trip_timelinejs (void)
{
  g_autofree char *dir = weft_test_find_corpus_path ("timelinejs", NULL);
  static const char * const files[] = {
    "eras.json", "cosmo.json", "twain_marktwain.json", "women_in_computing.json", "houston_timeline3.json",
  };
  static const char * const members[] = {
    "start_date", "end_date", "text", "group", "media", "background", "display_date", "location", "type",
  };

  if (dir == NULL)
    return;

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autofree char *path = g_build_filename (dir, files[f], NULL);
      g_autofree char *out_path = weft_test_build_tmp_path (files[f]);
      g_autoptr(GFile) in = g_file_new_for_path (path);
      g_autoptr(GFile) out = g_file_new_for_path (out_path);
      g_autoptr(WeftDataset) dataset = weft_import_file (in, WEFT_FORMAT_TIMELINEJS, NULL, NULL, NULL);
      g_autoptr(JsonParser) p1 = json_parser_new ();
      g_autoptr(JsonParser) p2 = json_parser_new ();
      g_autoptr(GError) error = NULL;
      JsonObject *a, *b;
      const char *lists[] = { "events", "eras" };

      g_assert_nonnull (dataset);
      g_assert_true (weft_export_file (dataset, out, WEFT_FORMAT_TIMELINEJS, &error));
      g_assert_no_error (error);
      g_assert_true (json_parser_load_from_file (p1, path, NULL));
      g_assert_true (json_parser_load_from_file (p2, out_path, NULL));
      a = json_node_get_object (json_parser_get_root (p1));
      b = json_node_get_object (json_parser_get_root (p2));

      for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
        {
          JsonArray *x = json_object_has_member (a, lists[l]) ? json_object_get_array_member (a, lists[l]) : NULL;
          JsonArray *y = json_object_has_member (b, lists[l]) ? json_object_get_array_member (b, lists[l]) : NULL;

          if (x == NULL)
            continue;
          g_assert_nonnull (y);
          g_assert_cmpuint (json_array_get_length (x), ==, json_array_get_length (y));
          for (guint i = 0; i < json_array_get_length (x); i++)
            {
              JsonObject *sx = json_array_get_object_element (x, i);
              JsonObject *sy = json_array_get_object_element (y, i);

              for (guint m = 0; m < G_N_ELEMENTS (members); m++)
                {
                  JsonNode *vx = json_object_get_member (sx, members[m]);
                  JsonNode *vy = json_object_get_member (sy, members[m]);
                  const char *group = vx && JSON_NODE_HOLDS_VALUE (vx) ? json_node_get_string (vx) : NULL;

                  /* An empty group is no group. */
                  if (g_str_equal (members[m], "group") && group != NULL && group[0] == '\0' && vy == NULL)
                    continue;
                  if (vx == NULL && vy == NULL)
                    continue;
                  if (vx == NULL || vy == NULL || !json_node_equal (vx, vy))
                    {
                      g_autofree char *tx = vx ? json_to_string (vx, FALSE) : g_strdup ("(none)");
                      g_autofree char *ty = vy ? json_to_string (vy, FALSE) : g_strdup ("(none)");
                      g_error ("%s %s[%u].%s: %s became %s", files[f], lists[l], i, members[m], tx, ty);
                    }
                }
              /* An empty unique_id is none; Weft gives the slide its own. */
              if (json_object_get_string_member_with_default (sx, "unique_id", "")[0] != '\0')
                g_assert_cmpstr (json_object_get_string_member (sx, "unique_id"), ==,
                                 json_object_get_string_member (sy, "unique_id"));
            }
        }

      /* The title slide too. */
      {
        JsonNode *tx = json_object_get_member (a, "title");
        JsonNode *ty = json_object_get_member (b, "title");

        if (tx != NULL && !json_node_equal (tx, ty))
          {
            g_autofree char *s1 = json_to_string (tx, FALSE);
            g_autofree char *s2 = json_to_string (ty, FALSE);
            g_error ("%s title: %s became %s", files[f], s1, s2);
          }
      }
    }
}

/* ---- What the export shows ------------------------------------------------ */

static void
test_export_folds_text (void)
{
  static const char *doc =
    "{\"weft\": 1, \"title\": \"<b>Bold</b> & co\","
    " \"sources\": [{\"id\": \"s\", \"title\": \"Report <x>\", \"url\": \"https://example.org/r?a=1&b=2\", \"kind\": \"report\"}],"
    " \"entities\": [{\"id\": \"e\", \"name\": \"<script>alert(1)</script>\", \"kind\": \"company\"},"
    "                {\"id\": \"f\", \"name\": \"Q \\\"Quote\\\" Ltd\", \"kind\": \"person\"}],"
    " \"events\": [{\"id\": \"v\", \"title\": \"A & B\", \"date\": \"2004?\", \"description\": \"Line one\\nline <two>\","
    "   \"participants\": [{\"entity\": \"e\", \"role\": \"maker\"}, {\"entity\": \"f\"}], \"claims\": [\"c\"], \"group\": \"G\"}],"
    " \"claims\": [{\"id\": \"c\", \"text\": \"It <happened>\", \"status\": \"alleged\", \"about\": [\"e\"],"
    "   \"citations\": [{\"source\": \"s\", \"quote\": \"a \\\"quote\\\" & more\"}]}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(WeftDataset) dataset = weft_dataset_load_data (doc, strlen (doc), "t.weft", NULL, &error);
  g_autofree char *path = weft_test_build_tmp_path ("folded.json");
  g_autoptr(GFile) out = g_file_new_for_path (path);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *slide, *text;
  const char *html;

  g_assert_no_error (error);
  g_assert_true (weft_export_file (dataset, out, WEFT_FORMAT_TIMELINEJS, &error));
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_file (parser, path, NULL));
  root = json_node_get_object (json_parser_get_root (parser));

  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_object_get_object_member (root, "title"), "text"), "headline"),
                   ==, "&lt;b&gt;Bold&lt;/b&gt; &amp; co");

  slide = json_array_get_object_element (json_object_get_array_member (root, "events"), 0);
  text = json_object_get_object_member (slide, "text");
  html = json_object_get_string_member (text, "text");
  g_test_message ("%s", html);

  g_assert_cmpstr (json_object_get_string_member (text, "headline"), ==, "A &amp; B");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (slide, "start_date"), "year"), ==, "2004");
  g_assert_cmpstr (json_object_get_string_member (slide, "display_date"), ==, "2004?");
  g_assert_cmpstr (json_object_get_string_member (slide, "group"), ==, "G");
  g_assert_cmpstr (json_object_get_string_member (slide, "unique_id"), ==, "v");
  g_assert_null (strstr (html, "<script"));
  g_assert_nonnull (strstr (html, "<p>Line one<br>line &lt;two&gt;</p>"));
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert(1)&lt;/script&gt; (Company; maker)"));
  g_assert_nonnull (strstr (html, "Q &quot;Quote&quot; Ltd (Person)"));
  g_assert_nonnull (strstr (html, "It &lt;happened&gt; <em>(Alleged)</em>"));
  g_assert_nonnull (strstr (html, "“a &quot;quote&quot; &amp; more”"));
  g_assert_nonnull (strstr (html, "<a href=\"https://example.org/r?a=1&amp;b=2\">Report &lt;x&gt;</a>"));

  /* The plain text of the slide is what a reader sees. */
  {
    g_autofree char *plain = weft_html_to_text (html, FALSE);
    g_assert_nonnull (strstr (plain, "<script>alert(1)</script> (Company; maker)"));
  }
}

/* TimelineJS refuses a timeline with an era whose end it drops (none, or
 * every member of the start repeated): each era runs from its first day
 * to the day after its last, an open or unknown end to the timeline's
 * last day, an open or unknown start from its first; the import gets the
 * eras back as they were. */
static void
test_export_eras_end (void)
{
  static const char *doc =
    "{\"weft\": 1, \"title\": \"Eras\","
    " \"events\": [{\"id\": \"v1\", \"title\": \"First\", \"date\": \"2005-06-15\", \"participants\": []},"
    "              {\"id\": \"v2\", \"title\": \"Last\", \"date\": \"2023-03\", \"participants\": []}],"
    " \"eras\": [{\"id\": \"year\", \"title\": \"A year\", \"date\": \"2019\"},"
    "            {\"id\": \"day\", \"title\": \"A day\", \"date\": \"2020-03-11\"},"
    "            {\"id\": \"open\", \"title\": \"Open\", \"date\": \"2021/..\"},"
    "            {\"id\": \"unknown\", \"title\": \"Unknown end\", \"date\": \"2015-05/\"},"
    "            {\"id\": \"start\", \"title\": \"Unknown start\", \"date\": \"/2010\"},"
    "            {\"id\": \"bce\", \"title\": \"BCE\", \"date\": \"-0043\"},"
    "            {\"id\": \"span\", \"title\": \"Span\", \"date\": \"2017-01-20/2021-01-20\"}]}";
  /* start_date and end_date as year-month-day; TimelineJS year -44 is 44 BCE. */
  static const char * const expected[][2] = {
    { "2019-1-1", "2020-1-1" },
    { "2020-3-11", "2020-3-12" },
    { "2021-1-1", "2023-4-1" },
    { "2015-5-1", "2023-4-1" },
    { "-44-1-1", "2011-1-1" },
    { "-44-1-1", "-43-1-1" },
    { "2017-1-20", "2021-1-20" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(WeftDataset) dataset = weft_dataset_load_data (doc, strlen (doc), "t.weft", NULL, &error);
  g_autofree char *path = weft_test_build_tmp_path ("eras.json");
  g_autoptr(GFile) out = g_file_new_for_path (path);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(WeftDataset) back = NULL;
  JsonArray *eras;

  g_assert_no_error (error);
  g_assert_true (weft_export_file (dataset, out, WEFT_FORMAT_TIMELINEJS, &error));
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_file (parser, path, NULL));
  eras = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "eras");
  g_assert_cmpuint (json_array_get_length (eras), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      JsonObject *era = json_array_get_object_element (eras, i);

      for (guint k = 0; k < 2; k++)
        {
          JsonObject *date = json_object_get_object_member (era, k == 0 ? "start_date" : "end_date");
          g_autofree char *ymd = g_strdup_printf ("%s-%s-%s", json_object_get_string_member (date, "year"),
                                                  json_object_get_string_member (date, "month"),
                                                  json_object_get_string_member (date, "day"));

          g_assert_cmpstr (ymd, ==, expected[i][k]);
        }
    }

  back = weft_import_file (out, WEFT_FORMAT_AUTO, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      WeftEra *era = g_ptr_array_index (weft_dataset_get_eras (back), i);

      g_assert_cmpstr (era->date_text, ==, ((WeftEra *) g_ptr_array_index (weft_dataset_get_eras (dataset), i))->date_text);
      /* Nothing to keep: the dates are Weft's own. */
      g_assert_null (weft_item_get_extra_object (&era->item, "timelinejs"));
    }
}

/* ---- Bad input ------------------------------------------------------------ */

static void
test_syntax_error (void)
{
  g_autoptr(WeftDiagnostics) diagnostics = weft_diagnostics_new ("broken.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(WeftDataset) dataset = weft_test_import_text ("broken.json",
    "{\"events\": [\n  {\"start_date\": {\"year\": 1}},\n  {\"start_date\": {\"year\": 2}\n]}\n", diagnostics, &error);
  const WeftDiagnostic *d;

  g_assert_null (dataset);
  g_assert_error (error, WEFT_ERROR, WEFT_ERROR_SYNTAX);
  d = weft_diagnostics_get (diagnostics, 0);
  g_assert_cmpuint (d->line, ==, 4);
  g_assert_cmpuint (d->column, ==, 1);
}

static void
test_strict (void)
{
  g_autoptr(GFile) file = weft_test_write_tmp_file ("strict.json", dates_doc);
  WeftImportOptions options = { .strict = TRUE };
  g_autoptr(GError) error = NULL;
  g_autoptr(WeftDataset) dataset = weft_import_file (file, WEFT_FORMAT_AUTO, &options, NULL, &error);

  g_assert_null (dataset);
  g_assert_error (error, WEFT_ERROR, WEFT_ERROR_INVALID);
}

/* ---- The spreadsheet template --------------------------------------------- */

static void
test_template (void)
{
  static const char *csv =
    "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background,Notes\r\n"
    ",,,,,,,,,My <b>title</b>,\"<p>About, \"\"this\"\"</p>\",,,,,title,,#ffffff,\r\n"
    "1900,,,,1950,,,,,An era,,,,,,era,,,\r\n"
    "-500,,,,,,,,,Ancient,,,,,,,Old,,\r\n"
    "2001,9,11,1:30 PM,,,,,,Afternoon,\"Two\nlines\",https://example.org/a.jpg,Someone,A caption,,,New,,a note\r\n"
    "1999,13,,,,,,,,Bad month,,,,,,,,,\r\n"
    "\r\n";
  g_autoptr(WeftDiagnostics) diagnostics = weft_diagnostics_new ("template.csv");
  g_autoptr(GError) error = NULL;
  WeftImportSummary summary = { 0 };
  WeftImportOptions options = { .summary = &summary };
  g_autoptr(GFile) file = weft_test_write_tmp_file ("template.csv", csv);
  g_autoptr(WeftDataset) dataset = weft_import_file (file, WEFT_FORMAT_AUTO, &options, diagnostics, &error);
  g_autofree char *all = NULL;
  WeftEvent *afternoon;

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  g_assert_cmpint (summary.format, ==, WEFT_FORMAT_TIMELINEJS_CSV);
  all = weft_diagnostics_format_all (diagnostics);
  g_test_message ("%s", all);

  g_assert_cmpstr (weft_dataset_get_title (dataset), ==, "My title");
  g_assert_cmpstr (weft_dataset_get_description (dataset), ==, "About, \"this\"");
  g_assert_cmpuint (weft_dataset_get_eras (dataset)->len, ==, 1);
  g_assert_cmpstr (((WeftEra *) g_ptr_array_index (weft_dataset_get_eras (dataset), 0))->date_text, ==, "1900/1950");
  g_assert_cmpuint (weft_dataset_get_events (dataset)->len, ==, 3);
  g_assert_cmpstr (event (dataset, 0)->date_text, ==, "-0499");
  g_assert_cmpstr (event (dataset, 0)->group, ==, "Old");
  afternoon = event (dataset, 1);
  g_assert_cmpstr (afternoon->date_text, ==, "2001-09-11T13:30:00");
  g_assert_cmpstr (afternoon->description, ==, "Two lines");
  g_assert_cmpstr (event (dataset, 2)->date_text, ==, "1999");

  /* The bad month, at the Month field of its row. */
  g_assert_nonnull (strstr (all, "template.csv:7:6: warning: Month: month 13 does not exist"));

  /* An unknown column is kept. */
  {
    JsonObject *members = json_object_get_object_member (json_object_get_object_member (afternoon->item.extra, "timelinejs"),
                                                         "members");
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (members, "spreadsheet"), "Notes"),
                     ==, "a note");
  }
}

static void
test_export_control_characters (void)
{
  /* Found by fuzz-import: json-glib writes U+001F raw inside a string, so
   * the export of a headline holding one was not valid JSON. */
  static const char doc[] =
    "{\"weft\": 1, \"title\": \"unit\\u001fseparator\", \"entities\": [{\"id\": \"e\", \"name\": \"E\\u001f\", \"kind\": \"person\"}],"
    " \"events\": [{\"id\": \"v\", \"title\": \"a\\u001fb\\u0001c\", \"date\": \"2020\", \"participants\": [{\"entity\": \"e\"}]}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(WeftDataset) dataset = weft_dataset_load_data (doc, sizeof doc - 1, "t.weft", NULL, &error);
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  WeftJsonProblem problem = { 0 };
  const char *data;
  gsize length;

  g_assert_no_error (error);
  g_assert_true (weft_export_stream (dataset, stream, WEFT_FORMAT_TIMELINEJS, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (stream, NULL, NULL));
  data = g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream));
  length = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream));
  g_assert_null (memchr (data, 0x1f, length));
  if (!weft_json_check (data, length, NULL, &problem))
    g_error ("not valid JSON: %s", problem.message);
  g_assert_nonnull (g_strstr_len (data, length, "a\\u001fb\\u0001c"));
}

int
main (int    argc,
      char **argv)
{
  weft_test_init (&argc, &argv);

  g_test_add_func ("/weft/timelinejs/corpus", test_corpus);
  g_test_add_func ("/weft/timelinejs/v2-like-v3", test_v2_like_v3);
  g_test_add_func ("/weft/timelinejs/dates", test_dates);
  g_test_add_func ("/weft/timelinejs/dates-written-back", test_dates_written_back);
  g_test_add_func ("/weft/timelinejs/html", test_html);
  g_test_add_func ("/weft/timelinejs/media", test_media);
  g_test_add_func ("/weft/timelinejs/round-trip-weft", test_round_trip_weft);
  g_test_add_func ("/weft/timelinejs/round-trip-timelinejs", test_round_trip_timelinejs);
  g_test_add_func ("/weft/timelinejs/export-control-characters", test_export_control_characters);
  g_test_add_func ("/weft/timelinejs/export-folds-text", test_export_folds_text);
  g_test_add_func ("/weft/timelinejs/export-eras-end", test_export_eras_end);
  g_test_add_func ("/weft/timelinejs/syntax-error", test_syntax_error);
  g_test_add_func ("/weft/timelinejs/strict", test_strict);
  g_test_add_func ("/weft/timelinejs/template", test_template);

  return weft_test_run ();
}
