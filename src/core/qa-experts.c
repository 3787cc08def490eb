/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "qa-experts"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "qa-applicants-private.h"
#include "qa-audit-private.h"
#include "qa-clock.h"
#include "qa-database-private.h"
#include "qa-expert-private.h"
#include "qa-experts-private.h"
#include "qa-import-private.h"
#include "qa-names-private.h"
#include "qa-util-private.h"

G_DEFINE_QUARK (qa-experts-error-quark, qa_experts_error)

#define MAX_EXPERIENCE_YEARS QA_EXPERTS_MAX_EXPERIENCE_YEARS

static const QaCsvColumn expert_columns[] = {
  { "id", TRUE },
  { "name", TRUE },
  { "employer", TRUE },
  { "experience_years", TRUE },
  { "trained", TRUE },
  { "ethics", TRUE },
  { "specialty", FALSE },
  { "title", FALSE },
  { "contact", FALSE },
  { "employer_credit_code", FALSE },
};

static const QaCsvColumn conflict_columns[] = {
  { "expert_id", TRUE },
  { "applicant_id", TRUE },
  { "reason", TRUE },
  { "kind", FALSE },
};

static const char * const kind_names[] = {
  [QA_CONFLICT_EMPLOYER] = "employer",
  [QA_CONFLICT_FORMER_EMPLOYER] = "former_employer",
  [QA_CONFLICT_CONSULTANT] = "consultant",
  [QA_CONFLICT_RELATIVE] = "relative",
  [QA_CONFLICT_COMPETITOR] = "competitor",
  [QA_CONFLICT_OTHER] = "other",
};

static const char * const kind_labels[] = {
  [QA_CONFLICT_EMPLOYER] = N_("Employer"),
  [QA_CONFLICT_FORMER_EMPLOYER] = N_("Former employer"),
  [QA_CONFLICT_CONSULTANT] = N_("Consultant or adviser"),
  [QA_CONFLICT_RELATIVE] = N_("Relative"),
  [QA_CONFLICT_COMPETITOR] = N_("Competitor"),
  [QA_CONFLICT_OTHER] = N_("Other"),
};

static const char * const source_names[] = {
  [QA_CONFLICT_DECLARED] = "declared",
  [QA_CONFLICT_SECRETARIAT] = "secretariat",
  [QA_CONFLICT_AUTOMATIC] = "automatic",
};

static const char * const source_labels[] = {
  [QA_CONFLICT_DECLARED] = N_("Declared by the expert"),
  [QA_CONFLICT_SECRETARIAT] = N_("Added by the secretariat"),
  [QA_CONFLICT_AUTOMATIC] = N_("Found from the records"),
};

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *)sqlite3_column_text (stmt, column);
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *value)
{
  if (value == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

void
qa_tie_free (QaTie *tie)
{
  if (tie == NULL)
    return;

  g_free (tie->expert_id);
  g_free (tie->applicant_id);
  g_free (tie->reason);
  g_free (tie);
}

const char *
qa_conflict_kind_to_string (QaConflictKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names), NULL);

  return kind_names[kind];
}

gboolean
qa_conflict_kind_from_string (const char     *str,
                              QaConflictKind *kind)
{
  guint value;

  g_return_val_if_fail (kind != NULL, FALSE);

  if (!_qa_expert_lookup_name (kind_names, G_N_ELEMENTS (kind_names), str, &value))
    return FALSE;
  *kind = value;
  return TRUE;
}

const char *
qa_conflict_kind_get_label (QaConflictKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_labels), NULL);

  return _(kind_labels[kind]);
}

const char *
qa_conflict_source_to_string (QaConflictSource source)
{
  g_return_val_if_fail (source < G_N_ELEMENTS (source_names), NULL);

  return source_names[source];
}

const char *
qa_conflict_source_get_label (QaConflictSource source)
{
  g_return_val_if_fail (source < G_N_ELEMENTS (source_labels), NULL);

  return _(source_labels[source]);
}

QaExpert *
qa_experts_lookup (QaSession  *session,
                   const char *id)
{
  GListModel *experts;

  g_return_val_if_fail (QA_IS_SESSION (session), NULL);

  experts = qa_session_get_experts (session);
  for (guint i = 0; id != NULL && i < g_list_model_get_n_items (experts); i++)
    {
      g_autoptr(QaExpert) expert = g_list_model_get_item (experts, i);

      if (g_strcmp0 (qa_expert_get_id (expert), id) == 0)
        return g_steal_pointer (&expert);
    }
  return NULL;
}

char *
qa_experts_dup_name (QaSession  *session,
                     const char *id)
{
  g_autoptr(QaExpert) expert = NULL;

  g_return_val_if_fail (QA_IS_SESSION (session), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  expert = qa_experts_lookup (session, id);
  return g_strdup (expert != NULL ? qa_expert_get_name (expert) : id);
}

gboolean
_qa_experts_require (QaDatabase  *db,
                     const char  *id,
                     GError     **error)
{
  sqlite3_stmt *stmt = _qa_database_prepare (db, "SELECT 1 FROM expert WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  bind_text_or_null (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return TRUE;

  g_set_error (error, QA_EXPERTS_ERROR, QA_EXPERTS_ERROR_NOT_FOUND,
               _("There is no expert “%s” in the pool"), id != NULL ? id : "");
  return FALSE;
}

/* Ties ------------------------------------------------------------------------------------- */

static QaTie *
tie_new_from_row (sqlite3_stmt *stmt)
{
  QaTie *tie = g_new0 (QaTie, 1);
  const char *source = column_text (stmt, 3);
  const char *reason = column_text (stmt, 4);
  QaConflictKind kind = QA_CONFLICT_OTHER;

  tie->expert_id = g_strdup (column_text (stmt, 0));
  tie->applicant_id = g_strdup (column_text (stmt, 1));
  qa_conflict_kind_from_string (column_text (stmt, 2), &kind);
  tie->kind = kind;

  if (g_strcmp0 (source, "automatic") == 0)
    {
      tie->source = QA_CONFLICT_AUTOMATIC;
      if (reason != NULL && g_str_has_prefix (reason, "former:"))
        tie->reason = g_strdup_printf (_("the expert left the applicant on %s"),
                                       reason + strlen ("former:"));
      else
        tie->reason = g_strdup (g_strcmp0 (reason, "name") == 0
                                ? _("the expert’s employer is the applicant")
                                : _("the expert’s employer has the applicant’s credit code"));
    }
  else
    {
      tie->source = g_strcmp0 (source, "secretariat") == 0 ? QA_CONFLICT_SECRETARIAT
                                                           : QA_CONFLICT_DECLARED;
      tie->reason = g_strdup (reason);
    }
  return tie;
}

/* Binds ?9 of a statement over QA_TIES_SELECT: today, under @profile's rule. */
static void
bind_former_since (sqlite3_stmt *stmt,
                   QaProfile    *profile)
{
  g_autofree char *today = qa_clock_dup_today ();
  g_autofree char *since = qa_rules_former_employer_since (profile, today);

  bind_text_or_null (stmt, 9, since);
}

GPtrArray *
_qa_experts_load_ties (QaDatabase  *db,
                       QaProfile   *profile,
                       const char  *expert_id,
                       const char  *applicant_id,
                       GError     **error)
{
  g_autoptr(GPtrArray) ties = g_ptr_array_new_with_free_func ((GDestroyNotify)qa_tie_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (QA_IS_PROFILE (profile), NULL);

  stmt = _qa_database_prepare (db,
                               "SELECT expert_id, applicant_id, kind, source, reason FROM ("
                               QA_TIES_SELECT ") "
                               "WHERE (?1 IS NULL OR expert_id = ?1) "
                               "AND (?2 IS NULL OR applicant_id = ?2) "
                               "ORDER BY expert_id, applicant_id, seq = 0, seq",
                               error);
  if (stmt == NULL)
    return NULL;
  bind_text_or_null (stmt, 1, expert_id);
  bind_text_or_null (stmt, 2, applicant_id);
  bind_former_since (stmt, profile);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (ties, tie_new_from_row (stmt));
  if (!_qa_database_check (db, rc, error))
    return NULL;

  return g_steal_pointer (&ties);
}

gboolean
_qa_experts_recuse (QaDatabase  *db,
                    QaProfile   *profile,
                    GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QA_IS_PROFILE (profile), FALSE);

  stmt = _qa_database_prepare (db,
                               "DELETE FROM assignment WHERE EXISTS (SELECT 1 FROM ("
                               QA_TIES_SELECT ") t WHERE t.expert_id = assignment.expert_id "
                               "AND t.applicant_id = assignment.applicant_id)",
                               error);
  if (stmt == NULL)
    return FALSE;
  bind_former_since (stmt, profile);
  return _qa_database_check (db, sqlite3_step (stmt), error);
}

GPtrArray *
qa_experts_list_ties (QaSession  *session,
                      GError    **error)
{
  g_return_val_if_fail (QA_IS_SESSION (session), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _qa_experts_load_ties (qa_session_get_database (session), qa_session_get_profile (session),
                                NULL, NULL, error);
}

GPtrArray *
qa_experts_get_ties (QaSession   *session,
                     const char  *expert_id,
                     const char  *applicant_id,
                     GError     **error)
{
  g_return_val_if_fail (QA_IS_SESSION (session), NULL);
  g_return_val_if_fail (expert_id != NULL, NULL);
  g_return_val_if_fail (applicant_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _qa_experts_load_ties (qa_session_get_database (session), qa_session_get_profile (session),
                                expert_id, applicant_id, error);
}

/* The expert pool ---------------------------------------------------------------------------- */

typedef struct
{
  const char *id;
  const char *name;
  const char *employer;
  const char *employer_credit_code;
  const char *title;
  const char *specialty;
  const char *contact;
  guint       experience_years;
  gboolean    trained;
  gboolean    ethics;
} ExpertRow;

/* How an expert is written in the audit trail. */
static char *
describe_expert (const ExpertRow *row)
{
  return g_strdup_printf ("name=%s; employer=%s; employer_credit_code=%s; experience_years=%u; "
                          "trained=%d; ethics=%d; specialty=%s",
                          row->name, row->employer,
                          row->employer_credit_code != NULL ? row->employer_credit_code : "",
                          row->experience_years, row->trained, row->ethics,
                          row->specialty != NULL ? row->specialty : "");
}

static gboolean
insert_expert (QaDatabase       *db,
               const ExpertRow  *row,
               GError          **error)
{
  g_autofree char *after = describe_expert (row);
  g_autofree char *employer_key = qa_name_key (row->employer);
  sqlite3_stmt *stmt;

  stmt = _qa_database_prepare (db,
                               "INSERT INTO expert (id, name, employer, credit_code, title, "
                               "specialty, contact, experience_years, trained, ethics, employer_key) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                               error);
  if (stmt == NULL)
    return FALSE;

  bind_text_or_null (stmt, 1, row->id);
  bind_text_or_null (stmt, 2, row->name);
  bind_text_or_null (stmt, 3, row->employer);
  bind_text_or_null (stmt, 4, row->employer_credit_code);
  bind_text_or_null (stmt, 5, row->title);
  bind_text_or_null (stmt, 6, row->specialty);
  bind_text_or_null (stmt, 7, row->contact);
  sqlite3_bind_int (stmt, 8, (int)row->experience_years);
  sqlite3_bind_int (stmt, 9, row->trained);
  sqlite3_bind_int (stmt, 10, row->ethics);
  bind_text_or_null (stmt, 11, employer_key);
  return _qa_database_check (db, sqlite3_step (stmt), error) &&
         _qa_audit_append (db, "expert.import", "expert", row->id, NULL, after, error);
}

static gboolean
expert_exists (QaDatabase *db,
               const char *id)
{
  return _qa_experts_require (db, id, NULL);
}

static void
read_expert_row (QaImport   *import,
                 GHashTable *ids,
                 guint       row,
                 GArray     *rows)
{
  ExpertRow expert = { NULL, };
  const char *years;
  guint64 value = 0;

  expert.id = _qa_import_text (import, row, "id", QA_DOSSIER_ID);
  expert.name = _qa_import_text (import, row, "name", QA_DOSSIER_NAME);
  expert.employer = _qa_import_text (import, row, "employer", QA_DOSSIER_NAME);
  expert.title = _qa_import_text (import, row, "title", QA_DOSSIER_INDUSTRY);
  expert.specialty = _qa_import_text (import, row, "specialty", QA_DOSSIER_INDUSTRY);
  expert.contact = _qa_import_text (import, row, "contact", QA_DOSSIER_INDUSTRY);

  if (qa_csv_table_get (import->table, row, "employer_credit_code") != NULL &&
      *qa_csv_table_get (import->table, row, "employer_credit_code") != '\0')
    expert.employer_credit_code =
      _qa_import_text (import, row, "employer_credit_code", QA_DOSSIER_CREDIT_CODE);

  years = qa_csv_table_get (import->table, row, "experience_years");
  if (g_ascii_string_to_unsigned (years, 10, 0, MAX_EXPERIENCE_YEARS, &value, NULL))
    expert.experience_years = (guint)value;
  else
    _qa_import_problem (import, row, "experience_years",
                        _("“%s” is not a whole number of years from 0 to %d"),
                        years, MAX_EXPERIENCE_YEARS);

  _qa_import_boolean (import, row, "trained", &expert.trained);
  _qa_import_boolean (import, row, "ethics", &expert.ethics);

  if (expert.id != NULL)
    {
      gpointer other = g_hash_table_lookup (ids, expert.id);

      if (other != NULL)
        _qa_import_problem (import, row, "id", _("“%s” is also the reference on line %u"),
                            expert.id, qa_csv_table_get_line (import->table, GPOINTER_TO_UINT (other) - 1));
      else
        g_hash_table_insert (ids, (gpointer)expert.id, GUINT_TO_POINTER (row + 1));
    }

  g_array_append_val (rows, expert);
}

typedef struct
{
  QaImport *base;
  GArray   *rows;      /* ExpertRow */
  gboolean  refused;   /* the rows were wrong, not the database */
} ExpertImport;

static gboolean
import_experts_cb (QaDatabase  *db,
                   gpointer     user_data,
                   GError     **error)
{
  ExpertImport *import = user_data;

  /* Asked inside the write transaction: no other writer can add the same expert meanwhile. */
  for (guint i = 0; i < import->rows->len; i++)
    {
      const char *id = g_array_index (import->rows, ExpertRow, i).id;

      if (id != NULL && expert_exists (db, id))
        _qa_import_problem (import->base, i, "id", _("expert %s is already in the pool"), id);
    }
  if (!_qa_import_check (import->base, QA_EXPERTS_ERROR, QA_EXPERTS_ERROR_INVALID, error))
    {
      import->refused = TRUE;
      return FALSE;
    }

  for (guint i = 0; i < import->rows->len; i++)
    if (!insert_expert (db, &g_array_index (import->rows, ExpertRow, i), error))
      return FALSE;
  return TRUE;
}

gboolean
qa_experts_import_csv (QaSession   *session,
                       GBytes      *bytes,
                       const char  *name,
                       guint       *n_imported,
                       GError     **error)
{
  g_auto(QaImport) import = { NULL, };
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (ExpertRow));
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  QaDatabase *db;
  ExpertImport data = { &import, rows, FALSE };

  g_return_val_if_fail (QA_IS_SESSION (session), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_imported != NULL)
    *n_imported = 0;

  db = qa_session_get_database (session);
  if (!_qa_import_init (&import, bytes, name, expert_columns, G_N_ELEMENTS (expert_columns), error))
    return _qa_import_refuse (db, "expert.import.refused", name, error);

  for (guint row = 0; row < qa_csv_table_get_n_rows (import.table); row++)
    read_expert_row (&import, ids, row, rows);

  /* The rows' own problems are reported with those the session finds, in one refusal. */
  if (!qa_database_transaction (db, import_experts_cb, &data, error))
    return data.refused ? _qa_import_refuse (db, "expert.import.refused", name, error) : FALSE;

  if (n_imported != NULL)
    *n_imported = rows->len;
  return qa_session_reload (session, error);
}

/* Conflicts ---------------------------------------------------------------------------------- */

typedef struct
{
  const char       *expert_id;
  const char       *applicant_id;
  QaConflictKind    kind;
  QaConflictSource  source;
  const char       *note;
  QaProfile        *profile;   /* whose rules the recusal applies (qa_experts_add_conflict) */
} ConflictRow;

static gboolean
conflict_recorded (QaDatabase        *db,
                   const ConflictRow *row)
{
  sqlite3_stmt *stmt;

  stmt = _qa_database_prepare (db,
                               "SELECT 1 FROM conflict WHERE expert_id = ?1 AND applicant_id = ?2 "
                               "AND kind = ?3",
                               NULL);
  if (stmt == NULL)
    return FALSE;
  bind_text_or_null (stmt, 1, row->expert_id);
  bind_text_or_null (stmt, 2, row->applicant_id);
  sqlite3_bind_text (stmt, 3, kind_names[row->kind], -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

static gboolean
insert_conflict (QaDatabase         *db,
                 const ConflictRow  *row,
                 const char         *action,
                 GError            **error)
{
  g_autofree char *after = g_strdup_printf ("applicant=%s; kind=%s; source=%s; reason=%s",
                                            row->applicant_id, kind_names[row->kind],
                                            source_names[row->source],
                                            row->note != NULL ? row->note : "");
  sqlite3_stmt *stmt;

  stmt = _qa_database_prepare (db,
                               "INSERT INTO conflict (expert_id, applicant_id, kind, reason, source) "
                               "VALUES (?1, ?2, ?3, ?4, ?5)",
                               error);
  if (stmt == NULL)
    return FALSE;

  bind_text_or_null (stmt, 1, row->expert_id);
  bind_text_or_null (stmt, 2, row->applicant_id);
  sqlite3_bind_text (stmt, 3, kind_names[row->kind], -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 4, row->note);
  sqlite3_bind_text (stmt, 5, source_names[row->source], -1, SQLITE_STATIC);
  return _qa_database_check (db, sqlite3_step (stmt), error) &&
         _qa_audit_append (db, action, "expert", row->expert_id, NULL, after, error);
}

typedef struct
{
  GArray    *rows;      /* ConflictRow */
  QaProfile *profile;
} ConflictImport;

static gboolean
insert_conflicts_cb (QaDatabase  *db,
                     gpointer     user_data,
                     GError     **error)
{
  ConflictImport *import = user_data;

  for (guint i = 0; i < import->rows->len; i++)
    if (!insert_conflict (db, &g_array_index (import->rows, ConflictRow, i), "conflict.import", error))
      return FALSE;
  return _qa_experts_recuse (db, import->profile, error);
}

static void
read_conflict_row (QaImport   *import,
                   QaDatabase *db,
                   guint       row,
                   GArray     *rows)
{
  ConflictRow conflict = { NULL, NULL, QA_CONFLICT_OTHER, QA_CONFLICT_DECLARED, NULL, NULL };
  const char *kind = qa_csv_table_get (import->table, row, "kind");

  conflict.expert_id = _qa_import_text (import, row, "expert_id", QA_DOSSIER_ID);
  conflict.applicant_id = _qa_import_text (import, row, "applicant_id", QA_DOSSIER_ID);
  conflict.note = _qa_import_text (import, row, "reason", QA_DOSSIER_NOTES);

  if (kind != NULL && *kind != '\0' && !qa_conflict_kind_from_string (kind, &conflict.kind))
    _qa_import_problem (import, row, "kind",
                        _("“%s” is not employer, former_employer, consultant, relative, competitor or other"),
                        kind);

  if (conflict.expert_id != NULL && !expert_exists (db, conflict.expert_id))
    _qa_import_problem (import, row, "expert_id", _("there is no expert “%s” in the pool"),
                        conflict.expert_id);
  if (conflict.applicant_id != NULL && !_qa_applicants_require (db, conflict.applicant_id, NULL))
    _qa_import_problem (import, row, "applicant_id", _("there is no applicant “%s” in this session"),
                        conflict.applicant_id);

  if (conflict.expert_id != NULL && conflict.applicant_id != NULL)
    {
      for (guint other = 0; other < rows->len; other++)
        {
          const ConflictRow *earlier = &g_array_index (rows, ConflictRow, other);

          if (g_strcmp0 (earlier->expert_id, conflict.expert_id) == 0 &&
              g_strcmp0 (earlier->applicant_id, conflict.applicant_id) == 0 &&
              earlier->kind == conflict.kind)
            _qa_import_problem (import, row, "applicant_id",
                                _("the same tie of %s with %s is also on line %u"),
                                conflict.expert_id, conflict.applicant_id,
                                qa_csv_table_get_line (import->table, other));
        }
      if (conflict_recorded (db, &conflict))
        _qa_import_problem (import, row, "applicant_id",
                            _("the tie of %s with %s (%s) is already recorded"),
                            conflict.expert_id, conflict.applicant_id, kind_names[conflict.kind]);
    }

  g_array_append_val (rows, conflict);
}

gboolean
qa_experts_import_conflicts_csv (QaSession   *session,
                                 GBytes      *bytes,
                                 const char  *name,
                                 guint       *n_imported,
                                 GError     **error)
{
  g_auto(QaImport) import = { NULL, };
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (ConflictRow));
  ConflictImport conflicts = { NULL, NULL };
  QaDatabase *db;

  g_return_val_if_fail (QA_IS_SESSION (session), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_imported != NULL)
    *n_imported = 0;

  db = qa_session_get_database (session);
  if (!_qa_import_init (&import, bytes, name, conflict_columns, G_N_ELEMENTS (conflict_columns),
                        error))
    return _qa_import_refuse (db, "conflict.import.refused", name, error);

  for (guint row = 0; row < qa_csv_table_get_n_rows (import.table); row++)
    read_conflict_row (&import, db, row, rows);

  if (!_qa_import_check (&import, QA_EXPERTS_ERROR, QA_EXPERTS_ERROR_INVALID, error))
    return _qa_import_refuse (db, "conflict.import.refused", name, error);
  conflicts.rows = rows;
  conflicts.profile = qa_session_get_profile (session);
  if (!qa_database_transaction (db, insert_conflicts_cb, &conflicts, error))
    return FALSE;

  if (n_imported != NULL)
    *n_imported = rows->len;
  return qa_session_reload (session, error);
}

static gboolean
add_conflict_cb (QaDatabase  *db,
                 gpointer     user_data,
                 GError     **error)
{
  const ConflictRow *row = user_data;

  if (!_qa_experts_require (db, row->expert_id, error) ||
      !_qa_applicants_require (db, row->applicant_id, error))
    return FALSE;

  if (conflict_recorded (db, row))
    {
      g_set_error (error, QA_EXPERTS_ERROR, QA_EXPERTS_ERROR_DUPLICATE,
                   _("The tie of %s with %s (%s) is already recorded"),
                   row->expert_id, row->applicant_id, qa_conflict_kind_get_label (row->kind));
      return FALSE;
    }

  return insert_conflict (db, row, "conflict.add", error) &&
         _qa_experts_recuse (db, row->profile, error);
}

gboolean
qa_experts_add_conflict (QaSession         *session,
                         const char        *expert_id,
                         const char        *applicant_id,
                         QaConflictKind     kind,
                         QaConflictSource   source,
                         const char        *note,
                         GError           **error)
{
  g_autoptr(GError) note_error = NULL;
  g_autofree char *stripped = NULL;
  ConflictRow row = { expert_id, applicant_id, kind, source, NULL, NULL };

  g_return_val_if_fail (QA_IS_SESSION (session), FALSE);
  g_return_val_if_fail (expert_id != NULL, FALSE);
  g_return_val_if_fail (applicant_id != NULL, FALSE);
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names), FALSE);
  g_return_val_if_fail (source == QA_CONFLICT_DECLARED || source == QA_CONFLICT_SECRETARIAT, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stripped = g_strstrip (g_strdup (note != NULL ? note : ""));
  if (!qa_dossier_validate_text (QA_DOSSIER_NOTES, stripped, NULL, &note_error))
    {
      g_set_error (error, QA_EXPERTS_ERROR, QA_EXPERTS_ERROR_INVALID, _("The note %s"),
                   note_error->message);
      return FALSE;
    }
  row.note = *stripped != '\0' ? stripped : NULL;
  row.profile = qa_session_get_profile (session);

  if (!qa_database_transaction (qa_session_get_database (session), add_conflict_cb, &row, error))
    return FALSE;
  return qa_session_reload (session, error);
}

/* Declarations and penalties ----------------------------------------------------------------- */

static gboolean
declare_cb (QaDatabase  *db,
            gpointer     user_data,
            GError     **error)
{
  const char *expert_id = user_data;
  g_autofree char *now = _qa_now_iso ();
  sqlite3_stmt *stmt;

  if (!_qa_experts_require (db, expert_id, error))
    return FALSE;

  stmt = _qa_database_prepare (db,
                               "INSERT INTO declaration (expert_id, declared_at) VALUES (?1, ?2) "
                               "ON CONFLICT (expert_id) DO NOTHING",
                               error);
  if (stmt == NULL)
    return FALSE;
  bind_text_or_null (stmt, 1, expert_id);
  bind_text_or_null (stmt, 2, now);
  if (!_qa_database_check (db, sqlite3_step (stmt), error))
    return FALSE;

  /* Declaring again changes nothing, and notes nothing. */
  if (sqlite3_changes (_qa_database_get_handle (db)) == 0)
    return TRUE;
  return _qa_audit_append (db, "expert.declare", "expert", expert_id, NULL, now, error);
}

gboolean
qa_experts_declare (QaSession   *session,
                    const char  *expert_id,
                    GError     **error)
{
  g_return_val_if_fail (QA_IS_SESSION (session), FALSE);
  g_return_val_if_fail (expert_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!qa_database_transaction (qa_session_get_database (session), declare_cb,
                                (gpointer)expert_id, error))
    return FALSE;
  return qa_session_reload (session, error);
}

typedef struct
{
  const char     *expert_id;
  QaExpertStatus  status;
  const char     *reason;
  const char     *action;   /* as noted in the audit trail */
} StatusChange;

/* Why the expert's present status does not allow @change, or NULL when it does. */
static char *
status_refusal (const StatusChange *change,
                QaExpertStatus      current,
                const char         *since)
{
  if (current == QA_EXPERT_STATUS_DISQUALIFIED)
    return g_strdup_printf (_("Art. 23 (penalties): %s was disqualified on %s; a disqualification is final"),
                            change->expert_id, since);

  switch (change->status)
    {
    case QA_EXPERT_STATUS_SUSPENDED:
      if (current == QA_EXPERT_STATUS_SUSPENDED)
        return g_strdup_printf (_("%s is already suspended since %s"), change->expert_id, since);
      return NULL;

    case QA_EXPERT_STATUS_ACTIVE:
      if (current != QA_EXPERT_STATUS_SUSPENDED)
        return g_strdup_printf (_("%s is not suspended; there is nothing to lift"),
                                change->expert_id);
      return NULL;

    case QA_EXPERT_STATUS_DISQUALIFIED:
    default:
      return NULL;
    }
}

static gboolean
set_status_cb (QaDatabase  *db,
               gpointer     user_data,
               GError     **error)
{
  const StatusChange *change = user_data;
  g_autofree char *today = qa_clock_dup_today ();
  g_autofree char *refusal = NULL;
  g_autofree char *since = NULL;
  QaExpertStatus current = QA_EXPERT_STATUS_ACTIVE;
  sqlite3_stmt *stmt;

  if (!_qa_experts_require (db, change->expert_id, error))
    return FALSE;

  stmt = _qa_database_prepare (db, "SELECT status, status_date FROM expert WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  bind_text_or_null (stmt, 1, change->expert_id);
  if (!_qa_database_check (db, sqlite3_step (stmt), error))
    return FALSE;
  qa_expert_status_from_string (column_text (stmt, 0), &current);
  since = g_strdup (column_text (stmt, 1) != NULL ? column_text (stmt, 1) : "?");

  refusal = status_refusal (change, current, since);
  if (refusal != NULL)
    {
      g_set_error_literal (error, QA_EXPERTS_ERROR, QA_EXPERTS_ERROR_STATUS, refusal);
      return FALSE;
    }

  stmt = _qa_database_prepare (db,
                               "UPDATE expert SET status = ?2, status_reason = ?3, status_date = ?4 "
                               "WHERE id = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;
  bind_text_or_null (stmt, 1, change->expert_id);
  sqlite3_bind_text (stmt, 2, qa_expert_status_to_string (change->status), -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 3, change->reason);
  bind_text_or_null (stmt, 4, today);
  if (!_qa_database_check (db, sqlite3_step (stmt), error))
    return FALSE;

  {
    g_autofree char *before = g_strdup_printf ("status=%s", qa_expert_status_to_string (current));
    g_autofree char *after = g_strdup_printf ("status=%s; reason=%s",
                                              qa_expert_status_to_string (change->status),
                                              change->reason);

    return _qa_audit_append (db, change->action, "expert", change->expert_id, before, after, error);
  }
}

/* How each change is noted in the audit trail. */
static const char * const status_actions[] = {
  [QA_EXPERT_STATUS_ACTIVE] = "expert.reinstate",
  [QA_EXPERT_STATUS_SUSPENDED] = "expert.suspend",
  [QA_EXPERT_STATUS_DISQUALIFIED] = "expert.disqualify",
};

gboolean
qa_experts_set_status (QaSession       *session,
                       const char      *expert_id,
                       QaExpertStatus   status,
                       const char      *reason,
                       GError         **error)
{
  g_autoptr(GError) reason_error = NULL;
  g_autofree char *stripped = NULL;
  StatusChange change = { expert_id, status, NULL, NULL };

  g_return_val_if_fail (QA_IS_SESSION (session), FALSE);
  g_return_val_if_fail (expert_id != NULL, FALSE);
  g_return_val_if_fail (status < G_N_ELEMENTS (status_actions), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stripped = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  if (*stripped == '\0')
    {
      g_set_error_literal (error, QA_EXPERTS_ERROR, QA_EXPERTS_ERROR_INVALID,
                           _("Art. 23 (penalties): a change of an expert’s status needs a written reason"));
      return FALSE;
    }
  if (!qa_dossier_validate_text (QA_DOSSIER_NOTES, stripped, NULL, &reason_error))
    {
      g_set_error (error, QA_EXPERTS_ERROR, QA_EXPERTS_ERROR_INVALID, _("The reason %s"),
                   reason_error->message);
      return FALSE;
    }
  change.reason = stripped;
  change.action = status_actions[status];

  if (!qa_database_transaction (qa_session_get_database (session), set_status_cb, &change, error))
    return FALSE;
  return qa_session_reload (session, error);
}

/* Editing an expert's record -------------------------------------------------------------- */

typedef struct
{
  const char *expert_id;
  char       *employer;   /* trimmed, or NULL: unchanged */
  char       *title;
  int         experience_years;
  QaProfile  *profile;
} ExpertEdit;

/* Notes that expert @expert_id left @employer on @left_on, with its audit entry; a row already
 * there is QA_EXPERTS_ERROR_DUPLICATE. */
static gboolean
insert_former_employer (QaDatabase  *db,
                        const char  *expert_id,
                        const char  *employer,
                        const char  *left_on,
                        GError     **error)
{
  g_autofree char *key = qa_name_key (employer);
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;

  stmt = _qa_database_prepare (db,
                               "INSERT INTO expert_former_employer (expert_id, employer, employer_key, left_on) "
                               "VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
                               error);
  if (stmt == NULL)
    return FALSE;
  bind_text_or_null (stmt, 1, expert_id);
  bind_text_or_null (stmt, 2, employer);
  bind_text_or_null (stmt, 3, key);
  bind_text_or_null (stmt, 4, left_on);
  if (!_qa_database_check (db, sqlite3_step (stmt), error))
    return FALSE;
  if (sqlite3_changes (_qa_database_get_handle (db)) == 0)
    {
      g_set_error (error, QA_EXPERTS_ERROR, QA_EXPERTS_ERROR_DUPLICATE,
                   _("%s left %s on %s: that is already recorded"), expert_id, employer, left_on);
      return FALSE;
    }

  after = g_strdup_printf ("employer=%s; date=%s", employer, left_on);
  return _qa_audit_append (db, "expert.former.add", "expert", expert_id, NULL, after, error);
}

static void
append_field (GString    *text,
              const char *field,
              const char *value)
{
  if (text->len > 0)
    g_string_append (text, "; ");
  g_string_append_printf (text, "%s=%s", field, value != NULL ? value : "");
}

static gboolean
update_cb (QaDatabase  *db,
           gpointer     user_data,
           GError     **error)
{
  const ExpertEdit *edit = user_data;
  g_autoptr(GString) before = g_string_new (NULL);
  g_autoptr(GString) after = g_string_new (NULL);
  g_autofree char *employer = NULL;
  g_autofree char *title = NULL;
  int years;
  sqlite3_stmt *stmt;

  if (!_qa_experts_require (db, edit->expert_id, error))
    return FALSE;

  stmt = _qa_database_prepare (db, "SELECT employer, title, experience_years FROM expert WHERE id = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;
  bind_text_or_null (stmt, 1, edit->expert_id);
  if (!_qa_database_check (db, sqlite3_step (stmt), error))
    return FALSE;
  employer = g_strdup (column_text (stmt, 0));
  title = g_strdup (column_text (stmt, 1) != NULL ? column_text (stmt, 1) : "");
  years = sqlite3_column_int (stmt, 2);
  sqlite3_reset (stmt);

  if (edit->employer != NULL && g_strcmp0 (edit->employer, employer) != 0)
    {
      append_field (before, "employer", employer);
      append_field (after, "employer", edit->employer);
    }
  if (edit->title != NULL && g_strcmp0 (edit->title, title) != 0)
    {
      append_field (before, "title", title);
      append_field (after, "title", edit->title);
    }
  if (edit->experience_years >= 0 && edit->experience_years != years)
    {
      g_autofree char *old_years = g_strdup_printf ("%d", years);
      g_autofree char *new_years = g_strdup_printf ("%d", edit->experience_years);

      append_field (before, "experience_years", old_years);
      append_field (after, "experience_years", new_years);
    }

  if (after->len == 0)
    {
      g_set_error (error, QA_EXPERTS_ERROR, QA_EXPERTS_ERROR_INVALID,
                   _("The record of %s already reads so: nothing to change"), edit->expert_id);
      return FALSE;
    }

  stmt = _qa_database_prepare (db,
                               "UPDATE expert SET employer = coalesce(?2, employer), "
                               "title = CASE WHEN ?3 IS NULL THEN title WHEN ?3 = '' THEN NULL ELSE ?3 END, "
                               "experience_years = CASE WHEN ?4 < 0 THEN experience_years ELSE ?4 END "
                               "WHERE id = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;
  bind_text_or_null (stmt, 1, edit->expert_id);
  bind_text_or_null (stmt, 2, edit->employer);
  bind_text_or_null (stmt, 3, edit->title);
  sqlite3_bind_int (stmt, 4, edit->experience_years);
  if (!_qa_database_check (db, sqlite3_step (stmt), error) ||
      !_qa_audit_append (db, "expert.edit", "expert", edit->expert_id, before->str, after->str,
                         error))
    return FALSE;

  /* The employer the expert leaves stays a tie for the profile's years (回避): left today. A
   * second change on the same day notes it once. */
  if (edit->employer != NULL && g_strcmp0 (edit->employer, employer) != 0 &&
      employer != NULL && *employer != '\0')
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *today = qa_clock_dup_today ();

      if (!insert_former_employer (db, edit->expert_id, employer, today, &local_error) &&
          !g_error_matches (local_error, QA_EXPERTS_ERROR, QA_EXPERTS_ERROR_DUPLICATE))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  /* A new employer may be an applicant: its reviewer stops being assigned to it. */
  return _qa_experts_recuse (db, edit->profile, error);
}

/* The trimmed @value of @field, or NULL with @error set naming the field. */
static char *
checked_text (const char      *value,
              const char      *label,
              QaDossierField   kind,
              gboolean         may_be_empty,
              GError         **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (value));
  g_autoptr(GError) local_error = NULL;

  if (*stripped == '\0' && !may_be_empty)
    {
      g_set_error (error, QA_EXPERTS_ERROR, QA_EXPERTS_ERROR_INVALID, _("%s: may not be empty"),
                   label);
      return NULL;
    }
  if (*stripped != '\0' && !qa_dossier_validate_text (kind, stripped, NULL, &local_error))
    {
      g_set_error (error, QA_EXPERTS_ERROR, QA_EXPERTS_ERROR_INVALID, "%s: %s", label,
                   local_error->message);
      return NULL;
    }
  return g_steal_pointer (&stripped);
}

/* TRUE when @date is a real day written YYYY-MM-DD and not after today; else @error names the
 * field @label. */
static gboolean
checked_date (const char  *date,
              const char  *label,
              GError     **error)
{
  g_autofree char *today = qa_clock_dup_today ();
  GDate parsed;

  if (!_qa_date_parse (date, &parsed))
    {
      g_set_error (error, QA_EXPERTS_ERROR, QA_EXPERTS_ERROR_INVALID,
                   _("%s: “%s” is not a date written YYYY-MM-DD"), label, date != NULL ? date : "");
      return FALSE;
    }
  if (strcmp (date, today) > 0)
    {
      g_set_error (error, QA_EXPERTS_ERROR, QA_EXPERTS_ERROR_INVALID,
                   _("%s: %s is in the future"), label, date);
      return FALSE;
    }
  return TRUE;
}

gboolean
qa_experts_update (QaSession             *session,
                   const char            *expert_id,
                   const QaExpertChange  *change,
                   GError               **error)
{
  ExpertEdit edit = { expert_id, NULL, NULL, -1, qa_session_get_profile (session) };
  gboolean ok;

  g_return_val_if_fail (QA_IS_SESSION (session), FALSE);
  g_return_val_if_fail (expert_id != NULL, FALSE);
  g_return_val_if_fail (change != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (change->employer != NULL &&
      (edit.employer = checked_text (change->employer, _("employer"), QA_DOSSIER_NAME, FALSE, error)) == NULL)
    return FALSE;
  if (change->title != NULL &&
      (edit.title = checked_text (change->title, _("title"), QA_DOSSIER_INDUSTRY, TRUE, error)) == NULL)
    {
      g_free (edit.employer);
      return FALSE;
    }
  if (change->experience_years < -1 || change->experience_years > MAX_EXPERIENCE_YEARS)
    {
      g_set_error (error, QA_EXPERTS_ERROR, QA_EXPERTS_ERROR_INVALID,
                   _("experience_years: %d is not a whole number of years from 0 to %d"),
                   change->experience_years, MAX_EXPERIENCE_YEARS);
      g_free (edit.employer);
      g_free (edit.title);
      return FALSE;
    }
  edit.experience_years = change->experience_years;

  ok = qa_database_transaction (qa_session_get_database (session), update_cb, &edit, error);
  g_free (edit.employer);
  g_free (edit.title);
  return ok && qa_session_reload (session, error);
}

typedef struct
{
  const char *expert_id;
  const char *course;
  const char *date;
} Training;

static gboolean
train_cb (QaDatabase  *db,
          gpointer     user_data,
          GError     **error)
{
  const Training *training = user_data;
  g_autofree char *after = NULL;
  gboolean was_trained;
  sqlite3_stmt *stmt;

  if (!_qa_experts_require (db, training->expert_id, error))
    return FALSE;

  stmt = _qa_database_prepare (db, "SELECT trained FROM expert WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  bind_text_or_null (stmt, 1, training->expert_id);
  if (!_qa_database_check (db, sqlite3_step (stmt), error))
    return FALSE;
  was_trained = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);

  stmt = _qa_database_prepare (db,
                               "INSERT INTO expert_training (expert_id, course, date) VALUES (?1, ?2, ?3)",
                               error);
  if (stmt == NULL)
    return FALSE;
  bind_text_or_null (stmt, 1, training->expert_id);
  bind_text_or_null (stmt, 2, training->course);
  bind_text_or_null (stmt, 3, training->date);
  if (!_qa_database_check (db, sqlite3_step (stmt), error))
    return FALSE;

  stmt = _qa_database_prepare (db, "UPDATE expert SET trained = 1 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  bind_text_or_null (stmt, 1, training->expert_id);
  if (!_qa_database_check (db, sqlite3_step (stmt), error))
    return FALSE;

  after = g_strdup_printf ("trained=1; course=%s; date=%s", training->course,
                           training->date != NULL ? training->date : "");
  return _qa_audit_append (db, "expert.train", "expert", training->expert_id,
                           was_trained ? "trained=1" : "trained=0", after, error);
}

gboolean
qa_experts_record_training (QaSession   *session,
                            const char  *expert_id,
                            const char  *course,
                            const char  *date,
                            GError     **error)
{
  g_autofree char *checked_course = NULL;
  Training training = { expert_id, NULL, NULL };

  g_return_val_if_fail (QA_IS_SESSION (session), FALSE);
  g_return_val_if_fail (expert_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  checked_course = checked_text (course != NULL ? course : "", _("course"), QA_DOSSIER_NOTES, FALSE, error);
  if (checked_course == NULL)
    return FALSE;

  if (date != NULL && *date != '\0')
    {
      if (!checked_date (date, _("date"), error))
        return FALSE;
      training.date = date;
    }
  training.course = checked_course;

  if (!qa_database_transaction (qa_session_get_database (session), train_cb, &training, error))
    return FALSE;
  return qa_session_reload (session, error);
}

/* Former employers ------------------------------------------------------------------------ */

void
qa_former_employer_free (QaFormerEmployer *former)
{
  if (former == NULL)
    return;

  g_free (former->employer);
  g_free (former->left_on);
  g_free (former);
}

GPtrArray *
qa_experts_list_former_employers (QaSession   *session,
                                  const char  *expert_id,
                                  GError     **error)
{
  g_autoptr(GPtrArray) formers = g_ptr_array_new_with_free_func ((GDestroyNotify)qa_former_employer_free);
  QaDatabase *db;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (QA_IS_SESSION (session), NULL);
  g_return_val_if_fail (expert_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  db = qa_session_get_database (session);
  stmt = _qa_database_prepare (db,
                               "SELECT employer, left_on FROM expert_former_employer "
                               "WHERE expert_id = ?1 ORDER BY left_on DESC, employer",
                               error);
  if (stmt == NULL)
    return NULL;
  bind_text_or_null (stmt, 1, expert_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      QaFormerEmployer *former = g_new0 (QaFormerEmployer, 1);

      former->employer = g_strdup (column_text (stmt, 0));
      former->left_on = g_strdup (column_text (stmt, 1));
      g_ptr_array_add (formers, former);
    }
  if (!_qa_database_check (db, rc, error))
    return NULL;
  return g_steal_pointer (&formers);
}

typedef struct
{
  const char *expert_id;
  const char *employer;
  const char *left_on;
  QaProfile  *profile;
} FormerChange;

static gboolean
add_former_cb (QaDatabase  *db,
               gpointer     user_data,
               GError     **error)
{
  const FormerChange *change = user_data;

  return _qa_experts_require (db, change->expert_id, error) &&
         insert_former_employer (db, change->expert_id, change->employer, change->left_on, error) &&
         _qa_experts_recuse (db, change->profile, error);
}

static gboolean
remove_former_cb (QaDatabase  *db,
                  gpointer     user_data,
                  GError     **error)
{
  const FormerChange *change = user_data;
  g_autofree char *key = qa_name_key (change->employer);
  g_autofree char *before = NULL;
  sqlite3_stmt *stmt;

  if (!_qa_experts_require (db, change->expert_id, error))
    return FALSE;

  stmt = _qa_database_prepare (db,
                               "DELETE FROM expert_former_employer "
                               "WHERE expert_id = ?1 AND employer_key = ?2 AND left_on = ?3",
                               error);
  if (stmt == NULL)
    return FALSE;
  bind_text_or_null (stmt, 1, change->expert_id);
  bind_text_or_null (stmt, 2, key);
  bind_text_or_null (stmt, 3, change->left_on);
  if (!_qa_database_check (db, sqlite3_step (stmt), error))
    return FALSE;
  if (sqlite3_changes (_qa_database_get_handle (db)) == 0)
    {
      g_set_error (error, QA_EXPERTS_ERROR, QA_EXPERTS_ERROR_NOT_FOUND,
                   _("No former employer %s left on %s is recorded for %s"),
                   change->employer, change->left_on, change->expert_id);
      return FALSE;
    }

  before = g_strdup_printf ("employer=%s; date=%s", change->employer, change->left_on);
  return _qa_audit_append (db, "expert.former.remove", "expert", change->expert_id, before, NULL,
                           error);
}

static gboolean
change_former (QaSession         *session,
               const char        *expert_id,
               const char        *employer,
               const char        *left_on,
               QaTransactionFunc   func,
               GError           **error)
{
  g_autofree char *checked = NULL;
  FormerChange change = { expert_id, NULL, left_on, qa_session_get_profile (session) };

  checked = checked_text (employer != NULL ? employer : "", _("former employer"), QA_DOSSIER_NAME,
                          FALSE, error);
  if (checked == NULL || !checked_date (left_on, _("date left"), error))
    return FALSE;
  change.employer = checked;

  if (!qa_database_transaction (qa_session_get_database (session), func, &change, error))
    return FALSE;
  return qa_session_reload (session, error);
}

gboolean
qa_experts_add_former_employer (QaSession   *session,
                                const char  *expert_id,
                                const char  *employer,
                                const char  *left_on,
                                GError     **error)
{
  g_return_val_if_fail (QA_IS_SESSION (session), FALSE);
  g_return_val_if_fail (expert_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return change_former (session, expert_id, employer, left_on, add_former_cb, error);
}

gboolean
qa_experts_remove_former_employer (QaSession   *session,
                                   const char  *expert_id,
                                   const char  *employer,
                                   const char  *left_on,
                                   GError     **error)
{
  g_return_val_if_fail (QA_IS_SESSION (session), FALSE);
  g_return_val_if_fail (expert_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return change_former (session, expert_id, employer, left_on, remove_former_cb, error);
}
