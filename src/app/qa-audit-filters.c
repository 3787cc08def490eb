/* qa-audit-filters.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-audit-filters"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <stdio.h>

#include "qa-audit-filters.h"
#include "qa-ui-private.h"

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

struct _QaAuditFilters
{
  GtkWidget           parent_instance;

  Choice              choices[N_CHOICES];
  char               *from;
  char               *to;
  gboolean            filling;

  /* Template widgets */
  GtkDropDown        *action_drop_down;
  GtkDropDown        *applicant_drop_down;
  GtkDropDown        *expert_drop_down;
  GtkEntry           *from_entry;
  GtkDropDown        *operator_drop_down;
  GtkEntry           *to_entry;
};

G_DEFINE_FINAL_TYPE (QaAuditFilters, qa_audit_filters, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
emit_changed (QaAuditFilters *self)
{
  if (!self->filling)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
filter_changed_cb (QaAuditFilters *self)
{
  g_assert (QA_IS_AUDIT_FILTERS (self));

  emit_changed (self);
}

static const char *
choice_value (QaAuditFilters *self,
              guint           choice)
{
  Choice *c = &self->choices[choice];
  guint selected = gtk_drop_down_get_selected (c->drop_down);

  if (c->values == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= c->values->len)
    return NULL;
  return g_ptr_array_index (c->values, selected);
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
date_changed_cb (QaAuditFilters *self)
{
  g_assert (QA_IS_AUDIT_FILTERS (self));

  g_free (self->from);
  self->from = parse_day (self->from_entry);
  g_free (self->to);
  self->to = parse_day (self->to_entry);
  emit_changed (self);
}

/* Fills @choice with @labels (taken) for @values (taken), keeping the value picked before. */
static void
fill_choice (QaAuditFilters *self,
             guint           choice,
             const char     *all_label,
             GPtrArray      *labels,
             GPtrArray      *values)
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
fill_people (QaAuditFilters *self,
             guint           choice,
             GListModel     *people,
             const char     *all_label)
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
fill_distinct (QaAuditFilters *self,
               guint        choice,
               GListModel  *entries,
               gsize        field_offset,
               char *     (*dup_label) (const char *value),
               const char  *all_label)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *labels;

  for (guint i = 0; entries != NULL && i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(QaAuditItem) item = g_list_model_get_item (entries, i);
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

/* Picks the row of @value in @choice, or “all” when it offers no such row. */
static void
set_choice (QaAuditFilters *self,
            guint           choice,
            const char     *value)
{
  Choice *c = &self->choices[choice];
  guint selected = 0;

  for (guint i = 1; value != NULL && *value != '\0' && c->values != NULL && i < c->values->len; i++)
    if (g_strcmp0 (g_ptr_array_index (c->values, i), value) == 0)
      selected = i;

  gtk_drop_down_set_selected (c->drop_down, selected);
}

/* GObject ------------------------------------------------------------------------------------ */

static void
qa_audit_filters_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), QA_TYPE_AUDIT_FILTERS);
  _qa_ui_dispose_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (qa_audit_filters_parent_class)->dispose (object);
}

static void
qa_audit_filters_finalize (GObject *object)
{
  QaAuditFilters *self = (QaAuditFilters *)object;

  for (guint i = 0; i < N_CHOICES; i++)
    g_clear_pointer (&self->choices[i].values, g_ptr_array_unref);
  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->to, g_free);

  G_OBJECT_CLASS (qa_audit_filters_parent_class)->finalize (object);
}

static void
qa_audit_filters_class_init (QaAuditFiltersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qa_audit_filters_dispose;
  object_class->finalize = qa_audit_filters_finalize;

  /* Any filter changed, by the user or by qa_audit_filters_set(); not while they are filled. */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/qa-audit-filters.ui");
  gtk_widget_class_bind_template_child (widget_class, QaAuditFilters, action_drop_down);
  gtk_widget_class_bind_template_child (widget_class, QaAuditFilters, applicant_drop_down);
  gtk_widget_class_bind_template_child (widget_class, QaAuditFilters, expert_drop_down);
  gtk_widget_class_bind_template_child (widget_class, QaAuditFilters, from_entry);
  gtk_widget_class_bind_template_child (widget_class, QaAuditFilters, operator_drop_down);
  gtk_widget_class_bind_template_child (widget_class, QaAuditFilters, to_entry);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);

  gtk_widget_class_set_css_name (widget_class, "audit-filters");
}

static void
qa_audit_filters_init (QaAuditFilters *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->choices[CHOICE_APPLICANT].drop_down = self->applicant_drop_down;
  self->choices[CHOICE_EXPERT].drop_down = self->expert_drop_down;
  self->choices[CHOICE_ACTION].drop_down = self->action_drop_down;
  self->choices[CHOICE_OPERATOR].drop_down = self->operator_drop_down;
  qa_audit_filters_fill (self, NULL, NULL);
}

GtkWidget *
qa_audit_filters_new (void)
{
  return g_object_new (QA_TYPE_AUDIT_FILTERS, NULL);
}

void
qa_audit_filters_fill (QaAuditFilters *self,
                       QaSession      *session,
                       GListModel     *entries)
{
  GListModel *applicants = session != NULL ? qa_session_get_applicants (session) : NULL;
  GListModel *experts = session != NULL ? qa_session_get_experts (session) : NULL;

  g_return_if_fail (QA_IS_AUDIT_FILTERS (self));
  g_return_if_fail (!session || QA_IS_SESSION (session));
  g_return_if_fail (!entries || G_IS_LIST_MODEL (entries));

  self->filling = TRUE;
  fill_people (self, CHOICE_APPLICANT, applicants, _("All applicants"));
  fill_people (self, CHOICE_EXPERT, experts, _("All experts"));
  fill_distinct (self, CHOICE_ACTION, entries, G_STRUCT_OFFSET (QaAuditEntry, action),
                 qa_audit_action_dup_label, _("All actions"));
  fill_distinct (self, CHOICE_OPERATOR, entries, G_STRUCT_OFFSET (QaAuditEntry, operator_name),
                 g_strdup, _("All operators"));
  self->filling = FALSE;
}

void
qa_audit_filters_get (QaAuditFilters *self,
                      QaAuditFilter  *filter)
{
  g_return_if_fail (QA_IS_AUDIT_FILTERS (self));
  g_return_if_fail (filter != NULL);

  filter->applicant_id = choice_value (self, CHOICE_APPLICANT);
  filter->expert_id = choice_value (self, CHOICE_EXPERT);
  filter->action = choice_value (self, CHOICE_ACTION);
  filter->operator_name = choice_value (self, CHOICE_OPERATOR);
  filter->from = self->from;
  filter->to = self->to;
}

void
qa_audit_filters_set (QaAuditFilters      *self,
                      const QaAuditFilter *filter)
{
  static const QaAuditFilter none = { NULL };

  g_return_if_fail (QA_IS_AUDIT_FILTERS (self));

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

  emit_changed (self);
}
