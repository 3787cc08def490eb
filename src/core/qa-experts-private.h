/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "qa-database.h"
#include "qa-experts.h"

G_BEGIN_DECLS

/* Every tie, as rows (expert_id, applicant_id, kind, source, reason): the recorded ones, then
 * the automatic ones (source 'automatic', reason 'name' or 'credit_code' saying what matched).
 * Names match by their qa_name_key() (the indexed columns applicant.name_key and
 * expert.employer_key), never as typed: a trailing U+3000 or U+200B hides no tie. */
#define QA_TIES_SELECT \
  "SELECT c.expert_id, c.applicant_id, c.kind, c.source, c.reason, c.id AS seq " \
  "FROM conflict c " \
  "UNION ALL " \
  "SELECT e.id, a.id, 'employer', 'automatic', 'name', 0 " \
  "FROM expert e JOIN applicant a ON a.name_key = e.employer_key " \
  "WHERE e.employer_key <> '' " \
  "UNION ALL " \
  "SELECT e.id, a.id, 'employer', 'automatic', 'credit_code', 0 " \
  "FROM expert e JOIN applicant a ON a.credit_code = e.credit_code " \
  "WHERE e.credit_code IS NOT NULL AND NOT (e.employer_key <> '' AND a.name_key IS e.employer_key)"

/* TRUE when expert @id is in the pool; else QA_EXPERTS_ERROR_NOT_FOUND naming it. */
gboolean   _qa_experts_require    (QaDatabase  *db,
                                   const char  *id,
                                   GError     **error);
/* The ties (QaTie) of @expert_id with @applicant_id; either may be NULL for all. */
GPtrArray *_qa_experts_load_ties  (QaDatabase  *db,
                                   const char  *expert_id,
                                   const char  *applicant_id,
                                   GError     **error);
/* Withdraws every assignment of an expert to an applicant they now have a tie with. */
gboolean   _qa_experts_recuse     (QaDatabase  *db,
                                   GError     **error);

G_END_DECLS
