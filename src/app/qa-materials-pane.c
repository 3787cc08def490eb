/* qa-materials-pane.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-materials-pane"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "qa-material-row.h"
#include "qa-materials-pane.h"
#include "qa-pdf-window.h"
#include "qa-ui-private.h"

struct _QaMaterialsPane
{
  GtkWidget       parent_instance;

  /* Owned */
  QaSession      *session;
  char           *applicant_id;
  GListStore     *materials;
  GCancellable   *add_cancellable;
  QaRole          role;

  /* Template widgets */
  GtkNoSelection *selection;
  GtkLabel       *progress_label;
  GtkRevealer    *progress_revealer;
  GtkSpinner     *spinner;
  GtkStack       *stack;
};

G_DEFINE_FINAL_TYPE (QaMaterialsPane, qa_materials_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_N_MATERIALS,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What a stored material is for once its worker is done: the applicant may have changed. */
typedef struct
{
  QaMaterialsPane *self;
  QaSession       *session;
  char            *applicant_id;
  char            *name;
} AddData;

static void
add_data_free (AddData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->session);
  g_free (data->applicant_id);
  g_free (data->name);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AddData, add_data_free)

static gboolean
shows (QaMaterialsPane *self,
       QaSession       *session,
       const char      *applicant_id)
{
  return self->session == session && g_strcmp0 (self->applicant_id, applicant_id) == 0;
}

static gboolean
may_register (QaMaterialsPane *self)
{
  return qa_role_allows (self->role, QA_PERMISSION_REGISTER);
}

static void
update_actions (QaMaterialsPane *self)
{
  gboolean ready = self->session != NULL && self->applicant_id != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "materials.add",
                                 ready && self->add_cancellable == NULL && may_register (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "materials.remove", may_register (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "materials.set-trade-secret",
                                 may_register (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "materials.cancel-add",
                                 self->add_cancellable != NULL);
}

static void
reload (QaMaterialsPane *self)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint before = g_list_model_get_n_items (G_LIST_MODEL (self->materials));

  if (self->session != NULL && self->applicant_id != NULL)
    {
      list = qa_materials_list (self->session, self->applicant_id, &error);
      if (list == NULL)
        g_warning ("Could not list the materials of %s: %s", self->applicant_id, error->message);
    }

  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    g_ptr_array_add (items, g_list_model_get_item (list, i));
  g_list_store_splice (self->materials, 0, before, items->pdata, items->len);

  gtk_stack_set_visible_child_name (self->stack, items->len > 0 ? "list" : "empty");
  update_actions (self);

  if (items->len != before)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MATERIALS]);
}

static QaMaterial *
find_material (QaMaterialsPane *self,
               gint64           id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->materials)); i++)
    {
      g_autoptr(QaMaterial) material = g_list_model_get_item (G_LIST_MODEL (self->materials), i);

      if (qa_material_get_id (material) == id)
        return material;
    }

  return NULL;
}

static void
set_busy (QaMaterialsPane *self,
          const char      *name)
{
  gboolean busy = name != NULL;

  if (busy)
    {
      g_autofree char *label = g_strdup_printf (_("Storing “%s” in the session…"), name);

      gtk_label_set_label (self->progress_label, label);
      g_set_object (&self->add_cancellable, g_cancellable_new ());
    }
  else
    {
      g_clear_object (&self->add_cancellable);
    }

  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_revealer_set_reveal_child (self->progress_revealer, busy);
  update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
add_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(AddData) data = user_data;
  QaMaterialsPane *self = data->self;
  g_autoptr(QaMaterial) material = NULL;
  g_autoptr(GError) error = NULL;

  material = qa_materials_add_finish (QA_SESSION (source), result, &error);
  set_busy (self, NULL);

  if (material == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _qa_ui_show_error (GTK_WIDGET (self), _("Could Not Add the Material"), error->message);
      return;
    }

  if (shows (self, data->session, data->applicant_id))
    reload (self);

  _qa_ui_add_toast (GTK_WIDGET (self),
                    adw_toast_new_format (_("“%s” added to %s"),
                                          qa_material_get_filename (material),
                                          data->applicant_id));
}

static void
add_chosen (GtkWidget      *widget,
            GFile          *file,
            GtkFileChooser *chooser)
{
  QaMaterialKind kind = QA_MATERIAL_OTHER;

  qa_material_kind_from_string (gtk_file_chooser_get_choice (chooser, "kind"), &kind);
  qa_materials_pane_add_file (QA_MATERIALS_PANE (widget), file, kind,
                              g_strcmp0 (gtk_file_chooser_get_choice (chooser, "trade-secret"),
                                         "true") == 0,
                              g_strcmp0 (gtk_file_chooser_get_choice (chooser, "no-state-secret"),
                                         "true") == 0);
}

/* The first part of an application that is still missing, as the kind to suggest. */
static QaMaterialKind
missing_kind (QaMaterialsPane *self)
{
  for (QaMaterialKind kind = QA_MATERIAL_APPLICATION_FORM; kind < QA_MATERIAL_EVIDENCE; kind++)
    {
      gboolean present = FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->materials)); i++)
        {
          g_autoptr(QaMaterial) material = g_list_model_get_item (G_LIST_MODEL (self->materials), i);

          present |= qa_material_get_kind (material) == kind;
        }

      if (!present)
        return kind;
    }

  return QA_MATERIAL_EVIDENCE;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  QaMaterialsPane *self = QA_MATERIALS_PANE (widget);
  const char *kinds[QA_MATERIAL_OTHER + 2] = { NULL };
  const char *labels[QA_MATERIAL_OTHER + 2] = { NULL };
  g_autofree char *title = NULL;
  GtkFileChooserNative *chooser;

  for (QaMaterialKind kind = 0; kind <= QA_MATERIAL_OTHER; kind++)
    {
      kinds[kind] = qa_material_kind_to_string (kind);
      labels[kind] = qa_material_kind_get_label (kind);
    }

  /* Translators: the title of the file chooser; %s is the applicant's reference */
  title = g_strdup_printf (_("Add a Material of %s"), self->applicant_id);
  chooser = _qa_ui_file_chooser_new (widget, title, GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"));

  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "kind", _("Part of the application"),
                               kinds, labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "kind",
                               qa_material_kind_to_string (missing_kind (self)));
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "trade-secret",
                               _("Marked as holding trade secrets"), NULL, NULL);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "no-state-secret",
                               _("The applicant declares it holds no state secret"), NULL, NULL);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "no-state-secret", "true");

  _qa_ui_run_file_chooser (chooser, widget, add_chosen);
}

static void
cancel_add_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  QaMaterialsPane *self = QA_MATERIALS_PANE (widget);

  if (self->add_cancellable != NULL)
    g_cancellable_cancel (self->add_cancellable);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  QaMaterialsPane *self = QA_MATERIALS_PANE (widget);
  QaMaterial *material = find_material (self, g_variant_get_int64 (param));
  g_autoptr(GError) error = NULL;

  if (material == NULL)
    return;

  if (qa_materials_pane_open_material (self, material, &error) == NULL && error != NULL)
    _qa_ui_show_error (widget, _("Could Not Open the Material"), error->message);
}

static void
undo_remove_cb (QaMaterialsPane *self,
                AdwToast        *toast)
{
  QaMaterial *removed = g_object_get_data (G_OBJECT (toast), "qa-material");
  QaSession *session = g_object_get_data (G_OBJECT (toast), "qa-session");
  g_autoptr(QaMaterial) restored = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (QA_IS_MATERIALS_PANE (self));

  restored = qa_materials_restore (session, removed, &error);
  if (restored == NULL)
    {
      _qa_ui_show_error (GTK_WIDGET (self), _("Could Not Restore the Material"), error->message);
      return;
    }

  if (shows (self, session, qa_material_get_applicant_id (removed)))
    reload (self);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  QaMaterialsPane *self = QA_MATERIALS_PANE (widget);
  QaMaterial *found = find_material (self, g_variant_get_int64 (param));
  g_autoptr(QaMaterial) material = found != NULL ? g_object_ref (found) : NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (material == NULL)
    return;

  if (!qa_materials_remove (self->session, qa_material_get_id (material), &error))
    {
      _qa_ui_show_error (widget, _("Could Not Remove the Material"), error->message);
      return;
    }
  reload (self);

  toast = adw_toast_new_format (_("“%s” removed"), qa_material_get_filename (material));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "qa-material", g_object_ref (material), g_object_unref);
  g_object_set_data_full (G_OBJECT (toast), "qa-session", g_object_ref (self->session),
                          g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_remove_cb), self,
                           G_CONNECT_SWAPPED);
  _qa_ui_add_toast (widget, toast);
}

static void
set_trade_secret_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  QaMaterialsPane *self = QA_MATERIALS_PANE (widget);
  g_autoptr(GError) error = NULL;
  gint64 id;
  gboolean trade_secret;

  g_variant_get (param, "(xb)", &id, &trade_secret);

  if (!qa_materials_set_trade_secret (self->session, id, trade_secret, &error))
    _qa_ui_show_error (widget, _("Could Not Change the Trade-Secret Mark"), error->message);

  /* Either way the list shows what is stored. */
  reload (self);
}

static void
setup_row_cb (QaMaterialsPane          *self,
              GtkListItem              *item,
              GtkSignalListItemFactory *factory)
{
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_child (item, qa_material_row_new ());
}

static void
bind_row_cb (QaMaterialsPane          *self,
             GtkListItem              *item,
             GtkSignalListItemFactory *factory)
{
  qa_material_row_set_material (QA_MATERIAL_ROW (gtk_list_item_get_child (item)),
                                gtk_list_item_get_item (item));
  qa_material_row_set_editable (QA_MATERIAL_ROW (gtk_list_item_get_child (item)),
                                may_register (self));
}

static void
qa_materials_pane_dispose (GObject *object)
{
  QaMaterialsPane *self = (QaMaterialsPane *)object;

  if (self->add_cancellable != NULL)
    g_cancellable_cancel (self->add_cancellable);
  g_clear_object (&self->add_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), QA_TYPE_MATERIALS_PANE);
  _qa_ui_dispose_children (GTK_WIDGET (self));
  g_clear_object (&self->materials);
  g_clear_object (&self->session);
  g_clear_pointer (&self->applicant_id, g_free);

  G_OBJECT_CLASS (qa_materials_pane_parent_class)->dispose (object);
}

static void
qa_materials_pane_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  QaMaterialsPane *self = QA_MATERIALS_PANE (object);

  switch (prop_id)
    {
    case PROP_N_MATERIALS:
      g_value_set_uint (value, g_list_model_get_n_items (G_LIST_MODEL (self->materials)));
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->add_cancellable != NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_materials_pane_class_init (QaMaterialsPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qa_materials_pane_dispose;
  object_class->get_property = qa_materials_pane_get_property;

  properties[PROP_N_MATERIALS] =
    g_param_spec_uint ("n-materials", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/qa-materials-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, QaMaterialsPane, progress_label);
  gtk_widget_class_bind_template_child (widget_class, QaMaterialsPane, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, QaMaterialsPane, selection);
  gtk_widget_class_bind_template_child (widget_class, QaMaterialsPane, spinner);
  gtk_widget_class_bind_template_child (widget_class, QaMaterialsPane, stack);
  gtk_widget_class_bind_template_callback (widget_class, bind_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_row_cb);

  gtk_widget_class_install_action (widget_class, "materials.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "materials.cancel-add", NULL, cancel_add_action);
  gtk_widget_class_install_action (widget_class, "materials.open", "x", open_action);
  gtk_widget_class_install_action (widget_class, "materials.remove", "x", remove_action);
  gtk_widget_class_install_action (widget_class, "materials.set-trade-secret", "(xb)",
                                   set_trade_secret_action);

  gtk_widget_class_set_css_name (widget_class, "materials-pane");
}

static void
qa_materials_pane_init (QaMaterialsPane *self)
{
  self->materials = g_list_store_new (QA_TYPE_MATERIAL);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_no_selection_set_model (self->selection, G_LIST_MODEL (self->materials));
  reload (self);
}

GtkWidget *
qa_materials_pane_new (void)
{
  return g_object_new (QA_TYPE_MATERIALS_PANE, NULL);
}

void
qa_materials_pane_set_applicant (QaMaterialsPane *self,
                                 QaSession       *session,
                                 const char      *applicant_id)
{
  g_return_if_fail (QA_IS_MATERIALS_PANE (self));
  g_return_if_fail (!session || QA_IS_SESSION (session));

  g_set_object (&self->session, session);
  g_free (self->applicant_id);
  self->applicant_id = g_strdup (applicant_id);

  reload (self);
}

void
qa_materials_pane_set_role (QaMaterialsPane *self,
                            QaRole           role)
{
  g_return_if_fail (QA_IS_MATERIALS_PANE (self));

  if (self->role == role)
    return;

  self->role = role;
  /* The rows are bound anew, with their switches as the role allows. */
  reload (self);
}

GListModel *
qa_materials_pane_get_materials (QaMaterialsPane *self)
{
  g_return_val_if_fail (QA_IS_MATERIALS_PANE (self), NULL);

  return G_LIST_MODEL (self->materials);
}

void
qa_materials_pane_add_file (QaMaterialsPane *self,
                            GFile           *file,
                            QaMaterialKind   kind,
                            gboolean         trade_secret,
                            gboolean         no_state_secret)
{
  AddData *data;

  g_return_if_fail (QA_IS_MATERIALS_PANE (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->session != NULL && self->applicant_id != NULL);
  g_return_if_fail (self->add_cancellable == NULL);

  data = g_new0 (AddData, 1);
  data->self = g_object_ref (self);
  data->session = g_object_ref (self->session);
  data->applicant_id = g_strdup (self->applicant_id);
  data->name = g_file_get_basename (file);

  set_busy (self, data->name);
  qa_materials_add_async (self->session, self->applicant_id, kind, file, trade_secret,
                          no_state_secret, self->add_cancellable, add_done_cb, data);
}

gboolean
qa_materials_pane_get_busy (QaMaterialsPane *self)
{
  g_return_val_if_fail (QA_IS_MATERIALS_PANE (self), FALSE);

  return self->add_cancellable != NULL;
}

static QaPdfWindow *
find_reading_window (const char *sha256)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (QA_IS_PDF_WINDOW (window) &&
          g_strcmp0 (g_object_get_data (window, "qa-material-sha256"), sha256) == 0)
        return QA_PDF_WINDOW (window);
    }

  return NULL;
}

static GtkWindow *
open_pdf (QaMaterialsPane  *self,
          QaMaterial       *material,
          GFile            *copy,
          GError          **error)
{
  GtkWindow *parent = _qa_ui_get_window (GTK_WIDGET (self));
  QaPdfWindow *window;
  g_autofree char *subtitle = NULL;

  window = qa_pdf_window_new (parent != NULL ? gtk_window_get_application (parent) : NULL);
  /* Translators: under a material's file name, e.g. “A01 · Self-assessment report” */
  subtitle = g_strdup_printf (_("%s · %s"), qa_material_get_applicant_id (material),
                              qa_material_kind_get_label (qa_material_get_kind (material)));

  if (!qa_pdf_window_load_file (window, copy, TRUE, qa_material_get_filename (material), subtitle,
                                error))
    {
      gtk_window_destroy (GTK_WINDOW (window));
      return NULL;
    }

  g_object_set_data_full (G_OBJECT (window), "qa-material-sha256",
                          g_strdup (qa_material_get_sha256 (material)), g_free);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

GtkWindow *
qa_materials_pane_open_material (QaMaterialsPane  *self,
                                 QaMaterial       *material,
                                 GError          **error)
{
  g_autoptr(GFile) copy = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;
  g_autofree char *uri = NULL;
  QaPdfWindow *open;
  gboolean is_pdf;

  g_return_val_if_fail (QA_IS_MATERIALS_PANE (self), NULL);
  g_return_val_if_fail (QA_IS_MATERIAL (material), NULL);
  g_return_val_if_fail (self->session != NULL, NULL);

  is_pdf = g_content_type_is_a (qa_material_get_content_type (material), "application/pdf");
  if (is_pdf && (open = find_reading_window (qa_material_get_sha256 (material))) != NULL)
    {
      gtk_window_present (GTK_WINDOW (open));
      return GTK_WINDOW (open);
    }

  /* The system viewer needs the file's own name to know its type. */
  basename = g_path_get_basename (qa_material_get_filename (material));
  name = g_strdup_printf ("%" G_GINT64_FORMAT "-%s", qa_material_get_id (material), basename);
  copy = _qa_ui_dup_private_file ("materials", name, error);
  if (copy == NULL ||
      !qa_materials_extract (self->session, qa_material_get_id (material), copy, NULL, error))
    return NULL;

  if (is_pdf)
    return open_pdf (self, material, copy, error);

  uri = g_file_get_uri (copy);
  gtk_show_uri (_qa_ui_get_window (GTK_WIDGET (self)), uri, GDK_CURRENT_TIME);
  return NULL;
}
