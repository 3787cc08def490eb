/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Applicant import against its floor: `sqlite3 .import` of the same CSV into a plain table, at
 * several sizes, each figure the minimum of several runs with the floor measured in the same run.
 * Times are CPU seconds (user + system) of the work itself, which stay comparable on a busy
 * machine; wall-clock minima are printed beside them.
 * Usage: bench-import [RUNS [N...]]   (default 3 runs of 1000 10000 100000 rows). */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "qa-core.h"
#include "bench-common.h"

static void
remove_db (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_unlink (journal);
}

static char *
write_csv (const char *dir,
           guint       n)
{
  g_autoptr(GString) csv = bench_applicants_csv (n);
  g_autofree char *name = g_strdup_printf ("applicants-%u.csv", n);
  char *path = g_build_filename (dir, name, NULL);

  g_assert (g_file_set_contents (path, csv->str, (gssize)csv->len, NULL));
  return path;
}

/* One qareview import of @csv_path into a new session; CPU and wall seconds of the import. */
static void
run_qareview (const char *dir,
              const char *csv_path,
              guint       n,
              double     *cpu,
              double     *wall)
{
  g_autofree char *path = g_build_filename (dir, "bench.db", NULL);
  g_autoptr(QaDatabase) db = NULL;
  g_autoptr(QaProfile) profile = NULL;
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  guint imported = 0;
  gint64 start;
  double cpu_start;

  remove_db (path);
  db = qa_database_open (path, &error);
  profile = qa_profile_new_from_id ("ganzhou", &error);
  g_assert (db != NULL && profile != NULL);
  g_assert (qa_session_create (db, profile, 2026, NULL, &error));
  session = qa_session_new (db, &error);
  g_assert (session != NULL);

  /* As the CLI does: read the file, then import it. */
  cpu_start = bench_cpu_seconds (RUSAGE_SELF);
  start = g_get_monotonic_time ();
  g_assert (g_file_get_contents (csv_path, &contents, &length, NULL));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  if (!qa_applicants_import_csv (session, bytes, "bench.csv", &imported, &error))
    g_error ("%s", error->message);
  *wall = (g_get_monotonic_time () - start) / 1e6;
  *cpu = bench_cpu_seconds (RUSAGE_SELF) - cpu_start;
  g_assert (imported == n);

  g_clear_object (&session);
  g_clear_object (&db);
  remove_db (path);
}

/* The floor: the sqlite3 shell importing the same CSV into a new table of the same columns. */
static void
run_floor (const char *dir,
           const char *csv_path,
           double     *cpu,
           double     *wall)
{
  g_autofree char *path = g_build_filename (dir, "floor.db", NULL);
  g_autofree char *script = g_strdup_printf (".mode csv\n.import %s applicant\n", csv_path);
  double cpu_start = bench_cpu_seconds (RUSAGE_CHILDREN);
  gint64 start = g_get_monotonic_time ();
  int fds[2];
  pid_t pid;
  int status;

  remove_db (path);
  g_assert (pipe (fds) == 0);
  pid = fork ();
  g_assert (pid >= 0);
  if (pid == 0)
    {
      dup2 (fds[0], 0);
      close (fds[0]);
      close (fds[1]);
      execlp ("sqlite3", "sqlite3", path, NULL);
      _exit (127);
    }
  close (fds[0]);
  g_assert (write (fds[1], script, strlen (script)) == (ssize_t)strlen (script));
  close (fds[1]);
  g_assert (waitpid (pid, &status, 0) == pid && WIFEXITED (status) && WEXITSTATUS (status) == 0);
  *wall = (g_get_monotonic_time () - start) / 1e6;
  *cpu = bench_cpu_seconds (RUSAGE_CHILDREN) - cpu_start;
  remove_db (path);
}

int
main (int    argc,
      char **argv)
{
  static const guint default_sizes[] = { 1000, 10000, 100000 };
  guint runs = argc > 1 ? (guint)g_ascii_strtoull (argv[1], NULL, 10) : 3;
  g_autofree char *dir = g_dir_make_tmp ("qareview-bench-XXXXXX", NULL);
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (guint));
  double first_per_row = 0;

  for (int i = 2; i < argc; i++)
    {
      guint n = (guint)g_ascii_strtoull (argv[i], NULL, 10);
      g_array_append_val (sizes, n);
    }
  if (sizes->len == 0)
    g_array_append_vals (sizes, default_sizes, G_N_ELEMENTS (default_sizes));

  printf ("%-28s %10s %10s %10s %10s %7s %12s %7s\n", "operation", "qa cpu s", "qa wall s",
          "floor cpu", "floor wall", "ratio", "µs/row (cpu)", "growth");
  for (guint s = 0; s < sizes->len; s++)
    {
      guint n = g_array_index (sizes, guint, s);
      g_autofree char *csv_path = write_csv (dir, n);
      double qa_cpu = G_MAXDOUBLE, qa_wall = G_MAXDOUBLE, floor_cpu = G_MAXDOUBLE, floor_wall = G_MAXDOUBLE;
      g_autofree char *label = g_strdup_printf ("import %u applicants", n);
      double per_row;

      for (guint r = 0; r < runs; r++)
        {
          double cpu, wall;

          run_qareview (dir, csv_path, n, &cpu, &wall);
          qa_cpu = MIN (qa_cpu, cpu);
          qa_wall = MIN (qa_wall, wall);
          run_floor (dir, csv_path, &cpu, &wall);
          floor_cpu = MIN (floor_cpu, cpu);
          floor_wall = MIN (floor_wall, wall);
        }
      per_row = qa_cpu / n * 1e6;
      if (s == 0)
        first_per_row = per_row;
      printf ("%-28s %10.3f %10.3f %10.3f %10.3f %6.2fx %12.2f %6.2fx\n", label, qa_cpu, qa_wall,
              floor_cpu, floor_wall, qa_cpu / floor_cpu, per_row, per_row / first_per_row);
      fflush (stdout);
      g_unlink (csv_path);
    }

  g_rmdir (dir);
  return 0;
}
