/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

#define QA_XML_MAX_SIZE (16 * 1024 * 1024)
/* No document is read past this, whatever the caller allows (libxml2 takes an int size). */
#define QA_XML_HARD_MAX_SIZE (1024 * 1024 * 1024)
/* Deepest element nesting accepted (the root element is at depth 1). */
#define QA_XML_MAX_DEPTH 64

/* Parses untrusted XML: no network, no entity substitution, no DTD loading, a DOCTYPE or any
 * entity declaration refused, at most QA_XML_MAX_SIZE bytes. @name names the source in
 * messages. Errors are reported in @domain with @parse_code. */
xmlDoc   *_qa_xml_parse_untrusted (GBytes      *bytes,
                                   const char  *name,
                                   GQuark       domain,
                                   int          parse_code,
                                   GError     **error);
/* The same, refusing documents over @max_size bytes (at most QA_XML_HARD_MAX_SIZE). */
xmlDoc   *_qa_xml_parse_untrusted_sized (GBytes     *bytes,
                                         const char *name,
                                         gsize       max_size,
                                         GQuark      domain,
                                         int         parse_code,
                                         GError    **error);
/* Validates @doc against the XSD embedded at @xsd_resource (a path in the core resources, e.g.
 * "schemas/criteria.xsd"); the message names the line and what is wrong. */
gboolean  _qa_xml_validate        (xmlDoc      *doc,
                                   const char  *xsd_resource,
                                   const char  *name,
                                   GQuark       domain,
                                   int          invalid_code,
                                   GError     **error);
/* A document read in one pass (_qa_xml_stream_validated()): its elements as they open and
 * close, and their text, in order. @uri is the element's namespace (or NULL); @attributes
 * are those in no namespace, their values decoded as xmlGetNoNsProp() gives them, valid only
 * for the call. */
#define QA_XML_STREAM_MAX_ATTRIBUTES 16
typedef struct
{
  const char *name;
  char       *value;
} QaXmlAttribute;
typedef struct
{
  void (*start_element) (gpointer              user_data,
                         const char           *uri,
                         const char           *localname,
                         const QaXmlAttribute *attributes,
                         guint                 n_attributes);
  void (*end_element)   (gpointer              user_data,
                         const char           *localname);
  void (*text)          (gpointer              user_data,
                         const char           *text,
                         gsize                 length);
} QaXmlStreamHandler;
/* Parses untrusted XML as _qa_xml_parse_untrusted_sized() does (same refusals, same messages)
 * and validates it against @xsd_resource as _qa_xml_validate() does, in one pass without
 * building a tree: @handler sees the document as it is read. Whatever it built must be thrown
 * away unless this returns TRUE. A document that is not well-formed is refused with
 * @parse_code, one that is not valid with @invalid_code. */
gboolean  _qa_xml_stream_validated (GBytes                   *bytes,
                                    const char               *name,
                                    gsize                     max_size,
                                    const char               *xsd_resource,
                                    GQuark                    domain,
                                    int                       parse_code,
                                    int                       invalid_code,
                                    const QaXmlStreamHandler *handler,
                                    gpointer                  user_data,
                                    GError                  **error);
/* The embedded resource under /cn/gov/ganzhou/QaReview/core/, e.g. "profiles/ganzhou.xml". */
GBytes   *_qa_core_resource       (const char  *path,
                                   GError     **error);
/* Reads at most QA_XML_MAX_SIZE + 1 bytes of @file, so that an over-size file reaches
 * _qa_xml_parse_untrusted() and is refused there without being read whole. G_IO_ERROR on
 * failure, the message naming the file. */
GBytes   *_qa_xml_load_file       (GFile       *file,
                                   GError     **error);
/* Reads @file for a loader: as _qa_xml_load_file(), but a missing file is @not_found_code in
 * @domain, naming the file. @name is set to the name messages use. */
GBytes   *_qa_xml_load_source     (GFile       *file,
                                   GQuark       domain,
                                   int          not_found_code,
                                   char       **name,
                                   GError     **error);

/* TRUE when texts are shown in Chinese. Decided once from g_get_language_names(): the first
 * entry that is Chinese ("zh…") or English ("en…", "C", "C.…", "POSIX") decides; Chinese if
 * none does. */
gboolean  _qa_prefer_chinese      (void);
/* The rule _qa_prefer_chinese() applies, for a given list of language names. */
gboolean  _qa_languages_prefer_chinese (const char * const *languages);

/* Helpers for reading a document that has passed _qa_xml_validate(). Strings are g_malloc'ed. */
/* TRUE if @node is an element called @name in the namespace of its document's root. */
gboolean  _qa_xml_is_element      (xmlNode     *node,
                                   const char  *name);
/* The first child element of @parent called @name, or NULL. */
xmlNode  *_qa_xml_child           (xmlNode     *parent,
                                   const char  *name);
/* The value of @node's unqualified attribute @name, or NULL. */
char     *_qa_xml_prop            (xmlNode     *node,
                                   const char  *name);
/* The text content of @node, white space at either end removed. */
char     *_qa_xml_text            (xmlNode     *node);
/* The line of @node in its source. */
int       _qa_xml_line            (xmlNode     *node);
/* Reads the pair of localized children of @parent called @name (xml:lang "zh" and "en"). When
 * @required is FALSE, having neither is fine (*zh and *en are NULL). @field names them in
 * messages, e.g. "category/name". */
gboolean  _qa_xml_localized       (xmlNode     *parent,
                                   const char  *name,
                                   gboolean     required,
                                   const char  *source_name,
                                   const char  *field,
                                   GQuark       domain,
                                   int          invalid_code,
                                   char       **zh,
                                   char       **en,
                                   GError     **error);
/* The attribute @attr of @node as an unsigned integer no larger than @max. @field names it in
 * messages, e.g. "panel/@min-size". */
gboolean  _qa_xml_prop_uint       (xmlNode     *node,
                                   const char  *attr,
                                   guint        max,
                                   const char  *source_name,
                                   const char  *field,
                                   GQuark       domain,
                                   int          invalid_code,
                                   guint       *value,
                                   GError     **error);
/* The attribute @attr of @node as a finite decimal number. */
gboolean  _qa_xml_prop_double     (xmlNode     *node,
                                   const char  *attr,
                                   const char  *source_name,
                                   const char  *field,
                                   GQuark       domain,
                                   int          invalid_code,
                                   double      *value,
                                   GError     **error);

G_END_DECLS
