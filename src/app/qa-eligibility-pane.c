/* qa-eligibility-pane.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-eligibility-pane"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "qa-eligibility-pane.h"
#include "qa-judgement-dialog.h"
#include "qa-ui-private.h"

#define N_CONDITIONS QA_RULES_N_CONDITIONS

struct _QaEligibilityPane
{
  GtkWidget      parent_instance;

  /* Owned */
  QaSession     *session;
  char          *applicant_id;
  QaEligibility  verdict;
  gboolean       overridden;
  QaRole         role;

  /* Unowned: children of conditions_list */
  AdwActionRow  *condition_rows[N_CONDITIONS];
  GtkImage      *condition_icons[N_CONDITIONS];

  /* Template widgets */
  GtkLabel      *basis_label;
  GtkListBox    *conditions_list;
  GtkLabel      *override_label;
  GtkBox        *stale_box;
  GtkLabel      *stale_label;
  GtkImage      *verdict_icon;
  GtkLabel      *verdict_label;
};

G_DEFINE_FINAL_TYPE (QaEligibilityPane, qa_eligibility_pane, GTK_TYPE_WIDGET)

static QaEligibility
condition_outcome (QaConditionResult result)
{
  switch (result)
    {
    case QA_CONDITION_PASS:
      return QA_ELIGIBILITY_ELIGIBLE;

    case QA_CONDITION_FAIL:
      return QA_ELIGIBILITY_INELIGIBLE;

    case QA_CONDITION_PENDING:
    default:
      return QA_ELIGIBILITY_PENDING;
    }
}

static void
set_style_class (GtkWidget  *widget,
                 const char *style_class,
                 gboolean    set)
{
  if (set)
    gtk_widget_add_css_class (widget, style_class);
  else
    gtk_widget_remove_css_class (widget, style_class);
}

static void
set_outcome_icon (GtkImage      *image,
                  QaEligibility  outcome)
{
  static const QaEligibility all[] = {
    QA_ELIGIBILITY_UNCHECKED, QA_ELIGIBILITY_ELIGIBLE, QA_ELIGIBILITY_INELIGIBLE,
    QA_ELIGIBILITY_PENDING,
  };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (image), _qa_ui_eligibility_style (all[i]));

  gtk_image_set_from_icon_name (image, _qa_ui_eligibility_icon_name (outcome));
  gtk_widget_add_css_class (GTK_WIDGET (image), _qa_ui_eligibility_style (outcome));
  gtk_accessible_update_property (GTK_ACCESSIBLE (image),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, qa_eligibility_get_label (outcome),
                                  -1);
}

/* What condition @condition of Art. 13 asks, with the profile's numbers. */
static char *
dup_condition_summary (QaSession *session,
                       guint      condition)
{
  QaProfile *profile = qa_session_get_profile (session);
  const char *deadline = qa_session_get_deadline (session);

  switch (condition)
    {
    case 1:
      return g_strdup_printf (_("Registered in %s as an independent legal person, operating at "
                                "least %u years on %s"),
                              qa_profile_get_district (profile),
                              qa_profile_get_min_operating_years (profile), deadline);

    case 2:
      return g_strdup_printf (_("No quality, safety or environmental liability accident in the "
                                "%u years before %s"),
                              qa_profile_get_accident_lookback_years (profile), deadline);

    case 3:
      return g_strdup (_("Advanced quality concepts, clear quality goals and an effective quality "
                         "or industry management system"));

    case 4:
      return g_strdup (_("Implements GB/T 19580 with outstanding business results or social "
                         "contribution"));

    case 5:
    default:
      return g_strdup (_("Quality, innovation, brand and benefits at the domestic leading level"));
    }
}

/* The reasons of a condition that is not met, or how a met one was found. */
static char *
dup_condition_detail (const QaEligibilityCondition *condition,
                      QaDossier                    *dossier)
{
  const char *note = NULL;

  if (condition->result != QA_CONDITION_PASS)
    {
      GString *reasons = g_string_new (NULL);

      for (guint i = 0; i < condition->reasons->len; i++)
        {
          if (i > 0)
            g_string_append_c (reasons, '\n');
          g_string_append (reasons, g_ptr_array_index (condition->reasons, i));
        }
      return g_string_free (reasons, FALSE);
    }

  if (condition->automatic)
    return g_strdup (_("Met, from the recorded facts"));

  if (dossier != NULL)
    note = qa_dossier_get_judgement_note (dossier, condition->condition);
  if (note != NULL)
    /* Translators: %s is the secretariat's note on a judged condition */
    return g_strdup_printf (_("Judged met: %s"), note);

  return g_strdup (_("Judged met"));
}

static void
show_report (QaEligibilityPane         *self,
             const QaEligibilityReport *report,
             gboolean                   eligible,
             const char                *override_reason,
             QaDossier                 *dossier)
{
  QaApplicant *applicant;
  g_autofree char *basis = NULL;

  for (guint i = 0; i < N_CONDITIONS; i++)
    {
      const QaEligibilityCondition *condition = &report->conditions[i];
      g_autofree char *article = qa_rules_format_article_13 (condition->condition);
      g_autofree char *summary = dup_condition_summary (self->session, condition->condition);
      g_autofree char *title = g_strdup_printf ("%s  %s", article, summary);
      g_autofree char *detail = dup_condition_detail (condition, dossier);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->condition_rows[i]), title);
      adw_action_row_set_subtitle (self->condition_rows[i], detail);
      set_outcome_icon (self->condition_icons[i], condition_outcome (condition->result));
      set_style_class (GTK_WIDGET (self->condition_rows[i]), "condition-failed",
                       condition->result == QA_CONDITION_FAIL);
    }

  /* As the core stores it: an override decides, else a pending judgement keeps it open. */
  if (eligible)
    self->verdict = QA_ELIGIBILITY_ELIGIBLE;
  else if (qa_eligibility_report_is_pending (report))
    self->verdict = QA_ELIGIBILITY_PENDING;
  else
    self->verdict = QA_ELIGIBILITY_INELIGIBLE;
  self->overridden = override_reason != NULL;

  gtk_label_set_label (self->verdict_label, qa_eligibility_get_label (self->verdict));
  set_outcome_icon (self->verdict_icon, self->verdict);

  basis = g_strdup_printf (_("Art. 13, checked on the application deadline %s"),
                           qa_session_get_deadline (self->session));
  gtk_label_set_label (self->basis_label, basis);

  if (override_reason != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Overridden by the secretariat: %s"),
                                               override_reason);

      gtk_label_set_label (self->override_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->override_label), override_reason != NULL);

  applicant = _qa_ui_find_applicant (self->session, self->applicant_id);
  if (applicant != NULL && qa_applicant_get_eligibility (applicant) != self->verdict)
    {
      g_autofree char *text =
        g_strdup_printf (_("Not stored yet: the list still shows “%s”. The eligibility check of "
                           "the session records this outcome and the applicant’s status."),
                         qa_eligibility_get_label (qa_applicant_get_eligibility (applicant)));

      gtk_label_set_label (self->stale_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->stale_box), TRUE);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->stale_box), FALSE);
    }
}

static void
update_actions (QaEligibilityPane *self)
{
  gboolean shown = self->session != NULL && self->applicant_id != NULL;
  gboolean may_register = shown && qa_role_allows (self->role, QA_PERMISSION_REGISTER);
  gboolean may_export = shown && qa_role_allows (self->role, QA_PERMISSION_EXPORT);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "eligibility.judge", may_register);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "eligibility.override", may_register);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "eligibility.export-notice", may_export);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "eligibility.print-notice", may_export);
}

/* Judging ---------------------------------------------------------------------------------- */

static GtkWidget *
create_choice (GtkWidget  *box,
               GtkWidget  *group,
               const char *label,
               gboolean    active)
{
  GtkWidget *check = gtk_check_button_new_with_mnemonic (label);
  GtkEventController *enter = gtk_shortcut_controller_new ();

  /* Enter on a choice answers the dialog with its default, as it does elsewhere in a dialog; a
   * check button's own binding would only tick it again. Space still ticks. */
  gtk_event_controller_set_propagation_phase (enter, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (enter),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Return|KP_Enter|ISO_Enter"),
                                                          gtk_named_action_new ("default.activate")));
  gtk_widget_add_controller (check, enter);

  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), GTK_CHECK_BUTTON (group));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  gtk_box_append (GTK_BOX (box), check);
  return check;
}

static void
judge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  QaEligibilityPane *self = QA_ELIGIBILITY_PANE (widget);
  guint condition = g_variant_get_uint32 (param);
  g_autofree char *summary = NULL;
  QaJudgementDialog *dialog;
  g_autoptr(GError) error = NULL;

  if (!qa_rules_condition_is_judged (condition))
    return;

  summary = dup_condition_summary (self->session, condition);
  dialog = qa_judgement_dialog_new (_qa_ui_get_window (widget), self->session,
                                    self->applicant_id, condition, summary, &error);
  if (dialog == NULL)
    {
      _qa_ui_show_error (widget, _("The Dossier Could Not Be Read"), error->message);
      return;
    }
  g_signal_connect_object (dialog, "recorded", G_CALLBACK (qa_eligibility_pane_refresh), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Overriding -------------------------------------------------------------------------------- */

static char *
dup_buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
reason_changed_cb (AdwMessageDialog *dialog,
                   GtkTextBuffer    *buffer)
{
  g_autofree char *reason = dup_buffer_text (buffer);

  adw_message_dialog_set_response_enabled (dialog, "override", *reason != '\0');
}

static void
override_response_cb (QaEligibilityPane *self,
                      const char        *response,
                      AdwMessageDialog  *dialog)
{
  GtkCheckButton *eligible = g_object_get_data (G_OBJECT (dialog), "qa-eligible");
  GtkTextBuffer *buffer = g_object_get_data (G_OBJECT (dialog), "qa-reason");
  g_autofree char *reason = dup_buffer_text (buffer);
  g_autoptr(GError) error = NULL;

  g_assert (QA_IS_ELIGIBILITY_PANE (self));

  if (g_strcmp0 (response, "override") != 0 || self->session == NULL)
    return;

  if (!qa_applicants_override (self->session, self->applicant_id,
                               gtk_check_button_get_active (eligible), reason, &error))
    _qa_ui_show_error (GTK_WIDGET (self), _("The Decision Was Not Overridden"), error->message);

  qa_eligibility_pane_refresh (self);
}

static void
override_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  QaEligibilityPane *self = QA_ELIGIBILITY_PANE (widget);
  GtkWidget *dialog, *box, *eligible, *scroller, *view;
  GtkTextBuffer *buffer;

  dialog = adw_message_dialog_new (_qa_ui_get_window (widget),
                                   _("Override the Eligibility Decision"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("The rules find %s “%s”. An override decides instead of "
                                    "them; it is kept with its written reason in the audit "
                                    "trail."),
                                  self->applicant_id, qa_eligibility_get_label (self->verdict));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  eligible = create_choice (box, NULL, _("_Eligible"), self->verdict != QA_ELIGIBILITY_ELIGIBLE);
  create_choice (box, eligible, _("_Not eligible"), self->verdict == QA_ELIGIBILITY_ELIGIBLE);

  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason"),
                                  -1);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 80);
  gtk_widget_set_margin_top (scroller, 6);
  gtk_box_append (GTK_BOX (box), gtk_label_new (_("The written reason (required):")));
  gtk_widget_set_halign (gtk_widget_get_last_child (box), GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), scroller);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_object_set_data (G_OBJECT (dialog), "qa-eligible", eligible);
  g_object_set_data (G_OBJECT (dialog), "qa-reason", buffer);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (reason_changed_cb), dialog,
                           G_CONNECT_SWAPPED);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "override", _("_Override"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "override",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "override", FALSE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (override_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (view);
}

/* The written notice ----------------------------------------------------------------------- */

static QaNotice *
create_notice (QaEligibilityPane *self)
{
  g_autoptr(GError) error = NULL;
  QaNotice *notice;

  notice = qa_notice_new (self->session, self->applicant_id, NULL, &error);
  if (notice == NULL)
    _qa_ui_show_error (GTK_WIDGET (self), _("No Notice Can Be Written Yet"), error->message);

  return notice;
}

static void
export_chosen (GtkWidget      *widget,
               GFile          *file,
               GtkFileChooser *chooser)
{
  qa_eligibility_pane_export_notice (QA_ELIGIBILITY_PANE (widget), file);
}

static void
export_notice_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  QaEligibilityPane *self = QA_ELIGIBILITY_PANE (widget);
  g_autoptr(QaNotice) notice = create_notice (self);
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  /* Refused before a file is asked for, with the reason. */
  if (notice == NULL)
    return;

  chooser = _qa_ui_file_chooser_new (widget, _("Export the Written Notice"),
                                     GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"));
  /* Translators: the suggested file name of a notice; %s is the applicant's reference */
  name = g_strdup_printf (_("Eligibility notice %s.pdf"), self->applicant_id);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  _qa_ui_add_file_filter (chooser, _("PDF documents"), "application/pdf", "*.pdf");

  _qa_ui_run_file_chooser (chooser, widget, export_chosen);
}

static void
draw_notice_page_cb (GtkPrintOperation *operation,
                     GtkPrintContext   *context,
                     int                page,
                     QaNotice          *notice)
{
  qa_notice_draw_page (notice,
                       gtk_print_context_get_cairo_context (context),
                       gtk_print_context_get_width (context),
                       gtk_print_context_get_height (context));
}

static void
print_done_cb (QaEligibilityPane       *self,
               GtkPrintOperationResult  result,
               GtkPrintOperation       *operation)
{
  g_autoptr(GError) error = NULL;

  g_assert (QA_IS_ELIGIBILITY_PANE (self));

  g_object_set_data (G_OBJECT (operation), "qa-done", GINT_TO_POINTER (TRUE));
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      QaNotice *notice = g_object_get_data (G_OBJECT (operation), "qa-notice");
      const char *target = gtk_print_operation_get_status_string (operation);
      g_autofree char *printer = NULL;

      /* Issued on paper: noted as an export is. */
      if (gtk_print_operation_get_print_settings (operation) != NULL)
        printer = g_strdup (gtk_print_settings_get_printer (gtk_print_operation_get_print_settings (operation)));
      if (!qa_notice_record_issue (notice, "print", printer != NULL ? printer : target, &error))
        _qa_ui_show_error (GTK_WIDGET (self), _("The Printing Was Not Noted"), error->message);
      return;
    }
  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;

  gtk_print_operation_get_error (operation, &error);
  _qa_ui_show_error (GTK_WIDGET (self), _("The Notice Was Not Printed"),
                     error != NULL ? error->message : NULL);
}

static void
print_notice_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  qa_eligibility_pane_print_notice (QA_ELIGIBILITY_PANE (widget), NULL);
}

/* ------------------------------------------------------------------------------------------- */

static void
qa_eligibility_pane_dispose (GObject *object)
{
  QaEligibilityPane *self = (QaEligibilityPane *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), QA_TYPE_ELIGIBILITY_PANE);
  _qa_ui_dispose_children (GTK_WIDGET (self));
  g_clear_object (&self->session);
  g_clear_pointer (&self->applicant_id, g_free);

  G_OBJECT_CLASS (qa_eligibility_pane_parent_class)->dispose (object);
}

static void
qa_eligibility_pane_class_init (QaEligibilityPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qa_eligibility_pane_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/qa-eligibility-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, QaEligibilityPane, basis_label);
  gtk_widget_class_bind_template_child (widget_class, QaEligibilityPane, conditions_list);
  gtk_widget_class_bind_template_child (widget_class, QaEligibilityPane, override_label);
  gtk_widget_class_bind_template_child (widget_class, QaEligibilityPane, stale_box);
  gtk_widget_class_bind_template_child (widget_class, QaEligibilityPane, stale_label);
  gtk_widget_class_bind_template_child (widget_class, QaEligibilityPane, verdict_icon);
  gtk_widget_class_bind_template_child (widget_class, QaEligibilityPane, verdict_label);

  gtk_widget_class_install_action (widget_class, "eligibility.judge", "u", judge_action);
  gtk_widget_class_install_action (widget_class, "eligibility.override", NULL, override_action);
  gtk_widget_class_install_action (widget_class, "eligibility.export-notice", NULL,
                                   export_notice_action);
  gtk_widget_class_install_action (widget_class, "eligibility.print-notice", NULL,
                                   print_notice_action);

  gtk_widget_class_set_css_name (widget_class, "eligibility-pane");
}

static void
qa_eligibility_pane_init (QaEligibilityPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < N_CONDITIONS; i++)
    {
      AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
      GtkWidget *icon = gtk_image_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle_lines (row, 0);
      adw_action_row_set_title_lines (row, 0);
      gtk_widget_set_valign (icon, GTK_ALIGN_START);
      gtk_widget_set_margin_top (icon, 14);
      adw_action_row_add_prefix (row, icon);

      if (i >= 2)
        {
          /* One such button a row: an access key would only cycle through them. */
          GtkWidget *judge = gtk_button_new_with_label (_("Judge…"));

          gtk_widget_set_valign (judge, GTK_ALIGN_CENTER);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (judge), "eligibility.judge");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (judge), "u", i + 1);
          adw_action_row_add_suffix (row, judge);
        }

      gtk_list_box_append (self->conditions_list, GTK_WIDGET (row));
      self->condition_rows[i] = row;
      self->condition_icons[i] = GTK_IMAGE (icon);
    }

  update_actions (self);
}

GtkWidget *
qa_eligibility_pane_new (void)
{
  return g_object_new (QA_TYPE_ELIGIBILITY_PANE, NULL);
}

void
qa_eligibility_pane_set_applicant (QaEligibilityPane *self,
                                   QaSession         *session,
                                   const char        *applicant_id)
{
  g_return_if_fail (QA_IS_ELIGIBILITY_PANE (self));
  g_return_if_fail (!session || QA_IS_SESSION (session));

  g_set_object (&self->session, session);
  g_free (self->applicant_id);
  self->applicant_id = g_strdup (applicant_id);

  update_actions (self);
  qa_eligibility_pane_refresh (self);
}

void
qa_eligibility_pane_set_role (QaEligibilityPane *self,
                              QaRole             role)
{
  g_return_if_fail (QA_IS_ELIGIBILITY_PANE (self));

  self->role = role;
  update_actions (self);
}

void
qa_eligibility_pane_refresh (QaEligibilityPane *self)
{
  g_autoptr(QaEligibilityReport) report = NULL;
  g_autoptr(QaDossier) dossier = NULL;
  g_autofree char *override_reason = NULL;
  g_autoptr(GError) error = NULL;
  gboolean eligible = FALSE;

  g_return_if_fail (QA_IS_ELIGIBILITY_PANE (self));

  if (self->session == NULL || self->applicant_id == NULL)
    return;

  report = qa_applicants_check_eligibility (self->session, self->applicant_id, &eligible,
                                            &override_reason, &error);
  if (report == NULL)
    {
      _qa_ui_show_error (GTK_WIDGET (self), _("The Eligibility Could Not Be Checked"), error->message);
      return;
    }

  dossier = qa_applicants_load_dossier (self->session, self->applicant_id, &error);
  if (dossier == NULL)
    {
      _qa_ui_show_error (GTK_WIDGET (self), _("The Dossier Could Not Be Read"), error->message);
      return;
    }
  show_report (self, report, eligible, override_reason, dossier);
}

void
qa_eligibility_pane_export_notice (QaEligibilityPane *self,
                                   GFile             *file)
{
  g_autoptr(QaNotice) notice = NULL;
  g_autofree char *path = NULL;
  g_autofree char *display = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  g_return_if_fail (QA_IS_ELIGIBILITY_PANE (self));
  g_return_if_fail (G_IS_FILE (file));

  if ((notice = create_notice (self)) == NULL)
    return;

  if ((path = g_file_get_path (file)) == NULL)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                         _("The notice can be saved only to a folder on this computer."));
  if (error != NULL || !qa_notice_write_pdf (notice, path, QA_OUTPUT_REPLACE, &error))
    {
      _qa_ui_show_error (GTK_WIDGET (self), _("The Notice Was Not Saved"), error->message);
      return;
    }

  display = g_filename_display_basename (path);
  toast = adw_toast_new_format (_("Notice saved as “%s”"), display);
  _qa_ui_toast_open_file (toast, GTK_WIDGET (self), file);
  _qa_ui_add_toast (GTK_WIDGET (self), toast);
}

void
qa_eligibility_pane_print_notice (QaEligibilityPane *self,
                                  const char        *export_path)
{
  g_autoptr(QaNotice) notice = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GtkPaperSize) paper = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *job = NULL;
  GtkPrintOperation *operation;
  GtkPrintOperationResult result;

  g_return_if_fail (QA_IS_ELIGIBILITY_PANE (self));

  if ((notice = create_notice (self)) == NULL)
    return;

  operation = gtk_print_operation_new ();
  setup = gtk_page_setup_new ();
  paper = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
  gtk_print_operation_set_default_page_setup (operation, setup);
  /* The letter keeps its own margins. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_allow_async (operation, export_path == NULL);
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (operation, export_path);
  job = g_strdup_printf (_("Eligibility notice %s"), self->applicant_id);
  gtk_print_operation_set_job_name (operation, job);

  g_signal_connect_data (operation, "draw-page", G_CALLBACK (draw_notice_page_cb),
                         g_object_ref (notice), (GClosureNotify)(void (*) (void))g_object_unref, 0);
  g_object_set_data_full (G_OBJECT (operation), "qa-notice", g_object_ref (notice), g_object_unref);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, G_CONNECT_SWAPPED);
  /* Kept until the next notice is printed, as long as the dialog may run. */
  g_object_set_data_full (G_OBJECT (self), "qa-print-operation", operation, g_object_unref);

  result = gtk_print_operation_run (operation,
                                    export_path != NULL ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                                        : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    _qa_ui_get_window (GTK_WIDGET (self)), &error);
  /* An error found before printing began is not reported by “done”. */
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR &&
      g_object_get_data (G_OBJECT (operation), "qa-done") == NULL)
    _qa_ui_show_error (GTK_WIDGET (self), _("The Notice Was Not Printed"), error->message);
}

QaEligibility
qa_eligibility_pane_get_verdict (QaEligibilityPane *self)
{
  g_return_val_if_fail (QA_IS_ELIGIBILITY_PANE (self), QA_ELIGIBILITY_UNCHECKED);

  return self->verdict;
}
