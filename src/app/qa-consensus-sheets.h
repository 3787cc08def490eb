/* qa-consensus-sheets.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "qa-core.h"

G_BEGIN_DECLS

#define QA_TYPE_CONSENSUS_SHEETS (qa_consensus_sheets_get_type ())
G_DECLARE_FINAL_TYPE (QaConsensusSheets, qa_consensus_sheets, QA, CONSENSUS_SHEETS, GtkWidget)

/* The score sheets returned for a review stage: one row per panel member with whether and when
 * the sheet came and how complete it is; for those who may read the independent scores, each
 * applicant's raw total from every reviewer beside it. */
GtkWidget *qa_consensus_sheets_new        (void);
void       qa_consensus_sheets_set_session (QaConsensusSheets *self,
                                            QaSession         *session);
void       qa_consensus_sheets_set_stage   (QaConsensusSheets *self,
                                            QaStage            stage);
void       qa_consensus_sheets_set_role    (QaConsensusSheets *self,
                                            QaRole             role);
/* Reads the sheets again. */
void       qa_consensus_sheets_refresh     (QaConsensusSheets *self);
/* The sheets shown (QaConsensusSheet rows) and the applicants' raw scores (rows per applicant). */
GListModel *qa_consensus_sheets_get_sheets (QaConsensusSheets *self);
GListModel *qa_consensus_sheets_get_scores (QaConsensusSheets *self);

G_END_DECLS
