/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "qa-text"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "qa-text.h"
#include "qa-xml-private.h"

G_DEFINE_QUARK (qa-text-error-quark, qa_text_error)

/* What the schema says if it cannot be read (it is compiled into the program, so never). */
#define FALLBACK_COMMENT_MAX_LENGTH 20000

static guint
read_comment_max_length (void)
{
  g_autoptr(GBytes) bytes = _qa_core_resource ("schemas/scoresheet.xsd", NULL);
  g_autoptr(xmlDoc) doc = NULL;
  xmlXPathContext *context;
  xmlXPathObject *result;
  guint length = 0;

  if (bytes != NULL)
    doc = _qa_xml_parse_untrusted (bytes, "scoresheet.xsd", QA_TEXT_ERROR, 0, NULL);
  if (doc == NULL)
    return FALLBACK_COMMENT_MAX_LENGTH;

  context = xmlXPathNewContext (doc);
  xmlXPathRegisterNs (context, BAD_CAST "xs", BAD_CAST "http://www.w3.org/2001/XMLSchema");
  result = xmlXPathEvalExpression (BAD_CAST "string(//xs:simpleType[@name='Comment']"
                                            "/xs:restriction/xs:maxLength/@value)", context);
  if (result != NULL && result->type == XPATH_STRING && result->stringval != NULL)
    length = (guint)g_ascii_strtoull ((const char *)result->stringval, NULL, 10);
  xmlXPathFreeObject (result);
  xmlXPathFreeContext (context);

  return length > 0 ? length : FALLBACK_COMMENT_MAX_LENGTH;
}

guint
qa_text_comment_max_length (void)
{
  static gsize length = 0;

  if (g_once_init_enter (&length))
    g_once_init_leave (&length, read_comment_max_length ());
  return (guint)length;
}

gboolean
qa_text_validate (const char  *text,
                  QaTextKind   kind,
                  guint        max_length,
                  GError     **error)
{
  const char *end = NULL;
  guint n = 0;

  if (text == NULL)
    return TRUE;

  if (!g_utf8_validate (text, -1, &end))
    {
      g_set_error (error, QA_TEXT_ERROR, QA_TEXT_ERROR_ENCODING,
                   _("is not valid UTF-8 text (byte %u)"), (guint)(end - text) + 1);
      return FALSE;
    }

  for (const guchar *p = (const guchar *)text; *p != '\0';)
    {
      gunichar c;

      /* Decoded in place: the text is valid UTF-8, checked above. */
      if (p[0] < 0x80)
        c = *p++;
      else if (p[0] < 0xE0)
        {
          c = ((gunichar)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
          p += 2;
        }
      else if (p[0] < 0xF0)
        {
          c = ((gunichar)(p[0] & 0x0F) << 12) | ((gunichar)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
          p += 3;
        }
      else
        {
          c = ((gunichar)(p[0] & 0x07) << 18) | ((gunichar)(p[1] & 0x3F) << 12) |
              ((gunichar)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
          p += 4;
        }

      n++;
      /* Printable ASCII, and everything past the C1 controls but the two non-characters: the
       * control characters (Cc) are U+0000 to U+001F and U+007F to U+009F, a set Unicode
       * promises never to change. Most of what is validated, without a table look-up. */
      if ((max_length == 0 || n <= max_length) &&
          ((c >= 0x20 && c < 0x7f) || (c >= 0xA0 && c != 0xFFFE && c != 0xFFFF)))
        continue;
      if (kind == QA_TEXT_MULTILINE && (c == '\n' || c == '\t'))
        continue;
      if (c == '\n' || c == '\r')
        {
          g_set_error (error, QA_TEXT_ERROR, QA_TEXT_ERROR_CONTROL,
                       kind == QA_TEXT_LINE ? _("must be one line (a line break at character %u)")
                                            : _("contains a carriage return at character %u; use line feeds only"),
                       n);
          return FALSE;
        }
      if (g_unichar_iscntrl (c) || c == 0xFFFE || c == 0xFFFF)
        {
          g_set_error (error, QA_TEXT_ERROR, QA_TEXT_ERROR_CONTROL,
                       _("contains the control character U+%04X at character %u"), c, n);
          return FALSE;
        }
      if (max_length > 0 && n > max_length)
        {
          g_set_error (error, QA_TEXT_ERROR, QA_TEXT_ERROR_LENGTH,
                       _("is longer than %u characters"), max_length);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
qa_text_validate_name (const char  *name,
                       GError     **error)
{
  gboolean blank = TRUE;

  if (!qa_text_validate (name, QA_TEXT_LINE, QA_TEXT_NAME_MAX_LENGTH, error))
    return FALSE;

  for (const char *p = name != NULL ? name : ""; *p != '\0' && blank; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      blank = g_unichar_isspace (c) || g_unichar_type (c) == G_UNICODE_FORMAT;
    }
  if (blank)
    {
      g_set_error_literal (error, QA_TEXT_ERROR, QA_TEXT_ERROR_CONTROL, _("is blank"));
      return FALSE;
    }
  return TRUE;
}
