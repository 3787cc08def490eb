/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "qa-criteria.h"

G_BEGIN_DECLS

#define QA_PROFILE_ERROR (qa_profile_error_quark ())

typedef enum
{
  QA_PROFILE_ERROR_PARSE,        /* not well-formed, or hostile (DOCTYPE, entities) */
  QA_PROFILE_ERROR_INVALID,      /* not valid against data/schemas/profile.xsd */
  QA_PROFILE_ERROR_INCONSISTENT, /* valid XML, but its numbers contradict each other */
  QA_PROFILE_ERROR_NOT_FOUND,
} QaProfileError;

/* How the panel's scores of one item are combined into the default consensus. */
typedef enum
{
  QA_CONSENSUS_METHOD_TRIMMED_MEAN, /* drop one highest and one lowest when enough scorers */
  QA_CONSENSUS_METHOD_MEAN,
  QA_CONSENSUS_METHOD_MEDIAN,
} QaConsensusMethod;

/* One tier of the award (Art. 4), best first: the first is the award itself (status
 * “candidate” on the shortlist), a second one a lesser title such as Gansu's 提名奖 (status
 * “nominee”), given after the first tier's places. */
typedef enum
{
  QA_TIER_AWARD,
  QA_TIER_NOMINATION,
} QaTierKind;

typedef struct
{
  const char *id;
  QaTierKind  kind;
  const char *name_zh;
  const char *name_en;
  guint       limit;
  guint       prize_yuan;
  /* Points out of 1000, exact in hundredths. */
  gint64      threshold_x100;
} QaProfileTier;

#define QA_TYPE_PROFILE (qa_profile_get_type ())
G_DECLARE_FINAL_TYPE (QaProfile, qa_profile, QA, PROFILE, GObject)

#define QA_PROFILE_DEFAULT_ID "ganzhou"
/* panel/@former-employer-years of a profile that does not say it. */
#define QA_PROFILE_DEFAULT_FORMER_EMPLOYER_YEARS 3

GQuark            qa_profile_error_quark              (void);
/* "trimmed-mean", "mean" or "median", as written in the profile. */
const char       *qa_consensus_method_to_string       (QaConsensusMethod method);
/* A profile shipped with the program (embedded as a resource), e.g. "ganzhou". */
QaProfile        *qa_profile_new_from_id              (const char  *id,
                                                       GError     **error);
QaProfile        *qa_profile_new_from_file            (GFile       *file,
                                                       GError     **error);
/* @name_for_errors names the source in messages (a path, or "ganzhou"). */
QaProfile        *qa_profile_new_from_bytes           (GBytes      *bytes,
                                                       const char  *name_for_errors,
                                                       GError     **error);
/* The exact bytes it was loaded from, so a session can keep the profile it was run under.
 * Owned by the profile (transfer none). */
GBytes           *qa_profile_get_bytes                (QaProfile   *self);

const char       *qa_profile_get_id                   (QaProfile   *self);
/* The award's name in the user's language, e.g. 甘州区人民政府质量奖. */
const char       *qa_profile_get_award_name           (QaProfile   *self);
const char       *qa_profile_get_award_name_zh        (QaProfile   *self);
const char       *qa_profile_get_award_name_en        (QaProfile   *self);
/* The body in whose name the award is given (Art. 16(7)), in the user's language. */
const char       *qa_profile_get_authority            (QaProfile   *self);
const char       *qa_profile_get_authority_zh         (QaProfile   *self);
const char       *qa_profile_get_authority_en         (QaProfile   *self);
/* The district of registration as written in the register (Art. 13(1)); not translated. */
const char       *qa_profile_get_district             (QaProfile   *self);
const char       *qa_profile_get_criteria_id          (QaProfile   *self);

/* Art. 4 */
guint             qa_profile_get_cycle_years          (QaProfile   *self);
guint             qa_profile_get_award_limit          (QaProfile   *self);
guint             qa_profile_get_prize_yuan           (QaProfile   *self);
/* Art. 7 */
guint             qa_profile_get_validity_years       (QaProfile   *self);
/* Art. 13(1), 13(2) */
guint             qa_profile_get_min_operating_years  (QaProfile   *self);
guint             qa_profile_get_accident_lookback_years (QaProfile *self);
/* Art. 11 */
guint             qa_profile_get_panel_min_size       (QaProfile   *self);
gboolean          qa_profile_get_panel_odd            (QaProfile   *self);
guint             qa_profile_get_min_experience_years (QaProfile   *self);
/* Years after leaving in which a former employer is still a tie (回避); 0: never. */
guint             qa_profile_get_former_employer_years (QaProfile  *self);
/* Fewest scorers an applicant may have after recusals (default: the panel minimum). */
guint             qa_profile_get_min_scorers          (QaProfile   *self);
/* Art. 16(6) */
guint             qa_profile_get_public_notice_days   (QaProfile   *self);
/* Art. 21: years after the award in which a major accident ends use of the title. */
guint             qa_profile_get_accident_publicity_years (QaProfile *self);

/* Refuses (QA_PROFILE_ERROR_INCONSISTENT, naming the field) a profile whose thresholds ask for
 * more points than @criteria gives in all: a session is made and opened only with a profile its
 * criteria can satisfy. */
gboolean          qa_profile_check_criteria           (QaProfile   *self,
                                                       QaCriteria  *criteria,
                                                       GError     **error);

/* The award's tiers (at least one; the first is session/@award-limit and @prize-yuan). Owned by
 * the profile. */
guint                qa_profile_get_n_tiers           (QaProfile   *self);
const QaProfileTier *qa_profile_get_tier              (QaProfile   *self,
                                                       guint        index);
/* The tier's name in the user's language. */
const char          *qa_profile_tier_get_name         (const QaProfileTier *tier);

/* Parameters the regulation leaves open. Weights sum to 1. */
double            qa_profile_get_material_weight      (QaProfile   *self);
double            qa_profile_get_site_weight          (QaProfile   *self);
/* The same weights exactly, in thousandths (0.3 → 300): what scores are computed with. */
guint             qa_profile_get_material_weight_milli (QaProfile  *self);
guint             qa_profile_get_site_weight_milli    (QaProfile   *self);
/* thresholds/@site and @award exactly, in hundredths of a point. */
gint64            qa_profile_get_site_threshold_x100  (QaProfile   *self);
gint64            qa_profile_get_award_threshold_x100 (QaProfile   *self);
/* Points out of the criteria's total (qa_profile_check_criteria). */
double            qa_profile_get_site_threshold       (QaProfile   *self);
double            qa_profile_get_award_threshold      (QaProfile   *self);
QaConsensusMethod qa_profile_get_consensus_method     (QaProfile   *self);
/* The trimmed mean drops one highest and one lowest only from this many scorers up. */
guint             qa_profile_get_trim_min_scorers     (QaProfile   *self);
/* A reviewer scores an item in percentages that are multiples of this (5), from 0 to 100. */
guint             qa_profile_get_score_step           (QaProfile   *self);
/* Consensus percentages are rounded to the nearest multiple of this (5). */
guint             qa_profile_get_consensus_rounding   (QaProfile   *self);
/* An item whose scores spread by this many percentage points or more is discussed. */
guint             qa_profile_get_discussion_spread    (QaProfile   *self);

G_END_DECLS
