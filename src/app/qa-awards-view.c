/* qa-awards-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The awards and what follows them: every certificate with its validity drawn as a timeline,
 * its status and why, the yearly reports' indicators charted with a worsening one flagged, and
 * the events of Art. 7, 18, 19 and 21, each recorded by core.
 */

#define G_LOG_DOMAIN "qa-awards-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "qa-awards-view.h"
#include "qa-award-indicators.h"
#include "qa-ui-private.h"

struct _QaAwardsView
{
  GtkWidget      parent_instance;

  /* Owned */
  QaSession     *session;
  GPtrArray     *awards;      /* QaAward */
  GPtrArray     *rows;        /* GtkWidget, owned by the list */
  char          *selected;    /* applicant id */
  QaRole         role;

  /* Template widgets */
  GtkListBox    *award_list;
  GtkWidget     *approve_button;
  GtkStack      *content_stack;
  GtkWidget     *event_box;
  QaAwardIndicators *indicators;
  GtkLabel      *summary_label;
};

G_DEFINE_FINAL_TYPE (QaAwardsView, qa_awards_view, GTK_TYPE_WIDGET)

static void show_indicators (QaAwardsView *self);

static char *
dup_today (QaAwardsView *self)
{
  /* The one clock: QAREVIEW_TODAY in tests (docs/testing.md). */
  return qa_clock_dup_today ();
}

static gboolean
may_act (QaAwardsView *self)
{
  return self->session != NULL && !qa_session_is_package (self->session) &&
         qa_role_allows (self->role, QA_PERMISSION_OUTCOME);
}

static const char *
award_tone (QaAwardStatus status)
{
  switch (status)
    {
    case QA_AWARD_VALID:
      return "success";
    case QA_AWARD_PUBLICITY_BARRED:
      return "warning";
    case QA_AWARD_REVOKED:
      return "error";
    case QA_AWARD_EXPIRED:
    default:
      return "neutral";
    }
}

static double
julian (const char *date)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_parse (&d, date);
  return g_date_valid (&d) ? g_date_get_julian (&d) : 0;
}

/* How much of the validity has passed on @today, 0 to 1. */
static double
elapsed (const QaAward *award,
         const char    *today)
{
  double from = julian (award->approved_on);
  double to = julian (award->valid_until);
  double now = julian (today);

  if (to <= from)
    return 1.0;
  return CLAMP ((now - from) / (to - from), 0.0, 1.0);
}

static GtkWidget *
create_row (QaAwardsView  *self,
            const QaAward *award,
            const char    *today)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *chip = gtk_label_new (qa_award_status_get_label (award->status));
  GtkWidget *timeline = gtk_level_bar_new_for_interval (0.0, 1.0);
  GtkWidget *suffix = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  const char *classes[] = { "status-pill", award_tone (award->status), NULL };
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *status = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *approved_on = _qa_ui_dup_local_time (award->approved_on);
  g_autofree char *valid_until = _qa_ui_dup_local_time (award->valid_until);
  g_autofree char *status_on = _qa_ui_dup_local_time (award->status_on);
  g_autofree char *shown_today = _qa_ui_dup_local_time (today);

  /* Translators: an award's row: the certificate number and the organisation */
  title = g_strdup_printf (_("%s · %s"), award->certificate_number, award->name);
  if (award->status_reason != NULL && *award->status_reason != '\0')
    /* Translators: the status's date and reason */
    status = g_strdup_printf (_("\n%s %s"), status_on != NULL ? status_on : "",
                              award->status_reason);
  /* Translators: approval date → end of validity, then the prize in yuan */
  subtitle = g_strdup_printf (_("Approved %s → valid until %s · prize %u yuan%s"),
                              approved_on, valid_until, award->prize_yuan,
                              status != NULL ? status : "");
  if (award->rectify_by != NULL)
    {
      g_autofree char *with = NULL;

      /* Translators: a rectification's deadline (Art. 7) */
      g_autofree char *rectify_by = _qa_ui_dup_local_time (award->rectify_by);

      with = g_strdup_printf (_("%s\nRectification due by %s (Art. 7)"), subtitle, rectify_by);
      g_free (subtitle);
      subtitle = g_steal_pointer (&with);
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  gtk_widget_set_css_classes (chip, classes);
  gtk_widget_set_halign (chip, GTK_ALIGN_END);
  /* The validity as a timeline: how much of it has passed today. */
  gtk_level_bar_set_value (GTK_LEVEL_BAR (timeline), elapsed (award, today));
  gtk_widget_set_size_request (timeline, 120, -1);
  /* Translators: the timeline's tooltip: approval, today, end of validity */
  tooltip = g_strdup_printf (_("%s — today %s — %s"), approved_on, shown_today, valid_until);
  gtk_widget_set_tooltip_text (timeline, tooltip);
  gtk_box_append (GTK_BOX (suffix), chip);
  gtk_box_append (GTK_BOX (suffix), timeline);
  gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);

  g_object_set_data_full (G_OBJECT (row), "qa-applicant", g_strdup (award->applicant_id), g_free);
  return row;
}

static const QaAward *
selected_award (QaAwardsView *self)
{
  for (guint i = 0; self->selected != NULL && i < self->awards->len; i++)
    {
      const QaAward *award = g_ptr_array_index (self->awards, i);

      if (g_strcmp0 (award->applicant_id, self->selected) == 0)
        return award;
    }
  return NULL;
}

static void
update_actions (QaAwardsView *self)
{
  const QaAward *award = selected_award (self);
  gboolean act = may_act (self) && award != NULL;
  gboolean live = act && award->status != QA_AWARD_REVOKED;

  gtk_widget_set_visible (self->approve_button, may_act (self));
  gtk_widget_set_visible (self->event_box, may_act (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "awards.approve",
                                 may_act (self) && self->awards->len == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "awards.certificate",
                                 award != NULL && qa_role_allows (self->role, QA_PERMISSION_EXPORT));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "awards.report", live);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "awards.inspect", live);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "awards.accident", live);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "awards.review", live);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "awards.revoke", live);
}

static void
row_selected_cb (QaAwardsView  *self,
                 GtkListBoxRow *row,
                 GtkListBox    *list)
{
  const char *id = row != NULL ? g_object_get_data (G_OBJECT (row), "qa-applicant") : NULL;

  if (g_strcmp0 (id, self->selected) == 0)
    return;
  g_free (self->selected);
  self->selected = g_strdup (id);
  show_indicators (self);
  update_actions (self);
}

void
qa_awards_view_reload (QaAwardsView *self)
{
  g_autofree char *today = NULL;
  g_autofree char *shown_today = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(GPtrArray) awards = NULL;
  GtkListBoxRow *to_select = NULL;
  guint n_valid = 0;

  g_return_if_fail (QA_IS_AWARDS_VIEW (self));

  for (guint i = 0; i < self->rows->len; i++)
    gtk_list_box_remove (self->award_list, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->awards, 0);

  today = dup_today (self);
  if (self->session != NULL && !qa_session_is_package (self->session))
    awards = qa_award_list (self->session, today, NULL);
  if (awards != NULL)
    g_ptr_array_extend_and_steal (self->awards, g_steal_pointer (&awards));

  g_signal_handlers_block_by_func (self->award_list, row_selected_cb, self);
  for (guint i = 0; i < self->awards->len; i++)
    {
      const QaAward *award = g_ptr_array_index (self->awards, i);
      GtkWidget *row = create_row (self, award, today);

      gtk_list_box_append (self->award_list, row);
      g_ptr_array_add (self->rows, row);
      n_valid += award->status == QA_AWARD_VALID;
      if (g_strcmp0 (award->applicant_id, self->selected) == 0 || (to_select == NULL && i == 0))
        to_select = GTK_LIST_BOX_ROW (row);
    }
  if (to_select != NULL)
    {
      gtk_list_box_select_row (self->award_list, to_select);
      g_free (self->selected);
      self->selected = g_strdup (g_object_get_data (G_OBJECT (to_select), "qa-applicant"));
    }
  else
    g_clear_pointer (&self->selected, g_free);
  g_signal_handlers_unblock_by_func (self->award_list, row_selected_cb, self);

  gtk_stack_set_visible_child_name (self->content_stack, self->awards->len > 0 ? "awards" : "empty");
  /* Translators: how many awards there are and how many are valid on a day */
  shown_today = _qa_ui_dup_local_time (today);
  summary = g_strdup_printf (ngettext ("%u award, %u valid on %s", "%u awards, %u valid on %s",
                                       self->awards->len),
                             self->awards->len, n_valid, shown_today);
  gtk_label_set_label (self->summary_label, self->awards->len > 0 ? summary : "");
  show_indicators (self);
  update_actions (self);
}

/* The yearly reports of the selected award. */
static void
show_indicators (QaAwardsView *self)
{
  qa_award_indicators_show (self->indicators, self->session, selected_award (self));
}

/* The events: one small form each, recorded by core -------------------------------------------- */

typedef enum
{
  EVENT_APPROVE,
  EVENT_INSPECT,
  EVENT_ACCIDENT,
  EVENT_REVIEW,
  EVENT_REVOKE,
  EVENT_REPORT,
} EventKind;

typedef struct
{
  QaAwardsView *self;
  EventKind     kind;
  char         *applicant_id;
  GtkEditable  *fields[4];
  AdwComboRow  *choice;
} EventForm;

static void
event_form_free (EventForm *form)
{
  g_free (form->applicant_id);
  g_free (form);
}

static const char *
field (EventForm *form,
       guint      i)
{
  const char *text = form->fields[i] != NULL ? gtk_editable_get_text (form->fields[i]) : NULL;

  return text != NULL && *text != '\0' ? text : NULL;
}

static void
report_chosen (GtkWidget      *widget,
               GFile          *file,
               GtkFileChooser *chooser)
{
  QaAwardsView *self = QA_AWARDS_VIEW (widget);
  EventForm *form = g_object_get_data (G_OBJECT (chooser), "qa-form");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_file_get_basename (file);
  guint64 year = 0;

  g_ascii_string_to_unsigned (field (form, 0) != NULL ? field (form, 0) : "", 10, 1900, 9999,
                              &year, NULL);
  if ((bytes = g_file_load_bytes (file, NULL, NULL, &error)) == NULL ||
      !qa_award_add_report (self->session, form->applicant_id, (guint)year, field (form, 1), bytes,
                            basename, &error))
    _qa_ui_show_error (widget, _("The Yearly Report Was Not Recorded"), error->message);
  qa_awards_view_reload (self);
}

static void
event_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   EventForm        *form)
{
  QaAwardsView *self = form->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) made = NULL;
  gboolean ok = TRUE;
  gboolean barred = FALSE;

  if (!g_str_equal (response, "record"))
    return;

  switch (form->kind)
    {
    case EVENT_APPROVE:
      ok = (made = qa_award_approve (self->session, field (form, 0), &error)) != NULL;
      break;
    case EVENT_INSPECT:
      ok = qa_award_inspect (self->session, form->applicant_id, field (form, 0), field (form, 1),
                             field (form, 2), &error);
      break;
    case EVENT_ACCIDENT:
      ok = qa_award_record_accident (self->session, form->applicant_id, field (form, 0),
                                     field (form, 1), &barred, &error);
      break;
    case EVENT_REVOKE:
      ok = qa_award_revoke (self->session, form->applicant_id, field (form, 0), field (form, 1),
                            NULL, QA_OUTPUT_NONE, &error);
      break;
    case EVENT_REVIEW:
      ok = qa_award_review (self->session, form->applicant_id, field (form, 0),
                            (QaReviewOutcome)adw_combo_row_get_selected (form->choice),
                            field (form, 2), field (form, 1), &error);
      break;
    case EVENT_REPORT:
      {
        GtkFileChooserNative *chooser;
        EventForm *copy = g_memdup2 (form, sizeof *form);

        copy->applicant_id = g_strdup (form->applicant_id);
        chooser = _qa_ui_file_chooser_new (GTK_WIDGET (self), _("Import a Yearly Report"),
                                           GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"));
        _qa_ui_add_file_filter (chooser, _("CSV files"), "text/csv", "*.csv");
        g_object_set_data_full (G_OBJECT (chooser), "qa-form", copy,
                                (GDestroyNotify)event_form_free);
        _qa_ui_run_file_chooser (chooser, GTK_WIDGET (self), report_chosen);
        return;
      }
    default:
      g_assert_not_reached ();
    }

  if (!ok)
    _qa_ui_show_error (GTK_WIDGET (self), _("Not Recorded"), error->message);
  else if (form->kind == EVENT_ACCIDENT)
    _qa_ui_add_toast (GTK_WIDGET (self),
                      adw_toast_new (barred ? _("Recorded: the title may no longer be used in "
                                                "publicity (Art. 21)")
                                            : _("Recorded; the accident falls outside the years "
                                                "in which it bars the title (Art. 21)")));
  qa_awards_view_reload (self);
}

static GtkEditable *
add_entry (GtkWidget  *list,
           const char *title,
           const char *text)
{
  GtkWidget *entry = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), title);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_list_box_append (GTK_LIST_BOX (list), entry);
  return GTK_EDITABLE (entry);
}

static void
event_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  QaAwardsView *self = QA_AWARDS_VIEW (widget);
  const QaAward *award = selected_award (self);
  g_autofree char *today = dup_today (self);
  g_autofree char *year = NULL;
  EventForm *form = g_new0 (EventForm, 1);
  GtkWidget *list = gtk_list_box_new ();
  const char *heading = NULL;
  const char *body = NULL;
  const char *accept = _("_Record");
  gboolean destructive = FALSE;
  GtkWidget *dialog;

  form->self = self;
  form->applicant_id = award != NULL ? g_strdup (award->applicant_id) : NULL;
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  if (g_str_equal (action_name, "awards.approve"))
    {
      form->kind = EVENT_APPROVE;
      heading = _("Record the Government’s Approval?");
      body = _("Every remaining candidate receives the award, its certificate number and the "
               "profile’s prize (Art. 16(7)). This is possible once the public notice has ended "
               "and every objection is decided.");
      form->fields[0] = add_entry (list, _("Date of approval"), today);
    }
  else if (award == NULL)
    {
      event_form_free (form);
      g_object_ref_sink (list);
      g_object_unref (list);
      return;
    }
  else if (g_str_equal (action_name, "awards.inspect"))
    {
      form->kind = EVENT_INSPECT;
      heading = _("Record an Inspection");
      body = _("The secretariat’s inspection of an awarded organisation (Art. 19).");
      form->fields[0] = add_entry (list, _("Date"), today);
      form->fields[1] = add_entry (list, _("Findings"), NULL);
      form->fields[2] = add_entry (list, _("Rectify by (optional)"), NULL);
    }
  else if (g_str_equal (action_name, "awards.accident"))
    {
      form->kind = EVENT_ACCIDENT;
      heading = _("Record a Major Accident");
      body = _("A major quality or safety accident within the years the profile sets after the "
               "award ends the use of the title in publicity (Art. 21).");
      form->fields[0] = add_entry (list, _("Date"), today);
      form->fields[1] = add_entry (list, _("What happened"), NULL);
    }
  else if (g_str_equal (action_name, "awards.revoke"))
    {
      form->kind = EVENT_REVOKE;
      heading = _("Revoke the Title?");
      body = _("For fraud or other improper means: the title is revoked, the certificate and "
               "the prize are recovered, and it is announced publicly (Art. 21).");
      form->fields[0] = add_entry (list, _("Date"), today);
      form->fields[1] = add_entry (list, _("Reason"), NULL);
      accept = _("_Revoke");
      destructive = TRUE;
    }
  else if (g_str_equal (action_name, "awards.review"))
    {
      const char * const outcomes[] = { _("Kept for another term"), _("Rectification"),
                                        _("Revoked after a failed rectification"), NULL };

      form->kind = EVENT_REVIEW;
      heading = _("Record the Re-evaluation");
      body = _("At the end of validity the organisation is re-evaluated: it keeps the title, "
               "rectifies by a deadline, or loses it after a failed rectification (Art. 7).");
      form->choice = ADW_COMBO_ROW (adw_combo_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->choice), _("Outcome"));
      adw_combo_row_set_model (form->choice,
                               G_LIST_MODEL (gtk_string_list_new ((const char * const *)outcomes)));
      form->fields[0] = add_entry (list, _("Date"), today);
      gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (form->choice));
      form->fields[1] = add_entry (list, _("Reason"), NULL);
      form->fields[2] = add_entry (list, _("Rectification deadline"), NULL);
    }
  else
    {
      form->kind = EVENT_REPORT;
      heading = _("Import a Yearly Report");
      body = _("The report’s indicators come from a CSV file with the columns kind, name, value, "
               "unit and higher_better (Art. 18).");
      year = g_strdup_printf ("%.4s", today);
      form->fields[0] = add_entry (list, _("Year reported on"), year);
      form->fields[1] = add_entry (list, _("Received on"), today);
      accept = _("_Choose CSV…");
    }

  dialog = adw_message_dialog_new (_qa_ui_get_window (widget), heading, body);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "record", accept,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "record",
                                              destructive ? ADW_RESPONSE_DESTRUCTIVE
                                                          : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (event_response_cb), form,
                         (GClosureNotify)(void (*) (void))event_form_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
certificate_chosen (GtkWidget      *widget,
                    GFile          *file,
                    GtkFileChooser *chooser)
{
  QaAwardsView *self = QA_AWARDS_VIEW (widget);
  const char *id = g_object_get_data (G_OBJECT (chooser), "qa-applicant");
  g_autofree char *file_path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (!qa_award_write_certificate_pdf (self->session, id, file_path, QA_OUTPUT_REPLACE, &error))
    {
      _qa_ui_show_error (widget, _("The Certificate Was Not Written"),
                         error != NULL ? error->message : NULL);
      return;
    }
  toast = adw_toast_new (_("Certificate written"));
  _qa_ui_toast_open_file (toast, widget, file);
  _qa_ui_add_toast (widget, toast);
}

static void
certificate_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  QaAwardsView *self = QA_AWARDS_VIEW (widget);
  const QaAward *award = selected_award (self);
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  g_return_if_fail (award != NULL);

  chooser = _qa_ui_file_chooser_new (widget, _("Export the Certificate"),
                                     GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"));
  /* Translators: the suggested file name of a certificate; %s is its number */
  name = g_strdup_printf (_("Certificate %s.pdf"), award->certificate_number);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  _qa_ui_add_file_filter (chooser, _("PDF documents"), "application/pdf", "*.pdf");
  g_object_set_data_full (G_OBJECT (chooser), "qa-applicant", g_strdup (award->applicant_id),
                          g_free);
  _qa_ui_run_file_chooser (chooser, widget, certificate_chosen);
}

/* GObject ------------------------------------------------------------------------------------ */

static void
qa_awards_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (qa_awards_view_parent_class)->map (widget);

  /* What the other pages recorded since is read again. */
  qa_awards_view_reload (QA_AWARDS_VIEW (widget));
}

static void
qa_awards_view_dispose (GObject *object)
{
  QaAwardsView *self = (QaAwardsView *)object;

  /* The rows leave the list as it goes: nothing is selected any more. */
  if (self->award_list != NULL)
    g_signal_handlers_disconnect_by_func (self->award_list, row_selected_cb, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), QA_TYPE_AWARDS_VIEW);
  _qa_ui_dispose_children (GTK_WIDGET (self));
  g_clear_object (&self->session);
  g_clear_pointer (&self->awards, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->selected, g_free);

  G_OBJECT_CLASS (qa_awards_view_parent_class)->dispose (object);
}

static void
qa_awards_view_class_init (QaAwardsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qa_awards_view_dispose;

  widget_class->map = qa_awards_view_map;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/qa-awards-view.ui");
  gtk_widget_class_bind_template_child (widget_class, QaAwardsView, approve_button);
  gtk_widget_class_bind_template_child (widget_class, QaAwardsView, award_list);
  gtk_widget_class_bind_template_child (widget_class, QaAwardsView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, QaAwardsView, event_box);
  gtk_widget_class_bind_template_child (widget_class, QaAwardsView, indicators);
  gtk_widget_class_bind_template_child (widget_class, QaAwardsView, summary_label);

  gtk_widget_class_install_action (widget_class, "awards.approve", NULL, event_action);
  gtk_widget_class_install_action (widget_class, "awards.report", NULL, event_action);
  gtk_widget_class_install_action (widget_class, "awards.inspect", NULL, event_action);
  gtk_widget_class_install_action (widget_class, "awards.accident", NULL, event_action);
  gtk_widget_class_install_action (widget_class, "awards.review", NULL, event_action);
  gtk_widget_class_install_action (widget_class, "awards.revoke", NULL, event_action);
  gtk_widget_class_install_action (widget_class, "awards.certificate", NULL, certificate_action);

  gtk_widget_class_set_css_name (widget_class, "awards-view");

  g_type_ensure (QA_TYPE_AWARD_INDICATORS);
}

static void
qa_awards_view_init (QaAwardsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->role = QA_ROLE_SECRETARIAT;
  self->awards = g_ptr_array_new_with_free_func ((GDestroyNotify)qa_award_free);
  self->rows = g_ptr_array_new ();
  g_signal_connect_object (self->award_list, "row-selected", G_CALLBACK (row_selected_cb), self,
                           G_CONNECT_SWAPPED);
  qa_awards_view_reload (self);
}

GtkWidget *
qa_awards_view_new (void)
{
  return g_object_new (QA_TYPE_AWARDS_VIEW, NULL);
}

void
qa_awards_view_set_session (QaAwardsView *self,
                            QaSession    *session)
{
  g_return_if_fail (QA_IS_AWARDS_VIEW (self));

  g_set_object (&self->session, session);
  g_clear_pointer (&self->selected, g_free);
  qa_awards_view_reload (self);
}

void
qa_awards_view_set_role (QaAwardsView *self,
                         QaRole        role)
{
  g_return_if_fail (QA_IS_AWARDS_VIEW (self));

  self->role = role;
  update_actions (self);
}

GPtrArray *
qa_awards_view_get_awards (QaAwardsView *self)
{
  g_return_val_if_fail (QA_IS_AWARDS_VIEW (self), NULL);

  return self->awards;
}

GPtrArray *
qa_awards_view_get_indicators (QaAwardsView *self)
{
  g_return_val_if_fail (QA_IS_AWARDS_VIEW (self), NULL);

  return qa_award_indicators_get_changes (self->indicators);
}
