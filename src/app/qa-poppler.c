/* qa-poppler.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-poppler"

#include "config.h"

#include <glib/gi18n.h>
#include <gmodule.h>

#include "qa-poppler.h"

/* QA_POPPLER_SONAME comes from src/app/meson.build: the SONAME of the poppler-glib the program
 * was compiled against. QAREVIEW_POPPLER_LIBRARY, when set, names another library to open
 * instead (a path or a name); the tests set it to a missing one to see the reader fail well. */
#ifndef QA_POPPLER_SONAME
# error "QA_POPPLER_SONAME is not defined"
#endif

static QaPoppler  poppler;
static char      *failure;

static gboolean
load (void)
{
  const char *name = g_getenv ("QAREVIEW_POPPLER_LIBRARY");
  GModule *module;
  static const struct
  {
    const char *symbol;
    gsize       offset;
  } functions[] = {
    { "poppler_document_new_from_gfile", G_STRUCT_OFFSET (QaPoppler, document_new_from_gfile) },
    { "poppler_document_get_n_pages", G_STRUCT_OFFSET (QaPoppler, document_get_n_pages) },
    { "poppler_document_get_page", G_STRUCT_OFFSET (QaPoppler, document_get_page) },
    { "poppler_page_get_size", G_STRUCT_OFFSET (QaPoppler, page_get_size) },
    { "poppler_page_render", G_STRUCT_OFFSET (QaPoppler, page_render) },
    { "poppler_page_render_for_printing", G_STRUCT_OFFSET (QaPoppler, page_render_for_printing) },
  };

  if (name == NULL || *name == '\0')
    name = QA_POPPLER_SONAME;

  module = g_module_open (name, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (module == NULL)
    {
      failure = g_strdup (g_module_error ());
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (functions); i++)
    {
      gpointer symbol = NULL;

      if (!g_module_symbol (module, functions[i].symbol, &symbol) || symbol == NULL)
        {
          failure = g_strdup (g_module_error ());
          g_module_close (module);
          return FALSE;
        }
      *(gpointer *)G_STRUCT_MEMBER_P (&poppler, functions[i].offset) = symbol;
    }

  /* Its types are registered with GObject once used: it must never be unloaded. */
  g_module_make_resident (module);
  return TRUE;
}

const QaPoppler *
_qa_poppler_get (GError **error)
{
  static gsize loaded = 0;

  if (g_once_init_enter (&loaded))
    g_once_init_leave (&loaded, load () ? 1 : 2);

  if (loaded == 1)
    return &poppler;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               /* Translators: %s is the system's reason, e.g. “libpoppler-glib.so.8: cannot
                * open shared object file: No such file or directory” */
               _("The PDF reader is not available: %s"), failure);
  return NULL;
}
