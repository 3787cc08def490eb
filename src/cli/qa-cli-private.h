/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib/gi18n.h>

#include "qa-core.h"

G_BEGIN_DECLS

/* Exit status, as docs/cli.md (“Exit status”) fixes it. */
enum {
  EXIT_DONE = 0,
  EXIT_REFUSED = 1,
  EXIT_USAGE = 2,
  EXIT_IO = 3,
};

typedef struct
{
  const char *db_path;
  const char *operator_name;
  /* From --role; in a review package always its reviewer. */
  QaRole      role;
} Globals;

int         qa_cli_usage_error   (const char     *format,
                                  ...) G_GNUC_PRINTF (1, 2);
/* Reports @error on stderr and turns it into the exit status (1 refused, 3 I/O). */
int         qa_cli_report_error  (const GError   *error);
/* --force: the user confirms replacing an existing session or package with an output. */
QaOutputFlags qa_cli_output_flags (gboolean       force);
/* Parses a verb's own options; unknown ones and stray arguments are usage errors. */
gboolean    qa_cli_parse_options (const char     *verb,
                                  GOptionEntry   *entries,
                                  int            *argc,
                                  char         ***argv,
                                  int            *status);
/* The same for a two-word verb (“panel set”): skips the action word the dispatcher matched. */
gboolean    qa_cli_parse_action_options (const char  *verb,
                                         GOptionEntry *entries,
                                         int          *argc,
                                         char       ***argv,
                                         int          *status);
/* Opens the session or package named by --db and records who is acting. */
QaSession  *qa_cli_open_session  (const Globals  *globals,
                                  GError        **error);
GBytes     *qa_cli_read_input    (const char     *path,
                                  GError        **error);
gboolean    qa_cli_parse_format  (const char     *verb,
                                  const char     *format,
                                  gboolean       *csv,
                                  int            *status);
void        qa_cli_write_stdout  (GString        *out);
gboolean    qa_cli_parse_stage   (const char     *verb,
                                  const char     *name,
                                  QaStage        *stage,
                                  int            *status);

/* qa-cli-review.c */
int         qa_cli_package       (const Globals  *globals,
                                  int             argc,
                                  char          **argv);
int         qa_cli_score         (const Globals  *globals,
                                  int             argc,
                                  char          **argv);
int         qa_cli_sheet         (const Globals  *globals,
                                  int             argc,
                                  char          **argv);
int         qa_cli_scores        (const Globals  *globals,
                                  int             argc,
                                  char          **argv);

/* qa-cli-experts.c */
int         qa_cli_expert_edit   (const Globals  *globals,
                                  int             argc,
                                  char          **argv);
int         qa_cli_expert_train  (const Globals  *globals,
                                  int             argc,
                                  char          **argv);
int         qa_cli_expert_former (const Globals  *globals,
                                  int             argc,
                                  char          **argv);

/* qa-cli-integrity.c */
int         qa_cli_audit         (const Globals  *globals,
                                  int             argc,
                                  char          **argv);
int         qa_cli_backup        (const Globals  *globals,
                                  int             argc,
                                  char          **argv);
int         qa_cli_restore       (const Globals  *globals,
                                  int             argc,
                                  char          **argv);

/* qa-cli-consensus.c */
int         qa_cli_consensus     (const Globals  *globals,
                                  int             argc,
                                  char          **argv);
int         qa_cli_consensus_totals (const Globals *globals,
                                     int            argc,
                                     char         **argv);
int         qa_cli_consensus_set (const Globals  *globals,
                                  int             argc,
                                  char          **argv);
int         qa_cli_consensus_export (const Globals *globals,
                                     int            argc,
                                     char         **argv);
int         qa_cli_stage         (const Globals  *globals,
                                  int             argc,
                                  char          **argv);
int         qa_cli_feedback      (const Globals  *globals,
                                  int             argc,
                                  char          **argv);
int         qa_cli_reviewers     (const Globals  *globals,
                                  int             argc,
                                  char          **argv);
int         qa_cli_site_opinion  (const Globals  *globals,
                                  int             argc,
                                  char          **argv);
int         qa_cli_progress      (const Globals  *globals,
                                  int             argc,
                                  char          **argv);

/* qa-cli-outcome.c */
int         qa_cli_shortlist     (const Globals  *globals,
                                  int             argc,
                                  char          **argv);
int         qa_cli_totals        (const Globals  *globals,
                                  int             argc,
                                  char          **argv);
int         qa_cli_public_notice (const Globals  *globals,
                                  int             argc,
                                  char          **argv);
int         qa_cli_objection     (const Globals  *globals,
                                  int             argc,
                                  char          **argv);
int         qa_cli_submission    (const Globals  *globals,
                                  int             argc,
                                  char          **argv);
int         qa_cli_award         (const Globals  *globals,
                                  int             argc,
                                  char          **argv);

G_END_DECLS
