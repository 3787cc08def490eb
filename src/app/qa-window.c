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
#include "qa-window-private.h"


G_DEFINE_FINAL_TYPE (QaWindow, qa_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_REVIEWER_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
_qa_window_update_title (QaWindow *self)
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
  if (_qa_window_page_name (index) != NULL)
    gtk_stack_set_visible_child_name (self->page_stack, _qa_window_page_name (index));
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

static void
visible_page_changed_cb (QaWindow   *self,
                         GParamSpec *pspec,
                         GtkStack   *stack)
{
  const char *page;
  int index;

  g_assert (QA_IS_WINDOW (self));

  page = gtk_stack_get_visible_child_name (stack);
  index = _qa_window_page_index (page);
  _qa_window_set_page_session (self, index, self->session);
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

  _qa_window_update_title (self);
}

/* The main menu of @button: a reviewer's package has its own (see set_reviewer_mode). */
static GMenuModel *
main_menu_model (QaWindow      *self,
                 GtkMenuButton *button)
{
  return button == self->content_menu_button && self->reviewer_mode ? self->package_menu
                                                                    : self->primary_menu;
}

static void
create_main_menu (GtkMenuButton *button,
                  gpointer       user_data)
{
  gtk_menu_button_set_menu_model (button, main_menu_model (QA_WINDOW (user_data), button));
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
  /* A package is no session: its menu does not back it up, restore it or swap it for another.
   * A menu not yet opened is made for the mode it opens in (create_main_menu). */
  if (gtk_menu_button_get_popover (self->content_menu_button) != NULL)
    gtk_menu_button_set_menu_model (self->content_menu_button, main_menu_model (self, self->content_menu_button));

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

  _qa_window_update_title (self);
  update_stage (self);
  update_applicant_count (self);
  if (self->audit_view != NULL)
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

      if (_qa_window_page_index (page) >= 0)
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
  /* Asked only with the dossier page built: see ask_before_closing(). */
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
  QaDossierPane *pane;
  const char *shown;
  GtkWidget *dialog;

  /* A dossier page never built holds no typing. */
  if (self->close_confirmed || self->reviewer_mode || self->session == NULL ||
      self->dossiers_view == NULL)
    return FALSE;

  pane = qa_dossiers_view_get_pane (self->dossiers_view);
  if (!qa_dossier_pane_get_modified (pane))
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
  /* The pages went with the template's bins. */
  self->dossiers_view = NULL;
  self->experts_view = NULL;
  self->consensus_view = NULL;
  self->shortlist_view = NULL;
  self->notice_panel = NULL;
  self->awards_view = NULL;
  self->audit_view = NULL;

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

  g_type_ensure (QA_TYPE_PROCEDURE_STEPPER);
  g_type_ensure (QA_TYPE_SCORING_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/qa-window.ui");
  gtk_widget_class_bind_template_child (widget_class, QaWindow, dossiers_count_label);
  gtk_widget_class_bind_template_child (widget_class, QaWindow, error_open_button);
  gtk_widget_class_bind_template_child (widget_class, QaWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, QaWindow, error_restore_button);
  gtk_widget_class_bind_template_child (widget_class, QaWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, QaWindow, content_menu_button);
  gtk_widget_class_bind_template_child (widget_class, QaWindow, error_menu_button);
  gtk_widget_class_bind_template_child (widget_class, QaWindow, sidebar_menu_button);
  gtk_widget_class_bind_template_child (widget_class, QaWindow, package_menu);
  gtk_widget_class_bind_template_child (widget_class, QaWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, QaWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, QaWindow, page_stack);
  gtk_widget_class_bind_template_child (widget_class, QaWindow, procedure_stepper);
  gtk_widget_class_bind_template_child (widget_class, QaWindow, role_banner);
  gtk_widget_class_bind_template_child (widget_class, QaWindow, scoring_view);
  gtk_widget_class_bind_template_child (widget_class, QaWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, QaWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, QaWindow, window_title);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "role_banner_revealed_cb",
                                                G_CALLBACK (_qa_window_role_banner_revealed_cb));
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, visible_page_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.change-role", NULL, _qa_window_change_role_action);
  gtk_widget_class_install_action (widget_class, "win.backup", NULL, _qa_window_backup_action);
  gtk_widget_class_install_action (widget_class, "win.restore", NULL, _qa_window_restore_action);
  gtk_widget_class_install_action (widget_class, "win.restore-latest", NULL, _qa_window_restore_latest_action);

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
  GtkMenuButton *menu_buttons[3];

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Each main menu's popover is made when it is first opened (with the mouse, F10 or a test's
   * popup), not at start-up: three menus of a dozen items were ~14 M instructions before the
   * first frame. */
  menu_buttons[0] = self->content_menu_button;
  menu_buttons[1] = self->error_menu_button;
  menu_buttons[2] = self->sidebar_menu_button;
  for (guint i = 0; i < G_N_ELEMENTS (menu_buttons); i++)
    gtk_menu_button_set_create_popup_func (menu_buttons[i], create_main_menu, self, NULL);

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
                               G_CALLBACK (_qa_window_operator_settings_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->settings, "changed::operator-role",
                               G_CALLBACK (_qa_window_operator_settings_changed_cb), self, G_CONNECT_SWAPPED);
    }
  _qa_window_load_operator (self);
  _qa_window_apply_role (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore-latest", FALSE);
  restore_window_state (self);
  visible_page_changed_cb (self, NULL, self->page_stack);
  _qa_window_update_title (self);
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
  _qa_window_pages_let_go (self);
  qa_scoring_view_set_session (self->scoring_view, session);
  _qa_window_set_page_session (self, _qa_window_page_index (gtk_stack_get_visible_child_name (self->page_stack)),
                               session);
  set_reviewer_mode (self, session != NULL && qa_session_is_package (session));
  _qa_window_apply_role (self);

  _qa_window_update_title (self);
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
  g_return_if_fail (_qa_window_page_index (page) >= 0);

  gtk_stack_set_visible_child_name (self->page_stack, page);
}

QaDossiersView *
qa_window_get_dossiers_view (QaWindow *self)
{
  g_return_val_if_fail (QA_IS_WINDOW (self), NULL);

  _qa_window_ensure_page (self, QA_WINDOW_PAGE_DOSSIERS);

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

  _qa_window_ensure_page (self, QA_WINDOW_PAGE_EXPERTS);

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

  _qa_window_ensure_page (self, QA_WINDOW_PAGE_AUDIT);

  return self->audit_view;
}
