/* qa-experts-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-experts-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "qa-experts-ui-private.h"
#include "qa-expert-edit.h"
#include "qa-experts-view.h"
#include "qa-ui-private.h"

struct _QaExpertsView
{
  GtkWidget            parent_instance;

  /* Owned */
  QaSession           *session;
  char                *selected_id;  /* kept while the pool is read anew */
  QaRole               role;
  guint                reloading;

  /* Template widgets */
  GtkColumnView       *column_view;
  QaConflictMatrix    *conflict_matrix;
  AdwActionRow        *contact_row;
  GtkLabel            *count_label;
  GtkImage            *declaration_icon;
  AdwActionRow        *declaration_row;
  GtkStack            *detail_stack;
  GtkImage            *ethics_icon;
  AdwActionRow        *ethics_row;
  GtkImage            *experience_icon;
  AdwActionRow        *experience_row;
  GtkFilterListModel  *filter_model;
  GtkLabel            *id_label;
  GtkStack            *list_stack;
  AdwActionRow        *material_row;
  GtkLabel            *name_label;
  AdwStatusPage       *no_results_page;
  QaPanelView         *panel_view;
  GtkColumnViewColumn *reference_column;
  GtkSearchEntry      *search_entry;
  GtkSingleSelection  *selection;
  GtkImage            *serve_icon;
  GtkLabel            *serve_label;
  GtkBox              *serve_reasons;
  AdwActionRow        *site_row;
  AdwActionRow        *specialty_row;
  GtkStack            *stack;
  GtkImage            *standing_icon;
  AdwActionRow        *standing_row;
  GtkLabel            *status_label;
  GtkStringFilter     *string_filter;
  GtkLabel            *summary_label;
  GtkListBox          *ties_list;
  GtkImage            *training_icon;
  AdwActionRow        *training_row;
  AdwViewStack        *view_stack;
};

G_DEFINE_FINAL_TYPE (QaExpertsView, qa_experts_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
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

/* The columns ---------------------------------------------------------------------------------- */

/* What the search matches: reference, name, employer, title and specialty. */
static char *
expert_search_text (QaExpert *expert)
{
  if (expert == NULL)
    return NULL;

  return g_strjoin ("\n",
                    qa_expert_get_id (expert),
                    qa_expert_get_name (expert),
                    qa_expert_get_employer (expert),
                    qa_expert_get_title (expert) != NULL ? qa_expert_get_title (expert) : "",
                    qa_expert_get_specialty (expert) != NULL ? qa_expert_get_specialty (expert) : "",
                    NULL);
}

static guint
expert_status_rank (QaExpert *expert)
{
  return expert != NULL ? qa_expert_get_status (expert) : 0;
}

/* The chair first, then members, alternates, and those not on the panel. */
static guint
expert_role_rank (QaExpert *expert,
                  gpointer  stage)
{
  if (expert == NULL)
    return 0;

  switch (qa_expert_get_panel_role (expert, GPOINTER_TO_INT (stage)))
    {
    case QA_PANEL_ROLE_CHAIR:
      return 0;

    case QA_PANEL_ROLE_MEMBER:
      return 1;

    case QA_PANEL_ROLE_ALTERNATE:
      return 2;

    case QA_PANEL_ROLE_NONE:
    default:
      return 3;
    }
}

static const char *
expert_status_style (QaExpertStatus status)
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

static void
label_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
experience_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    QaExpertsView            *self)
{
  QaExpert *expert = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  guint years = qa_expert_get_experience_years (expert);
  guint required = 0;
  g_autofree char *text = g_strdup_printf (ngettext ("%u year", "%u years", years), years);
  g_autofree char *tooltip = NULL;

  if (self->session != NULL)
    required = qa_profile_get_min_experience_years (qa_session_get_profile (self->session));

  gtk_label_set_label (GTK_LABEL (label), text);
  gtk_widget_add_css_class (label, "numeric");
  if (self->session != NULL &&
      !qa_rules_experience_suffices (qa_session_get_profile (self->session), years))
    {
      gtk_widget_add_css_class (label, "error");
      tooltip = g_strdup_printf (ngettext ("Art. 11(3): at least %u year is required",
                                           "Art. 11(3): at least %u years are required",
                                           required),
                                 required);
    }
  else
    gtk_widget_remove_css_class (label, "error");
  gtk_widget_set_tooltip_text (label, tooltip);
}

static void
flag_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkWidget *image = gtk_image_new ();

  gtk_widget_set_halign (image, GTK_ALIGN_START);
  gtk_list_item_set_child (list_item, image);
}

/* A ✓ when the boolean property the factory names holds, a ✗ when it does not. */
static void
flag_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  QaExpert *expert = gtk_list_item_get_item (list_item);
  GtkWidget *image = gtk_list_item_get_child (list_item);
  const char *property = g_object_get_data (G_OBJECT (factory), "property");
  const char *missing = g_object_get_data (G_OBJECT (factory), "missing");
  gboolean value = FALSE;

  g_object_get (expert, property, &value, NULL);
  gtk_image_set_from_icon_name (GTK_IMAGE (image), value ? "emblem-ok-symbolic" : "window-close-symbolic");
  gtk_widget_set_css_classes (image, (const char *[]) { value ? "success" : "error", NULL });
  gtk_widget_set_tooltip_text (image, value ? NULL : _(missing));
}

static void
status_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  QaExpert *expert = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  QaExpertStatus status = qa_expert_get_status (expert);

  gtk_label_set_label (GTK_LABEL (label), qa_expert_status_get_label (status));
  gtk_widget_set_css_classes (label, (const char *[]) { "status-pill", expert_status_style (status), NULL });
  gtk_widget_set_tooltip_text (label, qa_expert_get_status_reason (expert));
  gtk_widget_set_halign (label, GTK_ALIGN_START);
}

static void
role_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  QaExpert *expert = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  QaStage stage = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "stage"));
  QaPanelRole role = qa_expert_get_panel_role (expert, stage);

  gtk_label_set_label (GTK_LABEL (label), role != QA_PANEL_ROLE_NONE ? qa_panel_role_get_label (role) : "—");
  if (role == QA_PANEL_ROLE_CHAIR)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_remove_css_class (label, "heading");
  if (role == QA_PANEL_ROLE_NONE)
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
}

static void
append_column (QaExpertsView      *self,
               const char         *title,
               GtkListItemFactory *factory,
               GtkExpression      *sort_by,
               int                 width)
{
  GtkColumnViewColumn *column = gtk_column_view_column_new (title, factory);

  gtk_column_view_column_set_sorter (column, GTK_SORTER (gtk_numeric_sorter_new (sort_by)));
  gtk_column_view_column_set_fixed_width (column, width);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
}

static GtkListItemFactory *
label_factory_new (GCallback bind,
                   gpointer  user_data)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (label_setup_cb), NULL);
  g_signal_connect (factory, "bind", bind, user_data);

  return factory;
}

/* Art. 11 and the declaration each get a ✓ column, then the status, then a role column per
 * stage. They are alike but for what they show, so they are made here, one helper each. */
static void
append_columns (QaExpertsView *self)
{
  static const struct {
    const char *property;
    const char *title;
    const char *missing;
  } flags[] = {
    { "trained", N_("Trained"), N_("Art. 11(4): no systematic training in performance-excellence assessment on record") },
    { "ethics", N_("Integrity"), N_("Art. 11(1): no integrity declaration on file") },
    { "declared", N_("Declared"), N_("This session’s impartiality and confidentiality declaration is not signed") },
  };
  static const char * const role_titles[] = { N_("Material Review"), N_("Site Review") };
  GtkListItemFactory *factory;

  G_STATIC_ASSERT (G_N_ELEMENTS (role_titles) == G_N_ELEMENTS (role_stages));

  append_column (self, _("Experience"),
                 label_factory_new (G_CALLBACK (experience_bind_cb), self),
                 gtk_property_expression_new (QA_TYPE_EXPERT, NULL, "experience-years"), 90);

  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    {
      factory = gtk_signal_list_item_factory_new ();
      g_object_set_data (G_OBJECT (factory), "property", (gpointer)flags[i].property);
      g_object_set_data (G_OBJECT (factory), "missing", (gpointer)flags[i].missing);
      g_signal_connect (factory, "setup", G_CALLBACK (flag_setup_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (flag_bind_cb), NULL);
      append_column (self, _(flags[i].title), factory,
                     gtk_property_expression_new (QA_TYPE_EXPERT, NULL, flags[i].property), 76);
    }

  append_column (self, _("Status"), label_factory_new (G_CALLBACK (status_bind_cb), NULL),
                 gtk_cclosure_expression_new (G_TYPE_UINT, NULL, 0, NULL,
                                              G_CALLBACK (expert_status_rank), NULL, NULL),
                 120);

  for (guint i = 0; i < G_N_ELEMENTS (role_stages); i++)
    {
      factory = label_factory_new (G_CALLBACK (role_bind_cb), NULL);
      g_object_set_data (G_OBJECT (factory), "stage", GINT_TO_POINTER (role_stages[i]));
      append_column (self, _(role_titles[i]), factory,
                     gtk_cclosure_expression_new (G_TYPE_UINT, NULL, 0, NULL,
                                                  G_CALLBACK (expert_role_rank),
                                                  GINT_TO_POINTER (role_stages[i]), NULL),
                     100);
    }
}

/* The detail pane ----------------------------------------------------------------------------- */

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
show_qualifications (QaExpertsView *self,
                     QaExpert      *expert)
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
show_service (QaExpertsView *self,
              QaExpert      *expert)
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
show_ties (QaExpertsView *self,
           QaExpert      *expert)
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
      description = _qa_experts_ui_describe_tie (tie);

      icon = gtk_image_new_from_icon_name (_qa_experts_ui_tie_icon_name (tie->source));
      gtk_widget_add_css_class (icon, "tie-icon");
      gtk_widget_add_css_class (icon, _qa_experts_ui_tie_style (tie->source));
      gtk_list_box_append (self->ties_list, _qa_experts_ui_fact_row_new (applicant, description, icon));
    }
}

static void
show_panels (QaExpertsView *self,
             QaExpert      *expert)
{
  AdwActionRow *rows[] = { self->material_row, self->site_row };

  G_STATIC_ASSERT (G_N_ELEMENTS (rows) == G_N_ELEMENTS (role_stages));

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    adw_action_row_set_subtitle (rows[i], qa_panel_role_get_label (qa_expert_get_panel_role (expert, role_stages[i])));
}

static void
update_actions (QaExpertsView *self,
                QaExpert      *expert)
{
  GtkWidget *widget = GTK_WIDGET (self);
  QaExpertStatus status = expert != NULL ? qa_expert_get_status (expert) : QA_EXPERT_STATUS_ACTIVE;
  gboolean has_applicants = self->session != NULL &&
                            g_list_model_get_n_items (qa_session_get_applicants (self->session)) > 0;
  gboolean may_register = qa_role_allows (self->role, QA_PERMISSION_REGISTER);

  /* Registering an expert or a tie, or changing their standing, is the secretariat's. */
  if (!may_register)
    expert = NULL;

  gtk_widget_action_set_enabled (widget, "experts.import-experts", self->session != NULL && may_register);
  gtk_widget_action_set_enabled (widget, "experts.import-conflicts", self->session != NULL && may_register);
  gtk_widget_action_set_enabled (widget, "experts.declare", expert != NULL && !qa_expert_get_declared (expert));
  gtk_widget_action_set_enabled (widget, "experts.add-conflict", expert != NULL && has_applicants);
  gtk_widget_action_set_enabled (widget, "experts.edit", expert != NULL);
  gtk_widget_action_set_enabled (widget, "experts.train", expert != NULL);
  gtk_widget_action_set_enabled (widget, "experts.suspend", expert != NULL && status == QA_EXPERT_STATUS_ACTIVE);
  gtk_widget_action_set_enabled (widget, "experts.disqualify",
                                 expert != NULL && status != QA_EXPERT_STATUS_DISQUALIFIED);
  gtk_widget_action_set_enabled (widget, "experts.reinstate", expert != NULL && status == QA_EXPERT_STATUS_SUSPENDED);
}

static void
update_detail (QaExpertsView *self)
{
  QaExpert *expert = qa_experts_view_get_selected_expert (self);
  g_autoptr(GString) summary = NULL;
  const char *parts[3];

  update_actions (self, expert);

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
                                                 expert_status_style (qa_expert_get_status (expert)),
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

  gtk_stack_set_visible_child_name (self->detail_stack, "expert");
}

static void
update_state (QaExpertsView *self)
{
  GListModel *experts = gtk_filter_list_model_get_model (self->filter_model);
  g_autofree char *count = NULL;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint total = experts != NULL ? g_list_model_get_n_items (experts) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));

  gtk_stack_set_visible_child_name (self->stack, total > 0 ? "pool" : "empty");
  gtk_stack_set_visible_child_name (self->list_stack, shown > 0 ? "rows" : "no-results");

  if (search[0] == '\0')
    count = g_strdup_printf (ngettext ("%u expert", "%u experts", total), total);
  else
    {
      g_autofree char *description = NULL;

      count = g_strdup_printf (ngettext ("%1$u of %2$u expert", "%1$u of %2$u experts", total),
                               shown, total);
      /* Translators: %s is what the user searched for */
      description = g_markup_printf_escaped (_("No expert’s name, reference or employer contains “%s”."),
                                             search);
      adw_status_page_set_description (self->no_results_page, description);
    }

  gtk_label_set_label (self->count_label, count);
}

/* Signal handlers ----------------------------------------------------------------------------- */

static void
selection_changed_cb (QaExpertsView      *self,
                      GParamSpec         *pspec,
                      GtkSingleSelection *selection)
{
  QaExpert *expert;

  g_assert (QA_IS_EXPERTS_VIEW (self));

  if (self->reloading > 0)
    return;

  expert = gtk_single_selection_get_selected_item (selection);
  g_free (self->selected_id);
  self->selected_id = expert != NULL ? g_strdup (qa_expert_get_id (expert)) : NULL;

  update_detail (self);
}

/* Every write reads the pool anew, with new objects: keep the selected expert selected. */
static void
experts_changing_cb (QaExpertsView *self,
                     guint          position,
                     guint          removed,
                     guint          added,
                     GListModel    *model)
{
  self->reloading++;
}

static void
experts_changed_cb (QaExpertsView *self,
                    guint          position,
                    guint          removed,
                    guint          added,
                    GListModel    *model)
{
  g_autofree char *selected_id = g_strdup (self->selected_id);

  self->reloading--;

  /* Gone, or hidden by the search: show what is selected now. */
  if (selected_id == NULL || !qa_experts_view_select_expert (self, selected_id))
    selection_changed_cb (self, NULL, self->selection);

  update_state (self);
  update_detail (self);
}

static void
search_changed_cb (QaExpertsView  *self,
                   GtkSearchEntry *entry)
{
  g_assert (QA_IS_EXPERTS_VIEW (self));

  gtk_string_filter_set_search (self->string_filter, gtk_editable_get_text (GTK_EDITABLE (entry)));
  update_state (self);
}

static void
stop_search_cb (QaExpertsView  *self,
                GtkSearchEntry *entry)
{
  g_assert (QA_IS_EXPERTS_VIEW (self));

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

/* Actions ------------------------------------------------------------------------------------- */

static char *
dup_selected_label (QaExpertsView *self)
{
  return _qa_experts_ui_dup_expert_label (self->session, self->selected_id);
}

static void
add_toast (QaExpertsView *self,
           const char    *title)
{
  /* The overlay is inside the view. */
  _qa_ui_add_toast (GTK_WIDGET (self->stack), adw_toast_new (title));
}

static void
declare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  QaExpertsView *self = QA_EXPERTS_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *done = NULL;

  if (self->session == NULL || self->selected_id == NULL)
    return;

  label = dup_selected_label (self);
  if (!qa_experts_declare (self->session, self->selected_id, &error))
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
                    QaExpertsView    *self)
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
  QaExpertsView *self = QA_EXPERTS_VIEW (widget);
  const StatusChange *change = NULL;
  g_autofree char *label = NULL;
  g_autofree char *question = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  QaExpertStatus status;

  if (self->session == NULL || self->selected_id == NULL)
    return;

  if (g_str_equal (action_name, "experts.suspend"))
    status = QA_EXPERT_STATUS_SUSPENDED;
  else if (g_str_equal (action_name, "experts.disqualify"))
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
  g_object_set_data_full (G_OBJECT (dialog), "expert-id", g_strdup (self->selected_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (status_response_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_record_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  QaExpertsView *self = QA_EXPERTS_VIEW (widget);
  AdwMessageDialog *dialog;

  if (self->session == NULL || self->selected_id == NULL)
    return;

  if (g_str_equal (action_name, "experts.train"))
    dialog = qa_expert_training_dialog_new (GTK_WIDGET (self->stack), self->session, self->selected_id);
  else
    dialog = qa_expert_edit_dialog_new (GTK_WIDGET (self->stack), self->session, self->selected_id);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The fields of the “Add Conflict” dialog. */
typedef struct
{
  char          *expert_id;
  GStrv          applicant_ids;
  AdwComboRow   *applicant_row;
  AdwComboRow   *kind_row;
  AdwComboRow   *source_row;
  AdwEntryRow   *note_row;
} ConflictForm;

static void
conflict_form_free (ConflictForm *form)
{
  g_free (form->expert_id);
  g_strfreev (form->applicant_ids);
  g_free (form);
}

static const QaConflictSource conflict_sources[] = { QA_CONFLICT_DECLARED, QA_CONFLICT_SECRETARIAT };

static void
conflict_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      QaExpertsView    *self)
{
  ConflictForm *form = g_object_get_data (G_OBJECT (dialog), "form");
  guint applicant = adw_combo_row_get_selected (form->applicant_row);
  guint kind = adw_combo_row_get_selected (form->kind_row);
  guint source = adw_combo_row_get_selected (form->source_row);
  g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (form->note_row))));
  g_autofree char *label = NULL;
  g_autofree char *done = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "add") != 0 || self->session == NULL)
    return;

  if (applicant >= g_strv_length (form->applicant_ids) || kind > QA_CONFLICT_OTHER ||
      source >= G_N_ELEMENTS (conflict_sources))
    return;

  label = _qa_experts_ui_dup_expert_label (self->session, form->expert_id);
  if (!qa_experts_add_conflict (self->session, form->expert_id, form->applicant_ids[applicant],
                                kind, conflict_sources[source], note[0] != '\0' ? note : NULL,
                                &error))
    {
      _qa_ui_show_error (GTK_WIDGET (self), _("The Conflict Could Not Be Recorded"), error->message);
      return;
    }

  /* Translators: %s is an expert, e.g. “刘芳 (E04)” */
  done = g_strdup_printf (_("Tie of %s recorded"), label);
  add_toast (self, done);
}

static AdwComboRow *
combo_row_new (const char         *title,
               const char * const *choices)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
  g_autoptr(GtkStringList) model = gtk_string_list_new (choices);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (row, G_LIST_MODEL (model));

  return row;
}

static GtkWidget *
conflict_form_new (QaExpertsView *self,
                   ConflictForm  *form)
{
  GListModel *applicants = qa_session_get_applicants (self->session);
  guint n_applicants = g_list_model_get_n_items (applicants);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_null_terminated (n_applicants, g_free, TRUE);
  const char *kinds[QA_CONFLICT_OTHER + 2] = { NULL, };
  const char *sources[G_N_ELEMENTS (conflict_sources) + 1] = { NULL, };
  GtkWidget *list;

  form->applicant_ids = g_new0 (char *, n_applicants + 1);
  for (guint i = 0; i < n_applicants; i++)
    {
      g_autoptr(QaApplicant) applicant = g_list_model_get_item (applicants, i);

      form->applicant_ids[i] = g_strdup (qa_applicant_get_id (applicant));
      g_ptr_array_add (labels, g_strdup_printf ("%s %s", qa_applicant_get_id (applicant),
                                                qa_applicant_get_name (applicant)));
    }
  for (guint i = 0; i <= QA_CONFLICT_OTHER; i++)
    kinds[i] = qa_conflict_kind_get_label (i);
  for (guint i = 0; i < G_N_ELEMENTS (conflict_sources); i++)
    sources[i] = qa_conflict_source_get_label (conflict_sources[i]);

  form->applicant_row = combo_row_new (_("Applicant"), (const char * const *)labels->pdata);
  form->kind_row = combo_row_new (_("Kind"), kinds);
  form->source_row = combo_row_new (_("Recorded By"), sources);
  form->note_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->note_row), _("Note"));

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (form->applicant_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (form->kind_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (form->source_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (form->note_row));

  return list;
}

static void
add_conflict_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  QaExpertsView *self = QA_EXPERTS_VIEW (widget);
  g_autofree char *label = NULL;
  AdwMessageDialog *dialog;
  ConflictForm *form;

  if (self->session == NULL || self->selected_id == NULL)
    return;

  label = dup_selected_label (self);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (_qa_ui_get_window (widget), NULL,
                                                       _("An expert does not score an applicant they "
                                                         "have a tie with. A panel member tied to "
                                                         "the applicant is withdrawn from it at once.")));
  /* Translators: %s is an expert, e.g. “刘芳 (E04)” */
  adw_message_dialog_format_heading (dialog, _("Add a Conflict of Interest for %s"), label);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "add");
  adw_message_dialog_set_close_response (dialog, "cancel");

  form = g_new0 (ConflictForm, 1);
  form->expert_id = g_strdup (self->selected_id);
  adw_message_dialog_set_extra_child (dialog, conflict_form_new (self, form));
  g_object_set_data_full (G_OBJECT (dialog), "form", form, (GDestroyNotify)conflict_form_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (conflict_response_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* Importing a CSV file: the pool or the declared ties. */
typedef struct
{
  QaExpertsView *self;
  gboolean       conflicts;
  char          *name;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_object_unref (job->self);
  g_free (job->name);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportJob, import_job_free)

static void
import_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ImportJob) job = user_data;
  QaExpertsView *self = job->self;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;
  const char *heading;
  guint n_imported = 0;
  gboolean imported;

  heading = job->conflicts ? _("The Conflicts Could Not Be Imported")
                           : _("The Experts Could Not Be Imported");

  bytes = qa_csv_read_file_finish (G_FILE (object), result, &error);
  if (bytes == NULL)
    {
      _qa_ui_show_error (GTK_WIDGET (self), heading, error->message);
      return;
    }

  if (self->session == NULL)
    return;

  if (job->conflicts)
    imported = qa_experts_import_conflicts_csv (self->session, bytes, job->name, &n_imported, &error);
  else
    imported = qa_experts_import_csv (self->session, bytes, job->name, &n_imported, &error);

  if (!imported)
    {
      _qa_ui_show_error (GTK_WIDGET (self), heading, error->message);
      return;
    }

  if (job->conflicts)
    toast = g_strdup_printf (ngettext ("%u tie imported", "%u ties imported", n_imported), n_imported);
  else
    toast = g_strdup_printf (ngettext ("%u expert imported", "%u experts imported", n_imported), n_imported);
  _qa_ui_add_toast (GTK_WIDGET (self->stack), adw_toast_new (toast));
}

static void
import_file (QaExpertsView *self,
             GFile         *file,
             gboolean       conflicts)
{
  ImportJob *job = g_new0 (ImportJob, 1);

  job->self = g_object_ref (self);
  job->conflicts = conflicts;
  /* The core names each bad row by it: “file:line: column: reason”. */
  job->name = g_file_get_parse_name (file);
  /* Read with the import's bound: /dev/zero or a FIFO is refused at the limit. */
  qa_csv_read_file_async (file, NULL, import_loaded_cb, job);
}

static void
import_chosen_cb (GtkWidget      *widget,
                  GFile          *file,
                  GtkFileChooser *chooser)
{
  import_file (QA_EXPERTS_VIEW (widget), file,
               GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "conflicts")));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  QaExpertsView *self = QA_EXPERTS_VIEW (widget);
  gboolean conflicts = g_str_equal (action_name, "experts.import-conflicts");
  GtkFileChooserNative *chooser;

  if (self->session == NULL)
    return;

  chooser = _qa_ui_file_chooser_new (widget,
                                     conflicts ? _("Import Conflicts of Interest") : _("Import Experts"),
                                     GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"));
  _qa_ui_add_file_filter (chooser, _("CSV Files"), "text/csv", "*.csv");
  g_object_set_data (G_OBJECT (chooser), "conflicts", GINT_TO_POINTER (conflicts));
  _qa_ui_run_file_chooser (chooser, widget, import_chosen_cb);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  QaExpertsView *self = QA_EXPERTS_VIEW (widget);

  qa_experts_view_set_section (self, "pool");
  qa_experts_view_focus_search (self);
}

/* The object ---------------------------------------------------------------------------------- */

static void
disconnect_session (QaExpertsView *self)
{
  GListModel *experts;

  if (self->session == NULL)
    return;

  experts = qa_session_get_experts (self->session);
  g_signal_handlers_disconnect_by_func (experts, G_CALLBACK (experts_changing_cb), self);
  g_signal_handlers_disconnect_by_func (experts, G_CALLBACK (experts_changed_cb), self);
}

static void
qa_experts_view_dispose (GObject *object)
{
  QaExpertsView *self = (QaExpertsView *)object;
  disconnect_session (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), QA_TYPE_EXPERTS_VIEW);
  _qa_ui_dispose_children (GTK_WIDGET (self));

  g_clear_object (&self->session);
  g_clear_pointer (&self->selected_id, g_free);

  G_OBJECT_CLASS (qa_experts_view_parent_class)->dispose (object);
}

static void
qa_experts_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  QaExpertsView *self = QA_EXPERTS_VIEW (object);

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
qa_experts_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  QaExpertsView *self = QA_EXPERTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      qa_experts_view_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_experts_view_class_init (QaExpertsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qa_experts_view_dispose;
  object_class->get_property = qa_experts_view_get_property;
  object_class->set_property = qa_experts_view_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         QA_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (QA_TYPE_CONFLICT_MATRIX);
  g_type_ensure (QA_TYPE_EXPERT);
  g_type_ensure (QA_TYPE_PANEL_VIEW);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/qa-experts-view.ui");
  gtk_widget_class_bind_template_child (widget_class, QaExpertsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, QaExpertsView, conflict_matrix);
  gtk_widget_class_bind_template_child (widget_class, QaExpertsView, contact_row);
  gtk_widget_class_bind_template_child (widget_class, QaExpertsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, QaExpertsView, declaration_icon);
  gtk_widget_class_bind_template_child (widget_class, QaExpertsView, declaration_row);
  gtk_widget_class_bind_template_child (widget_class, QaExpertsView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, QaExpertsView, ethics_icon);
  gtk_widget_class_bind_template_child (widget_class, QaExpertsView, ethics_row);
  gtk_widget_class_bind_template_child (widget_class, QaExpertsView, experience_icon);
  gtk_widget_class_bind_template_child (widget_class, QaExpertsView, experience_row);
  gtk_widget_class_bind_template_child (widget_class, QaExpertsView, filter_model);
  gtk_widget_class_bind_template_child (widget_class, QaExpertsView, id_label);
  gtk_widget_class_bind_template_child (widget_class, QaExpertsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, QaExpertsView, material_row);
  gtk_widget_class_bind_template_child (widget_class, QaExpertsView, name_label);
  gtk_widget_class_bind_template_child (widget_class, QaExpertsView, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, QaExpertsView, panel_view);
  gtk_widget_class_bind_template_child (widget_class, QaExpertsView, reference_column);
  gtk_widget_class_bind_template_child (widget_class, QaExpertsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, QaExpertsView, selection);
  gtk_widget_class_bind_template_child (widget_class, QaExpertsView, serve_icon);
  gtk_widget_class_bind_template_child (widget_class, QaExpertsView, serve_label);
  gtk_widget_class_bind_template_child (widget_class, QaExpertsView, serve_reasons);
  gtk_widget_class_bind_template_child (widget_class, QaExpertsView, site_row);
  gtk_widget_class_bind_template_child (widget_class, QaExpertsView, specialty_row);
  gtk_widget_class_bind_template_child (widget_class, QaExpertsView, stack);
  gtk_widget_class_bind_template_child (widget_class, QaExpertsView, standing_icon);
  gtk_widget_class_bind_template_child (widget_class, QaExpertsView, standing_row);
  gtk_widget_class_bind_template_child (widget_class, QaExpertsView, status_label);
  gtk_widget_class_bind_template_child (widget_class, QaExpertsView, string_filter);
  gtk_widget_class_bind_template_child (widget_class, QaExpertsView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, QaExpertsView, ties_list);
  gtk_widget_class_bind_template_child (widget_class, QaExpertsView, training_icon);
  gtk_widget_class_bind_template_child (widget_class, QaExpertsView, training_row);
  gtk_widget_class_bind_template_child (widget_class, QaExpertsView, view_stack);
  gtk_widget_class_bind_template_callback (widget_class, expert_search_text);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);

  gtk_widget_class_install_action (widget_class, "experts.import-experts", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "experts.import-conflicts", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "experts.declare", NULL, declare_action);
  gtk_widget_class_install_action (widget_class, "experts.suspend", NULL, change_status_action);
  gtk_widget_class_install_action (widget_class, "experts.disqualify", NULL, change_status_action);
  gtk_widget_class_install_action (widget_class, "experts.reinstate", NULL, change_status_action);
  gtk_widget_class_install_action (widget_class, "experts.add-conflict", NULL, add_conflict_action);
  gtk_widget_class_install_action (widget_class, "experts.edit", NULL, edit_record_action);
  gtk_widget_class_install_action (widget_class, "experts.train", NULL, edit_record_action);
  gtk_widget_class_install_action (widget_class, "experts.find", NULL, find_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "experts.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK,
                                       "experts.import-experts", NULL);

  gtk_widget_class_set_css_name (widget_class, "experts-view");
}

static void
qa_experts_view_init (QaExpertsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  append_columns (self);
  gtk_column_view_sort_by_column (self->column_view, self->reference_column, GTK_SORT_ASCENDING);
  update_state (self);
  update_detail (self);
}

GtkWidget *
qa_experts_view_new (void)
{
  return g_object_new (QA_TYPE_EXPERTS_VIEW, NULL);
}

QaSession *
qa_experts_view_get_session (QaExpertsView *self)
{
  g_return_val_if_fail (QA_IS_EXPERTS_VIEW (self), NULL);

  return self->session;
}

void
qa_experts_view_set_session (QaExpertsView *self,
                             QaSession     *session)
{
  GListModel *experts = NULL;

  g_return_if_fail (QA_IS_EXPERTS_VIEW (self));
  g_return_if_fail (!session || QA_IS_SESSION (session));

  if (self->session == session)
    return;

  disconnect_session (self);
  g_set_object (&self->session, session);
  g_clear_pointer (&self->selected_id, g_free);

  /* Around the filter model's own handler: before it, and after everything. */
  if (session != NULL)
    {
      experts = qa_session_get_experts (session);
      g_signal_connect_object (experts, "items-changed",
                               G_CALLBACK (experts_changing_cb), self, G_CONNECT_SWAPPED);
    }
  gtk_filter_list_model_set_model (self->filter_model, experts);
  if (session != NULL)
    g_signal_connect_object (experts, "items-changed",
                             G_CALLBACK (experts_changed_cb), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  qa_panel_view_set_session (self->panel_view, session);
  qa_conflict_matrix_set_session (self->conflict_matrix, session);

  selection_changed_cb (self, NULL, self->selection);
  update_state (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

const char *
qa_experts_view_get_section (QaExpertsView *self)
{
  g_return_val_if_fail (QA_IS_EXPERTS_VIEW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

void
qa_experts_view_set_section (QaExpertsView *self,
                             const char    *section)
{
  g_return_if_fail (QA_IS_EXPERTS_VIEW (self));
  g_return_if_fail (section != NULL);

  adw_view_stack_set_visible_child_name (self->view_stack, section);
}

void
qa_experts_view_set_role (QaExpertsView *self,
                          QaRole         role)
{
  g_return_if_fail (QA_IS_EXPERTS_VIEW (self));

  self->role = role;
  qa_panel_view_set_role (self->panel_view, role);
  update_actions (self, qa_experts_view_get_selected_expert (self));
}

void
qa_experts_view_focus_search (QaExpertsView *self)
{
  g_return_if_fail (QA_IS_EXPERTS_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

GtkSelectionModel *
qa_experts_view_get_model (QaExpertsView *self)
{
  g_return_val_if_fail (QA_IS_EXPERTS_VIEW (self), NULL);

  return GTK_SELECTION_MODEL (self->selection);
}

GtkEditable *
qa_experts_view_get_search_entry (QaExpertsView *self)
{
  g_return_val_if_fail (QA_IS_EXPERTS_VIEW (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

gboolean
qa_experts_view_select_expert (QaExpertsView *self,
                               const char    *expert_id)
{
  GListModel *rows;

  g_return_val_if_fail (QA_IS_EXPERTS_VIEW (self), FALSE);
  g_return_val_if_fail (expert_id != NULL, FALSE);

  rows = G_LIST_MODEL (self->selection);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(QaExpert) expert = g_list_model_get_item (rows, i);

      if (g_strcmp0 (qa_expert_get_id (expert), expert_id) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }

  return FALSE;
}

QaExpert *
qa_experts_view_get_selected_expert (QaExpertsView *self)
{
  g_return_val_if_fail (QA_IS_EXPERTS_VIEW (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

void
qa_experts_view_import_experts (QaExpertsView *self,
                                GFile         *file)
{
  g_return_if_fail (QA_IS_EXPERTS_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  import_file (self, file, FALSE);
}

void
qa_experts_view_import_conflicts (QaExpertsView *self,
                                  GFile         *file)
{
  g_return_if_fail (QA_IS_EXPERTS_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  import_file (self, file, TRUE);
}

QaPanelView *
qa_experts_view_get_panel_view (QaExpertsView *self)
{
  g_return_val_if_fail (QA_IS_EXPERTS_VIEW (self), NULL);

  return self->panel_view;
}

QaConflictMatrix *
qa_experts_view_get_conflict_matrix (QaExpertsView *self)
{
  g_return_val_if_fail (QA_IS_EXPERTS_VIEW (self), NULL);

  return self->conflict_matrix;
}
