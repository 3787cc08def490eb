/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "qareview-cli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "qa-cli-private.h"

typedef int (*VerbFunc) (const Globals *globals,
                         int            argc,
                         char         **argv);

typedef struct
{
  const char   *name;
  const char   *args;
  const char   *summary;
  QaPermission  permission;
  VerbFunc      func;
} Verb;

int
qa_cli_usage_error (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("qareview-cli: %s\n", message);
  g_printerr (_("Try “qareview-cli --help” for the verbs and options."));
  g_printerr ("\n");
  return EXIT_USAGE;
}

/* Reports @error and turns it into the exit status: the user's input or a rule said no (1), or
 * the file could not be read or written (3). */
int
qa_cli_report_error (const GError *error)
{
  gboolean refused = FALSE;

  g_printerr ("qareview-cli: %s\n", error->message);

  if (error->domain == QA_DATABASE_ERROR)
    refused = error->code == QA_DATABASE_ERROR_SESSION_EXISTS ||
              error->code == QA_DATABASE_ERROR_NO_SESSION ||
              error->code == QA_DATABASE_ERROR_CONSTRAINT ||
              error->code == QA_DATABASE_ERROR_TOO_NEW;
  else if (error->domain == QA_PROFILE_ERROR ||
           error->domain == QA_CRITERIA_ERROR ||
           error->domain == QA_CREDIT_CODE_ERROR ||
           error->domain == QA_CSV_ERROR ||
           error->domain == QA_DOSSIER_ERROR ||
           error->domain == QA_EXPERTS_ERROR ||
           error->domain == QA_PANEL_ERROR ||
           error->domain == QA_NOTICE_ERROR ||
           error->domain == QA_SCORE_ERROR ||
           error->domain == QA_AUDIT_ERROR)
    refused = TRUE;
  else if (error->domain == QA_CONSENSUS_ERROR)
    refused = error->code != QA_CONSENSUS_ERROR_WRITE;
  else if (error->domain == QA_REPORT_ERROR)
    refused = error->code != QA_REPORT_ERROR_WRITE;
  else if (error->domain == QA_OUTCOME_ERROR)
    refused = error->code != QA_OUTCOME_ERROR_WRITE;
  else if (error->domain == QA_EXPORT_ERROR)
    refused = error->code != QA_EXPORT_ERROR_WRITE;
  else if (error->domain == QA_MATERIAL_ERROR)
    refused = error->code != QA_MATERIAL_ERROR_DAMAGED;
  else if (error->domain == QA_SHEET_ERROR)
    refused = error->code != QA_SHEET_ERROR_WRITE;
  else if (error->domain == QA_PACKAGE_ERROR)
    refused = error->code != QA_PACKAGE_ERROR_WRITE;
  else if (error->domain == QA_OUTPUT_ERROR)
    refused = error->code != QA_OUTPUT_ERROR_WRITE;
  else if (error->domain == G_IO_ERROR || error->domain == G_FILE_ERROR)
    /* A file named on the command line that is not there is the caller's mistake. */
    refused = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
              g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);

  if (g_error_matches (error, QA_OUTPUT_ERROR, QA_OUTPUT_ERROR_EXISTS))
    {
      g_printerr ("qareview-cli: ");
      g_printerr (_("to replace it, run the command again with --force"));
      g_printerr ("\n");
    }

  return refused ? EXIT_REFUSED : EXIT_IO;
}

QaOutputFlags
qa_cli_output_flags (gboolean force)
{
  return force ? QA_OUTPUT_REPLACE : QA_OUTPUT_NONE;
}

/* Parses a verb's own options; unknown ones and stray arguments are usage errors. */
gboolean
qa_cli_parse_options (const char    *verb,
                    GOptionEntry  *entries,
                    int           *argc,
                    char        ***argv,
                    int           *status)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;

  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = qa_cli_usage_error ("%s: %s", verb, error->message);
      return FALSE;
    }
  if (*argc > 1)
    {
      *status = qa_cli_usage_error (_("%s: unexpected argument “%s”"), verb, (*argv)[1]);
      return FALSE;
    }
  return TRUE;
}

static gboolean
ensure_parent_folder (const char  *path,
                      GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int saved_errno;

  if (g_mkdir_with_parents (dir, 0700) == 0)
    return TRUE;

  saved_errno = errno;
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               _("The folder “%s” cannot be created: %s"), dir, g_strerror (saved_errno));
  return FALSE;
}

static QaDatabase *
open_database (const Globals  *globals,
               GError        **error)
{
  if (!ensure_parent_folder (globals->db_path, error))
    return NULL;
  return qa_database_open (globals->db_path, error);
}

static QaProfile *
load_profile (const char  *name_or_file,
              GError     **error)
{
  g_autoptr(GFile) file = NULL;

  if (name_or_file == NULL)
    return qa_profile_new_from_id (QA_PROFILE_DEFAULT_ID, error);

  if (strchr (name_or_file, '/') == NULL && !g_str_has_suffix (name_or_file, ".xml"))
    return qa_profile_new_from_id (name_or_file, error);

  file = g_file_new_for_commandline_arg (name_or_file);
  return qa_profile_new_from_file (file, error);
}

static guint
current_year (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return (guint)g_date_time_get_year (now);
}

/* The session the dispatcher opened to learn the acting role, handed to the verb rather than
 * opened twice (each open reads the profile and criteria and sets the connection up). */
static QaSession *dispatch_session;

QaSession *
qa_cli_open_session (const Globals  *globals,
                     GError        **error)
{
  g_autoptr(QaSession) session = NULL;
  QaDatabase *db;

  if (dispatch_session != NULL)
    session = g_steal_pointer (&dispatch_session);
  else if (!g_file_test (globals->db_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, QA_DATABASE_ERROR, QA_DATABASE_ERROR_NO_SESSION,
                   _("“%s” does not exist; create the session first (qareview-cli init)"),
                   globals->db_path);
      return NULL;
    }
  else if ((session = qa_session_open (globals->db_path, error)) == NULL)
    return NULL;

  db = qa_session_get_database (session);

  if (qa_session_is_package (session))
    {
      g_autofree char *reviewer = qa_experts_dup_name (session,
                                                       qa_session_get_package_reviewer (session));

      qa_database_set_operator (db, reviewer, qa_role_to_string (QA_ROLE_REVIEWER));
    }
  else
    qa_database_set_operator (db, globals->operator_name, qa_role_to_string (globals->role));

  return g_steal_pointer (&session);
}

GBytes *
qa_cli_read_input (const char  *path,
                 GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  /* Bounded: /dev/zero or a FIFO that never ends is refused at the limit, not read forever. */
  return qa_csv_read_file (file, error);
}

gboolean
qa_cli_parse_format (const char  *verb,
              const char  *format,
              gboolean    *csv,
              int         *status)
{
  if (format == NULL || g_strcmp0 (format, "text") == 0)
    *csv = FALSE;
  else if (g_strcmp0 (format, "csv") == 0)
    *csv = TRUE;
  else
    {
      *status = qa_cli_usage_error (_("%s: --format must be csv or text"), verb);
      return FALSE;
    }
  return TRUE;
}

void
qa_cli_write_stdout (GString *out)
{
  fwrite (out->str, 1, out->len, stdout);
}

static int
verb_init (const Globals  *globals,
           int             argc,
           char          **argv)
{
  g_autofree char *profile_name = NULL;
  g_autofree char *deadline = NULL;
  g_autoptr(QaProfile) profile = NULL;
  g_autoptr(QaDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  int year = 0;
  int status = EXIT_DONE;
  GOptionEntry entries[] = {
    { "profile", 0, 0, G_OPTION_ARG_STRING, &profile_name, NULL, NULL },
    { "year", 0, 0, G_OPTION_ARG_INT, &year, NULL, NULL },
    { "deadline", 0, 0, G_OPTION_ARG_STRING, &deadline, NULL, NULL },
    { NULL }
  };

  if (!qa_cli_parse_options ("init", entries, &argc, &argv, &status))
    return status;

  if (year == 0)
    year = (int)current_year ();
  else if (year < 2000 || year > 2999)
    {
      g_printerr ("qareview-cli: %s\n", _("init: --year must be a year between 2000 and 2999"));
      return EXIT_REFUSED;
    }

  profile = load_profile (profile_name, &error);
  if (profile == NULL)
    return qa_cli_report_error (error);

  db = open_database (globals, &error);
  if (db == NULL || !qa_session_create (db, profile, (guint)year, deadline, &error))
    return qa_cli_report_error (error);

  g_print (_("Created the %d session of the %s in %s\n"),
           year, qa_profile_get_award_name (profile), globals->db_path);
  return EXIT_DONE;
}

static int
verb_demo (const Globals  *globals,
           int             argc,
           char          **argv)
{
  g_autoptr(QaDatabase) db = NULL;
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *until = NULL;
  GOptionEntry entries[] = {
    { "until", 0, 0, G_OPTION_ARG_STRING, &until, NULL, NULL },
    { NULL }
  };
  int status = EXIT_DONE;
  guint n_applicants, step;
  guint n_experts = 0;

  if (!qa_cli_parse_options ("demo", entries, &argc, &argv, &status))
    return status;
  if (until != NULL && !qa_demo_step_from_string (until, &step))
    return qa_cli_usage_error (_("demo: --until must be eligibility, material, site, shortlist, "
                                 "notice or award"));

  db = open_database (globals, &error);
  if (db == NULL)
    return qa_cli_report_error (error);
  qa_database_set_operator (db, globals->operator_name, qa_role_to_string (globals->role));

  if (!qa_database_has_session (db))
    {
      g_autoptr(QaProfile) profile = qa_profile_new_from_id (QA_PROFILE_DEFAULT_ID, &error);

      if (profile == NULL || !qa_session_create (db, profile, current_year (), NULL, &error))
        return qa_cli_report_error (error);
    }

  session = qa_session_new (db, &error);
  if (session == NULL)
    return qa_cli_report_error (error);
  /* Driving an already filled demo further leaves its applicants as they are. */
  if ((until == NULL || g_list_model_get_n_items (qa_session_get_applicants (session)) == 0) &&
      !qa_demo_populate (session, &error))
    return qa_cli_report_error (error);
  if (!qa_session_count_experts (session, &n_experts, &error))
    return qa_cli_report_error (error);
  if (until != NULL && !qa_demo_advance (session, until, &error))
    return qa_cli_report_error (error);

  n_applicants = g_list_model_get_n_items (qa_session_get_applicants (session));
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Filled %s with the demo session: %u applicant, %u experts\n",
                        "Filled %s with the demo session: %u applicants, %u experts\n",
                        n_applicants),
           globals->db_path, n_applicants, n_experts);
  if (until != NULL)
    {
      /* Where the procedure stands, as `progress` and the window's stepper say it. */
      g_autoptr(QaProgress) progress = qa_session_get_progress (session, &error);

      if (progress == NULL)
        return qa_cli_report_error (error);
      /* Translators: %s is the session's stage, e.g. 颁证发奖 */
      g_print (_("The demo session is now at: %s\n"), qa_stage_get_title (progress->current));
    }
  return EXIT_DONE;
}

static int
verb_criteria (const Globals  *globals,
               int             argc,
               char          **argv)
{
  g_autoptr(QaCriteria) criteria = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  gboolean english = FALSE;
  GListModel *items;
  int status = EXIT_DONE;
  GOptionEntry entries[] = {
    { "english", 0, 0, G_OPTION_ARG_NONE, &english, NULL, NULL },
    { NULL }
  };

  if (!qa_cli_parse_options ("criteria", entries, &argc, &argv, &status))
    return status;

  criteria = qa_criteria_new_from_id (QA_CRITERIA_DEFAULT_ID, &error);
  if (criteria == NULL)
    return qa_cli_report_error (error);

  qa_csv_append_rowv (out, "code", "name", "points", "kind", NULL);
  items = qa_criteria_get_items (criteria);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(QaItem) item = g_list_model_get_item (items, i);
      g_autofree char *points = g_strdup_printf ("%u", qa_item_get_points (item));

      qa_csv_append_rowv (out,
                          qa_item_get_code (item),
                          english ? qa_item_get_name_en (item) : qa_item_get_name_zh (item),
                          points,
                          qa_item_kind_to_string (qa_item_get_kind (item)),
                          NULL);
    }

  fwrite (out->str, 1, out->len, stdout);
  return EXIT_DONE;
}

static int
verb_import (const Globals  *globals,
             int             argc,
             char          **argv)
{
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = { { NULL } };
  int status = EXIT_DONE;
  const char *what, *path;
  guint n_imported = 0;
  gboolean ok;

  if (argc < 3)
    return qa_cli_usage_error (_("import: give what to import (applicants, experts or conflicts) and a file"));
  what = argv[1];
  path = argv[2];
  argc -= 2;
  argv += 2;
  if (!qa_cli_parse_options ("import", entries, &argc, &argv, &status))
    return status;

  if (g_strcmp0 (what, "applicants") != 0 && g_strcmp0 (what, "experts") != 0 &&
      g_strcmp0 (what, "conflicts") != 0)
    return qa_cli_usage_error (_("import: unknown kind “%s”"), what);

  session = qa_cli_open_session (globals, &error);
  if (session == NULL)
    return qa_cli_report_error (error);

  bytes = qa_cli_read_input (path, &error);
  if (bytes == NULL)
    {
      g_printerr ("qareview-cli: %s\n", error->message);
      return EXIT_REFUSED;
    }

  if (g_strcmp0 (what, "experts") == 0)
    ok = qa_experts_import_csv (session, bytes, path, &n_imported, &error);
  else if (g_strcmp0 (what, "conflicts") == 0)
    ok = qa_experts_import_conflicts_csv (session, bytes, path, &n_imported, &error);
  else
    ok = qa_applicants_import_csv (session, bytes, path, &n_imported, &error);
  if (!ok)
    return qa_cli_report_error (error);

  if (g_strcmp0 (what, "experts") == 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %u expert from %s\n",
                          "Imported %u experts from %s\n", n_imported),
             n_imported, path);
  else if (g_strcmp0 (what, "conflicts") == 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %u declared tie from %s\n",
                          "Imported %u declared ties from %s\n", n_imported),
             n_imported, path);
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %u applicant from %s\n",
                          "Imported %u applicants from %s\n", n_imported),
             n_imported, path);
  return EXIT_DONE;
}

static int
verb_eligibility_judge (const Globals  *globals,
                        int             argc,
                        char          **argv)
{
  g_autofree char *applicant = NULL;
  g_autofree char *pass = NULL;
  g_autofree char *note = NULL;
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GError) error = NULL;
  int condition = 0;
  int status = EXIT_DONE;
  gboolean passed;
  GOptionEntry entries[] = {
    { "applicant", 0, 0, G_OPTION_ARG_STRING, &applicant, NULL, NULL },
    { "condition", 0, 0, G_OPTION_ARG_INT, &condition, NULL, NULL },
    { "pass", 0, 0, G_OPTION_ARG_STRING, &pass, NULL, NULL },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, NULL, NULL },
    { NULL }
  };

  if (!qa_cli_parse_options ("eligibility judge", entries, &argc, &argv, &status))
    return status;
  if (applicant == NULL || pass == NULL || condition == 0)
    return qa_cli_usage_error (_("eligibility judge: --applicant, --condition and --pass are required"));
  if (g_strcmp0 (pass, "yes") == 0)
    passed = TRUE;
  else if (g_strcmp0 (pass, "no") == 0)
    passed = FALSE;
  else
    return qa_cli_usage_error (_("eligibility judge: --pass must be yes or no"));

  session = qa_cli_open_session (globals, &error);
  if (session == NULL ||
      !qa_applicants_judge (session, applicant, (guint)condition, passed, note, &error))
    return qa_cli_report_error (error);

  return EXIT_DONE;
}

static int
verb_eligibility (const Globals  *globals,
                  int             argc,
                  char          **argv)
{
  g_autofree char *format = NULL;
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  GListModel *applicants;
  gboolean csv = FALSE;
  int status = EXIT_DONE;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, NULL, NULL },
    { NULL }
  };

  if (argc > 1 && g_strcmp0 (argv[1], "judge") == 0)
    return verb_eligibility_judge (globals, argc - 1, argv + 1);

  if (!qa_cli_parse_options ("eligibility", entries, &argc, &argv, &status) ||
      !qa_cli_parse_format ("eligibility", format, &csv, &status))
    return status;

  session = qa_cli_open_session (globals, &error);
  if (session == NULL || !qa_applicants_store_eligibility (session, &error))
    return qa_cli_report_error (error);

  if (csv)
    qa_csv_append_rowv (out, "applicant_id", "eligible", "reasons", NULL);

  applicants = qa_session_get_applicants (session);
  for (guint i = 0; i < g_list_model_get_n_items (applicants); i++)
    {
      g_autoptr(QaApplicant) applicant = g_list_model_get_item (applicants, i);
      g_autoptr(QaEligibilityReport) report = NULL;
      g_autoptr(GPtrArray) reasons = NULL;
      g_autofree char *override = NULL;
      g_autofree char *joined = NULL;
      gboolean eligible = FALSE;

      report = qa_applicants_check_eligibility (session, qa_applicant_get_id (applicant),
                                                &eligible, &override, &error);
      if (report == NULL)
        return qa_cli_report_error (error);

      reasons = eligible ? g_ptr_array_new () : qa_eligibility_report_dup_reasons (report);
      if (override != NULL)
        /* Translators: the secretariat's written reason for overriding the Art. 13 check */
        g_ptr_array_add (reasons, g_strdup_printf (_("overridden by the secretariat: %s"), override));
      g_ptr_array_add (reasons, NULL);
      joined = g_strjoinv ("; ", (char **)reasons->pdata);

      if (csv)
        qa_csv_append_rowv (out, qa_applicant_get_id (applicant), eligible ? "yes" : "no",
                            joined, NULL);
      else
        g_string_append_printf (out, "%s  %s  %s%s%s\n", qa_applicant_get_id (applicant),
                                eligible ? _("eligible")
                                : qa_eligibility_report_is_pending (report) ? _("awaiting judgement")
                                : _("not eligible"),
                                qa_applicant_get_name (applicant),
                                *joined != '\0' ? "\n    " : "", joined);
    }

  qa_cli_write_stdout (out);
  return EXIT_DONE;
}

static int
verb_applicant (const Globals  *globals,
                int             argc,
                char          **argv)
{
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = { { NULL } };
  GListModel *applicants;
  int status = EXIT_DONE;

  if (!qa_cli_parse_action_options ("applicant list", entries, &argc, &argv, &status))
    return status;

  session = qa_cli_open_session (globals, &error);
  if (session == NULL)
    return qa_cli_report_error (error);

  qa_csv_append_rowv (out, "id", "name", "credit_code", "district", "status", "eligibility", NULL);
  applicants = qa_session_get_applicants (session);
  for (guint i = 0; i < g_list_model_get_n_items (applicants); i++)
    {
      g_autoptr(QaApplicant) applicant = g_list_model_get_item (applicants, i);

      qa_csv_append_rowv (out,
                          qa_applicant_get_id (applicant),
                          qa_applicant_get_name (applicant),
                          qa_applicant_get_credit_code (applicant),
                          qa_applicant_get_district (applicant),
                          qa_applicant_status_to_string (qa_applicant_get_status (applicant)),
                          qa_eligibility_to_string (qa_applicant_get_eligibility (applicant)),
                          NULL);
    }

  qa_cli_write_stdout (out);
  return EXIT_DONE;
}

static int
verb_material (const Globals  *globals,
               int             argc,
               char          **argv)
{
  g_autofree char *applicant = NULL;
  g_autofree char *kind_name = NULL;
  g_autoptr(QaSession) session = NULL;
  g_autoptr(QaMaterial) material = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  gboolean trade_secret = FALSE;
  gboolean state_secret_checked = FALSE;
  QaMaterialKind kind = QA_MATERIAL_EVIDENCE;
  g_auto(GStrv) files = NULL;
  int status = EXIT_DONE;
  GOptionEntry entries[] = {
    { "applicant", 0, 0, G_OPTION_ARG_STRING, &applicant, NULL, NULL },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_name, NULL, NULL },
    { "trade-secret", 0, 0, G_OPTION_ARG_NONE, &trade_secret, NULL, NULL },
    { "no-state-secret", 0, 0, G_OPTION_ARG_NONE, &state_secret_checked, NULL, NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };

  if (!qa_cli_parse_action_options ("material add", entries, &argc, &argv, &status))
    return status;
  if (applicant == NULL || files == NULL || g_strv_length (files) != 1)
    return qa_cli_usage_error (_("material add: give --applicant ID and one FILE"));
  if (kind_name != NULL && !qa_material_kind_from_string (kind_name, &kind))
    return qa_cli_usage_error (_("material add: --kind must be application_form, overview, self_assessment, evidence or other"));

  session = qa_cli_open_session (globals, &error);
  if (session == NULL)
    return qa_cli_report_error (error);

  file = g_file_new_for_commandline_arg (files[0]);
  material = qa_materials_add (session, applicant, kind, file, trade_secret, state_secret_checked,
                               NULL, &error);
  if (material == NULL)
    return qa_cli_report_error (error);

  g_print ("%" G_GINT64_FORMAT " %s %s\n", qa_material_get_id (material),
           qa_material_get_sha256 (material), qa_material_get_filename (material));
  return EXIT_DONE;
}

static int
verb_notice (const Globals  *globals,
             int             argc,
             char          **argv)
{
  g_autofree char *applicant = NULL;
  g_autofree char *out = NULL;
  g_autofree char *date = NULL;
  g_autoptr(QaSession) session = NULL;
  g_autoptr(QaNotice) notice = NULL;
  g_autoptr(GError) error = NULL;
  gboolean force = FALSE;
  int status = EXIT_DONE;
  GOptionEntry entries[] = {
    { "applicant", 0, 0, G_OPTION_ARG_STRING, &applicant, NULL, NULL },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, NULL, NULL },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, NULL, NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, NULL, NULL },
    { NULL }
  };

  if (!qa_cli_parse_action_options ("notice export", entries, &argc, &argv, &status))
    return status;
  if (applicant == NULL || out == NULL)
    return qa_cli_usage_error (_("notice export: give --applicant ID and --out FILE.pdf"));

  session = qa_cli_open_session (globals, &error);
  if (session == NULL)
    return qa_cli_report_error (error);

  notice = qa_notice_new (session, applicant, date, &error);
  if (notice == NULL)
    return qa_cli_report_error (error);
  if (!qa_notice_write_pdf (notice, out, qa_cli_output_flags (force), &error))
    return qa_cli_report_error (error);
  return EXIT_DONE;
}

/* Experts, conflicts and panels (Art. 11, 23) ------------------------------------------------ */

/* Skips the two words of a sub-verb (“panel set”), which the dispatcher has matched, and parses
 * its options. */
gboolean
qa_cli_parse_action_options (const char    *verb,
                             GOptionEntry  *entries,
                             int           *argc,
                             char        ***argv,
                             int           *status)
{
  *argc -= 1;
  *argv += 1;
  return qa_cli_parse_options (verb, entries, argc, argv, status);
}

gboolean
qa_cli_parse_stage (const char *verb,
                    const char *name,
                    QaStage    *stage,
                    int        *status)
{
  if (name != NULL && qa_stage_from_string (name, stage) &&
      (*stage == QA_STAGE_MATERIAL || *stage == QA_STAGE_SITE))
    return TRUE;

  *status = qa_cli_usage_error (_("%s: --stage must be material or site"), verb);
  return FALSE;
}

/* “E01,E02, E03” → { "E01", "E02", "E03" }; NULL (a usage error) when a reference is empty. */
static GStrv
parse_id_list (const char *verb,
               const char *option,
               const char *list,
               int        *status)
{
  g_auto(GStrv) ids = NULL;

  if (list == NULL)
    return g_new0 (char *, 1);

  ids = g_strsplit (list, ",", -1);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_strstrip (ids[i]);
      if (*ids[i] == '\0' && !(i == 0 && ids[1] == NULL))
        {
          *status = qa_cli_usage_error (_("%s: %s has an empty reference in “%s”"), verb, option, list);
          return NULL;
        }
    }
  /* “--applicants ''” names nobody. */
  if (ids[0] != NULL && *ids[0] == '\0')
    g_clear_pointer (&ids, g_strfreev);
  return ids != NULL ? g_steal_pointer (&ids) : g_new0 (char *, 1);
}

/* “E01 王建国”, or the bare reference of an expert not in the pool. */
static char *
expert_label (QaSession  *session,
              const char *id)
{
  g_autoptr(QaExpert) expert = qa_experts_lookup (session, id);

  if (expert == NULL)
    return g_strdup (id);
  return g_strdup_printf ("%s %s", id, qa_expert_get_name (expert));
}

static char *
expert_labels (QaSession          *session,
               const char * const *ids)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autofree char *label = expert_label (session, ids[i]);

      if (i > 0)
        g_string_append (text, _(", "));
      g_string_append (text, label);
    }
  if (text->len == 0)
    g_string_append (text, _("none"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char *
applicant_name (QaSession  *session,
                const char *id)
{
  GListModel *applicants = qa_session_get_applicants (session);

  for (guint i = 0; i < g_list_model_get_n_items (applicants); i++)
    {
      g_autoptr(QaApplicant) applicant = g_list_model_get_item (applicants, i);

      if (g_strcmp0 (qa_applicant_get_id (applicant), id) == 0)
        return qa_applicant_get_name (applicant);
    }
  return "";
}

static void
append_panel (GString   *out,
              QaSession *session,
              QaPanel   *panel)
{
  g_autofree char *chair = expert_label (session, qa_panel_get_chair_id (panel));
  g_autofree char *members = expert_labels (session, qa_panel_get_members (panel));
  g_autofree char *alternates = expert_labels (session, qa_panel_get_alternates (panel));
  const char * const *applicants = qa_panel_get_applicants (panel);
  GPtrArray *problems = qa_panel_get_problems (panel);

  /* Translators: a review stage (Material review) and when its panel was formed */
  g_string_append_printf (out, _("%s panel, formed %s"), qa_stage_get_title (qa_panel_get_stage (panel)),
                          qa_panel_get_formed_at (panel));
  g_string_append_printf (out, "\n%s %s\n", _("Chair:"), chair);
  g_string_append_printf (out, "%s %s\n", _("Members:"), members);
  g_string_append_printf (out, "%s %s\n", _("Alternates:"), alternates);
  g_string_append_printf (out, "%s\n", _("Scorers:"));

  for (guint i = 0; applicants[i] != NULL; i++)
    {
      const char * const *scorers = qa_panel_get_scorers (panel, applicants[i]);
      const char * const *recused = qa_panel_get_recused (panel, applicants[i]);
      g_autofree char *scorer_list = g_strjoinv (_(", "), (char **)scorers);

      g_string_append_printf (out, "  %s %s (%u): %s", applicants[i],
                              applicant_name (session, applicants[i]),
                              g_strv_length ((char **)scorers), scorer_list);
      if (recused[0] != NULL)
        {
          g_autofree char *recused_list = g_strjoinv (_(", "), (char **)recused);

          g_string_append_printf (out, "; %s %s", _("recused:"), recused_list);
        }
      g_string_append_c (out, '\n');
    }

  if (problems->len > 0)
    {
      g_string_append_printf (out, "%s\n", _("Problems (the panel no longer meets the rules):"));
      for (guint i = 0; i < problems->len; i++)
        g_string_append_printf (out, "  %s\n",
                                ((QaPanelViolation *)g_ptr_array_index (problems, i))->message);
    }
}

static int
print_panel (QaSession *session,
             QaStage    stage)
{
  g_autoptr(QaPanel) panel = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  panel = qa_panel_load (session, stage, &error);
  if (panel == NULL)
    return qa_cli_report_error (error);

  append_panel (out, session, panel);
  qa_cli_write_stdout (out);
  return EXIT_DONE;
}

static int
verb_panel_set (const Globals  *globals,
                int             argc,
                char          **argv)
{
  g_autofree char *stage_name = NULL;
  g_autofree char *chair = NULL;
  g_autofree char *member_list = NULL;
  g_autofree char *alternate_list = NULL;
  g_auto(GStrv) members = NULL;
  g_auto(GStrv) alternates = NULL;
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GError) error = NULL;
  QaStage stage = QA_STAGE_MATERIAL;
  int status = EXIT_DONE;
  GOptionEntry entries[] = {
    { "stage", 0, 0, G_OPTION_ARG_STRING, &stage_name, NULL, NULL },
    { "chair", 0, 0, G_OPTION_ARG_STRING, &chair, NULL, NULL },
    { "members", 0, 0, G_OPTION_ARG_STRING, &member_list, NULL, NULL },
    { "alternates", 0, 0, G_OPTION_ARG_STRING, &alternate_list, NULL, NULL },
    { NULL }
  };

  if (!qa_cli_parse_action_options ("panel set", entries, &argc, &argv, &status))
    return status;
  if (chair == NULL || member_list == NULL)
    return qa_cli_usage_error (_("panel set: --stage, --chair and --members are required"));
  if (!qa_cli_parse_stage ("panel set", stage_name, &stage, &status) ||
      (members = parse_id_list ("panel set", "--members", member_list, &status)) == NULL ||
      (alternates = parse_id_list ("panel set", "--alternates", alternate_list, &status)) == NULL)
    return status;

  session = qa_cli_open_session (globals, &error);
  if (session == NULL ||
      !qa_panel_form (session, stage, chair, (const char * const *)members,
                      (const char * const *)alternates, &error))
    return qa_cli_report_error (error);

  return print_panel (session, stage);
}

static int
verb_panel_show (const Globals  *globals,
                 int             argc,
                 char          **argv)
{
  g_autofree char *stage_name = NULL;
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GError) error = NULL;
  QaStage stage = QA_STAGE_MATERIAL;
  int status = EXIT_DONE;
  GOptionEntry entries[] = {
    { "stage", 0, 0, G_OPTION_ARG_STRING, &stage_name, NULL, NULL },
    { NULL }
  };

  if (!qa_cli_parse_action_options ("panel show", entries, &argc, &argv, &status) ||
      !qa_cli_parse_stage ("panel show", stage_name, &stage, &status))
    return status;

  session = qa_cli_open_session (globals, &error);
  if (session == NULL)
    return qa_cli_report_error (error);

  return print_panel (session, stage);
}

static int
verb_panel_draw (const Globals  *globals,
                 int             argc,
                 char          **argv)
{
  g_autofree char *stage_name = NULL;
  g_autofree char *seed_text = NULL;
  g_autofree char *members = NULL;
  g_autofree char *alternates = NULL;
  g_autoptr(QaSession) session = NULL;
  g_autoptr(QaPanelDraw) draw = NULL;
  g_autoptr(GError) error = NULL;
  QaStage stage = QA_STAGE_MATERIAL;
  guint64 seed = 0;
  int size = 0;
  int n_alternates = 0;
  int status = EXIT_DONE;
  GOptionEntry entries[] = {
    { "stage", 0, 0, G_OPTION_ARG_STRING, &stage_name, NULL, NULL },
    { "size", 0, 0, G_OPTION_ARG_INT, &size, NULL, NULL },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_text, NULL, NULL },
    { "alternates", 0, 0, G_OPTION_ARG_INT, &n_alternates, NULL, NULL },
    { NULL }
  };

  if (!qa_cli_parse_action_options ("panel draw", entries, &argc, &argv, &status) ||
      !qa_cli_parse_stage ("panel draw", stage_name, &stage, &status))
    return status;
  if (size <= 0 || seed_text == NULL)
    return qa_cli_usage_error (_("panel draw: --stage, --size N (at least 1) and --seed N are required"));
  if (n_alternates < 0)
    return qa_cli_usage_error (_("panel draw: --alternates must be 0 or more"));
  if (!g_ascii_string_to_unsigned (seed_text, 10, 0, G_MAXINT64, &seed, NULL))
    return qa_cli_usage_error (_("panel draw: --seed must be a whole number from 0 to %lld"),
                               (long long)G_MAXINT64);

  session = qa_cli_open_session (globals, &error);
  if (session == NULL)
    return qa_cli_report_error (error);

  draw = qa_panel_draw (session, stage, (guint)size, (guint)n_alternates, seed, &error);
  if (draw == NULL)
    return qa_cli_report_error (error);

  members = g_strjoinv (", ", draw->members);
  alternates = g_strjoinv (", ", draw->alternates);
  g_print (_("Drawn with seed %llu from %u experts who may serve: members %s; alternates %s\n"),
           (unsigned long long)draw->seed, g_strv_length (draw->pool), members,
           *alternates != '\0' ? alternates : _("none"));
  if (qa_panel_draw_get_choice_note (draw) != NULL)
    g_print ("%s\n", qa_panel_draw_get_choice_note (draw));

  /* The first drawn chairs the panel; the secretariat may name another with “panel set”. */
  if (!qa_panel_form (session, stage, draw->members[0], (const char * const *)draw->members,
                      (const char * const *)draw->alternates, &error))
    return qa_cli_report_error (error);

  return print_panel (session, stage);
}

static int
verb_expert_declare (const Globals  *globals,
                     int             argc,
                     char          **argv)
{
  g_autofree char *expert_id = NULL;
  g_autofree char *label = NULL;
  g_autoptr(QaSession) session = NULL;
  g_autoptr(QaExpert) expert = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_DONE;
  GOptionEntry entries[] = {
    { "expert", 0, 0, G_OPTION_ARG_STRING, &expert_id, NULL, NULL },
    { NULL }
  };

  if (!qa_cli_parse_action_options ("expert declare", entries, &argc, &argv, &status))
    return status;
  if (expert_id == NULL)
    return qa_cli_usage_error (_("expert declare: --expert ID is required"));

  session = qa_cli_open_session (globals, &error);
  if (session == NULL || !qa_experts_declare (session, expert_id, &error))
    return qa_cli_report_error (error);

  expert = qa_experts_lookup (session, expert_id);
  label = expert_label (session, expert_id);
  g_print (_("%s signed the impartiality and confidentiality declaration for this session (%s)\n"),
           label, qa_expert_get_declared_at (expert));
  return EXIT_DONE;
}

static int
verb_expert_status (const Globals  *globals,
                    int             argc,
                    char          **argv)
{
  g_autofree char *expert_id = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *verb = g_strdup_printf ("expert %s", argv[1]);
  g_autofree char *label = NULL;
  g_autoptr(QaSession) session = NULL;
  g_autoptr(QaExpert) expert = NULL;
  g_autoptr(GError) error = NULL;
  QaExpertStatus new_status;
  int status = EXIT_DONE;
  GOptionEntry entries[] = {
    { "expert", 0, 0, G_OPTION_ARG_STRING, &expert_id, NULL, NULL },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, NULL, NULL },
    { NULL }
  };

  if (g_strcmp0 (argv[1], "suspend") == 0)
    new_status = QA_EXPERT_STATUS_SUSPENDED;
  else if (g_strcmp0 (argv[1], "disqualify") == 0)
    new_status = QA_EXPERT_STATUS_DISQUALIFIED;
  else
    new_status = QA_EXPERT_STATUS_ACTIVE;

  if (!qa_cli_parse_action_options (verb, entries, &argc, &argv, &status))
    return status;
  if (expert_id == NULL || reason == NULL)
    return qa_cli_usage_error (_("%s: --expert ID and --reason TEXT are required"), verb);

  session = qa_cli_open_session (globals, &error);
  if (session == NULL ||
      !qa_experts_set_status (session, expert_id, new_status, reason, &error))
    return qa_cli_report_error (error);

  expert = qa_experts_lookup (session, expert_id);
  label = expert_label (session, expert_id);
  /* Translators: an expert, their new status (Suspended), and the recorded reason */
  g_print (_("%s: %s (%s)\n"), label, qa_expert_status_get_label (qa_expert_get_status (expert)),
           qa_expert_get_status_reason (expert));
  return EXIT_DONE;
}

static int
verb_expert_list (const Globals  *globals,
                  int             argc,
                  char          **argv)
{
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = { { NULL } };
  GListModel *experts;
  int status = EXIT_DONE;

  if (!qa_cli_parse_action_options ("expert list", entries, &argc, &argv, &status))
    return status;

  session = qa_cli_open_session (globals, &error);
  if (session == NULL)
    return qa_cli_report_error (error);

  qa_csv_append_rowv (out, "id", "name", "employer", "experience_years", "trained", "ethics",
                      "declared", "status", "status_reason", NULL);
  experts = qa_session_get_experts (session);
  for (guint i = 0; i < g_list_model_get_n_items (experts); i++)
    {
      g_autoptr(QaExpert) expert = g_list_model_get_item (experts, i);
      g_autofree char *years = g_strdup_printf ("%u", qa_expert_get_experience_years (expert));

      qa_csv_append_rowv (out,
                          qa_expert_get_id (expert),
                          qa_expert_get_name (expert),
                          qa_expert_get_employer (expert),
                          years,
                          qa_expert_get_trained (expert) ? "yes" : "no",
                          qa_expert_get_ethics (expert) ? "yes" : "no",
                          qa_expert_get_declared (expert) ? "yes" : "no",
                          qa_expert_status_to_string (qa_expert_get_status (expert)),
                          qa_expert_get_status_reason (expert) != NULL ? qa_expert_get_status_reason (expert) : "",
                          NULL);
    }

  qa_cli_write_stdout (out);
  return EXIT_DONE;
}

static int
verb_conflict_add (const Globals  *globals,
                   int             argc,
                   char          **argv)
{
  g_autofree char *expert_id = NULL;
  g_autofree char *applicant_id = NULL;
  g_autofree char *kind_name = NULL;
  g_autofree char *note = NULL;
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GError) error = NULL;
  QaConflictKind kind = QA_CONFLICT_OTHER;
  int status = EXIT_DONE;
  GOptionEntry entries[] = {
    { "expert", 0, 0, G_OPTION_ARG_STRING, &expert_id, NULL, NULL },
    { "applicant", 0, 0, G_OPTION_ARG_STRING, &applicant_id, NULL, NULL },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_name, NULL, NULL },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, NULL, NULL },
    { NULL }
  };

  if (!qa_cli_parse_action_options ("conflict add", entries, &argc, &argv, &status))
    return status;
  if (expert_id == NULL || applicant_id == NULL || kind_name == NULL)
    return qa_cli_usage_error (_("conflict add: --expert ID, --applicant ID and --kind KIND are required"));
  if (!qa_conflict_kind_from_string (kind_name, &kind))
    return qa_cli_usage_error (_("conflict add: --kind must be employer, former_employer, consultant, relative, competitor or other"));

  session = qa_cli_open_session (globals, &error);
  if (session == NULL ||
      !qa_experts_add_conflict (session, expert_id, applicant_id, kind, QA_CONFLICT_SECRETARIAT,
                                note, &error))
    return qa_cli_report_error (error);

  return EXIT_DONE;
}

static int
verb_conflict_list (const Globals  *globals,
                    int             argc,
                    char          **argv)
{
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) ties = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = { { NULL } };
  int status = EXIT_DONE;

  if (!qa_cli_parse_action_options ("conflict list", entries, &argc, &argv, &status))
    return status;

  session = qa_cli_open_session (globals, &error);
  if (session == NULL || (ties = qa_experts_list_ties (session, &error)) == NULL)
    return qa_cli_report_error (error);

  qa_csv_append_rowv (out, "expert_id", "applicant_id", "kind", "source", "reason", NULL);
  for (guint i = 0; i < ties->len; i++)
    {
      const QaTie *tie = g_ptr_array_index (ties, i);

      qa_csv_append_rowv (out, tie->expert_id, tie->applicant_id,
                          qa_conflict_kind_to_string (tie->kind),
                          qa_conflict_source_to_string (tie->source),
                          tie->reason != NULL ? tie->reason : "", NULL);
    }

  qa_cli_write_stdout (out);
  return EXIT_DONE;
}

static int
verb_advance (const Globals  *globals,
              int             argc,
              char          **argv)
{
  g_autofree char *list = NULL;
  g_auto(GStrv) applicants = NULL;
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_DONE;
  GOptionEntry entries[] = {
    { "applicants", 0, 0, G_OPTION_ARG_STRING, &list, NULL, NULL },
    { NULL }
  };

  if (!qa_cli_parse_options ("advance", entries, &argc, &argv, &status))
    return status;
  if (list == NULL)
    return qa_cli_usage_error (_("advance: --applicants ID,ID,... is required"));
  if ((applicants = parse_id_list ("advance", "--applicants", list, &status)) == NULL)
    return status;

  session = qa_cli_open_session (globals, &error);
  if (session == NULL ||
      !qa_panel_advance (session, (const char * const *)applicants, &error))
    return qa_cli_report_error (error);

  return EXIT_DONE;
}

static const Verb verbs[] = {
  { "init", "[--profile NAME|FILE] [--year YYYY] [--deadline YYYY-MM-DD]",
    N_("Create a session database under a rule profile"), QA_PERMISSION_CREATE, verb_init },
  { "demo", "[--until eligibility|material|site|shortlist|notice|award]",
    N_("Fill an empty session database with the realistic demo session, and drive it to a stage"), QA_PERMISSION_CREATE,
    verb_demo },
  { "criteria", "[--english]",
    N_("Print the scored GB/T 19580 items as CSV: code,name,points,kind"), QA_PERMISSION_READ,
    verb_criteria },
  { "import", "applicants|experts|conflicts FILE",
    N_("Import applicants, the expert pool or declared ties from a CSV file, all or nothing"),
    QA_PERMISSION_REGISTER, verb_import },
  { "eligibility", "[--format csv|text]",
    N_("Run the Art. 13 checks on every applicant, store and print the results"),
    QA_PERMISSION_REGISTER, verb_eligibility },
  { "eligibility judge", "--applicant ID --condition 3|4|5 --pass yes|no [--note TEXT]",
    N_("Record the secretariat's finding on a judgement condition of Art. 13"),
    QA_PERMISSION_REGISTER, NULL },
  { "applicant list", "",
    N_("List the applicants as CSV: id,name,credit_code,district,status,eligibility"),
    QA_PERMISSION_READ, verb_applicant },
  { "material add", "--applicant ID [--kind KIND] [--trade-secret] [--no-state-secret] FILE",
    N_("Store a material of an applicant inside the session"), QA_PERMISSION_REGISTER, verb_material },
  { "notice export", "--applicant ID --out FILE.pdf [--date YYYY-MM-DD] [--force]",
    N_("Write the written notice of the eligibility check as PDF (Art. 16(2))"),
    QA_PERMISSION_EXPORT, verb_notice },
  { "expert list", "",
    N_("List the expert pool as CSV: id,name,employer,experience_years,trained,ethics,declared,status,status_reason"),
    QA_PERMISSION_READ, verb_expert_list },
  { "expert declare", "--expert ID",
    N_("Record the expert's impartiality and confidentiality declaration for this session"),
    QA_PERMISSION_REGISTER, verb_expert_declare },
  { "expert edit", "--expert ID [--employer TEXT] [--title TEXT] [--experience YEARS]",
    N_("Correct an expert's employer, title or years of experience"), QA_PERMISSION_REGISTER,
    qa_cli_expert_edit },
  { "expert train", "--expert ID --course TEXT [--date YYYY-MM-DD]",
    N_("Record an expert's systematic training in performance-excellence assessment (Art. 11(4))"),
    QA_PERMISSION_REGISTER, qa_cli_expert_train },
  { "expert former-add", "--expert ID --employer TEXT --left YYYY-MM-DD",
    N_("Record an employer the expert left, and when: a tie for the profile's years (回避)"),
    QA_PERMISSION_REGISTER, qa_cli_expert_former },
  { "expert former-remove", "--expert ID --employer TEXT --left YYYY-MM-DD",
    N_("Remove a former employer recorded by mistake"), QA_PERMISSION_REGISTER, qa_cli_expert_former },
  { "expert former-list", "--expert ID",
    N_("List an expert's former employers as CSV: employer,left_on,tie"), QA_PERMISSION_READ,
    qa_cli_expert_former },
  { "expert suspend", "--expert ID --reason TEXT",
    N_("Suspend an expert from serving (Art. 23 penalties)"), QA_PERMISSION_REGISTER, verb_expert_status },
  { "expert disqualify", "--expert ID --reason TEXT",
    N_("Withdraw an expert's reviewer qualification for good (Art. 23 penalties)"),
    QA_PERMISSION_REGISTER, verb_expert_status },
  { "expert reinstate", "--expert ID --reason TEXT",
    N_("Lift an expert's suspension"), QA_PERMISSION_REGISTER, verb_expert_status },
  { "conflict add", "--expert ID --applicant ID --kind employer|former_employer|consultant|relative|competitor|other [--note TEXT]",
    N_("Record a tie between an expert and an applicant found by the secretariat"),
    QA_PERMISSION_REGISTER, verb_conflict_add },
  { "conflict list", "",
    N_("List every tie, recorded or found automatically, as CSV: expert_id,applicant_id,kind,source,reason"),
    QA_PERMISSION_READ, verb_conflict_list },
  { "panel set", "--stage material|site --chair ID --members ID,ID,... [--alternates ID,...]",
    N_("Form the stage's expert panel; refused, with every reason, unless the rules of Art. 11 hold"),
    QA_PERMISSION_FORM_PANEL, verb_panel_set },
  { "panel draw", "--stage material|site --size N --seed N [--alternates N]",
    N_("Draw the stage's panel at random with a recorded seed and form it, the first drawn as chair"),
    QA_PERMISSION_FORM_PANEL, verb_panel_draw },
  { "panel show", "--stage material|site",
    N_("Print the stage's panel: chair, members, alternates and each applicant's scorers"),
    QA_PERMISSION_READ, verb_panel_show },
  { "advance", "--applicants ID,ID,...",
    N_("Record which applicants the panel sends from material review to site review"),
    QA_PERMISSION_FORM_PANEL, verb_advance },
  { "package export", "--reviewer ID --stage material|site --out FILE [--force]",
    N_("Write a reviewer's review package for a stage"), QA_PERMISSION_EXPORT, qa_cli_package },
  { "score", "--applicant ID --item CODE --percent N [--strengths TEXT] [--improvements TEXT]",
    N_("In a review package: record the reviewer's score of one item"), QA_PERMISSION_SCORE,
    qa_cli_score },
  { "sheet export", "--out FILE [--force]",
    N_("In a review package: write the reviewer's signed score sheet"), QA_PERMISSION_SCORE,
    qa_cli_sheet },
  { "sheet import", "FILE...",
    N_("Verify and store returned score sheets, all or nothing per file"),
    QA_PERMISSION_COLLECT, qa_cli_sheet },
  { "scores", "--stage material|site [--reviewer ID] [--applicant ID] [--format csv]",
    N_("List the stored independent scores as CSV"), QA_PERMISSION_COLLECT, qa_cli_scores },
  { "consensus totals", "--stage material|site [--format csv]",
    N_("Per applicant: applicant_id,scorers,items_agreed,total,flagged_items"),
    QA_PERMISSION_RESULTS, qa_cli_consensus_totals },
  { "consensus set", "--stage material|site --applicant ID --item CODE --percent N [--rationale TEXT] [--strengths TEXT] [--improvements TEXT]",
    N_("Record the panel's consensus of one item (a departure from the default needs a rationale)"),
    QA_PERMISSION_CONSENSUS, qa_cli_consensus_set },
  { "consensus export", "--stage material|site --format pdf|csv --out FILE [--force]",
    N_("Write the consensus report of a stage, with its charts, as PDF or CSV"),
    QA_PERMISSION_RESULTS, qa_cli_consensus_export },
  { "consensus", "--stage material|site [--applicant ID] [--format csv]",
    N_("Per applicant and item: applicant_id,item,scorers,mean,median,min,max,spread,flagged,consensus_percent,points"),
    QA_PERMISSION_RESULTS, qa_cli_consensus },
  { "stage close", "--stage material|site",
    N_("Close a review stage once every panel member's sheet is in and complete"),
    QA_PERMISSION_CONSENSUS, qa_cli_stage },
  { "reviewers", "--stage material|site [--format csv]",
    N_("Per reviewer: leniency against the consensus, times dropped by the trimming, and the panel's agreement"),
    QA_PERMISSION_RESULTS, qa_cli_reviewers },
  { "feedback export", "--applicant ID --stage material|site --out FILE.pdf [--date YYYY-MM-DD] [--force]",
    N_("Write the written feedback to an applicant as PDF (Art. 16(3))"),
    QA_PERMISSION_EXPORT, qa_cli_feedback },
  { "site-opinion set", "--applicant ID --text TEXT",
    N_("Record the panel's site-review opinion of an applicant (Art. 16(4))"),
    QA_PERMISSION_CONSENSUS, qa_cli_site_opinion },
  { "site-opinion export", "--applicant ID [--out FILE.pdf] [--date YYYY-MM-DD] [--force]",
    N_("Print the site-review opinion, or write it as PDF"), QA_PERMISSION_RESULTS,
    qa_cli_site_opinion },
  { "progress", "",
    N_("Where the session stands: the stage, sheets received, items to agree, what is still needed"),
    QA_PERMISSION_READ, qa_cli_progress },
  { "shortlist tie", "--order ID,ID,... --date YYYY-MM-DD --reason TEXT",
    N_("Record the review committee's order among applicants tied where the limit falls (Art. 4)"),
    QA_PERMISSION_OUTCOME, qa_cli_shortlist },
  { "shortlist confirm", "--date YYYY-MM-DD",
    N_("Record the review committee's plenary decision on the candidate list and freeze it (Art. 16(6))"),
    QA_PERMISSION_OUTCOME, qa_cli_shortlist },
  { "shortlist report", "--out FILE.pdf [--force]",
    N_("Write the panel's comprehensive evaluation report with signature lines (Art. 16(5))"),
    QA_PERMISSION_READ, qa_cli_shortlist },
  { "shortlist", "[--format text|csv|xml|xlsx|pdf] [--out FILE] [--force]",
    N_("The ranked outcome of the comprehensive evaluation: rank,applicant_id,name,material_score,site_score,final_score,status"),
    QA_PERMISSION_READ, qa_cli_shortlist },
  { "totals export", "--stage material|site [--format csv|xlsx|pdf|xml] [--out FILE] [--force]",
    N_("Write a stage's consensus totals for the secretariat: applicant_id,scorers,items_agreed,total,flagged_items"),
    QA_PERMISSION_READ, qa_cli_totals },
  { "public-notice open", "--start YYYY-MM-DD",
    N_("Open the public notice of the confirmed list for the profile's number of days (Art. 16(6))"),
    QA_PERMISSION_OUTCOME, qa_cli_public_notice },
  { "public-notice export", "--out FILE.pdf [--force]",
    N_("Write the public notice's text: the candidates, the period, how to object"),
    QA_PERMISSION_EXPORT, qa_cli_public_notice },
  { "objection add", "--applicant ID --objector NAME --contact TEXT --received YYYY-MM-DD --grounds TEXT",
    N_("Record a real-name objection received during the public notice; prints its number"),
    QA_PERMISSION_OUTCOME, qa_cli_objection },
  { "objection decide", "--id N --outcome upheld|dismissed --reason TEXT [--date YYYY-MM-DD]",
    N_("Record the review committee's re-check of an objection"),
    QA_PERMISSION_OUTCOME, qa_cli_objection },
  { "objection list", "[--format text|csv|xlsx|pdf|xml] [--out FILE] [--force]",
    N_("List the objections: id,applicant_id,objector,received,status"),
    QA_PERMISSION_READ, qa_cli_objection },
  { "submission export", "--date YYYY-MM-DD --out FILE.pdf [--force]",
    N_("Write the letter submitting the list to the government for approval, after the notice"),
    QA_PERMISSION_OUTCOME, qa_cli_submission },
  { "award approve", "--date YYYY-MM-DD",
    N_("Record the government's approval and make the awards with their certificate numbers (Art. 16(7))"),
    QA_PERMISSION_OUTCOME, qa_cli_award },
  { "award list", "[--format text|csv|xlsx|pdf|xml] [--out FILE] [--date YYYY-MM-DD] [--force]",
    N_("List the awards: certificate_number,applicant_id,name,approved_on,valid_until,status"),
    QA_PERMISSION_READ, qa_cli_award },
  { "award verify", "NUMBER",
    N_("Check a certificate number and say whose it is (Art. 22)"), QA_PERMISSION_READ, qa_cli_award },
  { "award certificate", "--applicant ID --out FILE.pdf [--force]",
    N_("Write the printable certificate in the government's name"), QA_PERMISSION_READ, qa_cli_award },
  { "award report", "--applicant ID --year YYYY --received YYYY-MM-DD FILE.csv",
    N_("Store an awardee's yearly report: kind,name,value[,unit][,higher_better] (Art. 18)"),
    QA_PERMISSION_OUTCOME, qa_cli_award },
  { "award indicators", "--applicant ID",
    N_("List an awardee's reported indicators with the year-on-year change, worsening ones flagged"),
    QA_PERMISSION_READ, qa_cli_award },
  { "award inspect", "--applicant ID --date YYYY-MM-DD --findings TEXT [--rectify-by YYYY-MM-DD]",
    N_("Record an inspection of an awardee (Art. 19)"), QA_PERMISSION_OUTCOME, qa_cli_award },
  { "award accident", "--applicant ID --date YYYY-MM-DD --description TEXT",
    N_("Record a major quality or safety accident; within the profile's years the title may no longer be publicised (Art. 21)"),
    QA_PERMISSION_OUTCOME, qa_cli_award },
  { "award revoke", "--applicant ID --date YYYY-MM-DD --reason TEXT [--announcement FILE.pdf] [--force]",
    N_("Revoke a title for fraud, recovering certificate and prize, with the public announcement (Art. 21)"),
    QA_PERMISSION_OUTCOME, qa_cli_award },
  { "award review", "--applicant ID --date YYYY-MM-DD --outcome kept|rectification|revoked --reason TEXT [--deadline YYYY-MM-DD]",
    N_("Record the re-evaluation at the end of validity (Art. 7)"), QA_PERMISSION_OUTCOME, qa_cli_award },
  { "audit verify", "",
    N_("Check the tamper-evident audit trail; names the first entry that fails"), QA_PERMISSION_READ,
    qa_cli_audit },
  { "audit export", "--format csv|pdf --out FILE [--applicant ID] [--expert ID] [--action A] [--operator NAME] [--from DATE] [--to DATE] [--force]",
    N_("Write the audit trail, or the entries a filter picks, as CSV or PDF"), QA_PERMISSION_READ,
    qa_cli_audit },
  { "backup", "--out FILE [--force]",
    N_("Copy the session safely, even while it is open elsewhere"), QA_PERMISSION_BACKUP, qa_cli_backup },
  { "restore", "--yes [--accept-broken-audit] FILE",
    N_("Replace the session with a backup"), QA_PERMISSION_RESTORE, qa_cli_restore },
};

static void
print_help (void)
{
  g_autofree char *default_db = qa_session_default_path ();

  g_print ("%s\n  qareview-cli [--db FILE] [--role ROLE] VERB [ARGS...]\n\n", _("Usage:"));
  g_print ("%s\n", _("Verbs:"));
  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    {
      g_print ("  %s %s\n", verbs[i].name, verbs[i].args);
      g_print ("      %s\n", _(verbs[i].summary));
    }
  g_print ("\n%s\n", _("Options:"));
  g_print ("  --db FILE     %s (%s)\n", _("the session database"), default_db);
  g_print ("  --role ROLE   %s\n", _("who is acting: secretariat (default), chair or supervisor"));
  g_print ("  --operator NAME  %s\n", _("the name recorded in the audit trail (default: your user name)"));
  g_print ("  --help        %s\n", _("show this help"));
  g_print ("  --version     %s\n", _("show the version"));
  g_print ("\n%s\n", _("Exit status: 0 done, 1 refused (bad input or a rule of the award), 2 usage error, 3 I/O or database error."));
}

/* Takes the value of a global option given as “--name VALUE” or “--name=VALUE”. */
static gboolean
take_option_value (const char  *name,
                   char       **argv,
                   int          argc,
                   int         *i,
                   const char **value)
{
  gsize len = strlen (name);

  if (strncmp (argv[*i], name, len) != 0)
    return FALSE;

  if (argv[*i][len] == '=')
    {
      *value = argv[*i] + len + 1;
      return TRUE;
    }
  if (argv[*i][len] == '\0' && *i + 1 < argc)
    {
      *value = argv[++*i];
      return TRUE;
    }
  if (argv[*i][len] == '\0')
    {
      *value = NULL;
      return TRUE;
    }
  return FALSE;
}

/* In a review package the role is always its reviewer, whatever --role says. A file that cannot
 * be opened is reported as what it is (damaged, newer, no session), not as a role refusal;
 * creating and restoring deal with such files themselves. */
static gboolean
acting_role (const Globals *globals,
             const Verb    *verb,
             QaRole        *role,
             int           *status)
{
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GError) error = NULL;

  *role = globals->role;
  if (!g_file_test (globals->db_path, G_FILE_TEST_IS_REGULAR))
    return TRUE;
  session = qa_session_open (globals->db_path, &error);
  if (session == NULL)
    {
      if (verb->permission == QA_PERMISSION_CREATE || verb->permission == QA_PERMISSION_RESTORE)
        return TRUE;
      *status = qa_cli_report_error (error);
      return FALSE;
    }
  if (qa_session_is_package (session))
    *role = QA_ROLE_REVIEWER;
  /* Kept for the verb, except where it replaces or creates the file. */
  if (verb->permission != QA_PERMISSION_CREATE && verb->permission != QA_PERMISSION_RESTORE)
    dispatch_session = g_steal_pointer (&session);
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *default_db = NULL;
  const char *localedir;
  Globals globals = { NULL, NULL, QA_ROLE_SECRETARIAT };
  QaRole role;
  gboolean known_verb = FALSE;
  int status;
  int i;

  setlocale (LC_ALL, "");
  localedir = g_getenv ("QAREVIEW_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  for (i = 1; i < argc && argv[i][0] == '-'; i++)
    {
      const char *value = NULL;

      if (strcmp (argv[i], "--help") == 0 || strcmp (argv[i], "-h") == 0)
        {
          print_help ();
          return EXIT_DONE;
        }
      else if (strcmp (argv[i], "--version") == 0)
        {
          g_print ("qareview-cli %s\n", PACKAGE_VERSION);
          return EXIT_DONE;
        }
      else if (take_option_value ("--db", argv, argc, &i, &value))
        {
          if (value == NULL || *value == '\0')
            return qa_cli_usage_error (_("--db needs a file name"));
          globals.db_path = value;
        }
      else if (take_option_value ("--operator", argv, argc, &i, &value))
        {
          g_autoptr(GError) name_error = NULL;

          if (value == NULL || *value == '\0')
            return qa_cli_usage_error (_("--operator needs a name"));
          if (!qa_text_validate_name (value, &name_error))
            return qa_cli_usage_error (_("--operator: the name %s"), name_error->message);
          globals.operator_name = value;
        }
      else if (take_option_value ("--role", argv, argc, &i, &value))
        {
          if (value == NULL || !qa_role_from_string (value, &globals.role) ||
              globals.role == QA_ROLE_REVIEWER)
            return qa_cli_usage_error (_("--role must be secretariat, chair or supervisor"));
        }
      else
        return qa_cli_usage_error (_("unknown option “%s”"), argv[i]);
    }

  if (i >= argc)
    return qa_cli_usage_error (_("no verb given"));

  if (globals.db_path == NULL)
    globals.db_path = default_db = qa_session_default_path ();
  if (globals.operator_name == NULL)
    globals.operator_name = *g_get_real_name () != '\0' && g_strcmp0 (g_get_real_name (), "Unknown") != 0 &&
                            qa_text_validate_name (g_get_real_name (), NULL)
                            ? g_get_real_name () : g_get_user_name ();

  for (guint v = 0; v < G_N_ELEMENTS (verbs); v++)
    {
      const char *action = strchr (verbs[v].name, ' ');
      gsize length = action != NULL ? (gsize)(action - verbs[v].name) : strlen (verbs[v].name);

      /* Entries with a NULL function only document a sub-verb in --help. */
      if (verbs[v].func == NULL || strlen (argv[i]) != length ||
          strncmp (argv[i], verbs[v].name, length) != 0)
        continue;

      /* A two-word entry (“panel set”) is chosen by its second word too. */
      known_verb = TRUE;
      if (action != NULL && (i + 1 >= argc || strcmp (argv[i + 1], action + 1) != 0))
        continue;

      if (!acting_role (&globals, &verbs[v], &role, &status))
        return status;
      if (!qa_role_allows (role, verbs[v].permission))
        {
          g_clear_object (&dispatch_session);
          g_printerr ("qareview-cli: ");
          /* Translators: the first %s is a role, e.g. “Supervisory committee”. */
          g_printerr (_("%s may not use “%s”"), qa_role_get_label (role), verbs[v].name);
          if (verbs[v].permission == QA_PERMISSION_SCORE)
            g_printerr (_(" (it works in a reviewer’s review package)"));
          g_printerr ("\n");
          return EXIT_REFUSED;
        }

      status = verbs[v].func (&globals, argc - i, argv + i);
      g_clear_object (&dispatch_session);
      return status;
    }

  if (known_verb)
    return qa_cli_usage_error (_("%s: unknown or missing action; the actions are listed by --help"),
                        argv[i]);
  return qa_cli_usage_error (_("unknown verb “%s”"), argv[i]);
}
