/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "qa-audit"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>


#include "qa-audit-private.h"
#include "qa-pdf-private.h"
#include "qa-csv.h"
#include "qa-database-private.h"
#include "qa-util-private.h"

/* The hash the first entry is chained to. */
#define GENESIS "0000000000000000000000000000000000000000000000000000000000000000"

G_DEFINE_QUARK (qa-audit-error-quark, qa_audit_error)

struct _QaAuditItem
{
  GObject       parent_instance;
  QaAuditEntry *entry;
};

G_DEFINE_FINAL_TYPE (QaAuditItem, qa_audit_item, G_TYPE_OBJECT)

static void
qa_audit_item_finalize (GObject *object)
{
  QaAuditItem *self = (QaAuditItem *)object;

  g_clear_pointer (&self->entry, qa_audit_entry_free);
  G_OBJECT_CLASS (qa_audit_item_parent_class)->finalize (object);
}

static void
qa_audit_item_class_init (QaAuditItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = qa_audit_item_finalize;
}

static void
qa_audit_item_init (QaAuditItem *self)
{
}

const QaAuditEntry *
qa_audit_item_get_entry (QaAuditItem *self)
{
  g_return_val_if_fail (QA_IS_AUDIT_ITEM (self), NULL);
  return self->entry;
}

void
qa_audit_entry_free (QaAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->operator_name);
  g_free (entry->role);
  g_free (entry->action);
  g_free (entry->subject_kind);
  g_free (entry->subject_id);
  g_free (entry->before);
  g_free (entry->after);
  g_free (entry->hash);
  g_free (entry);
}

static char *
entry_hash (const char         *prev_hash,
            const QaAuditEntry *entry)
{
  g_autoptr(GString) canonical = g_string_new ("qareview-audit-1;");
  g_autofree char *seq = g_strdup_printf ("%" G_GINT64_FORMAT, entry->seq);

  _qa_canonical_append (canonical, prev_hash);
  _qa_canonical_append (canonical, seq);
  _qa_canonical_append (canonical, entry->at);
  _qa_canonical_append (canonical, entry->operator_name);
  _qa_canonical_append (canonical, entry->role);
  _qa_canonical_append (canonical, entry->action);
  _qa_canonical_append (canonical, entry->subject_kind);
  _qa_canonical_append (canonical, entry->subject_id);
  _qa_canonical_append (canonical, entry->before);
  _qa_canonical_append (canonical, entry->after);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, canonical->str, canonical->len);
}

gboolean
_qa_audit_append (QaDatabase  *db,
                  const char  *action,
                  const char  *subject_kind,
                  const char  *subject_id,
                  const char  *before,
                  const char  *after,
                  GError     **error)
{
  g_autofree char *prev_hash = NULL;
  g_autofree char *at = _qa_now_iso ();
  g_autofree char *hash = NULL;
  QaAuditEntry entry = { 0, };
  sqlite3_stmt *stmt;
  int rc;

  g_assert (QA_IS_DATABASE (db));
  g_assert (_qa_database_in_transaction (db));
  g_assert (action != NULL);

  /* The next number is what AUTOINCREMENT will hand out: one past the highest ever used. */
  stmt = _qa_database_prepare (db,
                               "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'), 0), "
                               "(SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1)",
                               error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (!_qa_database_check (db, rc, error))
    return FALSE;
  entry.seq = sqlite3_column_int64 (stmt, 0) + 1;
  prev_hash = g_strdup (sqlite3_column_type (stmt, 1) == SQLITE_NULL
                        ? GENESIS : (const char *)sqlite3_column_text (stmt, 1));
  sqlite3_reset (stmt);

  entry.at = at;
  entry.operator_name = (char *)qa_database_get_operator_name (db);
  entry.role = (char *)qa_database_get_operator_role (db);
  entry.action = (char *)action;
  entry.subject_kind = (char *)subject_kind;
  entry.subject_id = (char *)subject_id;
  entry.before = (char *)before;
  entry.after = (char *)after;
  hash = entry_hash (prev_hash, &entry);

  stmt = _qa_database_prepare (db,
                               "INSERT INTO audit_log (seq, at, operator, role, action, subject_kind, "
                               "subject_id, before, after, prev_hash, hash) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, entry.seq);
  sqlite3_bind_text (stmt, 2, entry.at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, entry.operator_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, entry.role, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, action, -1, SQLITE_TRANSIENT);
  if (subject_kind != NULL)
    sqlite3_bind_text (stmt, 6, subject_kind, -1, SQLITE_TRANSIENT);
  if (subject_id != NULL)
    sqlite3_bind_text (stmt, 7, subject_id, -1, SQLITE_TRANSIENT);
  if (before != NULL)
    sqlite3_bind_text (stmt, 8, before, -1, SQLITE_TRANSIENT);
  if (after != NULL)
    sqlite3_bind_text (stmt, 9, after, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10, prev_hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 11, hash, -1, SQLITE_TRANSIENT);
  return _qa_database_check (db, sqlite3_step (stmt), error);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *)sqlite3_column_text (stmt, column));
}

/* Reads entries with their stored prev_hash (returned through @prev_hashes when not NULL). */
static GPtrArray *
read_entries (QaDatabase  *db,
              GPtrArray   *prev_hashes,
              GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify)qa_audit_entry_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _qa_database_prepare (db,
                               "SELECT seq, at, operator, role, action, subject_kind, subject_id, "
                               "before, after, prev_hash, hash FROM audit_log ORDER BY seq",
                               error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      QaAuditEntry *entry = g_new0 (QaAuditEntry, 1);

      entry->seq = sqlite3_column_int64 (stmt, 0);
      entry->at = dup_column (stmt, 1);
      entry->operator_name = dup_column (stmt, 2);
      entry->role = dup_column (stmt, 3);
      entry->action = dup_column (stmt, 4);
      entry->subject_kind = dup_column (stmt, 5);
      entry->subject_id = dup_column (stmt, 6);
      entry->before = dup_column (stmt, 7);
      entry->after = dup_column (stmt, 8);
      entry->hash = dup_column (stmt, 10);
      g_ptr_array_add (entries, entry);
      if (prev_hashes != NULL)
        g_ptr_array_add (prev_hashes, dup_column (stmt, 9));
    }
  if (!_qa_database_check (db, rc, error))
    return NULL;

  return g_steal_pointer (&entries);
}

GPtrArray *
qa_audit_list (QaDatabase  *db,
               GError     **error)
{
  g_return_val_if_fail (QA_IS_DATABASE (db), NULL);

  return read_entries (db, NULL, error);
}

static gboolean
broken (GError     **error,
        gint64       seq,
        const char  *why)
{
  g_set_error (error, QA_AUDIT_ERROR, QA_AUDIT_ERROR_BROKEN,
               _("The audit trail does not verify at entry %lld: %s"), (long long)seq, why);
  return FALSE;
}

gboolean
qa_audit_verify (QaDatabase  *db,
                 guint64     *n_entries,
                 char       **head,
                 GError     **error)
{
  g_autoptr(GPtrArray) prev_hashes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) entries = NULL;
  const char *expected_prev = GENESIS;
  sqlite3_stmt *stmt;
  gint64 highest = 0;

  g_return_val_if_fail (QA_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  entries = read_entries (db, prev_hashes, error);
  if (entries == NULL)
    return FALSE;

  for (guint i = 0; i < entries->len; i++)
    {
      const QaAuditEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *hash = NULL;

      if (entry->seq != (gint64)i + 1)
        return broken (error, (gint64)i + 1, _("the entry is missing (deleted, or renumbered)"));
      if (g_strcmp0 (g_ptr_array_index (prev_hashes, i), expected_prev) != 0)
        return broken (error, entry->seq, _("it is not chained to the entry before it (an entry was removed or inserted)"));

      hash = entry_hash (expected_prev, entry);
      if (g_strcmp0 (hash, entry->hash) != 0)
        return broken (error, entry->seq, _("its contents were changed after it was written"));
      expected_prev = entry->hash;
    }

  /* Entries removed from the end leave the highest number ever handed out behind. */
  stmt = _qa_database_prepare (db, "SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    highest = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (highest > (gint64)entries->len)
    return broken (error, (gint64)entries->len + 1, _("the last entries were deleted"));

  if (n_entries != NULL)
    *n_entries = entries->len;
  if (head != NULL)
    *head = g_strdup (expected_prev);
  return TRUE;
}

typedef struct
{
  const char *action;
  const char *subject_kind;
  const char *subject_id;
  const char *reason;
} Refusal;

static gboolean
record_refusal_cb (QaDatabase  *db,
                   gpointer     user_data,
                   GError     **error)
{
  const Refusal *refusal = user_data;

  return _qa_audit_append (db, refusal->action, refusal->subject_kind, refusal->subject_id,
                           NULL, refusal->reason, error);
}

gboolean
qa_audit_record_refusal (QaDatabase  *db,
                         const char  *action,
                         const char  *subject_kind,
                         const char  *subject_id,
                         const char  *reason,
                         GError     **error)
{
  Refusal refusal = { action, subject_kind, subject_id, reason };

  g_return_val_if_fail (QA_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (action != NULL, FALSE);

  return qa_database_transaction (db, record_refusal_cb, &refusal, error);
}

static gboolean
record_restore_cb (QaDatabase  *db,
                   gpointer     user_data,
                   GError     **error)
{
  return _qa_audit_append (db, "session.restore", "session", NULL, NULL, user_data, error);
}

gboolean
qa_audit_record_restore (QaDatabase  *db,
                         const char  *backup,
                         const char  *kept,
                         GError     **error)
{
  g_autofree char *after = NULL;

  g_return_val_if_fail (QA_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (backup != NULL, FALSE);
  g_return_val_if_fail (kept != NULL, FALSE);

  after = g_strdup_printf ("backup=%s; replaced session kept as %s", backup, kept);
  return qa_database_transaction (db, record_restore_cb, after, error);
}

GListModel *
qa_audit_list_model (QaDatabase  *db,
                     GError     **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GListStore) store = g_list_store_new (QA_TYPE_AUDIT_ITEM);

  g_return_val_if_fail (QA_IS_DATABASE (db), NULL);

  entries = read_entries (db, NULL, error);
  if (entries == NULL)
    return NULL;

  /* The items take the entries over. */
  g_ptr_array_set_free_func (entries, NULL);
  for (guint i = 0; i < entries->len; i++)
    {
      g_autoptr(QaAuditItem) item = g_object_new (QA_TYPE_AUDIT_ITEM, NULL);

      item->entry = g_ptr_array_index (entries, i);
      g_list_store_append (store, item);
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

/* Whether @id stands in @text as a whole reference (not inside a longer one). */
static gboolean
mentions (const char *text,
          const char *id)
{
  gsize length = strlen (id);

  for (const char *p = text != NULL ? strstr (text, id) : NULL; p != NULL; p = strstr (p + 1, id))
    {
      gboolean starts = p == text || !g_ascii_isalnum (p[-1]);
      gboolean ends = !g_ascii_isalnum (p[length]);

      if (starts && ends)
        return TRUE;
    }
  return FALSE;
}

static gboolean
about (const QaAuditEntry *entry,
       const char         *kind,
       const char         *id)
{
  if (id == NULL || *id == '\0')
    return TRUE;
  if (g_strcmp0 (entry->subject_kind, kind) == 0 && g_strcmp0 (entry->subject_id, id) == 0)
    return TRUE;
  return mentions (entry->before, id) || mentions (entry->after, id);
}

gboolean
qa_audit_entry_matches (const QaAuditEntry  *entry,
                        const QaAuditFilter *filter)
{
  g_return_val_if_fail (entry != NULL, FALSE);

  if (filter == NULL)
    return TRUE;
  if (!about (entry, "applicant", filter->applicant_id) || !about (entry, "expert", filter->expert_id))
    return FALSE;
  if (filter->action != NULL && *filter->action != '\0' &&
      !g_str_has_prefix (entry->action, filter->action))
    return FALSE;
  if (filter->operator_name != NULL && *filter->operator_name != '\0' &&
      g_strcmp0 (entry->operator_name, filter->operator_name) != 0)
    return FALSE;
  /* Times are ISO 8601, so the date is their first ten characters. */
  if (filter->from != NULL && *filter->from != '\0' && strncmp (entry->at, filter->from, 10) < 0)
    return FALSE;
  if (filter->to != NULL && *filter->to != '\0' && strncmp (entry->at, filter->to, 10) > 0)
    return FALSE;
  return TRUE;
}

/* Every action the core records, in the words of the procedure. */
static const struct
{
  const char *action;
  const char *label;
} action_labels[] = {
  { "applicant.add", N_("Applicant registered") },
  { "applicant.advance", N_("Sent to site review") },
  { "applicant.edit", N_("Dossier edited") },
  { "applicant.import", N_("Applicant imported") },
  { "conflict.add", N_("Tie recorded") },
  { "conflict.import", N_("Tie imported") },
  { "eligibility.check", N_("Eligibility checked") },
  { "eligibility.judge", N_("Eligibility condition judged") },
  { "eligibility.override", N_("Eligibility overridden") },
  { "expert.declare", N_("Declaration signed") },
  { "expert.disqualify", N_("Expert disqualified") },
  { "expert.import", N_("Expert imported") },
  { "expert.reinstate", N_("Expert reinstated") },
  { "expert.suspend", N_("Expert suspended") },
  { "material.add", N_("Material added") },
  { "material.mark-trade-secret", N_("Material marked as trade secret") },
  { "material.remove", N_("Material removed") },
  { "material.restore", N_("Material restored") },
  { "material.unmark-trade-secret", N_("Trade-secret mark removed") },
  { "package.create", N_("Review package created") },
  { "package.export", N_("Review package exported") },
  { "panel.draw", N_("Panel drawn") },
  { "panel.form", N_("Panel formed") },
  { "score.set", N_("Item scored") },
  { "session.create", N_("Session created") },
  { "session.demo", N_("Demo session filled in") },
  { "session.restore", N_("Session restored from a backup") },
  { "sheet.export", N_("Score sheet exported") },
  { "sheet.import", N_("Score sheet imported") },
  { "stage.close", N_("Review stage closed") },
};

char *
qa_audit_action_dup_label (const char *action)
{
  g_autofree char *done = NULL;

  g_return_val_if_fail (action != NULL, NULL);

  /* A refusal is noted under the action refused. */
  if (g_str_has_suffix (action, ".refused"))
    {
      g_autofree char *refused = g_strndup (action, strlen (action) - strlen (".refused"));
      g_autofree char *label = qa_audit_action_dup_label (refused);

      /* Translators: an action of the audit trail that was refused, e.g. “Score sheet imported (refused)” */
      return g_strdup_printf (_("%s (refused)"), label);
    }

  for (guint i = 0; i < G_N_ELEMENTS (action_labels); i++)
    if (g_str_equal (action_labels[i].action, action))
      return g_strdup (_(action_labels[i].label));

  return g_strdup (action);
}

gboolean
qa_audit_write_csv (GPtrArray   *entries,
                    const char  *path,
                    GError     **error)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (entries != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  qa_csv_append_rowv (out, "seq", "at", "operator", "role", "action", "subject_kind", "subject_id",
                      "before", "after", "hash", NULL);
  for (guint i = 0; i < entries->len; i++)
    {
      const QaAuditEntry *e = g_ptr_array_index (entries, i);
      g_autofree char *seq = g_strdup_printf ("%" G_GINT64_FORMAT, e->seq);
      const char *fields[] = { seq, e->at, e->operator_name, e->role, e->action, e->subject_kind,
                               e->subject_id, e->before, e->after, e->hash };

      qa_csv_append_row (out, fields, G_N_ELEMENTS (fields));
    }
  return g_file_set_contents (path, out->str, (gssize)out->len, error);
}

gboolean
qa_audit_write_pdf (GPtrArray   *entries,
                    const char  *title,
                    const char  *path,
                    GError     **error)
{
  /* Fractions of the text width: No., time, operator, role, action, subject, values. */
  static const double widths[] = { 0.04, 0.165, 0.10, 0.10, 0.16, 0.10, 0.335 };
  const char *header[] = { _("No."), _("Time"), _("Operator"), _("Role"), _("Action"),
                           _("Subject"), _("Values") };
  g_autoptr(QaPdfDocument) doc = NULL;

  g_return_val_if_fail (entries != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  doc = _qa_pdf_document_new (title, QA_PDF_LANDSCAPE);
  _qa_pdf_add_heading (doc, title);
  _qa_pdf_add_row (doc, header, widths, G_N_ELEMENTS (widths), TRUE);
  for (guint i = 0; i < entries->len; i++)
    {
      const QaAuditEntry *e = g_ptr_array_index (entries, i);
      g_autofree char *seq = g_strdup_printf ("%" G_GINT64_FORMAT, e->seq);
      g_autofree char *subject = g_strdup_printf ("%s %s", e->subject_kind != NULL ? e->subject_kind : "",
                                                  e->subject_id != NULL ? e->subject_id : "");
      g_autofree char *values = g_strdup_printf ("%s%s%s", e->before != NULL ? e->before : "",
                                                 e->before != NULL ? " → " : "",
                                                 e->after != NULL ? e->after : "");
      const char *cells[] = { seq, e->at, e->operator_name, e->role, e->action, subject, values };

      _qa_pdf_add_row (doc, cells, widths, G_N_ELEMENTS (widths), FALSE);
    }
  return _qa_pdf_write (doc, path, QA_AUDIT_ERROR, QA_AUDIT_ERROR_WRITE, error);
}
