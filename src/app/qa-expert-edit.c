/* qa-expert-edit.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-expert-edit"

#include "config.h"

#include <glib/gi18n.h>

#include "qa-expert-edit.h"
#include "qa-experts-ui-private.h"
#include "qa-ui-private.h"

typedef struct
{
  GtkWidget     *parent;     /* not owned: the view the dialog was opened from */
  QaSession     *session;
  char          *expert_id;
  AdwEntryRow   *first_row;  /* employer, or the course */
  AdwEntryRow   *second_row; /* title, or the date */
  GtkSpinButton *years_spin; /* NULL in the training dialog */
} EditForm;

static void
edit_form_free (EditForm *form)
{
  g_clear_object (&form->session);
  g_free (form->expert_id);
  g_free (form);
}

static EditForm *
edit_form_new (GtkWidget  *parent,
               QaSession  *session,
               const char *expert_id)
{
  EditForm *form = g_new0 (EditForm, 1);

  form->parent = parent;
  form->session = g_object_ref (session);
  form->expert_id = g_strdup (expert_id);
  return form;
}

static AdwEntryRow *
add_entry_row (GtkWidget  *list,
               const char *title,
               const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return ADW_ENTRY_ROW (row);
}

/* The boxed list of @form's two entries (each dialog's first and second field), labelled
 * @first and @second and filled with their values (NULL: empty). */
static GtkWidget *
form_list_new (EditForm   *form,
               const char *first,
               const char *first_value,
               const char *second,
               const char *second_value)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  form->first_row = add_entry_row (list, first, first_value);
  form->second_row = add_entry_row (list, second, second_value);
  return list;
}

static AdwMessageDialog *
dialog_new (EditForm   *form,
            const char *heading,
            const char *body,
            const char *verb,
            GtkWidget  *list)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (_qa_ui_get_window (form->parent), heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "apply", verb, NULL);
  adw_message_dialog_set_response_appearance (dialog, "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "apply");
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_extra_child (dialog, list);
  g_object_set_data_full (G_OBJECT (dialog), "qa-form", form, (GDestroyNotify)edit_form_free);
  return dialog;
}

static void
edit_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  EditForm         *form)
{
  g_autofree char *label = NULL;
  g_autofree char *done = NULL;
  g_autoptr(GError) error = NULL;
  QaExpertChange change = { NULL, NULL, -1 };
  g_autoptr(QaExpert) expert = NULL;

  if (g_strcmp0 (response, "apply") != 0)
    return;

  expert = qa_experts_lookup (form->session, form->expert_id);
  if (expert == NULL)
    return;

  /* Only what was changed is sent, so the audit trail names only that. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (form->first_row)), qa_expert_get_employer (expert)) != 0)
    change.employer = gtk_editable_get_text (GTK_EDITABLE (form->first_row));
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (form->second_row)),
                 qa_expert_get_title (expert) != NULL ? qa_expert_get_title (expert) : "") != 0)
    change.title = gtk_editable_get_text (GTK_EDITABLE (form->second_row));
  if ((guint)gtk_spin_button_get_value_as_int (form->years_spin) != qa_expert_get_experience_years (expert))
    change.experience_years = gtk_spin_button_get_value_as_int (form->years_spin);

  label = _qa_experts_ui_dup_expert_label (form->session, form->expert_id);
  if (!qa_experts_update (form->session, form->expert_id, &change, &error))
    {
      _qa_ui_show_error (form->parent, _("The Record Was Not Changed"), error->message);
      return;
    }

  done = g_strdup_printf (_("The record of %s is changed"), label);
  _qa_ui_add_toast (form->parent, adw_toast_new (done));
}

AdwMessageDialog *
qa_expert_edit_dialog_new (GtkWidget  *parent,
                           QaSession  *session,
                           const char *expert_id)
{
  g_autoptr(QaExpert) expert = qa_experts_lookup (session, expert_id);
  g_autofree char *label = NULL;
  g_autofree char *heading = NULL;
  EditForm *form;
  GtkWidget *list;
  GtkWidget *years_row;
  AdwMessageDialog *dialog;

  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (QA_IS_SESSION (session), NULL);
  g_return_val_if_fail (expert != NULL, NULL);

  form = edit_form_new (parent, session, expert_id);

  list = form_list_new (form, _("_Employer"), qa_expert_get_employer (expert),
                        _("_Title"), qa_expert_get_title (expert));
  years_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (years_row), _("Years of E_xperience"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (years_row), TRUE);
  form->years_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, QA_EXPERTS_MAX_EXPERIENCE_YEARS, 1));
  gtk_spin_button_set_value (form->years_spin, qa_expert_get_experience_years (expert));
  gtk_widget_set_valign (GTK_WIDGET (form->years_spin), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (years_row), GTK_WIDGET (form->years_spin));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (years_row), GTK_WIDGET (form->years_spin));
  gtk_list_box_append (GTK_LIST_BOX (list), years_row);

  label = _qa_experts_ui_dup_expert_label (session, expert_id);
  /* Translators: %s is an expert, e.g. “孙立 (E08)” */
  heading = g_strdup_printf (_("Correct the Record of %s"), label);
  dialog = dialog_new (form, heading,
                       _("The change and the old values are noted in the audit trail."),
                       _("C_hange"), list);
  g_signal_connect (dialog, "response", G_CALLBACK (edit_response_cb), form);
  return dialog;
}

static void
training_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      EditForm         *form)
{
  g_autofree char *label = NULL;
  g_autofree char *done = NULL;
  g_autoptr(GError) error = NULL;
  const char *date;

  if (g_strcmp0 (response, "apply") != 0)
    return;

  date = gtk_editable_get_text (GTK_EDITABLE (form->second_row));
  label = _qa_experts_ui_dup_expert_label (form->session, form->expert_id);
  if (!qa_experts_record_training (form->session, form->expert_id,
                                   gtk_editable_get_text (GTK_EDITABLE (form->first_row)),
                                   *date != '\0' ? date : NULL, &error))
    {
      _qa_ui_show_error (form->parent, _("The Training Was Not Recorded"), error->message);
      return;
    }

  done = g_strdup_printf (_("The training of %s is recorded"), label);
  _qa_ui_add_toast (form->parent, adw_toast_new (done));
}

static void
course_changed_cb (GtkEditable      *entry,
                   AdwMessageDialog *dialog)
{
  g_autofree char *course = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "apply", course[0] != '\0');
}

AdwMessageDialog *
qa_expert_training_dialog_new (GtkWidget  *parent,
                               QaSession  *session,
                               const char *expert_id)
{
  g_autofree char *label = NULL;
  g_autofree char *heading = NULL;
  EditForm *form;
  GtkWidget *list;
  AdwMessageDialog *dialog;

  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (QA_IS_SESSION (session), NULL);

  form = edit_form_new (parent, session, expert_id);

  list = form_list_new (form, _("C_ourse"), NULL, _("_Date (YYYY-MM-DD, if known)"), NULL);

  label = _qa_experts_ui_dup_expert_label (session, expert_id);
  /* Translators: %s is an expert, e.g. “周海燕 (E09)” */
  heading = g_strdup_printf (_("Record the Training of %s"), label);
  dialog = dialog_new (form, heading,
                       _("Art. 11(4): a reviewer has had systematic training in performance-excellence assessment. From now on the expert counts as trained."),
                       _("_Record"), list);
  adw_message_dialog_set_response_enabled (dialog, "apply", FALSE);
  g_signal_connect (form->first_row, "changed", G_CALLBACK (course_changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (training_response_cb), form);
  return dialog;
}

static void
former_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    EditForm         *form)
{
  g_autofree char *employer = NULL;
  g_autofree char *left_on = NULL;
  g_autofree char *label = NULL;
  g_autofree char *done = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "apply") != 0)
    return;

  employer = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (form->first_row))));
  left_on = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (form->second_row))));
  label = _qa_experts_ui_dup_expert_label (form->session, form->expert_id);
  if (!qa_experts_add_former_employer (form->session, form->expert_id, employer, left_on, &error))
    {
      _qa_ui_show_error (form->parent, _("The Former Employer Was Not Recorded"), error->message);
      return;
    }

  /* Translators: an employer, then an expert, e.g. “甘州区黑河水务集团有限公司 recorded as a former employer of 刘芳 (E04)” */
  done = g_strdup_printf (_("%s recorded as a former employer of %s"), employer, label);
  _qa_ui_add_toast (form->parent, adw_toast_new (done));
}

static void
former_changed_cb (GtkEditable      *entry,
                   AdwMessageDialog *dialog)
{
  EditForm *form = g_object_get_data (G_OBJECT (dialog), "qa-form");
  g_autofree char *employer = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (form->first_row))));
  g_autofree char *left_on = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (form->second_row))));

  adw_message_dialog_set_response_enabled (dialog, "apply", employer[0] != '\0' && left_on[0] != '\0');
}

AdwMessageDialog *
qa_expert_former_dialog_new (GtkWidget  *parent,
                             QaSession  *session,
                             const char *expert_id)
{
  guint years;
  g_autofree char *label = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  EditForm *form;
  GtkWidget *list;
  AdwMessageDialog *dialog;

  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (QA_IS_SESSION (session), NULL);

  form = edit_form_new (parent, session, expert_id);

  list = form_list_new (form, _("_Employer"), NULL, _("_Left On (YYYY-MM-DD)"), NULL);

  years = qa_profile_get_former_employer_years (qa_session_get_profile (session));
  if (years > 0)
    body = g_strdup_printf (ngettext ("An applicant of this name is a tie until %u year after the day the expert left it. The record is noted in the audit trail.",
                                      "An applicant of this name is a tie until %u years after the day the expert left it. The record is noted in the audit trail.",
                                      years), years);
  else
    body = g_strdup (_("The session’s profile ties no former employer; the record is kept and noted in the audit trail."));

  label = _qa_experts_ui_dup_expert_label (session, expert_id);
  /* Translators: %s is an expert, e.g. “刘芳 (E04)” */
  heading = g_strdup_printf (_("Record a Former Employer of %s"), label);
  dialog = dialog_new (form, heading, body, _("_Record"), list);
  adw_message_dialog_set_response_enabled (dialog, "apply", FALSE);
  g_signal_connect (form->first_row, "changed", G_CALLBACK (former_changed_cb), dialog);
  g_signal_connect (form->second_row, "changed", G_CALLBACK (former_changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (former_response_cb), form);
  return dialog;
}
