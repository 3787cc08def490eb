/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Scrolling the dossier list of a large session: opens SESSION in a real window, scrolls the
 * applicant list from top to bottom a step per frame, and prints how long each frame's work
 * took (from the frame clock's update phase to the end of its paint): min, p50, p99, max and
 * how many frames took longer than 16.7 ms. Each frame scrolls STEP pixels (default 120, a fast
 * wheel or a flick). Usage: bench-scroll SESSION [FRAMES [STEP]] */

#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <stdlib.h>

#include "qa-window.h"

typedef struct
{
  GtkAdjustment *adjustment;
  GArray        *frames;   /* ms per frame */
  gint64         started;
  guint          wanted;
  double         step;
  gboolean       done;
} Scroll;

static GtkWidget *
find_scrolled_list (GtkWidget *widget)
{
  if (GTK_IS_COLUMN_VIEW (widget) && GTK_IS_SCROLLED_WINDOW (gtk_widget_get_parent (widget)))
    return gtk_widget_get_parent (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_scrolled_list (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
update_cb (GdkFrameClock *clock,
           Scroll        *scroll)
{
  scroll->started = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                Scroll        *scroll)
{
  double ms;

  if (scroll->started == 0 || scroll->done)
    return;
  ms = (g_get_monotonic_time () - scroll->started) / 1000.0;
  g_array_append_val (scroll->frames, ms);
  scroll->started = 0;
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  Scroll *scroll = user_data;
  double value = gtk_adjustment_get_value (scroll->adjustment);
  double end = gtk_adjustment_get_upper (scroll->adjustment) - gtk_adjustment_get_page_size (scroll->adjustment);

  if (scroll->frames->len >= scroll->wanted || value >= end)
    {
      scroll->done = TRUE;
      return G_SOURCE_REMOVE;
    }
  gtk_adjustment_set_value (scroll->adjustment, MIN (value + scroll->step, end));
  return G_SOURCE_CONTINUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GError) error = NULL;
  Scroll scroll = { NULL, g_array_new (FALSE, FALSE, sizeof (double)), 0, 300, 120, FALSE };
  GtkWidget *scrolled;
  QaWindow *window;
  guint slow = 0;
  double *ms;

  if (argc < 2)
    {
      fprintf (stderr, "usage: bench-scroll SESSION [FRAMES [STEP]]\n");
      return 2;
    }
  if (argc > 2)
    scroll.wanted = (guint)atoi (argv[2]);
  if (argc > 3)
    scroll.step = g_ascii_strtod (argv[3], NULL);

  gtk_init ();
  adw_init ();
  session = qa_session_open (argv[1], &error);
  if (session == NULL)
    {
      fprintf (stderr, "bench-scroll: %s\n", error->message);
      return 1;
    }
  window = qa_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 760);
  qa_window_set_session (window, session);
  gtk_window_present (GTK_WINDOW (window));

  /* Settled first: the start-up is measured elsewhere. */
  for (gint64 until = g_get_monotonic_time () + 2 * G_USEC_PER_SEC; g_get_monotonic_time () < until;)
    g_main_context_iteration (NULL, FALSE);

  scrolled = find_scrolled_list (GTK_WIDGET (qa_window_get_dossiers_view (window)));
  if (scrolled == NULL)
    {
      fprintf (stderr, "bench-scroll: no scrolled list in the dossier view\n");
      return 1;
    }
  scroll.adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "update",
                    G_CALLBACK (update_cb), &scroll);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (after_paint_cb), &scroll);
  gtk_widget_add_tick_callback (scrolled, tick_cb, &scroll, NULL);
  while (!scroll.done)
    g_main_context_iteration (NULL, TRUE);

  if (scroll.frames->len == 0)
    {
      fprintf (stderr, "bench-scroll: no frame was drawn\n");
      return 1;
    }
  ms = (double *)(void *)scroll.frames->data;
  qsort (ms, scroll.frames->len, sizeof *ms, compare_doubles);
  for (guint i = 0; i < scroll.frames->len; i++)
    slow += ms[i] > 1000.0 / 60;
  printf ("frames %u min %.2f p50 %.2f p99 %.2f max %.2f over-16.7ms %u\n", scroll.frames->len,
          ms[0], ms[scroll.frames->len / 2], ms[(scroll.frames->len * 99) / 100],
          ms[scroll.frames->len - 1], slow);
  gtk_window_destroy (GTK_WINDOW (window));
  g_array_unref (scroll.frames);
  return 0;
}
