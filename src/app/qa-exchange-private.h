/* qa-exchange-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "qa-core.h"

G_BEGIN_DECLS

/* What the views exchanging review packages and score sheets name alike. */

/* The expert's name, or @expert_id when the pool does not know it. */
char *_qa_exchange_dup_expert_name (QaSession  *session,
                                    const char *expert_id);
/* “<reviewer>-<stage>.<extension>”, e.g. E03-material.qasheet, as the secretariat files them. */
char *_qa_exchange_dup_file_name   (const char *reviewer_id,
                                    QaStage     stage,
                                    const char *extension);

G_END_DECLS
