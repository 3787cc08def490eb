/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "qa-database.h"

G_BEGIN_DECLS

/* The tamper-evident audit trail (Art. 12): every change to a session appends an entry in the
 * same transaction, chained to the previous entry by SHA-256, so that an edited, deleted,
 * inserted or reordered entry — even one made with the sqlite3 shell — is found. */

#define QA_AUDIT_ERROR (qa_audit_error_quark ())

typedef enum
{
  QA_AUDIT_ERROR_BROKEN,   /* the chain does not verify; the message names the first bad entry */
} QaAuditError;

typedef struct
{
  gint64  seq;
  char   *at;
  char   *operator_name;
  char   *role;
  char   *action;
  char   *subject_kind;
  char   *subject_id;
  char   *before;
  char   *after;
  char   *hash;
} QaAuditEntry;

GQuark        qa_audit_error_quark     (void);
void          qa_audit_entry_free      (QaAuditEntry  *entry);

/* Recomputes the whole chain. On success @n_entries and @head (the last entry's hash, which the
 * supervisory committee can note down to catch a later truncation) are set. */
gboolean      qa_audit_verify          (QaDatabase    *db,
                                        guint64       *n_entries,
                                        char         **head,
                                        GError       **error);
/* Entries, oldest first (QaAuditEntry). */
GPtrArray    *qa_audit_list            (QaDatabase    *db,
                                        GError       **error);
/* Notes a refused change (an import, a sheet) in its own transaction: the refused data itself
 * changed nothing. */
gboolean      qa_audit_record_refusal  (QaDatabase    *db,
                                        const char    *action,
                                        const char    *subject_kind,
                                        const char    *subject_id,
                                        const char    *reason,
                                        GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QaAuditEntry, qa_audit_entry_free)

G_END_DECLS
