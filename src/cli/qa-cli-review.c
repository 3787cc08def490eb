/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "qareview-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "qa-cli-private.h"

/* The offline exchange: packages out, scores in a package, sheets back, stored scores listed. */

int
qa_cli_package (const Globals  *globals,
                int             argc,
                char          **argv)
{
  g_autofree char *reviewer = NULL;
  g_autofree char *stage_name = NULL;
  g_autofree char *out = NULL;
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GError) error = NULL;
  QaStage stage = QA_STAGE_MATERIAL;
  gboolean force = FALSE;
  int status = EXIT_DONE;
  GOptionEntry entries[] = {
    { "reviewer", 0, 0, G_OPTION_ARG_STRING, &reviewer, NULL, NULL },
    { "stage", 0, 0, G_OPTION_ARG_STRING, &stage_name, NULL, NULL },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, NULL, NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, NULL, NULL },
    { NULL }
  };

  if (!qa_cli_parse_action_options ("package export", entries, &argc, &argv, &status) ||
      !qa_cli_parse_stage ("package export", stage_name, &stage, &status))
    return status;
  if (reviewer == NULL || out == NULL)
    return qa_cli_usage_error (_("package export: give --reviewer ID, --stage STAGE and --out FILE"));

  session = qa_cli_open_session (globals, &error);
  if (session == NULL || !qa_package_export (session, reviewer, stage, out,
                                                  qa_cli_output_flags (force), &error))
    return qa_cli_report_error (error);

  g_print (_("Wrote the review package of %s for the %s to %s\n"), reviewer,
           qa_stage_get_title (stage), out);
  return EXIT_DONE;
}

int
qa_cli_score (const Globals  *globals,
              int             argc,
              char          **argv)
{
  g_autofree char *applicant = NULL;
  g_autofree char *item = NULL;
  g_autofree char *strengths = NULL;
  g_autofree char *improvements = NULL;
  g_autoptr(QaSession) session = NULL;
  g_autoptr(QaScoreSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  int percent = -2;
  int status = EXIT_DONE;
  GOptionEntry entries[] = {
    { "applicant", 0, 0, G_OPTION_ARG_STRING, &applicant, NULL, NULL },
    { "item", 0, 0, G_OPTION_ARG_STRING, &item, NULL, NULL },
    { "percent", 0, 0, G_OPTION_ARG_INT, &percent, NULL, NULL },
    { "strengths", 0, 0, G_OPTION_ARG_STRING, &strengths, NULL, NULL },
    { "improvements", 0, 0, G_OPTION_ARG_STRING, &improvements, NULL, NULL },
    { NULL }
  };

  if (!qa_cli_parse_options ("score", entries, &argc, &argv, &status))
    return status;
  if (applicant == NULL || item == NULL || percent == -2)
    return qa_cli_usage_error (_("score: give --applicant ID, --item CODE and --percent N"));

  session = qa_cli_open_session (globals, &error);
  if (session == NULL)
    return qa_cli_report_error (error);

  sheet = qa_score_sheet_new (session, qa_session_get_package_reviewer (session), applicant,
                              qa_session_get_package_stage (session), &error);
  if (sheet == NULL ||
      !qa_score_sheet_set (sheet, item, percent, strengths, improvements, &error))
    return qa_cli_report_error (error);

  /* Translators: the running total of the reviewer's sheet for one applicant. */
  {
    QaCriteria *criteria = qa_session_get_criteria (session);

    /* Translators: applicant, item, percent, applicant, total, the criteria's points, items scored, items */
    g_print (_("%s %s: %d%%; %s total %.1f of %u, %u of %u items scored\n"), applicant, item, percent,
             applicant, qa_score_sheet_get_total (sheet), qa_criteria_get_total_points (criteria),
             qa_score_sheet_get_n_scored (sheet), g_list_model_get_n_items (qa_criteria_get_items (criteria)));
  }
  return EXIT_DONE;
}

static int
sheet_export (const Globals  *globals,
              int             argc,
              char          **argv)
{
  g_autofree char *out = NULL;
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GError) error = NULL;
  gboolean force = FALSE;
  int status = EXIT_DONE;
  GOptionEntry entries[] = {
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, NULL, NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, NULL, NULL },
    { NULL }
  };

  if (!qa_cli_parse_options ("sheet export", entries, &argc, &argv, &status))
    return status;
  if (out == NULL)
    return qa_cli_usage_error (_("sheet export: give --out FILE"));

  session = qa_cli_open_session (globals, &error);
  if (session == NULL || !qa_sheet_export (session, out, qa_cli_output_flags (force), &error))
    return qa_cli_report_error (error);
  return EXIT_DONE;
}

/* Each file on its own: verified and stored whole, or refused whole with the reason. */
static int
sheet_import (const Globals  *globals,
              int             argc,
              char          **argv)
{
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GError) error = NULL;
  guint refused = 0;

  if (argc < 2)
    return qa_cli_usage_error (_("sheet import: give one or more score sheet files"));
  for (int i = 1; i < argc; i++)
    if (argv[i][0] == '-')
      return qa_cli_usage_error (_("sheet import: unknown option “%s”"), argv[i]);

  session = qa_cli_open_session (globals, &error);
  if (session == NULL)
    return qa_cli_report_error (error);

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) file_error = NULL;
      g_autofree char *reviewer = NULL;
      QaSheetOutcome outcome = QA_SHEET_UNCHANGED;

      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);

      bytes = qa_sheet_read_file (session, file, &file_error);
      if (bytes == NULL ||
          !qa_sheet_import (session, bytes, argv[i], &outcome, &reviewer, &file_error))
        {
          g_printerr ("qareview-cli: %s\n", file_error->message);
          refused++;
          continue;
        }
      if (outcome == QA_SHEET_STORED)
        g_print (_("%s: stored the sheet of %s\n"), argv[i], reviewer);
      else
        g_print (_("%s: already stored; nothing changed\n"), argv[i]);
    }

  return refused > 0 ? EXIT_REFUSED : EXIT_DONE;
}

int
qa_cli_sheet (const Globals  *globals,
              int             argc,
              char          **argv)
{
  if (argc >= 2 && g_strcmp0 (argv[1], "export") == 0)
    return sheet_export (globals, argc - 1, argv + 1);
  if (argc >= 2 && g_strcmp0 (argv[1], "import") == 0)
    return sheet_import (globals, argc - 1, argv + 1);
  return qa_cli_usage_error (_("sheet: the actions are “export” and “import”"));
}

int
qa_cli_scores (const Globals  *globals,
               int             argc,
               char          **argv)
{
  g_autofree char *stage_name = NULL;
  g_autofree char *reviewer = NULL;
  g_autofree char *applicant = NULL;
  g_autofree char *format = NULL;
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) scores = NULL;
  g_autoptr(GError) error = NULL;
  QaStage stage = QA_STAGE_MATERIAL;
  gboolean csv = FALSE;
  int status = EXIT_DONE;
  GOptionEntry entries[] = {
    { "stage", 0, 0, G_OPTION_ARG_STRING, &stage_name, NULL, NULL },
    { "reviewer", 0, 0, G_OPTION_ARG_STRING, &reviewer, NULL, NULL },
    { "applicant", 0, 0, G_OPTION_ARG_STRING, &applicant, NULL, NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, NULL, NULL },
    { NULL }
  };

  if (!qa_cli_parse_options ("scores", entries, &argc, &argv, &status) ||
      !qa_cli_parse_stage ("scores", stage_name, &stage, &status) ||
      !qa_cli_parse_format ("scores", format, &csv, &status))
    return status;

  session = qa_cli_open_session (globals, &error);
  if (session == NULL)
    return qa_cli_report_error (error);
  scores = qa_scores_list (session, stage, reviewer, applicant, &error);
  if (scores == NULL)
    return qa_cli_report_error (error);

  qa_csv_append_rowv (out, "reviewer_id", "applicant_id", "item", "percent", "strengths",
                      "improvements", NULL);
  for (guint i = 0; i < scores->len; i++)
    {
      const QaScoreRecord *record = g_ptr_array_index (scores, i);
      g_autofree char *percent = g_strdup_printf ("%d", record->percent);

      qa_csv_append_rowv (out, record->reviewer_id, record->applicant_id, record->item, percent,
                          record->strengths != NULL ? record->strengths : "",
                          record->improvements != NULL ? record->improvements : "", NULL);
    }

  qa_cli_write_stdout (out);
  return EXIT_DONE;
}
