/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define QA_CSV_ERROR (qa_csv_error_quark ())

typedef enum
{
  QA_CSV_ERROR_ENCODING,  /* not UTF-8 */
  QA_CSV_ERROR_SYNTAX,    /* not RFC 4180: a stray or unclosed quote, a ragged row */
  QA_CSV_ERROR_COLUMNS,   /* an unknown, missing or repeated column */
  QA_CSV_ERROR_EMPTY,     /* no header row */
  QA_CSV_ERROR_TOO_LARGE, /* larger than QA_CSV_MAX_SIZE */
} QaCsvError;

/* The largest CSV file read (100,000 applicants take about 15 MiB). */
#define QA_CSV_MAX_SIZE (128 * 1024 * 1024)

/* A column an importer knows; @required ones must be present in the header. */
typedef struct
{
  const char *name;
  gboolean    required;
} QaCsvColumn;

typedef struct _QaCsvTable QaCsvTable;

GQuark       qa_csv_error_quark          (void);

/* Parses RFC 4180 CSV in UTF-8 (a leading BOM is skipped; CRLF or LF line ends) with a header
 * row. @name names the file in messages, which also give the line. */
QaCsvTable  *qa_csv_table_parse          (GBytes             *bytes,
                                          const char         *name,
                                          GError            **error);
void         qa_csv_table_free           (QaCsvTable         *table);
/* Reads a CSV file for an import, at most QA_CSV_MAX_SIZE bytes: a larger file is refused before
 * it is read, a stream that never ends (/dev/zero, a FIFO) when it passes the limit
 * (QA_CSV_ERROR_TOO_LARGE, naming the file). */
GBytes      *qa_csv_read_file            (GFile              *file,
                                          GError            **error);
/* The same in a worker thread, for the faces. */
void         qa_csv_read_file_async      (GFile              *file,
                                          GCancellable       *cancellable,
                                          GAsyncReadyCallback callback,
                                          gpointer            user_data);
GBytes      *qa_csv_read_file_finish     (GFile              *file,
                                          GAsyncResult       *result,
                                          GError            **error);
/* Refuses a header with a column not in @columns, a required column missing, or a column named
 * twice, naming every such column. */
gboolean     qa_csv_table_check_columns  (QaCsvTable         *table,
                                          const QaCsvColumn  *columns,
                                          guint               n_columns,
                                          GError            **error);
const char  *qa_csv_table_get_name       (QaCsvTable         *table);
guint        qa_csv_table_get_n_rows     (QaCsvTable         *table);
/* The line of the file on which data row @row (0-based) starts: the header is line 1. */
guint        qa_csv_table_get_line       (QaCsvTable         *table,
                                          guint               row);
/* The field of @row under the header @column, trimmed of surrounding blanks; NULL when the
 * file has no such column. */
const char  *qa_csv_table_get            (QaCsvTable         *table,
                                          guint               row,
                                          const char         *column);
/* The index of the header @column, or -1 when the file has no such column: for reading many
 * rows with qa_csv_table_get_at(). */
int          qa_csv_table_find_column    (QaCsvTable         *table,
                                          const char         *column);
/* The field of @row in column @column (from qa_csv_table_find_column()), trimmed of
 * surrounding blanks; NULL when @column is -1. */
const char  *qa_csv_table_get_at         (QaCsvTable         *table,
                                          guint               row,
                                          int                 column);

/* Appends one RFC 4180 record to @out: fields quoted when they hold a comma, a quote or a line
 * break, quotes doubled, the record ended by a line feed. A NULL field is written empty. A
 * field a spreadsheet would take for a formula (starting with =, +, -, @, a tab or a carriage
 * return, other than a plain number) is written with a leading apostrophe (OWASP's CSV
 * injection advice); what is stored is never changed. */
void         qa_csv_append_row           (GString            *out,
                                          const char * const *fields,
                                          guint               n_fields);
/* The same, with the fields as arguments ended by NULL (write an empty field as ""). */
void         qa_csv_append_rowv          (GString            *out,
                                          const char         *first_field,
                                          ...) G_GNUC_NULL_TERMINATED;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QaCsvTable, qa_csv_table_free)

G_END_DECLS
