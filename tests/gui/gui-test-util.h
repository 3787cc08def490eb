/* gui-test-util.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the GUI tests share: running the main loop until something happens, and reading what is
 * on screen.
 */

#pragma once

#include <adwaita.h>
#include <check.h>

#include "qa-dossiers-view.h"

G_BEGIN_DECLS

/* Runs the main loop until @done says so or five seconds pass; FALSE on timeout. */
gboolean    gui_test_iterate_until          (gboolean  (*done) (gpointer),
                                             gpointer    data);
/* Runs the main loop until nothing is pending. */
void        gui_test_settle                 (void);
gboolean    gui_test_widget_is_mapped       (gpointer    widget);
/* Removes a flat temporary folder and its files. */
void        gui_test_remove_tmpdir          (const char *path);

/* Every label and text view on screen under @root, one a line, starting with a newline. */
char       *gui_test_dup_visible_text       (GtkWidget  *root);
void        gui_test_assert_on_screen       (GtkWidget  *root,
                                             const char *expected);
/* A label reading exactly @expected. */
gboolean    gui_test_wait_on_screen         (GtkWidget  *root,
                                             const char *expected);
void        gui_test_assert_label_on_screen (GtkWidget  *root,
                                             const char *expected);
void        gui_test_assert_not_on_screen   (GtkWidget  *root,
                                             const char *unexpected);

/* The newest shown toplevel of @type other than @except, or NULL. */
GtkWindow  *gui_test_find_window            (GType       type,
                                             GtkWindow  *except);
/* Waits for a window of @type other than @except to come up, and returns it on screen. */
GtkWindow  *gui_test_wait_for_window        (GType       type,
                                             GtkWindow  *except);
/* A widget of @type on screen under @root (itself included) holding a label that reads @label
 * (mnemonics removed), e.g. a button; NULL when there is none. */
GtkWidget  *gui_test_find_labelled          (GtkWidget  *root,
                                             GType       type,
                                             const char *label);
/* The first widget under @root (itself included, depth first) that @match says TRUE of. */
typedef gboolean (*GuiTestMatch) (GtkWidget     *widget,
                                  gconstpointer  data);
GtkWidget  *gui_test_find_matching          (GtkWidget    *root,
                                             GuiTestMatch  match,
                                             gconstpointer data);
/* The first widget of @type under @root (itself included), shown or not. */
GtkWidget  *gui_test_find_widget            (GtkWidget  *root,
                                             GType       type);

/* Fails when two mnemonics (Alt+letter, the underlined letter of a label or button) on screen in
 * @root's window clash; a popover on screen is checked apart, as GTK resolves its mnemonics
 * apart. @where names what is shown, for the message. */
void        gui_test_assert_unique_mnemonics (GtkWidget  *root,
                                              const char *where);
/* The same as text: one line per clash, empty when there is none. */
char       *gui_test_dup_mnemonic_clashes    (GtkWidget  *root,
                                              const char *where);

/* What pressing @accel (e.g. "<Control>s") with the focus on @focus does, as GTK resolves it:
 * the first shortcut bound to it on @focus or an ancestor (a widget class's key binding, a
 * shortcut controller) is activated there. Returns the widget whose shortcut ran, or NULL when
 * nothing is bound to @accel. */
GtkWidget  *gui_test_press_shortcut         (GtkWidget  *focus,
                                             const char *accel);

/* A PDF of @n_pages pages in @dir, each page saying its number. */
GFile      *gui_test_write_pdf              (const char *dir,
                                             const char *name,
                                             guint       n_pages);
/* Runs @suite the way every GUI test program does: GTK and libadwaita set up, animations off
 * (what is asserted is what is on screen), materials cached in a scratch folder, and every test
 * in this process (GTK cannot survive a fork). Returns the exit status. */
int         gui_test_run                    (Suite      *suite);
void        gui_test_add_no_poppler_case    (Suite      *suite,
                                             SFun        setup,
                                             SFun        teardown,
                                             const TTest *test);

/* Selects, as a click does, the row of the list or column view @list that shows a label reading
 * exactly @text, scrolling down to it when it is out of sight; FALSE when no row shows it. */
gboolean    gui_test_click_row_showing      (GtkWidget  *list,
                                             const char *text);
/* The first widget of @type on screen under @root (itself included), or NULL. */
GtkWidget  *gui_test_find_mapped_widget     (GtkWidget  *root,
                                             GType       type);
/* The first widget on screen under @root whose tooltip reads @tooltip, or NULL. */
GtkWidget  *gui_test_find_by_tooltip        (GtkWidget  *root,
                                             const char *tooltip);
/* Picks the row reading @label (NULL: the first row) in the drop-down @drop_down on screen, as a
 * user does from its popover; the drop-down must offer it. */
void        gui_test_pick_in_drop_down      (GtkWidget  *drop_down,
                                             const char *label);

/* Selects the applicant @id in the dossier list, as a click on its row does, and settles. */
void        gui_test_select_applicant       (QaDossiersView *view,
                                             const char     *id);

G_END_DECLS
