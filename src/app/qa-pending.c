/* qa-pending.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "qa-pending.h"

/* Only the main thread holds and releases: the worker threads' results are finished there. */
static guint pending;

void
_qa_pending_hold (void)
{
  pending++;
}

void
_qa_pending_release (void)
{
  g_return_if_fail (pending > 0);

  pending--;
}

gboolean
_qa_pending_any (void)
{
  return pending > 0;
}

void
_qa_pending_read_progress (QaSession           *session,
                           GCancellable        *reading,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  _qa_pending_hold ();
  qa_session_get_progress_async (session, reading, callback, user_data);
}

gboolean
_qa_pending_read_progress_finish (GAsyncResult  *result,
                                  QaSession     *session,
                                  GCancellable  *reading,
                                  QaProgress   **progress,
                                  GError       **error)
{
  GObject *source = g_async_result_get_source_object (result);
  g_autoptr(QaProgress) read = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean wanted;

  _qa_pending_release ();
  read = qa_session_get_progress_finish (QA_SESSION (source), result, &local_error);
  wanted = !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
           session == QA_SESSION (source) && reading == g_task_get_cancellable (G_TASK (result));
  g_object_unref (source);
  if (!wanted)
    return FALSE;
  if (read == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  *progress = g_steal_pointer (&read);
  return TRUE;
}
