/* qa-consensus-matrix.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "qa-core.h"

G_BEGIN_DECLS

#define QA_TYPE_CONSENSUS_MATRIX (qa_consensus_matrix_get_type ())
G_DECLARE_FINAL_TYPE (QaConsensusMatrix, qa_consensus_matrix, QA, CONSENSUS_MATRIX, GtkWidget)

/* The items × reviewers of one applicant at one stage: each reviewer's percentage marked by its
 * distance from the median (a symbol as well as a colour), the mean, the median, the profile's
 * default, the spread with its flag, and the consensus with its points. A recycling column view
 * over the core's QaConsensusModel. */
GtkWidget        *qa_consensus_matrix_new          (void);
/* Shows @applicant_id at @stage (NULL: nothing). */
gboolean          qa_consensus_matrix_load         (QaConsensusMatrix *self,
                                                    QaSession         *session,
                                                    QaStage            stage,
                                                    const char        *applicant_id,
                                                    GError           **error);
/* Re-reads the rows, keeping the selected item. */
gboolean          qa_consensus_matrix_reload       (QaConsensusMatrix *self,
                                                    GError           **error);
void              qa_consensus_matrix_set_only_flagged (QaConsensusMatrix *self,
                                                        gboolean           only_flagged);
QaConsensusModel *qa_consensus_matrix_get_model    (QaConsensusMatrix *self);
/* The rows shown (after the filter). */
GListModel       *qa_consensus_matrix_get_shown    (QaConsensusMatrix *self);
/* The selected row, or NULL. */
QaConsensusRow   *qa_consensus_matrix_get_selected (QaConsensusMatrix *self);
/* Selects @item_code among the rows shown and brings it into view; FALSE when it is not shown. */
gboolean          qa_consensus_matrix_select_item  (QaConsensusMatrix *self,
                                                    const char        *item_code);
/* Moves to the next row shown; FALSE on the last. */
gboolean          qa_consensus_matrix_select_next  (QaConsensusMatrix *self);
/* Moves to the next flagged row shown, from the top after the last, and brings it into view;
 * FALSE when no row shown is flagged. */
gboolean          qa_consensus_matrix_select_next_flagged (QaConsensusMatrix *self);
/* The percentage @reviewer_id gave the item, or -1. */
int               qa_consensus_matrix_get_score    (QaConsensusMatrix *self,
                                                    const char        *item_code,
                                                    const char        *reviewer_id);
/* The reviewers shown as columns (ids, in the order of the panel). */
const char * const *qa_consensus_matrix_get_reviewers (QaConsensusMatrix *self);

G_END_DECLS
