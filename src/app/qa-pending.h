/* qa-pending.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Work the program still does after it went back to the main loop: readings in worker threads
 * and lists still filling. Each piece holds while it runs and releases when it is done, so a
 * test (or anything that waits for the window to settle) can tell when all is in. */
void     _qa_pending_hold    (void);
void     _qa_pending_release (void);
gboolean _qa_pending_any     (void);

G_END_DECLS
