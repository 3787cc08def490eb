/* SPDX-License-Identifier: GPL-3.0-or-later */

/* How the applicant register scales: import N applicants from CSV (all or nothing, every row
 * checked), load the list model the dossier view shows, and filter it the way its search does.
 * Usage: bench-applicants [N]   (default 10000). Prints one line per measurement. */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "qa-core.h"
#include "bench-common.h"

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int    argc,
      char **argv)
{
  guint n = argc > 1 ? (guint)g_ascii_strtoull (argv[1], NULL, 10) : 10000;
  g_autofree char *dir = g_dir_make_tmp ("qareview-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.db", NULL);
  g_autoptr(GString) csv = bench_applicants_csv (n);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(QaDatabase) db = NULL;
  g_autoptr(QaProfile) profile = NULL;
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *applicants;
  guint imported = 0, matches = 0;
  gint64 start;

  bytes = g_bytes_new (csv->str, csv->len);

  db = qa_database_open (path, &error);
  profile = qa_profile_new_from_id ("ganzhou", &error);
  g_assert (db != NULL && profile != NULL);
  g_assert (qa_session_create (db, profile, 2026, NULL, &error));
  session = qa_session_new (db, &error);

  start = g_get_monotonic_time ();
  if (!qa_applicants_import_csv (session, bytes, "bench.csv", &imported, &error))
    g_error ("%s", error->message);
  printf ("import %u applicants from CSV: %.3f s\n", imported, seconds_since (start));

  start = g_get_monotonic_time ();
  g_assert (qa_session_reload (session, &error));
  applicants = qa_session_get_applicants (session);
  printf ("load the list model of %u applicants: %.3f s\n",
          g_list_model_get_n_items (applicants), seconds_since (start));

  /* What the view's search does for every key typed: match name, reference and credit code. */
  start = g_get_monotonic_time ();
  for (guint i = 0; i < g_list_model_get_n_items (applicants); i++)
    {
      g_autoptr(QaApplicant) applicant = g_list_model_get_item (applicants, i);

      if (strstr (qa_applicant_get_name (applicant), "企业999") != NULL ||
          strstr (qa_applicant_get_id (applicant), "999") != NULL ||
          strstr (qa_applicant_get_credit_code (applicant), "999") != NULL)
        matches++;
    }
  printf ("search %u applicants (%u matches): %.4f s\n", g_list_model_get_n_items (applicants),
          matches, seconds_since (start));

  start = g_get_monotonic_time ();
  g_assert (qa_applicants_store_eligibility (session, &error));
  printf ("Art. 13 check and store for %u applicants: %.3f s\n",
          g_list_model_get_n_items (applicants), seconds_since (start));

  g_clear_object (&session);
  g_clear_object (&db);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (path);
    g_unlink (wal);
    g_unlink (shm);
    g_rmdir (dir);
  }
  return 0;
}
