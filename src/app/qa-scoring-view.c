/* qa-scoring-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-scoring-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "qa-criteria-browser.h"
#include "qa-exchange-private.h"
#include "qa-package-export-dialog.h"
#include "qa-review-pane.h"
#include "qa-scoring-view.h"
#include "qa-sheet-import-dialog.h"
#include "qa-ui-private.h"

/* In a session database the view shows the criteria and their guidance, read-only
 * (QaCriteriaBrowser); in a reviewer's package it is the reviewer's scoring sheet beside the
 * applicant's materials (QaReviewPane). The page keeps the actions and keys of both, and the
 * exchange of packages and sheets. */
struct _QaScoringView
{
  GtkWidget           parent_instance;

  /* Owned */
  QaSession          *session;
  GSimpleActionGroup *actions;
  char               *title;
  char               *subtitle;
  gboolean            show_materials;
  QaRole              role;

  /* Template widgets */
  AdwBin             *criteria_bin;
  QaCriteriaBrowser  *criteria_browser;  /* built in criteria_bin when first shown or asked for */
  GtkStack           *mode_stack;
  QaReviewPane       *review_pane;   /* built when first wanted */
  AdwBin             *sheet_bin;
};

G_DEFINE_FINAL_TYPE (QaScoringView, qa_scoring_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_SHOW_MATERIALS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The reviewer's sheet ------------------------------------------------------------------------ */

static gboolean
is_reviewer_mode (QaScoringView *self)
{
  return self->session != NULL && qa_session_is_package (self->session);
}

/* The criteria guide (the secretariat's and the chair's page) is built, and gets the session,
 * when the view is first shown or its rows are asked for: the browser and its 23 items' rows are
 * most of this view's cost, and they are not on screen at start-up. */
static void
sync_criteria_browser (QaScoringView *self,
                       gboolean       now)
{
  QaSession *wanted = is_reviewer_mode (self) ? NULL : self->session;

  if (!now && !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      /* Not shown: a browser already built lets an old session go at once. */
      if (self->criteria_browser != NULL && wanted == NULL)
        qa_criteria_browser_set_session (self->criteria_browser, NULL);
      return;
    }

  if (self->criteria_browser == NULL)
    {
      self->criteria_browser = QA_CRITERIA_BROWSER (qa_criteria_browser_new ());
      adw_bin_set_child (self->criteria_bin, GTK_WIDGET (self->criteria_browser));
    }
  qa_criteria_browser_set_session (self->criteria_browser, wanted);
}

static void
qa_scoring_view_map (GtkWidget *widget)
{
  QaScoringView *self = QA_SCORING_VIEW (widget);

  GTK_WIDGET_CLASS (qa_scoring_view_parent_class)->map (widget);

  /* A reviewer's package never shows the guide: it is not built for it. */
  if (!is_reviewer_mode (self) || self->criteria_browser != NULL)
    sync_criteria_browser (self, TRUE);
}

static void review_progress_cb (QaScoringView *self);

/* The reviewer's sheet is built when a package is opened or it is asked for: the secretariat's
 * and the chair's windows never show it (it was a sixth of their start-up). */
static QaReviewPane *
review_pane (QaScoringView *self)
{
  if (self->review_pane == NULL)
    {
      self->review_pane = QA_REVIEW_PANE (qa_review_pane_new ());
      g_object_bind_property (self, "show-materials", self->review_pane, "show-materials", G_BINDING_SYNC_CREATE);
      g_signal_connect_object (self->review_pane, "notify::n-done",
                               G_CALLBACK (review_progress_cb), self, G_CONNECT_SWAPPED);
      adw_bin_set_child (self->sheet_bin, GTK_WIDGET (self->review_pane));
    }

  return self->review_pane;
}

static guint
n_sheets (QaScoringView *self)
{
  return g_list_model_get_n_items (qa_review_pane_get_sheets (review_pane (self)));
}

static void
set_string (QaScoringView  *self,
            char          **field,
            char           *value,
            GParamSpec     *pspec)
{
  if (g_strcmp0 (*field, value) == 0)
    {
      g_free (value);
      return;
    }

  g_free (*field);
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

/* e.g. “Review Package · 张明 · Material Review” and “2 of 5 applicants done”. */
static void
update_title (QaScoringView *self)
{
  char *title = NULL;
  char *subtitle = NULL;

  if (is_reviewer_mode (self))
    {
      g_autofree char *name = qa_experts_dup_name (self->session,
                                                   qa_session_get_package_reviewer (self->session));
      guint n = n_sheets (self);
      guint done = qa_review_pane_get_n_done (review_pane (self));

      /* Translators: the window title in reviewer mode, e.g. “Review Package · 张明 · Material Review” */
      title = g_strdup_printf (_("Review Package · %s · %s"), name,
                               qa_stage_get_title (qa_session_get_package_stage (self->session)));
      /* Translators: how many of the reviewer's applicants have all 23 items scored */
      subtitle = g_strdup_printf (ngettext ("%u of %u applicant done", "%u of %u applicants done", n),
                                  done, n);
    }

  set_string (self, &self->title, title, properties[PROP_TITLE]);
  set_string (self, &self->subtitle, subtitle, properties[PROP_SUBTITLE]);
}

static void
review_progress_cb (QaScoringView *self)
{
  g_assert (QA_IS_SCORING_VIEW (self));

  update_title (self);
}

static void
update_actions (QaScoringView *self)
{
  gboolean reviewer = is_reviewer_mode (self);
  gboolean secretariat = self->session != NULL && !reviewer;
  const char * const reviewer_actions[] = {
    "scoring.next-unscored", "scoring.next-applicant", "scoring.previous-applicant",
    "scoring.show-materials", "scoring.material-next-page", "scoring.material-previous-page",
  };

  for (guint i = 0; i < G_N_ELEMENTS (reviewer_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), reviewer_actions[i], reviewer);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), "export-sheet")),
                               reviewer && n_sheets (self) > 0);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), "export-packages")),
                               secretariat && qa_role_allows (self->role, QA_PERMISSION_EXPORT));
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), "import-sheets")),
                               secretariat && qa_role_allows (self->role, QA_PERMISSION_COLLECT));
}

static void
step_applicant_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  QaScoringView *self = QA_SCORING_VIEW (widget);

  qa_review_pane_step_applicant (review_pane (self), g_str_equal (action_name, "scoring.next-applicant"));
}

static void
next_unscored_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  qa_review_pane_next_unscored (review_pane (QA_SCORING_VIEW (widget)));
}

static void
material_page_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  QaScoringView *self = QA_SCORING_VIEW (widget);

  qa_review_pane_turn_material_page (review_pane (self),
                                     g_str_equal (action_name, "scoring.material-next-page"));
}

/* Exchange of packages and sheets --------------------------------------------------------------- */

/* Writes the reviewer's signed score sheet to @file, what is still being typed included. */
static gboolean
export_sheet (QaScoringView  *self,
              GFile          *file,
              GError        **error)
{
  g_autofree char *path = NULL;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Choose a folder on this computer: the sheet cannot be written there"));
      return FALSE;
    }

  /* What is still being typed is part of the sheet. */
  qa_review_pane_save_pending (review_pane (self));

  /* The file chooser asked before a file was replaced. */
  return qa_sheet_export (self->session, path, QA_OUTPUT_REPLACE, error);
}

static void
export_sheet_response_cb (GtkNativeDialog *chooser,
                          int              response,
                          QaScoringView   *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (QA_IS_SCORING_VIEW (self));

  /* The window may show another file by now. */
  if (response == GTK_RESPONSE_ACCEPT && is_reviewer_mode (self))
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (file != NULL && !export_sheet (self, file, &error))
    _qa_ui_show_error (GTK_WIDGET (self), _("Could Not Export the Score Sheet"), error->message);
  else if (file != NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      guint n = n_sheets (self);
      guint done = qa_review_pane_get_n_done (review_pane (self));
      g_autofree char *title = NULL;

      if (done == n)
        /* Translators: after a score sheet was written, e.g. “Exported E03-material.qasheet” */
        title = g_strdup_printf (_("Exported %s"), name);
      else
        /* Translators: after a score sheet was written while some applicants still have unscored items */
        title = g_strdup_printf (ngettext ("Exported %s: %u of %u applicant done so far",
                                           "Exported %s: %u of %u applicants done so far", n),
                                 name, done, n);
      qa_review_pane_add_toast (review_pane (self), adw_toast_new (title));
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *mime_type,
            const char     *pattern)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  if (mime_type != NULL)
    gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
show_export_chooser (QaScoringView *self)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  g_autofree char *folder_path = NULL;
  g_autoptr(GFile) folder = NULL;

  chooser = gtk_file_chooser_native_new (_("Export Score Sheet"),
                                         _qa_ui_get_window (GTK_WIDGET (self)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* Next to the package the reviewer was given: where they look for what goes back with it. */
  folder_path = g_path_get_dirname (qa_database_get_path (qa_session_get_database (self->session)));
  folder = g_file_new_for_path (folder_path);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  name = _qa_exchange_dup_file_name (qa_session_get_package_reviewer (self->session),
                                     qa_session_get_package_stage (self->session), "qasheet");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  add_filter (GTK_FILE_CHOOSER (chooser), _("Score sheets"), "application/x-qareview-scoresheet",
              "*.qasheet");

  /* The reference is dropped in the response handler. */
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_sheet_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
incomplete_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        QaScoringView    *self)
{
  g_assert (QA_IS_SCORING_VIEW (self));

  if (g_strcmp0 (response, "export") == 0 && is_reviewer_mode (self))
    show_export_chooser (self);
}

/* Asks before a sheet with unscored items goes back; how many is core's count. */
static void
confirm_incomplete_export (QaScoringView       *self,
                           const QaSheetStatus *status)
{
  guint n_unscored = status->n_expected - status->n_scored;
  g_autofree char *body = NULL;
  const char *heading;
  GtkWidget *dialog;

  if (status->n_scored == 0)
    {
      heading = _("Export a Sheet That Scores Nothing?");
      body = g_strdup_printf (ngettext ("None of the %u item to score is scored yet: the "
                                        "secretariat would receive no score from you.",
                                        "None of the %u items to score is scored yet: the "
                                        "secretariat would receive no score from you.",
                                        status->n_expected),
                              status->n_expected);
    }
  else
    {
      g_autofree char *unscored = NULL;
      g_autofree char *done = NULL;

      heading = _("Export an Incomplete Sheet?");
      /* Translators: the items of the reviewer's sheet still without a score */
      unscored = g_strdup_printf (ngettext ("%u of the %u items to score is not scored yet.",
                                            "%u of the %u items to score are not scored yet.",
                                            n_unscored),
                                  n_unscored, status->n_expected);
      done = g_strdup_printf (ngettext ("%u of %u applicant is scored in full.",
                                        "%u of %u applicants are scored in full.",
                                        status->n_applicants),
                              status->n_applicants_done, status->n_applicants);
      /* Translators: how many items are unscored, how many applicants are done, then what an
       * export of an incomplete sheet means */
      body = g_strdup_printf (_("%s %s The secretariat receives only what is scored; a later "
                                "export replaces this one."),
                              unscored, done);
    }

  dialog = adw_message_dialog_new (_qa_ui_get_window (GTK_WIDGET (self)), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "export", _("Export _Anyway"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (incomplete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_sheet_activated (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       user_data)
{
  QaScoringView *self = user_data;
  g_autoptr(QaSheetStatus) status = NULL;
  g_autoptr(GError) error = NULL;

  if (!is_reviewer_mode (self))
    return;

  qa_review_pane_save_pending (review_pane (self));

  status = qa_sheet_status_new_for_package (self->session, &error);
  if (status == NULL)
    _qa_ui_show_error (GTK_WIDGET (self), _("Could Not Export the Score Sheet"), error->message);
  else if (status->n_scored < status->n_expected)
    confirm_incomplete_export (self, status);
  else
    show_export_chooser (self);
}

static void
export_packages_activated (GSimpleAction *action,
                           GVariant      *param,
                           gpointer       user_data)
{
  QaScoringView *self = user_data;
  QaPackageExportDialog *dialog;

  if (self->session == NULL || is_reviewer_mode (self))
    return;

  dialog = qa_package_export_dialog_new (_qa_ui_get_window (GTK_WIDGET (self)), self->session);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_sheets_response_cb (GtkNativeDialog *chooser,
                           int              response,
                           QaScoringView   *self)
{
  g_autoptr(GListModel) files = NULL;

  g_assert (QA_IS_SCORING_VIEW (self));

  if (response == GTK_RESPONSE_ACCEPT)
    files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

  if (files != NULL && g_list_model_get_n_items (files) > 0 && self->session != NULL)
    {
      QaSheetImportDialog *dialog;

      dialog = qa_sheet_import_dialog_new (_qa_ui_get_window (GTK_WIDGET (self)), self->session);
      gtk_window_present (GTK_WINDOW (dialog));
      qa_sheet_import_dialog_import (dialog, files);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
import_sheets_activated (GSimpleAction *action,
                         GVariant      *param,
                         gpointer       user_data)
{
  QaScoringView *self = user_data;
  GtkFileChooserNative *chooser;

  if (self->session == NULL || is_reviewer_mode (self))
    return;

  chooser = gtk_file_chooser_native_new (_("Import Score Sheets"),
                                         _qa_ui_get_window (GTK_WIDGET (self)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  add_filter (GTK_FILE_CHOOSER (chooser), _("Score sheets"), "application/x-qareview-scoresheet",
              "*.qasheet");
  add_filter (GTK_FILE_CHOOSER (chooser), _("All files"), NULL, "*");

  /* The reference is dropped in the response handler. */
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_sheets_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Ahead of the fields and scrolled lists inside, which have uses of their own for some. */
static const QaKeyShortcut view_keys[] = {
  { GDK_KEY_u, GDK_CONTROL_MASK, "scoring.next-unscored" },
  { GDK_KEY_Page_Down, GDK_CONTROL_MASK, "scoring.next-applicant" },
  { GDK_KEY_Page_Up, GDK_CONTROL_MASK, "scoring.previous-applicant" },
  { GDK_KEY_Page_Down, GDK_ALT_MASK, "scoring.material-next-page" },
  { GDK_KEY_Page_Up, GDK_ALT_MASK, "scoring.material-previous-page" },
  { GDK_KEY_F9, 0, "scoring.show-materials" },
  { GDK_KEY_e, GDK_CONTROL_MASK, "review.export-sheet" },
};

static const GActionEntry review_entries[] = {
  { "export-sheet", export_sheet_activated },
  { "export-packages", export_packages_activated },
  { "import-sheets", import_sheets_activated },
};

/* GObject ------------------------------------------------------------------------------------- */

static void
qa_scoring_view_dispose (GObject *object)
{
  QaScoringView *self = (QaScoringView *)object;

  /* The pane goes away with the template: it has nothing more to tell. */
  if (self->review_pane != NULL)
    g_signal_handlers_disconnect_by_data (self->review_pane, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), QA_TYPE_SCORING_VIEW);
  _qa_ui_dispose_children (GTK_WIDGET (self));
  g_clear_object (&self->session);
  g_clear_object (&self->actions);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);

  G_OBJECT_CLASS (qa_scoring_view_parent_class)->dispose (object);
}

static void
qa_scoring_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  QaScoringView *self = QA_SCORING_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;

    case PROP_SHOW_MATERIALS:
      g_value_set_boolean (value, self->show_materials);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_scoring_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  QaScoringView *self = QA_SCORING_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      qa_scoring_view_set_session (self, g_value_get_object (value));
      break;

    case PROP_SHOW_MATERIALS:
      qa_scoring_view_set_show_materials (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_scoring_view_class_init (QaScoringViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qa_scoring_view_dispose;
  object_class->get_property = qa_scoring_view_get_property;
  object_class->set_property = qa_scoring_view_set_property;

  widget_class->map = qa_scoring_view_map;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         QA_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SHOW_MATERIALS] =
    g_param_spec_boolean ("show-materials", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (QA_TYPE_REVIEW_PANE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/qa-scoring-view.ui");
  gtk_widget_class_bind_template_child (widget_class, QaScoringView, criteria_bin);
  gtk_widget_class_bind_template_child (widget_class, QaScoringView, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, QaScoringView, sheet_bin);

  gtk_widget_class_install_action (widget_class, "scoring.next-unscored", NULL, next_unscored_action);
  gtk_widget_class_install_action (widget_class, "scoring.next-applicant", NULL, step_applicant_action);
  gtk_widget_class_install_action (widget_class, "scoring.previous-applicant", NULL, step_applicant_action);
  gtk_widget_class_install_action (widget_class, "scoring.material-next-page", NULL, material_page_action);
  gtk_widget_class_install_action (widget_class, "scoring.material-previous-page", NULL, material_page_action);
  gtk_widget_class_install_property_action (widget_class, "scoring.show-materials", "show-materials");

  gtk_widget_class_set_css_name (widget_class, "scoring-view");
}

static void
qa_scoring_view_init (QaScoringView *self)
{
  self->show_materials = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions),
                                   review_entries, G_N_ELEMENTS (review_entries),
                                   self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "review", G_ACTION_GROUP (self->actions));
  _qa_ui_add_capture_shortcuts (GTK_WIDGET (self), view_keys, G_N_ELEMENTS (view_keys));

  update_actions (self);
}

GtkWidget *
qa_scoring_view_new (void)
{
  return g_object_new (QA_TYPE_SCORING_VIEW, NULL);
}

QaSession *
qa_scoring_view_get_session (QaScoringView *self)
{
  g_return_val_if_fail (QA_IS_SCORING_VIEW (self), NULL);

  return self->session;
}

void
qa_scoring_view_set_session (QaScoringView *self,
                             QaSession     *session)
{
  g_return_if_fail (QA_IS_SCORING_VIEW (self));
  g_return_if_fail (!session || QA_IS_SESSION (session));

  if (self->session == session)
    return;

  g_set_object (&self->session, session);

  if (is_reviewer_mode (self))
    qa_review_pane_set_session (review_pane (self), session);
  else if (self->review_pane != NULL)
    qa_review_pane_set_session (self->review_pane, NULL);
  sync_criteria_browser (self, FALSE);
  if (!is_reviewer_mode (self))
    gtk_stack_set_visible_child_name (self->mode_stack, "criteria");
  else
    gtk_stack_set_visible_child_name (self->mode_stack, n_sheets (self) > 0 ? "sheet" : "unassigned");

  update_title (self);
  update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

GtkSelectionModel *
qa_scoring_view_get_model (QaScoringView *self)
{
  g_return_val_if_fail (QA_IS_SCORING_VIEW (self), NULL);

  sync_criteria_browser (self, TRUE);

  return qa_criteria_browser_get_model (self->criteria_browser);
}

const char *
qa_scoring_view_get_title (QaScoringView *self)
{
  g_return_val_if_fail (QA_IS_SCORING_VIEW (self), NULL);

  return self->title;
}

const char *
qa_scoring_view_get_subtitle (QaScoringView *self)
{
  g_return_val_if_fail (QA_IS_SCORING_VIEW (self), NULL);

  return self->subtitle;
}

void
qa_scoring_view_set_role (QaScoringView *self,
                          QaRole         role)
{
  g_return_if_fail (QA_IS_SCORING_VIEW (self));

  self->role = role;
  update_actions (self);
}

GActionGroup *
qa_scoring_view_get_actions (QaScoringView *self)
{
  g_return_val_if_fail (QA_IS_SCORING_VIEW (self), NULL);

  return G_ACTION_GROUP (self->actions);
}

gboolean
qa_scoring_view_get_show_materials (QaScoringView *self)
{
  g_return_val_if_fail (QA_IS_SCORING_VIEW (self), FALSE);

  return self->show_materials;
}

void
qa_scoring_view_set_show_materials (QaScoringView *self,
                                    gboolean       show_materials)
{
  g_return_if_fail (QA_IS_SCORING_VIEW (self));

  show_materials = !!show_materials;
  if (self->show_materials == show_materials)
    return;

  self->show_materials = show_materials;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_MATERIALS]);
}

GListModel *
qa_scoring_view_get_sheets (QaScoringView *self)
{
  g_return_val_if_fail (QA_IS_SCORING_VIEW (self), NULL);

  return qa_review_pane_get_sheets (review_pane (self));
}

QaScoreSheetEditor *
qa_scoring_view_get_sheet_editor (QaScoringView *self)
{
  g_return_val_if_fail (QA_IS_SCORING_VIEW (self), NULL);

  return qa_review_pane_get_sheet_editor (review_pane (self));
}

QaMaterialReader *
qa_scoring_view_get_material_reader (QaScoringView *self)
{
  g_return_val_if_fail (QA_IS_SCORING_VIEW (self), NULL);

  return qa_review_pane_get_material_reader (review_pane (self));
}
