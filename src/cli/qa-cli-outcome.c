/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The outcome verbs: shortlist, public notice, objections, submission, awards and what follows
 * them (docs/cli.md, “The outcome” and “The numbers”). */

#define G_LOG_DOMAIN "qareview-cli"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "qa-cli-private.h"

/* --format csv|xlsx|pdf|xml (or text, the default, on stdout). */
static gboolean
parse_export_format (const char     *verb,
                     const char     *format,
                     const char     *out,
                     gboolean       *text,
                     QaExportFormat *export_format,
                     int            *status)
{
  *text = format == NULL || g_strcmp0 (format, "text") == 0;
  if (*text)
    return TRUE;
  if (!qa_export_format_from_string (format, export_format))
    {
      *status = qa_cli_usage_error (_("%s: --format must be text, csv, xlsx, pdf or xml"), verb);
      return FALSE;
    }
  if (out == NULL && (*export_format == QA_EXPORT_XLSX || *export_format == QA_EXPORT_PDF))
    {
      *status = qa_cli_usage_error (_("%s: --format %s needs --out FILE"), verb, format);
      return FALSE;
    }
  return TRUE;
}

/* Writes @table as asked: to --out, or as CSV/XML on stdout. */
static int
write_table (QaExportTable  *table,
             QaExportFormat  format,
             const char     *out,
             gboolean        force)
{
  g_autoptr(GError) error = NULL;

  if (out != NULL)
    {
      if (!qa_export_table_write (table, format, out, qa_cli_output_flags (force), &error))
        return qa_cli_report_error (error);
      return EXIT_DONE;
    }
  if (format == QA_EXPORT_CSV)
    {
      g_autofree char *csv = qa_export_table_dup_csv (table);

      fputs (csv, stdout);
      return EXIT_DONE;
    }
  else
    {
      g_autofree char *dir = g_dir_make_tmp ("qareview-XXXXXX", &error);
      g_autofree char *path = NULL;
      g_autofree char *contents = NULL;

      if (dir == NULL)
        return qa_cli_report_error (error);
      path = g_build_filename (dir, "export.xml", NULL);
      if (!qa_export_table_write (table, format, path, QA_OUTPUT_NONE, &error) ||
          !g_file_get_contents (path, &contents, NULL, &error))
        {
          g_unlink (path);
          g_rmdir (dir);
          return qa_cli_report_error (error);
        }
      fputs (contents, stdout);
      g_unlink (path);
      g_rmdir (dir);
      return EXIT_DONE;
    }
}

static GStrv
split_ids (const char *list)
{
  g_auto(GStrv) ids = g_strsplit (list != NULL ? list : "", ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_strstrip (ids[i]);
      if (*ids[i] != '\0')
        g_strv_builder_add (builder, ids[i]);
    }
  return g_strv_builder_end (builder);
}

/* Shortlist ---------------------------------------------------------------------------------- */

static void
print_shortlist_text (QaSession               *session,
                      const QaShortlistResult *result)
{
  g_autofree char *confirmed = qa_outcome_dup_confirmed_on (session);

  if (result->vacant)
    g_print ("%s\n\n", result->vacancy_reason);
  if (confirmed != NULL)
    g_print (_("Confirmed by the review committee on %s; the list is frozen.\n\n"), confirmed);
  for (guint i = 0; i < result->rows->len; i++)
    {
      const QaShortlistRow *row = g_ptr_array_index (result->rows, i);
      g_autofree char *final = row->has_final ? qa_rules_format_final (row->final_x100000) : g_strdup ("—");

      if (row->rank > 0)
        g_print ("%3u  ", row->rank);
      else
        g_print ("     ");
      g_print ("%-8s %s  %s  %s\n       %s\n", row->applicant_id, row->name, final,
               qa_outcome_status_get_label (row->status), row->reason);
    }
}

static int
verb_shortlist_show (const Globals  *globals,
                     int             argc,
                     char          **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *out = NULL;
  gboolean force = FALSE;
  g_autoptr(QaSession) session = NULL;
  g_autoptr(QaShortlistResult) result = NULL;
  g_autoptr(QaExportTable) table = NULL;
  g_autoptr(GError) error = NULL;
  QaExportFormat export_format = QA_EXPORT_CSV;
  gboolean text;
  int status = EXIT_DONE;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, NULL, NULL },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, NULL, NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, NULL, NULL },
    { NULL }
  };

  if (!qa_cli_parse_options ("shortlist", entries, &argc, &argv, &status) ||
      !parse_export_format ("shortlist", format, out, &text, &export_format, &status))
    return status;

  session = qa_cli_open_session (globals, &error);
  if (session == NULL)
    return qa_cli_report_error (error);
  result = qa_outcome_shortlist (session, &error);
  if (result == NULL)
    return qa_cli_report_error (error);
  if (text)
    {
      print_shortlist_text (session, result);
      return EXIT_DONE;
    }
  table = qa_outcome_shortlist_table (session, result);
  return write_table (table, export_format, out, force);
}

static int
verb_shortlist_confirm (const Globals  *globals,
                        int             argc,
                        char          **argv)
{
  g_autofree char *date = NULL;
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_DONE;
  GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, NULL, NULL },
    { NULL }
  };

  if (!qa_cli_parse_action_options ("shortlist confirm", entries, &argc, &argv, &status))
    return status;
  if (date == NULL)
    return qa_cli_usage_error (_("shortlist confirm: give --date YYYY-MM-DD"));
  session = qa_cli_open_session (globals, &error);
  if (session == NULL || !qa_outcome_confirm (session, date, &error))
    return qa_cli_report_error (error);
  return EXIT_DONE;
}

static int
verb_shortlist_tie (const Globals  *globals,
                    int             argc,
                    char          **argv)
{
  g_autofree char *order = NULL;
  g_autofree char *date = NULL;
  g_autofree char *reason = NULL;
  g_auto(GStrv) ids = NULL;
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_DONE;
  GOptionEntry entries[] = {
    { "order", 0, 0, G_OPTION_ARG_STRING, &order, NULL, NULL },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, NULL, NULL },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, NULL, NULL },
    { NULL }
  };

  if (!qa_cli_parse_action_options ("shortlist tie", entries, &argc, &argv, &status))
    return status;
  if (order == NULL || date == NULL || reason == NULL)
    return qa_cli_usage_error (_("shortlist tie: give --order ID,ID,... --date YYYY-MM-DD --reason TEXT"));
  ids = split_ids (order);
  session = qa_cli_open_session (globals, &error);
  if (session == NULL ||
      !qa_outcome_decide_tie (session, (const char * const *)ids, date, reason, &error))
    return qa_cli_report_error (error);
  return EXIT_DONE;
}

static int
verb_shortlist_report (const Globals  *globals,
                       int             argc,
                       char          **argv)
{
  g_autofree char *out = NULL;
  gboolean force = FALSE;
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_DONE;
  GOptionEntry entries[] = {
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, NULL, NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, NULL, NULL },
    { NULL }
  };

  if (!qa_cli_parse_action_options ("shortlist report", entries, &argc, &argv, &status))
    return status;
  if (out == NULL)
    return qa_cli_usage_error (_("shortlist report: give --out FILE.pdf"));
  session = qa_cli_open_session (globals, &error);
  if (session == NULL || !qa_outcome_write_evaluation_pdf (session, out, qa_cli_output_flags (force), &error))
    return qa_cli_report_error (error);
  return EXIT_DONE;
}

int
qa_cli_shortlist (const Globals  *globals,
                  int             argc,
                  char          **argv)
{
  if (argc > 1 && strcmp (argv[1], "confirm") == 0)
    return verb_shortlist_confirm (globals, argc, argv);
  if (argc > 1 && strcmp (argv[1], "tie") == 0)
    return verb_shortlist_tie (globals, argc, argv);
  if (argc > 1 && strcmp (argv[1], "report") == 0)
    return verb_shortlist_report (globals, argc, argv);
  return verb_shortlist_show (globals, argc, argv);
}

int
qa_cli_totals (const Globals  *globals,
               int             argc,
               char          **argv)
{
  g_autofree char *stage_name = NULL;
  g_autofree char *format = NULL;
  g_autofree char *out = NULL;
  gboolean force = FALSE;
  g_autoptr(QaSession) session = NULL;
  g_autoptr(QaExportTable) table = NULL;
  g_autoptr(GError) error = NULL;
  QaExportFormat export_format = QA_EXPORT_CSV;
  QaStage stage;
  gboolean text;
  int status = EXIT_DONE;
  GOptionEntry entries[] = {
    { "stage", 0, 0, G_OPTION_ARG_STRING, &stage_name, NULL, NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, NULL, NULL },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, NULL, NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, NULL, NULL },
    { NULL }
  };

  if (!qa_cli_parse_action_options ("totals export", entries, &argc, &argv, &status) ||
      !qa_cli_parse_stage ("totals export", stage_name, &stage, &status) ||
      !parse_export_format ("totals export", format, out, &text, &export_format, &status))
    return status;
  if (text)
    export_format = QA_EXPORT_CSV;
  session = qa_cli_open_session (globals, &error);
  if (session == NULL)
    return qa_cli_report_error (error);
  table = qa_outcome_totals_table (session, stage, &error);
  if (table == NULL)
    return qa_cli_report_error (error);
  return write_table (table, export_format, out, force);
}

/* Public notice and objections --------------------------------------------------------------- */

int
qa_cli_public_notice (const Globals  *globals,
                      int             argc,
                      char          **argv)
{
  g_autofree char *start = NULL;
  g_autofree char *out = NULL;
  gboolean force = FALSE;
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GError) error = NULL;
  gboolean open = argc > 1 && strcmp (argv[1], "open") == 0;
  int status = EXIT_DONE;
  GOptionEntry open_entries[] = {
    { "start", 0, 0, G_OPTION_ARG_STRING, &start, NULL, NULL },
    { NULL }
  };
  GOptionEntry export_entries[] = {
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, NULL, NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, NULL, NULL },
    { NULL }
  };

  if (open)
    {
      g_autofree char *starts_on = NULL;
      g_autofree char *ends_on = NULL;

      if (!qa_cli_parse_action_options ("public-notice open", open_entries, &argc, &argv, &status))
        return status;
      if (start == NULL)
        return qa_cli_usage_error (_("public-notice open: give --start YYYY-MM-DD"));
      session = qa_cli_open_session (globals, &error);
      if (session == NULL || !qa_outcome_open_notice (session, start, &error))
        return qa_cli_report_error (error);
      qa_outcome_get_notice (session, &starts_on, &ends_on);
      g_print ("%s %s\n", starts_on, ends_on);
      return EXIT_DONE;
    }

  if (!qa_cli_parse_action_options ("public-notice export", export_entries, &argc, &argv, &status))
    return status;
  if (out == NULL)
    return qa_cli_usage_error (_("public-notice export: give --out FILE.pdf"));
  session = qa_cli_open_session (globals, &error);
  if (session == NULL || !qa_outcome_write_notice_pdf (session, out, qa_cli_output_flags (force), &error))
    return qa_cli_report_error (error);
  return EXIT_DONE;
}

static int
verb_objection_add (const Globals  *globals,
                    int             argc,
                    char          **argv)
{
  g_autofree char *applicant = NULL;
  g_autofree char *objector = NULL;
  g_autofree char *contact = NULL;
  g_autofree char *received = NULL;
  g_autofree char *grounds = NULL;
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  int status = EXIT_DONE;
  GOptionEntry entries[] = {
    { "applicant", 0, 0, G_OPTION_ARG_STRING, &applicant, NULL, NULL },
    { "objector", 0, 0, G_OPTION_ARG_STRING, &objector, NULL, NULL },
    { "contact", 0, 0, G_OPTION_ARG_STRING, &contact, NULL, NULL },
    { "received", 0, 0, G_OPTION_ARG_STRING, &received, NULL, NULL },
    { "grounds", 0, 0, G_OPTION_ARG_STRING, &grounds, NULL, NULL },
    { NULL }
  };

  if (!qa_cli_parse_action_options ("objection add", entries, &argc, &argv, &status))
    return status;
  if (applicant == NULL)
    return qa_cli_usage_error (_("objection add: give --applicant ID --objector NAME --contact TEXT "
                                 "--received YYYY-MM-DD --grounds TEXT"));
  session = qa_cli_open_session (globals, &error);
  if (session == NULL)
    return qa_cli_report_error (error);
  id = qa_outcome_add_objection (session, applicant, objector, contact, received, grounds, &error);
  if (id == 0)
    return qa_cli_report_error (error);
  g_print ("%" G_GINT64_FORMAT "\n", id);
  return EXIT_DONE;
}

static int
verb_objection_decide (const Globals  *globals,
                       int             argc,
                       char          **argv)
{
  g_autofree char *outcome = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *date = NULL;
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = 0;
  int status = EXIT_DONE;
  GOptionEntry entries[] = {
    { "id", 0, 0, G_OPTION_ARG_INT64, &id, NULL, NULL },
    { "outcome", 0, 0, G_OPTION_ARG_STRING, &outcome, NULL, NULL },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, NULL, NULL },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, NULL, NULL },
    { NULL }
  };

  if (!qa_cli_parse_action_options ("objection decide", entries, &argc, &argv, &status))
    return status;
  if (id <= 0 || (g_strcmp0 (outcome, "upheld") != 0 && g_strcmp0 (outcome, "dismissed") != 0))
    return qa_cli_usage_error (_("objection decide: give --id N --outcome upheld|dismissed --reason TEXT"));
  session = qa_cli_open_session (globals, &error);
  if (session == NULL ||
      !qa_outcome_decide_objection (session, id, g_strcmp0 (outcome, "upheld") == 0, reason, date,
                                    &error))
    return qa_cli_report_error (error);
  return EXIT_DONE;
}

static int
verb_objection_list (const Globals  *globals,
                     int             argc,
                     char          **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *out = NULL;
  gboolean force = FALSE;
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GPtrArray) objections = NULL;
  g_autoptr(QaExportTable) table = NULL;
  g_autoptr(GError) error = NULL;
  QaExportFormat export_format = QA_EXPORT_CSV;
  gboolean text;
  int status = EXIT_DONE;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, NULL, NULL },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, NULL, NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, NULL, NULL },
    { NULL }
  };

  if (!qa_cli_parse_action_options ("objection list", entries, &argc, &argv, &status) ||
      !parse_export_format ("objection list", format, out, &text, &export_format, &status))
    return status;
  session = qa_cli_open_session (globals, &error);
  if (session == NULL)
    return qa_cli_report_error (error);
  objections = qa_outcome_list_objections (session, &error);
  if (objections == NULL)
    return qa_cli_report_error (error);
  if (text)
    {
      for (guint i = 0; i < objections->len; i++)
        {
          const QaObjection *o = g_ptr_array_index (objections, i);

          g_print ("%" G_GINT64_FORMAT "  %s  %s  %s  %s\n", o->id, o->applicant_id, o->objector,
                   o->received_on, qa_objection_status_to_string (o->status));
        }
      return EXIT_DONE;
    }
  table = qa_outcome_objections_table (session, objections);
  return write_table (table, export_format, out, force);
}

int
qa_cli_objection (const Globals  *globals,
                  int             argc,
                  char          **argv)
{
  if (argc > 1 && strcmp (argv[1], "add") == 0)
    return verb_objection_add (globals, argc, argv);
  if (argc > 1 && strcmp (argv[1], "decide") == 0)
    return verb_objection_decide (globals, argc, argv);
  return verb_objection_list (globals, argc, argv);
}

int
qa_cli_submission (const Globals  *globals,
                   int             argc,
                   char          **argv)
{
  g_autofree char *date = NULL;
  g_autofree char *out = NULL;
  gboolean force = FALSE;
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_DONE;
  GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, NULL, NULL },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, NULL, NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, NULL, NULL },
    { NULL }
  };

  if (!qa_cli_parse_action_options ("submission export", entries, &argc, &argv, &status))
    return status;
  if (date == NULL || out == NULL)
    return qa_cli_usage_error (_("submission export: give --date YYYY-MM-DD --out FILE.pdf"));
  session = qa_cli_open_session (globals, &error);
  if (session == NULL || !qa_outcome_write_submission_pdf (session, date, out, qa_cli_output_flags (force), &error))
    return qa_cli_report_error (error);
  return EXIT_DONE;
}

/* Awards ------------------------------------------------------------------------------------- */

static int
verb_award_approve (const Globals  *globals,
                    int             argc,
                    char          **argv)
{
  g_autofree char *date = NULL;
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GPtrArray) made = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_DONE;
  GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, NULL, NULL },
    { NULL }
  };

  if (!qa_cli_parse_action_options ("award approve", entries, &argc, &argv, &status))
    return status;
  if (date == NULL)
    return qa_cli_usage_error (_("award approve: give --date YYYY-MM-DD"));
  session = qa_cli_open_session (globals, &error);
  if (session == NULL)
    return qa_cli_report_error (error);
  made = qa_award_approve (session, date, &error);
  if (made == NULL)
    return qa_cli_report_error (error);
  for (guint i = 0; i < made->len; i++)
    {
      const QaAward *award = g_ptr_array_index (made, i);

      g_print ("%s %s %s\n", award->certificate_number, award->applicant_id, award->valid_until);
    }
  if (made->len == 0)
    g_print ("%s\n", _("No award: the award is left vacant this session (Art. 4)."));
  return EXIT_DONE;
}

static int
verb_award_list (const Globals  *globals,
                 int             argc,
                 char          **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *out = NULL;
  gboolean force = FALSE;
  g_autofree char *date = NULL;
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GPtrArray) awards = NULL;
  g_autoptr(QaExportTable) table = NULL;
  g_autoptr(GError) error = NULL;
  QaExportFormat export_format = QA_EXPORT_CSV;
  gboolean text;
  int status = EXIT_DONE;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, NULL, NULL },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, NULL, NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, NULL, NULL },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, NULL, NULL },
    { NULL }
  };

  if (!qa_cli_parse_action_options ("award list", entries, &argc, &argv, &status) ||
      !parse_export_format ("award list", format, out, &text, &export_format, &status))
    return status;
  session = qa_cli_open_session (globals, &error);
  if (session == NULL)
    return qa_cli_report_error (error);
  awards = qa_award_list (session, date, &error);
  if (awards == NULL)
    return qa_cli_report_error (error);
  if (text)
    {
      for (guint i = 0; i < awards->len; i++)
        {
          const QaAward *w = g_ptr_array_index (awards, i);

          g_print ("%s  %s  %s  %s–%s  %s\n", w->certificate_number, w->applicant_id, w->name,
                   w->approved_on, w->valid_until, qa_award_status_get_label (w->status));
        }
      return EXIT_DONE;
    }
  table = qa_award_table (session, awards);
  return write_table (table, export_format, out, force);
}

static int
verb_award_verify (const Globals  *globals,
                   int             argc,
                   char          **argv)
{
  g_autoptr(QaSession) session = NULL;
  g_autoptr(QaAward) award = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 3 || argv[2][0] == '-')
    return qa_cli_usage_error (_("award verify: give the certificate NUMBER"));
  session = qa_cli_open_session (globals, &error);
  if (session == NULL)
    return qa_cli_report_error (error);
  award = qa_award_verify (session, argv[2], NULL, &error);
  if (award == NULL)
    return qa_cli_report_error (error);
  /* Translators: the answer of award verify: number, organisation, dates, status */
  g_print (_("%s: %s (%s), approved on %s, valid until %s: %s\n"), award->certificate_number,
           award->name, award->applicant_id, award->approved_on, award->valid_until,
           qa_award_status_to_string (award->status));
  return EXIT_DONE;
}

static int
verb_award_certificate (const Globals  *globals,
                        int             argc,
                        char          **argv)
{
  g_autofree char *applicant = NULL;
  g_autofree char *out = NULL;
  gboolean force = FALSE;
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_DONE;
  GOptionEntry entries[] = {
    { "applicant", 0, 0, G_OPTION_ARG_STRING, &applicant, NULL, NULL },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, NULL, NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, NULL, NULL },
    { NULL }
  };

  if (!qa_cli_parse_action_options ("award certificate", entries, &argc, &argv, &status))
    return status;
  if (applicant == NULL || out == NULL)
    return qa_cli_usage_error (_("award certificate: give --applicant ID --out FILE.pdf"));
  session = qa_cli_open_session (globals, &error);
  if (session == NULL || !qa_award_write_certificate_pdf (session, applicant, out, qa_cli_output_flags (force), &error))
    return qa_cli_report_error (error);
  return EXIT_DONE;
}

static int
verb_award_report (const Globals  *globals,
                   int             argc,
                   char          **argv)
{
  g_autofree char *applicant = NULL;
  g_autofree char *received = NULL;
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  int year = 0;
  int status = EXIT_DONE;
  GOptionEntry entries[] = {
    { "applicant", 0, 0, G_OPTION_ARG_STRING, &applicant, NULL, NULL },
    { "year", 0, 0, G_OPTION_ARG_INT, &year, NULL, NULL },
    { "received", 0, 0, G_OPTION_ARG_STRING, &received, NULL, NULL },
    { NULL }
  };

  /* The file is the one positional argument. */
  argc -= 1;
  argv += 1;
  {
    g_autoptr(GOptionContext) context = g_option_context_new (NULL);

    g_option_context_set_help_enabled (context, FALSE);
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
    if (!g_option_context_parse (context, &argc, &argv, &error))
      return qa_cli_usage_error ("award report: %s", error->message);
  }
  if (applicant == NULL || year <= 0 || received == NULL || argc != 2)
    return qa_cli_usage_error (_("award report: give --applicant ID --year YYYY --received YYYY-MM-DD FILE.csv"));
  session = qa_cli_open_session (globals, &error);
  if (session == NULL)
    return qa_cli_report_error (error);
  bytes = qa_cli_read_input (argv[1], &error);
  if (bytes == NULL ||
      !qa_award_add_report (session, applicant, (guint)year, received, bytes, argv[1], &error))
    return qa_cli_report_error (error);
  (void)status;
  return EXIT_DONE;
}

static int
verb_award_indicators (const Globals  *globals,
                       int             argc,
                       char          **argv)
{
  g_autofree char *applicant = NULL;
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  int status = EXIT_DONE;
  GOptionEntry entries[] = {
    { "applicant", 0, 0, G_OPTION_ARG_STRING, &applicant, NULL, NULL },
    { NULL }
  };

  if (!qa_cli_parse_action_options ("award indicators", entries, &argc, &argv, &status))
    return status;
  if (applicant == NULL)
    return qa_cli_usage_error (_("award indicators: give --applicant ID"));
  session = qa_cli_open_session (globals, &error);
  if (session == NULL)
    return qa_cli_report_error (error);
  changes = qa_award_list_indicators (session, applicant, &error);
  if (changes == NULL)
    return qa_cli_report_error (error);
  qa_csv_append_rowv (out, "year", "kind", "name", "value", "unit", "previous", "change_percent",
                      "worse", NULL);
  for (guint i = 0; i < changes->len; i++)
    {
      const QaIndicatorChange *c = g_ptr_array_index (changes, i);
      g_autofree char *year = g_strdup_printf ("%u", c->year);
      char value[G_ASCII_DTOSTR_BUF_SIZE], previous[G_ASCII_DTOSTR_BUF_SIZE];
      g_autofree char *change = c->has_previous && c->previous != 0.0
                                ? g_strdup_printf ("%.1f", c->change_percent) : g_strdup ("");

      g_ascii_dtostr (value, sizeof value, c->value);
      if (c->has_previous)
        g_ascii_dtostr (previous, sizeof previous, c->previous);
      else
        previous[0] = '\0';
      qa_csv_append_rowv (out, year, c->kind, c->name, value, c->unit != NULL ? c->unit : "",
                          previous, change, c->worse ? "yes" : "no", NULL);
    }
  qa_cli_write_stdout (out);
  return EXIT_DONE;
}

static int
verb_award_event (const Globals  *globals,
                  int             argc,
                  char          **argv)
{
  g_autofree char *verb = g_strdup_printf ("award %s", argv[1]);
  g_autofree char *applicant = NULL;
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;
  g_autofree char *extra = NULL;
  g_autofree char *outcome = NULL;
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GError) error = NULL;
  gboolean force = FALSE;
  gboolean ok = FALSE;
  int status = EXIT_DONE;
  const char *action = argv[1];
  const char *text_option = strcmp (action, "inspect") == 0 ? "findings"
                            : strcmp (action, "accident") == 0 ? "description" : "reason";
  const char *extra_option = strcmp (action, "inspect") == 0 ? "rectify-by"
                             : strcmp (action, "revoke") == 0 ? "announcement" : "deadline";
  GOptionEntry entries[] = {
    { "applicant", 0, 0, G_OPTION_ARG_STRING, &applicant, NULL, NULL },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, NULL, NULL },
    { text_option, 0, 0, G_OPTION_ARG_STRING, &text, NULL, NULL },
    { extra_option, 0, 0, G_OPTION_ARG_FILENAME, &extra, NULL, NULL },
    { "outcome", 0, 0, G_OPTION_ARG_STRING, &outcome, NULL, NULL },
    /* Only revoke writes a file (--announcement); for the others the table ends here. */
    { strcmp (action, "revoke") == 0 ? "force" : NULL, 0, 0, G_OPTION_ARG_NONE, &force, NULL, NULL },
    { NULL }
  };

  if (!qa_cli_parse_action_options (verb, entries, &argc, &argv, &status))
    return status;
  if (applicant == NULL || date == NULL)
    return qa_cli_usage_error (_("%s: --applicant ID and --date YYYY-MM-DD are required"), verb);
  session = qa_cli_open_session (globals, &error);
  if (session == NULL)
    return qa_cli_report_error (error);

  if (strcmp (action, "inspect") == 0)
    ok = qa_award_inspect (session, applicant, date, text, extra, &error);
  else if (strcmp (action, "accident") == 0)
    {
      gboolean barred = FALSE;

      ok = qa_award_record_accident (session, applicant, date, text, &barred, &error);
      if (ok)
        g_print ("%s\n", barred ? _("The title may no longer be used in publicity (Art. 21): publicity_barred")
                                : _("Recorded; outside the years of Art. 21 after the award, the status is unchanged"));
    }
  else if (strcmp (action, "revoke") == 0)
    ok = qa_award_revoke (session, applicant, date, text, extra, qa_cli_output_flags (force), &error);
  else
    {
      QaReviewOutcome review;

      if (!qa_review_outcome_from_string (outcome, &review))
        return qa_cli_usage_error (_("award review: --outcome must be kept, rectification or revoked"));
      ok = qa_award_review (session, applicant, date, review, extra, text, &error);
    }
  return ok ? EXIT_DONE : qa_cli_report_error (error);
}

int
qa_cli_award (const Globals  *globals,
              int             argc,
              char          **argv)
{
  const char *action = argc > 1 ? argv[1] : "";

  if (strcmp (action, "approve") == 0)
    return verb_award_approve (globals, argc, argv);
  if (strcmp (action, "list") == 0)
    return verb_award_list (globals, argc, argv);
  if (strcmp (action, "verify") == 0)
    return verb_award_verify (globals, argc, argv);
  if (strcmp (action, "certificate") == 0)
    return verb_award_certificate (globals, argc, argv);
  if (strcmp (action, "report") == 0)
    return verb_award_report (globals, argc, argv);
  if (strcmp (action, "indicators") == 0)
    return verb_award_indicators (globals, argc, argv);
  return verb_award_event (globals, argc, argv);
}
