/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "qa-session.h"

G_BEGIN_DECLS

/* The stage names of the review stages, as stored: "material" / "site". */
gboolean _qa_stage_is_review (QaStage stage);

/* What a worker thread needs to open the same session on a connection of its own (connections
 * are not shared between threads), acting as the same operator. Taken on the main thread. */
typedef struct _QaSessionTicket QaSessionTicket;

QaSessionTicket *_qa_session_ticket_new  (QaSession        *session);
QaSession       *_qa_session_ticket_open (QaSessionTicket  *ticket,
                                          GError          **error);
void             _qa_session_ticket_free (QaSessionTicket  *ticket);

/* Re-reads the session's stage (moved forward inside a transaction) and notifies "stage". */
/* When @stage was closed (ISO 8601 UTC), or NULL: from any connection to a session file. */
char            *_qa_database_dup_stage_closed_at (QaDatabase *db,
                                                   QaStage     stage);
gboolean         _qa_session_sync_stage  (QaSession        *self,
                                          GError          **error);

/* After a write that changed only applicants (an import): reads them again at once when the
 * list has been given out (qa_session_get_applicants()), else when it is first asked for. */
gboolean         _qa_session_applicants_changed (QaSession  *self,
                                                 GError    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QaSessionTicket, _qa_session_ticket_free)

G_END_DECLS
