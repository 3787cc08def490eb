/* qa-item-notes.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "qa-core.h"

G_BEGIN_DECLS

#define QA_TYPE_ITEM_NOTES (qa_item_notes_get_type ())
G_DECLARE_FINAL_TYPE (QaItemNotes, qa_item_notes, QA, ITEM_NOTES, GtkWidget)

/* The strengths and opportunities for improvement a reviewer writes for one item of a score
 * sheet, saved as they are typed: a moment after the last key, and at once when the keyboard
 * leaves them. What core would refuse is said as it is typed, and what was typed stays.
 *
 * ::leave (gboolean forward) is emitted when the keyboard leaves the notes: Tab from the last
 * field (forward, to the next item), Shift+Tab from the first or Escape (back to the item). */
GtkWidget *qa_item_notes_new        (void);
/* Shows the notes of @score in @sheet (NULL for none), saving those shown before. */
void       qa_item_notes_set_score  (QaItemNotes  *self,
                                     QaScoreSheet *sheet,
                                     QaItemScore  *score);
/* Saves what is still being typed. */
void       qa_item_notes_save       (QaItemNotes  *self);
/* Moves the keyboard to the strengths; FALSE while the item has no percentage (its notes are
 * kept with its score). */
gboolean   qa_item_notes_focus      (QaItemNotes  *self);

G_END_DECLS
