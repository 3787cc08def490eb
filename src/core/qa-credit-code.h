/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define QA_CREDIT_CODE_ERROR (qa_credit_code_error_quark ())

typedef enum
{
  QA_CREDIT_CODE_ERROR_LENGTH,
  QA_CREDIT_CODE_ERROR_CHARACTER,
  QA_CREDIT_CODE_ERROR_CHECK,
} QaCreditCodeError;

#define QA_CREDIT_CODE_LENGTH 18

GQuark   qa_credit_code_error_quark (void);
/* The GB 32100-2015 check character for the first 17 characters, or '\0' if they are not valid. */
char     qa_credit_code_check_char  (const char  *first17);
/* Validates a unified social credit code (统一社会信用代码); a wrong check character is
 * refused naming the expected one. */
gboolean qa_credit_code_validate    (const char  *code,
                                     GError     **error);

G_END_DECLS
