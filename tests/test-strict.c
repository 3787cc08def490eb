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
  ck_assert_uint_eq (qa_profile_get_former_employer_years (strict), 2);
}
END_TEST

/* A former employer ties for 2 years here, not 3: left 2 years less a day ago is a tie, 2 years
 * and a day is none, and 2½ years (a tie under Ganzhou) is none. */
START_TEST (test_former_employer_years)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) inside = NULL;
  g_autoptr(GPtrArray) outside = NULL;
  g_autoptr(GPtrArray) half = NULL;

  ck_assert (qa_rules_former_employer_is_tie (strict, "2024-06-16", "2026-06-15"));
  ck_assert (!qa_rules_former_employer_is_tie (strict, "2024-06-14", "2026-06-15"));
  ck_assert (!qa_rules_former_employer_is_tie (strict, "2023-12-15", "2026-06-15"));

  g_setenv ("QAREVIEW_TODAY", "2026-06-15", TRUE);
  ck_assert (qa_experts_add_former_employer (session, "E01", "张掖祁连乳业有限公司", "2024-06-16", &error));
  ck_assert (qa_experts_add_former_employer (session, "E03", "张掖祁连乳业有限公司", "2024-06-14", &error));
  ck_assert (qa_experts_add_former_employer (session, "E05", "张掖祁连乳业有限公司", "2023-12-15", &error));
  inside = qa_experts_get_ties (session, "E01", "A01", &error);
  outside = qa_experts_get_ties (session, "E03", "A01", &error);
  half = qa_experts_get_ties (session, "E05", "A01", &error);
  ck_assert_uint_eq (inside->len, 1);
  ck_assert_int_eq (((QaTie *)inside->pdata[0])->kind, QA_CONFLICT_FORMER_EMPLOYER);
  ck_assert_uint_eq (outside->len, 0);
  ck_assert_uint_eq (half->len, 0);
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

/* The GB/T 19580 criteria with 100 more points on item 4.1.2: 1100 in all. */
static QaCriteria *
criteria_of_1100 (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("QA_SOURCE_DIR"), "data", "criteria",
                                            "gbt19580-2012.xml", NULL);
  g_autofree char *xml = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  QaCriteria *criteria;

  ck_assert (g_file_get_contents (path, &xml, NULL, NULL));
  text = g_string_new (xml);
  ck_assert_uint_eq (g_string_replace (text, "total-points=\"1000\"", "total-points=\"1100\"", 1), 1);
  ck_assert_uint_eq (g_string_replace (text, "code=\"4.1\" points=\"110\"", "code=\"4.1\" points=\"210\"", 1), 1);
  ck_assert_uint_eq (g_string_replace (text, "code=\"4.1.2\" points=\"50\"", "code=\"4.1.2\" points=\"150\"", 1), 1);
  bytes = g_bytes_new (text->str, text->len);
  criteria = qa_criteria_new_from_bytes (bytes, &error);
  ck_assert_msg (criteria != NULL, "%s", error ? error->message : "");
  ck_assert_uint_eq (qa_criteria_get_total_points (criteria), 1100);
  return criteria;
}

/* A self-assessment is points out of the criteria's total, not out of a number in the code. */
START_TEST (test_self_score_of_criteria)
{
  g_autoptr(QaCriteria) larger = criteria_of_1100 ();
  guint total = qa_criteria_get_total_points (larger);
  guint session_total = qa_criteria_get_total_points (qa_session_get_criteria (session));
  g_autoptr(QaDossier) dossier = qa_applicants_load_dossier (session, "A01", NULL);
  g_autoptr(GError) error = NULL;
  double score = 0;

  ck_assert_ptr_nonnull (dossier);
  ck_assert (qa_dossier_parse_self_score (" 1050 ", total, &score, &error));
  ck_assert_double_eq (score, 1050);
  ck_assert (qa_dossier_parse_self_score ("", total, &score, &error));
  ck_assert_double_eq (score, -1);
  ck_assert (!qa_dossier_parse_self_score ("1150", total, &score, &error));
  ck_assert_msg (strstr (error->message, "from 0 to 1100") != NULL, "%s", error->message);
  g_clear_error (&error);
  ck_assert (!qa_dossier_parse_self_score ("-1", total, &score, &error));
  g_clear_error (&error);
  ck_assert (!qa_dossier_parse_self_score ("nan", total, &score, &error));
  g_clear_error (&error);

  qa_dossier_set_self_score (dossier, 1050);
  {
    g_autoptr(GPtrArray) under_larger = qa_dossier_check (dossier, NULL, total);
    g_autoptr(GPtrArray) under_session = qa_dossier_check (dossier, NULL, session_total);
    g_autofree char *expected = g_strdup_printf ("between 0 and %u", session_total);

    ck_assert_uint_eq (under_larger->len, 0);
    ck_assert_uint_eq (under_session->len, 1);
    ck_assert_str_eq (((QaFieldProblem *)under_session->pdata[0])->field, "self_score");
    ck_assert_msg (strstr (((QaFieldProblem *)under_session->pdata[0])->message, expected) != NULL,
                   "%s", ((QaFieldProblem *)under_session->pdata[0])->message);
  }

  /* Saving asks the session's criteria. */
  ck_assert (!qa_applicants_save_dossier (session, dossier, &error));
  ck_assert_msg (strstr (error->message, "self_score") != NULL, "%s", error->message);
}
END_TEST

/* The thresholds are bounded by the criteria the profile names, not by 1000. */
START_TEST (test_thresholds_of_criteria)
{
  g_autoptr(QaCriteria) larger = criteria_of_1100 ();
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (qa_profile_get_bytes (strict), NULL),
                                              g_bytes_get_size (qa_profile_get_bytes (strict)));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(QaProfile) high = NULL;
  g_autoptr(QaDatabase) db = NULL;
  g_autofree char *db_path = g_build_filename (tmpdir, "high.db", NULL);
  g_autoptr(GError) error = NULL;

  ck_assert_uint_eq (g_string_replace (text, "<thresholds site=\"400\" award=\"500\"/>",
                                       "<thresholds site=\"1050\" award=\"1080\"/>", 1), 1);
  bytes = g_bytes_new (text->str, text->len);
  high = qa_profile_new_from_bytes (bytes, "high.xml", &error);
  ck_assert_msg (high != NULL, "%s", error ? error->message : "");

  ck_assert (qa_profile_check_criteria (strict, larger, &error));
  ck_assert (qa_profile_check_criteria (high, larger, &error));
  ck_assert (!qa_profile_check_criteria (high, qa_session_get_criteria (session), &error));
  ck_assert_int_eq (error->code, QA_PROFILE_ERROR_INCONSISTENT);
  ck_assert_msg (strstr (error->message, "thresholds/@site") != NULL &&
                 strstr (error->message, "1050") != NULL, "%s", error->message);
  g_clear_error (&error);

  /* A session is not made with a profile its criteria cannot satisfy. */
  db = qa_database_open (db_path, &error);
  ck_assert_msg (db != NULL, "%s", error ? error->message : "");
  ck_assert (!qa_session_create (db, high, 2026, NULL, &error));
  ck_assert_msg (strstr (error->message, "thresholds/@site") != NULL, "%s", error->message);
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
  tcase_add_test (tc, test_former_employer_years);
  tcase_add_test (tc, test_panel_size);
  tcase_add_test (tc, test_experience);
  tcase_add_test (tc, test_operating_years);
  tcase_add_test (tc, test_judged_conditions);
  tcase_add_test (tc, test_self_score_of_criteria);
  tcase_add_test (tc, test_thresholds_of_criteria);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return qa_test_run (strict_suite ());
}
