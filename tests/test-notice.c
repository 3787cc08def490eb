/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The written notice of Art. 16(2): a PDF letter that carries the decision and every reason. */

#include "config.h"

#include <string.h>

#include "qa-core.h"
#include "qa-test.h"

/* The text of a PDF as pdftotext reads it, lines joined so wrapping does not matter. */
static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { g_getenv ("PDFTOTEXT"), "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  ck_assert_msg (argv[0] != NULL, "PDFTOTEXT is not set");
  ck_assert_msg (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                               &status, &error),
                 "%s", error ? error->message : "");
  ck_assert_int_eq (status, 0);
  g_strdelimit (out, "\n", ' ');
  return g_steal_pointer (&out);
}

static char *
export (const char *id)
{
  g_autofree char *pdf = g_build_filename (tmpdir, "notice.pdf", NULL);
  g_autoptr(QaNotice) notice = NULL;
  g_autoptr(GError) error = NULL;

  notice = qa_notice_new (session, id, "2026-10-15", &error);
  ck_assert_msg (notice != NULL, "%s", error ? error->message : "");
  ck_assert (qa_notice_write_pdf (notice, pdf, QA_OUTPUT_NONE, &error));
  return pdf_text (pdf);
}

START_TEST (test_rejection_lists_every_reason)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  /* A08 is registered outside the district; judge it so only the facts decide. */
  ck_assert (qa_applicants_judge (session, "A08", 5, TRUE, NULL, &error));
  text = export ("A08");

  ck_assert_msg (strstr (text, "临泽县瑞丰枣业有限公司") != NULL, "%s", text);
  ck_assert_msg (strstr (text, "not accepted") != NULL, "%s", text);
  ck_assert_msg (strstr (text, "Art. 13(1): registered in 临泽县, not in 甘州区") != NULL, "%s", text);
  ck_assert_msg (strstr (text, "15 October 2026") != NULL, "%s", text);
}
END_TEST

START_TEST (test_rejection_with_two_conditions)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  /* A05 declared an accident and does not implement GB/T 19580. */
  ck_assert (qa_applicants_judge (session, "A05", 5, TRUE, NULL, &error));
  text = export ("A05");
  ck_assert_msg (strstr (text, "1. Art. 13(2):") != NULL, "%s", text);
  ck_assert_msg (strstr (text, "2. Art. 13(4):") != NULL, "%s", text);
}
END_TEST

START_TEST (test_acceptance)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QaNotice) notice = NULL;
  g_autofree char *text = NULL;

  ck_assert (qa_applicants_judge (session, "A01", 5, TRUE, "国内领先", &error));
  notice = qa_notice_new (session, "A01", NULL, &error);
  ck_assert (qa_notice_is_accepted (notice));
  text = export ("A01");
  ck_assert_msg (strstr (text, "application is accepted") != NULL, "%s", text);
  ck_assert_msg (strstr (text, "Art. 13(") == NULL, "%s", text);
}
END_TEST

/* The letter has its document number and the place for the seal, and its issue is noted. */
START_TEST (test_number_seal_and_audit)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) trail = NULL;
  QaAuditEntry *last;

  ck_assert (qa_applicants_judge (session, "A01", 5, TRUE, NULL, &error));
  ck_assert_uint_eq (qa_test_count_audit (qa_session_get_database (session), "notice.issue"), 0);
  text = export ("A01");
  ck_assert_msg (strstr (text, "Award Eligibility [2026] No. A01") != NULL, "%s", text);
  ck_assert_msg (strstr (text, "(seal)") != NULL, "%s", text);

  trail = qa_audit_list (qa_session_get_database (session), &error);
  last = g_ptr_array_index (trail, trail->len - 1);
  ck_assert_str_eq (last->action, "notice.issue");
  ck_assert_str_eq (last->subject_id, "A01");
  ck_assert_msg (g_str_has_suffix (last->after, "; accepted; pdf=notice.pdf"), "%s", last->after);
  ck_assert (g_str_has_prefix (last->after, "number=Award Eligibility ["));
}
END_TEST

/* A fact changed since the check was stored: the letter would contradict the list. */
START_TEST (test_stale_result_refused)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QaDossier) dossier = NULL;
  g_autoptr(QaNotice) notice = NULL;

  ck_assert (qa_applicants_judge (session, "A01", 5, TRUE, NULL, &error));
  dossier = qa_applicants_load_dossier (session, "A01", &error);
  ck_assert_ptr_nonnull (dossier);
  qa_dossier_set_declared_accidents (dossier, TRUE);
  ck_assert_msg (qa_applicants_save_dossier (session, dossier, &error), "%s", error ? error->message : "");

  /* Saving a dossier does not re-run the check: the list still says eligible. */
  notice = qa_notice_new (session, "A01", NULL, &error);
  ck_assert_ptr_null (notice);
  ck_assert (g_error_matches (error, QA_NOTICE_ERROR, QA_NOTICE_ERROR_STALE));
  ck_assert (strstr (error->message, "out of date") != NULL);
  g_clear_error (&error);

  ck_assert (qa_applicants_store_eligibility (session, &error));
  notice = qa_notice_new (session, "A01", NULL, &error);
  ck_assert_msg (notice != NULL, "%s", error ? error->message : "");
  ck_assert (!qa_notice_is_accepted (notice));
}
END_TEST

START_TEST (test_undecided_refused)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QaNotice) notice = qa_notice_new (session, "A02", NULL, &error);

  ck_assert_ptr_null (notice);
  ck_assert (g_error_matches (error, QA_NOTICE_ERROR, QA_NOTICE_ERROR_UNDECIDED));
}
END_TEST

static Suite *
notice_suite (void)
{
  Suite *suite = suite_create ("notice");
  TCase *tc = tcase_create ("notice");

  tcase_set_timeout (tc, 60);
  tcase_add_checked_fixture (tc, qa_test_setup_demo, qa_test_teardown_tmpdir);
  tcase_add_test (tc, test_rejection_lists_every_reason);
  tcase_add_test (tc, test_rejection_with_two_conditions);
  tcase_add_test (tc, test_acceptance);
  tcase_add_test (tc, test_undecided_refused);
  tcase_add_test (tc, test_number_seal_and_audit);
  tcase_add_test (tc, test_stale_result_refused);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return qa_test_run (notice_suite ());
}
