/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "qa-item.h"
#include "qa-session.h"

G_BEGIN_DECLS

/* A reviewer's independent scores of GB/T 19580 items: reviewer × applicant × stage × item →
 * a percentage in 5% steps, with strengths (优势) and opportunities for improvement (改进机会).
 * Every score is written the moment it is entered, in a transaction of its own. */

#define QA_SCORE_ERROR (qa_score_error_quark ())

typedef enum
{
  QA_SCORE_ERROR_PERCENT,       /* not a multiple of 5 from 0 to 100 */
  QA_SCORE_ERROR_ITEM,          /* not a scored item of the criteria */
  QA_SCORE_ERROR_NOT_ASSIGNED,  /* the applicant is not assigned to the reviewer, or they conflict */
  QA_SCORE_ERROR_NOT_ON_PANEL,
  QA_SCORE_ERROR_STAGE_CLOSED,
  QA_SCORE_ERROR_ROLE,          /* outside a review package, or for another reviewer */
  QA_SCORE_ERROR_TEXT,          /* strengths or improvements a score sheet cannot carry */
} QaScoreError;

/* One item of one reviewer's sheet for one applicant. */
#define QA_TYPE_ITEM_SCORE (qa_item_score_get_type ())
G_DECLARE_FINAL_TYPE (QaItemScore, qa_item_score, QA, ITEM_SCORE, GObject)

QaItem     *qa_item_score_get_item         (QaItemScore *self);
/* 0–100, or -1 while the item is unscored. */
int         qa_item_score_get_percent      (QaItemScore *self);
/* The item's points × percentage, or a negative number while unscored. */
double      qa_item_score_get_points       (QaItemScore *self);
const char *qa_item_score_get_strengths    (QaItemScore *self);
const char *qa_item_score_get_improvements (QaItemScore *self);

/* A reviewer's scoring sheet for one applicant at one stage: the 23 items, category subtotals
 * and the total, kept in step with the database. */
#define QA_TYPE_SCORE_SHEET (qa_score_sheet_get_type ())
G_DECLARE_FINAL_TYPE (QaScoreSheet, qa_score_sheet, QA, SCORE_SHEET, GObject)

GQuark        qa_score_error_quark             (void);
/* A percentage a reviewer may give under @profile: 0 to 100 in its scoring step. */
gboolean      qa_score_percent_is_valid        (QaProfile     *profile,
                                                int            percent);
/* The scoring step of the sheet's session (qa_profile_get_score_step). */
guint         qa_score_sheet_get_step          (QaScoreSheet  *self);

QaScoreSheet *qa_score_sheet_new               (QaSession     *session,
                                                const char    *reviewer_id,
                                                const char    *applicant_id,
                                                QaStage        stage,
                                                GError       **error);
const char   *qa_score_sheet_get_reviewer_id   (QaScoreSheet  *self);
const char   *qa_score_sheet_get_applicant_id  (QaScoreSheet  *self);
QaStage       qa_score_sheet_get_stage         (QaScoreSheet  *self);
/* The QaItemScore of every scored item, in clause order. */
GListModel   *qa_score_sheet_get_items         (QaScoreSheet  *self);
QaItemScore  *qa_score_sheet_lookup            (QaScoreSheet  *self,
                                                const char    *item_code);
/* Points out of 1000 of the items scored so far. */
double        qa_score_sheet_get_total         (QaScoreSheet  *self);
double        qa_score_sheet_get_category_total (QaScoreSheet *self,
                                                 const char   *category_code);
guint         qa_score_sheet_get_n_scored      (QaScoreSheet  *self);
/* Records the score of one item (autosaved); @percent -1 clears it. Texts may be NULL. */
gboolean      qa_score_sheet_set               (QaScoreSheet  *self,
                                                const char    *item_code,
                                                int            percent,
                                                const char    *strengths,
                                                const char    *improvements,
                                                GError       **error);

/* One stored independent score, for listing. */
typedef struct
{
  char *reviewer_id;
  char *applicant_id;
  char *item;
  int   percent;
  char *strengths;
  char *improvements;
} QaScoreRecord;

void          qa_score_record_free             (QaScoreRecord *record);
/* The stored scores of @stage (QaScoreRecord), by reviewer, applicant and clause; @reviewer_id
 * and @applicant_id narrow the list when not NULL. */
GPtrArray    *qa_scores_list                   (QaSession     *session,
                                                QaStage        stage,
                                                const char    *reviewer_id,
                                                const char    *applicant_id,
                                                GError       **error);

/* The applicants assigned to @reviewer_id at @stage (ids), in order. */
GStrv         qa_scores_assigned_applicants    (QaSession     *session,
                                                const char    *reviewer_id,
                                                QaStage        stage,
                                                GError       **error);

G_END_DECLS
