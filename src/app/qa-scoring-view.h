/* qa-scoring-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "qa-core.h"
#include "qa-material-reader.h"
#include "qa-score-sheet-editor.h"

G_BEGIN_DECLS

#define QA_TYPE_SCORING_VIEW (qa_scoring_view_get_type ())
G_DECLARE_FINAL_TYPE (QaScoringView, qa_scoring_view, QA, SCORING_VIEW, GtkWidget)

/* The GB/T 19580 scoring sheet. In a session database: the criteria and their guidance,
 * read-only. In a review package (reviewer mode): the reviewer's sheet of each assigned
 * applicant beside its materials. Its "review" actions exchange packages and sheets:
 * export-sheet (in a package), export-packages and import-sheets (in a session database). */
GtkWidget          *qa_scoring_view_new                 (void);
QaSession          *qa_scoring_view_get_session         (QaScoringView *self);
void                qa_scoring_view_set_session         (QaScoringView *self,
                                                         QaSession     *session);
/* The rows as shown: each category (GtkTreeListRow of a QaCategory) followed by its items. */
GtkSelectionModel  *qa_scoring_view_get_model           (QaScoringView *self);
/* In reviewer mode, what the window's title says, e.g. “Review Package · 张明 · Material
 * Review” and “2 of 5 applicants done”; NULL otherwise. */
const char         *qa_scoring_view_get_title           (QaScoringView *self);
const char         *qa_scoring_view_get_subtitle        (QaScoringView *self);
/* In a session database, exporting packages takes QA_PERMISSION_EXPORT and importing sheets
 * QA_PERMISSION_COLLECT. */
void                qa_scoring_view_set_role            (QaScoringView *self,
                                                         QaRole         role);
GActionGroup       *qa_scoring_view_get_actions         (QaScoringView *self);
gboolean            qa_scoring_view_get_show_materials  (QaScoringView *self);
void                qa_scoring_view_set_show_materials  (QaScoringView *self,
                                                         gboolean       show_materials);
/* In reviewer mode, the reviewer's sheet of each assigned applicant (QaScoreSheet). */
GListModel         *qa_scoring_view_get_sheets          (QaScoringView *self);
QaScoreSheetEditor *qa_scoring_view_get_sheet_editor    (QaScoringView *self);
QaMaterialReader   *qa_scoring_view_get_material_reader (QaScoringView *self);

G_END_DECLS
