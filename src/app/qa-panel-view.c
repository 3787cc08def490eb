/* qa-panel-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-panel-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "qa-experts-ui-private.h"
#include "qa-panel-candidates.h"
#include "qa-panel-draw-box.h"
#include "qa-panel-formed.h"
#include "qa-panel-view.h"
#include "qa-ui-private.h"

/* QaPanelView ------------------------------------------------------------------------------- */

struct _QaPanelView
{
  GtkWidget        parent_instance;

  /* Owned */
  QaSession       *session;
  QaStage          stage;
  char            *chair_id;
  GPtrArray       *violations;   /* QaPanelViolation: the proposal's, now */
  QaPanel         *formed;       /* the stage's panel as stored, or NULL */
  guint            updating;     /* the view is changing the chair list itself */
  QaRole           role;

  /* Template widgets */
  QaPanelCandidates *candidates_part;
  GtkStringList   *chair_choices;
  GtkDropDown     *chair_dropdown;
  GtkStack        *check_stack;
  GtkLabel        *count_label;
  QaPanelDrawBox  *draw_box;
  QaPanelFormed   *formed_part;
  GtkToggleButton *material_button;
  GtkToggleButton *site_button;
  GtkLabel        *status_label;
  GtkLabel        *valid_label;
  GtkListBox      *violations_list;
};

G_DEFINE_FINAL_TYPE (QaPanelView, qa_panel_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_STAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  const char *not_formed;
  const char *formed;
} StageTexts;

static const StageTexts material_texts = {
  N_("No panel has been formed for material review yet. Pick or draw its members, choose the "
     "chair, and form it once the rule check is clear."),
  N_("Material review panel formed"),
};

static const StageTexts site_texts = {
  N_("No panel has been formed for site review yet. Pick or draw its members, choose the chair, "
     "and form it once the rule check is clear."),
  N_("Site review panel formed"),
};

static const StageTexts *
stage_texts (QaStage stage)
{
  return stage == QA_STAGE_SITE ? &site_texts : &material_texts;
}

static guint
strv_count (const char * const *strv)
{
  return strv != NULL ? g_strv_length ((char **)strv) : 0;
}

/* The same ids, in any order. */
static gboolean
strv_same_ids (const char * const *a,
               const char * const *b)
{
  if (strv_count (a) != strv_count (b))
    return FALSE;

  for (guint i = 0; a != NULL && a[i] != NULL; i++)
    {
      if (!g_strv_contains (b, a[i]))
        return FALSE;
    }

  return TRUE;
}

static const char * const *
members_of (QaPanelView *self)
{
  return qa_panel_candidates_get_members (self->candidates_part);
}

static const char * const *
alternates_of (QaPanelView *self)
{
  return qa_panel_candidates_get_alternates (self->candidates_part);
}

/* The proposal is the panel as formed: forming it again would change nothing. */
static gboolean
proposal_is_formed (QaPanelView *self)
{
  return self->formed != NULL &&
         g_strcmp0 (qa_panel_get_chair_id (self->formed), self->chair_id) == 0 &&
         strv_same_ids (qa_panel_get_members (self->formed), members_of (self)) &&
         strv_same_ids (qa_panel_get_alternates (self->formed), alternates_of (self));
}

static void
update_chair_choices (QaPanelView *self)
{
  const char * const *members = members_of (self);
  guint selected = 0;

  self->updating++;

  gtk_string_list_splice (self->chair_choices, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->chair_choices)), NULL);
  gtk_string_list_append (self->chair_choices, _("None chosen"));
  for (guint i = 0; members[i] != NULL; i++)
    {
      const char *id = members[i];
      g_autofree char *label = _qa_experts_ui_dup_expert_label (self->session, id);

      gtk_string_list_append (self->chair_choices, label);
      if (g_strcmp0 (id, self->chair_id) == 0)
        selected = i + 1;
    }
  gtk_drop_down_set_selected (self->chair_dropdown, selected);

  self->updating--;
}

static void
update_count (QaPanelView *self)
{
  guint n_members = strv_count (members_of (self));
  guint n_alternates = strv_count (alternates_of (self));
  g_autofree char *members = NULL;
  g_autofree char *count = NULL;

  members = g_strdup_printf (ngettext ("%u member", "%u members", n_members), n_members);
  count = g_strdup_printf (ngettext ("%s · %u alternate", "%s · %u alternates", n_alternates),
                           members, n_alternates);
  gtk_label_set_label (self->count_label, count);
}

static void
show_violations (QaPanelView *self)
{
  gboolean unchanged = proposal_is_formed (self);

  _qa_experts_ui_clear_list_box (self->violations_list);

  for (guint i = 0; self->violations != NULL && i < self->violations->len; i++)
    gtk_list_box_append (self->violations_list,
                         _qa_experts_ui_violation_row_new (g_ptr_array_index (self->violations, i),
                                                           "dialog-error-symbolic", "error"));

  if (self->violations != NULL && self->violations->len == 0)
    {
      gtk_label_set_label (self->valid_label,
                           unchanged ? _("This is the panel as formed.")
                                     : _("The size, every member’s qualifications, the chair and "
                                         "the scorers left after recusals all hold: the panel "
                                         "may be formed."));
      gtk_stack_set_visible_child_name (self->check_stack, "valid");
    }
  else
    gtk_stack_set_visible_child_name (self->check_stack, "violations");

  /* Only a proposal the rules allow can be formed, and only when it changes something. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "panel.form",
                                 self->violations != NULL && self->violations->len == 0 &&
                                 !unchanged && qa_role_allows (self->role, QA_PERMISSION_FORM_PANEL));
}

static void
run_check (QaPanelView *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->violations, g_ptr_array_unref);

  if (self->session == NULL)
    {
      show_violations (self);
      return;
    }

  self->violations = qa_panel_check (self->session, self->stage, self->chair_id,
                                     members_of (self), alternates_of (self),
                                     &error);
  if (self->violations == NULL)
    {
      self->violations = g_ptr_array_new_with_free_func ((GDestroyNotify)qa_panel_violation_free);
      g_ptr_array_add (self->violations, qa_panel_violation_new (NULL, NULL, error->message));
    }

  show_violations (self);
}

static void
proposal_changed (QaPanelView *self)
{
  update_chair_choices (self);
  update_count (self);
  run_check (self);
}

/* Shows @chair_id, @members and @alternates as the proposal. */
static void
set_proposal (QaPanelView        *self,
              const char         *chair_id,
              const char * const *members,
              const char * const *alternates)
{
  qa_panel_candidates_set_roles (self->candidates_part, members, alternates);
  g_free (self->chair_id);
  self->chair_id = g_strdup (chair_id);

  proposal_changed (self);
}

/* A box ticked or unticked. */
static void
candidates_changed_cb (QaPanelView       *self,
                       QaPanelCandidates *candidates)
{
  g_assert (QA_IS_PANEL_VIEW (self));

  /* The chair list offers members only. */
  if (self->chair_id != NULL && !g_strv_contains (members_of (self), self->chair_id))
    g_clear_pointer (&self->chair_id, g_free);

  proposal_changed (self);
}

/* “Reviews 5 applicants · Formed on 2026-05-06 14:30”. */
static void
show_status (QaPanelView *self,
             const char  *state)
{
  g_auto(GStrv) applicants = NULL;
  g_autofree char *status = NULL;
  guint n_applicants;

  if (self->formed != NULL)
    applicants = g_strdupv ((char **)qa_panel_get_applicants (self->formed));
  else if (self->session != NULL)
    applicants = qa_panel_dup_stage_applicants (self->session, self->stage, NULL);

  n_applicants = applicants != NULL ? g_strv_length (applicants) : 0;
  /* Translators: how many applicants the stage's panel reviews, then whether it is formed */
  status = g_strdup_printf (ngettext ("Reviews %u applicant · %s", "Reviews %u applicants · %s",
                                      n_applicants),
                            n_applicants, state);
  gtk_label_set_label (self->status_label, status);
}

static void
show_formed_panel (QaPanelView *self)
{
  g_autofree char *state = NULL;

  state = qa_panel_formed_show (self->formed_part, self->session, self->formed,
                                _(stage_texts (self->stage)->not_formed));
  show_status (self, state);
}

static void
load_formed_panel (QaPanelView *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->formed);
  if (self->session != NULL)
    {
      self->formed = qa_panel_load (self->session, self->stage, &error);
      if (self->formed == NULL && !g_error_matches (error, QA_PANEL_ERROR, QA_PANEL_ERROR_NOT_FORMED))
        g_warning ("Could not read the %s panel: %s", qa_stage_to_string (self->stage), error->message);
    }

  show_formed_panel (self);
}

/* Shows the stage afresh: its formed panel, and that panel as the proposal. */
static void
load_stage (QaPanelView *self)
{
  load_formed_panel (self);

  qa_panel_draw_box_clear (self->draw_box);

  if (self->formed != NULL)
    set_proposal (self, qa_panel_get_chair_id (self->formed), qa_panel_get_members (self->formed),
                  qa_panel_get_alternates (self->formed));
  else
    set_proposal (self, NULL, NULL, NULL);
}

static void
experts_changed_cb (QaPanelView *self,
                    guint        position,
                    guint        removed,
                    guint        added,
                    GListModel  *model)
{
  g_assert (QA_IS_PANEL_VIEW (self));

  /* Every write reloads the pool: qualifications, ties and the formed panel may have changed. */
  qa_panel_candidates_rebuild (self->candidates_part, self->session);
  load_formed_panel (self);
  proposal_changed (self);
}

static void
stage_toggled_cb (QaPanelView     *self,
                  GtkToggleButton *button)
{
  g_assert (QA_IS_PANEL_VIEW (self));

  if (!gtk_toggle_button_get_active (button))
    return;

  qa_panel_view_set_stage (self, button == self->site_button ? QA_STAGE_SITE : QA_STAGE_MATERIAL);
}

static void
chair_selected_cb (QaPanelView *self,
                   GParamSpec  *pspec,
                   GtkDropDown *dropdown)
{
  guint selected;

  g_assert (QA_IS_PANEL_VIEW (self));

  if (self->updating > 0)
    return;

  selected = gtk_drop_down_get_selected (dropdown);
  g_clear_pointer (&self->chair_id, g_free);
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected <= strv_count (members_of (self)))
    self->chair_id = g_strdup (members_of (self)[selected - 1]);

  run_check (self);
}

/* As the command line does: the first drawn chairs unless someone else is chosen. */
static void
drawn_cb (QaPanelView    *self,
          QaPanelDrawBox *box)
{
  const QaPanelDraw *draw = qa_panel_draw_box_get_draw (box);

  g_assert (QA_IS_PANEL_VIEW (self));

  set_proposal (self, draw->members[0], (const char * const *)draw->members,
                (const char * const *)draw->alternates);
}

static void
form_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  QaPanelView *self = QA_PANEL_VIEW (widget);
  g_autoptr(GError) error = NULL;
  QaStage stage = self->stage;

  if (self->session == NULL)
    return;

  if (!qa_panel_form (self->session, stage, self->chair_id, members_of (self),
                      alternates_of (self), &error))
    {
      _qa_ui_show_error (widget, _("The Panel Could Not Be Formed"), error->message);
      return;
    }

  load_formed_panel (self);
  run_check (self);
  _qa_ui_add_toast (widget, adw_toast_new (_(stage_texts (stage)->formed)));
}

static void
disconnect_session (QaPanelView *self)
{
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_func (qa_session_get_experts (self->session),
                                          G_CALLBACK (experts_changed_cb), self);
}

static void
qa_panel_view_dispose (GObject *object)
{
  QaPanelView *self = (QaPanelView *)object;
  disconnect_session (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), QA_TYPE_PANEL_VIEW);
  _qa_ui_dispose_children (GTK_WIDGET (self));

  g_clear_object (&self->session);
  g_clear_object (&self->formed);
  g_clear_pointer (&self->violations, g_ptr_array_unref);

  G_OBJECT_CLASS (qa_panel_view_parent_class)->dispose (object);
}

static void
qa_panel_view_finalize (GObject *object)
{
  QaPanelView *self = (QaPanelView *)object;

  g_clear_pointer (&self->chair_id, g_free);

  G_OBJECT_CLASS (qa_panel_view_parent_class)->finalize (object);
}

static void
qa_panel_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  QaPanelView *self = QA_PANEL_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_STAGE:
      g_value_set_int (value, self->stage);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_panel_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  QaPanelView *self = QA_PANEL_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      qa_panel_view_set_session (self, g_value_get_object (value));
      break;

    case PROP_STAGE:
      qa_panel_view_set_stage (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_panel_view_class_init (QaPanelViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qa_panel_view_dispose;
  object_class->finalize = qa_panel_view_finalize;
  object_class->get_property = qa_panel_view_get_property;
  object_class->set_property = qa_panel_view_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         QA_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STAGE] =
    g_param_spec_int ("stage", NULL, NULL,
                      QA_STAGE_MATERIAL, QA_STAGE_SITE, QA_STAGE_MATERIAL,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (QA_TYPE_EXPERT);
  g_type_ensure (QA_TYPE_PANEL_CANDIDATES);
  g_type_ensure (QA_TYPE_PANEL_DRAW_BOX);
  g_type_ensure (QA_TYPE_PANEL_FORMED);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/qa-panel-view.ui");
  gtk_widget_class_bind_template_child (widget_class, QaPanelView, candidates_part);
  gtk_widget_class_bind_template_child (widget_class, QaPanelView, chair_choices);
  gtk_widget_class_bind_template_child (widget_class, QaPanelView, chair_dropdown);
  gtk_widget_class_bind_template_child (widget_class, QaPanelView, check_stack);
  gtk_widget_class_bind_template_child (widget_class, QaPanelView, count_label);
  gtk_widget_class_bind_template_child (widget_class, QaPanelView, draw_box);
  gtk_widget_class_bind_template_child (widget_class, QaPanelView, formed_part);
  gtk_widget_class_bind_template_child (widget_class, QaPanelView, material_button);
  gtk_widget_class_bind_template_child (widget_class, QaPanelView, site_button);
  gtk_widget_class_bind_template_child (widget_class, QaPanelView, status_label);
  gtk_widget_class_bind_template_child (widget_class, QaPanelView, valid_label);
  gtk_widget_class_bind_template_child (widget_class, QaPanelView, violations_list);
  gtk_widget_class_bind_template_callback (widget_class, chair_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, candidates_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, drawn_cb);
  gtk_widget_class_bind_template_callback (widget_class, stage_toggled_cb);

  gtk_widget_class_install_action (widget_class, "panel.form", NULL, form_action);

  gtk_widget_class_set_css_name (widget_class, "panel-view");
}

static void
qa_panel_view_init (QaPanelView *self)
{
  self->stage = QA_STAGE_MATERIAL;

  gtk_widget_init_template (GTK_WIDGET (self));

  load_stage (self);
}

GtkWidget *
qa_panel_view_new (void)
{
  return g_object_new (QA_TYPE_PANEL_VIEW, NULL);
}

QaSession *
qa_panel_view_get_session (QaPanelView *self)
{
  g_return_val_if_fail (QA_IS_PANEL_VIEW (self), NULL);

  return self->session;
}

void
qa_panel_view_set_session (QaPanelView *self,
                           QaSession   *session)
{
  g_return_if_fail (QA_IS_PANEL_VIEW (self));
  g_return_if_fail (!session || QA_IS_SESSION (session));

  if (self->session == session)
    return;

  disconnect_session (self);
  g_set_object (&self->session, session);

  if (session != NULL)
    {
      g_signal_connect_object (qa_session_get_experts (session), "items-changed",
                               G_CALLBACK (experts_changed_cb), self, G_CONNECT_SWAPPED);
    }

  qa_panel_draw_box_set_session (self->draw_box, session);
  qa_panel_candidates_rebuild (self->candidates_part, self->session);
  load_stage (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

void
qa_panel_view_set_role (QaPanelView *self,
                        QaRole       role)
{
  g_return_if_fail (QA_IS_PANEL_VIEW (self));

  self->role = role;
  show_violations (self);
  qa_panel_draw_box_set_role (self->draw_box, role);
}

QaStage
qa_panel_view_get_stage (QaPanelView *self)
{
  g_return_val_if_fail (QA_IS_PANEL_VIEW (self), QA_STAGE_MATERIAL);

  return self->stage;
}

void
qa_panel_view_set_stage (QaPanelView *self,
                         QaStage      stage)
{
  g_return_if_fail (QA_IS_PANEL_VIEW (self));
  g_return_if_fail (stage == QA_STAGE_MATERIAL || stage == QA_STAGE_SITE);

  if (self->stage == stage)
    return;

  self->stage = stage;
  qa_panel_draw_box_set_stage (self->draw_box, stage);
  gtk_toggle_button_set_active (stage == QA_STAGE_SITE ? self->site_button : self->material_button,
                                TRUE);
  load_stage (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
}

const char *
qa_panel_view_get_chair (QaPanelView *self)
{
  g_return_val_if_fail (QA_IS_PANEL_VIEW (self), NULL);

  return self->chair_id;
}

GStrv
qa_panel_view_dup_members (QaPanelView *self)
{
  g_return_val_if_fail (QA_IS_PANEL_VIEW (self), NULL);

  return g_strdupv ((char **)members_of (self));
}

GPtrArray *
qa_panel_view_get_violations (QaPanelView *self)
{
  g_return_val_if_fail (QA_IS_PANEL_VIEW (self), NULL);

  return self->violations;
}

const QaPanelDraw *
qa_panel_view_get_draw (QaPanelView *self)
{
  g_return_val_if_fail (QA_IS_PANEL_VIEW (self), NULL);

  return qa_panel_draw_box_get_draw (self->draw_box);
}
