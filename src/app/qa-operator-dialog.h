/* qa-operator-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "qa-core.h"

G_BEGIN_DECLS

#define QA_TYPE_OPERATOR_DIALOG (qa_operator_dialog_get_type ())
G_DECLARE_FINAL_TYPE (QaOperatorDialog, qa_operator_dialog, QA, OPERATOR_DIALOG, AdwWindow)

/* Asks who is working on a session database: their name and their role (secretariat, panel
 * chair or supervisory committee). "chosen" is emitted with them when the user confirms. */
QaOperatorDialog *qa_operator_dialog_new      (GtkWindow        *parent,
                                               const char       *name,
                                               QaRole            role);
const char       *qa_operator_dialog_get_name (QaOperatorDialog *self);
void              qa_operator_dialog_set_name (QaOperatorDialog *self,
                                               const char       *name);
QaRole            qa_operator_dialog_get_role (QaOperatorDialog *self);
/* What Continue does: emits "chosen" and closes, unless no name is given (then FALSE). */
gboolean          qa_operator_dialog_confirm  (QaOperatorDialog *self);

G_END_DECLS
