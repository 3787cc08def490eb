/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The consensus charts in plain cairo, so the consensus view and the consensus report draw the
 * same thing. */

#define G_LOG_DOMAIN "qa-consensus"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "qa-consensus.h"

#define CHART_FONT "Noto Sans CJK SC, Sans 8"

static void
show_label (cairo_t    *cr,
            const char *text,
            double      x,
            double      y,
            double      align_x,
            double      align_y)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (CHART_FONT);
  int w, h;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x - align_x * w, y - align_y * h);
  pango_cairo_show_layout (cr, layout);
}

static void
radar_point (double  cx,
             double  cy,
             double  radius,
             guint   i,
             guint   n,
             double  percent,
             double *px,
             double *py)
{
  double angle = -G_PI / 2 + 2 * G_PI * i / n;
  double r = radius * CLAMP (percent, 0, 100) / 100;

  *px = cx + r * cos (angle);
  *py = cy + r * sin (angle);
}

static void
radar_path (cairo_t      *cr,
            double        cx,
            double        cy,
            double        radius,
            const double *percents,
            guint         n)
{
  for (guint i = 0; i < n; i++)
    {
      double px, py;

      radar_point (cx, cy, radius, i, n, percents[i], &px, &py);
      if (i == 0)
        cairo_move_to (cr, px, py);
      else
        cairo_line_to (cr, px, py);
    }
  cairo_close_path (cr);
}

void
qa_consensus_draw_radar (cairo_t            *cr,
                         double              x,
                         double              y,
                         double              width,
                         double              height,
                         const char * const *labels,
                         const double       *percents,
                         guint               n,
                         const double       *outlines,
                         guint               n_outlines)
{
  double cx = x + width / 2, cy = y + height / 2;
  double radius = MIN (width, height) / 2 - 28;

  g_return_if_fail (cr != NULL);
  if (n < 3 || percents == NULL || radius <= 0)
    return;

  cairo_save (cr);
  cairo_set_line_width (cr, 0.5);

  /* Rings at 20 % steps and the axes. */
  cairo_set_source_rgb (cr, 0.75, 0.75, 0.75);
  for (guint ring = 1; ring <= 5; ring++)
    {
      g_autofree double *level = g_new (double, n);

      for (guint i = 0; i < n; i++)
        level[i] = ring * 20;
      radar_path (cr, cx, cy, radius, level, n);
      cairo_stroke (cr);
    }
  for (guint i = 0; i < n; i++)
    {
      double px, py;

      radar_point (cx, cy, radius, i, n, 100, &px, &py);
      cairo_move_to (cr, cx, cy);
      cairo_line_to (cr, px, py);
      cairo_stroke (cr);
    }

  /* Each reviewer's outline, dashed, under the consensus. */
  if (outlines != NULL)
    {
      static const double dash[] = { 3, 2 };

      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
      for (guint r = 0; r < n_outlines; r++)
        {
          radar_path (cr, cx, cy, radius, outlines + (gsize)r * n, n);
          cairo_stroke (cr);
        }
      cairo_set_dash (cr, NULL, 0, 0);
    }

  radar_path (cr, cx, cy, radius, percents, n);
  cairo_set_source_rgba (cr, 0.11, 0.42, 0.75, 0.25);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 0.11, 0.42, 0.75);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);

  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < n; i++)
    {
      double px, py, angle = -G_PI / 2 + 2 * G_PI * i / n;
      g_autofree char *text = g_strdup_printf ("%s %.0f%%", labels != NULL ? labels[i] : "",
                                               percents[i]);

      radar_point (cx, cy, radius + 6, i, n, 100, &px, &py);
      show_label (cr, text, px, py, (1 - cos (angle)) / 2, (1 - sin (angle)) / 2);
    }
  cairo_restore (cr);
}

void
qa_consensus_draw_spread_bars (cairo_t   *cr,
                               double     x,
                               double     y,
                               double     width,
                               double     height,
                               GPtrArray *items)
{
  double label_width = 44, axis_x, axis_width, row;

  g_return_if_fail (cr != NULL);
  if (items == NULL || items->len == 0)
    return;

  axis_x = x + label_width;
  axis_width = width - label_width - 16;
  row = height / (items->len + 1);

  cairo_save (cr);
  cairo_set_line_width (cr, 0.4);
  cairo_set_source_rgb (cr, 0.8, 0.8, 0.8);
  for (guint tick = 0; tick <= 10; tick++)
    {
      double tx = axis_x + axis_width * tick / 10;

      cairo_move_to (cr, tx, y);
      cairo_line_to (cr, tx, y + row * items->len);
      cairo_stroke (cr);
    }
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint tick = 0; tick <= 10; tick += 2)
    {
      g_autofree char *text = g_strdup_printf ("%u", tick * 10);

      show_label (cr, text, axis_x + axis_width * tick / 10, y + row * items->len + 2, 0.5, 0);
    }

  for (guint i = 0; i < items->len; i++)
    {
      const QaConsensusItem *item = g_ptr_array_index (items, i);
      double ry = y + row * i, bar_h = MAX (row * 0.55, 2);
      double bx = axis_x + axis_width * item->min / 100, bw = axis_width * item->spread / 100;
      g_autofree char *label = g_strdup_printf ("%s%s", item->item, item->flagged ? " !" : "");

      cairo_set_source_rgb (cr, 0, 0, 0);
      show_label (cr, label, x, ry + row / 2, 0, 0.5);
      if (item->scorers == 0)
        continue;

      cairo_rectangle (cr, bx, ry + (row - bar_h) / 2, MAX (bw, 1.5), bar_h);
      if (item->flagged)
        cairo_set_source_rgb (cr, 0.85, 0.45, 0.1);
      else
        cairo_set_source_rgb (cr, 0.55, 0.7, 0.9);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
      cairo_stroke (cr);

      /* Hatching on a flagged bar: the flag is not told by colour alone. */
      if (item->flagged)
        {
          cairo_save (cr);
          cairo_rectangle (cr, bx, ry + (row - bar_h) / 2, MAX (bw, 1.5), bar_h);
          cairo_clip (cr);
          for (double hx = bx - bar_h; hx < bx + bw; hx += 4)
            {
              cairo_move_to (cr, hx, ry + (row + bar_h) / 2);
              cairo_line_to (cr, hx + bar_h, ry + (row - bar_h) / 2);
            }
          cairo_stroke (cr);
          cairo_restore (cr);
        }

      /* The consensus as a black tick across the bar. */
      if (item->percent >= 0)
        {
          double cx = axis_x + axis_width * item->percent / 100;

          cairo_set_line_width (cr, 1.6);
          cairo_set_source_rgb (cr, 0, 0, 0);
          cairo_move_to (cr, cx, ry + 1);
          cairo_line_to (cr, cx, ry + row - 1);
          cairo_stroke (cr);
          cairo_set_line_width (cr, 0.4);
        }
    }
  cairo_restore (cr);
}
