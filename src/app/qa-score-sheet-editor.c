/* qa-score-sheet-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-score-sheet-editor"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "qa-item-notes.h"
#include "qa-item-score-row.h"
#include "qa-score-sheet-editor.h"

/* Room kept above and below the selected item, so its category and next item show too. */
#define SCROLL_MARGIN 56

struct _QaScoreSheetEditor
{
  GtkWidget       parent_instance;

  /* Owned */
  QaCriteria     *criteria;
  QaScoreSheet   *sheet;
  /* Every QaItemScoreRow in clause order, and each category's subtotal label; the list boxes
   * own them. */
  GPtrArray      *rows;
  GPtrArray      *subtotal_labels;
  guint           scroll_tick;
  guint           scroll_frames;
  double          total;
  guint           n_scored;

  /* Borrowed */
  QaItemScoreRow *current;

  /* Template widgets */
  GtkBox         *categories_box;
  QaItemGuide    *guide;
  QaItemNotes    *notes;
  AdwClamp          *sheet_clamp;
  GtkScrolledWindow *sheet_scroller;
};

G_DEFINE_FINAL_TYPE (QaScoreSheetEditor, qa_score_sheet_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SHEET,
  PROP_TOTAL,
  PROP_N_SCORED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static QaItemScoreRow *
row_at (QaScoreSheetEditor *self,
        int                 index)
{
  if (index < 0 || index >= (int)self->rows->len)
    return NULL;

  return g_ptr_array_index (self->rows, index);
}

static int
row_index (QaScoreSheetEditor *self,
           QaItemScoreRow     *row)
{
  guint index;

  if (row == NULL || !g_ptr_array_find (self->rows, row, &index))
    return -1;

  return index;
}

static QaItemScoreRow *
find_row (QaScoreSheetEditor *self,
          const char         *item_code)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      QaItemScoreRow *row = g_ptr_array_index (self->rows, i);
      QaItem *item = qa_item_score_get_item (qa_item_score_row_get_score (row));

      if (g_strcmp0 (qa_item_get_code (item), item_code) == 0)
        return row;
    }

  return NULL;
}

static const char *
row_code (QaItemScoreRow *row)
{
  return qa_item_get_code (qa_item_score_get_item (qa_item_score_row_get_score (row)));
}

static void
focus_row (QaScoreSheetEditor *self,
           QaItemScoreRow     *row)
{
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (qa_item_score_row_get_entry (row)));
}

/* Keeps the selected item in sight with some room around it. Run for two frames: a hint that
 * just appeared on the row before moves this one down only once the next layout is done. */
static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  QaScoreSheetEditor *self = QA_SCORE_SHEET_EDITOR (widget);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->sheet_scroller);
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);
  graphene_rect_t bounds;

  if (self->current != NULL &&
      gtk_widget_compute_bounds (GTK_WIDGET (self->current), GTK_WIDGET (self->sheet_clamp), &bounds))
    {
      double top = bounds.origin.y - SCROLL_MARGIN;
      double bottom = bounds.origin.y + bounds.size.height + SCROLL_MARGIN;

      if (top < value)
        gtk_adjustment_set_value (adjustment, top);
      else if (bottom > value + page)
        gtk_adjustment_set_value (adjustment, MIN (top, bottom - page));
    }

  if (++self->scroll_frames < 2)
    return G_SOURCE_CONTINUE;

  self->scroll_tick = 0;
  return G_SOURCE_REMOVE;
}

static void
scroll_to_current (QaScoreSheetEditor *self)
{
  self->scroll_frames = 0;
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick_cb, NULL, NULL);
}

static void
select_row (QaScoreSheetEditor *self,
            QaItemScoreRow     *row)
{
  QaItemScore *score;

  if (self->current == row)
    return;

  if (self->current != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->current), "current");

  self->current = row;
  if (row == NULL)
    {
      qa_item_notes_set_score (self->notes, NULL, NULL);
      return;
    }

  score = qa_item_score_row_get_score (row);
  gtk_widget_add_css_class (GTK_WIDGET (row), "current");
  scroll_to_current (self);

  qa_item_guide_set_item (self->guide, self->criteria, qa_item_score_get_item (score));
  qa_item_guide_set_percent (self->guide, qa_item_score_row_get_shown_percent (row));
  qa_item_notes_set_score (self->notes, self->sheet, score);
}

static void
update_totals (QaScoreSheetEditor *self)
{
  double total = 0;
  guint n_scored = 0;

  for (guint i = 0; i < self->subtotal_labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (self->subtotal_labels, i);
      const char *category = g_object_get_data (G_OBJECT (label), "qa-category");
      g_autofree char *text = NULL;
      double subtotal = 0;

      for (guint j = 0; j < self->rows->len; j++)
        {
          QaItemScoreRow *row = g_ptr_array_index (self->rows, j);
          QaItem *item = qa_item_score_get_item (qa_item_score_row_get_score (row));
          double points = qa_item_score_row_get_shown_points (row);

          if (points < 0 || g_strcmp0 (qa_item_get_category_code (item), category) != 0)
            continue;
          subtotal += points;
          n_scored++;
        }

      total += subtotal;
      /* Translators: a category's points so far, e.g. “Subtotal 66.0” (小计) */
      text = g_strdup_printf (_("Subtotal %.1f"), subtotal);
      gtk_label_set_label (label, text);
    }

  if (self->total != total)
    {
      self->total = total;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
    }

  if (self->n_scored != n_scored)
    {
      self->n_scored = n_scored;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SCORED]);
    }
}

static void
shown_percent_changed_cb (QaScoreSheetEditor *self,
                          GParamSpec         *pspec,
                          QaItemScoreRow     *row)
{
  g_assert (QA_IS_SCORE_SHEET_EDITOR (self));

  update_totals (self);

  if (row == self->current)
    qa_item_guide_set_percent (self->guide, qa_item_score_row_get_shown_percent (row));
}

static void
row_leave_cb (QaScoreSheetEditor *self,
              GtkDirectionType    direction,
              QaItemScoreRow     *row)
{
  int index = row_index (self, row);

  g_assert (QA_IS_SCORE_SHEET_EDITOR (self));

  switch ((int)direction)
    {
    case GTK_DIR_DOWN:
      if (index + 1 < (int)self->rows->len)
        focus_row (self, row_at (self, index + 1));
      else
        qa_score_sheet_editor_focus_next_unscored (self);
      break;

    case GTK_DIR_UP:
    case GTK_DIR_TAB_BACKWARD:
      focus_row (self, row_at (self, index - 1));
      break;

    case GTK_DIR_TAB_FORWARD:
      if (!qa_item_notes_focus (self->notes))
        focus_row (self, row_at (self, index + 1));
      break;

    default:
      break;
    }
}

static void
row_focus_enter_cb (GtkEventControllerFocus *controller,
                    QaScoreSheetEditor      *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  select_row (self, QA_ITEM_SCORE_ROW (row));
}

static void
row_activated_cb (GtkListBox         *list,
                  GtkListBoxRow      *row,
                  QaScoreSheetEditor *self)
{
  focus_row (self, QA_ITEM_SCORE_ROW (row));
}

/* Tab and Shift+Tab walk percentage → strengths → improvements → the next item's percentage;
 * Escape in the notes goes back to the percentage. */
static void
notes_leave_cb (QaScoreSheetEditor *self,
                gboolean            forward,
                QaItemNotes        *notes)
{
  QaItemScoreRow *next = row_at (self, row_index (self, self->current) + 1);

  g_assert (QA_IS_SCORE_SHEET_EDITOR (self));

  focus_row (self, forward && next != NULL ? next : self->current);
}

static GtkWidget *
create_category_header (QaScoreSheetEditor *self,
                        QaCategory         *category)
{
  g_autofree char *title = NULL;
  g_autofree char *points = NULL;
  GtkWidget *header;
  GtkWidget *label;
  GtkWidget *subtotal;

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_add_css_class (header, "category-header");

  title = g_strdup_printf ("%s %s", qa_category_get_code (category), qa_category_get_name (category));
  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (header), label);

  points = g_strdup_printf (ngettext ("%u point", "%u points", qa_category_get_points (category)),
                            qa_category_get_points (category));
  label = gtk_label_new (points);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (header), label);

  subtotal = gtk_label_new (NULL);
  gtk_widget_add_css_class (subtotal, "numeric");
  gtk_widget_add_css_class (subtotal, "subtotal");
  g_object_set_data_full (G_OBJECT (subtotal), "qa-category",
                          g_strdup (qa_category_get_code (category)), g_free);
  g_ptr_array_add (self->subtotal_labels, subtotal);
  gtk_box_append (GTK_BOX (header), subtotal);

  return header;
}

static void
add_category (QaScoreSheetEditor *self,
              QaCategory         *category)
{
  GListModel *items = qa_category_get_items (category);
  GtkWidget *list;

  gtk_box_append (self->categories_box, create_category_header (self, category));

  /* A fixed form of the criteria's items, not a list that grows: each row keeps its field. */
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_add_css_class (list, "score-list");
  g_signal_connect (list, "row-activated", G_CALLBACK (row_activated_cb), self);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(QaItem) item = g_list_model_get_item (items, i);
      QaItemScore *score = qa_score_sheet_lookup (self->sheet, qa_item_get_code (item));
      GtkEventController *focus;
      GtkWidget *row;

      if (score == NULL)
        continue;

      row = qa_item_score_row_new (self->sheet, score);
      g_signal_connect_object (row, "leave", G_CALLBACK (row_leave_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (row, "notify::shown-percent",
                               G_CALLBACK (shown_percent_changed_cb), self, G_CONNECT_SWAPPED);
      focus = gtk_event_controller_focus_new ();
      g_signal_connect (focus, "enter", G_CALLBACK (row_focus_enter_cb), self);
      gtk_widget_add_controller (row, focus);

      gtk_list_box_append (GTK_LIST_BOX (list), row);
      g_ptr_array_add (self->rows, row);
    }

  gtk_box_append (self->categories_box, list);
}

static void
clear_sheet (QaScoreSheetEditor *self)
{
  GtkWidget *child;

  select_row (self, NULL);
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->subtotal_labels, 0);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->categories_box))))
    gtk_box_remove (self->categories_box, child);
}

static void
qa_score_sheet_editor_dispose (GObject *object)
{
  QaScoreSheetEditor *self = (QaScoreSheetEditor *)object;
  GtkWidget *child;

  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
  self->scroll_tick = 0;
  self->current = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (self), QA_TYPE_SCORE_SHEET_EDITOR);
  /* gtk_widget_dispose_template() only unparents the children it binds. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->subtotal_labels, g_ptr_array_unref);
  g_clear_object (&self->criteria);
  g_clear_object (&self->sheet);

  G_OBJECT_CLASS (qa_score_sheet_editor_parent_class)->dispose (object);
}

static void
qa_score_sheet_editor_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  QaScoreSheetEditor *self = QA_SCORE_SHEET_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SHEET:
      g_value_set_object (value, self->sheet);
      break;

    case PROP_TOTAL:
      g_value_set_double (value, self->total);
      break;

    case PROP_N_SCORED:
      g_value_set_uint (value, self->n_scored);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_score_sheet_editor_class_init (QaScoreSheetEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qa_score_sheet_editor_dispose;
  object_class->get_property = qa_score_sheet_editor_get_property;

  properties[PROP_SHEET] =
    g_param_spec_object ("sheet", NULL, NULL,
                         QA_TYPE_SCORE_SHEET,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TOTAL] =
    g_param_spec_double ("total", NULL, NULL,
                         0, G_MAXDOUBLE, 0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_SCORED] =
    g_param_spec_uint ("n-scored", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (QA_TYPE_ITEM_GUIDE);
  g_type_ensure (QA_TYPE_ITEM_NOTES);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/qa-score-sheet-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, QaScoreSheetEditor, categories_box);
  gtk_widget_class_bind_template_child (widget_class, QaScoreSheetEditor, guide);
  gtk_widget_class_bind_template_child (widget_class, QaScoreSheetEditor, notes);
  gtk_widget_class_bind_template_child (widget_class, QaScoreSheetEditor, sheet_clamp);
  gtk_widget_class_bind_template_child (widget_class, QaScoreSheetEditor, sheet_scroller);
  gtk_widget_class_bind_template_callback (widget_class, notes_leave_cb);

  gtk_widget_class_set_css_name (widget_class, "score-sheet-editor");
}

static void
qa_score_sheet_editor_init (QaScoreSheetEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new ();
  self->subtotal_labels = g_ptr_array_new ();
}

GtkWidget *
qa_score_sheet_editor_new (void)
{
  return g_object_new (QA_TYPE_SCORE_SHEET_EDITOR, NULL);
}

QaScoreSheet *
qa_score_sheet_editor_get_sheet (QaScoreSheetEditor *self)
{
  g_return_val_if_fail (QA_IS_SCORE_SHEET_EDITOR (self), NULL);

  return self->sheet;
}

void
qa_score_sheet_editor_set_sheet (QaScoreSheetEditor *self,
                                 QaCriteria         *criteria,
                                 QaScoreSheet       *sheet,
                                 const char         *item_code)
{
  GListModel *categories;
  QaItemScoreRow *row = NULL;

  g_return_if_fail (QA_IS_SCORE_SHEET_EDITOR (self));
  g_return_if_fail (!sheet || QA_IS_CRITERIA (criteria));
  g_return_if_fail (!sheet || QA_IS_SCORE_SHEET (sheet));

  if (self->sheet == sheet)
    return;

  clear_sheet (self);
  g_set_object (&self->criteria, criteria);
  g_set_object (&self->sheet, sheet);

  if (sheet != NULL)
    {
      categories = qa_criteria_get_categories (criteria);
      for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
        {
          g_autoptr(QaCategory) category = g_list_model_get_item (categories, i);

          add_category (self, category);
        }
    }

  update_totals (self);

  if (item_code != NULL)
    row = find_row (self, item_code);
  for (guint i = 0; row == NULL && i < self->rows->len; i++)
    {
      if (qa_item_score_row_get_shown_percent (row_at (self, i)) < 0)
        row = row_at (self, i);
    }
  if (row == NULL)
    row = row_at (self, 0);
  select_row (self, row);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHEET]);
}

double
qa_score_sheet_editor_get_total (QaScoreSheetEditor *self)
{
  g_return_val_if_fail (QA_IS_SCORE_SHEET_EDITOR (self), 0);

  return self->total;
}

guint
qa_score_sheet_editor_get_n_scored (QaScoreSheetEditor *self)
{
  g_return_val_if_fail (QA_IS_SCORE_SHEET_EDITOR (self), 0);

  return self->n_scored;
}

const char *
qa_score_sheet_editor_get_current_item (QaScoreSheetEditor *self)
{
  g_return_val_if_fail (QA_IS_SCORE_SHEET_EDITOR (self), NULL);

  return self->current != NULL ? row_code (self->current) : NULL;
}

gboolean
qa_score_sheet_editor_focus_item (QaScoreSheetEditor *self,
                                  const char         *item_code)
{
  QaItemScoreRow *row;

  g_return_val_if_fail (QA_IS_SCORE_SHEET_EDITOR (self), FALSE);
  g_return_val_if_fail (item_code != NULL, FALSE);

  row = find_row (self, item_code);
  if (row == NULL)
    return FALSE;

  /* Selected now, even while the window does not have the keyboard. */
  select_row (self, row);
  focus_row (self, row);
  return TRUE;
}

gboolean
qa_score_sheet_editor_focus_next_unscored (QaScoreSheetEditor *self)
{
  int start;
  int n;

  g_return_val_if_fail (QA_IS_SCORE_SHEET_EDITOR (self), FALSE);

  n = self->rows->len;
  start = row_index (self, self->current);

  /* From the one after the current item round to the current item itself. */
  for (int i = 1; i <= n; i++)
    {
      QaItemScoreRow *row = row_at (self, (start + i) % n);
      QaItemScore *score = qa_item_score_row_get_score (row);

      if (qa_item_score_get_percent (score) < 0)
        return qa_score_sheet_editor_focus_item (self, row_code (row));
    }

  return FALSE;
}

void
qa_score_sheet_editor_save_pending (QaScoreSheetEditor *self)
{
  g_return_if_fail (QA_IS_SCORE_SHEET_EDITOR (self));

  if (self->current != NULL)
    qa_item_score_row_commit (self->current);
  qa_item_notes_save (self->notes);
}

GtkEditable *
qa_score_sheet_editor_get_entry (QaScoreSheetEditor *self,
                                 const char         *item_code)
{
  QaItemScoreRow *row;

  g_return_val_if_fail (QA_IS_SCORE_SHEET_EDITOR (self), NULL);
  g_return_val_if_fail (item_code != NULL, NULL);

  row = find_row (self, item_code);
  return row != NULL ? qa_item_score_row_get_entry (row) : NULL;
}

QaItemGuide *
qa_score_sheet_editor_get_guide (QaScoreSheetEditor *self)
{
  g_return_val_if_fail (QA_IS_SCORE_SHEET_EDITOR (self), NULL);

  return self->guide;
}
