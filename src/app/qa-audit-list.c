/* qa-audit-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-audit-list"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "qa-audit-filters.h"
#include "qa-audit-list.h"
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

/* QaAuditList ------------------------------------------------------------------------------- */

struct _QaAuditList
{
  GtkWidget           parent_instance;

  /* Owned */
  QaSession          *session;
  GListModel         *entries;       /* QaAuditItem, oldest first */
  GtkMapListModel    *rows;          /* QaAuditRow */
  GtkCustomFilter    *filter;
  GListModel         *shown;         /* QaAuditItem, as shown */
  GHashTable         *names;         /* "applicant\nA01" → the applicant's name */
  guint               n_entries;
  guint               n_shown;

  /* Template widgets */
  GtkColumnView      *column_view;
  GtkFilterListModel *filter_model;
  QaAuditFilters     *filters;
  GtkStack           *list_stack;
  GtkColumnViewColumn *seq_column;
  GtkSingleSelection *selection;
  GtkSortListModel   *sort_model;
};

G_DEFINE_FINAL_TYPE (QaAuditList, qa_audit_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_SELECTED,
  PROP_N_ENTRIES,
  PROP_N_SHOWN,
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
  return row != NULL ? qa_audit_list_dup_stored_text (row_entry (row)) : NULL;
}

static void
selection_changed_cb (QaAuditList *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
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
dup_subject (QaAuditList        *self,
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
  QaAuditList *self = user_data;
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

static gboolean
row_visible (gpointer item,
             gpointer user_data)
{
  QaAuditList *self = user_data;
  QaAuditRow *row = item;
  QaAuditFilter filter;
  const char *from;
  const char *to;

  qa_audit_filters_get (self->filters, &filter);
  /* The days are the operator's, not UTC's: the local time is compared. */
  from = filter.from;
  to = filter.to;
  filter.from = filter.to = NULL;

  if (!qa_audit_entry_matches (row_entry (row), &filter))
    return FALSE;
  if (from != NULL && strncmp (row->local_time, from, 10) < 0)
    return FALSE;
  if (to != NULL && strncmp (row->local_time, to, 10) > 0)
    return FALSE;
  return TRUE;
}

static void
update_count (QaAuditList *self)
{
  guint total = self->entries != NULL ? g_list_model_get_n_items (self->entries) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));

  gtk_stack_set_visible_child_name (self->list_stack, shown > 0 || total == 0 ? "rows" : "empty");

  g_object_freeze_notify (G_OBJECT (self));
  if (self->n_entries != total)
    {
      self->n_entries = total;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ENTRIES]);
    }
  if (self->n_shown != shown)
    {
      self->n_shown = shown;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SHOWN]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static void
refilter (QaAuditList *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

static void
filter_items_changed_cb (QaAuditList *self)
{
  g_assert (QA_IS_AUDIT_LIST (self));

  update_count (self);
}

/* The applicants' and experts' names, for the subjects. */
static void
fill_names (QaAuditList *self)
{
  static const char * const kinds[] = { "applicant", "expert" };
  GListModel *people[G_N_ELEMENTS (kinds)] = { NULL, };

  g_hash_table_remove_all (self->names);
  if (self->session == NULL)
    return;

  people[0] = qa_session_get_applicants (self->session);
  people[1] = qa_session_get_experts (self->session);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint i = 0; i < g_list_model_get_n_items (people[k]); i++)
      {
        g_autoptr(GObject) person = g_list_model_get_item (people[k], i);
        g_autofree char *id = NULL;
        char *name = NULL;

        g_object_get (person, "id", &id, "name", &name, NULL);
        g_hash_table_insert (self->names, g_strconcat (kinds[k], "\n", id, NULL), name);
      }
}

static void
filters_changed_cb (QaAuditList *self)
{
  g_assert (QA_IS_AUDIT_LIST (self));

  refilter (self);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  qa_audit_filters_set (QA_AUDIT_LIST (widget)->filters, NULL);
}

/* GObject ------------------------------------------------------------------------------------ */

static void
qa_audit_list_dispose (GObject *object)
{
  QaAuditList *self = (QaAuditList *)object;

  if (self->filters != NULL)
    g_signal_handlers_disconnect_by_data (self->filters, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), QA_TYPE_AUDIT_LIST);
  _qa_ui_dispose_children (GTK_WIDGET (self));
  g_clear_object (&self->session);
  g_clear_object (&self->entries);
  g_clear_object (&self->rows);
  g_clear_object (&self->filter);
  g_clear_object (&self->shown);

  G_OBJECT_CLASS (qa_audit_list_parent_class)->dispose (object);
}

static void
qa_audit_list_finalize (GObject *object)
{
  QaAuditList *self = (QaAuditList *)object;

  g_clear_pointer (&self->names, g_hash_table_unref);

  G_OBJECT_CLASS (qa_audit_list_parent_class)->finalize (object);
}

static void
qa_audit_list_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  QaAuditList *self = QA_AUDIT_LIST (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_SELECTED:
      g_value_set_object (value, qa_audit_list_get_selected (self));
      break;

    case PROP_N_ENTRIES:
      g_value_set_uint (value, self->n_entries);
      break;

    case PROP_N_SHOWN:
      g_value_set_uint (value, self->n_shown);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_audit_list_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  QaAuditList *self = QA_AUDIT_LIST (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      qa_audit_list_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_audit_list_class_init (QaAuditListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qa_audit_list_dispose;
  object_class->finalize = qa_audit_list_finalize;
  object_class->get_property = qa_audit_list_get_property;
  object_class->set_property = qa_audit_list_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         QA_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL,
                         QA_TYPE_AUDIT_ITEM,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_ENTRIES] =
    g_param_spec_uint ("n-entries", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_SHOWN] =
    g_param_spec_uint ("n-shown", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (QA_TYPE_AUDIT_FILTERS);
  g_type_ensure (QA_TYPE_AUDIT_ROW);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/qa-audit-list.ui");
  gtk_widget_class_bind_template_child (widget_class, QaAuditList, column_view);
  gtk_widget_class_bind_template_child (widget_class, QaAuditList, filter_model);
  gtk_widget_class_bind_template_child (widget_class, QaAuditList, filters);
  gtk_widget_class_bind_template_child (widget_class, QaAuditList, list_stack);
  gtk_widget_class_bind_template_child (widget_class, QaAuditList, seq_column);
  gtk_widget_class_bind_template_child (widget_class, QaAuditList, selection);
  gtk_widget_class_bind_template_child (widget_class, QaAuditList, sort_model);
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
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_items_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);

  gtk_widget_class_install_action (widget_class, "audit.clear-filters", NULL, clear_filters_action);

  gtk_widget_class_set_css_name (widget_class, "audit-list");
}

static void
qa_audit_list_init (QaAuditList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  self->rows = gtk_map_list_model_new (NULL, make_row, self, NULL);
  self->filter = gtk_custom_filter_new (row_visible, self, NULL);
  gtk_filter_list_model_set_filter (self->filter_model, GTK_FILTER (self->filter));
  gtk_filter_list_model_set_model (self->filter_model, G_LIST_MODEL (self->rows));
  self->shown = G_LIST_MODEL (gtk_map_list_model_new (g_object_ref (G_LIST_MODEL (self->sort_model)),
                                                      row_item, NULL, NULL));

  gtk_column_view_sort_by_column (self->column_view, self->seq_column, GTK_SORT_ASCENDING);
  update_count (self);
}

GtkWidget *
qa_audit_list_new (void)
{
  return g_object_new (QA_TYPE_AUDIT_LIST, NULL);
}

QaSession *
qa_audit_list_get_session (QaAuditList *self)
{
  g_return_val_if_fail (QA_IS_AUDIT_LIST (self), NULL);

  return self->session;
}

void
qa_audit_list_set_session (QaAuditList *self,
                           QaSession   *session)
{
  g_return_if_fail (QA_IS_AUDIT_LIST (self));
  g_return_if_fail (!session || QA_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  qa_audit_list_refresh (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

void
qa_audit_list_refresh (QaAuditList *self)
{
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (QA_IS_AUDIT_LIST (self));

  if (self->session != NULL)
    {
      entries = qa_audit_list_model (qa_session_get_database (self->session), &error);
      if (entries == NULL)
        g_warning ("Could not read the audit trail: %s", error->message);
    }

  g_set_object (&self->entries, entries);
  fill_names (self);
  qa_audit_filters_fill (self->filters, self->session, entries);
  gtk_map_list_model_set_model (self->rows, entries);
  refilter (self);
}

GListModel *
qa_audit_list_get_model (QaAuditList *self)
{
  g_return_val_if_fail (QA_IS_AUDIT_LIST (self), NULL);

  return self->shown;
}

guint
qa_audit_list_get_n_entries (QaAuditList *self)
{
  g_return_val_if_fail (QA_IS_AUDIT_LIST (self), 0);

  return self->n_entries;
}

guint
qa_audit_list_get_n_shown (QaAuditList *self)
{
  g_return_val_if_fail (QA_IS_AUDIT_LIST (self), 0);

  return self->n_shown;
}

QaAuditItem *
qa_audit_list_get_selected (QaAuditList *self)
{
  QaAuditRow *row;

  g_return_val_if_fail (QA_IS_AUDIT_LIST (self), NULL);

  row = gtk_single_selection_get_selected_item (self->selection);
  return row != NULL ? row->item : NULL;
}

char *
qa_audit_list_dup_stored_text (const QaAuditEntry *entry)
{
  g_autoptr(GString) text = NULL;

  g_return_val_if_fail (entry != NULL, NULL);

  text = g_string_new (NULL);
  if (entry->before != NULL && *entry->before != '\0')
    g_string_append_printf (text, _("Before: %s\n"), entry->before);
  if (entry->after != NULL && *entry->after != '\0')
    g_string_append_printf (text, _("After: %s\n"), entry->after);
  g_string_append_printf (text, _("Hash: %s"), entry->hash);

  return g_string_free (g_steal_pointer (&text), FALSE);
}
