/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "qa-session.h"

G_BEGIN_DECLS

/* The score sheets returned for a review stage: one per panel member, with how complete it is. */
typedef struct
{
  char    *expert_id;
  char    *name;
  gboolean received;
  guint    revision;       /* 0 when not received */
  char    *imported_at;    /* ISO 8601 UTC, NULL when not received */
  guint    n_applicants;   /* applicants assigned to the member */
  guint    n_applicants_done; /* those of them with every item scored */
  guint    n_scored;       /* items scored, over those applicants */
  guint    n_expected;     /* items to score: n_applicants × the scored items of the criteria */
} QaSheetStatus;

void        qa_sheet_status_free      (QaSheetStatus *status);

/* The sheet of every member of @stage's panel (QaSheetStatus), in the order of the panel; empty
 * when no panel is formed. */
GPtrArray  *qa_session_list_sheets    (QaSession     *session,
                                       QaStage        stage,
                                       GError       **error);

/* In a review package: the reviewer's own sheet as qa_sheet_export() would write it now (not
 * received: revision 0), so that a face can say how many items are still unscored before it is
 * sent. */
QaSheetStatus *qa_sheet_status_new_for_package (QaSession  *package,
                                                GError    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QaSheetStatus, qa_sheet_status_free)

G_END_DECLS
