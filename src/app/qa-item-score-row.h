/* qa-item-score-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "qa-core.h"

G_BEGIN_DECLS

#define QA_TYPE_ITEM_SCORE_ROW (qa_item_score_row_get_type ())
G_DECLARE_FINAL_TYPE (QaItemScoreRow, qa_item_score_row, QA, ITEM_SCORE_ROW, GtkListBoxRow)

/* One item of a reviewer's sheet: clause, name, points, the percentage typed from the keyboard
 * and the points it gives. A percentage is saved (qa_score_sheet_set) when it is committed:
 * Enter, Tab, an arrow key, + or −, or leaving the field. Steps of 5 only: 57 is scored as 55,
 * and the row says so; more than 100 is refused in place.
 *
 * ::leave is emitted when the keyboard moves on from the row: GTK_DIR_DOWN after Enter or ↓,
 * GTK_DIR_UP after ↑, GTK_DIR_TAB_FORWARD / GTK_DIR_TAB_BACKWARD after Tab / Shift+Tab. */
GtkWidget   *qa_item_score_row_new               (QaScoreSheet   *sheet,
                                                  QaItemScore    *score);
QaItemScore *qa_item_score_row_get_score         (QaItemScoreRow *self);
/* The percentage shown: the one being typed when it is a score, else the one saved; -1 while
 * the item is unscored. */
int          qa_item_score_row_get_shown_percent (QaItemScoreRow *self);
/* The points the shown percentage gives, or a negative number while unscored. */
double       qa_item_score_row_get_shown_points  (QaItemScoreRow *self);
GtkEditable *qa_item_score_row_get_entry         (QaItemScoreRow *self);
/* Saves what was typed; FALSE when it was refused (the row says why). */
gboolean     qa_item_score_row_commit            (QaItemScoreRow *self);
/* The hint shown under the row, or NULL. */
const char  *qa_item_score_row_get_hint          (QaItemScoreRow *self);

G_END_DECLS
