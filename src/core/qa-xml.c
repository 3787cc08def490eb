/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qa-xml"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <libxml/SAX2.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>

#include "qa-xml-private.h"

/* A message per error is enough to find the first few problems; the rest is counted. */
#define MAX_MESSAGES 5

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlParserCtxt, xmlFreeParserCtxt)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlSchemaParserCtxt, xmlSchemaFreeParserCtxt)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlSchema, xmlSchemaFree)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlSchemaValidCtxt, xmlSchemaFreeValidCtxt)

/* Collects libxml2's errors instead of letting it print them. */
typedef struct
{
  const char *name;
  GPtrArray  *messages;
  guint       n_more;
  /* Set by our own checks during parsing (DOCTYPE, entities, depth); it is the reason. */
  char       *refusal;
} QaXmlErrors;

typedef struct
{
  xmlStructuredErrorFunc handler;
  void                  *context;
} QaXmlErrorHandler;

static void
qa_xml_errors_init (QaXmlErrors *errors,
                    const char  *name)
{
  errors->name = name;
  errors->messages = g_ptr_array_new_with_free_func (g_free);
  errors->n_more = 0;
  errors->refusal = NULL;
}

static void
qa_xml_errors_clear (QaXmlErrors *errors)
{
  g_clear_pointer (&errors->messages, g_ptr_array_unref);
  g_clear_pointer (&errors->refusal, g_free);
}

static void
qa_xml_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      LIBXML_TEST_VERSION;
      xmlInitParser ();
      g_once_init_leave (&initialized, 1);
    }
}

/* libxml2 names elements as "{urn:…}name"; the namespace only makes messages longer. */
static char *
tidy_message (const char *message)
{
  static GRegex *namespace_regex = NULL;
  static gsize initialized = 0;
  g_autofree char *tidy = NULL;

  if (g_once_init_enter (&initialized))
    {
      /* Not G_REGEX_OPTIMIZE: its JIT code only makes memcheck runs unreadable, for no gain here. */
      namespace_regex = g_regex_new ("\\{[A-Za-z][A-Za-z0-9+.-]*:[^{}\\s]*\\}",
                                     G_REGEX_DEFAULT, 0, NULL);
      g_once_init_leave (&initialized, 1);
    }

  tidy = g_regex_replace_literal (namespace_regex, message != NULL ? message : "", -1, 0,
                                  "", 0, NULL);
  if (tidy == NULL)
    tidy = g_strdup (message != NULL ? message : "");

  /* One line per error: some messages continue on a second line (e.g. the bad bytes). */
  g_strdelimit (tidy, "\r\n", ' ');

  return g_strdup (g_strstrip (tidy));
}

static void
collect_error_cb (void        *user_data,
                  xmlErrorPtr  error)
{
  QaXmlErrors *errors = user_data;
  g_autofree char *message = NULL;

  /* Warnings do not make a document unusable; the parser's stop is our own refusal. */
  if (error == NULL || error->level < XML_ERR_ERROR || error->code == XML_ERR_USER_STOP)
    return;

  message = tidy_message (error->message);

  /* libxml2's schema validator follows an invalid value with an identity-constraint error
   * that calls itself a warning and says nothing new. */
  if (errors->messages->len > 0 && strstr (message, "Warning: No precomputed value") != NULL)
    return;

  if (errors->messages->len >= MAX_MESSAGES)
    {
      errors->n_more++;
      return;
    }
  g_ptr_array_add (errors->messages,
                   g_strdup_printf ("%s:%d: %s", errors->name, error->line, message));
}

/* Errors that libxml2 raises outside a parser or schema context (e.g. encoding errors) go to
 * the thread's structured handler; point it at @errors for the duration of one call. */
static QaXmlErrorHandler
push_error_handler (QaXmlErrors *errors)
{
  QaXmlErrorHandler saved = { xmlStructuredError, xmlStructuredErrorContext };

  xmlSetStructuredErrorFunc (errors, collect_error_cb);

  return saved;
}

static void
pop_error_handler (QaXmlErrorHandler saved)
{
  xmlSetStructuredErrorFunc (saved.context, saved.handler);
  xmlResetLastError ();
}

static char *
join_messages (QaXmlErrors *errors)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < errors->messages->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, g_ptr_array_index (errors->messages, i));
    }

  if (errors->n_more > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text,
                              ngettext ("(and %u more error)", "(and %u more errors)",
                                        errors->n_more),
                              errors->n_more);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
refuse (xmlParserCtxt *ctxt,
        char          *reason)
{
  QaXmlErrors *errors = ctxt->_private;

  if (errors->refusal == NULL)
    errors->refusal = reason;
  else
    g_free (reason);

  xmlStopParser (ctxt);
}

/* Called for any DOCTYPE, before its internal subset is read: nothing it declares is ever
 * parsed, so entity expansion and external entities never happen. */
static void
refuse_doctype_cb (void          *ctx,
                   const xmlChar *name,
                   const xmlChar *external_id,
                   const xmlChar *system_id)
{
  xmlParserCtxt *ctxt = ctx;
  QaXmlErrors *errors = ctxt->_private;

  refuse (ctxt, g_strdup_printf (_("%s:%d: a DOCTYPE is not allowed: it could declare entities "
                                   "or load other files; remove it"),
                                 errors->name, xmlSAX2GetLineNumber (ctx)));
}

static void
refuse_entity_cb (void          *ctx,
                  const xmlChar *name,
                  int            type,
                  const xmlChar *public_id,
                  const xmlChar *system_id,
                  xmlChar       *content)
{
  xmlParserCtxt *ctxt = ctx;
  QaXmlErrors *errors = ctxt->_private;

  refuse (ctxt, g_strdup_printf (_("%s:%d: the entity declaration “%s” is not allowed"),
                                 errors->name, xmlSAX2GetLineNumber (ctx),
                                 (const char *) name));
}

/* Refuses (and stops at) an element nested past QA_XML_MAX_DEPTH. */
static gboolean
refuse_too_deep (void *ctx)
{
  xmlParserCtxt *ctxt = ctx;
  QaXmlErrors *errors = ctxt->_private;

  /* nameNr counts the open ancestors of this element. */
  if (ctxt->nameNr < QA_XML_MAX_DEPTH)
    return FALSE;
  refuse (ctxt, g_strdup_printf (_("%s:%d: elements are nested more than %d deep"),
                                 errors->name, xmlSAX2GetLineNumber (ctx), QA_XML_MAX_DEPTH));
  return TRUE;
}

static void
start_element_cb (void           *ctx,
                  const xmlChar  *localname,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             n_namespaces,
                  const xmlChar **namespaces,
                  int             n_attributes,
                  int             n_defaulted,
                  const xmlChar **attributes)
{
  if (refuse_too_deep (ctx))
    return;

  xmlSAX2StartElementNs (ctx, localname, prefix, uri, n_namespaces, namespaces,
                         n_attributes, n_defaulted, attributes);
}

/* Refuses an empty document and one over @max_size (at most QA_XML_HARD_MAX_SIZE) unread. */
static gboolean
check_size (gsize        size,
            const char  *name,
            gsize        max_size,
            GQuark       domain,
            int          parse_code,
            GError     **error)
{
  if (size > MIN (max_size, (gsize)QA_XML_HARD_MAX_SIZE))
    {
      g_set_error (error, domain, parse_code,
                   _("%s: the file is larger than %d MiB and is not read"),
                   name, (int)(MIN (max_size, (gsize)QA_XML_HARD_MAX_SIZE) / (1024 * 1024)));
      return FALSE;
    }
  if (size == 0)
    {
      g_set_error (error, domain, parse_code, _("%s: the file is empty"), name);
      return FALSE;
    }
  return TRUE;
}

xmlDoc *
_qa_xml_parse_untrusted (GBytes      *bytes,
                         const char  *name,
                         GQuark       domain,
                         int          parse_code,
                         GError     **error)
{
  return _qa_xml_parse_untrusted_sized (bytes, name, QA_XML_MAX_SIZE, domain, parse_code, error);
}

xmlDoc *
_qa_xml_parse_untrusted_sized (GBytes      *bytes,
                               const char  *name,
                               gsize        max_size,
                               GQuark       domain,
                               int          parse_code,
                               GError     **error)
{
  g_autoptr(xmlParserCtxt) ctxt = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  QaXmlErrors errors;
  QaXmlErrorHandler saved;
  const char *data;
  gsize size;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (!check_size (size, name, max_size, domain, parse_code, error))
    return NULL;

  qa_xml_init ();

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      g_set_error (error, domain, parse_code, _("%s: out of memory while reading XML"), name);
      return NULL;
    }

  qa_xml_errors_init (&errors, name);
  ctxt->_private = &errors;
  ctxt->sax->internalSubset = refuse_doctype_cb;
  ctxt->sax->externalSubset = refuse_doctype_cb;
  ctxt->sax->entityDecl = refuse_entity_cb;
  ctxt->sax->startElementNs = start_element_cb;

  /* No XML_PARSE_NOENT, XML_PARSE_DTDLOAD, XML_PARSE_DTDATTR, XML_PARSE_XINCLUDE or
   * XML_PARSE_HUGE: entities are never substituted, nothing is loaded, libxml2's own limits
   * stay in force. */
  saved = push_error_handler (&errors);
  doc = xmlCtxtReadMemory (ctxt, data, (int) size, NULL, NULL,
                           XML_PARSE_NONET | XML_PARSE_BIG_LINES);
  pop_error_handler (saved);

  if (errors.refusal != NULL)
    {
      g_set_error_literal (error, domain, parse_code, errors.refusal);
      qa_xml_errors_clear (&errors);
      return NULL;
    }

  if (doc == NULL || errors.messages->len > 0 || !ctxt->wellFormed)
    {
      g_autofree char *details = join_messages (&errors);

      if (errors.messages->len > 0)
        g_set_error (error, domain, parse_code, _("%s is not well-formed XML:\n%s"),
                     name, details);
      else
        g_set_error (error, domain, parse_code, _("%s is not well-formed XML"), name);
      qa_xml_errors_clear (&errors);
      return NULL;
    }
  qa_xml_errors_clear (&errors);

  /* The SAX hooks make these impossible; checked again so that a change there cannot
   * silently let a DTD through. */
  if (doc->intSubset != NULL || doc->extSubset != NULL)
    {
      g_set_error (error, domain, parse_code, _("%s: a DOCTYPE is not allowed"), name);
      return NULL;
    }

  if (xmlDocGetRootElement (doc) == NULL)
    {
      g_set_error (error, domain, parse_code, _("%s: the document has no root element"), name);
      return NULL;
    }

  return g_steal_pointer (&doc);
}

/* The XSD embedded at @xsd_resource, compiled; NULL (with a message naming @name) when the
 * program's own schema is missing or broken. */
static xmlSchema *
load_schema (const char  *xsd_resource,
             const char  *name,
             GQuark       domain,
             int          invalid_code,
             GError     **error)
{
  g_autoptr(GBytes) xsd = NULL;
  g_autoptr(xmlSchemaParserCtxt) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  xmlSchema *schema = NULL;
  QaXmlErrors errors;
  QaXmlErrorHandler saved;
  const char *data;
  gsize size;

  xsd = _qa_core_resource (xsd_resource, &local_error);
  if (xsd == NULL)
    {
      g_critical ("Schema %s is not among the core resources: %s",
                  xsd_resource, local_error->message);
      g_set_error (error, domain, invalid_code,
                   _("%s cannot be checked: the program’s schema %s is missing"),
                   name, xsd_resource);
      return NULL;
    }

  qa_xml_init ();
  data = g_bytes_get_data (xsd, &size);

  qa_xml_errors_init (&errors, xsd_resource);
  saved = push_error_handler (&errors);
  parser = xmlSchemaNewMemParserCtxt (data, (int) size);
  if (parser != NULL)
    {
      xmlSchemaSetParserStructuredErrors (parser, collect_error_cb, &errors);
      schema = xmlSchemaParse (parser);
    }
  pop_error_handler (saved);

  if (schema == NULL)
    {
      g_autofree char *details = join_messages (&errors);

      g_critical ("Schema %s does not compile: %s", xsd_resource, details);
      g_set_error (error, domain, invalid_code,
                   _("%s cannot be checked: the program’s schema %s is broken"),
                   name, xsd_resource);
      qa_xml_errors_clear (&errors);
      return NULL;
    }
  qa_xml_errors_clear (&errors);
  return schema;
}

/* The refusal for a document with @errors against @xsd_resource. */
static void
set_invalid (QaXmlErrors  *errors,
             const char   *name,
             const char   *xsd_resource,
             GQuark        domain,
             int          invalid_code,
             GError     **error)
{
  g_autofree char *details = join_messages (errors);

  if (errors->messages->len > 0)
    g_set_error (error, domain, invalid_code, _("%s is not valid against %s:\n%s"),
                 name, xsd_resource, details);
  else
    g_set_error (error, domain, invalid_code, _("%s is not valid against %s"),
                 name, xsd_resource);
}

gboolean
_qa_xml_validate (xmlDoc      *doc,
                  const char  *xsd_resource,
                  const char  *name,
                  GQuark       domain,
                  int          invalid_code,
                  GError     **error)
{
  g_autoptr(xmlSchema) schema = NULL;
  g_autoptr(xmlSchemaValidCtxt) validator = NULL;
  QaXmlErrors errors;
  QaXmlErrorHandler saved;
  int result;

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (xsd_resource != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  schema = load_schema (xsd_resource, name, domain, invalid_code, error);
  if (schema == NULL)
    return FALSE;

  qa_xml_errors_init (&errors, name);
  saved = push_error_handler (&errors);
  validator = xmlSchemaNewValidCtxt (schema);
  if (validator != NULL)
    {
      xmlSchemaSetValidStructuredErrors (validator, collect_error_cb, &errors);
      result = xmlSchemaValidateDoc (validator, doc);
    }
  else
    result = -1;
  pop_error_handler (saved);

  if (result != 0 || errors.messages->len > 0)
    {
      set_invalid (&errors, name, xsd_resource, domain, invalid_code, error);
      qa_xml_errors_clear (&errors);
      return FALSE;
    }
  qa_xml_errors_clear (&errors);

  return TRUE;
}

GBytes *
_qa_core_resource (const char  *path,
                   GError     **error)
{
  g_autofree char *resource_path = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  resource_path = g_strconcat (RESOURCE_PREFIX "/core/", path, NULL);

  return g_resources_lookup_data (resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
}

GBytes *
_qa_xml_load_file (GFile   *file,
                   GError **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) buffer = NULL;
  g_autofree guint8 *chunk = NULL;
  const gsize limit = (gsize) QA_XML_MAX_SIZE + 1;
  const gsize chunk_size = 64 * 1024;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return NULL;

  buffer = g_byte_array_new ();
  chunk = g_malloc (chunk_size);

  while (buffer->len < limit)
    {
      gssize n_read;

      n_read = g_input_stream_read (G_INPUT_STREAM (stream), chunk,
                                    MIN (chunk_size, limit - buffer->len), NULL, error);
      if (n_read < 0)
        {
          g_autofree char *parse_name = g_file_get_parse_name (file);

          g_prefix_error (error, "%s: ", parse_name);
          return NULL;
        }
      if (n_read == 0)
        break;

      g_byte_array_append (buffer, chunk, (guint) n_read);
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

static gboolean
is_english_locale (const char *language)
{
  return g_str_has_prefix (language, "en") ||
         strcmp (language, "C") == 0 ||
         g_str_has_prefix (language, "C.") ||
         strcmp (language, "POSIX") == 0;
}

gboolean
_qa_languages_prefer_chinese (const char * const *languages)
{
  g_return_val_if_fail (languages != NULL, TRUE);

  for (guint i = 0; languages[i] != NULL; i++)
    {
      if (g_str_has_prefix (languages[i], "zh"))
        return TRUE;
      if (is_english_locale (languages[i]))
        return FALSE;
    }

  /* g_get_language_names() always ends in "C", so only an odd list gets here: the award is
   * Chinese. */
  return TRUE;
}

gboolean
_qa_prefer_chinese (void)
{
  static gsize decided = 0;
  static gboolean chinese = TRUE;

  if (g_once_init_enter (&decided))
    {
      chinese = _qa_languages_prefer_chinese (g_get_language_names ());
      g_once_init_leave (&decided, 1);
    }

  return chinese;
}

gboolean
_qa_xml_is_element (xmlNode    *node,
                    const char *name)
{
  xmlNode *root;

  g_return_val_if_fail (name != NULL, FALSE);

  if (node == NULL || node->type != XML_ELEMENT_NODE)
    return FALSE;
  if (!xmlStrEqual (node->name, (const xmlChar *) name))
    return FALSE;

  root = xmlDocGetRootElement (node->doc);
  if (root == NULL || root->ns == NULL)
    return node->ns == NULL;

  return node->ns != NULL && xmlStrEqual (node->ns->href, root->ns->href);
}

xmlNode *
_qa_xml_child (xmlNode    *parent,
               const char *name)
{
  g_return_val_if_fail (parent != NULL, NULL);

  for (xmlNode *child = parent->children; child != NULL; child = child->next)
    {
      if (_qa_xml_is_element (child, name))
        return child;
    }

  return NULL;
}

char *
_qa_xml_prop (xmlNode    *node,
              const char *name)
{
  xmlChar *value;
  char *copy;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  value = xmlGetNoNsProp (node, (const xmlChar *) name);
  if (value == NULL)
    return NULL;

  copy = g_strdup ((const char *) value);
  xmlFree (value);

  return copy;
}

char *
_qa_xml_text (xmlNode *node)
{
  xmlChar *content;
  char *copy;

  g_return_val_if_fail (node != NULL, NULL);

  content = xmlNodeGetContent (node);
  copy = g_strdup (content != NULL ? (const char *) content : "");
  xmlFree (content);

  return g_strstrip (copy);
}

int
_qa_xml_line (xmlNode *node)
{
  g_return_val_if_fail (node != NULL, 0);

  return (int) xmlGetLineNo (node);
}

static char *
get_lang (xmlNode *node)
{
  xmlChar *value;
  char *copy;

  value = xmlGetNsProp (node, (const xmlChar *) "lang", XML_XML_NAMESPACE);
  if (value == NULL)
    return NULL;

  copy = g_strdup ((const char *) value);
  xmlFree (value);

  return copy;
}

gboolean
_qa_xml_localized (xmlNode     *parent,
                   const char  *name,
                   gboolean     required,
                   const char  *source_name,
                   const char  *field,
                   GQuark       domain,
                   int          invalid_code,
                   char       **zh,
                   char       **en,
                   GError     **error)
{
  g_autofree char *text_zh = NULL;
  g_autofree char *text_en = NULL;

  g_return_val_if_fail (parent != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (zh != NULL && en != NULL, FALSE);

  for (xmlNode *child = parent->children; child != NULL; child = child->next)
    {
      g_autofree char *lang = NULL;
      char **slot;

      if (!_qa_xml_is_element (child, name))
        continue;

      lang = get_lang (child);
      if (g_strcmp0 (lang, "zh") == 0)
        slot = &text_zh;
      else if (g_strcmp0 (lang, "en") == 0)
        slot = &text_en;
      else
        {
          g_set_error (error, domain, invalid_code,
                       _("%s:%d: %s/@xml:lang must be “zh” or “en”, not “%s”"),
                       source_name, _qa_xml_line (child), field, lang != NULL ? lang : "");
          return FALSE;
        }

      if (*slot != NULL)
        {
          g_set_error (error, domain, invalid_code,
                       _("%s:%d: %s: there is more than one text with xml:lang “%s”"),
                       source_name, _qa_xml_line (child), field, lang);
          return FALSE;
        }

      *slot = _qa_xml_text (child);
    }

  if ((required || text_zh != NULL || text_en != NULL) &&
      (text_zh == NULL || text_en == NULL))
    {
      g_set_error (error, domain, invalid_code,
                   _("%s:%d: %s: the text with xml:lang “%s” is missing"),
                   source_name, _qa_xml_line (parent), field, text_zh == NULL ? "zh" : "en");
      return FALSE;
    }

  *zh = g_steal_pointer (&text_zh);
  *en = g_steal_pointer (&text_en);

  return TRUE;
}

gboolean
_qa_xml_prop_uint (xmlNode     *node,
                   const char  *attr,
                   guint        max,
                   const char  *source_name,
                   const char  *field,
                   GQuark       domain,
                   int          invalid_code,
                   guint       *value,
                   GError     **error)
{
  g_autofree char *text = NULL;
  const char *digits;
  guint64 number;

  g_return_val_if_fail (node != NULL, FALSE);
  g_return_val_if_fail (attr != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  text = _qa_xml_prop (node, attr);
  if (text == NULL)
    {
      g_set_error (error, domain, invalid_code, _("%s:%d: %s is missing"),
                   source_name, _qa_xml_line (node), field);
      return FALSE;
    }

  /* The lexical forms XSD integers allow: surrounding white space, a leading "+". */
  digits = g_strstrip (text);
  if (*digits == '+')
    digits++;

  if (!g_ascii_string_to_unsigned (digits, 10, 0, max, &number, NULL))
    {
      g_set_error (error, domain, invalid_code,
                   _("%s:%d: %s: “%s” is not a whole number from 0 to %u"),
                   source_name, _qa_xml_line (node), field, text, max);
      return FALSE;
    }

  *value = (guint) number;

  return TRUE;
}

gboolean
_qa_xml_prop_double (xmlNode     *node,
                     const char  *attr,
                     const char  *source_name,
                     const char  *field,
                     GQuark       domain,
                     int          invalid_code,
                     double      *value,
                     GError     **error)
{
  g_autofree char *text = NULL;
  char *end = NULL;
  double number;

  g_return_val_if_fail (node != NULL, FALSE);
  g_return_val_if_fail (attr != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  text = _qa_xml_prop (node, attr);
  if (text == NULL)
    {
      g_set_error (error, domain, invalid_code, _("%s:%d: %s is missing"),
                   source_name, _qa_xml_line (node), field);
      return FALSE;
    }

  g_strstrip (text);
  number = g_ascii_strtod (text, &end);
  if (*text == '\0' || end == NULL || *end != '\0' || !isfinite (number))
    {
      g_set_error (error, domain, invalid_code, _("%s:%d: %s: “%s” is not a number"),
                   source_name, _qa_xml_line (node), field, text);
      return FALSE;
    }

  *value = number;

  return TRUE;
}

GBytes *
_qa_xml_load_source (GFile   *file,
                     GQuark   domain,
                     int      not_found_code,
                     char   **name,
                     GError **error)
{
  g_autoptr(GError) local_error = NULL;
  GBytes *bytes;

  *name = g_file_get_parse_name (file);
  bytes = _qa_xml_load_file (file, &local_error);
  if (bytes != NULL)
    return bytes;

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error (error, domain, not_found_code, _("%s: no such file"), *name);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

/* Streaming: parsed and validated in one pass, no tree ----------------------------------------- */

/* The parser's _private: its first member is what refuse() and the hooks above take it as. */
typedef struct
{
  QaXmlErrors                  parse;      /* the parser's own errors and our refusals */
  QaXmlErrors                  validity;   /* the schema validator's */
  const QaXmlStreamHandler    *handler;
  gpointer                     user_data;
  xmlParserCtxt               *ctxt;
} QaXmlStream;

/* Errors of the validator are counted apart from the parser's: a document that is not
 * well-formed is refused as that, whatever the validator said before the parser stopped. */
static void
stream_error_cb (void        *user_data,
                 xmlErrorPtr  error)
{
  QaXmlStream *stream = user_data;

  if (error != NULL && error->domain == XML_FROM_SCHEMASV)
    {
      /* Plugged into a parser it did not start, the validator knows no line: it is where the
       * parser stands, at the element (or its end) that the error is about. */
      xmlError located = *error;

      if (located.line == 0 && stream->ctxt != NULL && stream->ctxt->input != NULL)
        located.line = xmlSAX2GetLineNumber (stream->ctxt);
      collect_error_cb (&stream->validity, &located);
    }
  else
    collect_error_cb (&stream->parse, error);
}

/* SAX2 hands over an attribute value with an escaped “&” (&amp; or &#38;) still written as
 * “&#38;” when entities are not substituted; the tree would have decoded it. */
static char *
decode_attribute (const xmlChar *value,
                  const xmlChar *end)
{
  gsize length = (gsize)(end - value);
  char *copy = g_malloc (length + 1);
  char *out = copy;

  for (const xmlChar *p = value; p < end; )
    {
      if (*p == '&' && (gsize)(end - p) >= 5 && memcmp (p, "&#38;", 5) == 0)
        {
          *out++ = '&';
          p += 5;
        }
      else
        *out++ = (char)*p++;
    }
  *out = '\0';
  return copy;
}

static void
stream_start_element_cb (void           *ctx,
                         const xmlChar  *localname,
                         const xmlChar  *prefix,
                         const xmlChar  *uri,
                         int             n_namespaces,
                         const xmlChar **namespaces,
                         int             n_attributes,
                         int             n_defaulted,
                         const xmlChar **attributes)
{
  xmlParserCtxt *ctxt = ctx;
  QaXmlStream *stream = ctxt->_private;
  QaXmlAttribute attrs[QA_XML_STREAM_MAX_ATTRIBUTES] = { { NULL, NULL } };
  guint n = 0;

  if (refuse_too_deep (ctx))
    return;

  /* Attributes in no namespace, as xmlGetNoNsProp() reads them. */
  for (int i = 0; i < n_attributes && n < G_N_ELEMENTS (attrs); i++)
    {
      const xmlChar **a = attributes + 5 * i;

      if (a[2] != NULL)
        continue;
      attrs[n].name = (const char *) a[0];
      attrs[n].value = decode_attribute (a[3], a[4]);
      n++;
    }

  stream->handler->start_element (stream->user_data, (const char *) uri,
                                  (const char *) localname, attrs, n);
  for (guint i = 0; i < n; i++)
    g_free (attrs[i].value);
}

static void
stream_end_element_cb (void          *ctx,
                       const xmlChar *localname,
                       const xmlChar *prefix,
                       const xmlChar *uri)
{
  xmlParserCtxt *ctxt = ctx;
  QaXmlStream *stream = ctxt->_private;

  stream->handler->end_element (stream->user_data, (const char *) localname);
}

static void
stream_characters_cb (void          *ctx,
                      const xmlChar *text,
                      int            length)
{
  xmlParserCtxt *ctxt = ctx;
  QaXmlStream *stream = ctxt->_private;

  stream->handler->text (stream->user_data, (const char *) text, (gsize) length);
}

static void
ignore_error_cb (void        *user_data,
                 xmlErrorPtr  error)
{
}

gboolean
_qa_xml_stream_validated (GBytes                   *bytes,
                          const char               *name,
                          gsize                     max_size,
                          const char               *xsd_resource,
                          GQuark                    domain,
                          int                       parse_code,
                          int                       invalid_code,
                          const QaXmlStreamHandler *handler,
                          gpointer                  user_data,
                          GError                  **error)
{
  g_autoptr(xmlSchema) schema = NULL;
  g_autoptr(xmlSchemaValidCtxt) validator = NULL;
  g_autoptr(xmlParserCtxt) ctxt = NULL;
  xmlSAXHandler *sax;
  xmlSchemaSAXPlugPtr plug;
  QaXmlStream stream;
  QaXmlErrorHandler saved;
  const char *data;
  gsize size;
  int valid;
  gboolean ok = FALSE;

  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (handler != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = g_bytes_get_data (bytes, &size);
  if (!check_size (size, name, max_size, domain, parse_code, error))
    return FALSE;

  schema = load_schema (xsd_resource, name, domain, invalid_code, error);
  if (schema == NULL)
    return FALSE;

  ctxt = xmlCreateMemoryParserCtxt (data, (int) size);
  validator = xmlSchemaNewValidCtxt (schema);
  if (ctxt == NULL || validator == NULL)
    {
      g_set_error (error, domain, parse_code, _("%s: out of memory while reading XML"), name);
      return FALSE;
    }
  /* No XML_PARSE_NOENT, XML_PARSE_DTDLOAD, XML_PARSE_DTDATTR, XML_PARSE_XINCLUDE or
   * XML_PARSE_HUGE: entities are never substituted, nothing is loaded, libxml2's own limits
   * stay in force (as in _qa_xml_parse_untrusted_sized()). */
  xmlCtxtUseOptions (ctxt, XML_PARSE_NONET | XML_PARSE_BIG_LINES);

  /* Only what is read: no tree is built. The DOCTYPE and entity hooks refuse as the tree
   * parser's do. */
  sax = xmlMalloc (sizeof *sax);
  memset (sax, 0, sizeof *sax);
  sax->initialized = XML_SAX2_MAGIC;
  sax->internalSubset = refuse_doctype_cb;
  sax->externalSubset = refuse_doctype_cb;
  sax->entityDecl = refuse_entity_cb;
  sax->startElementNs = stream_start_element_cb;
  sax->endElementNs = stream_end_element_cb;
  sax->characters = stream_characters_cb;
  sax->ignorableWhitespace = stream_characters_cb;
  sax->cdataBlock = stream_characters_cb;
  /* No sax->serror: libxml2 would call it with the parser's userData, which the validator's
   * plug replaces; the thread's structured handler, set below, gets our own context. */
  if (ctxt->sax != (xmlSAXHandlerPtr) &xmlDefaultSAXHandler)
    xmlFree (ctxt->sax);
  ctxt->sax = sax;
  ctxt->userData = ctxt;

  qa_xml_errors_init (&stream.parse, name);
  qa_xml_errors_init (&stream.validity, name);
  stream.handler = handler;
  stream.user_data = user_data;
  stream.ctxt = ctxt;
  ctxt->_private = &stream;
  xmlSchemaSetValidStructuredErrors (validator, stream_error_cb, &stream);

  saved = push_error_handler (&stream.parse);
  xmlSetStructuredErrorFunc (&stream, stream_error_cb);
  plug = xmlSchemaSAXPlug (validator, &ctxt->sax, &ctxt->userData);
  if (plug != NULL)
    {
      xmlParseDocument (ctxt);
      xmlSchemaSAXUnplug (plug);
    }
  pop_error_handler (saved);
  valid = xmlSchemaIsValid (validator);

  if (stream.parse.refusal != NULL)
    g_set_error_literal (error, domain, parse_code, stream.parse.refusal);
  else if (plug == NULL)
    g_set_error (error, domain, parse_code, _("%s: out of memory while reading XML"), name);
  else if (stream.parse.messages->len > 0 || !ctxt->wellFormed)
    {
      g_autofree char *details = join_messages (&stream.parse);

      if (stream.parse.messages->len > 0)
        g_set_error (error, domain, parse_code, _("%s is not well-formed XML:\n%s"), name, details);
      else
        g_set_error (error, domain, parse_code, _("%s is not well-formed XML"), name);
    }
  else if (valid != 1 || stream.validity.messages->len > 0)
    set_invalid (&stream.validity, name, xsd_resource, domain, invalid_code, error);
  else
    ok = TRUE;

  /* A document that ends inside elements leaves the validator holding their state, which
   * xmlSchemaFreeValidCtxt() does not free (libxml2 2.9); validating an empty document with
   * the same context clears it. Its outcome is not asked. */
  if (!ctxt->wellFormed || stream.parse.refusal != NULL)
    {
      g_autoptr(xmlDoc) empty = xmlNewDoc ((const xmlChar *) "1.0");

      xmlDocSetRootElement (empty, xmlNewDocNode (empty, NULL, (const xmlChar *) "x", NULL));
      xmlSchemaSetValidStructuredErrors (validator, ignore_error_cb, NULL);
      saved = push_error_handler (&stream.validity);
      xmlSetStructuredErrorFunc (NULL, ignore_error_cb);
      xmlSchemaValidateDoc (validator, empty);
      pop_error_handler (saved);
    }

  qa_xml_errors_clear (&stream.parse);
  qa_xml_errors_clear (&stream.validity);
  if (ctxt->myDoc != NULL)
    g_clear_pointer (&ctxt->myDoc, xmlFreeDoc);
  return ok;
}
