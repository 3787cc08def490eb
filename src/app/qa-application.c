/* qa-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-application"

#include "config.h"

#include <glib/gi18n.h>

#include "qa-application.h"
#include "qa-core.h"
#include "qa-new-session-dialog.h"
#include "qa-settings-private.h"
#include "qa-ui-private.h"
#include "qa-window.h"

struct _QaApplication
{
  AdwApplication  parent_instance;

  /* Owned */
  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (QaApplication, qa_application, ADW_TYPE_APPLICATION)

static gboolean
same_path (const char *a,
           const char *b)
{
  g_autofree char *canonical_a = NULL;
  g_autofree char *canonical_b = NULL;

  if (a == NULL || b == NULL)
    return FALSE;

  canonical_a = g_canonicalize_filename (a, NULL);
  canonical_b = g_canonicalize_filename (b, NULL);

  return g_strcmp0 (canonical_a, canonical_b) == 0;
}

static QaWindow *
find_window_for_path (QaApplication *self,
                      const char    *path)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  for (const GList *l = windows; l != NULL; l = l->next)
    {
      QaSession *session;

      if (!QA_IS_WINDOW (l->data) || !(session = qa_window_get_session (l->data)))
        continue;

      if (same_path (qa_database_get_path (qa_session_get_database (session)), path))
        return l->data;
    }

  return NULL;
}

/* A window showing no session (an error page) is reused rather than left behind. */
static QaWindow *
find_or_create_free_window (QaApplication *self)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  for (const GList *l = windows; l != NULL; l = l->next)
    {
      if (QA_IS_WINDOW (l->data) && qa_window_get_session (l->data) == NULL)
        return l->data;
    }

  return qa_window_new (GTK_APPLICATION (self));
}

static void
remember_database (QaApplication *self,
                   QaSession     *session)
{
  const char *path = qa_database_get_path (qa_session_get_database (session));
  g_autofree char *default_path = qa_session_default_path ();

  if (!_qa_settings_has_key (self->settings, "last-database", G_VARIANT_TYPE_STRING))
    return;

  /* A reviewer's package is opened by name, and may be so on the secretariat's computer: the next
   * plain start is the secretariat's session still. */
  if (qa_session_is_package (session))
    return;

  /* Empty means the default database, so moving the data folder keeps working. */
  g_settings_set_string (self->settings, "last-database",
                         same_path (path, default_path) ? "" : path);
}

static void
show_session (QaApplication *self,
              QaSession     *session)
{
  QaWindow *window = find_or_create_free_window (self);

  /* The window tells the session who acts, and asks the first time. */
  qa_window_set_session (window, session);
  gtk_window_present (GTK_WINDOW (window));
  qa_window_confirm_operator (window);
  remember_database (self, session);
}

static QaSession *
open_session (const char  *path,
              gboolean     with_demo,
              GError     **error)
{
  if (with_demo)
    return qa_session_open_with_demo (path, error);
  return qa_session_open (path, error);
}

static void
show_open_error (QaApplication *self,
                 const char    *path,
                 const GError  *error,
                 GtkWindow     *parent)
{
  QaWindow *window;

  /* A window keeps its session; the error goes in a dialog over it, unless a backup can mend
   * the file: that is offered on an error page of its own. */
  if (QA_IS_WINDOW (parent) && qa_window_get_session (QA_WINDOW (parent)) != NULL &&
      !qa_window_can_offer_backup (path, error))
    {
      g_autofree char *display_path = g_filename_display_basename (path);
      GtkWidget *dialog;

      dialog = adw_message_dialog_new (parent, NULL, error->message);
      adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog),
                                         _("Could Not Open “%s”"), display_path);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  window = find_or_create_free_window (self);
  qa_window_show_error (window, path, error);
  gtk_window_present (GTK_WINDOW (window));
}

static char *
dup_start_path (QaApplication *self,
                gboolean      *with_demo)
{
  g_autofree char *last = NULL;

  if (_qa_settings_has_key (self->settings, "last-database", G_VARIANT_TYPE_STRING))
    last = g_settings_get_string (self->settings, "last-database");

  if (last != NULL && last[0] != '\0' && g_file_test (last, G_FILE_TEST_EXISTS))
    {
      *with_demo = FALSE;
      return g_steal_pointer (&last);
    }

  *with_demo = TRUE;
  return qa_session_default_path ();
}

static void
session_created_cb (QaApplication      *self,
                    QaSession          *session,
                    QaNewSessionDialog *dialog)
{
  g_assert (QA_IS_APPLICATION (self));
  g_assert (QA_IS_SESSION (session));

  show_session (self, session);
}

static void
qa_application_new_session (GSimpleAction *action,
                            GVariant      *param,
                            gpointer       user_data)
{
  QaApplication *self = user_data;
  QaNewSessionDialog *dialog;

  dialog = qa_new_session_dialog_new (gtk_application_get_active_window (GTK_APPLICATION (self)));
  g_signal_connect_object (dialog, "session-created",
                           G_CALLBACK (session_created_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_response_cb (GtkFileChooserNative *chooser,
                  int                   response,
                  QaApplication        *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  GtkWindow *parent;

  g_assert (GTK_IS_FILE_CHOOSER_NATIVE (chooser));
  g_assert (QA_IS_APPLICATION (self));

  parent = gtk_native_dialog_get_transient_for (GTK_NATIVE_DIALOG (chooser));

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (file != NULL && (path = g_file_get_path (file)) != NULL)
    qa_application_open_path (self, path, FALSE, parent);

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);
}

static void
qa_application_open_session (GSimpleAction *action,
                             GVariant      *param,
                             gpointer       user_data)
{
  QaApplication *self = user_data;
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) sessions = NULL;
  g_autoptr(GtkFileFilter) all = NULL;

  chooser = gtk_file_chooser_native_new (_("Open Session"),
                                         gtk_application_get_active_window (GTK_APPLICATION (self)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  sessions = gtk_file_filter_new ();
  gtk_file_filter_set_name (sessions, _("Sessions and review packages"));
  gtk_file_filter_add_pattern (sessions, "*.db");
  /* A reviewer opens their package here: the program starts in reviewer mode. */
  gtk_file_filter_add_pattern (sessions, "*.qapkg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), sessions);

  all = gtk_file_filter_new ();
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  /* The reference is dropped in the response handler. */
  g_signal_connect (chooser, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
qa_application_shortcuts (GSimpleAction *action,
                          GVariant      *param,
                          gpointer       user_data)
{
  QaApplication *self = user_data;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (!GTK_IS_APPLICATION_WINDOW (window))
    return;

  /* Built on first use: at start-up it cost a twentieth of the time to the first frame. */
  if (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)) == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/qa-shortcuts-window.ui");

      gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (window),
                                               GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
    }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static char *
dup_debug_info (GtkWindow *window)
{
  QaSession *session = NULL;
  GString *info = g_string_new (NULL);

  g_string_append_printf (info, "qareview %s\n", PACKAGE_VERSION);
  g_string_append_printf (info, "GLib %u.%u.%u\n",
                          glib_major_version, glib_minor_version, glib_micro_version);
  g_string_append_printf (info, "GTK %u.%u.%u\n",
                          gtk_get_major_version (), gtk_get_minor_version (),
                          gtk_get_micro_version ());
  g_string_append_printf (info, "libadwaita %u.%u.%u\n",
                          adw_get_major_version (), adw_get_minor_version (),
                          adw_get_micro_version ());

  if (QA_IS_WINDOW (window))
    session = qa_window_get_session (QA_WINDOW (window));
  if (session != NULL)
    {
      QaDatabase *db = qa_session_get_database (session);

      g_string_append_printf (info, "\nDatabase: %s (schema %d)\n",
                              qa_database_get_path (db), qa_database_get_schema_version (db));
      g_string_append_printf (info, "Criteria: %s\n",
                              qa_criteria_get_id (qa_session_get_criteria (session)));
      g_string_append_printf (info, "Profile: %s\n",
                              qa_profile_get_id (qa_session_get_profile (session)));
    }

  return g_string_free (info, FALSE);
}

static void
qa_application_about (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  QaApplication *self = user_data;
  const char *developers[] = { _("Ganzhou District Market Supervision Administration"), NULL };
  const char *commissioned[] = { _("Secretariat of the Ganzhou District People’s Government "
                                   "Quality Award"), NULL };
  const char *standards[] = {
    _("GB/T 19580-2012 Criteria for performance excellence"),
    _("GB/Z 19579-2012 Guidelines for the criteria for performance excellence"),
    NULL
  };
  g_autofree char *debug_info = NULL;
  GtkWindow *window;
  GtkWidget *about;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  debug_info = dup_debug_info (window);

  about = adw_about_window_new ();
  gtk_window_set_transient_for (GTK_WINDOW (about), window);
  adw_about_window_set_application_name (ADW_ABOUT_WINDOW (about), _("Quality Award Review"));
  adw_about_window_set_application_icon (ADW_ABOUT_WINDOW (about), APP_ID);
  adw_about_window_set_developer_name (ADW_ABOUT_WINDOW (about), developers[0]);
  adw_about_window_set_version (ADW_ABOUT_WINDOW (about), PACKAGE_VERSION);
  adw_about_window_set_comments (ADW_ABOUT_WINDOW (about),
                                 _("Supports the secretariat and the review panel of the Ganzhou "
                                   "District People’s Government Quality Award through the whole "
                                   "procedure: applications and their eligibility check (Art. 13), "
                                   "the expert pool and the panels (Art. 11), the reviewers’ "
                                   "independent scoring against GB/T 19580-2012 in review packages, "
                                   "the panel’s consensus at material and site review with written "
                                   "feedback (Art. 16), the comprehensive evaluation and shortlist, "
                                   "the public notice with its objections, the submission for "
                                   "approval and the certificates, then the yearly reports, "
                                   "inspections, the re-evaluation at the end of validity and "
                                   "revocation (Art. 7, 17–22)."));
  adw_about_window_set_copyright (ADW_ABOUT_WINDOW (about),
                                  _("© 2026 Ganzhou District Market Supervision Administration"));
  adw_about_window_set_license_type (ADW_ABOUT_WINDOW (about), GTK_LICENSE_GPL_3_0);
  adw_about_window_set_developers (ADW_ABOUT_WINDOW (about), developers);
  /* Translators: put your name here, it is shown in the About window */
  adw_about_window_set_translator_credits (ADW_ABOUT_WINDOW (about), _("translator-credits"));
  adw_about_window_add_credit_section (ADW_ABOUT_WINDOW (about),
                                       _("Commissioned by"), commissioned);
  adw_about_window_add_acknowledgement_section (ADW_ABOUT_WINDOW (about),
                                                _("Scoring Criteria"), standards);
  adw_about_window_set_debug_info (ADW_ABOUT_WINDOW (about), debug_info);
  adw_about_window_set_debug_info_filename (ADW_ABOUT_WINDOW (about), "qareview-debug-info.txt");

  gtk_window_present (GTK_WINDOW (about));
}

static void
qa_application_quit (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  QaApplication *self = user_data;
  g_autoptr(GList) windows = NULL;

  /* Close rather than quit, so each window remembers its size. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static const GActionEntry app_entries[] = {
  { "new-session", qa_application_new_session },
  { "open-session", qa_application_open_session },
  { "shortcuts", qa_application_shortcuts },
  { "about", qa_application_about },
  { "quit", qa_application_quit },
};

/* Where _qa_ui_dup_private_file() copies what is shown or printed. */
static const char * const private_folders[] = { "review", "materials", "print" };

static void
qa_application_startup (GApplication *application)
{
  QaApplication *self = QA_APPLICATION (application);

  G_APPLICATION_CLASS (qa_application_parent_class)->startup (application);

  /* Copies a crash left behind go before anything is opened: the primary instance alone starts
   * up, so no other window is reading them. Materials read in a package, opened by the
   * secretariat, or printed may all be trade secrets. */
  for (guint i = 0; i < G_N_ELEMENTS (private_folders); i++)
    _qa_ui_remove_private_files (private_folders[i]);

  self->settings = _qa_settings_new ();

  gtk_window_set_default_icon_name (APP_ID);
  _qa_ui_unwrap_tooltips ();

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_entries, G_N_ELEMENTS (app_entries),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.new-session",
                                         (const char *[]) { "<Control>n", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.open-session",
                                         (const char *[]) { "<Control>o", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.shortcuts",
                                         (const char *[]) { "<Control>question", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
}

static void
qa_application_activate (GApplication *application)
{
  QaApplication *self = QA_APPLICATION (application);
  g_autofree char *path = NULL;
  GtkWindow *window;
  gboolean with_demo = FALSE;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  path = dup_start_path (self, &with_demo);
  qa_application_open_path (self, path, with_demo, NULL);
}

static void
qa_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  QaApplication *self = QA_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);

      if (path == NULL)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *uri = g_file_get_uri (files[i]);

          g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("Only files on this computer can be opened. "
                         "Copy the session file here first."));
          show_open_error (self, uri, error, NULL);
          continue;
        }

      qa_application_open_path (self, path, FALSE, NULL);
    }
}

static void
qa_application_shutdown (GApplication *application)
{
  QaApplication *self = QA_APPLICATION (application);

  g_clear_object (&self->settings);

  G_APPLICATION_CLASS (qa_application_parent_class)->shutdown (application);
}

static void
qa_application_class_init (QaApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->startup = qa_application_startup;
  app_class->activate = qa_application_activate;
  app_class->open = qa_application_open;
  app_class->shutdown = qa_application_shutdown;
}

static void
qa_application_init (QaApplication *self)
{
}

QaApplication *
qa_application_new (void)
{
  return g_object_new (QA_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

void
qa_application_open_path (QaApplication *self,
                          const char    *path,
                          gboolean       with_demo,
                          GtkWindow     *parent)
{
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GError) error = NULL;
  QaWindow *window;

  g_return_if_fail (QA_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (!parent || GTK_IS_WINDOW (parent));

  window = find_window_for_path (self, path);
  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  session = open_session (path, with_demo, &error);
  if (session == NULL)
    {
      show_open_error (self, path, error, parent);
      return;
    }

  show_session (self, session);
}
