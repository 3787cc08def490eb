/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "qa-database.h"

G_BEGIN_DECLS

/* TRUE when applicant @id is registered; else QA_DOSSIER_ERROR_NOT_FOUND naming it. */
gboolean _qa_applicants_require (QaDatabase  *db,
                                 const char  *id,
                                 GError     **error);

G_END_DECLS
