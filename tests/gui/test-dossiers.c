/* test-dossiers.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The applicant dossiers view at work on a demo session: importing, editing, materials, the
 * PDF reader and the eligibility check, each checked by what is on screen and in the session.
 */

#define G_LOG_DOMAIN "test-dossiers"

#include "config.h"

#include <adwaita.h>
#include <cairo-pdf.h>
#include <check.h>
#include <glib/gstdio.h>
#include <string.h>

#include "qa-core.h"
#include "qa-dossier-indicators.h"
#include "qa-pdf-print.h"
#include "qa-pdf-window.h"
#include "qa-problems-dialog.h"
#include "qa-window.h"

#include "gui-test-util.h"

#define ROOT GTK_WIDGET (window)

static const char csv_header[] =
  "id,name,credit_code,district,legal_person,founded,accidents_3y,management_system,gbt19580,"
  "self_score\n";

static char *tmpdir;
static QaSession *session;
static QaWindow *window;

static QaDossiersView *
view (void)
{
  return qa_window_get_dossiers_view (window);
}

static QaDossierPane *
pane (void)
{
  return qa_dossiers_view_get_pane (view ());
}

/* A valid unified social credit code from its first 17 characters. */
static char *
make_credit_code (const char *first17)
{
  char check = qa_credit_code_check_char (first17);

  ck_assert_int_ne (check, '\0');
  return g_strdup_printf ("%s%c", first17, check);
}

static GFile *
write_file (const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  g_autoptr(GError) error = NULL;

  ck_assert_msg (g_file_set_contents (path, contents, -1, &error), "%s",
                 error ? error->message : "");
  return g_file_new_for_path (path);
}

static guint
n_rows (void)
{
  return qa_dossiers_view_get_visible_count (view ());
}

static gboolean
n_rows_is (gpointer data)
{
  return n_rows () == GPOINTER_TO_UINT (data);
}

/* The session's row of applicant @id (borrowed). */
static QaApplicant *
find_row (const char *id)
{
  GListModel *applicants = qa_session_get_applicants (session);

  for (guint i = 0; i < g_list_model_get_n_items (applicants); i++)
    {
      g_autoptr(QaApplicant) applicant = g_list_model_get_item (applicants, i);

      if (g_strcmp0 (qa_applicant_get_id (applicant), id) == 0)
        return applicant;
    }

  ck_abort_msg ("there is no applicant %s", id);
  return NULL;
}

static void
select_applicant (const char *id)
{
  gui_test_select_applicant (view (), id);
  ck_assert_str_eq (qa_dossier_pane_get_applicant_id (pane ()), id);
}

static void
show_tab (const char *page)
{
  qa_dossier_pane_set_page (pane (), page);
  gui_test_settle ();
}

static GtkEditable *
form_field (QaDossierField field)
{
  return GTK_EDITABLE (qa_dossier_form_get_field (qa_dossier_pane_get_form (pane ()), field));
}

static void
type_into (QaDossierField  field,
           const char     *text)
{
  gtk_editable_set_text (form_field (field), text);
  gui_test_settle ();
}

static gboolean
save_is_sensitive (void)
{
  GtkWidget *save = gui_test_find_labelled (ROOT, GTK_TYPE_BUTTON, "Save");

  ck_assert_ptr_nonnull (save);
  return gtk_widget_is_sensitive (save);
}

/* The applicant the rules find not eligible, and the reasons they give. */
static char *
find_applicant_with_verdict (QaEligibility   wanted,
                             GPtrArray     **reasons)
{
  GListModel *applicants = qa_session_get_applicants (session);

  for (guint i = 0; i < g_list_model_get_n_items (applicants); i++)
    {
      g_autoptr(QaApplicant) applicant = g_list_model_get_item (applicants, i);
      g_autoptr(QaEligibilityReport) report = NULL;
      gboolean eligible = FALSE;
      QaEligibility verdict;

      report = qa_applicants_check_eligibility (session, qa_applicant_get_id (applicant),
                                                &eligible, NULL, NULL);
      ck_assert_ptr_nonnull (report);
      verdict = eligible ? QA_ELIGIBILITY_ELIGIBLE
                         : qa_eligibility_report_is_pending (report) ? QA_ELIGIBILITY_PENDING
                                                                     : QA_ELIGIBILITY_INELIGIBLE;
      if (verdict == wanted)
        {
          if (reasons != NULL)
            *reasons = qa_eligibility_report_dup_reasons (report);
          return g_strdup (qa_applicant_get_id (applicant));
        }
    }

  ck_abort_msg ("no demo applicant is %s", qa_eligibility_to_string (wanted));
  return NULL;
}

/* Waits for a dialog (or window) of @type other than the main window to come up. */
static GtkWindow *
wait_for_window (GType type)
{
  return gui_test_wait_for_window (type, GTK_WINDOW (window));
}

static void
close_window (GtkWindow *dialog)
{
  gtk_window_destroy (dialog);
  gui_test_settle ();
}

static void
setup (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  tmpdir = g_dir_make_tmp ("qareview-dossiers-XXXXXX", &error);
  ck_assert_msg (tmpdir != NULL, "%s", error ? error->message : "");

  path = g_build_filename (tmpdir, "session.db", NULL);
  session = qa_session_open_with_demo (path, &error);
  ck_assert_msg (session != NULL, "%s", error ? error->message : "");

  window = qa_window_new (NULL);
  qa_window_set_session (window, session);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  ck_assert_msg (gui_test_iterate_until (gui_test_widget_is_mapped, window),
                 "the window was never mapped");
  qa_window_set_visible_page (window, "dossiers");
  gui_test_settle ();
}

static void
teardown (void)
{
  GtkWindow *other;

  while ((other = gui_test_find_window (GTK_TYPE_WINDOW, GTK_WINDOW (window))) != NULL)
    gtk_window_destroy (other);
  g_clear_pointer ((GtkWindow **)&window, gtk_window_destroy);
  gui_test_settle ();
  g_clear_object (&session);
  gui_test_remove_tmpdir (tmpdir);
  g_clear_pointer (&tmpdir, g_free);
}

START_TEST (test_import_shows_rows)
{
  g_autofree char *code1 = make_credit_code ("91620702MA7Q00001");
  g_autofree char *code2 = make_credit_code ("91620702MA7Q00002");
  g_autofree char *csv = NULL;
  g_autoptr(GFile) file = NULL;
  guint before = n_rows ();

  csv = g_strdup_printf ("%s"
                         "B01,张掖新能源科技有限公司,%s,甘州区,yes,2015-03-01,no,yes,yes,640\n"
                         "B02,甘州区绿洲种业有限公司,%s,甘州区,yes,2019-06-15,no,yes,no,\n",
                         csv_header, code1, code2);
  file = write_file ("applicants.csv", csv);

  qa_dossiers_view_import_file (view (), file);
  ck_assert_msg (gui_test_iterate_until (n_rows_is, GUINT_TO_POINTER (before + 2)),
                 "the list shows %u rows, not %u", n_rows (), before + 2);
  gui_test_settle ();

  ck_assert_uint_eq (g_list_model_get_n_items (qa_session_get_applicants (session)), before + 2);
  gui_test_assert_label_on_screen (ROOT, "Imported 2 applicants");

  /* The rows are in the list, sorted in after the demo's. */
  gtk_editable_set_text (qa_dossiers_view_get_search_entry (view ()), "B0");
  ck_assert (gui_test_iterate_until (n_rows_is, GUINT_TO_POINTER (2)));
  /* The filtered model has the rows before the list view has rebound its row widgets. */
  gui_test_wait_on_screen (ROOT, "\n张掖新能源科技有限公司\n");
  gui_test_assert_label_on_screen (ROOT, "张掖新能源科技有限公司");
  gui_test_assert_label_on_screen (ROOT, "甘州区绿洲种业有限公司");
  gui_test_assert_label_on_screen (ROOT, code2);

  /* The new rows open like any other. */
  select_applicant ("B02");
  gui_test_assert_label_on_screen (ROOT, "B02");
  ck_assert_str_eq (gtk_editable_get_text (form_field (QA_DOSSIER_CREDIT_CODE)), code2);
}
END_TEST

START_TEST (test_import_refused_lists_every_row)
{
  g_autofree char *good = make_credit_code ("91620702MA7Q00001");
  g_autofree char *csv = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *bad_code = NULL;
  GtkWindow *dialog;
  guint before = n_rows ();
  char wrong;

  /* A check character that is not the right one. */
  bad_code = make_credit_code ("91620702MA7Q00003");
  wrong = bad_code[17] == '0' ? '1' : '0';
  expected = g_strdup_printf ("it should be “%c”, not “%c”", bad_code[17], wrong);
  bad_code[17] = wrong;

  csv = g_strdup_printf ("%s"
                         "B01,张掖新能源科技有限公司,%s,甘州区,yes,2015-03-01,no,yes,yes,640\n"
                         "B02,甘州区绿洲种业有限公司,%s,甘州区,yes,2016-06-15,no,yes,no,\n"
                         "B03,甘州区未来科技有限公司,91620702MA7Q00004X,甘州区,yes,2099-06-15,no,yes,no,\n"
                         "A01,重复编号有限公司,%s,甘州区,yes,2015-06-15,no,yes,no,\n",
                         csv_header, good, bad_code, good);
  file = write_file ("bad.csv", csv);
  name = g_file_get_parse_name (file);

  qa_dossiers_view_import_file (view (), file);
  dialog = wait_for_window (QA_TYPE_PROBLEMS_DIALOG);

  /* Every refused row, as the core names it, and nothing changed. */
  text = gui_test_dup_visible_text (GTK_WIDGET (dialog));
  ck_assert_msg (strstr (text, "the session is unchanged") != NULL, "%s", text);
  for (guint line = 3; line <= 5; line++)
    {
      g_autofree char *prefix = g_strdup_printf ("%s:%u: ", name, line);

      ck_assert_msg (strstr (text, prefix) != NULL, "row %u is not listed:%s", line, text);
    }
  ck_assert_msg (strstr (text, expected) != NULL, "%s", text);
  ck_assert_msg (strstr (text, ":4: founded: 2099-06-15 is in the future") != NULL, "%s", text);
  ck_assert_msg (strstr (text, ":5: id: applicant A01 is already registered") != NULL, "%s", text);
  /* The good row is not among them. */
  {
    g_autofree char *good_row = g_strdup_printf ("%s:2: ", name);

    ck_assert_msg (strstr (text, good_row) == NULL, "%s", text);
  }

  close_window (dialog);
  ck_assert_uint_eq (n_rows (), before);
  ck_assert_uint_eq (g_list_model_get_n_items (qa_session_get_applicants (session)), before);
  gui_test_assert_not_on_screen (ROOT, "张掖新能源科技有限公司");
}
END_TEST

START_TEST (test_eligibility_verdict_and_reasons)
{
  g_autoptr(GPtrArray) reasons = NULL;
  g_autofree char *id = find_applicant_with_verdict (QA_ELIGIBILITY_INELIGIBLE, &reasons);

  select_applicant (id);
  show_tab ("eligibility");

  gui_test_assert_label_on_screen (ROOT, "Not eligible");
  ck_assert_uint_gt (reasons->len, 0);
  for (guint i = 0; i < reasons->len; i++)
    gui_test_assert_on_screen (ROOT, g_ptr_array_index (reasons, i));

  /* Each condition is listed with its article. */
  for (guint c = 1; c <= 5; c++)
    {
      g_autofree char *article = qa_rules_format_article_13 (c);

      gui_test_assert_on_screen (ROOT, article);
    }
  gui_test_assert_on_screen (ROOT, "Met, from the recorded facts");
}
END_TEST

START_TEST (test_credit_code_checked_as_typed)
{
  g_autofree char *code = NULL;
  g_autofree char *first17 = NULL;
  g_autofree char *wrong_code = NULL;
  g_autofree char *expected = NULL;
  char check, wrong;
  GtkWidget *entry;

  select_applicant ("A01");
  show_tab ("basic");
  ck_assert (!save_is_sensitive ());

  code = g_strdup (gtk_editable_get_text (form_field (QA_DOSSIER_CREDIT_CODE)));
  ck_assert_uint_eq (strlen (code), 18);
  first17 = g_strndup (code, 17);
  check = qa_credit_code_check_char (first17);
  wrong = check == 'A' ? 'B' : 'A';
  wrong_code = g_strdup_printf ("%s%c", first17, wrong);

  type_into (QA_DOSSIER_NAME, "张掖祁连乳业集团有限公司");
  ck_assert (save_is_sensitive ());

  type_into (QA_DOSSIER_CREDIT_CODE, wrong_code);
  expected = g_strdup_printf ("it should be “%c”, not “%c”", check, wrong);
  gui_test_assert_on_screen (ROOT, expected);
  entry = qa_dossier_form_get_field (qa_dossier_pane_get_form (pane ()), QA_DOSSIER_CREDIT_CODE);
  ck_assert (gtk_widget_has_css_class (entry, "error"));
  ck_assert (!save_is_sensitive ());
  ck_assert (!qa_dossier_pane_get_can_save (pane ()));

  /* A date that does not exist is refused the same way. */
  type_into (QA_DOSSIER_FOUNDED, "2014-02-30");
  gui_test_assert_on_screen (ROOT, "“2014-02-30” is not a real date");

  /* Put right, the form may be saved again. */
  type_into (QA_DOSSIER_FOUNDED, "2014-02-28");
  type_into (QA_DOSSIER_CREDIT_CODE, code);
  gui_test_assert_not_on_screen (ROOT, expected);
  ck_assert (!gtk_widget_has_css_class (entry, "error"));
  ck_assert (save_is_sensitive ());
}
END_TEST

START_TEST (test_new_applicant_saved)
{
  g_autofree char *code = make_credit_code ("91620702MA7Q00009");
  g_autoptr(QaDossier) stored = NULL;
  guint before = n_rows ();

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (view ()), "dossiers.new-applicant", NULL));
  gui_test_settle ();
  ck_assert (qa_dossier_pane_get_is_new (pane ()));
  gui_test_assert_label_on_screen (ROOT, "New Applicant");
  /* Nothing typed yet is not yet a mistake, but it cannot be saved. */
  gui_test_assert_not_on_screen (ROOT, "is required");
  ck_assert (!save_is_sensitive ());

  type_into (QA_DOSSIER_ID, "C01");
  type_into (QA_DOSSIER_NAME, "甘州区新建设备制造有限公司");
  type_into (QA_DOSSIER_CREDIT_CODE, code);
  type_into (QA_DOSSIER_DISTRICT, "甘州区");
  ck_assert (!save_is_sensitive ());
  type_into (QA_DOSSIER_FOUNDED, "2012-05-01");
  ck_assert (save_is_sensitive ());

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (pane ()), "dossier.save", NULL));
  gui_test_settle ();

  ck_assert_uint_eq (n_rows (), before + 1);
  ck_assert_str_eq (qa_dossier_pane_get_applicant_id (pane ()), "C01");
  ck_assert (!qa_dossier_pane_get_is_new (pane ()));
  ck_assert (!save_is_sensitive ());
  gui_test_assert_label_on_screen (ROOT, "The dossier of C01 is saved");

  stored = qa_applicants_load_dossier (session, "C01", NULL);
  ck_assert_ptr_nonnull (stored);
  ck_assert_str_eq (qa_dossier_get_text (stored, QA_DOSSIER_CREDIT_CODE), code);
  ck_assert_str_eq (qa_dossier_get_text (stored, QA_DOSSIER_FOUNDED), "2012-05-01");
}
END_TEST

START_TEST (test_refused_save_shows_every_problem)
{
  g_autofree char *taken = NULL;
  g_autoptr(QaApplicant) other = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;

  other = g_list_model_get_item (qa_session_get_applicants (session), 1);
  taken = g_strdup (qa_applicant_get_credit_code (other));

  select_applicant ("A01");
  type_into (QA_DOSSIER_CREDIT_CODE, taken);
  ck_assert (save_is_sensitive ());

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (pane ()), "dossier.save", NULL));
  dialog = wait_for_window (ADW_TYPE_MESSAGE_DIALOG);
  gui_test_assert_label_on_screen (GTK_WIDGET (dialog), "The Dossier Was Not Saved");
  gui_test_assert_on_screen (GTK_WIDGET (dialog), qa_applicant_get_id (other));
  close_window (dialog);

  /* Nothing was stored, and what was typed is still there. */
  ck_assert (qa_dossier_pane_get_modified (pane ()));
  ck_assert_str_eq (gtk_editable_get_text (form_field (QA_DOSSIER_CREDIT_CODE)), taken);
}
END_TEST

START_TEST (test_tables_saved_with_dossier)
{
  QaRecordTable *accidents = qa_dossier_pane_get_table (pane (), "accidents");
  QaRecordTable *indicators = qa_dossier_pane_get_table (pane (), "indicators");
  const char *accident[] = { "2025-02-30", "safety", "A forklift hit a worker", NULL };
  g_autoptr(QaDossier) stored = NULL;
  const QaAccidentFact *fact;

  select_applicant ("A01");
  show_tab ("systems");
  ck_assert_uint_eq (qa_record_table_get_n_rows (accidents), 0);

  qa_record_table_add_row (accidents, accident);
  gui_test_settle ();
  gui_test_assert_on_screen (ROOT, "Row 1, Date: “2025-02-30” is not a real date");
  ck_assert (!save_is_sensitive ());

  gtk_editable_set_text (GTK_EDITABLE (qa_record_table_get_cell (accidents, 0, 0)), "2025-02-28");
  gui_test_settle ();
  gui_test_assert_not_on_screen (ROOT, "is not a real date");
  ck_assert (save_is_sensitive ());

  /* The usual indicators of the last three years, one value given. */
  show_tab ("indicators");
  g_signal_emit_by_name (gui_test_find_labelled (GTK_WIDGET (pane ()), GTK_TYPE_BUTTON,
                                                 "Add the Usual Indicators of the Last Three Years"),
                         "clicked");
  gui_test_settle ();
  ck_assert_uint_eq (qa_record_table_get_n_rows (indicators), 15);
  ck_assert (!save_is_sensitive ());
  for (guint i = 0; i < 15; i++)
    gtk_editable_set_text (GTK_EDITABLE (qa_record_table_get_cell (indicators, i, 2)), "12.5");
  gui_test_settle ();
  ck_assert (save_is_sensitive ());

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (pane ()), "dossier.save", NULL));
  gui_test_settle ();
  ck_assert (!qa_dossier_pane_get_modified (pane ()));

  stored = qa_applicants_load_dossier (session, "A01", NULL);
  ck_assert_uint_eq (qa_dossier_get_accidents (stored)->len, 1);
  fact = g_ptr_array_index (qa_dossier_get_accidents (stored), 0);
  ck_assert_str_eq (fact->date, "2025-02-28");
  ck_assert_str_eq (fact->kind, "safety");
  ck_assert_uint_eq (qa_dossier_get_indicators (stored)->len, 15);
  ck_assert_uint_eq (((QaIndicator *)g_ptr_array_index (qa_dossier_get_indicators (stored), 14))->year,
                     qa_session_get_year (session) - 1);

  /* The accident now fails Art. 13(2), and the checklist says so. */
  show_tab ("eligibility");
  gui_test_assert_label_on_screen (ROOT, "Not eligible");
  gui_test_assert_on_screen (ROOT, "liability accident on 2025-02-28");
}
END_TEST

static gboolean
n_materials_is (gpointer data)
{
  QaMaterialsPane *materials = qa_dossier_pane_get_materials (pane ());

  return !qa_materials_pane_get_busy (materials) &&
         g_list_model_get_n_items (qa_materials_pane_get_materials (materials)) ==
           GPOINTER_TO_UINT (data);
}

static QaMaterial *
material_at (guint position)
{
  GListModel *list = qa_materials_pane_get_materials (qa_dossier_pane_get_materials (pane ()));

  return g_list_model_get_item (list, position);
}

START_TEST (test_material_add_mark_remove_undo)
{
  QaMaterialsPane *materials = qa_dossier_pane_get_materials (pane ());
  g_autoptr(GFile) pdf = gui_test_write_pdf (tmpdir, "自评报告.pdf", 2);
  g_autoptr(QaMaterial) added = NULL;
  g_autoptr(QaMaterial) marked = NULL;
  g_autoptr(QaMaterial) restored = NULL;
  GtkWidget *undo;

  select_applicant ("A02");
  show_tab ("materials");
  gui_test_assert_label_on_screen (ROOT, "No Materials Yet");

  qa_materials_pane_add_file (materials, pdf, QA_MATERIAL_SELF_ASSESSMENT, TRUE, TRUE);
  ck_assert (qa_materials_pane_get_busy (materials));
  ck_assert_msg (gui_test_iterate_until (n_materials_is, GUINT_TO_POINTER (1)),
                 "the material was never stored");
  gui_test_settle ();

  gui_test_assert_label_on_screen (ROOT, "自评报告.pdf");
  gui_test_assert_label_on_screen (ROOT, "Materials (1)");
  added = material_at (0);
  ck_assert (qa_material_get_trade_secret (added));
  ck_assert_int_eq (qa_material_get_kind (added), QA_MATERIAL_SELF_ASSESSMENT);

  /* The trade-secret mark is taken off. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (materials), "materials.set-trade-secret",
                                         "(xb)", qa_material_get_id (added), FALSE));
  gui_test_settle ();
  marked = material_at (0);
  ck_assert (!qa_material_get_trade_secret (marked));

  /* Removed, and brought back from the toast. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (materials), "materials.remove", "x",
                                         qa_material_get_id (marked)));
  gui_test_settle ();
  ck_assert (n_materials_is (GUINT_TO_POINTER (0)));
  gui_test_assert_label_on_screen (ROOT, "“自评报告.pdf” removed");

  undo = gui_test_find_labelled (ROOT, GTK_TYPE_BUTTON, "Undo");
  ck_assert_ptr_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  gui_test_settle ();

  ck_assert (n_materials_is (GUINT_TO_POINTER (1)));
  restored = material_at (0);
  ck_assert_str_eq (qa_material_get_sha256 (restored), qa_material_get_sha256 (added));
  gui_test_assert_label_on_screen (ROOT, "自评报告.pdf");
}
END_TEST

/* A01 with @pdf as its self-assessment report (*@material), its materials tab shown. */
static QaMaterialsPane *
show_pdf_material (GFile       *pdf,
                   QaMaterial **material)
{
  g_autoptr(GError) error = NULL;
  QaMaterialsPane *materials;

  *material = qa_materials_add (session, "A01", QA_MATERIAL_SELF_ASSESSMENT, pdf, FALSE, TRUE,
                                NULL, &error);
  ck_assert_msg (*material != NULL, "%s", error ? error->message : "");

  select_applicant ("A01");
  show_tab ("materials");
  materials = qa_dossier_pane_get_materials (pane ());
  qa_materials_pane_set_applicant (materials, session, "A01");

  return materials;
}

START_TEST (test_pdf_material_opens_in_reader)
{
  g_autoptr(GFile) pdf = gui_test_write_pdf (tmpdir, "report.pdf", 2);
  g_autoptr(QaMaterial) material = NULL;
  g_autoptr(GError) error = NULL;
  QaMaterialsPane *materials;
  GtkWindow *reader;
  QaPdfView *pdf_view;
  GtkWidget *previous, *next;

  materials = show_pdf_material (pdf, &material);

  reader = qa_materials_pane_open_material (materials, material, &error);
  ck_assert_msg (reader != NULL, "%s", error ? error->message : "");
  ck_assert (QA_IS_PDF_WINDOW (reader));
  ck_assert (gui_test_iterate_until (gui_test_widget_is_mapped, reader));
  gui_test_settle ();

  pdf_view = qa_pdf_window_get_view (QA_PDF_WINDOW (reader));
  ck_assert_uint_eq (qa_pdf_view_get_n_pages (pdf_view), 2);
  gui_test_assert_label_on_screen (GTK_WIDGET (reader), "Page 1 / 2");
  gui_test_assert_label_on_screen (GTK_WIDGET (reader), "report.pdf");

  previous = gui_test_find_widget (GTK_WIDGET (pdf_view), GTK_TYPE_BUTTON);
  ck_assert (!gtk_widget_is_sensitive (previous));

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (pdf_view), "pdf.next-page", NULL));
  gui_test_settle ();
  ck_assert_uint_eq (qa_pdf_view_get_page (pdf_view), 1);
  gui_test_assert_label_on_screen (GTK_WIDGET (reader), "Page 2 / 2");
  ck_assert (gtk_widget_is_sensitive (previous));

  /* There is no page 3. */
  next = gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (previous));
  ck_assert (GTK_IS_BUTTON (next));
  ck_assert (!gtk_widget_is_sensitive (next));

  /* Zooming renders the page at another size. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (pdf_view), "pdf.zoom-reset", NULL));
  gui_test_settle ();
  ck_assert (!qa_pdf_view_get_fit_width (pdf_view));
  gui_test_assert_label_on_screen (GTK_WIDGET (reader), "100%");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (pdf_view), "pdf.zoom-in", NULL));
  gui_test_settle ();
  gui_test_assert_label_on_screen (GTK_WIDGET (reader), "110%");

  /* Opening it again shows the same window. */
  ck_assert_ptr_eq (qa_materials_pane_open_material (materials, material, NULL), reader);
}
END_TEST

static gboolean
no_dialog_shown (gpointer data)
{
  return gui_test_find_window (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window)) == NULL;
}

static AdwMessageDialog *
wait_for_dialog (void)
{
  return ADW_MESSAGE_DIALOG (wait_for_window (ADW_TYPE_MESSAGE_DIALOG));
}

START_TEST (test_judgement_recorded)
{
  g_autofree char *id = find_applicant_with_verdict (QA_ELIGIBILITY_PENDING, NULL);
  AdwMessageDialog *dialog;
  GtkWidget *met, *note;
  g_autoptr(QaDossier) stored = NULL;

  g_autofree char *before = NULL;

  select_applicant (id);
  before = g_strdup (qa_eligibility_to_string (qa_applicant_get_eligibility (find_row (id))));
  show_tab ("eligibility");
  gui_test_assert_label_on_screen (ROOT, "Awaiting judgement");
  gui_test_assert_on_screen (ROOT, "awaits the secretariat’s judgement");

  for (guint condition = 3; condition <= 5; condition++)
    {
      ck_assert (gtk_widget_activate_action (GTK_WIDGET (qa_dossier_pane_get_eligibility (pane ())),
                                             "eligibility.judge", "u", condition));
      dialog = wait_for_dialog ();
      met = gui_test_find_labelled (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON, "Met");
      ck_assert_ptr_nonnull (met);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (met), TRUE);
      /* The grounds take several lines. */
      note = gui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW);
      ck_assert_ptr_nonnull (note);
      ck_assert (gtk_widget_get_mapped (note));
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (note)),
                                "ISO 9001 certificate seen, valid until 2027", -1);
      /* Recorded by the button, by Enter on the choice (the dialog's default), and by
       * Ctrl+Enter in the grounds, where Enter starts a new line. */
      if (condition == 3)
        g_signal_emit_by_name (gui_test_find_labelled (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "Record"),
                               "clicked");
      else if (condition == 4)
        {
          GtkWidget *ran;

          gtk_widget_grab_focus (met);
          ran = gui_test_press_shortcut (met, "Return");
          ck_assert_msg (ran == met, "Return ran on a %s", ran ? G_OBJECT_TYPE_NAME (ran) : "nothing");
        }
      else
        {
          gtk_widget_grab_focus (note);
          ck_assert_ptr_eq (gui_test_press_shortcut (note, "<Control>Return"), note);
        }
      ck_assert_msg (gui_test_iterate_until (no_dialog_shown, NULL),
                     "condition %u: the judgement dialog is still open", condition);
      {
        g_autoptr(QaDossier) judged = qa_applicants_load_dossier (session, id, NULL);

        ck_assert_int_eq (qa_dossier_get_judgement (judged, condition), QA_CONDITION_PASS);
      }
    }

  stored = qa_applicants_load_dossier (session, id, NULL);
  ck_assert_int_eq (qa_dossier_get_judgement (stored, 5), QA_CONDITION_PASS);
  gui_test_assert_label_on_screen (ROOT, "Eligible");
  gui_test_assert_on_screen (ROOT, "Judged met: ISO 9001 certificate seen, valid until 2027");
  /* The judgement re-ran the check, as the command line's does: the list shows the outcome at
   * once, and the audit trail has the stored value before it. */
  gui_test_assert_not_on_screen (ROOT, "Not stored yet");
  ck_assert_int_eq (qa_applicant_get_eligibility (find_row (id)), QA_ELIGIBILITY_ELIGIBLE);
  {
    g_autoptr(GPtrArray) trail = qa_audit_list (qa_session_get_database (session), NULL);
    const QaAuditEntry *check = NULL;

    for (guint i = 0; i < trail->len; i++)
      {
        const QaAuditEntry *entry = g_ptr_array_index (trail, i);

        if (g_strcmp0 (entry->action, "eligibility.check") == 0 && g_strcmp0 (entry->subject_id, id) == 0)
          {
            /* The first change starts from what was stored; each next from the one before. */
            if (check == NULL)
              ck_assert_str_eq (entry->before, before);
            else
              ck_assert (g_str_has_prefix (check->after, entry->before));
            check = entry;
          }
      }
    ck_assert_ptr_nonnull (check);
    ck_assert (g_str_has_prefix (check->after, "eligible"));
  }
  ck_assert_str_eq (qa_dossier_pane_get_applicant_id (pane ()), id);
}
END_TEST

START_TEST (test_override_needs_reason)
{
  g_autofree char *id = find_applicant_with_verdict (QA_ELIGIBILITY_INELIGIBLE, NULL);
  AdwMessageDialog *dialog;
  GtkTextView *reason;

  select_applicant (id);
  show_tab ("eligibility");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (qa_dossier_pane_get_eligibility (pane ())),
                                         "eligibility.override", NULL));
  dialog = wait_for_dialog ();
  ck_assert (!adw_message_dialog_get_response_enabled (dialog, "override"));

  reason = GTK_TEXT_VIEW (gui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (reason), "   ", -1);
  ck_assert (!adw_message_dialog_get_response_enabled (dialog, "override"));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (reason),
                            "Operating since 2023 as the successor of a registered branch", -1);
  ck_assert (adw_message_dialog_get_response_enabled (dialog, "override"));
  adw_message_dialog_response (dialog, "override");
  gui_test_settle ();

  gui_test_assert_label_on_screen (ROOT, "Eligible");
  gui_test_assert_on_screen (ROOT, "Overridden by the secretariat: Operating since 2023 as the "
                                   "successor of a registered branch");
}
END_TEST

START_TEST (test_notice_refused_while_pending)
{
  g_autofree char *id = find_applicant_with_verdict (QA_ELIGIBILITY_PENDING, NULL);
  g_autoptr(QaNotice) notice = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  notice = qa_notice_new (session, id, NULL, &error);
  ck_assert_ptr_null (notice);

  select_applicant (id);
  show_tab ("eligibility");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (qa_dossier_pane_get_eligibility (pane ())),
                                         "eligibility.export-notice", NULL));
  dialog = wait_for_dialog ();
  ck_assert_str_eq (adw_message_dialog_get_body (dialog), error->message);
  close_window (GTK_WINDOW (dialog));
}
END_TEST

/* The text of a PDF, as pdftotext reads it; pages end with a form feed. */
static char *
dup_pdf_text (const char *path)
{
  const char *pdftotext = g_getenv ("PDFTOTEXT");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *argv[] = { pdftotext != NULL ? pdftotext : "pdftotext", "-enc", "UTF-8", path, "-",
                         NULL };

  ck_assert_msg (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               NULL, &status, &error),
                 "%s", error ? error->message : "");
  ck_assert_int_eq (status, 0);
  return g_steal_pointer (&out);
}

static guint
count_pages (const char *text)
{
  guint pages = 0;

  for (const char *p = text; *p != '\0'; p++)
    pages += *p == '\f';
  return pages;
}

START_TEST (test_notice_exported_and_printed)
{
  g_autoptr(GPtrArray) reasons = NULL;
  g_autofree char *id = find_applicant_with_verdict (QA_ELIGIBILITY_INELIGIBLE, &reasons);
  g_autofree char *exported = g_build_filename (tmpdir, "notice.pdf", NULL);
  g_autofree char *printed = g_build_filename (tmpdir, "printed.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (exported);
  g_autofree char *text = NULL;
  g_autofree char *print_text = NULL;
  QaEligibilityPane *eligibility = qa_dossier_pane_get_eligibility (pane ());
  QaApplicant *applicant;

  /* Refused until the check is stored, then written. */
  select_applicant (id);
  show_tab ("eligibility");
  qa_eligibility_pane_export_notice (eligibility, file);
  close_window (GTK_WINDOW (wait_for_dialog ()));
  ck_assert (!g_file_test (exported, G_FILE_TEST_EXISTS));
  ck_assert (qa_applicants_store_eligibility (session, NULL));
  gui_test_settle ();
  applicant = find_row (id);

  qa_eligibility_pane_export_notice (eligibility, file);
  gui_test_settle ();
  ck_assert (g_file_test (exported, G_FILE_TEST_EXISTS));
  gui_test_assert_label_on_screen (ROOT, "Notice saved as “notice.pdf”");
  text = dup_pdf_text (exported);
  ck_assert_msg (strstr (text, qa_applicant_get_name (applicant)) != NULL, "%s", text);

  /* Printing draws the same letter on one page. */
  qa_eligibility_pane_print_notice (eligibility, printed);
  gui_test_settle ();
  ck_assert (g_file_test (printed, G_FILE_TEST_EXISTS));
  print_text = dup_pdf_text (printed);
  ck_assert_uint_eq (count_pages (print_text), 1);
  ck_assert_msg (strstr (print_text, qa_applicant_get_name (applicant)) != NULL, "%s", print_text);
}
END_TEST

/* The four tabs not on screen are built the first time they are shown (start-up builds only the
 * basic information), with the applicant shown; the materials tab counts them before. */
static void
assert_tab_widgets_absent (const char *when)
{
  static const struct { const char *what; GType (*get_type) (void); } widgets[] = {
    { "systems tables", qa_record_table_get_type },
    { "indicators", qa_dossier_indicators_get_type },
    { "materials pane", qa_materials_pane_get_type },
    { "eligibility pane", qa_eligibility_pane_get_type },
  };

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    ck_assert_msg (gui_test_find_widget (GTK_WIDGET (pane ()), widgets[i].get_type ()) == NULL,
                   "the %s are built %s", widgets[i].what, when);
}

START_TEST (test_hidden_tabs_built_when_shown)
{
  g_autoptr(GFile) pdf = gui_test_write_pdf (tmpdir, "自评报告.pdf", 2);
  g_autoptr(QaMaterial) material = NULL;
  g_autoptr(QaDossier) dossier = NULL;
  g_autoptr(GError) error = NULL;
  QaRecordTable *certificates;
  QaRecordTable *indicators;
  GtkWidget *declared;

  assert_tab_widgets_absent ("at start");

  /* A02 with a material, a certificate, an indicator and a declared accident. */
  material = qa_materials_add (session, "A02", QA_MATERIAL_SELF_ASSESSMENT, pdf, FALSE, TRUE, NULL,
                               &error);
  ck_assert_msg (material != NULL, "%s", error ? error->message : "");
  dossier = qa_applicants_load_dossier (session, "A02", &error);
  ck_assert_msg (dossier != NULL, "%s", error ? error->message : "");
  qa_dossier_add_certificate (dossier, "GB/T 19001-2016", "00123Q45678", "中国质量认证中心",
                              "2027-06-30");
  qa_dossier_add_indicator (dossier, qa_session_get_year (session) - 1, "Operating revenue", 3200,
                            "10,000 yuan");
  qa_dossier_set_declared_accidents (dossier, TRUE);
  ck_assert_msg (qa_applicants_save_dossier (session, dossier, &error), "%s",
                 error ? error->message : "");

  select_applicant ("A02");
  gui_test_settle ();
  assert_tab_widgets_absent ("before their tabs are shown");
  ck_assert (!qa_dossier_pane_get_modified (pane ()));
  /* The count in the materials tab's title, before the tab is built. */
  gui_test_assert_label_on_screen (ROOT, "Materials (1)");

  show_tab ("materials");
  ck_assert_ptr_nonnull (gui_test_find_widget (GTK_WIDGET (pane ()), QA_TYPE_MATERIALS_PANE));
  gui_test_assert_label_on_screen (ROOT, "自评报告.pdf");
  gui_test_assert_label_on_screen (ROOT, "Materials (1)");
  ck_assert_ptr_null (gui_test_find_widget (GTK_WIDGET (pane ()), QA_TYPE_RECORD_TABLE));

  show_tab ("systems");
  certificates = QA_RECORD_TABLE (gui_test_find_widget (GTK_WIDGET (pane ()), QA_TYPE_RECORD_TABLE));
  ck_assert_ptr_nonnull (certificates);
  ck_assert_ptr_eq (certificates, qa_dossier_pane_get_table (pane (), "certificates"));
  ck_assert_uint_eq (qa_record_table_get_n_rows (certificates), 1);
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (qa_record_table_get_cell (certificates, 0, 0))),
                    "GB/T 19001-2016");
  declared = gui_test_find_labelled (GTK_WIDGET (pane ()), GTK_TYPE_CHECK_BUTTON,
                                     "The applicant declares a liability accident in the years checked");
  ck_assert_ptr_nonnull (declared);
  ck_assert (gtk_check_button_get_active (GTK_CHECK_BUTTON (declared)));

  show_tab ("indicators");
  indicators = qa_dossier_pane_get_table (pane (), "indicators");
  ck_assert_ptr_nonnull (gui_test_find_widget (GTK_WIDGET (pane ()), QA_TYPE_DOSSIER_INDICATORS));
  ck_assert_uint_eq (qa_record_table_get_n_rows (indicators), 1);

  show_tab ("eligibility");
  ck_assert_ptr_nonnull (gui_test_find_widget (GTK_WIDGET (pane ()), QA_TYPE_ELIGIBILITY_PANE));
  ck_assert_int_ne (qa_eligibility_pane_get_verdict (qa_dossier_pane_get_eligibility (pane ())),
                    QA_ELIGIBILITY_UNCHECKED);

  /* Built tabs count as loaded, and take the next applicant as before. */
  ck_assert (!qa_dossier_pane_get_modified (pane ()));
  select_applicant ("A01");
  gui_test_settle ();
  ck_assert_uint_eq (qa_record_table_get_n_rows (certificates), 0);
  ck_assert (!gtk_check_button_get_active (GTK_CHECK_BUTTON (declared)));
  gui_test_assert_label_on_screen (ROOT, "Materials");
  ck_assert (!qa_dossier_pane_get_modified (pane ()));
}
END_TEST

/* Run alone, by the test dossiers-no-poppler, with QAREVIEW_POPPLER_LIBRARY naming a library
 * that is not there: the program links no poppler and loads it on first use, so without it
 * opening a PDF material and printing say why, and nothing else breaks. */
START_TEST (test_pdf_reader_unavailable)
{
  g_autoptr(GFile) pdf = gui_test_write_pdf (tmpdir, "report.pdf", 2);
  g_autofree char *printed = g_build_filename (tmpdir, "printed.pdf", NULL);
  g_autoptr(QaMaterial) material = NULL;
  g_autoptr(GError) error = NULL;
  QaMaterialsPane *materials;
  AdwMessageDialog *dialog;

  ck_assert_ptr_nonnull (g_getenv ("QAREVIEW_POPPLER_LIBRARY"));

  materials = show_pdf_material (pdf, &material);
  gui_test_settle ();
  ck_assert (n_materials_is (GUINT_TO_POINTER (1)));

  /* Opened, it says why not. */
  ck_assert_ptr_null (qa_materials_pane_open_material (materials, material, &error));
  ck_assert_msg (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED),
                 "%s", error ? error->message : "no error");
  ck_assert_msg (g_str_has_prefix (error->message, "The PDF reader is not available: ") &&
                   strstr (error->message, "libqareview-missing-poppler") != NULL,
                 "%s", error->message);
  g_clear_error (&error);
  gui_test_settle ();

  /* No reader is left behind. */
  ck_assert_ptr_null (gui_test_find_window (QA_TYPE_PDF_WINDOW, GTK_WINDOW (window)));

  /* Printing refuses the same way and writes nothing. */
  _qa_ui_print_pdf (GTK_WIDGET (window), pdf, "report", printed, "Could Not Print");
  dialog = wait_for_dialog ();
  ck_assert_str_eq (adw_message_dialog_get_heading (dialog), "Could Not Print");
  ck_assert_msg (g_str_has_prefix (adw_message_dialog_get_body (dialog),
                                   "The PDF reader is not available: "),
                 "%s", adw_message_dialog_get_body (dialog));
  close_window (GTK_WINDOW (dialog));
  ck_assert (!g_file_test (printed, G_FILE_TEST_EXISTS));
}
END_TEST

START_TEST (test_unsaved_changes_asked_about)
{
  AdwMessageDialog *dialog;

  select_applicant ("A01");
  type_into (QA_DOSSIER_INDUSTRY, "乳制品制造与销售");
  ck_assert (qa_dossier_pane_get_modified (pane ()));

  /* Keep editing: the row and the typing stay. */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (qa_dossiers_view_get_model (view ())), 1);
  dialog = wait_for_dialog ();
  gui_test_assert_label_on_screen (GTK_WIDGET (dialog), "Save the Changes to A01?");
  adw_message_dialog_response (dialog, "keep");
  gui_test_settle ();
  ck_assert_str_eq (qa_dossier_pane_get_applicant_id (pane ()), "A01");
  ck_assert_uint_eq (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (qa_dossiers_view_get_model (view ()))), 0);
  ck_assert_str_eq (gtk_editable_get_text (form_field (QA_DOSSIER_INDUSTRY)), "乳制品制造与销售");

  /* Discard: the other applicant is shown, and A01 is as stored. */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (qa_dossiers_view_get_model (view ())), 1);
  dialog = wait_for_dialog ();
  adw_message_dialog_response (dialog, "discard");
  gui_test_settle ();
  ck_assert_str_eq (qa_dossier_pane_get_applicant_id (pane ()), "A02");
  ck_assert (!qa_dossier_pane_get_modified (pane ()));
}
END_TEST

START_TEST (test_closing_asks_about_unsaved_changes)
{
  g_autoptr(QaDossier) stored = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  gpointer alive = window;

  select_applicant ("A01");
  type_into (QA_DOSSIER_INDUSTRY, "乳制品制造与销售");

  /* Cancel: the window stays, with the typing. */
  gtk_window_close (GTK_WINDOW (window));
  dialog = wait_for_dialog ();
  gui_test_assert_label_on_screen (GTK_WIDGET (dialog), "Save the Changes to A01 Before Closing?");
  adw_message_dialog_response (dialog, "cancel");
  gui_test_settle ();
  ck_assert (gui_test_widget_is_mapped (window));
  ck_assert_str_eq (gtk_editable_get_text (form_field (QA_DOSSIER_INDUSTRY)), "乳制品制造与销售");

  /* Save: the dossier is stored, then the window goes. */
  g_object_add_weak_pointer (G_OBJECT (window), &alive);
  gtk_window_close (GTK_WINDOW (window));
  dialog = wait_for_dialog ();
  adw_message_dialog_response (dialog, "save");
  gui_test_settle ();
  ck_assert_ptr_null (alive);
  window = NULL;

  stored = qa_applicants_load_dossier (session, "A01", &error);
  ck_assert_msg (stored != NULL, "%s", error ? error->message : "");
  ck_assert_str_eq (qa_dossier_get_text (stored, QA_DOSSIER_INDUSTRY), "乳制品制造与销售");
}
END_TEST

/* Ctrl+S saves the dossier with the focus in the list, as it does in the form. */
START_TEST (test_save_from_the_list)
{
  g_autoptr(QaDossier) stored = NULL;
  GtkWidget *list, *focus;

  select_applicant ("A01");
  type_into (QA_DOSSIER_INDUSTRY, "乳制品制造与销售");
  /* The key pressed in the list, where the form's own Ctrl+S does not reach. */
  list = gui_test_find_widget (GTK_WIDGET (view ()), GTK_TYPE_COLUMN_VIEW);
  ck_assert_ptr_nonnull (list);
  ck_assert (gtk_widget_grab_focus (list));
  gui_test_settle ();
  focus = gtk_root_get_focus (GTK_ROOT (window));
  ck_assert (focus != NULL && (focus == list || gtk_widget_is_ancestor (focus, list)));
  ck_assert (qa_dossier_pane_get_modified (pane ()));
  ck_assert_ptr_eq (gui_test_press_shortcut (focus, "<Control>s"), view ());
  ck_assert (!qa_dossier_pane_get_modified (pane ()));
  stored = qa_applicants_load_dossier (session, "A01", NULL);
  ck_assert_str_eq (qa_dossier_get_text (stored, QA_DOSSIER_INDUSTRY), "乳制品制造与销售");
}
END_TEST

START_TEST (test_closing_discards_when_told)
{
  g_autoptr(QaDossier) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  AdwMessageDialog *dialog;
  gpointer alive = window;

  select_applicant ("A01");
  before = g_strdup (gtk_editable_get_text (form_field (QA_DOSSIER_INDUSTRY)));
  type_into (QA_DOSSIER_INDUSTRY, "乳制品制造与销售");

  g_object_add_weak_pointer (G_OBJECT (window), &alive);
  gtk_window_close (GTK_WINDOW (window));
  dialog = wait_for_dialog ();
  adw_message_dialog_response (dialog, "discard");
  gui_test_settle ();
  ck_assert_ptr_null (alive);
  window = NULL;

  stored = qa_applicants_load_dossier (session, "A01", &error);
  ck_assert_msg (stored != NULL, "%s", error ? error->message : "");
  ck_assert_str_eq (qa_dossier_get_text (stored, QA_DOSSIER_INDUSTRY), before);
}
END_TEST

START_TEST (test_empty_session_imports)
{
  g_autofree char *path = g_build_filename (tmpdir, "empty.db", NULL);
  g_autofree char *code = make_credit_code ("91620702MA7Q00001");
  g_autofree char *csv = NULL;
  g_autoptr(QaDatabase) db = NULL;
  g_autoptr(QaProfile) profile = NULL;
  g_autoptr(QaSession) empty = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  db = qa_database_open (path, &error);
  ck_assert_msg (db != NULL, "%s", error ? error->message : "");
  profile = qa_profile_new_from_id (QA_PROFILE_DEFAULT_ID, &error);
  ck_assert_msg (profile != NULL, "%s", error ? error->message : "");
  ck_assert (qa_session_create (db, profile, 2027, NULL, &error));
  empty = qa_session_new (db, &error);
  ck_assert_msg (empty != NULL, "%s", error ? error->message : "");

  qa_window_set_session (window, empty);
  gui_test_settle ();
  gui_test_assert_label_on_screen (ROOT, "No Applicants Yet");
  ck_assert (!gtk_widget_get_visible (GTK_WIDGET (pane ())));

  csv = g_strdup_printf ("%sB01,张掖新能源科技有限公司,%s,甘州区,yes,2015-03-01,no,yes,yes,640\n",
                         csv_header, code);
  file = write_file ("first.csv", csv);
  qa_dossiers_view_import_file (view (), file);
  ck_assert (gui_test_iterate_until (n_rows_is, GUINT_TO_POINTER (1)));
  gui_test_settle ();

  /* The first row is opened at once. */
  gui_test_assert_not_on_screen (ROOT, "No Applicants Yet");
  ck_assert_str_eq (qa_dossier_pane_get_applicant_id (pane ()), "B01");
  ck_assert (gtk_widget_get_visible (GTK_WIDGET (pane ())));
}
END_TEST

static Suite *
dossiers_suite (void)
{
  Suite *suite = suite_create ("dossiers");
  TCase *tc = tcase_create ("dossiers");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_import_shows_rows);
  tcase_add_test (tc, test_import_refused_lists_every_row);
  tcase_add_test (tc, test_eligibility_verdict_and_reasons);
  tcase_add_test (tc, test_credit_code_checked_as_typed);
  tcase_add_test (tc, test_new_applicant_saved);
  tcase_add_test (tc, test_refused_save_shows_every_problem);
  tcase_add_test (tc, test_tables_saved_with_dossier);
  tcase_add_test (tc, test_material_add_mark_remove_undo);
  tcase_add_test (tc, test_pdf_material_opens_in_reader);
  tcase_add_test (tc, test_judgement_recorded);
  tcase_add_test (tc, test_override_needs_reason);
  tcase_add_test (tc, test_notice_refused_while_pending);
  tcase_add_test (tc, test_notice_exported_and_printed);
  tcase_add_test (tc, test_hidden_tabs_built_when_shown);
  tcase_add_test (tc, test_unsaved_changes_asked_about);
  tcase_add_test (tc, test_closing_asks_about_unsaved_changes);
  tcase_add_test (tc, test_closing_discards_when_told);
  tcase_add_test (tc, test_save_from_the_list);
  tcase_add_test (tc, test_empty_session_imports);
  suite_add_tcase (suite, tc);

  gui_test_add_no_poppler_case (suite, setup, teardown, test_pdf_reader_unavailable);

  return suite;
}

int
main (void)
{
  return gui_test_run (dossiers_suite ());
}
