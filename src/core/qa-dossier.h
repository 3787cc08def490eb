/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "qa-rules.h"

G_BEGIN_DECLS

#define QA_DOSSIER_ERROR (qa_dossier_error_quark ())

typedef enum
{
  QA_DOSSIER_ERROR_INVALID,    /* one or more fields are wrong; the message names each */
  QA_DOSSIER_ERROR_DUPLICATE,  /* the reference or the credit code is already registered */
  QA_DOSSIER_ERROR_NOT_FOUND,
} QaDossierError;

/* The text fields of a dossier. Their names (qa_dossier_field_get_name) are the CSV column
 * names and the GObject property names with '_' for '-'. */
typedef enum
{
  QA_DOSSIER_ID,
  QA_DOSSIER_NAME,
  QA_DOSSIER_CREDIT_CODE,
  QA_DOSSIER_DISTRICT,
  QA_DOSSIER_FOUNDED,
  QA_DOSSIER_INDUSTRY,
  QA_DOSSIER_ADDRESS,
  QA_DOSSIER_LEGAL_REPRESENTATIVE,
  QA_DOSSIER_CONTACT_PERSON,
  QA_DOSSIER_PHONE,
  QA_DOSSIER_EMAIL,
  QA_DOSSIER_NOTES,
  QA_DOSSIER_N_TEXT_FIELDS
} QaDossierField;

/* A quality or industry management-system certificate (Art. 13(3)). */
typedef struct
{
  char *standard;      /* e.g. GB/T 19001-2016 */
  char *number;
  char *issuer;
  char *valid_until;   /* YYYY-MM-DD or NULL */
} QaCertificate;

/* One key business indicator of one year: revenue, profit, tax paid, quality loss rate, energy
 * per 10,000 yuan of output, or any other the applicant reports. */
typedef struct
{
  guint   year;
  char   *name;
  double  value;
  char   *unit;
} QaIndicator;

/* A field that failed validation and why (translated). */
typedef struct
{
  char *field;     /* the CSV column / field name, e.g. "credit_code" */
  char *message;
} QaFieldProblem;

#define QA_TYPE_DOSSIER (qa_dossier_get_type ())
G_DECLARE_FINAL_TYPE (QaDossier, qa_dossier, QA, DOSSIER, GObject)

GQuark              qa_dossier_error_quark          (void);
void                qa_field_problem_free           (QaFieldProblem  *problem);

const char         *qa_dossier_field_get_name       (QaDossierField   field);
/* Checks one value the way a form checks it as the user types; @today is YYYY-MM-DD, or NULL
 * for today. Empty optional fields pass. */
gboolean            qa_dossier_validate_text        (QaDossierField   field,
                                                     const char      *value,
                                                     const char      *today,
                                                     GError         **error);

/* An applicant's whole dossier (Art. 13, 14), detached from the database: edit it, then store it
 * with qa_session_save_dossier(). */
QaDossier          *qa_dossier_new                  (void);
const char         *qa_dossier_get_text             (QaDossier       *self,
                                                     QaDossierField   field);
void                qa_dossier_set_text             (QaDossier       *self,
                                                     QaDossierField   field,
                                                     const char      *value);
gboolean            qa_dossier_get_legal_person     (QaDossier       *self);
void                qa_dossier_set_legal_person     (QaDossier       *self,
                                                     gboolean         legal_person);
/* The applicant's own declaration of liability accidents in the look-back years. */
gboolean            qa_dossier_get_declared_accidents (QaDossier     *self);
void                qa_dossier_set_declared_accidents (QaDossier     *self,
                                                       gboolean       declared);
/* How many accidents were declared (the CSV column accidents_3y); any count above 0 declares
 * accidents, and declaring them without a count counts 1. */
guint               qa_dossier_get_accident_count   (QaDossier       *self);
void                qa_dossier_set_accident_count   (QaDossier       *self,
                                                     guint            count);
/* The secretariat's findings on Art. 13(3), (4), (5): @condition 3–5. */
QaConditionResult   qa_dossier_get_judgement        (QaDossier       *self,
                                                     guint            condition);
const char         *qa_dossier_get_judgement_note   (QaDossier       *self,
                                                     guint            condition);
void                qa_dossier_set_judgement        (QaDossier       *self,
                                                     guint            condition,
                                                     QaConditionResult result,
                                                     const char      *note);
/* Out of 1000; negative when the applicant gave none. */
double              qa_dossier_get_self_score       (QaDossier       *self);
void                qa_dossier_set_self_score       (QaDossier       *self,
                                                     double           self_score);
/* Recorded liability accidents (QaAccidentFact), certificates (QaCertificate) and key
 * indicators (QaIndicator): the arrays are the dossier's own; edit them in place. */
GPtrArray          *qa_dossier_get_accidents        (QaDossier       *self);
GPtrArray          *qa_dossier_get_certificates     (QaDossier       *self);
GPtrArray          *qa_dossier_get_indicators       (QaDossier       *self);
void                qa_dossier_add_accident         (QaDossier       *self,
                                                     const char      *date,
                                                     const char      *kind,
                                                     const char      *description);
void                qa_dossier_add_certificate      (QaDossier       *self,
                                                     const char      *standard,
                                                     const char      *number,
                                                     const char      *issuer,
                                                     const char      *valid_until);
void                qa_dossier_add_indicator        (QaDossier       *self,
                                                     guint            year,
                                                     const char      *name,
                                                     double           value,
                                                     const char      *unit);

/* Every problem of the dossier at once (QaFieldProblem), empty when it can be stored; the
 * self-assessment is points out of @max_points (the criteria's total). */
GPtrArray          *qa_dossier_check                (QaDossier       *self,
                                                     const char      *today,
                                                     guint            max_points);
/* Reads a self-assessment typed as @text: points from 0 to @max_points (the criteria's total),
 * or -1 in @score when @text is empty. FALSE, with why, when it is no such number. */
gboolean            qa_dossier_parse_self_score     (const char      *text,
                                                     guint            max_points,
                                                     double          *score,
                                                     GError         **error);
/* The facts Art. 13 is checked against; valid while @self is unchanged. */
void                qa_dossier_get_eligibility_facts (QaDossier          *self,
                                                      QaEligibilityFacts *facts);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QaFieldProblem, qa_field_problem_free)

G_END_DECLS
