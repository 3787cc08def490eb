/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "qa-clock"

#include "config.h"

#include "qa-clock.h"
#include "qa-util-private.h"

char *
qa_clock_dup_today (void)
{
  const char *fixed = g_getenv ("QAREVIEW_TODAY");
  g_autoptr(GDateTime) now = NULL;
  GDate date;

  if (fixed != NULL && _qa_date_parse (fixed, &date))
    return g_strdup (fixed);

  now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}
