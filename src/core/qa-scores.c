/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "qa-scores"

#include "config.h"

#include <glib/gi18n.h>

#include "qa-audit-private.h"
#include "qa-database-private.h"
#include "qa-scores.h"
#include "qa-text.h"
#include "qa-session-private.h"
#include "qa-util-private.h"

struct _QaItemScore
{
  GObject  parent_instance;

  QaItem  *item;
  int      percent;
  char    *strengths;
  char    *improvements;
};

G_DEFINE_FINAL_TYPE (QaItemScore, qa_item_score, G_TYPE_OBJECT)

enum {
  ITEM_PROP_0,
  ITEM_PROP_PERCENT,
  ITEM_PROP_POINTS,
  ITEM_PROP_STRENGTHS,
  ITEM_PROP_IMPROVEMENTS,
  ITEM_N_PROPS
};

static GParamSpec *item_properties[ITEM_N_PROPS];

struct _QaScoreSheet
{
  GObject     parent_instance;

  QaSession  *session;
  char       *reviewer_id;
  char       *applicant_id;
  QaStage     stage;
  GListStore *items;
};

G_DEFINE_FINAL_TYPE (QaScoreSheet, qa_score_sheet, G_TYPE_OBJECT)

enum {
  SHEET_PROP_0,
  SHEET_PROP_TOTAL,
  SHEET_PROP_N_SCORED,
  SHEET_N_PROPS
};

static GParamSpec *sheet_properties[SHEET_N_PROPS];

G_DEFINE_QUARK (qa-score-error-quark, qa_score_error)

/* QaItemScore ---------------------------------------------------------------------------------- */

static void
qa_item_score_finalize (GObject *object)
{
  QaItemScore *self = (QaItemScore *)object;

  g_clear_object (&self->item);
  g_clear_pointer (&self->strengths, g_free);
  g_clear_pointer (&self->improvements, g_free);

  G_OBJECT_CLASS (qa_item_score_parent_class)->finalize (object);
}

static void
qa_item_score_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  QaItemScore *self = QA_ITEM_SCORE (object);

  switch (prop_id)
    {
    case ITEM_PROP_PERCENT:
      g_value_set_int (value, self->percent);
      break;

    case ITEM_PROP_POINTS:
      g_value_set_double (value, qa_item_score_get_points (self));
      break;

    case ITEM_PROP_STRENGTHS:
      g_value_set_string (value, self->strengths);
      break;

    case ITEM_PROP_IMPROVEMENTS:
      g_value_set_string (value, self->improvements);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_item_score_class_init (QaItemScoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = qa_item_score_finalize;
  object_class->get_property = qa_item_score_get_property;

  item_properties[ITEM_PROP_PERCENT] =
    g_param_spec_int ("percent", NULL, NULL, -1, 100, -1,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  item_properties[ITEM_PROP_POINTS] =
    g_param_spec_double ("points", NULL, NULL, -1, 1000, -1,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  item_properties[ITEM_PROP_STRENGTHS] =
    g_param_spec_string ("strengths", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  item_properties[ITEM_PROP_IMPROVEMENTS] =
    g_param_spec_string ("improvements", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, ITEM_N_PROPS, item_properties);
}

static void
qa_item_score_init (QaItemScore *self)
{
  self->percent = -1;
}

QaItem *
qa_item_score_get_item (QaItemScore *self)
{
  g_return_val_if_fail (QA_IS_ITEM_SCORE (self), NULL);
  return self->item;
}

int
qa_item_score_get_percent (QaItemScore *self)
{
  g_return_val_if_fail (QA_IS_ITEM_SCORE (self), -1);
  return self->percent;
}

double
qa_item_score_get_points (QaItemScore *self)
{
  g_return_val_if_fail (QA_IS_ITEM_SCORE (self), -1);

  if (self->percent < 0)
    return -1;
  return qa_item_get_points (self->item) * self->percent / 100.0;
}

const char *
qa_item_score_get_strengths (QaItemScore *self)
{
  g_return_val_if_fail (QA_IS_ITEM_SCORE (self), NULL);
  return self->strengths;
}

const char *
qa_item_score_get_improvements (QaItemScore *self)
{
  g_return_val_if_fail (QA_IS_ITEM_SCORE (self), NULL);
  return self->improvements;
}

static char *
normalise_text (const char *text)
{
  g_autofree char *stripped = NULL;

  if (text == NULL)
    return NULL;
  stripped = g_strstrip (g_strdup (text));
  return *stripped != '\0' ? g_steal_pointer (&stripped) : NULL;
}

/* Updates the object after its row was written, notifying only what changed. */
static void
item_score_update (QaItemScore *self,
                   int          percent,
                   const char  *strengths,
                   const char  *improvements)
{
  if (self->percent != percent)
    {
      self->percent = percent;
      g_object_notify_by_pspec (G_OBJECT (self), item_properties[ITEM_PROP_PERCENT]);
      g_object_notify_by_pspec (G_OBJECT (self), item_properties[ITEM_PROP_POINTS]);
    }
  if (g_strcmp0 (self->strengths, strengths) != 0)
    {
      g_free (self->strengths);
      self->strengths = g_strdup (strengths);
      g_object_notify_by_pspec (G_OBJECT (self), item_properties[ITEM_PROP_STRENGTHS]);
    }
  if (g_strcmp0 (self->improvements, improvements) != 0)
    {
      g_free (self->improvements);
      self->improvements = g_strdup (improvements);
      g_object_notify_by_pspec (G_OBJECT (self), item_properties[ITEM_PROP_IMPROVEMENTS]);
    }
}

/* QaScoreSheet --------------------------------------------------------------------------------- */

static void
qa_score_sheet_finalize (GObject *object)
{
  QaScoreSheet *self = (QaScoreSheet *)object;

  g_clear_object (&self->session);
  g_clear_object (&self->items);
  g_clear_pointer (&self->reviewer_id, g_free);
  g_clear_pointer (&self->applicant_id, g_free);

  G_OBJECT_CLASS (qa_score_sheet_parent_class)->finalize (object);
}

static void
qa_score_sheet_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  QaScoreSheet *self = QA_SCORE_SHEET (object);

  switch (prop_id)
    {
    case SHEET_PROP_TOTAL:
      g_value_set_double (value, qa_score_sheet_get_total (self));
      break;

    case SHEET_PROP_N_SCORED:
      g_value_set_uint (value, qa_score_sheet_get_n_scored (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_score_sheet_class_init (QaScoreSheetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = qa_score_sheet_finalize;
  object_class->get_property = qa_score_sheet_get_property;

  sheet_properties[SHEET_PROP_TOTAL] =
    g_param_spec_double ("total", NULL, NULL, 0, 1000, 0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  sheet_properties[SHEET_PROP_N_SCORED] =
    g_param_spec_uint ("n-scored", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, SHEET_N_PROPS, sheet_properties);
}

static void
qa_score_sheet_init (QaScoreSheet *self)
{
  self->items = g_list_store_new (QA_TYPE_ITEM_SCORE);
}

gboolean
qa_score_percent_is_valid (QaProfile *profile,
                           int        percent)
{
  guint step = qa_profile_get_score_step (profile);

  return percent >= 0 && percent <= 100 && step > 0 && percent % (int)step == 0;
}

guint
qa_score_sheet_get_step (QaScoreSheet *self)
{
  g_return_val_if_fail (QA_IS_SCORE_SHEET (self), 0);

  return qa_profile_get_score_step (qa_session_get_profile (self->session));
}

static gboolean
load_scores (QaScoreSheet  *self,
             GError       **error)
{
  QaDatabase *db = qa_session_get_database (self->session);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _qa_database_prepare (db,
                               "SELECT item, percent, strengths, improvements FROM score "
                               "WHERE stage = ?1 AND expert_id = ?2 AND applicant_id = ?3",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, qa_stage_to_string (self->stage), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, self->reviewer_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, self->applicant_id, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      QaItemScore *score = qa_score_sheet_lookup (self, (const char *)sqlite3_column_text (stmt, 0));

      if (score != NULL)
        item_score_update (score, sqlite3_column_int (stmt, 1),
                           (const char *)sqlite3_column_text (stmt, 2),
                           (const char *)sqlite3_column_text (stmt, 3));
    }
  return _qa_database_check (db, rc, error);
}

QaScoreSheet *
qa_score_sheet_new (QaSession   *session,
                    const char  *reviewer_id,
                    const char  *applicant_id,
                    QaStage      stage,
                    GError     **error)
{
  g_autoptr(QaScoreSheet) self = NULL;
  GListModel *items;

  g_return_val_if_fail (QA_IS_SESSION (session), NULL);
  g_return_val_if_fail (reviewer_id != NULL, NULL);
  g_return_val_if_fail (applicant_id != NULL, NULL);
  g_return_val_if_fail (_qa_stage_is_review (stage), NULL);

  self = g_object_new (QA_TYPE_SCORE_SHEET, NULL);
  self->session = g_object_ref (session);
  self->reviewer_id = g_strdup (reviewer_id);
  self->applicant_id = g_strdup (applicant_id);
  self->stage = stage;

  items = qa_criteria_get_items (qa_session_get_criteria (session));
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(QaItemScore) score = g_object_new (QA_TYPE_ITEM_SCORE, NULL);

      score->item = g_list_model_get_item (items, i);
      g_list_store_append (self->items, score);
    }

  if (!load_scores (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

const char *
qa_score_sheet_get_reviewer_id (QaScoreSheet *self)
{
  g_return_val_if_fail (QA_IS_SCORE_SHEET (self), NULL);
  return self->reviewer_id;
}

const char *
qa_score_sheet_get_applicant_id (QaScoreSheet *self)
{
  g_return_val_if_fail (QA_IS_SCORE_SHEET (self), NULL);
  return self->applicant_id;
}

QaStage
qa_score_sheet_get_stage (QaScoreSheet *self)
{
  g_return_val_if_fail (QA_IS_SCORE_SHEET (self), QA_STAGE_MATERIAL);
  return self->stage;
}

GListModel *
qa_score_sheet_get_items (QaScoreSheet *self)
{
  g_return_val_if_fail (QA_IS_SCORE_SHEET (self), NULL);
  return G_LIST_MODEL (self->items);
}

QaItemScore *
qa_score_sheet_lookup (QaScoreSheet *self,
                       const char   *item_code)
{
  g_return_val_if_fail (QA_IS_SCORE_SHEET (self), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->items)); i++)
    {
      QaItemScore *score = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      g_object_unref (score);   /* the store keeps it alive */
      if (g_strcmp0 (qa_item_get_code (score->item), item_code) == 0)
        return score;
    }
  return NULL;
}

static double
sum_points (QaScoreSheet *self,
            const char   *category_code,
            guint        *n_scored)
{
  double total = 0;

  if (n_scored != NULL)
    *n_scored = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->items)); i++)
    {
      g_autoptr(QaItemScore) score = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (score->percent < 0)
        continue;
      if (category_code != NULL &&
          g_strcmp0 (qa_item_get_category_code (score->item), category_code) != 0)
        continue;
      total += qa_item_score_get_points (score);
      if (n_scored != NULL)
        (*n_scored)++;
    }
  return total;
}

double
qa_score_sheet_get_total (QaScoreSheet *self)
{
  g_return_val_if_fail (QA_IS_SCORE_SHEET (self), 0);
  return sum_points (self, NULL, NULL);
}

double
qa_score_sheet_get_category_total (QaScoreSheet *self,
                                   const char   *category_code)
{
  g_return_val_if_fail (QA_IS_SCORE_SHEET (self), 0);
  g_return_val_if_fail (category_code != NULL, 0);
  return sum_points (self, category_code, NULL);
}

guint
qa_score_sheet_get_n_scored (QaScoreSheet *self)
{
  guint n = 0;

  g_return_val_if_fail (QA_IS_SCORE_SHEET (self), 0);
  sum_points (self, NULL, &n);
  return n;
}

typedef struct
{
  QaScoreSheet *sheet;
  const char   *item;
  int           percent;
  const char   *strengths;
  const char   *improvements;
} ScoreChange;

static gboolean
is_assigned (QaDatabase   *db,
             QaScoreSheet *sheet,
             GError      **error)
{
  sqlite3_stmt *stmt;

  stmt = _qa_database_prepare (db,
                               "SELECT 1 FROM assignment WHERE stage = ?1 AND expert_id = ?2 "
                               "AND applicant_id = ?3",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, qa_stage_to_string (sheet->stage), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, sheet->reviewer_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, sheet->applicant_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return TRUE;

  g_set_error (error, QA_SCORE_ERROR, QA_SCORE_ERROR_NOT_ASSIGNED,
               _("Applicant %s is not assigned to reviewer %s for the %s"),
               sheet->applicant_id, sheet->reviewer_id, qa_stage_get_title (sheet->stage));
  return FALSE;
}

static gboolean
set_score_cb (QaDatabase  *db,
              gpointer     user_data,
              GError     **error)
{
  const ScoreChange *change = user_data;
  QaScoreSheet *sheet = change->sheet;
  g_autofree char *now = _qa_now_iso ();
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;

  if (!is_assigned (db, sheet, error))
    return FALSE;

  if (change->percent < 0)
    {
      stmt = _qa_database_prepare (db,
                                   "DELETE FROM score WHERE stage = ?1 AND expert_id = ?2 "
                                   "AND applicant_id = ?3 AND item = ?4",
                                   error);
      if (stmt == NULL)
        return FALSE;
    }
  else
    {
      stmt = _qa_database_prepare (db,
                                   "INSERT INTO score (stage, expert_id, applicant_id, item, percent, "
                                   "strengths, improvements, revision, updated_at) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1, ?8) "
                                   "ON CONFLICT (stage, expert_id, applicant_id, item) DO UPDATE SET "
                                   "percent = excluded.percent, strengths = excluded.strengths, "
                                   "improvements = excluded.improvements, "
                                   "revision = score.revision + 1, updated_at = excluded.updated_at",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int (stmt, 5, change->percent);
      if (change->strengths != NULL)
        sqlite3_bind_text (stmt, 6, change->strengths, -1, SQLITE_TRANSIENT);
      if (change->improvements != NULL)
        sqlite3_bind_text (stmt, 7, change->improvements, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 8, now, -1, SQLITE_TRANSIENT);
    }
  sqlite3_bind_text (stmt, 1, qa_stage_to_string (sheet->stage), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, sheet->reviewer_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, sheet->applicant_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, change->item, -1, SQLITE_TRANSIENT);
  if (!_qa_database_check (db, sqlite3_step (stmt), error))
    return FALSE;

  after = g_strdup_printf ("stage=%s; applicant=%s; item=%s; percent=%d",
                           qa_stage_to_string (sheet->stage), sheet->applicant_id, change->item,
                           change->percent);
  return _qa_audit_append (db, "score.set", "expert", sheet->reviewer_id, NULL, after, error);
}

gboolean
qa_score_sheet_set (QaScoreSheet  *self,
                    const char    *item_code,
                    int            percent,
                    const char    *strengths,
                    const char    *improvements,
                    GError       **error)
{
  g_autofree char *clean_strengths = normalise_text (strengths);
  g_autofree char *clean_improvements = normalise_text (improvements);
  QaItemScore *score;
  ScoreChange change;
  double old_total;
  guint old_scored;

  g_return_val_if_fail (QA_IS_SCORE_SHEET (self), FALSE);
  g_return_val_if_fail (item_code != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (percent != -1 && !qa_score_percent_is_valid (qa_session_get_profile (self->session), percent))
    {
      g_set_error (error, QA_SCORE_ERROR, QA_SCORE_ERROR_PERCENT,
                   _("%d%% is not a score: use a multiple of %u from 0 to 100"), percent,
                   qa_score_sheet_get_step (self));
      return FALSE;
    }

  /* Refused at entry exactly what the score sheet could not carry back (13.5). */
  {
    const char *texts[] = { clean_strengths, clean_improvements };
    const char *names[] = { "strengths", "improvements" };

    for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
      {
        g_autoptr(GError) text_error = NULL;

        if (!qa_text_validate (texts[i], QA_TEXT_MULTILINE, qa_text_comment_max_length (),
                               &text_error))
          {
            g_set_error (error, QA_SCORE_ERROR, QA_SCORE_ERROR_TEXT, "%s: %s", names[i],
                         text_error->message);
            return FALSE;
          }
      }
  }

  score = qa_score_sheet_lookup (self, item_code);
  if (score == NULL)
    {
      GListModel *items = qa_criteria_get_items (qa_session_get_criteria (self->session));
      guint n = g_list_model_get_n_items (items);
      g_autoptr(QaItem) first = n > 0 ? g_list_model_get_item (items, 0) : NULL;
      g_autoptr(QaItem) last = n > 0 ? g_list_model_get_item (items, n - 1) : NULL;

      /* The range is the criteria's, not written here. */
      g_set_error (error, QA_SCORE_ERROR, QA_SCORE_ERROR_ITEM,
                   _("“%s” is not a scored item of %s (items run from %s to %s)"),
                   item_code, qa_criteria_get_title (qa_session_get_criteria (self->session)),
                   first != NULL ? qa_item_get_code (first) : "", last != NULL ? qa_item_get_code (last) : "");
      return FALSE;
    }

  /* Scores are entered by the reviewer, in the reviewer's own package (blind review). */
  if (!qa_session_is_package (self->session) ||
      g_strcmp0 (qa_session_get_package_reviewer (self->session), self->reviewer_id) != 0 ||
      qa_session_get_package_stage (self->session) != self->stage)
    {
      g_set_error (error, QA_SCORE_ERROR, QA_SCORE_ERROR_ROLE,
                   _("Scores are entered by reviewer %s in their own review package for the %s"),
                   self->reviewer_id, qa_stage_get_title (self->stage));
      return FALSE;
    }

  change.sheet = self;
  change.item = item_code;
  change.percent = percent;
  change.strengths = percent < 0 ? NULL : clean_strengths;
  change.improvements = percent < 0 ? NULL : clean_improvements;

  if (!qa_database_transaction (qa_session_get_database (self->session), set_score_cb, &change, error))
    return FALSE;

  old_total = qa_score_sheet_get_total (self);
  old_scored = qa_score_sheet_get_n_scored (self);
  item_score_update (score, percent, change.strengths, change.improvements);
  if (qa_score_sheet_get_total (self) != old_total)
    g_object_notify_by_pspec (G_OBJECT (self), sheet_properties[SHEET_PROP_TOTAL]);
  if (qa_score_sheet_get_n_scored (self) != old_scored)
    g_object_notify_by_pspec (G_OBJECT (self), sheet_properties[SHEET_PROP_N_SCORED]);
  return TRUE;
}

GStrv
qa_scores_assigned_applicants (QaSession   *session,
                               const char  *reviewer_id,
                               QaStage      stage,
                               GError     **error)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  QaDatabase *db;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (QA_IS_SESSION (session), NULL);
  g_return_val_if_fail (reviewer_id != NULL, NULL);

  db = qa_session_get_database (session);
  stmt = _qa_database_prepare (db,
                               "SELECT applicant_id FROM assignment WHERE stage = ?1 "
                               "AND expert_id = ?2 ORDER BY applicant_id",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, qa_stage_to_string (stage), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, reviewer_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (ids, (const char *)sqlite3_column_text (stmt, 0));
  if (!_qa_database_check (db, rc, error))
    return NULL;

  return g_strv_builder_end (ids);
}

void
qa_score_record_free (QaScoreRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->reviewer_id);
  g_free (record->applicant_id);
  g_free (record->item);
  g_free (record->strengths);
  g_free (record->improvements);
  g_free (record);
}

GPtrArray *
qa_scores_list (QaSession   *session,
                QaStage      stage,
                const char  *reviewer_id,
                const char  *applicant_id,
                GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify)qa_score_record_free);
  QaDatabase *db;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (QA_IS_SESSION (session), NULL);

  db = qa_session_get_database (session);
  stmt = _qa_database_prepare (db,
                               "SELECT s.expert_id, s.applicant_id, s.item, s.percent, s.strengths, "
                               "s.improvements FROM score s JOIN item i ON i.code = s.item "
                               "WHERE s.stage = ?1 AND (?2 IS NULL OR s.expert_id = ?2) "
                               "AND (?3 IS NULL OR s.applicant_id = ?3) "
                               "ORDER BY s.expert_id, s.applicant_id, i.position",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, qa_stage_to_string (stage), -1, SQLITE_STATIC);
  if (reviewer_id != NULL)
    sqlite3_bind_text (stmt, 2, reviewer_id, -1, SQLITE_TRANSIENT);
  if (applicant_id != NULL)
    sqlite3_bind_text (stmt, 3, applicant_id, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      QaScoreRecord *record = g_new0 (QaScoreRecord, 1);

      record->reviewer_id = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      record->applicant_id = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      record->item = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      record->percent = sqlite3_column_int (stmt, 3);
      record->strengths = g_strdup ((const char *)sqlite3_column_text (stmt, 4));
      record->improvements = g_strdup ((const char *)sqlite3_column_text (stmt, 5));
      g_ptr_array_add (records, record);
    }
  if (!_qa_database_check (db, rc, error))
    return NULL;

  return g_steal_pointer (&records);
}
