/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdio.h>
#include <sys/resource.h>
#include <string.h>

#include "qa-first-frame.h"

/* How long after the first frame the resident memory is read: start-up work done in idles and
 * the first page's lazy content count, as a user would see it. */
#define SETTLE_SECONDS 3

static gboolean
report_memory (gpointer user_data)
{
  GApplication *app = user_data;
  g_autofree char *status = NULL;
  const char *line;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL) &&
      (line = strstr (status, "VmRSS:")) != NULL)
    printf ("rss-kib %ld\n", strtol (line + strlen ("VmRSS:"), NULL, 10));
  fflush (stdout);
  g_application_quit (app);
  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  struct rusage usage;

  /* The CPU time is steadier than the wall clock on a busy machine. */
  getrusage (RUSAGE_SELF, &usage);
  printf ("first-frame %" G_GINT64_FORMAT "\n", g_get_real_time ());
  printf ("cpu-us %" G_GINT64_FORMAT "\n",
          (gint64)(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * G_USEC_PER_SEC +
          usage.ru_utime.tv_usec + usage.ru_stime.tv_usec);
  fflush (stdout);
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, user_data);
  g_timeout_add_seconds (SETTLE_SECONDS, report_memory, user_data);
}

static void
realize_cb (GtkWidget *window,
            gpointer   user_data)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), user_data);
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window,
                 gpointer        user_data)
{
  g_signal_handlers_disconnect_by_func (app, window_added_cb, user_data);
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), app);
}

void
qa_first_frame_watch (GtkApplication *app)
{
  if (g_getenv ("QAREVIEW_BENCH_FIRST_FRAME") != NULL)
    g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);
}
