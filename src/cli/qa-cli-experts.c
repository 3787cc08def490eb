/* SPDX-License-Identifier: GPL-3.0-or-later */

/* expert edit, expert train and expert former-add/-remove/-list: correcting an expert's record
 * and their former employers (回避), noted in the audit trail. */

#define G_LOG_DOMAIN "qareview-cli"

#include "config.h"

#include "qa-cli-private.h"

static void
print_expert (QaSession  *session,
              const char *expert_id)
{
  g_autoptr(QaExpert) expert = qa_experts_lookup (session, expert_id);
  const char *title = qa_expert_get_title (expert);

  /* Translators: an expert's reference and name, employer, title, years and training */
  g_print (_("%s %s: %s, %s, %u years of experience, %s\n"), expert_id, qa_expert_get_name (expert),
           qa_expert_get_employer (expert), title != NULL ? title : "—",
           qa_expert_get_experience_years (expert),
           qa_expert_get_trained (expert) ? _("trained") : _("not trained"));
}

int
qa_cli_expert_edit (const Globals  *globals,
                    int             argc,
                    char          **argv)
{
  g_autofree char *expert_id = NULL;
  g_autofree char *employer = NULL;
  g_autofree char *title = NULL;
  g_autofree char *years = NULL;
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GError) error = NULL;
  QaExpertChange change = { NULL, NULL, -1 };
  int status = EXIT_DONE;
  GOptionEntry entries[] = {
    { "expert", 0, 0, G_OPTION_ARG_STRING, &expert_id, NULL, NULL },
    { "employer", 0, 0, G_OPTION_ARG_STRING, &employer, NULL, NULL },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, NULL, NULL },
    { "experience", 0, 0, G_OPTION_ARG_STRING, &years, NULL, NULL },
    { NULL }
  };

  if (!qa_cli_parse_action_options ("expert edit", entries, &argc, &argv, &status))
    return status;
  if (expert_id == NULL)
    return qa_cli_usage_error (_("expert edit: --expert ID is required"));
  if (employer == NULL && title == NULL && years == NULL)
    return qa_cli_usage_error (_("expert edit: give at least one of --employer, --title and --experience"));
  if (years != NULL)
    {
      guint64 value = 0;

      if (!g_ascii_string_to_unsigned (years, 10, 0, QA_EXPERTS_MAX_EXPERIENCE_YEARS, &value, NULL))
        return qa_cli_usage_error (_("expert edit: --experience must be a whole number of years from 0 to %d"),
                                   QA_EXPERTS_MAX_EXPERIENCE_YEARS);
      change.experience_years = (int)value;
    }
  change.employer = employer;
  change.title = title;

  session = qa_cli_open_session (globals, &error);
  if (session == NULL || !qa_experts_update (session, expert_id, &change, &error))
    return qa_cli_report_error (error);

  print_expert (session, expert_id);
  return EXIT_DONE;
}

int
qa_cli_expert_train (const Globals  *globals,
                     int             argc,
                     char          **argv)
{
  g_autofree char *expert_id = NULL;
  g_autofree char *course = NULL;
  g_autofree char *date = NULL;
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_DONE;
  GOptionEntry entries[] = {
    { "expert", 0, 0, G_OPTION_ARG_STRING, &expert_id, NULL, NULL },
    { "course", 0, 0, G_OPTION_ARG_STRING, &course, NULL, NULL },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, NULL, NULL },
    { NULL }
  };

  if (!qa_cli_parse_action_options ("expert train", entries, &argc, &argv, &status))
    return status;
  if (expert_id == NULL || course == NULL)
    return qa_cli_usage_error (_("expert train: --expert ID and --course TEXT are required"));

  session = qa_cli_open_session (globals, &error);
  if (session == NULL || !qa_experts_record_training (session, expert_id, course, date, &error))
    return qa_cli_report_error (error);

  print_expert (session, expert_id);
  return EXIT_DONE;
}

/* expert former-list: employer,left_on,tie (whether it still ties the expert today). */
static int
list_former (QaSession  *session,
             const char *expert_id)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) formers = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = qa_clock_dup_today ();
  g_autoptr(QaExpert) expert = qa_experts_lookup (session, expert_id);

  if (expert == NULL)
    {
      g_set_error (&error, QA_EXPERTS_ERROR, QA_EXPERTS_ERROR_NOT_FOUND,
                   _("There is no expert “%s” in the pool"), expert_id);
      return qa_cli_report_error (error);
    }
  formers = qa_experts_list_former_employers (session, expert_id, &error);
  if (formers == NULL)
    return qa_cli_report_error (error);

  qa_csv_append_rowv (out, "employer", "left_on", "tie", NULL);
  for (guint i = 0; i < formers->len; i++)
    {
      const QaFormerEmployer *former = g_ptr_array_index (formers, i);
      gboolean tie = qa_rules_former_employer_is_tie (qa_session_get_profile (session),
                                                      former->left_on, today);

      qa_csv_append_rowv (out, former->employer, former->left_on, tie ? "yes" : "no", NULL);
    }
  qa_cli_write_stdout (out);
  return EXIT_DONE;
}

int
qa_cli_expert_former (const Globals  *globals,
                      int             argc,
                      char          **argv)
{
  g_autofree char *expert_id = NULL;
  g_autofree char *employer = NULL;
  g_autofree char *left = NULL;
  g_autofree char *verb = g_strdup_printf ("expert %s", argc > 1 ? argv[1] : "");
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GError) error = NULL;
  gboolean listing = argc > 1 && g_str_equal (argv[1], "former-list");
  gboolean adding = argc > 1 && g_str_equal (argv[1], "former-add");
  int status = EXIT_DONE;
  GOptionEntry entries[] = {
    { "expert", 0, 0, G_OPTION_ARG_STRING, &expert_id, NULL, NULL },
    { "employer", 0, 0, G_OPTION_ARG_STRING, &employer, NULL, NULL },
    { "left", 0, 0, G_OPTION_ARG_STRING, &left, NULL, NULL },
    { NULL }
  };

  if (!qa_cli_parse_action_options (verb, entries, &argc, &argv, &status))
    return status;
  if (expert_id == NULL)
    return qa_cli_usage_error (_("%s: --expert ID is required"), verb);
  if (!listing && (employer == NULL || left == NULL))
    return qa_cli_usage_error (_("%s: --employer TEXT and --left YYYY-MM-DD are required"), verb);

  session = qa_cli_open_session (globals, &error);
  if (session == NULL)
    return qa_cli_report_error (error);
  if (listing)
    return list_former (session, expert_id);

  if (adding ? !qa_experts_add_former_employer (session, expert_id, employer, left, &error)
             : !qa_experts_remove_former_employer (session, expert_id, employer, left, &error))
    return qa_cli_report_error (error);
  return list_former (session, expert_id);
}
