/* qa-consensus-advance.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "qa-core.h"

G_BEGIN_DECLS

#define QA_TYPE_CONSENSUS_ADVANCE (qa_consensus_advance_get_type ())
G_DECLARE_FINAL_TYPE (QaConsensusAdvance, qa_consensus_advance, QA, CONSENSUS_ADVANCE, GtkWidget)

/* Sending applicants from material review to site review (Art. 16(3)): every applicant of the
 * material stage with its consensus total against the profile's site-review threshold; those the
 * core would refuse cannot be chosen and say why. */
GtkWidget *qa_consensus_advance_new         (void);
void       qa_consensus_advance_set_session (QaConsensusAdvance *self,
                                             QaSession          *session);
void       qa_consensus_advance_set_role    (QaConsensusAdvance *self,
                                             QaRole              role);
void       qa_consensus_advance_refresh     (QaConsensusAdvance *self);
/* Records the decision for the applicants chosen. */
gboolean   qa_consensus_advance_advance     (QaConsensusAdvance *self,
                                             GError            **error);
/* The reason shown for @applicant_id, or NULL when it may advance. */
const char *qa_consensus_advance_get_reason (QaConsensusAdvance *self,
                                             const char         *applicant_id);

G_END_DECLS
