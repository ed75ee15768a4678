/* test-date.c: EDTF parsing, day arithmetic and date labels
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-test"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib.h>

#include "weft-date.h"
#include "weft-error.h"
#include "weft-test.h"

#define P(name) WEFT_DATE_PRECISION_##name

#define F_NONE  WEFT_DATE_FLAG_NONE
#define F_APPROX WEFT_DATE_FLAG_APPROXIMATE
#define F_UNCERT WEFT_DATE_FLAG_UNCERTAIN
#define F_BOTH  (WEFT_DATE_FLAG_APPROXIMATE | WEFT_DATE_FLAG_UNCERTAIN)
#define F_X     WEFT_DATE_FLAG_UNSPECIFIED
#define F_OPEN  WEFT_DATE_FLAG_OPEN
#define F_UNK   WEFT_DATE_FLAG_UNKNOWN

/* Years outside any table, marking the open bounds. */
#define OPEN_LO G_MININT64
#define OPEN_HI G_MAXINT64

static gint64
civil (gint64 y,
       guint  m,
       guint  d)
{
  if (y == OPEN_LO)
    return WEFT_DAY_OPEN_LOWER;
  if (y == OPEN_HI)
    return WEFT_DAY_OPEN_UPPER;
  return weft_days_from_civil (y, m, d);
}

/* A path component for g_test: no '/', only printable ASCII. */
static char *
test_path (const char *prefix,
           guint       index,
           const char *text)
{
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "/weft/date/%s/%03u-", prefix, index);
  if (text == NULL)
    g_string_append (s, "NULL");
  else if (*text == '\0')
    g_string_append (s, "empty");
  for (const char *q = text; q != NULL && *q != '\0'; q++)
    {
      guchar c = (guchar) *q;

      if (c == '/')
        g_string_append_c (s, '|');
      else if (c > 0x20 && c < 0x7f)
        g_string_append_c (s, (char) c);
      else
        g_string_append_c (s, '_');
    }

  return g_string_free (s, FALSE);
}

/* ------------------------------------------------------------------ */
/* Single dates                                                        */
/* ------------------------------------------------------------------ */

typedef struct {
  const char       *text;
  gint64            ly;
  guint             lm, ld;
  gint64            uy;
  guint             um, ud;
  WeftDatePrecision precision;
  WeftDateFlags     flags;
  int               year, month, day;
} PointCase;

static const PointCase point_cases[] = {
  /* Level 0 */
  { "2021",        2021, 1, 1,    2021, 12, 31, P (YEAR),  F_NONE, 2021, 0, 0 },
  { "2008",        2008, 1, 1,    2008, 12, 31, P (YEAR),  F_NONE, 2008, 0, 0 },
  { "2021-10",     2021, 10, 1,   2021, 10, 31, P (MONTH), F_NONE, 2021, 10, 0 },
  { "2021-10-05",  2021, 10, 5,   2021, 10, 5,  P (DAY),   F_NONE, 2021, 10, 5 },
  { "2020-01-15",  2020, 1, 15,   2020, 1, 15,  P (DAY),   F_NONE, 2020, 1, 15 },
  { "2021-04",     2021, 4, 1,    2021, 4, 30,  P (MONTH), F_NONE, 2021, 4, 0 },
  { "2021-02",     2021, 2, 1,    2021, 2, 28,  P (MONTH), F_NONE, 2021, 2, 0 },
  { "2024-02",     2024, 2, 1,    2024, 2, 29,  P (MONTH), F_NONE, 2024, 2, 0 },
  { "1900-02",     1900, 2, 1,    1900, 2, 28,  P (MONTH), F_NONE, 1900, 2, 0 },
  { "2000-02",     2000, 2, 1,    2000, 2, 29,  P (MONTH), F_NONE, 2000, 2, 0 },
  { "2000-02-29",  2000, 2, 29,   2000, 2, 29,  P (DAY),   F_NONE, 2000, 2, 29 },
  { "2024-02-29",  2024, 2, 29,   2024, 2, 29,  P (DAY),   F_NONE, 2024, 2, 29 },
  { "1970-01-01",  1970, 1, 1,    1970, 1, 1,   P (DAY),   F_NONE, 1970, 1, 1 },
  { "0001-01-01",  1, 1, 1,       1, 1, 1,      P (DAY),   F_NONE, 1, 1, 1 },
  { "9999-12-31",  9999, 12, 31,  9999, 12, 31, P (DAY),   F_NONE, 9999, 12, 31 },
  { "0000",        0, 1, 1,       0, 12, 31,    P (YEAR),  F_NONE, 0, 0, 0 },
  { "0000-02",     0, 2, 1,       0, 2, 29,     P (MONTH), F_NONE, 0, 2, 0 },
  { "0079-08-24",  79, 8, 24,     79, 8, 24,    P (DAY),   F_NONE, 79, 8, 24 },
  /* Times are checked, then ignored */
  { "2021-10-05T14:30:00",       2021, 10, 5, 2021, 10, 5, P (DAY), F_NONE, 2021, 10, 5 },
  { "2021-10-05T14:30:00Z",      2021, 10, 5, 2021, 10, 5, P (DAY), F_NONE, 2021, 10, 5 },
  { "2021-10-05T14:30:00+02:00", 2021, 10, 5, 2021, 10, 5, P (DAY), F_NONE, 2021, 10, 5 },
  { "2021-10-05T23:59:59-05:00", 2021, 10, 5, 2021, 10, 5, P (DAY), F_NONE, 2021, 10, 5 },
  { "2021-10-05T00:00:00+05",    2021, 10, 5, 2021, 10, 5, P (DAY), F_NONE, 2021, 10, 5 },
  /* Negative years */
  { "-0043",       -43, 1, 1,     -43, 12, 31,  P (YEAR),  F_NONE, -43, 0, 0 },
  { "-0043-03",    -43, 3, 1,     -43, 3, 31,   P (MONTH), F_NONE, -43, 3, 0 },
  { "-0043-03-15", -43, 3, 15,    -43, 3, 15,   P (DAY),   F_NONE, -43, 3, 15 },
  { "-0001-02",    -1, 2, 1,      -1, 2, 28,    P (MONTH), F_NONE, -1, 2, 0 },
  { "-0004-02",    -4, 2, 1,      -4, 2, 29,    P (MONTH), F_NONE, -4, 2, 0 },
  { "-0100-02",    -100, 2, 1,    -100, 2, 28,  P (MONTH), F_NONE, -100, 2, 0 },
  { "-0400-02-29", -400, 2, 29,   -400, 2, 29,  P (DAY),   F_NONE, -400, 2, 29 },
  { "-9999",       -9999, 1, 1,   -9999, 12, 31, P (YEAR), F_NONE, -9999, 0, 0 },
  /* Extended years */
  { "Y170000",     170000, 1, 1,  170000, 12, 31,  P (YEAR), F_NONE, 170000, 0, 0 },
  { "Y-170000",    -170000, 1, 1, -170000, 12, 31, P (YEAR), F_NONE, -170000, 0, 0 },
  { "Y10000",      10000, 1, 1,   10000, 12, 31,   P (YEAR), F_NONE, 10000, 0, 0 },
  { "Y999999",     999999, 1, 1,  999999, 12, 31,  P (YEAR), F_NONE, 999999, 0, 0 },
  { "Y-999999",    -999999, 1, 1, -999999, 12, 31, P (YEAR), F_NONE, -999999, 0, 0 },
  { "Y12345~",     12345, 1, 1,   12345, 12, 31,   P (YEAR), F_APPROX, 12345, 0, 0 },
  /* Qualifiers */
  { "2004?",       2004, 1, 1,    2004, 12, 31, P (YEAR),  F_UNCERT, 2004, 0, 0 },
  { "2000~",       2000, 1, 1,    2000, 12, 31, P (YEAR),  F_APPROX, 2000, 0, 0 },
  { "2004%",       2004, 1, 1,    2004, 12, 31, P (YEAR),  F_BOTH,   2004, 0, 0 },
  { "2004-06~",    2004, 6, 1,    2004, 6, 30,  P (MONTH), F_APPROX, 2004, 6, 0 },
  { "2004-06-11%", 2004, 6, 11,   2004, 6, 11,  P (DAY),   F_BOTH,   2004, 6, 11 },
  { "-0043?",      -43, 1, 1,     -43, 12, 31,  P (YEAR),  F_UNCERT, -43, 0, 0 },
  /* Unspecified digits */
  { "199X",        1990, 1, 1,    1999, 12, 31, P (DECADE),     F_X, 1990, 0, 0 },
  { "19XX",        1900, 1, 1,    1999, 12, 31, P (CENTURY),    F_X, 1900, 0, 0 },
  { "1XXX",        1000, 1, 1,    1999, 12, 31, P (MILLENNIUM), F_X, 1000, 0, 0 },
  { "000X",        0, 1, 1,       9, 12, 31,    P (DECADE),     F_X, 0, 0, 0 },
  { "0XXX",        0, 1, 1,       999, 12, 31,  P (MILLENNIUM), F_X, 0, 0, 0 },
  { "9XXX",        9000, 1, 1,    9999, 12, 31, P (MILLENNIUM), F_X, 9000, 0, 0 },
  { "199X~",       1990, 1, 1,    1999, 12, 31, P (DECADE),     F_X | F_APPROX, 1990, 0, 0 },
  { "2004-XX",     2004, 1, 1,    2004, 12, 31, P (YEAR),  F_X, 2004, 0, 0 },
  { "2004-06-XX",  2004, 6, 1,    2004, 6, 30,  P (MONTH), F_X, 2004, 6, 0 },
  { "2004-02-XX",  2004, 2, 1,    2004, 2, 29,  P (MONTH), F_X, 2004, 2, 0 },
  { "2004-XX-XX",  2004, 1, 1,    2004, 12, 31, P (YEAR),  F_X, 2004, 0, 0 },
  { "2004-XX?",    2004, 1, 1,    2004, 12, 31, P (YEAR),  F_X | F_UNCERT, 2004, 0, 0 },
  /* Seasons */
  { "2021-21",     2021, 3, 1,    2021, 5, 31,  P (SEASON), F_NONE, 2021, 21, 0 },
  { "2021-22",     2021, 6, 1,    2021, 8, 31,  P (SEASON), F_NONE, 2021, 22, 0 },
  { "2021-23",     2021, 9, 1,    2021, 11, 30, P (SEASON), F_NONE, 2021, 23, 0 },
  { "2021-24",     2021, 12, 1,   2022, 2, 28,  P (SEASON), F_NONE, 2021, 24, 0 },
  { "2023-24",     2023, 12, 1,   2024, 2, 29,  P (SEASON), F_NONE, 2023, 24, 0 },
  { "-0001-24",    -1, 12, 1,     0, 2, 29,     P (SEASON), F_NONE, -1, 24, 0 },
  { "2021-21~",    2021, 3, 1,    2021, 5, 31,  P (SEASON), F_APPROX, 2021, 21, 0 },
  /* Negative years with unspecified digits: the first year is the earliest */
  { "-004X",       -49, 1, 1,     -40, 12, 31,  P (DECADE),     F_X, -49, 0, 0 },
  { "-00XX",       -99, 1, 1,     -1, 12, 31,   P (CENTURY),    F_X, -99, 0, 0 },
  { "-000X",       -9, 1, 1,      -1, 12, 31,   P (DECADE),     F_X, -9, 0, 0 },
  { "-1XXX",       -1999, 1, 1,   -1000, 12, 31, P (MILLENNIUM), F_X, -1999, 0, 0 },
  { "-199X~",      -1999, 1, 1,   -1990, 12, 31, P (DECADE),    F_X | F_APPROX, -1999, 0, 0 },
};

static void
test_point (gconstpointer data)
{
  const PointCase *c = data;
  g_autoptr(GError) error = NULL;
  WeftDate date;
  gsize offset = 4242;
  gboolean ok;

  ok = weft_date_parse (c->text, &date, &offset, &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  g_assert_false (date.is_interval);
  g_assert_cmpint (date.start.lower, ==, civil (c->ly, c->lm, c->ld));
  g_assert_cmpint (date.start.upper, ==, civil (c->uy, c->um, c->ud));
  g_assert_cmpint (date.lower, ==, date.start.lower);
  g_assert_cmpint (date.upper, ==, date.start.upper);
  g_assert_cmpint (date.start.precision, ==, c->precision);
  g_assert_cmpint (date.start.flags, ==, c->flags);
  g_assert_cmpint (date.start.year, ==, c->year);
  g_assert_cmpint (date.start.month, ==, c->month);
  g_assert_cmpint (date.start.day, ==, c->day);
  g_assert_true (memcmp (&date.start, &date.end, sizeof date.start) == 0);

  /* Optional arguments */
  g_assert_true (weft_date_parse (c->text, NULL, NULL, NULL));
}

/* ------------------------------------------------------------------ */
/* Intervals                                                           */
/* ------------------------------------------------------------------ */

typedef struct {
  const char   *text;
  gint64        ly;
  guint         lm, ld;
  gint64        uy;
  guint         um, ud;
  WeftDateFlags start_flags;
  WeftDateFlags end_flags;
} IntervalCase;

static const IntervalCase interval_cases[] = {
  { "2017/2021",             2017, 1, 1,   2021, 12, 31, F_NONE, F_NONE },
  { "2004-06/2006-08",       2004, 6, 1,   2006, 8, 31,  F_NONE, F_NONE },
  { "2004-02-01/2005-02-08", 2004, 2, 1,   2005, 2, 8,   F_NONE, F_NONE },
  { "2004~/2006?",           2004, 1, 1,   2006, 12, 31, F_APPROX, F_UNCERT },
  { "2004%/2006",            2004, 1, 1,   2006, 12, 31, F_BOTH, F_NONE },
  { "2021/2021",             2021, 1, 1,   2021, 12, 31, F_NONE, F_NONE },
  { "2021-10/2021",          2021, 10, 1,  2021, 12, 31, F_NONE, F_NONE },
  { "2021-10-05/2021-10-05", 2021, 10, 5,  2021, 10, 5,  F_NONE, F_NONE },
  { "199X/20XX",             1990, 1, 1,   2099, 12, 31, F_X, F_X },
  { "2004-XX/2005",          2004, 1, 1,   2005, 12, 31, F_X, F_NONE },
  { "-0043-03-15/0014-08-19", -43, 3, 15,  14, 8, 19,    F_NONE, F_NONE },
  { "Y-170000/Y170000",      -170000, 1, 1, 170000, 12, 31, F_NONE, F_NONE },
  { "2021-21/2021-24",       2021, 3, 1,   2022, 2, 28,  F_NONE, F_NONE },
  { "2021-10-05T10:00:00Z/2021-10-06T12:00:00+02:00", 2021, 10, 5, 2021, 10, 6, F_NONE, F_NONE },
  /* Open ends */
  { "2019/..",               2019, 1, 1,   OPEN_HI, 0, 0, F_NONE, F_OPEN },
  { "../2019",               OPEN_LO, 0, 0, 2019, 12, 31, F_OPEN, F_NONE },
  { "2019-05?/..",           2019, 5, 1,   OPEN_HI, 0, 0, F_UNCERT, F_OPEN },
  { "../2019-05~",           OPEN_LO, 0, 0, 2019, 5, 31,  F_OPEN, F_APPROX },
  /* Unknown ends take the bounds of the other end */
  { "2019/",                 2019, 1, 1,   2019, 12, 31, F_NONE, F_UNK },
  { "/2019",                 2019, 1, 1,   2019, 12, 31, F_UNK, F_NONE },
  { "/2019-06-30",           2019, 6, 30,  2019, 6, 30,  F_UNK, F_NONE },
  { "2019-06~/",             2019, 6, 1,   2019, 6, 30,  F_APPROX, F_UNK },
};

static void
test_interval (gconstpointer data)
{
  const IntervalCase *c = data;
  g_autoptr(GError) error = NULL;
  const char *slash = strchr (c->text, '/');
  g_autofree char *start_text = g_strndup (c->text, (gsize) (slash - c->text));
  const char *end_text = slash + 1;
  WeftDate date;
  WeftDate part;

  g_assert_true (weft_date_parse (c->text, &date, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (date.is_interval);
  g_assert_cmpint (date.lower, ==, civil (c->ly, c->lm, c->ld));
  g_assert_cmpint (date.upper, ==, civil (c->uy, c->um, c->ud));
  g_assert_cmpint (date.lower, ==, date.start.lower);
  g_assert_cmpint (date.upper, ==, date.end.upper);
  g_assert_cmpint (date.start.flags, ==, c->start_flags);
  g_assert_cmpint (date.end.flags, ==, c->end_flags);

  /* Each end that has a date is the date alone. */
  if (*start_text != '\0' && strcmp (start_text, "..") != 0)
    {
      g_assert_true (weft_date_parse (start_text, &part, NULL, NULL));
      g_assert_true (memcmp (&part.start, &date.start, sizeof part.start) == 0);
    }
  if (*end_text != '\0' && strcmp (end_text, "..") != 0)
    {
      g_assert_true (weft_date_parse (end_text, &part, NULL, NULL));
      g_assert_true (memcmp (&part.start, &date.end, sizeof part.start) == 0);
    }

  /* Open and unknown ends */
  if (c->start_flags & F_OPEN)
    {
      g_assert_cmpint (date.start.lower, ==, WEFT_DAY_OPEN_LOWER);
      g_assert_cmpint (date.start.upper, ==, WEFT_DAY_OPEN_LOWER);
    }
  if (c->end_flags & F_OPEN)
    {
      g_assert_cmpint (date.end.lower, ==, WEFT_DAY_OPEN_UPPER);
      g_assert_cmpint (date.end.upper, ==, WEFT_DAY_OPEN_UPPER);
    }
  if (c->start_flags & F_UNK)
    {
      g_assert_cmpint (date.start.lower, ==, date.end.lower);
      g_assert_cmpint (date.start.upper, ==, date.end.upper);
    }
  if (c->end_flags & F_UNK)
    {
      g_assert_cmpint (date.end.lower, ==, date.start.lower);
      g_assert_cmpint (date.end.upper, ==, date.start.upper);
    }
  if (c->start_flags & (F_OPEN | F_UNK))
    {
      g_assert_cmpint (date.start.year, ==, 0);
      g_assert_cmpint (date.start.month, ==, 0);
      g_assert_cmpint (date.start.day, ==, 0);
      g_assert_cmpint (date.start.precision, ==, date.end.precision);
    }
  if (c->end_flags & (F_OPEN | F_UNK))
    {
      g_assert_cmpint (date.end.year, ==, 0);
      g_assert_cmpint (date.end.precision, ==, date.start.precision);
    }
}

/* ------------------------------------------------------------------ */
/* Errors                                                              */
/* ------------------------------------------------------------------ */

typedef struct {
  const char *text;
  gsize       offset;
  const char *needle;   /* part of the message */
} ErrorCase;

static const ErrorCase error_cases[] = {
  { "", 0, "empty date; expected an EDTF date such as “2021-10-05”, “2008”, “2017/2021” or “2000~”" },
  /* White space */
  { " 2021", 0, "starts with white space" },
  { "\t2021", 0, "starts with white space" },
  { "2021 ", 4, "ends with white space" },
  { "2021-10 \n", 7, "ends with white space" },
  { "   ", 0, "starts with white space" },
  /* Years */
  { "21-10", 0, "“21-10”: a year needs four digits" },
  { "202", 0, "a year needs four digits" },
  { "-43", 0, "a year needs four digits" },
  { "20210", 4, "needs a “Y” in front" },
  { "170000", 4, "needs a “Y” in front" },
  { "-", 1, "expected a four-digit year after “-”" },
  { "--2021", 1, "expected a four-digit year after “-”" },
  { "-0000", 0, "year zero has no sign" },
  { "-0000-01", 0, "year zero has no sign" },
  /* Extended years */
  { "Y2021", 0, "“Y” is only for years with more than four digits" },
  { "Y", 1, "expected the digits of a year after “Y”" },
  { "Y-", 2, "expected the digits of a year after “Y”" },
  { "Y1000000", 1, "the year is out of range; years go from Y-999999 to Y999999" },
  { "Y-1000000", 2, "out of range" },
  { "Y99999999999999999999999999", 1, "out of range" },
  { "Y-00000", 0, "year zero has no sign" },
  { "Y12345-01", 6, "stands alone" },
  { "Y1234X", 5, "not supported in a year written with “Y”" },
  { "Y17E7", 3, "years with an exponent are not supported" },
  { "Y170000E2", 7, "years with an exponent are not supported" },
  /* Unspecified digits */
  { "XXXX", 0, "a year with no known digit is not supported" },
  { "1X9X", 2, "must be the last digits of the year" },
  { "X999", 1, "must be the last digits of the year" },
  { "199X9", 4, "a year needs four digits" },
  { "199X-01", 4, "stands alone, without month or day" },
  { "199x", 3, "capital “X”" },
  { "2004-xx", 5, "capital “X”" },
  { "2004-1X", 5, "a month is two digits or “XX”" },
  { "2004-X", 5, "a month needs two digits" },
  { "2004-06-1X", 8, "a day is two digits or “XX”" },
  { "2004-XX-05", 8, "a day cannot be given when the month is unspecified" },
  /* Months and days */
  { "2021-1", 5, "a month needs two digits" },
  { "2021-100", 7, "a month needs two digits" },
  { "2021-", 5, "a month needs two digits" },
  { "2021-13", 5, "month 13 is out of range (01–12) in “2021-13”" },
  { "2021-00", 5, "month 00 is out of range" },
  { "2021-20", 5, "month 20 is out of range" },
  { "2021-25", 5, "month 25 is out of range" },
  { "2021-99", 5, "month 99 is out of range" },
  { "2021-10-5", 8, "a day needs two digits" },
  { "2021-10-050", 10, "a day needs two digits" },
  { "2021-10-", 8, "a day needs two digits" },
  { "2021-01-32", 8, "day 32 is out of range (01–31) in “2021-01-32”" },
  { "2021-01-00", 8, "day 00 is out of range" },
  { "2021-02-30", 8, "“2021-02-30”: February 2021 has 28 days" },
  { "2021-02-29", 8, "February 2021 has 28 days" },
  { "1900-02-29", 8, "“1900-02-29”: February 1900 has 28 days" },
  { "2021-04-31", 8, "April 2021 has 30 days" },
  { "-0001-02-29", 9, "February 2 BCE has 28 days" },
  { "2021-21-05", 7, "a season (21–24) has no day" },
  /* Times */
  { "2021-10T10:00:00", 7, "a time needs a full date before it" },
  { "2021T10:00:00", 4, "a time needs a full date before it" },
  { "2004-06-XXT10:00:00", 10, "a time needs a full date before it" },
  { "2021-10-05T", 11, "expected a time as hh:mm:ss after “T”" },
  { "2021-10-05T10:00", 16, "expected a time as hh:mm:ss" },
  { "2021-10-05T1:00:00", 11, "expected a time as hh:mm:ss" },
  { "2021-10-05T25:00:00", 11, "the hour is out of range (00–23)" },
  { "2021-10-05T10:60:00", 14, "the minute is out of range (00–59)" },
  { "2021-10-05T10:00:60", 17, "the second is out of range (00–59)" },
  { "2021-10-05T10:00:00+", 20, "expected a time zone" },
  { "2021-10-05T10:00:00+5", 20, "expected a time zone" },
  { "2021-10-05T10:00:00+24:00", 20, "expected a time zone" },
  { "2021-10-05T10:00:00+02:60", 20, "expected a time zone" },
  { "2021-10-05T10:00:00+02:", 23, "expected a time zone" },
  { "2021-10-05T10:00:00X", 19, "unexpected “X”" },
  { "2021-10-05T10:00:00.5", 19, "unexpected “.”" },
  { "2021-10-05T10:00:00Z?", 20, "a date with a time cannot take a qualifier" },
  { "2021-10-05t10:00:00", 10, "unexpected “t”" },
  /* Qualifiers */
  { "2004?~", 5, "use a single qualifier" },
  { "2004??", 5, "use a single qualifier" },
  { "2004?-06", 5, "a qualifier goes at the end of the date" },
  { "?2004", 0, "goes after the date" },
  { "~2004", 0, "goes after the date" },
  { "2004~x", 5, "unexpected “x”" },
  /* Junk */
  { "2021a", 4, "“2021a”: unexpected “a”; expected an EDTF date such as" },
  { "abc", 0, "unexpected “a”" },
  { "+2021", 0, "unexpected “+”" },
  { "2021.10.05", 4, "unexpected “.”" },
  { "2021-10-05 10:00", 10, "unexpected space" },
  { "2021é", 4, "unexpected “é”" },
  { "2021\x01", 4, "unexpected control character" },
  { "2021\xff", 4, "unexpected byte 0xFF, which is not valid UTF-8" },
  { "\xc3", 0, "unexpected byte 0xC3" },
  { "2021\xe2\x80\xae", 4, "unexpected invisible character U+202E" },
  { "[1667,1668]", 0, "sets of dates such as “[1667,1668]” are not supported" },
  { "{1667,1668}", 0, "sets of dates" },
  /* Intervals */
  { "/", 0, "“/” is an interval without dates" },
  { "../..", 0, "“../..” is open at both ends" },
  { "../", 0, "has no date at either end" },
  { "/..", 0, "has no date at either end" },
  { "..", 0, "only makes sense in an interval" },
  { "...", 2, "an open end “..” stands alone" },
  { "2019/...", 7, "an open end “..” stands alone" },
  { "2019/..~", 7, "an open end “..” stands alone" },
  { "2019/2017", 5, "“2019/2017” ends before it starts" },
  { "2019~/2017?", 6, "ends before it starts" },
  { "2005/2004-12", 5, "ends before it starts" },
  { "2021-10-05/2021-10-04", 11, "ends before it starts" },
  { "2017/2019/2021", 9, "has more than one “/”" },
  { "2017//2021", 5, "has more than one “/”" },
  { "2019/abc", 5, "unexpected “a”" },
  { "2019/21", 5, "a year needs four digits" },
  { "2019-13/2020", 5, "month 13 is out of range" },
  { "2019/2020-13", 10, "month 13 is out of range" },
  /* Negative years with unspecified digits, as the others */
  { "-199X-01", 5, "stands alone, without month or day" },
  { "-0X4X", 3, "must be the last digits of the year" },
  { "-XXXX", 1, "a year with no known digit is not supported" },
};

/* Whether the message can quote @text as it is. */
static gboolean
is_plain_text (const char *text)
{
  if (!g_utf8_validate (text, -1, NULL) || *text == '\0')
    return FALSE;

  for (const char *q = text; *q != '\0'; q = g_utf8_next_char (q))
    {
      gunichar c = g_utf8_get_char (q);

      if (c < 0x20 || c == 0x7f || g_unichar_type (c) == G_UNICODE_FORMAT)
        return FALSE;
    }

  return TRUE;
}

static void
check_error (const char *text,
             gsize       expected_offset,
             const char *needle)
{
  g_autoptr(GError) error = NULL;
  WeftDate date;
  WeftDate untouched;
  gsize offset = 4242;

  memset (&date, 0x5a, sizeof date);
  untouched = date;

  g_assert_false (weft_date_parse (text, &date, &offset, &error));
  g_assert_error (error, WEFT_ERROR, WEFT_ERROR_DATE);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));

  if (strstr (error->message, needle) == NULL)
    g_error ("message for “%s” is “%s”, without “%s”", text, error->message, needle);
  g_assert_cmpuint (offset, ==, expected_offset);

  /* The message quotes the text. */
  if (text != NULL && is_plain_text (text))
    {
      g_autofree char *quoted = g_strdup_printf ("“%s”", text);

      if (strstr (error->message, quoted) == NULL)
        g_error ("message for “%s” does not quote it: “%s”", text, error->message);
    }

  /* A failed parse leaves the date alone. */
  g_assert_true (memcmp (&date, &untouched, sizeof date) == 0);

  /* Without the optional arguments */
  g_assert_false (weft_date_parse (text, NULL, NULL, NULL));
}

static void
test_error (gconstpointer data)
{
  const ErrorCase *c = data;

  check_error (c->text, c->offset, c->needle);
}

static void
test_error_null (void)
{
  check_error (NULL, 0, "empty date");
}

/* Messages stay valid, visible UTF-8 whatever the input. */
static void
test_error_quoting (void)
{
  struct {
    const char *text;
    const char *quoted;
  } cases[] = {
    { "2021\xff", "“2021\xef\xbf\xbd”" },        /* U+FFFD */
    { "2021\t", "“2021\\t”" },
    { "\n2021", "“\\n2021”" },
    { "2021\x01", "“2021\\u{0001}”" },
    { "2021\xe2\x80\xae", "“2021\\u{202E}”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (weft_date_parse (cases[i].text, NULL, NULL, &error));
      g_assert_error (error, WEFT_ERROR, WEFT_ERROR_DATE);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      if (strstr (error->message, cases[i].quoted) == NULL)
        g_error ("“%s” does not contain “%s”", error->message, cases[i].quoted);
    }
}

static void
test_error_too_long (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strnfill (65, '1');
  g_autofree char *head = g_strnfill (24, '1');
  g_autofree char *quoted = g_strdup_printf ("“%s…”", head);
  char *exact = NULL;
  gsize offset = 4242;

  g_assert_false (weft_date_parse (text, NULL, &offset, &error));
  g_assert_error (error, WEFT_ERROR, WEFT_ERROR_DATE);
  g_assert_cmpuint (offset, ==, 0);
  g_assert_nonnull (strstr (error->message, "is too long for a date (more than 64 bytes)"));
  g_assert_nonnull (strstr (error->message, quoted));
  g_clear_error (&error);

  /* 64 bytes is looked at (and rejected for what it says). */
  text[64] = '\0';
  g_assert_false (weft_date_parse (text, NULL, &offset, &error));
  g_assert_null (strstr (error->message, "too long"));
  g_assert_nonnull (strstr (error->message, "needs a “Y” in front"));
  g_assert_cmpuint (offset, ==, 4);
  g_clear_error (&error);

  /* Exactly 65 bytes with no terminator: no byte past them is read
   * (valgrind and ASan check this). */
  exact = g_malloc (65);
  memset (exact, '2', 65);
  g_assert_false (weft_date_parse (exact, NULL, &offset, &error));
  g_assert_nonnull (strstr (error->message, "too long"));
  g_clear_error (&error);
  g_free (exact);

  /* Over-long invalid UTF-8 is still quoted as valid UTF-8. */
  text[64] = '1';
  memset (text + 20, 0xff, 10);
  g_assert_false (weft_date_parse (text, NULL, &offset, &error));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

/* ------------------------------------------------------------------ */
/* Calendar arithmetic                                                 */
/* ------------------------------------------------------------------ */

static void
test_days_anchors (void)
{
  g_assert_cmpint (weft_days_from_civil (1970, 1, 1), ==, 0);
  g_assert_cmpint (weft_days_from_civil (1969, 12, 31), ==, -1);
  g_assert_cmpint (weft_days_from_civil (1970, 1, 2), ==, 1);
  g_assert_cmpint (weft_days_from_civil (2000, 1, 1), ==, 10957);
  g_assert_cmpint (weft_days_from_civil (2000, 3, 1), ==, 11017);
  g_assert_cmpint (weft_days_from_civil (0, 3, 1), ==, -719468);
  g_assert_cmpint (weft_days_from_civil (1, 1, 1), ==, -719162);
  /* 43 years back from 0000-03-01 hold 11 leap days (-40 … 0). */
  g_assert_cmpint (weft_days_from_civil (-43, 3, 15), ==, -719468 - (43 * 365 + 11) + 14);
  g_assert_cmpint (weft_days_from_civil (-43, 3, 15), ==, -735160);

  /* Parsed bounds are the same numbers */
  {
    WeftDate date;

    g_assert_true (weft_date_parse ("1970-01-01", &date, NULL, NULL));
    g_assert_cmpint (date.lower, ==, 0);
    g_assert_true (weft_date_parse ("2000-03-01", &date, NULL, NULL));
    g_assert_cmpint (date.lower, ==, 11017);
    g_assert_true (weft_date_parse ("0000-03-01", &date, NULL, NULL));
    g_assert_cmpint (date.lower, ==, -719468);
    g_assert_true (weft_date_parse ("-0043-03-15", &date, NULL, NULL));
    g_assert_cmpint (date.lower, ==, -735160);
    g_assert_true (weft_date_parse ("1970", &date, NULL, NULL));
    g_assert_cmpint (date.lower, ==, 0);
    g_assert_cmpint (date.upper, ==, 364);
  }
}

static void
test_days_in_month (void)
{
  static const guint normal[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  for (guint m = 1; m <= 12; m++)
    {
      g_assert_cmpuint (weft_days_in_month (2021, m), ==, normal[m - 1]);
      g_assert_cmpuint (weft_days_in_month (2024, m), ==, m == 2 ? 29 : normal[m - 1]);
    }

  g_assert_cmpuint (weft_days_in_month (2000, 2), ==, 29);
  g_assert_cmpuint (weft_days_in_month (1900, 2), ==, 28);
  g_assert_cmpuint (weft_days_in_month (2100, 2), ==, 28);
  g_assert_cmpuint (weft_days_in_month (0, 2), ==, 29);
  g_assert_cmpuint (weft_days_in_month (-1, 2), ==, 28);
  g_assert_cmpuint (weft_days_in_month (-4, 2), ==, 29);
  g_assert_cmpuint (weft_days_in_month (-100, 2), ==, 28);
  g_assert_cmpuint (weft_days_in_month (-400, 2), ==, 29);
  g_assert_cmpuint (weft_days_in_month (-999996, 2), ==, 29);
}

/* Every day from -100000 to +100000 against a calendar walked one day
 * at a time, so the two functions check each other and days_in_month. */
static void
test_days_walk (void)
{
  gint64 y;
  guint m, d;

  weft_civil_from_days (-100000, &y, &m, &d);
  g_assert_cmpint (weft_days_from_civil (y, m, d), ==, -100000);

  for (gint64 n = -100000; n <= 100000; n++)
    {
      gint64 yy;
      guint mm, dd;

      weft_civil_from_days (n, &yy, &mm, &dd);
      if (yy != y || mm != m || dd != d)
        g_error ("day %" G_GINT64_FORMAT " is %" G_GINT64_FORMAT "-%02u-%02u, expected %"
                 G_GINT64_FORMAT "-%02u-%02u", n, yy, mm, dd, y, m, d);
      if (weft_days_from_civil (y, m, d) != n)
        g_error ("%" G_GINT64_FORMAT "-%02u-%02u is not day %" G_GINT64_FORMAT, y, m, d, n);

      /* The next day */
      if (++d > weft_days_in_month (y, m))
        {
          d = 1;
          if (++m > 12)
            {
              m = 1;
              y++;
            }
        }
    }
}

/* Years 1 to 9999 against GDate, which counts days independently. */
static void
test_days_gdate (void)
{
  /* GDate's Julian day 1 is 0001-01-01. */
  const gint64 shift = weft_days_from_civil (1, 1, 1) - 1;

  for (guint year = 1; year <= 9999; year++)
    {
      for (guint month = 1; month <= 12; month++)
        {
          guint n_days = weft_days_in_month (year, month);
          g_autoptr(GDate) first = g_date_new_dmy (1, (GDateMonth) month, (GDateYear) year);

          g_assert_cmpuint (n_days, ==, g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year));
          g_assert_cmpint (weft_days_from_civil (year, month, 1), ==,
                           (gint64) g_date_get_julian (first) + shift);
        }
    }
}

/* Years ±999999: months round-trip, years have the right length and
 * every 400 years have 146097 days. */
static void
test_days_wide (void)
{
  for (gint64 year = -1000000; year <= 1000000; year += 997)
    {
      gint64 jan1 = weft_days_from_civil (year, 1, 1);
      gboolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

      g_assert_cmpint (weft_days_from_civil (year + 1, 1, 1) - jan1, ==, leap ? 366 : 365);
      g_assert_cmpint (weft_days_from_civil (year + 400, 1, 1) - jan1, ==, 146097);

      for (guint month = 1; month <= 12; month++)
        {
          guint last = weft_days_in_month (year, month);
          gint64 first_day = weft_days_from_civil (year, month, 1);
          gint64 y;
          guint m, d;

          weft_civil_from_days (first_day, &y, &m, &d);
          g_assert_cmpint (y, ==, year);
          g_assert_cmpuint (m, ==, month);
          g_assert_cmpuint (d, ==, 1);

          weft_civil_from_days (first_day + last - 1, &y, &m, &d);
          g_assert_cmpint (y, ==, year);
          g_assert_cmpuint (m, ==, month);
          g_assert_cmpuint (d, ==, last);

          weft_civil_from_days (first_day + last, &y, &m, &d);
          g_assert_cmpuint (d, ==, 1);
          g_assert_cmpuint (m, ==, month == 12 ? 1 : month + 1);
        }
    }

  /* The extremes that the parser accepts */
  {
    gint64 y;
    guint m, d;

    weft_civil_from_days (weft_days_from_civil (-999999, 1, 1), &y, &m, &d);
    g_assert_cmpint (y, ==, -999999);
    weft_civil_from_days (weft_days_from_civil (1000000, 2, 29), &y, &m, &d);
    g_assert_cmpint (y, ==, 1000000);
    g_assert_cmpuint (m, ==, 2);
    g_assert_cmpuint (d, ==, 29);

    /* The open bounds convert without trouble, and NULL outputs are fine. */
    weft_civil_from_days (WEFT_DAY_OPEN_LOWER, &y, NULL, NULL);
    g_assert_cmpint (y, <, -1000000000);
    weft_civil_from_days (WEFT_DAY_OPEN_UPPER, &y, NULL, NULL);
    g_assert_cmpint (y, >, 1000000000);
    weft_civil_from_days (G_MAXINT64, NULL, NULL, NULL);
    weft_civil_from_days (G_MININT64, NULL, NULL, NULL);
  }
}

/* ------------------------------------------------------------------ */
/* Ordering                                                            */
/* ------------------------------------------------------------------ */

static int
compare_dates (gconstpointer a,
               gconstpointer b)
{
  return weft_date_compare (a, b);
}

static void
test_compare (void)
{
  /* In order: by lower bound, then upper bound. */
  static const char * const ordered[] = {
    "../1000",
    "Y-170000",
    "-0043",
    "-0043-03-15",
    "0000",
    "1XXX",
    "1900",
    "19XX",
    "1990-01-01",
    "1990-01",
    "1990",
    "199X",
    "2004",
    "2004-XX",  /* same bounds as 2004 */
    "2004/2006",
    "2004/..",
    "2004-06-XX",
    "2004-06-11",
    "2021-21",
    "2021-24",
    "2022-01",
    "Y170000",
  };
  gsize n = G_N_ELEMENTS (ordered);
  g_autofree WeftDate *dates = g_new0 (WeftDate, n);
  g_autofree WeftDate *shuffled = g_new0 (WeftDate, n);

  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;

      weft_date_parse (ordered[i], &dates[i], NULL, &error);
      g_assert_no_error (error);
    }

  for (gsize i = 0; i < n; i++)
    {
      g_assert_cmpint (weft_date_compare (&dates[i], &dates[i]), ==, 0);
      for (gsize j = i + 1; j < n; j++)
        {
          int c = weft_date_compare (&dates[i], &dates[j]);
          int r = weft_date_compare (&dates[j], &dates[i]);
          gboolean same = (i == 12 && j == 13);

          if (same ? c != 0 : c >= 0)
            g_error ("“%s” and “%s” compare as %d", ordered[i], ordered[j], c);
          g_assert_cmpint (c, ==, -r);
        }
    }

  /* Sorting a reversed copy gives the order back */
  for (gsize i = 0; i < n; i++)
    shuffled[i] = dates[n - 1 - i];
  qsort (shuffled, n, sizeof (WeftDate), compare_dates);
  for (gsize i = 0; i < n; i++)
    g_assert_cmpint (weft_date_compare (&shuffled[i], &dates[i]), ==, 0);
}

/* ------------------------------------------------------------------ */
/* Labels                                                              */
/* ------------------------------------------------------------------ */

typedef struct {
  const char *text;
  const char *describe;
  const char *short_label;
} LabelCase;

static const LabelCase label_cases[] = {
  { "2020-01-15",  "15 January 2020, day precision",         "15 Jan 2020" },
  { "2021-10",     "October 2021, month precision",          "Oct 2021" },
  { "2021-21",     "spring 2021, season precision",          "Spring 2021" },
  { "2021-22",     "summer 2021, season precision",          "Summer 2021" },
  { "2021-23",     "autumn 2021, season precision",          "Autumn 2021" },
  { "2011-24",     "winter 2011, season precision",          "Winter 2011" },
  { "2008",        "2008, year precision",                   "2008" },
  { "199X",        "the 1990s, decade precision",            "1990s" },
  { "000X",        "the 0s, decade precision",               "0s" },
  { "201X?",       "the 2010s (uncertain), decade precision", "2010s?" },
  { "19XX",        "the 20th century, century precision",    "20th c." },
  { "00XX",        "the 1st century, century precision",     "1st c." },
  { "01XX",        "the 2nd century, century precision",     "2nd c." },
  { "02XX",        "the 3rd century, century precision",     "3rd c." },
  { "10XX",        "the 11th century, century precision",    "11th c." },
  { "11XX",        "the 12th century, century precision",    "12th c." },
  { "12XX",        "the 13th century, century precision",    "13th c." },
  { "20XX",        "the 21st century, century precision",    "21st c." },
  { "1XXX",        "the 2nd millennium, millennium precision", "2nd mill." },
  { "0XXX",        "the 1st millennium, millennium precision", "1st mill." },
  { "2XXX",        "the 3rd millennium, millennium precision", "3rd mill." },
  { "2000~",       "around 2000, year precision",            "c. 2000" },
  { "2004?",       "2004 (uncertain), year precision",       "2004?" },
  { "2004%",       "2004 (approximate and uncertain), year precision", "c. 2004?" },
  { "2004-06~",    "around June 2004, month precision",      "c. Jun 2004" },
  { "-0043",       "44 BCE, year precision",                 "44 BCE" },
  { "0000",        "1 BCE, year precision",                  "1 BCE" },
  { "-0043-03-15", "15 March 44 BCE, day precision",         "15 Mar 44 BCE" },
  { "Y170000",     "170000, year precision",                 "170000" },
  { "Y-170000",    "170001 BCE, year precision",             "170001 BCE" },
  { "2004-XX",     "2004, year precision",                   "2004" },
  { "2004-06-XX",  "June 2004, month precision",             "Jun 2004" },
  { "2021-10-05T14:30:00Z", "5 October 2021, day precision", "5 Oct 2021" },
  { "2017/2021",   "2017 to 2021",                           "2017–2021" },
  { "2019/..",     "from 2019, open end",                    "2019–" },
  { "../2019",     "until 2019, open start",                 "–2019" },
  { "2017/",       "2017 to an unknown date",                "2017–?" },
  { "/2021",       "an unknown date to 2021",                "?–2021" },
  { "2004~/2006?", "around 2004 to 2006 (uncertain)",        "c. 2004–2006?" },
  { "-0043-03-15/0014-08-19", "15 March 44 BCE to 19 August 14", "15 Mar 44 BCE–19 Aug 14" },
  { "199X/2004-06", "the 1990s to June 2004",                "1990s–Jun 2004" },
  { "-004X",       "50 BCE to 41 BCE, decade precision",     "50 BCE–41 BCE" },
};

static void
test_labels (gconstpointer data)
{
  const LabelCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *describe = NULL;
  g_autofree char *short_label = NULL;
  WeftDate date;

  g_assert_true (weft_date_parse (c->text, &date, NULL, &error));
  g_assert_no_error (error);

  describe = weft_date_describe (&date);
  short_label = weft_date_format_short (&date);
  g_assert_cmpstr (describe, ==, c->describe);
  g_assert_cmpstr (short_label, ==, c->short_label);
}

static void
test_year_format (void)
{
  static const struct {
    gint64      year;
    const char *text;
  } cases[] = {
    { 2021, "2021" },
    { 1, "1" },
    { 0, "1 BCE" },
    { -43, "44 BCE" },
    { -999999, "1000000 BCE" },
    { 999999, "999999" },
    { G_MAXINT64, "9223372036854775807" },
    { G_MININT64, "9223372036854775809 BCE" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = weft_year_format (cases[i].year);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* ------------------------------------------------------------------ */
/* Robustness                                                          */
/* ------------------------------------------------------------------ */

static void
check_any (const char *text)
{
  g_autoptr(GError) error = NULL;
  WeftDate date;
  gsize offset = G_MAXSIZE;

  if (weft_date_parse (text, &date, &offset, &error))
    {
      g_autofree char *describe = weft_date_describe (&date);
      g_autofree char *short_label = weft_date_format_short (&date);

      g_assert_no_error (error);
      g_assert_cmpuint (offset, ==, G_MAXSIZE);
      g_assert_cmpint (date.start.lower, <=, date.start.upper);
      g_assert_cmpint (date.end.lower, <=, date.end.upper);
      g_assert_cmpint (date.start.lower, <=, date.end.upper);
      g_assert_cmpint (date.lower, ==, date.start.lower);
      g_assert_cmpint (date.upper, ==, date.end.upper);
      g_assert_cmpint (date.lower, >=, WEFT_DAY_OPEN_LOWER);
      g_assert_cmpint (date.upper, <=, WEFT_DAY_OPEN_UPPER);
      g_assert_cmpint (date.start.year, >=, -WEFT_DATE_MAX_YEAR);
      g_assert_cmpint (date.start.year, <=, WEFT_DATE_MAX_YEAR);
      g_assert_true (date.start.month == 0 || (date.start.month >= 1 && date.start.month <= 12) ||
                     (date.start.month >= 21 && date.start.month <= 24));
      g_assert_cmpint (date.start.day, >=, 0);
      g_assert_cmpint (date.start.day, <=, 31);
      g_assert_cmpint (date.start.precision, <=, WEFT_DATE_PRECISION_MILLENNIUM);
      g_assert_true (g_utf8_validate (describe, -1, NULL));
      g_assert_true (g_utf8_validate (short_label, -1, NULL));
      g_assert_cmpuint (strlen (text), <=, 64);
    }
  else
    {
      g_assert_error (error, WEFT_ERROR, WEFT_ERROR_DATE);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_cmpuint (strlen (error->message), >, 10);
      g_assert_cmpuint (offset, <=, MIN (strlen (text), 64));
    }
}

/* Every valid date with each byte replaced by every other byte, with a
 * byte inserted, and cut short. */
static void
test_mutations (void)
{
  static const char inserted[] = "0123456789X-/.?~%YTZ:+ x\xff\xc3\x80";
  GPtrArray *texts = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (point_cases); i++)
    g_ptr_array_add (texts, (gpointer) point_cases[i].text);
  for (guint i = 0; i < G_N_ELEMENTS (interval_cases); i++)
    g_ptr_array_add (texts, (gpointer) interval_cases[i].text);

  for (guint t = 0; t < texts->len; t++)
    {
      const char *text = g_ptr_array_index (texts, t);
      gsize len = strlen (text);
      char buf[80];

      check_any (text);

      for (gsize i = 0; i < len; i++)
        {
          /* Replaced */
          for (guint b = 1; b < 256; b++)
            {
              memcpy (buf, text, len + 1);
              buf[i] = (char) b;
              check_any (buf);
            }

          /* Cut short */
          memcpy (buf, text, i);
          buf[i] = '\0';
          check_any (buf);
        }

      /* Inserted */
      for (gsize i = 0; i <= len; i++)
        for (gsize k = 0; k < sizeof inserted - 1; k++)
          {
            memcpy (buf, text, i);
            buf[i] = inserted[k];
            memcpy (buf + i + 1, text + i, len - i + 1);
            check_any (buf);
          }
    }

  g_ptr_array_unref (texts);
}

/* Random strings over the characters of EDTF and some junk. */
static void
test_random (void)
{
  static const char alphabet[] = "0123456789012345678901234567890123XX--//..?~%YTZ:+ x[{\t\xff\xc3\xa9";
  g_autoptr(GRand) rand = g_rand_new_with_seed (20211005);
  char buf[80];

  for (guint n = 0; n < 50000; n++)
    {
      guint len = (guint) g_rand_int_range (rand, 0, 70);

      for (guint i = 0; i < len; i++)
        buf[i] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
      buf[len] = '\0';
      check_any (buf);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  /* The labels and messages are compared with their English text. */
  setlocale (LC_MESSAGES, "C");

  weft_test_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (point_cases); i++)
    {
      g_autofree char *path = test_path ("valid", i, point_cases[i].text);
      g_test_add_data_func (path, &point_cases[i], test_point);
    }

  for (guint i = 0; i < G_N_ELEMENTS (interval_cases); i++)
    {
      g_autofree char *path = test_path ("interval", i, interval_cases[i].text);
      g_test_add_data_func (path, &interval_cases[i], test_interval);
    }

  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_autofree char *path = test_path ("error", i, error_cases[i].text);
      g_test_add_data_func (path, &error_cases[i], test_error);
    }
  g_test_add_func ("/weft/date/error/null", test_error_null);
  g_test_add_func ("/weft/date/error/quoting", test_error_quoting);
  g_test_add_func ("/weft/date/error/too-long", test_error_too_long);

  g_test_add_func ("/weft/date/days/anchors", test_days_anchors);
  g_test_add_func ("/weft/date/days/in-month", test_days_in_month);
  g_test_add_func ("/weft/date/days/walk", test_days_walk);
  g_test_add_func ("/weft/date/days/gdate", test_days_gdate);
  g_test_add_func ("/weft/date/days/wide", test_days_wide);

  g_test_add_func ("/weft/date/compare", test_compare);

  for (guint i = 0; i < G_N_ELEMENTS (label_cases); i++)
    {
      g_autofree char *path = test_path ("label", i, label_cases[i].text);
      g_test_add_data_func (path, &label_cases[i], test_labels);
    }
  g_test_add_func ("/weft/date/year-format", test_year_format);

  g_test_add_func ("/weft/date/robust/mutations", test_mutations);
  g_test_add_func ("/weft/date/robust/random", test_random);

  return weft_test_run ();
}
