/* qa-pdf-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-pdf-window"

#include "config.h"

#include "qa-pdf-window.h"

struct _QaPdfWindow
{
  AdwWindow       parent_instance;

  /* Owned */
  GFile          *temporary_file;

  /* Template widgets */
  QaPdfView      *pdf_view;
  AdwWindowTitle *window_title;
};

G_DEFINE_FINAL_TYPE (QaPdfWindow, qa_pdf_window, ADW_TYPE_WINDOW)

static void
delete_temporary_file (QaPdfWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->temporary_file == NULL)
    return;

  if (!g_file_delete (self->temporary_file, NULL, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_warning ("Could not delete the reading copy %s: %s",
               g_file_peek_path (self->temporary_file), error->message);
  g_clear_object (&self->temporary_file);
}

static void
qa_pdf_window_dispose (GObject *object)
{
  QaPdfWindow *self = (QaPdfWindow *)object;

  /* The document keeps the file open until the view lets go of it. */
  if (self->pdf_view != NULL)
    qa_pdf_view_clear (self->pdf_view);
  delete_temporary_file (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), QA_TYPE_PDF_WINDOW);

  G_OBJECT_CLASS (qa_pdf_window_parent_class)->dispose (object);
}

static void
qa_pdf_window_class_init (QaPdfWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qa_pdf_window_dispose;

  g_type_ensure (QA_TYPE_PDF_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/qa-pdf-window.ui");
  gtk_widget_class_bind_template_child (widget_class, QaPdfWindow, pdf_view);
  gtk_widget_class_bind_template_child (widget_class, QaPdfWindow, window_title);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
qa_pdf_window_init (QaPdfWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

QaPdfWindow *
qa_pdf_window_new (GtkApplication *application)
{
  g_return_val_if_fail (!application || GTK_IS_APPLICATION (application), NULL);

  return g_object_new (QA_TYPE_PDF_WINDOW,
                       "application", application,
                       NULL);
}

gboolean
qa_pdf_window_load_file (QaPdfWindow  *self,
                         GFile        *file,
                         gboolean      temporary,
                         const char   *title,
                         const char   *subtitle,
                         GError      **error)
{
  g_return_val_if_fail (QA_IS_PDF_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  qa_pdf_view_clear (self->pdf_view);
  delete_temporary_file (self);
  if (temporary)
    self->temporary_file = g_object_ref (file);

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);

  return qa_pdf_view_load_file (self->pdf_view, file, error);
}

QaPdfView *
qa_pdf_window_get_view (QaPdfWindow *self)
{
  g_return_val_if_fail (QA_IS_PDF_WINDOW (self), NULL);

  return self->pdf_view;
}
