/* weft-date.h: EDTF (ISO 8601-2) dates as day bounds
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Days are counted in the proleptic Gregorian calendar with astronomical
 * year numbering (year 0 is 1 BCE, year -43 is 44 BCE); day 0 is
 * 1970-01-01. Bounds are inclusive. */

/* Bounds of an open end ("2019/.." or "../2019"): far outside any real date,
 * yet small enough that adding or subtracting a few years never overflows. */
#define WEFT_DAY_OPEN_LOWER (-(G_GINT64_CONSTANT (1) << 40))
#define WEFT_DAY_OPEN_UPPER (G_GINT64_CONSTANT (1) << 40)

/* The largest year (in absolute value) that Weft accepts. */
#define WEFT_DATE_MAX_YEAR 999999

typedef enum {
  WEFT_DATE_PRECISION_DAY,
  WEFT_DATE_PRECISION_MONTH,
  WEFT_DATE_PRECISION_SEASON,
  WEFT_DATE_PRECISION_YEAR,
  WEFT_DATE_PRECISION_DECADE,     /* 199X */
  WEFT_DATE_PRECISION_CENTURY,    /* 19XX */
  WEFT_DATE_PRECISION_MILLENNIUM, /* 1XXX */
} WeftDatePrecision;

typedef enum {
  WEFT_DATE_FLAG_NONE        = 0,
  WEFT_DATE_FLAG_APPROXIMATE = 1 << 0, /* ~ (and %) */
  WEFT_DATE_FLAG_UNCERTAIN   = 1 << 1, /* ? (and %) */
  WEFT_DATE_FLAG_UNSPECIFIED = 1 << 2, /* X digits */
  WEFT_DATE_FLAG_OPEN        = 1 << 3, /* ".." end of an interval */
  WEFT_DATE_FLAG_UNKNOWN     = 1 << 4, /* empty end of an interval */
} WeftDateFlags;

/* One calendar date as written, with the days it may cover. */
typedef struct {
  gint64            lower;     /* first day it may mean */
  gint64            upper;     /* last day it may mean */
  gint              year;      /* as written (astronomical); 0 when open or unknown */
  gint              month;     /* 1..12, 21..24 for seasons, 0 when not given */
  gint              day;       /* 1..31, 0 when not given */
  WeftDatePrecision precision;
  WeftDateFlags     flags;
} WeftDatePoint;

typedef struct {
  WeftDatePoint start;
  WeftDatePoint end;          /* equal to start when not an interval */
  gint64        lower;        /* start.lower */
  gint64        upper;        /* end.upper */
  gboolean      is_interval;
} WeftDate;

/* Parses @text into @date (caller-allocated; may be NULL to only check).
 * On failure returns FALSE and sets a WEFT_ERROR_DATE error whose message says
 * what is wrong and gives an example of what is expected; *@offset (when not
 * NULL) receives the byte offset in @text of the offending character. */
gboolean weft_date_parse         (const char     *text,
                                  WeftDate       *date,
                                  gsize          *offset,
                                  GError        **error);

/* Orders by lower bound, then upper bound: < 0, 0 or > 0, as strcmp(). */
int      weft_date_compare       (const WeftDate *a,
                                  const WeftDate *b);

/* "October 2021, month precision", "around 2000, year precision",
 * "44 BCE", "2017 to 2021", "from 2019, open end": translated, with month
 * names from the user's locale. Newly allocated (g_free()). */
char    *weft_date_describe      (const WeftDate *date);

/* One end of a date as written, without its qualifiers: "15 January
 * 2020", "October 2021", "2021", "the 1990s", "spring 2021". Translated;
 * newly allocated (g_free()). */
char    *weft_date_point_format  (const WeftDatePoint *point);

/* A short label for axes and lists: "2021", "Oct 2021", "15 Jan 2020",
 * "44 BCE", "2017–2021", "2019–". Locale month names. Newly allocated
 * (g_free()). */
char    *weft_date_format_short  (const WeftDate *date);

/* Calendar arithmetic (proleptic Gregorian, astronomical years): the day
 * number of a date, the date of a day number (into the pointers that are
 * not NULL), the days in a month. */
gint64   weft_days_from_civil    (gint64          year,
                                  guint           month,
                                  guint           day);
void     weft_civil_from_days    (gint64          days,
                                  gint64         *year,
                                  guint          *month,
                                  guint          *day);
guint    weft_days_in_month      (gint64          year,
                                  guint           month);
/* Day @day as ISO 8601 ("2021-10-05", "-0043-03-15"); the one way Weft
 * writes a day for programs to read. Newly allocated (g_free()). */
char    *weft_day_to_iso         (gint64          day);

/* "44 BCE" for year -43, "2021" for 2021 (translated); newly allocated
 * (g_free()). */
char    *weft_year_format        (gint64          year);

/* The translated name ("October") and abbreviation ("Oct") of a month
 * (1..12); "" for any other number. Static: do not free them. */
const char *weft_month_name         (guint        month);
const char *weft_month_abbreviation (guint        month);

G_END_DECLS
