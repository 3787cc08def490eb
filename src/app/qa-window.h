/* qa-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "qa-audit-view.h"
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
/* "dossiers", "experts", "scoring", "consensus", "shortlist" or "audit". */
const char         *qa_window_get_visible_page      (QaWindow       *self);
void                qa_window_set_visible_page      (QaWindow       *self,
                                                     const char     *page);
QaDossiersView     *qa_window_get_dossiers_view     (QaWindow       *self);
QaExpertsView      *qa_window_get_experts_view      (QaWindow       *self);
/* Whether a review package is shown: the reviewer's scoring sheet alone. */
gboolean            qa_window_get_reviewer_mode     (QaWindow       *self);
QaScoringView      *qa_window_get_scoring_view      (QaWindow       *self);
QaProcedureStepper *qa_window_get_procedure_stepper (QaWindow       *self);
QaAuditView        *qa_window_get_audit_view        (QaWindow       *self);

/* Who is acting: on a session database, the operator this computer remembers (the secretariat,
 * the panel chair or the supervisory committee), recorded with every audit entry and deciding
 * which commands are enabled; in a review package, always its reviewer. */
QaRole              qa_window_get_role              (QaWindow       *self);
const char         *qa_window_get_operator_name     (QaWindow       *self);
/* Remembers @name acting as @role on this computer, as Change Role… does. */
void                qa_window_set_operator          (QaWindow       *self,
                                                     const char     *name,
                                                     QaRole          role);
/* Asks who is acting, once, when this computer does not remember it yet. */
void                qa_window_confirm_operator      (QaWindow       *self);

/* Copies the session to @path, as Back Up Session… does once a file is chosen: in a worker
 * thread, with a toast when it is done. */
void                qa_window_back_up               (QaWindow       *self,
                                                     const char     *path);
/* A backup is being written or restored. */
gboolean            qa_window_get_busy              (QaWindow       *self);
/* Whether opening @path failed in a way a backup mends (the file is damaged, or is no session)
 * and an automatic backup of it exists: the error page then offers the newest. */
gboolean            qa_window_can_offer_backup      (const char     *path,
                                                     const GError   *error);

G_END_DECLS
