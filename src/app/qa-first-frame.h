/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* For build-aux/bench.sh: with QAREVIEW_BENCH_FIRST_FRAME set, prints the wall-clock time of the
 * first frame the first window paints ("first-frame <µs since the epoch>") and the CPU time used
 * until then ("cpu-us <µs>"), then, 3 s later, the resident memory ("rss-kib <KiB>"), and quits. Does nothing otherwise. */
void qa_first_frame_watch (GtkApplication *app);

G_END_DECLS
