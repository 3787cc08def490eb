/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "qa-database-private.h"
#include "qa-test.h"

static char *
db_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

static char *
query_text (QaDatabase *db,
            const char *sql)
{
  sqlite3_stmt *stmt = _qa_database_prepare (db, sql, NULL);

  ck_assert_ptr_nonnull (stmt);
  ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
  return g_strdup ((const char *)sqlite3_column_text (stmt, 0));
}

static int
query_int (QaDatabase *db,
           const char *sql)
{
  sqlite3_stmt *stmt = _qa_database_prepare (db, sql, NULL);

  ck_assert_ptr_nonnull (stmt);
  ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
  return sqlite3_column_int (stmt, 0);
}

/* Writes a plain SQLite file with another program's tables, or a given user_version. */
static void
write_foreign_sqlite (const char *path,
                      const char *sql)
{
  sqlite3 *db = NULL;

  ck_assert_int_eq (sqlite3_open (path, &db), SQLITE_OK);
  ck_assert_int_eq (sqlite3_exec (db, sql, NULL, NULL, NULL), SQLITE_OK);
  sqlite3_close (db);
}

START_TEST (test_create_new)
{
  g_autofree char *path = db_path ("new.db");
  g_autoptr(QaDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *journal = NULL;

  db = qa_database_open (path, &error);
  ck_assert_msg (db != NULL, "%s", error ? error->message : "");
  ck_assert_int_eq (qa_database_get_schema_version (db), QA_DATABASE_SCHEMA_VERSION);
  ck_assert_str_eq (qa_database_get_path (db), path);
  ck_assert (!qa_database_has_session (db));

  journal = query_text (db, "PRAGMA journal_mode");
  ck_assert_str_eq (journal, "wal");
  ck_assert_int_eq (query_int (db, "PRAGMA foreign_keys"), 1);
  ck_assert_int_eq (query_int (db, "PRAGMA application_id"), 0x51415256);
  ck_assert_int_gt (query_int (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' "
                                   "AND name IN ('session', 'applicant', 'expert', 'conflict', "
                                   "'panel', 'panel_member', 'assignment', 'score', 'consensus', "
                                   "'objection', 'award', 'annual_report', 'audit_log', "
                                   "'material', 'material_content')"), 14);
}
END_TEST

START_TEST (test_migrate_empty_file)
{
  g_autofree char *path = db_path ("empty.db");
  g_autoptr(QaDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  ck_assert (g_file_set_contents (path, "", 0, NULL));

  db = qa_database_open (path, &error);
  ck_assert_msg (db != NULL, "%s", error ? error->message : "");
  ck_assert_int_eq (qa_database_get_schema_version (db), QA_DATABASE_SCHEMA_VERSION);
}
END_TEST

static gboolean
insert_expert (QaDatabase  *db,
               gpointer     user_data,
               GError     **error)
{
  const char *id = user_data;
  sqlite3_stmt *stmt;

  stmt = _qa_database_prepare (db,
                               "INSERT INTO expert (id, name, employer, experience_years, "
                               "trained, ethics) VALUES (?1, '王建国', '张掖市标准化研究所', 10, 1, 1)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  return _qa_database_check (db, sqlite3_step (stmt), error);
}

START_TEST (test_reopen_keeps_data)
{
  g_autofree char *path = db_path ("reopen.db");
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(QaDatabase) db = qa_database_open (path, &error);

    ck_assert_ptr_nonnull (db);
    ck_assert (qa_database_transaction (db, insert_expert, (gpointer)"E01", &error));
  }

  {
    g_autoptr(QaDatabase) db = qa_database_open (path, &error);
    g_autofree char *name = NULL;

    ck_assert_msg (db != NULL, "%s", error ? error->message : "");
    ck_assert_int_eq (qa_database_get_schema_version (db), QA_DATABASE_SCHEMA_VERSION);
    name = query_text (db, "SELECT name FROM expert WHERE id = 'E01'");
    ck_assert_str_eq (name, "王建国");
  }
}
END_TEST

/* A session file of schema 5, from before former employers were kept, migrates with its data. */
START_TEST (test_migrate_v5_keeps_experts)
{
  g_autofree char *path = db_path ("v5.db");
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(QaDatabase) db = qa_database_open (path, &error);

    ck_assert_ptr_nonnull (db);
    ck_assert (qa_database_transaction (db, insert_expert, (gpointer)"E01", &error));
  }
  /* Back to how schema 5 left it. */
  write_foreign_sqlite (path, "DROP TABLE expert_former_employer; PRAGMA user_version = 5;");

  {
    g_autoptr(QaDatabase) db = qa_database_open (path, &error);
    g_autofree char *name = NULL;
    g_auto(GStrv) backups = NULL;

    ck_assert_msg (db != NULL, "%s", error ? error->message : "");
    ck_assert_int_eq (qa_database_get_schema_version (db), QA_DATABASE_SCHEMA_VERSION);
    name = query_text (db, "SELECT name FROM expert WHERE id = 'E01'");
    ck_assert_str_eq (name, "王建国");
    ck_assert_int_eq (query_int (db, "SELECT count(*) FROM expert_former_employer"), 0);
    /* The new table refuses a date that is not one, and an expert not in the pool. */
    ck_assert_int_ne (sqlite3_exec (_qa_database_get_handle (db),
                                    "INSERT INTO expert_former_employer (expert_id, employer, "
                                    "employer_key, left_on) VALUES ('E01', 'x', 'x', '2025-13-01')",
                                    NULL, NULL, NULL), SQLITE_OK);
    ck_assert_int_ne (sqlite3_exec (_qa_database_get_handle (db),
                                    "INSERT INTO expert_former_employer (expert_id, employer, "
                                    "employer_key, left_on) VALUES ('E99', 'x', 'x', '2025-02-03')",
                                    NULL, NULL, NULL), SQLITE_OK);
    backups = qa_database_list_backups (path);
    ck_assert_ptr_nonnull (backups[0]);
  }
}
END_TEST

static gboolean
insert_orphan_conflict (QaDatabase  *db,
                        gpointer     user_data,
                        GError     **error)
{
  return _qa_database_exec (db,
                            "INSERT INTO conflict (expert_id, applicant_id, kind, source) "
                            "VALUES ('E01', 'A99', 'employer', 'declared')",
                            error);
}

START_TEST (test_foreign_keys_enforced)
{
  g_autofree char *path = db_path ("fk.db");
  g_autoptr(QaDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  db = qa_database_open (path, &error);
  ck_assert_ptr_nonnull (db);
  ck_assert (qa_database_transaction (db, insert_expert, (gpointer)"E01", &error));

  ck_assert (!qa_database_transaction (db, insert_orphan_conflict, NULL, &error));
  ck_assert (g_error_matches (error, QA_DATABASE_ERROR, QA_DATABASE_ERROR_CONSTRAINT));
  ck_assert_int_eq (query_int (db, "SELECT count(*) FROM conflict"), 0);
}
END_TEST

/* qa_applicants_import_csv() turns triggers off for its transaction, because the only ones on
 * applicant fill a name key the import already writes. A new trigger on applicant (a guard, a
 * log) would silently not run during imports: this fails so that whoever adds one looks there. */
START_TEST (test_applicant_triggers_are_the_name_keys)
{
  g_autofree char *path = db_path ("triggers.db");
  g_autoptr(QaDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  db = qa_database_open (path, &error);
  ck_assert_ptr_nonnull (db);
  ck_assert_int_eq (query_int (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' "
                                   "AND tbl_name = 'applicant'"), 2);
  ck_assert_int_eq (query_int (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' "
                                   "AND tbl_name = 'applicant' AND name IN "
                                   "('applicant_name_key_insert', 'applicant_name_key_update')"), 2);
}
END_TEST

/* Inserts the two experts named in @user_data, then gives up. */
static gboolean
insert_then_fail (QaDatabase  *db,
                  gpointer     user_data,
                  GError     **error)
{
  const char * const *ids = user_data;

  if (!insert_expert (db, (gpointer)ids[0], error) ||
      !insert_expert (db, (gpointer)ids[1], error))
    return FALSE;

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the caller gave up");
  return FALSE;
}

static gboolean
insert_inner_failing (QaDatabase  *db,
                      gpointer     user_data,
                      GError     **error)
{
  static const char * const inner_ids[] = { "E05", "E06" };
  g_autoptr(GError) inner_error = NULL;

  if (!insert_expert (db, (gpointer)"E04", error))
    return FALSE;

  /* The nested transaction fails; only its own writes are undone. */
  ck_assert (!qa_database_transaction (db, insert_then_fail, (gpointer)inner_ids, &inner_error));
  ck_assert (g_error_matches (inner_error, G_IO_ERROR, G_IO_ERROR_FAILED));
  return TRUE;
}

START_TEST (test_failed_transaction_leaves_nothing)
{
  g_autofree char *path = db_path ("tx.db");
  static const char * const ids[] = { "E02", "E03" };
  g_autoptr(QaDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  db = qa_database_open (path, &error);
  ck_assert_ptr_nonnull (db);

  ck_assert (!qa_database_transaction (db, insert_then_fail, (gpointer)ids, &error));
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_FAILED));
  ck_assert_int_eq (query_int (db, "SELECT count(*) FROM expert"), 0);
  ck_assert (!_qa_database_in_transaction (db));

  /* A constraint failure in the middle rolls back what came before it. */
  g_clear_error (&error);
  ck_assert (qa_database_transaction (db, insert_expert, (gpointer)"E02", &error));
  ck_assert (!qa_database_transaction (db, insert_then_fail, (gpointer)ids, &error));
  ck_assert (g_error_matches (error, QA_DATABASE_ERROR, QA_DATABASE_ERROR_CONSTRAINT));
  ck_assert_int_eq (query_int (db, "SELECT count(*) FROM expert"), 1);

  g_clear_error (&error);
  ck_assert (qa_database_transaction (db, insert_inner_failing, NULL, &error));
  ck_assert_int_eq (query_int (db, "SELECT count(*) FROM expert WHERE id = 'E04'"), 1);
  ck_assert_int_eq (query_int (db, "SELECT count(*) FROM expert WHERE id IN ('E03', 'E05', 'E06')"), 0);
}
END_TEST

START_TEST (test_newer_schema_refused_untouched)
{
  g_autofree char *path = db_path ("newer.db");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(QaDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  write_foreign_sqlite (path, "PRAGMA application_id = 1363235414; "
                              "CREATE TABLE session (id INTEGER); PRAGMA user_version = 99;");
  before = qa_test_file_checksum (path);

  db = qa_database_open (path, &error);
  ck_assert_ptr_null (db);
  ck_assert (g_error_matches (error, QA_DATABASE_ERROR, QA_DATABASE_ERROR_TOO_NEW));
  ck_assert_msg (strstr (error->message, "99") != NULL, "message: %s", error->message);

  after = qa_test_file_checksum (path);
  ck_assert_str_eq (before, after);
  ck_assert (!g_file_test (wal, G_FILE_TEST_EXISTS));
}
END_TEST


/* Issue 12.12: a format number below 0 is no version of ours; the file is not changed. */
START_TEST (test_negative_version_refused_untouched)
{
  g_autofree char *path = db_path ("negative.db");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *before = NULL;
  g_autoptr(QaDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  write_foreign_sqlite (path, "PRAGMA application_id = 1363235414; PRAGMA user_version = -1;");
  before = qa_test_file_checksum (path);

  db = qa_database_open (path, &error);
  ck_assert_ptr_null (db);
  ck_assert (g_error_matches (error, QA_DATABASE_ERROR, QA_DATABASE_ERROR_OPEN));
  ck_assert_msg (strstr (error->message, "-1") != NULL, "message: %s", error->message);
  {
    g_autofree char *now = qa_test_file_checksum (path);

    ck_assert_str_eq (now, before);
  }
  ck_assert (!g_file_test (wal, G_FILE_TEST_EXISTS));
}
END_TEST

/* Issue 13.12: opening an existing session never writes a schema into an empty file. */
START_TEST (test_existing_empty_file_untouched)
{
  g_autofree char *path = db_path ("empty.db");
  g_autoptr(QaDatabase) db = NULL;
  g_autoptr(QaSession) opened = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  ck_assert (g_file_set_contents (path, "", 0, NULL));
  db = qa_database_open_full (path, QA_DATABASE_OPEN_EXISTING, &error);
  ck_assert_ptr_null (db);
  ck_assert (g_error_matches (error, QA_DATABASE_ERROR, QA_DATABASE_ERROR_NO_SESSION));
  g_clear_error (&error);
  opened = qa_session_open (path, &error);
  ck_assert_ptr_null (opened);
  ck_assert (g_error_matches (error, QA_DATABASE_ERROR, QA_DATABASE_ERROR_NO_SESSION));
  ck_assert_int_eq (g_stat (path, &st), 0);
  ck_assert_int_eq (st.st_size, 0);
}
END_TEST

/* A session file as schema 1 left it. */
static void
write_v1_session (const char *path)
{
  g_autoptr(GBytes) script = NULL;
  g_autofree char *sql = NULL;

  script = g_resources_lookup_data ("/cn/gov/ganzhou/QaReview/core/sql/0001-initial.sql", 0, NULL);
  ck_assert_ptr_nonnull (script);
  sql = g_strdup_printf ("PRAGMA application_id = 1363235414; %.*s; PRAGMA user_version = 1; "
                         "INSERT INTO session (id, year, profile_id, profile_xml, criteria_id, deadline, created_at) "
                         "VALUES (1, 2025, 'ganzhou', x'00', 'gbt19580-2012', '2025-09-30', '2025-01-01T00:00:00Z');",
                         (int)g_bytes_get_size (script), (const char *)g_bytes_get_data (script, NULL));
  write_foreign_sqlite (path, sql);
}

/* A session of schema 1 gets its identity when it is migrated; a package of then gets none. */
START_TEST (test_migration_gives_identity)
{
  g_autofree char *path = db_path ("v1.db");
  g_autoptr(QaDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_auto(GStrv) backups = NULL;

  write_v1_session (path);
  db = qa_database_open (path, &error);
  ck_assert_msg (db != NULL, "%s", error ? error->message : "");
  ck_assert_int_eq (qa_database_get_schema_version (db), QA_DATABASE_SCHEMA_VERSION);
  uuid = query_text (db, "SELECT uuid FROM session");
  ck_assert_uint_eq (strlen (uuid), 32);
  /* Copied aside before the change. */
  backups = qa_database_list_backups (path);
  ck_assert_ptr_nonnull (backups[0]);
}
END_TEST


/* A backup is only read: one of an older format is restored brought up to date, and the backup
 * file itself stays byte for byte as it was (no migration, no journal, no backup folder). */
START_TEST (test_restore_leaves_backup_untouched)
{
  g_autofree char *backup = db_path ("old-backup.db");
  g_autofree char *backups_of_backup = g_strconcat (backup, ".backups", NULL);
  g_autofree char *path = db_path ("restored.db");
  g_autofree char *before = NULL;
  g_autoptr(GError) error = NULL;

  write_v1_session (backup);
  before = qa_test_file_checksum (backup);
  ck_assert_msg (qa_database_restore (backup, path, &error), "%s", error ? error->message : "");
  {
    g_autofree char *now = qa_test_file_checksum (backup);

    ck_assert_str_eq (now, before);
  }
  ck_assert (!g_file_test (backups_of_backup, G_FILE_TEST_EXISTS));
  {
    g_autoptr(QaDatabase) db = qa_database_open (path, &error);
    g_autofree char *uuid = NULL;

    ck_assert_msg (db != NULL, "%s", error ? error->message : "");
    ck_assert_int_eq (qa_database_get_schema_version (db), QA_DATABASE_SCHEMA_VERSION);
    uuid = query_text (db, "SELECT uuid FROM session");
    ck_assert_uint_eq (strlen (uuid), 32);
  }
}
END_TEST

/* In a child where no file may grow (a full disk): what it checks, as an exit status. */
static int
open_on_full_disk (const char *path)
{
  struct rlimit limit = { 0, 0 };
  g_autoptr(QaDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  signal (SIGXFSZ, SIG_IGN);
  if (setrlimit (RLIMIT_FSIZE, &limit) != 0)
    return 10;
  db = qa_database_open_full (path, QA_DATABASE_OPEN_EXISTING, &error);
  if (db == NULL)
    {
      g_printerr ("# %s\n", error->message);
      return 11;
    }
  if (!qa_database_is_read_only (db))
    return 12;
  /* An older file is read as brought up to date, in memory. */
  if (qa_database_get_schema_version (db) != QA_DATABASE_SCHEMA_VERSION)
    return 13;
  if (query_int (db, "SELECT count(*) FROM session") != 1)
    return 14;
  if (qa_database_transaction (db, insert_expert, (gpointer)"E01", &error) ||
      !g_error_matches (error, QA_DATABASE_ERROR, QA_DATABASE_ERROR_READ_ONLY) ||
      strstr (error->message, "nothing was lost") == NULL)
    return 15;
  return 0;
}

/* Issue 12.22: nothing can be written beside the file, yet it is read, even in an older format;
 * a write is refused saying nothing was lost, and the file is not changed. */
START_TEST (test_full_disk_opens_read_only)
{
  g_autofree char *path = db_path ("full.db");
  g_autofree char *before = NULL;
  int wait_status = 0;
  pid_t child;

  write_v1_session (path);
  before = qa_test_file_checksum (path);
  child = fork ();
  ck_assert_int_ge (child, 0);
  if (child == 0)
    _exit (open_on_full_disk (path));
  ck_assert_int_eq (waitpid (child, &wait_status, 0), child);
  ck_assert (WIFEXITED (wait_status));
  ck_assert_msg (WEXITSTATUS (wait_status) == 0, "check %d failed", WEXITSTATUS (wait_status));
  {
    g_autofree char *now = qa_test_file_checksum (path);

    ck_assert_str_eq (now, before);
  }
}
END_TEST

/* Issue 13.1 in core: no output replaces the open session, by any of its names. */
START_TEST (test_output_refuses_open_session)
{
  g_autofree char *path = db_path ("open.db");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *symbolic = db_path ("link.db");
  g_autofree char *hard = db_path ("hard.db");
  g_autofree char *other = db_path ("other.db");
  g_autofree char *plain = db_path ("plain.csv");
  g_autofree char *under_file = NULL;
  g_autofree char *before = NULL;
  g_autoptr(QaDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  const char * const refused[] = { path, wal, shm, symbolic, hard };

  db = qa_database_open (path, &error);
  ck_assert_ptr_nonnull (db);
  ck_assert (qa_database_transaction (db, insert_expert, (gpointer)"E01", &error));
  ck_assert_int_eq (symlink (path, symbolic), 0);
  ck_assert_int_eq (link (path, hard), 0);
  before = qa_test_file_checksum (path);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      ck_assert (!qa_output_write_file (refused[i], QA_OUTPUT_REPLACE, "x", 1, &error));
      ck_assert_msg (g_error_matches (error, QA_OUTPUT_ERROR, QA_OUTPUT_ERROR_OPEN_SESSION),
                     "%s: %s", refused[i], error->message);
      g_clear_error (&error);
      ck_assert (!qa_database_backup (db, refused[i], QA_OUTPUT_REPLACE, &error));
      ck_assert (g_error_matches (error, QA_OUTPUT_ERROR, QA_OUTPUT_ERROR_OPEN_SESSION));
      g_clear_error (&error);
    }
  {
    g_autofree char *now = qa_test_file_checksum (path);

    ck_assert_str_eq (now, before);
  }

  /* Another session: only when confirmed. */
  ck_assert (qa_database_backup (db, other, QA_OUTPUT_NONE, &error));
  ck_assert (qa_output_is_session_file (other));
  ck_assert (!qa_output_write_file (other, QA_OUTPUT_NONE, "x", 1, &error));
  ck_assert (g_error_matches (error, QA_OUTPUT_ERROR, QA_OUTPUT_ERROR_EXISTS));
  g_clear_error (&error);
  ck_assert (qa_output_is_session_file (other));
  /* Allowed to replace a package, a session is still refused. */
  ck_assert (!qa_output_is_package_file (other));
  ck_assert (!qa_output_write_file (other, QA_OUTPUT_REPLACE_PACKAGE, "x", 1, &error));
  ck_assert (g_error_matches (error, QA_OUTPUT_ERROR, QA_OUTPUT_ERROR_EXISTS));
  g_clear_error (&error);
  ck_assert (qa_output_write_file (other, QA_OUTPUT_REPLACE, "x", 1, &error));
  ck_assert (!qa_output_is_session_file (other));

  /* Any other file is replaced whole; a folder that cannot exist leaves nothing. */
  ck_assert (g_file_set_contents (plain, "old", -1, NULL));
  ck_assert (qa_output_write_file (plain, QA_OUTPUT_NONE, "new", 3, &error));
  under_file = g_build_filename (plain, "x.csv", NULL);
  ck_assert (!qa_output_write_file (under_file, QA_OUTPUT_NONE, "x", 1, &error));
  ck_assert (g_error_matches (error, QA_OUTPUT_ERROR, QA_OUTPUT_ERROR_WRITE));
  ck_assert_msg (strstr (error->message, "x.csv") != NULL, "%s", error->message);
  {
    g_autofree char *contents = NULL;

    ck_assert (g_file_get_contents (plain, &contents, NULL, NULL));
    ck_assert_str_eq (contents, "new");
  }
  {
    g_autoptr(GDir) dir = g_dir_open (tmpdir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      ck_assert_msg (!g_str_has_suffix (name, ".partial"), "left behind: %s", name);
  }
}
END_TEST


/* What a killed export left behind is cleared by the next export to the same file; a temporary
 * file a live writer holds is not touched. */
START_TEST (test_output_clears_stale_temps)
{
  g_autofree char *out = db_path ("x.csv");
  g_autofree char *stale = db_path (".x.csv.ABCDEF.partial");
  g_autofree char *stale_journal = db_path (".x.csv.ABCDEF.partial-journal");
  g_autofree char *orphan_journal = db_path (".x.csv.QWERTY.partial-journal");
  g_autofree char *live = db_path (".x.csv.LIVE00.partial");
  g_autofree char *other = db_path (".y.csv.ABCDEF.partial");
  g_autoptr(GError) error = NULL;
  int fd;

  ck_assert (g_file_set_contents (stale, "half", -1, NULL));
  ck_assert (g_file_set_contents (stale_journal, "j", -1, NULL));
  ck_assert (g_file_set_contents (orphan_journal, "j", -1, NULL));
  ck_assert (g_file_set_contents (live, "being written", -1, NULL));
  ck_assert (g_file_set_contents (other, "another file's", -1, NULL));
  fd = g_open (live, O_RDWR, 0);
  ck_assert_int_ge (fd, 0);
  ck_assert_int_eq (flock (fd, LOCK_EX), 0);

  ck_assert_msg (qa_output_write_file (out, QA_OUTPUT_NONE, "a,b\n", 4, &error), "%s",
                 error ? error->message : "");
  ck_assert (!g_file_test (stale, G_FILE_TEST_EXISTS));
  ck_assert (!g_file_test (stale_journal, G_FILE_TEST_EXISTS));
  ck_assert (!g_file_test (orphan_journal, G_FILE_TEST_EXISTS));
  ck_assert (g_file_test (live, G_FILE_TEST_EXISTS));
  ck_assert (g_file_test (other, G_FILE_TEST_EXISTS));
  close (fd);
}
END_TEST

/* Issue 13.2: a review package is not a session backup. */
START_TEST (test_restore_refuses_package)
{
  g_autofree char *path = db_path ("session.db");
  g_autofree char *package = db_path ("package.db");
  g_autofree char *before = NULL;
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(QaSession) demo = qa_session_open_with_demo (path, &error);
    g_autoptr(QaDatabase) copy = NULL;

    ck_assert_ptr_nonnull (demo);
    ck_assert (qa_database_backup (qa_session_get_database (demo), package, QA_OUTPUT_NONE, &error));
    copy = qa_database_open (package, &error);
    ck_assert (_qa_database_exec (copy, "UPDATE session SET kind = 'package'", &error));
  }
  before = qa_test_file_checksum (path);
  ck_assert (!qa_database_restore (package, path, &error));
  ck_assert_msg (strstr (error->message, "review package") != NULL, "%s", error->message);
  g_clear_error (&error);
  ck_assert (!qa_session_restore (path, package, NULL, NULL, QA_RESTORE_NONE, NULL, &error));
  {
    g_autofree char *now = qa_test_file_checksum (path);

    ck_assert_str_eq (now, before);
  }
}
END_TEST

START_TEST (test_foreign_database_refused_untouched)
{
  g_autofree char *path = db_path ("other.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(QaDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  write_foreign_sqlite (path, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');");
  before = qa_test_file_checksum (path);

  db = qa_database_open (path, &error);
  ck_assert_ptr_null (db);
  ck_assert (g_error_matches (error, QA_DATABASE_ERROR, QA_DATABASE_ERROR_OPEN));

  after = qa_test_file_checksum (path);
  ck_assert_str_eq (before, after);
}
END_TEST

START_TEST (test_not_sqlite_refused_untouched)
{
  g_autofree char *path = db_path ("notes.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(QaDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  static const char text[] = "This is the secretariat's meeting minute, not a database.\n"
                             "It is long enough to fill the first page of a header check.\n";

  ck_assert (g_file_set_contents (path, text, -1, NULL));
  before = qa_test_file_checksum (path);

  db = qa_database_open (path, &error);
  ck_assert_ptr_null (db);
  ck_assert_msg (g_error_matches (error, QA_DATABASE_ERROR, QA_DATABASE_ERROR_OPEN),
                 "%s", error ? error->message : "");
  ck_assert_msg (strstr (error->message, path) != NULL, "message: %s", error->message);

  after = qa_test_file_checksum (path);
  ck_assert_str_eq (before, after);
}
END_TEST

START_TEST (test_schema_checks_scores)
{
  g_autofree char *path = db_path ("checks.db");
  g_autoptr(QaDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  db = qa_database_open (path, &error);
  ck_assert_ptr_nonnull (db);

  /* Even a program that bypasses the core cannot store a percentage off the 5% grid. */
  ck_assert (_qa_database_exec (db,
                                "INSERT INTO item VALUES ('4.1.2', '4.1', 1, 50, 'process');"
                                "INSERT INTO expert (id, name, employer, experience_years, trained, ethics) "
                                "VALUES ('E01', 'a', 'b', 9, 1, 1);"
                                "INSERT INTO applicant (id, name, credit_code, district, legal_person, founded, created_at) "
                                "VALUES ('A01', 'x', '91440300708461136T', '甘州区', 1, '2010-01-01', '2026-01-01');",
                                &error));
  ck_assert (!_qa_database_exec (db,
                                 "INSERT INTO score (stage, expert_id, applicant_id, item, percent, updated_at) "
                                 "VALUES ('material', 'E01', 'A01', '4.1.2', 57, '2026-01-01')",
                                 &error));
  ck_assert (g_error_matches (error, QA_DATABASE_ERROR, QA_DATABASE_ERROR_CONSTRAINT));
  g_clear_error (&error);
  ck_assert (_qa_database_exec (db,
                                "INSERT INTO score (stage, expert_id, applicant_id, item, percent, updated_at) "
                                "VALUES ('material', 'E01', 'A01', '4.1.2', 55, '2026-01-01')",
                                &error));
}
END_TEST

START_TEST (test_backup_and_restore)
{
  g_autofree char *path = db_path ("live.db");
  g_autofree char *copy = db_path ("copy.db");
  g_autofree char *junk = db_path ("junk.db");
  g_autofree char *partial = g_strconcat (copy, ".partial", NULL);
  g_autoptr(QaProfile) profile = qa_profile_new_from_id ("ganzhou", NULL);
  g_autoptr(QaDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  db = qa_database_open (path, &error);
  ck_assert (qa_session_create (db, profile, 2026, NULL, &error));
  ck_assert (qa_database_transaction (db, insert_expert, (gpointer)"E01", &error));
  ck_assert_msg (qa_database_backup (db, copy, QA_OUTPUT_NONE, &error), "%s", error ? error->message : "");
  ck_assert (!g_file_test (partial, G_FILE_TEST_EXISTS));

  {
    g_autoptr(QaDatabase) backup = qa_database_open (copy, &error);

    ck_assert_ptr_nonnull (backup);
    ck_assert_int_eq (query_int (backup, "SELECT count(*) FROM expert"), 1);
  }

  /* Work done after the backup is undone by restoring it, with the live connection open. */
  ck_assert (qa_database_transaction (db, insert_expert, (gpointer)"E02", &error));
  ck_assert_int_eq (query_int (db, "SELECT count(*) FROM expert"), 2);
  ck_assert_msg (qa_database_restore (copy, path, &error), "%s", error ? error->message : "");
  ck_assert_int_eq (query_int (db, "SELECT count(*) FROM expert"), 1);

  /* A backup that is not a session is refused and the session is left as it was. */
  ck_assert (g_file_set_contents (junk, "not a database, just text that is long enough", -1, NULL));
  ck_assert (!qa_database_restore (junk, path, &error));
  g_clear_error (&error);
  {
    g_autofree char *missing = db_path ("missing.db");

    ck_assert (!qa_database_restore (missing, path, &error));
  }
  ck_assert_int_eq (query_int (db, "SELECT count(*) FROM expert"), 1);
}
END_TEST

/* A file that cannot be opened is kept aside, byte for byte, and the backup takes its place. */
START_TEST (test_restore_over_damaged_file)
{
  g_autofree char *path = db_path ("damaged.db");
  g_autofree char *copy = db_path ("good.db");
  g_autofree char *junk = db_path ("junk.db");
  g_autofree char *kept = NULL;
  g_autofree char *damaged_sum = NULL;
  g_autoptr(QaProfile) profile = qa_profile_new_from_id ("ganzhou", NULL);
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(QaDatabase) db = qa_database_open (path, &error);

    ck_assert (qa_session_create (db, profile, 2026, NULL, &error));
    ck_assert (qa_database_transaction (db, insert_expert, (gpointer)"E01", &error));
    ck_assert (qa_database_backup (db, copy, QA_OUTPUT_NONE, &error));
  }

  ck_assert (g_file_set_contents (path, "garbage where a session was, long enough to matter", -1, NULL));
  damaged_sum = qa_test_file_checksum (path);
  ck_assert_ptr_null (qa_database_open (path, &error));
  g_clear_error (&error);

  /* A bad backup changes nothing: the damaged file stays where it was. */
  ck_assert (g_file_set_contents (junk, "not a database, just text that is long enough", -1, NULL));
  ck_assert_ptr_null (qa_database_restore_damaged (junk, path, &error));
  ck_assert_ptr_nonnull (error);
  g_clear_error (&error);
  {
    g_autofree char *sum = qa_test_file_checksum (path);

    ck_assert_str_eq (sum, damaged_sum);
  }

  kept = qa_database_restore_damaged (copy, path, &error);
  ck_assert_msg (kept != NULL, "%s", error ? error->message : "");
  ck_assert (g_str_has_prefix (kept, path));
  ck_assert (strstr (kept, ".damaged-") != NULL);
  {
    g_autofree char *sum = qa_test_file_checksum (kept);
    g_autoptr(QaDatabase) db = qa_database_open (path, &error);

    ck_assert_str_eq (sum, damaged_sum);
    ck_assert_msg (db != NULL, "%s", error ? error->message : "");
    ck_assert_int_eq (query_int (db, "SELECT count(*) FROM expert"), 1);
  }
}
END_TEST

START_TEST (test_auto_backup_retention)
{
  g_autofree char *path = db_path ("kept.db");
  g_autoptr(QaDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) backups = NULL;
  g_autofree char *newest = NULL;

  db = qa_database_open (path, &error);
  for (guint i = 0; i < QA_DATABASE_KEEP_BACKUPS + 3; i++)
    {
      g_free (newest);
      newest = qa_database_auto_backup (db, "before-close", &error);
      ck_assert_msg (newest != NULL, "%s", error ? error->message : "");
    }

  backups = qa_database_list_backups (path);
  ck_assert_uint_eq (g_strv_length (backups), QA_DATABASE_KEEP_BACKUPS);
  ck_assert_str_eq (backups[0], newest);
  ck_assert (g_str_has_suffix (backups[0], "-before-close.db"));
}
END_TEST

static gboolean
insert_blob_cb (QaDatabase  *db,
                gpointer     user_data,
                GError     **error)
{
  return _qa_database_exec (db, "INSERT INTO session_note (data) VALUES (randomblob(40000))", error);
}

/* With SQLite's automatic checkpoint replaced by the connection's checkpoint thread, the WAL is
 * still copied back into the file while the session stays open and idle, and closing leaves one
 * self-contained file with every row. */
START_TEST (test_checkpoints_off_the_commit_path)
{
  g_autofree char *path = db_path ("checkpoint.db");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(QaDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  goffset before;
  gint64 deadline;

  db = qa_database_open (path, &error);
  ck_assert_msg (db != NULL, "%s", error ? error->message : "");
  ck_assert (_qa_database_exec (db, "CREATE TABLE session_note (data BLOB)", &error));
  ck_assert_int_eq (g_stat (path, &st), 0);
  before = st.st_size;

  /* About 1,500 WAL pages, past the point where a checkpoint is asked for. */
  for (guint i = 0; i < 150; i++)
    ck_assert_msg (qa_database_transaction (db, insert_blob_cb, NULL, &error), "%s",
                   error ? error->message : "");

  /* With no further commit, the file itself comes to hold the rows. */
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (g_stat (path, &st) == 0 && st.st_size < before + 50 * 40000 &&
         g_get_monotonic_time () < deadline)
    g_usleep (10000);
  ck_assert_int_ge (st.st_size, before + 50 * 40000);
  ck_assert_int_eq (query_int (db, "SELECT count(*) FROM session_note"), 150);

  g_clear_object (&db);
  ck_assert (!g_file_test (wal, G_FILE_TEST_EXISTS));
  db = qa_database_open (path, &error);
  ck_assert_msg (db != NULL, "%s", error ? error->message : "");
  ck_assert_int_eq (query_int (db, "SELECT count(*) FROM session_note"), 150);
  {
    g_autofree char *check = query_text (db, "PRAGMA integrity_check");

    ck_assert_str_eq (check, "ok");
  }
}
END_TEST

static Suite *
database_suite (void)
{
  Suite *suite = suite_create ("database");
  TCase *tc = tcase_create ("database");

  tcase_add_checked_fixture (tc, qa_test_setup_tmpdir, qa_test_teardown_tmpdir);
  tcase_add_test (tc, test_create_new);
  tcase_add_test (tc, test_checkpoints_off_the_commit_path);
  tcase_add_test (tc, test_migrate_empty_file);
  tcase_add_test (tc, test_reopen_keeps_data);
  tcase_add_test (tc, test_migrate_v5_keeps_experts);
  tcase_add_test (tc, test_foreign_keys_enforced);
  tcase_add_test (tc, test_applicant_triggers_are_the_name_keys);
  tcase_add_test (tc, test_failed_transaction_leaves_nothing);
  tcase_add_test (tc, test_newer_schema_refused_untouched);
  tcase_add_test (tc, test_foreign_database_refused_untouched);
  tcase_add_test (tc, test_not_sqlite_refused_untouched);
  tcase_add_test (tc, test_schema_checks_scores);
  tcase_add_test (tc, test_backup_and_restore);
  tcase_add_test (tc, test_restore_over_damaged_file);
  tcase_add_test (tc, test_auto_backup_retention);
  tcase_add_test (tc, test_negative_version_refused_untouched);
  tcase_add_test (tc, test_existing_empty_file_untouched);
  tcase_add_test (tc, test_migration_gives_identity);
  tcase_add_test (tc, test_full_disk_opens_read_only);
  tcase_add_test (tc, test_restore_leaves_backup_untouched);
  tcase_add_test (tc, test_output_refuses_open_session);
  tcase_add_test (tc, test_restore_refuses_package);
  tcase_add_test (tc, test_output_clears_stale_temps);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return qa_test_run (database_suite ());
}
