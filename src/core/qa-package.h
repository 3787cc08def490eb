/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "qa-session.h"

G_BEGIN_DECLS

/* Offline exchange (spec/scoresheet.md): the secretariat hands each reviewer a review package;
 * the reviewer returns a signed score sheet. */

#define QA_PACKAGE_ERROR (qa_package_error_quark ())

typedef enum
{
  QA_PACKAGE_ERROR_NOT_ON_PANEL,  /* the reviewer is not a member of the stage's panel */
  QA_PACKAGE_ERROR_NOTHING_ASSIGNED,
  QA_PACKAGE_ERROR_NOT_A_PACKAGE, /* a sheet is exported from a review package only */
  QA_PACKAGE_ERROR_WRITE,
} QaPackageError;

GQuark   qa_package_error_quark (void);

/* Writes the review package of @reviewer_id for @stage to @path, built fresh: the profile, the
 * criteria, the reviewer, the applicants assigned to them (conflicts excluded) with their
 * dossiers and materials, the reviewer's own scores so far, and the key their sheet is signed
 * with — nothing else. The key and the export are recorded in the session only once the package
 * is in place (see QaOutput for what @path may replace). */
gboolean qa_package_export      (QaSession   *session,
                                 const char  *reviewer_id,
                                 QaStage      stage,
                                 const char  *path,
                                 QaOutputFlags flags,
                                 GError     **error);
/* The same in a worker thread, on a connection of its own, so a large package does not hold the
 * program up. */
void     qa_package_export_async  (QaSession           *session,
                                   const char          *reviewer_id,
                                   QaStage              stage,
                                   const char          *path,
                                   QaOutputFlags        flags,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data);
gboolean qa_package_export_finish (QaSession           *session,
                                   GAsyncResult        *result,
                                   GError             **error);

G_END_DECLS
