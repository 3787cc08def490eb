/* qa-audit-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-audit-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "qa-audit-list.h"
#include "qa-audit-view.h"
#include "qa-ui-private.h"

/* The page shows the list (QaAuditList) between the verification's outcome and the selected
 * entry in full, and exports what the list shows. */
struct _QaAuditView
{
  GtkWidget           parent_instance;

  /* Owned */
  QaSession          *session;
  GCancellable       *export_cancellable;

  /* Template widgets */
  GtkLabel           *count_label;
  GtkLabel           *detail_label;
  GtkRevealer        *detail_revealer;
  GtkSpinner         *export_spinner;
  QaAuditList        *list;
  GtkBox             *result_box;
  GtkLabel           *result_detail;
  GtkImage           *result_icon;
  GtkRevealer        *result_revealer;
  GtkLabel           *result_title;
  AdwToastOverlay    *toast_overlay;
};

G_DEFINE_FINAL_TYPE (QaAuditView, qa_audit_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The list ----------------------------------------------------------------------------------- */

static void
update_count (QaAuditView *self)
{
  guint total = qa_audit_list_get_n_entries (self->list);
  guint shown = qa_audit_list_get_n_shown (self->list);
  g_autofree char *text = NULL;

  if (shown == total)
    text = g_strdup_printf (ngettext ("%u entry", "%u entries", total), total);
  else
    /* Translators: how many audit entries the filters leave, e.g. “3 of 40 entries” */
    text = g_strdup_printf (ngettext ("%u of %u entry", "%u of %u entries", total), shown, total);
  gtk_label_set_label (self->count_label, text);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "audit.export-csv",
                                 shown > 0 && self->export_cancellable == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "audit.export-pdf",
                                 shown > 0 && self->export_cancellable == NULL);
}

static void
counts_changed_cb (QaAuditView *self)
{
  g_assert (QA_IS_AUDIT_VIEW (self));

  update_count (self);
}

/* The selected entry in full: in words, then as stored, with its hash. */
static void
selected_changed_cb (QaAuditView *self)
{
  QaAuditItem *item = qa_audit_list_get_selected (self->list);
  g_autofree char *sentence = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *text = NULL;
  const QaAuditEntry *entry;

  gtk_revealer_set_reveal_child (self->detail_revealer, item != NULL);
  if (item == NULL)
    return;

  entry = qa_audit_item_get_entry (item);
  sentence = qa_audit_describe (entry);
  stored = qa_audit_list_dup_stored_text (entry);
  text = g_strconcat (sentence, "\n", stored, NULL);
  gtk_label_set_label (self->detail_label, text);
}

/* Verification ------------------------------------------------------------------------------- */

static void
show_result (QaAuditView *self,
             gboolean     verifies,
             const char  *title,
             const char  *detail)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->result_box), verifies ? "failure" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->result_box), verifies ? "success" : "failure");
  gtk_image_set_from_icon_name (self->result_icon,
                                verifies ? "emblem-ok-symbolic" : "dialog-error-symbolic");
  gtk_label_set_label (self->result_title, title);
  gtk_label_set_label (self->result_detail, detail);
  gtk_revealer_set_reveal_child (self->result_revealer, TRUE);
}

static void
hide_result_cb (QaAuditView *self)
{
  g_assert (QA_IS_AUDIT_VIEW (self));

  gtk_revealer_set_reveal_child (self->result_revealer, FALSE);
}

static void
verify_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  qa_audit_view_verify (QA_AUDIT_VIEW (widget));
}

/* Export ------------------------------------------------------------------------------------- */

typedef struct
{
  GPtrArray           *items;   /* QaAuditItem */
  char                *path;
  char                *title;
  QaAuditExportFormat  format;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_pointer (&job->items, g_ptr_array_unref);
  g_free (job->path);
  g_free (job->title);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GPtrArray) entries = g_ptr_array_sized_new (job->items->len);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  for (guint i = 0; i < job->items->len; i++)
    g_ptr_array_add (entries, (gpointer)qa_audit_item_get_entry (g_ptr_array_index (job->items, i)));

  if (job->format == QA_AUDIT_EXPORT_CSV)
    /* The file chooser asked before a file was replaced. */
    ok = qa_audit_write_csv (entries, job->path, QA_OUTPUT_REPLACE, &error);
  else
    ok = qa_audit_write_pdf (entries, job->title, job->path, QA_OUTPUT_REPLACE, &error);

  if (!ok)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_int (task, entries->len);
}

static void
set_busy (QaAuditView *self,
          gboolean     busy)
{
  if (busy)
    self->export_cancellable = g_cancellable_new ();
  else
    g_clear_object (&self->export_cancellable);

  gtk_widget_set_visible (GTK_WIDGET (self->export_spinner), busy);
  gtk_spinner_set_spinning (self->export_spinner, busy);
  update_count (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  QaAuditView *self = QA_AUDIT_VIEW (object);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  g_autoptr(GFile) file = NULL;
  AdwToast *toast;
  gssize written;

  /* The view went away meanwhile. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;

  written = g_task_propagate_int (G_TASK (result), &error);
  set_busy (self, FALSE);

  if (written < 0)
    {
      _qa_ui_show_error (GTK_WIDGET (self), _("Could Not Export the Audit Trail"), error->message);
      return;
    }

  display = g_filename_display_name (job->path);
  toast = adw_toast_new_format (ngettext ("Exported %u entry to %s", "Exported %u entries to %s",
                                          (gulong)written),
                                (guint)written, display);
  file = g_file_new_for_path (job->path);
  _qa_ui_toast_open_file (toast, GTK_WIDGET (self), file);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
export_chosen (GtkWidget      *widget,
               GFile          *file,
               GtkFileChooser *chooser)
{
  QaAuditExportFormat format = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (chooser), "qa-format"));

  qa_audit_view_export (QA_AUDIT_VIEW (widget), file, format);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  QaAuditView *self = QA_AUDIT_VIEW (widget);
  gboolean pdf = g_str_equal (action_name, "audit.export-pdf");
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  chooser = _qa_ui_file_chooser_new (widget,
                                     pdf ? _("Export the Audit Trail as PDF")
                                         : _("Export the Audit Trail as CSV"),
                                     GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"));
  /* Translators: the suggested file name of an exported audit trail; %u is the award's year */
  name = g_strdup_printf (_("Audit trail %u.%s"),
                          self->session != NULL ? qa_session_get_year (self->session) : 0,
                          pdf ? "pdf" : "csv");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  if (pdf)
    _qa_ui_add_file_filter (chooser, _("PDF documents"), "application/pdf", "*.pdf");
  else
    _qa_ui_add_file_filter (chooser, _("CSV files"), "text/csv", "*.csv");
  g_object_set_data (G_OBJECT (chooser), "qa-format",
                     GUINT_TO_POINTER (pdf ? QA_AUDIT_EXPORT_PDF : QA_AUDIT_EXPORT_CSV));

  _qa_ui_run_file_chooser (chooser, widget, export_chosen);
}

/* GObject ------------------------------------------------------------------------------------ */

static void
qa_audit_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (qa_audit_view_parent_class)->map (widget);

  /* Whatever was done on the other pages since is in the trail now. */
  qa_audit_view_refresh (QA_AUDIT_VIEW (widget));
}

static void
qa_audit_view_dispose (GObject *object)
{
  QaAuditView *self = (QaAuditView *)object;

  g_cancellable_cancel (self->export_cancellable);
  /* The list goes away with the template: it has nothing more to tell. */
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), QA_TYPE_AUDIT_VIEW);
  _qa_ui_dispose_children (GTK_WIDGET (self));
  g_clear_object (&self->session);
  g_clear_object (&self->export_cancellable);

  G_OBJECT_CLASS (qa_audit_view_parent_class)->dispose (object);
}

static void
qa_audit_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  QaAuditView *self = QA_AUDIT_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, qa_audit_view_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_audit_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  QaAuditView *self = QA_AUDIT_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      qa_audit_view_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_audit_view_class_init (QaAuditViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qa_audit_view_dispose;
  object_class->get_property = qa_audit_view_get_property;
  object_class->set_property = qa_audit_view_set_property;

  widget_class->map = qa_audit_view_map;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         QA_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (QA_TYPE_AUDIT_LIST);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/qa-audit-view.ui");
  gtk_widget_class_bind_template_child (widget_class, QaAuditView, count_label);
  gtk_widget_class_bind_template_child (widget_class, QaAuditView, detail_label);
  gtk_widget_class_bind_template_child (widget_class, QaAuditView, detail_revealer);
  gtk_widget_class_bind_template_child (widget_class, QaAuditView, export_spinner);
  gtk_widget_class_bind_template_child (widget_class, QaAuditView, list);
  gtk_widget_class_bind_template_child (widget_class, QaAuditView, result_box);
  gtk_widget_class_bind_template_child (widget_class, QaAuditView, result_detail);
  gtk_widget_class_bind_template_child (widget_class, QaAuditView, result_icon);
  gtk_widget_class_bind_template_child (widget_class, QaAuditView, result_revealer);
  gtk_widget_class_bind_template_child (widget_class, QaAuditView, result_title);
  gtk_widget_class_bind_template_child (widget_class, QaAuditView, toast_overlay);
  gtk_widget_class_bind_template_callback (widget_class, counts_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, hide_result_cb);
  gtk_widget_class_bind_template_callback (widget_class, selected_changed_cb);

  gtk_widget_class_install_action (widget_class, "audit.verify", NULL, verify_action);
  gtk_widget_class_install_action (widget_class, "audit.export-csv", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "audit.export-pdf", NULL, export_action);

  gtk_widget_class_set_css_name (widget_class, "audit-view");
}

static void
qa_audit_view_init (QaAuditView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "audit.verify", FALSE);
  update_count (self);
}

GtkWidget *
qa_audit_view_new (void)
{
  return g_object_new (QA_TYPE_AUDIT_VIEW, NULL);
}

QaSession *
qa_audit_view_get_session (QaAuditView *self)
{
  g_return_val_if_fail (QA_IS_AUDIT_VIEW (self), NULL);

  return self->session;
}

void
qa_audit_view_set_session (QaAuditView *self,
                           QaSession   *session)
{
  g_return_if_fail (QA_IS_AUDIT_VIEW (self));
  g_return_if_fail (!session || QA_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  gtk_revealer_set_reveal_child (self->result_revealer, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "audit.verify", session != NULL);
  qa_audit_list_set_session (self->list, session);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

void
qa_audit_view_refresh (QaAuditView *self)
{
  g_return_if_fail (QA_IS_AUDIT_VIEW (self));

  qa_audit_list_refresh (self->list);
}

GListModel *
qa_audit_view_get_model (QaAuditView *self)
{
  g_return_val_if_fail (QA_IS_AUDIT_VIEW (self), NULL);

  return qa_audit_list_get_model (self->list);
}

gboolean
qa_audit_view_verify (QaAuditView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *head = NULL;
  g_autofree char *title = NULL;
  g_autofree char *detail = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *checked = g_date_time_format (now, "%H:%M:%S");
  guint64 n_entries = 0;

  g_return_val_if_fail (QA_IS_AUDIT_VIEW (self), FALSE);
  g_return_val_if_fail (self->session != NULL, FALSE);

  /* What is verified is what is listed. */
  qa_audit_view_refresh (self);

  if (!qa_audit_verify (qa_session_get_database (self->session), &n_entries, &head, &error))
    {
      /* Translators: %s is the time of the check, e.g. 14:05:31 */
      detail = g_strdup_printf (_("Checked at %s. This entry and those after it cannot be "
                                  "trusted: keep the file as it is, compare it with a backup or an "
                                  "earlier export, and tell the supervisory committee."), checked);
      show_result (self, FALSE, error->message, detail);
      return FALSE;
    }

  title = g_strdup_printf (ngettext ("The audit trail verifies: %llu entry, none changed, removed or "
                                     "inserted",
                                     "The audit trail verifies: %llu entries, none changed, removed "
                                     "or inserted", n_entries),
                           (unsigned long long)n_entries);
  /* Translators: %s is the time of the check; %s the last entry’s SHA-256, to note down and
   * compare at the next check */
  detail = g_strdup_printf (_("Checked at %s. Head of the chain: %s"), checked, head);
  show_result (self, TRUE, title, detail);
  return TRUE;
}

void
qa_audit_view_export (QaAuditView         *self,
                      GFile               *file,
                      QaAuditExportFormat  format)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *session_title = NULL;
  GListModel *shown;
  ExportJob *job;

  g_return_if_fail (QA_IS_AUDIT_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->export_cancellable == NULL);

  job = g_new0 (ExportJob, 1);
  job->path = g_file_get_path (file);
  job->format = format;
  job->items = g_ptr_array_new_with_free_func (g_object_unref);
  shown = qa_audit_list_get_model (self->list);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    g_ptr_array_add (job->items, g_list_model_get_item (shown, i));
  if (self->session != NULL)
    session_title = qa_session_dup_title (self->session);
  /* Translators: the title of the audit report, e.g. “2026届 甘州区人民政府质量奖 · 审计日志” */
  job->title = g_strdup_printf (_("%s · Audit trail"), session_title != NULL ? session_title : "");

  if (job->path == NULL)
    {
      export_job_free (job);
      _qa_ui_show_error (GTK_WIDGET (self), _("Could Not Export the Audit Trail"),
                         _("Only files on this computer can be written. Choose a folder here."));
      return;
    }

  set_busy (self, TRUE);
  task = g_task_new (self, self->export_cancellable, export_done_cb, NULL);
  g_task_set_source_tag (task, qa_audit_view_export);
  g_task_set_task_data (task, job, (GDestroyNotify)export_job_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
qa_audit_view_get_busy (QaAuditView *self)
{
  g_return_val_if_fail (QA_IS_AUDIT_VIEW (self), FALSE);

  return self->export_cancellable != NULL;
}
