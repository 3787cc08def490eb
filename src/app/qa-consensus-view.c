/* qa-consensus-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-consensus-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "qa-consensus-advance.h"
#include "qa-consensus-chart.h"
#include "qa-consensus-editor.h"
#include "qa-consensus-matrix.h"
#include "qa-consensus-opinion.h"
#include "qa-consensus-sheets.h"
#include "qa-consensus-view.h"
#include "qa-pending.h"
#include "qa-ui-private.h"

/* The chair's page for a review stage: the returned sheets, the consensus of each applicant
 * (matrix, item editor, charts), closing the stage, and sending applicants on to site review. */
struct _QaConsensusView
{
  GtkWidget          parent_instance;

  /* Owned */
  QaSession         *session;
  GStrv              applicant_ids;
  QaStage            stage;
  QaRole             role;
  gboolean           loading;

  /* Template widgets */
  QaConsensusAdvance *advance;
  AdwViewStackPage  *advance_page;
  GtkDropDown       *applicant_drop_down;
  QaConsensusChart  *chart;
  GtkButton         *close_button;
  GtkLabel          *closed_label;
  GtkRevealer       *closed_revealer;
  GtkStack          *consensus_stack;
  AdwActionRow      *discussion_row;
  GtkLabel          *discussion_value_label;
  QaConsensusEditor *editor;
  AdwStatusPage     *empty_page;
  GtkCheckButton    *flagged_check;
  QaConsensusMatrix *matrix;
  AdwActionRow      *method_row;
  QaConsensusOpinion *opinion;
  AdwViewStackPage  *opinion_page;
  GtkLabel          *method_value_label;
  GtkLabel          *progress_label;
  AdwActionRow      *rounding_row;
  GtkLabel          *rounding_value_label;
  AdwActionRow      *scorers_row;
  GtkLabel          *scorers_value_label;
  QaConsensusSheets *sheets;
  GtkDropDown       *stage_drop_down;
  AdwToastOverlay   *toast_overlay;
  GtkLabel          *total_label;
  AdwViewStack      *view_stack;

  /* Where the session stands is read in a worker thread (qa_session_get_progress_async): at a
   * province's scale it counts the consensus of every item. */
  GCancellable      *reading;
  guint              read_stage : 1;   /* the reading is to show the whole stage, not just its progress */
  guint              follow_stage : 1; /* a new session: open on the stage it is in */
};

G_DEFINE_FINAL_TYPE (QaConsensusView, qa_consensus_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_method (QaConsensusView *self,
             QaProfile       *profile)
{
  g_autofree char *explanation = NULL;
  const char *method;
  guint trim_from;

  switch (qa_profile_get_consensus_method (profile))
    {
    case QA_CONSENSUS_METHOD_MEAN:
      method = _("Mean");
      explanation = g_strdup (_("The default consensus of an item is the mean of the "
                                "panel’s scores."));
      break;

    case QA_CONSENSUS_METHOD_MEDIAN:
      method = _("Median");
      explanation = g_strdup (_("The default consensus of an item is the middle one of the "
                                "panel’s scores."));
      break;

    case QA_CONSENSUS_METHOD_TRIMMED_MEAN:
    default:
      trim_from = qa_profile_get_trim_min_scorers (profile);
      method = _("Trimmed mean");
      explanation = g_strdup_printf (ngettext ("The default consensus of an item drops its highest "
                                               "and its lowest score and averages the rest, once "
                                               "it has at least %u scorer; with fewer, all scores "
                                               "are averaged.",
                                               "The default consensus of an item drops its highest "
                                               "and its lowest score and averages the rest, once "
                                               "it has at least %u scorers; with fewer, all scores "
                                               "are averaged.",
                                               trim_from),
                                     trim_from);
      break;
    }

  gtk_label_set_label (self->method_value_label, method);
  adw_action_row_set_subtitle (self->method_row, explanation);
}

static void
show_rule (QaConsensusView *self)
{
  QaProfile *profile;
  g_autofree char *rounding_value = NULL;
  g_autofree char *rounding = NULL;
  g_autofree char *spread_value = NULL;
  g_autofree char *spread = NULL;
  g_autofree char *scorers_value = NULL;
  g_autofree char *scorers = NULL;
  guint step;
  guint threshold;
  guint min_scorers;
  guint panel_size;

  if (self->session == NULL)
    return;

  profile = qa_session_get_profile (self->session);
  step = qa_profile_get_consensus_rounding (profile);
  threshold = qa_profile_get_discussion_spread (profile);
  min_scorers = qa_profile_get_min_scorers (profile);
  panel_size = qa_profile_get_panel_min_size (profile);

  show_method (self, profile);

  /* Translators: a percentage step, e.g. “5%” */
  rounding_value = g_strdup_printf (_("%u%%"), step);
  /* Translators: %u is a percentage step, e.g. 5 */
  rounding = g_strdup_printf (_("The chair settles each item on a multiple of %u%%; the default "
                                "consensus is rounded to the nearest one."),
                              step);

  /* Translators: a spread of scores in percentage points, e.g. “≥ 30 pts” */
  spread_value = g_strdup_printf (_("≥ %u pts"), threshold);
  spread = g_strdup_printf (ngettext ("An item whose scores lie %u percentage point or more apart "
                                      "is flagged and discussed before the panel agrees on it.",
                                      "An item whose scores lie %u percentage points or more apart "
                                      "is flagged and discussed before the panel agrees on it.",
                                      threshold),
                            threshold);

  scorers_value = g_strdup_printf ("%u", min_scorers);
  if (qa_profile_get_panel_odd (profile))
    scorers = g_strdup_printf (ngettext ("Each applicant needs at least %u scorer after recusals. "
                                         "The panel has at least %u experts and an odd number of "
                                         "them (Art. 11).",
                                         "Each applicant needs at least %u scorers after recusals. "
                                         "The panel has at least %u experts and an odd number of "
                                         "them (Art. 11).",
                                         min_scorers),
                               min_scorers, panel_size);
  else
    scorers = g_strdup_printf (ngettext ("Each applicant needs at least %u scorer after recusals. "
                                         "The panel has at least %u experts (Art. 11).",
                                         "Each applicant needs at least %u scorers after recusals. "
                                         "The panel has at least %u experts (Art. 11).",
                                         min_scorers),
                               min_scorers, panel_size);

  gtk_label_set_label (self->rounding_value_label, rounding_value);
  adw_action_row_set_subtitle (self->rounding_row, rounding);
  gtk_label_set_label (self->discussion_value_label, spread_value);
  adw_action_row_set_subtitle (self->discussion_row, spread);
  gtk_label_set_label (self->scorers_value_label, scorers_value);
  adw_action_row_set_subtitle (self->scorers_row, scorers);
}


static gboolean
may_edit (QaConsensusView *self)
{
  return self->session != NULL && qa_role_allows (self->role, QA_PERMISSION_CONSENSUS) &&
         !qa_session_stage_is_closed (self->session, self->stage);
}

static const char *
selected_applicant (QaConsensusView *self)
{
  guint position = gtk_drop_down_get_selected (self->applicant_drop_down);

  if (self->applicant_ids == NULL || position == GTK_INVALID_LIST_POSITION ||
      position >= g_strv_length (self->applicant_ids))
    return NULL;
  return self->applicant_ids[position];
}

static void
show_total (QaConsensusView *self)
{
  QaConsensusModel *model = qa_consensus_matrix_get_model (self->matrix);
  g_autofree char *points = NULL;
  g_autofree char *text = NULL;

  if (model == NULL)
    {
      gtk_label_set_label (self->total_label, NULL);
      return;
    }
  points = qa_consensus_format_points (qa_consensus_model_get_total_x100 (model));
  /* Translators: the applicant's consensus total, e.g. “共识总分 548.00” */
  text = g_strdup_printf (_("Consensus total %s"), points);
  gtk_label_set_label (self->total_label, text);
}

static void
show_item (QaConsensusView *self)
{
  qa_consensus_editor_show_row (self->editor, self->session, self->stage,
                                qa_consensus_matrix_get_selected (self->matrix));
  qa_consensus_editor_set_editable (self->editor, may_edit (self));
}

static void
item_selected_cb (QaConsensusView *self)
{
  show_item (self);
}

/* The applicant chosen: its matrix, its charts, its total. */
static void
show_applicant (QaConsensusView *self)
{
  g_autoptr(GError) error = NULL;
  const char *applicant = selected_applicant (self);

  if (!qa_consensus_matrix_load (self->matrix, self->session, self->stage, applicant, &error))
    _qa_ui_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
  qa_consensus_chart_load (self->chart, self->session, self->stage, applicant);
  show_total (self);
  show_item (self);
}

static void
applicant_selected_cb (QaConsensusView *self)
{
  if (!self->loading)
    show_applicant (self);
}

static void
flagged_toggled_cb (QaConsensusView *self,
                    GtkCheckButton  *check)
{
  qa_consensus_matrix_set_only_flagged (self->matrix, gtk_check_button_get_active (check));
}

/* The next item the panel must discuss, brought into view, ready for its value. */
static void
next_flagged_clicked_cb (QaConsensusView *self)
{
  if (qa_consensus_matrix_select_next_flagged (self->matrix))
    qa_consensus_editor_focus (self->editor);
}

static void refresh_progress (QaConsensusView *self);

static void
editor_saved_cb (QaConsensusView   *self,
                 gboolean           advance,
                 QaConsensusEditor *editor)
{
  g_autoptr(GError) error = NULL;

  if (!qa_consensus_matrix_reload (self->matrix, &error))
    _qa_ui_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
  qa_consensus_chart_load (self->chart, self->session, self->stage, selected_applicant (self));
  show_total (self);
  refresh_progress (self);
  if (advance)
    qa_consensus_matrix_select_next (self->matrix);
  show_item (self);
  qa_consensus_editor_focus (self->editor);
}

/* How far the stage is: sheets awaited, or flagged items still to agree. */
static void
show_progress (QaConsensusView       *self,
               const QaStageProgress *review)
{
  if (review->sheets_received < review->sheets_expected)
    {
      /* Translators: 已收到评分表 4/7 */
      g_autofree char *text = g_strdup_printf (_("%u/%u score sheets received"),
                                               review->sheets_received, review->sheets_expected);

      gtk_label_set_label (self->progress_label, text);
    }
  else if (review->items_stale > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u item to agree again (⟳): a newer sheet moved its default",
                                                         "%u items to agree again (⟳): a newer sheet moved their defaults",
                                                         review->items_stale),
                                               review->items_stale);

      gtk_label_set_label (self->progress_label, text);
    }
  else if (review->items_to_agree > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u flagged item to agree", "%u flagged items to agree",
                                                         review->items_to_agree),
                                               review->items_to_agree);

      gtk_label_set_label (self->progress_label, text);
    }
  else
    gtk_label_set_label (self->progress_label, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_label),
                          g_strcmp0 (gtk_label_get_label (self->progress_label), "") != 0);
}

static void show_stage_as_read (QaConsensusView *self,
                                QaProgress      *progress);

static void
progress_read_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(QaConsensusView) self = user_data;
  g_autoptr(QaProgress) progress = NULL;
  g_autoptr(GError) error = NULL;
  gboolean whole;

  if (!_qa_pending_read_progress_finish (result, self->session, self->reading, &progress, &error))
    return;
  g_clear_object (&self->reading);
  whole = self->read_stage;
  self->read_stage = FALSE;
  if (progress == NULL)
    {
      _qa_ui_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      return;
    }

  if (self->follow_stage)
    {
      guint in_site = progress->current >= QA_STAGE_SITE && progress->material.closed;

      self->follow_stage = FALSE;
      /* Open on the stage the session is in (this shows it, through stage_selected_cb). */
      if (gtk_drop_down_get_selected (self->stage_drop_down) != in_site)
        {
          gtk_drop_down_set_selected (self->stage_drop_down, in_site);
          return;
        }
    }
  if (whole)
    show_stage_as_read (self, progress);
  else
    show_progress (self, self->stage == QA_STAGE_MATERIAL ? &progress->material : &progress->site);
}

static void
cancel_reading (QaConsensusView *self)
{
  if (self->reading != NULL)
    g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
}

/* Reads where the session stands and then shows it: the whole stage when @whole, else only
 * how far it is (after the panel agreed an item). A newer reading replaces an older one. */
static void
read_progress (QaConsensusView *self,
               gboolean         whole)
{
  if (self->session == NULL)
    return;
  cancel_reading (self);
  self->reading = g_cancellable_new ();
  self->read_stage |= whole;
  _qa_pending_read_progress (self->session, self->reading, progress_read_cb, g_object_ref (self));
}

static void
refresh_progress (QaConsensusView *self)
{
  read_progress (self, FALSE);
}

/* The stage: where it stands, what the page shows. */
static void
show_stage (QaConsensusView *self)
{
  read_progress (self, TRUE);
}

static void
show_stage_as_read (QaConsensusView *self,
                    QaProgress      *progress)
{
  g_autoptr(QaPanel) panel = NULL;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autofree char *previous = g_strdup (selected_applicant (self));
  const QaStageProgress *review;
  gboolean closed;
  guint position = 0;

  if (self->session == NULL)
    return;

  review = self->stage == QA_STAGE_MATERIAL ? &progress->material : &progress->site;
  closed = review->closed;

  qa_consensus_sheets_set_stage (self->sheets, self->stage);
  adw_view_stack_page_set_visible (self->advance_page, self->stage == QA_STAGE_MATERIAL);
  adw_view_stack_page_set_visible (self->opinion_page, self->stage == QA_STAGE_SITE);
  qa_consensus_opinion_refresh (self->opinion);

  if (!review->panel_formed || review->sheets_received == 0)
    {
      g_autofree char *title = NULL;
      g_autoptr(GString) description = g_string_new (NULL);

      if (!review->panel_formed)
        title = g_strdup (_("No Panel Yet"));
      else
        /* Translators: 等待评分表：已收到 0/7 */
        title = g_strdup_printf (_("Waiting for Score Sheets: %u/%u Received"),
                                 review->sheets_received, review->sheets_expected);
      for (guint i = 0; i < review->missing->len; i++)
        {
          if (description->len > 0)
            g_string_append_c (description, '\n');
          g_string_append (description, g_ptr_array_index (review->missing, i));
        }
      if (description->len > 0)
        g_string_append (description, "\n\n");
      g_string_append (description,
                       _("The panel then settles a percentage for every item of every applicant, starting from the default below."));
      adw_status_page_set_title (self->empty_page, title);
      adw_status_page_set_description (self->empty_page, description->str);
      gtk_stack_set_visible_child_name (self->consensus_stack, "empty");
      return;
    }

  gtk_stack_set_visible_child_name (self->consensus_stack, "matrix");

  show_progress (self, review);

  if (closed)
    {
      g_autofree char *iso = qa_session_dup_stage_closed_at (self->session, self->stage);
      g_autofree char *at = _qa_ui_dup_local_time (iso);
      g_autofree char *text = NULL;

      /* Translators: %s is when the stage was closed, a local date and time */
      text = g_strdup_printf (_("This stage was closed on %s: its sheets and its consensus are frozen."),
                              at != NULL ? at : "");
      gtk_label_set_label (self->closed_label, text);
    }
  gtk_revealer_set_reveal_child (self->closed_revealer, closed);
  gtk_widget_set_visible (GTK_WIDGET (self->close_button),
                          qa_role_allows (self->role, QA_PERMISSION_CONSENSUS));
  gtk_widget_set_sensitive (GTK_WIDGET (self->close_button), !closed);

  /* The applicants of the stage, keeping the one shown. */
  panel = qa_panel_load (self->session, self->stage, NULL);
  if (panel != NULL)
    for (const char * const *a = qa_panel_get_applicants (panel); *a != NULL; a++)
      {
        QaApplicant *applicant = _qa_ui_find_applicant (self->session, *a);
        g_autofree char *label = g_strdup_printf ("%s %s", *a,
                                                  applicant != NULL ? qa_applicant_get_name (applicant) : "");

        if (g_strcmp0 (*a, previous) == 0)
          position = g_list_model_get_n_items (G_LIST_MODEL (labels));
        gtk_string_list_append (labels, label);
        g_strv_builder_add (ids, *a);
      }

  self->loading = TRUE;
  g_strfreev (self->applicant_ids);
  self->applicant_ids = g_strv_builder_end (ids);
  gtk_drop_down_set_model (self->applicant_drop_down, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->applicant_drop_down, position);
  self->loading = FALSE;
  show_applicant (self);
}

static void
stage_selected_cb (QaConsensusView *self)
{
  self->stage = gtk_drop_down_get_selected (self->stage_drop_down) == 1 ? QA_STAGE_SITE
                                                                        : QA_STAGE_MATERIAL;
  show_stage (self);
}

/* Written elsewhere (a sheet imported, the CLI): the page follows, unless the chair is typing. */
static void
database_changed_cb (QaConsensusView *self)
{
  GtkWidget *focus;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (focus != NULL && (gtk_widget_is_ancestor (focus, GTK_WIDGET (self->editor)) ||
                        gtk_widget_is_ancestor (focus, GTK_WIDGET (self->opinion))))
    return;
  show_stage (self);
}

/* Closing ------------------------------------------------------------------------------------ */

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   QaConsensusView  *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "close") != 0)
    return;

  if (!qa_session_close_stage (self->session, self->stage, &error))
    {
      _qa_ui_show_error (GTK_WIDGET (self), _("Cannot Close the Stage"), error->message);
      return;
    }
  _qa_ui_add_toast (GTK_WIDGET (self), adw_toast_new (_("The stage is closed; a backup was made first")));
  show_stage (self);
}

static void ask_to_close (QaConsensusView *self);

static void
close_clicked_cb (QaConsensusView *self,
                  GtkButton       *button)
{
  ask_to_close (self);
}

/* GObject ------------------------------------------------------------------------------------ */
static void
qa_consensus_view_dispose (GObject *object)
{
  QaConsensusView *self = (QaConsensusView *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), QA_TYPE_CONSENSUS_VIEW);
  /* gtk_widget_dispose_template() only unparents the children it binds. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  _qa_ui_follow_session (self, &self->session, NULL, G_CALLBACK (database_changed_cb));
  cancel_reading (self);
  g_clear_pointer (&self->applicant_ids, g_strfreev);

  G_OBJECT_CLASS (qa_consensus_view_parent_class)->dispose (object);
}

static void
qa_consensus_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  QaConsensusView *self = QA_CONSENSUS_VIEW (object);

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
qa_consensus_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  QaConsensusView *self = QA_CONSENSUS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      qa_consensus_view_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_consensus_view_class_init (QaConsensusViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qa_consensus_view_dispose;
  object_class->get_property = qa_consensus_view_get_property;
  object_class->set_property = qa_consensus_view_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         QA_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/qa-consensus-view.ui");
  gtk_widget_class_bind_template_child (widget_class, QaConsensusView, advance);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusView, advance_page);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusView, applicant_drop_down);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusView, chart);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusView, close_button);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusView, closed_label);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusView, closed_revealer);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusView, consensus_stack);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusView, editor);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusView, flagged_check);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusView, matrix);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusView, opinion);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusView, opinion_page);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusView, progress_label);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusView, sheets);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusView, stage_drop_down);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusView, total_label);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusView, view_stack);
  gtk_widget_class_bind_template_callback (widget_class, applicant_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, editor_saved_cb);
  gtk_widget_class_bind_template_callback (widget_class, flagged_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, item_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_flagged_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, stage_selected_cb);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusView, discussion_row);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusView, discussion_value_label);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusView, method_row);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusView, method_value_label);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusView, rounding_row);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusView, rounding_value_label);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusView, scorers_row);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusView, scorers_value_label);

  gtk_widget_class_set_css_name (widget_class, "consensus-view");

  g_type_ensure (QA_TYPE_CONSENSUS_ADVANCE);
  g_type_ensure (QA_TYPE_CONSENSUS_CHART);
  g_type_ensure (QA_TYPE_CONSENSUS_EDITOR);
  g_type_ensure (QA_TYPE_CONSENSUS_MATRIX);
  g_type_ensure (QA_TYPE_CONSENSUS_OPINION);
  g_type_ensure (QA_TYPE_CONSENSUS_SHEETS);
}

static void
qa_consensus_view_init (QaConsensusView *self)
{
  g_autoptr(GtkStringList) stages = gtk_string_list_new (NULL);

  self->stage = QA_STAGE_MATERIAL;
  self->role = QA_ROLE_SECRETARIAT;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (stages, qa_stage_get_title (QA_STAGE_MATERIAL));
  gtk_string_list_append (stages, qa_stage_get_title (QA_STAGE_SITE));
  self->loading = TRUE;
  gtk_drop_down_set_model (self->stage_drop_down, G_LIST_MODEL (stages));
  self->loading = FALSE;
}

GtkWidget *
qa_consensus_view_new (void)
{
  return g_object_new (QA_TYPE_CONSENSUS_VIEW, NULL);
}

QaSession *
qa_consensus_view_get_session (QaConsensusView *self)
{
  g_return_val_if_fail (QA_IS_CONSENSUS_VIEW (self), NULL);

  return self->session;
}

void
qa_consensus_view_set_session (QaConsensusView *self,
                               QaSession       *session)
{
  g_return_if_fail (QA_IS_CONSENSUS_VIEW (self));
  g_return_if_fail (!session || QA_IS_SESSION (session));

  if (self->session == session)
    return;
  _qa_ui_follow_session (self, &self->session, session, G_CALLBACK (database_changed_cb));

  qa_consensus_sheets_set_session (self->sheets, session);
  qa_consensus_advance_set_session (self->advance, session);
  qa_consensus_opinion_set_session (self->opinion, session);
  cancel_reading (self);
  self->read_stage = FALSE;
  self->follow_stage = session != NULL;
  show_rule (self);
  show_stage (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

void
qa_consensus_view_set_role (QaConsensusView *self,
                            QaRole           role)
{
  g_return_if_fail (QA_IS_CONSENSUS_VIEW (self));

  self->role = role;
  qa_consensus_sheets_set_role (self->sheets, role);
  qa_consensus_advance_set_role (self->advance, role);
  qa_consensus_opinion_set_role (self->opinion, role);
  show_stage (self);
}

QaStage
qa_consensus_view_get_stage (QaConsensusView *self)
{
  g_return_val_if_fail (QA_IS_CONSENSUS_VIEW (self), QA_STAGE_MATERIAL);
  return self->stage;
}

/* Asks before closing, saying what closing freezes and, when it cannot be closed yet, why. */
static void
ask_to_close (QaConsensusView *self)
{
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  AdwMessageDialog *dialog;

  g_return_if_fail (QA_IS_CONSENSUS_VIEW (self));

  if (self->session == NULL)
    return;

  missing = qa_consensus_check_complete (self->session, self->stage, NULL);
  g_string_append_printf (body,
                          /* Translators: %s is the stage, e.g. 资料评审 */
                          _("Closing %s freezes it: no more score sheets are imported for it, and the panel’s consensus of every applicant can no longer be changed. The totals become final. A backup of the session is made first."),
                          qa_stage_get_title (self->stage));
  if (missing != NULL && missing->len > 0)
    {
      g_string_append (body, "\n\n");
      g_string_append (body, _("It cannot be closed yet:"));
      for (guint i = 0; i < missing->len; i++)
        g_string_append_printf (body, "\n• %s", (const char *)g_ptr_array_index (missing, i));
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (_qa_ui_get_window (GTK_WIDGET (self)), NULL, body->str));
  /* Translators: %s is the stage, e.g. 资料评审 */
  adw_message_dialog_format_heading (dialog, _("Close %s?"), qa_stage_get_title (self->stage));
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  if (missing != NULL && missing->len == 0)
    {
      adw_message_dialog_add_response (dialog, "close", _("C_lose Stage"));
      adw_message_dialog_set_response_appearance (dialog, "close", ADW_RESPONSE_DESTRUCTIVE);
    }
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

QaConsensusMatrix *
qa_consensus_view_get_matrix (QaConsensusView *self)
{
  g_return_val_if_fail (QA_IS_CONSENSUS_VIEW (self), NULL);
  return self->matrix;
}

QaConsensusEditor *
qa_consensus_view_get_editor (QaConsensusView *self)
{
  g_return_val_if_fail (QA_IS_CONSENSUS_VIEW (self), NULL);
  return self->editor;
}

QaConsensusSheets *
qa_consensus_view_get_sheets (QaConsensusView *self)
{
  g_return_val_if_fail (QA_IS_CONSENSUS_VIEW (self), NULL);
  return self->sheets;
}

QaConsensusAdvance *
qa_consensus_view_get_advance (QaConsensusView *self)
{
  g_return_val_if_fail (QA_IS_CONSENSUS_VIEW (self), NULL);
  return self->advance;
}

QaConsensusOpinion *
qa_consensus_view_get_opinion (QaConsensusView *self)
{
  g_return_val_if_fail (QA_IS_CONSENSUS_VIEW (self), NULL);
  return self->opinion;
}

QaConsensusChart *
qa_consensus_view_get_chart (QaConsensusView *self)
{
  g_return_val_if_fail (QA_IS_CONSENSUS_VIEW (self), NULL);
  return self->chart;
}
