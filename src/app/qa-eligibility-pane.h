/* qa-eligibility-pane.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "qa-core.h"

G_BEGIN_DECLS

#define QA_TYPE_ELIGIBILITY_PANE (qa_eligibility_pane_get_type ())
G_DECLARE_FINAL_TYPE (QaEligibilityPane, qa_eligibility_pane, QA, ELIGIBILITY_PANE, GtkWidget)

/* The Art. 13 checklist of one applicant as the rules find it now: each condition with its
 * reasons, the verdict, the secretariat's judgements and override, and the written notice. */
GtkWidget *qa_eligibility_pane_new            (void);
/* Shows applicant @applicant_id of @session; NULL for none. */
void       qa_eligibility_pane_set_applicant  (QaEligibilityPane *self,
                                               QaSession         *session,
                                               const char        *applicant_id);
/* Checks again, after the dossier or the session changed. */
/* Judging and overriding take QA_PERMISSION_REGISTER; the notice, QA_PERMISSION_EXPORT. */
void       qa_eligibility_pane_set_role       (QaEligibilityPane *self,
                                               QaRole             role);
void       qa_eligibility_pane_refresh        (QaEligibilityPane *self);
/* Writes the written notice (Art. 16(2)) of the applicant shown as PDF to @file, as “Export
 * Notice…” does once a file is chosen; a refusal is shown with its reason. */
void       qa_eligibility_pane_export_notice  (QaEligibilityPane *self,
                                               GFile             *file);
/* Prints the written notice through the print dialog or, with @export_path, straight into a PDF
 * file there. */
void       qa_eligibility_pane_print_notice   (QaEligibilityPane *self,
                                               const char        *export_path);
/* The verdict shown. */
QaEligibility qa_eligibility_pane_get_verdict (QaEligibilityPane *self);

G_END_DECLS
