/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "qa-output"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sqlite3.h>
#include <unistd.h>

#include "qa-output-private.h"

G_DEFINE_QUARK (qa-output-error-quark, qa_output_error)

struct _QaOutput
{
  char     *path;
  char     *temp;
  int       fd;          /* holds an flock while the file is being made */
  gboolean  committed;
  GError   *failure;     /* the first write that failed */
};

/* What SQLite keeps beside a database file. */
static const char * const journal_suffixes[] = { "", "-wal", "-shm", "-journal" };

G_LOCK_DEFINE_STATIC (protected);
static GPtrArray *protected_paths;

void
_qa_output_protect (const char *database_path)
{
  G_LOCK (protected);
  if (protected_paths == NULL)
    protected_paths = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (protected_paths, g_canonicalize_filename (database_path, NULL));
  G_UNLOCK (protected);
}

void
_qa_output_unprotect (const char *database_path)
{
  g_autofree char *canonical = g_canonicalize_filename (database_path, NULL);

  G_LOCK (protected);
  for (guint i = 0; protected_paths != NULL && i < protected_paths->len; i++)
    if (g_strcmp0 (g_ptr_array_index (protected_paths, i), canonical) == 0)
      {
        g_ptr_array_remove_index_fast (protected_paths, i);
        break;
      }
  G_UNLOCK (protected);
}

/* The name @path stands for with its folder resolved (links included), so that two spellings of
 * a file that does not exist yet compare equal. */
static char *
resolve_name (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *real_dir = realpath (dir, NULL);

  return g_build_filename (real_dir != NULL ? real_dir : dir, base, NULL);
}

/* Whether @a and @b are one file: the same inode when both exist (through symbolic and hard
 * links alike), else the same resolved name. */
static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;
  gboolean a_exists = g_stat (a, &sa) == 0;
  gboolean b_exists = g_stat (b, &sb) == 0;
  g_autofree char *name_a = NULL;
  g_autofree char *name_b = NULL;

  if (a_exists && b_exists)
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;

  name_a = resolve_name (a);
  name_b = resolve_name (b);
  return g_strcmp0 (name_a, name_b) == 0;
}

static gboolean
is_open_session (const char *path)
{
  gboolean found = FALSE;

  G_LOCK (protected);
  for (guint i = 0; !found && protected_paths != NULL && i < protected_paths->len; i++)
    for (guint j = 0; !found && j < G_N_ELEMENTS (journal_suffixes); j++)
      {
        g_autofree char *file = g_strconcat (g_ptr_array_index (protected_paths, i),
                                             journal_suffixes[j], NULL);

        found = same_file (path, file);
      }
  G_UNLOCK (protected);
  return found;
}

static gboolean
read_header (const char *path,
             guint8      header[100])
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  gssize n;

  if (fd < 0)
    return FALSE;
  n = read (fd, header, 100);
  close (fd);
  return n == 100 && memcmp (header, "SQLite format 3", 16) == 0;
}

gboolean
qa_output_is_session_file (const char *path)
{
  g_autofree char *wal = NULL;
  guint8 header[100];
  GStatBuf st;

  g_return_val_if_fail (path != NULL, FALSE);

  if (read_header (path, header))
    {
      guint32 id = (guint32)header[68] << 24 | (guint32)header[69] << 16 |
                   (guint32)header[70] << 8 | (guint32)header[71];

      if (id == QA_APPLICATION_ID)
        return TRUE;
    }
  else if (g_stat (path, &st) != 0 || st.st_size != 0)
    return FALSE;

  /* A database in use may still have its first page only in its write-ahead log. */
  wal = g_strconcat (path, "-wal", NULL);
  return g_stat (wal, &st) == 0 && st.st_size > 0;
}

gboolean
qa_output_is_package_file (const char *path)
{
  g_autofree char *escaped = NULL;
  g_autofree char *uri = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean package = FALSE;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!qa_output_is_session_file (path))
    return FALSE;

  /* A package is one self-contained file (no write-ahead log): read as it is, untouched. */
  escaped = g_uri_escape_string (path, "/", FALSE);
  uri = g_strdup_printf ("file:%s?immutable=1", escaped);
  if (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, "SELECT kind FROM session WHERE id = 1", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    package = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "package") == 0;
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return package;
}

static void
set_errno_error (GError     **error,
                 const char  *path,
                 int          saved_errno)
{
  g_autofree char *display = g_filename_display_name (path);

  if (saved_errno == ENOSPC || saved_errno == EFBIG || saved_errno == EDQUOT)
    g_set_error (error, QA_OUTPUT_ERROR, QA_OUTPUT_ERROR_WRITE,
                 _("“%s” was not written: the disk is full. Nothing else was changed; free some space and try again"),
                 display);
  else
    g_set_error (error, QA_OUTPUT_ERROR, QA_OUTPUT_ERROR_WRITE,
                 _("“%s” could not be written: %s. Nothing else was changed"), display,
                 g_strerror (saved_errno));
}

gboolean
_qa_output_check_destination (const char     *path,
                              QaOutputFlags   flags,
                              GError        **error)
{
  g_autofree char *display = g_filename_display_name (path);

  if (is_open_session (path))
    {
      g_set_error (error, QA_OUTPUT_ERROR, QA_OUTPUT_ERROR_OPEN_SESSION,
                   _("“%s” is the open session file (or its journal); it is never overwritten: choose another file"),
                   display);
      return FALSE;
    }
  if (!(flags & QA_OUTPUT_REPLACE) && qa_output_is_session_file (path) &&
      !((flags & QA_OUTPUT_REPLACE_PACKAGE) && qa_output_is_package_file (path)))
    {
      g_set_error (error, QA_OUTPUT_ERROR, QA_OUTPUT_ERROR_EXISTS,
                   _("“%s” is a qareview session or review package; it was not replaced: choose another file, or confirm that it is to be replaced"),
                   display);
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_temp_name (const char *name,
              const char *base)
{
  gsize len = strlen (base);

  /* “.<base>.XXXXXX.partial”, as made below. */
  return name[0] == '.' && strncmp (name + 1, base, len) == 0 && name[len + 1] == '.' &&
         strlen (name + len + 2) == 6 + strlen (".partial") &&
         strcmp (name + len + 2 + 6, ".partial") == 0;
}

/* The temporary file @name belongs to, when it is one or a journal SQLite keeps beside one. */
static char *
temp_name_of (const char *name,
              const char *base)
{
  for (guint i = 0; i < G_N_ELEMENTS (journal_suffixes); i++)
    if (g_str_has_suffix (name, journal_suffixes[i]))
      {
        g_autofree char *main_name = g_strndup (name, strlen (name) - strlen (journal_suffixes[i]));

        if (is_temp_name (main_name, base))
          return g_steal_pointer (&main_name);
      }
  return NULL;
}

/* Removes what writers killed while making @path left behind: a temporary file no live writer
 * holds locked, with its journals. */
static void
remove_stale_temps (const char *dir,
                    const char *base)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  if (folder == NULL)
    return;
  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *main_name = temp_name_of (name, base);
      g_autofree char *file = NULL;
      int fd;

      if (main_name == NULL)
        continue;
      file = g_build_filename (dir, main_name, NULL);
      /* Being made here (a package is open as a database while it is built): closing a
       * descriptor on it would drop that connection's locks. */
      if (is_open_session (file))
        continue;
      fd = g_open (file, O_RDWR | O_CLOEXEC | O_NOFOLLOW, 0);
      if (fd < 0)
        {
          /* A journal whose file is gone: nobody writes it. */
          if (errno == ENOENT)
            {
              g_autofree char *orphan = g_build_filename (dir, name, NULL);

              g_unlink (orphan);
            }
          continue;
        }
      if (flock (fd, LOCK_EX | LOCK_NB) == 0)
        for (guint i = 0; i < G_N_ELEMENTS (journal_suffixes); i++)
          {
            g_autofree char *companion = g_strconcat (file, journal_suffixes[i], NULL);

            g_unlink (companion);
          }
      close (fd);
    }
}

QaOutput *
qa_output_new (const char     *path,
               QaOutputFlags   flags,
               GError        **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  QaOutput *self;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_qa_output_check_destination (path, flags, error))
    return NULL;

  /* In the destination's folder, so the rename neither copies nor crosses file systems. */
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  name = g_strdup_printf (".%s.XXXXXX.partial", base);
  self = g_new0 (QaOutput, 1);
  self->fd = -1;
  self->path = g_strdup (path);
  self->temp = g_build_filename (dir, name, NULL);

  remove_stale_temps (dir, base);
  fd = g_mkstemp_full (self->temp, O_RDWR | O_CLOEXEC, 0666);
  if (fd >= 0 && flock (fd, LOCK_EX | LOCK_NB) != 0)
    g_debug ("%s: cannot lock the temporary file: %s", self->temp, g_strerror (errno));
  if (fd < 0)
    {
      set_errno_error (error, path, errno);
      g_free (self->temp);
      self->temp = NULL;
      qa_output_free (self);
      return NULL;
    }
  self->fd = fd;
  return self;
}

const char *
qa_output_get_temp_path (QaOutput *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  /* A writer that opens the file by name (SQLite) must have closed it before the output is
   * committed or freed: closing our descriptor drops the process's POSIX locks on the file. */
  return self->temp;
}

const char *
qa_output_get_path (QaOutput *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->path;
}

gboolean
qa_output_write (QaOutput    *self,
                 const void  *data,
                 gsize        size,
                 GError     **error)
{
  const guint8 *p = data;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->fd >= 0, FALSE);

  if (self->failure != NULL)
    {
      g_propagate_error (error, g_error_copy (self->failure));
      return FALSE;
    }

  while (size > 0)
    {
      gssize n = write (self->fd, p, size);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          set_errno_error (&self->failure, self->path, n < 0 ? errno : ENOSPC);
          g_propagate_error (error, g_error_copy (self->failure));
          return FALSE;
        }
      p += n;
      size -= (gsize)n;
    }
  return TRUE;
}

cairo_status_t
_qa_output_cairo_write (void                *closure,
                        const unsigned char *data,
                        unsigned int         length)
{
  QaOutput *self = closure;

  return qa_output_write (self, data, length, NULL) ? CAIRO_STATUS_SUCCESS
                                                     : CAIRO_STATUS_WRITE_ERROR;
}

static void
sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

gboolean
qa_output_commit (QaOutput  *self,
                  GError   **error)
{
  int fd;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->committed, FALSE);

  if (self->failure != NULL)
    {
      g_propagate_error (error, g_error_copy (self->failure));
      return FALSE;
    }

  fd = self->fd;
  self->fd = -1;
  if (fd < 0 || fsync (fd) != 0)
    {
      set_errno_error (error, self->path, errno);
      if (fd >= 0)
        close (fd);
      return FALSE;
    }
  if (close (fd) != 0)
    {
      set_errno_error (error, self->path, errno);
      return FALSE;
    }

  /* Checked again: the destination may have changed while the content was made. */
  if (!_qa_output_check_destination (self->path, QA_OUTPUT_REPLACE, error))
    return FALSE;

  if (g_rename (self->temp, self->path) != 0)
    {
      set_errno_error (error, self->path, errno);
      return FALSE;
    }
  sync_folder (self->path);
  self->committed = TRUE;
  return TRUE;
}

void
qa_output_free (QaOutput *self)
{
  if (self == NULL)
    return;

  if (self->fd >= 0)
    close (self->fd);
  if (!self->committed && self->temp != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (journal_suffixes); i++)
      {
        g_autofree char *file = g_strconcat (self->temp, journal_suffixes[i], NULL);

        g_unlink (file);
      }
  g_clear_error (&self->failure);
  g_free (self->path);
  g_free (self->temp);
  g_free (self);
}

typedef struct
{
  QaOutput          *output;
  QaTransactionFunc  record;
  gpointer           user_data;
} CommitRecorded;

static gboolean
commit_recorded_cb (QaDatabase  *db,
                    gpointer     user_data,
                    GError     **error)
{
  CommitRecorded *data = user_data;

  return (data->record == NULL || data->record (db, data->user_data, error)) &&
         qa_output_commit (data->output, error);
}

gboolean
qa_output_write_file (const char     *path,
                      QaOutputFlags   flags,
                      const void     *data,
                      gsize           size,
                      GError        **error)
{
  g_autoptr(QaOutput) output = qa_output_new (path, flags, error);

  return output != NULL && qa_output_write (output, data, size, error) &&
         qa_output_commit (output, error);
}

gboolean
_qa_output_commit_recorded (QaOutput           *self,
                            QaDatabase         *db,
                            QaTransactionFunc   record,
                            gpointer            user_data,
                            GError            **error)
{
  CommitRecorded data = { self, record, user_data };

  if (qa_database_transaction (db, commit_recorded_cb, &data, error))
    return TRUE;

  /* The record could not be committed after the file was put in place: no file stands for
   * something the session does not know of. */
  if (self->committed)
    g_unlink (self->path);
  return FALSE;
}
