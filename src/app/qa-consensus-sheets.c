/* qa-consensus-sheets.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-consensus-sheets"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "qa-consensus-sheets.h"
#include "qa-ui-private.h"

/* A row of the sheets table: one panel member's sheet. */
#define QA_TYPE_CONSENSUS_SHEET (qa_consensus_sheet_get_type ())
G_DECLARE_FINAL_TYPE (QaConsensusSheet, qa_consensus_sheet, QA, CONSENSUS_SHEET, GObject)

struct _QaConsensusSheet
{
  GObject        parent_instance;
  QaSheetStatus *status;
  /* How the reviewer stands against the consensus (NULL before any score is compared). */
  QaConsensusReviewer *figures;
};

G_DEFINE_FINAL_TYPE (QaConsensusSheet, qa_consensus_sheet, G_TYPE_OBJECT)

static void
qa_consensus_sheet_finalize (GObject *object)
{
  g_clear_pointer (&QA_CONSENSUS_SHEET (object)->status, qa_sheet_status_free);
  g_clear_pointer (&QA_CONSENSUS_SHEET (object)->figures, qa_consensus_reviewer_free);
  G_OBJECT_CLASS (qa_consensus_sheet_parent_class)->finalize (object);
}

static void
qa_consensus_sheet_class_init (QaConsensusSheetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = qa_consensus_sheet_finalize;
}

static void
qa_consensus_sheet_init (QaConsensusSheet *self)
{
}

/* A row of the scores table: one applicant, with each member's sheet of it (NULL when the member
 * does not score it). */
#define QA_TYPE_CONSENSUS_SCORES (qa_consensus_scores_get_type ())
G_DECLARE_FINAL_TYPE (QaConsensusScores, qa_consensus_scores, QA, CONSENSUS_SCORES, GObject)

struct _QaConsensusScores
{
  GObject    parent_instance;
  char      *label;
  GPtrArray *sheets;   /* QaScoreSheet or NULL, in the order of the panel */
};

G_DEFINE_FINAL_TYPE (QaConsensusScores, qa_consensus_scores, G_TYPE_OBJECT)

static void
qa_consensus_scores_finalize (GObject *object)
{
  QaConsensusScores *self = QA_CONSENSUS_SCORES (object);

  g_free (self->label);
  g_clear_pointer (&self->sheets, g_ptr_array_unref);
  G_OBJECT_CLASS (qa_consensus_scores_parent_class)->finalize (object);
}

static void
qa_consensus_scores_class_init (QaConsensusScoresClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = qa_consensus_scores_finalize;
}

static void
unref_sheet (gpointer sheet)
{
  if (sheet != NULL)
    g_object_unref (sheet);
}

static void
qa_consensus_scores_init (QaConsensusScores *self)
{
  self->sheets = g_ptr_array_new_with_free_func (unref_sheet);
}

struct _QaConsensusSheets
{
  GtkWidget      parent_instance;

  /* Owned */
  QaSession     *session;
  GListStore    *sheets;
  GListStore    *scores;
  QaStage        stage;
  QaRole         role;

  /* Template widgets */
  GtkLabel      *scores_caption;
  GtkLabel      *scores_heading;
  GtkWidget     *scores_scroller;
  GtkColumnView *scores_view;
  GtkColumnView *sheets_view;
  GtkLabel      *summary_label;
};

G_DEFINE_FINAL_TYPE (QaConsensusSheets, qa_consensus_sheets, GTK_TYPE_WIDGET)

/* Columns ------------------------------------------------------------------------------------ */

typedef void (*BindFunc) (QaConsensusSheets *self,
                          GtkLabel          *label,
                          gpointer           item,
                          guint              column);

typedef struct
{
  QaConsensusSheets *self;
  BindFunc           bind;
  guint              column;
} Column;

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               Column                   *column)
{
  column->bind (column->self, GTK_LABEL (gtk_list_item_get_child (list_item)),
                gtk_list_item_get_item (list_item), column->column);
}

static GtkColumnViewColumn *
add_column (QaConsensusSheets *self,
            GtkColumnView     *view,
            const char        *title,
            BindFunc           bind,
            guint              index,
            gboolean           expand)
{
  g_autoptr(GtkColumnViewColumn) column = NULL;
  Column *data = g_new0 (Column, 1);

  data->self = self;
  data->bind = bind;
  data->column = index;
  column = gtk_column_view_column_new (title, _qa_ui_label_factory_new (G_CALLBACK (bind_label_cb),
                                                                         data, g_free));
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_append_column (view, column);
  return column;
}

static void
bind_reviewer (QaConsensusSheets *self,
               GtkLabel          *label,
               gpointer           item,
               guint              column)
{
  QaSheetStatus *status = QA_CONSENSUS_SHEET (item)->status;
  g_autofree char *text = g_strdup_printf ("%s (%s)", status->name, status->expert_id);

  gtk_label_set_label (label, text);
}

static void
bind_received (QaConsensusSheets *self,
               GtkLabel          *label,
               gpointer           item,
               guint              column)
{
  QaSheetStatus *status = QA_CONSENSUS_SHEET (item)->status;
  g_autofree char *text = NULL;

  if (status->received)
    {
      g_autofree char *at = _qa_ui_dup_local_time (status->imported_at);

      /* Translators: a score sheet imported, e.g. “✓ 2026-10-12 09:30 (revision 2)” */
      text = g_strdup_printf (_("✓ %s (revision %u)"), at, status->revision);
    }
  else
    /* Translators: a score sheet that has not come back yet */
    text = g_strdup (_("○ awaited"));
  gtk_label_set_label (label, text);
  gtk_widget_set_css_classes (GTK_WIDGET (label),
                              (const char *[]) { status->received ? "success" : "dim-label", NULL });
}

static void
bind_completeness (QaConsensusSheets *self,
                   GtkLabel          *label,
                   gpointer           item,
                   guint              column)
{
  QaSheetStatus *status = QA_CONSENSUS_SHEET (item)->status;
  g_autofree char *text = NULL;
  gboolean complete = status->received && status->n_scored >= status->n_expected;

  /* Translators: items scored of those expected, and over how many applicants */
  text = g_strdup_printf (ngettext ("%u/%u items · %u applicant", "%u/%u items · %u applicants",
                                    status->n_applicants),
                          status->n_scored, status->n_expected, status->n_applicants);
  gtk_label_set_label (label, text);
  gtk_widget_set_css_classes (GTK_WIDGET (label),
                              (const char *[]) { "numeric",
                                                 complete ? "success"
                                                 : status->received ? "warning" : "dim-label",
                                                 NULL });
}

/* The mean signed distance from the consensus, and how often the trimming dropped the reviewer:
 * the figures that show whether one reviewer skews the result. Raw scores are never adjusted. */
static void
bind_leniency (QaConsensusSheets *self,
               GtkLabel          *label,
               gpointer           item,
               guint              column)
{
  const QaConsensusReviewer *figures = QA_CONSENSUS_SHEET (item)->figures;
  g_autofree char *text = NULL;

  if (figures == NULL || figures->scores == 0)
    text = g_strdup ("—");
  else
    /* Translators: a reviewer's leniency in percentage points (+ above the consensus), and how
     * often the trimmed mean dropped them as the highest (↑) and the lowest (↓) score */
    text = g_strdup_printf (_("%+.1f pts · dropped %u↑ %u↓"), figures->leniency,
                            figures->dropped_high, figures->dropped_low);
  gtk_label_set_label (label, text);
  gtk_widget_set_css_classes (GTK_WIDGET (label), (const char *[]) { "numeric", NULL });
}

static void
bind_applicant (QaConsensusSheets *self,
                GtkLabel          *label,
                gpointer           item,
                guint              column)
{
  gtk_label_set_label (label, QA_CONSENSUS_SCORES (item)->label);
}

static void
bind_raw_total (QaConsensusSheets *self,
                GtkLabel          *label,
                gpointer           item,
                guint              column)
{
  QaConsensusScores *row = QA_CONSENSUS_SCORES (item);
  QaScoreSheet *sheet = column < row->sheets->len ? g_ptr_array_index (row->sheets, column) : NULL;
  g_autofree char *text = NULL;
  guint n_items;
  guint n_scored;

  gtk_label_set_xalign (label, 1);
  if (sheet == NULL)
    {
      gtk_label_set_label (label, "—");
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), _("Does not score this applicant"));
      return;
    }

  n_items = g_list_model_get_n_items (qa_score_sheet_get_items (sheet));
  n_scored = qa_score_sheet_get_n_scored (sheet);
  if (n_scored == 0)
    text = g_strdup ("·");
  else if (n_scored < n_items)
    /* Translators: a partial total and how many items it covers, e.g. “212.5 (9/23)” */
    text = g_strdup_printf (_("%.1f (%u/%u)"), qa_score_sheet_get_total (sheet), n_scored, n_items);
  else
    text = g_strdup_printf ("%.1f", qa_score_sheet_get_total (sheet));
  gtk_label_set_label (label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), NULL);
  gtk_widget_set_css_classes (GTK_WIDGET (label), (const char *[]) { "numeric", NULL });
}

/* Loading ------------------------------------------------------------------------------------ */

static void
remove_columns (GtkColumnView *view)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (view, column);
    }
}

static gboolean
may_read_scores (QaConsensusSheets *self)
{
  return qa_role_allows (self->role, QA_PERMISSION_COLLECT);
}

static void
load_scores (QaConsensusSheets *self,
             GPtrArray         *statuses)
{
  g_autoptr(QaPanel) panel = NULL;
  const char * const *applicants;

  remove_columns (self->scores_view);
  g_list_store_remove_all (self->scores);
  if (!may_read_scores (self) || statuses->len == 0)
    return;

  panel = qa_panel_load (self->session, self->stage, NULL);
  if (panel == NULL)
    return;

  /* Translators: column heading, the applicant (申报组织) */
  add_column (self, self->scores_view, _("Applicant"), bind_applicant, 0, TRUE);
  for (guint i = 0; i < statuses->len; i++)
    {
      QaSheetStatus *status = g_ptr_array_index (statuses, i);
      GtkColumnViewColumn *column;

      column = add_column (self, self->scores_view, status->name, bind_raw_total, i, FALSE);
      gtk_column_view_column_set_fixed_width (column, 96);
    }

  applicants = qa_panel_get_applicants (panel);
  for (guint a = 0; applicants[a] != NULL; a++)
    {
      g_autoptr(QaConsensusScores) row = g_object_new (QA_TYPE_CONSENSUS_SCORES, NULL);
      QaApplicant *applicant = _qa_ui_find_applicant (self->session, applicants[a]);

      row->label = g_strdup_printf ("%s %s", applicants[a],
                                    applicant != NULL ? qa_applicant_get_name (applicant) : "");
      for (guint i = 0; i < statuses->len; i++)
        {
          QaSheetStatus *status = g_ptr_array_index (statuses, i);
          QaScoreSheet *sheet = NULL;
          g_autoptr(GError) error = NULL;

          if (qa_panel_is_assigned (self->session, self->stage, status->expert_id, applicants[a],
                                    &error))
            sheet = qa_score_sheet_new (self->session, status->expert_id, applicants[a],
                                        self->stage, &error);
          if (error != NULL)
            g_warning ("%s", error->message);
          g_ptr_array_add (row->sheets, sheet);
        }
      g_list_store_append (self->scores, row);
    }
}

void
qa_consensus_sheets_refresh (QaConsensusSheets *self)
{
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *caption = NULL;
  g_autoptr(GPtrArray) figures = NULL;
  double kendall_w = -1;
  guint w_applicants = 0;
  guint received = 0;
  guint complete = 0;

  g_return_if_fail (QA_IS_CONSENSUS_SHEETS (self));

  g_list_store_remove_all (self->sheets);
  if (self->session == NULL)
    return;

  statuses = qa_session_list_sheets (self->session, self->stage, &error);
  if (statuses == NULL)
    {
      gtk_label_set_label (self->summary_label, error->message);
      return;
    }

  if (statuses->len > 0)
    figures = qa_consensus_reviewers (self->session, self->stage, &kendall_w, &w_applicants, NULL);

  for (guint i = 0; i < statuses->len; i++)
    {
      QaSheetStatus *status = g_ptr_array_index (statuses, i);
      g_autoptr(QaConsensusSheet) row = g_object_new (QA_TYPE_CONSENSUS_SHEET, NULL);

      for (guint f = 0; figures != NULL && f < figures->len; f++)
        {
          QaConsensusReviewer *reviewer = g_ptr_array_index (figures, f);

          if (g_strcmp0 (reviewer->reviewer_id, status->expert_id) == 0)
            {
              row->figures = g_ptr_array_steal_index (figures, f);
              break;
            }
        }

      if (status->received)
        received++;
      if (status->received && status->n_scored >= status->n_expected)
        complete++;
      row->status = g_new0 (QaSheetStatus, 1);
      *row->status = *status;
      /* The row takes the strings. */
      memset (status, 0, sizeof *status);
      g_list_store_append (self->sheets, row);
    }

  if (statuses->len == 0)
    summary = g_strdup_printf (_("No panel has been formed for %s yet: the secretariat forms it on the Experts and Panels page."),
                               qa_stage_get_title (self->stage));
  else if (kendall_w < 0)
    /* Translators: e.g. “资料评审：已收到评分表 4/7，完整 3 份” */
    summary = g_strdup_printf (_("%s: %u/%u score sheets received, %u complete"),
                               qa_stage_get_title (self->stage), received, statuses->len, complete);
  else
    /* Translators: the sheets, then the panel's agreement (Kendall's W, 0 to 1) */
    summary = g_strdup_printf (ngettext ("%s: %u/%u score sheets received, %u complete · agreement (Kendall’s W over %u applicant) %.2f",
                                         "%s: %u/%u score sheets received, %u complete · agreement (Kendall’s W over %u applicants) %.2f",
                                         w_applicants),
                               qa_stage_get_title (self->stage), received, statuses->len, complete,
                               w_applicants, kendall_w);
  gtk_label_set_label (self->summary_label, summary);

  caption = g_strdup_printf (_("Each reviewer’s own total out of %u, as their sheet scores it; “—” where they do not score the applicant. Consensus never changes these."),
                             qa_criteria_get_total_points (qa_session_get_criteria (self->session)));
  gtk_label_set_label (self->scores_caption, caption);

  /* The statuses were moved into the rows; the scores only need their ids and names. */
  {
    g_autoptr(GPtrArray) shown = g_ptr_array_new ();

    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->sheets)); i++)
      {
        g_autoptr(QaConsensusSheet) row = g_list_model_get_item (G_LIST_MODEL (self->sheets), i);

        g_ptr_array_add (shown, row->status);
      }
    load_scores (self, shown);
  }

  gtk_widget_set_visible (GTK_WIDGET (self->scores_heading), may_read_scores (self) && statuses->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->scores_caption), may_read_scores (self) && statuses->len > 0);
  gtk_widget_set_visible (self->scores_scroller, may_read_scores (self) && statuses->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->sheets_view), statuses->len > 0);
}

/* GObject ------------------------------------------------------------------------------------ */

static void
qa_consensus_sheets_dispose (GObject *object)
{
  QaConsensusSheets *self = QA_CONSENSUS_SHEETS (object);

  _qa_ui_follow_session (self, &self->session, NULL, G_CALLBACK (qa_consensus_sheets_refresh));
  gtk_widget_dispose_template (GTK_WIDGET (self), QA_TYPE_CONSENSUS_SHEETS);
  _qa_ui_dispose_children (GTK_WIDGET (self));
  g_clear_object (&self->sheets);
  g_clear_object (&self->scores);

  G_OBJECT_CLASS (qa_consensus_sheets_parent_class)->dispose (object);
}

static void
qa_consensus_sheets_class_init (QaConsensusSheetsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qa_consensus_sheets_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/qa-consensus-sheets.ui");
  gtk_widget_class_bind_template_child (widget_class, QaConsensusSheets, scores_caption);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusSheets, scores_heading);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusSheets, scores_scroller);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusSheets, scores_view);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusSheets, sheets_view);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusSheets, summary_label);

  gtk_widget_class_set_css_name (widget_class, "consensus-sheets");
}

static void
qa_consensus_sheets_init (QaConsensusSheets *self)
{
  self->stage = QA_STAGE_MATERIAL;
  self->role = QA_ROLE_SECRETARIAT;
  self->sheets = g_list_store_new (QA_TYPE_CONSENSUS_SHEET);
  self->scores = g_list_store_new (QA_TYPE_CONSENSUS_SCORES);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_column_view_set_model (self->sheets_view,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->sheets)))));
  gtk_column_view_set_model (self->scores_view,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->scores)))));
  g_object_unref (gtk_column_view_get_model (self->sheets_view));
  g_object_unref (gtk_column_view_get_model (self->scores_view));

  /* Translators: column heading, the panel member whose sheet it is */
  add_column (self, self->sheets_view, _("Reviewer"), bind_reviewer, 0, TRUE);
  /* Translators: column heading, whether and when the score sheet was imported */
  add_column (self, self->sheets_view, _("Sheet"), bind_received, 0, TRUE);
  /* Translators: column heading, how much of what the reviewer must score the sheet scores */
  add_column (self, self->sheets_view, _("Completeness"), bind_completeness, 0, TRUE);
  /* Translators: column heading, the reviewer against the consensus (宽严度) */
  add_column (self, self->sheets_view, _("Leniency"), bind_leniency, 0, TRUE);
}

GtkWidget *
qa_consensus_sheets_new (void)
{
  return g_object_new (QA_TYPE_CONSENSUS_SHEETS, NULL);
}

void
qa_consensus_sheets_set_session (QaConsensusSheets *self,
                                 QaSession         *session)
{
  g_return_if_fail (QA_IS_CONSENSUS_SHEETS (self));

  _qa_ui_follow_session (self, &self->session, session, G_CALLBACK (qa_consensus_sheets_refresh));
  qa_consensus_sheets_refresh (self);
}

void
qa_consensus_sheets_set_stage (QaConsensusSheets *self,
                               QaStage            stage)
{
  g_return_if_fail (QA_IS_CONSENSUS_SHEETS (self));
  g_return_if_fail (stage == QA_STAGE_MATERIAL || stage == QA_STAGE_SITE);

  if (self->stage == stage)
    return;
  self->stage = stage;
  qa_consensus_sheets_refresh (self);
}

void
qa_consensus_sheets_set_role (QaConsensusSheets *self,
                              QaRole             role)
{
  g_return_if_fail (QA_IS_CONSENSUS_SHEETS (self));

  if (self->role == role)
    return;
  self->role = role;
  qa_consensus_sheets_refresh (self);
}

GListModel *
qa_consensus_sheets_get_sheets (QaConsensusSheets *self)
{
  g_return_val_if_fail (QA_IS_CONSENSUS_SHEETS (self), NULL);
  return G_LIST_MODEL (self->sheets);
}

GListModel *
qa_consensus_sheets_get_scores (QaConsensusSheets *self)
{
  g_return_val_if_fail (QA_IS_CONSENSUS_SHEETS (self), NULL);
  return G_LIST_MODEL (self->scores);
}
