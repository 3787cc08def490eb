/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Who may do what: the same table answers the GUI and the CLI. */

#include "config.h"

#include "qa-test.h"

START_TEST (test_permissions)
{
  static const struct { QaPermission permission; gboolean allowed[QA_N_ROLES]; } table[] = {
    /*                               secretariat chair  supervisor reviewer */
    { QA_PERMISSION_READ,          { TRUE,       TRUE,  TRUE,      TRUE  } },
    { QA_PERMISSION_BACKUP,        { TRUE,       TRUE,  TRUE,      TRUE  } },
    { QA_PERMISSION_REGISTER,      { TRUE,       FALSE, FALSE,     FALSE } },
    { QA_PERMISSION_FORM_PANEL,    { TRUE,       FALSE, FALSE,     FALSE } },
    { QA_PERMISSION_EXPORT,        { TRUE,       FALSE, FALSE,     FALSE } },
    { QA_PERMISSION_COLLECT,       { TRUE,       TRUE,  FALSE,     FALSE } },
    { QA_PERMISSION_CONSENSUS,     { FALSE,      TRUE,  FALSE,     FALSE } },
    { QA_PERMISSION_SCORE,         { FALSE,      FALSE, FALSE,     TRUE  } },
    { QA_PERMISSION_RESTORE,       { TRUE,       FALSE, FALSE,     FALSE } },
    { QA_PERMISSION_CREATE,        { TRUE,       FALSE, FALSE,     FALSE } },
    { QA_PERMISSION_RESULTS,       { TRUE,       TRUE,  TRUE,      FALSE } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    for (QaRole role = 0; role < QA_N_ROLES; role++)
      ck_assert_msg (qa_role_allows (role, table[i].permission) == table[i].allowed[role],
                     "permission %d, role %s", table[i].permission, qa_role_to_string (role));
}
END_TEST

START_TEST (test_supervisor_changes_nothing)
{
  for (QaPermission p = QA_PERMISSION_REGISTER; p <= QA_PERMISSION_CREATE; p++)
    ck_assert (!qa_role_allows (QA_ROLE_SUPERVISOR, p));
}
END_TEST

START_TEST (test_names)
{
  for (QaRole role = 0; role < QA_N_ROLES; role++)
    {
      QaRole parsed = QA_N_ROLES;

      ck_assert (qa_role_from_string (qa_role_to_string (role), &parsed));
      ck_assert_int_eq (parsed, role);
      ck_assert_ptr_nonnull (qa_role_get_label (role));
    }
  ck_assert_str_eq (qa_role_to_string (QA_ROLE_CHAIR), "chair");
  {
    QaRole parsed;
    ck_assert (!qa_role_from_string ("mayor", &parsed));
    ck_assert (!qa_role_from_string (NULL, &parsed));
  }
}
END_TEST

static Suite *
roles_suite (void)
{
  Suite *suite = suite_create ("roles");
  TCase *tc = tcase_create ("roles");

  tcase_add_test (tc, test_permissions);
  tcase_add_test (tc, test_supervisor_changes_nothing);
  tcase_add_test (tc, test_names);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return qa_test_run (roles_suite ());
}
