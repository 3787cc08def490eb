/* test-experts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page “Experts and Panels” at work on a demo session: the pool, declarations and penalties,
 * the panel editor's live rule check and draw, forming a panel, and the conflict matrix, each
 * checked by what is on screen and in the session.
 *
 * The demo: E02–A06, E04–A02 and E07–A04 are declared ties, and E04 works for A02, a tie found
 * from the records; E08 has 4 years of experience, E09 is untrained and has not declared.
 */

#define G_LOG_DOMAIN "test-experts"

#include "config.h"

#include <adwaita.h>
#include <check.h>
#include <glib/gstdio.h>
#include <string.h>

#include "qa-core.h"
#include "qa-problems-dialog.h"
#include "qa-window.h"

#include "gui-test-util.h"

#define ROOT GTK_WIDGET (window)

static char *tmpdir;
static QaSession *session;
static QaWindow *window;

static QaExpertsView *
view (void)
{
  return qa_window_get_experts_view (window);
}

/* The pane under the pool that shows the selected expert, with the actions that record of them. */
static GtkWidget *
detail (void)
{
  return GTK_WIDGET (qa_experts_view_get_expert_detail (view ()));
}

static QaPanelView *
panel_view (void)
{
  return qa_experts_view_get_panel_view (view ());
}

static void
show_section (const char *section)
{
  ck_assert (gtk_widget_activate_action (ROOT, "win.show-page", "s", "experts"));
  qa_experts_view_set_section (view (), section);
  gui_test_settle ();
  ck_assert_str_eq (qa_window_get_visible_page (window), "experts");
  ck_assert_str_eq (qa_experts_view_get_section (view ()), section);
}

/* The row of @expert_id as the list shows it, or NULL. */
static QaExpert *
row_of (const char *expert_id)
{
  GListModel *rows = G_LIST_MODEL (qa_experts_view_get_model (view ()));

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(QaExpert) expert = g_list_model_get_item (rows, i);

      if (g_str_equal (qa_expert_get_id (expert), expert_id))
        return expert;
    }

  return NULL;
}

static gboolean
row_count_is (gpointer expected)
{
  return g_list_model_get_n_items (G_LIST_MODEL (qa_experts_view_get_model (view ()))) ==
         GPOINTER_TO_UINT (expected);
}

/* As a click does; gtk_widget_activate() would wait for the button's animation. */
static void
click (GtkWidget *button)
{
  ck_assert (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  gui_test_settle ();
}

static GtkWidget *
find_button (const char *label)
{
  GtkWidget *button = gui_test_find_labelled (ROOT, GTK_TYPE_BUTTON, label);

  ck_assert_msg (button != NULL, "no button “%s” on screen", label);
  return button;
}

/* The newest window of @type over the main one, once it is on screen. */
static GtkWindow *
wait_for_window (GType type)
{
  GtkWindow *dialog = NULL;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while ((dialog = gui_test_find_window (type, GTK_WINDOW (window))) == NULL &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);

  ck_assert_msg (dialog != NULL, "no %s was shown", g_type_name (type));
  gui_test_iterate_until (gui_test_widget_is_mapped, dialog);
  gui_test_settle ();
  return dialog;
}

/* Clicks the row of @expert_id in the pool on screen. */
static void
select_expert (const char *expert_id)
{
  GtkWidget *list = gui_test_find_mapped_widget (GTK_WIDGET (view ()), GTK_TYPE_COLUMN_VIEW);

  ck_assert_msg (list != NULL, "no pool on screen");
  ck_assert_msg (gui_test_click_row_showing (list, expert_id), "%s has no row in the pool", expert_id);
  ck_assert_ptr_nonnull (qa_experts_view_get_selected_expert (view ()));
  ck_assert_str_eq (qa_expert_get_id (qa_experts_view_get_selected_expert (view ())), expert_id);
}

static gboolean
has_action_name (GtkWidget     *widget,
                 gconstpointer  action)
{
  return GTK_IS_ACTIONABLE (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

/* The last entry of the audit trail. */
static char *
dup_last_action (void)
{
  g_autoptr(GPtrArray) trail = qa_audit_list (qa_session_get_database (session), NULL);

  return g_strdup (((QaAuditEntry *)g_ptr_array_index (trail, trail->len - 1))->action);
}

/* The former employer @employer left on @left_on, recorded for the selected expert through the
 * detail pane's + button and its dialog. */
static void
add_former_employer (const char *employer,
                     const char *left_on)
{
  GtkWidget *button = gui_test_find_matching (detail (), has_action_name, "expert.add-former");
  GtkWindow *dialog;
  GtkWidget *list;
  GtkListBoxRow *row;

  ck_assert_msg (button != NULL, "no button records a former employer");
  click (button);
  dialog = wait_for_window (ADW_TYPE_MESSAGE_DIALOG);
  ck_assert (!adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply"));
  list = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
  gtk_editable_set_text (GTK_EDITABLE (row), employer);
  ck_assert (!adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply"));
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1);
  gtk_editable_set_text (GTK_EDITABLE (row), left_on);
  ck_assert (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  gui_test_settle ();
}

/* Art. 13 condition 5 judged for everyone, and the outcomes stored: A01, A02, A04, A06 and A07
 * are eligible and a panel formed now would review them. */
static void
store_eligibility (void)
{
  GListModel *applicants = qa_session_get_applicants (session);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (applicants); i++)
    {
      g_autoptr(QaApplicant) applicant = g_list_model_get_item (applicants, i);

      ck_assert_msg (qa_applicants_judge (session, qa_applicant_get_id (applicant), 5, TRUE,
                                          "国内领先", &error),
                     "%s", error ? error->message : "");
    }
  ck_assert_msg (qa_applicants_store_eligibility (session, &error), "%s", error ? error->message : "");
  gui_test_settle ();
}

/* The spin buttons of the draw: the number of members, then of alternates. */
static void
collect_spin_buttons (GtkWidget *root,
                      GPtrArray *found)
{
  if (GTK_IS_SPIN_BUTTON (root))
    g_ptr_array_add (found, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_spin_buttons (child, found);
}

static guint
count_check_buttons (GtkWidget *root)
{
  guint n = GTK_IS_CHECK_BUTTON (root) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_check_buttons (child);
  return n;
}

static GtkWidget *
nth_check_button (GtkWidget *root,
                  guint     *n)
{
  if (GTK_IS_CHECK_BUTTON (root) && (*n)-- == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = nth_check_button (child, n);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The smallest widget under @root that shows @expert_id and holds the row's two check buttons:
 * the candidate's row in the list. */
static GtkWidget *
find_candidate_row (GtkWidget  *root,
                    const char *expert_id)
{
  g_autofree char *line = g_strdup_printf ("\n%s\n", expert_id);
  g_autofree char *text = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_candidate_row (child, expert_id);

      if (found != NULL)
        return found;
    }

  if (!gtk_widget_get_mapped (root) || count_check_buttons (root) != 2)
    return NULL;
  text = gui_test_dup_visible_text (root);
  return strstr (text, line) != NULL ? root : NULL;
}

typedef struct
{
  GtkWidget  *list;
  const char *expert_id;
  GtkWidget  *row;
} RowSearch;

static gboolean
row_shown (gpointer data)
{
  RowSearch *search = data;

  search->row = find_candidate_row (search->list, search->expert_id);
  return search->row != NULL;
}

/* The Member (@column 0) or Alternate (1) check button of @expert_id, as on screen. */
static GtkCheckButton *
candidate_check (const char *expert_id,
                 guint       column)
{
  GtkWidget *list = gui_test_find_widget (GTK_WIDGET (panel_view ()), GTK_TYPE_COLUMN_VIEW);
  GtkWidget *scroller = gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  RowSearch search = { list, expert_id, NULL };
  GtkWidget *row;
  GtkWidget *check;

  /* Scrolls the list to the end when the expert is below what is shown, as a user would; the
   * list makes its rows on the next frame. */
  if (!row_shown (&search))
    {
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      if (!gui_test_iterate_until (row_shown, &search))
        {
          gtk_adjustment_set_value (adjustment, 0);
          gui_test_iterate_until (row_shown, &search);
        }
    }
  row = search.row;
  ck_assert_msg (row != NULL, "%s has no row with check buttons on screen", expert_id);
  check = nth_check_button (row, &column);
  ck_assert (GTK_IS_CHECK_BUTTON (check));
  return GTK_CHECK_BUTTON (check);
}

/* Ticks or unticks the Member boxes of @ids, as a click would. */
static void
set_members (const char * const *ids,
             gboolean            member)
{
  for (guint i = 0; ids[i] != NULL; i++)
    {
      GtkCheckButton *check = candidate_check (ids[i], 0);

      if (gtk_check_button_get_active (check) != member)
        g_signal_emit_by_name (check, "activate");
      gui_test_settle ();
      ck_assert_int_eq (gtk_check_button_get_active (check), member);
    }
}

/* Picks @expert_id (NULL: “None chosen”) in the chair list on screen. */
static void
choose_chair (const char *expert_id)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (gui_test_find_widget (GTK_WIDGET (panel_view ()),
                                                               GTK_TYPE_DROP_DOWN));
  GListModel *choices = gtk_drop_down_get_model (dropdown);
  g_autofree char *suffix = expert_id != NULL ? g_strdup_printf ("(%s)", expert_id) : NULL;
  guint n = g_list_model_get_n_items (choices);
  guint chosen = n;

  ck_assert (gui_test_widget_is_mapped (dropdown));
  for (guint i = 0; i < n; i++)
    {
      const char *label = gtk_string_list_get_string (GTK_STRING_LIST (choices), i);

      if (expert_id == NULL ? i == 0 : g_str_has_suffix (label, suffix))
        chosen = i;
    }
  ck_assert_msg (chosen < n, "%s is not in the chair list", expert_id);
  gtk_drop_down_set_selected (dropdown, chosen);
  gui_test_settle ();
}

static void
setup (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  tmpdir = g_dir_make_tmp ("qareview-experts-XXXXXX", &error);
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
  g_unsetenv ("QAREVIEW_TODAY");
  gui_test_remove_tmpdir (tmpdir);
  g_clear_pointer (&tmpdir, g_free);
}

START_TEST (test_pool_lists_every_expert)
{
  static const char * const ids[] = { "E01", "E02", "E03", "E04", "E05", "E06", "E07", "E08", "E09",
                                      "E10", "E11", "E12" };
  GListModel *rows = G_LIST_MODEL (qa_experts_view_get_model (view ()));

  show_section ("pool");

  ck_assert_uint_eq (g_list_model_get_n_items (qa_session_get_experts (session)), 12);
  ck_assert_uint_eq (g_list_model_get_n_items (rows), 12);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    ck_assert_msg (row_of (ids[i]) != NULL, "%s is not listed", ids[i]);

  /* Sorted by reference, the first selected and its facts shown. */
  {
    g_autoptr(QaExpert) first = g_list_model_get_item (rows, 0);

    ck_assert_str_eq (qa_expert_get_id (first), "E01");
    ck_assert_ptr_eq (qa_experts_view_get_selected_expert (view ()), first);
  }
  gui_test_assert_label_on_screen (ROOT, "12 experts");
  gui_test_assert_label_on_screen (ROOT, "王建国");
  gui_test_assert_label_on_screen (ROOT, "甘肃省质量技术监督局退休");
  gui_test_assert_label_on_screen (ROOT, "May serve on a panel");

  /* An unqualified expert says why. */
  select_expert ("E08");
  gui_test_assert_label_on_screen (ROOT, "May not serve on a panel");
  gui_test_assert_on_screen (ROOT, "Art. 11(3): 孙立 (E08) has 4 years of experience; 5 required");

  /* The search narrows by employer. */
  gtk_editable_set_text (qa_experts_view_get_search_entry (view ()), "河西学院");
  ck_assert_msg (gui_test_iterate_until (row_count_is, GUINT_TO_POINTER (1)),
                 "the search shows %u rows", g_list_model_get_n_items (rows));
  gui_test_settle ();
  ck_assert_ptr_nonnull (row_of ("E02"));
  gui_test_assert_label_on_screen (ROOT, "1 of 12 experts");
  gtk_editable_set_text (qa_experts_view_get_search_entry (view ()), "");
  ck_assert (gui_test_iterate_until (row_count_is, GUINT_TO_POINTER (12)));
}
END_TEST

START_TEST (test_declaration_recorded_by_button)
{
  GtkWidget *button;

  show_section ("pool");
  select_expert ("E09");
  ck_assert (!qa_expert_get_declared (row_of ("E09")));
  gui_test_assert_on_screen (ROOT, "Not signed for this session");

  button = find_button ("Record Declaration");
  click (button);

  /* The row is read anew and stays selected. */
  ck_assert (qa_expert_get_declared (row_of ("E09")));
  ck_assert_ptr_eq (qa_experts_view_get_selected_expert (view ()), row_of ("E09"));
  gui_test_assert_on_screen (ROOT, "Signed for this session on ");
  gui_test_assert_label_on_screen (ROOT, "Declaration of 周海燕 (E09) recorded");
  ck_assert (!gtk_widget_get_sensitive (find_button ("Record Declaration")));

  /* E09 is still untrained: Art. 11(4) alone keeps them off panels now. */
  gui_test_assert_on_screen (ROOT, "Art. 11(4)");
  gui_test_assert_not_on_screen (ROOT, "impartiality and confidentiality declaration;");
}
END_TEST

/* E09 was untrained and E08 had four years: both are corrected in the pool's dialogs, and may
 * then serve. */
START_TEST (test_record_corrected_and_training_recorded)
{
  GtkWindow *dialog;
  GtkWidget *course;
  GtkWidget *spin;

  show_section ("pool");
  select_expert ("E09");

  ck_assert (gtk_widget_activate_action (detail (), "expert.train", NULL));
  dialog = wait_for_window (ADW_TYPE_MESSAGE_DIALOG);
  gui_test_assert_label_on_screen (GTK_WIDGET (dialog), "Record the Training of 周海燕 (E09)");
  ck_assert (!adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply"));
  course = gui_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW);
  gtk_editable_set_text (GTK_EDITABLE (course), "甘肃省卓越绩效评价师培训班");
  ck_assert (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  gui_test_settle ();
  ck_assert (qa_expert_get_trained (row_of ("E09")));
  gui_test_assert_label_on_screen (ROOT, "The training of 周海燕 (E09) is recorded");

  select_expert ("E08");
  gui_test_assert_label_on_screen (ROOT, "May not serve on a panel");
  ck_assert (gtk_widget_activate_action (detail (), "expert.edit", NULL));
  dialog = wait_for_window (ADW_TYPE_MESSAGE_DIALOG);
  gui_test_assert_label_on_screen (GTK_WIDGET (dialog), "Correct the Record of 孙立 (E08)");
  spin = gui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON);
  ck_assert_int_eq (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), 4);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 6);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  gui_test_settle ();
  ck_assert_uint_eq (qa_expert_get_experience_years (row_of ("E08")), 6);
  gui_test_assert_label_on_screen (ROOT, "May serve on a panel");
  {
    g_autoptr(GPtrArray) trail = qa_audit_list (qa_session_get_database (session), NULL);
    QaAuditEntry *last = g_ptr_array_index (trail, trail->len - 1);

    ck_assert_str_eq (last->action, "expert.edit");
    ck_assert_str_eq (last->after, "experience_years=6");
  }
}
END_TEST

START_TEST (test_suspension_needs_reason)
{
  GtkWindow *dialog;
  GtkWidget *entry;

  show_section ("pool");
  select_expert ("E05");

  ck_assert (gtk_widget_activate_action (detail (), "expert.suspend", NULL));
  dialog = wait_for_window (ADW_TYPE_MESSAGE_DIALOG);
  gui_test_assert_label_on_screen (GTK_WIDGET (dialog), "Suspend 陈立军 (E05)?");

  /* No reason, no suspension. */
  ck_assert (!adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply"));
  entry = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
  gtk_editable_set_text (GTK_EDITABLE (entry), "  ");
  ck_assert (!adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "评审期间与申报组织私下接触");
  ck_assert (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  gui_test_settle ();

  ck_assert_int_eq (qa_expert_get_status (row_of ("E05")), QA_EXPERT_STATUS_SUSPENDED);
  ck_assert_str_eq (qa_expert_get_status_reason (row_of ("E05")), "评审期间与申报组织私下接触");
  gui_test_assert_on_screen (ROOT, "Art. 23 (penalties): 陈立军 (E05) is suspended since ");
  gui_test_assert_label_on_screen (ROOT, "陈立军 (E05) suspended");

  /* Reinstated, with a reason too. */
  ck_assert (gtk_widget_activate_action (detail (), "expert.reinstate", NULL));
  dialog = wait_for_window (ADW_TYPE_MESSAGE_DIALOG);
  gui_test_assert_label_on_screen (GTK_WIDGET (dialog), "Reinstate 陈立军 (E05)?");
  entry = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
  gtk_editable_set_text (GTK_EDITABLE (entry), "经监督委员会复核，情况不实");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  gui_test_settle ();
  ck_assert_int_eq (qa_expert_get_status (row_of ("E05")), QA_EXPERT_STATUS_ACTIVE);
  gui_test_assert_label_on_screen (ROOT, "May serve on a panel");
}
END_TEST

START_TEST (test_panel_check_follows_selection)
{
  static const char * const four[] = { "E01", "E02", "E03", "E05", NULL };
  static const char * const e08[] = { "E08", NULL };
  static const char * const rest[] = { "E04", "E06", "E07", NULL };
  g_autoptr(QaPanel) panel = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *form;

  store_eligibility ();
  show_section ("panels");
  ck_assert_int_eq (qa_panel_view_get_stage (panel_view ()), QA_STAGE_MATERIAL);
  gui_test_assert_on_screen (ROOT, "No panel has been formed for material review yet.");

  /* Four members: too few, and even. */
  set_members (four, TRUE);
  choose_chair ("E01");
  gui_test_assert_on_screen (ROOT, "Art. 11: the panel has 4 members; at least 5 and an odd number are required");
  form = find_button ("Form Panel");
  ck_assert (!gtk_widget_get_sensitive (form));

  /* A fifth with 4 years: named, with the article. */
  set_members (e08, TRUE);
  gui_test_assert_not_on_screen (ROOT, "the panel has 4 members");
  gui_test_assert_on_screen (ROOT, "Art. 11(3): 孙立 (E08) has 4 years of experience; 5 required");
  /* E02 is tied to A06, which five members would leave with four scorers. */
  gui_test_assert_on_screen (ROOT, "after the recusal of 李秀兰 (E02)");
  ck_assert (!gtk_widget_get_sensitive (form));

  /* Seven qualified members, but no chair chosen. */
  set_members (e08, FALSE);
  set_members (rest, TRUE);
  choose_chair (NULL);
  gui_test_assert_not_on_screen (ROOT, "孙立 (E08) has 4 years");
  gui_test_assert_on_screen (ROOT, "Art. 11: the panel has no chair");
  ck_assert (!gtk_widget_get_sensitive (form));

  /* With the chair, every rule holds. */
  choose_chair ("E01");
  ck_assert_uint_eq (qa_panel_view_get_violations (panel_view ())->len, 0);
  gui_test_assert_label_on_screen (ROOT, "Meets Art. 11");
  ck_assert (gtk_widget_get_sensitive (form));

  /* Forming it shows the chair and the members, and each applicant's scorers. */
  click (form);
  panel = qa_panel_load (session, QA_STAGE_MATERIAL, &error);
  ck_assert_msg (panel != NULL, "%s", error ? error->message : "");
  ck_assert_str_eq (qa_panel_get_chair_id (panel), "E01");
  ck_assert_uint_eq (g_strv_length ((char **)qa_panel_get_members (panel)), 7);

  gui_test_assert_label_on_screen (ROOT, "Material review panel formed");
  gui_test_assert_label_on_screen (ROOT, "王建国 (E01)");
  for (guint i = 0; qa_panel_get_members (panel)[i] != NULL; i++)
    {
      g_autoptr(QaExpert) member = qa_experts_lookup (session, qa_panel_get_members (panel)[i]);
      g_autofree char *label = g_strdup_printf ("%s (%s)", qa_expert_get_name (member),
                                                qa_expert_get_id (member));

      gui_test_assert_on_screen (ROOT, label);
    }
  gui_test_assert_label_on_screen (ROOT, "A02 甘州区黑河水务集团有限公司");
  gui_test_assert_on_screen (ROOT, "Recused for a tie: 刘芳 (E04)");
  ck_assert_uint_eq (qa_expert_get_panel_role (row_of ("E01"), QA_STAGE_MATERIAL), QA_PANEL_ROLE_CHAIR);

  /* Nothing changed since: nothing to form. */
  gui_test_assert_label_on_screen (ROOT, "This is the panel as formed.");
  ck_assert (!gtk_widget_get_sensitive (form));
}
END_TEST

START_TEST (test_draw_is_reproducible)
{
  g_auto(GStrv) first = NULL;
  g_auto(GStrv) second = NULL;
  g_autoptr(GPtrArray) spins = g_ptr_array_new ();
  GtkWindow *dialog;
  GtkWidget *seed;

  store_eligibility ();
  show_section ("panels");

  /* Eleven cannot be drawn from the ten who may serve. The refusal says so. */
  collect_spin_buttons (GTK_WIDGET (panel_view ()), spins);
  ck_assert_uint_eq (spins->len, 2);
  gtk_spin_button_set_value (g_ptr_array_index (spins, 0), 11);
  click (find_button ("Draw"));
  dialog = wait_for_window (GTK_TYPE_WINDOW);
  gui_test_assert_on_screen (GTK_WIDGET (dialog), "The Panel Could Not Be Drawn");
  gui_test_assert_on_screen (GTK_WIDGET (dialog), "can be drawn as members");
  gtk_window_destroy (dialog);
  gui_test_settle ();
  ck_assert_ptr_null (qa_panel_view_get_draw (panel_view ()));
  g_ptr_array_set_size (spins, 0);

  collect_spin_buttons (GTK_WIDGET (panel_view ()), spins);
  ck_assert_uint_eq (spins->len, 2);
  gtk_spin_button_set_value (g_ptr_array_index (spins, 0), 7);
  gtk_spin_button_set_value (g_ptr_array_index (spins, 1), 0);

  /* A fresh seed is offered. */
  seed = gui_test_find_widget (GTK_WIDGET (panel_view ()), GTK_TYPE_ENTRY);
  ck_assert_uint_ge (strlen (gtk_editable_get_text (GTK_EDITABLE (seed))), 6);

  gtk_editable_set_text (GTK_EDITABLE (seed), "20260501");
  click (find_button ("Draw"));
  gui_test_settle ();
  ck_assert_ptr_nonnull (qa_panel_view_get_draw (panel_view ()));
  first = qa_panel_view_dup_members (panel_view ());
  gui_test_assert_on_screen (ROOT, "Drawn with seed 20260501 on ");

  /* Seven drawn from the ten who may serve, none unqualified; the first chairs. */
  ck_assert_uint_eq (g_strv_length (first), 7);
  ck_assert (!g_strv_contains ((const char * const *)first, "E08"));
  ck_assert (!g_strv_contains ((const char * const *)first, "E09"));
  ck_assert_str_eq (qa_panel_view_get_chair (panel_view ()), first[0]);

  /* Untick the drawn members, then draw again with the same seed. */
  set_members ((const char * const *)first, FALSE);
  ck_assert_ptr_null (qa_panel_view_get_chair (panel_view ()));
  click (find_button ("Draw"));
  gui_test_settle ();
  second = qa_panel_view_dup_members (panel_view ());
  ck_assert (g_strv_equal ((const char * const *)first, (const char * const *)second));
}
END_TEST

START_TEST (test_conflict_matrix_shows_ties)
{
  static const char * const declared[][2] = { { "E04", "A02" }, { "E07", "A04" }, { "E02", "A06" } };
  QaConflictMatrix *matrix = qa_experts_view_get_conflict_matrix (view ());
  GtkWidget *cell;
  const char *tooltip;

  show_section ("conflicts");
  gui_test_assert_on_screen (ROOT, "3 ties recorded, 1 found from the records");

  for (guint i = 0; i < G_N_ELEMENTS (declared); i++)
    {
      cell = qa_conflict_matrix_get_cell (matrix, declared[i][0], declared[i][1]);
      ck_assert_msg (cell != NULL && gtk_widget_get_mapped (cell), "no cell %s–%s",
                     declared[i][0], declared[i][1]);
      ck_assert_msg (gtk_widget_has_css_class (cell, "recorded"), "%s–%s shows no recorded tie",
                     declared[i][0], declared[i][1]);
      ck_assert_str_ne (gtk_widget_get_tooltip_text (cell), "");
      ck_assert_ptr_nonnull (strstr (gtk_widget_get_tooltip_text (cell), "Declared by the expert"));
    }

  /* E04 works for A02: found from the records as well, and told apart. */
  cell = qa_conflict_matrix_get_cell (matrix, "E04", "A02");
  ck_assert (gtk_widget_has_css_class (cell, "automatic"));
  tooltip = gtk_widget_get_tooltip_text (cell);
  ck_assert_ptr_nonnull (strstr (tooltip, "刘芳 (E04) — A02 甘州区黑河水务集团有限公司"));
  ck_assert_ptr_nonnull (strstr (tooltip, "Employer · Declared by the expert: 现任该单位财务部副部长"));
  ck_assert_ptr_nonnull (strstr (tooltip, "Employer · Found from the records: the expert’s employer is the applicant"));
  ck_assert (!gtk_widget_has_css_class (qa_conflict_matrix_get_cell (matrix, "E07", "A04"), "automatic"));

  /* Where there is no tie, the cell is empty. */
  cell = qa_conflict_matrix_get_cell (matrix, "E01", "A01");
  ck_assert (!gtk_widget_has_css_class (cell, "tied"));
  ck_assert_ptr_null (gtk_widget_get_tooltip_text (cell));

  /* A tie added is shown at once. */
  {
    g_autoptr(GError) error = NULL;

    ck_assert (qa_experts_add_conflict (session, "E01", "A01", QA_CONFLICT_FORMER_EMPLOYER,
                                        QA_CONFLICT_SECRETARIAT, "2024 年离职", &error));
    gui_test_settle ();
    cell = qa_conflict_matrix_get_cell (matrix, "E01", "A01");
    ck_assert (gtk_widget_has_css_class (cell, "recorded"));
    ck_assert_ptr_nonnull (strstr (gtk_widget_get_tooltip_text (cell), "Added by the secretariat: 2024 年离职"));
  }
}
END_TEST

static gboolean
chooser_has_file (gpointer chooser)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (chooser);

  return file != NULL;
}

START_TEST (test_import_refused_lists_every_row)
{
  static const char csv[] =
    "id,name,employer,experience_years,trained,ethics,specialty\n"
    "E20,马国栋,张掖市发展和改革委员会,12,yes,yes,宏观经济\n"
    "E21,何静,兰州大学管理学院,many,yes,yes,管理\n"
    "E01,重复,某单位,10,yes,yes,质量\n";
  g_autofree char *path = g_build_filename (tmpdir, "experts.csv", NULL);
  g_autoptr(GFile) file = NULL;
  g_autofree char *text = NULL;
  GtkWindow *chooser;
  GtkWindow *dialog;

  ck_assert (g_file_set_contents (path, csv, -1, NULL));
  file = g_file_new_for_path (path);

  show_section ("pool");
  /* Import > Experts…, and the file picked in the chooser. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (view ()), "experts.import-experts", NULL));
  chooser = wait_for_window (GTK_TYPE_FILE_CHOOSER_DIALOG);
  ck_assert (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL));
  ck_assert_msg (gui_test_iterate_until (chooser_has_file, chooser), "the chooser never picked %s", path);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  gui_test_settle ();
  /* The problems dialog, not the chooser it came from. */
  dialog = wait_for_window (QA_TYPE_PROBLEMS_DIALOG);
  text = gui_test_dup_visible_text (GTK_WIDGET (dialog));

  ck_assert_msg (strstr (text, "The Experts Could Not Be Imported") != NULL, "%s", text);
  ck_assert_msg (strstr (text, ":3: experience_years: ") != NULL, "%s", text);
  ck_assert_msg (strstr (text, ":4: id: expert E01 is already in the pool") != NULL, "%s", text);
  ck_assert_msg (strstr (text, ":2: ") == NULL, "%s", text);
  ck_assert_uint_eq (g_list_model_get_n_items (qa_session_get_experts (session)), 12);
}
END_TEST

START_TEST (test_empty_pool_says_what_to_do)
{
  g_autofree char *path = g_build_filename (tmpdir, "empty.db", NULL);
  g_autoptr(QaDatabase) db = NULL;
  g_autoptr(QaProfile) profile = NULL;
  g_autoptr(QaSession) empty = NULL;
  g_autoptr(GError) error = NULL;

  db = qa_database_open (path, &error);
  ck_assert_msg (db != NULL, "%s", error ? error->message : "");
  profile = qa_profile_new_from_id (QA_PROFILE_DEFAULT_ID, &error);
  ck_assert_msg (profile != NULL, "%s", error ? error->message : "");
  ck_assert (qa_session_create (db, profile, 2028, NULL, &error));
  empty = qa_session_new (db, &error);
  ck_assert_msg (empty != NULL, "%s", error ? error->message : "");

  qa_window_set_session (window, empty);
  ck_assert (gtk_widget_activate_action (ROOT, "win.show-page", "s", "experts"));
  gui_test_settle ();

  gui_test_assert_label_on_screen (ROOT, "No Experts Yet");
  ck_assert (gtk_widget_get_sensitive (find_button ("Import Experts…")));
}
END_TEST

/* E05 left A01 a year ago: recorded in the expert's pane, listed with the day, a tie found from
 * the records (in the pane and the conflict matrix) for the profile's 3 years, and removed. */
START_TEST (test_former_employer_recorded_and_removed)
{
  QaConflictMatrix *matrix = qa_experts_view_get_conflict_matrix (view ());
  GtkWidget *remove;
  GtkWidget *cell;
  g_autofree char *action = NULL;

  g_setenv ("QAREVIEW_TODAY", "2026-06-15", TRUE);
  show_section ("pool");
  select_expert ("E05");
  gui_test_assert_label_on_screen (detail (), "No former employer is recorded.");
  gui_test_assert_label_on_screen (detail (), "An applicant the expert left less than 3 years ago is a tie.");

  add_former_employer ("张掖祁连乳业有限公司", "2025-06-15");
  action = dup_last_action ();
  ck_assert_str_eq (action, "expert.former.add");
  gui_test_assert_label_on_screen (ROOT, "张掖祁连乳业有限公司 recorded as a former employer of 陈立军 (E05)");
  gui_test_assert_not_on_screen (detail (), "No former employer is recorded.");
  gui_test_assert_label_on_screen (detail (), "张掖祁连乳业有限公司");
  gui_test_assert_label_on_screen (detail (), "Left on 2025-06-15");
  /* The tie, found from the records, says for how long a former employer ties. */
  gui_test_assert_label_on_screen (detail (), "A01 张掖祁连乳业有限公司");
  gui_test_assert_label_on_screen (detail (), "Former employer (within 3 years) · Found from the records: "
                                              "the expert left the applicant on 2025-06-15");

  show_section ("conflicts");
  cell = qa_conflict_matrix_get_cell (matrix, "E05", "A01");
  ck_assert (gtk_widget_has_css_class (cell, "automatic"));
  ck_assert_ptr_nonnull (strstr (gtk_widget_get_tooltip_text (cell), "Former employer (within 3 years)"));

  /* Removed, as recorded by mistake: the tie goes with it. */
  show_section ("pool");
  select_expert ("E05");
  remove = gui_test_find_by_tooltip (detail (), "Remove 张掖祁连乳业有限公司, recorded by mistake");
  ck_assert_msg (remove != NULL, "no button removes the former employer");
  click (remove);
  g_clear_pointer (&action, g_free);
  action = dup_last_action ();
  ck_assert_str_eq (action, "expert.former.remove");
  gui_test_assert_label_on_screen (detail (), "No former employer is recorded.");
  gui_test_assert_not_on_screen (detail (), "A01 张掖祁连乳业有限公司");
  show_section ("conflicts");
  ck_assert (!gtk_widget_has_css_class (qa_conflict_matrix_get_cell (matrix, "E05", "A01"), "tied"));
  g_unsetenv ("QAREVIEW_TODAY");
}
END_TEST

/* Under tests/data/profile-strict.xml a former employer ties for 2 years: the label says so, and
 * one left two and a half years ago (a tie under the default 3) is none. */
START_TEST (test_former_employer_years_from_profile)
{
  g_autofree char *profile_path = g_build_filename (g_getenv ("QA_SOURCE_DIR"), "tests", "data",
                                                    "profile-strict.xml", NULL);
  g_autofree char *path = g_build_filename (tmpdir, "strict.db", NULL);
  g_autoptr(GFile) profile_file = g_file_new_for_path (profile_path);
  g_autoptr(QaProfile) profile = NULL;
  g_autoptr(QaDatabase) db = NULL;
  g_autoptr(QaSession) strict = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;
  AdwComboRow *kind_row;
  GListModel *kinds;
  gboolean listed = FALSE;

  g_setenv ("QAREVIEW_TODAY", "2026-06-15", TRUE);
  profile = qa_profile_new_from_file (profile_file, &error);
  ck_assert_msg (profile != NULL, "%s", error ? error->message : "");
  db = qa_database_open (path, &error);
  ck_assert_msg (db != NULL, "%s", error ? error->message : "");
  ck_assert_msg (qa_session_create (db, profile, 2026, NULL, &error), "%s", error ? error->message : "");
  strict = qa_session_new (db, &error);
  ck_assert_msg (strict != NULL, "%s", error ? error->message : "");
  ck_assert_msg (qa_demo_populate (strict, &error), "%s", error ? error->message : "");
  qa_window_set_session (window, strict);
  g_set_object (&session, strict);
  show_section ("pool");
  select_expert ("E05");
  gui_test_assert_label_on_screen (detail (), "An applicant the expert left less than 2 years ago is a tie.");

  add_former_employer ("张掖祁连乳业有限公司", "2023-12-15");
  gui_test_assert_label_on_screen (detail (), "Left on 2023-12-15");
  gui_test_assert_label_on_screen (detail (), "No tie with any applicant is recorded or found.");

  add_former_employer ("甘州区康源中医医院", "2025-06-15");
  gui_test_assert_label_on_screen (detail (), "A07 甘州区康源中医医院");
  gui_test_assert_label_on_screen (detail (), "Former employer (within 2 years) · Found from the records: "
                                              "the expert left the applicant on 2025-06-15");
  gui_test_assert_not_on_screen (detail (), "within 3 years");

  /* The conflict dialog names the kind alike. */
  ck_assert (gtk_widget_activate_action (detail (), "expert.add-conflict", NULL));
  dialog = wait_for_window (ADW_TYPE_MESSAGE_DIALOG);
  kind_row = ADW_COMBO_ROW (gtk_list_box_get_row_at_index (GTK_LIST_BOX (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog))), 1));
  kinds = adw_combo_row_get_model (kind_row);
  for (guint i = 0; i < g_list_model_get_n_items (kinds); i++)
    listed |= g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (kinds), i),
                           "Former employer (within 2 years)");
  ck_assert_msg (listed, "the conflict dialog does not name the former employer's 2 years");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gui_test_settle ();
  g_unsetenv ("QAREVIEW_TODAY");
}
END_TEST

static Suite *
experts_suite (void)
{
  Suite *suite = suite_create ("experts");
  TCase *tc = tcase_create ("experts");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_pool_lists_every_expert);
  tcase_add_test (tc, test_declaration_recorded_by_button);
  tcase_add_test (tc, test_suspension_needs_reason);
  tcase_add_test (tc, test_record_corrected_and_training_recorded);
  tcase_add_test (tc, test_panel_check_follows_selection);
  tcase_add_test (tc, test_draw_is_reproducible);
  tcase_add_test (tc, test_conflict_matrix_shows_ties);
  tcase_add_test (tc, test_import_refused_lists_every_row);
  tcase_add_test (tc, test_empty_pool_says_what_to_do);
  tcase_add_test (tc, test_former_employer_recorded_and_removed);
  tcase_add_test (tc, test_former_employer_years_from_profile);
  suite_add_tcase (suite, tc);

  return suite;
}

int
main (void)
{
  return gui_test_run (experts_suite ());
}
