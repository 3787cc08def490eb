/* qa-consensus-opinion.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "qa-core.h"

G_BEGIN_DECLS

#define QA_TYPE_CONSENSUS_OPINION (qa_consensus_opinion_get_type ())
G_DECLARE_FINAL_TYPE (QaConsensusOpinion, qa_consensus_opinion, QA, CONSENSUS_OPINION, GtkWidget)

/* The site-review panel's opinion (现场评审意见, Art. 16(4)) of each applicant of the site review:
 * the chair writes and saves it (qa_consensus_set_site_opinion), beside the points the material
 * review left to verify on site; everyone may export it as a PDF or print it
 * (qa_report_new_site_opinion). Others read it; a closed site review freezes it. */
GtkWidget   *qa_consensus_opinion_new         (void);
void         qa_consensus_opinion_set_session (QaConsensusOpinion *self,
                                               QaSession          *session);
void         qa_consensus_opinion_set_role    (QaConsensusOpinion *self,
                                               QaRole              role);
/* Re-reads the applicants and the opinion shown (after a change written elsewhere). */
void         qa_consensus_opinion_refresh     (QaConsensusOpinion *self);
const char  *qa_consensus_opinion_get_applicant (QaConsensusOpinion *self);
/* The field the chair writes the opinion in. */
GtkTextView *qa_consensus_opinion_get_text_view (QaConsensusOpinion *self);
/* Records what the field holds, as the Save button does; a refusal is shown. */
gboolean     qa_consensus_opinion_save        (QaConsensusOpinion *self);
/* Writes the opinion's PDF to @file (as the Export PDF… button does once a file is chosen). */
gboolean     qa_consensus_opinion_export      (QaConsensusOpinion *self,
                                               GFile              *file);
/* Prints the opinion's PDF; with @export_path, exports what would be printed there instead. */
void         qa_consensus_opinion_print       (QaConsensusOpinion *self,
                                               const char         *export_path);

G_END_DECLS
