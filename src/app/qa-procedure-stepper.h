/* qa-procedure-stepper.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "qa-core.h"

G_BEGIN_DECLS

#define QA_TYPE_PROCEDURE_STEPPER (qa_procedure_stepper_get_type ())
G_DECLARE_FINAL_TYPE (QaProcedureStepper, qa_procedure_stepper, QA, PROCEDURE_STEPPER, GtkWidget)

/* The stages of Art. 16 in order, each marked done, current or still to come, as core says the
 * session stands (qa_session_get_progress); it follows every change written to the session. */
GtkWidget  *qa_procedure_stepper_new         (void);
QaSession  *qa_procedure_stepper_get_session (QaProcedureStepper *self);
void        qa_procedure_stepper_set_session (QaProcedureStepper *self,
                                              QaSession          *session);
QaStage     qa_procedure_stepper_get_stage   (QaProcedureStepper *self);
/* Reads where the session stands again. */
void        qa_procedure_stepper_refresh     (QaProcedureStepper *self);
/* Reading where the session stands (in a worker thread): what is shown is about to change. */
gboolean    qa_procedure_stepper_get_busy    (QaProcedureStepper *self);

G_END_DECLS
