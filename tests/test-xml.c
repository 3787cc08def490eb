/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-xml"

#include "config.h"

#include <check.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "qa-xml-private.h"

#define TEST_ERROR (g_quark_from_static_string ("test-xml-error"))

enum {
  TEST_ERROR_PARSE = 1,
  TEST_ERROR_INVALID,
};

/* Everything libxml2 reports must reach the GError, not the terminal: stderr is captured
 * while each hostile document is parsed and must stay empty. */
typedef struct
{
  int   saved_fd;
  char *path;
} StderrCapture;

static void
capture_stderr (StderrCapture *capture)
{
  int fd;

  fd = g_file_open_tmp ("qa-test-xml-stderr-XXXXXX", &capture->path, NULL);
  ck_assert_int_ge (fd, 0);

  fflush (stderr);
  capture->saved_fd = dup (STDERR_FILENO);
  ck_assert_int_ge (capture->saved_fd, 0);
  ck_assert_int_ge (dup2 (fd, STDERR_FILENO), 0);
  close (fd);
}

static char *
release_stderr (StderrCapture *capture)
{
  char *contents = NULL;

  fflush (stderr);
  ck_assert_int_ge (dup2 (capture->saved_fd, STDERR_FILENO), 0);
  close (capture->saved_fd);

  ck_assert (g_file_get_contents (capture->path, &contents, NULL, NULL));
  g_unlink (capture->path);
  g_clear_pointer (&capture->path, g_free);

  return contents;
}

/* Parses @text as untrusted XML named "test.xml", checking that nothing is printed. */
static xmlDoc *
parse_text (const char  *text,
            GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autofree char *printed = NULL;
  StderrCapture capture = { -1, NULL };
  xmlDoc *doc;

  capture_stderr (&capture);
  doc = _qa_xml_parse_untrusted (bytes, "test.xml", TEST_ERROR, TEST_ERROR_PARSE, error);
  printed = release_stderr (&capture);

  ck_assert_msg (printed[0] == '\0', "libxml2 printed: %s", printed);

  return doc;
}

static void
assert_refused (const char *text,
                const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) doc = NULL;

  doc = parse_text (text, &error);

  ck_assert_ptr_null (doc);
  ck_assert_ptr_nonnull (error);
  ck_assert_msg (g_error_matches (error, TEST_ERROR, TEST_ERROR_PARSE),
                 "wrong error: %s", error->message);
  ck_assert_msg (strstr (error->message, expected) != NULL,
                 "“%s” not in: %s", expected, error->message);
}

static char *
fixture_path (const char *name)
{
  const char *source_dir = g_getenv ("QA_SOURCE_DIR");

  ck_assert_msg (source_dir != NULL, "QA_SOURCE_DIR is not set");

  return g_build_filename (source_dir, "tests", "data", name, NULL);
}

static xmlDoc *
parse_fixture (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  xmlDoc *doc;

  bytes = _qa_xml_load_file (file, &error);
  ck_assert_msg (bytes != NULL, "%s", error != NULL ? error->message : "");

  doc = _qa_xml_parse_untrusted (bytes, name, TEST_ERROR, TEST_ERROR_PARSE, &error);
  ck_assert_msg (doc != NULL, "%s", error != NULL ? error->message : "");

  return doc;
}

static char *
nested (guint depth)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append (text, "<e>");
  for (guint i = 0; i < depth; i++)
    g_string_append (text, "</e>");

  return g_string_free (text, FALSE);
}

START_TEST (test_plain_document)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  xmlNode *root;
  xmlNode *child;
  g_autofree char *text = NULL;
  g_autofree char *id = NULL;

  doc = parse_text ("<?xml version=\"1.0\"?>\n"
                    "<r xmlns=\"urn:test\" id=\"x1\">\n"
                    "  <!-- a comment -->\n"
                    "  <child>  a &lt; b &#x7532;  </child>\n"
                    "</r>\n",
                    &error);

  ck_assert_msg (doc != NULL, "%s", error != NULL ? error->message : "");
  root = xmlDocGetRootElement (doc);
  ck_assert (_qa_xml_is_element (root, "r"));
  id = _qa_xml_prop (root, "id");
  ck_assert_str_eq (id, "x1");

  child = _qa_xml_child (root, "child");
  ck_assert_ptr_nonnull (child);
  ck_assert_int_eq (_qa_xml_line (child), 4);
  text = _qa_xml_text (child);
  ck_assert_str_eq (text, "a < b 甲");
  ck_assert_ptr_null (_qa_xml_child (root, "missing"));
}
END_TEST

START_TEST (test_billion_laughs)
{
  gint64 start = g_get_monotonic_time ();

  assert_refused ("<?xml version=\"1.0\"?>\n"
                  "<!DOCTYPE lolz [\n"
                  " <!ENTITY lol \"lol\">\n"
                  " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
                  " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
                  " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
                  " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
                  " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
                  " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
                  " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
                  " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
                  " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
                  "]>\n"
                  "<lolz>&lol9;</lolz>\n",
                  "test.xml:2: a DOCTYPE is not allowed");

  /* Refused at the DOCTYPE, before any entity is declared, let alone expanded. */
  ck_assert_int_lt (g_get_monotonic_time () - start, G_USEC_PER_SEC);
}
END_TEST

START_TEST (test_external_entity)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autofree char *secret_path = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *text = NULL;
  int fd;

  fd = g_file_open_tmp ("qa-test-xml-secret-XXXXXX", &secret_path, NULL);
  ck_assert_int_ge (fd, 0);
  ck_assert_int_eq (write (fd, "QA-SECRET-MARKER", 16), 16);
  close (fd);

  uri = g_filename_to_uri (secret_path, NULL, NULL);
  text = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                          "<!DOCTYPE r [ <!ENTITY secret SYSTEM \"%s\"> ]>\n"
                          "<r>&secret;</r>\n", uri);

  doc = parse_text (text, &error);
  g_unlink (secret_path);

  ck_assert_ptr_null (doc);
  ck_assert (g_error_matches (error, TEST_ERROR, TEST_ERROR_PARSE));
  ck_assert_msg (strstr (error->message, "DOCTYPE") != NULL, "%s", error->message);
  ck_assert_msg (strstr (error->message, "QA-SECRET-MARKER") == NULL, "%s", error->message);
}
END_TEST

START_TEST (test_etc_passwd)
{
  assert_refused ("<?xml version=\"1.0\"?>\n"
                  "<!DOCTYPE r [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>\n"
                  "<r>&xxe;</r>\n",
                  "a DOCTYPE is not allowed");
  assert_refused ("<!DOCTYPE r [ <!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p; ]><r/>",
                  "test.xml:1: a DOCTYPE is not allowed");
  assert_refused ("<!DOCTYPE r SYSTEM \"file:///etc/passwd\"><r/>",
                  "a DOCTYPE is not allowed");
  assert_refused ("<!DOCTYPE r PUBLIC \"-//X//Y\" \"http://example.com/x.dtd\"><r/>",
                  "a DOCTYPE is not allowed");
}
END_TEST

/* XInclude is never processed: the element stays an element, nothing is read. */
START_TEST (test_xinclude_ignored)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autofree char *text = NULL;
  xmlNode *include;

  doc = parse_text ("<r xmlns=\"urn:test\" xmlns:xi=\"http://www.w3.org/2001/XInclude\">"
                    "<xi:include href=\"file:///etc/passwd\" parse=\"text\"/></r>",
                    &error);

  ck_assert_msg (doc != NULL, "%s", error != NULL ? error->message : "");
  include = xmlDocGetRootElement (doc)->children;
  ck_assert_ptr_nonnull (include);
  ck_assert_str_eq ((const char *) include->name, "include");
  ck_assert_ptr_null (include->children);
  text = _qa_xml_text (xmlDocGetRootElement (doc));
  ck_assert_str_eq (text, "");
}
END_TEST

START_TEST (test_undeclared_entity)
{
  assert_refused ("<r>\n&undeclared;</r>", "test.xml:2:");
}
END_TEST

START_TEST (test_not_well_formed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) doc = NULL;

  doc = parse_text ("<r>\n  <a>\n</r>\n", &error);

  ck_assert_ptr_null (doc);
  ck_assert (g_error_matches (error, TEST_ERROR, TEST_ERROR_PARSE));
  ck_assert_msg (g_str_has_prefix (error->message, "test.xml is not well-formed XML:\ntest.xml:3: "),
                 "%s", error->message);
  ck_assert_msg (strstr (error->message, "mismatch") != NULL, "%s", error->message);
}
END_TEST

START_TEST (test_empty)
{
  assert_refused ("", "test.xml: the file is empty");
  assert_refused ("   \n", "test.xml");
}
END_TEST

START_TEST (test_over_size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  gsize size = QA_XML_MAX_SIZE + 1;
  char *data = g_malloc (size);

  memset (data, ' ', size);
  memcpy (data, "<r>", 3);
  memcpy (data + size - 4, "</r>", 4);
  bytes = g_bytes_new_take (data, size);

  doc = _qa_xml_parse_untrusted (bytes, "big.xml", TEST_ERROR, TEST_ERROR_PARSE, &error);

  ck_assert_ptr_null (doc);
  ck_assert (g_error_matches (error, TEST_ERROR, TEST_ERROR_PARSE));
  ck_assert_msg (strstr (error->message, "big.xml: the file is larger than 16 MiB") != NULL,
                 "%s", error->message);
}
END_TEST

/* A file is read only up to the limit plus one byte, so it is refused without being read
 * whole. */
START_TEST (test_over_size_file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autofree char *path = NULL;
  g_autofree char *chunk = g_malloc0 (1024 * 1024);
  int fd;

  fd = g_file_open_tmp ("qa-test-xml-big-XXXXXX", &path, NULL);
  ck_assert_int_ge (fd, 0);
  for (guint i = 0; i < 17; i++)
    ck_assert_int_eq (write (fd, chunk, 1024 * 1024), 1024 * 1024);
  close (fd);

  file = g_file_new_for_path (path);
  bytes = _qa_xml_load_file (file, &error);
  g_unlink (path);

  ck_assert_msg (bytes != NULL, "%s", error != NULL ? error->message : "");
  ck_assert_uint_eq (g_bytes_get_size (bytes), QA_XML_MAX_SIZE + 1);

  doc = _qa_xml_parse_untrusted (bytes, "big.xml", TEST_ERROR, TEST_ERROR_PARSE, &error);
  ck_assert_ptr_null (doc);
  ck_assert (g_error_matches (error, TEST_ERROR, TEST_ERROR_PARSE));
}
END_TEST

START_TEST (test_missing_file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/qa-test.xml");
  g_autoptr(GBytes) bytes = NULL;

  bytes = _qa_xml_load_file (file, &error);

  ck_assert_ptr_null (bytes);
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND));
}
END_TEST

START_TEST (test_depth)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autofree char *deepest = nested (QA_XML_MAX_DEPTH);
  g_autofree char *too_deep = nested (QA_XML_MAX_DEPTH + 1);
  g_autofree char *far_too_deep = nested (300);

  doc = parse_text (deepest, &error);
  ck_assert_msg (doc != NULL, "%s", error != NULL ? error->message : "");

  assert_refused (too_deep, "test.xml:1: elements are nested more than 64 deep");
  /* Ours, before libxml2's own limit of 256 would apply. */
  assert_refused (far_too_deep, "elements are nested more than 64 deep");
}
END_TEST

START_TEST (test_scoresheet_valid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) doc = parse_fixture ("scoresheet-valid.xml");
  gboolean valid;

  valid = _qa_xml_validate (doc, "schemas/scoresheet.xsd", "scoresheet-valid.xml",
                            TEST_ERROR, TEST_ERROR_INVALID, &error);

  ck_assert_msg (valid, "%s", error != NULL ? error->message : "");
  ck_assert_ptr_null (error);
}
END_TEST

START_TEST (test_scoresheet_percent_57)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) doc = parse_fixture ("scoresheet-percent-57.xml");
  g_autofree char *printed = NULL;
  StderrCapture capture = { -1, NULL };
  gboolean valid;

  capture_stderr (&capture);
  valid = _qa_xml_validate (doc, "schemas/scoresheet.xsd", "scoresheet-percent-57.xml",
                            TEST_ERROR, TEST_ERROR_INVALID, &error);
  printed = release_stderr (&capture);

  ck_assert (!valid);
  ck_assert_msg (printed[0] == '\0', "libxml2 printed: %s", printed);
  ck_assert (g_error_matches (error, TEST_ERROR, TEST_ERROR_INVALID));
  /* The line of <item code="4.1.3" percent="57">, the attribute and the value. */
  ck_assert_msg (strstr (error->message, "scoresheet-percent-57.xml:5: ") != NULL,
                 "%s", error->message);
  ck_assert_msg (strstr (error->message, "attribute 'percent'") != NULL, "%s", error->message);
  ck_assert_msg (strstr (error->message, "'57'") != NULL, "%s", error->message);
  /* Namespaces are left out of messages. */
  ck_assert_msg (strstr (error->message, "urn:qareview") == NULL, "%s", error->message);
}
END_TEST

static void
assert_sheet_invalid (const char *text,
                      const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) doc = parse_text (text, &error);

  ck_assert_msg (doc != NULL, "%s", error != NULL ? error->message : "");
  ck_assert (!_qa_xml_validate (doc, "schemas/scoresheet.xsd", "sheet.xml",
                                TEST_ERROR, TEST_ERROR_INVALID, &error));
  ck_assert (g_error_matches (error, TEST_ERROR, TEST_ERROR_INVALID));
  ck_assert_msg (strstr (error->message, expected) != NULL,
                 "“%s” not in: %s", expected, error->message);
}

#define SHEET_OPEN "<scoresheet xmlns=\"urn:qareview:scoresheet:1\" reviewer=\"E03\" stage=\"site\">\n"

START_TEST (test_scoresheet_rules)
{
  /* Items unique by code within an application. */
  assert_sheet_invalid (SHEET_OPEN
                        "<application id=\"A01\">\n"
                        "<item code=\"4.1.2\" percent=\"50\"/>\n"
                        "<item code=\"4.1.2\" percent=\"55\"/>\n"
                        "</application></scoresheet>",
                        "sheet.xml:4: ");
  assert_sheet_invalid (SHEET_OPEN
                        "<application id=\"A01\"><item code=\"4.1.1\" percent=\"50\"/>"
                        "</application></scoresheet>",
                        "'4.1.1'");
  assert_sheet_invalid (SHEET_OPEN
                        "<application id=\"A01\"><item code=\"4.1.2\" percent=\"105\"/>"
                        "</application></scoresheet>",
                        "'105'");
  assert_sheet_invalid (SHEET_OPEN
                        "<application id=\"A01\"><item code=\"4.1.2\" percent=\" 5\"/>"
                        "</application></scoresheet>",
                        "percent");
  assert_sheet_invalid ("<scoresheet xmlns=\"urn:qareview:scoresheet:1\" stage=\"site\"/>",
                        "reviewer");
  assert_sheet_invalid ("<scoresheet xmlns=\"urn:qareview:scoresheet:1\" reviewer=\"E 03\" "
                        "stage=\"site\"/>",
                        "reviewer");
  assert_sheet_invalid ("<scoresheet xmlns=\"urn:qareview:scoresheet:1\" reviewer=\"E03\" "
                        "stage=\"consensus\"/>",
                        "stage");
  assert_sheet_invalid ("<scoresheet xmlns=\"urn:qareview:scoresheet:1\" reviewer=\"E03\" "
                        "stage=\"site\" signature=\"abc\"/>",
                        "signature");
  assert_sheet_invalid ("<scoresheet xmlns=\"urn:qareview:scoresheet:1\" reviewer=\"E03\" "
                        "stage=\"site\" revision=\"0\"/>",
                        "revision");
  assert_sheet_invalid ("<scoresheet xmlns=\"urn:other\" reviewer=\"E03\" stage=\"site\"/>",
                        "sheet.xml:1: ");
  assert_sheet_invalid (SHEET_OPEN
                        "<application id=\"A01\"/><application id=\"A01\"/></scoresheet>",
                        "A01");
}
END_TEST

START_TEST (test_missing_resource)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  bytes = _qa_core_resource ("schemas/none.xsd", &error);
  ck_assert_ptr_null (bytes);
  ck_assert (g_error_matches (error, G_RESOURCE_ERROR, G_RESOURCE_ERROR_NOT_FOUND));

  g_clear_pointer (&bytes, g_bytes_unref);
  g_clear_error (&error);
  bytes = _qa_core_resource ("schemas/scoresheet.xsd", &error);
  ck_assert_ptr_nonnull (bytes);
}
END_TEST

START_TEST (test_language_choice)
{
  const char *zh_cn[] = { "zh_CN.UTF-8", "zh_CN", "zh", "C", NULL };
  const char *en_us[] = { "en_US.UTF-8", "en_US", "en", "C", NULL };
  const char *c_utf8[] = { "C.UTF-8", "C", NULL };
  const char *posix[] = { "POSIX", NULL };
  const char *german[] = { "de_DE", "de", "C", NULL };
  const char *german_then_zh[] = { "de", "zh_CN", "C", NULL };
  const char *english_then_zh[] = { "en_GB", "zh_CN", "C", NULL };
  const char *none[] = { NULL };

  ck_assert (_qa_languages_prefer_chinese (zh_cn));
  ck_assert (!_qa_languages_prefer_chinese (en_us));
  ck_assert (!_qa_languages_prefer_chinese (c_utf8));
  ck_assert (!_qa_languages_prefer_chinese (posix));
  ck_assert (!_qa_languages_prefer_chinese (german));
  ck_assert (_qa_languages_prefer_chinese (german_then_zh));
  ck_assert (!_qa_languages_prefer_chinese (english_then_zh));
  ck_assert (_qa_languages_prefer_chinese (none));

  /* The process-wide choice follows the same rule. */
  ck_assert_int_eq (_qa_prefer_chinese (),
                    _qa_languages_prefer_chinese (g_get_language_names ()));
}
END_TEST

static Suite *
xml_suite (void)
{
  Suite *suite = suite_create ("xml");
  TCase *parsing = tcase_create ("parsing");
  TCase *hostile = tcase_create ("hostile");
  TCase *validation = tcase_create ("validation");
  TCase *helpers = tcase_create ("helpers");

  tcase_add_test (parsing, test_plain_document);
  tcase_add_test (parsing, test_not_well_formed);
  tcase_add_test (parsing, test_empty);
  tcase_add_test (parsing, test_missing_file);
  suite_add_tcase (suite, parsing);

  tcase_set_timeout (hostile, 30);
  tcase_add_test (hostile, test_billion_laughs);
  tcase_add_test (hostile, test_external_entity);
  tcase_add_test (hostile, test_etc_passwd);
  tcase_add_test (hostile, test_xinclude_ignored);
  tcase_add_test (hostile, test_undeclared_entity);
  tcase_add_test (hostile, test_over_size);
  tcase_add_test (hostile, test_over_size_file);
  tcase_add_test (hostile, test_depth);
  suite_add_tcase (suite, hostile);

  tcase_add_test (validation, test_scoresheet_valid);
  tcase_add_test (validation, test_scoresheet_percent_57);
  tcase_add_test (validation, test_scoresheet_rules);
  suite_add_tcase (suite, validation);

  tcase_add_test (helpers, test_missing_resource);
  tcase_add_test (helpers, test_language_choice);
  suite_add_tcase (suite, helpers);

  return suite;
}

int
main (void)
{
  SRunner *runner = srunner_create (xml_suite ());
  int failures;

  srunner_run_all (runner, CK_ENV);
  failures = srunner_ntests_failed (runner);
  srunner_free (runner);

  return failures ? 1 : 0;
}
