/* qa-conflict-matrix.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "qa-core.h"

G_BEGIN_DECLS

/* Experts × applicants: each cell shows the ties (回避) between one expert and one applicant,
 * those recorded apart from those found from the records, with their reasons. */

#define QA_TYPE_CONFLICT_MATRIX (qa_conflict_matrix_get_type ())
G_DECLARE_FINAL_TYPE (QaConflictMatrix, qa_conflict_matrix, QA, CONFLICT_MATRIX, GtkWidget)

GtkWidget *qa_conflict_matrix_new         (void);
QaSession *qa_conflict_matrix_get_session (QaConflictMatrix *self);
void       qa_conflict_matrix_set_session (QaConflictMatrix *self,
                                           QaSession        *session);
/* The cell of @expert_id and @applicant_id, or NULL when either has no row or column. */
GtkWidget *qa_conflict_matrix_get_cell    (QaConflictMatrix *self,
                                           const char       *expert_id,
                                           const char       *applicant_id);
/* Reads the ties again; the matrix follows the session's lists by itself. */
void       qa_conflict_matrix_reload      (QaConflictMatrix *self);

G_END_DECLS
