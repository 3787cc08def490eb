/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "qa-session.h"

G_BEGIN_DECLS

/* Fills a session that has no applicants and no experts yet with a realistic demo: applicants of
 * Ganzhou with valid unified social credit codes, twelve experts (eleven of whom signed the
 * session's declaration; two fall short of Art. 11) and a few declared conflicts: enough that a
 * panel of five with an alternate is drawn from more experts than places.
 * All or nothing. */
gboolean qa_demo_populate (QaSession  *session,
                           GError    **error);

G_END_DECLS
