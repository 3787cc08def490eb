/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The score-sheet importer: hostile XML, the XSD, the signature and the import rules. */

#include "config.h"

#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autofree char *reviewer = NULL;

  (void)qa_sheet_import (fuzz_session (), bytes, "fuzz.qasheet", NULL, &reviewer, NULL);
  return 0;
}
