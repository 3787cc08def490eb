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
void       qa_shortlist_view_set_role    (QaShortlistView *self,
                                          QaRole           role);
/* Reads the shortlist again from the session (what core computes, or the confirmed list). */
void       qa_shortlist_view_reload      (QaShortlistView *self);
/* Shows @result (taken; NULL for none yet), confirmed by the committee on @confirmed_on
 * (YYYY-MM-DD) or not yet (NULL). */
void       qa_shortlist_view_set_result  (QaShortlistView   *self,
                                          QaShortlistResult *result,
                                          const char        *confirmed_on);
/* The rows shown (QaShortlistItem). */
GListModel *qa_shortlist_view_get_rows   (QaShortlistView *self);
/* @format is "csv", "xlsx", "pdf" or "xml". Errors are shown to the user; FALSE then. */
gboolean   qa_shortlist_view_export      (QaShortlistView *self,
                                          GFile           *file,
                                          const char      *format);
/* Prints the list, or exports what would be printed to @export_path when it is not NULL. */
void       qa_shortlist_view_print       (QaShortlistView *self,
                                          const char      *export_path);
/* Records the committee's plenary decision of @date (YYYY-MM-DD): the list is frozen. */
gboolean   qa_shortlist_view_confirm     (QaShortlistView *self,
                                          const char      *date);
/* Opens the public notice from @date (NULL: today). */
gboolean   qa_shortlist_view_open_notice (QaShortlistView *self,
                                          const char      *date);

G_END_DECLS
