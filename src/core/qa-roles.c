/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "qa-roles"

#include "config.h"

#include <glib/gi18n.h>

#include "qa-roles.h"

static const char * const role_names[QA_N_ROLES] = {
  [QA_ROLE_SECRETARIAT] = "secretariat",
  [QA_ROLE_CHAIR] = "chair",
  [QA_ROLE_SUPERVISOR] = "supervisor",
  [QA_ROLE_REVIEWER] = "reviewer",
};

static const char * const role_labels[QA_N_ROLES] = {
  [QA_ROLE_SECRETARIAT] = N_("Secretariat"),
  [QA_ROLE_CHAIR] = N_("Panel chair"),
  [QA_ROLE_SUPERVISOR] = N_("Supervisory committee"),
  [QA_ROLE_REVIEWER] = N_("Reviewer"),
};

const char *
qa_role_to_string (QaRole role)
{
  g_return_val_if_fail (role < QA_N_ROLES, NULL);
  return role_names[role];
}

gboolean
qa_role_from_string (const char *str,
                     QaRole     *role)
{
  g_return_val_if_fail (role != NULL, FALSE);

  for (guint i = 0; i < QA_N_ROLES; i++)
    {
      if (g_strcmp0 (role_names[i], str) == 0)
        {
          *role = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
qa_role_get_label (QaRole role)
{
  g_return_val_if_fail (role < QA_N_ROLES, NULL);
  return _(role_labels[role]);
}

/* The secretariat registers, forms panels and exports (Art. 10); the chair runs the panel's
 * consensus; the supervisory committee watches and changes nothing (Art. 12); a reviewer scores
 * in their own package. Sheets are collected by the secretariat or the chair. */
gboolean
qa_role_allows (QaRole       role,
                QaPermission permission)
{
  switch (permission)
    {
    case QA_PERMISSION_READ:
      return TRUE;

    /* A reviewer's package is no session: there is nothing of it to back up. */
    case QA_PERMISSION_BACKUP:
      return role != QA_ROLE_REVIEWER;

    case QA_PERMISSION_REGISTER:
    case QA_PERMISSION_FORM_PANEL:
    case QA_PERMISSION_EXPORT:
    case QA_PERMISSION_RESTORE:
    case QA_PERMISSION_CREATE:
    case QA_PERMISSION_OUTCOME:
      return role == QA_ROLE_SECRETARIAT;

    case QA_PERMISSION_COLLECT:
      return role == QA_ROLE_SECRETARIAT || role == QA_ROLE_CHAIR;

    case QA_PERMISSION_CONSENSUS:
      return role == QA_ROLE_CHAIR;

    case QA_PERMISSION_SCORE:
      return role == QA_ROLE_REVIEWER;

    /* The consensus is the panel's, watched by the committee; a reviewer sees only their own. */
    case QA_PERMISSION_RESULTS:
      return role != QA_ROLE_REVIEWER;
    case QA_PERMISSION_WRITE:
      return role != QA_ROLE_SUPERVISOR;

    default:
      return FALSE;
    }
}
