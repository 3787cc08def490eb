/* qa-exchange.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-exchange"

#include "config.h"

#include "qa-exchange-private.h"

char *
_qa_exchange_dup_file_name (const char *reviewer_id,
                            QaStage     stage,
                            const char *extension)
{
  g_return_val_if_fail (reviewer_id != NULL, NULL);
  g_return_val_if_fail (extension != NULL, NULL);

  return g_strdup_printf ("%s-%s.%s", reviewer_id, qa_stage_to_string (stage), extension);
}
