/* qa-dossier-list.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "qa-core.h"

G_BEGIN_DECLS

#define QA_TYPE_DOSSIER_LIST (qa_dossier_list_get_type ())
G_DECLARE_FINAL_TYPE (QaDossierList, qa_dossier_list, QA, DOSSIER_LIST, GtkWidget)

/* The session's applicants as a table under a tool bar (import, new, the eligibility check, the
 * search): sorted by column, filtered by the search. It emits “applicant-selected” when the user
 * selects a row, “applicant-activated” when they open one (a click, Enter or a double click),
 * and “reloaded” when the session's list was read again; the row shown is selected with
 * qa_dossier_list_select, which emits nothing. */
GtkWidget         *qa_dossier_list_new               (void);
/* The session's list of QaApplicant (NULL: none). */
void               qa_dossier_list_set_applicants    (QaDossierList *self,
                                                      GListModel    *applicants);
/* Selects the row of @id (none for NULL), quietly. */
void               qa_dossier_list_select            (QaDossierList *self,
                                                      const char    *id);
/* The rows as shown: filtered by the search, in the sort order; all of them (a long list is
 * otherwise filled a screenful a frame). */
GtkSelectionModel *qa_dossier_list_get_model         (QaDossierList *self);
/* How many rows the search lets through. */
guint              qa_dossier_list_get_n_shown       (QaDossierList *self);
/* The applicant of the row selected, else of the first row, else NULL. */
QaApplicant       *qa_dossier_list_dup_selected_or_first (QaDossierList *self);
GtkEditable       *qa_dossier_list_get_search_entry  (QaDossierList *self);
void               qa_dossier_list_focus_search      (QaDossierList *self);

G_END_DECLS
