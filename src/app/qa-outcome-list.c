/* qa-outcome-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-outcome-list"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "qa-outcome-list.h"

struct _QaOutcomeList
{
  GtkWidget            parent_instance;

  /* The rows added (AdwActionRow), which the group owns. */
  GPtrArray           *rows;
  guint                counts[QA_OUTCOME_REFUSED + 1];

  /* Template widgets */
  GtkLabel            *progress_label;
  AdwPreferencesGroup *results_group;
  GtkSpinner          *spinner;
  GtkLabel            *summary_label;
};

G_DEFINE_FINAL_TYPE (QaOutcomeList, qa_outcome_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
create_icon (QaOutcome outcome)
{
  GtkWidget *icon;

  switch (outcome)
    {
    case QA_OUTCOME_WRITTEN:
      icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");
      gtk_widget_add_css_class (icon, "success");
      gtk_widget_set_tooltip_text (icon, _("Done"));
      break;

    case QA_OUTCOME_UNCHANGED:
      icon = gtk_image_new_from_icon_name ("view-refresh-symbolic");
      gtk_widget_add_css_class (icon, "dim-label");
      gtk_widget_set_tooltip_text (icon, _("Nothing changed"));
      break;

    case QA_OUTCOME_REFUSED:
    default:
      icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");
      gtk_widget_add_css_class (icon, "error");
      gtk_widget_set_tooltip_text (icon, _("Refused"));
      break;
    }

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_margin_top (icon, 14);

  return icon;
}

static void
set_busy (QaOutcomeList *self,
          gboolean       busy,
          const char    *summary)
{
  gtk_label_set_label (self->summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_label), busy);
  gtk_spinner_set_spinning (self->spinner, busy);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
qa_outcome_list_dispose (GObject *object)
{
  QaOutcomeList *self = (QaOutcomeList *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), QA_TYPE_OUTCOME_LIST);
  /* gtk_widget_dispose_template() only unparents the children it binds. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (qa_outcome_list_parent_class)->dispose (object);
}

static void
qa_outcome_list_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  QaOutcomeList *self = QA_OUTCOME_LIST (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, qa_outcome_list_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_outcome_list_class_init (QaOutcomeListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qa_outcome_list_dispose;
  object_class->get_property = qa_outcome_list_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/qa-outcome-list.ui");
  gtk_widget_class_bind_template_child (widget_class, QaOutcomeList, progress_label);
  gtk_widget_class_bind_template_child (widget_class, QaOutcomeList, results_group);
  gtk_widget_class_bind_template_child (widget_class, QaOutcomeList, spinner);
  gtk_widget_class_bind_template_child (widget_class, QaOutcomeList, summary_label);

  gtk_widget_class_set_css_name (widget_class, "outcome-list");
}

static void
qa_outcome_list_init (QaOutcomeList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new ();
}

GtkWidget *
qa_outcome_list_new (void)
{
  return g_object_new (QA_TYPE_OUTCOME_LIST, NULL);
}

void
qa_outcome_list_start (QaOutcomeList *self,
                       const char    *summary)
{
  g_return_if_fail (QA_IS_OUTCOME_LIST (self));

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->results_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  memset (self->counts, 0, sizeof self->counts);

  gtk_label_set_label (self->progress_label, NULL);
  set_busy (self, TRUE, summary);
}

void
qa_outcome_list_set_progress (QaOutcomeList *self,
                              const char    *progress)
{
  g_return_if_fail (QA_IS_OUTCOME_LIST (self));

  gtk_label_set_label (self->progress_label, progress);
}

void
qa_outcome_list_add (QaOutcomeList *self,
                     QaOutcome      outcome,
                     const char    *title,
                     const char    *detail)
{
  GtkWidget *row;

  g_return_if_fail (QA_IS_OUTCOME_LIST (self));
  g_return_if_fail (outcome <= QA_OUTCOME_REFUSED);
  g_return_if_fail (title != NULL);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), detail);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), create_icon (outcome));
  if (outcome == QA_OUTCOME_REFUSED)
    gtk_widget_add_css_class (row, "refused");

  adw_preferences_group_add (self->results_group, row);
  g_ptr_array_add (self->rows, row);
  self->counts[outcome]++;
}

void
qa_outcome_list_finish (QaOutcomeList *self,
                        const char    *summary)
{
  g_return_if_fail (QA_IS_OUTCOME_LIST (self));

  set_busy (self, FALSE, summary);
}

gboolean
qa_outcome_list_get_busy (QaOutcomeList *self)
{
  g_return_val_if_fail (QA_IS_OUTCOME_LIST (self), FALSE);

  return gtk_spinner_get_spinning (self->spinner);
}

guint
qa_outcome_list_count (QaOutcomeList *self,
                       QaOutcome      outcome)
{
  g_return_val_if_fail (QA_IS_OUTCOME_LIST (self), 0);
  g_return_val_if_fail (outcome <= QA_OUTCOME_REFUSED, 0);

  return self->counts[outcome];
}
