/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Where an applicant stands in the procedure of Art. 16. */
typedef enum
{
  QA_APPLICANT_STATUS_APPLIED,       /* 已申报 */
  QA_APPLICANT_STATUS_ELIGIBLE,      /* 资格审查合格 */
  QA_APPLICANT_STATUS_NOT_ACCEPTED,  /* 不予受理, Art. 16(2) */
  QA_APPLICANT_STATUS_MATERIAL,      /* in material review */
  QA_APPLICANT_STATUS_SITE,          /* advanced to site review */
  QA_APPLICANT_STATUS_NOT_ADVANCED,  /* did not pass material review */
  QA_APPLICANT_STATUS_CANDIDATE,     /* on the candidate list */
  QA_APPLICANT_STATUS_AWARDED,
  QA_APPLICANT_STATUS_REVOKED,       /* Art. 21 */
} QaApplicantStatus;

/* The outcome of the Art. 13 check as last stored. */
typedef enum
{
  QA_ELIGIBILITY_UNCHECKED,
  QA_ELIGIBILITY_ELIGIBLE,
  QA_ELIGIBILITY_INELIGIBLE,
  QA_ELIGIBILITY_PENDING,            /* a judgement condition still awaits the secretariat */
} QaEligibility;

#define QA_TYPE_APPLICANT (qa_applicant_get_type ())
G_DECLARE_FINAL_TYPE (QaApplicant, qa_applicant, QA, APPLICANT, GObject)

const char        *qa_applicant_status_to_string   (QaApplicantStatus  status);
gboolean           qa_applicant_status_from_string (const char        *str,
                                                    QaApplicantStatus *status);
/* Translated, for display. */
const char        *qa_applicant_status_get_label   (QaApplicantStatus  status);
const char        *qa_eligibility_to_string        (QaEligibility      eligibility);
gboolean           qa_eligibility_from_string      (const char        *str,
                                                    QaEligibility     *eligibility);
const char        *qa_eligibility_get_label        (QaEligibility      eligibility);

/* A row of the dossier list; a snapshot of the database, replaced when the list reloads. */
const char        *qa_applicant_get_id             (QaApplicant       *self);
const char        *qa_applicant_get_name           (QaApplicant       *self);
const char        *qa_applicant_get_credit_code    (QaApplicant       *self);
const char        *qa_applicant_get_district       (QaApplicant       *self);
/* Date operations began, YYYY-MM-DD. */
const char        *qa_applicant_get_founded        (QaApplicant       *self);
gboolean           qa_applicant_get_legal_person   (QaApplicant       *self);
QaApplicantStatus  qa_applicant_get_status         (QaApplicant       *self);
QaEligibility      qa_applicant_get_eligibility    (QaApplicant       *self);
/* Self-assessment total out of 1000, or a negative number when none was given. */
double             qa_applicant_get_self_score     (QaApplicant       *self);

G_END_DECLS
