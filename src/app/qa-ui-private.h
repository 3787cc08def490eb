/* qa-ui-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "qa-core.h"

G_BEGIN_DECLS

/* Unparents what is left of @widget's template after gtk_widget_dispose_template(), which lets go
 * only of the children it binds. */
void       _qa_ui_dispose_children  (GtkWidget   *widget);
/* A search entry's stop-search handler (Escape): empties the entry. Bound in templates as
 * stop_search_cb, swapped, so @owner is the view the entry belongs to. */
void       _qa_ui_stop_search_cb    (gpointer        owner,
                                     GtkSearchEntry *entry);
/* Tooltips in Chinese as wide as their text needs, not one character a line (GTK 4.8). Once
 * per process, at start-up. */
void       _qa_ui_unwrap_tooltips   (void);
/* The window holding @widget, or NULL while it is not in one. */
GtkWindow *_qa_ui_get_window        (GtkWidget   *widget);
/* Tells the user that something was refused or failed: @heading says what, @message (the
 * core's, shown in full) says why. */
void       _qa_ui_show_error        (GtkWidget   *widget,
                                     const char  *heading,
                                     const char  *message);
/* Shows @toast (taking it) in the nearest toast overlay around @widget. */
void       _qa_ui_add_toast         (GtkWidget   *widget,
                                     AdwToast    *toast);
/* Gives @toast an Open button that shows @file in the program the desktop has for it, over
 * @widget's window. */
void       _qa_ui_toast_open_file   (AdwToast    *toast,
                                     GtkWidget   *widget,
                                     GFile       *file);
/* A file @name in a folder of the program's cache that only this user can read, made when
 * missing. */
GFile     *_qa_ui_dup_private_file  (const char  *folder,
                                     const char  *name,
                                     GError     **error);
/* Deletes the files left in that folder: copies of materials (trade secrets among them) that a
 * crash kept from being removed. Returns how many were removed. */
guint      _qa_ui_remove_private_files (const char *folder);

/* How a stored time or date is shown: @iso is ISO 8601 in UTC (“2026-12-07T05:35:42Z”), shown
 * in local time in the user's language (“2026年12月7日 13:35”, “Dec 7, 2026 13:35”); a plain
 * date (“2026-12-07”) is shown as a date alone. NULL for NULL; what does not parse is returned as
 * it is. (The audit list keeps its sortable “2026-12-07 13:35:42”, which its day filter reads.) */
char      *_qa_ui_dup_local_time    (const char  *iso);

/* A file chooser for @widget's window, modal. */
GtkFileChooserNative *_qa_ui_file_chooser_new (GtkWidget            *widget,
                                               const char           *title,
                                               GtkFileChooserAction  action,
                                               const char           *accept_label);
/* Offers the files @pattern (and @mime_type, when not NULL) match under @name. */
void       _qa_ui_add_file_filter   (GtkFileChooserNative *chooser,
                                     const char           *name,
                                     const char           *mime_type,
                                     const char           *pattern);
/* What runs once the user has picked @file in @chooser, whose choices may still be read. */
typedef void (*QaFileChosenFunc) (GtkWidget      *widget,
                                  GFile          *file,
                                  GtkFileChooser *chooser);
/* Shows @chooser (taken) and calls @chosen unless the user cancels or @widget is gone. */
void       _qa_ui_run_file_chooser  (GtkFileChooserNative *chooser,
                                     GtkWidget            *widget,
                                     QaFileChosenFunc      chosen);

/* A factory of list rows that are each a label, start-aligned and cut short with “…”, which @bind
 * (a GtkSignalListItemFactory::bind handler, passed @user_data) fills. @destroy, when not NULL,
 * frees @user_data with the factory. */
GtkListItemFactory *_qa_ui_label_factory_new (GCallback       bind,
                                              gpointer        user_data,
                                              GDestroyNotify  destroy);
/* Gives @column a factory whose rows @setup makes and @bind fills (GtkSignalListItemFactory
 * handlers), both passed @data, e.g. which kind of cell the column shows. */
void       _qa_ui_column_set_factory (GtkColumnViewColumn *column,
                                      GCallback            setup,
                                      GCallback            bind,
                                      gpointer             data);

/* The session's row of applicant @id (borrowed), or NULL. */
QaApplicant *_qa_ui_find_applicant  (QaSession   *session,
                                     const char  *id);

/* @label shows its whole text as its tooltip when the text is cut short. */
void        _qa_ui_label_tooltip_when_ellipsized (GtkLabel *label);

/* How an Art. 13 outcome looks: a symbolic icon (NULL when unchecked) and a style class. */
const char *_qa_ui_eligibility_icon_name (QaEligibility  eligibility);
const char *_qa_ui_eligibility_style     (QaEligibility  eligibility);

/* The style classes of an applicant's status pill: "status-pill" and its tone. */
char      **_qa_ui_dup_status_classes    (QaApplicantStatus status);

/* A key and the named action it activates, e.g. { GDK_KEY_u, GDK_CONTROL_MASK, "scoring.next" }. */
typedef struct
{
  guint            keyval;
  GdkModifierType  modifiers;
  const char      *action_name;
} QaKeyShortcut;

/* Lets @keys activate their actions on @widget in the capture phase: before any child's own
 * use of the key (a text field typing “+”, a scrolled window's Ctrl+Page Down). */
void        _qa_ui_add_capture_shortcuts (GtkWidget           *widget,
                                          const QaKeyShortcut *keys,
                                          guint                n_keys);

/* Lets only digits be typed into @editable (a percentage field). */
void        _qa_ui_accept_digits_only    (GtkEditable         *editable);

/* Replaces *@slot by @session (either may be NULL) and has @refresh called, swapped, on @widget
 * after every change written to the session; NULL lets go of the session. */
void        _qa_ui_follow_session        (gpointer             widget,
                                          QaSession          **slot,
                                          QaSession           *session,
                                          GCallback            refresh);

G_END_DECLS
