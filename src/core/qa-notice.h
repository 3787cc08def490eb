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
  QA_NOTICE_ERROR_STALE,       /* the stored result differs from what the record gives now */
  QA_NOTICE_ERROR_WRITE,
} QaNoticeError;

/* The written notice of the eligibility check (书面告知, Art. 16(2)): an official letter to the
 * applicant with the decision and, for a rejection, every reason. */
#define QA_TYPE_NOTICE (qa_notice_get_type ())
G_DECLARE_FINAL_TYPE (QaNotice, qa_notice, QA, NOTICE, GObject)

GQuark      qa_notice_error_quark  (void);
/* Composes the notice from the applicant's Art. 13 check as it stands; refused while a
 * judgement is still pending, and while the stored result of the check (what the applicant
 * list shows) is not what the record gives now: run the check again first. @date is the
 * letter's date (YYYY-MM-DD), NULL for today. The letter carries a document number (文号) and
 * a place for the secretariat's seal. */
QaNotice   *qa_notice_new          (QaSession   *session,
                                    const char  *applicant_id,
                                    const char  *date,
                                    GError     **error);
gboolean    qa_notice_is_accepted  (QaNotice    *self);
/* The document number, e.g. 甘质奖资审〔2026〕A01号: one per applicant and session, so a letter
 * written again carries the same number. */
const char *qa_notice_get_number   (QaNotice    *self);
/* Notes in the audit trail ("notice.issue") that the notice was issued: @how is "pdf" or
 * "print", @target the file's name or the printer. qa_notice_write_pdf() does it itself. */
gboolean    qa_notice_record_issue (QaNotice    *self,
                                    const char  *how,
                                    const char  *target,
                                    GError     **error);
/* The letter as plain text, paragraph per line. */
char       *qa_notice_dup_text     (QaNotice    *self);
/* Draws the letter on one page of @width × @height points (A4 is 595 × 842). */
void        qa_notice_draw_page    (QaNotice    *self,
                                    cairo_t     *cr,
                                    double       width,
                                    double       height);
/* Writes the notice as PDF and notes it in the audit trail. See QaOutput for what @path may
 * replace. */
gboolean    qa_notice_write_pdf    (QaNotice    *self,
                                    const char  *path,
                                    QaOutputFlags flags,
                                    GError     **error);

G_END_DECLS
