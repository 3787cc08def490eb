/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Score sheet import against its floor, `xmllint --noout --schema scoresheet.xsd` of the same
 * sheet: a session of N applicants, a 7-member material panel, one reviewer's package with all
 * 23 items of every applicant scored and commented, its signed sheet imported into the session.
 * Each figure is the minimum of several runs (CPU seconds of the work, and wall), the floor
 * measured in the same run. Usage: bench-sheet [RUNS [N...]]   (default 3 runs of 1000 10000). */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "qa-core.h"
#include "bench-common.h"
#include "qa-database-private.h"

static void
check (gboolean ok,
       GError  *error)
{
  if (!ok)
    g_error ("%s", error != NULL ? error->message : "failed");
}

static gboolean
score_all_cb (QaDatabase  *db,
              gpointer     user_data,
              GError     **error)
{
  /* Every item of every assigned applicant, as qa_score_sheet_set() would store it. */
  return _qa_database_exec (db,
                            "INSERT INTO score (stage, expert_id, applicant_id, item, percent, "
                            "strengths, improvements, updated_at) "
                            "SELECT 'material', a.expert_id, a.applicant_id, i.code, 60, "
                            "'高层领导亲自推动卓越绩效模式，使命、愿景、价值观清晰，并通过多种方式传达到全体员工。', "
                            "'战略目标与年度计划的衔接有待加强，关键绩效指标的对比分析不足。', "
                            "'2026-01-01T00:00:00Z' FROM assignment a, item i "
                            "WHERE a.stage = 'material' AND a.expert_id = 'E03'",
                            error);
}

/* A session of @n applicants with the material panel formed; returns the sheet's path. */
static char *
prepare (const char *dir,
         guint       n,
         char      **session_path)
{
  g_autofree char *path = g_build_filename (dir, "session.db", NULL);
  g_autofree char *package_path = g_build_filename (dir, "E03.qapkg", NULL);
  char *sheet_path = g_build_filename (dir, "E03.qasheet", NULL);
  g_autoptr(GString) csv = bench_applicants_csv (n);
  static const char experts[] =
    "id,name,employer,experience_years,trained,ethics\n"
    "E01,王建国,甘肃省质量技术监督局,28,yes,yes\n"
    "E02,李秀兰,河西学院,19,yes,yes\n"
    "E03,张明,张掖市标准化研究所,22,yes,yes\n"
    "E04,刘芳,兰州大学,15,yes,yes\n"
    "E05,陈立军,兰州理工大学,11,yes,yes\n"
    "E06,杨雪梅,张掖市产品质量检验检测中心,13,yes,yes\n"
    "E07,赵永福,甘肃农业大学,24,yes,yes\n";
  static const char * const members[] = { "E01", "E02", "E03", "E04", "E05", "E06", "E07", NULL };
  g_autoptr(QaDatabase) db = NULL;
  g_autoptr(QaProfile) profile = NULL;
  g_autoptr(QaSession) session = NULL;
  g_autoptr(QaSession) package = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;


  db = qa_database_open (path, &error);
  check (db != NULL, error);
  profile = qa_profile_new_from_id ("ganzhou", &error);
  check (qa_session_create (db, profile, 2026, NULL, &error), error);
  session = qa_session_new (db, &error);
  bytes = g_bytes_new (csv->str, csv->len);
  check (qa_applicants_import_csv (session, bytes, "bench.csv", NULL, &error), error);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = g_bytes_new_static (experts, strlen (experts));
  check (qa_experts_import_csv (session, bytes, "experts.csv", NULL, &error), error);
  for (guint i = 0; members[i] != NULL; i++)
    check (qa_experts_declare (session, members[i], &error), error);
  check (_qa_database_exec (db, "INSERT INTO eligibility (applicant_id, condition, result, source, "
                                "decided_at) SELECT id, 5, 'pass', 'judged', '2026-01-01' FROM applicant",
                            &error), error);
  check (qa_applicants_store_eligibility (session, &error), error);
  check (qa_panel_form (session, QA_STAGE_MATERIAL, "E01", members, NULL, &error), error);
  check (qa_package_export (session, "E03", QA_STAGE_MATERIAL, package_path, QA_OUTPUT_NONE, &error), error);

  package = qa_session_open (package_path, &error);
  check (package != NULL, error);
  check (qa_database_transaction (qa_session_get_database (package), score_all_cb, NULL, &error), error);
  check (qa_sheet_export (package, sheet_path, QA_OUTPUT_NONE, &error), error);

  *session_path = g_steal_pointer (&path);
  return sheet_path;
}

static void
run_import (const char *session_path,
            const char *sheet_path,
            double     *cpu,
            double     *wall)
{
  g_autofree char *copy = g_strconcat (session_path, ".run", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (sheet_path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  QaSheetOutcome outcome = QA_SHEET_UNCHANGED;
  gsize length;
  double cpu_start;
  gint64 start;

  /* A fresh copy of the session each run, so every run stores the sheet. */
  check (g_file_get_contents (session_path, &contents, &length, &error), error);
  check (g_file_set_contents (copy, contents, (gssize)length, &error), error);
  session = qa_session_open (copy, &error);
  check (session != NULL, error);

  cpu_start = bench_cpu_seconds (RUSAGE_SELF);
  start = g_get_monotonic_time ();
  bytes = qa_sheet_read_file (session, file, &error);
  check (bytes != NULL, error);
  check (qa_sheet_import (session, bytes, "E03.qasheet", &outcome, NULL, &error), error);
  *wall = (g_get_monotonic_time () - start) / 1e6;
  *cpu = bench_cpu_seconds (RUSAGE_SELF) - cpu_start;
  g_assert (outcome == QA_SHEET_STORED);

  g_clear_object (&session);
  {
    g_autofree char *wal = g_strconcat (copy, "-wal", NULL);
    g_autofree char *shm = g_strconcat (copy, "-shm", NULL);

    g_unlink (copy);
    g_unlink (wal);
    g_unlink (shm);
  }
}

static void
run_floor (const char *xsd,
           const char *sheet_path,
           double     *cpu,
           double     *wall)
{
  double cpu_start = bench_cpu_seconds (RUSAGE_CHILDREN);
  gint64 start = g_get_monotonic_time ();
  int status;
  pid_t pid = fork ();

  g_assert (pid >= 0);
  if (pid == 0)
    {
      freopen ("/dev/null", "w", stderr);
      execlp ("xmllint", "xmllint", "--noout", "--huge", "--schema", xsd, sheet_path, NULL);
      _exit (127);
    }
  g_assert (waitpid (pid, &status, 0) == pid && WIFEXITED (status) && WEXITSTATUS (status) == 0);
  *wall = (g_get_monotonic_time () - start) / 1e6;
  *cpu = bench_cpu_seconds (RUSAGE_CHILDREN) - cpu_start;
}

int
main (int    argc,
      char **argv)
{
  static const guint default_sizes[] = { 1000, 10000 };
  guint runs = argc > 1 ? (guint)g_ascii_strtoull (argv[1], NULL, 10) : 3;
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *xsd = g_build_filename (g_getenv ("QA_SOURCE_DIR") != NULL ? g_getenv ("QA_SOURCE_DIR")
                                           : SOURCE_ROOT, "data", "schemas", "scoresheet.xsd", NULL);
  double first_per_row = 0;

  for (int i = 2; i < argc; i++)
    {
      guint n = (guint)g_ascii_strtoull (argv[i], NULL, 10);
      g_array_append_val (sizes, n);
    }
  if (sizes->len == 0)
    g_array_append_vals (sizes, default_sizes, G_N_ELEMENTS (default_sizes));

  printf ("%-34s %10s %10s %10s %10s %7s %16s %7s\n", "operation", "qa cpu s", "qa wall s",
          "floor cpu", "floor wall", "ratio", "µs/applicant", "growth");
  for (guint s = 0; s < sizes->len; s++)
    {
      guint n = g_array_index (sizes, guint, s);
      g_autofree char *dir = g_dir_make_tmp ("qareview-bench-XXXXXX", NULL);
      g_autofree char *session_path = NULL;
      g_autofree char *sheet_path = prepare (dir, n, &session_path);
      double qa_cpu = G_MAXDOUBLE, qa_wall = G_MAXDOUBLE, floor_cpu = G_MAXDOUBLE, floor_wall = G_MAXDOUBLE;
      g_autofree char *label = g_strdup_printf ("sheet import %u × 23 items", n);
      double per_row;

      for (guint r = 0; r < runs; r++)
        {
          double cpu, wall;

          run_import (session_path, sheet_path, &cpu, &wall);
          qa_cpu = MIN (qa_cpu, cpu);
          qa_wall = MIN (qa_wall, wall);
          run_floor (xsd, sheet_path, &cpu, &wall);
          floor_cpu = MIN (floor_cpu, cpu);
          floor_wall = MIN (floor_wall, wall);
        }
      per_row = qa_cpu / n * 1e6;
      if (s == 0)
        first_per_row = per_row;
      printf ("%-34s %10.3f %10.3f %10.3f %10.3f %6.2fx %16.1f %6.2fx\n", label, qa_cpu, qa_wall,
              floor_cpu, floor_wall, qa_cpu / floor_cpu, per_row, per_row / first_per_row);
      fflush (stdout);

      {
        g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
        const char *entry;

        while (d != NULL && (entry = g_dir_read_name (d)) != NULL)
          {
            g_autofree char *child = g_build_filename (dir, entry, NULL);
            g_unlink (child);
          }
        g_rmdir (dir);
      }
    }
  return 0;
}
