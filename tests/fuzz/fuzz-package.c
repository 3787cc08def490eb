/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The package opener: whatever file a reviewer is handed is opened as a session or refused. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static char *path;
  g_autoptr(QaSession) package = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;

  if (path == NULL)
    {
      g_autofree char *dir = g_dir_make_tmp ("qareview-fuzz-package-XXXXXX", NULL);
      path = g_build_filename (dir, "input.qapkg", NULL);
    }
  wal = g_strconcat (path, "-wal", NULL);
  shm = g_strconcat (path, "-shm", NULL);
  g_unlink (wal);
  g_unlink (shm);
  g_assert (g_file_set_contents (path, (const char *)data, (gssize)size, NULL));

  package = qa_session_open (path, &error);
  /* A file refused as not ours, or as newer, is left byte for byte as it was. */
  if (g_error_matches (error, QA_DATABASE_ERROR, QA_DATABASE_ERROR_OPEN) ||
      g_error_matches (error, QA_DATABASE_ERROR, QA_DATABASE_ERROR_TOO_NEW))
    {
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_assert (g_file_get_contents (path, &contents, &length, NULL));
      g_assert (length == size && memcmp (contents, data, size) == 0);
    }
  if (package != NULL && qa_session_is_package (package))
    {
      g_auto(GStrv) assigned = qa_scores_assigned_applicants (package,
                                                              qa_session_get_package_reviewer (package),
                                                              qa_session_get_package_stage (package),
                                                              NULL);
      (void)assigned;
    }
  return 0;
}
