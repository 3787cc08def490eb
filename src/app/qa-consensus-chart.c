/* qa-consensus-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-consensus-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "qa-consensus-chart.h"
#include "qa-ui-private.h"

struct _QaConsensusChart
{
  GtkWidget       parent_instance;

  /* Owned */
  GStrv           labels;
  double         *percents;
  double         *outlines;
  guint           n;
  guint           n_outlines;
  GPtrArray      *items;

  /* Template widgets */
  GtkCheckButton *outlines_check;
  GtkDrawingArea *radar_area;
  GtkDrawingArea *spread_area;
};

G_DEFINE_FINAL_TYPE (QaConsensusChart, qa_consensus_chart, GTK_TYPE_WIDGET)

#define RADAR_INSET 36

static void
set_source_foreground (QaConsensusChart *self,
                       cairo_t          *cr)
{
  GdkRGBA color;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  gdk_cairo_set_source_rgba (cr, &color);
}

static void
draw_radar (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  QaConsensusChart *self = user_data;
  gboolean outlines = gtk_check_button_get_active (self->outlines_check);

  if (self->percents == NULL)
    return;
  set_source_foreground (self, cr);
  /* The axes' names are drawn outside the radar: room for them on either side. */
  qa_consensus_draw_radar (cr, RADAR_INSET, 0, MAX (width - 2 * RADAR_INSET, 1), height,
                           (const char * const *)self->labels,
                           self->percents, self->n,
                           outlines ? self->outlines : NULL, outlines ? self->n_outlines : 0);
}

static void
draw_spread (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  QaConsensusChart *self = user_data;

  if (self->items == NULL)
    return;
  set_source_foreground (self, cr);
  qa_consensus_draw_spread_bars (cr, 0, 0, width, height, self->items);
}

static void
clear (QaConsensusChart *self)
{
  g_clear_pointer (&self->labels, g_strfreev);
  g_clear_pointer (&self->percents, g_free);
  g_clear_pointer (&self->outlines, g_free);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->n = 0;
  self->n_outlines = 0;
}

void
qa_consensus_chart_load (QaConsensusChart *self,
                         QaSession        *session,
                         QaStage           stage,
                         const char       *applicant_id)
{
  g_autoptr(GPtrArray) totals = NULL;
  g_autoptr(QaPanel) panel = NULL;
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  GListModel *categories = NULL;
  g_autoptr(GString) description = g_string_new (NULL);

  g_return_if_fail (QA_IS_CONSENSUS_CHART (self));

  clear (self);
  if (session != NULL && applicant_id != NULL)
    {
      categories = qa_criteria_get_categories (qa_session_get_criteria (session));
      totals = qa_consensus_category_totals (session, stage, applicant_id, NULL);
      self->items = qa_consensus_compute (session, stage, applicant_id, NULL);
      panel = qa_panel_load (session, stage, NULL);
    }

  if (totals != NULL && self->items != NULL && panel != NULL)
    {
      const char * const *scorers = qa_panel_get_scorers (panel, applicant_id);

      self->n = g_list_model_get_n_items (categories);
      self->percents = g_new0 (double, self->n);
      self->n_outlines = g_strv_length ((char **)scorers);
      self->outlines = g_new0 (double, (gsize)self->n * self->n_outlines);

      for (guint i = 0; i < self->n; i++)
        {
          g_autoptr(QaCategory) category = g_list_model_get_item (categories, i);
          guint points = qa_category_get_points (category);

          g_strv_builder_add (labels, qa_category_get_name (category));
          for (guint t = 0; t < totals->len; t++)
            {
              const QaConsensusCategoryTotal *total = g_ptr_array_index (totals, t);

              if (g_strcmp0 (total->category, qa_category_get_code (category)) == 0 && points > 0)
                self->percents[i] = (double)total->total_x100 / points;
            }
          if (description->len > 0)
            g_string_append (description, "; ");
          /* Translators: a category and its consensus percentage, for a screen reader */
          g_string_append_printf (description, _("%s %.0f%%"), qa_category_get_name (category),
                                  self->percents[i]);

          for (guint r = 0; r < self->n_outlines; r++)
            {
              g_autoptr(QaScoreSheet) sheet = qa_score_sheet_new (session, scorers[r], applicant_id,
                                                                 stage, NULL);

              if (sheet != NULL && points > 0)
                self->outlines[(gsize)r * self->n + i] =
                  100.0 * qa_score_sheet_get_category_total (sheet, qa_category_get_code (category)) / points;
            }
        }
      self->labels = g_strv_builder_end (labels);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->radar_area),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str, -1);
  if (self->items != NULL)
    gtk_drawing_area_set_content_height (self->spread_area, MAX (120, 18 * (int)self->items->len + 24));
  gtk_widget_queue_draw (GTK_WIDGET (self->radar_area));
  gtk_widget_queue_draw (GTK_WIDGET (self->spread_area));
}

const double *
qa_consensus_chart_get_percents (QaConsensusChart *self,
                                 guint            *n)
{
  g_return_val_if_fail (QA_IS_CONSENSUS_CHART (self), NULL);

  if (n != NULL)
    *n = self->n;
  return self->percents;
}

static void
qa_consensus_chart_dispose (GObject *object)
{
  QaConsensusChart *self = QA_CONSENSUS_CHART (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), QA_TYPE_CONSENSUS_CHART);
  _qa_ui_dispose_children (GTK_WIDGET (self));
  clear (self);

  G_OBJECT_CLASS (qa_consensus_chart_parent_class)->dispose (object);
}

static void
qa_consensus_chart_class_init (QaConsensusChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qa_consensus_chart_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/qa-consensus-chart.ui");
  gtk_widget_class_bind_template_child (widget_class, QaConsensusChart, outlines_check);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusChart, radar_area);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusChart, spread_area);

  gtk_widget_class_set_css_name (widget_class, "consensus-chart");
}

static void
qa_consensus_chart_init (QaConsensusChart *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drawing_area_set_draw_func (self->radar_area, draw_radar, self, NULL);
  gtk_drawing_area_set_draw_func (self->spread_area, draw_spread, self, NULL);
}

GtkWidget *
qa_consensus_chart_new (void)
{
  return g_object_new (QA_TYPE_CONSENSUS_CHART, NULL);
}
