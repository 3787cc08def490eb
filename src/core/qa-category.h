/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "qa-item.h"

G_BEGIN_DECLS

#define QA_TYPE_CATEGORY (qa_category_get_type ())
G_DECLARE_FINAL_TYPE (QaCategory, qa_category, QA, CATEGORY, GObject)

/* One of the seven GB/T 19580 categories, e.g. 4.1 领导 (110 points). */
const char *qa_category_get_code    (QaCategory *self);
const char *qa_category_get_name    (QaCategory *self);
const char *qa_category_get_name_zh (QaCategory *self);
const char *qa_category_get_name_en (QaCategory *self);
guint       qa_category_get_points  (QaCategory *self);
/* The category's scored items (QaItem), in clause order. */
GListModel *qa_category_get_items   (QaCategory *self);

G_END_DECLS
