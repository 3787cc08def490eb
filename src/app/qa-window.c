/* qa-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "qa-audit-view.h"
#include "qa-consensus-view.h"
#include "qa-operator-dialog.h"
#include "qa-restore-dialog.h"
#include "qa-settings-private.h"
#include "qa-shortlist-view.h"
#include "qa-notice-panel.h"
#include "qa-awards-view.h"
#include "qa-ui-private.h"
#include "qa-window.h"

struct _QaWindow
{
  AdwApplicationWindow  parent_instance;

  /* Owned */
  QaSession            *session;
  GSettings            *settings;
  /* A review package is open: only the reviewer's scoring sheet is shown. */
  gboolean              reviewer_mode;
  /* Who is acting on a session database, as this computer remembers it. */
  char                 *operator_name;
  QaRole                role;
  gboolean              operator_asked;
  /* A backup is being written or restored. */
  gboolean              safety_busy;
  /* The operator chose to save or discard the dossier's changes: closing goes ahead. */
  gboolean              close_confirmed;
  /* The file the error page is about, and the newest backup it offers. */
  char                 *error_path;
  char                 *error_backup;

  /* Template widgets */
  QaAuditView          *audit_view;
  QaConsensusView      *consensus_view;
  GtkLabel             *dossiers_count_label;
  QaDossiersView       *dossiers_view;
  GtkButton            *error_open_button;
  AdwStatusPage        *error_page;
  GtkButton            *error_restore_button;
  QaExpertsView        *experts_view;
  AdwLeaflet           *leaflet;
  GtkStack             *main_stack;
  GtkStack             *page_stack;
  QaProcedureStepper   *procedure_stepper;
  GtkRevealer          *role_banner;
  QaScoringView        *scoring_view;
  QaShortlistView      *shortlist_view;
  QaNoticePanel        *notice_panel;
  QaAwardsView         *awards_view;
  GtkListBox           *sidebar_list;
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
};

G_DEFINE_FINAL_TYPE (QaWindow, qa_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_REVIEWER_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* In the order of the sidebar's rows. */
static const char * const page_names[] = {
  "dossiers", "experts", "scoring", "consensus", "shortlist", "notice", "awards", "audit"
};
/* The index of "scoring" above. */
#define SCORING_PAGE 2

static int
page_index (const char *page)
{
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      if (g_strcmp0 (page_names[i], page) == 0)
        return i;
    }

  return -1;
}

static void
update_title (QaWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *operator = NULL;

  g_assert (QA_IS_WINDOW (self));

  if (self->reviewer_mode)
    {
      /* The reviewer, the stage and how far the scoring has come. */
      title = g_strdup (qa_scoring_view_get_title (self->scoring_view));
      adw_window_title_set_title (self->window_title, title);
      adw_window_title_set_subtitle (self->window_title, qa_scoring_view_get_subtitle (self->scoring_view));
      gtk_window_set_title (GTK_WINDOW (self), title);
      return;
    }

  if (self->session != NULL)
    {
      title = qa_session_dup_title (self->session);
      /* Translators: who is acting, e.g. “李明, acting as 秘书处” */
      operator = g_strdup_printf (_("%s, acting as %s"), self->operator_name,
                                  qa_role_get_label (self->role));
    }

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title,
                                 self->session != NULL ? qa_role_get_label (self->role) : NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->window_title), operator);
  gtk_window_set_title (GTK_WINDOW (self), title != NULL ? title : _("Quality Award Review"));
}

static void
update_applicant_count (QaWindow *self)
{
  g_autofree char *count = NULL;
  guint n_applicants = 0;

  g_assert (QA_IS_WINDOW (self));

  if (self->session != NULL)
    n_applicants = g_list_model_get_n_items (qa_session_get_applicants (self->session));

  count = g_strdup_printf ("%u", n_applicants);
  gtk_label_set_label (self->dossiers_count_label, count);
  gtk_widget_set_visible (GTK_WIDGET (self->dossiers_count_label), n_applicants > 0);
}

static void
update_stage (QaWindow *self)
{
  g_assert (QA_IS_WINDOW (self));

  qa_procedure_stepper_set_session (self->procedure_stepper, self->session);
}

static void
applicants_changed_cb (QaWindow   *self,
                       guint       position,
                       guint       removed,
                       guint       added,
                       GListModel *model)
{
  g_assert (QA_IS_WINDOW (self));

  update_applicant_count (self);
}

static void
sidebar_row_selected_cb (QaWindow      *self,
                         GtkListBoxRow *row,
                         GtkListBox    *list)
{
  int index;

  g_assert (QA_IS_WINDOW (self));

  if (row == NULL)
    return;

  index = gtk_list_box_row_get_index (row);
  if (index >= 0 && index < (int)G_N_ELEMENTS (page_names))
    gtk_stack_set_visible_child_name (self->page_stack, page_names[index]);
}

static void
sidebar_row_activated_cb (QaWindow      *self,
                          GtkListBoxRow *row,
                          GtkListBox    *list)
{
  g_assert (QA_IS_WINDOW (self));

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
back_clicked_cb (QaWindow  *self,
                 GtkButton *button)
{
  g_assert (QA_IS_WINDOW (self));

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Lazy pages: a page is given the session (and builds its content) when it is first shown, so
 * that start-up lays out only what is on screen. */
static void
set_page_session (QaWindow  *self,
                  int        index,
                  QaSession *session)
{
  switch (index)
    {
    case 0: qa_dossiers_view_set_session (self->dossiers_view, session); break;
    case 1: qa_experts_view_set_session (self->experts_view, session); break;
    case SCORING_PAGE: break;  /* always given: see qa_window_set_session() */
    case 3: qa_consensus_view_set_session (self->consensus_view, session); break;
    case 4: qa_shortlist_view_set_session (self->shortlist_view, session); break;
    case 5: qa_notice_panel_set_session (self->notice_panel, session); break;
    case 6: qa_awards_view_set_session (self->awards_view, session); break;
    case 7: qa_audit_view_set_session (self->audit_view, session); break;
    default: break;
    }
}

static void
visible_page_changed_cb (QaWindow   *self,
                         GParamSpec *pspec,
                         GtkStack   *stack)
{
  const char *page;
  int index;

  g_assert (QA_IS_WINDOW (self));

  page = gtk_stack_get_visible_child_name (stack);
  index = page_index (page);
  set_page_session (self, index, self->session);
  if (index >= 0)
    gtk_list_box_select_row (self->sidebar_list,
                             gtk_list_box_get_row_at_index (self->sidebar_list, index));

  /* Only the applicant list has a search. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find", g_strcmp0 (page, "dossiers") == 0);

  if (page != NULL && !self->reviewer_mode &&
      _qa_settings_has_key (self->settings, "sidebar-page", G_VARIANT_TYPE_STRING))
    g_settings_set_string (self->settings, "sidebar-page", page);
}

static void
scoring_title_changed_cb (QaWindow      *self,
                          GParamSpec    *pspec,
                          QaScoringView *view)
{
  g_assert (QA_IS_WINDOW (self));

  update_title (self);
}

/* Who is acting ------------------------------------------------------------------------------ */

/* The operator this computer remembers; without settings, the one chosen in this window. */
static void
load_operator (QaWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *role = NULL;

  g_assert (QA_IS_WINDOW (self));

  if (_qa_settings_has_key (self->settings, "operator-name", G_VARIANT_TYPE_STRING))
    name = g_strstrip (g_settings_get_string (self->settings, "operator-name"));
  if (_qa_settings_has_key (self->settings, "operator-role", G_VARIANT_TYPE_STRING))
    role = g_settings_get_string (self->settings, "operator-role");

  if (name != NULL && *name != '\0')
    {
      g_free (self->operator_name);
      self->operator_name = g_steal_pointer (&name);
    }
  else if (self->operator_name == NULL)
    self->operator_name = g_strdup (g_get_real_name ());

  if (role != NULL && !qa_role_from_string (role, &self->role))
    self->role = QA_ROLE_SECRETARIAT;
}

static gboolean
operator_remembered (QaWindow *self)
{
  g_autofree char *name = NULL;

  if (!_qa_settings_has_key (self->settings, "operator-name", G_VARIANT_TYPE_STRING))
    return self->operator_asked;

  name = g_strstrip (g_settings_get_string (self->settings, "operator-name"));
  return *name != '\0';
}

/* The role acted in: a review package is always its reviewer's. */
static QaRole
acting_role (QaWindow *self)
{
  return self->reviewer_mode ? QA_ROLE_REVIEWER : self->role;
}

/* Tells the session who acts, and every page what they may do. */
static void
apply_role (QaWindow *self)
{
  QaRole role = acting_role (self);
  gboolean has_session = self->session != NULL;

  g_assert (QA_IS_WINDOW (self));

  /* In a package the scoring view names the reviewer. */
  if (has_session && !self->reviewer_mode)
    qa_database_set_operator (qa_session_get_database (self->session), self->operator_name,
                              qa_role_to_string (role));

  qa_dossiers_view_set_role (self->dossiers_view, role);
  qa_experts_view_set_role (self->experts_view, role);
  qa_scoring_view_set_role (self->scoring_view, role);
  qa_consensus_view_set_role (self->consensus_view, role);
  qa_shortlist_view_set_role (self->shortlist_view, role);
  qa_notice_panel_set_role (self->notice_panel, role);
  qa_awards_view_set_role (self->awards_view, role);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.change-role", !self->reviewer_mode);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.backup",
                                 has_session && !self->safety_busy &&
                                 qa_role_allows (role, QA_PERMISSION_BACKUP));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore",
                                 has_session && !self->safety_busy &&
                                 qa_role_allows (role, QA_PERMISSION_RESTORE));
  gtk_revealer_set_reveal_child (self->role_banner, has_session && role == QA_ROLE_SUPERVISOR);

  update_title (self);
}

static void
operator_settings_changed_cb (QaWindow  *self,
                              const char *key,
                              GSettings *settings)
{
  g_assert (QA_IS_WINDOW (self));

  load_operator (self);
  apply_role (self);
}

static void
operator_chosen_cb (QaWindow         *self,
                    const char       *name,
                    guint             role,
                    QaOperatorDialog *dialog)
{
  g_assert (QA_IS_WINDOW (self));

  qa_window_set_operator (self, name, role);
}

static void
show_operator_dialog (QaWindow *self)
{
  QaOperatorDialog *dialog;

  self->operator_asked = TRUE;
  dialog = qa_operator_dialog_new (GTK_WINDOW (self), self->operator_name, self->role);
  g_signal_connect_object (dialog, "chosen", G_CALLBACK (operator_chosen_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
change_role_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  show_operator_dialog (QA_WINDOW (widget));
}

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
  apply_role (self);
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

static void
backup_action (GtkWidget  *widget,
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
          qa_role_allows (acting_role (self), QA_PERMISSION_RESTORE))
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
      job->operator_role = g_strdup (qa_role_to_string (acting_role (self)));
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

static void
restore_action (GtkWidget  *widget,
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

static void
restore_latest_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  QaWindow *self = QA_WINDOW (widget);

  g_return_if_fail (self->error_path != NULL && self->error_backup != NULL);

  confirm_restore (self, self->error_path, self->error_backup, TRUE);
}

/* Reviewer mode shows the scoring sheet alone: no sidebar, no procedure, no other page. */
static void
set_reviewer_mode (QaWindow *self,
                   gboolean  reviewer_mode)
{
  if (self->reviewer_mode == reviewer_mode)
    return;

  self->reviewer_mode = reviewer_mode;
  gtk_widget_set_visible (adw_leaflet_get_child_by_name (self->leaflet, "sidebar"), !reviewer_mode);
  gtk_widget_set_visible (adw_leaflet_get_child_by_name (self->leaflet, "sidebar-separator"), !reviewer_mode);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-page", !reviewer_mode);

  if (reviewer_mode)
    {
      gtk_stack_set_visible_child_name (self->page_stack, "scoring");
      adw_leaflet_set_visible_child_name (self->leaflet, "content");
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEWER_MODE]);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  QaWindow *self = QA_WINDOW (widget);

  qa_window_set_visible_page (self, g_variant_get_string (param, NULL));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);

  /* From the keyboard, carry on typing in the page (pages without controls keep it where it is). */
  gtk_widget_child_focus (gtk_stack_get_visible_child (self->page_stack), GTK_DIR_TAB_FORWARD);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  QaWindow *self = QA_WINDOW (widget);

  if (g_strcmp0 (qa_window_get_visible_page (self), "dossiers") != 0)
    return;

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  qa_dossiers_view_focus_search (self->dossiers_view);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  QaWindow *self = QA_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->session == NULL)
    return;

  if (!qa_session_reload (self->session, &error))
    {
      GtkWidget *dialog;

      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Reload the Session"), NULL);
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  update_title (self);
  update_stage (self);
  update_applicant_count (self);
  qa_audit_view_refresh (self->audit_view);
}

static void
restore_window_state (QaWindow *self)
{
  g_assert (QA_IS_WINDOW (self));

  if (_qa_settings_has_key (self->settings, "window-width", G_VARIANT_TYPE_INT32) &&
      _qa_settings_has_key (self->settings, "window-height", G_VARIANT_TYPE_INT32))
    {
      int width = g_settings_get_int (self->settings, "window-width");
      int height = g_settings_get_int (self->settings, "window-height");

      if (width > 0 && height > 0)
        gtk_window_set_default_size (GTK_WINDOW (self), MAX (width, 360), MAX (height, 480));
    }

  if (_qa_settings_has_key (self->settings, "window-maximized", G_VARIANT_TYPE_BOOLEAN) &&
      g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  if (_qa_settings_has_key (self->settings, "sidebar-page", G_VARIANT_TYPE_STRING))
    {
      g_autofree char *page = g_settings_get_string (self->settings, "sidebar-page");

      if (page_index (page) >= 0)
        gtk_stack_set_visible_child_name (self->page_stack, page);
    }
}

static void
save_window_state (QaWindow *self)
{
  gboolean maximized;

  g_assert (QA_IS_WINDOW (self));

  maximized = gtk_window_is_maximized (GTK_WINDOW (self));

  if (!maximized &&
      _qa_settings_has_key (self->settings, "window-width", G_VARIANT_TYPE_INT32) &&
      _qa_settings_has_key (self->settings, "window-height", G_VARIANT_TYPE_INT32))
    {
      int width;
      int height;

      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }

  if (_qa_settings_has_key (self->settings, "window-maximized", G_VARIANT_TYPE_BOOLEAN))
    g_settings_set_boolean (self->settings, "window-maximized", maximized);
}

static gboolean
close_when_idle (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
close_response_cb (QaWindow         *self,
                   const char       *response,
                   AdwMessageDialog *dialog)
{
  QaDossierPane *pane = qa_dossiers_view_get_pane (self->dossiers_view);
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "save") == 0 && !qa_dossier_pane_save (pane, &error))
    {
      _qa_ui_show_error (GTK_WIDGET (self), _("The Dossier Was Not Saved"), error->message);
      return;
    }
  if (g_strcmp0 (response, "save") != 0 && g_strcmp0 (response, "discard") != 0)
    return;

  /* Closed once the dialog is gone: the window takes its dialogs with it. */
  self->close_confirmed = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT, close_when_idle, g_object_ref (self), g_object_unref);
}

/* A dossier typed into and not saved: asks whether to save it before the window goes. */
static gboolean
ask_before_closing (QaWindow *self)
{
  QaDossierPane *pane = qa_dossiers_view_get_pane (self->dossiers_view);
  const char *shown;
  GtkWidget *dialog;

  if (self->close_confirmed || self->reviewer_mode || self->session == NULL ||
      !qa_dossier_pane_get_modified (pane))
    return FALSE;

  shown = qa_dossier_pane_get_applicant_id (pane);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL,
                                   _("The changes are lost unless they are saved."));
  if (shown != NULL)
    adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog),
                                       _("Save the Changes to %s Before Closing?"), shown);
  else
    adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (dialog),
                                    _("Save the New Applicant Before Closing?"));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save",
                                           qa_dossier_pane_get_can_save (pane));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static gboolean
qa_window_close_request (GtkWindow *window)
{
  if (ask_before_closing (QA_WINDOW (window)))
    return TRUE;

  save_window_state (QA_WINDOW (window));

  return GTK_WINDOW_CLASS (qa_window_parent_class)->close_request (window);
}

static void
qa_window_dispose (GObject *object)
{
  QaWindow *self = (QaWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), QA_TYPE_WINDOW);

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_func (qa_session_get_applicants (self->session),
                                          G_CALLBACK (applicants_changed_cb),
                                          self);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->operator_name, g_free);
  g_clear_pointer (&self->error_path, g_free);
  g_clear_pointer (&self->error_backup, g_free);

  G_OBJECT_CLASS (qa_window_parent_class)->dispose (object);
}

static void
qa_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  QaWindow *self = QA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_REVIEWER_MODE:
      g_value_set_boolean (value, self->reviewer_mode);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  QaWindow *self = QA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      qa_window_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_window_class_init (QaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = qa_window_dispose;
  object_class->get_property = qa_window_get_property;
  object_class->set_property = qa_window_set_property;

  window_class->close_request = qa_window_close_request;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         QA_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_REVIEWER_MODE] =
    g_param_spec_boolean ("reviewer-mode", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (QA_TYPE_AUDIT_VIEW);
  g_type_ensure (QA_TYPE_CONSENSUS_VIEW);
  g_type_ensure (QA_TYPE_DOSSIERS_VIEW);
  g_type_ensure (QA_TYPE_EXPERTS_VIEW);
  g_type_ensure (QA_TYPE_PROCEDURE_STEPPER);
  g_type_ensure (QA_TYPE_SCORING_VIEW);
  g_type_ensure (QA_TYPE_SHORTLIST_VIEW);
  g_type_ensure (QA_TYPE_NOTICE_PANEL);
  g_type_ensure (QA_TYPE_AWARDS_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/qa-window.ui");
  gtk_widget_class_bind_template_child (widget_class, QaWindow, audit_view);
  gtk_widget_class_bind_template_child (widget_class, QaWindow, consensus_view);
  gtk_widget_class_bind_template_child (widget_class, QaWindow, dossiers_count_label);
  gtk_widget_class_bind_template_child (widget_class, QaWindow, dossiers_view);
  gtk_widget_class_bind_template_child (widget_class, QaWindow, error_open_button);
  gtk_widget_class_bind_template_child (widget_class, QaWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, QaWindow, error_restore_button);
  gtk_widget_class_bind_template_child (widget_class, QaWindow, experts_view);
  gtk_widget_class_bind_template_child (widget_class, QaWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, QaWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, QaWindow, page_stack);
  gtk_widget_class_bind_template_child (widget_class, QaWindow, procedure_stepper);
  gtk_widget_class_bind_template_child (widget_class, QaWindow, role_banner);
  gtk_widget_class_bind_template_child (widget_class, QaWindow, scoring_view);
  gtk_widget_class_bind_template_child (widget_class, QaWindow, shortlist_view);
  gtk_widget_class_bind_template_child (widget_class, QaWindow, notice_panel);
  gtk_widget_class_bind_template_child (widget_class, QaWindow, awards_view);
  gtk_widget_class_bind_template_child (widget_class, QaWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, QaWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, QaWindow, window_title);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, visible_page_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.change-role", NULL, change_role_action);
  gtk_widget_class_install_action (widget_class, "win.backup", NULL, backup_action);
  gtk_widget_class_install_action (widget_class, "win.restore", NULL, restore_action);
  gtk_widget_class_install_action (widget_class, "win.restore-latest", NULL, restore_latest_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK,
                                       "win.show-page", "s", "dossiers");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK,
                                       "win.show-page", "s", "experts");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_CONTROL_MASK,
                                       "win.show-page", "s", "scoring");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_CONTROL_MASK,
                                       "win.show-page", "s", "consensus");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_5, GDK_CONTROL_MASK,
                                       "win.show-page", "s", "shortlist");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_6, GDK_CONTROL_MASK,
                                       "win.show-page", "s", "audit");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "win.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0,
                                       "win.reload", NULL);
}

static void
qa_window_init (QaWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = _qa_settings_new ();

  /* Packages and sheets are exchanged from the main menu and the header bar. */
  gtk_widget_insert_action_group (GTK_WIDGET (self), "review",
                                  qa_scoring_view_get_actions (self->scoring_view));
  g_signal_connect_object (self->scoring_view, "notify::title",
                           G_CALLBACK (scoring_title_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->scoring_view, "notify::subtitle",
                           G_CALLBACK (scoring_title_changed_cb), self, G_CONNECT_SWAPPED);

  /* Another window may change who is acting: every window follows. */
  if (self->settings != NULL)
    {
      g_signal_connect_object (self->settings, "changed::operator-name",
                               G_CALLBACK (operator_settings_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->settings, "changed::operator-role",
                               G_CALLBACK (operator_settings_changed_cb), self, G_CONNECT_SWAPPED);
    }
  load_operator (self);
  apply_role (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore-latest", FALSE);
  restore_window_state (self);
  visible_page_changed_cb (self, NULL, self->page_stack);
  update_title (self);
  update_applicant_count (self);

  /* A narrow window opens on the page, not on the sidebar. */
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_selected_row (self->sidebar_list)));
}

QaWindow *
qa_window_new (GtkApplication *application)
{
  g_return_val_if_fail (!application || GTK_IS_APPLICATION (application), NULL);

  return g_object_new (QA_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

QaSession *
qa_window_get_session (QaWindow *self)
{
  g_return_val_if_fail (QA_IS_WINDOW (self), NULL);

  return self->session;
}

void
qa_window_set_session (QaWindow  *self,
                       QaSession *session)
{
  g_return_if_fail (QA_IS_WINDOW (self));
  g_return_if_fail (!session || QA_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_func (qa_session_get_applicants (self->session),
                                          G_CALLBACK (applicants_changed_cb),
                                          self);

  g_set_object (&self->session, session);

  if (session != NULL)
    g_signal_connect_object (qa_session_get_applicants (session),
                             "items-changed",
                             G_CALLBACK (applicants_changed_cb),
                             self,
                             G_CONNECT_SWAPPED);

  /* Every page lets the old session go now; each gets the new one when it is first shown —
   * but the scoring page at once: its actions (review.*) and title serve the whole window. */
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    if (i != SCORING_PAGE)
      set_page_session (self, i, NULL);
  qa_scoring_view_set_session (self->scoring_view, session);
  set_page_session (self, page_index (gtk_stack_get_visible_child_name (self->page_stack)), session);
  set_reviewer_mode (self, session != NULL && qa_session_is_package (session));
  apply_role (self);

  update_title (self);
  update_stage (self);
  update_applicant_count (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload", session != NULL);
  if (session != NULL)
    {
      /* What the error page offered is gone with it. */
      g_clear_pointer (&self->error_path, g_free);
      g_clear_pointer (&self->error_backup, g_free);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore-latest", FALSE);
      gtk_stack_set_visible_child_name (self->main_stack, "session");
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
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

const char *
qa_window_get_visible_page (QaWindow *self)
{
  g_return_val_if_fail (QA_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->page_stack);
}

void
qa_window_set_visible_page (QaWindow   *self,
                            const char *page)
{
  g_return_if_fail (QA_IS_WINDOW (self));
  g_return_if_fail (page_index (page) >= 0);

  gtk_stack_set_visible_child_name (self->page_stack, page);
}

QaDossiersView *
qa_window_get_dossiers_view (QaWindow *self)
{
  g_return_val_if_fail (QA_IS_WINDOW (self), NULL);

  return self->dossiers_view;
}

gboolean
qa_window_get_reviewer_mode (QaWindow *self)
{
  g_return_val_if_fail (QA_IS_WINDOW (self), FALSE);

  return self->reviewer_mode;
}

QaExpertsView *
qa_window_get_experts_view (QaWindow *self)
{
  g_return_val_if_fail (QA_IS_WINDOW (self), NULL);

  return self->experts_view;
}

QaScoringView *
qa_window_get_scoring_view (QaWindow *self)
{
  g_return_val_if_fail (QA_IS_WINDOW (self), NULL);

  return self->scoring_view;
}

QaProcedureStepper *
qa_window_get_procedure_stepper (QaWindow *self)
{
  g_return_val_if_fail (QA_IS_WINDOW (self), NULL);

  return self->procedure_stepper;
}

QaAuditView *
qa_window_get_audit_view (QaWindow *self)
{
  g_return_val_if_fail (QA_IS_WINDOW (self), NULL);

  return self->audit_view;
}

QaRole
qa_window_get_role (QaWindow *self)
{
  g_return_val_if_fail (QA_IS_WINDOW (self), QA_ROLE_SECRETARIAT);

  return acting_role (self);
}

const char *
qa_window_get_operator_name (QaWindow *self)
{
  g_return_val_if_fail (QA_IS_WINDOW (self), NULL);

  return self->operator_name;
}

void
qa_window_set_operator (QaWindow   *self,
                        const char *name,
                        QaRole      role)
{
  g_return_if_fail (QA_IS_WINDOW (self));
  g_return_if_fail (name != NULL && *name != '\0');
  g_return_if_fail (role == QA_ROLE_SECRETARIAT || role == QA_ROLE_CHAIR ||
                    role == QA_ROLE_SUPERVISOR);

  g_free (self->operator_name);
  self->operator_name = g_strdup (name);
  self->role = role;

  /* Remembered for the next session on this computer; every window follows. */
  if (_qa_settings_has_key (self->settings, "operator-name", G_VARIANT_TYPE_STRING))
    g_settings_set_string (self->settings, "operator-name", name);
  if (_qa_settings_has_key (self->settings, "operator-role", G_VARIANT_TYPE_STRING))
    g_settings_set_string (self->settings, "operator-role", qa_role_to_string (role));

  apply_role (self);
}

void
qa_window_confirm_operator (QaWindow *self)
{
  g_return_if_fail (QA_IS_WINDOW (self));

  if (self->session == NULL || self->reviewer_mode || operator_remembered (self))
    return;

  show_operator_dialog (self);
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
