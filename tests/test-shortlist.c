/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The comprehensive evaluation as a pure rule (Art. 4, 16(5), 16(6)): every status and its
 * reason, the exact arithmetic, ties, the vacancy, Gansu's nomination tier and another
 * profile's numbers. */

#include "config.h"

#include <string.h>

#include "qa-profile.h"
#include "qa-rules.h"
#include "qa-test.h"

static QaProfile *
profile_new (const char *id)
{
  g_autoptr(GError) error = NULL;
  QaProfile *profile = qa_profile_new_from_id (id, &error);

  ck_assert_msg (profile != NULL, "%s", error ? error->message : "");
  return profile;
}

/* A site-reviewed applicant. */
static QaShortlistFacts
site (const char *id,
      gint64      material_x100,
      gint64      site_x100)
{
  QaShortlistFacts facts = { id, id, TRUE, TRUE, TRUE, material_x100, site_x100, FALSE, NULL, 0 };

  return facts;
}

static const QaShortlistRow *
row_of (QaShortlistResult *result,
        const char        *id)
{
  for (guint i = 0; i < result->rows->len; i++)
    {
      const QaShortlistRow *row = g_ptr_array_index (result->rows, i);

      if (g_strcmp0 (row->applicant_id, id) == 0)
        return row;
    }
  ck_abort_msg ("no row for %s", id);
  return NULL;
}

static void
assert_row (QaShortlistResult *result,
            const char        *id,
            guint              rank,
            QaOutcomeStatus    status,
            const char        *reason)
{
  const QaShortlistRow *row = row_of (result, id);

  ck_assert_msg (row->status == status, "%s: status %s, expected %s (%s)", id,
                 qa_outcome_status_to_string (row->status), qa_outcome_status_to_string (status),
                 row->reason);
  ck_assert_uint_eq (row->rank, rank);
  if (reason != NULL)
    ck_assert_str_eq (row->reason, reason);
}

START_TEST (test_every_status)
{
  g_autoptr(QaProfile) profile = profile_new ("ganzhou");
  QaShortlistFacts facts[] = {
    site ("A", 60000, 70000),      /* 0.3 × 600 + 0.7 × 700 = 670.0 */
    site ("B", 65000, 65000),      /* 650.0 */
    site ("C", 55000, 62000),      /* 599.0 */
    site ("D", 52000, 56000),      /* 548.0: rank 4 of 3 */
    site ("E", 45000, 49615),      /* 482.305: below 500 */
    site ("F", 50000, 50050),      /* 500.35 → 500.4 but rank 5 */
    { "G", "G", TRUE, TRUE, FALSE, 38050, 0, FALSE, NULL, 0 },   /* below the site threshold */
    { "H", "H", TRUE, TRUE, FALSE, 45000, 0, FALSE, NULL, 0 },   /* not advanced by the panel */
    { "I", "I", FALSE, FALSE, FALSE, 0, 0, FALSE, NULL, 0 },
  };
  g_autoptr(QaShortlistResult) result = qa_rules_shortlist (profile, facts, G_N_ELEMENTS (facts));
  g_autofree char *f_final = NULL;

  ck_assert_uint_eq (result->rows->len, G_N_ELEMENTS (facts));
  ck_assert (!result->vacant);
  assert_row (result, "A", 1, QA_OUTCOME_CANDIDATE, "Rank 1, limit 3; 670.0 ≥ 500 (Art. 4)");
  assert_row (result, "B", 2, QA_OUTCOME_CANDIDATE, NULL);
  assert_row (result, "C", 3, QA_OUTCOME_CANDIDATE, NULL);
  assert_row (result, "D", 4, QA_OUTCOME_OVER_LIMIT, "Rank 4, limit 3 (Art. 4)");
  assert_row (result, "F", 5, QA_OUTCOME_OVER_LIMIT, "Rank 5, limit 3 (Art. 4)");
  assert_row (result, "E", 6, QA_OUTCOME_BELOW_THRESHOLD, "482.3 < 500 (Art. 4)");
  assert_row (result, "G", 0, QA_OUTCOME_NOT_SITE_REVIEWED,
              "Material score 380.5 < 400, the site-review threshold (Art. 16(3))");
  assert_row (result, "H", 0, QA_OUTCOME_NOT_SITE_REVIEWED,
              "Not sent to site review by the panel (Art. 16(3))");
  assert_row (result, "I", 0, QA_OUTCOME_INELIGIBLE,
              "Not accepted in the eligibility check (Art. 13)");

  /* Exact: 0.3 × 500.00 + 0.7 × 500.50 = 500.35, printed 500.4 (halves up). */
  ck_assert_int_eq (row_of (result, "F")->final_x100000, 50035000);
  f_final = qa_rules_format_final (row_of (result, "F")->final_x100000);
  ck_assert_str_eq (f_final, "500.4");
  ck_assert_int_eq (row_of (result, "E")->final_x100000, 48230500);

  /* Ranked first in order, then the not site-reviewed, then the ineligible. */
  ck_assert_str_eq (((QaShortlistRow *)g_ptr_array_index (result->rows, 0))->applicant_id, "A");
  ck_assert_str_eq (((QaShortlistRow *)g_ptr_array_index (result->rows, 5))->applicant_id, "E");
  ck_assert_str_eq (((QaShortlistRow *)g_ptr_array_index (result->rows, 6))->applicant_id, "H");
  ck_assert_str_eq (((QaShortlistRow *)g_ptr_array_index (result->rows, 8))->applicant_id, "I");
  ck_assert (!row_of (result, "G")->has_site);
  ck_assert (row_of (result, "G")->has_material);
  ck_assert (!row_of (result, "I")->has_material);
}
END_TEST

START_TEST (test_formatting)
{
  const struct { gint64 x100; const char *text; } scores[] = {
    { 48234, "482.3" }, { 48235, "482.4" }, { 48249, "482.5" }, { 0, "0.0" }, { 100000, "1000.0" },
    { 5, "0.1" }, { 4, "0.0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (scores); i++)
    {
      g_autofree char *text = qa_rules_format_score_x100 (scores[i].x100);

      ck_assert_str_eq (text, scores[i].text);
    }
}
END_TEST

/* A final score that rounds up to the threshold is shown with its decimals, not as 500.0 < 500. */
START_TEST (test_just_below_threshold)
{
  g_autoptr(QaProfile) profile = profile_new ("ganzhou");
  QaShortlistFacts facts[] = { site ("A", 50000, 49999) };   /* 150 + 349.9930 = 499.993 */
  g_autoptr(QaShortlistResult) result = qa_rules_shortlist (profile, facts, 1);

  assert_row (result, "A", 1, QA_OUTCOME_BELOW_THRESHOLD, "499.993 < 500 (Art. 4)");
  ck_assert (result->vacant);
}
END_TEST

/* Equal final scores: the site score decides, then the material score. */
START_TEST (test_tie_breaks)
{
  g_autoptr(QaProfile) profile = profile_new ("ganzhou");
  QaShortlistFacts facts[] = {
    site ("A", 70000, 60000),   /* 630.0, site 600 */
    site ("B", 63000, 63000),   /* 630.0, site 630: ahead of A */
    site ("C", 56000, 66000),   /* 630.0, site 660: ahead of both */
    site ("D", 80000, 80000),   /* 800.0 */
  };
  g_autoptr(QaShortlistResult) result = qa_rules_shortlist (profile, facts, G_N_ELEMENTS (facts));

  assert_row (result, "D", 1, QA_OUTCOME_CANDIDATE, NULL);
  assert_row (result, "C", 2, QA_OUTCOME_CANDIDATE, NULL);
  assert_row (result, "B", 3, QA_OUTCOME_CANDIDATE, NULL);
  assert_row (result, "A", 4, QA_OUTCOME_OVER_LIMIT, "Rank 4, limit 3 (Art. 4)");
}
END_TEST

/* Two the tie-breaks cannot separate at the place where the limit falls: tied, until the
 * committee's recorded decision orders them. Tied within the limit is no problem. */
START_TEST (test_tied_at_limit)
{
  g_autoptr(QaProfile) profile = profile_new ("ganzhou");
  QaShortlistFacts facts[] = {
    site ("A", 80000, 80000),
    site ("B", 70000, 70000),
    site ("C", 60000, 60000),
    site ("D", 60000, 60000),
    site ("E", 55000, 55000),
  };
  g_autoptr(QaShortlistResult) result = qa_rules_shortlist (profile, facts, G_N_ELEMENTS (facts));
  g_autoptr(QaShortlistResult) decided = NULL;
  g_autoptr(QaShortlistResult) within = NULL;

  assert_row (result, "A", 1, QA_OUTCOME_CANDIDATE, NULL);
  assert_row (result, "B", 2, QA_OUTCOME_CANDIDATE, NULL);
  assert_row (result, "C", 3, QA_OUTCOME_TIED,
              "Rank 3, tied with D after the tie-breaks (site score, then material score) where "
              "the limit of 3 falls: the review committee decides (Art. 4)");
  assert_row (result, "D", 3, QA_OUTCOME_TIED, NULL);
  assert_row (result, "E", 5, QA_OUTCOME_OVER_LIMIT, "Rank 5, limit 3 (Art. 4)");
  ck_assert (!result->vacant);

  /* The committee puts D first. */
  facts[2].tie_order = 2;
  facts[3].tie_order = 1;
  decided = qa_rules_shortlist (profile, facts, G_N_ELEMENTS (facts));
  assert_row (decided, "D", 3, QA_OUTCOME_CANDIDATE,
              "Rank 3, tied; placed within the limit of 3 by the review committee's decision; "
              "600.0 ≥ 500 (Art. 4)");
  assert_row (decided, "C", 3, QA_OUTCOME_OVER_LIMIT, "Rank 3, limit 3 (Art. 4)");

  /* Tied at ranks 1–2 of 3: both are candidates. */
  facts[2].tie_order = facts[3].tie_order = 0;
  facts[0] = site ("A", 70000, 70000);
  within = qa_rules_shortlist (profile, facts, G_N_ELEMENTS (facts));
  assert_row (within, "A", 1, QA_OUTCOME_CANDIDATE, NULL);
  assert_row (within, "B", 1, QA_OUTCOME_CANDIDATE, NULL);
  assert_row (within, "C", 3, QA_OUTCOME_TIED, NULL);
}
END_TEST

START_TEST (test_vacancy)
{
  g_autoptr(QaProfile) profile = profile_new ("ganzhou");
  QaShortlistFacts facts[] = {
    site ("A", 45000, 49615),   /* 482.3 */
    site ("B", 40000, 42000),
  };
  g_autoptr(QaShortlistResult) result = qa_rules_shortlist (profile, facts, G_N_ELEMENTS (facts));
  g_autoptr(QaShortlistResult) nobody = qa_rules_shortlist (profile, NULL, 0);

  ck_assert (result->vacant);
  ck_assert_str_eq (result->vacancy_reason,
                    "The award is left vacant this session: no applicant's final score reaches "
                    "500 (the highest is 482.3) (Art. 4)");
  assert_row (result, "A", 1, QA_OUTCOME_BELOW_THRESHOLD, "482.3 < 500 (Art. 4)");
  ck_assert (nobody->vacant);
  ck_assert_ptr_nonnull (strstr (nobody->vacancy_reason, "no applicant reached site review"));
}
END_TEST

/* An upheld objection cancels the nomination; the place is not refilled. */
START_TEST (test_objection_upheld)
{
  g_autoptr(QaProfile) profile = profile_new ("ganzhou");
  QaShortlistFacts facts[] = {
    site ("A", 80000, 80000),
    site ("B", 70000, 70000),
    site ("C", 60000, 60000),
    site ("D", 55000, 55000),
  };
  g_autoptr(QaShortlistResult) result = NULL;
  g_autoptr(QaShortlistResult) all_upheld = NULL;

  facts[1].objection_upheld = TRUE;
  facts[1].objection_note = "objection 1";
  result = qa_rules_shortlist (profile, facts, G_N_ELEMENTS (facts));
  assert_row (result, "B", 2, QA_OUTCOME_OBJECTION_UPHELD,
              "An objection was upheld during the public notice (objection 1); the nomination is "
              "cancelled and its place is not refilled (Art. 16(6))");
  assert_row (result, "A", 1, QA_OUTCOME_CANDIDATE, NULL);
  assert_row (result, "C", 3, QA_OUTCOME_CANDIDATE, NULL);
  assert_row (result, "D", 4, QA_OUTCOME_OVER_LIMIT, NULL);
  ck_assert (!result->vacant);

  for (guint i = 0; i < G_N_ELEMENTS (facts); i++)
    facts[i].objection_upheld = i < 3;
  all_upheld = qa_rules_shortlist (profile, facts, G_N_ELEMENTS (facts));
  ck_assert (all_upheld->vacant);
  ck_assert_ptr_nonnull (strstr (all_upheld->vacancy_reason, "upheld objection"));
}
END_TEST

/* Gansu: 3 awards, then up to 5 nominations (提名奖), then over the limit of 8. */
START_TEST (test_gansu_nominees)
{
  g_autoptr(QaProfile) profile = profile_new ("gansu");
  QaShortlistFacts facts[10];
  g_autoptr(QaShortlistResult) result = NULL;
  char ids[10][4];

  ck_assert_uint_eq (qa_profile_get_n_tiers (profile), 2);
  ck_assert_uint_eq (qa_profile_get_tier (profile, 1)->limit, 5);
  ck_assert_int_eq (qa_profile_get_tier (profile, 1)->kind, QA_TIER_NOMINATION);
  for (guint i = 0; i < 10; i++)
    {
      g_snprintf (ids[i], sizeof ids[i], "G%u", i + 1);
      facts[i] = site (ids[i], 90000 - 2000 * i, 90000 - 2000 * i);
    }
  result = qa_rules_shortlist (profile, facts, 10);
  for (guint i = 0; i < 3; i++)
    assert_row (result, ids[i], i + 1, QA_OUTCOME_CANDIDATE, NULL);
  for (guint i = 3; i < 8; i++)
    assert_row (result, ids[i], i + 1, QA_OUTCOME_NOMINEE, NULL);
  assert_row (result, "G4", 4, QA_OUTCOME_NOMINEE,
              "Rank 4, within the 5 places of the Nomination Award of the Gansu Provincial "
              "People's Government Quality Award after the 3 awards; 840.0 ≥ 500 (Art. 4)");
  assert_row (result, "G9", 9, QA_OUTCOME_OVER_LIMIT, "Rank 9, limit 8 (Art. 4)");
  assert_row (result, "G10", 10, QA_OUTCOME_OVER_LIMIT, NULL);
}
END_TEST

/* Zhangye's numbers: weights 0.4/0.6, 5 awards, the bar at 550. */
START_TEST (test_other_profile)
{
  g_autoptr(QaProfile) profile = profile_new ("zhangye");
  QaShortlistFacts facts[] = {
    site ("A", 60000, 70000),   /* 0.4 × 600 + 0.6 × 700 = 660.0 */
    site ("B", 50000, 58000),   /* 548.0 < 550 */
    site ("C", 70000, 60000),   /* 640.0 */
    site ("D", 60000, 55000),   /* 570.0 */
    site ("E", 60000, 54000),   /* 564.0 */
    site ("F", 60000, 53500),   /* 561.0 */
    site ("G", 60000, 52000),   /* 552.0: rank 6 of 5 */
    { "H", "H", TRUE, TRUE, FALSE, 44999, 0, FALSE, NULL, 0 },
  };
  g_autoptr(QaShortlistResult) result = qa_rules_shortlist (profile, facts, G_N_ELEMENTS (facts));

  ck_assert_int_eq (row_of (result, "A")->final_x100000, 66000000);
  assert_row (result, "A", 1, QA_OUTCOME_CANDIDATE, "Rank 1, limit 5; 660.0 ≥ 550 (Art. 4)");
  assert_row (result, "F", 5, QA_OUTCOME_CANDIDATE, NULL);
  assert_row (result, "G", 6, QA_OUTCOME_OVER_LIMIT, "Rank 6, limit 5 (Art. 4)");
  assert_row (result, "B", 7, QA_OUTCOME_BELOW_THRESHOLD, "548.0 < 550 (Art. 4)");
  assert_row (result, "H", 0, QA_OUTCOME_NOT_SITE_REVIEWED,
              "Material score 449.99 < 450, the site-review threshold (Art. 16(3))");
}
END_TEST

START_TEST (test_status_names)
{
  static const char * const names[] = { "candidate", "nominee", "over_limit", "below_threshold",
                                        "not_site_reviewed", "ineligible", "objection_upheld",
                                        "tied" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      QaOutcomeStatus status;

      ck_assert (qa_outcome_status_from_string (names[i], &status));
      ck_assert_str_eq (qa_outcome_status_to_string (status), names[i]);
    }
}
END_TEST

static Suite *
shortlist_suite (void)
{
  Suite *suite = suite_create ("shortlist");
  TCase *tc = tcase_create ("rules");

  tcase_add_test (tc, test_every_status);
  tcase_add_test (tc, test_formatting);
  tcase_add_test (tc, test_just_below_threshold);
  tcase_add_test (tc, test_tie_breaks);
  tcase_add_test (tc, test_tied_at_limit);
  tcase_add_test (tc, test_vacancy);
  tcase_add_test (tc, test_objection_upheld);
  tcase_add_test (tc, test_gansu_nominees);
  tcase_add_test (tc, test_other_profile);
  tcase_add_test (tc, test_status_names);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return qa_test_run (shortlist_suite ());
}
