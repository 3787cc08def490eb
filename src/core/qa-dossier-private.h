/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "qa-dossier.h"

G_BEGIN_DECLS

/* The checks qa_dossier_check() makes of a dossier's text fields (@text, indexed by
 * QaDossierField, NULL when empty) and its self-assessment (@self_score, < 0 when none), for a
 * caller holding them outside a QaDossier (a bulk import): each problem is appended to
 * @problems (QaFieldProblem). */
void _qa_dossier_check_fields (const char * const *text,
                               double              self_score,
                               const char         *today,
                               guint               max_points,
                               GPtrArray          *problems);

G_END_DECLS
