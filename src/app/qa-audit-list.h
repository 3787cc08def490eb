/* qa-audit-list.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "qa-core.h"

G_BEGIN_DECLS

#define QA_TYPE_AUDIT_LIST (qa_audit_list_get_type ())
G_DECLARE_FINAL_TYPE (QaAuditList, qa_audit_list, QA, AUDIT_LIST, GtkWidget)

/* The audit trail's entries as a list under its filters (applicant, expert, action, operator
 * and days), read-only. Its "selected" property is the entry picked (QaAuditItem) or NULL;
 * "n-entries" and "n-shown" say how many entries the trail has and how many the filters leave. */
GtkWidget   *qa_audit_list_new             (void);
QaSession   *qa_audit_list_get_session     (QaAuditList         *self);
void         qa_audit_list_set_session     (QaAuditList         *self,
                                            QaSession           *session);
/* Reads the trail again, keeping the filters. */
void         qa_audit_list_refresh         (QaAuditList         *self);
/* The entries shown (QaAuditItem), filtered, in the column view's order. */
GListModel  *qa_audit_list_get_model       (QaAuditList         *self);
guint        qa_audit_list_get_n_entries   (QaAuditList         *self);
guint        qa_audit_list_get_n_shown     (QaAuditList         *self);
QaAuditItem *qa_audit_list_get_selected    (QaAuditList         *self);
/* An entry as stored: “Before: …”, “After: …” (each when it has one) and “Hash: …”, a line each. */
char        *qa_audit_list_dup_stored_text (const QaAuditEntry  *entry);

G_END_DECLS
