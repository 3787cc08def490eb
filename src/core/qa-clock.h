/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The program's one clock for dates: today, YYYY-MM-DD, in the local time zone. Every rule
 * that depends on the day (a date “in the future”, a notice's period, an award still valid, a
 * former employer still tied) asks here. For tests only, the environment variable
 * QAREVIEW_TODAY=YYYY-MM-DD sets the day (docs/testing.md); a value that is not a real date
 * is ignored. */
char *qa_clock_dup_today (void);

G_END_DECLS
