/* qa-poppler.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * poppler-glib, loaded on first use: most sessions never open a PDF, and linking it (with
 * libpoppler, nss3, nspr, lcms2, openjp2, ...) cost every start its relocations.
 */

#pragma once

#include <poppler.h>

G_BEGIN_DECLS

/* The poppler-glib functions the program calls, and only those: poppler's own names (and the
 * macros of its headers that call functions, such as POPPLER_TYPE_DOCUMENT) are not linked. */
typedef struct
{
  PopplerDocument *(*document_new_from_gfile)  (GFile            *file,
                                                const char       *password,
                                                GCancellable     *cancellable,
                                                GError          **error);
  int              (*document_get_n_pages)     (PopplerDocument  *document);
  PopplerPage     *(*document_get_page)        (PopplerDocument  *document,
                                                int               index);
  void             (*page_get_size)            (PopplerPage      *page,
                                                double           *width,
                                                double           *height);
  void             (*page_render)              (PopplerPage      *page,
                                                cairo_t          *cairo);
  void             (*page_render_for_printing) (PopplerPage      *page,
                                                cairo_t          *cairo);
} QaPoppler;

/* Loads poppler-glib the first time (from any thread) and keeps it; later calls return the
 * same table, or fail the same way. On failure @error says, translated, that the PDF reader
 * is not available and why. */
const QaPoppler *_qa_poppler_get (GError **error);

G_END_DECLS
