/* qa-restore-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define QA_TYPE_RESTORE_DIALOG (qa_restore_dialog_get_type ())
G_DECLARE_FINAL_TYPE (QaRestoreDialog, qa_restore_dialog, QA, RESTORE_DIALOG, AdwWindow)

/* Offers the automatic backups of the session file @session_path, newest first, and any other
 * backup file; "backup-chosen" gives the path of the one picked. Nothing is restored here. */
QaRestoreDialog *qa_restore_dialog_new         (GtkWindow       *parent,
                                                const char      *session_path);
/* The backups offered: a list of paths (GtkStringObject), newest first. */
GListModel      *qa_restore_dialog_get_backups (QaRestoreDialog *self);
/* Picks @backup, as activating its row or choosing a file does, and closes. */
void             qa_restore_dialog_choose      (QaRestoreDialog *self,
                                                const char      *backup);
/* When the backup @path was written, in local time, e.g. 2026-11-25 14:05. */
char            *qa_restore_dialog_dup_time    (const char      *path);

G_END_DECLS
