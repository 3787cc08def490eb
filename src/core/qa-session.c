/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "qa-session"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>

#include "qa-applicant-private.h"
#include "qa-audit.h"
#include "qa-audit-private.h"
#include "qa-consensus-private.h"
#include "qa-database-private.h"
#include "qa-outcome-private.h"
#include "qa-demo.h"
#include "qa-expert-private.h"
#include "qa-session-private.h"
#include "qa-util-private.h"

struct _QaSession
{
  GObject      parent_instance;

  QaDatabase  *database;
  QaProfile   *profile;
  QaCriteria  *criteria;
  GListStore  *applicants;
  /* Whether anyone has been given the applicants, and whether they were changed since they
   * were read: a list no one has seen is read again only when it is first asked for. */
  gboolean     applicants_given;
  gboolean     applicants_stale;
  GListStore  *experts;
  char        *deadline;
  guint        year;
  QaStage      stage;
  /* Set in a review package. */
  char        *package_reviewer;
  QaStage      package_stage;
  /* The session's identity; in a package, its session's (NULL in one made before there was). */
  char        *uuid;
};

G_DEFINE_FINAL_TYPE (QaSession, qa_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const stage_names[QA_N_STAGES] = {
  [QA_STAGE_APPLICATION] = "application",
  [QA_STAGE_ELIGIBILITY] = "eligibility",
  [QA_STAGE_MATERIAL] = "material",
  [QA_STAGE_SITE] = "site",
  [QA_STAGE_COMPREHENSIVE] = "comprehensive",
  [QA_STAGE_NOTICE] = "notice",
  [QA_STAGE_AWARD] = "award",
};

static const char * const stage_titles[QA_N_STAGES] = {
  [QA_STAGE_APPLICATION] = N_("Application"),
  [QA_STAGE_ELIGIBILITY] = N_("Eligibility check"),
  [QA_STAGE_MATERIAL] = N_("Material review"),
  [QA_STAGE_SITE] = N_("Site review"),
  [QA_STAGE_COMPREHENSIVE] = N_("Comprehensive evaluation"),
  [QA_STAGE_NOTICE] = N_("Decision and public notice"),
  [QA_STAGE_AWARD] = N_("Award"),
};

static void
qa_session_finalize (GObject *object)
{
  QaSession *self = (QaSession *)object;

  g_clear_object (&self->database);
  g_clear_object (&self->profile);
  g_clear_object (&self->criteria);
  g_clear_object (&self->applicants);
  g_clear_object (&self->experts);
  g_clear_pointer (&self->deadline, g_free);
  g_clear_pointer (&self->package_reviewer, g_free);
  g_clear_pointer (&self->uuid, g_free);

  G_OBJECT_CLASS (qa_session_parent_class)->finalize (object);
}

static void
qa_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  QaSession *self = QA_SESSION (object);

  switch (prop_id)
    {
    case PROP_STAGE:
      g_value_set_int (value, self->stage);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_session_class_init (QaSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = qa_session_finalize;
  object_class->get_property = qa_session_get_property;

  properties[PROP_STAGE] =
    g_param_spec_int ("stage", NULL, NULL,
                      QA_STAGE_APPLICATION, QA_STAGE_AWARD, QA_STAGE_APPLICATION,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
qa_session_init (QaSession *self)
{
  self->applicants = g_list_store_new (QA_TYPE_APPLICANT);
  self->experts = g_list_store_new (QA_TYPE_EXPERT);
}

const char *
qa_stage_to_string (QaStage stage)
{
  g_return_val_if_fail (stage < QA_N_STAGES, NULL);

  return stage_names[stage];
}

gboolean
qa_stage_from_string (const char *str,
                      QaStage    *stage)
{
  g_return_val_if_fail (stage != NULL, FALSE);

  for (guint i = 0; i < QA_N_STAGES; i++)
    {
      if (g_strcmp0 (stage_names[i], str) == 0)
        {
          *stage = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
qa_stage_get_title (QaStage stage)
{
  g_return_val_if_fail (stage < QA_N_STAGES, NULL);

  return _(stage_titles[stage]);
}

gboolean
_qa_stage_is_review (QaStage stage)
{
  return stage == QA_STAGE_MATERIAL || stage == QA_STAGE_SITE;
}

struct _QaSessionTicket
{
  char *path;
  char *operator_name;
  char *operator_role;
};

QaSessionTicket *
_qa_session_ticket_new (QaSession *session)
{
  QaDatabase *db = qa_session_get_database (session);
  QaSessionTicket *ticket = g_new0 (QaSessionTicket, 1);

  ticket->path = g_strdup (qa_database_get_path (db));
  ticket->operator_name = g_strdup (qa_database_get_operator_name (db));
  ticket->operator_role = g_strdup (qa_database_get_operator_role (db));
  return ticket;
}

QaSession *
_qa_session_ticket_open (QaSessionTicket  *ticket,
                         GError          **error)
{
  QaSession *session = qa_session_open (ticket->path, error);

  if (session != NULL)
    qa_database_set_operator (qa_session_get_database (session),
                              ticket->operator_name, ticket->operator_role);
  return session;
}

void
_qa_session_ticket_free (QaSessionTicket *ticket)
{
  if (ticket == NULL)
    return;
  g_free (ticket->path);
  g_free (ticket->operator_name);
  g_free (ticket->operator_role);
  g_free (ticket);
}

char *
qa_session_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "qareview", "qareview.db", NULL);
}

typedef struct
{
  QaProfile  *profile;
  QaCriteria *criteria;
  guint       year;
  const char *deadline;
} CreateData;

static gboolean
insert_items (QaDatabase  *db,
              QaCriteria  *criteria,
              GError     **error)
{
  GListModel *items = qa_criteria_get_items (criteria);
  guint n_items = g_list_model_get_n_items (items);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(QaItem) item = g_list_model_get_item (items, i);
      sqlite3_stmt *stmt;

      stmt = _qa_database_prepare (db,
                                   "INSERT INTO item (code, category, position, points, kind) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5)",
                                   error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_text (stmt, 1, qa_item_get_code (item), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, qa_item_get_category_code (item), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 3, (int)i + 1);
      sqlite3_bind_int (stmt, 4, (int)qa_item_get_points (item));
      sqlite3_bind_text (stmt, 5, qa_item_kind_to_string (qa_item_get_kind (item)), -1,
                         SQLITE_STATIC);
      if (!_qa_database_check (db, sqlite3_step (stmt), error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
create_session (QaDatabase  *db,
                gpointer     user_data,
                GError     **error)
{
  CreateData *data = user_data;
  g_autofree char *now = _qa_now_iso ();
  GBytes *profile_bytes;
  sqlite3_stmt *stmt;

  if (qa_database_has_session (db))
    {
      g_set_error (error, QA_DATABASE_ERROR, QA_DATABASE_ERROR_SESSION_EXISTS,
                   _("“%s” already holds an award session; nothing was changed"),
                   qa_database_get_path (db));
      return FALSE;
    }

  profile_bytes = qa_profile_get_bytes (data->profile);
  stmt = _qa_database_prepare (db,
                               "INSERT INTO session (id, year, profile_id, profile_xml, "
                               "criteria_id, deadline, stage, kind, created_at, uuid) "
                               "VALUES (1, ?1, ?2, ?3, ?4, ?5, 'application', 'session', ?6, "
                               "lower(hex(randomblob(16))))",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, (int)data->year);
  sqlite3_bind_text (stmt, 2, qa_profile_get_id (data->profile), -1, SQLITE_TRANSIENT);
  sqlite3_bind_blob64 (stmt, 3, g_bytes_get_data (profile_bytes, NULL),
                       g_bytes_get_size (profile_bytes), SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, qa_criteria_get_id (data->criteria), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, data->deadline, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_TRANSIENT);
  if (!_qa_database_check (db, sqlite3_step (stmt), error))
    return FALSE;

  stmt = _qa_database_prepare (db,
                               "INSERT INTO stage_event (stage, event, at) "
                               "VALUES ('application', 'opened', ?1)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  if (!_qa_database_check (db, sqlite3_step (stmt), error))
    return FALSE;

  if (!insert_items (db, data->criteria, error))
    return FALSE;

  {
    g_autofree char *after = g_strdup_printf ("year=%u; profile=%s; criteria=%s; deadline=%s",
                                              data->year, qa_profile_get_id (data->profile),
                                              qa_criteria_get_id (data->criteria), data->deadline);

    return _qa_audit_append (db, "session.create", "session", NULL, NULL, after, error);
  }
}

gboolean
qa_session_create (QaDatabase  *db,
                   QaProfile   *profile,
                   guint        year,
                   const char  *deadline,
                   GError     **error)
{
  g_autoptr(QaCriteria) criteria = NULL;
  g_autofree char *default_deadline = NULL;
  CreateData data;
  GDate date;

  g_return_val_if_fail (QA_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (QA_IS_PROFILE (profile), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (year < 2000 || year > 2999)
    {
      g_set_error (error, QA_DATABASE_ERROR, QA_DATABASE_ERROR_CONSTRAINT,
                   _("The session year %u is not a year between 2000 and 2999"), year);
      return FALSE;
    }

  if (deadline == NULL)
    deadline = default_deadline = g_strdup_printf ("%04u-09-30", year);
  else if (!_qa_date_parse (deadline, &date))
    {
      g_set_error (error, QA_DATABASE_ERROR, QA_DATABASE_ERROR_CONSTRAINT,
                   _("The application deadline “%s” is not a date written as YYYY-MM-DD"),
                   deadline);
      return FALSE;
    }

  criteria = qa_criteria_new_from_id (qa_profile_get_criteria_id (profile), error);
  if (criteria == NULL || !qa_profile_check_criteria (profile, criteria, error))
    return FALSE;

  data.profile = profile;
  data.criteria = criteria;
  data.year = year;
  data.deadline = deadline;

  return qa_database_transaction (db, create_session, &data, error);
}

static gboolean
load_applicants (QaSession  *self,
                 GError    **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _qa_database_prepare (self->database,
                               "SELECT " QA_APPLICANT_COLUMNS " FROM applicant ORDER BY id",
                               error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, _qa_applicant_new_from_row (stmt));
  if (!_qa_database_check (self->database, rc, error))
    return FALSE;

  g_list_store_splice (self->applicants, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->applicants)),
                       rows->pdata, rows->len);
  self->applicants_stale = FALSE;
  return TRUE;
}

gboolean
_qa_session_applicants_changed (QaSession  *self,
                                GError    **error)
{
  g_return_val_if_fail (QA_IS_SESSION (self), FALSE);

  if (self->applicants_given)
    return load_applicants (self, error);
  self->applicants_stale = TRUE;
  return TRUE;
}

static gboolean
load_experts (QaSession  *self,
              GError    **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _qa_database_prepare (self->database,
                               "SELECT " QA_EXPERT_COLUMNS " FROM " QA_EXPERT_FROM " ORDER BY e.id",
                               error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, _qa_expert_new_from_row (stmt));
  if (!_qa_database_check (self->database, rc, error))
    return FALSE;

  g_list_store_splice (self->experts, 0, g_list_model_get_n_items (G_LIST_MODEL (self->experts)),
                       rows->pdata, rows->len);
  return TRUE;
}

/* A package carries exactly one issued key: its reviewer's, for its stage. */
static gboolean
load_package_identity (QaSession  *self,
                       GError    **error)
{
  sqlite3_stmt *stmt;
  QaStage stage = QA_STAGE_MATERIAL;

  stmt = _qa_database_prepare (self->database,
                               "SELECT stage, expert_id, (SELECT count(*) FROM package_key) "
                               "FROM package_key",
                               error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_int (stmt, 2) != 1 ||
      !qa_stage_from_string ((const char *)sqlite3_column_text (stmt, 0), &stage))
    {
      sqlite3_reset (stmt);
      g_set_error (error, QA_DATABASE_ERROR, QA_DATABASE_ERROR_CORRUPT,
                   _("“%s” is a review package without its reviewer’s key; ask the secretariat for a new package"),
                   qa_database_get_path (self->database));
      return FALSE;
    }

  self->package_stage = stage;
  self->package_reviewer = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
load_session_row (QaSession  *self,
                  GError    **error)
{
  g_autoptr(GBytes) profile_bytes = NULL;
  sqlite3_stmt *stmt;
  QaStage stage = QA_STAGE_APPLICATION;
  gboolean is_package;
  int rc;

  stmt = _qa_database_prepare (self->database,
                               "SELECT year, profile_id, profile_xml, criteria_id, deadline, stage, "
                               "kind, uuid FROM session WHERE id = 1",
                               error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, QA_DATABASE_ERROR, QA_DATABASE_ERROR_NO_SESSION,
                   _("“%s” holds no award session yet; create one first (qareview-cli init)"),
                   qa_database_get_path (self->database));
      return FALSE;
    }
  if (!_qa_database_check (self->database, rc, error))
    return FALSE;

  self->year = (guint)sqlite3_column_int (stmt, 0);
  profile_bytes = g_bytes_new (sqlite3_column_blob (stmt, 2), (gsize)sqlite3_column_bytes (stmt, 2));
  self->deadline = g_strdup ((const char *)sqlite3_column_text (stmt, 4));
  self->uuid = g_strdup ((const char *)sqlite3_column_text (stmt, 7));
  qa_stage_from_string ((const char *)sqlite3_column_text (stmt, 5), &stage);
  self->stage = stage;

  self->profile = qa_profile_new_from_bytes (profile_bytes,
                                             (const char *)sqlite3_column_text (stmt, 1),
                                             error);
  if (self->profile == NULL)
    return FALSE;

  is_package = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 6), "package") == 0;
  self->criteria = qa_criteria_new_from_id ((const char *)sqlite3_column_text (stmt, 3), error);
  if (self->criteria == NULL || !qa_profile_check_criteria (self->profile, self->criteria, error))
    return FALSE;

  return !is_package || load_package_identity (self, error);
}

QaSession *
qa_session_new (QaDatabase  *db,
                GError     **error)
{
  g_autoptr(QaSession) self = NULL;

  g_return_val_if_fail (QA_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (QA_TYPE_SESSION, NULL);
  self->database = g_object_ref (db);

  if (!load_session_row (self, error) || !load_applicants (self, error) ||
      !load_experts (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

static gboolean
create_demo_session (QaDatabase  *db,
                     gpointer     user_data,
                     GError     **error)
{
  g_autoptr(QaProfile) profile = NULL;
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  profile = qa_profile_new_from_id (QA_PROFILE_DEFAULT_ID, error);
  if (profile == NULL)
    return FALSE;

  if (!qa_session_create (db, profile, (guint)g_date_time_get_year (now), NULL, error))
    return FALSE;

  session = qa_session_new (db, error);
  return session != NULL && qa_demo_populate (session, error);
}

QaSession *
qa_session_open (const char  *path,
                 GError     **error)
{
  g_autoptr(QaDatabase) db = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *display_path = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no file “%s”. Check its name, or create a new session."),
                   display_path);
      return NULL;
    }

  db = qa_database_open_full (path, QA_DATABASE_OPEN_EXISTING, error);
  if (db == NULL)
    return NULL;
  return qa_session_new (db, error);
}

QaSession *
qa_session_open_with_demo (const char  *path,
                           GError     **error)
{
  g_autoptr(QaDatabase) db = NULL;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The folder “%s” cannot be created: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }

  db = qa_database_open (path, error);
  if (db == NULL)
    return NULL;

  if (!qa_database_has_session (db) &&
      !qa_database_transaction (db, create_demo_session, NULL, error))
    return NULL;

  return qa_session_new (db, error);
}

/* Refuses, before anything is replaced, what may not take the session's place. */
static gboolean
check_restorable (const char      *backup,
                  QaRestoreFlags   flags,
                  char           **accepted,
                  GError         **error)
{
  g_autoptr(QaDatabase) source = NULL;
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!g_file_test (backup, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, QA_DATABASE_ERROR, QA_DATABASE_ERROR_OPEN,
                   _("The backup “%s” does not exist"), backup);
      return FALSE;
    }

  source = qa_database_open_full (backup, QA_DATABASE_OPEN_READ_ONLY, &local_error);
  if (source != NULL)
    session = qa_session_new (source, &local_error);
  if (session == NULL)
    {
      g_set_error (error, QA_DATABASE_ERROR, QA_DATABASE_ERROR_OPEN,
                   _("The backup “%s” cannot be restored: %s"), backup, local_error->message);
      return FALSE;
    }
  if (qa_session_is_package (session))
    {
      /* It holds no award session: refused as such. */
      g_set_error (error, QA_DATABASE_ERROR, QA_DATABASE_ERROR_NO_SESSION,
                   _("“%s” is a reviewer’s review package, not a backup of the session; it was not restored"),
                   backup);
      return FALSE;
    }

  if (!qa_audit_verify (source, NULL, NULL, &local_error))
    {
      if (!(flags & QA_RESTORE_ACCEPT_BROKEN_AUDIT))
        {
          g_set_error (error, QA_AUDIT_ERROR, QA_AUDIT_ERROR_BROKEN,
                       _("The backup “%s” was not restored. %s. Restore it only if the secretariat accepts the broken trail explicitly; that acceptance is recorded"),
                       backup, local_error->message);
          return FALSE;
        }
      *accepted = g_strdup (local_error->message);
    }
  return TRUE;
}

typedef struct
{
  const char *backup;
  const char *kept;
  const char *accepted;
} RestoreRecord;

static gboolean
record_restore_cb (QaDatabase  *db,
                   gpointer     user_data,
                   GError     **error)
{
  RestoreRecord *record = user_data;
  g_autoptr(GString) after = g_string_new (NULL);

  g_string_append_printf (after, "backup=%s; replaced session kept as %s", record->backup,
                          record->kept != NULL ? record->kept : "(none)");
  if (record->accepted != NULL)
    g_string_append_printf (after, "; broken audit trail accepted: %s", record->accepted);
  return _qa_audit_append (db, "session.restore", "session", NULL, NULL, after->str, error);
}

gboolean
qa_session_restore (const char      *path,
                    const char      *backup,
                    const char      *operator_name,
                    const char      *operator_role,
                    QaRestoreFlags   flags,
                    char           **kept,
                    GError         **error)
{
  g_autofree char *accepted = NULL;
  g_autofree char *kept_path = NULL;
  g_autoptr(QaDatabase) restored = NULL;
  RestoreRecord record;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (backup != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_restorable (backup, flags, &accepted, error))
    return FALSE;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(QaDatabase) current = NULL;
      g_autoptr(GError) open_error = NULL;

      current = qa_database_open_full (path, QA_DATABASE_OPEN_EXISTING, &open_error);
      if (current != NULL && qa_database_is_read_only (current))
        {
          g_set_error (error, QA_DATABASE_ERROR, QA_DATABASE_ERROR_READ_ONLY,
                       _("The session file “%s” cannot be replaced: the disk is full or read-only. Nothing was changed"),
                       path);
          return FALSE;
        }
      if (current != NULL)
        {
          /* The session as it is: a restore can be undone. */
          kept_path = qa_database_auto_backup (current, "before-restore", error);
          g_clear_object (&current);
          if (kept_path == NULL || !qa_database_restore (backup, path, error))
            return FALSE;
        }
      else
        {
          kept_path = qa_database_restore_damaged (backup, path, error);
          if (kept_path == NULL)
            return FALSE;
        }
    }
  else if (!qa_database_restore (backup, path, error))
    return FALSE;

  restored = qa_database_open_full (path, QA_DATABASE_OPEN_EXISTING, error);
  if (restored == NULL)
    return FALSE;
  if (operator_name != NULL && operator_role != NULL)
    qa_database_set_operator (restored, operator_name, operator_role);

  record = (RestoreRecord) { backup, kept_path, accepted };
  if (!qa_database_transaction (restored, record_restore_cb, &record, error))
    return FALSE;

  if (kept != NULL)
    *kept = g_steal_pointer (&kept_path);
  return TRUE;
}

QaDatabase *
qa_session_get_database (QaSession *self)
{
  g_return_val_if_fail (QA_IS_SESSION (self), NULL);
  return self->database;
}

QaProfile *
qa_session_get_profile (QaSession *self)
{
  g_return_val_if_fail (QA_IS_SESSION (self), NULL);
  return self->profile;
}

QaCriteria *
qa_session_get_criteria (QaSession *self)
{
  g_return_val_if_fail (QA_IS_SESSION (self), NULL);
  return self->criteria;
}

guint
qa_session_get_year (QaSession *self)
{
  g_return_val_if_fail (QA_IS_SESSION (self), 0);
  return self->year;
}

const char *
qa_session_get_deadline (QaSession *self)
{
  g_return_val_if_fail (QA_IS_SESSION (self), NULL);
  return self->deadline;
}

QaStage
qa_session_get_stage (QaSession *self)
{
  g_return_val_if_fail (QA_IS_SESSION (self), QA_STAGE_APPLICATION);
  return self->stage;
}

char *
qa_session_dup_title (QaSession *self)
{
  g_return_val_if_fail (QA_IS_SESSION (self), NULL);

  /* Translators: the session's year and the award's name, as in “2026届 甘州区人民政府质量奖”. */
  return g_strdup_printf (_("%u · %s"), self->year, qa_profile_get_award_name (self->profile));
}

const char *
qa_session_get_uuid (QaSession *self)
{
  g_return_val_if_fail (QA_IS_SESSION (self), NULL);
  return self->uuid;
}

gboolean
qa_session_is_package (QaSession *self)
{
  g_return_val_if_fail (QA_IS_SESSION (self), FALSE);
  return self->package_reviewer != NULL;
}

const char *
qa_session_get_package_reviewer (QaSession *self)
{
  g_return_val_if_fail (QA_IS_SESSION (self), NULL);
  return self->package_reviewer;
}

QaStage
qa_session_get_package_stage (QaSession *self)
{
  g_return_val_if_fail (QA_IS_SESSION (self), QA_STAGE_MATERIAL);
  return self->package_stage;
}

gboolean
qa_session_stage_is_closed (QaSession *self,
                            QaStage    stage)
{
  sqlite3_stmt *stmt;
  gboolean closed;

  g_return_val_if_fail (QA_IS_SESSION (self), FALSE);

  stmt = _qa_database_prepare (self->database,
                               "SELECT 1 FROM stage_event WHERE stage = ?1 AND event = 'closed'",
                               NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, qa_stage_to_string (stage), -1, SQLITE_STATIC);
  closed = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return closed;
}

char *
qa_session_dup_stage_closed_at (QaSession *self,
                                QaStage    stage)
{
  g_return_val_if_fail (QA_IS_SESSION (self), NULL);

  return _qa_database_dup_stage_closed_at (self->database, stage);
}

char *
_qa_database_dup_stage_closed_at (QaDatabase *db,
                                  QaStage     stage)
{
  sqlite3_stmt *stmt;
  char *at = NULL;

  stmt = _qa_database_prepare (db,
                               "SELECT min(at) FROM stage_event WHERE stage = ?1 AND event = 'closed'",
                               NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, qa_stage_to_string (stage), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    at = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return at;
}

typedef struct
{
  QaSession *session;
  QaStage    stage;
} StageChange;

/* Every missing sheet and item, as one refusal. */
static gboolean
require_complete (QaSession   *session,
                  QaStage      stage,
                  GError     **error)
{
  g_autoptr(GPtrArray) missing = _qa_consensus_check_complete_db (qa_session_get_database (session),
                                                                  qa_session_get_profile (session),
                                                                  stage, NULL, error);
  g_autoptr(GString) message = NULL;

  if (missing == NULL)
    return FALSE;
  if (missing->len == 0)
    return TRUE;

  message = g_string_new (NULL);
  g_string_printf (message, _("Art. 16: the %s cannot be closed until every panel member’s score sheet is in and complete and every item the chair agreed still stands against its default; missing:"),
                   qa_stage_get_title (stage));
  for (guint i = 0; i < missing->len; i++)
    g_string_append_printf (message, "\n%s", (const char *)g_ptr_array_index (missing, i));
  g_set_error_literal (error, QA_CONSENSUS_ERROR, QA_CONSENSUS_ERROR_INCOMPLETE, message->str);
  return FALSE;
}

static gboolean
close_stage_cb (QaDatabase  *db,
                gpointer     user_data,
                GError     **error)
{
  const StageChange *change = user_data;
  g_autofree char *now = _qa_now_iso ();
  sqlite3_stmt *stmt;

  if (!require_complete (change->session, change->stage, error))
    return FALSE;

  stmt = _qa_database_prepare (db, "INSERT INTO stage_event (stage, event, at) VALUES (?1, 'closed', ?2)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, qa_stage_to_string (change->stage), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  /* The session moves on: to site review after the material review, to the comprehensive
   * evaluation after the site review. */
  return _qa_database_check (db, sqlite3_step (stmt), error) &&
         _qa_audit_append (db, "stage.close", "stage", qa_stage_to_string (change->stage),
                           NULL, NULL, error) &&
         _qa_outcome_advance_stage (db, change->stage == QA_STAGE_MATERIAL ? QA_STAGE_SITE
                                                                           : QA_STAGE_COMPREHENSIVE,
                                    error);
}

gboolean
qa_session_close_stage (QaSession  *self,
                        QaStage     stage,
                        GError    **error)
{
  g_autofree char *backup = NULL;
  StageChange change = { self, stage };
  GError *local_error = NULL;

  g_return_val_if_fail (QA_IS_SESSION (self), FALSE);
  g_return_val_if_fail (_qa_stage_is_review (stage), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (qa_session_stage_is_closed (self, stage))
    return TRUE;

  /* Checked before the backup too, so a refusal leaves no backup behind. */
  if (!_qa_consensus_require_chair (self->database, _("close a review stage"), &local_error) ||
      !require_complete (self, stage, &local_error))
    goto refused;

  backup = qa_database_auto_backup (self->database, "before-closing", error);
  if (backup == NULL)
    return FALSE;
  if (qa_database_transaction (self->database, close_stage_cb, &change, &local_error))
    return _qa_session_sync_stage (self, error);
  if (!g_error_matches (local_error, QA_CONSENSUS_ERROR, QA_CONSENSUS_ERROR_INCOMPLETE))
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

refused:
  if (local_error->domain == QA_CONSENSUS_ERROR)
    {
      g_autoptr(GError) audit_error = NULL;

      if (!qa_audit_record_refusal (self->database, "stage.close.refused", "stage",
                                    qa_stage_to_string (stage), local_error->message, &audit_error))
        g_warning ("A refusal could not be noted in the audit trail: %s", audit_error->message);
    }
  g_propagate_error (error, local_error);
  return FALSE;
}

GListModel *
qa_session_get_applicants (QaSession *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (QA_IS_SESSION (self), NULL);

  self->applicants_given = TRUE;
  if (self->applicants_stale && !load_applicants (self, &error))
    g_warning ("The applicants could not be read again: %s", error->message);
  return G_LIST_MODEL (self->applicants);
}

GListModel *
qa_session_get_experts (QaSession *self)
{
  g_return_val_if_fail (QA_IS_SESSION (self), NULL);
  return G_LIST_MODEL (self->experts);
}

gboolean
qa_session_count_experts (QaSession  *self,
                          guint      *n_experts,
                          GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QA_IS_SESSION (self), FALSE);
  g_return_val_if_fail (n_experts != NULL, FALSE);

  *n_experts = 0;
  stmt = _qa_database_prepare (self->database, "SELECT count(*) FROM expert", error);
  if (stmt == NULL || !_qa_database_check (self->database, sqlite3_step (stmt), error))
    return FALSE;
  *n_experts = (guint)sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
_qa_session_sync_stage (QaSession  *self,
                        GError    **error)
{
  sqlite3_stmt *stmt;
  QaStage stage = self->stage;
  int rc;

  g_return_val_if_fail (QA_IS_SESSION (self), FALSE);

  stmt = _qa_database_prepare (self->database, "SELECT stage FROM session WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (!_qa_database_check (self->database, rc, error))
    return FALSE;
  if (rc == SQLITE_ROW)
    qa_stage_from_string ((const char *)sqlite3_column_text (stmt, 0), &stage);
  sqlite3_reset (stmt);

  if (stage != self->stage)
    {
      self->stage = stage;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
    }
  return TRUE;
}

gboolean
qa_session_reload (QaSession  *self,
                   GError    **error)
{
  g_return_val_if_fail (QA_IS_SESSION (self), FALSE);

  return _qa_session_sync_stage (self, error) && load_applicants (self, error) &&
         load_experts (self, error);
}
