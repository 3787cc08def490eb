/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Running the real qareview-cli binary from a test, as an outside script would. */

#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "qa-test.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static inline void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static inline char *
tmp_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

/* In the child, before qareview-cli starts: no file may grow past the limit, as on a full disk
 * (writes fail with EFBIG instead of killing the program). Only async-signal-safe calls. */
static inline void
limit_file_size (gpointer user_data)
{
  struct rlimit limit;

  if (user_data == NULL)
    return;
  limit.rlim_cur = limit.rlim_max = (rlim_t)GPOINTER_TO_SIZE (user_data);
  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &limit);
}

static inline Run
cli_valist (gsize        file_size_limit,
            const char  *first,
            va_list      args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *data_home = tmp_path ("data-home");
  g_autoptr(GError) error = NULL;
  Run run = { 0, NULL, NULL };
  int wait_status = 0;

  g_ptr_array_add (argv, (gpointer)g_getenv ("QAREVIEW_CLI"));
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer)arg);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_setenv (envp, "XDG_DATA_HOME", data_home, TRUE);

  ck_assert_msg (g_spawn_sync (NULL, (char **)argv->pdata, envp, G_SPAWN_DEFAULT,
                               limit_file_size, GSIZE_TO_POINTER (file_size_limit),
                               &run.out, &run.err, &wait_status, &error),
                 "cannot run qareview-cli: %s", error ? error->message : "");
  ck_assert_msg (WIFEXITED (wait_status), "qareview-cli died: %s", run.err);
  run.status = WEXITSTATUS (wait_status);
  return run;
}

/* Runs qareview-cli with the arguments (NULL-terminated) and XDG_DATA_HOME in the scratch
 * folder, so the default database is never the user's. */
static inline Run
cli (const char *first,
     ...)
{
  va_list args;
  Run run;

  va_start (args, first);
  run = cli_valist (0, first, args);
  va_end (args);
  return run;
}

/* The same with no file allowed to grow past @limit bytes: a full disk. */
static inline Run
cli_full_disk (gsize       limit,
               const char *first,
               ...)
{
  va_list args;
  Run run;

  va_start (args, first);
  run = cli_valist (limit, first, args);
  va_end (args);
  return run;
}
