/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The secretariat's register: dossiers, the all-or-nothing CSV import and the stored Art. 13
 * outcome. */

#include "config.h"

#include <string.h>

#include "qa-core.h"
#include "qa-database-private.h"
#include "qa-test.h"

#define HEADER "id,name,credit_code,district,legal_person,founded,accidents_3y,management_system,gbt19580,self_score\n"
#define ROW_A01 "A01,张掖祁连乳业有限公司,91620702MA71QL2K0F,甘州区,yes,2010-05-01,no,yes,yes,612\n"
#define ROW_A02 "A02,甘州区黑河水务集团有限公司,91620702MA71HH8W38,甘州区,是,2023-10-01,否,是,是,\n"
#define ROW_A03 "A03,张掖丝路农产品科技有限公司,91620702MA74TL9N64,甘州区,1,2015-03-02,1,1,0,455.5\n"

static void
setup (void)
{
  g_autofree char *path = NULL;
  g_autoptr(QaDatabase) db = NULL;
  g_autoptr(QaProfile) profile = NULL;
  g_autoptr(GError) error = NULL;

  qa_test_setup_tmpdir ();
  path = g_build_filename (tmpdir, "session.db", NULL);
  db = qa_database_open (path, &error);
  ck_assert_ptr_nonnull (db);
  profile = qa_profile_new_from_id ("ganzhou", &error);
  ck_assert (qa_session_create (db, profile, 2026, "2026-09-30", &error));
  session = qa_session_new (db, &error);
  ck_assert_ptr_nonnull (session);
}

static gboolean
import (const char  *text,
        guint       *n_imported,
        GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return qa_applicants_import_csv (session, bytes, "applicants.csv", n_imported, error);
}

/* Everything the applicant tables hold, to prove a refusal changed nothing. */
static char *
snapshot (void)
{
  QaDatabase *db = qa_session_get_database (session);
  sqlite3_stmt *stmt;

  stmt = _qa_database_prepare (db,
                               "SELECT (SELECT count(*) FROM applicant) || ':' || "
                               "coalesce((SELECT group_concat(id || name || credit_code || status, '|') "
                               "FROM applicant), '') || ':' || "
                               "(SELECT count(*) FROM eligibility) || ':' || "
                               "(SELECT count(*) FROM accident)",
                               NULL);
  ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
  return g_strdup ((const char *)sqlite3_column_text (stmt, 0));
}

static guint
n_applicants (void)
{
  return g_list_model_get_n_items (qa_session_get_applicants (session));
}

START_TEST (test_import_good_file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QaDossier) dossier = NULL;
  guint n = 0;

  ck_assert_msg (import ("\xef\xbb\xbf" HEADER ROW_A01 ROW_A02 ROW_A03, &n, &error),
                 "%s", error ? error->message : "");
  ck_assert_uint_eq (n, 3);
  ck_assert_uint_eq (n_applicants (), 3);

  dossier = qa_applicants_load_dossier (session, "A03", &error);
  ck_assert_ptr_nonnull (dossier);
  ck_assert_str_eq (qa_dossier_get_text (dossier, QA_DOSSIER_NAME), "张掖丝路农产品科技有限公司");
  ck_assert (qa_dossier_get_legal_person (dossier));
  ck_assert (qa_dossier_get_declared_accidents (dossier));
  ck_assert_int_eq (qa_dossier_get_judgement (dossier, 3), QA_CONDITION_PASS);
  ck_assert_int_eq (qa_dossier_get_judgement (dossier, 4), QA_CONDITION_FAIL);
  ck_assert_int_eq (qa_dossier_get_judgement (dossier, 5), QA_CONDITION_PENDING);
  ck_assert (qa_dossier_get_self_score (dossier) == 455.5);

  g_clear_object (&dossier);
  dossier = qa_applicants_load_dossier (session, "A02", &error);
  ck_assert (qa_dossier_get_self_score (dossier) < 0);
}
END_TEST

START_TEST (test_import_columns_in_any_order)
{
  g_autoptr(GError) error = NULL;

  ck_assert_msg (import ("gbt19580,management_system,accidents_3y,founded,legal_person,district,credit_code,name,id\r\n"
                         "true,true,false,2010-05-01,true,甘州区,91620702MA71QL2K0F,张掖祁连乳业有限公司,A01\r\n",
                         NULL, &error),
                 "%s", error ? error->message : "");
  ck_assert_uint_eq (n_applicants (), 1);
}
END_TEST

static void
count_changes (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               gpointer    user_data)
{
  *(guint *)user_data += added;
}

/* The session's applicant list after an import: a list already given out is read again at
 * once (its "items-changed" tells a view), one no one has asked for yet when it is first asked
 * for; both hold the imported applicants, in the order of their references. */
START_TEST (test_import_updates_applicant_list)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QaApplicant) first = NULL;
  GListModel *list = qa_session_get_applicants (session);
  guint added = 0;

  g_signal_connect (list, "items-changed", G_CALLBACK (count_changes), &added);
  ck_assert_msg (import (HEADER ROW_A03 ROW_A01, NULL, &error), "%s", error ? error->message : "");
  ck_assert_uint_eq (added, 2);
  ck_assert_uint_eq (g_list_model_get_n_items (list), 2);
  first = g_list_model_get_item (list, 0);
  ck_assert_str_eq (qa_applicant_get_id (first), "A01");
  g_signal_handlers_disconnect_by_data (list, &added);

  /* A second session on the same file, whose list no one has asked for before the import. */
  {
    g_autoptr(QaSession) other = qa_session_new (qa_session_get_database (session), &error);
    g_autoptr(GBytes) bytes = g_bytes_new_static (HEADER ROW_A02, strlen (HEADER ROW_A02));
    g_autoptr(QaApplicant) last = NULL;

    ck_assert_ptr_nonnull (other);
    ck_assert_msg (qa_applicants_import_csv (other, bytes, "more.csv", NULL, &error),
                   "%s", error ? error->message : "");
    ck_assert_uint_eq (g_list_model_get_n_items (qa_session_get_applicants (other)), 3);
    last = g_list_model_get_item (qa_session_get_applicants (other), 1);
    ck_assert_str_eq (qa_applicant_get_id (last), "A02");
  }
}
END_TEST

/* Each kind of bad row refuses the whole file, names file:line: column, and changes nothing. */
START_TEST (test_import_refusals)
{
  static const struct { const char *text; const char *expected; } cases[] = {
    { HEADER ROW_A01 "A02,Bad Code,91620702MA71HH8W39,甘州区,yes,2010-01-01,no,yes,yes,\n",
      "applicants.csv:3: credit_code: " },
    { HEADER ROW_A01 "A02,x,91620702MA71HH8W38,Ganzhou,yes,2010-01-01,no,yes,yes,\n",
      "applicants.csv:3: district: " },
    { HEADER ROW_A01 "A02,x,91620702MA71HH8W38,甘州区,yes,2999-01-01,no,yes,yes,\n",
      "applicants.csv:3: founded: 2999-01-01 is in the future" },
    { HEADER ROW_A01 "A01,x,91620702MA71HH8W38,甘州区,yes,2010-01-01,no,yes,yes,\n",
      "applicants.csv:3: id: “A01” is also the reference on line 2" },
    { HEADER ROW_A01 "A02,x,91620702MA71QL2K0F,甘州区,yes,2010-01-01,no,yes,yes,\n",
      "applicants.csv:3: credit_code: " },
    { HEADER ROW_A01 "A02,x,91620702MA71HH8W38,甘州区,maybe,2010-01-01,no,yes,yes,\n",
      "applicants.csv:3: legal_person: " },
    { HEADER ROW_A01 "A02,x,91620702MA71HH8W38,甘州区,yes,2010-02-30,no,yes,yes,\n",
      "applicants.csv:3: founded: " },
    { HEADER ROW_A01 "A02,x,91620702MA71HH8W38,甘州区,yes,2010-01-01,no,yes,yes,1200\n",
      "applicants.csv:3: self_score: " },
    { "id,name,credit_code,district,legal_person,founded,accidents_3y,management_system\n",
      "required column “gbt19580” is missing" },
    { "id,name,credit_code,district,legal_person,founded,accidents_3y,management_system,gbt19580,colour\n",
      "unknown column “colour”" },
    { HEADER ROW_A01 "A02,\xb8\xca\xd6\xdd,91620702MA71HH8W38,甘州区,yes,2010-01-01,no,yes,yes,\n",
      "applicants.csv:3: the file is not UTF-8" },
  };
  g_autofree char *before = snapshot ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;
      guint n = 99;

      ck_assert_msg (!import (cases[i].text, &n, &error), "case %u accepted", i);
      ck_assert_msg (strstr (error->message, cases[i].expected) != NULL,
                     "case %u: expected “%s” in “%s”", i, cases[i].expected, error->message);
      ck_assert_uint_eq (n, 0);
      after = snapshot ();
      ck_assert_str_eq (before, after);
    }
}
END_TEST

START_TEST (test_import_names_every_bad_row)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;

  ck_assert (!import (HEADER
                      "A01,x,91620702MA71QL2K0X,甘州区,yes,2010-05-01,no,yes,yes,\n"
                      ROW_A02
                      "A03,y,91620702MA74TL9N64,Ganzhou,yes,2015-03-02,no,yes,yes,\n"
                      "A/4,z,91620702MA71JY3X5Q,甘州区,yes,2015-03-02,no,yes,yes,\n",
                      NULL, &error));
  lines = g_strsplit (error->message, "\n", -1);
  ck_assert_uint_eq (g_strv_length (lines), 3);
  ck_assert (g_str_has_prefix (lines[0], "applicants.csv:2: credit_code: "));
  ck_assert (g_str_has_prefix (lines[1], "applicants.csv:4: district: "));
  ck_assert (g_str_has_prefix (lines[2], "applicants.csv:5: id: "));
  ck_assert_uint_eq (n_applicants (), 0);
}
END_TEST

START_TEST (test_import_clashes_with_registered)
{
  g_autoptr(GError) error = NULL;

  ck_assert (import (HEADER ROW_A01, NULL, &error));
  ck_assert (!import (HEADER ROW_A02 "A09,x,91620702MA71QL2K0F,甘州区,yes,2010-01-01,no,yes,yes,\n",
                      NULL, &error));
  ck_assert_msg (strstr (error->message, "applicants.csv:3: credit_code: applicant A01 is already registered") != NULL,
                 "%s", error->message);
  ck_assert_uint_eq (n_applicants (), 1);
}
END_TEST

START_TEST (test_store_eligibility)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QaApplicant) a01 = NULL;
  g_autoptr(QaApplicant) a02 = NULL;
  g_autoptr(QaApplicant) a03 = NULL;
  GListModel *applicants;

  ck_assert (import (HEADER ROW_A01 ROW_A02 ROW_A03, NULL, &error));
  ck_assert (qa_applicants_store_eligibility (session, &error));

  applicants = qa_session_get_applicants (session);
  a01 = g_list_model_get_item (applicants, 0);
  a02 = g_list_model_get_item (applicants, 1);
  a03 = g_list_model_get_item (applicants, 2);

  /* A01 awaits the judgement of Art. 13(5); A02 is too young; A03 declared an accident. */
  ck_assert_int_eq (qa_applicant_get_eligibility (a01), QA_ELIGIBILITY_PENDING);
  ck_assert_int_eq (qa_applicant_get_status (a01), QA_APPLICANT_STATUS_APPLIED);
  ck_assert_int_eq (qa_applicant_get_eligibility (a02), QA_ELIGIBILITY_INELIGIBLE);
  ck_assert_int_eq (qa_applicant_get_status (a02), QA_APPLICANT_STATUS_NOT_ACCEPTED);
  ck_assert_int_eq (qa_applicant_get_status (a03), QA_APPLICANT_STATUS_NOT_ACCEPTED);

  ck_assert (qa_applicants_judge (session, "A01", 5, TRUE, "品牌影响力达到国内领先水平", &error));
  ck_assert (qa_applicants_store_eligibility (session, &error));
  g_clear_object (&a01);
  a01 = g_list_model_get_item (applicants, 0);
  ck_assert_int_eq (qa_applicant_get_eligibility (a01), QA_ELIGIBILITY_ELIGIBLE);
  ck_assert_int_eq (qa_applicant_get_status (a01), QA_APPLICANT_STATUS_ELIGIBLE);
}
END_TEST

START_TEST (test_judge_refusals)
{
  g_autoptr(GError) error = NULL;

  ck_assert (import (HEADER ROW_A01, NULL, &error));
  ck_assert (!qa_applicants_judge (session, "A01", 1, TRUE, NULL, &error));
  ck_assert (g_error_matches (error, QA_DOSSIER_ERROR, QA_DOSSIER_ERROR_INVALID));
  g_clear_error (&error);
  ck_assert (!qa_applicants_judge (session, "A99", 5, TRUE, NULL, &error));
  ck_assert (g_error_matches (error, QA_DOSSIER_ERROR, QA_DOSSIER_ERROR_NOT_FOUND));
}
END_TEST

START_TEST (test_override_needs_reason)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QaEligibilityReport) report = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gboolean eligible = TRUE;

  ck_assert (import (HEADER ROW_A02, NULL, &error));
  ck_assert (qa_applicants_store_eligibility (session, &error));
  before = snapshot ();

  ck_assert (!qa_applicants_override (session, "A02", TRUE, "   ", &error));
  ck_assert (g_error_matches (error, QA_DOSSIER_ERROR, QA_DOSSIER_ERROR_INVALID));
  g_clear_error (&error);
  ck_assert (!qa_applicants_override (session, "A02", TRUE, NULL, &error));
  g_clear_error (&error);
  after = snapshot ();
  ck_assert_str_eq (before, after);

  report = qa_applicants_check_eligibility (session, "A02", &eligible, &reason, &error);
  ck_assert (!eligible);
  ck_assert_ptr_null (reason);
  g_clear_pointer (&report, qa_eligibility_report_free);

  ck_assert (qa_applicants_override (session, "A02", TRUE, "经评审委员会研究，按实际经营年限认定", &error));
  report = qa_applicants_check_eligibility (session, "A02", &eligible, &reason, &error);
  ck_assert (eligible);
  ck_assert_str_eq (reason, "经评审委员会研究，按实际经营年限认定");
  /* The facts still fail; the override and its reason are what decide. */
  ck_assert_int_eq (report->conditions[0].result, QA_CONDITION_FAIL);
}
END_TEST

START_TEST (test_save_dossier)
{
  g_autoptr(QaDossier) dossier = qa_dossier_new ();
  g_autoptr(QaDossier) loaded = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *accidents;

  qa_dossier_set_text (dossier, QA_DOSSIER_ID, "A10");
  qa_dossier_set_text (dossier, QA_DOSSIER_NAME, "张掖市甘州区新星机械制造有限公司");
  qa_dossier_set_text (dossier, QA_DOSSIER_CREDIT_CODE, "91620702MA71HH8W3X");
  qa_dossier_set_text (dossier, QA_DOSSIER_DISTRICT, "甘州区");
  qa_dossier_set_text (dossier, QA_DOSSIER_FOUNDED, "2012-04-18");
  qa_dossier_set_text (dossier, QA_DOSSIER_EMAIL, "not-an-address");

  /* Two problems, both named at once, nothing stored. */
  ck_assert (!qa_applicants_save_dossier (session, dossier, &error));
  ck_assert (g_error_matches (error, QA_DOSSIER_ERROR, QA_DOSSIER_ERROR_INVALID));
  ck_assert_msg (strstr (error->message, "credit_code: ") != NULL, "%s", error->message);
  ck_assert_msg (strstr (error->message, "email: ") != NULL, "%s", error->message);
  ck_assert_uint_eq (n_applicants (), 0);
  g_clear_error (&error);

  qa_dossier_set_text (dossier, QA_DOSSIER_CREDIT_CODE, "91620702MA71HH8W38");
  qa_dossier_set_text (dossier, QA_DOSSIER_EMAIL, "zhiliang@example.cn");
  qa_dossier_add_accident (dossier, "2024-06-01", "safety", "车间叉车伤人事故");
  qa_dossier_add_certificate (dossier, "GB/T 19001-2016", "00123Q45678R0M", "中国质量认证中心", "2027-05-31");
  qa_dossier_add_indicator (dossier, 2025, "营业收入", 12850.5, "万元");
  qa_dossier_set_judgement (dossier, 5, QA_CONDITION_PASS, "行业领先");
  ck_assert_msg (qa_applicants_save_dossier (session, dossier, &error), "%s", error ? error->message : "");
  ck_assert_uint_eq (n_applicants (), 1);

  loaded = qa_applicants_load_dossier (session, "A10", &error);
  ck_assert_str_eq (qa_dossier_get_text (loaded, QA_DOSSIER_EMAIL), "zhiliang@example.cn");
  accidents = qa_dossier_get_accidents (loaded);
  ck_assert_uint_eq (accidents->len, 1);
  ck_assert_str_eq (((QaAccidentFact *)g_ptr_array_index (accidents, 0))->description, "车间叉车伤人事故");
  ck_assert_uint_eq (qa_dossier_get_certificates (loaded)->len, 1);
  ck_assert_uint_eq (qa_dossier_get_indicators (loaded)->len, 1);
  ck_assert_int_eq (qa_dossier_get_judgement (loaded, 5), QA_CONDITION_PASS);
  ck_assert_str_eq (qa_dossier_get_judgement_note (loaded, 5), "行业领先");

  /* The recorded accident makes Art. 13(2) fail. */
  {
    g_autoptr(QaEligibilityReport) report = NULL;
    gboolean eligible = TRUE;

    report = qa_applicants_check_eligibility (session, "A10", &eligible, NULL, &error);
    ck_assert (!eligible);
    ck_assert_int_eq (report->conditions[1].result, QA_CONDITION_FAIL);
  }
}
END_TEST

START_TEST (test_validate_text)
{
  g_autoptr(GError) error = NULL;

  ck_assert (qa_dossier_validate_text (QA_DOSSIER_CREDIT_CODE, "91440300708461136T", NULL, &error));
  ck_assert (!qa_dossier_validate_text (QA_DOSSIER_CREDIT_CODE, "91440300708461136X", NULL, &error));
  ck_assert_msg (strstr (error->message, "“T”") != NULL, "%s", error->message);
  g_clear_error (&error);
  ck_assert (qa_dossier_validate_text (QA_DOSSIER_FOUNDED, "2026-11-25", "2026-11-25", &error));
  ck_assert (!qa_dossier_validate_text (QA_DOSSIER_FOUNDED, "2026-11-26", "2026-11-25", &error));
  g_clear_error (&error);
  ck_assert (qa_dossier_validate_text (QA_DOSSIER_DISTRICT, "肃南裕固族自治县", NULL, &error));
  ck_assert (!qa_dossier_validate_text (QA_DOSSIER_DISTRICT, "甘州", NULL, &error));
  g_clear_error (&error);
  ck_assert (qa_dossier_validate_text (QA_DOSSIER_PHONE, NULL, NULL, &error));
  ck_assert (!qa_dossier_validate_text (QA_DOSSIER_NAME, "  ", NULL, &error));
}
END_TEST


/* 12.21: accidents_3y is a count; yes/no still read. Art. 13(2) fails for any count above 0. */
START_TEST (test_import_accident_count)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QaDossier) a04 = NULL;
  g_autoptr(QaDossier) a01 = NULL;
  g_autoptr(QaApplicant) applicant = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  ck_assert_msg (import (HEADER ROW_A01
                         "A04,甘州区金张掖玉米种业股份有限公司,91620702MA71JY3X5Q,甘州区,yes,2010-01-01,2,yes,yes,\n",
                         NULL, &error),
                 "%s", error ? error->message : "");
  a04 = qa_applicants_load_dossier (session, "A04", &error);
  ck_assert_uint_eq (qa_dossier_get_accident_count (a04), 2);
  ck_assert (qa_dossier_get_declared_accidents (a04));
  a01 = qa_applicants_load_dossier (session, "A01", &error);
  ck_assert_uint_eq (qa_dossier_get_accident_count (a01), 0);

  ck_assert (qa_applicants_store_eligibility (session, &error));
  applicant = g_list_model_get_item (qa_session_get_applicants (session), 1);
  ck_assert_str_eq (qa_applicant_get_id (applicant), "A04");
  ck_assert_int_eq (qa_applicant_get_eligibility (applicant), QA_ELIGIBILITY_INELIGIBLE);

  before = snapshot ();
  ck_assert (!import (HEADER "A05,某公司,91620702MA72HD5C8X,甘州区,yes,2010-01-01,-1,yes,yes,\n"
                             "A06,另一公司,91620702MA71DX6L1X,甘州区,yes,2010-01-01,two,yes,yes,\n",
                      NULL, &error));
  ck_assert_msg (strstr (error->message, "applicants.csv:2: accidents_3y:") != NULL, "%s", error->message);
  ck_assert_msg (strstr (error->message, "applicants.csv:3: accidents_3y:") != NULL, "%s", error->message);
  after = snapshot ();
  ck_assert_str_eq (before, after);
}
END_TEST

/* 13.3 for duplicates: the same organisation under an invisible or full-width difference. */
START_TEST (test_import_same_name_refused)
{
  g_autoptr(GError) error = NULL;

  ck_assert (import (HEADER ROW_A01, NULL, &error));
  ck_assert (!import (HEADER "A09,张掖祁连乳业有限公司\u3000,91620702MA71HH8W38,甘州区,yes,2010-01-01,0,yes,yes,\n",
                      NULL, &error));
  ck_assert_msg (strstr (error->message, "applicants.csv:2: name:") != NULL &&
                 strstr (error->message, "A01") != NULL, "%s", error->message);
  g_clear_error (&error);

  ck_assert (!import (HEADER "B1,Ｑｉｌｉａｎ　Ｄａｉｒｙ,91620702MA71HH8W38,甘州区,yes,2010-01-01,0,yes,yes,\n"
                             "B2,qilian\u200bdairy,91620702MA74TL9N64,甘州区,yes,2010-01-01,0,yes,yes,\n",
                      NULL, &error));
  ck_assert_msg (strstr (error->message, "applicants.csv:3: name:") != NULL &&
                 strstr (error->message, "line 2") != NULL, "%s", error->message);
  ck_assert_uint_eq (n_applicants (), 1);
}
END_TEST

typedef struct
{
  char     *path;
  gboolean  ok;
  GError   *error;
} RacingImport;

static gpointer
racing_import_thread (gpointer data)
{
  RacingImport *race = data;
  g_autoptr(QaDatabase) db = qa_database_open (race->path, &race->error);
  g_autoptr(QaSession) other = db != NULL ? qa_session_new (db, &race->error) : NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (HEADER ROW_A01, strlen (HEADER ROW_A01));

  if (other != NULL)
    race->ok = qa_applicants_import_csv (other, bytes, "second.csv", NULL, &race->error);
  return NULL;
}

/* 13.4: another writer registers A01 after this import checked the file and before it writes:
 * the import must see it (the check runs inside the write transaction) and refuse, never
 * overwrite the other writer's row. */
START_TEST (test_concurrent_import_refused)
{
  QaDatabase *db = qa_session_get_database (session);
  RacingImport race = { NULL, FALSE, NULL };
  g_autofree char *name = NULL;
  GThread *thread;
  sqlite3_stmt *stmt;

  race.path = g_strdup (qa_database_get_path (db));

  /* The first writer holds the write lock with its A01 not yet committed. */
  ck_assert (_qa_database_exec (db, "BEGIN IMMEDIATE", NULL));
  ck_assert (_qa_database_exec (db, "INSERT INTO applicant (id, name, credit_code, district, "
                                    "legal_person, founded, created_at) VALUES ('A01', '第一个写入者', "
                                    "'91620702MA71QL2K0F', '甘州区', 1, '2010-05-01', '2026-01-01')",
                                NULL));
  thread = g_thread_new ("racing-import", racing_import_thread, &race);
  g_usleep (G_USEC_PER_SEC / 2);   /* the second import has read the file and waits for the lock */
  ck_assert (_qa_database_exec (db, "COMMIT", NULL));
  g_thread_join (thread);

  ck_assert_msg (!race.ok, "the second import overwrote the first writer's A01");
  ck_assert_msg (race.error != NULL && strstr (race.error->message, "second.csv:2: id:") != NULL &&
                 strstr (race.error->message, "A01") != NULL,
                 "%s", race.error ? race.error->message : "");
  stmt = _qa_database_prepare (db, "SELECT name FROM applicant WHERE id = 'A01'", NULL);
  ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
  name = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  ck_assert_str_eq (name, "第一个写入者");

  g_clear_error (&race.error);
  g_free (race.path);
}
END_TEST

/* A session of schema 1 is upgraded in place: every row kept, children included, the keys
 * computed, accidents counted. */
START_TEST (test_migration_keeps_rows)
{
  g_autofree char *path = g_build_filename (tmpdir, "v1.db", NULL);
  g_autofree char *sql_path = g_build_filename (g_getenv ("QA_SOURCE_DIR"), "src", "core", "sql",
                                                "0001-initial.sql", NULL);
  g_autofree char *schema = NULL;
  g_autoptr(QaDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *raw = NULL;
  sqlite3_stmt *stmt;

  ck_assert (g_file_get_contents (sql_path, &schema, NULL, NULL));
  ck_assert_int_eq (sqlite3_open (path, &raw), SQLITE_OK);
  ck_assert_int_eq (sqlite3_exec (raw, schema, NULL, NULL, NULL), SQLITE_OK);
  ck_assert_int_eq (sqlite3_exec (raw,
                                  "PRAGMA application_id = 1363235414; PRAGMA user_version = 1;"
                                  "INSERT INTO applicant (id, name, credit_code, district, legal_person, "
                                  "founded, accidents_3y, created_at) VALUES ('A01', '张掖祁连乳业有限公司　', "
                                  "'91620702MA71QL2K0F', '甘州区', 1, '2010-05-01', 1, '2026-01-01');"
                                  "INSERT INTO accident (applicant_id, date, kind) VALUES ('A01', '2025-01-01', 'safety');"
                                  "INSERT INTO expert (id, name, employer, experience_years, trained, ethics) "
                                  "VALUES ('E01', '王', '张掖祁连乳业有限公司', 9, 1, 1);",
                                  NULL, NULL, NULL), SQLITE_OK);
  sqlite3_close (raw);

  db = qa_database_open (path, &error);
  ck_assert_msg (db != NULL, "%s", error ? error->message : "");
  ck_assert_int_eq (qa_database_get_schema_version (db), QA_DATABASE_SCHEMA_VERSION);

  stmt = _qa_database_prepare (db, "SELECT (SELECT count(*) FROM accident), "
                                   "(SELECT name_key FROM applicant), (SELECT employer_key FROM expert), "
                                   "(SELECT count(*) FROM pragma_foreign_key_list('accident') "
                                   "WHERE \"table\" = 'applicant')",
                               NULL);
  ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
  ck_assert_int_eq (sqlite3_column_int (stmt, 0), 1);
  ck_assert_str_eq ((const char *)sqlite3_column_text (stmt, 1), "张掖祁连乳业有限公司");
  ck_assert_str_eq ((const char *)sqlite3_column_text (stmt, 2), "张掖祁连乳业有限公司");
  ck_assert_int_eq (sqlite3_column_int (stmt, 3), 1);
  sqlite3_reset (stmt);

  /* Foreign keys are on again, and a count of 3 now fits. */
  ck_assert (!_qa_database_exec (db, "INSERT INTO accident (applicant_id, date, kind) "
                                     "VALUES ('A99', '2025-01-01', 'safety')", NULL));
  ck_assert (_qa_database_exec (db, "UPDATE applicant SET accidents_3y = 3", &error));
}
END_TEST


/* 13.8: every free text of a dossier goes through the one validator, the lists' too. */
START_TEST (test_dossier_free_text_validated)
{
  g_autoptr(QaDossier) dossier = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  ck_assert (import (HEADER ROW_A01, NULL, &error));
  dossier = qa_applicants_load_dossier (session, "A01", &error);
  qa_dossier_add_accident (dossier, "2025-01-01", "safety", "描述\x1b[2J");
  qa_dossier_add_certificate (dossier, "GB/T 19001-2016", "No.\n1", NULL, NULL);
  qa_dossier_add_indicator (dossier, 2025, "营业收入\f", 1.0, "万元");
  qa_dossier_set_text (dossier, QA_DOSSIER_NOTES, "备\r注");
  problems = qa_dossier_check (dossier, NULL, 1000);
  ck_assert_uint_eq (problems->len, 4);

  before = snapshot ();
  ck_assert (!qa_applicants_save_dossier (session, dossier, &error));
  ck_assert_msg (strstr (error->message, "accidents:") != NULL && strstr (error->message, "U+001B") != NULL,
                 "%s", error->message);
  after = snapshot ();
  ck_assert_str_eq (before, after);
}
END_TEST

static Suite *
applicants_suite (void)
{
  Suite *suite = suite_create ("applicants");
  TCase *tc = tcase_create ("applicants");

  tcase_add_checked_fixture (tc, setup, qa_test_teardown_tmpdir);
  tcase_add_test (tc, test_import_good_file);
  tcase_add_test (tc, test_import_columns_in_any_order);
  tcase_add_test (tc, test_import_updates_applicant_list);
  tcase_add_test (tc, test_import_refusals);
  tcase_add_test (tc, test_import_names_every_bad_row);
  tcase_add_test (tc, test_import_clashes_with_registered);
  tcase_add_test (tc, test_store_eligibility);
  tcase_add_test (tc, test_judge_refusals);
  tcase_add_test (tc, test_override_needs_reason);
  tcase_add_test (tc, test_save_dossier);
  tcase_add_test (tc, test_validate_text);
  tcase_add_test (tc, test_import_accident_count);
  tcase_add_test (tc, test_import_same_name_refused);
  tcase_add_test (tc, test_concurrent_import_refused);
  tcase_add_test (tc, test_migration_keeps_rows);
  tcase_add_test (tc, test_dossier_free_text_validated);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return qa_test_run (applicants_suite ());
}
