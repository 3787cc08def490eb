/* qa-criteria-browser.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-criteria-browser"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "qa-criteria-browser.h"
#include "qa-item-guide.h"
#include "qa-ui-private.h"

/* The criteria of a session database as a tree, categories over their items, beside what the
 * selected row says: an item's key points and bands, or a category's items. Read-only. */
struct _QaCriteriaBrowser
{
  GtkWidget           parent_instance;

  /* Owned */
  QaSession          *session;

  /* Template widgets */
  GtkLabel           *category_facts_label;
  GtkBox             *category_items_box;
  GtkLabel           *category_title_label;
  QaItemGuide        *criteria_guide;
  GtkColumnView      *column_view;
  GtkStack           *detail_stack;
  GtkSingleSelection *selection;
  GtkLabel           *summary_label;
  GtkLabel           *title_label;
};

G_DEFINE_FINAL_TYPE (QaCriteriaBrowser, qa_criteria_browser, GTK_TYPE_WIDGET)

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

static void
remove_children (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))))
    gtk_box_remove (box, child);
}

static void
show_item (QaCriteriaBrowser *self,
           QaItem            *item)
{
  qa_item_guide_set_item (self->criteria_guide, qa_session_get_criteria (self->session), item);
  gtk_stack_set_visible_child_name (self->detail_stack, "item");
}

static void
show_category (QaCriteriaBrowser *self,
               QaCategory        *category)
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
selected_item_changed_cb (QaCriteriaBrowser  *self,
                          GParamSpec         *pspec,
                          GtkSingleSelection *selection)
{
  GtkTreeListRow *row;
  g_autoptr(GObject) item = NULL;

  g_assert (QA_IS_CRITERIA_BROWSER (self));

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
show_criteria (QaCriteriaBrowser *self)
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

/* GObject ------------------------------------------------------------------------------------- */

static void
qa_criteria_browser_dispose (GObject *object)
{
  QaCriteriaBrowser *self = (QaCriteriaBrowser *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), QA_TYPE_CRITERIA_BROWSER);
  _qa_ui_dispose_children (GTK_WIDGET (self));
  g_clear_object (&self->session);

  G_OBJECT_CLASS (qa_criteria_browser_parent_class)->dispose (object);
}

static void
qa_criteria_browser_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  QaCriteriaBrowser *self = QA_CRITERIA_BROWSER (object);

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
qa_criteria_browser_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  QaCriteriaBrowser *self = QA_CRITERIA_BROWSER (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      qa_criteria_browser_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_criteria_browser_class_init (QaCriteriaBrowserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qa_criteria_browser_dispose;
  object_class->get_property = qa_criteria_browser_get_property;
  object_class->set_property = qa_criteria_browser_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         QA_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (QA_TYPE_ITEM_GUIDE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/qa-criteria-browser.ui");
  gtk_widget_class_bind_template_child (widget_class, QaCriteriaBrowser, category_facts_label);
  gtk_widget_class_bind_template_child (widget_class, QaCriteriaBrowser, category_items_box);
  gtk_widget_class_bind_template_child (widget_class, QaCriteriaBrowser, category_title_label);
  gtk_widget_class_bind_template_child (widget_class, QaCriteriaBrowser, column_view);
  gtk_widget_class_bind_template_child (widget_class, QaCriteriaBrowser, criteria_guide);
  gtk_widget_class_bind_template_child (widget_class, QaCriteriaBrowser, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, QaCriteriaBrowser, selection);
  gtk_widget_class_bind_template_child (widget_class, QaCriteriaBrowser, summary_label);
  gtk_widget_class_bind_template_child (widget_class, QaCriteriaBrowser, title_label);
  gtk_widget_class_bind_template_callback (widget_class, row_code);
  gtk_widget_class_bind_template_callback (widget_class, row_css_classes);
  gtk_widget_class_bind_template_callback (widget_class, row_kind);
  gtk_widget_class_bind_template_callback (widget_class, row_name);
  gtk_widget_class_bind_template_callback (widget_class, row_points);
  gtk_widget_class_bind_template_callback (widget_class, selected_item_changed_cb);

  gtk_widget_class_set_css_name (widget_class, "criteria-browser");
}

static void
qa_criteria_browser_init (QaCriteriaBrowser *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
qa_criteria_browser_new (void)
{
  return g_object_new (QA_TYPE_CRITERIA_BROWSER, NULL);
}

QaSession *
qa_criteria_browser_get_session (QaCriteriaBrowser *self)
{
  g_return_val_if_fail (QA_IS_CRITERIA_BROWSER (self), NULL);

  return self->session;
}

void
qa_criteria_browser_set_session (QaCriteriaBrowser *self,
                                 QaSession         *session)
{
  g_return_if_fail (QA_IS_CRITERIA_BROWSER (self));
  g_return_if_fail (!session || QA_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  show_criteria (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

GtkSelectionModel *
qa_criteria_browser_get_model (QaCriteriaBrowser *self)
{
  g_return_val_if_fail (QA_IS_CRITERIA_BROWSER (self), NULL);

  return GTK_SELECTION_MODEL (self->selection);
}
