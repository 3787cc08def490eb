/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Who acts on a session, and what each may do. This is an accountability record, not a login
 * system: the operator says who they are, and every change is recorded with it. */
typedef enum
{
  QA_ROLE_SECRETARIAT,   /* 秘书处 (Art. 10) */
  QA_ROLE_CHAIR,         /* 评审组组长 */
  QA_ROLE_SUPERVISOR,    /* 监督委员会 (Art. 12): reads, changes nothing */
  QA_ROLE_REVIEWER,      /* 评审员, always and only in their review package */
} QaRole;

#define QA_N_ROLES (QA_ROLE_REVIEWER + 1)

typedef enum
{
  QA_PERMISSION_READ,          /* see the session and verify its audit trail */
  QA_PERMISSION_BACKUP,        /* copy the session */
  QA_PERMISSION_REGISTER,      /* applicants, materials, eligibility, experts, conflicts */
  QA_PERMISSION_FORM_PANEL,    /* panels, draws, advancing to site review */
  QA_PERMISSION_EXPORT,        /* review packages, notices, shortlists */
  QA_PERMISSION_COLLECT,       /* import returned score sheets, read the independent scores */
  QA_PERMISSION_CONSENSUS,     /* open and close review stages, set consensus */
  QA_PERMISSION_SCORE,         /* score items and export the sheet, in one's own package */
  QA_PERMISSION_RESTORE,       /* replace the session with a backup */
  QA_PERMISSION_CREATE,        /* create a session, fill the demo */
  QA_PERMISSION_RESULTS,       /* read the review stages' consensus and the reviewers' figures */
  QA_PERMISSION_OUTCOME,       /* confirm the list, the public notice and its objections, the
                                * awards and what follows them (Art. 10, 16(6)–(7), 17–22) */
} QaPermission;

const char *qa_role_to_string   (QaRole        role);
gboolean    qa_role_from_string (const char   *str,
                                 QaRole       *role);
/* Translated, e.g. 秘书处. */
const char *qa_role_get_label   (QaRole        role);
gboolean    qa_role_allows      (QaRole        role,
                                 QaPermission  permission);

G_END_DECLS
