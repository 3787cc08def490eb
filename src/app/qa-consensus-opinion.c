/* qa-consensus-opinion.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-consensus-opinion"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "qa-consensus-opinion.h"
#include "qa-pdf-print.h"
#include "qa-ui-private.h"

struct _QaConsensusOpinion
{
  GtkWidget       parent_instance;

  /* Owned */
  QaSession      *session;
  GStrv           applicant_ids;
  char           *applicant_id;   /* the one shown */
  QaRole          role;
  gboolean        loading;

  /* Template widgets */
  GtkButton      *export_button;
  GtkListBox     *list_box;
  GtkLabel       *points_label;
  GtkButton      *print_button;
  GtkButton      *save_button;
  GtkStack       *stack;
  GtkLabel       *state_label;
  GtkTextView    *text_view;
  GtkLabel       *title_label;
};

G_DEFINE_FINAL_TYPE (QaConsensusOpinion, qa_consensus_opinion, GTK_TYPE_WIDGET)

static gboolean
may_edit (QaConsensusOpinion *self)
{
  return self->session != NULL && qa_role_allows (self->role, QA_PERMISSION_CONSENSUS) &&
         !qa_session_stage_is_closed (self->session, QA_STAGE_SITE);
}

static char *
dup_field_text (QaConsensusOpinion *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The material review's consensus texts, per category, as the points the panel verifies. */
static void
show_points (QaConsensusOpinion *self)
{
  g_autoptr(GPtrArray) strengths = NULL;
  g_autoptr(GPtrArray) improvements = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  if (!qa_consensus_list_verification_points (self->session, self->applicant_id, &strengths,
                                              &improvements, &error))
    {
      gtk_label_set_label (self->points_label, error->message);
      return;
    }
  for (guint k = 0; k < 2; k++)
    {
      GPtrArray *points = k == 0 ? strengths : improvements;

      if (points->len == 0)
        continue;
      if (text->len > 0)
        g_string_append (text, "\n\n");
      g_string_append (text, k == 0 ? _("Strengths found at material review:")
                                    : _("Opportunities for improvement found at material review:"));
      for (guint i = 0; i < points->len; i++)
        {
          const QaConsensusSentence *point = g_ptr_array_index (points, i);

          g_string_append_printf (text, "\n• %s %s", point->item, point->text);
        }
    }
  if (text->len == 0)
    g_string_append (text, _("The material review’s consensus recorded no strengths or improvements for this applicant."));
  gtk_label_set_label (self->points_label, text->str);
}

static void
show_opinion (QaConsensusOpinion *self)
{
  g_autofree char *opinion = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  QaApplicant *applicant;
  gboolean editable = may_edit (self);
  const char *state;

  if (self->applicant_id == NULL)
    return;
  applicant = _qa_ui_find_applicant (self->session, self->applicant_id);
  title = g_strdup_printf ("%s %s", self->applicant_id,
                           applicant != NULL ? qa_applicant_get_name (applicant) : "");
  gtk_label_set_label (self->title_label, title);

  opinion = qa_consensus_dup_site_opinion (self->session, self->applicant_id, &error);
  if (error != NULL)
    _qa_ui_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view),
                            opinion != NULL ? opinion : "", -1);

  if (qa_session_stage_is_closed (self->session, QA_STAGE_SITE))
    state = opinion != NULL ? _("The site review is closed: this opinion is final.")
                            : _("The site review is closed without an opinion of this applicant.");
  else if (!qa_role_allows (self->role, QA_PERMISSION_CONSENSUS))
    state = opinion != NULL ? _("Recorded by the panel chair. Only the chair may change it.")
                            : _("Not recorded yet: the panel chair writes it after the visit.");
  else
    state = opinion != NULL ? _("Recorded. Change the text and save it again to revise it.")
                            : _("Not recorded yet: write the panel’s opinion after the visit and save it.");
  gtk_label_set_label (self->state_label, state);

  gtk_text_view_set_editable (self->text_view, editable);
  gtk_text_view_set_cursor_visible (self->text_view, editable);
  gtk_widget_set_visible (GTK_WIDGET (self->save_button),
                          qa_role_allows (self->role, QA_PERMISSION_CONSENSUS));
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), opinion != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->print_button), opinion != NULL);
  show_points (self);
}

static GtkWidget *
new_row (QaConsensusOpinion *self,
         const char         *id)
{
  QaApplicant *applicant = _qa_ui_find_applicant (self->session, id);
  g_autofree char *opinion = qa_consensus_dup_site_opinion (self->session, id, NULL);
  g_autofree char *title = g_strdup_printf ("%s %s", id,
                                            applicant != NULL ? qa_applicant_get_name (applicant) : "");
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               opinion != NULL ? _("Opinion recorded") : _("No opinion yet"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (opinion != NULL)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("emblem-ok-symbolic"));
  return row;
}

static void
row_selected_cb (QaConsensusOpinion *self,
                 GtkListBoxRow      *row)
{
  int index;

  if (self->loading || row == NULL)
    return;
  index = gtk_list_box_row_get_index (row);
  if (self->applicant_ids == NULL || index < 0 || (guint)index >= g_strv_length (self->applicant_ids))
    return;
  g_free (self->applicant_id);
  self->applicant_id = g_strdup (self->applicant_ids[index]);
  show_opinion (self);
}

void
qa_consensus_opinion_refresh (QaConsensusOpinion *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  int position = 0;

  g_return_if_fail (QA_IS_CONSENSUS_OPINION (self));

  if (self->session == NULL)
    return;

  g_clear_pointer (&self->applicant_ids, g_strfreev);
  self->applicant_ids = qa_panel_dup_stage_applicants (self->session, QA_STAGE_SITE, &error);
  if (self->applicant_ids == NULL || self->applicant_ids[0] == NULL)
    {
      g_clear_pointer (&self->applicant_id, g_free);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "opinion");

  self->loading = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  for (guint i = 0; self->applicant_ids[i] != NULL; i++)
    {
      gtk_list_box_append (self->list_box, new_row (self, self->applicant_ids[i]));
      if (g_strcmp0 (self->applicant_ids[i], self->applicant_id) == 0)
        position = (int)i;
    }
  self->loading = FALSE;
  g_free (self->applicant_id);
  self->applicant_id = g_strdup (self->applicant_ids[position]);
  self->loading = TRUE;
  gtk_list_box_select_row (self->list_box, gtk_list_box_get_row_at_index (self->list_box, position));
  self->loading = FALSE;
  show_opinion (self);
}

gboolean
qa_consensus_opinion_save (QaConsensusOpinion *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (QA_IS_CONSENSUS_OPINION (self), FALSE);

  if (self->applicant_id == NULL)
    return FALSE;
  text = dup_field_text (self);
  /* Core decides (role, stage, an empty text) and says why it refuses. */
  if (!qa_consensus_set_site_opinion (self->session, self->applicant_id, text, &error))
    {
      _qa_ui_show_error (GTK_WIDGET (self), _("The Site-Review Opinion Was Not Saved"), error->message);
      return FALSE;
    }
  _qa_ui_add_toast (GTK_WIDGET (self), adw_toast_new (_("The site-review opinion is recorded")));
  qa_consensus_opinion_refresh (self);
  return TRUE;
}

static void
save_clicked_cb (QaConsensusOpinion *self)
{
  qa_consensus_opinion_save (self);
}

static QaReport *
new_report (QaConsensusOpinion *self,
            const char         *failed)
{
  g_autoptr(GError) error = NULL;
  QaReport *report = qa_report_new_site_opinion (self->session, self->applicant_id, NULL, &error);

  if (report == NULL)
    _qa_ui_show_error (GTK_WIDGET (self), failed, error->message);
  return report;
}

/* The opinion's PDF, as core writes it. */
static gboolean
write_report (gpointer     report,
              const char  *path,
              GError     **error)
{
  /* The file chooser asked before an existing file is replaced. */
  return qa_report_write_pdf (report, path, QA_OUTPUT_REPLACE, error);
}

gboolean
qa_consensus_opinion_export (QaConsensusOpinion *self,
                             GFile              *file)
{
  const char *failed = _("The Site-Review Opinion Was Not Exported");
  g_autoptr(QaReport) report = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *done = NULL;

  g_return_val_if_fail (QA_IS_CONSENSUS_OPINION (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->applicant_id == NULL || (report = new_report (self, failed)) == NULL)
    return FALSE;
  basename = g_file_get_basename (file);
  done = g_strdup_printf (_("Exported the site-review opinion to %s"), basename);
  return _qa_ui_write_and_offer (GTK_WIDGET (self), file, write_report, report, done, failed);
}

static void
export_chosen (GtkWidget      *widget,
               GFile          *file,
               GtkFileChooser *chooser)
{
  qa_consensus_opinion_export (QA_CONSENSUS_OPINION (widget), file);
}

static void
export_clicked_cb (QaConsensusOpinion *self)
{
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (self->applicant_id == NULL)
    return;
  chooser = _qa_ui_file_chooser_new (GTK_WIDGET (self), _("Export the Site-Review Opinion"),
                                     GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"));
  /* Translators: the suggested file name of a site-review opinion; %s is the applicant's reference */
  name = g_strdup_printf (_("Site-review opinion %s.pdf"), self->applicant_id);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  _qa_ui_add_file_filter (chooser, _("PDF documents"), "application/pdf", "*.pdf");
  _qa_ui_run_file_chooser (chooser, GTK_WIDGET (self), export_chosen);
}

void
qa_consensus_opinion_print (QaConsensusOpinion *self,
                            const char         *export_path)
{
  const char *failed = _("The Site-Review Opinion Was Not Printed");
  g_autoptr(QaReport) report = NULL;
  g_autofree char *job = NULL;

  g_return_if_fail (QA_IS_CONSENSUS_OPINION (self));

  if (self->applicant_id == NULL || (report = new_report (self, failed)) == NULL)
    return;
  /* Translators: the print job's name; %s is the applicant's reference */
  job = g_strdup_printf (_("Site-review opinion %s"), self->applicant_id);
  _qa_ui_write_and_print (GTK_WIDGET (self), "site-opinion.pdf", write_report, report, job,
                          export_path, failed);
}

static void
print_clicked_cb (QaConsensusOpinion *self)
{
  qa_consensus_opinion_print (self, NULL);
}

/* GObject ------------------------------------------------------------------------------------ */

static void
qa_consensus_opinion_dispose (GObject *object)
{
  QaConsensusOpinion *self = QA_CONSENSUS_OPINION (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), QA_TYPE_CONSENSUS_OPINION);
  _qa_ui_dispose_children (GTK_WIDGET (self));
  g_clear_object (&self->session);
  g_clear_pointer (&self->applicant_ids, g_strfreev);
  g_clear_pointer (&self->applicant_id, g_free);

  G_OBJECT_CLASS (qa_consensus_opinion_parent_class)->dispose (object);
}

static void
qa_consensus_opinion_class_init (QaConsensusOpinionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qa_consensus_opinion_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/qa-consensus-opinion.ui");
  gtk_widget_class_bind_template_child (widget_class, QaConsensusOpinion, export_button);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusOpinion, list_box);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusOpinion, points_label);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusOpinion, print_button);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusOpinion, save_button);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusOpinion, stack);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusOpinion, state_label);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusOpinion, text_view);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusOpinion, title_label);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, print_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);

  gtk_widget_class_set_css_name (widget_class, "consensus-opinion");
}

static void
qa_consensus_opinion_init (QaConsensusOpinion *self)
{
  self->role = QA_ROLE_SECRETARIAT;
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
qa_consensus_opinion_new (void)
{
  return g_object_new (QA_TYPE_CONSENSUS_OPINION, NULL);
}

void
qa_consensus_opinion_set_session (QaConsensusOpinion *self,
                                  QaSession          *session)
{
  g_return_if_fail (QA_IS_CONSENSUS_OPINION (self));

  if (!g_set_object (&self->session, session))
    return;
  g_clear_pointer (&self->applicant_id, g_free);
  qa_consensus_opinion_refresh (self);
}

void
qa_consensus_opinion_set_role (QaConsensusOpinion *self,
                               QaRole              role)
{
  g_return_if_fail (QA_IS_CONSENSUS_OPINION (self));

  self->role = role;
  show_opinion (self);
}

const char *
qa_consensus_opinion_get_applicant (QaConsensusOpinion *self)
{
  g_return_val_if_fail (QA_IS_CONSENSUS_OPINION (self), NULL);
  return self->applicant_id;
}

GtkTextView *
qa_consensus_opinion_get_text_view (QaConsensusOpinion *self)
{
  g_return_val_if_fail (QA_IS_CONSENSUS_OPINION (self), NULL);
  return self->text_view;
}
