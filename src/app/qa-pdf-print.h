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

/* Writes a file of core's at @path (a PDF, an export), as @data says. */
typedef gboolean (*QaWriteFunc) (gpointer     data,
                                 const char  *path,
                                 GError     **error);

/* Writes @file through @write (the file chooser asked before replacing it) and tells so in a
 * toast, @done, with a button that opens it; a failure is shown under @error_heading. */
gboolean _qa_ui_write_and_offer (GtkWidget   *widget,
                                 GFile       *file,
                                 QaWriteFunc  write,
                                 gpointer     data,
                                 const char  *done,
                                 const char  *error_heading);
/* Writes a PDF through @write to the private print folder as @name and prints it there, as
 * _qa_ui_print_pdf() does. */
void     _qa_ui_write_and_print (GtkWidget   *widget,
                                 const char  *name,
                                 QaWriteFunc  write,
                                 gpointer     data,
                                 const char  *job_name,
                                 const char  *export_path,
                                 const char  *error_heading);

G_END_DECLS
