/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "qa-session.h"

G_BEGIN_DECLS

#define QA_NOTICE_ERROR (qa_notice_error_quark ())

typedef enum
{
  QA_NOTICE_ERROR_UNDECIDED,   /* the eligibility check has not reached a decision yet */
  QA_NOTICE_ERROR_WRITE,
} QaNoticeError;

/* The written notice of the eligibility check (书面告知, Art. 16(2)): an official letter to the
 * applicant with the decision and, for a rejection, every reason. */
#define QA_TYPE_NOTICE (qa_notice_get_type ())
G_DECLARE_FINAL_TYPE (QaNotice, qa_notice, QA, NOTICE, GObject)

GQuark      qa_notice_error_quark  (void);
/* Composes the notice from the applicant's Art. 13 check as it stands; refused while a
 * judgement is still pending. @date is the letter's date (YYYY-MM-DD), NULL for today. */
QaNotice   *qa_notice_new          (QaSession   *session,
                                    const char  *applicant_id,
                                    const char  *date,
                                    GError     **error);
gboolean    qa_notice_is_accepted  (QaNotice    *self);
/* The letter as plain text, paragraph per line. */
char       *qa_notice_dup_text     (QaNotice    *self);
/* Draws the letter on one page of @width × @height points (A4 is 595 × 842). */
void        qa_notice_draw_page    (QaNotice    *self,
                                    cairo_t     *cr,
                                    double       width,
                                    double       height);
/* See QaOutput for what @path may replace. */
gboolean    qa_notice_write_pdf    (QaNotice    *self,
                                    const char  *path,
                                    QaOutputFlags flags,
                                    GError     **error);

G_END_DECLS
