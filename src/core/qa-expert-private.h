/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "qa-expert.h"

G_BEGIN_DECLS

/* The columns _qa_expert_new_from_row() reads, in order, from `expert e` joined with its
 * declaration and the panels of both review stages. */
#define QA_EXPERT_COLUMNS \
  "e.id, e.name, e.employer, e.credit_code, e.title, e.specialty, e.contact, " \
  "e.experience_years, e.trained, e.ethics, e.ethics_date, e.status, e.status_reason, " \
  "e.status_date, d.declared_at, " \
  "(SELECT CASE WHEN p.chair_id = e.id THEN 'chair' ELSE m.role END FROM panel_member m " \
  " JOIN panel p ON p.stage = m.stage WHERE m.stage = 'material' AND m.expert_id = e.id), " \
  "(SELECT CASE WHEN p.chair_id = e.id THEN 'chair' ELSE m.role END FROM panel_member m " \
  " JOIN panel p ON p.stage = m.stage WHERE m.stage = 'site' AND m.expert_id = e.id)"

#define QA_EXPERT_FROM "expert e LEFT JOIN declaration d ON d.expert_id = e.id"

QaExpert *_qa_expert_new_from_row (sqlite3_stmt *stmt);
/* The index of @str in @names (of @n_names), for the enums stored by name. */
gboolean  _qa_expert_lookup_name  (const char * const *names,
                                   guint               n_names,
                                   const char         *str,
                                   guint              *value);

G_END_DECLS
