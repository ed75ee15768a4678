/* weft-present.c: the order of the slides and dates in plain words
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "weft-present.h"

#define NOT_KNOWN (WEFT_DATE_FLAG_OPEN | WEFT_DATE_FLAG_UNKNOWN)

/* The first day an event is presented by: its start's, else its known
 * end's; FALSE when neither is known. */
static gboolean
presented_day (const WeftDate *date,
               gint64         *day)
{
  if (!(date->start.flags & NOT_KNOWN))
    *day = date->start.lower;
  else if (date->is_interval && !(date->end.flags & NOT_KNOWN))
    *day = date->end.lower;
  else
    return FALSE;
  return TRUE;
}

int
weft_present_compare (const WeftEvent *a,
                      const WeftEvent *b)
{
  gint64 da = 0, db = 0;
  gboolean ka = presented_day (&a->date, &da), kb = presented_day (&b->date, &db);
  int order;

  if (ka != kb)
    return ka ? -1 : 1;
  if (da != db)
    return da < db ? -1 : 1;

  {
    g_autofree char *ta = g_utf8_casefold (a->title, -1);
    g_autofree char *tb = g_utf8_casefold (b->title, -1);

    /* Code point order, the same in every locale. */
    order = strcmp (ta, tb);
  }
  return order != 0 ? order : strcmp (a->item.id, b->item.id);
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  return weft_present_compare (*(WeftEvent * const *) a, *(WeftEvent * const *) b);
}

GPtrArray *
weft_present_dup_events (WeftDataset *dataset)
{
  GPtrArray *events = weft_dataset_get_events (dataset);
  GPtrArray *order = g_ptr_array_sized_new (events->len);

  for (guint i = 0; i < events->len; i++)
    g_ptr_array_add (order, g_ptr_array_index (events, i));
  g_ptr_array_sort (order, compare_events);
  return order;
}

/* ---- Dates in words ----------------------------------------------------- */

/* One end of a date, bare: "20 January 2021", "October 2021", "2021".
 * A year alone is written as a year in a sentence (Chinese adds 年). */
static char *
bare (const WeftDatePoint *pt)
{
  g_autofree char *text = weft_date_point_format (pt);

  if (pt->precision == WEFT_DATE_PRECISION_YEAR)
    /* Translators: a year standing alone in a sentence ("until 2021",
     * "sometime in 2021"); %s is the year as numbers are written ("2021",
     * "44 BCE"). Chinese adds 年; most languages keep "%s". */
    return g_strdup_printf (C_("year in a sentence", "%s"), text);
  return g_steal_pointer (&text);
}

/* One end with "around" when it is approximate. */
static char *
about (const WeftDatePoint *pt)
{
  g_autofree char *text = bare (pt);

  if (pt->flags & WEFT_DATE_FLAG_APPROXIMATE)
    /* Translators: %s is a date, as in "2000". */
    return g_strdup_printf (_("around %s"), text);
  return g_steal_pointer (&text);
}

/* "…, uncertain" when @pt is. */
static char *
with_doubt (char                *words,
            const WeftDatePoint *pt)
{
  char *doubted;

  if (!(pt->flags & WEFT_DATE_FLAG_UNCERTAIN))
    return words;
  /* Translators: a date said to be uncertain, as in "sometime in 2021,
   * uncertain" (the source is not sure of it). */
  doubted = g_strdup_printf (_("%s, uncertain"), words);
  g_free (words);
  return doubted;
}

/* A single date: "15 January 2020" when the day is known, else
 * "sometime in October 2021"; "around 2000" when approximate. */
static char *
point_words (const WeftDatePoint *pt)
{
  g_autofree char *text = NULL;

  if ((pt->flags & WEFT_DATE_FLAG_APPROXIMATE) || pt->precision == WEFT_DATE_PRECISION_DAY)
    return with_doubt (about (pt), pt);

  text = bare (pt);
  /* Translators: a date known only to its month, year, decade…: "sometime
   * in October 2021", "sometime in 2021", "sometime in the 1990s". */
  return with_doubt (g_strdup_printf (_("sometime in %s"), text), pt);
}

char *
weft_present_date_words (const WeftDate *date)
{
  const WeftDatePoint *start = &date->start, *end = &date->end;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_return_val_if_fail (date != NULL, NULL);

  if (!date->is_interval)
    return point_words (start);

  if ((start->flags & NOT_KNOWN) && (end->flags & NOT_KNOWN))
    return g_strdup (_("date not known"));

  if (start->flags & NOT_KNOWN)
    {
      b = about (end);
      if (start->flags & WEFT_DATE_FLAG_OPEN)
        /* Translators: an interval with no start ("../2021-01-20"): "until
         * 20 January 2021". */
        return with_doubt (g_strdup_printf (_("until %s"), b), end);
      /* Translators: an interval whose start nobody knows ("/2021"). */
      return with_doubt (g_strdup_printf (_("until %s, since a time not known"), b), end);
    }

  if (end->flags & NOT_KNOWN)
    {
      a = about (start);
      if (end->flags & WEFT_DATE_FLAG_OPEN)
        /* Translators: an interval with no end ("2019/.."): "from 2019". */
        return with_doubt (g_strdup_printf (_("from %s"), a), start);
      /* Translators: an interval whose end nobody knows ("2019/"). */
      return with_doubt (g_strdup_printf (_("from %s, until a time not known"), a), start);
    }

  if ((start->flags | end->flags) & WEFT_DATE_FLAG_UNCERTAIN)
    {
      a = bare (start);
      b = bare (end);
      /* Translators: an interval whose ends are uncertain ("2020?/2022?"):
       * the event happened at some point in it. */
      return g_strdup_printf (_("sometime between %1$s and %2$s"), a, b);
    }

  a = about (start);
  b = about (end);
  /* Translators: an interval, as in "from 2017 to 2021". */
  return g_strdup_printf (_("from %1$s to %2$s"), a, b);
}
