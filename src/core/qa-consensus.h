/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "qa-session.h"

G_BEGIN_DECLS

/* The panel's consensus of a review stage (Art. 16(3)–(4)): per applicant and item, the
 * independent scores imported from the reviewers' sheets, combined into a default by the rule
 * profile's method, and the chair's value where the panel agreed another. Numbers are exact:
 * means and medians are kept in tenths, points in hundredths, and every rounding is done on
 * integers (halves up), never by comparing floats. */

#define QA_CONSENSUS_ERROR (qa_consensus_error_quark ())

typedef enum
{
  QA_CONSENSUS_ERROR_ROLE,        /* only the panel chair sets consensus and closes a stage */
  QA_CONSENSUS_ERROR_PERCENT,     /* not a multiple of the profile's step in 0–100 */
  QA_CONSENSUS_ERROR_RATIONALE,   /* departs from the default without a written rationale */
  QA_CONSENSUS_ERROR_CLOSED,      /* the stage is closed (the message says when) */
  QA_CONSENSUS_ERROR_UNKNOWN,     /* no such applicant in the stage, or no such item */
  QA_CONSENSUS_ERROR_INCOMPLETE,  /* sheets missing: the message names every member and applicant */
  QA_CONSENSUS_ERROR_NOT_SCORED,  /* nobody scored the item: there is nothing to agree on */
  QA_CONSENSUS_ERROR_WRITE,
} QaConsensusError;

/* One applicant × item of a stage. An item nobody scored has @scorers 0, @default_percent and
 * @percent -1 and the other figures 0. */
typedef struct
{
  char     *applicant_id;
  char     *item;
  char     *category;        /* e.g. "4.1" */
  guint     points;          /* the item's points */
  guint     scorers;
  double    mean, median;    /* mean_x10 / 10, median_x10 / 10 */
  int       mean_x10;        /* the mean in tenths, rounded halves up */
  int       median_x10;      /* exact: a median is a multiple of 0.5 */
  int       min, max, spread;
  gboolean  flagged;         /* spread ≥ the profile's discussion spread */
  int       default_percent; /* the profile's default consensus */
  int       percent;         /* the chair's value if recorded, else the default */
  gboolean  recorded;        /* the chair recorded a value */
  int       decided_default; /* the default the chair's value was decided against, or -1 */
  gboolean  stale;           /* recorded, but a newer sheet has since moved the default away from
                              * @decided_default: the item needs the chair again (it counts as not
                              * agreed, and the stage cannot close until it is set again) */
  gint64    points_x100;     /* points × percent / 100, in hundredths of a point (exact) */
  char     *strengths;       /* the chair's recorded consensus texts, or NULL */
  char     *improvements;
  char     *rationale;
} QaConsensusItem;

/* Per applicant, over every item of the stage. */
typedef struct
{
  char   *applicant_id;
  guint   scorers;           /* reviewers whose sheet scores the applicant */
  guint   items_agreed;      /* items with a consensus value (a stale chair's value is not one) */
  guint   flagged_items;
  gint64  total_x100;        /* exact sum of the items' points, in hundredths */
} QaConsensusTotal;

/* Per applicant and category (for the radar chart and the feedback letter). */
typedef struct
{
  char   *applicant_id;
  char   *category;          /* e.g. "4.1" */
  guint   points;            /* the category's points */
  gint64  total_x100;
} QaConsensusCategoryTotal;

/* A sentence of a reviewer's strengths or improvements, with who wrote it (inside the session
 * only: never printed in anything an applicant receives). */
typedef struct
{
  char *reviewer_id;
  char *item;
  char *text;
} QaConsensusSentence;

/* Per reviewer across a stage: how they stand against the consensus. */
typedef struct
{
  char   *reviewer_id;
  guint   applicants;        /* applicants they scored */
  guint   scores;            /* item scores compared with a consensus */
  double  leniency;          /* mean of (their percent − consensus percent), percentage points */
  gint64  leniency_sum;      /* the exact sum behind it */
  guint   dropped_high;      /* times the trimming dropped them as the one highest score */
  guint   dropped_low;       /* … as the one lowest score */
} QaConsensusReviewer;

/* One reviewer's own scores of an applicant, per category, for the radar's outlines: the points
 * they gave as a percentage of the points of the items they scored (-1 where they scored none). */
typedef struct
{
  char   *reviewer_id;
  guint   n;                 /* categories, in clause order */
  double *percents;
} QaConsensusOutline;

GQuark      qa_consensus_error_quark         (void);
void        qa_consensus_outline_free        (QaConsensusOutline       *outline);
void        qa_consensus_item_free           (QaConsensusItem          *item);
void        qa_consensus_total_free          (QaConsensusTotal         *total);
void        qa_consensus_category_total_free (QaConsensusCategoryTotal *total);
void        qa_consensus_sentence_free       (QaConsensusSentence      *sentence);
void        qa_consensus_reviewer_free       (QaConsensusReviewer      *reviewer);

/* The exact rules, exposed for the faces and the tests. @values need not be sorted.
 * Returns the default consensus percentage under @profile, or -1 for no values. */
int         qa_consensus_default_percent     (QaProfile     *profile,
                                              const int     *values,
                                              guint          n_values);
/* @value_x100 (hundredths of a point) as “8.25”; negative values keep their sign. */
char       *qa_consensus_format_points       (gint64         value_x100);
/* @value_x10 (tenths) as “57.5”. */
char       *qa_consensus_format_tenths       (int            value_x10);

/* Every item of every applicant of @stage (QaConsensusItem), by applicant and clause, computed
 * in one pass over the imported scores; @applicant_id narrows it to one applicant. */
GPtrArray  *qa_consensus_compute             (QaSession     *session,
                                              QaStage        stage,
                                              const char    *applicant_id,
                                              GError       **error);
/* Per applicant of @stage (QaConsensusTotal), by applicant. */
GPtrArray  *qa_consensus_totals              (QaSession     *session,
                                              QaStage        stage,
                                              GError       **error);
/* The same, derived from a computed array (no second query). */
GPtrArray  *qa_consensus_totals_from_items   (QaSession     *session,
                                              QaStage        stage,
                                              GPtrArray     *items,
                                              GError       **error);
/* Per category (QaConsensusCategoryTotal) of @applicant_id, in clause order (7). */
GPtrArray  *qa_consensus_category_totals     (QaSession     *session,
                                              QaStage        stage,
                                              const char    *applicant_id,
                                              GError       **error);
/* Records the panel's consensus of one item. Chair only; refused when @percent is not a
 * multiple of the profile's rounding step in 0–100, when it departs from the default without a
 * @rationale, when nobody scored the item, or when the stage is closed. Texts may be NULL.
 * One audited transaction; a refusal is noted in the audit trail. */
gboolean    qa_consensus_set                 (QaSession     *session,
                                              QaStage        stage,
                                              const char    *applicant_id,
                                              const char    *item,
                                              int            percent,
                                              const char    *rationale,
                                              const char    *strengths,
                                              const char    *improvements,
                                              GError       **error);

/* The reviewers' strengths and improvements of @applicant_id (QaConsensusSentence each, split
 * into sentences, by item and reviewer); @item narrows them to one item (NULL: every item). */
gboolean    qa_consensus_list_sentences      (QaSession     *session,
                                              QaStage        stage,
                                              const char    *applicant_id,
                                              const char    *item,
                                              GPtrArray    **strengths,
                                              GPtrArray    **improvements,
                                              GError       **error);
/* The consensus texts of one item without any reviewer's name: the chair's recorded texts, or
 * else the reviewers' sentences, each said once. Either may be set to NULL when empty. */
gboolean    qa_consensus_dup_texts           (QaSession     *session,
                                              QaStage        stage,
                                              const char    *applicant_id,
                                              const char    *item,
                                              char         **strengths,
                                              char         **improvements,
                                              GError       **error);
/* The same for every item of a category at once (the feedback letter, the site package):
 * strengths and improvements of the category's items, each sentence once, no names. */
gboolean    qa_consensus_dup_category_texts  (QaSession     *session,
                                              QaStage        stage,
                                              const char    *applicant_id,
                                              const char    *category,
                                              char         **strengths,
                                              char         **improvements,
                                              GError       **error);

/* Per reviewer of @stage (QaConsensusReviewer), by reference; @kendall_w (may be NULL) is set to
 * the panel's agreement, Kendall's W over the totals of the applicants every reviewer scored
 * (ties ranked by their mean rank, with the tie correction), or -1 when fewer than two
 * reviewers or applicants allow it; @w_applicants to how many applicants it was taken over. */
GPtrArray  *qa_consensus_reviewers           (QaSession     *session,
                                              QaStage        stage,
                                              double        *kendall_w,
                                              guint         *w_applicants,
                                              GError       **error);

/* Each reviewer's outline (QaConsensusOutline) of @applicant_id at @stage, by reference. Raw
 * scores, shown beside the consensus; nothing is adjusted. */
GPtrArray  *qa_consensus_outlines            (QaSession     *session,
                                              QaStage        stage,
                                              const char    *applicant_id,
                                              GError       **error);

/* Whether @stage may be closed: every panel member's sheet imported, scoring all items of every
 * applicant assigned to them. Returns the missing (one translated line each: the member and
 * the applicant), empty when nothing is missing; NULL on a database error. */
GPtrArray  *qa_consensus_check_complete      (QaSession     *session,
                                              QaStage        stage,
                                              GError       **error);

/* The panel's site-review opinion (现场评审意见) of an applicant in site review: chair only,
 * refused once the site stage is closed. */
gboolean    qa_consensus_set_site_opinion    (QaSession     *session,
                                              const char    *applicant_id,
                                              const char    *opinion,
                                              GError       **error);
/* NULL (no error) when none has been recorded. */
char       *qa_consensus_dup_site_opinion    (QaSession     *session,
                                              const char    *applicant_id,
                                              GError       **error);

/* The points to verify on site (Art. 16(4)) of an applicant: the material review's consensus
 * strengths and improvements per category, no reviewer named. In the session they are compiled
 * from the material consensus; in a site review package they are those the package carries.
 * Returns QaConsensusSentence with @reviewer_id NULL and @item the category; @strengths and
 * @improvements each get their own array. */
gboolean    qa_consensus_list_verification_points (QaSession  *session,
                                                   const char *applicant_id,
                                                   GPtrArray **strengths,
                                                   GPtrArray **improvements,
                                                   GError    **error);

/* One row of the consensus view: a QaConsensusItem as a GObject. */
#define QA_TYPE_CONSENSUS_ROW (qa_consensus_row_get_type ())
G_DECLARE_FINAL_TYPE (QaConsensusRow, qa_consensus_row, QA, CONSENSUS_ROW, GObject)

const QaConsensusItem *qa_consensus_row_get_item (QaConsensusRow *self);

/* The consensus of one applicant at one stage as a GListModel of QaConsensusRow, in clause
 * order; qa_consensus_model_reload() re-reads it after a change (rows are replaced). */
#define QA_TYPE_CONSENSUS_MODEL (qa_consensus_model_get_type ())
G_DECLARE_FINAL_TYPE (QaConsensusModel, qa_consensus_model, QA, CONSENSUS_MODEL, GObject)

QaConsensusModel *qa_consensus_model_new        (QaSession        *session,
                                                 QaStage           stage,
                                                 const char       *applicant_id,
                                                 GError          **error);
gboolean          qa_consensus_model_reload     (QaConsensusModel *self,
                                                 GError          **error);
/* The applicant's exact total of the rows as loaded. */
gint64            qa_consensus_model_get_total_x100 (QaConsensusModel *self);
QaStage           qa_consensus_model_get_stage  (QaConsensusModel *self);
const char       *qa_consensus_model_get_applicant_id (QaConsensusModel *self);

/* Charts, drawn with plain cairo inside the box @x, @y, @width × @height, for the GUI and the
 * report alike. The radar: one axis per category, 0–100 % outward; @percents (n values, in
 * clause order) filled, @outlines (may be NULL, n_outlines × n values each) drawn as lines.
 * @labels (n strings) name the axes. */
void        qa_consensus_draw_radar          (cairo_t            *cr,
                                              double              x,
                                              double              y,
                                              double              width,
                                              double              height,
                                              const char * const *labels,
                                              const double       *percents,
                                              guint               n,
                                              const double       *outlines,
                                              guint               n_outlines);
/* Spread bars: one row per item, a bar from min to max on a 0–100 axis with the consensus
 * marked; flagged rows are drawn hatched and with a “!” so colour is not the only signal. */
void        qa_consensus_draw_spread_bars    (cairo_t            *cr,
                                              double              x,
                                              double              y,
                                              double              width,
                                              double              height,
                                              GPtrArray          *items);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QaConsensusItem, qa_consensus_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (QaConsensusTotal, qa_consensus_total_free)

G_END_DECLS
