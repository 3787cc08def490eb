/* qa-indicator-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-indicator-chart"

#include "config.h"

#include "qa-indicator-chart.h"

struct _QaIndicatorChart
{
  GtkDrawingArea  parent_instance;

  GArray         *values;  /* double, one a year */
  gboolean        worse;
};

G_DEFINE_FINAL_TYPE (QaIndicatorChart, qa_indicator_chart, GTK_TYPE_DRAWING_AREA)

#define PAD 4.0

static void
point (QaIndicatorChart *self,
       guint             i,
       int               width,
       int               height,
       double            lo,
       double            hi,
       double           *x,
       double           *y)
{
  guint n = self->values->len;

  *x = n > 1 ? PAD + (width - 2 * PAD) * i / (n - 1) : width / 2.0;
  *y = PAD + (height - 2 * PAD) * (1.0 - (g_array_index (self->values, double, i) - lo) / (hi - lo));
}

static void
draw (GtkDrawingArea *area,
      cairo_t        *cr,
      int             width,
      int             height,
      gpointer        data)
{
  QaIndicatorChart *self = QA_INDICATOR_CHART (area);
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE, x, y;
  GdkRGBA color;

  if (self->values->len == 0)
    return;
  for (guint i = 0; i < self->values->len; i++)
    {
      lo = MIN (lo, g_array_index (self->values, double, i));
      hi = MAX (hi, g_array_index (self->values, double, i));
    }
  if (hi - lo < 1e-9)
    {
      hi += 1.0;
      lo -= 1.0;
    }

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  if (self->worse)
    gdk_rgba_parse (&color, "#c01c28");
  gdk_cairo_set_source_rgba (cr, &color);

  cairo_set_line_width (cr, 2.0);
  for (guint i = 0; i < self->values->len; i++)
    {
      point (self, i, width, height, lo, hi, &x, &y);
      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_stroke (cr);
  for (guint i = 0; i < self->values->len; i++)
    {
      point (self, i, width, height, lo, hi, &x, &y);
      cairo_arc (cr, x, y, 3.0, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

static void
qa_indicator_chart_finalize (GObject *object)
{
  QaIndicatorChart *self = QA_INDICATOR_CHART (object);

  g_array_unref (self->values);

  G_OBJECT_CLASS (qa_indicator_chart_parent_class)->finalize (object);
}

static void
qa_indicator_chart_class_init (QaIndicatorChartClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = qa_indicator_chart_finalize;
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "indicator-chart");
}

static void
qa_indicator_chart_init (QaIndicatorChart *self)
{
  self->values = g_array_new (FALSE, FALSE, sizeof (double));
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self), 44);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self), 160);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw, NULL, NULL);
}

GtkWidget *
qa_indicator_chart_new (const double *values,
                        guint         n_values,
                        gboolean      worse)
{
  QaIndicatorChart *self = g_object_new (QA_TYPE_INDICATOR_CHART, NULL);

  g_array_append_vals (self->values, values, n_values);
  self->worse = worse;
  return GTK_WIDGET (self);
}

guint
qa_indicator_chart_get_n_values (QaIndicatorChart *self)
{
  g_return_val_if_fail (QA_IS_INDICATOR_CHART (self), 0);
  return self->values->len;
}

gboolean
qa_indicator_chart_get_worse (QaIndicatorChart *self)
{
  g_return_val_if_fail (QA_IS_INDICATOR_CHART (self), FALSE);
  return self->worse;
}
