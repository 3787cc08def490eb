/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "qa-applicants"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "qa-applicant.h"
#include "qa-applicants.h"
#include "qa-applicants-private.h"
#include "qa-audit-private.h"
#include "qa-csv.h"
#include "qa-database-private.h"
#include "qa-dossier-private.h"
#include "qa-import-private.h"
#include "qa-names-private.h"
#include "qa-session-private.h"
#include "qa-clock.h"
#include "qa-util-private.h"

/* The largest count of accidents an application is believed to declare. */
#define MAX_ACCIDENT_COUNT 10000

static const QaCsvColumn applicant_columns[] = {
  { "id", TRUE },
  { "name", TRUE },
  { "credit_code", TRUE },
  { "district", TRUE },
  { "legal_person", TRUE },
  { "founded", TRUE },
  { "accidents_3y", TRUE },
  { "management_system", TRUE },
  { "gbt19580", TRUE },
  { "self_score", FALSE },
};

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

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *)sqlite3_column_text (stmt, column);
}

static void
set_not_found (GError     **error,
               const char  *id)
{
  g_set_error (error, QA_DOSSIER_ERROR, QA_DOSSIER_ERROR_NOT_FOUND,
               _("There is no applicant “%s” in this session"), id);
}

/* Loading ------------------------------------------------------------------------------------ */

static gboolean
load_lists (QaDatabase  *db,
            QaDossier   *dossier,
            const char  *id,
            GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _qa_database_prepare (db,
                               "SELECT date, kind, description FROM accident "
                               "WHERE applicant_id = ?1 ORDER BY date, id",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    qa_dossier_add_accident (dossier, column_text (stmt, 0), column_text (stmt, 1),
                             column_text (stmt, 2));
  if (!_qa_database_check (db, rc, error))
    return FALSE;

  stmt = _qa_database_prepare (db,
                               "SELECT standard, number, issuer, valid_until FROM certificate "
                               "WHERE applicant_id = ?1 ORDER BY id",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    qa_dossier_add_certificate (dossier, column_text (stmt, 0), column_text (stmt, 1),
                                column_text (stmt, 2), column_text (stmt, 3));
  if (!_qa_database_check (db, rc, error))
    return FALSE;

  stmt = _qa_database_prepare (db,
                               "SELECT year, name, value, unit FROM indicator "
                               "WHERE applicant_id = ?1 ORDER BY year, id",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    qa_dossier_add_indicator (dossier, (guint)sqlite3_column_int (stmt, 0), column_text (stmt, 1),
                              sqlite3_column_double (stmt, 2), column_text (stmt, 3));
  return _qa_database_check (db, rc, error);
}

/* Judgements of Art. 13(3)–(5): what the secretariat recorded, else what the application
 * declared for (3) and (4); (5) waits for a judgement. */
static gboolean
load_judgements (QaDatabase  *db,
                 QaDossier   *dossier,
                 const char  *id,
                 int          declared_management_system,
                 int          declared_gbt19580,
                 GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (declared_management_system >= 0)
    qa_dossier_set_judgement (dossier, 3,
                              declared_management_system ? QA_CONDITION_PASS : QA_CONDITION_FAIL,
                              _("as declared in the application"));
  if (declared_gbt19580 >= 0)
    qa_dossier_set_judgement (dossier, 4,
                              declared_gbt19580 ? QA_CONDITION_PASS : QA_CONDITION_FAIL,
                              _("as declared in the application"));

  stmt = _qa_database_prepare (db,
                               "SELECT condition, result, reason FROM eligibility "
                               "WHERE applicant_id = ?1 AND source = 'judged'",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int condition = sqlite3_column_int (stmt, 0);
      const char *result = column_text (stmt, 1);

      if (condition < 0 || !qa_rules_condition_is_judged ((guint)condition))
        continue;
      qa_dossier_set_judgement (dossier, (guint)condition,
                                g_strcmp0 (result, "pass") == 0 ? QA_CONDITION_PASS
                                : g_strcmp0 (result, "fail") == 0 ? QA_CONDITION_FAIL
                                : QA_CONDITION_PENDING,
                                column_text (stmt, 2));
    }
  return _qa_database_check (db, rc, error);
}

static QaDossier *
load_dossier (QaDatabase  *db,
              const char  *id,
              GError     **error)
{
  g_autoptr(QaDossier) dossier = qa_dossier_new ();
  g_autofree char *applicant_id = NULL;
  sqlite3_stmt *stmt;
  int management_system, gbt19580;
  int rc;

  stmt = _qa_database_prepare (db,
                               "SELECT id, name, credit_code, district, founded, industry, address, "
                               "legal_representative, contact_person, phone, email, notes, "
                               "legal_person, accidents_3y, self_score, management_system, gbt19580 "
                               "FROM applicant WHERE id = ?1",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      set_not_found (error, id);
      return NULL;
    }
  if (!_qa_database_check (db, rc, error))
    return NULL;

  for (guint i = 0; i < QA_DOSSIER_N_TEXT_FIELDS; i++)
    qa_dossier_set_text (dossier, i, column_text (stmt, (int)i));
  qa_dossier_set_legal_person (dossier, sqlite3_column_int (stmt, 12));
  qa_dossier_set_accident_count (dossier, (guint)MAX (sqlite3_column_int (stmt, 13), 0));
  if (sqlite3_column_type (stmt, 14) != SQLITE_NULL)
    qa_dossier_set_self_score (dossier, sqlite3_column_double (stmt, 14));
  management_system = sqlite3_column_type (stmt, 15) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 15);
  gbt19580 = sqlite3_column_type (stmt, 16) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 16);

  applicant_id = g_strdup (id);
  if (!load_lists (db, dossier, applicant_id, error) ||
      !load_judgements (db, dossier, applicant_id, management_system, gbt19580, error))
    return NULL;

  return g_steal_pointer (&dossier);
}

QaDossier *
qa_applicants_load_dossier (QaSession   *session,
                            const char  *id,
                            GError     **error)
{
  g_return_val_if_fail (QA_IS_SESSION (session), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_dossier (qa_session_get_database (session), id, error);
}

/* Writing ------------------------------------------------------------------------------------ */

static gboolean
set_problems_error (GError    **error,
                    const char *prefix,
                    GPtrArray  *problems)
{
  g_autoptr(GString) message = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      const QaFieldProblem *problem = g_ptr_array_index (problems, i);

      if (message->len > 0)
        g_string_append_c (message, '\n');
      g_string_append_printf (message, "%s%s: %s", prefix, problem->field, problem->message);
    }
  g_set_error_literal (error, QA_DOSSIER_ERROR, QA_DOSSIER_ERROR_INVALID, message->str);
  return FALSE;
}

/* The applicant holding @credit_code other than @id, or NULL. */
static char *
find_credit_code_owner (QaDatabase *db,
                        const char *credit_code,
                        const char *id)
{
  sqlite3_stmt *stmt;

  stmt = _qa_database_prepare (db, "SELECT id FROM applicant WHERE credit_code = ?1 AND id <> ?2",
                               NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, credit_code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup (column_text (stmt, 0));
}

static gboolean
write_lists (QaDatabase  *db,
             QaDossier   *dossier,
             const char  *id,
             gboolean     replace,
             GError     **error)
{
  GPtrArray *accidents = qa_dossier_get_accidents (dossier);
  GPtrArray *certificates = qa_dossier_get_certificates (dossier);
  GPtrArray *indicators = qa_dossier_get_indicators (dossier);
  sqlite3_stmt *stmt;

  static const char * const clear[] = {
    "DELETE FROM accident WHERE applicant_id = ?1",
    "DELETE FROM certificate WHERE applicant_id = ?1",
    "DELETE FROM indicator WHERE applicant_id = ?1",
  };

  for (guint i = 0; replace && i < G_N_ELEMENTS (clear); i++)
    {
      if ((stmt = _qa_database_prepare (db, clear[i], error)) == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      if (!_qa_database_check (db, sqlite3_step (stmt), error))
        return FALSE;
    }

  for (guint i = 0; i < accidents->len; i++)
    {
      const QaAccidentFact *accident = g_ptr_array_index (accidents, i);

      stmt = _qa_database_prepare (db,
                                   "INSERT INTO accident (applicant_id, date, kind, description) "
                                   "VALUES (?1, ?2, ?3, ?4)",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      bind_text_or_null (stmt, 2, accident->date);
      bind_text_or_null (stmt, 3, accident->kind);
      bind_text_or_null (stmt, 4, accident->description);
      if (!_qa_database_check (db, sqlite3_step (stmt), error))
        return FALSE;
    }

  for (guint i = 0; i < certificates->len; i++)
    {
      const QaCertificate *certificate = g_ptr_array_index (certificates, i);

      stmt = _qa_database_prepare (db,
                                   "INSERT INTO certificate (applicant_id, standard, number, "
                                   "issuer, valid_until) VALUES (?1, ?2, ?3, ?4, ?5)",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      bind_text_or_null (stmt, 2, certificate->standard);
      bind_text_or_null (stmt, 3, certificate->number);
      bind_text_or_null (stmt, 4, certificate->issuer);
      bind_text_or_null (stmt, 5, certificate->valid_until);
      if (!_qa_database_check (db, sqlite3_step (stmt), error))
        return FALSE;
    }

  for (guint i = 0; i < indicators->len; i++)
    {
      const QaIndicator *indicator = g_ptr_array_index (indicators, i);

      stmt = _qa_database_prepare (db,
                                   "INSERT INTO indicator (applicant_id, year, name, value, unit) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5)",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, (int)indicator->year);
      bind_text_or_null (stmt, 3, indicator->name);
      sqlite3_bind_double (stmt, 4, indicator->value);
      bind_text_or_null (stmt, 5, indicator->unit);
      if (!_qa_database_check (db, sqlite3_step (stmt), error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_judgement (QaDatabase         *db,
                 const char         *id,
                 guint               condition,
                 QaConditionResult   result,
                 const char         *note,
                 GError            **error)
{
  g_autofree char *now = _qa_now_iso ();
  sqlite3_stmt *stmt;

  stmt = _qa_database_prepare (db,
                               "INSERT INTO eligibility (applicant_id, condition, result, source, "
                               "reason, decided_at) VALUES (?1, ?2, ?3, 'judged', ?4, ?5) "
                               "ON CONFLICT (applicant_id, condition) DO UPDATE SET "
                               "result = excluded.result, source = 'judged', "
                               "reason = excluded.reason, decided_at = excluded.decided_at",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, (int)condition);
  sqlite3_bind_text (stmt, 3, result == QA_CONDITION_PASS ? "pass"
                              : result == QA_CONDITION_FAIL ? "fail" : "pending",
                     -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 4, note);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  return _qa_database_check (db, sqlite3_step (stmt), error);
}

/* The dossier's recorded facts as one line, for the audit trail of an edit. */
static char *
describe_dossier (QaDossier *dossier)
{
  GString *out = g_string_sized_new (256);

  for (guint i = 0; i < QA_DOSSIER_N_TEXT_FIELDS; i++)
    {
      const char *value = qa_dossier_get_text (dossier, i);

      if (value != NULL)
        {
          g_string_append (out, qa_dossier_field_get_name (i));
          g_string_append_c (out, '=');
          g_string_append (out, value);
          g_string_append_len (out, "; ", 2);
        }
    }
  g_string_append_printf (out, "legal_person=%d; accidents_3y=%u; accidents=%u; certificates=%u; indicators=%u",
                          qa_dossier_get_legal_person (dossier),
                          qa_dossier_get_accident_count (dossier),
                          qa_dossier_get_accidents (dossier)->len,
                          qa_dossier_get_certificates (dossier)->len,
                          qa_dossier_get_indicators (dossier)->len);
  return g_string_free (out, FALSE);
}

/* One applicant's row, as written: from a dossier, or straight from an imported file. Its
 * strings are only borrowed, and bound without a copy. */
typedef struct
{
  const char *text[QA_DOSSIER_N_TEXT_FIELDS];  /* NULL when empty */
  gboolean    legal_person;
  guint       accident_count;
  double      self_score;                      /* < 0 when none is given */
  /* The application's own answers to Art. 13(3) and (4), kept as declared: 1 or 0; -1 when
   * the application does not declare them (the conditions are then judged). */
  int         declared[2];
  const char *name_key;
} ApplicantRow;

#define INSERT_APPLICANT \
  "INSERT INTO applicant (id, name, credit_code, district, founded, industry, address, " \
  "legal_representative, contact_person, phone, email, notes, legal_person, accidents_3y, " \
  "self_score, management_system, gbt19580, created_at, name_key) " \
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)"

/* Binds @row to INSERT_APPLICANT's parameters (or the UPDATE's, which uses some of them). */
static void
bind_applicant (sqlite3_stmt       *stmt,
                const ApplicantRow *row,
                const char         *now)
{
  for (guint i = 0; i < QA_DOSSIER_N_TEXT_FIELDS; i++)
    {
      if (row->text[i] == NULL)
        sqlite3_bind_null (stmt, (int)i + 1);
      else
        sqlite3_bind_text (stmt, (int)i + 1, row->text[i], -1, SQLITE_STATIC);
    }
  sqlite3_bind_int (stmt, 13, row->legal_person);
  sqlite3_bind_int (stmt, 14, (int)row->accident_count);
  if (row->self_score >= 0)
    sqlite3_bind_double (stmt, 15, row->self_score);
  else
    sqlite3_bind_null (stmt, 15);
  for (guint i = 0; i < G_N_ELEMENTS (row->declared); i++)
    {
      if (row->declared[i] >= 0)
        sqlite3_bind_int (stmt, 16 + (int)i, row->declared[i]);
      else
        sqlite3_bind_null (stmt, 16 + (int)i);
    }
  sqlite3_bind_text (stmt, 18, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 19, row->name_key, -1, SQLITE_STATIC);
}

/* Writes a dossier already checked by the caller: a new applicant when @exists is FALSE (a plain
 * INSERT: an applicant written meanwhile by another program is a constraint error, never
 * overwritten), else the changes to the stored one. Its judgements of Art. 13(3) to (5) are
 * stored as judged. */
static gboolean
write_dossier (QaDatabase  *db,
               QaDossier   *dossier,
               gboolean     exists,
               const char  *now,
               GError     **error)
{
  g_autofree char *name_key = qa_name_key (qa_dossier_get_text (dossier, QA_DOSSIER_NAME));
  const char *id = qa_dossier_get_text (dossier, QA_DOSSIER_ID);
  ApplicantRow row = { { NULL, }, FALSE, 0, -1, { -1, -1 }, name_key };
  sqlite3_stmt *stmt;

  for (guint i = 0; i < QA_DOSSIER_N_TEXT_FIELDS; i++)
    row.text[i] = qa_dossier_get_text (dossier, i);
  row.legal_person = qa_dossier_get_legal_person (dossier);
  row.accident_count = qa_dossier_get_accident_count (dossier);
  row.self_score = qa_dossier_get_self_score (dossier);

  if (!exists)
    stmt = _qa_database_prepare (db, INSERT_APPLICANT, error);
  else
    stmt = _qa_database_prepare (db,
                                 "UPDATE applicant SET name = ?2, credit_code = ?3, district = ?4, "
                                 "founded = ?5, industry = ?6, address = ?7, "
                                 "legal_representative = ?8, contact_person = ?9, phone = ?10, "
                                 "email = ?11, notes = ?12, legal_person = ?13, "
                                 "accidents_3y = ?14, self_score = ?15, name_key = ?19 "
                                 "WHERE id = ?1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  bind_applicant (stmt, &row, now);

  if (!_qa_database_check (db, sqlite3_step (stmt), error) ||
      !write_lists (db, dossier, id, exists, error))
    return FALSE;

  for (guint condition = 3; condition <= 5; condition++)
    {
      QaConditionResult result = qa_dossier_get_judgement (dossier, condition);

      if (result != QA_CONDITION_PENDING &&
          !write_judgement (db, id, condition, result,
                            qa_dossier_get_judgement_note (dossier, condition), error))
        return FALSE;
    }
  return TRUE;
}

/* The applicant other than @id whose name is @name under qa_name_key(), or NULL. */
static char *
find_name_owner (QaDatabase *db,
                 const char *name,
                 const char *id)
{
  g_autofree char *key = qa_name_key (name);
  sqlite3_stmt *stmt;
  char *owner = NULL;

  if (key == NULL || *key == '\0')
    return NULL;
  stmt = _qa_database_prepare (db, "SELECT id FROM applicant WHERE name_key = ?1 AND id <> ?2",
                               NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    owner = g_strdup (column_text (stmt, 0));
  sqlite3_reset (stmt);
  return owner;
}

typedef struct
{
  QaDossier *dossier;
  guint      max_points;  /* the criteria's total */
} SaveDossier;

static gboolean
save_dossier_cb (QaDatabase  *db,
                 gpointer     user_data,
                 GError     **error)
{
  SaveDossier *save = user_data;
  QaDossier *dossier = save->dossier;
  g_autoptr(GPtrArray) problems = qa_dossier_check (dossier, NULL, save->max_points);
  g_autofree char *owner = NULL;

  if (problems->len > 0)
    return set_problems_error (error, "", problems);

  owner = find_credit_code_owner (db, qa_dossier_get_text (dossier, QA_DOSSIER_CREDIT_CODE),
                                  qa_dossier_get_text (dossier, QA_DOSSIER_ID));
  if (owner != NULL)
    {
      g_set_error (error, QA_DOSSIER_ERROR, QA_DOSSIER_ERROR_DUPLICATE,
                   _("credit_code: %s is already the code of applicant %s"),
                   qa_dossier_get_text (dossier, QA_DOSSIER_CREDIT_CODE), owner);
      return FALSE;
    }
  owner = find_name_owner (db, qa_dossier_get_text (dossier, QA_DOSSIER_NAME),
                           qa_dossier_get_text (dossier, QA_DOSSIER_ID));
  if (owner != NULL)
    {
      g_set_error (error, QA_DOSSIER_ERROR, QA_DOSSIER_ERROR_DUPLICATE,
                   _("name: “%s” is already the name of applicant %s"),
                   qa_dossier_get_text (dossier, QA_DOSSIER_NAME), owner);
      return FALSE;
    }

  {
    const char *id = qa_dossier_get_text (dossier, QA_DOSSIER_ID);
    g_autoptr(QaDossier) previous = load_dossier (db, id, NULL);
    g_autofree char *before = previous != NULL ? describe_dossier (previous) : NULL;
    g_autofree char *after = describe_dossier (dossier);

    g_autofree char *now = _qa_now_iso ();

    return write_dossier (db, dossier, previous != NULL, now, error) &&
           _qa_audit_append (db, previous != NULL ? "applicant.edit" : "applicant.add",
                             "applicant", id, before, after, error);
  }
}

gboolean
qa_applicants_save_dossier (QaSession   *session,
                            QaDossier   *dossier,
                            GError     **error)
{
  SaveDossier save = { dossier, 0 };

  g_return_val_if_fail (QA_IS_SESSION (session), FALSE);
  g_return_val_if_fail (QA_IS_DOSSIER (dossier), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  save.max_points = qa_criteria_get_total_points (qa_session_get_criteria (session));
  if (!qa_database_transaction (qa_session_get_database (session), save_dossier_cb, &save, error))
    return FALSE;
  return qa_session_reload (session, error);
}

/* Import --------------------------------------------------------------------------------------- */

typedef struct
{
  QaImport    base;
  GArray     *rows;       /* ApplicantRow, one per row of the file, its texts in the table's */
  GPtrArray  *name_keys;  /* qa_name_key() of each row's name, which the rows borrow */
  /* First row (+ 1) of each id, credit code and name key, for the duplicates within the file. */
  GHashTable *ids;
  GHashTable *codes;
  GHashTable *names;
  GPtrArray  *problems;   /* QaFieldProblem, of the row being checked */
  char       *today;      /* the rows are checked as of one day */
  const char *name;       /* the file's name */
  char       *sha256;     /* of the file's bytes */
  guint       max_points; /* the criteria's total, the most a self-assessment may give */
  gboolean    refused;    /* the rows were wrong, not the database */
} Import;

static void
import_clear (Import *import)
{
  _qa_import_clear (&import->base);
  g_clear_pointer (&import->rows, g_array_unref);
  g_clear_pointer (&import->ids, g_hash_table_unref);
  g_clear_pointer (&import->codes, g_hash_table_unref);
  g_clear_pointer (&import->names, g_hash_table_unref);
  g_clear_pointer (&import->name_keys, g_ptr_array_unref);
  g_clear_pointer (&import->problems, g_ptr_array_unref);
  g_clear_pointer (&import->today, g_free);
  g_clear_pointer (&import->sha256, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Import, import_clear)

static const char * const boolean_columns[] = {
  "legal_person", "management_system", "gbt19580",
};

/* @row of the file as an applicant's row, the problems of its yes/no, count and score fields
 * noted; @columns[field] is the file's column of each text field (-1 when it has none). */
static void
row_from_csv (Import       *import,
              guint         row,
              const int    *columns,
              ApplicantRow *out)
{
  QaCsvTable *table = import->base.table;
  gboolean flags[G_N_ELEMENTS (boolean_columns)] = { FALSE, };
  const char *self_score;

  /* The table's fields are trimmed already: an empty one is no value. */
  for (guint i = 0; i < QA_DOSSIER_N_TEXT_FIELDS; i++)
    {
      const char *value = qa_csv_table_get_at (table, row, columns[i]);

      out->text[i] = value != NULL && *value != '\0' ? value : NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (boolean_columns); i++)
    _qa_import_boolean (&import->base, row, boolean_columns[i], &flags[i]);
  out->accident_count = 0;
  _qa_import_count (&import->base, row, "accidents_3y", MAX_ACCIDENT_COUNT, &out->accident_count);
  out->legal_person = flags[0];
  out->declared[0] = flags[1];
  out->declared[1] = flags[2];

  out->self_score = -1;
  self_score = qa_csv_table_get (table, row, "self_score");
  if (self_score != NULL && *self_score != '\0')
    {
      g_autoptr(GError) score_error = NULL;
      double value;

      if (!qa_dossier_parse_self_score (self_score, import->max_points, &value, &score_error))
        _qa_import_problem (&import->base, row, "self_score", "%s", score_error->message);
      else
        out->self_score = value;
    }
}

/* The earlier row with the same @value in @seen, or -1; remembers @row's otherwise. */
static int
seen_before (GHashTable *seen,
             const char *value,
             guint       row)
{
  gpointer earlier;

  if (value == NULL || *value == '\0')
    return -1;
  earlier = g_hash_table_lookup (seen, value);
  if (earlier != NULL)
    return GPOINTER_TO_INT (earlier) - 1;
  g_hash_table_insert (seen, (gpointer)value, GINT_TO_POINTER (row + 1));
  return -1;
}

/* What can be told from the file alone: each row valid (the checks of qa_dossier_check()), no
 * two rows the same applicant. */
static void
check_row (Import       *import,
           guint         row,
           ApplicantRow *applicant)
{
  QaCsvTable *table = import->base.table;
  const char *id = applicant->text[QA_DOSSIER_ID];
  const char *code = applicant->text[QA_DOSSIER_CREDIT_CODE];
  const char *name = applicant->text[QA_DOSSIER_NAME];
  char *key = qa_name_key (name);
  int other;

  g_ptr_array_add (import->name_keys, key);
  applicant->name_key = key;

  _qa_dossier_check_fields (applicant->text, applicant->self_score, import->today,
                            import->max_points, import->problems);
  for (guint i = 0; i < import->problems->len; i++)
    {
      const QaFieldProblem *problem = g_ptr_array_index (import->problems, i);

      _qa_import_problem (&import->base, row, problem->field, "%s", problem->message);
    }
  g_ptr_array_set_size (import->problems, 0);

  if ((other = seen_before (import->ids, id, row)) >= 0)
    _qa_import_problem (&import->base, row, "id", _("“%s” is also the reference on line %u"),
                        id, qa_csv_table_get_line (table, (guint)other));
  if ((other = seen_before (import->codes, code, row)) >= 0)
    _qa_import_problem (&import->base, row, "credit_code", _("%s is also the code on line %u"),
                        code, qa_csv_table_get_line (table, (guint)other));
  if ((other = seen_before (import->names, key, row)) >= 0)
    _qa_import_problem (&import->base, row, "name",
                        _("“%s” is the same organisation as the name on line %u"),
                        name, qa_csv_table_get_line (table, (guint)other));
}

static const ApplicantRow *
import_row (Import *import,
            guint   row)
{
  return &g_array_index (import->rows, ApplicantRow, row);
}

/* What only the session can tell, asked inside the write transaction so that no other writer
 * can register the same applicant between the check and the insert. */
/* The same when the session holds fewer applicants than the file: each registered applicant
 * looked up in the file's hash sets, rather than a query per row. */
static gboolean
check_registered_in_file (Import      *import,
                          QaDatabase  *db,
                          GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _qa_database_prepare (db, "SELECT id, credit_code, name_key FROM applicant", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *owner = column_text (stmt, 0);
      const char *code = column_text (stmt, 1);
      const char *key = column_text (stmt, 2);
      gpointer by_id = owner != NULL ? g_hash_table_lookup (import->ids, owner) : NULL;
      gpointer by_code = code != NULL ? g_hash_table_lookup (import->codes, code) : NULL;
      gpointer by_name = key != NULL && *key != '\0' ? g_hash_table_lookup (import->names, key) : NULL;

      if (by_id != NULL || by_code != NULL)
        _qa_import_problem (&import->base, GPOINTER_TO_UINT (by_id != NULL ? by_id : by_code) - 1,
                            by_id != NULL ? "id" : "credit_code",
                            _("applicant %s is already registered in this session"), owner);
      if (by_code != NULL && by_id != NULL && by_code != by_id)
        _qa_import_problem (&import->base, GPOINTER_TO_UINT (by_code) - 1, "credit_code",
                            _("applicant %s is already registered in this session"), owner);
      if (by_name != NULL && by_name != by_id && by_name != by_code)
        _qa_import_problem (&import->base, GPOINTER_TO_UINT (by_name) - 1, "name",
                            _("“%s” is already the name of applicant %s"),
                            import_row (import, GPOINTER_TO_UINT (by_name) - 1)->text[QA_DOSSIER_NAME],
                            owner);
    }
  sqlite3_reset (stmt);
  return _qa_database_check (db, rc, error);
}

static gboolean
check_against_session (Import      *import,
                       QaDatabase  *db,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 registered = 0;
  int rc;

  stmt = _qa_database_prepare (db, "SELECT count(*) FROM applicant", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    registered = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (registered < (gint64)import->rows->len)
    return check_registered_in_file (import, db, error);

  stmt = _qa_database_prepare (db,
                               "SELECT id, credit_code, name_key FROM applicant "
                               "WHERE id = ?1 OR credit_code = ?2 OR name_key = ?3",
                               error);
  if (stmt == NULL)
    return FALSE;

  for (guint row = 0; row < import->rows->len; row++)
    {
      const ApplicantRow *applicant = import_row (import, row);
      const char *id = applicant->text[QA_DOSSIER_ID];
      const char *code = applicant->text[QA_DOSSIER_CREDIT_CODE];
      const char *key = applicant->name_key;

      sqlite3_reset (stmt);
      bind_text_or_null (stmt, 1, id);
      bind_text_or_null (stmt, 2, code);
      bind_text_or_null (stmt, 3, key != NULL && *key != '\0' ? key : NULL);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *owner = column_text (stmt, 0);

          if (g_strcmp0 (owner, id) == 0 || g_strcmp0 (column_text (stmt, 1), code) == 0)
            _qa_import_problem (&import->base, row, g_strcmp0 (owner, id) == 0 ? "id" : "credit_code",
                                _("applicant %s is already registered in this session"), owner);
          else
            _qa_import_problem (&import->base, row, "name",
                                _("“%s” is already the name of applicant %s"),
                                applicant->text[QA_DOSSIER_NAME], owner);
        }
      if (!_qa_database_check (db, rc, error))
        return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
import_cb (QaDatabase  *db,
           gpointer     user_data,
           GError     **error)
{
  Import *import = user_data;
  g_autofree char *now = _qa_now_iso ();
  sqlite3_stmt *stmt;

  if (!check_against_session (import, db, error))
    return FALSE;
  if (!_qa_import_check (&import->base, QA_DOSSIER_ERROR, QA_DOSSIER_ERROR_INVALID, error))
    {
      import->refused = TRUE;
      return FALSE;
    }

  /* One statement for every row, each value bound where it lies in the file's table. */
  if ((stmt = _qa_database_prepare (db, INSERT_APPLICANT, error)) == NULL)
    return FALSE;
  for (guint row = 0; row < import->rows->len; row++)
    {
      sqlite3_reset (stmt);
      bind_applicant (stmt, import_row (import, row), now);
      if (!_qa_database_check (db, sqlite3_step (stmt), error))
        return FALSE;
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  /* One entry for the whole import, in the same transaction: the file (its name is the subject,
   * its SHA-256 names the exact bytes, which hold every recorded fact of every row) and who came
   * in, by reference and credit code — what the per-row entries said, at a fraction of their
   * cost (they were 39% of an import). */
  {
    g_autoptr(GString) after = g_string_sized_new (64 + 32 * import->rows->len);

    g_string_append_printf (after, "rows=%u; sha256=%s; applicants=", import->rows->len,
                            import->sha256);
    for (guint row = 0; row < import->rows->len; row++)
      {
        const ApplicantRow *applicant = import_row (import, row);

        if (row > 0)
          g_string_append_len (after, ", ", 2);
        g_string_append (after, applicant->text[QA_DOSSIER_ID]);
        g_string_append_c (after, ' ');
        g_string_append (after, applicant->text[QA_DOSSIER_CREDIT_CODE]);
      }
    return _qa_audit_append (db, "applicant.import", "file", import->name, NULL, after->str, error);
  }
}

gboolean
qa_applicants_import_csv (QaSession   *session,
                          GBytes      *bytes,
                          const char  *name,
                          guint       *n_imported,
                          GError     **error)
{
  g_auto(Import) import = { { NULL, NULL }, NULL, };
  int columns[QA_DOSSIER_N_TEXT_FIELDS];
  QaDatabase *db;
  guint n_rows;

  g_return_val_if_fail (QA_IS_SESSION (session), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_imported != NULL)
    *n_imported = 0;

  db = qa_session_get_database (session);
  import.name_keys = g_ptr_array_new_with_free_func (g_free);
  import.ids = g_hash_table_new (g_str_hash, g_str_equal);
  import.codes = g_hash_table_new (g_str_hash, g_str_equal);
  import.names = g_hash_table_new (g_str_hash, g_str_equal);
  import.problems = g_ptr_array_new_with_free_func ((GDestroyNotify)qa_field_problem_free);
  import.max_points = qa_criteria_get_total_points (qa_session_get_criteria (session));
  import.today = qa_clock_dup_today ();
  if (!_qa_import_init (&import.base, bytes, name, applicant_columns,
                        G_N_ELEMENTS (applicant_columns), error))
    return _qa_import_refuse (db, "applicant.import.refused", name, error);

  import.name = name;
  import.sha256 = _qa_sha256_hex (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  n_rows = qa_csv_table_get_n_rows (import.base.table);
  import.rows = g_array_sized_new (FALSE, TRUE, sizeof (ApplicantRow), n_rows);
  g_array_set_size (import.rows, n_rows);
  for (guint i = 0; i < QA_DOSSIER_N_TEXT_FIELDS; i++)
    columns[i] = qa_csv_table_find_column (import.base.table, qa_dossier_field_get_name (i));
  for (guint row = 0; row < n_rows; row++)
    {
      ApplicantRow *applicant = &g_array_index (import.rows, ApplicantRow, row);

      row_from_csv (&import, row, columns, applicant);
      check_row (&import, row, applicant);
    }

  /* The rows' own problems are reported with those the session finds, in one refusal. The
   * transaction's pages stay in memory: past SQLite's default cache of about 2,000 pages they
   * were spilled to the WAL and read back, which made 100,000 rows cost twice as much per row
   * as 1,000 (about 2 KiB a row, at most 512 MiB). */
  {
    g_autofree char *grow = g_strdup_printf ("PRAGMA cache_size = -%u", MIN (MAX (n_rows, 1000u) * 2u,
                                                                             512u * 1024u));
    int cache_size = 0;
    sqlite3_stmt *stmt = _qa_database_prepare (db, "PRAGMA cache_size", NULL);
    sqlite3 *handle = _qa_database_get_handle (db);
    int triggers = 1;
    gboolean ok;

    if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
      cache_size = sqlite3_column_int (stmt, 0);
    if (stmt != NULL)
      sqlite3_reset (stmt);

    _qa_database_exec (db, grow, NULL);

    /* Every row carries its name key, computed above by qa_name_key(), the function the
     * applicant_name_key_insert trigger would call: the trigger has nothing to add. Its mere
     * presence made each INSERT a multi-write statement, with a statement journal, a trigger
     * frame and a scan of every table that refers to applicant per row (about a tenth of an
     * import's instructions at 10,000 rows), so triggers are off on this connection for the
     * import; test-database checks that applicant has no other trigger. */
    sqlite3_db_config (handle, SQLITE_DBCONFIG_ENABLE_TRIGGER, -1, &triggers);
    if (triggers)
      sqlite3_db_config (handle, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
    ok = qa_database_transaction (db, import_cb, &import, error);
    if (triggers)
      sqlite3_db_config (handle, SQLITE_DBCONFIG_ENABLE_TRIGGER, 1, NULL);

    if (cache_size != 0)
      {
        g_autofree char *restore = g_strdup_printf ("PRAGMA cache_size = %d", cache_size);

        _qa_database_exec (db, restore, NULL);
      }
    if (!ok)
      return import.refused ? _qa_import_refuse (db, "applicant.import.refused", name, error) : FALSE;
  }

  if (n_imported != NULL)
    *n_imported = n_rows;
  return _qa_session_applicants_changed (session, error);
}

/* Eligibility ---------------------------------------------------------------------------------- */

static gboolean
load_override (QaDatabase  *db,
               const char  *id,
               gboolean    *eligible,
               char       **reason)
{
  sqlite3_stmt *stmt;

  stmt = _qa_database_prepare (db, "SELECT eligible, reason FROM eligibility_override "
                                   "WHERE applicant_id = ?1", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;

  *eligible = sqlite3_column_int (stmt, 0) != 0;
  *reason = g_strdup (column_text (stmt, 1));
  return TRUE;
}

static QaEligibilityReport *
check_one (QaSession   *session,
           const char  *id,
           gboolean    *eligible,
           char       **override_reason,
           GError     **error)
{
  g_autoptr(QaDossier) dossier = NULL;
  QaEligibilityReport *report;
  QaEligibilityFacts facts;
  gboolean overridden = FALSE;
  g_autofree char *reason = NULL;

  dossier = load_dossier (qa_session_get_database (session), id, error);
  if (dossier == NULL)
    return NULL;

  qa_dossier_get_eligibility_facts (dossier, &facts);
  report = qa_rules_check_eligibility (qa_session_get_profile (session),
                                       qa_session_get_deadline (session), &facts);

  *eligible = qa_eligibility_report_is_eligible (report);
  if (load_override (qa_session_get_database (session), id, &overridden, &reason))
    *eligible = overridden;
  if (override_reason != NULL)
    *override_reason = g_steal_pointer (&reason);

  return report;
}

QaEligibilityReport *
qa_applicants_check_eligibility (QaSession   *session,
                                 const char  *id,
                                 gboolean    *eligible,
                                 char       **override_reason,
                                 GError     **error)
{
  gboolean dummy;

  g_return_val_if_fail (QA_IS_SESSION (session), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (override_reason != NULL)
    *override_reason = NULL;
  return check_one (session, id, eligible != NULL ? eligible : &dummy, override_reason, error);
}

static gboolean
store_condition (QaDatabase                   *db,
                 const char                   *id,
                 const QaEligibilityCondition *condition,
                 const char                   *now,
                 GError                      **error)
{
  g_autofree char *reason = NULL;
  sqlite3_stmt *stmt;

  g_ptr_array_add (condition->reasons, NULL);
  reason = g_strjoinv ("; ", (char **)condition->reasons->pdata);
  g_ptr_array_remove_index (condition->reasons, condition->reasons->len - 1);

  stmt = _qa_database_prepare (db,
                               "INSERT INTO eligibility (applicant_id, condition, result, source, "
                               "reason, decided_at) VALUES (?1, ?2, ?3, 'automatic', ?4, ?5) "
                               "ON CONFLICT (applicant_id, condition) DO UPDATE SET "
                               "result = excluded.result, reason = excluded.reason, "
                               "decided_at = excluded.decided_at",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, (int)condition->condition);
  sqlite3_bind_text (stmt, 3, condition->result == QA_CONDITION_PASS ? "pass" : "fail", -1,
                     SQLITE_STATIC);
  bind_text_or_null (stmt, 4, *reason != '\0' ? reason : NULL);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  return _qa_database_check (db, sqlite3_step (stmt), error);
}

/* Runs the check of applicant @id and stores its verdict, noting a change with the stored value
 * before it. */
static gboolean
store_one (QaDatabase  *db,
           QaSession   *session,
           const char  *id,
           const char  *now,
           GError     **error)
{
  g_autoptr(QaEligibilityReport) report = NULL;
  const char *verdict, *status;
  g_autofree char *stored = NULL;
  gboolean eligible = FALSE;
  sqlite3_stmt *stmt;

  report = check_one (session, id, &eligible, NULL, error);
  if (report == NULL)
    return FALSE;

  for (guint c = 0; c < G_N_ELEMENTS (report->conditions); c++)
    if (report->conditions[c].automatic &&
        !store_condition (db, id, &report->conditions[c], now, error))
      return FALSE;

  if (eligible)
    verdict = "eligible", status = "eligible";
  else if (qa_eligibility_report_is_pending (report))
    verdict = "pending", status = "applied";
  else
    verdict = "ineligible", status = "not_accepted";

  /* What the file holds now, not the list as last read: another face may have written. */
  g_clear_pointer (&stored, g_free);
  stmt = _qa_database_prepare (db, "SELECT eligibility FROM applicant WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    stored = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (g_strcmp0 (stored, verdict) != 0)
    {
      g_autoptr(GPtrArray) reasons = qa_eligibility_report_dup_reasons (report);
      g_autofree char *joined = NULL;
      g_autofree char *after = NULL;

      g_ptr_array_add (reasons, NULL);
      joined = g_strjoinv ("; ", (char **)reasons->pdata);
      after = g_strdup_printf ("%s: %s", verdict, joined);
      if (!_qa_audit_append (db, "eligibility.check", "applicant", id, stored, after, error))
        return FALSE;
    }

  /* Later stages are not undone by re-running the check. */
  stmt = _qa_database_prepare (db,
                               "UPDATE applicant SET eligibility = ?2, "
                               "status = CASE WHEN status IN ('applied', 'eligible', "
                               "'not_accepted') THEN ?3 ELSE status END WHERE id = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, verdict, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, status, -1, SQLITE_STATIC);
  if (!_qa_database_check (db, sqlite3_step (stmt), error))
    return FALSE;

  return TRUE;
}

static gboolean
store_eligibility_cb (QaDatabase  *db,
                      gpointer     user_data,
                      GError     **error)
{
  QaSession *session = user_data;
  GListModel *applicants = qa_session_get_applicants (session);
  g_autofree char *now = _qa_now_iso ();

  for (guint i = 0; i < g_list_model_get_n_items (applicants); i++)
    {
      g_autoptr(QaApplicant) applicant = g_list_model_get_item (applicants, i);

      if (!store_one (db, session, qa_applicant_get_id (applicant), now, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
qa_applicants_store_eligibility (QaSession  *session,
                                 GError    **error)
{
  g_return_val_if_fail (QA_IS_SESSION (session), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!qa_database_transaction (qa_session_get_database (session), store_eligibility_cb, session,
                                error))
    return FALSE;
  return qa_session_reload (session, error);
}

typedef struct
{
  const char *id;
  guint       condition;
  gboolean    pass;
  const char *text;
  QaSession  *session;
} Decision;

gboolean
_qa_applicants_require (QaDatabase  *db,
                        const char  *id,
                        GError     **error)
{
  sqlite3_stmt *stmt = _qa_database_prepare (db, "SELECT 1 FROM applicant WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return TRUE;
  set_not_found (error, id);
  return FALSE;
}

static gboolean
judge_cb (QaDatabase  *db,
          gpointer     user_data,
          GError     **error)
{
  const Decision *decision = user_data;
  g_autofree char *now = _qa_now_iso ();
  g_autofree char *after = g_strdup_printf ("condition=%u; %s; note=%s", decision->condition,
                                            decision->pass ? "pass" : "fail",
                                            decision->text != NULL ? decision->text : "");

  /* The verdict follows the judgement in the same transaction, whichever face recorded it. */
  return _qa_applicants_require (db, decision->id, error) &&
         write_judgement (db, decision->id, decision->condition,
                          decision->pass ? QA_CONDITION_PASS : QA_CONDITION_FAIL,
                          decision->text, error) &&
         _qa_audit_append (db, "eligibility.judge", "applicant", decision->id, NULL, after, error) &&
         store_one (db, decision->session, decision->id, now, error);
}

gboolean
qa_applicants_judge (QaSession   *session,
                     const char  *id,
                     guint        condition,
                     gboolean     pass,
                     const char  *note,
                     GError     **error)
{
  Decision decision = { id, condition, pass, note, session };

  g_return_val_if_fail (QA_IS_SESSION (session), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!qa_rules_condition_is_judged (condition))
    {
      g_set_error (error, QA_DOSSIER_ERROR, QA_DOSSIER_ERROR_INVALID,
                   _("Only conditions 3, 4 and 5 of Art. 13 are judged; conditions 1 and 2 are decided from the recorded facts"));
      return FALSE;
    }

  if (!qa_database_transaction (qa_session_get_database (session), judge_cb, &decision, error))
    return FALSE;
  return qa_session_reload (session, error);
}

static gboolean
override_cb (QaDatabase  *db,
             gpointer     user_data,
             GError     **error)
{
  const Decision *decision = user_data;
  g_autofree char *now = _qa_now_iso ();
  sqlite3_stmt *stmt;

  if (!_qa_applicants_require (db, decision->id, error))
    return FALSE;

  stmt = _qa_database_prepare (db,
                               "INSERT INTO eligibility_override (applicant_id, eligible, reason, "
                               "decided_at) VALUES (?1, ?2, ?3, ?4) "
                               "ON CONFLICT (applicant_id) DO UPDATE SET eligible = excluded.eligible, "
                               "reason = excluded.reason, decided_at = excluded.decided_at",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, decision->id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, decision->pass);
  sqlite3_bind_text (stmt, 3, decision->text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  if (!_qa_database_check (db, sqlite3_step (stmt), error))
    return FALSE;

  {
    g_autofree char *after = g_strdup_printf ("%s; reason=%s",
                                              decision->pass ? "eligible" : "not eligible",
                                              decision->text);

    return _qa_audit_append (db, "eligibility.override", "applicant", decision->id, NULL, after,
                             error);
  }
}

gboolean
qa_applicants_override (QaSession   *session,
                        const char  *id,
                        gboolean     eligible,
                        const char  *reason,
                        GError     **error)
{
  g_autofree char *stripped = NULL;
  Decision decision = { id, 0, eligible, NULL, session };

  g_return_val_if_fail (QA_IS_SESSION (session), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stripped = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  if (*stripped == '\0')
    {
      g_set_error_literal (error, QA_DOSSIER_ERROR, QA_DOSSIER_ERROR_INVALID,
                           _("An eligibility decision can be overridden only with a written reason"));
      return FALSE;
    }
  decision.text = stripped;

  if (!qa_database_transaction (qa_session_get_database (session), override_cb, &decision, error))
    return FALSE;
  return qa_applicants_store_eligibility (session, error);
}
