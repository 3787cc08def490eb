/* qa-judgement-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-judgement-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "qa-judgement-dialog.h"
#include "qa-ui-private.h"

struct _QaJudgementDialog
{
  AdwMessageDialog  parent_instance;

  /* Owned */
  QaSession        *session;
  char             *applicant_id;
  guint             condition;

  /* Template widgets */
  GtkCheckButton   *met_button;
  GtkCheckButton   *not_met_button;
  GtkTextView      *grounds_view;
};

G_DEFINE_FINAL_TYPE (QaJudgementDialog, qa_judgement_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
qa_judgement_dialog_response (AdwMessageDialog *dialog,
                              const char       *response)
{
  QaJudgementDialog *self = QA_JUDGEMENT_DIALOG (dialog);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->grounds_view);
  g_autoptr(GError) error = NULL;
  g_autofree char *grounds = NULL;
  GtkTextIter start, end;

  if (g_strcmp0 (response, "record") != 0)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  grounds = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (!qa_applicants_judge (self->session, self->applicant_id, self->condition,
                            gtk_check_button_get_active (self->met_button), grounds, &error))
    {
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

      _qa_ui_show_error (GTK_WIDGET (parent != NULL ? parent : GTK_WINDOW (self)),
                         _("The Judgement Was Not Recorded"), error->message);
    }

  g_signal_emit (self, signals[RECORDED], 0);
}

static void
record_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (widget), "record");
  gtk_window_close (GTK_WINDOW (widget));
}

static void
qa_judgement_dialog_finalize (GObject *object)
{
  QaJudgementDialog *self = (QaJudgementDialog *)object;

  g_clear_object (&self->session);
  g_clear_pointer (&self->applicant_id, g_free);

  G_OBJECT_CLASS (qa_judgement_dialog_parent_class)->finalize (object);
}

static void
qa_judgement_dialog_class_init (QaJudgementDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->finalize = qa_judgement_dialog_finalize;
  dialog_class->response = qa_judgement_dialog_response;

  signals[RECORDED] =
    g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "judgement.record", NULL, record_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/gov/ganzhou/QaReview/qa-judgement-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, QaJudgementDialog, met_button);
  gtk_widget_class_bind_template_child (widget_class, QaJudgementDialog, not_met_button);
  gtk_widget_class_bind_template_child (widget_class, QaJudgementDialog, grounds_view);
}

static void
qa_judgement_dialog_init (QaJudgementDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

QaJudgementDialog *
qa_judgement_dialog_new (GtkWindow   *parent,
                         QaSession   *session,
                         const char  *applicant_id,
                         guint        condition,
                         const char  *summary,
                         GError     **error)
{
  g_autoptr(QaDossier) dossier = NULL;
  g_autofree char *article = NULL;
  QaJudgementDialog *self;
  QaConditionResult current;
  const char *note;

  g_return_val_if_fail (QA_IS_SESSION (session), NULL);
  g_return_val_if_fail (applicant_id != NULL, NULL);

  dossier = qa_applicants_load_dossier (session, applicant_id, error);
  if (dossier == NULL)
    return NULL;

  self = g_object_new (QA_TYPE_JUDGEMENT_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "body", summary,
                       NULL);
  self->session = g_object_ref (session);
  self->applicant_id = g_strdup (applicant_id);
  self->condition = condition;

  article = qa_rules_format_article_13 (condition);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (self),
                                     /* Translators: %1$s is an article, e.g. “Art. 13(3)”, %2$s
                                      * the applicant's reference */
                                     _("Judge %1$s for %2$s"),
                                     article, applicant_id);

  current = qa_dossier_get_judgement (dossier, condition);
  gtk_check_button_set_active (self->met_button, current == QA_CONDITION_PASS);
  gtk_check_button_set_active (self->not_met_button, current == QA_CONDITION_FAIL);
  note = qa_dossier_get_judgement_note (dossier, condition);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->grounds_view),
                            note != NULL ? note : "", -1);

  return self;
}
