/* qa-expert-pool.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-expert-pool"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "qa-expert-pool.h"
#include "qa-experts-ui-private.h"
#include "qa-ui-private.h"

/* The expert pool as a list: what Art. 11 asks of each expert, their standing and their place on
 * each panel, under a search that matches reference, name, employer, title and specialty. */
struct _QaExpertPool
{
  GtkWidget            parent_instance;

  /* Owned */
  QaSession           *session;
  char                *selected_id;  /* kept while the pool is read anew */
  guint                reloading;

  /* Template widgets */
  GtkColumnView       *column_view;
  GtkLabel            *count_label;
  GtkFilterListModel  *filter_model;
  GtkStack            *list_stack;
  AdwStatusPage       *no_results_page;
  GtkColumnViewColumn *reference_column;
  GtkSearchEntry      *search_entry;
  GtkSingleSelection  *selection;
  GtkStringFilter     *string_filter;
};

G_DEFINE_FINAL_TYPE (QaExpertPool, qa_expert_pool, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_SELECTED_EXPERT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

static void
experience_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    QaExpertPool             *self)
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

/* What Art. 11 and the session ask of an expert, one ✓ or ✗ each in one column. */
static const struct {
  const char *property;
  const char *held;
  const char *missing;
} flags[] = {
  { "trained", N_("Trained in performance-excellence assessment (Art. 11(4))"),
    N_("Art. 11(4): no systematic training in performance-excellence assessment on record") },
  { "ethics", N_("Integrity declaration on file (Art. 11(1))"),
    N_("Art. 11(1): no integrity declaration on file") },
  { "declared", N_("This session’s impartiality and confidentiality declaration is signed"),
    N_("This session’s impartiality and confidentiality declaration is not signed") },
};

static void
flags_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    gtk_box_append (GTK_BOX (box), gtk_image_new ());
  gtk_list_item_set_child (list_item, box);
}

/* A ✓ for each requirement the expert meets, a ✗ for each they do not; the tooltip says which. */
static void
flags_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  QaExpert *expert = gtk_list_item_get_item (list_item);
  GtkWidget *image = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));

  for (guint i = 0; i < G_N_ELEMENTS (flags); i++, image = gtk_widget_get_next_sibling (image))
    {
      gboolean value = FALSE;

      g_object_get (expert, flags[i].property, &value, NULL);
      gtk_image_set_from_icon_name (GTK_IMAGE (image), value ? "emblem-ok-symbolic" : "window-close-symbolic");
      gtk_widget_set_css_classes (image, (const char *[]) { value ? "success" : "error", NULL });
      gtk_widget_set_tooltip_text (image, value ? _(flags[i].held) : _(flags[i].missing));
    }
}

/* Sorted by how many of the requirements are met. */
static guint
expert_flags_rank (QaExpert *expert)
{
  guint held = 0;

  for (guint i = 0; expert != NULL && i < G_N_ELEMENTS (flags); i++)
    {
      gboolean value = FALSE;

      g_object_get (expert, flags[i].property, &value, NULL);
      held += value ? 1 : 0;
    }
  return held;
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
  gtk_widget_set_css_classes (label, (const char *[]) { "status-pill", _qa_experts_ui_status_style (status), NULL });
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
append_column (QaExpertPool       *self,
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

/* The requirements (three ✓ in one column), the status, then a role column per stage; the
 * columns fit beside the sidebar at 1024 px, the employer column taking what is left. */
static void
append_columns (QaExpertPool  *self)
{
  static const char * const role_titles[] = {
    NC_("column", "Material"), NC_("column", "Site")
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (role_titles) == G_N_ELEMENTS (role_stages));

  append_column (self, C_("column", "Years"),
                 _qa_ui_label_factory_new (G_CALLBACK (experience_bind_cb), self, NULL),
                 gtk_property_expression_new (QA_TYPE_EXPERT, NULL, "experience-years"), 80);

  {
    GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

    g_signal_connect (factory, "setup", G_CALLBACK (flags_setup_cb), NULL);
    g_signal_connect (factory, "bind", G_CALLBACK (flags_bind_cb), NULL);
    append_column (self, C_("column", "Checks"), factory,
                   gtk_cclosure_expression_new (G_TYPE_UINT, NULL, 0, NULL,
                                                G_CALLBACK (expert_flags_rank), NULL, NULL),
                   84);
  }

  append_column (self, _("Status"), _qa_ui_label_factory_new (G_CALLBACK (status_bind_cb), NULL, NULL),
                 gtk_cclosure_expression_new (G_TYPE_UINT, NULL, 0, NULL,
                                              G_CALLBACK (expert_status_rank), NULL, NULL),
                 84);

  for (guint i = 0; i < G_N_ELEMENTS (role_stages); i++)
    {
      GtkListItemFactory *factory = _qa_ui_label_factory_new (G_CALLBACK (role_bind_cb), NULL, NULL);

      g_object_set_data (G_OBJECT (factory), "stage", GINT_TO_POINTER (role_stages[i]));
      append_column (self, g_dpgettext2 (NULL, "column", role_titles[i]), factory,
                     gtk_cclosure_expression_new (G_TYPE_UINT, NULL, 0, NULL,
                                                  G_CALLBACK (expert_role_rank),
                                                  GINT_TO_POINTER (role_stages[i]), NULL),
                     80);
    }
}

static void
update_state (QaExpertPool  *self)
{
  GListModel *experts = gtk_filter_list_model_get_model (self->filter_model);
  g_autofree char *count = NULL;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint total = experts != NULL ? g_list_model_get_n_items (experts) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));

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
selection_changed_cb (QaExpertPool       *self,
                      GParamSpec         *pspec,
                      GtkSingleSelection *selection)
{
  QaExpert *expert;

  g_assert (QA_IS_EXPERT_POOL (self));

  if (self->reloading > 0)
    return;

  expert = gtk_single_selection_get_selected_item (selection);
  g_free (self->selected_id);
  self->selected_id = expert != NULL ? g_strdup (qa_expert_get_id (expert)) : NULL;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_EXPERT]);
}

/* Selects the expert @expert_id; FALSE when no row shows them. */
static gboolean
select_expert (QaExpertPool *self,
               const char   *expert_id)
{
  GListModel *rows;

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

/* Every write reads the pool anew, with new objects: keep the selected expert selected. */
static void
experts_changing_cb (QaExpertPool *self,
                     guint         position,
                     guint         removed,
                     guint         added,
                     GListModel   *model)
{
  self->reloading++;
}

static void
experts_changed_cb (QaExpertPool *self,
                    guint         position,
                    guint         removed,
                    guint         added,
                    GListModel   *model)
{
  g_autofree char *selected_id = g_strdup (self->selected_id);

  self->reloading--;

  /* Gone, or hidden by the search: show what is selected now. */
  if (selected_id == NULL || !select_expert (self, selected_id))
    selection_changed_cb (self, NULL, self->selection);
  else
    /* The same expert, read anew: what the others show of them may have changed. */
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_EXPERT]);

  update_state (self);
}

static void
search_changed_cb (QaExpertPool   *self,
                   GtkSearchEntry *entry)
{
  g_assert (QA_IS_EXPERT_POOL (self));

  gtk_string_filter_set_search (self->string_filter, gtk_editable_get_text (GTK_EDITABLE (entry)));
  update_state (self);
}

/* The object ---------------------------------------------------------------------------------- */

static void
disconnect_session (QaExpertPool  *self)
{
  GListModel *experts;

  if (self->session == NULL)
    return;

  experts = qa_session_get_experts (self->session);
  g_signal_handlers_disconnect_by_func (experts, G_CALLBACK (experts_changing_cb), self);
  g_signal_handlers_disconnect_by_func (experts, G_CALLBACK (experts_changed_cb), self);
}

static void
qa_expert_pool_dispose (GObject *object)
{
  QaExpertPool *self = (QaExpertPool *)object;

  disconnect_session (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), QA_TYPE_EXPERT_POOL);
  _qa_ui_dispose_children (GTK_WIDGET (self));

  g_clear_object (&self->session);
  g_clear_pointer (&self->selected_id, g_free);

  G_OBJECT_CLASS (qa_expert_pool_parent_class)->dispose (object);
}

static void
qa_expert_pool_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  QaExpertPool *self = QA_EXPERT_POOL (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_SELECTED_EXPERT:
      g_value_set_object (value, qa_expert_pool_get_selected_expert (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_expert_pool_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  QaExpertPool *self = QA_EXPERT_POOL (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      qa_expert_pool_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_expert_pool_class_init (QaExpertPoolClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qa_expert_pool_dispose;
  object_class->get_property = qa_expert_pool_get_property;
  object_class->set_property = qa_expert_pool_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         QA_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SELECTED_EXPERT] =
    g_param_spec_object ("selected-expert", NULL, NULL,
                         QA_TYPE_EXPERT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (QA_TYPE_EXPERT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/qa-expert-pool.ui");
  gtk_widget_class_bind_template_child (widget_class, QaExpertPool, column_view);
  gtk_widget_class_bind_template_child (widget_class, QaExpertPool, count_label);
  gtk_widget_class_bind_template_child (widget_class, QaExpertPool, filter_model);
  gtk_widget_class_bind_template_child (widget_class, QaExpertPool, list_stack);
  gtk_widget_class_bind_template_child (widget_class, QaExpertPool, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, QaExpertPool, reference_column);
  gtk_widget_class_bind_template_child (widget_class, QaExpertPool, search_entry);
  gtk_widget_class_bind_template_child (widget_class, QaExpertPool, selection);
  gtk_widget_class_bind_template_child (widget_class, QaExpertPool, string_filter);
  gtk_widget_class_bind_template_callback (widget_class, expert_search_text);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "stop_search_cb",
                                                G_CALLBACK (_qa_ui_stop_search_cb));

  gtk_widget_class_set_css_name (widget_class, "expert-pool");
}

static void
qa_expert_pool_init (QaExpertPool *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  append_columns (self);
  gtk_column_view_sort_by_column (self->column_view, self->reference_column, GTK_SORT_ASCENDING);
  update_state (self);
}

GtkWidget *
qa_expert_pool_new (void)
{
  return g_object_new (QA_TYPE_EXPERT_POOL, NULL);
}

QaSession *
qa_expert_pool_get_session (QaExpertPool *self)
{
  g_return_val_if_fail (QA_IS_EXPERT_POOL (self), NULL);

  return self->session;
}

void
qa_expert_pool_set_session (QaExpertPool *self,
                            QaSession    *session)
{
  GListModel *experts = NULL;

  g_return_if_fail (QA_IS_EXPERT_POOL (self));
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

  selection_changed_cb (self, NULL, self->selection);
  update_state (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

void
qa_expert_pool_focus_search (QaExpertPool *self)
{
  g_return_if_fail (QA_IS_EXPERT_POOL (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

GtkSelectionModel *
qa_expert_pool_get_model (QaExpertPool *self)
{
  g_return_val_if_fail (QA_IS_EXPERT_POOL (self), NULL);

  return GTK_SELECTION_MODEL (self->selection);
}

GtkEditable *
qa_expert_pool_get_search_entry (QaExpertPool *self)
{
  g_return_val_if_fail (QA_IS_EXPERT_POOL (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

QaExpert *
qa_expert_pool_get_selected_expert (QaExpertPool *self)
{
  g_return_val_if_fail (QA_IS_EXPERT_POOL (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}
