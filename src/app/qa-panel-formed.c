/* qa-panel-formed.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-panel-formed"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "qa-experts-ui-private.h"
#include "qa-panel-formed.h"
#include "qa-ui-private.h"

struct _QaPanelFormed
{
  GtkWidget   parent_instance;

  /* Template widgets */
  GtkListBox *assignments_list;
  GtkListBox *formed_list;
  GtkStack   *formed_stack;
  GtkLabel   *not_formed_label;
  GtkListBox *problems_list;
};

G_DEFINE_FINAL_TYPE (QaPanelFormed, qa_panel_formed, GTK_TYPE_WIDGET)

static GtkWidget *
assignment_row_new (QaSession  *session,
                    QaPanel    *formed,
                    const char *applicant_id)
{
  const char * const *scorers = qa_panel_get_scorers (formed, applicant_id);
  const char * const *recused = qa_panel_get_recused (formed, applicant_id);
  guint n_scorers = scorers != NULL ? g_strv_length ((char **)scorers) : 0;
  g_autofree char *title = _qa_experts_ui_dup_applicant_label (session, applicant_id);
  g_autofree char *scorer_names = _qa_experts_ui_join_experts (session, scorers);
  g_autofree char *subtitle = NULL;
  subtitle = g_strdup_printf (ngettext ("Scored by %u: %s", "Scored by %u: %s", n_scorers),
                              n_scorers, scorer_names);
  if (recused != NULL && recused[0] != NULL)
    {
      g_autofree char *recused_names = _qa_experts_ui_join_experts (session, recused);
      g_autofree char *with_recused = NULL;

      /* Translators: the scorers of an applicant, then the experts who may not score it */
      with_recused = g_strdup_printf (_("%s\nRecused for a tie: %s"), subtitle, recused_names);
      g_free (subtitle);
      subtitle = g_steal_pointer (&with_recused);
    }

  return _qa_experts_ui_fact_row_new (title, subtitle, NULL);
}

static void
qa_panel_formed_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), QA_TYPE_PANEL_FORMED);

  G_OBJECT_CLASS (qa_panel_formed_parent_class)->dispose (object);
}

static void
qa_panel_formed_class_init (QaPanelFormedClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qa_panel_formed_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/qa-panel-formed.ui");
  gtk_widget_class_bind_template_child (widget_class, QaPanelFormed, assignments_list);
  gtk_widget_class_bind_template_child (widget_class, QaPanelFormed, formed_list);
  gtk_widget_class_bind_template_child (widget_class, QaPanelFormed, formed_stack);
  gtk_widget_class_bind_template_child (widget_class, QaPanelFormed, not_formed_label);
  gtk_widget_class_bind_template_child (widget_class, QaPanelFormed, problems_list);

  gtk_widget_class_set_css_name (widget_class, "panel-formed");
}

static void
qa_panel_formed_init (QaPanelFormed *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

char *
qa_panel_formed_show (QaPanelFormed *self,
                      QaSession     *session,
                      QaPanel       *formed,
                      const char    *not_formed)
{
  const char * const *applicants;
  g_autofree char *chair = NULL;
  g_autofree char *members = NULL;
  g_autofree char *alternates = NULL;
  g_autofree char *formed_at = NULL;
  char *status = NULL;
  GPtrArray *problems;

  g_return_val_if_fail (QA_IS_PANEL_FORMED (self), NULL);

  _qa_experts_ui_clear_list_box (self->formed_list);
  _qa_experts_ui_clear_list_box (self->assignments_list);
  _qa_experts_ui_clear_list_box (self->problems_list);

  if (formed == NULL)
    {
      gtk_label_set_label (self->not_formed_label, not_formed);
      gtk_stack_set_visible_child_name (self->formed_stack, "none");
      return g_strdup (_("Not formed yet"));
    }

  chair = _qa_experts_ui_dup_expert_label (session, qa_panel_get_chair_id (formed));
  members = _qa_experts_ui_join_experts (session, qa_panel_get_members (formed));
  alternates = _qa_experts_ui_join_experts (session, qa_panel_get_alternates (formed));
  gtk_list_box_append (self->formed_list, _qa_experts_ui_fact_row_new (_("Chair"), chair, NULL));
  gtk_list_box_append (self->formed_list, _qa_experts_ui_fact_row_new (_("Members"), members, NULL));
  gtk_list_box_append (self->formed_list, _qa_experts_ui_fact_row_new (_("Alternates"), alternates, NULL));

  applicants = qa_panel_get_applicants (formed);
  for (guint i = 0; applicants != NULL && applicants[i] != NULL; i++)
    gtk_list_box_append (self->assignments_list, assignment_row_new (session, formed, applicants[i]));

  problems = qa_panel_get_problems (formed);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    gtk_list_box_append (self->problems_list,
                         _qa_experts_ui_violation_row_new (g_ptr_array_index (problems, i),
                                                           "dialog-warning-symbolic", "warning"));
  gtk_widget_set_visible (GTK_WIDGET (self->problems_list), problems != NULL && problems->len > 0);

  formed_at = _qa_experts_ui_format_timestamp (qa_panel_get_formed_at (formed));
  if (problems != NULL && problems->len > 0)
    status = g_strdup_printf (ngettext ("Formed on %s · %u problem since",
                                        "Formed on %s · %u problems since",
                                        problems->len),
                              formed_at, problems->len);
  else
    /* Translators: when the panel was formed, local date and time */
    status = g_strdup_printf (_("Formed on %s"), formed_at);
  gtk_stack_set_visible_child_name (self->formed_stack, "formed");

  return status;
}
