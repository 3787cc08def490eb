/* test-consensus.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chair's consensus page in the real window, over a session built through core: seven
 * reviewers' packages scored and their sheets imported. Driven from the keyboard: a value set,
 * the rationale asked for inline, the total changing, the stage closed; the stepper following;
 * the returned sheets and the site-review decision shown.
 */

#define G_LOG_DOMAIN "test-consensus"

#include "config.h"

#include <adwaita.h>
#include <check.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "qa-consensus-view.h"
#include "qa-core.h"
#include "qa-pending.h"
#include "qa-procedure-stepper.h"
#include "qa-window.h"

#include "gui-test-util.h"

#define ROOT GTK_WIDGET (window)

static const char * const panel_members[] = { "E01", "E02", "E03", "E04", "E05", "E06", "E07", NULL };

static char *tmpdir;
static QaSession *session;
static QaWindow *window;

static char *
path_in_tmp (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

/* A reviewer's percentage: 50–70 in steps of 5, one reviewer far off on the first item, and
 * the last applicant a reviewer scores 20–30, below the site-review threshold. */
static int
percent_for (guint reviewer,
             guint applicant,
             guint item)
{
  if (item == 0 && reviewer == 2)
    return 95;
  if (applicant >= 3)
    return 20 + (int)((reviewer + item) % 3) * 5;
  return 50 + (int)((reviewer * 7 + applicant * 3 + item * 11) % 5) * 5;
}

/* The session every test starts from, built once per run (scoring seven packages item by item
 * takes long): the demo with its Art. 13 check done, the material panel formed (E01 chairs), each
 * member's package exported and scored, and the signed sheets kept beside it, a complete one per
 * member and, for E03, one that scores a single item. */
static char *template_dir;

static char *
template_sheet (guint    reviewer,
                gboolean complete)
{
  g_autofree char *name = g_strdup_printf ("%s-%s.qasheet", panel_members[reviewer],
                                           complete ? "complete" : "partial");

  return g_build_filename (template_dir, name, NULL);
}

/* Scores @package's items (every item of every applicant assigned when @complete, else the
 * first item of the first only) and writes the signed sheet. */
static void
score_and_export (QaSession *package,
                  guint      reviewer,
                  gboolean   complete)
{
  const char *id = panel_members[reviewer];
  g_autofree char *path = template_sheet (reviewer, complete);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) applicants = qa_scores_assigned_applicants (package, id, QA_STAGE_MATERIAL, &error);

  ck_assert_ptr_nonnull (applicants);
  for (guint a = 0; applicants[a] != NULL && (complete || a == 0); a++)
    {
      g_autoptr(QaScoreSheet) sheet = qa_score_sheet_new (package, id, applicants[a],
                                                          QA_STAGE_MATERIAL, &error);
      GListModel *items;

      ck_assert_ptr_nonnull (sheet);
      items = qa_score_sheet_get_items (sheet);
      for (guint i = 0; i < g_list_model_get_n_items (items) && (complete || i == 0); i++)
        {
          g_autoptr(QaItemScore) score = g_list_model_get_item (items, i);
          g_autofree char *strength = g_strdup_printf ("Strength noted by %s.", id);

          ck_assert_msg (qa_score_sheet_set (sheet, qa_item_get_code (qa_item_score_get_item (score)),
                                             percent_for (reviewer, a, i),
                                             i == 0 ? strength : NULL, NULL, &error),
                         "%s", error ? error->message : "");
        }
    }
  ck_assert_msg (qa_sheet_export (package, path, QA_OUTPUT_NONE, &error), "%s", error ? error->message : "");
}

static void
build_template (void)
{
  static const char * const judged[] = { "A01", "A02", "A04", "A06", "A07" };
  g_autofree char *path = NULL;
  g_autoptr(QaSession) base = NULL;
  g_autoptr(GError) error = NULL;

  template_dir = g_dir_make_tmp ("qareview-consensus-template-XXXXXX", &error);
  ck_assert_msg (template_dir != NULL, "%s", error ? error->message : "");
  path = g_build_filename (template_dir, "session.db", NULL);
  base = qa_session_open_with_demo (path, &error);
  ck_assert_msg (base != NULL, "%s", error ? error->message : "");

  for (guint i = 0; i < G_N_ELEMENTS (judged); i++)
    ck_assert (qa_applicants_judge (base, judged[i], 5, TRUE, NULL, &error));
  ck_assert (qa_applicants_store_eligibility (base, &error));
  ck_assert_msg (qa_panel_form (base, QA_STAGE_MATERIAL, "E01", panel_members, NULL, &error),
                 "%s", error ? error->message : "");

  for (guint r = 0; panel_members[r] != NULL; r++)
    {
      g_autofree char *name = g_strdup_printf ("%s.qapkg", panel_members[r]);
      g_autofree char *package_path = g_build_filename (template_dir, name, NULL);
      g_autoptr(QaSession) package = NULL;

      ck_assert_msg (qa_package_export (base, panel_members[r], QA_STAGE_MATERIAL, package_path, QA_OUTPUT_NONE, &error),
                     "%s", error ? error->message : "");
      package = qa_session_open (package_path, &error);
      ck_assert_msg (package != NULL, "%s", error ? error->message : "");
      if (r == 2)
        score_and_export (package, r, FALSE);
      score_and_export (package, r, TRUE);
    }
}

/* @reviewer's sheet (complete or, for E03, partial) imported through core. */
static void
return_sheet (guint    reviewer,
              gboolean complete)
{
  g_autofree char *path = template_sheet (reviewer, complete);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  ck_assert (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new (contents, length);
  ck_assert_msg (qa_sheet_import (session, bytes, name, NULL, NULL, &error),
                 "%s", error ? error->message : "");
}

/* A copy of the template session for each test. */
static void
setup (void)
{
  g_autofree char *from = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  if (template_dir == NULL)
    build_template ();

  tmpdir = g_dir_make_tmp ("qareview-consensus-XXXXXX", &error);
  ck_assert_msg (tmpdir != NULL, "%s", error ? error->message : "");
  from = g_build_filename (template_dir, "session.db", NULL);
  path = path_in_tmp ("session.db");
  ck_assert (g_file_get_contents (from, &contents, &length, NULL));
  ck_assert (g_file_set_contents (path, contents, length, NULL));
  session = qa_session_open (path, &error);
  ck_assert_msg (session != NULL, "%s", error ? error->message : "");
}

static void
teardown (void)
{
  g_clear_pointer ((GtkWindow **)&window, gtk_window_destroy);
  gui_test_settle ();
  g_clear_object (&session);
  gui_test_remove_tmpdir (tmpdir);
  g_clear_pointer (&tmpdir, g_free);
}

static void
present (QaRole role)
{
  window = qa_window_new (NULL);
  qa_window_set_session (window, session);
  qa_window_set_operator (window, "王建国", role);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 740);
  gtk_window_present (GTK_WINDOW (window));
  ck_assert_msg (gui_test_iterate_until (gui_test_widget_is_mapped, window),
                 "the window was never mapped");
  qa_window_set_visible_page (window, "consensus");
  gui_test_settle ();
}

/* With QA_TEST_SHOT=/folder set, @shown (the window, or a dialog over it) as it is now, for a
 * person to look at. */
static void
shot_of (GtkWidget  *shown,
         const char *name)
{
  const char *folder = g_getenv ("QA_TEST_SHOT");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  GtkSnapshot *snapshot;
  GskRenderNode *node;
  int width, height;

  if (folder == NULL)
    return;
  gui_test_settle ();
  width = gtk_widget_get_width (shown);
  height = gtk_widget_get_height (shown);
  paintable = gtk_widget_paintable_new (shown);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (shown)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_render_node_unref (node);
  file = g_strdup_printf ("%s/consensus-%s.png", folder, name);
  gdk_texture_save_to_png (texture, file);
}

static void
shot (const char *name)
{
  shot_of (GTK_WIDGET (window), name);
}

static QaConsensusView *
view (void)
{
  return QA_CONSENSUS_VIEW (gui_test_find_widget (ROOT, QA_TYPE_CONSENSUS_VIEW));
}

static QaProcedureStepper *
stepper (void)
{
  return qa_window_get_procedure_stepper (window);
}

/* Opens a tab of the consensus page the way a user does: its button in the view switcher. */
static void
open_tab (const char *title)
{
  GtkWidget *button = gui_test_find_labelled (GTK_WIDGET (view ()), GTK_TYPE_TOGGLE_BUTTON, title);

  ck_assert_msg (button != NULL, "no tab “%s” on screen", title);
  g_signal_emit_by_name (button, "clicked");
  gui_test_settle ();
}

/* Picks a review stage in the drop-down that the “Stage” label names. */
static void
pick_stage (QaStage stage)
{
  GtkWidget *label = gui_test_find_labelled (GTK_WIDGET (view ()), GTK_TYPE_LABEL, _("Stage"));
  GtkDropDown *drop_down;
  GListModel *stages;
  guint n;

  ck_assert_ptr_nonnull (label);
  drop_down = GTK_DROP_DOWN (gtk_label_get_mnemonic_widget (GTK_LABEL (label)));
  stages = gtk_drop_down_get_model (drop_down);
  n = g_list_model_get_n_items (stages);
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (stages), i), qa_stage_get_title (stage)) == 0)
      {
        gtk_drop_down_set_selected (drop_down, i);
        gui_test_settle ();
        return;
      }
  ck_abort_msg ("no stage “%s” to pick", qa_stage_get_title (stage));
}

/* Clicks the row of @applicant_id in the site-opinion list. */
static void
pick_opinion_row (QaConsensusOpinion *opinion,
                  const char         *applicant_id)
{
  GtkListBox *list = GTK_LIST_BOX (gui_test_find_widget (GTK_WIDGET (opinion), GTK_TYPE_LIST_BOX));
  g_autofree char *prefix = g_strconcat (applicant_id, " ", NULL);
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), prefix))
      {
        gtk_list_box_select_row (list, row);
        gui_test_settle ();
        return;
      }
  ck_abort_msg ("no opinion row for %s", applicant_id);
}

/* Whether @widget is the check button of the applicant whose id is @data, in the list of those
 * to send on to site review (labelled “A01 name”). */
static gboolean
is_check_of (GtkWidget     *widget,
             gconstpointer  data)
{
  const char *applicant_id = data;
  const char *label;

  if (!GTK_IS_CHECK_BUTTON (widget))
    return FALSE;
  label = gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));
  return label != NULL && g_str_has_prefix (label, applicant_id) && label[strlen (applicant_id)] == ' ';
}

static GtkWidget *
find_check_of (GtkWidget  *under,
               const char *applicant_id)
{
  return gui_test_find_matching (under, is_check_of, applicant_id);
}

static GtkWidget *
focus_widget (void)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

static void
type_and_enter (const char *text)
{
  GtkWidget *focus = focus_widget ();

  ck_assert_msg (GTK_IS_TEXT (focus), "the focus is not in a text field");
  gtk_editable_set_text (GTK_EDITABLE (focus), text);
  g_signal_emit_by_name (focus, "activate");
  gui_test_settle ();
}

static const QaConsensusItem *
selected (void)
{
  QaConsensusRow *row = qa_consensus_matrix_get_selected (qa_consensus_view_get_matrix (view ()));

  ck_assert_ptr_nonnull (row);
  return qa_consensus_row_get_item (row);
}

static gint64
total_x100 (void)
{
  return qa_consensus_model_get_total_x100 (qa_consensus_matrix_get_model (qa_consensus_view_get_matrix (view ())));
}

static gboolean
focus_in (GtkEditable *field)
{
  GtkWidget *focus = focus_widget ();

  return focus != NULL && (focus == GTK_WIDGET (field) || gtk_widget_is_ancestor (focus, GTK_WIDGET (field)));
}

static void
return_all_sheets (void)
{
  for (guint r = 0; panel_members[r] != NULL; r++)
    return_sheet (r, TRUE);
}

START_TEST (test_waiting_for_sheets_says_so)
{
  g_autofree char *text = NULL;

  return_sheet (2, FALSE);
  present (QA_ROLE_CHAIR);

  /* One sheet in: the matrix shows, and the page says how many are awaited. */
  gui_test_assert_label_on_screen (ROOT, "1/7 score sheets received");
  ck_assert_int_eq (qa_procedure_stepper_get_stage (stepper ()), QA_STAGE_MATERIAL);
  gui_test_assert_label_on_screen (ROOT, "1/7");

  /* The returned sheets: who has sent one, how complete it is. */
  open_tab (_("Returned Sheets"));
  gui_test_settle ();
  gui_test_assert_label_on_screen (ROOT, "Material review: 1/7 score sheets received, 0 complete");
  gui_test_assert_on_screen (ROOT, "1/115 items · 5 applicants");
  gui_test_assert_on_screen (ROOT, "○ awaited");
  gui_test_assert_label_on_screen (ROOT, "Raw Scores per Applicant");
  gui_test_assert_label_on_screen (ROOT, "Leniency");
  gui_test_assert_label_on_screen (ROOT, "47.5 (1/23)");

  /* The supervisor sees the sheets but no independent score. */
  qa_window_set_operator (window, "监督员", QA_ROLE_SUPERVISOR);
  gui_test_settle ();
  gui_test_assert_not_on_screen (ROOT, "Raw Scores per Applicant");
  (void)text;
}
END_TEST

static gboolean
is_needed_label (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), "• ");
}

/* The sidebar lists the reviewers whose sheets are missing, a line each cut to its start (48
 * characters: the references follow in the stage's tooltip), and the stage's tooltip has each
 * line up to 160 characters: here, whole. Past five reviewers, the rest are counted. */
static void
assert_needed_shown (void)
{
  GtkWidget *label = gui_test_find_matching (GTK_WIDGET (stepper ()), is_needed_label, NULL);
  GtkWidget *button = gui_test_find_labelled (GTK_WIDGET (stepper ()), GTK_TYPE_BUTTON,
                                              qa_stage_get_title (QA_STAGE_MATERIAL));
  g_auto(GStrv) shown = NULL;
  g_auto(GStrv) whole = NULL;
  guint cut = 0;

  ck_assert_ptr_nonnull (label);
  ck_assert_ptr_nonnull (button);
  shown = g_strsplit (gtk_label_get_label (GTK_LABEL (label)), "\n", -1);
  whole = g_strsplit (gtk_widget_get_tooltip_text (button), "\n", -1);
  ck_assert_uint_eq (g_strv_length (shown), g_strv_length (whole));
  ck_assert_uint_gt (g_strv_length (shown), 1);
  for (guint i = 0; shown[i] != NULL; i++)
    {
      ck_assert_msg (g_utf8_strlen (shown[i], -1) <= 2 + 48 + 1, "a long line in the sidebar: %s", shown[i]);
      if (g_str_has_suffix (shown[i], "…"))
        {
          g_autofree char *start = g_strndup (shown[i], strlen (shown[i]) - strlen ("…"));

          ck_assert_msg (g_str_has_prefix (whole[i], start), "%s is not the start of %s", shown[i], whole[i]);
          ck_assert_msg (strstr (whole[i], "no score sheet imported (to score ") != NULL &&
                         g_str_has_suffix (whole[i], ")"), "the tooltip's line is cut: %s", whole[i]);
          cut++;
        }
      else
        ck_assert_str_eq (shown[i], whole[i]);
    }
  ck_assert_uint_gt (cut, 0);
}

START_TEST (test_stepper_follows_imported_sheets)
{
  present (QA_ROLE_SECRETARIAT);

  ck_assert_int_eq (qa_procedure_stepper_get_stage (stepper ()), QA_STAGE_MATERIAL);
  gui_test_assert_label_on_screen (ROOT, "0/7");
  gui_test_assert_on_screen (ROOT, "Waiting for Score Sheets: 0/7 Received");
  assert_needed_shown ();

  /* Sheets imported while the window is open: the stepper and the page follow. */
  return_sheet (0, TRUE);
  return_sheet (1, TRUE);
  return_sheet (3, TRUE);
  return_sheet (4, TRUE);
  gui_test_settle ();
  gui_test_assert_label_on_screen (ROOT, "4/7");
  gui_test_assert_label_on_screen (ROOT, "4/7 score sheets received");
  shot ("secretariat-4-of-7");

  /* The stepper is a way to each stage's page. */
  qa_window_set_visible_page (window, "dossiers");
  gui_test_settle ();
  g_signal_emit_by_name (gui_test_find_labelled (GTK_WIDGET (stepper ()), GTK_TYPE_BUTTON,
                                                 qa_stage_get_title (QA_STAGE_MATERIAL)),
                         "clicked");
  gui_test_settle ();
  ck_assert_str_eq (qa_window_get_visible_page (window), "consensus");
}
END_TEST

START_TEST (test_keyboard_consensus_with_rationale_and_close)
{
  QaConsensusEditor *editor;
  const QaConsensusItem *item;
  g_autofree char *first = NULL;
  g_autofree char *value = NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *points = NULL;
  gint64 before;
  int departed;
  AdwMessageDialog *dialog;

  return_all_sheets ();
  present (QA_ROLE_CHAIR);
  editor = qa_consensus_view_get_editor (view ());

  /* The first item of A01: flagged (one reviewer gave 95). */
  item = selected ();
  first = g_strdup (item->item);
  ck_assert_str_eq (item->applicant_id, "A01");
  ck_assert (item->flagged);
  gui_test_assert_on_screen (ROOT, "⚑");
  gui_test_assert_on_screen (ROOT, "95▲");
  shot ("chair-matrix");

  /* Typing the default and Enter agrees it and moves on. */
  qa_consensus_editor_focus (editor);
  value = g_strdup_printf ("%d", item->default_percent);
  type_and_enter (value);
  ck_assert_str_ne (selected ()->item, first);
  ck_assert (focus_in (qa_consensus_editor_get_percent_field (editor)));

  /* A departure asks for the rationale inline, and nothing is recorded until it is given. */
  item = selected ();
  departed = item->default_percent + 10 <= 100 ? item->default_percent + 10 : item->default_percent - 10;
  before = total_x100 ();
  g_clear_pointer (&value, g_free);
  value = g_strdup_printf ("%d", departed);
  type_and_enter (value);
  ck_assert_ptr_nonnull (qa_consensus_editor_get_hint (editor));
  ck_assert_ptr_nonnull (strstr (qa_consensus_editor_get_hint (editor), "rationale"));
  ck_assert (focus_in (qa_consensus_editor_get_rationale_field (editor)));
  ck_assert_int_eq (total_x100 (), before);

  {
    g_autofree char *code = g_strdup (item->item);
    gint64 expected = before + (gint64)item->points * (departed - item->percent);

    type_and_enter ("The site visit evidence outweighs the outlier.");
    ck_assert_int_eq (total_x100 (), expected);
    ck_assert_str_ne (selected ()->item, code);
    ck_assert (focus_in (qa_consensus_editor_get_percent_field (editor)));

    points = qa_consensus_format_points (expected);
    total_text = g_strdup_printf ("Consensus total %s", points);
    gui_test_assert_label_on_screen (ROOT, total_text);

    /* Recorded with its rationale, the ✎ marks it in the matrix. */
    qa_consensus_matrix_select_item (qa_consensus_view_get_matrix (view ()), code);
    gui_test_settle ();
    ck_assert (selected ()->recorded);
    ck_assert_int_eq (selected ()->percent, departed);
    ck_assert_str_eq (selected ()->rationale, "The site visit evidence outweighs the outlier.");
    g_clear_pointer (&value, g_free);
    value = g_strdup_printf ("%d ✎", departed);
    gui_test_assert_label_on_screen (ROOT, value);
    shot ("chair-rationale");
  }

  /* Only flagged items. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (gui_test_find_labelled (ROOT, GTK_TYPE_CHECK_BUTTON,
                                                                         "Only flagged items")),
                               TRUE);
  gui_test_settle ();
  {
    GListModel *shown = qa_consensus_matrix_get_shown (qa_consensus_view_get_matrix (view ()));

    ck_assert_uint_ge (g_list_model_get_n_items (shown), 1);
    for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
      {
        g_autoptr(QaConsensusRow) row = g_list_model_get_item (shown, i);

        ck_assert (qa_consensus_row_get_item (row)->flagged);
      }
  }

  /* Close Stage… says what it freezes; closing it freezes the page. */
  g_signal_emit_by_name (gui_test_find_labelled (ROOT, GTK_TYPE_BUTTON, "Close Stage…"), "clicked");
  dialog = ADW_MESSAGE_DIALOG (gui_test_wait_for_window (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window)));
  ck_assert_ptr_nonnull (strstr (adw_message_dialog_get_body (dialog), "no more score sheets"));
  ck_assert_ptr_nonnull (strstr (adw_message_dialog_get_body (dialog), "can no longer be changed"));
  ck_assert (adw_message_dialog_has_response (dialog, "close"));
  shot_of (GTK_WIDGET (dialog), "chair-close-dialog");
  adw_message_dialog_response (dialog, "close");
  gui_test_settle ();
  ck_assert (qa_session_stage_is_closed (session, QA_STAGE_MATERIAL));
  gui_test_assert_on_screen (ROOT, "its sheets and its consensus are frozen");
  ck_assert (!gtk_editable_get_editable (qa_consensus_editor_get_percent_field (editor)));
  ck_assert_int_eq (qa_procedure_stepper_get_stage (stepper ()), QA_STAGE_SITE);
}
END_TEST

/* The label showing @code in the matrix's first column, on screen, or NULL. */
static GtkWidget *
find_code_label (GtkWidget  *under,
                 const char *code)
{
  for (GtkWidget *child = gtk_widget_get_first_child (under); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (!gtk_widget_get_mapped (child) || !gtk_widget_get_child_visible (child))
        continue;
      if (GTK_IS_LABEL (child) && strcmp (gtk_label_get_label (GTK_LABEL (child)), code) == 0)
        return child;
      if ((found = find_code_label (child, code)) != NULL)
        return found;
    }
  return NULL;
}

/* The row of @code is laid out inside the matrix's viewport, below its header. */
static void
assert_row_in_view (const char *code)
{
  GtkWidget *matrix = GTK_WIDGET (qa_consensus_view_get_matrix (view ()));
  GtkWidget *scroller = gui_test_find_widget (matrix, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *label;
  graphene_rect_t bounds;

  gui_test_settle ();
  label = find_code_label (scroller, code);
  ck_assert_msg (label != NULL, "no row of %s is laid out", code);
  ck_assert (gtk_widget_compute_bounds (label, scroller, &bounds));
  ck_assert_msg (bounds.origin.y >= 0 && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scroller),
                 "the row of %s is at %.0f–%.0f, outside the viewport of %d", code, bounds.origin.y,
                 bounds.origin.y + bounds.size.height, gtk_widget_get_height (scroller));
}

START_TEST (test_picked_row_scrolled_into_view)
{
  QaConsensusMatrix *matrix;
  GListModel *shown;
  guint n;
  g_autofree char *last = NULL;
  g_autofree char *first_flagged = NULL;

  return_all_sheets ();
  present (QA_ROLE_CHAIR);
  /* A short window: the matrix shows a few of the 23 rows. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 560);
  gui_test_settle ();
  matrix = qa_consensus_view_get_matrix (view ());
  shown = qa_consensus_matrix_get_shown (matrix);
  n = g_list_model_get_n_items (shown);
  ck_assert_uint_eq (n, 23);
  {
    g_autoptr(QaConsensusRow) row = g_list_model_get_item (shown, n - 1);

    last = g_strdup (qa_consensus_row_get_item (row)->item);
  }
  first_flagged = g_strdup (selected ()->item);
  ck_assert (selected ()->flagged);

  /* The last row picked: the matrix scrolls down to it. */
  ck_assert (qa_consensus_matrix_select_item (matrix, last));
  assert_row_in_view (last);
  ck_assert_ptr_null (find_code_label (GTK_WIDGET (matrix), first_flagged));

  /* Next ⚑ (flagged) from the last row goes round to the first flagged one, back at the top. */
  g_signal_emit_by_name (gui_test_find_labelled (ROOT, GTK_TYPE_BUTTON, "Next ⚑"), "clicked");
  gui_test_settle ();
  ck_assert_str_eq (selected ()->item, first_flagged);
  assert_row_in_view (first_flagged);
  ck_assert (focus_in (qa_consensus_editor_get_percent_field (qa_consensus_view_get_editor (view ()))));

  /* Enter on the keyboard walks down past the bottom of the viewport, the row following. */
  for (guint i = 0; i < n - 1; i++)
    ck_assert (qa_consensus_matrix_select_next (matrix));
  assert_row_in_view (last);
  shot ("chair-scrolled");
}
END_TEST

START_TEST (test_close_refused_names_who_is_missing)
{
  AdwMessageDialog *dialog;

  return_sheet (0, TRUE);
  return_sheet (2, FALSE);
  present (QA_ROLE_CHAIR);

  g_signal_emit_by_name (gui_test_find_labelled (ROOT, GTK_TYPE_BUTTON, _("Close Stage…")), "clicked");
  dialog = ADW_MESSAGE_DIALOG (gui_test_wait_for_window (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window)));
  ck_assert_ptr_nonnull (strstr (adw_message_dialog_get_body (dialog), "It cannot be closed yet"));
  ck_assert_ptr_nonnull (strstr (adw_message_dialog_get_body (dialog), "李秀兰"));
  ck_assert (!adw_message_dialog_has_response (dialog, "close"));
  adw_message_dialog_response (dialog, "cancel");
  gui_test_settle ();
  ck_assert (!qa_session_stage_is_closed (session, QA_STAGE_MATERIAL));
}
END_TEST

START_TEST (test_secretariat_reads_and_advances)
{
  QaConsensusAdvance *advance;
  g_autoptr(GPtrArray) totals = NULL;
  g_autoptr(GError) error = NULL;
  double threshold = qa_profile_get_site_threshold (qa_session_get_profile (session));
  guint below = 0;
  guint above = 0;

  return_all_sheets ();
  present (QA_ROLE_SECRETARIAT);

  /* The secretariat reads the consensus but cannot change it, nor close the stage. */
  ck_assert (!gtk_editable_get_editable (qa_consensus_editor_get_percent_field (qa_consensus_view_get_editor (view ()))));
  ck_assert_ptr_null (gui_test_find_labelled (ROOT, GTK_TYPE_BUTTON, "Close Stage…"));

  /* Before the stage is closed, advancing is refused and says why. */
  open_tab (_("Site Review"));
  gui_test_settle ();
  gui_test_assert_on_screen (ROOT, "the material review is not closed yet");

  qa_database_set_operator (qa_session_get_database (session), "王建国", "chair");
  ck_assert_msg (qa_session_close_stage (session, QA_STAGE_MATERIAL, &error),
                 "%s", error ? error->message : "");
  qa_database_set_operator (qa_session_get_database (session), "秘书", "secretariat");
  gui_test_settle ();
  shot ("secretariat-advance");

  advance = qa_consensus_view_get_advance (view ());
  totals = qa_consensus_totals (session, QA_STAGE_MATERIAL, &error);
  for (guint i = 0; i < totals->len; i++)
    {
      const QaConsensusTotal *total = g_ptr_array_index (totals, i);
      const char *reason = qa_consensus_advance_get_reason (advance, total->applicant_id);

      if (total->total_x100 < (gint64)(threshold * 100))
        {
          below++;
          ck_assert_ptr_nonnull (reason);
          ck_assert_ptr_nonnull (strstr (reason, "below the site-review threshold"));
          /* Its box cannot be ticked. */
          ck_assert_ptr_nonnull (find_check_of (GTK_WIDGET (advance), total->applicant_id));
          ck_assert (!gtk_widget_get_sensitive (find_check_of (GTK_WIDGET (advance), total->applicant_id)));
        }
      else
        {
          above++;
          ck_assert_ptr_null (reason);
          ck_assert (gtk_widget_get_sensitive (find_check_of (GTK_WIDGET (advance), total->applicant_id)));
        }
    }
  ck_assert_uint_eq (below + above, 5);
  ck_assert_uint_ge (below, 1);
  ck_assert_uint_ge (above, 1);

  ck_assert_msg (qa_consensus_advance_advance (advance, &error), "%s", error ? error->message : "");
  {
    g_autoptr(QaPanel) panel = NULL;
    g_autoptr(QaProgress) progress = qa_session_get_progress (session, &error);

    ck_assert_uint_eq (progress->site.applicants, above);
    (void)panel;
  }
}
END_TEST

/* The material review closed, the applicants above the threshold advanced and the site panel
 * formed: the session as the site review starts. */
static void
start_site_review (void)
{
  g_autoptr(GPtrArray) totals = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) advanced = NULL;
  g_autoptr(GError) error = NULL;
  double threshold = qa_profile_get_site_threshold (qa_session_get_profile (session));

  return_all_sheets ();
  qa_database_set_operator (qa_session_get_database (session), "王建国", "chair");
  ck_assert_msg (qa_session_close_stage (session, QA_STAGE_MATERIAL, &error), "%s", error ? error->message : "");
  totals = qa_consensus_totals (session, QA_STAGE_MATERIAL, &error);
  for (guint i = 0; i < totals->len; i++)
    {
      const QaConsensusTotal *total = g_ptr_array_index (totals, i);

      if (total->total_x100 >= (gint64)(threshold * 100))
        g_strv_builder_add (builder, total->applicant_id);
    }
  advanced = g_strv_builder_end (builder);
  qa_database_set_operator (qa_session_get_database (session), "秘书", "secretariat");
  ck_assert_msg (qa_panel_advance (session, (const char * const *)advanced, &error), "%s", error ? error->message : "");
  ck_assert_msg (qa_panel_form (session, QA_STAGE_SITE, "E01", panel_members, NULL, &error), "%s",
                 error ? error->message : "");
}

static void
set_opinion_text (QaConsensusOpinion *opinion,
                  const char         *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (qa_consensus_opinion_get_text_view (opinion)), text, -1);
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", path, "-", NULL };
  char *out = NULL;
  int wait_status = 0;

  ck_assert (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                           NULL, NULL, &out, NULL, &wait_status, NULL));
  ck_assert (g_spawn_check_wait_status (wait_status, NULL));
  return out;
}

/* The chair writes the panel's site-review opinion of an applicant, saves it, exports and prints
 * it; an empty one is refused; the secretariat reads and exports it but cannot change it. */
/* Where the session stands is read in a worker thread, not while the page is being shown: a
 * session in its site review opens the page on that stage once the reading is in. */
START_TEST (test_stage_read_in_a_thread)
{
  start_site_review ();
  present (QA_ROLE_CHAIR);
  ck_assert_int_eq (qa_consensus_view_get_stage (view ()), QA_STAGE_SITE);
  ck_assert (!_qa_pending_any ());

  /* The page shown, given the session again. */
  qa_window_set_session (window, NULL);
  gui_test_settle ();
  qa_window_set_session (window, session);
  ck_assert_msg (_qa_pending_any (), "the page read where the session stands on the main thread");
  gui_test_settle ();
  ck_assert (!_qa_pending_any ());
  ck_assert_int_eq (qa_consensus_view_get_stage (view ()), QA_STAGE_SITE);
  gui_test_assert_on_screen (ROOT, _("Site Opinion"));
}
END_TEST

START_TEST (test_site_opinion_written_exported_printed)
{
  const char *text = "现场核实与材料相符，质量管理体系运行有效。";
  QaConsensusOpinion *opinion;
  GtkWidget *save;
  g_autofree char *applicant = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *exported = path_in_tmp ("opinion.pdf");
  g_autofree char *printed = path_in_tmp ("printed.pdf");
  g_autoptr(GFile) file = NULL;

  start_site_review ();
  present (QA_ROLE_CHAIR);
  pick_stage (QA_STAGE_SITE);
  open_tab (_("Site Opinion"));
  gui_test_settle ();

  opinion = qa_consensus_view_get_opinion (view ());
  ck_assert (gtk_widget_is_drawable (GTK_WIDGET (opinion)));
  applicant = g_strdup (qa_consensus_opinion_get_applicant (opinion));
  ck_assert_ptr_nonnull (applicant);
  gui_test_assert_on_screen (ROOT, "Not recorded yet");
  ck_assert (gtk_text_view_get_editable (qa_consensus_opinion_get_text_view (opinion)));
  ck_assert (!gtk_widget_get_sensitive (gui_test_find_labelled (ROOT, GTK_TYPE_BUTTON, "Export PDF…")));

  /* An empty opinion: core refuses, the dialog says why, nothing is stored. */
  set_opinion_text (opinion, "   ");
  save = gui_test_find_labelled (ROOT, GTK_TYPE_BUTTON, "Save Opinion");
  ck_assert_ptr_nonnull (save);
  g_signal_emit_by_name (save, "clicked");
  {
    GtkWindow *dialog = gui_test_wait_for_window (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window));

    ck_assert_ptr_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "empty"));
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "close");
    gui_test_settle ();
  }
  ck_assert_ptr_null (qa_consensus_dup_site_opinion (session, applicant, NULL));

  /* Written in the field and saved with the button. */
  gtk_widget_grab_focus (GTK_WIDGET (qa_consensus_opinion_get_text_view (opinion)));
  set_opinion_text (opinion, text);
  g_signal_emit_by_name (save, "clicked");
  gui_test_settle ();
  stored = qa_consensus_dup_site_opinion (session, applicant, NULL);
  ck_assert_str_eq (stored, text);
  gui_test_assert_on_screen (ROOT, "Opinion recorded");
  ck_assert (gtk_widget_get_sensitive (gui_test_find_labelled (ROOT, GTK_TYPE_BUTTON, "Export PDF…")));

  /* Exported and printed from core's PDF. */
  file = g_file_new_for_path (exported);
  ck_assert (qa_consensus_opinion_export (opinion, file));
  {
    g_autofree char *shown = pdf_text (exported);

    ck_assert_msg (strstr (shown, "现场核实与材料相符") != NULL, "%s", shown);
    ck_assert (strstr (shown, applicant) != NULL);
  }
  qa_consensus_opinion_print (opinion, printed);
  gui_test_settle ();
  {
    g_autofree char *pdf = NULL;

    ck_assert (g_file_get_contents (printed, &pdf, NULL, NULL));
    ck_assert (g_str_has_prefix (pdf, "%PDF"));
  }

  /* The secretariat reads it and may export it, but not change it. */
  qa_window_set_operator (window, "秘书", QA_ROLE_SECRETARIAT);
  gui_test_settle ();
  pick_opinion_row (opinion, applicant);
  gui_test_settle ();
  ck_assert (!gtk_text_view_get_editable (qa_consensus_opinion_get_text_view (opinion)));
  ck_assert_ptr_null (gui_test_find_labelled (ROOT, GTK_TYPE_BUTTON, "Save Opinion"));
  gui_test_assert_on_screen (ROOT, "Only the chair may change it");
  ck_assert (gtk_widget_get_sensitive (gui_test_find_labelled (ROOT, GTK_TYPE_BUTTON, "Export PDF…")));
  g_unlink (exported);
  ck_assert (qa_consensus_opinion_export (opinion, file));
  ck_assert (g_file_test (exported, G_FILE_TEST_IS_REGULAR));
}
END_TEST

/* Only with QA_TEST_SHOT: the page in each of its states, in whatever language is set, for a
 * person to look at (what is asserted elsewhere is checked in English). */
START_TEST (test_shots)
{
  QaConsensusEditor *editor;
  AdwMessageDialog *dialog;
  g_autofree char *value = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *charts;

  for (guint r = 0; r < 4; r++)
    return_sheet (r, TRUE);
  present (QA_ROLE_SECRETARIAT);
  shot ("1-matrix-4-of-7");
  open_tab (_("Returned Sheets"));
  shot ("2-sheets");

  for (guint r = 4; panel_members[r] != NULL; r++)
    return_sheet (r, TRUE);
  qa_window_set_operator (window, "王建国", QA_ROLE_CHAIR);
  open_tab (_("Consensus"));
  gui_test_settle ();
  editor = qa_consensus_view_get_editor (view ());
  qa_consensus_editor_focus (editor);
  value = g_strdup_printf ("%d", selected ()->default_percent + 10);
  type_and_enter (value);
  shot ("3-rationale-asked");
  type_and_enter ("现场核实的证据更充分。");
  shot ("4-after-departure");

  charts = gui_test_find_labelled (ROOT, GTK_TYPE_TOGGLE_BUTTON, _("Charts"));
  if (charts != NULL)
    {
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (charts), TRUE);
      shot ("5-charts");
    }

  g_signal_emit_by_name (gui_test_find_labelled (ROOT, GTK_TYPE_BUTTON, _("Close Stage…")), "clicked");
  dialog = ADW_MESSAGE_DIALOG (gui_test_wait_for_window (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window)));
  shot_of (GTK_WIDGET (dialog), "6-close-dialog");
  adw_message_dialog_response (dialog, "close");
  gui_test_settle ();
  shot ("7-closed");

  qa_window_set_operator (window, "秘书", QA_ROLE_SECRETARIAT);
  open_tab (_("Site Review"));
  shot ("8-advance");

  /* The site review's opinion page, empty and then written by the chair. */
  {
    g_autoptr(GPtrArray) totals = qa_consensus_totals (session, QA_STAGE_MATERIAL, &error);
    g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
    g_auto(GStrv) advanced = NULL;
    double threshold = qa_profile_get_site_threshold (qa_session_get_profile (session));
    QaConsensusOpinion *opinion;

    for (guint i = 0; i < totals->len; i++)
      if (((QaConsensusTotal *)g_ptr_array_index (totals, i))->total_x100 >= (gint64)(threshold * 100))
        g_strv_builder_add (builder, ((QaConsensusTotal *)g_ptr_array_index (totals, i))->applicant_id);
    advanced = g_strv_builder_end (builder);
    ck_assert (qa_panel_advance (session, (const char * const *)advanced, &error));
    ck_assert (qa_panel_form (session, QA_STAGE_SITE, "E01", panel_members, NULL, &error));
    qa_window_set_operator (window, "王建国", QA_ROLE_CHAIR);
    pick_stage (QA_STAGE_SITE);
    open_tab (_("Site Opinion"));
    shot ("9-opinion-empty");
    opinion = qa_consensus_view_get_opinion (view ());
    set_opinion_text (opinion, "现场核实与材料相符，质量管理体系运行有效；顾客满意度测量方法科学，数据可追溯。\n建议进一步完善供应链质量协同机制。");
    qa_consensus_opinion_save (opinion);
    shot ("10-opinion-saved");
  }
  (void)error;
}
END_TEST

static Suite *
consensus_suite (void)
{
  Suite *suite = suite_create ("consensus");
  TCase *tc = tcase_create ("chair");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 100);
  if (g_getenv ("QA_TEST_SHOT") != NULL)
    {
      tcase_add_test (tc, test_shots);
      suite_add_tcase (suite, tc);
      return suite;
    }
  tcase_add_test (tc, test_waiting_for_sheets_says_so);
  tcase_add_test (tc, test_stepper_follows_imported_sheets);
  tcase_add_test (tc, test_keyboard_consensus_with_rationale_and_close);
  tcase_add_test (tc, test_picked_row_scrolled_into_view);
  tcase_add_test (tc, test_close_refused_names_who_is_missing);
  tcase_add_test (tc, test_secretariat_reads_and_advances);
  tcase_add_test (tc, test_site_opinion_written_exported_printed);
  tcase_add_test (tc, test_stage_read_in_a_thread);
  suite_add_tcase (suite, tc);

  return suite;
}

int
main (void)
{
  int status;

  /* Screenshots in another language (QA_TEST_SHOT with LANG and QAREVIEW_LOCALEDIR set). */
  if (g_getenv ("QA_TEST_SHOT") != NULL && g_getenv ("QAREVIEW_LOCALEDIR") != NULL)
    {
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("QAREVIEW_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  status = gui_test_run (consensus_suite ());

  if (template_dir != NULL)
    gui_test_remove_tmpdir (template_dir);
  g_free (template_dir);
  return status;
}
