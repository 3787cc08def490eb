/* qa-material-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-material-row"

#include "config.h"

#include <glib/gi18n.h>

#include "qa-material-row.h"
#include "qa-ui-private.h"

struct _QaMaterialRow
{
  GtkWidget   parent_instance;

  /* Owned */
  QaMaterial *material;

  /* Template widgets */
  GtkLabel   *details_label;
  GtkLabel   *filename_label;
  GtkImage   *icon;
  GtkButton  *open_button;
  GtkButton  *remove_button;
  GtkLabel   *state_secret_label;
  GtkSwitch  *trade_secret_switch;
};

G_DEFINE_FINAL_TYPE (QaMaterialRow, qa_material_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MATERIAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
trade_secret_changed_cb (QaMaterialRow *self,
                         GParamSpec    *pspec,
                         GtkSwitch     *toggle)
{
  gboolean active = gtk_switch_get_active (toggle);

  g_assert (QA_IS_MATERIAL_ROW (self));

  if (self->material == NULL || active == qa_material_get_trade_secret (self->material))
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "materials.set-trade-secret", "(xb)",
                              qa_material_get_id (self->material), active);
}

static void
update (QaMaterialRow *self)
{
  QaMaterial *material = self->material;
  g_autoptr(GIcon) icon = NULL;
  g_autofree char *size = NULL;
  g_autofree char *details = NULL;
  g_autofree char *type = NULL;
  GVariant *target;

  if (material == NULL)
    return;

  icon = g_content_type_get_symbolic_icon (qa_material_get_content_type (material));
  gtk_image_set_from_gicon (self->icon, icon);

  gtk_label_set_label (self->filename_label, qa_material_get_filename (material));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->filename_label),
                               qa_material_get_filename (material));

  size = g_format_size ((guint64)qa_material_get_size (material));
  type = g_content_type_get_description (qa_material_get_content_type (material));
  /* Translators: a material's kind, size and file type, e.g. “Self-assessment report · 2.3 MB · PDF document” */
  details = g_strdup_printf (_("%s · %s · %s"),
                             qa_material_kind_get_label (qa_material_get_kind (material)),
                             size, type);
  gtk_label_set_label (self->details_label, details);

  gtk_widget_set_visible (GTK_WIDGET (self->state_secret_label),
                          !qa_material_get_no_state_secret (material));

  g_signal_handlers_block_by_func (self->trade_secret_switch, trade_secret_changed_cb, self);
  gtk_switch_set_active (self->trade_secret_switch, qa_material_get_trade_secret (material));
  g_signal_handlers_unblock_by_func (self->trade_secret_switch, trade_secret_changed_cb, self);

  /* The target first: an action named without its parameter would be refused. */
  target = g_variant_ref_sink (g_variant_new_int64 (qa_material_get_id (material)));
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->open_button), target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->open_button), "materials.open");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->remove_button), target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->remove_button), "materials.remove");
  g_variant_unref (target);
}

static void
qa_material_row_dispose (GObject *object)
{
  QaMaterialRow *self = (QaMaterialRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), QA_TYPE_MATERIAL_ROW);
  _qa_ui_dispose_children (GTK_WIDGET (self));
  g_clear_object (&self->material);

  G_OBJECT_CLASS (qa_material_row_parent_class)->dispose (object);
}

static void
qa_material_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  QaMaterialRow *self = QA_MATERIAL_ROW (object);

  switch (prop_id)
    {
    case PROP_MATERIAL:
      g_value_set_object (value, self->material);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_material_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  QaMaterialRow *self = QA_MATERIAL_ROW (object);

  switch (prop_id)
    {
    case PROP_MATERIAL:
      qa_material_row_set_material (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_material_row_class_init (QaMaterialRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qa_material_row_dispose;
  object_class->get_property = qa_material_row_get_property;
  object_class->set_property = qa_material_row_set_property;

  properties[PROP_MATERIAL] =
    g_param_spec_object ("material", NULL, NULL,
                         QA_TYPE_MATERIAL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/qa-material-row.ui");
  gtk_widget_class_bind_template_child (widget_class, QaMaterialRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, QaMaterialRow, filename_label);
  gtk_widget_class_bind_template_child (widget_class, QaMaterialRow, icon);
  gtk_widget_class_bind_template_child (widget_class, QaMaterialRow, open_button);
  gtk_widget_class_bind_template_child (widget_class, QaMaterialRow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, QaMaterialRow, state_secret_label);
  gtk_widget_class_bind_template_child (widget_class, QaMaterialRow, trade_secret_switch);
  gtk_widget_class_bind_template_callback (widget_class, trade_secret_changed_cb);

  gtk_widget_class_set_css_name (widget_class, "material-row");
}

static void
qa_material_row_init (QaMaterialRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
qa_material_row_new (void)
{
  return g_object_new (QA_TYPE_MATERIAL_ROW, NULL);
}

QaMaterial *
qa_material_row_get_material (QaMaterialRow *self)
{
  g_return_val_if_fail (QA_IS_MATERIAL_ROW (self), NULL);

  return self->material;
}

void
qa_material_row_set_editable (QaMaterialRow *self,
                              gboolean       editable)
{
  g_return_if_fail (QA_IS_MATERIAL_ROW (self));

  gtk_widget_set_sensitive (GTK_WIDGET (self->trade_secret_switch), editable);
}

void
qa_material_row_set_material (QaMaterialRow *self,
                              QaMaterial    *material)
{
  g_return_if_fail (QA_IS_MATERIAL_ROW (self));
  g_return_if_fail (!material || QA_IS_MATERIAL (material));

  if (!g_set_object (&self->material, material))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MATERIAL]);
}
