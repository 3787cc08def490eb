/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "qa-applicant.h"

G_BEGIN_DECLS

/* Columns, in this order: id, name, credit_code, district, founded, legal_person, status,
 * eligibility, self_score. */
#define QA_APPLICANT_COLUMNS \
  "id, name, credit_code, district, founded, legal_person, status, eligibility, self_score"

QaApplicant *_qa_applicant_new_from_row (sqlite3_stmt *stmt);

G_END_DECLS
