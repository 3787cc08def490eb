/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qa-demo"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "qa-applicant.h"
#include "qa-applicants.h"
#include "qa-award.h"
#include "qa-consensus.h"
#include "qa-demo.h"
#include "qa-experts.h"
#include "qa-item.h"
#include "qa-outcome.h"
#include "qa-package.h"
#include "qa-panel.h"
#include "qa-scores.h"
#include "qa-sheet.h"
#include "qa-util-private.h"

/* Drives the demo session through the procedure by the same core paths a secretariat, a chair and
 * the reviewers use: the Art. 13 judgements, the panels, each reviewer's package scored and its
 * signed sheet imported, the stages closed, the list confirmed, the notice, an objection, the
 * approval and a yearly report. The scores are made up but realistic: each applicant has a
 * level, each reviewer a leniency, each item a spread, all fixed so the demo is the same every
 * time. */

static const char * const demo_steps[] = {
  "eligibility", "material", "site", "shortlist", "notice", "award", NULL,
};

static const char * const panel_members[] = { "E01", "E02", "E03", "E04", "E05", "E06", "E07", NULL };
#define PANEL_CHAIR "E01"

/* The demo applicants' level of excellence, in percent of the points. */
static int
level_of (const char *applicant_id)
{
  static const struct { const char *id; int level; } levels[] = {
    { "A01", 70 }, { "A02", 66 }, { "A04", 61 }, { "A06", 56 }, { "A07", 37 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    if (g_strcmp0 (levels[i].id, applicant_id) == 0)
      return levels[i].level;
  return 50;
}

/* A fixed pseudo-random number in -range..range from the strings. */
static int
jitter (const char *a,
        const char *b,
        const char *c,
        int         range)
{
  guint hash = g_str_hash (a) * 31u + g_str_hash (b) * 17u + g_str_hash (c);

  hash ^= hash >> 13;
  hash *= 0x5bd1e995u;
  hash ^= hash >> 15;
  return (int)(hash % (guint)(2 * range + 1)) - range;
}

static int
demo_percent (QaStage     stage,
              const char *reviewer_id,
              const char *applicant_id,
              const char *item)
{
  int leniency = jitter (reviewer_id, "leniency", "", 6);
  int value = level_of (applicant_id) + (stage == QA_STAGE_SITE ? 2 : 0) + leniency +
              jitter (reviewer_id, applicant_id, item, 10);

  value = CLAMP (value, 0, 100);
  return ((value + 2) / 5) * 5;
}

gboolean
qa_demo_step_from_string (const char *step,
                          guint      *index)
{
  for (guint i = 0; demo_steps[i] != NULL; i++)
    if (g_strcmp0 (demo_steps[i], step) == 0)
      {
        *index = i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
step_eligibility (QaSession  *session,
                  GError    **error)
{
  GListModel *applicants = qa_session_get_applicants (session);

  if (qa_session_get_stage (session) > QA_STAGE_ELIGIBILITY ||
      qa_session_stage_is_closed (session, QA_STAGE_MATERIAL))
    return TRUE;
  for (guint i = 0; i < g_list_model_get_n_items (applicants); i++)
    {
      g_autoptr(QaApplicant) applicant = g_list_model_get_item (applicants, i);

      /* Art. 13(5): the secretariat finds each applicant's level domestic-leading. */
      if (!qa_applicants_judge (session, qa_applicant_get_id (applicant), 5, TRUE,
                                _("Demo: domestic-leading quality level on the evidence"), error))
        return FALSE;
    }
  return qa_applicants_store_eligibility (session, error);
}

/* Acts as the panel chair for a moment (closing a stage is the chair's). */
static gboolean
close_as_chair (QaSession  *session,
                QaStage     stage,
                GError    **error)
{
  QaDatabase *db = qa_session_get_database (session);
  g_autofree char *name = g_strdup (qa_database_get_operator_name (db));
  g_autofree char *role = g_strdup (qa_database_get_operator_role (db));
  g_autofree char *chair = qa_experts_dup_name (session, PANEL_CHAIR);
  gboolean ok;

  qa_database_set_operator (db, chair, "chair");
  ok = qa_session_close_stage (session, stage, error);
  qa_database_set_operator (db, name, role);
  return ok;
}

/* Every panel member scores every applicant in their package, and their sheet comes back. */
static gboolean
score_stage (QaSession  *session,
             QaStage     stage,
             GError    **error)
{
  g_autofree char *dir = g_dir_make_tmp ("qareview-demo-XXXXXX", error);
  GListModel *items = qa_criteria_get_items (qa_session_get_criteria (session));
  gboolean ok = dir != NULL;

  for (guint m = 0; ok && panel_members[m] != NULL; m++)
    {
      const char *reviewer = panel_members[m];
      g_autofree char *package_path = g_strdup_printf ("%s/%s.qapkg", dir, reviewer);
      g_autofree char *sheet_path = g_strdup_printf ("%s/%s.qasheet", dir, reviewer);
      g_autoptr(QaSession) package = NULL;
      g_autofree char *contents = NULL;
      g_autoptr(GBytes) bytes = NULL;
      gsize length = 0;
      GListModel *applicants;

      ok = qa_package_export (session, reviewer, stage, package_path, QA_OUTPUT_NONE, error);
      if (ok)
        {
          package = qa_session_open (package_path, error);
          ok = package != NULL;
        }
      applicants = ok ? qa_session_get_applicants (package) : NULL;
      for (guint a = 0; ok && a < g_list_model_get_n_items (applicants); a++)
        {
          g_autoptr(QaApplicant) applicant = g_list_model_get_item (applicants, a);
          const char *applicant_id = qa_applicant_get_id (applicant);
          g_autoptr(QaScoreSheet) sheet = NULL;

          sheet = qa_score_sheet_new (package, reviewer, applicant_id, stage, error);
          ok = sheet != NULL;
          for (guint i = 0; ok && i < g_list_model_get_n_items (items); i++)
            {
              g_autoptr(QaItem) item = g_list_model_get_item (items, i);
              const char *code = qa_item_get_code (item);

              ok = qa_score_sheet_set (sheet, code,
                                       demo_percent (stage, reviewer, applicant_id, code),
                                       NULL, NULL, error);
            }
        }
      ok = ok && qa_sheet_export (package, sheet_path, QA_OUTPUT_NONE, error) &&
           g_file_get_contents (sheet_path, &contents, &length, error);
      if (ok)
        {
          bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
          ok = qa_sheet_import (session, bytes, sheet_path, NULL, NULL, error);
        }
      g_clear_object (&package);
      g_unlink (package_path);
      g_unlink (sheet_path);
    }
  if (dir != NULL)
    g_rmdir (dir);
  return ok;
}

static gboolean
form_panel (QaSession  *session,
            QaStage     stage,
            GError    **error)
{
  g_autoptr(QaPanel) panel = qa_panel_load (session, stage, NULL);

  return panel != NULL ||
         qa_panel_form (session, stage, PANEL_CHAIR, panel_members, NULL, error);
}

static gboolean
step_material (QaSession  *session,
               GError    **error)
{
  if (qa_session_stage_is_closed (session, QA_STAGE_MATERIAL))
    return TRUE;
  return form_panel (session, QA_STAGE_MATERIAL, error) &&
         score_stage (session, QA_STAGE_MATERIAL, error) &&
         close_as_chair (session, QA_STAGE_MATERIAL, error);
}

static gboolean
step_site (QaSession  *session,
           GError    **error)
{
  g_autoptr(GPtrArray) totals = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) advanced = NULL;
  gint64 threshold = qa_profile_get_site_threshold_x100 (qa_session_get_profile (session));

  if (qa_session_stage_is_closed (session, QA_STAGE_SITE))
    return TRUE;

  /* The panel sends on those who reach the site-review threshold (Art. 16(3)). */
  totals = qa_consensus_totals (session, QA_STAGE_MATERIAL, error);
  if (totals == NULL)
    return FALSE;
  builder = g_strv_builder_new ();
  for (guint i = 0; i < totals->len; i++)
    {
      const QaConsensusTotal *total = g_ptr_array_index (totals, i);

      if (total->scorers > 0 && total->total_x100 >= threshold)
        g_strv_builder_add (builder, total->applicant_id);
    }
  advanced = g_strv_builder_end (builder);
  return qa_panel_advance (session, (const char * const *)advanced, error) &&
         form_panel (session, QA_STAGE_SITE, error) &&
         score_stage (session, QA_STAGE_SITE, error) &&
         close_as_chair (session, QA_STAGE_SITE, error);
}

/* A date so many days after the application deadline. */
static char *
after_deadline (QaSession *session,
                guint      days)
{
  GDate date;

  _qa_date_parse (qa_session_get_deadline (session), &date);
  g_date_add_days (&date, days);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

static gboolean
step_shortlist (QaSession  *session,
                GError    **error)
{
  g_autofree char *confirmed = qa_outcome_dup_confirmed_on (session);
  g_autofree char *date = after_deadline (session, 75);
  g_autoptr(QaShortlistResult) result = NULL;
  g_autoptr(GStrvBuilder) tied = g_strv_builder_new ();
  g_auto(GStrv) order = NULL;

  if (confirmed != NULL)
    return TRUE;
  result = qa_outcome_shortlist (session, error);
  if (result == NULL)
    return FALSE;
  /* Should the made-up scores tie at the limit, the committee takes them in reference order. */
  for (guint i = 0; i < result->rows->len; i++)
    {
      const QaShortlistRow *row = g_ptr_array_index (result->rows, i);

      if (row->status == QA_OUTCOME_TIED)
        g_strv_builder_add (tied, row->applicant_id);
    }
  order = g_strv_builder_end (tied);
  if (order[0] != NULL &&
      !qa_outcome_decide_tie (session, (const char * const *)order, date,
                              _("Demo: the committee's vote in its plenary meeting"), error))
    return FALSE;
  return qa_outcome_confirm (session, date, error);
}

static gboolean
step_notice (QaSession  *session,
             GError    **error)
{
  g_autofree char *start = after_deadline (session, 78);
  g_autofree char *received = after_deadline (session, 80);
  g_autoptr(QaShortlistResult) result = NULL;
  const char *objected = NULL;
  gint64 id;

  if (qa_outcome_get_notice (session, NULL, NULL))
    return TRUE;
  if (!qa_outcome_open_notice (session, start, error))
    return FALSE;
  result = qa_outcome_shortlist (session, error);
  if (result == NULL)
    return FALSE;
  for (guint i = 0; i < result->rows->len; i++)
    {
      const QaShortlistRow *row = g_ptr_array_index (result->rows, i);

      if (row->status == QA_OUTCOME_CANDIDATE)
        objected = row->applicant_id;
    }
  if (objected == NULL)
    return TRUE;
  /* One real-name objection, re-checked and dismissed by the committee. */
  id = qa_outcome_add_objection (session, objected, "李明", "13909360001",
                                 received, _("Demo: doubts that the reported customer "
                                             "satisfaction survey was independent"), error);
  return id > 0 &&
         qa_outcome_decide_objection (session, id, FALSE,
                                      _("Demo: the survey was run by an accredited third party; "
                                        "the objection is not supported"),
                                      received, error);
}

static gboolean
step_award (QaSession  *session,
            GError    **error)
{
  g_autofree char *ends_on = NULL;
  g_autoptr(GPtrArray) made = NULL;
  GDate date;
  char iso[16];

  if (qa_session_get_stage (session) >= QA_STAGE_AWARD)
    return TRUE;
  qa_outcome_get_notice (session, NULL, &ends_on);
  _qa_date_parse (ends_on, &date);
  g_date_add_days (&date, 10);
  g_snprintf (iso, sizeof iso, "%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
              g_date_get_day (&date));
  made = qa_award_approve (session, iso, error);
  return made != NULL;
}

gboolean
qa_demo_advance (QaSession   *session,
                 const char  *until,
                 GError     **error)
{
  typedef gboolean (*Step) (QaSession *, GError **);
  static const Step steps[] = { step_eligibility, step_material, step_site, step_shortlist,
                                step_notice, step_award };
  guint last;

  G_STATIC_ASSERT (G_N_ELEMENTS (steps) == G_N_ELEMENTS (demo_steps) - 1);
  g_return_val_if_fail (QA_IS_SESSION (session), FALSE);

  if (!qa_demo_step_from_string (until, &last))
    {
      g_autofree char *known = g_strjoinv (", ", (char **)demo_steps);

      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not a stage the demo can be driven to (%s)"), until, known);
      return FALSE;
    }
  for (guint i = 0; i <= last; i++)
    if (!steps[i] (session, error))
      return FALSE;
  return qa_session_reload (session, error);
}
