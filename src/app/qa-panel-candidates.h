/* qa-panel-candidates.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "qa-core.h"

G_BEGIN_DECLS

/* The pool as candidates for a panel: a row per expert with a Member and an Alternate check
 * button, whether they may serve and their ties. "changed" is emitted when the user ticks or
 * unticks a box. */

#define QA_TYPE_PANEL_CANDIDATES (qa_panel_candidates_get_type ())
G_DECLARE_FINAL_TYPE (QaPanelCandidates, qa_panel_candidates, QA, PANEL_CANDIDATES, GtkWidget)

/* Reads the pool of @session (NULL: none) and its ties anew, keeping the boxes ticked. */
void                qa_panel_candidates_rebuild        (QaPanelCandidates  *self,
                                                        QaSession          *session);
/* Ticks exactly @members and @alternates (NULL-terminated ids, NULL: none); no "changed". */
void                qa_panel_candidates_set_roles      (QaPanelCandidates  *self,
                                                        const char * const *members,
                                                        const char * const *alternates);
/* The ids ticked, in the order ticked or drawn: NULL-terminated, borrowed until the next
 * change. */
const char * const *qa_panel_candidates_get_members    (QaPanelCandidates  *self);
const char * const *qa_panel_candidates_get_alternates (QaPanelCandidates  *self);

G_END_DECLS
