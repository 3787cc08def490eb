/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The floor of the GUI start-up: a bare AdwApplicationWindow with a header bar, started and
 * measured the way build-aux/bench.sh measures qareview (QAREVIEW_BENCH_FIRST_FRAME). */

#include "config.h"

#include <adwaita.h>

#include "qa-first-frame.h"

static void
activate_cb (GApplication *app,
             gpointer      user_data)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(AdwApplication) app = adw_application_new ("cn.gov.ganzhou.QaReview.BenchBare",
                                                       G_APPLICATION_NON_UNIQUE);

  qa_first_frame_watch (GTK_APPLICATION (app));
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
