/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "qa-database.h"
#include "qa-output.h"

G_BEGIN_DECLS

/* Written into the SQLite header of every session and package (offset 68): "QARV". */
#define QA_APPLICATION_ID 0x51415256

/* The session files open in this process, which no output may replace. */
void     _qa_output_protect        (const char *database_path);
void     _qa_output_unprotect      (const char *database_path);

/* Whether @path may be written as an output (see QaOutput), for writers that cannot go through
 * QaOutput itself. */
gboolean _qa_output_check_destination (const char     *path,
                                       QaOutputFlags   flags,
                                       GError        **error);

/* A cairo write function over a QaOutput (the closure): the first failure is kept in the
 * output and reported by qa_output_commit(). */
cairo_status_t _qa_output_cairo_write (void                *closure,
                                       const unsigned char *data,
                                       unsigned int         length);

/* Records what the file stands for (@record, in a transaction of @db) and puts the file in place
 * in the same transaction: both happen, or neither. */
gboolean _qa_output_commit_recorded (QaOutput           *self,
                                     QaDatabase         *db,
                                     QaTransactionFunc   record,
                                     gpointer            user_data,
                                     GError            **error);

G_END_DECLS
