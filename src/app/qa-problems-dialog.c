/* qa-problems-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-problems-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "qa-problems-dialog.h"

struct _QaProblemsDialog
{
  AdwWindow      parent_instance;

  /* Template widgets */
  GtkLabel      *body_label;
  GtkLabel      *heading_label;
  GtkTextBuffer *problems_buffer;
};

G_DEFINE_FINAL_TYPE (QaProblemsDialog, qa_problems_dialog, ADW_TYPE_WINDOW)

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  QaProblemsDialog *self = QA_PROBLEMS_DIALOG (widget);
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (self->problems_buffer, &start, &end);
  text = gtk_text_buffer_get_text (self->problems_buffer, &start, &end, FALSE);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
}

static void
qa_problems_dialog_class_init (QaProblemsDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/qa-problems-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, QaProblemsDialog, body_label);
  gtk_widget_class_bind_template_child (widget_class, QaProblemsDialog, heading_label);
  gtk_widget_class_bind_template_child (widget_class, QaProblemsDialog, problems_buffer);

  gtk_widget_class_install_action (widget_class, "problems.copy", NULL, copy_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
qa_problems_dialog_init (QaProblemsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

QaProblemsDialog *
qa_problems_dialog_new (GtkWindow  *parent,
                        const char *heading,
                        const char *body,
                        const char *problems)
{
  QaProblemsDialog *self;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (heading != NULL, NULL);

  self = g_object_new (QA_TYPE_PROBLEMS_DIALOG,
                       "transient-for", parent,
                       "title", heading,
                       NULL);
  gtk_label_set_label (self->heading_label, heading);
  gtk_label_set_label (self->body_label, body);
  gtk_widget_set_visible (GTK_WIDGET (self->body_label), body != NULL);
  gtk_text_buffer_set_text (self->problems_buffer, problems != NULL ? problems : "", -1);

  return self;
}
