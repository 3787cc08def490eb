/* qa-expert-detail.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-expert-detail"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "qa-conflict-dialog.h"
#include "qa-expert-detail.h"
#include "qa-expert-edit.h"
#include "qa-experts-ui-private.h"
#include "qa-ui-private.h"

/* One expert in full: whether they may serve and why not, what Art. 11 asks of them, their
 * panels and ties; with what the secretariat records of them. */
struct _QaExpertDetail
{
  GtkWidget            parent_instance;

  /* Owned */
  QaSession           *session;
  QaExpert            *expert;
  gboolean             editable;

  /* Template widgets */
  AdwActionRow        *contact_row;
  GtkImage            *declaration_icon;
  AdwActionRow        *declaration_row;
  GtkStack            *detail_stack;
  GtkImage            *ethics_icon;
  AdwActionRow        *ethics_row;
  GtkImage            *experience_icon;
  AdwActionRow        *experience_row;
  GtkLabel            *former_caption;
  GtkListBox          *former_list;
  GtkLabel            *id_label;
  AdwActionRow        *material_row;
  GtkLabel            *name_label;
  GtkImage            *serve_icon;
  GtkLabel            *serve_label;
  GtkBox              *serve_reasons;
  AdwActionRow        *site_row;
  AdwActionRow        *specialty_row;
  GtkImage            *standing_icon;
  AdwActionRow        *standing_row;
  GtkLabel            *status_label;
  GtkLabel            *summary_label;
  GtkListBox          *ties_list;
  GtkImage            *training_icon;
  AdwActionRow        *training_row;
};

G_DEFINE_FINAL_TYPE (QaExpertDetail, qa_expert_detail, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_EXPERT,
  PROP_EDITABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What a status change says, for the dialog that takes its written reason. */
typedef struct
{
  QaExpertStatus  status;
  const char     *body;
  const char     *verb;      /* the response */
} StatusChange;

static const StatusChange status_changes[] = {
  { QA_EXPERT_STATUS_SUSPENDED,
    N_("A suspended expert may not sit on a panel until reinstated (Art. 23, penalties). Write down "
       "why; the reason is kept in the audit trail."),
    N_("_Suspend") },
  { QA_EXPERT_STATUS_DISQUALIFIED,
    N_("Disqualification withdraws the reviewer qualification for good and cannot be undone "
       "(Art. 23, penalties). Write down why; the reason is kept in the audit trail."),
    N_("_Disqualify") },
  { QA_EXPERT_STATUS_ACTIVE,
    N_("The expert may serve again once they meet Art. 11. Write down why the suspension is lifted; "
       "the reason is kept in the audit trail."),
    N_("_Reinstate") },
};

/* Translators: each %s is an expert, e.g. “孙立 (E08)” */
static char *
format_status_question (QaExpertStatus  status,
                        const char     *expert)
{
  switch (status)
    {
    case QA_EXPERT_STATUS_SUSPENDED:
      return g_strdup_printf (_("Suspend %s?"), expert);

    case QA_EXPERT_STATUS_DISQUALIFIED:
      return g_strdup_printf (_("Disqualify %s?"), expert);

    case QA_EXPERT_STATUS_ACTIVE:
    default:
      return g_strdup_printf (_("Reinstate %s?"), expert);
    }
}

static char *
format_status_done (QaExpertStatus  status,
                    const char     *expert)
{
  switch (status)
    {
    case QA_EXPERT_STATUS_SUSPENDED:
      return g_strdup_printf (_("%s suspended"), expert);

    case QA_EXPERT_STATUS_DISQUALIFIED:
      return g_strdup_printf (_("%s disqualified"), expert);

    case QA_EXPERT_STATUS_ACTIVE:
    default:
      return g_strdup_printf (_("%s reinstated"), expert);
    }
}

/* Who may sit on a panel for material review and for site review, by column. */
static const QaStage role_stages[] = { QA_STAGE_MATERIAL, QA_STAGE_SITE };

/* The detail pane ----------------------------------------------------------------------------- */

static char *
dup_selected_label (QaExpertDetail *self)
{
  return _qa_experts_ui_dup_expert_label (self->session, qa_expert_get_id (self->expert));
}

static void
add_toast (QaExpertDetail *self,
           const char     *title)
{
  /* The overlay is inside the view. */
  _qa_ui_add_toast (GTK_WIDGET (self), adw_toast_new (title));
}


static void
set_fact (AdwActionRow *row,
          GtkImage     *icon,
          const char   *subtitle,
          gboolean      holds)
{
  adw_action_row_set_subtitle (row, subtitle);
  gtk_image_set_from_icon_name (icon, holds ? "emblem-ok-symbolic" : "window-close-symbolic");
  gtk_widget_set_css_classes (GTK_WIDGET (icon), (const char *[]) { holds ? "success" : "error", NULL });
}

static void
show_qualifications (QaExpertDetail *self,
                     QaExpert       *expert)
{
  guint years = qa_expert_get_experience_years (expert);
  guint required = qa_profile_get_min_experience_years (qa_session_get_profile (self->session));
  QaExpertStatus status = qa_expert_get_status (expert);
  g_autofree char *experience = NULL;
  g_autofree char *ethics = NULL;
  g_autofree char *declaration = NULL;
  g_autofree char *standing = NULL;

  experience = g_strdup_printf (ngettext ("%u year; Art. 11(3) asks for %u",
                                          "%u years; Art. 11(3) asks for %u", years),
                                years, required);
  set_fact (self->experience_row, self->experience_icon, experience,
            qa_rules_experience_suffices (qa_session_get_profile (self->session), years));

  set_fact (self->training_row, self->training_icon,
            qa_expert_get_trained (expert) ? _("Trained in performance-excellence assessment")
                                           : _("No training on record (Art. 11(4))"),
            qa_expert_get_trained (expert));

  if (qa_expert_get_ethics (expert) && qa_expert_get_ethics_date (expert) != NULL)
    /* Translators: %s is a date */
    ethics = g_strdup_printf (_("On file since %s"), qa_expert_get_ethics_date (expert));
  else
    ethics = g_strdup (qa_expert_get_ethics (expert) ? _("On file") : _("Not on file (Art. 11(1))"));
  set_fact (self->ethics_row, self->ethics_icon, ethics, qa_expert_get_ethics (expert));

  if (qa_expert_get_declared (expert))
    {
      g_autofree char *when = _qa_experts_ui_format_timestamp (qa_expert_get_declared_at (expert));

      /* Translators: %s is a date and time */
      declaration = g_strdup_printf (_("Signed for this session on %s"), when != NULL ? when : "?");
    }
  else
    declaration = g_strdup (_("Not signed for this session: the expert may not serve until it is recorded"));
  set_fact (self->declaration_row, self->declaration_icon, declaration, qa_expert_get_declared (expert));

  if (status == QA_EXPERT_STATUS_ACTIVE && qa_expert_get_status_reason (expert) == NULL)
    standing = g_strdup (qa_expert_status_get_label (status));
  else
    /* Translators: a status, since when, and why, e.g. “Suspended since 2026-05-06: 未按时提交评分表” */
    standing = g_strdup_printf (_("%s since %s: %s"), qa_expert_status_get_label (status),
                                qa_expert_get_status_date (expert) != NULL ? qa_expert_get_status_date (expert) : "?",
                                qa_expert_get_status_reason (expert) != NULL ? qa_expert_get_status_reason (expert) : "");
  set_fact (self->standing_row, self->standing_icon, standing, status == QA_EXPERT_STATUS_ACTIVE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->standing_row), standing);
}

static void
show_service (QaExpertDetail *self,
              QaExpert       *expert)
{
  g_autoptr(GPtrArray) violations = _qa_experts_ui_check_expert (self->session, expert);
  gboolean may_serve = violations->len == 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->serve_reasons))))
    gtk_box_remove (self->serve_reasons, child);

  gtk_image_set_from_icon_name (self->serve_icon, may_serve ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
  gtk_widget_set_css_classes (GTK_WIDGET (self->serve_icon),
                              (const char *[]) { may_serve ? "success" : "warning", NULL });
  gtk_label_set_label (self->serve_label, may_serve ? _("May serve on a panel")
                                                    : _("May not serve on a panel"));

  for (guint i = 0; i < violations->len; i++)
    {
      g_autofree char *markup = _qa_experts_ui_violation_markup (g_ptr_array_index (violations, i));
      GtkWidget *label = gtk_label_new (NULL);

      gtk_label_set_markup (GTK_LABEL (label), markup);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_box_append (self->serve_reasons, label);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->serve_reasons), !may_serve);
}

static void
show_ties (QaExpertDetail *self,
           QaExpert       *expert)
{
  g_autoptr(GPtrArray) ties = NULL;
  g_autoptr(GError) error = NULL;

  _qa_experts_ui_clear_list_box (self->ties_list);

  ties = qa_experts_list_ties (self->session, &error);
  if (ties == NULL)
    {
      g_warning ("Could not read the ties: %s", error->message);
      return;
    }

  for (guint i = 0; i < ties->len; i++)
    {
      const QaTie *tie = g_ptr_array_index (ties, i);
      g_autofree char *applicant = NULL;
      g_autofree char *description = NULL;
      GtkWidget *icon;

      if (g_strcmp0 (tie->expert_id, qa_expert_get_id (expert)) != 0)
        continue;

      applicant = _qa_experts_ui_dup_applicant_label (self->session, tie->applicant_id);
      description = _qa_experts_ui_describe_tie (self->session, tie);

      icon = gtk_image_new_from_icon_name (_qa_experts_ui_tie_icon_name (tie->source));
      gtk_widget_add_css_class (icon, "tie-icon");
      gtk_widget_add_css_class (icon, _qa_experts_ui_tie_style (tie->source));
      gtk_list_box_append (self->ties_list, _qa_experts_ui_fact_row_new (applicant, description, icon));
    }
}

static void
remove_former_clicked_cb (GtkButton      *button,
                          QaExpertDetail *self)
{
  const char *employer = g_object_get_data (G_OBJECT (button), "qa-employer");
  const char *left_on = g_object_get_data (G_OBJECT (button), "qa-left-on");
  g_autofree char *label = NULL;
  g_autofree char *done = NULL;
  g_autofree char *owned_employer = g_strdup (employer);
  g_autoptr(GError) error = NULL;

  if (self->session == NULL || self->expert == NULL || !self->editable)
    return;

  /* The row and its button go when the pool is read anew. */
  label = dup_selected_label (self);
  if (!qa_experts_remove_former_employer (self->session, qa_expert_get_id (self->expert),
                                          employer, left_on, &error))
    {
      _qa_ui_show_error (GTK_WIDGET (self), _("The Former Employer Was Not Removed"), error->message);
      return;
    }

  /* Translators: an employer, then an expert, e.g. “甘州区黑河水务集团有限公司 removed from the former employers of 刘芳 (E04)” */
  done = g_strdup_printf (_("%s removed from the former employers of %s"), owned_employer, label);
  add_toast (self, done);
}

static void
show_former_employers (QaExpertDetail *self,
                       QaExpert       *expert)
{
  guint years = qa_profile_get_former_employer_years (qa_session_get_profile (self->session));
  g_autoptr(GPtrArray) formers = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *caption = NULL;

  _qa_experts_ui_clear_list_box (self->former_list);

  if (years > 0)
    caption = g_strdup_printf (ngettext ("An applicant the expert left less than %u year ago is a tie.",
                                         "An applicant the expert left less than %u years ago is a tie.",
                                         years), years);
  else
    caption = g_strdup (_("The session’s profile ties no former employer."));
  gtk_label_set_label (self->former_caption, caption);

  formers = qa_experts_list_former_employers (self->session, qa_expert_get_id (expert), &error);
  if (formers == NULL)
    {
      g_warning ("Could not read the former employers: %s", error->message);
      return;
    }

  for (guint i = 0; i < formers->len; i++)
    {
      const QaFormerEmployer *former = g_ptr_array_index (formers, i);
      /* Translators: in a former employer's row, a date */
      g_autofree char *left = g_strdup_printf (_("Left on %s"), former->left_on);
      g_autofree char *tooltip = NULL;
      GtkWidget *row = _qa_experts_ui_fact_row_new (former->employer, left, NULL);
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      /* Translators: %s is an employer */
      tooltip = g_strdup_printf (_("Remove %s, recorded by mistake"), former->employer);
      gtk_widget_set_tooltip_text (remove, tooltip);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_sensitive (remove, self->editable);
      g_object_set_data_full (G_OBJECT (remove), "qa-employer", g_strdup (former->employer), g_free);
      g_object_set_data_full (G_OBJECT (remove), "qa-left-on", g_strdup (former->left_on), g_free);
      g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_former_clicked_cb), self, 0);
      gtk_box_append (GTK_BOX (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row))), remove);
      gtk_list_box_append (self->former_list, row);
    }
}

static void
show_panels (QaExpertDetail *self,
             QaExpert       *expert)
{
  AdwActionRow *rows[] = { self->material_row, self->site_row };

  G_STATIC_ASSERT (G_N_ELEMENTS (rows) == G_N_ELEMENTS (role_stages));

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    adw_action_row_set_subtitle (rows[i], qa_panel_role_get_label (qa_expert_get_panel_role (expert, role_stages[i])));
}

static void
update_actions (QaExpertDetail *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  /* Registering a tie, or changing an expert's standing, is the secretariat's. */
  QaExpert *expert = self->editable && self->session != NULL ? self->expert : NULL;
  QaExpertStatus status = expert != NULL ? qa_expert_get_status (expert) : QA_EXPERT_STATUS_ACTIVE;
  gboolean has_applicants = self->session != NULL &&
                            g_list_model_get_n_items (qa_session_get_applicants (self->session)) > 0;

  gtk_widget_action_set_enabled (widget, "expert.declare", expert != NULL && !qa_expert_get_declared (expert));
  gtk_widget_action_set_enabled (widget, "expert.add-conflict", expert != NULL && has_applicants);
  gtk_widget_action_set_enabled (widget, "expert.edit", expert != NULL);
  gtk_widget_action_set_enabled (widget, "expert.train", expert != NULL);
  gtk_widget_action_set_enabled (widget, "expert.add-former", expert != NULL);
  gtk_widget_action_set_enabled (widget, "expert.suspend", expert != NULL && status == QA_EXPERT_STATUS_ACTIVE);
  gtk_widget_action_set_enabled (widget, "expert.disqualify",
                                 expert != NULL && status != QA_EXPERT_STATUS_DISQUALIFIED);
  gtk_widget_action_set_enabled (widget, "expert.reinstate", expert != NULL && status == QA_EXPERT_STATUS_SUSPENDED);
}

static void
update_detail (QaExpertDetail *self)
{
  QaExpert *expert = self->expert;
  g_autoptr(GString) summary = NULL;
  const char *parts[3];

  update_actions (self);

  if (expert == NULL || self->session == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }

  gtk_label_set_label (self->id_label, qa_expert_get_id (expert));
  gtk_label_set_label (self->name_label, qa_expert_get_name (expert));
  gtk_label_set_label (self->status_label, qa_expert_status_get_label (qa_expert_get_status (expert)));
  gtk_widget_set_css_classes (GTK_WIDGET (self->status_label),
                              (const char *[]) { "status-pill",
                                                 _qa_experts_ui_status_style (qa_expert_get_status (expert)),
                                                 NULL });

  parts[0] = qa_expert_get_title (expert);
  parts[1] = qa_expert_get_employer (expert);
  parts[2] = qa_expert_get_employer_credit_code (expert);
  summary = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (parts[i] == NULL || parts[i][0] == '\0')
        continue;
      if (summary->len > 0)
        g_string_append (summary, " · ");
      g_string_append (summary, parts[i]);
    }
  gtk_label_set_label (self->summary_label, summary->str);

  adw_action_row_set_subtitle (self->specialty_row,
                               qa_expert_get_specialty (expert) != NULL ? qa_expert_get_specialty (expert) : "—");
  adw_action_row_set_subtitle (self->contact_row,
                               qa_expert_get_contact (expert) != NULL ? qa_expert_get_contact (expert) : "—");

  show_service (self, expert);
  show_qualifications (self, expert);
  show_panels (self, expert);
  show_ties (self, expert);
  show_former_employers (self, expert);

  gtk_stack_set_visible_child_name (self->detail_stack, "expert");
}

/* Actions ------------------------------------------------------------------------------------- */

static void
declare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  QaExpertDetail *self = QA_EXPERT_DETAIL (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *done = NULL;

  if (self->session == NULL || self->expert == NULL)
    return;

  label = dup_selected_label (self);
  if (!qa_experts_declare (self->session, qa_expert_get_id (self->expert), &error))
    {
      _qa_ui_show_error (widget, _("The Declaration Could Not Be Recorded"), error->message);
      return;
    }

  /* Translators: %s is an expert, e.g. “周海燕 (E09)” */
  done = g_strdup_printf (_("Declaration of %s recorded"), label);
  add_toast (self, done);
}

static void
reason_changed_cb (GtkEditable      *entry,
                   AdwMessageDialog *dialog)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "apply", reason[0] != '\0');
}

static void
status_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    QaExpertDetail   *self)
{
  const StatusChange *change = g_object_get_data (G_OBJECT (dialog), "change");
  const char *expert_id = g_object_get_data (G_OBJECT (dialog), "expert-id");
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autofree char *label = NULL;
  g_autofree char *done = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "apply") != 0 || self->session == NULL)
    return;

  label = _qa_experts_ui_dup_expert_label (self->session, expert_id);
  if (!qa_experts_set_status (self->session, expert_id, change->status, reason, &error))
    {
      _qa_ui_show_error (GTK_WIDGET (self), _("The Status Could Not Be Changed"), error->message);
      return;
    }

  done = format_status_done (change->status, label);
  add_toast (self, done);
}

static void
change_status_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  QaExpertDetail *self = QA_EXPERT_DETAIL (widget);
  const StatusChange *change = NULL;
  g_autofree char *label = NULL;
  g_autofree char *question = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  QaExpertStatus status;

  if (self->session == NULL || self->expert == NULL)
    return;

  if (g_str_equal (action_name, "expert.suspend"))
    status = QA_EXPERT_STATUS_SUSPENDED;
  else if (g_str_equal (action_name, "expert.disqualify"))
    status = QA_EXPERT_STATUS_DISQUALIFIED;
  else
    status = QA_EXPERT_STATUS_ACTIVE;

  for (guint i = 0; i < G_N_ELEMENTS (status_changes); i++)
    {
      if (status_changes[i].status == status)
        change = &status_changes[i];
    }
  g_assert (change != NULL);

  label = dup_selected_label (self);
  question = format_status_question (status, label);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (_qa_ui_get_window (widget), question,
                                                       _(change->body)));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "apply", _(change->verb), NULL);
  adw_message_dialog_set_response_appearance (dialog, "apply",
                                              status == QA_EXPERT_STATUS_ACTIVE
                                              ? ADW_RESPONSE_SUGGESTED : ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (dialog, "apply", FALSE);
  adw_message_dialog_set_default_response (dialog, "apply");
  adw_message_dialog_set_close_response (dialog, "cancel");

  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason (required)"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  g_signal_connect (entry, "changed", G_CALLBACK (reason_changed_cb), dialog);
  adw_message_dialog_set_extra_child (dialog, entry);

  g_object_set_data (G_OBJECT (dialog), "change", (gpointer)change);
  g_object_set_data_full (G_OBJECT (dialog), "expert-id", g_strdup (qa_expert_get_id (self->expert)), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (status_response_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_record_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  QaExpertDetail *self = QA_EXPERT_DETAIL (widget);
  AdwMessageDialog *dialog;

  if (self->session == NULL || self->expert == NULL)
    return;

  if (g_str_equal (action_name, "expert.train"))
    dialog = qa_expert_training_dialog_new (GTK_WIDGET (self), self->session, qa_expert_get_id (self->expert));
  else if (g_str_equal (action_name, "expert.add-former"))
    dialog = qa_expert_former_dialog_new (GTK_WIDGET (self), self->session, qa_expert_get_id (self->expert));
  else
    dialog = qa_expert_edit_dialog_new (GTK_WIDGET (self), self->session, qa_expert_get_id (self->expert));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_conflict_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  QaExpertDetail *self = QA_EXPERT_DETAIL (widget);

  if (self->session == NULL || self->expert == NULL)
    return;

  gtk_window_present (GTK_WINDOW (qa_conflict_dialog_new (widget, self->session,
                                                          qa_expert_get_id (self->expert))));
}

/* The object ---------------------------------------------------------------------------------- */

static void
qa_expert_detail_dispose (GObject *object)
{
  QaExpertDetail *self = (QaExpertDetail *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), QA_TYPE_EXPERT_DETAIL);
  _qa_ui_dispose_children (GTK_WIDGET (self));

  g_clear_object (&self->session);
  g_clear_object (&self->expert);

  G_OBJECT_CLASS (qa_expert_detail_parent_class)->dispose (object);
}

static void
qa_expert_detail_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  QaExpertDetail *self = QA_EXPERT_DETAIL (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_EXPERT:
      g_value_set_object (value, self->expert);
      break;

    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_expert_detail_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  QaExpertDetail *self = QA_EXPERT_DETAIL (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      qa_expert_detail_set_session (self, g_value_get_object (value));
      break;

    case PROP_EXPERT:
      qa_expert_detail_set_expert (self, g_value_get_object (value));
      break;

    case PROP_EDITABLE:
      qa_expert_detail_set_editable (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_expert_detail_class_init (QaExpertDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qa_expert_detail_dispose;
  object_class->get_property = qa_expert_detail_get_property;
  object_class->set_property = qa_expert_detail_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         QA_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_EXPERT] =
    g_param_spec_object ("expert", NULL, NULL,
                         QA_TYPE_EXPERT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/qa-expert-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, QaExpertDetail, contact_row);
  gtk_widget_class_bind_template_child (widget_class, QaExpertDetail, declaration_icon);
  gtk_widget_class_bind_template_child (widget_class, QaExpertDetail, declaration_row);
  gtk_widget_class_bind_template_child (widget_class, QaExpertDetail, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, QaExpertDetail, ethics_icon);
  gtk_widget_class_bind_template_child (widget_class, QaExpertDetail, ethics_row);
  gtk_widget_class_bind_template_child (widget_class, QaExpertDetail, experience_icon);
  gtk_widget_class_bind_template_child (widget_class, QaExpertDetail, experience_row);
  gtk_widget_class_bind_template_child (widget_class, QaExpertDetail, former_caption);
  gtk_widget_class_bind_template_child (widget_class, QaExpertDetail, former_list);
  gtk_widget_class_bind_template_child (widget_class, QaExpertDetail, id_label);
  gtk_widget_class_bind_template_child (widget_class, QaExpertDetail, material_row);
  gtk_widget_class_bind_template_child (widget_class, QaExpertDetail, name_label);
  gtk_widget_class_bind_template_child (widget_class, QaExpertDetail, serve_icon);
  gtk_widget_class_bind_template_child (widget_class, QaExpertDetail, serve_label);
  gtk_widget_class_bind_template_child (widget_class, QaExpertDetail, serve_reasons);
  gtk_widget_class_bind_template_child (widget_class, QaExpertDetail, site_row);
  gtk_widget_class_bind_template_child (widget_class, QaExpertDetail, specialty_row);
  gtk_widget_class_bind_template_child (widget_class, QaExpertDetail, standing_icon);
  gtk_widget_class_bind_template_child (widget_class, QaExpertDetail, standing_row);
  gtk_widget_class_bind_template_child (widget_class, QaExpertDetail, status_label);
  gtk_widget_class_bind_template_child (widget_class, QaExpertDetail, summary_label);
  gtk_widget_class_bind_template_child (widget_class, QaExpertDetail, ties_list);
  gtk_widget_class_bind_template_child (widget_class, QaExpertDetail, training_icon);
  gtk_widget_class_bind_template_child (widget_class, QaExpertDetail, training_row);

  gtk_widget_class_install_action (widget_class, "expert.declare", NULL, declare_action);
  gtk_widget_class_install_action (widget_class, "expert.suspend", NULL, change_status_action);
  gtk_widget_class_install_action (widget_class, "expert.disqualify", NULL, change_status_action);
  gtk_widget_class_install_action (widget_class, "expert.reinstate", NULL, change_status_action);
  gtk_widget_class_install_action (widget_class, "expert.add-conflict", NULL, add_conflict_action);
  gtk_widget_class_install_action (widget_class, "expert.edit", NULL, edit_record_action);
  gtk_widget_class_install_action (widget_class, "expert.train", NULL, edit_record_action);
  gtk_widget_class_install_action (widget_class, "expert.add-former", NULL, edit_record_action);

  gtk_widget_class_set_css_name (widget_class, "expert-detail");
}

static void
qa_expert_detail_init (QaExpertDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  update_detail (self);
}

GtkWidget *
qa_expert_detail_new (void)
{
  return g_object_new (QA_TYPE_EXPERT_DETAIL, NULL);
}

void
qa_expert_detail_set_session (QaExpertDetail *self,
                              QaSession      *session)
{
  g_return_if_fail (QA_IS_EXPERT_DETAIL (self));
  g_return_if_fail (!session || QA_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  update_detail (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

QaExpert *
qa_expert_detail_get_expert (QaExpertDetail *self)
{
  g_return_val_if_fail (QA_IS_EXPERT_DETAIL (self), NULL);

  return self->expert;
}

/* Shown anew even when @expert is the one shown: the facts around them (ties, panels) may have
 * changed. */
void
qa_expert_detail_set_expert (QaExpertDetail *self,
                             QaExpert       *expert)
{
  gboolean changed;

  g_return_if_fail (QA_IS_EXPERT_DETAIL (self));
  g_return_if_fail (!expert || QA_IS_EXPERT (expert));

  changed = g_set_object (&self->expert, expert);
  update_detail (self);
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPERT]);
}

void
qa_expert_detail_set_editable (QaExpertDetail *self,
                               gboolean        editable)
{
  g_return_if_fail (QA_IS_EXPERT_DETAIL (self));

  editable = !!editable;
  if (self->editable == editable)
    return;

  self->editable = editable;
  /* The former employers' remove buttons too. */
  update_detail (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}
