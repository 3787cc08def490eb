/* qa-dossier-pane.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-dossier-pane"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <stdlib.h>

#include "qa-dossier-indicators.h"
#include "qa-dossier-pane.h"
#include "qa-ui-private.h"

/* The tables of a dossier, as the core keeps them (qa-dossier.h). */
static const char * const accident_kinds[] = { "quality", "safety", "environment", NULL };
static const char * const accident_kind_labels[] = {
  N_("Quality"), N_("Safety"), N_("Environment"), NULL
};

static const QaRecordColumn accident_columns[] = {
  { N_("Date"), QA_RECORD_PAST_DATE, TRUE, 11, FALSE, NULL, NULL },
  { N_("Kind"), QA_RECORD_CHOICE, TRUE, 0, FALSE, accident_kinds, accident_kind_labels },
  { N_("What happened"), QA_RECORD_TEXT, FALSE, 30, TRUE, NULL, NULL },
};

static const QaRecordColumn certificate_columns[] = {
  { N_("Standard"), QA_RECORD_TEXT, TRUE, 16, TRUE, NULL, NULL },
  { N_("Certificate number"), QA_RECORD_TEXT, FALSE, 14, TRUE, NULL, NULL },
  { N_("Issued by"), QA_RECORD_TEXT, FALSE, 14, TRUE, NULL, NULL },
  { N_("Valid until"), QA_RECORD_DATE, FALSE, 11, FALSE, NULL, NULL },
};

struct _QaDossierPane
{
  GtkWidget          parent_instance;

  /* Owned */
  QaSession         *session;
  QaApplicant       *applicant;
  QaDossier         *dossier;   /* as typed */
  QaDossier         *saved;     /* as stored; NULL for a new applicant */
  gboolean           is_new;
  gboolean           modified;
  gboolean           can_save;
  gboolean           loading;
  QaRole             role;

  /* The widgets of the tabs built so far (see ensure_tab()), NULL until then */
  QaRecordTable     *accidents_table;
  QaRecordTable     *certificates_table;
  GtkCheckButton    *declared_accidents_check;
  QaDossierIndicators *indicators;
  QaMaterialsPane   *materials_pane;
  GtkStack          *materials_stack;
  QaEligibilityPane *eligibility_pane;
  GtkStack          *eligibility_stack;

  /* Template widgets */
  GtkButton         *back_button;
  QaDossierForm     *form;
  GtkLabel          *id_label;
  GtkStackPage      *materials_page;
  GtkLabel          *name_label;
  GtkButton         *revert_button;
  GtkLabel          *status_label;
  GtkStack          *view_stack;
};

G_DEFINE_FINAL_TYPE (QaDossierPane, qa_dossier_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODIFIED,
  PROP_CAN_SAVE,
  N_PROPS
};

enum {
  SAVED,
  NEW_CANCELLED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Lazy tabs: but the basic information, every tab is an empty bin in the template, and its
 * widgets are built (from their own .ui) and filled with the dossier shown the first time the tab
 * is shown or asked for. A tab not built is as loaded: not modified, valid, nothing to apply. */
typedef enum
{
  TAB_SYSTEMS,
  TAB_INDICATORS,
  TAB_MATERIALS,
  TAB_ELIGIBILITY,
  N_TABS
} Tab;

static const char * const tab_names[N_TABS] = { "systems", "indicators", "materials", "eligibility" };

static void ensure_tab (QaDossierPane *self,
                        Tab            tab);

/* Tables ------------------------------------------------------------------------------------ */

/* A row of @n_cells values, "" for a missing one. */
static void
append_row (GPtrArray          *rows,
            const char * const *cells,
            guint               n_cells)
{
  char **row = g_new0 (char *, n_cells + 1);

  for (guint i = 0; i < n_cells; i++)
    row[i] = g_strdup (cells[i] != NULL ? cells[i] : "");
  g_ptr_array_add (rows, row);
}

static GPtrArray *
dup_table_rows (QaDossier  *dossier,
                const char *table)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);

  if (g_str_equal (table, "accidents"))
    {
      GPtrArray *accidents = qa_dossier_get_accidents (dossier);

      for (guint i = 0; i < accidents->len; i++)
        {
          const QaAccidentFact *a = g_ptr_array_index (accidents, i);
          const char *cells[] = { a->date, a->kind, a->description };

          append_row (rows, cells, G_N_ELEMENTS (cells));
        }
    }
  else
    {
      GPtrArray *certificates = qa_dossier_get_certificates (dossier);

      for (guint i = 0; i < certificates->len; i++)
        {
          const QaCertificate *c = g_ptr_array_index (certificates, i);
          const char *cells[] = { c->standard, c->number, c->issuer, c->valid_until };

          append_row (rows, cells, G_N_ELEMENTS (cells));
        }
    }

  return rows;
}

static const char *
cell (char       **row,
      guint        column)
{
  return row[column] != NULL && row[column][0] != '\0' ? row[column] : NULL;
}

/* Writes what the tables hold into the dossier, replacing its lists. */
static void
apply_tables (QaDossierPane *self)
{
  g_autoptr(GPtrArray) accidents = NULL;
  g_autoptr(GPtrArray) certificates = NULL;

  if (self->indicators != NULL)
    qa_dossier_indicators_apply (self->indicators, self->dossier);

  /* A tab not built holds the lists as loaded. */
  if (self->accidents_table == NULL)
    return;

  accidents = qa_record_table_dup_rows (self->accidents_table);
  certificates = qa_record_table_dup_rows (self->certificates_table);
  g_ptr_array_set_size (qa_dossier_get_accidents (self->dossier), 0);
  for (guint i = 0; i < accidents->len; i++)
    {
      char **row = g_ptr_array_index (accidents, i);

      qa_dossier_add_accident (self->dossier, cell (row, 0), cell (row, 1), cell (row, 2));
    }

  g_ptr_array_set_size (qa_dossier_get_certificates (self->dossier), 0);
  for (guint i = 0; i < certificates->len; i++)
    {
      char **row = g_ptr_array_index (certificates, i);

      qa_dossier_add_certificate (self->dossier, cell (row, 0), cell (row, 1), cell (row, 2),
                                  cell (row, 3));
    }
}

static void
load_table (QaRecordTable *table,
            QaDossier     *dossier,
            const char    *name)
{
  g_autoptr(GPtrArray) rows = dup_table_rows (dossier, name);

  qa_record_table_set_rows (table, rows);
}

/* State ------------------------------------------------------------------------------------- */

static gboolean
dossier_differs (QaDossier *a,
                 QaDossier *b)
{
  for (guint field = 0; field < QA_DOSSIER_N_TEXT_FIELDS; field++)
    if (g_strcmp0 (qa_dossier_get_text (a, field), qa_dossier_get_text (b, field)) != 0)
      return TRUE;

  return qa_dossier_get_legal_person (a) != qa_dossier_get_legal_person (b) ||
         qa_dossier_get_declared_accidents (a) != qa_dossier_get_declared_accidents (b) ||
         qa_dossier_get_self_score (a) != qa_dossier_get_self_score (b);
}

/* The tables of the tabs built: one not built is as loaded, so neither modified nor invalid. */
static gboolean
tables_modified (QaDossierPane *self)
{
  return (self->accidents_table != NULL &&
          (qa_record_table_is_modified (self->accidents_table) ||
           qa_record_table_is_modified (self->certificates_table))) ||
         (self->indicators != NULL &&
          qa_record_table_is_modified (qa_dossier_indicators_get_table (self->indicators)));
}

static gboolean
tables_valid (QaDossierPane *self)
{
  return (self->accidents_table == NULL ||
          (qa_record_table_is_valid (self->accidents_table) &&
           qa_record_table_is_valid (self->certificates_table))) &&
         (self->indicators == NULL ||
          qa_record_table_is_valid (qa_dossier_indicators_get_table (self->indicators)));
}

static void
update_state (QaDossierPane *self)
{
  gboolean modified = FALSE;
  gboolean can_save;

  if (self->dossier != NULL)
    modified = self->is_new ||
               (self->saved != NULL && dossier_differs (self->dossier, self->saved)) ||
               tables_modified (self);

  can_save = modified && self->session != NULL &&
             qa_dossier_form_is_valid (self->form) &&
             tables_valid (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dossier.save",
                                 can_save && qa_role_allows (self->role, QA_PERMISSION_REGISTER));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dossier.revert", modified);

  if (self->modified != modified)
    {
      self->modified = modified;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
  if (self->can_save != can_save)
    {
      self->can_save = can_save;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_SAVE]);
    }
}

static void
update_header (QaDossierPane *self)
{
  const char *name = self->dossier != NULL ? qa_dossier_get_text (self->dossier, QA_DOSSIER_NAME)
                                           : NULL;

  if (self->saved == NULL)
    {
      gtk_label_set_label (self->id_label, "");
      gtk_label_set_label (self->name_label,
                           name != NULL ? name : self->is_new ? _("New Applicant") : "");
      gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
      gtk_button_set_label (self->revert_button, _("_Cancel"));
      return;
    }

  gtk_label_set_label (self->id_label, qa_dossier_get_text (self->saved, QA_DOSSIER_ID));
  gtk_label_set_label (self->name_label, name != NULL ? name : "");
  gtk_button_set_label (self->revert_button, _("Re_vert"));

  gtk_widget_set_visible (GTK_WIDGET (self->status_label), self->applicant != NULL);
  if (self->applicant != NULL)
    {
      g_auto(GStrv) classes = NULL;

      gtk_label_set_label (self->status_label,
                           qa_applicant_status_get_label (qa_applicant_get_status (self->applicant)));
      classes = _qa_ui_dup_status_classes (qa_applicant_get_status (self->applicant));
      gtk_widget_set_css_classes (GTK_WIDGET (self->status_label), (const char **)classes);
    }
}

/* The number of materials of the applicant shown: the pane's, or, before it is built, the
 * session's list (one query, as the pane would make). */
static guint
count_materials (QaDossierPane *self)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;

  if (self->materials_pane != NULL)
    return g_list_model_get_n_items (qa_materials_pane_get_materials (self->materials_pane));

  if (self->session == NULL || self->saved == NULL)
    return 0;

  list = qa_materials_list (self->session, qa_dossier_get_text (self->saved, QA_DOSSIER_ID), &error);
  if (list == NULL)
    {
      g_warning ("Could not list the materials of %s: %s",
                 qa_dossier_get_text (self->saved, QA_DOSSIER_ID), error->message);
      return 0;
    }

  return g_list_model_get_n_items (list);
}

static void
update_materials_title (QaDossierPane *self)
{
  guint n = self->saved != NULL ? count_materials (self) : 0;
  g_autofree char *title = NULL;

  if (self->saved != NULL && n > 0)
    /* Translators: the tab of an applicant's materials, with their number, e.g. “Materials (4)” */
    title = g_strdup_printf (C_("dossier tab", "Materials (%u)"), n);
  else
    title = g_strdup (C_("dossier tab", "Materials"));

  gtk_stack_page_set_title (self->materials_page, title);
}

/* Fills the tables of the tabs built with the dossier being typed in. */
static void
load_tables (QaDossierPane *self)
{
  if (self->dossier == NULL)
    return;

  self->loading = TRUE;
  if (self->accidents_table != NULL)
    {
      load_table (self->accidents_table, self->dossier, "accidents");
      load_table (self->certificates_table, self->dossier, "certificates");
      gtk_check_button_set_active (self->declared_accidents_check,
                                   qa_dossier_get_declared_accidents (self->dossier));
    }
  if (self->indicators != NULL)
    qa_dossier_indicators_load (self->indicators, self->dossier,
                                self->session != NULL ? qa_session_get_year (self->session) : 0);
  self->loading = FALSE;
}

/* Gives the materials and eligibility tabs built the applicant stored, if any: they belong to
 * a registered applicant, and show a placeholder for a new one. */
static void
load_stored_tabs (QaDossierPane *self)
{
  const char *id = qa_dossier_pane_get_applicant_id (self);
  QaSession *session = id != NULL ? self->session : NULL;

  if (self->materials_pane != NULL)
    {
      qa_materials_pane_set_applicant (self->materials_pane, session, id);
      gtk_stack_set_visible_child_name (self->materials_stack, id != NULL ? "pane" : "unsaved");
    }
  if (self->eligibility_pane != NULL)
    {
      qa_eligibility_pane_set_applicant (self->eligibility_pane, session, id);
      gtk_stack_set_visible_child_name (self->eligibility_stack, id != NULL ? "pane" : "unsaved");
    }
}

/* Shows @dossier (taken) as the one being typed in; @saved (taken) is how it is stored. */
static void
set_dossier (QaDossierPane *self,
             QaDossier     *dossier,
             QaDossier     *saved)
{
  g_clear_object (&self->dossier);
  g_clear_object (&self->saved);
  self->dossier = dossier;
  self->saved = saved;

  self->loading = TRUE;
  qa_dossier_form_set_dossier (self->form, dossier, saved == NULL);
  self->loading = FALSE;
  load_tables (self);
  load_stored_tabs (self);

  update_header (self);
  update_materials_title (self);
  update_state (self);
}

static QaDossier *
load_dossier (QaDossierPane  *self,
              const char     *id,
              QaDossier     **saved,
              GError        **error)
{
  g_autoptr(QaDossier) dossier = NULL;

  dossier = qa_applicants_load_dossier (self->session, id, error);
  if (dossier == NULL)
    return NULL;

  *saved = qa_applicants_load_dossier (self->session, id, error);
  if (*saved == NULL)
    return NULL;

  return g_steal_pointer (&dossier);
}

/* Callbacks --------------------------------------------------------------------------------- */

static void
edited_cb (QaDossierPane *self)
{
  g_assert (QA_IS_DOSSIER_PANE (self));

  if (self->loading)
    return;

  update_header (self);
  update_state (self);
}

static void
declared_accidents_toggled_cb (QaDossierPane  *self,
                               GtkCheckButton *check)
{
  g_assert (QA_IS_DOSSIER_PANE (self));

  if (self->loading || self->dossier == NULL)
    return;

  qa_dossier_set_declared_accidents (self->dossier, gtk_check_button_get_active (check));
  update_state (self);
}

static void
n_materials_changed_cb (QaDossierPane   *self,
                        GParamSpec      *pspec,
                        QaMaterialsPane *pane)
{
  g_assert (QA_IS_DOSSIER_PANE (self));

  update_materials_title (self);
}

/* Tabs ------------------------------------------------------------------------------------- */

/* What may be typed into the tabs built, as the role allows. */
static void
set_tabs_role (QaDossierPane *self)
{
  gboolean may_register = qa_role_allows (self->role, QA_PERMISSION_REGISTER);

  /* Read, not typed into, by whoever may not register. */
  if (self->accidents_table != NULL)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->certificates_table), may_register);
      gtk_widget_set_sensitive (GTK_WIDGET (self->accidents_table), may_register);
      gtk_widget_set_sensitive (GTK_WIDGET (self->declared_accidents_check), may_register);
    }
  if (self->indicators != NULL)
    qa_dossier_indicators_set_editable (self->indicators, may_register);
  if (self->materials_pane != NULL)
    qa_materials_pane_set_role (self->materials_pane, self->role);
  if (self->eligibility_pane != NULL)
    qa_eligibility_pane_set_role (self->eligibility_pane, self->role);
}

static GObject *
builder_get (GtkBuilder *builder,
             const char *id)
{
  GObject *object = gtk_builder_get_object (builder, id);

  g_assert (object != NULL);
  return object;
}

/* Builds tab @tab if it is not yet, and fills it as the tabs built before it are filled. */
static void
ensure_tab (QaDossierPane *self,
            Tab            tab)
{
  g_autoptr(GtkBuilder) builder = NULL;
  g_autofree char *resource = NULL;
  GtkWidget *bin;

  g_assert (tab < N_TABS);

  bin = gtk_stack_get_child_by_name (self->view_stack, tab_names[tab]);
  if (adw_bin_get_child (ADW_BIN (bin)) != NULL)
    return;

  resource = g_strdup_printf (RESOURCE_PREFIX "/qa-dossier-tab-%s.ui", tab_names[tab]);
  builder = gtk_builder_new_from_resource (resource);

  switch (tab)
    {
    case TAB_SYSTEMS:
      self->certificates_table = QA_RECORD_TABLE (builder_get (builder, "certificates_table"));
      self->accidents_table = QA_RECORD_TABLE (builder_get (builder, "accidents_table"));
      self->declared_accidents_check = GTK_CHECK_BUTTON (builder_get (builder, "declared_accidents_check"));
      qa_record_table_set_columns (self->accidents_table, accident_columns,
                                   G_N_ELEMENTS (accident_columns));
      qa_record_table_set_columns (self->certificates_table, certificate_columns,
                                   G_N_ELEMENTS (certificate_columns));
      g_signal_connect_object (self->certificates_table, "changed",
                               G_CALLBACK (edited_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->accidents_table, "changed",
                               G_CALLBACK (edited_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->declared_accidents_check, "toggled",
                               G_CALLBACK (declared_accidents_toggled_cb), self,
                               G_CONNECT_SWAPPED);
      break;

    case TAB_INDICATORS:
      self->indicators = QA_DOSSIER_INDICATORS (builder_get (builder, "indicators"));
      g_signal_connect_object (qa_dossier_indicators_get_table (self->indicators), "changed",
                               G_CALLBACK (edited_cb), self, G_CONNECT_SWAPPED);
      break;

    case TAB_MATERIALS:
      self->materials_stack = GTK_STACK (builder_get (builder, "tab"));
      self->materials_pane = QA_MATERIALS_PANE (builder_get (builder, "materials_pane"));
      g_signal_connect_object (self->materials_pane, "notify::n-materials",
                               G_CALLBACK (n_materials_changed_cb), self, G_CONNECT_SWAPPED);
      break;

    case TAB_ELIGIBILITY:
      self->eligibility_stack = GTK_STACK (builder_get (builder, "tab"));
      self->eligibility_pane = QA_ELIGIBILITY_PANE (builder_get (builder, "eligibility_pane"));
      break;

    case N_TABS:
    default:
      g_assert_not_reached ();
    }

  adw_bin_set_child (ADW_BIN (bin), GTK_WIDGET (builder_get (builder, "tab")));

  set_tabs_role (self);
  load_tables (self);
  load_stored_tabs (self);
  update_materials_title (self);
  update_state (self);
}

static void
visible_tab_changed_cb (QaDossierPane *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->view_stack);

  g_assert (QA_IS_DOSSIER_PANE (self));

  for (guint tab = 0; tab < N_TABS; tab++)
    if (g_strcmp0 (name, tab_names[tab]) == 0)
      ensure_tab (self, tab);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  QaDossierPane *self = QA_DOSSIER_PANE (widget);
  g_autoptr(GError) error = NULL;

  if (!qa_dossier_pane_save (self, &error))
    _qa_ui_show_error (widget, _("The Dossier Was Not Saved"), error->message);
}

static void
revert_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  QaDossierPane *self = QA_DOSSIER_PANE (widget);
  g_autoptr(QaApplicant) applicant = NULL;
  g_autoptr(GError) error = NULL;

  if (self->saved == NULL)
    {
      g_signal_emit (self, signals[NEW_CANCELLED], 0);
      return;
    }

  applicant = self->applicant != NULL ? g_object_ref (self->applicant) : NULL;
  g_clear_object (&self->saved);
  if (!qa_dossier_pane_show_applicant (self, applicant, &error))
    _qa_ui_show_error (widget, _("The Dossier Could Not Be Read"), error->message);
}

/* ------------------------------------------------------------------------------------------- */

static void
qa_dossier_pane_dispose (GObject *object)
{
  QaDossierPane *self = (QaDossierPane *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), QA_TYPE_DOSSIER_PANE);
  /* The tabs' widgets go with the template's (not owned). */
  self->accidents_table = NULL;
  self->certificates_table = NULL;
  self->declared_accidents_check = NULL;
  self->indicators = NULL;
  self->materials_pane = NULL;
  self->materials_stack = NULL;
  self->eligibility_pane = NULL;
  self->eligibility_stack = NULL;
  _qa_ui_dispose_children (GTK_WIDGET (self));
  g_clear_object (&self->session);
  g_clear_object (&self->applicant);
  g_clear_object (&self->dossier);
  g_clear_object (&self->saved);

  G_OBJECT_CLASS (qa_dossier_pane_parent_class)->dispose (object);
}

static void
qa_dossier_pane_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  QaDossierPane *self = QA_DOSSIER_PANE (object);

  switch (prop_id)
    {
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;

    case PROP_CAN_SAVE:
      g_value_set_boolean (value, self->can_save);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_dossier_pane_class_init (QaDossierPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qa_dossier_pane_dispose;
  object_class->get_property = qa_dossier_pane_get_property;

  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_SAVE] =
    g_param_spec_boolean ("can-save", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted with the reference of the applicant whose dossier was stored. */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
  /* Emitted when the user gives up a new applicant. */
  signals[NEW_CANCELLED] =
    g_signal_new ("new-cancelled",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (QA_TYPE_DOSSIER_FORM);
  g_type_ensure (QA_TYPE_DOSSIER_INDICATORS);
  g_type_ensure (QA_TYPE_ELIGIBILITY_PANE);
  g_type_ensure (QA_TYPE_MATERIALS_PANE);
  g_type_ensure (QA_TYPE_RECORD_TABLE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/qa-dossier-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, QaDossierPane, back_button);
  gtk_widget_class_bind_template_child (widget_class, QaDossierPane, form);
  gtk_widget_class_bind_template_child (widget_class, QaDossierPane, id_label);
  gtk_widget_class_bind_template_child (widget_class, QaDossierPane, materials_page);
  gtk_widget_class_bind_template_child (widget_class, QaDossierPane, name_label);
  gtk_widget_class_bind_template_child (widget_class, QaDossierPane, revert_button);
  gtk_widget_class_bind_template_child (widget_class, QaDossierPane, status_label);
  gtk_widget_class_bind_template_child (widget_class, QaDossierPane, view_stack);
  gtk_widget_class_bind_template_callback (widget_class, edited_cb);

  gtk_widget_class_install_action (widget_class, "dossier.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "dossier.revert", NULL, revert_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "dossier.save", NULL);

  gtk_widget_class_set_css_name (widget_class, "dossier-pane");
}

static void
qa_dossier_pane_init (QaDossierPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* A tab is built the first time it is shown, by the switcher or qa_dossier_pane_set_page(). */
  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (visible_tab_changed_cb), self, G_CONNECT_SWAPPED);
  visible_tab_changed_cb (self);

  update_state (self);
}

GtkWidget *
qa_dossier_pane_new (void)
{
  return g_object_new (QA_TYPE_DOSSIER_PANE, NULL);
}

void
qa_dossier_pane_set_session (QaDossierPane *self,
                             QaSession     *session)
{
  g_return_if_fail (QA_IS_DOSSIER_PANE (self));
  g_return_if_fail (!session || QA_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  if (session != NULL)
    qa_dossier_form_set_max_points (self->form,
                                    qa_criteria_get_total_points (qa_session_get_criteria (session)));
  qa_dossier_pane_show_applicant (self, NULL, NULL);
}

gboolean
qa_dossier_pane_show_applicant (QaDossierPane  *self,
                                QaApplicant    *applicant,
                                GError        **error)
{
  QaDossier *dossier;
  QaDossier *saved = NULL;

  g_return_val_if_fail (QA_IS_DOSSIER_PANE (self), FALSE);
  g_return_val_if_fail (!applicant || QA_IS_APPLICANT (applicant), FALSE);
  g_return_val_if_fail (!applicant || self->session != NULL, FALSE);

  g_set_object (&self->applicant, applicant);
  self->is_new = FALSE;

  if (applicant == NULL)
    {
      set_dossier (self, qa_dossier_new (), NULL);
      return TRUE;
    }

  dossier = load_dossier (self, qa_applicant_get_id (applicant), &saved, error);
  if (dossier == NULL)
    {
      g_clear_object (&saved);
      return FALSE;
    }

  set_dossier (self, dossier, saved);
  return TRUE;
}

void
qa_dossier_pane_update_applicant (QaDossierPane *self,
                                  QaApplicant   *applicant)
{
  g_return_if_fail (QA_IS_DOSSIER_PANE (self));
  g_return_if_fail (QA_IS_APPLICANT (applicant));
  g_return_if_fail (g_strcmp0 (qa_applicant_get_id (applicant),
                               qa_dossier_pane_get_applicant_id (self)) == 0);

  g_set_object (&self->applicant, applicant);
  update_header (self);
  if (self->eligibility_pane != NULL)
    qa_eligibility_pane_refresh (self->eligibility_pane);
}

void
qa_dossier_pane_start_new (QaDossierPane *self)
{
  g_return_if_fail (QA_IS_DOSSIER_PANE (self));

  g_clear_object (&self->applicant);
  self->is_new = TRUE;
  set_dossier (self, qa_dossier_new (), NULL);
  qa_dossier_pane_set_page (self, "basic");
  gtk_widget_grab_focus (qa_dossier_form_get_field (self->form, QA_DOSSIER_ID));
}

const char *
qa_dossier_pane_get_applicant_id (QaDossierPane *self)
{
  g_return_val_if_fail (QA_IS_DOSSIER_PANE (self), NULL);

  return self->saved != NULL ? qa_dossier_get_text (self->saved, QA_DOSSIER_ID) : NULL;
}

gboolean
qa_dossier_pane_get_is_new (QaDossierPane *self)
{
  g_return_val_if_fail (QA_IS_DOSSIER_PANE (self), FALSE);

  return self->is_new;
}

gboolean
qa_dossier_pane_get_modified (QaDossierPane *self)
{
  g_return_val_if_fail (QA_IS_DOSSIER_PANE (self), FALSE);

  return self->modified;
}

gboolean
qa_dossier_pane_get_can_save (QaDossierPane *self)
{
  g_return_val_if_fail (QA_IS_DOSSIER_PANE (self), FALSE);

  return self->can_save;
}

gboolean
qa_dossier_pane_save (QaDossierPane  *self,
                      GError        **error)
{
  g_autofree char *id = NULL;
  QaDossier *dossier;
  QaDossier *saved = NULL;

  g_return_val_if_fail (QA_IS_DOSSIER_PANE (self), FALSE);
  g_return_val_if_fail (self->session != NULL && self->dossier != NULL, FALSE);

  apply_tables (self);
  if (!qa_applicants_save_dossier (self->session, self->dossier, error))
    return FALSE;

  /* What is stored now is what the pane compares with. */
  id = g_strdup (qa_dossier_get_text (self->dossier, QA_DOSSIER_ID));
  dossier = load_dossier (self, id, &saved, error);
  if (dossier == NULL)
    {
      g_clear_object (&saved);
      return FALSE;
    }
  self->is_new = FALSE;
  set_dossier (self, dossier, saved);

  g_signal_emit (self, signals[SAVED], 0, id);
  return TRUE;
}

void
qa_dossier_pane_set_role (QaDossierPane *self,
                          QaRole         role)
{
  g_return_if_fail (QA_IS_DOSSIER_PANE (self));

  self->role = role;
  /* Read, not typed into, by whoever may not register. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->form), qa_role_allows (role, QA_PERMISSION_REGISTER));
  set_tabs_role (self);
  update_state (self);
}

void
qa_dossier_pane_set_page (QaDossierPane *self,
                          const char    *page)
{
  g_return_if_fail (QA_IS_DOSSIER_PANE (self));

  gtk_stack_set_visible_child_name (self->view_stack, page);
}

QaDossierForm *
qa_dossier_pane_get_form (QaDossierPane *self)
{
  g_return_val_if_fail (QA_IS_DOSSIER_PANE (self), NULL);

  return self->form;
}

QaMaterialsPane *
qa_dossier_pane_get_materials (QaDossierPane *self)
{
  g_return_val_if_fail (QA_IS_DOSSIER_PANE (self), NULL);

  ensure_tab (self, TAB_MATERIALS);
  return self->materials_pane;
}

QaEligibilityPane *
qa_dossier_pane_get_eligibility (QaDossierPane *self)
{
  g_return_val_if_fail (QA_IS_DOSSIER_PANE (self), NULL);

  ensure_tab (self, TAB_ELIGIBILITY);
  return self->eligibility_pane;
}

QaRecordTable *
qa_dossier_pane_get_table (QaDossierPane *self,
                           const char    *name)
{
  g_return_val_if_fail (QA_IS_DOSSIER_PANE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (g_str_equal (name, "accidents") || g_str_equal (name, "certificates"))
    {
      ensure_tab (self, TAB_SYSTEMS);
      return g_str_equal (name, "accidents") ? self->accidents_table : self->certificates_table;
    }

  ensure_tab (self, TAB_INDICATORS);
  return qa_dossier_indicators_get_table (self->indicators);
}

GtkWidget *
qa_dossier_pane_get_back_button (QaDossierPane *self)
{
  g_return_val_if_fail (QA_IS_DOSSIER_PANE (self), NULL);

  return GTK_WIDGET (self->back_button);
}
