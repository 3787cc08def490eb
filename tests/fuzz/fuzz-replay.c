/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Replays every file of the corpus folders given on the command line through the fuzz target:
 * the inputs the fuzzers found interesting, kept as regression tests. Prints TAP. */

#include "config.h"

#include <stdio.h>

#include "fuzz-common.h"

int
main (int    argc,
      char **argv)
{
  guint n = 0;

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GDir) dir = g_dir_open (argv[i], 0, NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      if (dir == NULL)
        {
          printf ("not ok %u - cannot read the corpus %s\n", ++n, argv[i]);
          continue;
        }
      while ((name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (names, g_strdup (name));
      g_ptr_array_sort (names, (GCompareFunc)g_strcmp0);

      for (guint j = 0; j < names->len; j++)
        {
          g_autofree char *path = g_build_filename (argv[i], g_ptr_array_index (names, j), NULL);
          g_autofree char *contents = NULL;
          gsize length = 0;

          if (!g_file_get_contents (path, &contents, &length, NULL))
            {
              printf ("not ok %u - cannot read %s\n", ++n, path);
              continue;
            }
          /* A crash or a sanitizer report ends the program, failing the test. */
          LLVMFuzzerTestOneInput ((const uint8_t *)contents, length);
          printf ("ok %u - %s\n", ++n, path);
        }
    }

  printf ("1..%u\n", n);
  return 0;
}
