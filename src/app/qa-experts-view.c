/* qa-experts-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-experts-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "qa-expert-detail.h"
#include "qa-expert-pool.h"
#include "qa-experts-view.h"
#include "qa-ui-private.h"

/* The page: the pool (QaExpertPool) over the selected expert (QaExpertDetail), the panels and
 * the conflict matrix, each a tab; and the import of the pool and of declared ties. */
struct _QaExpertsView
{
  GtkWidget            parent_instance;

  /* Owned */
  QaSession           *session;
  QaRole               role;

  /* Template widgets */
  QaConflictMatrix    *conflict_matrix;
  QaExpertDetail      *detail;
  QaPanelView         *panel_view;
  QaExpertPool        *pool;
  GtkStack            *stack;
  AdwViewStack        *view_stack;
};

G_DEFINE_FINAL_TYPE (QaExpertsView, qa_experts_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Registering experts and ties is the secretariat's. */
static gboolean
may_register (QaExpertsView *self)
{
  return qa_role_allows (self->role, QA_PERMISSION_REGISTER);
}

static void
update_state (QaExpertsView *self)
{
  GListModel *experts = self->session != NULL ? qa_session_get_experts (self->session) : NULL;
  guint total = experts != NULL ? g_list_model_get_n_items (experts) : 0;
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_stack_set_visible_child_name (self->stack, total > 0 ? "pool" : "empty");
  gtk_widget_action_set_enabled (widget, "experts.import-experts", self->session != NULL && may_register (self));
  gtk_widget_action_set_enabled (widget, "experts.import-conflicts", self->session != NULL && may_register (self));
}

static void
experts_changed_cb (QaExpertsView *self)
{
  update_state (self);
}

static void
selected_expert_changed_cb (QaExpertsView *self)
{
  g_assert (QA_IS_EXPERTS_VIEW (self));

  qa_expert_detail_set_expert (self->detail, qa_expert_pool_get_selected_expert (self->pool));
}

/* Actions ------------------------------------------------------------------------------------- */

/* Importing a CSV file: the pool or the declared ties. */
typedef struct
{
  QaExpertsView *self;
  gboolean       conflicts;
  char          *name;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_object_unref (job->self);
  g_free (job->name);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportJob, import_job_free)

static void
import_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ImportJob) job = user_data;
  QaExpertsView *self = job->self;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;
  const char *heading;
  guint n_imported = 0;
  gboolean imported;

  heading = job->conflicts ? _("The Conflicts Could Not Be Imported")
                           : _("The Experts Could Not Be Imported");

  bytes = qa_csv_read_file_finish (G_FILE (object), result, &error);
  if (bytes == NULL)
    {
      _qa_ui_show_error (GTK_WIDGET (self), heading, error->message);
      return;
    }

  if (self->session == NULL)
    return;

  if (job->conflicts)
    imported = qa_experts_import_conflicts_csv (self->session, bytes, job->name, &n_imported, &error);
  else
    imported = qa_experts_import_csv (self->session, bytes, job->name, &n_imported, &error);

  if (!imported)
    {
      _qa_ui_show_error (GTK_WIDGET (self), heading, error->message);
      return;
    }

  if (job->conflicts)
    toast = g_strdup_printf (ngettext ("%u tie imported", "%u ties imported", n_imported), n_imported);
  else
    toast = g_strdup_printf (ngettext ("%u expert imported", "%u experts imported", n_imported), n_imported);
  _qa_ui_add_toast (GTK_WIDGET (self->stack), adw_toast_new (toast));
}

static void
import_file (QaExpertsView *self,
             GFile         *file,
             gboolean       conflicts)
{
  ImportJob *job = g_new0 (ImportJob, 1);

  job->self = g_object_ref (self);
  job->conflicts = conflicts;
  /* The core names each bad row by it: “file:line: column: reason”. */
  job->name = g_file_get_parse_name (file);
  /* Read with the import's bound: /dev/zero or a FIFO is refused at the limit. */
  qa_csv_read_file_async (file, NULL, import_loaded_cb, job);
}

static void
import_chosen_cb (GtkWidget      *widget,
                  GFile          *file,
                  GtkFileChooser *chooser)
{
  import_file (QA_EXPERTS_VIEW (widget), file,
               GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "conflicts")));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  QaExpertsView *self = QA_EXPERTS_VIEW (widget);
  gboolean conflicts = g_str_equal (action_name, "experts.import-conflicts");
  GtkFileChooserNative *chooser;

  if (self->session == NULL)
    return;

  chooser = _qa_ui_file_chooser_new (widget,
                                     conflicts ? _("Import Conflicts of Interest") : _("Import Experts"),
                                     GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"));
  _qa_ui_add_file_filter (chooser, _("CSV Files"), "text/csv", "*.csv");
  g_object_set_data (G_OBJECT (chooser), "conflicts", GINT_TO_POINTER (conflicts));
  _qa_ui_run_file_chooser (chooser, widget, import_chosen_cb);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  QaExpertsView *self = QA_EXPERTS_VIEW (widget);

  qa_experts_view_set_section (self, "pool");
  qa_experts_view_focus_search (self);
}

/* The object ---------------------------------------------------------------------------------- */

static void
disconnect_session (QaExpertsView *self)
{
  if (self->session == NULL)
    return;

  g_signal_handlers_disconnect_by_func (qa_session_get_experts (self->session),
                                        G_CALLBACK (experts_changed_cb), self);
}

static void
qa_experts_view_dispose (GObject *object)
{
  QaExpertsView *self = (QaExpertsView *)object;

  disconnect_session (self);
  /* The pool goes away with the template: it has nothing more to tell. */
  if (self->pool != NULL)
    g_signal_handlers_disconnect_by_data (self->pool, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), QA_TYPE_EXPERTS_VIEW);
  _qa_ui_dispose_children (GTK_WIDGET (self));

  g_clear_object (&self->session);

  G_OBJECT_CLASS (qa_experts_view_parent_class)->dispose (object);
}

static void
qa_experts_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  QaExpertsView *self = QA_EXPERTS_VIEW (object);

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
qa_experts_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  QaExpertsView *self = QA_EXPERTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      qa_experts_view_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_experts_view_class_init (QaExpertsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qa_experts_view_dispose;
  object_class->get_property = qa_experts_view_get_property;
  object_class->set_property = qa_experts_view_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         QA_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (QA_TYPE_CONFLICT_MATRIX);
  g_type_ensure (QA_TYPE_EXPERT_DETAIL);
  g_type_ensure (QA_TYPE_EXPERT_POOL);
  g_type_ensure (QA_TYPE_PANEL_VIEW);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/qa-experts-view.ui");
  gtk_widget_class_bind_template_child (widget_class, QaExpertsView, conflict_matrix);
  gtk_widget_class_bind_template_child (widget_class, QaExpertsView, detail);
  gtk_widget_class_bind_template_child (widget_class, QaExpertsView, panel_view);
  gtk_widget_class_bind_template_child (widget_class, QaExpertsView, pool);
  gtk_widget_class_bind_template_child (widget_class, QaExpertsView, stack);
  gtk_widget_class_bind_template_child (widget_class, QaExpertsView, view_stack);
  gtk_widget_class_bind_template_callback (widget_class, selected_expert_changed_cb);

  gtk_widget_class_install_action (widget_class, "experts.import-experts", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "experts.import-conflicts", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "experts.find", NULL, find_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "experts.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK,
                                       "experts.import-experts", NULL);

  gtk_widget_class_set_css_name (widget_class, "experts-view");
}

static void
qa_experts_view_init (QaExpertsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  update_state (self);
}

GtkWidget *
qa_experts_view_new (void)
{
  return g_object_new (QA_TYPE_EXPERTS_VIEW, NULL);
}

QaSession *
qa_experts_view_get_session (QaExpertsView *self)
{
  g_return_val_if_fail (QA_IS_EXPERTS_VIEW (self), NULL);

  return self->session;
}

void
qa_experts_view_set_session (QaExpertsView *self,
                             QaSession     *session)
{
  g_return_if_fail (QA_IS_EXPERTS_VIEW (self));
  g_return_if_fail (!session || QA_IS_SESSION (session));

  if (self->session == session)
    return;

  disconnect_session (self);
  g_set_object (&self->session, session);
  if (session != NULL)
    g_signal_connect_object (qa_session_get_experts (session), "items-changed",
                             G_CALLBACK (experts_changed_cb), self, G_CONNECT_SWAPPED);

  qa_expert_detail_set_session (self->detail, session);
  qa_expert_pool_set_session (self->pool, session);
  qa_panel_view_set_session (self->panel_view, session);
  qa_conflict_matrix_set_session (self->conflict_matrix, session);
  update_state (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

const char *
qa_experts_view_get_section (QaExpertsView *self)
{
  g_return_val_if_fail (QA_IS_EXPERTS_VIEW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

void
qa_experts_view_set_section (QaExpertsView *self,
                             const char    *section)
{
  g_return_if_fail (QA_IS_EXPERTS_VIEW (self));
  g_return_if_fail (section != NULL);

  adw_view_stack_set_visible_child_name (self->view_stack, section);
}

void
qa_experts_view_set_role (QaExpertsView *self,
                          QaRole         role)
{
  g_return_if_fail (QA_IS_EXPERTS_VIEW (self));

  self->role = role;
  qa_panel_view_set_role (self->panel_view, role);
  qa_expert_detail_set_editable (self->detail, may_register (self));
  update_state (self);
}

void
qa_experts_view_focus_search (QaExpertsView *self)
{
  g_return_if_fail (QA_IS_EXPERTS_VIEW (self));

  qa_expert_pool_focus_search (self->pool);
}

GtkSelectionModel *
qa_experts_view_get_model (QaExpertsView *self)
{
  g_return_val_if_fail (QA_IS_EXPERTS_VIEW (self), NULL);

  return qa_expert_pool_get_model (self->pool);
}

GtkEditable *
qa_experts_view_get_search_entry (QaExpertsView *self)
{
  g_return_val_if_fail (QA_IS_EXPERTS_VIEW (self), NULL);

  return qa_expert_pool_get_search_entry (self->pool);
}

QaExpert *
qa_experts_view_get_selected_expert (QaExpertsView *self)
{
  g_return_val_if_fail (QA_IS_EXPERTS_VIEW (self), NULL);

  return qa_expert_pool_get_selected_expert (self->pool);
}

QaPanelView *
qa_experts_view_get_panel_view (QaExpertsView *self)
{
  g_return_val_if_fail (QA_IS_EXPERTS_VIEW (self), NULL);

  return self->panel_view;
}

QaConflictMatrix *
qa_experts_view_get_conflict_matrix (QaExpertsView *self)
{
  g_return_val_if_fail (QA_IS_EXPERTS_VIEW (self), NULL);

  return self->conflict_matrix;
}

QaExpertDetail *
qa_experts_view_get_expert_detail (QaExpertsView *self)
{
  g_return_val_if_fail (QA_IS_EXPERTS_VIEW (self), NULL);

  return self->detail;
}
