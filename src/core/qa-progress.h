/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "qa-session.h"

G_BEGIN_DECLS

/* Where a session stands in its procedure (Art. 16), read from what has been recorded: one
 * function that every face asks, so the window's stepper, the CLI and the tests agree. */

/* One panel member's score sheet for a review stage. */
typedef struct
{
  char    *expert_id;
  char    *name;
  gboolean received;
  guint    revision;       /* 0 when not received */
  char    *imported_at;    /* ISO 8601 UTC, NULL when not received */
  guint    n_applicants;   /* applicants assigned to the member */
  guint    n_scored;       /* items scored, over those applicants */
  guint    n_expected;     /* items to score: n_applicants × the scored items of the criteria */
} QaSheetStatus;

typedef struct
{
  QaStage    stage;            /* the stage the session is in */
  /* For a review stage (material, site), else zero. */
  gboolean   panel_formed;
  gboolean   closed;
  guint      n_applicants;     /* applicants the stage reviews */
  guint      sheets_received;
  guint      sheets_expected;  /* the panel's members */
  guint      sheets_complete;  /* received and scoring every item of every assigned applicant */
  guint      items_to_agree;   /* flagged items (spread ≥ the profile's threshold) with no consensus recorded */
  /* What is still needed before the stage can end (translated sentences); empty when nothing. */
  GPtrArray *needed;
} QaProgress;

void        qa_sheet_status_free      (QaSheetStatus *status);
void        qa_progress_free          (QaProgress    *progress);

/* The sheet of every member of @stage's panel (QaSheetStatus), in the order of the panel; empty
 * when no panel is formed. */
GPtrArray  *qa_session_list_sheets    (QaSession     *session,
                                       QaStage        stage,
                                       GError       **error);

/* Where @session stands now. */
QaProgress *qa_session_get_progress   (QaSession     *session,
                                       GError       **error);

/* e.g. "4/7 score sheets" for a review stage, NULL for the others (translated). */
char       *qa_progress_dup_summary   (QaProgress    *progress);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QaSheetStatus, qa_sheet_status_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (QaProgress, qa_progress_free)

G_END_DECLS
