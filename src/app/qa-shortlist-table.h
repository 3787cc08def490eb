/* qa-shortlist-table.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "qa-core.h"

G_BEGIN_DECLS

#define QA_TYPE_SHORTLIST_TABLE (qa_shortlist_table_get_type ())
G_DECLARE_FINAL_TYPE (QaShortlistTable, qa_shortlist_table, QA, SHORTLIST_TABLE, GtkWidget)

/* The ranked table of the candidate list, each status with its reason. */
GtkWidget *qa_shortlist_table_new      (void);
/* Shows @rows (QaShortlistItem), which the table follows as they change. */
void       qa_shortlist_table_set_rows (QaShortlistTable *self,
                                        GListModel       *rows);

G_END_DECLS
