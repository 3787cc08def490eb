/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Fixtures for the review stages: the demo session with its material panel formed, scores and
 * sheets written straight into the session (as an import would leave them), so that consensus
 * and stage tests can set up hand-computed cases quickly. test-sheet.c covers the real import. */

#include <string.h>

#include "qa-database-private.h"
#include "qa-test.h"

/* The material panel: E01 chairs, E01–E07 score. Ties in the demo: E04–A02, E07–A04, E02–A06,
 * so A02, A04 and A06 have six scorers and A01 and A07 seven. */
G_GNUC_UNUSED static const char * const qa_test_panel[] = {
  "E01", "E02", "E03", "E04", "E05", "E06", "E07", NULL
};

static inline void
qa_test_exec (const char *format,
              ...) G_GNUC_PRINTF (1, 2);

static inline void
qa_test_exec (const char *format,
              ...)
{
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  ck_assert_msg (_qa_database_exec (qa_session_get_database (session), sql, &error),
                 "%s: %s", sql, error ? error->message : "");
}

static inline int
qa_test_query_int (const char *sql)
{
  sqlite3_stmt *stmt = _qa_database_prepare (qa_session_get_database (session), sql, NULL);
  int value;

  ck_assert_ptr_nonnull (stmt);
  ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

/* Every applicant judged on Art. 13(5), the check stored, and the stage's panel formed. */
static inline void
qa_test_form_panel (QaStage stage)
{
  g_autoptr(GError) error = NULL;

  ck_assert_msg (qa_panel_form (session, stage, "E01", qa_test_panel, NULL, &error),
                 "%s", error ? error->message : "");
}

static inline void
qa_test_judge_all (void)
{
  g_autoptr(GError) error = NULL;
  GListModel *applicants = qa_session_get_applicants (session);

  for (guint i = 0; i < g_list_model_get_n_items (applicants); i++)
    {
      g_autoptr(QaApplicant) applicant = g_list_model_get_item (applicants, i);

      ck_assert (qa_applicants_judge (session, qa_applicant_get_id (applicant), 5, TRUE, NULL, &error));
    }
  ck_assert (qa_applicants_store_eligibility (session, &error));
}

/* The demo, judged, with the material panel formed; the operator is the chair. */
static inline void
qa_test_setup_material (void)
{
  qa_test_setup_demo ();
  qa_test_judge_all ();
  qa_test_form_panel (QA_STAGE_MATERIAL);
  qa_database_set_operator (qa_session_get_database (session), "王建国", "chair");
}

static inline void
qa_test_put_score (QaStage     stage,
                   const char *reviewer,
                   const char *applicant,
                   const char *item,
                   int         percent,
                   const char *strengths,
                   const char *improvements)
{
  sqlite3_stmt *stmt = _qa_database_prepare (qa_session_get_database (session),
                                             "INSERT OR REPLACE INTO score (stage, expert_id, applicant_id, item, "
                                             "percent, strengths, improvements, updated_at) "
                                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, '2026-11-10T08:00:00Z')",
                                             NULL);

  ck_assert_ptr_nonnull (stmt);
  sqlite3_bind_text (stmt, 1, qa_stage_to_string (stage), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, reviewer, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, applicant, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, item, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 5, percent);
  sqlite3_bind_text (stmt, 6, strengths, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, improvements, -1, SQLITE_TRANSIENT);
  ck_assert_int_eq (sqlite3_step (stmt), SQLITE_DONE);
}

/* Scores every item of @applicant at @percent by each reviewer assigned to it. */
static inline void
qa_test_fill (QaStage     stage,
              const char *applicant,
              int         percent)
{
  qa_test_exec ("INSERT OR REPLACE INTO score (stage, expert_id, applicant_id, item, percent, updated_at) "
                "SELECT a.stage, a.expert_id, a.applicant_id, i.code, %d, '2026-11-10T08:00:00Z' "
                "FROM assignment a, item i WHERE a.stage = '%s' AND a.applicant_id = '%s'",
                percent, qa_stage_to_string (stage), applicant);
}

/* Marks @reviewer's sheet for @stage as imported. */
static inline void
qa_test_put_sheet (QaStage     stage,
                   const char *reviewer)
{
  qa_test_exec ("INSERT OR REPLACE INTO sheet (stage, expert_id, revision, sha256, imported_at) "
                "VALUES ('%s', '%s', 1, '%064d', '2026-11-11T08:00:00Z')",
                qa_stage_to_string (stage), reviewer, 0);
}

static inline void
qa_test_put_all_sheets (QaStage stage)
{
  for (guint i = 0; qa_test_panel[i] != NULL; i++)
    qa_test_put_sheet (stage, qa_test_panel[i]);
}

/* The consensus item of @applicant / @item, from a fresh computation (owned by @items). */
static inline const QaConsensusItem *
qa_test_find_item (GPtrArray  *items,
                   const char *applicant,
                   const char *item)
{
  for (guint i = 0; i < items->len; i++)
    {
      const QaConsensusItem *c = g_ptr_array_index (items, i);

      if (strcmp (c->applicant_id, applicant) == 0 && strcmp (c->item, item) == 0)
        return c;
    }
  ck_abort_msg ("no consensus item %s %s", applicant, item);
  return NULL;
}

/* The text pdftotext finds in @path. */
static inline char *
qa_test_pdf_text (const char *path)
{
  const char *pdftotext = g_getenv ("PDFTOTEXT");
  const char *argv[] = { pdftotext != NULL ? pdftotext : "pdftotext", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int wait_status = 0;

  ck_assert_msg (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &wait_status, &error),
                 "%s", error ? error->message : "");
  ck_assert_msg (g_spawn_check_wait_status (wait_status, NULL), "pdftotext failed on %s", path);
  return out;
}
