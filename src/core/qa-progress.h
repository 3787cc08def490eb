/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "qa-session.h"

G_BEGIN_DECLS

/* Where a session stands and what it still needs: one answer for the procedure stepper of the
 * window and for the CLI. */

/* One review stage (material or site). */
typedef struct
{
  QaStage    stage;
  gboolean   panel_formed;
  gboolean   closed;
  char      *closed_at;        /* ISO 8601 UTC, or NULL while open */
  guint      applicants;       /* applicants in the stage */
  guint      sheets_expected;  /* panel members with applicants to score */
  guint      sheets_received;  /* of them, whose sheet is imported */
  guint      items_total;      /* applicants × items */
  guint      items_agreed;     /* with a consensus value (the chair's or the default), not stale */
  guint      items_recorded;   /* with the chair's recorded value */
  guint      items_stale;      /* the chair's value was decided against a default a newer sheet
                                * has moved: to agree again before the stage may close */
  guint      items_to_agree;   /* flagged items the chair has not recorded yet; 0 once closed */
  GPtrArray *missing;          /* what blocks closing (translated lines), empty when it may close */
} QaStageProgress;

typedef struct
{
  QaStage          current;    /* the stage the procedure is in */
  QaStageProgress  material;
  QaStageProgress  site;
  char            *next_step;  /* what is needed next, translated, one sentence */
} QaProgress;

void        qa_progress_free        (QaProgress  *progress);
/* Reads the session's state now. */
QaProgress *qa_session_get_progress (QaSession   *session,
                                     GError     **error);
/* The same, read in a worker thread on a connection of its own (the session's file; it may take
 * a while at a province's scale), finished in the caller's thread. */
void        qa_session_get_progress_async  (QaSession           *session,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
QaProgress *qa_session_get_progress_finish (QaSession           *session,
                                            GAsyncResult        *result,
                                            GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QaProgress, qa_progress_free)

G_END_DECLS
