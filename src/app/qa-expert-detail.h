/* qa-expert-detail.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "qa-core.h"

G_BEGIN_DECLS

#define QA_TYPE_EXPERT_DETAIL (qa_expert_detail_get_type ())
G_DECLARE_FINAL_TYPE (QaExpertDetail, qa_expert_detail, QA, EXPERT_DETAIL, GtkWidget)

/* One expert of the pool in full: whether they may serve on a panel, their Art. 11
 * qualifications, standing, panels and ties. When "editable" (the secretariat), its "expert"
 * actions record the declaration (declare), a tie (add-conflict), a penalty (suspend,
 * disqualify, reinstate) or a corrected record (edit, train), each through a dialog. */
GtkWidget *qa_expert_detail_new          (void);
void       qa_expert_detail_set_session  (QaExpertDetail *self,
                                          QaSession      *session);
QaExpert  *qa_expert_detail_get_expert   (QaExpertDetail *self);
/* Shows @expert, or that none is selected; shown anew when @expert is the one shown. */
void       qa_expert_detail_set_expert   (QaExpertDetail *self,
                                          QaExpert       *expert);
void       qa_expert_detail_set_editable (QaExpertDetail *self,
                                          gboolean        editable);

G_END_DECLS
