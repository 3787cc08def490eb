/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qa-certificate"

#include "config.h"

#include <string.h>

#include "qa-certificate.h"

#define MOD 36

static const char alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

static int
value_of (char c)
{
  const char *p = c != '\0' ? strchr (alphabet, c) : NULL;

  return p != NULL ? (int)(p - alphabet) : -1;
}

/* ISO/IEC 7064, hybrid system MOD 37,36: P starts at M; for each character S = (P + a) mod M,
 * with 0 taken as M, and P = 2S mod (M + 1). The check character makes (P + c) mod M = 1. */
char
qa_certificate_check_char (const char *payload)
{
  int p = MOD;
  gboolean any = FALSE;

  g_return_val_if_fail (payload != NULL, 0);

  for (const char *c = payload; *c != '\0'; c++)
    {
      int a, s;

      if (*c == '-')
        continue;
      a = value_of (*c);
      if (a < 0)
        return 0;
      s = (p + a) % MOD;
      if (s == 0)
        s = MOD;
      p = (2 * s) % (MOD + 1);
      any = TRUE;
    }
  if (!any)
    return 0;
  return alphabet[(MOD + 1 - p) % MOD];
}

char *
qa_certificate_number_new (const char *profile_id,
                           guint       year,
                           char        tier,
                           guint       sequence)
{
  g_autoptr(GString) number = g_string_new (NULL);
  char check;

  g_return_val_if_fail (profile_id != NULL, NULL);
  g_return_val_if_fail (sequence >= 1 && sequence <= 99, NULL);
  g_return_val_if_fail (year >= 1000 && year <= 9999, NULL);

  for (const char *c = profile_id; *c != '\0'; c++)
    if (g_ascii_isalnum (*c))
      g_string_append_c (number, g_ascii_toupper (*c));
  g_string_append_printf (number, "-%u-%c%02u", year, tier, sequence);
  check = qa_certificate_check_char (number->str);
  g_return_val_if_fail (check != 0, NULL);
  g_string_append_printf (number, "-%c", check);
  return g_string_free (g_steal_pointer (&number), FALSE);
}

/* PROFILE-YEAR-TNN-C exactly, so that moving a hyphen is caught as well as changing a
 * character. */
static gboolean
is_well_formed (const char *number)
{
  g_auto(GStrv) groups = g_strsplit (number, "-", -1);

  if (g_strv_length (groups) != 4 || *groups[0] == '\0')
    return FALSE;
  for (const char *c = groups[0]; *c != '\0'; c++)
    if (value_of (*c) < 0)
      return FALSE;
  if (strlen (groups[1]) != 4 || !g_ascii_isdigit (groups[1][0]) ||
      !g_ascii_isdigit (groups[1][1]) || !g_ascii_isdigit (groups[1][2]) ||
      !g_ascii_isdigit (groups[1][3]))
    return FALSE;
  if (strlen (groups[2]) != 3 || (groups[2][0] != 'A' && groups[2][0] != 'N') ||
      !g_ascii_isdigit (groups[2][1]) || !g_ascii_isdigit (groups[2][2]))
    return FALSE;
  return strlen (groups[3]) == 1 && value_of (groups[3][0]) >= 0;
}

gboolean
qa_certificate_number_is_valid (const char *number)
{
  g_autofree char *payload = NULL;
  gsize len;

  if (number == NULL || !is_well_formed (number))
    return FALSE;
  len = strlen (number);
  payload = g_strndup (number, len - 2);
  return qa_certificate_check_char (payload) == number[len - 1];
}
