/* qa-pending.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "qa-core.h"

G_BEGIN_DECLS

/* Work the program still does after it went back to the main loop: readings in worker threads
 * and lists still filling. Each piece holds while it runs and releases when it is done, so a
 * test (or anything that waits for the window to settle) can tell when all is in. */
void     _qa_pending_hold    (void);
void     _qa_pending_release (void);
gboolean _qa_pending_any     (void);

/* Reads where @session stands in a worker thread (qa_session_get_progress_async), held pending
 * until it is in. */
void        _qa_pending_read_progress        (QaSession           *session,
                                              GCancellable        *reading,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
/* Its result. FALSE when the reading is no longer wanted — cancelled, or not the reader's
 * @reading of its @session any more (a newer one replaced it); else TRUE with the progress, or
 * with NULL and @error when it could not be read. */
gboolean    _qa_pending_read_progress_finish (GAsyncResult        *result,
                                              QaSession           *session,
                                              GCancellable        *reading,
                                              QaProgress         **progress,
                                              GError             **error);

G_END_DECLS
