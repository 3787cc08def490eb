/* qa-dossier-form.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "qa-core.h"

G_BEGIN_DECLS

#define QA_TYPE_DOSSIER_FORM (qa_dossier_form_get_type ())
G_DECLARE_FINAL_TYPE (QaDossierForm, qa_dossier_form, QA, DOSSIER_FORM, GtkWidget)

/* The basic information of a dossier as a form that writes what is typed into the dossier and
 * checks each field as it is typed. */
GtkWidget  *qa_dossier_form_new           (void);
QaDossier  *qa_dossier_form_get_dossier   (QaDossierForm  *self);
/* Shows @dossier; the reference can be typed only in a new one. */
void        qa_dossier_form_set_dossier   (QaDossierForm  *self,
                                           QaDossier      *dossier,
                                           gboolean        is_new);
/* A self-assessment is points out of @max_points, the session's criteria's total. */
void        qa_dossier_form_set_max_points (QaDossierForm *self,
                                            guint          max_points);
/* Every field holds a value the dossier may be saved with. */
gboolean    qa_dossier_form_is_valid      (QaDossierForm  *self);
/* The entry (a GtkEditable) of a text field; the notes are a GtkTextView. */
GtkWidget  *qa_dossier_form_get_field     (QaDossierForm  *self,
                                           QaDossierField  field);
/* What is wrong with a field, as shown under it, or NULL. */
const char *qa_dossier_form_get_problem   (QaDossierForm  *self,
                                           QaDossierField  field);

G_END_DECLS
