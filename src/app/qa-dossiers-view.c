/* qa-dossiers-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-dossiers-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "qa-dossier-pane.h"
#include "qa-dossiers-view.h"
#include "qa-list-growth.h"
#include "qa-problems-dialog.h"
#include "qa-ui-private.h"

struct _QaDossiersView
{
  GtkWidget            parent_instance;

  /* Owned */
  QaSession           *session;
  QaRole               role;

  /* The session's list is being replaced: the selection follows the dossier shown. */
  gboolean             syncing;

  /* Template widgets */
  GtkColumnView       *column_view;
  GtkLabel            *count_label;
  QaDossierPane       *dossier_pane;
  GtkFilterListModel  *filter_model;
  GtkStack            *list_stack;
  AdwStatusPage       *no_results_page;
  GtkColumnViewColumn *reference_column;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *credit_code_column;
  GtkColumnViewColumn *district_column;
  GtkColumnViewColumn *status_column;
  GtkColumnViewColumn *eligibility_column;
  GtkSearchEntry      *search_entry;
  GtkSingleSelection  *selection;
  GtkSliceListModel   *shown_model;
  GtkSortListModel    *sort_model;
  GtkStack            *stack;
  GtkStringFilter     *string_filter;
  AdwToastOverlay     *toast_overlay;
};

G_DEFINE_FINAL_TYPE (QaDossiersView, qa_dossiers_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the search matches: reference, name and credit code. */
static char *
applicant_search_text (QaApplicant *applicant)
{
  if (applicant == NULL)
    return NULL;

  return g_strjoin ("\n",
                    qa_applicant_get_id (applicant),
                    qa_applicant_get_name (applicant),
                    qa_applicant_get_credit_code (applicant),
                    NULL);
}

/* Sorts the status column in the order of the procedure, not alphabetically. */
static guint
applicant_status_rank (QaApplicant *applicant)
{
  return applicant != NULL ? qa_applicant_get_status (applicant) : 0;
}

static guint
applicant_eligibility_rank (QaApplicant *applicant)
{
  return applicant != NULL ? qa_applicant_get_eligibility (applicant) : 0;
}

/* The cells ----------------------------------------------------------------------------------- */

/* Made in code, not by a builder factory, which parsed its XML again for every cell: with a
 * 200-applicant list that was 1,200 parses, a seventh of the start-up. */
typedef enum
{
  CELL_REFERENCE,
  CELL_NAME,
  CELL_CREDIT_CODE,
  CELL_DISTRICT,
  CELL_STATUS,
  CELL_ELIGIBILITY,
} CellKind;

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  data)
{
  CellKind kind = GPOINTER_TO_INT (data);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *box;

  gtk_label_set_ellipsize (GTK_LABEL (label), kind == CELL_CREDIT_CODE ? PANGO_ELLIPSIZE_NONE : PANGO_ELLIPSIZE_END);
  switch (kind)
    {
    case CELL_STATUS:
    case CELL_ELIGIBILITY:
      /* A chip (status) or an icon and its words (eligibility), as wide as they are. */
      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, kind == CELL_ELIGIBILITY ? 6 : 0);
      if (kind == CELL_ELIGIBILITY)
        gtk_box_append (GTK_BOX (box), gtk_image_new ());
      gtk_box_append (GTK_BOX (box), label);
      gtk_list_item_set_child (item, box);
      return;

    case CELL_REFERENCE:
      gtk_widget_add_css_class (label, "numeric");
      break;

    case CELL_CREDIT_CODE:
      gtk_widget_add_css_class (label, "monospace");
      break;

    case CELL_NAME:
    case CELL_DISTRICT:
    default:
      break;
    }

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

/* An applicant does not change: the session replaces it, and the row is bound again. */
static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  data)
{
  CellKind kind = GPOINTER_TO_INT (data);
  QaApplicant *applicant = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  GtkWidget *label = GTK_IS_LABEL (child) ? child : gtk_widget_get_last_child (child);
  QaEligibility eligibility;
  g_auto(GStrv) classes = NULL;

  switch (kind)
    {
    case CELL_REFERENCE:
      gtk_label_set_label (GTK_LABEL (label), qa_applicant_get_id (applicant));
      break;

    case CELL_NAME:
      gtk_label_set_label (GTK_LABEL (label), qa_applicant_get_name (applicant));
      gtk_widget_set_tooltip_text (label, qa_applicant_get_name (applicant));
      break;

    case CELL_CREDIT_CODE:
      gtk_label_set_label (GTK_LABEL (label), qa_applicant_get_credit_code (applicant));
      break;

    case CELL_DISTRICT:
      gtk_label_set_label (GTK_LABEL (label), qa_applicant_get_district (applicant));
      break;

    case CELL_STATUS:
      gtk_label_set_label (GTK_LABEL (label), qa_applicant_status_get_label (qa_applicant_get_status (applicant)));
      classes = _qa_ui_dup_status_classes (qa_applicant_get_status (applicant));
      gtk_widget_set_css_classes (label, (const char **)classes);
      break;

    case CELL_ELIGIBILITY:
    default:
      eligibility = qa_applicant_get_eligibility (applicant);
      gtk_label_set_label (GTK_LABEL (label), qa_eligibility_get_label (eligibility));
      gtk_widget_set_css_classes (child, (const char *[]) { _qa_ui_eligibility_style (eligibility), NULL });
      gtk_image_set_from_icon_name (GTK_IMAGE (gtk_widget_get_first_child (child)),
                                    _qa_ui_eligibility_icon_name (eligibility));
      break;
    }
}

static void
set_cell_factory (GtkColumnViewColumn *column,
                  CellKind             kind)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), GINT_TO_POINTER (kind));
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), GINT_TO_POINTER (kind));
  gtk_column_view_column_set_factory (column, factory);
}

static void
update_state (QaDossiersView *self)
{
  GListModel *applicants;
  g_autofree char *count = NULL;
  const char *search;
  guint total;
  guint shown;

  g_assert (QA_IS_DOSSIERS_VIEW (self));

  applicants = gtk_filter_list_model_get_model (self->filter_model);
  total = applicants != NULL ? g_list_model_get_n_items (applicants) : 0;
  shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  gtk_stack_set_visible_child_name (self->stack,
                                    total > 0 || qa_dossier_pane_get_is_new (self->dossier_pane)
                                      ? "list" : "empty");
  gtk_widget_set_visible (GTK_WIDGET (self->dossier_pane),
                          qa_dossier_pane_get_applicant_id (self->dossier_pane) != NULL ||
                          qa_dossier_pane_get_is_new (self->dossier_pane));
  gtk_stack_set_visible_child_name (self->list_stack, shown > 0 ? "rows" : "no-results");

  if (search[0] == '\0')
    {
      count = g_strdup_printf (ngettext ("%u applicant", "%u applicants", total), total);
    }
  else
    {
      g_autofree char *description = NULL;

      count = g_strdup_printf (ngettext ("%1$u of %2$u applicant",
                                         "%1$u of %2$u applicants",
                                         total),
                               shown, total);
      /* Translators: %s is what the user searched for */
      description = g_markup_printf_escaped (_("No applicant’s name, reference or credit code "
                                               "contains “%s”."),
                                             search);
      adw_status_page_set_description (self->no_results_page, description);
    }

  gtk_label_set_label (self->count_label, count);
}

static void
filter_items_changed_cb (QaDossiersView *self,
                         guint           position,
                         guint           removed,
                         guint           added,
                         GListModel     *model)
{
  g_assert (QA_IS_DOSSIERS_VIEW (self));

  update_state (self);
}

static void
search_changed_cb (QaDossiersView *self,
                   GtkSearchEntry *entry)
{
  g_assert (QA_IS_DOSSIERS_VIEW (self));
  g_assert (GTK_IS_SEARCH_ENTRY (entry));

  gtk_string_filter_set_search (self->string_filter,
                                gtk_editable_get_text (GTK_EDITABLE (entry)));
  update_state (self);
}

/* Selection -------------------------------------------------------------------------------- */

/* The row of @id in the whole sorted list, the part not shown yet included (it then is). */
static guint
find_position (QaDossiersView *self,
               const char     *id)
{
  GListModel *rows = G_LIST_MODEL (self->sort_model);

  for (guint i = 0; id != NULL && i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(QaApplicant) applicant = g_list_model_get_item (rows, i);

      if (g_strcmp0 (qa_applicant_get_id (applicant), id) == 0)
        {
          if (i >= gtk_slice_list_model_get_size (self->shown_model))
            _qa_list_growth_finish (GTK_WIDGET (self->column_view));
          return i;
        }
    }

  return GTK_INVALID_LIST_POSITION;
}

/* The session's row of applicant @id, even when the search hides it. */
static QaApplicant *
find_applicant (QaDossiersView *self,
                const char     *id)
{
  return self->session != NULL ? _qa_ui_find_applicant (self->session, id) : NULL;
}

/* Selects the row of @id (none for NULL) without touching the dossier shown. */
static void
select_quietly (QaDossiersView *self,
                const char     *id)
{
  gboolean was_syncing = self->syncing;

  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->selection, find_position (self, id));
  self->syncing = was_syncing;
}

static void
show_applicant (QaDossiersView *self,
                QaApplicant    *applicant)
{
  g_autoptr(GError) error = NULL;

  if (!qa_dossier_pane_show_applicant (self->dossier_pane, applicant, &error))
    _qa_ui_show_error (GTK_WIDGET (self), _("The Dossier Could Not Be Read"), error->message);

  select_quietly (self, qa_dossier_pane_get_applicant_id (self->dossier_pane));
  update_state (self);
}

/* Shows the selected applicant, else the first, else nothing. */
static void
show_selected_or_first (QaDossiersView *self)
{
  g_autoptr(QaApplicant) first = NULL;
  QaApplicant *selected = gtk_single_selection_get_selected_item (self->selection);

  if (selected == NULL && g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    selected = first = g_list_model_get_item (G_LIST_MODEL (self->selection), 0);

  show_applicant (self, selected);
}

static void
start_new (QaDossiersView *self)
{
  select_quietly (self, NULL);
  qa_dossier_pane_start_new (self->dossier_pane);
  update_state (self);
}

static void
discard_response_cb (QaDossiersView   *self,
                     const char       *response,
                     AdwMessageDialog *dialog)
{
  const char *target = g_object_get_data (G_OBJECT (dialog), "qa-target");
  g_autoptr(GError) error = NULL;

  g_assert (QA_IS_DOSSIERS_VIEW (self));

  if (g_strcmp0 (response, "save") == 0 && !qa_dossier_pane_save (self->dossier_pane, &error))
    {
      _qa_ui_show_error (GTK_WIDGET (self), _("The Dossier Was Not Saved"), error->message);
      response = "keep";
    }

  if (g_strcmp0 (response, "save") != 0 && g_strcmp0 (response, "discard") != 0)
    {
      select_quietly (self, qa_dossier_pane_get_applicant_id (self->dossier_pane));
      return;
    }

  if (target == NULL)
    start_new (self);
  else
    show_applicant (self, find_applicant (self, target));
}

/* Asks what becomes of the changes not saved before showing @target (NULL: a new applicant). */
static void
ask_to_discard (QaDossiersView *self,
                const char     *target)
{
  const char *shown = qa_dossier_pane_get_applicant_id (self->dossier_pane);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (_qa_ui_get_window (GTK_WIDGET (self)), NULL,
                                   _("The changes are lost unless they are saved."));
  if (shown != NULL)
    adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog),
                                       _("Save the Changes to %s?"), shown);
  else
    adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (dialog), _("Save the New Applicant?"));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save",
                                           qa_dossier_pane_get_can_save (self->dossier_pane));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_object_set_data_full (G_OBJECT (dialog), "qa-target", g_strdup (target), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
selection_changed_cb (QaDossiersView     *self,
                      GParamSpec         *pspec,
                      GtkSingleSelection *selection)
{
  QaApplicant *applicant;

  g_assert (QA_IS_DOSSIERS_VIEW (self));

  /* A row hidden by the search leaves its dossier where it is. */
  if (self->syncing || (applicant = gtk_single_selection_get_selected_item (selection)) == NULL)
    return;

  if (g_strcmp0 (qa_applicant_get_id (applicant),
                 qa_dossier_pane_get_applicant_id (self->dossier_pane)) == 0)
    qa_dossier_pane_update_applicant (self->dossier_pane, applicant);
  else if (qa_dossier_pane_get_modified (self->dossier_pane))
    ask_to_discard (self, qa_applicant_get_id (applicant));
  else
    show_applicant (self, applicant);
}

static void
applicants_changing_cb (QaDossiersView *self)
{
  self->syncing = TRUE;
}

/* The session's list was read again: its rows are new objects. */
static void
applicants_changed_cb (QaDossiersView *self)
{
  const char *id = qa_dossier_pane_get_applicant_id (self->dossier_pane);
  QaApplicant *applicant = find_applicant (self, id);

  select_quietly (self, id);
  self->syncing = FALSE;

  if (applicant != NULL)
    qa_dossier_pane_update_applicant (self->dossier_pane, applicant);
  else if (!qa_dossier_pane_get_is_new (self->dossier_pane))
    show_selected_or_first (self);

  update_state (self);
}

static void
dossier_saved_cb (QaDossiersView *self,
                  const char     *id,
                  QaDossierPane  *pane)
{
  QaApplicant *applicant;

  g_assert (QA_IS_DOSSIERS_VIEW (self));

  /* A new applicant has a row now. */
  if ((applicant = find_applicant (self, id)) != NULL)
    qa_dossier_pane_update_applicant (pane, applicant);
  select_quietly (self, id);
  update_state (self);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new_format (_("The dossier of %s is saved"), id));
}

static void
new_cancelled_cb (QaDossiersView *self,
                  QaDossierPane  *pane)
{
  g_assert (QA_IS_DOSSIERS_VIEW (self));

  show_selected_or_first (self);
}

static void
save_from_list_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  QaDossiersView *self = QA_DOSSIERS_VIEW (widget);

  gtk_widget_activate_action (GTK_WIDGET (self->dossier_pane), "dossier.save", NULL);
}

static void
new_applicant_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  QaDossiersView *self = QA_DOSSIERS_VIEW (widget);

  if (qa_dossier_pane_get_modified (self->dossier_pane))
    ask_to_discard (self, NULL);
  else
    start_new (self);
}

/* Import ----------------------------------------------------------------------------------- */

static void
show_refused_import (QaDossiersView *self,
                     const char     *name,
                     const char     *problems)
{
  g_auto(GStrv) lines = g_strsplit (problems, "\n", -1);
  guint n_lines = g_strv_length (lines);
  g_autofree char *basename = g_path_get_basename (name);
  g_autofree char *body = NULL;

  body = g_strdup_printf (ngettext ("“%s” was refused whole because of the problem below; the "
                                    "session is unchanged. Correct it and import the file again.",
                                    "“%s” was refused whole because of the %u problems below; the "
                                    "session is unchanged. Correct them and import the file again.",
                                    n_lines),
                          basename, n_lines);
  gtk_window_present (GTK_WINDOW (qa_problems_dialog_new (_qa_ui_get_window (GTK_WIDGET (self)),
                                                          _("No Applicant Was Imported"), body,
                                                          problems)));
}

static void
import_loaded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(QaDossiersView) self = user_data;
  GFile *file = G_FILE (source);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  guint n_imported = 0;

  bytes = qa_csv_read_file_finish (file, result, &error);
  if (bytes == NULL)
    {
      _qa_ui_show_error (GTK_WIDGET (self), _("The File Could Not Be Read"), error->message);
      return;
    }

  if (self->session == NULL)
    return;

  if (!qa_applicants_import_csv (self->session, bytes, name, &n_imported, &error))
    {
      /* A refused file names its problems a line each; anything else is one message. */
      if (error->domain == QA_DOSSIER_ERROR || error->domain == QA_CSV_ERROR)
        show_refused_import (self, name, error->message);
      else
        _qa_ui_show_error (GTK_WIDGET (self), _("No Applicant Was Imported"), error->message);
      return;
    }

  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new_format (ngettext ("Imported %u applicant",
                                                               "Imported %u applicants",
                                                               n_imported),
                                                     n_imported));
  if (qa_dossier_pane_get_applicant_id (self->dossier_pane) == NULL &&
      !qa_dossier_pane_get_is_new (self->dossier_pane))
    show_selected_or_first (self);
}

static void
import_chosen (GtkWidget      *widget,
               GFile          *file,
               GtkFileChooser *chooser)
{
  qa_dossiers_view_import_file (QA_DOSSIERS_VIEW (widget), file);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  GtkFileChooserNative *chooser;

  chooser = _qa_ui_file_chooser_new (widget, _("Import Applicants"), GTK_FILE_CHOOSER_ACTION_OPEN,
                                     _("_Import"));
  _qa_ui_add_file_filter (chooser, _("CSV files"), "text/csv", "*.csv");
  _qa_ui_add_file_filter (chooser, _("All files"), NULL, "*");
  _qa_ui_run_file_chooser (chooser, widget, import_chosen);
}

/* The session-wide Art. 13 check --------------------------------------------------------------- */

static void
check_eligibility_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  QaDossiersView *self = QA_DOSSIERS_VIEW (widget);
  guint counts[QA_ELIGIBILITY_PENDING + 1] = { 0 };
  g_autofree char *eligible = NULL;
  g_autofree char *ineligible = NULL;
  g_autofree char *pending = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *applicants;

  if (!qa_applicants_store_eligibility (self->session, &error))
    {
      _qa_ui_show_error (widget, _("The Eligibility Check Was Not Stored"), error->message);
      return;
    }

  applicants = qa_session_get_applicants (self->session);
  for (guint i = 0; i < g_list_model_get_n_items (applicants); i++)
    {
      g_autoptr(QaApplicant) applicant = g_list_model_get_item (applicants, i);

      counts[qa_applicant_get_eligibility (applicant)]++;
    }

  eligible = g_strdup_printf (ngettext ("%u eligible", "%u eligible",
                                        counts[QA_ELIGIBILITY_ELIGIBLE]),
                              counts[QA_ELIGIBILITY_ELIGIBLE]);
  ineligible = g_strdup_printf (ngettext ("%u not eligible", "%u not eligible",
                                          counts[QA_ELIGIBILITY_INELIGIBLE]),
                                counts[QA_ELIGIBILITY_INELIGIBLE]);
  pending = g_strdup_printf (ngettext ("%u awaiting judgement", "%u awaiting judgement",
                                       counts[QA_ELIGIBILITY_PENDING]),
                             counts[QA_ELIGIBILITY_PENDING]);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               /* Translators: the outcome of the check of all applicants, e.g.
                                * “Eligibility checked: 5 eligible, 2 not eligible, 1 awaiting
                                * judgement” */
                               adw_toast_new_format (_("Eligibility checked: %s, %s, %s"),
                                                     eligible, ineligible, pending));
}

static void
update_actions (QaDossiersView *self)
{
  gboolean may_register = self->session != NULL &&
                          qa_role_allows (self->role, QA_PERMISSION_REGISTER);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dossiers.import", may_register);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dossiers.new-applicant", may_register);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dossiers.check-eligibility", may_register);
}

/* -------------------------------------------------------------------------------------------- */

static void
qa_dossiers_view_dispose (GObject *object)
{
  QaDossiersView *self = (QaDossiersView *)object;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (qa_session_get_applicants (self->session), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), QA_TYPE_DOSSIERS_VIEW);
  _qa_ui_dispose_children (GTK_WIDGET (self));
  g_clear_object (&self->session);

  G_OBJECT_CLASS (qa_dossiers_view_parent_class)->dispose (object);
}

static void
qa_dossiers_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  QaDossiersView *self = QA_DOSSIERS_VIEW (object);

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
qa_dossiers_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  QaDossiersView *self = QA_DOSSIERS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      qa_dossiers_view_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_dossiers_view_class_init (QaDossiersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qa_dossiers_view_dispose;
  object_class->get_property = qa_dossiers_view_get_property;
  object_class->set_property = qa_dossiers_view_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         QA_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (QA_TYPE_APPLICANT);
  g_type_ensure (QA_TYPE_DOSSIER_PANE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/qa-dossiers-view.ui");
  gtk_widget_class_bind_template_child (widget_class, QaDossiersView, column_view);
  gtk_widget_class_bind_template_child (widget_class, QaDossiersView, count_label);
  gtk_widget_class_bind_template_child (widget_class, QaDossiersView, dossier_pane);
  gtk_widget_class_bind_template_child (widget_class, QaDossiersView, filter_model);
  gtk_widget_class_bind_template_child (widget_class, QaDossiersView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, QaDossiersView, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, QaDossiersView, reference_column);
  gtk_widget_class_bind_template_child (widget_class, QaDossiersView, name_column);
  gtk_widget_class_bind_template_child (widget_class, QaDossiersView, credit_code_column);
  gtk_widget_class_bind_template_child (widget_class, QaDossiersView, district_column);
  gtk_widget_class_bind_template_child (widget_class, QaDossiersView, status_column);
  gtk_widget_class_bind_template_child (widget_class, QaDossiersView, eligibility_column);
  gtk_widget_class_bind_template_child (widget_class, QaDossiersView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, QaDossiersView, selection);
  gtk_widget_class_bind_template_child (widget_class, QaDossiersView, shown_model);
  gtk_widget_class_bind_template_child (widget_class, QaDossiersView, sort_model);
  gtk_widget_class_bind_template_child (widget_class, QaDossiersView, stack);
  gtk_widget_class_bind_template_child (widget_class, QaDossiersView, string_filter);
  gtk_widget_class_bind_template_child (widget_class, QaDossiersView, toast_overlay);
  gtk_widget_class_bind_template_callback (widget_class, applicant_eligibility_rank);
  gtk_widget_class_bind_template_callback (widget_class, applicant_search_text);
  gtk_widget_class_bind_template_callback (widget_class, applicant_status_rank);
  gtk_widget_class_bind_template_callback (widget_class, dossier_saved_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_items_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_cancelled_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "stop_search_cb",
                                                G_CALLBACK (_qa_ui_stop_search_cb));

  gtk_widget_class_install_action (widget_class, "dossiers.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "dossiers.new-applicant", NULL,
                                   new_applicant_action);
  gtk_widget_class_install_action (widget_class, "dossiers.check-eligibility", NULL,
                                   check_eligibility_action);

  gtk_widget_class_install_action (widget_class, "dossiers.save", NULL, save_from_list_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK,
                                       "dossiers.import", NULL);
  /* Ctrl+S saves the dossier from the list too, not only from inside the form. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "dossiers.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "dossiers.new-applicant", NULL);

  gtk_widget_class_set_css_name (widget_class, "dossiers-view");
}

/* References are codes (A01, B00001), in the order the session lists them (SQLite's ORDER BY
 * id, byte order): comparing the bytes keeps that order and spares the list, sorted by
 * reference at start-up, a collation key per applicant. */
static int
compare_references (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  return strcmp (qa_applicant_get_id ((QaApplicant *)a), qa_applicant_get_id ((QaApplicant *)b));
}

static void
qa_dossiers_view_init (QaDossiersView *self)
{
  g_autoptr(GtkCustomSorter) by_reference = gtk_custom_sorter_new (compare_references, NULL, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  set_cell_factory (self->reference_column, CELL_REFERENCE);
  set_cell_factory (self->name_column, CELL_NAME);
  set_cell_factory (self->credit_code_column, CELL_CREDIT_CODE);
  set_cell_factory (self->district_column, CELL_DISTRICT);
  set_cell_factory (self->status_column, CELL_STATUS);
  set_cell_factory (self->eligibility_column, CELL_ELIGIBILITY);
  gtk_column_view_column_set_sorter (self->reference_column, GTK_SORTER (by_reference));
  gtk_column_view_sort_by_column (self->column_view, self->reference_column, GTK_SORT_ASCENDING);
  update_actions (self);
  update_state (self);
}

GtkWidget *
qa_dossiers_view_new (void)
{
  return g_object_new (QA_TYPE_DOSSIERS_VIEW, NULL);
}

QaSession *
qa_dossiers_view_get_session (QaDossiersView *self)
{
  g_return_val_if_fail (QA_IS_DOSSIERS_VIEW (self), NULL);

  return self->session;
}

void
qa_dossiers_view_set_session (QaDossiersView *self,
                              QaSession      *session)
{
  g_return_if_fail (QA_IS_DOSSIERS_VIEW (self));
  g_return_if_fail (!session || QA_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (qa_session_get_applicants (self->session), self);
  g_set_object (&self->session, session);

  /* Around the list models' own handlers: before them, so a reload does not read as the
   * user choosing another row; after them, to select again the dossier shown. */
  if (session != NULL)
    g_signal_connect_swapped (qa_session_get_applicants (session), "items-changed",
                              G_CALLBACK (applicants_changing_cb), self);
  self->syncing = TRUE;
  _qa_list_growth_start (GTK_WIDGET (self->column_view), self->shown_model);
  gtk_filter_list_model_set_model (self->filter_model,
                                   session != NULL ? qa_session_get_applicants (session) : NULL);
  self->syncing = FALSE;
  if (session != NULL)
    g_signal_connect_data (qa_session_get_applicants (session), "items-changed",
                           G_CALLBACK (applicants_changed_cb), self, NULL,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  qa_dossier_pane_set_session (self->dossier_pane, session);
  show_selected_or_first (self);
  update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

void
qa_dossiers_view_set_role (QaDossiersView *self,
                           QaRole          role)
{
  g_return_if_fail (QA_IS_DOSSIERS_VIEW (self));

  self->role = role;
  qa_dossier_pane_set_role (self->dossier_pane, role);
  update_actions (self);
}

void
qa_dossiers_view_focus_search (QaDossiersView *self)
{
  g_return_if_fail (QA_IS_DOSSIERS_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

GtkSelectionModel *
qa_dossiers_view_get_model (QaDossiersView *self)
{
  g_return_val_if_fail (QA_IS_DOSSIERS_VIEW (self), NULL);

  _qa_list_growth_finish (GTK_WIDGET (self->column_view));
  return GTK_SELECTION_MODEL (self->selection);
}

guint
qa_dossiers_view_get_visible_count (QaDossiersView *self)
{
  g_return_val_if_fail (QA_IS_DOSSIERS_VIEW (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
}

GtkEditable *
qa_dossiers_view_get_search_entry (QaDossiersView *self)
{
  g_return_val_if_fail (QA_IS_DOSSIERS_VIEW (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

QaDossierPane *
qa_dossiers_view_get_pane (QaDossiersView *self)
{
  g_return_val_if_fail (QA_IS_DOSSIERS_VIEW (self), NULL);

  return self->dossier_pane;
}

void
qa_dossiers_view_import_file (QaDossiersView *self,
                              GFile          *file)
{
  g_return_if_fail (QA_IS_DOSSIERS_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* Read with the import's bound: /dev/zero or a FIFO is refused at the limit. */
  qa_csv_read_file_async (file, NULL, import_loaded_cb, g_object_ref (self));
}
