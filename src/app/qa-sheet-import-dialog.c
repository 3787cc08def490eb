/* qa-sheet-import-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-sheet-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "qa-exchange-private.h"
#include "qa-outcome-list.h"
#include "qa-sheet-import-dialog.h"

struct _QaSheetImportDialog
{
  AdwWindow            parent_instance;

  /* Owned */
  QaSession           *session;
  GCancellable        *cancellable;
  /* The files still to import (GFile), last first. */
  GPtrArray           *queue;
  GFile               *importing;
  guint                n_files;

  /* Template widgets */
  QaOutcomeList       *outcome_list;
};

G_DEFINE_FINAL_TYPE (QaSheetImportDialog, qa_sheet_import_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
finish_import (QaSheetImportDialog *self)
{
  guint n_stored = qa_outcome_list_count (self->outcome_list, QA_OUTCOME_WRITTEN);
  guint n_unchanged = qa_outcome_list_count (self->outcome_list, QA_OUTCOME_UNCHANGED);
  guint n_refused = qa_outcome_list_count (self->outcome_list, QA_OUTCOME_REFUSED);
  g_autofree char *stored = NULL;
  g_autofree char *unchanged = NULL;
  g_autofree char *refused = NULL;
  g_autofree char *summary = NULL;

  /* Translators: part of the import summary, e.g. “3 stored · 1 already stored · 1 refused” */
  stored = g_strdup_printf (ngettext ("%u stored", "%u stored", n_stored), n_stored);
  /* Translators: part of the import summary: sheets that were stored before */
  unchanged = g_strdup_printf (ngettext ("%u already stored", "%u already stored", n_unchanged),
                               n_unchanged);
  /* Translators: part of the import summary: sheets that were refused */
  refused = g_strdup_printf (ngettext ("%u refused", "%u refused", n_refused), n_refused);
  summary = g_strdup_printf ("%s · %s · %s", stored, unchanged, refused);

  g_clear_object (&self->importing);
  qa_outcome_list_finish (self->outcome_list, summary);
}

static void import_next (QaSheetImportDialog *self);

static char *
describe_stored (QaSheetImportDialog *self,
                 QaSheetOutcome       outcome,
                 const char          *reviewer)
{
  g_autofree char *name = qa_experts_dup_name (self->session, reviewer);

  if (outcome == QA_SHEET_UNCHANGED)
    /* Translators: the very sheet was imported before, e.g. “Already stored: the sheet of 张明 (E03) is unchanged” */
    return g_strdup_printf (_("Already stored: the sheet of %s (%s) is unchanged"), name, reviewer);

  /* Translators: e.g. “Stored the scores of 张明 (E03)” */
  return g_strdup_printf (_("Stored the scores of %s (%s)"), name, reviewer);
}

static void
sheet_imported_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(QaSheetImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *reviewer = NULL;
  g_autofree char *name = NULL;
  g_autofree char *detail = NULL;
  QaSheetOutcome outcome = QA_SHEET_UNCHANGED;
  QaOutcome shown;

  /* Closed meanwhile: the sheet is stored or refused all the same, the audit trail says which. */
  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  name = g_file_get_basename (self->importing);

  if (qa_sheet_import_file_finish (QA_SESSION (source), result, &outcome, &reviewer, &error))
    {
      shown = outcome == QA_SHEET_STORED ? QA_OUTCOME_WRITTEN : QA_OUTCOME_UNCHANGED;
      detail = describe_stored (self, outcome, reviewer);
    }
  else
    {
      shown = QA_OUTCOME_REFUSED;
      detail = g_strdup (error->message);
    }

  qa_outcome_list_add (self->outcome_list, shown, name, detail);
  import_next (self);
}

static void
import_next (QaSheetImportDialog *self)
{
  g_autofree char *progress = NULL;
  g_autofree char *name = NULL;
  guint done;

  if (self->queue->len == 0)
    {
      finish_import (self);
      return;
    }

  g_clear_object (&self->importing);
  self->importing = g_ptr_array_steal_index (self->queue, self->queue->len - 1);
  name = g_file_get_basename (self->importing);
  done = self->n_files - self->queue->len;

  /* Translators: while sheets are imported, e.g. “Checking E03-material.qasheet (2 of 7)…” */
  progress = g_strdup_printf (_("Checking %s (%u of %u)…"), name, done, self->n_files);
  qa_outcome_list_set_progress (self->outcome_list, progress);

  qa_sheet_import_file_async (self->session, self->importing, NULL,
                              sheet_imported_cb, g_object_ref (self));
}

static void
close_clicked_cb (QaSheetImportDialog *self,
                  GtkButton           *button)
{
  g_assert (QA_IS_SHEET_IMPORT_DIALOG (self));

  gtk_window_close (GTK_WINDOW (self));
}

static void
qa_sheet_import_dialog_dispose (GObject *object)
{
  QaSheetImportDialog *self = (QaSheetImportDialog *)object;

  g_cancellable_cancel (self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), QA_TYPE_SHEET_IMPORT_DIALOG);
  g_clear_object (&self->session);
  g_clear_object (&self->importing);
  g_clear_pointer (&self->queue, g_ptr_array_unref);

  G_OBJECT_CLASS (qa_sheet_import_dialog_parent_class)->dispose (object);
}

static void
qa_sheet_import_dialog_finalize (GObject *object)
{
  QaSheetImportDialog *self = (QaSheetImportDialog *)object;

  /* Kept until now: an import still running checks it when it ends. */
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (qa_sheet_import_dialog_parent_class)->finalize (object);
}

static void
qa_sheet_import_dialog_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  QaSheetImportDialog *self = QA_SHEET_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_sheet_import_dialog_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  QaSheetImportDialog *self = QA_SHEET_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_sheet_import_dialog_class_init (QaSheetImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qa_sheet_import_dialog_dispose;
  object_class->finalize = qa_sheet_import_dialog_finalize;
  object_class->get_property = qa_sheet_import_dialog_get_property;
  object_class->set_property = qa_sheet_import_dialog_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         QA_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (QA_TYPE_OUTCOME_LIST);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/qa-sheet-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, QaSheetImportDialog, outcome_list);
  gtk_widget_class_bind_template_callback (widget_class, close_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
qa_sheet_import_dialog_init (QaSheetImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->queue = g_ptr_array_new_with_free_func (g_object_unref);
}

QaSheetImportDialog *
qa_sheet_import_dialog_new (GtkWindow *parent,
                            QaSession *session)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (QA_IS_SESSION (session), NULL);

  return g_object_new (QA_TYPE_SHEET_IMPORT_DIALOG,
                       "transient-for", parent,
                       "session", session,
                       NULL);
}

void
qa_sheet_import_dialog_import (QaSheetImportDialog *self,
                               GListModel          *files)
{
  guint n;

  g_return_if_fail (QA_IS_SHEET_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_LIST_MODEL (files));
  g_return_if_fail (!qa_outcome_list_get_busy (self->outcome_list));

  n = g_list_model_get_n_items (files);
  if (n == 0)
    return;

  self->n_files = n;
  for (guint i = n; i > 0; i--)
    g_ptr_array_add (self->queue, g_list_model_get_item (files, i - 1));

  qa_outcome_list_start (self->outcome_list,
                         ngettext ("Importing the score sheet", "Importing the score sheets", n));
  import_next (self);
}

QaOutcomeList *
qa_sheet_import_dialog_get_outcome_list (QaSheetImportDialog *self)
{
  g_return_val_if_fail (QA_IS_SHEET_IMPORT_DIALOG (self), NULL);

  return self->outcome_list;
}
