/* qa-settings-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The program's settings, or NULL when the schema is not installed (an uninstalled run without
 * a compiled schema): the program then works without remembering anything. */
GSettings *_qa_settings_new     (void);
/* Whether @settings (may be NULL) has @key holding values of @type. */
gboolean   _qa_settings_has_key (GSettings          *settings,
                                 const char         *key,
                                 const GVariantType *type);

G_END_DECLS
