/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* The one layout engine of the printed documents (letters, reports): a document is built as a
 * list of blocks — headings, paragraphs, bullets, table rows, charts — and laid out on A4 pages
 * with Pango (Chinese fonts first), breaking pages where a block does not fit, with the page
 * number and count at the foot of every page. The same document can be drawn onto any cairo
 * context page by page (printing) or written as PDF. */

typedef struct _QaPdfDocument QaPdfDocument;

/* Draws a chart into the box; @user_data is what was given with it. */
typedef void (*QaPdfDrawFunc) (cairo_t  *cr,
                               double    x,
                               double    y,
                               double    width,
                               double    height,
                               gpointer  user_data);

typedef enum
{
  QA_PDF_PORTRAIT,
  QA_PDF_LANDSCAPE,
} QaPdfOrientation;

QaPdfDocument *_qa_pdf_document_new       (const char        *title,
                                           QaPdfOrientation   orientation);
void           _qa_pdf_document_free      (QaPdfDocument     *doc);
/* A centred title with the red rule of an official letter under it. */
void           _qa_pdf_add_title          (QaPdfDocument     *doc,
                                           const char        *title,
                                           const char        *subtitle);
void           _qa_pdf_add_heading        (QaPdfDocument     *doc,
                                           const char        *text);
/* A body paragraph, first line indented two characters as a Chinese letter has it. */
void           _qa_pdf_add_paragraph      (QaPdfDocument     *doc,
                                           const char        *text);
/* A paragraph without indent. */
void           _qa_pdf_add_text           (QaPdfDocument     *doc,
                                           const char        *text);
void           _qa_pdf_add_bullet         (QaPdfDocument     *doc,
                                           const char        *text);
/* Right-aligned lines (signature and date), pushed towards the foot of the page. */
void           _qa_pdf_add_signature      (QaPdfDocument     *doc,
                                           const char        *signature,
                                           const char        *date);
/* A table row; @widths are fractions of the text width. A header row is bold. */
void           _qa_pdf_add_row            (QaPdfDocument     *doc,
                                           const char * const *cells,
                                           const double       *widths,
                                           guint               n,
                                           gboolean            header);
/* A chart @height points high across the text width; @destroy frees @user_data with the
 * document. */
void           _qa_pdf_add_chart          (QaPdfDocument     *doc,
                                           double             height,
                                           QaPdfDrawFunc      draw,
                                           gpointer           user_data,
                                           GDestroyNotify     destroy);
void           _qa_pdf_add_page_break     (QaPdfDocument     *doc);

/* Lays the document out on pages of the document's size and returns their number. */
guint          _qa_pdf_count_pages        (QaPdfDocument     *doc);
/* Draws page @page (from 0) onto @cr, scaled to @width × @height. */
void           _qa_pdf_draw_page          (QaPdfDocument     *doc,
                                           cairo_t           *cr,
                                           guint              page,
                                           double             width,
                                           double             height);
/* Writes the document as PDF; @domain and @code are those of the error to report. */
gboolean       _qa_pdf_write              (QaPdfDocument     *doc,
                                           const char        *path,
                                           GQuark             domain,
                                           int                code,
                                           GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QaPdfDocument, _qa_pdf_document_free)

G_END_DECLS
