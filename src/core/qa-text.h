/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define QA_TEXT_ERROR (qa_text_error_quark ())

typedef enum
{
  QA_TEXT_ERROR_ENCODING,  /* not UTF-8 */
  QA_TEXT_ERROR_CONTROL,   /* a control character, or a line break where one line is expected */
  QA_TEXT_ERROR_LENGTH,    /* longer than the limit */
} QaTextError;

/* What a field holds: one line (names, references, the operator) or several (comments, notes). */
typedef enum
{
  QA_TEXT_LINE,
  QA_TEXT_MULTILINE,
} QaTextKind;

/* The longest name (of an organisation, an expert, the operator), in characters. */
#define QA_TEXT_NAME_MAX_LENGTH 200

GQuark    qa_text_error_quark              (void);

/* The longest strengths or improvements text a score sheet carries, in characters: the
 * maxLength of the sheet schema's Comment type, read from the schema itself so the two can
 * never disagree. Score entry refuses more, and faces show it as the reviewer types. */
guint     qa_text_comment_max_length       (void);

/* The one check of free text that anything stores or exports: valid UTF-8, no control
 * character (a line feed and a tab are allowed in QA_TEXT_MULTILINE text; a carriage return
 * never, because XML cannot carry it unchanged), no noncharacter, and at most @max_length
 * characters (0 for no limit). The message says what is wrong and where, to follow a field
 * name ("strengths: …"). */
gboolean  qa_text_validate                 (const char  *text,
                                            QaTextKind   kind,
                                            guint        max_length,
                                            GError     **error);

/* A person's or organisation's name: qa_text_validate() as one line of at most
 * QA_TEXT_NAME_MAX_LENGTH characters, and not blank (only spaces, of any kind, is blank). What
 * the operator recorded in the audit trail must be, as well as every name field. */
gboolean  qa_text_validate_name            (const char  *name,
                                            GError     **error);

G_END_DECLS
