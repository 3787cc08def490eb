/* qa-pdf-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "qa-pdf-view.h"

G_BEGIN_DECLS

#define QA_TYPE_PDF_WINDOW (qa_pdf_window_get_type ())
G_DECLARE_FINAL_TYPE (QaPdfWindow, qa_pdf_window, QA, PDF_WINDOW, AdwWindow)

/* A window reading one PDF material beside the program's main window. */
QaPdfWindow *qa_pdf_window_new             (GtkApplication *application);
/* Shows @file under @title and @subtitle. With @temporary, @file is a private copy that is
 * deleted when the window closes. */
gboolean     qa_pdf_window_load_file       (QaPdfWindow    *self,
                                            GFile          *file,
                                            gboolean        temporary,
                                            const char     *title,
                                            const char     *subtitle,
                                            GError        **error);
QaPdfView   *qa_pdf_window_get_view        (QaPdfWindow    *self);

G_END_DECLS
