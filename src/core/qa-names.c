/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "qa-names"

#include "config.h"

#include <string.h>

#include "qa-names-private.h"

/* Characters that do not make two names different: spaces and separators of every kind,
 * controls, and the invisible format characters (U+200B–U+200D, U+2060, U+FEFF, …). */
static gboolean
is_ignored (gunichar c)
{
  GUnicodeType type;

  if (g_unichar_isspace (c))
    return TRUE;

  type = g_unichar_type (c);
  if (type == G_UNICODE_SPACE_SEPARATOR || type == G_UNICODE_LINE_SEPARATOR ||
      type == G_UNICODE_PARAGRAPH_SEPARATOR || type == G_UNICODE_CONTROL ||
      type == G_UNICODE_FORMAT)
    return TRUE;

  /* Not all of them are Cf in every Unicode version GLib may carry. */
  return c == 0x180E || (c >= 0x200B && c <= 0x200F) || c == 0x2060 || c == 0xFEFF;
}

/* Characters NFKC and case folding leave alone, that combine with nothing and that are never
 * ignored: printable ASCII other than capitals and space, and the CJK unified ideographs (of
 * which organisation names are mostly made). */
static gboolean
is_stable (gunichar c)
{
  return (c > 0x20 && c < 0x7f && !(c >= 'A' && c <= 'Z')) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
}

/* TRUE when @name is made only of stable characters, plain spaces and ASCII capitals: then its
 * key is the name with spaces removed and capitals lowered, computed without Unicode tables.
 * Decoded in place once the name is known to be UTF-8. */
static gboolean
is_simple (const char *name)
{
  if (!g_utf8_validate (name, -1, NULL))
    return FALSE;
  for (const guchar *p = (const guchar *)name; *p != '\0';)
    {
      gunichar c;

      if (p[0] < 0x80)
        {
          /* Printable ASCII is stable but for capitals, which are lowered, and the space. */
          if (p[0] < 0x20 || p[0] == 0x7f)
            return FALSE;
          p++;
          continue;
        }
      if (p[0] < 0xE0 || p[0] >= 0xF0)
        return FALSE;  /* no ideograph is two or four bytes long in the ranges is_stable takes */
      c = ((gunichar)(p[0] & 0x0F) << 12) | ((gunichar)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
      /* A combining mark after a stable character would compose with it. */
      if (!is_stable (c))
        return FALSE;
      p += 3;
    }
  return TRUE;
}

char *
qa_name_key (const char *name)
{
  g_autofree char *valid = NULL;
  g_autofree char *composed = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *normal = NULL;
  GString *key;

  if (name == NULL)
    return NULL;

  /* Most names need no Unicode tables at all. */
  if (is_simple (name))
    {
      char *simple = g_malloc (strlen (name) + 1);
      char *out = simple;

      for (const char *p = name; *p != '\0'; p++)
        if (*p != ' ')
          *out++ = g_ascii_tolower (*p);
      *out = '\0';
      return simple;
    }

  valid = g_utf8_make_valid (name, -1);
  composed = g_utf8_normalize (valid, -1, G_NORMALIZE_NFKC);
  folded = g_utf8_casefold (composed, -1);
  /* Case folding may undo the composition: NFKC_Casefold applies it again. */
  normal = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKC);

  key = g_string_sized_new (strlen (normal));
  for (const char *p = normal; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_ignored (c))
        g_string_append_unichar (key, c);
    }
  return g_string_free (key, FALSE);
}

static void
name_key_sql (sqlite3_context  *context,
              int               argc,
              sqlite3_value   **argv)
{
  const char *name;
  char *key;

  g_assert (argc == 1);

  if (sqlite3_value_type (argv[0]) == SQLITE_NULL)
    {
      sqlite3_result_null (context);
      return;
    }
  name = (const char *)sqlite3_value_text (argv[0]);
  key = qa_name_key (name != NULL ? name : "");
  sqlite3_result_text (context, key, -1, g_free);
}

gboolean
_qa_names_register_sql (sqlite3 *db)
{
  g_return_val_if_fail (db != NULL, FALSE);

  return sqlite3_create_function (db, "qa_name_key", 1,
                                  SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                  NULL, name_key_sql, NULL, NULL) == SQLITE_OK;
}
