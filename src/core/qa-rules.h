/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "qa-expert.h"
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

/* The conditions of Art. 13, numbered 1 to QA_RULES_N_CONDITIONS. */
#define QA_RULES_N_CONDITIONS 5

typedef struct
{
  QaEligibilityCondition conditions[QA_RULES_N_CONDITIONS];
} QaEligibilityReport;

/* Whether condition @condition of Art. 13 is the secretariat's judgement (recorded with
 * qa_applicants_judge) rather than decided from the recorded facts. */
gboolean             qa_rules_condition_is_judged  (guint                       condition);

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

/* What Art. 11 is checked against: the recorded facts of one expert. */
typedef struct
{
  const char     *id;
  const char     *name;
  guint           experience_years;  /* Art. 11(3) */
  gboolean        trained;           /* Art. 11(4) */
  gboolean        ethics;            /* integrity declaration on file, Art. 11(1) */
  gboolean        declared;          /* this session's impartiality and confidentiality declaration */
  QaExpertStatus  status;            /* Art. 23 (penalties) */
  const char     *status_reason;
  const char     *status_date;       /* YYYY-MM-DD */
} QaPanelMemberFacts;

/* One reason a panel may not be formed as proposed. @message is the whole sentence, starting
 * with its article when there is one, e.g. “Art. 11(3): 孙立 (E08) has 4 years of experience;
 * 5 required”. @expert_id and @applicant_id name what it is about, when it is about one. */
typedef struct
{
  char *article;       /* e.g. “Art. 11(3)”, translated; NULL for a mistake in the proposal */
  char *expert_id;
  char *applicant_id;
  char *message;
} QaPanelViolation;

void                 qa_panel_violation_free       (QaPanelViolation           *violation);
/* A violation that is about the proposal itself (an unknown or repeated reference), with no
 * article. */
QaPanelViolation    *qa_panel_violation_new        (const char                 *expert_id,
                                                    const char                 *applicant_id,
                                                    const char                 *message);

/* Art. 11(3): whether @years of quality-management or technical work are enough. */
gboolean             qa_rules_experience_suffices  (QaProfile                  *profile,
                                                    guint                       years);
/* Whether an expert may sit on a panel at all (Art. 11(1), (3), (4), this session's declaration,
 * Art. 23 penalties). Every failing reason is appended to @violations (QaPanelViolation) when it
 * is not NULL. */
gboolean             qa_rules_expert_can_serve     (QaProfile                  *profile,
                                                    const QaPanelMemberFacts   *expert,
                                                    GPtrArray                  *violations);
/* The size rule of Art. 11 alone: at least the profile's minimum, odd when the profile says so.
 * NULL when @n_members is allowed. */
QaPanelViolation    *qa_rules_check_panel_size     (QaProfile                  *profile,
                                                    guint                       n_members);
/* The panel rules of Art. 11: the size (at least the profile's minimum, odd when the profile
 * says so), every member able to serve, and the chair a member. @chair is NULL when none is
 * chosen. Returns every violation at once (QaPanelViolation), empty when the panel may be
 * formed. */
GPtrArray           *qa_rules_check_panel          (QaProfile                  *profile,
                                                    const QaPanelMemberFacts   *members,
                                                    guint                       n_members,
                                                    const QaPanelMemberFacts   *chair);
/* After recusals, an applicant keeps @n_scorers panel members; fewer than the profile's minimum
 * is a violation naming the applicant and the @n_recused recused experts. NULL when enough. */
QaPanelViolation    *qa_rules_check_scorers        (QaProfile                  *profile,
                                                    const char                 *applicant_id,
                                                    const char                 *applicant_name,
                                                    guint                       n_scorers,
                                                    const QaPanelMemberFacts   *recused,
                                                    guint                       n_recused);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QaEligibilityReport, qa_eligibility_report_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (QaPanelViolation, qa_panel_violation_free)

G_END_DECLS
