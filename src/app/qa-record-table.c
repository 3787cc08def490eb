/* qa-record-table.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-record-table"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "qa-core.h"
#include "qa-record-table.h"
#include "qa-ui-private.h"

typedef struct
{
  GtkWidget **cells;
  GtkWidget  *remove_button;
} Row;

struct _QaRecordTable
{
  GtkWidget             parent_instance;

  /* Owned */
  char                 *add_label;
  GPtrArray            *rows;      /* Row */
  GPtrArray            *saved;     /* GStrv: the rows as last set */

  /* Unowned: static */
  const QaRecordColumn *columns;
  guint                 n_columns;

  gboolean              loading;

  /* Template widgets */
  AdwButtonContent     *add_content;
  GtkLabel             *description_label;
  GtkLabel             *empty_label;
  GtkGrid              *grid;
  GtkLabel             *problems_label;
  GtkLabel             *title_label;
};

G_DEFINE_FINAL_TYPE (QaRecordTable, qa_record_table, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_ADD_LABEL,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
row_free (Row *row)
{
  g_free (row->cells);
  g_free (row);
}

static char *
dup_cell_value (QaRecordTable *self,
                Row           *row,
                guint          column)
{
  const QaRecordColumn *spec = &self->columns[column];

  if (spec->kind == QA_RECORD_CHOICE)
    {
      guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (row->cells[column]));

      if (selected == GTK_INVALID_LIST_POSITION || spec->choices[selected] == NULL)
        return g_strdup ("");
      return g_strdup (spec->choices[selected]);
    }

  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row->cells[column]))));
}

static gboolean
parse_number (const char *text,
              double     *number)
{
  char *end = NULL;

  *number = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && isfinite (*number);
}

/* Why @value cannot stand in @spec's column, or NULL when it can. */
static char *
dup_cell_problem (const QaRecordColumn *spec,
                  const char           *value)
{
  g_autoptr(GError) error = NULL;
  double number;

  if (*value == '\0')
    return spec->required ? g_strdup (_("is required")) : NULL;

  switch (spec->kind)
    {
    case QA_RECORD_DATE:
      /* Any real date: a certificate may be valid for years to come. */
      if (!qa_dossier_validate_text (QA_DOSSIER_FOUNDED, value, "9999-12-31", &error))
        return g_strdup (error->message);
      return NULL;

    case QA_RECORD_PAST_DATE:
      if (!qa_dossier_validate_text (QA_DOSSIER_FOUNDED, value, NULL, &error))
        return g_strdup (error->message);
      return NULL;

    case QA_RECORD_YEAR:
      if (!parse_number (value, &number) || number != floor (number) || number < 1900 ||
          number > 2999)
        return g_strdup_printf (_("“%s” is not a year"), value);
      return NULL;

    case QA_RECORD_NUMBER:
      if (!parse_number (value, &number))
        return g_strdup_printf (_("“%s” is not a number"), value);
      return NULL;

    case QA_RECORD_TEXT:
    case QA_RECORD_CHOICE:
    default:
      return NULL;
    }
}

/* Marks every wrong cell and lists the problems under the table; TRUE when there are none. An
 * empty cell that was never typed in is not marked yet, but it is still wrong. */
static gboolean
check_cells (QaRecordTable *self)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  gboolean valid = TRUE;

  for (guint r = 0; r < self->rows->len; r++)
    {
      Row *row = g_ptr_array_index (self->rows, r);

      for (guint c = 0; c < self->n_columns; c++)
        {
          g_autofree char *value = dup_cell_value (self, row, c);
          g_autofree char *problem = dup_cell_problem (&self->columns[c], value);
          gboolean shown;

          valid &= problem == NULL;
          shown = problem != NULL &&
                  (*value != '\0' || g_object_get_data (G_OBJECT (row->cells[c]), "qa-touched"));

          if (shown)
            {
              gtk_widget_add_css_class (row->cells[c], "error");
              if (problems->len > 0)
                g_string_append_c (problems, '\n');
              /* Translators: a wrong cell of a table, e.g. “Row 2, Date: “2024-02-30” is not a
               * real date written as YYYY-MM-DD” */
              g_string_append_printf (problems, _("Row %u, %s: %s"), r + 1,
                                      _(self->columns[c].title), problem);
            }
          else
            {
              gtk_widget_remove_css_class (row->cells[c], "error");
            }
          gtk_widget_set_tooltip_text (row->cells[c], shown ? problem : NULL);
        }
    }

  gtk_label_set_label (self->problems_label, problems->str);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_label), problems->len > 0);

  return valid;
}

static void
update_empty_state (QaRecordTable *self)
{
  gboolean empty = self->rows->len == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), empty);
  gtk_widget_set_visible (GTK_WIDGET (self->grid), !empty);
}

static void
emit_changed (QaRecordTable *self)
{
  if (self->loading)
    return;

  check_cells (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
cell_changed_cb (QaRecordTable *self,
                 GtkWidget     *cell)
{
  g_assert (QA_IS_RECORD_TABLE (self));

  if (!self->loading)
    g_object_set_data (G_OBJECT (cell), "qa-touched", GINT_TO_POINTER (TRUE));
  emit_changed (self);
}

static void
choice_changed_cb (QaRecordTable *self,
                   GParamSpec    *pspec,
                   GtkWidget     *cell)
{
  cell_changed_cb (self, cell);
}

static void
remove_row_cb (QaRecordTable *self,
               GtkButton     *button)
{
  Row *row = g_object_get_data (G_OBJECT (button), "qa-record-row");
  guint index;

  g_assert (QA_IS_RECORD_TABLE (self));

  if (row == NULL || !g_ptr_array_find (self->rows, row, &index))
    return;

  /* Row 0 of the grid holds the headings. */
  gtk_grid_remove_row (self->grid, (int)index + 1);
  g_ptr_array_remove_index (self->rows, index);

  update_empty_state (self);
  emit_changed (self);
}

static GtkWidget *
create_cell (QaRecordTable        *self,
             const QaRecordColumn *spec,
             const char           *value)
{
  GtkWidget *cell;

  if (spec->kind == QA_RECORD_CHOICE)
    {
      g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
      guint selected = GTK_INVALID_LIST_POSITION;

      for (guint i = 0; spec->choices[i] != NULL; i++)
        {
          gtk_string_list_append (labels, _(spec->choice_labels[i]));
          if (g_strcmp0 (spec->choices[i], value) == 0)
            selected = i;
        }

      cell = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (cell), selected);
      g_signal_connect_object (cell, "notify::selected", G_CALLBACK (choice_changed_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_accessible_update_property (GTK_ACCESSIBLE (cell),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(spec->title),
                                      -1);
      return cell;
    }

  cell = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (cell), value != NULL ? value : "");
  gtk_editable_set_width_chars (GTK_EDITABLE (cell), spec->width_chars > 0 ? spec->width_chars : 8);
  if (!spec->expand)
    gtk_editable_set_max_width_chars (GTK_EDITABLE (cell), spec->width_chars);
  gtk_widget_set_hexpand (cell, spec->expand);
  if (spec->required)
    gtk_entry_set_placeholder_text (GTK_ENTRY (cell), _("Required"));

  switch (spec->kind)
    {
    case QA_RECORD_DATE:
    case QA_RECORD_PAST_DATE:
      gtk_entry_set_placeholder_text (GTK_ENTRY (cell), _("YYYY-MM-DD"));
      gtk_widget_set_tooltip_text (cell, _("YYYY-MM-DD"));
      gtk_widget_add_css_class (cell, "numeric");
      break;

    case QA_RECORD_YEAR:
    case QA_RECORD_NUMBER:
      gtk_entry_set_input_purpose (GTK_ENTRY (cell), GTK_INPUT_PURPOSE_NUMBER);
      gtk_entry_set_alignment (GTK_ENTRY (cell), 1.0);
      gtk_widget_add_css_class (cell, "numeric");
      break;

    case QA_RECORD_TEXT:
    case QA_RECORD_CHOICE:
    default:
      break;
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (cell),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(spec->title),
                                  -1);
  g_signal_connect_object (cell, "changed", G_CALLBACK (cell_changed_cb), self, G_CONNECT_SWAPPED);
  return cell;
}

static Row *
append_row (QaRecordTable      *self,
            const char * const *values)
{
  Row *row = g_new0 (Row, 1);
  int grid_row = (int)self->rows->len + 1;

  row->cells = g_new0 (GtkWidget *, self->n_columns);
  for (guint c = 0; c < self->n_columns; c++)
    {
      row->cells[c] = create_cell (self, &self->columns[c], values != NULL ? values[c] : NULL);
      gtk_grid_attach (self->grid, row->cells[c], (int)c, grid_row, 1, 1);
    }

  row->remove_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_tooltip_text (row->remove_button, _("Remove Row"));
  gtk_widget_set_valign (row->remove_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (row->remove_button, "flat");
  g_object_set_data (G_OBJECT (row->remove_button), "qa-record-row", row);
  g_signal_connect_object (row->remove_button, "clicked", G_CALLBACK (remove_row_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_grid_attach (self->grid, row->remove_button, (int)self->n_columns, grid_row, 1, 1);

  g_ptr_array_add (self->rows, row);
  update_empty_state (self);
  return row;
}

static void
remove_all_rows (QaRecordTable *self)
{
  while (self->rows->len > 0)
    {
      gtk_grid_remove_row (self->grid, (int)self->rows->len);
      g_ptr_array_remove_index (self->rows, self->rows->len - 1);
    }
}

static void
add_row_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  QaRecordTable *self = QA_RECORD_TABLE (widget);
  Row *row;

  qa_record_table_add_row (self, NULL);
  row = g_ptr_array_index (self->rows, self->rows->len - 1);
  gtk_widget_grab_focus (row->cells[0]);
}

static void
qa_record_table_dispose (GObject *object)
{
  QaRecordTable *self = (QaRecordTable *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), QA_TYPE_RECORD_TABLE);
  _qa_ui_dispose_children (GTK_WIDGET (self));
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->saved, g_ptr_array_unref);

  G_OBJECT_CLASS (qa_record_table_parent_class)->dispose (object);
}

static void
qa_record_table_finalize (GObject *object)
{
  QaRecordTable *self = (QaRecordTable *)object;

  g_free (self->add_label);

  G_OBJECT_CLASS (qa_record_table_parent_class)->finalize (object);
}

static void
qa_record_table_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  QaRecordTable *self = QA_RECORD_TABLE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, gtk_label_get_label (self->title_label));
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, gtk_label_get_label (self->description_label));
      break;

    case PROP_ADD_LABEL:
      g_value_set_string (value, adw_button_content_get_label (self->add_content));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_record_table_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  QaRecordTable *self = QA_RECORD_TABLE (object);
  const char *text = g_value_get_string (value);

  switch (prop_id)
    {
    case PROP_TITLE:
      gtk_label_set_label (self->title_label, text);
      break;

    case PROP_DESCRIPTION:
      gtk_label_set_label (self->description_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->description_label), text != NULL && *text != '\0');
      break;

    case PROP_ADD_LABEL:
      adw_button_content_set_label (self->add_content, text != NULL ? text : "");
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_record_table_class_init (QaRecordTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qa_record_table_dispose;
  object_class->finalize = qa_record_table_finalize;
  object_class->get_property = qa_record_table_get_property;
  object_class->set_property = qa_record_table_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_ADD_LABEL] =
    g_param_spec_string ("add-label", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted when the user edits, adds or removes a row. */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/qa-record-table.ui");
  gtk_widget_class_bind_template_child (widget_class, QaRecordTable, add_content);
  gtk_widget_class_bind_template_child (widget_class, QaRecordTable, description_label);
  gtk_widget_class_bind_template_child (widget_class, QaRecordTable, empty_label);
  gtk_widget_class_bind_template_child (widget_class, QaRecordTable, grid);
  gtk_widget_class_bind_template_child (widget_class, QaRecordTable, problems_label);
  gtk_widget_class_bind_template_child (widget_class, QaRecordTable, title_label);

  gtk_widget_class_install_action (widget_class, "table.add-row", NULL, add_row_action);

  gtk_widget_class_set_css_name (widget_class, "record-table");
}

static void
qa_record_table_init (QaRecordTable *self)
{
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)row_free);
  self->saved = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);

  gtk_widget_init_template (GTK_WIDGET (self));
  update_empty_state (self);
}

GtkWidget *
qa_record_table_new (void)
{
  return g_object_new (QA_TYPE_RECORD_TABLE, NULL);
}

void
qa_record_table_set_columns (QaRecordTable        *self,
                             const QaRecordColumn *columns,
                             guint                 n_columns)
{
  g_return_if_fail (QA_IS_RECORD_TABLE (self));
  g_return_if_fail (columns != NULL || n_columns == 0);
  g_return_if_fail (self->columns == NULL);

  self->columns = columns;
  self->n_columns = n_columns;

  for (guint c = 0; c < n_columns; c++)
    {
      GtkWidget *heading = gtk_label_new (_(columns[c].title));

      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_widget_add_css_class (heading, "caption-heading");
      gtk_widget_add_css_class (heading, "dim-label");
      gtk_grid_attach (self->grid, heading, (int)c, 0, 1, 1);
    }
}

void
qa_record_table_set_rows (QaRecordTable *self,
                          GPtrArray     *rows)
{
  g_return_if_fail (QA_IS_RECORD_TABLE (self));
  g_return_if_fail (self->columns != NULL);

  self->loading = TRUE;
  remove_all_rows (self);
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    append_row (self, g_ptr_array_index (rows, i));
  self->loading = FALSE;

  g_clear_pointer (&self->saved, g_ptr_array_unref);
  self->saved = qa_record_table_dup_rows (self);

  update_empty_state (self);
  check_cells (self);
}

GPtrArray *
qa_record_table_dup_rows (QaRecordTable *self)
{
  GPtrArray *rows;

  g_return_val_if_fail (QA_IS_RECORD_TABLE (self), NULL);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  for (guint r = 0; r < self->rows->len; r++)
    {
      Row *row = g_ptr_array_index (self->rows, r);
      char **values = g_new0 (char *, self->n_columns + 1);

      for (guint c = 0; c < self->n_columns; c++)
        values[c] = dup_cell_value (self, row, c);
      g_ptr_array_add (rows, values);
    }

  return rows;
}

void
qa_record_table_add_row (QaRecordTable      *self,
                         const char * const *values)
{
  g_return_if_fail (QA_IS_RECORD_TABLE (self));
  g_return_if_fail (self->columns != NULL);

  append_row (self, values);
  emit_changed (self);
}

guint
qa_record_table_get_n_rows (QaRecordTable *self)
{
  g_return_val_if_fail (QA_IS_RECORD_TABLE (self), 0);

  return self->rows->len;
}

gboolean
qa_record_table_is_valid (QaRecordTable *self)
{
  g_return_val_if_fail (QA_IS_RECORD_TABLE (self), FALSE);

  return check_cells (self);
}

gboolean
qa_record_table_is_modified (QaRecordTable *self)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (QA_IS_RECORD_TABLE (self), FALSE);

  rows = qa_record_table_dup_rows (self);
  if (rows->len != self->saved->len)
    return TRUE;

  for (guint r = 0; r < rows->len; r++)
    if (!g_strv_equal (g_ptr_array_index (rows, r), g_ptr_array_index (self->saved, r)))
      return TRUE;

  return FALSE;
}

GtkWidget *
qa_record_table_get_cell (QaRecordTable *self,
                          guint          row,
                          guint          column)
{
  g_return_val_if_fail (QA_IS_RECORD_TABLE (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);

  return ((Row *)g_ptr_array_index (self->rows, row))->cells[column];
}
