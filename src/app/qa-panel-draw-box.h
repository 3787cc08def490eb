/* qa-panel-draw-box.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "qa-core.h"

G_BEGIN_DECLS

/* The random draw of a stage's panel (Art. 11): how many members and alternates, the seed, the
 * Draw button and what the last draw gave. "drawn" is emitted after each draw. */

#define QA_TYPE_PANEL_DRAW_BOX (qa_panel_draw_box_get_type ())
G_DECLARE_FINAL_TYPE (QaPanelDrawBox, qa_panel_draw_box, QA, PANEL_DRAW_BOX, GtkWidget)

/* Proposes the profile's smallest panel and forgets the last draw. */
void               qa_panel_draw_box_set_session (QaPanelDrawBox *self,
                                                  QaSession      *session);
void               qa_panel_draw_box_set_stage   (QaPanelDrawBox *self,
                                                  QaStage         stage);
/* Drawing takes QA_PERMISSION_FORM_PANEL. */
void               qa_panel_draw_box_set_role    (QaPanelDrawBox *self,
                                                  QaRole          role);
/* Forgets the last draw. */
void               qa_panel_draw_box_clear       (QaPanelDrawBox *self);
/* The last draw, or NULL. */
const QaPanelDraw *qa_panel_draw_box_get_draw    (QaPanelDrawBox *self);

G_END_DECLS
