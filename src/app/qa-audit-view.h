/* qa-audit-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "qa-core.h"

G_BEGIN_DECLS

typedef enum
{
  QA_AUDIT_EXPORT_CSV,
  QA_AUDIT_EXPORT_PDF,
} QaAuditExportFormat;

#define QA_TYPE_AUDIT_VIEW (qa_audit_view_get_type ())
G_DECLARE_FINAL_TYPE (QaAuditView, qa_audit_view, QA, AUDIT_VIEW, GtkWidget)

/* The audit trail for the supervisory committee (Art. 12), read-only: every entry with who made
 * it in which role, filtered by applicant, expert, action, operator and day; the hash chain
 * verified on demand; the entries shown exported as CSV or PDF. */
GtkWidget  *qa_audit_view_new            (void);
QaSession  *qa_audit_view_get_session    (QaAuditView          *self);
void        qa_audit_view_set_session    (QaAuditView          *self,
                                          QaSession            *session);
/* Reads the trail again, keeping the filters. */
void        qa_audit_view_refresh        (QaAuditView          *self);
/* The entries shown (QaAuditItem), filtered, in the column view's order. */
GListModel *qa_audit_view_get_model      (QaAuditView          *self);
/* Recomputes the hash chain and shows the outcome above the list: TRUE when it verifies. */
gboolean    qa_audit_view_verify         (QaAuditView          *self);
/* Writes the entries shown to @file, as Export CSV… or Export PDF… does once a file is chosen;
 * in a worker thread, with a toast when it is done. */
void        qa_audit_view_export         (QaAuditView          *self,
                                          GFile                *file,
                                          QaAuditExportFormat   format);
gboolean    qa_audit_view_get_busy       (QaAuditView          *self);

G_END_DECLS
