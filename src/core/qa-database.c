/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "qa-database"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>
#include <glib/gstdio.h>
#include <sys/statvfs.h>

#include "qa-database-private.h"
#include "qa-roles.h"
#include "qa-names-private.h"
#include "qa-output-private.h"
#include "qa-xml-private.h"

/* QA_APPLICATION_ID (qa-output-private.h) is written into the file header so that another
 * program's SQLite file is never mistaken for a session. */

/* Checkpoints (copying the WAL back into the file) are taken out of the commit path: SQLite's
 * automatic one ran inside the commit that crossed 1,000 WAL pages, two more fsyncs and a
 * thousand page writes in one edit. A thread of the connection's own does them instead, on a
 * connection of its own (a PASSIVE checkpoint never blocks a writer), whenever a commit leaves
 * the WAL past CHECKPOINT_PAGES; the committing connection restarts the WAL once it is all
 * copied back. Durability is the WAL's either way: every commit is fsync'd into it. Should the
 * thread fall behind a writer that never pauses, the commit that takes the WAL past
 * CHECKPOINT_LIMIT_PAGES checkpoints itself, as before. Closing the last connection
 * checkpoints whatever is left and removes the WAL. */
#define CHECKPOINT_PAGES 1000
#define CHECKPOINT_LIMIT_PAGES (8 * CHECKPOINT_PAGES)

typedef struct
{
  GMutex   lock;
  GCond    cond;
  gboolean wanted;
  gboolean quit;
  int      next_at;   /* the WAL's size (pages) at which the thread is asked again */
  char    *path;
  GThread *thread;
} Checkpointer;

static gpointer
checkpointer_thread (gpointer data)
{
  Checkpointer *c = data;
  sqlite3 *db = NULL;

  g_mutex_lock (&c->lock);
  for (;;)
    {
      while (!c->wanted && !c->quit)
        g_cond_wait (&c->cond, &c->lock);
      if (c->quit)
        break;
      c->wanted = FALSE;
      g_mutex_unlock (&c->lock);

      if (db == NULL &&
          sqlite3_open_v2 (c->path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
        g_clear_pointer (&db, sqlite3_close);
      if (db != NULL)
        {
          sqlite3_exec (db, "PRAGMA synchronous = FULL", NULL, NULL, NULL);
          sqlite3_wal_checkpoint_v2 (db, "main", SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
        }

      g_mutex_lock (&c->lock);
    }
  g_mutex_unlock (&c->lock);
  sqlite3_close (db);
  return NULL;
}

static void
checkpointer_free (Checkpointer *c)
{
  if (c->thread != NULL)
    {
      g_mutex_lock (&c->lock);
      c->quit = TRUE;
      g_cond_signal (&c->cond);
      g_mutex_unlock (&c->lock);
      g_thread_join (c->thread);
    }
  g_mutex_clear (&c->lock);
  g_cond_clear (&c->cond);
  g_free (c->path);
  g_free (c);
}

static int
wal_hook_cb (gpointer    user_data,
             sqlite3    *db,
             const char *name,
             int         n_pages)
{
  Checkpointer *c = user_data;

  if (n_pages >= CHECKPOINT_LIMIT_PAGES)
    {
      sqlite3_wal_checkpoint_v2 (db, name, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
      return SQLITE_OK;
    }
  /* Restarted (or new): asked at the first threshold again; else once per CHECKPOINT_PAGES
   * written since it was last asked, so that its own syncs stay rare. */
  if (n_pages < c->next_at - CHECKPOINT_PAGES)
    c->next_at = CHECKPOINT_PAGES;
  if (n_pages < c->next_at)
    return SQLITE_OK;
  c->next_at = n_pages + CHECKPOINT_PAGES;

  g_mutex_lock (&c->lock);
  if (c->thread == NULL)
    c->thread = g_thread_try_new ("qa-checkpoint", checkpointer_thread, c, NULL);
  c->wanted = TRUE;
  g_cond_signal (&c->cond);
  g_mutex_unlock (&c->lock);
  /* No thread to be had: the commit checkpoints, as SQLite would have. */
  if (c->thread == NULL)
    sqlite3_wal_checkpoint_v2 (db, name, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
  return SQLITE_OK;
}

static Checkpointer *
start_checkpointer (sqlite3    *db,
                    const char *path)
{
  Checkpointer *c = g_new0 (Checkpointer, 1);

  g_mutex_init (&c->lock);
  g_cond_init (&c->cond);
  c->path = g_strdup (path);
  c->next_at = CHECKPOINT_PAGES;
  /* Replaces SQLite's automatic checkpoint, which is a WAL hook too. */
  sqlite3_wal_hook (db, wal_hook_cb, c);
  return c;
}

struct _QaDatabase
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *statements;   /* SQL text → sqlite3_stmt */
  GHashTable *by_address;   /* where a caller's SQL text was last seen → the same statement */
  guint       depth;        /* nesting of qa_database_transaction() */
  char       *operator_name;
  char       *operator_role;
  int         changed_pending;  /* a "changed" emission is queued on the main context */
  gboolean    read_only;    /* nothing can be written beside the file */
  gboolean    protected;    /* registered with QaOutput as an open session */
  Checkpointer *checkpointer;  /* the WAL's checkpoints, off the commit path; NULL until needed */
};

G_DEFINE_FINAL_TYPE (QaDatabase, qa_database, G_TYPE_OBJECT)

G_DEFINE_QUARK (qa-database-error-quark, qa_database_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Schema version N is reached by running migrations[N - 1]. */
static const char * const migrations[] = {
  "sql/0001-initial.sql",
  "sql/0002-session-uuid.sql",
  "sql/0003-name-keys.sql",
  "sql/0004-consensus.sql",
  "sql/0005-outcome.sql",
  "sql/0006-former-employer.sql",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == QA_DATABASE_SCHEMA_VERSION);

static QaDatabaseError
error_code_for_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_CONSTRAINT:
      return QA_DATABASE_ERROR_CONSTRAINT;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return QA_DATABASE_ERROR_BUSY;
    case SQLITE_CORRUPT:
      return QA_DATABASE_ERROR_CORRUPT;
    case SQLITE_NOTADB:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
      return QA_DATABASE_ERROR_OPEN;
    default:
      return QA_DATABASE_ERROR_FAILED;
    }
}

/* Whether the file system holding @path has (next to) no room left. */
static gboolean
file_system_is_full (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  struct statvfs st;

  return statvfs (dir, &st) == 0 && (guint64)st.f_bavail * st.f_frsize < 1024 * 1024;
}

static gboolean
is_disk_full (int         rc,
              const char *path)
{
  if ((rc & 0xff) == SQLITE_FULL)
    return TRUE;
  /* SQLite does not keep the cause of a failed write or a wal-index it could not extend. */
  return (rc == SQLITE_IOERR_WRITE || rc == SQLITE_IOERR_SHMSIZE || rc == SQLITE_IOERR_FSYNC) &&
         path != NULL && file_system_is_full (path);
}

static void
set_sqlite_error (GError     **error,
                  sqlite3     *db,
                  int          rc,
                  const char  *path)
{
  QaDatabaseError code = error_code_for_sqlite (rc);
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  if (is_disk_full (rc, path))
    {
      g_set_error (error, QA_DATABASE_ERROR, QA_DATABASE_ERROR_FULL,
                   _("The disk holding the session file “%s” is full: the change was not saved, and nothing saved before was lost. Free some space and try again"),
                   path);
      return;
    }
  if ((rc & 0xff) == SQLITE_IOERR)
    {
      g_set_error (error, QA_DATABASE_ERROR, QA_DATABASE_ERROR_FAILED,
                   _("The session file “%s” could not be written to the disk (%s): the change was not saved, and nothing saved before was lost"),
                   path, detail);
      return;
    }

  switch (code)
    {
    case QA_DATABASE_ERROR_BUSY:
      g_set_error (error, QA_DATABASE_ERROR, code,
                   _("The session file “%s” is in use by another program; try again in a moment"),
                   path);
      break;
    case QA_DATABASE_ERROR_CORRUPT:
      g_set_error (error, QA_DATABASE_ERROR, code,
                   _("“%s” is damaged: restore a session from a backup; for a review package, ask the secretariat for a new one"),
                   path);
      break;
    case QA_DATABASE_ERROR_OPEN:
      g_set_error (error, QA_DATABASE_ERROR, code,
                   _("“%s” cannot be opened as a session file: it is not a qareview session or it is not writable"),
                   path);
      break;
    case QA_DATABASE_ERROR_CONSTRAINT:
      g_set_error (error, QA_DATABASE_ERROR, code,
                   _("The change breaks a rule of the session file “%s” and was not saved (%s)"),
                   path, detail);
      break;
    case QA_DATABASE_ERROR_TOO_NEW:
    case QA_DATABASE_ERROR_READ_ONLY:
    case QA_DATABASE_ERROR_FULL:
    case QA_DATABASE_ERROR_NO_SESSION:
    case QA_DATABASE_ERROR_SESSION_EXISTS:
    case QA_DATABASE_ERROR_NOT_ALLOWED:
    case QA_DATABASE_ERROR_FAILED:
    default:
      g_set_error (error, QA_DATABASE_ERROR, QA_DATABASE_ERROR_FAILED,
                   _("The session file “%s” could not be read or written (%s)"), path, detail);
      break;
    }
}

static void
qa_database_finalize (GObject *object)
{
  QaDatabase *self = (QaDatabase *)object;

  g_clear_pointer (&self->by_address, g_hash_table_unref);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->protected)
    _qa_output_unprotect (self->path);
  /* Its connection closed first, so that this one is the last and checkpoints what is left. */
  g_clear_pointer (&self->checkpointer, checkpointer_free);
  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->operator_name, g_free);
  g_clear_pointer (&self->operator_role, g_free);

  G_OBJECT_CLASS (qa_database_parent_class)->finalize (object);
}

static void
qa_database_class_init (QaDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = qa_database_finalize;

  /* Emitted on the main context after one or more writes were committed, from whichever thread
   * wrote: the views re-read what they show. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
qa_database_init (QaDatabase *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify)sqlite3_finalize);
  self->by_address = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->operator_name = g_strdup (*g_get_real_name () != '\0' && g_strcmp0 (g_get_real_name (), "Unknown") != 0
                                  ? g_get_real_name () : g_get_user_name ());
  self->operator_role = g_strdup ("secretariat");
}

static gboolean
query_int (QaDatabase  *self,
           const char  *sql,
           int         *value,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (error, self->db, rc, self->path);
      return FALSE;
    }
  *value = sqlite3_column_int (stmt, 0);
  return TRUE;
}

/* Refuses, without writing anything, a file that is not ours or that is newer than we are. */
static gboolean
check_file_identity (QaDatabase           *self,
                     QaDatabaseOpenFlags   flags,
                     int                  *version,
                     GError              **error)
{
  int application_id = 0;
  int n_tables = 0;

  if (!query_int (self, "PRAGMA application_id", &application_id, error) ||
      !query_int (self, "PRAGMA user_version", version, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_schema", &n_tables, error))
    return FALSE;

  /* Only creating a session writes a schema into an empty file. */
  if (application_id == 0 && n_tables == 0 && *version == 0 && !(flags & QA_DATABASE_OPEN_CREATE))
    {
      g_set_error (error, QA_DATABASE_ERROR, QA_DATABASE_ERROR_NO_SESSION,
                   _("“%s” holds no award session yet; create one first (qareview-cli init). The file was left untouched"),
                   self->path);
      return FALSE;
    }

  if (application_id != QA_APPLICATION_ID && (application_id != 0 || n_tables > 0))
    {
      g_set_error (error, QA_DATABASE_ERROR, QA_DATABASE_ERROR_OPEN,
                   _("“%s” is a database of another program, not a qareview session; it was left untouched"),
                   self->path);
      return FALSE;
    }

  if (*version < 0)
    {
      g_set_error (error, QA_DATABASE_ERROR, QA_DATABASE_ERROR_OPEN,
                   _("“%s” has the format number %d, which no qareview ever wrote: it is not a qareview session; it was left untouched"),
                   self->path, *version);
      return FALSE;
    }

  if (*version > QA_DATABASE_SCHEMA_VERSION)
    {
      g_set_error (error, QA_DATABASE_ERROR, QA_DATABASE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of qareview (format %d; this version reads up to %d). Open it with a newer qareview; the file was left untouched"),
                   self->path, *version, QA_DATABASE_SCHEMA_VERSION);
      return FALSE;
    }

  return TRUE;
}

static gboolean
configure_connection (QaDatabase  *self,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!_qa_database_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !_qa_database_exec (self, "PRAGMA synchronous = FULL", error))
    return FALSE;

  /* journal_mode returns a row: the mode now in force. */
  rc = sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (error, self->db, rc, self->path);
      return FALSE;
    }
  if (g_ascii_strcasecmp ((const char *)sqlite3_column_text (stmt, 0), "wal") != 0)
    g_warning ("%s: WAL journal mode is not available, using %s",
               self->path, sqlite3_column_text (stmt, 0));

  return TRUE;
}

typedef struct
{
  int         version;
  const char *script;
} Migration;

/* A migration that rebuilds a table runs with foreign keys off: nothing may dangle after it. */
static gboolean
check_foreign_keys (QaDatabase  *db,
                    GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db->db, "PRAGMA foreign_key_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, QA_DATABASE_ERROR, QA_DATABASE_ERROR_CONSTRAINT,
                   _("%s: a row of %s refers to a missing row of %s; the session was not upgraded"),
                   db->path, sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 2));
      return FALSE;
    }
  set_sqlite_error (error, db->db, rc, db->path);
  return FALSE;
}

static gboolean
run_migration (QaDatabase  *db,
               gpointer     user_data,
               GError     **error)
{
  const Migration *migration = user_data;
  g_autofree char *set_version = NULL;

  if (!_qa_database_exec (db, migration->script, error) ||
      !check_foreign_keys (db, error))
    return FALSE;

  set_version = g_strdup_printf ("PRAGMA user_version = %d", migration->version);
  return _qa_database_exec (db, set_version, error);
}

static gboolean
migrate (QaDatabase  *self,
         int          from_version,
         GError     **error)
{
  if (from_version == 0)
    {
      g_autofree char *set_id = g_strdup_printf ("PRAGMA application_id = %d", QA_APPLICATION_ID);

      if (!_qa_database_exec (self, set_id, error))
        return FALSE;
    }

  /* Table rebuilds (SQLite's 12-step recipe) need foreign keys off outside the transaction,
   * or dropping the old table would cascade into every table that refers to it. */
  if (!_qa_database_exec (self, "PRAGMA foreign_keys = OFF", error))
    return FALSE;

  for (int version = from_version + 1; version <= QA_DATABASE_SCHEMA_VERSION; version++)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *script = NULL;
      Migration migration;

      bytes = _qa_core_resource (migrations[version - 1], error);
      if (bytes == NULL)
        return FALSE;

      script = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      migration.version = version;
      migration.script = script;

      g_debug ("%s: migrating to schema %d", self->path, version);
      if (!qa_database_transaction (self, run_migration, &migration, error))
        {
          _qa_database_exec (self, "PRAGMA foreign_keys = ON", NULL);
          return FALSE;
        }
    }

  return _qa_database_exec (self, "PRAGMA foreign_keys = ON", error);
}

static gboolean copy_pages (sqlite3     *from,
                            sqlite3     *to,
                            const char  *to_path,
                            GError     **error);

static gboolean
migrate_in_memory (QaDatabase  *self,
                   int          version,
                   GError     **error)
{
  sqlite3 *memory = NULL;
  gboolean ok;

  if (sqlite3_open_v2 (":memory:", &memory, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK ||
      !copy_pages (self->db, memory, self->path, error))
    {
      if (error != NULL && *error == NULL)
        set_sqlite_error (error, memory, SQLITE_NOMEM, self->path);
      sqlite3_close (memory);
      return FALSE;
    }
  sqlite3_close_v2 (self->db);
  self->db = memory;
  sqlite3_extended_result_codes (self->db, TRUE);
  if (!_qa_names_register_sql (self->db))
    {
      set_sqlite_error (error, self->db, sqlite3_errcode (self->db), self->path);
      return FALSE;
    }

  self->read_only = FALSE;
  ok = _qa_database_exec (self, "PRAGMA foreign_keys = ON", error) && migrate (self, version, error);
  self->read_only = TRUE;
  return ok;
}

/* Opens the connection and answers the first query (the file's identity), waiting for other
 * writers from the start. */
static int
connect (QaDatabase  *self,
         const char  *filename,
         int          open_flags)
{
  int rc;

  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }

  rc = sqlite3_open_v2 (filename, &self->db, open_flags | SQLITE_OPEN_NOMUTEX, NULL);
  if (self->db != NULL)
    {
      sqlite3_busy_timeout (self->db, 5000);
      sqlite3_extended_result_codes (self->db, TRUE);
    }
  /* The one comparison key of organisation names, for the ties and duplicates in SQL. */
  if (rc == SQLITE_OK && !_qa_names_register_sql (self->db))
    rc = sqlite3_errcode (self->db);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (self->db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
  return rc;
}

/* Whether @rc says that the file can be read but nothing can be written beside it. */
static gboolean
is_write_failure (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
has_live_wal (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;

  return g_stat (wal, &st) == 0 && st.st_size > 0;
}

/* Sets the connection up for writing and brings the schema up to date. */
static gboolean
open_for_writing (QaDatabase  *self,
                  int          version,
                  GError     **error)
{
  if (!configure_connection (self, error))
    return FALSE;
  if (version >= QA_DATABASE_SCHEMA_VERSION)
    return TRUE;

  /* A session that holds data is copied aside before its schema changes. */
  if (version > 0)
    {
      g_autofree char *backup = qa_database_auto_backup (self, "before-migration", error);

      if (backup == NULL)
        return FALSE;
    }
  return migrate (self, version, error);
}

/* Whether @error says only that nothing could be written (rather than that the file is bad). */
static gboolean
is_write_failure_error (QaDatabase   *self,
                        const GError *error)
{
  if (error->domain == G_FILE_ERROR ||
      g_error_matches (error, QA_OUTPUT_ERROR, QA_OUTPUT_ERROR_WRITE) ||
      g_error_matches (error, QA_DATABASE_ERROR, QA_DATABASE_ERROR_FULL))
    return TRUE;
  return error->domain == QA_DATABASE_ERROR && is_write_failure (sqlite3_extended_errcode (self->db));
}

/* A full disk or a read-only medium: the session is opened for reading. Without a write-ahead
 * log left behind, the file itself is the whole session and is read as it is. */
static int
connect_read_only (QaDatabase *self)
{
  g_autofree char *uri = NULL;
  g_autofree char *escaped = g_uri_escape_string (self->path, "/", FALSE);
  int rc;

  uri = g_strdup_printf ("file:%s?mode=ro", escaped);
  rc = connect (self, uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI);
  if (rc != SQLITE_OK && is_write_failure (rc) && !has_live_wal (self->path))
    {
      g_free (uri);
      uri = g_strdup_printf ("file:%s?immutable=1", escaped);
      rc = connect (self, uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI);
    }
  return rc;
}

/**
 * qa_database_open:
 * @path: the session file; created when missing
 *
 * Opens a session database, creating and migrating it to the current schema as needed. A file
 * that is not a qareview database, or one written by a newer version, is refused and left
 * byte-for-byte untouched.
 *
 * Returns: (transfer full): the database, or %NULL with @error set
 */
QaDatabase *
qa_database_open (const char  *path,
                  GError     **error)
{
  return qa_database_open_full (path, QA_DATABASE_OPEN_CREATE, error);
}

QaDatabase *
qa_database_open_full (const char           *path,
                       QaDatabaseOpenFlags   flags,
                       GError              **error)
{
  g_autoptr(QaDatabase) self = NULL;
  int version = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (QA_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);

  if (!(flags & QA_DATABASE_OPEN_CREATE) && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no file “%s”. Check its name, or create a new session."), display);
      return NULL;
    }

  if (flags & QA_DATABASE_OPEN_READ_ONLY)
    rc = SQLITE_READONLY;
  else
    rc = connect (self, path, SQLITE_OPEN_READWRITE | (flags & QA_DATABASE_OPEN_CREATE ? SQLITE_OPEN_CREATE : 0));
  if (rc == SQLITE_OK)
    {
      g_autoptr(GError) local_error = NULL;

      if (!check_file_identity (self, flags, &version, error))
        return NULL;
      if (open_for_writing (self, version, &local_error))
        {
          self->checkpointer = start_checkpointer (self->db, self->path);
          _qa_output_protect (path);
          self->protected = TRUE;
          return g_steal_pointer (&self);
        }
      if (!is_write_failure_error (self, local_error))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      g_debug ("%s: %s", path, local_error->message);
    }
  else if (!is_write_failure (rc) || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      set_sqlite_error (error, self->db, rc, path);
      return NULL;
    }
  /* Nothing can be written beside the file (a full disk, a read-only medium): it is read. */
  rc = connect_read_only (self);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc, path);
      return NULL;
    }
  self->read_only = TRUE;
  if (!check_file_identity (self, flags, &version, error))
    return NULL;
  g_debug ("%s: nothing can be written beside the file; it is open for reading only", path);
  /* An older format is read from a copy in memory brought up to date; the file stays as it is. */
  if (version < QA_DATABASE_SCHEMA_VERSION && !migrate_in_memory (self, version, error))
    return NULL;

  _qa_output_protect (path);
  self->protected = TRUE;
  return g_steal_pointer (&self);
}

gboolean
qa_database_is_read_only (QaDatabase *self)
{
  g_return_val_if_fail (QA_IS_DATABASE (self), FALSE);

  return self->read_only;
}

const char *
qa_database_get_path (QaDatabase *self)
{
  g_return_val_if_fail (QA_IS_DATABASE (self), NULL);

  return self->path;
}

int
qa_database_get_schema_version (QaDatabase *self)
{
  int version = -1;

  g_return_val_if_fail (QA_IS_DATABASE (self), -1);

  if (!query_int (self, "PRAGMA user_version", &version, NULL))
    return -1;
  return version;
}

/* The one place where a role is kept from writing, so that no face can forget it. */
static gboolean
role_may_write (QaDatabase  *self,
                GError     **error)
{
  QaRole role;

  if (!qa_role_from_string (self->operator_role, &role) ||
      qa_role_allows (role, QA_PERMISSION_WRITE))
    return TRUE;

  g_set_error (error, QA_DATABASE_ERROR, QA_DATABASE_ERROR_NOT_ALLOWED,
               /* Translators: %s is a role, e.g. “Supervisory committee”. */
               _("%s reads the session and changes nothing (Art. 12): nothing was changed"),
               qa_role_get_label (role));
  return FALSE;
}

/**
 * qa_database_transaction:
 * @func: does the writing; returns %FALSE with @error set to roll everything back
 *
 * Runs @func so that all of its writes happen or none does. Transactions nest (as savepoints),
 * so a helper that writes in a transaction can be called from another one.
 *
 * Returns: %TRUE if @func succeeded and its writes were committed
 */
static gboolean
emit_changed (gpointer user_data)
{
  g_autoptr(QaDatabase) self = g_weak_ref_get (user_data);

  if (self != NULL)
    {
      g_atomic_int_set (&self->changed_pending, 0);
      g_signal_emit (self, signals[CHANGED], 0);
    }
  return G_SOURCE_REMOVE;
}

static void
free_weak_ref (gpointer user_data)
{
  g_weak_ref_clear (user_data);
  g_free (user_data);
}

/* One emission for a burst of commits. */
void
_qa_database_queue_changed (QaDatabase *self)
{
  GWeakRef *ref;

  if (!g_atomic_int_compare_and_exchange (&self->changed_pending, 0, 1))
    return;
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, emit_changed, ref, free_weak_ref);
}

/* Outside a transaction, a statement left on a row would hold its read snapshot open and hide
 * what other connections (a worker thread, the CLI) commit — and a write transaction begun on
 * top of that read gets SQLITE_BUSY at once, without the busy timeout, whenever another
 * connection is writing: a new statement or transaction ends those reads. */
static void
end_reads (QaDatabase *self)
{
  for (sqlite3_stmt *busy = sqlite3_next_stmt (self->db, NULL); busy != NULL;
       busy = sqlite3_next_stmt (self->db, busy))
    if (sqlite3_stmt_busy (busy))
      sqlite3_reset (busy);
}

gboolean
qa_database_transaction (QaDatabase         *self,
                         QaTransactionFunc   func,
                         gpointer            user_data,
                         GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *savepoint = NULL;
  gboolean ok;

  g_return_val_if_fail (QA_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (self->read_only)
    {
      g_set_error (error, QA_DATABASE_ERROR, QA_DATABASE_ERROR_READ_ONLY,
                   _("The session file “%s” is open for reading only, because the disk is full or read-only: nothing was changed, and nothing was lost. Free some space (or copy the session to a writable disk) and try again"),
                   self->path);
      return FALSE;
    }

  if (self->depth == 0)
    {
      if (!role_may_write (self, error))
        return FALSE;
      end_reads (self);
      if (!_qa_database_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
    }
  else
    {
      savepoint = g_strdup_printf ("SAVEPOINT qa_%u", self->depth);
      if (!_qa_database_exec (self, savepoint, error))
        return FALSE;
    }

  self->depth++;
  ok = func (self, user_data, &local_error);
  self->depth--;

  g_assert (ok || local_error != NULL);

  if (ok)
    {
      if (self->depth == 0)
        ok = _qa_database_exec (self, "COMMIT", &local_error);
      else
        {
          g_autofree char *release = g_strdup_printf ("RELEASE qa_%u", self->depth);
          ok = _qa_database_exec (self, release, &local_error);
        }
      if (ok)
        {
          if (self->depth == 0)
            _qa_database_queue_changed (self);
          return TRUE;
        }
    }

  if (self->depth == 0)
    {
      if (!sqlite3_get_autocommit (self->db))
        _qa_database_exec (self, "ROLLBACK", NULL);
    }
  else
    {
      g_autofree char *rollback = g_strdup_printf ("ROLLBACK TO qa_%u; RELEASE qa_%u",
                                                   self->depth, self->depth);
      _qa_database_exec (self, rollback, NULL);
    }

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
qa_database_has_session (QaDatabase *self)
{
  int n = 0;

  g_return_val_if_fail (QA_IS_DATABASE (self), FALSE);

  return query_int (self, "SELECT count(*) FROM session", &n, NULL) && n > 0;
}

void
qa_database_set_operator (QaDatabase *self,
                          const char *name,
                          const char *role)
{
  g_return_if_fail (QA_IS_DATABASE (self));
  g_return_if_fail (name != NULL && *name != '\0');
  g_return_if_fail (role != NULL && *role != '\0');

  g_free (self->operator_name);
  self->operator_name = g_strdup (name);
  g_free (self->operator_role);
  self->operator_role = g_strdup (role);
}

const char *
qa_database_get_operator_name (QaDatabase *self)
{
  g_return_val_if_fail (QA_IS_DATABASE (self), NULL);
  return self->operator_name;
}

const char *
qa_database_get_operator_role (QaDatabase *self)
{
  g_return_val_if_fail (QA_IS_DATABASE (self), NULL);
  return self->operator_role;
}

sqlite3 *
_qa_database_get_handle (QaDatabase *self)
{
  g_assert (QA_IS_DATABASE (self));

  return self->db;
}

sqlite3_stmt *
_qa_database_prepare (QaDatabase  *self,
                      const char  *sql,
                      GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_assert (QA_IS_DATABASE (self));
  g_assert (sql != NULL);

  if (self->depth == 0)
    end_reads (self);

  /* Most SQL is a literal, asked for again at the same address (once per row of a bulk write):
   * found by its address and checked against the statement's own text, rather than hashed
   * whole. Text built at run time that lands where other text was fails the check and is looked
   * up by its contents. */
  stmt = g_hash_table_lookup (self->by_address, sql);
  if (stmt == NULL || strcmp (sqlite3_sql (stmt), sql) != 0)
    {
      stmt = g_hash_table_lookup (self->statements, sql);
      if (stmt != NULL)
        g_hash_table_insert (self->by_address, (gpointer)sql, stmt);
    }
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc, self->path);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  g_hash_table_insert (self->by_address, (gpointer)sql, stmt);
  return stmt;
}

gboolean
_qa_database_exec (QaDatabase  *self,
                   const char  *sql,
                   GError     **error)
{
  int rc;

  g_assert (QA_IS_DATABASE (self));

  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc, self->path);
      return FALSE;
    }
  return TRUE;
}

gboolean
_qa_database_check (QaDatabase  *self,
                    int          rc,
                    GError     **error)
{
  g_assert (QA_IS_DATABASE (self));

  if (rc == SQLITE_DONE || rc == SQLITE_ROW || rc == SQLITE_OK)
    return TRUE;

  set_sqlite_error (error, self->db, rc, self->path);
  return FALSE;
}

gboolean
_qa_database_in_transaction (QaDatabase *self)
{
  g_assert (QA_IS_DATABASE (self));

  return self->depth > 0;
}

static gboolean
copy_pages (sqlite3     *from,
            sqlite3     *to,
            const char  *to_path,
            GError     **error)
{
  sqlite3_backup *backup;
  int rc;

  backup = sqlite3_backup_init (to, "main", from, "main");
  if (backup == NULL)
    {
      set_sqlite_error (error, to, sqlite3_errcode (to), to_path);
      return FALSE;
    }

  /* Copy in steps so a busy writer elsewhere only delays the copy. */
  do
    {
      rc = sqlite3_backup_step (backup, 256);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (20);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (backup);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, to, rc, to_path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
copy_to_output (QaDatabase     *self,
                const char     *destination,
                QaOutputFlags   flags,
                GError        **error)
{
  g_autoptr(QaOutput) output = NULL;
  sqlite3 *to = NULL;
  gboolean ok;
  int rc;

  /* Written beside the destination first, so a failed copy never replaces a good backup. */
  output = qa_output_new (destination, flags, error);
  if (output == NULL)
    return FALSE;

  rc = sqlite3_open_v2 (qa_output_get_temp_path (output), &to, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, to, rc, destination);
      sqlite3_close (to);
      return FALSE;
    }

  ok = copy_pages (self->db, to, destination, error);
  /* A backup is one self-contained file. */
  if (ok)
    {
      rc = sqlite3_exec (to, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        {
          set_sqlite_error (error, to, rc, destination);
          ok = FALSE;
        }
    }
  rc = sqlite3_close (to);
  if (ok && rc != SQLITE_OK)
    {
      set_sqlite_error (error, NULL, rc, destination);
      ok = FALSE;
    }

  return ok && qa_output_commit (output, error);
}

/* A failed copy is about the backup being written, not the session. */
static gboolean
backup_failed (const char  *destination,
               GError      *cause,
               GError     **error)
{
  g_autofree char *display = g_filename_display_name (destination);

  if (cause->domain != QA_DATABASE_ERROR)
    g_propagate_error (error, cause);
  else
    {
      if (cause->code == QA_DATABASE_ERROR_FULL)
        g_set_error (error, QA_OUTPUT_ERROR, QA_OUTPUT_ERROR_WRITE,
                     _("The backup was not written to “%s”: the disk is full. Nothing else was changed; free some space and try again"),
                     display);
      else
        g_set_error (error, QA_OUTPUT_ERROR, QA_OUTPUT_ERROR_WRITE,
                     _("The backup could not be written to “%s” (%s). Nothing else was changed"),
                     display, cause->message);
      g_error_free (cause);
    }
  return FALSE;
}

gboolean
qa_database_backup (QaDatabase     *self,
                    const char     *destination,
                    QaOutputFlags   flags,
                    GError        **error)
{
  GError *local_error = NULL;

  g_return_val_if_fail (QA_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (destination != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (copy_to_output (self, destination, flags, &local_error))
    return TRUE;
  return backup_failed (destination, local_error, error);
}

static char *
backup_dir (const char *path)
{
  return g_strconcat (path, ".backups", NULL);
}

static int
compare_names_newest_first (gconstpointer a,
                            gconstpointer b)
{
  return -g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

GStrv
qa_database_list_backups (const char *path)
{
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) folder = NULL;
  const char *name;

  g_return_val_if_fail (path != NULL, NULL);

  dir = backup_dir (path);
  folder = g_dir_open (dir, 0, NULL);
  if (folder != NULL)
    while ((name = g_dir_read_name (folder)) != NULL)
      if (g_str_has_suffix (name, ".db"))
        g_ptr_array_add (names, g_build_filename (dir, name, NULL));

  g_ptr_array_sort (names, compare_names_newest_first);
  g_ptr_array_add (names, NULL);
  return (GStrv)g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

char *
qa_database_auto_backup (QaDatabase  *self,
                         const char  *reason,
                         GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *dir = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *name = NULL;
  g_autofree char *destination = NULL;
  g_auto(GStrv) backups = NULL;

  g_return_val_if_fail (QA_IS_DATABASE (self), NULL);
  g_return_val_if_fail (reason != NULL, NULL);

  dir = backup_dir (self->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("The backup folder “%s” cannot be created: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }

  /* Names sort by time, so the newest is found without reading the files. */
  stamp = g_date_time_format (now, "%Y%m%dT%H%M%S");
  name = g_strdup_printf ("%s.%06d-%s.db", stamp, g_date_time_get_microsecond (now), reason);
  destination = g_build_filename (dir, name, NULL);
  if (!qa_database_backup (self, destination, QA_OUTPUT_NONE, error))
    return NULL;

  backups = qa_database_list_backups (self->path);
  for (guint i = QA_DATABASE_KEEP_BACKUPS; i < g_strv_length (backups); i++)
    g_unlink (backups[i]);

  return g_steal_pointer (&destination);
}

gboolean
qa_database_restore (const char  *backup,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(QaDatabase) source = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3 *to = NULL;
  gboolean ok;
  int rc, integrity = 0, n_packages = 0;

  g_return_val_if_fail (backup != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_file_test (backup, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, QA_DATABASE_ERROR, QA_DATABASE_ERROR_OPEN,
                   _("The backup “%s” does not exist"), backup);
      return FALSE;
    }

  /* Only an intact qareview session replaces the session; the backup itself is not changed. */
  source = qa_database_open_full (backup, QA_DATABASE_OPEN_READ_ONLY, &local_error);
  if (source == NULL)
    {
      g_set_error (error, QA_DATABASE_ERROR, local_error->code,
                   _("The backup “%s” cannot be restored: %s"), backup, local_error->message);
      return FALSE;
    }
  if (!query_int (source, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'",
                  &integrity, error))
    return FALSE;
  if (integrity != 0 || !qa_database_has_session (source))
    {
      g_set_error (error, QA_DATABASE_ERROR, QA_DATABASE_ERROR_CORRUPT,
                   _("The backup “%s” is damaged or holds no session; it was not restored"), backup);
      return FALSE;
    }
  if (!query_int (source, "SELECT count(*) FROM session WHERE kind = 'package'", &n_packages, error))
    return FALSE;
  if (n_packages != 0)
    {
      g_set_error (error, QA_DATABASE_ERROR, QA_DATABASE_ERROR_NO_SESSION,
                   _("“%s” is a reviewer’s review package, not a backup of the session; it was not restored"),
                   backup);
      return FALSE;
    }

  rc = sqlite3_open_v2 (path, &to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, to, rc, path);
      sqlite3_close (to);
      return FALSE;
    }
  sqlite3_busy_timeout (to, 5000);
  ok = copy_pages (source->db, to, path, error);
  sqlite3_close (to);
  return ok;
}

/* A session file and the journal SQLite keeps beside it. */
static const char * const session_files[] = { "", "-wal", "-shm", "-journal" };

/* Renames the first @n_files of @from's files to @to's; FALSE after putting back what moved. */
static gboolean
rename_session_files (const char  *from,
                      const char  *to,
                      guint        n_files,
                      GError     **error)
{
  for (guint i = 0; i < n_files; i++)
    {
      g_autofree char *source = g_strconcat (from, session_files[i], NULL);
      g_autofree char *destination = g_strconcat (to, session_files[i], NULL);
      int saved_errno;

      if (!g_file_test (source, G_FILE_TEST_EXISTS) || g_rename (source, destination) == 0)
        continue;

      saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("“%s” cannot be moved aside: %s"), source, g_strerror (saved_errno));
      rename_session_files (to, from, i, NULL);
      return FALSE;
    }
  return TRUE;
}

char *
qa_database_restore_damaged (const char  *backup,
                             const char  *path,
                             GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = NULL;
  g_autofree char *kept = NULL;

  g_return_val_if_fail (backup != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stamp = g_date_time_format (now, "%Y%m%dT%H%M%S");
  kept = g_strdup_printf ("%s.damaged-%s.%06d", path, stamp, g_date_time_get_microsecond (now));

  if (!rename_session_files (path, kept, G_N_ELEMENTS (session_files), error))
    return NULL;

  if (!qa_database_restore (backup, path, error))
    {
      for (guint i = 0; i < G_N_ELEMENTS (session_files); i++)
        {
          g_autofree char *created = g_strconcat (path, session_files[i], NULL);

          g_unlink (created);
        }
      rename_session_files (kept, path, G_N_ELEMENTS (session_files), NULL);
      return NULL;
    }

  return g_steal_pointer (&kept);
}
