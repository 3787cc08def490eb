/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "qa-csv.h"
#include "qa-database.h"
#include "qa-dossier.h"

G_BEGIN_DECLS

/* An all-or-nothing CSV import under way: every problem of every row is collected as
 * “file:line: column: reason” before anything is written. */
typedef struct
{
  QaCsvTable *table;
  GString    *problems;
} QaImport;

/* Parses @bytes and checks its header against @columns. */
gboolean     _qa_import_init     (QaImport           *import,
                                  GBytes             *bytes,
                                  const char         *name,
                                  const QaCsvColumn  *columns,
                                  guint               n_columns,
                                  GError            **error);
void         _qa_import_clear    (QaImport           *import);
void         _qa_import_problem  (QaImport           *import,
                                  guint               row,
                                  const char         *column,
                                  const char         *format,
                                  ...) G_GNUC_PRINTF (4, 5);
/* The field, checked the way the dossier form checks @kind of text (required or not, length,
 * control characters, reference pattern, credit code); NULL (with the problem noted) when
 * wrong, NULL without a problem when optional and empty. */
const char  *_qa_import_text     (QaImport           *import,
                                  guint               row,
                                  const char         *column,
                                  QaDossierField      kind);
/* yes/no, true/false, 1/0, 是/否; FALSE (with the problem noted) otherwise. */
gboolean     _qa_import_boolean  (QaImport           *import,
                                  guint               row,
                                  const char         *column,
                                  gboolean           *value);
/* A count from 0 to @max, or yes/no (and the other words _qa_import_boolean() takes) as 1/0;
 * FALSE (with the problem noted) otherwise. */
gboolean     _qa_import_count    (QaImport           *import,
                                  guint               row,
                                  const char         *column,
                                  guint               max,
                                  guint              *value);
/* FALSE with every problem in @error (@domain, @code) when any row was wrong. */
gboolean     _qa_import_check    (QaImport           *import,
                                  GQuark              domain,
                                  int                 code,
                                  GError            **error);

/* Notes the refused file @name in the audit trail as @action (the file itself changed nothing);
 * returns FALSE, for `return _qa_import_refuse (…);`. */
gboolean     _qa_import_refuse   (QaDatabase         *db,
                                  const char         *action,
                                  const char         *name,
                                  GError            **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (QaImport, _qa_import_clear)

G_END_DECLS
