/* qa-consensus-matrix.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-consensus-matrix"

#include "config.h"

#include <glib/gi18n.h>

#include "qa-consensus-matrix.h"
#include "qa-ui-private.h"

struct _QaConsensusMatrix
{
  GtkWidget           parent_instance;

  /* Owned */
  QaSession          *session;
  QaConsensusModel   *model;
  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;
  GtkSingleSelection *selection;
  GStrv               reviewers;
  /* "item\nreviewer" → percent + 1 */
  GHashTable         *scores;
  gboolean            only_flagged;

  /* Template widgets */
  GtkColumnView      *column_view;
  GtkScrolledWindow  *scroller;
};

G_DEFINE_FINAL_TYPE (QaConsensusMatrix, qa_consensus_matrix, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const QaConsensusItem *
row_item (gpointer row)
{
  return qa_consensus_row_get_item (QA_CONSENSUS_ROW (row));
}

/* Cells -------------------------------------------------------------------------------------- */

typedef void (*BindFunc) (QaConsensusMatrix     *self,
                          GtkLabel              *label,
                          const QaConsensusItem *item,
                          guint                  column);

typedef struct
{
  QaConsensusMatrix *self;
  BindFunc           bind;
  guint              column;
  float              xalign;
} Column;

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          Column                   *column)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column->xalign);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         Column                   *column)
{
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));

  gtk_widget_set_css_classes (GTK_WIDGET (label), (const char *[]) { "numeric", NULL });
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), NULL);
  column->bind (column->self, label, row_item (gtk_list_item_get_item (list_item)), column->column);
}

/* Room for a column's heading in the user's language (“Points” is wider than 分值), with the
 * header button's padding. */
static int
heading_width (QaConsensusMatrix *self,
               const char        *title)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->column_view), title);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width + 16;
}

static GtkColumnViewColumn *
add_column (QaConsensusMatrix *self,
            const char        *title,
            BindFunc           bind,
            guint              index,
            float              xalign,
            int                width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;
  Column *data = g_new0 (Column, 1);

  data->self = self;
  data->bind = bind;
  data->column = index;
  data->xalign = xalign;
  g_signal_connect_data (factory, "setup", G_CALLBACK (setup_cb), data,
                         (GClosureNotify)(void (*) (void))g_free, 0);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), data);
  column = gtk_column_view_column_new (title, factory);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (column, MAX (width, heading_width (self, title)));
  else
    gtk_column_view_column_set_expand (column, TRUE);
  gtk_column_view_append_column (self->column_view, column);
  return column;
}

static void
bind_clause (QaConsensusMatrix     *self,
             GtkLabel              *label,
             const QaConsensusItem *item,
             guint                  column)
{
  QaItem *criterion = qa_criteria_lookup_item (qa_session_get_criteria (self->session), item->item);
  g_autofree char *text = g_strdup_printf ("%s %s", item->item,
                                           criterion != NULL ? qa_item_get_name (criterion) : "");

  /* The clause alone fits beside seven reviewers; its name is in the tooltip and the editor. */
  gtk_label_set_label (label, item->item);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), text);
  gtk_widget_set_css_classes (GTK_WIDGET (label), NULL);
}

static void
bind_points (QaConsensusMatrix     *self,
             GtkLabel              *label,
             const QaConsensusItem *item,
             guint                  column)
{
  g_autofree char *text = g_strdup_printf ("%u", item->points);

  gtk_label_set_label (label, text);
}

/* A reviewer's percentage, marked by its distance from the median: ▲/▼ when it lies half the
 * profile's discussion spread or more away, ↑/↓ when it lies above or below at all. */
static void
bind_reviewer (QaConsensusMatrix     *self,
               GtkLabel              *label,
               const QaConsensusItem *item,
               guint                  column)
{
  const char *reviewer = self->reviewers[column];
  int percent = qa_consensus_matrix_get_score (self, item->item, reviewer);
  guint spread = qa_profile_get_discussion_spread (qa_session_get_profile (self->session));
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;
  int distance_x10;
  const char *symbol = "";
  const char *tone = "dist-none";

  if (percent < 0)
    {
      gtk_label_set_label (label, "—");
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), _("Not scored by this reviewer"));
      return;
    }

  distance_x10 = percent * 10 - item->median_x10;
  if ((guint)ABS (distance_x10) * 2 >= spread * 10)
    {
      symbol = distance_x10 > 0 ? "▲" : "▼";
      tone = "dist-far";
    }
  else if (distance_x10 != 0)
    {
      symbol = distance_x10 > 0 ? "↑" : "↓";
      tone = "dist-near";
    }

  text = g_strdup_printf ("%d%s", percent, symbol);
  gtk_label_set_label (label, text);
  if (distance_x10 == 0)
    tooltip = g_strdup (_("At the median"));
  else
    {
      g_autofree char *distance = qa_consensus_format_tenths (ABS (distance_x10));

      tooltip = distance_x10 > 0
        /* Translators: %s is a number of percentage points, e.g. 12.5 */
        ? g_strdup_printf (_("%s points above the median"), distance)
        : g_strdup_printf (_("%s points below the median"), distance);
    }
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), tooltip);
  gtk_widget_set_css_classes (GTK_WIDGET (label), (const char *[]) { "numeric", tone, NULL });
}

static void
bind_tenths (GtkLabel *label,
             guint     scorers,
             int       value_x10)
{
  g_autofree char *text = scorers > 0 ? qa_consensus_format_tenths (value_x10) : g_strdup ("—");

  gtk_label_set_label (label, text);
}

static void
bind_mean (QaConsensusMatrix     *self,
           GtkLabel              *label,
           const QaConsensusItem *item,
           guint                  column)
{
  bind_tenths (label, item->scorers, item->mean_x10);
}

static void
bind_median (QaConsensusMatrix     *self,
             GtkLabel              *label,
             const QaConsensusItem *item,
             guint                  column)
{
  bind_tenths (label, item->scorers, item->median_x10);
}

static void
bind_default (QaConsensusMatrix     *self,
              GtkLabel              *label,
              const QaConsensusItem *item,
              guint                  column)
{
  g_autofree char *text = item->default_percent >= 0 ? g_strdup_printf ("%d", item->default_percent)
                                                     : g_strdup ("—");

  gtk_label_set_label (label, text);
}

static void
bind_spread (QaConsensusMatrix     *self,
             GtkLabel              *label,
             const QaConsensusItem *item,
             guint                  column)
{
  g_autofree char *text = NULL;

  if (item->scorers == 0)
    text = g_strdup ("—");
  else if (item->flagged)
    /* Translators: a spread of scores flagged for discussion, e.g. “30 ⚑” */
    text = g_strdup_printf (_("%d ⚑"), item->spread);
  else
    text = g_strdup_printf ("%d", item->spread);
  gtk_label_set_label (label, text);
  if (item->flagged)
    {
      gtk_widget_add_css_class (GTK_WIDGET (label), "warning");
      gtk_widget_set_tooltip_text (GTK_WIDGET (label),
                                   _("Flagged: the scores lie as far apart as the profile’s discussion spread or more"));
    }
}

static void
bind_consensus (QaConsensusMatrix     *self,
                GtkLabel              *label,
                const QaConsensusItem *item,
                guint                  column)
{
  g_autofree char *text = NULL;

  if (item->percent < 0)
    text = g_strdup ("—");
  else if (item->stale)
    /* Translators: a consensus to agree again: a newer sheet moved the default it was decided against */
    text = g_strdup_printf (_("%d ⟳"), item->percent);
  else if (item->recorded && item->percent != item->default_percent)
    /* Translators: a consensus the chair set away from the default, with a rationale */
    text = g_strdup_printf (_("%d ✎"), item->percent);
  else if (item->recorded)
    text = g_strdup_printf (_("%d ✓"), item->percent);
  else
    text = g_strdup_printf ("%d", item->percent);
  gtk_label_set_label (label, text);
  gtk_widget_add_css_class (GTK_WIDGET (label), "consensus-value");
  if (item->stale)
    {
      g_autofree char *tip = g_strdup_printf (_("Not agreed: decided against a default of %d%%, which a newer score sheet moved to %d%%"),
                                              item->decided_default, item->default_percent);

      gtk_widget_add_css_class (GTK_WIDGET (label), "warning");
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), tip);
    }
  else if (item->rationale != NULL)
    gtk_widget_set_tooltip_text (GTK_WIDGET (label), item->rationale);
  else if (item->recorded)
    gtk_widget_set_tooltip_text (GTK_WIDGET (label), _("Agreed by the panel"));
  else
    gtk_widget_set_tooltip_text (GTK_WIDGET (label), _("The default, not yet agreed"));
}

static void
bind_item_points (QaConsensusMatrix     *self,
                  GtkLabel              *label,
                  const QaConsensusItem *item,
                  guint                  column)
{
  g_autofree char *text = item->percent >= 0 ? qa_consensus_format_points (item->points_x100)
                                             : g_strdup ("—");

  gtk_label_set_label (label, text);
}

/* Loading ------------------------------------------------------------------------------------ */

static const char *
method_title (QaProfile *profile)
{
  switch (qa_profile_get_consensus_method (profile))
    {
    case QA_CONSENSUS_METHOD_MEAN:
    case QA_CONSENSUS_METHOD_MEDIAN:
      /* Translators: column heading, the profile's default consensus (默认) */
      return C_("default method", "Default");
    case QA_CONSENSUS_METHOD_TRIMMED_MEAN:
    default:
      /* Translators: column heading, the default consensus by the trimmed mean (截尾) */
      return C_("default method", "Trimmed");
    }
}

static void
build_columns (QaConsensusMatrix *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->column_view, column);
    }

  /* Translators: column heading, the GB/T 19580 item (条款) */
  add_column (self, _("Item"), bind_clause, 0, 0, 60);
  /* Translators: column heading, the points an item is worth (分值) */
  add_column (self, _("Points"), bind_points, 0, 1, 46);
  for (guint i = 0; self->reviewers[i] != NULL; i++)
    {
      g_autofree char *name = qa_experts_dup_name (self->session, self->reviewers[i]);

      add_column (self, name != NULL ? name : self->reviewers[i], bind_reviewer, i, 1, 48);
    }
  /* Translators: column heading (均值) */
  add_column (self, _("Mean"), bind_mean, 0, 1, 50);
  /* Translators: column heading (中位) */
  add_column (self, _("Median"), bind_median, 0, 1, 58);
  add_column (self, method_title (qa_session_get_profile (self->session)), bind_default, 0, 1, 68);
  /* Translators: column heading, max − min of the scores (极差) */
  add_column (self, _("Spread"), bind_spread, 0, 1, 56);
  /* Translators: column heading, the agreed percentage (共识%) */
  add_column (self, C_("column", "Consensus"), bind_consensus, 0, 1, 80);
  /* Translators: column heading, the item's points at the consensus (得分) */
  add_column (self, _("Score"), bind_item_points, 0, 1, 56);
}

static gboolean
load_scores (QaConsensusMatrix *self,
             QaStage            stage,
             const char        *applicant_id,
             GError           **error)
{
  g_autoptr(GPtrArray) records = qa_scores_list (self->session, stage, NULL, applicant_id, error);

  if (records == NULL)
    return FALSE;
  g_hash_table_remove_all (self->scores);
  for (guint i = 0; i < records->len; i++)
    {
      const QaScoreRecord *record = g_ptr_array_index (records, i);

      g_hash_table_insert (self->scores, g_strconcat (record->item, "\n", record->reviewer_id, NULL),
                           GINT_TO_POINTER (record->percent + 1));
    }
  return TRUE;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  QaConsensusMatrix *self = user_data;

  return !self->only_flagged || row_item (item)->flagged;
}

static void
selection_changed_cb (QaConsensusMatrix *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

gboolean
qa_consensus_matrix_load (QaConsensusMatrix *self,
                          QaSession         *session,
                          QaStage            stage,
                          const char        *applicant_id,
                          GError           **error)
{
  g_autoptr(QaConsensusModel) model = NULL;
  g_autoptr(QaPanel) panel = NULL;
  g_autoptr(GStrvBuilder) reviewers = g_strv_builder_new ();

  g_return_val_if_fail (QA_IS_CONSENSUS_MATRIX (self), FALSE);

  g_set_object (&self->session, session);
  if (session == NULL || applicant_id == NULL)
    {
      g_clear_object (&self->model);
      gtk_filter_list_model_set_model (self->filtered, NULL);
      return TRUE;
    }

  model = qa_consensus_model_new (session, stage, applicant_id, error);
  if (model == NULL)
    return FALSE;
  panel = qa_panel_load (session, stage, error);
  if (panel == NULL || !load_scores (self, stage, applicant_id, error))
    return FALSE;

  /* The columns are the members who score the applicant. */
  for (const char * const *m = qa_panel_get_members (panel); *m != NULL; m++)
    if (g_strv_contains (qa_panel_get_scorers (panel, applicant_id), *m))
      g_strv_builder_add (reviewers, *m);
  g_strfreev (self->reviewers);
  self->reviewers = g_strv_builder_end (reviewers);

  g_set_object (&self->model, model);
  build_columns (self);
  gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (self->model));
  gtk_single_selection_set_selected (self->selection, 0);
  return TRUE;
}

gboolean
qa_consensus_matrix_reload (QaConsensusMatrix *self,
                            GError           **error)
{
  g_autofree char *selected = NULL;
  QaConsensusRow *row;

  g_return_val_if_fail (QA_IS_CONSENSUS_MATRIX (self), FALSE);

  if (self->model == NULL)
    return TRUE;

  row = qa_consensus_matrix_get_selected (self);
  if (row != NULL)
    selected = g_strdup (qa_consensus_row_get_item (row)->item);
  if (!load_scores (self, qa_consensus_model_get_stage (self->model),
                    qa_consensus_model_get_applicant_id (self->model), error) ||
      !qa_consensus_model_reload (self->model, error))
    return FALSE;
  if (selected != NULL)
    qa_consensus_matrix_select_item (self, selected);
  return TRUE;
}

/* GObject ------------------------------------------------------------------------------------ */

static void
qa_consensus_matrix_dispose (GObject *object)
{
  QaConsensusMatrix *self = QA_CONSENSUS_MATRIX (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), QA_TYPE_CONSENSUS_MATRIX);
  _qa_ui_dispose_children (GTK_WIDGET (self));
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->session);
  g_clear_pointer (&self->reviewers, g_strfreev);
  g_clear_pointer (&self->scores, g_hash_table_unref);

  G_OBJECT_CLASS (qa_consensus_matrix_parent_class)->dispose (object);
}

static void
qa_consensus_matrix_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  QaConsensusMatrix *self = QA_CONSENSUS_MATRIX (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_object (value, qa_consensus_matrix_get_selected (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_consensus_matrix_class_init (QaConsensusMatrixClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qa_consensus_matrix_dispose;
  object_class->get_property = qa_consensus_matrix_get_property;

  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, QA_TYPE_CONSENSUS_ROW,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/qa-consensus-matrix.ui");
  gtk_widget_class_bind_template_child (widget_class, QaConsensusMatrix, column_view);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusMatrix, scroller);

  gtk_widget_class_set_css_name (widget_class, "consensus-matrix");
}

static void
qa_consensus_matrix_init (QaConsensusMatrix *self)
{
  self->scores = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->reviewers = g_new0 (char *, 1);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filtered));
  gtk_single_selection_set_can_unselect (self->selection, FALSE);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (selection_changed_cb), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
}

GtkWidget *
qa_consensus_matrix_new (void)
{
  return g_object_new (QA_TYPE_CONSENSUS_MATRIX, NULL);
}

void
qa_consensus_matrix_set_only_flagged (QaConsensusMatrix *self,
                                      gboolean           only_flagged)
{
  g_autofree char *selected = NULL;
  QaConsensusRow *row;

  g_return_if_fail (QA_IS_CONSENSUS_MATRIX (self));

  if (self->only_flagged == only_flagged)
    return;
  row = qa_consensus_matrix_get_selected (self);
  if (row != NULL)
    selected = g_strdup (qa_consensus_row_get_item (row)->item);
  self->only_flagged = only_flagged;
  gtk_filter_changed (GTK_FILTER (self->filter),
                      only_flagged ? GTK_FILTER_CHANGE_MORE_STRICT : GTK_FILTER_CHANGE_LESS_STRICT);
  if (selected == NULL || !qa_consensus_matrix_select_item (self, selected))
    gtk_single_selection_set_selected (self->selection, 0);
}

QaConsensusModel *
qa_consensus_matrix_get_model (QaConsensusMatrix *self)
{
  g_return_val_if_fail (QA_IS_CONSENSUS_MATRIX (self), NULL);
  return self->model;
}

GListModel *
qa_consensus_matrix_get_shown (QaConsensusMatrix *self)
{
  g_return_val_if_fail (QA_IS_CONSENSUS_MATRIX (self), NULL);
  return G_LIST_MODEL (self->filtered);
}

QaConsensusRow *
qa_consensus_matrix_get_selected (QaConsensusMatrix *self)
{
  g_return_val_if_fail (QA_IS_CONSENSUS_MATRIX (self), NULL);
  return gtk_single_selection_get_selected_item (self->selection);
}

/* GTK 4.8 has no gtk_column_view_scroll_to() (4.12). The column view's rows are a GtkListView
 * inside it, whose "list.scroll-to-item" action (the one a row uses when it takes the focus)
 * anchors the list at the row: it is laid out in view however tall the rows turn out. */
static void
scroll_to (QaConsensusMatrix *self,
           guint              position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      {
        gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
        return;
      }
  g_warn_if_reached ();
}

gboolean
qa_consensus_matrix_select_item (QaConsensusMatrix *self,
                                 const char        *item_code)
{
  GListModel *shown;

  g_return_val_if_fail (QA_IS_CONSENSUS_MATRIX (self), FALSE);

  shown = G_LIST_MODEL (self->filtered);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(QaConsensusRow) row = g_list_model_get_item (shown, i);

      if (g_strcmp0 (qa_consensus_row_get_item (row)->item, item_code) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          scroll_to (self, i);
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
qa_consensus_matrix_select_next (QaConsensusMatrix *self)
{
  guint position;

  g_return_val_if_fail (QA_IS_CONSENSUS_MATRIX (self), FALSE);

  position = gtk_single_selection_get_selected (self->selection);
  if (position == GTK_INVALID_LIST_POSITION ||
      position + 1 >= g_list_model_get_n_items (G_LIST_MODEL (self->filtered)))
    return FALSE;
  gtk_single_selection_set_selected (self->selection, position + 1);
  scroll_to (self, position + 1);
  return TRUE;
}

gboolean
qa_consensus_matrix_select_next_flagged (QaConsensusMatrix *self)
{
  GListModel *shown;
  guint position;
  guint n;

  g_return_val_if_fail (QA_IS_CONSENSUS_MATRIX (self), FALSE);

  shown = G_LIST_MODEL (self->filtered);
  n = g_list_model_get_n_items (shown);
  position = gtk_single_selection_get_selected (self->selection);
  if (position == GTK_INVALID_LIST_POSITION)
    position = n - 1;
  /* After the selected row, round to the top; the selected row itself last. */
  for (guint k = 1; k <= n; k++)
    {
      guint i = (position + k) % n;
      g_autoptr(QaConsensusRow) row = g_list_model_get_item (shown, i);

      if (qa_consensus_row_get_item (row)->flagged)
        {
          gtk_single_selection_set_selected (self->selection, i);
          scroll_to (self, i);
          return TRUE;
        }
    }
  return FALSE;
}

int
qa_consensus_matrix_get_score (QaConsensusMatrix *self,
                               const char        *item_code,
                               const char        *reviewer_id)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (QA_IS_CONSENSUS_MATRIX (self), -1);

  key = g_strconcat (item_code, "\n", reviewer_id, NULL);
  return GPOINTER_TO_INT (g_hash_table_lookup (self->scores, key)) - 1;
}

const char * const *
qa_consensus_matrix_get_reviewers (QaConsensusMatrix *self)
{
  g_return_val_if_fail (QA_IS_CONSENSUS_MATRIX (self), NULL);
  return (const char * const *)self->reviewers;
}
