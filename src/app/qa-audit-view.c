/* qa-audit-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-audit-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "qa-audit-view.h"
#include "qa-ui-private.h"

/* QaAuditRow: an entry as the list shows it, with the names and the local time worked out once. */

#define QA_TYPE_AUDIT_ROW (qa_audit_row_get_type ())
G_DECLARE_FINAL_TYPE (QaAuditRow, qa_audit_row, QA, AUDIT_ROW, GObject)

struct _QaAuditRow
{
  GObject      parent_instance;

  QaAuditItem *item;
  char        *local_time;  /* YYYY-MM-DD HH:MM:SS; its first ten characters are the local day */
  char        *subject;
};

G_DEFINE_FINAL_TYPE (QaAuditRow, qa_audit_row, G_TYPE_OBJECT)

static void
qa_audit_row_finalize (GObject *object)
{
  QaAuditRow *self = (QaAuditRow *)object;

  g_clear_object (&self->item);
  g_clear_pointer (&self->local_time, g_free);
  g_clear_pointer (&self->subject, g_free);

  G_OBJECT_CLASS (qa_audit_row_parent_class)->finalize (object);
}

static void
qa_audit_row_class_init (QaAuditRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = qa_audit_row_finalize;
}

static void
qa_audit_row_init (QaAuditRow *self)
{
}

static const QaAuditEntry *
row_entry (QaAuditRow *row)
{
  return qa_audit_item_get_entry (row->item);
}

/* QaAuditView ------------------------------------------------------------------------------- */

/* A filter drop-down: its first row is “all”, the others pick one value each. */
typedef struct
{
  GtkDropDown *drop_down;
  GPtrArray   *values;   /* parallel to the rows; [0] is NULL */
} Choice;

enum {
  CHOICE_APPLICANT,
  CHOICE_EXPERT,
  CHOICE_ACTION,
  CHOICE_OPERATOR,
  N_CHOICES
};

struct _QaAuditView
{
  GtkWidget           parent_instance;

  /* Owned */
  QaSession          *session;
  GListModel         *entries;       /* QaAuditItem, oldest first */
  GtkMapListModel    *rows;          /* QaAuditRow */
  GtkCustomFilter    *filter;
  GListModel         *shown;         /* QaAuditItem, as shown */
  GHashTable         *names;         /* "applicant\nA01" → the applicant's name */
  Choice              choices[N_CHOICES];
  char               *from;
  char               *to;
  GCancellable       *export_cancellable;
  gboolean            filling;

  /* Template widgets */
  GtkDropDown        *action_drop_down;
  GtkDropDown        *applicant_drop_down;
  GtkColumnView      *column_view;
  GtkLabel           *count_label;
  GtkDropDown        *expert_drop_down;
  GtkSpinner         *export_spinner;
  GtkFilterListModel *filter_model;
  GtkEntry           *from_entry;
  GtkStack           *list_stack;
  GtkDropDown        *operator_drop_down;
  GtkBox             *result_box;
  GtkLabel           *result_detail;
  GtkImage           *result_icon;
  GtkRevealer        *result_revealer;
  GtkLabel           *result_title;
  GtkColumnViewColumn *seq_column;
  GtkLabel           *detail_label;
  GtkRevealer        *detail_revealer;
  GtkSingleSelection *selection;
  GtkSortListModel   *sort_model;
  GtkEntry           *to_entry;
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

/* What the columns show ---------------------------------------------------------------------- */

/* For the sorter: the row is the object the expression is evaluated on. */
static gint64
entry_seq (QaAuditRow *row)
{
  return row != NULL ? row_entry (row)->seq : 0;
}

static char *
entry_seq_text (gpointer    this_object,
                QaAuditRow *row)
{
  return row != NULL ? g_strdup_printf ("%" G_GINT64_FORMAT, row_entry (row)->seq) : NULL;
}

static char *
entry_time_text (gpointer    this_object,
                 QaAuditRow *row)
{
  return row != NULL ? g_strdup (row->local_time) : NULL;
}

static char *
entry_utc_time (gpointer    this_object,
                QaAuditRow *row)
{
  if (row == NULL)
    return NULL;

  /* Translators: the tooltip of a time in the audit trail; %s is the time as recorded, in UTC */
  return g_strdup_printf (_("Recorded as %s (UTC)"), row_entry (row)->at);
}

static char *
entry_operator_text (gpointer    this_object,
                     QaAuditRow *row)
{
  return row != NULL ? g_strdup (row_entry (row)->operator_name) : NULL;
}

static char *
entry_role_text (gpointer    this_object,
                 QaAuditRow *row)
{
  QaRole role;

  if (row == NULL)
    return NULL;

  if (qa_role_from_string (row_entry (row)->role, &role))
    return g_strdup (qa_role_get_label (role));
  return g_strdup (row_entry (row)->role);
}

static char *
entry_action_text (gpointer    this_object,
                   QaAuditRow *row)
{
  return row != NULL ? qa_audit_action_dup_label (row_entry (row)->action) : NULL;
}

static char *
entry_action_code (gpointer    this_object,
                   QaAuditRow *row)
{
  return row != NULL ? g_strdup (row_entry (row)->action) : NULL;
}

static char *
entry_subject_text (gpointer    this_object,
                    QaAuditRow *row)
{
  return row != NULL ? g_strdup (row->subject) : NULL;
}

static char *
entry_values_text (gpointer    this_object,
                   QaAuditRow *row)
{
  const QaAuditEntry *entry;
  char *text;

  if (row == NULL)
    return NULL;

  entry = row_entry (row);
  text = qa_audit_describe_values (entry);

  /* One line a row: the detail pane under the list has the rest. */
  return g_strdelimit (text, "\n", ' ');
}

static char *
entry_values_tooltip (gpointer    this_object,
                      QaAuditRow *row)
{
  const QaAuditEntry *entry;
  g_autoptr(GString) text = NULL;

  if (row == NULL)
    return NULL;

  entry = row_entry (row);
  text = g_string_new (NULL);
  if (entry->before != NULL && *entry->before != '\0')
    g_string_append_printf (text, _("Before: %s\n"), entry->before);
  if (entry->after != NULL && *entry->after != '\0')
    g_string_append_printf (text, _("After: %s\n"), entry->after);
  g_string_append_printf (text, _("Hash: %s"), entry->hash);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The selected entry in full: in words, then as stored, with its hash. */
static void
selection_changed_cb (QaAuditView *self)
{
  QaAuditRow *row = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(GString) text = NULL;
  g_autofree char *sentence = NULL;
  const QaAuditEntry *entry;

  gtk_revealer_set_reveal_child (self->detail_revealer, row != NULL);
  if (row == NULL)
    return;

  entry = row_entry (row);
  sentence = qa_audit_describe (entry);
  text = g_string_new (sentence);
  g_string_append_c (text, '\n');
  if (entry->before != NULL && *entry->before != '\0')
    g_string_append_printf (text, _("Before: %s\n"), entry->before);
  if (entry->after != NULL && *entry->after != '\0')
    g_string_append_printf (text, _("After: %s\n"), entry->after);
  g_string_append_printf (text, _("Hash: %s"), entry->hash);
  gtk_label_set_label (self->detail_label, text->str);
}

static char *
dup_local_time (const char *at)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (at, NULL);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (at);

  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M:%S");
}

static char *
dup_subject (QaAuditView        *self,
             const QaAuditEntry *entry)
{
  g_autofree char *key = NULL;
  const char *name;
  QaStage stage;

  if (g_strcmp0 (entry->subject_kind, "session") == 0)
    return g_strdup (_("The session"));
  if (entry->subject_id == NULL || *entry->subject_id == '\0')
    return g_strdup (entry->subject_kind);
  if (g_strcmp0 (entry->subject_kind, "stage") == 0 && qa_stage_from_string (entry->subject_id, &stage))
    return g_strdup (qa_stage_get_title (stage));

  key = g_strconcat (entry->subject_kind, "\n", entry->subject_id, NULL);
  name = g_hash_table_lookup (self->names, key);
  if (name != NULL)
    return g_strdup_printf ("%s · %s", entry->subject_id, name);
  return g_strdup (entry->subject_id);
}

static gpointer
make_row (gpointer item,
          gpointer user_data)
{
  QaAuditView *self = user_data;
  g_autoptr(QaAuditItem) audit_item = item;
  QaAuditRow *row = g_object_new (QA_TYPE_AUDIT_ROW, NULL);

  row->local_time = dup_local_time (qa_audit_item_get_entry (audit_item)->at);
  row->subject = dup_subject (self, qa_audit_item_get_entry (audit_item));
  row->item = g_steal_pointer (&audit_item);

  return row;
}

static gpointer
row_item (gpointer item,
          gpointer user_data)
{
  g_autoptr(QaAuditRow) row = item;

  return g_object_ref (row->item);
}

/* Filters ------------------------------------------------------------------------------------ */

static const char *
choice_value (QaAuditView *self,
              guint        choice)
{
  Choice *c = &self->choices[choice];
  guint selected = gtk_drop_down_get_selected (c->drop_down);

  if (c->values == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= c->values->len)
    return NULL;
  return g_ptr_array_index (c->values, selected);
}

static gboolean
row_visible (gpointer item,
             gpointer user_data)
{
  QaAuditView *self = user_data;
  QaAuditRow *row = item;
  QaAuditFilter filter = {
    .applicant_id = choice_value (self, CHOICE_APPLICANT),
    .expert_id = choice_value (self, CHOICE_EXPERT),
    .action = choice_value (self, CHOICE_ACTION),
    .operator_name = choice_value (self, CHOICE_OPERATOR),
  };

  if (!qa_audit_entry_matches (row_entry (row), &filter))
    return FALSE;

  /* The days are the operator's, not UTC's: the local time is compared. */
  if (self->from != NULL && strncmp (row->local_time, self->from, 10) < 0)
    return FALSE;
  if (self->to != NULL && strncmp (row->local_time, self->to, 10) > 0)
    return FALSE;
  return TRUE;
}

static void
update_count (QaAuditView *self)
{
  guint total = self->entries != NULL ? g_list_model_get_n_items (self->entries) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autofree char *text = NULL;

  if (shown == total)
    text = g_strdup_printf (ngettext ("%u entry", "%u entries", total), total);
  else
    /* Translators: how many audit entries the filters leave, e.g. “3 of 40 entries” */
    text = g_strdup_printf (ngettext ("%u of %u entry", "%u of %u entries", total), shown, total);
  gtk_label_set_label (self->count_label, text);

  gtk_stack_set_visible_child_name (self->list_stack, shown > 0 || total == 0 ? "rows" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "audit.export-csv",
                                 shown > 0 && self->export_cancellable == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "audit.export-pdf",
                                 shown > 0 && self->export_cancellable == NULL);
}

static void
refilter (QaAuditView *self)
{
  if (self->filling)
    return;

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

static void
filter_changed_cb (QaAuditView *self)
{
  g_assert (QA_IS_AUDIT_VIEW (self));

  refilter (self);
}

/* A day typed as YYYY-MM-DD, or NULL when the field is empty or holds no real day. */
static char *
parse_day (GtkEntry *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autoptr(GDateTime) day = NULL;
  guint year, month, date;
  char end;

  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  if (*text == '\0')
    return NULL;

  if (sscanf (text, "%4u-%2u-%2u%c", &year, &month, &date, &end) != 3 ||
      (day = g_date_time_new_local (year, month, date, 0, 0, 0)) == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      return NULL;
    }

  return g_date_time_format (day, "%Y-%m-%d");
}

static void
date_changed_cb (QaAuditView *self)
{
  g_assert (QA_IS_AUDIT_VIEW (self));

  g_free (self->from);
  self->from = parse_day (self->from_entry);
  g_free (self->to);
  self->to = parse_day (self->to_entry);
  refilter (self);
}

static void
filter_items_changed_cb (QaAuditView *self)
{
  g_assert (QA_IS_AUDIT_VIEW (self));

  update_count (self);
}

/* Fills @choice with @labels (taken) for @values (taken), keeping the value picked before. */
static void
fill_choice (QaAuditView *self,
             guint        choice,
             const char  *all_label,
             GPtrArray   *labels,
             GPtrArray   *values)
{
  Choice *c = &self->choices[choice];
  g_autofree char *picked = g_strdup (choice_value (self, choice));
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  guint selected = 0;

  g_ptr_array_insert (labels, 0, g_strdup (all_label));
  g_ptr_array_insert (values, 0, NULL);
  g_ptr_array_add (labels, NULL);
  gtk_string_list_splice (model, 0, 0, (const char * const *)labels->pdata);

  for (guint i = 1; picked != NULL && i < values->len; i++)
    if (g_strcmp0 (g_ptr_array_index (values, i), picked) == 0)
      selected = i;

  g_clear_pointer (&c->values, g_ptr_array_unref);
  c->values = values;
  gtk_drop_down_set_model (c->drop_down, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (c->drop_down, selected);

  g_ptr_array_unref (labels);
}

static void
fill_people (QaAuditView *self,
             guint        choice,
             const char  *kind,
             GListModel  *people,
             const char  *all_label)
{
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; people != NULL && i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(GObject) person = g_list_model_get_item (people, i);
      g_autofree char *id = NULL;
      g_autofree char *name = NULL;

      g_object_get (person, "id", &id, "name", &name, NULL);
      g_ptr_array_add (labels, g_strdup_printf ("%s · %s", id, name));
      g_hash_table_insert (self->names, g_strconcat (kind, "\n", id, NULL), g_strdup (name));
      g_ptr_array_add (values, g_steal_pointer (&id));
    }

  fill_choice (self, choice, all_label, labels, values);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

static void
fill_distinct (QaAuditView *self,
               guint        choice,
               gsize        field_offset,
               char *     (*dup_label) (const char *value),
               const char  *all_label)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *labels;

  for (guint i = 0; self->entries != NULL && i < g_list_model_get_n_items (self->entries); i++)
    {
      g_autoptr(QaAuditItem) item = g_list_model_get_item (self->entries, i);
      const char *value = G_STRUCT_MEMBER (const char *, qa_audit_item_get_entry (item), field_offset);

      if (value != NULL && *value != '\0' && g_hash_table_add (seen, (gpointer)value))
        g_ptr_array_add (values, g_strdup (value));
    }
  g_ptr_array_sort (values, compare_strings);

  labels = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < values->len; i++)
    g_ptr_array_add (labels, dup_label (g_ptr_array_index (values, i)));
  fill_choice (self, choice, all_label, labels, values);
}

static void
fill_choices (QaAuditView *self)
{
  GListModel *applicants = self->session != NULL ? qa_session_get_applicants (self->session) : NULL;
  GListModel *experts = self->session != NULL ? qa_session_get_experts (self->session) : NULL;

  self->filling = TRUE;
  g_hash_table_remove_all (self->names);
  fill_people (self, CHOICE_APPLICANT, "applicant", applicants, _("All applicants"));
  fill_people (self, CHOICE_EXPERT, "expert", experts, _("All experts"));
  fill_distinct (self, CHOICE_ACTION, G_STRUCT_OFFSET (QaAuditEntry, action),
                 qa_audit_action_dup_label, _("All actions"));
  fill_distinct (self, CHOICE_OPERATOR, G_STRUCT_OFFSET (QaAuditEntry, operator_name),
                 g_strdup, _("All operators"));
  self->filling = FALSE;
}

/* Picks the row of @value in @choice, or “all” when it offers no such row. */
static void
set_choice (QaAuditView *self,
            guint        choice,
            const char  *value)
{
  Choice *c = &self->choices[choice];
  guint selected = 0;

  for (guint i = 1; value != NULL && *value != '\0' && c->values != NULL && i < c->values->len; i++)
    if (g_strcmp0 (g_ptr_array_index (c->values, i), value) == 0)
      selected = i;

  gtk_drop_down_set_selected (c->drop_down, selected);
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

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  qa_audit_view_set_filter (QA_AUDIT_VIEW (widget), NULL);
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
  gtk_widget_dispose_template (GTK_WIDGET (self), QA_TYPE_AUDIT_VIEW);
  _qa_ui_dispose_children (GTK_WIDGET (self));
  g_clear_object (&self->session);
  g_clear_object (&self->entries);
  g_clear_object (&self->rows);
  g_clear_object (&self->filter);
  g_clear_object (&self->shown);
  g_clear_object (&self->export_cancellable);

  G_OBJECT_CLASS (qa_audit_view_parent_class)->dispose (object);
}

static void
qa_audit_view_finalize (GObject *object)
{
  QaAuditView *self = (QaAuditView *)object;

  for (guint i = 0; i < N_CHOICES; i++)
    g_clear_pointer (&self->choices[i].values, g_ptr_array_unref);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->to, g_free);

  G_OBJECT_CLASS (qa_audit_view_parent_class)->finalize (object);
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
  object_class->finalize = qa_audit_view_finalize;
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

  g_type_ensure (QA_TYPE_AUDIT_ROW);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/qa-audit-view.ui");
  gtk_widget_class_bind_template_child (widget_class, QaAuditView, action_drop_down);
  gtk_widget_class_bind_template_child (widget_class, QaAuditView, applicant_drop_down);
  gtk_widget_class_bind_template_child (widget_class, QaAuditView, column_view);
  gtk_widget_class_bind_template_child (widget_class, QaAuditView, count_label);
  gtk_widget_class_bind_template_child (widget_class, QaAuditView, expert_drop_down);
  gtk_widget_class_bind_template_child (widget_class, QaAuditView, export_spinner);
  gtk_widget_class_bind_template_child (widget_class, QaAuditView, filter_model);
  gtk_widget_class_bind_template_child (widget_class, QaAuditView, from_entry);
  gtk_widget_class_bind_template_child (widget_class, QaAuditView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, QaAuditView, operator_drop_down);
  gtk_widget_class_bind_template_child (widget_class, QaAuditView, result_box);
  gtk_widget_class_bind_template_child (widget_class, QaAuditView, result_detail);
  gtk_widget_class_bind_template_child (widget_class, QaAuditView, result_icon);
  gtk_widget_class_bind_template_child (widget_class, QaAuditView, result_revealer);
  gtk_widget_class_bind_template_child (widget_class, QaAuditView, result_title);
  gtk_widget_class_bind_template_child (widget_class, QaAuditView, seq_column);
  gtk_widget_class_bind_template_child (widget_class, QaAuditView, detail_label);
  gtk_widget_class_bind_template_child (widget_class, QaAuditView, detail_revealer);
  gtk_widget_class_bind_template_child (widget_class, QaAuditView, selection);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_child (widget_class, QaAuditView, sort_model);
  gtk_widget_class_bind_template_child (widget_class, QaAuditView, to_entry);
  gtk_widget_class_bind_template_child (widget_class, QaAuditView, toast_overlay);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_action_code);
  gtk_widget_class_bind_template_callback (widget_class, entry_action_text);
  gtk_widget_class_bind_template_callback (widget_class, entry_operator_text);
  gtk_widget_class_bind_template_callback (widget_class, entry_role_text);
  gtk_widget_class_bind_template_callback (widget_class, entry_seq);
  gtk_widget_class_bind_template_callback (widget_class, entry_seq_text);
  gtk_widget_class_bind_template_callback (widget_class, entry_subject_text);
  gtk_widget_class_bind_template_callback (widget_class, entry_time_text);
  gtk_widget_class_bind_template_callback (widget_class, entry_utc_time);
  gtk_widget_class_bind_template_callback (widget_class, entry_values_text);
  gtk_widget_class_bind_template_callback (widget_class, entry_values_tooltip);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_items_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, hide_result_cb);

  gtk_widget_class_install_action (widget_class, "audit.verify", NULL, verify_action);
  gtk_widget_class_install_action (widget_class, "audit.export-csv", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "audit.export-pdf", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "audit.clear-filters", NULL, clear_filters_action);

  gtk_widget_class_set_css_name (widget_class, "audit-view");
}

static void
qa_audit_view_init (QaAuditView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->choices[CHOICE_APPLICANT].drop_down = self->applicant_drop_down;
  self->choices[CHOICE_EXPERT].drop_down = self->expert_drop_down;
  self->choices[CHOICE_ACTION].drop_down = self->action_drop_down;
  self->choices[CHOICE_OPERATOR].drop_down = self->operator_drop_down;

  self->rows = gtk_map_list_model_new (NULL, make_row, self, NULL);
  self->filter = gtk_custom_filter_new (row_visible, self, NULL);
  gtk_filter_list_model_set_filter (self->filter_model, GTK_FILTER (self->filter));
  gtk_filter_list_model_set_model (self->filter_model, G_LIST_MODEL (self->rows));
  self->shown = G_LIST_MODEL (gtk_map_list_model_new (g_object_ref (G_LIST_MODEL (self->sort_model)),
                                                      row_item, NULL, NULL));

  gtk_column_view_sort_by_column (self->column_view, self->seq_column, GTK_SORT_ASCENDING);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "audit.verify", FALSE);
  fill_choices (self);
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
  qa_audit_view_refresh (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

void
qa_audit_view_refresh (QaAuditView *self)
{
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (QA_IS_AUDIT_VIEW (self));

  if (self->session != NULL)
    {
      entries = qa_audit_list_model (qa_session_get_database (self->session), &error);
      if (entries == NULL)
        g_warning ("Could not read the audit trail: %s", error->message);
    }

  g_set_object (&self->entries, entries);
  fill_choices (self);
  gtk_map_list_model_set_model (self->rows, entries);
  refilter (self);
}

GListModel *
qa_audit_view_get_model (QaAuditView *self)
{
  g_return_val_if_fail (QA_IS_AUDIT_VIEW (self), NULL);

  return self->shown;
}

void
qa_audit_view_set_filter (QaAuditView         *self,
                          const QaAuditFilter *filter)
{
  static const QaAuditFilter none = { NULL };

  g_return_if_fail (QA_IS_AUDIT_VIEW (self));

  if (filter == NULL)
    filter = &none;

  self->filling = TRUE;
  set_choice (self, CHOICE_APPLICANT, filter->applicant_id);
  set_choice (self, CHOICE_EXPERT, filter->expert_id);
  set_choice (self, CHOICE_ACTION, filter->action);
  set_choice (self, CHOICE_OPERATOR, filter->operator_name);
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), filter->from != NULL ? filter->from : "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), filter->to != NULL ? filter->to : "");
  self->filling = FALSE;

  refilter (self);
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
  ExportJob *job;

  g_return_if_fail (QA_IS_AUDIT_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->export_cancellable == NULL);

  job = g_new0 (ExportJob, 1);
  job->path = g_file_get_path (file);
  job->format = format;
  job->items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (self->shown); i++)
    g_ptr_array_add (job->items, g_list_model_get_item (self->shown, i));
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
