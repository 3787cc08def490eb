/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "qa-util"

#include "config.h"

#include <string.h>
#include <time.h>

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
  /* Asked for every row a bulk import writes: no GDateTime, no format parser. */
  time_t now = time (NULL);
  struct tm utc;

  if (gmtime_r (&now, &utc) == NULL)
    return g_strdup ("1970-01-01T00:00:00Z");
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ", utc.tm_year + 1900, utc.tm_mon + 1,
                          utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec);
}

void
_qa_canonical_append (GString    *out,
                      const char *value)
{
  char digits[24];
  gsize length, i = sizeof digits;

  if (value == NULL)
    {
      g_string_append_len (out, "-;", 2);
      return;
    }

  length = strlen (value);
  do
    digits[--i] = (char)('0' + length % 10);
  while ((length /= 10) > 0 && i > 0);
  g_string_append_len (out, digits + i, (gssize)(sizeof digits - i));
  g_string_append_c (out, ':');
  g_string_append_len (out, value, (gssize)strlen (value));
  g_string_append_c (out, ';');
}
