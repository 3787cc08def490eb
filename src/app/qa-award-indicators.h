/* qa-award-indicators.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "qa-core.h"

G_BEGIN_DECLS

#define QA_TYPE_AWARD_INDICATORS (qa_award_indicators_get_type ())
G_DECLARE_FINAL_TYPE (QaAwardIndicators, qa_award_indicators, QA, AWARD_INDICATORS, GtkWidget)

/* The indicators of an award's yearly reports (Art. 18), charted. */
GtkWidget *qa_award_indicators_new         (void);
/* Shows the yearly reports of @award (NULL: none) as @session holds them. */
void       qa_award_indicators_show        (QaAwardIndicators *self,
                                            QaSession         *session,
                                            const QaAward     *award);
/* The indicators shown (QaIndicatorChange), by year then name. */
GPtrArray *qa_award_indicators_get_changes (QaAwardIndicators *self);

G_END_DECLS
