/* qa-conflict-matrix.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-conflict-matrix"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "qa-conflict-matrix.h"
#include "qa-experts-ui-private.h"
#include "qa-ui-private.h"

struct _QaConflictMatrix
{
  GtkWidget       parent_instance;

  /* Owned */
  QaSession      *session;
  GHashTable     *ties;   /* “expert\napplicant” → GPtrArray of QaTie, borrowed from tie_list */
  GPtrArray      *tie_list;
  GHashTable     *cells;  /* “expert\napplicant” → the cell bound to it now (not owned) */
  gboolean        dirty;  /* the ties are read again when the matrix is next shown */

  /* Template widgets */
  GtkColumnView  *column_view;
  GtkStack       *stack;
  GtkLabel       *summary_label;
};

G_DEFINE_FINAL_TYPE (QaConflictMatrix, qa_conflict_matrix, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Applicants run down the rows of a recycling list (a province has thousands), experts across
 * the columns (a pool has a dozen or two): only the rows on screen exist as widgets. */

static char *
cell_key (const char *expert_id,
          const char *applicant_id)
{
  return g_strconcat (expert_id, "\n", applicant_id, NULL);
}

/* The applicant column: reference and name, the name cut short and whole in the tooltip. */
static void
setup_applicant_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *reference = gtk_label_new (NULL);
  GtkWidget *name = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "matrix-header");
  gtk_widget_add_css_class (reference, "numeric");
  gtk_widget_add_css_class (reference, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (name), 22);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 22);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_box_append (GTK_BOX (box), reference);
  gtk_box_append (GTK_BOX (box), name);
  gtk_list_item_set_child (item, box);
}

static void
bind_applicant_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  QaApplicant *applicant = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *reference = gtk_widget_get_first_child (box);

  gtk_label_set_label (GTK_LABEL (reference), qa_applicant_get_id (applicant));
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_next_sibling (reference)),
                       qa_applicant_get_name (applicant));
  gtk_widget_set_tooltip_text (box, qa_applicant_get_name (applicant));
}

/* An expert's column, and the expert it is of. */
typedef struct
{
  QaConflictMatrix *self;
  QaExpert         *expert;
} ExpertColumn;

static void
expert_column_free (ExpertColumn *column)
{
  g_object_unref (column->expert);
  g_free (column);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *icons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  gtk_widget_add_css_class (cell, "tie-cell");
  gtk_widget_set_halign (cell, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (icons, TRUE);
  gtk_widget_set_halign (icons, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (cell), icons);
  gtk_list_item_set_child (item, cell);
}

static void
clear_cell (GtkWidget *cell)
{
  GtkWidget *icons = gtk_widget_get_first_child (cell);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (icons)) != NULL)
    gtk_box_remove (GTK_BOX (icons), child);
  gtk_widget_remove_css_class (cell, "tied");
  gtk_widget_remove_css_class (cell, _qa_experts_ui_tie_style (QA_CONFLICT_DECLARED));
  gtk_widget_remove_css_class (cell, _qa_experts_ui_tie_style (QA_CONFLICT_AUTOMATIC));
  gtk_widget_set_tooltip_text (cell, NULL);
}

/* @ties (QaTie) are those of one expert with one applicant, possibly none. */
static void
show_ties (QaSession   *session,
           GtkWidget   *cell,
           QaExpert    *expert,
           QaApplicant *applicant,
           GPtrArray   *ties)
{
  g_autoptr(GString) tooltip = NULL;
  gboolean shown[QA_CONFLICT_AUTOMATIC + 1] = { FALSE, };

  clear_cell (cell);
  if (ties == NULL || ties->len == 0)
    return;

  /* Translators: the two sides of a tie, e.g. “刘芳 (E04) — A02 甘州区黑河水务集团有限公司” */
  tooltip = g_string_new (NULL);
  g_string_append_printf (tooltip, _("%s (%s) — %s %s"),
                          qa_expert_get_name (expert), qa_expert_get_id (expert),
                          qa_applicant_get_id (applicant), qa_applicant_get_name (applicant));

  for (guint i = 0; i < ties->len; i++)
    {
      const QaTie *tie = g_ptr_array_index (ties, i);
      g_autofree char *description = _qa_experts_ui_describe_tie (session, tie);
      /* A declared tie and one the secretariat added look alike: both are on record. */
      QaConflictSource look = tie->source == QA_CONFLICT_AUTOMATIC ? QA_CONFLICT_AUTOMATIC
                                                                   : QA_CONFLICT_DECLARED;

      g_string_append_c (tooltip, '\n');
      g_string_append (tooltip, description);

      if (shown[look])
        continue;
      shown[look] = TRUE;

      gtk_box_append (GTK_BOX (gtk_widget_get_first_child (cell)),
                      gtk_image_new_from_icon_name (_qa_experts_ui_tie_icon_name (tie->source)));
      gtk_widget_add_css_class (cell, _qa_experts_ui_tie_style (tie->source));
    }

  gtk_widget_add_css_class (cell, "tied");
  gtk_widget_set_tooltip_text (cell, tooltip->str);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              ExpertColumn             *column)
{
  QaConflictMatrix *self = column->self;
  QaApplicant *applicant = gtk_list_item_get_item (item);
  GtkWidget *cell = gtk_list_item_get_child (item);
  char *key = cell_key (qa_expert_get_id (column->expert), qa_applicant_get_id (applicant));

  show_ties (self->session, cell, column->expert, applicant, g_hash_table_lookup (self->ties, key));
  g_object_set_data_full (G_OBJECT (cell), "qa-cell-key", g_strdup (key), g_free);
  g_hash_table_replace (self->cells, key, cell);
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                ExpertColumn             *column)
{
  GtkWidget *cell = gtk_list_item_get_child (item);
  const char *key = g_object_get_data (G_OBJECT (cell), "qa-cell-key");

  if (key != NULL && g_hash_table_lookup (column->self->cells, key) == cell)
    g_hash_table_remove (column->self->cells, key);
  g_object_set_data (G_OBJECT (cell), "qa-cell-key", NULL);
}

static GtkColumnViewColumn *
expert_column_new (QaConflictMatrix *self,
                   QaExpert         *expert)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  ExpertColumn *column = g_new0 (ExpertColumn, 1);
  g_autofree char *title = NULL;

  column->self = self;
  column->expert = g_object_ref (expert);
  g_object_set_data_full (G_OBJECT (factory), "qa-expert-column", column,
                          (GDestroyNotify)expert_column_free);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), column);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), column);

  /* The expert's reference and name, e.g. “E04 刘芳”. */
  title = g_strdup_printf ("%s %s", qa_expert_get_id (expert), qa_expert_get_name (expert));
  return gtk_column_view_column_new (title, factory);
}

static void
remove_columns (QaConflictMatrix *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->column_view, column);
    }
}

static void
update_summary (QaConflictMatrix *self,
                guint             n_recorded,
                guint             n_found)
{
  g_autofree char *recorded = NULL;
  g_autofree char *found = NULL;
  g_autofree char *summary = NULL;

  recorded = g_strdup_printf (ngettext ("%u tie recorded", "%u ties recorded", n_recorded),
                              n_recorded);
  found = g_strdup_printf (ngettext ("%u found from the records", "%u found from the records",
                                     n_found),
                           n_found);
  /* Translators: the two counts above, then what a tie means */
  summary = g_strdup_printf (_("%s, %s. An expert does not score an applicant they have a tie "
                               "with (recusal); hover over a cell for the tie’s kind and reason."),
                             recorded, found);
  gtk_label_set_label (self->summary_label, summary);
}

/* Ties by “expert\napplicant”, each a GPtrArray of QaTie borrowed from @ties. */
static GHashTable *
index_ties (GPtrArray *ties,
            guint     *n_recorded,
            guint     *n_found)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify)g_ptr_array_unref);

  *n_recorded = *n_found = 0;
  for (guint i = 0; ties != NULL && i < ties->len; i++)
    {
      QaTie *tie = g_ptr_array_index (ties, i);
      g_autofree char *key = cell_key (tie->expert_id, tie->applicant_id);
      GPtrArray *same = g_hash_table_lookup (index, key);

      if (same == NULL)
        {
          same = g_ptr_array_new ();
          g_hash_table_insert (index, g_steal_pointer (&key), same);
        }
      g_ptr_array_add (same, tie);

      if (tie->source == QA_CONFLICT_AUTOMATIC)
        (*n_found)++;
      else
        (*n_recorded)++;
    }

  return index;
}

static void
rebuild (QaConflictMatrix *self)
{
  g_autoptr(GError) error = NULL;
  GListModel *experts = NULL;
  GListModel *applicants = NULL;
  GtkListItemFactory *factory;
  guint n_experts = 0;
  guint n_applicants = 0;
  guint n_recorded;
  guint n_found;

  g_assert (QA_IS_CONFLICT_MATRIX (self));

  /* Hidden, it waits until it is shown: nothing off screen is built. */
  self->dirty = !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (self->dirty && self->session != NULL)
    return;

  gtk_column_view_set_model (self->column_view, NULL);
  remove_columns (self);
  g_hash_table_remove_all (self->cells);
  g_clear_pointer (&self->ties, g_hash_table_unref);
  g_clear_pointer (&self->tie_list, g_ptr_array_unref);

  if (self->session != NULL)
    {
      experts = qa_session_get_experts (self->session);
      applicants = qa_session_get_applicants (self->session);
      n_experts = g_list_model_get_n_items (experts);
      n_applicants = g_list_model_get_n_items (applicants);
    }

  gtk_stack_set_visible_child_name (self->stack,
                                    n_experts > 0 && n_applicants > 0 ? "matrix" : "empty");
  if (n_experts == 0 || n_applicants == 0)
    {
      self->ties = g_hash_table_new (g_str_hash, g_str_equal);
      return;
    }

  self->tie_list = qa_experts_list_ties (self->session, &error);
  if (self->tie_list == NULL)
    g_warning ("Could not read the ties: %s", error->message);
  self->ties = index_ties (self->tie_list, &n_recorded, &n_found);
  update_summary (self, n_recorded, n_found);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_applicant_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_applicant_cb), NULL);
  {
    g_autoptr(GtkColumnViewColumn) column =
      gtk_column_view_column_new (_("Applicant"), factory);

    gtk_column_view_append_column (self->column_view, column);
  }

  for (guint e = 0; e < n_experts; e++)
    {
      g_autoptr(QaExpert) expert = g_list_model_get_item (experts, e);
      g_autoptr(GtkColumnViewColumn) column = expert_column_new (self, expert);

      gtk_column_view_append_column (self->column_view, column);
    }

  {
    g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (g_object_ref (applicants));

    gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  }
}

static void
map_cb (QaConflictMatrix *self)
{
  if (self->dirty)
    rebuild (self);
}

static void
list_changed_cb (QaConflictMatrix *self,
                 guint             position,
                 guint             removed,
                 guint             added,
                 GListModel       *model)
{
  g_assert (QA_IS_CONFLICT_MATRIX (self));

  rebuild (self);
}

static void
disconnect_session (QaConflictMatrix *self)
{
  if (self->session == NULL)
    return;

  g_signal_handlers_disconnect_by_func (qa_session_get_experts (self->session),
                                        G_CALLBACK (list_changed_cb), self);
  g_signal_handlers_disconnect_by_func (qa_session_get_applicants (self->session),
                                        G_CALLBACK (list_changed_cb), self);
}

static void
qa_conflict_matrix_dispose (GObject *object)
{
  QaConflictMatrix *self = (QaConflictMatrix *)object;
  disconnect_session (self);
  g_clear_object (&self->session);
  if (self->column_view != NULL)
    {
      gtk_column_view_set_model (self->column_view, NULL);
      remove_columns (self);
    }
  g_clear_pointer (&self->cells, g_hash_table_unref);
  g_clear_pointer (&self->ties, g_hash_table_unref);
  g_clear_pointer (&self->tie_list, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), QA_TYPE_CONFLICT_MATRIX);
  _qa_ui_dispose_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (qa_conflict_matrix_parent_class)->dispose (object);
}

static void
qa_conflict_matrix_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  QaConflictMatrix *self = QA_CONFLICT_MATRIX (object);

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
qa_conflict_matrix_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  QaConflictMatrix *self = QA_CONFLICT_MATRIX (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      qa_conflict_matrix_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_conflict_matrix_class_init (QaConflictMatrixClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qa_conflict_matrix_dispose;
  object_class->get_property = qa_conflict_matrix_get_property;
  object_class->set_property = qa_conflict_matrix_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         QA_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/qa-conflict-matrix.ui");
  gtk_widget_class_bind_template_child (widget_class, QaConflictMatrix, column_view);
  gtk_widget_class_bind_template_child (widget_class, QaConflictMatrix, stack);
  gtk_widget_class_bind_template_child (widget_class, QaConflictMatrix, summary_label);

  gtk_widget_class_set_css_name (widget_class, "conflict-matrix");
}

static void
qa_conflict_matrix_init (QaConflictMatrix *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->ties = g_hash_table_new (g_str_hash, g_str_equal);
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
  rebuild (self);
}

GtkWidget *
qa_conflict_matrix_new (void)
{
  return g_object_new (QA_TYPE_CONFLICT_MATRIX, NULL);
}

QaSession *
qa_conflict_matrix_get_session (QaConflictMatrix *self)
{
  g_return_val_if_fail (QA_IS_CONFLICT_MATRIX (self), NULL);

  return self->session;
}

void
qa_conflict_matrix_set_session (QaConflictMatrix *self,
                                QaSession        *session)
{
  g_return_if_fail (QA_IS_CONFLICT_MATRIX (self));
  g_return_if_fail (!session || QA_IS_SESSION (session));

  if (self->session == session)
    return;

  disconnect_session (self);
  g_set_object (&self->session, session);

  if (session != NULL)
    {
      g_signal_connect_object (qa_session_get_experts (session), "items-changed",
                               G_CALLBACK (list_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (qa_session_get_applicants (session), "items-changed",
                               G_CALLBACK (list_changed_cb), self, G_CONNECT_SWAPPED);
    }

  rebuild (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

GtkWidget *
qa_conflict_matrix_get_cell (QaConflictMatrix *self,
                             const char       *expert_id,
                             const char       *applicant_id)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (QA_IS_CONFLICT_MATRIX (self), NULL);
  g_return_val_if_fail (expert_id != NULL, NULL);
  g_return_val_if_fail (applicant_id != NULL, NULL);

  key = cell_key (expert_id, applicant_id);

  return g_hash_table_lookup (self->cells, key);
}

void
qa_conflict_matrix_reload (QaConflictMatrix *self)
{
  g_return_if_fail (QA_IS_CONFLICT_MATRIX (self));

  rebuild (self);
}
