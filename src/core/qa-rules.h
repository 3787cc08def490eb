/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "qa-profile.h"

G_BEGIN_DECLS

/* The rules of the award's regulation (《甘州区人民政府质量奖管理办法》), each in one place,
 * with the numbers taken from the rule profile. The GUI and the CLI both ask here. */

typedef enum
{
  QA_CONDITION_PASS,
  QA_CONDITION_FAIL,
  QA_CONDITION_PENDING,   /* a judgement the secretariat has not recorded yet */
} QaConditionResult;

/* A liability accident on record (Art. 13(2), Art. 21). */
typedef struct
{
  char *date;          /* YYYY-MM-DD */
  char *kind;          /* "quality", "safety" or "environment" */
  char *description;
} QaAccidentFact;

/* What Art. 13 is checked against. Dates are YYYY-MM-DD. */
typedef struct
{
  const char            *district;
  gboolean               legal_person;
  const char            *founded;
  /* The applicant's own declaration of accidents in the last years (the CSV column). */
  gboolean               declared_accidents;
  const QaAccidentFact * const *accidents;
  guint                  n_accidents;
  /* The secretariat's findings on the judgement conditions (3), (4), (5). */
  QaConditionResult      judged[3];
  const char            *judged_notes[3];
} QaEligibilityFacts;

/* One condition of Art. 13 with every reason it failed (or awaits judgement), each naming its
 * article, e.g. “Art. 13(1): operating 2 years 11 months on 2026-09-30; 3 years required”. */
typedef struct
{
  guint              condition;   /* 1–5 */
  QaConditionResult  result;
  gboolean           automatic;   /* decided from facts, not judged */
  GPtrArray         *reasons;     /* char * */
} QaEligibilityCondition;

typedef struct
{
  QaEligibilityCondition conditions[5];
} QaEligibilityReport;

/* The Art. 13 check. Every failing condition is reported, not only the first. */
QaEligibilityReport *qa_rules_check_eligibility    (QaProfile                  *profile,
                                                    const char                 *deadline,
                                                    const QaEligibilityFacts   *facts);
void                 qa_eligibility_report_free    (QaEligibilityReport        *report);
/* Eligible only when all five conditions pass. */
gboolean             qa_eligibility_report_is_eligible (const QaEligibilityReport *report);
/* Any condition still awaiting judgement (and none failed)? */
gboolean             qa_eligibility_report_is_pending  (const QaEligibilityReport *report);
/* Every reason of every condition that is not passed, in article order. */
GPtrArray           *qa_eligibility_report_dup_reasons (const QaEligibilityReport *report);
/* e.g. “Art. 13(1)”, translated (第十三条第（一）项). */
char                *qa_rules_format_article_13    (guint                       condition);

/* Whole years and remaining months from @from to @to (both YYYY-MM-DD, @to not earlier). */
gboolean             qa_rules_years_between        (const char                 *from,
                                                    const char                 *to,
                                                    guint                      *years,
                                                    guint                      *months);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QaEligibilityReport, qa_eligibility_report_free)

G_END_DECLS
