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
#include <string.h>

#include "qa-core.h"
#include "qa-shortlist-view.h"
#include "qa-window.h"

#include "gui-test-util.h"

#define ROOT GTK_WIDGET (window)

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
setup (void)
{
  g_autoptr(GError) error = NULL;

  tmpdir = g_dir_make_tmp ("qareview-outcome-XXXXXX", &error);
  ck_assert_msg (tmpdir != NULL, "%s", error ? error->message : "");

  path = g_build_filename (tmpdir, "session.db", NULL);
  session = qa_session_open_with_demo (path, &error);
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
teardown (void)
{
  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_settle ();
  window = NULL;
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
  shoot_widget (GTK_WIDGET (dialog), "confirm");
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
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  const char *localedir = g_getenv ("QAREVIEW_LOCALEDIR");

  /* For the pictures in each language, as the program itself does. */
  if (localedir != NULL)
    {
      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }

  return gui_test_run (outcome_suite ());
}
