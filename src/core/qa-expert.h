/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "qa-session.h"

G_BEGIN_DECLS

/* Whether an expert may serve (Art. 23 penalties). */
typedef enum
{
  QA_EXPERT_STATUS_ACTIVE,
  QA_EXPERT_STATUS_SUSPENDED,     /* may not serve until reinstated */
  QA_EXPERT_STATUS_DISQUALIFIED,  /* lost the reviewer qualification for good */
} QaExpertStatus;

/* What an expert is on the panel of one review stage. */
typedef enum
{
  QA_PANEL_ROLE_NONE,
  QA_PANEL_ROLE_MEMBER,
  QA_PANEL_ROLE_CHAIR,       /* 组长, also a member */
  QA_PANEL_ROLE_ALTERNATE,
} QaPanelRole;

#define QA_TYPE_EXPERT (qa_expert_get_type ())
G_DECLARE_FINAL_TYPE (QaExpert, qa_expert, QA, EXPERT, GObject)

/* "active", "suspended", "disqualified". */
const char     *qa_expert_status_to_string   (QaExpertStatus  status);
gboolean        qa_expert_status_from_string (const char     *str,
                                              QaExpertStatus *status);
/* Translated, for display. */
const char     *qa_expert_status_get_label   (QaExpertStatus  status);
const char     *qa_panel_role_get_label      (QaPanelRole     role);

/* A row of the expert pool; a snapshot of the database, replaced when the list reloads. */
const char     *qa_expert_get_id               (QaExpert  *self);
const char     *qa_expert_get_name             (QaExpert  *self);
/* The employing organisation, compared with applicants' names for automatic conflicts. */
const char     *qa_expert_get_employer         (QaExpert  *self);
/* The employer's unified social credit code when recorded, else NULL. */
const char     *qa_expert_get_employer_credit_code (QaExpert *self);
const char     *qa_expert_get_title            (QaExpert  *self);
const char     *qa_expert_get_specialty        (QaExpert  *self);
const char     *qa_expert_get_contact          (QaExpert  *self);
/* Years of quality-management or technical work (Art. 11(3)). */
guint           qa_expert_get_experience_years (QaExpert  *self);
/* Systematic performance-excellence training (Art. 11(4)). */
gboolean        qa_expert_get_trained          (QaExpert  *self);
/* Integrity declaration on file (Art. 11(1)), and its date (YYYY-MM-DD) when recorded. */
gboolean        qa_expert_get_ethics           (QaExpert  *self);
const char     *qa_expert_get_ethics_date      (QaExpert  *self);
QaExpertStatus  qa_expert_get_status           (QaExpert  *self);
/* Why and when (YYYY-MM-DD) the status was last changed; NULL for an expert never penalised. */
const char     *qa_expert_get_status_reason    (QaExpert  *self);
const char     *qa_expert_get_status_date      (QaExpert  *self);
/* The impartiality and confidentiality declaration for this session (公正性和保密性声明). */
gboolean        qa_expert_get_declared         (QaExpert  *self);
/* When it was recorded, an ISO 8601 UTC timestamp, or NULL. */
const char     *qa_expert_get_declared_at      (QaExpert  *self);
/* The expert's place on the panel of @stage (QA_STAGE_MATERIAL or QA_STAGE_SITE). */
QaPanelRole     qa_expert_get_panel_role       (QaExpert  *self,
                                                QaStage    stage);

G_END_DECLS
