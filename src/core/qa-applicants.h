/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "qa-dossier.h"
#include "qa-rules.h"
#include "qa-session.h"

G_BEGIN_DECLS

/* The secretariat's register of applicants: dossiers, the CSV import and the Art. 13 check.
 * Every write is one transaction; a refusal changes nothing. */

QaDossier           *qa_applicants_load_dossier    (QaSession   *session,
                                                    const char  *id,
                                                    GError     **error);
/* Stores @dossier, adding the applicant when its reference is new. Refused whole (with every
 * problem named) when a field is wrong or the credit code belongs to another applicant. */
gboolean             qa_applicants_save_dossier    (QaSession   *session,
                                                    QaDossier   *dossier,
                                                    GError     **error);
/* Imports the applicants of a CSV file (docs/cli.md, “import applicants”); all or nothing, naming every bad
 * row as “file:line: column: reason”. @n_imported is set to the number of rows stored. */
gboolean             qa_applicants_import_csv      (QaSession   *session,
                                                    GBytes      *bytes,
                                                    const char  *name,
                                                    guint       *n_imported,
                                                    GError     **error);

/* The Art. 13 check of one applicant from what is on record now; an override, when recorded, is
 * reported by @override_reason (else NULL) and decides @eligible. */
QaEligibilityReport *qa_applicants_check_eligibility (QaSession *session,
                                                      const char *id,
                                                      gboolean  *eligible,
                                                      char     **override_reason,
                                                      GError   **error);
/* Runs the check on every applicant and stores the outcome (status eligible / not accepted,
 * or still applied while a judgement is pending). */
gboolean             qa_applicants_store_eligibility (QaSession *session,
                                                      GError   **error);
/* Records the secretariat's finding on condition 3, 4 or 5 of Art. 13, and in the same
 * transaction re-runs the applicant's check and stores its verdict (as
 * qa_applicants_store_eligibility does for all): the one path for every face. The audit trail
 * notes the judgement, then the verdict if it changed, with its stored value before. */
gboolean             qa_applicants_judge           (QaSession   *session,
                                                    const char  *id,
                                                    guint        condition,
                                                    gboolean     pass,
                                                    const char  *note,
                                                    GError     **error);
/* Overrides the verdict; refused without a written reason. */
gboolean             qa_applicants_override        (QaSession   *session,
                                                    const char  *id,
                                                    gboolean     eligible,
                                                    const char  *reason,
                                                    GError     **error);

G_END_DECLS
