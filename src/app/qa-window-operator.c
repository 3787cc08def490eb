/* qa-window-operator.c: who is acting in a QaWindow, and what every page lets them do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "qa-operator-dialog.h"
#include "qa-settings-private.h"
#include "qa-window-private.h"

/* Who is acting ------------------------------------------------------------------------------ */

/* The operator this computer remembers; without settings, the one chosen in this window. */
void
_qa_window_load_operator (QaWindow *self)
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
QaRole
_qa_window_acting_role (QaWindow *self)
{
  return self->reviewer_mode ? QA_ROLE_REVIEWER : self->role;
}

/* Tells the session who acts, and every page what they may do. */
void
_qa_window_apply_role (QaWindow *self)
{
  QaRole role = _qa_window_acting_role (self);
  gboolean has_session = self->session != NULL;

  g_assert (QA_IS_WINDOW (self));

  /* In a package the scoring view names the reviewer. */
  if (has_session && !self->reviewer_mode)
    qa_database_set_operator (qa_session_get_database (self->session), self->operator_name,
                              qa_role_to_string (role));

  _qa_window_set_pages_role (self, role);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.change-role", !self->reviewer_mode);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.backup",
                                 has_session && !self->safety_busy &&
                                 qa_role_allows (role, QA_PERMISSION_BACKUP));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore",
                                 has_session && !self->safety_busy &&
                                 qa_role_allows (role, QA_PERMISSION_RESTORE));
  /* Hidden while folded away: a revealer measures its child even when it shows none of it,
   * and this wrapping label at every width the window tries cost start-up time. */
  if (has_session && role == QA_ROLE_SUPERVISOR)
    gtk_widget_set_visible (GTK_WIDGET (self->role_banner), TRUE);
  gtk_revealer_set_reveal_child (self->role_banner, has_session && role == QA_ROLE_SUPERVISOR);

  _qa_window_update_title (self);
}

/* Out of the layout again once it has folded away. */
void
_qa_window_role_banner_revealed_cb (QaWindow    *self,
                                    GParamSpec  *pspec,
                                    GtkRevealer *revealer)
{
  if (!gtk_revealer_get_reveal_child (revealer) && !gtk_revealer_get_child_revealed (revealer))
    gtk_widget_set_visible (GTK_WIDGET (revealer), FALSE);
}

void
_qa_window_operator_settings_changed_cb (QaWindow  *self,
                              const char *key,
                              GSettings *settings)
{
  g_assert (QA_IS_WINDOW (self));

  _qa_window_load_operator (self);
  _qa_window_apply_role (self);
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

void
_qa_window_change_role_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  show_operator_dialog (QA_WINDOW (widget));
}

QaRole
qa_window_get_role (QaWindow *self)
{
  g_return_val_if_fail (QA_IS_WINDOW (self), QA_ROLE_SECRETARIAT);

  return _qa_window_acting_role (self);
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

  _qa_window_apply_role (self);
}

void
qa_window_confirm_operator (QaWindow *self)
{
  g_return_if_fail (QA_IS_WINDOW (self));

  if (self->session == NULL || self->reviewer_mode || operator_remembered (self))
    return;

  show_operator_dialog (self);
}
