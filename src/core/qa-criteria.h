/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "qa-category.h"
#include "qa-item.h"

G_BEGIN_DECLS

#define QA_CRITERIA_ERROR (qa_criteria_error_quark ())

typedef enum
{
  QA_CRITERIA_ERROR_PARSE,      /* not well-formed, or hostile (DOCTYPE, entities) */
  QA_CRITERIA_ERROR_INVALID,    /* not valid against data/schemas/criteria.xsd */
  QA_CRITERIA_ERROR_INCONSISTENT, /* e.g. items do not add up to their category */
  QA_CRITERIA_ERROR_NOT_FOUND,
} QaCriteriaError;

/* The guidance for one scoring band (e.g. 50–65%) of one kind of item. Texts are in the
 * user's language. For process items the four ADLI texts are set; for result items only
 * @description is. */
typedef struct
{
  guint       min_percent;
  guint       max_percent;
  const char *description;
  const char *approach;
  const char *deployment;
  const char *learning;
  const char *integration;
} QaBand;

#define QA_TYPE_CRITERIA (qa_criteria_get_type ())
G_DECLARE_FINAL_TYPE (QaCriteria, qa_criteria, QA, CRITERIA, GObject)

/* The default criteria id, "gbt19580-2012". */
#define QA_CRITERIA_DEFAULT_ID "gbt19580-2012"

GQuark        qa_criteria_error_quark     (void);
/* Loads a criteria edition shipped with the program by id (embedded as a resource). */
QaCriteria   *qa_criteria_new_from_id     (const char   *id,
                                           GError      **error);
QaCriteria   *qa_criteria_new_from_file   (GFile        *file,
                                           GError      **error);
QaCriteria   *qa_criteria_new_from_bytes  (GBytes       *bytes,
                                           GError      **error);
const char   *qa_criteria_get_id          (QaCriteria   *self);
const char   *qa_criteria_get_title       (QaCriteria   *self);
guint         qa_criteria_get_total_points (QaCriteria  *self);
/* QaCategory, in clause order (7). */
GListModel   *qa_criteria_get_categories  (QaCriteria   *self);
/* Every scored QaItem, in clause order (23). */
GListModel   *qa_criteria_get_items       (QaCriteria   *self);
QaItem       *qa_criteria_lookup_item     (QaCriteria   *self,
                                           const char   *code);
/* The band that @percent (0–100) falls in for items of @kind; never NULL for 0–100. Bands are
 * made of whole 5 % steps (0–5, 10–25, …): a percentage between steps counts as the step
 * below it, so 7 falls in 0–5 and 27 in 10–25. */
const QaBand *qa_criteria_get_band        (QaCriteria   *self,
                                           QaItemKind    kind,
                                           guint         percent);
/* All bands of @kind, lowest first; @n_bands is set to their number (6). */
const QaBand *qa_criteria_get_bands       (QaCriteria   *self,
                                           QaItemKind    kind,
                                           guint        *n_bands);

G_END_DECLS
