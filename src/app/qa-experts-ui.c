/* qa-experts-ui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-experts-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "qa-experts-ui-private.h"
#include "qa-ui-private.h"

char *
_qa_experts_ui_dup_expert_label (QaSession  *session,
                                 const char *expert_id)
{
  g_autoptr(QaExpert) expert = NULL;

  g_return_val_if_fail (QA_IS_SESSION (session), NULL);
  g_return_val_if_fail (expert_id != NULL, NULL);

  expert = qa_experts_lookup (session, expert_id);
  if (expert == NULL)
    return g_strdup (expert_id);

  /* Translators: an expert's name and reference, e.g. “孙立 (E08)” */
  return g_strdup_printf (_("%s (%s)"), qa_expert_get_name (expert), expert_id);
}

char *
_qa_experts_ui_dup_applicant_label (QaSession  *session,
                                    const char *applicant_id)
{
  QaApplicant *applicant;

  g_return_val_if_fail (QA_IS_SESSION (session), NULL);
  g_return_val_if_fail (applicant_id != NULL, NULL);

  applicant = _qa_ui_find_applicant (session, applicant_id);
  if (applicant == NULL)
    return g_strdup (applicant_id);

  return g_strdup_printf ("%s %s", applicant_id, qa_applicant_get_name (applicant));
}

char *
_qa_experts_ui_join_experts (QaSession          *session,
                             const char * const *ids)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (QA_IS_SESSION (session), NULL);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      g_autofree char *label = _qa_experts_ui_dup_expert_label (session, ids[i]);

      if (i > 0)
        /* Translators: between the names of a list */
        g_string_append (text, _(", "));
      g_string_append (text, label);
    }

  if (text->len == 0)
    g_string_append (text, "—");

  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
_qa_experts_ui_dup_kind_label (QaProfile      *profile,
                               QaConflictKind  kind)
{
  guint years;

  g_return_val_if_fail (QA_IS_PROFILE (profile), NULL);

  years = qa_profile_get_former_employer_years (profile);
  if (kind != QA_CONFLICT_FORMER_EMPLOYER || years == 0)
    return g_strdup (qa_conflict_kind_get_label (kind));

  /* Translators: a former employer is a tie for the years the profile sets after leaving it */
  return g_strdup_printf (ngettext ("Former employer (within %u year)",
                                    "Former employer (within %u years)", years), years);
}

char *
_qa_experts_ui_describe_tie (QaSession   *session,
                             const QaTie *tie)
{
  g_autofree char *kind = NULL;

  g_return_val_if_fail (QA_IS_SESSION (session), NULL);
  g_return_val_if_fail (tie != NULL, NULL);

  kind = _qa_experts_ui_dup_kind_label (qa_session_get_profile (session), tie->kind);
  if (tie->reason == NULL || tie->reason[0] == '\0')
    /* Translators: the kind of a tie, then who recorded it, e.g. “Relative · Declared by the expert” */
    return g_strdup_printf (_("%s · %s"), kind, qa_conflict_source_get_label (tie->source));

  /* Translators: the kind of a tie, who recorded it, and why, e.g.
   * “Relative · Declared by the expert: 配偶在该公司任职” */
  return g_strdup_printf (_("%s · %s: %s"), kind, qa_conflict_source_get_label (tie->source),
                          tie->reason);
}

char *
_qa_experts_ui_format_timestamp (const char *iso)
{
  return _qa_ui_dup_local_time (iso);
}

const char *
_qa_experts_ui_tie_icon_name (QaConflictSource source)
{
  return source == QA_CONFLICT_AUTOMATIC ? "system-search-symbolic" : "action-unavailable-symbolic";
}

const char *
_qa_experts_ui_tie_style (QaConflictSource source)
{
  return source == QA_CONFLICT_AUTOMATIC ? "automatic" : "recorded";
}

const char *
_qa_experts_ui_status_style (QaExpertStatus status)
{
  switch (status)
    {
    case QA_EXPERT_STATUS_SUSPENDED:
      return "warning";

    case QA_EXPERT_STATUS_DISQUALIFIED:
      return "error";

    case QA_EXPERT_STATUS_ACTIVE:
    default:
      return "success";
    }
}

GPtrArray *
_qa_experts_ui_check_expert (QaSession *session,
                             QaExpert  *expert)
{
  GPtrArray *violations = g_ptr_array_new_with_free_func ((GDestroyNotify)qa_panel_violation_free);
  QaPanelMemberFacts facts;

  g_return_val_if_fail (QA_IS_SESSION (session), violations);
  g_return_val_if_fail (QA_IS_EXPERT (expert), violations);

  qa_expert_get_panel_facts (expert, &facts);
  qa_rules_expert_can_serve (qa_session_get_profile (session), &facts, violations);

  return violations;
}

char *
_qa_experts_ui_violation_markup (const QaPanelViolation *violation)
{
  const char *message;
  g_autofree char *rest = NULL;
  g_autofree char *article = NULL;

  g_return_val_if_fail (violation != NULL, NULL);

  message = violation->message;
  if (violation->article == NULL || !g_str_has_prefix (message, violation->article))
    return g_markup_escape_text (message, -1);

  article = g_markup_escape_text (violation->article, -1);
  rest = g_markup_escape_text (message + strlen (violation->article), -1);

  return g_strdup_printf ("<b>%s</b>%s", article, rest);
}

GtkWidget *
_qa_experts_ui_violation_row_new (const QaPanelViolation *violation,
                                  const char             *icon_name,
                                  const char             *style)
{
  g_autofree char *markup = NULL;
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *icon;
  GtkWidget *label;

  g_return_val_if_fail (violation != NULL, NULL);

  markup = _qa_experts_ui_violation_markup (violation);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (box, "violation");

  icon = gtk_image_new_from_icon_name (icon_name);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, style);
  gtk_box_append (GTK_BOX (box), icon);

  label = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  return row;
}

GtkWidget *
_qa_experts_ui_fact_row_new (const char *title,
                             const char *subtitle,
                             GtkWidget  *prefix)
{
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *text;
  GtkWidget *label;

  g_return_val_if_fail (title != NULL, NULL);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (box, "fact");
  if (prefix != NULL)
    {
      gtk_widget_set_valign (prefix, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), prefix);
    }

  text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), text);

  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (text), label);

  if (subtitle != NULL)
    {
      label = gtk_label_new (subtitle);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (text), label);
    }

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  return row;
}

void
_qa_experts_ui_clear_list_box (GtkListBox *list)
{
  GtkListBoxRow *row;

  g_return_if_fail (GTK_IS_LIST_BOX (list));

  /* Not by child: the placeholder is one too. */
  while ((row = gtk_list_box_get_row_at_index (list, 0)))
    gtk_list_box_remove (list, GTK_WIDGET (row));
}
