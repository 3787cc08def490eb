/* qa-restore-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-restore-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "qa-core.h"
#include "qa-restore-dialog.h"
#include "qa-ui-private.h"

struct _QaRestoreDialog
{
  AdwWindow           parent_instance;

  /* Template widgets */
  GtkStringList      *backups;
  GtkLabel           *intro_label;
  GtkListView        *list_view;
  GtkStack           *stack;
};

G_DEFINE_FINAL_TYPE (QaRestoreDialog, qa_restore_dialog, ADW_TYPE_WINDOW)

enum {
  BACKUP_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
backup_time_text (gpointer         this_object,
                  GtkStringObject *backup)
{
  return backup != NULL ? qa_restore_dialog_dup_time (gtk_string_object_get_string (backup)) : NULL;
}

static char *
backup_name_text (gpointer         this_object,
                  GtkStringObject *backup)
{
  return backup != NULL ? g_filename_display_basename (gtk_string_object_get_string (backup)) : NULL;
}

static void
backup_activated_cb (QaRestoreDialog *self,
                     guint            position)
{
  g_autoptr(GtkStringObject) backup = NULL;

  g_assert (QA_IS_RESTORE_DIALOG (self));

  backup = g_list_model_get_item (G_LIST_MODEL (self->backups), position);
  if (backup != NULL)
    qa_restore_dialog_choose (self, gtk_string_object_get_string (backup));
}

static void
file_chosen (GtkWidget      *widget,
             GFile          *file,
             GtkFileChooser *chooser)
{
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    qa_restore_dialog_choose (QA_RESTORE_DIALOG (widget), path);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  GtkFileChooserNative *chooser;

  chooser = _qa_ui_file_chooser_new (widget, _("Choose a Backup"), GTK_FILE_CHOOSER_ACTION_OPEN,
                                     _("_Choose"));
  _qa_ui_add_file_filter (chooser, _("Session backups"), NULL, "*.db");
  _qa_ui_add_file_filter (chooser, _("All files"), NULL, "*");
  _qa_ui_run_file_chooser (chooser, widget, file_chosen);
}

static void
qa_restore_dialog_class_init (QaRestoreDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /**
   * QaRestoreDialog::backup-chosen:
   * @backup: the path of the backup to restore
   */
  signals[BACKUP_CHOSEN] =
    g_signal_new ("backup-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/qa-restore-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, QaRestoreDialog, backups);
  gtk_widget_class_bind_template_child (widget_class, QaRestoreDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, QaRestoreDialog, list_view);
  gtk_widget_class_bind_template_child (widget_class, QaRestoreDialog, stack);
  gtk_widget_class_bind_template_callback (widget_class, backup_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, backup_name_text);
  gtk_widget_class_bind_template_callback (widget_class, backup_time_text);

  gtk_widget_class_install_action (widget_class, "restore.choose-file", NULL, choose_file_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
qa_restore_dialog_init (QaRestoreDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

QaRestoreDialog *
qa_restore_dialog_new (GtkWindow  *parent,
                       const char *session_path)
{
  QaRestoreDialog *self;
  g_auto(GStrv) backups = NULL;
  g_autofree char *name = NULL;
  g_autofree char *intro = NULL;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (session_path != NULL, NULL);

  self = g_object_new (QA_TYPE_RESTORE_DIALOG,
                       "transient-for", parent,
                       NULL);

  backups = qa_database_list_backups (session_path);
  gtk_string_list_splice (self->backups, 0, 0, (const char * const *)backups);
  gtk_stack_set_visible_child_name (self->stack, backups[0] != NULL ? "list" : "empty");

  name = g_filename_display_basename (session_path);
  intro = g_strdup_printf (_("Choose the backup to put in place of “%s”. You are asked before "
                             "anything is replaced, and the session as it is now is backed up "
                             "first."), name);
  gtk_label_set_label (self->intro_label, intro);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));

  return self;
}

GListModel *
qa_restore_dialog_get_backups (QaRestoreDialog *self)
{
  g_return_val_if_fail (QA_IS_RESTORE_DIALOG (self), NULL);

  return G_LIST_MODEL (self->backups);
}

void
qa_restore_dialog_choose (QaRestoreDialog *self,
                          const char      *backup)
{
  g_return_if_fail (QA_IS_RESTORE_DIALOG (self));
  g_return_if_fail (backup != NULL);

  /* The window goes first, so what follows is asked over the main window. */
  g_object_ref (self);
  gtk_window_close (GTK_WINDOW (self));
  g_signal_emit (self, signals[BACKUP_CHOSEN], 0, backup);
  g_object_unref (self);
}

char *
qa_restore_dialog_dup_time (const char *path)
{
  g_autoptr(GDateTime) written = NULL;
  GStatBuf buf;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_stat (path, &buf) != 0)
    return g_filename_display_basename (path);

  written = g_date_time_new_from_unix_local (buf.st_mtime);
  return g_date_time_format (written, "%Y-%m-%d %H:%M");
}
