/* qa-experts-ui-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "qa-core.h"

G_BEGIN_DECLS

/* What the expert pool, the panel editor and the conflict matrix say alike. */

/* “孙立 (E08)”, or @expert_id alone when it is not in the pool. */
char       *_qa_experts_ui_dup_expert_label    (QaSession     *session,
                                                const char    *expert_id);
/* “A02 甘州区黑河水务集团有限公司”, or @applicant_id alone when it is not in the session. */
char       *_qa_experts_ui_dup_applicant_label (QaSession     *session,
                                                const char    *applicant_id);
/* The labels of @ids joined by commas; “—” when there are none. */
char       *_qa_experts_ui_join_experts        (QaSession          *session,
                                                const char * const *ids);
/* The kind of a tie as the face names it: a former employer says for how many years after
 * leaving it ties, from @profile (“Former employer (within 3 years)”). */
char       *_qa_experts_ui_dup_kind_label      (QaProfile     *profile,
                                                QaConflictKind kind);
/* One line about a tie: “Employer · Declared by the expert: 现任该单位财务部副部长”. */
char       *_qa_experts_ui_describe_tie        (QaSession     *session,
                                                const QaTie   *tie);
/* An ISO 8601 timestamp as local date and time, “2026-05-06 14:30”; @iso itself when it is not
 * one. */
char       *_qa_experts_ui_format_timestamp    (const char    *iso);
/* A tie found from the records looks unlike one somebody recorded. */
const char *_qa_experts_ui_tie_icon_name       (QaConflictSource source);
const char *_qa_experts_ui_tie_style           (QaConflictSource source);
/* The style class of a status pill: "success", "warning" (suspended) or "error" (disqualified). */
const char *_qa_experts_ui_status_style        (QaExpertStatus status);
/* Every reason (QaPanelViolation) @expert may not sit on a panel; empty when they may. */
GPtrArray  *_qa_experts_ui_check_expert        (QaSession     *session,
                                                QaExpert      *expert);
/* The violation's message with its article in bold, as Pango markup. */
char       *_qa_experts_ui_violation_markup    (const QaPanelViolation *violation);
/* A row of a boxed list telling one violation, with an icon of @icon_name in @style. */
GtkWidget  *_qa_experts_ui_violation_row_new   (const QaPanelViolation *violation,
                                                const char             *icon_name,
                                                const char             *style);
/* A row of a boxed list: @title over @subtitle (plain text), after @prefix (taken) when not NULL.
 * Unlike AdwActionRow's in libadwaita 1.2, the subtitle wraps: a long list of names or a long
 * note never widens the page. */
GtkWidget  *_qa_experts_ui_fact_row_new        (const char    *title,
                                                const char    *subtitle,
                                                GtkWidget     *prefix);
/* Removes every row of @list. */
void        _qa_experts_ui_clear_list_box      (GtkListBox    *list);

G_END_DECLS
