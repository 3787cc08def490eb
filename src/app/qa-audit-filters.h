/* qa-audit-filters.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "qa-core.h"

G_BEGIN_DECLS

#define QA_TYPE_AUDIT_FILTERS (qa_audit_filters_get_type ())
G_DECLARE_FINAL_TYPE (QaAuditFilters, qa_audit_filters, QA, AUDIT_FILTERS, GtkWidget)

/* The filters above the audit trail: a drop-down each for the applicant, the expert, the action
 * and the operator (the first row of each is “all”), and the first and last day. "changed" is
 * emitted when any of them changes. Its Clear Filters button uses the "audit.clear-filters"
 * action of the list around it. */
GtkWidget *qa_audit_filters_new  (void);
/* Offers the applicants and experts of @session, and the actions and operators @entries
 * (QaAuditItem) hold, keeping what was picked where it is still offered; "changed" is not
 * emitted. */
void       qa_audit_filters_fill (QaAuditFilters      *self,
                                  QaSession           *session,
                                  GListModel          *entries);
/* What is picked, NULL for “all”; the strings are the filters' own. @from and @to are days
 * (YYYY-MM-DD) in local time, NULL when the field is empty or holds no real day. */
void       qa_audit_filters_get  (QaAuditFilters      *self,
                                  QaAuditFilter       *filter);
/* Picks each value of @filter (NULL for none) as the user would; a value a drop-down does not
 * offer is “all”. */
void       qa_audit_filters_set  (QaAuditFilters      *self,
                                  const QaAuditFilter *filter);

G_END_DECLS
