/* qa-exchange.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-exchange"

#include "config.h"

#include "qa-exchange-private.h"

char *
_qa_exchange_dup_expert_name (QaSession  *session,
                              const char *expert_id)
{
  g_autoptr(QaExpert) expert = NULL;

  g_return_val_if_fail (QA_IS_SESSION (session), NULL);
  g_return_val_if_fail (expert_id != NULL, NULL);

  expert = qa_experts_lookup (session, expert_id);
  return g_strdup (expert != NULL ? qa_expert_get_name (expert) : expert_id);
}

char *
_qa_exchange_dup_file_name (const char *reviewer_id,
                            QaStage     stage,
                            const char *extension)
{
  g_return_val_if_fail (reviewer_id != NULL, NULL);
  g_return_val_if_fail (extension != NULL, NULL);

  return g_strdup_printf ("%s-%s.%s", reviewer_id, qa_stage_to_string (stage), extension);
}
