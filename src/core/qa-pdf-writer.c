/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qa-pdf"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "qa-output.h"
#include "qa-pdf-writer-private.h"

#define A4_SHORT 595.276
#define A4_LONG  841.890
#define MARGIN   56.0
#define FOOTER   28.0

struct _QaPdf
{
  char            *path;
  GByteArray      *bytes;     /* the document, until it is written whole */
  cairo_surface_t *surface;
  cairo_t         *cr;
  PangoLayout     *layout;
  double           width, height;
  double           y;
  guint            page;
  gboolean         unnumbered;
};

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

QaPdf *
_qa_pdf_new (const char *path,
             const char *title,
             gboolean    landscape)
{
  QaPdf *pdf = g_new0 (QaPdf, 1);

  pdf->path = g_strdup (path);
  pdf->width = landscape ? A4_LONG : A4_SHORT;
  pdf->height = landscape ? A4_SHORT : A4_LONG;
  /* Drawn into memory and written through QaOutput at the end (a temporary file renamed into
   * place when whole; never over an open session). */
  pdf->bytes = g_byte_array_new ();
  pdf->surface = cairo_pdf_surface_create_for_stream (append_bytes, pdf->bytes, pdf->width,
                                                      pdf->height);
  cairo_pdf_surface_set_metadata (pdf->surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (pdf->surface, CAIRO_PDF_METADATA_CREATOR,
                                  "qareview " PACKAGE_VERSION);
  pdf->cr = cairo_create (pdf->surface);
  pdf->layout = pango_cairo_create_layout (pdf->cr);
  pango_layout_set_wrap (pdf->layout, PANGO_WRAP_WORD_CHAR);
  pdf->y = MARGIN;
  pdf->page = 1;
  return pdf;
}

double
_qa_pdf_get_width (QaPdf *pdf)
{
  return pdf->width - 2 * MARGIN;
}

void
_qa_pdf_set_numbered (QaPdf    *pdf,
                      gboolean  numbered)
{
  pdf->unnumbered = !numbered;
}

static void
draw_footer (QaPdf *pdf)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (QA_PDF_SANS " 8");
  g_autofree char *text = NULL;
  int height = 0;

  if (pdf->unnumbered)
    return;

  /* Translators: the page number at the foot of a printed page */
  text = g_strdup_printf (_("Page %u"), pdf->page);
  pango_layout_set_font_description (pdf->layout, font);
  pango_layout_set_width (pdf->layout, (int)(_qa_pdf_get_width (pdf) * PANGO_SCALE));
  pango_layout_set_alignment (pdf->layout, PANGO_ALIGN_CENTER);
  pango_layout_set_indent (pdf->layout, 0);
  pango_layout_set_text (pdf->layout, text, -1);
  pango_layout_get_size (pdf->layout, NULL, &height);
  cairo_set_source_rgb (pdf->cr, 0.3, 0.3, 0.3);
  cairo_move_to (pdf->cr, MARGIN, pdf->height - FOOTER - (double)height / PANGO_SCALE);
  pango_cairo_show_layout (pdf->cr, pdf->layout);
  cairo_set_source_rgb (pdf->cr, 0, 0, 0);
}

static void
new_page (QaPdf *pdf)
{
  draw_footer (pdf);
  cairo_show_page (pdf->cr);
  pdf->page++;
  pdf->y = MARGIN;
}

void
_qa_pdf_keep (QaPdf  *pdf,
              double  height)
{
  if (pdf->y + height > pdf->height - MARGIN - FOOTER)
    new_page (pdf);
}

static double
measure (QaPdf          *pdf,
         const char     *font,
         const char     *text,
         PangoAlignment  alignment,
         double          width,
         double          indent)
{
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);
  int height = 0;

  pango_layout_set_font_description (pdf->layout, description);
  pango_layout_set_width (pdf->layout, (int)(width * PANGO_SCALE));
  pango_layout_set_alignment (pdf->layout, alignment);
  pango_layout_set_indent (pdf->layout, (int)(indent * PANGO_SCALE));
  pango_layout_set_spacing (pdf->layout, 4 * PANGO_SCALE);
  pango_layout_set_text (pdf->layout, text != NULL ? text : "", -1);
  pango_layout_get_size (pdf->layout, NULL, &height);
  return (double)height / PANGO_SCALE;
}

void
_qa_pdf_text (QaPdf          *pdf,
              const char     *font,
              const char     *text,
              PangoAlignment  alignment,
              double          indent,
              double          space_before)
{
  double height = measure (pdf, font, text, alignment, _qa_pdf_get_width (pdf), indent);

  pdf->y += space_before;
  _qa_pdf_keep (pdf, height);
  measure (pdf, font, text, alignment, _qa_pdf_get_width (pdf), indent);
  cairo_move_to (pdf->cr, MARGIN, pdf->y);
  pango_cairo_show_layout (pdf->cr, pdf->layout);
  pdf->y += height;
}

void
_qa_pdf_rule (QaPdf *pdf)
{
  cairo_set_source_rgb (pdf->cr, 0.75, 0.1, 0.1);
  cairo_set_line_width (pdf->cr, 1.5);
  cairo_move_to (pdf->cr, MARGIN, pdf->y + 10);
  cairo_line_to (pdf->cr, pdf->width - MARGIN, pdf->y + 10);
  cairo_stroke (pdf->cr);
  cairo_set_source_rgb (pdf->cr, 0, 0, 0);
  pdf->y += 24;
}

void
_qa_pdf_row (QaPdf              *pdf,
             const char * const *cells,
             const double       *widths,
             guint               n,
             gboolean            header)
{
  const char *font = header ? QA_PDF_SANS " Bold 8.5" : QA_PDF_SANS " 8.5";
  double total = _qa_pdf_get_width (pdf), height = 0, x = MARGIN;

  for (guint i = 0; i < n; i++)
    height = MAX (height, measure (pdf, font, cells[i], PANGO_ALIGN_LEFT,
                                   widths[i] * total - 6, 0));
  _qa_pdf_keep (pdf, height + 4);

  for (guint i = 0; i < n; i++)
    {
      measure (pdf, font, cells[i], PANGO_ALIGN_LEFT, widths[i] * total - 6, 0);
      cairo_move_to (pdf->cr, x, pdf->y);
      pango_cairo_show_layout (pdf->cr, pdf->layout);
      x += widths[i] * total;
    }
  pdf->y += height + 4;
  cairo_set_line_width (pdf->cr, header ? 0.8 : 0.3);
  cairo_move_to (pdf->cr, MARGIN, pdf->y - 2);
  cairo_line_to (pdf->cr, pdf->width - MARGIN, pdf->y - 2);
  cairo_stroke (pdf->cr);
  pdf->y += 2;
}

gboolean
_qa_pdf_finish (QaPdf   *pdf,
                GQuark   domain,
                int      code,
                GError **error)
{
  cairo_status_t status;
  gboolean ok = FALSE;

  draw_footer (pdf);
  cairo_show_page (pdf->cr);
  g_object_unref (pdf->layout);
  cairo_destroy (pdf->cr);
  cairo_surface_finish (pdf->surface);
  status = cairo_surface_status (pdf->surface);
  cairo_surface_destroy (pdf->surface);

  if (status != CAIRO_STATUS_SUCCESS)
    g_set_error (error, domain, code, _("“%s” could not be written: %s"), pdf->path,
                 cairo_status_to_string (status));
  else
    ok = qa_output_write_file (pdf->path, QA_OUTPUT_NONE, pdf->bytes->data, pdf->bytes->len, error);
  g_byte_array_unref (pdf->bytes);
  g_free (pdf->path);
  g_free (pdf);
  return ok;
}
