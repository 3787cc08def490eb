/* qa-record-table.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What a cell holds; each kind is checked as the user types. */
typedef enum
{
  QA_RECORD_TEXT,
  QA_RECORD_DATE,       /* a real date, YYYY-MM-DD */
  QA_RECORD_PAST_DATE,  /* a real date not after today */
  QA_RECORD_YEAR,
  QA_RECORD_NUMBER,
  QA_RECORD_CHOICE,     /* one of @choices, shown by @choice_labels */
} QaRecordKind;

/* One column of a table. The strings are static; @title and @choice_labels are marked with
 * N_() and translated by the table. */
typedef struct
{
  const char         *title;
  QaRecordKind        kind;
  gboolean            required;
  int                 width_chars;
  gboolean            expand;
  const char * const *choices;
  const char * const *choice_labels;
} QaRecordColumn;

#define QA_TYPE_RECORD_TABLE (qa_record_table_get_type ())
G_DECLARE_FINAL_TYPE (QaRecordTable, qa_record_table, QA, RECORD_TABLE, GtkWidget)

/* A small editable table: a dossier's accidents, certificates or indicators, a row each. */
GtkWidget  *qa_record_table_new           (void);
void        qa_record_table_set_columns   (QaRecordTable        *self,
                                           const QaRecordColumn *columns,
                                           guint                 n_columns);
/* Replaces every row with @rows (each a string array of one value per column); what the table
 * holds now is its unmodified state. */
void        qa_record_table_set_rows      (QaRecordTable        *self,
                                           GPtrArray            *rows);
/* The rows as typed (each a GStrv, one value per column, "" for an empty cell). */
GPtrArray  *qa_record_table_dup_rows      (QaRecordTable        *self);
/* Appends a row holding @values (NULL for an empty one). */
void        qa_record_table_add_row       (QaRecordTable        *self,
                                           const char * const   *values);
guint       qa_record_table_get_n_rows    (QaRecordTable        *self);
gboolean    qa_record_table_is_valid      (QaRecordTable        *self);
gboolean    qa_record_table_is_modified   (QaRecordTable        *self);
/* The cell's widget: a GtkEditable, or a GtkDropDown for a choice. */
GtkWidget  *qa_record_table_get_cell      (QaRecordTable        *self,
                                           guint                 row,
                                           guint                 column);

G_END_DECLS
