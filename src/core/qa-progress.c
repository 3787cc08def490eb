/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "qa-progress"

#include "config.h"

#include <glib/gi18n.h>

#include "qa-consensus-private.h"
#include "qa-database-private.h"
#include "qa-progress.h"

static void
stage_progress_clear (QaStageProgress *stage)
{
  g_clear_pointer (&stage->closed_at, g_free);
  g_clear_pointer (&stage->missing, g_ptr_array_unref);
}

void
qa_progress_free (QaProgress *progress)
{
  if (progress == NULL)
    return;
  stage_progress_clear (&progress->material);
  stage_progress_clear (&progress->site);
  g_free (progress->next_step);
  g_free (progress);
}

static gboolean
read_stage (QaSession        *session,
            QaStage           stage,
            QaStageProgress  *out,
            GError          **error)
{
  QaDatabase *db = qa_session_get_database (session);
  g_autoptr(GPtrArray) items = NULL;
  sqlite3_stmt *stmt;

  out->stage = stage;
  out->closed_at = qa_session_dup_stage_closed_at (session, stage);
  out->closed = out->closed_at != NULL;

  stmt = _qa_database_prepare (db,
                               "SELECT EXISTS (SELECT 1 FROM panel WHERE stage = ?1), "
                               "(SELECT count(*) FROM stage_applicant WHERE stage = ?1), "
                               "(SELECT count(DISTINCT a.expert_id) FROM assignment a JOIN panel_member m "
                               "ON m.stage = a.stage AND m.expert_id = a.expert_id AND m.role = 'member' "
                               "WHERE a.stage = ?1), "
                               "(SELECT count(DISTINCT a.expert_id) FROM assignment a JOIN panel_member m "
                               "ON m.stage = a.stage AND m.expert_id = a.expert_id AND m.role = 'member' "
                               "JOIN sheet h ON h.stage = a.stage AND h.expert_id = a.expert_id "
                               "WHERE a.stage = ?1)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, qa_stage_to_string (stage), -1, SQLITE_STATIC);
  if (!_qa_database_check (db, sqlite3_step (stmt), error))
    return FALSE;
  out->panel_formed = sqlite3_column_int (stmt, 0) != 0;
  out->applicants = (guint)sqlite3_column_int (stmt, 1);
  out->sheets_expected = (guint)sqlite3_column_int (stmt, 2);
  out->sheets_received = (guint)sqlite3_column_int (stmt, 3);
  sqlite3_reset (stmt);

  items = _qa_consensus_compute_db (db, qa_session_get_profile (session), stage, NULL, error);
  if (items == NULL)
    return FALSE;
  out->items_total = items->len;
  for (guint i = 0; i < items->len; i++)
    {
      const QaConsensusItem *item = g_ptr_array_index (items, i);

      if (item->percent >= 0 && !item->stale)
        out->items_agreed++;
      if (item->recorded)
        out->items_recorded++;
      if (item->stale)
        out->items_stale++;
      if (item->flagged && !item->recorded)
        out->items_to_agree++;
    }

  if (out->closed)
    out->missing = g_ptr_array_new_with_free_func (g_free);
  else
    out->missing = _qa_consensus_check_complete_db (db, qa_session_get_profile (session), stage,
                                                    items, error);
  return out->missing != NULL;
}

static gboolean
eligibility_checked (QaSession *session)
{
  sqlite3_stmt *stmt = _qa_database_prepare (qa_session_get_database (session),
                                             "SELECT EXISTS (SELECT 1 FROM eligibility)", NULL);
  gboolean checked;

  if (stmt == NULL)
    return FALSE;
  checked = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  return checked;
}

static char *
describe_next (const QaStageProgress *stage)
{
  if (!stage->panel_formed)
    return g_strdup_printf (_("Form the panel for the %s."), qa_stage_get_title (stage->stage));
  if (stage->sheets_received < stage->sheets_expected)
    return g_strdup_printf (_("Waiting for score sheets: %u of %u received."),
                            stage->sheets_received, stage->sheets_expected);
  /* The stale items come last in @missing, after the incomplete sheets. */
  if (stage->missing->len > stage->items_stale)
    return g_strdup_printf (_("Sheets incomplete: %s."), (const char *)g_ptr_array_index (stage->missing, 0));
  if (stage->items_stale > 0)
    return g_strdup_printf (ngettext ("%u agreed item’s default was moved by a newer score sheet: the chair agrees it again; then close the %s.",
                                      "%u agreed items’ defaults were moved by a newer score sheet: the chair agrees them again; then close the %s.",
                                      stage->items_stale),
                            stage->items_stale, qa_stage_get_title (stage->stage));
  if (stage->items_to_agree > 0)
    return g_strdup_printf (ngettext ("%u flagged item to discuss and agree; then close the %s.",
                                      "%u flagged items to discuss and agree; then close the %s.",
                                      stage->items_to_agree),
                            stage->items_to_agree, qa_stage_get_title (stage->stage));
  return g_strdup_printf (_("Every sheet is in: the chair can close the %s."),
                          qa_stage_get_title (stage->stage));
}

QaProgress *
qa_session_get_progress (QaSession  *session,
                         GError    **error)
{
  g_autoptr(QaProgress) progress = g_new0 (QaProgress, 1);

  g_return_val_if_fail (QA_IS_SESSION (session), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!read_stage (session, QA_STAGE_MATERIAL, &progress->material, error) ||
      !read_stage (session, QA_STAGE_SITE, &progress->site, error))
    return NULL;

  if (progress->site.closed)
    {
      progress->current = MAX (QA_STAGE_COMPREHENSIVE, qa_session_get_stage (session));
      progress->next_step = g_strdup (_("Both review stages are closed: the comprehensive evaluation can rank the applicants."));
    }
  else if (progress->material.closed)
    {
      progress->current = QA_STAGE_SITE;
      if (progress->site.applicants == 0)
        progress->next_step = g_strdup (_("Advance the applicants that reached the site-review threshold."));
      else
        progress->next_step = describe_next (&progress->site);
    }
  else if (progress->material.panel_formed)
    {
      progress->current = QA_STAGE_MATERIAL;
      progress->next_step = describe_next (&progress->material);
    }
  else if (eligibility_checked (session))
    {
      progress->current = QA_STAGE_ELIGIBILITY;
      progress->next_step = describe_next (&progress->material);
    }
  else
    {
      progress->current = QA_STAGE_APPLICATION;
      progress->next_step = g_strdup (_("Register the applicants and run the eligibility check."));
    }

  return g_steal_pointer (&progress);
}
