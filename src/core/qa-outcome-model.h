/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "qa-rules.h"

G_BEGIN_DECLS

/* The outcome as list models the faces show: one item per row of the candidate list, with its
 * numbers already formatted by the rules (one decimal, halves up) so every face reads the same. */

#define QA_TYPE_SHORTLIST_ITEM (qa_shortlist_item_get_type ())
G_DECLARE_FINAL_TYPE (QaShortlistItem, qa_shortlist_item, QA, SHORTLIST_ITEM, GObject)

/* A copy of @row. */
QaShortlistItem *qa_shortlist_item_new          (const QaShortlistRow *row);
const char      *qa_shortlist_item_get_id       (QaShortlistItem *self);
const char      *qa_shortlist_item_get_name     (QaShortlistItem *self);
/* 0 when not ranked. */
guint            qa_shortlist_item_get_rank     (QaShortlistItem *self);
/* "482.3", or NULL when there is no such score. */
const char      *qa_shortlist_item_get_material (QaShortlistItem *self);
const char      *qa_shortlist_item_get_site     (QaShortlistItem *self);
const char      *qa_shortlist_item_get_final    (QaShortlistItem *self);
QaOutcomeStatus  qa_shortlist_item_get_status   (QaShortlistItem *self);
/* In words with its article, translated. */
const char      *qa_shortlist_item_get_reason   (QaShortlistItem *self);
const char      *qa_shortlist_item_get_article  (QaShortlistItem *self);
/* Whether the status puts the applicant on the list the committee confirms. */
gboolean         qa_shortlist_item_is_listed    (QaShortlistItem *self);

/* The rows of @result, in its order, as QaShortlistItem. */
GListModel      *qa_outcome_model_new_shortlist (const QaShortlistResult *result);

G_END_DECLS
