/* qa-item-guide.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "qa-core.h"

G_BEGIN_DECLS

#define QA_TYPE_ITEM_GUIDE (qa_item_guide_get_type ())
G_DECLARE_FINAL_TYPE (QaItemGuide, qa_item_guide, QA, ITEM_GUIDE, GtkWidget)

/* What a reviewer judges one GB/T 19580 item by: its points, key points and the six scoring
 * bands (ADLI for process items, LeTCI for results), the band of a percentage highlighted. */
GtkWidget  *qa_item_guide_new         (void);
QaItem     *qa_item_guide_get_item    (QaItemGuide *self);
/* @criteria gives the bands and the category of @item. */
void        qa_item_guide_set_item    (QaItemGuide *self,
                                       QaCriteria  *criteria,
                                       QaItem      *item);
/* The percentage whose band is highlighted, or -1 for none. */
int         qa_item_guide_get_percent (QaItemGuide *self);
void        qa_item_guide_set_percent (QaItemGuide *self,
                                       int          percent);
/* The band highlighted, e.g. “50–65%”, or NULL. */
const char *qa_item_guide_get_current_band (QaItemGuide *self);

G_END_DECLS
