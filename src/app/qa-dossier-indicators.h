/* qa-dossier-indicators.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "qa-core.h"
#include "qa-record-table.h"

G_BEGIN_DECLS

#define QA_TYPE_DOSSIER_INDICATORS (qa_dossier_indicators_get_type ())
G_DECLARE_FINAL_TYPE (QaDossierIndicators, qa_dossier_indicators, QA, DOSSIER_INDICATORS, GtkWidget)

GtkWidget     *qa_dossier_indicators_new          (void);
/* Shows @dossier's indicators, for a session of @year (the usual ones are of the three years before). */
void           qa_dossier_indicators_load         (QaDossierIndicators *self,
                                                   QaDossier           *dossier,
                                                   guint                year);
/* Writes what the table holds into @dossier, replacing its indicators. */
void           qa_dossier_indicators_apply        (QaDossierIndicators *self,
                                                   QaDossier           *dossier);
void           qa_dossier_indicators_set_editable (QaDossierIndicators *self,
                                                   gboolean             editable);
QaRecordTable *qa_dossier_indicators_get_table    (QaDossierIndicators *self);

G_END_DECLS
