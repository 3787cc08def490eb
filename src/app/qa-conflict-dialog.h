/* qa-conflict-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "qa-core.h"

G_BEGIN_DECLS

/* The dialog that records a tie between @expert_id and an applicant (kind, who recorded it, a
 * note), on top of @parent's window. What core refuses is shown; a toast on @parent says what
 * was recorded. */
AdwMessageDialog *qa_conflict_dialog_new (GtkWidget  *parent,
                                          QaSession  *session,
                                          const char *expert_id);

G_END_DECLS
