/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The province workload of build-aux/bench.sh, and the measurements that must run inside the
 * library rather than as a process per call.
 *
 *   bench-province workload DIR N MATERIAL_MB SCORERS
 *       DIR/applicants.csv (N applicants with valid credit codes), DIR/experts.csv (12 experts),
 *       DIR/session.db: both imported, Art. 13 judged, a 9-member material panel scoring every
 *       applicant, and the packages of the first SCORERS reviewers fully scored (23 items each)
 *       and signed: DIR/E01.qasheet …; DIR/E01.qapkg, the first reviewer's package.
 *       With MATERIAL_MB > 0 also DIR/materials.db: the session plus a material of that size
 *       per applicant, and DIR/material.bin, one more such file.
 *   bench-province score-edit PACKAGE N
 *       N durable score edits through qa_score_sheet_set(); prints min, p50, p99, max in ms.
 *   bench-province fsync FILE N
 *       the floor of a durable edit: N times, one 4 KiB page written into FILE and fsync'd.
 *   bench-province csv N FILE
 *       writes N applicants as CSV (for the growth check).
 */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "qa-core.h"
#include "qa-database-private.h"

#define N_EXPERTS 12
#define N_MEMBERS 9

static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

static char *
credit_code (guint serial)
{
  char first17[18];

  memcpy (first17, "91620702MA", 10);
  for (guint k = 0; k < 7; k++, serial /= 31)
    first17[10 + k] = alphabet[serial % 31];
  first17[17] = '\0';
  return g_strdup_printf ("%s%c", first17, qa_credit_code_check_char (first17));
}

static char *
applicants_csv (guint n)
{
  GString *csv = g_string_new ("id,name,credit_code,district,legal_person,founded,"
                               "accidents_3y,management_system,gbt19580,self_score\n");

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *code = credit_code (i + 1);

      g_string_append_printf (csv, "B%05u,张掖市甘州区测试企业%u有限公司,%s,甘州区,yes,2012-04-18,"
                              "no,yes,yes,%u\n", i + 1, i + 1, code, 400 + i % 500);
    }
  return g_string_free (csv, FALSE);
}

static char *
experts_csv (void)
{
  GString *csv = g_string_new ("id,name,employer,experience_years,trained,ethics,specialty\n");

  for (guint i = 0; i < N_EXPERTS; i++)
    g_string_append_printf (csv, "E%02u,评审专家%u,甘肃省质量协会第%u分会,%u,yes,yes,质量管理\n",
                            i + 1, i + 1, i + 1, 8 + i);
  return g_string_free (csv, FALSE);
}

static void
check (gboolean    ok,
       GError    **error,
       const char *what)
{
  /* @error is read only after @ok was computed. */
  if (!ok)
    {
      fprintf (stderr, "bench-province: %s: %s\n", what,
               error != NULL && *error != NULL ? (*error)->message : "failed");
      exit (1);
    }
}

static void
write_file (const char *dir,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  check (g_file_set_contents (path, contents, length, &error), &error, path);
}

/* Random-looking bytes, different for every seed: material content does not deduplicate. */
static void
write_material (const char *path,
                guint       seed,
                gsize       size)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  FILE *out = fopen (path, "wb");
  guint32 block[16384];

  check (out != NULL, NULL, path);
  for (gsize done = 0; done < size; done += sizeof block)
    {
      for (guint i = 0; i < G_N_ELEMENTS (block); i++)
        block[i] = g_rand_int (rand);
      fwrite (block, 1, MIN (sizeof block, size - done), out);
    }
  check (fclose (out) == 0, NULL, path);
}

typedef struct
{
  QaSession *package;
  GStrv      applicants;
} ScoreAll;

/* Every item of every assigned applicant, in one transaction (the workload, not a benchmark). */
static gboolean
score_all_cb (QaDatabase  *db,
              gpointer     user_data,
              GError     **error)
{
  ScoreAll *all = user_data;

  for (guint a = 0; all->applicants[a] != NULL; a++)
    {
      g_autoptr(QaScoreSheet) sheet = NULL;
      GListModel *items;

      sheet = qa_score_sheet_new (all->package, qa_session_get_package_reviewer (all->package),
                                  all->applicants[a], QA_STAGE_MATERIAL, error);
      if (sheet == NULL)
        return FALSE;
      items = qa_score_sheet_get_items (sheet);
      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(QaItemScore) score = g_list_model_get_item (items, i);
          const char *code = qa_item_get_code (qa_item_score_get_item (score));

          if (!qa_score_sheet_set (sheet, code, 40 + 5 * ((a + i) % 10),
                                   "过程方法明确，部署覆盖主要部门，有测量和改进的证据。",
                                   "结果的趋势对比不足，建议补充三年数据和标杆比较。", error))
            return FALSE;
        }
    }
  return TRUE;
}

/* Conditions 3–5 of Art. 13 found met for every applicant, in one transaction: through
 * qa_applicants_judge() (each judgement audited, the session reloaded after each) up to
 * JUDGED_ONE_BY_ONE applicants; a larger workload records the same judgements in one statement
 * (a reload per judgement of 10,000 applicants took half an hour), and the verdicts are stored
 * through the library either way. */
#define JUDGED_ONE_BY_ONE 1000

static gboolean
judge_all_cb (QaDatabase  *db,
              gpointer     user_data,
              GError     **error)
{
  QaSession *session = user_data;
  GListModel *applicants = qa_session_get_applicants (session);

  if (g_list_model_get_n_items (applicants) > JUDGED_ONE_BY_ONE)
    return _qa_database_exec (db,
                              "INSERT INTO eligibility (applicant_id, condition, result, source, "
                              "decided_at) SELECT a.id, c.condition, 'pass', 'judged', "
                              "strftime('%Y-%m-%dT%H:%M:%SZ', 'now') FROM applicant a, "
                              "(SELECT 3 AS condition UNION ALL SELECT 4 UNION ALL SELECT 5) c "
                              "WHERE true ON CONFLICT (applicant_id, condition) DO UPDATE SET "
                              "result = 'pass', source = 'judged'",
                              error);

  for (guint i = 0; i < g_list_model_get_n_items (applicants); i++)
    {
      g_autoptr(QaApplicant) applicant = g_list_model_get_item (applicants, i);

      for (guint condition = 3; condition <= 5; condition++)
        if (!qa_applicants_judge (session, qa_applicant_get_id (applicant), condition, TRUE, NULL,
                                  error))
          return FALSE;
    }
  return TRUE;
}

static int
make_workload (const char *dir,
               guint       n,
               guint       material_mb,
               guint       scorers)
{
  g_autofree char *csv = applicants_csv (n);
  g_autofree char *experts = experts_csv ();
  g_autofree char *db_path = g_build_filename (dir, "session.db", NULL);
  g_autoptr(QaDatabase) db = NULL;
  g_autoptr(QaProfile) profile = NULL;
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) csv_bytes = NULL;
  g_autoptr(GBytes) expert_bytes = NULL;
  const char *members[N_MEMBERS + 1] = { NULL };
  guint imported = 0;
  GListModel *applicants;

  g_mkdir_with_parents (dir, 0755);
  write_file (dir, "applicants.csv", csv, -1);
  write_file (dir, "experts.csv", experts, -1);
  csv_bytes = g_bytes_new_static (csv, strlen (csv));
  expert_bytes = g_bytes_new_static (experts, strlen (experts));

  g_unlink (db_path);
  db = qa_database_open (db_path, &error);
  check (db != NULL, &error, db_path);
  profile = qa_profile_new_from_id ("ganzhou", &error);
  check (profile != NULL, &error, "profile");
  check (qa_session_create (db, profile, 2026, NULL, &error), &error, "session");
  session = qa_session_new (db, &error);
  check (session != NULL, &error, "session");
  check (qa_applicants_import_csv (session, csv_bytes, "applicants.csv", &imported, &error), &error,
         "applicants");
  check (qa_experts_import_csv (session, expert_bytes, "experts.csv", &imported, &error), &error,
         "experts");
  check (qa_session_reload (session, &error), &error, "reload");

  applicants = qa_session_get_applicants (session);
  check (qa_database_transaction (db, judge_all_cb, session, &error), &error, "judge");
  check (qa_applicants_store_eligibility (session, &error), &error, "eligibility");

  for (guint i = 0; i < N_MEMBERS; i++)
    {
      members[i] = g_strdup_printf ("E%02u", i + 1);
      check (qa_experts_declare (session, members[i], &error), &error, "declare");
    }
  check (qa_panel_form (session, QA_STAGE_MATERIAL, members[0], members, NULL, &error), &error,
         "panel");

  for (guint m = 0; m < MIN (scorers, N_MEMBERS); m++)
    {
      g_autofree char *package_name = g_strdup_printf ("%s.qapkg", members[m]);
      g_autofree char *package_path = g_build_filename (dir, package_name, NULL);
      g_autofree char *sheet_name = g_strdup_printf ("%s.qasheet", members[m]);
      g_autofree char *sheet_path = g_build_filename (dir, sheet_name, NULL);
      g_autoptr(QaSession) package = NULL;
      ScoreAll all;

      check (qa_package_export (session, members[m], QA_STAGE_MATERIAL, package_path, QA_OUTPUT_NONE, &error),
             &error, "package");
      package = qa_session_open (package_path, &error);
      check (package != NULL, &error, package_path);
      all.package = package;
      all.applicants = qa_scores_assigned_applicants (package, members[m], QA_STAGE_MATERIAL, &error);
      check (all.applicants != NULL, &error, "assigned");
      check (qa_database_transaction (qa_session_get_database (package), score_all_cb, &all, &error),
             &error, "score");
      g_strfreev (all.applicants);
      check (qa_sheet_export (package, sheet_path, QA_OUTPUT_NONE, &error), &error, "sheet");
      if (m > 0)
        {
          g_autofree char *wal = g_strconcat (package_path, "-wal", NULL);
          g_autofree char *shm = g_strconcat (package_path, "-shm", NULL);

          g_clear_object (&package);
          g_unlink (package_path);
          g_unlink (wal);
          g_unlink (shm);
        }
    }

  if (material_mb > 0)
    {
      g_autofree char *materials_path = g_build_filename (dir, "materials.db", NULL);
      g_autofree char *material_bin = g_build_filename (dir, "material.bin", NULL);
      g_autoptr(QaSession) with_materials = NULL;

      check (qa_database_backup (db, materials_path, QA_OUTPUT_NONE, &error), &error, materials_path);
      with_materials = qa_session_open (materials_path, &error);
      check (with_materials != NULL, &error, materials_path);
      for (guint i = 0; i < g_list_model_get_n_items (applicants); i++)
        {
          g_autoptr(QaApplicant) applicant = g_list_model_get_item (applicants, i);
          g_autoptr(GFile) file = g_file_new_for_path (material_bin);
          g_autoptr(QaMaterial) material = NULL;

          write_material (material_bin, i + 1, (gsize)material_mb << 20);
          material = qa_materials_add (with_materials, qa_applicant_get_id (applicant),
                                       QA_MATERIAL_SELF_ASSESSMENT, file, FALSE, TRUE, NULL, &error);
          check (material != NULL, &error, "material");
        }
      write_material (material_bin, 0, (gsize)material_mb << 20);
    }

  for (guint i = 0; i < N_MEMBERS; i++)
    g_free ((char *)members[i]);
  return 0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static void print_latencies (double *ms,
                             guint   n);

static int
score_edits (const char *package_path,
             guint       n)
{
  g_autoptr(QaSession) package = NULL;
  g_autoptr(QaScoreSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) applicants = NULL;
  g_autofree double *ms = g_new (double, n);
  const char *reviewer;

  package = qa_session_open (package_path, &error);
  check (package != NULL, &error, package_path);
  reviewer = qa_session_get_package_reviewer (package);
  applicants = qa_scores_assigned_applicants (package, reviewer, QA_STAGE_MATERIAL, &error);
  check (applicants != NULL && applicants[0] != NULL, &error, "assigned");
  sheet = qa_score_sheet_new (package, reviewer, applicants[0], QA_STAGE_MATERIAL, &error);
  check (sheet != NULL, &error, "sheet");

  for (guint i = 0; i < n; i++)
    {
      gint64 start = g_get_monotonic_time ();

      /* What typing in the editor saves: the percent and the comments of one item. */
      check (qa_score_sheet_set (sheet, "4.1.2", 50 + 5 * (i % 2), "领导作用明确。",
                                 i % 2 ? "建议加强战略部署。" : "建议补充绩效数据。", &error),
             &error, "score");
      ms[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  print_latencies (ms, n);
  return 0;
}

static void
print_latencies (double *ms,
                 guint   n)
{
  qsort (ms, n, sizeof *ms, compare_doubles);
  printf ("min %.3f p50 %.3f p99 %.3f max %.3f\n", ms[0], ms[n / 2], ms[(n * 99) / 100], ms[n - 1]);
}

static int
fsync_floor (const char *path,
             guint       n)
{
  g_autofree double *ms = g_new (double, n);
  char page[4096] = { 0 };
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

  check (fd >= 0, NULL, path);
  for (guint i = 0; i < n; i++)
    {
      gint64 start = g_get_monotonic_time ();

      page[0] = (char)i;
      check (pwrite (fd, page, sizeof page, (off_t)(i % 256) * (off_t)sizeof page) == sizeof page &&
             g_fsync (fd) == 0, NULL, path);
      ms[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  close (fd);
  g_unlink (path);
  print_latencies (ms, n);
  return 0;
}

int
main (int    argc,
      char **argv)
{
  if (argc == 6 && strcmp (argv[1], "workload") == 0)
    return make_workload (argv[2], (guint)atoi (argv[3]), (guint)atoi (argv[4]),
                          (guint)atoi (argv[5]));
  if (argc == 4 && strcmp (argv[1], "score-edit") == 0)
    return score_edits (argv[2], (guint)atoi (argv[3]));
  if (argc == 4 && strcmp (argv[1], "fsync") == 0)
    return fsync_floor (argv[2], (guint)atoi (argv[3]));
  if (argc == 4 && strcmp (argv[1], "csv") == 0)
    {
      g_autofree char *csv = applicants_csv ((guint)atoi (argv[2]));
      g_autoptr(GError) error = NULL;

      check (g_file_set_contents (argv[3], csv, -1, &error), &error, argv[3]);
      return 0;
    }
  fprintf (stderr, "usage: bench-province workload DIR N MATERIAL_MB SCORERS | score-edit PACKAGE N | fsync FILE N | csv N FILE\n");
  return 2;
}
