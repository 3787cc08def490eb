/* qa-sheet-import-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "qa-core.h"
#include "qa-outcome-list.h"

G_BEGIN_DECLS

#define QA_TYPE_SHEET_IMPORT_DIALOG (qa_sheet_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (QaSheetImportDialog, qa_sheet_import_dialog, QA, SHEET_IMPORT_DIALOG, AdwWindow)

/* Import Score Sheets…: each returned sheet is verified and stored, or refused, on its own,
 * in a worker thread; the dialog says for each file what was stored or exactly why not. */
QaSheetImportDialog *qa_sheet_import_dialog_new          (GtkWindow           *parent,
                                                          QaSession           *session);
/* Imports @files (GFile), one after the other. */
void                 qa_sheet_import_dialog_import       (QaSheetImportDialog *self,
                                                          GListModel          *files);
/* What became of each sheet; busy while they are imported. */
QaOutcomeList       *qa_sheet_import_dialog_get_outcome_list (QaSheetImportDialog *self);

G_END_DECLS
