/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* How an item is judged: process items by ADLI, result items by LeTCI. */
typedef enum
{
  QA_ITEM_KIND_PROCESS,
  QA_ITEM_KIND_RESULT,
} QaItemKind;

#define QA_TYPE_ITEM_KIND (qa_item_kind_get_type ())
#define QA_TYPE_ITEM (qa_item_get_type ())
G_DECLARE_FINAL_TYPE (QaItem, qa_item, QA, ITEM, GObject)

GType       qa_item_kind_get_type     (void);
/* "process" / "result", as in the CLI's criteria output. */
const char *qa_item_kind_to_string    (QaItemKind  kind);

/* A scored GB/T 19580 item, e.g. 4.1.2 高层领导的作用, 50 points. Immutable once loaded. */
const char *qa_item_get_code          (QaItem     *self);
/* The name in the user's language (Chinese unless the locale asks for English). */
const char *qa_item_get_name          (QaItem     *self);
const char *qa_item_get_name_zh       (QaItem     *self);
const char *qa_item_get_name_en       (QaItem     *self);
guint       qa_item_get_points        (QaItem     *self);
QaItemKind  qa_item_get_kind          (QaItem     *self);
/* The clause of the category, e.g. "4.1". */
const char *qa_item_get_category_code (QaItem     *self);
/* The item's key points in the user's language, or NULL. */
const char *qa_item_get_key_points    (QaItem     *self);
const char *qa_item_get_key_points_zh (QaItem     *self);
const char *qa_item_get_key_points_en (QaItem     *self);

G_END_DECLS
