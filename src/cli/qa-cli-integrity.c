/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "qareview-cli"

#include "config.h"

#include <stdio.h>

#include "qa-cli-private.h"

/* What keeps a session trustworthy and safe: the audit trail, backups and restore. */

/* audit export: the trail, or the part a filter picks, for the supervisory committee. */
static int
audit_export (const Globals  *globals,
              int             argc,
              char          **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *out = NULL;
  g_autofree char *applicant = NULL;
  g_autofree char *expert = NULL;
  g_autofree char *action = NULL;
  g_autofree char *operator_name = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) picked = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  QaAuditFilter filter;
  gboolean force = FALSE;
  gboolean ok;
  int status = EXIT_DONE;
  GOptionEntry entries_options[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, NULL, NULL },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, NULL, NULL },
    { "applicant", 0, 0, G_OPTION_ARG_STRING, &applicant, NULL, NULL },
    { "expert", 0, 0, G_OPTION_ARG_STRING, &expert, NULL, NULL },
    { "action", 0, 0, G_OPTION_ARG_STRING, &action, NULL, NULL },
    { "operator", 0, 0, G_OPTION_ARG_STRING, &operator_name, NULL, NULL },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, NULL, NULL },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, NULL, NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, NULL, NULL },
    { NULL }
  };

  if (!qa_cli_parse_options ("audit export", entries_options, &argc, &argv, &status))
    return status;
  if (out == NULL || (g_strcmp0 (format, "csv") != 0 && g_strcmp0 (format, "pdf") != 0))
    return qa_cli_usage_error (_("audit export: give --format csv|pdf and --out FILE"));

  session = qa_cli_open_session (globals, &error);
  if (session == NULL)
    return qa_cli_report_error (error);
  entries = qa_audit_list (qa_session_get_database (session), &error);
  if (entries == NULL)
    return qa_cli_report_error (error);

  filter = (QaAuditFilter) { applicant, expert, action, operator_name, from, to };
  for (guint i = 0; i < entries->len; i++)
    if (qa_audit_entry_matches (g_ptr_array_index (entries, i), &filter))
      g_ptr_array_add (picked, g_ptr_array_index (entries, i));

  if (g_strcmp0 (format, "csv") == 0)
    ok = qa_audit_write_csv (picked, out, qa_cli_output_flags (force), &error);
  else
    {
      g_autofree char *session_title = qa_session_dup_title (session);

      /* Translators: the title of the audit report, e.g. “2026届 甘州区人民政府质量奖 · 审计日志” */
      title = g_strdup_printf (_("%s · Audit trail"), session_title);
      ok = qa_audit_write_pdf (picked, title, out, qa_cli_output_flags (force), &error);
    }
  if (!ok)
    return qa_cli_report_error (error);

  g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %u audit entry to %s\n",
                        "Wrote %u audit entries to %s\n", picked->len),
           picked->len, out);
  return EXIT_DONE;
}

int
qa_cli_audit (const Globals  *globals,
              int             argc,
              char          **argv)
{
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *head = NULL;
  GOptionEntry entries[] = { { NULL } };
  guint64 n_entries = 0;
  int status = EXIT_DONE;

  if (argc >= 2 && g_strcmp0 (argv[1], "export") == 0)
    return audit_export (globals, argc - 1, argv + 1);
  if (argc < 2 || g_strcmp0 (argv[1], "verify") != 0)
    return qa_cli_usage_error (_("audit: the actions are “verify” and “export”"));
  argc--;
  argv++;
  if (!qa_cli_parse_options ("audit verify", entries, &argc, &argv, &status))
    return status;

  session = qa_cli_open_session (globals, &error);
  if (session == NULL)
    return qa_cli_report_error (error);

  if (!qa_audit_verify (qa_session_get_database (session), &n_entries, &head, &error))
    {
      g_printerr ("qareview-cli: %s\n", error->message);
      return EXIT_REFUSED;
    }

  /* Translators: the head is the last entry's SHA-256, to note down and compare later. */
  g_print (_("The audit trail verifies: %llu entries; head %s\n"), (unsigned long long)n_entries, head);
  return EXIT_DONE;
}

int
qa_cli_backup (const Globals  *globals,
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

  if (!qa_cli_parse_options ("backup", entries, &argc, &argv, &status))
    return status;
  if (out == NULL)
    return qa_cli_usage_error (_("backup: give --out FILE"));

  session = qa_cli_open_session (globals, &error);
  if (session == NULL)
    return qa_cli_report_error (error);
  if (!qa_database_backup (qa_session_get_database (session), out, qa_cli_output_flags (force),
                           &error))
    return qa_cli_report_error (error);

  g_print (_("Backed up %s to %s\n"), globals->db_path, out);
  return EXIT_DONE;
}

int
qa_cli_restore (const Globals  *globals,
                int             argc,
                char          **argv)
{
  g_auto(GStrv) files = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  gboolean yes = FALSE;
  gboolean accept_broken = FALSE;
  int status = EXIT_DONE;
  GOptionEntry entries[] = {
    { "yes", 0, 0, G_OPTION_ARG_NONE, &yes, NULL, NULL },
    { "accept-broken-audit", 0, 0, G_OPTION_ARG_NONE, &accept_broken, NULL, NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };

  if (!qa_cli_parse_options ("restore", entries, &argc, &argv, &status))
    return status;
  if (files == NULL || g_strv_length (files) != 1)
    return qa_cli_usage_error (_("restore: give one backup FILE"));

  /* Restoring replaces the whole session: it is confirmed explicitly. */
  if (!yes)
    {
      g_printerr ("qareview-cli: ");
      g_printerr (_("restore replaces everything in %s with %s; run it again with --yes to confirm"),
                  globals->db_path, files[0]);
      g_printerr ("\n");
      return EXIT_REFUSED;
    }

  /* The policy (what may be restored, the safety copy, the audit entry) is the core's. */
  if (!qa_session_restore (globals->db_path, files[0], globals->operator_name,
                           qa_role_to_string (globals->role),
                           accept_broken ? QA_RESTORE_ACCEPT_BROKEN_AUDIT : QA_RESTORE_NONE,
                           &kept, &error))
    {
      status = qa_cli_report_error (error);
      if (g_error_matches (error, QA_AUDIT_ERROR, QA_AUDIT_ERROR_BROKEN))
        {
          g_printerr ("qareview-cli: ");
          g_printerr (_("to restore it all the same, run it again with --accept-broken-audit (recorded in the audit trail)"));
          g_printerr ("\n");
        }
      return status;
    }

  g_print (_("Restored %s from %s\n"), globals->db_path, files[0]);
  if (kept != NULL)
    /* Translators: where the session as it was before the restore is kept */
    g_print (_("The session as it was is kept as %s\n"), kept);
  return EXIT_DONE;
}
