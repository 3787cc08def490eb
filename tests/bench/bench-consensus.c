/* SPDX-License-Identifier: GPL-3.0-or-later */

/* How fast the panel's consensus is compiled: N applicants (default 200) × 9 reviewers × the 23
 * items, computed by qa_consensus_compute(), against a plain GROUP BY of the same scores — run
 * in this process and in the sqlite3 shell (when there is one) — in the same run. Prints the
 * best of several runs of each and the ratio. Usage: bench-consensus [N] */

#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>
#include <stdio.h>
#include <string.h>

#include "qa-core.h"
#include "qa-database-private.h"

#define RUNS 15
#define GROUP_BY "SELECT applicant_id, item, count(*), avg(percent), min(percent), max(percent) " \
                 "FROM score WHERE stage = 'material' GROUP BY applicant_id, item"

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
fill (QaDatabase *db,
      guint       n)
{
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;

  sql = g_strdup_printf (
    "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < %u) "
    "INSERT INTO applicant (id, name, credit_code, district, legal_person, founded, created_at, status, eligibility) "
    "SELECT printf('B%%04d', x), printf('测试企业%%d', x), printf('91620702MA%%08d', x), '甘州区', 1, "
    "'2010-01-01', '2026-01-01T00:00:00Z', 'material', 'eligible' FROM n; "
    "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 9) "
    "INSERT INTO expert (id, name, employer, experience_years, trained, ethics) "
    "SELECT printf('R%%d', x), printf('评审员%%d', x), printf('单位%%d', x), 10, 1, 1 FROM n; "
    "INSERT INTO stage_applicant (stage, applicant_id) SELECT 'material', id FROM applicant; "
    "INSERT INTO score (stage, expert_id, applicant_id, item, percent, updated_at) "
    "SELECT 'material', e.id, a.id, i.code, "
    "((CAST(substr(a.id, 2) AS INTEGER) * 7 + CAST(substr(e.id, 2) AS INTEGER) * 13 + i.position * 3) %% 21) * 5, "
    "'2026-11-01T00:00:00Z' FROM applicant a, expert e, item i;",
    n);
  if (!_qa_database_exec (db, "BEGIN", &error) || !_qa_database_exec (db, sql, &error) ||
      !_qa_database_exec (db, "COMMIT", &error))
    g_error ("filling the bench session: %s", error->message);
}

static double
time_group_by (QaDatabase *db,
               guint      *n_rows)
{
  sqlite3_stmt *stmt = _qa_database_prepare (db, GROUP_BY, NULL);
  gint64 start = g_get_monotonic_time ();
  double sum = 0, ms;

  *n_rows = 0;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      sum += sqlite3_column_double (stmt, 3) + sqlite3_column_int (stmt, 4);
      (*n_rows)++;
    }
  ms = ms_since (start);
  g_assert (sum > 0);
  return ms;
}

/* The best “Run Time: real” of the GROUP BY in the sqlite3 shell, or a negative number. */
static double
best_shell (const char *path)
{
  const char *shell = g_getenv ("SQLITE3");
  g_autofree char *found = g_find_program_in_path (shell != NULL ? shell : "sqlite3");
  g_autoptr(GString) script = g_string_new (".output /dev/null\n.timer on\n");
  g_autofree char *script_path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *command = NULL;
  g_auto(GStrv) lines = NULL;
  double best = G_MAXDOUBLE;
  int fd;

  if (found == NULL)
    return -1;
  for (guint r = 0; r < RUNS; r++)
    g_string_append (script, GROUP_BY ";\n");
  fd = g_file_open_tmp ("bench-consensus-XXXXXX.sql", &script_path, NULL);
  if (fd < 0)
    return -1;
  close (fd);
  g_file_set_contents (script_path, script->str, (gssize)script->len, NULL);
  command = g_strdup_printf ("%s -readonly '%s' '.read %s'", found, path, script_path);
  if (!g_spawn_command_line_sync (command, &out, NULL, NULL, NULL))
    return -1;
  g_unlink (script_path);

  lines = g_strsplit (out != NULL ? out : "", "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *p = strstr (lines[i], "real ");

      if (p != NULL)
        best = MIN (best, g_ascii_strtod (p + 5, NULL) * 1000);
    }
  return best < G_MAXDOUBLE ? best : -1;
}

int
main (int    argc,
      char **argv)
{
  guint n = argc > 1 ? (guint)g_ascii_strtoull (argv[1], NULL, 10) : 200;
  g_autofree char *dir = g_dir_make_tmp ("qareview-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.db", NULL);
  g_autoptr(QaDatabase) db = NULL;
  g_autoptr(QaProfile) profile = NULL;
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GError) error = NULL;
  double compute_ms = G_MAXDOUBLE, totals_ms = G_MAXDOUBLE, group_ms, shell_ms;
  guint n_items = 0, n_groups = 0;
  gint64 checksum = 0;

  profile = qa_profile_new_from_id (QA_PROFILE_DEFAULT_ID, &error);
  db = qa_database_open (path, &error);
  if (db == NULL || profile == NULL || !qa_session_create (db, profile, 2026, NULL, &error))
    g_error ("%s", error->message);
  fill (db, n);
  session = qa_session_new (db, &error);
  if (session == NULL)
    g_error ("%s", error->message);

  /* Interleaved, best of RUNS each, so a busy machine weighs on both alike. */
  group_ms = G_MAXDOUBLE;
  for (guint r = 0; r < RUNS; r++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GPtrArray) items = qa_consensus_compute (session, QA_STAGE_MATERIAL, NULL, &error);
      g_autoptr(GPtrArray) totals = NULL;

      compute_ms = MIN (compute_ms, ms_since (start));
      if (items == NULL)
        g_error ("%s", error->message);
      n_items = items->len;
      checksum = 0;
      for (guint i = 0; i < items->len; i++)
        checksum += ((QaConsensusItem *)g_ptr_array_index (items, i))->points_x100;

      group_ms = MIN (group_ms, time_group_by (db, &n_groups));

      start = g_get_monotonic_time ();
      totals = qa_consensus_totals (session, QA_STAGE_MATERIAL, &error);
      totals_ms = MIN (totals_ms, ms_since (start));
      if (totals == NULL)
        g_error ("%s", error->message);
    }
  shell_ms = best_shell (path);

  printf ("consensus of %u applicants × 9 reviewers × 23 items (%u scores, %u items, checksum %" G_GINT64_FORMAT "):\n",
          n, n * 9 * 23, n_items, checksum);
  printf ("  qa_consensus_compute      %8.2f ms\n", compute_ms);
  printf ("  qa_consensus_totals       %8.2f ms\n", totals_ms);
  printf ("  GROUP BY, same process    %8.2f ms (%u groups)  ratio %.2f\n", group_ms, n_groups,
          compute_ms / group_ms);
  if (shell_ms >= 0)
    printf ("  GROUP BY, sqlite3 shell   %8.2f ms              ratio %.2f\n", shell_ms,
            compute_ms / shell_ms);
  else
    printf ("  GROUP BY, sqlite3 shell   (no sqlite3 shell found)\n");

  g_clear_object (&session);
  g_clear_object (&db);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *child = g_build_filename (dir, name, NULL);

        g_unlink (child);
      }
    g_rmdir (dir);
  }
  return 0;
}
