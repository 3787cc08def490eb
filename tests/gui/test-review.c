/* test-review.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A reviewer's package opened in the real window (reviewer mode): items scored from the keyboard
 * alone, the totals on screen, the materials beside the sheet, the sheet exported, and the
 * secretariat's side: packages exported and sheets imported into the session database.
 */

#define G_LOG_DOMAIN "test-review"

#include "config.h"

#include <adwaita.h>
#include <cairo-pdf.h>
#include <check.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "qa-core.h"
#include "qa-item-score-row.h"
#include "qa-package-export-dialog.h"
#include "qa-sheet-import-dialog.h"
#include "qa-window.h"

#include "gui-test-util.h"

#define ROOT GTK_WIDGET (window)

static const char * const panel_members[] = { "E01", "E02", "E03", "E04", "E05", "E06", "E07", NULL };

static char *tmpdir;
static char *package_path;
static QaSession *session;
static QaSession *package;
static QaWindow *window;

static char *
path_in_tmp (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

static void
present (QaSession *shown)
{
  window = qa_window_new (NULL);
  qa_window_set_session (window, shown);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 780);
  gtk_window_present (GTK_WINDOW (window));

  ck_assert_msg (gui_test_iterate_until (gui_test_widget_is_mapped, window),
                 "the window was never mapped");
  gui_test_settle ();
}

/* The demo session with its Art. 13 check done, the material panel formed, a self-assessment
 * report for A01, and the review package of E03 (张明). */
static void
setup (void)
{
  static const char * const judged[] = { "A01", "A02", "A04", "A06", "A07" };
  g_autofree char *path = NULL;
  g_autoptr(GFile) report = NULL;
  g_autoptr(QaMaterial) material = NULL;
  g_autoptr(GError) error = NULL;

  tmpdir = g_dir_make_tmp ("qareview-review-XXXXXX", &error);
  ck_assert_msg (tmpdir != NULL, "%s", error ? error->message : "");

  path = path_in_tmp ("session.db");
  session = qa_session_open_with_demo (path, &error);
  ck_assert_msg (session != NULL, "%s", error ? error->message : "");

  for (guint i = 0; i < G_N_ELEMENTS (judged); i++)
    ck_assert (qa_applicants_judge (session, judged[i], 5, TRUE, NULL, &error));
  ck_assert (qa_applicants_store_eligibility (session, &error));
  ck_assert_msg (qa_panel_form (session, QA_STAGE_MATERIAL, "E01", panel_members, NULL, &error),
                 "%s", error ? error->message : "");

  report = gui_test_write_pdf (tmpdir, "report.pdf", 5);
  material = qa_materials_add (session, "A01", QA_MATERIAL_SELF_ASSESSMENT, report, FALSE, TRUE,
                               NULL, &error);
  ck_assert_msg (material != NULL, "%s", error ? error->message : "");

  package_path = path_in_tmp ("E03-material.qapkg");
  ck_assert_msg (qa_package_export (session, "E03", QA_STAGE_MATERIAL, package_path, QA_OUTPUT_NONE, &error),
                 "%s", error ? error->message : "");
  package = qa_session_open (package_path, &error);
  ck_assert_msg (package != NULL, "%s", error ? error->message : "");
}

static void
teardown (void)
{
  g_clear_pointer ((GtkWindow **)&window, gtk_window_destroy);
  gui_test_settle ();
  g_clear_object (&package);
  g_clear_object (&session);
  gui_test_remove_tmpdir (tmpdir);
  g_clear_pointer (&tmpdir, g_free);
  g_clear_pointer (&package_path, g_free);
}

static QaScoringView *
scoring_view (void)
{
  return qa_window_get_scoring_view (window);
}

static QaScoreSheetEditor *
editor (void)
{
  return qa_scoring_view_get_sheet_editor (scoring_view ());
}

static GtkWidget *
focus_widget (void)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

/* Whether the keyboard is in the percentage field of @item_code. */
static gboolean
focus_is_on (const char *item_code)
{
  GtkWidget *entry = GTK_WIDGET (qa_score_sheet_editor_get_entry (editor (), item_code));
  GtkWidget *focus = focus_widget ();

  return focus != NULL && (focus == entry || gtk_widget_is_ancestor (focus, entry));
}

static void
assert_focus_on (const char *item_code)
{
  ck_assert_msg (focus_is_on (item_code), "the keyboard is not on %s but on a %s", item_code,
                 focus_widget () != NULL ? G_OBJECT_TYPE_NAME (focus_widget ()) : "nothing");
}

/* What typing @digits and pressing Enter does in the focused field: the text goes in, then the
 * field's “activate” signal is emitted, as its binding for the Enter key emits it. */
static void
type_and_enter (const char *digits)
{
  GtkWidget *focus = focus_widget ();

  ck_assert (GTK_IS_TEXT (focus));
  gtk_editable_set_text (GTK_EDITABLE (focus), digits);
  g_signal_emit_by_name (focus, "activate");
  gui_test_settle ();
}

/* What a key bound to @action (+, −, Tab, Esc) does in the focused field. */
static void
press (const char *action)
{
  ck_assert_msg (gtk_widget_activate_action (focus_widget (), action, NULL), "no action %s", action);
  gui_test_settle ();
}

static int
saved_percent (const char *item_code)
{
  QaScoreSheet *sheet = qa_score_sheet_editor_get_sheet (editor ());

  return qa_item_score_get_percent (qa_score_sheet_lookup (sheet, item_code));
}

static QaItemScoreRow *
row_of (const char *item_code)
{
  GtkWidget *entry = GTK_WIDGET (qa_score_sheet_editor_get_entry (editor (), item_code));

  return QA_ITEM_SCORE_ROW (gtk_widget_get_ancestor (entry, QA_TYPE_ITEM_SCORE_ROW));
}

/* Adds the action of every item of @menu and its sections to @actions. */
static void
collect_menu_actions (GMenuModel *menu,
                      GPtrArray  *actions)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      char *action = NULL;

      if (section != NULL)
        collect_menu_actions (section, actions);
      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &action))
        g_ptr_array_add (actions, action);
    }
}

/* The actions of the menus of every menu button on screen under @root. */
static void
collect_menu_button_actions (GtkWidget *root,
                             GPtrArray *actions)
{
  if (GTK_IS_MENU_BUTTON (root) && gtk_widget_get_mapped (root))
    {
      GtkMenuButton *button = GTK_MENU_BUTTON (root);

      /* A menu made when first opened: open it, as the user would, to see what it offers, and
       * give the keyboard back to where it was. */
      if (gtk_menu_button_get_popover (button) == NULL)
        {
          GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (root));

          gtk_menu_button_popup (button);
          gtk_menu_button_popdown (button);
          if (focus != NULL)
            gtk_widget_grab_focus (focus);
        }
      if (gtk_menu_button_get_menu_model (button) != NULL)
        collect_menu_actions (gtk_menu_button_get_menu_model (button), actions);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_menu_button_actions (child, actions);
}

static gboolean
menu_offers (const char *action)
{
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_free);

  collect_menu_button_actions (ROOT, actions);
  ck_assert_uint_gt (actions->len, 0);
  return g_ptr_array_find_with_equal_func (actions, action, g_str_equal, NULL);
}

/* As a click does; gtk_widget_activate() would wait for the button's animation. */
static void
click_labelled (GtkWidget  *root,
                const char *label)
{
  GtkWidget *button = gui_test_find_labelled (root, GTK_TYPE_BUTTON, label);

  ck_assert_msg (button != NULL, "no button “%s” on screen", label);
  g_signal_emit_by_name (button, "clicked");
  gui_test_settle ();
}

static gboolean
file_exists (gpointer file)
{
  return g_file_query_exists (file, NULL);
}

/* Export Score Sheet… from the menu, as the reviewer does: when the sheet is incomplete a warning
 * comes first, whose text must hold @warning and which is answered with Export Anyway (NULL: no
 * warning may come). The file chooser starts next to the package; the sheet is saved there under
 * the name it offers, which is returned. */
static GFile *
export_sheet_from_menu (const char *warning)
{
  g_autoptr(GFile) package_folder = g_file_new_for_path (tmpdir);
  g_autoptr(GFile) folder = NULL;
  g_autofree char *name = NULL;
  GtkWindow *chooser;
  GFile *file;

  ck_assert (gtk_widget_activate_action (ROOT, "review.export-sheet", NULL));
  gui_test_settle ();
  if (warning != NULL)
    {
      GtkWindow *dialog = gui_test_wait_for_window (ADW_TYPE_MESSAGE_DIALOG, NULL);

      gui_test_assert_on_screen (GTK_WIDGET (dialog), warning);
      click_labelled (GTK_WIDGET (dialog), "Export Anyway");
    }
  else
    ck_assert_ptr_null (gui_test_find_window (ADW_TYPE_MESSAGE_DIALOG, NULL));

  chooser = gui_test_wait_for_window (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL);
  folder = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (chooser));
  ck_assert_msg (folder != NULL && g_file_equal (folder, package_folder),
                 "the chooser starts in %s, not next to the package",
                 folder != NULL ? g_file_peek_path (folder) : "no folder");
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  ck_assert_str_eq (name, "E03-material.qasheet");
  file = g_file_get_child (folder, name);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  ck_assert_msg (gui_test_iterate_until (file_exists, file), "no sheet at %s", g_file_peek_path (file));
  gui_test_settle ();
  return file;
}

/* Whether @widget is the row of reviewer @data in the export dialog (its subtitle starts
 * “E07 · ”). */
static gboolean
is_reviewer_row (GtkWidget     *widget,
                 gconstpointer  data)
{
  g_autofree char *prefix = g_strdup_printf ("%s · ", (const char *)data);
  const char *subtitle;

  if (!ADW_IS_ACTION_ROW (widget) || !gtk_widget_get_mapped (widget))
    return FALSE;
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (widget));
  return subtitle != NULL && g_str_has_prefix (subtitle, prefix);
}

static AdwActionRow *
find_reviewer_row (GtkWidget  *root,
                   const char *id)
{
  return (AdwActionRow *)gui_test_find_matching (root, is_reviewer_row, id);
}

/* Clicks the row of reviewer @id, which unticks its check box. */
static void
untick_reviewer (GtkWidget  *dialog,
                 const char *id)
{
  AdwActionRow *row = find_reviewer_row (dialog, id);
  GtkWidget *check;

  ck_assert_msg (row != NULL, "no row for %s on screen", id);
  check = gui_test_find_widget (GTK_WIDGET (row), GTK_TYPE_CHECK_BUTTON);
  ck_assert (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  adw_action_row_activate (row);
  gui_test_settle ();
  ck_assert (!gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
}

static gboolean
outcomes_done (gpointer outcomes)
{
  return !qa_outcome_list_get_busy (outcomes);
}

/* Imports the files given (a NULL-terminated list) into the session database as Import Score
 * Sheets… does once they are chosen; the dialog tells what became of each. */
static QaSheetImportDialog *
import_sheets (GFile *file,
               ...)
{
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  QaSheetImportDialog *dialog;
  va_list args;

  va_start (args, file);
  for (; file != NULL; file = va_arg (args, GFile *))
    g_list_store_append (files, file);
  va_end (args);

  dialog = qa_sheet_import_dialog_new (NULL, session);
  gtk_window_present (GTK_WINDOW (dialog));
  qa_sheet_import_dialog_import (dialog, G_LIST_MODEL (files));
  ck_assert (gui_test_iterate_until (outcomes_done, qa_sheet_import_dialog_get_outcome_list (dialog)));
  gui_test_settle ();

  return dialog;
}

static guint
count (QaOutcomeList *outcomes,
       QaOutcome      outcome)
{
  return qa_outcome_list_count (outcomes, outcome);
}

START_TEST (test_reviewer_mode_shows_only_the_sheet)
{
  g_autofree char *subtitle = NULL;

  present (package);

  ck_assert (qa_window_get_reviewer_mode (window));
  ck_assert_str_eq (qa_window_get_visible_page (window), "scoring");
  ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (window)), "Review Package · 张明 · Material review");
  gui_test_assert_label_on_screen (ROOT, "Review Package · 张明 · Material review");
  gui_test_assert_label_on_screen (ROOT, "0 of 5 applicants done");

  /* No secretariat view, no procedure; the other pages cannot be reached. */
  gui_test_assert_not_on_screen (ROOT, "Secretariat");
  gui_test_assert_not_on_screen (ROOT, qa_stage_get_title (QA_STAGE_AWARD));
  gui_test_assert_not_on_screen (ROOT, "Consensus");
  ck_assert (!gtk_widget_activate_action (ROOT, "win.show-page", "s", "dossiers") ||
             g_strcmp0 (qa_window_get_visible_page (window), "scoring") == 0);
  ck_assert (g_action_group_get_action_enabled (qa_scoring_view_get_actions (scoring_view ()),
                                                "export-sheet"));
  ck_assert (!g_action_group_get_action_enabled (qa_scoring_view_get_actions (scoring_view ()),
                                                 "export-packages"));

  /* The menu is the package's: its sheet, and nothing to do with a session. */
  ck_assert (menu_offers ("review.export-sheet"));
  ck_assert (!menu_offers ("app.new-session"));
  ck_assert (!menu_offers ("app.open-session"));
  ck_assert (!menu_offers ("win.backup"));
  ck_assert (!menu_offers ("win.restore"));
  ck_assert (!menu_offers ("review.import-sheets"));
  /* Nor does its shortcut: core gives a reviewer no backup. */
  gtk_widget_activate_action (ROOT, "win.backup", NULL);
  gui_test_settle ();
  ck_assert_ptr_null (gui_test_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL));

  /* Only the applicants assigned to E03, each with its progress; the first is shown. */
  ck_assert_uint_eq (g_list_model_get_n_items (qa_scoring_view_get_sheets (scoring_view ())), 5);
  gui_test_assert_label_on_screen (ROOT, "张掖祁连乳业有限公司 (A01)");
  gui_test_assert_label_on_screen (ROOT, "0/23");
  gui_test_assert_label_on_screen (ROOT, "0.0");
  gui_test_assert_label_on_screen (ROOT, "/1000");

  /* The 7 categories with their subtotals, every item marked as unscored. */
  gui_test_assert_label_on_screen (ROOT, "4.1 Leadership");
  gui_test_assert_label_on_screen (ROOT, "Subtotal 0.0");
  gui_test_assert_label_on_screen (ROOT, "Role of senior leaders");
  ck_assert (gtk_widget_has_css_class (GTK_WIDGET (row_of ("4.1.2")), "unscored"));

  /* The keyboard is in the first item's percentage, its guidance beside it. */
  assert_focus_on ("4.1.2");
  ck_assert_str_eq (qa_score_sheet_editor_get_current_item (editor ()), "4.1.2");
  gui_test_assert_label_on_screen (ROOT, "4.1.2 Role of senior leaders");
  gui_test_assert_on_screen (ROOT, "Scoring Bands");
}
END_TEST

START_TEST (test_keyboard_scoring_and_exchange)
{
  g_autofree char *sheet_path = path_in_tmp ("E03-material.qasheet");
  g_autoptr(GFile) sheet_file = g_file_new_for_path (sheet_path);
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GError) error = NULL;
  QaSheetImportDialog *dialog;

  present (package);
  assert_focus_on ("4.1.2");

  /* 6 0 Enter scores 60% and moves on; so on down the category. */
  type_and_enter ("60");
  assert_focus_on ("4.1.3");
  gui_test_assert_label_on_screen (ROOT, "30.0");
  type_and_enter ("55");
  assert_focus_on ("4.1.4");
  type_and_enter ("65");
  assert_focus_on ("4.2.2");

  /* 50 × 60% + 30 × 55% + 30 × 65%, saved as entered. */
  ck_assert_int_eq (saved_percent ("4.1.2"), 60);
  ck_assert_int_eq (saved_percent ("4.1.3"), 55);
  ck_assert_int_eq (saved_percent ("4.1.4"), 65);
  ck_assert_double_eq_tol (qa_score_sheet_editor_get_total (editor ()), 66.0, 1e-9);
  gui_test_assert_label_on_screen (ROOT, "66.0");
  gui_test_assert_label_on_screen (ROOT, "Subtotal 66.0");
  gui_test_assert_label_on_screen (ROOT, "3/23");
  ck_assert (!gtk_widget_has_css_class (GTK_WIDGET (row_of ("4.1.2")), "unscored"));

  /* The sheet goes out signed from the menu, after a warning that it is incomplete… */
  g_clear_object (&sheet_file);
  sheet_file = export_sheet_from_menu ("112 of the 115 items to score are not scored yet. "
                                       "0 of 5 applicants are scored in full.");
  ck_assert (g_file_test (sheet_path, G_FILE_TEST_EXISTS));

  /* …and comes back into the session database with exactly those scores. */
  dialog = import_sheets (sheet_file, NULL);
  ck_assert_uint_eq (count (qa_sheet_import_dialog_get_outcome_list (dialog), QA_OUTCOME_WRITTEN), 1);
  ck_assert_uint_eq (count (qa_sheet_import_dialog_get_outcome_list (dialog), QA_OUTCOME_REFUSED), 0);
  gui_test_assert_on_screen (GTK_WIDGET (dialog), "Stored the scores of 张明 (E03)");
  gtk_window_destroy (GTK_WINDOW (dialog));

  stored = qa_scores_list (session, QA_STAGE_MATERIAL, "E03", NULL, &error);
  ck_assert_msg (stored != NULL, "%s", error ? error->message : "");
  ck_assert_uint_eq (stored->len, 3);
  ck_assert_str_eq (((QaScoreRecord *)stored->pdata[0])->applicant_id, "A01");
  ck_assert_str_eq (((QaScoreRecord *)stored->pdata[0])->item, "4.1.2");
  ck_assert_int_eq (((QaScoreRecord *)stored->pdata[0])->percent, 60);
  ck_assert_str_eq (((QaScoreRecord *)stored->pdata[1])->item, "4.1.3");
  ck_assert_int_eq (((QaScoreRecord *)stored->pdata[1])->percent, 55);
  ck_assert_str_eq (((QaScoreRecord *)stored->pdata[2])->item, "4.1.4");
  ck_assert_int_eq (((QaScoreRecord *)stored->pdata[2])->percent, 65);

  /* The same sheet again changes nothing, and says so. */
  dialog = import_sheets (sheet_file, NULL);
  ck_assert_uint_eq (count (qa_sheet_import_dialog_get_outcome_list (dialog), QA_OUTCOME_UNCHANGED), 1);
  gtk_window_destroy (GTK_WINDOW (dialog));
}
END_TEST

START_TEST (test_steps_of_five_and_refusals)
{
  present (package);
  ck_assert (qa_score_sheet_editor_focus_item (editor (), "4.2.2"));
  gui_test_settle ();

  /* 7 and 57 are not scores: refused in place, nothing saved, the keyboard stays until it is
   * corrected; 55 then goes through. */
  type_and_enter ("7");
  ck_assert_int_eq (saved_percent ("4.2.2"), -1);
  assert_focus_on ("4.2.2");
  ck_assert_str_eq (qa_item_score_row_get_hint (row_of ("4.2.2")),
                    "7% is not a score: use a multiple of 5 (5% or 10%)");
  gui_test_assert_label_on_screen (ROOT, "7% is not a score: use a multiple of 5 (5% or 10%)");
  type_and_enter ("57");
  ck_assert_int_eq (saved_percent ("4.2.2"), -1);
  assert_focus_on ("4.2.2");
  type_and_enter ("55");
  ck_assert_int_eq (saved_percent ("4.2.2"), 55);
  assert_focus_on ("4.2.3");
  ck_assert_ptr_null (qa_item_score_row_get_hint (row_of ("4.2.2")));

  /* More than 100 is refused in place: nothing is saved, the keyboard stays, and the 10 typed on
   * the way no longer counts. */
  gtk_editable_set_text (GTK_EDITABLE (focus_widget ()), "10");
  ck_assert_int_eq (qa_item_score_row_get_shown_percent (row_of ("4.2.3")), 10);
  type_and_enter ("105");
  ck_assert_int_eq (saved_percent ("4.2.3"), -1);
  assert_focus_on ("4.2.3");
  gui_test_assert_on_screen (ROOT, "At most 100%");
  ck_assert_int_eq (qa_item_score_row_get_shown_percent (row_of ("4.2.3")), -1);
  ck_assert_double_eq_tol (qa_score_sheet_editor_get_total (editor ()), 40 * 0.55, 1e-9);

  /* Esc puts back what was saved; + and − step by 5 and save at once. */
  press ("score.revert");
  ck_assert_ptr_null (qa_item_score_row_get_hint (row_of ("4.2.3")));
  ck_assert_str_eq (gtk_editable_get_text (qa_score_sheet_editor_get_entry (editor (), "4.2.3")), "");
  press ("score.increase");
  ck_assert_int_eq (saved_percent ("4.2.3"), 5);
  press ("score.increase");
  press ("score.increase");
  press ("score.decrease");
  ck_assert_int_eq (saved_percent ("4.2.3"), 10);
  ck_assert_double_eq_tol (qa_score_sheet_editor_get_total (editor ()), 40 * 0.55 + 50 * 0.10, 1e-9);

  /* Up goes back to the item before. */
  press ("score.previous");
  assert_focus_on ("4.2.2");
}
END_TEST

static gboolean
notes_saved (gpointer data)
{
  QaScoreSheet *sheet = qa_score_sheet_editor_get_sheet (editor ());

  return g_strcmp0 (qa_item_score_get_strengths (qa_score_sheet_lookup (sheet, "4.1.2")), data) == 0;
}

START_TEST (test_notes_follow_the_keyboard)
{
  const char *strengths = "高层领导亲自推动卓越绩效模式";
  GtkWidget *focus;

  present (package);
  assert_focus_on ("4.1.2");

  /* Tab goes from the percentage to the strengths; notes need a score first. */
  gtk_editable_set_text (GTK_EDITABLE (focus_widget ()), "70");
  press ("score.notes");
  ck_assert_int_eq (saved_percent ("4.1.2"), 70);
  focus = focus_widget ();
  ck_assert (GTK_IS_TEXT_VIEW (focus));
  ck_assert_str_eq (qa_score_sheet_editor_get_current_item (editor ()), "4.1.2");

  /* What is typed is saved a moment later, with the score. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus)), strengths, -1);
  ck_assert (gui_test_iterate_until (notes_saved, (gpointer)strengths));

  /* The band of 70% is highlighted in the guidance. */
  ck_assert_str_eq (qa_item_guide_get_current_band (qa_score_sheet_editor_get_guide (editor ())),
                    "70–85%");
  gui_test_assert_label_on_screen (ROOT, "Current band 70–85%");
}
END_TEST


/* When QA_GUI_SHOT is set, the window as it is drawn, written there as PNG (to look at it). */
static void
save_shot (const char *suffix)
{
  const char *base = g_getenv ("QA_GUI_SHOT");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;

  if (base == NULL)
    return;
  gui_test_settle ();
  paintable = gtk_widget_paintable_new (ROOT);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), gtk_widget_get_width (ROOT),
                          gtk_widget_get_height (ROOT));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (ROOT)), node, NULL);
  path = g_strconcat (base, suffix, ".png", NULL);
  gdk_texture_save_to_png (texture, path);
}

/* 13.5: the limit of what a sheet carries is shown as the reviewer types, and what it cannot
 * carry (a form feed) is refused there, before anything is saved. */
START_TEST (test_notes_show_the_limit)
{
  const char *strengths = "高层领导亲自推动卓越绩效模式";
  GtkWidget *focus;

  present (package);
  assert_focus_on ("4.1.2");
  gui_test_assert_label_on_screen (ROOT, "0 / 20000");
  gtk_editable_set_text (GTK_EDITABLE (focus_widget ()), "70");
  press ("score.notes");
  focus = focus_widget ();
  ck_assert (GTK_IS_TEXT_VIEW (focus));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus)), strengths, -1);
  ck_assert (gui_test_iterate_until (notes_saved, (gpointer)strengths));
  save_shot ("-typed");
  gui_test_assert_label_on_screen (ROOT, "14 / 20000");

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus)), "第一段\f第二段", -1);
  gui_test_settle ();
  save_shot ("-refused");
  gui_test_assert_label_on_screen (ROOT, "Strengths: contains the control character U+000C at character 4");
  g_usleep (G_USEC_PER_SEC);
  gui_test_settle ();
  ck_assert (notes_saved ((gpointer)strengths));
}
END_TEST

static gboolean
pdf_is_shown (gpointer data)
{
  QaPdfView *pdf = qa_material_reader_get_pdf_view (qa_scoring_view_get_material_reader (scoring_view ()));

  return qa_pdf_view_get_n_pages (pdf) == GPOINTER_TO_UINT (data);
}

START_TEST (test_materials_beside_the_sheet)
{
  QaMaterialReader *reader;
  QaPdfView *pdf;

  present (package);
  reader = qa_scoring_view_get_material_reader (scoring_view ());
  pdf = qa_material_reader_get_pdf_view (reader);

  /* A01's report is open beside its sheet; the page turns from the sheet's keyboard. */
  ck_assert (gui_test_iterate_until (pdf_is_shown, GUINT_TO_POINTER (5)));
  gui_test_assert_on_screen (ROOT, "report.pdf");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (scoring_view ()), "scoring.material-next-page", NULL));
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (scoring_view ()), "scoring.material-next-page", NULL));
  ck_assert_uint_eq (qa_pdf_view_get_page (pdf), 2);

  /* The next applicant has none; coming back finds the page where it was. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (scoring_view ()), "scoring.next-applicant", NULL));
  gui_test_settle ();
  gui_test_assert_label_on_screen (ROOT, "No Materials");
  gui_test_assert_label_on_screen (ROOT, "甘州区黑河水务集团有限公司 (A02)");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (scoring_view ()), "scoring.previous-applicant", NULL));
  ck_assert (gui_test_iterate_until (pdf_is_shown, GUINT_TO_POINTER (5)));
  ck_assert_uint_eq (qa_pdf_view_get_page (pdf), 2);

  /* F9 hides the materials and shows them again. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (scoring_view ()), "scoring.show-materials", NULL));
  gui_test_settle ();
  ck_assert (!gtk_widget_get_mapped (GTK_WIDGET (reader)));
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (scoring_view ()), "scoring.show-materials", NULL));
  gui_test_settle ();
  ck_assert (gtk_widget_get_mapped (GTK_WIDGET (reader)));
}
END_TEST

/* Run alone, by the test review-no-poppler, with QAREVIEW_POPPLER_LIBRARY naming a library that
 * is not there: the reviewer's reader says, in place of the page, why it cannot show the PDF,
 * and the sheet beside it still works. */
START_TEST (test_reader_without_poppler)
{
  QaPdfView *pdf;

  present (package);
  pdf = qa_material_reader_get_pdf_view (qa_scoring_view_get_material_reader (scoring_view ()));

  ck_assert (gui_test_wait_on_screen (ROOT, "The PDF reader is not available: "));
  gui_test_assert_label_on_screen (ROOT, "Could Not Show the Document");
  gui_test_assert_on_screen (ROOT, "libqareview-missing-poppler.so.0");
  ck_assert_uint_eq (qa_pdf_view_get_n_pages (pdf), 0);

  /* The sheet is untouched by it: the keyboard is in the first item, which takes a score. */
  assert_focus_on ("4.1.2");
  gtk_editable_set_text (GTK_EDITABLE (focus_widget ()), "70");
  gui_test_settle ();
  ck_assert (!gtk_widget_has_css_class (GTK_WIDGET (row_of ("4.1.2")), "unscored"));
}
END_TEST

START_TEST (test_secretariat_exchanges_packages_and_sheets)
{
  g_autofree char *folder_path = path_in_tmp ("packages");
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  g_auto(GStrv) reviewers = NULL;
  QaPackageExportDialog *dialog;

  present (session);

  /* The secretariat's menu has the session's actions. */
  ck_assert (menu_offers ("app.new-session"));
  ck_assert (menu_offers ("app.open-session"));
  ck_assert (menu_offers ("win.backup"));

  /* In the session database: the criteria read-only, the exchange in the main menu. */
  ck_assert (!qa_window_get_reviewer_mode (window));
  ck_assert (!g_action_group_get_action_enabled (qa_scoring_view_get_actions (scoring_view ()),
                                                 "export-sheet"));
  ck_assert (g_action_group_get_action_enabled (qa_scoring_view_get_actions (scoring_view ()),
                                                "export-packages"));
  ck_assert (g_action_group_get_action_enabled (qa_scoring_view_get_actions (scoring_view ()),
                                                "import-sheets"));

  /* Every member of the material panel, all chosen; one left out here. */
  ck_assert_int_eq (g_mkdir (folder_path, 0700), 0);
  dialog = qa_package_export_dialog_new (GTK_WINDOW (window), session);
  gtk_window_present (GTK_WINDOW (dialog));
  gui_test_settle ();
  ck_assert_int_eq (qa_package_export_dialog_get_stage (dialog), QA_STAGE_MATERIAL);
  reviewers = qa_package_export_dialog_dup_reviewers (dialog);
  ck_assert_uint_eq (g_strv_length (reviewers), 7);
  gui_test_assert_on_screen (GTK_WIDGET (dialog), "E01 · panel chair · 5 applicants");
  untick_reviewer (GTK_WIDGET (dialog), "E07");
  reviewers = (g_strfreev (reviewers), qa_package_export_dialog_dup_reviewers (dialog));
  ck_assert_uint_eq (g_strv_length (reviewers), 6);
  ck_assert (!g_strv_contains ((const char * const *)reviewers, "E07"));
  qa_package_export_dialog_set_folder (dialog, folder);

  qa_package_export_dialog_export (dialog);
  ck_assert (gui_test_iterate_until (outcomes_done, qa_package_export_dialog_get_outcome_list (dialog)));
  gui_test_settle ();
  ck_assert_uint_eq (count (qa_package_export_dialog_get_outcome_list (dialog), QA_OUTCOME_WRITTEN), 6);
  ck_assert_uint_eq (count (qa_package_export_dialog_get_outcome_list (dialog), QA_OUTCOME_REFUSED), 0);
  gui_test_assert_label_on_screen (GTK_WIDGET (dialog), "E03-material.qapkg");

  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s-material.qapkg", panel_members[i]);
      g_autofree char *path = g_build_filename (folder_path, name, NULL);
      g_autoptr(QaSession) written = NULL;

      written = qa_session_open (path, NULL);
      ck_assert_msg (written != NULL, "%s", name);
      ck_assert_str_eq (qa_session_get_package_reviewer (written), panel_members[i]);
    }
  ck_assert (!g_file_test (path_in_tmp ("packages/E07-material.qapkg"), G_FILE_TEST_EXISTS));
  gtk_window_destroy (GTK_WINDOW (dialog));
}
END_TEST

START_TEST (test_import_refusal_says_why)
{
  g_autofree char *path = path_in_tmp ("E03-material.qasheet");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad_file = NULL;
  g_autofree char *bad_path = path_in_tmp ("E03-changed.qasheet");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) changed = NULL;
  QaSheetImportDialog *dialog;

  present (package);
  type_and_enter ("60");
  g_clear_object (&file);
  file = export_sheet_from_menu ("114 of the 115 items to score are not scored yet.");

  /* A changed percentage breaks the signature: that file is refused, the other stored. */
  ck_assert (g_file_get_contents (path, &text, NULL, NULL));
  changed = g_string_new (text);
  ck_assert_uint_eq (g_string_replace (changed, "percent=\"60\"", "percent=\"90\"", 1), 1);
  ck_assert (g_file_set_contents (bad_path, changed->str, -1, NULL));
  bad_file = g_file_new_for_path (bad_path);

  dialog = import_sheets (bad_file, file, NULL);
  ck_assert_uint_eq (count (qa_sheet_import_dialog_get_outcome_list (dialog), QA_OUTCOME_REFUSED), 1);
  ck_assert_uint_eq (count (qa_sheet_import_dialog_get_outcome_list (dialog), QA_OUTCOME_WRITTEN), 1);
  gui_test_assert_label_on_screen (GTK_WIDGET (dialog), "E03-changed.qasheet");
  gui_test_assert_on_screen (GTK_WIDGET (dialog), "signature");
  gui_test_assert_label_on_screen (GTK_WIDGET (dialog), "1 stored · 0 already stored · 1 refused");
  gtk_window_destroy (GTK_WINDOW (dialog));
}
END_TEST

/* A sheet that scores nothing is not sent by mistake: the warning says so, and Cancel writes no
 * file. Scored in full, the sheet goes without a warning. */
START_TEST (test_incomplete_sheet_asks_first)
{
  g_autofree char *sheet_path = path_in_tmp ("E03-material.qasheet");
  g_autoptr(GFile) file = NULL;
  g_auto(GStrv) assigned = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;

  present (package);
  ck_assert (gtk_widget_activate_action (ROOT, "review.export-sheet", NULL));
  dialog = gui_test_wait_for_window (ADW_TYPE_MESSAGE_DIALOG, NULL);
  gui_test_assert_label_on_screen (GTK_WIDGET (dialog), "Export a Sheet That Scores Nothing?");
  gui_test_assert_on_screen (GTK_WIDGET (dialog), "None of the 115 items to score is scored yet");
  click_labelled (GTK_WIDGET (dialog), "Cancel");
  ck_assert_ptr_null (gui_test_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL));
  ck_assert (!g_file_test (sheet_path, G_FILE_TEST_EXISTS));

  /* Every item of every applicant scored, the sheet is complete. */
  assigned = qa_scores_assigned_applicants (package, "E03", QA_STAGE_MATERIAL, &error);
  ck_assert_uint_eq (g_strv_length (assigned), 5);
  for (guint a = 0; assigned[a] != NULL; a++)
    {
      g_autoptr(QaScoreSheet) sheet = qa_score_sheet_new (package, "E03", assigned[a],
                                                          QA_STAGE_MATERIAL, &error);
      GListModel *items = qa_score_sheet_get_items (sheet);

      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(QaItemScore) score = g_list_model_get_item (items, i);

          ck_assert (qa_score_sheet_set (sheet, qa_item_get_code (qa_item_score_get_item (score)),
                                         50, NULL, NULL, &error));
        }
    }
  gui_test_settle ();
  file = export_sheet_from_menu (NULL);
}
END_TEST

static Suite *
review_suite (void)
{
  Suite *suite = suite_create ("review");
  TCase *tc = tcase_create ("reviewer");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_reviewer_mode_shows_only_the_sheet);
  tcase_add_test (tc, test_keyboard_scoring_and_exchange);
  tcase_add_test (tc, test_steps_of_five_and_refusals);
  tcase_add_test (tc, test_notes_follow_the_keyboard);
  tcase_add_test (tc, test_notes_show_the_limit);
  tcase_add_test (tc, test_materials_beside_the_sheet);
  tcase_add_test (tc, test_secretariat_exchanges_packages_and_sheets);
  tcase_add_test (tc, test_import_refusal_says_why);
  tcase_add_test (tc, test_incomplete_sheet_asks_first);
  suite_add_tcase (suite, tc);

  gui_test_add_no_poppler_case (suite, setup, teardown, test_reader_without_poppler);

  return suite;
}

int
main (void)
{
  /* Shots are taken in the language of the environment, as the program runs. */
  if (g_getenv ("QA_GUI_SHOT") != NULL && g_getenv ("QAREVIEW_LOCALEDIR") != NULL)
    {
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("QAREVIEW_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  return gui_test_run (review_suite ());
}
