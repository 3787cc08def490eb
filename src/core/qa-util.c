/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "qa-util"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "qa-util-private.h"

gboolean
_qa_date_parse (const char *str,
                GDate      *date)
{
  guint year, month, day;

  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);
  if (str == NULL || strlen (str) != 10 || str[4] != '-' || str[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (str[i]))
      return FALSE;

  year = (guint)g_ascii_strtoull (str, NULL, 10);
  month = (guint)g_ascii_strtoull (str + 5, NULL, 10);
  day = (guint)g_ascii_strtoull (str + 8, NULL, 10);

  if (year < 1 || !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

char *
_qa_now_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

void
_qa_canonical_append (GString    *out,
                      const char *value)
{
  if (value == NULL)
    g_string_append (out, "-;");
  else
    g_string_append_printf (out, "%" G_GSIZE_FORMAT ":%s;", strlen (value), value);
}

char *
_qa_format_letter_date (const char *iso)
{
  g_autoptr(GDateTime) when = NULL;
  GDate date;

  if (iso == NULL || !_qa_date_parse (iso, &date))
    when = g_date_time_new_now_local ();
  else
    when = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                  g_date_get_day (&date), 0, 0, 0);

  /* Translators: the date of an official letter; in Chinese “%Y年%-m月%-d日”. */
  return g_date_time_format (when, _("%-d %B %Y"));
}
