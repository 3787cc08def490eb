/* qa-panel-formed.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "qa-core.h"

G_BEGIN_DECLS

/* The panel of a review stage as it was formed and stored: its chair, members and alternates,
 * the problems found since, and which members score which applicant. */

#define QA_TYPE_PANEL_FORMED (qa_panel_formed_get_type ())
G_DECLARE_FINAL_TYPE (QaPanelFormed, qa_panel_formed, QA, PANEL_FORMED, GtkWidget)

/* Shows @formed, or @not_formed when it is NULL; returns its state in a few words (“Not formed
 * yet”, “Formed on 2026-05-06 14:30”), for the page's status line. */
char *qa_panel_formed_show (QaPanelFormed *self,
                            QaSession     *session,
                            QaPanel       *formed,
                            const char    *not_formed);

G_END_DECLS
