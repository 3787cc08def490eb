/* qa-panel-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "qa-core.h"

G_BEGIN_DECLS

/* The panel editor of a review stage (Art. 11): members, alternates and the chair, picked or
 * drawn at random, checked against the rules with every change, and the panel as formed. */

#define QA_TYPE_PANEL_VIEW (qa_panel_view_get_type ())
G_DECLARE_FINAL_TYPE (QaPanelView, qa_panel_view, QA, PANEL_VIEW, GtkWidget)

GtkWidget  *qa_panel_view_new              (void);
QaSession  *qa_panel_view_get_session      (QaPanelView *self);
void        qa_panel_view_set_session      (QaPanelView *self,
                                            QaSession   *session);
/* Drawing and forming a panel take QA_PERMISSION_FORM_PANEL; anyone may try a proposal. */
void        qa_panel_view_set_role         (QaPanelView *self,
                                            QaRole       role);
/* QA_STAGE_MATERIAL or QA_STAGE_SITE. */
QaStage     qa_panel_view_get_stage        (QaPanelView *self);
void        qa_panel_view_set_stage        (QaPanelView *self,
                                            QaStage      stage);
/* The proposal being edited, as the check boxes and the chair list show it; NULL for none. */
const char *qa_panel_view_get_chair        (QaPanelView *self);
/* The members in the order they were chosen or drawn. */
GStrv       qa_panel_view_dup_members      (QaPanelView *self);
/* What the rules say of the proposal now (QaPanelViolation); empty when it may be formed. */
GPtrArray  *qa_panel_view_get_violations   (QaPanelView *self);
/* The draw shown, or NULL. */
const QaPanelDraw *qa_panel_view_get_draw  (QaPanelView *self);

G_END_DECLS
