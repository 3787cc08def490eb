/* test-outcome.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The outcome driven through the real window: the candidate list with every status and its
 * reason, the vacancy, and what each role may do with the list.
 *
 * With QA_GUI_SHOT_DIR set, each test also leaves a picture of the window there
 * (outcome-NAME.png), to look at in each language.
 */

#define G_LOG_DOMAIN "test-outcome"

#include "config.h"

#include <adwaita.h>
#include <check.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "qa-core.h"
#include "qa-awards-view.h"
#include "qa-indicator-chart.h"
#include "qa-notice-panel.h"
#include "qa-procedure-stepper.h"
#include "qa-shortlist-view.h"
#include "qa-window.h"

#include "gui-test-util.h"
#include "qa-ui-private.h"

#define ROOT GTK_WIDGET (window)

/* The demo session driven by core to each stage once (demo --until STAGE), copied per test. */
static char *stage_dir;
static char *tmpdir;
static char *path;
static QaSession *session;
static QaWindow *window;

static void
show_page (const char *page)
{
  ck_assert (gtk_widget_activate_action (ROOT, "win.show-page", "s", page));
  gui_test_settle ();
  ck_assert_str_eq (qa_window_get_visible_page (window), page);
}

static void
set_role (QaRole role)
{
  qa_window_set_operator (window, "Test Operator", role);
  gui_test_settle ();
  ck_assert_int_eq (qa_window_get_role (window), role);
}

static gboolean
time_passed (gpointer data)
{
  return g_get_monotonic_time () >= *(gint64 *)data;
}

/* @widget as it is drawn, as a PNG in $QA_GUI_SHOT_DIR. */
static void
shoot_widget (GtkWidget  *widget,
              const char *name)
{
  const char *dir = g_getenv ("QA_GUI_SHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *png = NULL;
  gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  int width, height;

  if (dir == NULL)
    return;

  /* Let a few frames be drawn first. */
  gui_test_iterate_until (time_passed, &until);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  ck_assert_msg (node != NULL, "nothing drawn for %s", name);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  png = g_strdup_printf ("outcome-%s.png", name);
  file = g_build_filename (dir, png, NULL);
  ck_assert (gdk_texture_save_to_png (texture, file));
}

static void
shoot (const char *name)
{
  shoot_widget (ROOT, name);
}

/* One applicant's totals, in hundredths of a point. */
typedef struct
{
  gboolean eligible;
  gboolean site;
  gint64   material_x100;
  gint64   site_x100;
} Totals;

/* The shortlist of the demo's first applicants with @totals, as core's rule decides it. */
static QaShortlistResult *
compute (const Totals *totals,
         guint         n)
{
  GListModel *applicants = qa_session_get_applicants (session);
  g_autofree QaShortlistFacts *facts = g_new0 (QaShortlistFacts, n);

  ck_assert_uint_ge (g_list_model_get_n_items (applicants), n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QaApplicant) applicant = g_list_model_get_item (applicants, i);

      facts[i].applicant_id = qa_applicant_get_id (applicant);
      facts[i].name = qa_applicant_get_name (applicant);
      facts[i].eligible = totals[i].eligible;
      facts[i].material_reviewed = totals[i].eligible;
      facts[i].site_reviewed = totals[i].site;
      facts[i].material_x100 = totals[i].material_x100;
      facts[i].site_x100 = totals[i].site_x100;
    }

  /* The names are borrowed from the model, which the session keeps. */
  return qa_rules_shortlist (qa_session_get_profile (session), facts, n);
}

static QaShortlistView *
shortlist_view (void)
{
  GtkWidget *view = gui_test_find_widget (ROOT, QA_TYPE_SHORTLIST_VIEW);

  ck_assert (view != NULL);
  return QA_SHORTLIST_VIEW (view);
}

/* The button of @view whose label reads @label; it must be on screen. */
static GtkWidget *
view_button (QaShortlistView *view,
             const char      *label)
{
  GtkWidget *found = gui_test_find_labelled (GTK_WIDGET (view), GTK_TYPE_BUTTON, label);

  ck_assert_msg (found != NULL, "no button “%s” on screen", label);
  return found;
}

static void
open_window (const char *stage)
{
  g_autoptr(GError) error = NULL;

  tmpdir = g_dir_make_tmp ("qareview-outcome-XXXXXX", &error);
  ck_assert_msg (tmpdir != NULL, "%s", error ? error->message : "");

  path = g_build_filename (tmpdir, "session.db", NULL);
  if (stage == NULL)
    session = qa_session_open_with_demo (path, &error);
  else
    {
      g_autofree char *name = g_strdup_printf ("%s.db", stage);
      g_autofree char *from = g_build_filename (stage_dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      ck_assert (g_file_get_contents (from, &contents, &length, NULL));
      ck_assert (g_file_set_contents (path, contents, length, NULL));
      session = qa_session_open (path, &error);
    }
  ck_assert_msg (session != NULL, "%s", error ? error->message : "");

  window = qa_window_new (NULL);
  qa_window_set_session (window, session);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  ck_assert_msg (gui_test_iterate_until (gui_test_widget_is_mapped, window),
                 "the window was never mapped");
  set_role (QA_ROLE_SECRETARIAT);
}

static void
setup (void)
{
  open_window (NULL);
}

static void
setup_site (void)
{
  open_window ("site");
}

static void
setup_notice (void)
{
  open_window ("notice");
}

static void
setup_award (void)
{
  open_window ("award");
}

static void
teardown (void)
{
  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_settle ();
  window = NULL;
  g_unsetenv ("QAREVIEW_TODAY");
  g_clear_object (&session);
  gui_test_remove_tmpdir (tmpdir);
  g_clear_pointer (&tmpdir, g_free);
  g_clear_pointer (&path, g_free);
}

/* Ganzhou: 3 places, 500 points, material 30 % and site 70 %. */
static const Totals ranked[] = {
  { TRUE, TRUE,  61200, 64040 },   /* 631.9 */
  { TRUE, TRUE,  59850, 61000 },   /* 606.6 */
  { TRUE, TRUE,  57000, 57200 },   /* 571.4 */
  { TRUE, TRUE,  56000, 56000 },   /* 560.0: 4th of 3 places */
  { TRUE, TRUE,  48000, 48330 },   /* 482.3 < 500 */
  { TRUE, FALSE, 40100, 0 },       /* not site-reviewed */
  { FALSE, FALSE, 0, 0 },          /* ineligible */
};

START_TEST (test_shortlist_ranks_with_reasons)
{
  QaShortlistView *view;
  GListModel *rows;
  g_autoptr(QaShortlistItem) first = NULL;
  g_autoptr(QaShortlistItem) fourth = NULL;
  g_autofree char *final = NULL;

  show_page ("shortlist");
  view = shortlist_view ();
  qa_shortlist_view_set_result (view, compute (ranked, G_N_ELEMENTS (ranked)), NULL);
  gui_test_settle ();
  /* Before anything is asserted in English, so that every language is pictured. */
  shoot ("shortlist");

  rows = qa_shortlist_view_get_rows (view);
  ck_assert_uint_eq (g_list_model_get_n_items (rows), G_N_ELEMENTS (ranked));
  first = g_list_model_get_item (rows, 0);
  final = qa_shortlist_item_dup_final_score (first);
  ck_assert_str_eq (final, "631.9");
  ck_assert_int_eq (qa_shortlist_item_get_row (first)->status, QA_OUTCOME_CANDIDATE);
  fourth = g_list_model_get_item (rows, 3);
  ck_assert_int_eq (qa_shortlist_item_get_row (fourth)->status, QA_OUTCOME_OVER_LIMIT);

  /* Every status in words, with the reason and its article: colour is never the only sign. */
  gui_test_assert_label_on_screen (ROOT, "Candidate");
  gui_test_assert_label_on_screen (ROOT, "Over the limit");
  gui_test_assert_label_on_screen (ROOT, "Below the threshold");
  gui_test_assert_label_on_screen (ROOT, "Not site-reviewed");
  gui_test_assert_label_on_screen (ROOT, "Ineligible");
  gui_test_assert_label_on_screen (ROOT, "631.9");
  gui_test_assert_label_on_screen (ROOT, "606.6");
  gui_test_assert_label_on_screen (ROOT, "560.0");
  gui_test_assert_label_on_screen (ROOT, "482.3");
  gui_test_assert_label_on_screen (ROOT, qa_shortlist_item_get_row (fourth)->reason);
  gui_test_assert_on_screen (ROOT, "482.3 < 500");
  gui_test_assert_on_screen (ROOT, "3 candidates proposed");
  gui_test_assert_not_on_screen (ROOT, "No Shortlist Yet");
  gui_test_assert_not_on_screen (ROOT, "Award Vacant This Session");

  /* The profile's numbers stay in the header. */
  gui_test_assert_label_on_screen (ROOT, "30 : 70");
  gui_test_assert_label_on_screen (ROOT, "500");
}
END_TEST

START_TEST (test_shortlist_vacant)
{
  static const Totals low[] = {
    { TRUE, TRUE, 48000, 48330 },
    { TRUE, TRUE, 41000, 40000 },
    { TRUE, FALSE, 39000, 0 },
  };
  g_autoptr(QaShortlistResult) check = compute (low, G_N_ELEMENTS (low));
  QaShortlistView *view;

  ck_assert (check->vacant);
  ck_assert (check->vacancy_reason != NULL);

  show_page ("shortlist");
  view = shortlist_view ();
  qa_shortlist_view_set_result (view, compute (low, G_N_ELEMENTS (low)), NULL);
  gui_test_settle ();
  shoot ("vacant");

  gui_test_assert_label_on_screen (ROOT, "Award Vacant This Session");
  gui_test_assert_on_screen (ROOT, check->vacancy_reason);
  gui_test_assert_not_on_screen (ROOT, "Over the limit");
  /* Nothing to confirm when nobody is a candidate; the vacancy itself can be exported. */
  ck_assert (!gtk_widget_get_sensitive (view_button (view, "Confirm…")));
  ck_assert (gtk_widget_get_sensitive (view_button (view, "Print…")));
}
END_TEST

START_TEST (test_shortlist_confirm_asks)
{
  QaShortlistView *view;
  GtkWindow *dialog;

  show_page ("shortlist");
  view = shortlist_view ();
  qa_shortlist_view_set_result (view, compute (ranked, G_N_ELEMENTS (ranked)), NULL);
  gui_test_settle ();

  ck_assert (gtk_widget_get_sensitive (view_button (view, "Confirm…")));
  /* Opening the notice waits for the confirmation. */
  ck_assert (!gtk_widget_get_sensitive (view_button (view, "Open Public Notice…")));
  g_signal_emit_by_name (view_button (view, "Confirm…"), "clicked");
  dialog = gui_test_wait_for_window (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window));
  ck_assert (dialog != NULL);
  gui_test_assert_on_screen (GTK_WIDGET (dialog), "frozen");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gui_test_settle ();
}
END_TEST

START_TEST (test_supervisor_reads_only)
{
  QaShortlistView *view;
  GtkWidget *confirm;

  show_page ("shortlist");
  view = shortlist_view ();
  qa_shortlist_view_set_result (view, compute (ranked, G_N_ELEMENTS (ranked)), NULL);
  set_role (QA_ROLE_SUPERVISOR);

  /* The list is there to read... */
  gui_test_assert_label_on_screen (ROOT, "631.9");
  /* ...and nothing changes it. */
  confirm = gui_test_find_labelled (GTK_WIDGET (view), GTK_TYPE_BUTTON, "Confirm…");
  ck_assert (confirm == NULL);
  ck_assert (gui_test_find_labelled (GTK_WIDGET (view), GTK_TYPE_BUTTON,
                                     "Open Public Notice…") == NULL);
  ck_assert (!gtk_widget_get_sensitive (view_button (view, "Print…")));

  set_role (QA_ROLE_SECRETARIAT);
  ck_assert (gui_test_find_labelled (GTK_WIDGET (view), GTK_TYPE_BUTTON, "Confirm…") != NULL);
}
END_TEST


/* Every widget of @type under @root, in order. */
static void
collect (GtkWidget *root,
         GType      type,
         GPtrArray *found)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

static GtkWidget *
nth_entry (GtkWindow *dialog,
           guint      n)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();

  collect (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, entries);
  ck_assert_uint_gt (entries->len, n);
  return g_ptr_array_index (entries, n);
}

static GtkWindow *
open_dialog (GtkWidget  *widget,
             const char *action,
             GVariant   *target)
{
  GtkWindow *dialog;

  ck_assert (gtk_widget_activate_action_variant (widget, action, target));
  dialog = gui_test_wait_for_window (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window));
  ck_assert (dialog != NULL);
  return dialog;
}

static void
respond (GtkWindow  *dialog,
         const char *response)
{
  ck_assert (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), response));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_close (dialog);
  gui_test_settle ();
}

/* The demo after both review stages: the list comes from core, and the committee confirms it. */
START_TEST (test_shortlist_confirm_from_core)
{
  QaShortlistView *view;
  GtkWindow *dialog;
  g_autofree char *confirmed = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = NULL;

  show_page ("shortlist");
  view = shortlist_view ();
  ck_assert_uint_gt (g_list_model_get_n_items (qa_shortlist_view_get_rows (view)), 0);
  gui_test_assert_label_on_screen (ROOT, "Candidate");
  gui_test_assert_not_on_screen (ROOT, "No Shortlist Yet");

  /* Exported through core's table: the CSV of the contract, with a BOM. */
  csv = g_build_filename (tmpdir, "shortlist.csv", NULL);
  file = g_file_new_for_path (csv);
  ck_assert (qa_shortlist_view_export (view, file, "csv"));
  ck_assert (g_file_get_contents (csv, &contents, NULL, NULL));
  ck_assert (g_str_has_prefix (contents, "\xEF\xBB\xBF" "rank,applicant_id,name,material_score,"
                                         "site_score,final_score,status"));

  dialog = open_dialog (GTK_WIDGET (view), "shortlist.confirm", NULL);
  shoot_widget (GTK_WIDGET (dialog), "confirm");
  gtk_editable_set_text (GTK_EDITABLE (nth_entry (dialog, 0)), "2026-12-14");
  respond (dialog, "confirm");

  confirmed = qa_outcome_dup_confirmed_on (session);
  ck_assert_str_eq (confirmed, "2026-12-14");
  /* The date as the user reads it, not as it is stored. */
  gui_test_assert_on_screen (ROOT, "Confirmed by the review committee on Dec 14, 2026");
  ck_assert (!gtk_widget_get_sensitive (view_button (view, "Confirm…")));
  ck_assert (gtk_widget_get_sensitive (view_button (view, "Open Public Notice…")));

  /* Printed from core's PDF of the list, here into a file. */
  {
    g_autofree char *printed = g_build_filename (tmpdir, "printed.pdf", NULL);
    g_autofree char *pdf = NULL;

    qa_shortlist_view_print (view, printed);
    gui_test_settle ();
    ck_assert (g_file_get_contents (printed, &pdf, NULL, NULL));
    ck_assert (g_str_has_prefix (pdf, "%PDF"));
  }

  ck_assert (qa_shortlist_view_open_notice (view, "2026-12-15"));
  gui_test_settle ();
  ck_assert_str_eq (qa_window_get_visible_page (window), "notice");
}
END_TEST

static QaNoticePanel *
notice_panel (void)
{
  GtkWidget *panel = gui_test_find_widget (ROOT, QA_TYPE_NOTICE_PANEL);

  ck_assert (panel != NULL);
  return QA_NOTICE_PANEL (panel);
}

/* The objection form asks core as it is filled in: anonymous and late objections are refused
 * under the form, naming Art. 16(6), and nothing is written. */
START_TEST (test_objection_refused_inline_then_decided)
{
  g_autofree char *starts_on = NULL;
  g_autofree char *ends_on = NULL;
  g_autofree char *late = NULL;
  QaNoticePanel *panel;
  GtkWindow *dialog;
  GPtrArray *objections;
  guint before;
  gint64 id;

  ck_assert (qa_outcome_get_notice (session, &starts_on, &ends_on));
  /* The first day of the notice, on the program's one clock; the page reads it when shown (the
   * window may open on it: shown anew). */
  g_setenv ("QAREVIEW_TODAY", starts_on, TRUE);
  show_page ("shortlist");
  show_page ("notice");
  panel = notice_panel ();
  before = qa_notice_panel_get_objections (panel)->len;
  shoot ("notice");

  {
    g_autofree char *shown = _qa_ui_dup_local_time (starts_on);

    gui_test_assert_on_screen (ROOT, shown);
  }
  gui_test_assert_on_screen (ROOT, "days left to object");

  dialog = open_dialog (GTK_WIDGET (panel), "notice.add-objection", NULL);
  /* Nothing typed yet: anonymous. */
  ck_assert (!adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "record"));
  gui_test_assert_on_screen (GTK_WIDGET (dialog), "Art. 16(6)");
  gui_test_assert_on_screen (GTK_WIDGET (dialog), "anonymous");

  gtk_editable_set_text (GTK_EDITABLE (nth_entry (dialog, 0)), "王某");
  gtk_editable_set_text (GTK_EDITABLE (nth_entry (dialog, 1)), "0936-1234567");
  gtk_editable_set_text (GTK_EDITABLE (nth_entry (dialog, 3)), "申报材料中的检测报告存疑");
  ck_assert (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "record"));

  /* Late: the day after the notice ended. */
  {
    GDate day;

    g_date_clear (&day, 1);
    g_date_set_parse (&day, ends_on);
    g_date_add_days (&day, 1);
    late = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&day), g_date_get_month (&day),
                            g_date_get_day (&day));
  }
  gtk_editable_set_text (GTK_EDITABLE (nth_entry (dialog, 2)), late);
  ck_assert (!adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "record"));
  gui_test_assert_on_screen (GTK_WIDGET (dialog), "outside the notice period");
  shoot_widget (GTK_WIDGET (dialog), "objection-late");
  ck_assert_uint_eq (qa_notice_panel_get_objections (panel)->len, before);

  gtk_editable_set_text (GTK_EDITABLE (nth_entry (dialog, 2)), starts_on);
  respond (dialog, "record");

  objections = qa_notice_panel_get_objections (panel);
  ck_assert_uint_eq (objections->len, before + 1);
  id = ((QaObjection *)g_ptr_array_index (objections, objections->len - 1))->id;
  gui_test_assert_on_screen (ROOT, "王某");
  gui_test_assert_on_screen (ROOT, "Under re-check");

  /* The committee's re-check needs its reason. */
  dialog = open_dialog (GTK_WIDGET (panel), "notice.decide", g_variant_new_int64 (id));
  ck_assert (!adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "dismissed"));
  gtk_editable_set_text (GTK_EDITABLE (nth_entry (dialog, 0)), "检测报告经核实无误");
  respond (dialog, "dismissed");

  objections = qa_notice_panel_get_objections (panel);
  ck_assert_int_eq (((QaObjection *)g_ptr_array_index (objections, objections->len - 1))->status,
                    QA_OBJECTION_DISMISSED);
  gui_test_assert_on_screen (ROOT, "Dismissed");
  gui_test_assert_on_screen (ROOT, "检测报告经核实无误");
}
END_TEST

static QaAwardsView *
awards_view (void)
{
  GtkWidget *view = gui_test_find_widget (ROOT, QA_TYPE_AWARDS_VIEW);

  ck_assert (view != NULL);
  return QA_AWARDS_VIEW (view);
}

static gboolean
is_award_row (GtkWidget     *widget,
              gconstpointer  name)
{
  g_autofree char *suffix = g_strdup_printf (" · %s", (const char *)name);

  return ADW_IS_ACTION_ROW (widget) && gtk_widget_get_mapped (widget) &&
         g_str_has_suffix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), suffix);
}

/* Selects the row of the award of @name (its title “certificate · name”), as a click does. */
static void
pick_award (QaAwardsView *view,
            const char   *name)
{
  GtkWidget *row = gui_test_find_matching (GTK_WIDGET (view), is_award_row, name);

  ck_assert_msg (row != NULL, "no award row of %s on screen", name);
  gtk_list_box_select_row (GTK_LIST_BOX (gtk_widget_get_parent (row)), GTK_LIST_BOX_ROW (row));
  gui_test_settle ();
  ck_assert (gtk_list_box_row_is_selected (GTK_LIST_BOX_ROW (row)));
}

/* The awards with their certificates, a yearly report charted with the falling indicator
 * flagged, and an accident recorded through the page. */
START_TEST (test_awards_reports_and_accident)
{
  const char *y1_text = "kind,name,value,unit,higher_better\n"
                        "business,营业收入,1200,万元,yes\n"
                        "quality,产品合格率,99.2,%,yes\n";
  const char *y2_text = "kind,name,value,unit,higher_better\n"
                        "business,营业收入,1100,万元,yes\n"
                        "quality,产品合格率,99.5,%,yes\n";
  g_autoptr(GBytes) y1 = g_bytes_new_static (y1_text, strlen (y1_text));
  g_autoptr(GBytes) y2 = g_bytes_new_static (y2_text, strlen (y2_text));
  g_autoptr(GError) error = NULL;
  QaAwardsView *view;
  GtkWindow *dialog;
  GPtrArray *awards;
  const QaAward *first;
  g_autofree char *approved_on = NULL;
  g_autofree char *applicant_id = NULL;
  g_autofree char *name = NULL;
  guint year;

  {
    g_autoptr(GPtrArray) stored = qa_award_list (session, NULL, &error);

    ck_assert_msg (stored != NULL && stored->len > 0, "%s", error ? error->message : "no award");
    first = g_ptr_array_index (stored, 0);
    year = (guint)g_ascii_strtoull (first->approved_on, NULL, 10);
    approved_on = g_strdup (first->approved_on);
    applicant_id = g_strdup (first->applicant_id);
    name = g_strdup (first->name);
  }

  ck_assert_msg (qa_award_add_report (session, applicant_id, year, approved_on, y1,
                                      "y1.csv", &error), "%s", error ? error->message : "");
  ck_assert_msg (qa_award_add_report (session, applicant_id, year + 1, approved_on,
                                      y2, "y2.csv", &error), "%s", error ? error->message : "");
  /* Looked at on the day of approval, on the program's one clock; the award's row clicked. */
  g_setenv ("QAREVIEW_TODAY", approved_on, TRUE);
  show_page ("awards");
  view = awards_view ();
  pick_award (view, name);
  shoot ("awards");

  awards = qa_awards_view_get_awards (view);
  first = g_ptr_array_index (awards, 0);
  gui_test_assert_on_screen (ROOT, first->certificate_number);
  {
    g_autofree char *shown = _qa_ui_dup_local_time (first->valid_until);

    gui_test_assert_on_screen (ROOT, shown);
  }
  gui_test_assert_label_on_screen (ROOT, qa_award_status_get_label (QA_AWARD_VALID));
  gui_test_assert_on_screen (ROOT, "1 indicator worse than the year before");
  gui_test_assert_on_screen (ROOT, "worse: guidance advised (Art. 18)");
  ck_assert_uint_eq (qa_awards_view_get_indicators (view)->len, 4);
  {
    g_autoptr(GPtrArray) charts = g_ptr_array_new ();
    guint n_worse = 0;

    /* One chart per indicator, two years each; the falling turnover drawn as worse. */
    collect (GTK_WIDGET (view), QA_TYPE_INDICATOR_CHART, charts);
    ck_assert_uint_eq (charts->len, 2);
    for (guint i = 0; i < charts->len; i++)
      {
        ck_assert_uint_eq (qa_indicator_chart_get_n_values (g_ptr_array_index (charts, i)), 2);
        n_worse += qa_indicator_chart_get_worse (g_ptr_array_index (charts, i));
      }
    ck_assert_uint_eq (n_worse, 1);
  }

  dialog = open_dialog (GTK_WIDGET (view), "awards.accident", NULL);
  gtk_editable_set_text (GTK_EDITABLE (nth_entry (dialog, 1)), "重大质量事故");
  respond (dialog, "record");

  awards = qa_awards_view_get_awards (view);
  first = g_ptr_array_index (awards, 0);
  ck_assert_int_eq (first->status, QA_AWARD_PUBLICITY_BARRED);
  gui_test_assert_label_on_screen (ROOT, qa_award_status_get_label (QA_AWARD_PUBLICITY_BARRED));

  /* The supervisor reads every award and records nothing. */
  set_role (QA_ROLE_SUPERVISOR);
  gui_test_assert_on_screen (ROOT, first->certificate_number);
  ck_assert (gui_test_find_labelled (GTK_WIDGET (view), GTK_TYPE_BUTTON, "Revoke…") == NULL);
  ck_assert (gui_test_find_labelled (GTK_WIDGET (view), GTK_TYPE_BUTTON, "Accident…") == NULL);
}
END_TEST

/* Drives a demo session through the procedure once, keeping a copy at each stage. */
static void
prepare_stages (void)
{
  static const char * const stages[] = { "site", "notice", "award" };
  g_autoptr(GError) error = NULL;
  g_autofree char *work = NULL;

  stage_dir = g_dir_make_tmp ("qareview-outcome-stages-XXXXXX", &error);
  g_assert_no_error (error);
  work = g_build_filename (stage_dir, "work.db", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      g_autoptr(QaSession) stage_session = NULL;
      g_autofree char *name = g_strdup_printf ("%s.db", stages[i]);
      g_autofree char *copy = g_build_filename (stage_dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      stage_session = i == 0 ? qa_session_open_with_demo (work, &error)
                             : qa_session_open (work, &error);
      g_assert_no_error (error);
      g_assert_true (qa_demo_advance (stage_session, stages[i], &error));
      g_assert_no_error (error);
      /* Closed, so that the file holds everything. */
      g_clear_object (&stage_session);
      g_assert_true (g_file_get_contents (work, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (copy, contents, length, NULL));
    }
  g_unlink (work);
}

/* The stepper at each point `demo --until X` reaches, the window open while the session is
 * driven on: the stage it marks current, the ones before it done, and its caption. */
START_TEST (test_stepper_at_each_demo_stage)
{
  static const struct
  {
    const char *until;
    QaStage     stage;
    const char *caption;
  } points[] = {
    { "eligibility", QA_STAGE_ELIGIBILITY, "Form the panel for the Material review." },
    { "material", QA_STAGE_SITE, "Advance the applicants that reached the site-review threshold." },
    { "site", QA_STAGE_COMPREHENSIVE, "the comprehensive evaluation ranks the applicants" },
    { "shortlist", QA_STAGE_NOTICE, "open the public notice (Art. 16(6))" },
    { "notice", QA_STAGE_NOTICE, "record the real-name objections received" },
    /* Whole: longer than the missing sheets' lines that are cut short. */
    { "award", QA_STAGE_AWARD, "record each awardee’s yearly reports, inspections and any accident or revocation." },
  };
  QaProcedureStepper *stepper = qa_window_get_procedure_stepper (window);
  g_autoptr(GError) error = NULL;

  ck_assert_int_eq (qa_procedure_stepper_get_stage (stepper), QA_STAGE_APPLICATION);
  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      g_autoptr(QaProgress) progress = NULL;
      g_autofree char *shot = NULL;
      GtkWidget *title;

      ck_assert_msg (qa_demo_advance (session, points[i].until, &error), "%s: %s",
                     points[i].until, error ? error->message : "");
      gui_test_settle ();
      shot = g_strdup_printf ("stepper-%s", points[i].until);
      shoot_widget (GTK_WIDGET (stepper), shot);
      ck_assert_msg (qa_procedure_stepper_get_stage (stepper) == points[i].stage,
                     "--until %s: the stepper marks %s, not %s", points[i].until,
                     qa_stage_get_title (qa_procedure_stepper_get_stage (stepper)),
                     qa_stage_get_title (points[i].stage));
      /* What the CLI's `progress` says, the stepper says. */
      progress = qa_session_get_progress (session, &error);
      ck_assert_ptr_nonnull (progress);
      ck_assert_int_eq (progress->current, points[i].stage);
      gui_test_assert_on_screen (GTK_WIDGET (stepper), points[i].caption);
      /* The current stage's title is marked so, those before it done, those after to come. */
      for (guint s = 0; s < QA_N_STAGES; s++)
        {
          title = gui_test_find_labelled (GTK_WIDGET (stepper), GTK_TYPE_LABEL, qa_stage_get_title (s));
          ck_assert_ptr_nonnull (title);
          ck_assert_msg (gtk_widget_has_css_class (title, s < points[i].stage ? "done"
                                                          : s == points[i].stage ? "current"
                                                          : "to-come"),
                         "--until %s: %s is not marked right", points[i].until, qa_stage_get_title (s));
        }
    }
}
END_TEST

static Suite *
outcome_suite (void)
{
  Suite *suite = suite_create ("outcome");
  TCase *tc = tcase_create ("window");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_shortlist_ranks_with_reasons);
  tcase_add_test (tc, test_shortlist_vacant);
  tcase_add_test (tc, test_shortlist_confirm_asks);
  tcase_add_test (tc, test_supervisor_reads_only);
  tcase_add_test (tc, test_stepper_at_each_demo_stage);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("site");
  tcase_add_checked_fixture (tc, setup_site, teardown);
  tcase_add_test (tc, test_shortlist_confirm_from_core);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("notice");
  tcase_add_checked_fixture (tc, setup_notice, teardown);
  tcase_add_test (tc, test_objection_refused_inline_then_decided);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("award");
  tcase_add_checked_fixture (tc, setup_award, teardown);
  tcase_add_test (tc, test_awards_reports_and_accident);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  const char *localedir = g_getenv ("QAREVIEW_LOCALEDIR");
  int status;

  /* For the pictures in each language, as the program itself does. */
  if (localedir != NULL)
    {
      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }

  prepare_stages ();
  status = gui_test_run (outcome_suite ());
  gui_test_remove_tmpdir (stage_dir);
  g_free (stage_dir);
  return status;
}
