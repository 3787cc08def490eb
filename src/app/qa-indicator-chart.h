/* qa-indicator-chart.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define QA_TYPE_INDICATOR_CHART (qa_indicator_chart_get_type ())
G_DECLARE_FINAL_TYPE (QaIndicatorChart, qa_indicator_chart, QA, INDICATOR_CHART, GtkDrawingArea)

/* One indicator of the yearly reports (Art. 18) over the years, as a line with a dot per year;
 * a worsening one in the error colour (its words say so beside it: colour is never the only
 * sign). @values are copied. */
GtkWidget *qa_indicator_chart_new    (const double *values,
                                      guint         n_values,
                                      gboolean      worse);
guint      qa_indicator_chart_get_n_values (QaIndicatorChart *self);
gboolean   qa_indicator_chart_get_worse    (QaIndicatorChart *self);

G_END_DECLS
