/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "qa-audit"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>


#include "qa-audit-private.h"
#include "qa-pdf-private.h"
#include "qa-output-private.h"
#include "qa-csv.h"
#include "qa-database-private.h"
#include "qa-roles.h"
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

  return _qa_sha256_hex (canonical->str, canonical->len);
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
  { "applicant.import", N_("Applicants imported") },
  { "award.approve", N_("Award approved") },
  { "award.inspect", N_("Award winner inspected") },
  { "award.make", N_("Award made") },
  { "award.report", N_("Award report recorded") },
  { "conflict.add", N_("Tie recorded") },
  { "conflict.import", N_("Tie imported") },
  { "consensus.default-moved", N_("Consensus default moved") },
  { "consensus.set", N_("Consensus set") },
  { "eligibility.check", N_("Eligibility checked") },
  { "eligibility.judge", N_("Eligibility condition judged") },
  { "eligibility.override", N_("Eligibility overridden") },
  { "expert.declare", N_("Declaration signed") },
  { "expert.disqualify", N_("Expert disqualified") },
  { "expert.edit", N_("Expert’s record corrected") },
  { "expert.former.add", N_("Former employer recorded") },
  { "expert.former.remove", N_("Former employer removed") },
  { "expert.import", N_("Expert imported") },
  { "expert.reinstate", N_("Expert reinstated") },
  { "expert.suspend", N_("Expert suspended") },
  { "expert.train", N_("Expert’s training recorded") },
  { "material.add", N_("Material added") },
  { "material.mark-trade-secret", N_("Material marked as trade secret") },
  { "material.remove", N_("Material removed") },
  { "material.restore", N_("Material restored") },
  { "material.unmark-trade-secret", N_("Trade-secret mark removed") },
  { "notice.issue", N_("Eligibility notice issued") },
  { "notice.open", N_("Public notice opened") },
  { "objection.add", N_("Objection recorded") },
  { "objection.decide", N_("Objection decided") },
  { "outcome.submit", N_("Outcome submitted") },
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
  { "shortlist.confirm", N_("Shortlist confirmed") },
  { "shortlist.tie", N_("Shortlist tie recorded") },
  { "site-opinion.set", N_("Site review opinion recorded") },
  { "stage.close", N_("Review stage closed") },
  { "stage.open", N_("Review stage opened") },
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
qa_audit_write_csv (GPtrArray      *entries,
                    const char     *path,
                    QaOutputFlags   flags,
                    GError        **error)
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
  return qa_output_write_file (path, flags, out->str, out->len, error);
}

static char *local_time (const char *text);

static const char *
role_label (const char *role)
{
  QaRole parsed;

  return qa_role_from_string (role, &parsed) ? qa_role_get_label (parsed) : role;
}

gboolean
qa_audit_write_pdf (GPtrArray      *entries,
                    const char     *title,
                    const char     *path,
                    QaOutputFlags   flags,
                    GError        **error)
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
      /* In the reader's words; the canonical text stays in the CSV export. */
      g_autofree char *values = qa_audit_describe_values (e);
      g_autofree char *action = qa_audit_action_dup_label (e->action);
      g_autofree char *at = local_time (e->at);
      const char *cells[] = { seq, at != NULL ? at : e->at, e->operator_name, role_label (e->role),
                              action, subject, values };

      _qa_pdf_add_row (doc, cells, widths, G_N_ELEMENTS (widths), FALSE);
    }
  return _qa_pdf_write (doc, path, flags, QA_AUDIT_ERROR, QA_AUDIT_ERROR_WRITE, error);
}

/* Entries in words ------------------------------------------------------------------------ */

/* The names of the fields the core writes as “key=value”. */
static const struct
{
  const char *key;
  const char *label;
} field_labels[] = {
  { "alternates", N_("alternates") },
  { "applicant", N_("applicant") },
  { "applicants", N_("applicants") },
  { "chair", N_("chair") },
  { "condition", N_("condition of Art. 13") },
  { "course", N_("course") },
  { "criteria", N_("criteria") },
  { "date", N_("date") },
  { "deadline", N_("deadline") },
  { "employer", N_("employer") },
  { "employer_credit_code", N_("employer’s credit code") },
  { "ethics", N_("integrity declaration") },
  { "experience_years", N_("years of experience") },
  { "file", N_("file") },
  { "item", N_("item") },
  { "kind", N_("kind") },
  { "members", N_("members") },
  { "name", N_("name") },
  { "note", N_("note") },
  { "number", N_("document number") },
  { "pdf", N_("PDF file") },
  { "percent", N_("percent") },
  { "pool", N_("experts who may serve") },
  { "print", N_("printer") },
  { "profile", N_("rule profile") },
  { "reason", N_("reason") },
  { "reviewer", N_("reviewer") },
  { "rows", N_("rows") },
  { "seed", N_("seed") },
  { "sha256", N_("SHA-256") },
  { "specialty", N_("specialty") },
  { "stage", N_("stage") },
  { "status", N_("status") },
  { "title", N_("title") },
  { "trained", N_("trained") },
  { "year", N_("year") },
};

/* The recorded words, as the reader says them. */
static const struct
{
  const char *word;
  const char *label;
} word_labels[] = {
  { "accepted", N_("accepted") },
  { "active", N_("active") },
  { "disqualified", N_("disqualified") },
  { "demo applicants, experts and conflicts", N_("demo applicants, experts and conflicts") },
  { "eligible", N_("eligible") },
  { "fail", N_("not met") },
  { "ineligible", N_("not eligible") },
  { "material", N_("material review") },
  { "not accepted", N_("not accepted") },
  { "not eligible", N_("not eligible") },
  { "pass", N_("met") },
  { "pending", N_("awaiting judgement") },
  { "site", N_("site review") },
  { "suspended", N_("suspended") },
  { "unchecked", N_("not checked") },
};

/* Fields whose value is 0 or 1. */
static const char * const yes_no_fields[] = { "trained", "ethics" };

static const char *
lookup_label (const char *key,
              gboolean    field)
{
  if (field)
    {
      for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
        if (g_str_equal (field_labels[i].key, key))
          return _(field_labels[i].label);
    }
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (word_labels); i++)
        if (g_str_equal (word_labels[i].word, key))
          return _(word_labels[i].label);
    }
  return NULL;
}

/* A time written 2026-03-01T08:00:00Z, in local time; else NULL. */
static char *
local_time (const char *text)
{
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (strlen (text) < 20 || text[10] != 'T' || text[strlen (text) - 1] != 'Z')
    return NULL;
  when = g_date_time_new_from_iso8601 (text, NULL);
  if (when == NULL)
    return NULL;
  local = g_date_time_to_local (when);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static void
append_value (GString    *out,
              const char *key,
              const char *value)
{
  const char *word;
  g_autofree char *time = NULL;

  if (key != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (yes_no_fields); i++)
      if (g_str_equal (key, yes_no_fields[i]) && (g_str_equal (value, "0") || g_str_equal (value, "1")))
        {
          g_string_append (out, g_str_equal (value, "1") ? _("yes") : _("no"));
          return;
        }

  if ((word = lookup_label (value, FALSE)) != NULL)
    g_string_append (out, word);
  else if ((time = local_time (value)) != NULL)
    g_string_append (out, time);
  else if (*value == '\0')
    g_string_append (out, _("(none)"));
  else
    g_string_append (out, value);
}

/* An import names everyone it brought in, which can be 100,000 applicants: the words show the
 * first few and how many more there are; the stored entry and the CSV export keep them all. */
#define LIST_SHOWN 20

static void
append_list_or_value (GString    *out,
                      const char *key,
                      const char *value)
{
  const char *cut = NULL;
  guint n_items = 1;

  if (g_str_equal (key, "applicants"))
    for (const char *p = strstr (value, ", "); p != NULL; p = strstr (p + 2, ", "))
      if (++n_items == LIST_SHOWN + 1)
        cut = p;
  if (cut == NULL)
    {
      append_value (out, key, value);
      return;
    }
  g_string_append_len (out, value, cut - value);
  /* Translators: after the first applicants an import brought in, e.g. “… and 9,980 more” */
  g_string_append_printf (out, _(" … and %u more"), n_items - LIST_SHOWN);
}

/* One part of a value: “key=value”, “verdict: reasons”, a recorded word, or free text. */
static void
append_part (GString    *out,
             const char *part)
{
  const char *equals = strchr (part, '=');
  const char *colon = strstr (part, ": ");

  if (equals != NULL && equals > part)
    {
      g_autofree char *key = g_strndup (part, (gsize)(equals - part));
      const char *label = lookup_label (key, TRUE);

      if (strchr (key, ' ') == NULL)
        {
          /* Translators: a field and its value in the audit trail, e.g. “seed 42”; the colon
           * is the language's, e.g. “种子：42” */
          g_string_append_printf (out, _("%s: "), label != NULL ? label : key);
          append_list_or_value (out, key, equals + 1);
          return;
        }
    }

  /* “eligible:” with no reasons after it. */
  if (colon == NULL && g_str_has_suffix (part, ":"))
    colon = part + strlen (part) - 1;
  if (colon != NULL)
    {
      g_autofree char *word = g_strndup (part, (gsize)(colon - part));

      if (lookup_label (word, FALSE) != NULL)
        {
          append_value (out, NULL, word);
          if (colon[1] != '\0' && colon[2] != '\0')
            g_string_append_printf (out, _(" (%s)"), colon + 2);
          return;
        }
    }

  append_value (out, NULL, part);
}

static void
append_parts (GString    *out,
              const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "; ", -1);
  gboolean first = TRUE;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] == '\0')
        continue;
      if (!first)
        /* Translators: between the fields of one value in the audit trail */
        g_string_append (out, _("; "));
      append_part (out, parts[i]);
      first = FALSE;
    }
}

char *
qa_audit_describe_values (const QaAuditEntry *entry)
{
  GString *out;

  g_return_val_if_fail (entry != NULL, NULL);

  out = g_string_new (NULL);
  if (entry->before != NULL && *entry->before != '\0')
    {
      append_parts (out, entry->before);
      /* Translators: from the value before to the value after, in the audit trail */
      g_string_append (out, _(" → "));
    }
  if (entry->after != NULL)
    append_parts (out, entry->after);
  return g_string_free (out, FALSE);
}

static char *
dup_subject (const char *kind,
             const char *id)
{
  if (g_strcmp0 (kind, "applicant") == 0)
    return g_strdup_printf (_("applicant %s"), id);
  if (g_strcmp0 (kind, "expert") == 0)
    return g_strdup_printf (_("expert %s"), id);
  if (g_strcmp0 (kind, "file") == 0)
    return g_strdup_printf (_("file %s"), id);
  if (g_strcmp0 (kind, "material") == 0)
    return g_strdup_printf (_("material %s"), id);
  if (g_strcmp0 (kind, "reviewer") == 0)
    return g_strdup_printf (_("reviewer %s"), id);
  if (g_strcmp0 (kind, "stage") == 0)
    return g_strdup_printf (_("stage %s"), id);
  return g_strdup (id);
}

char *
qa_audit_describe (const QaAuditEntry *entry)
{
  g_autofree char *action = NULL;
  g_autofree char *values = NULL;
  g_autofree char *subject = NULL;

  g_return_val_if_fail (entry != NULL, NULL);

  action = qa_audit_action_dup_label (entry->action);
  values = qa_audit_describe_values (entry);

  if (entry->subject_id != NULL && *entry->subject_id != '\0')
    {
      const char *id = lookup_label (entry->subject_id, FALSE);

      if (id == NULL)
        id = entry->subject_id;
      subject = dup_subject (entry->subject_kind, id);
    }

  if (subject != NULL && *values != '\0')
    /* Translators: an audit entry in words: the action, what it was about, the values */
    return g_strdup_printf (_("%s, %s: %s"), action, subject, values);
  if (subject != NULL)
    return g_strdup_printf (_("%s, %s"), action, subject);
  if (*values != '\0')
    return g_strdup_printf (_("%s: %s"), action, values);
  return g_steal_pointer (&action);
}
