/* qa-expert-edit.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "qa-core.h"

G_BEGIN_DECLS

/* Dialogs that correct an expert's record (employer, title, years of experience) or record
 * their training, on top of @parent's window. What core refuses is shown, and the dialog stays
 * for a correction; a toast on @parent says what was recorded. */
AdwMessageDialog *qa_expert_edit_dialog_new     (GtkWidget  *parent,
                                                 QaSession  *session,
                                                 const char *expert_id);
AdwMessageDialog *qa_expert_training_dialog_new (GtkWidget  *parent,
                                                 QaSession  *session,
                                                 const char *expert_id);
/* Records an employer the expert left, and the day (a tie for the profile's years). */
AdwMessageDialog *qa_expert_former_dialog_new   (GtkWidget  *parent,
                                                 QaSession  *session,
                                                 const char *expert_id);

G_END_DECLS
