/* qa-pdf-print.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Printing what core laid out as PDF: the same pages on paper as in the file.
 */

#define G_LOG_DOMAIN "qa-pdf-print"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "qa-pdf-print.h"
#include "qa-poppler.h"
#include "qa-ui-private.h"

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PopplerDocument   *document)
{
  /* The document was opened: poppler is loaded. */
  const QaPoppler *poppler = _qa_poppler_get (NULL);

  gtk_print_operation_set_n_pages (operation, poppler->document_get_n_pages (document));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PopplerDocument   *document)
{
  const QaPoppler *poppler = _qa_poppler_get (NULL);
  g_autoptr(GObject) page_object = (GObject *)poppler->document_get_page (document, page_nr);
  PopplerPage *page = (PopplerPage *)page_object;
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width, height, scale;

  if (page == NULL)
    return;

  poppler->page_get_size (page, &width, &height);
  scale = MIN (gtk_print_context_get_width (context) / width,
               gtk_print_context_get_height (context) / height);
  cairo_scale (cr, scale, scale);
  poppler->page_render_for_printing (page, cr);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               GtkWidget               *widget)
{
  g_autoptr(GError) error = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;

  gtk_print_operation_get_error (operation, &error);
  _qa_ui_show_error (widget, g_object_get_data (G_OBJECT (operation), "qa-error-heading"),
                     error != NULL ? error->message : NULL);
}

void
_qa_ui_print_pdf (GtkWidget  *widget,
                  GFile      *pdf,
                  const char *job_name,
                  const char *export_path,
                  const char *error_heading)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) document_object = NULL;
  g_autoptr(GObject) first_object = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GtkPaperSize) paper = NULL;
  const QaPoppler *poppler;
  PopplerDocument *document;
  GtkPrintOperation *operation;
  double width = 0, height = 0;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (G_IS_FILE (pdf));

  /* Without poppler nothing is printed, and the error says why. */
  if ((poppler = _qa_poppler_get (&error)) != NULL)
    document_object = (GObject *)poppler->document_new_from_gfile (pdf, NULL, NULL, &error);
  if (document_object == NULL)
    {
      _qa_ui_show_error (widget, error_heading, error != NULL ? error->message : NULL);
      return;
    }
  document = (PopplerDocument *)document_object;

  operation = gtk_print_operation_new ();
  setup = gtk_page_setup_new ();
  paper = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
  first_object = (GObject *)poppler->document_get_page (document, 0);
  if (first_object != NULL)
    poppler->page_get_size ((PopplerPage *)first_object, &width, &height);
  gtk_page_setup_set_orientation (setup, width > height ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                        : GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
  /* The PDF keeps its own margins. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_allow_async (operation, export_path == NULL);
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (operation, export_path);
  gtk_print_operation_set_job_name (operation, job_name);
  g_object_set_data_full (G_OBJECT (operation), "qa-error-heading", g_strdup (error_heading),
                          g_free);

  g_signal_connect_data (operation, "begin-print", G_CALLBACK (begin_print_cb),
                         g_object_ref (document), (GClosureNotify)(void (*) (void))g_object_unref, 0);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (draw_page_cb),
                         g_object_ref (document), (GClosureNotify)(void (*) (void))g_object_unref, 0);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), widget, 0);
  /* Kept while the dialog may run. */
  g_object_set_data_full (G_OBJECT (widget), "qa-print-operation", operation, g_object_unref);

  if (gtk_print_operation_run (operation,
                               export_path != NULL ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                                   : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               _qa_ui_get_window (widget), &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    _qa_ui_show_error (widget, error_heading, error != NULL ? error->message : NULL);
}

gboolean
_qa_ui_write_and_offer (GtkWidget   *widget,
                        GFile       *file,
                        QaWriteFunc  write,
                        gpointer     data,
                        const char  *done,
                        const char  *error_heading)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  AdwToast *toast;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL || !write (data, path, &error))
    {
      _qa_ui_show_error (widget, error_heading, error != NULL ? error->message : NULL);
      return FALSE;
    }
  toast = adw_toast_new (done);
  _qa_ui_toast_open_file (toast, widget, file);
  _qa_ui_add_toast (widget, toast);
  return TRUE;
}

void
_qa_ui_write_and_print (GtkWidget   *widget,
                        const char  *name,
                        QaWriteFunc  write,
                        gpointer     data,
                        const char  *job_name,
                        const char  *export_path,
                        const char  *error_heading)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) pdf = NULL;
  g_autofree char *pdf_path = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  /* What is printed is core's PDF, page for page. */
  if ((pdf = _qa_ui_dup_private_file ("print", name, &error)) == NULL ||
      !write (data, (pdf_path = g_file_get_path (pdf)), &error))
    {
      _qa_ui_show_error (widget, error_heading, error != NULL ? error->message : NULL);
      return;
    }
  _qa_ui_print_pdf (widget, pdf, job_name, export_path, error_heading);
}
