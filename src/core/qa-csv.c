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
  GPtrArray  *header;   /* char * */
  GPtrArray  *rows;     /* GPtrArray of char *, one per field */
  GArray     *lines;    /* guint: the line each row starts on */
  GHashTable *by_address;  /* where a caller's column name was seen → its index + 1 */
};

G_DEFINE_QUARK (qa-csv-error-quark, qa_csv_error)

typedef struct
{
  const char *p;
  const char *end;
  guint       line;
} Cursor;

/* Reads one record into @fields; FALSE at the end of input. */
static gboolean
read_record (QaCsvTable  *table,
             Cursor      *cursor,
             GPtrArray   *fields,
             GError     **error)
{
  g_autoptr(GString) field = g_string_new (NULL);

  if (cursor->p >= cursor->end)
    return FALSE;

  for (;;)
    {
      gboolean quoted = FALSE;

      g_string_truncate (field, 0);

      if (cursor->p < cursor->end && *cursor->p == '"')
        {
          guint opened_on = cursor->line;

          quoted = TRUE;
          cursor->p++;
          for (;;)
            {
              if (cursor->p >= cursor->end)
                {
                  g_set_error (error, QA_CSV_ERROR, QA_CSV_ERROR_SYNTAX,
                               _("%s:%u: a quoted field is never closed"),
                               table->name, opened_on);
                  return FALSE;
                }
              if (*cursor->p == '"')
                {
                  if (cursor->p + 1 < cursor->end && cursor->p[1] == '"')
                    {
                      g_string_append_c (field, '"');
                      cursor->p += 2;
                      continue;
                    }
                  cursor->p++;
                  break;
                }
              if (*cursor->p == '\n')
                cursor->line++;
              g_string_append_c (field, *cursor->p++);
            }
        }

      {
        /* The unquoted run is scanned, then copied at once. */
        const char *start = cursor->p;

        while (cursor->p < cursor->end && *cursor->p != ',' && *cursor->p != '\n' &&
               !(*cursor->p == '\r' && cursor->p + 1 < cursor->end && cursor->p[1] == '\n') &&
               !(*cursor->p == '\r' && cursor->p + 1 == cursor->end))
          {
            if (*cursor->p == '"' || quoted)
              {
                g_set_error (error, QA_CSV_ERROR, QA_CSV_ERROR_SYNTAX,
                             quoted ? _("%s:%u: text follows the closing quote of a field")
                                    : _("%s:%u: a quote inside a field that does not start with one"),
                             table->name, cursor->line);
                return FALSE;
              }
            cursor->p++;
          }
        g_string_append_len (field, start, cursor->p - start);
      }

      g_ptr_array_add (fields, g_strdup (field->str));

      if (cursor->p >= cursor->end)
        return TRUE;
      if (*cursor->p == ',')
        {
          cursor->p++;
          continue;
        }
      if (*cursor->p == '\r')
        cursor->p++;
      if (cursor->p < cursor->end && *cursor->p == '\n')
        cursor->p++;
      cursor->line++;
      return TRUE;
    }
}

static gboolean
record_is_blank (GPtrArray *fields)
{
  return fields->len == 1 && *(const char *)g_ptr_array_index (fields, 0) == '\0';
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

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  table = g_new0 (QaCsvTable, 1);
  table->name = g_strdup (name);
  table->header = g_ptr_array_new_with_free_func (g_free);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  table->lines = g_array_new (FALSE, FALSE, sizeof (guint));

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

  cursor.p = data;
  cursor.end = data + size;
  cursor.line = 1;

  if (!read_record (table, &cursor, table->header, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, QA_CSV_ERROR, QA_CSV_ERROR_EMPTY,
                     _("%s: the file is empty; it needs a header row naming its columns"), name);
      return NULL;
    }

  for (;;)
    {
      g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
      guint line = cursor.line;
      g_autoptr(GError) local_error = NULL;

      if (!read_record (table, &cursor, fields, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          break;
        }

      if (record_is_blank (fields))
        continue;

      if (fields->len != table->header->len)
        {
          g_set_error (error, QA_CSV_ERROR, QA_CSV_ERROR_SYNTAX,
                       _("%s:%u: the row has %u fields but the header has %u"),
                       name, line, fields->len, table->header->len);
          return NULL;
        }

      g_ptr_array_add (table->rows, g_steal_pointer (&fields));
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
  g_ptr_array_unref (table->header);
  g_ptr_array_unref (table->rows);
  g_array_unref (table->lines);
  g_clear_pointer (&table->by_address, g_hash_table_unref);
  g_free (table);
}

static int
find_column (QaCsvTable *table,
             const char *column)
{
  gpointer known;

  /* Asked for every cell of a bulk import, mostly with the same literals: remembered by the
   * name's address, and checked. */
  if (table->by_address == NULL)
    table->by_address = g_hash_table_new (g_direct_hash, g_direct_equal);
  known = g_hash_table_lookup (table->by_address, column);
  if (known != NULL && g_strcmp0 (g_ptr_array_index (table->header, GPOINTER_TO_INT (known) - 1), column) == 0)
    return GPOINTER_TO_INT (known) - 1;

  for (guint i = 0; i < table->header->len; i++)
    if (g_strcmp0 (g_ptr_array_index (table->header, i), column) == 0)
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
      else if (find_column (table, header) != (int)i)
        g_string_append_printf (problems, _("%s:1: column “%s” is named twice\n"),
                                table->name, header);
    }

  for (guint c = 0; c < n_columns; c++)
    if (columns[c].required && find_column (table, columns[c].name) < 0)
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
  return table->rows->len;
}

guint
qa_csv_table_get_line (QaCsvTable *table,
                       guint       row)
{
  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (row < table->rows->len, 0);
  return g_array_index (table->lines, guint, row);
}

const char *
qa_csv_table_get (QaCsvTable *table,
                  guint       row,
                  const char *column)
{
  GPtrArray *fields;
  char *field;
  int index;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (row < table->rows->len, NULL);

  index = find_column (table, column);
  if (index < 0)
    return NULL;

  fields = g_ptr_array_index (table->rows, row);
  field = g_ptr_array_index (fields, index);
  return g_strstrip (field);
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
    default:
      /* The full-width forms a spreadsheet with an IME folds to the same signs. */
      return g_str_has_prefix (field, "\xef\xbc\x9d") ||   /* ＝ */
             g_str_has_prefix (field, "\xef\xbc\x8b") ||   /* ＋ */
             g_str_has_prefix (field, "\xef\xbc\x8d") ||   /* － */
             g_str_has_prefix (field, "\xef\xbc\xa0");     /* ＠ */
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
