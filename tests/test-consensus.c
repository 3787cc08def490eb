/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The panel's consensus (spec/cli.md “Consensus numbers, exactly”), closing stages in order,
 * advancing, site review and the written feedback — against hand-computed cases. */

#include "config.h"

#include "qa-test-review.h"

static void
setup (void)
{
  qa_test_setup_material ();
}

/* A01 (7 scorers) and A02 (6: E04 recused), items 4.4.3 and 4.4.5 (15 points each):
 *   A01 4.4.3: 50 55 60 60 65 70 95 → mean 65.0, median 60.0, spread 45 (flagged),
 *              trimmed (drop 50, 95) 310/5 = 62 → 60;
 *   A02 4.4.3: 40 55 55 60 60 80    → mean 58.3, median 57.5, spread 40 (flagged),
 *              trimmed (drop 40, 80) 230/4 = 57.5 → 60 (half up);
 *   A02 4.4.5: 50 50 50 55 55 60    → mean 53.3, median 52.5, spread 10,
 *              trimmed (drop 50, 60) 210/4 = 52.5 → 55 (half up): 15 × 55% = 8.25. */
static void
put_hand_computed (void)
{
  static const struct { const char *reviewer, *applicant, *item; int percent; } scores[] = {
    { "E01", "A01", "4.4.3", 50 }, { "E02", "A01", "4.4.3", 55 }, { "E03", "A01", "4.4.3", 60 },
    { "E04", "A01", "4.4.3", 60 }, { "E05", "A01", "4.4.3", 65 }, { "E06", "A01", "4.4.3", 70 },
    { "E07", "A01", "4.4.3", 95 },
    { "E01", "A02", "4.4.3", 40 }, { "E02", "A02", "4.4.3", 55 }, { "E03", "A02", "4.4.3", 55 },
    { "E05", "A02", "4.4.3", 60 }, { "E06", "A02", "4.4.3", 60 }, { "E07", "A02", "4.4.3", 80 },
    { "E01", "A02", "4.4.5", 50 }, { "E02", "A02", "4.4.5", 50 }, { "E03", "A02", "4.4.5", 50 },
    { "E05", "A02", "4.4.5", 55 }, { "E06", "A02", "4.4.5", 55 }, { "E07", "A02", "4.4.5", 60 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (scores); i++)
    qa_test_put_score (QA_STAGE_MATERIAL, scores[i].reviewer, scores[i].applicant, scores[i].item,
                       scores[i].percent, NULL, NULL);
}

START_TEST (test_numbers)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) totals = NULL;
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  const QaConsensusItem *c;

  put_hand_computed ();
  items = qa_consensus_compute (session, QA_STAGE_MATERIAL, NULL, &error);
  ck_assert_msg (items != NULL, "%s", error ? error->message : "");
  /* The five eligible applicants × 23 items. */
  ck_assert_uint_eq (items->len, 5 * 23);

  c = qa_test_find_item (items, "A01", "4.4.3");
  ck_assert_uint_eq (c->scorers, 7);
  ck_assert_int_eq (c->mean_x10, 650);
  ck_assert_int_eq (c->median_x10, 600);
  ck_assert_int_eq (c->min, 50);
  ck_assert_int_eq (c->max, 95);
  ck_assert_int_eq (c->spread, 45);
  ck_assert (c->flagged);
  ck_assert_int_eq (c->default_percent, 60);
  ck_assert_int_eq (c->percent, 60);
  ck_assert (!c->recorded);
  ck_assert_int_eq (c->points_x100, 900);

  /* The recusal: six scorers, 57.5 rounds up to 60. */
  c = qa_test_find_item (items, "A02", "4.4.3");
  ck_assert_uint_eq (c->scorers, 6);
  ck_assert_int_eq (c->mean_x10, 583);
  ck_assert_int_eq (c->median_x10, 575);
  ck_assert_int_eq (c->spread, 40);
  ck_assert (c->flagged);
  ck_assert_int_eq (c->default_percent, 60);

  c = qa_test_find_item (items, "A02", "4.4.5");
  ck_assert_uint_eq (c->scorers, 6);
  ck_assert_int_eq (c->mean_x10, 533);
  ck_assert_int_eq (c->median_x10, 525);
  ck_assert (!c->flagged);
  ck_assert_int_eq (c->default_percent, 55);
  ck_assert_int_eq (c->points_x100, 825);

  c = qa_test_find_item (items, "A01", "4.1.2");
  ck_assert_uint_eq (c->scorers, 0);
  ck_assert_int_eq (c->percent, -1);
  ck_assert_int_eq (c->points_x100, 0);

  qa_consensus_append_csv (csv, items, FALSE);
  ck_assert (g_str_has_prefix (csv->str, "applicant_id,item,scorers,mean,median,min,max,spread,flagged,consensus_percent,points\r\n") ||
             g_str_has_prefix (csv->str, "applicant_id,item,scorers,mean,median,min,max,spread,flagged,consensus_percent,points\n"));
  ck_assert_msg (strstr (csv->str, "A02,4.4.5,6,53.3,52.5,50,60,10,no,55,8.25") != NULL, "%s", csv->str);
  ck_assert (strstr (csv->str, "A01,4.4.3,7,65.0,60.0,50,95,45,yes,60,9.00") != NULL);
  ck_assert (strstr (csv->str, "A01,4.1.2,0,,,,,,,,") != NULL);

  totals = qa_consensus_totals (session, QA_STAGE_MATERIAL, &error);
  ck_assert_ptr_nonnull (totals);
  ck_assert_uint_eq (totals->len, 5);
  {
    const QaConsensusTotal *a02 = g_ptr_array_index (totals, 1);
    g_autofree char *shown = qa_consensus_format_points (a02->total_x100);

    ck_assert_str_eq (a02->applicant_id, "A02");
    ck_assert_uint_eq (a02->scorers, 6);
    ck_assert_uint_eq (a02->items_agreed, 2);
    ck_assert_uint_eq (a02->flagged_items, 1);
    ck_assert_str_eq (shown, "17.25");
  }
}
END_TEST

START_TEST (test_rules)
{
  QaProfile *profile = qa_session_get_profile (session);
  static const int quarter[] = { 55, 60, 55, 55 };   /* fewer than 5: the mean, 56.25 → 55 */
  static const int half[] = { 60, 55 };              /* 57.5 → 60 */
  static const int low_half[] = { 50, 55 };          /* 52.5 → 55 */
  static const int five[] = { 0, 100, 60, 60, 65 };  /* drop 0 and 100: 61.67 → 60 */
  g_autofree char *p1 = qa_consensus_format_points (825);
  g_autofree char *p2 = qa_consensus_format_points (100005);
  g_autofree char *t = qa_consensus_format_tenths (575);

  ck_assert_int_eq (qa_consensus_default_percent (profile, quarter, 4), 55);
  ck_assert_int_eq (qa_consensus_default_percent (profile, half, 2), 60);
  ck_assert_int_eq (qa_consensus_default_percent (profile, low_half, 2), 55);
  ck_assert_int_eq (qa_consensus_default_percent (profile, five, 5), 60);
  ck_assert_int_eq (qa_consensus_default_percent (profile, NULL, 0), -1);
  ck_assert_str_eq (p1, "8.25");
  ck_assert_str_eq (p2, "1000.05");
  ck_assert_str_eq (t, "57.5");
}
END_TEST

START_TEST (test_set)
{
  QaDatabase *db = qa_session_get_database (session);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  const QaConsensusItem *c;

  put_hand_computed ();

  /* Only the chair. */
  qa_database_set_operator (db, "秘书", "secretariat");
  ck_assert (!qa_consensus_set (session, QA_STAGE_MATERIAL, "A02", "4.4.5", 55, NULL, NULL, NULL, &error));
  ck_assert (g_error_matches (error, QA_CONSENSUS_ERROR, QA_CONSENSUS_ERROR_ROLE));
  g_clear_error (&error);
  qa_database_set_operator (db, "王建国", "chair");

  ck_assert (!qa_consensus_set (session, QA_STAGE_MATERIAL, "A02", "4.4.5", 62, "因为", NULL, NULL, &error));
  ck_assert (g_error_matches (error, QA_CONSENSUS_ERROR, QA_CONSENSUS_ERROR_PERCENT));
  ck_assert (strstr (error->message, "multiple of 5") != NULL);
  g_clear_error (&error);

  /* A departure without a rationale (blank counts as none). */
  ck_assert (!qa_consensus_set (session, QA_STAGE_MATERIAL, "A02", "4.4.5", 70, "  ", NULL, NULL, &error));
  ck_assert (g_error_matches (error, QA_CONSENSUS_ERROR, QA_CONSENSUS_ERROR_RATIONALE));
  ck_assert_msg (strstr (error->message, "default consensus of 55%") != NULL, "%s", error->message);
  g_clear_error (&error);

  ck_assert (!qa_consensus_set (session, QA_STAGE_MATERIAL, "A02", "4.1.2", 50, NULL, NULL, NULL, &error));
  ck_assert (g_error_matches (error, QA_CONSENSUS_ERROR, QA_CONSENSUS_ERROR_NOT_SCORED));
  g_clear_error (&error);
  ck_assert (!qa_consensus_set (session, QA_STAGE_MATERIAL, "A03", "4.4.5", 50, NULL, NULL, NULL, &error));
  ck_assert (g_error_matches (error, QA_CONSENSUS_ERROR, QA_CONSENSUS_ERROR_UNKNOWN));
  g_clear_error (&error);
  ck_assert (!qa_consensus_set (session, QA_STAGE_MATERIAL, "A02", "9.9.9", 50, NULL, NULL, NULL, &error));
  ck_assert (g_error_matches (error, QA_CONSENSUS_ERROR, QA_CONSENSUS_ERROR_UNKNOWN));
  g_clear_error (&error);

  ck_assert_int_eq (qa_test_query_int ("SELECT count(*) FROM consensus"), 0);
  ck_assert_uint_eq (qa_test_count_audit (db, "consensus.set.refused"), 6);

  /* With a rationale the panel may depart; equal to the default it needs none. */
  ck_assert_msg (qa_consensus_set (session, QA_STAGE_MATERIAL, "A02", "4.4.5", 70,
                                   "现场核实的数据优于材料所述", "指标体系完整。", NULL, &error),
                 "%s", error ? error->message : "");
  ck_assert (qa_consensus_set (session, QA_STAGE_MATERIAL, "A02", "4.4.3", 60, NULL, NULL, NULL, &error));
  ck_assert_uint_eq (qa_test_count_audit (db, "consensus.set"), 2);

  items = qa_consensus_compute (session, QA_STAGE_MATERIAL, "A02", &error);
  ck_assert_uint_eq (items->len, 23);
  c = qa_test_find_item (items, "A02", "4.4.5");
  ck_assert (c->recorded);
  ck_assert_int_eq (c->percent, 70);
  ck_assert_int_eq (c->default_percent, 55);
  ck_assert_int_eq (c->points_x100, 1050);
  ck_assert_str_eq (c->rationale, "现场核实的数据优于材料所述");
  ck_assert_str_eq (c->strengths, "指标体系完整。");

  /* The model shows the same and reloads after a change. */
  {
    g_autoptr(QaConsensusModel) model = qa_consensus_model_new (session, QA_STAGE_MATERIAL, "A02", &error);
    g_autoptr(QaConsensusRow) row = NULL;

    ck_assert_ptr_nonnull (model);
    ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (model)), 23);
    ck_assert_int_eq (qa_consensus_model_get_total_x100 (model), 1050 + 900);
    ck_assert (qa_consensus_set (session, QA_STAGE_MATERIAL, "A02", "4.4.5", 55, NULL, NULL, NULL, &error));
    ck_assert (qa_consensus_model_reload (model, &error));
    ck_assert_int_eq (qa_consensus_model_get_total_x100 (model), 825 + 900);
    row = g_list_model_get_item (G_LIST_MODEL (model), 0);
    ck_assert_str_eq (qa_consensus_row_get_item (row)->item, "4.1.2");
  }
  ck_assert (qa_audit_verify (db, NULL, NULL, &error));
}
END_TEST

START_TEST (test_texts_and_reviewers)
{
  g_autoptr(GPtrArray) strengths = NULL;
  g_autoptr(GPtrArray) improvements = NULL;
  g_autoptr(GPtrArray) reviewers = NULL;
  g_autofree char *good = NULL;
  g_autofree char *better = NULL;
  g_autoptr(GError) error = NULL;
  double w = 0;
  guint w_n = 99;

  put_hand_computed ();
  qa_test_put_score (QA_STAGE_MATERIAL, "E01", "A01", "4.1.2", 70, "领导重视质量。战略清晰；", "授权不足。");
  qa_test_put_score (QA_STAGE_MATERIAL, "E02", "A01", "4.1.2", 70, "领导重视质量。", NULL);

  ck_assert (qa_consensus_list_sentences (session, QA_STAGE_MATERIAL, "A01", "4.1.2", &strengths,
                                          &improvements, &error));
  ck_assert_uint_eq (strengths->len, 3);
  ck_assert_str_eq (((QaConsensusSentence *)g_ptr_array_index (strengths, 0))->reviewer_id, "E01");
  ck_assert_str_eq (((QaConsensusSentence *)g_ptr_array_index (strengths, 1))->text, "战略清晰；");
  ck_assert_str_eq (((QaConsensusSentence *)g_ptr_array_index (strengths, 2))->reviewer_id, "E02");
  ck_assert_uint_eq (improvements->len, 1);

  /* Compiled, each sentence once and nobody named. */
  ck_assert (qa_consensus_dup_texts (session, QA_STAGE_MATERIAL, "A01", "4.1.2", &good, &better, &error));
  ck_assert_str_eq (good, "领导重视质量。战略清晰；");
  ck_assert_str_eq (better, "授权不足。");

  /* E07 gave the one highest score each time, E01 the one lowest twice (50 of A02 4.4.5 is
   * shared, so nobody alone was dropped there). Leniency against the consensus:
   * E07 (95−60 + 80−60 + 60−55) / 3 = +20; E01 (50−60 + 40−60 + 50−55 + 70−70) / 4 = −8.75. */
  reviewers = qa_consensus_reviewers (session, QA_STAGE_MATERIAL, &w, &w_n, &error);
  ck_assert_ptr_nonnull (reviewers);
  ck_assert_uint_eq (reviewers->len, 7);
  {
    const QaConsensusReviewer *e01 = g_ptr_array_index (reviewers, 0);
    const QaConsensusReviewer *e07 = g_ptr_array_index (reviewers, 6);

    ck_assert_str_eq (e01->reviewer_id, "E01");
    ck_assert_uint_eq (e01->scores, 4);
    ck_assert_int_eq (e01->leniency_sum, -35);
    ck_assert_uint_eq (e01->dropped_low, 2);
    ck_assert_uint_eq (e01->dropped_high, 0);
    ck_assert_str_eq (e07->reviewer_id, "E07");
    ck_assert_uint_eq (e07->scores, 3);
    ck_assert (e07->leniency > 19.99 && e07->leniency < 20.01);
    ck_assert_uint_eq (e07->dropped_high, 3);
  }
  /* E04 scored A01 only: no two applicants everyone scored. */
  ck_assert (w < 0);
  ck_assert_uint_eq (w_n, 0);
}
END_TEST

START_TEST (test_kendall)
{
  g_autoptr(GPtrArray) reviewers = NULL;
  g_autoptr(GError) error = NULL;
  double w = 0;
  guint n = 0;

  /* Every reviewer ranks A01 over A07: perfect agreement. */
  qa_test_fill (QA_STAGE_MATERIAL, "A01", 70);
  qa_test_fill (QA_STAGE_MATERIAL, "A07", 50);
  reviewers = qa_consensus_reviewers (session, QA_STAGE_MATERIAL, &w, &n, &error);
  ck_assert_ptr_nonnull (reviewers);
  ck_assert_uint_eq (n, 2);
  ck_assert (w > 0.9999 && w < 1.0001);

  /* Each reviewer's own outline of A01: 70% in every category. */
  {
    g_autoptr(GPtrArray) outlines = qa_consensus_outlines (session, QA_STAGE_MATERIAL, "A01", &error);
    const QaConsensusOutline *e03 = g_ptr_array_index (outlines, 2);

    ck_assert_uint_eq (outlines->len, 7);
    ck_assert_str_eq (e03->reviewer_id, "E03");
    ck_assert_uint_eq (e03->n, 7);
    for (guint c = 0; c < e03->n; c++)
      ck_assert (e03->percents[c] > 69.999 && e03->percents[c] < 70.001);
  }

  /* Three of the seven reverse the order (A07 at 90%): hardly any agreement left. */
  qa_test_exec ("UPDATE score SET percent = 90 WHERE applicant_id = 'A07' AND expert_id IN ('E01', 'E02', 'E03')");
  g_clear_pointer (&reviewers, g_ptr_array_unref);
  reviewers = qa_consensus_reviewers (session, QA_STAGE_MATERIAL, &w, &n, &error);
  /* 3 raters rank A07 first, 4 rank A01 first: rank sums 11 and 10, S = 0.5,
   * W = 12 · 0.5 / (49 · 6) = 0.0204. */
  ck_assert_msg (w > 0.0203 && w < 0.0205, "W = %f", w);
}
END_TEST

/* Closing ------------------------------------------------------------------------------------- */

static void
fill_material (int a01, int a02, int others)
{
  qa_test_fill (QA_STAGE_MATERIAL, "A01", a01);
  qa_test_fill (QA_STAGE_MATERIAL, "A02", a02);
  qa_test_fill (QA_STAGE_MATERIAL, "A04", others);
  qa_test_fill (QA_STAGE_MATERIAL, "A06", others);
  qa_test_fill (QA_STAGE_MATERIAL, "A07", others);
}

START_TEST (test_close)
{
  QaDatabase *db = qa_session_get_database (session);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) backups = NULL;

  fill_material (70, 30, 50);
  qa_test_put_all_sheets (QA_STAGE_MATERIAL);
  qa_test_exec ("DELETE FROM sheet WHERE expert_id = 'E03'");
  qa_test_exec ("DELETE FROM score WHERE expert_id = 'E05' AND applicant_id = 'A01' AND item = '4.7.2'");

  {
    g_autoptr(QaProgress) progress = qa_session_get_progress (session, &error);

    ck_assert_ptr_nonnull (progress);
    ck_assert_int_eq (progress->current, QA_STAGE_MATERIAL);
    /* Forming the material panel moved the session itself into the material review. */
    ck_assert_int_eq (qa_session_get_stage (session), QA_STAGE_MATERIAL);
    ck_assert_uint_eq (progress->material.sheets_expected, 7);
    ck_assert_uint_eq (progress->material.sheets_received, 6);
    ck_assert_uint_eq (progress->material.items_total, 5 * 23);
    ck_assert_uint_eq (progress->material.missing->len, 2);
    ck_assert (strstr (progress->next_step, "6 of 7") != NULL);
  }

  qa_database_set_operator (db, "秘书", "secretariat");
  ck_assert (!qa_session_close_stage (session, QA_STAGE_MATERIAL, &error));
  ck_assert (g_error_matches (error, QA_CONSENSUS_ERROR, QA_CONSENSUS_ERROR_ROLE));
  g_clear_error (&error);
  qa_database_set_operator (db, "王建国", "chair");

  ck_assert (!qa_session_close_stage (session, QA_STAGE_MATERIAL, &error));
  ck_assert (g_error_matches (error, QA_CONSENSUS_ERROR, QA_CONSENSUS_ERROR_INCOMPLETE));
  ck_assert_msg (strstr (error->message, "E03 张明: no score sheet imported (to score A01, A02, A04, A06, A07)") != NULL,
                 "%s", error->message);
  ck_assert_msg (strstr (error->message, "E05 陈立军: the sheet scores 22 of the 23 items of applicant A01") != NULL,
                 "%s", error->message);
  g_clear_error (&error);
  ck_assert (!qa_session_stage_is_closed (session, QA_STAGE_MATERIAL));
  backups = qa_database_list_backups (qa_database_get_path (db));
  ck_assert_uint_eq (backups != NULL ? g_strv_length (backups) : 0, 0);
  ck_assert_uint_eq (qa_test_count_audit (db, "stage.close.refused"), 2);

  qa_test_put_sheet (QA_STAGE_MATERIAL, "E03");
  qa_test_put_score (QA_STAGE_MATERIAL, "E05", "A01", "4.7.2", 70, NULL, NULL);
  ck_assert_msg (qa_session_close_stage (session, QA_STAGE_MATERIAL, &error), "%s", error ? error->message : "");
  ck_assert (qa_session_stage_is_closed (session, QA_STAGE_MATERIAL));
  g_strfreev (backups);
  backups = qa_database_list_backups (qa_database_get_path (db));
  ck_assert_uint_eq (g_strv_length (backups), 1);
  ck_assert_uint_eq (qa_test_count_audit (db, "stage.close"), 1);

  /* Frozen: the consensus cannot be changed, and the message says since when. */
  {
    g_autofree char *closed_at = qa_session_dup_stage_closed_at (session, QA_STAGE_MATERIAL);
    g_autoptr(QaProgress) progress = qa_session_get_progress (session, &error);

    ck_assert_ptr_nonnull (closed_at);
    ck_assert (!qa_consensus_set (session, QA_STAGE_MATERIAL, "A01", "4.1.2", 70, NULL, NULL, NULL, &error));
    ck_assert (g_error_matches (error, QA_CONSENSUS_ERROR, QA_CONSENSUS_ERROR_CLOSED));
    ck_assert_msg (strstr (error->message, closed_at) != NULL, "%s", error->message);
    ck_assert (strstr (error->message, "closed") != NULL);
    g_clear_error (&error);
    ck_assert (progress->material.closed);
    ck_assert_int_eq (progress->current, QA_STAGE_SITE);
    /* Closing it moved the stored stage on to the site review. */
    ck_assert_int_eq (qa_session_get_stage (session), QA_STAGE_SITE);
  }
}
END_TEST

static gboolean
advance (const char  *list,
         GError     **error)
{
  g_auto(GStrv) ids = g_strsplit (list, ",", -1);

  return qa_panel_advance (session, (const char * const *)ids, error);
}

static void
close_material (void)
{
  g_autoptr(GError) error = NULL;

  qa_test_put_all_sheets (QA_STAGE_MATERIAL);
  ck_assert_msg (qa_session_close_stage (session, QA_STAGE_MATERIAL, &error), "%s", error ? error->message : "");
}

START_TEST (test_advance_threshold)
{
  g_autoptr(GError) error = NULL;

  fill_material (70, 30, 50);
  qa_database_set_operator (qa_session_get_database (session), "秘书", "secretariat");
  ck_assert (!advance ("A01", &error));
  ck_assert (strstr (error->message, "the material review is not closed yet") != NULL);
  g_clear_error (&error);

  qa_database_set_operator (qa_session_get_database (session), "王建国", "chair");
  close_material ();
  qa_database_set_operator (qa_session_get_database (session), "秘书", "secretariat");

  /* A02 has 30% of every item: 300.00 points, below the threshold of 400. */
  ck_assert (!advance ("A01,A02", &error));
  ck_assert_msg (strstr (error->message, "applicant A02 has a material review consensus total of 300.00, below the site-review threshold of 400 points") != NULL,
                 "%s", error->message);
  ck_assert (strstr (error->message, "A01") == NULL || strstr (error->message, "applicant A01") == NULL);
  g_clear_error (&error);
  ck_assert_int_eq (qa_test_query_int ("SELECT count(*) FROM stage_applicant WHERE stage = 'site'"), 0);

  ck_assert_msg (advance ("A01,A04", &error), "%s", error ? error->message : "");
  ck_assert_int_eq (qa_test_query_int ("SELECT count(*) FROM stage_applicant WHERE stage = 'site'"), 2);
}
END_TEST

/* Site review and feedback -------------------------------------------------------------------- */

static gboolean
mentions_an_expert (const char *text)
{
  GListModel *experts = qa_session_get_experts (session);

  for (guint i = 0; i < g_list_model_get_n_items (experts); i++)
    {
      g_autoptr(QaExpert) expert = g_list_model_get_item (experts, i);

      if (strstr (text, qa_expert_get_name (expert)) != NULL || strstr (text, qa_expert_get_id (expert)) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
put_texts (void)
{
  qa_test_put_score (QA_STAGE_MATERIAL, "E01", "A01", "4.1.2", 70, "高层领导亲自推动质量战略。", "授权机制尚不健全。");
  qa_test_put_score (QA_STAGE_MATERIAL, "E02", "A01", "4.1.2", 70, "高层领导亲自推动质量战略。", NULL);
  qa_test_put_score (QA_STAGE_MATERIAL, "E05", "A01", "4.6.2", 70, NULL, "供应链风险评估缺少数据。");
  qa_test_put_score (QA_STAGE_MATERIAL, "E05", "A02", "4.1.2", 30, "管理层重视安全生产。", "绩效测量体系不完整。");
}

START_TEST (test_site_package_points)
{
  g_autofree char *path = g_build_filename (tmpdir, "E01-site.qapkg", NULL);
  g_autoptr(QaSession) package = NULL;
  g_autoptr(GPtrArray) strengths = NULL;
  g_autoptr(GPtrArray) improvements = NULL;
  g_autoptr(GError) error = NULL;

  fill_material (70, 30, 50);
  put_texts ();
  close_material ();
  qa_database_set_operator (qa_session_get_database (session), "秘书", "secretariat");
  ck_assert_msg (advance ("A01,A04", &error), "%s", error ? error->message : "");
  qa_test_form_panel (QA_STAGE_SITE);
  ck_assert_msg (qa_package_export (session, "E01", QA_STAGE_SITE, path, QA_OUTPUT_NONE, &error), "%s",
                 error ? error->message : "");

  package = qa_session_open (path, &error);
  ck_assert_ptr_nonnull (package);
  ck_assert (qa_consensus_list_verification_points (package, "A01", &strengths, &improvements, &error));
  ck_assert_uint_eq (strengths->len, 1);
  ck_assert_str_eq (((QaConsensusSentence *)g_ptr_array_index (strengths, 0))->item, "4.1");
  ck_assert_str_eq (((QaConsensusSentence *)g_ptr_array_index (strengths, 0))->text, "高层领导亲自推动质量战略。");
  ck_assert_uint_eq (improvements->len, 2);
  ck_assert_str_eq (((QaConsensusSentence *)g_ptr_array_index (improvements, 1))->text, "供应链风险评估缺少数据。");
  for (guint k = 0; k < 2; k++)
    {
      GPtrArray *points = k == 0 ? strengths : improvements;

      for (guint i = 0; i < points->len; i++)
        {
          const QaConsensusSentence *point = g_ptr_array_index (points, i);

          ck_assert_ptr_null (point->reviewer_id);
          ck_assert_msg (!mentions_an_expert (point->text), "%s", point->text);
        }
    }
  /* Only the applicants the reviewer visits. */
  ck_assert_int_eq (qa_test_query_int ("SELECT count(*) FROM verification_point"), 0);
  {
    sqlite3_stmt *stmt = _qa_database_prepare (qa_session_get_database (package),
                                               "SELECT count(*), count(DISTINCT applicant_id) FROM verification_point", NULL);

    ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
    ck_assert_int_eq (sqlite3_column_int (stmt, 0), 3);
    ck_assert_int_eq (sqlite3_column_int (stmt, 1), 1);
    sqlite3_reset (stmt);
  }

  /* The chair's site-review opinion, and its PDF. */
  qa_database_set_operator (qa_session_get_database (session), "秘书", "secretariat");
  ck_assert (!qa_consensus_set_site_opinion (session, "A01", "现场核实属实。", &error));
  ck_assert (g_error_matches (error, QA_CONSENSUS_ERROR, QA_CONSENSUS_ERROR_ROLE));
  g_clear_error (&error);
  qa_database_set_operator (qa_session_get_database (session), "张明", "chair");
  ck_assert (!qa_consensus_set_site_opinion (session, "A02", "现场核实属实。", &error));
  ck_assert (g_error_matches (error, QA_CONSENSUS_ERROR, QA_CONSENSUS_ERROR_UNKNOWN));
  g_clear_error (&error);
  ck_assert (qa_consensus_set_site_opinion (session, "A01", "现场核实与材料相符，质量战略落实到位。", &error));
  {
    g_autofree char *pdf = g_build_filename (tmpdir, "opinion.pdf", NULL);
    g_autoptr(QaReport) report = qa_report_new_site_opinion (session, "A01", "2026-12-01", &error);
    g_autofree char *text = NULL;

    ck_assert_msg (report != NULL, "%s", error ? error->message : "");
    ck_assert (qa_report_write_pdf (report, pdf, QA_OUTPUT_NONE, &error));
    text = qa_test_pdf_text (pdf);
    ck_assert_msg (strstr (text, "现场核实与材料相符") != NULL, "%s", text);
    ck_assert (strstr (text, "高层领导亲自推动质量战略。") != NULL);
    ck_assert (strstr (text, "Page 1 of 1") != NULL);
    ck_assert_msg (!mentions_an_expert (text), "%s", text);
  }
}
END_TEST

START_TEST (test_feedback)
{
  g_autofree char *pdf = g_build_filename (tmpdir, "feedback.pdf", NULL);
  g_autoptr(QaReport) report = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  fill_material (70, 30, 50);
  put_texts ();
  /* An individual score that must not be told: 85 (trimmed away; the consensus stays 30). */
  qa_test_put_score (QA_STAGE_MATERIAL, "E06", "A02", "4.1.3", 85, NULL, NULL);

  report = qa_report_new_feedback (session, "A02", QA_STAGE_MATERIAL, "2026-12-01", &error);
  ck_assert_ptr_null (report);
  ck_assert (g_error_matches (error, QA_REPORT_ERROR, QA_REPORT_ERROR_NOT_READY));
  g_clear_error (&error);

  close_material ();
  report = qa_report_new_feedback (session, "A02", QA_STAGE_MATERIAL, "2026-12-01", &error);
  ck_assert_msg (report != NULL, "%s", error ? error->message : "");
  ck_assert_uint_ge (qa_report_get_n_pages (report), 1);
  ck_assert (qa_report_write_pdf (report, pdf, QA_OUTPUT_NONE, &error));
  text = qa_test_pdf_text (pdf);

  ck_assert_msg (strstr (text, "管理层重视安全生产。") != NULL, "%s", text);
  ck_assert (strstr (text, "绩效测量体系不完整。") != NULL);
  ck_assert (strstr (text, "300.00") != NULL);
  ck_assert_msg (strstr (text, "below the 400") != NULL, "%s", text);
  ck_assert (strstr (text, "30%–45%") != NULL);
  ck_assert (strstr (text, qa_profile_get_authority (qa_session_get_profile (session))) != NULL);
  ck_assert (strstr (text, "1 December 2026") != NULL);
  ck_assert (strstr (text, "Page 1 of") != NULL);
  ck_assert_msg (!mentions_an_expert (text), "a reviewer is named in:\n%s", text);
  ck_assert_msg (strstr (text, "85") == NULL, "an individual score shows in:\n%s", text);
  /* Nothing of another applicant. */
  ck_assert (strstr (text, "高层领导亲自推动质量战略") == NULL);
}
END_TEST

START_TEST (test_consensus_report)
{
  g_autofree char *pdf = g_build_filename (tmpdir, "consensus.pdf", NULL);
  g_autoptr(QaReport) report = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  put_hand_computed ();
  report = qa_report_new_consensus (session, QA_STAGE_MATERIAL, &error);
  ck_assert_msg (report != NULL, "%s", error ? error->message : "");
  /* Totals, one page per applicant, the reviewers. */
  ck_assert_uint_ge (qa_report_get_n_pages (report), 7);
  ck_assert (qa_report_write_pdf (report, pdf, QA_OUTPUT_NONE, &error));
  text = qa_test_pdf_text (pdf);
  ck_assert (strstr (text, "17.25") != NULL);
  ck_assert (strstr (text, "Kendall") != NULL);
  ck_assert (strstr (text, "王建国") != NULL);
}
END_TEST


/* The real way: seven packages out, every item scored in each, seven signed sheets back, the
 * stage closed; the consensus agrees with the rule applied by hand to the imported scores. */
static int
percent_of (guint reviewer,
            guint applicant,
            guint item)
{
  return (int)(((reviewer * 7 + applicant * 3 + item * 5) % 13 + 4) * 5);
}

START_TEST (test_sheets_to_closed_stage)
{
  GListModel *items = qa_criteria_get_items (qa_session_get_criteria (session));
  guint n_items = g_list_model_get_n_items (items);
  g_autoptr(GPtrArray) consensus = NULL;
  g_autoptr(GError) error = NULL;

  for (guint r = 0; qa_test_panel[r] != NULL; r++)
    {
      g_autofree char *package_path = g_strdup_printf ("%s/%s.qapkg", tmpdir, qa_test_panel[r]);
      g_autofree char *sheet_path = g_strdup_printf ("%s/%s.qasheet", tmpdir, qa_test_panel[r]);
      g_autoptr(QaSession) package = NULL;
      g_auto(GStrv) applicants = NULL;
      g_autofree char *sheet = NULL;
      gsize length = 0;

      ck_assert_msg (qa_package_export (session, qa_test_panel[r], QA_STAGE_MATERIAL, package_path, QA_OUTPUT_NONE, &error),
                     "%s", error ? error->message : "");
      package = qa_session_open (package_path, &error);
      ck_assert_ptr_nonnull (package);
      applicants = qa_scores_assigned_applicants (package, qa_test_panel[r], QA_STAGE_MATERIAL, &error);
      for (guint a = 0; applicants[a] != NULL; a++)
        {
          g_autoptr(QaScoreSheet) scores = qa_score_sheet_new (package, qa_test_panel[r], applicants[a],
                                                               QA_STAGE_MATERIAL, &error);

          for (guint i = 0; i < n_items; i++)
            {
              g_autoptr(QaItem) item = g_list_model_get_item (items, i);

              ck_assert_msg (qa_score_sheet_set (scores, qa_item_get_code (item),
                                                 percent_of (r, (guint)applicants[a][2] - '0', i),
                                                 "过程方法系统。", NULL, &error),
                             "%s", error ? error->message : "");
            }
        }
      ck_assert (qa_sheet_export (package, sheet_path, QA_OUTPUT_NONE, &error));
      ck_assert (g_file_get_contents (sheet_path, &sheet, &length, NULL));
      {
        g_autoptr(GBytes) bytes = g_bytes_new (sheet, length);

        ck_assert_msg (qa_sheet_import (session, bytes, sheet_path, NULL, NULL, &error), "%s",
                       error ? error->message : "");
      }
    }

  ck_assert_msg (qa_session_close_stage (session, QA_STAGE_MATERIAL, &error), "%s", error ? error->message : "");

  consensus = qa_consensus_compute (session, QA_STAGE_MATERIAL, NULL, &error);
  ck_assert_uint_eq (consensus->len, 5 * 23);
  for (guint c = 0; c < consensus->len; c++)
    {
      const QaConsensusItem *item = g_ptr_array_index (consensus, c);
      guint applicant = (guint)item->applicant_id[2] - '0', position = c % 23;
      int values[7];
      guint n = 0;

      for (guint r = 0; qa_test_panel[r] != NULL; r++)
        if (qa_panel_is_assigned (session, QA_STAGE_MATERIAL, qa_test_panel[r], item->applicant_id, NULL))
          values[n++] = percent_of (r, applicant, position);
      ck_assert_uint_eq (item->scorers, n);
      ck_assert_int_eq (item->default_percent,
                        qa_consensus_default_percent (qa_session_get_profile (session), values, n));
      ck_assert_int_eq (item->points_x100, (gint64)item->points * item->percent);
    }
}
END_TEST

/* @reviewer scores @item of @applicant at @percent in their package and the sheet is imported:
 * the real path of a re-imported sheet. */
static void
import_rescored_sheet (const char *reviewer,
                       const char *applicant,
                       const char *item,
                       int         percent)
{
  g_autofree char *package_path = g_strdup_printf ("%s/%s.qapkg", tmpdir, reviewer);
  g_autofree char *sheet_path = g_strdup_printf ("%s/%s.qasheet", tmpdir, reviewer);
  g_autoptr(QaSession) package = NULL;
  g_autoptr(QaScoreSheet) scores = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sheet = NULL;
  gsize length = 0;

  ck_assert_msg (qa_package_export (session, reviewer, QA_STAGE_MATERIAL, package_path, QA_OUTPUT_REPLACE, &error),
                 "%s", error ? error->message : "");
  package = qa_session_open (package_path, &error);
  ck_assert_ptr_nonnull (package);
  scores = qa_score_sheet_new (package, reviewer, applicant, QA_STAGE_MATERIAL, &error);
  ck_assert_ptr_nonnull (scores);
  ck_assert_msg (qa_score_sheet_set (scores, item, percent, "重新评分。", NULL, &error), "%s",
                 error ? error->message : "");
  ck_assert (qa_sheet_export (package, sheet_path, QA_OUTPUT_REPLACE, &error));
  ck_assert (g_file_get_contents (sheet_path, &sheet, &length, NULL));
  bytes = g_bytes_new (sheet, length);
  ck_assert_msg (qa_sheet_import (session, bytes, sheet_path, NULL, NULL, &error), "%s",
                 error ? error->message : "");
}

/* A chair's value keeps the default it was decided against; a newer sheet that moves the default
 * puts the item back before the chair: not agreed, noted in the audit trail, and the stage does
 * not close until the chair agrees it again. */
START_TEST (test_default_moved)
{
  QaDatabase *db = qa_session_get_database (session);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) totals = NULL;
  g_autoptr(GError) error = NULL;
  const QaConsensusItem *c;

  /* A02 4.4.5: 40 70 70 70 70 70 → trimmed 70; after E07's 50: 40 50 70 70 70 70 → 260/4 = 65. */
  fill_material (70, 70, 50);
  qa_test_put_score (QA_STAGE_MATERIAL, "E01", "A02", "4.4.5", 40, NULL, NULL);
  ck_assert_msg (qa_consensus_set (session, QA_STAGE_MATERIAL, "A02", "4.4.5", 70, NULL, NULL, NULL, &error),
                 "%s", error ? error->message : "");
  ck_assert (qa_consensus_set (session, QA_STAGE_MATERIAL, "A02", "4.4.3", 80, "现场材料充分。", NULL, NULL, &error));
  items = qa_consensus_compute (session, QA_STAGE_MATERIAL, "A02", &error);
  c = qa_test_find_item (items, "A02", "4.4.5");
  ck_assert (c->recorded && !c->stale);
  ck_assert_int_eq (c->decided_default, 70);
  g_clear_pointer (&items, g_ptr_array_unref);

  import_rescored_sheet ("E07", "A02", "4.4.5", 50);
  qa_test_put_all_sheets (QA_STAGE_MATERIAL);

  items = qa_consensus_compute (session, QA_STAGE_MATERIAL, "A02", &error);
  c = qa_test_find_item (items, "A02", "4.4.5");
  ck_assert (c->recorded);
  ck_assert (c->stale);
  ck_assert_int_eq (c->decided_default, 70);
  ck_assert_int_eq (c->default_percent, 65);
  /* The chair's value is never changed behind their back. */
  ck_assert_int_eq (c->percent, 70);
  ck_assert_int_eq (c->points_x100, 15 * 70);
  c = qa_test_find_item (items, "A02", "4.4.3");
  ck_assert (c->recorded && !c->stale);
  ck_assert_uint_eq (qa_test_count_audit (db, "consensus.default-moved"), 1);

  totals = qa_consensus_totals (session, QA_STAGE_MATERIAL, &error);
  ck_assert_str_eq (((QaConsensusTotal *)g_ptr_array_index (totals, 1))->applicant_id, "A02");
  ck_assert_uint_eq (((QaConsensusTotal *)g_ptr_array_index (totals, 1))->items_agreed, 22);
  {
    g_autoptr(QaProgress) progress = qa_session_get_progress (session, &error);

    ck_assert_ptr_nonnull (progress);
    ck_assert_uint_eq (progress->material.items_stale, 1);
    ck_assert_uint_eq (progress->material.items_agreed, 5 * 23 - 1);
    ck_assert_uint_eq (progress->material.missing->len, 1);
    ck_assert_msg (strstr (progress->next_step, "1 agreed item") != NULL, "%s", progress->next_step);
  }

  ck_assert (!qa_session_close_stage (session, QA_STAGE_MATERIAL, &error));
  ck_assert (g_error_matches (error, QA_CONSENSUS_ERROR, QA_CONSENSUS_ERROR_INCOMPLETE));
  ck_assert_msg (strstr (error->message, "applicant A02, item 4.4.5: the chair agreed 70% against a default of 70%; a newer score sheet has moved the default to 65%") != NULL,
                 "%s", error->message);
  ck_assert (strstr (error->message, "4.4.3") == NULL);
  g_clear_error (&error);
  ck_assert (!qa_session_stage_is_closed (session, QA_STAGE_MATERIAL));

  /* Keeping 70 now departs from the default: it needs a rationale like any departure. */
  ck_assert (!qa_consensus_set (session, QA_STAGE_MATERIAL, "A02", "4.4.5", 70, NULL, NULL, NULL, &error));
  ck_assert (g_error_matches (error, QA_CONSENSUS_ERROR, QA_CONSENSUS_ERROR_RATIONALE));
  g_clear_error (&error);
  ck_assert (qa_consensus_set (session, QA_STAGE_MATERIAL, "A02", "4.4.5", 70, "原评分依据仍然成立。", NULL, NULL, &error));
  g_clear_pointer (&items, g_ptr_array_unref);
  items = qa_consensus_compute (session, QA_STAGE_MATERIAL, "A02", &error);
  c = qa_test_find_item (items, "A02", "4.4.5");
  ck_assert (!c->stale);
  ck_assert_int_eq (c->decided_default, 65);
  ck_assert_msg (qa_session_close_stage (session, QA_STAGE_MATERIAL, &error), "%s", error ? error->message : "");
}
END_TEST

/* Another profile ----------------------------------------------------------------------------- */

static QaProfile *
other_profile (void)
{
  g_autoptr(QaProfile) ganzhou = qa_profile_new_from_id ("ganzhou", NULL);
  GBytes *bytes = qa_profile_get_bytes (ganzhou);
  g_autoptr(GString) xml = g_string_new_len (g_bytes_get_data (bytes, NULL), (gssize)g_bytes_get_size (bytes));
  g_autoptr(GBytes) changed = NULL;
  g_autoptr(GError) error = NULL;
  QaProfile *profile;

  ck_assert_uint_eq (g_string_replace (xml, "method=\"trimmed-mean\" trim-min-scorers=\"5\" rounding=\"5\" discussion-spread=\"30\"",
                                       "method=\"median\" trim-min-scorers=\"5\" rounding=\"10\" discussion-spread=\"20\"", 1), 1);
  ck_assert_uint_eq (g_string_replace (xml, "<thresholds site=\"400\"", "<thresholds site=\"250\"", 1), 1);
  changed = g_bytes_new (xml->str, xml->len);
  profile = qa_profile_new_from_bytes (changed, "other.xml", &error);
  ck_assert_msg (profile != NULL, "%s", error ? error->message : "");
  return profile;
}

static void
setup_other (void)
{
  g_autofree char *path = NULL;
  g_autoptr(QaProfile) profile = other_profile ();
  g_autoptr(QaDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  qa_test_setup_tmpdir ();
  path = g_build_filename (tmpdir, "other.db", NULL);
  db = qa_database_open (path, &error);
  ck_assert (qa_session_create (db, profile, 2026, NULL, &error));
  session = qa_session_new (db, &error);
  ck_assert (qa_demo_populate (session, &error));
  qa_test_judge_all ();
  qa_test_form_panel (QA_STAGE_MATERIAL);
  qa_database_set_operator (qa_session_get_database (session), "王建国", "chair");
}

START_TEST (test_other_profile)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  const QaConsensusItem *c;
  static const int spread25[] = { 50, 55, 60, 60, 65, 70, 75 };

  put_hand_computed ();
  for (guint i = 0; qa_test_panel[i] != NULL; i++)
    qa_test_put_score (QA_STAGE_MATERIAL, qa_test_panel[i], "A01", "4.4.4", spread25[i], NULL, NULL);

  items = qa_consensus_compute (session, QA_STAGE_MATERIAL, NULL, &error);
  ck_assert_ptr_nonnull (items);
  /* Median 60 → 60; median 57.5 → 60 in steps of 10; median 52.5 → 50. */
  c = qa_test_find_item (items, "A01", "4.4.3");
  ck_assert_int_eq (c->default_percent, 60);
  c = qa_test_find_item (items, "A02", "4.4.3");
  ck_assert_int_eq (c->default_percent, 60);
  c = qa_test_find_item (items, "A02", "4.4.5");
  ck_assert_int_eq (c->default_percent, 50);
  ck_assert_int_eq (c->points_x100, 750);
  ck_assert (!c->flagged);
  /* A spread of 25 is discussed under a threshold of 20 (not under Ganzhou's 30). */
  c = qa_test_find_item (items, "A01", "4.4.4");
  ck_assert_int_eq (c->spread, 25);
  ck_assert (c->flagged);
  ck_assert_int_eq (c->default_percent, 60);

  ck_assert (!qa_consensus_set (session, QA_STAGE_MATERIAL, "A02", "4.4.5", 55, "理由", NULL, NULL, &error));
  ck_assert (g_error_matches (error, QA_CONSENSUS_ERROR, QA_CONSENSUS_ERROR_PERCENT));
  ck_assert (strstr (error->message, "multiple of 10") != NULL);
  g_clear_error (&error);

  /* The threshold is the profile's: 300 points pass at 250. */
  fill_material (70, 30, 20);
  close_material ();
  qa_database_set_operator (qa_session_get_database (session), "秘书", "secretariat");
  ck_assert_msg (advance ("A01,A02", &error), "%s", error ? error->message : "");
  ck_assert (!advance ("A04", &error));
  ck_assert (strstr (error->message, "200.00, below the site-review threshold of 250 points") != NULL);
}
END_TEST

static Suite *
consensus_suite (void)
{
  Suite *suite = suite_create ("consensus");
  TCase *numbers = tcase_create ("numbers");
  TCase *stages = tcase_create ("stages");
  TCase *other = tcase_create ("other-profile");

  tcase_add_checked_fixture (numbers, setup, qa_test_teardown_tmpdir);
  tcase_add_test (numbers, test_numbers);
  tcase_add_test (numbers, test_rules);
  tcase_add_test (numbers, test_set);
  tcase_add_test (numbers, test_texts_and_reviewers);
  tcase_add_test (numbers, test_kendall);
  tcase_add_test (numbers, test_consensus_report);
  suite_add_tcase (suite, numbers);

  tcase_add_checked_fixture (stages, setup, qa_test_teardown_tmpdir);
  tcase_set_timeout (stages, 240);
  tcase_add_test (stages, test_close);
  tcase_add_test (stages, test_advance_threshold);
  tcase_add_test (stages, test_site_package_points);
  tcase_add_test (stages, test_feedback);
  tcase_add_test (stages, test_sheets_to_closed_stage);
  tcase_add_test (stages, test_default_moved);
  suite_add_tcase (suite, stages);

  tcase_add_checked_fixture (other, setup_other, qa_test_teardown_tmpdir);
  tcase_add_test (other, test_other_profile);
  suite_add_tcase (suite, other);

  return suite;
}

int
main (void)
{
  return qa_test_run (consensus_suite ());
}
