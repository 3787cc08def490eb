/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Every file qareview writes for the user (exports, packages, sheets, backups) is written
 * through one mechanism: into a temporary file in the destination's folder, each write and the
 * close checked, synced, and renamed over the destination only when complete. A failure leaves
 * nothing behind and the destination as it was. An output never replaces a session file open in
 * this program (nor its journal), and replaces an existing session or review package only when
 * the user has confirmed it (QA_OUTPUT_REPLACE). */

#define QA_OUTPUT_ERROR (qa_output_error_quark ())

typedef enum
{
  QA_OUTPUT_ERROR_OPEN_SESSION, /* the destination is an open session file or its journal */
  QA_OUTPUT_ERROR_EXISTS,       /* the destination is a session or package, not confirmed */
  QA_OUTPUT_ERROR_WRITE,        /* the file could not be written (full disk, no such folder…) */
} QaOutputError;

typedef enum
{
  QA_OUTPUT_NONE    = 0,
  /* The user confirmed that an existing session or review package at the destination is to be
   * replaced (a file chooser asked; the CLI's --force). An open session is never replaced. */
  QA_OUTPUT_REPLACE = 1 << 0,
  /* An existing review package may be replaced (a package issued again into the folder it was
   * issued to), but not a session. */
  QA_OUTPUT_REPLACE_PACKAGE = 1 << 1,
} QaOutputFlags;

typedef struct _QaOutput QaOutput;

GQuark         qa_output_error_quark   (void);

/* Checks @path and opens its temporary file; NULL with @error set when it may not be written. */
QaOutput      *qa_output_new           (const char     *path,
                                        QaOutputFlags   flags,
                                        GError        **error);
/* Where the content is written meanwhile, for writers that need a file name (SQLite). */
const char    *qa_output_get_temp_path (QaOutput       *self);
const char    *qa_output_get_path      (QaOutput       *self);
gboolean       qa_output_write         (QaOutput       *self,
                                        const void     *data,
                                        gsize           size,
                                        GError        **error);
/* Syncs and closes the temporary file and puts it in place of the destination. */
gboolean       qa_output_commit        (QaOutput       *self,
                                        GError        **error);
/* Removes the temporary file (and any journal beside it) unless it was committed. */
void           qa_output_free          (QaOutput       *self);

/* Writes @size bytes of @data to @path through a QaOutput. */
gboolean       qa_output_write_file    (const char     *path,
                                        QaOutputFlags   flags,
                                        const void     *data,
                                        gsize           size,
                                        GError        **error);

/* Whether @path is a qareview session or review package (an SQLite file with our id). */
gboolean       qa_output_is_session_file (const char   *path);
/* Whether @path is a review package (not a session), read without changing it. */
gboolean       qa_output_is_package_file (const char   *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QaOutput, qa_output_free)

G_END_DECLS
