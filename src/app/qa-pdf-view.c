/* qa-pdf-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-pdf-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "qa-pdf-view.h"
#include "qa-poppler.h"
#include "qa-ui-private.h"

/* A point is 1/72 inch; the screen has 96 pixels to its inch, so 100% is the printed size. */
#define PIXELS_PER_POINT (96.0 / 72.0)
/* The grey around the page, on each side. */
#define PAGE_MARGIN 12

static const double zoom_steps[] = {
  0.25, 0.5, 0.67, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 3.0, 4.0
};

/* poppler-glib defines no cleanup functions of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

#define MIN_ZOOM (zoom_steps[0])
#define MAX_ZOOM (zoom_steps[G_N_ELEMENTS (zoom_steps) - 1])

struct _QaPdfView
{
  GtkWidget          parent_instance;

  /* Owned */
  PopplerDocument   *document;
  guint              render_source;

  guint              page;
  double             zoom;
  gboolean           fit_width;

  /* Template widgets */
  AdwStatusPage     *error_page;
  GtkLabel          *page_label;
  GtkPicture        *picture;
  GtkScrolledWindow *scroller;
  GtkStack          *stack;
  GtkButton         *zoom_button;
};

G_DEFINE_FINAL_TYPE (QaPdfView, qa_pdf_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_N_PAGES,
  PROP_PAGE,
  PROP_ZOOM,
  PROP_FIT_WIDTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
n_pages (QaPdfView *self)
{
  /* A document was opened, so poppler is loaded. */
  return self->document != NULL ? (guint)_qa_poppler_get (NULL)->document_get_n_pages (self->document) : 0;
}

/* The zoom that makes the page as wide as the view. */
static double
fit_width_zoom (QaPdfView *self,
                double     page_width)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->scroller)) - 2 * PAGE_MARGIN;

  if (width <= 0 || page_width <= 0)
    return self->zoom;

  return CLAMP (width / (page_width * PIXELS_PER_POINT), MIN_ZOOM, MAX_ZOOM);
}

static void
update_controls (QaPdfView *self)
{
  guint total = n_pages (self);
  g_autofree char *page_text = NULL;
  g_autofree char *zoom_text = NULL;

  if (total > 0)
    /* Translators: the page shown and the number of pages, e.g. “Page 12 / 86” */
    page_text = g_strdup_printf (_("Page %u / %u"), self->page + 1, total);
  gtk_label_set_label (self->page_label, page_text != NULL ? page_text : "");

  zoom_text = g_strdup_printf ("%.0f%%", self->zoom * 100);
  gtk_button_set_label (self->zoom_button, zoom_text);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.previous-page", self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.next-page", self->page + 1 < total);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.first-page", self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.last-page", self->page + 1 < total);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.zoom-in",
                                 total > 0 && self->zoom < MAX_ZOOM - 0.001);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.zoom-out",
                                 total > 0 && self->zoom > MIN_ZOOM + 0.001);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.zoom-reset", total > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.fit-width", total > 0);
}

static void
set_zoom_internal (QaPdfView *self,
                   double     zoom)
{
  zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
  if (fabs (self->zoom - zoom) < 0.0005)
    return;

  self->zoom = zoom;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/* Renders the current page, white like paper, at the current zoom and the screen's scale. */
static void
render_page (QaPdfView *self)
{
  const QaPoppler *poppler = self->document != NULL ? _qa_poppler_get (NULL) : NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GBytes) bytes = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double page_width, page_height;
  double pixels;
  int scale_factor;
  int width, height;

  if (self->document == NULL || (page = poppler->document_get_page (self->document, self->page)) == NULL)
    {
      gtk_picture_set_paintable (self->picture, NULL);
      return;
    }

  poppler->page_get_size (page, &page_width, &page_height);
  if (self->fit_width)
    set_zoom_internal (self, fit_width_zoom (self, page_width));

  scale_factor = MAX (1, gtk_widget_get_scale_factor (GTK_WIDGET (self)));
  pixels = self->zoom * PIXELS_PER_POINT;
  width = MAX (1, (int)ceil (page_width * pixels));
  height = MAX (1, (int)ceil (page_height * pixels));

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale_factor,
                                        height * scale_factor);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, pixels * scale_factor, pixels * scale_factor);
  poppler->page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize)cairo_image_surface_get_stride (surface) *
                                        (gsize)cairo_image_surface_get_height (surface),
                                      (GDestroyNotify)cairo_surface_destroy,
                                      surface);
  texture = gdk_memory_texture_new (cairo_image_surface_get_width (surface),
                                    cairo_image_surface_get_height (surface),
                                    GDK_MEMORY_DEFAULT,
                                    bytes,
                                    (gsize)cairo_image_surface_get_stride (surface));

  /* The texture holds scale_factor pixels per logical pixel; the picture shows it at its
   * logical size. */
  gtk_widget_set_size_request (GTK_WIDGET (self->picture), width, height);
  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
}

static gboolean
render_idle_cb (gpointer user_data)
{
  QaPdfView *self = user_data;

  self->render_source = 0;
  render_page (self);
  update_controls (self);

  return G_SOURCE_REMOVE;
}

static void
queue_render (QaPdfView *self)
{
  if (self->render_source == 0)
    self->render_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, render_idle_cb, self, NULL);
}

static void
scroll_to_top (QaPdfView *self)
{
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  gtk_adjustment_set_value (gtk_scrolled_window_get_hadjustment (self->scroller), 0);
}

static void
zoom_by_step (QaPdfView *self,
              int        direction)
{
  double zoom = self->zoom;

  if (direction > 0)
    {
      for (guint i = 0; i < G_N_ELEMENTS (zoom_steps); i++)
        if (zoom_steps[i] > self->zoom + 0.001)
          {
            zoom = zoom_steps[i];
            break;
          }
    }
  else
    {
      for (guint i = G_N_ELEMENTS (zoom_steps); i > 0; i--)
        if (zoom_steps[i - 1] < self->zoom - 0.001)
          {
            zoom = zoom_steps[i - 1];
            break;
          }
    }

  qa_pdf_view_set_zoom (self, zoom);
}

static void
page_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  QaPdfView *self = QA_PDF_VIEW (widget);
  guint total = n_pages (self);

  if (total == 0)
    return;

  if (g_str_equal (action_name, "pdf.previous-page") && self->page > 0)
    qa_pdf_view_set_page (self, self->page - 1);
  else if (g_str_equal (action_name, "pdf.next-page"))
    qa_pdf_view_set_page (self, self->page + 1);
  else if (g_str_equal (action_name, "pdf.first-page"))
    qa_pdf_view_set_page (self, 0);
  else if (g_str_equal (action_name, "pdf.last-page"))
    qa_pdf_view_set_page (self, total - 1);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  QaPdfView *self = QA_PDF_VIEW (widget);

  if (g_str_equal (action_name, "pdf.zoom-in"))
    zoom_by_step (self, 1);
  else if (g_str_equal (action_name, "pdf.zoom-out"))
    zoom_by_step (self, -1);
  else
    qa_pdf_view_set_zoom (self, 1.0);
}

static gboolean
scroll_cb (QaPdfView                *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state;

  g_assert (QA_IS_PDF_VIEW (self));

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  if ((state & GDK_CONTROL_MASK) == 0 || dy == 0)
    return FALSE;

  zoom_by_step (self, dy < 0 ? 1 : -1);
  return TRUE;
}

static void
viewport_width_changed_cb (QaPdfView     *self,
                           GParamSpec    *pspec,
                           GtkAdjustment *adjustment)
{
  g_assert (QA_IS_PDF_VIEW (self));

  if (self->fit_width)
    queue_render (self);
}

static void
scale_factor_changed_cb (QaPdfView  *self,
                         GParamSpec *pspec,
                         gpointer    user_data)
{
  queue_render (self);
}

static void
qa_pdf_view_dispose (GObject *object)
{
  QaPdfView *self = (QaPdfView *)object;

  g_clear_handle_id (&self->render_source, g_source_remove);
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), QA_TYPE_PDF_VIEW);
  _qa_ui_dispose_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (qa_pdf_view_parent_class)->dispose (object);
}

static void
qa_pdf_view_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  QaPdfView *self = QA_PDF_VIEW (object);

  switch (prop_id)
    {
    case PROP_N_PAGES:
      g_value_set_uint (value, n_pages (self));
      break;

    case PROP_PAGE:
      g_value_set_uint (value, self->page);
      break;

    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    case PROP_FIT_WIDTH:
      g_value_set_boolean (value, self->fit_width);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_pdf_view_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  QaPdfView *self = QA_PDF_VIEW (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      qa_pdf_view_set_page (self, g_value_get_uint (value));
      break;

    case PROP_ZOOM:
      qa_pdf_view_set_zoom (self, g_value_get_double (value));
      break;

    case PROP_FIT_WIDTH:
      qa_pdf_view_set_fit_width (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_pdf_view_class_init (QaPdfViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qa_pdf_view_dispose;
  object_class->get_property = qa_pdf_view_get_property;
  object_class->set_property = qa_pdf_view_set_property;

  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_PAGE] =
    g_param_spec_uint ("page", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, MIN_ZOOM, MAX_ZOOM, 1.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FIT_WIDTH] =
    g_param_spec_boolean ("fit-width", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/qa-pdf-view.ui");
  gtk_widget_class_bind_template_child (widget_class, QaPdfView, error_page);
  gtk_widget_class_bind_template_child (widget_class, QaPdfView, page_label);
  gtk_widget_class_bind_template_child (widget_class, QaPdfView, picture);
  gtk_widget_class_bind_template_child (widget_class, QaPdfView, scroller);
  gtk_widget_class_bind_template_child (widget_class, QaPdfView, stack);
  gtk_widget_class_bind_template_child (widget_class, QaPdfView, zoom_button);
  gtk_widget_class_bind_template_callback (widget_class, scroll_cb);

  gtk_widget_class_install_action (widget_class, "pdf.previous-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "pdf.next-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "pdf.first-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "pdf.last-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "pdf.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "pdf.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "pdf.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_property_action (widget_class, "pdf.fit-width", "fit-width");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "pdf.previous-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "pdf.next-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, 0, "pdf.previous-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, 0, "pdf.next-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_CONTROL_MASK,
                                       "pdf.first-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, GDK_CONTROL_MASK,
                                       "pdf.last-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "pdf.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "pdf.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "pdf.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK,
                                       "pdf.zoom-reset", NULL);

  gtk_widget_class_set_css_name (widget_class, "pdf-view");
}

static void
qa_pdf_view_init (QaPdfView *self)
{
  self->zoom = 1.0;
  self->fit_width = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->scroller),
                           "notify::page-size",
                           G_CALLBACK (viewport_width_changed_cb),
                           self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (scale_factor_changed_cb), NULL);

  update_controls (self);
}

GtkWidget *
qa_pdf_view_new (void)
{
  return g_object_new (QA_TYPE_PDF_VIEW, NULL);
}

gboolean
qa_pdf_view_load_file (QaPdfView  *self,
                       GFile      *file,
                       GError    **error)
{
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(GError) local_error = NULL;
  const QaPoppler *poppler;

  g_return_val_if_fail (QA_IS_PDF_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  qa_pdf_view_clear (self);

  /* Without poppler the view says so where the page would be. */
  if ((poppler = _qa_poppler_get (&local_error)) != NULL)
    document = poppler->document_new_from_gfile (file, NULL, NULL, &local_error);
  if (document == NULL || poppler->document_get_n_pages (document) == 0)
    {
      if (local_error == NULL)
        g_set_error_literal (&local_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                             _("The document has no pages."));
      adw_status_page_set_description (self->error_page, local_error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  self->document = g_steal_pointer (&document);
  self->page = 0;
  gtk_stack_set_visible_child_name (self->stack, "document");
  render_page (self);
  update_controls (self);
  scroll_to_top (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);

  return TRUE;
}

void
qa_pdf_view_clear (QaPdfView *self)
{
  g_return_if_fail (QA_IS_PDF_VIEW (self));

  g_clear_handle_id (&self->render_source, g_source_remove);
  if (self->document == NULL)
    return;

  g_clear_object (&self->document);
  self->page = 0;
  gtk_picture_set_paintable (self->picture, NULL);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  update_controls (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

guint
qa_pdf_view_get_n_pages (QaPdfView *self)
{
  g_return_val_if_fail (QA_IS_PDF_VIEW (self), 0);

  return n_pages (self);
}

guint
qa_pdf_view_get_page (QaPdfView *self)
{
  g_return_val_if_fail (QA_IS_PDF_VIEW (self), 0);

  return self->page;
}

void
qa_pdf_view_set_page (QaPdfView *self,
                      guint      page)
{
  g_return_if_fail (QA_IS_PDF_VIEW (self));

  if (n_pages (self) == 0)
    return;

  page = MIN (page, n_pages (self) - 1);
  if (page == self->page)
    return;

  self->page = page;
  render_page (self);
  update_controls (self);
  scroll_to_top (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

double
qa_pdf_view_get_zoom (QaPdfView *self)
{
  g_return_val_if_fail (QA_IS_PDF_VIEW (self), 1.0);

  return self->zoom;
}

void
qa_pdf_view_set_zoom (QaPdfView *self,
                      double     zoom)
{
  g_return_if_fail (QA_IS_PDF_VIEW (self));

  /* Choosing a zoom leaves the width. */
  qa_pdf_view_set_fit_width (self, FALSE);
  set_zoom_internal (self, zoom);
  queue_render (self);
  update_controls (self);
}

gboolean
qa_pdf_view_get_fit_width (QaPdfView *self)
{
  g_return_val_if_fail (QA_IS_PDF_VIEW (self), FALSE);

  return self->fit_width;
}

void
qa_pdf_view_set_fit_width (QaPdfView *self,
                           gboolean   fit_width)
{
  g_return_if_fail (QA_IS_PDF_VIEW (self));

  fit_width = !!fit_width;
  if (self->fit_width == fit_width)
    return;

  self->fit_width = fit_width;
  if (fit_width)
    queue_render (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIT_WIDTH]);
}
