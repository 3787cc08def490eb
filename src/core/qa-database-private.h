/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "qa-database.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* For core modules only: the GUI and CLI never see SQL. */
sqlite3      *_qa_database_get_handle (QaDatabase   *self);
/* A cached prepared statement, reset and with bindings cleared; owned by the database.
 * Outside a transaction this ends the reads of every other statement, so that the connection
 * sees what others commit: step through one statement's rows before preparing the next, or read
 * inside qa_database_transaction(). */
sqlite3_stmt *_qa_database_prepare    (QaDatabase   *self,
                                       const char   *sql,
                                       GError      **error);
/* Runs one statement that returns no rows. */
gboolean      _qa_database_exec       (QaDatabase   *self,
                                       const char   *sql,
                                       GError      **error);
/* Turns the result of sqlite3_step() into a GError in QA_DATABASE_ERROR; TRUE for DONE/ROW. */
/* Queues the "changed" signal: after a commit, or a write through another connection to the
 * same file (a worker thread's). */
void          _qa_database_queue_changed (QaDatabase *self);
gboolean      _qa_database_check      (QaDatabase   *self,
                                       int           rc,
                                       GError      **error);
gboolean      _qa_database_in_transaction (QaDatabase *self);

G_END_DECLS
