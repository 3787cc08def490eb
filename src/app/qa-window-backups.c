/* qa-window-backups.c: a QaWindow's backups and restores, and the page shown when a session cannot be opened.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "qa-restore-dialog.h"
#include "qa-ui-private.h"
#include "qa-window-private.h"

/* Backups ------------------------------------------------------------------------------------ */

typedef struct
{
  char     *path;      /* the session file */
  char     *backup;    /* the backup written or restored */
  gboolean  damaged;   /* restored over a file that cannot be opened */
  char     *kept;      /* what was kept first: the session as it was, or the damaged file */
  char     *operator_name;
  char     *operator_role;
  QaRestoreFlags flags;
} SafetyJob;

static void
safety_job_free (SafetyJob *job)
{
  g_free (job->path);
  g_free (job->backup);
  g_free (job->kept);
  g_free (job->operator_name);
  g_free (job->operator_role);
  g_free (job);
}

static SafetyJob *
safety_job_new (const char *path,
                const char *backup)
{
  SafetyJob *job = g_new0 (SafetyJob, 1);

  job->path = g_strdup (path);
  job->backup = g_strdup (backup);
  return job;
}

/* On a connection of its own, so the window's may go on reading. */
static void
backup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SafetyJob *job = task_data;
  g_autoptr(QaDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  db = qa_database_open (job->path, &error);
  /* The file chooser asked before a file was replaced; the open session never is. */
  if (db == NULL || !qa_database_backup (db, job->backup, QA_OUTPUT_REPLACE, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* The session as it is goes into an automatic backup first: a restore can be undone. */
static void
restore_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  SafetyJob *job = task_data;
  g_autoptr(GError) error = NULL;

  /* The core's policy: what may be restored, the copy of what is replaced, the audit entry. */
  if (!qa_session_restore (job->path, job->backup, job->operator_name, job->operator_role,
                           job->flags, &job->kept, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
set_safety_busy (QaWindow *self,
                 gboolean  busy)
{
  self->safety_busy = busy;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore-latest",
                                 !busy && self->error_backup != NULL);
  _qa_window_apply_role (self);
}

static void
run_safety_job (QaWindow            *self,
                SafetyJob           *job,
                GTaskThreadFunc      thread_func,
                GAsyncReadyCallback  callback)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, callback, NULL);

  set_safety_busy (self, TRUE);
  g_task_set_task_data (task, job, (GDestroyNotify)safety_job_free);
  g_task_run_in_thread (task, thread_func);
}

static void
backup_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  QaWindow *self = QA_WINDOW (object);
  SafetyJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;

  set_safety_busy (self, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      _qa_ui_show_error (GTK_WIDGET (self), _("Could Not Back Up the Session"), error->message);
      return;
    }

  display = g_filename_display_name (job->backup);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new_format (_("Backed up to %s"), display));
}

static void
backup_chosen (GtkWidget      *widget,
               GFile          *file,
               GtkFileChooser *chooser)
{
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    {
      _qa_ui_show_error (widget, _("Could Not Back Up the Session"),
                         _("Only files on this computer can be written. Choose a folder here."));
      return;
    }

  qa_window_back_up (QA_WINDOW (widget), path);
}

void
_qa_window_backup_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  QaWindow *self = QA_WINDOW (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  g_return_if_fail (self->session != NULL);

  chooser = _qa_ui_file_chooser_new (widget, _("Back Up the Session"), GTK_FILE_CHOOSER_ACTION_SAVE,
                                     _("_Back Up"));
  /* Translators: the suggested name of a backup; %u is the award's year, %s today's date */
  name = g_strdup_printf (_("Quality award %u backup %s.db"), qa_session_get_year (self->session), day);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  _qa_ui_add_file_filter (chooser, _("Session backups"), NULL, "*.db");
  _qa_ui_run_file_chooser (chooser, widget, backup_chosen);
}

static void
open_restored (QaWindow  *self,
               SafetyJob *job)
{
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GError) error = NULL;

  session = qa_session_open (job->path, &error);
  if (session == NULL)
    {
      qa_window_show_error (self, job->path, error);
      return;
    }

  qa_window_set_session (self, session);
  /* The trail is the backup's now, with the restore noted at its end. */
  if (self->audit_view != NULL)
    qa_audit_view_refresh (self->audit_view);

  qa_window_confirm_operator (self);
}

static void restore_done_cb (GObject      *object,
                             GAsyncResult *result,
                             gpointer      user_data);

static void
accept_broken_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  QaWindow         *self)
{
  SafetyJob *job = g_object_steal_data (G_OBJECT (dialog), "qa-job");

  if (g_strcmp0 (response, "accept") != 0 || job == NULL)
    {
      g_clear_pointer (&job, safety_job_free);
      return;
    }
  run_safety_job (self, job, restore_thread, restore_done_cb);
}

/* The core refused a backup whose trail does not verify: the secretariat may accept it, on the
 * record, having read which entry fails. */
static void
offer_accept_broken (QaWindow        *self,
                     const SafetyJob *refused,
                     const GError    *error)
{
  SafetyJob *job = safety_job_new (refused->path, refused->backup);
  GtkWidget *dialog;

  job->damaged = refused->damaged;
  job->operator_name = g_strdup (refused->operator_name);
  job->operator_role = g_strdup (refused->operator_role);
  job->flags = QA_RESTORE_ACCEPT_BROKEN_AUDIT;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Backup’s Audit Trail Does Not Verify"),
                                   NULL);
  /* The refusal names the failing entry and says that accepting it is recorded. */
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), error->message);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "accept", _("Restore _Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "accept",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "qa-job", job, (GDestroyNotify)safety_job_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (accept_broken_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
restore_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  QaWindow *self = QA_WINDOW (object);
  SafetyJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *time = NULL;
  g_autofree char *kept = NULL;
  AdwToast *toast;

  set_safety_busy (self, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, QA_AUDIT_ERROR, QA_AUDIT_ERROR_BROKEN) &&
          !(job->flags & QA_RESTORE_ACCEPT_BROKEN_AUDIT) &&
          qa_role_allows (_qa_window_acting_role (self), QA_PERMISSION_RESTORE))
        offer_accept_broken (self, job, error);
      else
        _qa_ui_show_error (GTK_WIDGET (self), _("Could Not Restore the Backup"), error->message);
      return;
    }

  /* Every page shows the session as restored. */
  open_restored (self, job);

  time = qa_restore_dialog_dup_time (job->backup);
  kept = job->kept != NULL ? g_filename_display_basename (job->kept) : g_strdup ("");
  if (job->damaged)
    /* Translators: %s is the backup's time; %s the name the damaged file was kept under */
    toast = adw_toast_new_format (_("Restored the backup of %s. The damaged file is kept as “%s”."),
                                  time, kept);
  else
    /* Translators: %s is the backup's time */
    toast = adw_toast_new_format (_("Restored the backup of %s. The session as it was is the "
                                    "newest automatic backup."), time);
  /* Before anything else said: the whole session changed. */
  adw_toast_set_timeout (toast, 10);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
restore_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     QaWindow         *self)
{
  SafetyJob *job = g_object_steal_data (G_OBJECT (dialog), "qa-job");

  g_assert (QA_IS_WINDOW (self));

  if (g_strcmp0 (response, "restore") != 0 || job == NULL)
    {
      g_clear_pointer (&job, safety_job_free);
      return;
    }

  run_safety_job (self, job, restore_thread, restore_done_cb);
}

/* Nothing is replaced before the user has said yes, having read what is replaced by what. */
static void
confirm_restore (QaWindow   *self,
                 const char *path,
                 const char *backup,
                 gboolean    damaged)
{
  g_autofree char *time = qa_restore_dialog_dup_time (backup);
  g_autofree char *session_name = g_filename_display_basename (path);
  g_autofree char *backup_name = g_filename_display_name (backup);
  SafetyJob *job = safety_job_new (path, backup);
  GtkWidget *dialog;

  job->damaged = damaged;
  /* Who restores, as this window acts (there may be no session open to ask). */
  if (self->operator_name != NULL)
    {
      job->operator_name = g_strdup (self->operator_name);
      job->operator_role = g_strdup (qa_role_to_string (_qa_window_acting_role (self)));
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog),
                                     _("Restore the Backup of %s?"), time);
  if (damaged)
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                    _("The backup “%s” takes the place of “%s”, which cannot be "
                                      "opened. The damaged file is not deleted: it is kept beside "
                                      "it, renamed. Work done after %s is not in the backup."),
                                    backup_name, session_name, time);
  else
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                    _("The whole session in “%s” is replaced by the backup “%s”: "
                                      "every change made after %s is undone, in every window. The "
                                      "session as it is now is backed up first, so this can be "
                                      "undone in turn."),
                                    session_name, backup_name, time);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "qa-job", job, (GDestroyNotify)safety_job_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
backup_picked_cb (QaWindow        *self,
                  const char      *backup,
                  QaRestoreDialog *dialog)
{
  g_assert (QA_IS_WINDOW (self));

  if (self->session != NULL)
    confirm_restore (self, qa_database_get_path (qa_session_get_database (self->session)), backup,
                     FALSE);
}

void
_qa_window_restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  QaWindow *self = QA_WINDOW (widget);
  QaRestoreDialog *dialog;

  g_return_if_fail (self->session != NULL);

  dialog = qa_restore_dialog_new (GTK_WINDOW (self),
                                  qa_database_get_path (qa_session_get_database (self->session)));
  g_signal_connect_object (dialog, "backup-chosen", G_CALLBACK (backup_picked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_qa_window_restore_latest_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  QaWindow *self = QA_WINDOW (widget);

  g_return_if_fail (self->error_path != NULL && self->error_backup != NULL);

  confirm_restore (self, self->error_path, self->error_backup, TRUE);
}

void
qa_window_show_error (QaWindow     *self,
                      const char   *path,
                      const GError *error)
{
  g_autofree char *display_path = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *description = NULL;
  g_autofree char *explanation = NULL;
  g_autofree char *offer = NULL;
  const char *title = _("Could Not Open the Award Session");

  g_return_if_fail (QA_IS_WINDOW (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (error != NULL);

  qa_window_set_session (self, NULL);

  g_free (self->error_path);
  self->error_path = g_strdup (path);
  g_clear_pointer (&self->error_backup, g_free);

  display_path = g_filename_display_name (path);
  display_name = g_filename_display_basename (path);
  if (g_error_matches (error, QA_DATABASE_ERROR, QA_DATABASE_ERROR_CORRUPT))
    {
      title = _("The Session File Is Damaged");
      explanation = g_strdup_printf (_("Part of “%s” cannot be read: the file was damaged, for "
                                       "instance by a failing or full disk or by a copy cut "
                                       "short. It has been left exactly as it was."),
                                     display_name);
    }
  else if (g_error_matches (error, QA_DATABASE_ERROR, QA_DATABASE_ERROR_OPEN))
    {
      title = _("This Is Not a Session File");
      explanation = g_strdup_printf (_("“%s” is not an award session this program can open: it "
                                       "is another kind of file, or one it may not write to. It "
                                       "has been left exactly as it was."),
                                     display_name);
    }

  if (qa_window_can_offer_backup (path, error))
    {
      g_auto(GStrv) backups = qa_database_list_backups (path);
      g_autofree char *time = qa_restore_dialog_dup_time (backups[0]);
      g_autofree char *label = NULL;

      self->error_backup = g_strdup (backups[0]);
      offer = g_strdup_printf (_("The newest automatic backup of the session is from %s. Restoring "
                                 "it puts it in the file’s place and keeps the file beside it."),
                               time);
      /* Translators: %s is the time the backup was made, e.g. 2026-11-25 14:05 */
      label = g_strdup_printf (_("_Restore the Backup of %s"), time);
      gtk_button_set_label (self->error_restore_button, label);
    }
  else if (explanation != NULL)
    offer = g_strdup (_("No automatic backup of it was found: open a backup you keep elsewhere, "
                        "or start a new session."));

  /* Name the file unless the message already does; the plain words first, then the detail. */
  if (explanation != NULL)
    description = g_markup_printf_escaped ("%s\n\n%s\n\n<small>%s</small>", explanation, offer,
                                           strstr (error->message, display_path) != NULL
                                             ? error->message : display_path);
  else if (strstr (error->message, display_path) != NULL)
    description = g_markup_escape_text (error->message, -1);
  else
    description = g_markup_printf_escaped ("%s\n\n<small>%s</small>", error->message, display_path);
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, description);

  /* The backup is the way on when there is one. */
  gtk_widget_set_visible (GTK_WIDGET (self->error_restore_button), self->error_backup != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore-latest",
                                 self->error_backup != NULL && !self->safety_busy);
  if (self->error_backup != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->error_open_button), "suggested-action");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->error_open_button), "suggested-action");

  gtk_window_set_title (GTK_WINDOW (self), _("Quality Award Review"));
  gtk_stack_set_visible_child_name (self->main_stack, "error");
}

void
qa_window_back_up (QaWindow   *self,
                   const char *path)
{
  g_return_if_fail (QA_IS_WINDOW (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (self->session != NULL);
  g_return_if_fail (!self->safety_busy);

  run_safety_job (self,
                  safety_job_new (qa_database_get_path (qa_session_get_database (self->session)), path),
                  backup_thread, backup_done_cb);
}

gboolean
qa_window_get_busy (QaWindow *self)
{
  g_return_val_if_fail (QA_IS_WINDOW (self), FALSE);

  return self->safety_busy;
}

gboolean
qa_window_can_offer_backup (const char   *path,
                            const GError *error)
{
  g_auto(GStrv) backups = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error != NULL, FALSE);

  if (!g_error_matches (error, QA_DATABASE_ERROR, QA_DATABASE_ERROR_CORRUPT) &&
      !g_error_matches (error, QA_DATABASE_ERROR, QA_DATABASE_ERROR_OPEN))
    return FALSE;

  backups = qa_database_list_backups (path);
  return backups[0] != NULL;
}
