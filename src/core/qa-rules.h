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
/* 回避 (Art. 3 公正, Art. 23): whether an expert who left an employer on @left_on is still tied
 * to it on @on (the day ties are asked; both YYYY-MM-DD): when @left_on is no more than the
 * profile's panel/@former-employer-years before @on. Never when the profile says 0 years. */
gboolean             qa_rules_former_employer_is_tie (QaProfile                *profile,
                                                    const char                 *left_on,
                                                    const char                 *on);
/* The same rule as the earliest day of leaving that still ties on @on (YYYY-MM-DD), for a query
 * over every former employer; NULL when the profile ties none (0 years) or @on is not a date. */
char                *qa_rules_former_employer_since (QaProfile                 *profile,
                                                    const char                 *on);
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

/* The comprehensive evaluation (Art. 16(5)) and the candidate list (Art. 4, 16(6)) ---------- */

/* An applicant's place in the outcome; the strings are the shortlist's `status` column. */
typedef enum
{
  QA_OUTCOME_CANDIDATE,          /* "candidate": within the award limit, at or above the bar */
  QA_OUTCOME_NOMINEE,            /* "nominee": within a second tier (Gansu's 提名奖) */
  QA_OUTCOME_OVER_LIMIT,         /* "over_limit" */
  QA_OUTCOME_BELOW_THRESHOLD,    /* "below_threshold" */
  QA_OUTCOME_NOT_SITE_REVIEWED,  /* "not_site_reviewed" */
  QA_OUTCOME_INELIGIBLE,         /* "ineligible" */
  QA_OUTCOME_OBJECTION_UPHELD,   /* "objection_upheld" */
  QA_OUTCOME_TIED,               /* "tied": the review committee decides */
} QaOutcomeStatus;

#define QA_N_OUTCOME_STATUSES (QA_OUTCOME_TIED + 1)

const char  *qa_outcome_status_to_string (QaOutcomeStatus status);
gboolean     qa_outcome_status_from_string (const char    *str,
                                            QaOutcomeStatus *status);
/* Translated, e.g. 候选 */
const char  *qa_outcome_status_get_label (QaOutcomeStatus status);

/* What the outcome of one applicant is decided from. Totals are exact, in hundredths of a point
 * (out of 1000). */
typedef struct
{
  const char *applicant_id;
  const char *name;
  gboolean    eligible;            /* Art. 13 */
  gboolean    material_reviewed;   /* has a material-review consensus total */
  gboolean    site_reviewed;       /* advanced to, and has a site-review consensus total */
  gint64      material_x100;
  gint64      site_x100;
  gboolean    objection_upheld;    /* Art. 16(6) */
  const char *objection_note;      /* e.g. which objection, when; may be NULL */
  /* The review committee's recorded order among applicants the tie-breaks cannot separate
   * (1 first); 0 when it has decided nothing. */
  guint       tie_order;
} QaShortlistFacts;

typedef struct
{
  char            *applicant_id;
  char            *name;
  guint            rank;           /* 0: not ranked (not site-reviewed) */
  gboolean         has_material;
  gboolean         has_site;
  gboolean         has_final;
  gint64           material_x100;
  gint64           site_x100;
  /* Exact: weights in thousandths × totals in hundredths, i.e. in 1/100000 of a point. */
  gint64           final_x100000;
  QaOutcomeStatus  status;
  char            *reason;         /* in words, with its article, translated */
  char            *article;        /* e.g. 第四条 */
} QaShortlistRow;

typedef struct
{
  GPtrArray *rows;                 /* QaShortlistRow: ranked first, then the others */
  gboolean   vacant;               /* nobody is a candidate: the award is left vacant (Art. 4) */
  char      *vacancy_reason;       /* 本届空缺 and why, when vacant */
} QaShortlistResult;

/* Ranks the site-reviewed applicants by the profile's weights of the exact totals, ties broken
 * by the site score, then the material score, and gives every applicant its status and reason
 * under the profile's tiers and thresholds. */
QaShortlistResult *qa_rules_shortlist          (QaProfile               *profile,
                                                const QaShortlistFacts  *facts,
                                                guint                    n_facts);
void               qa_shortlist_result_free    (QaShortlistResult       *result);
/* Points with one decimal, halves rounded up: 48234 (hundredths) → "482.3". */
char              *qa_rules_format_score_x100  (gint64                   x100);
/* The same for a final score in 1/100000 of a point. */
char              *qa_rules_format_final       (gint64                   x100000);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QaShortlistResult, qa_shortlist_result_free)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QaEligibilityReport, qa_eligibility_report_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (QaPanelViolation, qa_panel_violation_free)

G_END_DECLS
