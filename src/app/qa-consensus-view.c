/* qa-consensus-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-consensus-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "qa-consensus-view.h"

struct _QaConsensusView
{
  GtkWidget     parent_instance;

  /* Owned */
  QaSession    *session;

  /* Template widgets */
  AdwActionRow *discussion_row;
  GtkLabel     *discussion_value_label;
  AdwActionRow *method_row;
  GtkLabel     *method_value_label;
  AdwActionRow *rounding_row;
  GtkLabel     *rounding_value_label;
  AdwActionRow *scorers_row;
  GtkLabel     *scorers_value_label;
};

G_DEFINE_FINAL_TYPE (QaConsensusView, qa_consensus_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_method (QaConsensusView *self,
             QaProfile       *profile)
{
  g_autofree char *explanation = NULL;
  const char *method;
  guint trim_from;

  switch (qa_profile_get_consensus_method (profile))
    {
    case QA_CONSENSUS_METHOD_MEAN:
      method = _("Mean");
      explanation = g_strdup (_("The default consensus of an item is the mean of the "
                                "panel’s scores."));
      break;

    case QA_CONSENSUS_METHOD_MEDIAN:
      method = _("Median");
      explanation = g_strdup (_("The default consensus of an item is the middle one of the "
                                "panel’s scores."));
      break;

    case QA_CONSENSUS_METHOD_TRIMMED_MEAN:
    default:
      trim_from = qa_profile_get_trim_min_scorers (profile);
      method = _("Trimmed mean");
      explanation = g_strdup_printf (ngettext ("The default consensus of an item drops its highest "
                                               "and its lowest score and averages the rest, once "
                                               "it has at least %u scorer; with fewer, all scores "
                                               "are averaged.",
                                               "The default consensus of an item drops its highest "
                                               "and its lowest score and averages the rest, once "
                                               "it has at least %u scorers; with fewer, all scores "
                                               "are averaged.",
                                               trim_from),
                                     trim_from);
      break;
    }

  gtk_label_set_label (self->method_value_label, method);
  adw_action_row_set_subtitle (self->method_row, explanation);
}

static void
show_rule (QaConsensusView *self)
{
  QaProfile *profile;
  g_autofree char *rounding_value = NULL;
  g_autofree char *rounding = NULL;
  g_autofree char *spread_value = NULL;
  g_autofree char *spread = NULL;
  g_autofree char *scorers_value = NULL;
  g_autofree char *scorers = NULL;
  guint step;
  guint threshold;
  guint min_scorers;
  guint panel_size;

  if (self->session == NULL)
    return;

  profile = qa_session_get_profile (self->session);
  step = qa_profile_get_consensus_rounding (profile);
  threshold = qa_profile_get_discussion_spread (profile);
  min_scorers = qa_profile_get_min_scorers (profile);
  panel_size = qa_profile_get_panel_min_size (profile);

  show_method (self, profile);

  /* Translators: a percentage step, e.g. “5%” */
  rounding_value = g_strdup_printf (_("%u%%"), step);
  /* Translators: %u is a percentage step, e.g. 5 */
  rounding = g_strdup_printf (_("The chair settles each item on a multiple of %u%%; the default "
                                "consensus is rounded to the nearest one."),
                              step);

  /* Translators: a spread of scores in percentage points, e.g. “≥ 30 pts” */
  spread_value = g_strdup_printf (_("≥ %u pts"), threshold);
  spread = g_strdup_printf (ngettext ("An item whose scores lie %u percentage point or more apart "
                                      "is flagged and discussed before the panel agrees on it.",
                                      "An item whose scores lie %u percentage points or more apart "
                                      "is flagged and discussed before the panel agrees on it.",
                                      threshold),
                            threshold);

  scorers_value = g_strdup_printf ("%u", min_scorers);
  if (qa_profile_get_panel_odd (profile))
    scorers = g_strdup_printf (ngettext ("Each applicant needs at least %u scorer after recusals. "
                                         "The panel has at least %u experts and an odd number of "
                                         "them (Art. 11).",
                                         "Each applicant needs at least %u scorers after recusals. "
                                         "The panel has at least %u experts and an odd number of "
                                         "them (Art. 11).",
                                         min_scorers),
                               min_scorers, panel_size);
  else
    scorers = g_strdup_printf (ngettext ("Each applicant needs at least %u scorer after recusals. "
                                         "The panel has at least %u experts (Art. 11).",
                                         "Each applicant needs at least %u scorers after recusals. "
                                         "The panel has at least %u experts (Art. 11).",
                                         min_scorers),
                               min_scorers, panel_size);

  gtk_label_set_label (self->rounding_value_label, rounding_value);
  adw_action_row_set_subtitle (self->rounding_row, rounding);
  gtk_label_set_label (self->discussion_value_label, spread_value);
  adw_action_row_set_subtitle (self->discussion_row, spread);
  gtk_label_set_label (self->scorers_value_label, scorers_value);
  adw_action_row_set_subtitle (self->scorers_row, scorers);
}

static void
qa_consensus_view_dispose (GObject *object)
{
  QaConsensusView *self = (QaConsensusView *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), QA_TYPE_CONSENSUS_VIEW);
  /* gtk_widget_dispose_template() only unparents the children it binds. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (qa_consensus_view_parent_class)->dispose (object);
}

static void
qa_consensus_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  QaConsensusView *self = QA_CONSENSUS_VIEW (object);

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
qa_consensus_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  QaConsensusView *self = QA_CONSENSUS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      qa_consensus_view_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_consensus_view_class_init (QaConsensusViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qa_consensus_view_dispose;
  object_class->get_property = qa_consensus_view_get_property;
  object_class->set_property = qa_consensus_view_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         QA_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/qa-consensus-view.ui");
  gtk_widget_class_bind_template_child (widget_class, QaConsensusView, discussion_row);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusView, discussion_value_label);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusView, method_row);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusView, method_value_label);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusView, rounding_row);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusView, rounding_value_label);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusView, scorers_row);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusView, scorers_value_label);

  gtk_widget_class_set_css_name (widget_class, "consensus-view");
}

static void
qa_consensus_view_init (QaConsensusView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
qa_consensus_view_new (void)
{
  return g_object_new (QA_TYPE_CONSENSUS_VIEW, NULL);
}

QaSession *
qa_consensus_view_get_session (QaConsensusView *self)
{
  g_return_val_if_fail (QA_IS_CONSENSUS_VIEW (self), NULL);

  return self->session;
}

void
qa_consensus_view_set_session (QaConsensusView *self,
                               QaSession       *session)
{
  g_return_if_fail (QA_IS_CONSENSUS_VIEW (self));
  g_return_if_fail (!session || QA_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  show_rule (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}
