/* qa-pdf-print.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Prints the PDF @pdf (one that core wrote) through GtkPrintOperation, each page drawn by
 * poppler onto the printer's page in the PDF's own orientation, over @widget's window; or, when
 * @export_path is not NULL, exports what would be printed there without a dialog. A failure is
 * shown under @error_heading. */
void _qa_ui_print_pdf (GtkWidget  *widget,
                       GFile      *pdf,
                       const char *job_name,
                       const char *export_path,
                       const char *error_heading);

G_END_DECLS
