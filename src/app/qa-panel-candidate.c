/* qa-panel-candidate.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-panel-candidate"

#include "config.h"

#include <glib/gi18n.h>

#include "qa-experts-ui-private.h"
#include "qa-panel-candidate-private.h"

G_DEFINE_FINAL_TYPE (QaPanelCandidate, qa_panel_candidate, G_TYPE_OBJECT)

enum {
  CANDIDATE_PROP_0,
  CANDIDATE_PROP_EXPERT,
  CANDIDATE_PROP_MEMBER,
  CANDIDATE_PROP_ALTERNATE,
  CANDIDATE_PROP_SERVE_ICON,
  CANDIDATE_PROP_SERVE_STYLE,
  CANDIDATE_PROP_SERVE_SUMMARY,
  CANDIDATE_PROP_SERVE_REASONS,
  CANDIDATE_PROP_TIES_SUMMARY,
  CANDIDATE_PROP_TIES_REASONS,
  N_CANDIDATE_PROPS
};

static GParamSpec *candidate_properties[N_CANDIDATE_PROPS];

void
qa_panel_candidate_set_role (QaPanelCandidate *self,
                             gboolean          member,
                             gboolean          alternate)
{
  gboolean was_member = self->member;
  gboolean was_alternate = self->alternate;

  g_assert (!(member && alternate));

  self->member = member;
  self->alternate = alternate;

  if (was_member != member)
    g_object_notify_by_pspec (G_OBJECT (self), candidate_properties[CANDIDATE_PROP_MEMBER]);
  if (was_alternate != alternate)
    g_object_notify_by_pspec (G_OBJECT (self), candidate_properties[CANDIDATE_PROP_ALTERNATE]);
}

static void
qa_panel_candidate_finalize (GObject *object)
{
  QaPanelCandidate *self = (QaPanelCandidate *)object;

  g_clear_object (&self->expert);
  g_clear_pointer (&self->serve_summary, g_free);
  g_clear_pointer (&self->serve_reasons, g_free);
  g_clear_pointer (&self->ties_summary, g_free);
  g_clear_pointer (&self->ties_reasons, g_free);

  G_OBJECT_CLASS (qa_panel_candidate_parent_class)->finalize (object);
}

static void
qa_panel_candidate_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  QaPanelCandidate *self = QA_PANEL_CANDIDATE (object);

  switch (prop_id)
    {
    case CANDIDATE_PROP_EXPERT:
      g_value_set_object (value, self->expert);
      break;

    case CANDIDATE_PROP_MEMBER:
      g_value_set_boolean (value, self->member);
      break;

    case CANDIDATE_PROP_ALTERNATE:
      g_value_set_boolean (value, self->alternate);
      break;

    case CANDIDATE_PROP_SERVE_ICON:
      g_value_set_static_string (value, self->may_serve ? "emblem-ok-symbolic"
                                                        : "dialog-warning-symbolic");
      break;

    case CANDIDATE_PROP_SERVE_STYLE:
      g_value_take_boxed (value, g_strdupv ((char *[]) { self->may_serve ? (char *)"success"
                                                                         : (char *)"warning",
                                                         NULL }));
      break;

    case CANDIDATE_PROP_SERVE_SUMMARY:
      g_value_set_string (value, self->serve_summary);
      break;

    case CANDIDATE_PROP_SERVE_REASONS:
      g_value_set_string (value, self->serve_reasons);
      break;

    case CANDIDATE_PROP_TIES_SUMMARY:
      g_value_set_string (value, self->ties_summary);
      break;

    case CANDIDATE_PROP_TIES_REASONS:
      g_value_set_string (value, self->ties_reasons);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_panel_candidate_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  QaPanelCandidate *self = QA_PANEL_CANDIDATE (object);

  switch (prop_id)
    {
    case CANDIDATE_PROP_EXPERT:
      self->expert = g_value_dup_object (value);
      break;

    case CANDIDATE_PROP_MEMBER:
      if (g_value_get_boolean (value))
        qa_panel_candidate_set_role (self, TRUE, FALSE);
      else
        qa_panel_candidate_set_role (self, FALSE, self->alternate);
      break;

    case CANDIDATE_PROP_ALTERNATE:
      if (g_value_get_boolean (value))
        qa_panel_candidate_set_role (self, FALSE, TRUE);
      else
        qa_panel_candidate_set_role (self, self->member, FALSE);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_panel_candidate_class_init (QaPanelCandidateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = qa_panel_candidate_finalize;
  object_class->get_property = qa_panel_candidate_get_property;
  object_class->set_property = qa_panel_candidate_set_property;

  candidate_properties[CANDIDATE_PROP_EXPERT] =
    g_param_spec_object ("expert", NULL, NULL, QA_TYPE_EXPERT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  candidate_properties[CANDIDATE_PROP_MEMBER] =
    g_param_spec_boolean ("member", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  candidate_properties[CANDIDATE_PROP_ALTERNATE] =
    g_param_spec_boolean ("alternate", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  candidate_properties[CANDIDATE_PROP_SERVE_ICON] =
    g_param_spec_string ("serve-icon", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  candidate_properties[CANDIDATE_PROP_SERVE_STYLE] =
    g_param_spec_boxed ("serve-style", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  candidate_properties[CANDIDATE_PROP_SERVE_SUMMARY] =
    g_param_spec_string ("serve-summary", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  candidate_properties[CANDIDATE_PROP_SERVE_REASONS] =
    g_param_spec_string ("serve-reasons", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  candidate_properties[CANDIDATE_PROP_TIES_SUMMARY] =
    g_param_spec_string ("ties-summary", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  candidate_properties[CANDIDATE_PROP_TIES_REASONS] =
    g_param_spec_string ("ties-reasons", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_CANDIDATE_PROPS, candidate_properties);
}

static void
qa_panel_candidate_init (QaPanelCandidate *self)
{
}

/* What Art. 11 says of the expert, in short (the articles broken) and in full (the reasons). */
static void
describe_service (QaPanelCandidate *self,
                  QaSession        *session)
{
  g_autoptr(GPtrArray) violations = _qa_experts_ui_check_expert (session, self->expert);
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autoptr(GString) reasons = g_string_new (NULL);

  self->may_serve = violations->len == 0;
  if (self->may_serve)
    {
      self->serve_summary = g_strdup (_("May serve"));
      return;
    }

  for (guint i = 0; i < violations->len; i++)
    {
      const QaPanelViolation *violation = g_ptr_array_index (violations, i);

      if (summary->len > 0)
        g_string_append (summary, _(", "));
      g_string_append (summary, violation->article != NULL ? violation->article : "?");
      if (reasons->len > 0)
        g_string_append_c (reasons, '\n');
      g_string_append (reasons, violation->message);
    }

  self->serve_summary = g_string_free (g_steal_pointer (&summary), FALSE);
  self->serve_reasons = g_string_free (g_steal_pointer (&reasons), FALSE);
}

/* @ties are every tie of the pool (QaTie). */
static void
describe_ties (QaPanelCandidate *self,
               QaSession        *session,
               GPtrArray        *ties)
{
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autoptr(GString) reasons = g_string_new (NULL);
  const char *last_applicant = NULL;

  for (guint i = 0; ties != NULL && i < ties->len; i++)
    {
      const QaTie *tie = g_ptr_array_index (ties, i);
      g_autofree char *applicant = NULL;
      g_autofree char *description = NULL;

      if (g_strcmp0 (tie->expert_id, qa_expert_get_id (self->expert)) != 0)
        continue;

      /* One applicant may be tied twice, declared and found. */
      if (g_strcmp0 (last_applicant, tie->applicant_id) != 0)
        {
          if (summary->len > 0)
            g_string_append (summary, _(", "));
          g_string_append (summary, tie->applicant_id);
          last_applicant = tie->applicant_id;
        }

      applicant = _qa_experts_ui_dup_applicant_label (session, tie->applicant_id);
      description = _qa_experts_ui_describe_tie (session, tie);
      if (reasons->len > 0)
        g_string_append_c (reasons, '\n');
      /* Translators: an applicant, then its tie with the expert */
      g_string_append_printf (reasons, _("%s — %s"), applicant, description);
    }

  self->ties_summary = summary->len > 0 ? g_string_free (g_steal_pointer (&summary), FALSE)
                                        : g_strdup ("—");
  self->ties_reasons = reasons->len > 0 ? g_string_free (g_steal_pointer (&reasons), FALSE)
                                        : NULL;
}

QaPanelCandidate *
qa_panel_candidate_new (QaSession *session,
                        QaExpert  *expert,
                        GPtrArray *ties)
{
  QaPanelCandidate *self = g_object_new (QA_TYPE_PANEL_CANDIDATE, "expert", expert, NULL);

  describe_service (self, session);
  describe_ties (self, session, ties);

  return self;
}
