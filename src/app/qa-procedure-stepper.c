/* qa-procedure-stepper.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-procedure-stepper"

#include "config.h"

#include <glib/gi18n.h>

#include "qa-procedure-stepper.h"

struct _QaProcedureStepper
{
  GtkWidget  parent_instance;

  QaStage    stage;
  GtkWidget *markers[QA_N_STAGES];
  GtkWidget *titles[QA_N_STAGES];
  /* The line from each stage down to the next. */
  GtkWidget *connectors[QA_N_STAGES - 1];

  /* Template widgets */
  GtkGrid   *steps_grid;
};

G_DEFINE_FINAL_TYPE (QaProcedureStepper, qa_procedure_stepper, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_steps (QaProcedureStepper *self)
{
  for (guint i = 0; i < QA_N_STAGES; i++)
    {
      const char *state;
      const char *marker;
      const char *title_state;

      if (i < self->stage)
        {
          state = "done";
          marker = "✓";
          title_state = _("done");
        }
      else if (i == self->stage)
        {
          state = "current";
          marker = "●";
          title_state = _("current stage");
        }
      else
        {
          state = "to-come";
          marker = "";
          title_state = _("still to come");
        }

      gtk_label_set_label (GTK_LABEL (self->markers[i]), marker);
      gtk_widget_set_css_classes (self->markers[i],
                                  (const char *[]) { "step-marker", state, NULL });
      gtk_widget_set_css_classes (self->titles[i],
                                  (const char *[]) { "step-title", state, NULL });
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->titles[i]),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, title_state,
                                      -1);

      if (i < QA_N_STAGES - 1)
        gtk_widget_set_css_classes (self->connectors[i],
                                    (const char *[]) { "step-connector",
                                                       i < self->stage ? "done" : "to-come",
                                                       NULL });
    }
}

/* A grid: markers and the lines between them in the first column, titles in the second. */
static void
add_steps (QaProcedureStepper *self)
{
  for (guint i = 0; i < QA_N_STAGES; i++)
    {
      g_autofree char *tooltip = NULL;

      /* Translators: the paragraph of Art. 16 that defines a stage of the procedure */
      tooltip = g_strdup_printf (_("Art. 16(%u)"), i + 1);

      self->markers[i] = gtk_label_new (NULL);
      gtk_widget_set_halign (self->markers[i], GTK_ALIGN_CENTER);
      gtk_widget_set_valign (self->markers[i], GTK_ALIGN_CENTER);
      gtk_grid_attach (self->steps_grid, self->markers[i], 0, 2 * i, 1, 1);

      self->titles[i] = gtk_label_new (qa_stage_get_title (i));
      gtk_label_set_xalign (GTK_LABEL (self->titles[i]), 0);
      gtk_label_set_ellipsize (GTK_LABEL (self->titles[i]), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (self->titles[i], TRUE);
      gtk_widget_set_tooltip_text (self->titles[i], tooltip);
      gtk_grid_attach (self->steps_grid, self->titles[i], 1, 2 * i, 1, 1);

      if (i < QA_N_STAGES - 1)
        {
          self->connectors[i] = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
          gtk_widget_set_halign (self->connectors[i], GTK_ALIGN_CENTER);
          gtk_grid_attach (self->steps_grid, self->connectors[i], 0, 2 * i + 1, 1, 1);
        }
    }
}

static void
qa_procedure_stepper_dispose (GObject *object)
{
  QaProcedureStepper *self = (QaProcedureStepper *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), QA_TYPE_PROCEDURE_STEPPER);
  /* gtk_widget_dispose_template() only unparents the children it binds. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (qa_procedure_stepper_parent_class)->dispose (object);
}

static void
qa_procedure_stepper_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  QaProcedureStepper *self = QA_PROCEDURE_STEPPER (object);

  switch (prop_id)
    {
    case PROP_STAGE:
      g_value_set_uint (value, self->stage);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_procedure_stepper_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  QaProcedureStepper *self = QA_PROCEDURE_STEPPER (object);

  switch (prop_id)
    {
    case PROP_STAGE:
      qa_procedure_stepper_set_stage (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_procedure_stepper_class_init (QaProcedureStepperClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qa_procedure_stepper_dispose;
  object_class->get_property = qa_procedure_stepper_get_property;
  object_class->set_property = qa_procedure_stepper_set_property;

  /* QaStage has no GType of its own; the value is a QaStage. */
  properties[PROP_STAGE] =
    g_param_spec_uint ("stage", NULL, NULL,
                       0, QA_N_STAGES - 1, QA_STAGE_APPLICATION,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/qa-procedure-stepper.ui");
  gtk_widget_class_bind_template_child (widget_class, QaProcedureStepper, steps_grid);

  gtk_widget_class_set_css_name (widget_class, "procedure-stepper");
}

static void
qa_procedure_stepper_init (QaProcedureStepper *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  add_steps (self);
  update_steps (self);
}

GtkWidget *
qa_procedure_stepper_new (void)
{
  return g_object_new (QA_TYPE_PROCEDURE_STEPPER, NULL);
}

QaStage
qa_procedure_stepper_get_stage (QaProcedureStepper *self)
{
  g_return_val_if_fail (QA_IS_PROCEDURE_STEPPER (self), QA_STAGE_APPLICATION);

  return self->stage;
}

void
qa_procedure_stepper_set_stage (QaProcedureStepper *self,
                                QaStage             stage)
{
  g_return_if_fail (QA_IS_PROCEDURE_STEPPER (self));
  g_return_if_fail (stage < QA_N_STAGES);

  if (self->stage == stage)
    return;

  self->stage = stage;
  update_steps (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
}
