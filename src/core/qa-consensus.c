/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "qa-consensus"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "qa-audit-private.h"
#include "qa-consensus-private.h"
#include "qa-database-private.h"
#include "qa-experts.h"
#include "qa-roles.h"
#include "qa-scores.h"
#include "qa-session-private.h"
#include "qa-util-private.h"

G_DEFINE_QUARK (qa-consensus-error-quark, qa_consensus_error)

void
qa_consensus_item_free (QaConsensusItem *item)
{
  if (item == NULL)
    return;
  g_free (item->applicant_id);
  g_free (item->item);
  g_free (item->category);
  g_free (item->strengths);
  g_free (item->improvements);
  g_free (item->rationale);
  g_free (item);
}

void
qa_consensus_total_free (QaConsensusTotal *total)
{
  if (total == NULL)
    return;
  g_free (total->applicant_id);
  g_free (total);
}

void
qa_consensus_category_total_free (QaConsensusCategoryTotal *total)
{
  if (total == NULL)
    return;
  g_free (total->applicant_id);
  g_free (total->category);
  g_free (total);
}

void
qa_consensus_sentence_free (QaConsensusSentence *sentence)
{
  if (sentence == NULL)
    return;
  g_free (sentence->reviewer_id);
  g_free (sentence->item);
  g_free (sentence->text);
  g_free (sentence);
}

void
qa_consensus_reviewer_free (QaConsensusReviewer *reviewer)
{
  if (reviewer == NULL)
    return;
  g_free (reviewer->reviewer_id);
  g_free (reviewer);
}

void
qa_consensus_outline_free (QaConsensusOutline *outline)
{
  if (outline == NULL)
    return;
  g_free (outline->reviewer_id);
  g_free (outline->percents);
  g_free (outline);
}

/* The rules ---------------------------------------------------------------------------------- */

static int
compare_int (gconstpointer a,
             gconstpointer b)
{
  int x = *(const int *)a, y = *(const int *)b;

  return (x > y) - (x < y);
}

/* @numerator / @denominator rounded to the nearest multiple of @step, halves up, for
 * non-negative values: floor(n / (d·step) + 1/2) · step, on integers only. */
static int
round_to_step (gint64 numerator,
               gint64 denominator,
               guint  step)
{
  gint64 unit = denominator * (gint64)step;

  return (int)(((2 * numerator + unit) / (2 * unit)) * (gint64)step);
}

/* Fills the figures of @item from @values (sorted ascending). */
static void
combine (QaProfile       *profile,
         const int       *values,
         guint            n,
         QaConsensusItem *item)
{
  gint64 sum = 0, trimmed_sum;
  guint trimmed_n, step = qa_profile_get_consensus_rounding (profile);
  int median2;

  item->scorers = n;
  if (n == 0)
    {
      item->default_percent = -1;
      return;
    }

  for (guint i = 0; i < n; i++)
    sum += values[i];
  item->min = values[0];
  item->max = values[n - 1];
  item->spread = item->max - item->min;
  item->flagged = (guint)item->spread >= qa_profile_get_discussion_spread (profile);
  /* 10·sum/n, halves up. */
  item->mean_x10 = (int)((20 * sum + n) / (2 * (gint64)n));
  median2 = n % 2 == 1 ? 2 * values[n / 2] : values[n / 2 - 1] + values[n / 2];
  item->median_x10 = 5 * median2;
  item->mean = item->mean_x10 / 10.0;
  item->median = item->median_x10 / 10.0;

  switch (qa_profile_get_consensus_method (profile))
    {
    case QA_CONSENSUS_METHOD_MEDIAN:
      item->default_percent = round_to_step (median2, 2, step);
      break;

    case QA_CONSENSUS_METHOD_TRIMMED_MEAN:
      trimmed_sum = sum;
      trimmed_n = n;
      if (n >= qa_profile_get_trim_min_scorers (profile) && n >= 3)
        {
          trimmed_sum -= values[0] + values[n - 1];
          trimmed_n -= 2;
        }
      item->default_percent = round_to_step (trimmed_sum, trimmed_n, step);
      break;

    case QA_CONSENSUS_METHOD_MEAN:
    default:
      item->default_percent = round_to_step (sum, n, step);
      break;
    }
}

int
qa_consensus_default_percent (QaProfile *profile,
                              const int *values,
                              guint      n_values)
{
  g_autofree int *sorted = NULL;
  QaConsensusItem item = { 0 };

  g_return_val_if_fail (QA_IS_PROFILE (profile), -1);
  g_return_val_if_fail (values != NULL || n_values == 0, -1);

  sorted = g_memdup2 (values, n_values * sizeof (int));
  if (n_values > 0)
    qsort (sorted, n_values, sizeof (int), compare_int);
  combine (profile, sorted, n_values, &item);
  return item.default_percent;
}

char *
qa_consensus_format_points (gint64 value_x100)
{
  guint64 magnitude = (guint64)(value_x100 < 0 ? -value_x100 : value_x100);

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u", value_x100 < 0 ? "-" : "",
                          magnitude / 100, (guint)(magnitude % 100));
}

char *
qa_consensus_format_tenths (int value_x10)
{
  guint magnitude = (guint)(value_x10 < 0 ? -value_x10 : value_x10);

  return g_strdup_printf ("%s%u.%u", value_x10 < 0 ? "-" : "", magnitude / 10, magnitude % 10);
}

/* Computing ---------------------------------------------------------------------------------- */

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

static void
finish_item (QaProfile       *profile,
             QaConsensusItem *item,
             GArray          *values)
{
  combine (profile, (const int *)(gpointer)values->data, values->len, item);
  if (!item->recorded)
    item->percent = item->default_percent;
  /* The chair agreed against another default than today's: a re-imported sheet moved it. */
  item->stale = item->recorded && item->decided_default >= 0 &&
                item->decided_default != item->default_percent;
  item->points_x100 = item->percent >= 0 ? (gint64)item->points * item->percent : 0;
  g_array_set_size (values, 0);
}

/* One applicant's scores, by item code: each item's values in ascending order. */
typedef struct
{
  GHashTable *by_item;     /* code → GArray of int; the arrays are kept and reused */
  GHashTable *reviewers;   /* expert ids seen for the applicant */
  GPtrArray  *arrays;      /* every GArray of by_item, to empty them for the next applicant */
} ApplicantScores;

static void
applicant_scores_clear (ApplicantScores *scores)
{
  for (guint i = 0; i < scores->arrays->len; i++)
    g_array_set_size (g_ptr_array_index (scores->arrays, i), 0);
  g_hash_table_remove_all (scores->reviewers);
}

/* Reads the scores of @applicant from @stmt (ordered by applicant, item, percent), which stands
 * on the first row not yet read (@rc), skipping those of applicants before it. */
static int
read_applicant_scores (sqlite3_stmt    *stmt,
                       int              rc,
                       const char      *applicant,
                       ApplicantScores *scores)
{
  applicant_scores_clear (scores);
  while (rc == SQLITE_ROW)
    {
      const char *id = (const char *)sqlite3_column_text (stmt, 0);
      int order = strcmp (id, applicant);
      const char *code;
      GArray *values;
      int value;

      if (order > 0)
        break;
      if (order == 0)
        {
          code = (const char *)sqlite3_column_text (stmt, 1);
          values = g_hash_table_lookup (scores->by_item, code);
          if (values == NULL)
            {
              values = g_array_sized_new (FALSE, FALSE, sizeof (int), 16);
              g_ptr_array_add (scores->arrays, values);
              g_hash_table_insert (scores->by_item, g_strdup (code), values);
            }
          value = sqlite3_column_int (stmt, 2);
          g_array_append_val (values, value);
          if (!g_hash_table_contains (scores->reviewers, sqlite3_column_text (stmt, 3)))
            g_hash_table_add (scores->reviewers, g_strdup ((const char *)sqlite3_column_text (stmt, 3)));
        }
      rc = sqlite3_step (stmt);
    }
  return rc;
}

GPtrArray *
_qa_consensus_compute_counting (QaDatabase  *db,
                                QaProfile   *profile,
                                QaStage      stage,
                                const char  *applicant_id,
                                GHashTable  *scorers,
                                GError     **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify)qa_consensus_item_free);
  g_autoptr(GHashTable) by_item = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) reviewers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) arrays = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  g_autoptr(GArray) none = g_array_new (FALSE, FALSE, sizeof (int));
  ApplicantScores scores = { by_item, reviewers, arrays };
  const char *scores_of = NULL;
  sqlite3_stmt *stmt, *scores_stmt;
  int rc, scores_rc;

  /* Two ordered passes side by side: every item of every applicant of the stage with the
   * chair's value where recorded, and every score of the stage in the order of the
   * score_consensus index (applicant, item, percent) — a scan, not a search per item. Both
   * are ordered by applicant id alike (BINARY, as strcmp()). */
  scores_stmt = _qa_database_prepare (db,
                                      "SELECT applicant_id, item, percent, expert_id FROM score "
                                      "WHERE stage = ?1 AND (?2 IS NULL OR applicant_id = ?2) "
                                      "ORDER BY applicant_id, item, percent",
                                      error);
  if (scores_stmt == NULL)
    return NULL;
  sqlite3_bind_text (scores_stmt, 1, qa_stage_to_string (stage), -1, SQLITE_STATIC);
  if (applicant_id != NULL)
    sqlite3_bind_text (scores_stmt, 2, applicant_id, -1, SQLITE_TRANSIENT);

  /* Prepared before either is stepped: outside a transaction, preparing a statement ends the
   * reads of those left on a row. Stepped together, they read one snapshot. */
  stmt = _qa_database_prepare (db,
                               "SELECT sa.applicant_id, i.code, i.category, i.points, "
                               "c.percent, c.rationale, c.strengths, c.improvements, c.default_percent "
                               "FROM stage_applicant sa CROSS JOIN item i "
                               "LEFT JOIN consensus c ON c.stage = sa.stage "
                               "AND c.applicant_id = sa.applicant_id AND c.item = i.code "
                               "WHERE sa.stage = ?1 AND (?2 IS NULL OR sa.applicant_id = ?2) "
                               "ORDER BY sa.applicant_id, i.position",
                               error);
  if (stmt == NULL)
    {
      sqlite3_reset (scores_stmt);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, qa_stage_to_string (stage), -1, SQLITE_STATIC);
  if (applicant_id != NULL)
    sqlite3_bind_text (stmt, 2, applicant_id, -1, SQLITE_TRANSIENT);
  scores_rc = sqlite3_step (scores_stmt);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *applicant = (const char *)sqlite3_column_text (stmt, 0);
      QaConsensusItem *current;
      GArray *values;

      if (scores_of == NULL || strcmp (scores_of, applicant) != 0)
        {
          if (scorers != NULL && scores_of != NULL)
            g_hash_table_insert (scorers, g_strdup (scores_of),
                                 GUINT_TO_POINTER (g_hash_table_size (reviewers)));
          scores_rc = read_applicant_scores (scores_stmt, scores_rc, applicant, &scores);
        }

      current = g_new0 (QaConsensusItem, 1);
      current->applicant_id = g_strdup (applicant);
      current->item = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      current->category = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      current->points = (guint)sqlite3_column_int (stmt, 3);
      current->percent = -1;
      current->decided_default = -1;
      if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
        {
          current->recorded = TRUE;
          if (sqlite3_column_type (stmt, 8) != SQLITE_NULL)
            current->decided_default = sqlite3_column_int (stmt, 8);
          current->percent = sqlite3_column_int (stmt, 4);
          current->rationale = dup_column (stmt, 5);
          current->strengths = dup_column (stmt, 6);
          current->improvements = dup_column (stmt, 7);
        }
      g_ptr_array_add (items, current);
      scores_of = current->applicant_id;

      values = g_hash_table_lookup (by_item, current->item);
      finish_item (profile, current, values != NULL ? values : none);
    }
  sqlite3_reset (scores_stmt);
  if (!_qa_database_check (db, rc, error))
    return NULL;
  if (scores_rc != SQLITE_ROW && !_qa_database_check (db, scores_rc, error))
    return NULL;
  if (scorers != NULL && scores_of != NULL)
    g_hash_table_insert (scorers, g_strdup (scores_of),
                         GUINT_TO_POINTER (g_hash_table_size (reviewers)));

  return g_steal_pointer (&items);
}

GPtrArray *
_qa_consensus_compute_db (QaDatabase  *db,
                          QaProfile   *profile,
                          QaStage      stage,
                          const char  *applicant_id,
                          GError     **error)
{
  return _qa_consensus_compute_counting (db, profile, stage, applicant_id, NULL, error);
}

GPtrArray *
qa_consensus_compute (QaSession   *session,
                      QaStage      stage,
                      const char  *applicant_id,
                      GError     **error)
{
  g_return_val_if_fail (QA_IS_SESSION (session), NULL);
  g_return_val_if_fail (_qa_stage_is_review (stage), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _qa_consensus_compute_db (qa_session_get_database (session),
                                   qa_session_get_profile (session), stage, applicant_id, error);
}

/* Reviewers whose sheet scores each applicant: applicant → count. */
static GHashTable *
count_scorers (QaDatabase  *db,
               QaStage      stage,
               GError     **error)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _qa_database_prepare (db,
                               "SELECT applicant_id, count(DISTINCT expert_id) FROM score "
                               "WHERE stage = ?1 GROUP BY applicant_id",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, qa_stage_to_string (stage), -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (counts, g_strdup ((const char *)sqlite3_column_text (stmt, 0)),
                         GINT_TO_POINTER (sqlite3_column_int (stmt, 1)));
  if (!_qa_database_check (db, rc, error))
    return NULL;
  return g_steal_pointer (&counts);
}

static GPtrArray *
totals_from_items (GHashTable *scorers,
                   GPtrArray  *items)
{
  GPtrArray *totals = g_ptr_array_new_with_free_func ((GDestroyNotify)qa_consensus_total_free);
  QaConsensusTotal *total = NULL;

  for (guint i = 0; i < items->len; i++)
    {
      const QaConsensusItem *item = g_ptr_array_index (items, i);

      if (total == NULL || strcmp (total->applicant_id, item->applicant_id) != 0)
        {
          total = g_new0 (QaConsensusTotal, 1);
          total->applicant_id = g_strdup (item->applicant_id);
          total->scorers = GPOINTER_TO_UINT (g_hash_table_lookup (scorers, item->applicant_id));
          g_ptr_array_add (totals, total);
        }
      if (item->percent >= 0 && !item->stale)
        total->items_agreed++;
      if (item->flagged)
        total->flagged_items++;
      total->total_x100 += item->points_x100;
    }
  return totals;
}

GPtrArray *
_qa_consensus_totals_db (QaDatabase  *db,
                         QaProfile   *profile,
                         QaStage      stage,
                         GError     **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GHashTable) scorers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  items = _qa_consensus_compute_counting (db, profile, stage, NULL, scorers, error);
  if (items == NULL)
    return NULL;
  return totals_from_items (scorers, items);
}

GPtrArray *
qa_consensus_totals (QaSession  *session,
                     QaStage     stage,
                     GError    **error)
{
  g_return_val_if_fail (QA_IS_SESSION (session), NULL);
  g_return_val_if_fail (_qa_stage_is_review (stage), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _qa_consensus_totals_db (qa_session_get_database (session),
                                  qa_session_get_profile (session), stage, error);
}

GPtrArray *
qa_consensus_totals_from_items (QaSession  *session,
                                QaStage     stage,
                                GPtrArray  *items,
                                GError    **error)
{
  g_autoptr(GHashTable) scorers = NULL;

  g_return_val_if_fail (QA_IS_SESSION (session), NULL);
  g_return_val_if_fail (items != NULL, NULL);

  scorers = count_scorers (qa_session_get_database (session), stage, error);
  if (scorers == NULL)
    return NULL;
  return totals_from_items (scorers, items);
}

GPtrArray *
qa_consensus_category_totals (QaSession   *session,
                              QaStage      stage,
                              const char  *applicant_id,
                              GError     **error)
{
  g_autoptr(GPtrArray) items = NULL;
  GPtrArray *totals;
  GListModel *categories;

  g_return_val_if_fail (QA_IS_SESSION (session), NULL);
  g_return_val_if_fail (applicant_id != NULL, NULL);

  items = qa_consensus_compute (session, stage, applicant_id, error);
  if (items == NULL)
    return NULL;

  totals = g_ptr_array_new_with_free_func ((GDestroyNotify)qa_consensus_category_total_free);
  categories = qa_criteria_get_categories (qa_session_get_criteria (session));
  for (guint c = 0; c < g_list_model_get_n_items (categories); c++)
    {
      g_autoptr(QaCategory) category = g_list_model_get_item (categories, c);
      QaConsensusCategoryTotal *total = g_new0 (QaConsensusCategoryTotal, 1);

      total->applicant_id = g_strdup (applicant_id);
      total->category = g_strdup (qa_category_get_code (category));
      total->points = qa_category_get_points (category);
      for (guint i = 0; i < items->len; i++)
        {
          const QaConsensusItem *item = g_ptr_array_index (items, i);

          if (g_strcmp0 (item->category, total->category) == 0)
            total->total_x100 += item->points_x100;
        }
      g_ptr_array_add (totals, total);
    }
  return totals;
}

/* Setting ------------------------------------------------------------------------------------ */

gboolean
_qa_consensus_require_chair (QaDatabase  *db,
                             const char  *what,
                             GError     **error)
{
  QaRole role;

  if (qa_role_from_string (qa_database_get_operator_role (db), &role) &&
      qa_role_allows (role, QA_PERMISSION_CONSENSUS))
    return TRUE;

  /* Translators: %s says what was refused, e.g. “record the consensus”. */
  g_set_error (error, QA_CONSENSUS_ERROR, QA_CONSENSUS_ERROR_ROLE,
               _("Only the panel chair may %s; the operator acts as “%s”"), what,
               qa_database_get_operator_role (db));
  return FALSE;
}

static gboolean
require_open (QaSession  *session,
              QaStage     stage,
              const char *consequence,
              GError    **error)
{
  g_autofree char *closed_at = qa_session_dup_stage_closed_at (session, stage);

  if (closed_at == NULL)
    return TRUE;
  /* Translators: “The material review was closed at 2026-11-25T08:36:15Z; its consensus …”. */
  g_set_error (error, QA_CONSENSUS_ERROR, QA_CONSENSUS_ERROR_CLOSED,
               _("The %s was closed at %s; %s"), qa_stage_get_title (stage), closed_at, consequence);
  return FALSE;
}

static gboolean
in_stage (QaDatabase *db,
          QaStage     stage,
          const char *applicant_id)
{
  sqlite3_stmt *stmt = _qa_database_prepare (db,
                                             "SELECT 1 FROM stage_applicant WHERE stage = ?1 AND applicant_id = ?2",
                                             NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, qa_stage_to_string (stage), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, applicant_id, -1, SQLITE_TRANSIENT);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

static char *
dup_stripped (const char *text)
{
  char *copy;

  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);
  return copy;
}

typedef struct
{
  QaSession  *session;
  QaStage     stage;
  const char *applicant_id;
  const char *item;
  int         percent;
  char       *rationale;
  char       *strengths;
  char       *improvements;
} SetJob;

static gboolean
set_cb (QaDatabase  *db,
        gpointer     user_data,
        GError     **error)
{
  SetJob *job = user_data;
  QaProfile *profile = qa_session_get_profile (job->session);
  guint step = qa_profile_get_consensus_rounding (profile);
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *now = _qa_now_iso ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const QaConsensusItem *found = NULL;
  sqlite3_stmt *stmt;

  if (!require_open (job->session, job->stage, _("its consensus can no longer be changed"), error))
    return FALSE;
  if (!in_stage (db, job->stage, job->applicant_id))
    {
      g_set_error (error, QA_CONSENSUS_ERROR, QA_CONSENSUS_ERROR_UNKNOWN,
                   _("Applicant %s is not in the %s"), job->applicant_id,
                   qa_stage_get_title (job->stage));
      return FALSE;
    }
  if (job->percent < 0 || job->percent > 100 || job->percent % (int)step != 0)
    {
      g_set_error (error, QA_CONSENSUS_ERROR, QA_CONSENSUS_ERROR_PERCENT,
                   _("--percent: %d is not a multiple of %u from 0 to 100 (the rule profile’s consensus step)"),
                   job->percent, step);
      return FALSE;
    }

  items = _qa_consensus_compute_db (db, profile, job->stage, job->applicant_id, error);
  if (items == NULL)
    return FALSE;
  for (guint i = 0; i < items->len && found == NULL; i++)
    if (strcmp (((QaConsensusItem *)g_ptr_array_index (items, i))->item, job->item) == 0)
      found = g_ptr_array_index (items, i);
  if (found == NULL)
    {
      g_set_error (error, QA_CONSENSUS_ERROR, QA_CONSENSUS_ERROR_UNKNOWN,
                   _("--item: “%s” is not a scored item of the criteria"), job->item);
      return FALSE;
    }
  if (found->scorers == 0)
    {
      g_set_error (error, QA_CONSENSUS_ERROR, QA_CONSENSUS_ERROR_NOT_SCORED,
                   _("Item %s of %s has no imported score yet; the consensus is compiled from the reviewers’ sheets"),
                   job->item, job->applicant_id);
      return FALSE;
    }
  if (job->percent != found->default_percent && job->rationale == NULL)
    {
      g_set_error (error, QA_CONSENSUS_ERROR, QA_CONSENSUS_ERROR_RATIONALE,
                   _("Item %s of %s: %d%% departs from the default consensus of %d%%; a departure needs a written rationale (--rationale)"),
                   job->item, job->applicant_id, job->percent, found->default_percent);
      return FALSE;
    }

  stmt = _qa_database_prepare (db,
                               "INSERT INTO consensus (stage, applicant_id, item, percent, default_percent, "
                               "strengths, improvements, rationale, updated_at) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
                               "ON CONFLICT (stage, applicant_id, item) DO UPDATE SET "
                               "percent = excluded.percent, default_percent = excluded.default_percent, "
                               "strengths = excluded.strengths, improvements = excluded.improvements, "
                               "rationale = excluded.rationale, updated_at = excluded.updated_at",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, qa_stage_to_string (job->stage), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, job->applicant_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, job->item, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, job->percent);
  sqlite3_bind_int (stmt, 5, found->default_percent);
  sqlite3_bind_text (stmt, 6, job->strengths, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, job->improvements, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, job->rationale, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, now, -1, SQLITE_TRANSIENT);
  if (!_qa_database_check (db, sqlite3_step (stmt), error))
    return FALSE;

  if (found->recorded)
    before = g_strdup_printf ("percent=%d; rationale=%s; strengths=%s; improvements=%s",
                              found->percent, or_empty (found->rationale),
                              or_empty (found->strengths), or_empty (found->improvements));
  after = g_strdup_printf ("stage=%s; item=%s; percent=%d; default=%d; rationale=%s; strengths=%s; improvements=%s",
                           qa_stage_to_string (job->stage), job->item, job->percent,
                           found->default_percent, or_empty (job->rationale),
                           or_empty (job->strengths), or_empty (job->improvements));
  return _qa_audit_append (db, "consensus.set", "applicant", job->applicant_id, before, after, error);
}

static void
note_refusal (QaSession    *session,
              const char   *action,
              const char   *subject_id,
              const GError *refusal)
{
  g_autoptr(GError) audit_error = NULL;

  if (refusal->domain != QA_CONSENSUS_ERROR || refusal->code == QA_CONSENSUS_ERROR_WRITE)
    return;
  if (!qa_audit_record_refusal (qa_session_get_database (session), action, "applicant",
                                subject_id, refusal->message, &audit_error))
    g_warning ("A refusal could not be noted in the audit trail: %s", audit_error->message);
}

gboolean
qa_consensus_set (QaSession   *session,
                  QaStage      stage,
                  const char  *applicant_id,
                  const char  *item,
                  int          percent,
                  const char  *rationale,
                  const char  *strengths,
                  const char  *improvements,
                  GError     **error)
{
  SetJob job = { session, stage, applicant_id, item, percent, NULL, NULL, NULL };
  GError *local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (QA_IS_SESSION (session), FALSE);
  g_return_val_if_fail (_qa_stage_is_review (stage), FALSE);
  g_return_val_if_fail (applicant_id != NULL && item != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_qa_consensus_require_chair (qa_session_get_database (session), _("record the consensus"),
                                    &local_error))
    {
      note_refusal (session, "consensus.set.refused", applicant_id, local_error);
      g_propagate_error (error, local_error);
      return FALSE;
    }

  job.rationale = dup_stripped (rationale);
  job.strengths = dup_stripped (strengths);
  job.improvements = dup_stripped (improvements);
  ok = qa_database_transaction (qa_session_get_database (session), set_cb, &job, &local_error);
  g_free (job.rationale);
  g_free (job.strengths);
  g_free (job.improvements);
  if (!ok)
    {
      note_refusal (session, "consensus.set.refused", applicant_id, local_error);
      g_propagate_error (error, local_error);
    }
  return ok;
}

/* Texts -------------------------------------------------------------------------------------- */

static gboolean
ends_sentence (gunichar c)
{
  return c == 0x3002 /* 。 */ || c == 0xFF01 /* ！ */ || c == 0xFF1F /* ？ */ ||
         c == 0xFF1B /* ； */ || c == '!' || c == '?' || c == ';' || c == '\n';
}

/* Splits @text into its sentences, each keeping its closing mark. */
static void
split_sentences (const char *text,
                 const char *reviewer_id,
                 const char *item,
                 GPtrArray  *out)
{
  const char *start = text, *p = text;

  if (text == NULL)
    return;
  while (TRUE)
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = c == 0 ? p : g_utf8_next_char (p);
      gboolean end = c == 0 || ends_sentence (c) ||
                     (c == '.' && (*next == ' ' || *next == '\0' || *next == '\n'));

      if (end)
        {
          g_autofree char *sentence = g_strstrip (g_strndup (start, (gsize)(next - start)));

          if (*sentence != '\0' && strcmp (sentence, "\n") != 0)
            {
              QaConsensusSentence *s = g_new0 (QaConsensusSentence, 1);

              s->reviewer_id = g_strdup (reviewer_id);
              s->item = g_strdup (item);
              s->text = g_steal_pointer (&sentence);
              g_ptr_array_add (out, s);
            }
          start = next;
        }
      if (c == 0)
        break;
      p = next;
    }
}

gboolean
qa_consensus_list_sentences (QaSession   *session,
                             QaStage      stage,
                             const char  *applicant_id,
                             const char  *item,
                             GPtrArray  **strengths,
                             GPtrArray  **improvements,
                             GError     **error)
{
  g_autoptr(GPtrArray) good = g_ptr_array_new_with_free_func ((GDestroyNotify)qa_consensus_sentence_free);
  g_autoptr(GPtrArray) better = g_ptr_array_new_with_free_func ((GDestroyNotify)qa_consensus_sentence_free);
  QaDatabase *db;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (QA_IS_SESSION (session), FALSE);
  g_return_val_if_fail (applicant_id != NULL, FALSE);

  db = qa_session_get_database (session);
  stmt = _qa_database_prepare (db,
                               "SELECT s.expert_id, s.item, s.strengths, s.improvements FROM score s "
                               "JOIN item i ON i.code = s.item "
                               "WHERE s.stage = ?1 AND s.applicant_id = ?2 AND (?3 IS NULL OR s.item = ?3) "
                               "ORDER BY i.position, s.expert_id",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, qa_stage_to_string (stage), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, applicant_id, -1, SQLITE_TRANSIENT);
  if (item != NULL)
    sqlite3_bind_text (stmt, 3, item, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *reviewer = (const char *)sqlite3_column_text (stmt, 0);
      const char *code = (const char *)sqlite3_column_text (stmt, 1);

      split_sentences ((const char *)sqlite3_column_text (stmt, 2), reviewer, code, good);
      split_sentences ((const char *)sqlite3_column_text (stmt, 3), reviewer, code, better);
    }
  if (!_qa_database_check (db, rc, error))
    return FALSE;

  if (strengths != NULL)
    *strengths = g_steal_pointer (&good);
  if (improvements != NULL)
    *improvements = g_steal_pointer (&better);
  return TRUE;
}

/* Appends each sentence of @sentences about @item once, without names. */
static void
append_unique (GString    *out,
               GHashTable *seen,
               GPtrArray  *sentences,
               const char *item)
{
  for (guint i = 0; i < sentences->len; i++)
    {
      const QaConsensusSentence *s = g_ptr_array_index (sentences, i);

      if ((item != NULL && strcmp (s->item, item) != 0) || g_hash_table_contains (seen, s->text))
        continue;
      g_hash_table_add (seen, s->text);
      if (out->len > 0 && !g_unichar_ispunct (g_utf8_get_char (g_utf8_prev_char (out->str + out->len))))
        g_string_append_c (out, ' ');
      else if (out->len > 0 && (guchar)out->str[out->len - 1] < 0x80)
        g_string_append_c (out, ' ');
      g_string_append (out, s->text);
    }
}

static char *
string_or_null (GString *text)
{
  if (text->len == 0)
    {
      g_string_free (text, TRUE);
      return NULL;
    }
  return g_string_free (text, FALSE);
}

/* The consensus texts of each item of @items (chair's, or the reviewers' sentences once),
 * appended to @good and @better, one line per item when @per_line. */
static gboolean
compile_texts (QaSession   *session,
               QaStage      stage,
               const char  *applicant_id,
               GPtrArray   *items,
               GString     *good,
               GString     *better,
               GError     **error)
{
  g_autoptr(GPtrArray) sentences_good = NULL;
  g_autoptr(GPtrArray) sentences_better = NULL;
  g_autoptr(GHashTable) seen_good = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) seen_better = g_hash_table_new (g_str_hash, g_str_equal);

  if (!qa_consensus_list_sentences (session, stage, applicant_id, NULL, &sentences_good,
                                    &sentences_better, error))
    return FALSE;

  for (guint i = 0; i < items->len; i++)
    {
      const QaConsensusItem *item = g_ptr_array_index (items, i);
      GString *targets[2] = { good, better };
      const char *recorded[2] = { item->strengths, item->improvements };
      GPtrArray *sources[2] = { sentences_good, sentences_better };
      GHashTable *seen[2] = { seen_good, seen_better };

      for (guint k = 0; k < 2; k++)
        {
          g_autoptr(GString) text = g_string_new (NULL);

          if (recorded[k] != NULL)
            g_string_append (text, recorded[k]);
          else
            append_unique (text, seen[k], sources[k], item->item);
          if (text->len == 0)
            continue;
          if (targets[k]->len > 0)
            g_string_append_c (targets[k], '\n');
          g_string_append (targets[k], text->str);
        }
    }
  return TRUE;
}

static gboolean
dup_texts_where (QaSession   *session,
                 QaStage      stage,
                 const char  *applicant_id,
                 const char  *item,
                 const char  *category,
                 char       **strengths,
                 char       **improvements,
                 GError     **error)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  GString *good, *better;

  all = qa_consensus_compute (session, stage, applicant_id, error);
  if (all == NULL)
    return FALSE;
  for (guint i = 0; i < all->len; i++)
    {
      QaConsensusItem *c = g_ptr_array_index (all, i);

      if ((item == NULL || strcmp (c->item, item) == 0) &&
          (category == NULL || strcmp (c->category, category) == 0))
        g_ptr_array_add (chosen, c);
    }

  good = g_string_new (NULL);
  better = g_string_new (NULL);
  if (!compile_texts (session, stage, applicant_id, chosen, good, better, error))
    {
      g_string_free (good, TRUE);
      g_string_free (better, TRUE);
      return FALSE;
    }
  if (strengths != NULL)
    *strengths = string_or_null (good);
  else
    g_string_free (good, TRUE);
  if (improvements != NULL)
    *improvements = string_or_null (better);
  else
    g_string_free (better, TRUE);
  return TRUE;
}

gboolean
qa_consensus_dup_texts (QaSession   *session,
                        QaStage      stage,
                        const char  *applicant_id,
                        const char  *item,
                        char       **strengths,
                        char       **improvements,
                        GError     **error)
{
  g_return_val_if_fail (QA_IS_SESSION (session), FALSE);
  g_return_val_if_fail (applicant_id != NULL && item != NULL, FALSE);

  return dup_texts_where (session, stage, applicant_id, item, NULL, strengths, improvements, error);
}

gboolean
qa_consensus_dup_category_texts (QaSession   *session,
                                 QaStage      stage,
                                 const char  *applicant_id,
                                 const char  *category,
                                 char       **strengths,
                                 char       **improvements,
                                 GError     **error)
{
  g_return_val_if_fail (QA_IS_SESSION (session), FALSE);
  g_return_val_if_fail (applicant_id != NULL && category != NULL, FALSE);

  return dup_texts_where (session, stage, applicant_id, NULL, category, strengths, improvements,
                          error);
}

/* Reviewers ---------------------------------------------------------------------------------- */

typedef struct
{
  char   *reviewer_id;
  GHashTable *totals;    /* applicant → gint64* total_x100 */
} RaterTotals;

static QaConsensusReviewer *
reviewer_for (GHashTable *by_id,
              GPtrArray  *list,
              const char *reviewer_id)
{
  QaConsensusReviewer *reviewer = g_hash_table_lookup (by_id, reviewer_id);

  if (reviewer == NULL)
    {
      reviewer = g_new0 (QaConsensusReviewer, 1);
      reviewer->reviewer_id = g_strdup (reviewer_id);
      g_hash_table_insert (by_id, reviewer->reviewer_id, reviewer);
      g_ptr_array_add (list, reviewer);
    }
  return reviewer;
}

static int
compare_reviewers (gconstpointer a,
                   gconstpointer b)
{
  const QaConsensusReviewer *x = *(QaConsensusReviewer * const *)a;
  const QaConsensusReviewer *y = *(QaConsensusReviewer * const *)b;

  return strcmp (x->reviewer_id, y->reviewer_id);
}

typedef struct
{
  gint64 value;
  guint  index;
} RankEntry;

static int
compare_rank_entries (gconstpointer a,
                      gconstpointer b)
{
  const RankEntry *x = a, *y = b;

  return (x->value > y->value) - (x->value < y->value);
}

/* Kendall's W of @m raters' @values (m × n, row per rater), ties by mean rank, corrected. */
static double
kendall_w (const gint64 *values,
           guint         m,
           guint         n)
{
  g_autofree double *rank_sums = g_new0 (double, n);
  g_autofree RankEntry *entries = g_new (RankEntry, n);
  double ties = 0, mean, s = 0, denominator;

  for (guint r = 0; r < m; r++)
    {
      for (guint j = 0; j < n; j++)
        {
          entries[j].value = values[r * n + j];
          entries[j].index = j;
        }
      qsort (entries, n, sizeof (RankEntry), compare_rank_entries);
      for (guint j = 0; j < n;)
        {
          guint k = j;
          double rank;

          while (k + 1 < n && entries[k + 1].value == entries[j].value)
            k++;
          rank = (j + 1 + k + 1) / 2.0;
          for (guint t = j; t <= k; t++)
            rank_sums[entries[t].index] += rank;
          if (k > j)
            {
              double t_count = k - j + 1;

              ties += t_count * t_count * t_count - t_count;
            }
          j = k + 1;
        }
    }

  mean = m * (n + 1) / 2.0;
  for (guint j = 0; j < n; j++)
    s += (rank_sums[j] - mean) * (rank_sums[j] - mean);
  denominator = (double)m * m * ((double)n * n * n - n) - (double)m * ties;
  return denominator > 0 ? 12 * s / denominator : -1;
}

GPtrArray *
qa_consensus_reviewers (QaSession  *session,
                        QaStage     stage,
                        double     *kendall,
                        guint      *w_applicants,
                        GError    **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) rater_totals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                              (GDestroyNotify)g_hash_table_unref);
  g_autoptr(GHashTable) applicants_seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) reviewers = g_ptr_array_new_with_free_func ((GDestroyNotify)qa_consensus_reviewer_free);
  QaProfile *profile;
  QaDatabase *db;
  sqlite3_stmt *stmt;
  int rc;
  gboolean trims;

  g_return_val_if_fail (QA_IS_SESSION (session), NULL);
  g_return_val_if_fail (_qa_stage_is_review (stage), NULL);

  if (kendall != NULL)
    *kendall = -1;
  if (w_applicants != NULL)
    *w_applicants = 0;

  db = qa_session_get_database (session);
  profile = qa_session_get_profile (session);
  trims = qa_profile_get_consensus_method (profile) == QA_CONSENSUS_METHOD_TRIMMED_MEAN;
  items = qa_consensus_compute (session, stage, NULL, error);
  if (items == NULL)
    return NULL;
  for (guint i = 0; i < items->len; i++)
    {
      QaConsensusItem *item = g_ptr_array_index (items, i);

      g_hash_table_insert (by_key, g_strconcat (item->applicant_id, "\n", item->item, NULL), item);
    }

  stmt = _qa_database_prepare (db,
                               "SELECT s.expert_id, s.applicant_id, s.item, s.percent, i.points, "
                               "(SELECT count(*) FROM score t WHERE t.stage = s.stage "
                               "AND t.applicant_id = s.applicant_id AND t.item = s.item "
                               "AND t.percent = s.percent) "
                               "FROM score s JOIN item i ON i.code = s.item WHERE s.stage = ?1",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, qa_stage_to_string (stage), -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *reviewer_id = (const char *)sqlite3_column_text (stmt, 0);
      const char *applicant_id = (const char *)sqlite3_column_text (stmt, 1);
      g_autofree char *key = g_strconcat (applicant_id, "\n", sqlite3_column_text (stmt, 2), NULL);
      const QaConsensusItem *item = g_hash_table_lookup (by_key, key);
      QaConsensusReviewer *reviewer = reviewer_for (by_id, reviewers, reviewer_id);
      int percent = sqlite3_column_int (stmt, 3);
      gboolean alone = sqlite3_column_int (stmt, 5) == 1;
      GHashTable *totals = g_hash_table_lookup (rater_totals, reviewer_id);
      gint64 *total;

      if (totals == NULL)
        {
          totals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
          g_hash_table_insert (rater_totals, g_strdup (reviewer_id), totals);
        }
      total = g_hash_table_lookup (totals, applicant_id);
      if (total == NULL)
        {
          total = g_new0 (gint64, 1);
          g_hash_table_insert (totals, g_strdup (applicant_id), total);
          reviewer->applicants++;
        }
      *total += (gint64)sqlite3_column_int (stmt, 4) * percent;

      if (item == NULL || item->percent < 0)
        continue;
      g_hash_table_add (applicants_seen, item->applicant_id);
      reviewer->scores++;
      reviewer->leniency_sum += percent - item->percent;
      /* The trimming dropped this score when it was the one highest or the one lowest. */
      if (trims && item->scorers >= qa_profile_get_trim_min_scorers (profile) && item->scorers >= 3 &&
          item->spread > 0 && alone)
        {
          if (percent == item->max)
            reviewer->dropped_high++;
          else if (percent == item->min)
            reviewer->dropped_low++;
        }
    }
  if (!_qa_database_check (db, rc, error))
    return NULL;

  for (guint i = 0; i < reviewers->len; i++)
    {
      QaConsensusReviewer *reviewer = g_ptr_array_index (reviewers, i);

      reviewer->leniency = reviewer->scores > 0 ? (double)reviewer->leniency_sum / reviewer->scores : 0;
    }
  g_ptr_array_sort (reviewers, compare_reviewers);

  /* The panel's agreement over the applicants every reviewer scored. */
  {
    g_autoptr(GPtrArray) common = g_ptr_array_new ();
    g_autofree gint64 *values = NULL;
    guint m = reviewers->len;
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, applicants_seen);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      {
        gboolean everyone = TRUE;

        for (guint r = 0; r < m && everyone; r++)
          {
            const QaConsensusReviewer *reviewer = g_ptr_array_index (reviewers, r);
            GHashTable *totals = g_hash_table_lookup (rater_totals, reviewer->reviewer_id);

            everyone = g_hash_table_contains (totals, key);
          }
        if (everyone)
          g_ptr_array_add (common, key);
      }

    if (m >= 2 && common->len >= 2)
      {
        values = g_new (gint64, (gsize)m * common->len);
        for (guint r = 0; r < m; r++)
          {
            const QaConsensusReviewer *reviewer = g_ptr_array_index (reviewers, r);
            GHashTable *totals = g_hash_table_lookup (rater_totals, reviewer->reviewer_id);

            for (guint j = 0; j < common->len; j++)
              values[r * common->len + j] = *(gint64 *)g_hash_table_lookup (totals, g_ptr_array_index (common, j));
          }
        if (kendall != NULL)
          *kendall = kendall_w (values, m, common->len);
        if (w_applicants != NULL)
          *w_applicants = common->len;
      }
  }

  return g_steal_pointer (&reviewers);
}

/* Outlines ---------------------------------------------------------------------------------- */

GPtrArray *
qa_consensus_outlines (QaSession   *session,
                       QaStage      stage,
                       const char  *applicant_id,
                       GError     **error)
{
  g_autoptr(GPtrArray) outlines = g_ptr_array_new_with_free_func ((GDestroyNotify)qa_consensus_outline_free);
  g_autoptr(GPtrArray) scores = NULL;
  g_autofree gint64 *given = NULL;
  g_autofree gint64 *possible = NULL;
  QaCriteria *criteria;
  GListModel *categories;
  guint n;

  g_return_val_if_fail (QA_IS_SESSION (session), NULL);
  g_return_val_if_fail (applicant_id != NULL, NULL);

  scores = qa_scores_list (session, stage, NULL, applicant_id, error);
  if (scores == NULL)
    return NULL;
  criteria = qa_session_get_criteria (session);
  categories = qa_criteria_get_categories (criteria);
  n = g_list_model_get_n_items (categories);
  given = g_new0 (gint64, n);
  possible = g_new0 (gint64, n);

  /* qa_scores_list() is by reviewer: one outline per run of a reviewer's rows. */
  for (guint i = 0; i <= scores->len; i++)
    {
      const QaScoreRecord *record = i < scores->len ? g_ptr_array_index (scores, i) : NULL;
      const QaScoreRecord *previous = i > 0 ? g_ptr_array_index (scores, i - 1) : NULL;

      if (previous != NULL && (record == NULL || strcmp (record->reviewer_id, previous->reviewer_id) != 0))
        {
          QaConsensusOutline *outline = g_new0 (QaConsensusOutline, 1);

          outline->reviewer_id = g_strdup (previous->reviewer_id);
          outline->n = n;
          outline->percents = g_new (double, n);
          for (guint c = 0; c < n; c++)
            outline->percents[c] = possible[c] > 0 ? (double)given[c] / possible[c] : -1;
          g_ptr_array_add (outlines, outline);
          memset (given, 0, n * sizeof (gint64));
          memset (possible, 0, n * sizeof (gint64));
        }
      if (record == NULL)
        break;
      {
        QaItem *item = qa_criteria_lookup_item (criteria, record->item);

        if (item == NULL)
          continue;
        for (guint c = 0; c < n; c++)
          {
            g_autoptr(QaCategory) category = g_list_model_get_item (categories, c);

            if (g_strcmp0 (qa_category_get_code (category), qa_item_get_category_code (item)) == 0)
              {
                given[c] += (gint64)qa_item_get_points (item) * record->percent;
                possible[c] += qa_item_get_points (item);
              }
          }
      }
    }
  return g_steal_pointer (&outlines);
}

/* Completeness ------------------------------------------------------------------------------- */

GPtrArray *
_qa_consensus_check_complete_db (QaDatabase  *db,
                                 QaProfile   *profile,
                                 QaStage      stage,
                                 GPtrArray   *items,
                                 GError     **error)
{
  g_autoptr(GPtrArray) computed = NULL;
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc, n_items;

  stmt = _qa_database_prepare (db, "SELECT (SELECT count(*) FROM item), "
                               "EXISTS (SELECT 1 FROM panel WHERE stage = ?1)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, qa_stage_to_string (stage), -1, SQLITE_STATIC);
  if (!_qa_database_check (db, sqlite3_step (stmt), error))
    return NULL;
  n_items = sqlite3_column_int (stmt, 0);
  if (sqlite3_column_int (stmt, 1) == 0)
    {
      sqlite3_reset (stmt);
      g_ptr_array_add (missing, g_strdup_printf (_("the panel for the %s has not been formed"),
                                                 qa_stage_get_title (stage)));
      return g_steal_pointer (&missing);
    }
  sqlite3_reset (stmt);

  /* Per member and assigned applicant: is the sheet in, and how many items does it score. */
  stmt = _qa_database_prepare (db,
                               "SELECT m.expert_id, e.name, a.applicant_id, "
                               "EXISTS (SELECT 1 FROM sheet h WHERE h.stage = m.stage AND h.expert_id = m.expert_id), "
                               "(SELECT count(*) FROM score s WHERE s.stage = m.stage "
                               "AND s.expert_id = m.expert_id AND s.applicant_id = a.applicant_id) "
                               "FROM panel_member m JOIN expert e ON e.id = m.expert_id "
                               "JOIN assignment a ON a.stage = m.stage AND a.expert_id = m.expert_id "
                               "WHERE m.stage = ?1 AND m.role = 'member' "
                               "ORDER BY m.expert_id, a.applicant_id",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, qa_stage_to_string (stage), -1, SQLITE_STATIC);
  {
    g_autofree char *member = NULL;
    g_autofree char *member_name = NULL;
    g_autoptr(GString) without_sheet = NULL;

    while (TRUE)
      {
        const char *expert_id, *applicant_id;

        rc = sqlite3_step (stmt);
        expert_id = rc == SQLITE_ROW ? (const char *)sqlite3_column_text (stmt, 0) : NULL;

        /* A member without a sheet is named once, with every applicant they are to score. */
        if (without_sheet != NULL && g_strcmp0 (expert_id, member) != 0)
          {
            g_ptr_array_add (missing,
                             g_strdup_printf (_("%s %s: no score sheet imported (to score %s)"),
                                              member, member_name, without_sheet->str));
            g_string_free (without_sheet, TRUE);
            without_sheet = NULL;
          }
        if (rc != SQLITE_ROW)
          break;

        if (g_strcmp0 (expert_id, member) != 0)
          {
            g_free (member);
            g_free (member_name);
            member = g_strdup (expert_id);
            member_name = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
          }
        applicant_id = (const char *)sqlite3_column_text (stmt, 2);
        if (sqlite3_column_int (stmt, 3) == 0)
          {
            if (without_sheet == NULL)
              without_sheet = g_string_new (applicant_id);
            else
              g_string_append_printf (without_sheet, ", %s", applicant_id);
          }
        else if (sqlite3_column_int (stmt, 4) < n_items)
          g_ptr_array_add (missing,
                           g_strdup_printf (_("%s %s: the sheet scores %d of the %d items of applicant %s"),
                                            member, member_name, sqlite3_column_int (stmt, 4),
                                            n_items, applicant_id));
      }
  }
  if (!_qa_database_check (db, rc, error))
    return NULL;

  /* A chair's value decided against a default that a newer sheet has moved since. */
  if (items == NULL && (items = computed = _qa_consensus_compute_db (db, profile, stage, NULL, error)) == NULL)
    return NULL;
  for (guint i = 0; i < items->len; i++)
    {
      const QaConsensusItem *item = g_ptr_array_index (items, i);

      if (item->stale)
        g_ptr_array_add (missing,
                         g_strdup_printf (_("applicant %s, item %s: the chair agreed %d%% against a default of %d%%; a newer score sheet has moved the default to %d%%: agree the item again (consensus set)"),
                                          item->applicant_id, item->item, item->percent,
                                          item->decided_default, item->default_percent));
    }

  return g_steal_pointer (&missing);
}

GPtrArray *
qa_consensus_check_complete (QaSession  *session,
                             QaStage     stage,
                             GError    **error)
{
  g_return_val_if_fail (QA_IS_SESSION (session), NULL);
  g_return_val_if_fail (_qa_stage_is_review (stage), NULL);

  return _qa_consensus_check_complete_db (qa_session_get_database (session),
                                          qa_session_get_profile (session), stage, NULL, error);
}

gboolean
_qa_consensus_note_moved_defaults (QaDatabase  *db,
                                   QaProfile   *profile,
                                   QaStage      stage,
                                   const char  *reviewer_id,
                                   GError     **error)
{
  g_autoptr(GPtrArray) applicants = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  /* Only applicants with a chair's value that this reviewer's sheet scores can have moved. */
  stmt = _qa_database_prepare (db,
                               "SELECT DISTINCT c.applicant_id FROM consensus c WHERE c.stage = ?1 "
                               "AND EXISTS (SELECT 1 FROM score s WHERE s.stage = c.stage "
                               "AND s.expert_id = ?2 AND s.applicant_id = c.applicant_id) "
                               "ORDER BY c.applicant_id",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, qa_stage_to_string (stage), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, reviewer_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (applicants, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (!_qa_database_check (db, rc, error))
    return FALSE;

  for (guint a = 0; a < applicants->len; a++)
    {
      const char *applicant = g_ptr_array_index (applicants, a);
      g_autoptr(GPtrArray) items = _qa_consensus_compute_db (db, profile, stage, applicant, error);
      g_autoptr(GString) after = NULL;

      if (items == NULL)
        return FALSE;
      for (guint i = 0; i < items->len; i++)
        {
          const QaConsensusItem *item = g_ptr_array_index (items, i);

          if (!item->stale)
            continue;
          if (after == NULL)
            after = g_string_new (NULL);
          else
            g_string_append (after, " | ");
          g_string_append_printf (after, "stage=%s; item=%s; percent=%d; agreed-default=%d; default=%d",
                                  qa_stage_to_string (stage), item->item, item->percent,
                                  item->decided_default, item->default_percent);
        }
      if (after != NULL &&
          !_qa_audit_append (db, "consensus.default-moved", "applicant", applicant, NULL,
                             after->str, error))
        return FALSE;
    }
  return TRUE;
}

/* Site review -------------------------------------------------------------------------------- */

typedef struct
{
  QaSession  *session;
  const char *applicant_id;
  char       *opinion;
} OpinionJob;

static gboolean
opinion_cb (QaDatabase  *db,
            gpointer     user_data,
            GError     **error)
{
  OpinionJob *job = user_data;
  g_autofree char *now = _qa_now_iso ();
  g_autofree char *before = NULL;
  sqlite3_stmt *stmt;

  if (!require_open (job->session, QA_STAGE_SITE, _("its site-review opinions can no longer be changed"),
                     error))
    return FALSE;
  if (!in_stage (db, QA_STAGE_SITE, job->applicant_id))
    {
      g_set_error (error, QA_CONSENSUS_ERROR, QA_CONSENSUS_ERROR_UNKNOWN,
                   _("Applicant %s is not in the %s"), job->applicant_id,
                   qa_stage_get_title (QA_STAGE_SITE));
      return FALSE;
    }
  if (job->opinion == NULL)
    {
      g_set_error_literal (error, QA_CONSENSUS_ERROR, QA_CONSENSUS_ERROR_RATIONALE,
                           _("Art. 16(4): the site-review opinion is empty"));
      return FALSE;
    }

  before = qa_consensus_dup_site_opinion (job->session, job->applicant_id, NULL);
  stmt = _qa_database_prepare (db,
                               "INSERT INTO site_opinion (applicant_id, opinion, updated_at) VALUES (?1, ?2, ?3) "
                               "ON CONFLICT (applicant_id) DO UPDATE SET opinion = excluded.opinion, "
                               "updated_at = excluded.updated_at",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, job->applicant_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, job->opinion, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  return _qa_database_check (db, sqlite3_step (stmt), error) &&
         _qa_audit_append (db, "site-opinion.set", "applicant", job->applicant_id, before,
                           job->opinion, error);
}

gboolean
qa_consensus_set_site_opinion (QaSession   *session,
                               const char  *applicant_id,
                               const char  *opinion,
                               GError     **error)
{
  OpinionJob job = { session, applicant_id, NULL };
  GError *local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (QA_IS_SESSION (session), FALSE);
  g_return_val_if_fail (applicant_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_qa_consensus_require_chair (qa_session_get_database (session),
                                    _("record the site-review opinion"), &local_error))
    {
      note_refusal (session, "site-opinion.set.refused", applicant_id, local_error);
      g_propagate_error (error, local_error);
      return FALSE;
    }
  job.opinion = dup_stripped (opinion);
  ok = qa_database_transaction (qa_session_get_database (session), opinion_cb, &job, &local_error);
  g_free (job.opinion);
  if (!ok)
    {
      note_refusal (session, "site-opinion.set.refused", applicant_id, local_error);
      g_propagate_error (error, local_error);
    }
  return ok;
}

char *
qa_consensus_dup_site_opinion (QaSession   *session,
                               const char  *applicant_id,
                               GError     **error)
{
  QaDatabase *db;
  sqlite3_stmt *stmt;
  char *opinion = NULL;
  int rc;

  g_return_val_if_fail (QA_IS_SESSION (session), NULL);
  g_return_val_if_fail (applicant_id != NULL, NULL);

  db = qa_session_get_database (session);
  stmt = _qa_database_prepare (db, "SELECT opinion FROM site_opinion WHERE applicant_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, applicant_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    opinion = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  else
    _qa_database_check (db, rc, error);
  sqlite3_reset (stmt);
  return opinion;
}

static void
add_point (GPtrArray  *out,
           const char *category,
           const char *text)
{
  QaConsensusSentence *point = g_new0 (QaConsensusSentence, 1);

  point->item = g_strdup (category);
  point->text = g_strdup (text);
  g_ptr_array_add (out, point);
}

gboolean
qa_consensus_list_verification_points (QaSession   *session,
                                       const char  *applicant_id,
                                       GPtrArray  **strengths,
                                       GPtrArray  **improvements,
                                       GError     **error)
{
  g_autoptr(GPtrArray) good = g_ptr_array_new_with_free_func ((GDestroyNotify)qa_consensus_sentence_free);
  g_autoptr(GPtrArray) better = g_ptr_array_new_with_free_func ((GDestroyNotify)qa_consensus_sentence_free);

  g_return_val_if_fail (QA_IS_SESSION (session), FALSE);
  g_return_val_if_fail (applicant_id != NULL, FALSE);

  if (qa_session_is_package (session))
    {
      QaDatabase *db = qa_session_get_database (session);
      sqlite3_stmt *stmt;
      int rc;

      stmt = _qa_database_prepare (db,
                                   "SELECT category, kind, text FROM verification_point "
                                   "WHERE applicant_id = ?1 ORDER BY id",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, applicant_id, -1, SQLITE_TRANSIENT);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        add_point (g_strcmp0 ((const char *)sqlite3_column_text (stmt, 1), "strength") == 0 ? good : better,
                   (const char *)sqlite3_column_text (stmt, 0),
                   (const char *)sqlite3_column_text (stmt, 2));
      if (!_qa_database_check (db, rc, error))
        return FALSE;
    }
  else
    {
      GListModel *categories = qa_criteria_get_categories (qa_session_get_criteria (session));

      for (guint c = 0; c < g_list_model_get_n_items (categories); c++)
        {
          g_autoptr(QaCategory) category = g_list_model_get_item (categories, c);
          g_autofree char *s = NULL;
          g_autofree char *i = NULL;
          const char *code = qa_category_get_code (category);

          if (!qa_consensus_dup_category_texts (session, QA_STAGE_MATERIAL, applicant_id, code,
                                                &s, &i, error))
            return FALSE;
          if (s != NULL)
            add_point (good, code, s);
          if (i != NULL)
            add_point (better, code, i);
        }
    }

  if (strengths != NULL)
    *strengths = g_steal_pointer (&good);
  if (improvements != NULL)
    *improvements = g_steal_pointer (&better);
  return TRUE;
}

/* The list model ----------------------------------------------------------------------------- */

struct _QaConsensusRow
{
  GObject          parent_instance;
  QaConsensusItem *item;
};

G_DEFINE_FINAL_TYPE (QaConsensusRow, qa_consensus_row, G_TYPE_OBJECT)

static void
qa_consensus_row_finalize (GObject *object)
{
  QaConsensusRow *self = (QaConsensusRow *)object;

  g_clear_pointer (&self->item, qa_consensus_item_free);
  G_OBJECT_CLASS (qa_consensus_row_parent_class)->finalize (object);
}

static void
qa_consensus_row_class_init (QaConsensusRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = qa_consensus_row_finalize;
}

static void
qa_consensus_row_init (QaConsensusRow *self)
{
}

const QaConsensusItem *
qa_consensus_row_get_item (QaConsensusRow *self)
{
  g_return_val_if_fail (QA_IS_CONSENSUS_ROW (self), NULL);
  return self->item;
}

struct _QaConsensusModel
{
  GObject    parent_instance;
  QaSession *session;
  QaStage    stage;
  char      *applicant_id;
  GPtrArray *rows;       /* QaConsensusRow */
  gint64     total_x100;
};

static GType
qa_consensus_model_get_item_type (GListModel *model)
{
  return QA_TYPE_CONSENSUS_ROW;
}

static guint
qa_consensus_model_get_n_items (GListModel *model)
{
  return QA_CONSENSUS_MODEL (model)->rows->len;
}

static gpointer
qa_consensus_model_get_item (GListModel *model,
                             guint       position)
{
  QaConsensusModel *self = QA_CONSENSUS_MODEL (model);

  if (position >= self->rows->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->rows, position));
}

static void
qa_consensus_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = qa_consensus_model_get_item_type;
  iface->get_n_items = qa_consensus_model_get_n_items;
  iface->get_item = qa_consensus_model_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (QaConsensusModel, qa_consensus_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      qa_consensus_model_list_model_init))

static void
qa_consensus_model_finalize (GObject *object)
{
  QaConsensusModel *self = (QaConsensusModel *)object;

  g_clear_object (&self->session);
  g_clear_pointer (&self->applicant_id, g_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (qa_consensus_model_parent_class)->finalize (object);
}

static void
qa_consensus_model_class_init (QaConsensusModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = qa_consensus_model_finalize;
}

static void
qa_consensus_model_init (QaConsensusModel *self)
{
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
}

QaConsensusModel *
qa_consensus_model_new (QaSession   *session,
                        QaStage      stage,
                        const char  *applicant_id,
                        GError     **error)
{
  g_autoptr(QaConsensusModel) self = NULL;

  g_return_val_if_fail (QA_IS_SESSION (session), NULL);
  g_return_val_if_fail (_qa_stage_is_review (stage), NULL);
  g_return_val_if_fail (applicant_id != NULL, NULL);

  self = g_object_new (QA_TYPE_CONSENSUS_MODEL, NULL);
  self->session = g_object_ref (session);
  self->stage = stage;
  self->applicant_id = g_strdup (applicant_id);
  if (!qa_consensus_model_reload (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

gboolean
qa_consensus_model_reload (QaConsensusModel  *self,
                           GError           **error)
{
  g_autoptr(GPtrArray) items = NULL;
  guint removed;

  g_return_val_if_fail (QA_IS_CONSENSUS_MODEL (self), FALSE);

  items = qa_consensus_compute (self->session, self->stage, self->applicant_id, error);
  if (items == NULL)
    return FALSE;

  removed = self->rows->len;
  g_ptr_array_set_size (self->rows, 0);
  self->total_x100 = 0;
  /* The rows take the items over, in clause order. */
  g_ptr_array_set_free_func (items, NULL);
  for (guint i = 0; i < items->len; i++)
    {
      QaConsensusRow *row = g_object_new (QA_TYPE_CONSENSUS_ROW, NULL);

      row->item = g_ptr_array_index (items, i);
      self->total_x100 += row->item->points_x100;
      g_ptr_array_add (self->rows, row);
    }
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->rows->len);
  return TRUE;
}

gint64
qa_consensus_model_get_total_x100 (QaConsensusModel *self)
{
  g_return_val_if_fail (QA_IS_CONSENSUS_MODEL (self), 0);
  return self->total_x100;
}

QaStage
qa_consensus_model_get_stage (QaConsensusModel *self)
{
  g_return_val_if_fail (QA_IS_CONSENSUS_MODEL (self), QA_STAGE_MATERIAL);
  return self->stage;
}

const char *
qa_consensus_model_get_applicant_id (QaConsensusModel *self)
{
  g_return_val_if_fail (QA_IS_CONSENSUS_MODEL (self), NULL);
  return self->applicant_id;
}
