/* test-keyboard.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The program from the keyboard, in the language it runs in (meson runs it in English and in
 * Chinese): no two access keys clash in any window or dialog, Enter records a judgement, the
 * arrow keys pick a role, Ctrl+S saves from the list, and the shortcuts window comes up without
 * a warning. Any warning logged during a test fails it.
 */

#define G_LOG_DOMAIN "test-keyboard"

#include "config.h"

#include <adwaita.h>
#include <check.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "qa-consensus-matrix.h"
#include "qa-core.h"
#include "qa-new-session-dialog.h"
#include "qa-operator-dialog.h"
#include "qa-package-export-dialog.h"
#include "qa-problems-dialog.h"
#include "qa-procedure-stepper.h"
#include "qa-restore-dialog.h"
#include "qa-sheet-import-dialog.h"
#include "qa-ui-private.h"
#include "qa-window.h"

#include "gui-test-util.h"

#define ROOT GTK_WIDGET (window)

static char *tmpdir;
static QaSession *session;
static QaWindow *window;
static GString *warnings;
static GString *clashes;   /* every clash found, so one run names them all */

/* Every warning or critical is remembered, and fails the test it came in. */
static GLogWriterOutput
log_writer (GLogLevelFlags   level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         data)
{
  if (level & (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL))
    {
      for (gsize i = 0; i < n_fields; i++)
        if (g_strcmp0 (fields[i].key, "MESSAGE") == 0)
          g_string_append_printf (warnings, "\n  %s", (const char *)fields[i].value);
    }

  return g_log_writer_default (level, fields, n_fields, data);
}

static GtkWindow *
wait_for_window (GType type)
{
  return gui_test_wait_for_window (type, GTK_WINDOW (window));
}

static QaDossiersView *
dossiers (void)
{
  return qa_window_get_dossiers_view (window);
}

static QaDossierPane *
pane (void)
{
  return qa_dossiers_view_get_pane (dossiers ());
}

static gboolean
show_page (const char *page)
{
  if (!gtk_widget_activate_action (ROOT, "win.show-page", "s", page))
    return FALSE;
  gui_test_settle ();
  return g_strcmp0 (qa_window_get_visible_page (window), page) == 0;
}

static void
close_other_windows (void)
{
  GtkWindow *other;

  while ((other = gui_test_find_window (GTK_TYPE_WINDOW, GTK_WINDOW (window))) != NULL)
    gtk_window_destroy (other);
  gui_test_settle ();
}

static void
open_window (int width,
             int height)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_string_truncate (warnings, 0);
  tmpdir = g_dir_make_tmp ("qareview-keyboard-XXXXXX", &error);
  ck_assert_msg (tmpdir != NULL, "%s", error ? error->message : "");

  path = g_build_filename (tmpdir, "session.db", NULL);
  session = qa_session_open_with_demo (path, &error);
  ck_assert_msg (session != NULL, "%s", error ? error->message : "");

  window = qa_window_new (NULL);
  qa_window_set_session (window, session);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  ck_assert_msg (gui_test_iterate_until (gui_test_widget_is_mapped, window),
                 "the window was never mapped");
  qa_window_set_operator (window, "Test Operator", QA_ROLE_SECRETARIAT);
  gui_test_settle ();
}

static void
setup (void)
{
  open_window (1280, 760);
}

/* The window at its own first size. */
static void
setup_default (void)
{
  open_window (-1, -1);
}

/* A common laptop's screen, 1366 × 768. */
static void
setup_laptop (void)
{
  open_window (1366, 768);
}

/* A small laptop's screen, 1024 × 640. */
static void
setup_small (void)
{
  open_window (1024, 640);
}

static void
teardown (void)
{
  close_other_windows ();
  g_clear_pointer ((GtkWindow **)&window, gtk_window_destroy);
  gui_test_settle ();
  g_clear_object (&session);
  gui_test_remove_tmpdir (tmpdir);
  g_clear_pointer (&tmpdir, g_free);
  ck_assert_msg (warnings->len == 0, "warnings were logged:%s", warnings->str);
}

/* Checks @dialog's access keys, then closes it. */
static void
check_dialog (GtkWindow  *dialog,
              const char *where)
{
  g_autofree char *found = gui_test_dup_mnemonic_clashes (GTK_WIDGET (dialog), where);

  g_string_append (clashes, found);
  gtk_window_destroy (dialog);
  gui_test_settle ();
}

static void
check_window (const char *where)
{
  g_autofree char *full = g_strdup_printf ("the main window, %s", where);
  g_autofree char *found = gui_test_dup_mnemonic_clashes (ROOT, full);

  g_string_append (clashes, found);
}

static gboolean
is_primary_menu_button (GtkWidget     *widget,
                        gconstpointer  data G_GNUC_UNUSED)
{
  return gtk_widget_get_mapped (widget) && GTK_IS_MENU_BUTTON (widget) &&
         g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)),
                    "open-menu-symbolic") == 0;
}

/* The primary menu, open. */
static void
check_primary_menu (void)
{
  GtkMenuButton *menu = GTK_MENU_BUTTON (gui_test_find_matching (ROOT, is_primary_menu_button,
                                                                 NULL));

  ck_assert_msg (menu != NULL, "no primary menu on screen");
  gtk_menu_button_popup (menu);
  gui_test_settle ();
  check_window ("with its menu open");
  gtk_menu_button_popdown (menu);
  gui_test_settle ();
}

static char *
applicant_with_pending_judgement (void)
{
  GListModel *applicants = qa_session_get_applicants (session);

  for (guint i = 0; i < g_list_model_get_n_items (applicants); i++)
    {
      g_autoptr(QaApplicant) applicant = g_list_model_get_item (applicants, i);
      g_autoptr(QaEligibilityReport) report = NULL;
      gboolean eligible = FALSE;

      report = qa_applicants_check_eligibility (session, qa_applicant_get_id (applicant),
                                                &eligible, NULL, NULL);
      if (!eligible && report != NULL && qa_eligibility_report_is_pending (report))
        return g_strdup (qa_applicant_get_id (applicant));
    }

  ck_abort_msg ("the demo has no applicant awaiting a judgement");
  return NULL;
}

static void
select_applicant (const char *id)
{
  gui_test_select_applicant (dossiers (), id);
}

static AdwMessageDialog *
open_judgement (guint condition)
{
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (qa_dossier_pane_get_eligibility (pane ())),
                                         "eligibility.judge", "u", condition));
  return ADW_MESSAGE_DIALOG (wait_for_window (ADW_TYPE_MESSAGE_DIALOG));
}

static void
check_dossier_pages (void)
{
  static const char * const tabs[] = { "basic", "systems", "indicators", "materials", "eligibility" };
  g_autofree char *pending = applicant_with_pending_judgement ();

  ck_assert (show_page ("dossiers"));
  select_applicant (pending);
  for (guint i = 0; i < G_N_ELEMENTS (tabs); i++)
    {
      g_autofree char *where = g_strdup_printf ("applicants, the %s tab", tabs[i]);

      qa_dossier_pane_set_page (pane (), tabs[i]);
      gui_test_settle ();
      check_window (where);
    }

  /* A changed dossier: Save and Revert lit. */
  qa_dossier_pane_set_page (pane (), "basic");
  gtk_editable_set_text (GTK_EDITABLE (qa_dossier_form_get_field (qa_dossier_pane_get_form (pane ()),
                                                                  QA_DOSSIER_INDUSTRY)), "乳制品");
  gui_test_settle ();
  check_window ("applicants, a changed dossier");

  /* Closing with the change asks: Save, Discard or Cancel. */
  gtk_window_close (GTK_WINDOW (window));
  check_dialog (wait_for_window (ADW_TYPE_MESSAGE_DIALOG), "the question on closing");
  /* Another row asks too. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (dossiers ()), "dossiers.new-applicant", NULL));
  gui_test_settle ();
  {
    GtkWindow *asked = gui_test_find_window (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window));

    if (asked != NULL)
      {
        g_autofree char *found = gui_test_dup_mnemonic_clashes (GTK_WIDGET (asked),
                                                                "the question on leaving a change");

        g_string_append (clashes, found);
        adw_message_dialog_response (ADW_MESSAGE_DIALOG (asked), "discard");
        gui_test_settle ();
      }
  }

  /* A new applicant: Cancel in place of Revert. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (dossiers ()), "dossiers.new-applicant", NULL));
  gui_test_settle ();
  check_window ("applicants, a new applicant");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (pane ()), "dossier.revert", NULL));
  gui_test_settle ();

  /* The judgement and override dialogs. */
  select_applicant (pending);
  qa_dossier_pane_set_page (pane (), "eligibility");
  gui_test_settle ();
  check_dialog (GTK_WINDOW (open_judgement (3)), "the judgement dialog");
  if (gtk_widget_activate_action (GTK_WIDGET (qa_dossier_pane_get_eligibility (pane ())),
                                  "eligibility.override", NULL))
    {
      GtkWindow *dialog;

      gui_test_settle ();
      dialog = gui_test_find_window (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window));
      if (dialog != NULL)
        check_dialog (dialog, "the override dialog");
    }
}

static void
check_expert_pages (void)
{
  static const char * const sections[] = { "pool", "conflicts", "panels" };
  static const char * const actions[] = { "expert.edit", "expert.train", "expert.suspend",
                                          "expert.add-conflict" };
  QaExpertsView *experts = qa_window_get_experts_view (window);

  ck_assert (show_page ("experts"));
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_autofree char *where = g_strdup_printf ("experts, the %s section", sections[i]);

      qa_experts_view_set_section (experts, sections[i]);
      gui_test_settle ();
      check_window (where);
    }

  qa_experts_view_set_section (experts, "pool");
  gui_test_settle ();
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      GtkWidget *detail = GTK_WIDGET (qa_experts_view_get_expert_detail (experts));
      g_autofree char *where = g_strdup_printf ("the dialog of %s", actions[i]);

      if (!gtk_widget_activate_action (detail, actions[i], NULL))
        continue;
      gui_test_settle ();
      if (gui_test_find_window (GTK_TYPE_WINDOW, GTK_WINDOW (window)) != NULL)
        check_dialog (wait_for_window (GTK_TYPE_WINDOW), where);
    }
}

static void
check_pages (const char *stage)
{
  static const char * const pages[] = { "dossiers", "experts", "scoring", "consensus", "shortlist",
                                        "notice", "awards", "audit" };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *where = g_strdup_printf ("the %s page (%s)", pages[i], stage);

      if (show_page (pages[i]))
        check_window (where);
    }
}

/* Each action of @actions on @widget that opens a dialog: its access keys. */
static void
check_action_dialogs (GtkWidget          *widget,
                      const char * const *actions,
                      const char         *stage)
{
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_autofree char *where = g_strdup_printf ("the dialog of %s (%s)", actions[i], stage);
      GtkWindow *dialog;

      if (!gtk_widget_activate_action (widget, actions[i], NULL))
        continue;
      gui_test_settle ();
      dialog = gui_test_find_window (GTK_TYPE_WINDOW, GTK_WINDOW (window));
      if (dialog != NULL && !GTK_IS_FILE_CHOOSER (dialog))
        check_dialog (wait_for_window (GTK_TYPE_WINDOW), where);
      close_other_windows ();
    }
}

/* Every page of the main window and every dialog a secretariat opens, at the start of the demo
 * and later in the procedure: no two access keys the same in one window. */
START_TEST (test_access_keys_unique)
{
  static const char * const stages[] = { "application", "material", "notice", "award" };
  static const char * const later_actions[] = { "notice.add-objection", "notice.submit",
                                                "awards.approve", "awards.report",
                                                "awards.inspect", "awards.accident",
                                                "awards.review", "awards.revoke",
                                                "shortlist.confirm", NULL };
  const char *stage = stages[_i];
  g_autofree char *csv_path = g_build_filename (tmpdir, "bad.csv", NULL);
  g_autoptr(GFile) csv_file = NULL;
  g_autoptr(GError) error = NULL;

  g_string_truncate (clashes, 0);
  if (_i > 0)
    {
      ck_assert_msg (qa_demo_advance (session, stage, &error), "%s", error ? error->message : "");
      gui_test_settle ();
    }

  ck_assert (show_page ("dossiers"));
  check_primary_menu ();
  check_pages (stage);

  gtk_window_present (GTK_WINDOW (qa_package_export_dialog_new (GTK_WINDOW (window), session)));
  check_dialog (wait_for_window (QA_TYPE_PACKAGE_EXPORT_DIALOG), "the package export dialog");
  gtk_window_present (GTK_WINDOW (qa_sheet_import_dialog_new (GTK_WINDOW (window), session)));
  check_dialog (wait_for_window (QA_TYPE_SHEET_IMPORT_DIALOG), "the sheet import dialog");

  if (_i > 0)
    {
      for (guint i = 0; later_actions[i] != NULL; i++)
        {
          const char * const one[] = { later_actions[i], NULL };
          g_autofree char *page = g_strndup (later_actions[i], strcspn (later_actions[i], "."));

          if (show_page (page))
            check_action_dialogs (ROOT, one, stage);
        }
      ck_assert_msg (clashes->len == 0, "%s", clashes->str);
      return;
    }

  check_dossier_pages ();
  check_expert_pages ();

  /* Dialogs opened from the window's actions. */
  ck_assert (gtk_widget_activate_action (ROOT, "win.change-role", NULL));
  check_dialog (wait_for_window (QA_TYPE_OPERATOR_DIALOG), "the role dialog");
  ck_assert (gtk_widget_activate_action (ROOT, "win.restore", NULL));
  check_dialog (wait_for_window (QA_TYPE_RESTORE_DIALOG), "the restore dialog");
  gtk_window_present (GTK_WINDOW (qa_new_session_dialog_new (GTK_WINDOW (window))));
  check_dialog (wait_for_window (QA_TYPE_NEW_SESSION_DIALOG), "the new session dialog");

  /* An import with problems lists them. */
  ck_assert (g_file_set_contents (csv_path, "id,name\nB01\n", -1, NULL));
  csv_file = g_file_new_for_path (csv_path);
  ck_assert (show_page ("dossiers"));
  qa_dossiers_view_import_file (dossiers (), csv_file);
  check_dialog (wait_for_window (QA_TYPE_PROBLEMS_DIALOG), "the import problems dialog");

  /* The shortcuts window. */
  {
    g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/qa-shortcuts-window.ui");
    GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

    gtk_window_set_transient_for (shortcuts, GTK_WINDOW (window));
    gtk_window_present (shortcuts);
    check_dialog (wait_for_window (GTK_TYPE_SHORTCUTS_WINDOW), "the shortcuts window");
  }

  ck_assert_msg (clashes->len == 0, "%s", clashes->str);
}
END_TEST

/* Layout ----------------------------------------------------------------------------------- */

/* A GuiTestMatch that never matches: notes each label on screen in @data that has less room than
 * it needs (its minimum width), which is how columns and labels "collapse". */
static gboolean
note_squeezed_label (GtkWidget     *widget,
                     gconstpointer  data)
{
  GString *out = (GString *) data;
  GtkAllocation allocation;
  int minimum = 0;

  if (!GTK_IS_LABEL (widget) || !gtk_widget_get_mapped (widget) ||
      *gtk_label_get_text (GTK_LABEL (widget)) == '\0')
    return FALSE;
  /* Both with the label's CSS padding and border. */
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  gtk_widget_get_allocation (widget, &allocation);
  if (allocation.width < minimum)
    g_string_append_printf (out, "\n  “%s” has %d px of the %d it needs",
                            gtk_label_get_text (GTK_LABEL (widget)), allocation.width, minimum);
  return FALSE;
}

/* The scrolled window around @widget does not scroll sideways. */
static void
assert_no_sideways_scroll (GtkWidget  *widget,
                           const char *what)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *h;

  if (GTK_IS_SCROLLED_WINDOW (widget))
    scrolled = widget;
  ck_assert_msg (scrolled != NULL, "%s is not in a scrolled window", what);
  h = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scrolled));
  ck_assert_msg (gtk_adjustment_get_upper (h) <= gtk_adjustment_get_page_size (h) + 1,
                 "%s needs %.0f px sideways in %.0f", what, gtk_adjustment_get_upper (h),
                 gtk_adjustment_get_page_size (h));
}

/* Every column's heading of @list is whole, not cut short with an ellipsis. */
static void
assert_headings_whole (GtkWidget *list)
{
  GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (list));

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      const char *title = gtk_column_view_column_get_title (column);
      GtkWidget *heading = gui_test_find_labelled (list, GTK_TYPE_LABEL, title);
      GtkAllocation allocation;
      int natural = 0;

      ck_assert_msg (heading != NULL, "no heading “%s” on screen", title);
      gtk_widget_measure (heading, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      gtk_widget_get_allocation (heading, &allocation);
      ck_assert_msg (!pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (heading))) &&
                     allocation.width >= natural,
                     "the heading “%s” is cut short: %d px of %d", title, allocation.width, natural);
      /* Nor cut off by the column around it. */
      for (GtkWidget *around = gtk_widget_get_parent (heading);
           around != NULL && around != list;
           around = gtk_widget_get_parent (around))
        {
          graphene_rect_t bounds;

          ck_assert (gtk_widget_compute_bounds (heading, around, &bounds));
          ck_assert_msg (bounds.origin.x >= -1 &&
                         bounds.origin.x + bounds.size.width <= gtk_widget_get_width (around) + 1,
                         "the heading “%s” is cut off: %.0f px wide at %.0f in a %s of %d",
                         title, bounds.size.width, bounds.origin.x, G_OBJECT_TYPE_NAME (around),
                         gtk_widget_get_width (around));
        }
    }
}

/* At 1024 × 640 the window fits the screen, the applicant list's columns fit beside the
 * sidebar without scrolling sideways, and no label on a page has less room than it needs. */
START_TEST (test_fits_a_small_laptop)
{
  static const char * const pages[] = { "dossiers", "experts" };
  int width = 0, height = 0;
  GtkWidget *list;

  gtk_widget_measure (ROOT, GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
  gtk_widget_measure (ROOT, GTK_ORIENTATION_VERTICAL, 1024, &height, NULL, NULL, NULL);
  ck_assert_msg (width <= 1024 && height <= 640, "the window needs %d × %d at least", width, height);
  ck_assert_int_le (gtk_widget_get_width (ROOT), 1024);
  ck_assert_int_le (gtk_widget_get_height (ROOT), 640);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr(GString) squeezed = g_string_new (NULL);

      ck_assert (show_page (pages[i]));
      gui_test_find_matching (ROOT, note_squeezed_label, squeezed);
      ck_assert_msg (squeezed->len == 0, "on the %s page:%s", pages[i], squeezed->str);
    }

  ck_assert (show_page ("dossiers"));
  list = gui_test_find_widget (GTK_WIDGET (dossiers ()), GTK_TYPE_COLUMN_VIEW);
  assert_no_sideways_scroll (list, "the applicant list");
  assert_headings_whole (list);
}
END_TEST

/* The dossiers page: the leaflet of the list and the dossier. */
static AdwLeaflet *
dossiers_leaflet (void)
{
  GtkWidget *leaflet = gui_test_find_widget (GTK_WIDGET (dossiers ()), ADW_TYPE_LEAFLET);

  ck_assert_msg (leaflet != NULL, "the dossiers page has no leaflet");
  return ADW_LEAFLET (leaflet);
}

static guint
row_of (const char *id)
{
  GListModel *rows = G_LIST_MODEL (qa_dossiers_view_get_model (dossiers ()));

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(QaApplicant) applicant = g_list_model_get_item (rows, i);

      if (g_strcmp0 (qa_applicant_get_id (applicant), id) == 0)
        return i;
    }
  ck_abort_msg ("no row of %s", id);
  return 0;
}

/* At 1024 × 640 the list and the dossier fold into one column: the list, then the dossier of the
 * row opened (Enter, a click), then the list again with the back button. */
START_TEST (test_dossiers_fold_when_low)
{
  GtkWidget *list, *back;
  AdwLeaflet *leaflet;

  ck_assert (show_page ("dossiers"));
  leaflet = dossiers_leaflet ();
  list = gui_test_find_widget (GTK_WIDGET (dossiers ()), GTK_TYPE_COLUMN_VIEW);
  ck_assert (adw_leaflet_get_folded (leaflet));
  ck_assert_str_eq (adw_leaflet_get_visible_child_name (leaflet), "list");
  ck_assert (gtk_widget_get_mapped (list));
  ck_assert (!gtk_widget_get_mapped (GTK_WIDGET (pane ())));
  assert_no_sideways_scroll (list, "the applicant list");

  /* Opened as GTK opens a row on Enter or a double click. */
  select_applicant ("A03");
  g_signal_emit_by_name (list, "activate", row_of ("A03"));
  gui_test_settle ();
  ck_assert_str_eq (adw_leaflet_get_visible_child_name (leaflet), "detail");
  ck_assert (gtk_widget_get_mapped (GTK_WIDGET (pane ())));
  ck_assert (!gtk_widget_get_mapped (list));
  ck_assert_str_eq (qa_dossier_pane_get_applicant_id (pane ()), "A03");
  gui_test_assert_label_on_screen (GTK_WIDGET (pane ()), "A03");

  back = qa_dossier_pane_get_back_button (pane ());
  ck_assert (gtk_widget_get_mapped (back));
  /* Named, not a second bare arrow beside the window's own back button. */
  gui_test_assert_label_on_screen (back, _("Applicants"));
  g_signal_emit_by_name (back, "clicked");
  gui_test_settle ();
  ck_assert_str_eq (adw_leaflet_get_visible_child_name (leaflet), "list");
  ck_assert (gtk_widget_get_mapped (list));

  /* A new applicant is typed in the dossier, which takes the page. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (dossiers ()), "dossiers.new-applicant", NULL));
  gui_test_settle ();
  ck_assert_str_eq (adw_leaflet_get_visible_child_name (leaflet), "detail");
  ck_assert (qa_dossier_pane_get_is_new (pane ()));
}
END_TEST

/* At 1366 × 768 the list and the dossier are both on screen, and there is no back button. */
/* On a laptop the consensus matrix's headings are whole in either language (their widths were
 * once set for the Chinese headings: “Points” showed as “Point”). */
START_TEST (test_consensus_headings_whole)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *matrix;

  ck_assert_msg (qa_demo_advance (session, "site", &error), "%s", error ? error->message : "");
  qa_window_set_operator (window, "Test Operator", QA_ROLE_CHAIR);
  ck_assert (show_page ("consensus"));
  matrix = gui_test_find_mapped_widget (ROOT, QA_TYPE_CONSENSUS_MATRIX);
  ck_assert_msg (matrix != NULL, "no consensus matrix on screen");
  assert_headings_whole (gui_test_find_widget (matrix, GTK_TYPE_COLUMN_VIEW));

  /* The next window starts as the others do (the operator and the page are remembered). */
  qa_window_set_operator (window, "Test Operator", QA_ROLE_SECRETARIAT);
  ck_assert (show_page ("dossiers"));
}
END_TEST

START_TEST (test_dossiers_unfolded_on_a_laptop)
{
  AdwLeaflet *leaflet;

  ck_assert (show_page ("dossiers"));
  leaflet = dossiers_leaflet ();
  ck_assert (!adw_leaflet_get_folded (leaflet));
  ck_assert (gtk_widget_get_mapped (gui_test_find_widget (GTK_WIDGET (dossiers ()), GTK_TYPE_COLUMN_VIEW)));
  ck_assert (gtk_widget_get_mapped (GTK_WIDGET (pane ())));
  ck_assert (!gtk_widget_get_visible (qa_dossier_pane_get_back_button (pane ())));
  select_applicant ("A02");
  ck_assert_str_eq (qa_dossier_pane_get_applicant_id (pane ()), "A02");
  assert_headings_whole (gui_test_find_widget (GTK_WIDGET (dossiers ()), GTK_TYPE_COLUMN_VIEW));
}
END_TEST

/* At 1024 px the expert pool's columns fit without scrolling sideways, headings whole. */
START_TEST (test_expert_pool_fits_1024)
{
  GtkWidget *list;

  ck_assert (show_page ("experts"));
  list = gui_test_find_mapped_widget (ROOT, GTK_TYPE_COLUMN_VIEW);
  ck_assert_msg (list != NULL, "no expert list on screen");
  assert_no_sideways_scroll (list, "the expert pool");
  assert_headings_whole (list);
}
END_TEST

/* At 640 px high the sidebar shows its pages and the whole procedure without scrolling. */
START_TEST (test_stepper_whole_at_640)
{
  GtkWidget *stepper = GTK_WIDGET (qa_window_get_procedure_stepper (window));
  GtkWidget *leaflet = gui_test_find_widget (ROOT, ADW_TYPE_LEAFLET);
  GtkWidget *scrolled = gtk_widget_get_ancestor (stepper, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *v;

  /* Where the window folds its sidebar away (English is wider), it is shown by itself. */
  if (!gtk_widget_get_mapped (stepper))
    adw_leaflet_set_visible_child_name (ADW_LEAFLET (leaflet), "sidebar");
  gui_test_settle ();
  ck_assert (gtk_widget_get_mapped (stepper));
  ck_assert_ptr_nonnull (scrolled);
  v = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  ck_assert_msg (gtk_adjustment_get_upper (v) <= gtk_adjustment_get_page_size (v) + 1,
                 "the sidebar needs %.0f px in %.0f", gtk_adjustment_get_upper (v),
                 gtk_adjustment_get_page_size (v));
}
END_TEST

static gboolean
is_status_page_on_screen (GtkWidget     *widget,
                          gconstpointer  data G_GNUC_UNUSED)
{
  return ADW_IS_STATUS_PAGE (widget) && gtk_widget_get_mapped (widget);
}

/* At the window's own first size, the applicant list's headings are whole too, and the empty
 * materials tab shows its title and description without scrolling. */
START_TEST (test_default_size_headings_whole)
{
  GtkWidget *empty, *description;
  graphene_rect_t bounds;

  ck_assert (show_page ("dossiers"));
  assert_headings_whole (gui_test_find_widget (GTK_WIDGET (dossiers ()), GTK_TYPE_COLUMN_VIEW));

  select_applicant ("A01");
  qa_dossier_pane_set_page (pane (), "materials");
  gui_test_settle ();
  empty = gui_test_find_matching (ROOT, is_status_page_on_screen, NULL);
  ck_assert_msg (empty != NULL, "no empty state on the materials tab");
  description = gui_test_find_labelled (empty, GTK_TYPE_LABEL,
                                        adw_status_page_get_description (ADW_STATUS_PAGE (empty)));
  ck_assert_ptr_nonnull (description);
  ck_assert (gtk_widget_compute_bounds (description, empty, &bounds));
  ck_assert_msg (bounds.origin.y + bounds.size.height <= gtk_widget_get_height (empty),
                 "the empty state's description ends at %.0f px, below its %d",
                 bounds.origin.y + bounds.size.height, gtk_widget_get_height (empty));
}
END_TEST

/* A Chinese tooltip is as wide as its text, on one line, not one character a line (GTK 4.8
 * sizes a tooltip to its label's minimum width). */
START_TEST (test_tooltip_on_one_line)
{
  const char *text = "依据第十三条审查全部申报组织";
  GtkWidget *button = gtk_button_new_with_label ("x");
  GtkTooltip *tooltip;
  g_autoptr(PangoLayout) layout = NULL;
  GtkWidget *marker = gtk_label_new (NULL);
  GtkWidget *label = NULL;
  gboolean shown = FALSE;
  int text_width = 0, text_height = 0, minimum = 0, lines_height = 0;

  g_object_ref_sink (button);
  gtk_widget_set_tooltip_text (button, text);
  tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  g_signal_emit_by_name (button, "query-tooltip", 1, 1, FALSE, tooltip, &shown);
  ck_assert (shown);

  /* GTK's own label, beside a custom widget. */
  gtk_tooltip_set_custom (tooltip, marker);
  ck_assert_ptr_nonnull (gtk_widget_get_parent (marker));
  for (GtkWidget *child = gtk_widget_get_first_child (gtk_widget_get_parent (marker));
       child != NULL && label == NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child) && child != marker)
      label = child;
  ck_assert_ptr_nonnull (label);
  ck_assert_str_eq (gtk_label_get_text (GTK_LABEL (label)), text);
  /* Measured as shown (the window shows it when it pops up). */
  gtk_widget_set_visible (label, TRUE);

  layout = gtk_widget_create_pango_layout (label, text);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  ck_assert_msg (minimum >= text_width, "the tooltip may be %d px wide, its text is %d", minimum,
                 text_width);
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, minimum, &lines_height, NULL, NULL, NULL);
  ck_assert_msg (lines_height < 2 * text_height, "the tooltip is %d px high, a line %d",
                 lines_height, text_height);

  gtk_tooltip_set_custom (tooltip, NULL);
  g_object_unref (tooltip);
  g_object_unref (button);
}
END_TEST

static Suite *
keyboard_suite (void)
{
  Suite *suite = suite_create ("keyboard");
  TCase *tc = tcase_create ("keyboard");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 90);
  tcase_add_loop_test (tc, test_access_keys_unique, 0, 4);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("layout");
  tcase_add_checked_fixture (tc, setup_small, teardown);
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_fits_a_small_laptop);
  tcase_add_test (tc, test_tooltip_on_one_line);
  tcase_add_test (tc, test_dossiers_fold_when_low);
  tcase_add_test (tc, test_expert_pool_fits_1024);
  tcase_add_test (tc, test_stepper_whole_at_640);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("layout-laptop");
  tcase_add_checked_fixture (tc, setup_laptop, teardown);
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_dossiers_unfolded_on_a_laptop);
  tcase_add_test (tc, test_consensus_headings_whole);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("layout-default");
  tcase_add_checked_fixture (tc, setup_default, teardown);
  tcase_add_test (tc, test_default_size_headings_whole);
  suite_add_tcase (suite, tc);

  return suite;
}

int
main (void)
{
  const char *localedir = g_getenv ("QAREVIEW_LOCALEDIR");

  /* In the language of the environment (meson sets it), with the build's catalogue. */
  setlocale (LC_ALL, "");
  if (localedir != NULL)
    {
      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }

  warnings = g_string_new (NULL);
  clashes = g_string_new (NULL);
  /* As the application does at start-up. */
  _qa_ui_unwrap_tooltips ();
  g_log_set_writer_func (log_writer, NULL, NULL);

  return gui_test_run (keyboard_suite ());
}
