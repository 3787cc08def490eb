/* qa-materials-pane.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "qa-core.h"

G_BEGIN_DECLS

#define QA_TYPE_MATERIALS_PANE (qa_materials_pane_get_type ())
G_DECLARE_FINAL_TYPE (QaMaterialsPane, qa_materials_pane, QA, MATERIALS_PANE, GtkWidget)

/* The materials of one applicant (Art. 14): add, open, mark as trade secret, remove. */
GtkWidget  *qa_materials_pane_new             (void);
/* Shows the materials of applicant @applicant_id of @session; NULL for none. */
void        qa_materials_pane_set_applicant   (QaMaterialsPane *self,
                                               QaSession       *session,
                                               const char      *applicant_id);
/* The materials shown (QaMaterial). */
/* Adding, removing and marking materials take QA_PERMISSION_REGISTER; anyone may open them. */
void        qa_materials_pane_set_role        (QaMaterialsPane *self,
                                               QaRole           role);
GListModel *qa_materials_pane_get_materials   (QaMaterialsPane *self);
/* Stores @file as a material, in a worker thread; the list shows it when it is stored. */
void        qa_materials_pane_add_file        (QaMaterialsPane *self,
                                               GFile           *file,
                                               QaMaterialKind   kind,
                                               gboolean         trade_secret,
                                               gboolean         no_state_secret);
/* Whether a material is being stored. */
gboolean    qa_materials_pane_get_busy        (QaMaterialsPane *self);
/* Opens @material: a PDF in a window of its own, which is returned, anything else with the
 * system's viewer (NULL is returned then, and on failure). */
GtkWindow  *qa_materials_pane_open_material   (QaMaterialsPane *self,
                                               QaMaterial      *material,
                                               GError         **error);

G_END_DECLS
