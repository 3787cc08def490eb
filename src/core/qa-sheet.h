/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "qa-session.h"

G_BEGIN_DECLS

/* The signed score sheet of spec/scoresheet.md: XML in urn:qareview:scoresheet:1, signed with
 * HMAC-SHA256 under the key issued in the reviewer's package. */

#define QA_SHEET_ERROR (qa_sheet_error_quark ())

typedef enum
{
  QA_SHEET_ERROR_PARSE,          /* not well-formed, hostile, too large, or not valid per the XSD */
  QA_SHEET_ERROR_SIGNATURE,      /* the signature does not verify: the sheet was changed */
  QA_SHEET_ERROR_NOT_ON_PANEL,
  QA_SHEET_ERROR_NOT_ASSIGNED,   /* an applicant is not assigned to the reviewer, or they conflict */
  QA_SHEET_ERROR_STAGE_CLOSED,
  QA_SHEET_ERROR_OLDER,          /* older than the sheet already stored */
  QA_SHEET_ERROR_NO_KEY,         /* no package was issued to this reviewer for this stage */
  QA_SHEET_ERROR_WRITE,
  QA_SHEET_ERROR_OTHER_SESSION,  /* made in a package of another session */
} QaSheetError;

typedef enum
{
  QA_SHEET_STORED,               /* new, or a newer revision replacing the stored one */
  QA_SHEET_UNCHANGED,            /* the very sheet already stored */
} QaSheetOutcome;

GQuark    qa_sheet_error_quark (void);

/* In a review package: writes the reviewer's signed sheet with every item scored so far, as the
 * next revision (recorded only once the file is in place; see QaOutput for what @path may
 * replace). */
gboolean  qa_sheet_export      (QaSession       *package,
                                const char      *path,
                                QaOutputFlags    flags,
                                GError         **error);
/* In the session database: verifies and stores one returned sheet, all or nothing. @name names
 * the file in messages. @reviewer_id, when not NULL, is set to the sheet's reviewer (when the
 * sheet could be read that far). A refusal is noted in the audit trail and changes nothing
 * else. */
gboolean  qa_sheet_import      (QaSession       *session,
                                GBytes          *bytes,
                                const char      *name,
                                QaSheetOutcome  *outcome,
                                char           **reviewer_id,
                                GError         **error);
/* The largest sheet this session takes, in bytes: what its applicants, items and longest
 * comments could fill (at least 16 MiB, at most 1 GiB, against hostile input). */
gsize     qa_sheet_get_max_size (QaSession      *session);
/* Reads a sheet file for qa_sheet_import(), never more than qa_sheet_get_max_size(): a larger
 * file is refused before it is read, a stream that never ends at the limit (QA_SHEET_ERROR_PARSE,
 * naming the file). */
GBytes   *qa_sheet_read_file    (QaSession      *session,
                                 GFile          *file,
                                 GError        **error);
/* Reads the sheet in @file (no more of it than a sheet may hold) and imports it as
 * qa_sheet_import() does, named by its file name, in a worker thread on a connection of its
 * own. */
void      qa_sheet_import_file_async  (QaSession           *session,
                                       GFile               *file,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean  qa_sheet_import_file_finish (QaSession           *session,
                                       GAsyncResult        *result,
                                       QaSheetOutcome      *outcome,
                                       char               **reviewer_id,
                                       GError             **error);

G_END_DECLS
