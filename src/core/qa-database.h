/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "qa-output.h"

G_BEGIN_DECLS

#define QA_DATABASE_ERROR (qa_database_error_quark ())

typedef enum
{
  QA_DATABASE_ERROR_OPEN,           /* cannot be opened, or is not a qareview database */
  QA_DATABASE_ERROR_CORRUPT,        /* the file is damaged */
  QA_DATABASE_ERROR_TOO_NEW,        /* written by a newer qareview; left untouched */
  QA_DATABASE_ERROR_NO_SESSION,     /* holds no award session yet */
  QA_DATABASE_ERROR_SESSION_EXISTS, /* already holds a session */
  QA_DATABASE_ERROR_CONSTRAINT,     /* a write broke a rule of the schema */
  QA_DATABASE_ERROR_BUSY,           /* another program holds the file */
  QA_DATABASE_ERROR_NOT_ALLOWED,    /* the operator's role may not change the session */
  QA_DATABASE_ERROR_FAILED,
  /* open for reading only (the disk is full or read-only): nothing can be written */
  QA_DATABASE_ERROR_READ_ONLY,
  /* the disk is full: the write was not made, nothing written before is lost */
  QA_DATABASE_ERROR_FULL,
} QaDatabaseError;

typedef enum
{
  QA_DATABASE_OPEN_EXISTING = 0,       /* an existing session: an empty file is refused untouched */
  QA_DATABASE_OPEN_CREATE   = 1 << 0,  /* the file may be created and the schema written into it */
  /* read only, the file left as it is (an older format is brought up to date in memory) */
  QA_DATABASE_OPEN_READ_ONLY = 1 << 1,
} QaDatabaseOpenFlags;

/* The newest schema this build understands; files with a higher user_version are refused. */
#define QA_DATABASE_SCHEMA_VERSION 6

#define QA_DATABASE_KEEP_BACKUPS 20

#define QA_TYPE_DATABASE (qa_database_get_type ())
G_DECLARE_FINAL_TYPE (QaDatabase, qa_database, QA, DATABASE, GObject)

/* Called inside a transaction: return FALSE (with @error set) to roll everything back. */
typedef gboolean (*QaTransactionFunc) (QaDatabase  *db,
                                       gpointer     user_data,
                                       GError     **error);

GQuark      qa_database_error_quark        (void);
QaDatabase *qa_database_open               (const char        *path,
                                            GError           **error);
/* As qa_database_open(), but creating the schema only with QA_DATABASE_OPEN_CREATE. When the
 * file can be read but nothing can be written beside it (a full disk, a read-only medium), it is
 * opened for reading only: every write is then refused with QA_DATABASE_ERROR_READ_ONLY. */
QaDatabase *qa_database_open_full          (const char        *path,
                                            QaDatabaseOpenFlags flags,
                                            GError           **error);
gboolean    qa_database_is_read_only       (QaDatabase        *self);
const char *qa_database_get_path           (QaDatabase        *self);
int         qa_database_get_schema_version (QaDatabase        *self);
gboolean    qa_database_transaction        (QaDatabase        *self,
                                            QaTransactionFunc  func,
                                            gpointer           user_data,
                                            GError           **error);
gboolean    qa_database_has_session        (QaDatabase        *self);
/* Who is acting, recorded with every audit entry: a person's name and their role
 * ("secretariat", "chair", "supervisor" or "reviewer"). While the role is "supervisor", every
 * transaction is refused with QA_DATABASE_ERROR_NOT_ALLOWED: the supervisory committee reads the
 * session and changes nothing (Art. 12), whichever face it uses. */
void        qa_database_set_operator       (QaDatabase        *self,
                                            const char        *name,
                                            const char        *role);
const char *qa_database_get_operator_name  (QaDatabase        *self);
const char *qa_database_get_operator_role  (QaDatabase        *self);

/* Copies the session, consistent even while it is being written, to @destination (replaced
 * whole when the copy is complete; see QaOutput for what may be replaced). */
gboolean    qa_database_backup             (QaDatabase        *self,
                                            const char        *destination,
                                            QaOutputFlags      flags,
                                            GError           **error);
/* Writes an automatic backup next to the file, in “<file>.backups/”, named by the time and
 * @reason (e.g. "before-migration"), keeping the newest QA_DATABASE_KEEP_BACKUPS. Returns the
 * backup's path. */
char       *qa_database_auto_backup        (QaDatabase        *self,
                                            const char        *reason,
                                            GError           **error);
/* The automatic backups of the session file @path, newest first. */
GStrv       qa_database_list_backups       (const char        *path);
/* Replaces the session in @path with the backup @backup, after checking that the backup is an
 * intact qareview session. Safe while other connections have @path open. */
gboolean    qa_database_restore            (const char        *backup,
                                            const char        *path,
                                            GError           **error);
/* Puts @backup in the place of @path when @path cannot be opened as a session (damaged, or not
 * a session at all): the file at @path is not overwritten but kept beside it, with its journal,
 * as “<file>.damaged-<time>”. Returns that name; on failure everything is left as it was. */
char       *qa_database_restore_damaged    (const char        *backup,
                                            const char        *path,
                                            GError           **error);

G_END_DECLS
