/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The audit trail catches every kind of tampering, even with the sqlite3 shell. */

#include "config.h"

#include <string.h>

#include "qa-database-private.h"
#include "qa-test.h"

#define CSV "id,name,credit_code,district,legal_person,founded,accidents_3y,management_system,gbt19580\n" \
            "A11,张掖市甘州区新星机械制造有限公司,91620702MA7000011P,甘州区,yes,2012-04-18,no,yes,yes\n"

static char *
session_path (void)
{
  return g_strdup (qa_database_get_path (qa_session_get_database (session)));
}

/* Tampers with the file through a connection of its own, as someone with the sqlite3 shell. */
static void
tamper (const char *sql)
{
  g_autofree char *path = session_path ();
  sqlite3 *db = NULL;
  char *message = NULL;

  ck_assert_int_eq (sqlite3_open (path, &db), SQLITE_OK);
  ck_assert_msg (sqlite3_exec (db, sql, NULL, NULL, &message) == SQLITE_OK, "%s", message);
  sqlite3_close (db);
}

static guint64
verified_entries (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *head = NULL;
  guint64 n = 0;

  ck_assert_msg (qa_audit_verify (qa_session_get_database (session), &n, &head, &error),
                 "%s", error ? error->message : "");
  ck_assert_uint_eq (strlen (head), 64);
  return n;
}

static void
assert_broken_at (gint64      seq,
                  const char *why)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = g_strdup_printf ("entry %" G_GINT64_FORMAT ":", seq);

  ck_assert (!qa_audit_verify (qa_session_get_database (session), NULL, NULL, &error));
  ck_assert (g_error_matches (error, QA_AUDIT_ERROR, QA_AUDIT_ERROR_BROKEN));
  ck_assert_msg (strstr (error->message, expected) != NULL, "%s", error->message);
  ck_assert_msg (strstr (error->message, why) != NULL, "%s", error->message);
}

/* A session with a few more entries than the demo gives. */
static void
add_history (void)
{
  g_autoptr(GBytes) csv = g_bytes_new_static (CSV, strlen (CSV));
  g_autoptr(GError) error = NULL;

  qa_database_set_operator (qa_session_get_database (session), "赵丽娟", "secretariat");
  ck_assert (qa_applicants_import_csv (session, csv, "more.csv", NULL, &error));
  ck_assert (qa_applicants_judge (session, "A01", 5, TRUE, "国内领先", &error));
  ck_assert (qa_applicants_store_eligibility (session, &error));
}

START_TEST (test_changes_are_logged)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saw_import = FALSE, saw_judge = FALSE, saw_check = FALSE;

  add_history ();
  entries = qa_audit_list (qa_session_get_database (session), &error);
  ck_assert_ptr_nonnull (entries);
  ck_assert_str_eq (((QaAuditEntry *)g_ptr_array_index (entries, 0))->action, "session.create");

  for (guint i = 0; i < entries->len; i++)
    {
      const QaAuditEntry *entry = g_ptr_array_index (entries, i);

      if (g_strcmp0 (entry->action, "applicant.import") == 0)
        {
          g_autofree char *sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, CSV, -1);
          g_autofree char *after = g_strdup_printf ("rows=1; sha256=%s; applicants=A11 91620702MA7000011P",
                                                    sha256);
          g_autofree char *words = qa_audit_describe (entry);
          g_autofree char *expected = g_strdup_printf ("Applicants imported, file more.csv: rows: 1; "
                                                       "SHA-256: %s; applicants: A11 91620702MA7000011P",
                                                       sha256);

          /* One entry for the whole file: its bytes by their SHA-256, who came in. */
          ck_assert (!saw_import);
          saw_import = TRUE;
          ck_assert_str_eq (entry->subject_kind, "file");
          ck_assert_str_eq (entry->subject_id, "more.csv");
          ck_assert_str_eq (entry->operator_name, "赵丽娟");
          ck_assert_str_eq (entry->role, "secretariat");
          ck_assert_str_eq (entry->after, after);
          ck_assert_str_eq (words, expected);
          /* Found when the trail is filtered by the applicant. */
          ck_assert (qa_audit_entry_matches (entry, &(QaAuditFilter) { "A11", NULL, NULL, NULL, NULL, NULL }));
        }
      saw_judge |= g_strcmp0 (entry->action, "eligibility.judge") == 0;
      saw_check |= g_strcmp0 (entry->action, "eligibility.check") == 0 &&
                   g_strcmp0 (entry->subject_id, "A01") == 0 &&
                   g_str_has_prefix (entry->after, "eligible");
    }
  ck_assert (saw_import && saw_judge && saw_check);
  ck_assert_uint_eq (verified_entries (), entries->len);
}
END_TEST

START_TEST (test_refusal_is_logged_and_changes_nothing)
{
  static const char bad[] = "id,name\nA12,x\n";
  g_autoptr(GBytes) csv = g_bytes_new_static (bad, sizeof bad - 1);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  guint before = g_list_model_get_n_items (qa_session_get_applicants (session));
  const QaAuditEntry *last;

  ck_assert (!qa_applicants_import_csv (session, csv, "bad.csv", NULL, &error));
  ck_assert_uint_eq (g_list_model_get_n_items (qa_session_get_applicants (session)), before);

  entries = qa_audit_list (qa_session_get_database (session), NULL);
  last = g_ptr_array_index (entries, entries->len - 1);
  ck_assert_str_eq (last->action, "applicant.import.refused");
  ck_assert_str_eq (last->subject_id, "bad.csv");
  ck_assert (strstr (last->after, "gbt19580") != NULL);
  verified_entries ();
}
END_TEST

START_TEST (test_edited_entry)
{
  add_history ();
  verified_entries ();
  tamper ("UPDATE audit_log SET after = replace(after, '国内领先', '一般') "
          "WHERE action = 'eligibility.judge'");
  {
    g_autoptr(GError) error = NULL;

    ck_assert (!qa_audit_verify (qa_session_get_database (session), NULL, NULL, &error));
    ck_assert_msg (strstr (error->message, "changed after it was written") != NULL, "%s", error->message);
  }
}
END_TEST

START_TEST (test_edited_operator)
{
  add_history ();
  tamper ("UPDATE audit_log SET operator = '王建国' WHERE seq = 3");
  assert_broken_at (3, "changed after it was written");
}
END_TEST

START_TEST (test_deleted_entry)
{
  add_history ();
  tamper ("DELETE FROM audit_log WHERE seq = 2");
  assert_broken_at (2, "missing");
}
END_TEST

START_TEST (test_deleted_and_renumbered)
{
  add_history ();
  /* Deleting an entry and closing the gap still breaks the chain. */
  tamper ("DELETE FROM audit_log WHERE seq = 2; UPDATE audit_log SET seq = seq - 1 WHERE seq > 2");
  assert_broken_at (2, "not chained");
}
END_TEST

START_TEST (test_truncated_tail)
{
  guint64 n;

  add_history ();
  n = verified_entries ();
  tamper ("DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)");
  assert_broken_at ((gint64)n, "last entries were deleted");
}
END_TEST

START_TEST (test_inserted_entry)
{
  guint64 n;
  g_autofree char *sql = NULL;

  add_history ();
  n = verified_entries ();
  /* A forged entry that copies the last hash as its link, but cannot forge its own hash. */
  sql = g_strdup_printf ("INSERT INTO audit_log (seq, at, operator, role, action, prev_hash, hash) "
                         "SELECT %" G_GUINT64_FORMAT " + 1, at, operator, role, 'applicant.edit', hash, "
                         "'0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef' "
                         "FROM audit_log WHERE seq = %" G_GUINT64_FORMAT, n, n);
  tamper (sql);
  assert_broken_at ((gint64)n + 1, "changed after it was written");
}
END_TEST

START_TEST (test_reordered_entries)
{
  add_history ();
  tamper ("UPDATE audit_log SET seq = -3 WHERE seq = 3;"
          "UPDATE audit_log SET seq = 3 WHERE seq = 4;"
          "UPDATE audit_log SET seq = 4 WHERE seq = -3;");
  assert_broken_at (3, "not chained");
}
END_TEST

START_TEST (test_writes_after_tampering_do_not_heal)
{
  g_autoptr(GError) error = NULL;

  add_history ();
  tamper ("UPDATE audit_log SET before = 'x' WHERE seq = 2");
  /* New entries chain to the tampered one; the break stays where it was. */
  ck_assert (qa_applicants_judge (session, "A02", 5, TRUE, NULL, &error));
  assert_broken_at (2, "changed after it was written");
}
END_TEST

START_TEST (test_filter_and_export)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) picked = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *csv_path = g_build_filename (tmpdir, "audit.csv", NULL);
  g_autofree char *pdf_path = g_build_filename (tmpdir, "audit.pdf", NULL);
  g_autofree char *csv = NULL;
  g_autoptr(GListModel) model = NULL;
  QaAuditFilter filter = { "A01", NULL, "eligibility.", NULL, NULL, NULL };
  QaAuditFilter nothing = { NULL, NULL, NULL, "nobody", NULL, NULL };
  QaAuditFilter future = { NULL, NULL, NULL, NULL, "2999-01-01", NULL };

  add_history ();
  entries = qa_audit_list (qa_session_get_database (session), &error);
  for (guint i = 0; i < entries->len; i++)
    {
      const QaAuditEntry *entry = g_ptr_array_index (entries, i);

      ck_assert (qa_audit_entry_matches (entry, NULL));
      ck_assert (!qa_audit_entry_matches (entry, &nothing));
      ck_assert (!qa_audit_entry_matches (entry, &future));
      if (qa_audit_entry_matches (entry, &filter))
        g_ptr_array_add (picked, (gpointer)entry);
    }
  /* A01's judgement and its check; nothing about A11 (which contains “A1” but not “A01”). */
  ck_assert_uint_eq (picked->len, 2);
  ck_assert_str_eq (((QaAuditEntry *)g_ptr_array_index (picked, 0))->action, "eligibility.judge");

  ck_assert (qa_audit_write_csv (picked, csv_path, QA_OUTPUT_NONE, &error));
  ck_assert (g_file_get_contents (csv_path, &csv, NULL, NULL));
  ck_assert (g_str_has_prefix (csv, "seq,at,operator,role,action,subject_kind,subject_id,before,after,hash\n"));
  ck_assert (strstr (csv, ",赵丽娟,secretariat,eligibility.judge,applicant,A01,") != NULL);

  ck_assert (qa_audit_write_pdf (entries, "2026 · 审计日志", pdf_path, QA_OUTPUT_NONE, &error));
  ck_assert (g_file_test (pdf_path, G_FILE_TEST_IS_REGULAR));

  model = qa_audit_list_model (qa_session_get_database (session), &error);
  ck_assert_uint_eq (g_list_model_get_n_items (model), entries->len);
  {
    g_autoptr(QaAuditItem) first = g_list_model_get_item (model, 0);
    ck_assert_str_eq (qa_audit_item_get_entry (first)->action, "session.create");
  }
}
END_TEST

/* A restore cuts the trail back to the backup's; the next entry says so, and the chain holds. */
START_TEST (test_restore_is_recorded)
{
  g_autofree char *path = session_path ();
  g_autofree char *backup = g_build_filename (tmpdir, "backup.db", NULL);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  const QaAuditEntry *last;
  guint64 before;

  before = verified_entries ();
  ck_assert (qa_database_backup (qa_session_get_database (session), backup, QA_OUTPUT_NONE, &error));
  ck_assert (qa_experts_declare (session, "E09", &error));
  ck_assert_uint_eq (verified_entries (), before + 1);

  ck_assert_msg (qa_database_restore (backup, path, &error), "%s", error ? error->message : "");
  ck_assert_uint_eq (verified_entries (), before);
  ck_assert_msg (qa_audit_record_restore (qa_session_get_database (session), backup, "kept.db", &error),
                 "%s", error ? error->message : "");
  ck_assert_uint_eq (verified_entries (), before + 1);

  entries = qa_audit_list (qa_session_get_database (session), &error);
  last = g_ptr_array_index (entries, entries->len - 1);
  ck_assert_str_eq (last->action, "session.restore");
  ck_assert (strstr (last->after, backup) != NULL);
  ck_assert (strstr (last->after, "kept.db") != NULL);
  for (guint i = 0; i < entries->len; i++)
    ck_assert_str_ne (((const QaAuditEntry *)g_ptr_array_index (entries, i))->action, "expert.declare");
}
END_TEST

/* Every action is named in words, a refusal as such; an unknown one as it is. */
START_TEST (test_action_labels)
{
  g_autofree char *drawn = qa_audit_action_dup_label ("panel.draw");
  g_autofree char *refused = qa_audit_action_dup_label ("sheet.import.refused");
  g_autofree char *imported = qa_audit_action_dup_label ("sheet.import");
  g_autofree char *unknown = qa_audit_action_dup_label ("future.thing");
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  ck_assert_str_eq (drawn, "Panel drawn");
  ck_assert_str_eq (imported, "Score sheet imported");
  ck_assert_str_eq (refused, "Score sheet imported (refused)");
  ck_assert_str_eq (unknown, "future.thing");

  /* The session's own entries all have a label of their own. */
  entries = qa_audit_list (qa_session_get_database (session), &error);
  ck_assert_ptr_nonnull (entries);
  ck_assert_uint_gt (entries->len, 0);
  for (guint i = 0; i < entries->len; i++)
    {
      const QaAuditEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *label = qa_audit_action_dup_label (entry->action);

      ck_assert_str_ne (label, entry->action);
    }
}
END_TEST

/* Each entry in words: fields named, recorded words translated, the stored text unchanged. */
START_TEST (test_described_in_words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  const QaAuditEntry *judge = NULL, *check = NULL;
  char at[] = "2026-03-01T08:00:00Z", name[] = "李明", role[] = "secretariat", action[] = "expert.train";
  char kind[] = "expert", id[] = "E09", before[] = "trained=0", hash[] = "x";
  char after[] = "trained=1; course=卓越绩效评价师培训班; date=2026-03-15";
  QaAuditEntry train = { 0, at, name, role, action, kind, id, before, after, hash };
  g_autofree char *train_text = NULL;
  g_autofree char *judge_text = NULL;
  g_autofree char *check_values = NULL;

  ck_assert (qa_applicants_judge (session, "A01", 5, TRUE, "国内领先", &error));
  entries = qa_audit_list (qa_session_get_database (session), &error);
  for (guint i = 0; i < entries->len; i++)
    {
      const QaAuditEntry *entry = g_ptr_array_index (entries, i);

      if (g_str_equal (entry->action, "eligibility.judge"))
        judge = entry;
      if (g_str_equal (entry->action, "eligibility.check") && g_strcmp0 (entry->subject_id, "A01") == 0)
        check = entry;
    }
  ck_assert_ptr_nonnull (judge);
  ck_assert_ptr_nonnull (check);

  /* Stored canonically, for the chain. */
  ck_assert_str_eq (judge->after, "condition=5; pass; note=国内领先");
  judge_text = qa_audit_describe (judge);
  ck_assert_str_eq (judge_text, "Eligibility condition judged, applicant A01: condition of Art. 13: 5; met; note: 国内领先");
  check_values = qa_audit_describe_values (check);
  ck_assert_msg (g_str_has_prefix (check_values, "not checked → "), "%s", check_values);
  ck_assert (strstr (check_values, "unchecked") == NULL);
  ck_assert_str_eq (check_values, "not checked → eligible");

  /* An import of many applicants names the first 20 in words, and how many more. */
  {
    g_autoptr(GString) many = g_string_new ("rows=25; applicants=");
    char import_action[] = "applicant.import", file_kind[] = "file", file_id[] = "big.csv";
    QaAuditEntry import = { 0, at, name, role, import_action, file_kind, file_id, NULL, NULL, hash };
    g_autofree char *words = NULL;

    for (guint i = 1; i <= 25; i++)
      g_string_append_printf (many, "%sB%02u", i > 1 ? ", " : "", i);
    import.after = many->str;
    words = qa_audit_describe (&import);
    ck_assert_msg (g_str_has_suffix (words, ": rows: 25; applicants: B01, B02, B03, B04, B05, B06, "
                                            "B07, B08, B09, B10, B11, B12, B13, B14, B15, B16, B17, "
                                            "B18, B19, B20 … and 5 more"), "%s", words);
  }

  train_text = qa_audit_describe (&train);
  ck_assert_str_eq (train_text, "Expert’s training recorded, expert E09: trained: no → trained: yes; "
                                "course: 卓越绩效评价师培训班; date: 2026-03-15");

  /* Every entry of the session reads without a raw key=value. */
  for (guint i = 0; i < entries->len; i++)
    {
      g_autofree char *text = qa_audit_describe (g_ptr_array_index (entries, i));

      ck_assert_msg (strstr (text, "=") == NULL, "%s", text);
    }
  ck_assert (qa_audit_verify (qa_session_get_database (session), NULL, NULL, &error));
}
END_TEST

/* @text without any white space, so words wrapped in a table's cell still read as one run. */
static char *
without_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *c = text; *c != '\0'; c++)
    if (!g_ascii_isspace (*c))
      g_string_append_c (out, *c);
  return g_string_free (out, FALSE);
}

/* The audit PDF shows each entry in words, as the window does: the action's label and the values
 * described, never the stored canonical form (“condition=5; pass”, “unchecked → eligible”). */
START_TEST (test_pdf_in_words)
{
  g_autofree char *pdf_path = g_build_filename (tmpdir, "audit.pdf", NULL);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;
  const char *argv[] = { g_getenv ("PDFTOTEXT"), "-enc", "UTF-8", pdf_path, "-", NULL };
  static const char * const in_words[] = {
    "Eligibility condition judged", "condition of Art. 13: 5; met; note: 国内领先",
    "Applicants imported", "rows: 1", "not checked → eligible",
  };
  static const char * const raw[] = {
    "condition=5", "pass; note=", "note=", "rows=1", "sha256=", "unchecked", "eligibility.judge",
    "applicant.import", "session.create",
  };
  int status = 0;

  ck_assert_msg (argv[0] != NULL, "PDFTOTEXT is not set");
  add_history ();
  entries = qa_audit_list (qa_session_get_database (session), &error);
  ck_assert_msg (qa_audit_write_pdf (entries, "2026 · 审计日志", pdf_path, QA_OUTPUT_NONE, &error),
                 "%s", error ? error->message : "");
  ck_assert (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error));
  ck_assert (g_spawn_check_wait_status (status, NULL));
  text = without_spaces (out);

  for (guint i = 0; i < G_N_ELEMENTS (in_words); i++)
    {
      g_autofree char *words = without_spaces (in_words[i]);

      ck_assert_msg (strstr (text, words) != NULL, "“%s” is not in the PDF:\n%s", in_words[i], out);
    }
  for (guint i = 0; i < G_N_ELEMENTS (raw); i++)
    ck_assert_msg (strstr (out, raw[i]) == NULL, "the PDF shows the stored “%s”:\n%s", raw[i], out);
}
END_TEST

static Suite *
audit_suite (void)
{
  Suite *suite = suite_create ("audit");
  TCase *tc = tcase_create ("audit");

  tcase_add_checked_fixture (tc, qa_test_setup_demo, qa_test_teardown_tmpdir);
  tcase_add_test (tc, test_changes_are_logged);
  tcase_add_test (tc, test_refusal_is_logged_and_changes_nothing);
  tcase_add_test (tc, test_edited_entry);
  tcase_add_test (tc, test_edited_operator);
  tcase_add_test (tc, test_deleted_entry);
  tcase_add_test (tc, test_deleted_and_renumbered);
  tcase_add_test (tc, test_truncated_tail);
  tcase_add_test (tc, test_inserted_entry);
  tcase_add_test (tc, test_reordered_entries);
  tcase_add_test (tc, test_writes_after_tampering_do_not_heal);
  tcase_add_test (tc, test_filter_and_export);
  tcase_add_test (tc, test_action_labels);
  tcase_add_test (tc, test_described_in_words);
  tcase_add_test (tc, test_restore_is_recorded);
  tcase_add_test (tc, test_pdf_in_words);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return qa_test_run (audit_suite ());
}
