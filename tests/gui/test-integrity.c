/* test-integrity.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What keeps a session trustworthy, driven through the real window: who acts and what their
 * role lets them do, the audit trail listed, filtered and verified (and caught when the file is
 * tampered with), a backup restored, and a damaged file mended from its latest backup.
 */

#define G_LOG_DOMAIN "test-integrity"

#include "config.h"

#include <adwaita.h>
#include <check.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "qa-core.h"
#include "qa-operator-dialog.h"
#include "qa-restore-dialog.h"
#include "qa-window.h"

#include "gui-test-util.h"

#define ROOT GTK_WIDGET (window)

static char *tmpdir;
static char *path;
static QaSession *session;
static QaWindow *window;

static gboolean
window_not_busy (gpointer data)
{
  return !qa_window_get_busy (window);
}

static gboolean
session_is_not (gpointer data)
{
  return qa_window_get_session (window) != data && qa_window_get_session (window) != NULL;
}

static GtkWindow *
wait_for_window (GType type)
{
  return gui_test_wait_for_window (type, GTK_WINDOW (window));
}

static void
show_page (const char *page)
{
  ck_assert (gtk_widget_activate_action (ROOT, "win.show-page", "s", page));
  gui_test_settle ();
  ck_assert_str_eq (qa_window_get_visible_page (window), page);
}

/* The button on screen whose label reads @label; it must be there. */
static GtkWidget *
button (const char *label)
{
  GtkWidget *found = gui_test_find_labelled (ROOT, GTK_TYPE_BUTTON, label);

  ck_assert_msg (found != NULL, "no button “%s” on screen", label);
  return found;
}

/* As a click does; gtk_widget_activate() would wait for the button's animation. */
static void
click (GtkWidget *widget)
{
  ck_assert (gtk_widget_get_sensitive (widget));
  g_signal_emit_by_name (widget, "clicked");
  gui_test_settle ();
}

static gboolean
review_action_enabled (const char *name)
{
  GActionGroup *actions = qa_scoring_view_get_actions (qa_window_get_scoring_view (window));

  return g_action_group_get_action_enabled (actions, name);
}

static void
set_role (QaRole role)
{
  qa_window_set_operator (window, "Test Operator", role);
  gui_test_settle ();
  ck_assert_int_eq (qa_window_get_role (window), role);
}

static void
setup (void)
{
  g_autoptr(GError) error = NULL;

  tmpdir = g_dir_make_tmp ("qareview-integrity-XXXXXX", &error);
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
  set_role (QA_ROLE_SECRETARIAT);
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
  g_clear_pointer (&path, g_free);
}

/* Whether each button that changes the session may be pressed, page by page. */
static void
assert_changes_allowed (gboolean register_allowed,
                        gboolean panel_allowed,
                        gboolean export_allowed)
{
  QaDossierPane *pane = qa_dossiers_view_get_pane (qa_window_get_dossiers_view (window));

  show_page ("dossiers");
  ck_assert_int_eq (gtk_widget_get_sensitive (button ("Import…")), register_allowed);
  ck_assert_int_eq (gtk_widget_get_sensitive (button ("New")), register_allowed);
  ck_assert_int_eq (gtk_widget_get_sensitive (button ("Check Eligibility")), register_allowed);
  /* The dossier is read, not typed into. */
  ck_assert_int_eq (gtk_widget_is_sensitive (GTK_WIDGET (qa_dossier_pane_get_form (pane))),
                    register_allowed);

  qa_dossier_pane_set_page (pane, "eligibility");
  gui_test_settle ();
  ck_assert_int_eq (gtk_widget_get_sensitive (button ("Export Notice…")), export_allowed);
  ck_assert_int_eq (gtk_widget_get_sensitive (button ("Print Notice…")), export_allowed);
  ck_assert_int_eq (gtk_widget_get_sensitive (button ("Override…")), register_allowed);
  qa_dossier_pane_set_page (pane, "basic");

  show_page ("experts");
  qa_experts_view_set_section (qa_window_get_experts_view (window), "pool");
  ck_assert (gui_test_click_row_showing (gui_test_find_mapped_widget (GTK_WIDGET (qa_window_get_experts_view (window)),
                                                                     GTK_TYPE_COLUMN_VIEW), "E09"));
  ck_assert_int_eq (gtk_widget_get_sensitive (button ("Record Declaration")), register_allowed);
  ck_assert_int_eq (gtk_widget_get_sensitive (button ("Add Conflict…")), register_allowed);

  qa_experts_view_set_section (qa_window_get_experts_view (window), "panels");
  gui_test_settle ();
  ck_assert_int_eq (gtk_widget_get_sensitive (button ("Draw")), panel_allowed);

  ck_assert_int_eq (review_action_enabled ("export-packages"), export_allowed);
}

START_TEST (test_supervisor_changes_nothing)
{
  set_role (QA_ROLE_SUPERVISOR);

  assert_changes_allowed (FALSE, FALSE, FALSE);
  ck_assert (!review_action_enabled ("import-sheets"));

  /* Why, and who: a banner, and the role in the title. */
  gui_test_assert_on_screen (ROOT, "Working as the supervisory committee");
  gui_test_assert_label_on_screen (ROOT, qa_role_get_label (QA_ROLE_SUPERVISOR));

  /* The audit trail is theirs to read and verify. */
  show_page ("audit");
  ck_assert (gtk_widget_get_sensitive (button ("Verify")));
  ck_assert (gtk_widget_get_sensitive (button ("Export CSV…")));

  /* Every change they might still make is recorded with them. */
  ck_assert_str_eq (qa_database_get_operator_role (qa_session_get_database (session)), "supervisor");
  ck_assert_str_eq (qa_database_get_operator_name (qa_session_get_database (session)), "Test Operator");
}
END_TEST

START_TEST (test_secretariat_and_chair)
{
  assert_changes_allowed (TRUE, TRUE, TRUE);
  ck_assert (review_action_enabled ("import-sheets"));
  gui_test_assert_not_on_screen (ROOT, "Working as the supervisory committee");
  ck_assert_str_eq (qa_database_get_operator_role (qa_session_get_database (session)), "secretariat");

  /* The chair collects sheets, and no more. */
  set_role (QA_ROLE_CHAIR);
  assert_changes_allowed (FALSE, FALSE, FALSE);
  ck_assert (review_action_enabled ("import-sheets"));
  ck_assert_str_eq (qa_database_get_operator_role (qa_session_get_database (session)), "chair");
}
END_TEST

static gboolean
operator_dialog_gone (gpointer data)
{
  return gui_test_find_window (QA_TYPE_OPERATOR_DIALOG, GTK_WINDOW (window)) == NULL;
}

/* The operator dialog's row that offers @role, found by its title. */
static GtkWidget *
find_role_row (QaOperatorDialog *dialog,
               QaRole            role)
{
  GtkWidget *row = gui_test_find_labelled (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW,
                                           qa_role_get_label (role));

  ck_assert_msg (row != NULL, "no row offers %s", qa_role_get_label (role));
  return row;
}

/* @key pressed with the focus on @from's row picks @expected, and moves the focus to its row. */
static void
press_on_role (QaOperatorDialog *dialog,
               QaRole            from,
               const char       *key,
               QaRole            expected)
{
  GtkWidget *row = find_role_row (dialog, from);

  gtk_widget_grab_focus (row);
  ck_assert_ptr_eq (gui_test_press_shortcut (row, key), row);
  ck_assert_int_eq (qa_operator_dialog_get_role (dialog), expected);
  ck_assert (gtk_widget_has_focus (find_role_row (dialog, expected)));
}

START_TEST (test_operator_asked_once)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  QaOperatorDialog *dialog;

  /* Remembered: nobody is asked. */
  qa_window_confirm_operator (window);
  gui_test_settle ();
  ck_assert_ptr_null (gui_test_find_window (QA_TYPE_OPERATOR_DIALOG, GTK_WINDOW (window)));

  /* A computer that never said who works at it asks, once. */
  g_settings_set_string (settings, "operator-name", "");
  qa_window_confirm_operator (window);
  dialog = QA_OPERATOR_DIALOG (wait_for_window (QA_TYPE_OPERATOR_DIALOG));
  qa_operator_dialog_set_name (dialog, "");
  ck_assert (!qa_operator_dialog_confirm (dialog));
  qa_operator_dialog_set_name (dialog, "  张三 ");
  /* The role is picked with the arrow keys, as in a group of radio buttons. */
  press_on_role (dialog, QA_ROLE_SECRETARIAT, "Down", QA_ROLE_CHAIR);
  press_on_role (dialog, QA_ROLE_CHAIR, "Down", QA_ROLE_SUPERVISOR);
  press_on_role (dialog, QA_ROLE_SUPERVISOR, "Up", QA_ROLE_CHAIR);
  ck_assert (qa_operator_dialog_confirm (dialog));
  ck_assert (gui_test_iterate_until (operator_dialog_gone, NULL));

  ck_assert_int_eq (qa_window_get_role (window), QA_ROLE_CHAIR);
  ck_assert_str_eq (qa_window_get_operator_name (window), "张三");
  {
    g_autofree char *name = g_settings_get_string (settings, "operator-name");
    g_autofree char *role = g_settings_get_string (settings, "operator-role");

    ck_assert_str_eq (name, "张三");
    ck_assert_str_eq (role, "chair");
  }
  ck_assert_str_eq (qa_database_get_operator_name (qa_session_get_database (session)), "张三");
  gui_test_assert_label_on_screen (ROOT, qa_role_get_label (QA_ROLE_CHAIR));

  qa_window_confirm_operator (window);
  gui_test_settle ();
  ck_assert_ptr_null (gui_test_find_window (QA_TYPE_OPERATOR_DIALOG, GTK_WINDOW (window)));

  /* Change Role… asks again, filled in. */
  ck_assert (gtk_widget_activate_action (ROOT, "win.change-role", NULL));
  dialog = QA_OPERATOR_DIALOG (wait_for_window (QA_TYPE_OPERATOR_DIALOG));
  ck_assert_str_eq (qa_operator_dialog_get_name (dialog), "张三");
  ck_assert_int_eq (qa_operator_dialog_get_role (dialog), QA_ROLE_CHAIR);
  /* By a click on the row too. */
  g_signal_emit_by_name (find_role_row (dialog, QA_ROLE_SUPERVISOR), "activate");
  gui_test_settle ();
  ck_assert_int_eq (qa_operator_dialog_get_role (dialog), QA_ROLE_SUPERVISOR);
  ck_assert (qa_operator_dialog_confirm (dialog));
  gui_test_settle ();
  ck_assert_int_eq (qa_window_get_role (window), QA_ROLE_SUPERVISOR);
}
END_TEST

/* A few changes beyond the demo's, one of them by someone else. */
static void
make_entries (void)
{
  QaDatabase *db = qa_session_get_database (session);
  g_autoptr(GError) error = NULL;

  ck_assert_msg (qa_experts_declare (session, "E09", &error), "%s", error ? error->message : "");
  qa_database_set_operator (db, "Other Person", "secretariat");
  ck_assert_msg (qa_experts_set_status (session, "E08", QA_EXPERT_STATUS_SUSPENDED, "no declaration",
                                        &error),
                 "%s", error ? error->message : "");
  qa_database_set_operator (db, "Test Operator", "secretariat");

  /* Made behind the window's back, as by the CLI: Reload shows them. */
  ck_assert (gtk_widget_activate_action (ROOT, "win.reload", NULL));
  gui_test_settle ();
}

static guint
n_shown (void)
{
  return g_list_model_get_n_items (qa_audit_view_get_model (qa_window_get_audit_view (window)));
}

/* Picks @label (NULL: the first row, “all”) in the audit filter whose tooltip is @tooltip. */
static void
pick_filter (const char *tooltip,
             const char *label)
{
  gui_test_pick_in_drop_down (gui_test_find_by_tooltip (GTK_WIDGET (qa_window_get_audit_view (window)), tooltip),
                              label);
}

/* Types @day into the audit's day field whose tooltip is @tooltip. */
static void
type_day (const char *tooltip,
          const char *day)
{
  GtkWidget *entry = gui_test_find_by_tooltip (GTK_WIDGET (qa_window_get_audit_view (window)), tooltip);

  ck_assert_msg (GTK_IS_ENTRY (entry), "no day field “%s” on screen", tooltip);
  gtk_editable_set_text (GTK_EDITABLE (entry), day);
  gui_test_settle ();
}

#define ACTION_FILTER "Only the entries of this action"
#define OPERATOR_FILTER "Only the entries this person made"
#define EXPERT_FILTER "Only the entries about this expert"
#define FROM_FILTER "Only the entries made on this day or later"
#define TO_FILTER "Only the entries made on this day or earlier"

static guint
n_entries (void)
{
  g_autoptr(GPtrArray) entries = qa_audit_list (qa_session_get_database (session), NULL);

  ck_assert_ptr_nonnull (entries);
  return entries->len;
}

START_TEST (test_audit_lists_and_filters)
{
  QaAuditView *audit = qa_window_get_audit_view (window);
  g_autofree char *count = NULL;
  g_autofree char *tomorrow = NULL;
  guint total;

  make_entries ();
  show_page ("audit");
  total = n_entries ();
  ck_assert_uint_ge (total, 4);

  /* Every entry, oldest first, with what it means and who made it. */
  ck_assert_uint_eq (n_shown (), total);
  for (guint i = 0; i < total; i++)
    {
      g_autoptr(QaAuditItem) item = g_list_model_get_item (qa_audit_view_get_model (audit), i);

      ck_assert_int_eq (qa_audit_item_get_entry (item)->seq, i + 1);
    }
  gui_test_assert_label_on_screen (ROOT, "Session created");
  gui_test_assert_label_on_screen (ROOT, "Declaration signed");
  gui_test_assert_label_on_screen (ROOT, "Other Person");
  gui_test_assert_on_screen (ROOT, "E09 · ");
  count = g_strdup_printf ("%u entries", total);
  gui_test_assert_label_on_screen (ROOT, count);

  /* By action, operator and expert. */
  pick_filter (ACTION_FILTER, "Declaration signed");
  ck_assert_uint_eq (n_shown (), 1);
  gui_test_assert_on_screen (ROOT, "1 of ");

  pick_filter (ACTION_FILTER, NULL);
  ck_assert_uint_eq (n_shown (), total);
  pick_filter (OPERATOR_FILTER, "Other Person");
  ck_assert_uint_eq (n_shown (), 1);

  pick_filter (OPERATOR_FILTER, NULL);
  pick_filter (EXPERT_FILTER, "E08 · 孙立");
  ck_assert_uint_eq (n_shown (), 1);
  {
    g_autoptr(QaAuditItem) item = g_list_model_get_item (qa_audit_view_get_model (audit), 0);

    ck_assert_str_eq (qa_audit_item_get_entry (item)->action, "expert.suspend");
  }
  /* The row in words, and in full under the list once picked. */
  gui_test_assert_not_on_screen (ROOT, "status=active");
  gui_test_assert_on_screen (ROOT, "status: active → status: suspended");
  {
    GtkColumnView *columns = GTK_COLUMN_VIEW (gui_test_find_widget (GTK_WIDGET (audit), GTK_TYPE_COLUMN_VIEW));

    gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (columns)), 0);
    gui_test_settle ();
    gui_test_assert_on_screen (ROOT, "Expert suspended, expert E08: status: active → status: suspended; reason: ");
    gui_test_assert_on_screen (ROOT, "Before: status=active");
    gui_test_assert_on_screen (ROOT, "Hash: ");
  }

  /* By day: nothing was done tomorrow. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autoptr(GDateTime) next = g_date_time_add_days (now, 1);
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

    tomorrow = g_date_time_format (next, "%Y-%m-%d");
    pick_filter (EXPERT_FILTER, NULL);
    type_day (FROM_FILTER, today);
    type_day (TO_FILTER, today);
    ck_assert_uint_eq (n_shown (), total);
  }
  type_day (TO_FILTER, "");
  type_day (FROM_FILTER, tomorrow);
  ck_assert_uint_eq (n_shown (), 0);
  gui_test_assert_label_on_screen (ROOT, "No Matching Entries");
  ck_assert (!gtk_widget_get_sensitive (button ("Export CSV…")));

  /* Show Every Entry brings them all back. */
  click (button ("Show Every Entry"));
  ck_assert_uint_eq (n_shown (), total);
}
END_TEST

static gboolean
audit_not_busy (gpointer data)
{
  return !qa_audit_view_get_busy (data);
}

START_TEST (test_audit_export_filtered)
{
  QaAuditView *audit = qa_window_get_audit_view (window);
  g_autofree char *csv_path = g_build_filename (tmpdir, "trail.csv", NULL);
  g_autofree char *pdf_path = g_build_filename (tmpdir, "trail.pdf", NULL);
  g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
  g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
  g_autofree char *contents = NULL;

  make_entries ();
  show_page ("audit");
  pick_filter (ACTION_FILTER, "Declaration signed");
  ck_assert_uint_eq (n_shown (), 1);

  /* What is shown is what is written. */
  qa_audit_view_export (audit, csv, QA_AUDIT_EXPORT_CSV);
  ck_assert (qa_audit_view_get_busy (audit));
  ck_assert (gui_test_iterate_until (audit_not_busy, audit));
  ck_assert (g_file_get_contents (csv_path, &contents, NULL, NULL));
  ck_assert (g_str_has_prefix (contents, "seq,at,operator,role,action"));
  ck_assert (strstr (contents, "expert.declare") != NULL);
  ck_assert (strstr (contents, "expert.suspend") == NULL);
  ck_assert (strstr (contents, "session.create") == NULL);
  gui_test_settle ();
  gui_test_assert_on_screen (ROOT, "Exported 1 entry to ");

  qa_audit_view_export (audit, pdf, QA_AUDIT_EXPORT_PDF);
  ck_assert (gui_test_iterate_until (audit_not_busy, audit));
  g_clear_pointer (&contents, g_free);
  ck_assert (g_file_get_contents (pdf_path, &contents, NULL, NULL));
  ck_assert (g_str_has_prefix (contents, "%PDF"));
}
END_TEST

/* Changes an entry behind the program's back, as someone with the sqlite3 shell would. */
static void
tamper (const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  ck_assert_int_eq (sqlite3_open (path, &db), SQLITE_OK);
  ck_assert_msg (sqlite3_exec (db, sql, NULL, NULL, &message) == SQLITE_OK, "%s", message);
  sqlite3_close (db);
}

START_TEST (test_verify_catches_tampering)
{
  QaAuditView *audit = qa_window_get_audit_view (window);
  g_autofree char *verifies = NULL;
  guint total;

  make_entries ();
  show_page ("audit");
  total = n_entries ();

  click (button ("Verify"));
  verifies = g_strdup_printf ("The audit trail verifies: %u entries", total);
  gui_test_assert_on_screen (ROOT, verifies);
  gui_test_assert_on_screen (ROOT, "Head of the chain: ");

  /* Someone rewrites who suspended E08. */
  tamper ("UPDATE audit_log SET operator = 'Test Operator' WHERE action = 'expert.suspend'");
  click (button ("Verify"));
  ck_assert (!qa_audit_view_verify (audit));
  {
    g_autofree char *expected = g_strdup_printf ("does not verify at entry %u", total);

    gui_test_assert_on_screen (ROOT, expected);
  }
  gui_test_assert_not_on_screen (ROOT, verifies);
  /* The list shows the file as it is now. */
  gui_test_assert_not_on_screen (ROOT, "Other Person");
}
END_TEST

/* The trail of a restored session says, last, what was restored, and still verifies. */
static void
assert_restore_recorded (QaSession  *restored,
                         const char *backup)
{
  QaDatabase *db = qa_session_get_database (restored);
  g_autoptr(GPtrArray) entries = qa_audit_list (db, NULL);
  g_autoptr(GError) error = NULL;
  const QaAuditEntry *last;

  ck_assert_ptr_nonnull (entries);
  last = g_ptr_array_index (entries, entries->len - 1);
  ck_assert_str_eq (last->action, "session.restore");
  ck_assert_str_eq (last->operator_name, "Test Operator");
  ck_assert (strstr (last->after, backup) != NULL);
  ck_assert_msg (qa_audit_verify (db, NULL, NULL, &error), "%s", error ? error->message : "");
}

START_TEST (test_backup_then_restore)
{
  g_autofree char *backup = g_build_filename (tmpdir, "backup.db", NULL);
  QaSession *before = session;
  QaRestoreDialog *picker;
  AdwMessageDialog *confirm;
  g_autoptr(QaExpert) expert = NULL;
  g_auto(GStrv) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup_name = g_path_get_basename (backup);

  qa_window_back_up (window, backup);
  ck_assert (gui_test_iterate_until (window_not_busy, NULL));
  ck_assert (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  gui_test_settle ();
  gui_test_assert_on_screen (ROOT, "Backed up to ");

  /* A change made after the backup. */
  ck_assert (qa_experts_declare (session, "E09", &error));
  expert = qa_experts_lookup (session, "E09");
  ck_assert (qa_expert_get_declared (expert));
  g_clear_object (&expert);

  /* No automatic backup yet: the picker says so and offers a file. */
  ck_assert (gtk_widget_activate_action (ROOT, "win.restore", NULL));
  picker = QA_RESTORE_DIALOG (wait_for_window (QA_TYPE_RESTORE_DIALOG));
  ck_assert_uint_eq (g_list_model_get_n_items (qa_restore_dialog_get_backups (picker)), 0);
  gui_test_assert_label_on_screen (GTK_WIDGET (picker), "No Automatic Backups Yet");
  qa_restore_dialog_choose (picker, backup);

  /* Asked first, naming the file and what is replaced. */
  confirm = ADW_MESSAGE_DIALOG (wait_for_window (ADW_TYPE_MESSAGE_DIALOG));
  ck_assert (g_str_has_prefix (adw_message_dialog_get_heading (confirm), "Restore the Backup of "));
  ck_assert (strstr (adw_message_dialog_get_body (confirm), backup_name) != NULL);
  ck_assert (strstr (adw_message_dialog_get_body (confirm), "session.db") != NULL);
  adw_message_dialog_response (confirm, "restore");

  ck_assert (gui_test_iterate_until (session_is_not, before));
  ck_assert (gui_test_iterate_until (window_not_busy, NULL));
  gui_test_settle ();

  /* The session is as it was, in every page; the way back is kept. */
  expert = qa_experts_lookup (qa_window_get_session (window), "E09");
  ck_assert (!qa_expert_get_declared (expert));
  gui_test_assert_on_screen (ROOT, "Restored the backup of ");
  backups = qa_database_list_backups (path);
  ck_assert_ptr_nonnull (backups[0]);
  ck_assert (g_str_has_suffix (backups[0], "-before-restore.db"));
  assert_restore_recorded (qa_window_get_session (window), backup);

  /* The picker now offers it. */
  ck_assert (gtk_widget_activate_action (ROOT, "win.restore", NULL));
  picker = QA_RESTORE_DIALOG (wait_for_window (QA_TYPE_RESTORE_DIALOG));
  ck_assert_uint_eq (g_list_model_get_n_items (qa_restore_dialog_get_backups (picker)), 1);
  gtk_window_destroy (GTK_WINDOW (picker));
  gui_test_settle ();

  /* Only the secretariat restores. */
  set_role (QA_ROLE_SUPERVISOR);
  ck_assert (gtk_widget_activate_action (ROOT, "win.restore", NULL));
  gui_test_settle ();
  ck_assert_ptr_null (gui_test_find_window (QA_TYPE_RESTORE_DIALOG, GTK_WINDOW (window)));
}
END_TEST

static char *
dup_kept_damaged (const char *damaged)
{
  g_autofree char *dir = g_path_get_dirname (damaged);
  g_autofree char *base = g_path_get_basename (damaged);
  g_autofree char *prefix = g_strconcat (base, ".damaged-", NULL);
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    if (g_str_has_prefix (name, prefix) && strchr (name + strlen (prefix), '-') == NULL)
      return g_build_filename (dir, name, NULL);

  return NULL;
}


/* Issue 12.24 in the window: a backup whose trail does not verify is refused naming the entry;
 * the secretariat may restore it anyway, which the trail records. */
START_TEST (test_restore_broken_backup_asks)
{
  g_autofree char *backup = g_build_filename (tmpdir, "edited.db", NULL);
  QaSession *before = session;
  QaRestoreDialog *picker;
  AdwMessageDialog *confirm;
  AdwMessageDialog *broken;
  g_autoptr(GPtrArray) entries = NULL;
  const QaAuditEntry *last;

  qa_window_back_up (window, backup);
  ck_assert (gui_test_iterate_until (window_not_busy, NULL));
  {
    sqlite3 *raw = NULL;

    ck_assert_int_eq (sqlite3_open (backup, &raw), SQLITE_OK);
    ck_assert_int_eq (sqlite3_exec (raw, "UPDATE audit_log SET operator = 'someone' WHERE seq = 2",
                                    NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close (raw);
  }

  ck_assert (gtk_widget_activate_action (ROOT, "win.restore", NULL));
  picker = QA_RESTORE_DIALOG (wait_for_window (QA_TYPE_RESTORE_DIALOG));
  qa_restore_dialog_choose (picker, backup);
  confirm = ADW_MESSAGE_DIALOG (wait_for_window (ADW_TYPE_MESSAGE_DIALOG));
  adw_message_dialog_response (confirm, "restore");
  ck_assert (gui_test_iterate_until (window_not_busy, NULL));

  /* Refused, naming the entry; nothing replaced yet. */
  broken = ADW_MESSAGE_DIALOG (wait_for_window (ADW_TYPE_MESSAGE_DIALOG));
  ck_assert_str_eq (adw_message_dialog_get_heading (broken), "The Backup’s Audit Trail Does Not Verify");
  ck_assert_msg (strstr (adw_message_dialog_get_body (broken), "entry 2") != NULL, "%s",
                 adw_message_dialog_get_body (broken));
  ck_assert (qa_window_get_session (window) == before);

  adw_message_dialog_response (broken, "accept");
  ck_assert (gui_test_iterate_until (session_is_not, before));
  ck_assert (gui_test_iterate_until (window_not_busy, NULL));
  gui_test_settle ();

  entries = qa_audit_list (qa_session_get_database (qa_window_get_session (window)), NULL);
  last = g_ptr_array_index (entries, entries->len - 1);
  ck_assert_str_eq (last->action, "session.restore");
  ck_assert_str_eq (last->operator_name, "Test Operator");
  ck_assert_msg (strstr (last->after, "broken audit trail accepted") != NULL, "%s", last->after);
}
END_TEST

START_TEST (test_damaged_file_offers_backup)
{
  g_autofree char *damaged = g_build_filename (tmpdir, "damaged.db", NULL);
  g_autofree char *garbage = g_strnfill (8192, 'x');
  g_autofree char *auto_backup = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(QaSession) copy = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *confirm;
  GtkWidget *restore;
  gsize length = 0;

  /* A session with an automatic backup, then garbage written over it. */
  copy = qa_session_open_with_demo (damaged, &error);
  ck_assert_msg (copy != NULL, "%s", error ? error->message : "");
  auto_backup = qa_database_auto_backup (qa_session_get_database (copy), "before-close", &error);
  ck_assert_msg (auto_backup != NULL, "%s", error ? error->message : "");
  g_clear_object (&copy);
  ck_assert (g_file_set_contents (damaged, garbage, -1, NULL));

  copy = qa_session_open (damaged, &error);
  ck_assert_ptr_null (copy);
  ck_assert (qa_window_can_offer_backup (damaged, error));
  qa_window_show_error (window, damaged, error);
  gui_test_settle ();

  /* Said plainly, with the latest backup offered. */
  gui_test_assert_label_on_screen (ROOT, "This Is Not a Session File");
  gui_test_assert_on_screen (ROOT, "left exactly as it was");
  gui_test_assert_on_screen (ROOT, "The newest automatic backup of the session is from ");
  {
    g_autofree char *time = qa_restore_dialog_dup_time (auto_backup);
    g_autofree char *label = g_strdup_printf ("Restore the Backup of %s", time);

    restore = button (label);
  }

  /* Nothing is replaced without a yes. */
  click (restore);
  confirm = ADW_MESSAGE_DIALOG (wait_for_window (ADW_TYPE_MESSAGE_DIALOG));
  ck_assert (strstr (adw_message_dialog_get_body (confirm), "damaged.db") != NULL);
  adw_message_dialog_response (confirm, "cancel");
  gui_test_settle ();
  ck_assert_ptr_null (qa_window_get_session (window));
  ck_assert (g_file_get_contents (damaged, &contents, &length, NULL));
  ck_assert_str_eq (contents, garbage);
  g_clear_pointer (&contents, g_free);

  click (restore);
  confirm = ADW_MESSAGE_DIALOG (wait_for_window (ADW_TYPE_MESSAGE_DIALOG));
  adw_message_dialog_response (confirm, "restore");
  ck_assert (gui_test_iterate_until (session_is_not, NULL));
  ck_assert (gui_test_iterate_until (window_not_busy, NULL));
  gui_test_settle ();

  /* The backup is the session now; the damaged file is kept beside it, untouched. */
  ck_assert_str_eq (qa_database_get_path (qa_session_get_database (qa_window_get_session (window))),
                    damaged);
  ck_assert_uint_gt (g_list_model_get_n_items (qa_session_get_applicants (qa_window_get_session (window))), 0);
  gui_test_assert_on_screen (ROOT, "The damaged file is kept as ");
  kept = dup_kept_damaged (damaged);
  ck_assert_ptr_nonnull (kept);
  assert_restore_recorded (qa_window_get_session (window), auto_backup);
  ck_assert (g_file_get_contents (kept, &contents, &length, NULL));
  ck_assert_str_eq (contents, garbage);
}
END_TEST

static Suite *
integrity_suite (void)
{
  Suite *suite = suite_create ("integrity");
  TCase *tc = tcase_create ("window");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_supervisor_changes_nothing);
  tcase_add_test (tc, test_secretariat_and_chair);
  tcase_add_test (tc, test_operator_asked_once);
  tcase_add_test (tc, test_audit_lists_and_filters);
  tcase_add_test (tc, test_audit_export_filtered);
  tcase_add_test (tc, test_verify_catches_tampering);
  tcase_add_test (tc, test_backup_then_restore);
  tcase_add_test (tc, test_damaged_file_offers_backup);
  tcase_add_test (tc, test_restore_broken_backup_asks);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return gui_test_run (integrity_suite ());
}
