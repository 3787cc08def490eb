/* qa-dossier-indicators.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-dossier-indicators"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "qa-dossier-indicators.h"
#include "qa-ui-private.h"

/* The dossier's key business indicators (经营指标): a table of year, indicator, value and unit,
 * and a button that adds the usual ones of the last three years. Changes are told by the
 * table's "changed" signal (qa_dossier_indicators_get_table()). */

static const QaRecordColumn indicator_columns[] = {
  { N_("Year"), QA_RECORD_YEAR, TRUE, 5, FALSE, NULL, NULL },
  { N_("Indicator"), QA_RECORD_TEXT, TRUE, 20, TRUE, NULL, NULL },
  { N_("Value"), QA_RECORD_NUMBER, TRUE, 10, FALSE, NULL, NULL },
  { N_("Unit"), QA_RECORD_TEXT, FALSE, 10, FALSE, NULL, NULL },
};

/* The key indicators every application reports for each of the last three years. */
static const struct
{
  const char *name;
  const char *unit;
} key_indicators[] = {
  { N_("Operating revenue"), N_("10,000 yuan") },
  { N_("Total profit"), N_("10,000 yuan") },
  { N_("Taxes paid"), N_("10,000 yuan") },
  { N_("Quality loss rate"), "%" },
  { N_("Energy per 10,000 yuan of output"), N_("tce") },
};

struct _QaDossierIndicators
{
  GtkWidget      parent_instance;

  guint          year;

  /* Template widgets */
  QaRecordTable *table;
};

G_DEFINE_FINAL_TYPE (QaDossierIndicators, qa_dossier_indicators, GTK_TYPE_WIDGET)

static gboolean
has_indicator (GPtrArray  *rows,
               const char *year,
               const char *name)
{
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);

      if (g_str_equal (row[0], year) && g_str_equal (row[1], name))
        return TRUE;
    }

  return FALSE;
}

static void
add_usual_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  QaDossierIndicators *self = QA_DOSSIER_INDICATORS (widget);
  g_autoptr(GPtrArray) rows = qa_record_table_dup_rows (self->table);
  guint last = self->year - 1;

  /* No session, no years to add. */
  if (self->year < 3)
    return;

  for (guint year = last - 2; year <= last; year++)
    {
      g_autofree char *year_text = g_strdup_printf ("%u", year);

      for (guint i = 0; i < G_N_ELEMENTS (key_indicators); i++)
        {
          const char *name = _(key_indicators[i].name);
          const char *values[] = { year_text, name, "", _(key_indicators[i].unit), NULL };

          if (!has_indicator (rows, year_text, name))
            qa_record_table_add_row (self->table, values);
        }
    }
}

static void
qa_dossier_indicators_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), QA_TYPE_DOSSIER_INDICATORS);
  _qa_ui_dispose_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (qa_dossier_indicators_parent_class)->dispose (object);
}

static void
qa_dossier_indicators_class_init (QaDossierIndicatorsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qa_dossier_indicators_dispose;

  g_type_ensure (QA_TYPE_RECORD_TABLE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/qa-dossier-indicators.ui");
  gtk_widget_class_bind_template_child (widget_class, QaDossierIndicators, table);

  gtk_widget_class_install_action (widget_class, "indicators.add-usual", NULL, add_usual_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
qa_dossier_indicators_init (QaDossierIndicators *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  qa_record_table_set_columns (self->table, indicator_columns, G_N_ELEMENTS (indicator_columns));
}

GtkWidget *
qa_dossier_indicators_new (void)
{
  return g_object_new (QA_TYPE_DOSSIER_INDICATORS, NULL);
}

static char *
format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", value));
}

void
qa_dossier_indicators_load (QaDossierIndicators *self,
                            QaDossier           *dossier,
                            guint                year)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  GPtrArray *indicators;

  g_return_if_fail (QA_IS_DOSSIER_INDICATORS (self));
  g_return_if_fail (QA_IS_DOSSIER (dossier));

  self->year = year;
  indicators = qa_dossier_get_indicators (dossier);
  for (guint i = 0; i < indicators->len; i++)
    {
      const QaIndicator *ind = g_ptr_array_index (indicators, i);
      char **row = g_new0 (char *, 5);

      row[0] = g_strdup_printf ("%u", ind->year);
      row[1] = g_strdup (ind->name != NULL ? ind->name : "");
      row[2] = format_number (ind->value);
      row[3] = g_strdup (ind->unit != NULL ? ind->unit : "");
      g_ptr_array_add (rows, row);
    }
  qa_record_table_set_rows (self->table, rows);
}

static const char *
cell (char  **row,
      guint   column)
{
  return row[column] != NULL && row[column][0] != '\0' ? row[column] : NULL;
}

void
qa_dossier_indicators_apply (QaDossierIndicators *self,
                             QaDossier           *dossier)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_if_fail (QA_IS_DOSSIER_INDICATORS (self));
  g_return_if_fail (QA_IS_DOSSIER (dossier));

  rows = qa_record_table_dup_rows (self->table);
  g_ptr_array_set_size (qa_dossier_get_indicators (dossier), 0);
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);

      qa_dossier_add_indicator (dossier, (guint)strtoul (row[0], NULL, 10), cell (row, 1),
                                g_ascii_strtod (row[2], NULL), cell (row, 3));
    }
}

void
qa_dossier_indicators_set_editable (QaDossierIndicators *self,
                                    gboolean             editable)
{
  g_return_if_fail (QA_IS_DOSSIER_INDICATORS (self));

  gtk_widget_set_sensitive (GTK_WIDGET (self->table), editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "indicators.add-usual", editable);
}

QaRecordTable *
qa_dossier_indicators_get_table (QaDossierIndicators *self)
{
  g_return_val_if_fail (QA_IS_DOSSIER_INDICATORS (self), NULL);

  return self->table;
}
