/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Offline exchange: review packages out, signed score sheets back (spec/scoresheet.md). */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "qa-database-private.h"
#include "qa-xml-private.h"
#include "qa-test.h"

static const char * const panel_members[] = { "E01", "E02", "E03", "E04", "E05", "E06", "E07", NULL };

/* The demo session with its Art. 13 check done and the material panel formed. */
static void
setup (void)
{
  g_autoptr(GError) error = NULL;
  static const char * const judged[] = { "A01", "A02", "A04", "A06", "A07" };

  qa_test_setup_demo ();
  for (guint i = 0; i < G_N_ELEMENTS (judged); i++)
    ck_assert (qa_applicants_judge (session, judged[i], 5, TRUE, NULL, &error));
  ck_assert (qa_applicants_store_eligibility (session, &error));
  ck_assert_msg (qa_panel_form (session, QA_STAGE_MATERIAL, "E01", panel_members, NULL, &error),
                 "%s", error ? error->message : "");
}

static char *
path_in_tmp (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

static QaSession *
export_package (const char *reviewer)
{
  g_autofree char *name = g_strdup_printf ("%s.qapkg", reviewer);
  g_autofree char *path = path_in_tmp (name);
  g_autoptr(GError) error = NULL;
  QaSession *package;

  ck_assert_msg (qa_package_export (session, reviewer, QA_STAGE_MATERIAL, path, QA_OUTPUT_NONE, &error),
                 "%s", error ? error->message : "");
  package = qa_session_open (path, &error);
  ck_assert_msg (package != NULL, "%s", error ? error->message : "");
  ck_assert (qa_session_is_package (package));
  ck_assert_str_eq (qa_session_get_package_reviewer (package), reviewer);
  return package;
}

static void
score (QaSession  *package,
       const char *applicant,
       const char *item,
       int         percent,
       const char *strengths,
       const char *improvements)
{
  g_autoptr(QaScoreSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;

  sheet = qa_score_sheet_new (package, qa_session_get_package_reviewer (package), applicant,
                              QA_STAGE_MATERIAL, &error);
  ck_assert_ptr_nonnull (sheet);
  ck_assert_msg (qa_score_sheet_set (sheet, item, percent, strengths, improvements, &error),
                 "%s", error ? error->message : "");
}

static char *
export_sheet (QaSession  *package,
              const char *name)
{
  g_autofree char *path = path_in_tmp (name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  ck_assert_msg (qa_sheet_export (package, path, QA_OUTPUT_NONE, &error), "%s", error ? error->message : "");
  ck_assert (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static gboolean
import_text (const char      *text,
             gsize            length,
             QaSheetOutcome  *outcome,
             GError         **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length);

  return qa_sheet_import (session, bytes, "E03-material.qasheet", outcome, NULL, error);
}

/* Every table a sheet import may touch, as text: a refusal must leave it exactly so. */
static char *
scores_snapshot (void)
{
  QaDatabase *db = qa_session_get_database (session);
  sqlite3_stmt *stmt;

  stmt = _qa_database_prepare (db,
                               "SELECT coalesce((SELECT group_concat(stage || expert_id || applicant_id || item || "
                               "percent || coalesce(strengths, '') || coalesce(improvements, '') || revision, '|') "
                               "FROM (SELECT * FROM score ORDER BY 1, 2, 3, 4)), '') || '#' || "
                               "coalesce((SELECT group_concat(stage || expert_id || revision || sha256, '|') "
                               "FROM (SELECT * FROM sheet ORDER BY 1, 2)), '') || '#' || "
                               "(SELECT count(*) FROM assignment) || '#' || (SELECT count(*) FROM panel_member)",
                               NULL);
  ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
  return g_strdup ((const char *)sqlite3_column_text (stmt, 0));
}

static void
assert_refused (const char   *text,
                gssize        length,
                QaSheetError  code,
                const char   *words)
{
  g_autofree char *before = scores_snapshot ();
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  ck_assert (!import_text (text, length < 0 ? strlen (text) : (gsize)length, NULL, &error));
  ck_assert_msg (g_error_matches (error, QA_SHEET_ERROR, code), "code %d: %s", error->code, error->message);
  ck_assert_msg (strstr (error->message, words) != NULL, "expected “%s” in: %s", words, error->message);
  ck_assert_msg (strstr (error->message, "E03-material.qasheet") != NULL, "%s", error->message);
  after = scores_snapshot ();
  ck_assert_str_eq (before, after);
}

static char *
replaced (const char *text,
          const char *from,
          const char *to)
{
  GString *out = g_string_new (text);

  ck_assert_uint_eq (g_string_replace (out, from, to, 1), 1);
  return g_string_free (out, FALSE);
}

START_TEST (test_round_trip)
{
  g_autoptr(QaSession) package = export_package ("E03");
  g_autofree char *xml = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(QaScoreSheet) stored = NULL;
  QaSheetOutcome outcome = QA_SHEET_UNCHANGED;
  QaItemScore *item;

  score (package, "A01", "4.1.2", 60, "高层领导亲自推动卓越绩效模式，使命、愿景清晰。", "战略目标与年度计划的衔接有待加强。");
  score (package, "A01", "4.7.4", 55, NULL, "财务结果缺少与同行业标杆的对比 & <数据>");
  score (package, "A02", "4.3.3", 100, "顾客满意度连续三年 \"98%\" 以上", NULL);
  xml = export_sheet (package, "E03-1.qasheet");

  ck_assert_msg (import_text (xml, strlen (xml), &outcome, &error), "%s", error ? error->message : "");
  ck_assert_int_eq (outcome, QA_SHEET_STORED);

  /* The session now holds exactly the reviewer's values and texts. */
  stored = qa_score_sheet_new (session, "E03", "A01", QA_STAGE_MATERIAL, &error);
  item = qa_score_sheet_lookup (stored, "4.1.2");
  ck_assert_int_eq (qa_item_score_get_percent (item), 60);
  ck_assert_str_eq (qa_item_score_get_strengths (item), "高层领导亲自推动卓越绩效模式，使命、愿景清晰。");
  ck_assert_str_eq (qa_item_score_get_improvements (item), "战略目标与年度计划的衔接有待加强。");
  item = qa_score_sheet_lookup (stored, "4.7.4");
  ck_assert_int_eq (qa_item_score_get_percent (item), 55);
  ck_assert_ptr_null (qa_item_score_get_strengths (item));
  ck_assert_str_eq (qa_item_score_get_improvements (item), "财务结果缺少与同行业标杆的对比 & <数据>");
  ck_assert_uint_eq (qa_score_sheet_get_n_scored (stored), 2);
  /* 50 × 60% + 80 × 55% */
  ck_assert_double_eq_tol (qa_score_sheet_get_total (stored), 74.0, 1e-9);
  g_clear_object (&stored);

  stored = qa_score_sheet_new (session, "E03", "A02", QA_STAGE_MATERIAL, &error);
  ck_assert_str_eq (qa_item_score_get_strengths (qa_score_sheet_lookup (stored, "4.3.3")),
                    "顾客满意度连续三年 \"98%\" 以上");

  /* The same sheet again changes nothing. */
  {
    g_autofree char *before = scores_snapshot ();
    g_autofree char *after = NULL;

    ck_assert (import_text (xml, strlen (xml), &outcome, &error));
    ck_assert_int_eq (outcome, QA_SHEET_UNCHANGED);
    after = scores_snapshot ();
    ck_assert_str_eq (before, after);
  }
}
END_TEST

START_TEST (test_newer_replaces_older)
{
  g_autoptr(QaSession) package = export_package ("E03");
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(QaScoreSheet) stored = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  guint imports = 0;

  score (package, "A01", "4.1.2", 60, NULL, NULL);
  first = export_sheet (package, "E03-1.qasheet");
  score (package, "A01", "4.1.2", 70, NULL, NULL);
  second = export_sheet (package, "E03-2.qasheet");
  ck_assert (strstr (first, "revision=\"1\"") != NULL);
  ck_assert (strstr (second, "revision=\"2\"") != NULL);

  ck_assert (import_text (first, strlen (first), NULL, &error));
  ck_assert (import_text (second, strlen (second), NULL, &error));
  stored = qa_score_sheet_new (session, "E03", "A01", QA_STAGE_MATERIAL, &error);
  ck_assert_int_eq (qa_item_score_get_percent (qa_score_sheet_lookup (stored, "4.1.2")), 70);

  /* Going back to the older revision is refused. */
  assert_refused (first, -1, QA_SHEET_ERROR_OLDER, "revision 2 is already stored");

  entries = qa_audit_list (qa_session_get_database (session), NULL);
  for (guint i = 0; i < entries->len; i++)
    imports += g_strcmp0 (((QaAuditEntry *)g_ptr_array_index (entries, i))->action, "sheet.import") == 0;
  ck_assert_uint_eq (imports, 2);
}
END_TEST

START_TEST (test_tampering_refused)
{
  g_autoptr(QaSession) package = export_package ("E03");
  g_autofree char *xml = NULL;

  score (package, "A01", "4.1.2", 55, "方法系统", "展开不足");
  xml = export_sheet (package, "E03.qasheet");

  {
    g_autofree char *changed = replaced (xml, "percent=\"55\"", "percent=\"60\"");
    assert_refused (changed, -1, QA_SHEET_ERROR_SIGNATURE, "signature does not match");
  }
  {
    g_autofree char *changed = replaced (xml, "展开不足", "展开充分");
    assert_refused (changed, -1, QA_SHEET_ERROR_SIGNATURE, "signature does not match");
  }
  {
    g_autofree char *changed = replaced (xml, "<improvements>展开不足</improvements>", "");
    assert_refused (changed, -1, QA_SHEET_ERROR_SIGNATURE, "signature does not match");
  }
  {
    /* E05 was issued no package: the sheet cannot claim to be theirs. */
    g_autofree char *changed = replaced (xml, "reviewer=\"E03\"", "reviewer=\"E05\"");
    assert_refused (changed, -1, QA_SHEET_ERROR_NO_KEY, "E05");
  }
  {
    g_autoptr(QaSession) other = export_package ("E05");
    g_autofree char *changed = replaced (xml, "reviewer=\"E03\"", "reviewer=\"E05\"");

    assert_refused (changed, -1, QA_SHEET_ERROR_SIGNATURE, "signature does not match");
  }
  {
    g_autofree char *changed = replaced (xml, "percent=\"55\"", "percent=\"57\"");
    assert_refused (changed, -1, QA_SHEET_ERROR_PARSE, "57");
  }
}
END_TEST


/* A second award session in @path, at the same point as the fixture's. */
static QaSession *
other_session (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QaSession) other = qa_session_open_with_demo (path, &error);
  static const char * const judged[] = { "A01", "A02", "A04", "A06", "A07" };

  ck_assert_msg (other != NULL, "%s", error ? error->message : "");
  for (guint i = 0; i < G_N_ELEMENTS (judged); i++)
    ck_assert (qa_applicants_judge (other, judged[i], 5, TRUE, NULL, &error));
  ck_assert (qa_applicants_store_eligibility (other, &error));
  ck_assert (qa_panel_form (other, QA_STAGE_MATERIAL, "E01", panel_members, NULL, &error));
  return g_steal_pointer (&other);
}

/* Issue 13.10: the sheet names its session, under the signature; another session's sheet is
 * refused as such. */
START_TEST (test_sheet_bound_to_session)
{
  g_autoptr(QaSession) package = export_package ("E03");
  g_autofree char *other_path = path_in_tmp ("other.db");
  g_autofree char *other_package_path = path_in_tmp ("other-E03.qapkg");
  g_autoptr(QaSession) other = NULL;
  g_autoptr(QaSession) other_package = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *other_xml = NULL;
  g_autofree char *attribute = NULL;
  const char *uuid = qa_session_get_uuid (session);

  ck_assert_ptr_nonnull (uuid);
  ck_assert_uint_eq (strlen (uuid), 32);
  ck_assert_str_eq (qa_session_get_uuid (package), uuid);

  score (package, "A01", "4.1.2", 55, "方法系统", "展开不足");
  xml = export_sheet (package, "E03.qasheet");
  attribute = g_strdup_printf ("session=\"%s\"", uuid);
  ck_assert_msg (strstr (xml, attribute) != NULL, "%s", xml);

  /* The same reviewer's sheet from another session's package. */
  other = other_session (other_path);
  ck_assert_str_ne (qa_session_get_uuid (other), uuid);
  ck_assert (qa_package_export (other, "E03", QA_STAGE_MATERIAL, other_package_path, QA_OUTPUT_NONE, &error));
  other_package = qa_session_open (other_package_path, &error);
  ck_assert_ptr_nonnull (other_package);
  score (other_package, "A01", "4.1.2", 55, "方法系统", "展开不足");
  other_xml = export_sheet (other_package, "other-E03.qasheet");
  assert_refused (other_xml, -1, QA_SHEET_ERROR_OTHER_SESSION, "another award session");

  {
    /* Taking the session out breaks the signature: it is signed. */
    g_autofree char *with_space = g_strconcat (attribute, " ", NULL);
    g_autofree char *stripped = replaced (xml, with_space, "");

    assert_refused (stripped, -1, QA_SHEET_ERROR_SIGNATURE, "signature does not match");
  }
  {
    g_autofree char *changed = replaced (xml, uuid, "0123456789abcdef0123456789abcdef");
    assert_refused (changed, -1, QA_SHEET_ERROR_OTHER_SESSION, "0123456789abcdef0123456789abcdef");
  }

  ck_assert_msg (import_text (xml, strlen (xml), NULL, &error), "%s", error ? error->message : "");
}
END_TEST

/* A package made before sessions had an identity: its sheet carries none and is taken as before. */
START_TEST (test_sheet_of_older_package)
{
  g_autofree char *path = path_in_tmp ("E03.qapkg");
  g_autoptr(QaSession) package = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;

  {
    g_autoptr(QaSession) made = export_package ("E03");
    ck_assert (_qa_database_exec (qa_session_get_database (made), "UPDATE session SET uuid = NULL", &error));
  }
  package = qa_session_open (path, &error);
  ck_assert_ptr_nonnull (package);
  ck_assert_ptr_null (qa_session_get_uuid (package));
  score (package, "A01", "4.1.2", 55, NULL, NULL);
  xml = export_sheet (package, "E03.qasheet");
  ck_assert (strstr (xml, "session=") == NULL);
  ck_assert_msg (import_text (xml, strlen (xml), NULL, &error), "%s", error ? error->message : "");
}
END_TEST


/* Issue 13.1: a package issued again replaces the old one only when allowed, and never a
 * session; a refused or failed export records nothing. */
START_TEST (test_package_export_destination)
{
  g_autofree char *path = path_in_tmp ("E03.qapkg");
  g_autofree char *session_copy = path_in_tmp ("copy.db");
  QaDatabase *db = qa_session_get_database (session);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;

  ck_assert (qa_package_export (session, "E03", QA_STAGE_MATERIAL, path, QA_OUTPUT_NONE, &error));
  ck_assert (qa_database_backup (db, session_copy, QA_OUTPUT_NONE, &error));
  before = qa_audit_list (db, &error);

  ck_assert (!qa_package_export (session, "E03", QA_STAGE_MATERIAL, path, QA_OUTPUT_NONE, &error));
  ck_assert (g_error_matches (error, QA_OUTPUT_ERROR, QA_OUTPUT_ERROR_EXISTS));
  g_clear_error (&error);
  ck_assert (!qa_package_export (session, "E04", QA_STAGE_MATERIAL, session_copy,
                                 QA_OUTPUT_REPLACE_PACKAGE, &error));
  ck_assert (g_error_matches (error, QA_OUTPUT_ERROR, QA_OUTPUT_ERROR_EXISTS));
  g_clear_error (&error);
  ck_assert (!qa_package_export (session, "E04", QA_STAGE_MATERIAL, qa_database_get_path (db),
                                 QA_OUTPUT_REPLACE, &error));
  ck_assert (g_error_matches (error, QA_OUTPUT_ERROR, QA_OUTPUT_ERROR_OPEN_SESSION));
  g_clear_error (&error);
  after = qa_audit_list (db, &error);
  ck_assert_uint_eq (after->len, before->len);
  ck_assert (qa_output_is_session_file (session_copy) && !qa_output_is_package_file (session_copy));

  ck_assert_msg (qa_package_export (session, "E03", QA_STAGE_MATERIAL, path, QA_OUTPUT_REPLACE_PACKAGE, &error),
                 "%s", error ? error->message : "");
  ck_assert (qa_output_is_package_file (path));
}
END_TEST

START_TEST (test_hostile_xml_refused)
{
  static const char xxe[] =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE scoresheet [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n"
    "<scoresheet xmlns=\"urn:qareview:scoresheet:1\" reviewer=\"E03\" stage=\"material\">\n"
    "  <application id=\"A01\"><item code=\"4.1.2\" percent=\"50\"><strengths>&secret;</strengths></item></application>\n"
    "</scoresheet>\n";
  static const char laughs[] =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
    "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">]>\n"
    "<scoresheet xmlns=\"urn:qareview:scoresheet:1\" reviewer=\"E03\" stage=\"material\">&lol2;</scoresheet>\n";
  static const char broken[] =
    "<scoresheet xmlns=\"urn:qareview:scoresheet:1\" reviewer=\"E03\" stage=\"material\">\n"
    "  <application id=\"A01\">\n";
  g_autoptr(QaSession) package = export_package ("E03");
  g_autoptr(GString) huge = g_string_new ("<scoresheet xmlns=\"urn:qareview:scoresheet:1\" reviewer=\"E03\" stage=\"material\">");

  assert_refused (xxe, -1, QA_SHEET_ERROR_PARSE, "DOCTYPE");
  assert_refused (laughs, -1, QA_SHEET_ERROR_PARSE, "DOCTYPE");
  assert_refused (broken, -1, QA_SHEET_ERROR_PARSE, ":");

  /* The limit scales with what the session needs (8 applicants × 23 items × two comments of
   * 20,000 characters are more than 16 MiB), and a sheet past it is refused unread. */
  ck_assert_uint_gt (qa_sheet_get_max_size (session), 16 * 1024 * 1024);
  ck_assert_uint_le (qa_sheet_get_max_size (session), 1024 * 1024 * 1024);
  while (huge->len <= qa_sheet_get_max_size (session))
    g_string_append (huge, "<!-- padding padding padding padding padding padding padding -->\n");
  g_string_append (huge, "</scoresheet>");
  assert_refused (huge->str, (gssize)huge->len, QA_SHEET_ERROR_PARSE, "E03-material.qasheet");
}
END_TEST

/* The sheet is parsed and checked against its XSD in one pass, without a tree: each refusal
 * still names the file and the line, says which of the two it is, and stores nothing. */
static char *
line_of (const char *text,
         const char *what)
{
  const char *at = strstr (text, what);
  guint line = 1;

  ck_assert_ptr_nonnull (at);
  for (const char *p = text; p < at; p++)
    line += *p == '\n';
  return g_strdup_printf ("E03-material.qasheet:%u: ", line);
}

START_TEST (test_one_pass_refusals)
{
  g_autoptr(QaSession) package = export_package ("E03");
  g_autofree char *xml = NULL;
  g_autofree char *bad_percent = NULL;
  g_autofree char *bad_element = NULL;
  g_autofree char *undefined = NULL;
  g_autofree char *where = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GString) deep = NULL;
  g_autoptr(QaScoreSheet) stored = NULL;
  g_autoptr(GError) error = NULL;

  score (package, "A01", "4.1.2", 60, "甲 & 乙 <丙>", NULL);
  xml = export_sheet (package, "E03-one-pass.qasheet");

  /* Not valid: an attribute outside its pattern, an element the XSD does not have. */
  bad_percent = replaced (xml, "percent=\"60\"", "percent=\"61\"");
  where = line_of (bad_percent, "percent=\"61\"");
  expected = g_strdup_printf ("is not valid against schemas/scoresheet.xsd:\n%sElement 'item', attribute 'percent'", where);
  assert_refused (bad_percent, -1, QA_SHEET_ERROR_PARSE, expected);
  bad_element = replaced (xml, "<strengths>", "<strengths><b>x</b>");
  g_free (where);
  where = line_of (bad_element, "<b>x</b>");
  g_free (expected);
  expected = g_strdup_printf ("%sElement 'strengths': Element content is not allowed", where);
  assert_refused (bad_element, -1, QA_SHEET_ERROR_PARSE, expected);

  /* Not well-formed: an entity that nothing declares (and nothing may). */
  undefined = replaced (xml, "</strengths>", "&secret;</strengths>");
  g_free (where);
  where = line_of (undefined, "&secret;");
  g_free (expected);
  expected = g_strdup_printf ("is not well-formed XML:\n%sEntity 'secret' not defined", where);
  assert_refused (undefined, -1, QA_SHEET_ERROR_PARSE, expected);

  /* Nested past the limit: refused at the element that goes too deep. */
  deep = g_string_new ("<scoresheet xmlns=\"urn:qareview:scoresheet:1\" reviewer=\"E03\" stage=\"material\">\n");
  for (int i = 0; i < QA_XML_MAX_DEPTH + 2; i++)
    g_string_append (deep, "<x>");
  assert_refused (deep->str, -1, QA_SHEET_ERROR_PARSE, "E03-material.qasheet:2: elements are nested more than 64 deep");

  /* And the sheet itself is still taken, its comment decoded as written. */
  ck_assert_msg (import_text (xml, strlen (xml), NULL, &error), "%s", error ? error->message : "");
  stored = qa_score_sheet_new (session, "E03", "A01", QA_STAGE_MATERIAL, &error);
  ck_assert_ptr_nonnull (stored);
  ck_assert_str_eq (qa_item_score_get_strengths (qa_score_sheet_lookup (stored, "4.1.2")), "甲 & 乙 <丙>");
}
END_TEST

START_TEST (test_rules_refused)
{
  g_autoptr(QaSession) package = export_package ("E03");
  g_autoptr(QaSession) e02 = export_package ("E02");
  g_autofree char *xml = NULL;
  g_autofree char *conflicted = NULL;

  /* A package whose assignments were extended by hand signs validly, and is still refused. */
  score (package, "A01", "4.1.2", 60, NULL, NULL);
  ck_assert (_qa_database_exec (qa_session_get_database (package),
                                "INSERT INTO applicant SELECT 'A03', name || '（另）', '91440300708461136T', district, "
                                "legal_person, founded, accidents_3y, management_system, gbt19580, self_score, "
                                "industry, address, legal_representative, contact_person, phone, email, notes, "
                                "status, eligibility, created_at, NULL FROM applicant WHERE id = 'A01';"
                                "INSERT INTO assignment VALUES ('material', 'E03', 'A03');", NULL));
  score (package, "A03", "4.1.2", 90, NULL, NULL);
  xml = export_sheet (package, "E03.qasheet");
  assert_refused (xml, -1, QA_SHEET_ERROR_NOT_ASSIGNED, "A03");

  /* E02 has a declared tie to A06 (a relative works there). */
  ck_assert (_qa_database_exec (qa_session_get_database (e02),
                                "INSERT INTO applicant SELECT 'A06', name, '91440300708461136T', district, "
                                "legal_person, founded, accidents_3y, management_system, gbt19580, self_score, "
                                "industry, address, legal_representative, contact_person, phone, email, notes, "
                                "status, eligibility, created_at, NULL FROM applicant WHERE id = 'A01';"
                                "INSERT INTO assignment VALUES ('material', 'E02', 'A06');", NULL));
  score (e02, "A06", "4.2.2", 80, NULL, NULL);
  conflicted = export_sheet (e02, "E02.qasheet");
  {
    g_autoptr(GBytes) bytes = g_bytes_new (conflicted, strlen (conflicted));
    g_autoptr(GError) error = NULL;
    g_autofree char *before = scores_snapshot ();
    g_autofree char *after = NULL;

    ck_assert (!qa_sheet_import (session, bytes, "E02.qasheet", NULL, NULL, &error));
    ck_assert (g_error_matches (error, QA_SHEET_ERROR, QA_SHEET_ERROR_NOT_ASSIGNED));
    ck_assert_msg (strstr (error->message, "conflict") != NULL, "%s", error->message);
    after = scores_snapshot ();
    ck_assert_str_eq (before, after);
  }
}
END_TEST

START_TEST (test_not_on_panel_and_closed_stage)
{
  g_autoptr(QaSession) package = export_package ("E03");
  g_autofree char *xml = NULL;
  g_autoptr(GError) error = NULL;

  score (package, "A01", "4.1.2", 60, NULL, NULL);
  xml = export_sheet (package, "E03.qasheet");

  /* The same valid sheet, once the reviewer has left the panel. */
  ck_assert (_qa_database_exec (qa_session_get_database (session),
                                "UPDATE panel_member SET role = 'alternate' WHERE expert_id = 'E03'", NULL));
  assert_refused (xml, -1, QA_SHEET_ERROR_NOT_ON_PANEL, "E03");
  ck_assert (_qa_database_exec (qa_session_get_database (session),
                                "UPDATE panel_member SET role = 'member' WHERE expert_id = 'E03'", NULL));

  /* Closed as the chair closes it once every sheet is in (see test-consensus.c for that). */
  ck_assert (_qa_database_exec (qa_session_get_database (session),
                                "INSERT INTO stage_event (stage, event, at) "
                                "VALUES ('material', 'closed', '2026-11-20T09:00:00Z')", NULL));
  assert_refused (xml, -1, QA_SHEET_ERROR_STAGE_CLOSED, "closed at 2026-11-20T09:00:00Z");
}
END_TEST

static gboolean
bytes_contain (GBytes     *bytes,
               const char *needle)
{
  gsize size, length = strlen (needle);
  const guint8 *data = g_bytes_get_data (bytes, &size);

  for (gsize i = 0; i + length <= size; i++)
    if (memcmp (data + i, needle, length) == 0)
      return TRUE;
  return FALSE;
}

START_TEST (test_package_holds_nothing_else)
{
  g_autofree char *path = path_in_tmp ("E02.qapkg");
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *applicants = qa_session_get_applicants (session);
  gsize length;

  /* Another reviewer's comments are in the session before E02's package is made. */
  {
    g_autoptr(QaSession) e03 = export_package ("E03");
    g_autofree char *xml = NULL;

    score (e03, "A01", "4.1.2", 60, "E03独有的优势评语", "E03独有的改进意见");
    xml = export_sheet (e03, "E03.qasheet");
    ck_assert (import_text (xml, strlen (xml), NULL, &error));
  }

  ck_assert (qa_package_export (session, "E02", QA_STAGE_MATERIAL, path, QA_OUTPUT_NONE, &error));
  ck_assert (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

  ck_assert (!bytes_contain (bytes, "E03独有的优势评语"));
  ck_assert (!bytes_contain (bytes, "E03独有的改进意见"));
  ck_assert (bytes_contain (bytes, "李秀兰"));            /* the reviewer's own name is there */
  ck_assert (!bytes_contain (bytes, "王建国"));           /* the chair's is not */

  for (guint i = 0; i < g_list_model_get_n_items (applicants); i++)
    {
      g_autoptr(QaApplicant) applicant = g_list_model_get_item (applicants, i);
      const char *id = qa_applicant_get_id (applicant);
      gboolean assigned = qa_panel_is_assigned (session, QA_STAGE_MATERIAL, "E02", id, NULL);

      /* A06 is excluded by E02's tie; A03, A05, A08 were not accepted. */
      ck_assert_msg (bytes_contain (bytes, qa_applicant_get_name (applicant)) == assigned,
                     "%s (%s) assigned=%d", id, qa_applicant_get_name (applicant), assigned);
      ck_assert_msg (bytes_contain (bytes, qa_applicant_get_credit_code (applicant)) == assigned,
                     "%s", id);
    }
  ck_assert (!qa_panel_is_assigned (session, QA_STAGE_MATERIAL, "E02", "A06", NULL));
  ck_assert (qa_panel_is_assigned (session, QA_STAGE_MATERIAL, "E02", "A01", NULL));
}
END_TEST

START_TEST (test_package_refusals)
{
  g_autofree char *path = path_in_tmp ("E08.qapkg");
  g_autoptr(GError) error = NULL;

  ck_assert (!qa_package_export (session, "E08", QA_STAGE_MATERIAL, path, QA_OUTPUT_NONE, &error));
  ck_assert (g_error_matches (error, QA_PACKAGE_ERROR, QA_PACKAGE_ERROR_NOT_ON_PANEL));
  ck_assert (!g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* A member suspended after the panel was formed gets no package (Art. 23). */
  ck_assert (_qa_database_exec (qa_session_get_database (session),
                                "UPDATE expert SET status = 'suspended', status_reason = '涉嫌违规' "
                                "WHERE id = 'E05'", NULL));
  ck_assert (!qa_package_export (session, "E05", QA_STAGE_MATERIAL, path, QA_OUTPUT_NONE, &error));
  ck_assert_msg (strstr (error->message, "Art. 23") != NULL, "%s", error->message);
  ck_assert (!g_file_test (path, G_FILE_TEST_EXISTS));
}
END_TEST

START_TEST (test_scores_only_in_own_package)
{
  g_autoptr(QaSession) package = export_package ("E03");
  g_autoptr(QaScoreSheet) wrong = NULL;
  g_autoptr(QaScoreSheet) in_session = NULL;
  g_autoptr(GError) error = NULL;

  /* Blind review: nobody scores for E03 but E03, in E03's package. */
  in_session = qa_score_sheet_new (session, "E03", "A01", QA_STAGE_MATERIAL, &error);
  ck_assert (!qa_score_sheet_set (in_session, "4.1.2", 50, NULL, NULL, &error));
  ck_assert (g_error_matches (error, QA_SCORE_ERROR, QA_SCORE_ERROR_ROLE));
  g_clear_error (&error);

  wrong = qa_score_sheet_new (package, "E03", "A01", QA_STAGE_MATERIAL, &error);
  ck_assert (!qa_score_sheet_set (wrong, "4.1.2", 57, NULL, NULL, &error));
  ck_assert (g_error_matches (error, QA_SCORE_ERROR, QA_SCORE_ERROR_PERCENT));
  g_clear_error (&error);
  ck_assert (!qa_score_sheet_set (wrong, "4.1.1", 50, NULL, NULL, &error));
  ck_assert (g_error_matches (error, QA_SCORE_ERROR, QA_SCORE_ERROR_ITEM));
  g_clear_error (&error);
  ck_assert (!qa_score_sheet_set (wrong, "4.1.2", 105, NULL, NULL, &error));
  g_clear_error (&error);

  ck_assert (qa_score_sheet_set (wrong, "4.1.2", 50, NULL, NULL, &error));
  ck_assert (qa_score_sheet_set (wrong, "4.1.2", -1, NULL, NULL, &error));
  ck_assert_uint_eq (qa_score_sheet_get_n_scored (wrong), 0);
}
END_TEST

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

/* The program's way: in a worker thread, on a connection of its own, with the same outcomes. */
START_TEST (test_async_export_and_import)
{
  g_autofree char *path = path_in_tmp ("E03-material.qapkg");
  g_autofree char *sheet_path = path_in_tmp ("E03-material.qasheet");
  g_autofree char *bad_path = path_in_tmp ("E08-material.qapkg");
  g_autoptr(GFile) sheet_file = g_file_new_for_path (sheet_path);
  g_autoptr(GAsyncResult) exported = NULL;
  g_autoptr(GAsyncResult) refused = NULL;
  g_autoptr(GAsyncResult) imported = NULL;
  g_autoptr(GAsyncResult) again = NULL;
  g_autoptr(QaSession) package = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reviewer = NULL;
  QaSheetOutcome outcome = QA_SHEET_UNCHANGED;

  qa_database_set_operator (qa_session_get_database (session), "秘书处 刘芳", "secretariat");
  qa_package_export_async (session, "E03", QA_STAGE_MATERIAL, path, QA_OUTPUT_NONE, NULL, store_result_cb, &exported);
  ck_assert_msg (qa_package_export_finish (session, wait_for (&exported), &error),
                 "%s", error ? error->message : "");
  qa_package_export_async (session, "E08", QA_STAGE_MATERIAL, bad_path, QA_OUTPUT_NONE, NULL, store_result_cb, &refused);
  ck_assert (!qa_package_export_finish (session, wait_for (&refused), &error));
  ck_assert (g_error_matches (error, QA_PACKAGE_ERROR, QA_PACKAGE_ERROR_NOT_ON_PANEL));
  ck_assert (!g_file_test (bad_path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  package = qa_session_open (path, &error);
  ck_assert_msg (package != NULL, "%s", error ? error->message : "");
  ck_assert_str_eq (qa_session_get_package_reviewer (package), "E03");
  score (package, "A02", "4.2.3", 65, "部署到位", NULL);
  ck_assert (qa_sheet_export (package, sheet_path, QA_OUTPUT_NONE, &error));

  qa_sheet_import_file_async (session, sheet_file, NULL, store_result_cb, &imported);
  ck_assert_msg (qa_sheet_import_file_finish (session, wait_for (&imported), &outcome, &reviewer, &error),
                 "%s", error ? error->message : "");
  ck_assert_int_eq (outcome, QA_SHEET_STORED);
  ck_assert_str_eq (reviewer, "E03");
  g_clear_pointer (&reviewer, g_free);

  /* The main connection sees what the worker stored, and who did it is on record. */
  records = qa_scores_list (session, QA_STAGE_MATERIAL, "E03", NULL, &error);
  ck_assert_uint_eq (records->len, 1);
  ck_assert_str_eq (((QaScoreRecord *)records->pdata[0])->item, "4.2.3");
  ck_assert_int_eq (((QaScoreRecord *)records->pdata[0])->percent, 65);
  ck_assert_str_eq (((QaScoreRecord *)records->pdata[0])->strengths, "部署到位");

  qa_sheet_import_file_async (session, sheet_file, NULL, store_result_cb, &again);
  ck_assert (qa_sheet_import_file_finish (session, wait_for (&again), &outcome, &reviewer, &error));
  ck_assert_int_eq (outcome, QA_SHEET_UNCHANGED);
}
END_TEST

START_TEST (test_async_import_refusal_names_file)
{
  g_autofree char *path = path_in_tmp ("broken.qasheet");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reviewer = NULL;
  g_autofree char *before = scores_snapshot ();
  g_autofree char *after = NULL;

  ck_assert (g_file_set_contents (path, "<scoresheet", -1, NULL));
  qa_sheet_import_file_async (session, file, NULL, store_result_cb, &result);
  ck_assert (!qa_sheet_import_file_finish (session, wait_for (&result), NULL, &reviewer, &error));
  ck_assert (g_error_matches (error, QA_SHEET_ERROR, QA_SHEET_ERROR_PARSE));
  ck_assert_msg (strstr (error->message, "broken.qasheet") != NULL, "%s", error->message);
  ck_assert_ptr_null (reviewer);
  after = scores_snapshot ();
  ck_assert_str_eq (before, after);
}
END_TEST


/* 13.5: what a reviewer can enter, a sheet carries back; what it could not carry is refused at
 * entry (form feed, escape, carriage return, one character over the schema's maxLength). */
START_TEST (test_entry_refuses_what_a_sheet_cannot_carry)
{
  g_autoptr(QaSession) package = export_package ("E03");
  g_autoptr(QaScoreSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  guint max = qa_text_comment_max_length ();
  g_autofree char *longest = NULL;
  g_autofree char *too_long = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *longest_chinese = NULL;
  static const char * const refused[] = {
    "第一段\f第二段", "颜色\x1b[31m红色", "回车\r换行", "空\x01字符", "删除\x7f", "C1\xc2\x85",
    "invalid \xff UTF-8",
  };
  GString *chinese = g_string_new (NULL);

  ck_assert_uint_eq (max, 20000);
  sheet = qa_score_sheet_new (package, "E03", "A01", QA_STAGE_MATERIAL, &error);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      ck_assert_msg (!qa_score_sheet_set (sheet, "4.1.2", 60, refused[i], NULL, &error),
                     "accepted %s", refused[i]);
      ck_assert_msg (g_error_matches (error, QA_SCORE_ERROR, QA_SCORE_ERROR_TEXT), "%s", error->message);
      ck_assert (g_str_has_prefix (error->message, "strengths: "));
      g_clear_error (&error);
      ck_assert (!qa_score_sheet_set (sheet, "4.1.2", 60, NULL, refused[i], &error));
      ck_assert (g_str_has_prefix (error->message, "improvements: "));
      g_clear_error (&error);
    }
  ck_assert_int_eq (qa_item_score_get_percent (qa_score_sheet_lookup (sheet, "4.1.2")), -1);

  too_long = g_strnfill (max + 1, 'x');
  ck_assert (!qa_score_sheet_set (sheet, "4.1.2", 60, too_long, NULL, &error));
  ck_assert_msg (strstr (error->message, "20000") != NULL, "%s", error->message);
  g_clear_error (&error);

  /* At the limit, in Chinese, with line feeds and tabs, it goes and comes back. */
  for (guint i = 0; i < max; i++)
    g_string_append (chinese, i % 100 == 99 ? "\n" : i % 50 == 7 ? "\t" : "优");
  longest_chinese = g_string_free (chinese, FALSE);
  longest = g_strnfill (max, 'y');
  score (package, "A01", "4.1.2", 60, longest_chinese, longest);
  xml = export_sheet (package, "E03.qasheet");
  ck_assert_msg (import_text (xml, strlen (xml), NULL, &error), "%s", error ? error->message : "");
}
END_TEST

/* The key a database holds for @reviewer's material package, or NULL. */
static char *
package_key_of (QaDatabase *db,
                const char *reviewer)
{
  sqlite3_stmt *stmt;

  stmt = _qa_database_prepare (db, "SELECT secret FROM package_key WHERE stage = 'material' AND expert_id = ?1",
                               NULL);
  ck_assert_ptr_nonnull (stmt);
  sqlite3_bind_text (stmt, 1, reviewer, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *)sqlite3_column_text (stmt, 0));
}

static void
assert_key_of_32_bytes (const char *key)
{
  ck_assert_ptr_nonnull (key);
  ck_assert_uint_eq (strlen (key), 64);
  for (const char *c = key; *c != '\0'; c++)
    ck_assert_msg (g_ascii_isxdigit (*c) && !g_ascii_isupper (*c), "not lower-case hex: %s", key);
}

/* Each package's secret is 32 bytes from the kernel: reviewers' keys differ, each package carries
 * its own, and a key drawn after GLib's and libc's generators were seeded alike is still new, so
 * neither generator is behind it. */
START_TEST (test_package_keys_are_random)
{
  QaDatabase *db = qa_session_get_database (session);
  static const char * const reviewers[] = { "E02", "E03", "E04" };
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (reviewers); i++)
    {
      g_autoptr(QaSession) package = NULL;
      g_autofree char *key = NULL;
      g_autofree char *carried = NULL;

      g_random_set_seed (1234);
      srand (1234);
      package = export_package (reviewers[i]);
      key = package_key_of (db, reviewers[i]);
      assert_key_of_32_bytes (key);
      carried = package_key_of (qa_session_get_database (package), reviewers[i]);
      ck_assert_str_eq (carried, key);
      ck_assert_msg (g_hash_table_add (seen, g_steal_pointer (&key)), "a key issued twice");
    }

  /* A new key for E03 is drawn once its old one is gone; seeded alike, a weak generator repeats. */
  first = package_key_of (db, "E03");
  ck_assert (_qa_database_exec (db, "DELETE FROM package_key WHERE expert_id = 'E03'", &error));
  {
    g_autofree char *path = path_in_tmp ("E03.qapkg");

    g_random_set_seed (1234);
    srand (1234);
    ck_assert_msg (qa_package_export (session, "E03", QA_STAGE_MATERIAL, path, QA_OUTPUT_REPLACE_PACKAGE, &error),
                   "%s", error ? error->message : "");
  }
  second = package_key_of (db, "E03");
  assert_key_of_32_bytes (second);
  ck_assert_str_ne (first, second);
  ck_assert (!g_hash_table_contains (seen, second));
}
END_TEST

static Suite *
sheet_suite (void)
{
  Suite *suite = suite_create ("sheet");
  TCase *tc = tcase_create ("sheet");

  tcase_set_timeout (tc, 120);
  tcase_add_checked_fixture (tc, setup, qa_test_teardown_tmpdir);
  tcase_add_test (tc, test_round_trip);
  tcase_add_test (tc, test_entry_refuses_what_a_sheet_cannot_carry);
  tcase_add_test (tc, test_newer_replaces_older);
  tcase_add_test (tc, test_tampering_refused);
  tcase_add_test (tc, test_sheet_bound_to_session);
  tcase_add_test (tc, test_sheet_of_older_package);
  tcase_add_test (tc, test_package_export_destination);
  tcase_add_test (tc, test_hostile_xml_refused);
  tcase_add_test (tc, test_one_pass_refusals);
  tcase_add_test (tc, test_rules_refused);
  tcase_add_test (tc, test_not_on_panel_and_closed_stage);
  tcase_add_test (tc, test_package_holds_nothing_else);
  tcase_add_test (tc, test_package_refusals);
  tcase_add_test (tc, test_scores_only_in_own_package);
  tcase_add_test (tc, test_async_export_and_import);
  tcase_add_test (tc, test_async_import_refusal_names_file);
  tcase_add_test (tc, test_package_keys_are_random);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return qa_test_run (sheet_suite ());
}
