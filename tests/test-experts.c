/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The expert pool: the all-or-nothing imports of experts and declared ties, declarations,
 * penalties (Art. 23) and the ties found automatically. */

#include "config.h"

#include <string.h>

#include "qa-core.h"
#include "qa-database-private.h"
#include "qa-names-private.h"
#include "qa-test.h"

#define EXPERT_HEADER "id,name,employer,experience_years,trained,ethics,specialty\n"
#define CONFLICT_HEADER "expert_id,applicant_id,reason\n"

static gboolean
import_experts (const char  *text,
                guint       *n_imported,
                GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return qa_experts_import_csv (session, bytes, "experts.csv", n_imported, error);
}

static gboolean
import_conflicts (const char  *text,
                  guint       *n_imported,
                  GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return qa_experts_import_conflicts_csv (session, bytes, "conflicts.csv", n_imported, error);
}

/* Everything the pool tables hold, to prove a refusal changed nothing. */
static char *
snapshot (void)
{
  sqlite3_stmt *stmt;

  stmt = _qa_database_prepare (qa_session_get_database (session),
                               "SELECT coalesce((SELECT group_concat(id || name || employer || "
                               "experience_years || trained || ethics || status || "
                               "coalesce(status_reason, '') || coalesce(credit_code, ''), '|') "
                               "FROM expert), '') || ':' || "
                               "coalesce((SELECT group_concat(expert_id || applicant_id || kind || "
                               "source || coalesce(reason, ''), '|') FROM conflict), '') || ':' || "
                               "coalesce((SELECT group_concat(expert_id || declared_at, '|') "
                               "FROM declaration), '')",
                               NULL);
  ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
  return g_strdup ((const char *)sqlite3_column_text (stmt, 0));
}

static int
count_audit (const char *action)
{
  return (int)qa_test_count_audit (qa_session_get_database (session), action);
}

static void
assert_audit_verifies (void)
{
  g_autoptr(GError) error = NULL;

  ck_assert_msg (qa_audit_verify (qa_session_get_database (session), NULL, NULL, &error),
                 "%s", error ? error->message : "");
}

static QaExpert *
expert (const char *id)
{
  QaExpert *found = qa_experts_lookup (session, id);

  ck_assert_msg (found != NULL, "no expert %s", id);
  return found;
}

static guint
n_experts (void)
{
  return g_list_model_get_n_items (qa_session_get_experts (session));
}

/* Whether the ties of @expert_id with @applicant_id include one from @source. */
static const QaTie *
find_tie (GPtrArray        *ties,
          QaConflictSource  source)
{
  for (guint i = 0; i < ties->len; i++)
    {
      const QaTie *tie = g_ptr_array_index (ties, i);

      if (tie->source == source)
        return tie;
    }
  return NULL;
}

START_TEST (test_demo_pool)
{
  g_autoptr(QaExpert) e01 = expert ("E01");
  g_autoptr(QaExpert) e08 = expert ("E08");
  g_autoptr(QaExpert) e09 = expert ("E09");
  QaPanelMemberFacts facts;

  ck_assert_uint_eq (n_experts (), 12);
  {
    guint n_experts = 0;

    ck_assert (qa_session_count_experts (session, &n_experts, NULL));
    ck_assert_uint_eq (n_experts, 12);
  }

  ck_assert_str_eq (qa_expert_get_name (e01), "王建国");
  ck_assert (qa_expert_get_declared (e01));
  ck_assert_ptr_nonnull (qa_expert_get_declared_at (e01));
  ck_assert_int_eq (qa_expert_get_status (e01), QA_EXPERT_STATUS_ACTIVE);
  ck_assert_int_eq (qa_expert_get_panel_role (e01, QA_STAGE_MATERIAL), QA_PANEL_ROLE_NONE);

  ck_assert_uint_eq (qa_expert_get_experience_years (e08), 4);
  ck_assert (!qa_expert_get_trained (e09));
  ck_assert (!qa_expert_get_declared (e09));

  qa_expert_get_panel_facts (e08, &facts);
  ck_assert_str_eq (facts.id, "E08");
  ck_assert_uint_eq (facts.experience_years, 4);
  ck_assert (facts.trained && facts.ethics && facts.declared);
}
END_TEST

START_TEST (test_import_experts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QaExpert) e10 = NULL;
  g_autoptr(QaExpert) e12 = NULL;
  guint n = 0;

  ck_assert_msg (import_experts ("\xef\xbb\xbf"
                                 "specialty,ethics,trained,experience_years,employer,name,id,employer_credit_code\n"
                                 "战略管理,是,是,12,张掖市发展和改革委员会,马国栋,E20,\n"
                                 ",yes,no,5,兰州大学管理学院,\"刘, 晓\",E21,\n"
                                 "财务,1,1,8,黑河水务,韩梅,E22,91620702MA71HH8W38\n",
                                 &n, &error),
                 "%s", error ? error->message : "");
  ck_assert_uint_eq (n, 3);
  ck_assert_uint_eq (n_experts (), 15);
  ck_assert_int_eq (count_audit ("expert.import"), 3);
  assert_audit_verifies ();

  e10 = expert ("E20");
  ck_assert_str_eq (qa_expert_get_employer (e10), "张掖市发展和改革委员会");
  ck_assert_str_eq (qa_expert_get_specialty (e10), "战略管理");
  ck_assert_uint_eq (qa_expert_get_experience_years (e10), 12);
  ck_assert (qa_expert_get_trained (e10) && qa_expert_get_ethics (e10));
  /* The session declaration is signed separately, not by the import. */
  ck_assert (!qa_expert_get_declared (e10));
  ck_assert_ptr_null (qa_expert_get_employer_credit_code (e10));

  e12 = expert ("E22");
  ck_assert_str_eq (qa_expert_get_employer_credit_code (e12), "91620702MA71HH8W38");

  {
    g_autoptr(QaExpert) e11 = expert ("E21");

    ck_assert_str_eq (qa_expert_get_name (e11), "刘, 晓");
    ck_assert (!qa_expert_get_trained (e11));
  }
}
END_TEST

/* Every bad row is named in one refusal, and nothing is stored. */
START_TEST (test_import_experts_refusals)
{
  static const char * const expected[] = {
    "experts.csv:2: id: ",
    "experts.csv:3: experience_years: “five” is not a whole number of years from 0 to 70",
    "experts.csv:4: trained: “maybe” is not yes/no, true/false, 1/0 or 是/否",
    "experts.csv:5: id: “E20” is also the reference on line 3",
    "experts.csv:6: id: expert E01 is already in the pool",
    "experts.csv:7: name: is required",
    "experts.csv:8: employer: is required",
    "experts.csv:9: experience_years: “-3” is not a whole number of years from 0 to 70",
    "experts.csv:10: ethics: “” is not yes/no, true/false, 1/0 or 是/否",
  };
  g_autofree char *before = snapshot ();
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 99;

  ck_assert (!import_experts (EXPERT_HEADER
                              "E 1,甲,单位,10,yes,yes,\n"
                              "E20,乙,单位,five,yes,yes,\n"
                              "E21,丙,单位,10,maybe,yes,\n"
                              "E20,丁,单位,10,yes,yes,\n"
                              "E01,戊,单位,10,yes,yes,\n"
                              "E23,,单位,10,yes,yes,\n"
                              "E24,己,,10,yes,yes,\n"
                              "E25,庚,单位,-3,yes,yes,\n"
                              "E26,辛,单位,10,yes,,\n"
                              "E27,壬,单位,10,yes,yes,\n",
                              &n, &error));
  ck_assert (g_error_matches (error, QA_EXPERTS_ERROR, QA_EXPERTS_ERROR_INVALID));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    ck_assert_msg (strstr (error->message, expected[i]) != NULL, "expected “%s” in:\n%s",
                   expected[i], error->message);
  /* The good row is not named, and not stored either. */
  ck_assert (strstr (error->message, "experts.csv:11") == NULL);
  ck_assert_uint_eq (n, 0);
  ck_assert_uint_eq (n_experts (), 12);
  after = snapshot ();
  ck_assert_str_eq (before, after);
  /* The refusal itself is noted, and nothing imported is. */
  ck_assert_int_eq (count_audit ("expert.import.refused"), 1);
  ck_assert_int_eq (count_audit ("expert.import"), 0);

  g_clear_error (&error);
  ck_assert (!import_experts ("id,name,employer,trained,ethics\n", NULL, &error));
  ck_assert (strstr (error->message, "experience_years") != NULL);
  g_clear_error (&error);
  ck_assert (!import_experts (EXPERT_HEADER "E20,甲,单位,10,yes,yes,,\n", NULL, &error));
  g_clear_error (&error);
  ck_assert (!import_experts ("id,name,employer,experience_years,trained,ethics,hobby\n", NULL, &error));
  ck_assert (strstr (error->message, "hobby") != NULL);
  g_clear_error (&error);
  ck_assert (!import_experts ("id,name,employer,experience_years,trained,ethics,employer_credit_code\n"
                              "E20,甲,单位,10,yes,yes,91620702MA71HH8W39\n",
                              NULL, &error));
  ck_assert_msg (strstr (error->message, "experts.csv:2: employer_credit_code: ") != NULL,
                 "%s", error->message);

  g_free (after);
  after = snapshot ();
  ck_assert_str_eq (before, after);
}
END_TEST

START_TEST (test_import_conflicts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ties = NULL;
  guint n = 0;

  ck_assert_msg (import_conflicts ("expert_id,applicant_id,reason,kind\n"
                                   "E01,A01,曾任该公司质量顾问,consultant\n"
                                   "E03,A07,兄弟在该医院任职,\n",
                                   &n, &error),
                 "%s", error ? error->message : "");
  ck_assert_uint_eq (n, 2);

  ties = qa_experts_get_ties (session, "E01", "A01", &error);
  ck_assert_uint_eq (ties->len, 1);
  ck_assert_int_eq (((QaTie *)ties->pdata[0])->kind, QA_CONFLICT_CONSULTANT);
  ck_assert_int_eq (((QaTie *)ties->pdata[0])->source, QA_CONFLICT_DECLARED);
  ck_assert_str_eq (((QaTie *)ties->pdata[0])->reason, "曾任该公司质量顾问");
  g_clear_pointer (&ties, g_ptr_array_unref);

  ties = qa_experts_get_ties (session, "E03", "A07", &error);
  ck_assert_uint_eq (ties->len, 1);
  ck_assert_int_eq (((QaTie *)ties->pdata[0])->kind, QA_CONFLICT_OTHER);
  ck_assert_int_eq (count_audit ("conflict.import"), 2);
}
END_TEST

START_TEST (test_import_conflicts_refusals)
{
  static const char * const expected[] = {
    "conflicts.csv:2: expert_id: there is no expert “E99” in the pool",
    "conflicts.csv:3: applicant_id: there is no applicant “A99” in this session",
    "conflicts.csv:4: applicant_id: the tie of E04 with A02 (employer) is already recorded",
    "conflicts.csv:5: kind: “cousin” is not employer, former_employer, consultant, relative, competitor or other",
    "conflicts.csv:7: applicant_id: the same tie of E01 with A01 is also on line 6",
  };
  g_autofree char *before = snapshot ();
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 99;

  ck_assert (!import_conflicts ("expert_id,applicant_id,reason,kind\n"
                                "E99,A01,x,\n"
                                "E01,A99,x,\n"
                                "E04,A02,x,employer\n"
                                "E05,A05,x,cousin\n"
                                "E01,A01,x,other\n"
                                "E01,A01,again,other\n",
                                &n, &error));
  ck_assert (g_error_matches (error, QA_EXPERTS_ERROR, QA_EXPERTS_ERROR_INVALID));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    ck_assert_msg (strstr (error->message, expected[i]) != NULL, "expected “%s” in:\n%s",
                   expected[i], error->message);
  ck_assert (strstr (error->message, "conflicts.csv:6") == NULL);
  ck_assert_uint_eq (n, 0);

  g_clear_error (&error);
  ck_assert (!import_conflicts ("expert_id,applicant_id\nE01,A01\n", NULL, &error));
  ck_assert (strstr (error->message, "reason") != NULL);

  after = snapshot ();
  ck_assert_str_eq (before, after);
}
END_TEST

/* An expert employed by an applicant is tied to it with no row in the conflict table: by the
 * employer's name, or by its credit code when recorded. */
START_TEST (test_automatic_conflicts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) e04 = NULL;
  g_autoptr(GPtrArray) e20 = NULL;
  g_autoptr(GPtrArray) e21 = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) all = NULL;
  const QaTie *tie;

  /* E04 works for A02 (甘州区黑河水务集团有限公司) and also declared it. */
  e04 = qa_experts_get_ties (session, "E04", "A02", &error);
  ck_assert_uint_eq (e04->len, 2);
  tie = find_tie (e04, QA_CONFLICT_AUTOMATIC);
  ck_assert_ptr_nonnull (tie);
  ck_assert_int_eq (tie->kind, QA_CONFLICT_EMPLOYER);
  ck_assert_str_eq (tie->reason, "the expert’s employer is the applicant");
  ck_assert_ptr_nonnull (find_tie (e04, QA_CONFLICT_DECLARED));

  ck_assert_msg (import_experts ("id,name,employer,experience_years,trained,ethics,employer_credit_code\n"
                                 "E20,高峰,张掖祁连乳业有限公司,10,yes,yes,\n"
                                 "E21,罗敏,康源医院,10,yes,yes,91620702MA73KY7Y4A\n",
                                 NULL, &error),
                 "%s", error ? error->message : "");

  e20 = qa_experts_get_ties (session, "E20", "A01", &error);
  ck_assert_uint_eq (e20->len, 1);
  ck_assert_int_eq (((QaTie *)e20->pdata[0])->source, QA_CONFLICT_AUTOMATIC);

  e21 = qa_experts_get_ties (session, "E21", "A07", &error);
  ck_assert_uint_eq (e21->len, 1);
  ck_assert_str_eq (((QaTie *)e21->pdata[0])->reason,
                    "the expert’s employer has the applicant’s credit code");

  none = qa_experts_get_ties (session, "E01", "A01", &error);
  ck_assert_uint_eq (none->len, 0);

  /* The matrix: three declared, E04–A02, E20–A01 and E21–A07 found. */
  all = qa_experts_list_ties (session, &error);
  ck_assert_uint_eq (all->len, 6);
  ck_assert_str_eq (((QaTie *)all->pdata[0])->expert_id, "E02");
}
END_TEST

START_TEST (test_add_conflict)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ties = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  ck_assert_msg (qa_experts_add_conflict (session, "E05", "A01", QA_CONFLICT_FORMER_EMPLOYER,
                                          QA_CONFLICT_SECRETARIAT, "  2024年前在该公司任职 ", &error),
                 "%s", error ? error->message : "");
  ties = qa_experts_get_ties (session, "E05", "A01", &error);
  ck_assert_uint_eq (ties->len, 1);
  ck_assert_int_eq (((QaTie *)ties->pdata[0])->source, QA_CONFLICT_SECRETARIAT);
  ck_assert_int_eq (((QaTie *)ties->pdata[0])->kind, QA_CONFLICT_FORMER_EMPLOYER);
  ck_assert_str_eq (((QaTie *)ties->pdata[0])->reason, "2024年前在该公司任职");

  before = snapshot ();
  ck_assert (!qa_experts_add_conflict (session, "E05", "A01", QA_CONFLICT_FORMER_EMPLOYER,
                                       QA_CONFLICT_SECRETARIAT, NULL, &error));
  ck_assert (g_error_matches (error, QA_EXPERTS_ERROR, QA_EXPERTS_ERROR_DUPLICATE));
  g_clear_error (&error);
  ck_assert (!qa_experts_add_conflict (session, "E99", "A01", QA_CONFLICT_OTHER,
                                       QA_CONFLICT_SECRETARIAT, NULL, &error));
  ck_assert (g_error_matches (error, QA_EXPERTS_ERROR, QA_EXPERTS_ERROR_NOT_FOUND));
  ck_assert (strstr (error->message, "E99") != NULL);
  g_clear_error (&error);
  ck_assert (!qa_experts_add_conflict (session, "E05", "A99", QA_CONFLICT_OTHER,
                                       QA_CONFLICT_DECLARED, NULL, &error));
  ck_assert (strstr (error->message, "A99") != NULL);
  g_clear_error (&error);
  ck_assert (!qa_experts_add_conflict (session, "E05", "A02", QA_CONFLICT_OTHER,
                                       QA_CONFLICT_DECLARED, "bell\a", &error));
  ck_assert (g_error_matches (error, QA_EXPERTS_ERROR, QA_EXPERTS_ERROR_INVALID));
  after = snapshot ();
  ck_assert_str_eq (before, after);
}
END_TEST

START_TEST (test_declare)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  ck_assert (qa_experts_declare (session, "E09", &error));
  {
    g_autoptr(QaExpert) e09 = expert ("E09");

    ck_assert (qa_expert_get_declared (e09));
    first = g_strdup (qa_expert_get_declared_at (e09));
  }

  ck_assert_int_eq (count_audit ("expert.declare"), 1);

  /* Declaring again keeps the date of the first declaration, and notes nothing. */
  ck_assert (qa_experts_declare (session, "E09", &error));
  ck_assert_int_eq (count_audit ("expert.declare"), 1);
  {
    g_autoptr(QaExpert) e09 = expert ("E09");

    ck_assert_str_eq (qa_expert_get_declared_at (e09), first);
  }

  before = snapshot ();
  ck_assert (!qa_experts_declare (session, "E99", &error));
  ck_assert (g_error_matches (error, QA_EXPERTS_ERROR, QA_EXPERTS_ERROR_NOT_FOUND));
  after = snapshot ();
  ck_assert_str_eq (before, after);
}
END_TEST

/* Art. 23 (penalties): a status changes only with a written reason, and a disqualification is
 * final. */
START_TEST (test_penalties)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  before = snapshot ();
  ck_assert (!qa_experts_set_status (session, "E05", QA_EXPERT_STATUS_SUSPENDED, "   ", &error));
  ck_assert (g_error_matches (error, QA_EXPERTS_ERROR, QA_EXPERTS_ERROR_INVALID));
  ck_assert (strstr (error->message, "Art. 23 (penalties)") != NULL);
  g_clear_error (&error);
  ck_assert (!qa_experts_set_status (session, "E05", QA_EXPERT_STATUS_SUSPENDED, NULL, &error));
  g_clear_error (&error);
  ck_assert (!qa_experts_set_status (session, "E99", QA_EXPERT_STATUS_SUSPENDED, "x", &error));
  ck_assert (g_error_matches (error, QA_EXPERTS_ERROR, QA_EXPERTS_ERROR_NOT_FOUND));
  g_clear_error (&error);
  after = snapshot ();
  ck_assert_str_eq (before, after);

  ck_assert (qa_experts_set_status (session, "E05", QA_EXPERT_STATUS_SUSPENDED, "接受调查期间暂停评审", &error));
  {
    g_autoptr(QaExpert) e05 = expert ("E05");

    ck_assert_int_eq (qa_expert_get_status (e05), QA_EXPERT_STATUS_SUSPENDED);
    ck_assert_str_eq (qa_expert_get_status_reason (e05), "接受调查期间暂停评审");
    ck_assert_str_eq (qa_expert_get_status_date (e05), today);
  }
  ck_assert (!qa_experts_set_status (session, "E05", QA_EXPERT_STATUS_SUSPENDED, "again", &error));
  ck_assert (g_error_matches (error, QA_EXPERTS_ERROR, QA_EXPERTS_ERROR_STATUS));
  g_clear_error (&error);

  ck_assert (qa_experts_set_status (session, "E05", QA_EXPERT_STATUS_ACTIVE, "调查结论：无违规", &error));
  {
    g_autoptr(QaExpert) e05 = expert ("E05");

    ck_assert_int_eq (qa_expert_get_status (e05), QA_EXPERT_STATUS_ACTIVE);
  }
  ck_assert (!qa_experts_set_status (session, "E05", QA_EXPERT_STATUS_ACTIVE, "x", &error));
  ck_assert (g_error_matches (error, QA_EXPERTS_ERROR, QA_EXPERTS_ERROR_STATUS));
  g_clear_error (&error);

  ck_assert (qa_experts_set_status (session, "E05", QA_EXPERT_STATUS_DISQUALIFIED, "徇私舞弊", &error));
  {
    g_autoptr(QaExpert) e05 = expert ("E05");

    ck_assert_int_eq (qa_expert_get_status (e05), QA_EXPERT_STATUS_DISQUALIFIED);
    ck_assert_str_eq (qa_expert_get_status_reason (e05), "徇私舞弊");
  }

  g_free (before);
  before = snapshot ();
  ck_assert (!qa_experts_set_status (session, "E05", QA_EXPERT_STATUS_ACTIVE, "x", &error));
  ck_assert (g_error_matches (error, QA_EXPERTS_ERROR, QA_EXPERTS_ERROR_STATUS));
  ck_assert (strstr (error->message, "final") != NULL);
  g_clear_error (&error);
  ck_assert (!qa_experts_set_status (session, "E05", QA_EXPERT_STATUS_SUSPENDED, "x", &error));
  g_clear_error (&error);
  ck_assert (!qa_experts_set_status (session, "E05", QA_EXPERT_STATUS_DISQUALIFIED, "x", &error));
  g_free (after);
  after = snapshot ();
  ck_assert_str_eq (before, after);

  ck_assert_int_eq (count_audit ("expert.suspend"), 1);
  ck_assert_int_eq (count_audit ("expert.reinstate"), 1);
  ck_assert_int_eq (count_audit ("expert.disqualify"), 1);
  assert_audit_verifies ();
}
END_TEST

/* The audit entry @back entries before the last one, for its before and after. */
static QaAuditEntry *
entry_from_end (guint back)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = qa_audit_list (qa_session_get_database (session), &error);
  QaAuditEntry *entry;

  ck_assert_msg (entries != NULL, "%s", error ? error->message : "");
  ck_assert_uint_gt (entries->len, back);
  entry = g_ptr_array_steal_index (entries, entries->len - 1 - back);
  g_ptr_array_unref (entries);
  return entry;
}

static QaAuditEntry *
last_entry (void)
{
  return entry_from_end (0);
}

START_TEST (test_edit_record)
{
  g_autoptr(GError) error = NULL;
  QaExpertChange change = { "张掖市质量协会", "正高级工程师", 5 };
  QaExpertChange nothing = { NULL, NULL, -1 };
  QaExpertChange empty_employer = { "  ", NULL, -1 };
  QaExpertChange too_long = { NULL, NULL, QA_EXPERTS_MAX_EXPERIENCE_YEARS + 1 };
  g_autoptr(QaExpert) e08 = NULL;
  QaAuditEntry *entry;
  QaPanelMemberFacts facts;

  /* 孙立 had 4 years: Art. 11(3) kept him off any panel. */
  ck_assert (qa_experts_update (session, "E08", &change, &error));
  e08 = expert ("E08");
  ck_assert_str_eq (qa_expert_get_employer (e08), "张掖市质量协会");
  ck_assert_str_eq (qa_expert_get_title (e08), "正高级工程师");
  ck_assert_uint_eq (qa_expert_get_experience_years (e08), 5);
  qa_expert_get_panel_facts (e08, &facts);
  ck_assert (qa_rules_expert_can_serve (qa_session_get_profile (session), &facts, NULL));

  entry = entry_from_end (1);
  ck_assert_str_eq (entry->action, "expert.edit");
  ck_assert_str_eq (entry->subject_id, "E08");
  ck_assert_str_eq (entry->before, "employer=张掖市市场监督管理局; title=工程师; experience_years=4");
  ck_assert_str_eq (entry->after, "employer=张掖市质量协会; title=正高级工程师; experience_years=5");
  qa_audit_entry_free (entry);

  /* Refusals change nothing and name the field. */
  ck_assert (!qa_experts_update (session, "E08", &nothing, &error));
  ck_assert (g_error_matches (error, QA_EXPERTS_ERROR, QA_EXPERTS_ERROR_INVALID));
  g_clear_error (&error);
  ck_assert (!qa_experts_update (session, "E08", &empty_employer, &error));
  ck_assert (strstr (error->message, "employer") != NULL);
  g_clear_error (&error);
  ck_assert (!qa_experts_update (session, "E08", &too_long, &error));
  ck_assert (strstr (error->message, "experience_years") != NULL);
  g_clear_error (&error);
  ck_assert (!qa_experts_update (session, "E99", &change, &error));
  ck_assert (g_error_matches (error, QA_EXPERTS_ERROR, QA_EXPERTS_ERROR_NOT_FOUND));
  g_clear_error (&error);
  ck_assert_int_eq (count_audit ("expert.edit"), 1);
  assert_audit_verifies ();
}
END_TEST

/* How many former employers expert @id has on record. */
static guint
n_former (const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) formers = qa_experts_list_former_employers (session, id, &error);

  ck_assert_msg (formers != NULL, "%s", error ? error->message : "");
  return formers->len;
}

/* The tie of @kind from @source of @expert_id with @applicant_id, or NULL. */
static QaTie *
get_tie (const char       *expert_id,
         const char       *applicant_id,
         QaConflictKind    kind,
         QaConflictSource  source)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ties = qa_experts_get_ties (session, expert_id, applicant_id, &error);

  ck_assert_msg (ties != NULL, "%s", error ? error->message : "");
  for (guint i = 0; i < ties->len; i++)
    {
      QaTie *tie = g_ptr_array_index (ties, i);

      if (tie->kind == kind && tie->source == source)
        return g_ptr_array_steal_index (ties, i);
    }
  return NULL;
}

/* A changed employer is kept as a former one, left today; while the profile's years last it is
 * still a tie (回避). */
START_TEST (test_former_employer_on_edit)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) formers = NULL;
  g_autoptr(QaTie) employer = NULL;
  g_autoptr(QaTie) former = NULL;
  g_autofree char *reason = NULL;
  QaExpertChange change = { "张掖市质量协会", NULL, -1 };
  QaAuditEntry *entry;

  g_setenv ("QAREVIEW_TODAY", "2026-06-15", TRUE);
  today = qa_clock_dup_today ();
  ck_assert_str_eq (today, "2026-06-15");

  /* 刘芳 (E04) works for A02 and leaves it. */
  ck_assert_msg (qa_experts_update (session, "E04", &change, &error), "%s", error ? error->message : "");
  formers = qa_experts_list_former_employers (session, "E04", &error);
  ck_assert_uint_eq (formers->len, 1);
  ck_assert_str_eq (((QaFormerEmployer *)formers->pdata[0])->employer, "甘州区黑河水务集团有限公司");
  ck_assert_str_eq (((QaFormerEmployer *)formers->pdata[0])->left_on, "2026-06-15");

  entry = last_entry ();
  ck_assert_str_eq (entry->action, "expert.former.add");
  ck_assert_str_eq (entry->subject_id, "E04");
  after = g_strdup (entry->after);
  qa_audit_entry_free (entry);
  ck_assert_str_eq (after, "employer=甘州区黑河水务集团有限公司; date=2026-06-15");

  employer = get_tie ("E04", "A02", QA_CONFLICT_EMPLOYER, QA_CONFLICT_AUTOMATIC);
  ck_assert_ptr_null (employer);
  former = get_tie ("E04", "A02", QA_CONFLICT_FORMER_EMPLOYER, QA_CONFLICT_AUTOMATIC);
  ck_assert_ptr_nonnull (former);
  reason = g_strdup (former->reason);
  ck_assert_str_eq (reason, "the expert left the applicant on 2026-06-15");

  /* Changing back and away again on the same day notes the day once. */
  {
    QaExpertChange back = { "甘州区黑河水务集团有限公司", NULL, -1 };

    ck_assert (qa_experts_update (session, "E04", &back, &error));
    ck_assert (qa_experts_update (session, "E04", &change, &error));
    ck_assert_uint_eq (n_former ("E04"), 2);   /* 张掖市质量协会 too */
    ck_assert_int_eq (count_audit ("expert.former.add"), 2);
  }
  assert_audit_verifies ();
}
END_TEST

/* A former employer added by hand, with its day; each refusal names its field and changes
 * nothing. */
START_TEST (test_former_employer_add_remove)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QaTie) tie = NULL;

  g_setenv ("QAREVIEW_TODAY", "2026-06-15", TRUE);
  ck_assert_msg (qa_experts_add_former_employer (session, "E01", " 张掖祁连乳业有限公司 ", "2025-01-31", &error),
                 "%s", error ? error->message : "");
  ck_assert_uint_eq (n_former ("E01"), 1);
  ck_assert_int_eq (count_audit ("expert.former.add"), 1);
  tie = get_tie ("E01", "A01", QA_CONFLICT_FORMER_EMPLOYER, QA_CONFLICT_AUTOMATIC);
  ck_assert_ptr_nonnull (tie);

  ck_assert (!qa_experts_add_former_employer (session, "E01", "  ", "2025-01-31", &error));
  ck_assert (g_error_matches (error, QA_EXPERTS_ERROR, QA_EXPERTS_ERROR_INVALID));
  ck_assert_str_eq (error->message, "former employer: may not be empty");
  g_clear_error (&error);
  ck_assert (!qa_experts_add_former_employer (session, "E01", "兰州理工大学", "2025-02-30", &error));
  ck_assert_str_eq (error->message, "date left: “2025-02-30” is not a date written YYYY-MM-DD");
  g_clear_error (&error);
  ck_assert (!qa_experts_add_former_employer (session, "E01", "兰州理工大学", "", &error));
  ck_assert (strstr (error->message, "date left") != NULL);
  g_clear_error (&error);
  ck_assert (!qa_experts_add_former_employer (session, "E01", "兰州理工大学", "2026-06-16", &error));
  ck_assert_str_eq (error->message, "date left: 2026-06-16 is in the future");
  g_clear_error (&error);
  ck_assert (!qa_experts_add_former_employer (session, "E01", "张掖祁连乳业有限公司", "2025-01-31", &error));
  ck_assert (g_error_matches (error, QA_EXPERTS_ERROR, QA_EXPERTS_ERROR_DUPLICATE));
  g_clear_error (&error);
  ck_assert (!qa_experts_add_former_employer (session, "E99", "兰州理工大学", "2025-01-31", &error));
  ck_assert (g_error_matches (error, QA_EXPERTS_ERROR, QA_EXPERTS_ERROR_NOT_FOUND));
  g_clear_error (&error);
  ck_assert_uint_eq (n_former ("E01"), 1);
  ck_assert_int_eq (count_audit ("expert.former.add"), 1);

  ck_assert (!qa_experts_remove_former_employer (session, "E01", "张掖祁连乳业有限公司", "2025-02-01", &error));
  ck_assert (g_error_matches (error, QA_EXPERTS_ERROR, QA_EXPERTS_ERROR_NOT_FOUND));
  g_clear_error (&error);
  ck_assert_int_eq (count_audit ("expert.former.remove"), 0);

  ck_assert_msg (qa_experts_remove_former_employer (session, "E01", "张掖祁连乳业有限公司", "2025-01-31", &error),
                 "%s", error ? error->message : "");
  ck_assert_uint_eq (n_former ("E01"), 0);
  ck_assert_int_eq (count_audit ("expert.former.remove"), 1);
  g_clear_pointer (&tie, qa_tie_free);
  tie = get_tie ("E01", "A01", QA_CONFLICT_FORMER_EMPLOYER, QA_CONFLICT_AUTOMATIC);
  ck_assert_ptr_null (tie);
  assert_audit_verifies ();
}
END_TEST

/* The rule at its boundary under the Ganzhou profile (3 years): left 3 years less a day ago is
 * a tie, 3 years and a day ago is none; the day itself still is. */
START_TEST (test_former_employer_boundary)
{
  QaProfile *profile = qa_session_get_profile (session);
  g_autoptr(GError) error = NULL;
  g_autofree char *since = NULL;
  g_autoptr(QaTie) inside = NULL;
  g_autoptr(QaTie) outside = NULL;

  ck_assert_uint_eq (qa_profile_get_former_employer_years (profile), 3);
  since = qa_rules_former_employer_since (profile, "2026-06-15");
  ck_assert_str_eq (since, "2023-06-15");
  ck_assert (qa_rules_former_employer_is_tie (profile, "2023-06-16", "2026-06-15"));
  ck_assert (qa_rules_former_employer_is_tie (profile, "2023-06-15", "2026-06-15"));
  ck_assert (!qa_rules_former_employer_is_tie (profile, "2023-06-14", "2026-06-15"));
  ck_assert (!qa_rules_former_employer_is_tie (profile, "not a date", "2026-06-15"));
  /* 29 February less three years. */
  g_clear_pointer (&since, g_free);
  since = qa_rules_former_employer_since (profile, "2028-02-29");
  ck_assert_str_eq (since, "2025-02-28");

  /* The ties the panel draw and a sheet's import see. */
  g_setenv ("QAREVIEW_TODAY", "2026-06-15", TRUE);
  ck_assert (qa_experts_add_former_employer (session, "E01", "张掖祁连乳业有限公司", "2023-06-16", &error));
  ck_assert (qa_experts_add_former_employer (session, "E03", "张掖祁连乳业有限公司", "2023-06-14", &error));
  inside = get_tie ("E01", "A01", QA_CONFLICT_FORMER_EMPLOYER, QA_CONFLICT_AUTOMATIC);
  outside = get_tie ("E03", "A01", QA_CONFLICT_FORMER_EMPLOYER, QA_CONFLICT_AUTOMATIC);
  ck_assert_ptr_nonnull (inside);
  ck_assert_ptr_null (outside);

  /* A day later the first one has lapsed too. */
  g_setenv ("QAREVIEW_TODAY", "2026-06-17", TRUE);
  g_clear_pointer (&inside, qa_tie_free);
  inside = get_tie ("E01", "A01", QA_CONFLICT_FORMER_EMPLOYER, QA_CONFLICT_AUTOMATIC);
  ck_assert_ptr_null (inside);
}
END_TEST

START_TEST (test_record_training)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QaExpert) e09 = NULL;
  QaAuditEntry *entry;

  {
    g_autoptr(QaExpert) before = expert ("E09");

    ck_assert (!qa_expert_get_trained (before));
  }

  ck_assert (!qa_experts_record_training (session, "E09", "  ", NULL, &error));
  ck_assert (strstr (error->message, "course") != NULL);
  g_clear_error (&error);
  ck_assert (!qa_experts_record_training (session, "E09", "卓越绩效评价培训", "2026-02-30", &error));
  ck_assert (strstr (error->message, "2026-02-30") != NULL);
  g_clear_error (&error);
  ck_assert (!qa_experts_record_training (session, "E09", "卓越绩效评价培训", "2999-01-01", &error));
  ck_assert (strstr (error->message, "future") != NULL);
  g_clear_error (&error);
  ck_assert_int_eq (count_audit ("expert.train"), 0);

  ck_assert_msg (qa_experts_record_training (session, "E09", "甘肃省卓越绩效评价师培训班", "2026-03-15", &error),
                 "%s", error ? error->message : "");
  e09 = expert ("E09");
  ck_assert (qa_expert_get_trained (e09));
  entry = last_entry ();
  ck_assert_str_eq (entry->action, "expert.train");
  ck_assert_str_eq (entry->before, "trained=0");
  ck_assert_str_eq (entry->after, "trained=1; course=甘肃省卓越绩效评价师培训班; date=2026-03-15");
  qa_audit_entry_free (entry);
}
END_TEST

START_TEST (test_names)
{
  for (QaConflictKind kind = QA_CONFLICT_EMPLOYER; kind <= QA_CONFLICT_OTHER; kind++)
    {
      QaConflictKind parsed = QA_CONFLICT_OTHER + 1;

      ck_assert (qa_conflict_kind_from_string (qa_conflict_kind_to_string (kind), &parsed));
      ck_assert_int_eq (parsed, kind);
      ck_assert_ptr_nonnull (qa_conflict_kind_get_label (kind));
    }
  ck_assert_str_eq (qa_conflict_kind_to_string (QA_CONFLICT_FORMER_EMPLOYER), "former_employer");
  ck_assert_str_eq (qa_conflict_source_to_string (QA_CONFLICT_AUTOMATIC), "automatic");
  ck_assert_str_eq (qa_expert_status_to_string (QA_EXPERT_STATUS_DISQUALIFIED), "disqualified");
}
END_TEST

START_TEST (test_dup_name)
{
  g_autofree char *known = qa_experts_dup_name (session, "E08");
  g_autofree char *unknown = qa_experts_dup_name (session, "E99");

  ck_assert_str_eq (known, "孙立");
  ck_assert_str_eq (unknown, "E99");
}
END_TEST


/* Organisation names compare by one key: what an attacker can add to a name and still look the
 * same (13.3: U+3000, U+00A0, U+200B, U+FEFF, full-width forms) changes nothing. */
START_TEST (test_name_key)
{
  static const char * const same[] = {
    "张掖祁连乳业有限公司\u3000",           /* ideographic space */
    "张掖祁连乳业有限公司\u00a0",           /* no-break space */
    "张掖祁连乳业有限公司\u200b",           /* zero-width space */
    "\ufeff张掖祁连乳业有限公司",           /* byte-order mark */
    "张掖\u200c祁连\u200d乳业\u2060有限公司", /* joiners, word joiner */
    "  张掖祁连乳业 有限公司\t",
    "张掖祁连乳业\u2003有限公司\u3000\u3000",
  };
  g_autofree char *plain = qa_name_key ("张掖祁连乳业有限公司");
  g_autofree char *ascii = qa_name_key ("Qilian Dairy No.7 Co., Ltd.");
  g_autofree char *wide = qa_name_key ("Ｑｉｌｉａｎ　Ｄａｉｒｙ　Ｎｏ．７　Ｃｏ．，　Ｌｔｄ．");
  g_autofree char *upper = qa_name_key ("QILIAN DAIRY NO.7 CO., LTD.");
  g_autofree char *digits = qa_name_key ("第１２３分公司");
  g_autofree char *narrow = qa_name_key ("第123分公司");
  g_autofree char *other = qa_name_key ("张掖祁连乳业有限责任公司");
  g_autofree char *blank = qa_name_key ("\u3000\u200b\ufeff ");
  g_autofree char *broken = qa_name_key ("\xff\xfe" "abc");

  ck_assert_str_eq (plain, "张掖祁连乳业有限公司");
  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    {
      g_autofree char *key = qa_name_key (same[i]);

      ck_assert_msg (g_strcmp0 (key, plain) == 0, "“%s” → “%s”", same[i], key);
    }
  ck_assert_str_eq (ascii, "qiliandairyno.7co.,ltd.");
  ck_assert_str_eq (wide, ascii);
  ck_assert_str_eq (upper, ascii);
  ck_assert_str_eq (digits, narrow);
  ck_assert_str_ne (other, plain);
  ck_assert_str_eq (blank, "");
  ck_assert (g_utf8_validate (broken, -1, NULL));
  ck_assert_ptr_null (qa_name_key (NULL));
}
END_TEST

static gboolean
contains (const char *data,
          gsize       length,
          const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* An expert whose employer is an applicant's name with an invisible or full-width difference is
 * tied to it, through the whole procedure: never assigned it, and its package holds nothing of
 * it. */
START_TEST (test_unicode_space_does_not_hide_tie)
{
  static const char * const employers[] = {
    "E21,甲,张掖祁连乳业有限公司\u3000,10,yes,yes\n",
    "E22,乙,张掖祁连乳业有限公司\u00a0,10,yes,yes\n",
    "E23,丙,张掖祁连乳业\u200b有限公司,10,yes,yes\n",
    "E24,丁,\ufeff张掖祁连乳业有限公司,10,yes,yes\n",
    "E25,戊,甘州区康源中医医院\u3000,10,yes,yes\n",
  };
  static const char * const tied[] = { "A01", "A01", "A01", "A01", "A07" };
  static const char * const judged[] = { "A01", "A02", "A04", "A06", "A07" };
  g_autoptr(GString) csv = g_string_new ("id,name,employer,experience_years,trained,ethics\n");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (employers); i++)
    g_string_append (csv, employers[i]);
  ck_assert_msg (import_experts (csv->str, NULL, &error), "%s", error ? error->message : "");

  for (guint i = 0; i < G_N_ELEMENTS (employers); i++)
    {
      g_autofree char *id = g_strdup_printf ("E2%u", i + 1);
      g_autoptr(GPtrArray) ties = qa_experts_get_ties (session, id, tied[i], &error);
      const QaTie *tie;

      ck_assert_ptr_nonnull (ties);
      tie = find_tie (ties, QA_CONFLICT_AUTOMATIC);
      ck_assert_msg (tie != NULL, "%s is not tied to %s", id, tied[i]);
      ck_assert_str_eq (tie->reason, "the expert’s employer is the applicant");
      ck_assert (qa_experts_declare (session, id, &error));
    }

  /* The material panel with E21 and E25 on it: neither scores its own employer. */
  for (guint i = 0; i < G_N_ELEMENTS (judged); i++)
    ck_assert (qa_applicants_judge (session, judged[i], 5, TRUE, NULL, &error));
  ck_assert (qa_applicants_store_eligibility (session, &error));
  {
    static const char * const members[] = { "E01", "E02", "E03", "E05", "E06", "E21", "E25", NULL };
    g_autofree char *path = g_build_filename (tmpdir, "E21.qapkg", NULL);
    g_autofree char *contents = NULL;
    gsize length = 0;

    ck_assert_msg (qa_panel_form (session, QA_STAGE_MATERIAL, "E01", members, NULL, &error),
                   "%s", error ? error->message : "");
    ck_assert (!qa_panel_is_assigned (session, QA_STAGE_MATERIAL, "E21", "A01", NULL));
    ck_assert (!qa_panel_is_assigned (session, QA_STAGE_MATERIAL, "E25", "A07", NULL));
    ck_assert (qa_panel_is_assigned (session, QA_STAGE_MATERIAL, "E21", "A02", NULL));

    ck_assert_msg (qa_package_export (session, "E21", QA_STAGE_MATERIAL, path, QA_OUTPUT_NONE, &error),
                   "%s", error ? error->message : "");
    ck_assert (g_file_get_contents (path, &contents, &length, NULL));
    ck_assert (!contains (contents, length, "91620702MA71QL2K0"));
    ck_assert (contains (contents, length, "甘州区黑河水务集团有限公司"));
  }
}
END_TEST

/* Every write keeps the key: an employer changed by any writer is compared under its new key. */
START_TEST (test_name_key_follows_the_name)
{
  QaDatabase *db = qa_session_get_database (session);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;

  before = qa_experts_get_ties (session, "E01", "A01", &error);
  ck_assert_uint_eq (before->len, 0);
  ck_assert (_qa_database_exec (db, "UPDATE expert SET employer = '张掖祁连乳业有限公司' || "
                                    "char(12288) WHERE id = 'E01'", &error));
  after = qa_experts_get_ties (session, "E01", "A01", &error);
  ck_assert_uint_eq (after->len, 1);
}
END_TEST

static Suite *
experts_suite (void)
{
  Suite *suite = suite_create ("experts");
  TCase *tc = tcase_create ("experts");

  tcase_set_timeout (tc, 30);
  tcase_add_checked_fixture (tc, qa_test_setup_demo, qa_test_teardown_tmpdir);
  tcase_add_test (tc, test_demo_pool);
  tcase_add_test (tc, test_import_experts);
  tcase_add_test (tc, test_import_experts_refusals);
  tcase_add_test (tc, test_import_conflicts);
  tcase_add_test (tc, test_import_conflicts_refusals);
  tcase_add_test (tc, test_automatic_conflicts);
  tcase_add_test (tc, test_add_conflict);
  tcase_add_test (tc, test_declare);
  tcase_add_test (tc, test_penalties);
  tcase_add_test (tc, test_edit_record);
  tcase_add_test (tc, test_record_training);
  tcase_add_test (tc, test_former_employer_on_edit);
  tcase_add_test (tc, test_former_employer_add_remove);
  tcase_add_test (tc, test_former_employer_boundary);
  tcase_add_test (tc, test_names);
  tcase_add_test (tc, test_dup_name);
  tcase_add_test (tc, test_name_key);
  tcase_add_test (tc, test_unicode_space_does_not_hide_tie);
  tcase_add_test (tc, test_name_key_follows_the_name);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return qa_test_run (experts_suite ());
}
