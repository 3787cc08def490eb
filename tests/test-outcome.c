/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The outcome on a real session (Art. 4, 7, 16(5)–(7), 21, 22): the demo driven through the
 * review stages by the core paths, then the shortlist, its confirmation, the public notice,
 * every refusal of an objection with the database unchanged, the approval, the certificates
 * and what follows; the exports read back; Gansu's nominees. */

#include "config.h"

#include <string.h>

#include "qa-database-private.h"
#include "qa-test.h"

static char *template_dir;
static char *ganzhou_template;
static char *gansu_template;
static char *vacant_template;

/* Ganzhou's profile with a bar nobody in the demo reaches. */
static QaProfile *
strict_profile (void)
{
  g_autoptr(QaProfile) ganzhou = qa_profile_new_from_id ("ganzhou", NULL);
  gsize length = 0;
  const char *text = g_bytes_get_data (qa_profile_get_bytes (ganzhou), &length);
  g_autofree char *copy = g_strndup (text, length);
  g_auto(GStrv) parts = g_strsplit (copy, "award=\"500\"", 2);
  g_autofree char *edited = g_strjoinv ("award=\"900\"", parts);
  g_autoptr(GBytes) bytes = g_bytes_new (edited, strlen (edited));
  g_autoptr(GError) error = NULL;
  QaProfile *profile = qa_profile_new_from_bytes (bytes, "strict.xml", &error);

  if (profile == NULL)
    g_error ("%s", error->message);
  return profile;
}

/* A new session of @profile_id, its demo driven to the end of the site review. */
static char *
make_template (const char *profile_id)
{
  g_autofree char *path = g_strdup_printf ("%s/%s.db", template_dir, profile_id);
  g_autoptr(GError) error = NULL;
  g_autoptr(QaDatabase) db = qa_database_open (path, &error);
  g_autoptr(QaProfile) profile = g_strcmp0 (profile_id, "strict") == 0
                                 ? strict_profile ()
                                 : qa_profile_new_from_id (profile_id, &error);
  g_autoptr(QaSession) made = NULL;

  g_assert_nonnull (db);
  g_assert_nonnull (profile);
  g_assert_true (qa_session_create (db, profile, 2026, NULL, &error));
  made = qa_session_new (db, &error);
  g_assert_nonnull (made);
  if (!qa_demo_populate (made, &error) || !qa_demo_advance (made, "site", &error))
    g_error ("%s", error->message);
  return g_steal_pointer (&path);
}

/* Fixture: a copy of a template in the scratch folder, opened as the secretariat. */
static void
open_copy (const char *template)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(QaSession) source = NULL;

  qa_test_setup_tmpdir ();
  path = g_build_filename (tmpdir, "session.db", NULL);
  source = qa_session_open (template, &error);
  ck_assert_msg (source != NULL, "%s", error ? error->message : "");
  ck_assert (qa_database_backup (qa_session_get_database (source), path, QA_OUTPUT_NONE, &error));
  session = qa_session_open (path, &error);
  ck_assert_msg (session != NULL, "%s", error ? error->message : "");
  qa_database_set_operator (qa_session_get_database (session), "秘书处测试", "secretariat");
}

static void
setup_ganzhou (void)
{
  open_copy (ganzhou_template);
}

static void
setup_gansu (void)
{
  open_copy (gansu_template);
}

static void
setup_vacant (void)
{
  open_copy (vacant_template);
}

/* What the outcome's tables hold, to prove a refusal changed nothing. */
static char *
snapshot (void)
{
  sqlite3_stmt *stmt;
  char *text;

  stmt = _qa_database_prepare (qa_session_get_database (session),
                               "SELECT (SELECT stage FROM session) || '|' || "
                               "coalesce ((SELECT group_concat (id || applicant_id || status || "
                               "coalesce (objector, '') || coalesce (contact, '') || received_on, ';') "
                               "FROM objection), '') || '|' || "
                               "coalesce ((SELECT starts_on || ends_on FROM public_notice), '') || '|' || "
                               "coalesce ((SELECT decided_on FROM shortlist_confirmation), '') || '|' || "
                               "(SELECT count (*) FROM shortlist_entry) || '|' || "
                               "coalesce ((SELECT group_concat (applicant_id || certificate_number || status, ';') "
                               "FROM award), '') || '|' || "
                               "coalesce ((SELECT group_concat (id || status, ';') FROM applicant), '')",
                               NULL);
  ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
  text = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return text;
}

static const QaShortlistRow *
row_of (QaShortlistResult *result,
        const char        *id)
{
  for (guint i = 0; i < result->rows->len; i++)
    {
      const QaShortlistRow *row = g_ptr_array_index (result->rows, i);

      if (g_strcmp0 (row->applicant_id, id) == 0)
        return row;
    }
  ck_abort_msg ("no row for %s", id);
  return NULL;
}

static QaShortlistResult *
shortlist (void)
{
  g_autoptr(GError) error = NULL;
  QaShortlistResult *result = qa_outcome_shortlist (session, &error);

  ck_assert_msg (result != NULL, "%s", error ? error->message : "");
  return result;
}

static void
confirm_and_open (void)
{
  g_autoptr(GError) error = NULL;

  ck_assert_msg (qa_outcome_confirm (session, "2026-10-30", &error), "%s",
                 error ? error->message : "");
  ck_assert_msg (qa_outcome_open_notice (session, "2026-11-02", &error), "%s",
                 error ? error->message : "");
}

/* The refused change named @article and left the outcome's tables as they were. */
static void
assert_refused_unchanged (const char *before,
                          GError     *error,
                          const char *article)
{
  g_autofree char *after = snapshot ();

  ck_assert_ptr_nonnull (error);
  ck_assert_msg (strstr (error->message, article) != NULL, "“%s” does not name %s",
                 error->message, article);
  ck_assert_str_eq (before, after);
}

START_TEST (test_refused_before_site_closed)
{
  g_autofree char *path = g_build_filename (tmpdir, "early.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(QaSession) early = NULL;
  g_autoptr(QaShortlistResult) result = NULL;

  early = qa_session_open_with_demo (path, &error);
  ck_assert_ptr_nonnull (early);
  ck_assert (qa_demo_advance (early, "eligibility", &error));
  result = qa_outcome_shortlist (early, &error);
  ck_assert_ptr_null (result);
  ck_assert (g_error_matches (error, QA_OUTCOME_ERROR, QA_OUTCOME_ERROR_STAGE));
  ck_assert_ptr_nonnull (strstr (error->message, "Art. 16(5)"));
  g_clear_error (&error);
  ck_assert (!qa_outcome_confirm (early, "2026-10-30", &error));
}
END_TEST

static void
progress_read_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Reads the progress in its worker thread and waits for it, as the window does. */
static QaProgress *
read_progress_async (QaSession     *shown,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  qa_session_get_progress_async (shown, cancellable, progress_read_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return qa_session_get_progress_finish (shown, result, error);
}

static void
assert_stage_progress_eq (const QaStageProgress *a,
                          const QaStageProgress *b)
{
  ck_assert_int_eq (a->stage, b->stage);
  ck_assert_int_eq (a->panel_formed, b->panel_formed);
  ck_assert_int_eq (a->closed, b->closed);
  ck_assert_str_eq (a->closed_at ? a->closed_at : "", b->closed_at ? b->closed_at : "");
  ck_assert_uint_eq (a->applicants, b->applicants);
  ck_assert_uint_eq (a->sheets_expected, b->sheets_expected);
  ck_assert_uint_eq (a->sheets_received, b->sheets_received);
  ck_assert_uint_eq (a->items_total, b->items_total);
  ck_assert_uint_eq (a->items_agreed, b->items_agreed);
  ck_assert_uint_eq (a->items_recorded, b->items_recorded);
  ck_assert_uint_eq (a->items_stale, b->items_stale);
  ck_assert_uint_eq (a->items_to_agree, b->items_to_agree);
  ck_assert_uint_eq (a->missing->len, b->missing->len);
  for (guint i = 0; i < a->missing->len; i++)
    ck_assert_str_eq (g_ptr_array_index (a->missing, i), g_ptr_array_index (b->missing, i));
}

/* Where the session stands, read in a worker thread on its own connection, is what the
 * session's connection reads, at every point of the procedure; and a cancelled reading says so. */
START_TEST (test_progress_read_in_a_thread)
{
  static const char * const points[] = { "eligibility", "material", "site", "shortlist", "notice", "award" };
  g_autofree char *path = g_build_filename (tmpdir, "progress.db", NULL);
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QaSession) shown = NULL;
  g_autoptr(QaProgress) refused = NULL;

  shown = qa_session_open_with_demo (path, &error);
  ck_assert_ptr_nonnull (shown);
  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      g_autoptr(QaProgress) now = NULL;
      g_autoptr(QaProgress) read = NULL;

      ck_assert_msg (qa_demo_advance (shown, points[i], &error), "%s: %s", points[i],
                     error ? error->message : "");
      now = qa_session_get_progress (shown, &error);
      ck_assert_ptr_nonnull (now);
      read = read_progress_async (shown, NULL, &error);
      ck_assert_msg (read != NULL, "%s: %s", points[i], error ? error->message : "");
      ck_assert_int_eq (read->current, now->current);
      ck_assert_str_eq (read->next_step, now->next_step);
      assert_stage_progress_eq (&read->material, &now->material);
      assert_stage_progress_eq (&read->site, &now->site);
    }

  g_cancellable_cancel (cancelled);
  refused = read_progress_async (shown, cancelled, &error);
  ck_assert_ptr_null (refused);
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
}
END_TEST

START_TEST (test_statuses_of_the_demo)
{
  g_autoptr(QaShortlistResult) result = shortlist ();
  g_autoptr(GListModel) model = qa_outcome_shortlist_model (result);
  g_autoptr(QaShortlistItem) first = NULL;
  g_autofree char *final = NULL;

  ck_assert (!result->vacant);
  ck_assert_int_eq (row_of (result, "A01")->status, QA_OUTCOME_CANDIDATE);
  ck_assert_int_eq (row_of (result, "A02")->status, QA_OUTCOME_CANDIDATE);
  ck_assert_int_eq (row_of (result, "A04")->status, QA_OUTCOME_CANDIDATE);
  ck_assert_int_eq (row_of (result, "A06")->status, QA_OUTCOME_OVER_LIMIT);
  ck_assert_str_eq (row_of (result, "A06")->reason, "Rank 4, limit 3 (Art. 4)");
  ck_assert_int_eq (row_of (result, "A07")->status, QA_OUTCOME_NOT_SITE_REVIEWED);
  ck_assert_ptr_nonnull (strstr (row_of (result, "A07")->reason, "< 400"));
  ck_assert_int_eq (row_of (result, "A03")->status, QA_OUTCOME_INELIGIBLE);
  ck_assert_int_eq (row_of (result, "A08")->status, QA_OUTCOME_INELIGIBLE);

  /* The exact totals behind it are the consensus helper's. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) totals = qa_consensus_totals (session, QA_STAGE_SITE, &error);

    ck_assert_ptr_nonnull (totals);
    for (guint i = 0; i < totals->len; i++)
      {
        const QaConsensusTotal *total = g_ptr_array_index (totals, i);

        if (total->scorers > 0)
          ck_assert_int_eq (row_of (result, total->applicant_id)->site_x100, total->total_x100);
      }
  }

  ck_assert_uint_eq (g_list_model_get_n_items (model), result->rows->len);
  first = g_list_model_get_item (model, 0);
  ck_assert_str_eq (qa_shortlist_item_get_row (first)->applicant_id, "A01");
  final = qa_shortlist_item_dup_final_score (first);
  ck_assert_str_eq (final, "695.3");
}
END_TEST

/* A closed stage has nothing left to agree: closing it accepted the profile's default for every
 * flagged item the chair did not record, so progress must not still count them as to agree. */
START_TEST (test_closed_stage_has_nothing_to_agree)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QaProgress) progress = qa_session_get_progress (session, &error);
  g_autoptr(GPtrArray) items = qa_consensus_compute (session, QA_STAGE_MATERIAL, NULL, &error);
  guint flagged_unrecorded = 0;

  ck_assert_ptr_nonnull (progress);
  ck_assert_ptr_nonnull (items);
  for (guint i = 0; i < items->len; i++)
    {
      const QaConsensusItem *item = g_ptr_array_index (items, i);

      if (item->flagged && !item->recorded)
        flagged_unrecorded++;
    }
  /* The demo leaves some flagged items at their defaults: otherwise this test proves nothing. */
  ck_assert_uint_gt (flagged_unrecorded, 0);
  ck_assert (progress->material.closed);
  ck_assert (progress->site.closed);
  ck_assert_uint_eq (progress->material.items_to_agree, 0);
  ck_assert_uint_eq (progress->site.items_to_agree, 0);
  ck_assert_uint_eq (progress->material.items_agreed, progress->material.items_total);
}
END_TEST

START_TEST (test_confirm_freezes)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *on = NULL;

  ck_assert (qa_outcome_confirm (session, "2026-10-30", &error));
  ck_assert_int_eq (qa_session_get_stage (session), QA_STAGE_NOTICE);
  on = qa_outcome_dup_confirmed_on (session);
  ck_assert_str_eq (on, "2026-10-30");
  ck_assert_uint_eq (qa_test_count_audit (qa_session_get_database (session), "shortlist.confirm"), 1);

  before = snapshot ();
  ck_assert (!qa_outcome_confirm (session, "2026-10-31", &error));
  assert_refused_unchanged (before, error, "Art. 16(6)");
  g_clear_error (&error);
  ck_assert (!qa_outcome_decide_tie (session, (const char *[]) { "A01", "A02", NULL },
                                     "2026-10-31", "late", &error));
  assert_refused_unchanged (before, error, "frozen");
  ck_assert_uint_eq (qa_test_count_audit (qa_session_get_database (session), "shortlist.confirm.refused"), 1);
}
END_TEST

START_TEST (test_notice_period)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = snapshot ();
  g_autofree char *starts_on = NULL;
  g_autofree char *ends_on = NULL;

  ck_assert (!qa_outcome_open_notice (session, "2026-11-02", &error));
  assert_refused_unchanged (before, error, "Art. 16(6)");
  g_clear_error (&error);

  confirm_and_open ();
  ck_assert (qa_outcome_get_notice (session, &starts_on, &ends_on));
  ck_assert_str_eq (starts_on, "2026-11-02");
  ck_assert_str_eq (ends_on, "2026-11-08");
  ck_assert (!qa_outcome_open_notice (session, "2026-11-09", &error));
}
END_TEST

START_TEST (test_objection_refusals)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = snapshot ();
  struct { const char *applicant, *objector, *contact, *received; const char *says; } cases[] = {
    { "A01", "李明", "13909360001", "2026-11-01", "outside the notice period" },
    { "A01", "李明", "13909360001", "2026-11-09", "outside the notice period" },
    { "A01", "", "13909360001", "2026-11-03", "--objector" },
    { "A01", "   ", "13909360001", "2026-11-03", "--objector" },
    { "A01", "李明", "", "2026-11-03", "--contact" },
    { "A06", "李明", "13909360001", "2026-11-03", "not a candidate" },
    { "A03", "李明", "13909360001", "2026-11-03", "not a candidate" },
    { "ZZ9", "李明", "13909360001", "2026-11-03", "not a candidate" },
  };

  /* No notice is open yet. */
  ck_assert_int_eq (qa_outcome_add_objection (session, "A01", "李明", "13909360001",
                                              "2026-11-03", "grounds", &error), 0);
  assert_refused_unchanged (before, error, "Art. 16(6)");
  g_clear_error (&error);

  confirm_and_open ();
  g_free (before);
  before = snapshot ();
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ck_assert_int_eq (qa_outcome_add_objection (session, cases[i].applicant, cases[i].objector,
                                                  cases[i].contact, cases[i].received, "grounds",
                                                  &error), 0);
      assert_refused_unchanged (before, error, "Art. 16(6)");
      ck_assert_msg (strstr (error->message, cases[i].says) != NULL, "case %u: %s", i,
                     error->message);
      g_clear_error (&error);
    }
  ck_assert_uint_eq (qa_test_count_audit (qa_session_get_database (session), "objection.add.refused"),
                     G_N_ELEMENTS (cases) + 1);

  /* The last day of the period is still in it. */
  ck_assert_int_gt (qa_outcome_add_objection (session, "A01", "李明", "13909360001", "2026-11-08",
                                              "grounds", &error), 0);
}
END_TEST

START_TEST (test_upheld_not_refilled)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QaShortlistResult) result = NULL;
  g_autoptr(GPtrArray) objections = NULL;
  gint64 upheld, dismissed;

  confirm_and_open ();
  upheld = qa_outcome_add_objection (session, "A02", "王强", "wq@example.cn", "2026-11-03",
                                     "false customer data", &error);
  dismissed = qa_outcome_add_objection (session, "A04", "赵六", "0936-1234567", "2026-11-04",
                                        "hearsay", &error);
  ck_assert_int_gt (upheld, 0);
  ck_assert_int_gt (dismissed, upheld);
  ck_assert (qa_outcome_decide_objection (session, upheld, TRUE, "committee re-check confirmed it",
                                          "2026-11-10", &error));
  ck_assert (qa_outcome_decide_objection (session, dismissed, FALSE, "no evidence", "2026-11-10",
                                          &error));
  ck_assert (!qa_outcome_decide_objection (session, dismissed, TRUE, "again", "2026-11-11", &error));
  g_clear_error (&error);
  ck_assert (!qa_outcome_decide_objection (session, 99, TRUE, "none", NULL, &error));
  g_clear_error (&error);
  ck_assert (!qa_outcome_decide_objection (session, upheld, TRUE, "", NULL, &error));
  g_clear_error (&error);

  result = shortlist ();
  ck_assert_int_eq (row_of (result, "A02")->status, QA_OUTCOME_OBJECTION_UPHELD);
  ck_assert_ptr_nonnull (strstr (row_of (result, "A02")->reason, "not refilled"));
  ck_assert_int_eq (row_of (result, "A04")->status, QA_OUTCOME_CANDIDATE);
  ck_assert_int_eq (row_of (result, "A06")->status, QA_OUTCOME_OVER_LIMIT);

  objections = qa_outcome_list_objections (session, &error);
  ck_assert_uint_eq (objections->len, 2);
  ck_assert_int_eq (((QaObjection *)g_ptr_array_index (objections, 0))->status, QA_OBJECTION_UPHELD);
  ck_assert_str_eq (((QaObjection *)g_ptr_array_index (objections, 0))->contact, "wq@example.cn");
}
END_TEST

START_TEST (test_approval_refusals)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) made = NULL;
  g_autofree char *before = NULL;
  g_autofree char *letter = g_build_filename (tmpdir, "submission.pdf", NULL);
  gint64 id;

  confirm_and_open ();
  id = qa_outcome_add_objection (session, "A02", "王强", "wq@example.cn", "2026-11-03", "grounds",
                                 &error);
  before = snapshot ();

  /* On the last day of the period it has not ended. */
  ck_assert_ptr_null (qa_award_approve (session, "2026-11-08", &error));
  assert_refused_unchanged (before, error, "until 2026-11-08");
  g_clear_error (&error);
  /* After it, the objection is still undecided. */
  ck_assert_ptr_null (qa_award_approve (session, "2026-11-20", &error));
  assert_refused_unchanged (before, error, "not decided");
  g_clear_error (&error);
  ck_assert (!qa_outcome_write_submission_pdf (session, "2026-11-20", letter, QA_OUTPUT_NONE, &error));
  assert_refused_unchanged (before, error, "not decided");
  g_clear_error (&error);

  ck_assert (qa_outcome_decide_objection (session, id, FALSE, "unfounded", "2026-11-12", &error));
  ck_assert_msg (qa_outcome_write_submission_pdf (session, "2026-11-20", letter, QA_OUTPUT_NONE, &error), "%s",
                 error ? error->message : "");
  made = qa_award_approve (session, "2026-12-01", &error);
  ck_assert_msg (made != NULL, "%s", error ? error->message : "");
  ck_assert_uint_eq (made->len, 3);
  ck_assert_str_eq (((QaAward *)g_ptr_array_index (made, 0))->valid_until, "2031-11-30");
  ck_assert_uint_eq (((QaAward *)g_ptr_array_index (made, 0))->prize_yuan, 200000);
  ck_assert_int_eq (qa_session_get_stage (session), QA_STAGE_AWARD);
  g_clear_pointer (&made, g_ptr_array_unref);
  ck_assert_ptr_null (qa_award_approve (session, "2026-12-02", &error));
}
END_TEST

static GPtrArray *
approve_all (void)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *made;

  confirm_and_open ();
  made = qa_award_approve (session, "2026-12-01", &error);
  ck_assert_msg (made != NULL, "%s", error ? error->message : "");
  return made;
}

/* Art. 22: every single changed character and every swap of neighbours is caught. */
START_TEST (test_certificate_check_character)
{
  static const char alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-a";
  g_autoptr(GPtrArray) made = approve_all ();
  guint tried = 0;

  for (guint n = 0; n < made->len; n++)
    {
      const char *number = ((QaAward *)g_ptr_array_index (made, n))->certificate_number;
      gsize len = strlen (number);
      g_autoptr(QaAward) found = NULL;
      g_autoptr(GError) error = NULL;

      ck_assert (qa_certificate_number_is_valid (number));
      found = qa_award_verify (session, number, NULL, &error);
      ck_assert_ptr_nonnull (found);

      for (gsize i = 0; i < len; i++)
        {
          for (const char *c = alphabet; *c != '\0'; c++)
            {
              g_autofree char *changed = g_strdup (number);
              g_autoptr(QaAward) none = NULL;

              if (*c == number[i])
                continue;
              changed[i] = *c;
              ck_assert_msg (!qa_certificate_number_is_valid (changed), "%s passes", changed);
              none = qa_award_verify (session, changed, NULL, &error);
              ck_assert_ptr_null (none);
              g_clear_error (&error);
              tried++;
            }
          if (i + 1 < len && number[i] != number[i + 1])
            {
              g_autofree char *swapped = g_strdup (number);

              swapped[i] = number[i + 1];
              swapped[i + 1] = number[i];
              ck_assert_msg (!qa_certificate_number_is_valid (swapped), "%s passes", swapped);
              tried++;
            }
        }
    }
  ck_assert_uint_gt (tried, 1000);

  /* Never issued, though well formed. */
  {
    g_autofree char *other = qa_certificate_number_new ("ganzhou", 2026, 'A', 42);
    g_autoptr(GError) error = NULL;
    g_autoptr(QaAward) none = qa_award_verify (session, other, NULL, &error);

    ck_assert (qa_certificate_number_is_valid (other));
    ck_assert_ptr_null (none);
    ck_assert (g_error_matches (error, QA_OUTCOME_ERROR, QA_OUTCOME_ERROR_UNKNOWN));
  }
}
END_TEST

START_TEST (test_after_the_award)
{
  g_autoptr(GPtrArray) made = approve_all ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) awards = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  const char *y1_text = "kind,name,value,unit,higher_better\n"
                        "business,营业收入,1200,万元,yes\n"
                        "quality,产品合格率,99.2,%,yes\n"
                        "quality,顾客投诉,12,件,no\n";
  const char *y2_text = "kind,name,value,unit,higher_better\n"
                        "business,营业收入,1100,万元,yes\n"
                        "quality,产品合格率,99.5,%,yes\n"
                        "quality,顾客投诉,15,件,no\n";
  g_autoptr(GBytes) y1 = g_bytes_new_static (y1_text, strlen (y1_text));
  g_autoptr(GBytes) y2 = g_bytes_new_static (y2_text, strlen (y2_text));
  g_autoptr(GBytes) bad = g_bytes_new_static ("kind,name,value\nprofit,x,abc\n", 29);
  gboolean barred = FALSE;

  (void)made;

  /* Art. 18: yearly reports and the change from the year before. */
  ck_assert_msg (qa_award_add_report (session, "A01", 2027, "2028-03-01", y1, "2027.csv", &error),
                 "%s", error ? error->message : "");
  ck_assert (qa_award_add_report (session, "A01", 2028, "2029-03-01", y2, "2028.csv", &error));
  ck_assert (!qa_award_add_report (session, "A01", 2028, "2029-03-02", y2, "again.csv", &error));
  g_clear_error (&error);
  ck_assert (!qa_award_add_report (session, "A01", 2029, "2030-03-02", bad, "bad.csv", &error));
  ck_assert_ptr_nonnull (strstr (error->message, "bad.csv:2"));
  g_clear_error (&error);
  changes = qa_award_list_indicators (session, "A01", &error);
  ck_assert_uint_eq (changes->len, 6);
  for (guint i = 0; i < changes->len; i++)
    {
      const QaIndicatorChange *c = g_ptr_array_index (changes, i);

      if (c->year != 2028)
        continue;
      ck_assert (c->has_previous);
      if (g_strcmp0 (c->name, "营业收入") == 0)
        {
          ck_assert (c->worse);
          ck_assert (c->change_percent < -8.3 && c->change_percent > -8.4);
        }
      else if (g_strcmp0 (c->name, "顾客投诉") == 0)
        ck_assert (c->worse);
      else
        ck_assert (!c->worse);
    }

  /* Art. 19 */
  ck_assert (qa_award_inspect (session, "A01", "2028-06-01", "spot check passed", NULL, &error));
  ck_assert (!qa_award_inspect (session, "A01", "2028-06-01", "", NULL, &error));
  g_clear_error (&error);

  /* Art. 21 ¶2: within 5 years of the award. */
  ck_assert (qa_award_record_accident (session, "A02", "2031-11-30", "重大质量事故", &barred, &error));
  ck_assert (barred);
  ck_assert (qa_award_record_accident (session, "A04", "2031-12-01", "事故", &barred, &error));
  ck_assert (!barred);

  /* Art. 7: re-evaluation at the end of validity only. */
  ck_assert (!qa_award_review (session, "A01", "2028-01-01", QA_REVIEW_KEPT, NULL, "early", &error));
  ck_assert_ptr_nonnull (strstr (error->message, "Art. 7"));
  g_clear_error (&error);
  ck_assert (!qa_award_review (session, "A04", "2031-06-01", QA_REVIEW_REVOKED, NULL, "no", &error));
  g_clear_error (&error);
  ck_assert (qa_award_review (session, "A04", "2031-06-01", QA_REVIEW_RECTIFICATION, "2031-12-31",
                              "indicators fell", &error));
  ck_assert (!qa_award_review (session, "A04", "2031-12-01", QA_REVIEW_REVOKED, NULL, "early", &error));
  g_clear_error (&error);
  ck_assert (qa_award_review (session, "A04", "2032-01-05", QA_REVIEW_REVOKED, NULL,
                              "rectification failed", &error));
  ck_assert (qa_award_review (session, "A01", "2031-10-01", QA_REVIEW_KEPT, NULL, "still excellent",
                              &error));

  /* Art. 21 ¶1: fraud. */
  {
    g_autofree char *pdf = g_build_filename (tmpdir, "revoked.pdf", NULL);

    ck_assert (qa_award_revoke (session, "A02", "2028-05-05", "forged test reports", pdf, QA_OUTPUT_NONE, &error));
    ck_assert (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
    ck_assert (!qa_award_revoke (session, "A02", "2028-05-06", "again", NULL, QA_OUTPUT_NONE, &error));
    g_clear_error (&error);
  }

  awards = qa_award_list (session, "2032-06-01", &error);
  ck_assert_uint_eq (awards->len, 3);
  for (guint i = 0; i < awards->len; i++)
    {
      const QaAward *w = g_ptr_array_index (awards, i);

      if (g_strcmp0 (w->applicant_id, "A01") == 0)
        {
          ck_assert_int_eq (w->status, QA_AWARD_VALID);
          ck_assert_str_eq (w->valid_until, "2036-11-30");
        }
      else
        ck_assert_int_eq (w->status, QA_AWARD_REVOKED);
    }
  g_clear_pointer (&awards, g_ptr_array_unref);
  awards = qa_award_list (session, "2037-01-01", &error);
  ck_assert_int_eq (((QaAward *)g_ptr_array_index (awards, 0))->status, QA_AWARD_EXPIRED);
  ck_assert (qa_audit_verify (qa_session_get_database (session), NULL, NULL, &error));
}
END_TEST

static char *
run_output (const char * const *argv)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  ck_assert (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                           NULL, &status, &error));
  ck_assert (g_spawn_check_wait_status (status, NULL));
  /* Text laid out on a page breaks lines anywhere: search it as one line. */
  if (g_str_has_suffix (argv[0], "pdftotext"))
    g_strdelimit (out, "\n", ' ');
  return g_steal_pointer (&out);
}

START_TEST (test_exports_read_back)
{
  g_autoptr(QaShortlistResult) result = shortlist ();
  g_autoptr(QaExportTable) table = qa_outcome_shortlist_table (session, result);
  g_autofree char *xlsx = g_build_filename (tmpdir, "shortlist.xlsx", NULL);
  g_autofree char *pdf = g_build_filename (tmpdir, "shortlist.pdf", NULL);
  g_autofree char *xml = g_build_filename (tmpdir, "shortlist.xml", NULL);
  g_autofree char *csv = g_build_filename (tmpdir, "shortlist.csv", NULL);
  g_autofree char *sheet = NULL;
  g_autofree char *strings = NULL;
  g_autofree char *text = NULL;
  g_autofree char *csv_text = NULL;
  g_autoptr(GError) error = NULL;
  const char *pdftotext = g_getenv ("PDFTOTEXT");

  ck_assert (qa_export_table_write (table, QA_EXPORT_XLSX, xlsx, QA_OUTPUT_NONE, &error));
  ck_assert (qa_export_table_write (table, QA_EXPORT_PDF, pdf, QA_OUTPUT_NONE, &error));
  ck_assert (qa_export_table_write (table, QA_EXPORT_XML, xml, QA_OUTPUT_NONE, &error));
  ck_assert (qa_export_table_write (table, QA_EXPORT_CSV, csv, QA_OUTPUT_NONE, &error));

  /* CSV: UTF-8 with a BOM, the contract's header. */
  ck_assert (g_file_get_contents (csv, &csv_text, NULL, NULL));
  ck_assert (g_str_has_prefix (csv_text, "\xEF\xBB\xBF" "rank,applicant_id,name,material_score,"
                                         "site_score,final_score,status\n1,A01,"));

  /* XLSX: a frozen header row, numbers as numbers, names as shared text. */
  sheet = run_output ((const char *[]) { "unzip", "-p", xlsx, "xl/worksheets/sheet1.xml", NULL });
  ck_assert_ptr_nonnull (strstr (sheet, "state=\"frozen\""));
  ck_assert_ptr_nonnull (strstr (sheet, "<v>695.3</v>"));
  strings = run_output ((const char *[]) { "unzip", "-p", xlsx, "xl/sharedStrings.xml", NULL });
  ck_assert_ptr_nonnull (strstr (strings, "张掖祁连乳业有限公司"));
  ck_assert_ptr_nonnull (strstr (strings, "Final score"));
  /* Columns as wide as their text (the longest name, 16 CJK characters, takes 32 widths), A4
   * landscape one page wide with the header on every page and page numbers, the notes merged
   * across the table. LibreOffice opens it so (checked by hand: libreoffice --convert-to pdf). */
  {
    const char *col = strstr (sheet, "<col min=\"3\" max=\"3\" width=\"");

    ck_assert_ptr_nonnull (col);
    ck_assert_double_ge (g_ascii_strtod (col + strlen ("<col min=\"3\" max=\"3\" width=\""), NULL), 32.0);
  }
  ck_assert_ptr_nonnull (strstr (sheet, "<pageSetup paperSize=\"9\" fitToHeight=\"0\" orientation=\"landscape\"/>"));
  ck_assert_ptr_nonnull (strstr (sheet, "<oddFooter>&amp;C&amp;P / &amp;N</oddFooter>"));
  ck_assert_ptr_nonnull (strstr (sheet, "<mergeCell ref=\"A11:H11\"/>"));
  {
    g_autofree char *book = run_output ((const char *[]) { "unzip", "-p", xlsx, "xl/workbook.xml", NULL });

    ck_assert_ptr_nonnull (strstr (book, "_xlnm.Print_Titles"));
  }

  /* PDF */
  ck_assert_ptr_nonnull (pdftotext);
  text = run_output ((const char *[]) { pdftotext, "-layout", pdf, "-", NULL });
  ck_assert_ptr_nonnull (strstr (text, "张掖祁连乳业有限公司"));
  ck_assert_ptr_nonnull (strstr (text, "695.3"));
  ck_assert_ptr_nonnull (strstr (text, "Page 1"));

  /* XML against its schema. */
  ck_assert_msg (qa_export_validate_xml (xml, &error), "%s", error ? error->message : "");
}
END_TEST

START_TEST (test_letters_read_back)
{
  g_autoptr(GPtrArray) made = approve_all ();
  g_autofree char *notice = g_build_filename (tmpdir, "notice.pdf", NULL);
  g_autofree char *certificate = g_build_filename (tmpdir, "certificate.pdf", NULL);
  g_autofree char *report = g_build_filename (tmpdir, "report.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  const char *pdftotext = g_getenv ("PDFTOTEXT");
  const QaAward *first = g_ptr_array_index (made, 0);

  ck_assert_msg (qa_outcome_write_notice_pdf (session, notice, QA_OUTPUT_NONE, &error), "%s",
                 error ? error->message : "");
  text = run_output ((const char *[]) { pdftotext, notice, "-", NULL });
  ck_assert_ptr_nonnull (strstr (text, "甘州区金张掖玉米种业股份有限公司"));
  ck_assert_ptr_nonnull (strstr (text, "7 days"));
  ck_assert_ptr_null (strstr (text, "张掖七彩丹霞文化旅游发展有限公司"));
  g_free (text);

  ck_assert (qa_award_write_certificate_pdf (session, first->applicant_id, certificate, QA_OUTPUT_NONE, &error));
  text = run_output ((const char *[]) { pdftotext, certificate, "-", NULL });
  ck_assert_ptr_nonnull (strstr (text, first->certificate_number));
  ck_assert_ptr_nonnull (strstr (text, "Ganzhou District People's Government"));
  g_free (text);

  ck_assert (qa_outcome_write_evaluation_pdf (session, report, QA_OUTPUT_NONE, &error));
  text = run_output ((const char *[]) { pdftotext, "-layout", report, "-", NULL });
  ck_assert_ptr_nonnull (strstr (text, "Panel chair 王建国"));
  ck_assert_ptr_nonnull (strstr (text, "Rank 4, limit 3"));
}
END_TEST

/* Gansu: after 3 awards, a 提名奖 for the next (at most 5). */
START_TEST (test_gansu_nominees)
{
  g_autoptr(QaShortlistResult) result = shortlist ();
  g_autoptr(GPtrArray) made = NULL;
  g_autoptr(GError) error = NULL;

  ck_assert_int_eq (row_of (result, "A01")->status, QA_OUTCOME_CANDIDATE);
  ck_assert_int_eq (row_of (result, "A04")->status, QA_OUTCOME_CANDIDATE);
  ck_assert_int_eq (row_of (result, "A06")->status, QA_OUTCOME_NOMINEE);
  ck_assert_ptr_nonnull (strstr (row_of (result, "A06")->reason, "after the 3 awards"));

  made = approve_all ();
  ck_assert_uint_eq (made->len, 4);
  ck_assert_str_eq (((QaAward *)g_ptr_array_index (made, 3))->tier, "nomination");
  ck_assert_str_eq (((QaAward *)g_ptr_array_index (made, 3))->certificate_number, "GANSU-2026-N01-3");
  ck_assert_uint_eq (((QaAward *)g_ptr_array_index (made, 3))->prize_yuan, 0);
  (void)error;
}
END_TEST

/* Art. 4: nobody reaches the bar; every form of the outcome says the award is vacant. */
START_TEST (test_vacancy_everywhere)
{
  g_autoptr(QaShortlistResult) result = shortlist ();
  g_autoptr(QaExportTable) table = qa_outcome_shortlist_table (session, result);
  g_autofree char *pdf = g_build_filename (tmpdir, "vacant.pdf", NULL);
  g_autofree char *notice = g_build_filename (tmpdir, "notice.pdf", NULL);
  g_autofree char *xml = g_build_filename (tmpdir, "vacant.xml", NULL);
  g_autofree char *text = NULL;
  g_autofree char *xml_text = NULL;
  g_autoptr(GPtrArray) made = NULL;
  g_autoptr(GError) error = NULL;
  const char *pdftotext = g_getenv ("PDFTOTEXT");

  ck_assert (result->vacant);
  ck_assert_str_eq (result->vacancy_reason, "The award is left vacant this session: no applicant's "
                                            "final score reaches 900 (the highest is 695.3) (Art. 4)");
  ck_assert_int_eq (row_of (result, "A01")->status, QA_OUTCOME_BELOW_THRESHOLD);
  ck_assert_str_eq (row_of (result, "A01")->reason, "695.3 < 900 (Art. 4)");

  ck_assert (qa_export_table_write (table, QA_EXPORT_PDF, pdf, QA_OUTPUT_NONE, &error));
  text = run_output ((const char *[]) { pdftotext, pdf, "-", NULL });
  ck_assert_ptr_nonnull (strstr (text, "left vacant"));
  ck_assert (qa_export_table_write (table, QA_EXPORT_XML, xml, QA_OUTPUT_NONE, &error));
  ck_assert (g_file_get_contents (xml, &xml_text, NULL, NULL));
  ck_assert_ptr_nonnull (strstr (xml_text, "<note>The award is left vacant"));

  /* Confirmed, noticed and approved, it makes no award. */
  confirm_and_open ();
  ck_assert (qa_outcome_write_notice_pdf (session, notice, QA_OUTPUT_NONE, &error));
  g_free (text);
  text = run_output ((const char *[]) { pdftotext, notice, "-", NULL });
  ck_assert_ptr_nonnull (strstr (text, "left vacant"));
  ck_assert_int_eq (qa_outcome_add_objection (session, "A01", "李明", "139", "2026-11-03", "x",
                                              &error), 0);
  g_clear_error (&error);
  made = qa_award_approve (session, "2026-12-01", &error);
  ck_assert_ptr_nonnull (made);
  ck_assert_uint_eq (made->len, 0);
}
END_TEST

static Suite *
outcome_suite (void)
{
  Suite *suite = suite_create ("outcome");
  TCase *ganzhou = tcase_create ("ganzhou");
  TCase *gansu = tcase_create ("gansu");
  TCase *early = tcase_create ("early");

  tcase_set_timeout (ganzhou, 60);
  tcase_add_checked_fixture (early, qa_test_setup_tmpdir, qa_test_teardown_tmpdir);
  tcase_set_timeout (early, 60);
  tcase_add_test (early, test_refused_before_site_closed);
  tcase_add_test (early, test_progress_read_in_a_thread);
  suite_add_tcase (suite, early);

  tcase_add_checked_fixture (ganzhou, setup_ganzhou, qa_test_teardown_tmpdir);
  tcase_add_test (ganzhou, test_statuses_of_the_demo);
  tcase_add_test (ganzhou, test_closed_stage_has_nothing_to_agree);
  tcase_add_test (ganzhou, test_confirm_freezes);
  tcase_add_test (ganzhou, test_notice_period);
  tcase_add_test (ganzhou, test_objection_refusals);
  tcase_add_test (ganzhou, test_upheld_not_refilled);
  tcase_add_test (ganzhou, test_approval_refusals);
  tcase_add_test (ganzhou, test_certificate_check_character);
  tcase_add_test (ganzhou, test_after_the_award);
  tcase_add_test (ganzhou, test_exports_read_back);
  tcase_add_test (ganzhou, test_letters_read_back);
  suite_add_tcase (suite, ganzhou);

  tcase_set_timeout (gansu, 60);
  tcase_add_checked_fixture (gansu, setup_gansu, qa_test_teardown_tmpdir);
  tcase_add_test (gansu, test_gansu_nominees);
  suite_add_tcase (suite, gansu);

  {
    TCase *vacant = tcase_create ("vacant");

    tcase_set_timeout (vacant, 60);
    tcase_add_checked_fixture (vacant, setup_vacant, qa_test_teardown_tmpdir);
    tcase_add_test (vacant, test_vacancy_everywhere);
    suite_add_tcase (suite, vacant);
  }
  return suite;
}

int
main (void)
{
  int status;

  template_dir = g_dir_make_tmp ("qareview-outcome-XXXXXX", NULL);
  ganzhou_template = make_template ("ganzhou");
  gansu_template = make_template ("gansu");
  vacant_template = make_template ("strict");
  status = qa_test_run (outcome_suite ());
  qa_test_rmtree (template_dir);
  g_free (template_dir);
  g_free (ganzhou_template);
  g_free (gansu_template);
  g_free (vacant_template);
  return status;
}
