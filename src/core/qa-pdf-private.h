/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* The one way core writes a printed document: A4 pages (portrait or landscape) drawn with
 * Pango/cairo in a Chinese font, laid out top to bottom, a new page when the next block does
 * not fit, and the page number at the foot of every page. */

typedef struct _QaPdf QaPdf;

#define QA_PDF_FONT "Noto Serif CJK SC, Noto Sans CJK SC, Serif"
#define QA_PDF_SANS "Noto Sans CJK SC, Sans"

QaPdf    *_qa_pdf_new        (const char          *path,
                              const char          *title,
                              gboolean             landscape);
double    _qa_pdf_get_width  (QaPdf               *pdf);   /* of the text, in points */
/* A block of text in @font (a Pango description, e.g. QA_PDF_FONT " Bold 20"). */
void      _qa_pdf_text       (QaPdf               *pdf,
                              const char          *font,
                              const char          *text,
                              PangoAlignment       alignment,
                              double               indent,
                              double               space_before);
/* The red rule under an official heading. */
void      _qa_pdf_rule       (QaPdf               *pdf);
/* One row of a table: @widths are shares of the text width (they add up to 1). */
void      _qa_pdf_row        (QaPdf               *pdf,
                              const char * const  *cells,
                              const double        *widths,
                              guint                n,
                              gboolean             header);
/* Moves down to leave @height points, or onto a new page when they do not fit. */
void      _qa_pdf_keep       (QaPdf               *pdf,
                              double               height);
/* Ends the document; FALSE with @error (in @domain, @code) naming @path when it failed. */
gboolean  _qa_pdf_finish     (QaPdf               *pdf,
                              GQuark               domain,
                              int                  code,
                              GError             **error);

G_END_DECLS
