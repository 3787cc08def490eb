/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "qa-output.h"

G_BEGIN_DECLS

/* The tables a secretariat opens (the shortlist, consensus totals, objections, awards), in the
 * forms it opens them in: CSV (UTF-8 with a BOM, so WPS and Excel read it as UTF-8), XLSX
 * (Chinese headers, number formats, a frozen header row, names as text), PDF (A4 landscape,
 * page numbers) and XML (valid against data/schemas/export.xsd). */

#define QA_EXPORT_ERROR (qa_export_error_quark ())

typedef enum
{
  QA_EXPORT_ERROR_FORMAT,   /* not a format this table is written in */
  QA_EXPORT_ERROR_INVALID,  /* an XML export that does not validate */
  QA_EXPORT_ERROR_WRITE,
} QaExportError;

typedef enum
{
  QA_EXPORT_CSV,
  QA_EXPORT_XLSX,
  QA_EXPORT_PDF,
  QA_EXPORT_XML,
} QaExportFormat;

typedef enum
{
  QA_COLUMN_TEXT,       /* written as text everywhere (names, ids, codes) */
  QA_COLUMN_INTEGER,
  QA_COLUMN_DECIMAL1,   /* e.g. 482.3 */
  QA_COLUMN_DECIMAL2,   /* e.g. 482.35 */
  QA_COLUMN_DATE,       /* YYYY-MM-DD */
} QaColumnKind;

typedef struct
{
  const char   *name;    /* the CSV header and the XML attribute, e.g. "applicant_id" */
  const char   *title;   /* the header in XLSX and PDF, translated (N_() marked) */
  QaColumnKind  kind;
  double        width;   /* share of the PDF width, and × 100 characters in XLSX */
  gboolean      extra;   /* not a column of the CSV contract: only in XLSX, PDF and XML */
} QaExportColumn;

typedef struct _QaExportTable QaExportTable;

GQuark          qa_export_error_quark     (void);
/* "csv", "xlsx", "pdf" or "xml". */
gboolean        qa_export_format_from_string (const char *str,
                                              QaExportFormat *format);
/* @kind names the table in XML ("shortlist", "consensus-totals", "objections", "awards").
 * @columns must outlive the table. */
QaExportTable  *qa_export_table_new       (const char           *kind,
                                           const char           *title,
                                           const QaExportColumn *columns,
                                           guint                 n_columns);
void            qa_export_table_free      (QaExportTable        *table);
/* A row of cells as their CSV text; NULL or "" is an empty cell. */
void            qa_export_table_add_row   (QaExportTable        *table,
                                           const char * const   *cells);
/* A line said above the table in the PDF and XML (e.g. the vacancy, the profile's numbers). */
void            qa_export_table_add_note  (QaExportTable        *table,
                                           const char           *note);
/* The CSV text, without the BOM. */
char           *qa_export_table_dup_csv   (QaExportTable        *table);
/* @flags: QA_OUTPUT_REPLACE when the user confirmed replacing a session or package there. */
gboolean        qa_export_table_write     (QaExportTable        *table,
                                           QaExportFormat        format,
                                           const char           *path,
                                           QaOutputFlags         flags,
                                           GError              **error);
/* Validates an XML export against data/schemas/export.xsd. */
gboolean        qa_export_validate_xml    (const char           *path,
                                           GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QaExportTable, qa_export_table_free)

G_END_DECLS
