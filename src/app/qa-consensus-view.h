/* qa-consensus-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "qa-core.h"

G_BEGIN_DECLS

#define QA_TYPE_CONSENSUS_VIEW (qa_consensus_view_get_type ())
G_DECLARE_FINAL_TYPE (QaConsensusView, qa_consensus_view, QA, CONSENSUS_VIEW, GtkWidget)

GtkWidget *qa_consensus_view_new         (void);
QaSession *qa_consensus_view_get_session (QaConsensusView *self);
void       qa_consensus_view_set_session (QaConsensusView *self,
                                          QaSession       *session);

G_END_DECLS
