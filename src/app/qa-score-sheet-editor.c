/* qa-score-sheet-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-score-sheet-editor"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "qa-item-score-row.h"
#include "qa-score-sheet-editor.h"

/* Notes are saved this long after the last key, and at once when the keyboard leaves them. */
#define NOTES_SAVE_DELAY_MS 800
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
  guint           notes_source;
  guint           scroll_tick;
  guint           scroll_frames;
  double          total;
  guint           n_scored;
  gboolean        loading_notes;

  /* Borrowed */
  QaItemScoreRow *current;

  /* Template widgets */
  GtkBox         *categories_box;
  QaItemGuide    *guide;
  GtkTextView    *improvements_view;
  GtkLabel       *improvements_count_label;
  GtkLabel       *notes_hint_label;
  AdwClamp          *sheet_clamp;
  GtkScrolledWindow *sheet_scroller;
  GtkTextView    *strengths_view;
  GtkLabel       *strengths_count_label;
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

static char *
dup_buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
set_buffer_text (GtkTextView *view,
                 const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

static void
show_notes_hint (QaScoreSheetEditor *self,
                 const char         *text,
                 gboolean            is_error)
{
  gtk_label_set_label (self->notes_hint_label, text);

  if (is_error)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->notes_hint_label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->notes_hint_label), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->notes_hint_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->notes_hint_label), "dim-label");
    }
}

/* Notes belong to a score: an item takes them once it has a percentage. */
static void
update_notes_sensitivity (QaScoreSheetEditor *self)
{
  gboolean scored = FALSE;

  if (self->current != NULL)
    scored = qa_item_score_get_percent (qa_item_score_row_get_score (self->current)) >= 0;

  gtk_widget_set_sensitive (GTK_WIDGET (self->strengths_view), scored);
  gtk_widget_set_sensitive (GTK_WIDGET (self->improvements_view), scored);

  if (self->current == NULL)
    show_notes_hint (self, NULL, FALSE);
  else if (scored)
    show_notes_hint (self, _("Saved as you type"), FALSE);
  else
    show_notes_hint (self, _("Give the item a percentage first: its notes are kept with its score"),
                     FALSE);
}

static gboolean
same_text (const char *stored,
           const char *typed)
{
  return g_strcmp0 (stored != NULL ? stored : "", typed) == 0;
}

static void
save_notes (QaScoreSheetEditor *self)
{
  g_autofree char *strengths = NULL;
  g_autofree char *improvements = NULL;
  g_autoptr(GError) error = NULL;
  QaItemScore *score;
  int percent;

  g_clear_handle_id (&self->notes_source, g_source_remove);

  if (self->current == NULL)
    return;

  score = qa_item_score_row_get_score (self->current);
  percent = qa_item_score_get_percent (score);
  if (percent < 0)
    return;

  strengths = dup_buffer_text (self->strengths_view);
  improvements = dup_buffer_text (self->improvements_view);
  if (same_text (qa_item_score_get_strengths (score), strengths) &&
      same_text (qa_item_score_get_improvements (score), improvements))
    return;

  /* What was typed stays in the fields when it is refused, so nothing is lost. */
  if (!qa_score_sheet_set (self->sheet, row_code (self->current), percent,
                           strengths, improvements, &error))
    show_notes_hint (self, error->message, TRUE);
  else
    show_notes_hint (self, _("Saved as you type"), FALSE);
}

static gboolean
save_notes_cb (gpointer data)
{
  QaScoreSheetEditor *self = data;

  self->notes_source = 0;
  save_notes (self);

  return G_SOURCE_REMOVE;
}

/* How much of what a score sheet carries the text uses, as the reviewer types; and at once
 * what core would refuse (a control character, too long), not only when saving. */
static gboolean
update_notes_count (QaScoreSheetEditor *self,
                    GtkTextBuffer      *buffer)
{
  gboolean strengths = buffer == gtk_text_view_get_buffer (self->strengths_view);
  GtkLabel *label = strengths ? self->strengths_count_label : self->improvements_count_label;
  guint max = qa_text_comment_max_length ();
  guint count = (guint)gtk_text_buffer_get_char_count (buffer);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  /* Translators: characters typed, of those a score sheet carries, e.g. “120 / 20000” */
  text = g_strdup_printf (_("%u / %u"), count, max);
  gtk_label_set_label (label, text);

  if (count <= max)
    {
      g_autofree char *typed = NULL;
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      typed = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      if (qa_text_validate (typed, QA_TEXT_MULTILINE, max, &error))
        {
          gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
          gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
          return TRUE;
        }
    }

  gtk_widget_add_css_class (GTK_WIDGET (label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
  if (!self->loading_notes)
    {
      g_autofree char *hint = NULL;

      if (error != NULL)
        hint = g_strdup_printf (strengths ? _("Strengths: %s") : _("Opportunities for improvement: %s"),
                                error->message);
      else
        hint = g_strdup_printf (strengths
                                ? _("Strengths: %u characters over what a score sheet carries")
                                : _("Opportunities for improvement: %u characters over what a score sheet carries"),
                                count - max);
      show_notes_hint (self, hint, TRUE);
    }
  return FALSE;
}

static void
notes_changed_cb (QaScoreSheetEditor *self,
                  GtkTextBuffer      *buffer)
{
  g_assert (QA_IS_SCORE_SHEET_EDITOR (self));

  if (!update_notes_count (self, buffer) || self->loading_notes)
    return;

  g_clear_handle_id (&self->notes_source, g_source_remove);
  self->notes_source = g_timeout_add (NOTES_SAVE_DELAY_MS, save_notes_cb, self);
}

static void
notes_focus_leave_cb (QaScoreSheetEditor      *self,
                      GtkEventControllerFocus *controller)
{
  g_assert (QA_IS_SCORE_SHEET_EDITOR (self));

  save_notes (self);
}

static void
current_percent_changed_cb (QaScoreSheetEditor *self,
                            GParamSpec         *pspec,
                            QaItemScore        *score)
{
  g_assert (QA_IS_SCORE_SHEET_EDITOR (self));

  update_notes_sensitivity (self);
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

  save_notes (self);

  if (self->current != NULL)
    {
      g_signal_handlers_disconnect_by_func (qa_item_score_row_get_score (self->current),
                                            current_percent_changed_cb, self);
      gtk_widget_remove_css_class (GTK_WIDGET (self->current), "current");
    }

  self->current = row;
  if (row == NULL)
    {
      self->loading_notes = TRUE;
      set_buffer_text (self->strengths_view, NULL);
      set_buffer_text (self->improvements_view, NULL);
      self->loading_notes = FALSE;
      update_notes_sensitivity (self);
      return;
    }

  score = qa_item_score_row_get_score (row);
  gtk_widget_add_css_class (GTK_WIDGET (row), "current");
  scroll_to_current (self);
  g_signal_connect_object (score, "notify::percent",
                           G_CALLBACK (current_percent_changed_cb), self, G_CONNECT_SWAPPED);

  qa_item_guide_set_item (self->guide, self->criteria, qa_item_score_get_item (score));
  qa_item_guide_set_percent (self->guide, qa_item_score_row_get_shown_percent (row));

  self->loading_notes = TRUE;
  set_buffer_text (self->strengths_view, qa_item_score_get_strengths (score));
  set_buffer_text (self->improvements_view, qa_item_score_get_improvements (score));
  self->loading_notes = FALSE;
  update_notes_sensitivity (self);
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
      if (gtk_widget_get_sensitive (GTK_WIDGET (self->strengths_view)))
        gtk_widget_grab_focus (GTK_WIDGET (self->strengths_view));
      else
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

/* Tab and Shift+Tab walk percentage → strengths → improvements → the next item's percentage. */
static gboolean
notes_key_cb (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  QaScoreSheetEditor *self = user_data;
  gboolean forward = g_variant_get_boolean (args);
  int index = row_index (self, self->current);

  if (widget == GTK_WIDGET (self->strengths_view))
    {
      if (forward)
        gtk_widget_grab_focus (GTK_WIDGET (self->improvements_view));
      else
        focus_row (self, self->current);
    }
  else if (forward)
    focus_row (self, row_at (self, index + 1) != NULL ? row_at (self, index + 1) : self->current);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->strengths_view));

  return TRUE;
}

static gboolean
notes_escape_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  QaScoreSheetEditor *self = user_data;

  focus_row (self, self->current);
  return TRUE;
}

static void
add_notes_shortcuts (QaScoreSheetEditor *self,
                     GtkTextView        *view)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (controller);
  const struct {
    guint           keyval;
    GdkModifierType modifiers;
    gboolean        forward;
  } keys[] = {
    { GDK_KEY_Tab, 0, TRUE },
    { GDK_KEY_KP_Tab, 0, TRUE },
    { GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK, FALSE },
    { GDK_KEY_Tab, GDK_SHIFT_MASK, FALSE },
  };

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkShortcut *shortcut;

      shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].keyval, keys[i].modifiers),
                                   gtk_callback_action_new (notes_key_cb, self, NULL));
      gtk_shortcut_set_arguments (shortcut, g_variant_new_boolean (keys[i].forward));
      gtk_shortcut_controller_add_shortcut (shortcuts, shortcut);
    }
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_callback_action_new (notes_escape_cb, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (view), controller);
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

  if (self->rows != NULL)
    save_notes (self);
  g_clear_handle_id (&self->notes_source, g_source_remove);
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

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/qa-score-sheet-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, QaScoreSheetEditor, categories_box);
  gtk_widget_class_bind_template_child (widget_class, QaScoreSheetEditor, guide);
  gtk_widget_class_bind_template_child (widget_class, QaScoreSheetEditor, improvements_view);
  gtk_widget_class_bind_template_child (widget_class, QaScoreSheetEditor, improvements_count_label);
  gtk_widget_class_bind_template_child (widget_class, QaScoreSheetEditor, notes_hint_label);
  gtk_widget_class_bind_template_child (widget_class, QaScoreSheetEditor, sheet_clamp);
  gtk_widget_class_bind_template_child (widget_class, QaScoreSheetEditor, sheet_scroller);
  gtk_widget_class_bind_template_child (widget_class, QaScoreSheetEditor, strengths_view);
  gtk_widget_class_bind_template_child (widget_class, QaScoreSheetEditor, strengths_count_label);
  gtk_widget_class_bind_template_callback (widget_class, notes_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, notes_focus_leave_cb);

  gtk_widget_class_set_css_name (widget_class, "score-sheet-editor");
}

static void
qa_score_sheet_editor_init (QaScoreSheetEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new ();
  self->subtotal_labels = g_ptr_array_new ();

  add_notes_shortcuts (self, self->strengths_view);
  add_notes_shortcuts (self, self->improvements_view);
  self->loading_notes = TRUE;
  update_notes_count (self, gtk_text_view_get_buffer (self->strengths_view));
  update_notes_count (self, gtk_text_view_get_buffer (self->improvements_view));
  self->loading_notes = FALSE;
  update_notes_sensitivity (self);
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
  save_notes (self);
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
