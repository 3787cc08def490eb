/* qa-material-reader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-material-reader"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "qa-material-reader.h"
#include "qa-ui-private.h"

struct _QaMaterialReader
{
  GtkWidget      parent_instance;

  /* Owned */
  QaSession     *session;
  char          *applicant_id;
  GListModel    *materials;
  /* applicant id → id of the material last read (as a gint64 *) */
  GHashTable    *last_material;
  /* material id → page last read (as GUINT_TO_POINTER (page + 1)) */
  GHashTable    *pages;
  /* SHA-256 → the private copy read from (GFile) */
  GHashTable    *copies;
  gboolean       restoring;

  /* Template widgets */
  AdwStatusPage *error_page;
  GtkWidget     *material_bar;
  GtkDropDown   *material_drop_down;
  GtkStringList *material_names;
  AdwStatusPage *other_page;
  QaPdfView     *pdf_view;
  GtkStack      *stack;
};

G_DEFINE_FINAL_TYPE (QaMaterialReader, qa_material_reader, GTK_TYPE_WIDGET)

static gint64 *
int64_dup (gint64 value)
{
  return g_memdup2 (&value, sizeof value);
}

static gboolean
is_pdf (QaMaterial *material)
{
  return g_content_type_is_a (qa_material_get_content_type (material), "application/pdf");
}

/* A copy under the user's private cache; the system viewer needs the file's own name. */
static GFile *
dup_copy (QaMaterialReader  *self,
          QaMaterial        *material,
          GError           **error)
{
  const char *sha256 = qa_material_get_sha256 (material);
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GFile) copy = NULL;
  GFile *known;

  known = g_hash_table_lookup (self->copies, sha256);
  if (known != NULL && g_file_query_exists (known, NULL))
    return g_object_ref (known);

  basename = g_path_get_basename (qa_material_get_filename (material));
  name = g_strdup_printf ("%.16s-%s", sha256, basename);
  copy = _qa_ui_dup_private_file ("review", name, error);
  if (copy == NULL ||
      !qa_materials_extract (self->session, qa_material_get_id (material), copy, NULL, error))
    return NULL;

  g_hash_table_replace (self->copies, g_strdup (sha256), g_object_ref (copy));
  return g_steal_pointer (&copy);
}

static void
delete_copies (QaMaterialReader *self)
{
  GHashTableIter iter;
  GFile *copy;

  g_hash_table_iter_init (&iter, self->copies);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&copy))
    g_file_delete (copy, NULL, NULL);
  g_hash_table_remove_all (self->copies);
}

static void
show_error (QaMaterialReader *self,
            const char       *message)
{
  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
show_material (QaMaterialReader *self,
               QaMaterial       *material)
{
  g_autoptr(GFile) copy = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = qa_material_get_id (material);
  gpointer page;

  g_hash_table_replace (self->last_material, g_strdup (self->applicant_id), int64_dup (id));

  if (!is_pdf (material))
    {
      adw_status_page_set_description (self->other_page, qa_material_get_filename (material));
      gtk_stack_set_visible_child_name (self->stack, "other");
      return;
    }

  copy = dup_copy (self, material, &error);
  if (copy == NULL)
    {
      show_error (self, error->message);
      return;
    }

  self->restoring = TRUE;
  if (qa_pdf_view_load_file (self->pdf_view, copy, NULL))
    {
      page = g_hash_table_lookup (self->pages, &id);
      if (page != NULL)
        qa_pdf_view_set_page (self->pdf_view, GPOINTER_TO_UINT (page) - 1);
    }
  self->restoring = FALSE;

  /* The view says itself why a document cannot be read. */
  gtk_stack_set_visible_child_name (self->stack, "document");
}

static void
selected_material_changed_cb (QaMaterialReader *self,
                              GParamSpec       *pspec,
                              GtkDropDown      *drop_down)
{
  g_autoptr(QaMaterial) material = NULL;

  g_assert (QA_IS_MATERIAL_READER (self));

  material = qa_material_reader_get_material (self);
  if (material != NULL)
    show_material (self, material);
}

static void
page_changed_cb (QaMaterialReader *self,
                 GParamSpec       *pspec,
                 QaPdfView        *view)
{
  g_autoptr(QaMaterial) material = NULL;
  gint64 id;

  g_assert (QA_IS_MATERIAL_READER (self));

  material = qa_material_reader_get_material (self);
  if (self->restoring || material == NULL)
    return;

  id = qa_material_get_id (material);
  g_hash_table_replace (self->pages, int64_dup (id),
                        GUINT_TO_POINTER (qa_pdf_view_get_page (view) + 1));
}

static void
open_externally_cb (QaMaterialReader *self,
                    GtkButton        *button)
{
  g_autoptr(QaMaterial) material = qa_material_reader_get_material (self);
  g_autoptr(GFile) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  g_assert (QA_IS_MATERIAL_READER (self));

  if (material == NULL)
    return;

  copy = dup_copy (self, material, &error);
  if (copy == NULL)
    {
      _qa_ui_show_error (GTK_WIDGET (self), _("Could Not Open the Material"), error->message);
      return;
    }

  uri = g_file_get_uri (copy);
  gtk_show_uri (_qa_ui_get_window (GTK_WIDGET (self)), uri, GDK_CURRENT_TIME);
}

/* The material last read, else the self-assessment report (what a reviewer reads first), else
 * the first. */
static guint
choose_material (QaMaterialReader *self)
{
  gint64 *last = g_hash_table_lookup (self->last_material, self->applicant_id);
  guint n = g_list_model_get_n_items (self->materials);
  guint chosen = 0;

  for (guint i = n; i > 0; i--)
    {
      g_autoptr(QaMaterial) material = g_list_model_get_item (self->materials, i - 1);

      if (last != NULL && qa_material_get_id (material) == *last)
        return i - 1;
      if (qa_material_get_kind (material) == QA_MATERIAL_SELF_ASSESSMENT && is_pdf (material))
        chosen = i - 1;
    }

  return chosen;
}

static void
load_materials (QaMaterialReader *self)
{
  g_autoptr(GError) error = NULL;
  guint n;

  g_clear_object (&self->materials);
  qa_pdf_view_clear (self->pdf_view);

  if (self->session == NULL || self->applicant_id == NULL)
    {
      gtk_string_list_splice (self->material_names, 0,
                              g_list_model_get_n_items (G_LIST_MODEL (self->material_names)), NULL);
      gtk_widget_set_visible (self->material_bar, FALSE);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  self->materials = qa_materials_list (self->session, self->applicant_id, &error);
  if (self->materials == NULL)
    {
      show_error (self, error->message);
      return;
    }

  n = g_list_model_get_n_items (self->materials);

  /* The names first, with the selection held back, so one material is loaded, not two. */
  g_signal_handlers_block_by_func (self->material_drop_down, selected_material_changed_cb, self);
  {
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(QaMaterial) material = g_list_model_get_item (self->materials, i);

        /* Translators: a material in the list, e.g. “Self-assessment report · report.pdf” */
        g_ptr_array_add (names, g_strdup_printf (_("%s · %s"),
                                                 qa_material_kind_get_label (qa_material_get_kind (material)),
                                                 qa_material_get_filename (material)));
      }
    g_ptr_array_add (names, NULL);
    gtk_string_list_splice (self->material_names, 0,
                            g_list_model_get_n_items (G_LIST_MODEL (self->material_names)),
                            (const char * const *)names->pdata);
  }
  if (n > 0)
    gtk_drop_down_set_selected (self->material_drop_down, choose_material (self));
  g_signal_handlers_unblock_by_func (self->material_drop_down, selected_material_changed_cb, self);

  /* Nothing to choose from: the empty page says so. */
  gtk_widget_set_visible (self->material_bar, n > 0);

  if (n == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else
    selected_material_changed_cb (self, NULL, self->material_drop_down);
}

static void
qa_material_reader_dispose (GObject *object)
{
  QaMaterialReader *self = (QaMaterialReader *)object;
  GtkWidget *child;

  if (self->copies != NULL)
    delete_copies (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), QA_TYPE_MATERIAL_READER);
  /* gtk_widget_dispose_template() only unparents the children it binds. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->session);
  g_clear_object (&self->materials);
  g_clear_pointer (&self->applicant_id, g_free);
  g_clear_pointer (&self->last_material, g_hash_table_unref);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->copies, g_hash_table_unref);

  G_OBJECT_CLASS (qa_material_reader_parent_class)->dispose (object);
}

static void
qa_material_reader_class_init (QaMaterialReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qa_material_reader_dispose;

  g_type_ensure (QA_TYPE_PDF_VIEW);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/qa-material-reader.ui");
  gtk_widget_class_bind_template_child (widget_class, QaMaterialReader, error_page);
  gtk_widget_class_bind_template_child (widget_class, QaMaterialReader, material_bar);
  gtk_widget_class_bind_template_child (widget_class, QaMaterialReader, material_drop_down);
  gtk_widget_class_bind_template_child (widget_class, QaMaterialReader, material_names);
  gtk_widget_class_bind_template_child (widget_class, QaMaterialReader, other_page);
  gtk_widget_class_bind_template_child (widget_class, QaMaterialReader, pdf_view);
  gtk_widget_class_bind_template_child (widget_class, QaMaterialReader, stack);
  gtk_widget_class_bind_template_callback (widget_class, open_externally_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, selected_material_changed_cb);

  gtk_widget_class_set_css_name (widget_class, "material-reader");
}

static void
qa_material_reader_init (QaMaterialReader *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->last_material = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->pages = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->copies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

GtkWidget *
qa_material_reader_new (void)
{
  return g_object_new (QA_TYPE_MATERIAL_READER, NULL);
}

void
qa_material_reader_set_applicant (QaMaterialReader *self,
                                  QaSession        *session,
                                  const char       *applicant_id)
{
  g_return_if_fail (QA_IS_MATERIAL_READER (self));
  g_return_if_fail (!session || QA_IS_SESSION (session));

  if (self->session == session && g_strcmp0 (self->applicant_id, applicant_id) == 0)
    return;

  /* What was read in one session means nothing in another. */
  if (self->session != session)
    {
      g_hash_table_remove_all (self->last_material);
      g_hash_table_remove_all (self->pages);
      delete_copies (self);
      g_set_object (&self->session, session);
    }

  g_free (self->applicant_id);
  self->applicant_id = g_strdup (applicant_id);

  load_materials (self);
}

GListModel *
qa_material_reader_get_materials (QaMaterialReader *self)
{
  g_return_val_if_fail (QA_IS_MATERIAL_READER (self), NULL);

  return self->materials;
}

QaMaterial *
qa_material_reader_get_material (QaMaterialReader *self)
{
  guint position;

  g_return_val_if_fail (QA_IS_MATERIAL_READER (self), NULL);

  position = gtk_drop_down_get_selected (self->material_drop_down);
  if (self->materials == NULL || position == GTK_INVALID_LIST_POSITION)
    return NULL;

  return g_list_model_get_item (self->materials, position);
}

QaPdfView *
qa_material_reader_get_pdf_view (QaMaterialReader *self)
{
  g_return_val_if_fail (QA_IS_MATERIAL_READER (self), NULL);

  return self->pdf_view;
}
