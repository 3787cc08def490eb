/* qa-judgement-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "qa-core.h"

G_BEGIN_DECLS

#define QA_TYPE_JUDGEMENT_DIALOG (qa_judgement_dialog_get_type ())

G_DECLARE_FINAL_TYPE (QaJudgementDialog, qa_judgement_dialog, QA, JUDGEMENT_DIALOG, AdwMessageDialog)

/* The secretariat's judgement of one Art. 13 condition of @applicant_id (met or not, and its
 * grounds), on top of @parent, starting from the stored one. @summary says what the condition
 * asks. Record (the default: Enter on a choice, Ctrl+Enter in the grounds) writes it through
 * core, shows what core refuses, and emits ::recorded either way. NULL, with @error set, when
 * the dossier cannot be read. */
QaJudgementDialog *qa_judgement_dialog_new (GtkWindow   *parent,
                                            QaSession   *session,
                                            const char  *applicant_id,
                                            guint        condition,
                                            const char  *summary,
                                            GError     **error);

G_END_DECLS
