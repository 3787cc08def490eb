/* qa-pdf-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define QA_TYPE_PDF_VIEW (qa_pdf_view_get_type ())
G_DECLARE_FINAL_TYPE (QaPdfView, qa_pdf_view, QA, PDF_VIEW, GtkWidget)

/* A PDF reader, one page at a time: only the page shown is rendered, at the scale shown. */
GtkWidget  *qa_pdf_view_new             (void);
/* Shows @file from its first page; on failure the view says why and keeps nothing. */
gboolean    qa_pdf_view_load_file       (QaPdfView  *self,
                                         GFile      *file,
                                         GError    **error);
void        qa_pdf_view_clear           (QaPdfView  *self);
guint       qa_pdf_view_get_n_pages     (QaPdfView  *self);
/* 0-based */
guint       qa_pdf_view_get_page        (QaPdfView  *self);
void        qa_pdf_view_set_page        (QaPdfView  *self,
                                         guint       page);
/* 1.0 shows the page at its printed size. */
double      qa_pdf_view_get_zoom        (QaPdfView  *self);
void        qa_pdf_view_set_zoom        (QaPdfView  *self,
                                         double      zoom);
/* Whether the zoom follows the view's width. */
gboolean    qa_pdf_view_get_fit_width   (QaPdfView  *self);
void        qa_pdf_view_set_fit_width   (QaPdfView  *self,
                                         gboolean    fit_width);

G_END_DECLS
