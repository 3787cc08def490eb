/* qa-dossiers-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "qa-core.h"
#include "qa-dossier-pane.h"

G_BEGIN_DECLS

#define QA_TYPE_DOSSIERS_VIEW (qa_dossiers_view_get_type ())
G_DECLARE_FINAL_TYPE (QaDossiersView, qa_dossiers_view, QA, DOSSIERS_VIEW, GtkWidget)

GtkWidget         *qa_dossiers_view_new               (void);
QaSession         *qa_dossiers_view_get_session       (QaDossiersView *self);
void               qa_dossiers_view_set_session       (QaDossiersView *self,
                                                       QaSession      *session);
/* What the operator may do here: registering takes QA_PERMISSION_REGISTER. */
void               qa_dossiers_view_set_role          (QaDossiersView *self,
                                                       QaRole          role);
void               qa_dossiers_view_focus_search      (QaDossiersView *self);
/* The rows as shown: filtered by the search, in the column view's sort order. */
GtkSelectionModel *qa_dossiers_view_get_model         (QaDossiersView *self);
guint              qa_dossiers_view_get_visible_count (QaDossiersView *self);
GtkEditable       *qa_dossiers_view_get_search_entry  (QaDossiersView *self);
/* The detail pane under the list. */
QaDossierPane     *qa_dossiers_view_get_pane          (QaDossiersView *self);
/* Imports the applicants of the CSV file @file, as “Import…” does once a file is chosen: the
 * list shows them, or a dialog lists every refused row. The file is read asynchronously. */
void               qa_dossiers_view_import_file       (QaDossiersView *self,
                                                       GFile          *file);

G_END_DECLS
