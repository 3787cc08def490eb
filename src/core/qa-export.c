/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qa-export"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libxml/tree.h>
#include <math.h>
#include <string.h>
#include <xlsxwriter.h>

#include "qa-csv.h"
#include "qa-export.h"
#include "qa-output.h"
#include "qa-pdf-private.h"
#include "qa-util-private.h"
#include "qa-xml-private.h"

#define EXPORT_SCHEMA "schemas/export.xsd"
#define EXPORT_NS "urn:qareview:export:1"
#define UTF8_BOM "\xEF\xBB\xBF"

struct _QaExportTable
{
  char                 *kind;
  char                 *title;
  const QaExportColumn *columns;
  guint                 n_columns;
  GPtrArray            *rows;    /* GStrv */
  GPtrArray            *notes;   /* char * */
};

G_DEFINE_QUARK (qa-export-error-quark, qa_export_error)

gboolean
qa_export_format_from_string (const char     *str,
                              QaExportFormat *format)
{
  static const char * const names[] = { "csv", "xlsx", "pdf", "xml" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (g_strcmp0 (str, names[i]) == 0)
        {
          *format = i;
          return TRUE;
        }
    }
  return FALSE;
}

QaExportTable *
qa_export_table_new (const char           *kind,
                     const char           *title,
                     const QaExportColumn *columns,
                     guint                 n_columns)
{
  QaExportTable *table = g_new0 (QaExportTable, 1);

  table->kind = g_strdup (kind);
  table->title = g_strdup (title);
  table->columns = columns;
  table->n_columns = n_columns;
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  table->notes = g_ptr_array_new_with_free_func (g_free);
  return table;
}

void
qa_export_table_free (QaExportTable *table)
{
  if (table == NULL)
    return;
  g_free (table->kind);
  g_free (table->title);
  g_ptr_array_unref (table->rows);
  g_ptr_array_unref (table->notes);
  g_free (table);
}

void
qa_export_table_add_row (QaExportTable      *table,
                         const char * const *cells)
{
  char **row = g_new0 (char *, table->n_columns + 1);

  for (guint i = 0; i < table->n_columns; i++)
    row[i] = g_strdup (cells[i] != NULL ? cells[i] : "");
  g_ptr_array_add (table->rows, row);
}

void
qa_export_table_add_note (QaExportTable *table,
                          const char    *note)
{
  g_ptr_array_add (table->notes, g_strdup (note));
}

char *
qa_export_table_dup_csv (QaExportTable *table)
{
  GString *out = g_string_new (NULL);
  g_autofree const char **fields = g_new0 (const char *, table->n_columns);
  guint n = 0;

  for (guint i = 0; i < table->n_columns; i++)
    if (!table->columns[i].extra)
      fields[n++] = table->columns[i].name;
  qa_csv_append_row (out, fields, n);
  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);

      n = 0;
      for (guint i = 0; i < table->n_columns; i++)
        if (!table->columns[i].extra)
          fields[n++] = row[i];
      qa_csv_append_row (out, fields, n);
    }
  return g_string_free (out, FALSE);
}

static gboolean
write_csv (QaExportTable  *table,
           const char     *path,
           QaOutputFlags   flags,
           GError        **error)
{
  g_autofree char *csv = qa_export_table_dup_csv (table);
  g_autofree char *contents = g_strconcat (UTF8_BOM, csv, NULL);

  return qa_output_write_file (path, flags, contents, strlen (contents), error);
}

static gboolean
xlsx_failed (lxw_error   rc,
             const char *path,
             GError    **error)
{
  if (rc == LXW_NO_ERROR)
    return FALSE;
  g_set_error (error, QA_EXPORT_ERROR, QA_EXPORT_ERROR_WRITE, _("“%s” could not be written: %s"),
               path, lxw_strerror (rc));
  return TRUE;
}

static const char *
sheet_name_of (const char *kind)
{
  if (g_strcmp0 (kind, "shortlist") == 0)
    return _("Shortlist");
  if (g_strcmp0 (kind, "consensus-totals") == 0)
    return _("Consensus totals");
  if (g_strcmp0 (kind, "objections") == 0)
    return _("Objections");
  if (g_strcmp0 (kind, "awards") == 0)
    return _("Awards");
  return "Sheet1";
}

/* How many character widths of the sheet's default font @text takes: a CJK character two. */
static double
xlsx_text_width (const char *text)
{
  double width = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2.0 : 1.0;
  return width;
}

/* A column as wide as its widest cell or its header, within bounds (long reasons wrap). */
#define XLSX_MIN_WIDTH 6.0
#define XLSX_MAX_WIDTH 72.0
/* libxlsxwriter's paper code of A4, and about the characters that fit across it upright. */
#define XLSX_PAPER_A4 9
#define XLSX_PORTRAIT_WIDTH 90.0

static double
xlsx_column_width (QaExportTable *table,
                   guint          c)
{
  /* The header is bold: a little wider than its characters. */
  double width = xlsx_text_width (_(table->columns[c].title)) * 1.1;

  for (guint r = 0; r < table->rows->len; r++)
    width = MAX (width, xlsx_text_width (((char **)g_ptr_array_index (table->rows, r))[c]));
  return CLAMP (width + 2.0, XLSX_MIN_WIDTH, XLSX_MAX_WIDTH);
}

static gboolean
write_xlsx (QaExportTable  *table,
            const char     *path,
            QaOutputFlags   flags,
            GError        **error)
{
  lxw_workbook_options options = { .constant_memory = LXW_FALSE, .tmpdir = NULL };
  g_autoptr(QaOutput) output = qa_output_new (path, flags, error);
  lxw_workbook *workbook;
  lxw_worksheet *sheet;
  lxw_format *header, *text, *integer, *decimal1, *decimal2, *note;
  g_autofree double *widths = g_new0 (double, MAX (table->n_columns, 1));
  double total_width = 0;
  g_autofree char *sheet_name = NULL;
  lxw_error rc;

  /* libxlsxwriter writes a file of its own name: the output's temporary file, put in place
   * only when the workbook is whole. */
  if (output == NULL)
    return FALSE;
  workbook = workbook_new_opt (qa_output_get_temp_path (output), &options);
  if (workbook == NULL)
    {
      g_set_error (error, QA_EXPORT_ERROR, QA_EXPORT_ERROR_WRITE,
                   _("“%s” could not be written"), path);
      return FALSE;
    }

  /* A sheet name is at most 31 characters, without []:*?/\ and not quoted: the table's kind. */
  sheet_name = g_strdup (sheet_name_of (table->kind));
  if (workbook_validate_sheet_name (workbook, sheet_name) != LXW_NO_ERROR)
    {
      g_free (sheet_name);
      sheet_name = g_strdup ("Sheet1");
    }
  sheet = workbook_add_worksheet (workbook, sheet_name);
  if (sheet == NULL)
    {
      workbook_close (workbook);
      g_set_error (error, QA_EXPORT_ERROR, QA_EXPORT_ERROR_WRITE,
                   _("“%s” could not be written"), path);
      return FALSE;
    }
  header = workbook_add_format (workbook);
  format_set_bold (header);
  format_set_bottom (header, LXW_BORDER_THIN);
  format_set_bg_color (header, 0xE8EEF4);
  text = workbook_add_format (workbook);
  format_set_num_format (text, "@");
  integer = workbook_add_format (workbook);
  format_set_num_format (integer, "0");
  decimal1 = workbook_add_format (workbook);
  format_set_num_format (decimal1, "0.0");
  decimal2 = workbook_add_format (workbook);
  format_set_num_format (decimal2, "0.00");
  note = workbook_add_format (workbook);
  format_set_text_wrap (note);
  format_set_align (note, LXW_ALIGN_VERTICAL_TOP);
  format_set_text_wrap (text);
  /* A row some long text wraps in reads from its top. */
  format_set_align (text, LXW_ALIGN_VERTICAL_TOP);
  format_set_align (integer, LXW_ALIGN_VERTICAL_TOP);
  format_set_align (decimal1, LXW_ALIGN_VERTICAL_TOP);
  format_set_align (decimal2, LXW_ALIGN_VERTICAL_TOP);

  for (guint c = 0; c < table->n_columns; c++)
    {
      const QaExportColumn *column = &table->columns[c];

      double width = widths[c] = xlsx_column_width (table, c);

      total_width += width;
      worksheet_write_string (sheet, 0, (lxw_col_t)c, _(column->title), header);
      worksheet_set_column (sheet, (lxw_col_t)c, (lxw_col_t)c, width,
                            column->kind == QA_COLUMN_TEXT || column->kind == QA_COLUMN_DATE
                            ? text : NULL);
    }
  worksheet_freeze_panes (sheet, 1, 0);
  /* Printed on A4, as wide as the page (landscape when the table is wide), the header row on
   * every page and the page numbers below. */
  worksheet_set_paper (sheet, XLSX_PAPER_A4);
  if (total_width > XLSX_PORTRAIT_WIDTH)
    worksheet_set_landscape (sheet);
  worksheet_fit_to_pages (sheet, 1, 0);
  worksheet_repeat_rows (sheet, 0, 0);
  worksheet_set_footer (sheet, "&C&P / &N");

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);
      double lines = 1.0;

      for (guint c = 0; c < table->n_columns; c++)
        {
          const char *value = row[c];
          lxw_row_t xr = (lxw_row_t)(r + 1);
          lxw_col_t xc = (lxw_col_t)c;

          /* Rows do not grow with wrapped text when a spreadsheet opens the file: as many
           * lines as the widest cell wraps to. */
          lines = MAX (lines, ceil (xlsx_text_width (value) / MAX (widths[c] - 1.0, 1.0)));

          if (*value == '\0')
            continue;
          switch (table->columns[c].kind)
            {
            case QA_COLUMN_INTEGER:
              worksheet_write_number (sheet, xr, xc, g_ascii_strtod (value, NULL), integer);
              break;
            case QA_COLUMN_DECIMAL1:
              worksheet_write_number (sheet, xr, xc, g_ascii_strtod (value, NULL), decimal1);
              break;
            case QA_COLUMN_DECIMAL2:
              worksheet_write_number (sheet, xr, xc, g_ascii_strtod (value, NULL), decimal2);
              break;
            case QA_COLUMN_TEXT:
            case QA_COLUMN_DATE:
            default:
              worksheet_write_string (sheet, xr, xc, value, text);
              break;
            }
        }
      if (lines > 1.0)
        worksheet_set_row (sheet, (lxw_row_t)(r + 1), LXW_DEF_ROW_HEIGHT * lines, NULL);
    }

  /* The notes (a vacancy, the profile's numbers) below the table. */
  for (guint i = 0; i < table->notes->len; i++)
    {
      const char *text_of_note = g_ptr_array_index (table->notes, i);
      lxw_row_t xr = (lxw_row_t)(table->rows->len + 2 + i);
      /* A merged cell does not grow with its text: as many lines as it wraps to. */
      double lines = ceil (xlsx_text_width (text_of_note) * 1.1 / MAX (total_width, 1.0));

      if (table->n_columns > 1)
        worksheet_merge_range (sheet, xr, 0, xr, (lxw_col_t)(table->n_columns - 1),
                               text_of_note, note);
      else
        worksheet_write_string (sheet, xr, 0, text_of_note, note);
      worksheet_set_row (sheet, xr, LXW_DEF_ROW_HEIGHT * MAX (lines, 1.0), NULL);
    }

  rc = workbook_close (workbook);
  return !xlsx_failed (rc, path, error) && qa_output_commit (output, error);
}

static gboolean
write_pdf (QaExportTable  *table,
           const char     *path,
           QaOutputFlags   flags,
           GError        **error)
{
  g_autoptr(QaPdfDocument) pdf = _qa_pdf_document_new (table->title, QA_PDF_LANDSCAPE);
  g_autofree const char **header = g_new0 (const char *, table->n_columns);
  g_autofree double *widths = g_new0 (double, table->n_columns);
  double sum = 0;

  _qa_pdf_add_heading (pdf, table->title);
  for (guint i = 0; i < table->notes->len; i++)
    _qa_pdf_add_text (pdf, g_ptr_array_index (table->notes, i));

  for (guint c = 0; c < table->n_columns; c++)
    sum += table->columns[c].width;
  for (guint c = 0; c < table->n_columns; c++)
    {
      header[c] = _(table->columns[c].title);
      widths[c] = table->columns[c].width / sum;
    }
  _qa_pdf_add_row (pdf, header, widths, table->n_columns, TRUE);
  for (guint r = 0; r < table->rows->len; r++)
    _qa_pdf_add_row (pdf, (const char * const *)g_ptr_array_index (table->rows, r), widths,
                 table->n_columns, FALSE);
  if (table->rows->len == 0)
    _qa_pdf_add_text (pdf, _("(none)"));

  return _qa_pdf_write (pdf, path, flags, QA_EXPORT_ERROR, QA_EXPORT_ERROR_WRITE, error);
}

static gboolean
write_xml (QaExportTable  *table,
           const char     *path,
           QaOutputFlags   flags,
           GError        **error)
{
  g_autoptr(xmlDoc) doc = xmlNewDoc ((const xmlChar *)"1.0");
  g_autofree char *now = _qa_now_iso ();
  xmlNode *root, *list;
  xmlNs *ns;
  xmlChar *buffer = NULL;
  int size = 0;
  gboolean ok;

  root = xmlNewNode (NULL, (const xmlChar *)"export");
  ns = xmlNewNs (root, (const xmlChar *)EXPORT_NS, NULL);
  xmlSetNs (root, ns);
  xmlDocSetRootElement (doc, root);
  xmlNewProp (root, (const xmlChar *)"generated", (const xmlChar *)now);
  xmlNewTextChild (root, ns, (const xmlChar *)"title", (const xmlChar *)table->title);
  for (guint i = 0; i < table->notes->len; i++)
    xmlNewTextChild (root, ns, (const xmlChar *)"note", g_ptr_array_index (table->notes, i));

  list = xmlNewChild (root, ns, (const xmlChar *)table->kind, NULL);
  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);
      xmlNode *node = xmlNewChild (list, ns, (const xmlChar *)"row", NULL);

      for (guint c = 0; c < table->n_columns; c++)
        if (*row[c] != '\0')
          xmlNewProp (node, (const xmlChar *)table->columns[c].name, (const xmlChar *)row[c]);
    }

  if (!_qa_xml_validate (doc, EXPORT_SCHEMA, path, QA_EXPORT_ERROR, QA_EXPORT_ERROR_INVALID, error))
    return FALSE;

  xmlDocDumpFormatMemoryEnc (doc, &buffer, &size, "UTF-8", 1);
  ok = qa_output_write_file (path, flags, buffer, (gsize)size, error);
  xmlFree (buffer);
  return ok;
}

gboolean
qa_export_table_write (QaExportTable  *table,
                       QaExportFormat  format,
                       const char     *path,
                       QaOutputFlags   flags,
                       GError        **error)
{
  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  switch (format)
    {
    case QA_EXPORT_CSV:
      return write_csv (table, path, flags, error);
    case QA_EXPORT_XLSX:
      return write_xlsx (table, path, flags, error);
    case QA_EXPORT_PDF:
      return write_pdf (table, path, flags, error);
    case QA_EXPORT_XML:
      return write_xml (table, path, flags, error);
    default:
      g_set_error (error, QA_EXPORT_ERROR, QA_EXPORT_ERROR_FORMAT, _("Unknown export format"));
      return FALSE;
    }
}

gboolean
qa_export_validate_xml (const char  *path,
                        GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(xmlDoc) doc = NULL;

  bytes = _qa_xml_load_file (file, error);
  if (bytes == NULL)
    return FALSE;
  doc = _qa_xml_parse_untrusted (bytes, path, QA_EXPORT_ERROR, QA_EXPORT_ERROR_INVALID, error);
  return doc != NULL &&
         _qa_xml_validate (doc, EXPORT_SCHEMA, path, QA_EXPORT_ERROR, QA_EXPORT_ERROR_INVALID,
                           error);
}
