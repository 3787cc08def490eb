/* qa-list-growth.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A list view over @slice (a GtkSliceListModel at offset 0 in the view's model chain) shows a
 * screenful of rows in its first frame, a screenful more each frame after it up to the 200 rows
 * GTK builds, then the rest at once: GTK 4.8's
 * list views build up to 200 rows at once, however few are on screen, and a long list's
 * start-up was mostly those rows. @view is the list or column view; it grows while it is
 * mapped (holding _qa_pending_hold() meanwhile), and is whole when unmapped. Call it again
 * when the view is given another list (a new session): it starts again with a screenful. */
void     _qa_list_growth_start   (GtkWidget         *view,
                                  GtkSliceListModel *slice);

/* The whole list at once, now (for code that looks a row up by its position). */
void     _qa_list_growth_finish  (GtkWidget         *view);

G_END_DECLS
