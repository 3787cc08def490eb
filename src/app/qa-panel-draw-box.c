/* qa-panel-draw-box.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-panel-draw-box"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "qa-experts-ui-private.h"
#include "qa-panel-draw-box.h"
#include "qa-ui-private.h"

struct _QaPanelDrawBox
{
  GtkWidget      parent_instance;

  /* Owned */
  QaSession     *session;
  QaStage        stage;
  QaRole         role;
  QaPanelDraw   *draw;           /* the last draw shown, or NULL */

  /* Template widgets */
  GtkSpinButton *alternates_spin;
  GtkLabel      *draw_label;
  GtkEntry      *seed_entry;
  GtkSpinButton *size_spin;
};

G_DEFINE_FINAL_TYPE (QaPanelDrawBox, qa_panel_draw_box, GTK_TYPE_WIDGET)

enum {
  DRAWN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
parse_seed (QaPanelDrawBox *self,
            guint64        *seed)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->seed_entry));

  return g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT64, seed, NULL);
}

static void
seed_changed_cb (QaPanelDrawBox *self,
                 GtkEntry       *entry)
{
  guint64 seed;
  gboolean valid;

  g_assert (QA_IS_PANEL_DRAW_BOX (self));

  valid = parse_seed (self, &seed);
  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "panel.draw",
                                 valid && self->session != NULL &&
                                 qa_role_allows (self->role, QA_PERMISSION_FORM_PANEL));
}

static void
new_seed_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  QaPanelDrawBox *self = QA_PANEL_DRAW_BOX (widget);
  g_autofree char *seed = NULL;

  /* Nine digits: easy to read out and to write down in the minutes. */
  seed = g_strdup_printf ("%d", g_random_int_range (100000000, 1000000000));
  gtk_editable_set_text (GTK_EDITABLE (self->seed_entry), seed);
}

static void
show_draw (QaPanelDrawBox *self)
{
  g_autofree char *seed = NULL;
  g_autofree char *members = NULL;
  g_autofree char *alternates = NULL;
  g_autofree char *drawn_at = NULL;
  g_autofree char *pool = NULL;
  g_autofree char *text = NULL;

  seed = g_strdup_printf ("%" G_GUINT64_FORMAT, self->draw->seed);
  members = _qa_experts_ui_join_experts (self->session, (const char * const *)self->draw->members);
  alternates = _qa_experts_ui_join_experts (self->session,
                                            (const char * const *)self->draw->alternates);
  drawn_at = _qa_experts_ui_format_timestamp (self->draw->drawn_at);
  pool = g_strdup_printf (ngettext ("%u expert who may serve", "%u experts who may serve",
                                    g_strv_length (self->draw->pool)),
                          g_strv_length (self->draw->pool));

  /* Translators: the seed, when, the pool, then who was drawn */
  text = g_strdup_printf (_("Drawn with seed %s on %s from %s. Members: %s. Alternates: %s. The "
                            "first drawn is proposed as chair."),
                          seed, drawn_at, pool, members, alternates);
  if (qa_panel_draw_get_choice_note (self->draw) != NULL)
    {
      char *with_note = g_strconcat (text, "\n", qa_panel_draw_get_choice_note (self->draw), NULL);

      g_free (text);
      text = with_note;
    }
  gtk_label_set_label (self->draw_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->draw_label), TRUE);
}

static void
draw_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  QaPanelDrawBox *self = QA_PANEL_DRAW_BOX (widget);
  g_autoptr(QaPanelDraw) draw = NULL;
  g_autoptr(GError) error = NULL;
  guint64 seed;

  if (self->session == NULL || !parse_seed (self, &seed))
    return;

  draw = qa_panel_draw (self->session, self->stage,
                        gtk_spin_button_get_value_as_int (self->size_spin),
                        gtk_spin_button_get_value_as_int (self->alternates_spin),
                        seed, &error);
  if (draw == NULL)
    {
      _qa_ui_show_error (widget, _("The Panel Could Not Be Drawn"), error->message);
      return;
    }

  g_clear_pointer (&self->draw, qa_panel_draw_free);
  self->draw = g_steal_pointer (&draw);
  show_draw (self);

  g_signal_emit (self, signals[DRAWN], 0);
}

static void
qa_panel_draw_box_dispose (GObject *object)
{
  QaPanelDrawBox *self = (QaPanelDrawBox *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), QA_TYPE_PANEL_DRAW_BOX);
  _qa_ui_dispose_children (GTK_WIDGET (self));

  g_clear_object (&self->session);
  g_clear_pointer (&self->draw, qa_panel_draw_free);

  G_OBJECT_CLASS (qa_panel_draw_box_parent_class)->dispose (object);
}

static void
qa_panel_draw_box_class_init (QaPanelDrawBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qa_panel_draw_box_dispose;

  signals[DRAWN] = g_signal_new ("drawn", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/qa-panel-draw-box.ui");
  gtk_widget_class_bind_template_child (widget_class, QaPanelDrawBox, alternates_spin);
  gtk_widget_class_bind_template_child (widget_class, QaPanelDrawBox, draw_label);
  gtk_widget_class_bind_template_child (widget_class, QaPanelDrawBox, seed_entry);
  gtk_widget_class_bind_template_child (widget_class, QaPanelDrawBox, size_spin);
  gtk_widget_class_bind_template_callback (widget_class, seed_changed_cb);

  gtk_widget_class_install_action (widget_class, "panel.draw", NULL, draw_action);
  gtk_widget_class_install_action (widget_class, "panel.new-seed", NULL, new_seed_action);

  gtk_widget_class_set_css_name (widget_class, "panel-draw-box");
}

static void
qa_panel_draw_box_init (QaPanelDrawBox *self)
{
  self->stage = QA_STAGE_MATERIAL;

  gtk_widget_init_template (GTK_WIDGET (self));

  new_seed_action (GTK_WIDGET (self), NULL, NULL);
}

void
qa_panel_draw_box_set_session (QaPanelDrawBox *self,
                               QaSession      *session)
{
  g_return_if_fail (QA_IS_PANEL_DRAW_BOX (self));

  g_set_object (&self->session, session);
  if (session != NULL)
    gtk_spin_button_set_value (self->size_spin,
                               qa_profile_get_panel_min_size (qa_session_get_profile (session)));
  qa_panel_draw_box_clear (self);
  seed_changed_cb (self, self->seed_entry);
}

void
qa_panel_draw_box_set_stage (QaPanelDrawBox *self,
                             QaStage         stage)
{
  g_return_if_fail (QA_IS_PANEL_DRAW_BOX (self));

  self->stage = stage;
}

void
qa_panel_draw_box_set_role (QaPanelDrawBox *self,
                            QaRole          role)
{
  g_return_if_fail (QA_IS_PANEL_DRAW_BOX (self));

  self->role = role;
  seed_changed_cb (self, self->seed_entry);
}

void
qa_panel_draw_box_clear (QaPanelDrawBox *self)
{
  g_return_if_fail (QA_IS_PANEL_DRAW_BOX (self));

  g_clear_pointer (&self->draw, qa_panel_draw_free);
  gtk_widget_set_visible (GTK_WIDGET (self->draw_label), FALSE);
}

const QaPanelDraw *
qa_panel_draw_box_get_draw (QaPanelDrawBox *self)
{
  g_return_val_if_fail (QA_IS_PANEL_DRAW_BOX (self), NULL);

  return self->draw;
}
