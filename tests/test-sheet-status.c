/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The sheets returned for a stage (qa_session_list_sheets) with their completeness, and where the
 * session stands (qa_session_get_progress): the stage read from what was recorded, the sheets
 * received of those expected, and what is still needed. */

#include "config.h"

#include "qa-test.h"

static const char * const panel_members[] = { "E01", "E02", "E03", "E04", "E05", "E06", "E07", NULL };

static QaSession *
export_package (const char *reviewer)
{
  g_autofree char *name = g_strdup_printf ("%s.qapkg", reviewer);
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  g_autoptr(GError) error = NULL;
  QaSession *package;

  ck_assert_msg (qa_package_export (session, reviewer, QA_STAGE_MATERIAL, path, QA_OUTPUT_NONE, &error),
                 "%s", error ? error->message : "");
  package = qa_session_open (path, &error);
  ck_assert_msg (package != NULL, "%s", error ? error->message : "");
  return package;
}

/* Scores @n_items items of @applicant in @package at @percent and imports the sheet. */
static void
return_sheet (const char *reviewer,
              const char *applicant,
              guint       n_items,
              int         percent)
{
  g_autoptr(QaSession) package = export_package (reviewer);
  g_autoptr(QaScoreSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("%s.qasheet", reviewer);
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length = 0;
  GListModel *items;

  sheet = qa_score_sheet_new (package, reviewer, applicant, QA_STAGE_MATERIAL, &error);
  ck_assert_ptr_nonnull (sheet);
  items = qa_score_sheet_get_items (sheet);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(QaItemScore) score = g_list_model_get_item (items, i);

      ck_assert_msg (qa_score_sheet_set (sheet, qa_item_get_code (qa_item_score_get_item (score)),
                                         percent, NULL, NULL, &error),
                     "%s", error ? error->message : "");
    }
  ck_assert_msg (qa_sheet_export (package, path, QA_OUTPUT_NONE, &error), "%s", error ? error->message : "");
  ck_assert (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new (contents, length);
  ck_assert_msg (qa_sheet_import (session, bytes, name, NULL, NULL, &error),
                 "%s", error ? error->message : "");
}

/* The demo's Art. 13 check done and the material panel formed. */
static void
form_material_panel (void)
{
  static const char * const judged[] = { "A01", "A02", "A04", "A06", "A07" };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (judged); i++)
    ck_assert (qa_applicants_judge (session, judged[i], 5, TRUE, NULL, &error));
  ck_assert (qa_applicants_store_eligibility (session, &error));
  ck_assert_msg (qa_panel_form (session, QA_STAGE_MATERIAL, "E01", panel_members, NULL, &error),
                 "%s", error ? error->message : "");
}

static gboolean
needs (QaStageProgress *progress,
       const char      *text)
{
  for (guint i = 0; i < progress->missing->len; i++)
    if (strstr (g_ptr_array_index (progress->missing, i), text) != NULL)
      return TRUE;
  return FALSE;
}

static void
changed_cb (QaDatabase *db,
            guint      *count)
{
  (*count)++;
}

START_TEST (test_stages_follow_what_is_recorded)
{
  g_autoptr(QaProgress) eligibility = NULL;
  g_autoptr(QaProgress) material = NULL;
  g_autoptr(GError) error = NULL;

  eligibility = qa_session_get_progress (session, &error);
  ck_assert_msg (eligibility != NULL, "%s", error ? error->message : "");
  ck_assert_int_eq (eligibility->current, QA_STAGE_APPLICATION);
  ck_assert_ptr_nonnull (strstr (eligibility->next_step, "eligibility"));
  ck_assert (!eligibility->material.panel_formed);

  form_material_panel ();

  material = qa_session_get_progress (session, &error);
  ck_assert_int_eq (material->current, QA_STAGE_MATERIAL);
  ck_assert (material->material.panel_formed);
  ck_assert (!material->material.closed);
  ck_assert_uint_eq (material->material.sheets_expected, 7);
  ck_assert_uint_eq (material->material.sheets_received, 0);
  ck_assert_uint_eq (material->material.applicants, 5);
  ck_assert (needs (&material->material, "张明"));
}
END_TEST

START_TEST (test_sheets_received_and_complete)
{
  g_autoptr(QaProgress) progress = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  g_autoptr(GError) error = NULL;
  guint n_items = g_list_model_get_n_items (qa_criteria_get_items (qa_session_get_criteria (session)));
  guint changes = 0;

  form_material_panel ();
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_signal_connect (qa_session_get_database (session), "changed", G_CALLBACK (changed_cb), &changes);
  return_sheet ("E03", "A01", 4, 60);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  ck_assert_uint_ge (changes, 1);

  sheets = qa_session_list_sheets (session, QA_STAGE_MATERIAL, &error);
  ck_assert_msg (sheets != NULL, "%s", error ? error->message : "");
  ck_assert_uint_eq (sheets->len, 7);
  for (guint i = 0; i < sheets->len; i++)
    {
      QaSheetStatus *status = g_ptr_array_index (sheets, i);

      ck_assert_str_eq (status->expert_id, panel_members[i]);
      if (g_strcmp0 (status->expert_id, "E03") == 0)
        {
          ck_assert (status->received);
          ck_assert_str_eq (status->name, "张明");
          ck_assert_uint_eq (status->revision, 1);
          ck_assert_ptr_nonnull (status->imported_at);
          ck_assert_uint_eq (status->n_applicants, 5);
          ck_assert_uint_eq (status->n_scored, 4);
          ck_assert_uint_eq (status->n_expected, 5 * n_items);
          ck_assert_uint_eq (status->n_applicants_done, 0);
        }
      else
        {
          ck_assert (!status->received);
          ck_assert_uint_eq (status->n_scored, 0);
        }
      /* E04, E07 and E02 each have a tie with one applicant and do not score it. */
      if (g_strcmp0 (status->expert_id, "E04") == 0 || g_strcmp0 (status->expert_id, "E07") == 0 ||
          g_strcmp0 (status->expert_id, "E02") == 0)
        ck_assert_uint_eq (status->n_applicants, 4);
    }

  progress = qa_session_get_progress (session, &error);
  ck_assert_uint_eq (progress->material.sheets_received, 1);
  ck_assert (needs (&progress->material, "张明"));
  ck_assert (needs (&progress->material, "王建国"));
}
END_TEST

/* In a package, before the sheet goes back: how much of it is scored, counted by core. */
START_TEST (test_package_counts_its_own_sheet)
{
  g_autoptr(QaSession) package = NULL;
  g_autoptr(QaSheetStatus) status = NULL;
  g_autoptr(QaScoreSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  guint n_items = g_list_model_get_n_items (qa_criteria_get_items (qa_session_get_criteria (session)));
  GListModel *items;

  form_material_panel ();
  package = export_package ("E03");

  status = qa_sheet_status_new_for_package (package, &error);
  ck_assert_msg (status != NULL, "%s", error ? error->message : "");
  ck_assert_str_eq (status->expert_id, "E03");
  ck_assert_str_eq (status->name, "张明");
  ck_assert (!status->received);
  ck_assert_uint_eq (status->n_applicants, 5);
  ck_assert_uint_eq (status->n_applicants_done, 0);
  ck_assert_uint_eq (status->n_scored, 0);
  ck_assert_uint_eq (status->n_expected, 5 * n_items);
  g_clear_pointer (&status, qa_sheet_status_free);

  /* Every item of A01, and two of A02. */
  sheet = qa_score_sheet_new (package, "E03", "A01", QA_STAGE_MATERIAL, &error);
  items = qa_score_sheet_get_items (sheet);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(QaItemScore) score = g_list_model_get_item (items, i);

      ck_assert (qa_score_sheet_set (sheet, qa_item_get_code (qa_item_score_get_item (score)), 50,
                                     NULL, NULL, &error));
    }
  g_clear_object (&sheet);
  sheet = qa_score_sheet_new (package, "E03", "A02", QA_STAGE_MATERIAL, &error);
  items = qa_score_sheet_get_items (sheet);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(QaItemScore) score = g_list_model_get_item (items, i);

      ck_assert (qa_score_sheet_set (sheet, qa_item_get_code (qa_item_score_get_item (score)), 50,
                                     NULL, NULL, &error));
    }

  status = qa_sheet_status_new_for_package (package, &error);
  ck_assert_msg (status != NULL, "%s", error ? error->message : "");
  ck_assert_uint_eq (status->n_applicants_done, 1);
  ck_assert_uint_eq (status->n_scored, n_items + 2);
  ck_assert_uint_eq (status->n_expected - status->n_scored, 4 * n_items - 2);
}
END_TEST

static Suite *
progress_suite (void)
{
  Suite *suite = suite_create ("sheet-status");
  TCase *tc = tcase_create ("progress");

  tcase_add_checked_fixture (tc, qa_test_setup_demo, qa_test_teardown_tmpdir);
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_stages_follow_what_is_recorded);
  tcase_add_test (tc, test_sheets_received_and_complete);
  tcase_add_test (tc, test_package_counts_its_own_sheet);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return qa_test_run (progress_suite ());
}
