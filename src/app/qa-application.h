/* qa-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define QA_TYPE_APPLICATION (qa_application_get_type ())
G_DECLARE_FINAL_TYPE (QaApplication, qa_application, QA, APPLICATION, AdwApplication)

QaApplication *qa_application_new       (void);
/* Shows the session database at @path: in the window already showing it, else in a new one.
 * With @with_demo a new or empty file is given the demo session (the default database). When
 * the file cannot be opened, says why: in a dialog over @parent if it shows a session,
 * otherwise in the window itself. */
void           qa_application_open_path (QaApplication *self,
                                         const char    *path,
                                         gboolean       with_demo,
                                         GtkWindow     *parent);

G_END_DECLS
