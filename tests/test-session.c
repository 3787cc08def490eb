/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "qa-core.h"
#include "qa-database-private.h"
#include "qa-test.h"

static int
query_int (QaDatabase *db,
           const char *sql)
{
  sqlite3_stmt *stmt = _qa_database_prepare (db, sql, NULL);

  ck_assert_ptr_nonnull (stmt);
  ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
  return sqlite3_column_int (stmt, 0);
}

static QaDatabase *
open_db (const char *name)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  g_autoptr(GError) error = NULL;
  QaDatabase *db = qa_database_open (path, &error);

  ck_assert_msg (db != NULL, "%s", error ? error->message : "");
  return db;
}

static QaProfile *
ganzhou (void)
{
  g_autoptr(GError) error = NULL;
  QaProfile *profile = qa_profile_new_from_id ("ganzhou", &error);

  ck_assert_msg (profile != NULL, "%s", error ? error->message : "");
  return profile;
}

START_TEST (test_create_and_load)
{
  g_autoptr(QaDatabase) db = open_db ("s.db");
  g_autoptr(QaProfile) profile = ganzhou ();
  g_autoptr(QaSession) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  ck_assert (qa_session_create (db, profile, 2026, "2026-09-30", &error));
  ck_assert (qa_database_has_session (db));

  loaded = qa_session_new (db, &error);
  ck_assert_msg (loaded != NULL, "%s", error ? error->message : "");
  ck_assert_uint_eq (qa_session_get_year (loaded), 2026);
  ck_assert_str_eq (qa_session_get_deadline (loaded), "2026-09-30");
  ck_assert_int_eq (qa_session_get_stage (loaded), QA_STAGE_APPLICATION);
  ck_assert_str_eq (qa_profile_get_id (qa_session_get_profile (loaded)), "ganzhou");
  ck_assert_uint_eq (qa_profile_get_award_limit (qa_session_get_profile (loaded)), 3);
  ck_assert_uint_eq (g_list_model_get_n_items (qa_session_get_applicants (loaded)), 0);

  /* The session keeps the criteria's items so that scores can refer to them. */
  ck_assert_int_eq (query_int (db, "SELECT count(*) FROM item"), 23);
  ck_assert_int_eq (query_int (db, "SELECT sum(points) FROM item"), 1000);
  ck_assert_int_eq (query_int (db, "SELECT sum(points) FROM item WHERE kind = 'result'"), 400);

  title = qa_session_dup_title (loaded);
  ck_assert_msg (strstr (title, "2026") != NULL, "title: %s", title);
}
END_TEST

START_TEST (test_default_deadline)
{
  g_autoptr(QaDatabase) db = open_db ("d.db");
  g_autoptr(QaProfile) profile = ganzhou ();
  g_autoptr(QaSession) loaded = NULL;
  g_autoptr(GError) error = NULL;

  ck_assert (qa_session_create (db, profile, 2028, NULL, &error));
  loaded = qa_session_new (db, &error);
  ck_assert_ptr_nonnull (loaded);
  ck_assert_str_eq (qa_session_get_deadline (loaded), "2028-09-30");
}
END_TEST

START_TEST (test_second_create_refused_unchanged)
{
  g_autoptr(QaDatabase) db = open_db ("twice.db");
  g_autoptr(QaProfile) profile = ganzhou ();
  g_autoptr(QaSession) loaded = NULL;
  g_autoptr(GError) error = NULL;

  ck_assert (qa_session_create (db, profile, 2026, "2026-09-30", &error));
  ck_assert (!qa_session_create (db, profile, 2030, "2030-01-31", &error));
  ck_assert (g_error_matches (error, QA_DATABASE_ERROR, QA_DATABASE_ERROR_SESSION_EXISTS));

  g_clear_error (&error);
  loaded = qa_session_new (db, &error);
  ck_assert_uint_eq (qa_session_get_year (loaded), 2026);
  ck_assert_int_eq (query_int (db, "SELECT count(*) FROM session"), 1);
  ck_assert_int_eq (query_int (db, "SELECT count(*) FROM item"), 23);
}
END_TEST

START_TEST (test_bad_input_refused)
{
  g_autoptr(QaDatabase) db = open_db ("bad.db");
  g_autoptr(QaProfile) profile = ganzhou ();
  g_autoptr(GError) error = NULL;
  static const char * const bad_deadlines[] = {
    "2026-02-30", "2026/09/30", "30-09-2026", "2026-9-30", "", "2026-09-30T00:00",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad_deadlines); i++)
    {
      ck_assert_msg (!qa_session_create (db, profile, 2026, bad_deadlines[i], &error),
                     "deadline %s accepted", bad_deadlines[i]);
      ck_assert (g_error_matches (error, QA_DATABASE_ERROR, QA_DATABASE_ERROR_CONSTRAINT));
      g_clear_error (&error);
    }

  ck_assert (!qa_session_create (db, profile, 1999, NULL, &error));
  ck_assert (g_error_matches (error, QA_DATABASE_ERROR, QA_DATABASE_ERROR_CONSTRAINT));
  ck_assert (!qa_database_has_session (db));
  ck_assert_int_eq (query_int (db, "SELECT count(*) FROM item"), 0);
}
END_TEST

START_TEST (test_no_session)
{
  g_autoptr(QaDatabase) db = open_db ("none.db");
  g_autoptr(QaSession) loaded = NULL;
  g_autoptr(GError) error = NULL;

  loaded = qa_session_new (db, &error);
  ck_assert_ptr_null (loaded);
  ck_assert (g_error_matches (error, QA_DATABASE_ERROR, QA_DATABASE_ERROR_NO_SESSION));
}
END_TEST

START_TEST (test_open_with_demo)
{
  g_autofree char *path = g_build_filename (tmpdir, "sub", "dir", "demo.db", NULL);
  g_autoptr(QaSession) loaded = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *applicants;
  QaDatabase *db;
  guint n;

  loaded = qa_session_open_with_demo (path, &error);
  ck_assert_msg (loaded != NULL, "%s", error ? error->message : "");
  db = qa_session_get_database (loaded);

  applicants = qa_session_get_applicants (loaded);
  n = g_list_model_get_n_items (applicants);
  ck_assert_uint_ge (n, 6);
  ck_assert_uint_le (n, 10);
  {
    guint n_experts = 0;

    ck_assert (qa_session_count_experts (loaded, &n_experts, NULL));
    ck_assert_uint_eq (n_experts, 12);
  }
  ck_assert_int_ge (query_int (db, "SELECT count(*) FROM conflict"), 2);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QaApplicant) applicant = g_list_model_get_item (applicants, i);
      g_autoptr(GError) code_error = NULL;
      const char *name = qa_applicant_get_name (applicant);

      ck_assert_msg (qa_credit_code_validate (qa_applicant_get_credit_code (applicant), &code_error),
                     "%s: %s", name, code_error ? code_error->message : "");
      /* Chinese organisation names. */
      ck_assert_msg (g_utf8_get_char (name) >= 0x4e00, "name %s", name);
      ck_assert_int_eq (qa_applicant_get_status (applicant), QA_APPLICANT_STATUS_APPLIED);
    }

  /* Mostly Ganzhou organisations, with the awkward cases a real session has. */
  ck_assert_int_ge (query_int (db, "SELECT count(*) FROM applicant WHERE district = '甘州区'"), 5);
  ck_assert_int_ge (query_int (db, "SELECT count(*) FROM applicant WHERE district <> '甘州区'"), 1);
  ck_assert_int_ge (query_int (db, "SELECT count(*) FROM applicant WHERE accidents_3y = 1"), 1);
}
END_TEST

START_TEST (test_open_with_demo_twice)
{
  g_autofree char *path = g_build_filename (tmpdir, "again.db", NULL);
  g_autoptr(GError) error = NULL;
  guint first;

  {
    g_autoptr(QaSession) loaded = qa_session_open_with_demo (path, &error);

    ck_assert_ptr_nonnull (loaded);
    first = g_list_model_get_n_items (qa_session_get_applicants (loaded));
  }

  {
    g_autoptr(QaSession) loaded = qa_session_open_with_demo (path, &error);

    ck_assert_ptr_nonnull (loaded);
    ck_assert_uint_eq (g_list_model_get_n_items (qa_session_get_applicants (loaded)), first);

    /* The demo refuses a session that already holds data, and changes nothing. */
    ck_assert (!qa_demo_populate (loaded, &error));
    ck_assert (g_error_matches (error, QA_DATABASE_ERROR, QA_DATABASE_ERROR_SESSION_EXISTS));
    ck_assert_uint_eq (g_list_model_get_n_items (qa_session_get_applicants (loaded)), first);
    {
      guint n_experts = 0;

      ck_assert (qa_session_count_experts (loaded, &n_experts, NULL));
      ck_assert_uint_eq (n_experts, 12);
    }
  }
}
END_TEST

START_TEST (test_stage_names)
{
  for (QaStage stage = QA_STAGE_APPLICATION; stage < QA_N_STAGES; stage++)
    {
      QaStage parsed = QA_N_STAGES;

      ck_assert (qa_stage_from_string (qa_stage_to_string (stage), &parsed));
      ck_assert_int_eq (parsed, stage);
      ck_assert_ptr_nonnull (qa_stage_get_title (stage));
    }
  ck_assert_str_eq (qa_stage_to_string (QA_STAGE_MATERIAL), "material");
  ck_assert_str_eq (qa_stage_to_string (QA_STAGE_SITE), "site");
}
END_TEST

/* A database error is reported as one, not read as “no experts” or “not assigned”. */
START_TEST (test_errors_not_swallowed)
{
  g_autofree char *path = g_build_filename (tmpdir, "broken.db", NULL);
  g_autoptr(QaSession) demo = qa_session_open_with_demo (path, NULL);
  g_autoptr(GError) error = NULL;
  QaDatabase *db;
  guint n = 99;

  ck_assert_ptr_nonnull (demo);
  db = qa_session_get_database (demo);
  ck_assert (qa_session_count_experts (demo, &n, &error));
  ck_assert_uint_eq (n, 12);

  ck_assert_int_eq (sqlite3_exec (_qa_database_get_handle (db),
                                  "ALTER TABLE expert RENAME TO expert_gone; "
                                  "ALTER TABLE assignment RENAME TO assignment_gone", NULL, NULL, NULL),
                    SQLITE_OK);
  ck_assert (!qa_session_count_experts (demo, &n, &error));
  ck_assert_ptr_nonnull (error);
  ck_assert_uint_eq (n, 0);
  g_clear_error (&error);

  ck_assert (!qa_panel_is_assigned (demo, QA_STAGE_MATERIAL, "E01", "A01", &error));
  ck_assert_ptr_nonnull (error);
}
END_TEST

static Suite *
session_suite (void)
{
  Suite *suite = suite_create ("session");
  TCase *tc = tcase_create ("session");

  tcase_add_checked_fixture (tc, qa_test_setup_tmpdir, qa_test_teardown_tmpdir);
  tcase_add_test (tc, test_create_and_load);
  tcase_add_test (tc, test_default_deadline);
  tcase_add_test (tc, test_second_create_refused_unchanged);
  tcase_add_test (tc, test_bad_input_refused);
  tcase_add_test (tc, test_no_session);
  tcase_add_test (tc, test_open_with_demo);
  tcase_add_test (tc, test_open_with_demo_twice);
  tcase_add_test (tc, test_stage_names);
  tcase_add_test (tc, test_errors_not_swallowed);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return qa_test_run (session_suite ());
}
