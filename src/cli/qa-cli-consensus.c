/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "qareview-cli"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qa-cli-private.h"

/* The chair's half of the review stages: consensus, closing, feedback, the reviewers' figures
 * and the site-review opinion (spec: “Consensus, stages and the outcome”). */

int
qa_cli_consensus (const Globals  *globals,
                  int             argc,
                  char          **argv)
{
  g_autofree char *stage_name = NULL;
  g_autofree char *applicant = NULL;
  g_autofree char *format = NULL;
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  QaStage stage = QA_STAGE_MATERIAL;
  gboolean csv = FALSE;
  int status = EXIT_DONE;
  GOptionEntry entries[] = {
    { "stage", 0, 0, G_OPTION_ARG_STRING, &stage_name, NULL, NULL },
    { "applicant", 0, 0, G_OPTION_ARG_STRING, &applicant, NULL, NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, NULL, NULL },
    { NULL }
  };

  if (!qa_cli_parse_options ("consensus", entries, &argc, &argv, &status) ||
      !qa_cli_parse_stage ("consensus", stage_name, &stage, &status) ||
      !qa_cli_parse_format ("consensus", format, &csv, &status))
    return status;

  session = qa_cli_open_session (globals, &error);
  if (session == NULL)
    return qa_cli_report_error (error);
  items = qa_consensus_compute (session, stage, applicant, &error);
  if (items == NULL)
    return qa_cli_report_error (error);
  if (applicant != NULL && items->len == 0)
    {
      g_printerr ("qareview-cli: ");
      g_printerr (_("Applicant %s is not in the %s"), applicant, qa_stage_get_title (stage));
      g_printerr ("\n");
      return EXIT_REFUSED;
    }

  qa_consensus_append_csv (out, items, FALSE);
  qa_cli_write_stdout (out);
  return EXIT_DONE;
}

int
qa_cli_consensus_totals (const Globals  *globals,
                         int             argc,
                         char          **argv)
{
  g_autofree char *stage_name = NULL;
  g_autofree char *format = NULL;
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GPtrArray) totals = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  QaStage stage = QA_STAGE_MATERIAL;
  gboolean csv = FALSE;
  int status = EXIT_DONE;
  GOptionEntry entries[] = {
    { "stage", 0, 0, G_OPTION_ARG_STRING, &stage_name, NULL, NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, NULL, NULL },
    { NULL }
  };

  if (!qa_cli_parse_action_options ("consensus totals", entries, &argc, &argv, &status) ||
      !qa_cli_parse_stage ("consensus totals", stage_name, &stage, &status) ||
      !qa_cli_parse_format ("consensus totals", format, &csv, &status))
    return status;

  session = qa_cli_open_session (globals, &error);
  if (session == NULL)
    return qa_cli_report_error (error);
  totals = qa_consensus_totals (session, stage, &error);
  if (totals == NULL)
    return qa_cli_report_error (error);

  qa_csv_append_rowv (out, "applicant_id", "scorers", "items_agreed", "total", "flagged_items", NULL);
  for (guint i = 0; i < totals->len; i++)
    {
      const QaConsensusTotal *total = g_ptr_array_index (totals, i);
      g_autofree char *scorers = g_strdup_printf ("%u", total->scorers);
      g_autofree char *agreed = g_strdup_printf ("%u", total->items_agreed);
      g_autofree char *points = qa_consensus_format_points (total->total_x100);
      g_autofree char *flagged = g_strdup_printf ("%u", total->flagged_items);

      qa_csv_append_rowv (out, total->applicant_id, scorers, agreed, points, flagged, NULL);
    }
  qa_cli_write_stdout (out);
  return EXIT_DONE;
}

int
qa_cli_consensus_set (const Globals  *globals,
                      int             argc,
                      char          **argv)
{
  g_autofree char *stage_name = NULL;
  g_autofree char *applicant = NULL;
  g_autofree char *item = NULL;
  g_autofree char *rationale = NULL;
  g_autofree char *strengths = NULL;
  g_autofree char *improvements = NULL;
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GError) error = NULL;
  QaStage stage = QA_STAGE_MATERIAL;
  int percent = G_MININT;
  int status = EXIT_DONE;
  GOptionEntry entries[] = {
    { "stage", 0, 0, G_OPTION_ARG_STRING, &stage_name, NULL, NULL },
    { "applicant", 0, 0, G_OPTION_ARG_STRING, &applicant, NULL, NULL },
    { "item", 0, 0, G_OPTION_ARG_STRING, &item, NULL, NULL },
    { "percent", 0, 0, G_OPTION_ARG_INT, &percent, NULL, NULL },
    { "rationale", 0, 0, G_OPTION_ARG_STRING, &rationale, NULL, NULL },
    { "strengths", 0, 0, G_OPTION_ARG_STRING, &strengths, NULL, NULL },
    { "improvements", 0, 0, G_OPTION_ARG_STRING, &improvements, NULL, NULL },
    { NULL }
  };

  if (!qa_cli_parse_action_options ("consensus set", entries, &argc, &argv, &status) ||
      !qa_cli_parse_stage ("consensus set", stage_name, &stage, &status))
    return status;
  if (applicant == NULL || item == NULL || percent == G_MININT)
    return qa_cli_usage_error (_("consensus set: give --stage STAGE, --applicant ID, --item CODE and --percent N"));

  session = qa_cli_open_session (globals, &error);
  if (session == NULL ||
      !qa_consensus_set (session, stage, applicant, item, percent, rationale, strengths,
                         improvements, &error))
    return qa_cli_report_error (error);

  g_print (_("Recorded the panel’s consensus of item %s of %s: %d%%\n"), item, applicant, percent);
  return EXIT_DONE;
}

int
qa_cli_consensus_export (const Globals  *globals,
                         int             argc,
                         char          **argv)
{
  g_autofree char *stage_name = NULL;
  g_autofree char *format = NULL;
  g_autofree char *out = NULL;
  gboolean force = FALSE;
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GError) error = NULL;
  QaStage stage = QA_STAGE_MATERIAL;
  int status = EXIT_DONE;
  GOptionEntry entries[] = {
    { "stage", 0, 0, G_OPTION_ARG_STRING, &stage_name, NULL, NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, NULL, NULL },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, NULL, NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, NULL, NULL },
    { NULL }
  };

  if (!qa_cli_parse_action_options ("consensus export", entries, &argc, &argv, &status) ||
      !qa_cli_parse_stage ("consensus export", stage_name, &stage, &status))
    return status;
  if (out == NULL || (g_strcmp0 (format, "pdf") != 0 && g_strcmp0 (format, "csv") != 0))
    return qa_cli_usage_error (_("consensus export: give --stage STAGE, --format pdf|csv and --out FILE"));

  session = qa_cli_open_session (globals, &error);
  if (session == NULL)
    return qa_cli_report_error (error);

  if (g_strcmp0 (format, "csv") == 0)
    {
      g_autoptr(GPtrArray) items = qa_consensus_compute (session, stage, NULL, &error);
      g_autoptr(GString) text = g_string_new (NULL);

      if (items == NULL)
        return qa_cli_report_error (error);
      qa_consensus_append_csv (text, items, TRUE);
      if (!qa_output_write_file (out, qa_cli_output_flags (force), text->str, text->len, &error))
        return qa_cli_report_error (error);
    }
  else
    {
      g_autoptr(QaReport) report = qa_report_new_consensus (session, stage, &error);

      if (report == NULL || !qa_report_write_pdf (report, out, qa_cli_output_flags (force), &error))
        return qa_cli_report_error (error);
    }

  g_print (_("Wrote the consensus report of the %s to %s\n"), qa_stage_get_title (stage), out);
  return EXIT_DONE;
}

int
qa_cli_stage (const Globals  *globals,
              int             argc,
              char          **argv)
{
  g_autofree char *stage_name = NULL;
  g_autofree char *closed_at = NULL;
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GError) error = NULL;
  QaStage stage = QA_STAGE_MATERIAL;
  int status = EXIT_DONE;
  GOptionEntry entries[] = {
    { "stage", 0, 0, G_OPTION_ARG_STRING, &stage_name, NULL, NULL },
    { NULL }
  };

  if (!qa_cli_parse_action_options ("stage close", entries, &argc, &argv, &status) ||
      !qa_cli_parse_stage ("stage close", stage_name, &stage, &status))
    return status;

  session = qa_cli_open_session (globals, &error);
  if (session == NULL || !qa_session_close_stage (session, stage, &error))
    return qa_cli_report_error (error);

  closed_at = qa_session_dup_stage_closed_at (session, stage);
  g_print (_("The %s is closed (at %s); score sheets and consensus of the stage are frozen\n"),
           qa_stage_get_title (stage), closed_at != NULL ? closed_at : "");
  return EXIT_DONE;
}

int
qa_cli_feedback (const Globals  *globals,
                 int             argc,
                 char          **argv)
{
  g_autofree char *stage_name = NULL;
  g_autofree char *applicant = NULL;
  g_autofree char *out = NULL;
  gboolean force = FALSE;
  g_autofree char *date = NULL;
  g_autoptr(QaSession) session = NULL;
  g_autoptr(QaReport) report = NULL;
  g_autoptr(GError) error = NULL;
  QaStage stage = QA_STAGE_MATERIAL;
  int status = EXIT_DONE;
  GOptionEntry entries[] = {
    { "applicant", 0, 0, G_OPTION_ARG_STRING, &applicant, NULL, NULL },
    { "stage", 0, 0, G_OPTION_ARG_STRING, &stage_name, NULL, NULL },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, NULL, NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, NULL, NULL },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, NULL, NULL },
    { NULL }
  };

  if (!qa_cli_parse_action_options ("feedback export", entries, &argc, &argv, &status) ||
      !qa_cli_parse_stage ("feedback export", stage_name, &stage, &status))
    return status;
  if (applicant == NULL || out == NULL)
    return qa_cli_usage_error (_("feedback export: give --applicant ID, --stage STAGE and --out FILE.pdf"));

  session = qa_cli_open_session (globals, &error);
  if (session == NULL)
    return qa_cli_report_error (error);
  report = qa_report_new_feedback (session, applicant, stage, date, &error);
  if (report == NULL || !qa_report_write_pdf (report, out, qa_cli_output_flags (force), &error))
    return qa_cli_report_error (error);

  g_print (_("Wrote the written feedback to %s to %s\n"), applicant, out);
  return EXIT_DONE;
}

/* @sum / @n in tenths, halves away from zero, as “-8.8”. */
static char *
format_mean (gint64 sum,
             guint  n)
{
  gint64 tenths;

  if (n == 0)
    return g_strdup ("");
  tenths = (llabs (sum) * 20 + n) / (2 * (gint64)n);
  return qa_consensus_format_tenths ((int)(sum < 0 ? -tenths : tenths));
}

int
qa_cli_reviewers (const Globals  *globals,
                  int             argc,
                  char          **argv)
{
  g_autofree char *stage_name = NULL;
  g_autofree char *format = NULL;
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GPtrArray) reviewers = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  QaStage stage = QA_STAGE_MATERIAL;
  gboolean csv = FALSE;
  double w = -1;
  guint w_applicants = 0;
  int status = EXIT_DONE;
  GOptionEntry entries[] = {
    { "stage", 0, 0, G_OPTION_ARG_STRING, &stage_name, NULL, NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, NULL, NULL },
    { NULL }
  };

  if (!qa_cli_parse_options ("reviewers", entries, &argc, &argv, &status) ||
      !qa_cli_parse_stage ("reviewers", stage_name, &stage, &status) ||
      !qa_cli_parse_format ("reviewers", format, &csv, &status))
    return status;

  session = qa_cli_open_session (globals, &error);
  if (session == NULL)
    return qa_cli_report_error (error);
  reviewers = qa_consensus_reviewers (session, stage, &w, &w_applicants, &error);
  if (reviewers == NULL)
    return qa_cli_report_error (error);

  if (csv)
    qa_csv_append_rowv (out, "reviewer_id", "name", "applicants", "scores", "leniency",
                        "dropped_high", "dropped_low", NULL);
  for (guint i = 0; i < reviewers->len; i++)
    {
      const QaConsensusReviewer *reviewer = g_ptr_array_index (reviewers, i);
      g_autofree char *name = qa_experts_dup_name (session, reviewer->reviewer_id);
      g_autofree char *applicants = g_strdup_printf ("%u", reviewer->applicants);
      g_autofree char *scores = g_strdup_printf ("%u", reviewer->scores);
      g_autofree char *leniency = format_mean (reviewer->leniency_sum, reviewer->scores);
      g_autofree char *high = g_strdup_printf ("%u", reviewer->dropped_high);
      g_autofree char *low = g_strdup_printf ("%u", reviewer->dropped_low);

      if (csv)
        qa_csv_append_rowv (out, reviewer->reviewer_id, name != NULL ? name : "", applicants,
                            scores, leniency, high, low, NULL);
      else
        g_string_append_printf (out,
                                _("%s %s: %s applicants, %s item scores, leniency %s points, the one highest score dropped %s times, the one lowest %s times\n"),
                                reviewer->reviewer_id, name != NULL ? name : "", applicants, scores,
                                leniency, high, low);
    }
  if (!csv)
    {
      if (w >= 0)
        g_string_append_printf (out, _("Panel agreement (Kendall’s W over the totals of %u applicants every reviewer scored): %.3f\n"),
                                w_applicants, w);
      else
        g_string_append_printf (out, "%s\n", _("Panel agreement (Kendall’s W): not enough applicants scored by every reviewer"));
    }
  qa_cli_write_stdout (out);
  return EXIT_DONE;
}

int
qa_cli_site_opinion (const Globals  *globals,
                     int             argc,
                     char          **argv)
{
  g_autofree char *applicant = NULL;
  g_autofree char *text = NULL;
  g_autofree char *out = NULL;
  gboolean force = FALSE;
  g_autofree char *date = NULL;
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GError) error = NULL;
  gboolean set = argc > 1 && g_strcmp0 (argv[1], "set") == 0;
  const char *verb = set ? "site-opinion set" : "site-opinion export";
  int status = EXIT_DONE;
  GOptionEntry set_entries[] = {
    { "applicant", 0, 0, G_OPTION_ARG_STRING, &applicant, NULL, NULL },
    { "text", 0, 0, G_OPTION_ARG_STRING, &text, NULL, NULL },
    { NULL }
  };
  GOptionEntry export_entries[] = {
    { "applicant", 0, 0, G_OPTION_ARG_STRING, &applicant, NULL, NULL },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, NULL, NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, NULL, NULL },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, NULL, NULL },
    { NULL }
  };

  if (!qa_cli_parse_action_options (verb, set ? set_entries : export_entries, &argc, &argv, &status))
    return status;
  if (applicant == NULL || (set && text == NULL))
    return qa_cli_usage_error (set ? _("site-opinion set: give --applicant ID and --text TEXT")
                                   : _("site-opinion export: give --applicant ID [--out FILE.pdf]"));

  session = qa_cli_open_session (globals, &error);
  if (session == NULL)
    return qa_cli_report_error (error);

  if (set)
    {
      if (!qa_consensus_set_site_opinion (session, applicant, text, &error))
        return qa_cli_report_error (error);
      g_print (_("Recorded the site-review opinion of %s\n"), applicant);
    }
  else if (out != NULL)
    {
      g_autoptr(QaReport) report = qa_report_new_site_opinion (session, applicant, date, &error);

      if (report == NULL || !qa_report_write_pdf (report, out, qa_cli_output_flags (force), &error))
        return qa_cli_report_error (error);
      g_print (_("Wrote the site-review opinion of %s to %s\n"), applicant, out);
    }
  else
    {
      g_autofree char *opinion = qa_consensus_dup_site_opinion (session, applicant, &error);

      if (opinion == NULL && error != NULL)
        return qa_cli_report_error (error);
      if (opinion == NULL)
        {
          g_printerr ("qareview-cli: ");
          g_printerr (_("Art. 16(4): no site-review opinion of %s has been recorded yet (site-opinion set)"),
                      applicant);
          g_printerr ("\n");
          return EXIT_REFUSED;
        }
      g_print ("%s\n", opinion);
    }
  return EXIT_DONE;
}

int
qa_cli_progress (const Globals  *globals,
                 int             argc,
                 char          **argv)
{
  g_autoptr(QaSession) session = NULL;
  g_autoptr(QaProgress) progress = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  int status = EXIT_DONE;
  GOptionEntry entries[] = { { NULL } };

  if (!qa_cli_parse_options ("progress", entries, &argc, &argv, &status))
    return status;

  session = qa_cli_open_session (globals, &error);
  if (session == NULL)
    return qa_cli_report_error (error);
  progress = qa_session_get_progress (session, &error);
  if (progress == NULL)
    return qa_cli_report_error (error);

  g_string_append_printf (out, _("Stage: %s\n"), qa_stage_get_title (progress->current));
  for (guint k = 0; k < 2; k++)
    {
      const QaStageProgress *stage = k == 0 ? &progress->material : &progress->site;

      if (!stage->panel_formed && !stage->closed)
        continue;
      g_string_append_printf (out, _("%s: sheets received %u of %u; items agreed %u of %u, %u flagged still to agree%s\n"),
                              qa_stage_get_title (stage->stage), stage->sheets_received,
                              stage->sheets_expected, stage->items_agreed, stage->items_total,
                              stage->items_to_agree, stage->closed ? _("; closed") : "");
      if (stage->items_stale > 0)
        g_string_append_printf (out, ngettext ("  %u agreed item to agree again: a newer score sheet moved its default\n",
                                               "  %u agreed items to agree again: a newer score sheet moved their defaults\n",
                                               stage->items_stale),
                                stage->items_stale);
      for (guint i = 0; i < stage->missing->len; i++)
        g_string_append_printf (out, "  %s\n", (const char *)g_ptr_array_index (stage->missing, i));
    }
  g_string_append_printf (out, _("Next: %s\n"), progress->next_step);
  qa_cli_write_stdout (out);
  return EXIT_DONE;
}
