/* qa-dossiers-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-dossiers-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "qa-dossier-list.h"
#include "qa-dossier-pane.h"
#include "qa-dossiers-view.h"
#include "qa-problems-dialog.h"
#include "qa-ui-private.h"

struct _QaDossiersView
{
  GtkWidget            parent_instance;

  /* Owned */
  QaSession           *session;
  QaRole               role;

  /* Template widgets */
  QaDossierList       *dossier_list;
  QaDossierPane       *dossier_pane;
  AdwLeaflet          *leaflet;
  GtkStack            *stack;
  AdwToastOverlay     *toast_overlay;
};

G_DEFINE_FINAL_TYPE (QaDossiersView, qa_dossiers_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Where the page stands: the empty state, else the list with the dossier shown (or a new one). */
static void
update_state (QaDossiersView *self)
{
  GListModel *applicants = self->session != NULL ? qa_session_get_applicants (self->session) : NULL;
  guint total = applicants != NULL ? g_list_model_get_n_items (applicants) : 0;
  gboolean is_new = qa_dossier_pane_get_is_new (self->dossier_pane);
  gboolean shown = qa_dossier_pane_get_applicant_id (self->dossier_pane) != NULL || is_new;

  g_assert (QA_IS_DOSSIERS_VIEW (self));

  gtk_stack_set_visible_child_name (self->stack, total > 0 || is_new ? "list" : "empty");
  gtk_widget_set_visible (GTK_WIDGET (self->dossier_pane), shown);
  /* With no dossier below it, the list takes the page. */
  gtk_widget_set_vexpand (GTK_WIDGET (self->dossier_list), !shown);
}

/* Folded: the list or the dossier, one at a time. */
static void
show_leaf (QaDossiersView *self,
           const char     *name)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, name);
}

static void
folded_changed_cb (QaDossiersView *self,
                   GParamSpec     *pspec,
                   AdwLeaflet     *leaflet)
{
  g_assert (QA_IS_DOSSIERS_VIEW (self));

  /* Folding, the page shows the list, unless a dossier is being typed. */
  show_leaf (self, qa_dossier_pane_get_modified (self->dossier_pane) ||
                   qa_dossier_pane_get_is_new (self->dossier_pane) ? "detail" : "list");
}

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  show_leaf (QA_DOSSIERS_VIEW (widget), "list");
}

/* Selection -------------------------------------------------------------------------------- */

/* The session's row of applicant @id, even when the search hides it. */
static QaApplicant *
find_applicant (QaDossiersView *self,
                const char     *id)
{
  return self->session != NULL ? _qa_ui_find_applicant (self->session, id) : NULL;
}

/* Selects the row of @id (none for NULL) without touching the dossier shown. */
static void
select_quietly (QaDossiersView *self,
                const char     *id)
{
  qa_dossier_list_select (self->dossier_list, id);
}

static void
show_applicant (QaDossiersView *self,
                QaApplicant    *applicant)
{
  g_autoptr(GError) error = NULL;

  if (!qa_dossier_pane_show_applicant (self->dossier_pane, applicant, &error))
    _qa_ui_show_error (GTK_WIDGET (self), _("The Dossier Could Not Be Read"), error->message);

  select_quietly (self, qa_dossier_pane_get_applicant_id (self->dossier_pane));
  update_state (self);
}

/* Shows the selected applicant, else the first, else nothing. */
static void
show_selected_or_first (QaDossiersView *self)
{
  g_autoptr(QaApplicant) selected = qa_dossier_list_dup_selected_or_first (self->dossier_list);

  show_applicant (self, selected);
}

static void
start_new (QaDossiersView *self)
{
  select_quietly (self, NULL);
  qa_dossier_pane_start_new (self->dossier_pane);
  update_state (self);
  show_leaf (self, "detail");
}

static void
discard_response_cb (QaDossiersView   *self,
                     const char       *response,
                     AdwMessageDialog *dialog)
{
  const char *target = g_object_get_data (G_OBJECT (dialog), "qa-target");
  g_autoptr(GError) error = NULL;

  g_assert (QA_IS_DOSSIERS_VIEW (self));

  if (g_strcmp0 (response, "save") == 0 && !qa_dossier_pane_save (self->dossier_pane, &error))
    {
      _qa_ui_show_error (GTK_WIDGET (self), _("The Dossier Was Not Saved"), error->message);
      response = "keep";
    }

  if (g_strcmp0 (response, "save") != 0 && g_strcmp0 (response, "discard") != 0)
    {
      select_quietly (self, qa_dossier_pane_get_applicant_id (self->dossier_pane));
      return;
    }

  if (target == NULL)
    start_new (self);
  else
    show_applicant (self, find_applicant (self, target));
}

/* Asks what becomes of the changes not saved before showing @target (NULL: a new applicant). */
static void
ask_to_discard (QaDossiersView *self,
                const char     *target)
{
  const char *shown = qa_dossier_pane_get_applicant_id (self->dossier_pane);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (_qa_ui_get_window (GTK_WIDGET (self)), NULL,
                                   _("The changes are lost unless they are saved."));
  if (shown != NULL)
    adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog),
                                       _("Save the Changes to %s?"), shown);
  else
    adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (dialog), _("Save the New Applicant?"));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save",
                                           qa_dossier_pane_get_can_save (self->dossier_pane));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_object_set_data_full (G_OBJECT (dialog), "qa-target", g_strdup (target), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The user selected the row of @applicant. */
static void
applicant_selected_cb (QaDossiersView *self,
                       QaApplicant    *applicant,
                       QaDossierList  *list)
{
  g_assert (QA_IS_DOSSIERS_VIEW (self));

  if (g_strcmp0 (qa_applicant_get_id (applicant),
                 qa_dossier_pane_get_applicant_id (self->dossier_pane)) == 0)
    qa_dossier_pane_update_applicant (self->dossier_pane, applicant);
  else if (qa_dossier_pane_get_modified (self->dossier_pane))
    ask_to_discard (self, qa_applicant_get_id (applicant));
  else
    show_applicant (self, applicant);
}

/* … and opened it: folded, the dossier takes the page. */
static void
applicant_activated_cb (QaDossiersView *self,
                        QaApplicant    *applicant,
                        QaDossierList  *list)
{
  g_assert (QA_IS_DOSSIERS_VIEW (self));

  show_leaf (self, "detail");
}

/* The session's list was read again: its rows are new objects. */
static void
applicants_reloaded_cb (QaDossiersView *self,
                        QaDossierList  *list)
{
  const char *id = qa_dossier_pane_get_applicant_id (self->dossier_pane);
  QaApplicant *applicant = find_applicant (self, id);

  select_quietly (self, id);

  if (applicant != NULL)
    qa_dossier_pane_update_applicant (self->dossier_pane, applicant);
  else if (!qa_dossier_pane_get_is_new (self->dossier_pane))
    show_selected_or_first (self);

  update_state (self);
}

static void
dossier_saved_cb (QaDossiersView *self,
                  const char     *id,
                  QaDossierPane  *pane)
{
  QaApplicant *applicant;

  g_assert (QA_IS_DOSSIERS_VIEW (self));

  /* A new applicant has a row now. */
  if ((applicant = find_applicant (self, id)) != NULL)
    qa_dossier_pane_update_applicant (pane, applicant);
  select_quietly (self, id);
  update_state (self);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new_format (_("The dossier of %s is saved"), id));
}

static void
new_cancelled_cb (QaDossiersView *self,
                  QaDossierPane  *pane)
{
  g_assert (QA_IS_DOSSIERS_VIEW (self));

  show_selected_or_first (self);
  show_leaf (self, "list");
}

static void
save_from_list_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  QaDossiersView *self = QA_DOSSIERS_VIEW (widget);

  gtk_widget_activate_action (GTK_WIDGET (self->dossier_pane), "dossier.save", NULL);
}

static void
new_applicant_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  QaDossiersView *self = QA_DOSSIERS_VIEW (widget);

  if (qa_dossier_pane_get_modified (self->dossier_pane))
    ask_to_discard (self, NULL);
  else
    start_new (self);
}

/* Import ----------------------------------------------------------------------------------- */

static void
show_refused_import (QaDossiersView *self,
                     const char     *name,
                     const char     *problems)
{
  g_auto(GStrv) lines = g_strsplit (problems, "\n", -1);
  guint n_lines = g_strv_length (lines);
  g_autofree char *basename = g_path_get_basename (name);
  g_autofree char *body = NULL;

  body = g_strdup_printf (ngettext ("“%s” was refused whole because of the problem below; the "
                                    "session is unchanged. Correct it and import the file again.",
                                    "“%s” was refused whole because of the %u problems below; the "
                                    "session is unchanged. Correct them and import the file again.",
                                    n_lines),
                          basename, n_lines);
  gtk_window_present (GTK_WINDOW (qa_problems_dialog_new (_qa_ui_get_window (GTK_WIDGET (self)),
                                                          _("No Applicant Was Imported"), body,
                                                          problems)));
}

static void
import_loaded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(QaDossiersView) self = user_data;
  GFile *file = G_FILE (source);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  guint n_imported = 0;

  bytes = qa_csv_read_file_finish (file, result, &error);
  if (bytes == NULL)
    {
      _qa_ui_show_error (GTK_WIDGET (self), _("The File Could Not Be Read"), error->message);
      return;
    }

  if (self->session == NULL)
    return;

  if (!qa_applicants_import_csv (self->session, bytes, name, &n_imported, &error))
    {
      /* A refused file names its problems a line each; anything else is one message. */
      if (error->domain == QA_DOSSIER_ERROR || error->domain == QA_CSV_ERROR)
        show_refused_import (self, name, error->message);
      else
        _qa_ui_show_error (GTK_WIDGET (self), _("No Applicant Was Imported"), error->message);
      return;
    }

  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new_format (ngettext ("Imported %u applicant",
                                                               "Imported %u applicants",
                                                               n_imported),
                                                     n_imported));
  if (qa_dossier_pane_get_applicant_id (self->dossier_pane) == NULL &&
      !qa_dossier_pane_get_is_new (self->dossier_pane))
    show_selected_or_first (self);
}

static void
import_chosen (GtkWidget      *widget,
               GFile          *file,
               GtkFileChooser *chooser)
{
  qa_dossiers_view_import_file (QA_DOSSIERS_VIEW (widget), file);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  GtkFileChooserNative *chooser;

  chooser = _qa_ui_file_chooser_new (widget, _("Import Applicants"), GTK_FILE_CHOOSER_ACTION_OPEN,
                                     _("_Import"));
  _qa_ui_add_file_filter (chooser, _("CSV files"), "text/csv", "*.csv");
  _qa_ui_add_file_filter (chooser, _("All files"), NULL, "*");
  _qa_ui_run_file_chooser (chooser, widget, import_chosen);
}

/* The session-wide Art. 13 check --------------------------------------------------------------- */

static void
check_eligibility_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  QaDossiersView *self = QA_DOSSIERS_VIEW (widget);
  guint counts[QA_ELIGIBILITY_PENDING + 1] = { 0 };
  g_autofree char *eligible = NULL;
  g_autofree char *ineligible = NULL;
  g_autofree char *pending = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *applicants;

  if (!qa_applicants_store_eligibility (self->session, &error))
    {
      _qa_ui_show_error (widget, _("The Eligibility Check Was Not Stored"), error->message);
      return;
    }

  applicants = qa_session_get_applicants (self->session);
  for (guint i = 0; i < g_list_model_get_n_items (applicants); i++)
    {
      g_autoptr(QaApplicant) applicant = g_list_model_get_item (applicants, i);

      counts[qa_applicant_get_eligibility (applicant)]++;
    }

  eligible = g_strdup_printf (ngettext ("%u eligible", "%u eligible",
                                        counts[QA_ELIGIBILITY_ELIGIBLE]),
                              counts[QA_ELIGIBILITY_ELIGIBLE]);
  ineligible = g_strdup_printf (ngettext ("%u not eligible", "%u not eligible",
                                          counts[QA_ELIGIBILITY_INELIGIBLE]),
                                counts[QA_ELIGIBILITY_INELIGIBLE]);
  pending = g_strdup_printf (ngettext ("%u awaiting judgement", "%u awaiting judgement",
                                       counts[QA_ELIGIBILITY_PENDING]),
                             counts[QA_ELIGIBILITY_PENDING]);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               /* Translators: the outcome of the check of all applicants, e.g.
                                * “Eligibility checked: 5 eligible, 2 not eligible, 1 awaiting
                                * judgement” */
                               adw_toast_new_format (_("Eligibility checked: %s, %s, %s"),
                                                     eligible, ineligible, pending));
}

static void
update_actions (QaDossiersView *self)
{
  gboolean may_register = self->session != NULL &&
                          qa_role_allows (self->role, QA_PERMISSION_REGISTER);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dossiers.import", may_register);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dossiers.new-applicant", may_register);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dossiers.check-eligibility", may_register);
}

/* -------------------------------------------------------------------------------------------- */

static void
qa_dossiers_view_dispose (GObject *object)
{
  QaDossiersView *self = (QaDossiersView *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), QA_TYPE_DOSSIERS_VIEW);
  _qa_ui_dispose_children (GTK_WIDGET (self));
  g_clear_object (&self->session);

  G_OBJECT_CLASS (qa_dossiers_view_parent_class)->dispose (object);
}

static void
qa_dossiers_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  QaDossiersView *self = QA_DOSSIERS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_dossiers_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  QaDossiersView *self = QA_DOSSIERS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      qa_dossiers_view_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_dossiers_view_class_init (QaDossiersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qa_dossiers_view_dispose;
  object_class->get_property = qa_dossiers_view_get_property;
  object_class->set_property = qa_dossiers_view_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         QA_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (QA_TYPE_DOSSIER_LIST);
  g_type_ensure (QA_TYPE_DOSSIER_PANE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/qa-dossiers-view.ui");
  gtk_widget_class_bind_template_child (widget_class, QaDossiersView, dossier_list);
  gtk_widget_class_bind_template_child (widget_class, QaDossiersView, dossier_pane);
  gtk_widget_class_bind_template_child (widget_class, QaDossiersView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, QaDossiersView, stack);
  gtk_widget_class_bind_template_child (widget_class, QaDossiersView, toast_overlay);
  gtk_widget_class_bind_template_callback (widget_class, applicant_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, applicant_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, applicants_reloaded_cb);
  gtk_widget_class_bind_template_callback (widget_class, dossier_saved_cb);
  gtk_widget_class_bind_template_callback (widget_class, folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_cancelled_cb);

  gtk_widget_class_install_action (widget_class, "dossiers.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "dossiers.new-applicant", NULL,
                                   new_applicant_action);
  gtk_widget_class_install_action (widget_class, "dossiers.check-eligibility", NULL,
                                   check_eligibility_action);

  gtk_widget_class_install_action (widget_class, "dossiers.save", NULL, save_from_list_action);
  gtk_widget_class_install_action (widget_class, "dossiers.show-list", NULL, show_list_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK,
                                       "dossiers.import", NULL);
  /* Ctrl+S saves the dossier from the list too, not only from inside the form. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "dossiers.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "dossiers.new-applicant", NULL);

  gtk_widget_class_set_css_name (widget_class, "dossiers-view");
}

static void
qa_dossiers_view_init (QaDossiersView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_object_bind_property (self->leaflet, "folded",
                          qa_dossier_pane_get_back_button (self->dossier_pane), "visible",
                          G_BINDING_SYNC_CREATE);
  update_actions (self);
  update_state (self);
}

GtkWidget *
qa_dossiers_view_new (void)
{
  return g_object_new (QA_TYPE_DOSSIERS_VIEW, NULL);
}

QaSession *
qa_dossiers_view_get_session (QaDossiersView *self)
{
  g_return_val_if_fail (QA_IS_DOSSIERS_VIEW (self), NULL);

  return self->session;
}

void
qa_dossiers_view_set_session (QaDossiersView *self,
                              QaSession      *session)
{
  g_return_if_fail (QA_IS_DOSSIERS_VIEW (self));
  g_return_if_fail (!session || QA_IS_SESSION (session));

  if (self->session == session)
    return;

  g_set_object (&self->session, session);
  qa_dossier_list_set_applicants (self->dossier_list,
                                  session != NULL ? qa_session_get_applicants (session) : NULL);
  qa_dossier_pane_set_session (self->dossier_pane, session);
  show_selected_or_first (self);
  /* A session opens on its list, folded or not. */
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

void
qa_dossiers_view_set_role (QaDossiersView *self,
                           QaRole          role)
{
  g_return_if_fail (QA_IS_DOSSIERS_VIEW (self));

  self->role = role;
  qa_dossier_pane_set_role (self->dossier_pane, role);
  update_actions (self);
}

void
qa_dossiers_view_focus_search (QaDossiersView *self)
{
  g_return_if_fail (QA_IS_DOSSIERS_VIEW (self));

  qa_dossier_list_focus_search (self->dossier_list);
}

GtkSelectionModel *
qa_dossiers_view_get_model (QaDossiersView *self)
{
  g_return_val_if_fail (QA_IS_DOSSIERS_VIEW (self), NULL);

  return qa_dossier_list_get_model (self->dossier_list);
}

guint
qa_dossiers_view_get_visible_count (QaDossiersView *self)
{
  g_return_val_if_fail (QA_IS_DOSSIERS_VIEW (self), 0);

  return qa_dossier_list_get_n_shown (self->dossier_list);
}

GtkEditable *
qa_dossiers_view_get_search_entry (QaDossiersView *self)
{
  g_return_val_if_fail (QA_IS_DOSSIERS_VIEW (self), NULL);

  return qa_dossier_list_get_search_entry (self->dossier_list);
}

QaDossierPane *
qa_dossiers_view_get_pane (QaDossiersView *self)
{
  g_return_val_if_fail (QA_IS_DOSSIERS_VIEW (self), NULL);

  return self->dossier_pane;
}

void
qa_dossiers_view_import_file (QaDossiersView *self,
                              GFile          *file)
{
  g_return_if_fail (QA_IS_DOSSIERS_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* Read with the import's bound: /dev/zero or a FIFO is refused at the limit. */
  qa_csv_read_file_async (file, NULL, import_loaded_cb, g_object_ref (self));
}
