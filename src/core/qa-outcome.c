/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qa-outcome"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "qa-audit-private.h"
#include "qa-consensus.h"
#include "qa-database-private.h"
#include "qa-outcome-private.h"
#include "qa-pdf-private.h"
#include "qa-roles.h"
#include "qa-clock.h"
#include "qa-util-private.h"

G_DEFINE_QUARK (qa-outcome-error-quark, qa_outcome_error)

/* Shared helpers ----------------------------------------------------------------------------- */

gboolean
_qa_outcome_require_secretariat (QaDatabase  *db,
                                 const char  *what,
                                 GError     **error)
{
  QaRole role;

  if (qa_role_from_string (qa_database_get_operator_role (db), &role) &&
      qa_role_allows (role, QA_PERMISSION_OUTCOME))
    return TRUE;

  /* Translators: %s says what was refused, e.g. “confirm the candidate list”. */
  g_set_error (error, QA_OUTCOME_ERROR, QA_OUTCOME_ERROR_ROLE,
               _("Only the secretariat may %s (Art. 10); the operator acts as “%s”"), what,
               qa_database_get_operator_role (db));
  return FALSE;
}

gboolean
_qa_outcome_advance_stage (QaDatabase  *db,
                           QaStage      stage,
                           GError     **error)
{
  g_autofree char *now = _qa_now_iso ();
  QaStage current = QA_STAGE_APPLICATION;
  sqlite3_stmt *stmt;
  int rc;

  stmt = _qa_database_prepare (db, "SELECT stage FROM session WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (!_qa_database_check (db, rc, error))
    return FALSE;
  if (rc == SQLITE_ROW)
    qa_stage_from_string ((const char *)sqlite3_column_text (stmt, 0), &current);
  sqlite3_reset (stmt);
  if (current >= stage)
    return TRUE;

  stmt = _qa_database_prepare (db, "UPDATE session SET stage = ?1 WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, qa_stage_to_string (stage), -1, SQLITE_STATIC);
  if (!_qa_database_check (db, sqlite3_step (stmt), error))
    return FALSE;

  stmt = _qa_database_prepare (db, "INSERT INTO stage_event (stage, event, at) VALUES (?1, 'opened', ?2)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, qa_stage_to_string (stage), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  return _qa_database_check (db, sqlite3_step (stmt), error) &&
         _qa_audit_append (db, "stage.open", "stage", qa_stage_to_string (stage),
                           qa_stage_to_string (current), qa_stage_to_string (stage), error);
}

gboolean
_qa_outcome_refuse (QaSession   *session,
                    const char  *action,
                    const char  *subject_kind,
                    const char  *subject_id,
                    GError      *local_error,
                    GError     **error)
{
  if (local_error->domain == QA_OUTCOME_ERROR && local_error->code != QA_OUTCOME_ERROR_WRITE)
    {
      g_autoptr(GError) audit_error = NULL;

      if (!qa_audit_record_refusal (qa_session_get_database (session), action, subject_kind,
                                    subject_id, local_error->message, &audit_error))
        g_warning ("A refusal could not be noted in the audit trail: %s", audit_error->message);
    }
  g_propagate_error (error, local_error);
  return FALSE;
}

gboolean
_qa_outcome_parse_date (const char  *date,
                        const char  *option,
                        GDate       *parsed,
                        GError     **error)
{
  if (date == NULL)
    {
      g_autofree char *today = qa_clock_dup_today ();

      return _qa_date_parse (today, parsed);
    }
  if (_qa_date_parse (date, parsed))
    return TRUE;
  g_set_error (error, QA_OUTCOME_ERROR, QA_OUTCOME_ERROR_INVALID,
               _("%s: “%s” is not a date written YYYY-MM-DD"), option, date);
  return FALSE;
}

char *
_qa_outcome_format_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

gboolean
_qa_outcome_require_text (const char  *text,
                          const char  *option,
                          const char  *article,
                          GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (*stripped != '\0')
    return TRUE;
  if (article != NULL)
    g_set_error (error, QA_OUTCOME_ERROR, QA_OUTCOME_ERROR_INVALID,
                 _("%s: %s may not be empty"), article, option);
  else
    g_set_error (error, QA_OUTCOME_ERROR, QA_OUTCOME_ERROR_INVALID,
                 _("%s may not be empty"), option);
  return FALSE;
}

/* The shortlist item ------------------------------------------------------------------------- */

struct _QaShortlistItem
{
  GObject         parent_instance;
  QaShortlistRow  row;
};

G_DEFINE_FINAL_TYPE (QaShortlistItem, qa_shortlist_item, G_TYPE_OBJECT)

static void
qa_shortlist_item_finalize (GObject *object)
{
  QaShortlistItem *self = QA_SHORTLIST_ITEM (object);

  g_free (self->row.applicant_id);
  g_free (self->row.name);
  g_free (self->row.reason);
  g_free (self->row.article);
  G_OBJECT_CLASS (qa_shortlist_item_parent_class)->finalize (object);
}

static void
qa_shortlist_item_class_init (QaShortlistItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = qa_shortlist_item_finalize;
}

static void
qa_shortlist_item_init (QaShortlistItem *self)
{
}

const QaShortlistRow *
qa_shortlist_item_get_row (QaShortlistItem *self)
{
  g_return_val_if_fail (QA_IS_SHORTLIST_ITEM (self), NULL);
  return &self->row;
}

char *
qa_shortlist_item_dup_material_score (QaShortlistItem *self)
{
  g_return_val_if_fail (QA_IS_SHORTLIST_ITEM (self), NULL);
  return self->row.has_material ? qa_rules_format_score_x100 (self->row.material_x100) : g_strdup ("");
}

char *
qa_shortlist_item_dup_site_score (QaShortlistItem *self)
{
  g_return_val_if_fail (QA_IS_SHORTLIST_ITEM (self), NULL);
  return self->row.has_site ? qa_rules_format_score_x100 (self->row.site_x100) : g_strdup ("");
}

char *
qa_shortlist_item_dup_final_score (QaShortlistItem *self)
{
  g_return_val_if_fail (QA_IS_SHORTLIST_ITEM (self), NULL);
  return self->row.has_final ? qa_rules_format_final (self->row.final_x100000) : g_strdup ("");
}

GListModel *
qa_outcome_shortlist_model (const QaShortlistResult *result)
{
  GListStore *store = g_list_store_new (QA_TYPE_SHORTLIST_ITEM);

  g_return_val_if_fail (result != NULL, NULL);

  for (guint i = 0; i < result->rows->len; i++)
    {
      const QaShortlistRow *row = g_ptr_array_index (result->rows, i);
      g_autoptr(QaShortlistItem) item = g_object_new (QA_TYPE_SHORTLIST_ITEM, NULL);

      item->row = *row;
      item->row.applicant_id = g_strdup (row->applicant_id);
      item->row.name = g_strdup (row->name);
      item->row.reason = g_strdup (row->reason);
      item->row.article = g_strdup (row->article);
      g_list_store_append (store, item);
    }
  return G_LIST_MODEL (store);
}

/* Gathering the facts ------------------------------------------------------------------------ */

typedef struct
{
  GArray    *facts;     /* QaShortlistFacts, strings owned by @strings */
  GPtrArray *strings;
} Facts;

static void
facts_clear (Facts *facts)
{
  g_clear_pointer (&facts->facts, g_array_unref);
  g_clear_pointer (&facts->strings, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Facts, facts_clear)

static const char *
keep (Facts      *facts,
      const char *text)
{
  char *copy = g_strdup (text);

  g_ptr_array_add (facts->strings, copy);
  return copy;
}

static QaShortlistFacts *
find_facts (Facts      *facts,
            const char *applicant_id)
{
  for (guint i = 0; i < facts->facts->len; i++)
    {
      QaShortlistFacts *f = &g_array_index (facts->facts, QaShortlistFacts, i);

      if (g_strcmp0 (f->applicant_id, applicant_id) == 0)
        return f;
    }
  return NULL;
}

/* The totals of a stage by applicant (QaConsensusTotal, owned by the returned array). */
static GHashTable *
totals_by_applicant (QaSession  *session,
                     QaStage     stage,
                     GPtrArray **keep_alive,
                     GError    **error)
{
  GHashTable *table;

  *keep_alive = qa_consensus_totals (session, stage, error);
  if (*keep_alive == NULL)
    return NULL;
  table = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < (*keep_alive)->len; i++)
    {
      QaConsensusTotal *total = g_ptr_array_index (*keep_alive, i);

      if (total->scorers > 0)
        g_hash_table_insert (table, total->applicant_id, total);
    }
  return table;
}

/* The live facts: eligibility, who was in which stage, the exact totals, the tie decisions. */
static gboolean
gather_live (QaSession  *session,
             Facts      *facts,
             GError    **error)
{
  QaDatabase *db = qa_session_get_database (session);
  g_autoptr(GPtrArray) material_totals = NULL;
  g_autoptr(GPtrArray) site_totals = NULL;
  g_autoptr(GHashTable) material = NULL;
  g_autoptr(GHashTable) site = NULL;
  sqlite3_stmt *stmt;
  int rc;

  material = totals_by_applicant (session, QA_STAGE_MATERIAL, &material_totals, error);
  if (material == NULL)
    return FALSE;
  site = totals_by_applicant (session, QA_STAGE_SITE, &site_totals, error);
  if (site == NULL)
    return FALSE;

  stmt = _qa_database_prepare (db,
                               "SELECT a.id, a.name, "
                               "COALESCE (o.eligible, a.eligibility = 'eligible'), "
                               "EXISTS (SELECT 1 FROM stage_applicant s WHERE s.stage = 'material' "
                               "AND s.applicant_id = a.id), "
                               "EXISTS (SELECT 1 FROM stage_applicant s WHERE s.stage = 'site' "
                               "AND s.applicant_id = a.id), "
                               "(SELECT place FROM tie_decision t WHERE t.applicant_id = a.id) "
                               "FROM applicant a LEFT JOIN eligibility_override o "
                               "ON o.applicant_id = a.id ORDER BY a.id",
                               error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      QaShortlistFacts f = { NULL, };
      QaConsensusTotal *total;

      f.applicant_id = keep (facts, (const char *)sqlite3_column_text (stmt, 0));
      f.name = keep (facts, (const char *)sqlite3_column_text (stmt, 1));
      f.eligible = sqlite3_column_int (stmt, 2) != 0;
      total = sqlite3_column_int (stmt, 3) ? g_hash_table_lookup (material, f.applicant_id) : NULL;
      f.material_reviewed = total != NULL;
      f.material_x100 = total != NULL ? total->total_x100 : 0;
      total = sqlite3_column_int (stmt, 4) ? g_hash_table_lookup (site, f.applicant_id) : NULL;
      f.site_reviewed = total != NULL;
      f.site_x100 = total != NULL ? total->total_x100 : 0;
      f.tie_order = (guint)sqlite3_column_int (stmt, 5);
      g_array_append_val (facts->facts, f);
    }
  sqlite3_reset (stmt);
  return _qa_database_check (db, rc, error);
}

/* The facts the committee confirmed. */
static gboolean
gather_frozen (QaSession  *session,
               Facts      *facts,
               GError    **error)
{
  QaDatabase *db = qa_session_get_database (session);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _qa_database_prepare (db,
                               "SELECT e.applicant_id, a.name, e.eligible, e.material_reviewed, "
                               "e.site_reviewed, e.material_x100, e.site_x100, "
                               "(SELECT place FROM tie_decision t WHERE t.applicant_id = e.applicant_id) "
                               "FROM shortlist_entry e JOIN applicant a ON a.id = e.applicant_id "
                               "ORDER BY e.applicant_id",
                               error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      QaShortlistFacts f = { NULL, };

      f.applicant_id = keep (facts, (const char *)sqlite3_column_text (stmt, 0));
      f.name = keep (facts, (const char *)sqlite3_column_text (stmt, 1));
      f.eligible = sqlite3_column_int (stmt, 2) != 0;
      f.material_reviewed = sqlite3_column_int (stmt, 3) != 0;
      f.site_reviewed = sqlite3_column_int (stmt, 4) != 0;
      f.material_x100 = sqlite3_column_int64 (stmt, 5);
      f.site_x100 = sqlite3_column_int64 (stmt, 6);
      f.tie_order = (guint)sqlite3_column_int (stmt, 7);
      g_array_append_val (facts->facts, f);
    }
  sqlite3_reset (stmt);
  return _qa_database_check (db, rc, error);
}

static gboolean
gather_objections (QaSession  *session,
                   Facts      *facts,
                   GError    **error)
{
  QaDatabase *db = qa_session_get_database (session);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _qa_database_prepare (db,
                               "SELECT applicant_id, id, decided_on FROM objection "
                               "WHERE status = 'upheld' ORDER BY id",
                               error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      QaShortlistFacts *f = find_facts (facts, (const char *)sqlite3_column_text (stmt, 0));
      g_autofree char *note = NULL;

      if (f == NULL || f->objection_upheld)
        continue;
      /* Translators: which objection was upheld and when, e.g. “objection No. 2, upheld on
       * 2026-11-05” */
      note = g_strdup_printf (_("objection No. %lld, upheld on %s"),
                              (long long)sqlite3_column_int64 (stmt, 1),
                              (const char *)sqlite3_column_text (stmt, 2));
      f->objection_upheld = TRUE;
      f->objection_note = keep (facts, note);
    }
  sqlite3_reset (stmt);
  return _qa_database_check (db, rc, error);
}

static gboolean
is_confirmed (QaDatabase *db)
{
  sqlite3_stmt *stmt = _qa_database_prepare (db, "SELECT 1 FROM shortlist_confirmation", NULL);
  gboolean confirmed = stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW;

  if (stmt != NULL)
    sqlite3_reset (stmt);
  return confirmed;
}

static gboolean
require_site_closed (QaSession  *session,
                     GError    **error)
{
  if (qa_session_stage_is_closed (session, QA_STAGE_SITE))
    return TRUE;
  g_set_error (error, QA_OUTCOME_ERROR, QA_OUTCOME_ERROR_STAGE,
               _("Art. 16(5): the comprehensive evaluation comes after the site review; the panel "
                 "chair has not closed the site stage yet"));
  return FALSE;
}

static QaShortlistResult *
compute (QaSession  *session,
         gboolean    frozen,
         GError    **error)
{
  g_auto(Facts) facts = { g_array_new (FALSE, TRUE, sizeof (QaShortlistFacts)),
                          g_ptr_array_new_with_free_func (g_free) };

  if (!(frozen ? gather_frozen (session, &facts, error) : gather_live (session, &facts, error)) ||
      !gather_objections (session, &facts, error))
    return NULL;
  return qa_rules_shortlist (qa_session_get_profile (session),
                             (const QaShortlistFacts *)facts.facts->data, facts.facts->len);
}

QaShortlistResult *
qa_outcome_shortlist (QaSession  *session,
                      GError    **error)
{
  QaDatabase *db;

  g_return_val_if_fail (QA_IS_SESSION (session), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  db = qa_session_get_database (session);
  if (is_confirmed (db))
    return compute (session, TRUE, error);
  if (!require_site_closed (session, error))
    return NULL;
  return compute (session, FALSE, error);
}

/* Export tables ------------------------------------------------------------------------------ */

static const QaExportColumn shortlist_columns[] = {
  { "rank", N_("Rank"), QA_COLUMN_INTEGER, 0.05, FALSE },
  { "applicant_id", N_("Applicant"), QA_COLUMN_TEXT, 0.08, FALSE },
  { "name", N_("Organisation name"), QA_COLUMN_TEXT, 0.22, FALSE },
  { "material_score", N_("Material score"), QA_COLUMN_DECIMAL1, 0.08, FALSE },
  { "site_score", N_("Site score"), QA_COLUMN_DECIMAL1, 0.08, FALSE },
  { "final_score", N_("Final score"), QA_COLUMN_DECIMAL1, 0.08, FALSE },
  { "status", N_("Status"), QA_COLUMN_TEXT, 0.11, FALSE },
  { "reason", N_("Reason"), QA_COLUMN_TEXT, 0.30, TRUE },
};

static char *
profile_numbers (QaSession *session)
{
  QaProfile *profile = qa_session_get_profile (session);
  g_autoptr(GString) tiers = g_string_new (NULL);

  for (guint i = 0; i < qa_profile_get_n_tiers (profile); i++)
    {
      const QaProfileTier *tier = qa_profile_get_tier (profile, i);

      if (tiers->len > 0)
        g_string_append (tiers, _(", "));
      /* Translators: a tier of the award and its places, e.g. “甘州区人民政府质量奖 3” */
      g_string_append_printf (tiers, _("%s: at most %u"), qa_profile_tier_get_name (tier),
                              tier->limit);
    }
  /* Translators: the rule profile's numbers that decide the outcome */
  return g_strdup_printf (_("Final score = %g × material + %g × site; the award needs %g points "
                            "out of %u; %s; ties broken by the site score, then the material "
                            "score (Art. 4, 16(5))"),
                          qa_profile_get_material_weight (profile),
                          qa_profile_get_site_weight (profile),
                          qa_profile_get_award_threshold (profile),
                          qa_criteria_get_total_points (qa_session_get_criteria (session)),
                          tiers->str);
}

QaExportTable *
qa_outcome_shortlist_table (QaSession               *session,
                            const QaShortlistResult *result)
{
  g_autofree char *session_title = qa_session_dup_title (session);
  g_autofree char *title = g_strdup_printf (_("%s: candidate list"), session_title);
  g_autofree char *numbers = profile_numbers (session);
  g_autofree char *confirmed = qa_outcome_dup_confirmed_on (session);
  QaExportTable *table = qa_export_table_new ("shortlist", title, shortlist_columns,
                                              G_N_ELEMENTS (shortlist_columns));

  if (result->vacant)
    qa_export_table_add_note (table, result->vacancy_reason);
  if (confirmed != NULL)
    {
      g_autofree char *note = g_strdup_printf (_("Confirmed by the review committee's plenary "
                                                 "meeting on %s (Art. 16(6))"), confirmed);

      qa_export_table_add_note (table, note);
    }
  qa_export_table_add_note (table, numbers);

  for (guint i = 0; i < result->rows->len; i++)
    {
      const QaShortlistRow *row = g_ptr_array_index (result->rows, i);
      g_autofree char *rank = row->rank > 0 ? g_strdup_printf ("%u", row->rank) : g_strdup ("");
      g_autofree char *material = row->has_material ? qa_rules_format_score_x100 (row->material_x100) : g_strdup ("");
      g_autofree char *site = row->has_site ? qa_rules_format_score_x100 (row->site_x100) : g_strdup ("");
      g_autofree char *final = row->has_final ? qa_rules_format_final (row->final_x100000) : g_strdup ("");
      const char *cells[] = { rank, row->applicant_id, row->name, material, site, final,
                              qa_outcome_status_to_string (row->status), row->reason };

      qa_export_table_add_row (table, cells);
    }
  return table;
}

static const QaExportColumn totals_columns[] = {
  { "applicant_id", N_("Applicant"), QA_COLUMN_TEXT, 0.12, FALSE },
  { "name", N_("Organisation name"), QA_COLUMN_TEXT, 0.36, TRUE },
  { "scorers", N_("Scorers"), QA_COLUMN_INTEGER, 0.12, FALSE },
  { "items_agreed", N_("Items agreed"), QA_COLUMN_INTEGER, 0.12, FALSE },
  { "total", N_("Total"), QA_COLUMN_DECIMAL2, 0.14, FALSE },
  { "flagged_items", N_("Flagged items"), QA_COLUMN_INTEGER, 0.14, FALSE },
};

static char *
applicant_name (QaDatabase *db,
                const char *applicant_id)
{
  sqlite3_stmt *stmt = _qa_database_prepare (db, "SELECT name FROM applicant WHERE id = ?1", NULL);
  char *name = NULL;

  if (stmt == NULL)
    return g_strdup (applicant_id);
  sqlite3_bind_text (stmt, 1, applicant_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return name != NULL ? name : g_strdup (applicant_id);
}

QaExportTable *
qa_outcome_totals_table (QaSession  *session,
                         QaStage     stage,
                         GError    **error)
{
  g_autoptr(GPtrArray) totals = qa_consensus_totals (session, stage, error);
  g_autofree char *session_title = NULL;
  g_autofree char *title = NULL;
  QaExportTable *table;

  if (totals == NULL)
    return NULL;
  session_title = qa_session_dup_title (session);
  /* Translators: e.g. “2026届 …: consensus totals, 资料评审” */
  title = g_strdup_printf (_("%s: consensus totals, %s"), session_title, qa_stage_get_title (stage));
  table = qa_export_table_new ("consensus-totals", title, totals_columns,
                               G_N_ELEMENTS (totals_columns));
  for (guint i = 0; i < totals->len; i++)
    {
      QaConsensusTotal *total = g_ptr_array_index (totals, i);
      g_autofree char *name = applicant_name (qa_session_get_database (session), total->applicant_id);
      g_autofree char *scorers = g_strdup_printf ("%u", total->scorers);
      g_autofree char *agreed = g_strdup_printf ("%u", total->items_agreed);
      g_autofree char *sum = qa_consensus_format_points (total->total_x100);
      g_autofree char *flagged = g_strdup_printf ("%u", total->flagged_items);
      const char *cells[] = { total->applicant_id, name, scorers, agreed, sum, flagged };

      qa_export_table_add_row (table, cells);
    }
  return table;
}

/* Ties and confirmation ---------------------------------------------------------------------- */

typedef struct
{
  QaSession          *session;
  const char * const *applicant_ids;
  const char         *date;
  const char         *reason;
  QaShortlistResult  *result;
} TieDecision;

static gboolean
decide_tie_cb (QaDatabase  *db,
               gpointer     user_data,
               GError     **error)
{
  TieDecision *decision = user_data;
  g_autoptr(GString) after = g_string_new (NULL);

  for (guint i = 0; decision->applicant_ids[i] != NULL; i++)
    {
      sqlite3_stmt *stmt = _qa_database_prepare (db,
                                                 "INSERT INTO tie_decision (applicant_id, place, "
                                                 "decided_on, reason) VALUES (?1, ?2, ?3, ?4) "
                                                 "ON CONFLICT (applicant_id) DO UPDATE SET "
                                                 "place = excluded.place, decided_on = "
                                                 "excluded.decided_on, reason = excluded.reason",
                                                 error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, decision->applicant_ids[i], -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, (int)i + 1);
      sqlite3_bind_text (stmt, 3, decision->date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, decision->reason, -1, SQLITE_TRANSIENT);
      if (!_qa_database_check (db, sqlite3_step (stmt), error))
        return FALSE;
      g_string_append_printf (after, "%s%s", i > 0 ? "," : "", decision->applicant_ids[i]);
    }
  g_string_append_printf (after, "; on=%s; reason=%s", decision->date, decision->reason);
  return _qa_outcome_advance_stage (db, QA_STAGE_COMPREHENSIVE, error) &&
         _qa_audit_append (db, "shortlist.tie", "session", NULL, NULL, after->str, error);
}

static const QaShortlistRow *
find_row (const QaShortlistResult *result,
          const char              *applicant_id)
{
  for (guint i = 0; i < result->rows->len; i++)
    {
      const QaShortlistRow *row = g_ptr_array_index (result->rows, i);

      if (g_strcmp0 (row->applicant_id, applicant_id) == 0)
        return row;
    }
  return NULL;
}

static gboolean
check_tie (QaSession          *session,
           const char * const *applicant_ids,
           const char         *date,
           const char         *reason,
           GError            **error)
{
  QaDatabase *db = qa_session_get_database (session);
  g_autoptr(QaShortlistResult) result = NULL;
  const QaShortlistRow *first = NULL;
  GDate parsed;
  guint n = 0;

  if (!_qa_outcome_require_secretariat (db, _("record the committee's decision on a tie"), error) ||
      !_qa_outcome_parse_date (date, "--date", &parsed, error) ||
      !_qa_outcome_require_text (reason, "--reason", NULL, error))
    return FALSE;
  if (is_confirmed (db))
    {
      g_set_error (error, QA_OUTCOME_ERROR, QA_OUTCOME_ERROR_STAGE,
                   _("Art. 16(6): the candidate list is confirmed and frozen; a tie can no longer "
                     "be decided"));
      return FALSE;
    }
  result = qa_outcome_shortlist (session, error);
  if (result == NULL)
    return FALSE;

  for (; applicant_ids[n] != NULL; n++)
    {
      const QaShortlistRow *row = find_row (result, applicant_ids[n]);

      for (guint j = 0; j < n; j++)
        if (g_strcmp0 (applicant_ids[j], applicant_ids[n]) == 0)
          {
            g_set_error (error, QA_OUTCOME_ERROR, QA_OUTCOME_ERROR_INVALID,
                         _("--order names %s twice"), applicant_ids[n]);
            return FALSE;
          }
      if (row == NULL)
        {
          g_set_error (error, QA_OUTCOME_ERROR, QA_OUTCOME_ERROR_UNKNOWN,
                       _("The session has no applicant “%s”"), applicant_ids[n]);
          return FALSE;
        }
      if (row->rank == 0 || (first != NULL && (row->final_x100000 != first->final_x100000 ||
                                               row->site_x100 != first->site_x100 ||
                                               row->material_x100 != first->material_x100)))
        {
          g_set_error (error, QA_OUTCOME_ERROR, QA_OUTCOME_ERROR_INVALID,
                       _("Art. 4: %s is not tied with the others after the tie-breaks; the "
                         "committee orders only applicants the scores cannot separate"),
                       applicant_ids[n]);
          return FALSE;
        }
      first = first != NULL ? first : row;
    }
  if (n < 2)
    {
      g_set_error (error, QA_OUTCOME_ERROR, QA_OUTCOME_ERROR_INVALID,
                   _("--order needs the tied applicants, at least two, first to last"));
      return FALSE;
    }
  return TRUE;
}

gboolean
qa_outcome_decide_tie (QaSession          *session,
                       const char * const *applicant_ids,
                       const char         *date,
                       const char         *reason,
                       GError            **error)
{
  TieDecision decision = { session, applicant_ids, date, reason, NULL };
  GError *local_error = NULL;

  g_return_val_if_fail (QA_IS_SESSION (session), FALSE);
  g_return_val_if_fail (applicant_ids != NULL, FALSE);

  if (!check_tie (session, applicant_ids, date, reason, &local_error) ||
      !qa_database_transaction (qa_session_get_database (session), decide_tie_cb, &decision,
                                &local_error))
    return _qa_outcome_refuse (session, "shortlist.tie.refused", "session", NULL, local_error,
                               error);
  return qa_session_reload (session, error);
}

typedef struct
{
  QaSession         *session;
  const char        *date;
  QaShortlistResult *result;
  Facts             *facts;
} Confirmation;

static gboolean
confirm_cb (QaDatabase  *db,
            gpointer     user_data,
            GError     **error)
{
  Confirmation *confirmation = user_data;
  g_autofree char *now = _qa_now_iso ();
  g_autoptr(GString) after = g_string_new (NULL);
  sqlite3_stmt *stmt;

  stmt = _qa_database_prepare (db, "INSERT INTO shortlist_confirmation (id, decided_on, recorded_at) "
                                   "VALUES (1, ?1, ?2)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, confirmation->date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  if (!_qa_database_check (db, sqlite3_step (stmt), error))
    return FALSE;

  g_string_append_printf (after, "on=%s", confirmation->date);
  for (guint i = 0; i < confirmation->facts->facts->len; i++)
    {
      const QaShortlistFacts *f = &g_array_index (confirmation->facts->facts, QaShortlistFacts, i);
      const QaShortlistRow *row = find_row (confirmation->result, f->applicant_id);

      stmt = _qa_database_prepare (db,
                                   "INSERT INTO shortlist_entry (applicant_id, eligible, "
                                   "material_reviewed, site_reviewed, material_x100, site_x100, "
                                   "status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, f->applicant_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, f->eligible);
      sqlite3_bind_int (stmt, 3, f->material_reviewed);
      sqlite3_bind_int (stmt, 4, f->site_reviewed);
      sqlite3_bind_int64 (stmt, 5, f->material_x100);
      sqlite3_bind_int64 (stmt, 6, f->site_x100);
      sqlite3_bind_text (stmt, 7, qa_outcome_status_to_string (row->status), -1, SQLITE_STATIC);
      if (!_qa_database_check (db, sqlite3_step (stmt), error))
        return FALSE;
      if (row->status == QA_OUTCOME_CANDIDATE || row->status == QA_OUTCOME_NOMINEE)
        g_string_append_printf (after, "; %s=%s", row->applicant_id,
                                qa_outcome_status_to_string (row->status));
    }
  if (confirmation->result->vacant)
    g_string_append (after, "; vacant");

  /* Candidates are marked so on the applicant too. */
  stmt = _qa_database_prepare (db,
                               "UPDATE applicant SET status = 'candidate' WHERE id IN "
                               "(SELECT applicant_id FROM shortlist_entry WHERE status IN "
                               "('candidate', 'nominee'))",
                               error);
  if (stmt == NULL || !_qa_database_check (db, sqlite3_step (stmt), error))
    return FALSE;

  return _qa_outcome_advance_stage (db, QA_STAGE_NOTICE, error) &&
         _qa_audit_append (db, "shortlist.confirm", "session", NULL, NULL, after->str, error);
}

static gboolean
check_confirm (QaSession          *session,
               const char         *date,
               QaShortlistResult  *result,
               GError            **error)
{
  for (guint i = 0; i < result->rows->len; i++)
    {
      const QaShortlistRow *row = g_ptr_array_index (result->rows, i);

      if (row->status == QA_OUTCOME_TIED)
        {
          g_set_error (error, QA_OUTCOME_ERROR, QA_OUTCOME_ERROR_STAGE,
                       _("Art. 4: %s (%s) is tied where the limit falls; record the committee's "
                         "order first (shortlist tie)"),
                       row->name, row->applicant_id);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
qa_outcome_confirm (QaSession   *session,
                    const char  *date,
                    GError     **error)
{
  QaDatabase *db;
  g_autoptr(QaShortlistResult) result = NULL;
  g_auto(Facts) facts = { g_array_new (FALSE, TRUE, sizeof (QaShortlistFacts)),
                          g_ptr_array_new_with_free_func (g_free) };
  Confirmation confirmation = { session, date, NULL, &facts };
  GError *local_error = NULL;
  GDate parsed;

  g_return_val_if_fail (QA_IS_SESSION (session), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  db = qa_session_get_database (session);
  if (!_qa_outcome_require_secretariat (db, _("confirm the candidate list"), &local_error) ||
      !_qa_outcome_parse_date (date, "--date", &parsed, &local_error))
    return _qa_outcome_refuse (session, "shortlist.confirm.refused", "session", NULL, local_error,
                               error);
  if (is_confirmed (db))
    {
      g_autofree char *on = qa_outcome_dup_confirmed_on (session);

      local_error = g_error_new (QA_OUTCOME_ERROR, QA_OUTCOME_ERROR_STAGE,
                                 _("Art. 16(6): the candidate list was confirmed on %s and is "
                                   "frozen"), on);
      return _qa_outcome_refuse (session, "shortlist.confirm.refused", "session", NULL,
                                 local_error, error);
    }
  if (!require_site_closed (session, &local_error) ||
      !gather_live (session, &facts, &local_error))
    return _qa_outcome_refuse (session, "shortlist.confirm.refused", "session", NULL, local_error,
                               error);
  result = qa_rules_shortlist (qa_session_get_profile (session),
                               (const QaShortlistFacts *)facts.facts->data, facts.facts->len);
  confirmation.result = result;
  if (!check_confirm (session, date, result, &local_error) ||
      !qa_database_transaction (db, confirm_cb, &confirmation, &local_error))
    return _qa_outcome_refuse (session, "shortlist.confirm.refused", "session", NULL, local_error,
                               error);
  return qa_session_reload (session, error);
}

char *
qa_outcome_dup_confirmed_on (QaSession *session)
{
  sqlite3_stmt *stmt;
  char *on = NULL;

  g_return_val_if_fail (QA_IS_SESSION (session), NULL);

  stmt = _qa_database_prepare (qa_session_get_database (session),
                               "SELECT decided_on FROM shortlist_confirmation", NULL);
  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    on = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return on;
}

/* The public notice -------------------------------------------------------------------------- */

gboolean
qa_outcome_get_notice (QaSession  *session,
                       char      **starts_on,
                       char      **ends_on)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  g_return_val_if_fail (QA_IS_SESSION (session), FALSE);

  stmt = _qa_database_prepare (qa_session_get_database (session),
                               "SELECT starts_on, ends_on FROM public_notice WHERE id = 1", NULL);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      if (starts_on != NULL)
        *starts_on = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      if (ends_on != NULL)
        *ends_on = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  return found;
}

typedef struct
{
  char *starts_on;
  char *ends_on;
} Notice;

static gboolean
open_notice_cb (QaDatabase  *db,
                gpointer     user_data,
                GError     **error)
{
  Notice *notice = user_data;
  g_autofree char *after = g_strdup_printf ("%s..%s", notice->starts_on, notice->ends_on);
  sqlite3_stmt *stmt;

  stmt = _qa_database_prepare (db, "INSERT INTO public_notice (id, starts_on, ends_on) "
                                   "VALUES (1, ?1, ?2)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, notice->starts_on, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, notice->ends_on, -1, SQLITE_TRANSIENT);
  return _qa_database_check (db, sqlite3_step (stmt), error) &&
         _qa_outcome_advance_stage (db, QA_STAGE_NOTICE, error) &&
         _qa_audit_append (db, "notice.open", "session", NULL, NULL, after, error);
}

gboolean
qa_outcome_open_notice (QaSession   *session,
                        const char  *start,
                        GError     **error)
{
  QaDatabase *db;
  g_autofree char *confirmed = NULL;
  g_autofree char *old_start = NULL;
  Notice notice = { NULL, NULL };
  GError *local_error = NULL;
  GDate date, decided;
  gboolean ok;

  g_return_val_if_fail (QA_IS_SESSION (session), FALSE);

  db = qa_session_get_database (session);
  if (!_qa_outcome_require_secretariat (db, _("open the public notice"), &local_error) ||
      !_qa_outcome_parse_date (start, "--start", &date, &local_error))
    return _qa_outcome_refuse (session, "notice.open.refused", "session", NULL, local_error, error);

  confirmed = qa_outcome_dup_confirmed_on (session);
  if (confirmed == NULL)
    local_error = g_error_new (QA_OUTCOME_ERROR, QA_OUTCOME_ERROR_STAGE,
                               _("Art. 16(6): the public notice follows the review committee's "
                                 "decision on the list; confirm the list first (shortlist confirm)"));
  else if (qa_outcome_get_notice (session, &old_start, NULL))
    local_error = g_error_new (QA_OUTCOME_ERROR, QA_OUTCOME_ERROR_STAGE,
                               _("Art. 16(6): the public notice was already opened on %s"),
                               old_start);
  else if (_qa_date_parse (confirmed, &decided) && g_date_compare (&date, &decided) < 0)
    local_error = g_error_new (QA_OUTCOME_ERROR, QA_OUTCOME_ERROR_INVALID,
                               _("--start: the notice cannot start (%s) before the committee's "
                                 "decision (%s)"), start, confirmed);
  if (local_error != NULL)
    return _qa_outcome_refuse (session, "notice.open.refused", "session", NULL, local_error, error);

  notice.starts_on = _qa_outcome_format_date (&date);
  g_date_add_days (&date, qa_profile_get_public_notice_days (qa_session_get_profile (session)) - 1);
  notice.ends_on = _qa_outcome_format_date (&date);
  ok = qa_database_transaction (db, open_notice_cb, &notice, &local_error);
  g_free (notice.starts_on);
  g_free (notice.ends_on);
  if (!ok)
    return _qa_outcome_refuse (session, "notice.open.refused", "session", NULL, local_error, error);
  return qa_session_reload (session, error);
}

/* The candidates and nominees, in rank order. */
static void
split_named (const QaShortlistResult *result,
             GPtrArray               *candidates,
             GPtrArray               *nominees)
{
  for (guint i = 0; i < result->rows->len; i++)
    {
      QaShortlistRow *row = g_ptr_array_index (result->rows, i);

      if (row->status == QA_OUTCOME_CANDIDATE)
        g_ptr_array_add (candidates, row);
      else if (row->status == QA_OUTCOME_NOMINEE && nominees != NULL)
        g_ptr_array_add (nominees, row);
    }
}

static void
list_rows (QaPdfDocument *pdf,
           GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const QaShortlistRow *row = g_ptr_array_index (rows, i);
      g_autofree char *final = qa_rules_format_final (row->final_x100000);
      /* Translators: a numbered line of a list of organisations with their final score */
      g_autofree char *line = g_strdup_printf (_("%u. %s (final score %s)"), i + 1, row->name, final);

      _qa_pdf_add_text (pdf, line);
    }
}

gboolean
qa_outcome_write_notice_pdf (QaSession     *session,
                             const char    *path,
                             QaOutputFlags  flags,
                             GError       **error)
{
  QaProfile *profile;
  g_autoptr(QaShortlistResult) result = NULL;
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();
  g_autoptr(GPtrArray) nominees = g_ptr_array_new ();
  g_autofree char *starts_on = NULL;
  g_autofree char *ends_on = NULL;
  g_autofree char *confirmed = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *intro = NULL;
  g_autofree char *period = NULL;
  g_autofree char *how = NULL;
  g_autofree char *signature = NULL;
  g_autofree char *date = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *decided = NULL;
  g_autoptr(QaPdfDocument) pdf = NULL;

  g_return_val_if_fail (QA_IS_SESSION (session), FALSE);

  if (!qa_outcome_get_notice (session, &starts_on, &ends_on))
    {
      g_set_error (error, QA_OUTCOME_ERROR, QA_OUTCOME_ERROR_STAGE,
                   _("Art. 16(6): no public notice has been opened (public-notice open)"));
      return FALSE;
    }
  result = qa_outcome_shortlist (session, error);
  if (result == NULL)
    return FALSE;
  split_named (result, candidates, nominees);
  profile = qa_session_get_profile (session);
  confirmed = qa_outcome_dup_confirmed_on (session);
  from = _qa_format_letter_date (starts_on);
  to = _qa_format_letter_date (ends_on);
  decided = _qa_format_letter_date (confirmed);

  /* Translators: the heading of the public notice, %s the award's name */
  heading = g_strdup_printf (_("Public notice of the proposed recipients of the %u %s"),
                             qa_session_get_year (session), qa_profile_get_award_name (profile));
  pdf = _qa_pdf_document_new (heading, QA_PDF_PORTRAIT);
  _qa_pdf_add_title (pdf, heading, NULL);

  if (result->vacant)
    {
      intro = g_strdup_printf (_("After the eligibility check, the material review, the site review "
                                 "and the comprehensive evaluation, the review committee decided "
                                 "in its plenary meeting of %s: %s"),
                               decided, result->vacancy_reason);
      _qa_pdf_add_paragraph (pdf, intro);
    }
  else
    {
      intro = g_strdup_printf (_("After the eligibility check, the material review, the site review "
                                 "and the comprehensive evaluation, the review committee decided "
                                 "in its plenary meeting of %s to propose the following "
                                 "organisations for the %s (in the order of their final "
                                 "scores):"),
                               decided, qa_profile_get_award_name (profile));
      _qa_pdf_add_paragraph (pdf, intro);
      list_rows (pdf, candidates);
    }
  if (nominees->len > 0)
    {
      g_autofree char *line = g_strdup_printf (_("Proposed for the %s:"),
                                               qa_profile_tier_get_name (qa_profile_get_tier (profile, 1)));

      _qa_pdf_add_paragraph (pdf, line);
      list_rows (pdf, nominees);
    }

  period = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "The notice runs from %s to %s (%u day, both included).",
                                         "The notice runs from %s to %s (%u days, both included).",
                                         qa_profile_get_public_notice_days (profile)),
                            from, to, qa_profile_get_public_notice_days (profile));
  _qa_pdf_add_paragraph (pdf, period);
  how = g_strdup (_("Anyone who objects to a proposed recipient may raise the objection in writing "
                    "with the secretariat of the review committee within the notice period, giving "
                    "their real name, a way to reach them, and the facts and grounds of the "
                    "objection. Anonymous objections and objections received after the period are "
                    "not taken (Art. 16(6))."));
  _qa_pdf_add_paragraph (pdf, how);

  /* Translators: who signs the public notice, %s the award's name */
  signature = g_strdup_printf (_("Review committee of the %s"), qa_profile_get_award_name (profile));
  date = _qa_format_letter_date (starts_on);
  _qa_pdf_add_signature (pdf, signature, date);
  return _qa_pdf_write (pdf, path, flags, QA_OUTCOME_ERROR, QA_OUTCOME_ERROR_WRITE, error);
}

/* Objections --------------------------------------------------------------------------------- */

static const char * const objection_statuses[] = { "received", "upheld", "dismissed" };

const char *
qa_objection_status_to_string (QaObjectionStatus status)
{
  g_return_val_if_fail (status <= QA_OBJECTION_DISMISSED, NULL);
  return objection_statuses[status];
}

void
qa_objection_free (QaObjection *objection)
{
  if (objection == NULL)
    return;
  g_free (objection->applicant_id);
  g_free (objection->objector);
  g_free (objection->contact);
  g_free (objection->received_on);
  g_free (objection->grounds);
  g_free (objection->decision);
  g_free (objection->decided_on);
  g_free (objection);
}

typedef struct
{
  const char *applicant_id;
  const char *objector;
  const char *contact;
  const char *received_on;
  const char *grounds;
  gint64      id;
} NewObjection;

static gboolean
add_objection_cb (QaDatabase  *db,
                  gpointer     user_data,
                  GError     **error)
{
  NewObjection *objection = user_data;
  g_autofree char *after = NULL;
  g_autofree char *id = NULL;
  sqlite3_stmt *stmt;

  stmt = _qa_database_prepare (db,
                               "INSERT INTO objection (applicant_id, received_on, objector, contact, "
                               "content) VALUES (?1, ?2, ?3, ?4, ?5)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, objection->applicant_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, objection->received_on, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, objection->objector, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, objection->contact, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, objection->grounds, -1, SQLITE_TRANSIENT);
  if (!_qa_database_check (db, sqlite3_step (stmt), error))
    return FALSE;
  objection->id = sqlite3_last_insert_rowid (_qa_database_get_handle (db));
  id = g_strdup_printf ("%" G_GINT64_FORMAT, objection->id);
  after = g_strdup_printf ("applicant=%s; objector=%s; contact=%s; received=%s; grounds=%s",
                           objection->applicant_id, objection->objector, objection->contact,
                           objection->received_on, objection->grounds);
  return _qa_audit_append (db, "objection.add", "objection", id, NULL, after, error);
}

static gboolean
check_objection (QaSession     *session,
                 NewObjection  *objection,
                 GError       **error)
{
  g_autofree char *starts_on = NULL;
  g_autofree char *ends_on = NULL;
  g_autoptr(QaShortlistResult) result = NULL;
  const QaShortlistRow *row;
  GDate received;

  if (!_qa_outcome_require_secretariat (qa_session_get_database (session), _("record an objection"),
                                        error))
    return FALSE;
  if (!qa_outcome_get_notice (session, &starts_on, &ends_on))
    {
      g_set_error (error, QA_OUTCOME_ERROR, QA_OUTCOME_ERROR_OBJECTION,
                   _("Art. 16(6): objections are taken during the public notice, and no notice "
                     "is open"));
      return FALSE;
    }
  if (!_qa_outcome_require_text (objection->objector, "--objector", _("Art. 16(6) (anonymous "
                                 "objections are not taken)"), error) ||
      !_qa_outcome_require_text (objection->contact, "--contact", _("Art. 16(6) (anonymous "
                                 "objections are not taken)"), error) ||
      !_qa_outcome_require_text (objection->grounds, "--grounds", _("Art. 16(6)"), error))
    {
      (*error)->code = QA_OUTCOME_ERROR_OBJECTION;
      return FALSE;
    }
  if (!_qa_outcome_parse_date (objection->received_on, "--received", &received, error))
    return FALSE;
  if (strcmp (objection->received_on, starts_on) < 0 || strcmp (objection->received_on, ends_on) > 0)
    {
      g_set_error (error, QA_OUTCOME_ERROR, QA_OUTCOME_ERROR_OBJECTION,
                   _("Art. 16(6): received on %s, outside the notice period %s to %s"),
                   objection->received_on, starts_on, ends_on);
      return FALSE;
    }
  result = qa_outcome_shortlist (session, error);
  if (result == NULL)
    return FALSE;
  row = find_row (result, objection->applicant_id);
  if (row == NULL || (row->status != QA_OUTCOME_CANDIDATE && row->status != QA_OUTCOME_NOMINEE))
    {
      g_set_error (error, QA_OUTCOME_ERROR, QA_OUTCOME_ERROR_OBJECTION,
                   _("Art. 16(6): %s is not a candidate on the notice (%s); objections are taken "
                     "against candidates"),
                   objection->applicant_id,
                   row != NULL ? qa_outcome_status_to_string (row->status) : _("no such applicant"));
      return FALSE;
    }
  return TRUE;
}

gboolean
qa_outcome_check_objection (QaSession   *session,
                            const char  *applicant_id,
                            const char  *objector,
                            const char  *contact,
                            const char  *received_on,
                            const char  *grounds,
                            GError     **error)
{
  NewObjection objection = { applicant_id, objector, contact, received_on, grounds, 0 };
  g_autofree char *objector_clean = g_strstrip (g_strdup (objector != NULL ? objector : ""));
  g_autofree char *contact_clean = g_strstrip (g_strdup (contact != NULL ? contact : ""));

  g_return_val_if_fail (QA_IS_SESSION (session), FALSE);

  objection.objector = objector_clean;
  objection.contact = contact_clean;
  if (received_on == NULL)
    {
      g_set_error (error, QA_OUTCOME_ERROR, QA_OUTCOME_ERROR_OBJECTION,
                   _("Art. 16(6): --received is required"));
      return FALSE;
    }
  return check_objection (session, &objection, error);
}

gint64
qa_outcome_add_objection (QaSession   *session,
                          const char  *applicant_id,
                          const char  *objector,
                          const char  *contact,
                          const char  *received_on,
                          const char  *grounds,
                          GError     **error)
{
  NewObjection objection = { applicant_id, objector, contact, received_on, grounds, 0 };
  g_autofree char *objector_clean = g_strstrip (g_strdup (objector != NULL ? objector : ""));
  g_autofree char *contact_clean = g_strstrip (g_strdup (contact != NULL ? contact : ""));
  GError *local_error = NULL;

  g_return_val_if_fail (QA_IS_SESSION (session), 0);

  objection.objector = objector_clean;
  objection.contact = contact_clean;
  if (received_on == NULL)
    {
      local_error = g_error_new (QA_OUTCOME_ERROR, QA_OUTCOME_ERROR_OBJECTION,
                                 _("Art. 16(6): --received is required"));
      _qa_outcome_refuse (session, "objection.add.refused", "applicant", applicant_id, local_error,
                          error);
      return 0;
    }
  if (!check_objection (session, &objection, &local_error) ||
      !qa_database_transaction (qa_session_get_database (session), add_objection_cb, &objection,
                                &local_error))
    {
      _qa_outcome_refuse (session, "objection.add.refused", "applicant", applicant_id, local_error,
                          error);
      return 0;
    }
  return objection.id;
}

typedef struct
{
  gint64      id;
  gboolean    upheld;
  const char *reason;
  char       *date;
} Decision;

static gboolean
decide_objection_cb (QaDatabase  *db,
                     gpointer     user_data,
                     GError     **error)
{
  Decision *decision = user_data;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, decision->id);
  g_autofree char *after = NULL;
  g_autofree char *applicant = NULL;
  sqlite3_stmt *stmt;

  stmt = _qa_database_prepare (db, "SELECT status, applicant_id FROM objection WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, decision->id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, QA_OUTCOME_ERROR, QA_OUTCOME_ERROR_UNKNOWN,
                   _("There is no objection No. %lld"), (long long)decision->id);
      return FALSE;
    }
  if (g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "received") != 0 &&
      g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "under_review") != 0)
    {
      g_autofree char *status = g_strdup ((const char *)sqlite3_column_text (stmt, 0));

      sqlite3_reset (stmt);
      g_set_error (error, QA_OUTCOME_ERROR, QA_OUTCOME_ERROR_STAGE,
                   _("Art. 16(6): objection No. %lld is already decided (%s)"),
                   (long long)decision->id, status);
      return FALSE;
    }
  applicant = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
  sqlite3_reset (stmt);

  stmt = _qa_database_prepare (db, "UPDATE objection SET status = ?2, decision = ?3, decided_on = ?4 "
                                   "WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, decision->id);
  sqlite3_bind_text (stmt, 2, decision->upheld ? "upheld" : "dismissed", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, decision->reason, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, decision->date, -1, SQLITE_TRANSIENT);
  if (!_qa_database_check (db, sqlite3_step (stmt), error))
    return FALSE;

  /* An upheld objection cancels the nomination (the place is not refilled). */
  if (decision->upheld)
    {
      stmt = _qa_database_prepare (db, "UPDATE applicant SET status = 'site' WHERE id = ?1 "
                                       "AND status = 'candidate'", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, applicant, -1, SQLITE_TRANSIENT);
      if (!_qa_database_check (db, sqlite3_step (stmt), error))
        return FALSE;
    }
  after = g_strdup_printf ("%s; applicant=%s; on=%s; reason=%s",
                           decision->upheld ? "upheld" : "dismissed", applicant, decision->date,
                           decision->reason);
  return _qa_audit_append (db, "objection.decide", "objection", id, "received", after, error);
}

gboolean
qa_outcome_decide_objection (QaSession   *session,
                             gint64       id,
                             gboolean     upheld,
                             const char  *reason,
                             const char  *date,
                             GError     **error)
{
  QaDatabase *db;
  g_autofree char *subject = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  Decision decision = { id, upheld, reason, NULL };
  GError *local_error = NULL;
  GDate parsed;
  gboolean ok;

  g_return_val_if_fail (QA_IS_SESSION (session), FALSE);

  db = qa_session_get_database (session);
  if (!_qa_outcome_require_secretariat (db, _("record the committee's re-check of an objection"),
                                        &local_error) ||
      !_qa_outcome_require_text (reason, "--reason", _("Art. 16(6)"), &local_error) ||
      !_qa_outcome_parse_date (date, "--date", &parsed, &local_error))
    return _qa_outcome_refuse (session, "objection.decide.refused", "objection", subject,
                               local_error, error);
  decision.date = _qa_outcome_format_date (&parsed);
  ok = qa_database_transaction (db, decide_objection_cb, &decision, &local_error);
  g_free (decision.date);
  if (!ok)
    return _qa_outcome_refuse (session, "objection.decide.refused", "objection", subject,
                               local_error, error);
  return qa_session_reload (session, error);
}

GPtrArray *
qa_outcome_list_objections (QaSession  *session,
                            GError    **error)
{
  QaDatabase *db;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)qa_objection_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (QA_IS_SESSION (session), NULL);

  db = qa_session_get_database (session);
  stmt = _qa_database_prepare (db,
                               "SELECT id, applicant_id, objector, contact, received_on, content, "
                               "status, decision, decided_on FROM objection ORDER BY id",
                               error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      QaObjection *o = g_new0 (QaObjection, 1);
      const char *status = (const char *)sqlite3_column_text (stmt, 6);

      o->id = sqlite3_column_int64 (stmt, 0);
      o->applicant_id = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      o->objector = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      o->contact = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
      o->received_on = g_strdup ((const char *)sqlite3_column_text (stmt, 4));
      o->grounds = g_strdup ((const char *)sqlite3_column_text (stmt, 5));
      o->status = g_strcmp0 (status, "upheld") == 0 ? QA_OBJECTION_UPHELD
                  : g_strcmp0 (status, "dismissed") == 0 ? QA_OBJECTION_DISMISSED
                  : QA_OBJECTION_RECEIVED;
      o->decision = g_strdup ((const char *)sqlite3_column_text (stmt, 7));
      o->decided_on = g_strdup ((const char *)sqlite3_column_text (stmt, 8));
      g_ptr_array_add (list, o);
    }
  sqlite3_reset (stmt);
  if (!_qa_database_check (db, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

static const QaExportColumn objection_columns[] = {
  { "id", N_("No."), QA_COLUMN_INTEGER, 0.05, FALSE },
  { "applicant_id", N_("Applicant"), QA_COLUMN_TEXT, 0.09, FALSE },
  { "objector", N_("Objector"), QA_COLUMN_TEXT, 0.10, FALSE },
  { "contact", N_("Contact"), QA_COLUMN_TEXT, 0.13, TRUE },
  { "received", N_("Received"), QA_COLUMN_DATE, 0.09, FALSE },
  { "status", N_("Status"), QA_COLUMN_TEXT, 0.08, FALSE },
  { "grounds", N_("Grounds"), QA_COLUMN_TEXT, 0.24, TRUE },
  { "decision", N_("Committee's re-check"), QA_COLUMN_TEXT, 0.22, TRUE },
};

QaExportTable *
qa_outcome_objections_table (QaSession *session,
                             GPtrArray *objections)
{
  g_autofree char *session_title = qa_session_dup_title (session);
  g_autofree char *title = g_strdup_printf (_("%s: objections during the public notice"),
                                            session_title);
  QaExportTable *table = qa_export_table_new ("objections", title, objection_columns,
                                              G_N_ELEMENTS (objection_columns));

  for (guint i = 0; i < objections->len; i++)
    {
      const QaObjection *o = g_ptr_array_index (objections, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, o->id);
      g_autofree char *decision = o->decision != NULL
                                  ? g_strdup_printf ("%s: %s", o->decided_on, o->decision)
                                  : g_strdup ("");
      const char *cells[] = { id, o->applicant_id, o->objector, o->contact, o->received_on,
                              qa_objection_status_to_string (o->status), o->grounds, decision };

      qa_export_table_add_row (table, cells);
    }
  return table;
}

/* The submission to the government ----------------------------------------------------------- */

gboolean
qa_outcome_check_submittable (QaSession   *session,
                              const char  *date,
                              GError     **error)
{
  g_autofree char *ends_on = NULL;
  g_autoptr(GPtrArray) objections = NULL;
  GDate parsed;

  g_return_val_if_fail (QA_IS_SESSION (session), FALSE);

  if (!_qa_outcome_parse_date (date, "--date", &parsed, error))
    return FALSE;
  if (!qa_outcome_get_notice (session, NULL, &ends_on))
    {
      g_set_error (error, QA_OUTCOME_ERROR, QA_OUTCOME_ERROR_STAGE,
                   _("Art. 16(6): the list goes to the government after its public notice, and "
                     "no notice has been opened"));
      return FALSE;
    }
  {
    g_autofree char *iso = _qa_outcome_format_date (&parsed);

    if (strcmp (iso, ends_on) <= 0)
      {
        g_set_error (error, QA_OUTCOME_ERROR, QA_OUTCOME_ERROR_STAGE,
                     _("Art. 16(6): the public notice runs until %s inclusive; not before %s"),
                     ends_on, ends_on);
        return FALSE;
      }
  }
  objections = qa_outcome_list_objections (session, error);
  if (objections == NULL)
    return FALSE;
  for (guint i = 0; i < objections->len; i++)
    {
      const QaObjection *o = g_ptr_array_index (objections, i);

      if (o->status == QA_OBJECTION_RECEIVED)
        {
          g_set_error (error, QA_OUTCOME_ERROR, QA_OUTCOME_ERROR_STAGE,
                       _("Art. 16(6): objection No. %lld against %s is not "
                         "decided yet; the committee re-checks every objection first"),
                       (long long)o->id, o->applicant_id);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
submit_cb (QaDatabase  *db,
           gpointer     user_data,
           GError     **error)
{
  const char *date = user_data;
  g_autofree char *now = _qa_now_iso ();
  sqlite3_stmt *stmt;

  stmt = _qa_database_prepare (db, "INSERT INTO submission (id, submitted_on, recorded_at) "
                                   "VALUES (1, ?1, ?2) ON CONFLICT (id) DO UPDATE SET "
                                   "submitted_on = excluded.submitted_on, "
                                   "recorded_at = excluded.recorded_at", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  return _qa_database_check (db, sqlite3_step (stmt), error) &&
         _qa_audit_append (db, "outcome.submit", "session", NULL, NULL, date, error);
}

gboolean
qa_outcome_write_submission_pdf (QaSession     *session,
                                 const char    *date,
                                 const char    *path,
                                 QaOutputFlags  flags,
                                 GError       **error)
{
  QaDatabase *db;
  QaProfile *profile;
  g_autoptr(QaShortlistResult) result = NULL;
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();
  g_autoptr(GPtrArray) nominees = g_ptr_array_new ();
  g_autoptr(GPtrArray) objections = NULL;
  g_autofree char *starts_on = NULL;
  g_autofree char *ends_on = NULL;
  g_autofree char *confirmed = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *objected = NULL;
  g_autofree char *prize = NULL;
  g_autofree char *salutation = NULL;
  g_autofree char *signature = NULL;
  g_autofree char *letter_date = NULL;
  g_autofree char *iso = NULL;
  GError *local_error = NULL;
  guint upheld = 0, dismissed = 0;
  GDate parsed;
  g_autoptr(QaPdfDocument) pdf = NULL;

  g_return_val_if_fail (QA_IS_SESSION (session), FALSE);

  db = qa_session_get_database (session);
  if (!_qa_outcome_require_secretariat (db, _("submit the list to the government"), &local_error) ||
      !qa_outcome_check_submittable (session, date, &local_error))
    return _qa_outcome_refuse (session, "outcome.submit.refused", "session", NULL, local_error,
                               error);
  _qa_outcome_parse_date (date, "--date", &parsed, NULL);
  iso = _qa_outcome_format_date (&parsed);

  result = qa_outcome_shortlist (session, error);
  objections = result != NULL ? qa_outcome_list_objections (session, error) : NULL;
  if (objections == NULL)
    return FALSE;
  for (guint i = 0; i < objections->len; i++)
    {
      const QaObjection *o = g_ptr_array_index (objections, i);

      upheld += o->status == QA_OBJECTION_UPHELD;
      dismissed += o->status == QA_OBJECTION_DISMISSED;
    }
  split_named (result, candidates, nominees);
  profile = qa_session_get_profile (session);
  qa_outcome_get_notice (session, &starts_on, &ends_on);
  confirmed = qa_outcome_dup_confirmed_on (session);

  heading = g_strdup_printf (_("Request for approval of the recipients of the %u %s"),
                             qa_session_get_year (session), qa_profile_get_award_name (profile));
  pdf = _qa_pdf_document_new (heading, QA_PDF_PORTRAIT);
  _qa_pdf_add_title (pdf, heading, NULL);
  /* Translators: the salutation of the letter to the government, e.g. “甘州区人民政府：” */
  salutation = g_strdup_printf (_("To the %s:"), qa_profile_get_authority (profile));
  _qa_pdf_add_text (pdf, salutation);
  {
    g_autofree char *on = _qa_format_letter_date (confirmed);
    g_autofree char *from = _qa_format_letter_date (starts_on);
    g_autofree char *to = _qa_format_letter_date (ends_on);

    body = g_strdup_printf (_("Under Art. 16 of the award's measures, the applications for the %s "
                              "went through the eligibility check, the material review, the site "
                              "review and the comprehensive evaluation. The review committee "
                              "decided on the proposed list in its plenary meeting of %s, and the "
                              "list was publicly announced from %s to %s."),
                            qa_profile_get_award_name (profile), on, from, to);
  }
  _qa_pdf_add_paragraph (pdf, body);
  objected = g_strdup_printf (_("Objections received during the notice: %u; after the committee's "
                                "re-check, %u upheld (the nomination cancelled, the place not "
                                "refilled) and %u dismissed."),
                              objections->len, upheld, dismissed);
  _qa_pdf_add_paragraph (pdf, objected);

  if (candidates->len == 0)
    {
      g_autofree char *vacant = NULL;

      if (result->vacancy_reason != NULL)
        vacant = g_strdup (result->vacancy_reason);
      else
        vacant = g_strdup (_("No candidate remains after the public notice; the award is left "
                             "vacant this session (Art. 4)."));
      _qa_pdf_add_paragraph (pdf, vacant);
    }
  else
    {
      _qa_pdf_add_paragraph (pdf, _("We request approval to award the title to the following organisations:"));
      list_rows (pdf, candidates);
      prize = g_strdup_printf (_("Each recipient receives the certificate and a prize of %u yuan "
                                 "in the name of the %s (Art. 4, 16(7))."),
                               qa_profile_get_prize_yuan (profile),
                               qa_profile_get_authority (profile));
      _qa_pdf_add_paragraph (pdf, prize);
    }
  if (nominees->len > 0)
    {
      g_autofree char *line = g_strdup_printf (_("And the %s to:"),
                                               qa_profile_tier_get_name (qa_profile_get_tier (profile, 1)));

      _qa_pdf_add_paragraph (pdf, line);
      list_rows (pdf, nominees);
    }
  _qa_pdf_add_paragraph (pdf, _("We ask for your approval."));

  signature = g_strdup_printf (_("Review committee of the %s"), qa_profile_get_award_name (profile));
  letter_date = _qa_format_letter_date (iso);
  _qa_pdf_add_signature (pdf, signature, letter_date);
  if (!_qa_pdf_write (pdf, path, flags, QA_OUTCOME_ERROR, QA_OUTCOME_ERROR_WRITE, error))
    return FALSE;
  return qa_database_transaction (db, submit_cb, iso, error);
}

/* The comprehensive evaluation report -------------------------------------------------------- */

static GPtrArray *
panel_names (QaDatabase *db)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = _qa_database_prepare (db,
                                             "SELECT e.name, m.expert_id = p.chair_id FROM "
                                             "panel_member m JOIN panel p ON p.stage = m.stage "
                                             "JOIN expert e ON e.id = m.expert_id WHERE "
                                             "m.stage = 'site' AND m.role = 'member' "
                                             "ORDER BY m.expert_id = p.chair_id DESC, e.id",
                                             NULL);

  if (stmt == NULL)
    return names;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (names, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  return names;
}

gboolean
qa_outcome_write_evaluation_pdf (QaSession     *session,
                                 const char    *path,
                                 QaOutputFlags  flags,
                                 GError       **error)
{
  static const double widths[] = { 0.05, 0.22, 0.08, 0.08, 0.08, 0.11, 0.38 };
  g_autoptr(QaShortlistResult) result = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *session_title = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *numbers = NULL;
  const char *header[] = { _("Rank"), _("Organisation name"), _("Material score"),
                           _("Site score"), _("Final score"), _("Status"), _("Reason") };
  g_autoptr(QaPdfDocument) pdf = NULL;

  g_return_val_if_fail (QA_IS_SESSION (session), FALSE);

  result = qa_outcome_shortlist (session, error);
  if (result == NULL)
    return FALSE;
  session_title = qa_session_dup_title (session);
  heading = g_strdup_printf (_("%s: report of the comprehensive evaluation (Art. 16(5))"),
                             session_title);
  pdf = _qa_pdf_document_new (heading, QA_PDF_LANDSCAPE);
  _qa_pdf_add_heading (pdf, heading);
  numbers = profile_numbers (session);
  _qa_pdf_add_text (pdf, numbers);
  if (result->vacant)
    _qa_pdf_add_heading (pdf, result->vacancy_reason);
  _qa_pdf_add_row (pdf, header, widths, G_N_ELEMENTS (widths), TRUE);
  for (guint i = 0; i < result->rows->len; i++)
    {
      const QaShortlistRow *row = g_ptr_array_index (result->rows, i);
      g_autofree char *rank = row->rank > 0 ? g_strdup_printf ("%u", row->rank) : g_strdup ("");
      g_autofree char *material = row->has_material ? qa_rules_format_score_x100 (row->material_x100) : g_strdup ("");
      g_autofree char *site = row->has_site ? qa_rules_format_score_x100 (row->site_x100) : g_strdup ("");
      g_autofree char *final = row->has_final ? qa_rules_format_final (row->final_x100000) : g_strdup ("");
      g_autofree char *name = g_strdup_printf ("%s (%s)", row->name, row->applicant_id);
      const char *cells[] = { rank, name, material, site, final,
                              qa_outcome_status_get_label (row->status), row->reason };

      _qa_pdf_add_row (pdf, cells, widths, G_N_ELEMENTS (widths), FALSE);
    }

  /* Signature lines for the panel. */
  names = panel_names (qa_session_get_database (session));
  _qa_pdf_add_heading (pdf, _("Signatures of the expert panel:"));
  for (guint i = 0; i < names->len; i++)
    {
      /* Translators: a signature line; %s is the panel member's name */
      g_autofree char *line = g_strdup_printf (i == 0 ? _("Panel chair %s: ______________________")
                                                      : _("Member %s: ______________________"),
                                               (const char *)g_ptr_array_index (names, i));

      _qa_pdf_add_text (pdf, line);
    }
  if (names->len == 0)
    _qa_pdf_add_text (pdf, _("Panel chair: ______________________"));
  return _qa_pdf_write (pdf, path, flags, QA_OUTCOME_ERROR, QA_OUTCOME_ERROR_WRITE, error);
}
