/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "qa-audit.h"

G_BEGIN_DECLS

/* Appends an entry for the change being made; call it inside the change's transaction so both
 * stand or fall together. @before and @after describe the values (NULL when there are none). */
gboolean _qa_audit_append (QaDatabase  *db,
                           const char  *action,
                           const char  *subject_kind,
                           const char  *subject_id,
                           const char  *before,
                           const char  *after,
                           GError     **error);

G_END_DECLS
