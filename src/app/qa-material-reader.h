/* qa-material-reader.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "qa-core.h"
#include "qa-pdf-view.h"

G_BEGIN_DECLS

#define QA_TYPE_MATERIAL_READER (qa_material_reader_get_type ())
G_DECLARE_FINAL_TYPE (QaMaterialReader, qa_material_reader, QA, MATERIAL_READER, GtkWidget)

/* An applicant's materials, read beside the scoring sheet: pick one, read it page by page. The
 * material and page last read are remembered per applicant while the reader lives; the private
 * copies it reads from are removed with it. */
GtkWidget  *qa_material_reader_new           (void);
/* Shows the materials of @applicant_id in @session (NULL for none). */
void        qa_material_reader_set_applicant (QaMaterialReader *self,
                                              QaSession        *session,
                                              const char       *applicant_id);
/* The materials shown (QaMaterial). */
GListModel *qa_material_reader_get_materials (QaMaterialReader *self);
/* The material read (a new reference), or NULL. */
QaMaterial *qa_material_reader_get_material  (QaMaterialReader *self);
QaPdfView  *qa_material_reader_get_pdf_view  (QaMaterialReader *self);

G_END_DECLS
