/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "qa-demo"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "qa-audit-private.h"
#include "qa-credit-code.h"
#include "qa-database-private.h"
#include "qa-demo.h"
#include "qa-util-private.h"

/* A realistic session of Ganzhou applicants. Dates are relative to the session's deadline so the
 * demo shows the same eligibility picture whatever year it is created in: most applicants meet
 * Art. 13, one was founded too recently, one had an accident, one is registered outside the
 * district. */
typedef struct
{
  const char *id;
  const char *name;
  const char *division;      /* administrative division code in the credit code */
  const char *organisation;  /* the 9-character organisation code, without the check */
  const char *district;
  int         years_before;  /* founded this many years (and some days) before the deadline */
  int         extra_days;
  gboolean    legal_person;
  gboolean    accidents;
  gboolean    management_system;
  gboolean    gbt19580;
  double      self_score;
  const char *industry;
  const char *representative;
  const char *contact;
  const char *phone;
} DemoApplicant;

static const DemoApplicant demo_applicants[] = {
  { "A01", "张掖祁连乳业有限公司", "620702", "MA71QL2K0", "甘州区", 12, 40, TRUE, FALSE, TRUE, TRUE, 612, "乳制品制造", "马建军", "赵丽娟", "0936-8216601" },
  { "A02", "甘州区黑河水务集团有限公司", "620702", "MA71HH8W3", "甘州区", 18, 120, TRUE, FALSE, TRUE, TRUE, 598, "水的生产和供应", "李国庆", "王晓燕", "0936-8223312" },
  { "A03", "张掖丝路农产品科技有限公司", "620702", "MA74TL9N6", "甘州区", 2, 300, TRUE, FALSE, TRUE, TRUE, 455, "农产品加工", "陈志强", "刘婷", "0936-8256718" },
  { "A04", "甘州区金张掖玉米种业股份有限公司", "620702", "MA71JY3X5", "甘州区", 9, 15, TRUE, FALSE, TRUE, TRUE, 571, "种子生产经营", "张伟", "孙敏", "0936-8261190" },
  { "A05", "张掖市甘州区宏达建材有限责任公司", "620702", "MA72HD5C8", "甘州区", 7, 200, TRUE, TRUE, TRUE, FALSE, 430, "建筑材料制造", "杨立新", "周霞", "0936-8270045" },
  { "A06", "张掖七彩丹霞文化旅游发展有限公司", "620702", "MA71DX6L1", "甘州区", 6, 88, TRUE, FALSE, TRUE, TRUE, 548, "旅游服务", "何春生", "郭佳", "0936-8289321" },
  { "A07", "甘州区康源中医医院", "620702", "MA73KY7Y4", "甘州区", 3, 0, TRUE, FALSE, TRUE, TRUE, 503, "卫生", "罗振华", "吴倩", "0936-8293377" },
  { "A08", "临泽县瑞丰枣业有限公司", "620723", "MA72RF4Q9", "临泽县", 10, 60, TRUE, FALSE, TRUE, TRUE, 520, "农副食品加工", "徐建平", "马丽", "0936-5521206" },
};

typedef struct
{
  const char *id;
  const char *name;
  const char *employer;
  const char *title;
  const char *specialty;
  int         experience_years;
  gboolean    trained;
  gboolean    ethics;
  gboolean    declared;   /* signed this session's impartiality and confidentiality declaration */
} DemoExpert;

static const DemoExpert demo_experts[] = {
  { "E01", "王建国", "甘肃省质量技术监督局退休", "高级工程师", "质量管理体系", 28, TRUE, TRUE, TRUE },
  { "E02", "李秀兰", "河西学院经济管理学院", "教授", "卓越绩效模式", 19, TRUE, TRUE, TRUE },
  { "E03", "张明", "张掖市标准化研究所", "正高级工程师", "标准化", 22, TRUE, TRUE, TRUE },
  { "E04", "刘芳", "甘州区黑河水务集团有限公司", "高级经济师", "财务管理", 15, TRUE, TRUE, TRUE },
  { "E05", "陈立军", "兰州理工大学", "副教授", "过程管理", 11, TRUE, TRUE, TRUE },
  { "E06", "杨雪梅", "张掖市产品质量检验检测中心", "高级工程师", "检验检测", 13, TRUE, TRUE, TRUE },
  { "E07", "赵永福", "甘肃农业大学", "教授", "农产品加工", 24, TRUE, TRUE, TRUE },
  { "E08", "孙立", "张掖市市场监督管理局", "工程师", "计量", 4, TRUE, TRUE, TRUE },
  { "E09", "周海燕", "甘肃省卓越绩效促进会", "高级工程师", "顾客与市场", 9, FALSE, TRUE, FALSE },
  /* Enough qualified experts without a tie that a panel of five with an alternate is a real
   * draw: seven can be drawn for six places. */
  { "E10", "马国栋", "张掖市发展和改革委员会", "高级经济师", "战略管理", 12, TRUE, TRUE, TRUE },
  { "E11", "何静", "兰州大学管理学院", "副教授", "领导与社会责任", 9, TRUE, TRUE, TRUE },
  { "E12", "段志刚", "酒泉市质量协会", "高级工程师", "资源管理", 16, TRUE, TRUE, TRUE },
};

typedef struct
{
  const char *expert_id;
  const char *applicant_id;
  const char *kind;
  const char *reason;
} DemoConflict;

static const DemoConflict demo_conflicts[] = {
  { "E04", "A02", "employer", "现任该单位财务部副部长" },
  { "E07", "A04", "consultant", "近三年担任该公司技术顾问" },
  { "E02", "A06", "relative", "配偶在该公司任职" },
};

static char *
demo_credit_code (const DemoApplicant *applicant)
{
  g_autofree char *first17 = g_strconcat ("91", applicant->division, applicant->organisation, NULL);
  char check = qa_credit_code_check_char (first17);

  g_assert (strlen (first17) == 17 && check != '\0');
  return g_strdup_printf ("%s%c", first17, check);
}

static char *
founded_date (const GDate *deadline,
              const DemoApplicant *applicant)
{
  GDate date = *deadline;
  char buffer[16];

  g_date_subtract_years (&date, applicant->years_before);
  g_date_subtract_days (&date, applicant->extra_days);
  g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", &date);
  return g_strdup (buffer);
}

static gboolean
insert_applicants (QaDatabase   *db,
                   const char   *district,
                   const GDate  *deadline,
                   const char   *now,
                   GError      **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_applicants); i++)
    {
      const DemoApplicant *a = &demo_applicants[i];
      g_autofree char *credit_code = demo_credit_code (a);
      g_autofree char *founded = founded_date (deadline, a);
      sqlite3_stmt *stmt;

      stmt = _qa_database_prepare (db,
                                   "INSERT INTO applicant (id, name, credit_code, district, "
                                   "legal_person, founded, accidents_3y, management_system, "
                                   "gbt19580, self_score, industry, legal_representative, "
                                   "contact_person, phone, created_at) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
                                   "?13, ?14, ?15)",
                                   error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_text (stmt, 1, a->id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, a->name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, credit_code, -1, SQLITE_TRANSIENT);
      /* The local applicants are registered where the session's profile says (Art. 13(1)). */
      sqlite3_bind_text (stmt, 4, g_strcmp0 (a->district, "甘州区") == 0 ? district : a->district,
                         -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 5, a->legal_person);
      sqlite3_bind_text (stmt, 6, founded, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 7, a->accidents);
      sqlite3_bind_int (stmt, 8, a->management_system);
      sqlite3_bind_int (stmt, 9, a->gbt19580);
      sqlite3_bind_double (stmt, 10, a->self_score);
      sqlite3_bind_text (stmt, 11, a->industry, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 12, a->representative, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 13, a->contact, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 14, a->phone, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 15, now, -1, SQLITE_STATIC);
      if (!_qa_database_check (db, sqlite3_step (stmt), error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_experts (QaDatabase  *db,
                const char  *now,
                GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_experts); i++)
    {
      const DemoExpert *e = &demo_experts[i];
      sqlite3_stmt *stmt;

      stmt = _qa_database_prepare (db,
                                   "INSERT INTO expert (id, name, employer, title, specialty, "
                                   "experience_years, trained, ethics, ethics_date) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                                   error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_text (stmt, 1, e->id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, e->name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, e->employer, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, e->title, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, e->specialty, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 6, e->experience_years);
      sqlite3_bind_int (stmt, 7, e->trained);
      sqlite3_bind_int (stmt, 8, e->ethics);
      if (e->ethics)
        sqlite3_bind_text (stmt, 9, now, 10, SQLITE_STATIC);
      if (!_qa_database_check (db, sqlite3_step (stmt), error))
        return FALSE;

      if (!e->declared)
        continue;
      stmt = _qa_database_prepare (db,
                                   "INSERT INTO declaration (expert_id, declared_at) VALUES (?1, ?2)",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, e->id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
      if (!_qa_database_check (db, sqlite3_step (stmt), error))
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (demo_conflicts); i++)
    {
      const DemoConflict *c = &demo_conflicts[i];
      sqlite3_stmt *stmt;

      stmt = _qa_database_prepare (db,
                                   "INSERT INTO conflict (expert_id, applicant_id, kind, reason, "
                                   "source) VALUES (?1, ?2, ?3, ?4, 'declared')",
                                   error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_text (stmt, 1, c->expert_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, c->applicant_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, c->kind, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, c->reason, -1, SQLITE_STATIC);
      if (!_qa_database_check (db, sqlite3_step (stmt), error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
session_is_empty (QaDatabase  *db,
                  GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = _qa_database_prepare (db,
                               "SELECT (SELECT count(*) FROM applicant) + "
                               "(SELECT count(*) FROM expert)",
                               error);
  if (stmt == NULL || !_qa_database_check (db, sqlite3_step (stmt), error))
    return FALSE;

  if (sqlite3_column_int (stmt, 0) != 0)
    {
      g_set_error (error, QA_DATABASE_ERROR, QA_DATABASE_ERROR_SESSION_EXISTS,
                   _("The session in “%s” already holds applicants or experts; the demo only fills an empty session"),
                   qa_database_get_path (db));
      return FALSE;
    }
  return TRUE;
}

static gboolean
populate (QaDatabase  *db,
          gpointer     user_data,
          GError     **error)
{
  QaSession *session = user_data;
  g_autofree char *now = _qa_now_iso ();
  GDate deadline;

  if (!_qa_date_parse (qa_session_get_deadline (session), &deadline))
    g_assert_not_reached ();

  return session_is_empty (db, error) &&
         insert_applicants (db, qa_profile_get_district (qa_session_get_profile (session)),
                            &deadline, now, error) &&
         insert_experts (db, now, error) &&
         _qa_audit_append (db, "session.demo", "session", NULL, NULL,
                           "demo applicants, experts and conflicts", error);
}

gboolean
qa_demo_populate (QaSession  *session,
                  GError    **error)
{
  g_return_val_if_fail (QA_IS_SESSION (session), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!qa_database_transaction (qa_session_get_database (session), populate, session, error))
    return FALSE;

  return qa_session_reload (session, error);
}
