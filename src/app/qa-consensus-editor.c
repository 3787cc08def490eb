/* qa-consensus-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-consensus-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "qa-consensus-editor.h"
#include "qa-ui-private.h"

struct _QaConsensusEditor
{
  GtkWidget      parent_instance;

  /* Owned */
  QaSession     *session;
  QaConsensusRow *row;
  QaStage        stage;
  gboolean       editable;

  /* Template widgets */
  GtkLabel      *facts_label;
  GtkLabel      *hint_label;
  GtkTextView   *improvements_view;
  GtkEntry      *percent_entry;
  GtkLabel      *points_label;
  GtkEntry      *rationale_entry;
  GtkRevealer   *rationale_revealer;
  GtkLabel      *reviewers_label;
  GtkWidget     *save_texts_button;
  GtkTextView   *strengths_view;
  GtkLabel      *title_label;
};

G_DEFINE_FINAL_TYPE (QaConsensusEditor, qa_consensus_editor, GTK_TYPE_WIDGET)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const QaConsensusItem *
current (QaConsensusEditor *self)
{
  return self->row != NULL ? qa_consensus_row_get_item (self->row) : NULL;
}

/* What parse_percent() returns for an empty field, and for text that is no percentage. */
#define PERCENT_EMPTY (-1)
#define PERCENT_INVALID G_MAXINT

/* PERCENT_EMPTY, PERCENT_INVALID, or the percentage typed. */
static int
parse_percent (const char *text)
{
  char *end = NULL;
  long value;

  if (text == NULL || *text == '\0')
    return PERCENT_EMPTY;
  value = strtol (text, &end, 10);
  if (end == NULL || *end != '\0' || value < 0 || value > 100)
    return PERCENT_INVALID;
  return (int)value;
}

static void
show_hint (QaConsensusEditor *self,
           const char        *hint,
           gboolean           is_error)
{
  gtk_label_set_label (self->hint_label, hint);
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), hint != NULL);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->hint_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->hint_label), "error");
}

static char *
dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
departs (QaConsensusEditor *self,
         int                percent)
{
  const QaConsensusItem *item = current (self);

  return item != NULL && percent >= 0 && percent <= 100 && percent != item->default_percent;
}

static void
ask_rationale (QaConsensusEditor *self,
               int                percent)
{
  g_autofree char *hint = NULL;

  /* Translators: %d are percentages, e.g. 70 and 60 */
  hint = g_strdup_printf (_("%d%% departs from the default %d%%: write the rationale below and press Enter."),
                          percent, current (self)->default_percent);
  gtk_revealer_set_reveal_child (self->rationale_revealer, TRUE);
  show_hint (self, hint, FALSE);
}

static gboolean
commit (QaConsensusEditor *self,
        int                percent,
        gboolean           advance)
{
  const QaConsensusItem *item = current (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *strengths = NULL;
  g_autofree char *improvements = NULL;
  const char *rationale = NULL;

  if (item == NULL || !self->editable)
    return FALSE;

  if (departs (self, percent))
    rationale = gtk_editable_get_text (GTK_EDITABLE (self->rationale_entry));
  strengths = dup_text (self->strengths_view);
  improvements = dup_text (self->improvements_view);

  if (!qa_consensus_set (self->session, self->stage, item->applicant_id, item->item, percent,
                         rationale, strengths, improvements, &error))
    {
      show_hint (self, error->message, TRUE);
      if (g_error_matches (error, QA_CONSENSUS_ERROR, QA_CONSENSUS_ERROR_RATIONALE))
        {
          gtk_revealer_set_reveal_child (self->rationale_revealer, TRUE);
          gtk_widget_grab_focus (GTK_WIDGET (self->rationale_entry));
        }
      return FALSE;
    }

  show_hint (self, NULL, FALSE);
  g_signal_emit (self, signals[SAVED], 0, advance);
  return TRUE;
}

static void
percent_changed_cb (QaConsensusEditor *self,
                    GtkEditable       *entry)
{
  int percent = parse_percent (gtk_editable_get_text (entry));
  const QaConsensusItem *item = current (self);

  if (item == NULL || !self->editable)
    return;

  if (percent == PERCENT_INVALID)
    show_hint (self, _("A percentage from 0 to 100"), TRUE);
  else if (departs (self, percent) && percent % qa_profile_get_consensus_rounding (qa_session_get_profile (self->session)) == 0)
    ask_rationale (self, percent);
  else
    {
      show_hint (self, NULL, FALSE);
      gtk_revealer_set_reveal_child (self->rationale_revealer, departs (self, percent));
    }
}

static void
percent_activate_cb (QaConsensusEditor *self,
                     GtkEntry          *entry)
{
  int percent = parse_percent (gtk_editable_get_text (GTK_EDITABLE (entry)));
  const char *rationale = gtk_editable_get_text (GTK_EDITABLE (self->rationale_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (rationale));

  if (current (self) == NULL || !self->editable)
    return;

  /* An item nobody scored, left empty: nothing to agree, move on. */
  if (percent < 0)
    {
      g_signal_emit (self, signals[SAVED], 0, TRUE);
      return;
    }

  if (departs (self, percent) && *stripped == '\0' && percent != PERCENT_INVALID)
    {
      ask_rationale (self, percent);
      gtk_widget_grab_focus (GTK_WIDGET (self->rationale_entry));
      return;
    }

  commit (self, percent, TRUE);
}

static void
rationale_activate_cb (QaConsensusEditor *self,
                       GtkEntry          *entry)
{
  int percent = parse_percent (gtk_editable_get_text (GTK_EDITABLE (self->percent_entry)));

  if (commit (self, percent, TRUE))
    qa_consensus_editor_focus (self);
}

static void
save_texts_cb (QaConsensusEditor *self,
               GtkButton         *button)
{
  int percent = parse_percent (gtk_editable_get_text (GTK_EDITABLE (self->percent_entry)));

  commit (self, percent, FALSE);
}

/* Showing ------------------------------------------------------------------------------------ */

static void
show_reviewers (QaConsensusEditor     *self,
                const QaConsensusItem *item)
{
  g_autoptr(GPtrArray) strengths = NULL;
  g_autoptr(GPtrArray) improvements = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();

  if (!qa_consensus_list_sentences (self->session, self->stage, item->applicant_id, item->item,
                                    &strengths, &improvements, NULL))
    {
      gtk_label_set_label (self->reviewers_label, NULL);
      return;
    }

  for (guint pass = 0; pass < 2; pass++)
    {
      GPtrArray *sentences = pass == 0 ? strengths : improvements;

      for (guint i = 0; i < sentences->len; i++)
        {
          const QaConsensusSentence *s = g_ptr_array_index (sentences, i);

          if (g_hash_table_add (seen, s->reviewer_id))
            g_ptr_array_add (order, s->reviewer_id);
        }
    }

  for (guint r = 0; r < order->len; r++)
    {
      const char *reviewer = g_ptr_array_index (order, r);
      g_autofree char *name = qa_experts_dup_name (self->session, reviewer);

      if (text->len > 0)
        g_string_append (text, "\n\n");
      g_string_append_printf (text, "%s", name != NULL ? name : reviewer);
      for (guint pass = 0; pass < 2; pass++)
        {
          GPtrArray *sentences = pass == 0 ? strengths : improvements;

          for (guint i = 0; i < sentences->len; i++)
            {
              const QaConsensusSentence *s = g_ptr_array_index (sentences, i);

              if (g_strcmp0 (s->reviewer_id, reviewer) != 0)
                continue;
              g_string_append_c (text, '\n');
              g_string_append_printf (text,
                                      pass == 0
                                      /* Translators: a reviewer's strength of an item */
                                      ? _("＋ %s")
                                      /* Translators: a reviewer's opportunity for improvement */
                                      : _("△ %s"),
                                      s->text);
            }
        }
    }

  if (text->len == 0)
    g_string_append (text, _("No reviewer wrote anything on this item."));
  gtk_label_set_label (self->reviewers_label, text->str);
}

static void
set_text (GtkTextView *view,
          const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

void
qa_consensus_editor_show_row (QaConsensusEditor *self,
                              QaSession         *session,
                              QaStage            stage,
                              QaConsensusRow    *row)
{
  const QaConsensusItem *item;
  QaItem *criterion;
  g_autofree char *title = NULL;
  g_autofree char *facts = NULL;
  g_autofree char *percent = NULL;
  g_autofree char *points = NULL;
  g_autofree char *texts_strengths = NULL;
  g_autofree char *texts_improvements = NULL;

  g_return_if_fail (QA_IS_CONSENSUS_EDITOR (self));

  g_set_object (&self->session, session);
  g_set_object (&self->row, row);
  self->stage = stage;
  item = current (self);
  show_hint (self, NULL, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self), item != NULL);
  if (item == NULL)
    return;
  if (item->stale)
    {
      g_autofree char *hint = NULL;

      /* Translators: the chair's value no longer stands against the default */
      hint = g_strdup_printf (_("Agreed at %d%% against a default of %d%%; a newer score sheet moved the default to %d%%. Agree the item again (Enter keeps %d%%)."),
                              item->percent, item->decided_default, item->default_percent,
                              item->percent);
      show_hint (self, hint, TRUE);
    }

  criterion = qa_criteria_lookup_item (qa_session_get_criteria (session), item->item);
  /* Translators: an item and its points, e.g. “4.1.2 高层领导的作用 · 50 分” */
  title = g_strdup_printf (_("%s %s · %u points"), item->item,
                           criterion != NULL ? qa_item_get_name (criterion) : "", item->points);
  gtk_label_set_label (self->title_label, title);

  if (item->scorers == 0)
    facts = g_strdup (_("Nobody scored this item: there is nothing to agree on."));
  else
    {
      g_autofree char *mean = qa_consensus_format_tenths (item->mean_x10);
      g_autofree char *median = qa_consensus_format_tenths (item->median_x10);

      /* Translators: the figures of an item's scores */
      facts = g_strdup_printf (ngettext ("%u scorer · mean %s · median %s · spread %d%s · default %d%%",
                                         "%u scorers · mean %s · median %s · spread %d%s · default %d%%",
                                         item->scorers),
                               item->scorers, mean, median, item->spread,
                               item->flagged ? " ⚑" : "", item->default_percent);
    }
  gtk_label_set_label (self->facts_label, facts);

  percent = item->percent >= 0 ? g_strdup_printf ("%d", item->percent) : g_strdup ("");
  g_signal_handlers_block_by_func (self->percent_entry, percent_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->percent_entry), percent);
  g_signal_handlers_unblock_by_func (self->percent_entry, percent_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->rationale_entry),
                         item->rationale != NULL ? item->rationale : "");
  gtk_revealer_set_reveal_child (self->rationale_revealer,
                                 item->percent >= 0 && item->percent != item->default_percent);

  if (item->percent >= 0)
    {
      g_autofree char *value = qa_consensus_format_points (item->points_x100);

      /* Translators: the points an item earns at the consensus, e.g. “30.00 points” */
      points = g_strdup_printf (_("%s points"), value);
    }
  gtk_label_set_label (self->points_label, points);

  /* The chair's texts, or else what the reviewers wrote, once each and without names. */
  if (item->strengths != NULL || item->improvements != NULL)
    {
      set_text (self->strengths_view, item->strengths);
      set_text (self->improvements_view, item->improvements);
    }
  else
    {
      qa_consensus_dup_texts (session, stage, item->applicant_id, item->item,
                              &texts_strengths, &texts_improvements, NULL);
      set_text (self->strengths_view, texts_strengths);
      set_text (self->improvements_view, texts_improvements);
    }

  show_reviewers (self, item);
  qa_consensus_editor_set_editable (self, self->editable);
}

/* GObject ------------------------------------------------------------------------------------ */

static void
qa_consensus_editor_dispose (GObject *object)
{
  QaConsensusEditor *self = QA_CONSENSUS_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), QA_TYPE_CONSENSUS_EDITOR);
  _qa_ui_dispose_children (GTK_WIDGET (self));
  g_clear_object (&self->row);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (qa_consensus_editor_parent_class)->dispose (object);
}

static void
qa_consensus_editor_class_init (QaConsensusEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qa_consensus_editor_dispose;

  /* A consensus was recorded; @advance: the user asked to go on to the next item. */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/qa-consensus-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, QaConsensusEditor, facts_label);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusEditor, hint_label);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusEditor, improvements_view);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusEditor, percent_entry);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusEditor, points_label);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusEditor, rationale_entry);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusEditor, rationale_revealer);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusEditor, reviewers_label);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusEditor, save_texts_button);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusEditor, strengths_view);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusEditor, title_label);
  gtk_widget_class_bind_template_callback (widget_class, percent_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, percent_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, rationale_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_texts_cb);

  gtk_widget_class_set_css_name (widget_class, "consensus-editor");
}

static void
qa_consensus_editor_init (QaConsensusEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  _qa_ui_accept_digits_only (GTK_EDITABLE (self->percent_entry));
}

GtkWidget *
qa_consensus_editor_new (void)
{
  return g_object_new (QA_TYPE_CONSENSUS_EDITOR, NULL);
}

void
qa_consensus_editor_set_editable (QaConsensusEditor *self,
                                  gboolean           editable)
{
  const QaConsensusItem *item;
  gboolean scored;

  g_return_if_fail (QA_IS_CONSENSUS_EDITOR (self));

  self->editable = editable;
  item = current (self);
  scored = item != NULL && item->scorers > 0;
  gtk_editable_set_editable (GTK_EDITABLE (self->percent_entry), editable && scored);
  gtk_editable_set_editable (GTK_EDITABLE (self->rationale_entry), editable && scored);
  gtk_text_view_set_editable (self->strengths_view, editable && scored);
  gtk_text_view_set_editable (self->improvements_view, editable && scored);
  gtk_widget_set_visible (self->save_texts_button, editable && scored);
}

void
qa_consensus_editor_focus (QaConsensusEditor *self)
{
  g_return_if_fail (QA_IS_CONSENSUS_EDITOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->percent_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->percent_entry), 0, -1);
}

GtkEditable *
qa_consensus_editor_get_percent_field (QaConsensusEditor *self)
{
  g_return_val_if_fail (QA_IS_CONSENSUS_EDITOR (self), NULL);
  return GTK_EDITABLE (self->percent_entry);
}

GtkEditable *
qa_consensus_editor_get_rationale_field (QaConsensusEditor *self)
{
  g_return_val_if_fail (QA_IS_CONSENSUS_EDITOR (self), NULL);
  return GTK_EDITABLE (self->rationale_entry);
}

const char *
qa_consensus_editor_get_hint (QaConsensusEditor *self)
{
  g_return_val_if_fail (QA_IS_CONSENSUS_EDITOR (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->hint_label)))
    return NULL;
  return gtk_label_get_label (self->hint_label);
}
