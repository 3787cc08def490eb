/* qa-shortlist-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-shortlist-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "qa-shortlist-view.h"

struct _QaShortlistView
{
  GtkWidget      parent_instance;

  /* Owned */
  QaSession     *session;

  /* Template widgets */
  AdwStatusPage *empty_page;
  GtkLabel      *limit_detail_label;
  GtkLabel      *limit_value_label;
  GtkLabel      *site_value_label;
  GtkLabel      *threshold_value_label;
  GtkLabel      *weights_detail_label;
  GtkLabel      *weights_value_label;
};

G_DEFINE_FINAL_TYPE (QaShortlistView, qa_shortlist_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Thresholds are points out of 1000: “500”, or “487.5” when the profile asks for it. */
static char *
format_threshold (double points)
{
  if (points == (double)(gint64)points)
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64)points);

  return g_strdup_printf ("%.1f", points);
}

static guint
to_percent (double weight)
{
  return (guint)(weight * 100.0 + 0.5);
}

static void
show_rules (QaShortlistView *self)
{
  QaProfile *profile;
  g_autofree char *threshold = NULL;
  g_autofree char *site = NULL;
  g_autofree char *limit_value = NULL;
  g_autofree char *limit_detail = NULL;
  g_autofree char *weights_value = NULL;
  g_autofree char *weights_detail = NULL;
  g_autofree char *ranking = NULL;
  g_autofree char *notice = NULL;
  g_autofree char *description = NULL;
  guint limit;
  guint material;
  guint site_weight;
  guint notice_days;

  if (self->session == NULL)
    return;

  profile = qa_session_get_profile (self->session);
  limit = qa_profile_get_award_limit (profile);
  material = to_percent (qa_profile_get_material_weight (profile));
  site_weight = to_percent (qa_profile_get_site_weight (profile));
  notice_days = qa_profile_get_public_notice_days (profile);
  threshold = format_threshold (qa_profile_get_award_threshold (profile));
  site = format_threshold (qa_profile_get_site_threshold (profile));

  limit_value = g_strdup_printf ("%u", limit);
  limit_detail = g_strdup_printf (ngettext ("At most %u organisation is awarded per session "
                                            "(Art. 4).",
                                            "At most %u organisations are awarded per session "
                                            "(Art. 4).",
                                            limit),
                                  limit);
  /* Translators: the weights of material and site review, e.g. “30 : 70” */
  weights_value = g_strdup_printf (_("%u : %u"), material, site_weight);
  weights_detail = g_strdup_printf (_("The combined score counts material review %u%% and site "
                                      "review %u%%."),
                                    material, site_weight);

  gtk_label_set_label (self->limit_value_label, limit_value);
  gtk_label_set_label (self->limit_detail_label, limit_detail);
  gtk_label_set_label (self->threshold_value_label, threshold);
  gtk_label_set_label (self->weights_value_label, weights_value);
  gtk_label_set_label (self->weights_detail_label, weights_detail);
  gtk_label_set_label (self->site_value_label, site);

  ranking = g_strdup_printf (ngettext ("The candidate list appears after the comprehensive "
                                       "evaluation (Art. 16(5)). Applicants are ranked by their "
                                       "combined score; the best %u reaching %s points become "
                                       "candidates. When nobody reaches %s points, the award stays "
                                       "vacant this session (Art. 4).",
                                       "The candidate list appears after the comprehensive "
                                       "evaluation (Art. 16(5)). Applicants are ranked by their "
                                       "combined score; the best %u reaching %s points become "
                                       "candidates. When nobody reaches %s points, the award stays "
                                       "vacant this session (Art. 4).",
                                       limit),
                             limit, threshold, threshold);
  notice = g_strdup_printf (ngettext ("The committee then announces the list publicly for %u day "
                                      "(Art. 16(6)).",
                                      "The committee then announces the list publicly for %u days "
                                      "(Art. 16(6)).",
                                      notice_days),
                            notice_days);
  description = g_strdup_printf ("%s %s", ranking, notice);
  adw_status_page_set_description (self->empty_page, description);
}

static void
qa_shortlist_view_dispose (GObject *object)
{
  QaShortlistView *self = (QaShortlistView *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), QA_TYPE_SHORTLIST_VIEW);
  /* gtk_widget_dispose_template() only unparents the children it binds. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (qa_shortlist_view_parent_class)->dispose (object);
}

static void
qa_shortlist_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  QaShortlistView *self = QA_SHORTLIST_VIEW (object);

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
qa_shortlist_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  QaShortlistView *self = QA_SHORTLIST_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      qa_shortlist_view_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_shortlist_view_class_init (QaShortlistViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qa_shortlist_view_dispose;
  object_class->get_property = qa_shortlist_view_get_property;
  object_class->set_property = qa_shortlist_view_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         QA_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/qa-shortlist-view.ui");
  gtk_widget_class_bind_template_child (widget_class, QaShortlistView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, QaShortlistView, limit_detail_label);
  gtk_widget_class_bind_template_child (widget_class, QaShortlistView, limit_value_label);
  gtk_widget_class_bind_template_child (widget_class, QaShortlistView, site_value_label);
  gtk_widget_class_bind_template_child (widget_class, QaShortlistView, threshold_value_label);
  gtk_widget_class_bind_template_child (widget_class, QaShortlistView, weights_detail_label);
  gtk_widget_class_bind_template_child (widget_class, QaShortlistView, weights_value_label);

  gtk_widget_class_set_css_name (widget_class, "shortlist-view");
}

static void
qa_shortlist_view_init (QaShortlistView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
qa_shortlist_view_new (void)
{
  return g_object_new (QA_TYPE_SHORTLIST_VIEW, NULL);
}

QaSession *
qa_shortlist_view_get_session (QaShortlistView *self)
{
  g_return_val_if_fail (QA_IS_SHORTLIST_VIEW (self), NULL);

  return self->session;
}

void
qa_shortlist_view_set_session (QaShortlistView *self,
                               QaSession       *session)
{
  g_return_if_fail (QA_IS_SHORTLIST_VIEW (self));
  g_return_if_fail (!session || QA_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  show_rules (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}
