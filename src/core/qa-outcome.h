/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "qa-export.h"
#include "qa-rules.h"
#include "qa-session.h"

G_BEGIN_DECLS

/* The outcome of a session (Art. 16(5)–(6)): the comprehensive evaluation's ranked list, the
 * review committee's confirmation that freezes it, the public notice and its objections, and
 * the submission to the government. Every change is one audited transaction by the
 * secretariat; every refusal names its article and changes nothing but the audit trail. */

#define QA_OUTCOME_ERROR (qa_outcome_error_quark ())

typedef enum
{
  QA_OUTCOME_ERROR_ROLE,       /* only the secretariat records the outcome */
  QA_OUTCOME_ERROR_STAGE,      /* too early or too late in the procedure (the message says) */
  QA_OUTCOME_ERROR_OBJECTION,  /* an objection that may not be taken (Art. 16(6)) */
  QA_OUTCOME_ERROR_UNKNOWN,    /* no such applicant, objection or award */
  QA_OUTCOME_ERROR_INVALID,    /* a date, a text or a choice that is not right */
  QA_OUTCOME_ERROR_WRITE,
} QaOutcomeError;

GQuark              qa_outcome_error_quark       (void);

/* One row of the shortlist as a GObject, for list views. */
#define QA_TYPE_SHORTLIST_ITEM (qa_shortlist_item_get_type ())
G_DECLARE_FINAL_TYPE (QaShortlistItem, qa_shortlist_item, QA, SHORTLIST_ITEM, GObject)

const QaShortlistRow *qa_shortlist_item_get_row  (QaShortlistItem *self);
/* "482.3", or "" when the applicant has no such score. */
char               *qa_shortlist_item_dup_material_score (QaShortlistItem *self);
char               *qa_shortlist_item_dup_site_score     (QaShortlistItem *self);
char               *qa_shortlist_item_dup_final_score    (QaShortlistItem *self);

/* The ranked outcome as it stands: refused (QA_OUTCOME_ERROR_STAGE) until the site stage is
 * closed; once confirmed, the frozen list with the objections upheld since. */
QaShortlistResult  *qa_outcome_shortlist         (QaSession         *session,
                                                  GError           **error);
/* The rows as a list model of QaShortlistItem, in the result's order. */
GListModel         *qa_outcome_shortlist_model   (const QaShortlistResult *result);
/* The shortlist as an export table: the CSV columns of the contract
 * rank,applicant_id,name,material_score,site_score,final_score,status (and the reason in the
 * other forms), with the vacancy and the profile's numbers as notes. */
QaExportTable      *qa_outcome_shortlist_table   (QaSession         *session,
                                                  const QaShortlistResult *result);
/* The consensus totals of @stage as an export table: applicant_id,scorers,items_agreed,total,
 * flagged_items. */
QaExportTable      *qa_outcome_totals_table      (QaSession         *session,
                                                  QaStage            stage,
                                                  GError           **error);

/* The review committee's order among applicants the tie-breaks cannot separate where the limit
 * falls (@applicant_ids first to last): refused unless they are tied with each other, or once
 * the list is confirmed. */
gboolean            qa_outcome_decide_tie        (QaSession         *session,
                                                  const char * const *applicant_ids,
                                                  const char        *date,
                                                  const char        *reason,
                                                  GError           **error);
/* Records the committee's plenary decision on the list (Art. 16(6)) and freezes it; the
 * session's stage becomes the notice. Refused before the site stage is closed, while a tie is
 * undecided, and a second time. */
gboolean            qa_outcome_confirm           (QaSession         *session,
                                                  const char        *date,
                                                  GError           **error);
/* The date of the confirmation, or NULL when the list is not confirmed. */
char               *qa_outcome_dup_confirmed_on  (QaSession         *session);

/* Opens the public notice on @start for the profile's number of days, the last included; refused
 * before the confirmation and a second time. */
gboolean            qa_outcome_open_notice       (QaSession         *session,
                                                  const char        *start,
                                                  GError           **error);
/* The notice period, FALSE when no notice has been opened. */
gboolean            qa_outcome_get_notice        (QaSession         *session,
                                                  char             **starts_on,
                                                  char             **ends_on);
/* The notice's text for the media: the candidates, the period, how to object. */
gboolean            qa_outcome_write_notice_pdf  (QaSession         *session,
                                                  const char        *path,
                                                  QaOutputFlags      flags,
                                                  GError           **error);

typedef enum
{
  QA_OBJECTION_RECEIVED,
  QA_OBJECTION_UPHELD,
  QA_OBJECTION_DISMISSED,
} QaObjectionStatus;

typedef struct
{
  gint64             id;
  char              *applicant_id;
  char              *objector;
  char              *contact;
  char              *received_on;
  char              *grounds;
  QaObjectionStatus  status;
  char              *decision;
  char              *decided_on;
} QaObjection;

/* "received", "upheld", "dismissed" */
const char         *qa_objection_status_to_string (QaObjectionStatus status);
void                qa_objection_free            (QaObjection       *objection);
/* Records an objection and returns its number (0 when refused). Refused, naming Art. 16(6),
 * when no notice is open, @received_on is outside the notice period, @objector or @contact is
 * empty, or the applicant is not a candidate. */
gint64              qa_outcome_add_objection     (QaSession         *session,
                                                  const char        *applicant_id,
                                                  const char        *objector,
                                                  const char        *contact,
                                                  const char        *received_on,
                                                  const char        *grounds,
                                                  GError           **error);
/* Whether qa_outcome_add_objection() would take this objection, without recording anything:
 * for a form that refuses an anonymous or late objection before it is submitted. */
gboolean            qa_outcome_check_objection   (QaSession         *session,
                                                  const char        *applicant_id,
                                                  const char        *objector,
                                                  const char        *contact,
                                                  const char        *received_on,
                                                  const char        *grounds,
                                                  GError           **error);
/* The committee's re-check: upheld cancels the candidate's nomination, dismissed changes
 * nothing. @date NULL means today. */
gboolean            qa_outcome_decide_objection  (QaSession         *session,
                                                  gint64             id,
                                                  gboolean           upheld,
                                                  const char        *reason,
                                                  const char        *date,
                                                  GError           **error);
/* Every objection (QaObjection), by number. */
GPtrArray          *qa_outcome_list_objections   (QaSession         *session,
                                                  GError           **error);
QaExportTable      *qa_outcome_objections_table  (QaSession         *session,
                                                  GPtrArray         *objections);

/* Whether the list may go to the government on @date: the notice has ended by then and every
 * objection is decided. FALSE with the reason otherwise. */
gboolean            qa_outcome_check_submittable (QaSession         *session,
                                                  const char        *date,
                                                  GError           **error);
/* The letter submitting the list to the government for approval (提请审批), dated @date;
 * recorded, and refused unless qa_outcome_check_submittable(). */
gboolean            qa_outcome_write_submission_pdf (QaSession      *session,
                                                  const char        *date,
                                                  const char        *path,
                                                  QaOutputFlags      flags,
                                                  GError           **error);
/* The panel's comprehensive evaluation report (Art. 16(5)): both stages' scores, the proposed
 * list, the rule check and signature lines. */
gboolean            qa_outcome_write_evaluation_pdf (QaSession      *session,
                                                  const char        *path,
                                                  QaOutputFlags      flags,
                                                  GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QaObjection, qa_objection_free)

G_END_DECLS
