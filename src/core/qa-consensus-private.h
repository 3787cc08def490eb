/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "qa-consensus.h"
#include "qa-database.h"

G_BEGIN_DECLS

/* For core modules working inside a transaction on @db (advance, close): the same as
 * qa_consensus_compute() and qa_consensus_totals(). */
GPtrArray *_qa_consensus_compute_db (QaDatabase  *db,
                                     QaProfile   *profile,
                                     QaStage      stage,
                                     const char  *applicant_id,
                                     GError     **error);
/* The same, counting in the same pass the reviewers who scored each applicant into @scorers
 * (applicant id → count, as GUINT_TO_POINTER; keys owned by the table). */
GPtrArray *_qa_consensus_compute_counting (QaDatabase  *db,
                                           QaProfile   *profile,
                                           QaStage      stage,
                                           const char  *applicant_id,
                                           GHashTable  *scorers,
                                           GError     **error);
GPtrArray *_qa_consensus_totals_db  (QaDatabase  *db,
                                     QaProfile   *profile,
                                     QaStage      stage,
                                     GError     **error);
/* The missing sheets and items that keep @stage from closing (translated lines): the sheets not
 * in or incomplete first, then the chair's values whose default has moved since (stale). @items
 * is the stage's consensus when the caller has computed it already, else NULL. */
GPtrArray *_qa_consensus_check_complete_db (QaDatabase  *db,
                                            QaProfile   *profile,
                                            QaStage      stage,
                                            GPtrArray   *items,
                                            GError     **error);
/* After a sheet of @reviewer_id is stored for @stage: notes in the audit trail, per applicant,
 * each chair's value whose default the sheet has moved (it now awaits the chair again). */
gboolean   _qa_consensus_note_moved_defaults (QaDatabase  *db,
                                              QaProfile   *profile,
                                              QaStage      stage,
                                              const char  *reviewer_id,
                                              GError     **error);
/* TRUE when the operator of @db may act as the panel chair; else @error says who may. */
gboolean   _qa_consensus_require_chair (QaDatabase  *db,
                                        const char  *what,
                                        GError     **error);

G_END_DECLS
