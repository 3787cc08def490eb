/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The criteria and rule-profile loaders. */

#include "config.h"

#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(QaCriteria) criteria = qa_criteria_new_from_bytes (bytes, NULL);
  g_autoptr(QaProfile) profile = qa_profile_new_from_bytes (bytes, "fuzz.xml", NULL);

  if (criteria != NULL)
    (void)qa_criteria_get_band (criteria, QA_ITEM_KIND_PROCESS, 60);
  if (profile != NULL)
    (void)qa_profile_get_award_limit (profile);
  return 0;
}
