/* qa-progress.c: where a session stands in its procedure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-progress"

#include "config.h"

#include <glib/gi18n.h>

#include "qa-database-private.h"
#include "qa-experts.h"
#include "qa-panel.h"
#include "qa-progress.h"
#include "qa-scores.h"
#include "qa-session-private.h"

void
qa_sheet_status_free (QaSheetStatus *status)
{
  if (status == NULL)
    return;
  g_free (status->expert_id);
  g_free (status->name);
  g_free (status->imported_at);
  g_free (status);
}

void
qa_progress_free (QaProgress *progress)
{
  if (progress == NULL)
    return;
  g_clear_pointer (&progress->needed, g_ptr_array_unref);
  g_free (progress);
}

static guint
n_scored_items (QaSession *session)
{
  return g_list_model_get_n_items (qa_criteria_get_items (qa_session_get_criteria (session)));
}

/* Reads the sheet row of @status->expert_id, if any. */
static gboolean
read_sheet_row (QaDatabase    *db,
                QaStage        stage,
                QaSheetStatus *status,
                GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _qa_database_prepare (db,
                               "SELECT revision, imported_at FROM sheet "
                               "WHERE stage = ?1 AND expert_id = ?2",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, qa_stage_to_string (stage), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, status->expert_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      status->received = TRUE;
      status->revision = sqlite3_column_int (stmt, 0);
      status->imported_at = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      rc = sqlite3_step (stmt);
    }
  return _qa_database_check (db, rc, error);
}

GPtrArray *
qa_session_list_sheets (QaSession  *session,
                        QaStage     stage,
                        GError    **error)
{
  g_autoptr(GPtrArray) sheets = g_ptr_array_new_with_free_func ((GDestroyNotify)qa_sheet_status_free);
  g_autoptr(QaPanel) panel = NULL;
  g_autoptr(GError) local_error = NULL;
  const char * const *members;
  QaDatabase *db;
  guint n_items;

  g_return_val_if_fail (QA_IS_SESSION (session), NULL);
  g_return_val_if_fail (_qa_stage_is_review (stage), NULL);

  panel = qa_panel_load (session, stage, &local_error);
  if (panel == NULL)
    {
      if (g_error_matches (local_error, QA_PANEL_ERROR, QA_PANEL_ERROR_NOT_FORMED))
        return g_steal_pointer (&sheets);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  db = qa_session_get_database (session);
  n_items = n_scored_items (session);
  members = qa_panel_get_members (panel);
  for (guint i = 0; members[i] != NULL; i++)
    {
      g_autoptr(QaSheetStatus) status = g_new0 (QaSheetStatus, 1);
      g_autoptr(GPtrArray) scores = NULL;
      g_auto(GStrv) assigned = NULL;

      status->expert_id = g_strdup (members[i]);
      status->name = qa_experts_dup_name (session, members[i]);
      if (!read_sheet_row (db, stage, status, error))
        return NULL;

      assigned = qa_scores_assigned_applicants (session, members[i], stage, error);
      if (assigned == NULL)
        return NULL;
      status->n_applicants = g_strv_length (assigned);
      status->n_expected = status->n_applicants * n_items;

      scores = qa_scores_list (session, stage, members[i], NULL, error);
      if (scores == NULL)
        return NULL;
      for (guint j = 0; j < scores->len; j++)
        {
          const QaScoreRecord *record = g_ptr_array_index (scores, j);

          if (g_strv_contains ((const char * const *)assigned, record->applicant_id))
            status->n_scored++;
        }

      g_ptr_array_add (sheets, g_steal_pointer (&status));
    }

  return g_steal_pointer (&sheets);
}

static gboolean
count_rows (QaDatabase  *db,
            const char  *sql,
            QaStage      stage,
            int          number,
            guint       *count,
            GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _qa_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, qa_stage_to_string (stage), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, number);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *count = sqlite3_column_int (stmt, 0);
      rc = sqlite3_step (stmt);
    }
  return _qa_database_check (db, rc, error);
}

static gboolean
is_formed (QaSession  *session,
           QaStage     stage,
           gboolean   *formed,
           GError    **error)
{
  g_autoptr(QaPanel) panel = NULL;
  g_autoptr(GError) local_error = NULL;

  panel = qa_panel_load (session, stage, &local_error);
  *formed = panel != NULL;
  if (panel == NULL && !g_error_matches (local_error, QA_PANEL_ERROR, QA_PANEL_ERROR_NOT_FORMED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static char *
join_names (GPtrArray *names)
{
  g_ptr_array_add (names, NULL);
  /* Translators: between the names of a list, e.g. 王建国、李明 */
  return g_strjoinv (_(", "), (char **)names->pdata);
}

static gboolean
review_progress (QaSession   *session,
                 QaStage      stage,
                 QaProgress  *progress,
                 GError     **error)
{
  QaDatabase *db = qa_session_get_database (session);
  g_autoptr(GPtrArray) sheets = NULL;
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  g_autoptr(GPtrArray) incomplete = g_ptr_array_new ();

  progress->closed = qa_session_stage_is_closed (session, stage);
  if (!is_formed (session, stage, &progress->panel_formed, error) ||
      !count_rows (db, "SELECT count(*) FROM stage_applicant WHERE stage = ?1 AND ?2 = ?2",
                   stage, 0, &progress->n_applicants, error) ||
      !count_rows (db,
                   "SELECT count(*) FROM (SELECT applicant_id, item FROM score WHERE stage = ?1 "
                   "GROUP BY applicant_id, item HAVING max(percent) - min(percent) >= ?2) s "
                   "WHERE NOT EXISTS (SELECT 1 FROM consensus c WHERE c.stage = ?1 "
                   "AND c.applicant_id = s.applicant_id AND c.item = s.item)",
                   stage, qa_profile_get_discussion_spread (qa_session_get_profile (session)),
                   &progress->items_to_agree, error))
    return FALSE;

  if (progress->closed)
    return TRUE;

  if (!progress->panel_formed)
    {
      g_ptr_array_add (progress->needed,
                       g_strdup (stage == QA_STAGE_MATERIAL
                                 ? _("Form the material review panel (Art. 11).")
                                 : _("Form the site review panel (Art. 11).")));
      return TRUE;
    }

  sheets = qa_session_list_sheets (session, stage, error);
  if (sheets == NULL)
    return FALSE;
  for (guint i = 0; i < sheets->len; i++)
    {
      QaSheetStatus *status = g_ptr_array_index (sheets, i);

      progress->sheets_expected++;
      if (!status->received)
        g_ptr_array_add (missing, status->name);
      else
        {
          progress->sheets_received++;
          if (status->n_scored >= status->n_expected)
            progress->sheets_complete++;
          else
            g_ptr_array_add (incomplete, status->name);
        }
    }

  if (missing->len > 0)
    {
      g_autofree char *names = join_names (missing);

      g_ptr_array_add (progress->needed,
                       /* Translators: %s names the reviewers, e.g. 王建国、李明 */
                       g_strdup_printf (_("Import the score sheets of %s."), names));
    }
  if (incomplete->len > 0)
    {
      g_autofree char *names = join_names (incomplete);

      g_ptr_array_add (progress->needed,
                       /* Translators: %s names the reviewers */
                       g_strdup_printf (_("The sheets of %s do not score every item yet: import their complete sheets."),
                                        names));
    }
  if (progress->items_to_agree > 0)
    g_ptr_array_add (progress->needed,
                     g_strdup_printf (ngettext ("%u flagged item is still to be agreed.",
                                                "%u flagged items are still to be agreed.",
                                                progress->items_to_agree),
                                      progress->items_to_agree));
  g_ptr_array_add (progress->needed, g_strdup (_("The chair closes the stage.")));

  return TRUE;
}

QaProgress *
qa_session_get_progress (QaSession  *session,
                         GError    **error)
{
  g_autoptr(QaProgress) progress = g_new0 (QaProgress, 1);
  QaDatabase *db;
  gboolean material_formed = FALSE;
  guint n_applicants = 0;
  guint n_unchecked = 0;
  QaStage stage;

  g_return_val_if_fail (QA_IS_SESSION (session), NULL);

  db = qa_session_get_database (session);
  progress->needed = g_ptr_array_new_with_free_func (g_free);

  if (!is_formed (session, QA_STAGE_MATERIAL, &material_formed, error) ||
      !count_rows (db, "SELECT count(*) FROM applicant WHERE ?1 = ?1 AND ?2 = ?2",
                   QA_STAGE_APPLICATION, 0, &n_applicants, error) ||
      !count_rows (db,
                   "SELECT count(*) FROM applicant WHERE eligibility IN ('unchecked', 'pending') "
                   "AND ?1 = ?1 AND ?2 = ?2",
                   QA_STAGE_APPLICATION, 0, &n_unchecked, error))
    return NULL;

  if (qa_session_stage_is_closed (session, QA_STAGE_SITE))
    stage = QA_STAGE_COMPREHENSIVE;
  else if (qa_session_stage_is_closed (session, QA_STAGE_MATERIAL))
    stage = QA_STAGE_SITE;
  else if (material_formed)
    stage = QA_STAGE_MATERIAL;
  else if (n_applicants > 0)
    stage = QA_STAGE_ELIGIBILITY;
  else
    stage = QA_STAGE_APPLICATION;
  /* A later stage recorded by the outcome's steps wins. */
  progress->stage = MAX (stage, qa_session_get_stage (session));

  switch (progress->stage)
    {
    case QA_STAGE_APPLICATION:
      g_ptr_array_add (progress->needed, g_strdup (_("Register or import the applicants.")));
      break;

    case QA_STAGE_ELIGIBILITY:
      if (n_unchecked > 0)
        g_ptr_array_add (progress->needed,
                         g_strdup_printf (ngettext ("%u applicant is still to be checked for eligibility (Art. 13).",
                                                    "%u applicants are still to be checked for eligibility (Art. 13).",
                                                    n_unchecked),
                                          n_unchecked));
      g_ptr_array_add (progress->needed, g_strdup (_("Form the material review panel (Art. 11).")));
      break;

    case QA_STAGE_MATERIAL:
    case QA_STAGE_SITE:
      if (!review_progress (session, progress->stage, progress, error))
        return NULL;
      break;

    case QA_STAGE_COMPREHENSIVE:
    case QA_STAGE_NOTICE:
    case QA_STAGE_AWARD:
    default:
      break;
    }

  return g_steal_pointer (&progress);
}

char *
qa_progress_dup_summary (QaProgress *progress)
{
  g_return_val_if_fail (progress != NULL, NULL);

  if (!_qa_stage_is_review (progress->stage) || !progress->panel_formed)
    return NULL;
  if (progress->closed)
    return g_strdup (_("closed"));

  /* Translators: score sheets received of those expected, e.g. “4/7 sheets” (4/7 评分表) */
  return g_strdup_printf (_("%u/%u sheets"), progress->sheets_received, progress->sheets_expected);
}
