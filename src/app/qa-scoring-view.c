/* qa-scoring-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-scoring-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "qa-scoring-view.h"

struct _QaScoringView
{
  GtkWidget           parent_instance;

  /* Owned */
  QaSession          *session;

  /* Template widgets */
  GtkBox             *bands_box;
  GtkLabel           *category_facts_label;
  GtkBox             *category_items_box;
  GtkLabel           *category_title_label;
  GtkColumnView      *column_view;
  GtkStack           *detail_stack;
  GtkLabel           *item_facts_label;
  GtkLabel           *item_key_points_label;
  GtkLabel           *item_title_label;
  GtkSingleSelection *selection;
  GtkLabel           *summary_label;
  GtkLabel           *title_label;
};

G_DEFINE_FINAL_TYPE (QaScoringView, qa_scoring_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GListModel *
create_item_model (gpointer item,
                   gpointer user_data)
{
  if (QA_IS_CATEGORY (item))
    return g_object_ref (qa_category_get_items (QA_CATEGORY (item)));

  return NULL;
}

static char *
row_code (gpointer        this_object,
          GtkTreeListRow *row)
{
  g_autoptr(GObject) item = NULL;

  if (row == NULL || !(item = gtk_tree_list_row_get_item (row)))
    return NULL;

  if (QA_IS_CATEGORY (item))
    return g_strdup (qa_category_get_code (QA_CATEGORY (item)));
  else
    return g_strdup (qa_item_get_code (QA_ITEM (item)));
}

static char *
row_name (gpointer        this_object,
          GtkTreeListRow *row)
{
  g_autoptr(GObject) item = NULL;

  if (row == NULL || !(item = gtk_tree_list_row_get_item (row)))
    return NULL;

  if (QA_IS_CATEGORY (item))
    return g_strdup (qa_category_get_name (QA_CATEGORY (item)));
  else
    return g_strdup (qa_item_get_name (QA_ITEM (item)));
}

static char *
row_points (gpointer        this_object,
            GtkTreeListRow *row)
{
  g_autoptr(GObject) item = NULL;

  if (row == NULL || !(item = gtk_tree_list_row_get_item (row)))
    return NULL;

  if (QA_IS_CATEGORY (item))
    return g_strdup_printf ("%u", qa_category_get_points (QA_CATEGORY (item)));
  else
    return g_strdup_printf ("%u", qa_item_get_points (QA_ITEM (item)));
}

static const char *
kind_label (QaItemKind kind)
{
  if (kind == QA_ITEM_KIND_RESULT)
    /* Translators: a GB/T 19580 item judged by its outcomes (结果) */
    return C_("item kind", "Result");

  /* Translators: a GB/T 19580 item judged by its methods (过程) */
  return C_("item kind", "Process");
}

static char *
row_kind (gpointer        this_object,
          GtkTreeListRow *row)
{
  g_autoptr(GObject) item = NULL;

  if (row == NULL || !(item = gtk_tree_list_row_get_item (row)) || !QA_IS_ITEM (item))
    return NULL;

  return g_strdup (kind_label (qa_item_get_kind (QA_ITEM (item))));
}

static char **
row_css_classes (gpointer        this_object,
                 GtkTreeListRow *row)
{
  g_autoptr(GObject) item = NULL;

  if (row == NULL || !(item = gtk_tree_list_row_get_item (row)) || !QA_IS_CATEGORY (item))
    return NULL;

  return g_strdupv ((char *[]) { (char *)"heading", NULL });
}

static char *
format_points (guint points)
{
  return g_strdup_printf (ngettext ("%u point", "%u points", points), points);
}

static QaCategory *
find_category (QaCriteria *criteria,
               const char *code)
{
  GListModel *categories = qa_criteria_get_categories (criteria);
  guint n = g_list_model_get_n_items (categories);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QaCategory) category = g_list_model_get_item (categories, i);

      if (g_strcmp0 (qa_category_get_code (category), code) == 0)
        return g_steal_pointer (&category);
    }

  return NULL;
}

static void
remove_children (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))))
    gtk_box_remove (box, child);
}

static GtkWidget *
create_text_row (const char *title,
                 const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  return row;
}

/* One row per band of the item's kind: the band's percentages, the points they give this item,
 * and the guidance text (for process items also what each ADLI dimension looks like). */
static void
show_bands (QaScoringView *self,
            QaItem        *item)
{
  QaCriteria *criteria = qa_session_get_criteria (self->session);
  QaItemKind kind = qa_item_get_kind (item);
  guint points = qa_item_get_points (item);
  const QaBand *bands;
  GtkWidget *group;
  guint n_bands = 0;

  remove_children (self->bands_box);

  bands = qa_criteria_get_bands (criteria, kind, &n_bands);
  if (bands == NULL || n_bands == 0)
    return;

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Scoring Bands"));
  if (kind == QA_ITEM_KIND_PROCESS)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _("A reviewer places the item in the band its approach, "
                                             "deployment, learning and integration match."));
  else
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _("A reviewer places the item in the band its levels, "
                                             "trends, comparisons and integration match."));

  for (guint i = n_bands; i > 0; i--)
    {
      const QaBand *band = &bands[i - 1];
      g_autofree char *title = NULL;
      g_autofree char *range = NULL;
      GtkWidget *row;
      GtkWidget *suffix;

      /* Translators: a scoring band, e.g. “50–65%” */
      title = g_strdup_printf (_("%u–%u%%"), band->min_percent, band->max_percent);
      /* Translators: the points a band gives one item, e.g. “25.0–32.5 pts” */
      range = g_strdup_printf (_("%.1f–%.1f pts"),
                               points * band->min_percent / 100.0,
                               points * band->max_percent / 100.0);

      suffix = gtk_label_new (range);
      gtk_widget_add_css_class (suffix, "dim-label");
      gtk_widget_add_css_class (suffix, "numeric");

      if (kind == QA_ITEM_KIND_PROCESS && band->approach != NULL)
        {
          row = adw_expander_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          /* Process bands have no summary of their own; the approach is their headline. */
          adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row),
                                         band->description != NULL ? band->description
                                                                   : band->approach);
          adw_expander_row_add_action (ADW_EXPANDER_ROW (row), suffix);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                    create_text_row (_("Approach"), band->approach));
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                    create_text_row (_("Deployment"), band->deployment));
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                    create_text_row (_("Learning"), band->learning));
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                    create_text_row (_("Integration"), band->integration));
        }
      else
        {
          row = create_text_row (title, band->description);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
        }

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  gtk_box_append (self->bands_box, group);
}

static void
show_item (QaScoringView *self,
           QaItem        *item)
{
  g_autoptr(QaCategory) category = NULL;
  g_autofree char *title = NULL;
  g_autofree char *points = NULL;
  g_autofree char *facts = NULL;
  const char *key_points;
  const char *kind;

  category = find_category (qa_session_get_criteria (self->session),
                            qa_item_get_category_code (item));

  title = g_strdup_printf ("%s %s", qa_item_get_code (item), qa_item_get_name (item));
  points = format_points (qa_item_get_points (item));

  if (qa_item_get_kind (item) == QA_ITEM_KIND_PROCESS)
    kind = _("Process item, judged by ADLI");
  else
    kind = _("Result item, judged by LeTCI");

  if (category != NULL)
    facts = g_strdup_printf ("%s · %s · %s %s", points, kind,
                             qa_category_get_code (category),
                             qa_category_get_name (category));
  else
    facts = g_strdup_printf ("%s · %s", points, kind);

  key_points = qa_item_get_key_points (item);
  if (key_points == NULL || key_points[0] == '\0')
    key_points = _("The criteria name no key points for this item.");

  gtk_label_set_label (self->item_title_label, title);
  gtk_label_set_label (self->item_facts_label, facts);
  gtk_label_set_label (self->item_key_points_label, key_points);
  show_bands (self, item);

  gtk_stack_set_visible_child_name (self->detail_stack, "item");
}

static void
show_category (QaScoringView *self,
               QaCategory    *category)
{
  GListModel *items = qa_category_get_items (category);
  guint n_items = g_list_model_get_n_items (items);
  g_autofree char *title = NULL;
  g_autofree char *points = NULL;
  g_autofree char *count = NULL;
  g_autofree char *facts = NULL;
  GtkWidget *group;

  title = g_strdup_printf ("%s %s",
                           qa_category_get_code (category),
                           qa_category_get_name (category));
  points = format_points (qa_category_get_points (category));
  /* Translators: how many scored items a category has */
  count = g_strdup_printf (ngettext ("%u scored item", "%u scored items", n_items), n_items);
  facts = g_strdup_printf ("%s · %s", points, count);

  gtk_label_set_label (self->category_title_label, title);
  gtk_label_set_label (self->category_facts_label, facts);

  remove_children (self->category_items_box);
  group = adw_preferences_group_new ();
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(QaItem) item = g_list_model_get_item (items, i);
      g_autofree char *item_title = NULL;
      g_autofree char *item_points = NULL;
      GtkWidget *row;
      GtkWidget *suffix;

      item_title = g_strdup_printf ("%s %s", qa_item_get_code (item), qa_item_get_name (item));
      item_points = format_points (qa_item_get_points (item));
      row = adw_action_row_new ();
      suffix = gtk_label_new (item_points);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item_title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), kind_label (qa_item_get_kind (item)));
      gtk_widget_add_css_class (suffix, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  gtk_box_append (self->category_items_box, group);

  gtk_stack_set_visible_child_name (self->detail_stack, "category");
}

static void
selected_item_changed_cb (QaScoringView      *self,
                          GParamSpec         *pspec,
                          GtkSingleSelection *selection)
{
  GtkTreeListRow *row;
  g_autoptr(GObject) item = NULL;

  g_assert (QA_IS_SCORING_VIEW (self));

  row = gtk_single_selection_get_selected_item (selection);
  if (row != NULL)
    item = gtk_tree_list_row_get_item (row);

  if (self->session != NULL && QA_IS_ITEM (item))
    show_item (self, QA_ITEM (item));
  else if (self->session != NULL && QA_IS_CATEGORY (item))
    show_category (self, QA_CATEGORY (item));
  else
    gtk_stack_set_visible_child_name (self->detail_stack, "none");
}

static void
show_criteria (QaScoringView *self)
{
  QaCriteria *criteria = NULL;
  g_autoptr(GtkTreeListModel) tree = NULL;
  g_autofree char *n_categories = NULL;
  g_autofree char *n_items = NULL;
  g_autofree char *total = NULL;
  g_autofree char *summary = NULL;
  guint categories;
  guint items;

  if (self->session != NULL)
    criteria = qa_session_get_criteria (self->session);

  if (criteria == NULL)
    {
      gtk_single_selection_set_model (self->selection, NULL);
      gtk_label_set_label (self->title_label, "");
      gtk_label_set_label (self->summary_label, "");
      return;
    }

  categories = g_list_model_get_n_items (qa_criteria_get_categories (criteria));
  items = g_list_model_get_n_items (qa_criteria_get_items (criteria));

  n_categories = g_strdup_printf (ngettext ("%u category", "%u categories", categories),
                                  categories);
  n_items = g_strdup_printf (ngettext ("%u item", "%u items", items), items);
  total = format_points (qa_criteria_get_total_points (criteria));
  summary = g_strdup_printf ("%s · %s · %s", n_categories, n_items, total);

  gtk_label_set_label (self->title_label, qa_criteria_get_title (criteria));
  gtk_label_set_label (self->summary_label, summary);

  tree = gtk_tree_list_model_new (g_object_ref (qa_criteria_get_categories (criteria)),
                                  FALSE, TRUE, create_item_model, NULL, NULL);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (tree));

  /* Open on the first scored item rather than its category, to show what a band looks like. */
  if (g_list_model_get_n_items (G_LIST_MODEL (tree)) > 1)
    gtk_single_selection_set_selected (self->selection, 1);
}

static void
qa_scoring_view_dispose (GObject *object)
{
  QaScoringView *self = (QaScoringView *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), QA_TYPE_SCORING_VIEW);
  /* gtk_widget_dispose_template() only unparents the children it binds. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (qa_scoring_view_parent_class)->dispose (object);
}

static void
qa_scoring_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  QaScoringView *self = QA_SCORING_VIEW (object);

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
qa_scoring_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  QaScoringView *self = QA_SCORING_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      qa_scoring_view_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_scoring_view_class_init (QaScoringViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qa_scoring_view_dispose;
  object_class->get_property = qa_scoring_view_get_property;
  object_class->set_property = qa_scoring_view_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         QA_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/qa-scoring-view.ui");
  gtk_widget_class_bind_template_child (widget_class, QaScoringView, bands_box);
  gtk_widget_class_bind_template_child (widget_class, QaScoringView, category_facts_label);
  gtk_widget_class_bind_template_child (widget_class, QaScoringView, category_items_box);
  gtk_widget_class_bind_template_child (widget_class, QaScoringView, category_title_label);
  gtk_widget_class_bind_template_child (widget_class, QaScoringView, column_view);
  gtk_widget_class_bind_template_child (widget_class, QaScoringView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, QaScoringView, item_facts_label);
  gtk_widget_class_bind_template_child (widget_class, QaScoringView, item_key_points_label);
  gtk_widget_class_bind_template_child (widget_class, QaScoringView, item_title_label);
  gtk_widget_class_bind_template_child (widget_class, QaScoringView, selection);
  gtk_widget_class_bind_template_child (widget_class, QaScoringView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, QaScoringView, title_label);
  gtk_widget_class_bind_template_callback (widget_class, row_code);
  gtk_widget_class_bind_template_callback (widget_class, row_css_classes);
  gtk_widget_class_bind_template_callback (widget_class, row_kind);
  gtk_widget_class_bind_template_callback (widget_class, row_name);
  gtk_widget_class_bind_template_callback (widget_class, row_points);
  gtk_widget_class_bind_template_callback (widget_class, selected_item_changed_cb);

  gtk_widget_class_set_css_name (widget_class, "scoring-view");
}

static void
qa_scoring_view_init (QaScoringView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
qa_scoring_view_new (void)
{
  return g_object_new (QA_TYPE_SCORING_VIEW, NULL);
}

QaSession *
qa_scoring_view_get_session (QaScoringView *self)
{
  g_return_val_if_fail (QA_IS_SCORING_VIEW (self), NULL);

  return self->session;
}

void
qa_scoring_view_set_session (QaScoringView *self,
                             QaSession     *session)
{
  g_return_if_fail (QA_IS_SCORING_VIEW (self));
  g_return_if_fail (!session || QA_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  show_criteria (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

GtkSelectionModel *
qa_scoring_view_get_model (QaScoringView *self)
{
  g_return_val_if_fail (QA_IS_SCORING_VIEW (self), NULL);

  return GTK_SELECTION_MODEL (self->selection);
}
