/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "qareview-cli"

#include "config.h"

#include <stdio.h>

#include "qa-cli-private.h"

/* What keeps a session trustworthy and safe: the audit trail, backups and restore. */

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

  if (argc < 2 || g_strcmp0 (argv[1], "verify") != 0)
    return qa_cli_usage_error (_("audit: the only action is “verify”"));
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
  int status = EXIT_DONE;
  GOptionEntry entries[] = {
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, NULL, NULL },
    { NULL }
  };

  if (!qa_cli_parse_options ("backup", entries, &argc, &argv, &status))
    return status;
  if (out == NULL)
    return qa_cli_usage_error (_("backup: give --out FILE"));

  session = qa_cli_open_session (globals, &error);
  if (session == NULL)
    return qa_cli_report_error (error);
  if (!qa_database_backup (qa_session_get_database (session), out, &error))
    {
      g_printerr ("qareview-cli: %s\n", error->message);
      return EXIT_IO;
    }

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
  gboolean yes = FALSE;
  int status = EXIT_DONE;
  GOptionEntry entries[] = {
    { "yes", 0, 0, G_OPTION_ARG_NONE, &yes, NULL, NULL },
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

  if (!qa_database_restore (files[0], globals->db_path, &error))
    return qa_cli_report_error (error);

  g_print (_("Restored %s from %s\n"), globals->db_path, files[0]);
  return EXIT_DONE;
}
