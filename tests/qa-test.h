/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Small helpers every test program shares: a scratch folder that is removed afterwards and the
 * Check runner with TAP output. */

#include <check.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "qa-core.h"

/* The running test's scratch folder and session, made by the fixtures below. */
G_GNUC_UNUSED static char *tmpdir;
G_GNUC_UNUSED static QaSession *session;

static inline char *
qa_test_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("qareview-test-XXXXXX", &error);

  ck_assert_msg (dir != NULL, "cannot make a scratch folder: %s", error ? error->message : "");
  return dir;
}

static inline void
qa_test_rmtree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR))
            qa_test_rmtree (child);
          else
            g_unlink (child);
        }
    }
  g_rmdir (path);
}

/* The SHA-256 of a file's bytes, to prove a refused file was left untouched. */
static inline char *
qa_test_file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
}

/* Fixture: a scratch folder. */
static inline void
qa_test_setup_tmpdir (void)
{
  tmpdir = qa_test_tmpdir ();
}

static inline void
qa_test_teardown_tmpdir (void)
{
  g_clear_object (&session);
  qa_test_rmtree (tmpdir);
  g_clear_pointer (&tmpdir, g_free);
}

/* Fixture: a scratch folder holding a new session filled with the demo data. */
static inline void
qa_test_setup_demo (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  qa_test_setup_tmpdir ();
  path = g_build_filename (tmpdir, "session.db", NULL);
  session = qa_session_open_with_demo (path, &error);
  ck_assert_msg (session != NULL, "%s", error ? error->message : "");
}

/* How many entries of @db's audit trail record @action. */
static inline guint
qa_test_count_audit (QaDatabase *db,
                     const char *action)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = qa_audit_list (db, &error);
  guint n = 0;

  ck_assert_msg (entries != NULL, "%s", error ? error->message : "");
  for (guint i = 0; i < entries->len; i++)
    if (g_strcmp0 (((QaAuditEntry *)g_ptr_array_index (entries, i))->action, action) == 0)
      n++;
  return n;
}

static inline int
qa_test_run (Suite *suite)
{
  SRunner *runner = srunner_create (suite);
  int failed;

  srunner_run_all (runner, CK_ENV);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? 0 : 1;
}
