/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "qa-output.h"
#include "qa-session.h"

G_BEGIN_DECLS

/* The printed documents of the review stages, laid out by one engine (A4, Chinese fonts, page
 * numbers): the written feedback to an applicant (Art. 16(3)), the site-review opinion
 * (Art. 16(4)) and the chair's consensus report with its charts. Each can be written as PDF or
 * drawn page by page (GtkPrintOperation). */

#define QA_REPORT_ERROR (qa_report_error_quark ())

typedef enum
{
  QA_REPORT_ERROR_NOT_READY,   /* the stage is not closed, or nothing is recorded yet */
  QA_REPORT_ERROR_WRITE,
} QaReportError;

#define QA_TYPE_REPORT (qa_report_get_type ())
G_DECLARE_FINAL_TYPE (QaReport, qa_report, QA, REPORT, GObject)

GQuark      qa_report_error_quark      (void);

/* The feedback letter to @applicant_id after @stage, in the name of the profile's authority:
 * the outcome, the consensus total and its band, and per category the consensus strengths and
 * improvements — never a reviewer's name or an individual score. Refused until the stage is
 * closed. @date is the letter's date (YYYY-MM-DD), NULL for today. */
QaReport   *qa_report_new_feedback     (QaSession   *session,
                                        const char  *applicant_id,
                                        QaStage      stage,
                                        const char  *date,
                                        GError     **error);
/* The panel's site-review opinion of @applicant_id with the points verified on site; refused
 * while none is recorded. */
QaReport   *qa_report_new_site_opinion (QaSession   *session,
                                        const char  *applicant_id,
                                        const char  *date,
                                        GError     **error);
/* The chair's consensus report of @stage: totals, and per applicant the radar of the
 * categories, the spread bars and every item's figures; the reviewers' figures at the end.
 * For use inside the session only. */
QaReport   *qa_report_new_consensus    (QaSession   *session,
                                        QaStage      stage,
                                        GError     **error);

const char *qa_report_get_title        (QaReport    *self);
guint       qa_report_get_n_pages      (QaReport    *self);
/* Draws page @page (from 0) scaled to @width × @height points. */
void        qa_report_draw_page        (QaReport    *self,
                                        cairo_t     *cr,
                                        guint        page,
                                        double       width,
                                        double       height);
/* @flags: QA_OUTPUT_REPLACE when the user confirmed replacing a session or package there. */
gboolean    qa_report_write_pdf        (QaReport      *self,
                                        const char    *path,
                                        QaOutputFlags  flags,
                                        GError       **error);

/* The consensus of @items (QaConsensusItem) as the CSV of `consensus`:
 * applicant_id,item,scorers,mean,median,min,max,spread,flagged,consensus_percent,points. With
 * @detailed, default_percent, recorded and rationale follow. */
void        qa_consensus_append_csv    (GString     *out,
                                        GPtrArray   *items,
                                        gboolean     detailed);

G_END_DECLS
