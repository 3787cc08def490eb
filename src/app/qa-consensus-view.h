/* qa-consensus-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "qa-consensus-advance.h"
#include "qa-consensus-chart.h"
#include "qa-consensus-editor.h"
#include "qa-consensus-matrix.h"
#include "qa-consensus-opinion.h"
#include "qa-consensus-sheets.h"
#include "qa-core.h"

G_BEGIN_DECLS

#define QA_TYPE_CONSENSUS_VIEW (qa_consensus_view_get_type ())
G_DECLARE_FINAL_TYPE (QaConsensusView, qa_consensus_view, QA, CONSENSUS_VIEW, GtkWidget)

GtkWidget *qa_consensus_view_new         (void);
QaSession *qa_consensus_view_get_session (QaConsensusView *self);
void       qa_consensus_view_set_session (QaConsensusView *self,
                                          QaSession       *session);
/* Chair edits; the secretariat and the supervisor read (qa_role_allows). */
void       qa_consensus_view_set_role    (QaConsensusView *self,
                                          QaRole           role);
QaStage    qa_consensus_view_get_stage   (QaConsensusView *self);
QaConsensusMatrix  *qa_consensus_view_get_matrix  (QaConsensusView *self);
QaConsensusEditor  *qa_consensus_view_get_editor  (QaConsensusView *self);
QaConsensusSheets  *qa_consensus_view_get_sheets  (QaConsensusView *self);
QaConsensusAdvance *qa_consensus_view_get_advance (QaConsensusView *self);
QaConsensusChart   *qa_consensus_view_get_chart   (QaConsensusView *self);
QaConsensusOpinion *qa_consensus_view_get_opinion (QaConsensusView *self);

G_END_DECLS
