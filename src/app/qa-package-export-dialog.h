/* qa-package-export-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "qa-core.h"
#include "qa-outcome-list.h"

G_BEGIN_DECLS

#define QA_TYPE_PACKAGE_EXPORT_DIALOG (qa_package_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (QaPackageExportDialog, qa_package_export_dialog, QA, PACKAGE_EXPORT_DIALOG, AdwWindow)

/* Export Review Packages…: the secretariat chooses a review stage, the members of its panel
 * and a folder; one “<reviewer>-<stage>.qapkg” is written for each, in a worker thread, and
 * the dialog lists what became of each. */
QaPackageExportDialog *qa_package_export_dialog_new         (GtkWindow             *parent,
                                                             QaSession             *session);
/* The review stages with a panel, as offered (material, site). */
QaStage                qa_package_export_dialog_get_stage   (QaPackageExportDialog *self);
void                   qa_package_export_dialog_set_folder  (QaPackageExportDialog *self,
                                                             GFile                 *folder);
/* The reviewers chosen, by reference. */
GStrv                  qa_package_export_dialog_dup_reviewers (QaPackageExportDialog *self);
/* What the Export button does. */
void                   qa_package_export_dialog_export      (QaPackageExportDialog *self);
/* What became of each package, once exported; busy while they are written. */
QaOutcomeList         *qa_package_export_dialog_get_outcome_list (QaPackageExportDialog *self);

G_END_DECLS
