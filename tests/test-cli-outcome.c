/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The outcome verbs of qareview-cli, driven as an outside script would: the CSV columns and
 * statuses of the contract, the exit status of each refusal, the article it names. */

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

/* qareview-cli --db @db with the arguments (NULL-terminated). */
static Run
cli (const char *db,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  Run run = { 0, NULL, NULL };
  int wait_status = 0;
  va_list args;

  g_ptr_array_add (argv, (gpointer)g_getenv ("QAREVIEW_CLI"));
  g_ptr_array_add (argv, (gpointer)"--db");
  g_ptr_array_add (argv, (gpointer)db);
  va_start (args, db);
  for (const char *arg = va_arg (args, const char *); arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  ck_assert_msg (g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &run.out, &run.err, &wait_status, &error),
                 "cannot run qareview-cli: %s", error ? error->message : "");
  ck_assert_msg (WIFEXITED (wait_status), "qareview-cli died: %s", run.err);
  run.status = WEXITSTATUS (wait_status);
  return run;
}

#define ASSERT_RUN(run, expected) \
  ck_assert_msg ((run).status == (expected), "exit %d, expected %d: %s%s", (run).status, \
                 (expected), (run).out, (run).err)

START_TEST (test_outcome_verbs)
{
  g_autofree char *db = g_build_filename (tmpdir, "session.db", NULL);
  g_autofree char *number = NULL;

  {
    g_auto(Run) init = cli (db, "init", "--year", "2026", NULL);
    g_auto(Run) demo = cli (db, "demo", "--until", "site", NULL);

    ASSERT_RUN (init, 0);
    ASSERT_RUN (demo, 0);
  }
  {
    g_auto(Run) run = cli (db, "shortlist", "--format", "csv", NULL);

    ASSERT_RUN (run, 0);
    ck_assert (g_str_has_prefix (run.out, "rank,applicant_id,name,material_score,site_score,"
                                          "final_score,status\n"
                                          "1,A01,张掖祁连乳业有限公司,686.8,699.0,695.3,candidate\n"));
    ck_assert_ptr_nonnull (strstr (run.out, "\n4,A06,张掖七彩丹霞文化旅游发展有限公司,547.5,563.3,558.5,over_limit\n"));
    ck_assert_ptr_nonnull (strstr (run.out, "\n,A07,甘州区康源中医医院,355.5,,,not_site_reviewed\n"));
    ck_assert_ptr_nonnull (strstr (run.out, "\n,A03,张掖丝路农产品科技有限公司,,,,ineligible\n"));
  }
  {
    g_auto(Run) early = cli (db, "public-notice", "open", "--start", "2026-11-02", NULL);
    g_auto(Run) supervisor = cli (db, "--role", "supervisor", "shortlist", "confirm", "--date",
                                  "2026-10-30", NULL);
    g_auto(Run) no_date = cli (db, "shortlist", "confirm", NULL);

    ASSERT_RUN (early, 1);
    ck_assert_ptr_nonnull (strstr (early.err, "Art. 16(6)"));
    ASSERT_RUN (supervisor, 1);
    ASSERT_RUN (no_date, 2);
  }
  {
    g_auto(Run) confirm = cli (db, "shortlist", "confirm", "--date", "2026-10-30", NULL);
    g_auto(Run) open = cli (db, "public-notice", "open", "--start", "2026-11-02", NULL);

    ASSERT_RUN (confirm, 0);
    ASSERT_RUN (open, 0);
    ck_assert_str_eq (open.out, "2026-11-02 2026-11-08\n");
  }
  {
    g_auto(Run) anonymous = cli (db, "objection", "add", "--applicant", "A02", "--objector", "",
                                 "--contact", "123", "--received", "2026-11-03", "--grounds", "x",
                                 NULL);
    g_auto(Run) late = cli (db, "objection", "add", "--applicant", "A02", "--objector", "王强",
                            "--contact", "123", "--received", "2026-11-09", "--grounds", "x", NULL);
    g_auto(Run) not_candidate = cli (db, "objection", "add", "--applicant", "A06", "--objector",
                                     "王强", "--contact", "123", "--received", "2026-11-03",
                                     "--grounds", "x", NULL);
    g_auto(Run) ok = cli (db, "objection", "add", "--applicant", "A02", "--objector", "王强",
                          "--contact", "13909360001", "--received", "2026-11-03", "--grounds",
                          "数据不实", NULL);
    g_auto(Run) list = cli (db, "objection", "list", "--format", "csv", NULL);

    ASSERT_RUN (anonymous, 1);
    ck_assert_ptr_nonnull (strstr (anonymous.err, "Art. 16(6)"));
    ASSERT_RUN (late, 1);
    ck_assert_ptr_nonnull (strstr (late.err, "Art. 16(6)"));
    ASSERT_RUN (not_candidate, 1);
    ck_assert_ptr_nonnull (strstr (not_candidate.err, "Art. 16(6)"));
    ASSERT_RUN (ok, 0);
    ck_assert_str_eq (ok.out, "1\n");
    ASSERT_RUN (list, 0);
    ck_assert_str_eq (list.out, "id,applicant_id,objector,received,status\n"
                                "1,A02,王强,2026-11-03,received\n");
  }
  {
    g_auto(Run) undecided = cli (db, "award", "approve", "--date", "2026-11-20", NULL);
    g_auto(Run) decide = cli (db, "objection", "decide", "--id", "1", "--outcome", "dismissed",
                              "--reason", "经复核不成立", NULL);
    g_auto(Run) in_period = cli (db, "award", "approve", "--date", "2026-11-08", NULL);
    g_auto(Run) approve = cli (db, "award", "approve", "--date", "2026-11-20", NULL);
    g_auto(Run) list = cli (db, "award", "list", "--format", "csv", "--date", "2026-12-01", NULL);

    ASSERT_RUN (undecided, 1);
    ck_assert_ptr_nonnull (strstr (undecided.err, "not decided"));
    ASSERT_RUN (decide, 0);
    ASSERT_RUN (in_period, 1);
    ck_assert_ptr_nonnull (strstr (in_period.err, "2026-11-08"));
    ASSERT_RUN (approve, 0);
    ASSERT_RUN (list, 0);
    ck_assert (g_str_has_prefix (list.out, "certificate_number,applicant_id,name,approved_on,"
                                           "valid_until,status\nGANZHOU-2026-A01-"));
    ck_assert_ptr_nonnull (strstr (list.out, ",A01,张掖祁连乳业有限公司,2026-11-20,2031-11-19,valid\n"));
    number = g_strndup (list.out + strlen ("certificate_number,applicant_id,name,approved_on,"
                                           "valid_until,status\n"),
                        strlen ("GANZHOU-2026-A01-X"));
  }
  {
    g_autofree char *wrong = g_strdup (number);
    g_auto(Run) verify = cli (db, "award", "verify", number, NULL);
    g_auto(Run) bad = { 0, NULL, NULL };

    wrong[strlen (wrong) - 1] = wrong[strlen (wrong) - 1] == '0' ? '1' : '0';
    bad = cli (db, "award", "verify", wrong, NULL);
    ASSERT_RUN (verify, 0);
    ck_assert_ptr_nonnull (strstr (verify.out, "A01"));
    ck_assert_ptr_nonnull (strstr (verify.out, "valid"));
    ASSERT_RUN (bad, 1);
    ck_assert_ptr_nonnull (strstr (bad.err, "Art. 22"));
  }
}
END_TEST

/* Every verb that writes a file refuses to replace another session without --force, leaving it
 * as it was, and replaces it with --force; revoke checks its announcement's target before it
 * records anything. */
START_TEST (test_force_on_exports)
{
  g_autofree char *db = g_build_filename (tmpdir, "session.db", NULL);
  g_autofree char *other = g_build_filename (tmpdir, "other.db", NULL);
  g_autofree char *other_bytes = NULL;
  gsize other_length = 0;
  static const char * const exports[][9] = {
    { "shortlist", "--format", "xlsx", NULL },
    { "shortlist", "report", NULL },
    { "totals", "export", "--stage", "material", "--format", "xlsx", NULL },
    { "objection", "list", "--format", "csv", NULL },
    { "award", "list", "--format", "pdf", NULL },
    { "award", "certificate", "--applicant", "A01", NULL },
    { "public-notice", "export", NULL },
    { "consensus", "export", "--stage", "site", "--format", "pdf", NULL },
    { "consensus", "export", "--stage", "site", "--format", "csv", NULL },
    { "feedback", "export", "--applicant", "A07", "--stage", "material", NULL },
  };

  {
    g_auto(Run) init = cli (db, "init", "--year", "2026", NULL);
    g_auto(Run) demo = cli (db, "demo", "--until", "award", NULL);
    g_auto(Run) other_init = cli (other, "init", "--year", "2026", NULL);

    ASSERT_RUN (init, 0);
    ASSERT_RUN (demo, 0);
    ASSERT_RUN (other_init, 0);
    ck_assert (g_file_get_contents (other, &other_bytes, &other_length, NULL));
  }

  for (guint e = 0; e < G_N_ELEMENTS (exports); e++)
    {
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_autofree char *after = NULL;
      gsize after_length = 0;

      g_ptr_array_add (argv, (gpointer)g_getenv ("QAREVIEW_CLI"));
      g_ptr_array_add (argv, (gpointer)"--db");
      g_ptr_array_add (argv, db);
      for (guint a = 0; exports[e][a] != NULL; a++)
        g_ptr_array_add (argv, (gpointer)exports[e][a]);
      g_ptr_array_add (argv, (gpointer)"--out");
      g_ptr_array_add (argv, other);
      for (guint k = 0; k < 2; k++)
        {
          g_autofree char *out = NULL;
          g_autofree char *err = NULL;
          int wait_status = 0;

          if (k == 1)
            g_ptr_array_add (argv, (gpointer)"--force");
          g_ptr_array_add (argv, NULL);
          ck_assert (g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                   &out, &err, &wait_status, NULL));
          g_ptr_array_remove_index (argv, argv->len - 1);
          ck_assert_msg (WIFEXITED (wait_status) && WEXITSTATUS (wait_status) == (k == 0 ? 1 : 0),
                         "%s%s: exit %d: %s", exports[e][0], k == 1 ? " --force" : "",
                         WEXITSTATUS (wait_status), err);
          ck_assert (g_file_get_contents (other, &after, &after_length, NULL));
          if (k == 0)
            {
              ck_assert_msg (strstr (err, "--force") != NULL, "%s", err);
              /* Refused: the other session is as it was. */
              ck_assert (after_length == other_length && memcmp (after, other_bytes, other_length) == 0);
            }
          else
            ck_assert_msg (after_length != other_length || memcmp (after, other_bytes, other_length) != 0,
                           "%s --force did not replace the file", exports[e][0]);
          g_clear_pointer (&after, g_free);
        }
      ck_assert (g_file_set_contents (other, other_bytes, (gssize)other_length, NULL));
    }

  {
    g_auto(Run) refused = cli (db, "award", "revoke", "--applicant", "A01", "--date", "2027-03-01",
                               "--reason", "伪造检测报告", "--announcement", other, NULL);
    g_auto(Run) still = cli (db, "award", "list", "--format", "csv", NULL);

    ASSERT_RUN (refused, 1);
    ck_assert_ptr_nonnull (strstr (refused.err, "--force"));
    ck_assert_msg (strstr (still.out, ",A01,") != NULL && strstr (still.out, "revoked") == NULL, "%s", still.out);
  }
  {
    g_auto(Run) revoked = cli (db, "award", "revoke", "--applicant", "A01", "--date", "2027-03-01",
                               "--reason", "伪造检测报告", "--announcement", other, "--force", NULL);
    g_auto(Run) inspect = cli (db, "award", "inspect", "--applicant", "A02", "--date", "2027-03-02",
                               "--findings", "x", "--force", NULL);
    g_autofree char *pdf = NULL;

    ASSERT_RUN (revoked, 0);
    ck_assert (g_file_get_contents (other, &pdf, NULL, NULL));
    ck_assert (g_str_has_prefix (pdf, "%PDF"));
    /* --force belongs to revoke only. */
    ASSERT_RUN (inspect, 2);
  }
}
END_TEST

START_TEST (test_gansu_and_help)
{
  g_autofree char *db = g_build_filename (tmpdir, "gansu.db", NULL);
  g_auto(Run) init = cli (db, "init", "--profile", "gansu", "--year", "2026", NULL);
  g_auto(Run) help = cli (db, "--help", NULL);
  g_auto(Run) bogus = cli (db, "demo", "--until", "nowhere", NULL);
  static const char * const verbs[] = {
    "shortlist confirm", "public-notice open", "public-notice export", "objection add",
    "objection decide", "objection list", "award approve", "award list", "award verify",
    "award report", "award inspect", "award accident", "award revoke", "award review",
    "demo [--until",
  };

  ASSERT_RUN (init, 0);
  ck_assert_ptr_nonnull (strstr (init.out, "Gansu Provincial People's Government Quality Award"));
  ASSERT_RUN (help, 0);
  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    ck_assert_msg (strstr (help.out, verbs[i]) != NULL, "--help does not list %s", verbs[i]);
  ASSERT_RUN (bogus, 2);
}
END_TEST

static Suite *
cli_outcome_suite (void)
{
  Suite *suite = suite_create ("cli-outcome");
  TCase *tc = tcase_create ("outcome");

  tcase_set_timeout (tc, 120);
  tcase_add_checked_fixture (tc, qa_test_setup_tmpdir, qa_test_teardown_tmpdir);
  tcase_add_test (tc, test_outcome_verbs);
  tcase_add_test (tc, test_gansu_and_help);
  tcase_add_test (tc, test_force_on_exports);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return qa_test_run (cli_outcome_suite ());
}
