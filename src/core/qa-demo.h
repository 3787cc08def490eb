/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "qa-session.h"

G_BEGIN_DECLS

/* Fills a session that has no applicants and no experts yet with a realistic demo: applicants of
 * Ganzhou with valid unified social credit codes, twelve experts (eleven of whom signed the
 * session's declaration; two fall short of Art. 11) and a few declared conflicts: enough that a
 * panel of five with an alternate is drawn from more experts than places.
 * All or nothing. */
gboolean qa_demo_populate (QaSession  *session,
                           GError    **error);

/* Drives the demo session on to @until — "eligibility", "material", "site", "shortlist",
 * "notice" or "award" — by the same core paths the people of the procedure use (judgements,
 * panels, every reviewer's package scored and its sheet imported, the stages closed, the list
 * confirmed, the notice with one objection, the approval), so a new user can look at a session
 * at that point. Steps already done are skipped. */
gboolean qa_demo_advance          (QaSession   *session,
                                   const char  *until,
                                   GError     **error);
gboolean qa_demo_step_from_string (const char  *step,
                                   guint       *index);

G_END_DECLS
