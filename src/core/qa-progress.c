/* qa-progress.c: where a session stands in its procedure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-progress"

#include "config.h"

#include <glib/gi18n.h>

#include "qa-database-private.h"
#include "qa-panel.h"
#include "qa-progress.h"
#include "qa-session-private.h"
#include "qa-sheet-status.h"

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

/* The count the query gives, with ?1 bound to @stage's name and ?2 to @number. */
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

static char *
join_names (GPtrArray *names)
{
  g_ptr_array_add (names, NULL);
  /* Translators: between the names of a list, e.g. 王建国、李明 */
  return g_strjoinv (_(", "), (char **)names->pdata);
}

static gboolean
read_stage (QaSession        *session,
            QaStage           stage,
            QaStageProgress  *progress,
            GError          **error)
{
  QaDatabase *db = qa_session_get_database (session);
  QaProfile *profile = qa_session_get_profile (session);
  guint n_items = g_list_model_get_n_items (qa_criteria_get_items (qa_session_get_criteria (session)));
  g_autoptr(GPtrArray) sheets = NULL;
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  g_autoptr(GPtrArray) incomplete = g_ptr_array_new ();

  progress->stage = stage;
  progress->missing = g_ptr_array_new_with_free_func (g_free);
  progress->closed = qa_session_stage_is_closed (session, stage);

  sheets = qa_session_list_sheets (session, stage, error);
  if (sheets == NULL ||
      !count_rows (db, "SELECT count(*) FROM stage_applicant WHERE stage = ?1 AND ?2 = ?2",
                   stage, 0, &progress->applicants, error) ||
      !count_rows (db,
                   "SELECT count(*) FROM (SELECT DISTINCT applicant_id, item FROM score "
                   "WHERE stage = ?1 AND ?2 = ?2)",
                   stage, 0, &progress->items_agreed, error) ||
      !count_rows (db, "SELECT count(*) FROM consensus WHERE stage = ?1 AND ?2 = ?2",
                   stage, 0, &progress->items_recorded, error) ||
      !count_rows (db,
                   "SELECT count(*) FROM (SELECT applicant_id, item FROM score WHERE stage = ?1 "
                   "GROUP BY applicant_id, item HAVING max(percent) - min(percent) >= ?2) s "
                   "WHERE NOT EXISTS (SELECT 1 FROM consensus c WHERE c.stage = ?1 "
                   "AND c.applicant_id = s.applicant_id AND c.item = s.item)",
                   stage, qa_profile_get_discussion_spread (profile),
                   &progress->items_to_agree, error))
    return FALSE;
  progress->items_total = progress->applicants * n_items;
  progress->panel_formed = sheets->len > 0;

  for (guint i = 0; i < sheets->len; i++)
    {
      QaSheetStatus *status = g_ptr_array_index (sheets, i);

      if (status->n_applicants == 0)
        continue;
      progress->sheets_expected++;
      if (!status->received)
        g_ptr_array_add (missing, status->name);
      else
        {
          progress->sheets_received++;
          if (status->n_scored < status->n_expected)
            g_ptr_array_add (incomplete, status->name);
        }
    }

  if (progress->closed)
    return TRUE;

  if (!progress->panel_formed)
    g_ptr_array_add (progress->missing,
                     g_strdup (stage == QA_STAGE_MATERIAL
                               ? _("Form the material review panel (Art. 11).")
                               : _("Form the site review panel (Art. 11).")));
  if (missing->len > 0)
    {
      g_autofree char *names = join_names (missing);

      g_ptr_array_add (progress->missing,
                       /* Translators: %s names the reviewers, e.g. 王建国、李明 */
                       g_strdup_printf (_("Import the score sheets of %s."), names));
    }
  if (incomplete->len > 0)
    {
      g_autofree char *names = join_names (incomplete);

      g_ptr_array_add (progress->missing,
                       /* Translators: %s names the reviewers */
                       g_strdup_printf (_("The sheets of %s do not score every item yet: import their complete sheets."),
                                        names));
    }

  return TRUE;
}

QaProgress *
qa_session_get_progress (QaSession  *session,
                         GError    **error)
{
  g_autoptr(QaProgress) progress = g_new0 (QaProgress, 1);
  QaDatabase *db;
  guint n_applicants = 0;
  guint n_unchecked = 0;
  QaStage stage;

  g_return_val_if_fail (QA_IS_SESSION (session), NULL);

  db = qa_session_get_database (session);
  if (!read_stage (session, QA_STAGE_MATERIAL, &progress->material, error) ||
      !read_stage (session, QA_STAGE_SITE, &progress->site, error) ||
      !count_rows (db, "SELECT count(*) FROM applicant WHERE ?1 = ?1 AND ?2 = ?2",
                   QA_STAGE_APPLICATION, 0, &n_applicants, error) ||
      !count_rows (db,
                   "SELECT count(*) FROM applicant WHERE eligibility IN ('unchecked', 'pending') "
                   "AND ?1 = ?1 AND ?2 = ?2",
                   QA_STAGE_APPLICATION, 0, &n_unchecked, error))
    return NULL;

  if (progress->site.closed)
    stage = QA_STAGE_COMPREHENSIVE;
  else if (progress->material.closed)
    stage = QA_STAGE_SITE;
  else if (progress->material.panel_formed)
    stage = QA_STAGE_MATERIAL;
  else if (n_applicants > 0)
    stage = QA_STAGE_ELIGIBILITY;
  else
    stage = QA_STAGE_APPLICATION;
  /* A later stage recorded by the outcome's steps wins. */
  progress->current = MAX (stage, qa_session_get_stage (session));

  switch (progress->current)
    {
    case QA_STAGE_APPLICATION:
      progress->next_step = g_strdup (_("Register or import the applicants."));
      break;

    case QA_STAGE_ELIGIBILITY:
      if (n_unchecked > 0)
        progress->next_step = g_strdup_printf (ngettext ("Check the eligibility of %u applicant (Art. 13).",
                                                         "Check the eligibility of %u applicants (Art. 13).",
                                                         n_unchecked),
                                               n_unchecked);
      else
        progress->next_step = g_strdup (_("Form the material review panel (Art. 11)."));
      break;

    case QA_STAGE_MATERIAL:
    case QA_STAGE_SITE:
      {
        QaStageProgress *review = progress->current == QA_STAGE_MATERIAL ? &progress->material
                                                                          : &progress->site;

        if (review->missing->len > 0)
          progress->next_step = g_strdup (g_ptr_array_index (review->missing, 0));
        else if (review->items_to_agree > 0)
          progress->next_step = g_strdup_printf (ngettext ("Agree on %u flagged item, then close the stage.",
                                                           "Agree on %u flagged items, then close the stage.",
                                                           review->items_to_agree),
                                                 review->items_to_agree);
        else
          progress->next_step = g_strdup (_("The chair closes the stage."));
      }
      break;

    case QA_STAGE_COMPREHENSIVE:
    case QA_STAGE_NOTICE:
    case QA_STAGE_AWARD:
    default:
      break;
    }

  return g_steal_pointer (&progress);
}
