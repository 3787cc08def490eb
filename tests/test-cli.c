/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Drives the real qareview-cli binary as an outside script would, holding it to the contract of
 * ../shared/spec/cli.md: verbs, output and exit status. */

#include "config.h"

#include <string.h>

#include "qa-test.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

/* Runs qareview-cli with the arguments (NULL-terminated) and XDG_DATA_HOME in the scratch
 * folder, so the default database is never the user's. */
static Run
cli (const char *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *data_home = tmp_path ("data-home");
  g_autoptr(GError) error = NULL;
  Run run = { 0, NULL, NULL };
  int wait_status = 0;
  va_list args;

  g_ptr_array_add (argv, (gpointer)g_getenv ("QAREVIEW_CLI"));
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_setenv (envp, "XDG_DATA_HOME", data_home, TRUE);

  ck_assert_msg (g_spawn_sync (NULL, (char **)argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &run.out, &run.err, &wait_status, &error),
                 "cannot run qareview-cli: %s", error ? error->message : "");
  ck_assert_msg (WIFEXITED (wait_status), "qareview-cli died: %s", run.err);
  run.status = WEXITSTATUS (wait_status);
  return run;
}

START_TEST (test_help_and_version)
{
  g_auto(Run) help = cli ("--help", NULL);
  g_auto(Run) version = cli ("--version", NULL);

  ck_assert_int_eq (help.status, 0);
  ck_assert (strstr (help.out, "init") != NULL);
  ck_assert (strstr (help.out, "criteria") != NULL);
  ck_assert (strstr (help.out, "--db") != NULL);

  ck_assert_int_eq (version.status, 0);
  ck_assert_str_eq (version.out, "qareview-cli " PACKAGE_VERSION "\n");
}
END_TEST

START_TEST (test_usage_errors)
{
  g_auto(Run) no_verb = cli (NULL, NULL);
  g_auto(Run) unknown_verb = cli ("frobnicate", NULL);
  g_auto(Run) unknown_option = cli ("--colour", "criteria", NULL);
  g_auto(Run) unknown_verb_option = cli ("init", "--mode", "fast", NULL);
  g_auto(Run) bad_role = cli ("--role", "mayor", "criteria", NULL);
  g_auto(Run) stray = cli ("criteria", "extra", NULL);

  ck_assert_int_eq (no_verb.status, 2);
  ck_assert_int_eq (unknown_verb.status, 2);
  ck_assert (strstr (unknown_verb.err, "frobnicate") != NULL);
  ck_assert_int_eq (unknown_option.status, 2);
  ck_assert_int_eq (unknown_verb_option.status, 2);
  ck_assert_int_eq (bad_role.status, 2);
  ck_assert_int_eq (stray.status, 2);
}
END_TEST

START_TEST (test_init_twice)
{
  g_autofree char *db = tmp_path ("session.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  {
    g_auto(Run) first = cli ("--db", db, "init", "--year", "2026", "--deadline", "2026-09-30", NULL);

    ck_assert_msg (first.status == 0, "init failed: %s", first.err);
    ck_assert (g_file_test (db, G_FILE_TEST_IS_REGULAR));
  }

  before = qa_test_file_checksum (db);
  {
    g_auto(Run) second = cli ("--db", db, "init", "--year", "2028", NULL);

    ck_assert_int_eq (second.status, 1);
    ck_assert_msg (strstr (second.err, db) != NULL, "stderr: %s", second.err);
  }
  after = qa_test_file_checksum (db);
  ck_assert_str_eq (before, after);
}
END_TEST

START_TEST (test_init_default_database)
{
  g_autofree char *expected = g_build_filename (tmpdir, "data-home", "qareview", "qareview.db", NULL);
  g_auto(Run) run = cli ("init", NULL);

  ck_assert_msg (run.status == 0, "init failed: %s", run.err);
  ck_assert (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
}
END_TEST

START_TEST (test_init_refusals)
{
  g_autofree char *db = tmp_path ("refused.db");
  g_autofree char *profile = tmp_path ("even.xml");
  g_autofree char *ganzhou = NULL;
  g_autofree char *broken = NULL;
  g_autoptr(GString) edited = NULL;
  const char *source_dir = g_getenv ("QA_SOURCE_DIR");

  {
    g_auto(Run) run = cli ("--db", db, "init", "--year", "1999", NULL);
    ck_assert_int_eq (run.status, 1);
  }
  {
    g_auto(Run) run = cli ("--db", db, "init", "--deadline", "2026-02-30", NULL);
    ck_assert_int_eq (run.status, 1);
    ck_assert (strstr (run.err, "2026-02-30") != NULL);
  }
  {
    g_auto(Run) run = cli ("--db", db, "init", "--profile", "atlantis", NULL);
    ck_assert_int_eq (run.status, 1);
    ck_assert (strstr (run.err, "atlantis") != NULL);
  }

  /* A profile file whose panel minimum is even while the panel must be odd (Art. 11). */
  ganzhou = g_build_filename (source_dir, "data", "profiles", "ganzhou.xml", NULL);
  ck_assert (g_file_get_contents (ganzhou, &broken, NULL, NULL));
  edited = g_string_new (broken);
  ck_assert_uint_eq (g_string_replace (edited, "min-size=\"5\"", "min-size=\"4\"", 1), 1);
  ck_assert (g_file_set_contents (profile, edited->str, -1, NULL));
  {
    g_auto(Run) run = cli ("--db", db, "init", "--profile", profile, NULL);
    ck_assert_int_eq (run.status, 1);
    ck_assert_msg (strstr (run.err, "min-size") != NULL, "stderr: %s", run.err);
  }

  /* Nothing was created by any of the refusals. */
  {
    g_auto(Run) run = cli ("--db", db, "demo", NULL);
    g_auto(Run) again = cli ("--db", db, "init", NULL);

    ck_assert_int_eq (run.status, 0);
    ck_assert_int_eq (again.status, 1);
  }
}
END_TEST

START_TEST (test_demo)
{
  g_autofree char *db = tmp_path ("demo.db");

  {
    g_auto(Run) init = cli ("--db", db, "init", "--year", "2026", NULL);
    g_auto(Run) demo = cli ("--db", db, "demo", NULL);

    ck_assert_int_eq (init.status, 0);
    ck_assert_msg (demo.status == 0, "demo failed: %s", demo.err);
    ck_assert (strstr (demo.out, "9") != NULL);
  }

  {
    g_auto(Run) again = cli ("--db", db, "demo", NULL);

    ck_assert_int_eq (again.status, 1);
  }
}
END_TEST

START_TEST (test_roles)
{
  g_autofree char *db = tmp_path ("roles.db");
  g_auto(Run) supervisor = cli ("--db", db, "--role", "supervisor", "init", NULL);
  g_auto(Run) chair = cli ("--db", db, "--role=chair", "demo", NULL);
  g_auto(Run) reading = cli ("--role", "supervisor", "criteria", NULL);

  ck_assert_int_eq (supervisor.status, 1);
  ck_assert_int_eq (chair.status, 1);
  ck_assert (!g_file_test (db, G_FILE_TEST_EXISTS));
  ck_assert_int_eq (reading.status, 0);
}
END_TEST

START_TEST (test_criteria_csv)
{
  g_auto(Run) run = cli ("criteria", NULL);
  g_auto(Run) english = cli ("criteria", "--english", NULL);
  g_auto(GStrv) lines = NULL;
  guint total = 0, results = 0, n = 0;

  ck_assert_int_eq (run.status, 0);
  lines = g_strsplit (run.out, "\n", -1);
  ck_assert_str_eq (lines[0], "code,name,points,kind");
  ck_assert_str_eq (lines[1], "4.1.2,高层领导的作用,50,process");

  for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], ",", -1);

      ck_assert_uint_eq (g_strv_length (fields), 4);
      total += (guint)g_ascii_strtoull (fields[2], NULL, 10);
      if (strcmp (fields[3], "result") == 0)
        results += (guint)g_ascii_strtoull (fields[2], NULL, 10);
      else
        ck_assert_str_eq (fields[3], "process");
      n++;
    }
  ck_assert_uint_eq (n, 23);
  ck_assert_uint_eq (total, 1000);
  ck_assert_uint_eq (results, 400);

  ck_assert_int_eq (english.status, 0);
  ck_assert (strstr (english.out, "4.1.2,Role of senior leaders,50,process\n") != NULL);
  /* A name with a comma is quoted as RFC 4180 says. */
  ck_assert (strstr (english.out, "4.6.2,\"Measurement, analysis and review\",40,process\n") != NULL);
}
END_TEST

START_TEST (test_database_errors)
{
  g_autofree char *not_db = tmp_path ("minutes.txt");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  ck_assert (g_file_set_contents (not_db,
                                  "Minutes of the review committee's plenary meeting, "
                                  "not a database file at all.\n", -1, NULL));
  before = qa_test_file_checksum (not_db);
  {
    g_auto(Run) run = cli ("--db", not_db, "demo", NULL);

    ck_assert_int_eq (run.status, 3);
    ck_assert (strstr (run.err, not_db) != NULL);
  }
  after = qa_test_file_checksum (not_db);
  ck_assert_str_eq (before, after);
}
END_TEST

static char *
write_tmp (const char *name,
           const char *contents)
{
  char *path = tmp_path (name);

  ck_assert (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

#define CSV_HEADER "id,name,credit_code,district,legal_person,founded,accidents_3y,management_system,gbt19580,self_score\n"

START_TEST (test_import_and_eligibility)
{
  g_autofree char *db = tmp_path ("import.db");
  g_autofree char *good = write_tmp ("good.csv",
                                     CSV_HEADER
                                     "A01,张掖祁连乳业有限公司,91620702MA71QL2K0F,甘州区,yes,2010-05-01,no,yes,yes,612\n"
                                     "A02,甘州区黑河水务集团有限公司,91620702MA71HH8W38,甘州区,yes,2023-10-01,no,yes,yes,\n");
  g_autofree char *bad = write_tmp ("bad.csv",
                                    CSV_HEADER
                                    "A03,x,91620702MA74TL9N6X,甘州区,yes,2015-03-02,no,yes,yes,\n"
                                    "A04,y,91620702MA71JY3X5Q,Ganzhou,yes,2015-03-02,no,yes,yes,\n");

  {
    g_auto(Run) init = cli ("--db", db, "init", "--year", "2026", "--deadline", "2026-09-30", NULL);
    g_auto(Run) import = cli ("--db", db, "import", "applicants", good, NULL);

    ck_assert_int_eq (init.status, 0);
    ck_assert_msg (import.status == 0, "%s", import.err);
  }
  {
    g_auto(Run) refused = cli ("--db", db, "import", "applicants", bad, NULL);
    g_autofree char *line2 = g_strdup_printf ("%s:2: credit_code: ", bad);
    g_autofree char *line3 = g_strdup_printf ("%s:3: district: ", bad);

    ck_assert_int_eq (refused.status, 1);
    ck_assert_msg (strstr (refused.err, line2) != NULL, "%s", refused.err);
    ck_assert_msg (strstr (refused.err, line3) != NULL, "%s", refused.err);
  }
  {
    g_auto(Run) list = cli ("--db", db, "applicant", "list", NULL);

    ck_assert_int_eq (list.status, 0);
    ck_assert (strstr (list.out, "A03") == NULL);
    ck_assert (strstr (list.out, "A01,张掖祁连乳业有限公司,91620702MA71QL2K0F,甘州区,applied,unchecked\n") != NULL);
  }
  {
    g_auto(Run) judge = cli ("--db", db, "eligibility", "judge", "--applicant", "A01",
                             "--condition", "5", "--pass", "yes", "--note", "国内领先", NULL);
    g_auto(Run) wrong = cli ("--db", db, "eligibility", "judge", "--applicant", "A01",
                             "--condition", "1", "--pass", "yes", NULL);
    g_auto(Run) csv = cli ("--db", db, "eligibility", "--format", "csv", NULL);

    ck_assert_msg (judge.status == 0, "%s", judge.err);
    ck_assert_int_eq (wrong.status, 1);
    ck_assert_int_eq (csv.status, 0);
    ck_assert_msg (g_str_has_prefix (csv.out, "applicant_id,eligible,reasons\n"
                                              "A01,yes,\n"
                                              "A02,no,Art. 13(1): operating 2 years 11 months on 2026-09-30; 3 years required; "
                                              "Art. 13(5): awaits the secretariat’s judgement\n"),
                   "%s", csv.out);
  }
  {
    g_autofree char *pdf = tmp_path ("a02.pdf");
    g_auto(Run) notice = cli ("--db", db, "notice", "export", "--applicant", "A02", "--out", pdf, NULL);
    g_auto(Run) unknown = cli ("--db", db, "notice", "export", "--applicant", "A77", "--out", pdf, NULL);

    /* A02 is refused on the facts of Art. 13(1), so its notice can be written at once. */
    ck_assert_msg (notice.status == 0, "%s", notice.err);
    ck_assert_int_eq (unknown.status, 1);
    ck_assert (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  }
}
END_TEST

START_TEST (test_material_add)
{
  g_autofree char *db = tmp_path ("materials.db");
  g_autofree char *pdf = write_tmp ("自评报告.pdf", "%PDF-1.4 self-assessment");
  g_autofree char *missing = tmp_path ("missing.pdf");

  {
    g_auto(Run) demo = cli ("--db", db, "demo", NULL);
    g_auto(Run) add = cli ("--db", db, "material", "add", "--applicant", "A01",
                           "--kind", "self_assessment", "--trade-secret", pdf, NULL);

    ck_assert_int_eq (demo.status, 0);
    ck_assert_msg (add.status == 0, "%s", add.err);
    ck_assert (strstr (add.out, "自评报告.pdf") != NULL);
  }
  {
    g_auto(Run) unreadable = cli ("--db", db, "material", "add", "--applicant", "A01", missing, NULL);
    g_auto(Run) nobody = cli ("--db", db, "material", "add", "--applicant", "A99", pdf, NULL);
    g_auto(Run) kind = cli ("--db", db, "material", "add", "--applicant", "A01", "--kind", "poem", pdf, NULL);

    ck_assert_int_eq (unreadable.status, 1);
    ck_assert (strstr (unreadable.err, missing) != NULL);
    ck_assert_int_eq (nobody.status, 1);
    ck_assert_int_eq (kind.status, 2);
  }
}
END_TEST

static Suite *
cli_suite (void)
{
  Suite *suite = suite_create ("cli");
  TCase *tc = tcase_create ("cli");

  tcase_set_timeout (tc, 60);
  tcase_add_checked_fixture (tc, qa_test_setup_tmpdir, qa_test_teardown_tmpdir);
  tcase_add_test (tc, test_help_and_version);
  tcase_add_test (tc, test_usage_errors);
  tcase_add_test (tc, test_init_twice);
  tcase_add_test (tc, test_init_default_database);
  tcase_add_test (tc, test_init_refusals);
  tcase_add_test (tc, test_demo);
  tcase_add_test (tc, test_roles);
  tcase_add_test (tc, test_criteria_csv);
  tcase_add_test (tc, test_database_errors);
  tcase_add_test (tc, test_import_and_eligibility);
  tcase_add_test (tc, test_material_add);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return qa_test_run (cli_suite ());
}
