/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Certificate numbers (Art. 22: nobody may counterfeit the certificates).
 *
 * A number reads PROFILE-YEAR-TNN-C, e.g. GANZHOU-2026-A01-7: the profile's id in capitals,
 * the session's year, the tier (A the award, N a nomination) with the award's sequence
 * number, and a check character C computed over every letter and digit before it by
 * ISO/IEC 7064 MOD 37,36 (the hybrid system with M = 36 over 0–9, A–Z). It catches every
 * single changed character and every swap of two neighbours; the fixed layout of the groups
 * catches a moved hyphen. Letters are capitals only. */

/* The check character of @payload (letters and digits; hyphens are skipped); 0 when @payload
 * has any other character. */
char      qa_certificate_check_char     (const char *payload);
/* @prefix and @year and @tier ('A' or 'N') and @sequence (1–99) → the full number. */
char     *qa_certificate_number_new     (const char *profile_id,
                                         guint       year,
                                         char        tier,
                                         guint       sequence);
/* Well formed (groups of capitals and digits between single hyphens, the last a single
 * character) and its check character right. */
gboolean  qa_certificate_number_is_valid (const char *number);

G_END_DECLS
