/* qa-award-indicators.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The yearly reports of one award (Art. 18): a card per indicator with its years charted, the
 * year-on-year change, and a worsening one flagged for the secretariat's guidance.
 */

#define G_LOG_DOMAIN "qa-award-indicators"

#include "config.h"

#include <glib/gi18n.h>

#include "qa-award-indicators.h"
#include "qa-indicator-chart.h"
#include "qa-ui-private.h"

struct _QaAwardIndicators
{
  GtkWidget   parent_instance;

  /* Owned */
  GPtrArray  *changes;  /* QaIndicatorChange of the award shown */

  /* Template widgets */
  GtkFlowBox *box;
  GtkLabel   *heading;
};

G_DEFINE_FINAL_TYPE (QaAwardIndicators, qa_award_indicators, GTK_TYPE_WIDGET)

void
qa_award_indicators_show (QaAwardIndicators *self,
                          QaSession         *session,
                          const QaAward     *award)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) indicators = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *child;
  guint n_worse = 0;

  g_return_if_fail (QA_IS_AWARD_INDICATORS (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->box))) != NULL)
    gtk_flow_box_remove (self->box, child);
  g_ptr_array_set_size (self->changes, 0);

  if (award != NULL)
    indicators = qa_award_list_indicators (session, award->applicant_id, NULL);
  if (indicators != NULL)
    g_ptr_array_extend_and_steal (self->changes, g_steal_pointer (&indicators));

  /* One card per indicator, its years in order (core lists them by year, then name). */
  for (guint i = 0; i < self->changes->len; i++)
    {
      const QaIndicatorChange *change = g_ptr_array_index (self->changes, i);
      const QaIndicatorChange *last = change;
      GArray *values;
      GtkWidget *card, *name, *detail, *area;
      g_autofree char *years = NULL;
      g_autofree char *text = NULL;
      GString *series;

      if (g_hash_table_contains (seen, change->name))
        continue;
      g_hash_table_add (seen, change->name);

      values = g_array_new (FALSE, FALSE, sizeof (double));
      series = g_string_new (NULL);
      for (guint j = i; j < self->changes->len; j++)
        {
          const QaIndicatorChange *other = g_ptr_array_index (self->changes, j);

          if (!g_str_equal (other->name, change->name))
            continue;
          g_array_append_val (values, other->value);
          g_string_append_printf (series, "%s%u", series->len > 0 ? " · " : "", other->year);
          last = other;
        }

      card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      gtk_widget_add_css_class (card, "card");
      gtk_widget_add_css_class (card, "fact");
      name = gtk_label_new (change->name);
      gtk_label_set_xalign (GTK_LABEL (name), 0.0);
      gtk_label_set_wrap (GTK_LABEL (name), TRUE);
      gtk_widget_add_css_class (name, "heading");
      area = qa_indicator_chart_new ((const double *)(gpointer)values->data, values->len,
                                     last->has_previous && last->worse);
      g_array_unref (values);
      if (last->has_previous && last->worse)
        /* Translators: value, unit, year-on-year change; a worsening indicator (Art. 18) */
        text = g_strdup_printf (_("%.2f %s in %u, %+.1f%% — worse: guidance advised (Art. 18)"),
                                last->value, last->unit != NULL ? last->unit : "", last->year,
                                last->change_percent);
      else if (last->has_previous)
        /* Translators: value, unit, year, year-on-year change */
        text = g_strdup_printf (_("%.2f %s in %u, %+.1f%%"), last->value,
                                last->unit != NULL ? last->unit : "", last->year,
                                last->change_percent);
      else
        text = g_strdup_printf (_("%.2f %s in %u"), last->value,
                                last->unit != NULL ? last->unit : "", last->year);
      n_worse += last->has_previous && last->worse;
      detail = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (detail), 0.0);
      gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
      gtk_widget_add_css_class (detail, last->worse && last->has_previous ? "error" : "dim-label");
      gtk_widget_set_tooltip_text (area, series->str);
      g_string_free (series, TRUE);
      gtk_box_append (GTK_BOX (card), name);
      gtk_box_append (GTK_BOX (card), area);
      gtk_box_append (GTK_BOX (card), detail);
      gtk_flow_box_append (self->box, card);
    }

  if (award == NULL)
    heading = g_strdup ("");
  else if (self->changes->len == 0)
    /* Translators: %s is the organisation */
    heading = g_strdup_printf (_("Yearly reports of %s (Art. 18): none received yet"), award->name);
  else
    heading = g_strdup_printf (ngettext ("Yearly reports of %s (Art. 18): %u indicator worse "
                                         "than the year before",
                                         "Yearly reports of %s (Art. 18): %u indicators worse "
                                         "than the year before",
                                         n_worse),
                               award->name, n_worse);
  gtk_label_set_label (self->heading, heading);
}

static void
qa_award_indicators_dispose (GObject *object)
{
  QaAwardIndicators *self = QA_AWARD_INDICATORS (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), QA_TYPE_AWARD_INDICATORS);
  _qa_ui_dispose_children (GTK_WIDGET (self));
  g_clear_pointer (&self->changes, g_ptr_array_unref);

  G_OBJECT_CLASS (qa_award_indicators_parent_class)->dispose (object);
}

static void
qa_award_indicators_class_init (QaAwardIndicatorsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qa_award_indicators_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/qa-award-indicators.ui");
  gtk_widget_class_bind_template_child (widget_class, QaAwardIndicators, box);
  gtk_widget_class_bind_template_child (widget_class, QaAwardIndicators, heading);

  gtk_widget_class_set_css_name (widget_class, "award-indicators");
}

static void
qa_award_indicators_init (QaAwardIndicators *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->changes = g_ptr_array_new_with_free_func ((GDestroyNotify)qa_indicator_change_free);
}

GtkWidget *
qa_award_indicators_new (void)
{
  return g_object_new (QA_TYPE_AWARD_INDICATORS, NULL);
}

GPtrArray *
qa_award_indicators_get_changes (QaAwardIndicators *self)
{
  g_return_val_if_fail (QA_IS_AWARD_INDICATORS (self), NULL);

  return self->changes;
}
