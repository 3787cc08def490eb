/* qa-review-pane.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "qa-core.h"
#include "qa-material-reader.h"
#include "qa-score-sheet-editor.h"

G_BEGIN_DECLS

#define QA_TYPE_REVIEW_PANE (qa_review_pane_get_type ())
G_DECLARE_FINAL_TYPE (QaReviewPane, qa_review_pane, QA, REVIEW_PANE, GtkWidget)

/* A reviewer's work in a review package: the sheet of each assigned applicant (picked from a
 * drop-down, the first one with work left shown first) beside the applicant's materials.
 * "n-done" counts the applicants with every item scored. Its buttons use the "scoring" actions
 * of the page around it (QaScoringView), which call the functions below. */
GtkWidget          *qa_review_pane_new                 (void);
QaSession          *qa_review_pane_get_session         (QaReviewPane *self);
/* @session is a review package, or NULL. */
void                qa_review_pane_set_session         (QaReviewPane *self,
                                                        QaSession    *session);
gboolean            qa_review_pane_get_show_materials  (QaReviewPane *self);
void                qa_review_pane_set_show_materials  (QaReviewPane *self,
                                                        gboolean      show_materials);
/* The reviewer's sheet of each assigned applicant (QaScoreSheet). */
GListModel         *qa_review_pane_get_sheets          (QaReviewPane *self);
guint               qa_review_pane_get_n_done          (QaReviewPane *self);
/* The next or previous applicant, round the list. */
void                qa_review_pane_step_applicant      (QaReviewPane *self,
                                                        gboolean      forward);
/* The next item without a score: in this applicant's sheet, then in the next one with work left. */
void                qa_review_pane_next_unscored       (QaReviewPane *self);
void                qa_review_pane_turn_material_page  (QaReviewPane *self,
                                                        gboolean      forward);
/* Keeps what is still being typed in the sheet. */
void                qa_review_pane_save_pending        (QaReviewPane *self);
/* Shows @toast (taken) over the pane. */
void                qa_review_pane_add_toast           (QaReviewPane *self,
                                                        AdwToast     *toast);
QaScoreSheetEditor *qa_review_pane_get_sheet_editor    (QaReviewPane *self);
QaMaterialReader   *qa_review_pane_get_material_reader (QaReviewPane *self);

G_END_DECLS
