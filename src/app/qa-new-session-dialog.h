/* qa-new-session-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "qa-core.h"

G_BEGIN_DECLS

#define QA_TYPE_NEW_SESSION_DIALOG (qa_new_session_dialog_get_type ())
G_DECLARE_FINAL_TYPE (QaNewSessionDialog, qa_new_session_dialog, QA, NEW_SESSION_DIALOG, AdwWindow)

/* Asks for the year, the application deadline and a file, then creates the session under the
 * default rule profile and emits QaNewSessionDialog::session-created with it. */
QaNewSessionDialog *qa_new_session_dialog_new (GtkWindow *transient_for);

G_END_DECLS
