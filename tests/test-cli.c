/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Drives the real qareview-cli binary as an outside script would, holding it to the contract of
 * docs/cli.md: verbs, output and exit status. */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "qa-database-private.h"
#include <sqlite3.h>

#include "qa-test.h"
#include "qa-test-cli.h"

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
    ck_assert_msg (strstr (demo.out, "12") != NULL, "%s", demo.out);
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


/* What the expert and panel verbs write, read straight from the file, to prove a refusal
 * changed nothing. */
static char *
db_snapshot (const char *path)
{
  g_autoptr(QaDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  db = qa_database_open (path, &error);
  ck_assert_msg (db != NULL, "%s", error ? error->message : "");
  stmt = _qa_database_prepare (db,
                               "SELECT coalesce((SELECT group_concat(id || name || experience_years || status || coalesce(status_reason, ''), '|') FROM expert), '') "
                               "|| ':' || coalesce((SELECT group_concat(expert_id || applicant_id || kind || source, '|') FROM conflict), '') "
                               "|| ':' || coalesce((SELECT group_concat(expert_id || declared_at, '|') FROM declaration), '') "
                               "|| ':' || coalesce((SELECT group_concat(expert_id || employer || left_on, '|') FROM expert_former_employer), '') "
                               "|| ':' || coalesce((SELECT group_concat(stage || chair_id || formed_at, '|') FROM panel), '') "
                               "|| ':' || coalesce((SELECT group_concat(stage || expert_id || role, '|') FROM panel_member), '') "
                               "|| ':' || coalesce((SELECT group_concat(stage || expert_id || applicant_id, '|') FROM assignment), '') "
                               "|| ':' || coalesce((SELECT group_concat(stage || applicant_id, '|') FROM stage_applicant), '') "
                               "|| ':' || coalesce((SELECT group_concat(id || status, '|') FROM applicant), '') "
                               "|| ':' || (SELECT count(*) FROM panel_draw)",
                               &error);
  ck_assert_msg (stmt != NULL, "%s", error ? error->message : "");
  ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
  return g_strdup ((const char *)sqlite3_column_text (stmt, 0));
}

/* The demo session with condition 5 of Art. 13 judged for every applicant, so that A01, A02,
 * A04, A06 and A07 are eligible for material review. */
static char *
eligible_demo (const char *name)
{
  char *db = tmp_path (name);
  g_auto(Run) init = cli ("--db", db, "init", "--year", "2026", "--deadline", "2026-09-30", NULL);
  g_auto(Run) demo = cli ("--db", db, "demo", NULL);

  ck_assert_msg (init.status == 0, "%s", init.err);
  ck_assert_msg (demo.status == 0, "%s", demo.err);
  for (guint i = 1; i <= 8; i++)
    {
      g_autofree char *id = g_strdup_printf ("A%02u", i);
      g_auto(Run) judge = cli ("--db", db, "eligibility", "judge", "--applicant", id,
                               "--condition", "5", "--pass", "yes", NULL);

      ck_assert_msg (judge.status == 0, "%s", judge.err);
    }
  return db;
}

START_TEST (test_import_experts_and_conflicts)
{
  g_autofree char *db = eligible_demo ("experts.db");
  g_autofree char *experts = write_tmp ("experts.csv",
                                        "id,name,employer,experience_years,trained,ethics,specialty\n"
                                        "E20,马国栋,张掖市发展和改革委员会,12,是,是,战略管理\n"
                                        "E21,高峰,张掖祁连乳业有限公司,9,yes,yes,\n");
  g_autofree char *bad_experts = write_tmp ("bad-experts.csv",
                                            "id,name,employer,experience_years,trained,ethics,specialty\n"
                                            "E22,甲,单位,many,yes,yes,\n"
                                            "E23,乙,单位,10,yes,yes,\n"
                                            "E01,丙,单位,10,perhaps,yes,\n");
  g_autofree char *conflicts = write_tmp ("conflicts.csv",
                                          "expert_id,applicant_id,reason\n"
                                          "E20,A07,配偶在该医院任职\n");
  g_autofree char *bad_conflicts = write_tmp ("bad-conflicts.csv",
                                              "expert_id,applicant_id,reason\n"
                                              "E20,A01,x\n"
                                              "E77,A01,x\n"
                                              "E20,A77,x\n");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  {
    g_auto(Run) run = cli ("--db", db, "import", "experts", experts, NULL);

    ck_assert_msg (run.status == 0, "%s", run.err);
    ck_assert (strstr (run.out, "2") != NULL);
  }

  before = db_snapshot (db);
  {
    g_auto(Run) run = cli ("--db", db, "import", "experts", bad_experts, NULL);
    g_autofree char *line2 = g_strdup_printf ("%s:2: experience_years: ", bad_experts);
    g_autofree char *line3 = g_strdup_printf ("%s:3:", bad_experts);
    g_autofree char *line4_id = g_strdup_printf ("%s:4: id: expert E01 is already in the pool", bad_experts);
    g_autofree char *line4_trained = g_strdup_printf ("%s:4: trained: ", bad_experts);

    ck_assert_int_eq (run.status, 1);
    ck_assert_msg (strstr (run.err, line2) != NULL, "%s", run.err);
    ck_assert_msg (strstr (run.err, line4_id) != NULL, "%s", run.err);
    ck_assert_msg (strstr (run.err, line4_trained) != NULL, "%s", run.err);
    ck_assert_msg (strstr (run.err, line3) == NULL, "%s", run.err);
  }
  {
    g_auto(Run) run = cli ("--db", db, "import", "conflicts", bad_conflicts, NULL);
    g_autofree char *line3 = g_strdup_printf ("%s:3: expert_id: there is no expert “E77” in the pool", bad_conflicts);
    g_autofree char *line4 = g_strdup_printf ("%s:4: applicant_id: there is no applicant “A77” in this session", bad_conflicts);

    ck_assert_int_eq (run.status, 1);
    ck_assert_msg (strstr (run.err, line3) != NULL, "%s", run.err);
    ck_assert_msg (strstr (run.err, line4) != NULL, "%s", run.err);
  }
  {
    g_auto(Run) missing = cli ("--db", db, "import", "experts", "/nonexistent/experts.csv", NULL);
    g_auto(Run) kind = cli ("--db", db, "import", "panels", experts, NULL);
    g_auto(Run) chair = cli ("--db", db, "--role", "chair", "import", "experts", experts, NULL);

    ck_assert_int_eq (missing.status, 1);
    ck_assert_int_eq (kind.status, 2);
    ck_assert_int_eq (chair.status, 1);
  }
  after = db_snapshot (db);
  ck_assert_str_eq (before, after);

  {
    g_auto(Run) run = cli ("--db", db, "import", "conflicts", conflicts, NULL);
    g_auto(Run) list = cli ("--db", db, "--role", "supervisor", "conflict", "list", NULL);

    ck_assert_msg (run.status == 0, "%s", run.err);
    ck_assert_int_eq (list.status, 0);
    ck_assert (g_str_has_prefix (list.out, "expert_id,applicant_id,kind,source,reason\n"));
    ck_assert (strstr (list.out, "E20,A07,other,declared,配偶在该医院任职\n") != NULL);
    /* Found without a row: E21 works for A01, E04 for A02. */
    ck_assert (strstr (list.out, "E21,A01,employer,automatic,") != NULL);
    ck_assert (strstr (list.out, "E04,A02,employer,automatic,") != NULL);
  }
  {
    g_auto(Run) add = cli ("--db", db, "conflict", "add", "--expert", "E05", "--applicant", "A06",
                           "--kind", "competitor", "--note", "任职于同业竞争企业", NULL);
    g_auto(Run) again = cli ("--db", db, "conflict", "add", "--expert", "E05", "--applicant", "A06",
                             "--kind", "competitor", NULL);
    g_auto(Run) bad_kind = cli ("--db", db, "conflict", "add", "--expert", "E05", "--applicant", "A06",
                                "--kind", "friend", NULL);
    g_auto(Run) list = cli ("--db", db, "conflict", "list", NULL);

    ck_assert_msg (add.status == 0, "%s", add.err);
    ck_assert_int_eq (again.status, 1);
    ck_assert_int_eq (bad_kind.status, 2);
    ck_assert (strstr (list.out, "E05,A06,competitor,secretariat,任职于同业竞争企业\n") != NULL);
  }
}
END_TEST

START_TEST (test_expert_declare_and_penalties)
{
  g_autofree char *db = eligible_demo ("penalties.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  {
    g_auto(Run) declare = cli ("--db", db, "expert", "declare", "--expert", "E09", NULL);
    g_auto(Run) unknown = cli ("--db", db, "expert", "declare", "--expert", "E99", NULL);
    g_auto(Run) missing = cli ("--db", db, "expert", "declare", NULL);
    g_auto(Run) supervisor = cli ("--db", db, "--role", "supervisor", "expert", "declare",
                                  "--expert", "E09", NULL);

    ck_assert_msg (declare.status == 0, "%s", declare.err);
    ck_assert (strstr (declare.out, "E09 周海燕") != NULL);
    ck_assert_int_eq (unknown.status, 1);
    ck_assert (strstr (unknown.err, "E99") != NULL);
    ck_assert_int_eq (missing.status, 2);
    ck_assert_int_eq (supervisor.status, 1);
  }

  before = db_snapshot (db);
  {
    g_auto(Run) no_reason = cli ("--db", db, "expert", "suspend", "--expert", "E05", NULL);
    g_auto(Run) blank = cli ("--db", db, "expert", "suspend", "--expert", "E05", "--reason", " ", NULL);
    g_auto(Run) chair = cli ("--db", db, "--role", "chair", "expert", "disqualify", "--expert", "E05",
                             "--reason", "x", NULL);
    g_auto(Run) unknown = cli ("--db", db, "expert", "fire", "--expert", "E05", NULL);

    ck_assert_int_eq (no_reason.status, 2);
    ck_assert_int_eq (blank.status, 1);
    ck_assert (strstr (blank.err, "Art. 23 (penalties)") != NULL);
    ck_assert_int_eq (chair.status, 1);
    ck_assert_int_eq (unknown.status, 2);
  }
  after = db_snapshot (db);
  ck_assert_str_eq (before, after);

  {
    g_auto(Run) suspend = cli ("--db", db, "expert", "suspend", "--expert", "E05",
                               "--reason", "接受调查期间暂停评审", NULL);
    g_auto(Run) disqualify = cli ("--db", db, "expert", "disqualify", "--expert", "E06",
                                  "--reason", "泄露申报单位商业秘密", NULL);
    g_auto(Run) reinstate = cli ("--db", db, "expert", "reinstate", "--expert", "E06",
                                 "--reason", "x", NULL);
    g_auto(Run) list = cli ("--db", db, "expert", "list", NULL);

    ck_assert_msg (suspend.status == 0, "%s", suspend.err);
    ck_assert_msg (disqualify.status == 0, "%s", disqualify.err);
    ck_assert_int_eq (reinstate.status, 1);
    ck_assert (g_str_has_prefix (list.out, "id,name,employer,experience_years,trained,ethics,declared,status,status_reason\n"));
    ck_assert (strstr (list.out, "E05,陈立军,兰州理工大学,11,yes,yes,yes,suspended,接受调查期间暂停评审\n") != NULL);
    ck_assert (strstr (list.out, "E06,杨雪梅,张掖市产品质量检验检测中心,13,yes,yes,yes,disqualified,泄露申报单位商业秘密\n") != NULL);
    ck_assert (strstr (list.out, "E09,周海燕,甘肃省卓越绩效促进会,9,no,yes,yes,active,\n") != NULL);
  }
  {
    /* Neither can be placed now. */
    g_auto(Run) run = cli ("--db", db, "panel", "set", "--stage", "material", "--chair", "E01",
                           "--members", "E01,E02,E03,E05,E06", NULL);

    ck_assert_int_eq (run.status, 1);
    ck_assert (strstr (run.err, "Art. 23 (penalties): 陈立军 (E05) is suspended since ") != NULL);
    ck_assert (strstr (run.err, "Art. 23 (penalties): 杨雪梅 (E06) was disqualified on ") != NULL);
  }
}
END_TEST

START_TEST (test_panel_set_and_show)
{
  g_autofree char *db = eligible_demo ("panel.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  before = db_snapshot (db);
  {
    g_auto(Run) run = cli ("--db", db, "panel", "set", "--stage", "material", "--chair", "E09",
                           "--members", "E01,E02,E08,E09", NULL);

    ck_assert_int_eq (run.status, 1);
    ck_assert_msg (strstr (run.err, "The material review panel cannot be formed:\n") != NULL, "%s", run.err);
    ck_assert (strstr (run.err, "Art. 11: the panel has 4 members; at least 5 and an odd number are required\n") != NULL);
    ck_assert (strstr (run.err, "Art. 11(3): 孙立 (E08) has 4 years of experience; 5 required\n") != NULL);
    ck_assert (strstr (run.err, "Art. 11(4): 周海燕 (E09)") != NULL);
    ck_assert (strstr (run.err, "Art. 23 (confidentiality): 周海燕 (E09)") != NULL);
    ck_assert (strstr (run.err, "(A06) would be scored by 3 experts after the recusal of 李秀兰 (E02)") != NULL);
    ck_assert_str_eq (run.out, "");
  }
  {
    g_auto(Run) too_few = cli ("--db", db, "panel", "set", "--stage", "material", "--chair", "E01",
                               "--members", "E01,E02,E03,E05,E06", NULL);
    g_auto(Run) stage = cli ("--db", db, "panel", "set", "--stage", "award", "--chair", "E01",
                             "--members", "E01,E02,E03,E05,E06", NULL);
    g_auto(Run) empty = cli ("--db", db, "panel", "set", "--stage", "material", "--chair", "E01",
                             "--members", "E01,,E03", NULL);
    g_auto(Run) no_members = cli ("--db", db, "panel", "set", "--stage", "material", "--chair", "E01", NULL);
    g_auto(Run) show = cli ("--db", db, "panel", "show", "--stage", "material", NULL);
    g_auto(Run) no_action = cli ("--db", db, "panel", NULL);

    ck_assert_int_eq (too_few.status, 1);
    ck_assert (strstr (too_few.err, "张掖七彩丹霞文化旅游发展有限公司 (A06) would be scored by 4 experts after the recusal of 李秀兰 (E02); 5 required") != NULL);
    ck_assert_int_eq (stage.status, 2);
    ck_assert_int_eq (empty.status, 2);
    ck_assert_int_eq (no_members.status, 2);
    ck_assert_int_eq (show.status, 1);
    ck_assert (strstr (show.err, "has not been formed") != NULL);
    ck_assert_int_eq (no_action.status, 2);
  }
  after = db_snapshot (db);
  ck_assert_str_eq (before, after);

  {
    g_auto(Run) run = cli ("--db", db, "panel", "set", "--stage", "material", "--chair", "E03",
                           "--members", "E01,E02,E03,E04,E05,E06,E07", NULL);
    g_auto(Run) show = cli ("--db", db, "--role", "supervisor", "panel", "show", "--stage", "material", NULL);

    ck_assert_msg (run.status == 0, "%s", run.err);
    ck_assert_int_eq (show.status, 0);
    ck_assert_str_eq (run.out, show.out);
    ck_assert_msg (strstr (show.out, "\nChair: E03 张明\n") != NULL, "%s", show.out);
    ck_assert (strstr (show.out, "Members: E01 王建国, E02 李秀兰, E03 张明, E04 刘芳, E05 陈立军, E06 杨雪梅, E07 赵永福\n") != NULL);
    ck_assert (strstr (show.out, "Alternates: none\n") != NULL);
    ck_assert (strstr (show.out, "  A01 张掖祁连乳业有限公司 (7): E01, E02, E03, E04, E05, E06, E07\n") != NULL);
    ck_assert (strstr (show.out, "  A02 甘州区黑河水务集团有限公司 (6): E01, E02, E03, E05, E06, E07; recused: E04\n") != NULL);
    ck_assert (strstr (show.out, "  A04 甘州区金张掖玉米种业股份有限公司 (6): E01, E02, E03, E04, E05, E06; recused: E07\n") != NULL);
    ck_assert (strstr (show.out, "A03") == NULL);
    ck_assert (strstr (show.out, "Problems") == NULL);
  }
  {
    g_auto(Run) list = cli ("--db", db, "applicant", "list", NULL);

    ck_assert (strstr (list.out, "A01,张掖祁连乳业有限公司,91620702MA71QL2K0F,甘州区,material,eligible\n") != NULL);
  }
}
END_TEST

START_TEST (test_panel_draw)
{
  g_autofree char *first = eligible_demo ("draw-1.db");
  g_autofree char *second = eligible_demo ("draw-2.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  before = db_snapshot (first);
  {
    g_auto(Run) eleven = cli ("--db", first, "panel", "draw", "--stage", "material", "--size", "11",
                              "--seed", "42", NULL);
    g_auto(Run) even = cli ("--db", first, "panel", "draw", "--stage", "material", "--size", "6",
                            "--seed", "42", NULL);
    g_auto(Run) no_seed = cli ("--db", first, "panel", "draw", "--stage", "material", "--size", "5", NULL);
    g_auto(Run) bad_seed = cli ("--db", first, "panel", "draw", "--stage", "material", "--size", "5",
                                "--seed", "-1", NULL);
    g_auto(Run) chair = cli ("--db", first, "--role", "chair", "panel", "draw", "--stage", "material",
                             "--size", "7", "--seed", "42", NULL);

    /* Ten may serve: eleven members cannot be drawn. */
    ck_assert_int_eq (eleven.status, 1);
    ck_assert_msg (strstr (eleven.err, "10 can be drawn as members (11 asked for)") != NULL, "%s", eleven.err);
    ck_assert_int_eq (even.status, 1);
    ck_assert (strstr (even.err, "Art. 11: the panel has 6 members") != NULL);
    ck_assert_int_eq (no_seed.status, 2);
    ck_assert_int_eq (bad_seed.status, 2);
    ck_assert_int_eq (chair.status, 1);
  }
  after = db_snapshot (first);
  ck_assert_str_eq (before, after);

  {
    g_auto(Run) a = cli ("--db", first, "panel", "draw", "--stage", "material", "--size", "7",
                         "--seed", "20261125", NULL);
    g_auto(Run) b = cli ("--db", second, "panel", "draw", "--stage", "material", "--size", "7",
                         "--seed", "20261125", NULL);
    g_auto(GStrv) a_lines = NULL;
    g_auto(GStrv) b_lines = NULL;

    ck_assert_msg (a.status == 0, "%s", a.err);
    ck_assert_msg (b.status == 0, "%s", b.err);
    a_lines = g_strsplit (a.out, "\n", -1);
    b_lines = g_strsplit (b.out, "\n", -1);
    /* The same seed, the same draw, the same chair and members. */
    ck_assert (g_str_has_prefix (a_lines[0], "Drawn with seed 20261125 from 10 experts who may serve: members "));
    ck_assert_str_eq (a_lines[0], b_lines[0]);
    ck_assert_str_eq (a_lines[2], b_lines[2]);
    ck_assert_str_eq (a_lines[3], b_lines[3]);
    ck_assert (g_str_has_prefix (a_lines[2], "Chair: "));
  }
}
END_TEST

/* The demo as shipped allows a real draw of five and an alternate. */
START_TEST (test_panel_draw_demo_five_and_one)
{
  g_autofree char *db = eligible_demo ("draw-5.db");
  g_auto(Run) run = cli ("--db", db, "panel", "draw", "--stage", "material", "--size", "5",
                         "--alternates", "1", "--seed", "7", NULL);

  ck_assert_msg (run.status == 0, "%s", run.err);
  ck_assert_msg (g_str_has_prefix (run.out, "Drawn with seed 7 from 10 experts who may serve: members "),
                 "%s", run.out);
  ck_assert (strstr (run.out, "the draw chose nobody") == NULL);
}
END_TEST

START_TEST (test_expert_edit_and_train)
{
  g_autofree char *db = tmp_path ("edit.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  {
    g_auto(Run) init = cli ("--db", db, "init", "--year", "2026", NULL);
    g_auto(Run) demo = cli ("--db", db, "demo", NULL);

    ck_assert_int_eq (init.status, 0);
    ck_assert_int_eq (demo.status, 0);
  }

  before = db_snapshot (db);
  {
    g_auto(Run) usage = cli ("--db", db, "expert", "edit", "--expert", "E08", NULL);
    g_auto(Run) bad_years = cli ("--db", db, "expert", "edit", "--expert", "E08", "--experience", "many", NULL);
    g_auto(Run) unknown = cli ("--db", db, "expert", "edit", "--expert", "E99", "--experience", "6", NULL);
    g_auto(Run) no_course = cli ("--db", db, "expert", "train", "--expert", "E09", NULL);
    g_auto(Run) bad_date = cli ("--db", db, "expert", "train", "--expert", "E09", "--course", "培训",
                                "--date", "2026-13-01", NULL);
    g_auto(Run) supervisor = cli ("--db", db, "--role", "supervisor", "expert", "train", "--expert", "E09",
                                  "--course", "培训", NULL);

    ck_assert_int_eq (usage.status, 2);
    ck_assert_int_eq (bad_years.status, 2);
    ck_assert_int_eq (unknown.status, 1);
    ck_assert_int_eq (no_course.status, 2);
    ck_assert_int_eq (bad_date.status, 1);
    ck_assert_msg (strstr (bad_date.err, "2026-13-01") != NULL, "%s", bad_date.err);
    ck_assert_int_eq (supervisor.status, 1);
  }
  after = db_snapshot (db);
  ck_assert_str_eq (before, after);

  {
    g_auto(Run) edit = cli ("--db", db, "expert", "edit", "--expert", "E08", "--experience", "5",
                            "--title", "高级工程师", NULL);
    g_auto(Run) train = cli ("--db", db, "expert", "train", "--expert", "E09", "--course",
                             "甘肃省卓越绩效评价师培训班", "--date", "2026-03-15", NULL);
    g_auto(Run) list = cli ("--db", db, "expert", "list", NULL);

    ck_assert_msg (edit.status == 0, "%s", edit.err);
    ck_assert_msg (strstr (edit.out, "E08 孙立: 张掖市市场监督管理局, 高级工程师, 5 years of experience, trained") != NULL,
                   "%s", edit.out);
    ck_assert_msg (train.status == 0, "%s", train.err);
    ck_assert_msg (strstr (train.out, "E09 周海燕:") != NULL && strstr (train.out, ", trained\n") != NULL,
                   "%s", train.out);
    ck_assert_msg (strstr (list.out, "\nE08,孙立,张掖市市场监督管理局,5,") != NULL, "%s", list.out);
  }
}
END_TEST

/* A former employer with its day: a tie while the profile's 3 years last (回避); every refusal
 * names its field and changes nothing. */
START_TEST (test_expert_former_employer)
{
  g_autofree char *db = tmp_path ("former.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_setenv ("QAREVIEW_TODAY", "2026-06-15", TRUE);
  {
    g_auto(Run) init = cli ("--db", db, "init", "--year", "2026", NULL);
    g_auto(Run) demo = cli ("--db", db, "demo", NULL);

    ck_assert_int_eq (init.status, 0);
    ck_assert_int_eq (demo.status, 0);
  }

  before = db_snapshot (db);
  {
    g_auto(Run) usage = cli ("--db", db, "expert", "former-add", "--expert", "E01", NULL);
    g_auto(Run) empty = cli ("--db", db, "expert", "former-add", "--expert", "E01", "--employer", " ",
                             "--left", "2025-01-02", NULL);
    g_auto(Run) bad_date = cli ("--db", db, "expert", "former-add", "--expert", "E01", "--employer",
                                "张掖祁连乳业有限公司", "--left", "2025-1-2", NULL);
    g_auto(Run) future = cli ("--db", db, "expert", "former-add", "--expert", "E01", "--employer",
                              "张掖祁连乳业有限公司", "--left", "2026-06-16", NULL);
    g_auto(Run) unknown = cli ("--db", db, "expert", "former-add", "--expert", "E99", "--employer",
                               "张掖祁连乳业有限公司", "--left", "2025-01-02", NULL);
    g_auto(Run) missing = cli ("--db", db, "expert", "former-remove", "--expert", "E01", "--employer",
                               "张掖祁连乳业有限公司", "--left", "2025-01-02", NULL);
    g_auto(Run) supervisor = cli ("--db", db, "--role", "supervisor", "expert", "former-add", "--expert",
                                  "E01", "--employer", "张掖祁连乳业有限公司", "--left", "2025-01-02", NULL);

    ck_assert_int_eq (usage.status, 2);
    ck_assert_int_eq (empty.status, 1);
    ck_assert_msg (strstr (empty.err, "former employer: may not be empty") != NULL, "%s", empty.err);
    ck_assert_int_eq (bad_date.status, 1);
    ck_assert_msg (strstr (bad_date.err, "date left: “2025-1-2”") != NULL, "%s", bad_date.err);
    ck_assert_int_eq (future.status, 1);
    ck_assert_msg (strstr (future.err, "date left: 2026-06-16 is in the future") != NULL, "%s", future.err);
    ck_assert_int_eq (unknown.status, 1);
    ck_assert_int_eq (missing.status, 1);
    ck_assert_int_eq (supervisor.status, 1);
  }
  after = db_snapshot (db);
  ck_assert_str_eq (before, after);

  {
    g_auto(Run) add = cli ("--db", db, "expert", "former-add", "--expert", "E01", "--employer",
                           "张掖祁连乳业有限公司", "--left", "2023-06-16", NULL);
    g_auto(Run) ties = cli ("--db", db, "conflict", "list", NULL);

    ck_assert_msg (add.status == 0, "%s", add.err);
    ck_assert_str_eq (add.out, "employer,left_on,tie\n张掖祁连乳业有限公司,2023-06-16,yes\n");
    ck_assert_msg (strstr (ties.out, "\nE01,A01,former_employer,automatic,the expert left the applicant on 2023-06-16\n") != NULL,
                   "%s", ties.out);
  }

  /* Three years and a day later it is no tie. */
  g_setenv ("QAREVIEW_TODAY", "2026-06-17", TRUE);
  {
    g_auto(Run) list = cli ("--db", db, "expert", "former-list", "--expert", "E01", NULL);
    g_auto(Run) ties = cli ("--db", db, "conflict", "list", NULL);
    g_auto(Run) remove = cli ("--db", db, "expert", "former-remove", "--expert", "E01", "--employer",
                              "张掖祁连乳业有限公司", "--left", "2023-06-16", NULL);
    g_auto(Run) audit = cli ("--db", db, "audit", "verify", NULL);

    ck_assert_str_eq (list.out, "employer,left_on,tie\n张掖祁连乳业有限公司,2023-06-16,no\n");
    ck_assert (strstr (ties.out, "E01,A01,former_employer") == NULL);
    ck_assert_msg (remove.status == 0, "%s", remove.err);
    ck_assert_str_eq (remove.out, "employer,left_on,tie\n");
    ck_assert_msg (audit.status == 0, "%s", audit.err);
  }
  g_unsetenv ("QAREVIEW_TODAY");
}
END_TEST

START_TEST (test_advance)
{
  g_autofree char *db = eligible_demo ("advance.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  before = db_snapshot (db);
  {
    g_auto(Run) early = cli ("--db", db, "advance", "--applicants", "A01,A02", NULL);
    g_auto(Run) usage = cli ("--db", db, "advance", NULL);

    ck_assert_int_eq (early.status, 1);
    ck_assert (strstr (early.err, "Art. 16(3)") != NULL);
    ck_assert_int_eq (usage.status, 2);
  }
  after = db_snapshot (db);
  ck_assert_str_eq (before, after);

  {
    g_auto(Run) panel = cli ("--db", db, "panel", "set", "--stage", "material", "--chair", "E01",
                             "--members", "E01,E02,E03,E04,E05,E06,E07", NULL);
    g_auto(Run) wrong = cli ("--db", db, "advance", "--applicants", "A01,A03,A99", NULL);

    ck_assert_msg (panel.status == 0, "%s", panel.err);
    ck_assert_int_eq (wrong.status, 1);
    ck_assert (strstr (wrong.err, "applicant A03 is not in material review") != NULL);
    ck_assert (strstr (wrong.err, "“A99”") != NULL);
  }
  {
    /* The material review done: everyone scored 50% (500 points) and the chair closed it
     * (test-cli-consensus.c takes the verbs there). */
    sqlite3 *handle = NULL;

    ck_assert_int_eq (sqlite3_open (db, &handle), SQLITE_OK);
    ck_assert_int_eq (sqlite3_exec (handle,
                                    "INSERT INTO score (stage, expert_id, applicant_id, item, percent, updated_at) "
                                    "SELECT a.stage, a.expert_id, a.applicant_id, i.code, 50, '2026-11-01T00:00:00Z' "
                                    "FROM assignment a, item i WHERE a.stage = 'material'; "
                                    "INSERT INTO stage_event (stage, event, at) "
                                    "VALUES ('material', 'closed', '2026-11-02T00:00:00Z')",
                                    NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close (handle);
  }
  {
    g_auto(Run) run = cli ("--db", db, "advance", "--applicants", "A01, A02,A06", NULL);
    g_auto(Run) list = cli ("--db", db, "applicant", "list", NULL);
    g_auto(Run) site = cli ("--db", db, "panel", "set", "--stage", "site", "--chair", "E05",
                            "--members", "E01,E03,E05,E06,E07", "--alternates", "E02", NULL);

    ck_assert_msg (run.status == 0, "%s", run.err);
    ck_assert (strstr (list.out, ",甘州区,site,eligible\n") != NULL);
    ck_assert (strstr (list.out, "A04,甘州区金张掖玉米种业股份有限公司,91620702MA71JY3X5Q,甘州区,not_advanced,eligible\n") != NULL);
    ck_assert_msg (site.status == 0, "%s", site.err);
    ck_assert (strstr (site.out, "Site review panel, formed ") != NULL);
    ck_assert (strstr (site.out, "Alternates: E02 李秀兰\n") != NULL);
    ck_assert (strstr (site.out, "  A06 张掖七彩丹霞文化旅游发展有限公司 (5): E01, E03, E05, E06, E07\n") != NULL);
  }
}
END_TEST

/* A session with the Art. 13 check done and the material panel formed, through the CLI. */
static char *
session_with_panel (void)
{
  char *db = tmp_path ("review.db");
  static const char * const judged[] = { "A01", "A02", "A04", "A06", "A07" };

  {
    g_auto(Run) init = cli ("--db", db, "init", "--year", "2026", "--deadline", "2026-09-30", NULL);
    g_auto(Run) demo = cli ("--db", db, "demo", NULL);

    ck_assert_int_eq (init.status, 0);
    ck_assert_int_eq (demo.status, 0);
  }
  for (guint i = 0; i < G_N_ELEMENTS (judged); i++)
    {
      g_auto(Run) judge = cli ("--db", db, "eligibility", "judge", "--applicant", judged[i],
                               "--condition", "5", "--pass", "yes", NULL);
      ck_assert_int_eq (judge.status, 0);
    }
  {
    /* Every applicant's result stored, so that a notice may be written for any of them. */
    g_auto(Run) check = cli ("--db", db, "eligibility", NULL);
    ck_assert_msg (check.status == 0, "%s", check.err);
  }
  {
    g_auto(Run) panel = cli ("--db", db, "panel", "set", "--stage", "material", "--chair", "E01",
                             "--members", "E01,E02,E03,E04,E05,E06,E07", NULL);
    ck_assert_msg (panel.status == 0, "%s", panel.err);
  }
  return db;
}

START_TEST (test_review_round_trip)
{
  g_autofree char *db = session_with_panel ();
  g_autofree char *package = tmp_path ("E03.qapkg");
  g_autofree char *sheet = tmp_path ("E03.qasheet");
  g_autofree char *forged = tmp_path ("forged.qasheet");
  g_autofree char *contents = NULL;

  {
    g_auto(Run) export = cli ("--db", db, "package", "export", "--reviewer", "E03",
                              "--stage", "material", "--out", package, NULL);
    g_auto(Run) outsider = cli ("--db", db, "package", "export", "--reviewer", "E08",
                                "--stage", "material", "--out", sheet, NULL);

    ck_assert_msg (export.status == 0, "%s", export.err);
    ck_assert_int_eq (outsider.status, 1);
    ck_assert (strstr (outsider.err, "Art. 11") != NULL);
  }
  {
    g_auto(Run) scored = cli ("--db", package, "score", "--applicant", "A01", "--item", "4.1.2",
                              "--percent", "60", "--strengths", "使命、愿景、价值观清晰",
                              "--improvements", "绩效评价未覆盖全部层级", NULL);
    g_auto(Run) off_grid = cli ("--db", package, "score", "--applicant", "A01", "--item", "4.1.3",
                                "--percent", "57", NULL);
    g_auto(Run) unassigned = cli ("--db", package, "score", "--applicant", "A03", "--item", "4.1.3",
                                  "--percent", "50", NULL);
    g_auto(Run) in_session = cli ("--db", db, "score", "--applicant", "A01", "--item", "4.1.2",
                                  "--percent", "50", NULL);
    g_auto(Run) secretariat_verb = cli ("--db", package, "eligibility", NULL);
    g_auto(Run) reading = cli ("--db", package, "applicant", "list", NULL);

    ck_assert_msg (scored.status == 0, "%s", scored.err);
    ck_assert (strstr (scored.out, "30.0") != NULL);
    ck_assert_int_eq (off_grid.status, 1);
    ck_assert_int_eq (unassigned.status, 1);
    ck_assert_int_eq (in_session.status, 1);
    /* In a package the role is its reviewer's, whatever --role says: reading is all else. */
    ck_assert_int_eq (secretariat_verb.status, 1);
    ck_assert_msg (strstr (secretariat_verb.err, "Reviewer may not use") != NULL, "%s", secretariat_verb.err);
    ck_assert_int_eq (reading.status, 0);
    ck_assert (strstr (reading.out, "A01,") != NULL);
    ck_assert (strstr (reading.out, "A03,") == NULL);
  }
  {
    g_auto(Run) export = cli ("--db", package, "sheet", "export", "--out", sheet, NULL);
    ck_assert_msg (export.status == 0, "%s", export.err);
  }

  /* One good sheet and one forged: the good one is stored, the run exits 1 naming the other. */
  ck_assert (g_file_get_contents (sheet, &contents, NULL, NULL));
  {
    g_autoptr(GString) changed = g_string_new (contents);

    ck_assert_uint_eq (g_string_replace (changed, "percent=\"60\"", "percent=\"90\"", 1), 1);
    ck_assert (g_file_set_contents (forged, changed->str, -1, NULL));
  }
  {
    g_auto(Run) import = cli ("--db", db, "sheet", "import", sheet, forged, NULL);
    g_auto(Run) again = cli ("--db", db, "sheet", "import", sheet, NULL);
    g_auto(Run) scores = cli ("--db", db, "scores", "--stage", "material", "--format", "csv", NULL);
    g_auto(Run) supervisor = cli ("--db", db, "--role", "supervisor", "scores", "--stage", "material", NULL);

    ck_assert_int_eq (import.status, 1);
    ck_assert_msg (strstr (import.err, forged) != NULL, "%s", import.err);
    ck_assert_msg (strstr (import.out, "stored the sheet of E03") != NULL, "%s", import.out);
    ck_assert_int_eq (again.status, 0);
    ck_assert_int_eq (scores.status, 0);
    ck_assert_str_eq (scores.out,
                      "reviewer_id,applicant_id,item,percent,strengths,improvements\n"
                      "E03,A01,4.1.2,60,使命、愿景、价值观清晰,绩效评价未覆盖全部层级\n");
    ck_assert_int_eq (supervisor.status, 1);
  }
}
END_TEST

START_TEST (test_audit_backup_restore)
{
  g_autofree char *db = tmp_path ("safe.db");
  g_autofree char *copy = tmp_path ("safe-copy.db");

  {
    g_auto(Run) demo = cli ("--db", db, "--operator", "赵丽娟", "demo", NULL);
    g_auto(Run) verify = cli ("--db", db, "audit", "verify", NULL);
    g_auto(Run) backup = cli ("--db", db, "backup", "--out", copy, NULL);

    ck_assert_int_eq (demo.status, 0);
    ck_assert_msg (verify.status == 0, "%s", verify.err);
    ck_assert (strstr (verify.out, "head ") != NULL);
    ck_assert_int_eq (backup.status, 0);
  }
  {
    g_auto(Run) judge = cli ("--db", db, "eligibility", "judge", "--applicant", "A01",
                             "--condition", "5", "--pass", "yes", NULL);
    g_auto(Run) unconfirmed = cli ("--db", db, "restore", copy, NULL);
    g_auto(Run) restored = cli ("--db", db, "restore", "--yes", copy, NULL);
    g_auto(Run) csv = cli ("--db", db, "eligibility", "--format", "csv", NULL);

    ck_assert_int_eq (judge.status, 0);
    ck_assert_int_eq (unconfirmed.status, 1);
    ck_assert_msg (restored.status == 0, "%s", restored.err);
    /* The judgement made after the backup is gone again. */
    ck_assert (strstr (csv.out, "A01,no,") != NULL);
  }

  /* Someone edits the trail with the sqlite3 shell: verify names the entry. */
  {
    sqlite3 *raw = NULL;
    g_auto(Run) verify = { 0, NULL, NULL };

    ck_assert_int_eq (sqlite3_open (db, &raw), SQLITE_OK);
    ck_assert_int_eq (sqlite3_exec (raw, "UPDATE audit_log SET operator = 'someone' WHERE seq = 2",
                                    NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close (raw);
    verify = cli ("--db", db, "audit", "verify", NULL);
    ck_assert_int_eq (verify.status, 1);
    ck_assert_msg (strstr (verify.err, "entry 2") != NULL, "%s", verify.err);
  }
}
END_TEST


/* 13.8: the operator recorded in the audit trail is one valid line of a name's length. */
START_TEST (test_operator_validated)
{
  g_autofree char *db = tmp_path ("operator.db");
  g_autofree char *huge = g_strnfill (120000, 'x');
  static const char * const refused[] = { "王\n建国", "\x1b[31m王建国", "\xff\xfe", "\u3000" };
  g_auto(Run) init = cli ("--db", db, "init", "--year", "2026", NULL);

  ck_assert_int_eq (init.status, 0);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_auto(Run) run = cli ("--db", db, "--operator", refused[i], "demo", NULL);

      ck_assert_msg (run.status == 2, "status %d for %s: %s", run.status, refused[i], run.err);
      ck_assert (strstr (run.err, "--operator") != NULL);
    }
  {
    g_auto(Run) run = cli ("--db", db, "--operator", huge, "demo", NULL);

    ck_assert_int_eq (run.status, 2);
  }
  {
    g_auto(Run) run = cli ("--db", db, "--operator", "王建国", "demo", NULL);

    ck_assert_msg (run.status == 0, "%s", run.err);
  }
}
END_TEST

/* One number from the session, read with the sqlite3 library as an outsider would. */
static gint64
query_number (const char *db,
              const char *sql)
{
  sqlite3 *raw = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  ck_assert_int_eq (sqlite3_open_v2 (db, &raw, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
  ck_assert_int_eq (sqlite3_prepare_v2 (raw, sql, -1, &stmt, NULL), SQLITE_OK);
  ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (raw);
  return value;
}

static void
run_sql (const char *db,
         const char *sql)
{
  sqlite3 *raw = NULL;

  ck_assert_int_eq (sqlite3_open (db, &raw), SQLITE_OK);
  ck_assert_msg (sqlite3_exec (raw, sql, NULL, NULL, NULL) == SQLITE_OK, "%s", sqlite3_errmsg (raw));
  sqlite3_close (raw);
}

/* No temporary file of a failed or refused output is left in the scratch folder. */
static void
assert_no_litter (void)
{
  g_autoptr(GDir) dir = g_dir_open (tmpdir, 0, NULL);
  const char *name;

  ck_assert (dir != NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    ck_assert_msg (!g_str_has_suffix (name, ".partial") && !g_str_has_suffix (name, ".partial-journal") &&
                   !g_str_has_suffix (name, ".partial-wal"),
                   "left behind: %s", name);
}

static void
assert_refused_naming (const Run  *run,
                       const char *path)
{
  ck_assert_msg (run->status == 1, "exit %d: %s", run->status, run->err);
  ck_assert_msg (strstr (run->err, path) != NULL, "stderr: %s", run->err);
}

/* Issue 13.1: no --out, by any role, overwrites the open session (by any name for it), another
 * session or a package, unless --force says so for the latter. */
START_TEST (test_output_never_replaces_a_session)
{
  g_autofree char *db = session_with_panel ();
  g_autofree char *symbolic = tmp_path ("link.db");
  g_autofree char *hard = tmp_path ("hard.db");
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *other = tmp_path ("other.db");
  g_autofree char *package = tmp_path ("E03.qapkg");
  g_autofree char *before = NULL;
  g_autofree char *other_before = NULL;
  gint64 n_audit, n_keys;

  ck_assert_int_eq (symlink (db, symbolic), 0);
  ck_assert_int_eq (link (db, hard), 0);
  {
    g_auto(Run) init = cli ("--db", other, "init", "--year", "2025", NULL);
    g_auto(Run) export = cli ("--db", db, "package", "export", "--reviewer", "E03",
                              "--stage", "material", "--out", package, NULL);

    ck_assert_int_eq (init.status, 0);
    ck_assert_msg (export.status == 0, "%s", export.err);
  }
  before = qa_test_file_checksum (db);
  other_before = qa_test_file_checksum (other);
  n_audit = query_number (db, "SELECT count(*) FROM audit_log");
  n_keys = query_number (db, "SELECT count(*) FROM package_key");

  {
    g_auto(Run) audit = cli ("--db", db, "--role", "supervisor", "audit", "export", "--format", "csv",
                             "--out", db, NULL);
    g_auto(Run) audit_forced = cli ("--db", db, "audit", "export", "--format", "pdf", "--out", symbolic,
                                    "--force", NULL);
    g_auto(Run) notice = cli ("--db", db, "notice", "export", "--applicant", "A03", "--out", hard,
                              "--force", NULL);
    g_auto(Run) package_over = cli ("--db", db, "package", "export", "--reviewer", "E04",
                                    "--stage", "material", "--out", db, "--force", NULL);
    g_auto(Run) journal = cli ("--db", db, "backup", "--out", wal, NULL);
    g_auto(Run) backup_over = cli ("--db", db, "backup", "--out", other, NULL);
    g_auto(Run) package_again = cli ("--db", db, "package", "export", "--reviewer", "E04",
                                     "--stage", "material", "--out", package, NULL);

    /* The open session is never replaced, not even with --force. */
    assert_refused_naming (&audit, db);
    assert_refused_naming (&audit_forced, symbolic);
    assert_refused_naming (&notice, hard);
    assert_refused_naming (&package_over, db);
    assert_refused_naming (&journal, wal);
    /* Another session or a package only with --force. */
    assert_refused_naming (&backup_over, other);
    ck_assert (strstr (backup_over.err, "--force") != NULL);
    assert_refused_naming (&package_again, package);
  }
  {
    g_autofree char *now = qa_test_file_checksum (db);

    ck_assert_str_eq (now, before);
  }
  {
    g_autofree char *now = qa_test_file_checksum (other);

    ck_assert_str_eq (now, other_before);
  }
  /* A refused export records nothing. */
  ck_assert_int_eq (query_number (db, "SELECT count(*) FROM audit_log"), n_audit);
  ck_assert_int_eq (query_number (db, "SELECT count(*) FROM package_key"), n_keys);

  /* In the package: the sheet cannot overwrite the package itself. */
  {
    g_auto(Run) scored = cli ("--db", package, "score", "--applicant", "A01", "--item", "4.1.2",
                              "--percent", "60", NULL);
    g_auto(Run) sheet = cli ("--db", package, "sheet", "export", "--out", package, "--force", NULL);
    g_auto(Run) reading = cli ("--db", package, "applicant", "list", NULL);

    ck_assert_int_eq (scored.status, 0);
    assert_refused_naming (&sheet, package);
    ck_assert_int_eq (reading.status, 0);
  }

  /* Confirmed, another session is replaced by the backup — whole. */
  {
    g_auto(Run) forced = cli ("--db", db, "backup", "--out", other, "--force", NULL);
    g_auto(Run) list = cli ("--db", other, "applicant", "list", NULL);

    ck_assert_msg (forced.status == 0, "%s", forced.err);
    ck_assert_int_eq (list.status, 0);
    ck_assert (strstr (list.out, "A01,") != NULL);
  }
  assert_no_litter ();
}
END_TEST

/* Issue 13.7, 12.23: on a full disk every export fails with exit 3, leaves no file, no
 * temporary file, and records nothing; the session is untouched. */
START_TEST (test_failed_write_leaves_nothing)
{
  g_autofree char *db = session_with_panel ();
  g_autofree char *notice = tmp_path ("notice.pdf");
  g_autofree char *audit = tmp_path ("audit.pdf");
  g_autofree char *package = tmp_path ("E03.qapkg");
  g_autofree char *backup = tmp_path ("backup.db");
  g_autofree char *not_a_folder = tmp_path ("notice.pdf");
  g_autofree char *under_a_file = NULL;
  g_autofree char *before = NULL;
  gint64 n_audit, n_keys;
  /* Above the size of the session's wal-index, below that of any of these outputs. */
  const gsize limit = 40 * 1024;

  n_audit = query_number (db, "SELECT count(*) FROM audit_log");
  n_keys = query_number (db, "SELECT count(*) FROM package_key");
  before = qa_test_file_checksum (db);

  {
    g_auto(Run) n = cli_full_disk (limit, "--db", db, "notice", "export", "--applicant", "A03",
                                   "--out", notice, NULL);
    g_auto(Run) a = cli_full_disk (limit, "--db", db, "audit", "export", "--format", "pdf",
                                   "--out", audit, NULL);
    g_auto(Run) p = cli_full_disk (limit, "--db", db, "package", "export", "--reviewer", "E03",
                                   "--stage", "material", "--out", package, NULL);
    g_auto(Run) b = cli_full_disk (limit, "--db", db, "backup", "--out", backup, NULL);

    ck_assert_msg (n.status == 3, "notice: exit %d: %s", n.status, n.err);
    ck_assert_msg (a.status == 3, "audit: exit %d: %s", a.status, a.err);
    ck_assert_msg (p.status == 3, "package: exit %d: %s", p.status, p.err);
    ck_assert_msg (b.status == 3, "backup: exit %d: %s", b.status, b.err);
    ck_assert_msg (strstr (n.err, "notice.pdf") != NULL && strstr (n.err, "Nothing") != NULL, "%s", n.err);
    ck_assert_msg (strstr (p.err, "E03.qapkg") != NULL && strstr (p.err, "Nothing was recorded") != NULL,
                   "%s", p.err);
  }
  ck_assert (!g_file_test (notice, G_FILE_TEST_EXISTS));
  ck_assert (!g_file_test (audit, G_FILE_TEST_EXISTS));
  ck_assert (!g_file_test (package, G_FILE_TEST_EXISTS));
  ck_assert (!g_file_test (backup, G_FILE_TEST_EXISTS));
  assert_no_litter ();
  ck_assert_int_eq (query_number (db, "SELECT count(*) FROM audit_log"), n_audit);
  ck_assert_int_eq (query_number (db, "SELECT count(*) FROM package_key"), n_keys);
  {
    g_autofree char *now = qa_test_file_checksum (db);

    ck_assert_str_eq (now, before);
  }

  /* A folder that cannot exist (under a file): refused as an I/O error, nothing left. */
  ck_assert (g_file_set_contents (not_a_folder, "x", 1, NULL));
  under_a_file = g_build_filename (not_a_folder, "audit.csv", NULL);
  {
    g_auto(Run) csv = cli ("--db", db, "audit", "export", "--format", "csv", "--out", under_a_file, NULL);

    ck_assert_int_eq (csv.status, 3);
    ck_assert_msg (strstr (csv.err, "audit.csv") != NULL, "%s", csv.err);
  }

  /* With room again, the same export works and is recorded once. */
  {
    g_auto(Run) p = cli ("--db", db, "package", "export", "--reviewer", "E03", "--stage", "material",
                         "--out", package, NULL);

    ck_assert_msg (p.status == 0, "%s", p.err);
  }
  ck_assert_int_eq (query_number (db, "SELECT count(*) FROM audit_log WHERE action = 'package.export'"), 1);
  ck_assert_int_eq (query_number (db, "SELECT count(*) FROM package_key"), n_keys + 1);
}
END_TEST

/* Issue 12.22: with nothing writable, reading goes on; a write says nothing was lost. */
START_TEST (test_full_disk_keeps_reading)
{
  g_autofree char *db = tmp_path ("full.db");
  g_autofree char *before = NULL;

  {
    g_auto(Run) demo = cli ("--db", db, "demo", NULL);
    ck_assert_int_eq (demo.status, 0);
  }
  before = qa_test_file_checksum (db);
  {
    g_auto(Run) judge = cli_full_disk (1024, "--db", db, "eligibility", "judge", "--applicant", "A03",
                                       "--condition", "5", "--pass", "yes", NULL);
    g_auto(Run) list = cli_full_disk (1024, "--db", db, "applicant", "list", NULL);
    g_auto(Run) verify = cli_full_disk (1024, "--db", db, "audit", "verify", NULL);

    ck_assert_msg (judge.status == 3, "exit %d: %s", judge.status, judge.err);
    ck_assert_msg (strstr (judge.err, "nothing was lost") != NULL, "%s", judge.err);
    ck_assert_msg (strstr (judge.err, "because the disk is full") != NULL, "%s", judge.err);
    ck_assert_msg (strstr (judge.err, db) != NULL, "%s", judge.err);
    ck_assert_msg (list.status == 0, "%s", list.err);
    ck_assert (strstr (list.out, "A01,") != NULL);
    ck_assert_msg (verify.status == 0, "%s", verify.err);
  }
  {
    g_autofree char *now = qa_test_file_checksum (db);

    ck_assert_str_eq (now, before);
  }
  {
    g_auto(Run) judge = cli ("--db", db, "eligibility", "judge", "--applicant", "A03",
                             "--condition", "5", "--pass", "yes", NULL);
    ck_assert_msg (judge.status == 0, "%s", judge.err);
  }
}
END_TEST



/* 13.6: an input that never ends is refused at the limit, not read until the allocator gives up:
 * /dev/zero and a FIFO fed forever, for applicants and for score sheets; the session unchanged. */
START_TEST (test_endless_inputs_refused)
{
  g_autofree char *db = tmp_path ("endless.db");
  g_autofree char *fifo = tmp_path ("endless.fifo");
  g_autofree char *feed = g_strdup_printf ("yes 'A01,x' > '%s' 2>/dev/null", fifo);
  const char *feeder[] = { "/bin/sh", "-c", feed, NULL };
  g_autoptr(GError) error = NULL;
  GPid pid = 0;

  {
    g_auto(Run) init = cli ("--db", db, "init", "--year", "2026", NULL);
    g_auto(Run) demo = cli ("--db", db, "demo", NULL);

    ck_assert_int_eq (init.status, 0);
    ck_assert_int_eq (demo.status, 0);
  }
  {
    g_auto(Run) run = cli ("--db", db, "import", "applicants", "/dev/zero", NULL);

    ck_assert_msg (run.status == 1, "status %d: %s", run.status, run.err);
    ck_assert_msg (strstr (run.err, "128.0") != NULL && strstr (run.err, "is not read") != NULL, "%s", run.err);
  }
  {
    g_auto(Run) run = cli ("--db", db, "sheet", "import", "/dev/zero", NULL);

    ck_assert_msg (run.status == 1, "status %d: %s", run.status, run.err);
    ck_assert_msg (strstr (run.err, "is not read") != NULL, "%s", run.err);
  }

  ck_assert_int_eq (mkfifo (fifo, 0600), 0);
  ck_assert_msg (g_spawn_async (NULL, (char **)feeder, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                &pid, &error), "%s", error ? error->message : "");
  {
    g_auto(Run) run = cli ("--db", db, "import", "applicants", fifo, NULL);

    ck_assert_msg (run.status == 1, "status %d: %s", run.status, run.err);
    ck_assert_msg (strstr (run.err, "128.0") != NULL && strstr (run.err, "is not read") != NULL, "%s", run.err);
  }
  kill (pid, SIGTERM);
  g_spawn_close_pid (pid);
  {
    g_auto(Run) list = cli ("--db", db, "applicant", "list", NULL);

    ck_assert_int_eq (list.status, 0);
    ck_assert (strstr (list.out, "A09") == NULL);
  }
}
END_TEST

/* Issue 13.12, 12.12: a file that holds no session, or one with a format number no qareview
 * wrote, is refused and left byte for byte as it was; only init creates a session. */
START_TEST (test_refused_files_untouched)
{
  g_autofree char *empty = tmp_path ("empty.db");
  g_autofree char *negative = tmp_path ("negative.db");
  g_autofree char *before = NULL;
  GStatBuf st;

  ck_assert (g_file_set_contents (empty, "", 0, NULL));
  {
    g_auto(Run) list = cli ("--db", empty, "--role", "supervisor", "applicant", "list", NULL);
    g_auto(Run) score = cli ("--db", empty, "score", "--applicant", "A01", "--item", "4.1.2",
                             "--percent", "50", NULL);
    g_auto(Run) verify = cli ("--db", empty, "audit", "verify", NULL);

    assert_refused_naming (&list, empty);
    ck_assert_int_eq (score.status, 1);
    ck_assert_int_eq (verify.status, 1);
  }
  ck_assert_int_eq (g_stat (empty, &st), 0);
  ck_assert_int_eq (st.st_size, 0);
  {
    g_auto(Run) init = cli ("--db", empty, "init", "--year", "2026", NULL);
    ck_assert_msg (init.status == 0, "%s", init.err);
  }

  {
    g_auto(Run) init = cli ("--db", negative, "init", "--year", "2026", NULL);
    ck_assert_int_eq (init.status, 0);
  }
  run_sql (negative, "PRAGMA user_version = -1");
  before = qa_test_file_checksum (negative);
  {
    g_auto(Run) list = cli ("--db", negative, "applicant", "list", NULL);
    g_auto(Run) demo = cli ("--db", negative, "demo", NULL);

    ck_assert_msg (list.status != 0 && strstr (list.err, negative) != NULL, "%s", list.err);
    ck_assert_int_ne (demo.status, 0);
  }
  {
    g_autofree char *now = qa_test_file_checksum (negative);

    ck_assert_str_eq (now, before);
  }
}
END_TEST

/* Issue 13.13: a package that cannot be opened says so (exit 3), not “may not use”. */
START_TEST (test_unopenable_package)
{
  g_autofree char *db = session_with_panel ();
  g_autofree char *package = tmp_path ("E03.qapkg");
  g_autofree char *damaged = tmp_path ("damaged.qapkg");
  g_autofree char *keyless = tmp_path ("keyless.qapkg");
  g_autofree char *newer = tmp_path ("newer.qapkg");
  g_autofree char *contents = NULL;
  gsize length = 0;

  {
    g_auto(Run) export = cli ("--db", db, "package", "export", "--reviewer", "E03",
                              "--stage", "material", "--out", package, NULL);
    ck_assert_msg (export.status == 0, "%s", export.err);
  }
  ck_assert (g_file_get_contents (package, &contents, &length, NULL));
  ck_assert (g_file_set_contents (damaged, contents, (gssize)length / 3, NULL));
  ck_assert (g_file_set_contents (keyless, contents, (gssize)length, NULL));
  ck_assert (g_file_set_contents (newer, contents, (gssize)length, NULL));
  run_sql (keyless, "DELETE FROM package_key");
  run_sql (newer, "PRAGMA user_version = 99");

  {
    g_auto(Run) d = cli ("--db", damaged, "score", "--applicant", "A01", "--item", "4.1.2",
                         "--percent", "50", NULL);
    g_auto(Run) k = cli ("--db", keyless, "score", "--applicant", "A01", "--item", "4.1.2",
                         "--percent", "50", NULL);
    g_auto(Run) n = cli ("--db", newer, "score", "--applicant", "A01", "--item", "4.1.2",
                         "--percent", "50", NULL);

    ck_assert_msg (d.status == 3 && strstr (d.err, "damaged") != NULL, "%d %s", d.status, d.err);
    ck_assert_msg (k.status == 3 && strstr (k.err, "key") != NULL, "%d %s", k.status, k.err);
    ck_assert_msg (strstr (n.err, "newer") != NULL, "%s", n.err);
    ck_assert (strstr (d.err, "may not use") == NULL);
    ck_assert (strstr (k.err, "may not use") == NULL);
    ck_assert (strstr (n.err, "may not use") == NULL);
  }
}
END_TEST

/* Issue 13.2, 12.13, 12.24: restore takes only a session of this program whose trail verifies
 * (or whose broken trail the secretariat accepts, on the record), and keeps what it replaces. */
START_TEST (test_restore_policy)
{
  g_autofree char *db = session_with_panel ();
  g_autofree char *package = tmp_path ("E03.qapkg");
  g_autofree char *backup = tmp_path ("backup.db");
  g_autofree char *edited = tmp_path ("edited.db");
  g_autofree char *backups_dir = g_strconcat (db, ".backups", NULL);
  g_autofree char *before = NULL;
  g_auto(GStrv) kept = NULL;
  gint64 n_audit;

  {
    g_auto(Run) export = cli ("--db", db, "package", "export", "--reviewer", "E03",
                              "--stage", "material", "--out", package, NULL);
    g_auto(Run) copy = cli ("--db", db, "backup", "--out", backup, NULL);
    g_auto(Run) copy2 = cli ("--db", db, "backup", "--out", edited, NULL);

    ck_assert_int_eq (export.status, 0);
    ck_assert_int_eq (copy.status, 0);
    ck_assert_int_eq (copy2.status, 0);
  }
  run_sql (edited, "UPDATE audit_log SET operator = 'someone' WHERE seq = 2");

  before = qa_test_file_checksum (db);
  {
    g_auto(Run) pkg = cli ("--db", db, "restore", "--yes", package, NULL);
    g_auto(Run) broken = cli ("--db", db, "restore", "--yes", edited, NULL);

    ck_assert_int_eq (pkg.status, 1);
    ck_assert_msg (strstr (pkg.err, "review package") != NULL, "%s", pkg.err);
    ck_assert_int_eq (broken.status, 1);
    ck_assert_msg (strstr (broken.err, "entry 2") != NULL, "%s", broken.err);
    ck_assert (strstr (broken.err, "--accept-broken-audit") != NULL);
  }
  {
    g_autofree char *now = qa_test_file_checksum (db);

    ck_assert_str_eq (now, before);
  }

  /* A good backup: the session as it was is kept, and the trail says who restored what. */
  n_audit = query_number (backup, "SELECT count(*) FROM audit_log");
  {
    g_auto(Run) restored = cli ("--db", db, "--operator", "赵丽娟", "restore", "--yes", backup, NULL);
    g_auto(Run) verify = cli ("--db", db, "audit", "verify", NULL);

    ck_assert_msg (restored.status == 0, "%s", restored.err);
    ck_assert_msg (verify.status == 0, "%s", verify.err);
  }
  kept = qa_database_list_backups (db);
  ck_assert_uint_ge (g_strv_length (kept), 1);
  ck_assert (strstr (kept[0], "before-restore") != NULL);
  ck_assert (g_str_has_prefix (kept[0], backups_dir));
  ck_assert_int_eq (query_number (db, "SELECT count(*) FROM audit_log"), n_audit + 1);
  ck_assert_int_eq (query_number (db, "SELECT count(*) FROM audit_log WHERE action = 'session.restore' "
                                      "AND operator = '赵丽娟' AND role = 'secretariat'"), 1);

  /* Accepted explicitly, a broken backup is restored, and the acceptance is on the record. */
  {
    g_auto(Run) accepted = cli ("--db", db, "restore", "--yes", "--accept-broken-audit", edited, NULL);

    ck_assert_msg (accepted.status == 0, "%s", accepted.err);
  }
  ck_assert_int_eq (query_number (db, "SELECT count(*) FROM audit_log WHERE action = 'session.restore' "
                                      "AND after LIKE '%broken audit trail accepted%entry 2%'"), 1);
}
END_TEST

/* Issue 13.11: a writer holding the file when the command starts is waited for, from the very
 * first query. */
START_TEST (test_waits_for_a_writer)
{
  g_autofree char *db = tmp_path ("busy.db");
  int ready[2];
  pid_t child;
  char byte = 0;
  int wait_status = 0;

  {
    g_auto(Run) demo = cli ("--db", db, "demo", NULL);
    ck_assert_int_eq (demo.status, 0);
  }
  ck_assert_int_eq (pipe (ready), 0);
  child = fork ();
  ck_assert_int_ge (child, 0);
  if (child == 0)
    {
      sqlite3 *raw = NULL;

      /* Exclusive: no other connection may even read until this one lets go. */
      if (sqlite3_open (db, &raw) != SQLITE_OK ||
          sqlite3_exec (raw, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; "
                             "UPDATE session SET year = year", NULL, NULL, NULL) != SQLITE_OK)
        _exit (1);
      if (write (ready[1], "x", 1) != 1)
        _exit (1);
      g_usleep (1500 * 1000);
      sqlite3_exec (raw, "COMMIT", NULL, NULL, NULL);
      sqlite3_close (raw);
      _exit (0);
    }
  close (ready[1]);
  ck_assert_int_eq (read (ready[0], &byte, 1), 1);
  close (ready[0]);
  {
    g_auto(Run) list = cli ("--db", db, "applicant", "list", NULL);

    ck_assert_msg (list.status == 0, "exit %d: %s", list.status, list.err);
  }
  ck_assert_int_eq (waitpid (child, &wait_status, 0), child);
  ck_assert (WIFEXITED (wait_status) && WEXITSTATUS (wait_status) == 0);
}
END_TEST

/* In a shell run by unshare: $0 mounted read-only over itself, then the rest of the command run. */
#define MOUNT_READ_ONLY "mount --bind \"$0\" \"$0\" && mount -o remount,bind,ro \"$0\" && exec \"$@\""

/* qareview-cli run with @dir mounted read-only, as on a write-protected medium, in a private
 * user and mount namespace. FALSE when this system allows no such namespace. */
static gboolean
cli_on_read_only_medium (Run        *run,
                         const char *dir,
                         const char *first,
                         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *data_home = tmp_path ("data-home");
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "XDG_DATA_HOME", data_home, TRUE);
  /* The mount made, a write there must fail: else this system cannot show a read-only medium. */
  const char *probe[] = { "unshare", "-rm", "sh", "-c", MOUNT_READ_ONLY, dir,
                          "sh", "-c", "! touch \"$0/probe\" 2>/dev/null", dir, NULL };
  int wait_status = 0;
  va_list args;

  if (!g_spawn_sync (NULL, (char **)probe, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                     G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &wait_status, NULL) ||
      !g_spawn_check_wait_status (wait_status, NULL))
    return FALSE;

  for (const char *arg = "unshare\0-rm\0sh\0-c\0"; *arg != '\0'; arg += strlen (arg) + 1)
    g_ptr_array_add (argv, (gpointer)arg);
  g_ptr_array_add (argv, (gpointer)MOUNT_READ_ONLY);
  g_ptr_array_add (argv, (gpointer)dir);
  g_ptr_array_add (argv, (gpointer)g_getenv ("QAREVIEW_CLI"));
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  ck_assert (g_spawn_sync (NULL, (char **)argv->pdata, envp, G_SPAWN_SEARCH_PATH, NULL, NULL,
                           &run->out, &run->err, &wait_status, NULL));
  ck_assert_msg (WIFEXITED (wait_status), "qareview-cli died: %s", run->err);
  run->status = WEXITSTATUS (wait_status);
  return TRUE;
}

/* A session on a read-only medium is read; a write is refused, saying so, and changes nothing. */
START_TEST (test_read_only_medium_keeps_reading)
{
  g_autofree char *medium = tmp_path ("medium");
  g_autofree char *db = g_build_filename (medium, "session.db", NULL);
  g_autofree char *before = NULL;
  g_auto(Run) judge = { 0, NULL, NULL };
  g_auto(Run) list = { 0, NULL, NULL };
  g_auto(Run) verify = { 0, NULL, NULL };

  ck_assert_int_eq (g_mkdir (medium, 0755), 0);
  {
    g_auto(Run) demo = cli ("--db", db, "demo", NULL);
    ck_assert_int_eq (demo.status, 0);
  }
  before = qa_test_file_checksum (db);
  if (!cli_on_read_only_medium (&judge, medium, "--db", db, "eligibility", "judge", "--applicant", "A03",
                                "--condition", "5", "--pass", "yes", NULL))
    {
      printf ("# no user namespace for a read-only mount here: the read-only medium is not tried\n");
      return;
    }
  ck_assert (cli_on_read_only_medium (&list, medium, "--db", db, "applicant", "list", NULL));
  ck_assert (cli_on_read_only_medium (&verify, medium, "--db", db, "audit", "verify", NULL));

  ck_assert_msg (judge.status == 3, "exit %d: %s", judge.status, judge.err);
  ck_assert_msg (strstr (judge.err, "read-only") != NULL && strstr (judge.err, "nothing was lost") != NULL,
                 "%s", judge.err);
  ck_assert_msg (list.status == 0, "%s", list.err);
  ck_assert (strstr (list.out, "A01,") != NULL);
  ck_assert_msg (verify.status == 0, "%s", verify.err);
  {
    g_autofree char *now = qa_test_file_checksum (db);

    ck_assert_str_eq (now, before);
  }
}
END_TEST


static Suite *
cli_suite (void)
{
  Suite *suite = suite_create ("cli");
  TCase *tc = tcase_create ("cli");

  tcase_set_timeout (tc, 120);
  tcase_add_checked_fixture (tc, qa_test_setup_tmpdir, qa_test_teardown_tmpdir);
  tcase_add_test (tc, test_help_and_version);
  tcase_add_test (tc, test_usage_errors);
  tcase_add_test (tc, test_init_twice);
  tcase_add_test (tc, test_init_default_database);
  tcase_add_test (tc, test_init_refusals);
  tcase_add_test (tc, test_demo);
  tcase_add_test (tc, test_endless_inputs_refused);
  tcase_add_test (tc, test_operator_validated);
  tcase_add_test (tc, test_roles);
  tcase_add_test (tc, test_criteria_csv);
  tcase_add_test (tc, test_database_errors);
  tcase_add_test (tc, test_import_and_eligibility);
  tcase_add_test (tc, test_material_add);
  tcase_add_test (tc, test_import_experts_and_conflicts);
  tcase_add_test (tc, test_expert_declare_and_penalties);
  tcase_add_test (tc, test_panel_set_and_show);
  tcase_add_test (tc, test_panel_draw);
  tcase_add_test (tc, test_panel_draw_demo_five_and_one);
  tcase_add_test (tc, test_expert_edit_and_train);
  tcase_add_test (tc, test_expert_former_employer);
  tcase_add_test (tc, test_advance);
  tcase_add_test (tc, test_review_round_trip);
  tcase_add_test (tc, test_audit_backup_restore);
  tcase_add_test (tc, test_output_never_replaces_a_session);
  tcase_add_test (tc, test_failed_write_leaves_nothing);
  tcase_add_test (tc, test_full_disk_keeps_reading);
  tcase_add_test (tc, test_refused_files_untouched);
  tcase_add_test (tc, test_unopenable_package);
  tcase_add_test (tc, test_restore_policy);
  tcase_add_test (tc, test_waits_for_a_writer);
  tcase_add_test (tc, test_read_only_medium_keeps_reading);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return qa_test_run (cli_suite ());
}
