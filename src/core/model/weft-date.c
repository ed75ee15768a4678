/* weft-date.c: EDTF (ISO 8601-2) dates as day bounds
 *
 * SPDX-License-Identifier: MIT
 *
 * What is accepted (EDTF level 0 and most of level 1):
 *
 *   2021  2021-10  2021-10-05          year, month, day
 *   2021-10-05T14:30:00[Z|+02:00|-05]  a time, checked then ignored (day precision)
 *   2021-21 … 2021-24                  spring, summer, autumn, winter
 *   -0043  Y170000  Y-170000           negative and extended years (|year| ≤ 999999)
 *   199X  19XX  1XXX  -004X            decade, century, millennium
 *   2004-XX  2004-06-XX  2004-XX-XX    unspecified month and/or day
 *   2004?  2004~  2004%                uncertain, approximate, both (suffix only)
 *   A/B  ../B  A/..  /B  A/            intervals, open ends, unknown ends
 *
 * Not accepted, each with its own message: "XXXX" (no digit known: an
 * unknown interval end says the same thing better), unspecified digits in
 * "Y" years, "-0000", qualifiers inside a date ("2004?-06"),
 * a qualifier after a time, and level 2 sets ("[1667,1668]", "{…}").
 *
 * For unspecified digits, WeftDatePoint.year holds the first year of the
 * range (1990 for "199X", -49 for "-004X"). An open or unknown interval
 * end has year, month and day 0 and the precision of the other end; an
 * unknown end takes the bounds of the other end, an open end the
 * WEFT_DAY_OPEN_* bounds.
 *
 * The parser never reads past the first 65 bytes of its input, checks
 * every index against the end of the part it is reading, and quotes the
 * input in its messages only after making it valid, printable UTF-8.
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "weft-date.h"
#include "weft-error.h"
#include "weft-text.h"

/* Longer input is rejected before it is looked at. */
#define MAX_TEXT_LEN 64

/* How much of an over-long input is quoted in the message. */
#define MAX_QUOTED_CHARS 24

/* Keeps the day arithmetic far away from gint64 overflow whatever the
 * caller passes in; real dates are many orders of magnitude smaller. */
#define MAX_CIVIL_YEAR (G_GINT64_CONSTANT (1) << 50)
#define MAX_CIVIL_DAYS (G_GINT64_CONSTANT (1) << 58)

/* ------------------------------------------------------------------ */
/* Calendar arithmetic                                                 */
/* ------------------------------------------------------------------ */

/* Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms",
 * https://howardhinnant.github.io/date_algorithms.html: exact for every
 * year, negative ones included, in 400-year eras that start on 1 March. */
gint64
weft_days_from_civil (gint64 year,
                      guint  month,
                      guint  day)
{
  gint64 y, era, yoe, doy, doe, m;

  g_return_val_if_fail (month >= 1 && month <= 12, 0);

  y = CLAMP (year, -MAX_CIVIL_YEAR, MAX_CIVIL_YEAR);
  m = month;
  if (m <= 2)
    y -= 1;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;                                      /* [0, 399] */
  doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + (gint64) day - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;             /* [0, 146096] */

  return era * 146097 + doe - 719468;
}

void
weft_civil_from_days (gint64  days,
                      gint64 *year,
                      guint  *month,
                      guint  *day)
{
  gint64 z, era, doe, yoe, y, doy, mp, d, m;

  z = CLAMP (days, -MAX_CIVIL_DAYS, MAX_CIVIL_DAYS) + 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = z - era * 146097;                                   /* [0, 146096] */
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; /* [0, 399] */
  y = yoe + era * 400;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);            /* [0, 365] */
  mp = (5 * doy + 2) / 153;                                 /* [0, 11] */
  d = doy - (153 * mp + 2) / 5 + 1;                         /* [1, 31] */
  m = mp < 10 ? mp + 3 : mp - 9;                            /* [1, 12] */

  if (year != NULL)
    *year = y + (m <= 2 ? 1 : 0);
  if (month != NULL)
    *month = (guint) m;
  if (day != NULL)
    *day = (guint) d;
}

static gboolean
is_leap_year (gint64 year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

guint
weft_days_in_month (gint64 year,
                    guint  month)
{
  static const guint8 days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  g_return_val_if_fail (month >= 1 && month <= 12, 0);

  if (month == 2 && is_leap_year (year))
    return 29;

  return days[month - 1];
}

char *
weft_day_to_iso (gint64 day)
{
  gint64 year;
  guint month, d;

  weft_civil_from_days (day, &year, &month, &d);
  if (year < 0)
    return g_strdup_printf ("-%04" G_GINT64_FORMAT "-%02u-%02u", -year, month, d);
  return g_strdup_printf ("%04" G_GINT64_FORMAT "-%02u-%02u", year, month, d);
}

/* ------------------------------------------------------------------ */
/* Names                                                               */
/* ------------------------------------------------------------------ */

static const char * const month_names[12] = {
  NC_("month", "January"),
  NC_("month", "February"),
  NC_("month", "March"),
  NC_("month", "April"),
  NC_("month", "May"),
  NC_("month", "June"),
  NC_("month", "July"),
  NC_("month", "August"),
  NC_("month", "September"),
  NC_("month", "October"),
  NC_("month", "November"),
  NC_("month", "December"),
};

static const char * const month_abbreviations[12] = {
  NC_("abbreviated month", "Jan"),
  NC_("abbreviated month", "Feb"),
  NC_("abbreviated month", "Mar"),
  NC_("abbreviated month", "Apr"),
  NC_("abbreviated month", "May"),
  NC_("abbreviated month", "Jun"),
  NC_("abbreviated month", "Jul"),
  NC_("abbreviated month", "Aug"),
  NC_("abbreviated month", "Sep"),
  NC_("abbreviated month", "Oct"),
  NC_("abbreviated month", "Nov"),
  NC_("abbreviated month", "Dec"),
};

static const char *
month_name (guint month)
{
  if (month < 1 || month > 12)
    return "";

  return g_dpgettext2 (GETTEXT_PACKAGE, "month", month_names[month - 1]);
}

static const char *
month_abbreviation (guint month)
{
  if (month < 1 || month > 12)
    return "";

  return g_dpgettext2 (GETTEXT_PACKAGE, "abbreviated month", month_abbreviations[month - 1]);
}

char *
weft_year_format (gint64 year)
{
  g_autofree char *number = NULL;

  if (year > 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, year);

  /* Year 0 is 1 BCE; unsigned arithmetic so that no year overflows. */
  number = g_strdup_printf ("%" G_GUINT64_FORMAT, (guint64) 1 - (guint64) year);

  /* Translators: a year before the common era; %s is its number, as
   * in "44 BCE". */
  return g_strdup_printf (_("%s BCE"), number);
}

/* "October 2021" */
static char *
format_month_year (guint  month,
                   gint64 year)
{
  g_autofree char *y = weft_year_format (year);

  /* Translators: a month and a year, as in "October 2021". %1$s is the
   * month name, %2$s the year. */
  return g_strdup_printf (C_("month and year", "%1$s %2$s"), month_name (month), y);
}

/* ------------------------------------------------------------------ */
/* Parsing                                                             */
/* ------------------------------------------------------------------ */

typedef enum {
  END_DATE,
  END_OPEN,     /* ".." */
  END_UNKNOWN,  /* empty */
} EndKind;

typedef struct {
  const char  *text;     /* the whole input, NUL-terminated */
  gsize        len;      /* strlen (text), at most MAX_TEXT_LEN */
  gsize        pos;      /* next byte to read */
  gsize        end;      /* end of the part being read (a '/' or len) */
  const char  *display;  /* text made fit for quoting */
  GError     **error;
  gsize        error_offset;
} Parser;

/* A run of digits and X, as in "2021", "199X", "XX". */
typedef struct {
  gsize  start;
  guint  n;             /* characters in the run */
  guint  nx;            /* how many of them are X */
  gint64 value;         /* the digits before the first X */
  gsize  first_x;       /* offset of the first X (when nx > 0) */
  gsize  digit_after_x; /* offset of a digit after an X, or 0 */
} Group;

/* Sets the WEFT_ERROR_DATE error, a printf-style message, and where in the
 * text it is; evaluates to FALSE, as in "return fail (p, offset, …)". */
#define fail(p, offset, ...) \
  (set_error_offset ((p), (offset)), \
   g_set_error ((p)->error, WEFT_ERROR, WEFT_ERROR_DATE, __VA_ARGS__), \
   FALSE)

static void
set_error_offset (Parser *p,
                  gsize   offset)
{
  p->error_offset = MIN (offset, p->len);
}

/* A copy of @text that is valid UTF-8, with control and invisible
 * characters written as escapes, so that a message can quote it. */
static char *
make_display (const char *text,
              gsize       len)
{
  return weft_text_escape (text, (gssize) len);
}

static char
peek (const Parser *p)
{
  return p->pos < p->end ? p->text[p->pos] : '\0';
}

static gboolean
is_qualifier (char c)
{
  return c == '?' || c == '~' || c == '%';
}

static gboolean
fail_unexpected (Parser *p,
                 gsize   offset)
{
  guchar c;
  gunichar u;
  char buf[8] = { 0 };

  if (offset >= p->len)
    return fail (p, offset,
                 /* Translators: %s is the text that was given. */
                 _("“%s” ends too early; expected an EDTF date such as “2021-10-05”, “2008”, “2017/2021” or “2000~”"),
                 p->display);

  c = (guchar) p->text[offset];

  if (c == ' ')
    return fail (p, offset,
                 _("“%s”: unexpected space; expected an EDTF date such as “2021-10-05”, “2008”, “2017/2021” or “2000~”"),
                 p->display);

  if (c < 0x20 || c == 0x7f)
    return fail (p, offset,
                 _("“%s”: unexpected control character; expected an EDTF date such as “2021-10-05”, “2008”, “2017/2021” or “2000~”"),
                 p->display);

  if (c < 0x80)
    return fail (p, offset,
                 /* Translators: %1$s is the text that was given, %2$c the
                  * character that is out of place. */
                 _("“%1$s”: unexpected “%2$c”; expected an EDTF date such as “2021-10-05”, “2008”, “2017/2021” or “2000~”"),
                 p->display, (char) c);

  u = g_utf8_get_char_validated (p->text + offset, (gssize) (p->len - offset));
  if (u == (gunichar) -1 || u == (gunichar) -2)
    return fail (p, offset,
                 /* Translators: %1$s is the text that was given, %2$02X a
                  * byte in hexadecimal. */
                 _("“%1$s”: unexpected byte 0x%2$02X, which is not valid UTF-8; expected an EDTF date such as “2021-10-05”"),
                 p->display, (guint) c);

  if (weft_text_is_unsafe (u) || !g_unichar_isgraph (u))
    return fail (p, offset,
                 /* Translators: %1$s is the text that was given, %2$04X a
                  * Unicode code point. */
                 _("“%1$s”: unexpected invisible character U+%2$04X; expected an EDTF date such as “2021-10-05”"),
                 p->display, (guint) u);

  g_unichar_to_utf8 (u, buf);

  return fail (p, offset,
               /* Translators: %1$s is the text that was given, %2$s the
                * character that is out of place. */
               _("“%1$s”: unexpected “%2$s”; expected an EDTF date such as “2021-10-05”, “2008”, “2017/2021” or “2000~”"),
               p->display, buf);
}

/* Reads a run of digits and X. Fails only on a lowercase x. */
static gboolean
read_group (Parser *p,
            Group  *g)
{
  memset (g, 0, sizeof *g);
  g->start = p->pos;

  for (; p->pos < p->end; p->pos++)
    {
      char c = p->text[p->pos];

      if (c >= '0' && c <= '9')
        {
          if (g->nx > 0)
            {
              if (g->digit_after_x == 0)
                g->digit_after_x = p->pos;
            }
          else if (g->value < (G_GINT64_CONSTANT (1) << 40))
            {
              g->value = g->value * 10 + (c - '0');
            }
        }
      else if (c == 'X')
        {
          if (g->nx == 0)
            g->first_x = p->pos;
          g->nx++;
        }
      else if (c == 'x')
        {
          return fail (p, p->pos,
                       _("“%s”: write unspecified digits as a capital “X”, as in “199X” or “2004-XX”"),
                       p->display);
        }
      else
        {
          break;
        }

      g->n++;
    }

  return TRUE;
}

/* Exactly two digits, for the time of day. */
static gboolean
read_two_digits (Parser *p,
                 guint  *value)
{
  char a, b;

  if (p->pos + 2 > p->end)
    return FALSE;

  a = p->text[p->pos];
  b = p->text[p->pos + 1];
  if (a < '0' || a > '9' || b < '0' || b > '9')
    return FALSE;

  *value = (guint) (a - '0') * 10 + (guint) (b - '0');
  p->pos += 2;

  return TRUE;
}

/* "T14:30:00" with an optional "Z", "+02:00" or "-05". Checked, then
 * ignored: the date keeps day precision. */
static gboolean
parse_time (Parser *p)
{
  guint fields[3];
  gsize field_start[3];
  char c;

  p->pos++; /* 'T' */

  for (guint i = 0; i < 3; i++)
    {
      if (i > 0)
        {
          if (peek (p) != ':')
            goto bad_time;
          p->pos++;
        }

      field_start[i] = p->pos;
      if (!read_two_digits (p, &fields[i]))
        goto bad_time;
    }

  if (fields[0] > 23)
    return fail (p, field_start[0],
                 _("“%s”: the hour is out of range (00–23); expected a time such as “2021-10-05T14:30:00”"),
                 p->display);
  if (fields[1] > 59)
    return fail (p, field_start[1],
                 _("“%s”: the minute is out of range (00–59); expected a time such as “2021-10-05T14:30:00”"),
                 p->display);
  if (fields[2] > 59)
    return fail (p, field_start[2],
                 _("“%s”: the second is out of range (00–59); expected a time such as “2021-10-05T14:30:00”"),
                 p->display);

  c = peek (p);
  if (c == 'Z')
    {
      p->pos++;
    }
  else if (c == '+' || c == '-')
    {
      guint hours, minutes = 0;
      gsize hours_start;

      p->pos++;
      hours_start = p->pos;
      if (!read_two_digits (p, &hours))
        goto bad_zone;

      if (peek (p) == ':')
        {
          p->pos++;
          if (!read_two_digits (p, &minutes))
            goto bad_zone;
        }

      if (hours > 23 || minutes > 59)
        {
          p->pos = hours_start;
          goto bad_zone;
        }
    }

  return TRUE;

bad_time:
  return fail (p, p->pos,
               _("“%s”: expected a time as hh:mm:ss after “T”, as in “2021-10-05T14:30:00”"),
               p->display);

bad_zone:
  return fail (p, p->pos,
               _("“%s”: expected a time zone such as “Z”, “+02:00” or “-05:00” after the time"),
               p->display);
}

static void
point_set_bounds (WeftDatePoint *pt,
                  gint64         last_year)
{
  switch (pt->precision)
    {
    case WEFT_DATE_PRECISION_DAY:
      pt->lower = weft_days_from_civil (pt->year, (guint) pt->month, (guint) pt->day);
      pt->upper = pt->lower;
      break;

    case WEFT_DATE_PRECISION_MONTH:
      pt->lower = weft_days_from_civil (pt->year, (guint) pt->month, 1);
      pt->upper = weft_days_from_civil (pt->year, (guint) pt->month,
                                        weft_days_in_month (pt->year, (guint) pt->month));
      break;

    case WEFT_DATE_PRECISION_SEASON:
      switch (pt->month)
        {
        case 21: /* spring: March to May */
          pt->lower = weft_days_from_civil (pt->year, 3, 1);
          pt->upper = weft_days_from_civil (pt->year, 5, 31);
          break;
        case 22: /* summer: June to August */
          pt->lower = weft_days_from_civil (pt->year, 6, 1);
          pt->upper = weft_days_from_civil (pt->year, 8, 31);
          break;
        case 23: /* autumn: September to November */
          pt->lower = weft_days_from_civil (pt->year, 9, 1);
          pt->upper = weft_days_from_civil (pt->year, 11, 30);
          break;
        default: /* 24, winter: December to February of the next year */
          pt->lower = weft_days_from_civil (pt->year, 12, 1);
          pt->upper = weft_days_from_civil (pt->year + 1, 3, 1) - 1;
          break;
        }
      break;

    case WEFT_DATE_PRECISION_YEAR:
    case WEFT_DATE_PRECISION_DECADE:
    case WEFT_DATE_PRECISION_CENTURY:
    case WEFT_DATE_PRECISION_MILLENNIUM:
    default:
      pt->lower = weft_days_from_civil (pt->year, 1, 1);
      pt->upper = weft_days_from_civil (last_year, 12, 31);
      break;
    }
}

/* "Y170000", "Y-170000": p->pos is on the 'Y'. */
static gboolean
parse_extended_year (Parser        *p,
                     WeftDatePoint *pt)
{
  gsize start = p->pos;
  gboolean negative = FALSE;
  Group g;

  p->pos++; /* 'Y' */
  if (peek (p) == '-')
    {
      negative = TRUE;
      p->pos++;
    }

  if (!read_group (p, &g))
    return FALSE;

  if (g.nx > 0)
    return fail (p, g.first_x,
                 _("“%s”: unspecified digits (X) are not supported in a year written with “Y”"),
                 p->display);

  if (g.n == 0)
    return fail (p, p->pos,
                 _("“%s”: expected the digits of a year after “Y”, as in “Y170000” or “Y-170000”"),
                 p->display);

  /* EDTF level 2 exponents, as in "Y17E7" */
  if (peek (p) == 'E')
    return fail (p, p->pos,
                 _("“%s”: years with an exponent are not supported; write all the digits, as in “Y170000”"),
                 p->display);

  if (g.n <= 4)
    return fail (p, start,
                 _("“%s”: “Y” is only for years with more than four digits; write other years with four digits, as in “2021” or “-0043”"),
                 p->display);

  if (g.value > WEFT_DATE_MAX_YEAR)
    return fail (p, g.start,
                 /* Translators: %1$s is the text that was given, %2$d the
                  * largest year accepted (999999). */
                 _("“%1$s”: the year is out of range; years go from Y-%2$d to Y%2$d"),
                 p->display, WEFT_DATE_MAX_YEAR);

  if (negative && g.value == 0)
    return fail (p, start,
                 _("“%s”: year zero has no sign; write “0000” (1 BCE)"),
                 p->display);

  if (peek (p) == '-')
    return fail (p, p->pos,
                 _("“%s”: a year written with “Y” stands alone, without month or day, as in “Y170000”"),
                 p->display);

  pt->year = (gint) (negative ? -g.value : g.value);
  pt->precision = WEFT_DATE_PRECISION_YEAR;
  point_set_bounds (pt, pt->year);

  return TRUE;
}

/* A four-digit year, perhaps negative ("-0043") or with unspecified last
 * digits ("199X", "19XX", "1XXX", "-004X"); p->pos is on its first
 * character. pt->year gets the first year it may mean, *@last_year the
 * last (1999 for "199X", -40 for "-004X"). */
static gboolean
parse_year (Parser        *p,
            WeftDatePoint *pt,
            gint64        *last_year)
{
  gsize start = p->pos;
  gboolean negative = FALSE;
  gint64 n_years = 1;
  Group g;

  if (peek (p) == '-')
    {
      negative = TRUE;
      p->pos++;
    }

  if (!read_group (p, &g))
    return FALSE;

  if (g.n == 0)
    {
      if (negative)
        return fail (p, p->pos,
                     _("“%s”: expected a four-digit year after “-”, as in “-0043”"),
                     p->display);
      return fail_unexpected (p, p->pos);
    }

  if (g.n < 4)
    return fail (p, start,
                 _("“%s”: a year needs four digits, as in “2021” or “0079”"),
                 p->display);

  if (g.n > 4)
    {
      if (g.nx == 0)
        return fail (p, g.start + 4,
                     _("“%s”: a year with more than four digits needs a “Y” in front, as in “Y12345”"),
                     p->display);
      return fail (p, g.start + 4,
                   _("“%s”: a year needs four digits, as in “2021” or “199X”"),
                   p->display);
    }

  if (g.digit_after_x != 0)
    return fail (p, g.digit_after_x,
                 _("“%s”: unspecified digits (X) must be the last digits of the year, as in “199X” or “19XX”"),
                 p->display);

  /* "XXXX" would say nothing at all about the date; an unknown interval
   * end ("/2019") is the EDTF way to say that. */
  if (g.nx == 4)
    return fail (p, g.start,
                 _("“%s”: a year with no known digit is not supported; give the first digits, as in “19XX”, or leave an interval end empty, as in “/2019”"),
                 p->display);

  if (negative && g.value == 0 && g.nx == 0)
    return fail (p, start,
                 _("“%s”: year zero has no sign; write “0000” (1 BCE)"),
                 p->display);

  for (guint i = 0; i < g.nx; i++)
    n_years *= 10;

  /* "-004X" is -0049 to -0040: the first year is the one furthest back;
   * "-00XX" is -0099 to -0001 ("-0000" is not a year). */
  if (negative && g.nx > 0)
    {
      *last_year = MIN (-g.value * n_years, -1);
      pt->year = (gint) (-g.value * n_years - n_years + 1);
    }
  else
    {
      pt->year = (gint) ((negative ? -g.value : g.value) * n_years);
      *last_year = pt->year + n_years - 1;
    }
  switch (g.nx)
    {
    case 0:
      pt->precision = WEFT_DATE_PRECISION_YEAR;
      break;
    case 1:
      pt->precision = WEFT_DATE_PRECISION_DECADE;
      break;
    case 2:
      pt->precision = WEFT_DATE_PRECISION_CENTURY;
      break;
    default:
      pt->precision = WEFT_DATE_PRECISION_MILLENNIUM;
      break;
    }

  if (g.nx > 0)
    {
      pt->flags |= WEFT_DATE_FLAG_UNSPECIFIED;
      if (peek (p) == '-')
        return fail (p, p->pos,
                     _("“%s”: a year with unspecified digits stands alone, without month or day, as in “199X”"),
                     p->display);
    }

  return TRUE;
}

typedef enum {
  FIELD_MONTH,
  FIELD_DAY,
} Field;

/* The month or the day after its '-' (p->pos is on the '-'): two digits,
 * or "XX" (then g->nx is 2). */
static gboolean
read_field (Parser *p,
            Field   field,
            Group  *g)
{
  p->pos++; /* '-' */
  if (!read_group (p, g))
    return FALSE;

  if (g->n != 2)
    return fail (p, g->n < 2 ? g->start : g->start + 2,
                 field == FIELD_MONTH
                 ? _("“%s”: a month needs two digits, as in “2021-01” or “2021-10”")
                 : _("“%s”: a day needs two digits, as in “2021-10-05”"),
                 p->display);

  if (g->nx == 1)
    return fail (p, g->start,
                 field == FIELD_MONTH
                 ? _("“%s”: a month is two digits or “XX”, as in “2004-06” or “2004-XX”")
                 : _("“%s”: a day is two digits or “XX”, as in “2004-06-11” or “2004-06-XX”"),
                 p->display);

  return TRUE;
}

/* "-10", "-21" (a season) or "-XX" after the year; p->pos is on the '-'.
 * pt->month stays 0 for "XX". */
static gboolean
parse_month (Parser        *p,
             WeftDatePoint *pt)
{
  Group g;

  if (!read_field (p, FIELD_MONTH, &g))
    return FALSE;

  if (g.nx == 2)
    {
      pt->flags |= WEFT_DATE_FLAG_UNSPECIFIED;
      return TRUE;
    }

  if (!(g.value >= 1 && g.value <= 12) && !(g.value >= 21 && g.value <= 24))
    return fail (p, g.start,
                 /* Translators: %1$02d is the month number that was
                  * given, %2$s the text. */
                 _("month %1$02d is out of range (01–12) in “%2$s”; seasons are 21–24, as in “2021-21” for spring 2021"),
                 (int) g.value, p->display);

  pt->month = (gint) g.value;
  pt->precision = g.value > 12 ? WEFT_DATE_PRECISION_SEASON : WEFT_DATE_PRECISION_MONTH;

  return TRUE;
}

/* "-05" or "-XX" after the month; p->pos is on the '-'. */
static gboolean
parse_day (Parser        *p,
           WeftDatePoint *pt)
{
  gboolean month_unspecified = pt->month == 0; /* "2004-XX-…" */
  guint n_days;
  Group g;

  if (pt->precision == WEFT_DATE_PRECISION_SEASON)
    return fail (p, p->pos,
                 _("“%s”: a season (21–24) has no day; write “2021-21” for spring 2021"),
                 p->display);

  if (!read_field (p, FIELD_DAY, &g))
    return FALSE;

  if (g.nx == 2)
    {
      pt->flags |= WEFT_DATE_FLAG_UNSPECIFIED;
      if (!month_unspecified)
        pt->precision = WEFT_DATE_PRECISION_MONTH;
      return TRUE;
    }

  if (month_unspecified)
    return fail (p, g.start,
                 _("“%s”: a day cannot be given when the month is unspecified; write “2004-XX-XX” or give the month"),
                 p->display);

  if (g.value < 1 || g.value > 31)
    return fail (p, g.start,
                 /* Translators: %1$02d is the day number that was
                  * given, %2$s the text. */
                 _("day %1$02d is out of range (01–31) in “%2$s”"),
                 (int) g.value, p->display);

  n_days = weft_days_in_month (pt->year, (guint) pt->month);
  if (g.value > n_days)
    {
      g_autofree char *month_year = format_month_year ((guint) pt->month, pt->year);

      return fail (p, g.start,
                   /* Translators: %1$s is the text that was given,
                    * %2$s a month and year ("February 2021"),
                    * %3$u its number of days. */
                   _("“%1$s”: %2$s has %3$u days"),
                   p->display, month_year, n_days);
    }

  pt->day = (gint) g.value;
  pt->precision = WEFT_DATE_PRECISION_DAY;

  return TRUE;
}

/* A date on the calendar: year, then perhaps month (or season), day and
 * time ("2021-10-05T14:30:00"); sets the bounds. *@has_time is set when
 * there was a time. */
static gboolean
parse_calendar_date (Parser        *p,
                     WeftDatePoint *pt,
                     gboolean      *has_time)
{
  gint64 last_year = 0;

  if (!parse_year (p, pt, &last_year))
    return FALSE;

  if (peek (p) == '-')
    {
      if (!parse_month (p, pt))
        return FALSE;
      if (peek (p) == '-' && !parse_day (p, pt))
        return FALSE;
    }

  /* Only a known day takes a time. */
  if (pt->precision == WEFT_DATE_PRECISION_DAY && peek (p) == 'T')
    {
      if (!parse_time (p))
        return FALSE;
      *has_time = TRUE;
    }

  if (peek (p) == 'T')
    return fail (p, p->pos,
                 _("“%s”: a time needs a full date before it, as in “2021-10-05T14:30:00”"),
                 p->display);

  /* The last year of "199X" is 1999, of "-004X" -0040. */
  point_set_bounds (pt, last_year);

  return TRUE;
}

/* The one qualifier that may end a date: "?" uncertain, "~" approximate,
 * "%" both. */
static gboolean
parse_qualifier (Parser        *p,
                 WeftDatePoint *pt,
                 gboolean       has_time)
{
  char c = peek (p);

  if (!is_qualifier (c))
    return TRUE;

  if (has_time)
    return fail (p, p->pos,
                 _("“%s”: a date with a time cannot take a qualifier; write “2004-06-11?” without the time"),
                 p->display);

  if (c == '?')
    pt->flags |= WEFT_DATE_FLAG_UNCERTAIN;
  else if (c == '~')
    pt->flags |= WEFT_DATE_FLAG_APPROXIMATE;
  else
    pt->flags |= WEFT_DATE_FLAG_UNCERTAIN | WEFT_DATE_FLAG_APPROXIMATE;
  p->pos++;

  c = peek (p);
  if (is_qualifier (c))
    return fail (p, p->pos,
                 _("“%s”: use a single qualifier; “%%” means both approximate and uncertain, as in “2004%%”"),
                 p->display);
  if (c == '-')
    return fail (p, p->pos,
                 _("“%s”: a qualifier goes at the end of the date, as in “2004-06?”"),
                 p->display);

  return TRUE;
}

/* One date, without '/': from p->pos to p->end, which is not empty. The
 * steps: a long year ("Y170000") or a calendar date (year, month or
 * season, day, time), then a qualifier, then nothing more. */
static gboolean
parse_point (Parser        *p,
             WeftDatePoint *pt)
{
  gboolean has_time = FALSE;

  memset (pt, 0, sizeof *pt);

  if (is_qualifier (peek (p)))
    return fail (p, p->pos,
                 _("“%s”: a qualifier (“?”, “~” or “%%”) goes after the date, as in “2004?”"),
                 p->display);

  if (peek (p) == 'Y')
    {
      if (!parse_extended_year (p, pt))
        return FALSE;
    }
  else if (!parse_calendar_date (p, pt, &has_time))
    {
      return FALSE;
    }

  if (!parse_qualifier (p, pt, has_time))
    return FALSE;

  if (p->pos < p->end)
    return fail_unexpected (p, p->pos);

  return TRUE;
}

/* One end of an interval (or the whole date): text[from, to). */
static gboolean
parse_end (Parser        *p,
           gsize          from,
           gsize          to,
           gboolean       in_interval,
           WeftDatePoint *pt,
           EndKind       *kind)
{
  p->pos = from;
  p->end = to;
  memset (pt, 0, sizeof *pt);

  if (from == to)
    {
      *kind = END_UNKNOWN;
      return TRUE;
    }

  if (to - from >= 2 && p->text[from] == '.' && p->text[from + 1] == '.')
    {
      if (to - from > 2)
        return fail (p, from + 2,
                     _("“%s”: an open end “..” stands alone, as in “2019/..”"),
                     p->display);
      if (!in_interval)
        return fail (p, from,
                     _("“%s”: “..” marks an open end and only makes sense in an interval, as in “2019/..” or “../2019”"),
                     p->display);
      *kind = END_OPEN;
      return TRUE;
    }

  *kind = END_DATE;

  return parse_point (p, pt);
}

/* An open or unknown end, from the end that has a date. */
static void
fill_missing_end (WeftDatePoint       *pt,
                  EndKind              kind,
                  const WeftDatePoint *other,
                  gboolean             is_start)
{
  memset (pt, 0, sizeof *pt);
  pt->precision = other->precision;

  if (kind == END_OPEN)
    {
      pt->flags = WEFT_DATE_FLAG_OPEN;
      pt->lower = pt->upper = is_start ? WEFT_DAY_OPEN_LOWER : WEFT_DAY_OPEN_UPPER;
    }
  else
    {
      pt->flags = WEFT_DATE_FLAG_UNKNOWN;
      pt->lower = other->lower;
      pt->upper = other->upper;
    }
}

static gboolean
parse_text (Parser   *p,
            WeftDate *date)
{
  const char *slash;
  const char *second_slash;
  gsize slash_at;
  EndKind start_kind, end_kind;

  memset (date, 0, sizeof *date);

  if (p->text[0] == '[' || p->text[0] == '{')
    return fail (p, 0,
                 _("“%s”: sets of dates such as “[1667,1668]” are not supported; write an interval such as “1667/1668”"),
                 p->display);

  slash = memchr (p->text, '/', p->len);
  if (slash == NULL)
    {
      if (!parse_end (p, 0, p->len, FALSE, &date->start, &start_kind))
        return FALSE;
      date->end = date->start;
      date->lower = date->start.lower;
      date->upper = date->start.upper;
      date->is_interval = FALSE;
      return TRUE;
    }

  slash_at = (gsize) (slash - p->text);
  second_slash = memchr (slash + 1, '/', p->len - slash_at - 1);
  if (second_slash != NULL)
    return fail (p, (gsize) (second_slash - p->text),
                 _("“%s” has more than one “/”; an interval has two ends, as in “2017/2021”"),
                 p->display);

  if (!parse_end (p, 0, slash_at, TRUE, &date->start, &start_kind) ||
      !parse_end (p, slash_at + 1, p->len, TRUE, &date->end, &end_kind))
    return FALSE;

  if (start_kind != END_DATE && end_kind != END_DATE)
    {
      if (start_kind == END_UNKNOWN && end_kind == END_UNKNOWN)
        return fail (p, 0,
                     _("“%s” is an interval without dates; give at least one end, as in “2017/2021”, “2019/..” or “/2019”"),
                     p->display);
      if (start_kind == END_OPEN && end_kind == END_OPEN)
        return fail (p, 0,
                     _("“%s” is open at both ends; give at least one date, as in “2019/..” or “../2019”"),
                     p->display);
      return fail (p, 0,
                   _("“%s” has no date at either end; give at least one date, as in “2019/..” or “/2019”"),
                   p->display);
    }

  if (start_kind != END_DATE)
    fill_missing_end (&date->start, start_kind, &date->end, TRUE);
  if (end_kind != END_DATE)
    fill_missing_end (&date->end, end_kind, &date->start, FALSE);

  if (date->start.lower > date->end.upper)
    return fail (p, slash_at + 1,
                 _("“%s” ends before it starts; write the earlier date first, as in “2017/2021”"),
                 p->display);

  date->lower = date->start.lower;
  date->upper = date->end.upper;
  date->is_interval = TRUE;

  return TRUE;
}

gboolean
weft_date_parse (const char  *text,
                 WeftDate    *date,
                 gsize       *offset,
                 GError     **error)
{
  g_autofree char *display = NULL;
  Parser p = { 0 };
  WeftDate result = { 0 };
  gsize len;
  gboolean ok;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  p.error = error;

  if (text == NULL || text[0] == '\0')
    {
      ok = fail (&p, 0,
                 _("empty date; expected an EDTF date such as “2021-10-05”, “2008”, “2017/2021” or “2000~”"));
      goto out;
    }

  /* Never looks further than one byte past the limit. */
  len = strnlen (text, MAX_TEXT_LEN + 1);
  if (len > MAX_TEXT_LEN)
    {
      g_autofree char *head = make_display (text, MAX_TEXT_LEN);
      g_autofree char *quoted = g_utf8_substring (head, 0, MIN (g_utf8_strlen (head, -1), MAX_QUOTED_CHARS));

      ok = fail (&p, 0,
                 /* Translators: %1$s is the beginning of the text that was
                  * given, %2$d the largest length accepted (64). */
                 _("“%1$s…” is too long for a date (more than %2$d bytes); expected an EDTF date such as “2021-10-05”"),
                 quoted, MAX_TEXT_LEN);
      goto out;
    }

  display = make_display (text, len);
  p.text = text;
  p.len = len;
  p.display = display;

  if (g_ascii_isspace (text[0]))
    {
      ok = fail (&p, 0,
                 _("“%s” starts with white space; remove it, as in “2021-10-05”"),
                 display);
      goto out;
    }

  if (g_ascii_isspace (text[len - 1]))
    {
      gsize i = len - 1;

      while (i > 0 && g_ascii_isspace (text[i - 1]))
        i--;
      ok = fail (&p, i,
                 _("“%s” ends with white space; remove it, as in “2021-10-05”"),
                 display);
      goto out;
    }

  ok = parse_text (&p, &result);

out:
  if (ok)
    {
      if (date != NULL)
        *date = result;
    }
  else if (offset != NULL)
    {
      *offset = p.error_offset;
    }

  return ok;
}

int
weft_date_compare (const WeftDate *a,
                   const WeftDate *b)
{
  if (a->lower != b->lower)
    return a->lower < b->lower ? -1 : 1;
  if (a->upper != b->upper)
    return a->upper < b->upper ? -1 : 1;
  return 0;
}

/* ------------------------------------------------------------------ */
/* Describing                                                          */
/* ------------------------------------------------------------------ */

typedef enum {
  ORDINAL_ST,
  ORDINAL_ND,
  ORDINAL_RD,
  ORDINAL_TH,
} OrdinalKind;

/* English ordinal suffixes; translators get one string per suffix and
 * write whatever their language needs. */
static OrdinalKind
ordinal_kind (int n)
{
  if (n % 100 >= 11 && n % 100 <= 13)
    return ORDINAL_TH;

  switch (n % 10)
    {
    case 1:
      return ORDINAL_ST;
    case 2:
      return ORDINAL_ND;
    case 3:
      return ORDINAL_RD;
    default:
      return ORDINAL_TH;
    }
}

/* Roman numerals for 1 to 3999. */
static char *
roman_numeral (int n)
{
  static const struct { int value; const char *digits; } table[] = {
    { 1000, "M" }, { 900, "CM" }, { 500, "D" }, { 400, "CD" }, { 100, "C" }, { 90, "XC" },
    { 50, "L" }, { 40, "XL" }, { 10, "X" }, { 9, "IX" }, { 5, "V" }, { 4, "IV" }, { 1, "I" },
  };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    for (; n >= table[i].value; n -= table[i].value)
      g_string_append (out, table[i].digits);
  return g_string_free (out, FALSE);
}

/* The number of a century or millennium as the translation writes it. */
static char *
ordinal_number (int n)
{
  /* Translators: write "roman" here if your language numbers centuries
   * and millennia in Roman numerals ("siglo XXI"), and keep "arabic" for
   * "21st century". The messages below get the number as a string. */
  if (g_str_equal (C_("century numerals", "arabic"), "roman") && n >= 1 && n <= 3999)
    return roman_numeral (n);
  return g_strdup_printf ("%d", n);
}

/* "the 20th century" for 19XX (1900–1999), "20th c." when short. The
 * years 0–99 (00XX) count as the 1st century. */
static char *
format_century (gint64   first_year,
                gboolean is_short)
{
  int n = (int) (first_year / 100) + 1;
  g_autofree char *number = ordinal_number (n);

  if (is_short)
    {
      /* Translators: short labels of centuries with unspecified digits:
       * "19XX" is "20th c.". Translate each form as your language needs. */
      switch (ordinal_kind (n))
        {
        case ORDINAL_ST:
          return g_strdup_printf (C_("short century", "%sst c."), number);
        case ORDINAL_ND:
          return g_strdup_printf (C_("short century", "%snd c."), number);
        case ORDINAL_RD:
          return g_strdup_printf (C_("short century", "%srd c."), number);
        case ORDINAL_TH:
        default:
          return g_strdup_printf (C_("short century", "%sth c."), number);
        }
    }

  /* Translators: centuries with unspecified digits: "19XX" is "the 20th
   * century". Translate each form as your language needs. */
  switch (ordinal_kind (n))
    {
    case ORDINAL_ST:
      return g_strdup_printf (_("the %sst century"), number);
    case ORDINAL_ND:
      return g_strdup_printf (_("the %snd century"), number);
    case ORDINAL_RD:
      return g_strdup_printf (_("the %srd century"), number);
    case ORDINAL_TH:
    default:
      return g_strdup_printf (_("the %sth century"), number);
    }
}

/* "the 2nd millennium" for 1XXX (1000–1999), "2nd mill." when short. */
static char *
format_millennium (gint64   first_year,
                   gboolean is_short)
{
  int n = (int) (first_year / 1000) + 1;
  g_autofree char *number = ordinal_number (n);

  if (is_short)
    {
      /* Translators: short labels of millennia with unspecified digits:
       * "1XXX" is "2nd mill.". */
      switch (ordinal_kind (n))
        {
        case ORDINAL_ST:
          return g_strdup_printf (C_("short millennium", "%sst mill."), number);
        case ORDINAL_ND:
          return g_strdup_printf (C_("short millennium", "%snd mill."), number);
        case ORDINAL_RD:
          return g_strdup_printf (C_("short millennium", "%srd mill."), number);
        case ORDINAL_TH:
        default:
          return g_strdup_printf (C_("short millennium", "%sth mill."), number);
        }
    }

  /* Translators: millennia with unspecified digits: "1XXX" is "the 2nd
   * millennium". */
  switch (ordinal_kind (n))
    {
    case ORDINAL_ST:
      return g_strdup_printf (_("the %sst millennium"), number);
    case ORDINAL_ND:
      return g_strdup_printf (_("the %snd millennium"), number);
    case ORDINAL_RD:
      return g_strdup_printf (_("the %srd millennium"), number);
    case ORDINAL_TH:
    default:
      return g_strdup_printf (_("the %sth millennium"), number);
    }
}

static char *
format_season (int      season,
               gint64   year,
               gboolean is_short)
{
  g_autofree char *y = weft_year_format (year);

  if (is_short)
    {
      /* Translators: short labels of seasons; %s is a year. Winter 2021
       * runs from December 2021 to February 2022. */
      switch (season)
        {
        case 21:
          return g_strdup_printf (C_("short season", "Spring %s"), y);
        case 22:
          return g_strdup_printf (C_("short season", "Summer %s"), y);
        case 23:
          return g_strdup_printf (C_("short season", "Autumn %s"), y);
        default:
          return g_strdup_printf (C_("short season", "Winter %s"), y);
        }
    }

  /* Translators: seasons in a sentence; %s is a year. Winter 2021 runs
   * from December 2021 to February 2022. */
  switch (season)
    {
    case 21:
      return g_strdup_printf (C_("season", "spring %s"), y);
    case 22:
      return g_strdup_printf (C_("season", "summer %s"), y);
    case 23:
      return g_strdup_printf (C_("season", "autumn %s"), y);
    default:
      return g_strdup_printf (C_("season", "winter %s"), y);
    }
}

/* The date itself, without qualifiers: "15 January 2020", "Oct 2021". */
static char *
format_point_plain (const WeftDatePoint *pt,
                    gboolean             is_short)
{
  g_autofree char *y = NULL;

  /* "-004X" as the years it spans: "50 BCE to 41 BCE". */
  if (pt->year < 0 && pt->precision >= WEFT_DATE_PRECISION_DECADE)
    {
      g_autofree char *last = NULL;
      gint64 last_year;

      weft_civil_from_days (pt->upper, &last_year, NULL, NULL);
      y = weft_year_format (pt->year);
      last = weft_year_format (last_year);
      if (is_short)
        return g_strdup_printf (C_("short interval", "%1$s–%2$s"), y, last);
      return g_strdup_printf (_("%1$s to %2$s"), y, last);
    }

  switch (pt->precision)
    {
    case WEFT_DATE_PRECISION_DAY:
      y = weft_year_format (pt->year);
      if (is_short)
        /* Translators: a short date, as in "15 Jan 2020". %1$d is the day,
         * %2$s the abbreviated month, %3$s the year. */
        return g_strdup_printf (C_("short date", "%1$d %2$s %3$s"),
                                pt->day, month_abbreviation ((guint) pt->month), y);
      /* Translators: a date, as in "15 January 2020". %1$d is the day,
       * %2$s the month, %3$s the year. */
      return g_strdup_printf (C_("date", "%1$d %2$s %3$s"),
                              pt->day, month_name ((guint) pt->month), y);

    case WEFT_DATE_PRECISION_MONTH:
      if (is_short)
        {
          y = weft_year_format (pt->year);
          /* Translators: a short month and year, as in "Oct 2021". */
          return g_strdup_printf (C_("short month and year", "%1$s %2$s"),
                                  month_abbreviation ((guint) pt->month), y);
        }
      return format_month_year ((guint) pt->month, pt->year);

    case WEFT_DATE_PRECISION_SEASON:
      return format_season (pt->month, pt->year, is_short);

    case WEFT_DATE_PRECISION_DECADE:
      /* "000X" is "the 0s", not "1 BCE". */
      y = g_strdup_printf ("%d", pt->year);
      if (is_short)
        /* Translators: a decade, as in "1990s"; %s is its first year. */
        return g_strdup_printf (C_("short decade", "%ss"), y);
      /* Translators: a decade, as in "the 1990s"; %s is its first year. */
      return g_strdup_printf (C_("decade", "the %ss"), y);

    case WEFT_DATE_PRECISION_CENTURY:
      return format_century (pt->year, is_short);

    case WEFT_DATE_PRECISION_MILLENNIUM:
      return format_millennium (pt->year, is_short);

    case WEFT_DATE_PRECISION_YEAR:
    default:
      return weft_year_format (pt->year);
    }
}

/* The date with its qualifiers: "around 2000", "c. 2000", "2004?". */
static char *
format_point (const WeftDatePoint *pt,
              gboolean             is_short)
{
  g_autofree char *plain = format_point_plain (pt, is_short);
  gboolean approximate = (pt->flags & WEFT_DATE_FLAG_APPROXIMATE) != 0;
  gboolean uncertain = (pt->flags & WEFT_DATE_FLAG_UNCERTAIN) != 0;

  if (is_short)
    {
      if (approximate && uncertain)
        /* Translators: a short label of a date that is approximate and
         * uncertain; "c." is circa. */
        return g_strdup_printf (C_("short date", "c. %s?"), plain);
      if (approximate)
        /* Translators: a short label of an approximate date; "c." is circa. */
        return g_strdup_printf (C_("short date", "c. %s"), plain);
      if (uncertain)
        /* Translators: a short label of an uncertain date. */
        return g_strdup_printf (C_("short date", "%s?"), plain);
      return g_steal_pointer (&plain);
    }

  if (approximate && uncertain)
    /* Translators: %s is a date, as in "2004". */
    return g_strdup_printf (_("%s (approximate and uncertain)"), plain);
  if (approximate)
    /* Translators: %s is a date, as in "2000". */
    return g_strdup_printf (_("around %s"), plain);
  if (uncertain)
    /* Translators: %s is a date, as in "2004". */
    return g_strdup_printf (_("%s (uncertain)"), plain);

  return g_steal_pointer (&plain);
}

static const char *
precision_name (WeftDatePrecision precision)
{
  switch (precision)
    {
    case WEFT_DATE_PRECISION_DAY:
      return _("day precision");
    case WEFT_DATE_PRECISION_MONTH:
      return _("month precision");
    case WEFT_DATE_PRECISION_SEASON:
      return _("season precision");
    case WEFT_DATE_PRECISION_DECADE:
      return _("decade precision");
    case WEFT_DATE_PRECISION_CENTURY:
      return _("century precision");
    case WEFT_DATE_PRECISION_MILLENNIUM:
      return _("millennium precision");
    case WEFT_DATE_PRECISION_YEAR:
    default:
      return _("year precision");
    }
}

char *
weft_date_describe (const WeftDate *date)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  g_return_val_if_fail (date != NULL, NULL);

  if (!date->is_interval)
    {
      start = format_point (&date->start, FALSE);
      /* Translators: a date and how precise it is, as in "October 2021,
       * month precision". */
      return g_strdup_printf (_("%1$s, %2$s"), start, precision_name (date->start.precision));
    }

  if (date->start.flags & (WEFT_DATE_FLAG_OPEN | WEFT_DATE_FLAG_UNKNOWN))
    {
      end = format_point (&date->end, FALSE);
      if (date->start.flags & WEFT_DATE_FLAG_OPEN)
        /* Translators: an interval with no start ("../2019"). */
        return g_strdup_printf (_("until %s, open start"), end);
      /* Translators: an interval whose start is not known ("/2019"). */
      return g_strdup_printf (_("an unknown date to %s"), end);
    }

  start = format_point (&date->start, FALSE);

  if (date->end.flags & WEFT_DATE_FLAG_OPEN)
    /* Translators: an interval with no end ("2019/.."). */
    return g_strdup_printf (_("from %s, open end"), start);
  if (date->end.flags & WEFT_DATE_FLAG_UNKNOWN)
    /* Translators: an interval whose end is not known ("2017/"). */
    return g_strdup_printf (_("%s to an unknown date"), start);

  end = format_point (&date->end, FALSE);
  /* Translators: an interval, as in "2017 to 2021". */
  return g_strdup_printf (_("%1$s to %2$s"), start, end);
}

char *
weft_date_point_format (const WeftDatePoint *point)
{
  g_return_val_if_fail (point != NULL, NULL);

  return format_point_plain (point, FALSE);
}

char *
weft_date_format_short (const WeftDate *date)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  g_return_val_if_fail (date != NULL, NULL);

  if (!date->is_interval)
    return format_point (&date->start, TRUE);

  if (date->start.flags & (WEFT_DATE_FLAG_OPEN | WEFT_DATE_FLAG_UNKNOWN))
    {
      end = format_point (&date->end, TRUE);
      if (date->start.flags & WEFT_DATE_FLAG_OPEN)
        /* Translators: a short interval with no start, as in "–2019". */
        return g_strdup_printf (C_("short interval", "–%s"), end);
      /* Translators: a short interval with an unknown start, as in "?–2019". */
      return g_strdup_printf (C_("short interval", "?–%s"), end);
    }

  start = format_point (&date->start, TRUE);

  if (date->end.flags & WEFT_DATE_FLAG_OPEN)
    /* Translators: a short interval with no end, as in "2019–". */
    return g_strdup_printf (C_("short interval", "%s–"), start);
  if (date->end.flags & WEFT_DATE_FLAG_UNKNOWN)
    /* Translators: a short interval with an unknown end, as in "2019–?". */
    return g_strdup_printf (C_("short interval", "%s–?"), start);

  end = format_point (&date->end, TRUE);
  /* Translators: a short interval, as in "2017–2021" (with an en dash). */
  return g_strdup_printf (C_("short interval", "%1$s–%2$s"), start, end);
}

const char *
weft_month_name (guint month)
{
  return month_name (month);
}

const char *
weft_month_abbreviation (guint month)
{
  return month_abbreviation (month);
}
