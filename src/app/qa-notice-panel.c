/* qa-notice-panel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The public notice (Art. 16(6)): its period with the days left, every objection with the
 * committee's re-check, the form that takes a new one (refusing an anonymous or late one as it
 * is typed, by core's rule), and the letters that follow.
 */

#define G_LOG_DOMAIN "qa-notice-panel"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "qa-notice-panel.h"
#include "qa-ui-private.h"

struct _QaNoticePanel
{
  GtkWidget      parent_instance;

  /* Owned */
  QaSession     *session;
  GPtrArray     *objections;  /* QaObjection */
  GPtrArray     *rows;        /* GtkWidget, owned by the list */
  char          *starts_on;
  char          *ends_on;
  QaRole         role;

  /* Template widgets */
  GtkWidget     *add_button;
  GtkStack      *content_stack;
  GtkLabel      *countdown_label;
  GtkListBox    *objection_list;
  GtkWidget     *submit_button;
  GtkLabel      *submit_label;
  GtkLabel      *title_label;
};

G_DEFINE_FINAL_TYPE (QaNoticePanel, qa_notice_panel, GTK_TYPE_WIDGET)

static char *
dup_today (QaNoticePanel *self)
{
  /* The one clock: QAREVIEW_TODAY in tests (docs/testing.md). */
  return qa_clock_dup_today ();
}

static gboolean
may_act (QaNoticePanel *self)
{
  return self->session != NULL && !qa_session_is_package (self->session) &&
         qa_role_allows (self->role, QA_PERMISSION_OUTCOME);
}

/* Days from @from to @to, both YYYY-MM-DD. */
static int
days_between (const char *from,
              const char *to)
{
  GDate a, b;

  g_date_clear (&a, 1);
  g_date_clear (&b, 1);
  g_date_set_parse (&a, from);
  g_date_set_parse (&b, to);
  if (!g_date_valid (&a) || !g_date_valid (&b))
    return 0;
  return g_date_days_between (&a, &b);
}

static const char *
applicant_name (QaNoticePanel *self,
                const char    *id)
{
  QaApplicant *applicant = _qa_ui_find_applicant (self->session, id);

  return applicant != NULL ? qa_applicant_get_name (applicant) : id;
}

static const char *
objection_label (QaObjectionStatus status)
{
  switch (status)
    {
    case QA_OBJECTION_UPHELD:
      /* Translators: an objection the committee's re-check found to hold (成立) */
      return _("Upheld");
    case QA_OBJECTION_DISMISSED:
      /* Translators: an objection found not to hold (不成立) */
      return _("Dismissed");
    case QA_OBJECTION_RECEIVED:
    default:
      /* Translators: an objection awaiting the committee's re-check (复核中) */
      return _("Under re-check");
    }
}

static const char *
objection_tone (QaObjectionStatus status)
{
  switch (status)
    {
    case QA_OBJECTION_UPHELD:
      return "error";
    case QA_OBJECTION_DISMISSED:
      return "success";
    case QA_OBJECTION_RECEIVED:
    default:
      return "warning";
    }
}

static GtkWidget *
create_row (QaNoticePanel     *self,
            const QaObjection *objection)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *chip = gtk_label_new (objection_label (objection->status));
  const char *classes[] = { "status-pill", objection_tone (objection->status), NULL };
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, objection->id);
  g_autofree char *received_on = _qa_ui_dup_local_time (objection->received_on);
  g_autofree char *decided_on = _qa_ui_dup_local_time (objection->decided_on);

  /* Translators: an objection's row: its number and the candidate it is against */
  title = g_strdup_printf (_("No. %s · %s"), number, applicant_name (self, objection->applicant_id));
  if (objection->status == QA_OBJECTION_RECEIVED)
    /* Translators: objector, contact, date received, grounds */
    subtitle = g_strdup_printf (_("%s (%s), received %s: %s"), objection->objector,
                                objection->contact, received_on, objection->grounds);
  else
    /* Translators: objector, date received, grounds, then the re-check's date and reason */
    subtitle = g_strdup_printf (_("%s, received %s: %s\nRe-checked %s: %s"), objection->objector,
                                received_on, objection->grounds,
                                decided_on != NULL ? decided_on : "",
                                objection->decision != NULL ? objection->decision : "");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  gtk_widget_set_css_classes (chip, classes);
  gtk_widget_set_valign (chip, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), chip);

  if (objection->status == QA_OBJECTION_RECEIVED && may_act (self))
    {
      GtkWidget *decide = gtk_button_new_with_mnemonic (_("_Decide…"));

      gtk_widget_set_valign (decide, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (decide), "notice.decide");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (decide), "x", objection->id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), decide);
    }

  return row;
}

static void
show_objections (QaNoticePanel *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    gtk_list_box_remove (self->objection_list, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  if (self->objections->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No objections received"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->objection_list, row);
      g_ptr_array_add (self->rows, row);
    }

  for (guint i = 0; i < self->objections->len; i++)
    {
      GtkWidget *row = create_row (self, g_ptr_array_index (self->objections, i));

      gtk_list_box_append (self->objection_list, row);
      g_ptr_array_add (self->rows, row);
    }
}

void
qa_notice_panel_reload (QaNoticePanel *self)
{
  g_autofree char *today = NULL;
  g_autofree char *title = NULL;
  g_autofree char *countdown = NULL;
  g_autofree char *starts_on = NULL;
  g_autofree char *ends_on = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) objections = NULL;
  gboolean open;
  gboolean submittable;

  g_return_if_fail (QA_IS_NOTICE_PANEL (self));

  g_clear_pointer (&self->starts_on, g_free);
  g_clear_pointer (&self->ends_on, g_free);
  g_ptr_array_set_size (self->objections, 0);

  open = self->session != NULL && !qa_session_is_package (self->session) &&
         qa_outcome_get_notice (self->session, &self->starts_on, &self->ends_on);
  gtk_stack_set_visible_child_name (self->content_stack, open ? "open" : "closed");
  gtk_widget_set_visible (self->add_button, may_act (self));
  gtk_widget_set_visible (self->submit_button, may_act (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notice.export-text",
                                 open && qa_role_allows (self->role, QA_PERMISSION_EXPORT));

  if (!open)
    {
      gtk_label_set_label (self->title_label, _("Public Notice"));
      gtk_label_set_label (self->countdown_label, _("Not opened yet"));
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "notice.add-objection", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "notice.submit", FALSE);
      return;
    }

  today = dup_today (self);
  starts_on = _qa_ui_dup_local_time (self->starts_on);
  ends_on = _qa_ui_dup_local_time (self->ends_on);
  /* Translators: the notice's period, first and last day, local dates */
  title = g_strdup_printf (_("Public Notice · %s to %s"), starts_on, ends_on);
  gtk_label_set_label (self->title_label, title);

  if (strcmp (today, self->starts_on) < 0)
    {
      int days = days_between (today, self->starts_on);

      countdown = g_strdup_printf (ngettext ("Begins in %d day", "Begins in %d days", days), days);
    }
  else if (strcmp (today, self->ends_on) <= 0)
    {
      /* The last day counts: on it, one day is left. */
      int days = days_between (today, self->ends_on) + 1;

      countdown = g_strdup_printf (ngettext ("%d day left to object (Art. 16(6))",
                                             "%d days left to object (Art. 16(6))", days),
                                   days);
    }
  else
    countdown = g_strdup_printf (_("Ended on %s; no more objections are taken"), ends_on);
  gtk_label_set_label (self->countdown_label, countdown);

  objections = qa_outcome_list_objections (self->session, &error);
  if (objections != NULL)
    g_ptr_array_extend_and_steal (self->objections, g_steal_pointer (&objections));
  show_objections (self);

  g_clear_error (&error);
  submittable = qa_outcome_check_submittable (self->session, today, &error);
  gtk_label_set_label (self->submit_label,
                       submittable ? _("The notice has ended and every objection is decided: the "
                                       "list can be submitted to the district government for "
                                       "approval.")
                                   : error->message);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notice.submit", submittable && may_act (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notice.add-objection",
                                 may_act (self) && strcmp (today, self->ends_on) <= 0);
}

/* Adding an objection ------------------------------------------------------------------------- */

typedef struct
{
  QaNoticePanel *self;
  GtkWidget     *dialog;
  AdwComboRow   *candidate;
  GPtrArray     *candidate_ids;  /* char * */
  GtkEditable   *objector;
  GtkEditable   *contact;
  GtkEditable   *received;
  GtkEditable   *grounds;
  GtkLabel      *refusal;
} ObjectionForm;

static void
objection_form_free (ObjectionForm *form)
{
  g_ptr_array_unref (form->candidate_ids);
  g_free (form);
}

static const char *
form_candidate (ObjectionForm *form)
{
  guint selected = adw_combo_row_get_selected (form->candidate);

  return selected < form->candidate_ids->len ? g_ptr_array_index (form->candidate_ids, selected)
                                             : NULL;
}

/* Asks core whether the objection as typed would be taken, and says why not under the form. */
static gboolean
check_form (ObjectionForm *form)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = qa_outcome_check_objection (form->self->session, form_candidate (form),
                                   gtk_editable_get_text (form->objector),
                                   gtk_editable_get_text (form->contact),
                                   gtk_editable_get_text (form->received),
                                   gtk_editable_get_text (form->grounds), &error);
  gtk_label_set_label (form->refusal, ok ? "" : error->message);
  gtk_widget_set_visible (GTK_WIDGET (form->refusal), !ok);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (form->dialog), "record", ok);
  return ok;
}

static void
form_changed_cb (GtkEditable   *editable,
                 ObjectionForm *form)
{
  check_form (form);
}

static void
form_selected_cb (AdwComboRow   *row,
                  GParamSpec    *pspec,
                  ObjectionForm *form)
{
  check_form (form);
}

static void
objection_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       ObjectionForm    *form)
{
  g_autoptr(GError) error = NULL;
  QaNoticePanel *self = form->self;
  gint64 id;

  if (!g_str_equal (response, "record"))
    return;

  id = qa_outcome_add_objection (self->session, form_candidate (form),
                                 gtk_editable_get_text (form->objector),
                                 gtk_editable_get_text (form->contact),
                                 gtk_editable_get_text (form->received),
                                 gtk_editable_get_text (form->grounds), &error);
  if (id == 0)
    _qa_ui_show_error (GTK_WIDGET (self), _("The Objection Was Not Recorded"), error->message);
  else
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      /* Translators: %s is the objection's number */
      _qa_ui_add_toast (GTK_WIDGET (self),
                        adw_toast_new_format (_("Objection No. %s recorded"), number));
    }
  qa_notice_panel_reload (self);
}

static GtkEditable *
add_entry (GtkWidget     *list,
           const char    *title,
           const char    *text,
           ObjectionForm *form)
{
  GtkWidget *entry = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), title);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_connect (entry, "changed", G_CALLBACK (form_changed_cb), form);
  gtk_list_box_append (GTK_LIST_BOX (list), entry);
  return GTK_EDITABLE (entry);
}

static void
add_objection_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  QaNoticePanel *self = QA_NOTICE_PANEL (widget);
  g_autoptr(QaShortlistResult) result = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *today = dup_today (self);
  ObjectionForm *form = g_new0 (ObjectionForm, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *refusal = gtk_label_new (NULL);

  form->self = self;
  form->candidate_ids = g_ptr_array_new_with_free_func (g_free);
  /* Objections are taken against the candidates on the notice. */
  if ((result = qa_outcome_shortlist (self->session, NULL)) != NULL)
    for (guint i = 0; i < result->rows->len; i++)
      {
        const QaShortlistRow *row = g_ptr_array_index (result->rows, i);

        if (row->status != QA_OUTCOME_CANDIDATE && row->status != QA_OUTCOME_NOMINEE)
          continue;
        g_ptr_array_add (form->candidate_ids, g_strdup (row->applicant_id));
        gtk_string_list_append (names, row->name);
      }

  form->dialog = adw_message_dialog_new (_qa_ui_get_window (widget), _("Add an Objection"),
                                         _("Objections are taken in the objector’s real name "
                                           "with a way to reach them, during the notice period, "
                                           "against a candidate (Art. 16(6))."));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  form->candidate = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->candidate), _("Against"));
  adw_combo_row_set_model (form->candidate, G_LIST_MODEL (names));
  g_signal_connect (form->candidate, "notify::selected", G_CALLBACK (form_selected_cb), form);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (form->candidate));
  form->objector = add_entry (list, _("Objector’s real name"), NULL, form);
  form->contact = add_entry (list, _("Contact (telephone or address)"), NULL, form);
  form->received = add_entry (list, _("Received on"), today, form);
  form->grounds = add_entry (list, _("Grounds"), NULL, form);

  form->refusal = GTK_LABEL (refusal);
  gtk_label_set_wrap (form->refusal, TRUE);
  gtk_label_set_xalign (form->refusal, 0.0);
  gtk_widget_add_css_class (refusal, "error");
  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), refusal);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (form->dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (form->dialog),
                                    "cancel", _("_Cancel"),
                                    "record", _("_Record Objection"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (form->dialog), "record",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (form->dialog), "cancel");
  g_signal_connect_data (form->dialog, "response", G_CALLBACK (objection_response_cb), form,
                         (GClosureNotify)(void (*) (void))objection_form_free, 0);
  check_form (form);
  gtk_window_present (GTK_WINDOW (form->dialog));
}

/* Deciding an objection ----------------------------------------------------------------------- */

static void
decide_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    QaNoticePanel    *self)
{
  GtkEditable *reason = g_object_get_data (G_OBJECT (dialog), "qa-reason");
  gint64 id = *(gint64 *)g_object_get_data (G_OBJECT (dialog), "qa-id");
  g_autoptr(GError) error = NULL;
  g_autofree char *today = dup_today (self);

  if (g_str_equal (response, "cancel"))
    return;

  if (!qa_outcome_decide_objection (self->session, id, g_str_equal (response, "upheld"),
                                    gtk_editable_get_text (reason), today, &error))
    _qa_ui_show_error (GTK_WIDGET (self), _("The Re-check Was Not Recorded"), error->message);
  /* An upheld objection changes the candidate list, which reads it again when shown. */
  qa_notice_panel_reload (self);
}

static void
reason_changed_cb (GtkEditable      *reason,
                   AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (reason)));
  gboolean given = *text != '\0';

  /* Either way the committee's reason is recorded with the decision. */
  adw_message_dialog_set_response_enabled (dialog, "upheld", given);
  adw_message_dialog_set_response_enabled (dialog, "dismissed", given);
}

static void
decide_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  QaNoticePanel *self = QA_NOTICE_PANEL (widget);
  gint64 *id = g_new (gint64, 1);
  g_autofree char *heading = NULL;
  g_autofree char *number = NULL;
  GtkWidget *dialog;
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *reason = adw_entry_row_new ();

  *id = g_variant_get_int64 (param);
  number = g_strdup_printf ("%" G_GINT64_FORMAT, *id);
  /* Translators: %s is the objection's number */
  heading = g_strdup_printf (_("Re-check of Objection No. %s"), number);
  dialog = adw_message_dialog_new (_qa_ui_get_window (widget), heading,
                                   _("Record the review committee’s conclusion. An upheld "
                                     "objection removes the candidate from the list and the "
                                     "place is not refilled; a dismissed one changes nothing "
                                     "(Art. 16(6))."));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (reason), _("Reason of the conclusion"));
  gtk_list_box_append (GTK_LIST_BOX (list), reason);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  g_object_set_data (G_OBJECT (dialog), "qa-reason", reason);
  g_object_set_data_full (G_OBJECT (dialog), "qa-id", id, g_free);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "dismissed", _("_Dismissed"),
                                    "upheld", _("_Upheld"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "upheld",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (reason, "changed", G_CALLBACK (reason_changed_cb), dialog);
  reason_changed_cb (GTK_EDITABLE (reason), ADW_MESSAGE_DIALOG (dialog));
  g_signal_connect_object (dialog, "response", G_CALLBACK (decide_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The letters --------------------------------------------------------------------------------- */

static void
letter_chosen (GtkWidget      *widget,
               GFile          *file,
               GtkFileChooser *chooser)
{
  QaNoticePanel *self = QA_NOTICE_PANEL (widget);
  gboolean submission = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "qa-submission"));
  g_autofree char *file_path = g_file_get_path (file);
  g_autofree char *today = dup_today (self);
  g_autoptr(GError) error = NULL;
  gboolean ok;
  AdwToast *toast;

  ok = submission ? qa_outcome_write_submission_pdf (self->session, today, file_path, QA_OUTPUT_REPLACE, &error)
                  : qa_outcome_write_notice_pdf (self->session, file_path, QA_OUTPUT_REPLACE, &error);
  if (!ok)
    {
      _qa_ui_show_error (widget, submission ? _("The Submission Letter Was Not Written")
                                            : _("The Notice Text Was Not Written"),
                         error != NULL ? error->message : NULL);
      return;
    }

  toast = adw_toast_new (submission ? _("Submission letter written") : _("Notice text written"));
  _qa_ui_toast_open_file (toast, widget, file);
  _qa_ui_add_toast (widget, toast);
  qa_notice_panel_reload (self);
}

static void
letter_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  gboolean submission = g_str_equal (action_name, "notice.submit");
  GtkFileChooserNative *chooser;

  chooser = _qa_ui_file_chooser_new (widget,
                                     submission ? _("Write the Submission Letter")
                                                : _("Export the Notice Text"),
                                     GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser),
                                     submission ? _("Submission for approval.pdf")
                                                : _("Public notice.pdf"));
  _qa_ui_add_file_filter (chooser, _("PDF documents"), "application/pdf", "*.pdf");
  g_object_set_data (G_OBJECT (chooser), "qa-submission", GINT_TO_POINTER (submission));
  _qa_ui_run_file_chooser (chooser, widget, letter_chosen);
}

/* GObject ------------------------------------------------------------------------------------ */

static void
qa_notice_panel_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (qa_notice_panel_parent_class)->map (widget);

  /* What the other pages recorded since is read again. */
  qa_notice_panel_reload (QA_NOTICE_PANEL (widget));
}

static void
qa_notice_panel_dispose (GObject *object)
{
  QaNoticePanel *self = (QaNoticePanel *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), QA_TYPE_NOTICE_PANEL);
  _qa_ui_dispose_children (GTK_WIDGET (self));
  g_clear_object (&self->session);
  g_clear_pointer (&self->objections, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->starts_on, g_free);
  g_clear_pointer (&self->ends_on, g_free);

  G_OBJECT_CLASS (qa_notice_panel_parent_class)->dispose (object);
}

static void
qa_notice_panel_class_init (QaNoticePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qa_notice_panel_dispose;

  widget_class->map = qa_notice_panel_map;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/qa-notice-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, QaNoticePanel, add_button);
  gtk_widget_class_bind_template_child (widget_class, QaNoticePanel, content_stack);
  gtk_widget_class_bind_template_child (widget_class, QaNoticePanel, countdown_label);
  gtk_widget_class_bind_template_child (widget_class, QaNoticePanel, objection_list);
  gtk_widget_class_bind_template_child (widget_class, QaNoticePanel, submit_button);
  gtk_widget_class_bind_template_child (widget_class, QaNoticePanel, submit_label);
  gtk_widget_class_bind_template_child (widget_class, QaNoticePanel, title_label);

  gtk_widget_class_install_action (widget_class, "notice.add-objection", NULL,
                                   add_objection_action);
  gtk_widget_class_install_action (widget_class, "notice.decide", "x", decide_action);
  gtk_widget_class_install_action (widget_class, "notice.export-text", NULL, letter_action);
  gtk_widget_class_install_action (widget_class, "notice.submit", NULL, letter_action);

  gtk_widget_class_set_css_name (widget_class, "notice-panel");
}

static void
qa_notice_panel_init (QaNoticePanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->role = QA_ROLE_SECRETARIAT;
  self->objections = g_ptr_array_new_with_free_func ((GDestroyNotify)qa_objection_free);
  self->rows = g_ptr_array_new ();
  qa_notice_panel_reload (self);
}

GtkWidget *
qa_notice_panel_new (void)
{
  return g_object_new (QA_TYPE_NOTICE_PANEL, NULL);
}

void
qa_notice_panel_set_session (QaNoticePanel *self,
                             QaSession     *session)
{
  g_return_if_fail (QA_IS_NOTICE_PANEL (self));

  g_set_object (&self->session, session);
  qa_notice_panel_reload (self);
}

void
qa_notice_panel_set_role (QaNoticePanel *self,
                          QaRole         role)
{
  g_return_if_fail (QA_IS_NOTICE_PANEL (self));

  self->role = role;
  qa_notice_panel_reload (self);
}

GPtrArray *
qa_notice_panel_get_objections (QaNoticePanel *self)
{
  g_return_val_if_fail (QA_IS_NOTICE_PANEL (self), NULL);

  return self->objections;
}
