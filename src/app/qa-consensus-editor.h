/* qa-consensus-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "qa-core.h"

G_BEGIN_DECLS

#define QA_TYPE_CONSENSUS_EDITOR (qa_consensus_editor_get_type ())
G_DECLARE_FINAL_TYPE (QaConsensusEditor, qa_consensus_editor, QA, CONSENSUS_EDITOR, GtkWidget)

/* The panel's consensus of the selected item, from the keyboard as on the scoring sheet: type
 * the percentage, Enter records it and moves on ("saved" with @advance TRUE); a value away from
 * the default asks for the rationale inline first. Beside it, the reviewers' texts with their
 * names and the consensus texts (editable). Read-only unless @editable. */
GtkWidget  *qa_consensus_editor_new          (void);
void        qa_consensus_editor_show_row     (QaConsensusEditor *self,
                                              QaSession         *session,
                                              QaStage            stage,
                                              QaConsensusRow    *row);
void        qa_consensus_editor_set_editable (QaConsensusEditor *self,
                                              gboolean           editable);
/* Puts the focus in the percentage field. */
void        qa_consensus_editor_focus        (QaConsensusEditor *self);
GtkEditable *qa_consensus_editor_get_percent_field   (QaConsensusEditor *self);
GtkEditable *qa_consensus_editor_get_rationale_field (QaConsensusEditor *self);
/* The inline hint: what is asked or what was refused (NULL when none). */
const char *qa_consensus_editor_get_hint     (QaConsensusEditor *self);

G_END_DECLS
