/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "qa-progress"

#include "config.h"

#include <glib/gi18n.h>

#include "qa-clock.h"
#include "qa-consensus-private.h"
#include "qa-database-private.h"
#include "qa-outcome.h"
#include "qa-progress.h"
#include "qa-session-private.h"

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
read_stage (QaDatabase       *db,
            QaProfile        *profile,
            QaStage           stage,
            QaStageProgress  *out,
            GError          **error)
{
  g_autoptr(GPtrArray) items = NULL;
  sqlite3_stmt *stmt;

  out->stage = stage;
  out->closed_at = _qa_database_dup_stage_closed_at (db, stage);
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

  items = _qa_consensus_compute_db (db, profile, stage, NULL, error);
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
      /* Closing a stage accepts the default of every flagged item left unrecorded. */
      if (item->flagged && !item->recorded && !out->closed)
        out->items_to_agree++;
    }

  if (out->closed)
    out->missing = g_ptr_array_new_with_free_func (g_free);
  else
    out->missing = _qa_consensus_check_complete_db (db, profile, stage, items, error);
  return out->missing != NULL;
}

static gboolean
eligibility_checked (QaDatabase *db)
{
  sqlite3_stmt *stmt = _qa_database_prepare (db, "SELECT EXISTS (SELECT 1 FROM eligibility)", NULL);
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

/* What is next once both review stages are closed, in the words of the stage the session is in. */
static char *
describe_outcome (QaSession *session,
                  QaStage    current)
{
  g_autofree char *starts_on = NULL;
  g_autofree char *ends_on = NULL;
  g_autofree char *today = NULL;

  switch (current)
    {
    case QA_STAGE_COMPREHENSIVE:
      return g_strdup (_("Both review stages are closed: the comprehensive evaluation ranks the applicants; the review committee then confirms the list."));

    case QA_STAGE_NOTICE:
      if (!qa_outcome_get_notice (session, &starts_on, &ends_on))
        return g_strdup (_("The review committee has confirmed the list: open the public notice (Art. 16(6))."));
      today = qa_clock_dup_today ();
      if (g_strcmp0 (today, ends_on) <= 0)
        return g_strdup_printf (_("The public notice runs from %s to %s: record the real-name objections received, and have the committee re-check each."),
                                starts_on, ends_on);
      return g_strdup_printf (_("The public notice ended on %s: once every objection is decided, submit the list to the district government for approval."),
                              ends_on);

    case QA_STAGE_APPLICATION:
    case QA_STAGE_ELIGIBILITY:
    case QA_STAGE_MATERIAL:
    case QA_STAGE_SITE:
    case QA_STAGE_AWARD:
    default:
      return g_strdup (_("The government approved the awards: print the certificates, and during their validity record each awardee’s yearly reports, inspections and any accident or revocation."));
    }
}

/* What the records show, read from @db alone (so that a thread may read it on its own
 * connection): everything but the stage the session has stored. */
static gboolean
read_progress (QaDatabase  *db,
               QaProfile   *profile,
               QaProgress  *progress,
               GError     **error)
{
  if (!read_stage (db, profile, QA_STAGE_MATERIAL, &progress->material, error) ||
      !read_stage (db, profile, QA_STAGE_SITE, &progress->site, error))
    return FALSE;

  if (progress->site.closed)
    progress->current = QA_STAGE_COMPREHENSIVE;
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
  else if (eligibility_checked (db))
    {
      progress->current = QA_STAGE_ELIGIBILITY;
      progress->next_step = describe_next (&progress->material);
    }
  else
    {
      progress->current = QA_STAGE_APPLICATION;
      progress->next_step = g_strdup (_("Register the applicants and run the eligibility check."));
    }

  return TRUE;
}

/* The session's own part, in the thread that owns it. */
static gboolean
finish_progress (QaSession   *session,
                 QaProgress  *progress,
                 GError     **error)
{
  /* Core moves the stored stage forward at each step (panel formed, stage closed, list
   * confirmed, notice opened, awards approved); what the records show counts too, for sessions
   * written before it did. */
  if (!_qa_session_sync_stage (session, error))
    return FALSE;
  progress->current = MAX (progress->current, qa_session_get_stage (session));
  if (progress->current >= QA_STAGE_COMPREHENSIVE)
    {
      g_free (progress->next_step);
      progress->next_step = describe_outcome (session, progress->current);
    }

  return TRUE;
}

QaProgress *
qa_session_get_progress (QaSession  *session,
                         GError    **error)
{
  g_autoptr(QaProgress) progress = g_new0 (QaProgress, 1);

  g_return_val_if_fail (QA_IS_SESSION (session), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!read_progress (qa_session_get_database (session), qa_session_get_profile (session),
                      progress, error) ||
      !finish_progress (session, progress, error))
    return NULL;

  return g_steal_pointer (&progress);
}

typedef struct
{
  char      *path;
  QaProfile *profile;
} ProgressJob;

static void
progress_job_free (ProgressJob *job)
{
  g_free (job->path);
  g_clear_object (&job->profile);
  g_free (job);
}

/* In a worker thread: the session file read on a connection of its own, in one read
 * transaction, so that every figure comes from the same moment (WAL readers never wait for the
 * writer, nor it for them). */
static void
progress_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  ProgressJob *job = task_data;
  g_autoptr(QaDatabase) db = NULL;
  g_autoptr(QaProgress) progress = g_new0 (QaProgress, 1);
  g_autoptr(GError) error = NULL;
  gboolean read;

  db = qa_database_open_full (job->path, QA_DATABASE_OPEN_READ_ONLY, &error);
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!_qa_database_exec (db, "BEGIN", &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  read = read_progress (db, job->profile, progress, &error);
  _qa_database_exec (db, "COMMIT", NULL);

  if (!read)
    g_task_return_error (task, g_steal_pointer (&error));
  else if (!g_task_return_error_if_cancelled (task))
    g_task_return_pointer (task, g_steal_pointer (&progress), (GDestroyNotify)qa_progress_free);
}

void
qa_session_get_progress_async (QaSession           *session,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ProgressJob *job;

  g_return_if_fail (QA_IS_SESSION (session));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (session, cancellable, callback, user_data);
  g_task_set_source_tag (task, qa_session_get_progress_async);

  job = g_new0 (ProgressJob, 1);
  job->path = g_strdup (qa_database_get_path (qa_session_get_database (session)));
  job->profile = g_object_ref (qa_session_get_profile (session));
  g_task_set_task_data (task, job, (GDestroyNotify)progress_job_free);
  g_task_run_in_thread (task, progress_thread);
}

QaProgress *
qa_session_get_progress_finish (QaSession     *session,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_autoptr(QaProgress) progress = NULL;

  g_return_val_if_fail (QA_IS_SESSION (session), NULL);
  g_return_val_if_fail (g_task_is_valid (result, session), NULL);

  progress = g_task_propagate_pointer (G_TASK (result), error);
  if (progress == NULL || !finish_progress (session, progress, error))
    return NULL;

  return g_steal_pointer (&progress);
}
