/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "qa-expert.h"
#include "qa-rules.h"
#include "qa-session.h"

G_BEGIN_DECLS

/* The expert pool (Art. 11), the session's declarations, penalties (Art. 23) and conflicts of
 * interest (回避). Every write is one transaction; a refusal changes nothing; the session's
 * expert list (qa_session_get_experts) is current when a write returns. */

#define QA_EXPERTS_ERROR (qa_experts_error_quark ())

typedef enum
{
  QA_EXPERTS_ERROR_INVALID,    /* a field or a row is wrong; the message names each */
  QA_EXPERTS_ERROR_NOT_FOUND,  /* no such expert or applicant */
  QA_EXPERTS_ERROR_DUPLICATE,  /* already in the pool, or the tie is already recorded */
  QA_EXPERTS_ERROR_STATUS,     /* the expert's status does not allow the change */
} QaExpertsError;

/* The kinds of tie between an expert and an applicant. */
typedef enum
{
  QA_CONFLICT_EMPLOYER,         /* works for the applicant */
  QA_CONFLICT_FORMER_EMPLOYER,  /* worked for it before: declared, or found from the former
                                   employers left within the profile's years */
  QA_CONFLICT_CONSULTANT,       /* consultant or adviser to it */
  QA_CONFLICT_RELATIVE,         /* a close relative works there */
  QA_CONFLICT_COMPETITOR,       /* works for a competitor */
  QA_CONFLICT_OTHER,
} QaConflictKind;

/* Who recorded a tie. */
typedef enum
{
  QA_CONFLICT_DECLARED,     /* declared by the expert */
  QA_CONFLICT_SECRETARIAT,  /* found and added by the secretariat */
  QA_CONFLICT_AUTOMATIC,    /* found from the records: the employer is the applicant, or was
                               within the profile's panel/@former-employer-years */
} QaConflictSource;

/* One tie between an expert and an applicant, with why it is one. */
typedef struct
{
  char             *expert_id;
  char             *applicant_id;
  QaConflictKind    kind;
  QaConflictSource  source;
  char             *reason;     /* the note recorded with it, or the automatic finding; may be NULL */
} QaTie;

GQuark          qa_experts_error_quark      (void);
void            qa_tie_free                 (QaTie             *tie);

/* "employer", "former_employer", "consultant", "relative", "competitor", "other". */
const char     *qa_conflict_kind_to_string  (QaConflictKind     kind);
gboolean        qa_conflict_kind_from_string (const char       *str,
                                              QaConflictKind   *kind);
const char     *qa_conflict_kind_get_label  (QaConflictKind     kind);
/* "declared", "secretariat", "automatic". */
const char     *qa_conflict_source_to_string (QaConflictSource  source);
const char     *qa_conflict_source_get_label (QaConflictSource  source);

/* The facts Art. 11 is checked against; valid while @self lives. */
void            qa_expert_get_panel_facts   (QaExpert           *self,
                                             QaPanelMemberFacts *facts);

/* The name of expert @id, or @id itself when the session has no such expert. */
char           *qa_experts_dup_name         (QaSession         *session,
                                             const char        *id);
/* The expert @id from the session's list, or NULL. */
QaExpert       *qa_experts_lookup           (QaSession         *session,
                                             const char        *id);

/* Imports the expert pool from CSV (docs/cli.md, “import experts”: id, name, employer,
 * experience_years, trained, ethics, specialty; optionally title, contact and
 * employer_credit_code). All or nothing, naming every bad row as “file:line: column: reason”;
 * a reference already in the pool is refused. */
gboolean        qa_experts_import_csv       (QaSession         *session,
                                             GBytes            *bytes,
                                             const char        *name,
                                             guint             *n_imported,
                                             GError           **error);
/* Imports declared ties (expert_id, applicant_id, reason; optionally kind, default other). Both
 * references must exist; all or nothing, as above. */
gboolean        qa_experts_import_conflicts_csv (QaSession     *session,
                                                 GBytes        *bytes,
                                                 const char    *name,
                                                 guint         *n_imported,
                                                 GError       **error);

/* Records the expert's impartiality and confidentiality declaration for this session. Declaring
 * again keeps the first date. */
gboolean        qa_experts_declare          (QaSession         *session,
                                             const char        *expert_id,
                                             GError           **error);
/* Art. 23 (penalties): QA_EXPERT_STATUS_SUSPENDED suspends the expert, DISQUALIFIED withdraws
 * their reviewer qualification for good, ACTIVE lifts a suspension; always with the written
 * reason (refused without one). A disqualification is final (QA_EXPERTS_ERROR_STATUS), as is a
 * change to the status the expert already has. */
gboolean        qa_experts_set_status       (QaSession         *session,
                                             const char        *expert_id,
                                             QaExpertStatus     status,
                                             const char        *reason,
                                             GError           **error);

/* A change to an expert's record: a field left NULL (or -1) is kept as it is. */
typedef struct
{
  const char *employer;           /* 工作单位 */
  const char *title;              /* 职称; "" clears it */
  int         experience_years;   /* from 0 to QA_EXPERTS_MAX_EXPERIENCE_YEARS; -1 keeps */
} QaExpertChange;

/* The longest career the pool believes. */
#define QA_EXPERTS_MAX_EXPERIENCE_YEARS 70

/* Changes the record of expert @expert_id, noting each field's old and new value in the audit
 * trail ("expert.edit"); a changed employer keeps the old one as a former employer left today
 * ("expert.former.add"). Refused (QA_EXPERTS_ERROR_INVALID, naming the field) when a value is
 * not acceptable, and when nothing would change. */
gboolean        qa_experts_update           (QaSession         *session,
                                             const char        *expert_id,
                                             const QaExpertChange *change,
                                             GError           **error);
/* Records that expert @expert_id completed the systematic training in performance-excellence
 * assessment Art. 11(4) asks for: the course, and its date (YYYY-MM-DD, not in the future; NULL
 * when unknown). The expert counts as trained from then on ("expert.train"). */
gboolean        qa_experts_record_training  (QaSession         *session,
                                             const char        *expert_id,
                                             const char        *course,
                                             const char        *date,
                                             GError           **error);

/* Records a tie. @source is QA_CONFLICT_DECLARED or QA_CONFLICT_SECRETARIAT; @note may be NULL.
 * A panel member tied to the applicant stops being assigned to it at once (recusal). */
gboolean        qa_experts_add_conflict     (QaSession         *session,
                                             const char        *expert_id,
                                             const char        *applicant_id,
                                             QaConflictKind     kind,
                                             QaConflictSource   source,
                                             const char        *note,
                                             GError           **error);
/* Every tie (QaTie) between the pool and the applicants: those recorded and those found
 * automatically (the expert's employer is named as, or has the credit code of, the
 * applicant; or the expert left the applicant within the years of
 * qa_rules_former_employer_is_tie(), counted back from today), ordered by expert and
 * applicant. For the conflict matrix, the panel draw and a sheet's import. */
GPtrArray      *qa_experts_list_ties        (QaSession         *session,
                                             GError           **error);
/* The ties (QaTie) of one expert with one applicant; empty when they have none. */
GPtrArray      *qa_experts_get_ties         (QaSession         *session,
                                             const char        *expert_id,
                                             const char        *applicant_id,
                                             GError           **error);

/* An employer the expert worked for before, and the day they left it. */
typedef struct
{
  char *employer;
  char *left_on;    /* YYYY-MM-DD */
} QaFormerEmployer;

void            qa_former_employer_free     (QaFormerEmployer  *former);
/* The former employers (QaFormerEmployer) of expert @expert_id, the latest left first. */
GPtrArray      *qa_experts_list_former_employers (QaSession    *session,
                                                  const char   *expert_id,
                                                  GError      **error);
/* Records that expert @expert_id left @employer on @left_on (YYYY-MM-DD, not in the future;
 * the name not empty), "expert.former.add"; the same employer and day again is
 * QA_EXPERTS_ERROR_DUPLICATE. Changing the employer with qa_experts_update() records the old
 * one as left today. A panel member who left an applicant within the profile's years stops
 * being assigned to it (recusal). */
gboolean        qa_experts_add_former_employer (QaSession      *session,
                                                const char     *expert_id,
                                                const char     *employer,
                                                const char     *left_on,
                                                GError        **error);
/* Removes that record ("expert.former.remove"); QA_EXPERTS_ERROR_NOT_FOUND when there is none. */
gboolean        qa_experts_remove_former_employer (QaSession   *session,
                                                   const char  *expert_id,
                                                   const char  *employer,
                                                   const char  *left_on,
                                                   GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QaTie, qa_tie_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (QaFormerEmployer, qa_former_employer_free)

G_END_DECLS
