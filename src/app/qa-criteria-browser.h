/* qa-criteria-browser.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "qa-core.h"

G_BEGIN_DECLS

#define QA_TYPE_CRITERIA_BROWSER (qa_criteria_browser_get_type ())
G_DECLARE_FINAL_TYPE (QaCriteriaBrowser, qa_criteria_browser, QA, CRITERIA_BROWSER, GtkWidget)

/* The session's GB/T 19580 criteria, read-only: the tree of categories and items beside the
 * selected one's guidance (QaItemGuide) or the items of the selected category. */
GtkWidget         *qa_criteria_browser_new         (void);
QaSession         *qa_criteria_browser_get_session (QaCriteriaBrowser *self);
void               qa_criteria_browser_set_session (QaCriteriaBrowser *self,
                                                    QaSession         *session);
/* The rows as shown: each category (GtkTreeListRow of a QaCategory) followed by its items. */
GtkSelectionModel *qa_criteria_browser_get_model   (QaCriteriaBrowser *self);

G_END_DECLS
