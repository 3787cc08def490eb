/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "qa-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <stdarg.h>
#include <string.h>

#include "qa-csv.h"
#include "qa-util-private.h"

struct _QaCsvTable
{
  char       *name;
  char       *text;     /* every field, unquoted and ended by a NUL, in one block */
  GPtrArray  *header;   /* const char *, into text, as written */
  GPtrArray  *cells;    /* const char *, into text, trimmed: row r's field c at r × columns + c */
  GArray     *lines;    /* guint: the line each row starts on */
  GHashTable *by_address;  /* where a caller's column name was seen → its index + 1 */
};

G_DEFINE_QUARK (qa-csv-error-quark, qa_csv_error)

typedef struct
{
  const char *p;
  const char *end;
  guint       line;
  char       *out;      /* where the next field's text is written, in the table's block */
} Cursor;

/* The bytes that end an unquoted run: a delimiter, a line end or a quote. */
static const guint8 run_stop[256] = { [','] = 1, ['\n'] = 1, ['\r'] = 1, ['"'] = 1 };

static gboolean
is_record_end (const Cursor *cursor)
{
  return cursor->p >= cursor->end || *cursor->p == ',' || *cursor->p == '\n' ||
         (*cursor->p == '\r' && (cursor->p + 1 == cursor->end || cursor->p[1] == '\n'));
}

/* Copies a quoted field's text (the opening quote read) up to its closing quote. */
static gboolean
read_quoted (QaCsvTable  *table,
             Cursor      *cursor,
             GError     **error)
{
  guint opened_on = cursor->line;

  for (;;)
    {
      const char *quote = memchr (cursor->p, '"', cursor->end - cursor->p);
      const char *stop = quote != NULL ? quote : cursor->end;

      for (const char *p = cursor->p; (p = memchr (p, '\n', stop - p)) != NULL; p++)
        cursor->line++;
      memcpy (cursor->out, cursor->p, stop - cursor->p);
      cursor->out += stop - cursor->p;
      cursor->p = stop;
      if (quote == NULL)
        {
          g_set_error (error, QA_CSV_ERROR, QA_CSV_ERROR_SYNTAX,
                       _("%s:%u: a quoted field is never closed"), table->name, opened_on);
          return FALSE;
        }
      if (quote + 1 < cursor->end && quote[1] == '"')
        {
          *cursor->out++ = '"';
          cursor->p = quote + 2;
          continue;
        }
      cursor->p = quote + 1;
      return TRUE;
    }
}

/* Reads one record, appending its fields to @fields (trimmed of surrounding blanks when @trim);
 * FALSE at the end of input. @blank tells whether the record was one empty field: a blank
 * line. */
static gboolean
read_record (QaCsvTable  *table,
             Cursor      *cursor,
             GPtrArray   *fields,
             gboolean     trim,
             gboolean    *blank,
             GError     **error)
{
  guint first = fields->len;
  gboolean first_empty = FALSE;

  if (cursor->p >= cursor->end)
    return FALSE;

  for (;;)
    {
      char *start = cursor->out;
      char *field_end;
      gboolean quoted = FALSE;

      if (cursor->p < cursor->end && *cursor->p == '"')
        {
          quoted = TRUE;
          cursor->p++;
          if (!read_quoted (table, cursor, error))
            return FALSE;
        }

      /* The unquoted run is scanned, then copied at once; a carriage return not ending the
       * line is part of the field. */
      for (;;)
        {
          const char *run = cursor->p;

          while (cursor->p < cursor->end && !run_stop[(guchar)*cursor->p])
            cursor->p++;
          if (quoted && (cursor->p > run || !is_record_end (cursor)))
            {
              g_set_error (error, QA_CSV_ERROR, QA_CSV_ERROR_SYNTAX,
                           _("%s:%u: text follows the closing quote of a field"),
                           table->name, cursor->line);
              return FALSE;
            }
          memcpy (cursor->out, run, cursor->p - run);
          cursor->out += cursor->p - run;
          if (is_record_end (cursor))
            break;
          if (*cursor->p == '"')
            {
              g_set_error (error, QA_CSV_ERROR, QA_CSV_ERROR_SYNTAX,
                           _("%s:%u: a quote inside a field that does not start with one"),
                           table->name, cursor->line);
              return FALSE;
            }
          *cursor->out++ = *cursor->p++;  /* a lone carriage return */
        }

      field_end = cursor->out;
      *cursor->out++ = '\0';
      if (fields->len == first)
        first_empty = field_end == start;
      if (trim)
        {
          while (start < field_end && g_ascii_isspace (*start))
            start++;
          while (field_end > start && g_ascii_isspace (field_end[-1]))
            field_end--;
          *field_end = '\0';
        }
      g_ptr_array_add (fields, start);

      if (cursor->p < cursor->end && *cursor->p == ',')
        {
          cursor->p++;
          continue;
        }
      if (cursor->p < cursor->end)
        {
          if (*cursor->p == '\r')
            cursor->p++;
          if (cursor->p < cursor->end && *cursor->p == '\n')
            cursor->p++;
          cursor->line++;
        }
      *blank = first_empty && fields->len == first + 1;
      return TRUE;
    }
}

QaCsvTable *
qa_csv_table_parse (GBytes      *bytes,
                    const char  *name,
                    GError     **error)
{
  g_autoptr(QaCsvTable) table = NULL;
  const char *data;
  const char *invalid = NULL;
  gsize size;
  Cursor cursor;
  gboolean blank = FALSE;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (size > QA_CSV_MAX_SIZE)
    {
      g_autofree char *limit = g_format_size_full (QA_CSV_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, QA_CSV_ERROR, QA_CSV_ERROR_TOO_LARGE,
                   _("%s: the file is larger than %s and is not read"), name, limit);
      return NULL;
    }
  if (size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      size -= 3;
    }

  if (!g_utf8_validate_len (data, size, &invalid))
    {
      guint line = 1;

      for (const char *p = data; p < invalid; p++)
        if (*p == '\n')
          line++;
      g_set_error (error, QA_CSV_ERROR, QA_CSV_ERROR_ENCODING,
                   _("%s:%u: the file is not UTF-8 text (save it as “CSV UTF-8”)"), name, line);
      return NULL;
    }

  /* Unquoted, every field is at most as long as it was written and takes the place of the
   * delimiter after it for its NUL: the whole text fits in the file's size and one byte. */
  table = g_new0 (QaCsvTable, 1);
  table->name = g_strdup (name);
  table->text = g_malloc (size + 1);
  table->header = g_ptr_array_new ();
  table->cells = g_ptr_array_sized_new (size / 8 + 1);
  table->lines = g_array_new (FALSE, FALSE, sizeof (guint));

  cursor.p = data;
  cursor.end = data + size;
  cursor.line = 1;
  cursor.out = table->text;

  if (!read_record (table, &cursor, table->header, FALSE, &blank, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, QA_CSV_ERROR, QA_CSV_ERROR_EMPTY,
                     _("%s: the file is empty; it needs a header row naming its columns"), name);
      return NULL;
    }

  for (;;)
    {
      guint line = cursor.line;
      guint first = table->cells->len;
      g_autoptr(GError) local_error = NULL;

      if (!read_record (table, &cursor, table->cells, TRUE, &blank, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          break;
        }

      if (blank)
        {
          g_ptr_array_set_size (table->cells, first);
          continue;
        }

      if (table->cells->len - first != table->header->len)
        {
          g_set_error (error, QA_CSV_ERROR, QA_CSV_ERROR_SYNTAX,
                       _("%s:%u: the row has %u fields but the header has %u"),
                       name, line, table->cells->len - first, table->header->len);
          return NULL;
        }

      g_array_append_val (table->lines, line);
    }

  return g_steal_pointer (&table);
}

void
qa_csv_table_free (QaCsvTable *table)
{
  if (table == NULL)
    return;

  g_free (table->name);
  g_free (table->text);
  g_ptr_array_unref (table->header);
  g_ptr_array_unref (table->cells);
  g_array_unref (table->lines);
  g_clear_pointer (&table->by_address, g_hash_table_unref);
  g_free (table);
}

int
qa_csv_table_find_column (QaCsvTable *table,
                          const char *column)
{
  gpointer known;

  g_return_val_if_fail (table != NULL, -1);
  g_return_val_if_fail (column != NULL, -1);

  /* Asked mostly with the same literals: remembered by the name's address, and checked. */
  if (table->by_address == NULL)
    table->by_address = g_hash_table_new (g_direct_hash, g_direct_equal);
  known = g_hash_table_lookup (table->by_address, column);
  if (known != NULL && strcmp (g_ptr_array_index (table->header, GPOINTER_TO_INT (known) - 1), column) == 0)
    return GPOINTER_TO_INT (known) - 1;

  for (guint i = 0; i < table->header->len; i++)
    if (strcmp (g_ptr_array_index (table->header, i), column) == 0)
      {
        g_hash_table_insert (table->by_address, (gpointer)column, GINT_TO_POINTER ((int)i + 1));
        return (int)i;
      }
  return -1;
}

gboolean
qa_csv_table_check_columns (QaCsvTable         *table,
                            const QaCsvColumn  *columns,
                            guint               n_columns,
                            GError            **error)
{
  g_autoptr(GString) problems = g_string_new (NULL);

  g_return_val_if_fail (table != NULL, FALSE);

  for (guint i = 0; i < table->header->len; i++)
    {
      const char *header = g_ptr_array_index (table->header, i);
      gboolean known = FALSE;

      for (guint c = 0; c < n_columns && !known; c++)
        known = strcmp (columns[c].name, header) == 0;

      if (!known)
        g_string_append_printf (problems, _("%s:1: unknown column “%s”\n"), table->name, header);
      else if (qa_csv_table_find_column (table, header) != (int)i)
        g_string_append_printf (problems, _("%s:1: column “%s” is named twice\n"),
                                table->name, header);
    }

  for (guint c = 0; c < n_columns; c++)
    if (columns[c].required && qa_csv_table_find_column (table, columns[c].name) < 0)
      g_string_append_printf (problems, _("%s:1: required column “%s” is missing\n"),
                              table->name, columns[c].name);

  if (problems->len == 0)
    return TRUE;

  g_string_truncate (problems, problems->len - 1);
  g_set_error_literal (error, QA_CSV_ERROR, QA_CSV_ERROR_COLUMNS, problems->str);
  return FALSE;
}

const char *
qa_csv_table_get_name (QaCsvTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);
  return table->name;
}

guint
qa_csv_table_get_n_rows (QaCsvTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->cells->len / table->header->len;
}

guint
qa_csv_table_get_line (QaCsvTable *table,
                       guint       row)
{
  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (row < table->lines->len, 0);
  return g_array_index (table->lines, guint, row);
}

const char *
qa_csv_table_get_at (QaCsvTable *table,
                     guint       row,
                     int         column)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (row < table->lines->len, NULL);
  g_return_val_if_fail (column < (int)table->header->len, NULL);

  if (column < 0)
    return NULL;
  return g_ptr_array_index (table->cells, row * table->header->len + (guint)column);
}

const char *
qa_csv_table_get (QaCsvTable *table,
                  guint       row,
                  const char *column)
{
  g_return_val_if_fail (table != NULL, NULL);

  return qa_csv_table_get_at (table, row, qa_csv_table_find_column (table, column));
}

GBytes *
qa_csv_read_file (GFile   *file,
                  GError **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _qa_read_bounded (file, QA_CSV_MAX_SIZE, QA_CSV_ERROR, QA_CSV_ERROR_TOO_LARGE, error);
}

static void
read_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;
  GBytes *bytes = qa_csv_read_file (G_FILE (source_object), &error);

  if (bytes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bytes, (GDestroyNotify)g_bytes_unref);
}

void
qa_csv_read_file_async (GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (file, cancellable, callback, user_data);
  g_task_set_source_tag (task, qa_csv_read_file_async);
  g_task_run_in_thread (task, read_file_thread);
}

GBytes *
qa_csv_read_file_finish (GFile         *file,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, file), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* A plain decimal number (-5, +3.25): a spreadsheet reads it as a number, never as a formula. */
static gboolean
is_plain_number (const char *field)
{
  const char *p = field + 1;
  gboolean digits = FALSE, point = FALSE;

  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits = TRUE;
      else if (*p == '.' && !point)
        point = TRUE;
      else
        return FALSE;
    }
  return digits;
}

/* What Excel, WPS and LibreOffice would evaluate at the start of a cell (OWASP, CSV injection). */
static gboolean
is_formula_like (const char *field)
{
  switch (field[0])
    {
    case '=':
    case '@':
    case '\t':
    case '\r':
      return TRUE;
    case '+':
    case '-':
      return !is_plain_number (field);
    case '\xef':
      /* The full-width forms a spreadsheet with an IME folds to the same signs. */
      return g_str_has_prefix (field, "\xef\xbc\x9d") ||   /* ＝ */
             g_str_has_prefix (field, "\xef\xbc\x8b") ||   /* ＋ */
             g_str_has_prefix (field, "\xef\xbc\x8d") ||   /* － */
             g_str_has_prefix (field, "\xef\xbc\xa0");     /* ＠ */
    default:
      return FALSE;
    }
}

static void
append_field (GString    *out,
              const char *field)
{
  gboolean escape;

  if (field == NULL)
    return;

  escape = is_formula_like (field);
  if (!escape && strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (out, field);
      return;
    }
  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append_c (out, '\'');
      g_string_append (out, field);
      return;
    }

  g_string_append_c (out, '"');
  if (escape)
    g_string_append_c (out, '\'');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

void
qa_csv_append_row (GString            *out,
                   const char * const *fields,
                   guint               n_fields)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (fields != NULL || n_fields == 0);

  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_field (out, fields[i]);
    }
  g_string_append_c (out, '\n');
}

void
qa_csv_append_rowv (GString    *out,
                    const char *first_field,
                    ...)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  va_list args;

  g_return_if_fail (out != NULL);

  va_start (args, first_field);
  for (const char *field = first_field; field != NULL; field = va_arg (args, const char *))
    g_ptr_array_add (fields, (gpointer)field);
  va_end (args);

  qa_csv_append_row (out, (const char * const *)fields->pdata, fields->len);
}
