/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>

#include "fuzz-common.h"

static char *scratch;

static void
remove_scratch (void)
{
  g_autoptr(GDir) dir = g_dir_open (scratch, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (scratch, name, NULL);
      g_unlink (path);
    }
  g_rmdir (scratch);
}

QaSession *
fuzz_session (void)
{
  static QaSession *session;
  static const char * const members[] = { "E01", "E02", "E03", "E04", "E05", "E06", "E07", NULL };
  static const char * const judged[] = { "A01", "A02", "A04", "A06", "A07" };
  g_autofree char *path = NULL;
  g_autofree char *package = NULL;

  if (session != NULL)
    return session;

  scratch = g_dir_make_tmp ("qareview-fuzz-XXXXXX", NULL);
  g_assert (scratch != NULL);
  atexit (remove_scratch);

  path = g_build_filename (scratch, "session.db", NULL);
  session = qa_session_open_with_demo (path, NULL);
  g_assert (session != NULL);
  for (guint i = 0; i < G_N_ELEMENTS (judged); i++)
    g_assert (qa_applicants_judge (session, judged[i], 5, TRUE, NULL, NULL));
  g_assert (qa_applicants_store_eligibility (session, NULL));
  g_assert (qa_panel_form (session, QA_STAGE_MATERIAL, "E01", members, NULL, NULL));
  package = g_build_filename (scratch, "E03.qapkg", NULL);
  g_assert (qa_package_export (session, "E03", QA_STAGE_MATERIAL, package, QA_OUTPUT_NONE, NULL));
  return session;
}
