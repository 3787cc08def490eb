/* qa-notice-panel.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "qa-core.h"

G_BEGIN_DECLS

#define QA_TYPE_NOTICE_PANEL (qa_notice_panel_get_type ())
G_DECLARE_FINAL_TYPE (QaNoticePanel, qa_notice_panel, QA, NOTICE_PANEL, GtkWidget)

/* The public notice of the candidate list (Art. 16(6)): the period and the days left, the
 * objections with the committee's re-check, the notice text and the submission letter. */
GtkWidget *qa_notice_panel_new         (void);
void       qa_notice_panel_set_session (QaNoticePanel *self,
                                        QaSession     *session);
void       qa_notice_panel_set_role    (QaNoticePanel *self,
                                        QaRole         role);
/* Reads the notice and its objections again. */
void       qa_notice_panel_reload      (QaNoticePanel *self);
/* The objections shown (QaObjection, borrowed). */
GPtrArray *qa_notice_panel_get_objections (QaNoticePanel *self);

G_END_DECLS
