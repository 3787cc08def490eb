/* qa-sheet-status.c: the score sheets returned for a review stage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-sheet-status"

#include "config.h"

#include "qa-database-private.h"
#include "qa-experts.h"
#include "qa-panel.h"
#include "qa-scores.h"
#include "qa-session-private.h"
#include "qa-sheet-status.h"

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

/* Fills in how much of @status->expert_id's sheet is scored: over the applicants assigned to
 * them, each applicant's scored items counted once. */
static gboolean
count_scores (QaSession     *session,
              QaStage        stage,
              guint          n_items,
              QaSheetStatus *status,
              GError       **error)
{
  g_autoptr(GPtrArray) scores = NULL;
  g_autoptr(GHashTable) per_applicant = NULL;
  g_auto(GStrv) assigned = NULL;

  assigned = qa_scores_assigned_applicants (session, status->expert_id, stage, error);
  if (assigned == NULL)
    return FALSE;
  status->n_applicants = g_strv_length (assigned);
  status->n_expected = status->n_applicants * n_items;

  scores = qa_scores_list (session, stage, status->expert_id, NULL, error);
  if (scores == NULL)
    return FALSE;

  /* One pass over the scores (a province's sheet has 10,000 applicants × 23 items). */
  per_applicant = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint a = 0; assigned[a] != NULL; a++)
    g_hash_table_insert (per_applicant, assigned[a], GUINT_TO_POINTER (0));
  for (guint j = 0; j < scores->len; j++)
    {
      const QaScoreRecord *record = g_ptr_array_index (scores, j);
      gpointer scored;

      if (g_hash_table_lookup_extended (per_applicant, record->applicant_id, NULL, &scored))
        g_hash_table_insert (per_applicant, record->applicant_id,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (scored) + 1));
    }
  for (guint a = 0; assigned[a] != NULL; a++)
    {
      guint scored = GPOINTER_TO_UINT (g_hash_table_lookup (per_applicant, assigned[a]));

      status->n_scored += scored;
      if (scored == n_items)
        status->n_applicants_done++;
    }
  return TRUE;
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

      status->expert_id = g_strdup (members[i]);
      status->name = qa_experts_dup_name (session, members[i]);
      if (!read_sheet_row (db, stage, status, error))
        return NULL;

      if (!count_scores (session, stage, n_items, status, error))
        return NULL;

      g_ptr_array_add (sheets, g_steal_pointer (&status));
    }

  return g_steal_pointer (&sheets);
}

QaSheetStatus *
qa_sheet_status_new_for_package (QaSession  *package,
                                 GError    **error)
{
  g_autoptr(QaSheetStatus) status = NULL;

  g_return_val_if_fail (QA_IS_SESSION (package), NULL);
  g_return_val_if_fail (qa_session_is_package (package), NULL);

  status = g_new0 (QaSheetStatus, 1);
  status->expert_id = g_strdup (qa_session_get_package_reviewer (package));
  status->name = qa_experts_dup_name (package, status->expert_id);
  if (!count_scores (package, qa_session_get_package_stage (package), n_scored_items (package),
                     status, error))
    return NULL;
  return g_steal_pointer (&status);
}
