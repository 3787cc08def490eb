/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The form under which two organisation names are compared, the only one (automatic ties of an
 * expert's employer with an applicant, duplicate applicants): Unicode NFKC (full-width letters,
 * digits and punctuation folded to their ordinary forms), case folded, and every space (any
 * Unicode separator, U+3000 and U+00A0 included), control and format character (zero-width
 * space, joiners, word joiner, byte-order mark) removed. "" when nothing is left; NULL for NULL.
 * Invalid UTF-8 is first made valid, so every input has a key. */
char     *qa_name_key               (const char *name);

/* Registers qa_name_key() as the deterministic SQL function qa_name_key(TEXT) on @db, so the
 * schema's triggers and migrations compute the same key as the code. */
gboolean  _qa_names_register_sql    (sqlite3    *db);

G_END_DECLS
