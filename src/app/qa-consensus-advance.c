/* qa-consensus-advance.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-consensus-advance"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "qa-consensus-advance.h"
#include "qa-ui-private.h"

/* One applicant of the material stage. */
#define QA_TYPE_ADVANCE_ROW (qa_advance_row_get_type ())
G_DECLARE_FINAL_TYPE (QaAdvanceRow, qa_advance_row, QA, ADVANCE_ROW, GObject)

struct _QaAdvanceRow
{
  GObject  parent_instance;
  char    *id;
  char    *label;
  char    *total;
  char    *reason;   /* why it cannot advance, or NULL */
  gboolean chosen;
};

G_DEFINE_FINAL_TYPE (QaAdvanceRow, qa_advance_row, G_TYPE_OBJECT)

enum {
  ROW_PROP_0,
  ROW_PROP_CHOSEN,
  ROW_N_PROPS
};

static GParamSpec *row_properties[ROW_N_PROPS];

static void
qa_advance_row_finalize (GObject *object)
{
  QaAdvanceRow *self = QA_ADVANCE_ROW (object);

  g_free (self->id);
  g_free (self->label);
  g_free (self->total);
  g_free (self->reason);
  G_OBJECT_CLASS (qa_advance_row_parent_class)->finalize (object);
}

static void
qa_advance_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  g_value_set_boolean (value, QA_ADVANCE_ROW (object)->chosen);
}

static void
qa_advance_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  QaAdvanceRow *self = QA_ADVANCE_ROW (object);
  gboolean chosen = g_value_get_boolean (value) && self->reason == NULL;

  if (self->chosen != chosen)
    {
      self->chosen = chosen;
      g_object_notify_by_pspec (object, pspec);
    }
}

static void
qa_advance_row_class_init (QaAdvanceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = qa_advance_row_finalize;
  object_class->get_property = qa_advance_row_get_property;
  object_class->set_property = qa_advance_row_set_property;
  row_properties[ROW_PROP_CHOSEN] =
    g_param_spec_boolean ("chosen", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, ROW_N_PROPS, row_properties);
}

static void
qa_advance_row_init (QaAdvanceRow *self)
{
}

struct _QaConsensusAdvance
{
  GtkWidget      parent_instance;

  /* Owned */
  QaSession     *session;
  GListStore    *rows;
  QaRole         role;

  /* Template widgets */
  GtkWidget     *advance_button;
  GtkColumnView *column_view;
  GtkLabel      *rule_label;
  GtkLabel      *state_label;
};

G_DEFINE_FINAL_TYPE (QaConsensusAdvance, qa_consensus_advance, GTK_TYPE_WIDGET)

static QaAdvanceRow *
find_row (QaConsensusAdvance *self,
          const char         *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->rows)); i++)
    {
      g_autoptr(QaAdvanceRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      if (g_strcmp0 (row->id, id) == 0)
        return row;
    }
  return NULL;
}

/* Columns ------------------------------------------------------------------------------------ */

static void
setup_check_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, gtk_check_button_new ());
}

static void
bind_check_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               QaConsensusAdvance       *self)
{
  QaAdvanceRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *check = gtk_list_item_get_child (list_item);
  GBinding *binding;

  gtk_check_button_set_label (GTK_CHECK_BUTTON (check), row->label);
  gtk_widget_set_sensitive (check, row->reason == NULL &&
                            qa_role_allows (self->role, QA_PERMISSION_FORM_PANEL));
  binding = g_object_bind_property (row, "chosen", check, "active",
                                    G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_set_data (G_OBJECT (check), "binding", binding);
}

static void
unbind_check_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  GtkWidget *check = gtk_list_item_get_child (list_item);
  GBinding *binding = g_object_steal_data (G_OBJECT (check), "binding");

  if (binding != NULL)
    g_binding_unbind (binding);
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_total_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  QaAdvanceRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);

  gtk_label_set_label (GTK_LABEL (label), row->total);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
}

static void
bind_reason_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  QaAdvanceRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);

  if (row->reason != NULL)
    {
      /* Translators: an applicant that may not go on to site review, and why */
      g_autofree char *text = g_strdup_printf (_("✗ %s"), row->reason);

      gtk_label_set_label (GTK_LABEL (label), text);
      gtk_widget_set_css_classes (label, (const char *[]) { "error", NULL });
    }
  else
    {
      gtk_label_set_label (GTK_LABEL (label), _("✓ At or above the threshold"));
      gtk_widget_set_css_classes (label, (const char *[]) { "success", NULL });
    }
}

static void
add_column (QaConsensusAdvance *self,
            const char         *title,
            GCallback           setup,
            GCallback           bind,
            GCallback           unbind,
            gboolean            expand,
            int                 width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_signal_connect (factory, "setup", setup, self);
  g_signal_connect (factory, "bind", bind, self);
  if (unbind != NULL)
    g_signal_connect (factory, "unbind", unbind, self);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (column, width);
  gtk_column_view_append_column (self->column_view, column);
}

/* Loading ------------------------------------------------------------------------------------ */

void
qa_consensus_advance_refresh (QaConsensusAdvance *self)
{
  g_autoptr(GPtrArray) totals = NULL;
  g_autoptr(GPtrArray) general = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rule = NULL;
  g_autofree char *threshold = NULL;
  const char * const none[] = { NULL };
  g_autoptr(GString) state = g_string_new (NULL);
  gboolean closed;

  g_return_if_fail (QA_IS_CONSENSUS_ADVANCE (self));

  g_list_store_remove_all (self->rows);
  if (self->session == NULL)
    return;

  threshold = g_strdup_printf ("%g", qa_profile_get_site_threshold (qa_session_get_profile (self->session)));
  /* Translators: %s is the site-review threshold in points, e.g. 500 */
  rule = g_strdup_printf (_("Art. 16(3): after material review the panel sends on to site review the applicants whose material consensus total reaches %s points."),
                          threshold);
  gtk_label_set_label (self->rule_label, rule);

  /* What holds for every applicant (the stage not closed, no panel). */
  general = qa_panel_check_advance (self->session, none, &error);
  if (general != NULL)
    for (guint i = 0; i < general->len; i++)
      {
        const QaPanelViolation *violation = g_ptr_array_index (general, i);

        if (state->len > 0)
          g_string_append_c (state, '\n');
        g_string_append (state, violation->message);
      }
  closed = qa_session_stage_is_closed (self->session, QA_STAGE_SITE);
  if (closed)
    g_string_append (state, _("Site review is closed: the decision stands."));
  gtk_label_set_label (self->state_label, state->str);
  gtk_widget_set_visible (GTK_WIDGET (self->state_label), state->len > 0);

  totals = qa_consensus_totals (self->session, QA_STAGE_MATERIAL, NULL);
  if (totals == NULL)
    return;
  for (guint i = 0; i < totals->len; i++)
    {
      const QaConsensusTotal *total = g_ptr_array_index (totals, i);
      g_autoptr(QaAdvanceRow) row = g_object_new (QA_TYPE_ADVANCE_ROW, NULL);
      const char * const ids[] = { total->applicant_id, NULL };
      g_autoptr(GPtrArray) problems = qa_panel_check_advance (self->session, ids, NULL);
      QaApplicant *applicant = _qa_ui_find_applicant (self->session, total->applicant_id);

      row->id = g_strdup (total->applicant_id);
      row->label = g_strdup_printf ("%s %s", total->applicant_id,
                                    applicant != NULL ? qa_applicant_get_name (applicant) : "");
      row->total = qa_consensus_format_points (total->total_x100);
      /* Only what concerns this applicant: the rest is said above the list. */
      if (problems != NULL)
        for (guint p = 0; p < problems->len && row->reason == NULL; p++)
          {
            const QaPanelViolation *violation = g_ptr_array_index (problems, p);

            if (violation->applicant_id != NULL)
              row->reason = g_strdup (violation->message);
          }
      row->chosen = row->reason == NULL &&
                    (applicant == NULL || qa_applicant_get_status (applicant) != QA_APPLICANT_STATUS_NOT_ADVANCED);
      g_list_store_append (self->rows, row);
    }

  gtk_widget_set_sensitive (self->advance_button,
                            !closed && (general == NULL || general->len == 0) &&
                            qa_role_allows (self->role, QA_PERMISSION_FORM_PANEL));
}

static void
advance_clicked_cb (QaConsensusAdvance *self,
                    GtkButton          *button)
{
  g_autoptr(GError) error = NULL;

  if (qa_consensus_advance_advance (self, &error))
    _qa_ui_add_toast (GTK_WIDGET (self), adw_toast_new (_("The decision on site review is recorded")));
  else
    _qa_ui_show_error (GTK_WIDGET (self), _("Cannot Send to Site Review"), error->message);
}

/* GObject ------------------------------------------------------------------------------------ */

static void
qa_consensus_advance_dispose (GObject *object)
{
  QaConsensusAdvance *self = QA_CONSENSUS_ADVANCE (object);

  _qa_ui_follow_session (self, &self->session, NULL, G_CALLBACK (qa_consensus_advance_refresh));
  gtk_widget_dispose_template (GTK_WIDGET (self), QA_TYPE_CONSENSUS_ADVANCE);
  _qa_ui_dispose_children (GTK_WIDGET (self));
  g_clear_object (&self->rows);

  G_OBJECT_CLASS (qa_consensus_advance_parent_class)->dispose (object);
}

static void
qa_consensus_advance_class_init (QaConsensusAdvanceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qa_consensus_advance_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/qa-consensus-advance.ui");
  gtk_widget_class_bind_template_child (widget_class, QaConsensusAdvance, advance_button);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusAdvance, column_view);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusAdvance, rule_label);
  gtk_widget_class_bind_template_child (widget_class, QaConsensusAdvance, state_label);
  gtk_widget_class_bind_template_callback (widget_class, advance_clicked_cb);

  gtk_widget_class_set_css_name (widget_class, "consensus-advance");
}

static void
qa_consensus_advance_init (QaConsensusAdvance *self)
{
  self->role = QA_ROLE_SECRETARIAT;
  self->rows = g_list_store_new (QA_TYPE_ADVANCE_ROW);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_column_view_set_model (self->column_view,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows)))));
  g_object_unref (gtk_column_view_get_model (self->column_view));

  /* Translators: column heading, the applicant (申报组织) */
  add_column (self, _("Applicant"), G_CALLBACK (setup_check_cb), G_CALLBACK (bind_check_cb),
              G_CALLBACK (unbind_check_cb), TRUE, -1);
  /* Translators: column heading, the material review's consensus total (资料评审共识总分) */
  add_column (self, _("Material Total"), G_CALLBACK (setup_label_cb), G_CALLBACK (bind_total_cb),
              NULL, FALSE, 120);
  /* Translators: column heading, whether the applicant may go on and why */
  add_column (self, _("Site Review"), G_CALLBACK (setup_label_cb), G_CALLBACK (bind_reason_cb),
              NULL, TRUE, -1);
}

GtkWidget *
qa_consensus_advance_new (void)
{
  return g_object_new (QA_TYPE_CONSENSUS_ADVANCE, NULL);
}

void
qa_consensus_advance_set_session (QaConsensusAdvance *self,
                                  QaSession          *session)
{
  g_return_if_fail (QA_IS_CONSENSUS_ADVANCE (self));

  _qa_ui_follow_session (self, &self->session, session, G_CALLBACK (qa_consensus_advance_refresh));
  qa_consensus_advance_refresh (self);
}

void
qa_consensus_advance_set_role (QaConsensusAdvance *self,
                               QaRole              role)
{
  g_return_if_fail (QA_IS_CONSENSUS_ADVANCE (self));

  self->role = role;
  qa_consensus_advance_refresh (self);
}

gboolean
qa_consensus_advance_advance (QaConsensusAdvance *self,
                              GError            **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;

  g_return_val_if_fail (QA_IS_CONSENSUS_ADVANCE (self), FALSE);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->rows)); i++)
    {
      g_autoptr(QaAdvanceRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      if (row->chosen)
        g_strv_builder_add (builder, row->id);
    }
  ids = g_strv_builder_end (builder);
  return qa_panel_advance (self->session, (const char * const *)ids, error);
}

const char *
qa_consensus_advance_get_reason (QaConsensusAdvance *self,
                                 const char         *applicant_id)
{
  QaAdvanceRow *row;

  g_return_val_if_fail (QA_IS_CONSENSUS_ADVANCE (self), NULL);

  row = find_row (self, applicant_id);
  return row != NULL ? row->reason : NULL;
}
