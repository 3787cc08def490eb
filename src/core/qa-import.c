/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "qa-import"

#include "config.h"

#include <glib/gi18n.h>

#include "qa-audit.h"
#include "qa-import-private.h"

gboolean
_qa_import_init (QaImport           *import,
                 GBytes             *bytes,
                 const char         *name,
                 const QaCsvColumn  *columns,
                 guint               n_columns,
                 GError            **error)
{
  g_assert (import != NULL);

  import->problems = g_string_new (NULL);
  import->table = qa_csv_table_parse (bytes, name, error);
  return import->table != NULL &&
         qa_csv_table_check_columns (import->table, columns, n_columns, error);
}

void
_qa_import_clear (QaImport *import)
{
  g_clear_pointer (&import->table, qa_csv_table_free);
  if (import->problems != NULL)
    g_string_free (g_steal_pointer (&import->problems), TRUE);
}

void
_qa_import_problem (QaImport   *import,
                    guint       row,
                    const char *column,
                    const char *format,
                    ...)
{
  va_list args;

  if (import->problems->len > 0)
    g_string_append_c (import->problems, '\n');
  g_string_append_printf (import->problems, "%s:%u: %s: ", qa_csv_table_get_name (import->table),
                          qa_csv_table_get_line (import->table, row), column);
  va_start (args, format);
  g_string_append_vprintf (import->problems, format, args);
  va_end (args);
}

const char *
_qa_import_text (QaImport       *import,
                 guint           row,
                 const char     *column,
                 QaDossierField  kind)
{
  const char *value = qa_csv_table_get (import->table, row, column);
  g_autoptr(GError) error = NULL;

  if (!qa_dossier_validate_text (kind, value, NULL, &error))
    {
      _qa_import_problem (import, row, column, "%s", error->message);
      return NULL;
    }
  return value != NULL && *value != '\0' ? value : NULL;
}

static gboolean
boolean_word (const char *text,
              gboolean   *value)
{
  static const char * const yes[] = { "yes", "true", "1", "是" };
  static const char * const no[] = { "no", "false", "0", "否" };

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    {
      if (g_ascii_strcasecmp (text, yes[i]) == 0 || g_ascii_strcasecmp (text, no[i]) == 0)
        {
          *value = g_ascii_strcasecmp (text, yes[i]) == 0;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
_qa_import_boolean (QaImport   *import,
                    guint       row,
                    const char *column,
                    gboolean   *value)
{
  const char *text = qa_csv_table_get (import->table, row, column);

  if (text != NULL && boolean_word (text, value))
    return TRUE;

  _qa_import_problem (import, row, column, _("“%s” is not yes/no, true/false, 1/0 or 是/否"),
                      text != NULL ? text : "");
  return FALSE;
}

gboolean
_qa_import_count (QaImport   *import,
                  guint       row,
                  const char *column,
                  guint       max,
                  guint      *value)
{
  const char *text = qa_csv_table_get (import->table, row, column);
  guint64 number = 0;
  gboolean yes = FALSE;

  if (text != NULL && g_ascii_string_to_unsigned (text, 10, 0, max, &number, NULL))
    {
      *value = (guint)number;
      return TRUE;
    }
  if (text != NULL && !g_ascii_isdigit (*text) && boolean_word (text, &yes))
    {
      *value = yes ? 1 : 0;
      return TRUE;
    }

  _qa_import_problem (import, row, column, _("“%s” is not a count from 0 to %u (yes/no are accepted too)"),
                      text != NULL ? text : "", max);
  return FALSE;
}

gboolean
_qa_import_check (QaImport  *import,
                  GQuark     domain,
                  int        code,
                  GError   **error)
{
  if (import->problems->len == 0)
    return TRUE;

  g_set_error_literal (error, domain, code, import->problems->str);
  return FALSE;
}

gboolean
_qa_import_refuse (QaDatabase  *db,
                   const char  *action,
                   const char  *name,
                   GError     **error)
{
  g_autoptr(GError) audit_error = NULL;

  g_assert (error == NULL || *error != NULL);

  if (!qa_audit_record_refusal (db, action, "file", name,
                                error != NULL ? (*error)->message : NULL, &audit_error))
    g_warning ("The refusal of %s could not be noted in the audit trail: %s", name,
               audit_error->message);
  return FALSE;
}
