/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The rules under a second profile with other numbers (tests/data/profile-strict.xml: a panel of
 * 7 or more, 5 years of operation, 8 years of experience, scores in steps of 10). A number
 * written into the code instead of asked of the profile fails here. */

#include "config.h"

#include <string.h>

#include "qa-core.h"
#include "qa-test.h"

static QaProfile *strict;

static void
setup_strict (void)
{
  g_autofree char *path = NULL;
  g_autofree char *db_path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(QaDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  ck_assert_msg (g_getenv ("QA_SOURCE_DIR") != NULL, "QA_SOURCE_DIR is not set");
  path = g_build_filename (g_getenv ("QA_SOURCE_DIR"), "tests", "data", "profile-strict.xml", NULL);
  file = g_file_new_for_path (path);
  strict = qa_profile_new_from_file (file, &error);
  ck_assert_msg (strict != NULL, "%s", error ? error->message : "");

  qa_test_setup_tmpdir ();
  db_path = g_build_filename (tmpdir, "strict.db", NULL);
  db = qa_database_open (db_path, &error);
  ck_assert_msg (db != NULL, "%s", error ? error->message : "");
  ck_assert_msg (qa_session_create (db, strict, 2026, NULL, &error), "%s", error ? error->message : "");
  session = qa_session_new (db, &error);
  ck_assert_msg (session != NULL, "%s", error ? error->message : "");
  ck_assert_msg (qa_demo_populate (session, &error), "%s", error ? error->message : "");
}

static void
teardown_strict (void)
{
  g_clear_object (&strict);
  qa_test_teardown_tmpdir ();
}

START_TEST (test_profile_numbers)
{
  ck_assert_str_eq (qa_profile_get_id (strict), "strict");
  ck_assert_uint_eq (qa_profile_get_score_step (strict), 10);
  ck_assert_uint_eq (qa_profile_get_panel_min_size (strict), 7);
  ck_assert_uint_eq (qa_profile_get_min_operating_years (strict), 5);
  ck_assert_uint_eq (qa_profile_get_min_experience_years (strict), 8);
}
END_TEST

START_TEST (test_score_step)
{
  ck_assert (qa_score_percent_is_valid (strict, 0));
  ck_assert (qa_score_percent_is_valid (strict, 60));
  ck_assert (qa_score_percent_is_valid (strict, 100));
  ck_assert (!qa_score_percent_is_valid (strict, 55));
  ck_assert (!qa_score_percent_is_valid (strict, 5));
  ck_assert (!qa_score_percent_is_valid (strict, 110));
}
END_TEST

START_TEST (test_panel_size)
{
  g_autoptr(QaPanelViolation) five = qa_rules_check_panel_size (strict, 5);
  g_autoptr(QaPanelViolation) seven = qa_rules_check_panel_size (strict, 7);
  g_autoptr(GError) error = NULL;

  ck_assert_ptr_nonnull (five);
  ck_assert_msg (strstr (five->message, "at least 7") != NULL, "%s", five->message);
  ck_assert_ptr_null (seven);

  ck_assert_ptr_null (qa_panel_draw (session, QA_STAGE_MATERIAL, 5, 0, 1, &error));
  ck_assert_msg (strstr (error->message, "at least 7") != NULL, "%s", error->message);
}
END_TEST

START_TEST (test_experience)
{
  /* E11 has 9 years and E10 12: enough for 8; E08's 4 and a 7-year career are not. */
  ck_assert (qa_rules_experience_suffices (strict, 8));
  ck_assert (!qa_rules_experience_suffices (strict, 7));
  {
    g_autoptr(QaExpert) e08 = qa_experts_lookup (session, "E08");
    g_autoptr(GPtrArray) violations = g_ptr_array_new_with_free_func ((GDestroyNotify)qa_panel_violation_free);
    QaPanelMemberFacts facts;

    qa_expert_get_panel_facts (e08, &facts);
    ck_assert (!qa_rules_expert_can_serve (strict, &facts, violations));
    ck_assert_msg (strstr (((QaPanelViolation *)violations->pdata[0])->message, "8 required") != NULL,
                   "%s", ((QaPanelViolation *)violations->pdata[0])->message);
  }
}
END_TEST

START_TEST (test_operating_years)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QaEligibilityReport) report = NULL;
  gboolean eligible = TRUE;

  /* A06 was founded six years before the deadline, A08 ten: A07 three years, short of five. */
  report = qa_applicants_check_eligibility (session, "A07", &eligible, NULL, &error);
  ck_assert_msg (report != NULL, "%s", error ? error->message : "");
  ck_assert (!eligible);
  ck_assert_int_eq (report->conditions[0].result, QA_CONDITION_FAIL);
  ck_assert_msg (strstr (g_ptr_array_index (report->conditions[0].reasons, 0), "5 years required") != NULL,
                 "%s", (char *)g_ptr_array_index (report->conditions[0].reasons, 0));
}
END_TEST

/* Which conditions of Art. 13 are judged is asked of the rules, not counted from an index. */
START_TEST (test_judged_conditions)
{
  g_autoptr(GError) error = NULL;

  ck_assert (!qa_rules_condition_is_judged (0));
  ck_assert (!qa_rules_condition_is_judged (1));
  ck_assert (!qa_rules_condition_is_judged (2));
  for (guint c = 3; c <= QA_RULES_N_CONDITIONS; c++)
    ck_assert (qa_rules_condition_is_judged (c));
  ck_assert (!qa_rules_condition_is_judged (QA_RULES_N_CONDITIONS + 1));

  ck_assert (!qa_applicants_judge (session, "A01", 2, TRUE, NULL, &error));
  g_clear_error (&error);
  ck_assert (qa_applicants_judge (session, "A01", 4, TRUE, NULL, &error));
}
END_TEST

static Suite *
strict_suite (void)
{
  Suite *suite = suite_create ("strict");
  TCase *tc = tcase_create ("strict");

  tcase_add_checked_fixture (tc, setup_strict, teardown_strict);
  tcase_add_test (tc, test_profile_numbers);
  tcase_add_test (tc, test_score_step);
  tcase_add_test (tc, test_panel_size);
  tcase_add_test (tc, test_experience);
  tcase_add_test (tc, test_operating_years);
  tcase_add_test (tc, test_judged_conditions);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return qa_test_run (strict_suite ());
}
