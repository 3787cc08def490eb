/* qa-problems-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define QA_TYPE_PROBLEMS_DIALOG (qa_problems_dialog_get_type ())
G_DECLARE_FINAL_TYPE (QaProblemsDialog, qa_problems_dialog, QA, PROBLEMS_DIALOG, AdwWindow)

/* Says why something was refused when the reasons are many: @heading and @body above the
 * problems, one a line, in a list that scrolls and can be copied. */
QaProblemsDialog *qa_problems_dialog_new  (GtkWindow  *parent,
                                           const char *heading,
                                           const char *body,
                                           const char *problems);

G_END_DECLS
