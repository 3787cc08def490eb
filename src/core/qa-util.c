/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "qa-util"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <time.h>
#include <nettle/hmac.h>

#include "qa-util-private.h"

gboolean
_qa_date_parse (const char *str,
                GDate      *date)
{
  guint year, month, day;

  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);
  if (str == NULL || strlen (str) != 10 || str[4] != '-' || str[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (str[i]))
      return FALSE;

  year = (guint)g_ascii_strtoull (str, NULL, 10);
  month = (guint)g_ascii_strtoull (str + 5, NULL, 10);
  day = (guint)g_ascii_strtoull (str + 8, NULL, 10);

  if (year < 1 || !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

static char *
hex_digest (const guint8 *digest,
            gsize         length)
{
  static const char digits[] = "0123456789abcdef";
  char *hex = g_malloc (2 * length + 1);

  for (gsize i = 0; i < length; i++)
    {
      hex[2 * i] = digits[digest[i] >> 4];
      hex[2 * i + 1] = digits[digest[i] & 0xf];
    }
  hex[2 * length] = '\0';
  return hex;
}

char *
_qa_sha256_finish_hex (struct sha256_ctx *ctx)
{
  guint8 digest[SHA256_DIGEST_SIZE];

  sha256_digest (ctx, sizeof digest, digest);
  return hex_digest (digest, sizeof digest);
}

char *
_qa_sha256_hex (gconstpointer data,
                gsize         length)
{
  struct sha256_ctx ctx;

  sha256_init (&ctx);
  sha256_update (&ctx, length, data);
  return _qa_sha256_finish_hex (&ctx);
}

struct _QaHmac
{
  struct hmac_sha256_ctx ctx;
};

QaHmac *
_qa_hmac_sha256_new (const char *key)
{
  QaHmac *hmac = g_new (QaHmac, 1);

  hmac_sha256_set_key (&hmac->ctx, strlen (key), (const guint8 *)key);
  return hmac;
}

void
_qa_hmac_sha256_update (QaHmac        *hmac,
                        gconstpointer  data,
                        gsize          length)
{
  hmac_sha256_update (&hmac->ctx, length, data);
}

char *
_qa_hmac_sha256_finish_hex (QaHmac *hmac)
{
  guint8 digest[SHA256_DIGEST_SIZE];

  hmac_sha256_digest (&hmac->ctx, sizeof digest, digest);
  explicit_bzero (hmac, sizeof *hmac);
  g_free (hmac);
  return hex_digest (digest, sizeof digest);
}

char *
_qa_hmac_sha256_hex (const char    *key,
                     gconstpointer  data,
                     gsize          length)
{
  QaHmac *hmac = _qa_hmac_sha256_new (key);

  _qa_hmac_sha256_update (hmac, data, length);
  return _qa_hmac_sha256_finish_hex (hmac);
}

char *
_qa_now_iso (void)
{
  /* Asked for every row a bulk import writes: no GDateTime, no format parser. */
  time_t now = time (NULL);
  struct tm utc;

  if (gmtime_r (&now, &utc) == NULL)
    return g_strdup ("1970-01-01T00:00:00Z");
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ", utc.tm_year + 1900, utc.tm_mon + 1,
                          utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec);
}

void
_qa_canonical_append (GString    *out,
                      const char *value)
{
  char digits[24];
  gsize length, i = sizeof digits;

  if (value == NULL)
    {
      g_string_append_len (out, "-;", 2);
      return;
    }

  length = strlen (value);
  do
    digits[--i] = (char)('0' + length % 10);
  while ((length /= 10) > 0 && i > 0);
  g_string_append_len (out, digits + i, (gssize)(sizeof digits - i));
  g_string_append_c (out, ':');
  g_string_append_len (out, value, (gssize)strlen (value));
  g_string_append_c (out, ';');
}

static void
set_too_large (GError     **error,
               GFile       *file,
               gsize        limit,
               GQuark       domain,
               int          code)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *size = g_format_size_full (limit, G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, domain, code, _("%s: the file is larger than %s and is not read"), name, size);
}

GBytes *
_qa_read_bounded (GFile   *file,
                  gsize    limit,
                  GQuark   domain,
                  int      too_large_code,
                  GError **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) buffer = NULL;
  g_autofree guint8 *chunk = NULL;
  const gsize chunk_size = 256 * 1024;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The size first: a large regular file is refused without reading a byte of it. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR &&
      (guint64)g_file_info_get_size (info) > limit)
    {
      set_too_large (error, file, limit, domain, too_large_code);
      return NULL;
    }

  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return NULL;

  buffer = g_byte_array_new ();
  chunk = g_malloc (chunk_size);
  for (;;)
    {
      gssize n_read = g_input_stream_read (G_INPUT_STREAM (stream), chunk, chunk_size, NULL, error);

      if (n_read < 0)
        {
          g_autofree char *name = g_file_get_parse_name (file);

          g_prefix_error (error, "%s: ", name);
          return NULL;
        }
      if (n_read == 0)
        break;
      /* A stream that never ends stops here. */
      if ((gsize)n_read > limit - buffer->len)
        {
          set_too_large (error, file, limit, domain, too_large_code);
          return NULL;
        }
      g_byte_array_append (buffer, chunk, (guint)n_read);
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

char *
_qa_format_letter_date (const char *iso)
{
  g_autoptr(GDateTime) when = NULL;
  GDate date;

  if (iso == NULL || !_qa_date_parse (iso, &date))
    when = g_date_time_new_now_local ();
  else
    when = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                  g_date_get_day (&date), 0, 0, 0);

  /* Translators: the date of an official letter; in Chinese “%Y年%-m月%-d日”. */
  return g_date_time_format (when, _("%-d %B %Y"));
}
