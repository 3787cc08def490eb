/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "qa-outcome.h"

G_BEGIN_DECLS

/* Shared by qa-outcome.c and qa-award.c. */

/* Only the secretariat records the outcome (Art. 10): QA_OUTCOME_ERROR_ROLE naming @what. */
gboolean  _qa_outcome_require_secretariat (QaDatabase  *db,
                                           const char  *what,
                                           GError     **error);
/* Moves the session's stage forward to @stage (never back), noting when it was opened. Inside
 * a transaction. */
gboolean  _qa_outcome_advance_stage       (QaDatabase  *db,
                                           QaStage      stage,
                                           GError     **error);
/* Notes a refusal of the rules in the audit trail, then moves @local_error into @error. */
gboolean  _qa_outcome_refuse              (QaSession   *session,
                                           const char  *action,
                                           const char  *subject_kind,
                                           const char  *subject_id,
                                           GError      *local_error,
                                           GError     **error);
/* @date parsed as YYYY-MM-DD, or QA_OUTCOME_ERROR_INVALID naming @option. NULL @date is today. */
gboolean  _qa_outcome_parse_date          (const char  *date,
                                           const char  *option,
                                           GDate       *parsed,
                                           GError     **error);
char     *_qa_outcome_format_date         (const GDate *date);
/* Text that must not be empty: QA_OUTCOME_ERROR_INVALID naming @option and @article. */
gboolean  _qa_outcome_require_text        (const char  *text,
                                           const char  *option,
                                           const char  *article,
                                           GError     **error);

G_END_DECLS
