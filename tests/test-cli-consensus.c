/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The consensus verbs of qareview-cli against the contract (spec/cli.md, “Consensus, stages and
 * the outcome”): exact columns and numbers, roles and refusals. The session is set up through
 * the core (qa-test-review.h); everything asserted goes through the binary. */

#include "config.h"

#include "qa-test-review.h"
#include "qa-test-cli.h"

static char *db;

static void
setup (void)
{
  static const struct { const char *reviewer, *applicant, *item; int percent; } scores[] = {
    { "E01", "A02", "4.4.3", 40 }, { "E02", "A02", "4.4.3", 55 }, { "E03", "A02", "4.4.3", 55 },
    { "E05", "A02", "4.4.3", 60 }, { "E06", "A02", "4.4.3", 60 }, { "E07", "A02", "4.4.3", 80 },
    { "E01", "A02", "4.4.5", 50 }, { "E02", "A02", "4.4.5", 50 }, { "E03", "A02", "4.4.5", 50 },
    { "E05", "A02", "4.4.5", 55 }, { "E06", "A02", "4.4.5", 55 }, { "E07", "A02", "4.4.5", 60 },
  };

  qa_test_setup_material ();
  db = tmp_path ("session.db");
  for (guint i = 0; i < G_N_ELEMENTS (scores); i++)
    qa_test_put_score (QA_STAGE_MATERIAL, scores[i].reviewer, scores[i].applicant, scores[i].item,
                       scores[i].percent, NULL, NULL);
}

static void
teardown (void)
{
  g_clear_pointer (&db, g_free);
  qa_test_teardown_tmpdir ();
}

/* Every applicant fully scored, all sheets in: A01 70%, A02 30%, the others 50%. */
static void
complete_sheets (void)
{
  qa_test_fill (QA_STAGE_MATERIAL, "A01", 70);
  qa_test_fill (QA_STAGE_MATERIAL, "A02", 30);
  qa_test_fill (QA_STAGE_MATERIAL, "A04", 50);
  qa_test_fill (QA_STAGE_MATERIAL, "A06", 50);
  qa_test_fill (QA_STAGE_MATERIAL, "A07", 50);
  qa_test_put_score (QA_STAGE_MATERIAL, "E05", "A02", "4.1.2", 30, "管理层重视安全生产。", "绩效测量体系不完整。");
  qa_test_put_all_sheets (QA_STAGE_MATERIAL);
}

START_TEST (test_consensus_csv)
{
  g_auto(Run) all = cli ("--db", db, "consensus", "--stage", "material", "--format", "csv", NULL);
  g_auto(Run) one = cli ("--db", db, "--role", "supervisor", "consensus", "--stage", "material",
                         "--applicant", "A02", NULL);
  g_auto(Run) totals = cli ("--db", db, "consensus", "totals", "--stage", "material", "--format", "csv", NULL);
  g_auto(Run) usage = cli ("--db", db, "consensus", NULL);
  g_auto(Run) unknown = cli ("--db", db, "consensus", "--stage", "material", "--applicant", "A03", NULL);

  ck_assert_msg (all.status == 0, "%s", all.err);
  ck_assert (g_str_has_prefix (all.out, "applicant_id,item,scorers,mean,median,min,max,spread,flagged,consensus_percent,points"));
  ck_assert_msg (strstr (all.out, "A02,4.4.5,6,53.3,52.5,50,60,10,no,55,8.25") != NULL, "%s", all.out);
  ck_assert (strstr (all.out, "A02,4.4.3,6,58.3,57.5,40,80,40,yes,60,9.00") != NULL);
  ck_assert (strstr (all.out, "A01,4.1.2,0,,,,,,,,") != NULL);

  ck_assert_int_eq (one.status, 0);
  ck_assert (strstr (one.out, "A01,") == NULL);
  ck_assert (strstr (one.out, "A02,4.4.5,6,53.3,52.5,50,60,10,no,55,8.25") != NULL);

  ck_assert_msg (totals.status == 0, "%s", totals.err);
  ck_assert (g_str_has_prefix (totals.out, "applicant_id,scorers,items_agreed,total,flagged_items"));
  ck_assert_msg (strstr (totals.out, "A02,6,2,17.25,1") != NULL, "%s", totals.out);
  ck_assert (strstr (totals.out, "A01,0,0,0.00,0") != NULL);

  ck_assert_int_eq (usage.status, 2);
  ck_assert_int_eq (unknown.status, 1);
}
END_TEST

START_TEST (test_consensus_set)
{
  g_auto(Run) secretariat = cli ("--db", db, "consensus", "set", "--stage", "material", "--applicant", "A02",
                                 "--item", "4.4.5", "--percent", "55", NULL);
  g_auto(Run) step = cli ("--db", db, "--role", "chair", "consensus", "set", "--stage", "material",
                          "--applicant", "A02", "--item", "4.4.5", "--percent", "62", "--rationale", "x", NULL);
  g_auto(Run) bare = cli ("--db", db, "--role", "chair", "consensus", "set", "--stage", "material",
                          "--applicant", "A02", "--item", "4.4.5", "--percent", "70", NULL);
  g_auto(Run) argued = cli ("--db", db, "--role", "chair", "consensus", "set", "--stage", "material",
                            "--applicant", "A02", "--item", "4.4.5", "--percent", "70",
                            "--rationale", "材料所附数据经核实优于描述", "--strengths", "指标体系完整。", NULL);
  g_auto(Run) totals = cli ("--db", db, "consensus", "totals", "--stage", "material", NULL);

  ck_assert_int_eq (secretariat.status, 1);
  ck_assert_int_eq (step.status, 1);
  ck_assert (strstr (step.err, "multiple of 5") != NULL);
  ck_assert_int_eq (bare.status, 1);
  ck_assert_msg (strstr (bare.err, "rationale") != NULL, "%s", bare.err);
  ck_assert_msg (argued.status == 0, "%s", argued.err);
  /* 9.00 + 15 × 70% = 19.50 */
  ck_assert_msg (strstr (totals.out, "A02,6,2,19.50,1") != NULL, "%s", totals.out);
}
END_TEST

START_TEST (test_stage_close_and_after)
{
  g_autofree char *feedback = tmp_path ("A02-feedback.pdf");
  g_autofree char *report = tmp_path ("consensus.pdf");
  g_autofree char *report_csv = tmp_path ("consensus.csv");
  g_autofree char *text = NULL;
  g_autofree char *csv_text = NULL;

  complete_sheets ();
  qa_test_exec ("DELETE FROM sheet WHERE expert_id = 'E03'");
  {
    g_auto(Run) refused = cli ("--db", db, "--role", "chair", "stage", "close", "--stage", "material", NULL);
    g_auto(Run) secretariat = cli ("--db", db, "stage", "close", "--stage", "material", NULL);
    g_auto(Run) progress = cli ("--db", db, "progress", NULL);
    g_auto(Run) early = cli ("--db", db, "advance", "--applicants", "A01", NULL);

    ck_assert_int_eq (refused.status, 1);
    ck_assert_msg (strstr (refused.err, "E03 张明: no score sheet imported (to score A01, A02, A04, A06, A07)") != NULL,
                   "%s", refused.err);
    ck_assert_int_eq (secretariat.status, 1);
    ck_assert_msg (progress.status == 0, "%s", progress.err);
    ck_assert_msg (strstr (progress.out, "sheets received 6 of 7") != NULL, "%s", progress.out);
    ck_assert_int_eq (early.status, 1);
    ck_assert (strstr (early.err, "not closed") != NULL);
  }

  qa_test_put_sheet (QA_STAGE_MATERIAL, "E03");
  {
    g_auto(Run) closed = cli ("--db", db, "--role", "chair", "stage", "close", "--stage", "material", NULL);
    g_auto(Run) frozen = cli ("--db", db, "--role", "chair", "consensus", "set", "--stage", "material",
                              "--applicant", "A01", "--item", "4.1.2", "--percent", "70", NULL);
    g_auto(Run) below = cli ("--db", db, "advance", "--applicants", "A01,A02", NULL);
    g_auto(Run) advanced = cli ("--db", db, "advance", "--applicants", "A01,A04", NULL);
    g_auto(Run) letter = cli ("--db", db, "feedback", "export", "--applicant", "A02", "--stage", "material",
                              "--out", feedback, "--date", "2026-12-01", NULL);
    g_auto(Run) chair_letter = cli ("--db", db, "--role", "chair", "feedback", "export", "--applicant", "A02",
                                    "--stage", "material", "--out", feedback, NULL);
    g_auto(Run) reviewers = cli ("--db", db, "--role", "supervisor", "reviewers", "--stage", "material",
                                 "--format", "csv", NULL);
    g_auto(Run) reviewers_text = cli ("--db", db, "reviewers", "--stage", "material", NULL);
    g_auto(Run) pdf = cli ("--db", db, "consensus", "export", "--stage", "material", "--format", "pdf",
                           "--out", report, NULL);
    g_auto(Run) csv = cli ("--db", db, "consensus", "export", "--stage", "material", "--format", "csv",
                           "--out", report_csv, NULL);

    ck_assert_msg (closed.status == 0, "%s", closed.err);
    ck_assert (strstr (closed.out, "closed") != NULL);
    ck_assert_int_eq (frozen.status, 1);
    ck_assert_msg (strstr (frozen.err, "was closed at 20") != NULL, "%s", frozen.err);

    ck_assert_int_eq (below.status, 1);
    ck_assert_msg (strstr (below.err, "A02 has a material review consensus total of 300.00, below the site-review threshold of 400 points") != NULL,
                   "%s", below.err);
    ck_assert_msg (advanced.status == 0, "%s", advanced.err);

    ck_assert_msg (letter.status == 0, "%s", letter.err);
    ck_assert_int_eq (chair_letter.status, 1);
    text = qa_test_pdf_text (feedback);
    ck_assert_msg (strstr (text, "管理层重视安全生产。") != NULL, "%s", text);
    ck_assert (strstr (text, "300.00") != NULL);
    ck_assert (strstr (text, "张明") == NULL && strstr (text, "E05") == NULL && strstr (text, "陈立军") == NULL);

    ck_assert_msg (reviewers.status == 0, "%s", reviewers.err);
    ck_assert (g_str_has_prefix (reviewers.out, "reviewer_id,name,applicants,scores,leniency,dropped_high,dropped_low"));
    /* E01 scored 40 and 50 where the consensus is 60 and 55 for A02's two items, elsewhere as all. */
    ck_assert_msg (strstr (reviewers.out, "E04,刘芳,4,92,0.0,0,0") != NULL, "%s", reviewers.out);
    ck_assert (strstr (reviewers_text.out, "Kendall") != NULL);

    ck_assert_msg (pdf.status == 0, "%s", pdf.err);
    ck_assert (g_file_test (report, G_FILE_TEST_IS_REGULAR));
    ck_assert_msg (csv.status == 0, "%s", csv.err);
    ck_assert (g_file_get_contents (report_csv, &csv_text, NULL, NULL));
    ck_assert (g_str_has_prefix (csv_text, "applicant_id,item,scorers,mean,median,min,max,spread,flagged,consensus_percent,points,default_percent,recorded,rationale"));
  }

  /* Site review: the chair records the panel's opinion; it prints and exports. */
  qa_test_form_panel (QA_STAGE_SITE);
  {
    g_autofree char *opinion = tmp_path ("A01-opinion.pdf");
    g_auto(Run) set = cli ("--db", db, "--role", "chair", "site-opinion", "set", "--applicant", "A01",
                           "--text", "现场核实与材料相符。", NULL);
    g_auto(Run) not_site = cli ("--db", db, "--role", "chair", "site-opinion", "set", "--applicant", "A02",
                                "--text", "现场核实与材料相符。", NULL);
    g_auto(Run) shown = cli ("--db", db, "site-opinion", "export", "--applicant", "A01", NULL);
    g_auto(Run) written = cli ("--db", db, "site-opinion", "export", "--applicant", "A01", "--out", opinion, NULL);
    g_auto(Run) none = cli ("--db", db, "site-opinion", "export", "--applicant", "A04", NULL);

    ck_assert_msg (set.status == 0, "%s", set.err);
    ck_assert_int_eq (not_site.status, 1);
    ck_assert_str_eq (shown.out, "现场核实与材料相符。\n");
    ck_assert_msg (written.status == 0, "%s", written.err);
    ck_assert_int_eq (none.status, 1);
  }
}
END_TEST

/* A newer sheet moves the default of an agreed item: the CLI shows it as not agreed, `stage close`
 * names it, and agreeing it again lets the stage close. */
START_TEST (test_default_moved)
{
  g_autofree char *report_csv = tmp_path ("consensus.csv");
  g_autofree char *csv_text = NULL;

  complete_sheets ();
  {
    g_auto(Run) set = cli ("--db", db, "--role", "chair", "consensus", "set", "--stage", "material",
                           "--applicant", "A02", "--item", "4.4.5", "--percent", "30", NULL);

    ck_assert_msg (set.status == 0, "%s", set.err);
  }
  /* The scores of a re-imported sheet: 30 30 30 30 60 60 → trimmed 150/4 = 37.5 → 40. */
  qa_test_put_score (QA_STAGE_MATERIAL, "E02", "A02", "4.4.5", 60, NULL, NULL);
  qa_test_put_score (QA_STAGE_MATERIAL, "E03", "A02", "4.4.5", 60, NULL, NULL);
  {
    g_auto(Run) totals = cli ("--db", db, "consensus", "totals", "--stage", "material", NULL);
    g_auto(Run) csv = cli ("--db", db, "consensus", "export", "--stage", "material", "--format", "csv",
                           "--out", report_csv, NULL);
    g_auto(Run) progress = cli ("--db", db, "progress", NULL);
    g_auto(Run) refused = cli ("--db", db, "--role", "chair", "stage", "close", "--stage", "material", NULL);

    /* 22 of 23 agreed; the chair’s 30% still counts (1000 × 30% = 300.00); the spread of 30 is flagged. */
    ck_assert_msg (strstr (totals.out, "A02,6,22,300.00,1") != NULL, "%s", totals.out);
    ck_assert_msg (csv.status == 0, "%s", csv.err);
    ck_assert (g_file_get_contents (report_csv, &csv_text, NULL, NULL));
    ck_assert_msg (strstr (csv_text, "A02,4.4.5,6,40.0,30.0,30,60,30,yes,30,4.50,40,stale,") != NULL, "%s", csv_text);
    ck_assert_msg (strstr (progress.out, "items agreed 114 of 115") != NULL, "%s", progress.out);
    ck_assert_msg (strstr (progress.out, "1 agreed item to agree again") != NULL, "%s", progress.out);
    ck_assert_int_eq (refused.status, 1);
    ck_assert_msg (strstr (refused.err, "applicant A02, item 4.4.5: the chair agreed 30% against a default of 30%; a newer score sheet has moved the default to 40%") != NULL,
                   "%s", refused.err);
  }
  {
    g_auto(Run) again = cli ("--db", db, "--role", "chair", "consensus", "set", "--stage", "material",
                             "--applicant", "A02", "--item", "4.4.5", "--percent", "40", NULL);
    g_auto(Run) closed = cli ("--db", db, "--role", "chair", "stage", "close", "--stage", "material", NULL);

    ck_assert_msg (again.status == 0, "%s", again.err);
    ck_assert_msg (closed.status == 0, "%s", closed.err);
  }
}
END_TEST

static Suite *
cli_consensus_suite (void)
{
  Suite *suite = suite_create ("cli-consensus");
  TCase *tcase = tcase_create ("consensus");

  tcase_add_checked_fixture (tcase, setup, teardown);
  tcase_set_timeout (tcase, 120);
  tcase_add_test (tcase, test_consensus_csv);
  tcase_add_test (tcase, test_consensus_set);
  tcase_add_test (tcase, test_stage_close_and_after);
  tcase_add_test (tcase, test_default_moved);
  suite_add_tcase (suite, tcase);
  return suite;
}

int
main (void)
{
  return qa_test_run (cli_consensus_suite ());
}
