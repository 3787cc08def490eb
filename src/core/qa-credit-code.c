/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "qa-credit-code"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "qa-credit-code.h"

/* GB 32100-2015: the 31 characters of a unified social credit code (no I, O, S, V, Z), whose
 * position is the character's value, and the weights of the first 17 positions. */
static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
static const guint weights[17] = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

G_DEFINE_QUARK (qa-credit-code-error-quark, qa_credit_code_error)

static int
char_value (char c)
{
  /* The value of each ASCII character (+ 1; 0 for none), from the alphabet, made once. */
  static gint8 values[128];
  static gsize made = 0;

  if (g_once_init_enter (&made))
    {
      for (guint i = 0; alphabet[i] != '\0'; i++)
        values[(guchar)alphabet[i]] = (gint8)(i + 1);
      g_once_init_leave (&made, 1);
    }
  return (guchar)c < G_N_ELEMENTS (values) ? values[(guchar)c] - 1 : -1;
}

char
qa_credit_code_check_char (const char *first17)
{
  guint sum = 0;
  guint check;

  g_return_val_if_fail (first17 != NULL, '\0');

  for (guint i = 0; i < G_N_ELEMENTS (weights); i++)
    {
      int value = char_value (first17[i]);

      if (value < 0)
        return '\0';
      sum += (guint)value * weights[i];
    }

  check = 31 - sum % 31;
  return alphabet[check == 31 ? 0 : check];
}

gboolean
qa_credit_code_validate (const char  *code,
                         GError     **error)
{
  glong length;
  char expected;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (code == NULL || !g_utf8_validate (code, -1, NULL))
    {
      g_set_error_literal (error, QA_CREDIT_CODE_ERROR, QA_CREDIT_CODE_ERROR_CHARACTER,
                           _("The unified social credit code is not valid text"));
      return FALSE;
    }

  length = g_utf8_strlen (code, -1);
  if (length != QA_CREDIT_CODE_LENGTH || strlen (code) != QA_CREDIT_CODE_LENGTH)
    {
      g_set_error (error, QA_CREDIT_CODE_ERROR, QA_CREDIT_CODE_ERROR_LENGTH,
                   _("A unified social credit code has 18 characters; “%s” has %ld"),
                   code, length);
      return FALSE;
    }

  for (guint i = 0; i < QA_CREDIT_CODE_LENGTH; i++)
    {
      if (char_value (code[i]) < 0)
        {
          g_set_error (error, QA_CREDIT_CODE_ERROR, QA_CREDIT_CODE_ERROR_CHARACTER,
                       _("Character %u of the unified social credit code “%s” is “%c”, which such codes never use (only digits and capital letters other than I, O, S, V and Z)"),
                       i + 1, code, code[i]);
          return FALSE;
        }
    }

  expected = qa_credit_code_check_char (code);
  if (code[QA_CREDIT_CODE_LENGTH - 1] != expected)
    {
      g_set_error (error, QA_CREDIT_CODE_ERROR, QA_CREDIT_CODE_ERROR_CHECK,
                   _("The check character of the unified social credit code “%s” is wrong: it should be “%c”, not “%c” (GB 32100-2015)"),
                   code, expected, code[QA_CREDIT_CODE_LENGTH - 1]);
      return FALSE;
    }

  return TRUE;
}
