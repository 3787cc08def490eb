/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "qa-materials"

#include "config.h"

#include <glib/gi18n.h>
#include <nettle/sha2.h>

#include "qa-applicants-private.h"
#include "qa-audit-private.h"
#include "qa-database-private.h"
#include "qa-output-private.h"
#include "qa-materials.h"
#include "qa-util-private.h"

/* Materials are read and written through a buffer of this size, whatever their size. */
#define CHUNK_SIZE (1024 * 1024)
/* A material is copied into the session this many bytes per transaction (see run_add()); one no
 * larger is stored in one. */
#define STAGE_SIZE (8 * CHUNK_SIZE)

struct _QaMaterial
{
  GObject         parent_instance;

  gint64          id;
  char           *applicant_id;
  QaMaterialKind  kind;
  char           *filename;
  char           *content_type;
  char           *sha256;
  gint64          size;
  gboolean        trade_secret;
  gboolean        no_state_secret;
};

G_DEFINE_FINAL_TYPE (QaMaterial, qa_material, G_TYPE_OBJECT)

G_DEFINE_QUARK (qa-material-error-quark, qa_material_error)

enum {
  PROP_0,
  PROP_FILENAME,
  PROP_KIND_LABEL,
  PROP_TRADE_SECRET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const kind_names[] = {
  [QA_MATERIAL_APPLICATION_FORM] = "application_form",
  [QA_MATERIAL_OVERVIEW] = "overview",
  [QA_MATERIAL_SELF_ASSESSMENT] = "self_assessment",
  [QA_MATERIAL_EVIDENCE] = "evidence",
  [QA_MATERIAL_OTHER] = "other",
};

static const char * const kind_labels[] = {
  [QA_MATERIAL_APPLICATION_FORM] = N_("Application form"),
  [QA_MATERIAL_OVERVIEW] = N_("Organisation overview"),
  [QA_MATERIAL_SELF_ASSESSMENT] = N_("Self-assessment report"),
  [QA_MATERIAL_EVIDENCE] = N_("Supporting evidence"),
  [QA_MATERIAL_OTHER] = N_("Other material"),
};

static void
qa_material_finalize (GObject *object)
{
  QaMaterial *self = (QaMaterial *)object;

  g_clear_pointer (&self->applicant_id, g_free);
  g_clear_pointer (&self->filename, g_free);
  g_clear_pointer (&self->content_type, g_free);
  g_clear_pointer (&self->sha256, g_free);

  G_OBJECT_CLASS (qa_material_parent_class)->finalize (object);
}

static void
qa_material_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  QaMaterial *self = QA_MATERIAL (object);

  switch (prop_id)
    {
    case PROP_FILENAME:
      g_value_set_string (value, self->filename);
      break;

    case PROP_KIND_LABEL:
      g_value_set_string (value, qa_material_kind_get_label (self->kind));
      break;

    case PROP_TRADE_SECRET:
      g_value_set_boolean (value, self->trade_secret);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_material_class_init (QaMaterialClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = qa_material_finalize;
  object_class->get_property = qa_material_get_property;

  properties[PROP_FILENAME] =
    g_param_spec_string ("filename", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_KIND_LABEL] =
    g_param_spec_string ("kind-label", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_TRADE_SECRET] =
    g_param_spec_boolean ("trade-secret", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
qa_material_init (QaMaterial *self)
{
}

const char *
qa_material_kind_to_string (QaMaterialKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names), NULL);
  return kind_names[kind];
}

gboolean
qa_material_kind_from_string (const char     *str,
                              QaMaterialKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    {
      if (g_strcmp0 (kind_names[i], str) == 0)
        {
          *kind = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
qa_material_kind_get_label (QaMaterialKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_labels), NULL);
  return _(kind_labels[kind]);
}

gint64
qa_material_get_id (QaMaterial *self)
{
  g_return_val_if_fail (QA_IS_MATERIAL (self), 0);
  return self->id;
}

const char *
qa_material_get_applicant_id (QaMaterial *self)
{
  g_return_val_if_fail (QA_IS_MATERIAL (self), NULL);
  return self->applicant_id;
}

QaMaterialKind
qa_material_get_kind (QaMaterial *self)
{
  g_return_val_if_fail (QA_IS_MATERIAL (self), QA_MATERIAL_OTHER);
  return self->kind;
}

const char *
qa_material_get_filename (QaMaterial *self)
{
  g_return_val_if_fail (QA_IS_MATERIAL (self), NULL);
  return self->filename;
}

const char *
qa_material_get_content_type (QaMaterial *self)
{
  g_return_val_if_fail (QA_IS_MATERIAL (self), NULL);
  return self->content_type;
}

const char *
qa_material_get_sha256 (QaMaterial *self)
{
  g_return_val_if_fail (QA_IS_MATERIAL (self), NULL);
  return self->sha256;
}

gint64
qa_material_get_size (QaMaterial *self)
{
  g_return_val_if_fail (QA_IS_MATERIAL (self), 0);
  return self->size;
}

gboolean
qa_material_get_trade_secret (QaMaterial *self)
{
  g_return_val_if_fail (QA_IS_MATERIAL (self), FALSE);
  return self->trade_secret;
}

gboolean
qa_material_get_no_state_secret (QaMaterial *self)
{
  g_return_val_if_fail (QA_IS_MATERIAL (self), FALSE);
  return self->no_state_secret;
}

#define MATERIAL_COLUMNS \
  "m.id, m.applicant_id, m.kind, m.filename, m.mime_type, m.sha256, c.size, m.trade_secret, " \
  "m.no_state_secret"

static QaMaterial *
material_from_row (sqlite3_stmt *stmt)
{
  QaMaterial *self = g_object_new (QA_TYPE_MATERIAL, NULL);
  QaMaterialKind kind = QA_MATERIAL_OTHER;

  self->id = sqlite3_column_int64 (stmt, 0);
  self->applicant_id = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
  qa_material_kind_from_string ((const char *)sqlite3_column_text (stmt, 2), &kind);
  self->kind = kind;
  self->filename = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
  self->content_type = g_strdup ((const char *)sqlite3_column_text (stmt, 4));
  self->sha256 = g_strdup ((const char *)sqlite3_column_text (stmt, 5));
  self->size = sqlite3_column_int64 (stmt, 6);
  self->trade_secret = sqlite3_column_int (stmt, 7) != 0;
  self->no_state_secret = sqlite3_column_int (stmt, 8) != 0;
  return self;
}

static QaMaterial *
load_material (QaDatabase  *db,
               gint64       id,
               GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _qa_database_prepare (db,
                               "SELECT " MATERIAL_COLUMNS " FROM material m "
                               "JOIN material_content c ON c.sha256 = m.sha256 WHERE m.id = ?1",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return material_from_row (stmt);
  if (_qa_database_check (db, rc, error))
    g_set_error (error, QA_MATERIAL_ERROR, QA_MATERIAL_ERROR_NOT_FOUND,
                 _("There is no material %lld in this session"), (long long)id);
  return NULL;
}

/* Adding ------------------------------------------------------------------------------------- */

typedef struct
{
  char           *db_path;
  char           *operator_name;
  char           *operator_role;
  char           *applicant_id;
  QaMaterialKind  kind;
  GFile          *file;
  gboolean        trade_secret;
  gboolean        no_state_secret;
  /* Found by the first pass over the file. */
  char           *sha256;
  gint64          size;
  char           *filename;
  char           *content_type;
  gint64          material_id;
  /* The whole file, kept by the first pass when it is at most STAGE_SIZE bytes. */
  GByteArray     *bytes;
} AddJob;

static void
add_job_free (AddJob *job)
{
  g_free (job->db_path);
  g_free (job->operator_name);
  g_free (job->operator_role);
  g_free (job->applicant_id);
  g_clear_object (&job->file);
  g_free (job->sha256);
  g_free (job->filename);
  g_free (job->content_type);
  g_clear_pointer (&job->bytes, g_byte_array_unref);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AddJob, add_job_free)

static void
set_unreadable (GError     **error,
                GFile       *file,
                const char  *why)
{
  g_autofree char *path = g_file_get_parse_name (file);

  g_set_error (error, QA_MATERIAL_ERROR, QA_MATERIAL_ERROR_UNREADABLE,
               _("The material “%s” cannot be read: %s"), path, why);
}

/* Streams through the file once: its SHA-256, size and type. */
static gboolean
measure_file (AddJob        *job,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree guchar *buffer = g_malloc (CHUNK_SIZE);
  struct sha256_ctx checksum;
  gboolean uncertain = FALSE;
  gssize n;

  info = g_file_query_info (job->file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      set_unreadable (error, job->file, local_error->message);
      return FALSE;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      set_unreadable (error, job->file, _("it is not a regular file"));
      return FALSE;
    }
  job->filename = g_strdup (g_file_info_get_display_name (info));

  stream = g_file_read (job->file, cancellable, &local_error);
  if (stream == NULL)
    {
      set_unreadable (error, job->file, local_error->message);
      return FALSE;
    }

  sha256_init (&checksum);
  job->size = 0;
  /* A small file is kept as it is read, in a buffer of its size (a larger one never is). */
  g_clear_pointer (&job->bytes, g_byte_array_unref);
  if (g_file_info_get_size (info) <= STAGE_SIZE)
    job->bytes = g_byte_array_sized_new ((guint)g_file_info_get_size (info));
  while ((n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, CHUNK_SIZE,
                                   cancellable, &local_error)) > 0)
    {
      if (job->size == 0)
        {
          g_autofree char *guess = g_content_type_guess (job->filename, buffer, (gsize)n, &uncertain);

          job->content_type = g_content_type_get_mime_type (guess);
        }
      sha256_update (&checksum, (size_t)n, buffer);
      job->size += n;
      if (job->bytes != NULL && job->size <= STAGE_SIZE)
        g_byte_array_append (job->bytes, buffer, (guint)n);
      else
        g_clear_pointer (&job->bytes, g_byte_array_unref);
      if (job->size > QA_MATERIAL_MAX_SIZE)
        {
          g_autofree char *path = g_file_get_parse_name (job->file);

          g_set_error (error, QA_MATERIAL_ERROR, QA_MATERIAL_ERROR_TOO_LARGE,
                       _("The material “%s” is larger than the 1 GB a session can hold"), path);
          return FALSE;
        }
    }
  if (n < 0)
    {
      set_unreadable (error, job->file, local_error->message);
      return FALSE;
    }

  if (job->content_type == NULL)
    {
      g_autofree char *guess = g_content_type_guess (job->filename, NULL, 0, &uncertain);

      job->content_type = g_content_type_get_mime_type (guess);
    }
  job->sha256 = _qa_sha256_finish_hex (&checksum);
  return TRUE;
}

static gboolean
content_exists (QaDatabase *db,
                const char *sha256)
{
  sqlite3_stmt *stmt = _qa_database_prepare (db, "SELECT 1 FROM material_content WHERE sha256 = ?1",
                                             NULL);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}

static gboolean
insert_material_row (QaDatabase  *db,
                     const char  *applicant_id,
                     QaMaterialKind kind,
                     const char  *filename,
                     const char  *content_type,
                     const char  *sha256,
                     gboolean     trade_secret,
                     gboolean     no_state_secret,
                     gint64      *id,
                     GError     **error)
{
  g_autofree char *now = _qa_now_iso ();
  sqlite3_stmt *stmt;

  stmt = _qa_database_prepare (db,
                               "INSERT INTO material (applicant_id, kind, filename, mime_type, "
                               "sha256, trade_secret, no_state_secret, added_at) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, applicant_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, qa_material_kind_to_string (kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, filename, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, content_type, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, sha256, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 6, trade_secret);
  sqlite3_bind_int (stmt, 7, no_state_secret);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_TRANSIENT);
  if (!_qa_database_check (db, sqlite3_step (stmt), error))
    return FALSE;

  *id = sqlite3_last_insert_rowid (_qa_database_get_handle (db));
  return TRUE;
}

/* Storing happens in steps, each a short transaction, so that the write lock is never held for
 * the copy of a large file and ordinary edits go on meanwhile (issue 12, item 15):
 *
 *   1. reserve: a content row of the file's size (zero-filled), unless the content is already
 *      linked to a material — then that copy is used;
 *   2. copy: the file is streamed into the row, STAGE_SIZE bytes per transaction, each chunk
 *      checked against the SHA-256 measured first;
 *   3. link: the material row and its audit entry, in one small transaction that is the only
 *      durable (fsync'd) one — the earlier steps commit without a sync, which WAL keeps safe.
 *
 * Until step 3, no material refers to the content row, so nothing reads it and a package never
 * carries it. A row left by a crash or a failed copy is unreferenced; the next add of the same
 * file finds it unlinked and copies over it, and qa_materials_collect_garbage() drops it. */
typedef struct
{
  AddJob       *job;
  gint64        rowid;      /* the content row being filled, or 0 when already stored */
  const guchar *chunk;
  gsize         chunk_size;
  gint64        offset;
} AddData;

static gboolean
reserve_cb (QaDatabase  *db,
            gpointer     user_data,
            GError     **error)
{
  AddData *data = user_data;
  sqlite3_stmt *stmt;
  int rc;

  if (!_qa_applicants_require (db, data->job->applicant_id, error))
    return FALSE;

  stmt = _qa_database_prepare (db,
                               "SELECT rowid, EXISTS (SELECT 1 FROM material m WHERE m.sha256 = c.sha256) "
                               "FROM material_content c WHERE c.sha256 = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, data->job->sha256, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      /* Linked content is complete (it was linked only once copied and checked); an unlinked
       * row may be a copy cut short, so it is filled again with the same bytes. */
      data->rowid = sqlite3_column_int (stmt, 1) ? 0 : sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      return TRUE;
    }
  sqlite3_reset (stmt);
  if (!_qa_database_check (db, rc, error))
    return FALSE;

  /* The whole file in hand (a small one) goes in as it is; a large one into zeros, in chunks. */
  stmt = _qa_database_prepare (db,
                               data->chunk != NULL
                               ? "INSERT INTO material_content (sha256, size, data) VALUES (?1, ?2, ?3)"
                               : "INSERT INTO material_content (sha256, size, data) "
                                 "VALUES (?1, ?2, zeroblob(?2))",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, data->job->sha256, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, data->job->size);
  if (data->chunk != NULL)
    sqlite3_bind_blob64 (stmt, 3, data->chunk, data->chunk_size, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_clear_bindings (stmt);
  if (!_qa_database_check (db, rc, error))
    return FALSE;
  data->rowid = data->chunk != NULL ? 0 : sqlite3_last_insert_rowid (_qa_database_get_handle (db));
  return TRUE;
}

static gboolean
write_chunk_cb (QaDatabase  *db,
                gpointer     user_data,
                GError     **error)
{
  AddData *data = user_data;
  sqlite3_blob *blob = NULL;
  int rc;

  rc = sqlite3_blob_open (_qa_database_get_handle (db), "main", "material_content", "data",
                          data->rowid, 1, &blob);
  if (rc == SQLITE_OK)
    rc = sqlite3_blob_write (blob, data->chunk, (int)data->chunk_size, (int)data->offset);
  sqlite3_blob_close (blob);
  return _qa_database_check (db, rc, error);
}

static gboolean
unreserve_cb (QaDatabase  *db,
              gpointer     user_data,
              GError     **error)
{
  AddData *data = user_data;
  sqlite3_stmt *stmt;

  stmt = _qa_database_prepare (db,
                               "DELETE FROM material_content WHERE rowid = ?1 AND NOT EXISTS "
                               "(SELECT 1 FROM material WHERE sha256 = material_content.sha256)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->rowid);
  return _qa_database_check (db, sqlite3_step (stmt), error);
}

static void
set_changed (GError **error,
             GFile   *file)
{
  g_autofree char *path = g_file_get_parse_name (file);

  g_set_error (error, QA_MATERIAL_ERROR, QA_MATERIAL_ERROR_CHANGED,
               _("The material “%s” changed while it was being stored; nothing was stored, try again"),
               path);
}

/* Step 2: streams the file into the reserved row, checking that it is the file measured. */
static gboolean
copy_content (QaDatabase    *db,
              AddData       *data,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree guchar *buffer = NULL;
  g_autofree char *sha256 = NULL;
  struct sha256_ctx checksum;
  gsize filled = 0;
  gssize n = 0;

  stream = g_file_read (data->job->file, cancellable, &local_error);
  if (stream == NULL)
    {
      set_unreadable (error, data->job->file, local_error->message);
      return FALSE;
    }

  sha256_init (&checksum);
  buffer = g_malloc (STAGE_SIZE);
  data->offset = 0;
  do
    {
      n = g_input_stream_read (G_INPUT_STREAM (stream), buffer + filled, STAGE_SIZE - filled,
                               cancellable, &local_error);
      if (n < 0)
        {
          set_unreadable (error, data->job->file, local_error->message);
          return FALSE;
        }
      filled += (gsize)n;
      if (data->offset + (gint64)filled > data->job->size)
        {
          set_changed (error, data->job->file);
          return FALSE;
        }
      if (filled > 0 && (filled == STAGE_SIZE || n == 0))
        {
          sha256_update (&checksum, filled, buffer);
          data->chunk = buffer;
          data->chunk_size = filled;
          if (!qa_database_transaction (db, write_chunk_cb, data, error))
            return FALSE;
          data->offset += (gint64)filled;
          filled = 0;
        }
    }
  while (n > 0);

  sha256 = _qa_sha256_finish_hex (&checksum);
  if (data->offset != data->job->size || g_strcmp0 (sha256, data->job->sha256) != 0)
    {
      set_changed (error, data->job->file);
      return FALSE;
    }
  return TRUE;
}

/* Step 3 (or the only step when the content was already stored). */
static gboolean
link_cb (QaDatabase  *db,
         gpointer     user_data,
         GError     **error)
{
  AddData *data = user_data;
  AddJob *job = data->job;
  g_autofree char *after = NULL;

  if (!_qa_applicants_require (db, job->applicant_id, error))
    return FALSE;

  /* The content could have been collected as garbage while it was being copied. */
  if (!content_exists (db, job->sha256))
    {
      set_changed (error, job->file);
      return FALSE;
    }

  if (!insert_material_row (db, job->applicant_id, job->kind, job->filename, job->content_type,
                            job->sha256, job->trade_secret, job->no_state_secret,
                            &job->material_id, error))
    return FALSE;

  after = g_strdup_printf ("material=%" G_GINT64_FORMAT "; kind=%s; file=%s; "
                           "sha256=%s; size=%" G_GINT64_FORMAT "; trade_secret=%d",
                           job->material_id, qa_material_kind_to_string (job->kind),
                           job->filename, job->sha256, job->size, job->trade_secret);
  return _qa_audit_append (db, "material.add", "applicant", job->applicant_id, NULL, after, error);
}

/* A file of at most STAGE_SIZE bytes, kept whole by the measuring pass, is stored and linked in
 * one transaction: its bytes read once, hashed once, written once, one sync. */
static gboolean
add_small_cb (QaDatabase  *db,
              gpointer     user_data,
              GError     **error)
{
  AddData *data = user_data;

  if (!reserve_cb (db, data, error))
    return FALSE;
  /* An unlinked copy cut short is filled again. */
  if (data->rowid != 0 && !write_chunk_cb (db, data, error))
    return FALSE;
  return link_cb (db, data, error);
}

/* Does the whole addition on @db: measure (no lock), reserve, copy in chunks, link. */
static gboolean
run_add (QaDatabase    *db,
         AddJob        *job,
         GCancellable  *cancellable,
         GError       **error)
{
  AddData data = { job, 0, NULL, 0, 0 };
  gboolean relaxed = FALSE;
  gboolean ok;

  if (!measure_file (job, cancellable, error))
    return FALSE;

  /* Small: stored from the bytes the measuring pass read and hashed, read and hashed once. */
  if (job->bytes != NULL)
    {
      data.chunk = job->bytes->data;
      data.chunk_size = job->bytes->len;
      return qa_database_transaction (db, add_small_cb, &data, error);
    }

  /* Only the link is made durable; its sync carries the chunks written before it. */
  if (!_qa_database_in_transaction (db))
    relaxed = _qa_database_exec (db, "PRAGMA synchronous = NORMAL", NULL);

  ok = qa_database_transaction (db, reserve_cb, &data, error);
  if (ok && data.rowid != 0 && !copy_content (db, &data, cancellable, error))
    {
      /* Whatever was written is not known to be the file's bytes. */
      qa_database_transaction (db, unreserve_cb, &data, NULL);
      ok = FALSE;
    }

  if (relaxed)
    _qa_database_exec (db, "PRAGMA synchronous = FULL", NULL);

  return ok && qa_database_transaction (db, link_cb, &data, error);
}

static AddJob *
add_job_new (QaSession      *session,
             const char     *applicant_id,
             QaMaterialKind  kind,
             GFile          *file,
             gboolean        trade_secret,
             gboolean        no_state_secret)
{
  AddJob *job = g_new0 (AddJob, 1);
  QaDatabase *db = qa_session_get_database (session);

  job->db_path = g_strdup (qa_database_get_path (db));
  job->operator_name = g_strdup (qa_database_get_operator_name (db));
  job->operator_role = g_strdup (qa_database_get_operator_role (db));
  job->applicant_id = g_strdup (applicant_id);
  job->kind = kind;
  job->file = g_object_ref (file);
  job->trade_secret = !!trade_secret;
  job->no_state_secret = !!no_state_secret;
  return job;
}

QaMaterial *
qa_materials_add (QaSession       *session,
                  const char      *applicant_id,
                  QaMaterialKind   kind,
                  GFile           *file,
                  gboolean         trade_secret,
                  gboolean         no_state_secret,
                  GCancellable    *cancellable,
                  GError         **error)
{
  g_autoptr(AddJob) job = NULL;
  QaDatabase *db;

  g_return_val_if_fail (QA_IS_SESSION (session), NULL);
  g_return_val_if_fail (applicant_id != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  db = qa_session_get_database (session);
  job = add_job_new (session, applicant_id, kind, file, trade_secret, no_state_secret);
  if (!run_add (db, job, cancellable, error))
    return NULL;

  return load_material (db, job->material_id, error);
}

static void
add_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  AddJob *job = task_data;
  g_autoptr(QaDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  /* A connection of the thread's own: connections are not shared between threads. */
  db = qa_database_open (job->db_path, &error);
  if (db != NULL)
    qa_database_set_operator (db, job->operator_name, job->operator_role);
  if (db == NULL || !run_add (db, job, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
qa_materials_add_async (QaSession           *session,
                        const char          *applicant_id,
                        QaMaterialKind       kind,
                        GFile               *file,
                        gboolean             trade_secret,
                        gboolean             no_state_secret,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (QA_IS_SESSION (session));
  g_return_if_fail (applicant_id != NULL);
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (session, cancellable, callback, user_data);
  g_task_set_source_tag (task, qa_materials_add_async);
  g_task_set_task_data (task,
                        add_job_new (session, applicant_id, kind, file, trade_secret, no_state_secret),
                        (GDestroyNotify)add_job_free);
  g_task_run_in_thread (task, add_thread);
}

QaMaterial *
qa_materials_add_finish (QaSession     *session,
                         GAsyncResult  *result,
                         GError       **error)
{
  AddJob *job;

  g_return_val_if_fail (QA_IS_SESSION (session), NULL);
  g_return_val_if_fail (g_task_is_valid (result, session), NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  job = g_task_get_task_data (G_TASK (result));
  return load_material (qa_session_get_database (session), job->material_id, error);
}

/* Listing and editing --------------------------------------------------------------------------- */

GListModel *
qa_materials_list (QaSession   *session,
                   const char  *applicant_id,
                   GError     **error)
{
  g_autoptr(GListStore) store = g_list_store_new (QA_TYPE_MATERIAL);
  QaDatabase *db;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (QA_IS_SESSION (session), NULL);
  g_return_val_if_fail (applicant_id != NULL, NULL);

  db = qa_session_get_database (session);
  stmt = _qa_database_prepare (db,
                               "SELECT " MATERIAL_COLUMNS " FROM material m "
                               "JOIN material_content c ON c.sha256 = m.sha256 "
                               "WHERE m.applicant_id = ?1 ORDER BY m.id",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, applicant_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(QaMaterial) material = material_from_row (stmt);

      g_list_store_append (store, material);
    }
  if (!_qa_database_check (db, rc, error))
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&store));
}

typedef struct
{
  gint64   id;
  gboolean flag;
} MaterialChange;

static gboolean
require_changed_row (QaDatabase  *db,
                     gint64       id,
                     GError     **error)
{
  if (sqlite3_changes (_qa_database_get_handle (db)) > 0)
    return TRUE;
  g_set_error (error, QA_MATERIAL_ERROR, QA_MATERIAL_ERROR_NOT_FOUND,
               _("There is no material %lld in this session"), (long long)id);
  return FALSE;
}

/* Notes a change to material @id, naming its file, in the audit trail. */
static gboolean
audit_material (QaDatabase  *db,
                gint64       id,
                const char  *action,
                GError     **error)
{
  g_autoptr(QaMaterial) material = load_material (db, id, error);
  g_autofree char *what = NULL;

  if (material == NULL)
    return FALSE;
  what = g_strdup_printf ("material=%" G_GINT64_FORMAT "; file=%s; sha256=%s", id,
                          material->filename, material->sha256);
  return _qa_audit_append (db, action, "applicant", material->applicant_id, NULL, what, error);
}

static gboolean
set_trade_secret_cb (QaDatabase  *db,
                     gpointer     user_data,
                     GError     **error)
{
  const MaterialChange *change = user_data;
  sqlite3_stmt *stmt;

  stmt = _qa_database_prepare (db, "UPDATE material SET trade_secret = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, change->id);
  sqlite3_bind_int (stmt, 2, change->flag);
  if (!_qa_database_check (db, sqlite3_step (stmt), error) ||
      !require_changed_row (db, change->id, error))
    return FALSE;

  return audit_material (db, change->id, change->flag ? "material.mark-trade-secret"
                                                      : "material.unmark-trade-secret", error);
}

gboolean
qa_materials_set_trade_secret (QaSession  *session,
                               gint64      material_id,
                               gboolean    trade_secret,
                               GError    **error)
{
  MaterialChange change = { material_id, !!trade_secret };

  g_return_val_if_fail (QA_IS_SESSION (session), FALSE);

  return qa_database_transaction (qa_session_get_database (session), set_trade_secret_cb, &change,
                                  error);
}

static gboolean
remove_cb (QaDatabase  *db,
           gpointer     user_data,
           GError     **error)
{
  const MaterialChange *change = user_data;
  sqlite3_stmt *stmt;

  if (!audit_material (db, change->id, "material.remove", error))
    return FALSE;

  stmt = _qa_database_prepare (db, "DELETE FROM material WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, change->id);
  return _qa_database_check (db, sqlite3_step (stmt), error) &&
         require_changed_row (db, change->id, error);
}

gboolean
qa_materials_remove (QaSession  *session,
                     gint64      material_id,
                     GError    **error)
{
  MaterialChange change = { material_id, FALSE };

  g_return_val_if_fail (QA_IS_SESSION (session), FALSE);

  return qa_database_transaction (qa_session_get_database (session), remove_cb, &change, error);
}

typedef struct
{
  QaMaterial *removed;
  gint64      id;
} RestoreData;

static gboolean
restore_cb (QaDatabase  *db,
            gpointer     user_data,
            GError     **error)
{
  RestoreData *data = user_data;
  QaMaterial *m = data->removed;

  if (!content_exists (db, m->sha256))
    {
      g_set_error (error, QA_MATERIAL_ERROR, QA_MATERIAL_ERROR_NOT_FOUND,
                   _("The material “%s” can no longer be restored"), m->filename);
      return FALSE;
    }
  return _qa_applicants_require (db, m->applicant_id, error) &&
         insert_material_row (db, m->applicant_id, m->kind, m->filename, m->content_type,
                              m->sha256, m->trade_secret, m->no_state_secret, &data->id, error) &&
         audit_material (db, data->id, "material.restore", error);
}

QaMaterial *
qa_materials_restore (QaSession   *session,
                      QaMaterial  *removed,
                      GError     **error)
{
  RestoreData data = { removed, 0 };

  g_return_val_if_fail (QA_IS_SESSION (session), NULL);
  g_return_val_if_fail (QA_IS_MATERIAL (removed), NULL);

  if (!qa_database_transaction (qa_session_get_database (session), restore_cb, &data, error))
    return NULL;
  return load_material (qa_session_get_database (session), data.id, error);
}

static gboolean
collect_garbage_cb (QaDatabase  *db,
                    gpointer     user_data,
                    GError     **error)
{
  return _qa_database_exec (db,
                            "DELETE FROM material_content WHERE sha256 NOT IN "
                            "(SELECT sha256 FROM material)",
                            error);
}

gboolean
qa_materials_collect_garbage (QaSession  *session,
                              GError    **error)
{
  g_return_val_if_fail (QA_IS_SESSION (session), FALSE);

  return qa_database_transaction (qa_session_get_database (session), collect_garbage_cb, NULL,
                                  error);
}

/* Extracting ------------------------------------------------------------------------------------ */

gboolean
qa_materials_extract (QaSession     *session,
                      gint64         material_id,
                      GFile         *destination,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(QaMaterial) material = NULL;
  g_autoptr(GFileOutputStream) output = NULL;
  g_autofree char *sha256 = NULL;
  struct sha256_ctx checksum;
  g_autofree guchar *buffer = NULL;
  sqlite3_blob *blob = NULL;
  sqlite3_stmt *stmt;
  QaDatabase *db;
  gint64 rowid, offset;
  int rc;

  g_return_val_if_fail (QA_IS_SESSION (session), FALSE);
  g_return_val_if_fail (G_IS_FILE (destination), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  db = qa_session_get_database (session);
  material = load_material (db, material_id, error);
  if (material == NULL)
    return FALSE;

  stmt = _qa_database_prepare (db, "SELECT rowid FROM material_content WHERE sha256 = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, material->sha256, -1, SQLITE_TRANSIENT);
  if (!_qa_database_check (db, sqlite3_step (stmt), error))
    return FALSE;
  rowid = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  /* The file chooser asked before a file is replaced; the open session never is. */
  {
    g_autofree char *path = g_file_get_path (destination);

    if (path != NULL && !_qa_output_check_destination (path, QA_OUTPUT_REPLACE, error))
      return FALSE;
  }
  output = g_file_replace (destination, NULL, FALSE, G_FILE_CREATE_PRIVATE, cancellable, error);
  if (output == NULL)
    return FALSE;

  rc = sqlite3_blob_open (_qa_database_get_handle (db), "main", "material_content", "data",
                          rowid, 0, &blob);
  if (!_qa_database_check (db, rc, error))
    return FALSE;

  buffer = g_malloc (CHUNK_SIZE);
  sha256_init (&checksum);
  for (offset = 0; offset < material->size;)
    {
      int n = (int)MIN ((gint64)CHUNK_SIZE, material->size - offset);

      rc = sqlite3_blob_read (blob, buffer, n, (int)offset);
      if (rc != SQLITE_OK)
        break;
      sha256_update (&checksum, (size_t)n, buffer);
      if (!g_output_stream_write_all (G_OUTPUT_STREAM (output), buffer, (gsize)n, NULL,
                                      cancellable, error))
        {
          sqlite3_blob_close (blob);
          return FALSE;
        }
      offset += n;
    }
  sqlite3_blob_close (blob);
  if (!_qa_database_check (db, rc, error))
    return FALSE;

  sha256 = _qa_sha256_finish_hex (&checksum);
  if (g_strcmp0 (sha256, material->sha256) != 0)
    {
      g_set_error (error, QA_MATERIAL_ERROR, QA_MATERIAL_ERROR_DAMAGED,
                   _("The stored copy of “%s” is damaged: its SHA-256 no longer matches"),
                   material->filename);
      return FALSE;
    }

  return g_output_stream_close (G_OUTPUT_STREAM (output), cancellable, error);
}
