/* qa-shortlist-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The candidate list (Art. 4, 16(5)–(6)): the profile's numbers, the ranked table with every
 * applicant's status and the reason for it, or the vacancy; and what the secretariat does with
 * the list: export, print, the committee's confirmation and the public notice.
 */

#define G_LOG_DOMAIN "qa-shortlist-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "qa-shortlist-table.h"
#include "qa-shortlist-view.h"
#include "qa-pdf-print.h"
#include "qa-ui-private.h"

struct _QaShortlistView
{
  GtkWidget          parent_instance;

  /* Owned */
  QaSession         *session;
  QaShortlistResult *result;
  GListModel        *rows;       /* QaShortlistItem */
  char              *confirmed_on;
  char              *why_empty;  /* core's reason when there is no list yet */
  QaRole             role;
  gboolean           notice_open;

  /* Template widgets */
  GtkWidget         *confirm_button;
  GtkWidget         *notice_button;
  QaShortlistTable  *table;
  GtkStack          *content_stack;
  AdwStatusPage     *empty_page;
  GtkLabel          *limit_detail_label;
  GtkLabel          *limit_value_label;
  GtkLabel          *site_value_label;
  GtkLabel          *state_label;
  GtkLabel          *threshold_value_label;
  GtkLabel          *title_label;
  AdwStatusPage     *vacant_page;
  GtkLabel          *weights_detail_label;
  GtkLabel          *weights_value_label;
};

G_DEFINE_FINAL_TYPE (QaShortlistView, qa_shortlist_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Thresholds are points out of 1000: “500”, or “487.5” when the profile asks for it. */
static char *
format_threshold (double points)
{
  if (points == (double)(gint64)points)
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64)points);

  return g_strdup_printf ("%.1f", points);
}

static guint
to_percent (double weight)
{
  return (guint)(weight * 100.0 + 0.5);
}

static void
show_rules (QaShortlistView *self)
{
  QaProfile *profile;
  g_autofree char *threshold = NULL;
  g_autofree char *site = NULL;
  g_autofree char *limit_value = NULL;
  g_autofree char *limit_detail = NULL;
  g_autofree char *weights_value = NULL;
  g_autofree char *weights_detail = NULL;
  g_autofree char *ranking = NULL;
  g_autofree char *notice = NULL;
  g_autofree char *description = NULL;
  g_autofree char *title = NULL;
  guint limit;
  guint material;
  guint site_weight;
  guint notice_days;

  if (self->session == NULL)
    return;

  profile = qa_session_get_profile (self->session);
  limit = qa_profile_get_award_limit (profile);
  material = to_percent (qa_profile_get_material_weight (profile));
  site_weight = to_percent (qa_profile_get_site_weight (profile));
  notice_days = qa_profile_get_public_notice_days (profile);
  threshold = format_threshold (qa_profile_get_award_threshold (profile));
  site = format_threshold (qa_profile_get_site_threshold (profile));

  limit_value = g_strdup_printf ("%u", limit);
  limit_detail = g_strdup_printf (ngettext ("At most %u organisation is awarded per session "
                                            "(Art. 4).",
                                            "At most %u organisations are awarded per session "
                                            "(Art. 4).",
                                            limit),
                                  limit);
  /* Translators: the weights of material and site review, e.g. “30 : 70” */
  weights_value = g_strdup_printf (_("%u : %u"), material, site_weight);
  weights_detail = g_strdup_printf (_("The combined score counts material review %u%% and site "
                                      "review %u%%."),
                                    material, site_weight);

  gtk_label_set_label (self->limit_value_label, limit_value);
  gtk_label_set_label (self->limit_detail_label, limit_detail);
  gtk_label_set_label (self->threshold_value_label, threshold);
  gtk_label_set_label (self->weights_value_label, weights_value);
  gtk_label_set_label (self->weights_detail_label, weights_detail);
  gtk_label_set_label (self->site_value_label, site);

  ranking = g_strdup_printf (ngettext ("The candidate list appears after the comprehensive "
                                       "evaluation (Art. 16(5)). Applicants are ranked by their "
                                       "combined score; the best %u reaching %s points become "
                                       "candidates. When nobody reaches %s points, the award stays "
                                       "vacant this session (Art. 4).",
                                       "The candidate list appears after the comprehensive "
                                       "evaluation (Art. 16(5)). Applicants are ranked by their "
                                       "combined score; the best %u reaching %s points become "
                                       "candidates. When nobody reaches %s points, the award stays "
                                       "vacant this session (Art. 4).",
                                       limit),
                             limit, threshold, threshold);
  notice = g_strdup_printf (ngettext ("The committee then announces the list publicly for %u day "
                                      "(Art. 16(6)).",
                                      "The committee then announces the list publicly for %u days "
                                      "(Art. 16(6)).",
                                      notice_days),
                            notice_days);
  description = g_strdup_printf ("%s %s", ranking, notice);
  adw_status_page_set_description (self->empty_page, description);

  /* Translators: the page's title, e.g. “Candidate List · 2026” */
  title = g_strdup_printf (_("Candidate List · %u"), qa_session_get_year (self->session));
  gtk_label_set_label (self->title_label, title);
}


/* State ---------------------------------------------------------------------------------------- */

static gboolean
may (QaShortlistView *self,
     QaPermission     permission)
{
  return self->session != NULL && !qa_session_is_package (self->session) &&
         qa_role_allows (self->role, permission);
}

static void
update_actions (QaShortlistView *self)
{
  gboolean has_list = self->result != NULL;
  gboolean may_export = has_list && may (self, QA_PERMISSION_EXPORT);
  gboolean may_record = has_list && may (self, QA_PERMISSION_OUTCOME);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "shortlist.export", may_export);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "shortlist.print", may_export);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "shortlist.confirm",
                                 may_record && !self->result->vacant && self->confirmed_on == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "shortlist.open-notice",
                                 may_record && self->confirmed_on != NULL && !self->notice_open);
  /* Who may not act sees no buttons to press: the supervisor reads, and changes nothing. */
  gtk_widget_set_visible (GTK_WIDGET (self->confirm_button), may (self, QA_PERMISSION_OUTCOME));
  gtk_widget_set_visible (GTK_WIDGET (self->notice_button), may (self, QA_PERMISSION_OUTCOME));
}

static void
update_state (QaShortlistView *self)
{
  g_autofree char *state = NULL;
  guint n_listed = 0;

  if (self->result == NULL)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      gtk_label_set_label (self->state_label,
                           self->why_empty != NULL ? self->why_empty : _("Not computed yet"));
      update_actions (self);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (self->rows); i++)
    {
      g_autoptr(QaShortlistItem) item = g_list_model_get_item (self->rows, i);
      QaOutcomeStatus status = qa_shortlist_item_get_row (item)->status;

      n_listed += status == QA_OUTCOME_CANDIDATE || status == QA_OUTCOME_NOMINEE;
    }

  if (self->result->vacant)
    {
      adw_status_page_set_description (self->vacant_page, self->result->vacancy_reason);
      gtk_stack_set_visible_child_name (self->content_stack, "vacant");
      state = g_strdup (_("No applicant is a candidate: the award stays vacant (Art. 4)"));
    }
  else
    {
      g_autofree char *confirmed_on = _qa_ui_dup_local_time (self->confirmed_on);

      gtk_stack_set_visible_child_name (self->content_stack, "table");
      if (self->confirmed_on != NULL && self->notice_open)
        /* Translators: %s is a local date */
        state = g_strdup_printf (_("Confirmed by the review committee on %s; the public notice "
                                   "is open"),
                                 confirmed_on);
      else if (self->confirmed_on != NULL)
        /* Translators: %s is a local date */
        state = g_strdup_printf (_("Confirmed by the review committee on %s; the list is frozen"),
                                 confirmed_on);
      else
        state = g_strdup_printf (ngettext ("%u candidate proposed; awaiting the review "
                                           "committee’s decision",
                                           "%u candidates proposed; awaiting the review "
                                           "committee’s decision",
                                           n_listed),
                                 n_listed);
    }

  gtk_label_set_label (self->state_label, state);
  update_actions (self);
}

/* Actions -------------------------------------------------------------------------------------- */

static const char * const export_names[] = { "csv", "xlsx", "pdf", "xml" };

static void
export_chosen (GtkWidget      *widget,
               GFile          *file,
               GtkFileChooser *chooser)
{
  QaShortlistView *self = QA_SHORTLIST_VIEW (widget);
  const char *format = g_object_get_data (G_OBJECT (chooser), "qa-format");

  qa_shortlist_view_export (self, file, format);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  QaShortlistView *self = QA_SHORTLIST_VIEW (widget);
  const char *format = g_variant_get_string (param, NULL);
  g_autofree char *name = NULL;
  g_autofree char *pattern = NULL;
  GtkFileChooserNative *chooser;
  const char *kept = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (export_names); i++)
    if (g_str_equal (format, export_names[i]))
      kept = export_names[i];
  g_return_if_fail (kept != NULL);

  chooser = _qa_ui_file_chooser_new (widget, _("Export the Candidate List"),
                                     GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"));
  /* Translators: the suggested file name of an exported candidate list; %u is the year */
  name = g_strdup_printf (_("Candidate list %u.%s"), qa_session_get_year (self->session), kept);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  pattern = g_strdup_printf ("*.%s", kept);
  _qa_ui_add_file_filter (chooser, kept, NULL, pattern);
  g_object_set_data (G_OBJECT (chooser), "qa-format", (gpointer)kept);

  _qa_ui_run_file_chooser (chooser, widget, export_chosen);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  qa_shortlist_view_print (QA_SHORTLIST_VIEW (widget), NULL);
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     QaShortlistView  *self)
{
  GtkEditable *date = g_object_get_data (G_OBJECT (dialog), "qa-date");

  if (g_str_equal (response, "confirm"))
    qa_shortlist_view_confirm (self, gtk_editable_get_text (date));
}

static void
confirm_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  QaShortlistView *self = QA_SHORTLIST_VIEW (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%F");
  GtkWidget *dialog;
  GtkWidget *entry;

  dialog = adw_message_dialog_new (_qa_ui_get_window (widget), _("Confirm the Candidate List?"),
                                   _("This records the review committee’s plenary decision on "
                                     "the list as shown, on the date below (Art. 16(6)). The "
                                     "list is then frozen: later changes to scores do not change "
                                     "it, and the public notice can be opened."));
  entry = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _("Date of the plenary decision"));
  gtk_editable_set_text (GTK_EDITABLE (entry), today);
  {
    GtkWidget *list = gtk_list_box_new ();

    gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
    gtk_widget_add_css_class (list, "boxed-list");
    gtk_list_box_append (GTK_LIST_BOX (list), entry);
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  }
  g_object_set_data (G_OBJECT (dialog), "qa-date", entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "confirm", _("_Confirm and Freeze"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "confirm",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_notice_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  qa_shortlist_view_open_notice (QA_SHORTLIST_VIEW (widget), NULL);
}

/* GObject ------------------------------------------------------------------------------------ */

static void
qa_shortlist_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (qa_shortlist_view_parent_class)->map (widget);

  /* What the other pages recorded since is read again. */
  qa_shortlist_view_reload (QA_SHORTLIST_VIEW (widget));
}

static void
qa_shortlist_view_dispose (GObject *object)
{
  QaShortlistView *self = (QaShortlistView *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), QA_TYPE_SHORTLIST_VIEW);
  _qa_ui_dispose_children (GTK_WIDGET (self));
  g_clear_object (&self->session);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->result, qa_shortlist_result_free);
  g_clear_pointer (&self->confirmed_on, g_free);
  g_clear_pointer (&self->why_empty, g_free);

  G_OBJECT_CLASS (qa_shortlist_view_parent_class)->dispose (object);
}
static void
qa_shortlist_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  QaShortlistView *self = QA_SHORTLIST_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_shortlist_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  QaShortlistView *self = QA_SHORTLIST_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      qa_shortlist_view_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_shortlist_view_class_init (QaShortlistViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qa_shortlist_view_dispose;
  object_class->get_property = qa_shortlist_view_get_property;
  object_class->set_property = qa_shortlist_view_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         QA_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The outcome recorded something (the confirmation, the notice): other pages read it again. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  widget_class->map = qa_shortlist_view_map;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/qa-shortlist-view.ui");
  gtk_widget_class_bind_template_child (widget_class, QaShortlistView, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, QaShortlistView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, QaShortlistView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, QaShortlistView, notice_button);
  gtk_widget_class_bind_template_child (widget_class, QaShortlistView, state_label);
  gtk_widget_class_bind_template_child (widget_class, QaShortlistView, table);
  gtk_widget_class_bind_template_child (widget_class, QaShortlistView, title_label);
  gtk_widget_class_bind_template_child (widget_class, QaShortlistView, vacant_page);
  gtk_widget_class_bind_template_child (widget_class, QaShortlistView, limit_detail_label);
  gtk_widget_class_bind_template_child (widget_class, QaShortlistView, limit_value_label);
  gtk_widget_class_bind_template_child (widget_class, QaShortlistView, site_value_label);
  gtk_widget_class_bind_template_child (widget_class, QaShortlistView, threshold_value_label);
  gtk_widget_class_bind_template_child (widget_class, QaShortlistView, weights_detail_label);
  gtk_widget_class_bind_template_child (widget_class, QaShortlistView, weights_value_label);

  gtk_widget_class_install_action (widget_class, "shortlist.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "shortlist.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "shortlist.confirm", NULL, confirm_action);
  gtk_widget_class_install_action (widget_class, "shortlist.open-notice", NULL,
                                   open_notice_action);

  gtk_widget_class_set_css_name (widget_class, "shortlist-view");

  g_type_ensure (QA_TYPE_SHORTLIST_TABLE);
}

static void
qa_shortlist_view_init (QaShortlistView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->role = QA_ROLE_SECRETARIAT;
  self->rows = G_LIST_MODEL (g_list_store_new (QA_TYPE_SHORTLIST_ITEM));
  qa_shortlist_table_set_rows (self->table, self->rows);

  update_state (self);
}

GtkWidget *
qa_shortlist_view_new (void)
{
  return g_object_new (QA_TYPE_SHORTLIST_VIEW, NULL);
}

QaSession *
qa_shortlist_view_get_session (QaShortlistView *self)
{
  g_return_val_if_fail (QA_IS_SHORTLIST_VIEW (self), NULL);

  return self->session;
}

void
qa_shortlist_view_set_session (QaShortlistView *self,
                               QaSession       *session)
{
  g_return_if_fail (QA_IS_SHORTLIST_VIEW (self));
  g_return_if_fail (!session || QA_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  show_rules (self);
  qa_shortlist_view_reload (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

void
qa_shortlist_view_set_role (QaShortlistView *self,
                            QaRole           role)
{
  g_return_if_fail (QA_IS_SHORTLIST_VIEW (self));

  self->role = role;
  update_actions (self);
}

void
qa_shortlist_view_reload (QaShortlistView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *confirmed_on = NULL;
  g_autofree char *starts_on = NULL;
  g_autofree char *ends_on = NULL;
  QaShortlistResult *result = NULL;

  g_return_if_fail (QA_IS_SHORTLIST_VIEW (self));

  g_clear_pointer (&self->why_empty, g_free);
  self->notice_open = FALSE;
  if (self->session != NULL && !qa_session_is_package (self->session))
    {
      /* Refused until the site stage is closed; the reason says what is awaited. */
      result = qa_outcome_shortlist (self->session, &error);
      if (result == NULL && error != NULL)
        self->why_empty = g_strdup (error->message);
      confirmed_on = qa_outcome_dup_confirmed_on (self->session);
      self->notice_open = qa_outcome_get_notice (self->session, &starts_on, &ends_on);
    }

  qa_shortlist_view_set_result (self, result, confirmed_on);
}

void
qa_shortlist_view_set_result (QaShortlistView   *self,
                              QaShortlistResult *result,
                              const char        *confirmed_on)
{
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  g_return_if_fail (QA_IS_SHORTLIST_VIEW (self));

  if (self->result != result)
    g_clear_pointer (&self->result, qa_shortlist_result_free);
  self->result = result;
  g_free (self->confirmed_on);
  self->confirmed_on = g_strdup (confirmed_on);

  rows = result != NULL ? qa_outcome_shortlist_model (result)
                        : G_LIST_MODEL (g_list_store_new (QA_TYPE_SHORTLIST_ITEM));
  n = g_list_model_get_n_items (rows);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (rows, i));
  g_list_store_splice (G_LIST_STORE (self->rows), 0, g_list_model_get_n_items (self->rows),
                       items->pdata, n);

  update_state (self);
}

GListModel *
qa_shortlist_view_get_rows (QaShortlistView *self)
{
  g_return_val_if_fail (QA_IS_SHORTLIST_VIEW (self), NULL);

  return self->rows;
}

typedef struct
{
  QaShortlistView *self;
  QaExportFormat   format;
} Written;

/* The list as core writes it, in one of its formats. */
static gboolean
write_table (gpointer     data,
             const char  *path,
             GError     **error)
{
  Written *written = data;
  g_autoptr(QaExportTable) table = qa_outcome_shortlist_table (written->self->session,
                                                               written->self->result);

  /* The file chooser asked before an existing file is replaced. */
  return qa_export_table_write (table, written->format, path, QA_OUTPUT_REPLACE, error);
}

gboolean
qa_shortlist_view_export (QaShortlistView *self,
                          GFile           *file,
                          const char      *format)
{
  Written written = { self, QA_EXPORT_CSV };
  g_autofree char *basename = NULL;
  g_autofree char *done = NULL;

  g_return_val_if_fail (QA_IS_SHORTLIST_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (self->result != NULL, FALSE);

  if (!qa_export_format_from_string (format, &written.format))
    g_return_val_if_reached (FALSE);

  basename = g_file_get_basename (file);
  done = g_strdup_printf (_("Exported the candidate list to %s"), basename);
  return _qa_ui_write_and_offer (GTK_WIDGET (self), file, write_table, &written, done,
                                 _("The Candidate List Was Not Exported"));
}

void
qa_shortlist_view_print (QaShortlistView *self,
                         const char      *export_path)
{
  Written written = { self, QA_EXPORT_PDF };
  g_autofree char *job = NULL;

  g_return_if_fail (QA_IS_SHORTLIST_VIEW (self));
  g_return_if_fail (self->result != NULL);

  /* Translators: the print job's name; %u is the year */
  job = g_strdup_printf (_("Candidate list %u"), qa_session_get_year (self->session));
  _qa_ui_write_and_print (GTK_WIDGET (self), "shortlist.pdf", write_table, &written, job,
                          export_path, _("The Candidate List Was Not Printed"));
}

gboolean
qa_shortlist_view_confirm (QaShortlistView *self,
                           const char      *date)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (QA_IS_SHORTLIST_VIEW (self), FALSE);

  if (!qa_outcome_confirm (self->session, date, &error))
    {
      _qa_ui_show_error (GTK_WIDGET (self), _("The List Was Not Confirmed"), error->message);
      return FALSE;
    }

  qa_shortlist_view_reload (self);
  _qa_ui_add_toast (GTK_WIDGET (self),
                    adw_toast_new (_("The review committee’s decision is recorded; the list "
                                     "is frozen")));
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

gboolean
qa_shortlist_view_open_notice (QaShortlistView *self,
                               const char      *date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%F");

  g_return_val_if_fail (QA_IS_SHORTLIST_VIEW (self), FALSE);

  if (!qa_outcome_open_notice (self->session, date != NULL ? date : today, &error))
    {
      _qa_ui_show_error (GTK_WIDGET (self), _("The Public Notice Was Not Opened"),
                         error->message);
      return FALSE;
    }

  qa_shortlist_view_reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
  /* The notice and its objections are followed on their own page. */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-page", "s", "notice");
  return TRUE;
}
