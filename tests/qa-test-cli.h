/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Running the real qareview-cli binary from a test, as an outside script would. */

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

/* Runs qareview-cli with the arguments (NULL-terminated) and XDG_DATA_HOME in the scratch
 * folder, so the default database is never the user's. */
static inline Run
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
