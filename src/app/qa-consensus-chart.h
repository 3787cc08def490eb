/* qa-consensus-chart.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "qa-core.h"

G_BEGIN_DECLS

#define QA_TYPE_CONSENSUS_CHART (qa_consensus_chart_get_type ())
G_DECLARE_FINAL_TYPE (QaConsensusChart, qa_consensus_chart, QA, CONSENSUS_CHART, GtkWidget)

/* The charts of one applicant's consensus, drawn by the core's chart functions so the screen and
 * the report PDF agree: the radar of the categories (consensus % of each, each reviewer's outline
 * on request) and the spread bars per item. */
GtkWidget *qa_consensus_chart_new  (void);
void       qa_consensus_chart_load (QaConsensusChart *self,
                                    QaSession        *session,
                                    QaStage           stage,
                                    const char       *applicant_id);
/* The consensus % of each category as drawn (n = the criteria's categories), or NULL. */
const double *qa_consensus_chart_get_percents (QaConsensusChart *self,
                                               guint            *n);

G_END_DECLS
