/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "qa-package"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <string.h>
#include <sys/random.h>
#include <glib/gstdio.h>

#include "qa-audit-private.h"
#include "qa-consensus.h"
#include "qa-database-private.h"
#include "qa-output-private.h"
#include "qa-package.h"
#include "qa-scores.h"
#include "qa-session-private.h"
#include "qa-util-private.h"

G_DEFINE_QUARK (qa-package-error-quark, qa_package_error)

typedef struct
{
  const char *reviewer_id;
  QaStage     stage;
  char       *secret;
  gboolean    new_key;  /* drawn for this export, not yet stored in the session */
  GPtrArray  *points;   /* site review: VerificationPoint of the applicants to be assigned */
} Issue;

/* A point to verify on site: the material review's consensus text of one category. */
typedef struct
{
  char       *applicant_id;
  char       *category;
  const char *kind;
  char       *text;
} VerificationPoint;

static void
verification_point_free (VerificationPoint *point)
{
  g_free (point->applicant_id);
  g_free (point->category);
  g_free (point->text);
  g_free (point);
}

/* The material consensus strengths and improvements of each applicant the reviewer visits,
 * compiled without any reviewer's name (Art. 16(4)). */
static GPtrArray *
collect_verification_points (QaSession   *session,
                             const char  *reviewer_id,
                             GError     **error)
{
  g_autoptr(GPtrArray) points = g_ptr_array_new_with_free_func ((GDestroyNotify)verification_point_free);
  g_auto(GStrv) applicants = qa_scores_assigned_applicants (session, reviewer_id, QA_STAGE_SITE, error);

  if (applicants == NULL)
    return NULL;
  for (guint a = 0; applicants[a] != NULL; a++)
    {
      g_autoptr(GPtrArray) strengths = NULL;
      g_autoptr(GPtrArray) improvements = NULL;

      if (!qa_consensus_list_verification_points (session, applicants[a], &strengths,
                                                  &improvements, error))
        return NULL;
      for (guint k = 0; k < 2; k++)
        {
          GPtrArray *from = k == 0 ? strengths : improvements;

          for (guint i = 0; i < from->len; i++)
            {
              const QaConsensusSentence *sentence = g_ptr_array_index (from, i);
              VerificationPoint *point = g_new0 (VerificationPoint, 1);

              point->applicant_id = g_strdup (applicants[a]);
              point->category = g_strdup (sentence->item);
              point->kind = k == 0 ? "strength" : "improvement";
              point->text = g_strdup (sentence->text);
              g_ptr_array_add (points, point);
            }
        }
    }
  return g_steal_pointer (&points);
}

static gboolean
insert_verification_points (QaDatabase  *db,
                            GPtrArray   *points,
                            GError     **error)
{
  for (guint i = 0; points != NULL && i < points->len; i++)
    {
      const VerificationPoint *point = g_ptr_array_index (points, i);
      sqlite3_stmt *stmt;

      stmt = _qa_database_prepare (db,
                                   "INSERT INTO verification_point (applicant_id, category, kind, text) "
                                   "SELECT ?1, ?2, ?3, ?4 WHERE ?1 IN (SELECT id FROM applicant)",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, point->applicant_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, point->category, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, point->kind, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, point->text, -1, SQLITE_TRANSIENT);
      if (!_qa_database_check (db, sqlite3_step (stmt), error))
        return FALSE;
    }
  return TRUE;
}

/* A key no one can guess: 32 bytes from the kernel's cryptographic generator, as hex. */
static char *
random_secret (GError **error)
{
  guint8 bytes[32];
  gsize filled = 0;

  while (filled < sizeof bytes)
    {
      gssize n = getrandom (bytes + filled, sizeof bytes - filled, 0);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          g_set_error (error, QA_PACKAGE_ERROR, QA_PACKAGE_ERROR_WRITE,
                       _("No secure random key could be drawn for the review package: %s"),
                       g_strerror (saved_errno));
          return NULL;
        }
      filled += (gsize)n;
    }

  {
    GString *hex = g_string_sized_new (2 * sizeof bytes);

    for (guint i = 0; i < sizeof bytes; i++)
      g_string_append_printf (hex, "%02x", bytes[i]);
    explicit_bzero (bytes, sizeof bytes);
    return g_string_free (hex, FALSE);
  }
}

static gboolean
step_bound (QaDatabase   *db,
            const char   *sql,
            const Issue  *issue,
            GError      **error)
{
  sqlite3_stmt *stmt = _qa_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  /* Every statement here may use ?1 (stage) and ?2 (reviewer). */
  if (sqlite3_bind_parameter_count (stmt) >= 1)
    sqlite3_bind_text (stmt, 1, qa_stage_to_string (issue->stage), -1, SQLITE_STATIC);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_text (stmt, 2, issue->reviewer_id, -1, SQLITE_TRANSIENT);
  return _qa_database_check (db, sqlite3_step (stmt), error);
}

/* In the session, before anything is written: the reviewer must sit on the stage's panel and
 * have applicants; their key is issued once per stage and kept, so a package issued again signs
 * alike. A new key is only drawn here; it is stored when the package is in place. */
static gboolean
check_issue (QaDatabase  *db,
             Issue       *issue,
             GError     **error)
{
  sqlite3_stmt *stmt;
  int n_assigned;

  stmt = _qa_database_prepare (db,
                               "SELECT (SELECT count(*) FROM panel_member WHERE stage = ?1 "
                               "AND expert_id = ?2 AND role = 'member'), "
                               "(SELECT count(*) FROM assignment WHERE stage = ?1 AND expert_id = ?2), "
                               "(SELECT secret FROM package_key WHERE stage = ?1 AND expert_id = ?2), "
                               "(SELECT status FROM expert WHERE id = ?2)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, qa_stage_to_string (issue->stage), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, issue->reviewer_id, -1, SQLITE_TRANSIENT);
  if (!_qa_database_check (db, sqlite3_step (stmt), error))
    return FALSE;

  if (sqlite3_column_int (stmt, 0) == 0)
    {
      g_set_error (error, QA_PACKAGE_ERROR, QA_PACKAGE_ERROR_NOT_ON_PANEL,
                   _("Art. 11: %s is not a member of the expert panel for the %s; only panel members receive review packages"),
                   issue->reviewer_id, qa_stage_get_title (issue->stage));
      sqlite3_reset (stmt);
      return FALSE;
    }
  if (g_strcmp0 ((const char *)sqlite3_column_text (stmt, 3), "active") != 0)
    {
      g_set_error (error, QA_PACKAGE_ERROR, QA_PACKAGE_ERROR_NOT_ON_PANEL,
                   _("Art. 23 (penalties): %s is suspended or disqualified and may not review"),
                   issue->reviewer_id);
      sqlite3_reset (stmt);
      return FALSE;
    }
  n_assigned = sqlite3_column_int (stmt, 1);
  if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
    issue->secret = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
  sqlite3_reset (stmt);

  if (n_assigned == 0)
    {
      g_set_error (error, QA_PACKAGE_ERROR, QA_PACKAGE_ERROR_NOTHING_ASSIGNED,
                   _("No applicant is assigned to %s for the %s"), issue->reviewer_id,
                   qa_stage_get_title (issue->stage));
      return FALSE;
    }

  if (issue->secret == NULL)
    {
      issue->secret = random_secret (error);
      if (issue->secret == NULL)
        return FALSE;
      issue->new_key = TRUE;
    }
  return TRUE;
}

/* In the session, in the transaction that puts the package in place: the key it carries is
 * stored (when new) and the export recorded. */
static gboolean
record_issue_cb (QaDatabase  *db,
                 gpointer     user_data,
                 GError     **error)
{
  Issue *issue = user_data;
  g_autofree char *now = _qa_now_iso ();
  sqlite3_stmt *stmt;

  if (issue->new_key)
    {
      stmt = _qa_database_prepare (db,
                                   "INSERT INTO package_key (stage, expert_id, secret, issued_at) "
                                   "VALUES (?1, ?2, ?3, ?4)",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, qa_stage_to_string (issue->stage), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, issue->reviewer_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, issue->secret, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
      /* Another export issued the key meanwhile: this package would not sign alike. */
      if (!_qa_database_check (db, sqlite3_step (stmt), error))
        return FALSE;
    }

  return _qa_audit_append (db, "package.export", "expert", issue->reviewer_id, NULL,
                           qa_stage_to_string (issue->stage), error);
}

/* In the new package, with the session attached as “src”: copy exactly what the reviewer needs. */
static gboolean
fill_package_cb (QaDatabase  *db,
                 gpointer     user_data,
                 GError     **error)
{
  Issue *issue = user_data;
  g_autofree char *now = _qa_now_iso ();
  sqlite3_stmt *stmt;

  static const char * const copies[] = {
    /* The applicants this reviewer scores, never one they are tied to. */
    "CREATE TEMP TABLE package_applicant AS SELECT applicant_id AS id FROM src.assignment "
    "WHERE stage = ?1 AND expert_id = ?2 AND applicant_id NOT IN "
    "(SELECT applicant_id FROM src.conflict WHERE expert_id = ?2)",
    "INSERT INTO expert SELECT * FROM src.expert WHERE id = ?2",
    "INSERT INTO applicant SELECT * FROM src.applicant WHERE id IN (SELECT id FROM temp.package_applicant)",
    "INSERT INTO certificate SELECT * FROM src.certificate WHERE applicant_id IN (SELECT id FROM temp.package_applicant)",
    "INSERT INTO accident SELECT * FROM src.accident WHERE applicant_id IN (SELECT id FROM temp.package_applicant)",
    "INSERT INTO indicator SELECT * FROM src.indicator WHERE applicant_id IN (SELECT id FROM temp.package_applicant)",
    "INSERT OR IGNORE INTO material_content SELECT * FROM src.material_content WHERE sha256 IN "
    "(SELECT sha256 FROM src.material WHERE applicant_id IN (SELECT id FROM temp.package_applicant))",
    "INSERT INTO material SELECT * FROM src.material WHERE applicant_id IN (SELECT id FROM temp.package_applicant)",
    "INSERT INTO stage_applicant (stage, applicant_id) SELECT ?1, id FROM temp.package_applicant",
    "INSERT INTO assignment (stage, expert_id, applicant_id) SELECT ?1, ?2, id FROM temp.package_applicant",
    "INSERT INTO score SELECT * FROM src.score WHERE stage = ?1 AND expert_id = ?2 "
    "AND applicant_id IN (SELECT id FROM temp.package_applicant)",
    "INSERT INTO sheet SELECT * FROM src.sheet WHERE stage = ?1 AND expert_id = ?2",
    /* The package speaks for its session: sheets made in it say which session that is. */
    "UPDATE session SET kind = 'package', stage = ?1, uuid = (SELECT uuid FROM src.session WHERE id = 1)",
    "DROP TABLE temp.package_applicant",
  };

  for (guint i = 0; i < G_N_ELEMENTS (copies); i++)
    if (!step_bound (db, copies[i], issue, error))
      return FALSE;
  if (!insert_verification_points (db, issue->points, error))
    return FALSE;

  stmt = _qa_database_prepare (db,
                               "INSERT INTO package_key (stage, expert_id, secret, issued_at) "
                               "VALUES (?1, ?2, ?3, ?4)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, qa_stage_to_string (issue->stage), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, issue->reviewer_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, issue->secret, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  if (!_qa_database_check (db, sqlite3_step (stmt), error))
    return FALSE;

  return _qa_audit_append (db, "package.create", "expert", issue->reviewer_id, NULL,
                           qa_stage_to_string (issue->stage), error);
}

static gboolean
attach_session (QaDatabase  *package,
                const char  *session_path,
                GError     **error)
{
  sqlite3_stmt *stmt = _qa_database_prepare (package, "ATTACH DATABASE ?1 AS src", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, session_path, -1, SQLITE_TRANSIENT);
  if (!_qa_database_check (package, sqlite3_step (stmt), error))
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

/* Sets a pragma that answers with the value now in force (journal_mode does), and checks it. */
static gboolean
set_pragma (QaDatabase  *db,
            const char  *sql,
            const char  *expected,
            GError     **error)
{
  sqlite3_stmt *stmt = _qa_database_prepare (db, sql, error);
  gboolean ok;
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && !_qa_database_check (db, rc, error))
    return FALSE;
  ok = rc == SQLITE_ROW &&
       g_ascii_strcasecmp ((const char *)sqlite3_column_text (stmt, 0), expected) == 0;
  sqlite3_reset (stmt);
  if (!ok)
    g_set_error (error, QA_PACKAGE_ERROR, QA_PACKAGE_ERROR_WRITE,
                 _("The review package could not be written to “%s”: %s"),
                 qa_database_get_path (db), sql);
  return ok;
}

static gboolean
sync_file (const char  *path,
           GError     **error)
{
  int fd = g_open (path, O_RDWR | O_CLOEXEC, 0);
  int saved_errno;

  if (fd >= 0 && g_fsync (fd) == 0 && g_close (fd, NULL))
    return TRUE;
  saved_errno = errno;
  if (fd >= 0)
    g_close (fd, NULL);
  g_set_error (error, QA_PACKAGE_ERROR, QA_PACKAGE_ERROR_WRITE,
               _("The review package could not be written to “%s”: %s"), path,
               g_strerror (saved_errno));
  return FALSE;
}

static gboolean
build_package (QaSession   *session,
               Issue       *issue,
               const char  *partial,
               GError     **error)
{
  g_autoptr(QaDatabase) package = NULL;
  g_autoptr(QaProfile) profile = NULL;
  gboolean filled;

  profile = qa_profile_new_from_bytes (qa_profile_get_bytes (qa_session_get_profile (session)),
                                       qa_profile_get_id (qa_session_get_profile (session)), error);
  if (profile == NULL)
    return FALSE;

  package = qa_database_open (partial, error);
  if (package == NULL)
    return FALSE;
  /* A fresh file that is deleted if anything fails: no journal, no sync while it is built (every
   * byte written once), and one fsync when it is complete. */
  if (!set_pragma (package, "PRAGMA journal_mode = OFF", "off", error) ||
      !_qa_database_exec (package, "PRAGMA synchronous = OFF", error))
    return FALSE;
  /* The largest pages: a gigabyte of materials is written in 16,000 writes rather than 256,000
   * of 4 KiB (85% of an export's system time). The file holds only its empty schema yet, so
   * rebuilding it at the new size costs nothing. */
  if (!_qa_database_exec (package, "PRAGMA page_size = 65536", error) ||
      !_qa_database_exec (package, "VACUUM", error))
    return FALSE;
  qa_database_set_operator (package, qa_database_get_operator_name (qa_session_get_database (session)),
                            qa_database_get_operator_role (qa_session_get_database (session)));

  if (!qa_session_create (package, profile, qa_session_get_year (session),
                          qa_session_get_deadline (session), error) ||
      !attach_session (package, qa_database_get_path (qa_session_get_database (session)), error))
    return FALSE;
  /* The materials are read through a map of the session rather than a read() per 4 KiB page
   * (a gigabyte is 256,000 of them); where the map cannot be had, reads are as before. */
  _qa_database_exec (package, "PRAGMA src.mmap_size = 2147418112", NULL);

  filled = qa_database_transaction (package, fill_package_cb, issue, error);
  _qa_database_exec (package, "DETACH DATABASE src", NULL);
  if (!filled)
    return FALSE;

  /* One self-contained file to hand over, on the disk before it is renamed into place. */
  if (!set_pragma (package, "PRAGMA journal_mode = DELETE", "delete", error))
    return FALSE;
  g_clear_object (&package);
  return sync_file (partial, error);
}

gboolean
qa_package_export (QaSession      *session,
                   const char     *reviewer_id,
                   QaStage         stage,
                   const char     *path,
                   QaOutputFlags   flags,
                   GError        **error)
{
  g_autoptr(QaOutput) output = NULL;
  g_autoptr(GError) local_error = NULL;
  Issue issue = { reviewer_id, stage, NULL, FALSE, NULL };
  QaDatabase *db;
  gboolean ok;

  g_return_val_if_fail (QA_IS_SESSION (session), FALSE);
  g_return_val_if_fail (reviewer_id != NULL, FALSE);
  g_return_val_if_fail (stage == QA_STAGE_MATERIAL || stage == QA_STAGE_SITE, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (qa_session_is_package (session))
    {
      g_set_error_literal (error, QA_PACKAGE_ERROR, QA_PACKAGE_ERROR_NOT_A_PACKAGE,
                           _("Review packages are made from the session database, not from another package"));
      return FALSE;
    }

  db = qa_session_get_database (session);
  if (!check_issue (db, &issue, error))
    {
      g_free (issue.secret);
      return FALSE;
    }

  /* Built from nothing in a file of its own, so no freed page can hold anything else; the key
   * and the export are recorded only with the package in place. */
  if (stage == QA_STAGE_SITE)
    {
      issue.points = collect_verification_points (session, reviewer_id, error);
      if (issue.points == NULL)
        {
          g_free (issue.secret);
          return FALSE;
        }
    }
  output = qa_output_new (path, flags, error);
  if (output == NULL)
    ok = FALSE;
  else if (!build_package (session, &issue, qa_output_get_temp_path (output), &local_error))
    {
      g_autofree char *display = g_filename_display_name (path);

      /* What failed is the file being made, whatever its temporary name. */
      if (g_error_matches (local_error, QA_DATABASE_ERROR, QA_DATABASE_ERROR_FULL))
        g_set_error (error, QA_PACKAGE_ERROR, QA_PACKAGE_ERROR_WRITE,
                     _("The review package was not written to “%s”: the disk is full. Nothing was recorded in the session and nothing was lost; free some space and try again"),
                     display);
      else
        g_set_error (error, QA_PACKAGE_ERROR, QA_PACKAGE_ERROR_WRITE,
                     _("The review package could not be written to “%s” (%s). Nothing was recorded in the session and nothing was lost"),
                     display, local_error->message);
      ok = FALSE;
    }
  else
    ok = _qa_output_commit_recorded (output, db, record_issue_cb, &issue, error);
  g_free (issue.secret);
  g_clear_pointer (&issue.points, g_ptr_array_unref);
  return ok;
}

typedef struct
{
  QaSessionTicket *ticket;
  char            *reviewer_id;
  QaStage          stage;
  char            *path;
  QaOutputFlags    flags;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  _qa_session_ticket_free (job->ticket);
  g_free (job->reviewer_id);
  g_free (job->path);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GError) error = NULL;

  session = _qa_session_ticket_open (job->ticket, &error);
  if (session == NULL ||
      !qa_package_export (session, job->reviewer_id, job->stage, job->path, job->flags, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
qa_package_export_async (QaSession           *session,
                         const char          *reviewer_id,
                         QaStage              stage,
                         const char          *path,
                         QaOutputFlags        flags,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (QA_IS_SESSION (session));
  g_return_if_fail (reviewer_id != NULL);
  g_return_if_fail (stage == QA_STAGE_MATERIAL || stage == QA_STAGE_SITE);
  g_return_if_fail (path != NULL);

  job = g_new0 (ExportJob, 1);
  job->ticket = _qa_session_ticket_new (session);
  job->reviewer_id = g_strdup (reviewer_id);
  job->stage = stage;
  job->path = g_strdup (path);
  job->flags = flags;

  task = g_task_new (session, cancellable, callback, user_data);
  g_task_set_source_tag (task, qa_package_export_async);
  g_task_set_task_data (task, job, (GDestroyNotify)export_job_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
qa_package_export_finish (QaSession     *session,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (QA_IS_SESSION (session), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, session), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
