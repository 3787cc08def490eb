/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "qa-rules.h"
#include "qa-session.h"

G_BEGIN_DECLS

/* The expert panel of each review stage (Art. 11): who sits on it, who scores which applicant
 * (everyone, except where a tie calls for recusal), the random draw (随机抽取), and the
 * applicants the panel sends from material review to site review (Art. 16(3)–(4)).
 *
 * The applicants of the material stage are those found eligible (Art. 13); forming the material
 * panel places them in material review. The applicants of the site stage are those advanced. */

#define QA_PANEL_ERROR (qa_panel_error_quark ())

typedef enum
{
  QA_PANEL_ERROR_RULES,       /* a rule of the award says no; the message gives every reason */
  QA_PANEL_ERROR_NOT_FORMED,  /* the stage has no panel yet */
  QA_PANEL_ERROR_LOCKED,      /* scores for the stage have been received; the panel stays */
} QaPanelError;

/* A random draw as recorded for the supervisory committee. The panel_draw table keeps the seed,
 * the pool as one line per expert who could be drawn (“E02 A06”: the reference, then the
 * applicants of the stage they are tied to), and the result as “members E03 E05 …” and
 * “alternates E06 …” lines: enough to redo the draw by hand. */
typedef struct
{
  QaStage  stage;
  guint64  seed;
  GStrv    pool;        /* who could be drawn, in the order the shuffle starts from (by id) */
  GStrv    members;     /* in the order drawn */
  GStrv    alternates;  /* in the order drawn */
  char    *drawn_at;    /* ISO 8601 UTC */
  /* Everyone who could be drawn was: the draw chose nobody, only the order (and so the chair). */
  gboolean no_choice;
} QaPanelDraw;

#define QA_TYPE_PANEL (qa_panel_get_type ())
G_DECLARE_FINAL_TYPE (QaPanel, qa_panel, QA, PANEL, GObject)

GQuark              qa_panel_error_quark          (void);
void                qa_panel_draw_free            (QaPanelDraw  *draw);
/* When @draw had no choice, the sentence that says so (translated); else NULL. */
const char         *qa_panel_draw_get_choice_note (const QaPanelDraw *draw);

/* A formed panel as stored, read with today's facts. */
QaStage             qa_panel_get_stage            (QaPanel      *self);
const char         *qa_panel_get_chair_id         (QaPanel      *self);
const char * const *qa_panel_get_members          (QaPanel      *self);
const char * const *qa_panel_get_alternates       (QaPanel      *self);
/* ISO 8601 UTC. */
const char         *qa_panel_get_formed_at        (QaPanel      *self);
/* The applicants of the stage, by reference. */
const char * const *qa_panel_get_applicants       (QaPanel      *self);
/* The members assigned to score @applicant_id, and those recused from it for a tie. */
const char * const *qa_panel_get_scorers          (QaPanel      *self,
                                                   const char   *applicant_id);
const char * const *qa_panel_get_recused          (QaPanel      *self,
                                                   const char   *applicant_id);
/* What the rules say of the panel now (QaPanelViolation): empty while it still holds, else
 * e.g. a member disqualified or a tie found after it was formed. */
GPtrArray          *qa_panel_get_problems         (QaPanel      *self);

/* The applicants (by reference) a panel formed now for @stage would review. */
GStrv               qa_panel_dup_stage_applicants (QaSession    *session,
                                                   QaStage       stage,
                                                   GError      **error);
/* Every reason (QaPanelViolation) the proposed panel may not be formed, empty when it may: the
 * rules of Art. 11, unknown or repeated references, and each applicant whom recusals leave
 * with too few scorers. @alternates may be NULL. For a live check while a panel is edited. */
GPtrArray          *qa_panel_check                (QaSession          *session,
                                                   QaStage             stage,
                                                   const char         *chair_id,
                                                   const char * const *members,
                                                   const char * const *alternates,
                                                   GError            **error);
/* Forms (or forms again) the panel of @stage and assigns each member every applicant of the
 * stage they have no tie with; refused (QA_PANEL_ERROR_RULES, naming every reason) unless
 * qa_panel_check() finds nothing. */
gboolean            qa_panel_form                 (QaSession          *session,
                                                   QaStage             stage,
                                                   const char         *chair_id,
                                                   const char * const *members,
                                                   const char * const *alternates,
                                                   GError            **error);
/* The panel of @stage; QA_PANEL_ERROR_NOT_FORMED when there is none. */
QaPanel            *qa_panel_load                 (QaSession          *session,
                                                   QaStage             stage,
                                                   GError            **error);

/* Draws @size members and @n_alternates alternates at random from the experts who may serve,
 * and records the draw; the panel itself is formed with qa_panel_form().
 *
 * The draw is reproducible: the experts who may serve (qa_rules_expert_can_serve) are sorted by
 * reference and shuffled by Fisher–Yates, i from n−1 down to 1 swapping i with a uniform j ≤ i,
 * taken from splitmix64 seeded with @seed (a value below the bound b is drawn by redrawing any
 * 64-bit output under 2^64 mod b, then taking it mod b). The shuffled experts are taken in turn:
 * as a member while members are missing, unless their ties would leave an applicant of the stage
 * with fewer scorers than the profile requires; else as an alternate while alternates are
 * missing, if they have no tie with any applicant of the stage, so that an alternate can stand
 * in for any member. Refused, with the reasons, when too few can be drawn. */
QaPanelDraw        *qa_panel_draw                 (QaSession          *session,
                                                   QaStage             stage,
                                                   guint               size,
                                                   guint               n_alternates,
                                                   guint64             seed,
                                                   GError            **error);

/* Records the panel's decision after material review: @applicant_ids go on to site review, the
 * other applicants of material review do not. Refused unless the material panel is formed and
 * each applicant is in material review. A formed site panel is assigned again. */
gboolean            qa_panel_advance              (QaSession          *session,
                                                   const char * const *applicant_ids,
                                                   GError            **error);

/* Every reason (QaPanelViolation) qa_panel_advance() would refuse @applicant_ids, empty when it
 * would not: what a face shows before the decision is taken. */
GPtrArray          *qa_panel_check_advance        (QaSession          *session,
                                                   const char * const *applicant_ids,
                                                   GError            **error);
/* Whether @expert_id is to score @applicant_id in @stage: on the panel, assigned, and with no tie
 * to it now. FALSE with @error set when the file cannot be read: a database error is not a “no”. */
gboolean            qa_panel_is_assigned          (QaSession          *session,
                                                   QaStage             stage,
                                                   const char         *expert_id,
                                                   const char         *applicant_id,
                                                   GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QaPanelDraw, qa_panel_draw_free)

G_END_DECLS
