/* qa-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "qa-core.h"
#include "qa-dossiers-view.h"
#include "qa-experts-view.h"
#include "qa-procedure-stepper.h"
#include "qa-scoring-view.h"

G_BEGIN_DECLS

#define QA_TYPE_WINDOW (qa_window_get_type ())
G_DECLARE_FINAL_TYPE (QaWindow, qa_window, QA, WINDOW, AdwApplicationWindow)

QaWindow           *qa_window_new                   (GtkApplication *application);
QaSession          *qa_window_get_session           (QaWindow       *self);
void                qa_window_set_session           (QaWindow       *self,
                                                     QaSession      *session);
/* Shows, in place of a session, why @path could not be opened and how to go on. */
void                qa_window_show_error            (QaWindow       *self,
                                                     const char     *path,
                                                     const GError   *error);
/* "dossiers", "experts", "scoring", "consensus" or "shortlist". */
const char         *qa_window_get_visible_page      (QaWindow       *self);
void                qa_window_set_visible_page      (QaWindow       *self,
                                                     const char     *page);
QaDossiersView     *qa_window_get_dossiers_view     (QaWindow       *self);
QaExpertsView      *qa_window_get_experts_view      (QaWindow       *self);
/* Whether a review package is shown: the reviewer's scoring sheet alone. */
gboolean            qa_window_get_reviewer_mode     (QaWindow       *self);
QaScoringView      *qa_window_get_scoring_view      (QaWindow       *self);
QaProcedureStepper *qa_window_get_procedure_stepper (QaWindow       *self);

G_END_DECLS
