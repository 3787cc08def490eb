/* qa-score-sheet-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "qa-core.h"
#include "qa-item-guide.h"

G_BEGIN_DECLS

#define QA_TYPE_SCORE_SHEET_EDITOR (qa_score_sheet_editor_get_type ())
G_DECLARE_FINAL_TYPE (QaScoreSheetEditor, qa_score_sheet_editor, QA, SCORE_SHEET_EDITOR, GtkWidget)

/* A reviewer's sheet for one applicant, scored from the keyboard: the 23 items under their 7
 * categories with subtotals; below, the selected item's guidance and its strengths and
 * opportunities for improvement. Everything is saved as it is entered. */
GtkWidget    *qa_score_sheet_editor_new                (void);
QaScoreSheet *qa_score_sheet_editor_get_sheet          (QaScoreSheetEditor *self);
/* Shows @sheet (NULL for none), on the item @item_code or, when NULL, the first unscored. */
void          qa_score_sheet_editor_set_sheet          (QaScoreSheetEditor *self,
                                                        QaCriteria         *criteria,
                                                        QaScoreSheet       *sheet,
                                                        const char         *item_code);
/* As shown: a percentage being typed counts as soon as it is a score. */
double        qa_score_sheet_editor_get_total          (QaScoreSheetEditor *self);
guint         qa_score_sheet_editor_get_n_scored       (QaScoreSheetEditor *self);
/* The clause of the selected item, or NULL. */
const char   *qa_score_sheet_editor_get_current_item   (QaScoreSheetEditor *self);
/* Moves the keyboard to the item's percentage. */
gboolean      qa_score_sheet_editor_focus_item         (QaScoreSheetEditor *self,
                                                        const char         *item_code);
/* Moves the keyboard to the next unscored item after the selected one; FALSE when every item
 * is scored. */
gboolean      qa_score_sheet_editor_focus_next_unscored (QaScoreSheetEditor *self);
/* Saves what is still being typed: the selected item's percentage and notes. */
void          qa_score_sheet_editor_save_pending       (QaScoreSheetEditor *self);
GtkEditable  *qa_score_sheet_editor_get_entry          (QaScoreSheetEditor *self,
                                                        const char         *item_code);
QaItemGuide  *qa_score_sheet_editor_get_guide          (QaScoreSheetEditor *self);

G_END_DECLS
