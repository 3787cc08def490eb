/* qa-material-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "qa-core.h"

G_BEGIN_DECLS

#define QA_TYPE_MATERIAL_ROW (qa_material_row_get_type ())
G_DECLARE_FINAL_TYPE (QaMaterialRow, qa_material_row, QA, MATERIAL_ROW, GtkWidget)

/* One material of an applicant in the materials list. Its buttons activate the actions
 * materials.open, materials.remove (both with the material's id) and
 * materials.set-trade-secret (the id and the new mark) on the widgets around it. */
GtkWidget  *qa_material_row_new           (void);
QaMaterial *qa_material_row_get_material  (QaMaterialRow *self);
void        qa_material_row_set_material  (QaMaterialRow *self,
                                           QaMaterial    *material);
/* Whether the trade-secret mark may be changed here. */
void        qa_material_row_set_editable  (QaMaterialRow *self,
                                           gboolean       editable);

G_END_DECLS
