/* test-checks.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What issue 12 asked of the window, checked on a demo session through the real actions and
 * widgets, in English and, where words are asked for, in Chinese too (the test switches the
 * language itself, with the build's catalogue from QAREVIEW_LOCALEDIR): the About text names
 * only stages the window has pages for, the experts' name column is headed 姓名, the judgement
 * dialog's heading is one line, quitting with an unsaved dossier asks first, a draw that had no
 * choice says so, and the audit PDF written in Chinese reads in Chinese words.
 */

#define G_LOG_DOMAIN "test-checks"

#include "config.h"

#include <adwaita.h>
#include <check.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "qa-application.h"
#include "qa-core.h"
#include "qa-dossier-form.h"
#include "qa-dossier-pane.h"
#include "qa-dossiers-view.h"
#include "qa-experts-view.h"
#include "qa-panel-view.h"
#include "qa-window.h"

#include "gui-test-util.h"

#define ROOT GTK_WIDGET (window)

static char *tmpdir;
static QaSession *session;
static QaWindow *window;
static QaApplication *app;

/* The program as it runs: one application for the whole test program, registered once. */
static GtkApplication *
application (void)
{
  g_autoptr(GError) error = NULL;

  if (app == NULL)
    {
      app = qa_application_new ();
      g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
      ck_assert_msg (g_application_register (G_APPLICATION (app), NULL, &error), "%s",
                     error ? error->message : "");
    }
  return GTK_APPLICATION (app);
}

/* Shows what follows in @language ("en" or "zh_CN"), as the program does at start-up. */
static void
use_language (const char *language)
{
  const char *localedir = g_getenv ("QAREVIEW_LOCALEDIR");

  if (g_str_equal (language, "zh_CN"))
    {
      ck_assert_msg (localedir != NULL, "QAREVIEW_LOCALEDIR is not set: no catalogue to read");
      ck_assert_msg (setlocale (LC_ALL, "zh_CN.UTF-8") != NULL, "this machine has no zh_CN.UTF-8 locale");
      bindtextdomain (GETTEXT_PACKAGE, localedir);
    }
  else
    ck_assert (setlocale (LC_ALL, "C.UTF-8") != NULL);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

static gboolean
in_chinese (void)
{
  return g_str_has_prefix (setlocale (LC_MESSAGES, NULL), "zh_CN");
}

/* The main window of the application on the session, on screen. */
static void
present_window (void)
{
  window = qa_window_new (application ());
  qa_window_set_session (window, session);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 760);
  gtk_window_present (GTK_WINDOW (window));
  ck_assert_msg (gui_test_iterate_until (gui_test_widget_is_mapped, window), "the window was never mapped");
  gui_test_settle ();
}

static void
close_windows (void)
{
  GtkWindow *other;

  while ((other = gui_test_find_window (GTK_TYPE_WINDOW, GTK_WINDOW (window))) != NULL)
    gtk_window_destroy (other);
  g_clear_pointer ((GtkWindow **)&window, gtk_window_destroy);
  gui_test_settle ();
}

static void
setup (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  use_language ("en");
  tmpdir = g_dir_make_tmp ("qareview-checks-XXXXXX", &error);
  ck_assert_msg (tmpdir != NULL, "%s", error ? error->message : "");
  path = g_build_filename (tmpdir, "session.db", NULL);
  session = qa_session_open_with_demo (path, &error);
  ck_assert_msg (session != NULL, "%s", error ? error->message : "");
}

static void
teardown (void)
{
  close_windows ();
  g_clear_object (&session);
  gui_test_remove_tmpdir (tmpdir);
  g_clear_pointer (&tmpdir, g_free);
  use_language ("en");
}

static void
show_page (const char *page)
{
  ck_assert (gtk_widget_activate_action (ROOT, "win.show-page", "s", page));
  gui_test_settle ();
  ck_assert_str_eq (qa_window_get_visible_page (window), page);
}

static GtkWindow *
wait_for_window (GType type)
{
  return gui_test_wait_for_window (type, GTK_WINDOW (window));
}

static gboolean
no_dialog_shown (gpointer data)
{
  return gui_test_find_window (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window)) == NULL;
}

/* Item 11 ----------------------------------------------------------------------------------------- */

/* Each stage the About text names, in both languages, and the page of the window that does it. */
static const struct
{
  const char *english;
  const char *chinese;
  const char *page;
} about_stages[] = {
  { "eligibility check (Art. 13)", "资格审查（第十三条）", "dossiers" },
  { "the expert pool and the panels (Art. 11)", "专家库与评审组（第十一条）", "experts" },
  { "independent scoring against GB/T 19580-2012 in review packages", "独立评分", "scoring" },
  { "consensus at material and site review with written feedback (Art. 16)", "合议及书面反馈（第十六条）", "consensus" },
  { "the comprehensive evaluation and shortlist", "综合评价与拟获奖名单", "shortlist" },
  { "the public notice with its objections", "公示及异议处理", "notice" },
  { "the submission for approval and the certificates", "提请审批与证书", "awards" },
  { "the yearly reports, inspections, the re-evaluation at the end of validity and revocation",
    "年度报告、监督检查、有效期届满的复评和撤销", "awards" },
};

/* The About window, opened by the application's own action (the primary menu's About), tells what
 * the program supports: each stage it names has a page of the window that does its work. */
START_TEST (test_about_names_what_the_program_does)
{
  static const char * const languages[] = { "en", "zh_CN" };

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      AdwAboutWindow *about;
      const char *comments;

      use_language (languages[l]);
      present_window ();
      ck_assert (gtk_widget_activate_action (ROOT, "app.about", NULL));
      about = ADW_ABOUT_WINDOW (wait_for_window (ADW_TYPE_ABOUT_WINDOW));
      ck_assert_ptr_eq (gtk_window_get_transient_for (GTK_WINDOW (about)), GTK_WINDOW (window));

      comments = adw_about_window_get_comments (about);
      ck_assert_ptr_nonnull (comments);
      ck_assert_str_eq (adw_about_window_get_application_name (about), _("Quality Award Review"));
      ck_assert_str_eq (adw_about_window_get_version (about), PACKAGE_VERSION);
      if (in_chinese ())
        ck_assert_msg (g_str_has_prefix (comments, "支持甘州区人民政府质量奖秘书处和评审组"), "%s", comments);
      else
        ck_assert_msg (g_str_has_prefix (comments, "Supports the secretariat and the review panel"), "%s", comments);

      for (guint i = 0; i < G_N_ELEMENTS (about_stages); i++)
        {
          const char *stage = in_chinese () ? about_stages[i].chinese : about_stages[i].english;

          ck_assert_msg (strstr (comments, stage) != NULL, "%s: “%s” not in: %s", languages[l], stage, comments);
        }

      gtk_window_destroy (GTK_WINDOW (about));
      gui_test_settle ();
      for (guint i = 0; i < G_N_ELEMENTS (about_stages); i++)
        show_page (about_stages[i].page);
      close_windows ();
    }
}
END_TEST

/* Item 8b ----------------------------------------------------------------------------------------- */

/* The titles of the columns of the list on screen in the experts page, one a line. */
static char *
dup_pool_headings (void)
{
  GtkWidget *list = gui_test_find_mapped_widget (GTK_WIDGET (qa_window_get_experts_view (window)),
                                                 GTK_TYPE_COLUMN_VIEW);
  GListModel *columns;
  GString *titles = g_string_new ("\n");

  ck_assert_msg (list != NULL, "no expert pool on screen");
  columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (list));
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (gtk_column_view_column_get_visible (column))
        g_string_append_printf (titles, "%s\n", gtk_column_view_column_get_title (column));
    }
  return g_string_free (titles, FALSE);
}

/* The experts' name column is a person's name: 姓名, not an organisation's 名称. */
START_TEST (test_expert_name_heading)
{
  static const struct { const char *language, *heading, *not_heading; } cases[] = {
    { "en", "Name", NULL },
    { "zh_CN", "姓名", "名称" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *headings = NULL;
      g_autofree char *line = g_strdup_printf ("\n%s\n", cases[i].heading);

      use_language (cases[i].language);
      present_window ();
      show_page ("experts");
      headings = dup_pool_headings ();
      ck_assert_msg (strstr (headings, line) != NULL, "%s: no column “%s” in:%s", cases[i].language,
                     cases[i].heading, headings);
      if (cases[i].not_heading != NULL)
        {
          g_autofree char *wrong = g_strdup_printf ("\n%s\n", cases[i].not_heading);

          ck_assert_msg (strstr (headings, wrong) == NULL, "a column is headed “%s”:%s", cases[i].not_heading,
                         headings);
        }
      gui_test_assert_label_on_screen (GTK_WIDGET (qa_window_get_experts_view (window)), cases[i].heading);
      close_windows ();
    }
}
END_TEST

/* Item 8f ----------------------------------------------------------------------------------------- */

static QaDossierPane *
pane (void)
{
  return qa_dossiers_view_get_pane (qa_window_get_dossiers_view (window));
}

static gboolean
is_label_reading (GtkWidget     *widget,
                  gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* The judgement dialog's heading (“Judge Art. 13(3) for A01”) is one line, not broken before its
 * last characters, in both languages. */
START_TEST (test_judgement_heading_one_line)
{
  static const char * const languages[] = { "en", "zh_CN" };

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      AdwMessageDialog *dialog;
      GtkWidget *heading;
      PangoLayout *layout;
      PangoRectangle line;

      use_language (languages[l]);
      present_window ();
      show_page ("dossiers");
      gui_test_select_applicant (qa_window_get_dossiers_view (window), "A01");
      ck_assert (gtk_widget_activate_action (GTK_WIDGET (qa_dossier_pane_get_eligibility (pane ())),
                                             "eligibility.judge", "u", 3));
      dialog = ADW_MESSAGE_DIALOG (wait_for_window (ADW_TYPE_MESSAGE_DIALOG));
      ck_assert_msg (strstr (adw_message_dialog_get_heading (dialog), "A01") != NULL, "%s",
                     adw_message_dialog_get_heading (dialog));

      heading = gui_test_find_matching (GTK_WIDGET (dialog), is_label_reading, adw_message_dialog_get_heading (dialog));
      ck_assert_msg (heading != NULL, "the heading “%s” is not on screen", adw_message_dialog_get_heading (dialog));
      layout = gtk_label_get_layout (GTK_LABEL (heading));
      ck_assert_msg (pango_layout_get_line_count (layout) == 1, "%s: “%s” takes %d lines", languages[l],
                     adw_message_dialog_get_heading (dialog), pango_layout_get_line_count (layout));
      pango_layout_get_pixel_extents (layout, NULL, &line);
      ck_assert_int_le (line.width, gtk_widget_get_width (heading));
      ck_assert_int_lt (gtk_widget_get_height (heading), 2 * line.height);

      adw_message_dialog_response (dialog, "cancel");
      gui_test_iterate_until (no_dialog_shown, NULL);
      close_windows ();
    }
}
END_TEST

/* Item 1 ------------------------------------------------------------------------------------------ */

static GtkEditable *
industry_field (void)
{
  return GTK_EDITABLE (qa_dossier_form_get_field (qa_dossier_pane_get_form (pane ()), QA_DOSSIER_INDUSTRY));
}

/* Ctrl+Q, the application's quit, with a dossier field changed and not saved: asked Save, Discard
 * or Cancel; Cancel keeps the window and the typing, Save stores it and the window goes. */
START_TEST (test_quit_asks_about_unsaved_changes)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (application (), "app.quit");
  g_autoptr(QaDossier) stored = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  gpointer alive;

  ck_assert (g_strv_contains ((const char * const *)accels, "<Control>q"));
  present_window ();
  show_page ("dossiers");
  gui_test_select_applicant (qa_window_get_dossiers_view (window), "A01");
  gtk_editable_set_text (industry_field (), "乳制品制造与销售");
  gui_test_settle ();
  ck_assert (qa_dossier_pane_get_modified (pane ()));

  alive = window;
  g_object_add_weak_pointer (G_OBJECT (window), &alive);
  ck_assert (gtk_widget_activate_action (ROOT, "app.quit", NULL));
  if (alive == NULL)
    window = NULL;
  ck_assert_msg (alive != NULL, "quitting closed the window without asking");
  dialog = ADW_MESSAGE_DIALOG (wait_for_window (ADW_TYPE_MESSAGE_DIALOG));
  gui_test_assert_label_on_screen (GTK_WIDGET (dialog), "Save the Changes to A01 Before Closing?");
  ck_assert (adw_message_dialog_has_response (dialog, "save"));
  ck_assert (adw_message_dialog_has_response (dialog, "discard"));
  ck_assert (adw_message_dialog_has_response (dialog, "cancel"));
  adw_message_dialog_response (dialog, "cancel");
  gui_test_iterate_until (no_dialog_shown, NULL);
  ck_assert (gui_test_widget_is_mapped (window));
  ck_assert_ptr_eq (gtk_application_get_windows (application ())->data, window);
  ck_assert_str_eq (gtk_editable_get_text (industry_field ()), "乳制品制造与销售");
  stored = qa_applicants_load_dossier (session, "A01", &error);
  ck_assert_msg (stored != NULL, "%s", error ? error->message : "");
  ck_assert_str_ne (qa_dossier_get_text (stored, QA_DOSSIER_INDUSTRY), "乳制品制造与销售");
  g_clear_object (&stored);

  ck_assert (gtk_widget_activate_action (ROOT, "app.quit", NULL));
  dialog = ADW_MESSAGE_DIALOG (wait_for_window (ADW_TYPE_MESSAGE_DIALOG));
  adw_message_dialog_response (dialog, "save");
  gui_test_settle ();
  ck_assert_ptr_null (alive);
  window = NULL;
  stored = qa_applicants_load_dossier (session, "A01", &error);
  ck_assert_msg (stored != NULL, "%s", error ? error->message : "");
  ck_assert_str_eq (qa_dossier_get_text (stored, QA_DOSSIER_INDUSTRY), "乳制品制造与销售");
}
END_TEST

/* Item 3 ------------------------------------------------------------------------------------------ */

static void
collect_spin_buttons (GtkWidget *root,
                      GPtrArray *found)
{
  if (GTK_IS_SPIN_BUTTON (root))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_spin_buttons (child, found);
}

/* With three of the ten who may serve suspended, a draw of seven has no choice: the panel page
 * says so under the draw, as core's note has it. */
START_TEST (test_draw_without_choice_says_so)
{
  GListModel *applicants = qa_session_get_applicants (session);
  QaExpertsView *experts;
  g_autoptr(GPtrArray) spins = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *seed, *draw;
  const QaPanelDraw *drawn;

  for (guint i = 0; i < g_list_model_get_n_items (applicants); i++)
    {
      g_autoptr(QaApplicant) applicant = g_list_model_get_item (applicants, i);

      ck_assert (qa_applicants_judge (session, qa_applicant_get_id (applicant), 5, TRUE, "国内领先", &error));
    }
  ck_assert (qa_applicants_store_eligibility (session, &error));
  for (guint i = 10; i <= 12; i++)
    {
      g_autofree char *id = g_strdup_printf ("E%u", i);

      ck_assert_msg (qa_experts_set_status (session, id, QA_EXPERT_STATUS_SUSPENDED, "接受调查", &error),
                     "%s", error ? error->message : "");
    }

  present_window ();
  show_page ("experts");
  experts = qa_window_get_experts_view (window);
  qa_experts_view_set_section (experts, "panels");
  gui_test_settle ();
  collect_spin_buttons (GTK_WIDGET (qa_experts_view_get_panel_view (experts)), spins);
  ck_assert_uint_eq (spins->len, 2);
  gtk_spin_button_set_value (g_ptr_array_index (spins, 0), 7);
  gtk_spin_button_set_value (g_ptr_array_index (spins, 1), 0);
  seed = gui_test_find_widget (GTK_WIDGET (qa_experts_view_get_panel_view (experts)), GTK_TYPE_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (seed), "20260501");
  draw = gui_test_find_labelled (ROOT, GTK_TYPE_BUTTON, "Draw");
  ck_assert_msg (draw != NULL && gtk_widget_get_sensitive (draw), "no Draw button to press");
  g_signal_emit_by_name (draw, "clicked");
  gui_test_settle ();

  drawn = qa_panel_view_get_draw (qa_experts_view_get_panel_view (experts));
  ck_assert_ptr_nonnull (drawn);
  ck_assert_uint_eq (g_strv_length (drawn->pool), 7);
  ck_assert (drawn->no_choice);
  gui_test_assert_on_screen (ROOT, "Drawn with seed 20260501 on ");
  gui_test_assert_on_screen (ROOT, "from 7 experts who may serve");
  gui_test_assert_on_screen (ROOT, qa_panel_draw_get_choice_note (drawn));
  gui_test_assert_on_screen (ROOT, "the draw chose nobody");
}
END_TEST

/* Item 5 ------------------------------------------------------------------------------------------ */

/* The audit PDF written in Chinese reads in Chinese words: the action's label and the values
 * described, not the stored canonical text nor the English. */
START_TEST (test_audit_pdf_in_chinese)
{
  g_autofree char *pdf_path = g_build_filename (tmpdir, "audit.pdf", NULL);
  const char *argv[] = { g_getenv ("PDFTOTEXT"), "-enc", "UTF-8", pdf_path, "-", NULL };
  static const char * const in_words[] = { "判定资格条件", "第十三条条件", "符合", "国内领先", "未审查" };
  static const char * const raw[] = {
    "condition=5", "note=", "eligibility.judge", "unchecked", "Eligibility condition judged", "pending",
  };
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status = 0;

  ck_assert_msg (argv[0] != NULL, "PDFTOTEXT is not set");
  use_language ("zh_CN");
  ck_assert (qa_applicants_judge (session, "A01", 5, TRUE, "国内领先", &error));
  ck_assert (qa_applicants_store_eligibility (session, &error));
  entries = qa_audit_list (qa_session_get_database (session), &error);
  ck_assert_msg (entries != NULL, "%s", error ? error->message : "");
  ck_assert_msg (qa_audit_write_pdf (entries, "2026 · 审计日志", pdf_path, QA_OUTPUT_NONE, &error),
                 "%s", error ? error->message : "");
  ck_assert (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error));
  ck_assert (g_spawn_check_wait_status (status, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (in_words); i++)
    ck_assert_msg (strstr (out, in_words[i]) != NULL, "“%s” is not in the PDF:\n%s", in_words[i], out);
  for (guint i = 0; i < G_N_ELEMENTS (raw); i++)
    ck_assert_msg (strstr (out, raw[i]) == NULL, "the PDF shows “%s”:\n%s", raw[i], out);
}
END_TEST

static Suite *
checks_suite (void)
{
  Suite *suite = suite_create ("checks");
  TCase *tc = tcase_create ("checks");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_about_names_what_the_program_does);
  tcase_add_test (tc, test_expert_name_heading);
  tcase_add_test (tc, test_judgement_heading_one_line);
  tcase_add_test (tc, test_quit_asks_about_unsaved_changes);
  tcase_add_test (tc, test_draw_without_choice_says_so);
  tcase_add_test (tc, test_audit_pdf_in_chinese);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  int status = gui_test_run (checks_suite ());

  g_clear_object (&app);
  return status;
}
