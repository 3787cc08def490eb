/* qa-package-export-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-package-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "qa-exchange-private.h"
#include "qa-outcome-list.h"
#include "qa-package-export-dialog.h"
#include "qa-ui-private.h"

static const QaStage review_stages[] = { QA_STAGE_MATERIAL, QA_STAGE_SITE };

struct _QaPackageExportDialog
{
  AdwWindow            parent_instance;

  /* Owned */
  QaSession           *session;
  GFile               *folder;
  GCancellable        *cancellable;
  /* The stages offered, in the order of the stage row (QaStage). */
  GArray              *stages;
  /* One row per panel member, with its reference as "qa-reviewer" and its GtkCheckButton as
   * "qa-check"; the group owns them. */
  GPtrArray           *reviewer_rows;
  /* The reviewers still to export, last first. */
  GPtrArray           *queue;
  char                *exporting_reviewer;
  QaStage              exporting_stage;

  /* Template widgets */
  GtkButton           *cancel_button;
  GtkButton           *export_button;
  AdwActionRow        *folder_row;
  GtkWidget           *open_folder_button;
  QaOutcomeList       *outcome_list;
  AdwPreferencesGroup *reviewers_group;
  GtkStack            *stack;
  GtkStringList       *stage_names;
  AdwComboRow         *stage_row;
};

G_DEFINE_FINAL_TYPE (QaPackageExportDialog, qa_package_export_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_export_button (QaPackageExportDialog *self)
{
  g_auto(GStrv) reviewers = qa_package_export_dialog_dup_reviewers (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button),
                            self->stages->len > 0 && self->folder != NULL && reviewers[0] != NULL);
}

static void
update_folder_row (QaPackageExportDialog *self)
{
  g_autofree char *path = NULL;

  if (self->folder != NULL)
    path = g_file_get_parse_name (self->folder);

  adw_action_row_set_subtitle (self->folder_row, path != NULL ? path : _("No folder chosen"));
  update_export_button (self);
}

static void
reviewer_toggled_cb (QaPackageExportDialog *self,
                     GtkCheckButton        *check)
{
  g_assert (QA_IS_PACKAGE_EXPORT_DIALOG (self));

  update_export_button (self);
}

static char *
describe_reviewer (const char *reviewer_id,
                   gboolean    is_chair,
                   guint       n_applicants)
{
  g_autofree char *applicants = NULL;

  if (n_applicants == 0)
    applicants = g_strdup (_("no applicant assigned"));
  else
    /* Translators: how many applicants a reviewer's package holds */
    applicants = g_strdup_printf (ngettext ("%u applicant", "%u applicants", n_applicants),
                                  n_applicants);

  if (is_chair)
    /* Translators: a panel member in the list, e.g. “E01 · panel chair · 5 applicants” */
    return g_strdup_printf (_("%s · panel chair · %s"), reviewer_id, applicants);

  /* Translators: a panel member in the list, e.g. “E03 · 5 applicants” */
  return g_strdup_printf (_("%s · %s"), reviewer_id, applicants);
}

static GtkWidget *
create_reviewer_row (QaPackageExportDialog *self,
                     const char            *reviewer_id,
                     gboolean               is_chair,
                     QaStage                stage)
{
  g_autofree char *name = qa_experts_dup_name (self->session, reviewer_id);
  g_auto(GStrv) applicants = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autoptr(GError) error = NULL;
  guint n_applicants;

  applicants = qa_scores_assigned_applicants (self->session, reviewer_id, stage, &error);
  n_applicants = applicants != NULL ? g_strv_length (applicants) : 0;
  /* A file that cannot be read says so, rather than passing for a reviewer with nothing to do. */
  subtitle = applicants == NULL && error != NULL ? g_strdup (error->message)
                                                 : describe_reviewer (reviewer_id, is_chair, n_applicants);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  /* Without an applicant there is nothing to hand over. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), n_applicants > 0);
  gtk_widget_set_sensitive (row, n_applicants > 0);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  g_signal_connect_object (check, "toggled", G_CALLBACK (reviewer_toggled_cb), self, G_CONNECT_SWAPPED);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  g_object_set_data_full (G_OBJECT (row), "qa-reviewer", g_strdup (reviewer_id), g_free);
  g_object_set_data (G_OBJECT (row), "qa-check", check);

  return row;
}

static void
show_reviewers (QaPackageExportDialog *self)
{
  g_autoptr(QaPanel) panel = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *members;
  QaStage stage;

  for (guint i = 0; i < self->reviewer_rows->len; i++)
    adw_preferences_group_remove (self->reviewers_group, g_ptr_array_index (self->reviewer_rows, i));
  g_ptr_array_set_size (self->reviewer_rows, 0);

  if (self->stages->len == 0)
    return;

  stage = qa_package_export_dialog_get_stage (self);
  panel = qa_panel_load (self->session, stage, &error);
  if (panel == NULL)
    {
      adw_preferences_group_set_description (self->reviewers_group, error->message);
      return;
    }

  adw_preferences_group_set_description (self->reviewers_group,
                                         _("One package for each: the applicants assigned to the "
                                           "reviewer with their dossiers and materials, and "
                                           "nothing else."));

  members = qa_panel_get_members (panel);
  for (guint i = 0; members != NULL && members[i] != NULL; i++)
    {
      gboolean is_chair = g_strcmp0 (members[i], qa_panel_get_chair_id (panel)) == 0;
      GtkWidget *row = create_reviewer_row (self, members[i], is_chair, stage);

      adw_preferences_group_add (self->reviewers_group, row);
      g_ptr_array_add (self->reviewer_rows, row);
    }

  update_export_button (self);
}

static void
selected_stage_changed_cb (QaPackageExportDialog *self,
                           GParamSpec            *pspec,
                           AdwComboRow           *row)
{
  g_assert (QA_IS_PACKAGE_EXPORT_DIALOG (self));

  show_reviewers (self);
}

/* The stages whose panel is formed: only their members can be given a package. */
static void
find_stages (QaPackageExportDialog *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (review_stages); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(QaPanel) panel = qa_panel_load (self->session, review_stages[i], &error);

      if (panel == NULL)
        {
          /* Not formed is an answer; anything else is shown, not taken for one. */
          if (!g_error_matches (error, QA_PANEL_ERROR, QA_PANEL_ERROR_NOT_FORMED))
            _qa_ui_show_error (GTK_WIDGET (self), _("The Panels Could Not Be Read"), error->message);
          continue;
        }

      g_array_append_val (self->stages, review_stages[i]);
      gtk_string_list_append (self->stage_names, qa_stage_get_title (review_stages[i]));
    }

  if (self->stages->len == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "none");
      gtk_widget_set_visible (GTK_WIDGET (self->export_button), FALSE);
      return;
    }

  /* The stage under way comes first when it has a panel. */
  for (guint i = 0; i < self->stages->len; i++)
    {
      if (g_array_index (self->stages, QaStage, i) == qa_session_get_stage (self->session))
        adw_combo_row_set_selected (self->stage_row, i);
    }
  show_reviewers (self);
}

static void
folder_response_cb (GtkNativeDialog       *chooser,
                    int                    response,
                    QaPackageExportDialog *self)
{
  g_assert (QA_IS_PACKAGE_EXPORT_DIALOG (self));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (folder != NULL)
        qa_package_export_dialog_set_folder (self, folder);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_folder_cb (QaPackageExportDialog *self,
                  GtkButton             *button)
{
  GtkFileChooserNative *chooser;

  g_assert (QA_IS_PACKAGE_EXPORT_DIALOG (self));

  chooser = gtk_file_chooser_native_new (_("Folder for the Review Packages"),
                                         GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Select"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (self->folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), self->folder, NULL);

  /* The reference is dropped in the response handler. */
  g_signal_connect_object (chooser, "response", G_CALLBACK (folder_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_folder_cb (QaPackageExportDialog *self,
                GtkButton             *button)
{
  g_autofree char *uri = NULL;

  g_assert (QA_IS_PACKAGE_EXPORT_DIALOG (self));

  if (self->folder == NULL)
    return;

  uri = g_file_get_uri (self->folder);
  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
export_clicked_cb (QaPackageExportDialog *self,
                   GtkButton             *button)
{
  g_assert (QA_IS_PACKAGE_EXPORT_DIALOG (self));

  qa_package_export_dialog_export (self);
}

static void
cancel_clicked_cb (QaPackageExportDialog *self,
                   GtkButton             *button)
{
  g_assert (QA_IS_PACKAGE_EXPORT_DIALOG (self));

  gtk_window_close (GTK_WINDOW (self));
}

static void export_next (QaPackageExportDialog *self);

static void
finish_export (QaPackageExportDialog *self)
{
  g_autofree char *folder = g_file_get_parse_name (self->folder);
  guint n_written = qa_outcome_list_count (self->outcome_list, QA_OUTCOME_WRITTEN);
  guint n_refused = qa_outcome_list_count (self->outcome_list, QA_OUTCOME_REFUSED);
  g_autofree char *summary = NULL;

  if (n_refused == 0)
    /* Translators: after exporting, e.g. “7 review packages written to /home/…/Documents” */
    summary = g_strdup_printf (ngettext ("%u review package written to %s",
                                         "%u review packages written to %s", n_written),
                               n_written, folder);
  else
    /* Translators: after exporting, e.g. “5 review packages written to /home/…, 2 not” */
    summary = g_strdup_printf (ngettext ("%u review package written to %s, %u not",
                                         "%u review packages written to %s, %u not", n_written),
                               n_written, folder, n_refused);

  qa_outcome_list_finish (self->outcome_list, summary);
  gtk_widget_set_visible (self->open_folder_button, n_written > 0);
  gtk_button_set_label (self->cancel_button, _("_Close"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), TRUE);
}

static void
package_exported_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(QaPackageExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  const char *reviewer;
  g_autofree char *file_name = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *name = NULL;
  QaOutcome outcome;

  /* Closed meanwhile: the package is written, there is no one left to tell. */
  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  reviewer = self->exporting_reviewer;
  file_name = _qa_exchange_dup_file_name (reviewer, self->exporting_stage, "qapkg");
  name = qa_experts_dup_name (self->session, reviewer);

  if (qa_package_export_finish (QA_SESSION (source), result, &error))
    {
      outcome = QA_OUTCOME_WRITTEN;
      /* Translators: a package written, e.g. “For 张明 (E03)” */
      detail = g_strdup_printf (_("For %s (%s)"), name, reviewer);
    }
  else
    {
      outcome = QA_OUTCOME_REFUSED;
      detail = g_strdup (error->message);
    }

  qa_outcome_list_add (self->outcome_list, outcome, file_name, detail);
  export_next (self);
}

static void
export_next (QaPackageExportDialog *self)
{
  g_autofree char *reviewer = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *name = NULL;
  g_autofree char *progress = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (self->queue->len == 0)
    {
      finish_export (self);
      return;
    }

  reviewer = g_ptr_array_steal_index (self->queue, self->queue->len - 1);
  file_name = _qa_exchange_dup_file_name (reviewer, self->exporting_stage, "qapkg");
  file = g_file_get_child (self->folder, file_name);
  path = g_file_get_path (file);
  name = qa_experts_dup_name (self->session, reviewer);

  /* Translators: while a package is written, e.g. “Writing the package of 张明…” */
  progress = g_strdup_printf (_("Writing the package of %s…"), name);
  qa_outcome_list_set_progress (self->outcome_list, progress);

  /* A folder was chosen, no file: a package issued there before is replaced by the new one, a
   * session there never. */
  qa_package_export_async (self->session, reviewer, self->exporting_stage, path,
                           QA_OUTPUT_REPLACE_PACKAGE, NULL,
                           package_exported_cb, g_object_ref (self));
  g_free (self->exporting_reviewer);
  self->exporting_reviewer = g_steal_pointer (&reviewer);
}

static void
qa_package_export_dialog_constructed (GObject *object)
{
  QaPackageExportDialog *self = (QaPackageExportDialog *)object;

  G_OBJECT_CLASS (qa_package_export_dialog_parent_class)->constructed (object);

  find_stages (self);
  /* Enter exports what is offered; Tab reaches the choices. */
  if (gtk_widget_get_visible (GTK_WIDGET (self->export_button)))
    gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->export_button));
}

static void
qa_package_export_dialog_dispose (GObject *object)
{
  QaPackageExportDialog *self = (QaPackageExportDialog *)object;

  g_cancellable_cancel (self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), QA_TYPE_PACKAGE_EXPORT_DIALOG);
  g_clear_object (&self->session);
  g_clear_object (&self->folder);
  g_clear_pointer (&self->stages, g_array_unref);
  g_clear_pointer (&self->reviewer_rows, g_ptr_array_unref);
  g_clear_pointer (&self->queue, g_ptr_array_unref);
  g_clear_pointer (&self->exporting_reviewer, g_free);

  G_OBJECT_CLASS (qa_package_export_dialog_parent_class)->dispose (object);
}

static void
qa_package_export_dialog_finalize (GObject *object)
{
  QaPackageExportDialog *self = (QaPackageExportDialog *)object;

  /* Kept until now: an export still running checks it when it ends. */
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (qa_package_export_dialog_parent_class)->finalize (object);
}

static void
qa_package_export_dialog_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  QaPackageExportDialog *self = QA_PACKAGE_EXPORT_DIALOG (object);

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
qa_package_export_dialog_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  QaPackageExportDialog *self = QA_PACKAGE_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_package_export_dialog_class_init (QaPackageExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = qa_package_export_dialog_constructed;
  object_class->dispose = qa_package_export_dialog_dispose;
  object_class->finalize = qa_package_export_dialog_finalize;
  object_class->get_property = qa_package_export_dialog_get_property;
  object_class->set_property = qa_package_export_dialog_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         QA_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (QA_TYPE_OUTCOME_LIST);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/qa-package-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, QaPackageExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, QaPackageExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, QaPackageExportDialog, folder_row);
  gtk_widget_class_bind_template_child (widget_class, QaPackageExportDialog, open_folder_button);
  gtk_widget_class_bind_template_child (widget_class, QaPackageExportDialog, outcome_list);
  gtk_widget_class_bind_template_child (widget_class, QaPackageExportDialog, reviewers_group);
  gtk_widget_class_bind_template_child (widget_class, QaPackageExportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, QaPackageExportDialog, stage_names);
  gtk_widget_class_bind_template_child (widget_class, QaPackageExportDialog, stage_row);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_folder_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_folder_cb);
  gtk_widget_class_bind_template_callback (widget_class, selected_stage_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
qa_package_export_dialog_init (QaPackageExportDialog *self)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->stages = g_array_new (FALSE, FALSE, sizeof (QaStage));
  self->reviewer_rows = g_ptr_array_new ();
  self->queue = g_ptr_array_new_with_free_func (g_free);

  self->folder = g_file_new_for_path (documents != NULL ? documents : g_get_home_dir ());
  update_folder_row (self);
}

QaPackageExportDialog *
qa_package_export_dialog_new (GtkWindow *parent,
                              QaSession *session)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (QA_IS_SESSION (session), NULL);

  return g_object_new (QA_TYPE_PACKAGE_EXPORT_DIALOG,
                       "transient-for", parent,
                       "session", session,
                       NULL);
}

QaStage
qa_package_export_dialog_get_stage (QaPackageExportDialog *self)
{
  guint selected;

  g_return_val_if_fail (QA_IS_PACKAGE_EXPORT_DIALOG (self), QA_STAGE_MATERIAL);

  selected = adw_combo_row_get_selected (self->stage_row);
  if (selected >= self->stages->len)
    return QA_STAGE_MATERIAL;

  return g_array_index (self->stages, QaStage, selected);
}

void
qa_package_export_dialog_set_folder (QaPackageExportDialog *self,
                                     GFile                 *folder)
{
  g_return_if_fail (QA_IS_PACKAGE_EXPORT_DIALOG (self));
  g_return_if_fail (!folder || G_IS_FILE (folder));

  g_set_object (&self->folder, folder);
  update_folder_row (self);
}

GStrv
qa_package_export_dialog_dup_reviewers (QaPackageExportDialog *self)
{
  g_autoptr(GStrvBuilder) reviewers = g_strv_builder_new ();

  g_return_val_if_fail (QA_IS_PACKAGE_EXPORT_DIALOG (self), NULL);

  for (guint i = 0; i < self->reviewer_rows->len; i++)
    {
      GObject *row = g_ptr_array_index (self->reviewer_rows, i);

      if (gtk_widget_get_sensitive (GTK_WIDGET (row)) &&
          gtk_check_button_get_active (g_object_get_data (row, "qa-check")))
        g_strv_builder_add (reviewers, g_object_get_data (row, "qa-reviewer"));
    }

  return g_strv_builder_end (reviewers);
}

void
qa_package_export_dialog_export (QaPackageExportDialog *self)
{
  g_auto(GStrv) reviewers = NULL;
  guint n;

  g_return_if_fail (QA_IS_PACKAGE_EXPORT_DIALOG (self));

  if (qa_outcome_list_get_busy (self->outcome_list) || self->folder == NULL || self->stages->len == 0)
    return;

  reviewers = qa_package_export_dialog_dup_reviewers (self);
  n = g_strv_length (reviewers);
  if (n == 0)
    return;

  self->exporting_stage = qa_package_export_dialog_get_stage (self);
  for (guint i = n; i > 0; i--)
    g_ptr_array_add (self->queue, g_strdup (reviewers[i - 1]));

  gtk_widget_set_visible (GTK_WIDGET (self->export_button), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), FALSE);
  qa_outcome_list_start (self->outcome_list, qa_stage_get_title (self->exporting_stage));
  gtk_stack_set_visible_child_name (self->stack, "results");

  export_next (self);
}

QaOutcomeList *
qa_package_export_dialog_get_outcome_list (QaPackageExportDialog *self)
{
  g_return_val_if_fail (QA_IS_PACKAGE_EXPORT_DIALOG (self), NULL);

  return self->outcome_list;
}
