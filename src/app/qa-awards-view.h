/* qa-awards-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "qa-core.h"

G_BEGIN_DECLS

#define QA_TYPE_AWARDS_VIEW (qa_awards_view_get_type ())
G_DECLARE_FINAL_TYPE (QaAwardsView, qa_awards_view, QA, AWARDS_VIEW, GtkWidget)

/* The awards and the five years after (Art. 7, 16(7), 17–22): each certificate with its
 * validity, its status and why, the yearly reports' indicators charted, and the events. */
GtkWidget *qa_awards_view_new         (void);
void       qa_awards_view_set_session (QaAwardsView *self,
                                       QaSession    *session);
void       qa_awards_view_set_role    (QaAwardsView *self,
                                       QaRole        role);
void       qa_awards_view_reload      (QaAwardsView *self);
/* The awards shown (QaAward, borrowed), with their statuses on the clock's day
 * (qa_clock_dup_today()). */
GPtrArray *qa_awards_view_get_awards  (QaAwardsView *self);
/* The indicators of the selected award (QaIndicatorChange, borrowed). */
GPtrArray *qa_awards_view_get_indicators (QaAwardsView *self);

G_END_DECLS
