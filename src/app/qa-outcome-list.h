/* qa-outcome-list.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What became of one file. */
typedef enum
{
  QA_OUTCOME_WRITTEN,    /* written or stored */
  QA_OUTCOME_UNCHANGED,  /* already there; nothing changed */
  QA_OUTCOME_REFUSED,    /* refused or failed; the detail says why */
} QaOutcome;

#define QA_TYPE_OUTCOME_LIST (qa_outcome_list_get_type ())
G_DECLARE_FINAL_TYPE (QaOutcomeList, qa_outcome_list, QA, OUTCOME_LIST, GtkWidget)

/* What became of each file of a batch (packages written, sheets imported) as it is worked
 * through: a summary, the file at work, and one row per file done saying what happened or
 * exactly why not. */
GtkWidget *qa_outcome_list_new          (void);
/* Empties the list and shows it busy under @summary. */
void       qa_outcome_list_start        (QaOutcomeList *self,
                                         const char    *summary);
/* Says which file is at work, e.g. “Checking E03-material.qasheet (2 of 7)…”. */
void       qa_outcome_list_set_progress (QaOutcomeList *self,
                                         const char    *progress);
void       qa_outcome_list_add          (QaOutcomeList *self,
                                         QaOutcome      outcome,
                                         const char    *title,
                                         const char    *detail);
/* Ends the batch under @summary. */
void       qa_outcome_list_finish       (QaOutcomeList *self,
                                         const char    *summary);
/* TRUE between qa_outcome_list_start() and qa_outcome_list_finish(). */
gboolean   qa_outcome_list_get_busy     (QaOutcomeList *self);
/* How many rows say @outcome. */
guint      qa_outcome_list_count        (QaOutcomeList *self,
                                         QaOutcome      outcome);

G_END_DECLS
