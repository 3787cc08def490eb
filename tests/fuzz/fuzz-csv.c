/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The CSV importers: applicants, experts and conflicts, from the parser to the database. */

#include "config.h"

#include "fuzz-common.h"
#include "qa-database-private.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  QaSession *session = fuzz_session ();
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(QaCsvTable) table = NULL;

  table = qa_csv_table_parse (bytes, "fuzz.csv", NULL);
  if (table != NULL)
    for (guint row = 0; row < qa_csv_table_get_n_rows (table); row++)
      (void)qa_csv_table_get (table, row, "id");

  /* Whatever is accepted is removed again, so every input meets the same session. */
  if (qa_applicants_import_csv (session, bytes, "fuzz.csv", NULL, NULL))
    g_assert (_qa_database_exec (qa_session_get_database (session),
                                 "DELETE FROM applicant WHERE id NOT LIKE 'A0_'", NULL));
  if (qa_experts_import_csv (session, bytes, "fuzz.csv", NULL, NULL))
    g_assert (_qa_database_exec (qa_session_get_database (session),
                                 "DELETE FROM expert WHERE id NOT LIKE 'E0_'", NULL));
  if (qa_experts_import_conflicts_csv (session, bytes, "fuzz.csv", NULL, NULL))
    g_assert (_qa_database_exec (qa_session_get_database (session),
                                 "DELETE FROM conflict WHERE source <> 'declared'", NULL));
  return 0;
}
