/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Scrolling the dossier list of a large session: opens SESSION in a real window, scrolls the
 * applicant list from top to bottom a step per frame, and prints how long each frame's work
 * took (from the frame clock's update phase to the end of its paint): min, p50, p99, max and
 * how many frames took longer than 16.7 ms. Each frame scrolls STEP pixels (default 120, a fast
 * wheel or a flick). With --bare instead of SESSION it scrolls its floor: a window holding
 * nothing but a plain GtkColumnView of as many rows, six columns of labels with texts like the
 * dossier list's, made the same way (a signal factory per column).
 * With BENCH_SCROLL_TRACE set it also prints, on standard error, where the list ended and each
 * frame's time in the order drawn.
 * Usage: bench-scroll SESSION|--bare [FRAMES [STEP]] */

#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <stdlib.h>

#include "qa-pending.h"
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

#define BARE_ROWS 10000

/* The floor's cells: a label each, with a reference, a name, a credit code, a district, a
 * status and an eligibility for row @position. */
static void
bare_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bare_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  data)
{
  guint column = GPOINTER_TO_UINT (data), row = gtk_list_item_get_position (item) + 1;
  static const char *const status[] = { "已受理", "资料评审", "现场评审" };
  g_autofree char *text = NULL;

  switch (column)
    {
    case 0: text = g_strdup_printf ("B%06u", row); break;
    case 1: text = g_strdup_printf ("张掖市甘州区测试企业%u有限公司", row); break;
    case 2: text = g_strdup_printf ("91620702MA%07uX", row); break;
    case 3: text = g_strdup ("甘州区"); break;
    case 4: text = g_strdup (status[row % 3]); break;
    default: text = g_strdup (row % 7 ? "符合" : "未审查"); break;
    }
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static GtkWidget *
bare_window_new (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkStringList *rows = gtk_string_list_new (NULL);
  GtkWidget *view;

  for (guint i = 0; i < BARE_ROWS; i++)
    gtk_string_list_take (rows, g_strdup_printf ("%u", i));
  view = gtk_column_view_new (GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (rows))));
  for (guint c = 0; c < 6; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (bare_setup_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bare_bind_cb), GUINT_TO_POINTER (c));
      column = gtk_column_view_column_new ("列", factory);
      gtk_column_view_column_set_expand (column, c == 1);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (view), column);
      g_object_unref (column);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  return window;
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
  gboolean bare;
  Scroll scroll = { NULL, g_array_new (FALSE, FALSE, sizeof (double)), 0, 300, 120, FALSE };
  GtkWidget *scrolled;
  GtkWidget *window;
  guint slow = 0;
  double *ms;

  if (argc < 2)
    {
      fprintf (stderr, "usage: bench-scroll SESSION|--bare [FRAMES [STEP]]\n");
      return 2;
    }
  if (argc > 2)
    scroll.wanted = (guint)atoi (argv[2]);
  if (argc > 3)
    scroll.step = g_ascii_strtod (argv[3], NULL);

  gtk_init ();
  adw_init ();
  bare = g_str_equal (argv[1], "--bare");
  if (bare)
    window = bare_window_new ();
  else
    {
      session = qa_session_open (argv[1], &error);
      if (session == NULL)
        {
          fprintf (stderr, "bench-scroll: %s\n", error->message);
          return 1;
        }
      window = GTK_WIDGET (qa_window_new (NULL));
      qa_window_set_session (QA_WINDOW (window), session);
    }
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 760);
  gtk_window_present (GTK_WINDOW (window));

  /* Settled first, the list whole and the readings in (the start-up is measured elsewhere):
   * two seconds at least, and longer under valgrind, where the start-up takes longer. */
  for (gint64 until = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
       g_get_monotonic_time () < until || _qa_pending_any ();)
    g_main_context_iteration (NULL, FALSE);

  scrolled = find_scrolled_list (bare ? window : GTK_WIDGET (qa_window_get_dossiers_view (QA_WINDOW (window))));
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
  if (g_getenv ("BENCH_SCROLL_TRACE") != NULL)
    {
      fprintf (stderr, "value %.0f upper %.0f page %.0f\n", gtk_adjustment_get_value (scroll.adjustment),
               gtk_adjustment_get_upper (scroll.adjustment), gtk_adjustment_get_page_size (scroll.adjustment));
      for (guint i = 0; i < scroll.frames->len; i++)
        fprintf (stderr, "%.1f%c", ms[i], i % 20 == 19 || i + 1 == scroll.frames->len ? '\n' : ' ');
    }
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
