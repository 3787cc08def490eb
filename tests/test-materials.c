/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Materials kept inside the session: streamed in and out, content-addressed, never half-stored. */

#include "config.h"

#include <string.h>
#include <sys/resource.h>

#include "qa-core.h"
#include "qa-database-private.h"
#include "qa-test.h"

static int
count (const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  sqlite3_stmt *stmt = _qa_database_prepare (qa_session_get_database (session), sql, NULL);

  ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
  return sqlite3_column_int (stmt, 0);
}

static GFile *
write_file (const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);

  ck_assert (g_file_set_contents (path, contents, -1, NULL));
  return g_file_new_for_path (path);
}

START_TEST (test_add_list_extract)
{
  g_autoptr(GFile) file = write_file ("自评报告.txt", "一、组织概述\n二、领导\n");
  g_autoptr(GFile) out = NULL;
  g_autoptr(QaMaterial) material = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *extracted = NULL;
  g_autofree char *out_path = g_build_filename (tmpdir, "out.txt", NULL);

  material = qa_materials_add (session, "A01", QA_MATERIAL_SELF_ASSESSMENT, file, TRUE, TRUE,
                               NULL, &error);
  ck_assert_msg (material != NULL, "%s", error ? error->message : "");
  ck_assert_str_eq (qa_material_get_filename (material), "自评报告.txt");
  ck_assert_str_eq (qa_material_get_applicant_id (material), "A01");
  ck_assert_int_eq (qa_material_get_kind (material), QA_MATERIAL_SELF_ASSESSMENT);
  ck_assert (qa_material_get_trade_secret (material));
  ck_assert (qa_material_get_no_state_secret (material));
  ck_assert_int_eq (qa_material_get_size (material), strlen ("一、组织概述\n二、领导\n"));
  ck_assert_str_eq (qa_material_get_content_type (material), "text/plain");
  expected = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "一、组织概述\n二、领导\n", -1);
  ck_assert_str_eq (qa_material_get_sha256 (material), expected);

  list = qa_materials_list (session, "A01", &error);
  ck_assert_uint_eq (g_list_model_get_n_items (list), 1);

  out = g_file_new_for_path (out_path);
  ck_assert (qa_materials_extract (session, qa_material_get_id (material), out, NULL, &error));
  ck_assert (g_file_get_contents (out_path, &extracted, NULL, NULL));
  ck_assert_str_eq (extracted, "一、组织概述\n二、领导\n");
  {
    /* Issue 13.1: a copy is never saved over the open session. */
    g_autoptr(GFile) over = g_file_new_for_path (qa_database_get_path (qa_session_get_database (session)));
    g_autoptr(GError) refused = NULL;

    ck_assert (!qa_materials_extract (session, qa_material_get_id (material), over, NULL, &refused));
    ck_assert (g_error_matches (refused, QA_OUTPUT_ERROR, QA_OUTPUT_ERROR_OPEN_SESSION));
    g_clear_error (&refused);
    ck_assert_msg (qa_session_reload (session, &refused), "%s", refused ? refused->message : "");
  }

  ck_assert (qa_materials_set_trade_secret (session, qa_material_get_id (material), FALSE, &error));
  g_clear_object (&list);
  list = qa_materials_list (session, "A01", &error);
  {
    g_autoptr(QaMaterial) first = g_list_model_get_item (list, 0);
    ck_assert (!qa_material_get_trade_secret (first));
  }
}
END_TEST

START_TEST (test_same_bytes_kept_once)
{
  g_autoptr(GFile) a = write_file ("a.pdf", "%PDF-1.4 the same evidence");
  g_autoptr(GFile) b = write_file ("b.pdf", "%PDF-1.4 the same evidence");
  g_autoptr(QaMaterial) first = NULL;
  g_autoptr(QaMaterial) second = NULL;
  g_autoptr(GError) error = NULL;

  first = qa_materials_add (session, "A01", QA_MATERIAL_EVIDENCE, a, FALSE, TRUE, NULL, &error);
  second = qa_materials_add (session, "A02", QA_MATERIAL_EVIDENCE, b, FALSE, TRUE, NULL, &error);
  ck_assert_ptr_nonnull (first);
  ck_assert_ptr_nonnull (second);
  ck_assert_str_eq (qa_material_get_sha256 (first), qa_material_get_sha256 (second));
  ck_assert_int_eq (count ("material"), 2);
  ck_assert_int_eq (count ("material_content"), 1);
}
END_TEST

START_TEST (test_refusals_store_nothing)
{
  g_autofree char *missing = g_build_filename (tmpdir, "missing.pdf", NULL);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GFile) folder = g_file_new_for_path (tmpdir);
  g_autoptr(GFile) good = write_file ("good.pdf", "%PDF-1.4");
  g_autoptr(GError) error = NULL;

  ck_assert_ptr_null (qa_materials_add (session, "A01", QA_MATERIAL_EVIDENCE, missing_file,
                                        FALSE, TRUE, NULL, &error));
  ck_assert (g_error_matches (error, QA_MATERIAL_ERROR, QA_MATERIAL_ERROR_UNREADABLE));
  ck_assert_msg (strstr (error->message, missing) != NULL, "%s", error->message);
  g_clear_error (&error);

  ck_assert_ptr_null (qa_materials_add (session, "A01", QA_MATERIAL_EVIDENCE, folder,
                                        FALSE, TRUE, NULL, &error));
  ck_assert (g_error_matches (error, QA_MATERIAL_ERROR, QA_MATERIAL_ERROR_UNREADABLE));
  g_clear_error (&error);

  ck_assert_ptr_null (qa_materials_add (session, "A99", QA_MATERIAL_EVIDENCE, good,
                                        FALSE, TRUE, NULL, &error));
  ck_assert (g_error_matches (error, QA_DOSSIER_ERROR, QA_DOSSIER_ERROR_NOT_FOUND));

  ck_assert_int_eq (count ("material"), 0);
  ck_assert_int_eq (count ("material_content"), 0);
}
END_TEST

START_TEST (test_remove_and_undo)
{
  g_autoptr(GFile) file = write_file ("overview.docx", "PK overview");
  g_autoptr(QaMaterial) material = NULL;
  g_autoptr(QaMaterial) restored = NULL;
  g_autoptr(GError) error = NULL;

  material = qa_materials_add (session, "A03", QA_MATERIAL_OVERVIEW, file, TRUE, TRUE, NULL, &error);
  ck_assert (qa_materials_remove (session, qa_material_get_id (material), &error));
  ck_assert_int_eq (count ("material"), 0);
  ck_assert (!qa_materials_remove (session, qa_material_get_id (material), &error));
  g_clear_error (&error);

  restored = qa_materials_restore (session, material, &error);
  ck_assert_msg (restored != NULL, "%s", error ? error->message : "");
  ck_assert_str_eq (qa_material_get_filename (restored), "overview.docx");
  ck_assert (qa_material_get_trade_secret (restored));
  ck_assert_int_eq (count ("material"), 1);

  ck_assert (qa_materials_remove (session, qa_material_get_id (restored), &error));
  ck_assert (qa_materials_collect_garbage (session, &error));
  ck_assert_int_eq (count ("material_content"), 0);
  ck_assert_ptr_null (qa_materials_restore (session, material, &error));
}
END_TEST

static glong
max_rss_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

static char *
write_large_file (const char *name,
                  gsize       size)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guint32 *chunk = g_new (guint32, 65536);
  g_autoptr(GRand) rand = g_rand_new_with_seed (19580);
  FILE *f = fopen (path, "wb");

  ck_assert_ptr_nonnull (f);
  for (gsize written = 0; written < size; written += 65536 * sizeof (guint32))
    {
      for (guint i = 0; i < 65536; i++)
        chunk[i] = g_rand_int (rand);
      ck_assert_uint_eq (fwrite (chunk, sizeof (guint32), 65536, f), 65536);
      g_checksum_update (checksum, (const guchar *)chunk, 65536 * sizeof (guint32));
    }
  fclose (f);
  return g_strdup_printf ("%s %s", path, g_checksum_get_string (checksum));
}

static char *
file_sha256 (const char *path)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buffer = g_malloc (1 << 20);
  FILE *f = fopen (path, "rb");
  gsize n;

  ck_assert_ptr_nonnull (f);
  while ((n = fread (buffer, 1, 1 << 20, f)) > 0)
    g_checksum_update (checksum, buffer, n);
  fclose (f);
  return g_strdup (g_checksum_get_string (checksum));
}

/* 50 MB in and out with the same SHA-256, and the process never grows by anything near it. */
START_TEST (test_large_material_streams)
{
  g_autofree char *spec = write_large_file ("site-photos.pdf", 50 * 1024 * 1024);
  g_auto(GStrv) parts = g_strsplit (spec, " ", 2);
  g_autofree char *out_path = g_build_filename (tmpdir, "extracted.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (parts[0]);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autoptr(QaMaterial) material = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *extracted = NULL;
  glong before, after;

  before = max_rss_kib ();
  material = qa_materials_add (session, "A02", QA_MATERIAL_EVIDENCE, file, FALSE, TRUE, NULL, &error);
  ck_assert_msg (material != NULL, "%s", error ? error->message : "");
  ck_assert_str_eq (qa_material_get_sha256 (material), parts[1]);
  ck_assert_int_eq (qa_material_get_size (material), 50 * 1024 * 1024);

  ck_assert (qa_materials_extract (session, qa_material_get_id (material), out, NULL, &error));
  after = max_rss_kib ();

  extracted = file_sha256 (out_path);
  ck_assert_str_eq (extracted, parts[1]);
  g_print ("# 50 MiB material stored and extracted; peak memory grew by %ld KiB\n", after - before);
  ck_assert_msg (after - before < 20 * 1024, "the peak memory grew by %ld KiB", after - before);
}
END_TEST

static void
added_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  QaMaterial **material = user_data;
  g_autoptr(GError) error = NULL;

  *material = qa_materials_add_finish (QA_SESSION (object), result, &error);
  ck_assert_msg (*material != NULL, "%s", error ? error->message : "");
}

START_TEST (test_add_async)
{
  g_autoptr(GFile) file = write_file ("form.pdf", "%PDF-1.7 application form");
  g_autoptr(QaMaterial) material = NULL;
  g_autoptr(GListModel) list = NULL;

  qa_materials_add_async (session, "A04", QA_MATERIAL_APPLICATION_FORM, file, FALSE, TRUE, NULL,
                          added_cb, &material);
  while (material == NULL)
    g_main_context_iteration (NULL, TRUE);

  ck_assert_str_eq (qa_material_get_filename (material), "form.pdf");
  list = qa_materials_list (session, "A04", NULL);
  ck_assert_uint_eq (g_list_model_get_n_items (list), 1);
}
END_TEST

/* Issue 12, item 15: a large material is streamed in short transactions, so an ordinary edit
 * made meanwhile (an eligibility judgement, on the session's own connection) neither fails on
 * the busy timeout nor waits for the copy. */
START_TEST (test_judgement_during_large_add)
{
  g_autofree char *path = g_build_filename (tmpdir, "site-video.mp4", NULL);
  g_autofree guint64 *block = g_new (guint64, 1 << 17);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(QaMaterial) material = NULL;
  FILE *f = fopen (path, "wb");
  gint64 start = g_get_monotonic_time (), longest = 0, add_time;
  guint during = 0;

  /* 200 MiB, quickly: one random MiB, each copy of it numbered. */
  ck_assert_ptr_nonnull (f);
  for (guint i = 0; i < (1 << 17); i++)
    block[i] = ((guint64)g_random_int () << 32) | g_random_int ();
  for (guint64 n = 0; n < 200; n++)
    {
      block[0] = n;
      ck_assert_uint_eq (fwrite (block, sizeof (guint64), 1 << 17, f), 1 << 17);
    }
  ck_assert_int_eq (fclose (f), 0);
  start = g_get_monotonic_time ();

  qa_materials_add_async (session, "A03", QA_MATERIAL_EVIDENCE, file, FALSE, TRUE, NULL,
                          added_cb, &material);
  while (material == NULL)
    {
      g_autoptr(GError) error = NULL;
      gint64 before = g_get_monotonic_time ();

      ck_assert_msg (qa_applicants_judge (session, "A01", 5, during % 2 == 0, "复核", &error),
                     "judgement %u during the add, after %.3f s: %s (%d)", during,
                     (g_get_monotonic_time () - before) / 1e6, error ? error->message : "",
                     sqlite3_extended_errcode (_qa_database_get_handle (qa_session_get_database (session))));
      longest = MAX (longest, g_get_monotonic_time () - before);
      during++;
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (20000);
    }
  add_time = g_get_monotonic_time () - start;

  g_print ("# 200 MiB add took %.2f s; %u judgements meanwhile, the longest %.3f s\n",
           add_time / 1e6, during, longest / 1e6);
  ck_assert_int_eq (qa_material_get_size (material), 200 * 1024 * 1024);
  ck_assert_uint_ge (during, 2);
  /* No judgement waited for the whole copy. */
  ck_assert_msg (longest < add_time / 2, "a judgement waited %.3f s of the add's %.3f s",
                 longest / 1e6, add_time / 1e6);
}
END_TEST

static Suite *
materials_suite (void)
{
  Suite *suite = suite_create ("materials");
  TCase *tc = tcase_create ("materials");

  tcase_set_timeout (tc, 120);
  tcase_add_checked_fixture (tc, qa_test_setup_demo, qa_test_teardown_tmpdir);
  tcase_add_test (tc, test_add_list_extract);
  tcase_add_test (tc, test_same_bytes_kept_once);
  tcase_add_test (tc, test_refusals_store_nothing);
  tcase_add_test (tc, test_remove_and_undo);
  tcase_add_test (tc, test_large_material_streams);
  tcase_add_test (tc, test_add_async);
  tcase_add_test (tc, test_judgement_during_large_add);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return qa_test_run (materials_suite ());
}
