/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "qa-database.h"
#include "qa-experts.h"

G_BEGIN_DECLS

/* Every tie, as rows (expert_id, applicant_id, kind, source, reason): the recorded ones, then
 * the automatic ones (source 'automatic', reason 'name' or 'credit_code' saying what matched,
 * or 'former:YYYY-MM-DD' for a former employer left on that day). Names match by their
 * qa_name_key() (the indexed columns applicant.name_key, expert.employer_key and
 * expert_former_employer.employer_key), never as typed: a trailing U+3000 or U+200B hides no
 * tie. A former employer ties when it was left on or after parameter ?9 (numbered, so that the
 * statements around it keep ?1, ?2…; qa_rules_former_employer_since(); NULL ties none). */
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
  "WHERE e.credit_code IS NOT NULL AND NOT (e.employer_key <> '' AND a.name_key IS e.employer_key) " \
  "UNION ALL " \
  "SELECT f.expert_id, a.id, 'former_employer', 'automatic', 'former:' || max(f.left_on), 0 " \
  "FROM expert_former_employer f JOIN applicant a ON a.name_key = f.employer_key " \
  "WHERE f.employer_key <> '' AND f.left_on >= ?9 GROUP BY f.expert_id, a.id"

/* TRUE when expert @id is in the pool; else QA_EXPERTS_ERROR_NOT_FOUND naming it. */
gboolean   _qa_experts_require    (QaDatabase  *db,
                                   const char  *id,
                                   GError     **error);
/* The ties (QaTie) of @expert_id with @applicant_id, today, under @profile's rules; either id
 * may be NULL for all. */
GPtrArray *_qa_experts_load_ties  (QaDatabase  *db,
                                   QaProfile   *profile,
                                   const char  *expert_id,
                                   const char  *applicant_id,
                                   GError     **error);
/* Withdraws every assignment of an expert to an applicant they now have a tie with. */
gboolean   _qa_experts_recuse     (QaDatabase  *db,
                                   QaProfile   *profile,
                                   GError     **error);

G_END_DECLS
