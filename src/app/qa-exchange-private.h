/* qa-exchange-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "qa-core.h"

G_BEGIN_DECLS

/* What the views exchanging review packages and score sheets name alike. */

/* “<reviewer>-<stage>.<extension>”, e.g. E03-material.qasheet, as the secretariat files them. */
char *_qa_exchange_dup_file_name   (const char *reviewer_id,
                                    QaStage     stage,
                                    const char *extension);

G_END_DECLS
