/* qa-shortlist-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "qa-core.h"

G_BEGIN_DECLS

#define QA_TYPE_SHORTLIST_VIEW (qa_shortlist_view_get_type ())
G_DECLARE_FINAL_TYPE (QaShortlistView, qa_shortlist_view, QA, SHORTLIST_VIEW, GtkWidget)

GtkWidget *qa_shortlist_view_new         (void);
QaSession *qa_shortlist_view_get_session (QaShortlistView *self);
void       qa_shortlist_view_set_session (QaShortlistView *self,
                                          QaSession       *session);

G_END_DECLS
