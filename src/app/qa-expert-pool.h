/* qa-expert-pool.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "qa-core.h"

G_BEGIN_DECLS

#define QA_TYPE_EXPERT_POOL (qa_expert_pool_get_type ())
G_DECLARE_FINAL_TYPE (QaExpertPool, qa_expert_pool, QA, EXPERT_POOL, GtkWidget)

/* The session's expert pool as a searchable, sortable list. "selected-expert" is the expert
 * picked (QaExpert) or NULL; it is notified again when the pool is read anew after a write, so
 * whatever shows the expert shows them as they are now. Its import menu uses the page's
 * "experts.import-experts" and "experts.import-conflicts" actions. */
GtkWidget         *qa_expert_pool_new                 (void);
QaSession         *qa_expert_pool_get_session         (QaExpertPool *self);
void               qa_expert_pool_set_session         (QaExpertPool *self,
                                                       QaSession    *session);
void               qa_expert_pool_focus_search        (QaExpertPool *self);
/* The pool as shown: filtered by the search, in the column view's sort order. */
GtkSelectionModel *qa_expert_pool_get_model           (QaExpertPool *self);
GtkEditable       *qa_expert_pool_get_search_entry    (QaExpertPool *self);
QaExpert          *qa_expert_pool_get_selected_expert (QaExpertPool *self);

G_END_DECLS
