/* test-timeline.c: the timeline's scale, ticks, lanes, packing, clusters and drawing
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-test"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "weft-edit.h"
#include "weft-formats.h"
#include "weft-loader.h"
#include "weft-timeline-export.h"
#include "weft-timeline-layout.h"
#include "weft-timeline-render.h"
#include "weft-test.h"
#include "weft-timeline-pane.h"

/* ---- Helpers ----------------------------------------------------------- */

/* A measure that needs no fonts: fixed widths per character. */
static double
fake_measure (WeftTimelineText  role,
              const char       *text,
              gpointer          data)
{
  guint *calls = data;
  double per_char = role == WEFT_TIMELINE_TEXT_MAJOR ? 7.0 : 6.5;

  if (calls != NULL)
    calls[role]++;
  return per_char * g_utf8_strlen (text, -1);
}

static gint64
ymd (gint64 y,
     guint  m,
     guint  d)
{
  return weft_days_from_civil (y, m, d);
}

static WeftDate
parse (const char *text)
{
  WeftDate date;
  g_autoptr(GError) error = NULL;

  if (!weft_date_parse (text, &date, NULL, &error))
    g_error ("%s: %s", text, error->message);
  return date;
}

static char *
random_date_text (GRand *r)
{
  static const char *qualifiers[] = { "", "", "", "", "~", "?", "%" };
  int y = g_rand_int_range (r, 1990, 2025);
  int m = g_rand_int_range (r, 1, 13);
  int d = g_rand_int_range (r, 1, 29);
  int precision = g_rand_int_range (r, 0, 3);
  int shape = g_rand_int_range (r, 0, 20);
  const char *q = qualifiers[g_rand_int_range (r, 0, G_N_ELEMENTS (qualifiers))];
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  switch (precision)
    {
    case 0:
      a = g_strdup_printf ("%04d-%02d-%02d%s", y, m, d, q);
      break;
    case 1:
      a = g_strdup_printf ("%04d-%02d%s", y, m, q);
      break;
    default:
      a = g_strdup_printf ("%04d%s", y, q);
      break;
    }

  if (shape == 0)
    return g_strconcat ("../", a, NULL);
  if (shape == 1)
    return g_strconcat (a, "/..", NULL);
  if (shape < 6)
    {
      b = g_strdup_printf ("%04d%s", y + g_rand_int_range (r, 1, 8),
                           qualifiers[g_rand_int_range (r, 0, G_N_ELEMENTS (qualifiers))]);
      return g_strconcat (a, "/", b, NULL);
    }
  return g_steal_pointer (&a);
}

static char *
random_title (GRand *r)
{
  static const char *words[] = { "IBM", "coins", "smart", "city", "sanctions", "report", "on", "the",
                                 "Huawei", "cameras", "in", "subways", "Évanina", "北京", "data", "a" };
  GString *s = g_string_new (NULL);
  int n = g_rand_int_range (r, 1, 9);

  for (int i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, words[g_rand_int_range (r, 0, G_N_ELEMENTS (words))]);
    }
  return g_string_free (s, FALSE);
}

/* A dataset of @n_events random events among @n_entities entities in
 * @n_groups groups (some ungrouped, some without participants). */
static WeftDataset *
random_dataset (GRand *r,
                guint  n_events,
                guint  n_entities,
                guint  n_groups)
{
  WeftDataset *dataset = weft_dataset_new ();
  g_autoptr(WeftDiagnostics) diagnostics = weft_diagnostics_new ("random");

  for (guint i = 0; i < n_entities; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", i);
      g_autofree char *name = g_strdup_printf ("Entity %u", i);

      weft_dataset_add_entity (dataset, id, name, (WeftEntityKind) g_rand_int_range (r, 0, WEFT_N_ENTITY_KINDS));
    }

  for (guint i = 0; i < n_events; i++)
    {
      g_autofree char *id = g_strdup_printf ("v%u", i);
      g_autofree char *title = random_title (r);
      g_autofree char *text = random_date_text (r);
      WeftDate date = parse (text);
      WeftEvent *event = weft_dataset_add_event (dataset, id, title, text, &date);
      int n_part = n_entities > 0 ? g_rand_int_range (r, 0, 4) : 0;
      int first = n_entities > 0 ? g_rand_int_range (r, 0, (int) n_entities) : 0;

      if (n_groups > 0 && g_rand_int_range (r, 0, 10) > 0)
        {
          g_autofree char *group = g_strdup_printf ("Group %d", g_rand_int_range (r, 0, (int) n_groups));

          event->group = weft_dataset_intern (dataset, group);
        }
      for (int p = 0; p < n_part && p < (int) n_entities; p++)
        {
          g_autofree char *entity = g_strdup_printf ("e%u", (guint) ((first + p * 7) % n_entities));

          weft_dataset_add_participant (dataset, event, entity, NULL);
        }
    }

  if (!weft_dataset_finish (dataset, diagnostics))
    {
      g_autofree char *all = weft_diagnostics_format_all (diagnostics);
      g_error ("random dataset: %s", all);
    }
  return dataset;
}

static const char *small_doc =
  "{\"weft\": 1, \"title\": \"Small\", \"sources\": [],\n"
  " \"entities\": [\n"
  "  {\"id\": \"e1\", \"name\": \"IBM\", \"kind\": \"company\"},\n"
  "  {\"id\": \"e2\", \"name\": \"Huawei\", \"kind\": \"company\"},\n"
  "  {\"id\": \"e3\", \"name\": \"Beijing\", \"kind\": \"place\"},\n"
  "  {\"id\": \"e4\", \"name\": \"CCP\", \"kind\": \"government\"}],\n"
  " \"events\": [\n"
  "  {\"id\": \"v1\", \"title\": \"A\", \"date\": \"2008\", \"group\": \"G1\", \"participants\": [{\"entity\": \"e1\"}]},\n"
  "  {\"id\": \"v2\", \"title\": \"B\", \"date\": \"2010-05\", \"group\": \"G2\", \"participants\": [{\"entity\": \"e1\"}, {\"entity\": \"e2\"}, {\"entity\": \"e3\"}]},\n"
  "  {\"id\": \"v3\", \"title\": \"C\", \"date\": \"2012-03-04\", \"group\": \"G1\", \"participants\": [{\"entity\": \"e4\"}]},\n"
  "  {\"id\": \"v4\", \"title\": \"D\", \"date\": \"../2015\", \"participants\": []},\n"
  "  {\"id\": \"v5\", \"title\": \"E\", \"date\": \"2016/..\", \"participants\": [{\"entity\": \"e2\"}]}],\n"
  " \"claims\": [], \"relations\": [],\n"
  " \"eras\": [\n"
  "  {\"id\": \"a\", \"title\": \"Era A\", \"date\": \"2000/2010\"},\n"
  "  {\"id\": \"b\", \"title\": \"Era B\", \"date\": \"2005/2015\"},\n"
  "  {\"id\": \"c\", \"title\": \"Era C\", \"date\": \"2011/2012\"}]}\n";

/* ---- Scale ------------------------------------------------------------- */

static void
test_scale_basics (void)
{
  WeftTimelineScale s;
  double anchor;

  weft_timeline_scale_init (&s, 0, 1000, 500);
  g_assert_cmpfloat_with_epsilon (weft_timeline_scale_px_per_day (&s), 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (weft_timeline_scale_x (&s, 500), 250, 1e-9);
  g_assert_cmpfloat_with_epsilon (weft_timeline_scale_day (&s, 250), 500, 1e-9);

  /* Zooming keeps the day under the pointer in place. */
  anchor = weft_timeline_scale_day (&s, 100);
  weft_timeline_scale_zoom (&s, 100, 4);
  g_assert_cmpfloat_with_epsilon (weft_timeline_scale_day (&s, 100), anchor, 1e-6);
  g_assert_cmpfloat_with_epsilon (s.upper - s.lower, 250, 1e-6);

  /* Panning moves by pixels: 50 px are 100 days here. */
  weft_timeline_scale_init (&s, 0, 1000, 500);
  weft_timeline_scale_pan (&s, 50);
  g_assert_cmpfloat_with_epsilon (s.lower, 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (s.upper, 1100, 1e-9);

  /* Limits: never narrower than two days nor wider than the calendar. */
  weft_timeline_scale_zoom (&s, 0, 1e9);
  g_assert_cmpfloat_with_epsilon (s.upper - s.lower, WEFT_TIMELINE_MIN_SPAN, 1e-6);
  weft_timeline_scale_zoom (&s, 0, 1e-12);
  g_assert_cmpfloat (s.upper - s.lower, <=, WEFT_TIMELINE_MAX_SPAN);
  weft_timeline_scale_init (&s, 10, 10, 0);
  g_assert_cmpfloat (s.upper - s.lower, >=, WEFT_TIMELINE_MIN_SPAN);
  g_assert_cmpfloat (s.width, >=, 1);
  weft_timeline_scale_init (&s, NAN, INFINITY, NAN);
  g_assert_true (isfinite (s.lower) && isfinite (s.upper) && s.upper > s.lower);

  /* Clamping keeps the view on the data. */
  weft_timeline_scale_init (&s, -500, -400, 100);
  weft_timeline_scale_clamp (&s, 0, 1000);
  g_assert_cmpfloat_with_epsilon (s.lower, 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (s.upper, 100, 1e-9);
}

typedef struct {
  const char *text;
  gint64      first;   /* day */
  gint64      days;    /* how many */
} ExtentCase;

static void
test_scale_date_extent (void)
{
  const ExtentCase cases[] = {
    { "2021-10", ymd (2021, 10, 1), 31 },
    { "2021-10-05", ymd (2021, 10, 5), 1 },
    { "2021", ymd (2021, 1, 1), 365 },
    { "2020", ymd (2020, 1, 1), 366 },
    { "2000~", ymd (2000, 1, 1), 366 },
    { "2017-01-20/2021-01-20", ymd (2017, 1, 20), ymd (2021, 1, 20) - ymd (2017, 1, 20) + 1 },
    { "2020/2022", ymd (2020, 1, 1), ymd (2023, 1, 1) - ymd (2020, 1, 1) },
    { "199X", ymd (1990, 1, 1), ymd (2000, 1, 1) - ymd (1990, 1, 1) },
    { "-0043", ymd (-43, 1, 1), 365 },
    { "-0043-03-15", ymd (-43, 3, 15), 1 },
    { "2021-21", ymd (2021, 3, 1), 92 },
  };
  WeftTimelineScale s;
  WeftTimelineMetrics m;

  weft_timeline_metrics_init (&m);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      WeftDate date = parse (cases[i].text);
      double x0, x1;

      /* A scale of 3 px a day starting 10 days before. */
      weft_timeline_scale_init (&s, (double) cases[i].first - 10, (double) cases[i].first - 10 + 1000, 3000);
      weft_timeline_scale_date_extent (&s, &date, &x0, &x1);
      g_test_message ("%s: %g..%g", cases[i].text, x0, x1);
      g_assert_cmpfloat_with_epsilon (x0, 30, 1e-6);
      g_assert_cmpfloat_with_epsilon (x1 - x0, 3.0 * cases[i].days, 1e-6);
    }

  /* Glyphs: a day is a point at its middle; a month a bar; an open end
   * fades out over metrics.fade_length pixels past its known day. */
  {
    g_autoptr(WeftDataset) dataset = weft_test_load_text (small_doc, "small.weft");
    g_autoptr(WeftTimelineIndex) index = weft_timeline_index_new (dataset, WEFT_TIMELINE_LANES_GROUP);

    weft_timeline_scale_init (&s, (double) ymd (2000, 1, 1), (double) ymd (2020, 1, 1), 2000);
    for (guint i = 0; i < weft_timeline_index_get_n_items (index); i++)
      {
        const WeftTimelineItem *item = weft_timeline_index_get_item (index, i);
        double x0, x1, a, b;

        weft_timeline_item_glyph (&s, &m, item, &x0, &x1);
        weft_timeline_scale_date_extent (&s, &item->event->date, &a, &b);
        if (g_str_equal (item->event->item.id, "v3"))
          {
            g_assert_cmpint (item->shape, ==, WEFT_TIMELINE_SHAPE_POINT);
            g_assert_cmpfloat_with_epsilon ((x0 + x1) / 2, (a + b) / 2, 1e-6);
            g_assert_cmpfloat_with_epsilon (x1 - x0, 2 * m.point_radius, 1e-6);
          }
        else if (g_str_equal (item->event->item.id, "v2"))
          {
            g_assert_cmpint (item->shape, ==, WEFT_TIMELINE_SHAPE_BAR);
            g_assert_cmpfloat_with_epsilon (x0, a, 1e-6);
            g_assert_cmpfloat_with_epsilon (x1, b, 1e-6);
          }
        else if (g_str_equal (item->event->item.id, "v4"))
          {
            /* ../2015: a fade ending with 2015. */
            g_assert_true (item->open_start);
            g_assert_cmpfloat_with_epsilon (x1, weft_timeline_scale_x (&s, (double) ymd (2016, 1, 1)), 1e-6);
            g_assert_cmpfloat_with_epsilon (x1 - x0, m.fade_length + 365 * 2000.0 / (ymd (2020, 1, 1) - ymd (2000, 1, 1)), 1e-6);
          }
        else if (g_str_equal (item->event->item.id, "v5"))
          {
            g_assert_true (item->open_end);
            g_assert_cmpfloat_with_epsilon (x0, weft_timeline_scale_x (&s, (double) ymd (2016, 1, 1)), 1e-6);
          }
      }
  }
}

/* ---- Ticks ------------------------------------------------------------- */

static void
check_ticks (const WeftTimelineScale *s,
             GArray                  *ticks,
             WeftTimelineTickStep     step,
             double                   spacing)
{
  double last_minor_end = -G_MAXDOUBLE, last_major_end = -G_MAXDOUBLE;
  double last_x = -G_MAXDOUBLE;
  guint n_minor = 0, n_labels = 0;

  for (guint i = 0; i < ticks->len; i++)
    {
      const WeftTimelineTick *t = &g_array_index (ticks, WeftTimelineTick, i);

      g_assert_cmpfloat_with_epsilon (t->x, weft_timeline_scale_x (s, (double) t->day), 1e-6);
      g_assert_cmpint (t->day, ==, ymd (t->year, t->month, t->mday));

      if (t->major)
        {
          g_assert_cmpint (t->mday, ==, 1);
          if (step.unit == WEFT_TIMELINE_UNIT_MONTH)
            g_assert_cmpint (t->month, ==, 1);
          if (t->label != NULL)
            {
              g_assert_cmpfloat (t->label_x, >=, last_major_end + spacing - 1e-6);
              g_assert_cmpfloat (t->label_x + t->label_width, <=, s->width + 1e-6);
              last_major_end = t->label_x + t->label_width;
            }
          continue;
        }

      /* Minor ticks: in view, in order, on the calendar, labelled. */
      n_minor++;
      g_assert_cmpfloat (t->x, >, last_x);
      last_x = t->x;
      g_assert_cmpfloat (t->x, >=, -1e-6);
      g_assert_cmpfloat (t->x, <=, s->width + 1e-6);

      switch (step.unit)
        {
        case WEFT_TIMELINE_UNIT_DAY:
          g_assert_cmpint ((t->mday - 1) % step.step, ==, 0);
          if (t->label != NULL)
            {
              g_autofree char *expected = g_strdup_printf ("%u", t->mday);
              g_assert_cmpstr (t->label, ==, expected);
            }
          break;
        case WEFT_TIMELINE_UNIT_MONTH:
          g_assert_cmpint (t->mday, ==, 1);
          g_assert_cmpint ((t->month - 1) % step.step, ==, 0);
          if (t->label != NULL)
            g_assert_cmpstr (t->label, ==, weft_month_abbreviation (t->month));
          break;
        case WEFT_TIMELINE_UNIT_YEAR:
        default:
          g_assert_cmpint (t->month, ==, 1);
          g_assert_cmpint (t->mday, ==, 1);
          if (t->year > 0)
            g_assert_true (t->year % step.step == 0 || (t->year == 1 && step.step >= 10));
          else
            g_assert_cmpint ((1 - t->year) % step.step, ==, 0);
          if (t->label != NULL)
            {
              g_autofree char *expected = weft_year_format (t->year);
              g_assert_cmpstr (t->label, ==, expected);
              if (t->year <= 0)
                g_assert_true (g_str_has_suffix (t->label, " BCE"));
            }
          break;
        }

      if (t->label != NULL)
        {
          /* Labels never touch, and stay in view. */
          g_assert_cmpfloat (t->label_x, >=, last_minor_end + spacing - 1e-6);
          g_assert_cmpfloat (t->label_x + t->label_width, <=, s->width + 1e-6);
          last_minor_end = t->label_x + t->label_width;
          n_labels++;
        }
    }

  /* A readable axis: at least two labelled ticks. */
  g_assert_cmpuint (n_labels, >=, 2);
  g_assert_cmpuint (n_minor, >=, n_labels);
}

static void
test_ticks_scales (void)
{
  /* Spans from three days to two million years, at 1200 px. */
  const double spans[] = { 3, 12, 40, 120, 400, 1500, 5000, 20000, 365.25 * 100, 80000, 365.25 * 400,
                           365.25 * 1500, 365.25 * 6000, 365.25 * 30000, 365.25 * 200000,
                           365.25 * 1500000 };
  const double centres[] = { (double) ymd (2021, 6, 15), (double) ymd (-500, 6, 15), (double) ymd (0, 12, 20) };
  g_autoptr(GArray) ticks = weft_timeline_ticks_new ();
  gboolean seen_days = FALSE, seen_months = FALSE, seen_years = FALSE;
  gboolean seen_decades = FALSE, seen_centuries = FALSE, seen_millennia = FALSE;

  for (guint c = 0; c < G_N_ELEMENTS (centres); c++)
    {
      double last_min_days = 0;

      for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
        {
          WeftTimelineScale s;
          WeftTimelineTickStep step;
          double min_days;

          weft_timeline_scale_init (&s, centres[c] - spans[i] / 2, centres[c] + spans[i] / 2, 1200);
          step = weft_timeline_ticks_compute (&s, fake_measure, NULL, 16, ticks);
          g_test_message ("span %g days: unit %d step %u, %u ticks", spans[i], step.unit, step.step, ticks->len);
          check_ticks (&s, ticks, step, 16);

          /* Coarser as the span widens. */
          min_days = weft_timeline_tick_step_min_days (step);
          g_assert_cmpfloat (min_days, >=, last_min_days);
          last_min_days = min_days;

          seen_days |= step.unit == WEFT_TIMELINE_UNIT_DAY;
          seen_months |= step.unit == WEFT_TIMELINE_UNIT_MONTH;
          seen_years |= step.unit == WEFT_TIMELINE_UNIT_YEAR && step.step < 10;
          seen_decades |= step.unit == WEFT_TIMELINE_UNIT_YEAR && step.step >= 10 && step.step < 100;
          seen_centuries |= step.unit == WEFT_TIMELINE_UNIT_YEAR && step.step >= 100 && step.step < 1000;
          seen_millennia |= step.unit == WEFT_TIMELINE_UNIT_YEAR && step.step >= 1000;
        }
    }

  g_assert_true (seen_days && seen_months && seen_years);
  g_assert_true (seen_decades && seen_centuries && seen_millennia);

  /* Exact choices at 1200 px. */
  {
    WeftTimelineScale s;
    WeftTimelineTickStep step;

    weft_timeline_scale_init (&s, (double) ymd (2021, 10, 1), (double) ymd (2021, 10, 21), 1200);
    step = weft_timeline_ticks_compute (&s, fake_measure, NULL, 16, ticks);
    g_assert_cmpint (step.unit, ==, WEFT_TIMELINE_UNIT_DAY);
    g_assert_cmpuint (step.step, ==, 1);
    /* The month above the days, sticking to the left edge. */
    {
      gboolean found = FALSE;

      for (guint i = 0; i < ticks->len; i++)
        {
          const WeftTimelineTick *t = &g_array_index (ticks, WeftTimelineTick, i);

          if (t->major && g_strcmp0 (t->label, "October 2021") == 0)
            found = TRUE;
        }
      g_assert_true (found);
    }

    weft_timeline_scale_init (&s, (double) ymd (2020, 1, 1), (double) ymd (2022, 1, 1), 1200);
    step = weft_timeline_ticks_compute (&s, fake_measure, NULL, 16, ticks);
    g_assert_cmpint (step.unit, ==, WEFT_TIMELINE_UNIT_MONTH);

    weft_timeline_scale_init (&s, (double) ymd (1990, 1, 1), (double) ymd (2025, 1, 1), 1200);
    step = weft_timeline_ticks_compute (&s, fake_measure, NULL, 16, ticks);
    g_assert_cmpint (step.unit, ==, WEFT_TIMELINE_UNIT_YEAR);
    g_assert_cmpuint (step.step, <=, 2);
  }
}

static void
test_ticks_bce (void)
{
  g_autoptr(GArray) ticks = weft_timeline_ticks_new ();
  WeftTimelineScale s;
  WeftTimelineTickStep step;
  gboolean found_44 = FALSE, found_1 = FALSE, found_100 = FALSE, found_100_bce = FALSE;

  /* Around the Ides of March, 44 BCE (astronomical -43). */
  weft_timeline_scale_init (&s, (double) ymd (-50, 1, 1), (double) ymd (-35, 1, 1), 2400);
  step = weft_timeline_ticks_compute (&s, fake_measure, NULL, 16, ticks);
  check_ticks (&s, ticks, step, 16);
  for (guint i = 0; i < ticks->len; i++)
    found_44 |= g_strcmp0 (g_array_index (ticks, WeftTimelineTick, i).label, "44 BCE") == 0;
  g_assert_true (found_44);

  /* Across the start of the era: 100 BCE, then 1, then 100. */
  weft_timeline_scale_init (&s, (double) ymd (-450, 1, 1), (double) ymd (450, 1, 1), 1000);
  step = weft_timeline_ticks_compute (&s, fake_measure, NULL, 16, ticks);
  check_ticks (&s, ticks, step, 16);
  g_assert_cmpint (step.unit, ==, WEFT_TIMELINE_UNIT_YEAR);
  g_assert_cmpuint (step.step, ==, 100);
  for (guint i = 0; i < ticks->len; i++)
    {
      const char *label = g_array_index (ticks, WeftTimelineTick, i).label;

      found_1 |= g_strcmp0 (label, "1") == 0;
      found_100 |= g_strcmp0 (label, "100") == 0;
      found_100_bce |= g_strcmp0 (label, "100 BCE") == 0;
      g_assert_cmpstr (label, !=, "0");
    }
  g_assert_true (found_1 && found_100 && found_100_bce);

  /* Month ticks of a BCE year carry the year above them. */
  weft_timeline_scale_init (&s, (double) ymd (-43, 1, 1), (double) ymd (-42, 6, 1), 1200);
  step = weft_timeline_ticks_compute (&s, fake_measure, NULL, 16, ticks);
  check_ticks (&s, ticks, step, 16);
  g_assert_cmpint (step.unit, ==, WEFT_TIMELINE_UNIT_MONTH);
  {
    gboolean found = FALSE;

    for (guint i = 0; i < ticks->len; i++)
      {
        const WeftTimelineTick *t = &g_array_index (ticks, WeftTimelineTick, i);

        found |= t->major && g_strcmp0 (t->label, "43 BCE") == 0;
      }
    g_assert_true (found);
  }
}

/* ---- Index ------------------------------------------------------------- */

static guint
lane_titled (WeftTimelineIndex *index,
             const char        *title)
{
  for (guint i = 0; i < weft_timeline_index_get_n_lanes (index); i++)
    if (g_str_equal (weft_timeline_index_get_lane (index, i)->title, title))
      return i;
  g_error ("no lane “%s”", title);
  return 0;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static char *
lane_events (WeftTimelineIndex *index,
             guint              lane)
{
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  weft_timeline_index_query (index, lane, -1e12, 1e12, items);
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (ids, (gpointer) weft_timeline_index_get_item (index, g_array_index (items, guint, i))->event->item.id);
  g_ptr_array_sort (ids, compare_strings);
  g_ptr_array_add (ids, NULL);
  return g_strjoinv (" ", (char **) ids->pdata);
}

static void
assert_lane (WeftTimelineIndex *index,
             const char        *title,
             const char        *expected)
{
  g_autofree char *got = lane_events (index, lane_titled (index, title));

  g_assert_cmpstr (got, ==, expected);
}

static void
test_index_lanes (void)
{
  g_autoptr(WeftDataset) dataset = weft_test_load_text (small_doc, "small.weft");

  {
    g_autoptr(WeftTimelineIndex) index = weft_timeline_index_new (dataset, WEFT_TIMELINE_LANES_ENTITY);
    WeftEvent *v2 = (WeftEvent *) weft_dataset_lookup (dataset, "v2");
    guint first, n;

    /* In order of first event; the event without participants last. */
    g_assert_cmpuint (weft_timeline_index_get_n_lanes (index), ==, 5);
    g_assert_cmpstr (weft_timeline_index_get_lane (index, 0)->title, ==, "IBM");
    g_assert_cmpstr (weft_timeline_index_get_lane (index, 0)->key, ==, "entity:e1");
    g_assert_cmpstr (weft_timeline_index_get_lane (index, 3)->title, ==, "CCP");
    g_assert_cmpstr (weft_timeline_index_get_lane (index, 4)->key, ==, "none");
    assert_lane (index, "IBM", "v1 v2");
    assert_lane (index, "Huawei", "v2 v5");
    assert_lane (index, "Beijing", "v2");
    assert_lane (index, "CCP", "v3");
    assert_lane (index, "No participants", "v4");

    /* One event, three lanes, linked by the event. */
    g_assert_true (weft_timeline_index_get_event_items (index, v2, &first, &n));
    g_assert_cmpuint (n, ==, 3);
    for (guint i = 0; i < n; i++)
      {
        const WeftTimelineItem *item = weft_timeline_index_get_item (index, first + i);

        g_assert_true (item->event == v2);
        for (guint j = 0; j < i; j++)
          g_assert_cmpuint (weft_timeline_index_get_item (index, first + j)->lane, !=, item->lane);
      }
    g_assert_cmpint (weft_timeline_index_find_lane (index, "entity:e3"), ==, (int) lane_titled (index, "Beijing"));
    g_assert_cmpint (weft_timeline_index_find_lane (index, "entity:nobody"), ==, -1);
  }

  {
    g_autoptr(WeftTimelineIndex) index = weft_timeline_index_new (dataset, WEFT_TIMELINE_LANES_KIND);

    /* In the order of the kinds. */
    g_assert_cmpuint (weft_timeline_index_get_n_lanes (index), ==, 4);
    g_assert_cmpstr (weft_timeline_index_get_lane (index, 0)->key, ==, "kind:company");
    g_assert_cmpstr (weft_timeline_index_get_lane (index, 1)->key, ==, "kind:government");
    g_assert_cmpstr (weft_timeline_index_get_lane (index, 2)->key, ==, "kind:place");
    g_assert_cmpstr (weft_timeline_index_get_lane (index, 3)->key, ==, "none");
    g_assert_cmpuint (weft_timeline_index_get_lane (index, 0)->n_items, ==, 3);
    g_assert_cmpuint (weft_timeline_index_get_n_items (index), ==, 6);
  }

  {
    g_autoptr(WeftTimelineIndex) index = weft_timeline_index_new (dataset, WEFT_TIMELINE_LANES_GROUP);
    double lower, upper;

    g_assert_cmpuint (weft_timeline_index_get_n_lanes (index), ==, 3);
    assert_lane (index, "G1", "v1 v3");
    assert_lane (index, "G2", "v2");
    assert_lane (index, "Ungrouped", "v4 v5");
    g_assert_cmpuint (weft_timeline_index_get_n_groups (index), ==, 2);

    /* The range goes from 2008 to the known day of the open ones. */
    g_assert_true (weft_timeline_index_get_range (index, &lower, &upper));
    g_assert_cmpfloat (lower, ==, (double) ymd (2008, 1, 1));
    g_assert_cmpfloat (upper, ==, (double) ymd (2017, 1, 1));

    /* Eras stack where they overlap: A and C share a row, B does not. */
    g_assert_cmpuint (weft_timeline_index_get_n_era_rows (index), ==, 2);
    g_assert_cmpuint (weft_timeline_index_get_era_row (index, 0), ==, 0);
    g_assert_cmpuint (weft_timeline_index_get_era_row (index, 1), ==, 1);
    g_assert_cmpuint (weft_timeline_index_get_era_row (index, 2), ==, 0);
  }

  g_assert_true (weft_timeline_lanes_from_string ("kind", NULL));
  g_assert_false (weft_timeline_lanes_from_string ("colour", NULL));
  g_assert_cmpstr (weft_timeline_lanes_to_string (WEFT_TIMELINE_LANES_GROUP), ==, "group");
}

/* Visible items from binary searches = those a walk over all would find. */
static void
test_index_query (void)
{
  g_autoptr(GRand) r = g_rand_new_with_seed (4);
  g_autoptr(WeftDataset) dataset = random_dataset (r, 3000, 40, 6);
  g_autoptr(WeftTimelineIndex) index = weft_timeline_index_new (dataset, WEFT_TIMELINE_LANES_ENTITY);
  g_autoptr(GArray) got = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint round = 0; round < 200; round++)
    {
      guint lane = g_rand_int_range (r, 0, (int) weft_timeline_index_get_n_lanes (index));
      double a = ymd (1985, 1, 1) + g_rand_double_range (r, 0, 45 * 365.0);
      double b = a + g_rand_double_range (r, 1, 4000);
      guint expected = 0, counted = 0, expected_starts = 0;

      g_array_set_size (got, 0);
      weft_timeline_index_query (index, lane, a, b, got);
      for (guint i = 0; i < weft_timeline_index_get_n_items (index); i++)
        {
          const WeftTimelineItem *item = weft_timeline_index_get_item (index, i);

          if (item->lane != lane)
            continue;
          if (item->lower < b && item->upper > a)
            expected++;
          if (item->lower >= a && item->lower < b)
            expected_starts++;
        }
      for (guint i = 0; i < got->len; i++)
        {
          const WeftTimelineItem *item = weft_timeline_index_get_item (index, g_array_index (got, guint, i));

          g_assert_cmpuint (item->lane, ==, lane);
          g_assert_true (item->lower < b && item->upper > a);
          counted++;
        }
      g_assert_cmpuint (counted, ==, expected);
      g_assert_cmpuint (weft_timeline_index_count_starts (index, lane, a, b), ==, expected_starts);
    }
}

/* ---- Layout ------------------------------------------------------------ */

static guint
brute_visible (WeftTimelineIndex         *index,
               guint                      lane,
               const WeftTimelineScale   *s,
               const WeftTimelineMetrics *m)
{
  guint n = 0;

  for (guint i = 0; i < weft_timeline_index_get_n_items (index); i++)
    {
      const WeftTimelineItem *item = weft_timeline_index_get_item (index, i);

      if (item->lane != lane)
        continue;
      if (item->open_start || item->open_end)
        {
          double x0, x1;

          weft_timeline_item_glyph (s, m, item, &x0, &x1);
          n += x1 > 0 && x0 < s->width;
        }
      else
        n += item->lower < s->upper && item->upper > s->lower;
    }
  return n;
}

static int
mark_x_compare (gconstpointer pa,
                gconstpointer pb)
{
  const WeftTimelineMark *a = *(WeftTimelineMark * const *) pa;
  const WeftTimelineMark *b = *(WeftTimelineMark * const *) pb;

  return a->box_x0 < b->box_x0 ? -1 : (a->box_x0 > b->box_x0 ? 1 : 0);
}

/* A title is whole unless a neighbour in its row needs the room (its box
 * then touches the neighbour's, gap and all) or the view is narrower;
 * and it is never cut below metrics.min_label_width. */
static void
check_titles (const WeftTimelineLayoutOptions *options,
              const WeftTimelineFrame         *frame)
{
  const WeftTimelineMetrics *m = &frame->metrics;

  for (guint i = 0; i < frame->marks->len; i++)
    {
      const WeftTimelineMark *a = &g_array_index (frame->marks, WeftTimelineMark, i);
      gboolean neighbour = FALSE;
      const WeftEvent *event;
      double whole;

      if (a->kind != WEFT_TIMELINE_MARK_EVENT)
        continue;
      /* The whole title (as measured for the layout, from the index's
       * cache: no measuring here), unless longer than the limit or the
       * view. */
      event = weft_timeline_index_get_item (frame->index, a->item)->event;
      whole = weft_timeline_index_get_label_width (frame->index, event, options->measure, options->measure_data);
      g_assert_cmpfloat (a->full_label_width, <=, whole + 1e-9);
      if (whole <= options->max_label_width && whole < frame->scale.width - 100)
        g_assert_cmpfloat (a->full_label_width, ==, whole);
      if (a->label_width >= a->full_label_width - 1e-6)
        continue;
      g_assert_cmpfloat (a->label_width, >=, MIN (a->full_label_width, m->min_label_width) - 1e-6);
      for (guint j = 0; j < frame->marks->len && !neighbour; j++)
        {
          const WeftTimelineMark *b = &g_array_index (frame->marks, WeftTimelineMark, j);

          if (j == i || b->lane != a->lane || b->row != a->row)
            continue;
          neighbour = fabs (a->box_x1 + m->label_gap - b->box_x0) < 1e-6 ||
                      fabs (b->box_x1 + m->label_gap - a->box_x0) < 1e-6;
        }
      if (!neighbour)
        g_error ("title cut to %g of %g at %g with no neighbour", a->label_width, a->full_label_width, a->label_x);
    }
}

/* Everything that must hold of any frame: geometry without overlaps,
 * every visible event accounted for exactly once, titles whole but where
 * a neighbour needs the room. */
static void
check_frame (WeftTimelineIndex               *index,
             const WeftTimelineLayoutOptions *options,
             const WeftTimelineFrame         *frame)
{
  const WeftTimelineMetrics *m = &frame->metrics;
  double last_bottom = 0;

  for (guint l = 0; l < frame->lanes->len; l++)
    {
      const WeftTimelineLaneBox *box = &g_array_index (frame->lanes, WeftTimelineLaneBox, l);
      g_autoptr(GPtrArray) marks = g_ptr_array_new ();
      guint accounted = 0;

      /* Lanes one under the other. */
      g_assert_cmpfloat (box->y, >=, last_bottom - 1e-9);
      last_bottom = box->y + box->height;
      if (!box->laid_out)
        {
          g_assert_cmpuint (box->n_marks, ==, 0);
          continue;
        }
      if (box->collapsed)
        g_assert_cmpuint (box->rows, ==, 0);

      for (guint i = box->first_mark; i < box->first_mark + box->n_marks; i++)
        {
          WeftTimelineMark *mark = &g_array_index (frame->marks, WeftTimelineMark, i);
          double h = mark->row == WEFT_TIMELINE_CLUSTER_ROW ? m->cluster_row_height : m->row_height;

          g_assert_cmpuint (mark->lane, ==, l);
          /* Inside its lane, its row inside the lane's rows. */
          g_assert_cmpfloat (mark->y, >=, box->y + m->lane_header_height - 1e-9);
          g_assert_cmpfloat (mark->y + h, <=, box->y + box->height - m->lane_gap + 1e-9);
          if (mark->row != WEFT_TIMELINE_CLUSTER_ROW)
            g_assert_cmpuint (mark->row, <, box->rows);
          else
            g_assert_true (box->cluster_row);

          /* Its glyph and label inside its box. */
          g_assert_cmpfloat (mark->box_x0, <=, mark->x0 + 1e-9);
          g_assert_cmpfloat (mark->box_x1, >=, mark->x1 - 1e-9);
          g_assert_cmpfloat (mark->box_x0, <=, mark->label_x + 1e-9);
          g_assert_cmpfloat (mark->box_x1, >=, mark->label_x + mark->label_width - 1e-9);
          g_assert_cmpfloat (mark->box_x1, >, 0);

          if (mark->kind == WEFT_TIMELINE_MARK_EVENT)
            {
              const WeftTimelineItem *item = weft_timeline_index_get_item (index, mark->item);

              g_assert_cmpuint (item->lane, ==, box->lane);
              g_assert_cmpfloat (mark->label_width, <=, options->max_label_width + 1e-9);
              g_assert_cmpuint (mark->row, !=, WEFT_TIMELINE_CLUSTER_ROW);
              accounted++;
            }
          else
            {
              g_assert_cmpuint (mark->count, >=, 1);
              g_assert_cmpfloat (mark->span_upper, >, mark->span_lower);
              g_assert_cmpfloat (mark->x1 - mark->x0, <=, m->cluster_width);
              accounted += mark->count;
            }
          g_ptr_array_add (marks, mark);
        }

      /* The heart of it: within a row, nothing overlaps, with the gap
       * between neighbours; cluster marks never touch. */
      g_ptr_array_sort (marks, mark_x_compare);
      for (guint i = 0; i < marks->len; i++)
        for (guint j = i + 1; j < marks->len; j++)
          {
            const WeftTimelineMark *a = g_ptr_array_index (marks, i);
            const WeftTimelineMark *b = g_ptr_array_index (marks, j);

            if (a->row != b->row)
              continue;
            if (a->row == WEFT_TIMELINE_CLUSTER_ROW)
              g_assert_cmpfloat (a->box_x1, <=, b->box_x0 + 1e-9);
            else if (a->box_x1 + m->label_gap > b->box_x0 + 1e-6)
              g_error ("lane %u row %u: [%g, %g] overlaps [%g, %g]", l, a->row,
                       a->box_x0, a->box_x1, b->box_x0, b->box_x1);
          }

      /* Each visible event once: on its own or in a cluster's count. */
      g_assert_cmpuint (accounted, ==, brute_visible (index, box->lane, &frame->scale, m));
    }

  g_assert_cmpfloat (frame->lanes_height, >=, last_bottom - 1e-9);
  check_titles (options, frame);
}

static void
test_layout_random (void)
{
  g_autoptr(GRand) r = g_rand_new_with_seed (20211005);
  g_autoptr(WeftTimelineFrame) frame = weft_timeline_frame_new ();
  guint n_clusters = 0, n_events = 0, n_cut = 0;

  for (guint round = 0; round < 60; round++)
    {
      g_autoptr(WeftDataset) dataset = random_dataset (r, g_rand_int_range (r, 1, 700),
                                                       g_rand_int_range (r, 1, 30),
                                                       g_rand_int_range (r, 0, 8));
      WeftTimelineLanes mode = (WeftTimelineLanes) g_rand_int_range (r, 0, 3);
      g_autoptr(WeftTimelineIndex) index = weft_timeline_index_new (dataset, mode);
      g_autoptr(GHashTable) collapsed = g_hash_table_new (g_str_hash, g_str_equal);
      WeftTimelineLayoutOptions options;

      weft_timeline_layout_options_init (&options);
      options.measure = fake_measure;
      options.max_rows = g_rand_int_range (r, 1, 7);
      options.max_label_width = g_rand_double_range (r, 40, 400);
      options.compact = g_rand_boolean (r);
      options.collapsed = collapsed;
      if (!options.compact && g_rand_boolean (r))
        {
          options.view_y = g_rand_double_range (r, 0, 600);
          options.view_height = g_rand_double_range (r, 100, 900);
        }
      for (guint i = 0; i < weft_timeline_index_get_n_lanes (index); i++)
        if (g_rand_int_range (r, 0, 5) == 0)
          g_hash_table_add (collapsed, weft_timeline_index_get_lane (index, i)->key);

      for (guint view = 0; view < 6; view++)
        {
          WeftTimelineScale s;
          double centre = ymd (1985, 1, 1) + g_rand_double_range (r, 0, 45 * 365.0);
          double span = exp (g_rand_double_range (r, log (3), log (60 * 365.0)));

          weft_timeline_scale_init (&s, centre - span / 2, centre + span / 2, g_rand_double_range (r, 200, 2400));
          weft_timeline_layout (index, &s, &options, frame);
          check_frame (index, &options, frame);

          for (guint i = 0; i < frame->marks->len; i++)
            {
              const WeftTimelineMark *mark = &g_array_index (frame->marks, WeftTimelineMark, i);

              if (mark->kind == WEFT_TIMELINE_MARK_CLUSTER)
                n_clusters++;
              else
                n_events++;
              n_cut += mark->kind == WEFT_TIMELINE_MARK_EVENT && mark->label_width < mark->full_label_width;
            }
        }
    }

  /* The random views did exercise both, and titles cut for neighbours. */
  g_assert_cmpuint (n_clusters, >, 50);
  g_assert_cmpuint (n_events, >, 500);
  g_assert_cmpuint (n_cut, >, 20);
  g_assert_cmpuint (n_cut, <, n_events);
}

/* The same with real fonts, on the example, at many zooms. */
static void
test_layout_example (void)
{
  g_autoptr(WeftDataset) dataset = weft_test_load_example ();
  g_autoptr(WeftTimelineRenderer) renderer = weft_timeline_renderer_new (NULL, 1);
  g_autoptr(WeftTimelineFrame) frame = weft_timeline_frame_new ();

  for (WeftTimelineLanes mode = WEFT_TIMELINE_LANES_ENTITY; mode <= WEFT_TIMELINE_LANES_GROUP; mode++)
    {
      g_autoptr(WeftTimelineIndex) index = weft_timeline_index_new (dataset, mode);
      WeftTimelineLayoutOptions options;
      double lower, upper;

      weft_timeline_layout_options_init (&options);
      options.measure = weft_timeline_renderer_measure;
      options.measure_data = renderer;
      g_assert_true (weft_timeline_index_get_range (index, &lower, &upper));

      for (double zoom = 1; zoom < 5000; zoom *= 2.3)
        {
          WeftTimelineScale s;
          double centre = (double) ymd (2020, 10, 15);
          double span = (upper - lower) * 1.1 / zoom;

          weft_timeline_scale_init (&s, centre - span / 2, centre + span / 2, 1400);
          weft_timeline_layout (index, &s, &options, frame);
          check_frame (index, &options, frame);
        }
    }
}

static void
test_layout_linked (void)
{
  g_autoptr(WeftDataset) dataset = weft_test_load_text (small_doc, "small.weft");
  g_autoptr(WeftTimelineIndex) index = weft_timeline_index_new (dataset, WEFT_TIMELINE_LANES_ENTITY);
  g_autoptr(WeftTimelineFrame) frame = weft_timeline_frame_new ();
  WeftEvent *v2 = (WeftEvent *) weft_dataset_lookup (dataset, "v2");
  WeftTimelineLayoutOptions options;
  WeftTimelineScale s;
  guint n = 0;

  weft_timeline_layout_options_init (&options);
  options.measure = fake_measure;
  weft_timeline_scale_init (&s, (double) ymd (2005, 1, 1), (double) ymd (2020, 1, 1), 1200);
  weft_timeline_layout (index, &s, &options, frame);
  check_frame (index, &options, frame);

  for (guint l = 0; l < frame->lanes->len; l++)
    if (weft_timeline_frame_find_event (frame, v2, l) != NULL)
      n++;
  g_assert_cmpuint (n, ==, 3);

  /* Hit testing finds it where it is drawn. */
  {
    const WeftTimelineMark *mark = weft_timeline_frame_find_event (frame, v2, 0);
    const WeftTimelineMark *hit = weft_timeline_frame_hit (frame, (mark->x0 + mark->x1) / 2, mark->y + 20);
    gboolean header = FALSE;

    g_assert_true (hit == mark);
    g_assert_null (weft_timeline_frame_hit (frame, 1190, mark->y + 20));
    g_assert_nonnull (weft_timeline_frame_lane_at (frame, 3, &header));
    g_assert_true (header);
  }
}

/* Crowds become clusters; a cluster's span zooms to its events. */
static void
test_layout_clusters (void)
{
  WeftDataset *dataset = weft_dataset_new ();
  g_autoptr(WeftDataset) owned = dataset;
  g_autoptr(WeftDiagnostics) diagnostics = weft_diagnostics_new ("crowd");
  g_autoptr(WeftTimelineIndex) index = NULL;
  g_autoptr(WeftTimelineFrame) frame = weft_timeline_frame_new ();
  g_autoptr(GHashTable) collapsed = g_hash_table_new (g_str_hash, g_str_equal);
  WeftTimelineLayoutOptions options;
  WeftTimelineScale s;
  const WeftTimelineMark *biggest = NULL;
  guint total = 0, clustered_before = 0, clustered_after = 0, placed_after = 0;

  weft_dataset_add_entity (dataset, "e", "Everyone", WEFT_ENTITY_GROUP);
  for (guint i = 0; i < 500; i++)
    {
      g_autofree char *id = g_strdup_printf ("v%u", i);
      g_autofree char *text = NULL;
      WeftDate date;
      WeftEvent *event;
      gint64 y;
      guint mo, d;

      weft_civil_from_days (ymd (2020, 1, 1) + i / 2, &y, &mo, &d);
      text = g_strdup_printf ("%04d-%02u-%02u", (int) y, mo, d);
      date = parse (text);
      event = weft_dataset_add_event (dataset, id, "Something happened", text, &date);
      weft_dataset_add_participant (dataset, event, "e", NULL);
    }
  g_assert_true (weft_dataset_finish (dataset, diagnostics));
  index = weft_timeline_index_new (dataset, WEFT_TIMELINE_LANES_ENTITY);

  weft_timeline_layout_options_init (&options);
  options.measure = fake_measure;
  options.collapsed = collapsed;
  weft_timeline_scale_init (&s, (double) ymd (2020, 1, 1), (double) ymd (2020, 10, 1), 900);
  weft_timeline_layout (index, &s, &options, frame);
  check_frame (index, &options, frame);

  for (guint i = 0; i < frame->marks->len; i++)
    {
      const WeftTimelineMark *mark = &g_array_index (frame->marks, WeftTimelineMark, i);

      if (mark->kind == WEFT_TIMELINE_MARK_CLUSTER)
        {
          clustered_before += mark->count;
          if (biggest == NULL || mark->count > biggest->count)
            biggest = mark;
          /* Its span holds the days its events start on, in view. */
          g_assert_cmpfloat (mark->span_lower, >=, ymd (2020, 1, 1));
          g_assert_cmpfloat (mark->span_upper, <=, ymd (2020, 10, 1) + 1);
        }
      total += mark->kind == WEFT_TIMELINE_MARK_CLUSTER ? mark->count : 1;
    }
  g_assert_cmpuint (total, ==, 500);
  g_assert_nonnull (biggest);
  g_assert_cmpuint (biggest->count, >, 2);
  /* No more cluster marks than columns. */
  g_assert_cmpuint (frame->marks->len, <=, 900 / options.metrics.cluster_width * (options.max_rows + 2));

  /* Zooming into the biggest cluster shows its events one by one. */
  {
    double lower = biggest->span_lower, upper = biggest->span_upper;
    guint in_span = (guint) weft_timeline_index_count_starts (index, 0, lower, upper);

    g_assert_cmpuint (in_span, >=, biggest->count);
    weft_timeline_scale_init (&s, lower - 0.5, upper + 0.5, 900);
    weft_timeline_layout (index, &s, &options, frame);
    check_frame (index, &options, frame);
    for (guint i = 0; i < frame->marks->len; i++)
      {
        const WeftTimelineMark *mark = &g_array_index (frame->marks, WeftTimelineMark, i);

        if (mark->kind == WEFT_TIMELINE_MARK_CLUSTER)
          clustered_after += mark->count;
        else
          placed_after++;
      }
    g_assert_cmpuint (placed_after, >, 0);
    g_assert_cmpuint (clustered_after, <, in_span);
  }

  /* A collapsed lane: no rows, every visible event counted in clusters. */
  g_hash_table_add (collapsed, (gpointer) "entity:e");
  weft_timeline_scale_init (&s, (double) ymd (2019, 1, 1), (double) ymd (2021, 1, 1), 900);
  weft_timeline_layout (index, &s, &options, frame);
  check_frame (index, &options, frame);
  total = 0;
  for (guint i = 0; i < frame->marks->len; i++)
    {
      const WeftTimelineMark *mark = &g_array_index (frame->marks, WeftTimelineMark, i);

      g_assert_cmpint (mark->kind, ==, WEFT_TIMELINE_MARK_CLUSTER);
      total += mark->count;
    }
  g_assert_cmpuint (total, ==, 500);
  g_assert_cmpuint (g_array_index (frame->lanes, WeftTimelineLaneBox, 0).rows, ==, 0);
  (void) clustered_before;
}

/* Titles are measured once; crowded columns are never looked into. */
static void
test_layout_label_cache (void)
{
  g_autoptr(GRand) r = g_rand_new_with_seed (77);
  g_autoptr(WeftDataset) dataset = random_dataset (r, 20000, 12, 4);
  g_autoptr(WeftTimelineIndex) index = weft_timeline_index_new (dataset, WEFT_TIMELINE_LANES_GROUP);
  g_autoptr(WeftTimelineFrame) frame = weft_timeline_frame_new ();
  WeftTimelineLayoutOptions options;
  WeftTimelineScale s;
  guint calls[WEFT_TIMELINE_N_TEXTS] = { 0 };
  guint first_calls, n_event_marks = 0;
  double lower, upper;

  weft_timeline_layout_options_init (&options);
  options.measure = fake_measure;
  options.measure_data = calls;
  weft_timeline_index_get_range (index, &lower, &upper);
  weft_timeline_scale_init (&s, lower, upper, 1920);

  weft_timeline_layout (index, &s, &options, frame);
  check_frame (index, &options, frame);
  first_calls = calls[WEFT_TIMELINE_TEXT_LABEL];
  for (guint i = 0; i < frame->marks->len; i++)
    n_event_marks += g_array_index (frame->marks, WeftTimelineMark, i).kind == WEFT_TIMELINE_MARK_EVENT;

  /* 20,000 events at once: only those in uncrowded columns were measured. */
  g_assert_cmpuint (first_calls, ==, weft_timeline_index_get_n_measured (index));
  g_assert_cmpuint (first_calls, <=, n_event_marks + frame->lanes->len * options.max_rows * (1920 / 40 + 2));
  g_assert_cmpuint (first_calls, <, 2000);

  /* Two months: titles show, measured once each. */
  weft_timeline_scale_init (&s, (double) ymd (2010, 3, 1), (double) ymd (2010, 5, 1), 1920);
  weft_timeline_layout (index, &s, &options, frame);
  check_frame (index, &options, frame);
  first_calls = calls[WEFT_TIMELINE_TEXT_LABEL];
  g_assert_cmpuint (first_calls, >, 0);
  g_assert_cmpuint (first_calls, ==, weft_timeline_index_get_n_measured (index));

  /* Again, and panned a little: nothing measured twice. */
  weft_timeline_layout (index, &s, &options, frame);
  g_assert_cmpuint (calls[WEFT_TIMELINE_TEXT_LABEL], ==, first_calls);
  weft_timeline_scale_pan (&s, 200);
  weft_timeline_layout (index, &s, &options, frame);
  g_assert_cmpuint (calls[WEFT_TIMELINE_TEXT_LABEL], ==, weft_timeline_index_get_n_measured (index));
  weft_timeline_scale_pan (&s, -200);
  weft_timeline_layout (index, &s, &options, frame);
  g_assert_cmpuint (calls[WEFT_TIMELINE_TEXT_LABEL], ==, weft_timeline_index_get_n_measured (index));
}

static void
test_layout_eras (void)
{
  g_autoptr(WeftDataset) dataset = weft_test_load_text (small_doc, "small.weft");
  g_autoptr(WeftTimelineIndex) index = weft_timeline_index_new (dataset, WEFT_TIMELINE_LANES_GROUP);
  g_autoptr(WeftTimelineFrame) frame = weft_timeline_frame_new ();
  WeftTimelineLayoutOptions options;
  WeftTimelineScale s;

  weft_timeline_layout_options_init (&options);
  options.measure = fake_measure;
  weft_timeline_scale_init (&s, (double) ymd (1998, 1, 1), (double) ymd (2018, 1, 1), 1000);
  weft_timeline_layout (index, &s, &options, frame);

  g_assert_cmpuint (frame->eras->len, ==, 3);
  g_assert_cmpuint (frame->n_era_rows, ==, 2);
  g_assert_cmpfloat (frame->header_height, >=, options.metrics.axis_height + 2 * options.metrics.era_row_height);
  for (guint i = 0; i < frame->eras->len; i++)
    for (guint j = i + 1; j < frame->eras->len; j++)
      {
        const WeftTimelineEraBand *a = &g_array_index (frame->eras, WeftTimelineEraBand, i);
        const WeftTimelineEraBand *b = &g_array_index (frame->eras, WeftTimelineEraBand, j);

        /* Overlapping bands never share a row; titles stay in their room. */
        if (a->row == b->row)
          {
            g_assert_true (a->x1 <= b->x0 || b->x1 <= a->x0);
            if (a->x0 < b->x0)
              g_assert_cmpfloat (a->label_x + a->label_width, <=, b->x0);
          }
      }

  /* An era out of view is left out. */
  weft_timeline_scale_init (&s, (double) ymd (2016, 1, 1), (double) ymd (2018, 1, 1), 1000);
  weft_timeline_layout (index, &s, &options, frame);
  g_assert_cmpuint (frame->eras->len, ==, 0);
}


/* ---- The pane ---------------------------------------------------------- */

static WeftDataset *
load_corpus (const char *name)
{
  const char *corpus = g_getenv ("WEFT_CORPUS");
  g_autofree char *path = corpus != NULL ? g_build_filename (corpus, "timelinejs", name, NULL) : NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  WeftDataset *dataset;

  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;
  file = g_file_new_for_path (path);
  dataset = weft_import_file (file, WEFT_FORMAT_AUTO, NULL, NULL, &error);
  g_assert_no_error (error);
  return dataset;
}

/* Every event of the pane's dataset has a mark of its own (a row), with
 * its whole title; nothing is in a cluster. */
static void
assert_every_event_whole (WeftTimelinePane *pane)
{
  const WeftTimelineFrame *frame = weft_timeline_pane_get_frame (pane);
  GPtrArray *events = weft_dataset_get_events (weft_timeline_index_get_dataset (frame->index));
  g_autofree guint *seen = g_new0 (guint, events->len);

  for (guint i = 0; i < frame->marks->len; i++)
    {
      const WeftTimelineMark *mark = &g_array_index (frame->marks, WeftTimelineMark, i);
      const WeftEvent *event;

      g_assert_cmpint (mark->kind, ==, WEFT_TIMELINE_MARK_EVENT);
      event = weft_timeline_index_get_item (frame->index, mark->item)->event;
      seen[event->item.index]++;
      g_assert_cmpfloat (mark->label_width, ==, mark->full_label_width);
      g_assert_cmpfloat (mark->label_width, ==, weft_timeline_renderer_measure (WEFT_TIMELINE_TEXT_LABEL, event->title,
                                                                                weft_timeline_pane_get_renderer (pane)));
    }
  for (guint i = 0; i < events->len; i++)
    if (seen[i] == 0)
      g_error ("“%s” has no row", ((WeftEvent *) g_ptr_array_index (events, i))->title);
}

/* The issue's two cases: a TimelineJS file of ten events showed four and
 * four pills over an empty window; the example hid an event behind a
 * "1" at 1920x1080. */
static void
test_pane_fills_height (void)
{
  g_autoptr(WeftDataset) women = load_corpus ("women_in_computing.json");
  g_autoptr(WeftDataset) example = weft_test_load_example ();

  if (women == NULL)
    g_test_message ("no women_in_computing.json: ../shared (WEFT_CORPUS) is not beside the repository");
  else
    {
      g_autoptr(WeftTimelinePane) pane = weft_timeline_pane_new (women, weft_timeline_default_lanes (women), 1);
      const WeftTimelineFrame *frame;

      g_assert_cmpuint (weft_dataset_get_events (women)->len, ==, 10);
      weft_timeline_pane_set_size (pane, 1280, 720);
      frame = weft_timeline_pane_get_frame (pane);
      assert_every_event_whole (pane);
      /* Some of those titles are long: no 45-character cut any more. */
      g_assert_nonnull (weft_timeline_frame_find_event (frame, g_ptr_array_index (weft_dataset_get_events (women), 8),
                                                        G_MAXUINT));
      g_assert_cmpstr (((WeftEvent *) g_ptr_array_index (weft_dataset_get_events (women), 8))->title, ==,
                       "Karen Spärck Jones makes search possible");
    }

  {
    g_autoptr(WeftTimelinePane) pane = weft_timeline_pane_new (example, WEFT_TIMELINE_LANES_GROUP, 1);
    const WeftTimelineFrame *frame;

    weft_timeline_pane_set_size (pane, 1920, 1080);
    frame = weft_timeline_pane_get_frame (pane);
    assert_every_event_whole (pane);
    g_assert_nonnull (weft_timeline_frame_find_event (frame, (WeftEvent *) weft_dataset_lookup (example, "ev-drones-monitor-residents"),
                                                      G_MAXUINT));
    /* Nothing scrolls: every lane is in view. */
    g_assert_cmpfloat (frame->header_height + frame->lanes_height, <=, 1080 - WEFT_TIMELINE_OVERVIEW_HEIGHT);
  }

  if (women == NULL)
    g_test_skip ("../shared/corpus is missing: women_in_computing.json not checked");
}

/* Every event of @pane's dataset drawn on its own (no cluster) with its
 * whole title somewhere as the lanes scroll from top to bottom. */
static void
assert_every_event_scrolled_to (WeftTimelinePane *pane)
{
  WeftTimelineIndex *index = weft_timeline_pane_get_index (pane);
  GPtrArray *events = weft_dataset_get_events (weft_timeline_index_get_dataset (index));
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  const WeftTimelineFrame *frame = weft_timeline_pane_get_frame (pane);
  double page = weft_timeline_pane_get_lanes_bottom (pane) - frame->header_height;
  double end = frame->lanes_height - page;

  for (double scroll = 0;; scroll += page / 2)
    {
      weft_timeline_pane_set_scroll (pane, scroll);
      frame = weft_timeline_pane_get_frame (pane);
      for (guint i = 0; i < frame->marks->len; i++)
        {
          const WeftTimelineMark *mark = &g_array_index (frame->marks, WeftTimelineMark, i);

          g_assert_cmpint (mark->kind, ==, WEFT_TIMELINE_MARK_EVENT);
          g_assert_cmpfloat (mark->label_width, ==, mark->full_label_width);
          g_hash_table_add (seen, weft_timeline_index_get_item (index, mark->item)->event);
        }
      if (scroll >= end)
        break;
    }
  for (guint i = 0; i < events->len; i++)
    if (!g_hash_table_contains (seen, g_ptr_array_index (events, i)))
      g_error ("“%s” has no row", ((WeftEvent *) g_ptr_array_index (events, i))->title);
  weft_timeline_pane_set_scroll (pane, 0);
}

/* How the lanes get their rows (weft-timeline-pane.c): each all it asks
 * for, up to what fits in the pane for one lane alone; the lanes scroll
 * when together they need more than the pane; a folded lane keeps only
 * its title and clusters. */
static void
test_pane_rows (void)
{
  g_autoptr(WeftDataset) dataset = weft_test_load_example ();
  g_autoptr(WeftTimelinePane) pane = weft_timeline_pane_new (dataset, WEFT_TIMELINE_LANES_GROUP, 1);
  WeftTimelineIndex *index = weft_timeline_pane_get_index (pane);
  guint n = weft_timeline_index_get_n_lanes (index);
  g_autofree WeftTimelineLaneShare *demand = g_new0 (WeftTimelineLaneShare, n);
  const WeftTimelineFrame *frame;
  const WeftTimelineLaneShare *share;
  double available, before;
  guint pandemic = (guint) weft_timeline_index_find_lane (index, "group:Pandemic");
  guint exports = (guint) weft_timeline_index_find_lane (index, "group:Exports");
  guint sanctions = (guint) weft_timeline_index_find_lane (index, "group:Sanctions and accusations");

  /* Tall enough: each lane as many rows as it asks for, no cluster, no
   * scrolling. */
  weft_timeline_pane_set_size (pane, 1280, 2000);
  frame = weft_timeline_pane_get_frame (pane);
  memcpy (demand, weft_timeline_pane_get_shares (pane), n * sizeof *demand);
  g_assert_cmpuint (demand[pandemic].rows, ==, 5);   /* five events at once */
  g_assert_cmpuint (demand[exports].rows, ==, 1);
  for (guint i = 0; i < n; i++)
    g_assert_false (demand[i].cluster_row);
  for (guint i = 0; i < frame->marks->len; i++)
    g_assert_cmpint (g_array_index (frame->marks, WeftTimelineMark, i).kind, ==, WEFT_TIMELINE_MARK_EVENT);
  g_assert_cmpfloat (frame->header_height + frame->lanes_height, <=, weft_timeline_pane_get_lanes_bottom (pane));

  /* 1280x720 (the issue: lanes exactly filled the pane and folded events
   * into "2" and "3"): the same rows, and the lanes scroll. */
  weft_timeline_pane_set_size (pane, 1280, 720);
  frame = weft_timeline_pane_get_frame (pane);
  share = weft_timeline_pane_get_shares (pane);
  available = 720 - WEFT_TIMELINE_OVERVIEW_HEIGHT - frame->header_height;
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpuint (share[i].rows, ==, demand[i].rows);
      g_assert_false (share[i].cluster_row);
    }
  g_assert_cmpfloat (frame->lanes_height, >, available);
  g_assert_cmpfloat (weft_timeline_pane_get_scroll (pane), ==, 0);
  check_frame (index, &(WeftTimelineLayoutOptions) { .max_label_width = G_MAXDOUBLE, .measure = weft_timeline_renderer_measure,
                                                    .measure_data = weft_timeline_pane_get_renderer (pane) }, frame);
  assert_every_event_scrolled_to (pane);
  weft_timeline_pane_set_scroll (pane, 1e6);
  frame = weft_timeline_pane_get_frame (pane);
  g_assert_cmpfloat (weft_timeline_pane_get_scroll (pane), ==, frame->lanes_height - available);
  /* Only the lanes in view are laid out. */
  for (guint i = 0; i < frame->lanes->len; i++)
    {
      const WeftTimelineLaneBox *box = &g_array_index (frame->lanes, WeftTimelineLaneBox, i);
      double scroll = weft_timeline_pane_get_scroll (pane);

      g_assert_true (box->laid_out == (box->y + box->height > scroll && box->y < scroll + available));
    }
  weft_timeline_pane_set_scroll (pane, 0);

  /* Folding a lane leaves its title and clusters: the others keep theirs. */
  before = frame->lanes_height;
  g_assert_true (weft_timeline_pane_toggle_lane (pane, "group:Sanctions and accusations"));
  g_assert_false (weft_timeline_pane_toggle_lane (pane, "group:Nothing"));
  frame = weft_timeline_pane_get_frame (pane);
  share = weft_timeline_pane_get_shares (pane);
  g_assert_cmpuint (share[sanctions].rows, ==, 0);
  g_assert_true (share[sanctions].cluster_row);
  g_assert_cmpfloat (frame->lanes_height, ==,
                     before - demand[sanctions].rows * frame->metrics.row_height + frame->metrics.cluster_row_height);
  for (guint i = 0; i < n; i++)
    if (i != sanctions)
      g_assert_cmpuint (share[i].rows, ==, demand[i].rows);
  weft_timeline_pane_toggle_lane (pane, "group:Sanctions and accusations");

  /* Lower than a lane needs: a lane gets as many rows as fit in the pane
   * for it alone, the rest of its events in clusters. */
  weft_timeline_pane_set_size (pane, 1280, 300);
  frame = weft_timeline_pane_get_frame (pane);
  share = weft_timeline_pane_get_shares (pane);
  {
    guint cap = (guint) ((300 - WEFT_TIMELINE_OVERVIEW_HEIGHT - frame->header_height - 56) / 32);

    g_assert_cmpuint (cap, <, demand[pandemic].rows);
    for (guint i = 0; i < n; i++)
      {
        g_assert_cmpuint (share[i].rows, ==, MIN (demand[i].rows, cap));
        g_assert_true (share[i].cluster_row == (demand[i].rows > cap));
      }
  }

  /* A dozen crowded lanes (6,000 events): each as many rows as the pane
   * holds for one lane, its clusters under them; only the lanes in view
   * are laid out, so the work stays bounded. */
  {
    g_autoptr(GRand) r = g_rand_new_with_seed (14);
    g_autoptr(WeftDataset) crowd = random_dataset (r, 6000, 10, 12);
    g_autoptr(WeftTimelinePane) many = weft_timeline_pane_new (crowd, WEFT_TIMELINE_LANES_GROUP, 1);
    const WeftTimelineMetrics *m;
    guint laid_out = 0;

    weft_timeline_pane_set_size (many, 1280, 600);
    frame = weft_timeline_pane_get_frame (many);
    m = &frame->metrics;
    share = weft_timeline_pane_get_shares (many);
    available = 600 - WEFT_TIMELINE_OVERVIEW_HEIGHT - frame->header_height;
    g_assert_cmpuint (frame->lanes->len, ==, 13);
    for (guint i = 0; i < frame->lanes->len; i++)
      {
        const WeftTimelineLaneBox *box = &g_array_index (frame->lanes, WeftTimelineLaneBox, i);

        g_assert_cmpuint (share[i].rows, >=, 1);
        g_assert_cmpfloat (m->lane_header_height + share[i].rows * m->row_height, <=, available);
        laid_out += box->laid_out;
      }
    g_assert_cmpfloat (frame->lanes_height, >, available);
    g_assert_cmpuint (laid_out, <, frame->lanes->len);
    check_frame (weft_timeline_pane_get_index (many),
                 &(WeftTimelineLayoutOptions) { .max_label_width = G_MAXDOUBLE, .measure = weft_timeline_renderer_measure,
                                                .measure_data = weft_timeline_pane_get_renderer (many) }, frame);
  }
}

static void
on_changed (WeftDataset        *dataset,
            WeftDatasetChange  *change,
            WeftDatasetChange **last)
{
  g_clear_pointer (last, weft_dataset_change_unref);
  *last = weft_dataset_change_ref (change);
}

/* One edit, committed; returns what it changed. */
static WeftDatasetChange *
edit_one (WeftDataset *dataset,
          const char  *id,
          const char  *member,
          const char  *value)
{
  g_autoptr(WeftEdit) edit = weft_edit_new (dataset, "test");
  WeftDatasetChange *change = NULL;
  gulong handler = g_signal_connect (dataset, "changed", G_CALLBACK (on_changed), &change);
  WeftItem *item = weft_dataset_lookup (dataset, id);
  g_autoptr(GError) error = NULL;

  if (item == NULL)
    {
      item = weft_edit_create (edit, WEFT_ITEM_EVENT, id, &error);
      g_assert_no_error (error);
      g_assert_true (weft_edit_set (edit, item, "title", "A new event", &error));
      g_assert_true (weft_edit_set (edit, item, "date", "2019-05", &error));
    }
  g_assert_true (weft_edit_set (edit, item, member, value, &error));
  g_assert_no_error (error);
  g_assert_true (weft_edit_commit (edit, &error));
  g_assert_no_error (error);
  g_signal_handler_disconnect (dataset, handler);
  g_assert_nonnull (change);
  return change;
}

/* The rows of every lane (by key) and the frame's lanes and marks, as
 * text, to compare a pane updated after an edit with a new one. */
static char *
describe_pane (WeftTimelinePane *pane)
{
  WeftTimelineIndex *index = weft_timeline_pane_get_index (pane);
  const WeftTimelineLaneShare *share = weft_timeline_pane_get_shares (pane);
  const WeftTimelineFrame *frame = weft_timeline_pane_get_frame (pane);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < weft_timeline_index_get_n_lanes (index); i++)
    g_string_append_printf (s, "%s: %u%s\n", weft_timeline_index_get_lane (index, i)->key, share[i].rows,
                            share[i].cluster_row ? "+" : "");
  for (guint i = 0; i < frame->marks->len; i++)
    {
      const WeftTimelineMark *mark = &g_array_index (frame->marks, WeftTimelineMark, i);

      g_string_append_printf (s, "%d %u %g,%g %g\n", mark->kind, mark->row, mark->label_x, mark->y, mark->label_width);
    }
  return g_string_free (s, FALSE);
}

/* After an edit the pane keeps its span, scrolling and folded lanes, and
 * measures again only the lanes the edit touched; what it then shows is
 * what a new pane in the same state shows. */
static void
test_pane_update (void)
{
  g_autoptr(WeftDataset) dataset = weft_test_load_example ();
  g_autoptr(WeftTimelinePane) pane = weft_timeline_pane_new (dataset, WEFT_TIMELINE_LANES_GROUP, 1);
  const WeftTimelineScale *scale;
  double lower, upper, scroll;
  guint n;
  struct {
    const char *id, *member, *value;
    guint       touched;      /* lanes measured again; G_MAXUINT: all */
    gboolean    same_lanes;   /* the index kept (only titles measured again) */
  } edits[] = {
    /* A longer title: its lane only. */
    { "ev-drones-monitor-residents", "title", "Chinese regime sends drones with facial-recognition cameras to monitor residents", 1, TRUE },
    /* Into another group: the two lanes. */
    { "ev-bloomberg-report", "group", "Pandemic", 2, FALSE },
    /* A new event in a new group: that lane (new) only. */
    { "ev-new-one", "group", "Elsewhere", 1, FALSE },
    /* A description: nothing drawn changes but that event's lane. */
    { "ev-smart-city-exports-tally", "description", "Tallied.", 1, TRUE },
    /* An entity's name, lanes by group: nothing measured again. */
    { "ent-huawei", "name", "Huawei Technologies", 0, TRUE },
    /* Past everything: the probe's scale changes, every lane again. */
    { "ev-ibm-coins-smart-city", "date", "1980", G_MAXUINT, FALSE },
  };

  weft_timeline_pane_set_size (pane, 1280, 720);
  weft_timeline_pane_set_span (pane, weft_days_from_civil (2015, 1, 1), weft_days_from_civil (2023, 1, 1));
  g_assert_true (weft_timeline_pane_toggle_lane (pane, "group:Origins"));
  weft_timeline_pane_set_scroll (pane, 40);
  (void) weft_timeline_pane_get_frame (pane);

  for (guint e = 0; e < G_N_ELEMENTS (edits); e++)
    {
      g_autoptr(WeftDatasetChange) change = NULL;
      g_autoptr(WeftTimelinePane) fresh = NULL;
      WeftTimelineIndex *index;
      g_autofree char *updated = NULL;
      g_autofree char *made = NULL;

      scale = weft_timeline_pane_get_scale (pane);
      lower = scale->lower;
      upper = scale->upper;
      scroll = weft_timeline_pane_get_scroll (pane);
      index = weft_timeline_pane_get_index (pane);
      change = edit_one (dataset, edits[e].id, edits[e].member, edits[e].value);
      weft_timeline_pane_update (pane, change);
      g_assert_true ((weft_timeline_pane_get_index (pane) == index) == edits[e].same_lanes);
      n = weft_timeline_index_get_n_lanes (weft_timeline_pane_get_index (pane));
      g_assert_cmpuint (weft_timeline_pane_get_n_touched (pane), ==, edits[e].touched == G_MAXUINT ? n : edits[e].touched);

      /* The state kept. */
      scale = weft_timeline_pane_get_scale (pane);
      g_assert_cmpfloat (scale->lower, ==, lower);
      g_assert_cmpfloat (scale->upper, ==, upper);
      g_assert_cmpfloat (weft_timeline_pane_get_scroll (pane), ==, scroll);
      g_assert_true (g_hash_table_contains (weft_timeline_pane_get_collapsed (pane), "group:Origins"));

      /* The same as a pane made anew in that state. */
      fresh = weft_timeline_pane_new (dataset, WEFT_TIMELINE_LANES_GROUP, 1);
      weft_timeline_pane_set_size (fresh, 1280, 720);
      weft_timeline_pane_set_span (fresh, lower, upper);
      weft_timeline_pane_toggle_lane (fresh, "group:Origins");
      weft_timeline_pane_set_scroll (fresh, scroll);
      updated = describe_pane (pane);
      made = describe_pane (fresh);
      g_assert_cmpstr (updated, ==, made);
    }
  g_assert_cmpint (weft_timeline_index_find_lane (weft_timeline_pane_get_index (pane), "group:Elsewhere"), >=, 0);
}

/* ---- Colours ------------------------------------------------------------ */

/* CIEDE2000 between two sRGB colours. */
static void
to_lab (const WeftTimelineColor *c,
        double                   lab[3])
{
  double rgb[3] = { c->red, c->green, c->blue }, xyz[3], f[3];
  static const double white[3] = { 0.95047, 1.0, 1.08883 };

  for (guint i = 0; i < 3; i++)
    rgb[i] = rgb[i] <= 0.04045 ? rgb[i] / 12.92 : pow ((rgb[i] + 0.055) / 1.055, 2.4);
  xyz[0] = 0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2];
  xyz[1] = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
  xyz[2] = 0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2];
  for (guint i = 0; i < 3; i++)
    {
      double t = xyz[i] / white[i];

      f[i] = t > 0.008856 ? cbrt (t) : 7.787 * t + 16.0 / 116;
    }
  lab[0] = 116 * f[1] - 16;
  lab[1] = 500 * (f[0] - f[1]);
  lab[2] = 200 * (f[1] - f[2]);
}

static double
delta_e2000 (const WeftTimelineColor *c1,
             const WeftTimelineColor *c2)
{
  double l1[3], l2[3], deg = G_PI / 180;
  double C1, C2, Cb, G, a1, a2, C1p, C2p, h1, h2, dL, dC, dh, dH, Lb, Cbp, hb, T, dth, Rc, Sl, Sc, Sh, Rt;

  to_lab (c1, l1);
  to_lab (c2, l2);
  C1 = hypot (l1[1], l1[2]);
  C2 = hypot (l2[1], l2[2]);
  Cb = (C1 + C2) / 2;
  G = 0.5 * (1 - sqrt (pow (Cb, 7) / (pow (Cb, 7) + pow (25, 7))));
  a1 = (1 + G) * l1[1];
  a2 = (1 + G) * l2[1];
  C1p = hypot (a1, l1[2]);
  C2p = hypot (a2, l2[2]);
  h1 = fmod (atan2 (l1[2], a1) / deg + 360, 360);
  h2 = fmod (atan2 (l2[2], a2) / deg + 360, 360);
  dL = l2[0] - l1[0];
  dC = C2p - C1p;
  dh = C1p * C2p == 0 ? 0 : h2 - h1;
  if (dh > 180)
    dh -= 360;
  else if (dh < -180)
    dh += 360;
  dH = 2 * sqrt (C1p * C2p) * sin (dh / 2 * deg);
  Lb = (l1[0] + l2[0]) / 2;
  Cbp = (C1p + C2p) / 2;
  if (C1p * C2p == 0)
    hb = h1 + h2;
  else if (fabs (h1 - h2) > 180)
    hb = (h1 + h2 + 360) / 2;
  else
    hb = (h1 + h2) / 2;
  T = 1 - 0.17 * cos ((hb - 30) * deg) + 0.24 * cos (2 * hb * deg) + 0.32 * cos ((3 * hb + 6) * deg) -
      0.20 * cos ((4 * hb - 63) * deg);
  dth = 30 * exp (-pow ((hb - 275) / 25, 2));
  Rc = 2 * sqrt (pow (Cbp, 7) / (pow (Cbp, 7) + pow (25, 7)));
  Sl = 1 + 0.015 * pow (Lb - 50, 2) / sqrt (20 + pow (Lb - 50, 2));
  Sc = 1 + 0.045 * Cbp;
  Sh = 1 + 0.015 * Cbp * T;
  Rt = -sin (2 * dth * deg) * Rc;
  return sqrt (pow (dL / Sl, 2) + pow (dC / Sc, 2) + pow (dH / Sh, 2) + Rt * (dC / Sc) * (dH / Sh));
}

/* Lanes (event groups, and events without one) never take a claim
 * status's colour: every lane colour is at least 20 CIEDE2000 from every
 * status colour (a just noticeable difference is about 1 to 2; the
 * statuses differ from each other by 25 to 70), and at least 3:1 against
 * the background, so that bars and points show. */
static void
test_render_lane_colours (void)
{
  for (guint dark = 0; dark < 2; dark++)
    {
      const WeftTimelinePalette *p = weft_timeline_palette_get (dark);

      for (guint c = 0; c <= WEFT_TIMELINE_N_CATEGORIES; c++)
        {
          const WeftTimelineColor *lane = c < WEFT_TIMELINE_N_CATEGORIES ? &p->categories[c] : &p->neutral;

          for (guint s = 0; s < WEFT_N_STATUSES; s++)
            if (delta_e2000 (lane, &p->statuses[s]) < 20)
              g_error ("%s palette: lane colour %u is %.1f from the colour of “%s”", dark ? "dark" : "light", c,
                       delta_e2000 (lane, &p->statuses[s]), weft_claim_status_label (s));
          g_assert_cmpfloat (weft_timeline_color_contrast (lane, &p->background), >=, 3);
          for (guint d = 0; d < c; d++)
            g_assert_cmpfloat (delta_e2000 (lane, &p->categories[d]), >=, 15);
        }
    }

  /* Every item's colour is one of those. */
  {
    g_autoptr(WeftDataset) dataset = weft_test_load_example ();
    g_autoptr(WeftTimelineIndex) index = weft_timeline_index_new (dataset, WEFT_TIMELINE_LANES_ENTITY);
    const WeftTimelinePalette *p = weft_timeline_palette_get (FALSE);

    for (guint i = 0; i < weft_timeline_index_get_n_items (index); i++)
      {
        const WeftTimelineColor *c = weft_timeline_palette_item_color (p, weft_timeline_index_get_item (index, i));

        for (guint s = 0; s < WEFT_N_STATUSES; s++)
          g_assert_false (memcmp (c, &p->statuses[s], sizeof *c) == 0);
      }
  }
}

/* Every text the renderer draws, on everything it draws it on, at least
 * 4.5:1, in both palettes: the backgrounds composed here as the renderer
 * draws them (weft-timeline-render.c), eras in the palette's colours and
 * in colours from data at their worst. */
/* Era colours from data at their worst, and some ordinary ones. */
static const WeftTimelineColor data_colours[] = {
  { 0, 0, 0, 1 }, { 1, 1, 1, 1 }, { 0.5, 0.5, 0.5, 1 }, { 1, 0, 0, 1 }, { 0, 1, 0, 1 }, { 0, 0, 1, 1 },
  { 1, 1, 0, 1 }, { 0.56, 0.75, 0.56, 1 }, { 0.2, 0.1, 0.4, 1 }, { 0.9, 0.8, 0.95, 1 },
};

static void
test_render_contrast (void)
{
  for (guint dark = 0; dark < 2; dark++)
    {
      const WeftTimelinePalette *p = weft_timeline_palette_get (dark);
      const char *mode = dark ? "dark" : "light";
      WeftTimelineColor lanes[256], window, selection, hover, pill, band, windowed_header;
      guint n_lanes = 0;

      /* Behind the lanes: the background, every other lane striped, each
       * era's tint; the time window over that, the selected or hovered
       * event's box over that. */
      lanes[n_lanes++] = p->background;
      weft_timeline_color_over (&p->lane_stripe, &p->background, &lanes[n_lanes++]);
      window = p->window;
      window.alpha *= 1.6;
      weft_timeline_color_over (&window, &p->header, &windowed_header);
      for (guint e = 0; e < WEFT_TIMELINE_N_CATEGORIES + G_N_ELEMENTS (data_colours); e++)
        {
          const WeftTimelineColor *era = e < WEFT_TIMELINE_N_CATEGORIES ? &p->categories[e]
                                                                        : &data_colours[e - WEFT_TIMELINE_N_CATEGORIES];
          WeftTimelineColor tint;

          weft_timeline_palette_era_tint (p, era, TRUE, &tint);
          /* The palette's own colours do tint (a white era on a dark
           * lane may not). */
          if (e < WEFT_TIMELINE_N_CATEGORIES)
            g_assert_cmpfloat (tint.alpha, >, 0.05);
          weft_timeline_color_over (&tint, &lanes[0], &lanes[n_lanes++]);
          weft_timeline_color_over (&tint, &lanes[1], &lanes[n_lanes++]);

          /* Its band on the axis with its title, over the time window or
           * not. */
          weft_timeline_palette_era_tint (p, era, FALSE, &tint);
          if (e < WEFT_TIMELINE_N_CATEGORIES)
            g_assert_cmpfloat (tint.alpha, >, 0.2);
          weft_timeline_color_over (&tint, &p->header, &band);
          g_assert_cmpfloat (weft_timeline_color_contrast (&p->text, &band), >=, 4.5);
          weft_timeline_color_over (&tint, &windowed_header, &band);
          g_assert_cmpfloat (weft_timeline_color_contrast (&p->text, &band), >=, 4.5);
        }
      for (guint i = 0, n = n_lanes; i < n; i++)
        weft_timeline_color_over (&p->window, &lanes[i], &lanes[n_lanes++]);
      for (guint i = 0, n = n_lanes; i < n; i++)
        {
          selection = p->accent;
          selection.alpha = 0.16;
          weft_timeline_color_over (&selection, &lanes[i], &lanes[n_lanes++]);
          hover = p->accent;
          hover.alpha = 0.08;
          weft_timeline_color_over (&hover, &lanes[i], &lanes[n_lanes++]);
        }
      g_assert_cmpuint (n_lanes, <=, G_N_ELEMENTS (lanes));

      for (guint i = 0; i < n_lanes; i++)
        {
          /* Titles and lane names; counts and dimmed events' titles. */
          if (weft_timeline_color_contrast (&p->text, &lanes[i]) < 4.5 ||
              weft_timeline_color_contrast (&p->text_dim, &lanes[i]) < 4.5)
            g_error ("%s: text on lane background %u: %.2f, %.2f", mode, i,
                     weft_timeline_color_contrast (&p->text, &lanes[i]),
                     weft_timeline_color_contrast (&p->text_dim, &lanes[i]));
          /* A cluster's number on its pill, dimmed or not. */
          for (double alpha = 0.5; alpha <= 1; alpha += 0.5)
            {
              WeftTimelineColor c = p->cluster;

              c.alpha *= alpha;
              weft_timeline_color_over (&c, &lanes[i], &pill);
              g_assert_cmpfloat (weft_timeline_color_contrast (&p->cluster_text, &pill), >=, 4.5);
            }
        }

      /* The axis' labels, over the time window or not; the exports'
       * headings and legend on the page. */
      g_assert_cmpfloat (weft_timeline_color_contrast (&p->text, &p->header), >=, 4.5);
      g_assert_cmpfloat (weft_timeline_color_contrast (&p->text_dim, &p->header), >=, 4.5);
      g_assert_cmpfloat (weft_timeline_color_contrast (&p->text, &windowed_header), >=, 4.5);
      g_assert_cmpfloat (weft_timeline_color_contrast (&p->text_dim, &windowed_header), >=, 4.5);
      g_assert_cmpfloat (weft_timeline_color_contrast (&p->text_dim, &p->background), >=, 4.5);
      weft_timeline_color_over (&p->cluster, &p->background, &pill);
      g_assert_cmpfloat (weft_timeline_color_contrast (&p->cluster_text, &pill), >=, 4.5);
    }

  /* The colour test itself: white on black is 21:1, a grey on itself 1. */
  {
    WeftTimelineColor white = { 1, 1, 1, 1 }, black = { 0, 0, 0, 1 }, grey = { 0.5, 0.5, 0.5, 1 };

    g_assert_cmpfloat_with_epsilon (weft_timeline_color_contrast (&white, &black), 21, 1e-9);
    g_assert_cmpfloat_with_epsilon (weft_timeline_color_contrast (&grey, &grey), 1, 1e-9);
  }
}

static const char * const role_names[WEFT_TIMELINE_N_TEXTS] = {
  "title", "tick", "major tick", "lane", "era", "count", "heading", "legend",
};
static const char * const state_names[WEFT_TIMELINE_N_STATES] = { "plain", "dimmed", "lit", "selected" };

/* @tint over every colour of @under, appended to @out (which @under may
 * lie in: appending moves it). */
static void
add_tinted (GArray                  *out,
            const WeftTimelineColor *tint,
            const WeftTimelineColor *under,
            guint                    n_under)
{
  g_autofree WeftTimelineColor *copy = g_memdup2 (under, n_under * sizeof (WeftTimelineColor));

  for (guint i = 0; i < n_under; i++)
    {
      WeftTimelineColor c;

      weft_timeline_color_over (tint, &copy[i], &c);
      g_array_append_val (out, c);
    }
}

/* Every text role in every state, light and dark, as the painter draws
 * it: its colour (weft_timeline_palette_text_color(), with the dimming)
 * over what any state lays behind it (_text_tint(): boxes, lit lane rows,
 * cluster pills, or nothing) over everything of the region it is drawn
 * in: the lanes (background, stripes, every era's tint, the time window
 * over those), the axis (and the window there; an era's title on its
 * band), an export's page. At least 4.5:1 each. Claim marks, graphics
 * rather than text, at least 3:1 on every lane where they are not dimmed. */
static void
test_render_contrast_roles (void)
{
  guint n_checked = 0;

  for (guint dark = 0; dark < 2; dark++)
    {
      const WeftTimelinePalette *p = weft_timeline_palette_get (dark);
      g_autoptr(GArray) lanes = g_array_new (FALSE, FALSE, sizeof (WeftTimelineColor));
      g_autoptr(GArray) header = g_array_new (FALSE, FALSE, sizeof (WeftTimelineColor));
      g_autoptr(GArray) bands = g_array_new (FALSE, FALSE, sizeof (WeftTimelineColor));
      g_autoptr(GArray) page = g_array_new (FALSE, FALSE, sizeof (WeftTimelineColor));
      WeftTimelineColor stripe, window, tint;
      guint n_plain;

      g_array_append_val (lanes, p->background);
      weft_timeline_color_over (&p->lane_stripe, &p->background, &stripe);
      g_array_append_val (lanes, stripe);
      n_plain = lanes->len;
      g_array_append_val (header, p->header);
      weft_timeline_palette_window_tint (p, TRUE, &window);
      add_tinted (header, &window, &p->header, 1);
      g_array_append_val (page, p->background);
      for (guint e = 0; e < WEFT_TIMELINE_N_CATEGORIES + G_N_ELEMENTS (data_colours); e++)
        {
          const WeftTimelineColor *era = e < WEFT_TIMELINE_N_CATEGORIES ? &p->categories[e]
                                                                        : &data_colours[e - WEFT_TIMELINE_N_CATEGORIES];

          weft_timeline_palette_era_tint (p, era, TRUE, &tint);
          add_tinted (lanes, &tint, (const WeftTimelineColor *) lanes->data, n_plain);
          weft_timeline_palette_era_tint (p, era, FALSE, &tint);
          add_tinted (bands, &tint, (const WeftTimelineColor *) header->data, 2);
        }
      weft_timeline_palette_window_tint (p, FALSE, &window);
      add_tinted (lanes, &window, (const WeftTimelineColor *) lanes->data, lanes->len);

      for (guint role = 0; role < WEFT_TIMELINE_N_TEXTS; role++)
        {
          GArray *regions[2] = { NULL, NULL };

          switch (role)
            {
            case WEFT_TIMELINE_TEXT_LABEL:
            case WEFT_TIMELINE_TEXT_LANE:
            case WEFT_TIMELINE_TEXT_COUNT:
              regions[0] = lanes;
              break;
            case WEFT_TIMELINE_TEXT_LEGEND:   /* a lane's count; an export's legend and notes */
              regions[0] = lanes;
              regions[1] = page;
              break;
            case WEFT_TIMELINE_TEXT_TICK:
            case WEFT_TIMELINE_TEXT_MAJOR:
              regions[0] = header;
              break;
            case WEFT_TIMELINE_TEXT_ERA:
              regions[0] = bands;
              break;
            case WEFT_TIMELINE_TEXT_TITLE:
            default:
              regions[0] = page;
              break;
            }

          for (guint text_state = 0; text_state < WEFT_TIMELINE_N_STATES; text_state++)
            for (guint tint_state = 0; tint_state <= WEFT_TIMELINE_N_STATES; tint_state++)
              for (guint r = 0; r < G_N_ELEMENTS (regions) && regions[r] != NULL; r++)
                for (guint i = 0; i < regions[r]->len; i++)
                  {
                    const WeftTimelineColor *ink = weft_timeline_palette_text_color (p, role, text_state);
                    WeftTimelineColor behind;
                    double ratio;

                    /* (Past the states: nothing laid behind.) */
                    if (tint_state < WEFT_TIMELINE_N_STATES)
                      weft_timeline_palette_text_tint (p, role, tint_state, &tint);
                    else
                      tint.alpha = 0;
                    weft_timeline_color_over (&tint, &g_array_index (regions[r], WeftTimelineColor, i), &behind);
                    ratio = weft_timeline_color_contrast (ink, &behind);
                    if (ratio < 4.5)
                      g_error ("%s palette: %s text, %s, over the %s tint on background %u of region %u: %.2f:1",
                               dark ? "dark" : "light", role_names[role], state_names[text_state],
                               tint_state < WEFT_TIMELINE_N_STATES ? state_names[tint_state] : "no", i, r, ratio);
                    n_checked++;
                  }
        }

      /* The legend's heading, in the primary colour, on the page. */
      g_assert_cmpfloat (weft_timeline_color_contrast (&p->text, &p->background), >=, 4.5);

      /* A state changes what a title says through its colour or its box,
       * never by fading: dimmed text is opaque, and differs from plain. */
      g_assert_cmpfloat (weft_timeline_palette_text_color (p, WEFT_TIMELINE_TEXT_LABEL,
                                                           WEFT_TIMELINE_STATE_DIMMED)->alpha, ==, 1);
      g_assert_false (weft_timeline_palette_text_color (p, WEFT_TIMELINE_TEXT_LABEL, WEFT_TIMELINE_STATE_DIMMED) ==
                      weft_timeline_palette_text_color (p, WEFT_TIMELINE_TEXT_LABEL, WEFT_TIMELINE_STATE_PLAIN));
      weft_timeline_palette_text_tint (p, WEFT_TIMELINE_TEXT_LABEL, WEFT_TIMELINE_STATE_SELECTED, &tint);
      g_assert_cmpfloat (tint.alpha, >, 0);

      /* Claim marks on a lane's own background, in the time window or
       * not (era tints from data may take them lower). */
      for (guint s = 0; s < WEFT_N_STATUSES; s++)
        for (guint i = 0; i < 2 * n_plain; i++)
          {
            WeftTimelineColor under = g_array_index (lanes, WeftTimelineColor, i % n_plain);
            double ratio;

            if (i >= n_plain)
              weft_timeline_color_over (&window, &under, &under);
            ratio = weft_timeline_color_contrast (&p->statuses[s], &under);
            if (ratio < 3)
              g_error ("%s palette: the claim mark of “%s” on lane background %u: %.2f:1", dark ? "dark" : "light",
                       weft_claim_status_label (s), i, ratio);
          }
    }
  g_assert_cmpuint (n_checked, >, 10000);
}

/* No text below WEFT_TIMELINE_MIN_TEXT_SIZE pixels, whatever the screen's
 * text scaling: every role's font at 96 dpi. */
static void
test_render_text_size (void)
{
  static const double scales[] = { 0.25, 0.5, 0.75, 0.8, 1, 1.25, 2 };

  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    {
      g_autoptr(WeftTimelineRenderer) renderer = weft_timeline_renderer_new (NULL, scales[i]);

      for (guint role = 0; role < WEFT_TIMELINE_N_TEXTS; role++)
        {
          const PangoFontDescription *font = weft_timeline_renderer_get_font (renderer, role);
          double px = pango_font_description_get_size (font) / (double) PANGO_SCALE * 96 / 72;

          g_assert_false (pango_font_description_get_size_is_absolute (font));
          if (px < WEFT_TIMELINE_MIN_TEXT_SIZE - 0.01)
            g_error ("%s text at a font scale of %.2f: %.2f px", role_names[role], scales[i], px);
          /* At the usual scale, no smaller than 11 px. */
          if (scales[i] >= 1)
            g_assert_cmpfloat (px, >=, 11 * scales[i] - 0.01);
        }
    }
}

/* ---- Drawing ----------------------------------------------------------- */

/* The example as the painter lays it out: lanes measured by its fonts. */
typedef struct {
  WeftDataset               *dataset;
  WeftTimelineIndex         *index;
  WeftTimelineRenderer      *renderer;
  WeftTimelineFrame         *frame;
  WeftTimelineLayoutOptions  options;
} Example;

static void
example_init (Example           *e,
              WeftTimelineLanes  lanes)
{
  e->dataset = weft_test_load_example ();
  e->index = weft_timeline_index_new (e->dataset, lanes);
  e->renderer = weft_timeline_renderer_new (NULL, 1);
  e->frame = weft_timeline_frame_new ();
  weft_timeline_layout_options_init (&e->options);
  e->options.measure = weft_timeline_renderer_measure;
  e->options.measure_data = e->renderer;
}

static void
example_clear (Example *e)
{
  g_clear_pointer (&e->frame, weft_timeline_frame_free);
  g_clear_pointer (&e->renderer, weft_timeline_renderer_free);
  g_clear_pointer (&e->index, weft_timeline_index_free);
  g_clear_object (&e->dataset);
}

typedef struct {
  WeftTimelineTextRun run;
  char               *text;
} RecordedRun;

static void
recorded_run_clear (gpointer data)
{
  g_free (((RecordedRun *) data)->text);
}

static void
record_run (const WeftTimelineTextRun *run,
            gpointer                   data)
{
  RecordedRun r = { *run, g_strdup (run->text) };

  r.run.text = r.text;
  g_array_append_val ((GArray *) data, r);
}

static WeftTimelineColor
pixel_color (cairo_surface_t *surface,
             int              x,
             int              y)
{
  guint32 pixel = *(guint32 *) (cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface) + x * 4);

  return (WeftTimelineColor) { ((pixel >> 16) & 0xff) / 255.0, ((pixel >> 8) & 0xff) / 255.0, (pixel & 0xff) / 255.0, 1 };
}

/* One event with one claim, citing its source or (@cited FALSE) none. */
#define UNSOURCED_DOC \
  "{\"weft\": 1, \"title\": \"Unsourced\", \"sources\": [{\"id\": \"s1\", \"title\": \"S\", \"kind\": \"article\"}],\n" \
  " \"entities\": [{\"id\": \"e1\", \"name\": \"IBM\", \"kind\": \"company\"}],\n" \
  " \"events\": [{\"id\": \"v1\", \"title\": \"A\", \"date\": \"2010\", \"claims\": [\"k1\"],\n" \
  "   \"participants\": [{\"entity\": \"e1\"}]}],\n" \
  " \"claims\": [{\"id\": \"k1\", \"text\": \"Said\", \"status\": \"reported\", \"about\": [\"e1\"],\n" \
  "   \"citations\": [%s]}],\n" \
  " \"relations\": []}\n"

/* Draws the frame and the legend of the unsourced_doc (@cited or not)
 * into @surface; the legend's texts go to @runs. */
static gboolean
draw_unsourced (gboolean         cited,
                cairo_surface_t *surface,
                GArray          *runs)
{
  g_autofree char *text = g_strdup_printf (UNSOURCED_DOC, cited ? "{\"source\": \"s1\", \"quote\": \"Said\"}" : "");
  g_autoptr(WeftDataset) dataset = weft_test_load_text (text, "unsourced.weft");
  WeftTimelineIndex *index = weft_timeline_index_new (dataset, WEFT_TIMELINE_LANES_ENTITY);
  WeftTimelineRenderer *renderer = weft_timeline_renderer_new (NULL, 1);
  WeftTimelineFrame *frame = weft_timeline_frame_new ();
  WeftTimelineLayoutOptions options;
  WeftTimelineRenderState state;
  WeftTimelineScale s;
  gboolean has_unsourced = weft_timeline_index_has_unsourced (index);
  const guint8 *statuses;
  guint n_claims;
  cairo_t *cr = cairo_create (surface);

  statuses = weft_timeline_index_get_claim_statuses (index, (WeftEvent *) weft_dataset_lookup (dataset, "v1"), &n_claims);
  g_assert_cmpuint (n_claims, ==, 1);
  g_assert_cmpuint (statuses[0] & ~WEFT_TIMELINE_CLAIM_UNSOURCED, ==, WEFT_STATUS_REPORTED);
  g_assert_cmpuint (statuses[0] & WEFT_TIMELINE_CLAIM_UNSOURCED, ==, cited ? 0 : WEFT_TIMELINE_CLAIM_UNSOURCED);
  weft_timeline_layout_options_init (&options);
  options.measure = weft_timeline_renderer_measure;
  options.measure_data = renderer;
  weft_timeline_scale_init (&s, (double) ymd (2009, 1, 1), (double) ymd (2012, 1, 1), 400);
  weft_timeline_layout (index, &s, &options, frame);
  weft_timeline_render_state_init (&state, NULL);
  state.has_unsourced = has_unsourced;
  weft_timeline_renderer_draw (renderer, cr, frame, &state);
  state.text_func = record_run;
  state.text_data = runs;
  weft_timeline_renderer_draw_legend (renderer, cr, &state, 0, 0, 400);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  weft_timeline_frame_free (frame);
  weft_timeline_renderer_free (renderer);
  weft_timeline_index_free (index);
  return has_unsourced;
}

/* A claim that cites no source is drawn hollow, and the legend then
 * says so; a cited one is drawn as before, without that entry. */
static void
test_render_unsourced (void)
{
  cairo_surface_t *surfaces[2];
  gboolean said[2] = { FALSE, FALSE };
  guint n_differ = 0;

  for (guint cited = 0; cited < 2; cited++)
    {
      g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (RecordedRun));

      g_array_set_clear_func (runs, recorded_run_clear);
      surfaces[cited] = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, 200);
      g_assert_true (draw_unsourced (cited, surfaces[cited], runs) == !cited);
      for (guint i = 0; i < runs->len; i++)
        said[cited] |= g_strcmp0 (g_array_index (runs, RecordedRun, i).run.text, "No source cited") == 0;
    }
  g_assert_true (said[0]);
  g_assert_false (said[1]);
  for (int y = 0; y < 200; y++)
    for (int x = 0; x < 400; x++)
      {
        WeftTimelineColor a = pixel_color (surfaces[0], x, y), b = pixel_color (surfaces[1], x, y);

        n_differ += a.red != b.red || a.green != b.green || a.blue != b.blue;
      }
  g_assert_cmpuint (n_differ, >, 0);
  cairo_surface_destroy (surfaces[0]);
  cairo_surface_destroy (surfaces[1]);
}

/* Text as drawn, sampled against what is behind it: a frame of the
 * example (lanes by entity, the CCP's events lit and its lane tinted, the rest
 * dimmed, one event selected, a time window, eras) drawn once without
 * its text (which is recorded) and once with it. Where a text's ink
 * covers a pixel whole, the two pixels are text and background: for
 * every text drawn, the most different pixel pair in its ink is at least
 * 4.5:1 apart, in light and dark. */
static void
test_render_text_pixels (void)
{
  Example e;
  g_autoptr(GHashTable) collapsed = g_hash_table_new (g_str_hash, g_str_equal);
  WeftDataset *dataset;
  WeftTimelineIndex *index;
  WeftTimelineFrame *frame;
  WeftEntity *ccp;
  g_autofree guint8 *highlight = NULL;
  g_autofree guint8 *lit_lanes = NULL;
  WeftTimelineScale s;
  WeftEvent **events;
  guint n_events;
  int lane;

  example_init (&e, WEFT_TIMELINE_LANES_ENTITY);
  dataset = e.dataset;
  index = e.index;
  frame = e.frame;
  ccp = weft_dataset_lookup_entity (dataset, "ent-ccp");
  highlight = g_new0 (guint8, weft_dataset_get_events (dataset)->len);
  lit_lanes = g_new0 (guint8, weft_timeline_index_get_n_lanes (index));
  e.options.max_rows = 2;
  /* Collapsed lanes count their events in clusters. */
  e.options.collapsed = collapsed;
  g_hash_table_add (collapsed, (gpointer) "entity:ent-china");
  g_hash_table_add (collapsed, (gpointer) "entity:ent-smart-city");
  weft_timeline_scale_init (&s, (double) ymd (2006, 1, 1), (double) ymd (2022, 6, 1), 1400);
  weft_timeline_layout (index, &s, &e.options, frame);

  g_assert_nonnull (ccp);
  events = weft_dataset_get_entity_events (dataset, ccp, &n_events);
  g_assert_cmpuint (n_events, >=, 2);
  for (guint i = 0; i < n_events; i++)
    highlight[events[i]->item.index] = 1;
  lane = weft_timeline_index_find_lane (index, "entity:ent-ccp");
  g_assert_cmpint (lane, >=, 0);
  lit_lanes[lane] = 1;

  for (guint dark = 0; dark < 2; dark++)
    {
      const WeftTimelinePalette *p = weft_timeline_palette_get (dark);
      int w = 1400, h = (int) ceil (frame->header_height + frame->lanes_height);
      cairo_surface_t *bare = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
      cairo_surface_t *drawn = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
      g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (RecordedRun));
      WeftTimelineRenderState state;
      guint n_checked = 0, n_dimmed = 0, roles = 0;
      double worst = 21;
      cairo_t *cr;

      g_array_set_clear_func (runs, recorded_run_clear);
      weft_timeline_render_state_init (&state, p);
      state.highlight = highlight;
      state.n_highlight = weft_dataset_get_events (dataset)->len;
      state.selected = events[0];
      state.lit_lanes = lit_lanes;
      state.n_lit_lanes = weft_timeline_index_get_n_lanes (index);
      state.has_window = TRUE;
      state.window_lower = (double) ymd (2018, 1, 1);
      state.window_upper = (double) ymd (2020, 12, 31);

      state.text_func = record_run;
      state.text_data = runs;
      cr = cairo_create (bare);
      weft_timeline_renderer_draw (e.renderer, cr, frame, &state);
      cairo_destroy (cr);
      state.text_func = NULL;
      cr = cairo_create (drawn);
      weft_timeline_renderer_draw (e.renderer, cr, frame, &state);
      cairo_destroy (cr);
      cairo_surface_flush (bare);
      cairo_surface_flush (drawn);

      for (guint i = 0; i < runs->len; i++)
        {
          const WeftTimelineTextRun *run = &g_array_index (runs, RecordedRun, i).run;
          g_autoptr(PangoLayout) layout = weft_timeline_renderer_create_layout (e.renderer, run->role, run->text,
                                                                                run->max_width);
          PangoRectangle ink;
          int x0, y0, x1, y1;
          double best = 1;

          pango_layout_get_pixel_extents (layout, &ink, NULL);
          x0 = MAX ((int) floor (run->x + ink.x), 0);
          x1 = MIN ((int) ceil (run->x + ink.x + ink.width), w);
          y0 = MAX ((int) floor (run->y + ink.y), run->region == WEFT_TIMELINE_REGION_LANES ? (int) ceil (frame->header_height) : 0);
          y1 = MIN ((int) ceil (run->y + ink.y + ink.height), h);
          /* Clipped away (under the axis, off the edge), or too little to
           * judge by its pixels (a title cut to its ellipsis). */
          if (x1 - x0 < 3 || y1 - y0 < 6 || (run->role != WEFT_TIMELINE_TEXT_COUNT && g_utf8_strlen (run->text, -1) < 2))
            continue;

          for (int y = y0; y < y1; y++)
            for (int x = x0; x < x1; x++)
              {
                WeftTimelineColor a = pixel_color (drawn, x, y), b = pixel_color (bare, x, y);

                best = MAX (best, weft_timeline_color_contrast (&a, &b));
              }
          if (best < 4.5)
            g_error ("%s: “%s” (%s text) is drawn at %.2f:1 against what is behind it", dark ? "dark" : "light",
                     run->text, role_names[run->role], best);
          worst = MIN (worst, best);
          n_checked++;
          roles |= 1u << run->role;
          if (run->role == WEFT_TIMELINE_TEXT_LABEL && run->color == &p->text_dim)
            n_dimmed++;
        }
      g_test_message ("%s: %u texts, the least contrast %.2f:1", dark ? "dark" : "light", n_checked, worst);
      /* Titles (lit, dimmed, selected), lanes, counts, ticks, eras. */
      g_assert_cmpuint (n_checked, >=, 40);
      g_assert_cmpuint (n_dimmed, >=, 10);
      for (guint role = 0; role <= WEFT_TIMELINE_TEXT_COUNT; role++)
        if (!(roles & (1u << role)))
          g_error ("%s: no %s text was sampled", dark ? "dark" : "light", role_names[role]);

      if (g_getenv ("WEFT_TEST_KEEP") != NULL)
        cairo_surface_write_to_png (drawn, dark ? "test-timeline-text-dark.png" : "test-timeline-text-light.png");
      cairo_surface_destroy (bare);
      cairo_surface_destroy (drawn);
    }
  example_clear (&e);
}

static void
test_render_pixels (void)
{
  Example e;
  WeftTimelineIndex *index;
  WeftTimelineRenderer *renderer;
  WeftTimelineFrame *frame;
  WeftTimelineRenderState state;
  WeftTimelineScale s;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n_checked = 0;

  example_init (&e, WEFT_TIMELINE_LANES_GROUP);
  index = e.index;
  renderer = e.renderer;
  frame = e.frame;
  weft_timeline_scale_init (&s, (double) ymd (1999, 1, 1), (double) ymd (2023, 6, 1), 1200);
  weft_timeline_layout (index, &s, &e.options, frame);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1200, (int) (frame->header_height + frame->lanes_height));
  cr = cairo_create (surface);
  weft_timeline_render_state_init (&state, weft_timeline_palette_get (FALSE));
  weft_timeline_renderer_draw (renderer, cr, frame, &state);
  cairo_surface_flush (surface);

  /* Every solid bar is drawn in its group's colour, at its place. */
  for (guint i = 0; i < frame->marks->len; i++)
    {
      const WeftTimelineMark *mark = &g_array_index (frame->marks, WeftTimelineMark, i);
      const WeftTimelineItem *item;
      const WeftTimelineColor *c;
      guint32 pixel;
      int x, y;

      if (mark->kind != WEFT_TIMELINE_MARK_EVENT)
        continue;
      item = weft_timeline_index_get_item (index, mark->item);
      if (item->shape != WEFT_TIMELINE_SHAPE_BAR || item->open_start || item->open_end ||
          item->start_flags || item->end_flags || mark->x1 - mark->x0 < 10)
        continue;
      c = weft_timeline_palette_item_color (weft_timeline_palette_get (FALSE), item);
      x = (int) ((mark->x0 + mark->x1) / 2);
      y = (int) (frame->header_height + mark->y + e.options.metrics.row_height - 9);
      pixel = *(guint32 *) (cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface) + x * 4);
      g_assert_cmpint (abs ((int) ((pixel >> 16) & 0xff) - (int) (c->red * 255)), <=, 2);
      g_assert_cmpint (abs ((int) ((pixel >> 8) & 0xff) - (int) (c->green * 255)), <=, 2);
      g_assert_cmpint (abs ((int) (pixel & 0xff) - (int) (c->blue * 255)), <=, 2);
      n_checked++;
    }
  g_assert_cmpuint (n_checked, >=, 2);

  if (g_getenv ("WEFT_TEST_KEEP") != NULL)
    cairo_surface_write_to_png (surface, "test-timeline-render.png");
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  example_clear (&e);
}

static void
test_render_ellipsize (void)
{
  g_autoptr(WeftTimelineRenderer) renderer = weft_timeline_renderer_new (NULL, 1);
  const char *text = "Chinese regime installs temperature-reading cameras in subways";
  double full = weft_timeline_renderer_measure (WEFT_TIMELINE_TEXT_LABEL, text, renderer);
  g_autofree char *same = weft_timeline_renderer_ellipsize (renderer, WEFT_TIMELINE_TEXT_LABEL, text, full + 1);
  g_autofree char *cut = weft_timeline_renderer_ellipsize (renderer, WEFT_TIMELINE_TEXT_LABEL, text, full / 2);

  g_assert_cmpfloat (full, >, 100);
  g_assert_cmpstr (same, ==, text);
  g_assert_true (g_str_has_suffix (cut, "…"));
  g_assert_cmpfloat (weft_timeline_renderer_measure (WEFT_TIMELINE_TEXT_LABEL, cut, renderer), <=, full / 2 + 0.5);
  g_assert_cmpfloat (weft_timeline_renderer_measure (WEFT_TIMELINE_TEXT_LABEL, cut, renderer), >, full / 2 - 30);

  /* Colours from data. */
  {
    WeftTimelineColor c, fallback = { 0.1, 0.2, 0.3, 1 };

    weft_timeline_color_parse ("#8fbf8f", &fallback, &c);
    g_assert_cmpfloat_with_epsilon (c.red, 0x8f / 255.0, 1e-9);
    g_assert_cmpfloat_with_epsilon (c.green, 0xbf / 255.0, 1e-9);
    weft_timeline_color_parse ("#fff", &fallback, &c);
    g_assert_cmpfloat_with_epsilon (c.blue, 1, 1e-9);
    weft_timeline_color_parse ("red; <script>", &fallback, &c);
    g_assert_cmpfloat (c.red, ==, 0.1);
    weft_timeline_color_parse (NULL, &fallback, &c);
    g_assert_cmpfloat (c.blue, ==, 0.3);
  }
}

static void
test_index_colliding_groups (void)
{
  /* Group names made of "aB" and "b!" blocks share one g_str_hash(): the
   * lane tables used it, and 16,384 such groups took 9.6 s to index
   * instead of 0.3 s. With the keyed hash (weft-hash.h) every group still
   * gets its own lane, found by its key. */
  g_autoptr(GString) doc = g_string_new ("{\"weft\": 1, \"title\": \"t\", "
                                         "\"entities\": [{\"id\": \"e\", \"name\": \"E\", \"kind\": \"person\"}], "
                                         "\"events\": [");
  g_autoptr(GError) error = NULL;
  g_autoptr(WeftDataset) dataset = NULL;
  g_autoptr(WeftTimelineIndex) index = NULL;
  guint n = 1024;

  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (doc, "%s{\"id\": \"v%u\", \"title\": \"t\", \"date\": \"2020\", "
                              "\"participants\": [{\"entity\": \"e\"}], \"group\": \"", i ? ", " : "", i);
      for (guint b = 0; b < 10; b++)
        g_string_append (doc, (i >> b) & 1 ? "b!" : "aB");
      g_string_append (doc, "\"}");
    }
  g_string_append (doc, "]}");

  dataset = weft_dataset_load_data (doc->str, doc->len, "groups.weft", NULL, &error);
  g_assert_no_error (error);
  index = weft_timeline_index_new (dataset, WEFT_TIMELINE_LANES_GROUP);
  g_assert_cmpuint (weft_timeline_index_get_n_lanes (index), ==, n);
  for (guint i = 0; i < n; i++)
    {
      char key[6 + 20 + 1] = "group:";

      for (guint b = 0; b < 10; b++)
        memcpy (key + 6 + 2 * b, (i >> b) & 1 ? "b!" : "aB", 2);
      key[26] = '\0';
      g_assert_cmpint (weft_timeline_index_find_lane (index, key), >=, 0);
    }
}

int
main (int    argc,
      char **argv)
{
  weft_test_init (&argc, &argv);

  g_test_add_func ("/weft/timeline/scale/basics", test_scale_basics);
  g_test_add_func ("/weft/timeline/scale/date-extent", test_scale_date_extent);
  g_test_add_func ("/weft/timeline/ticks/scales", test_ticks_scales);
  g_test_add_func ("/weft/timeline/ticks/bce", test_ticks_bce);
  g_test_add_func ("/weft/timeline/index/lanes", test_index_lanes);
  g_test_add_func ("/weft/timeline/index/colliding-groups", test_index_colliding_groups);
  g_test_add_func ("/weft/timeline/index/query", test_index_query);
  g_test_add_func ("/weft/timeline/layout/random", test_layout_random);
  g_test_add_func ("/weft/timeline/layout/example", test_layout_example);
  g_test_add_func ("/weft/timeline/layout/linked", test_layout_linked);
  g_test_add_func ("/weft/timeline/layout/clusters", test_layout_clusters);
  g_test_add_func ("/weft/timeline/layout/label-cache", test_layout_label_cache);
  g_test_add_func ("/weft/timeline/layout/eras", test_layout_eras);
  g_test_add_func ("/weft/timeline/pane/fills-height", test_pane_fills_height);
  g_test_add_func ("/weft/timeline/pane/rows", test_pane_rows);
  g_test_add_func ("/weft/timeline/pane/update", test_pane_update);
  g_test_add_func ("/weft/timeline/render/lane-colours", test_render_lane_colours);
  g_test_add_func ("/weft/timeline/render/contrast", test_render_contrast);
  g_test_add_func ("/weft/timeline/render/contrast-roles", test_render_contrast_roles);
  g_test_add_func ("/weft/timeline/render/text-size", test_render_text_size);
  g_test_add_func ("/weft/timeline/render/text-pixels", test_render_text_pixels);
  g_test_add_func ("/weft/timeline/render/pixels", test_render_pixels);
  g_test_add_func ("/weft/timeline/render/unsourced", test_render_unsourced);
  g_test_add_func ("/weft/timeline/render/ellipsize", test_render_ellipsize);

  return weft_test_run ();
}
