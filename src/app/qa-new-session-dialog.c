/* qa-new-session-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-new-session-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "qa-new-session-dialog.h"
#include "qa-window.h"

struct _QaNewSessionDialog
{
  AdwWindow             parent_instance;

  /* Owned */
  GFile                *file;
  QaProfile            *profile;
  GtkFileChooserNative *chooser;

  /* Template widgets */
  GtkButton            *create_button;
  GtkEntry             *deadline_entry;
  GtkLabel             *error_label;
  AdwActionRow         *file_row;
  AdwActionRow         *profile_row;
  GtkSpinButton        *year_spin;
};

G_DEFINE_FINAL_TYPE (QaNewSessionDialog, qa_new_session_dialog, ADW_TYPE_WINDOW)

enum {
  SESSION_CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (QaNewSessionDialog *self,
            const char         *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
update_create_button (QaNewSessionDialog *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->create_button),
                            self->file != NULL && self->profile != NULL);
}

static guint
selected_year (QaNewSessionDialog *self)
{
  return (guint)gtk_spin_button_get_value_as_int (self->year_spin);
}

static void
year_changed_cb (QaNewSessionDialog *self,
                 GtkSpinButton      *spin)
{
  g_autofree char *default_deadline = NULL;

  g_assert (QA_IS_NEW_SESSION_DIALOG (self));

  default_deadline = g_strdup_printf ("%04u-09-30", selected_year (self));
  gtk_entry_set_placeholder_text (self->deadline_entry, default_deadline);
}

/* The deadline as typed, NULL for the default (30 September of the year); FALSE when it is not
 * a date written YYYY-MM-DD. */
static gboolean
parse_deadline (QaNewSessionDialog  *self,
                char               **deadline)
{
  g_autofree char *text = NULL;
  guint year;
  guint month;
  guint day;
  char end;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->deadline_entry))));
  if (text[0] == '\0')
    {
      *deadline = NULL;
      return TRUE;
    }

  if (strlen (text) != 10 ||
      sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &end) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;

  *deadline = g_steal_pointer (&text);
  return TRUE;
}

static gboolean
path_is_open (const char *path)
{
  GApplication *app = g_application_get_default ();
  GList *windows;

  if (!GTK_IS_APPLICATION (app))
    return FALSE;

  windows = gtk_application_get_windows (GTK_APPLICATION (app));
  for (const GList *l = windows; l != NULL; l = l->next)
    {
      QaSession *session;

      if (!QA_IS_WINDOW (l->data) || !(session = qa_window_get_session (l->data)))
        continue;

      if (g_strcmp0 (qa_database_get_path (qa_session_get_database (session)), path) == 0)
        return TRUE;
    }

  return FALSE;
}

static QaSession *
create_session (QaNewSessionDialog  *self,
                const char          *path,
                const char          *deadline,
                GError             **error)
{
  g_autoptr(QaDatabase) db = NULL;

  db = qa_database_open (path, error);
  if (db == NULL)
    return NULL;

  if (!qa_session_create (db, self->profile, selected_year (self), deadline, error))
    return NULL;

  return qa_session_new (db, error);
}

static void
create_clicked_cb (QaNewSessionDialog *self,
                   GtkButton          *button)
{
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *path = NULL;

  g_assert (QA_IS_NEW_SESSION_DIALOG (self));

  if (self->file == NULL || self->profile == NULL)
    return;

  if (!parse_deadline (self, &deadline))
    {
      show_error (self, _("Enter the deadline as year-month-day, for example 2026-09-30, or leave "
                          "it empty for 30 September."));
      gtk_widget_grab_focus (GTK_WIDGET (self->deadline_entry));
      return;
    }

  path = g_file_get_path (self->file);
  if (path == NULL)
    {
      show_error (self, _("The chosen location is not a local file. "
                          "Choose a file on this computer."));
      return;
    }

  if (path_is_open (path))
    {
      show_error (self, _("That session is open in a window. Choose another file name."));
      return;
    }

  /* The file chooser has already asked whether to replace an existing file; keep the old one
   * recoverable in the trash rather than overwriting it. */
  if (g_file_query_exists (self->file, NULL) && !g_file_trash (self->file, NULL, &error))
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("The existing file could not be moved to the trash: %s. Choose "
                                   "another file name."),
                                 error->message);
      show_error (self, message);
      return;
    }

  session = create_session (self, path, deadline, &error);
  if (session == NULL)
    {
      /* Leave nothing half-made behind. */
      g_file_delete (self->file, NULL, NULL);
      show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[SESSION_CREATED], 0, session);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
chooser_response_cb (QaNewSessionDialog   *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *display_path = NULL;

  g_assert (QA_IS_NEW_SESSION_DIALOG (self));

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  g_clear_object (&self->chooser);

  if (file == NULL)
    return;

  g_set_object (&self->file, file);
  display_path = g_file_get_parse_name (file);
  adw_action_row_set_subtitle (self->file_row, display_path);
  show_error (self, NULL);
  update_create_button (self);
}

static void
choose_clicked_cb (QaNewSessionDialog *self,
                   GtkButton          *button)
{
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *name = NULL;

  g_assert (QA_IS_NEW_SESSION_DIALOG (self));

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Save New Session As"),
                                               GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Session databases"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);

  /* Translators: the suggested file name of a new session database; %u is its year */
  name = g_strdup_printf (_("quality-award-%u.db"), selected_year (self));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);

  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
load_profile (QaNewSessionDialog *self)
{
  g_autoptr(GError) error = NULL;

  self->profile = qa_profile_new_from_id (QA_PROFILE_DEFAULT_ID, &error);
  if (self->profile == NULL)
    {
      show_error (self, error->message);
      return;
    }

  adw_action_row_set_subtitle (self->profile_row, qa_profile_get_award_name (self->profile));
}

static void
qa_new_session_dialog_dispose (GObject *object)
{
  QaNewSessionDialog *self = (QaNewSessionDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), QA_TYPE_NEW_SESSION_DIALOG);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->file);
  g_clear_object (&self->profile);

  G_OBJECT_CLASS (qa_new_session_dialog_parent_class)->dispose (object);
}

static void
qa_new_session_dialog_class_init (QaNewSessionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qa_new_session_dialog_dispose;

  /**
   * QaNewSessionDialog::session-created:
   * @session: the new session, with no applicants yet
   */
  signals[SESSION_CREATED] =
    g_signal_new ("session-created",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, QA_TYPE_SESSION);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/qa-new-session-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, QaNewSessionDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, QaNewSessionDialog, deadline_entry);
  gtk_widget_class_bind_template_child (widget_class, QaNewSessionDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, QaNewSessionDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, QaNewSessionDialog, profile_row);
  gtk_widget_class_bind_template_child (widget_class, QaNewSessionDialog, year_spin);
  gtk_widget_class_bind_template_callback (widget_class, choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, create_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, year_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
qa_new_session_dialog_init (QaNewSessionDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_spin_button_set_value (self->year_spin, g_date_time_get_year (now));
  year_changed_cb (self, self->year_spin);
  load_profile (self);
  update_create_button (self);
}

QaNewSessionDialog *
qa_new_session_dialog_new (GtkWindow *transient_for)
{
  g_return_val_if_fail (!transient_for || GTK_IS_WINDOW (transient_for), NULL);

  return g_object_new (QA_TYPE_NEW_SESSION_DIALOG,
                       "transient-for", transient_for,
                       NULL);
}
