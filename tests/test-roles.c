/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Who may do what: the same table answers the GUI and the CLI. */

#include "config.h"

#include "qa-test.h"

START_TEST (test_permissions)
{
  static const struct { QaPermission permission; gboolean allowed[QA_N_ROLES]; } table[] = {
    /*                               secretariat chair  supervisor reviewer */
    { QA_PERMISSION_READ,          { TRUE,       TRUE,  TRUE,      TRUE  } },
    { QA_PERMISSION_BACKUP,        { TRUE,       TRUE,  TRUE,      FALSE } },
    { QA_PERMISSION_REGISTER,      { TRUE,       FALSE, FALSE,     FALSE } },
    { QA_PERMISSION_FORM_PANEL,    { TRUE,       FALSE, FALSE,     FALSE } },
    { QA_PERMISSION_EXPORT,        { TRUE,       FALSE, FALSE,     FALSE } },
    { QA_PERMISSION_COLLECT,       { TRUE,       TRUE,  FALSE,     FALSE } },
    { QA_PERMISSION_CONSENSUS,     { FALSE,      TRUE,  FALSE,     FALSE } },
    { QA_PERMISSION_SCORE,         { FALSE,      FALSE, FALSE,     TRUE  } },
    { QA_PERMISSION_RESTORE,       { TRUE,       FALSE, FALSE,     FALSE } },
    { QA_PERMISSION_CREATE,        { TRUE,       FALSE, FALSE,     FALSE } },
    { QA_PERMISSION_RESULTS,       { TRUE,       TRUE,  TRUE,      FALSE } },
    { QA_PERMISSION_WRITE,         { TRUE,       TRUE,  FALSE,     TRUE  } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    for (QaRole role = 0; role < QA_N_ROLES; role++)
      ck_assert_msg (qa_role_allows (role, table[i].permission) == table[i].allowed[role],
                     "permission %d, role %s", table[i].permission, qa_role_to_string (role));
}
END_TEST

START_TEST (test_supervisor_changes_nothing)
{
  for (QaPermission p = QA_PERMISSION_REGISTER; p <= QA_PERMISSION_WRITE; p++)
    ck_assert (!qa_role_allows (QA_ROLE_SUPERVISOR, p));
}
END_TEST

static void
assert_not_allowed (gboolean   ok,
                    GError   **error)
{
  ck_assert (!ok);
  ck_assert_msg (g_error_matches (*error, QA_DATABASE_ERROR, QA_DATABASE_ERROR_NOT_ALLOWED),
                 "%s", *error != NULL ? (*error)->message : "no error");
  g_clear_error (error);
}

/* The core refuses, whichever face asks: every write goes through a transaction. */
START_TEST (test_supervisor_session_refuses_writes)
{
  QaDatabase *db = qa_session_get_database (session);
  g_autofree char *path = g_strdup (qa_database_get_path (db));
  g_autofree char *before = qa_test_file_checksum (path);
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) trail = NULL;
  g_autoptr(GError) error = NULL;
  guint n_entries;

  trail = qa_audit_list (db, &error);
  ck_assert_msg (trail != NULL, "%s", error ? error->message : "");
  n_entries = trail->len;

  qa_database_set_operator (db, "王监督", "supervisor");

  assert_not_allowed (qa_applicants_judge (session, "A01", 3, TRUE, "现场核实", &error), &error);
  assert_not_allowed (qa_applicants_override (session, "A01", FALSE, "监督委员会意见", &error), &error);
  assert_not_allowed (qa_applicants_store_eligibility (session, &error), &error);
  assert_not_allowed (qa_experts_declare (session, "E01", &error), &error);
  assert_not_allowed (qa_experts_set_status (session, "E01", QA_EXPERT_STATUS_SUSPENDED,
                                             "违反回避规定", &error), &error);
  /* Not even the note of a refusal is written. */
  assert_not_allowed (qa_audit_record_refusal (db, "test.refused", "file", "x.csv", "no", &error),
                      &error);

  /* Reading still works, and nothing changed. */
  g_clear_pointer (&trail, g_ptr_array_unref);
  trail = qa_audit_list (db, &error);
  ck_assert_msg (trail != NULL, "%s", error ? error->message : "");
  ck_assert_uint_eq (trail->len, n_entries);
  ck_assert (qa_audit_verify (db, NULL, NULL, &error));
  after = qa_test_file_checksum (path);
  ck_assert_str_eq (before, after);

  /* Back to the secretariat: the same write goes through. */
  qa_database_set_operator (db, "李秘书", "secretariat");
  ck_assert_msg (qa_experts_declare (session, "E01", &error), "%s", error ? error->message : "");
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

  tc = tcase_create ("enforced");
  tcase_add_checked_fixture (tc, qa_test_setup_demo, qa_test_teardown_tmpdir);
  tcase_add_test (tc, test_supervisor_session_refuses_writes);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return qa_test_run (roles_suite ());
}
