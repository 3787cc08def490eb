/* qa-conflict-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-conflict-dialog"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "qa-conflict-dialog.h"
#include "qa-experts-ui-private.h"
#include "qa-ui-private.h"

typedef struct
{
  QaSession     *session;
  char          *expert_id;
  GStrv          applicant_ids;
  AdwComboRow   *applicant_row;
  AdwComboRow   *kind_row;
  AdwComboRow   *source_row;
  AdwEntryRow   *note_row;
} ConflictForm;

static void
conflict_form_free (ConflictForm *form)
{
  g_clear_object (&form->session);
  g_free (form->expert_id);
  g_strfreev (form->applicant_ids);
  g_free (form);
}

static const QaConflictSource conflict_sources[] = { QA_CONFLICT_DECLARED, QA_CONFLICT_SECRETARIAT };

static void
conflict_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      GtkWidget        *parent)
{
  ConflictForm *form = g_object_get_data (G_OBJECT (dialog), "form");
  guint applicant = adw_combo_row_get_selected (form->applicant_row);
  guint kind = adw_combo_row_get_selected (form->kind_row);
  guint source = adw_combo_row_get_selected (form->source_row);
  g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (form->note_row))));
  g_autofree char *label = NULL;
  g_autofree char *done = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "add") != 0)
    return;

  if (applicant >= g_strv_length (form->applicant_ids) || kind > QA_CONFLICT_OTHER ||
      source >= G_N_ELEMENTS (conflict_sources))
    return;

  label = _qa_experts_ui_dup_expert_label (form->session, form->expert_id);
  if (!qa_experts_add_conflict (form->session, form->expert_id, form->applicant_ids[applicant],
                                kind, conflict_sources[source], note[0] != '\0' ? note : NULL,
                                &error))
    {
      _qa_ui_show_error (parent, _("The Conflict Could Not Be Recorded"), error->message);
      return;
    }

  /* Translators: %s is an expert, e.g. “刘芳 (E04)” */
  done = g_strdup_printf (_("Tie of %s recorded"), label);
  _qa_ui_add_toast (parent, adw_toast_new (done));
}

static AdwComboRow *
combo_row_new (const char         *title,
               const char * const *choices)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
  g_autoptr(GtkStringList) model = gtk_string_list_new (choices);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (row, G_LIST_MODEL (model));

  return row;
}

static GtkWidget *
conflict_form_new (ConflictForm *form)
{
  GListModel *applicants = qa_session_get_applicants (form->session);
  guint n_applicants = g_list_model_get_n_items (applicants);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_null_terminated (n_applicants, g_free, TRUE);
  g_autoptr(GPtrArray) kind_labels = g_ptr_array_new_with_free_func (g_free);
  const char *kinds[QA_CONFLICT_OTHER + 2] = { NULL, };
  const char *sources[G_N_ELEMENTS (conflict_sources) + 1] = { NULL, };
  GtkWidget *list;

  form->applicant_ids = g_new0 (char *, n_applicants + 1);
  for (guint i = 0; i < n_applicants; i++)
    {
      g_autoptr(QaApplicant) applicant = g_list_model_get_item (applicants, i);

      form->applicant_ids[i] = g_strdup (qa_applicant_get_id (applicant));
      g_ptr_array_add (labels, g_strdup_printf ("%s %s", qa_applicant_get_id (applicant),
                                                qa_applicant_get_name (applicant)));
    }
  for (guint i = 0; i <= QA_CONFLICT_OTHER; i++)
    {
      g_ptr_array_add (kind_labels, _qa_experts_ui_dup_kind_label (qa_session_get_profile (form->session), i));
      kinds[i] = g_ptr_array_index (kind_labels, i);
    }
  for (guint i = 0; i < G_N_ELEMENTS (conflict_sources); i++)
    sources[i] = qa_conflict_source_get_label (conflict_sources[i]);

  form->applicant_row = combo_row_new (_("Applicant"), (const char * const *)labels->pdata);
  form->kind_row = combo_row_new (_("Kind"), kinds);
  form->source_row = combo_row_new (_("Recorded By"), sources);
  form->note_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->note_row), _("Note"));

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (form->applicant_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (form->kind_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (form->source_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (form->note_row));

  return list;
}

AdwMessageDialog *
qa_conflict_dialog_new (GtkWidget  *parent,
                        QaSession  *session,
                        const char *expert_id)
{
  g_autofree char *label = NULL;
  AdwMessageDialog *dialog;
  ConflictForm *form;

  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (QA_IS_SESSION (session), NULL);
  g_return_val_if_fail (expert_id != NULL, NULL);

  label = _qa_experts_ui_dup_expert_label (session, expert_id);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (_qa_ui_get_window (parent), NULL,
                                                       _("An expert does not score an applicant they "
                                                         "have a tie with. A panel member tied to "
                                                         "the applicant is withdrawn from it at once.")));
  /* Translators: %s is an expert, e.g. “刘芳 (E04)” */
  adw_message_dialog_format_heading (dialog, _("Add a Conflict of Interest for %s"), label);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "add");
  adw_message_dialog_set_close_response (dialog, "cancel");

  form = g_new0 (ConflictForm, 1);
  form->session = g_object_ref (session);
  form->expert_id = g_strdup (expert_id);
  adw_message_dialog_set_extra_child (dialog, conflict_form_new (form));
  g_object_set_data_full (G_OBJECT (dialog), "form", form, (GDestroyNotify)conflict_form_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (conflict_response_cb), parent, 0);

  return dialog;
}
