/* qa-item-guide.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-item-guide"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "qa-item-guide.h"

struct _QaItemGuide
{
  GtkWidget   parent_instance;

  /* Owned */
  QaCriteria *criteria;
  QaItem     *item;
  /* One row per band, lowest first, as qa_criteria_get_bands() gives them. */
  GPtrArray  *band_rows;
  int         percent;
  int         current_band;

  /* Template widgets */
  AdwPreferencesGroup *bands_group;
  GtkBox              *current_band_box;
  GtkLabel            *current_band_label;
  GtkLabel            *current_band_points;
  GtkLabel            *current_band_title;
  GtkLabel            *facts_label;
  GtkLabel            *key_points_label;
  GtkLabel            *title_label;
};

G_DEFINE_FINAL_TYPE (QaItemGuide, qa_item_guide, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_PERCENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

/* Translators: a scoring band, e.g. “50–65%” */
#define BAND_TITLE_FORMAT N_("%u–%u%%")

static char *
format_band_points (const QaBand *band,
                    guint         points)
{
  /* Translators: the points a band gives one item, e.g. “25.0–32.5 pts” */
  return g_strdup_printf (_("%.1f–%.1f pts"),
                          points * band->min_percent / 100.0,
                          points * band->max_percent / 100.0);
}

static GtkWidget *
create_band_row (const QaBand *band,
                 QaItemKind    kind,
                 guint         points)
{
  g_autofree char *title = NULL;
  g_autofree char *range = NULL;
  GtkWidget *suffix;
  GtkWidget *row;

  title = g_strdup_printf (_(BAND_TITLE_FORMAT), band->min_percent, band->max_percent);
  range = format_band_points (band, points);

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

  g_object_set_data_full (G_OBJECT (row), "qa-band-title", g_steal_pointer (&title), g_free);
  return row;
}

static void
clear_bands (QaItemGuide *self)
{
  for (guint i = 0; i < self->band_rows->len; i++)
    adw_preferences_group_remove (self->bands_group, g_ptr_array_index (self->band_rows, i));
  g_ptr_array_set_size (self->band_rows, 0);
  self->current_band = -1;
}

static void
show_bands (QaItemGuide *self)
{
  QaItemKind kind = qa_item_get_kind (self->item);
  const QaBand *bands;
  guint n_bands = 0;

  bands = qa_criteria_get_bands (self->criteria, kind, &n_bands);

  if (kind == QA_ITEM_KIND_PROCESS)
    adw_preferences_group_set_description (self->bands_group,
                                           _("A reviewer places the item in the band its approach, "
                                             "deployment, learning and integration match."));
  else
    adw_preferences_group_set_description (self->bands_group,
                                           _("A reviewer places the item in the band its levels, "
                                             "trends, comparisons and integration match."));

  for (guint i = 0; bands != NULL && i < n_bands; i++)
    g_ptr_array_add (self->band_rows,
                     create_band_row (&bands[i], kind, qa_item_get_points (self->item)));

  /* Best first, as the standard's tables read. */
  for (guint i = self->band_rows->len; i > 0; i--)
    adw_preferences_group_add (self->bands_group, g_ptr_array_index (self->band_rows, i - 1));
}

static int
band_index (QaItemGuide *self,
            int          percent)
{
  QaItemKind kind;
  const QaBand *bands;
  guint n_bands = 0;

  if (self->item == NULL || percent < 0)
    return -1;

  kind = qa_item_get_kind (self->item);
  bands = qa_criteria_get_bands (self->criteria, kind, &n_bands);
  if (bands == NULL || n_bands == 0)
    return -1;

  return qa_criteria_get_band (self->criteria, kind, percent) - bands;
}

static void
set_band_current (QaItemGuide *self,
                  int          index,
                  gboolean     current)
{
  GtkWidget *row;

  if (index < 0 || index >= (int)self->band_rows->len)
    return;

  row = g_ptr_array_index (self->band_rows, index);
  if (current)
    gtk_widget_add_css_class (row, "current-band");
  else
    gtk_widget_remove_css_class (row, "current-band");

  if (ADW_IS_EXPANDER_ROW (row))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), current);
}

static char *
describe_band (const QaBand *band,
               QaItemKind    kind)
{
  const char *dimensions[][2] = {
    { _("Approach"), band->approach },
    { _("Deployment"), band->deployment },
    { _("Learning"), band->learning },
    { _("Integration"), band->integration },
  };
  GString *text;

  if (kind != QA_ITEM_KIND_PROCESS || band->approach == NULL)
    return g_strdup (band->description);

  text = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (dimensions); i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      /* Translators: one ADLI dimension of a band and what it looks like, e.g. “Approach: …” */
      g_string_append_printf (text, C_("dimension", "%s: %s"), dimensions[i][0], dimensions[i][1]);
    }

  return g_string_free (text, FALSE);
}

/* The band of the percentage, spelt out above the full list. */
static void
show_current_band (QaItemGuide *self,
                   int          index)
{
  const QaBand *bands;
  g_autofree char *range = NULL;
  g_autofree char *title = NULL;
  g_autofree char *points = NULL;
  g_autofree char *text = NULL;
  guint n_bands = 0;

  gtk_widget_set_visible (GTK_WIDGET (self->current_band_box), index >= 0);
  if (index < 0)
    return;

  bands = qa_criteria_get_bands (self->criteria, qa_item_get_kind (self->item), &n_bands);
  range = g_strdup_printf (_(BAND_TITLE_FORMAT), bands[index].min_percent, bands[index].max_percent);
  /* Translators: the band the reviewer's percentage falls in, e.g. “Current band 50–65%” (当前档次) */
  title = g_strdup_printf (_("Current band %s"), range);
  points = format_band_points (&bands[index], qa_item_get_points (self->item));
  text = describe_band (&bands[index], qa_item_get_kind (self->item));

  gtk_label_set_label (self->current_band_title, title);
  gtk_label_set_label (self->current_band_points, points);
  gtk_label_set_label (self->current_band_label, text);
}

static void
update_current_band (QaItemGuide *self)
{
  int index = band_index (self, self->percent);

  show_current_band (self, index);

  if (index == self->current_band)
    return;

  set_band_current (self, self->current_band, FALSE);
  set_band_current (self, index, TRUE);
  self->current_band = index;
}

static void
qa_item_guide_dispose (GObject *object)
{
  QaItemGuide *self = (QaItemGuide *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), QA_TYPE_ITEM_GUIDE);
  /* gtk_widget_dispose_template() only unparents the children it binds. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_pointer (&self->band_rows, g_ptr_array_unref);
  g_clear_object (&self->criteria);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (qa_item_guide_parent_class)->dispose (object);
}

static void
qa_item_guide_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  QaItemGuide *self = QA_ITEM_GUIDE (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    case PROP_PERCENT:
      g_value_set_int (value, self->percent);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_item_guide_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  QaItemGuide *self = QA_ITEM_GUIDE (object);

  switch (prop_id)
    {
    case PROP_PERCENT:
      qa_item_guide_set_percent (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_item_guide_class_init (QaItemGuideClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qa_item_guide_dispose;
  object_class->get_property = qa_item_guide_get_property;
  object_class->set_property = qa_item_guide_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         QA_TYPE_ITEM,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PERCENT] =
    g_param_spec_int ("percent", NULL, NULL,
                      -1, 100, -1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/qa-item-guide.ui");
  gtk_widget_class_bind_template_child (widget_class, QaItemGuide, bands_group);
  gtk_widget_class_bind_template_child (widget_class, QaItemGuide, current_band_box);
  gtk_widget_class_bind_template_child (widget_class, QaItemGuide, current_band_label);
  gtk_widget_class_bind_template_child (widget_class, QaItemGuide, current_band_points);
  gtk_widget_class_bind_template_child (widget_class, QaItemGuide, current_band_title);
  gtk_widget_class_bind_template_child (widget_class, QaItemGuide, facts_label);
  gtk_widget_class_bind_template_child (widget_class, QaItemGuide, key_points_label);
  gtk_widget_class_bind_template_child (widget_class, QaItemGuide, title_label);

  gtk_widget_class_set_css_name (widget_class, "item-guide");
}

static void
qa_item_guide_init (QaItemGuide *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->band_rows = g_ptr_array_new ();
  self->percent = -1;
  self->current_band = -1;
}

GtkWidget *
qa_item_guide_new (void)
{
  return g_object_new (QA_TYPE_ITEM_GUIDE, NULL);
}

QaItem *
qa_item_guide_get_item (QaItemGuide *self)
{
  g_return_val_if_fail (QA_IS_ITEM_GUIDE (self), NULL);

  return self->item;
}

void
qa_item_guide_set_item (QaItemGuide *self,
                        QaCriteria  *criteria,
                        QaItem      *item)
{
  g_autoptr(QaCategory) category = NULL;
  g_autofree char *title = NULL;
  g_autofree char *points = NULL;
  g_autofree char *facts = NULL;
  const char *key_points;
  const char *kind;

  g_return_if_fail (QA_IS_ITEM_GUIDE (self));
  g_return_if_fail (QA_IS_CRITERIA (criteria));
  g_return_if_fail (QA_IS_ITEM (item));

  if (self->item == item && self->criteria == criteria)
    return;

  clear_bands (self);
  g_set_object (&self->criteria, criteria);
  g_set_object (&self->item, item);

  category = find_category (criteria, qa_item_get_category_code (item));
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

  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->facts_label, facts);
  gtk_label_set_label (self->key_points_label, key_points);
  show_bands (self);
  update_current_band (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

int
qa_item_guide_get_percent (QaItemGuide *self)
{
  g_return_val_if_fail (QA_IS_ITEM_GUIDE (self), -1);

  return self->percent;
}

void
qa_item_guide_set_percent (QaItemGuide *self,
                           int          percent)
{
  g_return_if_fail (QA_IS_ITEM_GUIDE (self));
  g_return_if_fail (percent >= -1 && percent <= 100);

  if (self->percent == percent)
    return;

  self->percent = percent;
  update_current_band (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERCENT]);
}

const char *
qa_item_guide_get_current_band (QaItemGuide *self)
{
  g_return_val_if_fail (QA_IS_ITEM_GUIDE (self), NULL);

  if (self->current_band < 0)
    return NULL;

  return g_object_get_data (g_ptr_array_index (self->band_rows, self->current_band),
                            "qa-band-title");
}
