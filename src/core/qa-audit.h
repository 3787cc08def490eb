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
  QA_AUDIT_ERROR_WRITE,
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

/* Narrows a listing: every field that is set must match (dates are YYYY-MM-DD, inclusive; the
 * applicant and expert match the entry's subject or a mention in its values). */
typedef struct
{
  const char *applicant_id;
  const char *expert_id;
  const char *action;      /* an action or its prefix, e.g. "sheet." */
  const char *operator_name;
  const char *from;
  const char *to;
} QaAuditFilter;

/* An entry as a GObject, for list views. */
#define QA_TYPE_AUDIT_ITEM (qa_audit_item_get_type ())
G_DECLARE_FINAL_TYPE (QaAuditItem, qa_audit_item, QA, AUDIT_ITEM, GObject)

const QaAuditEntry *qa_audit_item_get_entry (QaAuditItem *self);

GQuark        qa_audit_error_quark     (void);
/* The values of @entry (before and after) in words, in the current language: fields named,
 * recorded words (pass, eligible, trained=1, …) translated, times in local time. The stored
 * canonical text, which the hash chain covers, is unchanged. */
char         *qa_audit_describe_values (const QaAuditEntry *entry);
/* The whole entry as one translated sentence: the action, its subject, then the values. */
char         *qa_audit_describe        (const QaAuditEntry *entry);
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
/* The entries as a list model of QaAuditItem, oldest first. */
GListModel   *qa_audit_list_model      (QaDatabase    *db,
                                        GError       **error);
gboolean      qa_audit_entry_matches   (const QaAuditEntry  *entry,
                                        const QaAuditFilter *filter);
/* What an action means, translated, e.g. “Panel drawn” for "panel.draw" (a refused one says so);
 * an action this build does not know is returned as it is. */
char         *qa_audit_action_dup_label (const char         *action);
/* Writes @entries (QaAuditEntry) for the supervisory committee: CSV with the columns
 * seq,at,operator,role,action,subject_kind,subject_id,before,after,hash, or a PDF report. */
gboolean      qa_audit_write_csv       (GPtrArray     *entries,
                                        const char    *path,
                                        QaOutputFlags  flags,
                                        GError       **error);
gboolean      qa_audit_write_pdf       (GPtrArray     *entries,
                                        const char    *title,
                                        const char    *path,
                                        QaOutputFlags  flags,
                                        GError       **error);
/* Notes a refused change (an import, a sheet) in its own transaction: the refused data itself
 * changed nothing. */
gboolean      qa_audit_record_refusal  (QaDatabase    *db,
                                        const char    *action,
                                        const char    *subject_kind,
                                        const char    *subject_id,
                                        const char    *reason,
                                        GError       **error);

/* Notes, as the first entry after it, that the session was replaced by the backup @backup (what it
 * replaced is kept as @kept): a trail cut back by a restore says so. */
gboolean      qa_audit_record_restore  (QaDatabase    *db,
                                        const char    *backup,
                                        const char    *kept,
                                        GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QaAuditEntry, qa_audit_entry_free)

G_END_DECLS
