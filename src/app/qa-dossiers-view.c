/* qa-dossiers-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-dossiers-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "qa-dossiers-view.h"

struct _QaDossiersView
{
  GtkWidget            parent_instance;

  /* Owned */
  QaSession           *session;

  /* Template widgets */
  GtkColumnView       *column_view;
  GtkLabel            *count_label;
  GtkFilterListModel  *filter_model;
  GtkStack            *list_stack;
  AdwStatusPage       *no_results_page;
  GtkColumnViewColumn *reference_column;
  GtkSearchEntry      *search_entry;
  GtkSingleSelection  *selection;
  GtkStack            *stack;
  GtkStringFilter     *string_filter;
};

G_DEFINE_FINAL_TYPE (QaDossiersView, qa_dossiers_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the search matches: reference, name and credit code. */
static char *
applicant_search_text (QaApplicant *applicant)
{
  if (applicant == NULL)
    return NULL;

  return g_strjoin ("\n",
                    qa_applicant_get_id (applicant),
                    qa_applicant_get_name (applicant),
                    qa_applicant_get_credit_code (applicant),
                    NULL);
}

/* Sorts the status column in the order of the procedure, not alphabetically. */
static guint
applicant_status_rank (QaApplicant *applicant)
{
  return applicant != NULL ? qa_applicant_get_status (applicant) : 0;
}

static guint
applicant_eligibility_rank (QaApplicant *applicant)
{
  return applicant != NULL ? qa_applicant_get_eligibility (applicant) : 0;
}

static char **
status_css_classes (gpointer     this_object,
                    QaApplicant *applicant)
{
  const char *tone = NULL;

  if (applicant == NULL)
    return NULL;

  switch (qa_applicant_get_status (applicant))
    {
    case QA_APPLICANT_STATUS_MATERIAL:
    case QA_APPLICANT_STATUS_SITE:
      tone = "accent";
      break;

    case QA_APPLICANT_STATUS_CANDIDATE:
    case QA_APPLICANT_STATUS_AWARDED:
      tone = "success";
      break;

    case QA_APPLICANT_STATUS_NOT_ACCEPTED:
    case QA_APPLICANT_STATUS_NOT_ADVANCED:
    case QA_APPLICANT_STATUS_REVOKED:
      tone = "error";
      break;

    case QA_APPLICANT_STATUS_APPLIED:
    case QA_APPLICANT_STATUS_ELIGIBLE:
    default:
      tone = "neutral";
      break;
    }

  return g_strdupv ((char *[]) { (char *)"status-pill", (char *)tone, NULL });
}

static char *
eligibility_icon_name (gpointer     this_object,
                       QaApplicant *applicant)
{
  if (applicant == NULL)
    return NULL;

  switch (qa_applicant_get_eligibility (applicant))
    {
    case QA_ELIGIBILITY_ELIGIBLE:
      return g_strdup ("emblem-ok-symbolic");

    case QA_ELIGIBILITY_INELIGIBLE:
      return g_strdup ("window-close-symbolic");

    case QA_ELIGIBILITY_PENDING:
      return g_strdup ("dialog-question-symbolic");

    case QA_ELIGIBILITY_UNCHECKED:
    default:
      return NULL;
    }
}

static gboolean
eligibility_has_icon (gpointer     this_object,
                      QaApplicant *applicant)
{
  g_autofree char *icon_name = eligibility_icon_name (this_object, applicant);

  return icon_name != NULL;
}

static char **
eligibility_css_classes (gpointer     this_object,
                         QaApplicant *applicant)
{
  const char *tone;

  if (applicant == NULL)
    return NULL;

  switch (qa_applicant_get_eligibility (applicant))
    {
    case QA_ELIGIBILITY_ELIGIBLE:
      tone = "success";
      break;

    case QA_ELIGIBILITY_INELIGIBLE:
      tone = "error";
      break;

    case QA_ELIGIBILITY_PENDING:
      tone = "warning";
      break;

    case QA_ELIGIBILITY_UNCHECKED:
    default:
      tone = "dim-label";
      break;
    }

  return g_strdupv ((char *[]) { (char *)tone, NULL });
}

static gboolean
has_item (gpointer  this_object,
          GObject  *item)
{
  return item != NULL;
}

static char *
format_founded (gpointer     this_object,
                QaApplicant *applicant)
{
  if (applicant == NULL || qa_applicant_get_founded (applicant) == NULL)
    return g_strdup ("—");

  return g_strdup (qa_applicant_get_founded (applicant));
}

static char *
format_legal_person (gpointer     this_object,
                     QaApplicant *applicant)
{
  if (applicant == NULL)
    return NULL;

  if (qa_applicant_get_legal_person (applicant))
    return g_strdup (_("Independent legal person"));
  else
    return g_strdup (_("Not an independent legal person"));
}

static char *
format_self_score (gpointer     this_object,
                   QaApplicant *applicant)
{
  double score;

  if (applicant == NULL)
    return NULL;

  score = qa_applicant_get_self_score (applicant);
  if (score < 0)
    return g_strdup (_("Not given"));

  /* Translators: the applicant's self-assessment total, e.g. “612.5 of 1000 points” */
  return g_strdup_printf (_("%.1f of 1000 points"), score);
}

static void
update_state (QaDossiersView *self)
{
  GListModel *applicants;
  g_autofree char *count = NULL;
  const char *search;
  guint total;
  guint shown;

  g_assert (QA_IS_DOSSIERS_VIEW (self));

  applicants = gtk_filter_list_model_get_model (self->filter_model);
  total = applicants != NULL ? g_list_model_get_n_items (applicants) : 0;
  shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  gtk_stack_set_visible_child_name (self->stack, total > 0 ? "list" : "empty");
  gtk_stack_set_visible_child_name (self->list_stack, shown > 0 ? "rows" : "no-results");

  if (search[0] == '\0')
    {
      count = g_strdup_printf (ngettext ("%u applicant", "%u applicants", total), total);
    }
  else
    {
      g_autofree char *description = NULL;

      count = g_strdup_printf (ngettext ("%1$u of %2$u applicant",
                                         "%1$u of %2$u applicants",
                                         total),
                               shown, total);
      /* Translators: %s is what the user searched for */
      description = g_markup_printf_escaped (_("No applicant’s name, reference or credit code "
                                               "contains “%s”."),
                                             search);
      adw_status_page_set_description (self->no_results_page, description);
    }

  gtk_label_set_label (self->count_label, count);
}

static void
filter_items_changed_cb (QaDossiersView *self,
                         guint           position,
                         guint           removed,
                         guint           added,
                         GListModel     *model)
{
  g_assert (QA_IS_DOSSIERS_VIEW (self));

  update_state (self);
}

static void
search_changed_cb (QaDossiersView *self,
                   GtkSearchEntry *entry)
{
  g_assert (QA_IS_DOSSIERS_VIEW (self));
  g_assert (GTK_IS_SEARCH_ENTRY (entry));

  gtk_string_filter_set_search (self->string_filter,
                                gtk_editable_get_text (GTK_EDITABLE (entry)));
  update_state (self);
}

static void
stop_search_cb (QaDossiersView *self,
                GtkSearchEntry *entry)
{
  g_assert (QA_IS_DOSSIERS_VIEW (self));

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
qa_dossiers_view_dispose (GObject *object)
{
  QaDossiersView *self = (QaDossiersView *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), QA_TYPE_DOSSIERS_VIEW);
  /* gtk_widget_dispose_template() only unparents the children it binds. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (qa_dossiers_view_parent_class)->dispose (object);
}

static void
qa_dossiers_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  QaDossiersView *self = QA_DOSSIERS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_dossiers_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  QaDossiersView *self = QA_DOSSIERS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      qa_dossiers_view_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_dossiers_view_class_init (QaDossiersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qa_dossiers_view_dispose;
  object_class->get_property = qa_dossiers_view_get_property;
  object_class->set_property = qa_dossiers_view_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         QA_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (QA_TYPE_APPLICANT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/qa-dossiers-view.ui");
  gtk_widget_class_bind_template_child (widget_class, QaDossiersView, column_view);
  gtk_widget_class_bind_template_child (widget_class, QaDossiersView, count_label);
  gtk_widget_class_bind_template_child (widget_class, QaDossiersView, filter_model);
  gtk_widget_class_bind_template_child (widget_class, QaDossiersView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, QaDossiersView, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, QaDossiersView, reference_column);
  gtk_widget_class_bind_template_child (widget_class, QaDossiersView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, QaDossiersView, selection);
  gtk_widget_class_bind_template_child (widget_class, QaDossiersView, stack);
  gtk_widget_class_bind_template_child (widget_class, QaDossiersView, string_filter);
  gtk_widget_class_bind_template_callback (widget_class, applicant_eligibility_rank);
  gtk_widget_class_bind_template_callback (widget_class, applicant_search_text);
  gtk_widget_class_bind_template_callback (widget_class, applicant_status_rank);
  gtk_widget_class_bind_template_callback (widget_class, eligibility_css_classes);
  gtk_widget_class_bind_template_callback (widget_class, eligibility_has_icon);
  gtk_widget_class_bind_template_callback (widget_class, eligibility_icon_name);
  gtk_widget_class_bind_template_callback (widget_class, filter_items_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, format_founded);
  gtk_widget_class_bind_template_callback (widget_class, format_legal_person);
  gtk_widget_class_bind_template_callback (widget_class, format_self_score);
  gtk_widget_class_bind_template_callback (widget_class, has_item);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_css_classes);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);

  gtk_widget_class_set_css_name (widget_class, "dossiers-view");
}

static void
qa_dossiers_view_init (QaDossiersView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_column_view_sort_by_column (self->column_view, self->reference_column, GTK_SORT_ASCENDING);
  update_state (self);
}

GtkWidget *
qa_dossiers_view_new (void)
{
  return g_object_new (QA_TYPE_DOSSIERS_VIEW, NULL);
}

QaSession *
qa_dossiers_view_get_session (QaDossiersView *self)
{
  g_return_val_if_fail (QA_IS_DOSSIERS_VIEW (self), NULL);

  return self->session;
}

void
qa_dossiers_view_set_session (QaDossiersView *self,
                              QaSession      *session)
{
  g_return_if_fail (QA_IS_DOSSIERS_VIEW (self));
  g_return_if_fail (!session || QA_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  gtk_filter_list_model_set_model (self->filter_model,
                                   session != NULL ? qa_session_get_applicants (session) : NULL);
  update_state (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

void
qa_dossiers_view_focus_search (QaDossiersView *self)
{
  g_return_if_fail (QA_IS_DOSSIERS_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

GtkSelectionModel *
qa_dossiers_view_get_model (QaDossiersView *self)
{
  g_return_val_if_fail (QA_IS_DOSSIERS_VIEW (self), NULL);

  return GTK_SELECTION_MODEL (self->selection);
}

guint
qa_dossiers_view_get_visible_count (QaDossiersView *self)
{
  g_return_val_if_fail (QA_IS_DOSSIERS_VIEW (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->selection));
}

GtkEditable *
qa_dossiers_view_get_search_entry (QaDossiersView *self)
{
  g_return_val_if_fail (QA_IS_DOSSIERS_VIEW (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}
