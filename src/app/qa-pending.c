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
