/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "qa-session.h"

G_BEGIN_DECLS

/* The stage names of the review stages, as stored: "material" / "site". */
gboolean _qa_stage_is_review (QaStage stage);

G_END_DECLS
