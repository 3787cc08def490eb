/* qa-scoring-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "qa-core.h"

G_BEGIN_DECLS

#define QA_TYPE_SCORING_VIEW (qa_scoring_view_get_type ())
G_DECLARE_FINAL_TYPE (QaScoringView, qa_scoring_view, QA, SCORING_VIEW, GtkWidget)

GtkWidget         *qa_scoring_view_new         (void);
QaSession         *qa_scoring_view_get_session (QaScoringView *self);
void               qa_scoring_view_set_session (QaScoringView *self,
                                                QaSession     *session);
/* The rows as shown: each category (GtkTreeListRow of a QaCategory) followed by its items. */
GtkSelectionModel *qa_scoring_view_get_model   (QaScoringView *self);

G_END_DECLS
