/* qa-dossier-pane.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "qa-core.h"
#include "qa-dossier-form.h"
#include "qa-eligibility-pane.h"
#include "qa-materials-pane.h"
#include "qa-record-table.h"

G_BEGIN_DECLS

#define QA_TYPE_DOSSIER_PANE (qa_dossier_pane_get_type ())
G_DECLARE_FINAL_TYPE (QaDossierPane, qa_dossier_pane, QA, DOSSIER_PANE, GtkWidget)

/* One applicant's dossier under the list: the basic information, management systems and
 * accidents, key indicators, materials and the eligibility check, each on a page. */
GtkWidget         *qa_dossier_pane_new               (void);
void               qa_dossier_pane_set_session       (QaDossierPane  *self,
                                                      QaSession      *session);
/* Shows the dossier of @applicant as stored, dropping any change not saved; NULL shows none. */
gboolean           qa_dossier_pane_show_applicant    (QaDossierPane  *self,
                                                      QaApplicant    *applicant,
                                                      GError        **error);
/* Takes @applicant, a newer row of the applicant shown, keeping what is being typed. */
void               qa_dossier_pane_update_applicant  (QaDossierPane  *self,
                                                      QaApplicant    *applicant);
/* Starts an empty dossier for a new applicant. */
void               qa_dossier_pane_start_new         (QaDossierPane  *self);
/* The reference of the applicant shown, NULL for a new one or none. */
const char        *qa_dossier_pane_get_applicant_id  (QaDossierPane  *self);
gboolean           qa_dossier_pane_get_is_new        (QaDossierPane  *self);
/* Something was typed that is not saved. */
gboolean           qa_dossier_pane_get_modified      (QaDossierPane  *self);
/* Modified, and every field holds a value the dossier may be saved with. */
gboolean           qa_dossier_pane_get_can_save      (QaDossierPane  *self);
/* Stores the dossier as typed; refused whole when the core says no. */
gboolean           qa_dossier_pane_save              (QaDossierPane  *self,
                                                      GError        **error);
/* What the operator may do: editing takes QA_PERMISSION_REGISTER; the fields of whoever may not
 * are shown, not typed into. */
void               qa_dossier_pane_set_role          (QaDossierPane  *self,
                                                      QaRole          role);
/* Shows the page named "basic", "systems", "indicators", "materials" or "eligibility". */
void               qa_dossier_pane_set_page          (QaDossierPane  *self,
                                                      const char     *page);

/* The widgets of a tab, built (with the dossier shown) if the tab has not been shown yet. */
QaDossierForm     *qa_dossier_pane_get_form          (QaDossierPane  *self);
QaMaterialsPane   *qa_dossier_pane_get_materials     (QaDossierPane  *self);
QaEligibilityPane *qa_dossier_pane_get_eligibility   (QaDossierPane  *self);
/* "accidents", "certificates" or "indicators" */
QaRecordTable     *qa_dossier_pane_get_table         (QaDossierPane  *self,
                                                      const char     *name);
/* The button back to the list, hidden unless the page around the pane is folded. */
GtkWidget         *qa_dossier_pane_get_back_button   (QaDossierPane  *self);

G_END_DECLS
