/* qa-experts-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "qa-conflict-matrix.h"
#include "qa-core.h"
#include "qa-expert-detail.h"
#include "qa-panel-view.h"

G_BEGIN_DECLS

/* The page “Experts and Panels”: the expert pool with each expert's facts, ties and penalties,
 * the panel editor of each review stage, and the conflict matrix. */

#define QA_TYPE_EXPERTS_VIEW (qa_experts_view_get_type ())
G_DECLARE_FINAL_TYPE (QaExpertsView, qa_experts_view, QA, EXPERTS_VIEW, GtkWidget)

GtkWidget         *qa_experts_view_new                 (void);
QaSession         *qa_experts_view_get_session         (QaExpertsView *self);
void               qa_experts_view_set_session         (QaExpertsView *self,
                                                        QaSession     *session);
/* "pool", "panels" or "conflicts". */
const char        *qa_experts_view_get_section         (QaExpertsView *self);
void               qa_experts_view_set_section         (QaExpertsView *self,
                                                        const char    *section);
/* Registering experts and ties takes QA_PERMISSION_REGISTER; forming panels, FORM_PANEL. */
void               qa_experts_view_set_role            (QaExpertsView *self,
                                                        QaRole         role);
void               qa_experts_view_focus_search        (QaExpertsView *self);
/* The pool as shown: filtered by the search, in the column view's sort order. */
GtkSelectionModel *qa_experts_view_get_model           (QaExpertsView *self);
GtkEditable       *qa_experts_view_get_search_entry    (QaExpertsView *self);
/* The expert whose details are shown, or NULL. */
QaExpert          *qa_experts_view_get_selected_expert (QaExpertsView *self);
QaPanelView       *qa_experts_view_get_panel_view      (QaExpertsView *self);
QaConflictMatrix  *qa_experts_view_get_conflict_matrix (QaExpertsView *self);
/* What is shown of the selected expert, with the actions that record of them. */
QaExpertDetail    *qa_experts_view_get_expert_detail   (QaExpertsView *self);

G_END_DECLS
