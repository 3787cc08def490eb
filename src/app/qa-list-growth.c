/* qa-list-growth.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "qa-list-growth.h"
#include "qa-pending.h"

/* Rows a frame: a screenful of the smallest rows (a line of text and its padding, ~30 px) on
 * the monitor the view is on. The first frame is laid out with a few rows and, once the view's
 * height is known, again in the same frame with as many as it shows (GDK repeats the layout
 * before painting): a list a few rows high does not lay out a screenful, and a tall one is
 * still full from its first frame. */
#define ROW_HEIGHT_MIN 30
#define ROWS_FALLBACK 40
#define ROWS_FIRST_GUESS 8
/* How many rows GTK 4.8's list views build at most (GTK_LIST_VIEW_MAX_LIST_ITEMS): past them
 * rows cost no widgets, so the rest of a long list comes at once, scroll bar and all. */
#define ROWS_BUILT_MAX 200

typedef struct
{
  GtkWidget         *view;  /* owns this */
  GtkSliceListModel *slice; /* weak */
  guint              step;
  guint              tick_id;
  GdkFrameClock     *clock;     /* weak; while the first layout is awaited */
  gulong             layout_id;
  gulong             map_id;
  gulong             unmap_id;
  gboolean           first_tick_done;
} Growth;

static guint
rows_per_screen (GtkWidget *view)
{
  GdkDisplay *display = gtk_widget_get_display (view);
  GtkNative *native = gtk_widget_get_native (view);
  GdkSurface *surface = native != NULL ? gtk_native_get_surface (native) : NULL;
  GdkMonitor *monitor = surface != NULL ? gdk_display_get_monitor_at_surface (display, surface) : NULL;
  g_autoptr(GdkMonitor) first = NULL;
  GdkRectangle geometry;

  if (monitor == NULL)
    {
      GListModel *monitors = gdk_display_get_monitors (display);

      if (g_list_model_get_n_items (monitors) == 0)
        return ROWS_FALLBACK;
      monitor = first = g_list_model_get_item (monitors, 0);
    }
  gdk_monitor_get_geometry (monitor, &geometry);

  return MAX (geometry.height / ROW_HEIGHT_MIN, 1);
}

static void
tick_removed (gpointer data)
{
  _qa_pending_release ();
}

static void
stop_awaiting_layout (Growth *growth)
{
  if (growth->clock != NULL)
    g_clear_signal_handler (&growth->layout_id, growth->clock);
  growth->layout_id = 0; /* the clock gone, its handler went with it */
  g_clear_weak_pointer (&growth->clock);
}

/* After the first layout of the view: as many rows as its height shows, laid out again before
 * the frame is painted. */
static void
first_layout_cb (GdkFrameClock *clock,
                 Growth        *growth)
{
  int height = gtk_widget_get_height (growth->view);
  guint wanted = height / ROW_HEIGHT_MIN + 1;

  if (height <= 0)
    return; /* not laid out in this frame: the next */
  stop_awaiting_layout (growth);
  if (growth->slice != NULL && gtk_slice_list_model_get_size (growth->slice) < wanted)
    gtk_slice_list_model_set_size (growth->slice, wanted);
}

/* Everything shown at once, from now on (rows added later pass straight through). */
static void
growth_finish (Growth *growth)
{
  stop_awaiting_layout (growth);
  if (growth->tick_id != 0)
    {
      guint id = growth->tick_id;

      growth->tick_id = 0;
      gtk_widget_remove_tick_callback (growth->view, id);
    }
  g_clear_signal_handler (&growth->map_id, growth->view);
  g_clear_signal_handler (&growth->unmap_id, growth->view);
  if (growth->slice != NULL)
    gtk_slice_list_model_set_size (growth->slice, G_MAXUINT);
}

static gboolean
grow_cb (GtkWidget     *view,
         GdkFrameClock *clock,
         gpointer       data)
{
  Growth *growth = data;
  GListModel *model = growth->slice != NULL ? gtk_slice_list_model_get_model (growth->slice) : NULL;
  guint size;

  /* The first tick comes before the first frame is laid out: that frame has a screenful. */
  if (!growth->first_tick_done)
    {
      growth->first_tick_done = TRUE;
      return G_SOURCE_CONTINUE;
    }

  size = growth->slice != NULL ? gtk_slice_list_model_get_size (growth->slice) : 0;
  if (model == NULL || size >= g_list_model_get_n_items (model) || size >= ROWS_BUILT_MAX)
    {
      growth->tick_id = 0;
      growth_finish (growth);
      return G_SOURCE_REMOVE;
    }
  gtk_slice_list_model_set_size (growth->slice, size + growth->step);
  return G_SOURCE_CONTINUE;
}

static void
view_mapped_cb (GtkWidget *view,
                Growth    *growth)
{
  g_clear_signal_handler (&growth->map_id, view);
  if (growth->tick_id != 0)
    return;
  growth->step = rows_per_screen (view);
  growth->first_tick_done = FALSE;
  g_set_weak_pointer (&growth->clock, gtk_widget_get_frame_clock (view));
  if (growth->clock != NULL)
    growth->layout_id = g_signal_connect_after (growth->clock, "layout", G_CALLBACK (first_layout_cb), growth);
  _qa_pending_hold ();
  growth->tick_id = gtk_widget_add_tick_callback (view, grow_cb, growth, tick_removed);
}

/* A list put away half grown is whole when it is shown again. */
static void
view_unmapped_cb (GtkWidget *view,
                  Growth    *growth)
{
  growth_finish (growth);
}

static void
growth_free (gpointer data)
{
  Growth *growth = data;

  stop_awaiting_layout (growth);
  g_clear_weak_pointer (&growth->slice);
  g_free (growth);
}

void
_qa_list_growth_start (GtkWidget         *view,
                       GtkSliceListModel *slice)
{
  Growth *growth;

  g_return_if_fail (GTK_IS_WIDGET (view));
  g_return_if_fail (GTK_IS_SLICE_LIST_MODEL (slice));
  g_return_if_fail (gtk_slice_list_model_get_offset (slice) == 0);

  growth = g_object_get_data (G_OBJECT (view), "qa-list-growth");
  if (growth == NULL)
    {
      growth = g_new0 (Growth, 1);
      growth->view = view;
      g_object_set_data_full (G_OBJECT (view), "qa-list-growth", growth, growth_free);
    }
  growth_finish (growth);
  g_set_weak_pointer (&growth->slice, slice);

  gtk_slice_list_model_set_size (slice, MIN (rows_per_screen (view), ROWS_FIRST_GUESS));
  growth->unmap_id = g_signal_connect (view, "unmap", G_CALLBACK (view_unmapped_cb), growth);
  if (gtk_widget_get_mapped (view))
    view_mapped_cb (view, growth);
  else
    growth->map_id = g_signal_connect (view, "map", G_CALLBACK (view_mapped_cb), growth);
}

void
_qa_list_growth_finish (GtkWidget *view)
{
  Growth *growth;

  g_return_if_fail (GTK_IS_WIDGET (view));

  growth = g_object_get_data (G_OBJECT (view), "qa-list-growth");
  if (growth != NULL)
    growth_finish (growth);
}
