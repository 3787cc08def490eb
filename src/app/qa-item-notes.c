/* qa-item-notes.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-item-notes"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "qa-item-notes.h"
#include "qa-ui-private.h"

/* Notes are saved this long after the last key, and at once when the keyboard leaves them. */
#define NOTES_SAVE_DELAY_MS 800

struct _QaItemNotes
{
  GtkWidget     parent_instance;

  /* Owned */
  QaScoreSheet *sheet;
  QaItemScore  *score;
  guint         save_source;
  gboolean      loading;

  /* Template widgets */
  GtkTextView  *improvements_view;
  GtkLabel     *improvements_count_label;
  GtkLabel     *notes_hint_label;
  GtkTextView  *strengths_view;
  GtkLabel     *strengths_count_label;
};

G_DEFINE_FINAL_TYPE (QaItemNotes, qa_item_notes, GTK_TYPE_WIDGET)

enum {
  LEAVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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
set_error_style (GtkWidget *label,
                 gboolean   is_error)
{
  if (is_error)
    {
      gtk_widget_add_css_class (label, "error");
      gtk_widget_remove_css_class (label, "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (label, "error");
      gtk_widget_add_css_class (label, "dim-label");
    }
}

static void
show_hint (QaItemNotes *self,
           const char  *text,
           gboolean     is_error)
{
  gtk_label_set_label (self->notes_hint_label, text);
  set_error_style (GTK_WIDGET (self->notes_hint_label), is_error);
}

static gboolean
is_scored (QaItemNotes *self)
{
  return self->score != NULL && qa_item_score_get_percent (self->score) >= 0;
}

/* Notes belong to a score: an item takes them once it has a percentage. */
static void
update_sensitivity (QaItemNotes *self)
{
  gboolean scored = is_scored (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->strengths_view), scored);
  gtk_widget_set_sensitive (GTK_WIDGET (self->improvements_view), scored);

  if (self->score == NULL)
    show_hint (self, NULL, FALSE);
  else if (scored)
    show_hint (self, _("Saved as you type"), FALSE);
  else
    show_hint (self, _("Give the item a percentage first: its notes are kept with its score"),
               FALSE);
}

static gboolean
same_text (const char *stored,
           const char *typed)
{
  return g_strcmp0 (stored != NULL ? stored : "", typed) == 0;
}

void
qa_item_notes_save (QaItemNotes *self)
{
  g_autofree char *strengths = NULL;
  g_autofree char *improvements = NULL;
  g_autoptr(GError) error = NULL;
  int percent;

  g_return_if_fail (QA_IS_ITEM_NOTES (self));

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (self->score == NULL || self->sheet == NULL)
    return;
  percent = qa_item_score_get_percent (self->score);
  if (percent < 0)
    return;

  strengths = dup_buffer_text (self->strengths_view);
  improvements = dup_buffer_text (self->improvements_view);
  if (same_text (qa_item_score_get_strengths (self->score), strengths) &&
      same_text (qa_item_score_get_improvements (self->score), improvements))
    return;

  /* What was typed stays in the fields when it is refused, so nothing is lost. */
  if (!qa_score_sheet_set (self->sheet, qa_item_get_code (qa_item_score_get_item (self->score)),
                           percent, strengths, improvements, &error))
    show_hint (self, error->message, TRUE);
  else
    show_hint (self, _("Saved as you type"), FALSE);
}

static gboolean
save_cb (gpointer data)
{
  QaItemNotes *self = data;

  self->save_source = 0;
  qa_item_notes_save (self);

  return G_SOURCE_REMOVE;
}

/* How much of what a score sheet carries the text uses, as the reviewer types; and at once
 * what core would refuse (a control character, too long), not only when saving. */
static gboolean
update_count (QaItemNotes   *self,
              GtkTextBuffer *buffer)
{
  gboolean strengths = buffer == gtk_text_view_get_buffer (self->strengths_view);
  GtkLabel *label = strengths ? self->strengths_count_label : self->improvements_count_label;
  guint max = qa_text_comment_max_length ();
  guint count = (guint)gtk_text_buffer_get_char_count (buffer);
  g_autofree char *text = NULL;
  g_autofree char *hint = NULL;
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
          set_error_style (GTK_WIDGET (label), FALSE);
          return TRUE;
        }
    }

  set_error_style (GTK_WIDGET (label), TRUE);
  if (self->loading)
    return FALSE;

  if (error != NULL)
    hint = g_strdup_printf (strengths ? _("Strengths: %s") : _("Opportunities for improvement: %s"),
                            error->message);
  else
    hint = g_strdup_printf (strengths
                            ? _("Strengths: %u characters over what a score sheet carries")
                            : _("Opportunities for improvement: %u characters over what a score sheet carries"),
                            count - max);
  show_hint (self, hint, TRUE);
  return FALSE;
}

static void
notes_changed_cb (QaItemNotes   *self,
                  GtkTextBuffer *buffer)
{
  g_assert (QA_IS_ITEM_NOTES (self));

  if (!update_count (self, buffer) || self->loading)
    return;

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (NOTES_SAVE_DELAY_MS, save_cb, self);
}

static void
notes_focus_leave_cb (QaItemNotes             *self,
                      GtkEventControllerFocus *controller)
{
  g_assert (QA_IS_ITEM_NOTES (self));

  qa_item_notes_save (self);
}

static void
percent_changed_cb (QaItemNotes *self,
                    GParamSpec  *pspec,
                    QaItemScore *score)
{
  update_sensitivity (self);
}

/* Tab and Shift+Tab walk strengths → improvements → out to the next item; Shift+Tab from the
 * strengths and Escape go back to the item's percentage. */
static gboolean
notes_key_cb (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  QaItemNotes *self = user_data;
  gboolean forward = g_variant_get_boolean (args);

  if (widget == GTK_WIDGET (self->strengths_view))
    {
      if (forward)
        gtk_widget_grab_focus (GTK_WIDGET (self->improvements_view));
      else
        g_signal_emit (self, signals[LEAVE], 0, FALSE);
    }
  else if (forward)
    g_signal_emit (self, signals[LEAVE], 0, TRUE);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->strengths_view));

  return TRUE;
}

static gboolean
notes_escape_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  g_signal_emit (user_data, signals[LEAVE], 0, FALSE);
  return TRUE;
}

static void
add_shortcuts (QaItemNotes *self,
               GtkTextView *view)
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

static void
qa_item_notes_dispose (GObject *object)
{
  QaItemNotes *self = (QaItemNotes *)object;

  /* Nothing typed is lost when the window closes within the save delay. */
  qa_item_notes_save (self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->score != NULL)
    g_signal_handlers_disconnect_by_func (self->score, percent_changed_cb, self);
  g_clear_object (&self->score);
  g_clear_object (&self->sheet);

  gtk_widget_dispose_template (GTK_WIDGET (self), QA_TYPE_ITEM_NOTES);
  _qa_ui_dispose_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (qa_item_notes_parent_class)->dispose (object);
}

static void
qa_item_notes_class_init (QaItemNotesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qa_item_notes_dispose;

  signals[LEAVE] =
    g_signal_new ("leave", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/qa-item-notes.ui");
  gtk_widget_class_bind_template_child (widget_class, QaItemNotes, improvements_view);
  gtk_widget_class_bind_template_child (widget_class, QaItemNotes, improvements_count_label);
  gtk_widget_class_bind_template_child (widget_class, QaItemNotes, notes_hint_label);
  gtk_widget_class_bind_template_child (widget_class, QaItemNotes, strengths_view);
  gtk_widget_class_bind_template_child (widget_class, QaItemNotes, strengths_count_label);
  gtk_widget_class_bind_template_callback (widget_class, notes_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, notes_focus_leave_cb);

  gtk_widget_class_set_css_name (widget_class, "item-notes");
}

static void
qa_item_notes_init (QaItemNotes *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  add_shortcuts (self, self->strengths_view);
  add_shortcuts (self, self->improvements_view);
  self->loading = TRUE;
  update_count (self, gtk_text_view_get_buffer (self->strengths_view));
  update_count (self, gtk_text_view_get_buffer (self->improvements_view));
  self->loading = FALSE;
  update_sensitivity (self);
}

GtkWidget *
qa_item_notes_new (void)
{
  return g_object_new (QA_TYPE_ITEM_NOTES, NULL);
}

void
qa_item_notes_set_score (QaItemNotes  *self,
                         QaScoreSheet *sheet,
                         QaItemScore  *score)
{
  g_return_if_fail (QA_IS_ITEM_NOTES (self));
  g_return_if_fail (sheet == NULL || QA_IS_SCORE_SHEET (sheet));

  if (self->score == score && self->sheet == sheet)
    return;

  qa_item_notes_save (self);
  if (self->score != NULL)
    g_signal_handlers_disconnect_by_func (self->score, percent_changed_cb, self);
  g_set_object (&self->sheet, sheet);
  g_set_object (&self->score, score);
  if (score != NULL)
    g_signal_connect_object (score, "notify::percent", G_CALLBACK (percent_changed_cb), self,
                             G_CONNECT_SWAPPED);

  self->loading = TRUE;
  set_buffer_text (self->strengths_view, score != NULL ? qa_item_score_get_strengths (score) : NULL);
  set_buffer_text (self->improvements_view, score != NULL ? qa_item_score_get_improvements (score) : NULL);
  self->loading = FALSE;
  update_sensitivity (self);
}

gboolean
qa_item_notes_focus (QaItemNotes *self)
{
  g_return_val_if_fail (QA_IS_ITEM_NOTES (self), FALSE);

  if (!is_scored (self))
    return FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (self->strengths_view));
  return TRUE;
}
