/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "qa-export.h"
#include "qa-session.h"

G_BEGIN_DECLS

/* The awards (Art. 16(7)) and what follows them: certificates with verifiable numbers (Art. 22),
 * yearly reports (Art. 18), inspections (Art. 19), a major accident (Art. 21 ¶2), revocation
 * for fraud (Art. 21 ¶1) and the re-evaluation at the end of validity (Art. 7). Errors are in
 * QA_OUTCOME_ERROR (qa-outcome.h). */

typedef enum
{
  QA_AWARD_VALID,
  QA_AWARD_PUBLICITY_BARRED,
  QA_AWARD_REVOKED,
  QA_AWARD_EXPIRED,
} QaAwardStatus;

typedef struct
{
  char          *certificate_number;
  char          *applicant_id;
  char          *name;
  char          *approved_on;
  char          *valid_until;
  char          *tier;           /* "award" or "nomination" */
  guint          prize_yuan;
  QaAwardStatus  status;         /* as of the date asked about (expired after valid_until) */
  char          *status_reason;
  char          *status_on;
  char          *rectify_by;     /* a pending rectification's deadline (Art. 7), or NULL */
} QaAward;

/* "valid", "publicity_barred", "revoked", "expired" */
const char *qa_award_status_to_string (QaAwardStatus status);
/* Translated */
const char *qa_award_status_get_label (QaAwardStatus status);
void        qa_award_free             (QaAward     *award);

/* Records the government's approval on @date and makes an award, with its certificate number
 * and the profile's prize, for each remaining candidate (and nominee). Refused while the public
 * notice has not ended on @date, while an objection is undecided, and a second time. Returns
 * the awards made (QaAward). */
GPtrArray  *qa_award_approve          (QaSession   *session,
                                       const char  *date,
                                       GError     **error);
/* Every award (QaAward) by certificate number, its status as of @today (NULL: today). */
GPtrArray  *qa_award_list             (QaSession   *session,
                                       const char  *today,
                                       GError     **error);
QaExportTable *qa_award_table         (QaSession   *session,
                                       GPtrArray   *awards);
/* The award with certificate @number: QA_OUTCOME_ERROR_INVALID when the check character is
 * wrong or the number malformed, QA_OUTCOME_ERROR_UNKNOWN when it was never issued. */
QaAward    *qa_award_verify           (QaSession   *session,
                                       const char  *number,
                                       const char  *today,
                                       GError     **error);
/* The certificate, printable, in the government's name. */
gboolean    qa_award_write_certificate_pdf (QaSession  *session,
                                       const char  *applicant_id,
                                       const char  *path,
                                       QaOutputFlags flags,
                                       GError     **error);

/* Art. 21 ¶2: a major quality or safety accident on @date. Within the profile's years after
 * the approval the title may no longer be used in publicity (status publicity_barred);
 * @barred says whether it was. */
gboolean    qa_award_record_accident  (QaSession   *session,
                                       const char  *applicant_id,
                                       const char  *date,
                                       const char  *description,
                                       gboolean    *barred,
                                       GError     **error);
/* Art. 21 ¶1: the title revoked for fraud or improper means, the certificate and the prize
 * recovered; @announcement (may be NULL) receives the public announcement as PDF, written
 * with @flags (checked before anything is recorded). */
gboolean    qa_award_revoke           (QaSession   *session,
                                       const char  *applicant_id,
                                       const char  *date,
                                       const char  *reason,
                                       const char  *announcement,
                                       QaOutputFlags flags,
                                       GError     **error);

typedef enum
{
  QA_REVIEW_KEPT,            /* keeps the title for another term of validity */
  QA_REVIEW_RECTIFICATION,   /* must rectify by a deadline */
  QA_REVIEW_REVOKED,         /* revoked after a failed rectification */
} QaReviewOutcome;

gboolean    qa_review_outcome_from_string (const char      *str,
                                           QaReviewOutcome *outcome);
/* Art. 7: the re-evaluation at the end of validity. Refused more than a year before
 * valid_until; rectification needs @deadline; revoked only after a rectification whose
 * deadline has passed. */
gboolean    qa_award_review           (QaSession       *session,
                                       const char      *applicant_id,
                                       const char      *date,
                                       QaReviewOutcome  outcome,
                                       const char      *deadline,
                                       const char      *reason,
                                       GError         **error);
/* Art. 19: an inspection, with a rectification deadline when it found one is needed. */
gboolean    qa_award_inspect          (QaSession   *session,
                                       const char  *applicant_id,
                                       const char  *date,
                                       const char  *findings,
                                       const char  *rectify_by,
                                       GError     **error);

/* Art. 18: a yearly report's indicators, from CSV with the columns kind,name,value[,unit]
 * [,higher_better] (kind: business, quality or spot_check). All or nothing. */
gboolean    qa_award_add_report       (QaSession   *session,
                                       const char  *applicant_id,
                                       guint        year,
                                       const char  *received_on,
                                       GBytes      *csv,
                                       const char  *name_for_errors,
                                       GError     **error);

typedef struct
{
  guint     year;
  char     *kind;
  char     *name;
  double    value;
  char     *unit;
  gboolean  has_previous;
  double    previous;
  double    change_percent;  /* year on year, when the previous value is not 0 */
  gboolean  worse;           /* fell (or rose, for an indicator where lower is better) */
} QaIndicatorChange;

void        qa_indicator_change_free  (QaIndicatorChange *change);
/* Every indicator of @applicant_id's reports (QaIndicatorChange), by year and name, with the
 * change from the year before; a worsening one is flagged for the secretariat's guidance. */
GPtrArray  *qa_award_list_indicators  (QaSession   *session,
                                       const char  *applicant_id,
                                       GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QaAward, qa_award_free)

G_END_DECLS
