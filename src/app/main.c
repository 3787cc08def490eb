/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qareview"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "qa-application.h"
#include "qa-first-frame.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(QaApplication) app = NULL;
  const char *localedir;

  /* Uninstalled runs (tests, the run script) point this at <builddir>/po. */
  localedir = g_getenv ("QAREVIEW_LOCALEDIR");
  if (localedir == NULL || localedir[0] == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = qa_application_new ();
  qa_first_frame_watch (GTK_APPLICATION (app));

  return g_application_run (G_APPLICATION (app), argc, argv);
}
