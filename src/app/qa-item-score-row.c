/* qa-item-score-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-item-score-row"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "qa-item-score-row.h"
#include "qa-ui-private.h"

/* How long a passing note stays. */
#define NOTE_HINT_SECONDS 6

struct _QaItemScoreRow
{
  GtkListBoxRow  parent_instance;

  /* Owned */
  QaScoreSheet  *sheet;
  QaItemScore   *score;
  guint          hint_source;
  int            shown_percent;
  /* Emptying a score that has notes asks for a second Enter. */
  gboolean       confirm_clear;

  /* Template widgets */
  GtkLabel      *code_label;
  GtkLabel      *dot_label;
  GtkLabel      *hint_label;
  GtkLabel      *name_label;
  GtkEntry      *percent_entry;
  GtkLabel      *points_label;
  GtkLabel      *result_label;
};

G_DEFINE_FINAL_TYPE (QaItemScoreRow, qa_item_score_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_SCORE,
  PROP_SHEET,
  PROP_SHOWN_PERCENT,
  N_PROPS
};

enum {
  LEAVE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef enum
{
  HINT_NONE,
  HINT_NOTE,     /* e.g. a value snapped to its step: goes away by itself */
  HINT_CONFIRM,  /* waits for the user */
  HINT_ERROR,    /* refused */
} HintKind;

static void
show_hint (QaItemScoreRow *self,
           HintKind        kind,
           const char     *text);

static gboolean
hint_timeout_cb (gpointer data)
{
  QaItemScoreRow *self = data;

  self->hint_source = 0;
  show_hint (self, HINT_NONE, NULL);

  return G_SOURCE_REMOVE;
}

static void
show_hint (QaItemScoreRow *self,
           HintKind        kind,
           const char     *text)
{
  g_clear_handle_id (&self->hint_source, g_source_remove);

  gtk_label_set_label (self->hint_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), kind != HINT_NONE);

  if (kind == HINT_ERROR)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->hint_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->percent_entry), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->hint_label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->percent_entry), "error");
    }

  if (kind == HINT_CONFIRM || kind == HINT_NOTE)
    gtk_widget_add_css_class (GTK_WIDGET (self->hint_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->hint_label), "warning");

  if (kind == HINT_NOTE)
    self->hint_source = g_timeout_add_seconds (NOTE_HINT_SECONDS, hint_timeout_cb, self);
}

static int
saved_percent (QaItemScoreRow *self)
{
  return qa_item_score_get_percent (self->score);
}

static gboolean
has_notes (QaItemScoreRow *self)
{
  return qa_item_score_get_strengths (self->score) != NULL ||
         qa_item_score_get_improvements (self->score) != NULL;
}

/* What parse_percent() returns for an empty field, and for a text too long to be a percentage
 * (any value above 100 is refused as out of range). */
#define PERCENT_EMPTY (-1)
#define PERCENT_TOO_LONG G_MAXINT

/* The text's value: PERCENT_EMPTY, PERCENT_TOO_LONG beyond three digits, or the number typed. */
static int
parse_percent (const char *text)
{
  gsize length = strlen (text);

  if (length == 0)
    return PERCENT_EMPTY;
  if (length > 3)
    return PERCENT_TOO_LONG;

  return atoi (text);
}

/* The scoring step of the profile (5 under the Ganzhou rules). */
static int
score_step (QaItemScoreRow *self)
{
  return (int)qa_score_sheet_get_step (self->sheet);
}

/* @value, moved down to a step: where ± starts from when a typed value is between two. */
static int
floor_to_step (QaItemScoreRow *self,
               int             value)
{
  return value - value % score_step (self);
}

static void
set_shown_percent (QaItemScoreRow *self,
                   int             percent)
{
  guint points = qa_item_get_points (qa_item_score_get_item (self->score));
  g_autofree char *result = NULL;

  if (percent >= 0)
    /* Translators: the points a percentage gives an item, e.g. “30.0” */
    result = g_strdup_printf (C_("item points", "%.1f"), points * percent / 100.0);

  gtk_label_set_label (self->result_label, result != NULL ? result : "—");
  gtk_widget_set_opacity (GTK_WIDGET (self->dot_label), percent < 0 ? 1.0 : 0.0);

  if (percent < 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "unscored");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "unscored");

  if (self->shown_percent == percent)
    return;

  self->shown_percent = percent;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWN_PERCENT]);
}

static void
show_saved (QaItemScoreRow *self)
{
  int percent = saved_percent (self);
  g_autofree char *text = NULL;

  if (percent >= 0)
    text = g_strdup_printf ("%d", percent);

  gtk_editable_set_text (GTK_EDITABLE (self->percent_entry), text != NULL ? text : "");
  set_shown_percent (self, percent);
}

static gboolean
is_editing (QaItemScoreRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->percent_entry));

  return parse_percent (text) != saved_percent (self);
}

static void
percent_changed_cb (QaItemScoreRow *self,
                    GParamSpec     *pspec,
                    QaItemScore    *score)
{
  g_assert (QA_IS_ITEM_SCORE_ROW (self));

  /* Saved elsewhere, or just now by this row. */
  if (!gtk_widget_has_focus (GTK_WIDGET (self->percent_entry)) || !is_editing (self))
    show_saved (self);
}

static void
entry_changed_cb (QaItemScoreRow *self,
                  GtkEditable    *entry)
{
  int value;

  g_assert (QA_IS_ITEM_SCORE_ROW (self));

  if (self->score == NULL)
    return;

  value = parse_percent (gtk_editable_get_text (entry));
  self->confirm_clear = FALSE;

  if (value > 100)
    {
      set_shown_percent (self, saved_percent (self));
      show_hint (self, HINT_ERROR, _("At most 100%"));
      return;
    }

  show_hint (self, HINT_NONE, NULL);

  /* Totals follow what is typed as soon as it is a score; 6 on the way to 60 is not one. */
  if (value < 0 || (value <= 100 && value % score_step (self) == 0))
    set_shown_percent (self, value);
  else
    set_shown_percent (self, saved_percent (self));
}

static gboolean
save (QaItemScoreRow *self,
      int             percent)
{
  g_autoptr(GError) error = NULL;

  if (percent == saved_percent (self))
    {
      show_saved (self);
      return TRUE;
    }

  if (!qa_score_sheet_set (self->sheet,
                           qa_item_get_code (qa_item_score_get_item (self->score)),
                           percent,
                           qa_item_score_get_strengths (self->score),
                           qa_item_score_get_improvements (self->score),
                           &error))
    {
      show_saved (self);
      show_hint (self, HINT_ERROR, error->message);
      return FALSE;
    }

  show_saved (self);
  return TRUE;
}

static gboolean
commit_clear (QaItemScoreRow *self)
{
  if (saved_percent (self) < 0)
    return TRUE;

  /* The notes go with the score; a second Enter says that is meant. */
  if (has_notes (self) && !self->confirm_clear)
    {
      show_hint (self, HINT_CONFIRM,
                 _("Press Enter again to clear the score and its notes, or Esc to keep them"));
      self->confirm_clear = TRUE;
      return FALSE;
    }

  self->confirm_clear = FALSE;
  show_hint (self, HINT_NONE, NULL);
  return save (self, -1);
}

static void
step (QaItemScoreRow *self,
      int             delta)
{
  int percent = self->shown_percent;

  if (percent < 0)
    percent = delta > 0 ? score_step (self) : 0;
  else
    percent = CLAMP (floor_to_step (self, percent) + delta, 0, 100);

  show_hint (self, HINT_NONE, NULL);
  save (self, percent);
}

static void
leave (QaItemScoreRow   *self,
       GtkDirectionType  direction)
{
  if (qa_item_score_row_commit (self))
    g_signal_emit (self, signals[LEAVE], 0, direction);
}

static void
entry_activate_cb (QaItemScoreRow *self,
                   GtkEntry       *entry)
{
  g_assert (QA_IS_ITEM_SCORE_ROW (self));

  leave (self, GTK_DIR_DOWN);
}

static void
focus_leave_cb (QaItemScoreRow          *self,
                GtkEventControllerFocus *controller)
{
  g_assert (QA_IS_ITEM_SCORE_ROW (self));

  if (self->score == NULL || !is_editing (self))
    return;

  /* Whatever cannot be kept goes back to what was saved; the hint stays to say why. */
  if (!qa_item_score_row_commit (self))
    {
      g_autofree char *hint = g_strdup (gtk_label_get_label (self->hint_label));

      self->confirm_clear = FALSE;
      show_saved (self);
      show_hint (self, HINT_ERROR, hint);
    }
}

static void
score_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  QaItemScoreRow *self = QA_ITEM_SCORE_ROW (widget);

  if (g_str_equal (action_name, "score.increase"))
    step (self, score_step (self));
  else if (g_str_equal (action_name, "score.decrease"))
    step (self, -score_step (self));
  else if (g_str_equal (action_name, "score.previous"))
    leave (self, GTK_DIR_UP);
  else if (g_str_equal (action_name, "score.next"))
    leave (self, GTK_DIR_DOWN);
  else if (g_str_equal (action_name, "score.notes"))
    leave (self, GTK_DIR_TAB_FORWARD);
  else if (g_str_equal (action_name, "score.back"))
    leave (self, GTK_DIR_TAB_BACKWARD);
  else if (g_str_equal (action_name, "score.revert"))
    {
      self->confirm_clear = FALSE;
      show_saved (self);
      show_hint (self, HINT_NONE, NULL);
    }
}

/* Before the field sees them, so + and − step rather than being typed and Tab stays ours. */
static const QaKeyShortcut row_keys[] = {
  { GDK_KEY_plus, 0, "score.increase" },
  { GDK_KEY_KP_Add, 0, "score.increase" },
  { GDK_KEY_equal, 0, "score.increase" },
  { GDK_KEY_minus, 0, "score.decrease" },
  { GDK_KEY_KP_Subtract, 0, "score.decrease" },
  { GDK_KEY_Up, 0, "score.previous" },
  { GDK_KEY_KP_Up, 0, "score.previous" },
  { GDK_KEY_Down, 0, "score.next" },
  { GDK_KEY_KP_Down, 0, "score.next" },
  { GDK_KEY_Tab, 0, "score.notes" },
  { GDK_KEY_KP_Tab, 0, "score.notes" },
  { GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK, "score.back" },
  { GDK_KEY_Tab, GDK_SHIFT_MASK, "score.back" },
  { GDK_KEY_Escape, 0, "score.revert" },
};

static void
bind_score (QaItemScoreRow *self)
{
  QaItem *item = qa_item_score_get_item (self->score);
  g_autofree char *points = g_strdup_printf ("%u", qa_item_get_points (item));
  g_autofree char *tooltip = NULL;

  gtk_label_set_label (self->code_label, qa_item_get_code (item));
  gtk_label_set_label (self->name_label, qa_item_get_name (item));
  gtk_label_set_label (self->points_label, points);

  /* Translators: the accessible name of an item's percentage field, e.g. “4.1.2 Role of senior leaders, percentage” */
  tooltip = g_strdup_printf (_("%s %s, percentage"), qa_item_get_code (item), qa_item_get_name (item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->percent_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);

  g_signal_connect_object (self->score, "notify::percent",
                           G_CALLBACK (percent_changed_cb), self, G_CONNECT_SWAPPED);
  show_saved (self);
}

static void
qa_item_score_row_constructed (GObject *object)
{
  QaItemScoreRow *self = (QaItemScoreRow *)object;

  G_OBJECT_CLASS (qa_item_score_row_parent_class)->constructed (object);

  g_assert (QA_IS_SCORE_SHEET (self->sheet));
  g_assert (QA_IS_ITEM_SCORE (self->score));

  bind_score (self);
}

static void
qa_item_score_row_dispose (GObject *object)
{
  QaItemScoreRow *self = (QaItemScoreRow *)object;

  g_clear_handle_id (&self->hint_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), QA_TYPE_ITEM_SCORE_ROW);
  g_clear_object (&self->score);
  g_clear_object (&self->sheet);

  G_OBJECT_CLASS (qa_item_score_row_parent_class)->dispose (object);
}

static void
qa_item_score_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  QaItemScoreRow *self = QA_ITEM_SCORE_ROW (object);

  switch (prop_id)
    {
    case PROP_SCORE:
      g_value_set_object (value, self->score);
      break;

    case PROP_SHEET:
      g_value_set_object (value, self->sheet);
      break;

    case PROP_SHOWN_PERCENT:
      g_value_set_int (value, self->shown_percent);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_item_score_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  QaItemScoreRow *self = QA_ITEM_SCORE_ROW (object);

  switch (prop_id)
    {
    case PROP_SCORE:
      self->score = g_value_dup_object (value);
      break;

    case PROP_SHEET:
      self->sheet = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_item_score_row_class_init (QaItemScoreRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = qa_item_score_row_constructed;
  object_class->dispose = qa_item_score_row_dispose;
  object_class->get_property = qa_item_score_row_get_property;
  object_class->set_property = qa_item_score_row_set_property;

  properties[PROP_SCORE] =
    g_param_spec_object ("score", NULL, NULL,
                         QA_TYPE_ITEM_SCORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SHEET] =
    g_param_spec_object ("sheet", NULL, NULL,
                         QA_TYPE_SCORE_SHEET,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SHOWN_PERCENT] =
    g_param_spec_int ("shown-percent", NULL, NULL,
                      -1, 100, -1,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[LEAVE] =
    g_signal_new ("leave",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, GTK_TYPE_DIRECTION_TYPE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/qa-item-score-row.ui");
  gtk_widget_class_bind_template_child (widget_class, QaItemScoreRow, code_label);
  gtk_widget_class_bind_template_child (widget_class, QaItemScoreRow, dot_label);
  gtk_widget_class_bind_template_child (widget_class, QaItemScoreRow, hint_label);
  gtk_widget_class_bind_template_child (widget_class, QaItemScoreRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, QaItemScoreRow, percent_entry);
  gtk_widget_class_bind_template_child (widget_class, QaItemScoreRow, points_label);
  gtk_widget_class_bind_template_child (widget_class, QaItemScoreRow, result_label);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, focus_leave_cb);

  gtk_widget_class_install_action (widget_class, "score.increase", NULL, score_action);
  gtk_widget_class_install_action (widget_class, "score.decrease", NULL, score_action);
  gtk_widget_class_install_action (widget_class, "score.previous", NULL, score_action);
  gtk_widget_class_install_action (widget_class, "score.next", NULL, score_action);
  gtk_widget_class_install_action (widget_class, "score.notes", NULL, score_action);
  gtk_widget_class_install_action (widget_class, "score.back", NULL, score_action);
  gtk_widget_class_install_action (widget_class, "score.revert", NULL, score_action);
}

static void
qa_item_score_row_init (QaItemScoreRow *self)
{
  self->shown_percent = -1;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* + and − are steps (shortcuts), the rest means nothing here. */
  _qa_ui_accept_digits_only (GTK_EDITABLE (self->percent_entry));
  _qa_ui_add_capture_shortcuts (GTK_WIDGET (self), row_keys, G_N_ELEMENTS (row_keys));
}

GtkWidget *
qa_item_score_row_new (QaScoreSheet *sheet,
                       QaItemScore  *score)
{
  g_return_val_if_fail (QA_IS_SCORE_SHEET (sheet), NULL);
  g_return_val_if_fail (QA_IS_ITEM_SCORE (score), NULL);

  return g_object_new (QA_TYPE_ITEM_SCORE_ROW,
                       "sheet", sheet,
                       "score", score,
                       NULL);
}

QaItemScore *
qa_item_score_row_get_score (QaItemScoreRow *self)
{
  g_return_val_if_fail (QA_IS_ITEM_SCORE_ROW (self), NULL);

  return self->score;
}

int
qa_item_score_row_get_shown_percent (QaItemScoreRow *self)
{
  g_return_val_if_fail (QA_IS_ITEM_SCORE_ROW (self), -1);

  return self->shown_percent;
}

double
qa_item_score_row_get_shown_points (QaItemScoreRow *self)
{
  g_return_val_if_fail (QA_IS_ITEM_SCORE_ROW (self), -1);

  if (self->shown_percent < 0)
    return -1;

  return qa_item_get_points (qa_item_score_get_item (self->score)) * self->shown_percent / 100.0;
}

GtkEditable *
qa_item_score_row_get_entry (QaItemScoreRow *self)
{
  g_return_val_if_fail (QA_IS_ITEM_SCORE_ROW (self), NULL);

  return GTK_EDITABLE (self->percent_entry);
}

gboolean
qa_item_score_row_commit (QaItemScoreRow *self)
{
  int value;
  int percent;

  g_return_val_if_fail (QA_IS_ITEM_SCORE_ROW (self), FALSE);

  value = parse_percent (gtk_editable_get_text (GTK_EDITABLE (self->percent_entry)));

  if (value < 0)
    return commit_clear (self);

  self->confirm_clear = FALSE;

  /* Not a score: refused where it was typed, and the focus stays until it is corrected. */
  if (value > 100 || value % score_step (self) != 0)
    {
      g_autofree char *hint = NULL;

      if (value > 100)
        /* Translators: %u is the scoring step of the rule profile, e.g. 5 */
        hint = g_strdup_printf (_("At most 100%%: scores run from 0 to 100 in steps of %u"),
                                (guint)score_step (self));
      else
        /* Translators: a percentage typed between two steps, e.g. “7% is not a score: use a
         * multiple of 5 (5% or 10%)” */
        hint = g_strdup_printf (_("%d%% is not a score: use a multiple of %u (%d%% or %d%%)"), value,
                                (guint)score_step (self), floor_to_step (self, value),
                                floor_to_step (self, value) + score_step (self));
      show_hint (self, HINT_ERROR, hint);
      gtk_editable_select_region (GTK_EDITABLE (self->percent_entry), 0, -1);
      return FALSE;
    }

  percent = value;
  if (!save (self, percent))
    return FALSE;

  show_hint (self, HINT_NONE, NULL);
  return TRUE;
}

const char *
qa_item_score_row_get_hint (QaItemScoreRow *self)
{
  g_return_val_if_fail (QA_IS_ITEM_SCORE_ROW (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->hint_label)))
    return NULL;

  return gtk_label_get_label (self->hint_label);
}
