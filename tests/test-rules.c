/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Art. 13 of the regulation, condition by condition, at the boundaries of its numbers. */

#include "config.h"

#include <string.h>

#include "qa-profile.h"
#include "qa-rules.h"
#include "qa-test.h"

#define DEADLINE "2026-09-30"

static QaProfile *profile;

static void
setup (void)
{
  g_autoptr(GError) error = NULL;

  profile = qa_profile_new_from_id ("ganzhou", &error);
  ck_assert_msg (profile != NULL, "%s", error ? error->message : "");
}

static void
teardown (void)
{
  g_clear_object (&profile);
}

/* An applicant that meets every condition. */
static QaEligibilityFacts
good_facts (void)
{
  QaEligibilityFacts facts = { 0, };

  facts.district = "甘州区";
  facts.legal_person = TRUE;
  facts.founded = "2010-05-01";
  facts.judged[0] = facts.judged[1] = facts.judged[2] = QA_CONDITION_PASS;
  return facts;
}

static QaEligibilityReport *
check (const QaEligibilityFacts *facts)
{
  return qa_rules_check_eligibility (profile, DEADLINE, facts);
}

/* The one reason of @condition, which must have exactly one. */
static const char *
only_reason (QaEligibilityReport *report,
             guint                condition)
{
  GPtrArray *reasons = report->conditions[condition - 1].reasons;

  ck_assert_uint_eq (reasons->len, 1);
  return g_ptr_array_index (reasons, 0);
}

START_TEST (test_all_pass)
{
  QaEligibilityFacts facts = good_facts ();
  g_autoptr(QaEligibilityReport) report = check (&facts);
  g_autoptr(GPtrArray) reasons = qa_eligibility_report_dup_reasons (report);

  ck_assert (qa_eligibility_report_is_eligible (report));
  ck_assert (!qa_eligibility_report_is_pending (report));
  ck_assert_uint_eq (reasons->len, 0);
  ck_assert (report->conditions[0].automatic && report->conditions[1].automatic);
  ck_assert (!report->conditions[2].automatic);
}
END_TEST

START_TEST (test_operating_years_boundary)
{
  QaEligibilityFacts facts = good_facts ();

  /* Founded exactly three years before the deadline: qualifies. */
  facts.founded = "2023-09-30";
  {
    g_autoptr(QaEligibilityReport) report = check (&facts);

    ck_assert_int_eq (report->conditions[0].result, QA_CONDITION_PASS);
  }

  /* One day later: does not. */
  facts.founded = "2023-10-01";
  {
    g_autoptr(QaEligibilityReport) report = check (&facts);

    ck_assert_int_eq (report->conditions[0].result, QA_CONDITION_FAIL);
    ck_assert_str_eq (only_reason (report, 1),
                      "Art. 13(1): operating 2 years 11 months on 2026-09-30; 3 years required");
    ck_assert (!qa_eligibility_report_is_eligible (report));
  }

  /* Operations beginning after the deadline. */
  facts.founded = "2026-10-01";
  {
    g_autoptr(QaEligibilityReport) report = check (&facts);

    ck_assert_int_eq (report->conditions[0].result, QA_CONDITION_FAIL);
    ck_assert (strstr (only_reason (report, 1), "after the deadline") != NULL);
  }
}
END_TEST

START_TEST (test_district_and_legal_person)
{
  QaEligibilityFacts facts = good_facts ();
  g_autoptr(QaEligibilityReport) report = NULL;
  GPtrArray *reasons;

  facts.district = "临泽县";
  facts.legal_person = FALSE;
  facts.founded = "2024-01-15";
  report = check (&facts);

  /* Every failing fact of the condition is named, not only the first. */
  reasons = report->conditions[0].reasons;
  ck_assert_uint_eq (reasons->len, 3);
  ck_assert_str_eq (g_ptr_array_index (reasons, 0), "Art. 13(1): registered in 临泽县, not in 甘州区");
  ck_assert_str_eq (g_ptr_array_index (reasons, 1), "Art. 13(1): not an independent legal person");
  ck_assert_str_eq (g_ptr_array_index (reasons, 2),
                    "Art. 13(1): operating 2 years 8 months on 2026-09-30; 3 years required");
}
END_TEST

START_TEST (test_accident_window)
{
  QaEligibilityFacts facts = good_facts ();
  QaAccidentFact inside = { (char *)"2023-10-01", (char *)"safety", NULL };
  QaAccidentFact outside = { (char *)"2023-09-30", (char *)"quality", NULL };
  QaAccidentFact later = { (char *)"2026-10-01", (char *)"environment", NULL };
  const QaAccidentFact *old_only[] = { &outside, &later };
  const QaAccidentFact *recent[] = { &outside, &inside };

  facts.accidents = old_only;
  facts.n_accidents = G_N_ELEMENTS (old_only);
  {
    g_autoptr(QaEligibilityReport) report = check (&facts);

    ck_assert_int_eq (report->conditions[1].result, QA_CONDITION_PASS);
  }

  facts.accidents = recent;
  facts.n_accidents = G_N_ELEMENTS (recent);
  {
    g_autoptr(QaEligibilityReport) report = check (&facts);

    ck_assert_int_eq (report->conditions[1].result, QA_CONDITION_FAIL);
    ck_assert_str_eq (only_reason (report, 2),
                      "Art. 13(2): safety liability accident on 2023-10-01, within the 3 years before 2026-09-30");
  }
}
END_TEST

START_TEST (test_declared_accident)
{
  QaEligibilityFacts facts = good_facts ();
  g_autoptr(QaEligibilityReport) report = NULL;

  facts.declared_accidents = TRUE;
  report = check (&facts);
  ck_assert_int_eq (report->conditions[1].result, QA_CONDITION_FAIL);
  ck_assert (g_str_has_prefix (only_reason (report, 2), "Art. 13(2): "));
}
END_TEST

START_TEST (test_judgements)
{
  QaEligibilityFacts facts = good_facts ();

  facts.judged[0] = QA_CONDITION_FAIL;
  facts.judged_notes[0] = "质量管理体系证书已过期";
  facts.judged[2] = QA_CONDITION_PENDING;
  {
    g_autoptr(QaEligibilityReport) report = check (&facts);

    ck_assert_int_eq (report->conditions[2].result, QA_CONDITION_FAIL);
    ck_assert_str_eq (only_reason (report, 3), "Art. 13(3): judged not met: 质量管理体系证书已过期");
    ck_assert_int_eq (report->conditions[4].result, QA_CONDITION_PENDING);
    ck_assert_str_eq (only_reason (report, 5), "Art. 13(5): awaits the secretariat’s judgement");
    /* A failure is not "pending", even with a judgement outstanding. */
    ck_assert (!qa_eligibility_report_is_pending (report));
    ck_assert (!qa_eligibility_report_is_eligible (report));
  }

  facts.judged[0] = QA_CONDITION_PASS;
  {
    g_autoptr(QaEligibilityReport) report = check (&facts);
    g_autoptr(GPtrArray) reasons = qa_eligibility_report_dup_reasons (report);

    ck_assert (qa_eligibility_report_is_pending (report));
    ck_assert (!qa_eligibility_report_is_eligible (report));
    ck_assert_uint_eq (reasons->len, 1);
  }
}
END_TEST

START_TEST (test_years_between)
{
  guint years = 99, months = 99;

  ck_assert (qa_rules_years_between ("2023-10-01", "2026-09-30", &years, &months));
  ck_assert_uint_eq (years, 2);
  ck_assert_uint_eq (months, 11);
  ck_assert (qa_rules_years_between ("2020-02-29", "2026-09-30", &years, &months));
  ck_assert_uint_eq (years, 6);
  ck_assert_uint_eq (months, 7);
  ck_assert (qa_rules_years_between ("2026-09-30", "2026-09-30", &years, &months));
  ck_assert_uint_eq (years, 0);
  ck_assert_uint_eq (months, 0);
  ck_assert (!qa_rules_years_between ("2026-10-01", "2026-09-30", &years, &months));
  ck_assert (!qa_rules_years_between ("2026-13-01", "2026-09-30", &years, &months));
}
END_TEST

static Suite *
rules_suite (void)
{
  Suite *suite = suite_create ("rules");
  TCase *tc = tcase_create ("art13");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_all_pass);
  tcase_add_test (tc, test_operating_years_boundary);
  tcase_add_test (tc, test_district_and_legal_person);
  tcase_add_test (tc, test_accident_window);
  tcase_add_test (tc, test_declared_accident);
  tcase_add_test (tc, test_judgements);
  tcase_add_test (tc, test_years_between);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return qa_test_run (rules_suite ());
}
