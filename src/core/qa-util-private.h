/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Parses a calendar date written exactly as YYYY-MM-DD (no time, no other form). */
gboolean  _qa_date_parse (const char *str,
                          GDate      *date);
/* Appends @value to a canonical serialisation as its length and bytes (NULL as “-”), so no two
 * different sequences of fields serialise alike: what signatures and hash chains are taken over. */
void      _qa_canonical_append (GString    *out,
                                const char *value);
/* Now, as an ISO 8601 UTC timestamp with seconds, e.g. 2026-11-25T08:36:15Z. */
char     *_qa_now_iso    (void);

/* The date of an official letter from YYYY-MM-DD (today when NULL or not a date), e.g.
 * “2026年11月25日” in Chinese. */
char     *_qa_format_letter_date (const char *iso);

G_END_DECLS
