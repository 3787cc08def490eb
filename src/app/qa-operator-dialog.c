/* qa-operator-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-operator-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "qa-operator-dialog.h"

struct _QaOperatorDialog
{
  AdwWindow       parent_instance;

  /* Owned */
  char           *name;   /* as typed, stripped */

  /* Template widgets */
  GtkCheckButton *chair_check;
  AdwActionRow   *chair_row;
  GtkButton      *confirm_button;
  AdwEntryRow    *name_row;
  GtkCheckButton *secretariat_check;
  AdwActionRow   *secretariat_row;
  GtkCheckButton *supervisor_check;
  AdwActionRow   *supervisor_row;
};

G_DEFINE_FINAL_TYPE (QaOperatorDialog, qa_operator_dialog, ADW_TYPE_WINDOW)

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
name_changed_cb (QaOperatorDialog *self)
{
  g_assert (QA_IS_OPERATOR_DIALOG (self));

  g_free (self->name);
  self->name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "operator.confirm", *self->name != '\0');
}

static void
name_activated_cb (QaOperatorDialog *self)
{
  g_assert (QA_IS_OPERATOR_DIALOG (self));

  qa_operator_dialog_confirm (self);
}

static void
confirm_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  qa_operator_dialog_confirm (QA_OPERATOR_DIALOG (widget));
}

static void
qa_operator_dialog_finalize (GObject *object)
{
  QaOperatorDialog *self = (QaOperatorDialog *)object;

  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (qa_operator_dialog_parent_class)->finalize (object);
}

static void
qa_operator_dialog_class_init (QaOperatorDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = qa_operator_dialog_finalize;

  /**
   * QaOperatorDialog::chosen:
   * @name: the operator's name
   * @role: their #QaRole
   */
  signals[CHOSEN] =
    g_signal_new ("chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/qa-operator-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, QaOperatorDialog, chair_check);
  gtk_widget_class_bind_template_child (widget_class, QaOperatorDialog, chair_row);
  gtk_widget_class_bind_template_child (widget_class, QaOperatorDialog, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, QaOperatorDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, QaOperatorDialog, secretariat_check);
  gtk_widget_class_bind_template_child (widget_class, QaOperatorDialog, secretariat_row);
  gtk_widget_class_bind_template_child (widget_class, QaOperatorDialog, supervisor_check);
  gtk_widget_class_bind_template_child (widget_class, QaOperatorDialog, supervisor_row);
  gtk_widget_class_bind_template_callback (widget_class, name_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);

  gtk_widget_class_install_action (widget_class, "operator.confirm", NULL, confirm_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
set_role (QaOperatorDialog *self,
          QaRole            role)
{
  switch (role)
    {
    case QA_ROLE_CHAIR:
      gtk_check_button_set_active (self->chair_check, TRUE);
      break;

    case QA_ROLE_SUPERVISOR:
      gtk_check_button_set_active (self->supervisor_check, TRUE);
      break;

    case QA_ROLE_SECRETARIAT:
    case QA_ROLE_REVIEWER:
    default:
      /* A reviewer is only ever one in their own package. */
      gtk_check_button_set_active (self->secretariat_check, TRUE);
      break;
    }
}

/* Up and Down on a role pick the one above or below, as in a group of radio buttons; past the
 * first or last they move the focus on, as in any list. */
static gboolean
role_key_cb (GtkWidget *row,
             GVariant  *args,
             gpointer   data)
{
  QaOperatorDialog *self = QA_OPERATOR_DIALOG (gtk_widget_get_root (row));
  AdwActionRow *rows[] = { self->secretariat_row, self->chair_row, self->supervisor_row };
  GtkCheckButton *checks[] = { self->secretariat_check, self->chair_check, self->supervisor_check };
  int step = g_variant_get_int32 (args);

  for (int i = 0; i < (int) G_N_ELEMENTS (rows); i++)
    if (GTK_WIDGET (rows[i]) == row)
      {
        int next = i + step;

        if (next < 0 || next >= (int) G_N_ELEMENTS (rows))
          return FALSE;
        gtk_widget_grab_focus (GTK_WIDGET (rows[next]));
        gtk_check_button_set_active (checks[next], TRUE);
        return TRUE;
      }

  return FALSE;
}

static void
add_role_keys (AdwActionRow *row)
{
  static const struct { const char *trigger; int step; } keys[] = {
    { "Up|KP_Up", -1 },
    { "Down|KP_Down", 1 },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string (keys[i].trigger),
                                                gtk_callback_action_new (role_key_cb, NULL, NULL));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (keys[i].step));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (row), controller);
}

static void
qa_operator_dialog_init (QaOperatorDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The roles are named as the core names them, everywhere. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->secretariat_row),
                                 qa_role_get_label (QA_ROLE_SECRETARIAT));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->chair_row),
                                 qa_role_get_label (QA_ROLE_CHAIR));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->supervisor_row),
                                 qa_role_get_label (QA_ROLE_SUPERVISOR));

  add_role_keys (self->secretariat_row);
  add_role_keys (self->chair_row);
  add_role_keys (self->supervisor_row);

  gtk_check_button_set_active (self->secretariat_check, TRUE);
  name_changed_cb (self);
}

QaOperatorDialog *
qa_operator_dialog_new (GtkWindow  *parent,
                        const char *name,
                        QaRole      role)
{
  QaOperatorDialog *self;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (QA_TYPE_OPERATOR_DIALOG,
                       "transient-for", parent,
                       NULL);
  qa_operator_dialog_set_name (self, name);
  set_role (self, role);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));

  return self;
}

const char *
qa_operator_dialog_get_name (QaOperatorDialog *self)
{
  g_return_val_if_fail (QA_IS_OPERATOR_DIALOG (self), NULL);

  return self->name;
}

void
qa_operator_dialog_set_name (QaOperatorDialog *self,
                             const char       *name)
{
  g_return_if_fail (QA_IS_OPERATOR_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name != NULL ? name : "");
}

QaRole
qa_operator_dialog_get_role (QaOperatorDialog *self)
{
  g_return_val_if_fail (QA_IS_OPERATOR_DIALOG (self), QA_ROLE_SECRETARIAT);

  if (gtk_check_button_get_active (self->supervisor_check))
    return QA_ROLE_SUPERVISOR;
  if (gtk_check_button_get_active (self->chair_check))
    return QA_ROLE_CHAIR;
  return QA_ROLE_SECRETARIAT;
}

gboolean
qa_operator_dialog_confirm (QaOperatorDialog *self)
{
  g_return_val_if_fail (QA_IS_OPERATOR_DIALOG (self), FALSE);

  if (self->name == NULL || *self->name == '\0')
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return FALSE;
    }

  g_signal_emit (self, signals[CHOSEN], 0, self->name, (guint)qa_operator_dialog_get_role (self));
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}
