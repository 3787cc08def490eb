/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "qa-csv.h"
#include "qa-test.h"

static QaCsvTable *
parse (const char  *text,
       gssize       length,
       GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length < 0 ? strlen (text) : (gsize)length);

  return qa_csv_table_parse (bytes, "applicants.csv", error);
}

START_TEST (test_rfc4180)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QaCsvTable) table = NULL;

  /* BOM, CRLF, quoted comma, doubled quote, a line break inside quotes, blank last line. */
  table = parse ("\xef\xbb\xbfid,name,note\r\n"
                 "A01,\"张掖祁连乳业有限公司\",plain\r\n"
                 "A02,\"Heihe Water, Ltd.\",\"said \"\"yes\"\"\"\r\n"
                 "A03,\"two\nlines\",  padded  \r\n"
                 "\r\n",
                 -1, &error);
  ck_assert_msg (table != NULL, "%s", error ? error->message : "");
  ck_assert_uint_eq (qa_csv_table_get_n_rows (table), 3);
  ck_assert_str_eq (qa_csv_table_get (table, 0, "name"), "张掖祁连乳业有限公司");
  ck_assert_str_eq (qa_csv_table_get (table, 1, "name"), "Heihe Water, Ltd.");
  ck_assert_str_eq (qa_csv_table_get (table, 1, "note"), "said \"yes\"");
  ck_assert_str_eq (qa_csv_table_get (table, 2, "name"), "two\nlines");
  ck_assert_str_eq (qa_csv_table_get (table, 2, "note"), "padded");
  ck_assert_ptr_null (qa_csv_table_get (table, 0, "district"));
  ck_assert_uint_eq (qa_csv_table_get_line (table, 0), 2);
  ck_assert_uint_eq (qa_csv_table_get_line (table, 2), 4);
}
END_TEST

START_TEST (test_lines_after_multiline_field)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QaCsvTable) table = parse ("id,name\nA01,\"a\nb\nc\"\nA02,x\n", -1, &error);

  ck_assert_ptr_nonnull (table);
  ck_assert_uint_eq (qa_csv_table_get_line (table, 1), 5);
}
END_TEST

START_TEST (test_syntax_errors)
{
  static const struct { const char *text; const char *where; } cases[] = {
    { "id,name\nA01,\"never closed\n", "applicants.csv:2:" },
    { "id,name\nA01,x\"y\n", "applicants.csv:2:" },
    { "id,name\nA01,\"x\"y\n", "applicants.csv:2:" },
    { "id,name\nA01,x\nA02,y,z\n", "applicants.csv:3:" },
    { "id,name\nA01\n", "applicants.csv:2:" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(QaCsvTable) table = parse (cases[i].text, -1, &error);

      ck_assert_msg (table == NULL, "case %u accepted", i);
      ck_assert (g_error_matches (error, QA_CSV_ERROR, QA_CSV_ERROR_SYNTAX));
      ck_assert_msg (g_str_has_prefix (error->message, cases[i].where),
                     "case %u: %s", i, error->message);
    }
}
END_TEST

START_TEST (test_not_utf8)
{
  g_autoptr(GError) error = NULL;
  /* GBK bytes for 甘州区 on line 3. */
  g_autoptr(QaCsvTable) table = parse ("id,district\nA01,x\nA02,\xb8\xca\xd6\xdd\xc7\xf8\n", -1, &error);

  ck_assert_ptr_null (table);
  ck_assert (g_error_matches (error, QA_CSV_ERROR, QA_CSV_ERROR_ENCODING));
  ck_assert_msg (g_str_has_prefix (error->message, "applicants.csv:3:"), "%s", error->message);
}
END_TEST

START_TEST (test_empty)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QaCsvTable) table = parse ("", 0, &error);

  ck_assert_ptr_null (table);
  ck_assert (g_error_matches (error, QA_CSV_ERROR, QA_CSV_ERROR_EMPTY));
}
END_TEST

START_TEST (test_columns)
{
  static const QaCsvColumn columns[] = {
    { "id", TRUE }, { "name", TRUE }, { "self_score", FALSE },
  };
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(QaCsvTable) table = parse ("name,id\nx,A01\n", -1, &error);

    ck_assert (qa_csv_table_check_columns (table, columns, G_N_ELEMENTS (columns), &error));
    ck_assert_str_eq (qa_csv_table_get (table, 0, "id"), "A01");
  }
  {
    g_autoptr(QaCsvTable) table = parse ("id,colour,id\nA01,red,A02\n", -1, &error);

    ck_assert (!qa_csv_table_check_columns (table, columns, G_N_ELEMENTS (columns), &error));
    ck_assert (g_error_matches (error, QA_CSV_ERROR, QA_CSV_ERROR_COLUMNS));
    /* Every problem is named at once. */
    ck_assert_msg (strstr (error->message, "colour") != NULL, "%s", error->message);
    ck_assert_msg (strstr (error->message, "“id” is named twice") != NULL, "%s", error->message);
    ck_assert_msg (strstr (error->message, "“name” is missing") != NULL, "%s", error->message);
  }
}
END_TEST

START_TEST (test_write_quotes)
{
  g_autoptr(GString) out = g_string_new (NULL);
  static const char * const fields[] = { "4.6.2", "Measurement, analysis", "say \"hi\"", NULL, "a\nb" };

  qa_csv_append_row (out, fields, G_N_ELEMENTS (fields));
  ck_assert_str_eq (out->str, "4.6.2,\"Measurement, analysis\",\"say \"\"hi\"\"\",,\"a\nb\"\n");

  g_string_truncate (out, 0);
  qa_csv_append_rowv (out, "a", "", "c", NULL);
  ck_assert_str_eq (out->str, "a,,c\n");
}
END_TEST

START_TEST (test_round_trip)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(QaCsvTable) table = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  qa_csv_append_rowv (out, "id", "note", NULL);
  qa_csv_append_rowv (out, "A01", "优势：\"领导\",改进\n机会", NULL);
  bytes = g_bytes_new (out->str, out->len);
  table = qa_csv_table_parse (bytes, "x.csv", &error);
  ck_assert_ptr_nonnull (table);
  ck_assert_str_eq (qa_csv_table_get (table, 0, "note"), "优势：\"领导\",改进\n机会");
}
END_TEST


/* The one validator of free text. */
START_TEST (test_text_validate)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *long_name = g_strnfill (QA_TEXT_NAME_MAX_LENGTH + 1, 'a');
  g_autofree char *huge = g_strnfill (120000, 'x');

  ck_assert (qa_text_validate ("一行", QA_TEXT_LINE, 10, &error));
  ck_assert (qa_text_validate ("两\n行\t", QA_TEXT_MULTILINE, 10, &error));
  ck_assert (qa_text_validate (NULL, QA_TEXT_LINE, 10, &error));
  ck_assert (!qa_text_validate ("两\n行", QA_TEXT_LINE, 10, &error));
  ck_assert (g_error_matches (error, QA_TEXT_ERROR, QA_TEXT_ERROR_CONTROL));
  g_clear_error (&error);
  ck_assert (!qa_text_validate ("a\fb", QA_TEXT_MULTILINE, 0, &error));
  ck_assert_msg (strstr (error->message, "U+000C") != NULL, "%s", error->message);
  g_clear_error (&error);
  ck_assert (!qa_text_validate ("a\rb", QA_TEXT_MULTILINE, 0, &error));
  g_clear_error (&error);
  ck_assert (!qa_text_validate ("\xc3\x28", QA_TEXT_LINE, 0, &error));
  ck_assert (g_error_matches (error, QA_TEXT_ERROR, QA_TEXT_ERROR_ENCODING));
  g_clear_error (&error);
  ck_assert (!qa_text_validate ("一二三", QA_TEXT_LINE, 2, &error));
  ck_assert (g_error_matches (error, QA_TEXT_ERROR, QA_TEXT_ERROR_LENGTH));
  g_clear_error (&error);
  ck_assert (qa_text_validate ("一二三", QA_TEXT_LINE, 3, &error));

  /* 13.8: the operator's name. */
  ck_assert (qa_text_validate_name ("王建国", &error));
  ck_assert (!qa_text_validate_name ("王\n建国", &error));
  g_clear_error (&error);
  ck_assert (!qa_text_validate_name ("\x1b[2J王建国", &error));
  g_clear_error (&error);
  ck_assert (!qa_text_validate_name ("\u3000\u200b", &error));
  g_clear_error (&error);
  ck_assert (!qa_text_validate_name (long_name, &error));
  g_clear_error (&error);
  ck_assert (!qa_text_validate_name (huge, &error));
  g_clear_error (&error);
  ck_assert (!qa_text_validate_name ("\xff\xfe", &error));
}
END_TEST


/* 13.9: a cell a spreadsheet would run as a formula is written with a leading apostrophe, in
 * every CSV export (they all write through qa_csv_append_row); numbers and plain text as they
 * are. */
START_TEST (test_formula_cells_escaped)
{
  g_autoptr(GString) out = g_string_new (NULL);

  qa_csv_append_rowv (out, "=HYPERLINK(\"http://x\",\"y\")", "+1+cmd", "-2+3", "@SUM(A1)",
                      "\tx", "\rx", "＝1+1", "-5", "+3.25", "-", "正常名称", "a=b", "", NULL);
  ck_assert_str_eq (out->str,
                    "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'+1+cmd,'-2+3,'@SUM(A1),'\tx,"
                    "\"'\rx\",'＝1+1,-5,+3.25,'-,正常名称,a=b,\n");
}
END_TEST

/* 13.6: a file read for an import never grows past the limit. */
START_TEST (test_read_file_bounded)
{
  g_autoptr(GFile) zero = g_file_new_for_path ("/dev/zero");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = qa_csv_read_file (zero, &error);

  ck_assert_ptr_null (bytes);
  ck_assert (g_error_matches (error, QA_CSV_ERROR, QA_CSV_ERROR_TOO_LARGE));
  ck_assert_msg (strstr (error->message, "/dev/zero") != NULL, "%s", error->message);
}
END_TEST

static Suite *
csv_suite (void)
{
  Suite *suite = suite_create ("csv");
  TCase *tc = tcase_create ("csv");

  tcase_add_test (tc, test_rfc4180);
  tcase_add_test (tc, test_lines_after_multiline_field);
  tcase_add_test (tc, test_text_validate);
  tcase_add_test (tc, test_formula_cells_escaped);
  tcase_add_test (tc, test_read_file_bounded);
  tcase_add_test (tc, test_syntax_errors);
  tcase_add_test (tc, test_not_utf8);
  tcase_add_test (tc, test_empty);
  tcase_add_test (tc, test_columns);
  tcase_add_test (tc, test_write_quotes);
  tcase_add_test (tc, test_round_trip);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return qa_test_run (csv_suite ());
}
